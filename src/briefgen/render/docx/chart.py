"""An IR Chart -> a native, editable Word chart: a chart part with its embedded workbook, drawn inline.

In: an ``ir.Chart`` and the ``DocxBuilder`` filling the body. Out, in the body: a paragraph holding an inline
w:drawing whose a:graphicData (uri .../drawingml/2006/chart) points at a chart part, and under it a paragraph
that lists the bars not drawn. In the package (``with_charts``, after the body is saved): the chart part
/word/charts/chartN.xml (a c:chartSpace with a c:barChart barDir="bar", one series whose c:cat/c:val caches
hold the labels and values), its relationship to /word/embeddings/Microsoft_Excel_Worksheet*.xlsx (written
with openpyxl, so "Edit Data" in Word opens the figures), the document's relationship to the chart part and
the content types.

It looks as the PDF draws it: the geometry is the IR's (``Chart.height``, ``PITCH``, ``THICKNESS``) at the
theme's table size, the plot area is placed by a manual layout, the value axis is fixed to the PDF's span so
the zero axis and the bar lengths fall where the PDF puts them, the first bar is at the top (the category
axis runs max to min), labels sit at the left edge whatever the sign, each bar has its light's colour and
its value at its end.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from docx.shared import Emu, Pt
from lxml import etree

from ... import ir
from ..shared import em_width
from . import oxml
from .package import _order, normalized_zip, write_package, zip_date

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
OFFICE_DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOC_PR_BASE = 5000  # drawing ids of charts start here, clear of any a reference DOCX's header may hold

# a number printed at a bar's end: the figure in its own precision, with a true minus sign as the PDF prints it
LABEL_FORMAT = 'General;"\u2212"General'


def label_format(bars) -> str:
    """The number format of the values at the bars' ends: where every value is written with the same decimals
    (32.0 beside 9.5, as the table's column), that many; else each in its own precision."""
    places = {len(b.text.partition(".")[2]) for b in bars}
    if len(places) != 1 or not next(iter(places)):
        return LABEL_FORMAT
    fixed = "0." + "0" * next(iter(places))
    return f'{fixed};"\u2212"{fixed}'


@dataclass(frozen=True)
class ChartPart:
    rid: str  # the document's relationship to the chart part
    xml: bytes  # the c:chartSpace
    workbook: bytes  # the embedded .xlsx


def add_chart(builder, chart: ir.Chart) -> None:
    """Append ``chart`` to the body ``builder`` fills: the drawing (when a bar is drawn) and the note."""
    theme = builder.theme
    size = ir.Chart.type_size(max(theme.role_size("table"), theme.body.min_table_size_pt))  # as the PDF sets it
    parts = builder.__dict__.setdefault("chart_parts", [])
    if chart.drawn:
        number = len(parts) + 1
        rid = f"rIdBriefgenChart{number}"
        width = Emu(builder._text_width())
        height = Pt(chart.height(size))
        p = builder._new_paragraph("normal")
        pPr = p.get_or_add_pPr()
        oxml.set_paragraph_props(pPr, first_line=Pt(0), first_line_chars=0, snap_to_grid=False, align="left",
                                 keep_next=True if chart.note else None, keep_lines=True)
        spacing = oxml.get_or_add(pPr, "spacing", oxml.PPR_ORDER)  # single spacing: the line is the drawing's height
        spacing.set(oxml.qn("w:line"), "240")
        spacing.set(oxml.qn("w:lineRule"), "auto")
        builder._run_props(oxml.paragraph_mark_rPr(pPr), "table", "", style_key="normal", size=Pt(size))
        r, rPr = oxml.add_run(p)
        builder._run_props(rPr, "table", "", style_key="normal", size=Pt(size))  # every run names its fonts
        r.append(_inline(rid, DOC_PR_BASE + number, f"Chart {number}", _alt_text(chart), width, height))
        parts.append(ChartPart(rid, chart_xml(chart, theme, size, Emu(width).pt), workbook(chart, builder.ir.meta.created)))
    if chart.note:
        p = builder._new_paragraph("normal")
        oxml.set_paragraph_props(p.get_or_add_pPr(), first_line=Pt(0), first_line_chars=0, align="left",
                                 line_exact=Pt(size * theme.body.table_leading), snap_to_grid=False)
        builder._inlines(p, (ir.Run(chart.note),), role="table", style_key="normal", size=Pt(size))


def _alt_text(chart: ir.Chart) -> str:
    """What the chart shows, in words (docPr descr): for a screen reader, and for anyone who cannot see it."""
    shown = "；".join(f"{b.label} {b.text}" for b in chart.drawn)
    head = f"{chart.title}：" if chart.title else "条形图："
    return head + shown + (f"。{chart.note}" if chart.note else "")


def quoteattr(data: str) -> str:
    """``xml.sax.saxutils.quoteattr(data)``, the same string: that module imports urllib.request (and with it
    http.client and ssl, ~14 ms) into every process that renders a document."""
    for char, entity in (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;"), ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;")):
        data = data.replace(char, entity)
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"%s"' % data.replace('"', "&quot;")


def _inline(rid: str, doc_pr: int, name: str, descr: str, width: Emu, height: Emu):
    from docx.oxml import parse_xml

    xml = (
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{int(width)}" cy="{int(height)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{doc_pr}" name={quoteattr(name)} descr={quoteattr(descr)}/>'
        '<wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{CHART_URI}">'
        f'<c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{rid}"/>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing>'
    )
    return parse_xml(xml)


# ------------------------------------------------------------------------------------------- the chart part

def _el(parent, tag: str, val=None, **attrs):
    ns, local = tag.split(":")
    el = etree.SubElement(parent, f"{{{ {'c': C_NS, 'a': A_NS, 'r': R_NS}[ns] }}}{local}")
    if val is not None:
        el.set("val", str(val))
    for k, v in attrs.items():
        el.set(k, str(v))
    return el


def _no_line(spPr, fill: bool = False) -> None:
    if fill:
        _el(spPr, "a:noFill")
    ln = _el(spPr, "a:ln")
    _el(ln, "a:noFill")


def _run_props(parent, tag: str, size: float, role, bold: bool = False):
    rPr = _el(parent, tag, sz=int(round(size * 100)), b=int(bold), lang="zh-CN")
    fill = _el(rPr, "a:solidFill")
    _el(fill, "a:srgbClr", "000000")
    _el(rPr, "a:latin", typeface=role.latin)
    _el(rPr, "a:ea", typeface=role.docx)
    _el(rPr, "a:cs", typeface=role.latin)
    return rPr


def _text_props(parent, size: float, role) -> None:
    txPr = _el(parent, "c:txPr")
    _el(txPr, "a:bodyPr", rot=0, vert="horz")
    _el(txPr, "a:lstStyle")
    p = _el(txPr, "a:p")
    pPr = _el(p, "a:pPr")
    _run_props(pPr, "a:defRPr", size, role)
    _el(p, "a:endParaRPr", lang="zh-CN")


def _geometry(chart: ir.Chart, size: float, width: float) -> dict[str, float]:
    """The plot area (shares of the chart's box) and the value axis' span that put the zero axis, the bars and
    the values where the PDF draws them (``Chart.layout``, text measured in ems as the writers' shared rules do)."""
    height = chart.height(size)
    at = chart.layout(width, size, lambda text: em_width(text) * size)
    return {
        "x": at.plot_left / width, "y": at.top / height, "w": (width - at.plot_left) / width,
        "h": len(chart.drawn) * at.pitch / height,
        "min": (at.plot_left - at.zero) / at.per, "max": (width - at.zero) / at.per,
        # the title's box: its text's width, one line high, centred in the title band
        "title_x": max(0.0, (width - em_width(chart.title) * size) / 2 - 0.5 * size) / width,
        "title_y": max(0.0, (at.top - 1.6 * size) / 2) / height,
    }


def chart_xml(chart: ir.Chart, theme, size: float, width: float) -> bytes:
    """The chart part: a c:chartSpace of one horizontal bar series (after a series of the reference band when the
    chart has a mark, drawn under it), ``width`` points wide."""
    bars = chart.drawn
    label_role, title_role = theme.font("table"), theme.font("table_header")
    g = _geometry(chart, size, width)
    space = etree.Element(f"{{{C_NS}}}chartSpace", nsmap={"c": C_NS, "a": A_NS, "r": R_NS})
    _el(space, "c:date1904", 0)
    _el(space, "c:lang", "zh-CN")
    _el(space, "c:roundedCorners", 0)
    c = _el(space, "c:chart")
    if chart.title:
        title = _el(c, "c:title")
        rich = _el(_el(title, "c:tx"), "c:rich")
        _el(rich, "a:bodyPr")
        _el(rich, "a:lstStyle")
        p = _el(rich, "a:p")
        _run_props(_el(p, "a:pPr"), "a:defRPr", size, title_role)
        r = _el(p, "a:r")
        _run_props(r, "a:rPr", size, title_role)
        _el(r, "a:t").text = chart.title
        # placed by hand, centred in its band as the PDF draws it: the automatic place may cover the first bar
        place = _el(_el(title, "c:layout"), "c:manualLayout")
        _el(place, "c:xMode", "edge")
        _el(place, "c:yMode", "edge")
        _el(place, "c:x", f"{g['title_x']:.6f}")
        _el(place, "c:y", f"{g['title_y']:.6f}")
        _el(title, "c:overlay", 0)
    _el(c, "c:autoTitleDeleted", 0 if chart.title else 1)
    plot = _el(c, "c:plotArea")
    layout = _el(_el(plot, "c:layout"), "c:manualLayout")
    _el(layout, "c:layoutTarget", "inner")
    _el(layout, "c:xMode", "edge")
    _el(layout, "c:yMode", "edge")
    for key in ("x", "y", "w", "h"):
        _el(layout, f"c:{key}", f"{g[key]:.6f}")
    bar = _el(plot, "c:barChart")
    _el(bar, "c:barDir", "bar")
    _el(bar, "c:grouping", "clustered")
    _el(bar, "c:varyColors", 0)
    last = len(bars) + 1
    if chart.mark is not None:  # the reference band: a first series of the mark's value, behind the bars
        _series(bar, 0, "Sheet1!$C$1", MARK_NAME, f"Sheet1!$C$2:$C${last}", [chart.mark] * len(bars), bars, ir.MARK_COLOUR)
    ser = _el(bar, "c:ser")
    _el(ser, "c:idx", 1 if chart.mark is not None else 0)
    _el(ser, "c:order", 1 if chart.mark is not None else 0)
    name = chart.title or "数值"
    tx = _el(_el(ser, "c:tx"), "c:strRef")
    _el(tx, "c:f").text = "Sheet1!$B$1"
    cache = _el(tx, "c:strCache")
    _el(cache, "c:ptCount", 1)
    _el(_el(cache, "c:pt", idx=0), "c:v").text = name
    _fill(_el(ser, "c:spPr"), ir.BAR_COLOURS[None])
    _el(ser, "c:invertIfNegative", 0)
    for i, b in enumerate(bars):
        pt = _el(ser, "c:dPt")
        _el(pt, "c:idx", i)
        _el(pt, "c:invertIfNegative", 0)
        _el(pt, "c:bubble3D", 0)
        _fill(_el(pt, "c:spPr"), ir.BAR_COLOURS[b.light])
    labels = _el(ser, "c:dLbls")
    _el(labels, "c:numFmt", formatCode=label_format(bars), sourceLinked=0)
    _no_line(_el(labels, "c:spPr"), fill=True)
    _text_props(labels, size, label_role)
    _el(labels, "c:dLblPos", "outEnd")
    for flag, on in (("showLegendKey", 0), ("showVal", 1), ("showCatName", 0), ("showSerName", 0),
                     ("showPercent", 0), ("showBubbleSize", 0)):
        _el(labels, f"c:{flag}", on)
    _categories(ser, bars, last)
    _values(ser, f"Sheet1!$B$2:$B${last}", [b.value for b in bars])
    _el(bar, "c:gapWidth", round(100 * (1 - chart.THICKNESS) / chart.THICKNESS))
    if chart.mark is not None:
        _el(bar, "c:overlap", 100)  # the bar over its band
    _el(bar, "c:axId", 1001)
    _el(bar, "c:axId", 1002)
    cat_ax = _el(plot, "c:catAx")
    _el(cat_ax, "c:axId", 1001)
    _el(_el(cat_ax, "c:scaling"), "c:orientation", "maxMin")  # the first bar at the top, as in the table
    _el(cat_ax, "c:delete", 0)
    _el(cat_ax, "c:axPos", "l")
    _el(cat_ax, "c:numFmt", formatCode="General", sourceLinked=0)
    _el(cat_ax, "c:majorTickMark", "none")
    _el(cat_ax, "c:minorTickMark", "none")
    _el(cat_ax, "c:tickLblPos", "low")  # labels at the left edge, also beside a negative bar
    axis = _el(cat_ax, "c:spPr")
    ln = _el(axis, "a:ln", w=int(Pt(0.6)))  # the zero axis
    _fill(ln, "000000")
    _text_props(cat_ax, size, label_role)
    _el(cat_ax, "c:crossAx", 1002)
    _el(cat_ax, "c:crosses", "autoZero")  # the category axis is the zero line
    _el(cat_ax, "c:auto", 1)
    _el(cat_ax, "c:lblAlgn", "ctr")
    _el(cat_ax, "c:lblOffset", 100)
    _el(cat_ax, "c:tickLblSkip", 1)  # every label, also where a viewer thinks they crowd
    _el(cat_ax, "c:tickMarkSkip", 1)
    _el(cat_ax, "c:noMultiLvlLbl", 0)
    val_ax = _el(plot, "c:valAx")
    _el(val_ax, "c:axId", 1002)
    scaling = _el(val_ax, "c:scaling")
    _el(scaling, "c:orientation", "minMax")
    _el(scaling, "c:max", f"{g['max']:.6g}")
    _el(scaling, "c:min", f"{g['min']:.6g}")
    _el(val_ax, "c:delete", 1)  # the values are printed at the bars: no scale, no grid
    _el(val_ax, "c:axPos", "b")
    _el(val_ax, "c:numFmt", formatCode="General", sourceLinked=1)
    _el(val_ax, "c:majorTickMark", "none")
    _el(val_ax, "c:minorTickMark", "none")
    _el(val_ax, "c:tickLblPos", "nextTo")
    _el(val_ax, "c:crossAx", 1001)
    _el(val_ax, "c:crosses", "max")
    _el(val_ax, "c:crossBetween", "between")
    _no_line(_el(plot, "c:spPr"), fill=True)
    _el(c, "c:plotVisOnly", 1)
    _el(c, "c:dispBlanksAs", "gap")
    _no_line(_el(space, "c:spPr"), fill=True)
    _text_props(space, size, label_role)
    external = _el(space, "c:externalData")
    external.set(f"{{{R_NS}}}id", "rId1")
    _el(external, "c:autoUpdate", 0)
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


MARK_NAME = "序时进度"  # the reference band's series, as "Edit Data" shows its column


def _series(bar, idx: int, name_ref: str, name: str, values_ref: str, values, bars, colour: str) -> None:
    """A plain series (no labels) of ``values`` over the bars' labels, filled with ``colour``: the reference band."""
    ser = _el(bar, "c:ser")
    _el(ser, "c:idx", idx)
    _el(ser, "c:order", idx)
    tx = _el(_el(ser, "c:tx"), "c:strRef")
    _el(tx, "c:f").text = name_ref
    cache = _el(tx, "c:strCache")
    _el(cache, "c:ptCount", 1)
    _el(_el(cache, "c:pt", idx=0), "c:v").text = name
    _fill(_el(ser, "c:spPr"), colour)
    _el(ser, "c:invertIfNegative", 0)
    _categories(ser, bars, len(bars) + 1)
    _values(ser, values_ref, values)


def _categories(ser, bars, last: int) -> None:
    cat = _el(_el(ser, "c:cat"), "c:strRef")
    _el(cat, "c:f").text = f"Sheet1!$A$2:$A${last}"
    cache = _el(cat, "c:strCache")
    _el(cache, "c:ptCount", len(bars))
    for i, b in enumerate(bars):
        _el(_el(cache, "c:pt", idx=i), "c:v").text = b.label


def _values(ser, ref: str, values) -> None:
    val = _el(_el(ser, "c:val"), "c:numRef")
    _el(val, "c:f").text = ref
    cache = _el(val, "c:numCache")
    _el(cache, "c:formatCode").text = "General"
    _el(cache, "c:ptCount", len(values))
    for i, v in enumerate(values):
        _el(_el(cache, "c:pt", idx=i), "c:v").text = repr(v)


def _fill(parent, colour: str) -> None:
    fill = _el(parent, "a:solidFill")
    _el(fill, "a:srgbClr", colour)


_workbooks: dict[tuple, bytes] = {}  # what workbook made, by everything it reads (a warm process renders again)


def workbook(chart: ir.Chart, created) -> bytes:
    """The chart's figures as the .xlsx Word opens with "Edit Data": labels in A, values in B, row 1 the names."""
    key = (chart.title, tuple((b.label, b.value) for b in chart.drawn), chart.mark, zip_date(created))
    data = _workbooks.get(key)
    if data is None:
        if len(_workbooks) >= 64:
            _workbooks.pop(next(iter(_workbooks), None), None)  # another thread may have taken it
        data = _workbooks[key] = _workbook(chart, created)
    return data


def _workbook(chart: ir.Chart, created) -> bytes:
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter


    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    marked = chart.mark is not None
    ws.append(["指标", chart.title or "数值"] + ([MARK_NAME] if marked else []))
    for b in chart.drawn:
        ws.append([b.label, b.value] + ([chart.mark] if marked else []))
    ws.column_dimensions["A"].width = max(10, max(len(b.label) for b in chart.drawn) * 2 + 2)
    when = dt.datetime(*(zip_date(created)[:3]))
    wb.properties.creator = "briefgen"
    wb.properties.lastModifiedBy = "briefgen"
    wb.properties.created = when
    wb.properties.modified = when
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # not save_workbook: it stamps the time of saving
    return normalized_zip(buf.getvalue(), zip_date(created), {})


# ------------------------------------------------------------------------------------------------ the package

def with_charts(data: bytes, builder, date_time) -> bytes:
    """The package ``data`` with the chart parts ``builder`` made added (unchanged when it made none)."""
    parts: list[ChartPart] = getattr(builder, "chart_parts", None) or []
    if not parts:
        return data

    with zipfile.ZipFile(io.BytesIO(data)) as src:
        files = {name: src.read(name) for name in src.namelist()}
    main = _main_part(files["_rels/.rels"])
    folder, _, leaf = main.rpartition("/")
    rels_name = f"{folder}/_rels/{leaf}.rels" if folder else f"_rels/{leaf}.rels"
    rels = etree.fromstring(files[rels_name]) if rels_name in files else etree.Element(f"{{{PKG_NS}}}Relationships", nsmap={None: PKG_NS})
    types = etree.fromstring(files["[Content_Types].xml"])
    if not any(d.get("Extension", "").lower() == "xlsx" for d in types.findall(f"{{{CT_NS}}}Default")):
        etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="xlsx", ContentType=XLSX_TYPE)
    prefix = f"{folder}/" if folder else ""
    n, k = 0, 0
    for part in parts:
        n += 1
        while f"{prefix}charts/chart{n}.xml" in files:
            n += 1
        chart_name = f"{prefix}charts/chart{n}.xml"
        book = f"{prefix}embeddings/Microsoft_Excel_Worksheet{k or ''}.xlsx"
        while book in files:
            k += 1
            book = f"{prefix}embeddings/Microsoft_Excel_Worksheet{k}.xlsx"
        files[chart_name] = part.xml
        files[book] = part.workbook
        files[f"{prefix}charts/_rels/chart{n}.xml.rels"] = _relationships(
            [("rId1", PACKAGE_REL, f"../embeddings/{book.rpartition('/')[2]}")])
        etree.SubElement(rels, f"{{{PKG_NS}}}Relationship", Id=part.rid, Type=CHART_REL, Target=f"charts/chart{n}.xml")
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=f"/{chart_name}", ContentType=CHART_TYPE)
    files[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    entries = [(name, files[name], None) for name in sorted(files, key=_order)]
    return write_package(entries, date_time)


def _main_part(root_rels: bytes) -> str:
    for rel in etree.fromstring(root_rels):
        if rel.get("Type") == OFFICE_DOCUMENT_REL:
            return rel.get("Target").lstrip("/")
    return "word/document.xml"


def _relationships(items) -> bytes:
    root = etree.Element(f"{{{PKG_NS}}}Relationships", nsmap={None: PKG_NS})
    for rid, kind, target in items:
        etree.SubElement(root, f"{{{PKG_NS}}}Relationship", Id=rid, Type=kind, Target=target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
