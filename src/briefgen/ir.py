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


@dataclass(frozen=True)
class Cell:
    inlines: tuple[Inline, ...]
    colspan: int = 1
    align: Align | None = None  # None: the column's alignment
    header: bool = False


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


Block = Union[Title, Heading, Paragraph, Table, ListBlock, PageBreak, Spacer, SectionBreak, Contents]


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

    @property
    def page_budget(self) -> int | None:
        """The pages the document must fit in (1 for a one-page document), or None."""
        return 1 if self.one_page else self.max_pages


def plain_text(inlines: tuple[Inline, ...]) -> str:
    return "".join(i.text if isinstance(i, Run) else "\n" for i in inlines)
