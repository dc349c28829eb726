"""Combining inputs: a YAML/JSON data file plus indicator and task tables -> one dict and one SourceMap.

In: the data file (``report:`` and anything else), and optionally an indicator table and a task table, given on
the command line or named in the data file::

    sources:
      indicators: 指标.xlsx                  # paths relative to the data file's folder
      tasks: {file: 任务.xlsx, sheet: 下半年}  # or a mapping with the sheet to read
      columns: {工作任务: 任务内容}           # our heading -> the heading in your table

Out: plain data in which the tables' rows replace the data file's ``indicators`` and ``plan.sections`` (the data
file's ``plan.intro`` stays), and a SourceMap in which every value points at its own file, line or cell.
``load_report_data`` then leaves validation to ``briefgen.model.report.validate``; ``validate_files`` does both for
``briefgen validate`` and returns every problem of every file at once.
"""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path
from typing import Any

from .. import messages as M
from ..errors import BriefgenError, DataError, Location, Problem
from ..model import values
from ..model.fields import field_label
from ..model.periods import deadline_year
from ..model.validate import validate
from . import load_file
from .headings import INDICATORS, TASKS
from .source import SourceMap, display_name
from .tables import TableData, read_tables

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".xls", ".et")
_SOURCE_KEYS = ("indicators", "tasks", "columns")
_TABLE_KEYS = ("file", "sheet", "columns")


def report_year(data: Any) -> int | None:
    """The year the tables' deadlines that name none (年内) fall in, as the data file gives it, or None: the plan's
    year, by ``model.deadline_year``, the rule the model uses too."""
    return deadline_year(data)  # the plan's year: the next one after a whole year's report


def _unknown_key(key: Any, keys: tuple[str, ...]):
    """An unknown key of `sources:`, with the one it probably meant (colums -> columns)."""
    near = difflib.get_close_matches(str(key).strip().casefold(), keys, n=1, cutoff=0.6)
    return M.unknown_key_near(key=near[0], keys=list(keys)) if near else M.unknown_key_use(keys=list(keys))


def _table_spec(value: Any, key: str, base: Path, sources: SourceMap, problems: list[Problem]) -> dict | None:
    """`sources.indicators` as a path or as {file, sheet, columns} -> {"path": Path, "sheet": …, "columns": …}."""
    here = sources.locate(("sources", key))
    if isinstance(value, str) and value.strip():
        return {"path": base / value.strip(), "sheet": None, "columns": None}
    if isinstance(value, dict):
        unknown = [k for k in value if k not in _TABLE_KEYS]
        for k in unknown:
            problems.append(Problem(sources.locate(("sources", key, k)), field_label(("sources", key, k)),
                                    _unknown_key(k, _TABLE_KEYS)))
        file = value.get("file")
        if not isinstance(file, str) or not file.strip():
            problems.append(Problem(here, field_label(("sources", key, "file")), M.table_file_required()))
            return None
        sheet = value.get("sheet")
        return {"path": base / file.strip(), "sheet": None if sheet is None else str(sheet), "columns": value.get("columns")}
    problems.append(Problem(here, field_label(("sources", key)), M.give_table_file()))
    return None


def _read_sources(data: dict, base: Path, sources: SourceMap, problems: list[Problem]) -> tuple[dict, dict | None]:
    """Take `sources:` out of the data (the model does not know it) -> ({kind: spec}, columns)."""
    raw = data.pop("sources", None)
    if raw is None:
        return {}, None
    if not isinstance(raw, dict):
        problems.append(Problem(sources.locate(("sources",)), field_label(("sources",)), M.sources_mapping()))
        return {}, None
    for k in raw:
        if k not in _SOURCE_KEYS:
            problems.append(Problem(sources.locate(("sources", k)), field_label(("sources", k)),
                                    _unknown_key(k, _SOURCE_KEYS)))
    specs = {}
    for kind in (INDICATORS, TASKS):
        if raw.get(kind) is not None:
            spec = _table_spec(raw[kind], kind, base, sources, problems)
            if spec:
                specs[kind] = spec
    columns = raw.get("columns")
    if columns is not None and not isinstance(columns, dict):
        problems.append(Problem(sources.locate(("sources", "columns")), field_label(("sources", "columns")), M.columns_mapping()))
        columns = None
    return specs, columns


def _read_table(kind: str, spec: dict, columns: dict | None, year: int | None) -> TableData:
    """One table named by the data file; ``year`` None: the report's year is unknown (see ``read_tables``)."""
    own = spec.get("columns")
    merged = {**(columns or {}), **(own if isinstance(own, dict) else {})} or None
    return read_tables(spec["path"], [kind], sheet=spec.get("sheet"), columns=merged, year=year)


def gather(data_path: str | Path, indicators: str | Path | None = None, tasks: str | Path | None = None,
           columns: dict | None = None) -> tuple[Any, SourceMap, list[Problem]]:
    """Load the data file and its tables; problems are returned (all of them), not raised."""
    data_path = Path(data_path)
    try:
        data, sources = load_file(data_path)
    except DataError as exc:
        return None, SourceMap(display_name(data_path)), list(exc.problems)
    if not isinstance(data, dict):
        return data, sources, []
    data = dict(data)
    problems: list[Problem] = []
    specs, named_columns = _read_sources(data, data_path.parent, sources, problems)
    columns = {**(named_columns or {}), **(columns or {})} or None
    for kind, given in ((INDICATORS, indicators), (TASKS, tasks)):
        if given is not None:  # the command line wins over `sources:`
            specs[kind] = {"path": Path(given), "sheet": None, "columns": None}
    # Without a usable year (report.date missing or unreadable, which the model reports) a deadline that names no
    # year is reported at its cell rather than read in this year.
    year = report_year(data)
    for kind, spec in specs.items():
        table = _read_table(kind, spec, columns, year)
        problems.extend(table.problems)
        sources.warnings.extend(table.warnings)
        sources.notes.extend(table.notes)
        for template, title in table.data.get("titles", {}).items():
            titles = data.get("titles") if isinstance(data.get("titles"), dict) else {}
            if template not in titles:  # the data file's own title wins over the sheet's title row
                data["titles"] = {**titles, template: title}
                sources.add(("titles", template), table.sources.locate(("titles", template)))
        if kind == INDICATORS:
            if INDICATORS in table.data:
                data[INDICATORS] = table.data[INDICATORS]
                sources.drop((INDICATORS,))
                sources.merge(_only(table.sources, (INDICATORS,)))
        elif "plan" in table.data:
            plan = data.get("plan")
            plan = dict(plan) if isinstance(plan, dict) else {}
            intros = _section_intros(plan, sources)
            sections = table.data["plan"]["sections"]
            plan["sections"] = sections
            data["plan"] = plan
            sources.drop(("plan", "sections"))
            for si, section in enumerate(sections):
                # A section of the table that the data file also has keeps the data file's introduction.
                if section.get("title") in intros and "intro" not in section:
                    section["intro"], where = intros[section["title"]]
                    sources.add(("plan", "sections", si, "intro"), where)
            if ("plan",) not in sources.spots:
                sources.add(("plan",), table.sources.locate(("plan",)))
            sources.merge(_only(table.sources, ("plan", "sections")))
    return data, sources, problems


def _section_intros(plan: dict, sources: SourceMap) -> dict[str, tuple[str, Location]]:
    out = {}
    sections = plan.get("sections")
    for si, section in enumerate(sections if isinstance(sections, list) else []):
        if isinstance(section, dict) and isinstance(section.get("title"), str) and isinstance(section.get("intro"), str):
            # Compared as the table loader stores titles: without their numbering.
            out[values.strip_numbering(section["title"])] = (section["intro"], sources.locate(("plan", "sections", si, "intro")))
    return out


def _only(sources: SourceMap, prefix: tuple) -> SourceMap:
    out = SourceMap(sources.file)
    out.spots = {p: loc for p, loc in sources.spots.items() if p[: len(prefix)] == prefix}
    return out


def load_report_data(data_path: str | Path, indicators: str | Path | None = None,
                     tasks: str | Path | None = None, columns: dict | None = None) -> tuple[dict, SourceMap]:
    """The data file with its tables -> (plain data, SourceMap), ready for ``briefgen.model.report.validate``.

    ``indicators`` / ``tasks`` (from the command line) override the data file's ``sources:``; ``columns``
    (e.g. from briefgen.toml) adds to the data file's ``sources.columns``. Raises DataError
    with every problem of every file found while loading (a bad cell, a missing table, an unknown key).
    """
    data, sources, problems = gather(data_path, indicators, tasks, columns)
    if problems:
        if data is not None:
            # Report the model's problems too, all at once: a cell that failed to parse holds a stand-in value,
            # so it is not reported twice.

            try:
                validate(data, sources)
            except DataError as exc:
                problems.extend(exc.problems)
        raise DataError(problems)
    return data, sources


def _validate_tables(data: dict, sources: SourceMap, year: int) -> list[Problem]:
    """Rows of a table file on their own, through the Indicator and Task model types."""
    # A stand-in `report:` so that the model checks the rows; its own problems cannot occur and are not shown.
    meta = {"title": "-", "issuer": "-", "date": date(year, 1, 1), "period": "-", "year": year}
    try:
        validate({"report": meta, **data}, sources)
    except DataError as exc:
        return [p for p in exc.problems if not _field_text(p.field).startswith("report")]
    return []


def _field_text(field) -> str:
    """A problem's field as its English label (the key's path), whether a Message or a string."""
    return field.text("en") if hasattr(field, "text") else str(field)


def validate_files(paths: list[str | Path], year: int | None = None, warnings: list[Problem] | None = None) -> list[Problem]:
    """Check each file and return every problem found, in file order (an empty list: all good).

    A YAML/JSON data file goes through the whole model (with the tables its ``sources:`` names); an .xlsx/.csv
    table through the table loader and the Indicator/Task types, with deadlines read in ``year`` (default: this
    year).
    """
    problems: list[Problem] = []
    for path in map(Path, paths):
        try:
            if path.suffix.lower() in TABLE_SUFFIXES:
                table_year = year or date.today().year
                table = read_tables(path, year=table_year)
                problems.extend(table.problems)
                if warnings is not None:
                    warnings.extend(table.warnings)
                if table.data:
                    problems.extend(_validate_tables(table.data, table.sources, table_year))
                continue
            data, sources, found = gather(path)
            problems.extend(found)
            if data is None and found:
                continue
            try:
                validate(data, sources)
            except DataError as exc:
                problems.extend(exc.problems)
        except DataError as exc:
            problems.extend(exc.problems)
        except BriefgenError as exc:
            problems.append(Problem(Location(display_name(path)), "", exc.args[0] if len(exc.args) == 1 else str(exc)))
    return problems
