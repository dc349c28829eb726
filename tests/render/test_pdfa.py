"""PDF/A-2b archive files (briefgen.render.pdfa) and text layers that survive other tools (every PDF).

The sample PDF is made from the indicators of the sample data through the lowest stable layers
(markup -> IR -> PDF writer), with a character outside the BMP (𰻞 U+30EDE, which the bundled Noto
Sans SC has and the PDF draws by fallback). Ghostscript, qpdf and pdftotext are optional: tests that
need one are skipped where it is not installed (.ci/run installs them).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml

from briefgen.render.pdfa import PdfaError, srgb_profile, to_pdfa
from briefgen.render.pdfa_check import check_pdfa, cmap_problems

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"
RARE = "\U00030EDE"  # 𰻞, supplementary ideographic plane
META = dict(title="前江街道2022年上半年主要经济指标", author="前江街道", subject="主要经济指标完成情况",
            keywords="经济指标, 简报", created=date(2022, 7, 29))

needs_gs = pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript (gs) is not installed")
needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")


def _figure(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


@pytest.fixture(scope="module")
def indicators() -> list[dict]:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))["indicators"]


@pytest.fixture(scope="module")
def plain_pdf(indicators) -> bytes:
    """A briefgen PDF (not archived) with every indicator of the sample, in a table."""
    from briefgen.compose.markup import parse
    from briefgen.theme import load_theme
    from briefgen.render.pdf import render_pdf

    rows = "".join(
        f"<tr><td>{escape(i['name'])}</td><td>{_figure(i['value'])}</td><td>{escape(i.get('unit', ''))}</td>"
        f"<td>{_figure(i['yoy']) if 'yoy' in i else '—'}</td></tr>"
        for i in indicators
    )
    markup = (
        f'<document title="{META["title"]}" author="{META["author"]}" subject="{META["subject"]}" '
        f'keywords="{META["keywords"]}" date="2022-07-29">'
        f"<title>{META['title']}</title>"
        f"<p>上半年，各项指标稳中有进，生僻字{RARE}也能检索。</p>"
        '<table widths="40,20,20,20"><thead><tr><th>指标</th><th>数值</th><th>单位</th><th>同比（%）</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></document>"
    )
    return render_pdf(parse(markup), load_theme("official")).data


@pytest.fixture(scope="module")
def archive_pdf(plain_pdf) -> bytes:
    return to_pdfa(plain_pdf, **META)


def _text(pdf: bytes) -> str:
    """The text layer as a user's tool reads it: pdftotext if installed, else PDFium."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
        return out.stdout.decode("utf-8")
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def _ghostscript(pdf: bytes, tmp_path: Path) -> bytes:
    src, out = tmp_path / "in.pdf", tmp_path / "gs.pdf"
    src.write_bytes(pdf)
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", f"-sOutputFile={out}", str(src)],
                   check=True, capture_output=True, timeout=120)
    return out.read_bytes()


def _assert_indicators_in(text: str, indicators: list[dict]) -> None:
    flat = re.sub(r"\s+", "", text)
    missing = [i["name"] for i in indicators if i["name"] not in flat]
    assert not missing, f"names not in the text layer: {missing}"
    for i in indicators:
        assert _figure(i["value"]) in text, (i["name"], i["value"])


def _font_dicts(pdf: bytes):
    """(BaseFont, ToUnicode bytes or None, embedded?) of every font object of the file."""
    import pikepdf

    out = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
                desc = obj.get("/FontDescriptor")
                embedded = desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                cmap = obj.ToUnicode.read_bytes() if "/ToUnicode" in obj else None
                out.append((str(obj.BaseFont), cmap, embedded))
    return out


# --------------------------------------------------------------------------------------------
# every PDF: ToUnicode maps other tools accept


def test_every_font_embedded_with_tounicode_blocks_of_at_most_100(plain_pdf):
    fonts = _font_dicts(plain_pdf)
    assert fonts and all(embedded for _, _, embedded in fonts), fonts
    assert b"/Helvetica" not in plain_pdf  # the writer's initial font is an embedded one
    entries = 0
    for name, cmap, _ in fonts:
        assert cmap is not None, name
        assert cmap_problems(cmap) == [], name
        counts = [int(n) for n in re.findall(rb"(\d+) beginbfchar", cmap)]
        assert counts and max(counts) <= 100, (name, counts)
        entries = max(entries, sum(counts))
    assert entries > 100  # a subset large enough to need several blocks


def test_character_outside_the_bmp_maps_to_a_surrogate_pair(plain_pdf):
    pair = RARE.encode("utf-16-be").hex().upper().encode()
    maps = [cmap for _, cmap, _ in _font_dicts(plain_pdf) if cmap]
    assert any(b"<" + pair + b">" in cmap for cmap in maps), pair
    assert not any(re.search(rb"<30EDE>", cmap, re.I) for cmap in maps)
    assert RARE in _text(plain_pdf)


def test_cmap_check_flags_what_reportlab_wrote():
    """reportlab's own CMap (one block of 128+ entries, <30EDE>) is what the check exists to catch."""
    from reportlab.pdfbase.ttfonts import makeToUnicodeCMap

    old = makeToUnicodeCMap("AAAAAA+Font", [0] + list(range(0x4E00, 0x4E00 + 127)) + [0x30EDE]).encode()
    problems = cmap_problems(old)
    assert any("block of 129 entries" in p for p in problems), problems
    assert any("not UTF-16BE" in p for p in problems), problems


@needs_gs
def test_text_survives_ghostscript(plain_pdf, indicators, tmp_path):
    after = _ghostscript(plain_pdf, tmp_path)
    text = _text(after)
    _assert_indicators_in(text, indicators)
    assert META["title"] in re.sub(r"\s+", "", text)


# --------------------------------------------------------------------------------------------
# the archive file


def test_archive_has_an_srgb_output_intent_with_its_icc_profile(archive_pdf):
    import pikepdf

    with pikepdf.open(io.BytesIO(archive_pdf)) as doc:
        intents = list(doc.Root.OutputIntents)
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1 and str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        icc = intent.DestOutputProfile.read_bytes()
        assert int(intent.DestOutputProfile.N) == 3
    assert icc == srgb_profile()
    assert icc[36:40] == b"acsp" and icc[12:20] == b"mntrRGB " and icc[8] in (2, 4)


def test_archive_xmp_says_pdfa_2b_and_agrees_with_the_info_dictionary(archive_pdf):
    import pikepdf

    with pikepdf.open(io.BytesIO(archive_pdf)) as doc:
        meta = doc.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        info = doc.docinfo
        assert str(info.Title) == meta["dc:title"] == META["title"]
        assert str(info.Author) == META["author"] and meta["dc:creator"] == [META["author"]]
        assert str(info.Subject) == meta["dc:description"] == META["subject"]
        assert str(info.Keywords) == meta["pdf:Keywords"] == META["keywords"]
        assert str(info.CreationDate) == "D:20220729000000+08'00'" == str(info.ModDate)
        assert meta["xmp:CreateDate"] == meta["xmp:ModifyDate"] == "2022-07-29T00:00:00+08:00"
        assert str(info.Creator) == meta["xmp:CreatorTool"] == "briefgen"
        assert str(info.Producer) == meta["pdf:Producer"]
        assert "xmp:MetadataDate" not in meta and "xmpMM:InstanceID" not in meta  # no clock, no random IDs
        assert str(doc.Root.Lang) == "zh-CN"
        assert "/Filter" not in doc.Root.Metadata  # the packet stays readable as plain XML
        assert "/Encrypt" not in doc.trailer and "/ID" in doc.trailer
    assert check_pdfa(archive_pdf) == []


def test_archive_fonts_all_embedded_with_valid_tounicode(archive_pdf):
    fonts = _font_dicts(archive_pdf)
    assert fonts
    for name, cmap, embedded in fonts:
        assert embedded, name
        assert cmap is not None and cmap_problems(cmap) == [], name


@needs_qpdf
def test_archive_passes_qpdf_check(archive_pdf, tmp_path):
    path = tmp_path / "archive.pdf"
    path.write_bytes(archive_pdf)
    out = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No syntax or stream encoding errors" in out.stdout
    assert "WARNING" not in (out.stdout + out.stderr).upper()


@needs_gs
def test_archive_text_survives_ghostscript(archive_pdf, indicators, tmp_path):
    _assert_indicators_in(_text(_ghostscript(archive_pdf, tmp_path)), indicators)


def test_archive_keeps_the_text_and_pages(plain_pdf, archive_pdf, indicators):
    text = _text(archive_pdf)
    _assert_indicators_in(text, indicators)
    assert RARE in text
    assert _text(plain_pdf) == text


def test_archive_is_byte_identical_for_the_same_input(plain_pdf, archive_pdf, tmp_path):
    assert to_pdfa(plain_pdf, **META) == archive_pdf
    # another process, another moment: no clock, no random ID, no state of this process
    src = tmp_path / "plain.pdf"
    src.write_bytes(plain_pdf)
    code = (
        "import sys, datetime; from briefgen.render.pdfa import to_pdfa;"
        "data = open(sys.argv[1], 'rb').read();"
        f"sys.stdout.buffer.write(to_pdfa(data, title={META['title']!r}, author={META['author']!r},"
        f" subject={META['subject']!r}, keywords={META['keywords']!r}, created=datetime.date(2022, 7, 29)))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(src)], capture_output=True, check=True)
    assert out.stdout == archive_pdf
    # the document ID: the first half is the writer's permanent one, the second follows the content
    other = to_pdfa(plain_pdf, **{**META, "title": "另一个标题"})
    import pikepdf

    ids = []
    for data in (archive_pdf, other):
        with pikepdf.open(io.BytesIO(data)) as doc:
            ids.append((bytes(doc.trailer.ID[0]), bytes(doc.trailer.ID[1])))
    assert ids[0][0] == ids[1][0] and ids[0][1] != ids[1][1]


def test_archive_without_a_date_has_no_dates(plain_pdf):
    import pikepdf

    data = to_pdfa(plain_pdf, title="无日期", keywords=["经济", "指标"])
    assert check_pdfa(data) == []
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert "/CreationDate" not in doc.docinfo and "/ModDate" not in doc.docinfo
        assert "/Author" not in doc.docinfo and str(doc.docinfo.Keywords) == "经济, 指标"
        meta = doc.open_metadata()
        assert "xmp:CreateDate" not in meta and "xmp:ModifyDate" not in meta
    assert data == to_pdfa(plain_pdf, title="无日期", keywords=["经济", "指标"])


# --------------------------------------------------------------------------------------------
# what the check catches


def _unembedded_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)  # no initialFontName: Helvetica, not embedded
    canvas.drawString(72, 720, "briefgen")
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_check_names_each_missing_property(plain_pdf):
    problems = check_pdfa(plain_pdf)
    shown = [str(p) for p in problems]
    assert "no XMP metadata stream in the catalog" in shown and "no OutputIntent" in shown
    assert not [p for p in problems if "font" in p]  # briefgen's own fonts are fine

    loose = check_pdfa(_unembedded_pdf())
    assert any("Helvetica is not embedded" in p for p in loose), loose


def test_to_pdfa_refuses_what_it_cannot_make_pdfa():
    with pytest.raises(PdfaError) as err:
        to_pdfa(_unembedded_pdf(), title="t")
    assert "Helvetica is not embedded" in str(err.value)
    with pytest.raises(PdfaError):
        to_pdfa(b"not a pdf", title="t")


def test_check_flags_encryption_javascript_and_transparency(plain_pdf):
    import pikepdf

    def edited(change) -> bytes:
        with pikepdf.open(io.BytesIO(plain_pdf)) as doc:
            change(doc)
            out = io.BytesIO()
            doc.save(out, static_id=True)
            return out.getvalue()

    def javascript(doc):
        doc.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))

    def transparent(doc):
        page = doc.pages[0]
        page.Resources.ExtGState = pikepdf.Dictionary(GS9=pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, ca=0.5))

    assert any("JavaScript" in p for p in check_pdfa(edited(javascript)))
    assert any("transparency" in p for p in check_pdfa(edited(transparent)))

    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(plain_pdf)) as doc:
        doc.save(buf, encryption=pikepdf.Encryption(owner="o", user="", R=6))
    assert "the file is encrypted" in [str(p) for p in check_pdfa(buf.getvalue())]
    with pytest.raises(PdfaError):
        to_pdfa(buf.getvalue(), title="t")
