"""Chinese line breaking rules, checked on every break position of a corpus of tricky lines."""

from __future__ import annotations

import pytest

from briefgen.text.linebreak import NO_END, NO_START, Piece, balanced, break_lines, units_of

# Lines built so that forbidden marks fall at every possible break position for some width.
TRICKY = [
    "规上工业增加值实现31.3亿元，同比增长9.5%；规上服务业增加值实现1.5亿元，同比增长16.7%。",
    "一季度经济指标亮灯考核实现14绿6红，在全区乡镇街道中取得了来之不易的第一名。",
    "紧紧围绕“1586”专项行动，统筹做好疫情防控和经济社会发展工作：增强机遇意识？是的！",
    "完成邵家渡大桥及接线工程（姚江—西洪大桥段）所涉1.75万方非住宅拆迁。",
    "嚴格落實《信訪工作條例》，至今受理信訪件657件，滿意率和效能指數均為100%。",
    "深入推进220KV洪塘变电站迁建工程；尽快完成Ⅰ#组团地下空间规划方案。",
    "促进长兴社区0-3岁幼儿普惠托育服务项目尽快落地——这是民生实事……务必办好。",
    "引进 Tesla Shanghai Gigafactory 配套企业，推动 supply chain 稳定恢复，确保 2022-12-31 前完成。",
    "指标「增幅」『回落』：（一）、（二）、（三）；“甲”“乙”‘丙’，完成率％与‰。",
]

WIDTHS = range(4, 40)


def measure(text: str, font: str, size: float) -> float:
    # CJK one em, Latin half an em: the proportions of a real CJK font
    return sum(size if ord(ch) >= 0x2E80 or ch in "—…“”‘’" else size * 0.5 for ch in text)


def lines_for(text: str, width: float, indent: float = 0.0):
    units = units_of([Piece(text, "F", 1.0)], measure)
    return break_lines(units, width, indent)


@pytest.mark.parametrize("text", TRICKY)
def test_no_line_starts_or_ends_with_a_forbidden_mark(text):
    checked = 0
    for width in WIDTHS:
        lines = lines_for(text, width, indent=2)
        rendered = ["".join(u.text for u in line.units) for line in lines]
        for i, line in enumerate(rendered):
            assert line, f"empty line at width {width}"
            if i > 0:
                assert line[0] not in NO_START, f"width {width}: line {i + 1} starts with {line[0]!r}: {rendered}"
            if i < len(rendered) - 1:
                assert line[-1] not in NO_END, f"width {width}: line {i + 1} ends with {line[-1]!r}: {rendered}"
            checked += 1
    assert checked > len(WIDTHS)


@pytest.mark.parametrize("text", TRICKY)
def test_words_and_numbers_are_never_split_and_nothing_is_lost(text):
    longest_word = max(measure(w, "F", 1.0) for w in text.split(" "))
    for width in WIDTHS:
        lines = lines_for(text, width)
        rendered = ["".join(u.text for u in line.units) for line in lines]
        if width < longest_word:
            continue  # a word wider than the line has to be split somewhere
        # only spaces at line ends may disappear
        assert "".join(rendered).replace(" ", "") == text.replace(" ", "")
        pos = 0
        for a, b in zip(rendered, rendered[1:]):
            pos = text.index(a, pos) + len(a)  # where line a ends in the source
            gap = text[pos:pos + 1]
            if a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
                assert gap == " ", f"width {width}: a word or number split across lines: {a!r} / {b!r}"


def test_lines_fit_their_width_when_they_can():
    text = TRICKY[0]
    for width in WIDTHS:
        for line in lines_for(text, width):
            if len(line.units) > 1:
                assert line.width <= width + 1e-6


def test_a_closing_mark_pulls_the_previous_character_down():
    # 10 characters fit; the 11th is "，": the 10th must move to the next line with it
    text = "一二三四五六七八九十，甲乙"
    lines = lines_for(text, 10)
    rendered = ["".join(u.text for u in line.units) for line in lines]
    assert rendered == ["一二三四五六七八九", "十，甲乙"]


def test_balanced_title_leaves_no_lone_character():
    text = "前江街道2022年上半年工作总结和下半年工作思路"
    units = units_of([Piece(text, "F", 1.0)], measure)
    greedy = ["".join(u.text for u in line.units) for line in break_lines(units, 20)]
    even = ["".join(u.text for u in line.units) for line in balanced(units, 20)]
    assert len(greedy) == len(even) == 2
    assert len(greedy[-1]) <= 2  # greedy filling leaves a stub
    assert abs(len(even[0]) - len(even[1])) <= 3


def test_forced_line_break_starts_a_new_line():
    units = units_of([Piece("第一行\n第二行", "F", 1.0)], measure)
    lines = break_lines(units, 30)
    assert ["".join(u.text for u in line.units) for line in lines] == ["第一行", "第二行"]
    assert lines[0].last  # not justified


def test_titles_break_between_words():
    from briefgen.text.segment import word_interiors

    text = "关于印发前江街道2022年下半年重点工作任务分解表的通知"
    interiors = word_interiors(text, keep=("前江街道",))
    units = units_of([Piece(text, "F", 1.0)], measure, interiors)
    for width in range(8, 26):
        lines = balanced(units, width)
        if len(lines) < 2:
            continue
        rendered = ["".join(u.text for u in line.units) for line in lines]
        pos = 0
        for line in rendered[:-1]:
            pos += len(line)
            assert pos not in interiors, f"width {width}: broken inside a word: {rendered}"
    checked = sum(1 for width in range(8, 26) if len(balanced(units, width)) > 1)
    assert checked > 10


def test_balanced_title_never_breaks_inside_a_kept_name():
    from briefgen.text.segment import word_interiors

    issuer = "宁波市江北区人民政府前江街道办事处"
    text = issuer + "2022年下半年重点工作任务分解表"
    units = units_of([Piece(text, "F", 1.0)], measure, word_interiors(text, keep=(issuer,)))
    for width in range(18, 34):
        rendered = ["".join(u.text for u in line.units) for line in balanced(units, width)]
        assert not any(issuer[:-1] in line and issuer not in line for line in rendered), f"width {width}: {rendered}"


def test_word_interiors_cover_dictionary_words_and_kept_names():
    from briefgen.text.segment import word_interiors

    text = "前江街道下半年重点工作"
    inside = word_interiors(text, keep=("前江街道",))
    assert {1, 2, 3} <= inside  # 前|江|街|道 kept whole
    assert 4 not in inside  # a word boundary after the issuer
    assert text.index("作") in inside  # 工作


def test_no_paragraph_ends_with_a_lone_character():
    # 10 fit on a line; 21 characters would leave "名。" alone on the third line
    text = "一季度经济指标亮灯考核实现十四绿六红第一名。"
    plain = break_lines(units_of([Piece(text, "F", 1.0)], measure), 10)
    rendered = ["".join(u.text for u in line.units) for line in plain]
    assert "".join(rendered) == text
    assert len(rendered[-1].rstrip("。")) >= 2, rendered
    for width in WIDTHS:
        for t in TRICKY:
            lines = lines_for(t, width)
            if len(lines) > 1 and len(lines[-2].units) > 4:
                last = [u for u in lines[-1].units if u.text[0] not in NO_START]
                assert len(last) != 1 or last[0].latin, (width, ["".join(u.text for u in l.units) for l in lines])


def test_numbers_stay_with_their_unit():
    text = "完成投资31.3亿元和11月底前"
    for width in WIDTHS:
        rendered = ["".join(u.text for u in line.units) for line in lines_for(text, width)]
        for a, b in zip(rendered, rendered[1:]):
            assert not (a[-1].isdigit() and b[0] in "亿月"), f"width {width}: {rendered}"
