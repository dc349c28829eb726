"""The one fitting decision for documents that promise one page, used by both writers.

In: a Document, its Theme and the PDF fonts. Out: a ``Fit``: the scale of the type in the PDF (the largest that
keeps one page, never below the theme's ``min_size_pt``) and the scale for the DOCX, which keeps a reserve
because Word and WPS set lines a little looser than briefgen. Measurement uses the PDF writer's own layout;
the DOCX writer is handed the theme scaled by ``docx_scale`` (``Theme.scaled``). A document that would break its
promise even at the smallest type gives up its charts first (``Fit.document``: the document as fitted).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

from .. import ir
from .. import messages as M
from ..errors import LayoutError
from ..theme import MM, Theme

# Word and WPS lay out a little looser than briefgen (grid snapping, cell padding, line heights):
# a one-page DOCX keeps this share of the page in reserve so it stays on one page there too.
DOCX_RESERVE = 0.08
# A page that keeps its natural size has its own slack, and at 16/22 pt the DOCX's exact line pitch sets it as
# the PDF does: LibreOffice keeps a summary filled to 98.7% on one page. Such a page keeps its size in the DOCX
# (no quiet 15/20.5 pt) unless it fills more than this share of the page; a page the PDF had to shrink is
# brimful by construction and keeps the full reserve.
DOCX_RESERVE_NATURAL = 0.01
STEPS = 6  # bisection steps: the scale is found to within (1 - floor) / 64


@dataclass(frozen=True)
class Fit:
    scale: float = 1.0
    docx_scale: float = 1.0
    pdf: tuple[bytes, int] | None = None  # the PDF laid out at ``scale`` while deciding, when it was
    document: ir.Document | None = None  # the document as fitted, when its charts were left out to keep the budget


NATURAL = Fit()


class Layout(Protocol):
    """What fitting needs of a layout engine (the PDF writer's ``layout_pdf`` and ``content_height``)."""

    def __call__(self, doc: ir.Document, theme: Theme, fonts: Any, scale: float) -> Any: ...


def fit_document(doc: ir.Document, theme: Theme, fonts, layout_pdf: Layout, content_height: Layout) -> Fit:
    """The scales for ``doc``: 1.0 for a document without a page budget (one-page, max-pages).

    ``layout_pdf(doc, theme, fonts, scale)`` lays the document out -> (PDF bytes, pages); ``content_height(…)`` is
    the height in points of everything on one endless page. Fitting is handed them and imports no writer."""
    budget = doc.page_budget
    if not budget:
        return NATURAL
    floor = theme.body.min_size_pt / theme.body.size_pt
    data, pages = layout_pdf(doc, theme, fonts, 1.0)
    scale, best = 1.0, (data, pages)
    if pages > budget:
        data_min, pages_min = layout_pdf(doc, theme, fonts, floor)
        if pages_min > budget:
            lighter = ir.without_charts(doc)
            if lighter is not None:  # a page gives up its charts before it breaks its promise
                return _without_charts(lighter, theme, fonts, layout_pdf, content_height)
            over = max(0.0, content_height(doc, theme, fonts, floor) / MM - budget * theme.page.text_height_mm)
            text = M.overflows_one_page if budget == 1 else M.overflows_pages
            raise LayoutError(text(template=doc.template, budget=budget, pages=pages_min,
                                   min_pt=f"{theme.body.min_size_pt:g}", mm=f"{over:.0f}"))
        lo, hi, scale, best = floor, 1.0, floor, (data_min, pages_min)
        for _ in range(STEPS):
            mid = (lo + hi) / 2
            d, p = layout_pdf(doc, theme, fonts, mid)
            if p <= budget:
                lo, scale, best = mid, mid, (d, p)
            else:
                hi = mid
    # a page the PDF fills to the brim may not fit in Word: keep the DOCX within the reserve
    reserve = DOCX_RESERVE_NATURAL if scale >= 1.0 else DOCX_RESERVE
    limit = budget * theme.page.text_height_mm * MM * (1 - reserve)
    lo, hi = floor, scale
    if content_height(doc, theme, fonts, hi) <= limit:
        return Fit(scale, hi, best)
    lighter = ir.without_charts(doc)
    if lighter is not None and content_height(doc, theme, fonts, floor) > limit:
        return _without_charts(lighter, theme, fonts, layout_pdf, content_height)  # even the smallest type would not keep Word to the budget
    for _ in range(STEPS):
        mid = (lo + hi) / 2
        if content_height(doc, theme, fonts, mid) <= limit:
            lo = mid
        else:
            hi = mid
    return Fit(scale, lo, best)


def _without_charts(lighter: ir.Document, theme: Theme, fonts, layout_pdf: Layout, content_height: Layout) -> Fit:
    return replace(fit_document(lighter, theme, fonts, layout_pdf, content_height), document=lighter)
