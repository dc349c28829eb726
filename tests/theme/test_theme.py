"""Theme files: built-ins, extends, and every mistake reported at once, one line each."""

from __future__ import annotations

import pytest

from briefgen.errors import ThemeError
from briefgen.theme import load_theme


def write(tmp_path, text: str):
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_official_theme_has_the_gbt_9704_values():
    t = load_theme("official")
    assert (t.page.margin_top_mm, t.page.margin_bottom_mm, t.page.margin_left_mm, t.page.margin_right_mm) == (37, 35, 28, 26)
    assert (t.page.text_width_mm, t.page.text_height_mm) == (156, 225)
    assert t.body.size_pt == 16 and t.title.size_pt == 22 and t.page_number.size_pt == 14
    assert int(t.page.text_height_mm * 72 / 25.4 // t.body.line_pitch_pt) == 22  # 22 lines a page
    assert t.font("h1").docx == "黑体" and t.font("h2").docx.startswith("楷体") and t.font("body").docx.startswith("仿宋")


def test_a_user_theme_extends_and_overrides_key_by_key(tmp_path):
    t = load_theme(str(write(tmp_path, 'extends = "handout"\n[body]\nsize_pt = 13\n')))
    assert t.body.size_pt == 13
    assert t.page.margin_left_mm == load_theme("handout").page.margin_left_mm  # inherited
    assert t.fonts["body"].docx == "仿宋_GB2312"  # from official, through handout


def test_every_problem_is_reported_at_once(tmp_path):
    path = write(tmp_path, 'extends = "official"\n[body]\nsize_pt = 0\nline_pitch_pt = "x"\n[headings]\nsizes_pt = [16]\n'
                           '[page_number]\nformat = "第页"\n[pagee]\nx = 1\n')
    with pytest.raises(ThemeError) as info:
        load_theme(str(path))
    lines = info.value.lines()
    assert len(lines) == 5, lines
    assert all(line.startswith(str(path)) for line in lines)
    text = "\n".join(lines)
    for field in ("body.size_pt", "body.line_pitch_pt", "headings.sizes_pt", "page_number.format", "pagee"):
        assert field in text


def test_margins_that_leave_no_text_block_are_refused(tmp_path):
    with pytest.raises(ThemeError, match="text block"):
        load_theme(str(write(tmp_path, 'extends = "official"\n[page]\nmargin_left_mm = 100\nmargin_right_mm = 90\n')))


def test_a_misspelt_parent_names_the_file_that_has_it(tmp_path):
    path = write(tmp_path, 'extends = "oficial"\n')
    with pytest.raises(ThemeError) as info:
        load_theme(str(path))
    assert str(path) in str(info.value) and "oficial" in str(info.value) and "official" in str(info.value)


def test_a_theme_cannot_extend_itself(tmp_path):
    path = write(tmp_path, 'extends = "mine.toml"\n')
    with pytest.raises(ThemeError, match="extends itself"):
        load_theme(str(path))


def test_sizes_may_be_written_in_hao(tmp_path):
    """Offices name type sizes in 号 (issue 10 §3): 三号 body, 二号 title, 小四 tables, as GB/T 9704 writes them."""
    t = load_theme(str(write(tmp_path, 'extends = "official"\n[body]\nsize_pt = "三号"\ntable_size_pt = "小4号"\n'
                                       'min_size_pt = "12pt"\n[title]\nsize_pt = "二号"\n[page_number]\nsize_pt = "4号"\n'
                                       '[headings]\nsizes_pt = ["三号", "小三", "四号", "小四"]\n')))
    assert (t.body.size_pt, t.body.table_size_pt, t.body.min_size_pt, t.title.size_pt, t.page_number.size_pt) == (16, 12, 12, 22, 14)
    assert t.headings.sizes_pt == [16, 15, 14, 12]
    from briefgen.theme import HAO

    assert (HAO["初号"], HAO["小初"], HAO["一号"], HAO["小一"], HAO["小二"], HAO["五号"], HAO["小五"]) == (42, 36, 26, 24, 18, 10.5, 9)
    with pytest.raises(ThemeError, match=r"body\.size_pt: '大号' is not a type size; write points .* or 号"):
        load_theme(str(write(tmp_path, 'extends = "official"\n[body]\nsize_pt = "大号"\n')))
