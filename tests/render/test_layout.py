"""Layout facts of the official theme, measured on rendered pages (1 px = 1 pt at scale 1)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from readback import ink_box, pdf_pages, pdf_text, render_page

from briefgen.cli import main
from briefgen.theme import MM, load_theme

from conftest import MINI, SAMPLE

THEME = load_theme("official")
PAGE_W, PAGE_H = THEME.page.width_mm * MM, THEME.page.height_mm * MM
LEFT = THEME.page.margin_left_mm * MM
RIGHT = PAGE_W - THEME.page.margin_right_mm * MM
TOP = THEME.page.margin_top_mm * MM
BOTTOM = PAGE_H - THEME.page.margin_bottom_mm * MM  # y grows downwards in images
TOL = 1.5


def _band(image, top, bottom):
    w, _ = image.size
    return ink_box(image.crop((0, int(top), w, int(bottom))))


def test_no_ink_outside_the_text_block_but_the_page_number(sample_pack):
    out, _ = sample_pack
    for name in ("summary.pdf", "tasks.pdf"):
        for index in range(pdf_pages(out / name)):
            image = render_page(out / name, index)
            body = _band(image, 0, BOTTOM + 3 * MM)  # everything above the page-number band
            assert body is not None
            left, top, right, bottom = body
            assert left >= LEFT - TOL and right <= RIGHT + TOL, f"{name} p{index + 1}: ink at x {left}..{right}"
            assert top >= TOP - TOL, f"{name} p{index + 1}: ink {TOP - top:.1f} pt above the text block"
            assert bottom <= BOTTOM + TOL, f"{name} p{index + 1}: ink below the text block"


def test_page_number_sits_7mm_below_the_block_outside_edge(sample_pack):
    out, _ = sample_pack
    pdf = out / "tasks.pdf"
    assert pdf_pages(pdf) >= 2
    size = THEME.page_number.size_pt
    for index in range(2):
        image = render_page(pdf, index)
        box = _band(image, BOTTOM + 2 * MM, PAGE_H)
        assert box is not None, "no page number"
        left, top, right, bottom = box
        top += BOTTOM + 2 * MM
        # the em box of the number starts 7 mm under the text block; the dash glyphs sit mid-height
        assert abs(top - (BOTTOM + 7 * MM)) < size * 0.8, top - BOTTOM
        inset = THEME.page_number.inset_chars * size
        if index % 2 == 0:  # page 1, 3 …: right, one character in
            assert abs(right - (RIGHT - inset)) < 2.5, (right, RIGHT - inset)
        else:
            assert abs(left - (LEFT + inset)) < 2.5, (left, LEFT + inset)


def test_title_is_centred_on_the_text_block(sample_pack):
    out, _ = sample_pack
    image = render_page(out / "summary.pdf", 0)
    # the first text line: the title's first line
    title = _band(image, TOP, TOP + THEME.title.size_pt * 1.4)
    assert title is not None
    left, _, right, _ = title
    assert abs((left + right) / 2 - (LEFT + RIGHT) / 2) < 2.0


def _with_indicators(tmp_path: Path, factor: int) -> Path:
    return _with_n_indicators(tmp_path, factor * len(yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))["indicators"]))


def _with_n_indicators(tmp_path: Path, count: int) -> Path:
    """The sample data with its indicators repeated (as 口径2, 口径3 …) up to ``count``."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    base = data["indicators"]
    more = []
    while len(more) < count:
        for ind in base[: count - len(more)]:
            item = copy.deepcopy(ind)
            round_ = len(more) // len(base)
            item["name"] = f"{ind['name']}（口径{round_ + 1}）" if round_ else ind["name"]
            more.append(item)
    data["indicators"] = more
    path = tmp_path / f"n{count}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_summary_with_twice_the_indicators_shrinks_to_one_page(tmp_path):
    data = _with_indicators(tmp_path, 2)
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(data), "--out", str(tmp_path / "o"), "-t", "summary"])
    assert result.exit_code == 0, result.output
    assert "shrank" in result.stderr and "one page" in result.stderr
    assert pdf_pages(tmp_path / "o" / "summary.pdf") == 1
    text = pdf_text(tmp_path / "o" / "summary.pdf")
    assert "（口径2）" in text and "4050" in text


def test_summary_far_too_long_fails_naming_template_and_overflow(tmp_path):
    data = _with_indicators(tmp_path, 6)
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(data), "--out", str(tmp_path / "o"), "-t", "summary"])
    assert result.exit_code == 2  # the data is too long for the template: the user's to fix
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "summary.xml.j2" in lines[0] and "overflows by about" in lines[0], lines
    assert not (tmp_path / "o").exists()


def test_handout_theme_and_a_user_theme_that_extends_it(tmp_path):
    theme = tmp_path / "mine.toml"
    theme.write_text('extends = "handout"\n[page]\nmargin_left_mm = 30\n[page_number]\nposition = "center"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(MINI), "--out", str(tmp_path / "o"), "-t", "summary", "--theme", str(theme), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    image = render_page(tmp_path / "o" / "summary.pdf", 0)
    left, _, _, _ = ink_box(image)
    assert abs(left - 30 * MM) < 3 * MM  # the user's margin, not the handout's 22 mm
    box = ink_box(image.crop((0, int(PAGE_H - 22 * MM + 2 * MM), int(PAGE_W), int(PAGE_H))))
    assert box is not None
    assert abs((box[0] + box[2]) / 2 - (30 * MM + PAGE_W - 20 * MM) / 2) < 3  # centred page number


def test_mark_is_printed_top_left(tmp_path):
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(MINI), "--out", str(tmp_path / "o"), "-t", "summary", "--format", "pdf", "--mark", "内部资料 注意保存"])
    assert result.exit_code == 0, result.output
    assert "内部资料" in pdf_text(tmp_path / "o" / "summary.pdf")
    image = render_page(tmp_path / "o" / "summary.pdf", 0)
    box = ink_box(image.crop((0, 0, int(PAGE_W), int(TOP - 1))))
    assert box is not None and abs(box[0] - LEFT) < 3


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("count", [13, 14, 17, 20])
def test_a_full_or_shrunk_summary_docx_also_stays_on_one_page(tmp_path, count):
    """Near-full and shrunk one-page summaries: the DOCX keeps a reserve, so a word processor's
    layout (here LibreOffice's) stays on one page as the PDF does."""
    from test_docx_libreoffice import to_pdf

    data = _with_n_indicators(tmp_path, count)
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(data), "--out", str(tmp_path / "o"), "-t", "summary"])
    assert result.exit_code == 0, result.output
    assert pdf_pages(to_pdf(tmp_path / "o" / "summary.docx", tmp_path)) == 1


def test_rare_character_warns_and_strict_fails(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("name: 规上工业增加值", "name: 规上工业增加值𠀀")
    data = tmp_path / "rare.yaml"
    data.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(data), "--out", str(tmp_path / "o"), "-t", "summary", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    assert "𠀀" in result.stderr and "summary" in result.stderr and "warning" in result.stderr
    strict = CliRunner().invoke(main, ["build", "--names", "{template}", str(data), "--out", str(tmp_path / "s"), "-t", "summary", "--strict"])
    assert strict.exit_code == 2
    assert len(strict.stderr.strip().splitlines()) == 1 and "𠀀" in strict.stderr
    assert not (tmp_path / "s").exists()


def test_bad_theme_file_is_one_line(tmp_path):
    theme = tmp_path / "bad.toml"
    theme.write_text('extends = "official"\n[body]\nsize_pt = "big"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(MINI), "--out", str(tmp_path / "o"), "--theme", str(theme)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.toml" in lines[0] and "body.size_pt" in lines[0], lines


def test_reference_docx_margins_reach_the_built_document(tmp_path):
    from docx import Document
    from docx.shared import Mm

    ref = Document()
    section = ref.sections[0]
    section.left_margin = Mm(40)
    section.top_margin = Mm(45)
    ref_path = tmp_path / "office.docx"
    ref.save(str(ref_path))
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(MINI), "--out", str(tmp_path / "o"), "-t", "tasks", "--format", "docx", "--reference-docx", str(ref_path)])
    assert result.exit_code == 0, result.output
    built = Document(str(tmp_path / "o" / "tasks.docx")).sections[0]
    assert abs(built.left_margin.mm - 40) < 0.2 and abs(built.top_margin.mm - 45) < 0.2


def test_a_row_taller_than_a_page_splits_instead_of_failing(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("detail: 着力保障好供应链恢复稳定。", "detail: " + "着力保障好供应链恢复稳定，确保工业运行在合理区间。" * 120)
    data = tmp_path / "long.yaml"
    data.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(data), "--out", str(tmp_path / "o"), "-t", "tasks", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "o" / "tasks.pdf"
    assert pdf_pages(pdf) >= 3
    flat = pdf_text(pdf).replace("\r\n", "")
    # nothing lost at the splits (a phrase may straddle a page, so count a character it has once)
    assert flat.count("确") == 120 and flat.count("间") == 120
    assert "加快重点项目落地扩量" in flat


def test_a_long_mark_stays_within_the_text_block(tmp_path):
    mark = "内部资料 注意保存 仅供前江街道党工委会议讨论使用 会后收回 不得复印 不得外传 违者追究责任"
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(MINI), "--out", str(tmp_path / "o"), "-t", "summary", "--format", "pdf", "--mark", mark])
    assert result.exit_code == 0, result.output
    image = render_page(tmp_path / "o" / "summary.pdf", 0)
    box = ink_box(image.crop((0, 0, int(PAGE_W), int(TOP - 1))))
    assert box is not None and box[0] >= LEFT - TOL and box[2] <= RIGHT + TOL, box
    assert "违者追究责任" in pdf_text(tmp_path / "o" / "summary.pdf")
