"""PDF page -> PNG preview (pypdfium2), for READMEs, reviews and quick looks without a PDF viewer."""

from __future__ import annotations

from pathlib import Path

from .errors import BriefgenError
from .outputs import write_atomic


def pdf_to_png(pdf: Path, png: Path, page: int = 1, dpi: float = 110) -> Path:
    import io

    import pypdfium2 as pdfium

    if not Path(pdf).is_file():
        raise BriefgenError(f"{pdf}: file not found; check the path")
    try:
        doc = pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, FileNotFoundError) as exc:
        raise BriefgenError(f"{pdf}: cannot open as PDF ({exc})") from None
    if not 1 <= page <= len(doc):
        raise BriefgenError(f"{pdf}: page {page} does not exist; the file has {len(doc)} page(s)")
    image = doc[page - 1].render(scale=dpi / 72).to_pil()
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    write_atomic(png, buf.getvalue())
    return png
