"""Pages a secretary counts (issue 20): task tables fill their pages, a row running on to the next page with its
序号 and title（续）, the note under a table never alone, no widow or orphan line, and every example document
as many pages from the DOCX (as LibreOffice lays it out) as the PDF has. Read back from the PDFs (pypdfium2)
and the DOCX (python-docx, LibreOffice's rendering; those skipped without ``soffice``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from readback import pdf_pages

from briefgen import ir
from briefgen.render.docx import write_docx
from briefgen.render.pdf import render_pdf
from briefgen.theme import MM, load_theme
from test_print_quality import META, SAMPLE

R = ir.Run
soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
TASK_TEXT = "推进重点项目建设，确保年内完成投资目标，"


def _convert(paths: list[Path], out: Path) -> dict[str, Path]:
    """LibreOffice's PDF of each DOCX (one soffice run), by stem."""
    profile = out.parent / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *map(str, paths)], check=True, capture_output=True, timeout=600)
    return {p.stem: out / (p.stem + ".pdf") for p in paths}


def _run(*args: str) -> None:
    from click.testing import CliRunner

    from briefgen.cli import main

    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The example's documents: build, batch (the department briefs) and pack, in one folder each."""
    root = tmp_path_factory.mktemp("example")
    for command in ("build", "batch", "pack"):
        _run(command, str(SAMPLE), "--out", str(root / command))
    return root


def _page_texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    return ["".join(p.get_textpage().get_text_range().split()) for p in pdfium.PdfDocument(str(path))]


def _foot_gap_mm(path: Path, index: int) -> float:
    """Blank height between the page's last ink above the footer and the text block's foot (official margins)."""
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(str(path))[index].render(scale=2).to_pil().convert("L")
    ink = image.crop((0, 0, image.width, int(image.height * (297 - 35 - 1) / 297))).point(lambda v: 255 if v < 128 else 0)
    return (297 - 35) - ink.getbbox()[3] / 2 / MM


@pytest.fixture(scope="module")
def example_lo(example) -> dict[Path, Path]:
    """Each example DOCX -> LibreOffice's PDF of it."""
    docx = sorted(example.glob("*/*.docx"))
    rendered = _convert(docx, example / "lo")
    return {p: rendered[p.stem] for p in docx}


# ---- page counts agree ----

@soffice
def test_every_example_document_has_as_many_pages_from_the_docx_as_the_pdf(example_lo):
    assert len(example_lo) >= 16  # 2 built documents, 13 department briefs, the pack
    counts = {p.stem: (pdf_pages(p.with_suffix(".pdf")), pdf_pages(lo)) for p, lo in example_lo.items()}
    differ = {name: pair for name, pair in counts.items() if pair[0] != pair[1]}
    assert not differ, differ  # was 征地拆迁办公室: 1 page as PDF, 2 from the DOCX (its note alone on page 2)


# ---- task tables fill their pages ----

def test_pack_task_pages_are_filled_and_the_note_keeps_rows_with_it(example):
    pdf = next((example / "pack").glob("*.pdf"))
    texts = _page_texts(pdf)
    first = next(i for i, t in enumerate(texts) if "重点工作任务分解表" in t[:40] and i > 1)
    last = len(texts) - 1
    # every task page before the last ends near the text block's foot (was 10, 19 and 26 mm short)
    gaps = [round(_foot_gap_mm(pdf, i), 1) for i in range(first + 1, last)]
    assert gaps and max(gaps) < 12, gaps
    continued = [t for t in texts[first + 1:] if "（续）" in t]
    assert continued, "no row runs on to the next page"
    # the last page holds the note and a task's words above it, not the note alone
    note = texts[last].find("注：")
    assert note > 0 and "（续）" in texts[last][:note], texts[last][:120]


def _tasks(lengths: list[int], note: bool = False) -> ir.Document:
    cols = (ir.Column(7, "center"), ir.Column(50), ir.Column(15, "center"), ir.Column(13, "center"))
    head = ir.Row(tuple(ir.Cell((R(h),)) for h in ("序号", "工作任务", "牵头单位", "完成时限")), "header")
    rows = [head] + [ir.Row((ir.Cell((R(str(n)),)), ir.Cell((R(f"任务{n:02d}标题。", True), R(TASK_TEXT * times))),
                             ir.Cell((R("财政办公室"),)), ir.Cell((R("年内"),))))
                     for n, times in enumerate(lengths, 1)]
    blocks: list[ir.Block] = [ir.Title((R("任务表"),)), ir.Table(cols, tuple(rows))]
    if note:
        blocks.append(ir.Paragraph((R("注：表中单位名称过长处用简称：经发办（经济发展办公室）。"),), "left", False, "table"))
    return ir.Document(META, tuple(blocks))


def test_pdf_row_splits_to_fill_the_page_with_two_lines_each_side(tmp_path):
    path = tmp_path / "rows.pdf"
    path.write_bytes(render_pdf(_tasks([6] * 12), load_theme("official")).data)
    texts = [t.replace(f"—{i}—", "") for i, t in enumerate(_page_texts(path), 1)]
    assert len(texts) >= 2
    assert _foot_gap_mm(path, 0) < 8  # page 1 filled by the row that runs on
    split = [n for n in range(1, 13) if f"任务{n:02d}标题（续）" in texts[1]]
    assert len(split) == 1, texts[1][:80]
    n = split[0]
    # its 序号 and title again at the head of page 2, under the repeated header
    assert texts[1].startswith("序号工作任务牵头单位完成时限" + f"{n}任务{n:02d}标题（续）"), texts[1][:60]
    # at least two lines of its text on each side: more than one line's characters (19 in this column) on either page
    whole = f"任务{n:02d}标题。" + TASK_TEXT * 6
    before = texts[0][texts[0].find(f"任务{n:02d}标题。"):].replace("财政办公室", "").replace("年内", "")
    assert len(before) > 19 and len(whole) - len(before) > 19, before


def test_pdf_rows_of_short_cells_never_split(tmp_path):
    cols = (ir.Column(1, "center"), ir.Column(4), ir.Column(2, "right"))
    rows = [ir.Row(tuple(ir.Cell((R(h),)) for h in ("序号", "指标名称", "完成值")), "header")]
    rows += [ir.Row((ir.Cell((R(str(i)),)), ir.Cell((R(f"指标{i:03d}名称较长需要换行显示"),)), ir.Cell((R("1.5"),))))
             for i in range(1, 61)]
    path = tmp_path / "short.pdf"
    path.write_bytes(render_pdf(ir.Document(META, (ir.Table(cols, tuple(rows)),)), load_theme("official")).data)
    texts = _page_texts(path)
    assert len(texts) >= 2
    assert all(sum(f"指标{i:03d}名称较长需要换行显示" in t for t in texts) == 1 for i in range(1, 61))


def test_pdf_note_under_a_table_never_starts_a_page_alone(tmp_path):
    theme = load_theme("official")
    # grow the table until the note would fall alone to the next page, then check it keeps rows with it
    seen = 0
    for extra in range(0, 40):
        doc = _tasks([3] * 10 + [1] * (extra % 20) + [2] * (extra // 20), note=True)
        path = tmp_path / f"note{extra}.pdf"
        path.write_bytes(render_pdf(doc, theme).data)
        texts = [t.replace(f"—{i}—", "") for i, t in enumerate(_page_texts(path), 1)]
        for text in texts[1:]:
            if text.startswith("注："):
                raise AssertionError(f"note alone at the head of a page ({extra})")
            if "注：" in text and text.find("注：") < 80:
                seen += 1
    assert seen, "no layout put the note at the head of a page's text"


def test_pdf_paragraph_leaves_no_single_line_at_a_page_break(tmp_path):
    theme = load_theme("official")
    # 20 one-line paragraphs, then a three-line one: one line of it would fit on page 1 (22 lines a page)
    for fill in (19, 20, 21):
        blocks = [ir.Paragraph((R(f"第{i:02d}行"),), indent=False) for i in range(fill)]
        blocks.append(ir.Paragraph((R("三行段落" + "正文内容" * 13 + "结尾"),), indent=False))
        path = tmp_path / f"w{fill}.pdf"
        path.write_bytes(render_pdf(ir.Document(META, tuple(blocks)), theme).data)
        texts = _page_texts(path)
        if len(texts) > 1:
            head = texts[1].replace("—2—", "")
            tail = texts[0].split(f"第{fill - 1:02d}行")[-1].replace("—1—", "")
            # each side of the break holds none or at least two of the paragraph's 28-character lines
            assert len(tail) == 0 or len(tail) >= 2 * 28 - 2, (fill, tail)
            assert len(head) >= 2 * 28 - 28 // 2 or len(tail) == 0, (fill, head)


# ---- the DOCX ----

def test_docx_lets_long_rows_split_and_keeps_short_rows_whole(tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    path = tmp_path / "rows.docx"
    write_docx(_tasks([0, 6]), load_theme("official"), path)
    rows = Document(str(path)).tables[0].rows
    trPr = [r._tr.trPr for r in rows]
    assert trPr[0].find(qn("w:tblHeader")) is not None and trPr[0].find(qn("w:cantSplit")) is not None
    assert trPr[1].find(qn("w:cantSplit")) is not None  # a title alone: a short row
    assert trPr[2] is None or trPr[2].find(qn("w:cantSplit")) is None  # a task's long text may run on
    normal = Document(str(path)).styles["Normal"].element
    assert normal.pPr.find(qn("w:widowControl")) is not None


@soffice
def test_word_processor_splits_a_long_row_to_fill_the_page(tmp_path):
    path = tmp_path / "rows.docx"
    write_docx(_tasks([6] * 12), load_theme("official"), path)
    lo = _convert([path], tmp_path / "lo")["rows"]
    texts = _page_texts(lo)
    assert len(texts) >= 2
    assert _foot_gap_mm(lo, 0) < 8  # was a whole row's height short: rows never split
    numbers = [n for n in range(1, 13) if f"任务{n:02d}标题" in texts[0]]
    last = numbers[-1]
    assert f"任务{last:02d}标题" not in texts[1]  # the row's rest runs on without its title (no （续） in Word)
    assert (TASK_TEXT * 6)[-12:] in texts[1][:200]


# ---- figures keep their units in the word processor ----

def _unit_splits(lines: list[str]) -> list[str]:
    """'a|b' wherever a line ends in a digit and the next begins with a unit (年, 月, 万, 亿, 元, 方 …), or ends in
    a magnitude (万, 亿) after a digit and the next begins with a unit."""
    import re

    from briefgen.text.linebreak import UNIT_AFTER_NUMBER

    found = []
    for a, b in zip(lines, lines[1:]):
        a, b = a.replace(" ", "").replace("\u2060", ""), b.replace(" ", "").replace("\u2060", "")
        if a and b and b[0] in UNIT_AFTER_NUMBER and (a[-1].isdigit() or re.search(r"\d[万亿千百]$", a)):
            found.append(f"{a[-6:]}|{b[:4]}")
    return found


@soffice
def test_word_processor_keeps_figures_with_their_units(tmp_path):
    from readback import pdf_lines

    # the figure moved along the line a character at a time: at some offset each meets the line's end
    base = "测试" * 14
    figures = ("拆迁1.75万方，", "力争6月份完成，", "于2022年完成，", "投资5.8亿元，", "共1.75万方。")
    paragraphs = [ir.Paragraph((R(base[:20 + k] + f),), indent=False) for k in range(9) for f in figures]
    path = tmp_path / "figures.docx"
    write_docx(ir.Document(META, tuple(paragraphs)), load_theme("official"), path)
    lines = pdf_lines(_convert([path], tmp_path / "lo")["figures"])
    assert not _unit_splits(lines), _unit_splits(lines)  # was 1.75|万方, 1.75万|方, 6|月份, 2022|年, 5.8|亿元 …
    text = "".join(lines).replace(" ", "").replace("\u2060", "")
    assert text.count("1.75万方") == 18 and text.count("2022年") == 9  # nothing lost or changed


@soffice
def test_example_documents_keep_figures_with_their_units_in_the_word_processor(example_lo):
    from readback import pdf_lines

    found = {p.stem: _unit_splits(pdf_lines(lo)) for p, lo in example_lo.items()}
    assert not any(found.values()), {k: v for k, v in found.items() if v}


def test_docx_glues_a_figure_to_its_unit_and_keeps_its_text(tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    path = tmp_path / "glue.docx"
    write_docx(ir.Document(META, (ir.Paragraph((R("拆迁1.75万方，于2022年完成。"),)),)), load_theme("official"), path)
    p = Document(str(path)).paragraphs[0]
    assert p.text.replace("\u2060", "") == "拆迁1.75万方，于2022年完成。"
    glued = [r for r in p.runs if "\u2060" in r.text]
    assert [r.text for r in glued] == ["1.75\u2060万\u2060方", "2022\u2060年"]
    for r in glued:  # a language LibreOffice breaks by Unicode's rules, which keep the joiner
        assert r._r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) != "zh-CN"


# ---- the pack's review digest at 3号 ----

def _sizes(path: Path, index: int) -> dict[float, str]:
    """Font size -> the characters set at it on a page (pypdfium2)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    text = pdfium.PdfDocument(str(path))[index].get_textpage()
    out: dict[float, str] = {}
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch.strip():
            size = round(pdfium_c.FPDFText_GetFontSize(text.raw, i), 1)
            out[size] = out.get(size, "") + ch
    return out


def test_pack_review_is_set_at_3hao_with_its_figures_at_body_size(example):
    pdf = next((example / "pack").glob("*.pdf"))
    texts = _page_texts(pdf)
    first = next(i for i, t in enumerate(texts) if i > 1 and "工作回顾" in t[:40])
    last = next(i for i, t in enumerate(texts) if i > first and "主要经济指标完成情况" in t[:60]) - 1
    body = {}
    for index in range(first, last + 1):
        for size, chars in _sizes(pdf, index).items():
            body[size] = body.get(size, "") + chars
    assert "主要数据" in body.get(16.0, ""), sorted(body)  # was 10.2 pt: read as a footnote
    assert len(body[16.0]) > 0.9 * sum(len(v) for k, v in body.items() if k > 2), sorted(body)  # was 13.6 pt
    assert "工作回顾" in body.get(22.0, "")  # the title at its size (was 18.7 pt)


def test_pack_review_docx_keeps_3hao(example):
    from docx import Document

    doc = Document(str(next((example / "pack").glob("*.docx"))))
    assert doc.styles["Normal"].font.size.pt == 16 and doc.styles["Title"].font.size.pt == 22
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Title" and "工作回顾" in p.text)
    end = next(i for i, p in enumerate(paragraphs) if i > start and p.style.name == "Title")
    review = paragraphs[start:end]
    data = [p for p in review if p.text.startswith("主要数据")]
    assert data
    for p in review:
        for run in p.runs:  # no run or paragraph set smaller than its style (was 13 pt, 主要数据 10 pt)
            assert run.font.size is None or run.font.size.pt >= 16, (p.text[:12], run.font.size.pt)
    for p in data:
        assert p.style.name == "Normal"


@soffice
def test_word_processor_leaves_no_single_line_at_a_page_break(tmp_path):
    from readback import pdf_lines

    theme = load_theme("official")
    paths = []
    for fill in (19, 20, 21):
        blocks = [ir.Paragraph((R(f"第{i:02d}行"),), indent=False) for i in range(fill)]
        blocks.append(ir.Paragraph((R("三行段落" + "正文内容" * 13 + "结尾"),), indent=False))
        path = tmp_path / f"w{fill}.docx"
        write_docx(ir.Document(META, tuple(blocks)), theme, path)
        paths.append(path)
    rendered = _convert(paths, tmp_path / "lo")
    for path in paths:
        import pypdfium2 as pdfium

        pages = [[line.strip() for line in p.get_textpage().get_text_range().splitlines() if line.strip()]
                 for p in pdfium.PdfDocument(str(rendered[path.stem]))]
        for k, lines in enumerate(pages):
            body = [line for line in lines if not line.replace(" ", "").strip("—").isdigit()]
            paragraph = [line for line in body if not line.startswith("第")]
            # a page holds none of the three-line paragraph's lines or at least two of them
            assert len(paragraph) != 1, (path.stem, k, paragraph)
        assert sum(len(p) for p in pages) and pdf_lines(rendered[path.stem])


# ---- the cover ----

@pytest.fixture(scope="module")
def numbered_pack(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("numbered") / "out"
    _run("pack", str(SAMPLE), "--out", str(out), "--number", "2", "--mark", "内部资料 注意保存", "--venue", "街道三楼会议室",
         "--meeting", "前江街道2022年下半年经济社会发展工作部署会议")
    return out


def _cover_lines(path: Path) -> list[tuple[str, float, float, float]]:
    """(text, size, top in mm, centre x in mm) of each line of the first page, top to bottom."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(str(path))[0]
    height = page.get_height()
    text = page.get_textpage()
    chars = []
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch.strip():
            left, bottom, right, top = text.get_charbox(i)
            chars.append(((height - top) / MM, left, ch, pdfium_c.FPDFText_GetFontSize(text.raw, i), right))
    rows: list[list] = []
    for c in sorted(chars):  # a line: characters whose tops lie within 4 mm of its first
        if rows and c[0] - rows[-1][0][0] < 4:
            rows[-1].append(c)
        else:
            rows.append([c])
    out = []
    for row in rows:
        chars = sorted((left, ch, size, top, right) for top, left, ch, size, right in row)
        out.append(("".join(c[1] for c in chars), round(max(c[2] for c in chars), 1), min(c[3] for c in chars),
                    (chars[0][0] + chars[-1][4]) / 2 / MM))
    return out


def _check_cover(path: Path) -> None:
    lines = _cover_lines(path)
    texts = [t for t, *_ in lines]
    big = max(lines, key=lambda line: line[1])
    assert big[0] == "会议材料", lines  # the largest line (was the meeting's name's size)
    assert big[1] >= 36
    meeting = next(i for i, t in enumerate(texts) if t.startswith("前江街道2022年下半年"))
    assert meeting < texts.index("会议材料")  # the meeting's name above it
    joined = "".join(texts[meeting:texts.index("会议材料")])
    assert joined == "前江街道2022年下半年经济社会发展工作部署会议", texts  # broken between words (not 部|署)
    assert not any(t.endswith("部") for t in texts[meeting:texts.index("会议材料")])
    mark = next(line for line in lines if line[0] == "内部资料注意保存")
    number = next(line for line in lines if line[0] == "材料之二")
    assert mark[2] < 60 and number[2] < 60 and number[3] > 105 > mark[3]  # mark top left, 材料之N top right
    foot = [line for line in lines if line[0] in ("前江街道", "街道三楼会议室", "2022年7月29日")]
    assert [line[0] for line in foot] == ["前江街道", "街道三楼会议室", "2022年7月29日"], foot
    # issuer, venue and date at the foot: the date within two lines of the text block's foot (262 mm), inside it
    assert 262 - 2 * 10.2 < foot[-1][2] < 262 - 5, foot


def test_pdf_cover_has_the_layout_of_a_meeting_pack(numbered_pack):
    _check_cover(next(numbered_pack.glob("*.pdf")))


@soffice
def test_word_processor_cover_has_the_layout_of_a_meeting_pack(numbered_pack, tmp_path):
    docx = next(numbered_pack.glob("*.docx"))
    lo = _convert([docx], tmp_path / "lo")[docx.stem]
    _check_cover(lo)
    assert pdf_pages(lo) == pdf_pages(docx.with_suffix(".pdf"))


# ---- notes under tables, spread lines ----

def _name_splits(lines: list[str], names) -> list[str]:
    found = []
    for a, b in zip(lines, lines[1:]):
        a, b = a.replace(" ", "").replace("\u2060", ""), b.replace(" ", "").replace("\u2060", "")
        for name in names:
            for k in range(1, len(name)):
                if a.endswith(name[:k]) and b.startswith(name[k:]):
                    found.append(f"{name[:k]}|{name[k:]}")
    return found


def _note_lines(path: Path) -> list[str]:
    from readback import pdf_lines

    lines = [line.replace(" ", "").replace("\u2060", "") for line in pdf_lines(path)]
    start = next(i for i, line in enumerate(lines) if line.startswith("注：表中单位名称"))
    end = next(i for i in range(start, len(lines)) if lines[i].endswith("。"))
    return lines[start:end + 1]


def _names() -> tuple[str, ...]:
    import yaml

    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    return tuple(n for d in data["departments"] for n in (d["name"], d.get("short")) if n)


def test_pdf_note_under_a_table_breaks_only_between_names(example):
    lines = _note_lines(next((example / "pack").glob("*.pdf")))
    assert len(lines) >= 3
    assert not _name_splits(lines, _names())


@soffice
def test_word_processor_note_under_a_table_breaks_only_between_names(example_lo):
    pack = next(lo for docx, lo in example_lo.items() if docx.parent.name == "pack")
    lines = _note_lines(pack)
    assert len(lines) >= 3
    assert not _name_splits(lines, _names()), lines  # was 财政办公|室, 农业农|村办公室, 执法|中队, 应急管理办公|室


def test_pdf_justified_lines_spread_at_most_a_sixth_of_an_em(tmp_path):
    import pypdfium2 as pdfium

    cols = (ir.Column(7, "center"), ir.Column(20), ir.Column(60))
    rows = [ir.Row((ir.Cell((R("1"),)), ir.Cell((R("推进220KV洪塘变电站迁建工程，确保2022年12月底前完成"),)), ir.Cell((R("其他"),))))]
    path = tmp_path / "narrow.pdf"
    path.write_bytes(render_pdf(ir.Document(META, (ir.Table(cols, tuple(rows)),)), load_theme("official")).data)
    text = pdfium.PdfDocument(str(path))[0].get_textpage()
    boxes = [(text.get_text_range(i, 1), text.get_charbox(i, loose=True)) for i in range(text.count_chars())]
    gaps = [b[1][0] - a[1][2] for a, b in zip(boxes, boxes[1:])
            if a[0].strip() and b[0].strip() and abs(a[1][1] - b[1][1]) < 1]
    assert len(gaps) > 20
    assert max(gaps) <= 12 * 0.15 + 0.05, max(gaps)  # 12 pt cells: was 4.7 pt between characters of 确保2022…
