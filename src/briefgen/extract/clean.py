"""Repair damaged report text: pinyin annotations, Traditional script, folded punctuation.

Reports copied from converted web pages arrive as, e.g. ``啟動區(qū)區(qū)域)`` with ASCII ``, ; : ( )``
where the original had full-width marks. ``clean_text`` undoes the damage in three steps, in this order:

1. strip pinyin annotations (``區(qū)`` -> ``區``, also ``區 (qū)`` and ``會(huì )``, also inside real parentheses);
   then restore the line structure of a report copied as one line (``restore_lines``);
2. Traditional -> Simplified with OpenCC (phrase-aware), unless ``keep_script``;
3. ASCII punctuation next to CJK text -> full width; stray spaces between CJK characters removed.

Numbers such as ``1-6月``, ``220KV``, ``0-3岁`` and decimal points are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import messages as M
from ..i18n import Message
from ..text import ZERO_WIDTH

# CJK ideographs (basic, extension A, compatibility).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Text a full-width mark may sit next to: ideographs, CJK/full-width punctuation, curly quotes, roman numerals.
_WIDE = _HAN + "\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2160-\u217f\u2026\u2014"

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# A pinyin annotation: a bracket holding only lowercase latin letters (with tone marks), directly after a
# CJK character, optionally after one space. Full-width brackets count too (some copies keep them).
_PINYIN = re.compile(rf"(?<=[{_HAN}])[ \u00a0]?[(（]\s?([a-z{_TONED}]{{1,7}})[ \u00a0]?[)）]")

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# A mark with wide text on its left or on its right, e.g. "月," "%;限" ":规".
_MARK = re.compile(rf"(?:(?<=[{_WIDE}])[,;:?!])|(?:[,;:?!](?=\s*[{_WIDE}]))|(?:(?<=[%％])[,;](?=\s*\d))")
# An innermost ASCII bracket pair.
_PAREN = re.compile(r"\(([^()]*)\)")
# An ASCII full stop closing a Chinese sentence (增长5%.完成投资…, …工作.): a 。 (never inside a number: 1.2亿元).
_ASCII_STOP = re.compile(rf"(?<=[{_HAN}%％）”])\.(?=[ \u3000]*(?:[{_HAN}“（]|$))", re.M)
_WIDE_CHAR = re.compile(rf"[{_WIDE}]")
# One space between two wide characters, e.g. "围绕 “1586”", "第一。 辖区". A tab or a run of spaces is a
# column separator of a table typed as text (指标名称  单位  完成值) and stays.
_SPACES = re.compile(rf"(?<=[{_WIDE}])(?<![ \t\u00a0\u3000])[ \u00a0\u3000](?![ \t\u00a0\u3000])(?=[{_WIDE}])")


# A line of running text (not a table typed with spaces): it has the marks of sentences.
_PROSE = re.compile(r"[，。；！？]")
# Spaces a PDF copy leaves inside running text: between CJK characters, digits and %, never next to a Latin letter.
_PROSE_SPACES = re.compile(rf"(?<=[{_WIDE}\d%％])[ \u00a0\u3000]+(?=[{_WIDE}\d%％])")


# 著 is a valid Simplified character, so t2s keeps it where Simplified text writes 着.
_SIMPLIFIED_FIXES = (("随著", "随着"), ("著力", "着力"), ("著重", "着重"), ("著眼", "着眼"), ("意味著", "意味着"),
                     ("接著", "接着"), ("紧接著", "紧接着"), ("围绕著", "围绕着"), ("朝著", "朝着"), ("向著", "向着"))


# --------------------------------------------------------------------------- line structure

_CN = "一二三四五六七八九十"
_MARKER = rf"(?:[{_CN}]{{1,3}}、|[（(][{_CN}]{{1,3}}[)）])"
# A part or section marker inside a line, after the end of a sentence or a gap: "…平稳。二、亮灯情况 在全区…".
_INLINE_MARKER = re.compile(rf"(?:(?<=[。！？；;])|[ \u3000\t]+)(?={_MARKER})")
# A part heading run into its first section: "一、上半年工作情况（一）经济运行稳中有进。".
_HEADING_RUN_ON = re.compile(rf"^([{_CN}]{{1,3}}、[^。，；：,;:\s（(]{{2,24}})(?=[（(][{_CN}]{{1,3}}[)）])")
# A heading and then, after a gap, its text on the same line: "一、总体情况 上半年，…".
_HEADING_GAP = re.compile(rf"^({_MARKER}[^，。；：,;:\s]{{2,20}})[ \u3000]+(?=\S)")
# The title and then, after a gap, the text: "某镇2023年上半年工作总结和下半年工作打算 2023年上半年，…".
_TITLE_GAP = re.compile(r"^([^，。；：,;:\s]{4,60}?(?:总结|报告|打算|思路|计划|通报|通知|情况|分析|方案|清单|要点|安排|公报)"
                        r"(?:[（(][^（）()]{1,8}[)）])?)[ \u3000]+(?=\S)")
# The title run straight into the first part heading: "某街道2023年政府工作报告一、2022年工作回顾…".
_TITLE_RUN_ON = re.compile(r"^([^，。；：,;:\s]{4,60}?(?:总结|报告|打算|思路|计划|通报|情况|分析|方案|要点|安排|公报))"
                           rf"(?=[{_CN}]{{1,3}}、)")
# A signature and a date opening what follows a title: "某县统计局 2024年3月20日 一、综合 …".
_SIGNED_GAP = re.compile(r"^([^，。；：,;:\s]{2,20}(?:局|人民政府|政府|办事处|街道|镇|乡|委员会|办公室))[ \u3000]+"
                         r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:[ \u3000]+(?=\S)|\s*$)")
# A signature and a date ending a one-line copy: "…以上。某街道办事处 2024年7月10日".
_CLOSING = re.compile(r"(?<=[。！？])\s*(?:([^。，；：,;:\s]{2,24}?)\s*)?(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$")


# A page's number between dashes that a PDF copy leaves in the text: "— — — 3 —", "- 12 -".
_PAGE_NUMBER = re.compile(r"^\s*[—\-–]+[\s—\-–]*\d{1,3}[\s—\-–]*[—\-–]+\s*$")
# What opens a line of its own: a part, section or point mark, a label (牵头单位：), a date.
_OPENS_LINE = re.compile(rf"^\s*(?:{_MARKER}|\d{{1,2}}\s*[.．、](?!\d)|[（(]\d{{1,2}}[)）]|[{_CN}]+是|[^，。：:]{{2,6}}[：:]|\d{{4}}\s*年\s*\d{{1,2}}\s*月)")


_SENTENCE_END = ("。", "！", "？", "；", "：", ":", ";")
_TABLE_ROW = re.compile(r"\t|\||[ \u3000]{2,}")


def _width(text: str) -> float:
    """A line's width in Chinese characters as a page prints it: ASCII letters, digits and marks take half."""
    return sum(0.5 if ord(c) < 0x2000 else 1 for c in text)


def join_wrapped(text: str) -> tuple[str, int]:
    """Join the lines of a copy that breaks every line at the page's width (a PDF copy): a line as long as the
    page's width that ends without a sentence's mark goes on in the next one, unless that opens a part, a point
    or a label. Page numbers between dashes go. Returns the text and the number of breaks taken out."""
    lines = text.split("\n")
    prose = [l.strip() for l in lines if _width(l.strip()) >= 12 and not _TABLE_ROW.search(l.strip())]
    if len(prose) < 6:
        return text, 0
    counts = Counter(round(_width(l)) for l in prose)  # widths as printed: digits take half a character
    width = max(counts, key=lambda w: (sum(c for n, c in counts.items() if w - 3 <= n <= w), w))
    near = [l for l in prose if width - 3 <= _width(l) <= width + 1]
    stripped = [l.strip() for l in lines]
    # lines of the page's width that a sentence runs on from (into a next line that opens nothing of its own)
    open_ended = sum(1 for i, l in enumerate(stripped[:-1]) if width - 3 <= _width(l) <= width + 1 and l in near
                     and not l.endswith(_SENTENCE_END) and stripped[i + 1] and not _OPENS_LINE.match(stripped[i + 1]))
    if width < 16 or open_ended < 5 or open_ended < 0.5 * len(near) or len(near) < 0.4 * len(prose):
        return text, 0
    out: list[str] = []
    joined = 0
    for line in lines:
        if _PAGE_NUMBER.match(line):
            joined += 1
            continue
        prev = out[-1].strip() if out else ""
        # a word broken at the line's end: the next line opens with its rest and a list mark (委、各街道党工委)
        broken_word = bool(re.match(r"^[^\s，。、；：:]{1,4}[、，；]", line.strip())) and _width(prev) >= width // 2
        if prev and line.strip() and (_width(prev) >= width - 3 or broken_word) and not prev.endswith(_SENTENCE_END) \
                and not _OPENS_LINE.match(line) and not _TABLE_ROW.search(prev) and not _TABLE_ROW.search(line.strip()):
            out[-1] = out[-1].rstrip() + line.strip()
            joined += 1
        else:
            out.append(line)
    return "\n".join(out), joined


# A number a web page's markup put on a line of its own (…地区生产总值 / 45.6 / 亿元，同比增长 / 8.2%；…).
_NUMBER_WORDS = ("完成", "实现", "达到", "达", "增长", "下降", "为", "共", "累计")
_UNIT_OPENS = re.compile(r"^(?:%|％|个百分点|亿元|万元|元|亿美元|万美元|万吨|吨|万人次|人次|万人|人|家|个|项|户|亩|万亩|公里|平方米|万平方米)"
                         r"(?=$|[，。；、,;）)]|同比|比上年|较上年|增长|下降)")


def join_split_numbers(text: str) -> tuple[str, int]:
    """Join the lines of a sentence that a web page's markup broke around its numbers: a line ending inside a
    sentence (no 。；：) runs on into a line that opens with a number (…，全镇完成地区生产总值 / 45.6…) when it
    ends with a verb a figure follows (完成, 增长 …) or holds a ，; a line ending with a number runs on into a line that
    opens with its unit (45.6 / 亿元，…). Table rows (cells apart by | or runs of spaces) are left alone."""
    lines = text.split("\n")
    out: list[str] = []
    joined = 0
    for line in lines:
        cur = line.strip()
        prev = out[-1].strip() if out else ""
        if prev and cur and not prev.endswith(_SENTENCE_END) and not _TABLE_ROW.search(prev) and not _TABLE_ROW.search(cur) \
                and (re.search(r"\d$", prev) and _UNIT_OPENS.match(cur)
                     or re.match(r"^-?\d+(?:\.\d+)?(?:[%％]|[^\d\s.]|$)", cur) and re.search(rf"[{_HAN}]$", prev)
                     and (prev.endswith(_NUMBER_WORDS) or "，" in prev) and not _OPENS_LINE.match(prev)
                     and not re.match(r"^\d{1,3}\s*[.．、](?!\d)", cur)):
            out[-1] = out[-1].rstrip() + cur
            joined += 1
        else:
            out.append(line)
    return "\n".join(out), joined


_BAR_CELL = re.compile(r"^\s*\|\s?(.*)$")
_ROW_ID = re.compile(r"^([A-Za-z]{0,2})(\d{1,3})$")


def rebuild_cell_lines(text: str) -> tuple[str, int]:
    """A table copied one cell a line, each cell opening with ``|`` (a cell's own line breaks kept: '| 序' '号'):
    back to one row a line, cells joined with `` | ``. The heading is the cells before the first row number
    (1, G1); a row runs from its number to the next (1 -> 2, G1 -> G2); cells that belong to no column (a
    category spanning rows) are left out. Returns the text and the number of rows rebuilt."""
    lines = text.split("\n")
    out: list[str] = []
    rebuilt = 0
    i = 0
    while i < len(lines):
        if not _BAR_CELL.match(lines[i]) or sum(1 for l in lines[i: i + 12] if _BAR_CELL.match(l)) < 6:
            out.append(lines[i])
            i += 1
            continue
        cells: list[str] = []
        j = i
        while j < len(lines):
            m = _BAR_CELL.match(lines[j])
            if m:
                cells.append(m.group(1).strip())
            elif cells and lines[j].strip() and len(lines[j].strip()) <= 16 and not re.search(r"[。；]", lines[j]):
                cells[-1] += lines[j].strip()  # a cell's text broken over lines
            else:
                break
            j += 1
        rows = _cell_rows(cells)
        if rows:
            out += [" | ".join(r) for r in rows]
            rebuilt += len(rows)
        else:
            out += lines[i:j]
        i = j
    return "\n".join(out), rebuilt


# The heading cells of a table: what its columns hold.
_HEAD_CELL = re.compile(r"^(?:序号|编号|类别|分类|指标(?:名称)?|项目(?:名称)?|单位|计量单位|分值|权重|备注|"
                        r"(?:\d{4}年)?(?:年度|全年)?(?:目标|计划|预期)(?:值|任务)?|指标值|完成值|完成情况|"
                        r"(?:重点|工作|主要)?任务(?:名称|内容)?|工作内容|工作事项|具体(?:措施|任务)|(?:民生|为民)?实事(?:项目)?|"
                        r"(?:牵头|责任|配合|协办|主办|参与)(?:单位|部门)|(?:牵头|责任|分管|联系)[区县市镇乡]?领导|完成时限|完成时间|"
                        r"时间节点|时限要求)$")


def rebuild_bare_cells(text: str) -> tuple[str, int]:
    """A table copied one cell a line with no mark between cells (blank lines between cells allowed): three or more
    heading cells (序号, 指标, 单位, 目标值, 牵头单位 …) each on its line, then rows that open with their number (1,
    2, 3 …): back to one row a line, cells joined with `` | ``. Returns the text and the number of rows rebuilt."""
    lines = text.split("\n")
    at = [k for k, line in enumerate(lines) if line.strip()]  # the table's cells, blank lines left aside
    cells = [lines[k].strip() for k in at]
    tables: list[tuple[int, int, list[str]]] = []  # (first cell, past the last cell, rows)
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and _HEAD_CELL.match(re.sub(r"\s", "", cells[j])):
            j += 1
        if j - i < 3 or j >= len(cells) or cells[j] != "1":
            i += 1
            continue
        heading = [re.sub(r"\s", "", c) for c in cells[i:j]]
        rows, k = _bare_rows(cells, j, heading)
        if len(rows) < 2 or any(len(r) < 2 for r in rows):
            i += 1
            continue
        tables.append((i, k, [" | ".join(heading)] + [" | ".join(r) for r in rows]))
        i = k
    if not tables:
        return text, 0
    out: list[str] = []
    rebuilt = 0
    line = 0
    for first, past, rows in tables:
        out += lines[line: at[first]]
        out += rows
        rebuilt += len(rows)
        line = at[past - 1] + 1
    out += lines[line:]
    return "\n".join(out), rebuilt


_TASK_COLUMN = re.compile(r"任务|内容|事项|措施|工作$|实事|项目$")
_OWNER_COLUMN = re.compile(r"(?:牵头|责任|配合|协办|主办|参与)(?:单位|部门)$")
_DUE_COLUMN = re.compile(r"完成时限|完成时间|时间节点|时限要求")
# A cell that names a unit (县住建局, 县护城河指挥部) or gives a deadline (12月底前, 9月投入使用, 5月底前动工).
_UNIT_CELL = re.compile(r"^[^，。；：:,;\s]{2,20}(?:局|委|办|中心|院|所|处|站|队|会|联|公司|集团|政府|街道|镇|乡|"
                        r"指挥部|小组|馆|部|委员会|管委会|办公室)$")
_DUE_CELL = re.compile(r"^[^，。；]{0,6}(?:\d{1,2}月|年底|年内|年前|季度|长期|持续)[^，。；]{0,8}$")


def _bare_rows(cells: list[str], j: int, heading: list[str]) -> tuple[list[list[str]], int]:
    """The rows of a table copied one cell a line, from its first row number at ``j``; and the cell past them."""
    width = len(heading)
    task_col = next((c for c, h in enumerate(heading) if _TASK_COLUMN.search(h)), None)
    owner_cols = [c for c, h in enumerate(heading) if _OWNER_COLUMN.search(h)]
    due_col = next((c for c, h in enumerate(heading) if _DUE_COLUMN.search(h)), None)
    # a task table of 序号 · task · one owner column · deadline: its cells are told apart by what they hold, so an
    # owner cell of several units a line (县水务局 / 县住建局) and a second task under one number are read
    by_kind = task_col is not None and len(owner_cols) == 1 and due_col is not None and width == 4 \
        and sorted([task_col, owner_cols[0], due_col]) == [1, 2, 3]
    rows: list[list[str]] = []
    k, number = j, 1
    while k < len(cells) and cells[k] == str(number):
        end = k + 1
        while end < len(cells) and end - k < width and cells[end] != str(number + 1):
            end += 1
        # a task cell broken over lines: the row runs on to the next number (a few lines more at most)
        more = end
        while task_col is not None and more < len(cells) and more - k < width + 6 and cells[more] != str(number + 1):
            more += 1
        kinds = None
        if by_kind:  # the longest run of cells up to the next number that reads as task, units, deadline
            for stop in range(more, k + 3, -1) if more > end else range(end, k + 3, -1):
                kinds = _row_by_kind(cells[k + 1: stop])
                if kinds:
                    end = stop
                    break
        if not kinds and more > end and more < len(cells) and cells[more] == str(number + 1):
            end = more
        row = cells[k:end]
        if kinds:
            for task, units, due in kinds:
                cols = [""] * width
                cols[0], cols[task_col], cols[owner_cols[0]], cols[due_col] = row[0], task, "、".join(units), due
                rows.append(cols)
        else:
            if len(row) > width and task_col is not None:  # the lines past the width belong to the task's cell
                extra = len(row) - width
                row = row[:task_col] + ["".join(row[task_col: task_col + extra + 1])] + row[task_col + extra + 1:]
            rows.append(row)
        k, number = end, number + 1
    return rows, k


def _row_by_kind(cells: list[str]) -> list[tuple[str, list[str], str]] | None:
    """A row's cells after its number as (task, units, deadline) groups: a task's lines, its unit lines, its
    deadline; a task and deadline that follow share the units before (5 / 开工建设养老楼。/ 县民政局 / 5月底前 /
    开工建设老年大学。/ 12月底前). None when the cells do not read so."""
    out: list[tuple[str, list[str], str]] = []
    task: list[str] = []
    units: list[str] = []
    for cell in cells:
        if _DUE_CELL.match(cell) and task:
            if not units and not out:
                return None
            out.append(("".join(task), units or out[-1][1], cell))
            task, units = [], []
        elif _UNIT_CELL.match(cell) and task:
            units.append(cell)
        elif not units:
            task.append(cell)
        else:
            return None
    if task or units or not out:
        return None
    return out


# The heading cells of an indicator table: the name column, then what the others hold (unit, value, growth …).
_NAME_CELL = re.compile(r"^(?:主要)?(?:指标|指标名称|项目|项目名称)(?:[（(][^（）()]{1,8}[)）])?$")
_COLUMN_CELL = re.compile(
    r"^(?:单位|计量单位|(?:\d{4}年)?(?:\d{1,2}[-—～~至]\d{1,2}月|\d{1,2}月|本月|本年|当月|全年|上半年|前三季度|一季度)?"
    r"(?:完成数?|完成额|完成值|累计(?:完成|数)?|实际完成|绝对[数值额]|数值|总量|本期|本年累计|目标(?:值|任务)?|计划|任务)|"
    r"(?:\d{4}年)?(?:\d{1,2}[-—～~至]\d{1,2}月|\d{1,2}月|上半年|前三季度|一季度|全年)|(?:同比)?(?:增长|增速|增幅|增减|±)(?:率|幅度)?|"
    r"完成(?:进度|率)|占(?:年度|全年)(?:目标|计划|任务)?(?:比重|进度)?)(?:[（(][^（）()]{1,8}[)）])?$")
_NUMBER_CELL = re.compile(r"^[-−－]?\d+(?:\.\d+)?[%％]?$|^[—-]+$")


def rebuild_indicator_cells(text: str) -> tuple[str, int]:
    """An indicator table copied one cell a line with no row numbers: a name heading (指标, 指标名称, 项目) and two
    or more column headings (单位, 完成数, 1-6月, 增幅（%） …) each on its line, then rows of as many lines, each a
    name and the column's cells, one a number at least: back to one row a line, cells joined with `` | ``."""
    lines = text.split("\n")
    out: list[str] = []
    rebuilt = 0
    i = 0
    while i < len(lines):
        if not _NAME_CELL.match(re.sub(r"\s", "", lines[i])):
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _COLUMN_CELL.match(re.sub(r"\s", "", lines[j])):
            j += 1
        width = j - i
        rows: list[list[str]] = []
        k = j
        while width >= 3 and k + width <= len(lines):
            row = [lines[x].strip() for x in range(k, k + width)]
            name, rest = row[0], row[1:]
            if not re.search(r"[\u4e00-\u9fff]", name) or _NUMBER_CELL.match(name) or len(name) > 30 \
                    or not any(_NUMBER_CELL.match(c) and not re.fullmatch(r"[—-]+", c) for c in rest) \
                    or any(len(c) > 12 or not c for c in rest):
                break
            rows.append(row)
            k += width
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        out += [" | ".join(re.sub(r"\s", "", l) for l in lines[i:j])] + [" | ".join(r) for r in rows]
        rebuilt += len(rows) + 1
        i = k
    return "\n".join(out), rebuilt


def _cell_rows(cells: list[str]) -> list[list[str]]:
    ids = [k for k, c in enumerate(cells) if _ROW_ID.match(c.replace(" ", ""))]
    if not ids or ids[0] < 2:
        return []
    first = _ROW_ID.match(cells[ids[0]].replace(" ", ""))
    prefix, number = first.group(1), int(first.group(2))
    starts = [ids[0]]
    for k in ids[1:]:
        m = _ROW_ID.match(cells[k].replace(" ", ""))
        if m.group(1) == prefix and int(m.group(2)) == number + 1 and k - starts[-1] >= 2:
            starts.append(k)
            number += 1
    if len(starts) < 2:
        return []
    width = min(b - a for a, b in zip(starts, starts[1:]))
    heading = cells[: min(width, ids[0])]
    rows = [heading] + [cells[a: a + width] for a in starts]
    return [r for r in rows if len(r) >= 2]


def _in_sequence(line: str) -> bool:
    """A short line holding a run of section marks after full stops: …。（一）抓项目。…（二）抓民生。"""
    marks = re.findall(rf"(?:^|(?<=[。！？；;]))[（(]([{_CN}]{{1,3}})[)）]", line)
    return len(marks) >= 2 and marks[:2] == ["一", "二"] or bool(re.search(rf"[^。！？；;]（一）.*。（二）", line))


def restore_lines(text: str) -> tuple[str, int]:
    text, first = _restore_lines(text)
    if not first:
        return text, 0
    text, second = _restore_lines(text)  # what a title or a signature split off may hold markers in its turn
    return text, first + second


def _restore_lines(text: str) -> tuple[str, int]:
    """Put back the line breaks of a report that arrives as one line (document-sharing sites and PDF copies
    give it so): before inline part and section markers (一、 （二）) of a long line that has at least two of
    them, after a heading followed by a gap, after a title followed by a gap, and before a closing signature
    and date. Returns the text and the number of breaks added."""
    out: list[str] = []
    added = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        pieces = [line]
        if (len(line) >= 120 or re.search(rf"[ \u3000\t]{_MARKER}", line) or _in_sequence(line)) and len(re.findall(_MARKER, line)) >= 2:
            pieces = [p for p in _INLINE_MARKER.split(line)]
            added += len(pieces) - 1
        for piece in pieces:
            if index < 3 and piece is pieces[0]:
                piece, n = _TITLE_GAP.subn("\\1\n", piece.strip(), count=1)
                if not n:
                    piece, n = _TITLE_RUN_ON.subn("\\1\n", piece, count=1)
                added += n
                head, sep, after = piece.partition("\n")
                after, n = _SIGNED_GAP.subn("\\1\n\\2\n", after if sep else head, count=1)
                piece = (head + sep + after if sep else after).rstrip("\n")
                added += 2 * n
            piece, n = _HEADING_RUN_ON.subn("\\1\n", piece.strip() if len(pieces) > 1 else piece, count=1)
            added += n
            piece, n = _HEADING_GAP.subn("\\1\n", piece.strip() if len(pieces) > 1 else piece, count=1)
            added += n
            m = _CLOSING.search(piece)
            if m and m.start() > 0:
                tail = "\n".join(g for g in m.groups() if g)
                piece = piece[: m.start()] + "\n" + tail
                added += 1
            out.append(piece)
    return "\n".join(out), added


@dataclass(frozen=True)
class CleanResult:
    """Repaired text and what the repair did."""

    text: str
    annotations_removed: int
    punctuation_fixed: int
    spaces_removed: int
    converted: bool  # Traditional -> Simplified applied
    lines_restored: int = 0  # line breaks put back into a report copied as one line
    lines_joined: int = 0  # breaks taken out of a copy that broke every line at the page's width
    rows_rebuilt: int = 0  # table rows put back together from a copy that gave one cell a line

    @property
    def summary(self) -> Message:
        """What the repair did, worded when shown: "3 pinyin annotations removed, 12 punctuation marks …"."""
        steps = [M.clean_pinyin(n=self.annotations_removed), M.clean_marks(n=self.punctuation_fixed),
                 M.clean_spaces(n=self.spaces_removed)]
        if self.converted:
            steps.append(M.clean_converted())
        if self.lines_restored:
            steps.append(M.clean_lines(n=self.lines_restored))
        if self.lines_joined:
            steps.append(M.clean_joined(n=self.lines_joined))
        if self.rows_rebuilt:
            steps.append(M.clean_rows(n=self.rows_rebuilt))
        return M.clean_steps(steps=steps)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    # opencc (PyPI) 1.1.x accepts "t2s" and "t2s.json"; try both so another build of the package works too.
    for config in ("t2s", "t2s.json"):
        try:
            return opencc.OpenCC(config)
        except Exception:  # noqa: BLE001 - the package raises different types per version
            continue
    raise RuntimeError("OpenCC has no t2s configuration")  # pragma: no cover


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    for config in ("s2t", "s2t.json"):
        try:
            return opencc.OpenCC(config)
        except Exception:  # noqa: BLE001
            continue
    raise RuntimeError("OpenCC has no s2t configuration")  # pragma: no cover


def to_traditional(text: str) -> str:
    return _s2t().convert(text)


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def strip_pinyin(text: str) -> tuple[str, int]:
    """Remove pinyin annotations; returns the text and how many were removed."""
    return _PINYIN.subn("", text)


def _spaced_row(line: str) -> bool:
    """A table row typed with one space between its cells (no marks of a sentence): three cells or more, a number
    among them after the first (地区生产总值 亿元 185.6 5.8), or a heading of a name cell and column cells
    (指标名称 单位 1-9月 同比增长（%）)."""
    if _PROSE.search(line):
        return False
    cells = line.split()
    if len(cells) < 3:
        return False
    if any(_NUMBER_CELL.match(c) for c in cells[1:]) and re.search(rf"[{_HAN}]", cells[0] + cells[1]):
        return True
    return bool(_NAME_CELL.match(cells[0]) or cells[0] in ("序号", "编号") and _NAME_CELL.match(cells[1])) \
        and sum(1 for c in cells[1:] if _COLUMN_CELL.match(c)) >= 2


_OWNER_CELL = re.compile(r"^(?:牵头|责任|配合|协办|主办|主责|承办)(?:单位|部门|科室)$")
_TASK_CELL = re.compile(r"任务|工作|事项|内容|项目|指标")


def _spaced_task_rows(lines: list[str]) -> set[int]:
    """The lines of a task table typed with one space between cells: a heading of short cells naming a task
    column and an owner column (序号 重点工作 牵头单位 配合单位 完成时限), then rows that open with their number
    and have as many cells."""
    kept: set[int] = set()
    width = 0
    for i, line in enumerate(lines):
        cells = line.split()
        if len(cells) >= 3 and not _PROSE.search(line) and all(len(c) <= 10 for c in cells) \
                and any(_OWNER_CELL.match(c) for c in cells) and any(_TASK_CELL.search(c) for c in cells):
            kept.add(i)
            width = len(cells)
        elif width and len(cells) == width and re.fullmatch(r"\d{1,3}", cells[0]):
            kept.add(i)
        else:
            width = 0
    return kept


def fix_punctuation(text: str) -> tuple[str, int, int]:
    """ASCII , ; : ? ! ( ) next to CJK text -> full width; spaces between CJK characters removed.

    Returns the text, the number of marks changed and the number of space runs removed.
    """
    text, marks = _MARK.subn(lambda m: _HALF_TO_FULL[m.group(0)], text)
    text, stops = _ASCII_STOP.subn("。", text)
    marks += stops

    parens = 0

    def paren(m: re.Match) -> str:
        nonlocal parens
        start, end = m.span()
        before = m.string[start - 1] if start else ""
        after = m.string[end] if end < len(m.string) else ""
        if _WIDE_CHAR.search(m.group(1)) or _WIDE_CHAR.match(before or " ") or _WIDE_CHAR.match(after or " "):
            parens += 2
            return f"（{m.group(1)}）"
        return f"\x00{m.group(1)}\x01"  # keep as ASCII; hide from the next round

    # Innermost pairs first, so nested brackets convert from the inside out.
    while True:
        text, n = _PAREN.subn(paren, text)
        if not n:
            break
    text = text.replace("\x00", "(").replace("\x01", ")")
    lines = text.split("\n")
    spaces = 0
    kept = _spaced_task_rows(lines)
    for i, line in enumerate(lines):
        if not _spaced_row(line) and i not in kept:  # a table row with one space between cells keeps its spaces
            lines[i], n = _SPACES.subn("", line)
            spaces += n
    for i, line in enumerate(lines):
        if _PROSE.search(line):  # a sentence copied from a PDF: 15 亿元, 同  比下降, 增长 3.2 %, 1 2.6%
            lines[i], n = _PROSE_SPACES.subn("", line)
            spaces += n
    return "\n".join(lines), marks + parens, spaces


_FULL_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")


def narrow_numbers(text: str) -> str:
    """Full-width digits, decimal points and % of a web page (１２．６％) -> ASCII; thousands' commas taken out
    (1,234.5万元 -> 1234.5万元)."""
    text = text.translate(_FULL_DIGITS)
    text = re.sub(r"(?<=\d)．(?=\d)", ".", text)
    return re.sub(r"(?<=\d)[,，](?=\d{3}(?!\d))", "", text)


def clean_text(text: str, keep_script: bool = False) -> CleanResult:
    """Repair one report's text (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ZERO_WIDTH.sub("", text)  # a DOCX's word joiners, a BOM
    text = narrow_numbers(text)
    text, annotations = strip_pinyin(text)
    text, joined = join_wrapped(text)
    text, rows = rebuild_cell_lines(text)
    text, bare = rebuild_bare_cells(text)
    rows += bare
    text, bare = rebuild_indicator_cells(text)
    rows += bare
    # a page number between dashes on a line of its own (- 1 -, — 2 —) is the page's, not the text's: it goes also
    # where the lines are not wrapped at one width (…存贷款余额达7338万元和4022 / - 1 - / 万元，同比增长…)
    lines = text.split("\n")
    kept = [l for l in lines if not _PAGE_NUMBER.match(l)]
    joined += len(lines) - len(kept)
    text = "\n".join(kept)
    text, split = join_split_numbers(text)
    joined += split
    text, restored = restore_lines(text)
    converted = False
    if not keep_script:
        text, converted = simplify(text)
    text, marks, spaces = fix_punctuation(text)
    return CleanResult(text, annotations, marks, spaces, converted, restored, joined, rows)


def _simplified_char(ch: str) -> bool:
    """A character of Simplified text: one GB2312 encodes (乾, 於 and 著 are, 區 and 發 are not)."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def simplify(text: str) -> tuple[str, bool]:
    """Traditional -> Simplified, never changing text that is already Simplified: a text in Traditional (three or
    more characters no Simplified text writes) is converted whole; in a Simplified text only the stray Traditional
    characters are (a name such as 乾 stays). Returns the text and whether anything was converted."""
    traditional = {ch for ch in set(text) if "\u3400" <= ch <= "\u9fff" and not _simplified_char(ch) and to_simplified(ch) != ch}
    if not traditional:
        return text, False
    if len(traditional) >= 3:
        text = to_simplified(text)
        for wrong, right in _SIMPLIFIED_FIXES:
            text = text.replace(wrong, right)
        return text, True
    return "".join(to_simplified(ch) if ch in traditional else ch for ch in text), True
