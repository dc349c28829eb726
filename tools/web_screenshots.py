"""Screenshots of the web page for the README and the guide: `make web-screenshots`.

Starts `briefgen serve` on a free port over a copy of examples/excel-office, drives Debian's chromium with
Playwright as a clerk would (make the documents; then a sheet with a wrong cell, saved: the page remakes them; the
督办 tab: the month's 进度表, filled and returned, the 通报; the 档案 tab: a figure of a run archived before), and
writes docs/web-built.png, web-problem.png, web-track.png and web-archive.png (the browser window, 1280 × 860,
colours reduced to keep them small). tests/web/test_screenshots.py fails when they are stale.
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
        with open(office / "briefgen.toml", "a", encoding="utf-8") as f:
            f.write('catalog = "档案.sqlite"\n')
        env = {**os.environ, "BRIEFGEN_CACHE_DIR": os.environ.get("BRIEFGEN_CACHE_DIR", str(ROOT / "build" / "test-cache"))}
        subprocess.run([sys.executable, "-m", "briefgen", "build", "--archive", "--out", "out/归档"], cwd=office, env=env,
                       check=True, capture_output=True)  # an archived run: it files itself in 档案.sqlite
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
                wb.active["D4"] = 31.3
                wb.save(office / "指标.xlsx")
                # 督办: September's forms, filled in by the units and dropped back, then the 通报
                page.click(".pages-nav [data-tab='track']")
                page.fill("#track-period", "2022-09")
                page.dispatch_event("#track-period", "change")
                page.click("#track-forms-start")
                page.wait_for_selector("body[data-forms-state='done']", timeout=60_000)
                returned = []
                for n, path in enumerate(sorted((office / "out" / "2022-09" / "进度表").glob("*.xlsx"))):
                    if n == 0:
                        continue  # one unit has not sent its form back
                    form = openpyxl.load_workbook(path)
                    ws = form.active
                    for r in range(4, ws.max_row + 1):
                        ws.cell(r, 7, "按计划推进")
                        ws.cell(r, 8, 40 if r == 5 else 90)
                        ws.cell(r, 9, "推进中")
                    target = tmp / "returned" / path.name
                    target.parent.mkdir(exist_ok=True)
                    form.save(target)
                    returned.append(str(target))
                page.set_input_files("#track-pick", returned)
                page.wait_for_function(f"document.querySelectorAll('#track-received li').length === {len(returned)}")
                page.click("#track-report-start")
                page.wait_for_selector("body[data-track-state='done']", timeout=120_000)
                page.wait_for_function("[...document.querySelectorAll('#track-pages img')].every(i => i.complete && i.naturalWidth > 0)")
                page.evaluate("window.scrollTo(0, 0)")
                shots["web-track.png"] = small(page.screenshot())
                # 档案: a figure across the archived runs, the pages that hold it
                page.click(".pages-nav [data-tab='archive']")
                page.wait_for_selector("body[data-archive='ready']")
                page.fill("#archive-q", "规上工业增加值")
                page.press("#archive-q", "Enter")
                page.wait_for_selector("body[data-archive-state='done']")
                page.wait_for_function("[...document.querySelectorAll('#archive-hits img')].every(i => i.complete && i.naturalWidth > 0)")
                shots["web-archive.png"] = small(page.screenshot())
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
