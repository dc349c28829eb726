"""A figure series or a task list as a table file: .xlsx (openpyxl, numbers as numbers) or .csv (UTF-8 with a BOM,
which Excel and WPS open as Chinese)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .. import messages as M
from ..atomic import write_atomic
from ..errors import BriefgenError


def _number(text):
    if text is None or text == "":
        return None
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        return text
    return int(value) if value == value.to_integral_value() and "." not in str(text) else float(value)


def write_table(path: Path, header: list[str], rows: list[list], numeric: set[int], sheet: str,
                more: tuple[tuple[str, list[str], list[list], set[int]], ...] = ()) -> int:
    """Write ``rows`` under ``header``; columns in ``numeric`` are numbers in a workbook. Returns the row count.
    ``more``: further (sheet, header, rows, numeric) tables, as sheets of the same workbook (.xlsx only)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        write_atomic(path, ("\ufeff" + buf.getvalue()).encode("utf-8"))
    elif suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter

        book = Workbook()
        for n, (title_, header_, rows_, numeric_) in enumerate(((sheet, header, rows, numeric), *more)):
            ws = book.active if n == 0 else book.create_sheet()
            ws.title = title_[:31]
            ws.append(header_)
            for row in rows_:
                ws.append([_number(v) if i in numeric_ else v for i, v in enumerate(row)])
            for i, title in enumerate(header_, start=1):
                longest = max([len(str(title))] + [len(str(r[i - 1] or "")) for r in rows_])
                ws.column_dimensions[get_column_letter(i)].width = min(60, 4 + 2 * longest)
            ws.freeze_panes = "A2"
        buf = io.BytesIO()
        book.save(buf)
        write_atomic(path, buf.getvalue())
    else:
        raise BriefgenError(M.cat_out_suffix(path=path))
    return len(rows)
