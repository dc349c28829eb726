"""Chinese line breaking: styled text + a width -> lines, by the rules of Chinese typesetting.

reportlab's own CJK wrapping lets ，；：？！》” start a line and hangs punctuation into the margin,
so briefgen breaks lines itself:

- no line starts with a closing or pausing mark (，。、；：？！）》」』”’％ …) and none ends with an
  opening mark (（《「『“‘);
- a Latin word, a digit group (31.3, 9.5%, 220KV, 2022-07-29) or a dash/ellipsis pair is never split;
- a figure keeps its magnitude and unit (31.3亿元, 4050万美元, 13万方, 11月底前: ``figure_interiors``);
- a known name (a department) breaks only between its words, and only when it cannot start a line of
  its own (``name_joins``: soft joins, used when a line has no other break);
- lines are justified by spreading the slack over the gaps between units, never inside a Latin word.

Input is a list of Pieces (text in one font at one size); output is Lines of Units. Pure Python,
no reportlab: the caller passes a ``measure(text, font, size)`` function.
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Callable

from .segment import name_words

# Marks that may not begin a line (closing brackets and quotes, pauses, stops, percent signs …).
NO_START = set("，。、；：？！）》」』”’％‰℃〕】〉｝］…·‥・﹐﹑﹒﹔﹕﹖﹗︰,.;:?!)]}%")
# Marks that may not end a line (opening brackets and quotes).
NO_END = set("（《「『“‘〔【〈｛［([{")
_PAIRED = set("—…")  # 破折号 —— and 省略号 …… stay whole
# A number stays on the line with the unit or measure word that follows it (31.3亿元, 11月, 14家).
UNIT_AFTER_NUMBER = set("年月日时分秒个亿万千百十元角亩方家人名件户次套项起岁条座辆所倍成米吨度号届期批")


@dataclass(frozen=True)
class Piece:
    """A stretch of text in one font at one size, with its look."""

    text: str
    font: str
    size: float
    bold: bool = False
    underline: bool = False
    fake_bold: bool = False  # stroke the glyphs: the font has no bold face


@dataclass
class Unit:
    """The smallest thing that is never split: a CJK character, a Latin word, a space."""

    text: str
    piece: Piece
    width: float
    space: bool = False
    latin: bool = False
    parts: list["Unit"] | None = None  # a word whose look changes midway, drawn part by part
    join: bool = False  # inside a Chinese word: no line may start here (titles, see ``word_interiors``)
    soft: bool = False  # between two words of a name: a line may start here only if nothing else fits


@dataclass
class Line:
    units: list[Unit]
    width: float  # natural width, trailing spaces excluded
    last: bool  # the paragraph's last line, or ends at a forced break: not justified
    indent: float = 0.0
    forced: bool = False  # broken where the rules allow no break (nothing else fitted)


_NOT_LATIN = _PAIRED | set("“”‘’·")


def _is_latin(ch: str) -> bool:
    """Letters, digits and the signs that live among them (31.3, 9.5%, 220KV, 25℃, Ⅰ#)."""
    return ord(ch) < 0x2E80 and not ch.isspace() and ch not in _NOT_LATIN


# One token: a line break; a space; a run of one 破折号 or 省略号 character; a run of Latin characters (as
# ``_is_latin`` has them: below U+2E80, not white space, not paired or a quote); any other single character.
_TOKEN = re.compile("(\n)|([ \t\u00a0])|(([" + "".join(sorted(_PAIRED)) + "])\\4*)|([^\\s"
                    + "".join(sorted(_NOT_LATIN)) + "\u2e80-\U0010ffff]+)|(.)", re.S)
_KINDS = (None, "newline", "space", "cjk", None, "latin", "cjk")


def _tokens(text: str):
    """Split text into (token, kind): kind is 'newline', 'space', 'latin' or 'cjk'."""
    kinds = _KINDS
    for m in _TOKEN.finditer(text):
        yield m.group(), kinds[m.lastindex]


def units_of(pieces: list[Piece], measure: Callable[[str, str, float], float],
             interiors: frozenset[int] | set[int] = frozenset(),
             soft: frozenset[int] | set[int] = frozenset()) -> list[Unit | None]:
    """Pieces -> units; None marks a forced line break.

    ``interiors`` holds offsets (in the pieces' joined text) that lie inside a word: a unit starting
    there is glued to the one before it. A figure's magnitude and unit are always glued to it
    (``figure_interiors``). ``soft`` offsets (between the words of a name) break only as a last resort.
    """
    return units_from(prepare([p.text for p in pieces], interiors, soft), pieces, measure)


Prepared = tuple[tuple[int, str, str, bool, bool], ...]
"""What ``units_of`` decides before it measures, the same at every type size: per token, (its piece's index,
the token, its kind, glued to the one before, a soft break before it)."""


def prepare(texts: list[str], interiors: frozenset[int] | set[int] = frozenset(),
            soft: frozenset[int] | set[int] = frozenset()) -> Prepared:
    """The tokens of the pieces' ``texts`` with their joins (``units_of`` without the measuring), to be measured
    at any size by ``units_from``: a layout tried at several scales segments and tokenizes its text once."""
    interiors = set(interiors) | figure_interiors("".join(texts))
    out = []
    offset = 0
    for index, text in enumerate(texts):
        for tok, kind in _tokens(text):
            start, offset = offset, offset + len(tok)
            out.append((index, tok, kind, start in interiors, start in soft and start not in interiors))
    return tuple(out)


def units_from(prepared: Prepared, pieces: list[Piece], measure: Callable[[str, str, float], float]) -> list[Unit | None]:
    """The units of ``prepared`` (from ``prepare``) in ``pieces`` (one per text, in order), measured."""
    out: list[Unit | None] = []
    append = out.append
    for index, tok, kind, join, soft in prepared:
        if kind == "newline":
            append(None)
            continue
        piece = pieces[index]
        if kind == "latin":
            prev = out[-1] if out else None
            if prev is not None and prev.latin and prev.piece is not piece:
                # a word continued across a change of look (e.g. a bold digit) stays whole
                part = Unit(tok, piece, measure(tok, piece.font, piece.size), latin=True)
                out[-1] = Unit(prev.text + tok, piece, prev.width + part.width, latin=True,
                               parts=(prev.parts or [prev]) + [part])
                continue
            append(Unit(tok, piece, measure(tok, piece.font, piece.size), False, True, None, join, soft))
        else:  # positional: (text, piece, width, space, latin, parts, join, soft)
            append(Unit(tok, piece, measure(tok, piece.font, piece.size), kind == "space", False, None, join, soft))
    return out


# Magnitudes and units of measure that stay with the figure before them (31.3亿元, 4050万美元, 13万方,
# 2022年, 11月底前): the longest that matches is taken. The 年/月/日 of dates are units too.
_MAGNITUDE = "十百千万亿"
_UNIT_WORDS = tuple(sorted((
    "元 美元 港元 欧元 日元 英镑 人民币 平方米 平方公里 平方 立方米 立方 方 公里 千米 米 公顷 亩 吨 公斤 千克 克 "
    "千瓦时 千瓦 兆瓦 瓦 度 伏 千伏 户 家 个 人次 人 名 位 件 次 套 项 起 岁 条 座 辆 所 倍 台 只 张 处 栋 幢 间 "
    "期 批 届 号 场 宗 份 篇 册 本 块 根 株 棵 头 艘 架 班 轮 类 种 年 月底前 月底 月初 月中旬 月上旬 月下旬 月份 月 "
    "日前 日 天 小时 分钟 周 季度 个月 个百分点 百分点 成"
).split(), key=len, reverse=True))
_FIGURE = re.compile(r"(?<![0-9.])[0-9]+(?:[.,][0-9]+)*[%‰]?")
_UNIT_WORD = re.compile("|".join(map(re.escape, _UNIT_WORDS)))  # tried in _UNIT_WORDS' order: the longest first


def figure_interiors(text: str) -> set[int]:
    """Offsets inside a figure with its magnitude and unit (31.3亿元 -> the offsets of 亿 and 元), where no
    line may start: a number never parts from its unit, in either format."""
    out: set[int] = set()
    for m in _FIGURE.finditer(text):
        end = m.end()
        while end < len(text) and text[end] in _MAGNITUDE:
            end += 1
        unit = _UNIT_WORD.match(text, end)
        if unit:
            end = unit.end()
        if end > m.end():
            out.update(range(m.start() + 1, end))
    return out


def name_joins(text: str, names: tuple[str, ...]) -> tuple[set[int], set[int]]:
    """(hard, soft) offsets for the known ``names`` in ``text``: inside a word of a name no line may start;
    between its words a line may start only when the name cannot start a line of its own."""
    hard: set[int] = set()
    soft: set[int] = set()
    for name in sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            pos = start
            for k, word in enumerate(name_words(name)):
                if k:
                    soft.add(pos)
                hard.update(range(pos + 1, pos + len(word)))
                pos += len(word)
            start = text.find(name, start + len(name))
    return hard, soft - hard


def can_break(before: Unit, after: Unit, soft_ok: bool = False) -> bool:
    """May a line end after ``before`` and the next begin with ``after``? (``soft_ok``: inside a name too,
    between its words.)"""
    if after.join or (after.soft and not soft_ok):
        return False
    return _rules_allow(before, after)


def _rules_allow(before: Unit, after: Unit) -> bool:
    """``can_break`` but for the joins of words, figures and names."""
    if after.space:
        return False  # break after the space instead, so it is dropped at the line's end
    if after.text[0] in NO_START:
        return False
    if before.text[-1] in NO_END:
        return False
    if before.latin and after.latin:
        return False
    if before.latin and before.text[-1].isdigit() and after.text[0] in UNIT_AFTER_NUMBER:
        return False
    return True


def _breakable_inside_word(before: Unit, after: Unit) -> bool:
    """Whether a break would be allowed here but for a word's or figure's join."""
    if not (after.join or after.soft):
        return False
    return _rules_allow(before, after)


def break_lines(units: list[Unit | None], width: float, first_indent: float = 0.0, fuzz: float = 0.01,
                _segments: list | None = None) -> list[Line]:
    """Greedy line filling that honours the rules above; a unit wider than a line is split by characters.
    (``_segments``: what ``_prepared(units)`` gave, when the same units are broken at several widths.)"""
    lines: list[Line] = []
    for index, (seg, marks) in enumerate(_segments if _segments is not None else _prepared(units)):
        seg_lines = _fill(seg, width, first_indent if index == 0 else 0.0, fuzz, marks)
        _no_lone_last_character(seg_lines)
        lines.extend(seg_lines)
    return lines


def _prepared(units: list[Unit | None]) -> list[tuple[list[Unit], tuple]]:
    """The segments between forced breaks, each with its break marks (``_marks``)."""
    segment: list[Unit] = []
    segments: list[list[Unit]] = []
    for u in units:
        if u is None:
            segments.append(segment)
            segment = []
        else:
            segment.append(u)
    segments.append(segment)
    return [(seg, _marks(seg)) for seg in segments]


def _marks(seg: list[Unit]) -> tuple[list[bool], list[bool], list[bool], list[float]]:
    """For each i (1 <= i < n), whether a line may end before ``seg[i]``: ``ok`` (``can_break``), ``soft``
    (inside a name, between its words; not ``ok``), ``inside`` (``_breakable_inside_word``); and the widths.
    Worked out once per segment, not once per unit per width tried."""
    n = len(seg)
    ok, soft, inside = [False] * n, [False] * n, [False] * n
    for i in range(1, n):
        after = seg[i]
        if _rules_allow(seg[i - 1], after):
            if after.join:
                inside[i] = True
            elif after.soft:
                soft[i] = inside[i] = True
            else:
                ok[i] = True
    return ok, soft, inside, [u.width for u in seg]


def _fill(seg: list[Unit], width: float, first_indent: float, fuzz: float, marks: tuple | None = None) -> list[Line]:
    """Greedy filling of one segment (the text between forced breaks) into lines."""
    split = _split_wide(seg, width - first_indent)
    if split is not seg or marks is None:
        seg, marks = split, _marks(split)
    ok, soft, inside, widths = marks
    start, n = 0, len(seg)
    if n == 0:
        return [Line([], 0.0, True, first_indent)]
    lines: list[Line] = []
    while start < n:
        while start < n and seg[start].space:
            start += 1  # no line starts with a space
        if start >= n:
            break
        indent = first_indent if not lines else 0.0
        limit = width - indent + fuzz
        x = 0.0
        i = start
        last_ok = last_soft = last_inside = None
        while i < n:
            w = widths[i]
            if x + w > limit and i > start:
                break
            x += w
            i += 1
            if i < n:
                if ok[i]:
                    last_ok = i
                elif soft[i]:
                    last_soft = i
                if inside[i]:
                    last_inside = i
        forced = False
        if i >= n:
            end = n
        elif ok[i] and not seg[i - 1].space:
            end = i
        elif last_ok is not None and last_ok > start:
            end = last_ok
        elif soft[i]:
            end = i  # a name longer than the line: between its words
        elif last_soft is not None and last_soft > start:
            end = last_soft
        elif last_inside is not None and last_inside > start and not inside[i]:
            end, forced = last_inside, True  # a word or figure wider than the line: inside it, not before a stop
        else:
            end, forced = i, True  # nowhere allowed: break anyway rather than overflow
        line_units = seg[start:end]
        while line_units and line_units[-1].space:
            line_units = line_units[:-1]
        lines.append(Line(line_units, sum(u.width for u in line_units), end >= n, indent, forced))
        start = end
    return lines


def _no_lone_last_character(lines: list[Line]) -> None:
    """A paragraph's last line never holds a single character (with its punctuation): one or two
    characters come down from the line above, at a point where a break is allowed."""
    if len(lines) < 2:
        return
    prev, last = lines[-2], lines[-1]
    if sum(1 for u in last.units if u.text[0] not in NO_START) > 1 or prev.forced:
        return
    for k in (1, 2):
        if len(prev.units) <= k + 2:
            return
        keep, move = prev.units[:-k], prev.units[-k:]
        if move[0].space or not can_break(keep[-1], move[0]):
            continue
        if last.indent + sum(u.width for u in move) + last.width > prev.indent + prev.width + 1e-6:
            return  # would not fit where the longer line did
        while keep and keep[-1].space:
            keep = keep[:-1]
        lines[-2] = Line(keep, sum(u.width for u in keep), prev.last, prev.indent)
        lines[-1] = Line(move + last.units, sum(u.width for u in move) + last.width, last.last, last.indent)
        return


def _split_wide(seg: list[Unit], width: float) -> list[Unit]:
    """``seg`` with each Latin unit wider than ``width`` split by characters (``seg`` itself when none is)."""
    if not any(u.latin and u.width > width and len(u.text) > 1 for u in seg):
        return seg
    out = []
    for u in seg:
        if u.latin and u.width > width and len(u.text) > 1:
            per = u.width / len(u.text)
            out.extend(Unit(ch, u.piece, per, latin=False) for ch in u.text)
        else:
            out.append(u)
    return out


# Titles are balanced within this share of the text width, in both writers: a little air at the
# sides, and room for Word's own measuring, so both formats break a title into the same lines.
TITLE_MEASURE = 0.95


def balanced(units: list[Unit | None], width: float) -> list[Line]:
    """Lines of near-equal length for titles: the fewest lines at full width, then the narrowest
    width that keeps that count, so no last line of one or two characters is left alone.
    Build ``units`` with ``word_interiors`` so the breaks also fall between words."""
    segments = _prepared(units)  # broken at up to 19 widths: the break marks are worked out once
    lines = break_lines(units, width, _segments=segments)
    count = len(lines)
    if count <= 1:
        return lines
    lo, hi = width / count * 0.8, width
    best = lines
    for _ in range(18):
        mid = (lo + hi) / 2
        trial = break_lines(units, mid, _segments=segments)
        # narrower is better only while every break is an allowed one (not inside a word)
        if len(trial) <= count and not any(line.forced for line in trial):
            best, hi = trial, mid
        else:
            lo = mid
    for line in best:
        line.last = True  # centred, not justified
    return best
