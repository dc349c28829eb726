"""Document properties agree across build, batch and pack, as a file manager or an archive system shows them:
the producer, the subject, keywords in words (never a template's id), and the DOCX's creation time the same
instant as the PDF's (midnight of the document's date, China Standard Time)."""

from __future__ import annotations

import datetime as dt

import pikepdf
import pytest
from click.testing import CliRunner
from docx import Document

from conftest import SAMPLE
from briefgen.cli import main

CST = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("props")
    for args in (["build"], ["batch", "-j", "1"], ["pack"]):
        done = CliRunner().invoke(main, ["--lang", "en", args[0], str(SAMPLE), *args[1:], "--out", str(root / args[0])])
        assert done.exit_code == 0, done.output
    batch = sorted((root / "batch").glob("*.pdf"))[0]
    return [*sorted((root / "build").glob("*.pdf")), batch, *sorted((root / "pack").glob("*.pdf"))]


def _pdf_date(text: str) -> dt.datetime:
    # D:20220729000000+08'00'
    base = dt.datetime.strptime(text[2:16], "%Y%m%d%H%M%S")
    sign = 1 if text[16] == "+" else -1
    return base.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=int(text[17:19]), minutes=int(text[20:22]))))


def test_every_document_names_one_producer_and_the_reports_subject(made):
    with pikepdf.open(made[0]) as first:
        subject = str(first.docinfo["/Subject"])
    assert subject
    for pdf in made:
        with pikepdf.open(pdf) as doc:
            info = doc.docinfo
            assert str(info["/Producer"]) == "briefgen" and str(info["/Creator"]) == "briefgen", pdf.name
            assert str(info["/Subject"]) == subject, pdf.name
        props = Document(str(pdf.with_suffix(".docx"))).core_properties
        assert props.subject == subject, pdf.name


def test_keywords_are_words_not_template_names(made):
    pack = made[-1]
    with pikepdf.open(pack) as doc:
        words = str(doc.docinfo["/Keywords"])
    docx_words = Document(str(pack.with_suffix(".docx"))).core_properties.keywords
    assert words == docx_words
    assert "主要经济指标完成情况" in words and "重点工作任务分解表" in words
    for template_id in ("summary", "tasks", "review"):
        assert template_id not in words


def test_the_docx_is_created_at_the_pdfs_instant(made):
    for pdf in made:
        with pikepdf.open(pdf) as doc:
            when = _pdf_date(str(doc.docinfo["/CreationDate"]))
        created = Document(str(pdf.with_suffix(".docx"))).core_properties.created
        assert created.replace(tzinfo=dt.timezone.utc) == when, pdf.name
        assert when.astimezone(CST).hour == 0, pdf.name
