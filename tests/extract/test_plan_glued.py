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
