"""A text that writes no year of its own but calls it by what it was (今年是…党的二十大精神的开局之年): its year,
marked 待核实 with the phrase (sentences written for these tests)."""

from briefgen.extract import extract_text
from briefgen.i18n import set_language

TEXT = ("上半年工作总结\n今年是全面贯彻落实党的二十大精神的开局之年，也是实施规划承上启下的关键一年。"
        "1-6月完成财政总收入5.26亿元，同比增长17%。\n一、经济运行\n实现商品销售总额13.87亿元，同比增长17%。\n"
        "二、社会事业\n新增就业300人。\n")


def test_the_year_a_phrase_names_is_taken_and_marked_for_checking():
    result = extract_text(TEXT)
    assert result.data["report"]["year"] == 2023
    assert "report.year" in result.uncertain
    set_language("zh")  # the test fixture puts the language back after each test
    why = str(result.reasons["report.year"])
    assert "党的二十大精神的开局之年" in why and "2023" in why and "核对" in why


def test_a_written_year_wins_over_a_phrase():
    text = TEXT.replace("上半年工作总结", "某街道2024年上半年工作总结")
    assert extract_text(text).data["report"]["year"] == 2024


def test_a_phrase_about_another_year_named_in_passing_is_not_taken():
    text = TEXT.replace("今年是全面贯彻落实党的二十大精神的开局之年", "回顾党的二十大精神的开局之年以来的发展")
    assert extract_text(text).data["report"]["year"] != 2023
