"""`briefgen pack`: the meeting handout (会议材料) as one DOCX and one PDF a secretary puts on every seat.

In: Settings (``settings.pack``: meeting, date, venue, parts, mark, number). Out: a JobResult with the two files.

The pack is a cover, a contents page and the parts, each part made by the same template `build` uses. The PDF
is each part laid out on its own (so a one-page summary keeps its own fit), with page numbers that run on
across the parts (cover and contents unnumbered), merged into one file with one set of metadata and an
outline: a bookmark per part with the part's headings under it. The contents page lists the page on which
each part and heading starts, read back from the parts' own outlines. The DOCX is one document of sections
(cover, contents, one per part) with a pre-filled TOC field that Word and WPS can update, and the headings as
real Heading styles, so the navigation pane shows them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

from .. import ir
from .. import messages as M
from ..compose import make_document
from ..compose.filters import fmt_date
from ..compose.templates import template_info
from ..errors import BriefgenError, Problem
from ..settings import Settings
from ..theme import load_theme
from .common import (
    Clock,
    archival,
    doc_warnings,
    load_inputs,
    report_fields,
    stand_in_note,
    with_titles,
)
from .engine import Made, Plan, Work, run, theme_fonts
from .manifest import recipe_key
from .names import Named, file_name, unique_names
from .results import JobResult

PACK_NAMES = "{issuer}_{document}_{date}"


@dataclass(frozen=True)
class Pack:
    """What the cover and contents templates see as ``pack``."""
    meeting: str
    date: str
    venue: str | None
    mark: str | None
    number: int | None


@dataclass(frozen=True)
class Part:
    template: str
    doc: ir.Document
    pdf: bytes
    pages: int
    first_page: int
    headings: tuple[tuple[str, int, int], ...]  # (text, level, page number) from the part's outline


def pack_context(settings: Settings, report) -> Pack:
    m = report.report
    p = settings.pack
    return Pack(p.meeting or f"{m.issuer}{report.plan_period}工作部署会", p.date or fmt_date(m.date), p.venue,
                p.mark or settings.mark, p.number)


def outline_of(pdf: bytes, first_page: int) -> tuple[tuple[str, int, int], ...]:
    """(title, level, page number) of every outline entry of a part's PDF, in order."""
    import pikepdf

    out = []
    with pikepdf.open(io.BytesIO(pdf)) as src:
        index = {page.obj.objgen: i for i, page in enumerate(src.pages)}
        with src.open_outline() as outline:
            def walk(items, level):
                for item in items:
                    dest = item.destination
                    page = index.get(dest[0].objgen, 0) if isinstance(dest, pikepdf.Array) and len(dest) else 0
                    out.append((str(item.title), level, first_page + page))
                    walk(item.children, level + 1)

            walk(outline.root, 0)
    return tuple(out)


def merge(files: list[bytes], entries: list[tuple[str, int, list[tuple[str, int]]]], meta: ir.Meta,
          front: int = 0) -> bytes:
    """The PDFs as one, with an outline of ``entries`` (title, first page index, [(child title, page index)])
    and the pack's metadata; the same inputs give the same bytes. The first ``front`` pages (cover, contents)
    are labelled i, ii … and the rest 1, 2 …, as printed; the contents' entries link to their pages; each
    embedded font subset has a tag of its own."""
    import pikepdf

    from ..render.pdf.contents import resolve_links
    from ..render.pdf.merging import label_pages, retag_subsets

    out = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(data)) for data in files]
    try:
        for src in sources:
            out.pages.extend(src.pages)
        with out.open_outline() as outline:
            for title, page, children in entries:
                item = pikepdf.OutlineItem(title, page)
                item.children.extend(pikepdf.OutlineItem(t, p) for t, p in children)
                outline.root.append(item)
        out.Root.PageMode = pikepdf.Name.UseOutlines
        if front:
            label_pages(out, front)
            resolve_links(out, front, range(front))
        retag_subsets(out)
        out.Root.Lang = pikepdf.String("zh-CN")
        stamp = f"D:{meta.created:%Y%m%d}000000+08'00'" if meta.created else None
        info = {"/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject, "/Keywords": meta.keywords,
                "/Creator": "briefgen", "/Producer": ir.PRODUCER}
        if stamp:
            info.update({"/CreationDate": stamp, "/ModDate": stamp})
        out.docinfo = out.make_indirect(pikepdf.Dictionary({k: pikepdf.String(v) for k, v in info.items() if v}))
        buf = io.BytesIO()
        out.save(buf, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        return buf.getvalue()
    finally:
        for src in sources:
            src.close()
        out.close()


@dataclass(frozen=True)
class PackJob:
    """The whole pack, as the engine hands it to ``render_pack``."""
    report: object
    parts: tuple[str, ...]
    context: Pack
    template_dirs: tuple[Path, ...]
    theme: str
    formats: tuple[str, ...]
    reference_docx: Path | None
    mark: str | None
    archive: bool


def _document_of(template: str, dirs: tuple[Path, ...]) -> str:
    """What a part is called (主要经济指标完成情况), for messages."""
    from ..compose.templates import template_info

    info = template_info(template, dirs)
    return info.document if info else template


def pack(settings: Settings, executor=None) -> JobResult:
    """Build the handout pack of ``settings`` into ``settings.out``."""
    clock = Clock()
    result = JobResult(notes=list(settings.ignored))
    if settings.output:
        raise BriefgenError(M.pack_one_file(path=settings.output))
    with clock.stage("load"):
        inputs = load_inputs(settings)
    result.warnings.extend(inputs.doubts)
    result.notes.extend(inputs.notes)
    inputs.report = with_titles(inputs.report, settings.titles, None, M.pack_title_which())
    report = inputs.report
    ctx = pack_context(settings, report)
    dirs = tuple(settings.template_dirs)
    parts = list(dict.fromkeys(settings.pack.parts))
    if not parts:
        raise BriefgenError(M.pack_parts_empty())
    # a part whose data is not there yet (a new office's folder) is left out, saying what to fill in
    empty = {"review": (not report.review.sections, M.tw_no_review), "summary": (not report.indicators, M.tw_no_indicators),
             "tasks": (not report.plan.tasks, M.tw_no_tasks)}
    kept = [p for p in parts if not empty.get(p, (False, None))[0]]
    if not kept:
        raise BriefgenError(M.pack_nothing_to_pack(parts="、".join(_document_of(p, dirs) for p in parts)))
    for p in parts:
        if p not in kept:
            result.notes.append(M.pack_part_left_out(part=_document_of(p, dirs), why=empty[p][1]()))
    parts = kept
    for name in parts + ["cover", "contents"]:
        if template_info(name, dirs) is None:
            raise BriefgenError(M.pack_unknown_part(name=repr(name)))
    formats = tuple(settings.formats)
    reference = settings.reference_docx if "docx" in formats else None
    fields = {**report_fields(report), "template": "pack", "document": "会议材料"}
    names = unique_names([Named(f, file_name(settings.names or PACK_NAMES, fields, f)) for f in formats])
    key = recipe_key(inputs.common, report.model_dump_json(), parts, ctx.__dict__, str(reference) if reference else None)
    job = PackJob(report, tuple(parts), ctx, dirs, settings.theme, formats, reference, settings.mark, settings.archive)
    work = Work("pack", key, tuple(zip(formats, names)), job,
                {"template": "pack", "parts": parts, "theme": inputs.theme.name, "archive": settings.archive})
    plan = Plan(Path(settings.out), [work], render_pack, inputs.files, force=settings.force, strict=settings.strict,
                preview=settings.preview, fonts=theme_fonts(inputs.theme))
    run(plan, result, clock, executor)
    if "pdf" in formats and result.built:
        result.notes.extend(stand_in_note(inputs.theme))
    result.timings = clock.total()
    return result


def render_pack(job: PackJob) -> Made:
    """Cover, contents and parts -> the pack's PDF (parts laid out one by one, merged) and DOCX (one document of
    sections), with every part's warnings at its own name."""
    from ..render import render_document  # the renderers load when the pack is made, not for a rerun keeping it
    from ..render.docx import docx_bytes

    report, dirs, ctx, formats = job.report, job.template_dirs, job.context, job.formats
    theme = load_theme(job.theme)
    warnings: list[Problem] = []
    missing: set[str] = set()
    docs = []
    for name in job.parts:
        doc, found = make_document(report, name, dirs, job.mark)
        docs.append(doc)
        warnings.extend(found)
    cover, w1 = make_document(report, "cover", dirs, None, {"pack": ctx})
    contents, w2 = make_document(report, "contents", dirs, None, {"pack": ctx})
    warnings.extend(w1 + w2)

    laid: list[Part] = []
    scale_of: dict[str, float] = {}
    start = 1
    for name, doc in zip(job.parts, docs):
        doc = replace(doc, first_page=start)
        rendered = render_document(doc, theme, ("pdf",))
        scale_of[name] = rendered.docx_scale
        warnings.extend(doc_warnings(name, rendered, theme, doc.page_budget))
        missing |= set(rendered.missing)
        laid.append(Part(name, rendered.document or doc, rendered.files["pdf"], rendered.pages or 1, start,
                         outline_of(rendered.files["pdf"], start)))
        start += rendered.pages or 1
    entries = []
    for part in laid:
        for text, level, page in part.headings:
            if level <= 1:
                entries.append(ir.ContentsEntry(text, page, 1 if level == 0 else 2))
    contents = replace(contents, blocks=tuple(ir.Contents(tuple(entries)) if isinstance(b, ir.Contents) else b
                                              for b in contents.blocks))
    front = [render_document(d, theme, ("pdf",)) for d in (cover, contents)]
    # the properties a build's or a batch's documents carry: the report's title as the subject, keywords in words
    meta = ir.Meta(title=f"{ctx.meeting}会议材料", author=report.report.issuer, subject=report.report.title,
                   keywords="、".join(["会议材料", *(_document_of(p.template, dirs) for p in laid)]),
                   created=report.report.date, mark=ctx.mark)
    files: dict[str, bytes] = {}
    pages = sum(f.pages or 1 for f in front) + sum(p.pages for p in laid)
    if "pdf" in formats:
        offset = sum(f.pages or 1 for f in front)
        outline = [("封面", 0, []), ("目录", front[0].pages or 1, [])]
        for part in laid:
            top = [h for h in part.headings if h[1] == 0]
            title = top[0][0] if top else part.template
            children = [(t, offset + p - 1) for t, lvl, p in part.headings if lvl >= 1]
            outline.append((title, offset + part.first_page - 1, children))
        files["pdf"] = merge([f.files["pdf"] for f in front] + [p.pdf for p in laid], outline, meta, front=offset)
        if job.archive:
            files["pdf"] = archival(files["pdf"], ir.Document(meta, ()))
    if "docx" in formats:

        blocks: list = [*cover.blocks, ir.SectionBreak(page_numbers=False), *contents.blocks, ir.SectionBreak(page_numbers=False)]
        for i, part in enumerate(laid):
            blocks.extend(part.doc.blocks)
            if i < len(laid) - 1:
                blocks.append(ir.SectionBreak(page_numbers=True, restart_at=1 if i == 0 else None))
        # each part as the PDF's fit set it (a review shrunk to two pages is shrunk in the DOCX too), and
        # the department names the parts know
        scales = (1.0, 1.0, *(scale_of.get(part.template, 1.0) for part in laid))
        known = next((d.names for d in docs if d.names), ())
        whole = ir.Document(meta, tuple(blocks), template="pack", names=known, section_scales=scales)
        files["docx"] = docx_bytes(whole, theme, job.reference_docx)
    return Made("pack", {f: files[f] for f in formats}, pages, warnings=warnings, missing="".join(sorted(missing)))
