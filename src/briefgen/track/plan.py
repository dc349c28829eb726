"""The plan being followed up (任务分解表): the report data's plan -> one ``Item`` per task, with its deadline as a
date (or none, for ongoing work), its start and whether it is 挂牌督办.

Deadlines are read as briefgen reads them everywhere (年底前 -> 12-31, 2022年10月底前 -> 10-31, ``values.parse_due``);
"N 个工作日" counts official workdays from the task's start (chinese-calendar); ongoing wording (长期坚持, 常态化,
每月 …) has no deadline at all here, so it is never overdue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import messages as M
from ..errors import Location, Problem


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    lead: str
    support: tuple[str, ...]
    due: date | None  # None: ongoing work
    due_text: str  # as the plan writes it
    start: date
    flagged: bool = False
    section: str = ""


@dataclass(frozen=True)
class Plan:
    issuer: str
    title: str  # the plan's name as the 通报 cites it: 2022年下半年重点工作
    period: str  # 2022年下半年
    start: date
    items: tuple[Item, ...]

    def units(self) -> list[str]:
        """The 牵头单位, in the order they first lead a task."""
        return list(dict.fromkeys(i.lead for i in self.items))


def period_start(period: str, year: int) -> date:
    """The first day of the plan's period: 下半年 -> 07-01, 四季度 -> 10-01, a whole year -> 01-01."""
    if "下半年" in period:
        return date(year, 7, 1)
    m = re.search(r"([一二三四1-4])季度", period)
    if m and "前三" not in period:
        q = {"一": 1, "二": 2, "三": 3, "四": 4}.get(m.group(1)) or int(m.group(1))
        return date(year, 3 * q - 2, 1)
    return date(year, 1, 1)


def _workday_deadlines(raw: dict, start: date, warnings: list[Problem], sources) -> None:
    """Deadlines written as "N 个工作日内" -> the date, counted in official workdays from the task's start."""
    from .workdays import after_workdays, workdays_in

    plan = raw.get("plan") if isinstance(raw, dict) else None
    for si, section in enumerate((plan or {}).get("sections") or []):
        for ti, task in enumerate((section or {}).get("tasks") or [] if isinstance(section, dict) else []):
            if not isinstance(task, dict):
                continue
            n = workdays_in(task.get("due")) if isinstance(task.get("due"), str) else None
            if n is None:
                continue
            begin = task.get("start")
            if isinstance(begin, str):
                try:
                    begin = date.fromisoformat(begin.strip())
                except ValueError:
                    begin = None
            day, known = after_workdays(begin if isinstance(begin, date) else start, n)
            task["due_text"] = task["due"].strip()
            task["due"] = day
            if not known:
                warnings.append(Problem(sources.locate(("plan", "sections", si, "tasks", ti, "due")), "",
                                        M.tr_calendar_past(year=day.year)))


def _due_words(text: str) -> str:
    """A deadline written as an ISO date (2022-12-31, as YAML dates are) -> 2022年12月31日; other wording as written."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    return f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日" if m else text


def load_plan(data: Path, tasks: Path | None = None, columns: dict | None = None) -> tuple[Plan, list[Problem]]:
    """The plan of the report data ``data`` (YAML/JSON, with a task table when given) -> (Plan, warnings)."""
    from ..load.assemble import load_report_data
    from ..model import values
    from ..model.periods import deadline_year
    from ..model.validate import validate

    raw, sources = load_report_data(data, tasks=tasks, columns=columns)
    warnings: list[Problem] = []
    year = deadline_year(raw) if isinstance(raw, dict) else None
    given = ((raw.get("plan") or {}).get("period") if isinstance(raw.get("plan"), dict) else None) if isinstance(raw, dict) else None
    first = period_start(str(given or ""), year or date.today().year) if year else date(2000, 1, 1)
    _workday_deadlines(raw, first, warnings, sources)
    report = validate(raw, sources)
    year = year or report.report.report_year
    period = report.plan_period
    first = period_start(period, year)
    items = []
    for section in report.plan.sections:
        for t in section.tasks:
            ongoing = values.is_ongoing_due(t.due_text)
            items.append(Item(
                id=str(t.id), title=t.title, lead=t.lead, support=tuple(t.support),
                due=None if ongoing else t.due, due_text=_due_words(t.due_display), start=t.start or first,
                flagged=t.flagged, section=section.title,
            ))
    plan = Plan(issuer=report.report.issuer, title=f"{period}重点工作", period=period, start=first, items=tuple(items))
    return plan, warnings
