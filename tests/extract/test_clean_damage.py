"""Text damage of copies: spaces inside numbers and words (PDF copies), and Traditional -> Simplified that never
changes text already Simplified. Sentences written for each rule."""

from __future__ import annotations

import pytest

from briefgen.extract import extract_text
from briefgen.extract.clean import clean_text


@pytest.mark.parametrize("damaged, repaired", [
    ("全镇实现税收15 亿元，同 比下降3.2 %。", "全镇实现税收15亿元，同比下降3.2%。"),
    ("全镇实现税收 15.3 亿元，同比增长 12.6 %。", "全镇实现税收15.3亿元，同比增长12.6%。"),
    ("实现税收1 5.3亿元，同  比增长1 2.6%。", "实现税收15.3亿元，同比增长12.6%。"),
])
def test_spaces_of_a_pdf_copy_inside_running_text_are_removed(damaged, repaired):
    assert clean_text(damaged).text == repaired


def test_a_table_typed_with_spaces_and_latin_words_keep_theirs():
    assert clean_text("指标名称  单位  完成值").text == "指标名称  单位  完成值"
    assert clean_text("新建220KV 变电站1座，5G 基站30个。").text == "新建220KV 变电站1座，5G 基站30个。"


def test_damaged_figures_keep_their_growth():
    data = extract_text("某镇2023年经济运行情况\n全镇实现税收15 亿元，同 比下降3.2 %；财政收入 8.1 亿元，增长 4 %。\n").data
    assert [(i["name"], i["value"], i["yoy"]) for i in data["indicators"]] == [("税收", 15, -3.2), ("财政收入", 8.1, 4)]


def test_simplified_text_is_never_changed_by_conversion():
    text = "乾元村位于乾隆路，著名的于氏祠堂已修缮，乾坤湾景区接待游客5万人次。"
    result = clean_text(text)
    assert result.text == text and not result.converted


def test_stray_traditional_characters_in_simplified_text_are_converted_alone():
    result = clean_text("乾元村發展民宿12家。")
    assert result.text == "乾元村发展民宿12家。" and result.converted


def test_a_traditional_text_is_converted_whole():
    assert clean_text("全區實現稅收3億元，會議後發放補貼。").text == "全区实现税收3亿元，会议后发放补贴。"


def test_full_width_digits_and_thousands_commas():
    data = extract_text("某镇2023年经济运行情况\n全镇实现地区生产总值１２．６亿元，同比增长８．５％；营业收入1,234.5万元，增长3%。\n").data
    assert [(i["name"], i["value"], i["yoy"]) for i in data["indicators"]] == [("地区生产总值", 12.6, 8.5), ("营业收入", 1234.5, 3)]
    assert clean_text("新增企业12家。3月起实施").text == "新增企业12家。3月起实施"


def test_a_growth_comparison_naming_no_subject_is_no_figure():
    data = extract_text("某镇2023年经济运行情况\n全镇实现税收3.2亿元，同比增长8.5%，增幅较上年提高2个百分点。\n").data
    assert [(i["name"], i["yoy"]) for i in data["indicators"]] == [("税收", 8.5)]
    assert not any(s["results"] for s in data["review"]["sections"])


def test_an_ascii_full_stop_closing_a_chinese_sentence_becomes_a_full_width_one():
    from briefgen.extract import extract_text
    from briefgen.extract.clean import clean_text

    assert clean_text("营业收入3.4亿元,增长6%.利润0.5亿元,下降2%.\n完成改造.\n").text == "营业收入3.4亿元，增长6%。利润0.5亿元，下降2%。\n完成改造。\n"
    assert clean_text("见第2.1条，面积3.5亩").text == "见第2.1条，面积3.5亩"
    data = extract_text("某镇2019年经济运行情况\n全镇营业收入3.4亿元,增长6%.利润总额0.5亿元,下降2%.\n").data
    assert [(i["name"], i["value"], i.get("yoy")) for i in data["indicators"]] == [("营业收入", 3.4, 6), ("利润总额", 0.5, -2)]


def test_a_sentence_broken_around_its_numbers_by_a_pages_markup_is_joined():
    from briefgen.extract import extract_text
    from briefgen.extract.clean import join_split_numbers

    text = "上半年，全镇完成地区生产总值\n38.2\n亿元，同比增长\n6.4%；实现税收\n2150\n万元。\n一、经济发展\n1.新建道路3公里。\n2.完成改造。"
    joined, n = join_split_numbers(text)
    assert joined.split("\n") == ["上半年，全镇完成地区生产总值38.2亿元，同比增长6.4%；实现税收2150万元。", "一、经济发展",
                                  "1.新建道路3公里。", "2.完成改造。"]
    assert n == 5
    data = extract_text("某镇2022年上半年工作总结\n" + text).data
    assert [(i["name"], i["value"], i.get("yoy")) for i in data["indicators"]][:1] == [("地区生产总值", 38.2, 6.4)]


def test_numbers_of_a_table_one_cell_a_line_are_not_joined_to_a_heading():
    from briefgen.extract.clean import join_split_numbers

    text = "二、主要指标\n2023\n地区生产总值\n12.5"
    assert join_split_numbers(text) == (text, 0)


def test_zero_width_marks_are_taken_out():
    """A report saved from a DOCX that kept figures with their units (word joiners), or pasted with zero-width
    spaces: the figures read as written."""
    from briefgen.extract.clean import clean_text

    done = clean_text("\ufeff2022\u2060年完成固定资产投资5.8\u2060亿\u2060元，经\u2060发\u2060办\u200b牵头。")
    assert done.text == "2022年完成固定资产投资5.8亿元，经发办牵头。"
