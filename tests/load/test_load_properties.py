"""Property-based tests (hypothesis) of the loaders, for issue 11: whatever a data file or a table holds,
loading it either gives data or raises a located BriefgenError; no other exception escapes.

Covered: the YAML/JSON loader (arbitrary Unicode in text fields, huge, negative, NaN and infinite numbers, empty and
over-long lists, arbitrary bytes as a file) with the model's validation after it, and the CSV and .xlsx table
readers (arbitrary cell text and numbers) through ``read_tables`` and ``validate_files``. Examples are kept few so
that the module runs in seconds; ``HYPOTHESIS_PROFILE=fuzz`` runs many more.
"""

from __future__ import annotations

import csv
import json
import math
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen import limits
from briefgen.errors import BriefgenError, DataError
from briefgen.load.assemble import validate_files
from briefgen.load import load_file
from briefgen.load.tables import read_tables
from briefgen.model.validate import validate

settings.register_profile("ci", max_examples=300, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Any code point, surrogates aside (a Python str with one cannot even be written out as UTF-8).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
NUMBER = st.one_of(
    st.integers(),
    st.integers(min_value=-(10 ** 60), max_value=10 ** 60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["9" * 5000, "-" + "1" * 4400, "1e308", "-1e-300", "NaN", "inf", "1" * 29, "1.0e+400"]),
)
DATE = st.one_of(st.dates(), st.sampled_from(["2022-07-29", "9999-12-31", "2200-01-01", "0001-01-01", "2022-13-45"]), TEXT)


def _fits(value) -> bool:
    """Numbers that Python's own str() can write (more than 4,300 digits cannot be dumped to be read back)."""
    return not (isinstance(value, int) and abs(value) >= 10 ** 4000)


INDICATOR = st.fixed_dictionaries(
    {"name": TEXT, "value": NUMBER},
    optional={"unit": TEXT, "yoy": NUMBER, "target": NUMBER, "progress": NUMBER, "note": TEXT, "light": TEXT,
              "estimate": st.booleans()},
)
TASK = st.fixed_dictionaries({"title": TEXT, "lead": TEXT, "due": st.one_of(DATE, NUMBER)},
                             optional={"detail": TEXT, "support": st.lists(TEXT, max_size=3), "status": TEXT})
REPORT = st.fixed_dictionaries(
    {"report": st.fixed_dictionaries({"title": TEXT, "issuer": TEXT, "date": DATE, "period": TEXT},
                                     optional={"year": st.one_of(NUMBER, TEXT)})},
    optional={
        "indicators": st.one_of(st.lists(INDICATOR, max_size=4), st.just([]),
                                st.builds(lambda n: [{"name": "指标", "value": 1}] * n,
                                          st.integers(limits.MAX_LIST_ITEMS - 2, limits.MAX_LIST_ITEMS + 2))),
        "plan": st.fixed_dictionaries({"sections": st.lists(
            st.fixed_dictionaries({"title": TEXT, "tasks": st.lists(TASK, max_size=3)}), max_size=2)},
            optional={"intro": TEXT}),
        "tally": st.fixed_dictionaries({"period": TEXT, "green": NUMBER, "red": NUMBER}),
        "notes": st.recursive(st.one_of(TEXT, NUMBER), lambda inner: st.lists(inner, max_size=3), max_leaves=8),
    },
).filter(lambda d: all(_fits(v) for v in _leaves(d)))


def _leaves(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


def _load_and_validate(path: Path):
    """The loader and the model, as `briefgen validate` runs them: data, or a located BriefgenError."""
    try:
        data, sources = load_file(path)
    except DataError as exc:
        _located(exc, path, one_line=True)
        return None
    assert sources.file == path.name
    try:
        return validate(data, sources)
    except DataError as exc:
        # The model's messages may quote the value as written, line breaks and all (see the report on issue 11).
        _located(exc, path, one_line=False)
        return None


def _located(exc: BriefgenError, path: Path, one_line: bool) -> None:
    assert isinstance(exc, BriefgenError)
    assert exc.lines(), exc
    for problem in getattr(exc, "problems", []):
        assert problem.location.file == path.name, problem
        assert problem.message, problem
        if one_line:
            assert "\n" not in problem.message, problem


@given(REPORT)
def test_yaml_data_loads_or_fails_at_a_place(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("yaml")
    os.chdir(folder)
    path = folder / "report.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report = _load_and_validate(Path(path.name))
    if report is not None:  # what loaded is what was written, to the character (model strips outer spaces)
        assert report.report.title == data["report"]["title"].strip()
        for i, ind in enumerate(report.indicators):
            assert ind.value.is_finite() and ind.value.adjusted() < limits.MAX_INTEGER_DIGITS
            assert ind.name == data["indicators"][i]["name"].strip()
        for section in report.plan.sections:
            for task in section.tasks:
                assert limits.MIN_YEAR <= task.due.year <= limits.MAX_YEAR


@given(REPORT)
def test_json_data_loads_or_fails_at_a_place(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("json")
    os.chdir(folder)
    path = folder / "report.json"

    def plain(value):
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)  # JSON has no NaN or infinity: as text
        raise TypeError(value)

    path.write_text(json.dumps(data, ensure_ascii=False, default=plain), encoding="utf-8")
    _load_and_validate(Path(path.name))


@given(st.one_of(st.binary(max_size=300), TEXT.map(lambda t: ("report:\n  title: " + t).encode("utf-8", "replace")),
                 st.lists(st.sampled_from(["[", "]", "{", "}", "&a ", "*a", ",", ": ", "- ", "\n", "<<: ", "!!", "x",
                                           "'", '"', "\\", "\t", "? ", "1e9", "\x00", "\ufeff"]),
                          max_size=60).map(lambda parts: "".join(parts).encode("utf-8"))))
def test_any_bytes_as_a_data_file(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("raw")
    os.chdir(folder)
    path = folder / "report.yaml"
    path.write_bytes(raw)
    _load_and_validate(Path(path.name))


CELL = st.one_of(TEXT, NUMBER.map(str), st.just(""))


@given(st.sampled_from([["指标名称", "单位", "完成值", "同比增长(%)", "备注"], ["序号", "工作任务", "牵头单位", "完成时限", "进展情况"]]),
       st.lists(st.lists(CELL, min_size=0, max_size=6), max_size=6))
def test_csv_tables_load_or_fail_at_a_cell(tmp_path_factory, heading, rows):
    folder = tmp_path_factory.mktemp("csv")
    os.chdir(folder)
    path = Path("table.csv")
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([heading, *rows])
    result = read_tables(path, year=2022)
    for problem in result.problems:
        assert problem.location.file == path.name, problem
    for problem in validate_files([path], year=2022):
        assert problem.location.file == path.name, problem


def _xlsx_value(value):
    """What openpyxl can store: it refuses control characters in text, and Excel has no infinity."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


XLSX_CELL = st.one_of(TEXT, st.floats(allow_nan=False, allow_infinity=False), st.integers(-(10 ** 30), 10 ** 30),
                      st.dates(min_value=date(1900, 3, 1)), st.none())


@settings(max_examples=min(60, settings().max_examples))
@given(st.sampled_from([["指标名称", "单位", "完成值", "同比增长(%)", "目标值"], ["序号", "工作任务", "牵头单位", "完成时限"]]),
       st.lists(st.lists(XLSX_CELL, max_size=5), max_size=5))
def test_xlsx_tables_load_or_fail_at_a_cell(tmp_path_factory, heading, rows):
    import openpyxl

    folder = tmp_path_factory.mktemp("xlsx")
    os.chdir(folder)
    path = Path("table.xlsx")
    wb = openpyxl.Workbook()
    for row in [heading, *rows]:
        wb.active.append([_xlsx_value(v) for v in row])
    wb.save(path)
    for problem in validate_files([path], year=2022):
        assert problem.location.file == path.name, problem


def test_decimal_strings_within_the_limits_are_kept_exactly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text("report: {title: t, issuer: i, date: 2022-07-29, period: p}\n"
                              "indicators: [{name: n, value: '999999999999999.9999999999'}]\n", encoding="utf-8")
    report = _load_and_validate(Path("r.yaml"))
    assert report.indicators[0].value == Decimal("999999999999999.9999999999")
