"""Status rules as data: a named rule set (rules.toml) + thresholds (the [track] settings) + one task's facts on
the as-of date -> its status (a word) and colour.

    rule = rule_set("序时进度")
    status = judge(rule, facts, thresholds)        # Status("滞后", "yellow")

The rule sets are data (``rules.toml``, documented in the README); this module only evaluates their conditions.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

COLOURS = ("green", "yellow", "orange", "red", "blue", "grey")
# The colour of a status, in words (台账, 通报) and as a cell fill (RGB hex; light enough to print text on).
COLOUR_WORDS = {"green": "绿", "yellow": "黄", "orange": "橙", "red": "红", "blue": "蓝", "grey": "灰"}
FILLS = {"green": "C6EFCE", "yellow": "FFEB9C", "orange": "F8CBAD", "red": "FFC7CE", "blue": "BDD7EE", "grey": "D9D9D9"}

# The states a unit may report (the 状态 drop-down of the 进度表).
DONE, GOING, NOT_STARTED, BLOCKED = "已完成", "推进中", "未启动", "受阻"
STATES = (DONE, GOING, NOT_STARTED, BLOCKED)

DEFAULT_RULE = "序时进度"


@dataclass(frozen=True)
class Status:
    word: str  # 已完成, 正常, 滞后, 逾期, 未报送, 临期, 未达节点, 已补齐, 黄色预警, 橙色预警
    colour: str  # one of COLOURS


@dataclass(frozen=True)
class Facts:
    """What the rules may look at for one task on the as-of date."""

    as_of: date
    start: date  # the plan period's start, or the task's own start date
    due: date | None  # None: ongoing work (长期坚持, 常态化 …)
    reported: bool  # the unit sent a row for this task this period
    state: str | None = None  # one of STATES, or None when the row gives none
    percent: Fraction | None = None  # 完成进度 reported, 0-100
    closed_before: bool = False  # closed (销号) in an earlier period
    last_colour: str | None = None  # the colour of the last period

    @property
    def ongoing(self) -> bool:
        return self.due is None

    def elapsed(self) -> Fraction | None:
        """序时进度: the share of the task's time elapsed on the as-of date, 0-100 (None for ongoing work)."""
        if self.due is None:
            return None
        total = (self.due - self.start).days
        if total <= 0:
            return Fraction(100)
        done = min(max((self.as_of - self.start).days, 0), total)
        return Fraction(done * 100, total)

    def progress(self) -> Fraction | None:
        if self.state == NOT_STARTED and self.percent is None:
            return Fraction(0)
        return self.percent

    def gap(self) -> Fraction | None:
        """序时进度 minus 完成进度 in points (None when either is unknown)."""
        elapsed, progress = self.elapsed(), self.progress()
        if elapsed is None or progress is None:
            return None
        return elapsed - progress


@lru_cache(maxsize=1)
def rule_sets() -> dict[str, dict]:
    """Every built-in rule set by name, as rules.toml declares it."""
    with (Path(__file__).with_name("rules.toml")).open("rb") as f:
        return tomllib.load(f)


def rule_set(name: str) -> dict:
    """The rule set called ``name``; a KeyError names the known ones."""
    sets = rule_sets()
    if name not in sets:
        raise KeyError(name)
    return sets[name]


def thresholds_read(name: str) -> list[str]:
    """The settings the rule set ``name`` reads as thresholds (``behind:behind_points`` -> behind_points), in its
    steps' order; ``was:C`` names a colour, no threshold."""
    found: list[str] = []
    for step in rule_sets().get(name, {}).get("steps", []):
        for cond in step.get("when", []):
            kind, _, arg = cond.partition(":")
            if arg and kind != "was" and arg not in found:
                found.append(arg)
    return found


def condition(name: str, facts: Facts, thresholds: dict) -> bool:
    """One condition of a rule step (see rules.toml), ``name`` as written there (``behind:behind_points``)."""
    kind, _, arg = name.partition(":")
    limit = Fraction(str(thresholds[arg])) if arg and kind != "was" else None
    if kind == "always":
        return True
    if kind == "done":
        return facts.closed_before or (facts.reported and facts.state == DONE)
    if kind == "no_report":
        return not facts.reported
    if kind == "blocked":
        return facts.reported and facts.state == BLOCKED
    if kind == "no_progress":
        return facts.reported and (facts.state == NOT_STARTED or facts.percent == 0)
    if kind == "was":
        return facts.last_colour == arg
    if facts.ongoing:  # the conditions below need a deadline
        return kind == "behind" and facts.reported and facts.state == NOT_STARTED
    days_left = (facts.due - facts.as_of).days
    if kind == "overdue":
        return days_left < 0
    if kind == "late":
        return -days_left >= limit
    if kind == "near":
        return 0 <= days_left <= limit
    if kind == "left":
        total = (facts.due - facts.start).days
        return days_left >= 0 and total > 0 and Fraction(days_left * 100, total) <= limit
    if kind == "behind":
        gap = facts.gap() if facts.reported else None
        return gap is not None and gap > limit
    raise KeyError(name)


def judge(rule: dict, facts: Facts, thresholds: dict) -> Status:
    """The status of one task: the first step of ``rule`` whose conditions all hold. Ongoing work is never red."""
    for step in rule["steps"]:
        if all(condition(c, facts, thresholds) for c in step["when"]):
            if facts.ongoing and step["colour"] == "red":
                return Status("滞后", "yellow")
            return Status(step["status"], step["colour"])
    return Status("正常", "green")  # pragma: no cover - every built-in set ends with `always`


def conditions_used(rule: dict) -> set[str]:
    """The threshold settings a rule set reads (for the README and for checking a user's [track] table)."""
    return {c.partition(":")[2] for step in rule["steps"] for c in step["when"] if ":" in c and not c.startswith("was:")}
