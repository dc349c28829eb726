"""Font resolution for the PDF: system fonts, collections, CFF conversion cache, fallback, embedding.

Test fonts are built here with fontTools (a square per character), in temporary folders. The
conversion cache lives in one temporary folder for the whole session, so the bundled fonts' base
set is converted once per test run.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.errors import FontError
from briefgen.fonts import pdf_fontset
from briefgen.fonts import convert, system
from briefgen.fonts.charsets import base_codepoints
from briefgen.fonts.convert import ensure_converted
from briefgen.theme import load_theme

import pylopdf_fonts_zh_cn as bundled

SERIF = Path(bundled.serif_path())
SANS = Path(bundled.sans_path())
SAMPLE = "前江街道"


# --------------------------------------------------------------------------------------------
# fixtures and helpers


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("briefgen-cache")


@pytest.fixture(autouse=True)
def _isolated(cache_dir, tmp_path, monkeypatch):
    """Every test: the session's cache folder, and no system fonts unless the test brings some."""
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("BRIEFGEN_FONT_DIRS", "")
    yield


def build_font(path: Path, family: str, ps_name: str, chars: str, *, zh_family: str | None = None,
               fs_type: int = 0, extra_glyphs: int = 0, advance: int = 1000) -> Path:
    """A tiny TrueType font: one square glyph per character (plus ASCII), upem 1000."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def square(size: int):
        pen = TTGlyphPen(None)
        pen.moveTo((50, -50))
        pen.lineTo((50, size))
        pen.lineTo((size, size))
        pen.lineTo((size, -50))
        pen.closePath()
        return pen.glyph()

    chars = "".join(dict.fromkeys(chars + "".join(chr(c) for c in range(0x20, 0x7F))))
    names = [".notdef"] + [f"uni{ord(ch):04X}" for ch in chars] + [f"extra{i}" for i in range(extra_glyphs)]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(ch): f"uni{ord(ch):04X}" for ch in chars})
    glyphs = {n: square(700) for n in names}
    glyphs["uni0020"] = TTGlyphPen(None).glyph()
    fb.setupGlyf(glyphs)
    widths = {n: (advance if not n.startswith("uni00") else 500, 50) for n in names}
    widths["uni0020"] = (500, 0)
    fb.setupHorizontalMetrics(widths)
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": "Regular", "psName": ps_name})
    if zh_family:
        for nid in (1, 4):
            fb.font["name"].setName(zh_family, nid, 3, 1, 0x804)
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, fsType=fs_type)
    fb.setupPost()
    path.parent.mkdir(parents=True, exist_ok=True)
    fb.save(str(path))
    return path


def theme_file(folder: Path, body: str) -> Path:
    """A theme that extends the official one and overrides [fonts.body] with ``body`` (TOML lines)."""
    path = folder / "theme.toml"
    path.write_text(f'extends = "official"\nname = "t-{folder.name}"\n\n[fonts.body]\n{body}\n', encoding="utf-8")
    return path


def fresh_process_state():
    """Forget the per-process system font index (the on-disk one stays)."""
    system._memo.clear()


# --------------------------------------------------------------------------------------------
# resolution


@pytest.mark.parametrize(
    "file_name, family, zh",
    [("simfang.ttf", "FangSong", None), ("fs_other.ttf", "Some Fang", "仿宋_GB2312")],
    ids=["file-and-english-name", "chinese-name-record"],
)
def test_system_font_resolves_and_missing_chars_fall_back(tmp_path, monkeypatch, file_name, family, zh):
    fonts = tmp_path / "sysfonts"
    ps = "Fake-" + hashlib.sha1(file_name.encode()).hexdigest()[:6]
    build_font(fonts / "sub" / file_name, family, ps, SAMPLE, zh_family=zh)
    monkeypatch.setenv("BRIEFGEN_FONT_DIRS", str(fonts))
    fresh_process_state()

    theme = load_theme("official")
    fs = pdf_fontset(theme, SAMPLE + "区 Qianjiang")
    reports = {r.role: r for r in fs.report(SAMPLE + "区")}
    body = reports["body"]
    assert body.source == "system"
    assert body.path == fonts / "sub" / file_name
    assert body.family == family
    assert fs.paths["body"] == fonts / "sub" / file_name  # TrueType: embedded as it is
    assert (body.covered, body.total, body.fallback, body.missing) == (4, 5, "区", "")
    # the roles the fake font doesn't name (黑体 for h1, 小标宋 for the title) use the bundled fonts
    assert reports["h1"].source == reports["title"].source == "bundled"
    assert reports["h1"].family == "Noto Sans SC" and reports["title"].family == "Noto Serif SC"

    body_font, serif = fs.name("body"), fs.name("title")
    assert body_font != serif
    assert fs.segments("body", "前江区街道") == [(body_font, "前江"), (serif, "区"), (body_font, "街道")]
    assert fs.segments("body", "Qianjiang 街道") == [(body_font, "Qianjiang 街道")]
    assert fs.missing == {}
    # h3 is 仿宋 too: it shares the registration
    assert fs.name("h3") == body_font and fs.paths["h3"] == fs.paths["body"]


def test_system_index_is_cached_on_disk_and_follows_folder_changes(tmp_path, monkeypatch):
    fonts = tmp_path / "sysfonts"
    build_font(fonts / "simhei.ttf", "SimHei", "Fake-SimHei-idx", SAMPLE)
    monkeypatch.setenv("BRIEFGEN_FONT_DIRS", str(fonts))
    fresh_process_state()
    assert [f.family for f in system.system_fonts().candidates("黑体")] == []
    assert [f.family for f in system.system_fonts().candidates("SimHei")] == ["SimHei"]

    # a new process with unchanged folders reads the index from disk and opens no font file
    fresh_process_state()
    calls = []
    real = system.read_faces
    monkeypatch.setattr(system, "read_faces", lambda p: calls.append(p) or real(p))
    assert [f.family for f in system.system_fonts().candidates("simhei.ttf")] == ["SimHei"]
    assert calls == []

    # a font added: the folder's mtime changes, only the new file is read
    build_font(fonts / "simkai.ttf", "KaiTi", "Fake-KaiTi-idx", SAMPLE, zh_family="楷体")
    st = os.stat(fonts)
    os.utime(fonts, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # coarse clocks: force a change
    fresh_process_state()
    assert [f.family for f in system.system_fonts().candidates("楷体")] == ["KaiTi"]
    assert calls == [str(fonts / "simkai.ttf")]


def test_unembeddable_system_font_is_skipped_with_a_reason(tmp_path, monkeypatch):
    fonts = tmp_path / "sysfonts"
    build_font(fonts / "simfang.ttf", "FangSong", "Fake-Restricted", SAMPLE, fs_type=0x0002, extra_glyphs=300)
    monkeypatch.setenv("BRIEFGEN_FONT_DIRS", str(fonts))
    fresh_process_state()
    fs = pdf_fontset(load_theme("official"), SAMPLE)
    body = {r.role: r for r in fs.report(SAMPLE)}["body"]
    assert body.source == "bundled" and body.family == "Noto Serif SC"
    assert any("simfang.ttf" in note and "fsType 0x0002" in note for note in body.notes), body.notes


def test_theme_file_ttc_index_selects_the_face(tmp_path):
    from fontTools.ttLib import TTCollection, TTFont

    a = build_font(tmp_path / "a.ttf", "Face Zero", "Fake-FaceZero", "前")
    b = build_font(tmp_path / "b.ttf", "Face One", "Fake-FaceOne", "江")
    coll = TTCollection()
    coll.fonts = [TTFont(a), TTFont(b)]
    coll.save(tmp_path / "pair.ttc")
    coll.close()

    theme = load_theme(str(theme_file(tmp_path, 'file = "pair.ttc"\nindex = 1')))
    fs = pdf_fontset(theme, "前江")
    body = {r.role: r for r in fs.report("前江")}["body"]
    assert (body.source, body.family, body.index) == ("theme file", "Face One", 1)
    assert body.path == tmp_path / "pair.ttc" and fs.paths["body"] == tmp_path / "pair.ttc"
    assert body.covered == 1 and body.fallback == "前"  # face 1 has 江 only
    assert fs.segments("body", "江前") == [(fs.name("body"), "江"), (fs.name("title"), "前")]


def test_theme_file_errors_name_the_role_and_path(tmp_path):
    theme = load_theme(str(theme_file(tmp_path, 'file = "nowhere/fangsong.ttf"')))
    with pytest.raises(FontError, match=r"fonts\.body: font file not found: .*nowhere[/\\]fangsong\.ttf"):
        pdf_fontset(theme, SAMPLE)

    other = tmp_path / "second"
    build_font(other / "one.ttf", "One", "Fake-One", SAMPLE)
    theme = load_theme(str(theme_file(other, 'file = "one.ttf"\nindex = 2')))
    with pytest.raises(FontError, match=r"fonts\.body: .*one\.ttf: not a font collection"):
        pdf_fontset(theme, SAMPLE)


def test_theme_file_cff_otf_is_converted_and_cached(cache_dir):
    theme_dir = cache_dir.parent / "otf-theme"
    theme_dir.mkdir(exist_ok=True)
    theme = load_theme(str(theme_file(theme_dir, f'file = {json.dumps(str(SANS))}')))
    fs = pdf_fontset(theme, SAMPLE)
    body = {r.role: r for r in fs.report(SAMPLE)}["body"]
    assert (body.source, body.family, body.path) == ("theme file", "Noto Sans SC", SANS)
    assert body.embedded.suffix == ".ttf" and cache_dir in body.embedded.parents
    assert fs.name("body") == fs.name("h1")  # the bundled sans of h1 is the same face: one registration


# --------------------------------------------------------------------------------------------
# characters no font has


def test_characters_no_font_has_are_recorded():
    from fontTools.ttLib import TTFont

    absent = "\U00020000\U0001F600"  # 𠀀 (CJK Ext. B) and 😀
    for path in (SERIF, SANS):
        with TTFont(path, lazy=True) as font:
            cmap = font.getBestCmap()
        assert not any(ord(ch) in cmap for ch in absent)  # the premise: Noto SC lacks both

    fs = pdf_fontset(load_theme("official"), "前" + absent)
    runs = fs.segments("body", "前\U00020000江\U0001F600")
    assert runs == [(fs.name("body"), "前\U00020000江\U0001F600")]  # kept in the role's font (as .notdef)
    fs.segments("h1", "\U0001F600")
    assert fs.missing == {"\U00020000": {"body"}, "\U0001F600": {"body", "h1"}}
    body = {r.role: r for r in fs.report("前" + absent)}["body"]
    assert body.missing == "\U0001F600\U00020000" and body.covered == 1
    # zero-width and control characters are never reported; unsupported zero-width ones are left out
    assert fs.segments("body", "前\ufe0f江\n\U0001F600") == [(fs.name("body"), "前江\n\U0001F600")]
    assert set(fs.missing) == {"\U00020000", "\U0001F600"}


# --------------------------------------------------------------------------------------------
# the conversion cache


SMALL_BASE = {ord(c) for c in "前江街道ABC abc，。"}


def _state(c) -> tuple[bytes, int, bytes]:
    side = c.path.with_suffix(".json")
    return c.path.read_bytes(), c.path.stat().st_mtime_ns, side.read_bytes()


def test_conversion_cache_reuse_extension_and_determinism(tmp_path):
    first = ensure_converted(SANS, 0, [], cache_dir=tmp_path / "a", base=SMALL_BASE)
    assert first.rebuilt and first.covered == frozenset(SMALL_BASE)
    before = _state(first)

    again = ensure_converted(SANS, 0, map(ord, "江街"), cache_dir=tmp_path / "a", base=SMALL_BASE)
    assert not again.rebuilt and _state(again) == before  # nothing rewritten, not even touched

    # a character the source lacks doesn't trigger a rebuild either
    assert not ensure_converted(SANS, 0, [0x20000], cache_dir=tmp_path / "a", base=SMALL_BASE).rebuilt

    grown = ensure_converted(SANS, 0, map(ord, "区龘"), cache_dir=tmp_path / "a", base=SMALL_BASE)
    assert grown.rebuilt and grown.covered == frozenset(SMALL_BASE | {ord("区"), ord("龘")})
    meta = json.loads(grown.path.with_suffix(".json").read_text())
    assert meta["source"]["path"] == str(SANS.resolve()) and meta["source"]["size"] == SANS.stat().st_size
    assert meta["source"]["sha256"] == hashlib.sha256(SANS.read_bytes()).hexdigest()

    # the same set built at once, in another cache: byte-identical to the step-by-step build
    at_once = ensure_converted(SANS, 0, map(ord, "区龘"), cache_dir=tmp_path / "b", base=SMALL_BASE)
    assert at_once.rebuilt and at_once.path.read_bytes() == grown.path.read_bytes()
    at_once_again = ensure_converted(SANS, 0, map(ord, "区龘"), cache_dir=tmp_path / "c", base=SMALL_BASE)
    assert at_once_again.path.read_bytes() == at_once.path.read_bytes()


def test_corrupt_or_stale_cache_is_rebuilt(tmp_path):
    conv = ensure_converted(SANS, 0, [], cache_dir=tmp_path, base=SMALL_BASE)
    good = conv.path.read_bytes()
    side = conv.path.with_suffix(".json")

    conv.path.write_bytes(b"\0garbage")  # damaged font file
    again = ensure_converted(SANS, 0, [], cache_dir=tmp_path, base=SMALL_BASE)
    assert again.rebuilt and again.path.read_bytes() == good

    side.write_text("{not json", encoding="utf-8")  # damaged sidecar
    assert ensure_converted(SANS, 0, [], cache_dir=tmp_path, base=SMALL_BASE).rebuilt

    meta = json.loads(side.read_text())  # a sidecar describing another version of the source
    meta["source"]["mtime_ns"] += 1
    meta["source"]["sha256"] = "0" * 64
    side.write_text(json.dumps(meta))
    assert ensure_converted(SANS, 0, [], cache_dir=tmp_path, base=SMALL_BASE).rebuilt

    meta = json.loads(side.read_text())  # the source only touched (same bytes): no rebuild
    meta["source"]["mtime_ns"] += 1
    side.write_text(json.dumps(meta))
    out = json.loads(side.read_text())["output"]
    st = conv.path.stat()
    assert (out["size"], out["mtime_ns"]) == (st.st_size, st.st_mtime_ns)
    assert not ensure_converted(SANS, 0, [], cache_dir=tmp_path, base=SMALL_BASE).rebuilt
    assert json.loads(side.read_text())["source"]["mtime_ns"] == SANS.stat().st_mtime_ns

    meta["version"] = -1  # another converter version
    side.write_text(json.dumps(meta))
    assert ensure_converted(SANS, 0, [], cache_dir=tmp_path, base=SMALL_BASE).rebuilt


def test_converted_font_keeps_metrics_names_and_cmap(tmp_path):
    from fontTools.ttLib import TTFont

    src = TTFont(SERIF, lazy=True)
    src_cmap = src.getBestCmap()
    supplementary = min(cp for cp in src_cmap if cp > 0xFFFF)
    conv = ensure_converted(SERIF, 0, [supplementary], cache_dir=tmp_path, base=SMALL_BASE)
    out = TTFont(conv.path, lazy=True)
    with src, out:
        _compare(src, src_cmap, out, supplementary)

    from reportlab.pdfbase.ttfonts import TTFont as RLFont

    face = RLFont("t-meta", str(conv.path)).face
    assert supplementary in face.charToGlyph and ord("前") in face.charToGlyph
    assert (face.ascent, face.descent) == (880, -120)


def _compare(src, src_cmap, out, supplementary) -> None:
    assert "glyf" in out and "CFF " not in out
    assert out["head"].unitsPerEm == 1000
    for tag, fields in {
        "hhea": ("ascent", "descent", "lineGap"),
        "OS/2": ("sTypoAscender", "sTypoDescender", "sTypoLineGap", "usWinAscent", "usWinDescent", "fsType"),
        "head": ("created", "modified", "fontRevision"),
    }.items():
        for f in fields:
            assert getattr(out[tag], f) == getattr(src[tag], f), (tag, f)
    assert out["name"].getDebugName(1) == "Noto Serif SC" and out["name"].getDebugName(6) == "NotoSerifSC-Regular"
    cmap = out.getBestCmap()
    assert set(cmap) == SMALL_BASE | {supplementary}
    for cp in cmap:  # advance widths as in the source; left side bearing = xMin
        assert out["hmtx"][cmap[cp]][0] == src["hmtx"][src_cmap[cp]][0]
        glyph = out["glyf"][cmap[cp]]
        if glyph.numberOfContours:
            assert out["hmtx"][cmap[cp]][1] == glyph.xMin
    formats = {(t.platformID, t.platEncID, t.format) for t in out["cmap"].tables}
    assert {(3, 1, 4), (3, 10, 12)} <= formats


def test_bundled_fonts_base_set(cache_dir):
    fs = pdf_fontset(load_theme("official"), SAMPLE)
    for role, family in (("body", "Noto Serif SC"), ("h1", "Noto Sans SC")):
        embedded = fs.paths[role]
        assert cache_dir in embedded.parents
        meta = json.loads(embedded.with_suffix(".json").read_text())
        assert meta["family"] == family
        covered = convert.from_ranges(meta["covered"])
        source = convert.from_ranges(meta["source_cmap"])
        assert covered == base_codepoints() & source
        level1 = {ord(bytes([0xB0, 0xA1]).decode("gb2312")), ord(bytes([0xD7, 0xF9]).decode("gb2312"))}
        assert level1 == {ord("啊"), ord("座")} and level1 <= covered
        assert {ord(c) for c in "，。、；：？！（）《》“”—…①Ⅻ℃№"} <= covered


def test_warm_start_is_fast(cache_dir):
    pdf_fontset(load_theme("official"), SAMPLE)  # the cache holds the base set now
    code = (
        "import time; from briefgen.theme import load_theme; from briefgen.fonts import pdf_fontset;"
        "import reportlab.pdfbase.ttfonts; t = load_theme('official'); s = time.perf_counter();"
        "pdf_fontset(t, '前江街道上半年工作总结。'); print(time.perf_counter() - s)"
    )
    env = dict(os.environ, BRIEFGEN_CACHE_DIR=str(cache_dir))
    env.pop("BRIEFGEN_FONT_DIRS", None)  # the real system folders, as in use
    runs = []
    for _ in range(2):  # the first run may index the system fonts
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        runs.append(float(out.stdout.strip()))
    assert runs[-1] < 0.5, runs


# --------------------------------------------------------------------------------------------
# a real PDF


def test_pdf_embeds_every_font_and_text_extracts(tmp_path, monkeypatch):
    import pikepdf
    import pypdfium2
    from reportlab.pdfgen.canvas import Canvas

    fonts = tmp_path / "sysfonts"
    build_font(fonts / "simfang.ttf", "FangSong", "Fake-FangSong-pdf", SAMPLE)
    monkeypatch.setenv("BRIEFGEN_FONT_DIRS", str(fonts))
    fresh_process_state()

    lines = [("title", "前江街道工作总结"), ("body", "前江街道区域发展 2022"), ("h1", "一、经济指标 — 1 —")]
    fs = pdf_fontset(load_theme("official"), "".join(text for _, text in lines))
    pdf = tmp_path / "out.pdf"
    canvas = Canvas(str(pdf), invariant=1, initialFontName=fs.name("body"), initialFontSize=12)
    y = 780
    for role, text in lines:
        x = 72
        for name, run in fs.segments(role, text):
            canvas.setFont(name, 16)
            canvas.drawString(x, y, run)
            x += canvas.stringWidth(run, name, 16)
        y -= 30
    canvas.showPage()
    canvas.save()
    assert len({name for role, text in lines for name, _ in fs.segments(role, text)}) == 3

    with pikepdf.open(pdf) as doc:
        seen = 0
        for page in doc.pages:
            for _, font in page.Resources.Font.items():
                fonts_to_check = [font] + list(font.get("/DescendantFonts", []))
                descriptors = [f.FontDescriptor for f in fonts_to_check if "/FontDescriptor" in f]
                assert descriptors, font
                for d in descriptors:
                    assert "/FontFile2" in d or "/FontFile3" in d, font.BaseFont
                seen += 1
        assert seen >= 3
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        page = doc[0]
        got = page.get_textpage().get_text_range()
    finally:
        doc.close()
    assert [line.strip() for line in got.replace("\r", "").split("\n") if line.strip()] == [t for _, t in lines]


def test_pdf_bytes_do_not_depend_on_what_the_cache_holds(tmp_path):
    """A document's PDF is byte-identical before and after the font cache grows for other documents."""
    from reportlab.pdfgen.canvas import Canvas

    theme = load_theme("official")
    lines = [("title", "前江街道简报"), ("body", "规上工业增加值31.3亿元，同比增长9.5%。"), ("h1", "一、主要指标")]
    text = "".join(t for _, t in lines)

    def render(fs, out: Path) -> bytes:
        canvas = Canvas(str(out), invariant=1, initialFontName=fs.name("body"), initialFontSize=12)
        for i, (role, line) in enumerate(lines):
            x = 72
            for name, run in fs.segments(role, line):
                canvas.setFont(name, 16)
                canvas.drawString(x, 760 - 30 * i, run)
                x += canvas.stringWidth(run, name, 16)
        canvas.showPage()
        canvas.save()
        return out.read_bytes()

    before = render(pdf_fontset(theme, text), tmp_path / "a.pdf")
    grown = pdf_fontset(theme, text + "燚龘鱻犇骉麤")  # another document with rarer characters
    assert all(ord(c) in convert.from_ranges(json.loads(grown.paths["body"].with_suffix(".json").read_text())["covered"])
               for c in "燚龘鱻")
    after = render(pdf_fontset(theme, text), tmp_path / "b.pdf")
    assert after == before


def test_em_dash_is_set_as_the_full_width_chinese_bar():
    """一字线: in the converted Noto font U+2014 takes the full-width, mid-height bar of U+2015."""
    import pylopdf_fonts_zh_cn
    from fontTools.ttLib import TTFont

    from briefgen.fonts.convert import ensure_converted

    conv = ensure_converted(pylopdf_fonts_zh_cn.serif_path(), 0, {0x2014, 0x2015})
    font = TTFont(str(conv.path))
    cmap = font.getBestCmap()
    assert cmap[0x2014] == cmap[0x2015]
    assert font["hmtx"][cmap[0x2014]][0] == font["head"].unitsPerEm


def test_first_conversion_says_so(tmp_path, caplog):
    """A first run converts fonts for a few seconds: it tells the user instead of waiting in silence."""
    import logging

    import pylopdf_fonts_zh_cn

    from briefgen.fonts.convert import ensure_converted

    with caplog.at_level(logging.INFO, logger="briefgen"):
        ensure_converted(pylopdf_fonts_zh_cn.sans_path(), 0, {0x4E00}, cache_dir=tmp_path, base={0x41})
        first = [r.getMessage() for r in caplog.records]
        caplog.clear()
        ensure_converted(pylopdf_fonts_zh_cn.sans_path(), 0, {0x4E00}, cache_dir=tmp_path, base={0x41})
    assert any("preparing NotoSansSC-Regular.otf" in m and "only this time" in m for m in first), first
    assert not [r for r in caplog.records if r.levelno >= logging.INFO]  # a warm cache is quiet


# --------------------------------------------------------------------------------------------
# ToUnicode maps (every PDF): blocks of at most 100 entries, UTF-16 destinations


def test_tounicode_cmap_blocks_and_surrogate_pairs():
    from briefgen.fonts.tounicode import to_unicode_cmap, utf16_hex

    assert utf16_hex(0x524D) == "524D" and utf16_hex(0x30EDE) == "D883DEDE" and utf16_hex(0x1F100) == "D83CDD00"
    subset = [0] + [0] * 31 + list(range(32, 128)) + list(range(0x4E00, 0x4E00 + 127)) + [0x30EDE]
    cmap = to_unicode_cmap(subset)
    blocks = [int(line.split()[0]) for line in cmap.splitlines() if line.endswith("beginbfchar")]
    assert blocks == [100, 100, 24]  # 96 ASCII + 127 hanzi + 1; code 0 and the unfilled codes left out
    assert "<FF> <D883DEDE>" in cmap and "<00>" not in cmap.split("endcodespacerange")[1]
    assert cmap.count("beginbfchar") == cmap.count("endbfchar")


def test_pdf_tounicode_maps_follow_the_cmap_rules(tmp_path):
    """A page with more than 100 distinct characters of one font and one outside the BMP."""
    import re

    import pikepdf
    import pypdfium2
    from reportlab.pdfgen.canvas import Canvas

    from briefgen.render.pdfa_check import cmap_problems

    text = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 400) if c in base_codepoints())[:150] + "\U00030EDE"
    fs = pdf_fontset(load_theme("official"), text)
    pdf = tmp_path / "many.pdf"
    canvas = Canvas(str(pdf), invariant=1, initialFontName=fs.name("body"))
    for i in range(0, len(text), 30):
        x = 40
        for name, run in fs.segments("body", text[i:i + 30]):
            canvas.setFont(name, 12)
            canvas.drawString(x, 780 - i, run)
            x += canvas.stringWidth(run, name, 12)
    canvas.showPage()
    canvas.save()
    with pikepdf.open(pdf) as doc:
        maps = [f.ToUnicode.read_bytes() for _, f in doc.pages[0].Resources.Font.items()]
    assert all(cmap_problems(m) == [] for m in maps)
    assert max(int(n) for m in maps for n in re.findall(rb"(\d+) beginbfchar", m)) == 100
    got = pypdfium2.PdfDocument(str(pdf))[0].get_textpage().get_text_range()
    assert "".join(got.split()) == text
