"""Plain dicts (from any loader) -> a validated Report.

The Report is what templates see. Validation collects every problem and reports each one with the
location its value came from (see ``load.SourceMap``): ``file:line:col: field: message``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from . import values
from .errors import DataError, Location, Problem


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

    @property
    def report_year(self) -> int:
        return self.year or self.date.year


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

    @field_validator("value", "target", mode="before")
    @classmethod
    def _number(cls, v: Any) -> Any:
        return None if v is None else values.parse_number(v)

    @field_validator("yoy", "progress", mode="before")
    @classmethod
    def _percent(cls, v: Any) -> Any:
        return None if v is None else values.parse_percent(v)

    @field_validator("light", mode="before")
    @classmethod
    def _light(cls, v: Any) -> Any:
        return {"绿": "green", "绿灯": "green", "黄": "yellow", "黄灯": "yellow", "红": "red", "红灯": "red"}.get(v, v)


class Tally(_Model):
    """A traffic-light tally such as 一季度 14绿6红, with the standing it earned."""

    period: str
    green: int = Field(ge=0)
    red: int = Field(ge=0)
    yellow: int = Field(default=0, ge=0)
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


class ReviewPoint(_Model):
    title: str
    text: str = ""


class ReviewSection(_Model):
    """One numbered section of the half-year review: its heading, its 一是/二是 points and its figures."""

    title: str
    intro: str = ""
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

    @field_validator("support", mode="before")
    @classmethod
    def _split_support(cls, v: Any) -> Any:
        if isinstance(v, str):
            return [s for s in (p.strip() for p in _split_units(v)) if s]
        return [] if v is None else v

    @model_validator(mode="before")
    @classmethod
    def _due_from_text(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return data
        due = data.get("due")
        if isinstance(due, str):
            year = (info.context or {}).get("year") or date.today().year
            data = {**data, "due": values.parse_due(due, year), "due_text": data.get("due_text") or due.strip()}
        return data

    @property
    def due_display(self) -> str:
        return self.due_text or f"{self.due.year}年{self.due.month}月{self.due.day}日"


def _split_units(text: str) -> list[str]:
    import re

    return re.split(r"[、，,；;/\s]+", text)


class TaskSection(_Model):
    title: str
    intro: str = ""
    tasks: list[Task] = []


class Plan(_Model):
    """The second half year: an introduction and the sections of lead tasks."""

    intro: str = ""
    sections: list[TaskSection] = []

    @property
    def tasks(self) -> list[Task]:
        return [t for s in self.sections for t in s.tasks]


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

    @property
    def meta(self) -> Meta:
        return self.report

    @model_validator(mode="after")
    def _departments_known(self) -> "Report":
        if not self.departments:
            return self
        known = {d.name for d in self.departments} | {d.short for d in self.departments if d.short}
        problems = []
        for si, section in enumerate(self.plan.sections):
            for ti, task in enumerate(section.tasks):
                for field, names in (("lead", [task.lead]), ("support", task.support)):
                    for name in names:
                        if name not in known:
                            problems.append(((("plan", "sections", si, "tasks", ti, field)), f'"{name}" is not in the departments list; add it there or correct the name'))
        if problems:
            raise _CrossCheck(problems)
        return self

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


def field_label(path: tuple) -> str:
    """('plan', 'sections', 0, 'tasks', 2, 'lead') -> 'plan.sections[1].tasks[3].lead' (1-based, as people count)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def validate(data: Any, sources: "SourceMapLike") -> Report:
    """Validate plain data into a Report, or raise DataError listing every problem with its location."""
    if not isinstance(data, dict):
        raise DataError([Problem(sources.locate(()), "", "the file must hold a mapping with a `report:` section at the top")])
    year = None
    meta = data.get("report")
    if isinstance(meta, dict):
        year = meta.get("year") or getattr(meta.get("date"), "year", None)
    try:
        return Report.model_validate(_number_tasks(data), context={"year": year})
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            ctx_error = (err.get("ctx") or {}).get("error")
            if isinstance(ctx_error, _CrossCheck):
                for path, message in ctx_error.problems:
                    problems.append(Problem(sources.locate(path), field_label(path), message))
                continue
            message = str(ctx_error) if isinstance(ctx_error, ValueError) else _message(err)
            problems.append(Problem(sources.locate(loc), field_label(loc), message))
        raise DataError(problems) from None


def _message(err: dict) -> str:
    kind = err["type"]
    if kind == "missing":
        return "this field is required but missing"
    if kind == "extra_forbidden":
        return "unknown field; check its spelling"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    return msg[0].lower() + msg[1:] if msg else msg


class SourceMapLike:  # pragma: no cover - typing aid
    def locate(self, path: tuple) -> Location: ...
