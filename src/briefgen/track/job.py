"""`briefgen track forms` and `briefgen track report` as plans of documents, and the one writer of those plans.

A plan is a list of ``Planned`` outputs (a document from a template and its data, a workbook, the period's kept
result), made without writing anything; ``write_plan`` renders, then writes them all at once, atomically, into the
period's folder with its manifest.json. (The shape of a jobs-engine plan: the list is the job; writing is shared.)

Folders, under --out:
    2022-09/进度表/{unit}_进度表_2022-09.xlsx        track forms
    2022-09/督办通报_第3期_2022-09.docx|.pdf          track report (with 催办单_…, 督办台账_…, 销号清单_…)
    2022-09/督办结果.json                             this period's result: the next period compares with it
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from .. import messages as M
from ..errors import BriefgenError, DataError, Problem
from ..jobs.results import JobResult, OutputFile

RESULT = "督办结果.json"
FORMS = "进度表"


@dataclass
class Planned:
    """One output of a plan: a document (template + data, one file per format) or bytes made by ``make``."""

    names: dict[str, str]  # format -> file name
    template: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    make: Callable[[], bytes] | None = None
    unit: str | None = None


def _period_of(value: str | None, as_of: date | None) -> str:
    if value is None:
        return f"{as_of.year:04d}-{as_of.month:02d}"
    m = re.fullmatch(r"\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?\s*", value)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise BriefgenError(M.tr_bad_period(value=repr(value)))
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def parse_as_of(value: str) -> date:
    from ..values import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise BriefgenError(M.tr_bad_as_of(value=repr(value))) from None


def _safe(part: str) -> str:
    from ..jobs.names import clean_part

    return clean_part(part)


def history(out: Path, period: str) -> list[dict]:
    """The kept results of the periods before ``period`` in ``out``, oldest first."""
    found = []
    if out.is_dir():
        for p in sorted(out.iterdir()):
            if re.fullmatch(r"\d{4}-\d{2}", p.name) and p.name < period and (p / RESULT).is_file():
                try:
                    found.append(json.loads((p / RESULT).read_text(encoding="utf-8")))
                except (OSError, ValueError):
                    continue
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


# ---- track forms ----------------------------------------------------------------------------------------------------

def forms_plan(settings, period: str) -> tuple[list[Planned], Path, list[Problem], Any]:
    from .forms import form_workbook, return_date
    from .workbook import stable_bytes

    plan, warnings = _load_plan(settings)
    period = _period_of(period, None)
    out = Path(settings.out)
    earlier = history(out, period)
    last = earlier[-1] if earlier else None
    back = return_date(period, settings.track.return_day)
    planned = []
    for unit in plan.units():
        def make(unit=unit):
            return stable_bytes(form_workbook(plan, unit, period, back, last), back)
        planned.append(Planned({"xlsx": f"{_safe(unit)}_进度表_{period}.xlsx"}, make=make, unit=unit))
    return planned, out / period / FORMS, warnings, plan


def forms(settings, period: str) -> JobResult:
    planned, folder, warnings, _ = forms_plan(settings, period)
    result = write_plan(planned, folder, settings, inputs={str(settings.data): "data"})
    result.warnings[:0] = warnings
    return result


# ---- track report ---------------------------------------------------------------------------------------------------

def report_plan(settings, progress: list[Path], as_of: date, period: str | None = None) -> tuple[list[Planned], Path, list[Problem], dict]:
    from ..load.progress import read_progress
    from .follow import follow, kept, match
    from .ledger import closing_workbook, ledger_workbook
    from .rules import rule_set, rule_sets
    from .summary import next_return, summarise
    from .workbook import stable_bytes

    rule_name = settings.track.rule
    try:
        rule = rule_set(rule_name)
    except KeyError:
        raise BriefgenError(M.tr_unknown_rule(name=repr(rule_name), known="、".join(rule_sets()))) from None
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
    matched, unmatched, near = match(plan, reports)
    errors.extend(unmatched)
    if errors:
        raise DataError(errors)
    warnings.extend(near)
    earlier = history(out, period)
    last = earlier[-1] if earlier else None
    issue = settings.track.first_issue + len(earlier)
    lines = follow(plan, matched, as_of, rule, settings.track.thresholds(), last)
    data = summarise(plan, lines, as_of=as_of, period=period, issue=issue, rule_name=rule_name, rule=rule,
                     near_days=settings.track.near_days, thresholds=settings.track.thresholds(), return_by=next_return(as_of, settings.track.return_day),
                     requirements=settings.track.requirements, history=earlier)
    result = kept(lines, period, as_of, rule_name, issue)
    for ln in lines:  # the progress words travel to next period's forms (上期进展)
        result["tasks"][ln.item.id]["progress"] = ln.report.progress if ln.report else ""
    formats = tuple(settings.formats)
    planned = [Planned({f: f"督办通报_第{issue}期_{period}.{f}" for f in formats}, "track-circular", {"track": data})]
    for reminder in data["reminders"]:
        planned.append(Planned({f: f"催办单_{_safe(reminder['unit'])}_{period}.{f}" for f in formats}, "track-reminder",
                               {"track": data, "reminder": reminder}, unit=reminder["unit"]))
    planned.append(Planned({"xlsx": f"督办台账_{period}.xlsx"}, make=lambda: stable_bytes(ledger_workbook(data), as_of)))
    planned.append(Planned({"xlsx": f"销号清单_{period}.xlsx"}, make=lambda: stable_bytes(closing_workbook(data), as_of)))
    planned.append(Planned({"json": RESULT}, make=lambda: json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")))
    written = {(folder / n).resolve() for p in planned for n in p.names.values()}
    if any(Path(p).resolve() in written for p in progress):
        raise BriefgenError(M.tr_out_is_input(folder=folder))
    return planned, folder, warnings, data


def report(settings, progress: list[Path], as_of: date, period: str | None = None) -> JobResult:
    planned, folder, warnings, data = report_plan(settings, progress, as_of, period)
    inputs = {str(settings.data): "data", **{str(p): "table" for p in progress}}
    result = write_plan(planned, folder, settings, inputs)
    result.warnings[:0] = warnings
    result.notes.append(M.tr_summary(n=data["total"], as_of=data["as_of"].isoformat(), rule=data["rule"],
                                     counts="，".join(f"{s['word']} {s['n']}" for s in data["statuses"] if s["n"])))
    return result


# ---- the writer of a plan ---------------------------------------------------------------------------------------------

def _render(job: tuple) -> tuple[dict[str, bytes], int | None, list]:
    """Render one planned document -> (bytes by format, PDF pages, warnings). Module-level: a worker process runs it."""
    from ..compose import make_document
    from ..jobs.common import doc_warnings
    from ..render import render_document
    from ..theme import load_theme

    template, context, formats, theme_name, template_dirs, mark, reference = job
    theme = load_theme(theme_name)
    doc, warnings = make_document(None, template, template_dirs, mark, extra=context)
    rendered = render_document(doc, theme, formats, reference)
    return rendered.files, rendered.pages, warnings + doc_warnings(template, rendered, theme, None)


def _render_all(jobs: list[tuple]) -> list[tuple]:
    """Every document rendered, in order. (Rendering the 催办单 in a second process was measured slower on a shared
    2-core machine: the fork and the second font load cost more than the small documents take.)"""
    return [_render(j) for j in jobs]


def write_plan(planned: list[Planned], folder: Path, settings, inputs: dict[str, str]) -> JobResult:
    """Render every planned output in memory, then write them all atomically into ``folder`` with manifest.json."""
    from ..jobs.common import Clock, OutputFolder
    from ..outputs import write_all

    clock = Clock()
    result = JobResult()
    docs = [p for p in planned if p.template is not None]
    with clock.stage("render"):
        rendered = dict(zip(map(id, docs), _render_all([
            (p.template, p.context, tuple(p.names), settings.theme, tuple(settings.template_dirs), settings.mark,
             settings.reference_docx) for p in docs])))
    made: list[tuple[Path, bytes, dict, OutputFile]] = []
    for p in planned:
        if p.template is None:
            with clock.stage("workbooks"):
                data = p.make()
            (fmt, name), = p.names.items()
            made.append((folder / name, data, {"format": fmt}, OutputFile(folder / name, "", fmt, unit=p.unit)))
            continue
        files, pages, warnings = rendered[id(p)]
        result.warnings.extend(warnings)
        for fmt, name in p.names.items():
            entry = {"format": fmt, "template": p.template, "theme": settings.theme, "pages": pages if fmt == "pdf" else None}
            made.append((folder / name, files[fmt], entry, OutputFile(folder / name, p.template, fmt, pages=entry["pages"], unit=p.unit)))
    with OutputFolder(folder, True) as out, clock.stage("write"):
        for path, data, entry, output in made:
            output.sha256 = out.record(path.name, data, entry)["sha256"]
            result.outputs.append(output)
        write_all([(path, data) for path, data, _, _ in made])
        result.manifest = out.finish(inputs)
    result.timings = clock.total()
    return result
