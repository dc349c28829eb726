"""Plain data -> a validated Report (briefgen.model.report): the report's year, titles, units, lights and tallies."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from briefgen.errors import DataError
from briefgen.load.assemble import load_report_data, report_year
from briefgen.load import load_file
from briefgen.model.report import Report
from briefgen.model.validate import validate


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def meta(**over):
    out = {"title": "前江街道2022年上半年工作总结", "issuer": "前江街道", "date": date(2022, 7, 29), "period": "2022年1—6月"}
    out.update(over)
    return {k: v for k, v in out.items() if v is not None}


def task(**over):
    out = {"title": "加快优势产业复工提产", "lead": "经济发展办公室", "due": "12月底前"}
    out.update(over)
    return out


def report(tasks=(), indicators=None, section_title="加强稳链复链", **meta_over) -> dict:
    data = {"report": meta(**meta_over), "plan": {"sections": [{"title": section_title, "tasks": list(tasks) or [task()]}]}}
    if indicators is not None:
        data["indicators"] = indicators
    return data


def load(name: str, text: str) -> Report:
    Path(name).write_text(text, encoding="utf-8")
    data, sources = load_file(name)
    return validate(data, sources)


def problems(name: str, text: str) -> list[str]:
    with pytest.raises(DataError) as err:
        load(name, text)
    return err.value.lines()


# ---------------------------------------------------------------------------------------------------------------
# The report's year


@pytest.mark.parametrize("year", ["2021", 2021.0, "2021年", " 2021 "])
def test_a_quoted_or_float_year_is_the_year(year):
    tasks = [task(due="12月底前"), task(due="年内"), task(due="三季度")]
    r = load("r.json", json.dumps(report(tasks, year=year, date="2022-07-29"), ensure_ascii=False))
    assert r.meta.year == 2021 and r.meta.report_year == 2021
    assert [t.due for t in r.plan.tasks] == [date(2021, 12, 31), date(2021, 12, 31), date(2021, 9, 30)]


@pytest.mark.parametrize("year", ["二〇二一", 2021.5, True, "21"])
def test_a_year_that_is_not_a_whole_year_is_one_line_with_its_place(year):
    lines = problems("r.json", json.dumps(report(year=year), default=str, ensure_ascii=False))
    assert len(lines) == 1 and lines[0].startswith("r.json:") and "report.year:" in lines[0]
    assert "is not a year" in lines[0]


def test_a_json_date_gives_the_year_of_yearless_deadlines():
    r = load("r.json", json.dumps(report(date="2021-07-29"), ensure_ascii=False))
    assert r.meta.date == date(2021, 7, 29) and r.meta.report_year == 2021
    assert r.plan.tasks[0].due == date(2021, 12, 31)


def test_a_quoted_yaml_date_and_a_chinese_date_give_the_year():
    text = """report: {title: t, issuer: 前江街道, date: "%s", period: 2021年1—6月}
plan:
  sections:
    - title: 一
      tasks: [{title: a, lead: 经发办, due: 年内}]
"""
    for when in ("2021-07-29", "2021年7月29日", "2021/7/29"):
        r = load("r.yaml", text % when)
        assert r.meta.date == date(2021, 7, 29)
        assert r.plan.tasks[0].due == date(2021, 12, 31)


def test_without_a_usable_year_a_yearless_deadline_is_an_error_not_this_year():
    text = """report: {title: t, issuer: 前江街道, date: 七月, period: 2021年1—6月}
plan:
  sections:
    - title: 一
      tasks:
        - {title: a, lead: 经发办, due: 12月底前}
        - {title: b, lead: 经发办, due: 2021年12月底前}
"""
    lines = problems("r.yaml", text)
    assert lines[0].startswith("r.yaml:1:") and "report.date:" in lines[0]
    assert lines[1] == ('r.yaml:6:38: plan.sections[1].tasks[1].due (task "a"): "12月底前" names no year and the report has no '
                        "usable date to take it from; correct report.date or write the year, e.g. 2022年12月底前")
    assert len(lines) == 2  # the deadline with its own year is fine


def test_report_year_is_one_helper():
    assert report_year({"report": {"date": "2021-07-29"}}) == 2021
    assert report_year({"report": {"year": "2020", "date": "2021-07-29"}}) == 2020
    assert report_year({"report": {"year": 2020.0}}) == 2020
    assert report_year({"report": {"date": "七月"}}) is None


def _json_report_with_task_table(date_text: str) -> None:
    """r.json (report dated ``date_text``) naming 任务.xlsx, whose one task is due 年内."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "牵头单位", "完成时限"])
    ws.append([1, "加快优势产业复工提产", "经济发展办公室", "年内"])
    wb.save("任务.xlsx")
    Path("r.json").write_text(json.dumps({"report": meta(date=date_text), "sources": {"tasks": "任务.xlsx"}},
                                         ensure_ascii=False), encoding="utf-8")


def test_tables_take_the_year_of_a_json_date(in_tmp):
    _json_report_with_task_table("2021-07-29")
    data, sources = load_report_data("r.json")
    assert validate(data, sources).plan.tasks[0].due == date(2021, 12, 31)


def test_tables_without_a_usable_year_name_the_deadline_cell(in_tmp):
    _json_report_with_task_table("七月")
    with pytest.raises(DataError) as err:
        load_report_data("r.json")
    lines = err.value.lines()
    assert any(line.startswith('任务.xlsx:Sheet!D2: 完成时限: "年内" names no year') for line in lines), lines
    assert any("report.date:" in line for line in lines), lines


# ---------------------------------------------------------------------------------------------------------------
# Titles


def test_a_task_title_loses_its_full_stop():
    r = validate(report([task(title="加快优势产业复工提产。"), task(title="加快助企纾困政策落实．")]), _NoSources())
    assert [t.title for t in r.plan.tasks] == ["加快优势产业复工提产", "加快助企纾困政策落实"]


def test_a_task_title_of_only_a_full_stop_is_required():
    with pytest.raises(DataError) as err:
        validate(report([task(title="。")]), _NoSources())
    assert err.value.lines() == ["r.yaml: plan.sections[1].tasks[1].title: a title is required"]


@pytest.mark.parametrize("title", ["（一）加强稳链复链", "一、加强稳链复链", "(一) 加强稳链复链", "第一部分 加强稳链复链"])
def test_section_titles_lose_their_numbering(title):
    data = report(section_title=title)
    data["review"] = {"sections": [{"title": title, "points": [{"title": "一是保持经济指标稳定运行"},
                                                               {"title": "二是：落实稳住市场主体举措"}]}]}
    r = validate(data, _NoSources())
    assert r.plan.sections[0].title == "加强稳链复链"
    assert r.review.sections[0].title == "加强稳链复链"
    assert [p.title for p in r.review.sections[0].points] == ["保持经济指标稳定运行", "落实稳住市场主体举措"]


# ---------------------------------------------------------------------------------------------------------------
# One implementation each: units and lights


def test_support_units_split_as_in_tables():
    r = validate(report([task(support="区发改局和街道经发办／财政办")]), _NoSources())
    assert r.plan.tasks[0].support == ["区发改局", "街道经发办", "财政办"]


@pytest.mark.parametrize("light, expected", [("绿色", "green"), ("G", "green"), ("红灯", "red"), ("yellow", "yellow")])
def test_yaml_lights_read_as_in_tables(light, expected):
    r = validate(report(indicators=[{"name": "规上工业增加值", "value": 31.3, "light": light}]), _NoSources())
    assert r.indicators[0].light == expected


def test_an_unknown_light_is_one_line():
    with pytest.raises(DataError) as err:
        validate(report(indicators=[{"name": "规上工业增加值", "value": 31.3, "light": "蓝"}]), _NoSources())
    assert err.value.lines() == ['r.yaml: indicators[1].light (indicator "规上工业增加值"): "蓝" is not a light; write 绿, 黄 or 红']


# ---------------------------------------------------------------------------------------------------------------
# Deadlines


@pytest.mark.parametrize("due, expected", [("2022.12", date(2022, 12, 31)), (2022.12, date(2022, 12, 31)),
                                           ("2022.12.20", date(2022, 12, 20)), ("2022/11", date(2022, 11, 30)),
                                           ("2022-09", date(2022, 9, 30))])
def test_year_month_deadlines(due, expected):
    r = validate(report([task(due=due)]), _NoSources())
    assert r.plan.tasks[0].due == expected


def test_a_float_year_dot_one_is_ambiguous():
    with pytest.raises(DataError) as err:
        validate(report([task(due=2022.1)]), _NoSources())
    (line,) = err.value.lines()
    assert line.startswith('r.yaml: plan.sections[1].tasks[1].due (task "加快优势产业复工提产"): 2022.1 could be January or October')


# ---------------------------------------------------------------------------------------------------------------
# Lights and the tally


def test_light_counts_from_the_indicators_and_the_tally_as_given():
    inds = [{"name": n, "value": 1, "light": l} for n, l in (("a", "绿"), ("b", "绿"), ("c", "红"), ("d", None))]
    r = validate(report(indicators=inds), _NoSources())
    counts = r.light_counts
    assert (counts.green, counts.yellow, counts.red) == (2, 0, 1) and counts.text == "2绿1红"
    assert counts.period == "2022年1—6月"
    assert r.tally is None

    data = report(indicators=inds)
    data["tally"] = {"period": "一季度", "green": 14, "red": 6}
    r = validate(data, _NoSources())
    assert r.tally.text == "14绿6红"  # the published result stays as written
    assert r.light_counts.text == "2绿1红"


def test_no_lights_no_counts():
    r = validate(report(indicators=[{"name": "a", "value": 1}, {"name": "b", "value": 2, "light": "—"}]), _NoSources())
    assert r.indicators[1].light is None  # a dash is no light, as in a 亮灯 column
    assert r.light_counts is None


class _NoSources:
    """A SourceMap that places every value in r.yaml without a line (for data built in the test)."""

    def locate(self, path):
        from briefgen.errors import Location

        return Location("r.yaml")
