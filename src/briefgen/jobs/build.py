"""`briefgen build`: the documents of one report (summary, tasks, or the templates named), DOCX and PDF.

In: Settings. Out: a JobResult. Every document is rendered in memory first; the files are written only when
all of them succeeded, together, atomically, under the output folder's lock, with manifest.json. A document
whose recipe (data, template files, theme, options) is unchanged and whose file is intact is kept as it is.
"""

from __future__ import annotations

from pathlib import Path

from .. import messages as M
from ..errors import BriefgenError, Location, Problem
from ..settings import Settings
from .common import (Clock, OutputFolder, archival, doc_warnings, load_inputs, missing_warning, report_fields, stand_in_note,
                     with_titles, write_previews)
from .manifest import recipe_key, unchanged
from .names import Named, file_name, unique_names
from .results import JobResult, OutputFile


def _single_template(settings: Settings) -> str:
    """The template that `-o FILE` writes: the one named, else the one the file is named after."""
    if len(settings.templates) == 1:
        return settings.templates[0]
    stem = Path(settings.output).stem
    for name in settings.templates:
        if stem == name or stem.endswith(name):
            return name
    raise BriefgenError(M.one_file_one_document(path=settings.output, templates=list(settings.templates)))


class SingleFile:
    """`-o FILE`: one file written atomically; no folder lock, manifest or incremental reuse."""

    stale: list = []
    old = None

    def __enter__(self):
        from .manifest import Manifest

        self.new = Manifest()
        return self

    def __exit__(self, *exc) -> None:
        pass

    def record(self, name: str, data: bytes, entry: dict) -> dict:
        from .manifest import sha256

        return {"sha256": sha256(data), "size": len(data), **entry}


def check(settings: Settings) -> JobResult:
    """`briefgen validate`: everything ``build`` does with ``settings`` but the writing: the same inputs (briefgen.toml
    included), templates rendered, documents laid out, the same warnings, the same errors (--strict too). Its
    ``outputs`` are the files a build would write (status "checked"); no file or folder is touched."""
    return build(settings, write=False)


def build(settings: Settings, write: bool = True) -> JobResult:
    """Build the documents of ``settings`` (see Settings); raises BriefgenError before writing anything on bad input.
    With ``write`` False nothing is written and every document is made afresh (``check``)."""
    from ..compose import make_document
    from ..render import render_document
    from ..compose.templates import template_info

    clock = Clock()
    result = JobResult(notes=list(settings.ignored))
    with clock.stage("load"):
        inputs = load_inputs(settings)
    result.warnings.extend(inputs.doubts)
    templates = [_single_template(settings)] if settings.output else list(dict.fromkeys(settings.templates))
    inputs.report = with_titles(inputs.report, settings.titles, templates[0] if len(templates) == 1 else None,
                                M.title_which_document(n=len(templates), templates=templates))
    folder = Path(settings.output).parent if settings.output else Path(settings.out)
    formats = tuple(settings.formats)

    # plan the names first: a bad pattern or a template that does not exist stops the run before any work
    plan = []
    for name in templates:
        info = template_info(name.removesuffix(".xml.j2"), tuple(settings.template_dirs))
        if info is None:
            from ..compose.templates import list_templates

            known = [i.name for i in list_templates(tuple(settings.template_dirs))]
            raise BriefgenError(M.unknown_template(name=repr(name), known=known))
        fields = {**report_fields(inputs.report), "template": info.name, "document": info.document}
        for fmt in formats:
            if settings.output:
                plan.append((info, fmt, Named(info.name, Path(settings.output).name)))
            else:
                plan.append((info, fmt, Named(info.name, file_name(settings.name_pattern(), fields, fmt))))
    names = unique_names([n for _, _, n in plan])
    data_json = inputs.report.model_dump_json()
    reference = settings.reference_docx if "docx" in formats else None

    with (OutputFolder(folder, settings.force) if write and not settings.output else SingleFile()) as out:
        if out.stale:
            result.notes.append(M.removed_stale(n=len(out.stale), folder=folder))
        pending: list[tuple[Path, bytes]] = []
        missing: dict[str, set[str]] = {}
        by_template: dict[str, list[tuple[str, str]]] = {}
        for (info, fmt, _), name in zip(plan, names):
            by_template.setdefault(info.name, []).append((fmt, name))
        for template, targets in by_template.items():
            key = recipe_key(inputs.common, data_json, template, str(reference) if reference else None)
            kept = {fmt: unchanged(out.old, folder, name, f"{key}:{fmt}") for fmt, name in targets} if out.old else {}
            if kept and all(kept.values()):
                for fmt, name in targets:
                    entry = kept[fmt]
                    out.keep(name, entry)
                    result.warnings.extend(Problem(Location(template), "", w) for w in entry.get("warnings", []))
                    for ch in entry.get("missing", ""):
                        missing.setdefault(ch, set()).add(template)
                    result.outputs.append(OutputFile(folder / name, template, fmt, "unchanged", entry.get("pages"), entry.get("scale", 1.0), sha256=entry["sha256"]))
                continue
            with clock.stage("template"):
                doc, warnings = make_document(inputs.report, template, tuple(settings.template_dirs), settings.mark)
            with clock.stage("render"):
                rendered = render_document(doc, inputs.theme, formats, reference)
                if settings.archive and "pdf" in rendered.files:
                    rendered.files["pdf"] = archival(rendered.files["pdf"], doc)
            warnings += doc_warnings(template, rendered, inputs.theme, doc.page_budget)
            for ch in rendered.missing:
                missing.setdefault(ch, set()).add(template)
            result.warnings.extend(warnings)
            for fmt, name in targets:
                if kept.get(fmt):  # intact and up to date: left as it is
                    out.keep(name, kept[fmt])
                    result.outputs.append(OutputFile(folder / name, template, fmt, "unchanged", kept[fmt].get("pages"), kept[fmt].get("scale", 1.0), sha256=kept[fmt]["sha256"]))
                    continue
                data = rendered.files[fmt]
                entry = out.record(name, data, {
                    "format": fmt, "template": template, "theme": inputs.theme.name, "key": f"{key}:{fmt}",
                    "pages": rendered.pages if fmt == "pdf" else None,
                    "scale": rendered.scale if fmt == "pdf" else rendered.docx_scale,
                    "archive": settings.archive and fmt == "pdf",
                    "fonts": list(rendered.fonts) if fmt == "pdf" else [],
                    "warnings": [str(p.message) for p in warnings],
                    "missing": "".join(sorted(rendered.missing)),
                })
                pending.append((folder / name, data))
                result.outputs.append(OutputFile(folder / name, template, fmt, "built" if write else "checked", entry["pages"],
                                                 entry["scale"], sha256=entry["sha256"]))
        result.warnings.extend(missing_warning(missing))
        if any(o.format == "pdf" and o.status != "unchanged" for o in result.outputs):
            result.notes.extend(stand_in_note(inputs.theme))
        if settings.strict and result.warnings:
            raise BriefgenError(*(M.strict_error(problem=w) for w in result.warnings))
        if not write:
            result.timings = clock.total()
            return result
        with clock.stage("write"):
            from ..atomic import write_all

            write_all(pending)
            if not settings.output:
                if settings.preview:
                    write_previews(out, result)
                result.manifest = out.finish(inputs.files)
            elif settings.preview:
                result.notes.append(M.preview_ignored())
    result.timings = clock.total()
    return result
