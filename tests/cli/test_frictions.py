"""Issue 10, section 3 (frictions a clerk hits): each fix with a test that failed before it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefgen.model import values
from briefgen.errors import DataError
from briefgen.load import load_file
from briefgen.load.tables import load_tasks
from briefgen.model.validate import doubts, validate


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def load(text: str, name: str = "report.yaml"):
    Path(name).write_text(text, encoding="utf-8")
    data, sources = load_file(name)
    report = validate(data, sources)
    return report, [str(p) for p in doubts(report, sources)]


REPORT = """\
report:
  title: 前江街道2022年上半年工作总结
  issuer: 前江街道
  date: 2022-07-29
  period: 2022年1—6月
plan:
  sections:
    - title: 加强稳链复链
      tasks:
{tasks}
"""


def tasks_yaml(*tasks: tuple[str, str]) -> str:
    return REPORT.format(tasks="\n".join(f"        - {{title: 任务{i}, lead: {lead}, due: {due}}}"
                                         for i, (lead, due) in enumerate(tasks, 1)))


# ---- 1. free deadline wording -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("长期坚持", date(2022, 12, 31)), ("常态化", date(2022, 12, 31)), ("每月", date(2022, 12, 31)),
    ("下半年", date(2022, 12, 31)), ("十月底", date(2022, 10, 31)), ("国庆前", date(2022, 9, 30)),
    ("每季度", date(2022, 12, 31)), ("年底前", date(2022, 12, 31)), ("持续", date(2022, 12, 31)),
    ("全年", date(2022, 12, 31)), ("按序时推进", date(2022, 12, 31)), ("常态化开展", date(2022, 12, 31)),
    ("十二月底前", date(2022, 12, 31)), ("2022年十一月中旬", date(2022, 11, 20)), ("2023年下半年", date(2023, 12, 31)),
    ("力争国庆前完成", date(2022, 9, 30)), ("每月10日前报送", date(2022, 12, 31)), ("上半年", date(2022, 6, 30)),
    ("国庆节前", date(2022, 9, 30)), ("12月底前完成", date(2022, 12, 31)),
])
def test_free_deadline_wording_is_a_deadline(text, expected):
    assert values.parse_due(text, 2022) == expected
    assert values.due_doubt(text) is None


def test_ambiguous_wording_is_accepted_with_a_reason_to_warn():
    assert values.parse_due("春节前", 2022) == date(2022, 12, 31)
    assert "春节" in values.due_doubt("春节前")


@pytest.mark.parametrize("text", ["尽快", "下周", "十三月", "abc"])
def test_what_is_no_deadline_is_still_an_error(text):
    with pytest.raises(ValueError, match="is not a deadline"):
        values.parse_due(text, 2022)


def test_free_wording_in_yaml_keeps_its_text_and_sorts_by_date():
    report, found = load(tasks_yaml(("经济发展办公室", "长期坚持"), ("经济发展办公室", "十月底"),
                                    ("经济发展办公室", "国庆前"), ("经济发展办公室", "常态化")))
    tasks = report.plan.tasks
    assert [t.due_display for t in tasks] == ["长期坚持", "十月底", "国庆前", "常态化"]
    assert [t.due for t in tasks] == [date(2022, 12, 31), date(2022, 10, 31), date(2022, 9, 30), date(2022, 12, 31)]
    assert found == []


def test_ambiguous_wording_in_yaml_is_a_located_warning():
    report, found = load(tasks_yaml(("经济发展办公室", "春节前")))
    assert report.plan.tasks[0].due_text == "春节前"
    assert len(found) == 1 and found[0].startswith("report.yaml:10:") and "春节前" in found[0], found


def test_free_wording_in_a_task_table():
    Path("任务.csv").write_text("序号,工作任务,牵头单位,配合单位,完成时限\n"
                               "1,加快优势产业复工提产,经济发展办公室,,每季度\n"
                               "2,营造稳定环境,平安建设办公室,,国庆前\n", encoding="utf-8")
    sections, _ = load_tasks("任务.csv", year=2022)
    got = [(t["due"], t["due_text"]) for s in sections for t in s["tasks"]]
    assert got == [(date(2022, 12, 31), "每季度"), (date(2022, 9, 30), "国庆前")]


# ---- 2. a unit the departments list lacks -----------------------------------------------------------------------

WITH_DEPARTMENTS = "departments:\n  - {name: 经济发展办公室, short: 经发办}\n"


def test_a_unit_not_in_the_departments_list_is_a_located_warning_not_an_error():
    report, found = load(tasks_yaml(("经济发展办公室", "年内"), ("平安建设办公室", "年内"), ("平安建设办公室", "年内"))
                         + WITH_DEPARTMENTS)
    assert [u for u, _ in report.unlisted_units] == ["平安建设办公室"]
    assert [t.title for t in report.department_tasks("平安建设办公室")] == ["任务2", "任务3"]
    assert len(found) == 1, found
    assert found[0].startswith('report.yaml:11:') and '"平安建设办公室" is not in the departments list (report.yaml:14' in found[0]


def test_a_lead_still_to_be_decided_passes_validation():
    report, found = load(tasks_yaml(("待定", "年内")) + WITH_DEPARTMENTS)
    assert report.plan.tasks[0].lead == "待定" and found == []
