"""Owners in a closing bracket of verbs: co-leads, units that carry a task out by their duties (按职责分工负责), and a
list cut short after its first task (sentences written for these tests).

Co-leads (A、B牵头): the model has one lead a task; the first unit named leads, the other co-leads come first
among the supporting units."""

from briefgen.extract import extract_text
from briefgen.extract.tasks import parse_verbs


def _tasks(text: str) -> list[tuple]:
    return [(t["title"], t["lead"], t["support"]) for s in extract_text(text).data["plan"]["sections"] for t in s["tasks"]]


def test_units_that_carry_a_task_out_by_their_duties_support_the_lead():
    assert parse_verbs("市政府办公室、市审改办牵头，市级各有关部门及各县区政府按职责分工负责") == {
        "lead": ["市政府办公室", "市审改办"], "support": ["市级各有关部门及各县区政府"]}
    assert parse_verbs("区财政局牵头，各街道按照职责负责") == {"lead": ["区财政局"], "support": ["各街道"]}
    assert parse_verbs("按职责分工负责") is None  # names no unit


def test_a_task_list_with_owners_in_closing_brackets_is_the_plan_and_co_leads_support_the_first():
    text = ("某市2024年优化营商环境工作要点\n一、推动审批提速\n1.全面实施事项清单管理。年底前公布两级事项清单。"
            "（市政府办公室、市审改办牵头，各县区政府按职责分工负责）\n"
            "2.深化集中审批改革。规范事项划转目录。（市审改办牵头，市司法局配合）\n")
    assert _tasks(text) == [
        ("全面实施事项清单管理", "市政府办公室", ["市审改办", "各县区政府"]),
        ("深化集中审批改革", "市审改办", ["市司法局"]),
    ]


def test_a_list_cut_short_after_its_first_owned_task_is_still_a_task_list():
    text = ("一、推动审批提速\n1.全面实施事项清单管理。年底前公布两级事项清单。（市政府办公室牵头，各县区政府按职责分工负责）\n"
            "2.深化集中审批改革。规范事项划转目录，按程序公布。（市政府办公室、市\n")
    tasks = _tasks(text)
    assert [t[0] for t in tasks] == ["全面实施事项清单管理", "深化集中审批改革"]
    assert tasks[0][1] == "市政府办公室"


def test_one_owned_sentence_in_a_review_is_no_task_list():
    text = ("某街道2023年工作总结\n一、经济发展\n全年完成税收3.2亿元，增长5%。新建产业园一座（区发改局牵头）。\n"
            "二、社会事业\n新增就业300人。\n")
    assert _tasks(text) == []
