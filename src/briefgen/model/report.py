"""Plain dicts (from any loader) -> a validated Report.

The Report is what templates see. Validation collects every problem and reports each one with the
location its value came from (see ``load.SourceMap``): ``file:line:col: field: message``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .. import limits
from . import values
from .. import messages as M
from .fields import colon_slip, field_label, field_path, keys_at, near_key  # noqa: F401  (field_label: loaders use it)
from .periods import plan_period, review_period


def check_figure(number: Decimal) -> Decimal:
    """A figure within ``limits``: finite, at most MAX_INTEGER_DIGITS before the point and MAX_DECIMAL_PLACES after
    it, so that templates can round and format it (decimal arithmetic keeps 28 significant digits)."""
    if not number.is_finite():
        raise ValueError(M.figure_not_finite(value=str(number)))
    if number and number.adjusted() >= limits.MAX_INTEGER_DIGITS:
        raise ValueError(limits.refusal(M.int_digits(n=f"{number.adjusted() + 1:,}"),
                                        M.limit_int_digits(n=f"{limits.MAX_INTEGER_DIGITS:,}"), M.fix_larger_unit()))
    places = -number.normalize().as_tuple().exponent if number else 0
    if places > limits.MAX_DECIMAL_PLACES:
        raise ValueError(limits.refusal(M.decimal_places(n=f"{places:,}"), M.limit_decimal_places(n=f"{limits.MAX_DECIMAL_PLACES:,}"),
                                        M.fix_round()))
    return number


def _in_years(day: Any) -> Any:
    """A date within MIN_YEAR..MAX_YEAR (date arithmetic and the PDF's metadata fail near the year 9999)."""
    if isinstance(day, date) and not limits.MIN_YEAR <= day.year <= limits.MAX_YEAR:
        raise ValueError(M.year_outside(day=day.isoformat(), year=str(day.year), low=str(limits.MIN_YEAR),
                                        high=str(limits.MAX_YEAR)))
    return day


class _Model(BaseModel):
    # Unknown keys are an error: a typo such as "vaule" must not pass in silence.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Meta(_Model):
    """The report's own facts: what it is, who issued it, when."""

    title: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    date: date
    period: str = Field(min_length=1, description="the period the figures cover, e.g. 2022年1—6月")
    year: int | None = Field(default=None, description="the report's year; defaults to the year of `date`")
    index_no: str | None = None
    doc_no: str | None = None
    category: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        # JSON has no dates, and a quoted YAML date is text: read both as a person would write them.
        return _in_years(values.parse_date(v) if isinstance(v, (str, datetime)) else v)

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, v: Any) -> Any:
        return None if v is None else values.parse_year(v)

    @property
    def report_year(self) -> int:
        """The report's year: ``year`` if given, else the year of ``date`` (see ``values.report_year``)."""
        return values.report_year(self.year, self.date)


class Indicator(_Model):
    """One figure: name, value and unit, with growth, target, progress, rank and light where known."""

    name: str = Field(min_length=1)
    value: Decimal
    unit: str = ""
    yoy: Decimal | None = Field(default=None, description="year-on-year growth, percent")
    target: Decimal | None = None
    progress: Decimal | None = Field(default=None, description="share of the annual target reached, percent")
    rank: str | None = None
    light: Literal["green", "yellow", "red"] | None = None
    estimate: bool = False
    note: str | None = None
    value_text: str | None = Field(default=None, description="the value as written in the source, for display")
    yoy_text: str | None = None
    owner: str | None = Field(default=None, description="the department that answers for the figure (its brief lists it)")
    group: str | None = Field(default=None, description="the group heading it stands under, e.g. 招商引资 (a section row of the table)")

    @field_validator("group")
    @classmethod
    def _group_unnumbered(cls, v: str | None) -> str | None:
        # The template numbers the group rows itself; "二、招商引资" is stored as 招商引资.
        return None if v is None else (values.strip_numbering(v) or None)

    @field_validator("value", "target", mode="before")
    @classmethod
    def _number(cls, v: Any) -> Any:
        return None if v is None else check_figure(values.parse_number(v))

    @field_validator("yoy", "progress", mode="before")
    @classmethod
    def _percent(cls, v: Any) -> Any:
        return None if v is None else check_figure(values.parse_percent(v))

    @field_validator("light", mode="before")
    @classmethod
    def _light(cls, v: Any) -> Any:
        # The words a 亮灯 column accepts, in YAML too; an empty or dashed value is no light, as in a table.
        return None if values.is_blank(v) else values.parse_light(v)


class Tally(_Model):
    """A traffic-light tally such as 一季度 14绿6红, with the standing it earned."""

    period: str
    green: int = Field(ge=0, le=limits.MAX_LIST_ITEMS)
    red: int = Field(ge=0, le=limits.MAX_LIST_ITEMS)
    yellow: int = Field(default=0, ge=0, le=limits.MAX_LIST_ITEMS)
    rank: str | None = None

    @property
    def text(self) -> str:
        parts = [f"{self.green}绿"] + ([f"{self.yellow}黄"] if self.yellow else []) + [f"{self.red}红"]
        return "".join(parts)


class Ranking(_Model):
    """A standing reached in an assessment, e.g. 安全生产执法检查企业家数 · 全区第一."""

    subject: str
    rank: str
    section: int | None = None


PLACEHOLDER = "待定"  # an owner still to be decided: warned about by the templates, an error only with --strict

_POINT_NUMBER = re.compile(r"^[一二三四五六七八九十]+是\s*[，,、:：]?\s*")


class ReviewPoint(_Model):
    """One 一是/二是 point: its title is stored without the 一是 (the template numbers the points)."""

    title: str
    text: str = ""

    @field_validator("title")
    @classmethod
    def _unnumbered(cls, v: str) -> str:
        return values.strip_numbering(_POINT_NUMBER.sub("", v, count=1))


class _Section(_Model):
    """A titled section; the title is kept without its numbering (（一）, 一、, 第一部分), which templates add."""

    title: str
    intro: str = ""

    @field_validator("title")
    @classmethod
    def _unnumbered(cls, v: str) -> str:
        return values.strip_numbering(v)


class ReviewSection(_Section):
    """One numbered section of the half-year review: its heading, its 一是/二是 points and its figures."""

    points: list[ReviewPoint] = []
    results: list[Indicator] = []


class Review(_Model):
    intro: str = ""
    sections: list[ReviewSection] = []


class Task(_Model):
    """One lead task of the coming half year, with who leads, who supports and by when."""

    id: str | None = None
    title: str = Field(min_length=1)
    detail: str = ""
    lead: str = Field(min_length=1)
    support: list[str] = []
    due: date
    due_text: str | None = Field(default=None, description="the deadline as written, e.g. 年内")
    status: str | None = None
    start: date | None = Field(default=None, description="the day the task starts, when not the plan period's start (督办: 序时进度)")
    flagged: bool = Field(default=False, description="挂牌督办: one of the hardest items the leadership tracks one by one")

    @field_validator("title")
    @classmethod
    def _no_full_stop(cls, v: str) -> str:
        # The template puts its own 。 after the title; a cell typed "加快优势产业复工提产。" must not give two.
        v = v.rstrip("。．. \u3000")
        if not v:
            raise ValueError(M.title_required())
        return v

    @field_validator("support", mode="before")
    @classmethod
    def _split_support(cls, v: Any) -> Any:
        # "区发改局和街道经发办／财政办" splits as a 配合单位 cell does; a YAML list is taken as it is.
        if isinstance(v, str):
            return values.split_units(v)
        return [] if v is None else v

    @model_validator(mode="before")
    @classmethod
    def _due_text(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("due"), str) and not data.get("due_text"):
            data = {**data, "due_text": data["due"].strip()}
        return data

    @field_validator("due", mode="before")
    @classmethod
    def _due(cls, v: Any, info: ValidationInfo) -> Any:
        # Text and numbers (2022.12 in YAML) are read as deadlines, in the report's year when they name none.
        if isinstance(v, (str, int, float, Decimal)) and not isinstance(v, bool):
            return _in_years(values.parse_due(v, (info.context or {}).get("year")))
        return _in_years(v)

    @property
    def due_display(self) -> str:
        return self.due_text or f"{self.due.year}年{self.due.month}月{self.due.day}日"


class TaskSection(_Section):
    """One section of the second half year's plan and its lead tasks."""

    tasks: list[Task] = []


class Plan(_Model):
    """The coming period's plan (the second half year, the next year, the next quarter): an introduction and the
    sections of lead tasks."""

    intro: str = ""
    period: str | None = Field(default=None, description="the period the plan covers as titles say it, e.g. 下半年, "
                                                         "2024年, 四季度 (default: the one after report.period)")
    sections: list[TaskSection] = []

    @property
    def tasks(self) -> list[Task]:
        return [t for s in self.sections for t in s.tasks]


# ---- periods: what the report's figures cover, and what its plan covers, as titles say them ----------------------


TITLE_FIELDS = ("issuer", "year", "period", "plan", "department")
_FIELD = re.compile(r"\{([^{}]*)\}")


def check_title(text: str) -> str:
    """A title given in the data, briefgen.toml or --title: its {fields} must be known (ValueError otherwise)."""
    text = text.strip()
    if not text:
        raise ValueError(M.title_empty())
    for field in _FIELD.findall(text):
        if field not in TITLE_FIELDS:
            raise ValueError(M.title_unknown_field(field="{" + field + "}", title=repr(text)))
    return text


class Department(_Model):
    name: str
    short: str | None = None
    kind: str | None = None


class Report(_Model):
    """Everything one briefing pack is made from."""

    report: Meta
    indicators: list[Indicator] = []
    tally: Tally | None = None
    rankings: list[Ranking] = []
    review: Review = Review()
    plan: Plan = Plan()
    departments: list[Department] = []
    titles: dict[str, Annotated[str, AfterValidator(check_title)]] = Field(
        default={}, description="a title per template (tasks, summary, review, department …), with {issuer} {year} "
                                "{period} {plan} {department} filled in")

    @property
    def meta(self) -> Meta:
        return self.report

    @property
    def plan_period(self) -> str:
        """The period the plan covers, as titles say it: 2022年下半年 (after 2022年1—6月), 2024年 (after 2023年),
        or ``plan.period``."""
        return plan_period(self.report.period, self.report.report_year, self.plan.period)

    @property
    def review_period(self) -> str:
        """The period the review looks back on, as titles say it: 2022年上半年, 2023年."""
        return review_period(self.report.period, self.report.report_year)

    def title_for(self, template: str, default: str, department: str | None = None) -> str:
        """The title of ``template``'s document: the one given for it (``titles`` of the data, briefgen.toml or
        --title), its fields filled in, else ``default``."""
        text = self.titles.get(template)
        if not text:
            return default
        fields = {"issuer": self.report.issuer, "year": str(self.report.report_year), "period": self.report.period,
                  "plan": self.plan_period, "department": department or ""}
        return _FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), text)

    @property
    def light_counts(self) -> Tally | None:
        """The lights of the indicators counted (a Tally for the report's period), or None when none has a light.

        ``tally`` is the published assessment result as the data file gives it (often of another period, e.g.
        一季度) and is never replaced by this count; a template without a ``tally`` may show this one instead:
        ``{{ (report.tally or report.light_counts).text }}``.
        """
        lights = [i.light for i in self.indicators if i.light]
        if not lights:
            return None
        return Tally(period=self.report.period, green=lights.count("green"), yellow=lights.count("yellow"),
                     red=lights.count("red"))

    @property
    def unlisted_units(self) -> list[tuple[str, tuple]]:
        """Units named in tasks that a non-empty ``departments`` list lacks, each with the path where it is first
        named, in first-seen order. Each is taken as a department (a batch gives it a brief) and warned about
        (``doubts``); 待定, the placeholder for an owner still to be decided, is not a unit."""
        if not self.departments:
            return []
        known = {d.name for d in self.departments} | {d.short for d in self.departments if d.short} | {PLACEHOLDER}
        found: dict[str, tuple] = {}
        for si, section in enumerate(self.plan.sections):
            for ti, task in enumerate(section.tasks):
                for field, names in (("lead", [task.lead]), ("support", task.support)):
                    for name in names:
                        if name not in known and name not in found:
                            found[name] = ("plan", "sections", si, "tasks", ti, field)
        return list(found.items())

    def department_tasks(self, name: str) -> list[Task]:
        """The tasks a department leads or supports, in the report's order."""
        dept = next((d for d in self.departments if d.name == name), None)
        names = {name} | ({dept.short} if dept and dept.short else set())
        return [t for t in self.plan.tasks if t.lead in names or names & set(t.support)]


class _CrossCheck(ValueError):
    """Cross-field problems found after each field is valid; carries their paths."""

    def __init__(self, problems: list[tuple[tuple, str]]):
        self.problems = problems
        super().__init__("; ".join(m for _, m in problems))


