"""Progress tables (进度表) -> one ``Report`` per row, each value with its sheet!cell.

In: the 进度表 as the units return them (one file per unit, or several merged into one workbook, any order) or
one consolidated table in the office's own layout. The heading row is found as every table's is (title rows above,
headings in the forms real tables use: 目前进展/进展情况/完成情况, 完成进度/完成率, 状态/完成状态, 存在问题/困难,
下步措施/下步计划, 佐证材料); cells are read by ``load.sheets`` (merged cells, numbers typed as text, % formats).
Out: reports and the problems found, each at its cell: a 完成进度 that is no number or out of 0-100, a 状态 that is
none of the four. Matching rows to the plan's tasks is ``track.match``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from .. import messages as M
from ..errors import DataError, Location, Problem
from ..model import values
from .headings import normalise_heading
from .sheets import Cell, Sheet, read_sheets
from .source import check_file, display_name

PROGRESS_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("序号", "编号", "序", "事项编号", "任务编号"),
    "title": ("工作任务", "重点任务", "任务", "工作内容", "任务内容", "任务名称", "事项名称", "重点工作", "工作事项",
              "重点工作任务", "督办事项"),
    "lead": ("牵头单位", "牵头部门", "牵头科室", "责任单位", "责任部门", "承办单位"),
    "progress": ("目前进展", "进展情况", "完成情况", "工作进展", "推进情况", "进展", "目前进展情况", "工作完成情况"),
    "percent": ("完成进度", "完成率", "进度", "完成比例", "完成百分比"),
    "state": ("状态", "完成状态", "办理状态", "推进状态", "任务状态"),
    "problems": ("存在问题", "困难", "存在困难", "问题", "存在问题及困难", "困难和问题", "存在的问题"),
    "steps": ("下步措施", "下步计划", "下一步措施", "下一步计划", "下步打算", "下一步工作计划"),
    "evidence": ("佐证材料", "佐证", "证明材料", "佐证资料"),
}
_LOOKUP = {normalise_heading(h)[0]: f for f, hs in PROGRESS_HEADINGS.items() for h in hs}
STATE_WORDS = {"已完成": "已完成", "完成": "已完成", "已办结": "已完成", "办结": "已完成",
               "推进中": "推进中", "正在推进": "推进中", "进行中": "推进中", "正在办理": "推进中", "在办": "推进中",
               "未启动": "未启动", "未开始": "未启动", "尚未启动": "未启动",
               "受阻": "受阻", "推进受阻": "受阻", "暂缓": "受阻"}
STATES = ("已完成", "推进中", "未启动", "受阻")


@dataclass
class Report:
    """One row of a progress table: what a unit says of one task this period."""

    file: str
    ref: str  # the row's first cell, sheet!cell
    id: str = ""
    title: str = ""
    lead: str = ""
    progress: str = ""
    percent: Fraction | None = None
    state: str | None = None
    problems: str = ""
    steps: str = ""
    evidence: str = ""
    where: dict[str, Location] = field(default_factory=dict)  # field -> its cell
    period: str = ""  # the month the form's title names (2022-09: "…推进情况表（2022年9月）"), "" when none
    period_at: Location | None = None  # the title's cell

    def at(self, f: str) -> Location:
        return self.where.get(f) or Location(self.file, cell=self.ref)


def _find_heading(sheet: Sheet, scan: int = 30) -> tuple[int, dict[str, int]] | None:
    """The heading row (0-based) and the columns of the fields it names, when it names a task and some progress."""
    best = None
    for r, row in enumerate(sheet.rows[:scan]):
        found: dict[str, int] = {}
        for c, cell in enumerate(row):
            if isinstance(cell.value, str):
                f = _LOOKUP.get(normalise_heading(cell.value)[0])
                if f and f not in found:
                    found[f] = c
        if ("id" in found or "title" in found) and any(f in found for f in ("progress", "percent", "state")):
            if best is None or len(found) > len(best[1]):
                best = (r, found)
    return best


def _row_col(ref: str) -> tuple[int, int]:
    """The row and column of a cell reference: "进度表!H4" -> (4, 8)."""
    from openpyxl.utils import column_index_from_string

    m = re.search(r"([A-Z]+)(\d+)$", ref)
    return int(m.group(2)), column_index_from_string(m.group(1))


def shown(value: Any, n: int = 40) -> str:
    """A cell's value as a message quotes it: its first ``n`` characters and an ellipsis when longer, so that a cell
    of 20,000 characters stays a line a clerk can read."""
    text = str(value)
    return text if len(text) <= n else text[:n] + "…"


_MONTH = re.compile(r"[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*[）)]")


def _form_month(sheet: Sheet, heading_row: int) -> tuple[str, str | None]:
    """The month a form's title rows name (the 进度表 `track forms` writes: "…推进情况表（2022年9月）") and its cell."""
    for row in sheet.rows[:heading_row]:
        for cell in row:
            if isinstance(cell.value, str):
                m = _MONTH.search(cell.value)
                if m and 1 <= int(m.group(2)) <= 12:
                    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}", cell.ref
    return "", None


def _percent(cell: Cell) -> Fraction:
    raw = cell.value
    if isinstance(raw, str) and len(raw) > 60:  # no share is written in so many characters
        raise ValueError(M.tr_percent_bad(value=repr(shown(raw))))
    if isinstance(raw, str):
        number = values.parse_progress(raw)
    else:
        number = values.parse_number(raw)
        if "%" in cell.number_format:
            number *= 100
    if not Decimal(0) <= number <= Decimal(100):
        raise ValueError(M.tr_percent_range(value=shown(raw)))
    return Fraction(number)


def read_progress(path: Path, name: str | None = None) -> tuple[list[Report], list[Problem]]:
    """Every progress row of the workbook (each sheet with a progress heading row) -> (reports, problems)."""
    path = Path(path)
    name = name or display_name(path)
    why = check_file(path, name)
    if why:
        raise DataError([Problem(Location(name), "", why)])
    sheets = read_sheets(path, name)
    reports: list[Report] = []
    problems: list[Problem] = []
    tables = 0
    for sheet in sheets:
        found = _find_heading(sheet)
        if found is None:
            continue
        tables += 1
        r0, cols = found
        heading = {f: normalise_heading(sheet.rows[r0][c].value)[0] for f, c in cols.items()}
        month, month_ref = _form_month(sheet, r0)
        for row in sheet.rows[r0 + 1:]:
            def cell(f: str) -> Cell | None:
                c = cols.get(f)
                return row[c] if c is not None and c < len(row) and not row[c].blank else None

            if all(c.blank for c in row):
                continue
            if not any(cell(f) for f in ("id", "title")):
                continue  # a note under the table, a title row of a merged workbook
            first = cell("id") or cell("title")
            for f in ("progress", "percent", "state"):  # a formula saved without its result reads as an empty cell
                c = cols.get(f)
                if c is not None and c < len(row) and row[c].blank and sheet.name is not None:
                    formula = sheet.formula_at(*_row_col(row[c].ref))
                    if formula:
                        problems.append(Problem(Location(name, cell=row[c].ref), heading[f], M.formula_unsaved(formula=shown(formula))))
            rep = Report(file=name, ref=first.ref, period=month,
                         period_at=Location(name, cell=month_ref) if month_ref else None)
            for f in cols:
                c = cell(f)
                if c is not None:
                    rep.where[f] = Location(name, cell=c.ref)
            rep.id = values.strip_numbering(cell("id").text) if cell("id") else ""
            rep.id = rep.id or (cell("id").text if cell("id") else "")
            rep.title = cell("title").text if cell("title") else ""
            rep.lead = cell("lead").text if cell("lead") else ""
            for f in ("progress", "problems", "steps", "evidence"):
                setattr(rep, f, cell(f).text if cell(f) else "")
            if cell("percent"):
                try:
                    rep.percent = _percent(cell("percent"))
                except ValueError as exc:
                    why = exc.args[0] if exc.args and not isinstance(exc.args[0], str) else M.tr_percent_bad(value=repr(cell("percent").value))
                    problems.append(Problem(rep.at("percent"), heading["percent"], why))
            if cell("state"):
                word = STATE_WORDS.get(cell("state").text.replace(" ", ""))
                if word is None:
                    problems.append(Problem(rep.at("state"), heading["state"],
                                            M.tr_state_bad(value=shown(cell("state").text), states="、".join(STATES))))
                rep.state = word
            if rep.state is None and rep.percent == 100:
                rep.state = "已完成"
            if any((rep.progress, rep.percent is not None, rep.state)):
                reports.append(rep)
    if not tables:
        problems.append(Problem(Location(name), "", M.tr_no_progress_heading()))
    return reports, problems
