"""Reading a report file: .txt in any of the encodings offices save, .docx (paragraphs and tables in document
order), .pdf with a text layer, or standard input (``-``)."""

from __future__ import annotations

import re
from pathlib import Path

from .. import limits
from .. import messages as M
from ..errors import DataError, Location, Problem

STDIN = "-"


def read_text(path: Path | str) -> str:
    """A report file -> text, one paragraph a line.

    ``.txt`` (UTF-8 with or without BOM, GB18030 as Notepad's ANSI on Chinese Windows saves it, UTF-16 with a
    BOM or without), ``.docx`` (paragraphs and tables in document order, table cells joined by `` | ``),
    ``.pdf`` with a text layer (pypdfium2), or ``-`` for text pasted on standard input."""
    name = str(path)
    if name == STDIN:
        import sys

        return decode_text(sys.stdin.buffer.read(), "<stdin>")
    path = Path(path)
    if not path.is_file():
        raise DataError([Problem(Location(name), "", M.file_not_found())])
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path, name)
    if suffix == ".pdf":
        return _read_pdf(path, name)
    if suffix not in (".txt", ".text", ".md", ""):
        raise DataError([Problem(Location(name), "", M.extract_suffix(suffix=suffix))])
    return decode_text(_read_limited(path, name, limits.MAX_REPORT_TEXT_BYTES, "limits.MAX_REPORT_TEXT_BYTES"), name)


def _read_limited(path: Path, name: str, limit: int, limit_name: str) -> bytes:
    """The bytes of a report, refused by its size before reading (a 50 MB text would take minutes to take apart)."""
    size = path.stat().st_size
    if size <= limit:
        with path.open("rb") as f:
            raw = f.read(limit + 1)
        size = max(size, len(raw))
    if size > limit:
        raise DataError([Problem(Location(name), "", M.report_too_big(size=f"{size / 1048576:.0f}", limit=f"{limit / 1048576:.0f}",
                                                                 name=limit_name))])
    return raw


def decode_text(raw: bytes, name: str) -> str:
    """Bytes of a report -> str (the one decoder, with UTF-16 read also without a BOM)."""
    from ..load.text import decode_text as decode

    return decode(raw, name, M.extract_save_as(), guess_utf16=True)


def _read_docx(path: Path, name: str) -> str:
    import io
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from ..render.docx.reference import ReferenceError_, parse_part, read_package

    if not zipfile.is_zipfile(path):
        raise DataError([Problem(Location(name), "", M.extract_bad_docx(kind="BadZipFile"))])
    try:  # sizes, ratios and every XML part (no DTD, no entities) checked before python-docx reads the file
        parts = read_package(path, name, M.ref_report_file())
        for part, data in parts.items():
            if part.endswith((".xml", ".rels")):
                parse_part(data, part, name)
    except ReferenceError_ as exc:
        raise DataError([Problem(Location(name), "", str(exc).removeprefix(f"{name}: "))]) from None
    try:
        document = docx.Document(io.BytesIO(path.read_bytes()))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DataError([Problem(Location(name), "", M.extract_bad_docx(kind=exc.__class__.__name__))]) from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells, seen = [], []
                for cell in row.cells:  # a merged cell appears once per grid column: keep it once
                    if any(cell._tc is s for s in seen):
                        continue
                    seen.append(cell._tc)
                    cells.append(cell.text.replace("\n", " ").strip())
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def _read_pdf(path: Path, name: str) -> str:
    import pypdfium2 as pdfium

    _read_limited(path, name, limits.MAX_DOCX_FILE_BYTES, "limits.MAX_DOCX_FILE_BYTES")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception as exc:  # noqa: BLE001 - pypdfium2 raises PdfiumError and others
        raise DataError([Problem(Location(name), "", M.extract_bad_pdf(kind=exc.__class__.__name__))]) from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = "\n".join(pages)
    if not re.search(r"[\u4e00-\u9fff]|[A-Za-z]{3}|\d{2}", text):
        raise DataError([Problem(Location(name), "", M.extract_no_text_layer(pages=len(pages)))])
    return text


