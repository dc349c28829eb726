"""Periods as titles and reports say them: what the report's figures cover (1-6月, 上半年, 前三季度) and what its plan
covers (下半年, 2023年), the year they fall in, the year a plan's deadlines belong to. Pure functions of text.

    period_end("1-6月") -> 6      review_period("1-6月", 2022) -> "2022年上半年"
"""

from __future__ import annotations

import re
from typing import Any

from . import values


_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"


_RANGE = re.compile(_MONTH + r"\s*月?\s*[-—–~～至到－]\s*" + _MONTH + r"\s*月")


_QUARTER = re.compile(r"(前三|[一二三四1-4])\s*季度")


_YEAR = re.compile(r"(\d{4})\s*年")


def period_end(period: str) -> int | None:
    """The last month a period covers: 2022年1—6月, 上半年, 二季度 -> 6; 2023年, 全年, 1-12月 -> 12; 前三季度 -> 9;
    None when the wording names no span (the plan's period then names only the year)."""
    text = period.strip()
    if m := _RANGE.search(text):
        end = m.group(2)
        return int(end) if end.isdigit() else _CN_MONTH.get(end)
    if "上半年" in text:
        return 6
    if "下半年" in text or "全年" in text or "年度" in text:
        return 12
    if m := _QUARTER.search(text):
        return {"前三": 9, "一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}[m.group(1)]
    if _YEAR.fullmatch(text) or re.fullmatch(r"\d{4}", text):
        return 12  # "2023年": the whole year
    return None


def period_year(period: str, fallback: int | None) -> int | None:
    """The year a period names (2023年 in 2023年1—12月), else ``fallback`` (the report's year)."""
    m = _YEAR.search(period) or re.fullmatch(r"(\d{4})", period.strip())
    return int(m.group(1)) if m else fallback


def review_period(period: str, year: int | None) -> str:
    """The reviewed period as a title says it: 2022年上半年, 2023年, 2023年一季度, 2023年前三季度."""
    end = period_end(period)
    y = period_year(period, year)
    words = {6: "上半年", 12: "", 3: "一季度", 9: "前三季度"}
    if end in words and y is not None and (end != 3 or "季" in period or _RANGE.search(period)):
        return f"{y}年{words[end]}"
    return period


def plan_period(period: str, year: int | None, given: str | None = None) -> str:
    """The period a plan covers, as a title says it: after 1—6月 the same year's 下半年, after a whole year the next
    year, after 一季度 the 二季度, after 前三季度 the 四季度; else the report's year. ``given`` (plan.period) wins;
    it is prefixed with the year when it names none (下半年 -> 2022年下半年)."""
    y = period_year(period, year)
    if given:
        return given if (_YEAR.search(given) or y is None) else f"{y}年{given}"
    end = period_end(period)
    if y is None:
        return {6: "下半年", 3: "二季度", 9: "四季度"}.get(end, "")
    if end == 12:
        return f"{y + 1}年"
    return f"{y}年" + {6: "下半年", 3: "二季度", 9: "四季度"}.get(end, "")


def deadline_year(data: Any) -> int | None:
    """The year of a deadline that names none (年内, 12月底前) in ``data`` (the plain data): the plan's year, which is
    the report's year (``values.report_year``), or the next one after a whole year's report (2023年 -> 2024), or the
    year ``plan.period`` names. None when the data gives no year."""
    meta = data.get("report") if isinstance(data, dict) else None
    if not isinstance(meta, dict):
        return None
    year = values.report_year(meta.get("year"), meta.get("date"))
    plan = data.get("plan")
    given = plan.get("period") if isinstance(plan, dict) else None
    if isinstance(given, str) and (m := _YEAR.search(given)):
        return int(m.group(1))
    period = meta.get("period")
    if year is None or not isinstance(period, str) or isinstance(given, str):
        return year
    return period_year(period, year) + 1 if period_end(period) == 12 else year
