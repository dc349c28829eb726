"""The issuer a report's opening names (在…领导下，某街道深入贯彻…), and a page's category is no issuer (sentences
written for these tests)."""

from briefgen.extract import extract_text

BODY = "\n一、经济发展\n完成税收3.2亿元，同比增长5%。\n二、社会事业\n新增就业300人。\n"


def test_the_unit_the_opening_speaks_of_is_the_issuer():
    text = "2025年上半年工作总结\n今年以来，在县委、县政府的坚强领导下，东湖街道深入贯彻落实各项部署，各项工作取得成效。" + BODY
    assert extract_text(text).data["report"]["issuer"] == "东湖街道"


def test_a_whole_place_or_we_is_no_issuer():
    text = "2025年上半年工作总结\n今年以来，在县委、县政府的坚强领导下，全镇深入贯彻落实各项部署。" + BODY
    result = extract_text(text)
    assert result.data["report"]["issuer"] == "待定" and "report.issuer" in result.uncertain


def test_a_pages_category_before_the_title_is_no_issuer():
    text = "乡镇2021年经济社会发展情况调研报告\n一年来，全镇经济平稳运行。" + BODY
    assert extract_text(text).data["report"]["issuer"] == "待定"
