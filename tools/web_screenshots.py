"""Screenshots of the web page for the README and the guide: `make web-screenshots`.

Starts `briefgen serve` on a free port over a copy of examples/excel-office, drives Debian's chromium with
Playwright as a clerk would (make the documents; then a sheet with a wrong cell, saved: the page remakes them), and
writes docs/web-built.png and docs/web-problem.png (the browser window, 1280 × 860, colours reduced to keep them
small). tests/web/test_screenshots.py fails when they are stale.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium")


def small(png: bytes) -> bytes:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=128, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def make() -> dict[str, bytes]:
    """The screenshots, by their name under docs/."""
    import openpyxl
    from playwright.sync_api import sync_playwright

    shots: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        office = tmp / "会议材料"
        shutil.copytree(ROOT / "examples" / "excel-office", office, ignore=shutil.ignore_patterns("README.md", "out"))
        log = open(tmp / "serve.log", "w")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "BRIEFGEN_CACHE_DIR": os.environ.get("BRIEFGEN_CACHE_DIR", str(ROOT / "build" / "test-cache"))}
        server = subprocess.Popen([sys.executable, "-m", "briefgen", "serve", str(office), "--no-browser"], stdout=log,
                                  stderr=subprocess.STDOUT, env=env)
        try:
            url = None
            for _ in range(300):
                m = re.search(r"http://\S+", (tmp / "serve.log").read_text())
                if m:
                    url = m.group(0)
                    break
                time.sleep(0.1)
            if url is None:
                raise SystemExit((tmp / "serve.log").read_text())
            time.sleep(1)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 860})
                page.goto(url)
                page.wait_for_selector("body[data-ready='1']")
                # the folder as a clerk would name it, not this run's temporary path (the picture stays the same)
                page.evaluate("document.getElementById('served').textContent = '会议材料'")
                page.click("#start")
                page.wait_for_selector("body[data-job-state='done']", timeout=120_000)
                page.wait_for_function("[...document.querySelectorAll('#pages img')].every(i => i.complete && i.naturalWidth > 0)")
                page.evaluate("window.scrollTo(0, 0)")
                shots["web-built.png"] = small(page.screenshot())
                wb = openpyxl.load_workbook(office / "指标.xlsx")
                wb.active["D4"] = "三十一点三"
                wb.save(office / "指标.xlsx")  # saved as WPS would: the page remakes the documents by itself
                page.wait_for_selector("body[data-remade='1']", timeout=10_000)
                page.wait_for_selector("body[data-job-state='failed']", timeout=60_000)
                page.wait_for_selector("#problems td.mark")
                page.evaluate("window.scrollTo(0, 0)")
                shots["web-problem.png"] = small(page.screenshot())
                browser.close()
        finally:
            server.terminate()
            server.wait(10)
            log.close()
    return shots


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="where to write them (default: docs/)")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    for name, data in make().items():
        (out / name).write_bytes(data)
        print(f"wrote {out / name} ({len(data) // 1024} KB)")


if __name__ == "__main__":
    main()
