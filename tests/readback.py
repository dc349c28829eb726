"""Reading produced files back the way a user would check them: pages, text lines, fonts, pixels."""

from __future__ import annotations

from pathlib import Path


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(path)))


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    return "\n".join(page.get_textpage().get_text_range() for page in doc)


def pdf_lines(path: Path) -> list[str]:
    """Every text line of every page, as extracted (table cells give their own lines)."""
    return [line.strip() for line in pdf_text(path).replace("\r\n", "\n").split("\n") if line.strip()]


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a DOCX, one per line, as a reader sees it: without the word joiners
    (U+2060) that keep a figure with its unit."""
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts).replace("\u2060", "")


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font used on any page, descendant fonts included."""
    import pikepdf

    out = []
    with pikepdf.open(str(path)) as pdf:
        seen = set()
        for page in pdf.pages:
            resources = page.obj.get("/Resources", {})
            fonts = resources.get("/Font", {})
            for _, font in fonts.items():
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                targets = [font] + list(font.get("/DescendantFonts", []))
                embedded = False
                for f in targets:
                    desc = f.get("/FontDescriptor")
                    if desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        embedded = True
                out.append((str(font.get("/BaseFont")), embedded))
    return out


def render_page(path: Path, index: int = 0, scale: float = 1.0):
    """A page as a PIL image (scale 1 = 72 dpi, one pixel per point)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    return doc[index].render(scale=scale).to_pil().convert("L")


def ink_box(image, threshold: int = 200):
    """The bounding box (left, top, right, bottom) of all dark pixels, or None for a blank page."""
    mask = image.point(lambda v: 255 if v < threshold else 0)
    return mask.getbbox()


def openxml_audit():
    """The openxml-audit command (the test extra installs it beside the interpreter), or None."""
    import shutil
    import sys

    beside = Path(sys.executable).parent / "openxml-audit"
    return shutil.which("openxml-audit") or (str(beside) if beside.exists() else None)


def audit_docx(path: Path) -> str:
    """What openxml-audit says of a DOCX (checked against the Office Open XML schemas, as Word would open it);
    "" when it finds no error."""
    import subprocess

    run = subprocess.run([openxml_audit(), str(path)], capture_output=True, text=True, timeout=120)
    return "" if run.returncode == 0 and "Errors: 0" in run.stdout else run.stdout + run.stderr
