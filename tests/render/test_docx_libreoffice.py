"""The DOCX as a word processor lays it out: LibreOffice converts it to PDF, pypdfium2 reads the pages.

Skipped when ``soffice`` is not on PATH. Each conversion uses a private LibreOffice profile, so a
desktop LibreOffice the user has open is neither needed nor disturbed.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen import ir
from briefgen.theme import MM, load_theme
from briefgen.render.docx import write_docx

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
pdfium = pytest.importorskip("pypdfium2")

R = ir.Run
META = ir.Meta(title="测试", author="前江街道办事处", created=dt.date(2022, 7, 29))


def to_pdf(docx_path: Path, workdir: Path) -> Path:
    profile = workdir / "lo-profile"
    out = workdir / "pdf"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = out / (docx_path.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return pdf


def pages_text(pdf: Path) -> list[str]:
    """The text of each page with white space removed (PDF text has spaces between 第 and 01)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return ["".join(page.get_textpage().get_text_range().split()) for page in doc]
    finally:
        doc.close()


def build(tmp_path: Path, blocks, theme: str = "official", meta: ir.Meta = META) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{theme}.docx"
    write_docx(ir.Document(meta, tuple(blocks)), load_theme(theme), path)
    return to_pdf(path, tmp_path)


def test_explicit_page_break_gives_two_pages(tmp_path):
    pdf = build(tmp_path, [
        ir.Title((R("前江街道工作简报"),)),
        ir.Paragraph((R("第一页的正文。"),)),
        ir.PageBreak(),
        ir.Paragraph((R("第二页的正文。"),)),
    ])
    texts = pages_text(pdf)
    assert len(texts) == 2
    assert "第一页" in texts[0] and "第二页" in texts[1]
    assert texts[1].startswith("第二页")  # no empty line carried to the top of page 2


def test_official_page_holds_22_body_lines(tmp_path):
    lines = [ir.Paragraph((R(f"第{i:02d}行正文"),), indent=False) for i in range(1, 31)]
    texts = pages_text(build(tmp_path, lines))
    assert len(texts) == 2
    first = [i for i in range(1, 31) if f"第{i:02d}行" in texts[0]]
    assert first == list(range(1, 23)), f"page 1 holds lines {first}"


def test_long_table_repeats_its_header_and_keeps_rows_whole(tmp_path):
    cols = (ir.Column(1, "center"), ir.Column(4), ir.Column(2, "right", 1))
    rows = [ir.Row((ir.Cell((R("序号"),)), ir.Cell((R("指标名称"),)), ir.Cell((R("完成值"),))), kind="header")]
    rows += [ir.Row((ir.Cell((R(str(i)),)), ir.Cell((R(f"指标{i:03d}"),)), ir.Cell((R(f"{i * 1.5:.1f}"),))))
             for i in range(1, 81)]
    texts = pages_text(build(tmp_path, [ir.Table(cols, tuple(rows))]))
    assert len(texts) >= 2
    for text in texts:
        assert "指标名称" in text  # tblHeader: the header row on every page
    seen = [i for i in range(1, 81) for t in texts if f"指标{i:03d}" in t]
    assert seen == list(range(1, 81))  # every row once, none split over two pages
    # rows use the table's own leading, not the 28.95 pt body pitch: more rows fit a page than (28.95 pt + margins) rows would: 19
    assert sum(f"指标{i:03d}" in texts[0] for i in range(1, 81)) > 24


def _footer_text(pdf: Path, index: int, left: bool) -> str:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[index]
        width, _ = page.get_size()
        bottom_band = 35 * MM  # below the official text block
        half = width / 2
        box = (0, 0, half, bottom_band) if left else (half, 0, width, bottom_band)
        return page.get_textpage().get_text_bounded(*box)
    finally:
        doc.close()


def test_page_numbers_outside_for_official_centre_for_handout(tmp_path):
    blocks = [ir.Paragraph((R("正文"),)), ir.PageBreak(), ir.Paragraph((R("正文"),))]
    official = build(tmp_path / "o", blocks)
    assert "1" in _footer_text(official, 0, left=False) and "1" not in _footer_text(official, 0, left=True)
    assert "2" in _footer_text(official, 1, left=True) and "2" not in _footer_text(official, 1, left=False)
    assert "\u2014" in _footer_text(official, 0, left=False)
    handout = build(tmp_path / "h", blocks, theme="handout")
    for index, number in ((0, "1"), (1, "2")):
        both = _footer_text(handout, index, left=True) + _footer_text(handout, index, left=False)
        assert both.count(number) >= 1 and "\u2014" in both
