"""The tricky-line corpus set in real PDFs at many text widths, checked on the extracted lines."""

from __future__ import annotations

import pytest

from readback import pdf_lines

from briefgen import ir
from briefgen.text.linebreak import NO_END, NO_START
from briefgen.theme import load_theme
from briefgen.render.pdf import render_pdf

from test_linebreak import TRICKY

# Right margins from 26 mm to 26 + 15 x 2.7 mm: the line end moves by about half a character each time,
# so every mark in the corpus lands at a line end in some width.
MARGINS = [26 + 2.7 * i for i in range(16)]


def _is_page_number(line: str) -> bool:
    return line.replace(" ", "").strip("—").isdigit()


def _document() -> ir.Document:
    blocks = tuple(ir.Paragraph((ir.Run(text),)) for text in TRICKY)
    return ir.Document(ir.Meta(title="断行测试"), blocks)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    base = load_theme("official")
    folder = tmp_path_factory.mktemp("breaks")
    paths = []
    for margin in MARGINS:
        theme = base.model_copy(update={"page": base.page.model_copy(update={"margin_right_mm": margin})})
        result = render_pdf(_document(), theme)
        path = folder / f"r{margin:.1f}.pdf"
        path.write_bytes(result.data)
        paths.append(path)
    return paths


def test_no_extracted_line_starts_or_ends_badly(pdfs):
    checked = 0
    for path in pdfs:
        lines = [l for l in pdf_lines(path) if not _is_page_number(l)]  # page number
        for line in lines:
            assert line[0] not in NO_START, f"{path.name}: line starts with {line[0]!r}: {line}"
            assert line[-1] not in NO_END, f"{path.name}: line ends with {line[-1]!r}: {line}"
        checked += len(lines)
    assert checked > 16 * len(TRICKY)


def test_numbers_and_words_stay_whole(pdfs):
    source = "".join(TRICKY)
    for path in pdfs:
        lines = [l for l in pdf_lines(path) if not _is_page_number(l)]
        for a, b in zip(lines, lines[1:]):
            if a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
                # allowed only where the source has a space there
                assert f"{a.split()[-1]} {b.split()[0]}" in source, f"{path.name}: split word {a!r} / {b!r}"


def test_every_character_survives(pdfs):
    expected = "".join(t.replace(" ", "") for t in TRICKY)
    for path in pdfs:
        text = "".join(l for l in pdf_lines(path) if not _is_page_number(l)).replace(" ", "")
        assert text == expected, path.name


def test_latin_words_keep_their_spaces_and_are_not_stretched(pdfs):
    import pypdfium2 as pdfium
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from briefgen.fonts import pdf_fontset

    theme = load_theme("official")
    font = pdf_fontset(theme, "Gigafactory").name("body")
    natural = stringWidth("Gigafactory", font, theme.body.size_pt)
    for path in pdfs:
        lines = [l for l in pdf_lines(path) if not _is_page_number(l)]
        assert "Tesla Shanghai Gigafactory" in " ".join(lines), path.name
        page = pdfium.PdfDocument(str(path))[0]
        text = page.get_textpage()
        chars = "".join(text.get_text_range(i, 1) for i in range(text.count_chars()))
        start = chars.index("Gigafactory")
        left = text.get_charbox(start)[0]
        right = text.get_charbox(start + len("Gigafactory") - 1)[2]
        assert right - left <= natural + 0.5, f"{path.name}: 'Gigafactory' stretched to {right - left:.1f} pt (natural {natural:.1f})"
