"""Plan + progress reports + the last period's result + a rule -> this period's ledger (台账): one ``Line`` a task.

    lines, problems, warnings = follow(plan, reports, as_of, rule_name, thresholds, history)

Rows are matched to plan tasks by 序号 and title: a row whose 序号 names a task with a near title is that task
(a warning at its cell); a row whose 序号 names no task is matched by its exact title, else by a near one; a row
that matches nothing is an error at its cell; a task with no row is 未报送 (a status of its own).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from .. import messages as M
from ..errors import Location, Problem
from ..load.progress import Report, shown
from .plan import Item, Plan
from .rules import COLOUR_WORDS, Facts, Status, judge

NEAR = 0.6  # difflib's ratio from which a title counts as the same task written differently


@dataclass(frozen=True)
class Line:
    """One task in this period's ledger."""

    item: Item
    report: Report | None
    status: Status
    elapsed: Fraction | None  # 序时进度, 0-100
    closure: str  # 销号 (done, with evidence), 待审核 (done, no evidence yet), "" otherwise
    closed_on: str  # the as-of date of the period that closed it (ISO), "" when open
    last: dict | None  # the last period's {"status", "colour", …} for this task
    move: str  # 黄→绿, 新增红, … ("" when unchanged or no earlier period)

    @property
    def late(self) -> bool:
        """滞后 or 逾期 in the rule's words: any yellow, orange or red."""
        return self.status.colour in ("yellow", "orange", "red")


def _similar(a: str, b: str) -> float:
    a, b = a.strip().rstrip("。"), b.strip().rstrip("。")
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0 if a == b else 0.9
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def match(plan: Plan, reports: list[Report]) -> tuple[dict[str, Report], list[Problem], list[Problem]]:
    """Each plan task's report (by task id) -> (matched, errors, warnings)."""
    by_id = {i.id: i for i in plan.items}
    by_title = {i.title: i for i in plan.items}
    matched: dict[str, Report] = {}
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for rep in reports:
        item = None
        candidate = by_id.get(rep.id) if rep.id else None
        if candidate is not None:
            if not rep.title or _similar(rep.title, candidate.title) >= 1.0:
                item = candidate
            elif _similar(rep.title, candidate.title) >= NEAR:
                item = candidate
                warnings.append(Problem(rep.at("title"), "", M.tr_near_title(id=shown(rep.id), title=shown(rep.title), plan=shown(candidate.title))))
        if item is None and rep.title:
            item = by_title.get(rep.title.strip().rstrip("。"))
            if item is None and candidate is None:
                scored = sorted(((_similar(rep.title, i.title), n, i) for n, i in enumerate(plan.items)), key=lambda s: (-s[0], s[1]))
                if scored and scored[0][0] >= NEAR and (len(scored) == 1 or scored[1][0] < scored[0][0]):
                    item = scored[0][2]
                    warnings.append(Problem(rep.at("title"), "", M.tr_near_title(id=shown(item.id), title=shown(rep.title), plan=shown(item.title))))
        if item is None:
            errors.append(Problem(rep.at("id") if rep.id else rep.at("title"), "", M.tr_unmatched(id=shown(rep.id or "—"), title=shown(rep.title or "—"))))
            continue
        if item.id in matched:
            warnings.append(Problem(Location(rep.file, cell=rep.ref), "", M.tr_twice(id=item.id, other=str(matched[item.id].at("id")))))
        if rep.lead and rep.lead != item.lead and rep.lead not in item.lead:
            warnings.append(Problem(rep.at("lead"), "", M.tr_not_its_unit(id=shown(item.id), lead=shown(item.lead), unit=shown(rep.lead))))
        matched[item.id] = rep
    return matched, errors, warnings


def move_of(last: dict | None, now: Status) -> str:
    """How a task's light moved since the last period: 黄→绿, 新增红 (red now, not red before), "" when unchanged."""
    if not last:
        return ""
    before = last.get("colour")
    if before == now.colour:
        return ""
    if now.colour == "red":
        return "新增红"
    return f"{COLOUR_WORDS.get(before, '—')}→{COLOUR_WORDS[now.colour]}"


def follow(plan: Plan, reports: dict[str, Report], as_of: date, rule: dict, thresholds: dict,
           last: dict | None) -> list[Line]:
    """This period's line of every plan task, in plan order. ``last`` is the last period's kept result (or None)."""
    earlier = (last or {}).get("tasks", {})
    lines = []
    for item in plan.items:
        rep = reports.get(item.id)
        before = earlier.get(item.id)
        closed_before = bool(before and before.get("closure") == "销号")
        facts = Facts(as_of=as_of, start=item.start, due=item.due, reported=rep is not None,
                      state=rep.state if rep else None, percent=rep.percent if rep else None,
                      closed_before=closed_before, last_colour=before.get("colour") if before else None)
        status = judge(rule, facts, thresholds)
        closure, closed_on = "", ""
        if status.word == "已完成":
            evidence = (rep.evidence if rep else "") or (before or {}).get("evidence", "")
            closure = "销号" if evidence else "待审核"
            if closure == "销号":
                closed_on = (before or {}).get("closed_on") or as_of.isoformat()
        lines.append(Line(item, rep, status, facts.elapsed(), closure, closed_on, before, move_of(before, status)))
    return lines


def kept(lines: list[Line], period: str, as_of: date, rule_name: str, issue: int) -> dict:
    """This period's result as kept beside the outputs (JSON), for the next period to compare with."""
    tasks = {}
    for ln in lines:
        rep = ln.report
        tasks[ln.item.id] = {
            "title": ln.item.title, "lead": ln.item.lead, "status": ln.status.word, "colour": ln.status.colour,
            "percent": None if not rep or rep.percent is None else float(rep.percent),
            "closure": ln.closure, "closed_on": ln.closed_on,
            "evidence": (rep.evidence if rep else "") or ((ln.last or {}).get("evidence", "") if ln.closure else ""),
        }
    done = sum(1 for ln in lines if ln.status.word == "已完成")
    return {"period": period, "as_of": as_of.isoformat(), "rule": rule_name, "issue": issue, "tasks": tasks,
            "done": done, "total": len(lines)}
