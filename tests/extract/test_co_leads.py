"""Co-leads (牵头单位：A、B): the model keeps one lead a task, so the first unit named leads, the other co-leads are
listed first among the supporting units, and the lead is marked 待核实 naming them (a task list written for these
tests)."""

from briefgen.extract import extract_text, to_yaml
from briefgen.i18n import set_language

TEXT = ("某区2024年重点工作任务分解\n1.开展爱国卫生运动，巩固创建成果。\n牵头单位：区卫健局、区创文办\n"
        "责任单位：各街道\n2.推进老旧小区改造。\n牵头单位：区住建局\n责任单位：各街道\n")


def test_the_first_co_lead_leads_and_the_others_support_first():
    result = extract_text(TEXT)
    tasks = [t for s in result.data["plan"]["sections"] for t in s["tasks"]]
    assert [(t["lead"], t["support"]) for t in tasks] == [("区卫健局", ["区创文办", "各街道"]), ("区住建局", ["各街道"])]


def test_a_co_led_task_is_marked_for_checking_and_names_the_other_co_leads():
    result = extract_text(TEXT)
    co = [path for path, why in result.reasons.items() if path.endswith(".lead") and "区创文办" in str(why)]
    assert len(co) == 1
    set_language("zh")
    assert "共同牵头" in str(result.reasons[co[0]])
    leads = [line for line in to_yaml(result).split("\n") if "lead:" in line]
    assert "区卫健局" in leads[0] and "待核实" in leads[0] and "区创文办" in leads[0]
    assert "待核实" not in leads[1]
