"""A task table (序号 · 工作任务 · 牵头单位 · 配合单位 · 完成时限) -> plan sections of Task dicts with the cell each value
came from. Merged section rows start a section; a task's short heading and its detail are told apart; the first
of several 责任单位 leads when no 牵头单位 column says so; deadlines as clerks write them (2022年10月底前, 年内)."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any

from ..model import values
from .. import messages as M
from ..errors import Location, Problem
from .source import SourceMap
from .sheets import Cell, _ref
from .headings import Table
from .rows import _FAILED, _Row, _display_number, _parse, _is_empty, _is_footnote, _is_total, _missing_formula, _title_row, _why


def _due_cell(cell: Cell | None, raw: Any) -> Any:
    """A deadline cell as the user sees it: Excel turns a typed 2022/12 into the date 2022-12-01 shown as "2022/12"
    (-> the end of that month), and a typed 2022.10 into the number 2022.1 shown as "2022.10" (-> the text)."""
    fmt = cell.number_format if cell is not None else "General"
    if isinstance(raw, datetime | date) and _month_only(fmt):
        day = raw.date() if isinstance(raw, datetime) else raw
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        shown = _display_number(values.parse_number(raw), fmt) or raw
        if isinstance(raw, float) and re.fullmatch(r"\d{4}\.1", str(shown)):
            # a typed 2022.10 that Excel stored, and shows, as the number 2022.1: January or October?
            raise ValueError(M.due_jan_or_oct_excel(value=shown, year=str(int(raw))))
        return shown
    return raw


def _month_only(fmt: str) -> bool:
    """Whether a date format shows year and month but no day, e.g. yyyy/m or yyyy"年"m"月"."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt or "").lower()
    return "y" in bare and "m" in bare and "d" not in bare


def _start_day(raw: Any) -> date:
    """A 开始时间 cell: a date cell, or text as clerks type it (2022-09-01, 2022年9月1日, 2022/9/1)."""
    return values.parse_date(raw)


# 挂牌督办 as offices mark it: 是, √, 挂牌, ★ … ; 否, ×, - or an empty cell: not flagged.
_FLAGGED_YES = {"是", "√", "✓", "✔", "☑", "y", "yes", "true", "1", "●", "★", "☆", "▲", "挂牌", "挂牌督办", "已挂牌", "重点督办"}
_FLAGGED_NO = {"否", "不是", "×", "✗", "☐", "n", "no", "false", "0", "-", "—", "/", "无", "未挂牌", "不挂牌"}


def parse_flagged(raw: Any) -> bool:
    """A 挂牌督办 cell -> whether the task is flagged; anything else is an error naming the words to write."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    text = re.sub(r"\s+", "", str(raw)).lower()
    if not text or text in _FLAGGED_NO:
        return False
    if text in _FLAGGED_YES:
        return True
    raise ValueError(M.tr_not_flagged(value=raw))


_LEAD_MARK = re.compile(r"[(（]\s*牵头\s*[)）]$")


def read_tasks(table: Table, year: int | None, problems: list[Problem]) -> tuple[list[dict], SourceMap]:
    name = table.sheet.file
    if "lead" not in table.columns and "units" not in table.columns:
        # one line for the missing column, not one "lead is missing" per task
        found = [c.label for c in sorted(table.columns.values(), key=lambda c: c.index)]
        where = Location(name, cell=_ref(table.sheet.name, table.first_data_row, table.span[0] + 1))
        problems.append(Problem(where, M.lead_heading(), M.no_lead_column(found=found)))
        return [], SourceMap(name)
    sections: list[dict] = []
    section_spots: list[Location | None] = []
    task_spots: list[list[dict[str, Location]]] = []
    by_title: dict[str, int] = {}

    def section_index(title: str, loc: Location | None) -> int:
        if title not in by_title:
            by_title[title] = len(sections)
            sections.append({"title": title, "tasks": []})
            section_spots.append(loc)
            task_spots.append([])
        return by_title[title]

    current: int | None = None
    for r in range(table.first_data_row, len(table.sheet.rows)):
        row = _Row(table, r)
        if _is_empty(row) or _is_footnote(row) or _is_total(row):
            continue
        heading = _title_row(row)
        if heading is not None:
            current = section_index(values.strip_numbering(heading.text), Location(name, cell=heading.ref))
            continue
        if "section" in table.columns and not values.is_blank(row.raw("section")):
            current = section_index(values.strip_numbering(row.text("section")), row.loc("section"))
        if current is None:
            current = section_index("", None)  # tasks before any section heading
        task: dict[str, Any] = {}
        spots: dict[str, Location] = {}

        ident = row.text("id")
        if ident and not values.is_blank(ident):
            task["id"] = ident
            spots["id"] = row.loc("id")

        if "title" in table.columns:
            title, detail = row.text("title"), row.text("detail") or row.text("task")
            title_loc, detail_loc = row.loc("title"), row.loc("detail") or row.loc("task")
        elif "task" in table.columns:
            title, detail = values.split_title_detail(row.text("task"))
            if row.text("detail"):
                detail = (detail + "\n" + row.text("detail")).strip()
            title_loc, detail_loc = row.loc("task"), row.loc("detail") or row.loc("task")
        else:  # pragma: no cover - find_table requires one of them
            title, detail, title_loc, detail_loc = "", "", None, None
        number = values.leading_number(title)
        if number:
            title = values.strip_numbering(title)
            if "id" not in task:
                task["id"] = number
                spots["id"] = title_loc
        if title:
            task["title"] = title
        else:
            _missing_formula(row, "title" if "title" in table.columns else "task", problems)
        spots["title"] = title_loc
        if detail:
            task["detail"] = detail
            spots["detail"] = detail_loc

        lead = row.text("lead")
        lead = "" if values.is_blank(lead) else lead
        support = values.split_units(row.text("support")) if not values.is_blank(row.raw("support")) else []
        units = values.split_units(row.text("units")) if not values.is_blank(row.raw("units")) else []
        marked = [u for u in units if _LEAD_MARK.search(u)]
        units = [_LEAD_MARK.sub("", u).strip() for u in units]
        if units:
            if not lead:
                # The common convention: where only one list of 责任单位 is given, the first one named leads,
                # unless another is marked （牵头）.
                lead = _LEAD_MARK.sub("", marked[0]).strip() if marked else units[0]
                spots["lead"] = row.loc("units")
            support += [u for u in units if u != lead and u not in support]
            spots["support"] = row.loc("units") if "support" not in table.columns else row.loc("support")
        if "lead" in table.columns and "lead" not in spots:
            spots["lead"] = row.loc("lead")
        if "lead" not in spots and "units" in table.columns:
            spots["lead"] = row.loc("units")
        if "support" in table.columns and "support" not in spots:
            spots["support"] = row.loc("support")
        if lead:
            task["lead"] = lead
        task["support"] = support

        if "due" in table.columns:
            spots["due"] = spots["due_text"] = row.loc("due")
            raw_due = row.raw("due")
            if raw_due is None or values.is_blank(raw_due):
                _missing_formula(row, "due", problems)
            else:
                try:
                    task["due"] = values.parse_due(_due_cell(row.cell("due"), raw_due), year)
                except ValueError as exc:
                    problems.append(Problem(row.loc("due"), row.label("due"), _why(exc)))
                    task["due"] = date(year or date.today().year, 12, 31)  # a stand-in; the problem is reported
                if isinstance(raw_due, str):
                    task["due_text"] = raw_due.strip()
        status = row.text("status")
        if status and not values.is_blank(status):
            task["status"] = status
            spots["status"] = row.loc("status")
        start = _parse(row, "start", problems, _start_day)
        if start is not None:
            spots["start"] = row.loc("start")
            if start is not _FAILED:
                task["start"] = start
        flagged = _parse(row, "flagged", problems, parse_flagged)
        if flagged is not None:
            spots["flagged"] = row.loc("flagged")
            if flagged is not _FAILED:
                task["flagged"] = flagged

        sections[current]["tasks"].append(task)
        task_spots[current].append({k: v for k, v in spots.items() if v is not None})

    sources = SourceMap(name)
    sources.add(("plan",), Location(name, cell=_ref(table.sheet.name, table.first_data_row, table.span[0] + 1)))
    sources.add(("plan", "sections"), sources.spots[("plan",)])
    for si in range(len(sections)):
        base = ("plan", "sections", si)
        if section_spots[si] is not None:
            sources.add(base, section_spots[si])
            sources.add(base + ("title",), section_spots[si])
        for ti, spots in enumerate(task_spots[si]):
            path = base + ("tasks", ti)
            if "title" in spots:
                sources.add(path, spots["title"])
            for f, loc in spots.items():
                sources.add(path + (f,), loc)
    return sections, sources
