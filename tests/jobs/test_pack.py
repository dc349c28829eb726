"""The example pack, read back as a user would check it: pages, figures, fonts, order, line starts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from docx import Document as DocxDocument
from docx.oxml.ns import qn

from readback import pdf_fonts, pdf_lines, pdf_pages

from briefgen.text.linebreak import NO_END, NO_START


def test_the_pack_has_both_documents_in_both_formats(sample_pack):
    out, result = sample_pack
    names = sorted(p.name for p in out.iterdir())
    assert names == ["manifest.json", "summary.docx", "summary.pdf", "tasks.docx", "tasks.pdf"]
    assert not result.warnings, result.warnings


def test_summary_pdf_is_one_page_with_every_indicator_value(sample_pack, sample_report):
    out, _ = sample_pack
    pdf = out / "summary.pdf"
    assert pdf_pages(pdf) == 1
    lines = pdf_lines(pdf)
    assert len(sample_report.indicators) >= 6
    for n, ind in enumerate(sample_report.indicators, 1):
        # the row: number, name, value, unit and growth on one extracted line, in that order
        row = next((l for l in lines if l.startswith(f"{n} {ind.name} ")), None)
        assert row is not None, f"no table row for {ind.name}"
        cells = row.split()
        assert Decimal(cells[2]) == ind.value, row
        assert cells[3] == ind.unit, row
        if ind.yoy is not None:
            assert Decimal(cells[4]) == ind.yoy, row
    text = "".join(lines)
    for figure in ("31.3", "9.5", "62.5", "4050", "14绿6红"):
        assert figure in text


def test_summary_has_title_issuer_and_date(sample_pack, sample_report):
    out, _ = sample_pack
    lines = pdf_lines(out / "summary.pdf")
    meta = sample_report.report
    assert any("主要经济指标完成情况" in l for l in lines[:4])
    assert any(meta.issuer in l and "2022年7月29日" in l for l in lines)
    assert "— 1 —" in lines or any(l.replace(" ", "") == "—1—" for l in lines)


def test_summary_docx_table_holds_the_same_values(sample_pack, sample_report):
    out, _ = sample_pack
    doc = DocxDocument(str(out / "summary.docx"))
    assert len(doc.tables) == 1
    cells = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    header = cells[0]
    assert header[:3] == ["序号", "指标", "完成值"]
    body = {row[1]: row for row in cells[1:]}
    for ind in sample_report.indicators:
        row = body[ind.name]
        assert Decimal(row[2]) == ind.value, row
        assert row[3] == ind.unit


def test_every_docx_run_and_style_names_an_east_asian_font(sample_pack):
    out, _ = sample_pack
    for name in ("summary.docx", "tasks.docx"):
        doc = DocxDocument(str(out / name))
        runs = doc.element.body.iter(qn("w:r"))
        count = 0
        for r in runs:
            rpr = r.find(qn("w:rPr"))
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            assert fonts is not None and fonts.get(qn("w:eastAsia")), f"{name}: a run without an East Asian font"
            count += 1
        assert count > 20
        for style in doc.styles.element.iter(qn("w:style")):
            rpr = style.find(qn("w:rPr"))
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            if style.get(qn("w:type")) in ("paragraph", "character") and fonts is not None:
                assert fonts.get(qn("w:eastAsia")), style.get(qn("w:styleId"))


def test_every_pdf_font_is_embedded(sample_pack):
    out, _ = sample_pack
    for name in ("summary.pdf", "tasks.pdf"):
        fonts = pdf_fonts(out / name)
        assert fonts, name
        assert all(embedded for _, embedded in fonts), fonts
        assert not any("Helvetica" in f for f, _ in fonts)


def _short(report, name: str) -> str:
    return next((d.short for d in report.departments if d.name == name and d.short), name)


def test_task_list_has_every_task_in_order_with_its_lead(sample_pack, sample_report):
    out, _ = sample_pack
    tasks = sample_report.plan.tasks
    assert len(tasks) >= 12
    # PDF: titles appear in the report's order, each followed by its lead before the next task
    flat = "".join(pdf_lines(out / "tasks.pdf"))
    pos = 0
    for task, following in zip(tasks, tasks[1:] + [None]):
        found = flat.find(task.title, pos)
        assert found >= 0, f"{task.title} missing or out of order in tasks.pdf"
        pos = found + len(task.title)
        end = flat.find(following.title, pos) if following else len(flat)
        # a name too long for the narrow column is in its short form, which a note under the table explains
        assert task.lead in flat[pos:end] or _short(sample_report, task.lead) in flat[pos:end], f"{task.title}: lead {task.lead} not in its row"
    # DOCX: one row per task, its lead in the 牵头单位 column
    doc = DocxDocument(str(out / "tasks.docx"))
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0][:5] == ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    task_rows = [r for r in rows[1:] if r[0].isdigit()]
    assert [r[1].split("。")[0] for r in task_rows] == [t.title for t in tasks]
    leads = [r[2].replace("\n", "") for r in task_rows]  # a name broken between its words (w:br) reads whole
    assert leads == [t.lead if t.lead in lead else _short(sample_report, t.lead) for lead, t in zip(leads, tasks)]
    # section headings group the rows
    for section in sample_report.plan.sections:
        assert any(section.title in r[0] for r in rows), section.title


def test_task_table_header_repeats_on_every_pdf_page(sample_pack):
    import pypdfium2 as pdfium

    out, _ = sample_pack
    doc = pdfium.PdfDocument(str(out / "tasks.pdf"))
    assert len(doc) >= 2
    for page in doc:
        text = page.get_textpage().get_text_range().replace("\r\n", "")
        assert "牵头单位" in text and "完成时限" in text


def test_task_list_docx_header_repeats_and_only_task_rows_may_split(sample_pack):
    out, _ = sample_pack
    doc = DocxDocument(str(out / "tasks.docx"))
    table = doc.tables[0]
    rows = table._tbl.tr_lst
    assert rows[0].trPr is not None and rows[0].trPr.find(qn("w:tblHeader")) is not None
    for row, tr in zip(table.rows[1:], rows[1:]):
        whole = tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None
        # a task's long text may run on to the next page, as in the PDF; a section row never splits
        assert whole == (max(len(c.text) for c in row.cells) <= 24), [c.text[:12] for c in row.cells]


@pytest.mark.parametrize("name", ["summary.pdf", "tasks.pdf"])
def test_no_pdf_line_starts_with_a_closing_mark(sample_pack, name):
    out, _ = sample_pack
    lines = pdf_lines(out / name)
    assert len(lines) > 10
    bad = [l for l in lines if l[0] in NO_START]
    assert not bad, bad
    bad_end = [l for l in lines if l[-1] in NO_END]
    assert not bad_end, bad_end


def test_pdf_metadata(sample_pack, sample_report):
    import pikepdf

    out, _ = sample_pack
    with pikepdf.open(str(out / "summary.pdf")) as pdf:
        info = pdf.docinfo
        assert "主要经济指标完成情况" in str(info["/Title"])
        assert str(info["/Author"]) == sample_report.report.issuer
        assert str(info["/Subject"]) == sample_report.report.title
        assert str(info["/CreationDate"]).startswith("D:20220729")


def test_rebuild_is_byte_identical(sample_pack, tmp_path):
    from conftest import SAMPLE, build_pack

    out, _ = sample_pack
    build_pack(SAMPLE, tmp_path)
    for name in ("summary.pdf", "summary.docx", "tasks.pdf", "tasks.docx"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", ["summary", "tasks"])
def test_word_processor_pages_match_the_pdf(sample_pack, tmp_path, name):
    """LibreOffice lays out the DOCX on as many pages as briefgen's own PDF has."""
    from test_docx_libreoffice import to_pdf

    out, _ = sample_pack
    converted = to_pdf(out / f"{name}.docx", tmp_path)
    assert pdf_pages(converted) == pdf_pages(out / f"{name}.pdf")
