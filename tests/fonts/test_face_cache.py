"""Parsed font faces kept on disk (``fonts.faces``): a face read back is the face reportlab parses, and a PDF set
with it is the same bytes; a damaged or outdated kept face is parsed again."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics, ttfonts

from briefgen.fonts import faces
from briefgen.fonts.convert import ensure_converted
from briefgen.fonts.tounicode import TTFont
from test_fonts import SAMPLE, SERIF, build_font

TEXT = "前江街道上半年工作总结：规上工业增加值31.3亿元，同比增长9.5%。"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFGEN_FONT_DIRS", "")


def _converted():
    """The bundled serif as the cache converts it: (file object of its bytes, token, the .ttf)."""
    conv = ensure_converted(SERIF, 0, map(ord, TEXT + SAMPLE))
    source = io.BytesIO(conv.data)
    source.name = str(conv.path)
    return source, (str(conv.path), conv.sha256), conv.path


def _installed(tmp_path: Path):
    path = build_font(tmp_path / "fonts" / "simfang.ttf", "FangSong", "Fake-FangSong-kept", TEXT)
    st = path.stat()
    return str(path), (str(path), st.st_size, st.st_mtime_ns), path


def _no_parsing(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise AssertionError("the face was parsed again")

    monkeypatch.setattr(ttfonts.TTFontFile, "extractInfo", refuse)


def _same(kept, parsed) -> None:
    a, b = dict(vars(kept.face)), dict(vars(parsed.face))
    scale_a, scale_b = a.pop("_pdfScale"), b.pop("_pdfScale")
    assert [scale_a(x) for x in (0, 1, 333, -75, 2048)] == [scale_b(x) for x in (0, 1, 333, -75, 2048)]
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name
        assert type(a[name]) is type(b[name]), name
        if isinstance(b[name], ttfonts.TTFNameBytes):
            assert a[name].ustr == b[name].ustr, name
    assert kept.face.table["glyf"] is next(t for t in kept.face.tables if t["tag"] == "glyf")
    fa, fb = dict(vars(kept)), dict(vars(parsed))
    assert fa.pop("face") is kept.face and fb.pop("face") is parsed.face
    assert fa.pop("encoding").name == fb.pop("encoding").name
    assert len(fa.pop("state")) == len(fb.pop("state")) == 0
    assert fa == fb
    assert type(kept) is type(parsed) is TTFont


def _pdf(font, name: str) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=name, initialFontSize=12)
    canvas.setFont(name, 16)
    canvas.drawString(72, 760, TEXT)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("which", ["converted", "installed"])
def test_a_kept_face_is_the_face_reportlab_parses_and_sets_the_same_pdf(tmp_path, monkeypatch, which):
    source, token, embedded = _converted() if which == "converted" else _installed(tmp_path)
    parsed = faces.ttfont(TTFont, "bg-kept-test", source, 0, token, embedded)
    kept_file = faces.face_file(embedded, 0, token)
    assert kept_file.is_file()

    _no_parsing(monkeypatch)
    kept = faces.ttfont(TTFont, "bg-kept-test", source, 0, token, embedded)
    _same(kept, parsed)
    monkeypatch.undo()
    assert _pdf(kept, "bg-kept-test") == _pdf(TTFont("bg-kept-test", source if isinstance(source, str) else
                                                     io.BytesIO(source.getvalue()), subfontIndex=0), "bg-kept-test")


def test_a_damaged_or_outdated_kept_face_is_parsed_again(tmp_path, monkeypatch):
    source, token, embedded = _installed(tmp_path)
    faces.ttfont(TTFont, "bg-kept-test", source, 0, token, embedded)
    kept_file = faces.face_file(embedded, 0, token)
    kept_file.write_bytes(kept_file.read_bytes()[:1000])  # cut short
    again = faces.ttfont(TTFont, "bg-kept-test", source, 0, token, embedded)
    assert again.face.charToGlyph[ord("前")]
    assert len(kept_file.read_bytes()) > 1000  # written anew

    newer = (token[0], token[1] + 1, token[2])  # the file changed: another version
    faces.ttfont(TTFont, "bg-kept-test", source, 0, newer, embedded)
    assert faces.face_file(embedded, 0, newer).is_file()
    assert not kept_file.exists()  # the outdated one is gone

    # a kept file under the right name that holds another font's face is not taken for this one
    faces.face_file(embedded, 0, token).write_bytes(faces.face_file(embedded, 0, newer).read_bytes())
    calls = []
    real = ttfonts.TTFontFile.extractInfo
    monkeypatch.setattr(ttfonts.TTFontFile, "extractInfo", lambda self, *a: calls.append(1) or real(self, *a))
    faces.ttfont(TTFont, "bg-kept-test", source, 0, token, embedded)
    assert calls


def test_an_unwritable_cache_only_costs_the_parsing(tmp_path, monkeypatch):
    source, token, embedded = _installed(tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(blocked))
    font = faces.ttfont(TTFont, "bg-kept-test", source, 0, token, embedded)
    assert font.face.charToGlyph[ord("前")]
