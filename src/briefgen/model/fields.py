"""Where a value stands, named as a clerk sees it: the label of a problem's field.

    field_path(("plan", "sections", 5, "tasks", 3, "lead"))        -> "plan.sections[6].tasks[4].lead"
    field_label(path, data)   # a Message: in Chinese 任务“加快优势产业复工提产”的牵头单位 (第6部分第4项任务的牵头单位
                              # when the data gives no title), in English plan.sections[6].tasks[4].lead (task "加快…")

The field is named by its column heading (``briefgen.messages.fields``), the task by its title and the indicator by
its name when ``data`` (the plain data, or a Report) has them, else by its place (1-based, as people count).
``near_key`` finds the field a misspelt key meant; ``colon_slip`` the YAML line that an input method's full-width
colon or space turned into one string.
"""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any

from .. import messages as M
from ..i18n import Message

_NAME_CHARS = 24  # a longer title is cut with … in a label

# (model, key) -> the key's word; a key not listed for its model takes the word of _WORDS.
_WORDS: dict[str, Any] = {
    "report": M.f_report, "indicators": M.f_indicators, "tally": M.f_tally, "rankings": M.f_rankings,
    "review": M.f_review, "plan": M.f_plan, "departments": M.f_departments, "titles": M.f_titles,
    "sources": M.f_sources, "title": M.f_title, "issuer": M.f_issuer, "date": M.f_date, "period": M.f_period,
    "year": M.f_year, "index_no": M.f_index_no, "doc_no": M.f_doc_no, "category": M.f_category,
    "name": M.f_indicator_name, "value": M.f_value, "unit": M.f_unit, "yoy": M.f_yoy, "target": M.f_target,
    "progress": M.f_progress, "rank": M.f_rank, "light": M.f_light, "estimate": M.f_estimate, "note": M.f_note,
    "value_text": M.f_value_text, "yoy_text": M.f_yoy_text, "owner": M.f_owner, "group": M.f_group,
    "green": M.f_green, "red": M.f_red, "yellow": M.f_yellow, "subject": M.f_subject, "section": M.f_section_no,
    "intro": M.f_intro, "sections": M.f_sections, "points": M.f_points, "results": M.f_results, "text": M.f_text,
    "tasks": M.f_tasks, "id": M.f_id, "detail": M.f_detail, "lead": M.f_lead, "support": M.f_support,
    "due": M.f_due, "due_text": M.f_due_text, "status": M.f_status, "short": M.f_short, "kind": M.f_kind,
    "start": M.f_start, "flagged": M.f_flagged,
}
_MODEL_WORDS: dict[tuple[str, str], Any] = {
    ("Task", "title"): M.f_task_title, ("Plan", "period"): M.f_plan_period, ("Department", "name"): M.f_department_name,
}


def _entry(model: str | None, key: Any):
    return _MODEL_WORDS.get((model or "", key)) or _WORDS.get(key) if isinstance(key, str) else None


def word(model: str | None, key: Any) -> Message | str:
    """The name of ``key`` in ``model`` (a class name such as "Task"): a Message, or the key itself when unknown."""
    entry = _entry(model, key)
    return entry() if entry is not None else str(key)


def field_path(path: tuple) -> str:
    """('plan', 'sections', 0, 'tasks', 2, 'lead') -> 'plan.sections[1].tasks[3].lead' (1-based, as people count)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _get(obj: Any, key: Any) -> Any:
    if obj is None:
        return None
    if isinstance(key, int):
        return obj[key] if isinstance(obj, (list, tuple)) and 0 <= key < len(obj) else None
    if isinstance(obj, dict):
        return obj.get(key)
    return getattr(obj, key, None) if hasattr(type(obj), "model_fields") else None


def _at(data: Any, path: tuple) -> Any:
    for key in path:
        data = _get(data, key)
    return data


def _name(data: Any, path: tuple, key: str) -> str | None:
    """The title or name of the item at ``path`` as the data gives it, shortened, or None."""
    value = _get(_at(data, path), key)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()).rstrip("。．.")
    if not text or not text.isprintable():
        return None
    return text if len(text) <= _NAME_CHARS else text[: _NAME_CHARS - 1] + "…"


def field_label(path: tuple, data: Any = None) -> Message | str:
    """The label of the value at ``path`` (a Message; "" for the whole file), naming its task or indicator from
    ``data`` (plain data or a Report) where it has them."""
    path = tuple(path)
    if not path:
        return ""
    text = field_path(path)
    head, rest = path[0], path[1:]

    def plain(field: Any) -> Message:
        return M.label_plain(path=text, field=field)

    def of(owner: Any, model: str, tail: tuple) -> Message:
        """A field (and its entry) of an item that is named by its place."""
        if not tail:
            return M.label_plain(path=text, field=owner)
        field = M.label_of(path=text, owner=owner, field=word(model, tail[0]))
        return _entries(field, tail[1:], text)

    def named(kind: Any, name: str, model: str, tail: tuple) -> Message:
        if not tail:
            return M.label_named(path=text, kind=kind, name=name)
        field = M.label_named_field(path=text, kind=kind, name=name, field=word(model, tail[0]))
        return _entries(field, tail[1:], text)

    def indicator(base: tuple, i: int, tail: tuple, owner: Any) -> Message:
        name = None if tail[:1] == ("name",) else _name(data, base + (i,), "name")
        if name:
            return named(M.kind_indicator(), name, "Indicator", tail)
        return of(owner, "Indicator", tail)

    if head == "report":
        return of(M.owner_report(), "Meta", rest) if rest else plain(M.f_report())
    if head == "indicators" and rest and isinstance(rest[0], int):
        return indicator(("indicators",), rest[0], rest[1:], M.owner_indicator(n=rest[0] + 1))
    if head == "tally" and rest:
        return of(M.f_tally(), "Tally", rest)
    if head == "rankings" and rest and isinstance(rest[0], int):
        tail = rest[1:]
        name = None if tail[:1] == ("subject",) else _name(data, ("rankings", rest[0]), "subject")
        if name:
            return named(M.kind_ranking(), name, "Ranking", tail)
        return of(M.owner_ranking(n=rest[0] + 1), "Ranking", tail)
    if head == "departments" and rest and isinstance(rest[0], int):
        return of(M.owner_department(n=rest[0] + 1), "Department", rest[1:])
    if head == "titles" and rest:  # a template's name, as written
        return M.label_of(path=text, owner=M.f_titles(), field=str(rest[0]))
    if head in ("review", "plan") and rest:
        model = "Review" if head == "review" else "Plan"
        whole = M.f_review() if head == "review" else M.f_plan()
        if rest[0] != "sections" or len(rest) < 2 or not isinstance(rest[1], int):
            return of(whole, model, rest)
        s, tail = rest[1], rest[2:]
        section = (M.owner_review_section if head == "review" else M.owner_plan_section)(s=s + 1)
        if len(tail) >= 2 and isinstance(tail[1], int) and tail[0] in ("tasks", "points", "results"):
            n, inner = tail[1], tail[2:]
            base = (head, "sections", s, tail[0])
            if tail[0] == "results":
                return indicator(base, n, inner, M.owner_result(s=s + 1, n=n + 1))
            if tail[0] == "points":
                return of(M.owner_point(s=s + 1, p=n + 1), "ReviewPoint", inner)
            name = None if inner[:1] == ("title",) else _name(data, base + (n,), "title")
            if name:
                return named(M.kind_task(), name, "Task", inner)
            return of(M.owner_task(s=s + 1, t=n + 1), "Task", inner)
        return of(section, "ReviewSection" if head == "review" else "TaskSection", tail)
    if len(path) == 1:
        return plain(word(None, head))
    return plain(text)


def _entries(field: Message, tail: tuple, text: str) -> Message:
    """support[2] -> 配合单位第2项; anything deeper keeps the label of the field it belongs to."""
    if tail and isinstance(tail[0], int):
        return M.label_entry(path=text, field=field, n=tail[0] + 1)
    return field


# ---- the model's keys: which fields a place allows, and the one a misspelt key meant ---------------------------

def _model_at(root: Any, path: tuple):
    """The model class whose keys stand at ``path`` (the parent of a key) below ``root`` (the Report), or None."""
    cls: Any = root
    for part in path:
        if isinstance(part, int):
            continue  # a list's item: the class is already its item type
        fields = getattr(cls, "model_fields", None)
        if not fields or part not in fields:
            return None
        cls = _item_class(fields[part].annotation)
        if cls is None:
            return None
    return cls if hasattr(cls, "model_fields") else None


def _item_class(annotation: Any):
    """list[Task] -> Task, Tally | None -> Tally, Meta -> Meta; None for plain values."""
    for arg in (annotation, *typing.get_args(annotation)):
        if hasattr(arg, "model_fields"):
            return arg
        inner = typing.get_args(arg)
        for a in inner:
            if hasattr(a, "model_fields"):
                return a
    return None


def keys_at(root: Any, path: tuple) -> list[str]:
    """The keys the model ``root`` allows where ``path``'s last key stands."""
    cls = _model_at(root, tuple(path)[:-1])
    return list(cls.model_fields) if cls is not None else []


def near_key(root: Any, path: tuple) -> tuple[str, Any, bool] | None:
    """(the key meant, its word, whether the key was written as its Chinese heading) for the misspelt last key of
    ``path`` (units -> unit; 牵头单位 -> lead, True), or None."""
    path = tuple(path)
    if not path or not isinstance(path[-1], str):
        return None
    cls = _model_at(root, path[:-1])
    if cls is None:
        return None
    typed = path[-1].strip().strip("\u3000").casefold()
    model = cls.__name__
    by_name = {key.casefold(): key for key in cls.model_fields}
    by_word = {}
    for key in cls.model_fields:
        entry = _entry(model, key)
        if entry is not None and entry.chinese:
            by_word.setdefault(entry.chinese, key)
    if typed in by_word:
        return by_word[typed], word(model, by_word[typed]), True
    if typed in by_name and by_name[typed] != path[-1]:
        key = by_name[typed]
    else:
        hits = difflib.get_close_matches(typed, list(by_name) + list(by_word), n=1, cutoff=0.6)
        if not hits:
            return None
        key = by_name.get(hits[0]) or by_word[hits[0]]
    return key, word(model, key), False


# ---- an input method's full-width colon or space in a YAML line ------------------------------------------------

_SLIP = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][A-Za-z0-9_]*)(?P<sep>\s*：\s*|:\u3000+|\u3000+:\s*|:(?=[^\s]))(?P<rest>.*)$")


def colon_slip(text: str) -> Message | None:
    """A hint for ``key：value``, ``key:　value`` (full-width colon or space) or ``key:value`` (no space), which YAML
    reads as one string; None when ``text`` shows none of them."""
    line = text.rstrip("\r\n")
    m = _SLIP.match(line)
    if not m or m.group("rest").startswith(("//", "/")):  # key:value-like URLs are left alone
        return None
    shown = line.strip()
    fixed = f"{m.group('lead').strip()}{' ' if m.group('lead').strip() else ''}{m.group('key')}: {m.group('rest').strip()}"
    sep = m.group("sep")
    if "：" in sep:
        return M.yaml_full_width_colon(text=shown, fixed=fixed.strip())
    if "\u3000" in sep:
        return M.yaml_full_width_space(text=shown, fixed=fixed.strip())
    return M.yaml_colon_no_space(text=shown, fixed=fixed.strip())
