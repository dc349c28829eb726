"""`briefgen batch`: one brief per department, DOCX and PDF, on every core.

In: Settings and the batch options (by, only, template). Out: a JobResult listing every brief built or kept,
the departments without a task (no brief), and each brief that failed with its reason (the others go on).

The batch is a list of independent, picklable ``BriefJob``s (the department's slice of the report, the
template, the theme -> bytes): the parent loads the data once, warms fonts, templates and theme, and hands the
jobs to a process pool; each result is written, atomically, as it arrives. The same list could be given to
any engine that maps a function over picklable jobs.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .. import messages as M
from ..errors import BriefgenError, Location, Problem
from ..i18n import language
from ..settings import Settings
from .common import (Clock, OutputFolder, archival, load_inputs, missing_warning, report_fields, stand_in_note, with_titles,
                     write_previews)
from .manifest import recipe_key, unchanged
from .names import Named, clean_part, file_name, unique_names
from .results import Failure, JobResult, OutputFile

BY = ("department",)
DEFAULT_TEMPLATE = "department"


@dataclass(frozen=True)
class Department:
    """What the department template sees as ``department``."""

    name: str
    short: str | None
    lead_tasks: tuple = ()
    support_tasks: tuple = ()
    indicators: tuple = ()

    @property
    def names(self) -> set[str]:
        return {self.name} | ({self.short} if self.short else set())


def departments(report) -> list[Department]:
    """Every department of the data, then every unit named in tasks that the list lacks, in first-seen order."""
    listed = [(d.name, d.short) for d in report.departments]
    known = {n for name, short in listed for n in (name, short) if n}
    extra: list[str] = []
    for task in report.plan.tasks:
        for unit in [task.lead, *task.support]:
            if unit and unit not in known and unit not in extra:
                extra.append(unit)
    out = []
    for name, short in listed + [(u, None) for u in extra]:
        names = {name} | ({short} if short else set())
        lead = tuple(t for t in report.plan.tasks if t.lead in names)
        support = tuple(t for t in report.plan.tasks if t.lead not in names and names & set(t.support))
        owned = tuple(i for i in report.indicators if getattr(i, "owner", None) in names)
        out.append(Department(name, short, lead, support, owned))
    return out


def report_slice(report, dept: Department):
    """The part of the report a department's brief shows: its metadata, its tasks, its indicators."""
    from ..model.report import Plan, Review, TaskSection

    mine = {id(t) for t in dept.lead_tasks + dept.support_tasks}
    sections = [TaskSection.model_construct(title=s.title, intro=s.intro, tasks=[t for t in s.tasks if id(t) in mine])
                for s in report.plan.sections]
    plan = Plan.model_construct(intro=report.plan.intro, sections=[s for s in sections if s.tasks])
    # its own entry and those of the units its tasks name: their short forms are what a narrow column shows
    named = {dept.name} | {u for t in dept.lead_tasks + dept.support_tasks for u in [t.lead, *t.support]}
    own = [d for d in report.departments if d.name in named or d.short in named]
    return report.model_copy(update={"plan": plan, "indicators": list(dept.indicators), "review": Review(), "tally": None,
                                     "rankings": [], "departments": own})


@dataclass(frozen=True)
class BriefJob:
    unit: str
    report: Any  # the department's slice (a Report)
    department: Department
    template: str
    template_dirs: tuple[Path, ...]
    theme: str
    formats: tuple[str, ...]
    reference_docx: Path | None
    mark: str | None
    archive: bool
    lang: str | None = None  # the language of the run: a spawned worker does not inherit --lang


@dataclass
class BriefOutcome:
    unit: str
    files: dict[str, bytes] = field(default_factory=dict)
    pages: int | None = None
    scale: float = 1.0
    docx_scale: float = 1.0
    warnings: list = field(default_factory=list)  # Messages (or texts), worded where they are shown
    missing: str = ""
    fonts: tuple[str, ...] = ()
    error: str | None = None


def render_brief(job: BriefJob) -> BriefOutcome:
    """One brief, as bytes (the function the pool maps; it writes nothing)."""
    from ..compose import make_document
    from ..i18n import set_language
    from ..render import render_document
    from ..theme import load_theme

    if job.lang:
        set_language(job.lang)
    try:
        doc, warnings = make_document(job.report, job.template, job.template_dirs, job.mark, {"department": job.department})
        theme = load_theme(job.theme)
        rendered = render_document(doc, theme, job.formats, job.reference_docx)
        files = dict(rendered.files)
        if job.archive and "pdf" in files:
            files["pdf"] = archival(files["pdf"], doc)
        return BriefOutcome(job.unit, files, rendered.pages, rendered.scale, rendered.docx_scale,
                            [w.message for w in warnings], "".join(sorted(rendered.missing)), rendered.fonts)
    except BriefgenError as exc:
        return BriefOutcome(job.unit, error="; ".join(exc.lines()))
    except Exception as exc:  # a bug must not stop the other briefs; it is reported with the brief
        return BriefOutcome(job.unit, error=str(M.unexpected(kind=type(exc).__name__, detail=exc)))


def _warm(theme_name: str, template_dirs: tuple[Path, ...], text: str) -> None:
    """Load once per process what every brief uses: the theme, the template environment, the fonts for every
    character the batch can draw (so that no worker has to grow the font cache), the writers."""
    from ..compose.templates import environment
    from ..theme import load_theme
    from ..fonts import shared_fontset

    theme = load_theme(theme_name)
    environment(template_dirs)
    shared_fontset(theme, text)  # the process's font set, which forked workers inherit
    import docx  # noqa: F401
    import reportlab.platypus  # noqa: F401


def _pool_context():
    methods = multiprocessing.get_all_start_methods()
    # fork hands every worker the parent's warm state (fonts loaded, modules imported) at no cost
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def batch(settings: Settings, by: str = "department", only: tuple[str, ...] = (), template: str | None = None,
          progress: Callable[[int, int, str], None] | None = None) -> JobResult:
    """One brief per department of ``settings.data`` into ``settings.out``. ``progress(done, total, unit)`` is
    called as each brief is finished."""
    clock = Clock()
    result = JobResult(notes=list(settings.ignored))
    if by not in BY:
        raise BriefgenError(M.batch_by_unknown(value=by, keys=list(BY)))
    if settings.output:
        raise BriefgenError(M.batch_one_file(path=settings.output))
    template = (template or DEFAULT_TEMPLATE).removesuffix(".xml.j2")
    with clock.stage("load"):
        inputs = load_inputs(settings)
    result.warnings.extend(inputs.doubts)
    report = inputs.report = with_titles(inputs.report, settings.titles, template, "")
    from ..compose.templates import template_info

    info = template_info(template, tuple(settings.template_dirs))
    if info is None:
        raise BriefgenError(M.batch_no_template(name=template))

    units = departments(report)
    if only:
        by_name = {n: d for d in units for n in d.names}
        unknown = [n for n in only if n not in by_name]
        if unknown:
            raise BriefgenError(M.batch_no_department(name=unknown[0], data=settings.data, names="、".join(d.name for d in units)))
        wanted = {by_name[n].name for n in only}
        units = [d for d in units if d.name in wanted]
    for d in units:
        if not clean_part(d.name):
            raise BriefgenError(M.department_empty_name(name=repr(d.name)))
    with_tasks = [d for d in units if d.lead_tasks or d.support_tasks]
    result.without_tasks = [d.name for d in units if not (d.lead_tasks or d.support_tasks)]

    formats = tuple(settings.formats)
    reference = settings.reference_docx if "docx" in formats else None
    base = report_fields(report)
    pattern = settings.name_pattern(batch=True)
    planned = [Named(f"{d.name}\x00{fmt}", file_name(pattern, {**base, "template": template, "document": info.document,
                                                                "department": d.name}, fmt))
               for d in with_tasks for fmt in formats]
    names = iter(unique_names(planned))
    targets = {d.name: [(fmt, next(names)) for fmt in formats] for d in with_tasks}
    folder = Path(settings.out)

    with OutputFolder(folder, settings.force) as out:
        if out.stale:
            result.notes.append(M.removed_stale(n=len(out.stale), folder=folder))
        jobs: list[tuple[BriefJob, str]] = []
        missing: dict[str, set[str]] = {}
        total = len(with_tasks)
        done = 0
        for d in with_tasks:
            part = report_slice(report, d)
            key = recipe_key(inputs.common, part.model_dump_json(), d.name, d.short, template, str(reference) if reference else None)
            kept = {fmt: unchanged(out.old, folder, name, f"{key}:{fmt}") for fmt, name in targets[d.name]}
            if all(kept.values()):
                for fmt, name in targets[d.name]:
                    entry = kept[fmt]
                    out.keep(name, entry)
                    result.outputs.append(OutputFile(folder / name, template, fmt, "unchanged", entry.get("pages"), unit=d.name, sha256=entry["sha256"]))
                    for ch in entry.get("missing", ""):
                        missing.setdefault(ch, set()).add(d.name)
                result.warnings.extend(Problem(Location(d.name), "", w) for w in kept[formats[0]].get("warnings", []))
                done += 1
                if progress:
                    progress(done, total, d.name)
                continue
            jobs.append((BriefJob(d.name, part, d, template, tuple(settings.template_dirs), settings.theme, formats,
                                  reference, settings.mark, settings.archive, language()), key))

        def take(outcome: BriefOutcome, key: str) -> None:
            from ..atomic import write_all

            if outcome.error:
                result.failed.append(Failure(outcome.unit, outcome.error))
                return
            if settings.strict and (outcome.warnings or outcome.missing):
                doubts = outcome.warnings + ([M.no_font_draws(chars="、".join(outcome.missing))] if outcome.missing else [])
                result.failed.append(Failure(outcome.unit, str(M.strict_error(problem="; ".join(str(d) for d in doubts)))))
                return
            pending = []
            for fmt, name in targets[outcome.unit]:
                data = outcome.files[fmt]
                entry = out.record(name, data, {
                    "format": fmt, "template": template, "theme": inputs.theme.name, "unit": outcome.unit,
                    "key": f"{key}:{fmt}", "pages": outcome.pages if fmt == "pdf" else None,
                    "scale": outcome.scale if fmt == "pdf" else outcome.docx_scale, "archive": settings.archive and fmt == "pdf",
                    "fonts": list(outcome.fonts) if fmt == "pdf" else [], "warnings": [str(w) for w in outcome.warnings],
                    "missing": outcome.missing,
                })
                pending.append((folder / name, data))
                result.outputs.append(OutputFile(folder / name, template, fmt, "built", entry["pages"], entry["scale"], outcome.unit, entry["sha256"]))
            write_all(pending)
            result.warnings.extend(Problem(Location(outcome.unit), "", w) for w in outcome.warnings)
            for ch in outcome.missing:
                missing.setdefault(ch, set()).add(outcome.unit)

        try:
            with clock.stage("render"):
                if jobs:
                    text = report.model_dump_json() + "".join(Path(p).read_text("utf-8", "replace") for p, role in inputs.files.items() if role == "template")
                    _warm(settings.theme, tuple(settings.template_dirs), text)
                workers = min(settings.workers or os.cpu_count() or 1, len(jobs)) if jobs else 0
                if workers <= 1:
                    for job, key in jobs:
                        take(render_brief(job), key)
                        done += 1
                        if progress:
                            progress(done, total, job.unit)
                else:
                    from concurrent.futures import ProcessPoolExecutor

                    with ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_warm,
                                             initargs=(settings.theme, tuple(settings.template_dirs), "")) as pool:
                        keys = [k for _, k in jobs]
                        for outcome, key in zip(pool.map(render_brief, [j for j, _ in jobs], chunksize=max(1, len(jobs) // (workers * 4))), keys):
                            take(outcome, key)
                            done += 1
                            if progress:
                                progress(done, total, outcome.unit)
            if settings.preview:
                with clock.stage("preview"):
                    result.outputs.sort(key=lambda o: (o.unit or "", o.format))
                    write_previews(out, result, sheet=f"{clean_part(report.report.issuer) or 'batch'}_contact-sheet.png")
        finally:
            with clock.stage("write"):
                result.manifest = out.finish(inputs.files)
        result.warnings.extend(missing_warning(missing))
        if any(o.format == "pdf" and o.status != "unchanged" for o in result.outputs):
            result.notes.extend(stand_in_note(inputs.theme))
    result.outputs.sort(key=lambda o: (o.unit or "", o.format))
    result.timings = clock.total()
    return result
