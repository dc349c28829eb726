"""Workbooks and CSV files -> Sheets of Cells, each cell with its place (Sheet1!D7), its value and how Excel showed it.

An .xlsx is checked before openpyxl opens it (a zip bomb, a sheet claiming XFD1048576, an external link); a CSV is
decoded by the one text decoder (UTF-8 with or without BOM, GB18030) and its dialect sniffed. The lights a sheet
shows as cell fills are read as 绿/黄/红."""

from __future__ import annotations

import colorsys
import csv
import io
import math
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .. import limits
from .. import messages as M
from ..errors import DataError, Location, Problem
from .source import read_limited
from .text import decode_text
from .yamlfile import bad_character


@dataclass
class Cell:
    value: Any
    ref: str  # where the value is stored: "Sheet1!D7" (the top-left cell of a merged range) or "D7" in a CSV
    merged: tuple[int, int, int, int] | None = None  # (min_row, min_col, max_row, max_col), 1-based
    number_format: str = "General"
    fill: str | None = None  # a light colour read from the cell's fill, if it has one

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()


@dataclass
class Sheet:
    file: str  # display name
    name: str | None  # None for a CSV
    rows: list[list[Cell]]
    formula_at: Callable[[int, int], str | None] = lambda row, col: None

    def where(self) -> Any:
        return M.where_sheet(name=self.name) if self.name else M.where_the_file()


def _ref(sheet_name: str | None, row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    coord = f"{get_column_letter(col)}{row}"
    if sheet_name is None:
        return coord
    if re.search(r"[^\w]", sheet_name):
        return f"'{sheet_name}'!{coord}"
    return f"{sheet_name}!{coord}"


def _read_xlsx(path: Path, name: str) -> list[Sheet]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    check_workbook(path, name)  # sizes, zip bombs, DTDs and the number of cells, before openpyxl reads a byte
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, conditional formats): not our concern.
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        # openpyxl's own message runs over several lines and names the file again; its cause says what is wrong.
        detail = (str(exc.__cause__ or exc).strip().splitlines() or [type(exc).__name__])[0]
        raise DataError([Problem(Location(name), "", M.workbook_unopenable(detail=detail))]) from None
    except Exception as exc:  # zipfile.BadZipFile and friends: a damaged or mislabelled file
        raise DataError([Problem(Location(name), "", _not_a_workbook(path, exc))]) from None

    formulas: dict[str, Any] = {}

    def formula_lookup(sheet_title: str) -> Callable[[int, int], str | None]:
        def lookup(row: int, col: int) -> str | None:
            # Loaded only when a cell is empty: a formula saved without its result (a file written by a program,
            # never opened in Excel) reads as empty with data_only=True.
            if "wb" not in formulas:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    formulas["wb"] = openpyxl.load_workbook(path, read_only=False, data_only=False)
            value = formulas["wb"][sheet_title].cell(row=row, column=col).value
            return value if isinstance(value, str) and value.startswith("=") else None

        return lookup

    sheets = []
    problems: list[Problem] = []
    ordered = [wb.active] + [ws for ws in wb.worksheets if ws is not wb.active] if wb.active in wb.worksheets else wb.worksheets
    for ws in ordered:
        if not hasattr(ws, "iter_rows"):  # a chart sheet
            continue
        prefix = _ref(ws.title, 1, 1)[: -len("A1")]  # "Sheet1!" or "'My sheet'!"
        # Only as far as the last value: a formatted or empty cell at XFD1048576 sets max_row and max_column to the
        # sheet's end, and reading that far would create 17 billion cells.
        max_row, max_col = _extent(ws)
        if max_row > limits.MAX_TABLE_ROWS or max_col > limits.MAX_TABLE_COLUMNS:
            far = _far_cell(ws)
            problems.append(Problem(Location(name, cell=f"{prefix}{far}"), "", limits.refusal(
                M.sheet_far_value(rows=f"{max_row:,}", columns=f"{max_col:,}"),
                M.limit_sheet_size(rows=f"{limits.MAX_TABLE_ROWS:,}", columns=str(limits.MAX_TABLE_COLUMNS)),
                M.fix_far_value())))
            continue
        merged_at: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for rng in ws.merged_cells.ranges:
            bounds = (rng.min_row, rng.min_col, rng.max_row, rng.max_col)
            for r in range(rng.min_row, min(rng.max_row, max_row) + 1):  # within the values: a merge may be huge
                for c in range(rng.min_col, min(rng.max_col, max_col) + 1):
                    merged_at[(r, c)] = bounds
        rows: list[list[Cell]] = []
        for r, row in enumerate(ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col), start=1):
            cells = []
            for c, xc in enumerate(row, start=1):
                bounds = merged_at.get((r, c))
                src = ws.cell(row=bounds[0], column=bounds[1]) if bounds else xc
                value = src.value
                ref = f"{prefix}{src.coordinate}"
                why = cell_problem(value)
                if why:
                    if src is xc:  # a merged range reports its top-left cell once
                        problems.append(Problem(Location(name, cell=ref), "", why))
                    value = None
                if isinstance(value, str):
                    value = value.strip() or None
                cells.append(Cell(value, ref, bounds, src.number_format or "General", _fill_light(src)))
            rows.append(cells)
        sheets.append(Sheet(name, ws.title, rows, formula_lookup(ws.title)))
    if problems:
        raise DataError(problems[:20])
    return sheets


def _extent(ws: Any) -> tuple[int, int]:
    """The last row and column that hold a value (openpyxl's max_row/max_column count formatted empty cells)."""
    cells = getattr(ws, "_cells", None)
    if not isinstance(cells, dict):  # pragma: no cover - another openpyxl
        return ws.max_row, ws.max_column
    max_row = max_col = 0
    for (r, c), cell in cells.items():
        if cell.value is not None:
            max_row, max_col = max(max_row, r), max(max_col, c)
    for rng in ws.merged_cells.ranges:  # a merged heading's area counts as far as its values do
        if (rng.min_row, rng.min_col) in cells and cells[(rng.min_row, rng.min_col)].value is not None:
            max_row = max(max_row, min(rng.max_row, limits.MAX_TABLE_ROWS))
            max_col = max(max_col, min(rng.max_col, limits.MAX_TABLE_COLUMNS))
    return max_row, max_col


def _far_cell(ws: Any) -> str:
    from openpyxl.utils import get_column_letter

    far = max(((r, c) for (r, c), cell in ws._cells.items() if cell.value is not None),
              key=lambda rc: max(rc[0] / limits.MAX_TABLE_ROWS, rc[1] / limits.MAX_TABLE_COLUMNS))
    return f"{get_column_letter(far[1])}{far[0]}"


def cell_problem(value: Any) -> str | None:
    """Why a cell's value cannot be taken (infinite or not a number, text too long or with control characters)."""
    if isinstance(value, float) and not math.isfinite(value):
        return M.cell_not_finite(value=value)
    if isinstance(value, str):
        if len(value) > limits.MAX_STRING_CHARS:
            return limits.refusal(M.text_chars(n=f"{len(value):,}"), M.limit_cell_text(n=f"{limits.MAX_STRING_CHARS:,}"),
                                  M.fix_shorten())
        return bad_character(value)
    return None


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the start of an old .xls (and .et, .doc) file
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream name of an .xlsx saved with a password


def _not_a_workbook(path: Path, exc: BaseException) -> Any:
    """Why a file named .xlsx is no workbook, said as a clerk can act on it: an old .xls renamed, a CSV or text."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
            # a workbook saved with a password is an OLE2 container too, holding the encrypted package
            encrypted = head == _OLE2 and _ENCRYPTED in fh.read(limits.MAX_TABLE_FILE_BYTES)
    except OSError:
        head, encrypted = b"", False
    if encrypted:
        return M.xlsx_encrypted()
    if head == _OLE2:
        return M.xls_named_xlsx(suffix=path.suffix)
    return M.not_xlsx(kind=type(exc).__name__)


def check_workbook(path: Path, name: str) -> None:
    """Refuse an .xlsx that would take too long or too much memory to open, before openpyxl opens it.

    The archive's parts are checked by their uncompressed sizes and compression ratios (a zip bomb), any XML
    part with a document type declaration (entity bombs) is refused, and the sheets' cells are counted while
    streaming through their XML, stopping at the first one too many.
    """
    import zipfile

    def refuse(message: Any) -> None:
        raise DataError([Problem(Location(name), "", message)])

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        refuse(_not_a_workbook(path, exc))
    with archive:
        parts = archive.infolist()
        if len(parts) > limits.MAX_ZIP_MEMBERS:
            refuse(limits.refusal(M.workbook_parts(n=f"{len(parts):,}"), M.limit_zip_members(n=f"{limits.MAX_ZIP_MEMBERS:,}"),
                                  M.fix_save_from_excel()))
        total = 0
        for part in parts:
            total += part.file_size
            if part.file_size > limits.MAX_ZIP_MEMBER_BYTES:
                refuse(limits.refusal(M.part_unpacks_to(part=part.filename, size=limits.megabytes(part.file_size)),
                                      M.limit_zip_member(size=limits.megabytes(limits.MAX_ZIP_MEMBER_BYTES)),
                                      M.fix_new_workbook()))
            ratio = part.file_size / max(part.compress_size, 1)
            if part.file_size > limits.ZIP_RATIO_FLOOR_BYTES and ratio > limits.MAX_ZIP_RATIO:
                refuse(limits.refusal(M.part_ratio(part=part.filename, ratio=f"{ratio:,.0f}"),
                                      M.limit_zip_ratio(n=str(limits.MAX_ZIP_RATIO)), M.fix_new_workbook()))
        if total > limits.MAX_ZIP_TOTAL_BYTES:
            refuse(limits.refusal(M.workbook_unpacks_to(size=limits.megabytes(total)),
                                  M.limit_zip_total(size=limits.megabytes(limits.MAX_ZIP_TOTAL_BYTES)), M.fix_new_workbook()))
        for part in parts:
            if part.filename.lower().endswith((".xml", ".rels", ".vml")):
                why = _scan_part(archive, part, part.filename.startswith("xl/worksheets/"))
                if why:
                    refuse(why)


class _Stop(Exception):
    pass


def _scan_part(archive: Any, part: Any, sheet: bool) -> Any:
    """Stream one XML part: a DTD is refused; in a sheet, cells and rows with values are counted against the limits."""
    import xml.parsers.expat

    parser = xml.parsers.expat.ParserCreate()
    count = {"cells": 0, "rows": 0, "row_has_value": False}
    found: list[Any] = []
    short = part.filename.rsplit("/", 1)[-1]

    def doctype(*_args: Any) -> None:
        found.append(M.part_doctype(part=part.filename))
        raise _Stop

    def start(tag: str, _attrs: Any) -> None:
        tag = tag.rsplit(":", 1)[-1]
        if tag == "c":
            count["cells"] += 1
            if count["cells"] > limits.MAX_TABLE_CELLS:
                found.append(limits.refusal(M.sheet_cells(part=short, n=f"{limits.MAX_TABLE_CELLS:,}"),
                                            M.limit_sheet_cells(n=f"{limits.MAX_TABLE_CELLS:,}"), M.fix_table_alone()))
                raise _Stop
        elif tag == "row":
            count["row_has_value"] = False
        elif tag == "mergeCell":
            # openpyxl makes one object for every cell a merged range covers: F1:XFD1048576 would be 17 billion.
            from openpyxl.utils.cell import range_boundaries

            try:
                min_col, min_row, max_col, max_row = range_boundaries(str(_attrs.get("ref", "")))
            except (ValueError, TypeError):
                return
            count["merged"] = count.get("merged", 0) + (max_row - min_row + 1) * (max_col - min_col + 1)
            if count["merged"] > limits.MAX_TABLE_CELLS:
                found.append(limits.refusal(M.sheet_merges(part=short, ref=str(_attrs.get("ref")), n=f"{limits.MAX_TABLE_CELLS:,}"),
                                            M.limit_sheet_cells(n=f"{limits.MAX_TABLE_CELLS:,}"), M.fix_unmerge()))
                raise _Stop
        elif tag in ("v", "is") and not count["row_has_value"]:
            count["row_has_value"] = True
            count["rows"] += 1
            if count["rows"] > limits.MAX_TABLE_ROWS:
                found.append(limits.refusal(M.sheet_rows(part=short, n=f"{limits.MAX_TABLE_ROWS:,}"),
                                            M.limit_sheet_rows(n=f"{limits.MAX_TABLE_ROWS:,}"), M.fix_fewer_rows()))
                raise _Stop

    parser.StartDoctypeDeclHandler = doctype
    if sheet:
        parser.StartElementHandler = start
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        return found[0]
    except Exception:  # malformed XML, a bad CRC: openpyxl says so in its own words
        return None
    return None


def _fill_light(cell: Any) -> str | None:
    """A solid red, yellow/orange or green fill, as 亮灯 sheets often show the light with no text in the cell."""
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    color = fill.fgColor
    rgb = color.rgb if color is not None and color.type == "rgb" else None
    if not isinstance(rgb, str) or len(rgb) < 6:
        return None
    try:
        r, g, b = (int(rgb[-6:][i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return None
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    if s < 0.35 or v < 0.35:
        return None
    hue = h * 360
    if hue < 20 or hue >= 330:
        return "red"
    if 30 <= hue < 70:
        return "yellow"
    if 80 <= hue < 170:
        return "green"
    return None


def _read_csv(path: Path, name: str) -> list[Sheet]:
    raw = read_limited(path, name, limits.MAX_TABLE_FILE_BYTES, "table")

    text = decode_text(raw, name, "CSV UTF-8")
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:  # strict first, to catch a quote that is never closed; loose when only a stray quote stops it
        rows, problems = _csv_rows(text, dialect, name, strict=True)
    except _CsvQuirk:
        rows, problems = _csv_rows(text, dialect, name, strict=False)
    if problems:
        raise DataError(problems[:20])
    return [Sheet(name, None, rows)]


class _CsvQuirk(Exception):
    pass


def _csv_rows(text: str, dialect: Any, name: str, strict: bool) -> tuple[list[list[Cell]], list[Problem]]:
    rows: list[list[Cell]] = []
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=strict)
    line = 0  # the line the last record ended on
    try:
        for r, record in enumerate(reader, start=1):
            if r > limits.MAX_TABLE_ROWS:
                problems.append(Problem(Location(name, line + 1), "", limits.refusal(
                    M.csv_rows(n=f"{limits.MAX_TABLE_ROWS:,}"), M.limit_csv_rows(n=f"{limits.MAX_TABLE_ROWS:,}"),
                    M.fix_fewer_rows())))
                break
            while record and not record[-1].strip():
                record.pop()
            if len(record) > limits.MAX_TABLE_COLUMNS:
                problems.append(Problem(Location(name, line + 1), "", limits.refusal(
                    M.csv_columns(n=f"{len(record):,}"), M.limit_csv_columns(n=str(limits.MAX_TABLE_COLUMNS)),
                    M.fix_fewer_columns())))
                break
            cells = []
            for c, v in enumerate(record, start=1):
                why = cell_problem(v)
                if why:
                    problems.append(Problem(Location(name, cell=_ref(None, r, c)), "", why))
                    v = ""
                cells.append(Cell(v.strip() or None, _ref(None, r, c)))
            rows.append(cells)
            line = reader.line_num
    except csv.Error as exc:
        message = str(exc)
        if "field larger than field limit" in message:
            why: Any = M.csv_cell_too_long(n=f"{csv.field_size_limit():,}")
        elif "unexpected end of data" in message:
            why = M.csv_open_quote()
        elif strict:
            raise _CsvQuirk from None
        else:  # pragma: no cover - the loose reader stops on nothing else
            why = M.csv_unreadable(detail=message)
        problems.append(Problem(Location(name, line + 1), "", why))
    return rows, problems


def read_sheets(path: Path, name: str) -> list[Sheet]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise DataError([Problem(Location(name), "", M.cannot_read(reason=exc.strerror or exc))]) from None
        if size > limits.MAX_TABLE_FILE_BYTES:
            raise DataError([Problem(Location(name), "", limits.refusal(
                M.file_size(size=limits.megabytes(size)), M.limit_table_file(size=limits.megabytes(limits.MAX_TABLE_FILE_BYTES)),
                M.fix_table_file_size()))])
        return _read_xlsx(path, name)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path, name)
    if suffix in (".xls", ".et", ".wps"):
        raise DataError([Problem(Location(name), "", M.old_workbook(suffix=suffix))])
    raise DataError([Problem(Location(name), "", M.not_a_table_suffix(suffix=suffix) if suffix else M.not_a_table_no_suffix())])
