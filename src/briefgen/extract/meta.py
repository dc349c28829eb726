"""The lines around a report's text and what they say: its title, date line, addressee, signature, the year it
names most, and which part headings report what was done."""

from __future__ import annotations

import re
from datetime import date

from .structure import Line, part_kind

PLACEHOLDER = "待定"


def _compose_title(issuer: str, review_heading: str, plan_heading: str) -> str:
    def core(heading: str, words: tuple[str, ...]) -> str:
        body = re.sub(r"^[一二三四五六七八九十]+、\s*", "", heading).strip()
        for w in words:
            body = body.replace(w, "")
        return body

    first = core(review_heading, ("工作回顾", "工作总结", "工作情况", "回顾"))
    second = core(plan_heading, ("重点工作", "工作思路", "工作计划", "工作打算", "工作安排"))
    if first and second:
        year1 = re.match(r"\d{4}年", first)
        if year1 and second.startswith(year1.group(0)):
            second = second[len(year1.group(0)):]
        kind = "工作计划" if "计划" in plan_heading else "工作思路"
        return f"{issuer if issuer != PLACEHOLDER else ''}{first}工作总结和{second}{kind}"
    return f"{issuer}{first or second}工作报告"


def _closing_line(text: str) -> bool:
    return bool(_date_in(text)) and len(text) <= 20 or bool(re.fullmatch(r".{2,14}(?:街道办事处|人民政府|街道|镇|乡)", text))


def _year_named_most(text: str, when: date | None) -> int | None:
    """The year a text names most (2021年 three times, 2019年 once -> 2021), the later on a tie; years after the
    report's date or today, and years a comparison names (比2019年, 较2020年同期), left out."""
    last = (when or date.today()).year
    counts: dict[int, int] = {}
    for m in re.finditer(r"(?<![\d])(\d{4})\s*年", text):
        year = int(m.group(1))
        if 1949 < year <= last and not re.search(r"(?:比|较|与|同)$", text[max(0, m.start() - 2): m.start()]):
            counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def _date_in(text: str) -> date | None:
    m = re.search(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_KIND_WORDS = re.compile(r"总结|报告|打算|思路|计划|通报|通知|情况|分析|简析|综述|概况|快报|经济指标|方案|清单|要点|安排|分解|分工|任务|摘要|简报|汇报|公报")
_META_LINE = re.compile(r"^\s*(?:发布|成文|印发|发文|更新)(?:时间|日期)\s*[：:]|^\s*来源\s*[：:]|^\s*(?:索引号|文\s*号|主题分类)\s*[：:]")


# A site's breadcrumbs, a line of page chrome: taken out before the text is read.
CRUMBS = re.compile(r"^\s*(?:当前位置|您的位置|您现在的位置)\s*[：:]|^\s*首页\s*[>＞»›/]|^[^。，；]{0,40}[>＞»›][^。，；]{0,40}[>＞»›]"
                    r"|^\s*刊发(?:日期|时间)\s*[：:]|^[^。，；]{0,40}(?:阅读次数|点击(?:数|量|次数)|浏览次数)\s*[：:]")
# A site's breadcrumbs (当前位置：首页 > 政务公开 > 计划总结) or a table's row: never the title.
_BREADCRUMB = re.compile(r"[>＞»›]|^(?:当前位置|您的位置|您现在的位置|首页)|\||\t|^附件|组配分类|公开方式|公开范围|有效性|登记号|体裁分类|主题分类|索引号")


def _title_index(body: list[Line]) -> int | None:
    """Which of the first lines is the title: short, no full stop, no numbering, not a part heading, and
    naming the kind of document (总结, 报告, 情况, 通报, 通知, 方案 …)."""
    seen = 0  # lines of text looked at (a page's chrome, codes and bullets not counted)
    for i, line in enumerate(body[:40]):
        text = line.text.strip()
        if _META_LINE.search(text) or _date_line(text) or text.endswith(("：", ":")) or _BREADCRUMB.search(text) \
                or len(re.findall(r"[\u4e00-\u9fff]", text)) < 2 or text.startswith(("•", "·", "●")):
            continue  # a publication line, a date, an addressee, a site's breadcrumbs, a table's row, a code
        seen += 1
        if seen > 6:
            break
        if seen == 1 and re.search(r"\d{4}\s*年", text) and re.search(r"(?:情况|分析|简析|综述|概况)$", text) and len(text) <= 40 \
                and not re.match(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])", text):
            return i  # 2023年上半年经济运行情况: a first line of its own is the title, not a part heading
        if len(text) > 60 or re.search(r"[。；]$", text) or "，" in text and "《" not in text:
            if seen >= 3:
                break
            continue
        if re.match(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])", text):
            break
        if part_kind(text) and not (re.search(r"\d{4}\s*年", text) and re.search(r"街道|镇|乡|区|县|市", text)
                                    or re.search(r"分析|通报|报告|通知|方案|清单|简报|公报", text)):
            break  # a part heading (2023年工作回顾), not the title (某街道2023年上半年工作总结)
        if _KIND_WORDS.search(text):
            # a site's links to the same report of other years above this one (2023年县政府工作报告 / 2022年县政府工作
            # 报告 / ——在…会议上): the title is the last of them, the one over the text
            j = i
            while j + 1 < len(body) and body[j + 1].text.strip() != body[j].text.strip() and \
                    re.sub(r"\d{4}", "", body[j + 1].text.strip()) == re.sub(r"\d{4}", "", body[j].text.strip()):
                j += 1
            return j
    return None


def _date_line(text: str) -> bool:
    """A line that is only a date: 2024年3月5日, （2025年1月16日）, 2024-07-20."""
    return bool(re.fullmatch(r"[（(]?\s*\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?\s*[）)]?", text.strip()))


def _front_line(text: str) -> bool:
    """Lines between the title and the text: an addressee (各科室、各社区：), a speech's line (——2024年1月18日在…
    会议上, 县长 王某), a greeting (各位代表：), a publication line (发布时间：…)."""
    t = text.strip()
    # a speech's line opens with a dash and names its day or its meeting; a list's dash (——地区生产总值…) does not
    return bool(_META_LINE.search(t) or _date_line(t) or re.match(r"^(?:——|—)\s*(?:\d{4}\s*年|.{0,30}(?:会议|大会|讲话|报告))", t)
                or (len(t) <= 40 and t.endswith(("：", ":")) and "。" not in t)
                or re.fullmatch(r"(?:[县区市镇乡]长|[县区市镇乡]委书记|主任|党工委书记)\s*\S{2,4}", t))


# The title of a document that is a plan as a whole.
_PLAN_DOCUMENT = re.compile(r"任务分解|任务分工|责任分解|责任分工|分工方案|责任清单|任务清单|工作要点|实施方案|行动方案|工作计划|工作安排")
_FUTURE_HEADING = re.compile(r"计划|打算|思路|安排|下半年|下一步|下步|明年|今后|目标|要求|建议|举措|\d{4}年")


def _done_plan_part(lines: list[Line], kinds: list, at: int) -> bool:
    """A part headed only 重点工作 (or 主要任务) that reports what was done: results in its text (figures
    with 增长/完成/实现 and no 力争/确保), and another plan part after it or no time word in its heading."""
    heading = lines[at].text
    if _FUTURE_HEADING.search(re.sub(r"^(?:第)?[一二三四五六七八九十]+(?:、|部分)", "", heading)):
        return False
    end = next((j for j in range(at + 1, len(lines)) if kinds[j] is not None), len(lines))
    body = "\n".join(l.text for l in lines[at + 1: end])
    done = len(re.findall(r"(?:完成|实现|新增|累计|同比)[^，。；]{0,16}?\d", body))
    future = len(re.findall(r"力争|确保|争取|计划|将", body))
    return done >= 2 and done > future


def _signature_line(text: str) -> bool:
    # a numbered line (一、区教育局) heads a part, it signs nothing
    return bool(re.fullmatch(r".{2,20}(?:人民政府办公室|办公室|统计局|局|管委会|委员会)", text.strip())) and "。" not in text \
        and not re.match(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、])", text)
