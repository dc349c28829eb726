"""`briefgen batch`: one brief per department, DOCX and PDF, on every core.

In: Settings and the batch options (by, only, template). Out: a JobResult listing every brief built or kept,
the departments without a task (no brief), and each brief that failed with its reason (the others go on).

The batch is a plan for the engine (``engine``): one Work per department, its job a picklable ``DocJob`` (the
department's slice of the report, the template, the theme -> bytes). The parent loads the data once and warms
fonts, templates and theme; the engine maps the jobs through a process pool (or any executor given) and writes
each brief, atomically, as it arrives.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import messages as M
from ..compose.templates import environment, template_info
from ..errors import BriefgenError
from ..model.report import Plan as TaskPlan
from ..model.report import Review, TaskSection
from ..settings import Settings
from ..theme import load_theme
from .common import (
    Clock,
    DocJob,
    load_inputs,
    render_doc,
    report_fields,
    stand_in_note,
    with_titles,
)
from .engine import Plan, Work, collection_paused, run, theme_fonts
from .manifest import recipe_key
from .names import Named, clean_part, file_name, unique_names
from .results import JobResult

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
    mine = {id(t) for t in dept.lead_tasks + dept.support_tasks}
    sections = [TaskSection.model_construct(title=s.title, intro=s.intro, tasks=[t for t in s.tasks if id(t) in mine])
                for s in report.plan.sections]
    plan = TaskPlan.model_construct(intro=report.plan.intro, sections=[s for s in sections if s.tasks])
    # its own entry and those of the units its tasks name: their short forms are what a narrow column shows
    named = {dept.name} | {u for t in dept.lead_tasks + dept.support_tasks for u in [t.lead, *t.support]}
    own = [d for d in report.departments if d.name in named or d.short in named]
    return report.model_copy(update={"plan": plan, "indicators": list(dept.indicators), "review": Review(), "tally": None,
                                     "rankings": [], "departments": own})


def _warm(theme_name: str, template_dirs: tuple[Path, ...], text: str) -> None:
    """Load once per process what every brief uses: the theme, the template environment, the fonts for every
    character the batch can draw (so that no worker has to grow the font cache), the writers."""
    from ..fonts import shared_fontset  # reportlab: loaded when briefs are to be made, not for a rerun keeping them

    theme = load_theme(theme_name)
    environment(template_dirs)
    shared_fontset(theme, text)  # the process's font set, which forked workers inherit
    import docx  # noqa: F401
    import reportlab.platypus  # noqa: F401


BRIEFS_FOLDER = "部门简报"  # where briefs go when no output folder is named: not among the build's files


def batch_folder(settings: Settings) -> Path:
    """The batch's output folder: the one named (--out, briefgen.toml), else a folder of its own under out/."""
    return Path(settings.out) if settings.out_named else Path(settings.out) / BRIEFS_FOLDER


def batch(settings: Settings, by: str = "department", only: tuple[str, ...] = (), template: str | None = None,
          progress: Callable[[int, int, str], None] | None = None, executor=None) -> JobResult:
    """One brief per department of ``settings.data`` into ``settings.out``. ``progress(done, total, unit)`` is
    called as each brief is finished. ``executor``: any ``concurrent.futures.Executor`` to render the briefs with
    (by default a process pool on this machine's cores; a Dask client's executor runs them on a cluster)."""
    clock = Clock()
    result = JobResult(notes=list(settings.ignored))
    if by not in BY:
        raise BriefgenError(M.batch_by_unknown(value=by, keys=list(BY)))
    if settings.output:
        raise BriefgenError(M.batch_one_file(path=settings.output))
    template = (template or DEFAULT_TEMPLATE).removesuffix(".xml.j2")
    try:
        return _batch(settings, by, only, template, progress, executor, clock, result)
    finally:
        gc.unfreeze()  # what was loaded and warmed up (``collection_paused``) back to the collector


def _batch(settings: Settings, by: str, only: tuple[str, ...], template: str, progress, executor, clock,
           result: JobResult) -> JobResult:
    with clock.stage("load"), collection_paused():  # what is loaded lives on: no garbage cycles to look for
        inputs = load_inputs(settings)
    result.warnings.extend(inputs.doubts)
    result.notes.extend(inputs.notes)
    report = inputs.report = with_titles(inputs.report, settings.titles, template, "")

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
    dirs = tuple(settings.template_dirs)
    works = []
    with collection_paused():  # the plan lives on too
        for d in with_tasks:
            part = report_slice(report, d)
            key = recipe_key(inputs.common, part.model_dump_json(), d.name, d.short, template,
                             str(reference) if reference else None)
            job = DocJob(d.name, part, template, dirs, settings.theme, formats, reference, settings.mark, settings.archive,
                         (("department", d),))
            works.append(Work(d.name, key, tuple((fmt, next(names)) for fmt in formats), job,
                              {"template": template, "theme": inputs.theme.name, "unit": d.name,
                               "archive": settings.archive}))

    def warm_parent() -> None:
        text = report.model_dump_json() + "".join(Path(p).read_text("utf-8", "replace") for p, role in inputs.files.items()
                                                  if role == "template")
        _warm(settings.theme, dirs, text)

    sheet = f"{clean_part(report.report.issuer) or 'batch'}_contact-sheet.png" if settings.preview else None
    plan = Plan(batch_folder(settings), works, render_doc, inputs.files, force=settings.force, strict=settings.strict,
                each=True, preview=settings.preview, sheet=sheet, warm=_warm, warm_args=(settings.theme, dirs, ""),
                workers=settings.workers, pool=True, fonts=theme_fonts(inputs.theme))
    run(plan, result, clock, executor, progress, before_render=warm_parent)
    if any(o.format == "pdf" and o.status != "unchanged" for o in result.outputs):
        result.notes.extend(stand_in_note(inputs.theme))
    result.outputs.sort(key=lambda o: (o.unit or "", o.format))
    result.timings = clock.total()
    return result
