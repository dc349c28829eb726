"""Layout decisions both writers make alike, from the IR and the theme alone (no font file needed), so the
DOCX and the PDF agree: where a title breaks, where a short table cell breaks, and which department names a
narrow column shows in their short form (with a note under the table saying so).

Widths are counted in ems as a CJK font sets them: a CJK character or dash one em, anything else
``LATIN_EM`` (a little over Times New Roman's half em, so that Noto's wider digits fit too).
"""

from __future__ import annotations

import functools
from dataclasses import replace

from .. import ir
from ..text.linebreak import TITLE_MEASURE, Piece, balanced, break_lines, name_joins, units_of
from ..text.segment import word_interiors
from ..theme import MM, Theme

LATIN_EM = 0.55
CELL_PAD = 0.25  # cell padding, left and right, as a share of the table's type size (both writers)
DISPLAY_ROLES = ("title", "cover")  # paragraphs set in these roles break as titles do (``title_inlines``)
SHORT_CELL = 24  # cells up to this many characters (names, deadlines) break between words
FIT_FUZZ = 0.25  # points a word processor may measure wider than the em count


def body_tracking(theme: Theme) -> float:
    """The spacing added after every body character, in points (negative: set tight), so that
    ``chars_per_line`` characters fill a line (GB/T 9704: 28 of 3号 in 156 mm, where 16 pt would fit 27).
    Whole twentieths of a point, as a DOCX stores character spacing (w:spacing), and the PDF uses the same."""
    import math

    cpl = theme.body.chars_per_line
    if not cpl:
        return 0.0
    pitch = theme.page.text_width_mm * MM / cpl
    tight = math.floor((pitch - theme.body.size_pt) * 20) / 20
    # only the last character's room is found this way: a text block narrower than the standard's (other
    # margins) keeps the type's own width rather than being squeezed
    return tight if -theme.body.size_pt / cpl <= tight < 0 else 0.0


def em(ch: str) -> float:
    return 1.0 if (ord(ch) >= 0x2E80 or ch in "—…“”‘’·") else LATIN_EM


@functools.lru_cache(maxsize=16384)
def em_width(text: str) -> float:
    return sum(em(ch) for ch in text)


def _measure(text: str, _font: str, size: float) -> float:
    return size * em_width(text)


def _line_starts(text: str, lines) -> list[int]:
    starts, pos = [], 0
    for line in lines[1:]:
        first = line.units[0].text if line.units else ""
        pos = text.find(first, pos + 1) if first else -1
        if pos <= 0:
            return []
        starts.append(pos)
    return starts


def break_inlines(inlines: tuple[ir.Inline, ...], starts: list[int]) -> tuple[ir.Inline, ...]:
    """``inlines`` with a LineBreak before each offset of ``starts`` (offsets in the joined text)."""
    if not starts:
        return inlines
    out: list[ir.Inline] = []
    offset = 0
    runs = [i for i in inlines if isinstance(i, ir.Run)]
    for inline in runs:
        cut = [c - offset for c in starts if offset < c < offset + len(inline.text)]
        pieces = [inline.text[a:b] for a, b in zip([0, *cut], [*cut, len(inline.text)])]
        for k, piece in enumerate(pieces):
            if k:
                out.append(ir.LineBreak())
            out.append(ir.Run(piece, inline.bold, inline.italic, inline.underline, inline.role))
        offset += len(inline.text)
        if offset in starts and inline is not runs[-1]:
            out.append(ir.LineBreak())
    return tuple(out)


# both writers, every scale a fit tries and every brief of a batch ask again: kept per process (pure functions)
@functools.lru_cache(maxsize=4096)
def title_inlines(inlines: tuple[ir.Inline, ...], size: float, width: float, keep: tuple[str, ...] = ()) -> tuple[ir.Inline, ...]:
    """A title (type of ``size`` points, a text block ``width`` points wide) with its line breaks written in:
    lines of near-equal length, between words, never a character alone, against ``TITLE_MEASURE`` of the
    width. A title the template broke itself is kept."""
    if any(isinstance(i, ir.LineBreak) for i in inlines):
        return inlines
    text = "".join(i.text for i in inlines if isinstance(i, ir.Run))
    units = units_of([Piece(text, "title", size)], _measure, word_interiors(text, keep))
    lines = balanced(units, width * TITLE_MEASURE)
    if len(lines) <= 1:
        return inlines
    return break_inlines(inlines, _line_starts(text, lines))


def column_widths(table: ir.Table, theme: Theme) -> list[float]:
    """Each column's width in points (the text width shared out by the columns' shares)."""
    total = theme.page.text_width_mm * MM
    share = sum(c.width for c in table.columns) or 1.0
    return [total * c.width / share for c in table.columns]


def cell_room(table: ir.Table, theme: Theme, col: int, span: int = 1) -> float:
    """The width a cell's text has, in points: its columns less the padding."""
    size = theme.body.table_size_pt
    return sum(column_widths(table, theme)[col:col + span]) - 2 * CELL_PAD * size


def short_cell_inlines(inlines: tuple[ir.Inline, ...], room: float, size: float,
                       names: tuple[str, ...]) -> tuple[ir.Inline, ...]:
    """A short cell (a name, a deadline) with its line breaks written in, so a word processor breaks it
    where the PDF does: between names, after 、, inside a name only between its words, never inside a
    figure and its unit. Longer cells are left to the word processor."""
    if names:  # only the names the cell holds matter (``name_joins``): the same cell in every brief is kept once
        plain = "".join(i.text for i in inlines if isinstance(i, ir.Run))
        names = tuple(n for n in names if n in plain)
    return _short_cell_inlines(inlines, room, size, names)


@functools.lru_cache(maxsize=4096)
def _short_cell_inlines(inlines: tuple[ir.Inline, ...], room: float, size: float,
                        names: tuple[str, ...]) -> tuple[ir.Inline, ...]:
    runs = [i for i in inlines if isinstance(i, ir.Run)]
    if len(runs) != len(inlines):
        return inlines
    text = "".join(r.text for r in runs)
    if not text or len(text) > SHORT_CELL or size * em_width(text) <= room - FIT_FUZZ:
        return inlines
    hard, soft = name_joins(text, names)
    units = units_of([Piece(text, "table", size)], _measure, word_interiors(text) | hard, soft)
    lines = break_lines(units, room - FIT_FUZZ)
    return break_inlines(inlines, _line_starts(text, lines))


def _is_names(text: str, known: set[str]) -> list[str] | None:
    parts = text.split("、")
    return parts if parts and all(p in known for p in parts) else None


# the last documents given short names, with their themes (both writers and each layout of a fit ask again)
_short_names_done: list[tuple[ir.Document, Theme, ir.Document]] = []


def with_short_names(doc: ir.Document, theme: Theme) -> ir.Document:
    """Department names that would not fit on one line of their column take their short form where that
    does (经济发展办公室 -> 经发办), and a note under the table names each short form used."""
    for done, done_theme, out in tuple(_short_names_done):
        if done is doc and done_theme is theme:
            return out
    out = _with_short_names(doc, theme)
    _short_names_done.insert(0, (doc, theme, out))
    del _short_names_done[8:]
    return out


def _with_short_names(doc: ir.Document, theme: Theme) -> ir.Document:
    shorts = {full: short for full, short in doc.names if short and short != full and len(short) < len(full)}
    if not shorts:
        return doc
    known = {n for pair in doc.names for n in pair if n}
    size = theme.body.table_size_pt
    blocks: list[ir.Block] = []
    changed = False
    for block in doc.blocks:
        if not isinstance(block, ir.Table):
            blocks.append(block)
            continue
        # first, the names that do not fit their cell somewhere; then every cell of the table writes a department
        # so shortened (or written short by the data) by its short name: one name per department in a table
        used: dict[str, str] = {}
        named: list[tuple[int, int, list[str], ir.Run]] = []  # (row, cell, the names, the cell's first run)
        for r, row in enumerate(block.rows):
            if row.kind != "body":
                continue
            col = 0
            for c, cell in enumerate(row.cells):
                runs = [i for i in cell.inlines if isinstance(i, ir.Run)]
                text = "".join(r_.text for r_ in runs)
                parts = _is_names(text, known) if runs and len(runs) == len(cell.inlines) else None
                if parts:
                    named.append((r, c, parts, runs[0]))
                    room = cell_room(block, theme, col, cell.colspan) - FIT_FUZZ
                    for k, part in enumerate(parts):
                        tail = "、" if k < len(parts) - 1 else ""
                        short = shorts.get(part)
                        if short and size * em_width(part + tail) > room and size * em_width(short + tail) <= room:
                            used[short] = part
                col += cell.colspan
        if used:
            for full, short in shorts.items():  # a short name the data wrote itself, for a department shortened here
                if short not in used and any(short in parts for _, _, parts, _ in named):
                    used[short] = full
        rows = [list(row.cells) for row in block.rows]
        for r, c, parts, first in named:
            new = [shorts[p] if shorts.get(p) in used else p for p in parts]
            if new != parts:
                cell = block.rows[r].cells[c]
                rows[r][c] = replace(cell, inlines=(ir.Run("、".join(new), first.bold, first.italic, first.underline, first.role),))
        rows = [replace(row, cells=tuple(cells)) for row, cells in zip(block.rows, rows)]
        if not used:
            blocks.append(block)
            continue
        changed = True
        blocks.append(replace(block, rows=tuple(rows)))
        listed = "、".join(f"{short}（{full}）" for short, full in used.items())
        # justified (not ragged), broken only between names (``name_joins``; the DOCX glues each name)
        blocks.append(ir.Paragraph((ir.Run(f"注：表中单位名称过长处用简称：{listed}。"),), "justify", False, "table"))
    return replace(doc, blocks=tuple(blocks)) if changed else doc


def known_names(doc: ir.Document) -> tuple[str, ...]:
    """Every full and short name the document knows."""
    return tuple(n for pair in doc.names for n in pair if n)
