"""Metadata on sentences written for each rule: a title run into the first part heading, the period not taken
from a comparison, the year the text names when no title or heading does."""

from __future__ import annotations

from briefgen.extract import extract_text
from briefgen.extract.clean import restore_lines


def test_a_title_run_into_the_first_part_heading_is_split_off():
    text, added = restore_lines("某街道办事处2023年政府工作报告一、2022年工作回顾2022年，街道实现税收24亿元。")
    assert text.split("\n")[0] == "某街道办事处2023年政府工作报告" and added >= 1
    data = extract_text("某街道办事处2023年政府工作报告一、2022年工作回顾2022年，街道实现税收24亿元，增长5%。").data
    assert data["report"]["title"] == "某街道办事处2023年政府工作报告"
    assert data["report"]["issuer"] == "某街道办事处"
    assert data["report"]["year"] == 2023


def test_the_period_is_not_taken_from_a_comparison():
    data = extract_text("某镇经济运行情况\n2021年1-9月，全镇实现产值5亿元，比1-8月提高0.5个百分点。\n").data
    assert data["report"]["period"] == "2021年1—9月"
    data = extract_text("某镇2021年经济运行情况\n全镇实现产值5亿元，增速比1-8月提高0.5个百分点。\n").data
    assert data["report"]["period"] != "2021年1—8月"


def test_a_year_compared_with_is_not_the_reports():
    result = extract_text("某镇经济运行情况\n全镇实现产值5亿元，比2018年增长6%，较2018年同期多2亿元。\n")
    assert result.data["report"]["year"] != 2018


def test_a_brief_analysis_names_its_title_and_period():
    data = extract_text("某镇2024年一季度经济运行简析\n一、工业运行\n规上工业增加值同比增长7.4%。\n").data
    assert data["report"]["title"] == "某镇2024年一季度经济运行简析"
    assert data["report"]["period"] == "2024年1—3月"


def test_the_issuer_a_title_or_a_session_line_names():
    data = extract_text("某区统计局关于2022年全区经济运行情况的报告\n全区地区生产总值增长4.1%。\n").data
    assert data["report"]["issuer"] == "某区统计局"
    data = extract_text("某政办〔2023〕2号《某市人民政府办公厅关于印发重点工作任务分解方案的通知》\n"
                        "1.实施重点项目50个。（市发展改革委牵头）\n2.新增就业5000人。（市人社局牵头）\n").data
    assert data["report"]["issuer"] == "某市人民政府办公厅"
    data = extract_text("政府工作报告\n——2023年1月6日在某县第十八届人民代表大会第二次会议上\n一、2022年工作回顾\n"
                        "全县地区生产总值增长4.5%。\n").data
    assert data["report"]["issuer"] == "某县人民政府"
    assert data["report"]["year"] == 2023
