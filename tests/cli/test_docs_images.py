"""The README's pictures are what briefgen makes today (`make docs-images` refreshes them)."""

from __future__ import annotations

import io
import sys

from PIL import Image, ImageChops

from conftest import ROOT


def test_readme_pictures_are_not_stale(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    from docs_images import make

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "使用说明.md").read_text(encoding="utf-8")  # beside the pictures: named without docs/
    for name, data in make(tmp_path).items():
        assert f"docs/{name}" in readme or f"]({name})" in guide, name
        fresh = Image.open(io.BytesIO(data)).convert("L")
        with Image.open(ROOT / "docs" / name) as kept:
            kept = kept.convert("L")
            assert kept.size == fresh.size, f"docs/{name} is stale: run make docs-images"
            diff = ImageChops.difference(kept, fresh)
            histogram = diff.histogram()
            changed = sum(histogram[65:]) / (fresh.width * fresh.height)
            assert changed < 0.002, f"docs/{name} is stale ({changed:.1%} of pixels differ): run make docs-images"
