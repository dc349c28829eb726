"""Platypus flowables that set Chinese text with briefgen's own line breaking (see ``linebreak``)."""

from __future__ import annotations


from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.textobject import fp_str
from reportlab.platypus.flowables import Flowable

from ...fonts.measure import string_width
from ...text.linebreak import TITLE_MEASURE, Line, Unit, balanced, break_lines

ASCENT = 0.88  # of the em box above the baseline, for CJK faces; the rest is below
BOLD_STROKE = 0.03  # stroke width of fake bold, as a share of the size
_ORIGIN = f"BT 1 0 0 1 {fp_str(0, 0)} Tm"  # a fresh text object: its origin at (0, 0)
KEEP_LINES = 2  # fewest lines of a paragraph on either side of a page break
MAX_SPREAD = 0.15  # most space justification adds between two characters, in ems of the line's type


class TextBlock(Flowable):
    """A paragraph on a fixed line pitch: lines broken by Chinese rules, justified or aligned.

    It splits between lines across frames and pages; the first-line indent applies only to the
    paragraph's true first line.
    """

    def __init__(self, units: list[Unit | None], leading: float, align: str = "justify", first_indent: float = 0.0,
                 space_before: float = 0.0, space_after: float = 0.0, balance: bool = False, lines: list[Line] | None = None):
        super().__init__()
        self.units = units
        self.leading = leading
        self.align = align
        self.first_indent = first_indent
        self.space_before = space_before
        self.space_after = space_after
        self.balance = balance
        self._lines = lines
        self._for_width = None if lines is None else -1.0
        self.may_split = False  # in a table, a row splits only where every cell may (see pdf.SplittingTable)
        self.repeat = False  # in a table row split across pages, shown again on the next page (the 序号)
        self.continued: list[Unit | None] | None = None  # words that begin the rest on the next page (title（续）)

    def copy(self) -> "TextBlock":
        return TextBlock([], self.leading, self.align, self.first_indent, self.space_before, self.space_after,
                         lines=list(self._lines or []))

    def _layout(self, width: float) -> list[Line]:
        if self._lines is None or (self._for_width is not None and self._for_width >= 0 and abs(self._for_width - width) > 0.01):
            self._lines = _broken(self.units, width, self.first_indent, self.balance)
            self._for_width = width
        return self._lines

    def wrap(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.leading + self.space_before + self.space_after
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        # Keep the lines of the last wrap: reportlab's table row splitting passes the column width
        # here, not the narrower content width it wrapped the cell with.
        lines = self._lines if self._lines is not None else self._layout(availWidth)
        fit = int((availHeight - self.space_before + 1e-6) // self.leading)
        if fit >= len(lines):
            return []
        # no first line alone at a page's foot (orphan), no last line alone at the next page's head (widow)
        fit = min(fit, len(lines) - KEEP_LINES)
        if fit < KEEP_LINES:
            return []
        head = TextBlock([], self.leading, self.align, self.first_indent, self.space_before, 0.0, lines=lines[:fit])
        rest = lines[fit:]
        if self.continued:
            width = self._for_width if self._for_width and self._for_width > 0 else availWidth
            again = break_lines(self.continued, width)
            for line in again:
                line.last = True  # not justified
            rest = again + rest
        tail = TextBlock([], self.leading, self.align, self.first_indent, 0.0, self.space_after, lines=rest)
        tail.continued, tail.may_split = self.continued, self.may_split
        return [head, tail]

    def draw(self):
        canv = self.canv
        top = self.height - self.space_before
        for index, line in enumerate(self._lines or []):
            if not line.units:
                continue
            size = max(u.piece.size for u in line.units)
            baseline = top - index * self.leading - (self.leading - size) / 2 - ASCENT * size
            avail = self.width - line.indent
            slack = avail - line.width
            gap = 0.0
            x = line.indent
            if self.align == "justify" and not line.last and len(line.units) > 1 and slack > 0:
                # spread up to MAX_SPREAD of an em between characters: a line with more room (a long word or
                # name pushed to the next line, in a narrow cell most of all) keeps the rest at its end
                gap = min(slack / (len(line.units) - 1), MAX_SPREAD * size)
            elif self.align == "center":
                x += slack / 2
            elif self.align == "right":
                x += slack
            _draw_line(canv, line.units, x, baseline, gap)


_BROKEN: dict[tuple, tuple[list, list[Line]]] = {}  # (id of units, width, indent, balance) -> (the units, lines)


def _broken(units: list, width: float, first_indent: float, balance: bool) -> list[Line]:
    """``units`` broken into lines at ``width``: kept per units list (the process keeps the units of a text in a
    look at a size, ``pdf._measured``, so a text met again, in this document or the next, is not broken again);
    the lines are copies, the units shared (units are never changed)."""
    key = (id(units), width, first_indent, balance)
    kept = _BROKEN.get(key)
    if kept is not None and kept[0] is units:
        lines = kept[1]
    else:
        lines = balanced(units, width * TITLE_MEASURE) if balance else break_lines(units, width, first_indent)
        if len(_BROKEN) >= 2048:  # it holds its units lists: at most ~16 MB beyond those the process keeps
            _BROKEN.clear()
        _BROKEN[key] = (units, lines)
    return [Line(line.units, line.width, line.last, line.indent, line.forced) for line in lines]


def _draw_line(canv, units: list[Unit], x: float, baseline: float, gap: float) -> None:
    """Draw units left to right; runs of single characters in one look go out as one string with
    character spacing ``gap``; words are drawn whole, so justification never stretches inside them."""
    i, n = 0, len(units)
    while i < n:
        u = units[i]
        if u.parts:
            px = x
            for part in u.parts:
                _text(canv, part.piece, part.text, px, baseline, _extra(part))
                px += part.width
            x += u.width + gap
            i += 1
            continue
        j = i + 1
        # a unit measured wider or narrower than its glyphs (body text on the layout grid) is drawn with
        # that difference as character spacing
        extra = _extra(u)
        if len(u.text) == 1 and not u.latin:
            while (j < n and units[j].piece is u.piece and len(units[j].text) == 1 and not units[j].latin
                   and not units[j].parts and abs(_extra(units[j]) - extra) < 0.01):
                j += 1
        text = "".join(v.text for v in units[i:j])
        width = sum(v.width for v in units[i:j]) + gap * (j - i)
        _text(canv, u.piece, text, x, baseline, (gap if j - i > 1 else 0.0) + extra)
        if u.piece.underline:
            canv.saveState()
            canv.setLineWidth(max(0.5, u.piece.size * 0.05))
            canv.line(x, baseline - u.piece.size * 0.12, x + width - gap, baseline - u.piece.size * 0.12)
            canv.restoreState()
        x += width
        i = j


def _extra(u: Unit) -> float:
    """The spacing after each character of ``u`` beyond its glyphs' widths (body text set tight); kept on the unit
    (units are never changed, and are shared by the layouts that measure the same text alike)."""
    extra = u.__dict__.get("_extra")
    if extra is None:
        extra = u._extra = (u.width - string_width(u.text, u.piece.font, u.piece.size)) / max(len(u.text), 1)
    return extra


def _text(canv, piece, text: str, x: float, y: float, char_space: float) -> None:
    """One text object: what ``canv.beginText()``, ``setTextOrigin``, ``setFont``, ``setCharSpace``, ``textOut`` and
    ``drawText`` write for a TrueType font, the same bytes, written here (a brief draws thousands of them)."""
    font = getFont(piece.font)  # looked up each time: a grown font cache registers a new face under the same name
    if not font._dynamicFont or getattr(font, "shapable", False) or not canv.bottomup:
        return _text_object(canv, piece, text, x, y, char_space)
    stroke = piece.fake_bold
    if stroke:
        canv.saveState()
        canv.setLineWidth(piece.size * BOLD_STROKE)
        canv.setLineJoin(1)
    doc = canv._doc
    ops = []
    current = -1
    escape = canv._escape
    for subset, part in font.splitString(text, doc):
        if subset != current:
            tf = _TF.get(piece.size)
            if tf is None:
                tf = _TF[piece.size] = f"{fp_str(piece.size)} Tf {fp_str(piece.size * 1.2)} TL"
            ops.append(f"{font.getSubsetInternalName(subset, doc)} {tf}")
            current = subset
        ops.append(f"({escape(part)}) Tj")
    # " 2 Tr": fill, then stroke
    canv._code.append(f"{_ORIGIN} 1 0 0 1 {fp_str(x, y)} Tm {fp_str(char_space)} Tc{' 2 Tr' if stroke else ''} "
                      f"{' '.join(ops)} ET")
    if stroke:
        canv.restoreState()


_TF: dict[float, str] = {}  # size -> "size Tf leading TL", the font operator's tail


def _text_object(canv, piece, text: str, x: float, y: float, char_space: float) -> None:
    """``_text`` through reportlab's text object (a font that is not a TrueType subset font)."""
    t = canv.beginText()
    t.setTextOrigin(x, y)
    t.setFont(piece.font, piece.size)
    # Always set it: the PDF keeps character spacing from one text object to the next, so a word drawn
    # after a justified run would otherwise inherit its spacing.
    t.setCharSpace(char_space)
    stroke = piece.fake_bold
    if stroke:
        canv.saveState()
        canv.setLineWidth(piece.size * BOLD_STROKE)
        canv.setLineJoin(1)
        t.setTextRenderMode(2)
    t.textOut(text)
    canv.drawText(t)
    if stroke:
        canv.restoreState()
