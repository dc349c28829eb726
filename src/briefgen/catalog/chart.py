"""A figure series as a small chart: the template ``catalog-figure`` (in templates/ beside this module: bar charts of
the values and the growth, and the table with each figure's document) drawn by briefgen's own renderers, the same
bar chart the briefs carry.

    write_chart(Path("规上.png"), series, names, settings)   # .pdf / .docx: the page; .png: the page's drawing, cropped

A PNG is the PDF's pages rasterised (render.preview), each cropped to what is drawn on it and stacked."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from .. import messages as M
from ..atomic import write_atomic
from ..errors import BriefgenError

CHART_SUFFIXES = (".png", ".pdf", ".docx")
TEMPLATES = Path(__file__).with_name("templates")
"""The chart's own template, catalog-figure (not a brief a build makes, so not among the built-in templates; a
catalog-figure.xml.j2 in a `templates_dir` of briefgen.toml comes first)."""
PNG_DPI = 150
MARGIN = 24  # pixels of white kept around the drawing


def _number(text) -> Decimal | None:
    try:
        return None if text is None else Decimal(str(text))
    except InvalidOperation:
        return None


def chart_data(series, names: list[str], alone: bool = False) -> dict:
    """What the template sees: the series (oldest first) with a label per bar (the period, and the issuer where
    two issuers report the same period)."""
    periods = [f.period for f in series]
    rows = []
    for f in series:
        label = f.period if periods.count(f.period) == 1 else f"{f.issuer}{f.period}"
        yoy = _number(f.yoy)
        rows.append({"label": label, "value": f.value, "unit": f.unit or "", "yoy": f.yoy, "yoy_number": yoy,
                     "document": f.document, "page": f.page})
    from ..ir import Chart

    units = list(dict.fromkeys(f.unit for f in series if f.unit))
    drawn = rows[-Chart.MAX_BARS:]  # a chart is never split: the latest periods it holds, the table every one
    return {"name": names[0] if names else series[0].name, "merged": names, "unit": units[0] if len(units) == 1 else "",
            "issuers": list(dict.fromkeys(f.issuer for f in series)), "rows": rows,
            "drawn": drawn, "left_out": len(rows) - len(drawn),
            "has_growth": any(r["yoy_number"] is not None for r in drawn), "date": max(f.date for f in series),
            "first": series[0].period, "last": series[-1].period, "alone": alone}


def render_chart(series, names: list[str], fmt: str, settings) -> bytes:
    """The chart document's bytes in ``fmt`` (pdf, docx or png)."""
    from ..jobs.common import DocJob, render_doc

    job = DocJob("figure", None, "catalog-figure", (*settings.template_dirs, TEMPLATES), settings.theme,
                 ("docx",) if fmt == "docx" else ("pdf",), settings.reference_docx, None, False,
                 (("figure", chart_data(series, names, alone=fmt == "png")),))
    made = render_doc(job)
    if fmt != "png":
        return made.files[fmt]
    return _cropped_png(made.files["pdf"])


def _cropped_png(pdf: bytes) -> bytes:
    """Each page's drawing (its page number left out), cropped and stacked: one picture however long the series."""
    import io

    from PIL import Image

    from ..render.preview import page_pngs

    parts = []
    for png in page_pngs(pdf, PNG_DPI, None, "chart"):
        with Image.open(io.BytesIO(png)) as opened:
            part = _drawing(opened.convert("RGB"))
        if part is not None:
            parts.append(part)
    width = max(p.width for p in parts)
    sheet = Image.new("RGB", (width, sum(p.height for p in parts)), "white")
    y = 0
    for part in parts:
        sheet.paste(part, (0, y))
        y += part.height
    buf = io.BytesIO()
    sheet.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def _drawing(image):
    """What is drawn on a page, down to the first wide white band (below it: the page number), with a margin."""
    from PIL import ImageOps

    ink = ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 16 else 0)
    box = ink.getbbox()
    if box is None:
        return None
    left, top, right, bottom = box
    gap, end = 0, top
    for y in range(top, bottom + 1):
        if ink.crop((0, y, image.width, y + 1)).getbbox() is not None:
            if gap > image.height // 8:
                break
            gap, end = 0, y
        else:
            gap += 1
    left, _, right, _ = ink.crop((0, top, image.width, end + 1)).getbbox()
    return image.crop((max(0, left - MARGIN), max(0, top - MARGIN), min(image.width, right + MARGIN),
                       min(image.height, end + 1 + MARGIN)))


def check_chart_path(path: Path) -> str:
    """The chart's format by the file's suffix (png, pdf, docx), or an error saying which to use."""
    suffix = Path(path).suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise BriefgenError(M.cat_chart_suffix(path=path))
    return suffix.lstrip(".")


def write_chart(path: Path, series, names: list[str], settings) -> None:
    write_atomic(Path(path), render_chart(series, names, check_chart_path(path), settings))
