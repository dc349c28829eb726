"""The chart block (issue 8 §2): <chart kind="bar"> in the markup, a vector chart with text labels in the PDF, a native
Word chart (chart part, embedded workbook) in the DOCX, the same bars in the same order in both, and the summary on
one page with it. Everything is read back from the files as a user's tools would read them."""

from __future__ import annotations

import copy
import io
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import SAMPLE, build_pack
from readback import audit_docx, openxml_audit, pdf_lines, pdf_pages

from briefgen import ir
from briefgen.compose.markup import MarkupError, parse
from briefgen.render import render_document
from briefgen.theme import load_theme

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"c": C, "a": A, "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SOFFICE = shutil.which("soffice")


# ------------------------------------------------------------------------------------------------ helpers

def chart_markup(bars, title="同比增长（%）", omitted="未绘制") -> str:
    rows = "".join(f'<bar label="{label}" value="{"" if value is None else value}" light="{light or ""}"/>'
                   for label, value, light in bars)
    return (f'<document title="图表" author="测试街道" date="2022-07-29"><title>图表</title>'
            f'<chart kind="bar" title="{title}" omitted="{omitted}">{rows}</chart><p>其后的段落。</p></document>')


def render_chart(tmp_path: Path, bars, **kw) -> tuple[Path, Path]:
    doc = parse(chart_markup(bars, **kw), "chart-test")
    rendered = render_document(doc, load_theme("official"), ("docx", "pdf"))
    pdf, docx = tmp_path / "chart.pdf", tmp_path / "chart.docx"
    pdf.write_bytes(rendered.files["pdf"])
    docx.write_bytes(rendered.files["docx"])
    return pdf, docx


def pdf_paint(path: Path):
    """Each page's painting as a list of (operator, operands, the fill colour in force)."""
    import pikepdf

    pages = []
    with pikepdf.open(str(path)) as pdf:
        for page in pdf.pages:
            out, fill, stack = [], (0.0, 0.0, 0.0), []
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op == "q":
                    stack.append(fill)
                elif op == "Q" and stack:
                    fill = stack.pop()
                elif op == "rg":
                    fill = tuple(round(float(v), 3) for v in operands)
                nums = tuple(float(v) for v in operands if isinstance(v, (int, float)) or _is_number(v))
                out.append((op, nums, fill))
            pages.append(out)
    return pages


def _is_number(v) -> bool:
    try:
        float(v)
        return True
    except (TypeError, ValueError):
        return False


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(round(int(hex_colour[i:i + 2], 16) / 255, 3) for i in (0, 2, 4))


BAR_FILLS = {_rgb(c): light for light, c in ir.BAR_COLOURS.items()}


def pdf_bars(path: Path) -> tuple[list[tuple[float, float, float, float, object]], float]:
    """The chart's bars in drawing order as (x, y, w, h, light) and the zero axis' x (drawing coordinates)."""
    bars, axis = [], None
    for paint in pdf_paint(path):
        for i, (op, nums, fill) in enumerate(paint):
            if op == "re" and fill in BAR_FILLS and i + 1 < len(paint) and paint[i + 1][0] in ("f", "f*", "B", "b"):
                bars.append((*nums, BAR_FILLS[fill]))
            elif bars and op == "m" and axis is None:
                axis = nums[0]  # the zero axis is the first line drawn after the bars
    return bars, axis


def pdf_has_images(path: Path) -> bool:
    import pikepdf

    with pikepdf.open(str(path)) as pdf:
        for page in pdf.pages:
            xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
            if any(x.get("/Subtype") == "/Image" for _, x in xobjects.items()):
                return True
    return False


def docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def docx_chart(path: Path) -> dict:
    """The DOCX's chart read back: the part, reached from the body's drawing through the relationships."""
    parts = docx_parts(path)
    body = etree.fromstring(parts["word/document.xml"])
    refs = body.findall(".//a:graphicData[@uri='http://schemas.openxmlformats.org/drawingml/2006/chart']/c:chart", NS)
    assert len(refs) == 1, "one chart drawn in the body"
    rid = refs[0].get(f"{{{NS['r']}}}id")
    rels = {r.get("Id"): r for r in etree.fromstring(parts["word/_rels/document.xml.rels"])}
    assert rels[rid].get("Type").endswith("/relationships/chart")
    name = "word/" + rels[rid].get("Target")
    space = etree.fromstring(parts[name])
    chart_rels = etree.fromstring(parts[name.replace("charts/", "charts/_rels/") + ".rels"])
    book = "word/charts/" + chart_rels[0].get("Target")
    doc_pr = body.find(".//wp:inline/wp:docPr", NS)
    return {
        "name": name,
        "space": space,
        "bar_dir": space.find(".//c:barChart/c:barDir", NS).get("val"),
        "labels": [v.text for v in space.findall(".//c:ser/c:cat//c:strCache/c:pt/c:v", NS)],
        "values": [float(v.text) for v in space.findall(".//c:ser/c:val//c:numCache/c:pt/c:v", NS)],
        "colours": {int(p.find("c:idx", NS).get("val")): p.find(".//a:srgbClr", NS).get("val")
                    for p in space.findall(".//c:ser/c:dPt", NS)},
        "workbook": parts[_norm(book)],
        "types": parts["[Content_Types].xml"].decode(),
        "descr": doc_pr.get("descr"),
        "paragraphs": ["".join(t.text or "" for t in p.findall(".//w:t", NS)) for p in body.iter(f"{{{NS['w']}}}p")],
    }


def _norm(name: str) -> str:
    parts: list[str] = []
    for piece in name.split("/"):
        if piece == "..":
            parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)


def workbook_rows(data: bytes) -> list[tuple]:
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data)).active
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def chart_lines(pdf: Path, labels) -> list[str]:
    """The extracted PDF lines that begin with one of the chart's labels, in page order."""
    return [l for l in pdf_lines(pdf) if any(l.split(" ")[0] == label for label in labels)]


# ------------------------------------------------------------------------------------------------ the cases

ONE = [("固定资产投资", "49.5", None)]
TWENTY = [(f"指标{n:02d}", f"{(n * 7 % 23) - 6}.{n % 10}", (None, "green", "red", "yellow", "orange", "blue", "grey")[n % 7]) for n in range(1, 21)]
NEGATIVE = [("规上工业增加值", "-9.5", "red"), ("限上商品销售额", "-0.2", "yellow"), ("固定资产投资", "-31", None)]
SOME_MISSING = [("规上工业增加值", "9.5", "green"), ("实际利用外资", None, None), ("固定资产投资", "-3.2", "red"),
                ("新注册企业", None, None)]


@pytest.mark.parametrize("bars", [ONE, TWENTY, NEGATIVE, SOME_MISSING], ids=["one", "twenty", "all-negative", "some-without-growth"])
def test_pdf_chart_is_vector_bars_with_text_labels(tmp_path, bars):
    pdf, _ = render_chart(tmp_path, bars)
    drawn = [(label, float(value), light) for label, value, light in bars if value is not None]
    assert not pdf_has_images(pdf)  # bars are paths, not a picture
    found, axis = pdf_bars(pdf)
    assert len(found) == len(drawn)
    assert axis is not None
    for (x, y, w, h, light), (label, value, want) in zip(found, drawn):
        assert light == want, label
        if value < 0:  # left of the zero axis, ending on it
            assert abs(x + w - axis) < 0.05 and w > 0, (label, x, w, axis)
        else:
            assert abs(x - axis) < 0.05, (label, x, axis)
    # bars top to bottom in the order given, longer for larger magnitudes
    ys = [y for _, y, _, _, _ in found]
    assert ys == sorted(ys, reverse=True)
    widths = {label: w for (_, _, w, _, _), (label, _, _) in zip(found, drawn)}
    big = max(drawn, key=lambda b: abs(b[1]))
    assert widths[big[0]] == max(widths.values())
    # the labels and values are real text, one row a line, in the order given
    lines = chart_lines(pdf, [label for label, _, _ in drawn])
    assert [l.split(" ")[0] for l in lines] == [label for label, _, _ in drawn]
    for line, (label, value, _) in zip(lines, [b for b in bars if b[1] is not None]):
        assert line.split(" ")[-1].replace("−", "-") == value, line  # as written: 32.0 stays 32.0, as in the table
    text = "".join(pdf_lines(pdf))
    assert "同比增长（%）" in text
    assert pdf_pages(pdf) == 1


@pytest.mark.parametrize("bars", [ONE, TWENTY, NEGATIVE, SOME_MISSING], ids=["one", "twenty", "all-negative", "some-without-growth"])
def test_docx_holds_a_native_bar_chart_with_its_workbook(tmp_path, bars):
    _, docx = render_chart(tmp_path, bars)
    drawn = [(label, float(value), light) for label, value, light in bars if value is not None]
    chart = docx_chart(docx)
    assert chart["bar_dir"] == "bar"
    assert chart["labels"] == [label for label, _, _ in drawn]
    assert chart["values"] == [value for _, value, _ in drawn]
    assert chart["colours"] == {i: ir.BAR_COLOURS[light] for i, (_, _, light) in enumerate(drawn)}
    # the figures behind "Edit Data": the embedded workbook has the same rows
    rows = workbook_rows(chart["workbook"])
    assert [r[0] for r in rows[1:]] == chart["labels"] and [float(r[1]) for r in rows[1:]] == chart["values"]
    assert 'PartName="/word/charts/chart1.xml"' in chart["types"] and 'Extension="xlsx"' in chart["types"]
    # the first bar at the top; negative bars keep their colour (no inverted fill); the value axis spans them
    space = chart["space"]
    assert space.find(".//c:catAx/c:scaling/c:orientation", NS).get("val") == "maxMin"
    assert space.find(".//c:ser/c:invertIfNegative", NS).get("val") == "0"
    low = float(space.find(".//c:valAx/c:scaling/c:min", NS).get("val"))
    high = float(space.find(".//c:valAx/c:scaling/c:max", NS).get("val"))
    assert low <= min(0.0, *chart["values"]) and high >= max(0.0, *chart["values"])
    # alt text says what the chart shows
    assert all(label in chart["descr"] for label, _, _ in drawn)


def test_bars_without_a_value_are_listed_as_not_drawn_in_both_formats(tmp_path):
    pdf, docx = render_chart(tmp_path, SOME_MISSING, omitted="未绘制（无同比数据）")
    note = "未绘制（无同比数据）：实际利用外资、新注册企业"
    assert note in pdf_lines(pdf)
    chart = docx_chart(docx)
    assert note in chart["paragraphs"]
    assert "实际利用外资" not in chart["labels"] and "新注册企业" not in chart["labels"]
    assert len(pdf_bars(pdf)[0]) == 2


def test_a_chart_of_no_drawable_bar_is_only_its_note(tmp_path):
    pdf, docx = render_chart(tmp_path, [("实际利用外资", None, None)])
    assert "未绘制：实际利用外资" in pdf_lines(pdf)
    assert pdf_bars(pdf)[0] == []
    parts = docx_parts(docx)
    assert not any(n.startswith("word/charts/") for n in parts)
    assert b"<c:chart" not in parts["word/document.xml"]


def test_the_largest_chart_fits_on_a_page(tmp_path):
    bars = [(f"指标{n:02d}", str(n - 7.5), None) for n in range(ir.Chart.MAX_BARS)]
    pdf, docx = render_chart(tmp_path, bars)
    assert len(pdf_bars(pdf)[0]) == ir.Chart.MAX_BARS  # every bar on the title's page: a chart is never split
    assert pdf_pages(pdf) <= 2  # the paragraph after it may go on
    assert len(docx_chart(docx)["labels"]) == ir.Chart.MAX_BARS


def test_chart_docx_is_byte_identical_when_built_twice(tmp_path):
    a = render_document(parse(chart_markup(TWENTY), "t"), load_theme("official"), ("docx", "pdf"))
    b = render_document(parse(chart_markup(TWENTY), "t"), load_theme("official"), ("docx", "pdf"))
    assert a.files == b.files


@pytest.mark.parametrize("markup, words", [
    ('<chart kind="pie"><bar label="a" value="1"/></chart>', "only chart kind"),
    ('<chart><bar label="a" value="九点五"/></chart>', "not a number"),
    ('<chart><bar label="a" value="1" light="purple"/></chart>', "blue、green、grey、orange、red、yellow"),
    ('<chart><bar value="1"/></chart>', "needs a label"),
    ('<chart><p>x</p></chart>', "<bar> was expected"),
    ("<chart>" + '<bar label="a" value="1"/>' * (ir.Chart.MAX_BARS + 1) + "</chart>", "split them into two charts"),
])
def test_bad_chart_markup_is_one_located_line(markup, words):
    with pytest.raises(MarkupError) as err:
        parse(f"<document>{markup}</document>", "mine.xml.j2")
    message = str(err.value)
    assert words in message and message.startswith("mine.xml.j2") and "\n" not in message


# ------------------------------------------------------------------------------------------------ the summary

def _data(tmp_path: Path, indicators) -> Path:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["indicators"] = indicators
    path = tmp_path / "data.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _sample_indicators():
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))["indicators"]


def test_summary_draws_growth_per_indicator_in_the_tables_order_in_both_formats(tmp_path):
    result = build_pack(SAMPLE, tmp_path, templates=("summary",))
    assert not [w for w in result.warnings if "shrank" in str(w)], result.warnings  # room for it at full size
    pdf, docx = tmp_path / "summary.pdf", tmp_path / "summary.docx"
    assert pdf_pages(pdf) == 1
    grown = [i for i in _sample_indicators() if i.get("yoy") is not None]
    names = [i["name"] for i in grown]
    chart = docx_chart(docx)
    assert chart["labels"] == names
    assert chart["values"] == [float(i["yoy"]) for i in grown]
    assert [l.split(" ")[0] for l in chart_lines(pdf, names)] == names  # the same order in the PDF
    assert not pdf_has_images(pdf)
    assert len(pdf_bars(pdf)[0]) == len(grown)
    # the indicators without growth are counted under the chart, in both formats (the table names each)
    missing = [i["name"] for i in _sample_indicators() if i.get("yoy") is None]
    note = f"未绘制（无同比数据）：{missing[0]}、{missing[1]}等{len(missing)}项"
    assert note in "".join(pdf_lines(pdf))
    assert note in chart["paragraphs"]


def test_summary_bars_take_the_indicators_lights(tmp_path):
    indicators = _sample_indicators()
    lights = ["green", "red", "yellow", None]
    for n, ind in enumerate(indicators):
        ind["light"] = lights[n % 4]
    indicators[1]["yoy"] = -12.4
    build_pack(_data(tmp_path, indicators), tmp_path / "o", templates=("summary",))
    grown = [i for i in indicators if i.get("yoy") is not None]
    bars, axis = pdf_bars(tmp_path / "o" / "summary.pdf")
    assert [b[4] for b in bars] == [i["light"] for i in grown]
    assert bars[1][0] + bars[1][2] == pytest.approx(axis, abs=0.05)  # −12.4 runs left of the axis
    chart = docx_chart(tmp_path / "o" / "summary.docx")
    assert chart["colours"] == {n: ir.BAR_COLOURS[i["light"]] for n, i in enumerate(grown)}
    assert "（柱色为亮灯情况）" in "".join(pdf_lines(tmp_path / "o" / "summary.pdf"))


def _many(count: int) -> list[dict]:
    """``count`` indicators, every one with growth, some of it negative."""
    base = _sample_indicators()
    out = []
    for n in range(count):
        item = copy.deepcopy(base[n % len(base)])
        item["name"] = f"{item['name']}（口径{n // len(base) + 1}）" if n >= len(base) else item["name"]
        item["yoy"] = round((n * 3.7) % 25 - 5, 1)
        out.append(item)
    return out


@pytest.mark.parametrize("count", [1, 12])
def test_summary_with_a_chart_of_every_indicator_stays_one_page(tmp_path, count):
    build_pack(_data(tmp_path, _many(count)), tmp_path / "o", templates=("summary",))
    pdf, docx = tmp_path / "o" / "summary.pdf", tmp_path / "o" / "summary.docx"
    assert pdf_pages(pdf) == 1
    assert len(pdf_bars(pdf)[0]) == count
    assert len(docx_chart(docx)["labels"]) == count
    if SOFFICE:
        from test_docx_libreoffice import to_pdf

        rendered = to_pdf(docx, tmp_path)
        assert pdf_pages(rendered) == 1
        # LibreOffice opens the chart and draws its labels as text
        text = "".join("".join(pdf_lines(rendered)).split())
        assert all(i["name"] in text for i in _many(count))


def test_a_page_with_no_room_for_its_chart_leaves_it_out_of_both_formats_and_says_so(tmp_path):
    result = build_pack(_data(tmp_path, _many(20)), tmp_path / "o", templates=("summary",))
    pdf, docx = tmp_path / "o" / "summary.pdf", tmp_path / "o" / "summary.docx"
    assert pdf_pages(pdf) == 1
    assert pdf_bars(pdf)[0] == [] and "各项指标同比增长（%）" not in "".join(pdf_lines(pdf))
    assert not any(n.startswith("word/charts/") for n in docx_parts(docx))
    said = [str(w) for w in result.warnings if "left out the chart" in str(w)]
    assert len(said) == 1 and said[0].startswith("summary") and "one page" in said[0], result.warnings
    if SOFFICE:
        from test_docx_libreoffice import to_pdf

        assert pdf_pages(to_pdf(docx, tmp_path)) == 1


def test_a_pack_leaves_the_same_chart_out_of_its_pdf_and_its_docx(tmp_path):
    import briefgen

    data = _data(tmp_path, _many(20))
    result = briefgen.pack(briefgen.Settings(data=data, out=tmp_path / "o", names="{template}"))
    assert any("left out the chart" in str(w) for w in result.warnings), result.warnings
    pdf = next((tmp_path / "o").glob("*.pdf"))
    docx = next((tmp_path / "o").glob("*.docx"))
    assert pdf_bars(pdf)[0] == []
    assert not any(n.startswith("word/charts/") for n in docx_parts(docx))


def test_a_pack_draws_the_summarys_chart_in_its_pdf_and_its_docx(tmp_path):
    import briefgen

    result = briefgen.pack(briefgen.Settings(data=SAMPLE, out=tmp_path / "o", names="{template}"))
    assert not any("left out the chart" in str(w) for w in result.warnings)
    pdf = next((tmp_path / "o").glob("*.pdf"))
    docx = next((tmp_path / "o").glob("*.docx"))
    names = [i["name"] for i in _sample_indicators() if i.get("yoy") is not None]
    assert len(pdf_bars(pdf)[0]) == len(names)
    assert docx_chart(docx)["labels"] == names


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_the_chart_with_its_bars_in_order(tmp_path):
    from test_docx_libreoffice import to_pdf

    _, docx = render_chart(tmp_path, NEGATIVE + [("限上社会消费品零售总额", "32", "green")])
    rendered = to_pdf(docx, tmp_path)
    lines = [l.replace(" ", "") for l in pdf_lines(rendered)]
    labels = [label for label, _, _ in NEGATIVE] + ["限上社会消费品零售总额"]
    order = [next(i for i, l in enumerate(lines) if label in l) for label in labels]
    assert order == sorted(order)
    # the bars as LibreOffice paints them: in the lights' colours, no image
    assert not pdf_has_images(rendered)
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(rendered))[0].render(scale=2).to_pil().convert("RGB")
    colours = {page.getpixel((x, y)) for x in range(0, page.width, 3) for y in range(0, page.height // 2, 3)}
    for light in ("red", "yellow", "green"):
        want = tuple(int(ir.BAR_COLOURS[light][i:i + 2], 16) for i in (0, 2, 4))
        assert any(sum(abs(a - b) for a, b in zip(c, want)) < 30 for c in colours), light


@pytest.mark.skipif(openxml_audit() is None, reason="openxml-audit is not installed (pip install openxml-audit)")
def test_chart_docx_passes_openxml_audit(tmp_path):
    _, docx = render_chart(tmp_path, TWENTY + SOME_MISSING)
    assert audit_docx(docx) == ""


def test_the_summary_chart_writes_each_growth_as_its_table_does(tmp_path):
    """A bar's value reads as the table's growth column beside it (32.0, not 32)."""
    from click.testing import CliRunner

    from briefgen.cli import main

    done = CliRunner().invoke(main, ["--lang", "en", "build", str(SAMPLE), "-t", "summary", "-f", "pdf", "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    pdf = next(tmp_path.glob("*.pdf"))
    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    grown = {i["name"]: i["yoy"] for i in data["indicators"] if i.get("yoy") is not None}
    lines = pdf_lines(pdf)
    for name, yoy in grown.items():
        in_table = [l for l in lines if f" {name} " in f" {l} " and l.split(" ")[0] != name]
        in_chart = [l for l in lines if l.split(" ")[0] == name]
        assert in_table and in_chart, name
        assert in_chart[0].split(" ")[-1] == f"{float(yoy):.1f}", in_chart  # one decimal, as the table's column
        assert f"{float(yoy):.1f}" in in_table[0].split(" "), in_table
