"""A value compared with (比2022年的32.02亿元) and a figure restated in another currency are no figures of the
period (sentences written for these tests)."""

from briefgen.extract import extract_text
from briefgen.extract.figures import find_figures
from briefgen.extract.headline import reason


def test_the_value_compared_with_is_no_headline_figure():
    figs = find_figures("全年完成工业总产值49.2亿元，比上年的32.02亿元，增长53.66%。")
    assert [(f.name, reason(f, "opening")) for f in figs.figures if f.value == "32.02"] == [("比上年", None)]
    heads = [(m["name"], m["value"]) for m in extract_text(
        "某镇2023年工作总结\n2023年全镇完成工业总产值49.2亿元，比2022年的32.02亿元，增长53.66%。\n").data["indicators"]]
    assert ("工业总产值", 49.2) in heads and not [h for h in heads if h[1] == 32.02]


def test_a_figure_restated_in_another_currency_gives_its_growth_to_the_figure():
    figs = find_figures("按常住人口计算人均地区生产总值39102元，按2023年平均汇率计算为5791美元，增长0.2%。").figures
    assert (figs[0].name, figs[0].yoy) == ("人均地区生产总值", "0.2")
    assert reason(figs[1], "opening") is None
