"""An IR Chart -> platypus flowables: the bars as vector graphics (reportlab.graphics), the words as text.

In: an ``ir.Chart`` and the layout that sets the document (fonts, scale). Out: a flowable that draws a
``reportlab.graphics`` Drawing (rectangles and lines, no image) with its labels, title and values as real
text in the theme's embedded fonts, and under it a line that lists the bars not drawn. The geometry is the
IR's (``Chart.height``): the chart's type is the theme's table size at the document's scale, so the one-page
fit shrinks it with everything else.
"""

from __future__ import annotations

from reportlab.platypus.flowables import Flowable

from ... import ir
from .flowables import TextBlock

CENTRE = 0.38  # a CJK line's middle above its baseline, in type sizes (ascent 0.88, descent 0.12)
AXIS_WIDTH = 0.6  # the zero axis, in points


def chart_flowables(layout, chart: ir.Chart) -> list:
    """The flowables of ``chart`` for ``layout`` (a ``_Layout``): the chart and the note of bars not drawn."""
    size = ir.Chart.type_size(max(layout._role_size("table"), layout.theme.body.min_table_size_pt))  # as tables are set
    out: list = []
    if chart.drawn:
        out.append(BarChart(chart, layout.fonts, size))
    if chart.note:
        note = TextBlock(layout.units((ir.Run(chart.note),), "table", size), size * layout.theme.body.table_leading, "left")
        out.append(note)
        if out[0] is not note:
            out[0].keepWithNext = True  # the list of bars not drawn stays under its chart
    return out


def _hex(colour: str):
    from reportlab.lib import colors

    return colors.HexColor("#" + colour)


class BarChart(Flowable):
    """A horizontal bar chart as wide as the frame, ``chart.height(size)`` high."""
    def __init__(self, chart: ir.Chart, fonts, size: float):
        super().__init__()
        self.chart, self.fonts, self.size = chart, fonts, size

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, self.chart.height(self.size)
        return self.width, self.height

    def draw(self):
        self.drawing(self.width).drawOn(self.canv, 0, 0)

    # ------------------------------------------------------------------------------------------ drawing
    def _width(self, text: str, role: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(t, f, size) for f, t in self.fonts.segments(role, text))

    def _string(self, group, x: float, y: float, text: str, role: str, size: float, anchor: str = "start") -> None:
        """``text`` with its baseline at ``y``, starting (or ending, or centred) at ``x``, one String per font."""
        from reportlab.graphics.shapes import String
        from reportlab.lib import colors

        width = self._width(text, role, size)
        x -= {"start": 0.0, "end": width, "middle": width / 2}[anchor]
        for font, piece in self.fonts.segments(role, text):
            group.add(String(x, y, piece, fontName=font, fontSize=size, fillColor=colors.black))
            x += self._width(piece, role, size)

    def drawing(self, width: float):
        """The chart as a ``reportlab.graphics`` Drawing of ``width`` points."""
        from reportlab.graphics.shapes import Drawing, Line, Rect
        from reportlab.lib import colors

        chart, f = self.chart, self.size
        bars = chart.drawn
        height = chart.height(f)
        d = Drawing(width, height)
        # the renderer starts from these (else Helvetica, a font the PDF would name but not embed)
        d.initialFontName, d.initialFontSize = self.fonts.name("table"), f
        at = chart.layout(width, f, lambda text: self._width(text, "table", f))
        if chart.title:
            self._string(d, width / 2, height - at.top / 2 - CENTRE * f, chart.title, "table_header", f, "middle")
        top = height - at.top
        gap = chart.VALUE_GAP * f
        for i, bar in enumerate(bars):
            middle = top - (i + 0.5) * at.pitch
            natural = self._width(bar.label, "table", f)
            # a label wider than its column is set smaller, never cut
            lf = f if natural <= at.label_width else f * at.label_width / natural
            self._string(d, at.label_width, middle - CENTRE * lf, bar.label, "table", lf, "end")
            end = at.end(bar.value)
            if chart.mark:  # the reference band (序时进度) behind the bar: what falls short of it shows grey
                mark = at.end(chart.mark)
                d.add(Rect(min(at.zero, mark), middle - at.thickness / 2, abs(mark - at.zero), at.thickness,
                           fillColor=_hex(ir.MARK_COLOUR), strokeColor=None, strokeWidth=0))
            if bar.value:
                d.add(Rect(min(at.zero, end), middle - at.thickness / 2, abs(end - at.zero), at.thickness,
                           fillColor=_hex(ir.BAR_COLOURS[bar.light]), strokeColor=None, strokeWidth=0))
            if bar.value < 0:
                self._string(d, end - gap, middle - CENTRE * f, bar.text, "table", f, "end")
            else:
                self._string(d, end + gap, middle - CENTRE * f, bar.text, "table", f, "start")
        d.add(Line(at.zero, top, at.zero, top - len(bars) * at.pitch, strokeColor=colors.black, strokeWidth=AXIS_WIDTH))
        return d
