"""The page's 督办 and 档案 tabs in a real browser (Debian's chromium, Playwright) against `briefgen serve FOLDER`.

督办: the clerk picks the month, downloads the 进度表 (zip and one by one), each unit fills its own (openpyxl here,
as a unit would in Excel), she drops the returned ones at once, and takes the 通报, 催办单, 台账 and 销号清单; the
台账's status cells and the 通报's text are read back. A returned form with a wrong cell shows the cell.
档案: a run made with --archive files itself in the catalogue briefgen.toml names; the tab finds its figure, shows
the series and hands it over as a workbook that reads back the same as the table the office typed."""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from .conftest import OFFICE, Server, open_page
from .test_browser import shot

# What each unit reports (the tasks of examples/excel-office/任务.xlsx), and the status the default rule (序时进度)
# gives on 2022-09-30, worked out by hand: a 年内 task has half its time gone (07-01 .. 12-31), task 3 three quarters
# (.. 10-31), task 9 all of it (.. 09-30); 完成进度 90 is behind none of them by more than 10 points.
FILLED = {  # 序号 -> (目前进展, 完成进度, 状态, 存在问题, 佐证材料)
    "1": ("已全面复工提产", 100, "已完成", "", "复工验收报告"),
    "2": ("两个项目待落地", 30, "受阻", "用地指标未到位", ""),
}
USUAL = ("按计划推进", 90, "推进中", "", "")
SILENT = "社会事务管理办公室"  # does not return its form: its tasks (11, 12) are 未报送
EXPECTED = {"1": "已完成", "2": "滞后", "11": "未报送", "12": "未报送"}  # every other task: 正常


def drop(page, zone: str, paths: list[tuple[str, bytes]]) -> None:
    """Drop files on a drop zone as a clerk drags them from the desktop."""
    files = [{"name": name, "data": base64.b64encode(data).decode()} for name, data in paths]
    page.evaluate("""([zone, files]) => {
        const dt = new DataTransfer();
        for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.data), c => c.charCodeAt(0))], f.name));
        document.getElementById(zone).dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", [zone, files])


def download(page, selector: str, folder: Path) -> Path:
    with page.expect_download() as got:
        page.click(selector)
    target = folder / got.value.suggested_filename
    got.value.save_as(target)
    return target


def fill_form(data: bytes, rows: dict[str, tuple] | None = None) -> bytes:
    """A returned 进度表: every task's open columns typed in, as a unit does, and saved."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    heads = {ws.cell(3, c).value: c for c in range(1, ws.max_column + 1)}
    for r in range(4, ws.max_row + 1):
        ident = str(ws.cell(r, heads["序号"]).value)
        progress, percent, state, problems, evidence = (rows or {}).get(ident) or FILLED.get(ident, USUAL)
        ws.cell(r, heads["目前进展"], progress)
        ws.cell(r, heads["完成进度（%）"], percent)
        ws.cell(r, heads["状态"], state)
        ws.cell(r, heads["存在问题"], problems or None)
        ws.cell(r, heads["佐证材料"], evidence or None)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def open_track(page, period: str = "2022-09") -> None:
    page.click(".pages-nav [data-tab='track']")
    page.wait_for_selector("#tab-track:not([hidden])")
    page.fill("#track-period", period)
    page.dispatch_event("#track-period", "change")


def make_forms(page, tmp: Path) -> dict[str, bytes]:
    """Press 生成进度表 and take the zip: {file name: bytes}."""
    page.click("#track-forms-start")
    page.wait_for_selector("body[data-forms-state='done'], body[data-forms-state='failed']", timeout=120_000)
    assert page.get_attribute("body", "data-forms-state") == "done", page.inner_text("#forms-problems-box")
    got = download(page, "#forms-zip", tmp)
    assert got.name == f"进度表_{page.input_value('#track-period')}.zip"
    with zipfile.ZipFile(got) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith(".xlsx")}


def test_track_round_trip_forms_out_returned_forms_in_report_read_back(folder_server, browser_context, tmp_path):
    server, office = folder_server
    page = open_page(browser_context, server.url)
    open_track(page)
    plan = page.inner_text("#track-plan")
    assert "report.yaml" in plan and "任务.xlsx" in plan
    assert page.input_value("#track-as-of") == "2022-09-30"  # the month is over: its last day
    forms = make_forms(page, tmp_path)
    units = openpyxl.load_workbook(office / "任务.xlsx").active
    leads = {row[2] for row in units.iter_rows(min_row=3, values_only=True) if isinstance(row[0], int)}
    assert sorted(forms) == sorted(f"{u}_进度表_2022-09.xlsx" for u in leads)
    one = download(page, f"#forms-outputs a[title='{SILENT}_进度表_2022-09.xlsx']", tmp_path)  # one by one too
    assert one.read_bytes() == forms[one.name]
    shot(page, "web-track-forms")

    returned = [(name, fill_form(data)) for name, data in sorted(forms.items()) if not name.startswith(SILENT)]
    drop(page, "track-drop", returned)
    page.wait_for_function(f"document.querySelectorAll('#track-received li').length === {len(returned)}")
    assert page.inner_text("#track-received-count") == f"已收回 {len(returned)} 份"
    page.click("#track-report-start")
    page.wait_for_selector("body[data-track-state='done'], body[data-track-state='failed']", timeout=180_000)
    assert page.get_attribute("body", "data-track-state") == "done", page.inner_text("#track-problems-box")

    # the 台账: one row a task, the status in words (and a fill) in 本期状态
    ledger = openpyxl.load_workbook(download(page, "#track-outputs a[title='督办台账_2022-09.xlsx']", tmp_path)).active
    heads = {ledger.cell(2, c).value: c for c in range(1, ledger.max_column + 1)}
    status = {str(ledger.cell(r, 1).value): ledger.cell(r, heads["本期状态"]).value for r in range(3, ledger.max_row + 1)
              if ledger.cell(r, 1).value is not None}
    assert len(status) == 12
    assert status == {ident: EXPECTED.get(ident, "正常") for ident in status}
    fills: dict[str, set] = {}  # the status as a fill too: 绿 for 已完成 and 正常, 黄 for 滞后, 灰 for 未报送
    for r in range(3, 3 + len(status)):
        fills.setdefault(ledger.cell(r, heads["本期状态"]).value, set()).add(ledger.cell(r, heads["本期状态"]).fill.fgColor.rgb)
    assert all(len(f) == 1 for f in fills.values()) and "00000000" not in set().union(*fills.values())
    assert fills["已完成"] == fills["正常"] and len({*fills["正常"], *fills["滞后"], *fills["未报送"]}) == 3
    # the 通报 in Word: its issue, the unit that did not report, the late item with its problem
    circular = docx.Document(download(page, "#track-outputs a[title='督办通报_第1期_2022-09.docx']", tmp_path))
    # read as a reader sees it: without the word joiners that keep 第1期 and 2022年 on one line
    body = "".join(p.text for p in circular.paragraphs).replace("\u2060", "")
    text = body + "".join(c.text.replace("\n", "").replace("\u2060", "") for t in circular.tables for row in t.rows for c in row.cells)
    assert "第1期" in body and SILENT in text and "用地指标未到位" in text
    # the page's status line says the counts the 台账 holds
    note = page.inner_text("#track-status")
    for word in set(status.values()):
        assert f"{word} {list(status.values()).count(word)}" in note, (word, note)
    # every page of every PDF previewed, the 通报 first, then each 催办单; everything to download, and in one zip
    def pages_of(name: str) -> int:
        return int(page.inner_text(f"#track-outputs li:has(a[title='{name}']) small").split("·")[1].split("页")[0])

    circular_pages = pages_of("督办通报_第1期_2022-09.pdf")
    reminders = [a.get_attribute("title") for a in page.query_selector_all("#track-outputs a[title^='催办单_'][title$='.pdf']")]
    assert reminders and circular_pages >= 2
    titles = [h.inner_text() for h in page.query_selector_all("#track-pages .doc h3")]
    assert titles[0] == "督办通报_第1期_2022-09.pdf" and sorted(titles[1:]) == sorted(reminders)
    page.eval_on_selector_all("#track-pages img", "imgs => imgs.forEach(i => i.loading = 'eager')")
    page.wait_for_function("[...document.querySelectorAll('#track-pages img')].every(i => i.complete && i.naturalWidth > 0)")
    assert len(page.query_selector_all("#track-pages img")) == circular_pages + sum(pages_of(r) for r in reminders)
    with zipfile.ZipFile(download(page, "#track-zip", tmp_path)) as z:
        names = set(z.namelist())
    assert {"督办台账_2022-09.xlsx", "销号清单_2022-09.xlsx", "督办通报_第1期_2022-09.pdf", "督办通报_第1期_2022-09.docx"} <= names
    assert any(n.startswith("催办单_经济发展办公室") for n in names)
    shot(page, "web-track")
    # the month is kept where `briefgen track` in the folder keeps it: next month's forms carry this one's progress
    assert (office / "out" / "2022-09" / "督办台账_2022-09.xlsx").is_file()
    page.fill("#track-period", "2022-10")
    page.dispatch_event("#track-period", "change")
    october = make_forms(page, tmp_path)
    form = openpyxl.load_workbook(io.BytesIO(october["经济发展办公室_进度表_2022-10.xlsx"])).active
    heads = {form.cell(3, c).value: c for c in range(1, form.max_column + 1)}
    earlier = {str(form.cell(r, 1).value): form.cell(r, heads["上期进展"]).value for r in range(4, form.max_row + 1)}
    assert earlier["1"].startswith(FILLED["1"][0]) and earlier["2"].startswith(FILLED["2"][0])
    assert not page.errors


def test_a_wrong_cell_in_a_returned_form_is_shown_at_its_cell(folder_server, browser_context, tmp_path):
    server, office = folder_server
    page = open_page(browser_context, server.url)
    open_track(page)
    forms = make_forms(page, tmp_path)
    name = "经济发展办公室_进度表_2022-09.xlsx"
    bad = fill_form(forms[name], {"2": ("推进中", "一半", "推进中", "", "")})  # 完成进度 in words, row 5
    drop(page, "track-drop", [(name, bad)])
    page.wait_for_selector("#track-received li")
    page.click("#track-report-start")
    page.wait_for_selector("body[data-track-state='failed'], body[data-track-state='done']", timeout=120_000)
    assert page.get_attribute("body", "data-track-state") == "failed"
    problem = page.query_selector("#track-problems .problem")
    assert problem.query_selector(".where").inner_text().startswith(name)
    assert "H5" in problem.query_selector(".where").inner_text()
    assert problem.query_selector("td.mark").get_attribute("data-cell") == "H5"
    assert problem.query_selector("td.mark").inner_text() == "一半"
    assert not page.is_visible("#track-results")
    shot(page, "web-track-problem")


def test_the_plan_dropped_on_the_track_tab_is_the_pages_plan_and_makes_no_briefs(server, browser_context, tmp_path):
    page = open_page(browser_context, server.url)
    open_track(page)
    assert "还没有任务计划" in page.inner_text("#track-plan")
    drop(page, "track-plan-drop", [(p.name, p.read_bytes()) for p in (OFFICE / "report.yaml", OFFICE / "任务.xlsx")])
    page.wait_for_function("document.getElementById('track-plan').textContent.includes('任务.xlsx')")
    assert page.inner_text("#track-plan") == "督办的任务来自：report.yaml、任务.xlsx。"
    forms = make_forms(page, tmp_path)
    assert len(forms) == 7
    assert page.get_attribute("body", "data-job-state") is None  # the briefs were not made behind her back


@pytest.fixture
def archived(tmp_path, office):
    """The office folder with its catalogue named in briefgen.toml, and one run made with --archive (which files
    itself in that catalogue)."""
    with open(office / "briefgen.toml", "a", encoding="utf-8") as f:
        f.write('catalog = "档案.sqlite"\n')
    done = subprocess.run([sys.executable, "-m", "briefgen", "build", "--archive"], cwd=office,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (office / "档案.sqlite").is_file(), done.stderr
    return office


def test_archive_finds_a_figure_of_an_archived_run_and_hands_it_over_as_xlsx(archived, browser_context, tmp_path):
    server = Server(archived, tmp_path)
    try:
        page = open_page(browser_context, server.url + "#archive")
        page.wait_for_selector("body[data-archive='ready']")
        assert page.inner_text("#archive-where").startswith("档案目录 档案.sqlite：1 个归档文件夹")
        typed = openpyxl.load_workbook(archived / "指标.xlsx").active
        row = next(r for r in typed.iter_rows(values_only=True) if r[1] == "规上工业增加值")
        page.fill("#archive-q", "规上工业增加值")
        page.press("#archive-q", "Enter")
        page.wait_for_selector("body[data-archive-state='done']")
        cells = [td.inner_text() for td in page.query_selector_all("#archive-figure tr:nth-child(2) td")]
        assert cells[1:5] == ["规上工业增加值", f"{row[3]:g}", row[2], f"{row[4]:g}"]
        assert cells[5].endswith(".pdf")
        # the hits: the passage with the query marked, and the page it is on
        hit = page.query_selector("#archive-hits li")
        assert hit.query_selector("mark").inner_text() == "规上工业增加值"
        page.wait_for_function("[...document.querySelectorAll('#archive-hits img')].every(i => i.complete && i.naturalWidth > 0)")
        assert page.query_selector_all("#archive-hits img")
        book = openpyxl.load_workbook(download(page, "#archive-xlsx", tmp_path)).active
        header = [c.value for c in book[1]]
        assert header == [th.inner_text() for th in page.query_selector_all("#archive-figure th")]
        values = [c.value for c in book[2]]
        assert values[1:5] == ["规上工业增加值", row[3], row[2], row[4]] and isinstance(values[2], float)
        assert book.max_row == 2  # one archived run, one period
        shot(page, "web-archive")
        assert not page.errors
    finally:
        server.stop()


def test_archive_without_a_catalogue_says_what_to_do_in_the_page_language(office, chromium, tmp_path):
    with open(office / "briefgen.toml", "a", encoding="utf-8") as f:
        f.write('catalog = "无此目录.sqlite"\n')
    server = Server(office, tmp_path)
    try:
        for locale, words in (("zh-CN", ("还没有档案目录", "勾选“归档级”", "briefgen catalog add")),
                              ("en-US", ("No archive catalogue", "tick “Archive grade”", "briefgen catalog add"))):
            context = chromium.new_context(locale=locale)
            try:
                page = open_page(context, server.url)
                page.click(".pages-nav [data-tab='archive']")
                page.wait_for_selector("body[data-archive='none']")
                line = page.inner_text("#archive-where")
                assert "\n" not in line.strip() and all(w in line for w in words), line
                assert not page.is_visible("#archive-form")
                assert page.inner_text(".pages-nav [data-tab='archive']") == ("档案" if locale == "zh-CN" else "Archive")
            finally:
                context.close()
        # she does what the line says, with the page open: the tab finds the catalogue when she comes back to it
        context = chromium.new_context(locale="zh-CN")
        try:
            page = open_page(context, server.url + "#archive")
            page.wait_for_selector("body[data-archive='none']")
            done = subprocess.run([sys.executable, "-m", "briefgen", "build", "--archive"], cwd=office, capture_output=True,
                                  text=True, timeout=300)
            assert done.returncode == 0, done.stderr
            page.click(".pages-nav [data-tab='brief']")
            page.click(".pages-nav [data-tab='archive']")
            page.wait_for_selector("body[data-archive='ready']")
            assert page.is_visible("#archive-form") and "无此目录.sqlite" in page.inner_text("#archive-where")
        finally:
            context.close()
    finally:
        server.stop()


def test_archive_shows_each_task_status_history_in_its_ledger_colours(browser_context, tmp_path):
    """Two months of 督办 filed in the catalogue briefgen.toml names: searching a lead unit shows each of its tasks'
    statuses period by period, every status cell the word and the colour of that period's 台账."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "track"))
    import fixture_plan as F

    folder = tmp_path / "督办"
    folder.mkdir()
    F.write_data(folder / "plan.yaml")
    F.write_progress(folder / "进展.xlsx")
    (folder / "briefgen.toml").write_text('catalog = "档案.sqlite"\n', "utf-8")
    for as_of in ("2022-09-30", "2022-11-30"):
        done = subprocess.run([sys.executable, "-m", "briefgen", "track", "report", "plan.yaml", "--progress", "进展.xlsx",
                               "--as-of", as_of, "--out", "督办", "-f", "pdf"], cwd=folder, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
    ledgers = {}
    for period in ("2022-09", "2022-11"):
        ws = openpyxl.load_workbook(folder / "督办" / period / f"督办台账_{period}.xlsx")["台账"]
        heads = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
        col = heads.index("本期状态") + 1
        for r in range(3, ws.max_row + 1):
            if ws.cell(r, 1).value is not None and ws.cell(r, heads.index("牵头单位") + 1).value == "党政办公室":
                fill = ws.cell(r, col).fill.fgColor.rgb[-6:]
                ledgers[(str(ws.cell(r, 1).value), period)] = (ws.cell(r, col).value, fill)
    assert len(ledgers) == 2 * 29
    server = Server(folder, tmp_path)
    try:
        page = open_page(browser_context, server.url + "#archive")
        page.wait_for_selector("body[data-archive='ready']")
        page.fill("#archive-q", "党政办公室")
        page.press("#archive-q", "Enter")
        page.wait_for_selector("body[data-archive-state='done']")
        assert page.is_visible("#archive-statuses")
        assert page.inner_text("#archive-statuses-title") == "督办情况：“党政办公室”牵头的 29 项任务各期状态"
        rows = page.eval_on_selector_all("#archive-statuses tr", """rows => rows.slice(1).map(r => [...r.cells].map(
            c => [c.innerText, getComputedStyle(c).backgroundColor]))""")
        assert len(rows) == len(ledgers)
        for cells in rows:
            item, period = cells[0][0], cells[3][0][:7]
            word, fill = ledgers[(item, period)]
            assert cells[4][0] == word, (item, period)
            r, g, b = (int(fill[i:i + 2], 16) for i in (0, 2, 4))
            assert cells[4][1] == f"rgb({r}, {g}, {b})", (item, period, fill)
            assert cells[3][0].endswith("（第1期）" if period == "2022-09" else "（第2期）")
        shot(page, "web-archive-track")
        assert not page.errors
    finally:
        server.stop()


def test_the_rules_thresholds_are_set_on_the_page_for_one_circular(folder_server, browser_context, tmp_path):
    """The 督办 tab shows the chosen rule's thresholds as briefgen.toml sets them; a changed one judges the next 通报
    (the 台账 and the 通报's 判定规则 sentence read back), leaves briefgen.toml as it was, and a value out of range
    is one line naming the threshold and its range."""
    server, office = folder_server
    toml_before = (office / "briefgen.toml").read_bytes()
    page = open_page(browser_context, server.url)
    open_track(page)
    forms = make_forms(page, tmp_path)
    behind = {"3": ("按计划推进", 50, "推进中", "", "")}  # task 3: 74.6 % of its time gone, 50 % done: 24.6 points behind
    returned = [(name, fill_form(data, behind)) for name, data in sorted(forms.items())]
    drop(page, "track-drop", returned)
    page.wait_for_function(f"document.querySelectorAll('#track-received li').length === {len(returned)}")
    assert page.input_value("#track-rule") == "序时进度"
    field = "#track-thresholds input[data-threshold='behind_points']"
    assert page.is_visible(field) and page.input_value(field) == "10"
    assert "落后序时进度超过（个百分点）为黄" in page.inner_text("#track-thresholds")

    def report() -> str:
        page.click("#track-report-start")
        page.wait_for_selector("body[data-track-state='done'], body[data-track-state='failed']", timeout=180_000)
        return page.get_attribute("body", "data-track-state")

    def status_of(ident: str) -> str:
        ledger = openpyxl.load_workbook(download(page, "#track-outputs a[title='督办台账_2022-09.xlsx']", tmp_path)).active
        heads = {ledger.cell(2, c).value: c for c in range(1, ledger.max_column + 1)}
        return next(ledger.cell(r, heads["本期状态"]).value for r in range(3, ledger.max_row + 1)
                    if str(ledger.cell(r, 1).value) == ident)

    assert report() == "done"
    assert status_of("3") == "滞后"
    page.fill(field, "30")
    page.dispatch_event(field, "change")
    assert report() == "done"
    assert status_of("3") == "正常"
    circular = docx.Document(download(page, "#track-outputs a[title='督办通报_第1期_2022-09.docx']", tmp_path))
    body = "".join(p.text for p in circular.paragraphs).replace("\u2060", "")
    assert "超过30个百分点" in body and "超过10个百分点" not in body
    assert (office / "briefgen.toml").read_bytes() == toml_before

    page.fill(field, "150")
    page.dispatch_event(field, "change")
    assert report() == "failed"
    problem = page.inner_text("#track-problems-box")
    assert "阈值“落后序时进度超过（个百分点）为黄”（behind_points）填了 150：请在“督办”页填 0 到 100 之间的数" in problem and "Traceback" not in problem

    page.select_option("#track-rule", "蓝黄红")
    names = [i.get_attribute("data-threshold") for i in page.query_selector_all("#track-thresholds input")]
    assert names == ["behind_points", "near_days"]
    assert page.input_value("#track-thresholds input[data-threshold='behind_points']") == "150"  # what she typed stays
    assert page.input_value("#track-thresholds input[data-threshold='near_days']") == "15"
    shot(page, "web-track-thresholds")
    assert not page.errors


def test_a_clerk_archives_on_the_page_and_finds_it_on_the_archive_tab(office, browser_context, tmp_path, monkeypatch):
    """No briefgen.toml catalogue: a run made on the page with 归档级 ticked is filed in the catalogue the 档案 tab
    reads (the user's own), said on the page; the tab then finds its figure. Nothing is filed without the tick."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    catalogue = tmp_path / "data" / "briefgen" / "catalog.sqlite"
    server = Server(office, tmp_path)
    try:
        page = open_page(browser_context, server.url)
        page.click("#start")
        page.wait_for_selector("body[data-job-state='done']", timeout=120_000)
        assert not catalogue.exists()  # a run without 归档级 files nothing
        page.check("#archive")
        page.click("#start")
        page.wait_for_function("document.querySelector('#warnings').innerText.includes('已归入档案目录')", timeout=180_000)
        note = page.inner_text("#warnings")
        assert str(catalogue) in note and "可在“档案”页查到" in note
        assert catalogue.is_file()
        # kept where `briefgen build --archive` in the folder keeps it: the folder's out/, checksummed
        manifest = json.loads((office / "out" / "manifest.json").read_text("utf-8"))
        assert all(e.get("archive") for n, e in manifest["files"].items() if n.endswith(".pdf"))
        page.click(".pages-nav [data-tab='archive']")
        page.wait_for_selector("body[data-archive='ready']")
        page.fill("#archive-q", "规上工业增加值")
        page.press("#archive-q", "Enter")
        page.wait_for_selector("body[data-archive-state='done']")
        typed = openpyxl.load_workbook(office / "指标.xlsx").active
        row = next(r for r in typed.iter_rows(values_only=True) if r[1] == "规上工业增加值")
        cells = [td.inner_text() for td in page.query_selector_all("#archive-figure tr:nth-child(2) td")]
        assert cells[1:3] == ["规上工业增加值", f"{row[3]:g}"]
        assert not page.errors
    finally:
        server.stop()


def test_without_a_folder_an_archived_run_is_kept_beside_the_catalogue_and_found(office, browser_context, tmp_path,
                                                                                   monkeypatch):
    """The page opened on no folder (a double-click): an archived run's files live in the session, which goes; the
    run is kept beside the catalogue first, so the 档案 tab and `catalog check` still find it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    shelf = tmp_path / "data" / "briefgen" / "归档"
    server = Server(None, tmp_path)
    try:
        page = open_page(browser_context, server.url)
        drop(page, "drop", [(name, (office / name).read_bytes()) for name in ("report.yaml", "任务.xlsx", "指标.xlsx")])
        page.wait_for_function("document.querySelectorAll('#files tbody tr').length >= 3")
        page.check("#archive")
        page.click("#start")
        page.wait_for_function("document.querySelector('#warnings').innerText.includes('已归入档案目录')", timeout=180_000)
        [kept] = list(shelf.iterdir())
        assert kept.name.endswith("-build") and (kept / "manifest.json").is_file()
        names = sorted(p.name for p in kept.iterdir())
        assert [n for n in names if n.endswith(".pdf")] and str(kept) in page.inner_text("#warnings")
    finally:
        server.stop()
    checked = subprocess.run([sys.executable, "-m", "briefgen", "--lang", "en", "catalog", "check"], capture_output=True,
                             text=True, timeout=120, env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")})
    assert checked.returncode == 0 and "ok:" in checked.stdout, checked.stdout + checked.stderr
