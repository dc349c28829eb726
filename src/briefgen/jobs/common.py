"""What build, batch and pack plan from: the run's inputs (report, theme, the files the outputs depend on), the
titles, the fields file names are made of, and the one render function of a report's document (``DocJob`` ->
``render_doc`` -> Made) that build and batch both hand to the engine."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .. import __version__
from .. import messages as M
from ..compose import load_report, make_document
from ..compose.templates import template_files
from ..errors import BriefgenError, Location, OutputError, Problem
from ..model.report import check_title
from ..settings import Settings
from ..theme import load_theme
from .engine import Made
from .manifest import file_sha256, recipe_key


class Clock:
    """Seconds per stage, for a job's ``timings``."""
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._start = time.perf_counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t

    def total(self) -> dict[str, float]:
        return {**self.timings, "total": time.perf_counter() - self._start}


@dataclass
class Inputs:
    """The loaded inputs of a run: the report, its doubts, the theme, and what the outputs depend on."""
    report: Any
    doubts: list[Problem]
    theme: Any
    files: dict[str, str]  # input path -> role (data, table, template, theme, reference)
    common: str  # the part of every recipe key that is not the document's own data
    notes: list = field(default_factory=list)  # what the loaders read (a table's sheet and columns)


def load_inputs(settings: Settings) -> Inputs:
    if settings.data is None:
        raise BriefgenError(M.no_data_file())
    notes: list = []
    report, doubts = load_report(settings.data, settings.indicators, settings.tasks, settings.columns or None, notes)
    theme = load_theme(settings.theme)
    reference = settings.reference_docx if "docx" in settings.formats else None
    if reference is not None and not Path(reference).is_file():
        raise BriefgenError(M.reference_not_found(path=reference))
    files = {str(settings.data): "data"}
    files.update({str(p): "table" for p in (settings.indicators, settings.tasks) if p is not None})
    templates = template_files(tuple(settings.template_dirs))
    files.update({str(p): "template" for p in templates})
    files.update({p: "theme" for p in theme.chain})
    if reference is not None:
        files[str(reference)] = "reference"
        if "pdf" in settings.formats:  # the office's header and footer are Word's: say so where the PDF is printed
            from ..render.docx.reference import header_footer_text

            text = header_footer_text(reference)
            if text:
                notes.append(M.reference_header_docx_only(text=text[:40]))
    hashed = {role_path: file_sha256(Path(role_path)) for role_path, role in files.items() if role in ("template", "theme", "reference")}
    common = recipe_key(__version__, hashed, settings.mark, settings.archive, theme.name)
    return Inputs(report, doubts, theme, files, common, notes)


_KEYED_TITLE = re.compile(r"^([A-Za-z0-9_.-]+)=(.+)$", re.S)


def title_options(given: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``--title`` values -> {template: title}: ``tasks=…`` names the template, a bare title is keyed "" (the one
    document built). Raises BriefgenError for a title with an unknown {field}."""
    out: dict[str, str] = {}
    for value in given:
        m = _KEYED_TITLE.match(value.strip())
        template, text = (m.group(1).removesuffix(".xml.j2"), m.group(2)) if m else ("", value)
        try:
            out[template] = check_title(text)
        except ValueError as exc:
            raise BriefgenError(M.title_option(detail=exc.args[0] if exc.args else str(exc))) from None
    return out


def with_titles(report, titles: dict[str, str], single: str | None, several: str):
    """The report with the titles of briefgen.toml and --title over its own ``titles``; the title keyed "" goes to
    ``single`` (the one document made), and without one it is refused with ``several`` (the message)."""
    given = dict(titles)
    lone = given.pop("", None)
    if lone is not None:
        if single is None:
            raise BriefgenError(several)
        given[single] = lone
    if not given:
        return report
    return report.model_copy(update={"titles": {**report.titles, **given}})


def stand_in_note(theme) -> list:
    """One note for the run when the PDFs draw the bundled Noto fonts in place of the official faces the theme
    names (仿宋, 楷体, 小标宋, 黑体) because this machine lacks them; nothing when the office's fonts were found."""
    from ..fonts import shared_fontset  # reportlab loads when a PDF is made: a rerun that keeps every file skips it

    fonts = shared_fontset(theme, "")
    stood: dict[str, list[str]] = {}  # free font -> the faces it stands in for
    for r in fonts.report(""):
        wanted = theme.font(r.role).docx
        if r.source == "bundled" and wanted and "Noto" not in wanted and wanted not in stood.get(r.family, []):
            stood.setdefault(r.family, []).append(wanted)
    if not stood:
        return []
    listing = None
    for family, faces in stood.items():
        one = M.stand_in_for(family=family, faces="、".join(faces))
        listing = one if listing is None else M.stand_in_and(first=listing, second=one)
    return [M.stand_ins(listing=listing)]


def report_fields(report) -> dict[str, str]:
    m = report.report
    return {"issuer": m.issuer, "date": m.date.isoformat(), "year": str(m.report_year), "period": m.period}


def archival(pdf: bytes, doc) -> bytes:
    """The PDF as PDF/A-2b (``briefgen.render.pdfa``), with the document's metadata."""
    try:
        from ..render.pdfa import to_pdfa
    except ImportError:
        raise OutputError(M.archive_unavailable()) from None
    m = doc.meta
    return to_pdfa(pdf, title=m.title, author=m.author, subject=m.subject, keywords=m.keywords, created=m.created)


def doc_warnings(template: str, rendered, theme, budget: int | None = 1) -> list[Problem]:
    out = []
    if rendered.scale < 1.0:
        size, percent = f"{rendered.scale * theme.body.size_pt:.1f}", f"{rendered.scale:.0%}"
        out.append(Problem(Location(template), "", M.shrank_one_page(size=size, percent=percent) if (budget or 1) == 1
                           else M.shrank_pages(size=size, percent=percent, n=budget)))
    if rendered.charts_left_out and (budget or 1) == 1:
        out.append(Problem(Location(template), "", M.chart_left_out_one_page()))
    elif rendered.charts_left_out:
        out.append(Problem(Location(template), "", M.chart_left_out_pages(n=budget)))
    return out


@dataclass(frozen=True)
class DocJob:
    """One document of a report, as the engine hands it to ``render_doc`` (in this process, a worker or a cluster)."""
    unit: str
    report: Any  # the report, or a department's slice of it
    template: str
    template_dirs: tuple[Path, ...]
    theme: str
    formats: tuple[str, ...]
    reference_docx: Path | None
    mark: str | None
    archive: bool
    extra: tuple[tuple[str, Any], ...] = ()  # names the template sees beside ``report`` (a batch's ``department``)


def render_doc(job: DocJob) -> Made:
    """Template -> Document -> the bytes of each format (PDF/A when archiving), with the document's warnings."""
    from ..render import render_document  # the renderers (reportlab, python-docx) load with the first document made

    doc, problems = make_document(job.report, job.template, job.template_dirs, job.mark, dict(job.extra) or None)
    theme = load_theme(job.theme)
    rendered = render_document(doc, theme, job.formats, job.reference_docx)
    files = dict(rendered.files)
    if job.archive and "pdf" in files:
        files["pdf"] = archival(files["pdf"], doc)
    warnings = [p.message for p in problems + doc_warnings(job.template, rendered, theme, doc.page_budget)]
    return Made(job.unit, files, rendered.pages, rendered.scale, rendered.docx_scale, warnings,
                "".join(sorted(rendered.missing)), rendered.fonts)
