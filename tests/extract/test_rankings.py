"""Rankings come only from ranking phrases (居全区第一, 排名第二, 位列前三, 全市第6, 第一名), never from ordinal
words (第一产业, 第N届, 第二次会议, 前三季度, 第N批). Sentences written for each rule."""

from __future__ import annotations

import pytest

from briefgen.extract.figures import find_figures


def _ranks(text: str) -> list[tuple[str, str]]:
    return [(r.subject, r.rank) for r in find_figures(text).rankings]


@pytest.mark.parametrize("text, rank", [
    ("安全生产考核居全区第一。", "全区第一"),
    ("规上工业增加值增速排名第二。", "第二"),
    ("营商环境评价位列全市前三。", "全市前三"),
    ("一般公共预算收入增速全市第6。", "全市第6"),
    ("平安建设考评取得了全县第一名。", "全县第一名"),
])
def test_ranking_phrases_are_rankings(text, rank):
    assert [r for _, r in _ranks(text)] == [rank]


@pytest.mark.parametrize("text", [
    "第一产业增加值2.1亿元，第二产业增加值5.3亿元。",
    "成功举办第二届美食文化节。",
    "区十七届人大第二次会议召开。",
    "前三季度实现税收3.2亿元。",
    "第三批试点村名单公布，第一时间组织学习。",
    "第十二届运动会开幕。",
])
def test_ordinal_words_are_no_rankings(text):
    assert _ranks(text) == []
