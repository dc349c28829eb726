"""Document + Theme -> the bytes of each format, with what a job needs to know about them.

    rendered = render_document(doc, theme, ("docx", "pdf"), reference_docx=None)
    rendered.files["pdf"], rendered.pages, rendered.scale, rendered.missing

Both writers follow one fitting decision (``briefgen.render.fit``) for a one-page document. Nothing here writes a
file: the jobs do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import ir
from ..text.segment import flush_segments
from ..theme import Theme
from .docx import docx_bytes
from .fit import NATURAL, fit_document
from .pdf import content_height, layout_pdf, pdf_fonts, render_pdf


@dataclass(frozen=True)
class Rendered:
    template: str
    files: dict[str, bytes]  # format -> the finished file
    pages: int | None = None  # of the PDF, when one was laid out
    scale: float = 1.0  # the PDF's type scale (below 1: shrunk to keep one page)
    docx_scale: float = 1.0
    missing: frozenset[str] = frozenset()  # characters no font can draw
    fonts: tuple[str, ...] = field(default=())  # the font files the PDF embeds
    charts_left_out: int = 0  # charts the page had no room for, even at the smallest type (``Fit.document``)
    document: ir.Document | None = None  # the document as rendered, when charts were left out


def render_document(doc: ir.Document, theme: Theme, formats: tuple[str, ...], reference_docx: Path | None = None) -> Rendered:
    """Render ``doc`` in each of ``formats`` (docx, pdf)."""
    try:
        return _render(doc, theme, formats, reference_docx)
    finally:
        flush_segments()  # the titles segmented for this document, into the shared cache in one write


def _render(doc: ir.Document, theme: Theme, formats: tuple[str, ...], reference_docx: Path | None) -> Rendered:
    charts = sum(isinstance(b, ir.Chart) for b in doc.blocks)
    files: dict[str, bytes] = {}
    pages, fit, missing, fonts_used = None, NATURAL, frozenset(), ()
    if "pdf" in formats or doc.page_budget or "docx" in formats:

        fonts = pdf_fonts(doc, theme)
        fit = fit_document(doc, theme, fonts, layout_pdf, content_height)
        doc = fit.document or doc  # its charts left out where even the smallest type could not hold them
        if "pdf" not in formats:
            # a character no font of this machine has is reported for every document, whatever the formats:
            # the PDF's blocks are made (not laid out), which finds every character's font
            content_height(doc, theme, fonts, fit.scale)
            missing = frozenset(fonts.missing)
        if "pdf" in formats:
            pdf = render_pdf(doc, theme, fit, fonts)
            files["pdf"], pages = pdf.data, pdf.pages
            missing = frozenset(pdf.missing)
            fonts_used = tuple(str(p) for p in fonts.source_paths)
    if "docx" in formats:

        files["docx"] = docx_bytes(doc, theme.scaled(fit.docx_scale), reference_docx)
    ordered = {f: files[f] for f in formats if f in files}
    left_out = charts - sum(isinstance(b, ir.Chart) for b in doc.blocks)
    return Rendered(doc.template, ordered, pages, fit.scale, fit.docx_scale, missing, fonts_used, left_out, fit.document)
