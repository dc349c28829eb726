"""Workbooks of the follow-up, made with openpyxl and saved byte for byte the same for the same content: the
properties dated with the as-of date, every ZIP entry with one fixed time."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E0E0E0")
TITLE_FONT = Font(name="黑体", size=16, bold=True)
HEAD_FONT = Font(name="黑体", size=11, bold=True)
BODY_FONT = Font(name="仿宋", size=11)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def fill(rgb: str) -> PatternFill:
    return PatternFill("solid", fgColor=rgb)


def print_landscape(ws, title_row: int) -> None:
    """A sheet that prints as an office prints a wide table: A4 landscape, as wide as the page (as many pages down
    as it takes), the heading row repeated on each page."""
    ws.print_title_rows = f"{title_row}:{title_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def stable_bytes(wb, when: date) -> bytes:
    """The workbook as .xlsx bytes that depend on its content and ``when`` only."""
    from ..render.docx.package import zip_date

    stamp = datetime(when.year, when.month, when.day)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "briefgen"
    wb.properties.lastModifiedBy = "briefgen"
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving over ``modified``
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=zip_date(when))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def named_styles(wb) -> None:
    """Register the body cell styles once (``cell.style = "body"``): assigning a font, border and alignment to each
    cell one by one costs openpyxl a hash of each style per cell."""
    from openpyxl.styles import NamedStyle

    for name, align in (("body", WRAP), ("body-centre", CENTRE)):
        style = NamedStyle(name=name)
        style.font, style.border, style.alignment = BODY_FONT, BOX, align
        wb.add_named_style(style)


def fit_rows(ws, first: int, last: int, widths) -> None:
    """Row heights for wrapped text, from the text's length (Excel and LibreOffice keep a fixed height for rows they
    did not lay out themselves): a CJK character takes two width units, a column of width w holds about w - 1."""
    import math
    import unicodedata

    for r in range(first, last + 1):
        lines = 1
        for c, width in enumerate(widths, 1):
            value = ws.cell(r, c).value
            if value is None:
                continue
            units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))
            lines = max(lines, math.ceil(units / max(width - 1.5, 1)))
        ws.row_dimensions[r].height = 15 * lines + 4
