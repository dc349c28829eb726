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
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    base = data["indicators"]
    more = []
    for n in range(factor):
        for ind in base:
            item = copy.deepcopy(ind)
            item["name"] = f"{ind['name']}（口径{n + 1}）" if n else ind["name"]
            more.append(item)
    data["indicators"] = more
    path = tmp_path / f"x{factor}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_summary_with_twice_the_indicators_shrinks_to_one_page(tmp_path):
    data = _with_indicators(tmp_path, 2)
    result = CliRunner().invoke(main, ["build", str(data), "--out", str(tmp_path / "o"), "-t", "summary"])
    assert result.exit_code == 0, result.output
    assert "shrank" in result.stderr and "one page" in result.stderr
    assert pdf_pages(tmp_path / "o" / "summary.pdf") == 1
    text = pdf_text(tmp_path / "o" / "summary.pdf")
    assert "（口径2）" in text and "4050" in text


def test_summary_far_too_long_fails_naming_template_and_overflow(tmp_path):
    data = _with_indicators(tmp_path, 6)
    result = CliRunner().invoke(main, ["build", str(data), "--out", str(tmp_path / "o"), "-t", "summary"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "summary.xml.j2" in lines[0] and "overflows by about" in lines[0], lines
    assert not (tmp_path / "o").exists()


def test_handout_theme_and_a_user_theme_that_extends_it(tmp_path):
    theme = tmp_path / "mine.toml"
    theme.write_text('extends = "handout"\n[page]\nmargin_left_mm = 30\n[page_number]\nposition = "center"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(MINI), "--out", str(tmp_path / "o"), "-t", "summary", "--theme", str(theme), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    image = render_page(tmp_path / "o" / "summary.pdf", 0)
    left, _, _, _ = ink_box(image)
    assert abs(left - 30 * MM) < 3 * MM  # the user's margin, not the handout's 22 mm
    box = ink_box(image.crop((0, int(PAGE_H - 22 * MM + 2 * MM), int(PAGE_W), int(PAGE_H))))
    assert box is not None
    assert abs((box[0] + box[2]) / 2 - (30 * MM + PAGE_W - 20 * MM) / 2) < 3  # centred page number


def test_mark_is_printed_top_left(tmp_path):
    result = CliRunner().invoke(main, ["build", str(MINI), "--out", str(tmp_path / "o"), "-t", "summary", "--format", "pdf", "--mark", "内部资料 注意保存"])
    assert result.exit_code == 0, result.output
    assert "内部资料" in pdf_text(tmp_path / "o" / "summary.pdf")
    image = render_page(tmp_path / "o" / "summary.pdf", 0)
    box = ink_box(image.crop((0, 0, int(PAGE_W), int(TOP - 1))))
    assert box is not None and abs(box[0] - LEFT) < 3
