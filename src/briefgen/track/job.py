"""`briefgen track forms` and `briefgen track report`: plans of documents, carried out by the jobs engine.

A plan is a list of engine ``Work``s: the 通报 and each 催办单 a ``DocJob`` (a template and its data, DOCX and PDF),
each workbook and the period's kept result a ``MadeJob`` (plain data a module-level function turns into bytes).
``render_track`` makes either; ``jobs.engine.run`` keeps what is unchanged, renders the rest, writes everything at
once, atomically, with manifest.json, into the period's folder.

Folders, under --out:
    2022-09/进度表/{unit}_进度表_2022-09.xlsx        track forms
    2022-09/督办通报_第3期_2022-09.docx|.pdf          track report (with 催办单_…, 督办台账_…, 销号清单_…)
    2022-09/督办结果.json                             this period's result: the next period compares with it
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from .. import messages as M
from ..errors import BriefgenError, DataError, Location, Problem
from ..jobs.common import Clock, DocJob, render_doc
from ..jobs.engine import Made, Plan, Work, run
from ..jobs.manifest import file_sha256, recipe_key
from ..jobs.results import JobResult

RESULT = "督办结果.json"
FORMS = "进度表"


@dataclass(frozen=True)
class MadeJob:
    """Bytes that are no template's document: a workbook or the kept result, from plain (picklable) data."""

    kind: str  # form, ledger, closing, result
    unit: str
    data: Any
    when: date  # the date the workbook's properties and ZIP entries carry


def render_track(job) -> Made:
    """One Work of a track plan -> its bytes (the engine's render function; module-level, so a pool can call it)."""
    if isinstance(job, DocJob):
        return render_doc(job)
    from .progress_form import form_workbook
    from .ledger import closing_workbook, ledger_workbook
    from .workbook import stable_bytes

    if job.kind == "result":
        return Made(job.unit, {"json": json.dumps(job.data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")})
    if job.kind == "form":
        wb = form_workbook(*job.data)
    elif job.kind == "ledger":
        wb = ledger_workbook(job.data)
    else:
        wb = closing_workbook(job.data)
    return Made(job.unit, {"xlsx": stable_bytes(wb, job.when)})


def _period_of(value: str | None, as_of: date | None) -> str:
    if value is None:
        return f"{as_of.year:04d}-{as_of.month:02d}"
    m = re.fullmatch(r"\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?\s*", value)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise BriefgenError(M.tr_bad_period(value=repr(value)))
    _check_year(value.strip(), int(m.group(1)))
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def _check_year(value: str, year: int) -> None:
    """A period or as-of date within limits.MIN_YEAR..MAX_YEAR: the year 0 has no dates, the year 9999 none after it."""
    from .. import limits

    if not limits.MIN_YEAR <= year <= limits.MAX_YEAR:
        raise BriefgenError(M.year_outside(day=value, year=str(year), low=str(limits.MIN_YEAR), high=str(limits.MAX_YEAR)))


def _month_words(period: str) -> str:
    return f"{int(period[:4])}年{int(period[5:])}月"


def parse_as_of(value: str) -> date:
    from ..model.values import parse_date

    try:
        day = parse_date(value)
    except ValueError:
        raise BriefgenError(M.tr_bad_as_of(value=repr(value))) from None
    _check_year(value.strip(), day.year)
    return day


def _safe(part: str) -> str:
    from ..jobs.names import clean_part

    return clean_part(part)


def history(out: Path, period: str) -> list[dict]:
    """The kept results of the periods before ``period`` in ``out``, oldest first."""
    from .kept import read_kept

    found = []
    if out.is_dir():
        for p in sorted(out.iterdir()):
            if re.fullmatch(r"\d{4}-\d{2}", p.name) and p.name < period and ((p / RESULT).exists() or (p / RESULT).is_symlink()):
                found.append(read_kept(p / RESULT))
    return found


def _load_plan(settings):
    from .plan import load_plan

    if settings.data is None:
        raise BriefgenError(M.no_data_file())
    plan, warnings = load_plan(settings.data, settings.tasks, settings.columns or None)
    if not plan.items:
        raise BriefgenError(M.tr_no_tasks())
    seen: dict[str, str] = {}
    for item in plan.items:
        if item.id in seen:
            raise BriefgenError(M.tr_duplicate_id(id=item.id, first=seen[item.id], second=item.title))
        seen[item.id] = item.title
    return plan, warnings


def _common_key(settings) -> tuple[str, dict[str, str]]:
    """What every output's bytes depend on beside its own data (briefgen's version, the templates and theme files),
    and the input files for the manifest."""
    from ..compose.templates import template_files
    from ..theme import load_theme

    theme = load_theme(settings.theme)
    files = {str(p): "template" for p in template_files(tuple(settings.template_dirs))}
    files.update({p: "theme" for p in theme.chain})
    hashed = {p: file_sha256(Path(p)) for p in files}
    return recipe_key(__version__, hashed, settings.mark, theme.name, str(settings.reference_docx or "")), files


def _work(unit: str, common: str, targets: dict[str, str], job, entry: dict) -> Work:
    data = job.extra if isinstance(job, DocJob) else (job.kind, job.data, job.when)
    return Work(unit, recipe_key(common, entry, data), tuple(targets.items()), job, entry)


# ---- track forms ----------------------------------------------------------------------------------------------------

def forms_plan(settings, period: str) -> Plan:
    from .progress_form import return_date

    plan, warnings = _load_plan(settings)
    period = _period_of(period, None)
    out = Path(settings.out)
    earlier = history(out, period)
    last = earlier[-1] if earlier else None
    back = return_date(period, settings.track.return_day)
    common = recipe_key(__version__, "forms")
    works = [_work(unit, common, {"xlsx": f"{_safe(unit)}_进度表_{period}.xlsx"},
                   MadeJob("form", unit, (plan, unit, period, back, last), back), {"template": "进度表", "unit": unit})
             for unit in plan.units()]
    inputs = {str(settings.data): "data", **({str(settings.tasks): "table"} if settings.tasks else {})}
    return Plan(out / period / FORMS, works, render_track, inputs, force=settings.force), warnings


def forms(settings, period: str) -> JobResult:
    plan, warnings = forms_plan(settings, period)
    clock = Clock()
    result = run(plan, JobResult(warnings=list(warnings)), clock)
    result.timings = clock.total()
    return result


# ---- track report ---------------------------------------------------------------------------------------------------

def progress_files(given: list[Path]) -> list[Path]:
    """The progress tables named: a file as it is, a folder as the tables in it (.xlsx, .xlsm, .csv; regular files,
    not links; not Excel's ~$ lock files), by name. The same file named twice is read once."""
    import os
    import stat

    found: list[Path] = []
    for p in map(Path, given):
        if not p.is_dir():
            found.append(p)
            continue
        tables = []
        for child in sorted(p.iterdir()):
            try:
                regular = stat.S_ISREG(os.lstat(child).st_mode)
            except OSError:
                continue
            if regular and child.suffix.lower() in (".xlsx", ".xlsm", ".csv") and not child.name.startswith(("~$", ".")):
                tables.append(child)
        if not tables:
            raise DataError([Problem(Location(str(p)), "", M.tr_folder_no_tables())])
        found.extend(tables)
    seen: set = set()
    unique = []
    for p in found:
        key = os.path.abspath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def report_plan(settings, progress: list[Path], as_of: date, period: str | None = None) -> tuple[Plan, list[Problem], dict]:
    """The period's plan of outputs (nothing written), its warnings and the documents' data."""
    from ..load.progress import read_progress
    from .follow import follow, kept, match
    from .rules import rule_set, rule_sets
    from .summary import next_return, summarise

    rule_name = settings.track.rule
    try:
        rule = rule_set(rule_name)
    except KeyError:
        raise BriefgenError(M.tr_unknown_rule(name=repr(rule_name), known="、".join(rule_sets()))) from None
    progress = progress_files(progress)
    if not progress:
        raise BriefgenError(M.tr_no_progress_files())
    plan, warnings = _load_plan(settings)
    period = _period_of(period, as_of)
    out = Path(settings.out)
    folder = out / period
    reports, errors = [], []
    for p in progress:
        got, problems = read_progress(Path(p))
        reports.extend(got)
        errors.extend(problems)
    warned: set = set()
    for rep in reports:  # a form of another month (last month's, dropped in by mistake, or filled in again)
        if rep.period and rep.period != period and rep.period_at is not None and str(rep.period_at) not in warned:
            warned.add(str(rep.period_at))
            warnings.append(Problem(rep.period_at, "", M.tr_other_month(form=_month_words(rep.period), period=_month_words(period))))
    matched, unmatched, near = match(plan, reports)
    errors.extend(unmatched)
    if errors:  # a merged cell over several rows is one problem, said once (not once a row)
        raise DataError(list({str(p): p for p in errors}.values()))
    warnings.extend(near)
    earlier = history(out, period)
    last = earlier[-1] if earlier else None
    issue = settings.track.first_issue + len(earlier)
    lines = follow(plan, matched, as_of, rule, settings.track.thresholds(), last)
    data = summarise(plan, lines, as_of=as_of, period=period, issue=issue, rule_name=rule_name, rule=rule,
                     near_days=settings.track.near_days, thresholds=settings.track.thresholds(),
                     return_by=next_return(as_of, settings.track.return_day),
                     requirements=settings.track.requirements, history=earlier)
    result = kept(lines, period, as_of, rule_name, issue)
    for ln in lines:  # the progress words travel to next period's forms (上期进展)
        result["tasks"][ln.item.id]["progress"] = ln.report.progress if ln.report else ""
    formats = tuple(settings.formats)
    common, files = _common_key(settings)

    def doc(unit: str, template: str, extra: tuple) -> DocJob:
        return DocJob(unit, None, template, tuple(settings.template_dirs), settings.theme, formats,
                      settings.reference_docx, settings.mark, False, extra)

    works = [_work("督办通报", common, {f: f"督办通报_第{issue}期_{period}.{f}" for f in formats},
                   doc("督办通报", "track-circular", (("track", data),)), {"template": "track-circular"})]
    for reminder in data["reminders"]:
        unit = reminder["unit"]
        works.append(_work(unit, common, {f: f"催办单_{_safe(unit)}_{period}.{f}" for f in formats},
                           doc(unit, "track-reminder", (("track", data), ("reminder", reminder))),
                           {"template": "track-reminder", "unit": unit}))
    works.append(_work("台账", common, {"xlsx": f"督办台账_{period}.xlsx"}, MadeJob("ledger", "台账", data, as_of), {"template": "台账"}))
    works.append(_work("销号清单", common, {"xlsx": f"销号清单_{period}.xlsx"}, MadeJob("closing", "销号清单", data, as_of),
                       {"template": "销号清单"}))
    works.append(_work("督办结果", common, {"json": RESULT}, MadeJob("result", "督办结果", result, as_of), {"template": "督办结果"}))
    written = {(folder / name).resolve() for w in works for _, name in w.targets}
    if any(Path(p).resolve() in written for p in progress):
        raise BriefgenError(M.tr_out_is_input(folder=folder))
    inputs = {str(settings.data): "data", **({str(settings.tasks): "table"} if settings.tasks else {}),
              **{str(p): "progress" for p in progress}, **files}
    return Plan(folder, works, render_track, inputs, force=settings.force, strict=settings.strict), warnings, data


def report(settings, progress: list[Path], as_of: date, period: str | None = None, executor=None) -> JobResult:
    plan, warnings, data = report_plan(settings, progress, as_of, period)
    clock = Clock()
    result = run(plan, JobResult(warnings=list(warnings)), clock, executor)
    result.timings = clock.total()
    result.notes.append(M.tr_summary(n=data["total"], as_of=data["as_of"].isoformat(), rule=data["rule"],
                                     counts="，".join(f"{s['word']} {s['n']}" for s in data["statuses"] if s["n"])))
    return result
