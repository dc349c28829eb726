"""`briefgen pack`: the meeting handout read back as a secretary would check it."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
from click.testing import CliRunner
from docx import Document as DocxDocument
from docx.oxml.ns import qn

from briefgen.cli import main
from conftest import SAMPLE
from readback import pdf_pages, pdf_text


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    out = tmp_path_factory.mktemp("pack")
    result = CliRunner().invoke(main, ["pack", str(SAMPLE), "--out", str(out), "--meeting", "前江街道2022年下半年工作部署会",
                                       "--number", "2", "--mark", "内部资料 注意保存"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    pdf = next(out.glob("*.pdf"))
    docx = next(out.glob("*.docx"))
    return out, pdf, docx


def page_texts(path):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    return ["".join(page.get_textpage().get_text_range().split()) for page in doc]


def test_one_file_per_format_named_as_a_person_files_it(handout):
    out, pdf, docx = handout
    assert pdf.name == "前江街道_会议材料_2022-07-29.pdf" and docx.name == "前江街道_会议材料_2022-07-29.docx"


def test_the_cover_says_meeting_handout_issuer_date_mark_and_number(handout):
    _, pdf, _ = handout
    cover = page_texts(pdf)[0]
    for words in ("前江街道2022年下半年工作部署会", "会议材料", "前江街道", "2022年7月29日", "内部资料注意保存", "材料之二"):
        assert words in cover, words
    assert not re.search(r"—\d+—", cover)  # the cover has no page number


def test_pdf_outline_pages_and_contents_agree(handout):
    _, pdf, _ = handout
    texts = page_texts(pdf)
    with pikepdf.open(pdf) as doc:
        index = {p.obj.objgen: i for i, p in enumerate(doc.pages)}
        assert doc.Root.PageMode == "/UseOutlines"
        with doc.open_outline() as outline:
            tops = [(str(i.title), index[i.destination[0].objgen], [str(c.title) for c in i.children]) for i in outline.root]
    titles = [t for t, _, _ in tops]
    assert titles == ["封面", "目录", "前江街道2022年上半年工作回顾", "前江街道2022年1—6月主要经济指标完成情况",
                      "前江街道2022年下半年重点工作任务分解表"]
    review = tops[2]
    assert review[2][0].startswith("一、助企纾困稳运行") and len(review[2]) == 6
    # page count = cover + contents + the parts' own pages; the review digest at 3号 takes the pages it needs
    starts = [i for _, i, _ in tops]
    assert starts[:3] == [0, 1, 2]
    assert 2 <= starts[3] - starts[2] <= 3 and starts[4] - starts[3] == 1  # the summary is one page
    assert len(texts) == pdf_pages(pdf)
    # page numbers run on from the first part, and each part starts on the page the contents page says
    contents = texts[1]
    for title, index_, _ in tops[2:]:
        number = index_ - 1
        assert f"—{number}—" in texts[index_], (title, texts[index_][-12:])
        assert re.search(re.escape(title) + r"\.*" + str(number), contents.replace("…", ".")), title
    assert f"—{len(texts) - 2}—" in texts[-1]
    assert not re.search(r"—\d+—", texts[1])  # the contents page is not numbered either


def test_review_digest_holds_every_section_and_cuts_points_at_sentences(handout, sample_report):
    _, pdf, _ = handout
    texts = page_texts(pdf)
    summary = next(i for i, t in enumerate(texts) if i > 2 and "主要经济指标完成情况" in t[:80])
    text = "".join(texts[2:summary])  # the review's pages
    for section in sample_report.review.sections:
        assert "".join(section.title.split()) in text
        for point in section.points:
            first = point.text.split("。")[0]
            assert "".join(first.split())[:20] in text, point.title
    assert "争先进位" in text and "全区第一" in text


def test_pack_pdf_has_one_set_of_metadata(handout):
    _, pdf, _ = handout
    with pikepdf.open(pdf) as doc:
        assert str(doc.docinfo["/Title"]) == "前江街道2022年下半年工作部署会会议材料"
        assert str(doc.docinfo["/Author"]) == "前江街道"
        assert str(doc.docinfo["/CreationDate"]).startswith("D:20220729")


def test_pack_docx_has_a_toc_field_headings_and_sections(handout, sample_report):
    _, _, docx = handout
    doc = DocxDocument(str(docx))
    body = doc.element.body
    instr = " ".join(t.text for t in body.iter(qn("w:instrText")))
    assert "TOC" in instr
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:5] == [f"{n}、{s.title}" for n, s in zip("一二三四五", sample_report.review.sections)]
    sections = doc.sections
    assert len(sections) == 5  # cover, contents, three parts
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in sections]
    assert starts[2] is not None and starts[2].get(qn("w:start")) == "1"
    assert not sections[0]._sectPr.findall(qn("w:footerReference"))  # no page number on the cover
    titles = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert [t.replace("\n", "") for t in titles] == ["前江街道2022年上半年工作回顾", "前江街道2022年1—6月主要经济指标完成情况",
                                                     "前江街道2022年下半年重点工作任务分解表"]


def test_pack_rebuild_is_identical_and_a_rerun_keeps_it(tmp_path, handout):
    out, pdf, docx = handout
    args = ["pack", str(SAMPLE), "--out", str(tmp_path), "--meeting", "前江街道2022年下半年工作部署会", "--number", "2",
            "--mark", "内部资料 注意保存"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert (tmp_path / pdf.name).read_bytes() == pdf.read_bytes()
    assert (tmp_path / docx.name).read_bytes() == docx.read_bytes()
    again = CliRunner().invoke(main, args)
    assert again.stdout.count("unchanged") == 2


def test_pack_archive_is_pdfa(tmp_path):
    from briefgen.render.pdfa_check import check_pdfa

    result = CliRunner().invoke(main, ["pack", str(SAMPLE), "--out", str(tmp_path), "--archive", "-f", "pdf"])
    assert result.exit_code == 0, result.output
    assert check_pdfa(next(tmp_path.glob("*.pdf")).read_bytes()) == []


def test_a_pack_of_an_unknown_part_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["pack", str(SAMPLE), "--out", str(tmp_path / "o"), "--part", "nosuch"])
    assert result.exit_code == 2 and "unknown template 'nosuch'" in result.stderr
    assert not (tmp_path / "o").exists()


def test_pack_settings_come_from_briefgen_toml(tmp_path, monkeypatch):
    (tmp_path / "briefgen.toml").write_text(f'data = "{SAMPLE.as_posix()}"\nformats = ["pdf"]\n[pack]\nmeeting = "半年工作会"\n'
                                           'parts = ["summary"]\nvenue = "街道三楼会议室"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["pack", "--out", "o"])
    assert result.exit_code == 0, result.output
    pdf = next((tmp_path / "o").glob("*.pdf"))
    texts = page_texts(pdf)
    assert len(texts) == 3 and "半年工作会" in texts[0] and "街道三楼会议室" in texts[0]
    bad = tmp_path / "briefgen.toml"
    bad.write_text('data = "x.yaml"\n[pack]\nnumber = "二"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["pack", "--out", "o"])
    assert result.exit_code == 2 and "pack.number" in result.stderr


def test_previews_every_page_and_a_contact_sheet_for_a_batch(tmp_path):
    from PIL import Image

    built = CliRunner().invoke(main, ["pack", str(SAMPLE), "--out", str(tmp_path / "p"), "-f", "pdf", "--preview"])
    assert built.exit_code == 0, built.output
    pdf = next((tmp_path / "p").glob("*.pdf"))
    pngs = sorted((tmp_path / "p").glob("*.png"))
    assert len(pngs) == pdf_pages(pdf)
    with Image.open(pngs[0]) as image:
        width, height = image.size
    assert abs(width / height - 210 / 297) < 0.01 and abs(width - 210 / 25.4 * 110) <= 1.5
    assert CliRunner().invoke(main, ["verify", str(tmp_path / "p")]).exit_code == 0  # previews are in the manifest
    batch = CliRunner().invoke(main, ["batch", str(SAMPLE), "--out", str(tmp_path / "b"), "-f", "pdf", "--preview",
                                      "--only", "经发办", "--only", "党政办公室", "--only", "财政办"])
    assert batch.exit_code == 0, batch.output
    sheets = list((tmp_path / "b").glob("*contact-sheet.png"))
    assert len(sheets) == 1
    with Image.open(sheets[0]) as sheet:
        assert sheet.width > sheet.height  # three first pages side by side
    assert "3 built" in batch.stdout


def test_preview_refuses_a_blank_page_and_a_huge_image(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    blank = tmp_path / "blank.pdf"
    canvas = Canvas(str(blank))
    canvas.showPage()
    canvas.save()
    result = CliRunner().invoke(main, ["preview", str(blank), "--out", str(tmp_path / "png")])
    assert result.exit_code == 2 and "has no ink" in result.stderr
    assert not (tmp_path / "png").exists()
    huge = tmp_path / "huge.pdf"
    canvas = Canvas(str(huge), pagesize=(14400, 14400))
    canvas.drawString(100, 100, "x")
    canvas.showPage()
    canvas.save()
    result = CliRunner().invoke(main, ["preview", str(huge), "--dpi", "600"])
    assert result.exit_code == 2 and "use --dpi" in result.stderr
