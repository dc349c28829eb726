"""Indicator and task tables (.xlsx, .csv) -> plain dicts plus a SourceMap of sheet cells.

In: a workbook or CSV file as staff keep them: title rows above the heading row, a "单位：亿元" caption,
headings in any of the forms real tables use (工作任务/重点任务, 牵头单位, 责任单位, 同比增长(%) …), merged
section rows, merged 所属板块 columns, empty rows, numbers typed as text.
Out: ``indicators`` (a list of Indicator dicts) or ``plan.sections`` (a list of section dicts with tasks), and a
SourceMap keyed by the model path each value lands on, e.g. ('indicators', 3, 'yoy') -> 指标.xlsx:Sheet1!D7.

Values are parsed here (numbers, growth, deadlines, lights) so that a bad cell is reported with the column's own
heading: ``指标.xlsx:Sheet1!D7: 同比增长: "九点五" is not a number``. Every problem of a file is collected and
raised together as one DataError. Validation against the model happens later (``briefgen.model.report.validate``).
"""

from __future__ import annotations

import calendar
import colorsys
import csv
import io
import math
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable

from .. import limits
from ..model import values
from .. import messages as M
from ..errors import DataError, Location, Problem
from .source import SourceMap, check_file, display_name, read_limited
from .yamlfile import bad_character

INDICATORS = "indicators"
TASKS = "tasks"

# Each field: its canonical heading first (the key a user's `columns:` mapping uses), then the other headings
# that real tables use for it. Headings are compared after normalisation (see ``normalise_heading``).
TASK_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("序号", "编号", "序"),
    "section": ("所属板块", "板块", "类别", "分类", "领域", "工作板块", "任务类别", "类型", "所属领域", "所属类别"),
    "task": ("工作任务", "重点任务", "任务", "工作内容", "任务内容", "重点工作", "主要任务", "工作事项",
             "重点工作任务", "工作任务及目标", "任务及目标", "主要内容及目标"),
    "title": ("任务名称", "项目名称", "事项名称", "工作名称", "任务标题"),
    "detail": ("具体内容", "主要内容", "具体措施", "工作措施", "工作目标", "目标要求", "具体任务", "任务要求",
               "工作要求", "具体举措"),
    "lead": ("牵头单位", "牵头部门", "牵头科室", "主责单位", "主责部门", "牵头责任单位"),
    "support": ("配合单位", "协办单位", "配合部门", "协办部门", "配合科室", "协同单位", "参与单位", "协助单位"),
    "units": ("责任单位", "责任部门", "责任科室", "责任主体", "实施单位", "承办单位", "责任处室"),
    "due": ("完成时限", "时间节点", "完成时间", "时限", "完成期限", "时间要求", "时限要求", "截止时间",
            "计划完成时间", "完成时限要求"),
    "status": ("进展情况", "完成情况", "推进情况", "工作进展", "进展"),
}

INDICATOR_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("序号", "编号", "序"),
    "name": ("指标名称", "指标", "主要指标", "项目", "指标项目", "考核指标", "名称", "主要经济指标"),
    "unit": ("单位", "计量单位"),
    "value": ("完成值", "累计", "本期", "累计完成", "完成数", "实际完成", "完成", "绝对值", "数值", "累计值",
              "本年累计", "完成额", "总量", "累计数", "本期值", "实际完成值"),
    "yoy": ("同比增长", "同比", "增幅", "同比增幅", "增速", "同比增速", "增长", "增长率", "同比增长率",
            "比上年同期增长", "比上年增长", "同比增减", "增减", "比上年同期增减"),
    "target": ("目标值", "年度目标", "全年目标", "目标", "年度目标值", "目标任务", "全年目标任务", "年度目标任务",
               "全年目标值"),
    "progress": ("完成进度", "完成年度目标进度", "进度", "完成年度目标", "目标完成率", "完成率", "完成年度目标比例",
                 "完成全年目标", "完成全年目标进度", "年度目标完成率"),
    "rank": ("排名", "全区排名", "位次", "排位", "全区位次", "全市排名"),
    "light": ("亮灯", "灯色", "亮灯情况", "亮灯结果", "亮灯考核", "预警", "亮灯颜色"),
    "note": ("备注", "说明"),
    "estimate": ("预计", "是否预计", "预计数", "是否为预计数"),
}

# Period headings such as "1-6月累计", "2022年1—6月", "上半年完成" name the value column.
_PERIOD_VALUE = re.compile(
    r"^(?:\d{4}年)?(?:\d{1,2}[-—–~至到]\d{1,2}月|上半年|下半年|前三季度|[一二三四1-4]季度|全年|\d{1,2}月)份?"
    r"(?:累计)?(?:完成)?(?:值|数|额)?$"
)

_REQUIRED_ONE_OF = {
    TASKS: (("task", "title"), ("lead", "units", "support", "due")),
    INDICATORS: (("name",), ("value", "yoy", "target", "progress")),
}

_FOOTNOTE = re.compile(r"^(?:注|说明|备注|附注|填报|制表|审核|数据来源|资料来源|联系人|联系电话)\s*[\d一二三四五]*\s*[:：]")



# ---------------------------------------------------------------------------------------------------------------
# Sheets as grids of cells


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


@dataclass
class Column:
    index: int  # 0-based
    label: str  # the heading as written, without its unit: used in messages
    unit: str = ""  # a unit in the heading, e.g. 完成值(亿元)


@dataclass
class Table:
    kind: str
    sheet: Sheet
    first_data_row: int  # 0-based
    columns: dict[str, Column]
    span: tuple[int, int]  # first and last column (0-based) of the heading row
    caption_unit: str | None = None


@dataclass
class TableData:
    """What one table file gave: plain data, where each value came from, and the problems found."""

    data: dict = field(default_factory=dict)
    sources: SourceMap | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # doubtful values, each at its cell: read, but to be checked


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
        raise DataError([Problem(Location(name), "", M.not_xlsx(kind=type(exc).__name__))]) from None

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
        refuse(M.not_xlsx(kind=type(exc).__name__))
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
    from .text import decode_text

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


# ---------------------------------------------------------------------------------------------------------------
# Headings


def normalise_heading(text: object) -> tuple[str, str]:
    """A heading cell -> (bare heading, unit in it): "完成值（亿元）" -> ("完成值", "亿元"), "同比增长(%)" -> ("同比增长", "")."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))
    unit = ""
    while True:
        m = re.search(r"[(\[【〔]([^()\[\]【】〔〕]*)[)\]】〕]$", t)
        if not m:
            break
        inner = m.group(1)
        t = t[: m.start()]
        found = values.caption_unit(inner) or (inner if values.looks_like_unit(inner) else "")
        if found and found not in ("%", "‰") and not unit:
            unit = found
    m = re.search(r"/([^/]+)$", t)
    if m and values.looks_like_unit(m.group(1)) and m.start() > 0:
        unit = unit or (m.group(1) if m.group(1) not in ("%", "‰") else "")
        t = t[: m.start()]
    t = t.rstrip("%±‰:：")
    return t, unit


def _lookup(headings: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalise_heading(h)[0]: f for f, hs in headings.items() for h in hs}


_BY_KIND = {TASKS: TASK_HEADINGS, INDICATORS: INDICATOR_HEADINGS}
_LOOKUP = {kind: _lookup(h) for kind, h in _BY_KIND.items()}


def canonical_headings(kind: str) -> list[str]:
    return [hs[0] for hs in _BY_KIND[kind].values()]


def _match(kind: str, text: str) -> str | None:
    bare, _ = normalise_heading(text)
    if not bare:
        return None
    hit = _LOOKUP[kind].get(bare)
    if hit:
        return hit
    if kind == INDICATORS and _PERIOD_VALUE.match(bare):
        return "value"
    return None


def _user_columns(columns: dict | None, kind: str, name: str, problems: list[Problem]) -> dict[str, str]:
    """`columns: {工作任务: 任务内容}` -> {field: the user's heading (normalised)} for this kind of table."""
    if not columns:
        return {}
    if not isinstance(columns, dict):
        problems.append(Problem(Location(name), "columns", M.columns_mapping()))
        return {}
    out = {}
    for ours, theirs in columns.items():
        key = normalise_heading(ours)[0]
        fields = {k: _LOOKUP[k].get(key) or (str(ours) if str(ours) in _BY_KIND[k] else None) for k in _BY_KIND}
        if not any(fields.values()):
            known = list(dict.fromkeys(canonical_headings(TASKS) + canonical_headings(INDICATORS)))
            problems.append(Problem(Location(name), f"columns.{ours}", M.not_a_heading(known=known)))
            continue
        if fields[kind] and theirs is not None:
            out[fields[kind]] = normalise_heading(theirs)[0]
    return out


def _match_row(kind: str, texts: list[str | None], user: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    by_user = {v: f for f, v in user.items()}
    for c, text in enumerate(texts):
        if not text:
            continue
        bare = normalise_heading(text)[0]
        f = by_user.get(bare)
        if f and f not in found:
            found[f] = c
    for c, text in enumerate(texts):
        if not text or c in found.values():
            continue
        f = _match(kind, text)
        if f and f not in found and f not in user:
            found[f] = c
    return found


def _acceptable(kind: str, found: dict[str, int]) -> bool:
    return all(any(f in found for f in group) for group in _REQUIRED_ONE_OF[kind])


def _texts(row: list[Cell]) -> list[str | None]:
    return [c.text if isinstance(c.value, str) else None for c in row]


def find_table(sheet: Sheet, kind: str, user: dict[str, str], scan: int = 30) -> Table | None:
    """The heading row (or pair of rows, for a grouped heading) of this kind of table, if the sheet has one."""
    best: tuple[int, int, int, dict[str, int], list] | None = None  # score, -row, rows used, fields, texts
    for r in range(min(scan, len(sheet.rows))):
        one = _texts(sheet.rows[r])
        candidates = [(1, one)]
        if r + 1 < len(sheet.rows):
            two_row = _texts(sheet.rows[r + 1])
            # A grouped heading: "1-6月" merged over two columns, "累计" and "同比增长(%)" below it.
            combined = [
                (b if b and _match(kind, b) else a) for a, b in zip(one + [None] * len(two_row), two_row + [None] * len(one))
            ]
            candidates.append((2, combined))
        for used, texts in candidates:
            found = _match_row(kind, texts, user)
            if not _acceptable(kind, found):
                continue
            score = len(found)
            # More recognised headings win; on a tie, a single heading row, then the highest one.
            key = (score, -used, -r)
            if best is None or key > (best[0], -best[2], -best[1]):
                best = (score, r, used, found, texts)
    if best is None:
        return None
    _, r, used, found, texts = best
    columns = {}
    for f, c in found.items():
        label, unit = normalise_heading(texts[c])
        columns[f] = Column(c, label, unit)
    used_cols = [c for c, text in enumerate(texts) if text] or list(found.values())
    span = (min(used_cols), max(used_cols))
    caption = None
    for row in sheet.rows[:r]:
        for cell in row:
            caption = values.caption_unit(cell.value) or caption
    return Table(kind, sheet, r + used, columns, span, caption)


def _wanted(kind: str) -> Any:
    """The table of ``kind`` with the headings it is expected to have (a Message)."""
    if kind == TASKS:
        return M.wants_tasks(headings=M.headings_tasks())
    return M.wants_indicators(headings=M.headings_indicators())


def _no_heading(name: str, kinds: Iterable[str], sheets: list[Sheet]) -> Problem:
    kinds = list(kinds)
    where = M.where_the_file() if len(sheets) == 1 and sheets[0].name is None else (
        M.where_sheet(name=sheets[0].name) if len(sheets) == 1 else M.where_any_sheet(names=[s.name or "" for s in sheets]))
    wants = _wanted(kinds[0])
    for kind in kinds[1:]:
        wants = M.wants_either(first=wants, second=_wanted(kind))
    return Problem(Location(name), "", M.no_heading_row(where=where, wants=wants))


# ---------------------------------------------------------------------------------------------------------------
# Rows


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
    from ..model.report import check_figure

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


# ---------------------------------------------------------------------------------------------------------------
# Indicators


_NAME_UNIT = re.compile(r"[(（]([^()（）]+)[)）]\s*$")
_ESTIMATE_MARK = re.compile(r"^\s*(?:预计|约)\s*|\s*[(（]?\s*预计\s*[)）]?\s*$")


def _same_unit(written: str, unit: str) -> bool:
    """Whether a unit written with the figure (3亿) agrees with the column's (亿元): the same, or one the other's start."""
    return written == unit or unit.startswith(written) or written.startswith(unit)


def _indicators(table: Table, problems: list[Problem], warnings: list[Problem] | None = None) -> tuple[list[dict], SourceMap]:
    name = table.sheet.file
    sources = SourceMap(name)
    sources.add((INDICATORS,), Location(name, cell=_ref(table.sheet.name, table.first_data_row, table.span[0] + 1)))
    out: list[dict] = []
    warnings = [] if warnings is None else warnings
    caption = table.caption_unit
    group: tuple[str, Location] | None = None
    group_start = 0
    for r in range(table.first_data_row, len(table.sheet.rows)):
        row = _Row(table, r)
        if _is_empty(row) or _is_footnote(row) or _is_total(row):
            continue
        lone = [c for c in row.span_cells() if not c.blank]
        if len(lone) == 1 and (unit := values.caption_unit(lone[0].value)):
            caption = unit  # a "单位：万元" row between blocks changes the unit below it
            continue
        heading = _title_row(row)
        if heading is not None and _bare_name(row, heading):
            heading = None  # a name alone in its own column is an indicator whose figures are missing: reported below
        if heading is not None:
            # A group heading such as "二、招商引资": the indicators below it stand in that group.
            _empty_group(group, out[group_start:], warnings)
            title = values.strip_numbering(heading.text)
            group = (title, Location(name, cell=heading.ref)) if title else None
            group_start = len(out)
            continue
        i = len(out)
        path = (INDICATORS, i)
        item: dict[str, Any] = {}
        spots: dict[str, Location] = {}
        for f in table.columns:
            if f != "id":
                spots[f] = row.loc(f)

        raw_name = row.text("name")
        name_unit = ""
        if raw_name:
            m = _NAME_UNIT.search(raw_name)
            if m and (values.caption_unit(m.group(1)) or values.looks_like_unit(m.group(1))):
                name_unit = values.caption_unit(m.group(1)) or m.group(1).strip()
                raw_name = raw_name[: m.start()].strip()
            item["name"] = raw_name
        else:
            _missing_formula(row, "name", problems)

        if group is not None:
            item["group"], spots["group"] = group
        value_unit = ""
        about = None  # "约3亿": the figure read from a wording that only says it is about so much
        raw_value = row.raw("value")
        if raw_value is not None and not values.is_blank(raw_value):
            cell = row.cell("value")
            if isinstance(raw_value, str):
                text = raw_value.strip()
                stripped = _ESTIMATE_MARK.sub("", text)
                if stripped != text:
                    item["estimate"] = True
                try:
                    number, value_unit = values.parse_quantity(stripped)
                    item["value"] = number
                    if stripped == text:
                        item["value_text"] = text
                    # else the mark (预计, 约) is the estimate flag, shown as 预计; the figure is shown as a figure
                    if text.startswith("约"):
                        about = (text, number)
                except ValueError:
                    problems.append(Problem(row.loc("value"), row.label("value"), _not_a_number(raw_value)))
                    item["value"] = Decimal(0)
            else:
                try:
                    number = values.parse_number(raw_value)
                except ValueError as exc:
                    problems.append(Problem(row.loc("value"), row.label("value"), _why(exc)))
                    number = Decimal(0)
                if cell is not None and "%" in cell.number_format:
                    number, value_unit = number * 100, "%"
                try:
                    number = _tidy(number)
                except ValueError as exc:
                    problems.append(Problem(row.loc("value"), row.label("value"), _why(exc)))
                    number = Decimal(0)
                item["value"] = number
                shown = _display_number(number, cell.number_format if cell else "")
                if shown:
                    item["value_text"] = shown
        elif "value" in table.columns:
            _missing_formula(row, "value", problems)

        unit = row.text("unit")
        if values.is_blank(unit):
            unit = ""
        heading_unit = table.columns["value"].unit if "value" in table.columns else ""
        stated = unit or heading_unit or name_unit or caption or ""
        item["unit"] = stated or value_unit
        if "unit" not in spots:
            spots["unit"] = row.loc("value") or row.loc("name")
        if value_unit and stated and not _same_unit(value_unit, stated):
            problems.append(Problem(row.loc("value"), row.label("value"),
                                    M.unit_disagrees(value=raw_value, written=value_unit, unit=stated)))
        unit_cell = row.cell("unit")
        if "unit" in table.columns and not item["unit"] and "name" in item and (unit_cell is None or unit_cell.blank):
            warnings.append(Problem(row.loc("unit"), row.label("unit"), M.unit_empty(name=item["name"])))
        if about is not None:
            text, number = about
            warnings.append(Problem(row.loc("value"), row.label("value"),
                                    M.about_estimate(text=text, number=number, unit=item["unit"])))

        if "yoy" in table.columns:
            got = _parse(row, "yoy", problems, lambda v: _percent_cell(row.cell("yoy"), v))
            if got is _FAILED:
                pass  # reported; leave the optional field out
            elif got is not None:
                item["yoy"], text = got
                if text is not None:
                    item["yoy_text"] = text
        if "target" in table.columns:
            got = _parse(row, "target", problems, lambda v: _tidy(values.parse_quantity(v)[0]))
            if got is not None and got is not _FAILED:
                item["target"] = got
        if "progress" in table.columns:
            def progress(v: Any) -> Decimal:
                if isinstance(v, str):
                    return values.parse_progress(v)
                return _percent_cell(row.cell("progress"), v)[0]

            got = _parse(row, "progress", problems, progress)
            if got is not None and got is not _FAILED:
                item["progress"] = got
        rank = row.text("rank")
        if rank and not values.is_blank(rank):
            item["rank"] = rank
        if "light" in table.columns:
            got = _parse(row, "light", problems, values.parse_light)
            if got is not None and got is not _FAILED:
                item["light"] = got
            elif got is None and (cell := row.cell("light")) is not None and cell.fill:
                item["light"] = cell.fill
        note = row.text("note")
        if note and not values.is_blank(note):
            item["note"] = note
            if note in ("预计", "预计数", "预计值", "估计"):
                item["estimate"] = True  # the source report marks its estimates this way
        if "estimate" in table.columns:
            got = _parse(row, "estimate", problems, values.parse_flag)
            if got is True:
                item["estimate"] = True
            elif got is False and "estimate" not in item:
                item["estimate"] = False
        if "value_text" in item:
            spots["value_text"] = row.loc("value")
        if "yoy_text" in item:
            spots["yoy_text"] = row.loc("yoy")

        out.append(item)
        sources.add(path, row.loc("name") or Location(name, cell=_ref(table.sheet.name, r + 1, table.span[0] + 1)))
        for f, loc in spots.items():
            if loc is not None:
                sources.add(path + (f,), loc)
    _empty_group(group, out[group_start:], warnings)
    return out, sources


def _bare_name(row: "_Row", cell: Cell) -> bool:
    """Whether a lone cell is a plain name in the name column (not merged across, not numbered like 二、招商引资)."""
    name = row.cell("name")
    merged_across = bool(cell.merged and cell.merged[3] > cell.merged[1])
    return name is cell and not merged_across and not values.has_numbering(cell.text)


def _empty_group(group: tuple[str, Location] | None, under: list[dict], warnings: list[Problem]) -> None:
    """A group heading with no indicator ``under`` it: perhaps an indicator whose figures are missing."""
    if group is None:
        return
    title, where = group
    if not under:
        warnings.append(Problem(where, "", M.group_alone(title=title)))


# ---------------------------------------------------------------------------------------------------------------
# Tasks


def _due_cell(cell: Cell | None, raw: Any) -> Any:
    """A deadline cell as the user sees it: Excel turns a typed 2022/12 into the date 2022-12-01 shown as "2022/12"
    (-> the end of that month), and a typed 2022.10 into the number 2022.1 shown as "2022.10" (-> the text)."""
    fmt = cell.number_format if cell is not None else "General"
    if isinstance(raw, datetime | date) and _month_only(fmt):
        day = raw.date() if isinstance(raw, datetime) else raw
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return _display_number(values.parse_number(raw), fmt) or raw
    return raw


def _month_only(fmt: str) -> bool:
    """Whether a date format shows year and month but no day, e.g. yyyy/m or yyyy"年"m"月"."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt or "").lower()
    return "y" in bare and "m" in bare and "d" not in bare


_LEAD_MARK = re.compile(r"[(（]\s*牵头\s*[)）]$")


def _tasks(table: Table, year: int | None, problems: list[Problem]) -> tuple[list[dict], SourceMap]:
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


# ---------------------------------------------------------------------------------------------------------------
# Entry points


def _find(sheets: list[Sheet], kind: str, user: dict[str, str], sheet: str | None, name: str,
          problems: list[Problem]) -> Table | None:
    if sheet is not None:
        chosen = [s for s in sheets if s.name == sheet or (s.name is None and sheet in ("", None))]
        if not chosen:
            problems.append(Problem(Location(name), "sheet", M.no_sheet_named(sheet=sheet, names=[s.name or "" for s in sheets])))
            return None
        sheets = chosen
    for s in sheets:
        table = find_table(s, kind, user)
        if table is not None:
            _check_user_columns(table, user, problems)
            return table
    return None


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
        if kind == INDICATORS:
            items, sources = _indicators(table, result.problems, result.warnings)
            result.data[INDICATORS] = items
        else:
            sections, sources = _tasks(table, year, result.problems)
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
    return result.data, result.sources

