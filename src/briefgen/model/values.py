"""Values as staff write them -> typed values, keeping the original wording for display.

"9.5%" -> 9.5, "下降0.2%" -> -0.2, "年内" -> 12-31 of the report's year, "2022年10月底前" -> 2022-10-31,
"2022.12" -> 2022-12-31. The report's year itself comes from ``report_year`` (one rule for every caller).
Each parser raises ValueError with a message fit to show the user after the location and field.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from .. import messages as M

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋％，", "0123456789.-+%,")
_MINUS = ("−", "–", "—", "－")

_CN_DIGIT_VALUE = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4,
                   "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_CN_UNIT_VALUE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_VALUE = {"万": 10_000, "亿": 100_000_000}


def chinese_number(text: object) -> Decimal | None:
    """A number written in Chinese numerals, as an input method or a dictated figure gives it: 九点五 -> 9.5,
    三十一点三 -> 31.3, 一百二十 -> 120, 两千零五 -> 2005, 二〇二二 -> 2022, 负零点二 -> -0.2; None for anything else
    (a value with no Chinese numeral, or wording such as 高 or 约3亿)."""
    if not isinstance(text, str):
        return None
    t = "".join(text.split()).translate(_FULLWIDTH).removesuffix("%")
    sign = 1
    for word in ("负", "下降", "减少", "降低"):
        if t.startswith(word):
            sign, t = -1, t[len(word):]
    t = t.removeprefix("百分之")
    whole, dot, fraction = t.partition("点")
    if not whole or not any(ch in _CN_DIGIT_VALUE or ch in _CN_UNIT_VALUE for ch in whole + fraction):
        return None
    digits = {**_CN_DIGIT_VALUE, **{str(i): i for i in range(10)}}
    if dot and (not fraction or any(ch not in digits for ch in fraction)):
        return None
    if all(ch in digits for ch in whole):  # 二〇二二: digit by digit
        number = int("".join(str(digits[ch]) for ch in whole))
    else:
        total = section = 0
        current: int | None = None
        for ch in whole:
            if ch in digits:
                if current is not None and current != 0:
                    return None  # 三五十: two digits in a row without a unit
                current = digits[ch]
            elif ch in _CN_UNIT_VALUE:
                section += (1 if current is None else current) * _CN_UNIT_VALUE[ch]
                current = None
            elif ch in _CN_BIG_VALUE:
                total += (section + (current or 0)) * _CN_BIG_VALUE[ch]
                section, current = 0, None
            else:
                return None
        number = total + section + (current or 0)
    value = Decimal(number)
    if dot:
        value += Decimal("0." + "".join(str(digits[ch]) for ch in fraction))
    return value * sign


def chinese_digits(text: object) -> str | None:
    """The digits a figure written in Chinese numerals should be ("九点五" -> "9.5"; "31。3", an input method's
    full stop for the point, -> "31.3"), for a message; else None."""
    number = chinese_number(text)
    if number is None and isinstance(text, str) and re.fullmatch(r"\s*[-+]?\d+。\d+\s*", text):
        number = Decimal(text.strip().replace("。", "."))
    return None if number is None else str(tidy_decimal(number))


def _not_a_number(value: object) -> ValueError:
    digits = chinese_digits(value)
    return ValueError(M.not_a_number_write(value=value, digits=digits) if digits else M.not_a_number(value=value))


def parse_number(value: object) -> Decimal:
    """A plain number, as typed in a cell or a YAML file: 31.3, "31.3", "4,050", "３１.３"."""
    if isinstance(value, bool):
        raise ValueError(M.not_a_number(value=value))
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
        raise _not_a_number(value) from None


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
        digits = chinese_digits(value)
        raise ValueError(M.not_a_percentage_write(value=value, digits=digits) if digits
                         else M.not_a_percentage(value=value)) from None
    return number * sign


_YEAR_MONTH = re.compile(r"^(\d{4})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{1,2}))?\s*(?:前|以前|之前)?$")
_DUE_YMD = re.compile(r"^(?:(\d{4})\s*[年./-]\s*)?(\d{1,2})\s*[月./-]\s*(?:(\d{1,2})\s*日?)?\s*(底|末|中旬|上旬|下旬)?\s*(前|以前|之前)?$")
_DUE_YEAR_END = ("年内", "年底前", "年底", "年末", "年底以前", "全年", "长期", "持续推进")
_DUE_YEAR_END_OF = re.compile(r"^(\d{4})\s*年?\s*(?:" + "|".join(sorted(_DUE_YEAR_END, key=len, reverse=True))
                              + r"|内|底前?|末|底以前)$")
_DUE_QUARTER = re.compile(r"^(?:(\d{4})\s*年\s*)?(?:第?([一二三四1-4])季度)(?:末|底)?(?:前)?$")
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}
_DUE_TRADITIONAL = str.maketrans("內節", "内节")  # deadlines in a report kept in Traditional script


_DUE_DONE = re.compile(r"(?<=\S)(?:前完成|完成|办结|到位|完工|落实)$")
_CN_MONTH = re.compile(r"(?<![一二三四五六七八九十\d])(十[一二]|[一二三四五六七八九十])(?=\s*月)")
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}


def _cn_months(text: str) -> str:
    """十月底 -> 10月底, 十二月底前 -> 12月底前 (months written in Chinese numerals)."""
    return _CN_MONTH.sub(lambda m: str(_CN_MONTHS[m.group(1)]), text)


# Wording that task tables use for work with no single deadline: it sorts at the end of the report's year and
# is shown as written (Task.due_text). Matched at the start, so 长期坚持, 每月10日前报送, 按序时推进 all count.
_DUE_ONGOING = ("长期", "持续", "常态化", "常态长效", "长效", "每年", "每半年", "每季度", "每季", "每月", "每旬",
                "每周", "每日", "每天", "按月", "按季", "按周", "按年", "按序时", "按时序", "按进度", "按计划",
                "定期", "逐月", "逐季", "动态", "全年", "全程", "经常性", "日常", "常年")
_DUE_ONGOING_RE = re.compile(r"^(?:" + "|".join(sorted(_DUE_ONGOING, key=len, reverse=True)) + r")[\w，、,（）()]{0,20}$")
# Wording that names a point of the year: (month, day) of the last day it allows.
_DUE_NAMED = {
    "下半年": (12, 31), "下半年内": (12, 31), "下半年底": (12, 31), "下半年底前": (12, 31), "年内完成": (12, 31),
    "上半年": (6, 30), "上半年内": (6, 30), "上半年底": (6, 30), "上半年底前": (6, 30), "年中": (6, 30), "年中前": (6, 30),
    "国庆前": (9, 30), "国庆节前": (9, 30), "国庆": (9, 30), "国庆以前": (9, 30), "国庆节以前": (9, 30),
    "元旦前": (12, 31), "元旦节前": (12, 31), "五一前": (4, 30), "劳动节前": (4, 30), "七一前": (6, 30),
    "三季度内": (9, 30), "四季度内": (12, 31),
}
# Wording that names a time but not one date: accepted, sorted at the date given, and warned about (due_doubt).
_DUE_VAGUE = {
    "春节前": ((12, 31), M.doubt_spring(word="春节前")),
    "春节节前": ((12, 31), M.doubt_spring(word="春节前")),
    "汛期前": ((5, 31), M.doubt_flood(word="汛期前")),
    "汛前": ((5, 31), M.doubt_flood(word="汛前")),
    "主汛期前": ((5, 31), M.doubt_flood(word="主汛期前")),
    "开学前": ((8, 31), M.doubt_school()),
}
_DUE_WORD_YEAR = re.compile(r"^(\d{4})\s*年\s*(.+)$")


def _due_words(text: str) -> tuple[int | None, tuple[int, int], object | None] | None:
    """Deadline wording (下半年, 国庆前, 长期坚持 …) -> (year it names or None, (month, day), doubt or None)."""
    named_year = None
    m = _DUE_WORD_YEAR.match(text)
    if m:
        named_year, text = int(m.group(1)), m.group(2).strip()
    text = text.removesuffix("完成").strip() or text
    if text in _DUE_NAMED:
        return named_year, _DUE_NAMED[text], None
    if text in _DUE_VAGUE:
        when, doubt = _DUE_VAGUE[text]
        return named_year, when, doubt
    if _DUE_ONGOING_RE.match(text):
        return named_year, (12, 31), None
    return None


def due_doubt(text: str | None) -> object | None:
    """Why a deadline's wording is ambiguous (春节前: which 春节?), for a warning; None when it is clear."""
    if not text:
        return None
    cleaned = re.sub(r"^(?:力争|争取|确保|计划)", "", str(text).strip().translate(_FULLWIDTH).translate(_DUE_TRADITIONAL))
    worded = _due_words(_DUE_DONE.sub("", cleaned) or cleaned)
    return worded[2] if worded else None


def is_ongoing_due(text: str | None) -> bool:
    """Whether a deadline's wording is ongoing work (长期坚持, 常态化, 每月): shown as written, sorted at the year's end."""
    if not text:
        return False
    cleaned = re.sub(r"^(?:\d{4}\s*年)?", "", str(text).strip().translate(_FULLWIDTH))
    return bool(_DUE_ONGOING_RE.match(cleaned))


def parse_due(value: object, year: int | None) -> date:
    """A deadline as written in task tables -> the last day it allows.

    Free wording is read too: 十月底 (Chinese month numbers), 下半年 and 年底前 (12-31), 上半年 (6-30), 国庆前
    (9-30), and ongoing work (长期坚持, 常态化, 每月, 每季度, 持续, 按序时推进 …) at the year's end, its sortable date;
    ambiguous wording (春节前, 汛期前) is accepted and ``due_doubt`` says why it deserves a warning.
    ``year`` is the report's year, used when the text names no year (年内, 12月底前); with ``year`` None such a
    text is an error (the deadline would otherwise silently fall in the wrong year). Year and month alone
    (2022.12, 2022/12, 2022-12) mean the last day of that month.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and re.fullmatch(r"\d{4}\.1", repr(value)):
        # YAML and Excel read a typed 2022.10 as the number 2022.1.
        y = int(value)
        raise ValueError(M.due_jan_or_oct(value=value, year=str(y)))
    text = str(value).strip().translate(_FULLWIDTH).translate(_DUE_TRADITIONAL)
    text = re.sub(r"^(?:力争|争取|确保|计划)", "", text)
    text = _cn_months(text)  # 十月份 -> 10月份, then 10月份 -> 10月
    text = re.sub(r"(\d)\s*月份", r"\1月", text)
    text = _DUE_DONE.sub("", text) or text
    if not text:
        raise ValueError(M.due_required())

    def the_year() -> int:
        if year is None:
            raise ValueError(M.due_no_year(value=value))
        return year

    m = _DUE_YEAR_END_OF.match(text)
    if m:
        return date(int(m.group(1)), 12, 31)
    if text in _DUE_YEAR_END:
        return date(the_year(), 12, 31)
    worded = _due_words(text)
    if worded is not None:
        named_year, (month, day), _ = worded
        y = named_year or the_year()
        return date(y, month, day)
    m = _DUE_QUARTER.match(text)
    if m:
        y = int(m.group(1)) if m.group(1) else the_year()
        q = _CN_DIGIT.get(m.group(2)) or int(m.group(2))
        month = q * 3
        return date(y, month, calendar.monthrange(y, month)[1])
    m = _YEAR_MONTH.match(text) or _DUE_YMD.match(text)
    if m:
        y = int(m.group(1)) if m.group(1) else the_year()
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(M.no_such_month(value=value, month=month))
        last = calendar.monthrange(y, month)[1]
        part = m.group(4) if m.re is _DUE_YMD else None
        if m.group(3):
            day = int(m.group(3))
            if not 1 <= day <= last:
                raise ValueError(M.no_such_day(value=value, day=day))
        elif part == "中旬":
            day = 20
        elif part == "上旬":
            day = 10
        else:
            day = last
        return date(y, month, day)
    raise ValueError(M.not_a_deadline(value=value))


_DATE = re.compile(r"^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$")


def parse_date(value: object) -> date:
    """The report's date: a date, or text such as 2022-07-29, 2022年7月29日, 2022/7/29 (JSON has no dates)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip().translate(_FULLWIDTH)
        m = _DATE.match(text)
        if m:
            y, month, day = (int(g) for g in m.groups())
            if not 1 <= month <= 12:
                raise ValueError(M.no_such_month(value=value, month=month))
            if not 1 <= day <= calendar.monthrange(y, month)[1]:
                raise ValueError(M.no_such_day(value=value, day=day))
            return date(y, month, day)
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise ValueError(M.not_a_date(value=value))


def parse_year(value: object) -> int:
    """A year as written: 2022, "2022", "2022年", 2022.0 -> 2022; anything else (2022.5, "22", True) is an error."""
    number: Decimal | None = None
    if isinstance(value, bool) or value is None:
        number = None
    elif isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        text = value.strip().translate(_FULLWIDTH).removesuffix("年").strip()
        if re.fullmatch(r"\d{4}(?:\.0*)?", text):
            number = Decimal(text)
    if number is None or not number.is_finite() or number != number.to_integral_value() or not 1900 <= number <= 2199:
        raise ValueError(M.not_a_year(value=value))
    return int(number)


def report_year(year: object, when: object) -> int | None:
    """The report's year: ``report.year`` when it is a whole year, else the year of ``report.date`` (a date or a
    date string, as JSON and quoted YAML give it); None when neither gives one.

    The one rule for the report's year: the model (deadlines without a year, ``Meta.report_year``) and the
    table loaders (``briefgen.load.assemble``) all use it. It never raises: the model reports a bad year or date itself.
    """
    if year is not None:
        try:
            return parse_year(year)
        except ValueError:
            pass
    try:
        return parse_date(when).year
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------------------
# Table cells: the words and shapes that indicator and task tables use (see load.tables).

_LIGHTS = {
    "绿": "green", "绿灯": "green", "绿色": "green", "green": "green", "g": "green", "●绿": "green",
    "黄": "yellow", "黄灯": "yellow", "黄色": "yellow", "yellow": "yellow", "y": "yellow",
    "红": "red", "红灯": "red", "红色": "red", "red": "red", "r": "red",
}


def parse_light(value: object) -> str:
    """A traffic light as written in a 亮灯 column: 绿/绿灯/green, 黄, 红 -> "green", "yellow", "red"."""
    text = str(value).strip().lower().replace(" ", "")
    if text in _LIGHTS:
        return _LIGHTS[text]
    raise ValueError(M.not_a_light(value=value))


_YES = {"是", "预计", "√", "✓", "✔", "y", "yes", "true", "1", "●", "○", "估", "预估"}
_NO = {"否", "不是", "×", "✗", "n", "no", "false", "0", "实际", "-", "—", "/"}


def parse_flag(value: object) -> bool:
    """A yes/no cell such as 是否预计: 是/√/预计/1 -> True, 否/×/0/blank -> False."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return value != 0
    text = str(value).strip().lower()
    if not text or text in _NO:
        return False
    if text in _YES:
        return True
    raise ValueError(M.not_yes_no(value=value))


_TOTAL = re.compile(r"^(?:全\S{1,3}|本\S{1,3})?[合总小共]计(?:数)?[:：]?$")


def is_total(value: object) -> bool:
    """Whether a cell names a totals row of a table: 合计, 总计, 小计, 全区合计 (spaces between allowed)."""
    return isinstance(value, str) and bool(_TOTAL.match(re.sub(r"\s+", "", value)))


_EMPTY_MARKS = {"", "-", "--", "—", "——", "/", "／", "－", "无", "n/a", "na"}


def is_blank(value: object) -> bool:
    """True for an empty cell or a dash/slash that tables use for "nothing here"."""
    return value is None or (isinstance(value, str) and value.strip().lower() in _EMPTY_MARKS)


_QUANTITY = re.compile(r"^\s*([+\-−–—－]?[0-9０-９][0-9０-９,，.．]*)\s*(\S*?)\s*$")


def parse_quantity(value: object) -> tuple[Decimal, str]:
    """A number possibly followed by its unit: "31.3亿元" -> (31.3, "亿元"), "4,050" -> (4050, "")."""
    if not isinstance(value, str):
        return parse_number(value), ""
    m = _QUANTITY.match(value.translate(_FULLWIDTH))
    if not m or (m.group(2) and not looks_like_unit(m.group(2))):
        raise _not_a_number(value)
    return parse_number(m.group(1)), m.group(2)


_UNIT_CHARS = set("%‰十百千万亿元美港欧币人口民次户家个位名所座栋套间辆台部件项条张株棵头只匹吨斤克升"
                  "方立平米里公亩顷标准箱煤千瓦时度批场起宗篇册本份床/㎡㎞")


def looks_like_unit(text: str) -> bool:
    """Whether a short text is a unit of measure (亿元, 万美元, 亩, %), not a remark such as 现价."""
    text = text.strip()
    return 0 < len(text) <= 8 and all(ch in _UNIT_CHARS for ch in text)


_PROGRESS_PREFIX = re.compile(r"^(?:已?完成|达到|占)?(?:全年|年度|年)?(?:目标|任务|计划)?(?:任务)?(?:的|进度)?")


def parse_progress(value: object) -> Decimal:
    """A share of the annual target: 52.3, "52.3%", "完成年度目标的52.3%"."""
    if isinstance(value, str):
        text = value.strip().translate(_FULLWIDTH)
        rest = _PROGRESS_PREFIX.sub("", text, count=1)
        if rest != text and rest:
            text = rest
        try:
            return parse_percent(text)
        except ValueError:
            raise _not_a_number(value) from None
    return parse_percent(value)


_UNIT_SPLIT = re.compile(r"[、，,；;/／\s]+|(?<=[局办所站队院心会司部委处科])和(?=\S)")


def split_units(text: object) -> list[str]:
    """A list of departments as one cell holds it: "区发改局、区经信局，街道经发办" -> three names."""
    if text is None:
        return []
    if isinstance(text, (list, tuple)):
        return [str(t).strip() for t in text if str(t).strip()]
    return [p.strip() for p in _UNIT_SPLIT.split(str(text)) if p and p.strip()]


_SECTION_NUMBER = re.compile(
    r"^\s*(?:"
    r"[（(]\s*[一二三四五六七八九十百零〇]+\s*[)）]"  # （一）
    r"|[一二三四五六七八九十百零〇]+\s*[、.．]"  # 一、
    r"|第[一二三四五六七八九十百零〇\d]+(?:(?:部分|章|节|篇|板块|方面)[、.．:：\s]?|[、.．:：\s])"  # 第一部分
    r"|[（(]\s*\d+\s*[)）]"  # （1）
    r"|\d+\s*[、.．](?!\d)"  # 1、 1.
    r")\s*"
)


def strip_numbering(text: str) -> str:
    """ "（一）加强稳链复链，…" -> "加强稳链复链，…"; "一、…", "1.…", "（1）…" likewise."""
    return _SECTION_NUMBER.sub("", str(text), count=1).strip()


def has_numbering(text: str) -> bool:
    """Whether a text starts with a heading number such as （一）, 一、 or 第一部分."""
    return bool(_SECTION_NUMBER.match(str(text)))


def leading_number(text: str) -> str | None:
    """The arabic item number a text starts with ("3.推进…" -> "3"), if any."""
    m = re.match(r"^\s*[（(]?\s*(\d+)\s*[)）、.．]", str(text).translate(_FULLWIDTH))
    return m.group(1) if m else None


def split_title_detail(text: str) -> tuple[str, str]:
    """A task as one cell: "short title。detail" -> (title, detail); without 。, the first line is the title."""
    text = str(text).strip()
    if "。" in text:
        title, _, detail = text.partition("。")
        return title.strip(), detail.strip()
    if "\n" in text:
        title, _, detail = text.partition("\n")
        return title.strip(), detail.strip()
    return text, ""


_CAPTION_UNIT = re.compile(r"(?:计量)?单位\s*[:：]\s*([^\s,，;；)）]+)")


def caption_unit(text: object) -> str | None:
    """The unit a caption row declares: "单位：亿元" -> "亿元"."""
    if not isinstance(text, str):
        return None
    m = _CAPTION_UNIT.search(text)
    return m.group(1) if m and looks_like_unit(m.group(1)) else None


def tidy_decimal(d: Decimal) -> Decimal:
    """9.500 -> 9.5, 100.0 -> 100 (never 1E+2): a value as a person would write it."""
    d = d.normalize()
    return d.quantize(Decimal(1)) if d.as_tuple().exponent > 0 else d
