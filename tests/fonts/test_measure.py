"""Widths kept per text and font (fonts.measure) are reportlab's own, to the last bit, at any size."""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefgen.fonts import measure, pdf_fontset
from briefgen.theme import load_theme

TEXT = "前江街道主要经济指标完成情况，同比增长31.3%；规上工业增加值4050万美元（Ⅰ#），220KV·2022-07-29 —— …… 𠀀"


@pytest.fixture(scope="module")
def font_names() -> list[str]:
    fonts = pdf_fontset(load_theme("official"), TEXT)
    return sorted({name for role in ("body", "title", "h1", "table") for name, _ in fonts.segments(role, TEXT)})


def test_widths_equal_reportlabs_at_many_sizes(font_names):
    rnd = random.Random(15)
    chars = list(TEXT) + [chr(c) for c in range(0x4E00, 0x4E00 + 500)] + list("abcXYZ 0123456789.,%")
    sizes = [16.0 * s for s in (1.0, 0.75, 0.875, 0.9375, 0.96875, 0.953125, 0.9453125)] + [10.5, 12.0, 22.0]
    for _ in range(5000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 14)))
        font = rnd.choice(font_names)
        size = rnd.choice(sizes + [rnd.uniform(6.0, 40.0)])
        assert measure.string_width(text, font, size) == stringWidth(text, font, size), (text, font, size)
    # the same text again at new sizes (a fit trying scales): from the kept sum, still reportlab's width
    for size in (rnd.uniform(6.0, 40.0) for _ in range(200)):
        assert measure.string_width(TEXT, font_names[0], size) == stringWidth(TEXT, font_names[0], size)


def test_a_font_name_given_to_another_file_is_measured_anew(font_names):
    font = font_names[0]
    measure.string_width("前江", font, 16.0)
    assert ("前江", font) in measure._sums
    measure.forget(font)
    assert ("前江", font) not in measure._sums
    assert measure.string_width("前江", font, 16.0) == stringWidth("前江", font, 16.0)


def test_a_mismatch_gives_the_shortcut_up(font_names, monkeypatch):
    font = font_names[0]
    monkeypatch.setattr(measure, "_scale", lambda total, size: total * 0.002 * size)  # not reportlab's arithmetic
    monkeypatch.setattr(measure, "_checks_left", 5)
    assert measure.string_width("前江街道", font, 16.0) == stringWidth("前江街道", font, 16.0)
    assert measure._scale is None
    assert measure.string_width("经济", font, 12.0) == stringWidth("经济", font, 12.0)
