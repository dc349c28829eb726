"""Official workdays (chinese-calendar: weekends, holidays and the 调休 make-up days the State Council publishes).

    after_workdays(date(2022, 9, 28), 5)  -> (date(2022, 10, 10), False)   # Oct 1-7 off, Oct 8-9 worked

Past the last year the calendar knows, Monday to Friday count, and the second value says so (for a warning).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WORKDAYS = re.compile(r"^\s*(?:交办后|收到后|启动后|自?\S{0,6}起)?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*个?\s*工作日\s*(?:内|以内)?\s*(?:完成|办结|反馈)?\s*$")
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def workdays_in(text: str | None) -> int | None:
    """"15个工作日内", "交办后十个工作日" -> 15, 10; None when the text is no such deadline."""
    if not text:
        return None
    m = WORKDAYS.match(str(text))
    if not m:
        return None
    n = m.group(1)
    if n.isdigit():
        return int(n)
    if n == "十":
        return 10
    if n.startswith("十"):
        return 10 + _CN[n[1]]
    if n.endswith("十"):
        return _CN[n[0]] * 10
    if len(n) == 3 and n[1] == "十":
        return _CN[n[0]] * 10 + _CN[n[2]]
    return _CN.get(n)


def is_workday(day: date) -> tuple[bool, bool]:
    """(a workday, known to the official calendar)."""
    import chinese_calendar

    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:  # a year the installed calendar does not cover yet
        return day.weekday() < 5, False


def after_workdays(start: date, n: int) -> tuple[date, bool]:
    """The n-th workday after ``start`` (the start day itself not counted) and whether every day counted was one the
    calendar knows (False: a year past its last, where only weekends were skipped)."""
    day, count, known = start, 0, True
    while count < n:
        day += timedelta(days=1)
        work, sure = is_workday(day)
        known = known and sure
        if work:
            count += 1
    return day, known
