"""Each rule set on the 116-task fixture plan at several as-of dates, against the statuses worked out by hand in
fixture_plan.py; the plan read from YAML and the progress from an .xlsx, as a clerk's files are."""

from __future__ import annotations

from datetime import date

import pytest

import fixture_plan as F
from briefgen.load.progress import read_progress
from briefgen.settings import TrackSettings
from briefgen.track.follow import follow, match
from briefgen.track.plan import load_plan
from briefgen.track.rules import rule_set


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plan")
    F.write_data(folder / "plan.yaml")
    F.write_progress(folder / "进展.xlsx")
    plan, warnings = load_plan(folder / "plan.yaml")
    reports, problems = read_progress(folder / "进展.xlsx")
    assert not problems and not warnings
    matched, errors, near = match(plan, reports)
    assert not errors and not near
    return plan, matched


def statuses(inputs, rule: str, as_of: date, last=None, **settings) -> dict[int, set[str]]:
    plan, matched = inputs
    lines = follow(plan, matched, as_of, rule_set(rule), TrackSettings(**settings).thresholds(), last)
    by_kind: dict[int, set[str]] = {}
    for (ident, kind, *_), line in zip(F.tasks(), lines):
        assert line.item.id == ident
        by_kind.setdefault(kind, set()).add(line.status.word)
    return by_kind


def test_the_fixture_plan_has_more_than_100_tasks(inputs):
    plan, matched = inputs
    assert len(plan.items) == 116 and len(plan.units()) == 4
    assert len(matched) == 116 - 3 * 4  # three kinds send no report


@pytest.mark.parametrize("column, when", [(5, "A"), (6, "B"), (7, "C"), (8, "D")])
def test_the_default_rule_at_four_dates(inputs, column, when):
    got = statuses(inputs, "序时进度", F.ASOF[when])
    for k, kind in enumerate(F.KINDS, 1):
        assert got[k] == {kind[column]}, f"kind {k} on {F.ASOF[when]}: {got[k]} (hand: {kind[column]})"


def test_the_colours_of_the_default_rule(inputs):
    plan, matched = inputs
    lines = follow(plan, matched, F.ASOF["D"], rule_set("序时进度"), TrackSettings().thresholds(), None)
    colours = {(ln.status.word, ln.status.colour) for ln in lines}
    assert colours == {("已完成", "green"), ("逾期", "red"), ("滞后", "yellow"), ("未报送", "grey"), ("正常", "green")}
    ongoing = [ln for ln in lines if ln.item.due is None]
    assert len(ongoing) == 16 and not any(ln.status.colour == "red" for ln in ongoing)


def test_closing_needs_evidence(inputs):
    plan, matched = inputs
    lines = follow(plan, matched, F.ASOF["B"], rule_set("序时进度"), TrackSettings().thresholds(), None)
    kinds = {ln.item.id: k for (ident, k, *_), ln in zip(F.tasks(), lines)}
    for ln in lines:
        k = kinds[ln.item.id]
        assert ln.closure == {1: "销号", 2: "待审核", 10: "销号", 25: "待审核", 26: "销号"}.get(k, ""), k


def test_a_wider_tolerance_moves_the_edge(inputs):
    got = statuses(inputs, "序时进度", F.ASOF["C"], behind_points=20)
    assert got[3] == {"滞后"}  # 23.06 behind
    assert got[27] == {"正常"} and got[4] == {"滞后"}  # 10.06 now within 20; 43.06 not


def test_node_rule_at_b(inputs):
    got = statuses(inputs, "三色预警", F.ASOF["B"])
    for k in range(1, len(F.KINDS) + 1):
        assert got[k] == {F.NODE_B[k]}, k


def test_node_rule_red_turns_yellow_once_the_gap_is_made_up(inputs):
    plan, matched = inputs
    first = follow(plan, matched, F.ASOF["B"], rule_set("三色预警"), TrackSettings().thresholds(), None)
    from briefgen.track.follow import kept

    last = kept(first, "2022-09", F.ASOF["B"], "三色预警", 1)
    # kind 9 (10-31 task, 70 %) missed its node on 09-30 (74.59); kind 3 (60 %) met it. On 10-10 (序时
    # 101/122 = 82.79 and 101/183 = 55.19) with the same reports: kind 9 still behind -> red; kind 3 fine -> green.
    got = statuses(inputs, "三色预警", date(2022, 10, 10), last)
    assert got[9] == {"未达节点"} and got[3] == {"正常"}
    # kind 24 (85 %) met it and still does; kind 4 (40 %, red on 09-30) is now 55.19-40 behind: red again.
    assert got[24] == {"正常"} and got[4] == {"未达节点"}
    # a task that was red and has caught up: kind 11 (09-30 task, 90 %) on its deadline day was red; say it was
    # red and now reports 100 % 推进中 on the same day -> 已补齐 (yellow), then green the period after.
    from briefgen.track.rules import Facts, judge
    from fractions import Fraction

    rule, th = rule_set("三色预警"), TrackSettings().thresholds()
    caught_up = Facts(as_of=date(2022, 10, 31), start=date(2022, 7, 1), due=date(2022, 12, 31), reported=True,
                      state="推进中", percent=Fraction(70), last_colour="red")  # 序时 122/183 = 66.67 < 70
    assert (judge(rule, caught_up, th).word, judge(rule, caught_up, th).colour) == ("已补齐", "yellow")
    after = Facts(**{**caught_up.__dict__, "last_colour": "yellow"})
    assert judge(rule, after, th).colour == "green"


@pytest.mark.parametrize("when, expected", [(F.ASOF["B"], F.BLUE_B), (date(2022, 12, 20), F.BLUE_1220)])
def test_blue_yellow_red(inputs, when, expected):
    got = statuses(inputs, "蓝黄红", when)
    for k in range(1, len(F.KINDS) + 1):
        assert got[k] == {expected[k]}, (k, when)


def test_time_left_rule(inputs):
    got = statuses(inputs, "剩余时间", F.ASOF["B"])
    for k in range(1, len(F.KINDS) + 1):
        assert got[k] == {F.LEFT_B.get(k, "正常")}, k
    assert statuses(inputs, "剩余时间", date(2022, 12, 5))[21] == {"黄色预警"}
    assert statuses(inputs, "剩余时间", date(2022, 12, 20))[21] == {"橙色预警"}
    assert statuses(inputs, "剩余时间", date(2022, 11, 10))[21] == {"正常"}  # 51/121 = 42 % left


def test_days_late_rule(inputs):
    got = statuses(inputs, "工期预警", date(2022, 10, 10))
    for k, want in F.LATE_1010.items():
        assert got[k] == {want}, k
    # 09-30 tasks: 5 days late on 10-05 -> yellow; 15 days on 10-15 -> red
    assert statuses(inputs, "工期预警", date(2022, 10, 5))[12] == {"黄色预警"}
    assert statuses(inputs, "工期预警", date(2022, 10, 15))[12] == {"逾期"}


def test_every_rule_set_names_thresholds_that_are_settings():
    from briefgen.track.rules import conditions_used, rule_sets

    assert len(rule_sets()) >= 5
    fields = set(TrackSettings.model_fields)
    for name, rule in rule_sets().items():
        assert conditions_used(rule) <= fields, name
        assert rule["steps"][0]["when"] == ["done"]


def test_workday_deadlines_follow_the_official_calendar(tmp_path):
    import yaml

    data = F.report_data()
    task = data["plan"]["sections"][0]["tasks"][0]
    task.update(due="5个工作日内", start="2022-09-28")
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plan, warnings = load_plan(tmp_path / "p.yaml")
    # 09-29 Thu, 09-30 Fri, then 10-01..07 off (国庆), 10-08 Sat and 10-09 Sun worked (调休), 10-10 Mon
    assert plan.items[0].due == date(2022, 10, 10) and plan.items[0].due_text == "5个工作日内"
    assert not warnings
    task.update(due="3个工作日内", start="2031-01-01")
    data["report"].update(year=2031, date="2031-07-01")
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plan, warnings = load_plan(tmp_path / "p.yaml")
    assert plan.items[0].due == date(2031, 1, 6)  # Thu 2, Fri 3, Mon 6 (weekends only: past the calendar)
    assert len(warnings) == 1 and "2031" in str(warnings[0])
