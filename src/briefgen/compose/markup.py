"""Briefing markup (the XML a template renders) -> Document IR.

The vocabulary is small and HTML-like:

    <document title="…" author="…" subject="…" date="2022-07-29" one-page="true" mark="…">
      <title>…</title>   <h1>…</h1> … <h4>…</h4>
      <p align="center|left|right|justify" indent="0|1" role="body" before="0.5" after="0" keep-with-next="1">… <b>…</b> <i>…</i> <u>…</u> <br/> <span role="h2">…</span></p>
      <table widths="8,46,16" align="center,left,left" decimals="-,1,-"> <caption>…</caption>
        <thead><tr><th>…</th></tr></thead> <tbody><tr group="true"><td colspan="5">…</td></tr> <tr><td align="right">…</td></tr></tbody>
      </table>
      <ul>/<ol> <li>…</li>   <page-break/>   <spacer lines="1"/>
      <chart kind="bar" title="同比增长（%）" omitted="未绘制" mark="50"> <bar label="…" value="9.5" light="green|yellow|red"/> <bar label="…"/> </chart>
    </document>

Whitespace that contains a line break is template layout and is dropped; other runs of spaces
collapse to one, so templates can be indented freely.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from .. import ir, limits
from .. import messages as M
from ..errors import TemplateError

_LAYOUT_WS = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"[ \t]+")
_ALIGNS = {"left", "center", "right", "justify"}
_TRUE = {"true", "1", "yes"}


class MarkupError(TemplateError):
    pass


def _clean(text: str | None) -> str:
    if not text:
        return ""
    return _SPACES.sub(" ", _LAYOUT_WS.sub("", text))


def _inlines(el: ET.Element, where: str, bold=False, italic=False, underline=False, role=None) -> list[ir.Inline]:
    out: list[ir.Inline] = []
    if el.text:
        out.append(ir.Run(_clean(el.text), bold, italic, underline, role))
    for child in el:
        tag = child.tag
        if tag in ("b", "strong"):
            out += _inlines(child, where, True, italic, underline, role)
        elif tag in ("i", "em"):
            out += _inlines(child, where, bold, True, underline, role)
        elif tag == "u":
            out += _inlines(child, where, bold, italic, True, role)
        elif tag == "span":
            out += _inlines(child, where, bold, italic, underline, child.get("role", role))
        elif tag == "br":
            out.append(ir.LineBreak())
        else:
            raise MarkupError(M.mk_not_inside(where=where, tag=tag, parent=el.tag))
        if child.tail:
            out.append(ir.Run(_clean(child.tail), bold, italic, underline, role))
    return _merge_runs(out)


def _merge_runs(items: list[ir.Inline]) -> list[ir.Inline]:
    merged: list[ir.Inline] = []
    for item in items:
        if isinstance(item, ir.Run):
            if not item.text:
                continue
            prev = merged[-1] if merged else None
            if isinstance(prev, ir.Run) and (prev.bold, prev.italic, prev.underline, prev.role) == (item.bold, item.italic, item.underline, item.role):
                merged[-1] = ir.Run(prev.text + item.text, item.bold, item.italic, item.underline, item.role)
                continue
        merged.append(item)
    # trim the edges of the block
    if merged and isinstance(merged[0], ir.Run):
        first = merged[0]
        merged[0] = ir.Run(first.text.lstrip(), first.bold, first.italic, first.underline, first.role)
    if merged and isinstance(merged[-1], ir.Run):
        last = merged[-1]
        merged[-1] = ir.Run(last.text.rstrip(), last.bold, last.italic, last.underline, last.role)
    return [m for m in merged if not (isinstance(m, ir.Run) and not m.text)]


def _align(value: str | None, where: str, default):
    if value is None or value == "" or value == "-":
        return default
    if value not in _ALIGNS:
        raise MarkupError(M.mk_align(where=where, value=repr(value), choices=", ".join(sorted(_ALIGNS))))
    return value


# What each numeric attribute may be: (smallest, largest, in words). A spacer or space before of more than a page,
# a zero or negative column, NaN or infinity would otherwise fail deep inside a writer.
_BOUNDS = {
    "lines": (0.0, 20.0, M.mk_words_lines20()),
    "before": (0.0, 10.0, M.mk_words_lines10()),
    "after": (0.0, 10.0, M.mk_words_lines10()),
    "widths": (1e-9, 1000.0, M.mk_words_width()),
    "colspan": (1.0, None, M.mk_words_colspan(n="…")),
}


def _float(value: str | None, default: float, where: str, attr: str) -> float:
    if value is None:
        return default
    import math


    low, high, words = _BOUNDS.get(attr, (None, None, M.mk_words_finite()))
    if attr == "colspan":
        high, words = float(limits.MAX_MARKUP_COLUMNS), M.mk_words_colspan(n=limits.MAX_MARKUP_COLUMNS)
    try:
        number = float(value)
    except ValueError:
        raise MarkupError(M.mk_attr_not_number(where=_attr_where(where, attr, value), attr=attr, value=repr(value), words=words)) from None
    if (not math.isfinite(number) or (low is not None and number < low) or (high is not None and number > high)
            or (attr == "colspan" and not number.is_integer())):
        raise MarkupError(M.mk_attr_range(where=_attr_where(where, attr, value), attr=attr, value=repr(value), words=words))
    return number


def _attr_where(source: str, attr: str, value: str) -> str:
    """``source:line`` of the template line that writes ``attr="value"`` (or the only one that writes ``attr=``
    from an expression), else ``source``: the element tree keeps no line numbers."""
    try:
        raw = Path(source).read_bytes()
    except OSError:
        return source
    lines = raw.decode("utf-8", "replace").splitlines()
    for pattern in (f'{attr}="{value}"', f"{attr}='{value}'", f'{attr}="'):
        hits = [n for n, line in enumerate(lines, 1) if pattern in line or (attr == "widths" and pattern[:-1] in line)]
        if pattern == f'{attr}="':
            hits = [n for n in hits if "{{" in lines[n - 1] or "{%" in lines[n - 1]]
        if len(hits) == 1 or (hits and pattern != f'{attr}="'):
            return f"{source}:{hits[0]}"
    return source


def _table(el: ET.Element, where: str) -> ir.Table:
    rows: list[ir.Row] = []
    caption: tuple = ()

    def add_rows(parent: ET.Element, header: bool) -> None:
        for tr in parent:
            if tr.tag != "tr":
                raise MarkupError(M.mk_expected(where=where, tag=tr.tag, expected="tr"))
            cells = []
            for td in tr:
                if td.tag not in ("td", "th"):
                    raise MarkupError(M.mk_expected_cell(where=where, tag=td.tag))
                colspan = int(_float(td.get("colspan"), 1, where, "colspan"))
                fill = (td.get("fill") or "").strip() or None
                if fill is not None and fill not in ir.CELL_FILLS:
                    raise MarkupError(M.mk_cell_fill(where=where, value=repr(fill), known="、".join(ir.CELL_FILLS)))
                cells.append(ir.Cell(tuple(_inlines(td, where)), colspan, _align(td.get("align"), where, None), td.tag == "th", fill))
            kind = "header" if header else ("group" if tr.get("group", "").lower() in _TRUE else "body")
            rows.append(ir.Row(tuple(cells), kind))

    for child in el:
        if child.tag == "caption":
            caption = tuple(_inlines(child, where))
        elif child.tag == "thead":
            add_rows(child, True)
        elif child.tag == "tbody":
            add_rows(child, False)
        elif child.tag == "tr":
            add_rows(_wrap(child), False)
        else:
            raise MarkupError(M.mk_not_inside(where=where, tag=child.tag, parent="table"))
    ncols = max((sum(c.colspan for c in r.cells) for r in rows), default=0)
    if ncols == 0:
        raise MarkupError(M.mk_table_empty(where=where))

    if ncols > limits.MAX_MARKUP_COLUMNS:
        raise MarkupError(M.mk_table_columns(where=where, n=ncols, limit=limits.MAX_MARKUP_COLUMNS))
    raw_widths = el.get("widths", "")
    widths = [w.strip() for w in raw_widths.split(",") if w.strip()] or ["1"] * ncols
    aligns = [a.strip() for a in el.get("align", "").split(",")] if el.get("align") else []
    decimals = [d.strip() for d in el.get("decimals", "").split(",")] if el.get("decimals") else []
    if len(widths) != ncols:
        raise MarkupError(M.mk_widths_count(where=where, n=len(widths), columns=ncols))
    weights = [_float(w, 1, where, "widths") for w in widths]
    narrowest = min(weights) / sum(weights)
    if narrowest < 1 / limits.MAX_MARKUP_COLUMNS:  # narrower than a cell's padding on A4
        raise MarkupError(M.mk_widths_narrow(where=_attr_where(where, "widths", raw_widths), value=repr(raw_widths),
                                                  share=f"{narrowest:.1%}", least=f"{1 / limits.MAX_MARKUP_COLUMNS:.0%}"))
    columns = []
    for i, weight in enumerate(weights):
        align = _align(aligns[i] if i < len(aligns) else None, where, "left")
        dec = decimals[i] if i < len(decimals) else "-"
        if dec not in ("", "-") and not (dec.isdigit() and int(dec) <= 10):
            raise MarkupError(M.mk_decimals(where=_attr_where(where, "decimals", el.get("decimals")), value=repr(el.get("decimals"))))
        columns.append(ir.Column(weight, align, None if dec in ("", "-") else int(dec)))
    for n, r in enumerate(rows, 1):
        span = sum(c.colspan for c in r.cells)
        if span != ncols:
            raise MarkupError((M.mk_row_span_one if span == 1 else M.mk_row_span)(where=where, n=n, span=span, columns=ncols))
    return ir.Table(tuple(columns), tuple(rows), caption, el.get("role", "table"))


def _wrap(tr: ET.Element) -> ET.Element:
    holder = ET.Element("tbody")
    holder.append(tr)
    return holder


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")


def _template_line(source: str, made: str) -> int | None:
    """The line of the template that wrote the output line ``made``: the one whose literal text
    (what lies outside {{ }} and {% %}) appears, in order, in it; the longest such match wins."""
    try:
        template = Path(source).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    best, best_len = None, 0
    for number, text in enumerate(template, 1):
        pieces = [p.strip() for p in _JINJA.split(text) if p.strip()]
        if not pieces:
            continue
        pos = 0
        for piece in pieces:
            pos = made.find(piece, pos)
            if pos < 0:
                break
            pos += len(piece)
        else:
            length = sum(len(p) for p in pieces)
            if length > best_len:
                best, best_len = number, length
    return best


_TAG = re.compile(r"<(/?)([A-Za-z][\w.-]*)[^<>]*?(/?)>")
_BARE_AMP = re.compile(r"&(?!(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);)")
_BARE_LT = re.compile(r"<(?![A-Za-z/!?])")


def _syntax_message(markup: str, source: str, exc: ET.ParseError):
    """Expat's complaint as the template author's fix, at the template's line: which tag is still open, a bare &
    or <, an element never closed."""
    from xml.parsers.expat import errors as expat

    line, col = exc.position
    lines = markup.splitlines()
    made = lines[line - 1] if 0 < line <= len(lines) else ""
    origin = _template_line(source, made)
    where = f"{source}:{origin}" if origin else source
    shown = repr(made.strip()[:60])
    offset = sum(len(x) + 1 for x in lines[: line - 1]) + col
    stack: list[tuple[str, int]] = []  # open tags with their markup line, up to the error
    for m in _TAG.finditer(markup, 0, offset):
        closing, tag, empty = m.group(1), m.group(2), m.group(3)
        at = markup.count("\n", 0, m.start()) + 1
        if closing and stack and stack[-1][0] == tag:
            stack.pop()
        elif not closing and not empty:
            stack.append((tag, at))

    def opened(at: int) -> int | str:
        return _template_line(source, lines[at - 1]) or "?"

    code = getattr(exc, "code", None)
    if code == expat.codes[expat.XML_ERROR_TAG_MISMATCH] and stack:
        m = _TAG.match(markup, markup.rfind("<", 0, offset + 1))  # expat points just inside the closing tag
        closing = m.group(2) if m else "?"
        return M.mk_unclosed(where=where, closing=closing, open=stack[-1][0], opened=opened(stack[-1][1]))
    if code in (expat.codes[expat.XML_ERROR_INVALID_TOKEN], expat.codes[expat.XML_ERROR_UNDEFINED_ENTITY]):
        if _BARE_AMP.search(made):
            return M.mk_bare_ampersand(where=where, line=shown)
        if _BARE_LT.search(made):
            return M.mk_bare_less_than(where=where, line=shown)
    if code in (expat.codes[expat.XML_ERROR_NO_ELEMENTS], expat.codes[expat.XML_ERROR_UNCLOSED_TOKEN]) and stack:
        return M.mk_not_closed(where=where, open=stack[-1][0], opened=opened(stack[-1][1]))
    return M.mk_bad_xml(where=where, line=shown)


def parse(markup: str, source: str = "<markup>") -> ir.Document:
    """Parse rendered markup into a Document. ``source`` names the template for messages."""
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as exc:
        raise MarkupError(_syntax_message(markup, source, exc)) from None
    if root.tag != "document":
        raise MarkupError(M.mk_root(where=source, tag=root.tag))
    where = source
    created = None
    if root.get("date"):
        try:
            created = date.fromisoformat(root.get("date"))
        except ValueError:
            raise MarkupError(M.mk_date(where=where, value=repr(root.get("date")))) from None
    meta = ir.Meta(
        title=root.get("title", ""),
        author=root.get("author", ""),
        subject=root.get("subject", ""),
        keywords=root.get("keywords", ""),
        created=created,
        mark=root.get("mark") or None,
    )
    blocks: list[ir.Block] = []
    for el in root:
        tag = el.tag
        if tag == "title":
            blocks.append(ir.Title(tuple(_inlines(el, where))))
        elif tag in ("h1", "h2", "h3", "h4"):
            blocks.append(ir.Heading(int(tag[1]), tuple(_inlines(el, where))))
        elif tag == "p":
            blocks.append(
                ir.Paragraph(
                    tuple(_inlines(el, where)),
                    _align(el.get("align"), where, "justify"),
                    el.get("indent", "1").lower() in _TRUE,
                    el.get("role", "body"),
                    _float(el.get("before"), 0, where, "before"),
                    _float(el.get("after"), 0, where, "after"),
                    el.get("keep-with-next", "0").lower() in _TRUE,
                )
            )
        elif tag == "table":
            blocks.append(_table(el, where))
        elif tag in ("ul", "ol"):
            items = []
            for li in el:
                if li.tag != "li":
                    raise MarkupError(M.mk_expected(where=where, tag=li.tag, expected="li"))
                items.append(tuple(_inlines(li, where)))
            blocks.append(ir.ListBlock(tuple(items), tag == "ol"))
        elif tag == "page-break":
            blocks.append(ir.PageBreak())
        elif tag == "spacer":
            blocks.append(ir.Spacer(_float(el.get("lines"), 1, where, "lines")))
        elif tag == "chart":
            blocks.append(_chart(el, where))
        elif tag == "contents":
            blocks.append(ir.Contents(()))  # the pack fills in the entries once the parts' pages are known
        else:
            raise MarkupError(M.mk_not_block(where=where, tag=tag))
    numbered = root.get("page-numbers", "true").lower() in _TRUE
    max_pages = None
    if root.get("max-pages"):
        try:
            max_pages = int(root.get("max-pages"))
            if max_pages < 1:
                raise ValueError
        except ValueError:
            raise MarkupError(M.mk_max_pages(where=where, value=repr(root.get("max-pages")))) from None
    return ir.Document(meta, tuple(blocks), root.get("one-page", "").lower() in _TRUE, source, page_numbers=numbered,
                       max_pages=max_pages)


_LIGHTS = {light for light in ir.BAR_COLOURS if light}


def _chart(el: ET.Element, where: str) -> ir.Chart:
    """<chart kind="bar"> with one <bar label= value= light=> per row; a bar with an empty value is not drawn
    but listed under the chart. The value is printed at the bar's end in its own precision (32, 9.5, −0.2)."""
    from decimal import Decimal, InvalidOperation

    kind = el.get("kind", "bar")
    if kind != "bar":
        raise MarkupError(M.mk_chart_kind(where=where, value=repr(kind)))
    bars = []
    for child in el:
        if child.tag != "bar":
            raise MarkupError(M.mk_expected(where=where, tag=child.tag, expected="bar"))
        label = _clean(child.get("label"))
        if not label:
            raise MarkupError(M.mk_bar_label(where=where))
        raw = (child.get("value") or "").strip().replace("−", "-")
        value, text = None, ""
        if raw not in ("", "-", "—"):
            try:
                number = Decimal(raw)
                if not number.is_finite() or abs(number) >= Decimal("1e15"):
                    raise InvalidOperation
                if number.as_tuple().exponent < -10:  # a chart prints no more than ten decimals
                    number = number.quantize(Decimal("1e-10"))
            except InvalidOperation:
                raise MarkupError(M.mk_bar_value(where=where, label=repr(label), value=repr(child.get("value")))) from None
            value, text = float(number), format(number, "f").replace("-", "−")
        light = (child.get("light") or "").strip() or None
        if light is not None and light not in _LIGHTS:
            raise MarkupError(M.mk_bar_light(where=where, label=repr(label), value=repr(light), known="、".join(sorted(_LIGHTS))))
        bars.append(ir.Bar(label, value, text, light))
    if len(bars) > ir.Chart.MAX_BARS:
        raise MarkupError(M.mk_chart_bars(where=where, n=len(bars), limit=ir.Chart.MAX_BARS))
    mark = None
    if (el.get("mark") or "").strip():
        try:
            mark = float(Decimal(el.get("mark").strip().replace("−", "-")))
            if mark != mark or abs(mark) >= 1e15:
                raise InvalidOperation
        except InvalidOperation:
            raise MarkupError(M.mk_chart_mark(where=where, value=repr(el.get("mark")))) from None
    return ir.Chart(tuple(bars), "bar", _clean(el.get("title")), _clean(el.get("omitted")) or "未绘制", mark)
