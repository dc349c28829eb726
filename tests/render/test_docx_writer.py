"""The DOCX writer, read back as a user's Word or WPS would see it: styles, fonts, tables, page, footer."""

from __future__ import annotations

import datetime as dt
import importlib.util
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Emu, Mm, Pt
from lxml import etree

from briefgen import ir
from briefgen.theme import load_theme
from briefgen.render.docx import write_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
THEME_ATTRS = {"asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"}
R = ir.Run
CREATED = dt.date(2022, 7, 29)

_spec = importlib.util.spec_from_file_location(
    "make_reference", Path(__file__).parents[1] / "fixtures" / "docx" / "make_reference.py"
)
make_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_reference)


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# ------------------------------------------------------------------------------------------ the document

COLUMNS = (
    ir.Column(0.8, "center"),
    ir.Column(3.2, "left"),
    ir.Column(1.2, "right", 1),
    ir.Column(1.2, "right", 1),
    ir.Column(1.4, "center"),
)


def indicator_table(rows: int = 40, caption: bool = True) -> ir.Table:
    body = [
        ir.Row((ir.Cell((R("序号"),)), ir.Cell((R("指标名称"),)), ir.Cell((R("完成值"),)),
                ir.Cell((R("同比增长（%）"),)), ir.Cell((R("排名"),))), kind="header"),
        ir.Row((ir.Cell((R("一、工业和投资"),), colspan=5),), kind="group"),
    ]
    for i in range(1, rows + 1):
        body.append(ir.Row((ir.Cell((R(str(i)),)), ir.Cell((R(f"规上工业增加值第{i}项"),)),
                            ir.Cell((R(f"{31.3 + i:.1f}"),)), ir.Cell((R(f"{9.5 - i / 10:.1f}"),)),
                            ir.Cell((R(f"全区第{i % 9 + 1}"),), align="left"))))
    return ir.Table(COLUMNS, tuple(body), caption=(R("表1  主要经济指标完成情况"),) if caption else ())


def sample(mark: str | None = "内部资料 注意保存", created: dt.date | None = CREATED, **meta) -> ir.Document:
    blocks = (
        ir.Title((R("前江街道2022年上半年工作总结"),)),
        ir.Paragraph((R("2022年上半年，前江街道坚持稳中求进工作总基调，"), R("统筹疫情防控和经济社会发展", bold=True),
                      R("，“七个一”工作有序推进——规上工业增加值31.3亿元。"))),
        ir.Heading(1, (R("一、上半年工作回顾"),)),
        ir.Heading(2, (R("（一）经济运行稳中有进"),)),
        ir.Heading(3, (R("1.招商引资成效明显"),)),
        ir.Heading(4, (R("（1）项目推进"),)),
        ir.Paragraph((R("新引进企业14家。"), ir.LineBreak(), R("GDP"), R("实际利用外资4050万美元。", role="h2"))),
        ir.Paragraph((R("附表"),), align="center", indent=False, space_before=1, space_after=0.5),
        ir.ListBlock(((R("加快优势产业复工提产。"),), (R("推进重点项目建设。"),)), ordered=True),
        ir.PageBreak(),
        indicator_table(),
        ir.Spacer(2),
        ir.Paragraph((R("前江街道办事处"),), align="right", indent=False),
        ir.Paragraph((R("注：标“预计”者为预计数。"),), indent=False, role="table"),
    )
    fields = dict(title="前江街道2022年上半年工作总结", author="前江街道办事处", subject="工作总结",
                  keywords="工作总结;指标", created=created, mark=mark)
    fields.update(meta)
    return ir.Document(ir.Meta(**fields), blocks)


@pytest.fixture(scope="module")
def official():
    return load_theme("official")


@pytest.fixture(scope="module")
def handout():
    return load_theme("handout")


@pytest.fixture(scope="module")
def built(tmp_path_factory, official):
    path = tmp_path_factory.mktemp("docx") / "official.docx"
    write_docx(sample(), official, path)
    return path


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def parts(path: Path, prefix: str) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith(prefix) and n.endswith(".xml")}


def style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, f"style {style_id} missing"
    return found


def val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def body_paragraphs(path: Path) -> list[etree._Element]:
    return part(path, "word/document.xml").findall("w:body/w:p", NS)


def text_of(p: etree._Element) -> str:
    """The paragraph's text as a reader sees it: without the word joiners that keep a figure with its unit."""
    return "".join(p.itertext()).replace("\u2060", "")


def run_east_asia(p: etree._Element) -> set[str]:
    return {r.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) for r in p.findall("w:r", NS) if r.find("w:t", NS) is not None}


# ------------------------------------------------------------------------------------------------ styles


def test_heading_styles_are_real_and_used(built):
    styles = part(built, "word/styles.xml")
    used = [val(p.find("w:pPr/w:pStyle", NS)) for p in body_paragraphs(built)]
    for n in range(1, 5):
        s = style(styles, f"Heading{n}")
        assert val(s.find("w:name", NS)) == f"heading {n}"  # Word/WPS show it as 标题 n
        assert val(s.find("w:pPr/w:outlineLvl", NS)) == str(n - 1)
        assert f"Heading{n}" in used
    assert "Title" in used and val(style(styles, "Title").find("w:name", NS)) == "Title"


def test_heading_look_is_gbt9704(built):
    styles = part(built, "word/styles.xml")
    fonts = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}
    for n in range(1, 5):
        s = style(styles, f"Heading{n}")
        rpr, ppr = s.find("w:rPr", NS), s.find("w:pPr", NS)
        assert val(rpr.find("w:rFonts", NS), "eastAsia") == fonts[n]
        assert val(rpr.find("w:sz", NS)) == "32"
        bold = rpr.find("w:b", NS)
        if n == 3:  # 仿宋 with fake_bold in the theme: Word fakes the bold
            assert bold is not None and val(bold) in (None, "1", "true")
        else:  # 黑体/楷体 headings are not bold
            assert bold is None or val(bold) in ("0", "false")
        color = rpr.find("w:color", NS)
        assert color is None or (val(color) in ("000000", "auto") and color.get(w("themeColor")) is None)
        assert val(ppr.find("w:jc", NS)) == "left"
        ind = ppr.find("w:ind", NS)
        assert val(ind, "firstLineChars") == "200" and val(ind, "firstLine") == "640"
        spacing = ppr.find("w:spacing", NS)
        assert (val(spacing, "line"), val(spacing, "lineRule")) == ("579", "exact")
        assert ppr.find("w:keepNext", NS) is not None


def test_normal_and_title_styles(built):
    styles = part(built, "word/styles.xml")
    normal = style(styles, "Normal")
    ppr = normal.find("w:pPr", NS)
    assert val(ppr.find("w:jc", NS)) == "both"
    assert (val(ppr.find("w:spacing", NS), "line"), val(ppr.find("w:spacing", NS), "lineRule")) == ("579", "exact")
    assert val(ppr.find("w:ind", NS), "firstLineChars") == "200"
    assert val(ppr.find("w:ind", NS), "firstLine") == str(Pt(32).twips)
    assert val(normal.find("w:rPr/w:sz", NS)) == "32"
    title = style(styles, "Title")
    assert val(title.find("w:pPr/w:jc", NS)) == "center"
    assert val(title.find("w:rPr/w:sz", NS)) == "44"
    assert val(title.find("w:rPr/w:rFonts", NS), "eastAsia") == "方正小标宋简体"
    bold = title.find("w:rPr/w:b", NS)
    assert bold is None or val(bold) in ("0", "false")  # 小标宋 is heavy already: no double bold in Word
    assert title.find("w:pPr/w:pBdr", NS) is None  # python-docx's template Title has a rule under it


# ------------------------------------------------------------------------------------------------- fonts


def test_every_run_and_style_names_an_east_asian_font(built):
    xml_parts = {"word/document.xml": part(built, "word/document.xml"), **parts(built, "word/header"),
                 **parts(built, "word/footer")}
    assert any(n.startswith("word/footer") for n in xml_parts) and any(n.startswith("word/header") for n in xml_parts)
    for name, root in xml_parts.items():
        runs = root.iter(w("r"))
        for r in runs:
            fonts = r.find("w:rPr/w:rFonts", NS)
            assert fonts is not None and fonts.get(w("eastAsia")), f"{name}: a run without an East Asian font"
            assert fonts.get(w("ascii")) and fonts.get(w("hAnsi"))
    styles = part(built, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert val(defaults, "eastAsia") == "仿宋_GB2312" and val(defaults, "ascii") == "Times New Roman"
    for s in styles.findall("w:style", NS):
        fonts = s.find("w:rPr/w:rFonts", NS)  # a style that names fonts names the Chinese one too
        assert fonts is None or fonts.get(w("eastAsia")), val(s, "styleId")
    macro = style(styles, "MacroText")  # python-docx's template names only Consolas there
    assert val(macro.find("w:rPr/w:rFonts", NS), "eastAsia") == "仿宋_GB2312"


@pytest.mark.parametrize("name", ["word/styles.xml", "word/document.xml", "word/settings.xml"])
def test_no_theme_font_attributes_anywhere(built, name):
    root = part(built, name)
    for el in root.iter():
        for attr in el.attrib:
            local = etree.QName(attr).localname
            assert local not in THEME_ATTRS, f"{name}: {etree.QName(el).localname}/@{local}"
    with zipfile.ZipFile(built) as z:
        assert "word/stylesWithEffects.xml" not in z.namelist()


def test_runs_carry_their_role_fonts(built):
    ps = body_paragraphs(built)
    by_text = {text_of(p): p for p in ps}
    assert run_east_asia(by_text["前江街道2022年上半年工作总结"]) == {"方正小标宋简体"}
    assert run_east_asia(by_text["一、上半年工作回顾"]) == {"黑体"}
    assert run_east_asia(by_text["（一）经济运行稳中有进"]) == {"楷体_GB2312"}
    body = next(p for t, p in by_text.items() if t.startswith("2022年上半年"))
    assert run_east_asia(body) == {"仿宋_GB2312"}
    bold = [r for r in body.findall("w:r", NS) if r.find("w:rPr/w:b", NS) is not None]
    assert [text_of(r) for r in bold] == ["统筹疫情防控和经济社会发展"]
    # a run with a role of its own keeps it inside a body paragraph
    mixed = next(p for t, p in by_text.items() if t.startswith("新引进企业"))
    assert run_east_asia(mixed) == {"仿宋_GB2312", "楷体_GB2312"}
    assert mixed.find("w:r/w:br", NS) is not None  # LineBreak
    document = etree.tostring(part(built, "word/document.xml"), encoding="unicode")
    for name in ("方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"):
        assert name in document
    with zipfile.ZipFile(built) as z:
        font_table = z.read("word/fontTable.xml").decode()
    assert 'w:name="仿宋_GB2312"' in font_table and "FangSong_GB2312" in font_table


def test_east_asian_hint_on_cjk_punctuation(built):
    body = next(p for p in body_paragraphs(built) if text_of(p).startswith("2022年上半年"))
    for r in body.findall("w:r", NS):
        assert r.find("w:rPr/w:rFonts", NS).get(w("hint")) == "eastAsia"  # “七个一”, ——
    mixed = next(p for p in body_paragraphs(built) if text_of(p).startswith("新引进企业"))
    latin = next(r for r in mixed.findall("w:r", NS) if text_of(r) == "GDP")
    assert latin.find("w:rPr/w:rFonts", NS).get(w("hint")) is None


# ---------------------------------------------------------------------------------------------- blocks


def test_paragraph_direct_formatting_and_lists(built):
    ps = body_paragraphs(built)
    attached = next(p for p in ps if text_of(p) == "附表")
    ppr = attached.find("w:pPr", NS)
    assert val(ppr.find("w:jc", NS)) == "center"
    assert (val(ppr.find("w:ind", NS), "firstLine"), val(ppr.find("w:ind", NS), "firstLineChars")) == ("0", "0")
    assert val(ppr.find("w:spacing", NS), "before") == "579"
    assert val(ppr.find("w:spacing", NS), "after") == str(Pt(28.95 * 0.5).twips)
    ordinary = next(p for p in ps if text_of(p).startswith("2022年上半年"))
    assert ordinary.find("w:pPr/w:jc", NS) is None and ordinary.find("w:pPr/w:ind", NS) is None  # Normal's
    texts = [text_of(p) for p in ps]
    assert "1.加快优势产业复工提产。" in texts and "2.推进重点项目建设。" in texts
    right = next(p for p in ps if text_of(p) == "前江街道办事处")
    assert val(right.find("w:pPr/w:jc", NS)) == "right"


def test_table_role_paragraph_is_set_like_table_text(built, official):
    note = next(p for p in body_paragraphs(built) if text_of(p).startswith("注："))
    size = str(int(official.body.table_size_pt * 2))
    assert {val(r.find("w:rPr/w:sz", NS)) for r in note.findall("w:r", NS)} == {size}
    spacing = note.find("w:pPr/w:spacing", NS)
    expected = Pt(official.body.table_size_pt * official.body.table_leading).twips
    assert (val(spacing, "line"), val(spacing, "lineRule")) == (str(expected), "exact")


def test_spacer_and_page_break(built):
    root = part(built, "word/document.xml")
    body = root.find("w:body", NS)
    tbl = body.find("w:tbl", NS)
    caption = tbl.getprevious()
    assert caption.find("w:pPr/w:pageBreakBefore", NS) is not None  # the PageBreak before the captioned table
    assert len(body.findall(".//w:pageBreakBefore", NS)) == 1
    assert not body.findall(".//w:br[@w:type='page']", NS)  # no empty paragraph at the top of page 2
    spacer = tbl.getnext()
    assert text_of(spacer) == ""
    spacing = spacer.find("w:pPr/w:spacing", NS)
    assert (val(spacing, "line"), val(spacing, "lineRule")) == (str(Pt(28.95 * 2).twips), "exact")


def test_trailing_page_break_and_adjacent_tables(tmp_path, official):
    doc = ir.Document(ir.Meta(title="t", created=CREATED), (
        indicator_table(2, caption=False), ir.PageBreak(), indicator_table(2, caption=False), ir.PageBreak()))
    path = tmp_path / "t.docx"
    write_docx(doc, official, path)
    body = part(path, "word/document.xml").find("w:body", NS)
    kinds = [etree.QName(el).localname for el in body]
    assert kinds == ["tbl", "p", "tbl", "p", "sectPr"]  # a paragraph keeps Word from merging the tables
    assert body[-2].find("w:r/w:br[@w:type='page']", NS) is not None
    second = body.findall("w:tbl", NS)[1]
    assert second.find("w:tr/w:tc/w:p/w:pPr/w:pageBreakBefore", NS) is not None  # in the first row's cell


# ------------------------------------------------------------------------------------------------ tables


def test_table_is_a_real_word_table(built, official):
    tbl = part(built, "word/document.xml").find("w:body/w:tbl", NS)
    page = docx.Document(str(built)).sections[0]
    text_width = Emu(page.page_width - page.left_margin - page.right_margin).twips  # 156 mm, in whole twips
    assert abs(text_width - Mm(official.page.text_width_mm).twips) <= 1
    cols = [int(val(c, "w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert len(cols) == len(COLUMNS)
    assert sum(cols) == text_width
    shares = [c.width for c in COLUMNS]
    for got, share in zip(cols, shares):
        assert abs(got - text_width * share / sum(shares)) <= len(cols)
    tblpr = tbl.find("w:tblPr", NS)
    assert (val(tblpr.find("w:tblW", NS), "w"), val(tblpr.find("w:tblW", NS), "type")) == (str(text_width), "dxa")
    assert val(tblpr.find("w:tblLayout", NS), "type") == "fixed"
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = tblpr.find(f"w:tblBorders/w:{side}", NS)
        assert (val(border), val(border, "sz"), val(border, "color")) == ("single", "4", "000000")
    rows = tbl.findall("w:tr", NS)
    assert len(rows) == 42
    header, group, bodies = rows[0], rows[1], rows[2:]
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in bodies)
    # Word lays out from tcW: each cell as wide as its grid columns
    for r in [header, *bodies]:
        assert [int(val(tc.find("w:tcPr/w:tcW", NS), "w")) for tc in r.findall("w:tc", NS)] == cols
    group_cells = group.findall("w:tc", NS)
    assert len(group_cells) == 1 and val(group_cells[0].find("w:tcPr/w:gridSpan", NS)) == "5"
    assert group_cells[0].find("w:tcPr/w:shd", NS) is not None
    assert all(tc.find("w:tcPr/w:shd", NS) is not None for tc in header.findall("w:tc", NS))
    assert all(tc.find("w:tcPr/w:shd", NS) is None for r in bodies for tc in r.findall("w:tc", NS))
    assert int(val(group_cells[0].find("w:tcPr/w:tcW", NS), "w")) == text_width
    assert run_east_asia(group_cells[0].find("w:p", NS)) == {"楷体_GB2312"}
    for tc in header.findall("w:tc", NS):
        p = tc.find("w:p", NS)
        assert run_east_asia(p) == {"黑体"}
        assert all(r.find("w:rPr/w:b", NS) is None for r in p.findall("w:r", NS))  # 黑体 has no bold weight
        assert val(p.find("w:pPr/w:jc", NS)) == "center"
    first = bodies[0].findall("w:tc", NS)
    assert [val(tc.find("w:p/w:pPr/w:jc", NS)) for tc in first] == ["center", "left", "right", "right", "left"]
    assert all(val(tc.find("w:tcPr/w:vAlign", NS)) == "center" for tc in first)
    assert run_east_asia(first[1].find("w:p", NS)) == {"仿宋_GB2312"}
    # caption above the table, centred
    caption = tbl.getprevious()
    assert text_of(caption) == "表1  主要经济指标完成情况"
    assert val(caption.find("w:pPr/w:pStyle", NS)) == "Caption"


def test_table_text_has_its_own_leading(built, official):
    styles = part(built, "word/styles.xml")
    tbl = part(built, "word/document.xml").find("w:body/w:tbl", NS)
    style_ids = {val(p.find("w:pPr/w:pStyle", NS)) for p in tbl.iter(w("p"))}
    assert style_ids == {"TableText"}
    s = style(styles, "TableText")
    spacing = s.find("w:pPr/w:spacing", NS)
    expected = Pt(official.body.table_size_pt * official.body.table_leading).twips
    assert (val(spacing, "line"), val(spacing, "lineRule")) == (str(expected), "exact")
    assert expected < 579
    assert val(s.find("w:pPr/w:ind", NS), "firstLine") == "0"
    assert val(s.find("w:pPr/w:ind", NS), "firstLineChars") == "0"
    assert val(s.find("w:rPr/w:sz", NS)) == str(int(official.body.table_size_pt * 2))
    assert val(s.find("w:pPr/w:snapToGrid", NS)) == "0"


def test_row_spanning_too_many_columns_is_refused_and_leaves_no_file(tmp_path, official):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"old")
    bad = ir.Table(COLUMNS[:2], (ir.Row((ir.Cell((R("x"),), colspan=3),)),))
    with pytest.raises(ValueError, match="spans 3 columns"):
        write_docx(ir.Document(ir.Meta(title="t"), (bad,)), official, path)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx"]


# -------------------------------------------------------------------------------------- page and footer


def test_page_size_margins_and_grid(built, official):
    section = docx.Document(str(built)).sections[0]
    page = official.page
    for got, want in ((section.page_width, page.width_mm), (section.page_height, page.height_mm),
                      (section.top_margin, page.margin_top_mm), (section.bottom_margin, page.margin_bottom_mm),
                      (section.left_margin, page.margin_left_mm), (section.right_margin, page.margin_right_mm)):
        assert abs(got.mm - want) <= 0.1
    grid = part(built, "word/document.xml").find("w:body/w:sectPr/w:docGrid", NS)
    assert val(grid, "type") == "default"  # the pitch kept, no line grid: LibreOffice offsets a page's first line on one
    pitch = int(val(grid, "linePitch"))
    text_height_twips = Mm(page.text_height_mm).twips
    assert text_height_twips // pitch == 22  # 22 lines a page, GB/T 9704
    # the page number's dashes sit about below_text_mm under the text block: their top DASH_IN_LINE of the
    # size above the footer line's foot (measured in LibreOffice: tests/test_print_quality.py)
    from briefgen.render.docx.writer import DASH_IN_LINE

    number_top_mm = section.footer_distance.mm + official.page_number.size_pt * DASH_IN_LINE * 25.4 / 72
    assert abs((page.margin_bottom_mm - number_top_mm) - official.page_number.below_text_mm) < 0.5


def _footer_for(path: Path, kind: str) -> etree._Element:
    doc = part(path, "word/document.xml")
    ref = doc.find(f"w:body/w:sectPr/w:footerReference[@w:type='{kind}']", NS)
    assert ref is not None, f"no {kind} footer"
    rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    rels = part(path, "word/_rels/document.xml.rels")
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return part(path, f"word/{target}")


def _page_field(footer: etree._Element) -> tuple[str, str, str]:
    p = footer.find("w:p", NS)
    runs = p.findall("w:r", NS)
    instr = "".join(t.text for t in p.iter(w("instrText"))).strip()
    kinds = [val(r.find("w:fldChar", NS), "fldCharType") for r in runs]
    sep, end = kinds.index("separate"), kinds.index("end")
    cached = "".join(text_of(r) for r in runs[sep + 1:end])
    shown = "".join(text_of(r) if r.find("w:instrText", NS) is None else "" for r in runs)
    return instr, cached, shown


def test_official_footer_outside_odd_right_even_left(built, official):
    settings = part(built, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    odd, even = _footer_for(built, "default"), _footer_for(built, "even")
    inset = str(Pt(official.page_number.inset_chars * official.page_number.size_pt).twips)
    for footer, align, side, cached in ((odd, "right", "right", "1"), (even, "left", "left", "2")):
        instr, got_cached, shown = _page_field(footer)
        assert instr == "PAGE" and got_cached == cached
        assert shown == f"\u2014 {cached} \u2014"
        ppr = footer.find("w:p/w:pPr", NS)
        assert val(ppr.find("w:jc", NS)) == align
        assert val(ppr.find("w:ind", NS), side) == inset
        for r in footer.iter(w("r")):
            fonts = r.find("w:rPr/w:rFonts", NS)
            assert val(fonts, "eastAsia") == "宋体"
            assert val(r.find("w:rPr/w:sz", NS)) == "28"
            if "\u2014" in text_of(r):
                assert val(fonts, "hint") == "eastAsia"


def test_handout_footer_is_centred_and_single(tmp_path, handout):
    path = tmp_path / "handout.docx"
    write_docx(sample(mark=None), handout, path)
    assert part(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is None
    footer = _footer_for(path, "default")
    assert val(footer.find("w:p/w:pPr/w:jc", NS)) == "center"
    assert _page_field(footer)[2] == "\u2014 1 \u2014"
    sect = part(path, "word/document.xml").find("w:body/w:sectPr", NS)
    assert sect.find("w:footerReference[@w:type='even']", NS) is None
    assert sect.find("w:headerReference", NS) is None  # no mark, no header
    section = docx.Document(str(path)).sections[0]
    assert abs(section.left_margin.mm - 22) <= 0.1
    normal = style(part(path, "word/styles.xml"), "Normal")
    assert val(normal.find("w:pPr/w:spacing", NS), "line") == str(Pt(24).twips)


def test_no_page_number(tmp_path, official):
    theme = official.model_copy(update={"page_number": official.page_number.model_copy(update={"position": "none"})})
    path = tmp_path / "none.docx"
    write_docx(sample(mark=None), theme, path)
    assert part(path, "word/document.xml").find("w:body/w:sectPr/w:footerReference", NS) is None


def test_mark_in_header_top_left(built):
    doc = docx.Document(str(built))
    for header in (doc.sections[0].header, doc.sections[0].even_page_header):
        p = header.paragraphs[0]
        assert p.text == "内部资料 注意保存"
        assert val(p._p.find("w:pPr/w:jc", NS)) == "left"
        assert run_east_asia(p._p) == {"黑体"}
        assert val(p._p.find("w:r/w:rPr/w:sz", NS)) == "24"


# ------------------------------------------------------------------------------------ package and metadata


def test_core_properties_are_honest(built):
    cp = docx.Document(str(built)).core_properties
    assert cp.title == "前江街道2022年上半年工作总结"
    assert cp.author == cp.last_modified_by == "前江街道办事处"
    assert cp.subject == "工作总结" and cp.keywords == "工作总结;指标"
    # midnight of 2022-07-29 in China Standard Time, the PDF's instant (python-docx reads it back in UTC)
    midnight = dt.datetime(2022, 7, 28, 16, 0)
    assert cp.created.replace(tzinfo=None) == midnight
    assert cp.modified.replace(tzinfo=None) == midnight
    assert cp.revision == 1 and cp.comments == ""
    with zipfile.ZipFile(built) as z:
        names = z.namelist()
        for name in names:
            if name.startswith("docProps/"):
                assert b"python-docx" not in z.read(name), name
                assert b"Microsoft Macintosh Word" not in z.read(name), name
        assert not any("thumbnail" in n for n in names)
        assert all(info.date_time == (2022, 7, 29, 0, 0, 0) for info in z.infolist())
        assert names[0] == "[Content_Types].xml"


def test_without_a_date_no_date_is_invented(tmp_path, official):
    path = tmp_path / "nodate.docx"
    write_docx(sample(created=None), official, path)
    cp = docx.Document(str(path)).core_properties
    assert cp.created is None and cp.modified is None
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_two_writes_are_byte_identical(tmp_path, official):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_docx(sample(), official, a)
    write_docx(sample(), official, b)
    assert a.read_bytes() == b.read_bytes()
    c = tmp_path / "c.docx"
    write_docx(sample(created=dt.date(2022, 7, 30)), official, c)
    assert c.read_bytes() != a.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx", "c.docx"]  # no temp files left


# -------------------------------------------------------------------------------------- reference DOCX


@pytest.mark.parametrize("heading_name, heading_id", [("heading 1", "1"), ("标题 1", "a3")])
def test_reference_docx_styles_and_margins(tmp_path, official, heading_name, heading_id):
    ref = make_reference.make_reference(tmp_path / "ref.docx", heading_name=heading_name, heading_id=heading_id)
    path = tmp_path / "out.docx"
    write_docx(sample(), official, path, reference_docx=ref)
    section = docx.Document(str(path)).sections[0]
    for side, mm in make_reference.MARGINS_MM.items():
        assert abs(getattr(section, f"{side}_margin").mm - mm) <= 0.1
    ps = body_paragraphs(path)
    assert "模板正文，写入时删除。" not in [text_of(p) for p in ps]  # the reference's body is gone
    assert len(part(path, "word/document.xml").findall("w:body/w:tbl", NS)) == 1
    h1 = next(p for p in ps if text_of(p) == "一、上半年工作回顾")
    assert val(h1.find("w:pPr/w:pStyle", NS)) == heading_id
    styles = part(path, "word/styles.xml")
    s = style(styles, heading_id)
    assert val(s.find("w:rPr/w:sz", NS)) == str(int(make_reference.HEADING_SIZE.pt * 2))  # kept as it was
    assert val(s.find("w:rPr/w:rFonts", NS), "eastAsia") == make_reference.HEADING_FONT
    assert styles.find("w:style[@w:styleId='Heading1']", NS) is None  # not created twice
    # the reference's heading names its font: runs leave it alone
    assert all(r.find("w:rPr/w:rFonts", NS) is None or r.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) is None
               for r in h1.findall("w:r", NS))
    # Heading 2 was missing from the reference: created from the theme, and used
    h2 = next(p for p in ps if text_of(p) == "（一）经济运行稳中有进")
    assert val(h2.find("w:pPr/w:pStyle", NS)) == "Heading2"
    assert val(style(styles, "Heading2").find("w:pPr/w:outlineLvl", NS)) == "1"
    # no theme fonts survive, not even the reference's
    for el in styles.iter():
        assert not THEME_ATTRS & {etree.QName(a).localname for a in el.attrib}
    # the table width follows the reference's text block
    text_width = Mm(210 - make_reference.MARGINS_MM["left"] - make_reference.MARGINS_MM["right"]).twips
    tbl = part(path, "word/document.xml").find("w:body/w:tbl", NS)
    assert abs(sum(int(val(c, "w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)) - text_width) <= 1
    # the reference had no footer: the theme's page number is generated
    assert _page_field(_footer_for(path, "default"))[0] == "PAGE"


def test_reference_docx_keeps_its_footer(tmp_path, official):
    ref = make_reference.make_reference(tmp_path / "ref.docx", footer=True)
    path = tmp_path / "out.docx"
    write_docx(sample(), official, path, reference_docx=ref)
    footer = _footer_for(path, "default")
    assert text_of(footer) == make_reference.FOOTER_TEXT
    assert not list(footer.iter(w("instrText")))
    assert part(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is None
    a = tmp_path / "again.docx"
    write_docx(sample(), official, a, reference_docx=ref)
    assert a.read_bytes() == path.read_bytes()


def test_reference_header_is_kept_and_page_numbers_stay_on_every_page(tmp_path, official):
    ref = make_reference.make_reference(tmp_path / "ref.docx", header=True)
    path = tmp_path / "out.docx"
    write_docx(sample(), official, path, reference_docx=ref)
    doc = docx.Document(str(path))
    assert doc.sections[0].header.paragraphs[0].text == make_reference.HEADER_TEXT  # not replaced by the mark
    # odd/even footers would leave even pages without the reference's header: one centred footer instead
    assert part(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is None
    footer = _footer_for(path, "default")
    assert val(footer.find("w:p/w:pPr/w:jc", NS)) == "center" and _page_field(footer)[0] == "PAGE"


def test_empty_document_is_still_a_valid_docx(tmp_path, official):
    path = tmp_path / "empty.docx"
    write_docx(ir.Document(ir.Meta(title="空"), ()), official, path)
    body = part(path, "word/document.xml").find("w:body", NS)
    assert [etree.QName(el).localname for el in body] == ["p", "sectPr"]
    assert docx.Document(str(path)).core_properties.title == "空"


def test_long_title_is_balanced_not_orphaned(tmp_path, official):
    title = "前江街道2022年1—6月主要经济指标完成情况"  # greedy wrapping leaves 况 alone on line 2
    path = tmp_path / "title.docx"
    write_docx(ir.Document(ir.Meta(title="t"), (ir.Title((R("前江街道"), R(title[4:])),),)), official, path)
    p = body_paragraphs(path)[0]
    lines = "".join(t.text if etree.QName(t).localname == "t" else "\n"
                    for t in p.iter(w("t"), w("br"))).split("\n")
    assert "".join(lines) == title and len(lines) == 2
    assert all(len(line) >= 8 for line in lines), lines
    assert not lines[1][0] in "，。、；：？！）》”"
    short = tmp_path / "short.docx"
    write_docx(ir.Document(ir.Meta(title="t"), (ir.Title((R("工作简报"),)),)), official, short)
    assert body_paragraphs(short)[0].find(".//w:br", NS) is None


def test_no_extra_space_between_chinese_and_digits(built):
    """Word's default would widen 2022年 into 2022 年; the PDF and the GB/T 9704 grid have no such space."""
    normal = style(part(built, "word/styles.xml"), "Normal").find("w:pPr", NS)
    assert val(normal.find("w:autoSpaceDE", NS)) == "0"
    assert val(normal.find("w:autoSpaceDN", NS)) == "0"
