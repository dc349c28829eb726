"""The growth of an aggregate every economic summary shows (规上工业增加值, 固定资产投资, …), written alone, is a
headline figure in whichever part of the report it stands; the growth of a part of one stays with its section."""

from __future__ import annotations

from briefgen.extract import extract_text
from briefgen.extract.figures import find_figures
from briefgen.extract.headline import reason


def _reason(sentence: str, place: str) -> list:
    return [(f.name, reason(f, place)) for f in find_figures(sentence).figures]


def test_a_core_aggregates_growth_alone_is_headline_in_any_section():
    assert _reason("规模以上工业增加值同比增长5.3%。", "section") == [("规模以上工业增加值增速", "growth")]
    assert _reason("全社会固定资产投资比上年增长7.7%。", "section") == [("全社会固定资产投资增速", "growth")]


def test_the_growth_of_a_part_of_an_aggregate_stays_in_a_later_section():
    assert _reason("其中，民间投资增长3.4%。", "section") == [("民间投资增速", None)]
    assert _reason("工业固定资产投资增长12%。", "section") == [("工业固定资产投资增速", None)]
    assert _reason("信访总量同比下降17.2%。", "section") == [("信访总量增速", None)]


def test_in_a_report_of_many_economy_sections_each_ones_core_growth_is_headline():
    text = ("某镇2024年一季度经济运行简析\n一、工业运行\n全镇规上工业企业35家，规上工业增加值同比增长7.4%。\n"
            "二、投资运行\n固定资产投资完成4.1亿元，同比增长9.9%，其中工业投资同比增长20.3%。\n"
            "三、消费市场\n社会消费品零售总额3.6亿元，同比增长4.2%。\n")
    data = extract_text(text).data
    heads = [(i["name"], i["value"], i.get("yoy")) for i in data["indicators"]]
    assert ("规上工业增加值增速", 7.4, None) in heads
    assert ("固定资产投资", 4.1, 9.9) in heads and ("社会消费品零售总额", 3.6, 4.2) in heads
    assert not any(name.startswith("规上工业企业") for name, _, _ in heads)


def test_a_government_work_reports_year_without_one_in_its_title_is_the_sessions_day():
    text = ("政府工作报告\n——2025年1月8日在某县第十九届人民代表大会第五次会议上\n一、2024年工作回顾\n"
            "全县地区生产总值增长5.5%。\n二、2025年工作安排\n（一）抓好项目建设。\n")
    assert extract_text(text).data["report"]["year"] == 2025


def test_a_rough_amount_or_a_threshold_with_its_growth_is_headline_when_it_is_an_aggregate():
    assert _reason("完成区级税收1.6亿余元，同比增长7%。", "opening") == [("区级税收", "growth")]
    assert _reason("地区生产总值突破80亿元，增长6%。", "opening") == [("地区生产总值", "growth")]
    assert _reason("挖掘税源项目税收贡献7400余万元。", "opening") == [("挖掘税源项目税收贡献", None)]
    assert _reason("服务群众1万余人次，同比增长8%。", "section") == [("服务群众", None)]


def test_a_numbered_review_heading_followed_by_the_next_number_is_a_section_of_its_own():
    text = ("某镇2016年上半年工作总结\n一、经济运行情况\n上半年，全镇完成财政收入2860万元，同比增长9.1%，其中国税1200万元。\n"
            "二、项目建设情况\n实施重点项目9个，完成投资1.8亿元。\n三、下半年工作计划\n（一）抓好项目建设。\n")
    data = extract_text(text).data
    assert [s["title"] for s in data["review"]["sections"]] == ["经济运行情况", "项目建设情况"]
    assert [(i["name"], i["value"], i.get("yoy")) for i in data["indicators"]] == [("财政收入", 2860, 9.1)]


def test_domestic_capital_and_profits_and_taxes_are_aggregates():
    assert _reason("实际到位内资8.1亿元，同比增长4.4%；实现利税1.3亿元，增长2%。", "section") == [
        ("实际到位内资", "growth"), ("利税", "growth")]


def test_an_opening_then_a_review_of_one_numbered_part():
    text = ("某镇2023年1-9月经济运行情况\n全镇地区生产总值完成18.6亿元，同比增长5.2%。\n一、工业经济\n"
            "全镇规上工业企业40家，其中产值亿元以上企业9家。\n")
    data = extract_text(text).data
    assert [s["title"] for s in data["review"]["sections"]] == ["工业经济"]
    assert [r["name"] for r in data["review"]["sections"][0]["results"]] == ["规上工业企业", "产值亿元以上企业"]
