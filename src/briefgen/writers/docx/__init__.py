"""The DOCX writer: Document IR + Theme -> a Word file that Word and WPS open as a proper 公文.

    from briefgen.writers.docx import write_docx
    write_docx(document, theme, Path("out.docx"))                      # theme styles and page setup
    write_docx(document, theme, Path("out.docx"), reference_docx=ref)  # a house template's styles/page

See :mod:`.writer` for what each block becomes and how a reference DOCX is used, :mod:`.oxml` for the
raw OOXML, :mod:`.package` for the deterministic, atomic file. python-docx is imported on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...ir import Document
    from ...theme import Theme

__all__ = ["write_docx", "docx_bytes"]


def docx_bytes(doc: "Document", theme: "Theme", reference_docx: Path | None = None) -> bytes:
    """The finished .docx file as bytes: identical bytes for an identical Document, Theme and reference."""
    from .package import normalized_zip
    from .writer import DocxBuilder, zip_date

    builder = DocxBuilder(doc, theme, Path(reference_docx) if reference_docx is not None else None).build()
    return normalized_zip(builder.save(), zip_date(doc.meta.created), builder.part_replacements())


def write_docx(doc: "Document", theme: "Theme", path: Path, reference_docx: Path | None = None) -> None:
    """Write ``doc`` as a .docx at ``path`` (atomically: a temporary file in the same folder, then a rename)."""
    from ...outputs import write_atomic

    write_atomic(Path(path), docx_bytes(doc, theme, reference_docx))
