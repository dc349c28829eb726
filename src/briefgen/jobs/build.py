"""`briefgen build`: the documents of one report (summary, tasks, or the templates named), DOCX and PDF.

In: Settings. Out: a JobResult. Every document is rendered in memory first; the files are written only when
all of them succeeded, together, atomically, under the output folder's lock, with manifest.json. A document
whose recipe (data, template files, theme, options) is unchanged and whose file is intact is kept as it is.
"""

from __future__ import annotations

from pathlib import Path

from .. import messages as M
from ..compose.templates import list_templates, template_info
from ..errors import BriefgenError
from ..settings import Settings
from .common import (
    Clock,
    DocJob,
    load_inputs,
    render_doc,
    report_fields,
    stand_in_note,
    with_titles,
)
from .engine import Plan, Work, run, theme_fonts
from .manifest import recipe_key
from .names import Named, file_name, unique_names
from .results import JobResult


def _single_template(settings: Settings) -> str:
    """The template that `-o FILE` writes: the one named, else the one the file is named after."""
    if len(settings.templates) == 1:
        return settings.templates[0]
    stem = Path(settings.output).stem
    for name in settings.templates:
        if stem == name or stem.endswith(name):
            return name
    raise BriefgenError(M.one_file_one_document(path=settings.output, templates=list(settings.templates)))


def titled(report, info, given: set[str]) -> str:
    """What a document is called in its file name: the title given for it on the command line or in briefgen.toml
    (``given``: the templates titled so), without the issuer the name already starts with; else the template's own
    document name (a title from the data or a sheet's title row leaves the file's name as it was)."""
    if info.name not in given or not report.titles.get(info.name):
        return info.document
    title = report.title_for(info.name, info.document).replace("\n", "")
    return title.removeprefix(report.report.issuer).strip(" _-") or title


def check(settings: Settings) -> JobResult:
    """`briefgen validate`: everything ``build`` does with ``settings`` but the writing: the same inputs (briefgen.toml
    included), templates rendered, documents laid out, the same warnings, the same errors (--strict too). Its
    ``outputs`` are the files a build would write (status "checked"); no file or folder is touched."""
    return build(settings, write=False)


def build(settings: Settings, write: bool = True, executor=None) -> JobResult:
    """Build the documents of ``settings`` (see Settings); raises BriefgenError before writing anything on bad input.
    With ``write`` False nothing is written and every document is made afresh (``check``). ``executor``: any
    ``concurrent.futures.Executor`` to render the documents with (by default, this process)."""
    clock = Clock()
    result = JobResult(notes=list(settings.ignored))
    with clock.stage("load"):
        inputs = load_inputs(settings)
    result.warnings.extend(inputs.doubts)
    result.notes.extend(inputs.notes)
    templates = [_single_template(settings)] if settings.output else list(dict.fromkeys(settings.templates))
    inputs.report = with_titles(inputs.report, settings.titles, templates[0] if len(templates) == 1 else None,
                                M.title_which_document(n=len(templates), templates=templates))
    formats = tuple(settings.formats)
    dirs = tuple(settings.template_dirs)
    reference = settings.reference_docx if "docx" in formats else None

    # plan the names first: a bad pattern or a template that does not exist stops the run before any work
    infos = []
    for name in templates:
        info = template_info(name.removesuffix(".xml.j2"), dirs)
        if info is None:
            known = [i.name for i in list_templates(dirs)]
            raise BriefgenError(M.unknown_template(name=repr(name), known=known))
        infos.append(info)
    given = {templates[0] if k == "" else k for k in settings.titles}  # "" titles the one document built
    named = []
    for info in infos:
        fields = {**report_fields(inputs.report), "template": info.name, "document": titled(inputs.report, info, given)}
        for fmt in formats:
            named.append(Named(info.name, Path(settings.output).name if settings.output
                               else file_name(settings.name_pattern(), fields, fmt)))
    names = iter(unique_names(named))
    data_json = inputs.report.model_dump_json()
    works = []
    for info in infos:
        targets = tuple((fmt, next(names)) for fmt in formats)
        key = recipe_key(inputs.common, data_json, info.name, str(reference) if reference else None)
        job = DocJob(info.name, inputs.report, info.name, dirs, settings.theme, formats, reference, settings.mark, settings.archive)
        works.append(Work(info.name, key, targets, job, {"template": info.name, "theme": inputs.theme.name,
                                                         "archive": settings.archive}))
    plan = Plan(Path(settings.out), works, render_doc, inputs.files, force=settings.force, write=write,
                single=Path(settings.output) if settings.output else None, strict=settings.strict, preview=settings.preview,
                fonts=theme_fonts(inputs.theme))
    run(plan, result, clock, executor)
    if any(o.format == "pdf" and o.status != "unchanged" for o in result.outputs):
        result.notes.extend(stand_in_note(inputs.theme))
    result.timings = clock.total()
    return result
