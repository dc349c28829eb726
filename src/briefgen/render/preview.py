"""PDF pages -> PNG previews (pypdfium2), and a contact sheet of many documents' first pages.

    pngs = page_pngs(pdf_bytes, dpi=110)                 # [PNG bytes] per page, blank pages refused
    sheet = contact_sheet([(label, pdf_bytes), ...])     # one PNG: first pages in a grid, each labelled

Bytes in, bytes out: the jobs and the `preview` command write the files. A page with no ink is an error, not
a preview (a PDF whose fonts failed, or an empty template). Sizes are bounded (``MAX_PIXELS``) so that a huge
page at a high resolution is refused instead of filling memory.
"""

from __future__ import annotations

import io

from .. import messages as M
from ..errors import BriefgenError

MAX_PIXELS = 40_000_000  # one page image: 40 megapixels (an A4 page at 600 dpi is 35)
INK = 200  # a pixel darker than this (0-255) is ink


class PreviewError(BriefgenError):
    """A PDF that cannot be previewed: not a PDF, no such page, a blank page, a page too large."""


def _open(pdf: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PreviewError(M.not_a_pdf(name=name, detail=exc)) from None


def _render(doc, index: int, dpi: float, name: str):
    page = doc[index]
    width, height = page.get_size()
    scale = dpi / 72
    if width * scale * height * scale > MAX_PIXELS:
        limit = (MAX_PIXELS / (width * height)) ** 0.5 * 72
        raise PreviewError(M.preview_too_large(name=name, page=index + 1, dpi=f"{dpi:g}", width=f"{width * scale:.0f}",
                                               height=f"{height * scale:.0f}", limit=int(limit)))
    image = page.render(scale=scale).to_pil().convert("RGB")
    if image.convert("L").point(lambda v: 255 if v < INK else 0).getbbox() is None:
        raise PreviewError(M.blank_page(name=name, page=index + 1))
    return image


def _png(image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def page_pngs(pdf: bytes, dpi: float = 110, pages: list[int] | None = None, name: str = "PDF") -> list[bytes]:
    """PNG bytes of ``pages`` (1-based; default: every page)."""
    doc = _open(pdf, name)
    count = len(doc)
    wanted = pages or list(range(1, count + 1))
    for n in wanted:
        if not 1 <= n <= count:
            raise PreviewError(M.no_such_page(name=name, page=n, count=count))
    return [_png(_render(doc, n - 1, dpi, name)) for n in wanted]


def _label_font(size: int):
    from PIL import ImageFont

    try:
        import pylopdf_fonts_zh_cn as bundled

        return ImageFont.truetype(bundled.sans_path(), size)
    except Exception:  # no CJK font: Pillow's own (labels may lose their Chinese characters)
        return ImageFont.load_default()


def contact_sheet(items: list[tuple[str, bytes]], columns: int = 4, thumb_width: int = 320) -> bytes:
    """One PNG with the first page of every PDF, in a grid, each labelled below (a batch at a glance)."""
    from PIL import Image, ImageDraw

    if not items:
        raise PreviewError(M.sheet_empty())
    thumbs = []
    for label, pdf in items:
        doc = _open(pdf, label)
        w, h = doc[0].get_size()
        image = _render(doc, 0, thumb_width / w * 72, label)
        thumbs.append((label, image))
    cell_w = thumb_width + 24
    cell_h = max(im.height for _, im in thumbs) + 56
    cols = min(columns, len(thumbs))
    rows = -(-len(thumbs) // cols)
    if cell_w * cols * cell_h * rows > MAX_PIXELS:
        raise PreviewError(M.sheet_too_large(n=len(thumbs)))
    sheet = Image.new("RGB", (cell_w * cols, cell_h * rows), "white")
    draw = ImageDraw.Draw(sheet)
    font = _label_font(18)
    for i, (label, image) in enumerate(thumbs):
        x, y = (i % cols) * cell_w + 12, (i // cols) * cell_h + 12
        sheet.paste(image, (x, y))
        draw.rectangle((x - 1, y - 1, x + image.width, y + image.height), outline=(150, 150, 150))
        text = label if len(label) <= 16 else label[:15] + "…"
        draw.text((x + image.width / 2, y + image.height + 8), text, fill=(0, 0, 0), font=font, anchor="mt")
    return _png(sheet)


def preview_stems(pdfs: list, out_dir=None) -> list[str]:
    """The stem of each PDF's previews: its own, unless two PDFs previewed into one folder share it (a/same.pdf
    and b/same.pdf into one --out), then each told apart by a short hash of its path, so none overwrites another."""
    from pathlib import Path

    from ..jobs.names import Named, unique_names

    stems = [Path(p).stem for p in pdfs]
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(pdfs):
        place = Path(out_dir) if out_dir is not None else Path(p).parent
        groups.setdefault(str(place.resolve()), []).append(i)
    for members in groups.values():
        named = [Named(str(Path(pdfs[i]).resolve()), f"{stems[i]}.png") for i in members]
        for i, name in zip(members, unique_names(named)):
            stems[i] = name.removesuffix(".png")
    return stems
