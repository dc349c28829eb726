"""A site's links to the same report of other years above its title, and 自然增幅 as a growth (sentences written
for these tests)."""

from briefgen.extract import extract_text
from briefgen.extract.figures import find_figures

REPORT = """2024年县政府工作报告
2023年县政府工作报告
——在某县第十八届人民代表大会第二次会议上
各位代表：
2023年工作回顾
预计全年完成地区生产总值164亿元，增长4.5%；地方一般公共预算收入3.5亿元，自然增幅2%，同口径完成3.67亿元，增幅6.1%。
"""


def test_the_title_is_the_last_of_the_same_reports_of_other_years():
    meta = extract_text(REPORT).data["report"]
    assert meta["title"] == "2023年县政府工作报告"
    assert meta["year"] == 2023


def test_a_title_written_twice_stays_the_first():
    meta = extract_text("某街道2023年工作总结\n某街道2023年工作总结\n一、经济发展\n全年完成税收3亿元，增长5%。\n"
                        "二、社会事业\n新增就业300人。\n").data["report"]
    assert meta["title"] == "某街道2023年工作总结"


def test_a_natural_growth_is_the_figures_growth():
    figs = [(f.name, f.value, f.yoy) for f in find_figures("地方一般公共预算收入3.5亿元，自然增幅2%。").figures]
    assert figs == [("地方一般公共预算收入", "3.5", "2")]
    heads = [(m["name"], m["value"], m.get("yoy")) for m in extract_text(REPORT).data["indicators"]]
    assert ("地方一般公共预算收入", 3.5, 2) in heads
