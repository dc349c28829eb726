"""More growth wording, each rule on sentences written for it: 增收/减收 before the growth, 增幅达 and 增长率为
after the value, 同口径增长, 增产, 增长N倍, 递增, and a multi-year average with no subject of its own."""

from __future__ import annotations

import pytest

from briefgen.extract.figures import find_figures


def _figs(text: str) -> list[tuple]:
    return [(f.name, f.value, f.unit, f.yoy) for f in find_figures(text).figures]


@pytest.mark.parametrize("text, figures", [
    # a change in revenue (增收, 减收) between the value and its growth: the growth is the value's, no item 同比增收
    ("镇财政总收入3.05亿元，同比增收0.42亿元，增长16.0%。", [("镇财政总收入", "3.05", "亿元", "16.0")]),
    ("地方财政收入完成1.8亿元，比上年减收0.2亿元，下降10%。", [("地方财政收入", "1.8", "亿元", "-10")]),
    # the growth's noun with 达 or 为 after it
    ("完成农业总产值6.3亿元，增幅达4.4%。", [("农业总产值", "6.3", "亿元", "4.4")]),
    ("实现营业收入12.8亿元，增长率为9.1%。", [("营业收入", "12.8", "亿元", "9.1")]),
    ("商品房销售额3.3亿元，增速为-12.5%。", [("商品房销售额", "3.3", "亿元", "-12.5")]),
    ("地区生产总值完成75.2亿元，同口径增长5.2%。", [("地区生产总值", "75.2", "亿元", "5.2")]),
    # output: 增产, 减产
    ("全年粮食总产量9.2万吨，增产1.5%。", [("粮食总产量", "9.2", "万吨", "1.5")]),
    ("油料产量0.8万吨，减产3%。", [("油料产量", "0.8", "万吨", "-3")]),
    # 增长N倍 is a growth of N × 100 %
    ("完成外贸出口额1.6亿美元，同比增长1.5倍。", [("外贸出口额", "1.6", "亿美元", "150")]),
    # 递增 is a growth verb; an average over years naming nothing is no figure
    ("工业总产值完成21.4亿元，比上年递增11.3%。", [("工业总产值", "21.4", "亿元", "11.3")]),
    ("全镇生产总值17.5亿元，增长9%，是五年前的1.6倍，年均递增10.2%。", [("生产总值", "17.5", "亿元", "9")]),
    # a multi-year average that names its subject stays a figure
    ("五年来，地区生产总值年均增长7.1%。", [("地区生产总值年均增速", "7.1", "%", None)]),
])
def test_more_growth_wording(text, figures):
    assert _figs(text) == figures


def test_a_comparison_in_percentage_points_is_still_no_growth():
    assert _figs("规上工业增加值同比增长6.2%，增速比一季度提高1.1个百分点。") == [("规上工业增加值增速", "6.2", "%", None)]


@pytest.mark.parametrize("text, figures", [
    # short growth words of older and smaller reports: 比增, 同比增, 增, 同比降, 降幅为
    ("完成生产总值67.2亿元，比增9.3%。", [("生产总值", "67.2", "亿元", "9.3")]),
    ("工业增加值4.1亿元，比增11%；财政收入1.2亿元，同比增8.8%。",
     [("工业增加值", "4.1", "亿元", "11"), ("财政收入", "1.2", "亿元", "8.8")]),
    ("实现社会消费品零售总额7.7亿元，增12.1%。", [("社会消费品零售总额", "7.7", "亿元", "12.1")]),
    ("商品房销售面积8.5万平方米，同比降6.4%。", [("商品房销售面积", "8.5", "万平方米", "-6.4")]),
    ("限上批发业销售额4.4亿元，降幅为2.9%。", [("限上批发业销售额", "4.4", "亿元", "-2.9")]),
    # a change after the growth names no figure of its own
    ("税收收入完成2.6亿元，同比增长9.2%，增收0.22亿元。", [("税收收入", "2.6", "亿元", "9.2")]),
    # a label and its value apart by a colon
    ("地区生产总值：32.8亿元，同比增长6.1%。", [("地区生产总值", "32.8", "亿元", "6.1")]),
    ("1、工业总产值：完成18.4亿元，增长7.5%；2、财政收入：1.9亿元，增长4%。",
     [("工业总产值", "18.4", "亿元", "7.5"), ("财政收入", "1.9", "亿元", "4")]),
])
def test_short_growth_words_and_labels(text, figures):
    assert _figs(text) == figures


def test_a_colon_after_a_time_or_a_heading_is_no_label():
    assert _figs("截至6月底：累计完成投资3.5亿元。") == [("投资", "3.5", "亿元", None)]


@pytest.mark.parametrize("text, figures", [
    # values listed with 分别, their growths after without a second 分别
    ("城乡居民人均可支配收入分别为40120元和19850元，增长6.1%和7.9%。",
     [("城镇居民人均可支配收入", "40120", "元", "6.1"), ("农村居民人均可支配收入", "19850", "元", "7.9")]),
    # items that are whole names of their own take no head noun of the last item
    ("规上工业增加值、固定资产投资、社会消费品零售总额分别增长4.2%、6.6%、3.8%。",
     [("规上工业增加值增速", "4.2", "%", None), ("固定资产投资增速", "6.6", "%", None), ("社会消费品零售总额增速", "3.8", "%", None)]),
    ("地区生产总值、一般公共预算收入分别完成64.3亿元、2.71亿元，分别增长5.5%、8.1%。",
     [("地区生产总值", "64.3", "亿元", "5.5"), ("一般公共预算收入", "2.71", "亿元", "8.1")]),
    # the three sectors named once
    ("三次产业增加值分别完成9.1亿元、21.4亿元、30.2亿元，分别增长3.3%、6.8%、5.2%。",
     [("第一产业增加值", "9.1", "亿元", "3.3"), ("第二产业增加值", "21.4", "亿元", "6.8"), ("第三产业增加值", "30.2", "亿元", "5.2")]),
    # 亿 alone closing a clause is a unit; inside words it is none
    ("完成固定资产投资7.5亿，增长10%。", [("固定资产投资", "7.5", "亿", "10")]),
    ("投资1.2亿建设厂房。", []),
    # a bare change (增加568元) between a value and its growth
    ("农民人均纯收入5120元，增加460元，增长9.9%。", [("农民人均纯收入", "5120", "元", "9.9")]),
])
def test_lists_and_changes(text, figures):
    assert _figs(text) == figures


@pytest.mark.parametrize("text, figures", [
    ("完成税收收入6420万元，与去年同期相比增长8.4%。", [("税收收入", "6420", "万元", "8.4")]),
    ("一般公共预算收入0.9亿元，同比负增长2.6%。", [("一般公共预算收入", "0.9", "亿元", "-2.6")]),
    ("社会消费品零售总额4.4亿元，同比提升5.1%。", [("社会消费品零售总额", "4.4", "亿元", "5.1")]),
    ("规上工业总产值达到17亿元，增长近11%。", [("规上工业总产值", "17", "亿元", "11")]),
    # a change against last year in a count is no figure, and no growth of the level
    ("户籍人口8.6万人，与上年相比减少0.1万人。", [("户籍人口", "8.6", "万人", None)]),
])
def test_growth_against_last_year_in_other_words(text, figures):
    assert _figs(text) == figures


def test_a_share_of_the_budget_between_value_and_growth_and_livestock_and_area_units():
    f = find_figures("全年实现财政总收入4.9亿元，为年初预算的108%，比上年增长12.2%。").figures
    assert [(x.name, x.value, x.progress, x.yoy) for x in f] == [("财政总收入", "4.9", "108", "12.2")]
    assert _figs("生猪出栏9.6万头，增长4%；完成造林0.8万公顷。") == [("生猪出栏", "9.6", "万头", "4"), ("造林", "0.8", "万公顷", None)]


def test_an_average_growth_over_years_is_no_years_growth_it_goes_beside_the_figure():
    from briefgen.extract import extract_text

    f = find_figures("五年来，地区生产总值达到61.4亿元，年均增长7.7%。").figures
    assert [(x.name, x.value, x.yoy, x.note) for x in f] == [("地区生产总值", "61.4", None, "年均增长7.7%")]
    f = find_figures("税收收入由2015年的2.2亿元增加到2020年的3.9亿元，年均增长12.1%。").figures
    assert [(x.value, x.yoy, x.note) for x in f] == [("3.9", None, "由2.2亿元到3.9亿元，年均增长12.1%")]
    f = find_figures("生产总值完成61.4亿元，增长6%，年均增长7.7%。").figures
    assert [(x.value, x.yoy) for x in f] == [("61.4", "6")]
    data = extract_text("某县2021年政府工作报告\n五年来，地区生产总值达到61.4亿元，年均增长7.7%。\n").data
    assert data["indicators"] == [{"name": "地区生产总值", "value": 61.4, "unit": "亿元", "note": "年均增长7.7%"}]


def test_list_words_before_a_name_are_no_part_of_it():
    assert _figs("一是地区生产总值完成21.5亿元，同比增长4.4%；二是固定资产投资完成6.2亿元，同比下降1.1%。") == [
        ("地区生产总值", "21.5", "亿元", "4.4"), ("固定资产投资", "6.2", "亿元", "-1.1")]
    assert _figs("——规上工业总产值：完成33.8亿元，同比增长7.2%。") == [("规上工业总产值", "33.8", "亿元", "7.2")]


def test_a_list_of_dashed_lines_is_read_and_a_speechs_dash_line_is_not():
    from briefgen.extract import extract_text
    from briefgen.extract.meta import _front_line

    assert _front_line("——2024年1月18日在某区第五届人民代表大会第四次会议上")
    assert not _front_line("——地区生产总值：完成28.6亿元，同比增长5.2%。")
    data = extract_text("某镇2023年1-9月经济运行情况\n主要指标：\n——地区生产总值：完成18.6亿元，同比增长5.2%。\n"
                        "——固定资产投资：完成4.3亿元，同比增长2.1%。\n").data
    assert [(i["name"], i["value"], i.get("yoy")) for i in data["indicators"]] == [("地区生产总值", 18.6, 5.2), ("固定资产投资", 4.3, 2.1)]


def test_names_shared_across_a_list():
    assert _figs("城镇和农村居民人均可支配收入分别增长5.1%和6.9%。") == [
        ("城镇居民人均可支配收入增速", "5.1", "%", None), ("农村居民人均可支配收入增速", "6.9", "%", None)]
    assert _figs("规上工业增加值和固定资产投资增速分别为6.2%和9.5%。") == [
        ("规上工业增加值增速", "6.2", "%", None), ("固定资产投资增速", "9.5", "%", None)]
