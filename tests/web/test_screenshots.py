"""The README's and the guide's pictures of the page are what the page shows today (`make web-screenshots`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from .conftest import CHROMIUM, ROOT


def test_the_pictures_of_the_page_are_not_stale(tmp_path):
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no chromium at {CHROMIUM}")
    pytest.importorskip("playwright")
    # in a process of its own: the browser tests of this session hold Playwright's event loop
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "web_screenshots.py"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "使用说明.md").read_text(encoding="utf-8")
    made = sorted(tmp_path.glob("web-*.png"))
    assert [p.name for p in made] == ["web-archive.png", "web-built.png", "web-problem.png", "web-track.png"]
    for path in made:
        name = path.name
        assert f"docs/{name}" in readme or f"]({name})" in guide, name
        fresh = Image.open(path).convert("L")
        with Image.open(ROOT / "docs" / name) as kept:
            kept = kept.convert("L")
            assert kept.size == fresh.size, f"docs/{name} is stale: run make web-screenshots"
            histogram = ImageChops.difference(kept, fresh).histogram()
            changed = sum(histogram[65:]) / (fresh.width * fresh.height)
            # the time a build took is the one text that differs from run to run
            assert changed < 0.003, f"docs/{name} is stale ({changed:.2%} of pixels differ): run make web-screenshots"
