"""An extracted draft as a form a person fills in, and the form back as data.

    fields = form_fields(result)           # [FormField]: every value, its path, and why it is to be checked
    data = apply_form(result.data, edits)  # {label: text} typed back like the draft's values
    text = data_yaml(data)                 # the data file to save (YAML, Chinese as is)

The labels are the draft's own (``plan.sections[1].tasks[3].lead``, 1-based), the keys of ``ExtractResult.reasons``.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from .draft import _label


@dataclass
class FormField:
    label: str  # plan.sections[1].tasks[3].lead
    name: Any  # as a clerk reads it (a Message): 任务“加快优势产业复工提产”的牵头单位
    value: str
    reason: str | None  # worded: why it is to be checked, or None
    long: bool = False  # a paragraph rather than a word
    kind: str = "text"  # text, number, date or yes (a yes/no value)


def _walk(value: Any, path: tuple):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, path + (i,))
    else:
        yield path, value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def form_fields(result) -> list[FormField]:
    """Every value of the draft in order, each with its reason to be checked (worded in the current language)."""
    from ..model.fields import field_label

    reasons = {k: str(v) for k, v in result.reasons.items()}
    out = []
    for path, value in _walk(result.data, ()):
        label = _label(path)
        text = _text(value)
        why = reasons.get(label) or next((r for k, r in reasons.items() if label.startswith(k + ".") or label.startswith(k + "[")), None)
        kind = "yes" if isinstance(value, bool) else "number" if isinstance(value, (int, float, Decimal)) else \
            "date" if isinstance(value, date) else "text"
        out.append(FormField(label, field_label(path, result.data), "true" if value is True else "false" if value is False else text,
                             why, len(text) > 40, kind))
    return out


_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _path(label: str) -> tuple:
    return tuple(int(m.group(2)) - 1 if m.group(2) else m.group(1) for m in _STEP.finditer(label))


def _typed(text: str, old: Any) -> Any:
    text = text.strip()
    if isinstance(old, bool):
        return text.lower() in ("true", "1", "是", "yes")
    if isinstance(old, (int, float, Decimal)) and not isinstance(old, bool):
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:
            return text
        return int(number) if number == number.to_integral_value() and isinstance(old, int) else float(number)
    if isinstance(old, date):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    return text


def apply_form(data: dict, edits: dict[str, str]) -> dict:
    """``data`` with each edited value put in place, typed as the draft's value was; unknown labels are ignored."""
    out = copy.deepcopy(data)
    for label, text in edits.items():
        path = _path(label)
        if not path:
            continue
        node = out
        try:
            for step in path[:-1]:
                node = node[step]
            old = node[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue
        if isinstance(old, (dict, list)):
            continue
        node[path[-1]] = _typed(str(text), old)
    return out


def data_yaml(data: dict) -> str:
    """The data file's text."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
