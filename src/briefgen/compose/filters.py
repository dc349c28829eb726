"""The filters and helpers templates use to show figures as clerks write them: fmt_number (thousands, decimals), fmt_date
(2022年7月29日), cn_number (十二), the decimals a column shares, a value with its unit, the lead sentences of a text.
Pure functions, no Jinja2."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ..model.periods import period_end




def fmt_number(value, decimals: int | None = None) -> str:
    """31.3 -> "31.3"; with decimals=1, 4050 -> "4050.0"; None -> "—"."""
    if value is None:
        return "—"
    d = Decimal(str(value))
    if decimals is None:
        text = format(d.normalize(), "f")
    else:
        text = format(d.quantize(Decimal(1).scaleb(-decimals)), "f")
    return text.replace("-", "−")


def schedule_share(period: str) -> Decimal | None:
    """序时进度: the share of the year a period has run, in percent, one decimal at most (1—6月 -> 50, 前三季度
    -> 75, 1-8月 -> 66.7); None when the period names no span."""
    end = period_end(period or "")
    if not end:
        return None
    return (Decimal(end * 100) / 12).quantize(Decimal("0.1")).normalize()


def fmt_date(value) -> str:
    """2022-07-29 -> 2022年7月29日"""
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


_CN = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 23 -> 二十三 (heading numbers 一、 （一）)."""
    n = int(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def decimals_of(values) -> int:
    """The decimals a column needs so every value shows as written (31.3, 4050 -> 1)."""
    best = 0
    for v in values:
        if v is None:
            continue
        exp = Decimal(str(v)).normalize().as_tuple().exponent
        best = max(best, -exp if isinstance(exp, int) and exp < 0 else 0)
    return best


COUNT_UNITS = frozenset("家 个 人 名 件 户 次 套 项 起 辆 条 所 座 场 批 宗".split())


def is_count(unit: str | None) -> bool:
    """Units of whole things (家, 个, 人 …): their figures never carry decimals."""
    return (unit or "").strip() in COUNT_UNITS


ALIGNED_UNITS = frozenset(("%", "％", "‰", "个百分点", "百分点"))  # rates: compared down a column, so aligned


def unit_decimals(indicators) -> dict[str, int]:
    """Decimals per unit for the units whose figures share a precision down a column (rates: 9.50 and 16.75 %);
    every other figure keeps its own (31.3 亿元 stays 31.3 beside 1.25 亿元, 4050 万美元 stays 4050); counts
    (家, 个) are whole."""
    units: dict[str, list] = {}
    for i in indicators:
        units.setdefault(i.unit or "", []).append(i.value)
    return {unit: 0 if is_count(unit) else decimals_of(values) for unit, values in units.items()
            if is_count(unit) or unit.strip() in ALIGNED_UNITS}


def shown_value(indicator, decimals: dict[str, int]) -> str:
    """An indicator's value as the table shows it, at its unit's precision (see ``unit_decimals``).

    A figure written as approximate (2300余, 约1.2) is shown as the source wrote it.
    """
    written = (indicator.value_text or "").strip()
    if written and _QUALIFIER.search(written) and not (indicator.unit and indicator.unit in written):
        return written
    return fmt_number(indicator.value, decimals.get(indicator.unit or "", None))


_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def lead_sentences(text: str, limit: int = 60) -> str:
    """The first sentences of ``text`` that fit in about ``limit`` characters: at least one whole sentence,
    never a cut one (a digest shortens a point to what it says first)."""
    text = (text or "").strip()
    out = ""
    for sentence in (s for s in _SENTENCE_END.split(text) if s):
        if out and len(out) + len(sentence) > limit:
            break
        out += sentence
    if out.endswith("；"):
        out = out[:-1] + "。"
    return out


_QUALIFIER = re.compile(r"[余多约近超逾左右]")  # words that say a figure is approximate
