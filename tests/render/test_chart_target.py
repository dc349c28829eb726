"""The summary's chart at print size (issue 20): labels at the table's size on a page that keeps its natural size,
a one-line note for the bars not drawn, and, where the data gives the share of the annual target reached, a chart
of that share against 序时进度 (a grey band behind each bar) with 目标值 and 完成进度 in the table. Read back from
the PDF (pypdfium2, pikepdf), the DOCX's chart part and its embedded workbook (openpyxl)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from test_chart import _data, _sample_indicators, docx_chart, pdf_paint, workbook_rows

from conftest import SAMPLE, build_pack
from readback import audit_docx, openxml_audit, pdf_lines, pdf_pages

from briefgen import ir
from briefgen.compose.filters import schedule_share
from briefgen.compose.markup import MarkupError, parse

SOFFICE = shutil.which("soffice")
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _sizes_of(pdf: Path, words: list[str]) -> dict[str, set[float]]:
    """For each of ``words``: the font sizes its characters are set at, wherever it appears on page 1."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0].get_textpage()
        text = page.get_text_range()
        out: dict[str, set[float]] = {w: set() for w in words}
        for w in words:
            at = text.find(w)
            while at >= 0:
                out[w].add(round(pdfium_c.FPDFText_GetFontSize(page.raw, at), 1))
                at = text.find(w, at + 1)
        return out
    finally:
        doc.close()


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(round(int(hex_colour[i:i + 2], 16) / 255, 3) for i in (0, 2, 4))


def _rects(pdf: Path, colour: str) -> list[tuple[float, ...]]:
    """The filled rectangles of ``colour`` on page 1 as (x, y, w, h)."""
    paint = pdf_paint(pdf)[0]
    want = _rgb(colour)
    return [tuple(nums) for i, (op, nums, fill) in enumerate(paint)
            if op == "re" and fill == want and i + 1 < len(paint) and paint[i + 1][0] in ("f", "f*", "B", "b")]


def _bars(pdf: Path) -> list[tuple[float, ...]]:
    return [r for colour in set(ir.BAR_COLOURS.values()) for r in _rects(pdf, colour)]


# ------------------------------------------------------------------------------------------------ growth

def test_the_summary_chart_labels_are_set_at_the_tables_size_and_the_page_keeps_its_size(tmp_path):
    result = build_pack(SAMPLE, tmp_path, templates=("summary",))
    assert not [w for w in result.warnings if "shrank" in str(w)], result.warnings
    pdf = tmp_path / "summary.pdf"
    assert pdf_pages(pdf) == 1
    sizes = _sizes_of(pdf, ["固定资产投资", "亮灯考核"])
    # the name appears twice: in the table and as the bar's label; both at the table's 12 pt, the body at 16 pt
    assert sizes["固定资产投资"] == {12.0}, sizes
    assert sizes["亮灯考核"] == {16.0}, sizes


def test_the_note_under_a_chart_names_three_bars_at_most_then_counts_them(tmp_path):
    build_pack(SAMPLE, tmp_path, templates=("summary",))
    missing = [i["name"] for i in _sample_indicators() if i.get("yoy") is None]
    assert len(missing) > ir.Chart.NOTE_NAMES
    note = f"未绘制（无同比数据）：{'、'.join(missing[:2])}等{len(missing)}项"
    assert note in pdf_lines(tmp_path / "summary.pdf")  # one line
    assert note in docx_chart(tmp_path / "summary.docx")["paragraphs"]


def test_a_chart_of_few_bars_not_drawn_names_them_all():
    chart = ir.Chart((ir.Bar("甲", 1.0, "1"), ir.Bar("乙"), ir.Bar("丙")), omitted="未绘制")
    assert chart.note == "未绘制：乙、丙"


# ------------------------------------------------------------------------------------------------ 完成进度

PROGRESS = {0: (60, 52.2, "green"), 1: (3, 50.0, "green"), 2: (140, 44.6, "yellow"), 3: (15, 52.7, "green"),
            4: (16, 36.3, "red"), 5: (4000, 101.3, "green"), 7: (3, 36.7, "red")}


def _with_targets(tmp_path: Path) -> tuple[Path, list[dict]]:
    indicators = _sample_indicators()
    for n, (target, progress, light) in PROGRESS.items():
        indicators[n].update(target=target, progress=progress, light=light)
    return _data(tmp_path, indicators), indicators


def test_schedule_share_is_the_share_of_the_year_a_period_has_run():
    assert [schedule_share(p) for p in ("2022年1—6月", "上半年", "前三季度", "1-8月", "2023年")] == [50, 50, 75, Decimal("66.7"), 100]
    assert schedule_share("近期") is None


def test_a_summary_with_targets_charts_their_completion_against_the_schedule_in_both_formats(tmp_path):
    data, indicators = _with_targets(tmp_path)
    build_pack(data, tmp_path / "o", templates=("summary",))
    pdf, docx = tmp_path / "o" / "summary.pdf", tmp_path / "o" / "summary.docx"
    assert pdf_pages(pdf) == 1
    text = "".join(pdf_lines(pdf))
    assert "各项指标完成年度目标进度（%；灰色为序时进度50%，柱色为亮灯）" in text
    assert "完成进度为完成年度目标的百分比。" in text  # the note under the page says what the column is
    reached = [i for i in indicators if i.get("progress") is not None]
    # the table shows the target and the share reached beside the value
    lines = pdf_lines(pdf)
    header = next(i for i, l in enumerate(lines) if l.startswith("序号"))
    assert "".join(lines[header:header + 4]).split()[:4] == ["序号", "指标", "目标值", "完成值"]
    assert "完成进度" in "".join(lines[header:header + 4])
    row = next(l for l in lines if l.startswith("6 实际利用外资"))
    assert row.split(" ")[2:4] == ["4000", "4050"] and "101.3" in row.split(" ")

    # PDF: one coloured bar per indicator with progress, in the table's order, each over a grey band ending at 50 %
    bars = sorted(_bars(pdf), key=lambda r: -r[1])
    bands = sorted(_rects(pdf, ir.MARK_COLOUR), key=lambda r: -r[1])
    assert len(bars) == len(bands) == len(reached)
    per = bars[0][2] / reached[0]["progress"]  # points per percent
    for bar, band, ind in zip(bars, bands, reached):
        assert bar[2] == pytest.approx(ind["progress"] * per, rel=1e-3)
        assert band[0] == pytest.approx(bar[0], abs=0.01) and band[2] == pytest.approx(50 * per, rel=1e-3)
        assert band[1] == pytest.approx(bar[1], abs=0.01)  # behind its own bar
    labels = [l for l in lines if l.split(" ")[0] in {i["name"] for i in reached} and len(l.split(" ")) == 2]
    assert [l.split(" ")[1] for l in labels] == [f"{i['progress']:.1f}" for i in reached]

    # DOCX: a first series 序时进度 of 50s under the progress series, bars overlapping it, the workbook's column C
    chart = docx_chart(docx)
    series = chart["space"].findall(f".//{C}barChart/{C}ser")
    assert len(series) == 2
    name = lambda s: s.find(f"{C}tx//{C}v").text  # noqa: E731
    values = lambda s: [float(v.text) for v in s.findall(f"{C}val//{C}pt/{C}v")]  # noqa: E731
    assert name(series[0]) == "序时进度" and values(series[0]) == [50.0] * len(reached)
    assert values(series[1]) == [i["progress"] for i in reached]
    assert series[0].find(f"{C}spPr//{{http://schemas.openxmlformats.org/drawingml/2006/main}}srgbClr").get("val") == ir.MARK_COLOUR
    assert chart["space"].find(f".//{C}barChart/{C}overlap").get("val") == "100"
    assert series[1].find(f"{C}dLbls/{C}numFmt").get("formatCode").startswith("0.0;")  # 50.0, as the PDF prints it
    rows = workbook_rows(chart["workbook"])
    assert rows[0][2] == "序时进度" and [r[1] for r in rows[1:]] == [i["progress"] for i in reached]
    assert all(r[2] == 50 for r in rows[1:])
    if openxml_audit():  # the two-series chart opens in Word as the one-series one does
        assert audit_docx(docx) == ""


def test_a_summary_where_few_indicators_give_progress_keeps_the_growth_chart(tmp_path):
    indicators = _sample_indicators()
    indicators[0].update(target=60, progress=52.2)
    build_pack(_data(tmp_path, indicators), tmp_path / "o", templates=("summary",))
    text = "".join(pdf_lines(tmp_path / "o" / "summary.pdf"))
    assert "各项指标同比增长（%）" in text and "完成年度目标进度" not in text
    assert "完成进度" in text and "目标值" in text  # the table still shows what the data gives
    assert _rects(tmp_path / "o" / "summary.pdf", ir.MARK_COLOUR) == []


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_draws_the_completion_chart_with_its_band(tmp_path):
    from test_docx_libreoffice import to_pdf

    data, indicators = _with_targets(tmp_path)
    build_pack(data, tmp_path / "o", templates=("summary",))
    rendered = to_pdf(tmp_path / "o" / "summary.docx", tmp_path)
    assert pdf_pages(rendered) == 1
    text = "".join("".join(pdf_lines(rendered)).split())
    assert "序时进度" in text and all(i["name"] in text for i in indicators if i.get("progress") is not None)


def test_a_bad_mark_is_one_located_line():
    with pytest.raises(MarkupError) as err:
        parse('<document><chart mark="一半"><bar label="a" value="1"/></chart></document>', "mine.xml.j2")
    message = str(err.value)
    assert message.startswith("mine.xml.j2") and "mark" in message and "\n" not in message

