"""Indicator tables in the shapes copies give them, each on a table written for it: one space between cells
(the cleaning keeps those spaces), one cell a line without row numbers, a row that gives only the growth."""

from __future__ import annotations

from briefgen.extract import extract_text
from briefgen.extract.clean import clean_text, rebuild_indicator_cells


def _heads(text: str) -> list[tuple]:
    return [(i["name"], i["value"], i["unit"], i.get("yoy")) for i in extract_text(text).data["indicators"]]


def test_a_table_with_one_space_between_cells_and_a_growth_column():
    text = ("某县2022年1-6月主要经济指标\n指标名称 单位 1-6月 同比增长(%)\n地区生产总值 亿元 88.4 4.7\n"
            "规模以上工业增加值 亿元 — 5.9\n一般公共预算收入 万元 53210 -6.5\n")
    assert clean_text(text).text.split("\n")[1] == "指标名称 单位 1-6月 同比增长（%）"
    assert _heads(text) == [("地区生产总值", 88.4, "亿元", 4.7), ("规模以上工业增加值增速", 5.9, "%", None),
                            ("一般公共预算收入", 53210, "万元", -6.5)]


def test_spaces_in_running_text_and_titles_are_still_removed():
    assert clean_text("全区 实现 税收 3亿元，增长 5%。\n某街道 工作 总结\n").text == "全区实现税收3亿元，增长5%。\n某街道工作总结\n"


def test_a_table_one_cell_a_line_without_row_numbers():
    cells = ["某镇2022年主要指标完成情况", "指标", "单位", "完成数", "增幅（%）", "地区生产总值", "亿元", "19.7", "6.6",
             "规上工业总产值", "亿元", "33.2", "-1.4", "外贸进出口总额", "万美元", "4120", "15", "一、工作回顾"]
    text, rows = rebuild_indicator_cells("\n".join(cells))
    assert rows == 4
    assert text.split("\n")[1:5] == ["指标 | 单位 | 完成数 | 增幅（%）", "地区生产总值 | 亿元 | 19.7 | 6.6",
                                     "规上工业总产值 | 亿元 | 33.2 | -1.4", "外贸进出口总额 | 万美元 | 4120 | 15"]
    assert _heads("\n".join(cells)) == [("地区生产总值", 19.7, "亿元", 6.6), ("规上工业总产值", 33.2, "亿元", -1.4),
                                       ("外贸进出口总额", 4120, "万美元", 15)]


def test_lines_that_only_look_like_a_heading_are_left_alone():
    text = "项目\n单位\n完成\n一、重点项目\n新开工项目8个。"
    assert rebuild_indicator_cells(text) == (text, 0)
