"""The headline list (``indicators``) holds the figures a one-page summary shows; every other figure stays with
its section. Each rule on sentences written for it."""

from __future__ import annotations

from briefgen.extract import extract_text
from briefgen.extract.figures import find_figures
from briefgen.extract.headline import reason


def _heads(data: dict) -> list[tuple]:
    return [(i["name"], i["value"], i.get("yoy")) for i in data["indicators"]]


def _kept(data: dict) -> dict[str, list[str]]:
    return {s["title"]: [r["name"] for r in s["results"]] for s in data["review"]["sections"]}


def _reason(sentence: str, place: str) -> list:
    return [(f.name, reason(f, place)) for f in find_figures(sentence).figures]


def test_opening_aggregates_are_headline_and_its_counts_keep_a_section_of_their_own():
    text = ("某街道2023年工作总结\n全年实现地区生产总值52.3亿元，同比增长6.1%，新引进企业42家，召开学习会12次。\n"
            "一、经济发展\n新签约项目8个，总投资12亿元。\n二、社会事业\n新增就业岗位300个。\n")
    data = extract_text(text).data
    assert _heads(data) == [("地区生产总值", 52.3, 6.1)]
    kept = _kept(data)
    assert kept["总体情况"] == ["新引进企业", "学习会"]
    assert list(kept)[0] == "总体情况"
    assert kept["社会事业"] == ["新增就业岗位"]


def test_a_figure_with_growth_in_the_opening_is_headline_a_count_without_is_not():
    assert _reason("新注册企业132家，同比增长10.2%，开展活动24场。", "opening") == [
        ("新注册企业", "growth"), ("开展活动", None)]


def test_an_aggregate_amount_without_growth_is_headline_only_in_the_opening_or_the_economy_part():
    assert _reason("全年累计引进外资1017万美元，完成招商引资资金4052万元。", "head") == [
        ("引进外资", "aggregate"), ("招商引资资金", "aggregate")]
    assert _reason("全年累计引进外资1017万美元。", "section") == [("引进外资", None)]


def test_rough_or_threshold_amounts_and_firms_capital_are_not_headline():
    assert _reason("挖掘税源项目税收贡献7400余万元。", "opening") == [("挖掘税源项目税收贡献", None)]
    assert _reason("新注册企业80家，注册资金3亿元。", "opening") == [("新注册企业", None), ("新注册企业注册资金", None)]


def test_rates_and_shares_stay_with_their_section():
    assert _reason("老人全程接种率达89.23%。", "opening") == [("老人全程接种率", None)]


def test_in_a_later_section_only_an_aggregate_with_its_growth_is_headline():
    assert _reason("农业总产值3.2亿元，增长4.1%；新增家庭农场12家，增长20%。", "section") == [
        ("农业总产值", "growth"), ("新增家庭农场", None)]


def test_growth_of_an_aggregate_written_alone_is_headline_in_the_opening():
    assert _reason("规模以上工业增加值同比增长10.1%。", "opening") == [("规模以上工业增加值增速", "growth")]
    assert _reason("信访总量同比下降17.2%。", "opening") == [("信访总量增速", None)]


def test_a_brief_whose_only_figures_are_counts_shows_them():
    data = extract_text("某社区2024年第一季度工作简报\n社区新增志愿者86人，开展活动24场。").data
    assert _heads(data) == [("新增志愿者", 86, None), ("开展活动", 24, None)]


def test_a_task_documents_stray_counts_are_no_headline_figures():
    text = ("某街道重点工作任务分解\n浏览3013次，下载230次。\n1.新建公园3个。[牵头单位：城建办；配合单位：财政所]\n"
            "2.新增就业500人。[牵头单位：社会事务办]\n")
    data = extract_text(text).data
    assert data["indicators"] == []
    assert [t["lead"] for s in data["plan"]["sections"] for t in s["tasks"]] == ["城建办", "社会事务办"]


def test_a_lists_dash_is_no_part_of_a_name():
    assert _reason("——商品房销售额33.1亿元，同比下降41.4%。", "opening") == [("商品房销售额", "growth")]
