"""The contents page's lines: an entry's words, a leader of dots on its (last) line up to the page number set
flush right, and the whole entry a link to its page.

A part of a pack is laid out on its own, so the contents page cannot point into the parts' pages while it is
drawn: each entry carries a link whose target is ``LINK_PREFIX`` + its printed page number, and the pack's merge
(``jobs.pack.merge``) turns those into links to the merged file's pages (``resolve_links``).
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from ...text.linebreak import Line, Unit, break_lines
from .flowables import ASCENT, _draw_line

LINK_PREFIX = "briefgen-page:"  # an entry's link before the merge: "briefgen-page:3" is printed page 3
DOT = "."  # drawn spaced out as the leader, as a word processor draws a dot leader
GAP = 0.35  # of the size: room kept between the words, the dots and the number


class ContentsLine(Flowable):
    """One entry: its words broken to the width left of the number, dots from the end of its last line up
    to the number, the number right-aligned on that line."""

    def __init__(self, words: list[Unit | None], number: list[Unit | None], page: int, leading: float,
                 indent: float, size: float, font: str, space_before: float = 0.0):
        super().__init__()
        self.words, self.number, self.page = words, number, page
        self.leading, self.indent, self.size, self.font = leading, indent, size, font
        self.space_before = space_before
        self._lines: list[Line] = []

    def _number_width(self) -> float:
        return sum(u.width for u in self.number if u is not None)

    def wrap(self, availWidth, availHeight):
        room = availWidth - self.indent - self._number_width() - 3 * self.size  # at least a few dots
        self._lines = break_lines(self.words, max(room, self.size))
        self.width = availWidth
        self.height = self.space_before + max(len(self._lines), 1) * self.leading
        return self.width, self.height

    def draw(self):
        canv = self.canv
        top = self.height - self.space_before
        baseline = top
        for index, line in enumerate(self._lines):
            baseline = top - index * self.leading - (self.leading - self.size) / 2 - ASCENT * self.size
            _draw_line(canv, line.units, self.indent + line.indent, baseline, 0.0)
        last = self._lines[-1] if self._lines else None
        start = self.indent + (last.width + last.indent if last else 0.0) + GAP * self.size
        number_width = self._number_width()
        end = self.width - number_width - GAP * self.size
        _draw_leader(canv, start, end, baseline, self.font, self.size)
        _draw_line(canv, [u for u in self.number if u is not None], self.width - number_width, baseline, 0.0)
        # the whole entry, words to number, is the link (a reader taps the title as often as the number)
        canv.linkURL(f"{LINK_PREFIX}{self.page}", (0, 0, self.width, self.height - self.space_before),
                     relative=1, thickness=0)


def _draw_leader(canv, start: float, end: float, baseline: float, font: str, size: float) -> None:
    """Dots evenly spaced between ``start`` and ``end`` on the line's baseline, lined up on a fixed pitch from
    the right so the leaders of consecutive entries stand in columns."""
    pitch = size * 0.5
    dot = stringWidth(DOT, font, size)
    x = end - pitch
    xs = []
    while x >= start:
        xs.append(x)
        x -= pitch
    t = canv.beginText()
    t.setFont(font, size)
    for x in reversed(xs):
        t.setTextOrigin(x + (pitch - dot) / 2, baseline)
        t.textOut(DOT)
    canv.drawText(t)


def resolve_links(pdf, first_part_index: int, contents_pages: range) -> None:
    """In the merged ``pdf`` (pikepdf), every contents entry's link (``LINK_PREFIX`` + printed page) becomes a
    link to that page: printed page 1 is the page at ``first_part_index``. Links are printed-flag annotations
    without a border, as PDF/A wants them."""
    import pikepdf

    for index in contents_pages:
        page = pdf.pages[index]
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if not uri.startswith(LINK_PREFIX):
                continue
            number = int(uri[len(LINK_PREFIX):])
            target = first_part_index + number - 1
            if not 0 <= target < len(pdf.pages):
                continue
            del annot["/A"]
            annot.Dest = pikepdf.Array([pdf.pages[target].obj, pikepdf.Name.Fit])
            annot.F = 4
            annot.Border = pikepdf.Array([0, 0, 0])


def contents_lines(layout, b) -> list:
    """The flowables of a contents block (``ir.Contents``) laid out by ``layout`` (a ``pdf._Layout``): parts at
    the first level in the h1 face, their headings indented two characters in the body face."""
    from ... import ir

    size = layout.body_size()
    pitch = layout.pitch()
    out = []
    for e in b.entries:
        role = "h1" if e.level <= 1 else "body"
        indent = 0.0 if e.level <= 1 else 2 * size
        words = layout.units((ir.Run(e.text),), role, size)
        number = layout.units((ir.Run(str(e.page)),), "body", size)
        out.append(ContentsLine(words, number, e.page, pitch, indent, size, layout.fonts.name("body")))
    return out
