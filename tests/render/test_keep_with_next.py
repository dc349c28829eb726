"""A paragraph marked keep-with-next stays on the page of the block after it, in the PDF and in the DOCX as
LibreOffice lays it out: the 督办通报's 附件 line is never alone on a page (issue 20: widows of a document's end)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen.compose.markup import parse
from briefgen.render import render_document
from briefgen.theme import load_theme

SOFFICE = shutil.which("soffice")
BODY = "对滞后和逾期事项，各牵头单位要认真分析原因，制定整改措施，明确完成时间，按时将整改情况书面报送。"


def markup(n: int, keep: bool) -> str:
    paragraphs = "".join(f"<p>（{i}）{BODY}</p>" for i in range(1, n))
    attr = ' keep-with-next="1"' if keep else ""
    last = f"<p{attr}>（{n}）{BODY}</p>"
    return (f'<document title="通报" author="前江街道" date="2022-09-30"><title>重点工作督办通报</title>{paragraphs}{last}'
            '<p indent="0" before="1">附件：2022年下半年重点工作推进情况表</p><page-break/><p indent="0" role="h1">附件</p></document>')


def pages_text(pdf: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return ["".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))]
    finally:
        doc.close()


def alone(pages: list[str]) -> bool:
    """The page with the 附件 line holds nothing else of the body (its page number aside)."""
    page = next(p for p in pages if "附件：" in p)
    return BODY not in page


def lone_case(theme):
    """The smallest number of paragraphs that leaves the 附件 line alone on a page without keep-with-next."""
    for n in range(8, 30):
        if alone(pages_text(render_document(parse(markup(n, False), "t"), theme, ("pdf",)).files["pdf"])):
            return n
    pytest.fail("no paragraph count leaves the 附件 line alone: the case is not made")


def test_the_pdf_keeps_the_last_paragraph_with_the_line_under_it():
    theme = load_theme("official")
    n = lone_case(theme)
    kept = pages_text(render_document(parse(markup(n, True), "t"), theme, ("pdf",)).files["pdf"])
    assert not alone(kept)
    assert f"（{n}）" in next(p for p in kept if "附件：" in p)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_keeps_the_last_paragraph_with_the_line_under_it(tmp_path):
    theme = load_theme("official")

    def laid_out(n: int, keep: bool) -> list[str]:
        docx = tmp_path / f"keep-{n}-{keep}.docx"
        docx.write_bytes(render_document(parse(markup(n, keep), "t"), theme, ("docx",)).files["docx"])
        subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                       check=True, capture_output=True, timeout=120)
        return pages_text(docx.with_suffix(".pdf").read_bytes())

    n = lone_case(theme)  # LibreOffice sets the DOCX's lines as the PDF does: the same count leaves the line alone
    assert alone(laid_out(n, False))
    kept = laid_out(n, True)
    assert not alone(kept) and f"（{n}）" in next(p for p in kept if "附件：" in p)
