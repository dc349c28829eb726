"""A newspaper page's lines (刊发日期, 阅读次数), a numbered item's mark as no note, the same figure again after 其中
for a part of the period, and 总量 after a total's name (sentences written for these tests)."""

from briefgen.extract import extract_text
from briefgen.extract.figures import find_figures

REPORT = ("某县2025年一季度经济运行情况\n刊发日期：2025-04-20 阅读次数： 作者：admin\n"
          "一、主要指标完成情况\n全县地区生产总值总量为52.22亿元，同比增长4.0%。\n"
          "（一）全县规模以上工业增加值同比增长7.5%，其中，当月规模以上工业增加值同比增长9.9%。\n"
          "（三）全县社会消费品零售总额24.22亿元，同比增长7.4%。\n二、经济运行特点\n全县经济稳中向好。\n"
          "三、存在问题\n需求不足。\n")


def test_a_newspaper_pages_lines_are_no_text():
    data = extract_text(REPORT).data
    assert "刊发日期" not in str(data["review"]) and "阅读次数" not in str(data["plan"])


def test_the_same_figure_again_for_a_part_of_the_period_is_no_headline_figure():
    heads = [(m["name"], m["value"]) for m in extract_text(REPORT).data["indicators"]]
    assert ("规模以上工业增加值增速", 7.5) in heads and ("规模以上工业增加值增速", 9.9) not in heads


def test_a_numbered_items_mark_is_no_note_and_a_totals_total_is_its_name():
    figs = find_figures("（三）全县社会消费品零售总额24.22亿元，同比增长7.4%。全县地区生产总值总量为52.22亿元。").figures
    assert [(f.name, f.note) for f in figs] == [("社会消费品零售总额", None), ("地区生产总值", None)]


def test_a_numbered_line_whose_first_sentence_is_a_figure_keeps_its_figures():
    text = ("某县2025年一季度经济运行情况\n一、主要指标完成情况\n全县地区生产总值52.22亿元，同比增长4.0%。\n"
            "（一）全县规模以上工业增加值同比增长7.5%，其中，当月规模以上工业增加值同比增长9.9%。\n"
            "（二）全县社会消费品零售总额24.22亿元，同比增长7.4%。\n二、存在问题\n需求不足。\n")
    heads = [(m["name"], m["value"], m.get("yoy")) for m in extract_text(text).data["indicators"]]
    assert ("规模以上工业增加值增速", 7.5, None) in heads and ("社会消费品零售总额", 24.22, 7.4) in heads
    assert ("规模以上工业增加值增速", 9.9, None) not in heads
