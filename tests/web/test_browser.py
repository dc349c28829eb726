"""The page in a real browser: Debian's chromium driven by Playwright against `briefgen serve` in a subprocess.

Each test does what a clerk does (drop files, press 开始生成, read the problem, take the files) and checks what she
would see: the rows of the folder, the marked cell, the progress bars, the previews, the downloaded PDF's text."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import time
import zipfile
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest

from .conftest import OFFICE, REPORT_TXT, open_page, wait_job
from .test_api import bad_indicators
from .test_watch import editor_save

SHOTS = os.environ.get("BRIEFGEN_SCREENSHOTS")


def shot(page, name: str) -> None:
    """A screenshot for the README and the guide when BRIEFGEN_SCREENSHOTS names a folder."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def office_paths() -> list[str]:
    return [str(OFFICE / n) for n in ("briefgen.toml", "report.yaml", "指标.xlsx", "任务.xlsx")]


def roles(page) -> dict[str, str]:
    return {row.query_selector("td").inner_text(): row.get_attribute("data-role") for row in page.query_selector_all("#files tbody tr")}


def previews_loaded(page, timeout: float = 30_000) -> int:
    page.wait_for_selector("#pages img", timeout=timeout)
    page.wait_for_function("[...document.querySelectorAll('#pages img')].every(i => i.complete && i.naturalWidth > 0)",
                           timeout=timeout)
    return len(page.query_selector_all("#pages img"))


def test_dropping_the_folder_builds_and_shows_every_page(server, browser_context):
    page = open_page(browser_context, server.url)
    files = [{"name": Path(p).name, "data": base64.b64encode(Path(p).read_bytes()).decode()} for p in office_paths()]
    started = time.perf_counter()
    page.evaluate("""files => {
        const dt = new DataTransfer();
        for (const f of files) {
            const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
            dt.items.add(new File([bytes], f.name));
        }
        document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", files)
    assert wait_job(page) == "done", page.inner_text("#problems-box")
    count = previews_loaded(page)
    seconds = time.perf_counter() - started
    pdfs = page.query_selector_all("#outputs li[data-format='pdf']")
    pages = sum(int(li.inner_text().split("·")[1].split("页")[0]) for li in pdfs)
    assert len(pdfs) == 2 and count == pages >= 3
    assert "完成" in page.inner_text("#status")
    print(f"drop to every preview: {seconds:.2f} s")
    shot(page, "built")
    assert not page.errors


def test_each_kind_of_input_is_listed_with_what_it_is(server, browser_context, tmp_path):
    import docx

    wb = openpyxl.load_workbook(OFFICE / "指标.xlsx")
    rows = [[c for c in r] for r in wb.active.iter_rows(min_row=2, values_only=True)]
    with open(tmp_path / "指标表.csv", "w", encoding="gb18030", newline="") as f:
        csv.writer(f).writerows([["" if v is None else v for v in r] for r in rows])
    import yaml

    data = yaml.safe_load((OFFICE / "report.yaml").read_text("utf-8"))
    (tmp_path / "报告.json").write_text(json.dumps(data, ensure_ascii=False, default=str), "utf-8")
    (tmp_path / "本单位.toml").write_text('extends = "official"\n', "utf-8")
    (tmp_path / "本单位摘要.xml.j2").write_text((Path(__file__).parents[2] / "templates" / "summary.xml.j2").read_text("utf-8"), "utf-8")
    docx.Document().save(tmp_path / "样式参考.docx")
    page = open_page(browser_context, server.url)
    page.set_input_files("#pick", office_paths() + [str(tmp_path / n) for n in ("指标表.csv", "报告.json", "本单位.toml",
                                                                               "本单位摘要.xml.j2", "样式参考.docx")])
    page.wait_for_function("document.querySelectorAll('#files tbody tr').length >= 9")
    found = roles(page)
    assert found == {"briefgen.toml": "settings", "report.yaml": "data", "指标.xlsx": "indicators", "任务.xlsx": "tasks",
                     "指标表.csv": "indicators", "报告.json": "data", "本单位.toml": "theme",
                     "templates/本单位摘要.xml.j2": "template", "样式参考.docx": "reference"}
    assert "本单位摘要" in page.inner_text("#templates")
    shot(page, "folder")


def test_chinese_names_both_ways_and_the_pdf_opens(server, browser_context, tmp_path):
    page = open_page(browser_context, server.url)
    page.set_input_files("#pick", office_paths())
    assert wait_job(page) == "done"
    assert {"指标.xlsx", "任务.xlsx"} <= set(roles(page))
    link = page.query_selector("#outputs li[data-format='pdf'] a")
    shown = link.inner_text()
    assert shown.startswith("前江街道_")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == shown
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = pdf_text(target)
    assert "前江街道" in text and ("规上工业增加值" in text or "重点工作" in text)


def test_the_zip_has_every_file_and_the_manifest(server, browser_context, tmp_path):
    page = open_page(browser_context, server.url)
    page.set_input_files("#pick", office_paths())
    assert wait_job(page) == "done"
    shown = [a.inner_text() for a in page.query_selector_all("#outputs a")]
    with page.expect_download() as info:
        page.click("#zip")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name.startswith("前江街道") and target.suffix == ".zip"
    names = zipfile.ZipFile(target).namelist()
    assert set(shown) | {"manifest.json"} == set(names)


def test_an_over_limit_file_is_refused_before_it_is_sent(server, browser_context):
    page = open_page(browser_context, server.url)
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "/files" in r.url else None)
    big = {"name": "全年数据.yaml", "mimeType": "application/yaml", "buffer": b"#" * (11 * 1024 * 1024)}
    page.set_input_files("#pick", files=[big])
    page.wait_for_selector("#upload-problems .problem")
    text = page.inner_text("#upload-problems")
    assert "全年数据.yaml" in text and "10 MB" in text and "未上传" in text
    many = [{"name": f"表{i}.csv", "mimeType": "text/csv", "buffer": b"a\n"} for i in range(21)]
    page.set_input_files("#pick", files=many)
    page.wait_for_function("document.querySelector('#upload-problems').innerText.includes('21')")
    page.set_input_files("#pick", files=[{"name": "setup.exe", "mimeType": "application/octet-stream", "buffer": b"MZ"}])
    page.wait_for_function("document.querySelector('#upload-problems').innerText.includes('setup.exe')")
    time.sleep(0.3)
    assert sent == [] and roles(page) == {}
    shot(page, "refused")


def test_a_problem_is_shown_at_its_cell(server, browser_context, tmp_path):
    bad = tmp_path / "指标.xlsx"
    bad.write_bytes(bad_indicators(tmp_path))
    page = open_page(browser_context, server.url)
    page.set_input_files("#pick", [p for p in office_paths() if not p.endswith("指标.xlsx")] + [str(bad)])
    assert wait_job(page) == "failed"
    cell = page.wait_for_selector("#problems td.mark")
    assert cell.get_attribute("data-cell") == "D4" and cell.inner_text() == "三十一点三"
    problem = page.inner_text("#problems .problem")
    assert "指标.xlsx" in problem and "Sheet1!D4" in problem and "Traceback" not in page.content()
    assert page.is_hidden("#results")
    shot(page, "problem")


def test_a_batch_shows_a_progress_bar_per_brief(server, browser_context):
    page = open_page(browser_context, server.url)
    page.uncheck("#watch")
    page.set_input_files("#pick", office_paths())
    assert wait_job(page) == "done"
    page.check("input[name=kind][value=batch]")
    page.wait_for_selector("#departments input")
    units = [i.get_attribute("value") for i in page.query_selector_all("#departments input")]
    page.evaluate("""() => {
        window.seen = [];
        new MutationObserver(() => window.seen.push(document.querySelector('#progress .overall span').textContent))
            .observe(document.querySelector('#progress .overall span'), {childList: true, characterData: true, subtree: true});
    }""")
    page.click("#start")
    assert wait_job(page) == "done"
    seen = page.evaluate("window.seen")
    total = len(units)
    assert f"已完成 0/{total} 份" in seen and f"已完成 {total}/{total} 份" in seen
    assert any(f"已完成 {n}/{total} 份" in seen for n in range(1, total)), seen  # seen while the batch ran
    bars = page.query_selector_all("#briefs li")
    assert len(bars) == total and all("done" in (li.get_attribute("class") or "") for li in bars)
    assert page.eval_on_selector("#pages img.sheet", "i => i.naturalWidth") > 500  # the contact sheet
    shot(page, "batch")


def test_a_wrong_token_is_refused(server, chromium):
    context = chromium.new_context(locale="zh-CN")
    page = context.new_page()
    response = page.goto(server.base + "/?token=wrong-token")
    assert response.status == 403
    assert "拒绝访问" in page.inner_text("body") and page.query_selector("#drop") is None
    assert page.goto(server.base + "/").status == 403  # no cookie was given
    assert page.goto(server.base + "/static/app.js").status == 403
    context.close()


def test_two_tabs_at_once_each_get_their_own_results(server, browser_context, tmp_path):
    bad = tmp_path / "指标.xlsx"
    bad.write_bytes(bad_indicators(tmp_path))
    a = open_page(browser_context, server.url)
    b = open_page(browser_context, server.base + "/")
    assert a.get_attribute("body", "data-session") != b.get_attribute("body", "data-session")
    a.uncheck("#watch")
    b.uncheck("#watch")
    a.set_input_files("#pick", office_paths())
    b.set_input_files("#pick", [p for p in office_paths() if not p.endswith("指标.xlsx")] + [str(bad)])
    assert wait_job(a) == "done" and wait_job(b) == "failed"
    a.check("input[name=kind][value=batch]")
    a.click("#start")  # a batch in one tab …
    b.set_input_files("#pick", [str(OFFICE / "指标.xlsx")])  # … and the other tab fixes its table and builds
    b.wait_for_selector("body[data-job-state='running']")
    assert wait_job(b) == "done" and wait_job(a) == "done"
    assert len(b.query_selector_all("#outputs li")) == 4 and b.is_hidden("#problems-box")
    assert len(a.query_selector_all("#outputs li")) > 4 and a.query_selector("#pages img.sheet")


def test_the_page_rebuilds_after_an_editor_style_save(folder_server, browser_context):
    server, office = folder_server
    page = open_page(browser_context, server.url)
    assert set(roles(page)) == {"briefgen.toml", "report.yaml", "指标.xlsx", "任务.xlsx"}
    page.click("#start")
    assert wait_job(page) == "done"
    previews_loaded(page)
    first = page.get_attribute("#pages img", "src")
    time.sleep(0.5)
    data = (office / "report.yaml").read_text("utf-8").replace("前江街道", "白沙街道")
    saved = time.perf_counter()
    editor_save(office / "report.yaml", data.encode("utf-8"))
    page.wait_for_selector("body[data-remade='1']", timeout=10_000)
    noticed = time.perf_counter() - saved
    assert wait_job(page) == "done"
    previews_loaded(page)
    assert page.get_attribute("#pages img", "src") != first
    assert all("白沙街道" in a.inner_text() for a in page.query_selector_all("#outputs a"))
    time.sleep(2)
    assert page.get_attribute("body", "data-remade") == "1"  # one save, one rebuild
    assert noticed < 1.0, noticed
    print(f"save to rebuild started: {noticed:.2f} s")


def test_a_report_becomes_a_draft_then_documents(server, browser_context):
    page = open_page(browser_context, server.url)
    page.uncheck("#watch")
    page.set_input_files("#report-pick", [str(REPORT_TXT)])
    page.wait_for_selector("#draft-box:not([hidden])", timeout=30_000)
    doubts = page.query_selector_all("#draft .field.doubt")
    assert len(doubts) >= 3
    assert all("待核实" in d.inner_text() for d in doubts)
    lead = next(d for d in doubts if d.get_attribute("title").endswith(".lead"))
    assert "牵头单位" in lead.query_selector(".key").inner_text()  # named as a clerk reads it
    lead.query_selector("input").fill("经济发展办公室")
    shot(page, "draft")
    page.click("#draft button[type=submit]")
    page.wait_for_function("document.querySelector('#report-problems').innerText.includes('已保存')")
    assert wait_job(page) == "done"
    assert "qianjiang-2022-h1-report.yaml" in roles(page)
    assert len(page.query_selector_all("#outputs li[data-format='pdf']")) == 2
    previews_loaded(page)


def test_english_when_the_browser_asks_and_nothing_from_off_the_machine(server, chromium):
    context = chromium.new_context(locale="en-GB")
    page = context.new_page()
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(server.url)
    page.wait_for_selector("body[data-ready='1']")
    assert page.inner_text("h1") == "briefgen: briefing documents"
    assert "Working folder" in page.inner_text("#folder h2")
    page.click("#sample")
    assert wait_job(page) == "done"
    previews_loaded(page)
    assert asked and all(u.startswith(server.base) for u in asked), [u for u in asked if not u.startswith(server.base)]
    context.close()


def test_a_pack_opens_with_its_cover_and_contents(server, browser_context, tmp_path):
    page = open_page(browser_context, server.url)
    page.uncheck("#watch")
    page.set_input_files("#pick", office_paths())
    assert wait_job(page) == "done"
    page.check("input[name=kind][value=pack]")
    page.fill("#meeting", "前江街道2022年下半年工作部署会")
    page.fill("#venue", "街道三楼会议室")
    page.click("#start")
    page.wait_for_function("document.body.dataset.jobState === 'done' && document.querySelector('#outputs li a').innerText.includes('会议')"
                           " || document.body.dataset.jobState === 'failed'", timeout=240_000)
    assert page.get_attribute("body", "data-job-state") == "done"
    assert previews_loaded(page) >= 4
    link = page.query_selector("#outputs li[data-format='pdf'] a")
    with page.expect_download() as info:
        link.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    doc = pdfium.PdfDocument(str(target))
    cover = doc[0].get_textpage().get_text_range()
    assert "前江街道2022年下半年工作部署会" in "".join(cover.split()) and "街道三楼会议室" in cover
    assert "目" in doc[1].get_textpage().get_text_range()
    shot(page, "pack")


def test_files_given_to_serve_are_on_the_page_and_made_at_once(tmp_path, browser_context):
    """A file dropped on briefgen.bat or briefgen网页.bat: `briefgen serve FILE …` opens the page with it."""
    from .conftest import Server

    server = Server(None, tmp_path, args=tuple(office_paths()))
    try:
        page = open_page(browser_context, server.url)
        assert set(roles(page)) == {"briefgen.toml", "report.yaml", "指标.xlsx", "任务.xlsx"}
        assert wait_job(page) == "done"
        assert previews_loaded(page) >= 3
    finally:
        server.stop()
    assert server.stopped_in < 8  # (1 s of grace, then the process ends; before, it waited forever) with the tab and its event streams still open (Ctrl+C, closing the window)
