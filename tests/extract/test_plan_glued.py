"""The plan part is found also when its heading runs straight into its first sentence (one-line copies of a
report: 二、2023年工作打算一是……). Sentences written for the rule."""

from __future__ import annotations

import pytest

from briefgen.extract import extract_text
from briefgen.extract.structure import split_glued_heading

ONE_LINE = ("某镇2022年工作总结及2023年工作打算 一、2022年工作回顾2022年以来，全镇实现地区生产总值52.3亿元，同比增长6.1%。"
            "（一）抓项目。新开工项目6个。（二）抓民生。新增就业300人。二、2023年工作打算一是抓项目，力争新开工项目25个。"
            "二是抓民生，9月底前完成老旧小区改造。三是抓治理，健全网格。")


@pytest.mark.parametrize("text, parts", [
    ("二、2023年工作打算一是抓项目，力争新开工项目25个。", ("二、2023年工作打算", "一是抓项目，力争新开工项目25个。")),
    ("三、下一步工作打算：一是抓招商；二是抓服务。", ("三、下一步工作打算", "一是抓招商；二是抓服务。")),
    ("二、明年工作思路明年，镇里将重点抓好三件事。", ("二、明年工作思路", "明年，镇里将重点抓好三件事。")),
    ("一、2022年工作回顾2022年以来，全镇坚持稳中求进。", ("一、2022年工作回顾", "2022年以来，全镇坚持稳中求进。")),
    ("三、存在的问题一是项目储备不足。", ("三、存在的问题", "一是项目储备不足。")),
])
def test_a_glued_heading_is_split_from_its_first_sentence(text, parts):
    assert split_glued_heading(text) == parts


@pytest.mark.parametrize("text", [
    "二、重点工作推进情况",  # a heading alone
    "二、2023年工作打算",
    "二、重点工作推进有力，完成全年任务。",  # the heading's words go on: a sentence
    "一、主要工作完成情况较好，群众满意。",
    "抓项目，力争新开工项目25个。",  # no part mark
])
def test_no_split_where_the_heading_goes_on_or_there_is_none(text):
    assert split_glued_heading(text) is None


def test_one_line_report_keeps_its_plan():
    data = extract_text(ONE_LINE).data
    plan = data["plan"]["sections"]
    assert [s["title"] for s in plan] == ["2023年工作打算"]
    assert [t["title"] for t in plan[0]["tasks"]][:2] == ["抓项目", "抓民生"]
    assert [s["title"] for s in data["review"]["sections"]] == ["抓项目", "抓民生"]
    assert data["report"]["year"] == 2022


def test_a_short_line_with_its_sections_run_together_is_taken_apart():
    text = ("某镇2023年工作总结\n一、2023年工作回顾\n全镇实现地区生产总值52亿元，增长6%。\n"
            "二、2024年工作打算（一）抓项目。力争新开工项目25个。（二）抓民生。新增就业500人。\n")
    data = extract_text(text).data
    assert [(s["title"], [t["title"] for t in s["tasks"]]) for s in data["plan"]["sections"]] == [("2024年工作打算", ["抓项目", "抓民生"])]


def test_part_headings_of_what_comes_next_and_of_problems_in_other_words():
    from briefgen.extract.structure import part_kind

    for heading in ("三、下步工作", "三、下步工作措施", "三、下半年重点", "四、下阶段工作", "三、今后工作", "三、2025年工作谋划",
                    "三、下半年主要工作"):
        assert part_kind(heading) == "plan", heading
    for heading in ("二、存在不足", "二、存在的主要问题", "二、问题与困难"):
        assert part_kind(heading) == "problems", heading
    for heading in ("一、上半年主要工作", "二、下半年工作完成情况"):
        assert part_kind(heading) == "review", heading
    assert part_kind("三、着力解决民生问题") is None  # a section on problems solved is no problems part


def test_a_plan_under_a_next_steps_heading_is_the_plan():
    from briefgen.extract import extract_text

    text = ("某街道2024年上半年工作总结\n一、上半年主要工作\n上半年完成税收2.1亿元，同比增长3%。\n二、存在的主要问题\n"
            "招商后劲不足。\n三、下步工作\n（一）抓好招商引资。（二）推进城市更新。\n")
    data = extract_text(text).data
    assert [t["title"] for s in data["plan"]["sections"] for t in s["tasks"]] == ["抓好招商引资", "推进城市更新"]
    assert "招商后劲不足" not in data["review"]["intro"]  # the problems part is left out
    assert [(i["name"], i["value"], i["yoy"]) for i in data["indicators"]] == [("税收", 2.1, 3)]
