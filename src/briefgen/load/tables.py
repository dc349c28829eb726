"""Indicator and task tables (.xlsx, .csv) -> plain dicts plus a SourceMap of sheet cells.

In: a workbook or CSV file as staff keep them: title rows above the heading row, a "单位：亿元" caption,
headings in any of the forms real tables use (工作任务/重点任务, 牵头单位, 责任单位, 同比增长(%) …), merged
section rows, merged 所属板块 columns, empty rows, numbers typed as text.
Out: ``indicators`` (a list of Indicator dicts) or ``plan.sections`` (a list of section dicts with tasks), and a
SourceMap keyed by the model path each value lands on, e.g. ('indicators', 3, 'yoy') -> 指标.xlsx:Sheet1!D7.

The road through this package: ``sheets`` (a workbook or CSV -> Sheets of Cells) -> ``headings`` (which row is the
heading row, which column which field -> a Table) -> ``indicators`` or ``tasks`` (rows -> dicts, each value parsed
with ``rows``' helpers) -> here, where every problem of a file is collected and raised together as one DataError.
A bad cell is reported with the column's own heading: ``指标.xlsx:Sheet1!D7: 同比增长: "九点五" is not a number``.
Validation against the model happens later (``briefgen.model.validate``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

from .. import messages as M
from ..errors import DataError, Location, Problem
from .source import SourceMap, check_file, display_name
from .sheets import Sheet, read_sheets
from .headings import INDICATORS, TASKS, Table, _BY_KIND, _no_heading, _user_columns, find_table
from .indicators import read_indicators
from .tasks import read_tasks



@dataclass
class TableData:
    """What one table file gave: plain data, where each value came from, and the problems found."""

    data: dict = field(default_factory=dict)
    sources: SourceMap | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # doubtful values, each at its cell: read, but to be checked
    notes: list = field(default_factory=list)  # what was read: the sheet, the heading row, the columns read and ignored






# ---------------------------------------------------------------------------------------------------------------
# Entry points


def _find(sheets: list[Sheet], kind: str, user: dict[str, str], sheet: str | None, name: str,
          problems: list[Problem]) -> Table | None:
    """The table of ``kind``: in the sheet named, or the one sheet that holds it. Two sheets with the same table
    (last year's beside this year's) are never chosen between in silence: that is a problem naming them."""
    if sheet is not None:
        chosen = [s for s in sheets if s.name == sheet or (s.name is None and sheet in ("", None))]
        if not chosen:
            problems.append(Problem(Location(name), "sheet", M.no_sheet_named(sheet=sheet, names=[s.name or "" for s in sheets])))
            return None
        sheets = chosen
    found = [t for t in (find_table(s, kind, user) for s in sheets) if t is not None]
    if not found:
        return None
    best = max(len(t.columns) for t in found)
    alike = [t for t in found if len(t.columns) == best]
    if len(alike) > 1:
        names = [f"“{t.sheet.name}”" for t in alike]
        problems.append(Problem(Location(name), "sheet", M.several_sheets(
            table=M.word_indicator_table() if kind == INDICATORS else M.word_task_table(), sheets=names,
            first=alike[0].sheet.name, file=name, key=kind)))
        return None
    table = alike[0]
    _check_user_columns(table, user, problems)
    return table


def _sheet_title(table: Table):
    """The title row above a table's headings (a lone text across the table: 白沙街道2024年1—6月主要经济指标完成情况),
    the cell, or None. A caption (单位：亿元) or a text with { } (a title's fields are briefgen.toml's) is no title."""
    from ..model import values

    heading = table.first_data_row - 1
    for row in table.sheet.rows[:heading]:
        filled = [c for c in row if not c.blank]
        if len({c.ref for c in filled}) != 1 or not isinstance(filled[0].value, str):
            continue
        text = filled[0].text.strip()
        if values.caption_unit(text) or "{" in text or "}" in text or len(text) < 4 or len(text) > 80:
            continue
        return filled[0]
    return None


def _read_note(table: Table, name: str):
    """One note for a table read: its sheet and heading row, the columns read and those left unread."""
    heading_row = table.sheet.rows[table.first_data_row - 1]
    read_at = {c.index for c in table.columns.values()}
    read = [c.label for c in sorted(table.columns.values(), key=lambda c: c.index)]
    unread = [c.text for i, c in enumerate(heading_row)
              if c.text and i not in read_at and table.span[0] <= i <= table.span[1]]
    where = table.sheet.where()
    kind = M.word_indicator_table() if table.kind == INDICATORS else M.word_task_table()
    if unread:
        return M.table_read_ignoring(file=name, table=kind, where=where, row=table.first_data_row, read=read, unread=unread)
    return M.table_read(file=name, table=kind, where=where, row=table.first_data_row, read=read)


def _check_user_columns(table: Table, user: dict[str, str], problems: list[Problem]) -> None:
    heads = [c.text for c in table.sheet.rows[table.first_data_row - 1] if c.text]
    for f, theirs in user.items():
        if f not in table.columns:
            canonical = _BY_KIND[table.kind][f][0]
            problems.append(Problem(Location(table.sheet.file), f"columns.{canonical}",
                                    M.no_column_headed(heading=theirs, where=table.sheet.where(), headings=heads)))


def read_tables(path: str | Path, kinds: Iterable[str] = (INDICATORS, TASKS), sheet: str | None = None,
                columns: dict | None = None, year: int | None = None, name: str | None = None,
                require: bool = True) -> TableData:
    """Read whichever of the ``kinds`` of table the file holds; problems are returned, not raised.

    With ``require``, a file holding none of them gives one Problem naming the headings expected. ``year`` is the
    report's year for deadlines that name none (年内, 12月底前); with None such a deadline is a Problem at its cell.
    """
    path = Path(path)
    name = name or display_name(path)
    kinds = list(kinds)
    result = TableData(sources=SourceMap(name))
    result.sources.add((), Location(name))
    why = check_file(path, name)
    if why:
        result.problems.append(Problem(Location(name), "", why))
        return result
    try:
        sheets = read_sheets(path, name)
    except DataError as exc:
        result.problems.extend(exc.problems)
        return result
    found_any = False
    for kind in kinds:
        user = _user_columns(columns, kind, name, result.problems if kind == kinds[0] else [])
        table = _find(sheets, kind, user, sheet, name, result.problems)
        if table is None:
            continue
        found_any = True
        result.notes.append(_read_note(table, name))
        title = _sheet_title(table)
        if title is not None:  # the workbook's own title row: the document's title, unless one is given elsewhere
            template = "summary" if kind == INDICATORS else "tasks"
            result.data.setdefault("titles", {})[template] = title.text.strip()
            result.sources.add(("titles", template), Location(name, cell=title.ref))
        if kind == INDICATORS:
            items, sources = read_indicators(table, result.problems, result.warnings)
            result.data[INDICATORS] = items
        else:
            sections, sources = read_tasks(table, year, result.problems)
            result.data["plan"] = {"sections": sections}
        result.sources.merge(sources)
    if require and not found_any and not any(p.field == "sheet" for p in result.problems):
        result.problems.append(_no_heading(name, kinds, [s for s in sheets if sheet is None or s.name == sheet] or sheets))
    return result


def _raise(result: TableData) -> None:
    if result.problems:
        raise DataError(result.problems)


def load_indicators(path: str | Path, sheet: str | None = None, columns: dict | None = None) -> tuple[list[dict], SourceMap]:
    """An indicator table -> (list of Indicator dicts, SourceMap keyed ('indicators', i, field)).

    Raises DataError with every problem of the file (bad numbers, no heading row, unknown column mapping).
    """
    result = read_tables(path, [INDICATORS], sheet=sheet, columns=columns)
    _raise(result)
    return result.data[INDICATORS], result.sources


def load_tasks(path: str | Path, sheet: str | None = None, columns: dict | None = None,
               year: int | None = None) -> tuple[list[dict], SourceMap]:
    """A task table -> (list of section dicts, each {"title", "tasks": [Task dicts]}, SourceMap).

    The SourceMap is keyed by model path: ('plan', 'sections', s, 'tasks', t, field). ``year`` is the report's
    year, for deadlines that name none (年内, 12月底前); it defaults to the current year.
    """
    result = read_tables(path, [TASKS], sheet=sheet, columns=columns, year=year or date.today().year)
    _raise(result)
    return result.data["plan"]["sections"], result.sources


def load_table_file(path: Path, name: str, year: int | None = None) -> tuple[dict, SourceMap]:
    """A table file on its own (``load_file``): {"indicators": …} and/or {"plan": {"sections": …}}.

    With no report to give the year, deadlines that name none are read in ``year`` (default: this year).
    """
    result = read_tables(path, name=name, year=year or date.today().year)
    _raise(result)
    result.sources.notes.extend(result.notes)
    return result.data, result.sources

