"""One row of a table as the readers see it, and what every row reader shares: a row's cells by field, whether it is empty,
a footnote (注：…), a total, a section title; a cell parsed with its problem placed at the cell; a percent that Excel
shows as 9.5% but stores as 0.095; a number as the cell showed it."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Callable

from .. import messages as M
from ..errors import Location, Problem
from ..model import values
from ..model.report import check_figure
from .headings import Table
from .sheets import Cell, _ref

_FOOTNOTE = re.compile(r"^(?:注|说明|备注|附注|填报|制表|审核|数据来源|资料来源|联系人|联系电话)\s*[\d一二三四五]*\s*[:：]")


class _Row:
    """One data row of a table, with what each column holds and where."""
    def __init__(self, table: Table, r: int):
        self.table = table
        self.r = r
        self.cells = table.sheet.rows[r]

    def cell(self, f: str) -> Cell | None:
        col = self.table.columns.get(f)
        if col is None or col.index >= len(self.cells):
            return None
        return self.cells[col.index]

    def loc(self, f: str) -> Location | None:
        col = self.table.columns.get(f)
        if col is None:
            return None
        cell = self.cell(f)
        if cell is not None:
            return Location(self.table.sheet.file, cell=cell.ref)
        return Location(self.table.sheet.file, cell=_ref(self.table.sheet.name, self.r + 1, col.index + 1))

    def label(self, f: str) -> str:
        return self.table.columns[f].label

    def raw(self, f: str) -> Any:
        cell = self.cell(f)
        return None if cell is None or cell.blank else cell.value

    def text(self, f: str) -> str:
        cell = self.cell(f)
        return "" if cell is None else cell.text

    def span_cells(self) -> list[Cell]:
        lo, hi = self.table.span
        return self.cells[lo: hi + 1]


def _is_empty(row: _Row) -> bool:
    return all(c.blank for c in row.cells)


def _is_footnote(row: _Row) -> bool:
    first = next((c for c in row.cells if not c.blank), None)
    return first is not None and isinstance(first.value, str) and bool(_FOOTNOTE.match(first.value.strip()))


def _is_total(row: _Row) -> bool:
    """A 合计/总计/小计 row: its first filled cell, or its name cell, says so. Skipped like a footnote."""
    first = next((c for c in row.span_cells() if not c.blank), None)
    name = row.cell("name")
    return (first is not None and values.is_total(first.value)) or (name is not None and values.is_total(name.value))


def _title_row(row: _Row) -> Cell | None:
    """A row that only carries a heading: a merged row across the table, or one numbered cell such as "（一）…"."""
    filled = [c for c in row.span_cells() if not c.blank]
    if not filled or len({c.ref for c in filled}) != 1:
        return None
    cell = filled[0]
    if not isinstance(cell.value, str):
        return None
    if cell.merged and cell.merged[3] > cell.merged[1]:
        return cell  # merged across columns
    if values.has_numbering(cell.value) and not values.leading_number(cell.value):
        return cell  # a lone "（一）…" or "一、…" cell (a merged row saved as CSV)
    first_cols = {row.table.span[0]} | {row.table.columns[f].index for f in ("id", "section") if f in row.table.columns}
    lone_col = row.cells.index(cell)
    if lone_col in first_cols and not re.fullmatch(r"[\d.]+", cell.text):
        return cell
    return None


def _parse(row: _Row, f: str, problems: list[Problem], parser: Callable[[Any], Any]) -> Any:
    """Parse a cell with ``parser``; on failure record a Problem naming the cell and the column's heading."""
    raw = row.raw(f)
    if raw is None or values.is_blank(raw):
        return None
    try:
        return parser(raw)
    except ValueError as exc:
        problems.append(Problem(row.loc(f), row.label(f), _why(exc)))
        return _FAILED


_FAILED = object()


def _why(exc: ValueError) -> Any:
    """What a parser's ValueError says: its Message (worded when shown), or its text."""
    return exc.args[0] if exc.args and not isinstance(exc.args[0], str) else str(exc)


def _missing_formula(row: _Row, f: str, problems: list[Problem]) -> None:
    """An empty cell that holds a formula whose result was never saved: say so instead of "missing"."""
    cell = row.cell(f)
    if cell is None or not cell.blank or row.table.sheet.name is None:
        return
    m = re.match(r"^(?:'?(.+?)'?!)?([A-Z]+)(\d+)$", cell.ref)
    if not m:
        return
    from openpyxl.utils import column_index_from_string

    formula = row.table.sheet.formula_at(int(m.group(3)), column_index_from_string(m.group(2)))
    if formula:
        problems.append(Problem(row.loc(f), row.label(f), M.formula_unsaved(formula=formula)))


def _percent_cell(cell: Cell | None, raw: Any) -> tuple[Decimal, str | None]:
    """A growth or share cell -> (percent, text as written). A cell formatted as % holds 0.095 for 9.5%."""
    if isinstance(raw, str):
        try:
            return values.parse_percent(raw), raw.strip()
        except ValueError:
            raise ValueError(_not_a_number(raw)) from None
    number = values.parse_number(raw)
    if cell is not None and "%" in cell.number_format:
        number = _tidy(number * 100)
        return number, f"{number}%"
    return _tidy(number), None


def _not_a_number(raw: Any) -> Any:
    """'"九点五" is not a number; write 9.5' for a figure in Chinese numerals, else '"…" is not a number' (a Message)."""
    digits = values.chinese_digits(raw)
    return M.not_a_number_write(value=raw, digits=digits) if digits else M.not_a_number(value=raw)


def _tidy(number: Decimal) -> Decimal:
    """``values.tidy_decimal`` for a figure within ``limits`` (else ValueError): 1e308 cannot be rounded."""
    return values.tidy_decimal(check_figure(number))


def _display_number(number: Decimal, fmt: str) -> str | None:
    """The figure as Excel shows it, when the cell's format adds separators or fixed decimals (4050 -> "4,050")."""
    if not fmt or fmt == "General" or "%" in fmt:
        return None
    section = fmt.split(";")[0]
    decimals = len(m.group(1)) if (m := re.search(r"\.([0#]+)", section)) else 0
    grouped = "," in section
    text = f"{number:{',' if grouped else ''}.{decimals}f}"
    return text if text != str(number) else None
