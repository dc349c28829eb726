"""Caches shared by processes: concurrent builds against one fresh cache give the PDFs each gives alone.

A batch starts many builds at once. Each test here starts several Python processes on one new
BRIEFGEN_CACHE_DIR, each drawing characters that no other draws and that the cache's base set lacks,
so every process must grow the converted fonts. Before the cache was locked, 19 of 20 such PDFs
differed from the same build run alone and 18 drew their rare characters as empty boxes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORKERS = 6

# One build: markup -> IR -> PDF through the lowest stable layers, the rare characters in a title, a
# heading (Noto Sans SC) and body text (Noto Serif SC). Prints the characters no font could draw.
BUILD = r"""
import json, logging, sys
from briefgen.compose.markup import parse
from briefgen.theme import load_theme
from briefgen.render.pdf import render_pdf

logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
for rare, out in zip(sys.argv[1::2], sys.argv[2::2]):
    markup = ('<document title="前江街道简报" author="前江街道" date="2022-07-29">'
              f'<title>前江街道简报：{rare}</title><h1>一、生僻字{rare}</h1>'
              f'<p>规上工业增加值31.3亿元，同比增长9.5%。地名用字：{rare}。</p></document>')
    result = render_pdf(parse(markup), load_theme("official"))
    open(out, "wb").write(result.data)
    print(json.dumps(sorted(result.missing)))
"""


def _rare_sets(n: int, per: int = 4) -> list[str]:
    """``n`` disjoint sets of hanzi that both bundled fonts have and the cache's base set lacks."""
    import pylopdf_fonts_zh_cn as bundled
    from fontTools.ttLib import TTFont

    from briefgen.fonts.charsets import base_codepoints

    base = base_codepoints()
    have = None
    for path in (bundled.serif_path(), bundled.sans_path()):
        with TTFont(path, lazy=True) as font:
            cmap = set(font.getBestCmap())
        have = cmap if have is None else have & cmap
    pool = [cp for cp in range(0x4E00, 0x9FA0) if cp in have and cp not in base][::41]
    assert len(pool) >= n * per
    return ["".join(chr(cp) for cp in pool[i * per:(i + 1) * per]) for i in range(n)]


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ, BRIEFGEN_CACHE_DIR=str(cache), BRIEFGEN_FONT_DIRS="")
    env.pop("PYTHONWARNINGS", None)
    return env


def _text(pdf: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def test_concurrent_builds_on_a_cold_cache_match_builds_alone(tmp_path):
    cache = tmp_path / "cache"
    rare = _rare_sets(WORKERS)
    started = time.perf_counter()
    procs = [
        subprocess.Popen([sys.executable, "-c", BUILD, chars, str(tmp_path / f"together-{i}.pdf")],
                         env=_env(cache), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i, chars in enumerate(rare)
    ]
    results = [(p.wait(timeout=240), p.stdout.read(), p.stderr.read()) for p in procs]
    together_s = time.perf_counter() - started
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    for code, out, err in results:
        assert code == 0, err
        assert json.loads(out) == [], f"characters drawn as boxes: {out}"

    # a cold cache is converted once, by one process, while the others wait for it
    logs = "".join(err for _, _, err in results)
    for font in ("NotoSerifSC-Regular.otf", "NotoSansSC-Regular.otf"):
        assert logs.count(f"preparing {font} for PDFs: converted once") == 1, logs

    # the same builds, one after another, each in its own process, on the cache the others left
    for i, chars in enumerate(rare):
        out = subprocess.run([sys.executable, "-c", BUILD, chars, str(tmp_path / f"alone-{i}.pdf")],
                             env=_env(cache), capture_output=True, text=True, timeout=120)
        assert out.returncode == 0 and json.loads(out.stdout) == [], out.stderr
    differ = [i for i in range(WORKERS)
              if (tmp_path / f"together-{i}.pdf").read_bytes() != (tmp_path / f"alone-{i}.pdf").read_bytes()]
    assert differ == [], f"{len(differ)} of {WORKERS} PDFs built concurrently differ from the same build alone"
    for i, chars in enumerate(rare):
        assert "".join(_text(tmp_path / f"together-{i}.pdf").split()).count(chars) == 3

    # the cache holds every process's characters, and its sidecars describe the files beside them
    from briefgen.fonts.charsets import from_ranges

    sidecars = sorted((cache / "fonts").glob("*.json"))
    assert len(sidecars) == 2
    everything = {ord(c) for chars in rare for c in chars}
    for side in sidecars:
        meta = json.loads(side.read_text(encoding="utf-8"))
        assert everything <= from_ranges(meta["covered"]), side.name
        ttf = side.with_suffix(".ttf")
        assert meta["output"]["size"] == ttf.stat().st_size and meta["output"]["mtime_ns"] == ttf.stat().st_mtime_ns
    print(f"{WORKERS} concurrent cold builds: {together_s:.1f} s")


# Segments titles and prints nothing: the title-word cache shared by every process.
SEGMENT = r"""
import sys
from briefgen.text.segment import word_interiors
for title in sys.argv[1:]:
    word_interiors(title)
"""


def test_concurrent_title_word_caching_loses_no_entry(tmp_path):
    cache = tmp_path / "cache"
    titles = [[f"前江街道{year}年第{n}季度经济运行情况" for n in range(1, 4)] for year in range(2001, 2001 + WORKERS)]
    procs = [subprocess.Popen([sys.executable, "-c", SEGMENT, *batch], env=_env(cache), stderr=subprocess.PIPE)
             for batch in titles]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    files = list(cache.glob("title-words-*.json"))
    assert len(files) == 1
    stored = json.loads(files[0].read_text(encoding="utf-8"))
    assert {t for batch in titles for t in batch} <= set(stored)


SYSTEM = r"""
import json, sys
from briefgen.fonts.system import system_fonts
print(json.dumps(sorted(f.path for f in system_fonts().faces)))
"""


@pytest.mark.parametrize("readers", [WORKERS])
def test_concurrent_system_font_indexing_gives_every_process_the_whole_index(tmp_path, readers):
    from test_fonts import build_font

    fonts = tmp_path / "fonts"
    for i in range(12):
        build_font(fonts / f"f{i}.ttf", f"Family{i}", f"Family{i}-Regular", "前江街道")
    env = dict(_env(tmp_path / "cache"), BRIEFGEN_FONT_DIRS=str(fonts))
    procs = [subprocess.Popen([sys.executable, "-c", SYSTEM], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(readers)]
    expected = sorted(str(p) for p in sorted(fonts.glob("*.ttf")))
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert json.loads(out) == expected
    assert len(list((tmp_path / "cache").glob("system-fonts-*.json"))) == 1
