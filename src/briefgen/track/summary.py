"""This period's ledger -> the data of the follow-up documents (督办通报, 催办单, 台账, 销号清单), plain values only:
every count and share the 通报 prints is computed here, once, from the lines.

    data = summarise(plan, lines, as_of=…, period=…, issue=…, rule_name=…, rule=…, settings=…, history=[…])
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from .follow import Line
from .plan import Plan
from .rules import COLOUR_WORDS

SEVERITY = {"red": 0, "orange": 1, "yellow": 2, "blue": 3, "grey": 4, "green": 5}


def share(n: int, total: int) -> str:
    """n of total as a whole per cent, halves rounded up: 6 of 22 -> 27%."""
    if not total:
        return "0%"
    return f"{(n * 200 + total) // (2 * total)}%"


def percent_text(value: Fraction | None) -> str:
    if value is None:
        return "—"
    rounded = round(float(value), 1)
    return f"{rounded:g}%"


def month_words(period: str) -> str:
    """2022-09 -> 2022年9月."""
    y, m = (int(x) for x in period.split("-"))
    return f"{y}年{m}月"


def date_words(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def status_order(rule: dict) -> list[tuple[str, str]]:
    """The (word, colour) a rule can give, 已完成 and 正常 first, then by severity as the rule lists them."""
    seen: dict[str, str] = {}
    for step in rule["steps"]:
        seen.setdefault(step["status"], step["colour"])
    seen.setdefault("滞后", "yellow")  # what ongoing work gets instead of red
    head = [w for w in ("已完成", "正常") if w in seen]
    rest = sorted((w for w in seen if w not in head), key=lambda w: (SEVERITY[seen[w]], list(seen).index(w)))
    return [(w, seen[w]) for w in head + rest]


def rule_words(rule: dict, thresholds: dict) -> str:
    """The rule set's summary with the office's thresholds written in (落后序时进度超过10个百分点)."""
    return rule.get("summary", "").format(**{k: f"{v:g}" for k, v in thresholds.items()})


def line_data(ln: Line) -> dict:
    rep = ln.report
    return {
        "id": ln.item.id, "title": ln.item.title, "lead": ln.item.lead, "support": "、".join(ln.item.support),
        "due": ln.item.due_text, "flagged": ln.item.flagged,
        "percent": percent_text(rep.percent if rep else None), "elapsed": percent_text(ln.elapsed),
        "status": ln.status.word, "colour": ln.status.colour, "light": COLOUR_WORDS[ln.status.colour],
        "progress": rep.progress if rep else "", "problems": rep.problems if rep else "",
        "steps": rep.steps if rep else "", "evidence": rep.evidence if rep else "",
        "closure": ln.closure, "closed_on": ln.closed_on, "move": ln.move,
        "last_status": (ln.last or {}).get("status", ""), "last_colour": (ln.last or {}).get("colour", ""),
        "reported": rep is not None,
    }


def summarise(plan: Plan, lines: list[Line], *, as_of: date, period: str, issue: int, rule_name: str, rule: dict,
              near_days: int, return_by: date, thresholds: dict, requirements: tuple[str, ...] = (), history: list[dict] = ()) -> dict:
    total = len(lines)
    order = status_order(rule)
    counts = {w: sum(1 for ln in lines if ln.status.word == w) for w, _ in order}
    statuses = [{"word": w, "colour": c, "n": counts[w], "share": share(counts[w], total)} for w, c in order]
    rows = [line_data(ln) for ln in lines]
    units = []
    for unit in plan.units():
        mine = [ln for ln in lines if ln.item.lead == unit]
        by = {w: sum(1 for ln in mine if ln.status.word == w) for w, _ in order}
        worst = min((SEVERITY[ln.status.colour] for ln in mine), default=5)
        units.append({"name": unit, "total": len(mine), "counts": by, "done": by.get("已完成", 0),
                      "done_share": share(by.get("已完成", 0), len(mine)),
                      "late": sum(1 for ln in mine if ln.late), "colour": next(c for c, s in SEVERITY.items() if s == worst)})
    late_units = []
    for unit in plan.units():
        items = [line_data(ln) for ln in lines if ln.item.lead == unit and ln.late]
        if items:
            late_units.append({"name": unit, "tasks": items})

    def due_soon(ln: Line) -> bool:
        return (ln.item.due is not None and ln.status.word != "已完成"
                and 0 <= (ln.item.due - as_of).days <= near_days)

    reminders = []
    for unit in plan.units():
        items = [line_data(ln) for ln in lines if ln.item.lead == unit and (ln.late or due_soon(ln))]
        if items:
            reminders.append({"unit": unit, "tasks": items, "late": sum(1 for i in items if i["colour"] in ("yellow", "orange", "red")),
                              "near": sum(1 for ln in lines if ln.item.lead == unit and not ln.late and due_soon(ln))})
    moves: dict[str, int] = {}
    for ln in lines:
        if ln.move:
            moves[ln.move] = moves.get(ln.move, 0) + 1
    done = counts.get("已完成", 0)
    trend = [{"period": h["period"], "words": month_words(h["period"]), "done": h["done"], "total": h["total"],
              "share": share(h["done"], h["total"])} for h in history]
    trend.append({"period": period, "words": month_words(period), "done": done, "total": total, "share": share(done, total)})
    closed = [r for r in rows if r["closure"] == "销号"]
    pending = [r for r in rows if r["closure"] == "待审核"]
    y, m = (int(x) for x in period.split("-"))
    return {
        "issuer": plan.issuer, "plan_title": plan.title, "plan_period": plan.period,
        "period": period, "period_words": f"{y}年{m}月", "as_of": as_of, "as_of_words": date_words(as_of),
        "issue": issue, "rule": rule_name, "rule_summary": rule_words(rule, thresholds),
        "total": total, "statuses": statuses, "counts": counts, "units": units, "late_units": late_units,
        "late_total": sum(1 for ln in lines if ln.late),
        "flagged": [r for r in rows if r["flagged"]], "rows": rows, "reminders": reminders,
        "moves": [{"move": k, "n": v} for k, v in sorted(moves.items())], "has_last": bool(history),
        "new_red": moves.get("新增红", 0), "trend": trend, "closed": closed, "pending": pending,
        "unreported": counts.get("未报送", 0),
        "requirements": list(requirements), "return_by": return_by, "return_by_words": date_words(return_by),
        "near_days": near_days,
    }


def next_return(as_of: date, day: int) -> date:
    """The next return date after ``as_of``: the ``day`` of the following month (每月25日前报送)."""
    import calendar

    first = (as_of.replace(day=1) + timedelta(days=32)).replace(day=1)
    return first.replace(day=min(day, calendar.monthrange(first.year, first.month)[1]))
