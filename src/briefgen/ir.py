"""The document IR: what a briefing says, with no knowledge of DOCX or PDF.

Briefing markup parses into a Document; both writers take the same Document, so both formats carry
the same content. Everything here is frozen: a Document can be compared and snapshotted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, Union

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    role: str | None = None  # a font role of the theme (e.g. "h1") that overrides the block's


@dataclass(frozen=True)
class LineBreak:
    """A forced line break inside a paragraph or cell."""


Inline = Union[Run, LineBreak]


@dataclass(frozen=True)
class Title:
    """The document title (2号小标宋 in the official theme); wraps balanced."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    """Heading levels 1-4: 一、 （一） 1. （1）. ``numbering`` is written by the template, not invented here."""

    level: int
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    align: Align = "justify"
    indent: bool = True  # first-line indent of two characters, as body text has
    role: str = "body"  # font role of the theme
    space_before: float = 0.0  # in lines of the body pitch
    space_after: float = 0.0
    keep_next: bool = False  # on the same page as the block after it (a last paragraph with the 附件 line under it)


@dataclass(frozen=True)
class Cell:
    inlines: tuple[Inline, ...]
    colspan: int = 1
    align: Align | None = None  # None: the column's alignment
    header: bool = False
    fill: str | None = None  # a status colour of CELL_FILLS (a 台账's 红/黄/绿 cell), None: no fill


# The light fill of a status cell (RGB hex), in both writers: light enough that black text stays legible in print.
CELL_FILLS: dict[str, str] = {"green": "C6EFCE", "yellow": "FFEB9C", "orange": "F8CBAD", "red": "FFC7CE", "blue": "BDD7EE",
                              "grey": "D9D9D9"}


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: Literal["header", "group", "body"] = "body"


@dataclass(frozen=True)
class Column:
    width: float  # a relative share of the table width
    align: Align = "left"
    decimals: int | None = None  # numbers in this column share this many decimals


@dataclass(frozen=True)
class Table:
    """A real table: header rows repeat on every page, body rows never split across pages."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    caption: tuple[Inline, ...] = ()
    role: str = "table"

    @property
    def header_rows(self) -> int:
        n = 0
        for row in self.rows:
            if row.kind != "header":
                break
            n += 1
        return n


@dataclass(frozen=True)
class ListBlock:
    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Spacer:
    lines: float = 1.0


@dataclass(frozen=True)
class SectionBreak:
    """The end of a section of a bundle (cover, contents, each part). ``page_numbers`` says whether the section
    that ends here shows page numbers; ``restart_at`` starts its numbering at that number."""

    page_numbers: bool = True
    restart_at: int | None = None


@dataclass(frozen=True)
class ContentsEntry:
    text: str
    page: int
    level: int = 1  # 1: a part, 2: a heading inside it


@dataclass(frozen=True)
class Contents:
    """A table of contents with its page numbers (a TOC field, pre-filled, in Word)."""

    entries: tuple[ContentsEntry, ...]


Light = Literal["green", "yellow", "red"]
# The colour of a bar (RGB hex), in both writers: its traffic light, or one sober blue where it has none.
# A bar's colour by its light (a 督办 chart's bars take their status colour: 未报送 grey, 临期 blue); None: no light.
BAR_COLOURS: dict[str | None, str] = {"green": "2E8B57", "yellow": "E0A800", "red": "C0392B", "orange": "E07B22",
                                      "blue": "2F6DB5", "grey": "8C8C8C", None: "4A6FA5"}
MARK_COLOUR = "D4D4D4"  # a chart's reference band (序时进度) behind each bar: light enough for a value printed on it


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label, its value (None: not drawn, listed under the chart) and its light."""

    label: str
    value: float | None = None
    text: str = ""  # the value as printed at the bar's end: the figure in its own precision ("9.5", "32", "−0.2")
    light: Light | None = None


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart (``kind="bar"``): one bar a row, in the order given, the first at the top;
    negative values run left of the zero axis. Bars without a value are listed under it after ``omitted``.

    Its size is the IR's, so that both writers draw it alike and the one-page fit can reason about it:
    every length is a multiple of the chart's type size (the theme's table size at the document's scale).
    """

    bars: tuple[Bar, ...]
    kind: Literal["bar"] = "bar"
    title: str = ""
    omitted: str = "未绘制"  # the words before the list of bars without a value
    mark: float | None = None  # a reference value (序时进度) drawn as a light band from zero behind every bar

    TYPE_SHARE = 1.0  # the chart's type against the table's: its labels read as the table's names do
    MIN_TYPE = 7.5  # and never below 六号, however far the fit shrinks the page
    TITLE_LINES = 1.7  # the title's band, in type sizes (with a little room above it)
    PITCH = 1.12  # the distance from one bar to the next, in type sizes
    THICKNESS = 0.65  # a bar's thickness, as a share of the pitch
    FOOT = 0.3  # the room below the last bar, in type sizes
    LABEL_SHARE = 0.42  # the labels' column takes at most this share of the width (a longer label is set narrower)
    GAP = 0.5  # between the labels and the plot, in type sizes
    VALUE_GAP = 0.3  # between a bar's end and its value, in type sizes
    NOTE_NAMES = 3  # the note under a chart names at most this many bars not drawn, then says how many
    MAX_BARS = 40  # a chart is never split: forty bars fill a page at the type of a 12 pt table

    @property
    def drawn(self) -> tuple[Bar, ...]:
        return tuple(b for b in self.bars if b.value is not None)

    @property
    def not_drawn(self) -> tuple[Bar, ...]:
        return tuple(b for b in self.bars if b.value is None)

    @classmethod
    def type_size(cls, table_size: float) -> float:
        """The chart's type size in points where the document's tables are set at ``table_size``."""
        return max(table_size * cls.TYPE_SHARE, cls.MIN_TYPE)

    def height(self, size: float) -> float:
        """The chart's height in points for type of ``size`` points (the note under it not counted)."""
        if not self.drawn:
            return 0.0
        return size * ((self.TITLE_LINES if self.title else 0.0) + self.PITCH * len(self.drawn) + self.FOOT)

    def value_range(self) -> tuple[float, float]:
        """The values' span with the zero axis inside it: (min(0, lowest), max(0, highest)); never empty."""
        values = [b.value for b in self.drawn] + ([self.mark] if self.mark is not None else [])
        low, high = min([0.0, *values]), max([0.0, *values])
        return (low, high) if high > low else (0.0, 1.0)

    def layout(self, width: float, size: float, measure) -> "ChartLayout":
        """Where the parts of a chart ``width`` points wide go, with type of ``size`` points; ``measure(text)`` is
        the width of a label or value in points, as the writer sets it. Room is kept for each value beside its bar:
        on the right of the longest positive bar, on the left of the longest negative one."""
        bars = self.drawn
        label_width = min(max(measure(b.label) for b in bars), width * self.LABEL_SHARE)
        plot_left = label_width + self.GAP * size
        negative = [measure(b.text) for b in bars if b.value < 0]
        positive = [measure(b.text) for b in bars if b.value >= 0]
        left = plot_left + (max(negative) + self.VALUE_GAP * size if negative else 0.0)
        right = width - (max(positive) + self.VALUE_GAP * size if positive else 0.0)
        low, high = self.value_range()
        per = max(right - left, 1.0) / (high - low)
        return ChartLayout(self.TITLE_LINES * size if self.title else 0.0, label_width, plot_left, left - low * per, per,
                           self.PITCH * size, self.PITCH * size * self.THICKNESS)

    @property
    def note(self) -> str:
        """The line under the chart that lists the bars not drawn, or ""."""
        left = self.not_drawn
        if not left:
            return ""
        if len(left) > self.NOTE_NAMES:  # the table beside the chart names them all; one line says how many
            return f"{self.omitted}：{'、'.join(b.label for b in left[:self.NOTE_NAMES - 1])}等{len(left)}项"
        return f"{self.omitted}：{'、'.join(b.label for b in left)}"

    def text(self) -> str:
        """Every character the chart draws (for the PDF's fonts)."""
        return self.title + self.note + "".join(b.label + b.text for b in self.bars) + "−0123456789."


@dataclass(frozen=True)
class ChartLayout:
    """A chart's geometry in points: x from the chart's left edge, rows from the foot of the title band down."""

    top: float  # the title band's height (0 without a title)
    label_width: float  # the labels end here, right-aligned
    plot_left: float  # the plot begins here
    zero: float  # the zero axis
    per: float  # points per unit of value
    pitch: float  # from one bar to the next
    thickness: float  # of a bar

    def end(self, value: float) -> float:
        """The x where a bar of ``value`` ends."""
        return self.zero + value * self.per


def without_charts(doc: "Document") -> "Document | None":
    """``doc`` with its charts left out (what a page gives up first when even its smallest type does not fit it
    all: the table under a chart has its figures), or None when it has none."""
    from dataclasses import replace

    blocks = tuple(b for b in doc.blocks if not isinstance(b, Chart))
    return replace(doc, blocks=blocks) if len(blocks) < len(doc.blocks) else None


# The one list of block kinds: the markup's tags make them, and each renderer keys its handlers on this list (a test
# fails when a kind lacks a handler in either). A new kind is one entry here and one function in each renderer.
BLOCKS: dict[str, type] = {
    "title": Title,
    "heading": Heading,
    "paragraph": Paragraph,
    "table": Table,
    "list": ListBlock,
    "page-break": PageBreak,
    "spacer": Spacer,
    "section-break": SectionBreak,
    "contents": Contents,
    "chart": Chart,
}

Block = Union[Title, Heading, Paragraph, Table, ListBlock, PageBreak, Spacer, SectionBreak, Contents, Chart]


def kind_of(block: "Block") -> str:
    """The kind (key of ``BLOCKS``) of a block."""
    return _KIND[type(block)]


def handler_name(kind: str) -> str:
    """The name of a renderer's method for a kind of block: ``page-break`` -> ``_page_break``. Both renderers
    follow it, so the list of kinds above is the one list; a test checks that each renderer has every method."""
    return "_" + kind.replace("-", "_")


_KIND = {cls: kind for kind, cls in BLOCKS.items()}


# What every PDF briefgen makes names as its producer (a single document, or a pack merged with pikepdf).
PRODUCER = "briefgen"


@dataclass(frozen=True)
class Meta:
    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""
    created: date | None = None
    mark: str | None = None  # a header mark such as 内部资料 注意保存


@dataclass(frozen=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...]
    one_page: bool = False  # the template promises a single page
    template: str = ""  # the template it came from, for messages
    page_numbers: bool = True  # a cover or a contents page shows none
    first_page: int = 1  # the number of the first page (a part of a pack continues the count)
    max_pages: int | None = None  # the template promises at most this many pages (type shrinks to keep it)
    names: tuple[tuple[str, str], ...] = ()  # known names (departments) as (full, short or ""): never broken badly
    section_scales: tuple[float, ...] = ()  # the type scale of each section in turn (a pack's parts, as fitted)

    @property
    def page_budget(self) -> int | None:
        """The pages the document must fit in (1 for a one-page document), or None."""
        return 1 if self.one_page else self.max_pages


def plain_text(inlines: tuple[Inline, ...]) -> str:
    return "".join(i.text if isinstance(i, Run) else "\n" for i in inlines)
