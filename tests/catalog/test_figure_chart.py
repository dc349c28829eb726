"""`briefgen catalog figure NAME --chart FILE`: the series drawn by briefgen's own bar chart, read back — the PNG's bars
measured against the values, the PDF's text and the DOCX's chart part and table against the series."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from catalog_years import YEARS, archives, db, run  # noqa: F401  (fixtures)


def bar_bands(path: Path, is_bar) -> list[tuple[int, int, int]]:
    """(first row, last row, length in pixels) of each horizontal bar of the colour ``is_bar`` picks, top down."""
    with Image.open(path) as opened:
        image = opened.convert("RGB")
    px = image.load()
    bands: list[list[int]] = []
    for y in range(image.height):
        xs = [x for x in range(image.width) if is_bar(px[x, y])]
        if len(xs) > 20:
            length = max(xs) - min(xs) + 1
            if bands and bands[-1][1] == y - 1:
                bands[-1][1], bands[-1][2] = y, max(bands[-1][2], length)
            else:
                bands.append([y, y, length])
    return [tuple(b) for b in bands]


def blue(p):
    return p[2] > p[0] + 40 and p[2] > p[1] + 20


def green(p):
    return p[1] > p[0] + 40 and p[1] > p[2] + 20


def test_the_png_draws_one_bar_a_period_as_long_as_its_value(db, tmp_path):
    out = tmp_path / "规上.png"
    done = run("catalog", "figure", "规上工业增加值", "--chart", out, "--db", db)
    assert done.exit_code == 0, done.output
    assert f"wrote {out} (a chart of 3 periods)" in done.output
    with Image.open(out) as image:
        assert image.format == "PNG" and 600 < image.width < 1300 and image.height < image.width  # the drawing, not the A4 page
    values = [float(YEARS[y][1]) for y in sorted(YEARS)]
    growth = [float(YEARS[y][2]) for y in sorted(YEARS)]
    for colour, numbers in ((blue, values), (green, growth)):
        bands = bar_bands(out, colour)
        assert len(bands) == 3, bands  # one bar a period, oldest at the top
        longest = max(numbers)
        for (_top, _bottom, length), number in zip(bands, numbers):
            assert abs(length / max(b[2] for b in bands) - number / longest) < 0.02, (bands, numbers)
    assert all(bar_bands(out, blue)[-1][1] < band[0] for band in bar_bands(out, green))  # values above growth


def test_the_pdf_and_docx_pages_carry_the_charts_and_the_table(db, tmp_path):
    for suffix in ("pdf", "docx"):
        done = run("catalog", "figure", "规模以上工业增加值", "--chart", tmp_path / f"f.{suffix}", "--db", db)
        assert done.exit_code == 0, done.output
    pdf = pdfium.PdfDocument(tmp_path / "f.pdf")
    try:
        assert len(pdf) == 1
        text = re.sub(r"\s+", "", pdf[0].get_textpage().get_text_range())
    finally:
        pdf.close()
    assert "规模以上工业增加值历期数据" in text and "规模以上工业增加值（亿元）" in text and "同比增长（%）" in text
    for year, (_name, value, yoy, _task) in YEARS.items():
        assert text.count(f"{year}年1—6月") >= 3  # a bar label in each chart and a table row
        assert f"{year}年1—6月{value}亿元{yoy}前江街道_主要经济指标完成情况_{year}-07-29.pdf第1页" in text
    assert "合并了以下名称：规模以上工业增加值、规上工业增加值" in text
    from docx import Document

    document = Document(str(tmp_path / "f.docx"))
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert rows[0] == ["时期", "数值", "单位", "同比增长（%）", "出处"]
    assert [r[:4] for r in rows[1:]] == [[f"{y}年1—6月", YEARS[y][1], "亿元", YEARS[y][2]] for y in sorted(YEARS)]
    with zipfile.ZipFile(tmp_path / "f.docx") as z:
        charts = sorted(n for n in z.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n))
        assert len(charts) == 2
        drawn = [re.findall(r"<c:v>([^<]*)</c:v>", z.read(n).decode("utf-8")) for n in charts]
    assert all(YEARS[y][1] in drawn[0] for y in YEARS) and all(YEARS[y][2] in drawn[1] for y in YEARS)


def test_a_chart_file_of_another_kind_is_refused_before_anything_is_written(db, tmp_path):
    done = run("catalog", "figure", "规上工业增加值", "--out", tmp_path / "t.xlsx", "--chart", tmp_path / "c.gif", "--db", db)
    assert done.exit_code == 2, done.output
    assert "c.gif: write the chart as .png, .pdf or .docx" in done.output and "Traceback" not in done.output
    assert not (tmp_path / "t.xlsx").exists() and not (tmp_path / "c.gif").exists()


def test_a_long_series_draws_its_latest_forty_periods_and_tables_them_all(tmp_path):
    import briefgen
    from briefgen.catalog import Figure
    from briefgen.catalog.chart import write_chart

    rows = [Figure(2019 + i // 12, f"{2019 + i // 12}年{i % 12 + 1}月", "前江街道", f"{2019 + i // 12}-{i % 12 + 1:02d}-28",
                   "规上工业增加值", f"{10 + i * 0.5:.1f}", "亿元", f"{(i % 9) - 3:.1f}", False, "x.pdf", 1) for i in range(50)]
    settings = briefgen.load_settings({})
    write_chart(tmp_path / "long.png", rows, ["规上工业增加值"], settings)
    write_chart(tmp_path / "long.pdf", rows, ["规上工业增加值"], settings)
    assert len(bar_bands(tmp_path / "long.png", blue)) == 40
    growth = [b for b in bar_bands(tmp_path / "long.png", green)] + bar_bands(tmp_path / "long.png", lambda p: p[0] > p[1] + 60 and p[0] > p[2] + 60)
    assert len(growth) == 40 - sum(1 for r in rows[10:] if float(r.yoy) == 0)  # a zero is a value, not a bar
    pdf = pdfium.PdfDocument(tmp_path / "long.pdf")
    try:
        text = re.sub(r"\s+", "", "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    finally:
        pdf.close()
    assert "注：图中为最近40期，更早的10期见上表。" in text
    assert all(f"{r.period}{r.value}亿元" in text for r in rows)  # every period in the table
