"""Character sets: the base set every converted font cache covers, and helpers for code point ranges.

The base set is what a Chinese government document almost always needs, so that most documents find
every character already converted: ASCII, Latin-1, general punctuation (— … “ ” ‘ ’ ‰ ※), letterlike
symbols (℃ №), CJK punctuation and full-width forms, every GB2312 symbol (rows 1–9: circled and
parenthesised numbers, Roman numerals, Greek, Cyrillic, kana, pinyin letters, box drawing) and the 3,755
level-1 GB2312 hanzi (rows 16–55). About 5,000 code points; characters beyond it are added to a cache
the first time a document needs them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable


def _gb2312_rows(first: int, last: int) -> set[int]:
    out: set[int] = set()
    for hi in range(first, last + 1):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass  # unassigned cells (e.g. the end of row 55)
    return out


@lru_cache(maxsize=1)
def base_codepoints() -> frozenset[int]:
    """The code points every converted cache covers (where the source font has them)."""
    cps: set[int] = set(range(0x20, 0x7F))  # ASCII
    cps.update(range(0xA0, 0x100))  # Latin-1 supplement: punctuation, × ÷ ° ± ·
    cps.update(range(0x2000, 0x2070))  # general punctuation: — – … ‘ ’ “ ” ‰ ※ ‖
    cps.update(range(0x2100, 0x2150))  # letterlike symbols: ℃ № ℉
    cps.update(range(0x2150, 0x2190))  # number forms: Ⅰ Ⅱ … Ⅻ
    cps.update(range(0x2460, 0x2500))  # enclosed alphanumerics: ① ⑴ ⒈
    cps.update(range(0x3000, 0x3040))  # CJK symbols and punctuation: 、 。 《 》 「 」 〔 〕
    cps.update(range(0xFF00, 0xFFF0))  # half-width and full-width forms: ， ； ： （ ） ％
    cps.update(_gb2312_rows(0xA1, 0xA9))  # GB2312 symbols
    cps.update(_gb2312_rows(0xB0, 0xD7))  # GB2312 level-1 hanzi (3,755)
    return frozenset(cps)


def to_ranges(codepoints: Iterable[int]) -> list[list[int]]:
    """Sorted code points as ``[[first, last], …]`` inclusive ranges (compact in JSON)."""
    ranges: list[list[int]] = []
    for cp in sorted(set(codepoints)):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def from_ranges(ranges: Iterable[Iterable[int]]) -> set[int]:
    out: set[int] = set()
    for first, last in ranges:
        out.update(range(int(first), int(last) + 1))
    return out


# Default-ignorable characters: never drawn, so never reported missing when no font maps them.
_IGNORABLE = (
    {0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0}
    | set(range(0x180B, 0x1810))
    | set(range(0x200B, 0x2010))
    | set(range(0x202A, 0x202F))
    | set(range(0x2060, 0x2070))
    | set(range(0xFE00, 0xFE10))
    | set(range(0xFFF0, 0xFFF9))
    | set(range(0x1BCA0, 0x1BCA4))
    | set(range(0x1D173, 0x1D17B))
    | set(range(0xE0000, 0xE1000))
)


def is_control(cp: int) -> bool:
    """C0 and C1 control characters (tab, newline …): layout's business, never drawn."""
    return cp < 0x20 or 0x7F <= cp < 0xA0


def is_default_ignorable(cp: int) -> bool:
    """Zero-width space and joiners, variation selectors, soft hyphen, BOM …: invisible if unsupported."""
    return cp in _IGNORABLE


def is_ignorable(cp: int) -> bool:
    """Characters never reported as missing: controls and default-ignorable code points."""
    return is_control(cp) or cp in _IGNORABLE
