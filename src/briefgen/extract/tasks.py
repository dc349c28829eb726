"""Task-assignment documents (目标任务分解, 责任分解, 任务分工, 责任清单) -> tasks with their lead and supporting units.

Three shapes are read:

- numbered lines followed by label lines::

      1.全年实现税收收入增长8%以上。
      牵头单位：经济发展办
      配合单位：财政所、招商服务中心

- labels in brackets after the task, on its line: ``4.实施重点项目120个。[牵头单位：县发改局；配合单位：县住建局]``
  (also （…） and 【…】, and labels run on after the task's text: ``…。牵头单位：A；责任单位：B``);
- a table (text with tabs, runs of spaces or ``|`` between cells, or a Word table): 序号 · 工作任务 · 牵头单位 ·
  配合单位 · 完成时限.

Where only 责任单位 is given, the first unit named leads (the common convention). Numbered lines without labels
that stand before labelled tasks are the headings of the task groups (一、经济发展).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.values import split_units
from .structure import Line, strip_end
from .tables import cells

_ROLE_WORDS = {
    "lead": ("牵头单位", "牵头部门", "牵头科室", "主责单位", "主办单位", "主责部门", "主办部门", "承办单位", "牵头责任单位"),
    "duty": ("责任单位", "责任部门", "责任科室", "主要责任单位", "责任主体", "实施单位", "落实单位"),
    "support": ("配合单位", "配合部门", "协办单位", "协助单位", "协同单位", "参与单位", "协作单位", "配合科室", "协办部门",
                "配合责任单位", "参与部门"),
    "leader": ("责任领导", "分管领导", "牵头领导", "联系领导"),
    "due": ("完成时限", "完成时间", "时间节点", "时限要求"),
}
_WORD_ROLE = {w: role for role, words in _ROLE_WORDS.items() for w in words}
_LABEL = re.compile("(" + "|".join(sorted(_WORD_ROLE, key=len, reverse=True)) + r")\s*[：:]")
_BRACKETED = re.compile(r"[\[［【（(]\s*((?:" + "|".join(sorted(_WORD_ROLE, key=len, reverse=True)) + r")\s*[：:].*?)[\]］】）)]\s*[。；;]?\s*$")
# Roles written as verbs after the units: （区发改局主办，区财政局协办）, 责任分工：区发改局负责，区统计局配合。
_VERB_ROLE = {"主办": "lead", "牵头": "lead", "负责": "lead", "协办": "support", "配合": "support", "协助": "support",
              "参与": "support", "协同": "support"}
_VERB_SEGMENT = re.compile(r"^(?P<units>[^，,；;。]{2,80}?)(?P<verb>" + "|".join(_VERB_ROLE) + r")$")
_INNER = r"(?:[^（）()]|[（(][^（）()]*[)）])"  # a bracket's text, with brackets of its own one deep
_VERB_BRACKET = re.compile(r"[（(](" + _INNER + r"{2,160}?(?:主办|牵头|负责)" + _INNER + r"*)[）)]\s*[。；;]?\s*$")
# Numbered items run into one line (a copy that lost its breaks): '…。[牵头单位：A] 2.新增就业…' splits before 2.
_RUN_ON_ITEM = re.compile(r"(?<=[。；;）)\]】])\s*(?=\d{1,3}\s*[.．、](?!\d))")
_DUTY_LINE = re.compile(r"^\s*(?:责任分工|职责分工|分工|任务分工)\s*[：:]\s*")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*[.．、](?!\d)|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十]{1,3}[)）])\s*")


@dataclass
class TaskItem:
    text: str
    line: int
    units: dict[str, list[str]] = field(default_factory=dict)
    due_text: str | None = None

    @property
    def lead(self) -> str | None:
        named = self.units.get("lead") or self.units.get("duty") or []
        return named[0] if named else None

    @property
    def support(self) -> list[str]:
        lead = self.units.get("lead") or []
        duty = self.units.get("duty") or []
        rest = lead[1:] + (duty if lead else duty[1:]) + (self.units.get("support") or [])
        out: list[str] = []
        for unit in rest:
            if unit not in out and unit != self.lead:
                out.append(unit)
        return out


@dataclass
class TaskGroup:
    title: str
    items: list[TaskItem] = field(default_factory=list)


def parse_labels(text: str) -> dict[str, list[str]]:
    """'牵头单位：县发改局；配合单位：县统计局、县税务局' -> {'lead': [...], 'support': [...]}."""
    out: dict[str, list[str]] = {}
    marks = list(_LABEL.finditer(text))
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        value = text[m.end():end].strip().strip("；;，,。 ")
        role = _WORD_ROLE[m.group(1)]
        if role == "due":
            out.setdefault("due", []).append(value)
        elif role != "leader":
            # a note on the list (按职责分工负责, 排名不分先后, 下同) is no part of the last unit's name
            value = re.sub(r"\s*[（(][^（）()]*(?:按|职责|分工|不分先后|排名|排序|下同|为牵头)[^（）()]*[)）]\s*$", "", value)
            for unit in split_units(value):
                marked = re.sub(r"\s*[（(]\s*牵头\s*[)）]$", "", unit)  # 市发改委（牵头）in a list: it leads
                target = "lead" if marked != unit else role
                if marked and marked not in out.get(target, []):
                    out.setdefault(target, []).append(marked)
    return out


def parse_verbs(text: str) -> dict[str, list[str]] | None:
    """'区发改局主办，区财政局、区统计局协办' -> {'lead': ['区发改局'], 'support': ['区财政局', '区统计局']}; None
    when a part of the text is no 'units + role verb' (a sentence, not an assignment)."""
    out: dict[str, list[str]] = {}
    parts = [p.strip() for p in re.split(r"[，,；;]", text.strip().rstrip("。；; ")) if p.strip()]
    if not parts:
        return None
    for part in parts:
        m = _VERB_SEGMENT.match(part)
        if not m:
            return None
        role = _VERB_ROLE[m.group("verb")]
        named = m.group("units")
        by_duty = re.search(r"(?:按照?|根据)(?:各自)?(?:职责|职能)(?:分工)?$", named)
        if by_duty and m.group("verb") == "负责":  # A牵头，B按职责分工负责: B are the units that carry it out with A
            named = named[: by_duty.start()]
            if not named:
                return None
            if "lead" in out:
                role = "support"
        # 由A负责: the 由 that opens the units is no part of the first one's name
        units = [re.sub(r"等(?:单位|部门)?$", "", u) for u in
                 split_units(re.sub(r"^由", "", re.sub(r"(?:共同|具体|分别|做好)$", "", named))) if u]
        units = [u for u in units if u]
        if not units:
            return None
        out.setdefault(role, []).extend(u for u in units if u not in out.get(role, []))
    return out if "lead" in out else None


def _verb_bracket(text: str, trailing: bool = True) -> tuple[int, dict[str, list[str]]] | None:
    """Roles as verbs at the end of a task: in a bracket (（A主办，B协办）) or as its last sentence (…。A牵头，B配合。).
    The lead must look like a unit: （按职责分工负责） names none."""
    m = _VERB_BRACKET.search(text)
    units = parse_verbs(m.group(1)) if m else None
    if units and not all(_UNIT_END.search(u) or u.startswith(("各", "相关", "有关")) for u in units["lead"]):
        units = None
    if units:
        return m.start(), units
    return trailing_owners(text) if trailing else None


# What a unit's name ends with (局, 委, 办, 中心, 街道 …): a clause that names units, not a sentence.
_UNIT_END = re.compile(r"(?:局|委|办|部|中心|院|所|处|站|队|会|公司|集团|政府|街道|镇街|镇|乡|社区|村|单位|部门|指挥部|小组|馆|科|室|厅|署|社|团|组|园区|联|协|台)"
                       r"(?:[（(][^（）()]*[)）])?$")


def trailing_owners(text: str) -> tuple[int, dict[str, list[str]]] | None:
    """The clauses closing a task that name its owners with verbs: '…，区市场监管局牵头，区商务委配合。' ->
    (where they start, {'lead': [...], 'support': [...]}); every unit named must look like one (…局, …委, …街道)."""
    body = text.rstrip().rstrip("。；;")
    starts = [0] + [m.end() for m in re.finditer(r"[，。；,;]", body)]
    at = None
    for k in range(len(starts) - 1, -1, -1):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(body)
        m = _VERB_SEGMENT.match(body[starts[k]: end].strip())
        if not m or not all(_UNIT_END.search(u) for u in split_units(m.group("units"))):
            break
        at = starts[k]
    units = parse_verbs(body[at:]) if at is not None else None
    return (at, units) if units else None


def _item(text: str, line: int, labels: str = "") -> TaskItem:
    units = parse_labels(labels) if labels else {}
    due = (units.pop("due", None) or [None])[0]
    return TaskItem(strip_end(text), line, units, due)


def find_tasks(lines: list[Line]) -> tuple[list[TaskGroup], set[int]]:
    """The task groups of a task-assignment document (labels or a table), and the line numbers used."""
    lines = [Line(piece, l.number) for l in lines for piece in (_RUN_ON_ITEM.split(l.text) if _NUMBERED.match(l.text) else [l.text])
             if piece.strip()]
    groups, used = _table_tasks(lines)
    if groups:
        return groups, used
    return _labelled_tasks(lines)


def _labelled_tasks(lines: list[Line]) -> tuple[list[TaskGroup], set[int]]:
    marked = [l for l in lines if _LABEL.findall(l.text) or _verb_bracket(l.text, bool(_NUMBERED.match(l.text)))
              or _DUTY_LINE.match(l.text)]
    labels = sum(len(_LABEL.findall(l.text)) + bool(_verb_bracket(l.text, bool(_NUMBERED.match(l.text)))) + bool(_DUTY_LINE.match(l.text))
                 for l in marked)
    arabic = re.compile(r"^\s*\d{1,3}\s*[.．、](?!\d)")
    # one numbered task with its owners in a closing bracket, the list going on after it (a copy cut short before
    # the next one's owners): a task list too
    one = labels == 1 and arabic.match(marked[0].text) and _verb_bracket(marked[0].text) is not None \
        and any(arabic.match(l.text) for l in lines if l.number > marked[0].number)
    if labels < 2 and not one:
        return [], set()
    groups: list[TaskGroup] = []
    used: set[int] = set()
    pending: list[Line] = []  # numbered lines seen since the last task: group headings or the next task
    current: TaskItem | None = None

    def group() -> TaskGroup:
        if not groups:
            groups.append(TaskGroup(""))
        return groups[-1]

    def flush_pending_as_headings(keep_last: bool) -> Line | None:
        """Numbered short lines seen before a task are the headings of its group; the last one, when a
        label line follows it, is the task itself."""
        last = pending[-1] if keep_last and pending else None
        for p in pending[:-1] if keep_last else pending:
            t = p.text.strip()
            if _NUMBERED.match(t) and len(t) <= 60 and "。" not in t.rstrip("。"):  # a group's heading, also a long one
                groups.append(TaskGroup(strip_end(_NUMBERED.sub("", t, count=1))))
                used.add(p.number)
        pending.clear()
        return last

    def task_above(current):
        """The task a duty or label line belongs to: the one being read, or the pending numbered line above it
        made into one (None when there is none)."""
        if current is not None and not pending:
            return current
        task_line = flush_pending_as_headings(keep_last=True)
        if task_line is None:
            return None
        item = _item(_NUMBERED.sub("", task_line.text, count=1), task_line.number)
        group().items.append(item)
        used.add(task_line.number)
        return item

    for line in lines:
        text = line.text.strip()
        label_at = _LABEL.search(text)
        duty = _DUTY_LINE.match(text)
        verbs = parse_verbs(text[duty.end():]) if duty else None
        if verbs is not None:  # 责任分工：区发改局负责，区统计局配合。 (a line under its task)
            current = task_above(current)
            if current is None:
                continue
            for role, units in verbs.items():
                current.units.setdefault(role, []).extend(u for u in units if u not in current.units.get(role, []))
            used.add(line.number)
            continue
        by_verbs = _verb_bracket(text, trailing=bool(_NUMBERED.match(text)))
        if by_verbs is not None:  # 1.建设产业园。（区发改局主办，区财政局协办）
            flush_pending_as_headings(keep_last=False)
            current = _item(_NUMBERED.sub("", text[: by_verbs[0]], count=1), line.number)
            current.units = by_verbs[1]
            group().items.append(current)
            used.add(line.number)
            continue
        if label_at and label_at.start() == 0:  # a label line: it belongs to the task above it
            current = task_above(current)
            if current is None:
                continue
            for role, units in parse_labels(text).items():
                if role == "due":
                    current.due_text = current.due_text or units[0]
                else:
                    current.units.setdefault(role, []).extend(u for u in units if u not in current.units.get(role, []))
            used.add(line.number)
            continue
        bracket = _BRACKETED.search(text)
        if bracket or (label_at and _NUMBERED.match(text)):
            flush_pending_as_headings(keep_last=False)
            cut = bracket.start() if bracket else label_at.start()
            labels = bracket.group(1) if bracket else text[label_at.start():]
            current = _item(_NUMBERED.sub("", text[:cut], count=1), line.number, labels)
            group().items.append(current)
            used.add(line.number)
            continue
        current = None
        if len(text) <= 160 or _NUMBERED.match(text):  # a numbered task may be a long paragraph
            pending.append(line)
        else:  # a paragraph of running text: no task stands before a label after it
            pending.clear()
    if groups:  # numbered tasks after the last labelled one, whose labels the text does not give (it ends)
        for p in pending:
            t = p.text.strip()
            if re.match(r"^\s*(?:\d{1,3}\s*[.．、](?!\d)|[（(]\d{1,3}[)）])", t) and (len(t) > 30 or "。" in t):
                groups[-1].items.append(_item(_NUMBERED.sub("", t, count=1), p.number))
                used.add(p.number)
    groups = [g for g in groups if g.items]
    if sum(len(g.items) for g in groups) < 2:
        return [], set()
    return groups, used


_TASK_HEAD = re.compile(r"任务|内容|事项|工作|目标|项目|指标|实事")  # 指标 with a 责任单位 column: an indicator assigned


def _table_tasks(lines: list[Line]) -> tuple[list[TaskGroup], set[int]]:
    groups: list[TaskGroup] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        head = cells(lines[i].text)
        split = cells
        if not head and len(lines[i].text.split()) >= 3 and all(len(c) <= 10 for c in lines[i].text.split()):
            # a heading typed with one space between cells: its rows are split so, when they have as many cells
            head = lines[i].text.split()
            split = lambda text, width=len(head): text.split() if len(text.split()) == width else []  # noqa: E731
        roles = [_head_role(c) for c in head]
        # a task table names who leads; a table of targets (指标 · 单位 · 目标值) is the plan's too
        if not head or "task" not in roles or not ({"lead", "duty", "target"} & set(roles)):
            i += 1
            continue
        if "lead" not in roles and "duty" not in roles and "value" in roles:
            i += 1  # a table of results (完成值), read as figures
            continue
        used.add(lines[i].number)
        i += 1
        while i < len(lines):
            row = split(lines[i].text)
            if not row:
                text = lines[i].text.strip()
                if _NUMBERED.match(text) and len(text) <= 30 and "。" not in text:  # a group row: 一、经济发展
                    groups.append(TaskGroup(strip_end(_NUMBERED.sub("", text, count=1))))
                    used.add(lines[i].number)
                    i += 1
                    continue
                break
            if len(row) < 2:
                break
            values: dict[str, str] = {}
            if "unit" in roles and "target" in roles:  # 目标值 12 with 单位 亿元 -> 12亿元
                u, t = roles.index("unit"), roles.index("target")
                if u < len(row) and t < len(row) and re.fullmatch(r"-?\d+(?:\.\d+)?", row[t].strip()):
                    row = list(row)
                    row[t] = (re.sub(r"\s", "", head[t]) if re.search(r"目标|计划", head[t]) else "") + row[t].strip() + row[u].strip()
            for k, c in enumerate(row):  # the first column of a role holds it (任务名称 before 目标类型)
                if k < len(roles) and roles[k] and c:
                    values.setdefault(roles[k], c)
            if "task" not in values:
                i += 1
                continue
            labels = "".join(f"{word}：{values[role]}；" for role, word in (
                ("lead", "牵头单位"), ("duty", "责任单位"), ("support", "配合单位"), ("due", "完成时限")) if role in values)
            if not groups:
                groups.append(TaskGroup(""))
            task = values["task"] + (f"：{values['target']}" if values.get("target") else "")  # 地区生产总值：增长5.5%
            groups[-1].items.append(_item(task, lines[i].number, labels))
            used.add(lines[i].number)
            i += 1
    groups = [g for g in groups if g.items]
    return groups, used if groups else set()


def _head_role(head: str) -> str | None:
    h = re.sub(r"\s", "", head)
    for role, words in _ROLE_WORDS.items():
        if h in words or any(h.startswith(w) for w in words):
            return role
    if re.fullmatch(r"序号|编号|责任人|备注|进展情况|推进情况|类别|类型|\S{0,4}类型|分类", h):
        return None
    if re.fullmatch(r"(?:指标|目标|工作|具体)?要求|指标值|(?:\d{4}年)?(?:年度|全年|预期)?目标(?:值|任务)?|计划(?:值|数)?", h):
        return "target"
    if re.fullmatch(r"单位|计量单位", h):
        return "unit"
    if re.fullmatch(r"完成值|完成情况|实际完成|\S{0,6}完成", h):
        return "value"
    if _TASK_HEAD.search(h) and len(h) <= 8:
        return "task"
    return None


def split_title(text: str) -> tuple[str, str]:
    """A task's text -> (title, detail): the first sentence, or its first clause when it is long."""
    text = text.strip()
    m = re.match(r"([^。！？]*)([。！？]|$)", text)
    first = m.group(1)
    rest = text[m.end():].strip()
    named = re.match(r"([^，；：]{2,20})：(.+)$", first)
    if named:  # 服务业增加值：增长6% (a table's task and its target)
        return strip_end(named.group(1)), (named.group(2) + m.group(2) + rest).strip()
    if len(first) > 14:
        c = re.match(r"([^，；：]{4,30})[，；：]", first)
        if c:
            return strip_end(c.group(1)), (first[c.end():] + m.group(2) + rest).strip()
    return strip_end(first), rest
