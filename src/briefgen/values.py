"""Values as staff write them -> typed values, keeping the original wording for display.

"9.5%" -> 9.5, "下降0.2%" -> -0.2, "年内" -> 12-31 of the report's year, "2022年10月底前" -> 2022-10-31.
Each parser raises ValueError with a message fit to show the user after the location and field.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋％，", "0123456789.-+%,")
_MINUS = ("−", "–", "—", "－")


def parse_number(value: object) -> Decimal:
    """A plain number, as typed in a cell or a YAML file: 31.3, "31.3", "4,050", "３１.３"."""
    if isinstance(value, bool):
        raise ValueError(f'"{value}" is not a number')
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip().translate(_FULLWIDTH)
    for m in _MINUS:
        text = text.replace(m, "-")
    text = text.replace(",", "").replace(" ", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f'"{value}" is not a number') from None


def parse_percent(value: object) -> Decimal:
    """A growth or share in percent: 9.5, "9.5%", "+9.5", "-0.2", "下降0.2%", "增长9.5%"."""
    if not isinstance(value, str):
        return parse_number(value)
    text = value.strip().translate(_FULLWIDTH)
    sign = 1
    for word in ("下降", "减少", "降低", "回落"):
        if text.startswith(word):
            sign, text = -1, text[len(word):]
    for word in ("同比增长", "增长", "增加", "增幅", "提高", "上升"):
        if text.startswith(word):
            text = text[len(word):]
    text = text.removesuffix("%").removesuffix("个百分点").strip()
    try:
        number = parse_number(text)
    except ValueError:
        raise ValueError(f'"{value}" is not a percentage') from None
    return number * sign


_DUE_YMD = re.compile(r"^(?:(\d{4})\s*[年./-]\s*)?(\d{1,2})\s*[月./-]\s*(?:(\d{1,2})\s*日?)?\s*(底|末|中旬|上旬|下旬)?\s*(前|以前|之前)?$")
_DUE_YEAR_END = ("年内", "年底前", "年底", "年末", "年底以前", "全年", "长期", "持续推进")
_DUE_QUARTER = re.compile(r"^(?:(\d{4})\s*年\s*)?(?:第?([一二三四1-4])季度)(?:末|底)?(?:前)?$")
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}


def parse_due(value: object, year: int) -> date:
    """A deadline as written in task tables -> the last day it allows.

    ``year`` is the report's year, used when the text names no year (年内, 12月底前).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip().translate(_FULLWIDTH)
    if not text:
        raise ValueError("a deadline is required")
    for word in _DUE_YEAR_END:
        if text == word or text == f"{year}{word}" or text == f"{year}年{word.removeprefix('年')}":
            return date(year, 12, 31)
    m = re.match(r"^(\d{4})\s*年\s*(?:内|底前?|末)$", text)
    if m:
        return date(int(m.group(1)), 12, 31)
    m = _DUE_QUARTER.match(text)
    if m:
        y = int(m.group(1) or year)
        q = _CN_DIGIT.get(m.group(2)) or int(m.group(2))
        month = q * 3
        return date(y, month, calendar.monthrange(y, month)[1])
    m = _DUE_YMD.match(text)
    if m:
        y = int(m.group(1) or year)
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f'"{value}": month {month} does not exist')
        last = calendar.monthrange(y, month)[1]
        if m.group(3):
            day = int(m.group(3))
            if not 1 <= day <= last:
                raise ValueError(f'"{value}": day {day} does not exist')
        elif m.group(4) in ("中旬",):
            day = 20
        elif m.group(4) in ("上旬",):
            day = 10
        else:
            day = last
        return date(y, month, day)
    raise ValueError(f'"{value}" is not a deadline; write a date such as 2022-10-31, 10月底前 or 年内')
