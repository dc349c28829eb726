"""Plain dicts (from any loader) + their SourceMap -> a validated Report, or every problem at its place.

    report = validate(data, sources)     # raises DataError listing each problem as file:line:col: field: message
    problems = doubts(report, sources)   # valid values that look wrong (a deadline before the report's date …)

pydantic's errors are worded for clerks here (a missing field, an unknown key with the one it probably meant,
a mapping that a full-width colon made into one string)."""

from __future__ import annotations

from typing import Any
from pydantic import ValidationError

from . import values
from .. import messages as M
from ..errors import DataError, Location, Problem
from .fields import colon_slip, field_label, field_path, keys_at, near_key
from .periods import deadline_year
from .report import Report, _CrossCheck


def _number_tasks(data: dict) -> dict:
    """Give tasks without an id their running number (序号) across all sections."""
    plan = data.get("plan")
    if not isinstance(plan, dict) or not isinstance(plan.get("sections"), list):
        return data
    n = 0
    sections = []
    for section in plan["sections"]:
        if isinstance(section, dict) and isinstance(section.get("tasks"), list):
            tasks = []
            for task in section["tasks"]:
                n += 1
                if isinstance(task, dict) and task.get("id") is None:
                    task = {**task, "id": str(n)}
                tasks.append(task)
            section = {**section, "tasks": tasks}
        sections.append(section)
    return {**data, "plan": {**plan, "sections": sections}}


def validate(data: Any, sources: "SourceMapLike") -> Report:
    """Validate plain data into a Report, or raise DataError listing every problem with its location."""
    if not isinstance(data, dict):
        raise DataError([Problem(sources.locate(()), "", M.not_a_mapping_file())])
    year = deadline_year(data)
    try:
        return Report.model_validate(_number_tasks(data), context={"year": year})
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            ctx_error = (err.get("ctx") or {}).get("error")
            if isinstance(ctx_error, _CrossCheck):
                for path, message in ctx_error.problems:
                    problems.append(Problem(sources.locate(path), field_label(path, data), message))
                continue
            if isinstance(ctx_error, ValueError):
                message = ctx_error.args[0] if ctx_error.args else str(ctx_error)  # a catalogue Message, worded when shown
            else:
                message = _message(err)
            problems.append(Problem(sources.locate(loc), field_label(loc, data), message))
        raise DataError(problems) from None


_MUST_BE = {
    "string_type": M.must_be_text, "int_type": M.must_be_integer, "int_parsing": M.must_be_integer,
    "int_from_float": M.must_be_integer, "bool_type": M.must_be_yes_no, "bool_parsing": M.must_be_yes_no,
    "list_type": M.must_be_list, "dict_type": M.must_be_mapping, "model_type": M.must_be_mapping,
    "model_attributes_type": M.must_be_mapping, "date_type": M.must_be_date, "date_parsing": M.must_be_date,
    "date_from_datetime_inexact": M.must_be_date, "date_from_datetime_parsing": M.must_be_date,
    "string_too_short": M.must_be_empty_not,
}


def _message(err: dict) -> Any:
    """A pydantic error -> a catalogue message: a missing field, an unknown key (with the one it probably meant),
    a value of the wrong kind (with the full-width colon that made a mapping one string)."""
    kind = err["type"]
    loc = tuple(err["loc"])
    if kind == "missing":
        return M.field_missing()
    if kind == "extra_forbidden":
        slip = colon_slip(str(loc[-1])) if loc else None
        if slip is not None or (loc and "\u3000" in str(loc[-1])):
            return slip or M.yaml_full_width_space(text=str(loc[-1]), fixed=str(loc[-1]).replace("\u3000", "").strip())
        near = near_key(Report, loc)
        if near and near[2]:  # 牵头单位: a column heading written as the key
            return M.field_key_in_english(key=near[0], typed=str(loc[-1]))
        if near:
            return M.field_did_you_mean(key=M.key_named(key=near[0], field=near[1]))
        return M.field_unknown(keys=keys_at(Report, loc))
    if kind in ("model_type", "dict_type") and isinstance(err.get("input"), str):
        slip = colon_slip(err["input"])
        if slip is not None:
            return slip
    if kind == "greater_than_equal":
        return M.must_be_at_least(n=str((err.get("ctx") or {}).get("ge", "")))
    if kind == "less_than_equal":
        return M.must_be_at_most(n=str((err.get("ctx") or {}).get("le", "")))
    if kind == "literal_error":
        return M.must_be_one_of(choices=str((err.get("ctx") or {}).get("expected", "")))
    if kind in ("int_parsing", "int_type") and values.chinese_digits(err.get("input")):
        return M.not_a_number_write(value=err["input"], digits=values.chinese_digits(err["input"]))
    if kind in _MUST_BE:
        return _MUST_BE[kind]()
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    return M.invalid_value(detail=msg[0].lower() + msg[1:] if msg else msg)


class SourceMapLike:  # pragma: no cover - typing aid
    def locate(self, path: tuple) -> Location: ...


def doubts(report: Report, sources: "SourceMapLike") -> list[Problem]:
    """Things that are valid but probably wrong, for the user to check: a deadline before the
    report's own date, a figure or task listed twice. Each names where it stands."""
    found: list[Problem] = list(getattr(sources, "warnings", []))  # what the loaders doubted, at its cell
    seen: dict[str, int] = {}
    for i, ind in enumerate(report.indicators):
        path = ("indicators", i, "name")
        if ind.name in seen:
            first = ("indicators", seen[ind.name])
            other = M.label_plain(path=field_path(first), field=M.owner_indicator(n=seen[ind.name] + 1))
            found.append(Problem(sources.locate(path), field_label(path, report), M.listed_twice(name=ind.name, other=other)))
        seen.setdefault(ind.name, i)
    titles: dict[str, tuple] = {}
    for si, section in enumerate(report.plan.sections):
        for ti, task in enumerate(section.tasks):
            base = ("plan", "sections", si, "tasks", ti)
            if task.due < report.report.date:
                path = base + ("due",)
                due, day = task.due.isoformat(), report.report.date.isoformat()
                found.append(Problem(sources.locate(path), field_label(path, report),
                                     M.due_before_report_as(due=due, text=task.due_text, date=day) if task.due_text
                                     else M.due_before_report(due=due, date=day)))
            vague = values.due_doubt(task.due_text)
            if vague:
                path = base + ("due",)
                found.append(Problem(sources.locate(path), field_label(path, report),
                                     M.due_vague(text=task.due_text, doubt=vague, due=task.due.isoformat())))
            if task.title in titles:
                path = base + ("title",)
                first = titles[task.title]
                other = M.label_plain(path=field_path(first), field=M.owner_task(s=first[2] + 1, t=first[4] + 1))
                found.append(Problem(sources.locate(path), field_label(path, report), M.listed_twice(name=task.title, other=other)))
            titles.setdefault(task.title, base)
    listed = sources.locate(("departments",))
    for name, path in report.unlisted_units:
        found.append(Problem(sources.locate(path), field_label(path, report),
                             M.unit_not_listed(name=name, listed=str(listed))))
    return found
