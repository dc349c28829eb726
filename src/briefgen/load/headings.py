"""Which row of a sheet is the heading row, and which column is which field: headings in any of the forms real tables
use (工作任务/重点任务, 牵头单位, 责任单位, 同比增长(%) …), or the columns briefgen.toml names. A Sheet in, a Table out
(its heading row, its columns by field), or None when the sheet holds no such table."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

from ..model import values
from .. import messages as M
from ..errors import Location, Problem
from .sheets import Cell, Sheet

# Period headings such as "1-6月累计", "2022年1—6月", "上半年完成" name the value column.
_PERIOD_VALUE = re.compile(
    r"^(?:\d{4}年)?(?:\d{1,2}[-—–~至到]\d{1,2}月|上半年|下半年|前三季度|[一二三四1-4]季度|全年|\d{1,2}月)份?"
    r"(?:累计)?(?:完成)?(?:值|数|额)?$"
)


INDICATORS = "indicators"


TASKS = "tasks"


# Each field: its canonical heading first (the key a user's `columns:` mapping uses), then the other headings
# that real tables use for it. Headings are compared after normalisation (see ``normalise_heading``).
TASK_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("序号", "编号", "序"),
    "section": ("所属板块", "板块", "类别", "分类", "领域", "工作板块", "任务类别", "类型", "所属领域", "所属类别"),
    "task": ("工作任务", "重点任务", "任务", "工作内容", "任务内容", "重点工作", "主要任务", "工作事项",
             "重点工作任务", "工作任务及目标", "任务及目标", "主要内容及目标"),
    "title": ("任务名称", "项目名称", "事项名称", "工作名称", "任务标题"),
    "detail": ("具体内容", "主要内容", "具体措施", "工作措施", "工作目标", "目标要求", "具体任务", "任务要求",
               "工作要求", "具体举措"),
    "lead": ("牵头单位", "牵头部门", "牵头科室", "主责单位", "主责部门", "牵头责任单位"),
    "support": ("配合单位", "协办单位", "配合部门", "协办部门", "配合科室", "协同单位", "参与单位", "协助单位"),
    "units": ("责任单位", "责任部门", "责任科室", "责任主体", "实施单位", "承办单位", "责任处室"),
    "due": ("完成时限", "时间节点", "完成时间", "时限", "完成期限", "时间要求", "时限要求", "截止时间",
            "计划完成时间", "完成时限要求"),
    "status": ("进展情况", "完成情况", "推进情况", "工作进展", "进展"),
    "start": ("开始时间", "开始日期", "启动时间", "起始时间", "计划开始时间", "开工时间", "起始日期"),
    "flagged": ("挂牌督办", "是否挂牌督办", "挂牌", "是否挂牌", "挂牌事项", "挂牌督办事项", "重点督办", "是否重点督办"),
}


INDICATOR_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("序号", "编号", "序"),
    "name": ("指标名称", "指标", "主要指标", "项目", "指标项目", "考核指标", "名称", "主要经济指标"),
    "unit": ("单位", "计量单位"),
    "value": ("完成值", "累计", "本期", "累计完成", "完成数", "实际完成", "完成", "绝对值", "数值", "累计值",
              "本年累计", "完成额", "总量", "累计数", "本期值", "实际完成值"),
    "yoy": ("同比增长", "同比", "增幅", "同比增幅", "增速", "同比增速", "增长", "增长率", "同比增长率",
            "比上年同期增长", "比上年增长", "同比增减", "增减", "比上年同期增减"),
    "target": ("目标值", "年度目标", "全年目标", "目标", "年度目标值", "目标任务", "全年目标任务", "年度目标任务",
               "全年目标值"),
    "progress": ("完成进度", "完成年度目标进度", "进度", "完成年度目标", "目标完成率", "完成率", "完成年度目标比例",
                 "完成全年目标", "完成全年目标进度", "年度目标完成率"),
    "rank": ("排名", "全区排名", "位次", "排位", "全区位次", "全市排名"),
    "light": ("亮灯", "灯色", "亮灯情况", "亮灯结果", "亮灯考核", "预警", "亮灯颜色"),
    "note": ("备注", "说明"),
    "estimate": ("预计", "是否预计", "预计数", "是否为预计数"),
}


_REQUIRED_ONE_OF = {
    TASKS: (("task", "title"), ("lead", "units", "support", "due")),
    INDICATORS: (("name",), ("value", "yoy", "target", "progress")),
}


@dataclass
class Column:
    index: int  # 0-based
    label: str  # the heading as written, without its unit: used in messages
    unit: str = ""  # a unit in the heading, e.g. 完成值(亿元)


@dataclass
class Table:
    kind: str
    sheet: Sheet
    first_data_row: int  # 0-based
    columns: dict[str, Column]
    span: tuple[int, int]  # first and last column (0-based) of the heading row
    caption_unit: str | None = None


def normalise_heading(text: object) -> tuple[str, str]:
    """A heading cell -> (bare heading, unit in it): "完成值（亿元）" -> ("完成值", "亿元"), "同比增长(%)" -> ("同比增长", "")."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))
    unit = ""
    while True:
        m = re.search(r"[(\[【〔]([^()\[\]【】〔〕]*)[)\]】〕]$", t)
        if not m:
            break
        inner = m.group(1)
        t = t[: m.start()]
        found = values.caption_unit(inner) or (inner if values.looks_like_unit(inner) else "")
        if found and found not in ("%", "‰") and not unit:
            unit = found
    m = re.search(r"/([^/]+)$", t)
    if m and values.looks_like_unit(m.group(1)) and m.start() > 0:
        unit = unit or (m.group(1) if m.group(1) not in ("%", "‰") else "")
        t = t[: m.start()]
    t = t.rstrip("%±‰:：")
    return t, unit


def _lookup(headings: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalise_heading(h)[0]: f for f, hs in headings.items() for h in hs}


_BY_KIND = {TASKS: TASK_HEADINGS, INDICATORS: INDICATOR_HEADINGS}


_LOOKUP = {kind: _lookup(h) for kind, h in _BY_KIND.items()}


def canonical_headings(kind: str) -> list[str]:
    return [hs[0] for hs in _BY_KIND[kind].values()]


def _match(kind: str, text: str) -> str | None:
    bare, _ = normalise_heading(text)
    if not bare:
        return None
    hit = _LOOKUP[kind].get(bare)
    if hit:
        return hit
    if kind == INDICATORS and _PERIOD_VALUE.match(bare):
        return "value"
    return None


def _user_columns(columns: dict | None, kind: str, name: str, problems: list[Problem]) -> dict[str, str]:
    """`columns: {工作任务: 任务内容}` -> {field: the user's heading (normalised)} for this kind of table."""
    if not columns:
        return {}
    if not isinstance(columns, dict):
        problems.append(Problem(Location(name), "columns", M.columns_mapping()))
        return {}
    out = {}
    for ours, theirs in columns.items():
        key = normalise_heading(ours)[0]
        fields = {k: _LOOKUP[k].get(key) or (str(ours) if str(ours) in _BY_KIND[k] else None) for k in _BY_KIND}
        if not any(fields.values()):
            known = list(dict.fromkeys(canonical_headings(TASKS) + canonical_headings(INDICATORS)))
            problems.append(Problem(Location(name), f"columns.{ours}", M.not_a_heading(known=known)))
            continue
        if fields[kind] and theirs is not None:
            out[fields[kind]] = normalise_heading(theirs)[0]
    return out


def _match_row(kind: str, texts: list[str | None], user: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    by_user = {v: f for f, v in user.items()}
    for c, text in enumerate(texts):
        if not text:
            continue
        bare = normalise_heading(text)[0]
        f = by_user.get(bare)
        if f and f not in found:
            found[f] = c
    for c, text in enumerate(texts):
        if not text or c in found.values():
            continue
        f = _match(kind, text)
        if f and f not in found and f not in user:
            found[f] = c
    return found


def _acceptable(kind: str, found: dict[str, int]) -> bool:
    return all(any(f in found for f in group) for group in _REQUIRED_ONE_OF[kind])


def _texts(row: list[Cell]) -> list[str | None]:
    return [c.text if isinstance(c.value, str) else None for c in row]


def find_table(sheet: Sheet, kind: str, user: dict[str, str], scan: int = 30) -> Table | None:
    """The heading row (or pair of rows, for a grouped heading) of this kind of table, if the sheet has one."""
    best: tuple[int, int, int, dict[str, int], list] | None = None  # score, -row, rows used, fields, texts
    for r in range(min(scan, len(sheet.rows))):
        one = _texts(sheet.rows[r])
        candidates = [(1, one)]
        if r + 1 < len(sheet.rows):
            two_row = _texts(sheet.rows[r + 1])
            # A grouped heading: "1-6月" merged over two columns, "累计" and "同比增长(%)" below it.
            combined = [
                (b if b and _match(kind, b) else a) for a, b in zip(one + [None] * len(two_row), two_row + [None] * len(one))
            ]
            candidates.append((2, combined))
        for used, texts in candidates:
            found = _match_row(kind, texts, user)
            if not _acceptable(kind, found):
                continue
            score = len(found)
            # More recognised headings win; on a tie, a single heading row, then the highest one.
            key = (score, -used, -r)
            if best is None or key > (best[0], -best[2], -best[1]):
                best = (score, r, used, found, texts)
    if best is None:
        return None
    _, r, used, found, texts = best
    columns = {}
    for f, c in found.items():
        label, unit = normalise_heading(texts[c])
        columns[f] = Column(c, label, unit)
    used_cols = [c for c, text in enumerate(texts) if text] or list(found.values())
    span = (min(used_cols), max(used_cols))
    caption = None
    for row in sheet.rows[:r]:
        for cell in row:
            caption = values.caption_unit(cell.value) or caption
    return Table(kind, sheet, r + used, columns, span, caption)


def _wanted(kind: str) -> Any:
    """The table of ``kind`` with the headings it is expected to have (a Message)."""
    if kind == TASKS:
        return M.wants_tasks(headings=M.headings_tasks())
    return M.wants_indicators(headings=M.headings_indicators())


def _no_heading(name: str, kinds: Iterable[str], sheets: list[Sheet]) -> Problem:
    kinds = list(kinds)
    where = M.where_the_file() if len(sheets) == 1 and sheets[0].name is None else (
        M.where_sheet(name=sheets[0].name) if len(sheets) == 1 else M.where_any_sheet(names=[s.name or "" for s in sheets]))
    wants = _wanted(kinds[0])
    for kind in kinds[1:]:
        wants = M.wants_either(first=wants, second=_wanted(kind))
    return Problem(Location(name), "", M.no_heading_row(where=where, wants=wants))
