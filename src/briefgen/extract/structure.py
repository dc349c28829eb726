"""Cleaned report text -> its parts: metadata, review sections and points, plan sections and lead tasks.

The shapes handled are those of Chinese local-government half-year and annual reports:

- a header table (索引号 / 发布机构 / 成文日期 / 主题分类 …), lines with ``|`` between cells;
- a review part (``一、2022年上半年工作回顾``), an intro paragraph, then sections numbered ``一、`` or ``（一）``,
  each a heading sentence, some intro sentences and points marked ``一是`` / ``二是`` (or ``1.`` at a line start);
- a plan part (``二、2022年下半年重点工作``), an intro, then sections ``（一）`` … whose lead tasks are either
  short clauses ending in 。 followed by detail sentences, ``一是`` … points in running text, or numbered lines.

Everything here works on plain strings; ``figures`` finds the numbers inside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_NUM = "一二三四五六七八九十"
_CN_VALUE = {c: i + 1 for i, c in enumerate(CN_NUM)}


def cn_number(text: str) -> int | None:
    """一 -> 1 … 十 -> 10, 十一 -> 11, 二十 -> 20; arabic digits pass through."""
    if text.isdigit():
        return int(text)
    if text in _CN_VALUE:
        return _CN_VALUE[text]
    m = re.fullmatch(rf"([{CN_NUM[:9]}])?十([{CN_NUM[:9]}])?", text)
    if m:
        return (_CN_VALUE[m.group(1)] if m.group(1) else 1) * 10 + (_CN_VALUE[m.group(2)] if m.group(2) else 0)
    return None


@dataclass
class Line:
    text: str
    number: int  # 1-based line number in the input


# --------------------------------------------------------------------------- sentences

def sentences(text: str) -> list[str]:
    """Split at 。！？ (keeping the mark) and at line breaks; a closing quote after the mark stays with it."""
    out = []
    for para in text.split("\n"):
        for m in re.finditer(r"[^。！？]+(?:[。！？][”’」』）]*|$)", para):
            s = m.group(0).strip()
            if s:
                out.append(s)
    return out


def clauses(sentence: str, marks: str = "，；：、。！？") -> list[str]:
    """Split a sentence at ，；：、 (or the ``marks`` given) outside quotes and brackets (the marks are dropped)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        if ch in "“‘（《「(":
            depth += 1
        elif ch in "”’）》」)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in marks:
            out.append(sentence[start:i])
            start = i + 1
    out.append(sentence[start:])
    return [c.strip() for c in out if c.strip()]


def strip_end(text: str) -> str:
    return text.strip().rstrip("。；，：！？").strip()


# --------------------------------------------------------------------------- metadata

_META_KEYS = {
    "索引号": "index_no",
    "文号": "doc_no",
    "发布机构": "issuer",
    "成文日期": "date",
    "主题分类": "category",
    "发文机关": "issuer",
    "发布日期": "published",
    "发文字号": "doc_no",
    "发布时间": "published",
    "来源": "source",
    "信息来源": "source",
    "发布单位": "issuer",
    "发文单位": "issuer",
}
# 索引号：…, 索引号: | … |, and the bracketed form of some portals: | [ 索引号 ] | … |
_META_KEY_RE = re.compile(r"(?:[\[［【]\s*)?(索引号|文\s*号|发布机构|发文机关|成文日期|发布日期|主题分类|公开方式|体裁分类|有效性|发文字号|"
                          r"发布时间|发布单位|发文单位|(?<![\u4e00-\u9fff])(?:信息)?来源|浏览次数|字号)\s*(?:[\]］】]|[：:])")


def header_fields(lines: list[Line]) -> tuple[dict[str, tuple[str, int]], set[int]]:
    """The header table's fields -> (value, line number), and the line numbers it used."""
    found: dict[str, tuple[str, int]] = {}
    used: set[int] = set()
    for line in lines[:15]:
        keys = list(_META_KEY_RE.finditer(line.text))
        if not keys:
            continue
        used.add(line.number)
        for k, m in enumerate(keys):
            end = keys[k + 1].start() if k + 1 < len(keys) else len(line.text)
            value = line.text[m.end():end]
            value = " ".join(p.strip() for p in value.split("|") if p.strip())
            key = _META_KEYS.get(re.sub(r"\s", "", m.group(1)))
            if key and value and key not in found:
                found[key] = (value, line.number)
    return found, used


# --------------------------------------------------------------------------- parts

_PART_MARK = re.compile(rf"^((?:第)?[{CN_NUM}]+(?:、|部分[、：:\s]?))\s*(.*)$")
_REVIEW_WORDS = ("工作回顾", "工作总结", "工作情况", "主要工作", "工作成效", "回顾", "完成情况", "推进情况", "进展情况",
                 "开展情况", "运行情况", "落实情况", "总体情况", "亮灯情况", "主要成效", "工作成绩", "取得的成绩")
_PLAN_WORDS = ("重点工作", "工作思路", "工作计划", "工作打算", "工作安排", "工作重点", "主要任务", "工作目标", "目标任务", "工作谋划", "工作设想",
               "总体要求", "预期目标", "下步要求", "下一步", "工作建议", "工作举措", "重点任务")
_PROBLEM_WORDS = ("存在的问题", "存在问题", "问题和不足", "困难和问题", "问题与不足", "短板和不足", "不足之处", "面临的困难")
# A heading about what comes next: its time word, then the work (下步工作措施, 下半年重点, 四季度工作打算).
_AHEAD = re.compile(r"^(?:下步|下一步|下半年|下阶段|下一阶段|明年|今后|(?:第)?四季度|下一年度?)(?:的)?(?:主要|重点)?"
                    r"(?:工作|打算|措施|重点|安排|计划|思路|举措|任务|目标|设想|谋划)")
# A heading that is only about problems (存在的主要问题, 问题与困难, 存在不足).
_PROBLEM_HEADING = re.compile(r"(?:存在的?|面临的?|当前|目前)?(?:主要)?(?:问题|不足|困难|短板)(?:[和与及](?:不足|困难|问题|短板|挑战))?")
# Words of a heading about what was done, which a plan word in it does not turn into a plan:
# 重点工作推进情况, 重点任务完成情况.
_DONE_WORDS = ("情况", "成效", "回顾", "总结", "成绩")


def part_kind(text: str) -> str | None:
    """'review', 'plan' or 'problems' for a part heading line (short, no full stop), else None."""
    marked = _PART_MARK.match(text)
    body = _PART_MARK.sub(r"\2", text).strip()
    if not body or "。" in body or len(body) > 32 or (not marked and len(body) > 16):
        return None
    if any(w in body for w in ("总结", "回顾")) and any(w in body for w in ("思路", "计划", "打算", "安排")):
        return None  # the report's title: 2022年上半年工作总结和下半年工作思路
    if any(w in body for w in _PROBLEM_WORDS) or _PROBLEM_HEADING.fullmatch(body):
        return "problems"
    if any(w in body for w in _PLAN_WORDS) and not any(w in body for w in _DONE_WORDS):
        return "plan"
    if _AHEAD.match(body) and not any(w in body for w in _DONE_WORDS):
        return "plan"  # 下步工作, 下半年主要工作, 今后工作, 下阶段工作: what is still to be done
    if any(w in body for w in _REVIEW_WORDS):
        return "review"
    return None


_MARK_ONLY = re.compile(rf"^(?:第)?[{CN_NUM}]+(?:、|部分[、：:\s]?)\s*")
# What a part heading's words go on with when they are still the heading: 重点工作推进情况, 主要任务完成情况.
_SENTENCE_OPENS = re.compile(rf"^(?:[{CN_NUM}]+是|[（(][{CN_NUM}\d]+[)）]|\d|[：:]|今年|全年|上半年|前三季度|一季度|一年来|过去|近年|去年)")
_HEADING_GOES_ON = ("情况", "成效", "推进", "完成", "进展", "落实", "开展", "回顾", "总结", "和", "及", "与")


def split_glued_heading(text: str) -> tuple[str, str] | None:
    """A part heading run straight into its first sentence, as one-line copies give it: '二、2023年工作打算一是抓
    项目，…' -> ('二、2023年工作打算', '一是抓项目，…'); None when the line is no such heading (the heading's words
    go on: 二、重点工作推进情况, or no sentence follows)."""
    m = _MARK_ONLY.match(text)
    if not m:
        return None
    body = text[m.end():]
    if len(body) < 8 or not re.search(r"[，。；：]", body):
        return None
    best = 0
    for word in _PLAN_WORDS + _REVIEW_WORDS + _PROBLEM_WORDS:
        for found in re.finditer(re.escape(word), body[:34]):
            end = found.end()
            rest = body[end:].lstrip()
            kind = part_kind(text[: m.end()] + body[:end])
            if not rest or rest.startswith(_HEADING_GOES_ON) or kind is None:
                continue
            if kind != "plan" and not _SENTENCE_OPENS.match(rest):
                continue  # 一、主要工作完成情况较好: a sentence, unless what follows opens one (2022年以来，…)
            if not re.search(r"[，。；：]", rest[:60]):
                continue
            best = max(best, end)
    if not best:
        return None
    head, rest = text[: m.end() + best], body[best:].lstrip().lstrip("：:").lstrip()
    return (head, rest) if rest else None


# A paragraph that opens the plan without a heading of its own: "下半年，街道将重点抓好以下工作：一是…",
# "重点抓好以下工作：".
_PLAN_OPENING = re.compile(
    r"^(?:(?:下半年|下一步|今后|明年|下阶段|接下来|\d{4}年)[，,]?[^。；]{0,16}?(?:将|要)[^。；]{0,12}?(?:重点|着力|全力|抓好|做好|推进)"
    r"|(?:重点)?(?:抓好|做好)以下(?:几[项个方面]|\S{0,4})?工作"
    # a sentence that reports the plan's list: 他在报告中提出2019年要重点做好八项工作：一是…
    r"|[^。；：]{0,24}?(?:\d{4}年|今年|明年|下半年|下一步)[^。；：]{0,8}?(?:将|要)[^。；：]{0,6}?(?:做好|抓好|推进|突出|抓实)"
    r"[^。；：]{0,8}?工作[：:]\s*一是)")


def opens_plan(text: str) -> bool:
    return bool(_PLAN_OPENING.match(text.strip()))


# --------------------------------------------------------------------------- sections

_SECTION_MARKS = {
    "cn": re.compile(rf"^([{CN_NUM}]+)、\s*"),
    "paren": re.compile(rf"^[（(]([{CN_NUM}]+)[）)]\s*"),
    "arabic": re.compile(r"^(\d{1,2})[.．、]\s*(?!\d)"),
}


@dataclass
class Block:
    """A numbered section: its number, heading sentence and the text after it, with its first line."""

    number: int
    heading: str
    body: str
    line: int
    marker: str = ""


def split_sections(lines: list[Line], min_marks: int = 2) -> tuple[str, list[Block], int]:
    """Lines of one part -> (intro text, sections). Chooses the marker style the part uses (the first with
    at least ``min_marks`` marked lines)."""
    style = None
    for name in ("cn", "paren", "arabic"):
        if sum(1 for l in lines if _SECTION_MARKS[name].match(l.text)) >= min_marks:
            style = name
            break
    if style is None:
        return "\n".join(l.text for l in lines), [], 0
    mark = _SECTION_MARKS[style]
    intro: list[str] = []
    blocks: list[Block] = []
    current: list[Line] = []
    number = 0

    def close():
        if current:
            first = mark.sub("", current[0].text, count=1)
            text = "\n".join([first] + [l.text for l in current[1:]])
            heading, body = _heading(text)
            blocks.append(Block(number, heading, body, current[0].number, style))

    for line in lines:
        m = mark.match(line.text)
        if m:
            close()
            number = cn_number(m.group(1)) or len(blocks) + 1
            current = [line]
        elif current:
            current.append(line)
        else:
            intro.append(line.text)
    close()
    return "\n".join(intro), blocks, len(blocks)


def _heading(text: str) -> tuple[str, str]:
    """A section's heading sentence (without its 。) and the rest."""
    first_line, _, rest_lines = text.partition("\n")
    m = re.match(r"([^。！？]*[。！？])", first_line)
    if m and len(m.group(1)) <= 40:
        heading, rest = m.group(1), first_line[m.end():]
    elif "。" not in first_line and len(first_line) <= 40:
        heading, rest = first_line, ""
    elif m:  # a long first sentence: the heading is its first clause
        c = re.match(r"([^，；]*)[，；]", first_line)
        heading, rest = (c.group(1), first_line[c.end():]) if c and len(c.group(1)) <= 30 else (m.group(1), first_line[m.end():])
    else:
        heading, rest = first_line, ""
    body = "\n".join(p for p in (rest.strip(), rest_lines.strip()) if p)
    return strip_end(heading), body


# --------------------------------------------------------------------------- points (一是 / 二是)

_POINT = re.compile(rf"(?:^|(?<=[。；;！？\n\]］】]))\s*([{CN_NUM}]+)是[，,：:]?")
_NUMBERED = re.compile(r"(?:^|(?<=\n))\s*(?:(\d{1,2})[.．、]|[（(](\d{1,2})[）)])\s*(?!\d)")


@dataclass
class Point:
    title: str
    text: str
    marker: str  # "是" for 一是-points, "num" for numbered lines


def split_points(body: str) -> tuple[str, list[Point]]:
    """Body text -> (intro before the first point, points). 一是/二是 in running text, or numbered lines."""
    marks = [m for m in _POINT.finditer(body)]
    marks = _in_sequence(marks, lambda m: cn_number(m.group(1)))
    kind = "是"
    if len(marks) < 2:
        numbered = _in_sequence(list(_NUMBERED.finditer(body)), lambda m: int(m.group(1) or m.group(2)))
        if len(numbered) >= 2:
            marks, kind = numbered, "num"
        elif len(marks) < 1:
            return body.strip(), []
    intro = body[: marks[0].start()].strip()
    points = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        title, text = _point_title(body[m.end():end].strip())
        points.append(Point(title, text, kind))
    return intro, points


def _in_sequence(marks: list, number) -> list:
    """Keep the run of marks numbered 1, 2, 3 … (drops a stray 一是 inside other text)."""
    out, want = [], 1
    if marks and marks[0].start() <= 1 and number(marks[0]) > 1:
        want = number(marks[0])  # a section whose items go on numbering the section before (3. 4. after 1. 2.)
    for m in marks:
        if number(m) == want:
            out.append(m)
            want += 1
    return out


def _point_title(text: str) -> tuple[str, str]:
    """'保持经济指标稳定运行。一季度…' -> ('保持经济指标稳定运行', '一季度…').

    The title is the first sentence; when that sentence is long, its first clause (as in
    '一是加快优势产业复工，10月底前完成…')."""
    text = text.strip()
    m = re.match(r"([^。！？\n]*)([。！？]|\n|$)", text)
    first = m.group(1)
    c = re.match(r"([^，；：]{2,8})，(?=力争|确保|争取|年内|年底|\d)", first)
    if c:  # 抓招商，力争引进项目3个: a short aim, then its target
        return strip_end(c.group(1)), text[c.end():].strip()
    if len(first) > 14:  # 加快项目招引，力争年内引进超亿元项目3个 -> 加快项目招引 + the rest
        c = re.match(r"([^，；：]{2,24})[，；：]", first)
        if c:
            return strip_end(c.group(1)), text[c.end():].strip()
    return strip_end(first), text[m.end():].strip()


# --------------------------------------------------------------------------- plan tasks

# Verbs that open a lead task (加快优势产业复工提产。) in the reports seen.
TASK_VERBS = (
    "加快", "加强", "加大", "坚持", "做精", "做优", "做细", "做强", "做实", "做好", "做大", "做深", "营造", "增强", "提升",
    "推进", "推动", "强化", "深化", "优化", "完善", "健全", "落实", "抓好", "抓实", "抓牢", "打造", "建设", "实施",
    "开展", "聚焦", "狠抓", "着力", "持续", "聚力", "突出", "扎实", "统筹", "巩固", "培育", "构建", "创新", "守牢",
    "筑牢", "提高", "保障", "夯实", "激发", "壮大", "拓展", "扩大", "促进", "全力", "全面", "深入", "严格", "注重",
    "坚决", "确保", "紧盯", "围绕", "用好", "办好", "防范", "维护", "改善", "发展",
)

_DEADLINE = re.compile(
    r"(?:力争|争取|确保|计划|预计)?"
    r"((?:\d{4}(?=年[内底末])|\d{4}年)?(?:年内|年底前|年底|年末|[一二三四1-4]季度末?|\d{1,2}月(?:底|末|份|中旬|上旬|下旬)?前?))"
)


@dataclass
class PlanTask:
    title: str
    detail: str
    due_text: str | None = None


def split_tasks(body: str) -> tuple[str, list[PlanTask], str]:
    """A plan section's body -> (intro, tasks, how they were found)."""
    intro, points = split_points(body)
    if len(points) >= 2:
        return intro, [PlanTask(p.title, p.text.rstrip("；;，, ")) for p in points], "points"
    sents = sentences(body)
    flags = [_task_shape(s) for s in sents]
    # Use the stricter shape where a section has at least two of them, so that a short two-clause
    # detail sentence (常态化开展疫情防控，保障防疫社会面稳定。) is not taken for a task in a section of
    # one-clause tasks.
    n_short = sum(1 for f in flags if f == "short")
    n_pair = sum(1 for f in flags if f == "pair")
    want = "short" if n_short >= 2 or (n_short and not n_pair) else "pair"
    starts = [i for i, f in enumerate(flags) if f == want]
    if not starts:
        return body.strip(), [], "none"
    intro = "".join(sents[: starts[0]])
    tasks = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(sents)
        tasks.append(PlanTask(strip_end(sents[i]), "".join(sents[i + 1:end])))
    return intro, tasks, want


def _task_shape(sentence: str) -> str | None:
    """'short' for 加快优势产业复工提产。, 'pair' for 坚持指标引领，抓好片区联动开发。, else None."""
    s = sentence.strip()
    if not s.endswith("。"):
        return None
    s = s[:-1]
    if re.search(r"[\d“”\"《（(]", s) or not s.startswith(TASK_VERBS):
        return None
    parts = re.split(r"[，；]", s)
    if len(parts) == 1 and 4 <= len(s) <= 14:
        return "short"
    if len(parts) == 2 and all(3 <= len(p) <= 9 for p in parts) and parts[1].startswith(TASK_VERBS):
        return "pair"
    return None


def find_deadline(text: str) -> str | None:
    """The first deadline written in a task's text: 年内, 10月底前, 2022年10月底前, 力争6月底 -> 6月底."""
    for m in _DEADLINE.finditer(text):
        value = m.group(1)
        # a month alone is a deadline only with 底/前/末 or an opener such as 力争
        if re.fullmatch(r"\d{1,2}月", value) and not m.group(0).startswith(("力争", "争取", "确保", "计划")):
            continue
        return value
    return None
