"""An ExtractResult -> a readable YAML draft: block style, Chinese as is, uncertain values marked.

PyYAML writes no comments, so the structure is walked here and each scalar is written by PyYAML itself
(quoting and escaping stay right); a value whose field path is uncertain gets ``# 待核实: reason``.
"""

from __future__ import annotations

from datetime import date

import yaml

from .. import messages as M


def header(result) -> str:
    """The draft's opening comment lines, in the current language."""
    lines = [M.draft_from(source=result.source), result.cleaning.summary if result.cleaning else "",
             M.draft_placeholders(), M.draft_check()]
    return "".join(f"# {line}\n" for line in lines)


def _scalar(value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False)
    text = text.strip()
    if text.endswith("\n..."):
        text = text[: -len("\n...")]
    if text.endswith("..."):
        text = text[:-3].strip()
    return text


def _label(path: tuple) -> str:
    """('plan', 'sections', 0, 'tasks', 2, 'lead') -> 'plan.sections[1].tasks[3].lead', the keys of
    ExtractResult.reasons (the dotted path, not model.field_label, which now names a field as a clerk reads it)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def dump(result) -> str:
    reasons = {k: str(v) for k, v in result.reasons.items()}  # worded now, in the current language
    out: list[str] = [header(result)]

    def mark(path: tuple) -> str:
        why = reasons.get(_label(path))
        return f"  # 待核实: {why}" if why else ""

    def emit(value, path: tuple, indent: int, lead: str) -> None:
        pad = " " * indent
        if isinstance(value, dict):
            first = True
            for key, item in value.items():
                prefix = lead if first else pad
                first = False
                sub = path + (key,)
                if isinstance(item, (dict, list)) and item:
                    out.append(f"{prefix}{key}:{mark(sub)}")
                    if isinstance(item, dict):
                        emit(item, sub, indent + 2, " " * (indent + 2))
                    else:
                        emit(item, sub, indent + 2, pad)
                else:
                    out.append(f"{prefix}{key}: {_scalar(item) if item not in ({}, []) else ('{}' if item == {} else '[]')}{mark(sub)}")
            if first:
                out.append(f"{lead}{{}}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                sub = path + (i,)
                if isinstance(item, dict) and item:
                    emit(item, sub, indent + 2, f"{pad}- ")
                elif isinstance(item, list) and item:
                    out.append(f"{pad}-{mark(sub)}")
                    emit(item, sub, indent + 2, " " * (indent + 2))
                else:
                    out.append(f"{pad}- {_scalar(item)}{mark(sub)}")
        else:
            out.append(f"{lead}{_scalar(value)}{mark(path)}")

    for key, value in result.data.items():
        if isinstance(value, (dict, list)) and value:
            out.append(f"{key}:{mark((key,))}")
            if isinstance(value, dict):
                emit(value, (key,), 2, "  ")
            else:
                emit(value, (key,), 2, "  ")
        else:
            out.append(f"{key}: {_scalar(value) if value not in ({}, []) else '[]'}{mark((key,))}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
