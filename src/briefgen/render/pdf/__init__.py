"""Document IR + Theme -> PDF (reportlab platypus), with fonts embedded and Chinese line breaking.

``render_pdf`` lays the document out; for a one-page document that overflows it shrinks the type
within the theme's floor and reports the scale it used, so the DOCX writer can follow suit.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from reportlab.platypus import CondPageBreak
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Spacer as RLSpacer

from ... import ir
from ... import messages as M
from ...errors import LayoutError
from ...fonts import shared_fontset
from ...fonts.measure import string_width
from ...text.linebreak import Piece, name_joins, prepare, units_from
from ...text.segment import word_interiors
from ...theme import MM, Theme
from ..fit import fit_document
from ..shared import (
    DISPLAY_ROLES,  # paragraphs in these roles break as titles do, in both writers
    SHORT_CELL,  # cells up to this many characters break between words, in both writers
    body_tracking,
    known_names,
    short_cell_inlines,
    title_inlines,
    with_short_names,
)
from .chart import chart_flowables
from .contents import contents_lines
from .flowables import TextBlock
from .outline import Bookmark

TITLE_LEADING = 1.35  # a title's line height (and any line of larger type than the body pitch holds), in ems
CJK_EM = 1.0  # a CJK character is one em wide: indents are counted in characters
DASH_RISE = 0.395  # the top of the 一字线 (U+2014) above the baseline, in ems (measured on Noto Serif SC, the stand-in for 宋体)


@dataclass
class PdfResult:
    data: bytes
    pages: int
    scale: float = 1.0
    missing: dict[str, set[str]] = field(default_factory=dict)  # char no font has -> the roles that draw it
    docx_scale: float = 1.0  # the scale a word processor needs to keep the same page count (see render_pdf)


def document_text(doc: ir.Document, theme: Theme) -> str:
    """Every character the document will draw, for font resolution and coverage."""
    doc = with_short_names(doc, theme)
    parts = [theme.page_number.format.replace("{n}", "0123456789"), doc.meta.mark or theme.mark.text or ""]

    def inl(items):
        parts.extend(i.text for i in items if isinstance(i, ir.Run))

    for b in doc.blocks:
        if isinstance(b, (ir.Title, ir.Heading, ir.Paragraph)):
            inl(b.inlines)
        elif isinstance(b, ir.Table):
            inl(b.caption)
            for r in b.rows:
                for c in r.cells:
                    inl(c.inlines)
        elif isinstance(b, ir.ListBlock):
            parts.append("1234567890.•")
            for item in b.items:
                inl(item)
        elif isinstance(b, ir.Chart):
            parts.append(b.text())
    return "".join(parts)


# What ``_Layout.units`` makes, kept for the process: a fit lays a document out at several scales, a batch's
# briefs share their tasks' words, and a warm process renders the same report again. Keyed by the fonts' look
# (``FontSet.look``: the same faces split the text alike), the inlines and how they break; the measured units
# also by the size and the tracking. Units and pieces are never changed once made, so lists are shared.
_prepared: dict[tuple, tuple] = {}  # key -> (looks, tokens, (char, role) recorded missing)
_measured: dict[tuple, list] = {}  # key + (size, tracking, body size) -> units
_KEPT = 4_000  # entries of each (about 8 KB an entry): a long-lived process starts again past this


class _Layout:
    """Turns IR blocks into flowables for one theme at one scale."""
    def __init__(self, theme: Theme, fonts, scale: float, names: tuple[str, ...] = ()):
        self.theme, self.fonts, self.scale = theme, fonts, scale
        self.names = names  # words a title must not be broken inside (the issuer …)
        self.known: tuple[str, ...] = ()  # the document's department names, full and short
        self._width_cache: dict[tuple, float] = {}
        self.tracking = body_tracking(theme.scaled(scale))  # points after each body character
        self._sw = string_width

    def measure(self, text: str, font: str, size: float) -> float:
        key = (text, font, size)
        w = self._width_cache.get(key)
        if w is None:
            w = self._sw(text, font, size)
            if self.tracking and abs(size - self.body_size()) < 0.01:
                # body text set tight so that 28 characters fill a line, as the DOCX sets it (w:spacing);
                # drawn with character spacing (see ``flowables._draw_line``)
                w += len(text) * self.tracking
            self._width_cache[key] = w
        return w

    def units(self, inlines, role: str, size: float, keep_words: tuple[str, ...] | None = None, names: tuple[str, ...] = ()):
        """Inlines -> line-breaking units; with ``keep_words`` (titles, short cells) breaks fall between words,
        and known ``names`` break only between their words, when nothing else fits."""
        if names:  # only the names the text holds matter (``name_joins``): a task's cell is kept for every brief
            plain = "".join(i.text for i in inlines if isinstance(i, ir.Run))
            names = tuple(n for n in names if n in plain)
        key = (self.fonts.look(), tuple(inlines), role, keep_words, names)
        prepared = _prepared.get(key)
        if prepared is None:
            if len(_prepared) >= _KEPT:
                _prepared.clear()
            prepared = _prepared[key] = self._prepare(key[1], role, keep_words, names)
        else:
            for ch, r in prepared[2]:  # what this document's fonts would have recorded making them
                self.fonts.missing.setdefault(ch, set()).add(r)
        at = key + (size, self.tracking, self.body_size())
        units = _measured.get(at)
        if units is None:
            looks, tokens = prepared[0], prepared[1]
            pieces = [Piece(text, font, size, bold, underline, stroke) for text, font, bold, underline, stroke in looks]
            units = units_from(tokens, pieces, self.measure)
            if len(_measured) >= _KEPT:
                _measured.clear()
            _measured[at] = units
        return units

    def _prepare(self, inlines, role: str, keep_words, names):
        """The pieces' looks (text, font, bold, underline, stroke), tokens of ``units`` and the characters the
        fonts recorded missing: fonts found, words segmented and joins set once, whatever the size."""
        looks, missing = [], []
        for item in inlines:
            if isinstance(item, ir.LineBreak):
                looks.append(("\n", self.fonts.name(role), False, False, False))
                continue
            r = item.role or role
            stroke = item.bold or self.fonts.fake_bold(r)
            for font, text in self.fonts.segments(r, item.text, missing):
                looks.append((text, font, item.bold, item.underline, stroke))
        text = "".join(look[0] for look in looks)
        interiors = word_interiors(text, keep_words) if keep_words is not None else set()
        hard, soft = name_joins(text, names) if names else (set(), set())
        return tuple(looks), prepare([look[0] for look in looks], set(interiors) | hard, soft), tuple(dict.fromkeys(missing))

    # ---- blocks ----
    def body_size(self) -> float:
        return self.theme.body.size_pt * self.scale

    def pitch(self) -> float:
        return self.theme.body.line_pitch_pt * self.scale

    def flowables(self, doc: ir.Document) -> list:
        out = []
        t = self.theme
        doc = with_short_names(doc, t)
        self.known = known_names(doc)
        self._level = 0  # outline levels may go down by any number but up by one at a time
        width = t.page.text_width_mm * MM
        for number, b in enumerate(doc.blocks):
            # one method per kind of ir.BLOCKS (ir.handler_name): block, its index -> flowables
            made = getattr(self, ir.handler_name(ir.kind_of(b)))(b, number)
            if isinstance(b, ir.Paragraph) and b.role == "table" and out and hasattr(out[-1], "tail"):
                # a note under a table goes to the next page with the table's last rows, never alone
                out[-1].tail = sum(f.wrap(width, 1e9)[1] for f in made)
            out.extend(made)
        return out

    def _title(self, b: ir.Title, number: int) -> list:
        t = self.theme
        size = t.title.size_pt * self.scale
        leading = max(self.pitch(), size * TITLE_LEADING)
        self._level = 0
        # the breaks both writers write in (``shared.title_inlines``): the same lines in the DOCX
        lines = title_inlines(b.inlines, size, t.page.text_width_mm * MM, self.names)
        return [Bookmark(f"t{number}", ir.plain_text(b.inlines).replace("\n", ""), 0),
                TextBlock(self.units(lines, "title", size, self.names), leading, "center",
                          space_after=t.title.space_after_lines * self.pitch())]

    def _heading(self, b: ir.Heading, number: int) -> list:
        role, size = self.theme.heading(b.level)
        size *= self.scale
        self._level = min(b.level, self._level + 1)
        # a heading never ends a page: it needs room for itself and a few lines of what follows
        return [CondPageBreak(self.pitch() * 4),
                Bookmark(f"h{number}", ir.plain_text(b.inlines).replace("\n", ""), self._level),
                TextBlock(self.units(b.inlines, role, size), self.pitch(), "justify",
                          first_indent=self.theme.body.indent_chars * size * CJK_EM)]

    def _paragraph(self, b: ir.Paragraph, number: int) -> list:
        t = self.theme
        size = self._role_size(b.role)
        # a line of larger type (a cover's 会议材料) takes the title's leading, as the DOCX sets it
        leading = max(self.pitch(), size * TITLE_LEADING) if b.role != "table" else size * t.body.table_leading
        if b.role in DISPLAY_ROLES:  # a title-like line (a cover's meeting name) breaks as a title does, between words
            lines = title_inlines(b.inlines, size, t.page.text_width_mm * MM, self.names)
            return [TextBlock(self.units(lines, b.role, size, self.names), leading, b.align,
                              space_before=b.space_before * self.pitch(), space_after=b.space_after * self.pitch())]
        block = TextBlock(self.units(b.inlines, b.role, size, names=self.known), leading, b.align,
                          first_indent=(t.body.indent_chars * size) if b.indent else 0.0,
                          space_before=b.space_before * self.pitch(), space_after=b.space_after * self.pitch())
        if b.keep_next:
            block.keepWithNext = True
        return [block]

    def _table(self, b: ir.Table, number: int) -> list:
        return list(self.table(b))

    def _list(self, b: ir.ListBlock, number: int) -> list:
        size = self.body_size()
        out = []
        for n, item in enumerate(b.items, 1):
            prefix = ir.Run(f"{n}." if b.ordered else "• ")
            out.append(TextBlock(self.units((prefix,) + tuple(item), "body", size), self.pitch(), "justify",
                                 first_indent=self.theme.body.indent_chars * size))
        return out

    def _page_break(self, b, number: int) -> list:
        return [RLPageBreak()]

    _section_break = _page_break  # a PDF has one page setup: a new section starts a page

    def _contents(self, b: ir.Contents, number: int) -> list:
        # outside a pack nothing fills the entries in: the PDF has nothing to list (Word's TOC field can be updated)
        return self.contents(b) if b.entries else []

    def _chart(self, b: ir.Chart, number: int) -> list:
        return list(chart_flowables(self, b))

    def _spacer(self, b: ir.Spacer, number: int) -> list:
        return [RLSpacer(1, b.lines * self.pitch())]

    def contents(self, b: ir.Contents):
        """A contents list: each entry on its line, dots on that line up to its page number at the right, the
        entry a link to its page (``contents.ContentsLine``)."""
        return contents_lines(self, b)

    def _continued(self, inlines, role: str, size: float):
        """The first words of a cell's continuation on the next page: its leading bold run (a task's title)
        with （续）, or None when it has none."""
        first = inlines[0] if inlines else None
        if not isinstance(first, ir.Run) or not first.bold:
            return None
        words = first.text.rstrip("。；：，.")
        if len(words) > CONTINUED_CHARS:  # a title that is itself long repeats as its beginning: each page moves on
            words = words[:CONTINUED_CHARS] + "…"
        words += "（续）"
        return self.units((ir.Run(words, True, first.italic, first.underline, first.role),), role, size)

    def _role_size(self, role: str) -> float:
        return self.theme.role_size(role) * self.scale

    def table(self, b: ir.Table) -> list:
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle


        t = self.theme
        size = max(t.body.table_size_pt * self.scale, t.body.min_table_size_pt)
        leading = size * t.body.table_leading
        total = (t.page.text_width_mm) * MM
        share = sum(c.width for c in b.columns)
        widths = [total * c.width / share for c in b.columns]
        pad = size * 0.25
        data, style = [], [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.name(b.role)),  # spanned placeholders too: no stray Helvetica
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.8),
        ]
        roles: dict[tuple[int, int], str] = {}

        def role_of(ri: int, k: int) -> str:
            return roles.get((ri, k), b.role)

        for ri, row in enumerate(b.rows):
            cells, col = [], 0
            for cell in row.cells:
                align = cell.align or ("center" if row.kind == "header" else b.columns[col].align)
                role = "table_header" if row.kind == "header" or cell.header else ("h2" if row.kind == "group" else b.role)
                # short cells (names, deadlines) break between words: 经济发展/办公室, not 经济发展办/公室;
                # long text in a left-aligned column is justified, as body text is
                short = len(ir.plain_text(cell.inlines)) <= SHORT_CELL
                if align == "left" and not short:
                    align = "justify"
                inlines = cell.inlines
                if short and row.kind == "body":  # the breaks the DOCX writes in too (``shared.short_cell_inlines``)
                    inlines = short_cell_inlines(inlines, sum(widths[col:col + cell.colspan]) - 2 * pad, size, self.known)
                roles[(ri, len(cells))] = role
                cells.append([TextBlock(self.units(inlines, role, size, self.names if short else None, self.known), leading, align)])
                if cell.fill and row.kind == "body":  # a status cell's colour (ir.CELL_FILLS), as the DOCX fills it
                    style.append(("BACKGROUND", (col, ri), (col + cell.colspan - 1, ri), colors.HexColor("#" + ir.CELL_FILLS[cell.fill])))
                if cell.colspan > 1:
                    style.append(("SPAN", (col, ri), (col + cell.colspan - 1, ri)))
                    cells.extend([""] * (cell.colspan - 1))
                col += cell.colspan
            data.append(cells)
            if row.kind == "group":
                style.append(("BACKGROUND", (0, ri), (-1, ri), colors.Color(0.93, 0.93, 0.93)))
                for f in cells:  # a section heading never ends a page (``SplittingTable._binds``)
                    for g in f if isinstance(f, list) else ():
                        g.binds = True
            if row.kind == "header":
                style.append(("BACKGROUND", (0, ri), (-1, ri), colors.Color(0.88, 0.88, 0.88)))
        out = []
        if b.caption:
            out.append(TextBlock(self.units(b.caption, "body", t.body.caption_size_pt * self.scale), self.pitch(), "center"))
        # A row runs on to the next page where that fills the page: its long cells (a task's text) split between
        # lines, at least ``ROW_PART_LINES`` on each side, its short cells (names, deadlines) stay whole above the
        # break, its 序号 and the task's title (its leading bold words) repeated with （续） below it
        # (``SplittingTable``). A table of short cells only (indicators) moves whole rows.
        for ri, row in enumerate(b.rows):
            if row.kind != "body":
                continue
            for k, flowables in enumerate(data[ri]):
                for f in flowables if isinstance(flowables, list) else ():
                    cells_ir = b.rows[ri].cells
                    f.may_split = k < len(cells_ir) and len(ir.plain_text(cells_ir[k].inlines)) > SHORT_CELL
                    f.repeat = k == 0
                    f.continued = self._continued(cells_ir[k].inlines, role_of(ri, k), size) if 0 < k < len(cells_ir) else None
        table = _splitting_table()(data, colWidths=widths, repeatRows=b.header_rows, splitByRow=0, hAlign="CENTER",
                                   splitInRow=int(leading * ROW_PART_LINES))
        table.setStyle(TableStyle(style))
        table.wrap(total, 1e9)
        table._bg_height = (total, table._height)  # ``content_height`` need not wrap it again at this width
        out.append(table)
        return out


CONTINUED_CHARS = 24
"""Most characters of a task title repeated above its continuation on the next page (titles run 6-20)."""
ROW_PART_LINES = 2
"""Fewest lines of a cell's text on either side of a page break inside a table row (no widow, no orphan)."""


def _splitting_table():
    from reportlab.platypus import Table

    class SplittingTable(Table):
        """A table that fills its pages: a row runs on to the next page where its cells allow it
        (``TextBlock.may_split``), at least ``ROW_PART_LINES`` of each cell's text on each side of the break and
        its short cells whole above it; a cell marked ``repeat`` (the 序号) shows again on the next page.
        ``tail`` is the height of what must follow the table on its last page (the note under it): the last
        rows go over with it rather than leave it alone on a page."""
        tail = 0.0

        def _row_break(self, n: int, room: float) -> float | None:
            """The height at which row ``n`` breaks with ``room`` points left for it on the page, or None."""
            row, styles = self._cellvalues[n], self._cellStyles[n]
            blocks = []
            for cell, style in zip(row, styles):
                for f in cell if isinstance(cell, (list, tuple)) else ():
                    if isinstance(f, TextBlock):
                        blocks.append((f, style))
            if not any(f.may_split for f, _ in blocks):
                return None
            leading = max(f.leading for f, _ in blocks)
            top = max(style.topPadding for _, style in blocks)
            lines = int((room - top + 1e-6) // leading)
            for keep in range(lines, ROW_PART_LINES - 1, -1):
                fits = True
                for f, style in blocks:
                    count = len(f._lines or [])
                    if count <= keep:
                        continue
                    if not f.may_split or keep < ROW_PART_LINES or count - keep < ROW_PART_LINES:
                        fits = False
                        break
                if fits:
                    return top + keep * leading + 0.01
            return None

        def _binds(self, n: int) -> bool:
            """Whether row ``n`` keeps with the next (a section heading row)."""
            row = self._cellvalues[n] if 0 <= n < len(self._cellvalues) else ()
            return any(getattr(f, "binds", False) for cell in row if isinstance(cell, (list, tuple)) for f in cell)

        def _splitRows(self, availHeight, doInRowSplit=0):
            if not doInRowSplit:
                n = self._getFirstPossibleSplitRowPosition(availHeight)
                while n - 1 > self._header_count() and self._binds(n - 1):
                    n -= 1  # the heading goes over with its first row
                if n < len(self._cellvalues):
                    availHeight = min(availHeight, sum(self._rowHeights[:n]) + 0.01)
                return super()._splitRows(availHeight, 0)
            n = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=1)
            if n >= len(self._cellvalues):
                return super()._splitRows(availHeight, 1)
            used = sum(self._rowHeights[:n])
            at = self._row_break(n, availHeight - used)
            if at is None:
                return []
            kept = self._cellStyles[n]
            # a row splits reliably only with its cells aligned to the top
            self._cellStyles[n] = [_top_aligned(style) for style in kept]
            parts = super()._splitRows(used + at, 1)
            if not parts:
                self._cellStyles[n] = kept
            return parts

        def _splitCell(self, value, style, oldHeight, newHeight, width):
            parts = super()._splitCell(value, style, oldHeight, newHeight, width)
            if parts and isinstance(value, (list, tuple)) and parts[0] and not parts[1]:
                again = tuple(f.copy() for f in value if getattr(f, "repeat", False))
                if again:
                    return (parts[0], again)
            return parts

        def wrap(self, availWidth, availHeight):
            width, height = super().wrap(availWidth, availHeight)
            if self.tail and height <= availHeight < height + self.tail and len(self._rowHeights) > self._header_count() + 1:
                return width, height + self.tail  # asks to be split: the note would start the next page alone
            return width, height

        def _header_count(self) -> int:
            rows = self.repeatRows
            return rows if isinstance(rows, int) else max(rows) + 1

        def split(self, availWidth, availHeight):
            height = self._height if hasattr(self, "_height") else super().wrap(availWidth, availHeight)[1]
            if self.tail and height <= availHeight < height + self.tail:
                parts = super().split(availWidth, availHeight - self.tail)
            else:
                parts = super().split(availWidth, availHeight)
            if len(parts) == 2:
                parts[1].tail = self.tail
            return parts

    return SplittingTable


def _top_aligned(style):
    """A copy of a reportlab CellStyle aligned to the top. (``CellStyle.copy`` hands its copies its own bound
    ``copy``, so a copy's copy is the original again: the attributes are copied here instead.)"""
    from reportlab.platypus.tables import CellStyle

    new = CellStyle(style.name)
    for name in dir(style):
        value = getattr(style, name)
        if not name.startswith("_") and not callable(value):
            setattr(new, name, value)
    new.valign = "TOP"
    return new


def _names(doc: ir.Document) -> tuple[str, ...]:
    """Names a title must keep whole: the issuer, which a word dictionary does not know."""
    return tuple(n for n in (doc.meta.author,) if n)


def _page_decorations(theme: Theme, fonts, doc: ir.Document):
    """Draw the page number ("— 1 —", odd right / even left by default) and the header mark."""
    pn = theme.page_number
    mark = doc.meta.mark or theme.mark.text
    page_w, page_h = theme.page.width_mm * MM, theme.page.height_mm * MM
    left = theme.page.margin_left_mm * MM
    right = page_w - theme.page.margin_right_mm * MM
    text_bottom = theme.page.margin_bottom_mm * MM
    text_top = page_h - theme.page.margin_top_mm * MM

    def draw(canv, _doc):
        canv.saveState()
        n = canv.getPageNumber() - 1 + doc.first_page
        if pn.position != "none" and doc.page_numbers:
            label = pn.format.replace("{n}", str(n))
            size = pn.size_pt
            # GB/T 9704: the dashes' top lies ``below_text_mm`` under the text block
            baseline = text_bottom - pn.below_text_mm * MM - DASH_RISE * size
            width = sum(canv.stringWidth(t, f, size) for f, t in fonts.segments("page_number", label))
            inset = pn.inset_chars * size
            if pn.position == "center":
                x = (left + right - width) / 2
            elif pn.position == "right" or n % 2 == 1:
                x = right - inset - width
            else:
                x = left + inset
            for font, text in fonts.segments("page_number", label):
                canv.setFont(font, size)
                canv.drawString(x, baseline, text)
                x += canv.stringWidth(text, font, size)
        if mark:
            size = theme.mark.size_pt
            natural = sum(canv.stringWidth(t, f, size) for f, t in fonts.segments("mark", mark))
            if natural > right - left:  # a long mark is set smaller to stay within the text block
                size = size * (right - left) / natural
            x = left
            baseline = text_top + size * 0.6
            for font, text in fonts.segments("mark", mark):
                canv.setFont(font, size)
                canv.drawString(x, baseline, text)
                x += canv.stringWidth(text, font, size)
        canv.restoreState()

    return draw


# A document is dated at the midnight of its date in China Standard Time (UTC+8), the DOCX as the PDF.
def _pdf_date(d: date | None):
    if d is None:
        return None
    stamp = f"D:{d.year:04d}{d.month:02d}{d.day:02d}000000+08'00'"
    return lambda *args: stamp


def _layout_once(doc: ir.Document, theme: Theme, fonts, scale: float) -> tuple[bytes, int]:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    t = theme
    buf = io.BytesIO()
    page = (t.page.width_mm * MM, t.page.height_mm * MM)
    frame = Frame(t.page.margin_left_mm * MM, t.page.margin_bottom_mm * MM, t.page.text_width_mm * MM,
                  t.page.text_height_mm * MM, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
    decorate = _page_decorations(theme, fonts, doc)
    template = BaseDocTemplate(
        buf, pagesize=page, pageTemplates=[PageTemplate("page", [frame], onPage=decorate)],
        title=doc.meta.title, author=doc.meta.author, subject=doc.meta.subject, keywords=doc.meta.keywords,
        creator="briefgen", producer=ir.PRODUCER, invariant=1, initialFontName=fonts.name("body"), lang="zh-CN",
        leftMargin=t.page.margin_left_mm * MM, rightMargin=t.page.margin_right_mm * MM,
        topMargin=t.page.margin_top_mm * MM, bottomMargin=t.page.margin_bottom_mm * MM,
    )
    stamp = _pdf_date(doc.meta.created)

    def begin(canv):
        if stamp:
            canv._doc.info._dateFormatter = stamp

    story = _Layout(theme, fonts, scale, _names(doc)).flowables(doc)
    template.build(story, canvasmaker=_canvas_maker(begin))
    return buf.getvalue(), template.page


def _canvas_maker(on_create):
    from reportlab.pdfgen.canvas import Canvas

    def make(*args, **kwargs):
        canv = Canvas(*args, **kwargs)
        on_create(canv)
        return canv

    return make


def pdf_fonts(doc: ir.Document, theme: Theme):
    """The FontSet that draws every character of ``doc``: a view of the process's set for the theme."""
    return shared_fontset(theme, document_text(doc, theme))


def layout_pdf(doc: ir.Document, theme: Theme, fonts, scale: float = 1.0) -> tuple[bytes, int]:
    """Lay ``doc`` out once at ``scale`` -> (PDF bytes, page count)."""
    from reportlab.platypus.doctemplate import LayoutError as RLLayoutError

    try:
        return _layout_once(doc, theme, fonts, scale)
    except RLLayoutError as exc:
        raise LayoutError(M.cannot_lay_out(template=doc.template, detail=exc)) from None


def content_height(doc: ir.Document, theme: Theme, fonts, scale: float) -> float:
    """The height, in points, of everything on one endless page of the text block's width."""
    width = theme.page.text_width_mm * MM
    return sum(_height(f, width) for f in _Layout(theme, fonts, scale, _names(doc)).flowables(doc))


def _height(flowable, width: float) -> float:
    """The flowable's height at ``width``; a table ``_Layout.table`` wrapped at that width already is not wrapped
    again (a table's row heights do not depend on the height offered, short of a page a kilometre long)."""
    done = getattr(flowable, "_bg_height", None)
    if done is not None and done[0] == width:
        return done[1]
    return flowable.wrap(width, 1e6)[1]


def render_pdf(doc: ir.Document, theme: Theme, fit=None, fonts=None) -> PdfResult:
    """``doc`` as PDF bytes. A one-page document is set at the scale of its ``fit`` (``briefgen.render.fit``), decided
    here when none is given; the result carries the DOCX scale of the same decision."""
    fonts = fonts or pdf_fonts(doc, theme)
    fit = fit or fit_document(doc, theme, fonts, layout_pdf, content_height)
    doc = fit.document or doc  # without the charts the page had no room for
    if fit.pdf is not None:
        data, pages = fit.pdf
    else:
        data, pages = layout_pdf(doc, theme, fonts, fit.scale)
    return PdfResult(data, pages, fit.scale, dict(fonts.missing), fit.docx_scale)
