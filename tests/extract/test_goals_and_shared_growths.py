"""The year's goals in a plan part become the plan's tasks (a text of goals alone is no longer refused), and
paired growths written 分别比上年同比增长x%和y % (sentences written for these tests)."""

from briefgen.extract import extract_text
from briefgen.extract.figures import find_figures

GOALS = ("2024年政府工作报告（摘要）——二○二四年工作安排\n二○二四年工作安排\n"
         "综合考虑各方面因素，今年主要预期指标是：地区生产总值增长6.5%；规模以上工业增加值增长8%；"
         "一般公共预算收入增长6%；城镇、农村常住居民人均可支配收入分别增长6%和7%。约束性指标完成市下达任务。\n")


def test_a_plan_part_of_goals_alone_gives_a_section_of_goal_tasks_not_a_refusal():
    data = extract_text(GOALS).data
    sections = data["plan"]["sections"]
    assert [s["title"] for s in sections] == ["主要预期目标"]
    assert [t["title"] for t in sections[0]["tasks"]] == [
        "地区生产总值增长6.5%", "规模以上工业增加值增长8%", "一般公共预算收入增长6%",
        "城镇、农村常住居民人均可支配收入分别增长6%和7%"]
    assert data["indicators"] == []  # goals are no results


def test_goals_already_read_as_tasks_are_not_repeated():
    text = ("某区2024年重点工作任务分解\n一、主要预期目标\n1.地区生产总值增长6%以上。\n牵头单位：区发改局\n"
            "2.固定资产投资增长10%以上。\n牵头单位：区发改局\n")
    titles = [t["title"] for s in extract_text(text).data["plan"]["sections"] for t in s["tasks"]]
    assert titles == ["地区生产总值增长6%以上", "固定资产投资增长10%以上"]


def test_paired_growths_after_respectively_compared_with_last_year():
    figs = find_figures("农村经济总收入达12387万元，农民人均纯收入达3325元，分别比上年同比增长15%和35.49 %，"
                        "固定资产投资达3523万元，同比增长38%。").figures
    assert [(f.name, f.value, f.yoy) for f in figs] == [
        ("农村经济总收入", "12387", "15"), ("农民人均纯收入", "3325", "35.49"), ("固定资产投资", "3523", "38")]
