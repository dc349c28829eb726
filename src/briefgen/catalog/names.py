"""Indicator names as offices write them over the years: 规上工业增加值 one year, 规模以上工业增加值 the next.

``merged(name)`` is the name a figure is filed under: the long forms below are shortened to the short form
offices use in their tables, full-width characters made half-width, spaces and brackets' content kept. Two
names with the same merged form are one series in ``briefgen catalog figure``, which says which it merged.
"""

from __future__ import annotations

import re
import unicodedata

# long form -> short form, applied in this order
VARIANTS: tuple[tuple[str, str], ...] = (
    ("规模以上", "规上"),
    ("限额以上", "限上"),
    ("社会消费品零售总额", "社零额"),
    ("社会消费品零售额", "社零额"),
    ("固定资产投资", "固投"),
    ("一般公共预算收入", "一般公共预算收入"),
    ("实际使用外资", "实际利用外资"),
    ("外商直接投资实际使用额", "实际利用外资"),
    ("增长率", "增速"),
)
_SPACE = re.compile(r"\s+")


def merged(name: str) -> str:
    text = _SPACE.sub("", unicodedata.normalize("NFKC", name))
    for long, short in VARIANTS:
        text = text.replace(long, short)
    return text
