"""Headline selection on shapes of statistics bulletins, half-year analyses and work reports: goals set for the
year, amounts of goods, breakdowns of an aggregate's growth, a bulletin's 综合 part (sentences written for these
tests)."""

from briefgen.extract import extract_text
from briefgen.extract.figures import find_figures


def _heads(text: str) -> list[tuple]:
    return [(m["name"], m["value"], m.get("yoy")) for m in extract_text(text).data["indicators"]]


def test_goals_set_for_the_year_are_no_headline_figures():
    text = ("某镇2023年工作总结\n2023年，全镇实现地区生产总值45.6亿元，增长6.1%；一般公共预算收入2.3亿元，增长4%。"
            "2024年经济社会发展的主要预期目标为：地区生产总值增长7%左右，固定资产投资增长10%以上。")
    heads = _heads(text)
    assert ("地区生产总值", 45.6, 6.1) in heads and ("一般公共预算收入", 2.3, 4) in heads
    assert not [h for h in heads if h[1] in (7, 10)]
    assert [f.target for f in find_figures("主要预期目标：地区生产总值增长9%。全年完成税收3亿元。").figures] == [True, False]


def test_a_text_of_goals_alone_gives_no_headline_figures():
    data = extract_text("建议2024年的主要预期目标为：地区生产总值增长6%以上，规上工业总产值增长10%以上。\n"
                        "2024年将重点推进三方面工作：\n（一）抓产业。一是扩大投资。二是培育企业。").data
    assert data["indicators"] == []


def test_a_bulletins_general_part_is_its_head_not_the_part_with_most_growth_figures():
    text = ("某县2022年国民经济和社会发展统计公报\n一、综合\n全年实现地区生产总值200.5亿元，比上年增长5.1%。"
            "其中，第一产业增加值30.2亿元，增长3.8%。\n二、农业\n全年粮食产量20.3万吨，增长2.1%；蔬菜产量8.2万吨，增长3.0%；"
            "油料产量1.1万吨，增长1.2%；生猪出栏30.2万头，增长4.1%；播种面积12.5万亩，增长0.8%。\n")
    heads = _heads(text)
    assert ("地区生产总值", 200.5, 5.1) in heads and ("第一产业增加值", 30.2, 3.8) in heads
    assert not [h for h in heads if "产量" in h[0] or "生猪" in h[0] or "面积" in h[0]]


def test_amounts_of_goods_stay_with_their_part_even_in_the_head():
    text = ("某镇2023年上半年工作总结\n一、经济运行\n实现规上工业产值12.3亿元，同比增长8%；粮食产量3.2万吨，增长1.5%。\n"
            "二、社会事业\n新建学校2所。\n")
    heads = _heads(text)
    assert ("规上工业产值", 12.3, 8) in heads
    assert not [h for h in heads if h[0] == "粮食产量"]


def test_outside_the_opening_a_growth_alone_is_headline_only_for_an_aggregate_by_its_whole_name():
    text = ("某县2025年一季度经济运行分析\n一、主要指标完成情况\n全县地区生产总值52.2亿元，同比增长4%。"
            "全县规模以上工业增加值同比增长7.5%，其中采矿业增加值增长67.9%。全县固定资产投资同比增长6.4%，"
            "民间投资增长46.0%。\n二、项目建设\n新开工项目5个。\n三、存在的问题\n工业投资不足。\n")
    names = [h[0] for h in _heads(text)]
    assert "规模以上工业增加值增速" in names and "固定资产投资增速" in names
    assert "采矿业增加值增速" not in names and "民间投资增速" not in names


def test_a_numbered_items_mark_and_a_basis_of_computation_are_no_part_of_a_name():
    names = [f.name for f in find_figures("（一）全县规模以上工业增加值同比增长7.5%。"
                                          "按常住人口计算人均地区生产总值39102元，增长0.2%。").figures]
    assert names == ["规模以上工业增加值增速", "人均地区生产总值"]


def test_a_bulletins_chapters_give_only_core_aggregates_and_its_head_is_found_by_a_core_name_inside_a_longer_one():
    text = ("某县2022年国民经济和社会发展统计公报\n一、综 合\n人口年末常住人口94.9万人。\n"
            "国民经济全年实现地区生产总值(GDP)439.19亿元，比上年增长3.3%。\n"
            "二、农 业\n全年农林牧渔业总产值169.7亿元，比上年增长4.4%，其中，农业产值91.9亿元，增长4.7%；林业产值6.5亿元，增长7.2%。"
            "全年粮食产量80.3万吨，下降2.4%。\n三、财政金融\n一般公共预算收入20.3亿元，增长6.1%；金融机构存款余额300.2亿元，增长9.2%。\n")
    heads = [h[0] for h in _heads(text)]
    assert any(h.endswith("地区生产总值") for h in heads) and "一般公共预算收入" in heads
    assert not [h for h in heads if "产值" in h or "存款" in h or "产量" in h]


def test_a_work_reports_section_named_like_a_sector_but_longer_is_no_chapter():
    text = ("某镇2023年工作总结\n一、经济运行\n全年完成税收3.2亿元，增长5%。\n二、农业生产稳步发展\n"
            "农业总产值3.2亿元，增长4.1%；新增家庭农场12家。\n")
    assert ("农业总产值", 3.2, 4.1) in _heads(text)
