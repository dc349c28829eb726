"""briefgen catalog: three archived years added, then found again as a clerk would look for them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from briefgen import catalog
from briefgen.cli import main

from catalog_years import EN, YEARS, archives, copies, db, page_text, run, year_data  # noqa: F401  (fixtures)


def test_add_says_what_it_indexed_from_the_documents_and_the_data(archives, tmp_path):
    path = tmp_path / "c.sqlite"
    done = run("catalog", "add", archives[2021], archives[2022], "--db", path)
    assert done.exit_code == 0, done.output
    data = year_data(2021)
    tasks = sum(len(s["tasks"]) for s in data["plan"]["sections"])
    pdfs = sorted(archives[2021].glob("*.pdf"))
    pages = sum(len(pdfium.PdfDocument(p)) for p in pdfs)
    assert f"added {archives[2021].resolve()}: {len(pdfs)} documents, {pages} pages" in done.output
    assert f"{tasks} tasks" in done.output
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2 * len(pdfs)


def test_search_three_characters_and_more_finds_each_years_own_task_on_its_page(db, archives):
    for year, (_name, _value, _yoy, task) in YEARS.items():
        done = run("catalog", "search", task, "--db", db)
        assert done.exit_code == 0, done.output
        lines = done.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{year} "), done.output
        assert f"【{task}】" in lines[0]
        # the page the result names holds the task in the PDF itself
        name, page = lines[0].split(" ", 1)[1].split(" p.")
        assert task in page_text(Path(name), int(page.split(":")[0]))


@pytest.mark.parametrize("query", ["镇", "停", "工业", "跨境", "31"])
def test_one_and_two_character_queries_find_every_page_that_holds_them(db, query):
    con = catalog.open(db)
    everything = {i for i, text in con.execute("SELECT id, text FROM pages") if query.lower() in text.lower()}
    assert everything, query
    assert catalog.search_ids(con, query) == everything
    hits, more = catalog.search(con, query, limit=1000)
    assert len(hits) == len(everything) and not more
    assert all(query in h.snippet for h in hits)


def test_filters_by_year_kind_period_and_issuer(db):
    con = catalog.open(db)
    all_hits, _ = catalog.search(con, "工业", limit=1000)
    assert {h.year for h in all_hits} == set(YEARS)
    only, _ = catalog.search(con, "工业", year=2023, kind="summary", limit=1000)
    assert only and {(h.year, h.kind) for h in only} == {(2023, "summary")}
    assert {h.year for h in catalog.search(con, "工业", period="2022年1—6月", limit=1000)[0]} == {2022}
    assert catalog.search(con, "工业", issuer="白沙街道")[0] == []
    assert run("catalog", "search", "没有这句话的档案", "--db", db).exit_code == 1


def test_a_phrase_broken_over_two_lines_of_the_pdf_is_found(db):
    """Task details wrap in the table: a phrase across the wrap is still one phrase in the catalogue."""
    detail = year_data(2022)["plan"]["sections"][0]["tasks"][1]["detail"]
    con = catalog.open(db)
    for start in range(0, len(detail) - 12, 7):
        phrase = detail[start:start + 12]
        if any(not ch.isalnum() for ch in phrase):
            continue
        hits, _ = catalog.search(con, phrase, year=2022)
        assert hits, phrase


def test_figure_merges_the_name_variants_and_matches_the_data(db, tmp_path):
    done = run("catalog", "figure", "规上工业增加值", "--db", db, "--out", tmp_path / "f.xlsx")
    assert done.exit_code == 0, done.output
    assert "merged names: 规上工业增加值、规模以上工业增加值" in done.output
    rows = [ln.split() for ln in done.output.splitlines() if ln[:4].isdigit()]
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        (f"{y}年1—6月", YEARS[y][0], YEARS[y][1], YEARS[y][2]) for y in sorted(YEARS)]
    book = load_workbook(tmp_path / "f.xlsx")
    sheet = book.active
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [v[2] for v in values] == [float(YEARS[y][1]) for y in sorted(YEARS)]
    assert [v[4] for v in values] == [float(YEARS[y][2]) for y in sorted(YEARS)]
    # each row names the document and page that shows the figure: the PDF page holds name and value
    con = catalog.open(db)
    series, names = catalog.figure(con, "规模以上工业增加值")
    assert names[0] == "规模以上工业增加值" and len(series) == 3
    for f in series:
        path = Path(con.execute("SELECT f.path FROM documents d JOIN folders f ON f.id = d.folder_id WHERE d.name = ?",
                                (f.document,)).fetchone()[0]) / f.document
        text = page_text(path, f.page)
        assert f.name in text and f.value in text


def test_figure_as_csv_and_a_second_indicator(db, tmp_path):
    out = tmp_path / "s.csv"
    done = run("catalog", "figure", "规上服务业增加值", "--db", db, "--out", out)
    assert done.exit_code == 0, done.output
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("period,indicator,value")
    assert [ln.split(",")[2] for ln in lines[1:]] == ["1.1", "1.2", "1.3"]
    assert "merged" not in done.output
    assert run("catalog", "figure", "不存在的指标", "--db", db).exit_code == 1


def test_tasks_of_a_unit_across_the_years(db, tmp_path):
    done = run("catalog", "tasks", "--lead", "经济发展办公室", "--db", db, "--out", tmp_path / "t.xlsx")
    assert done.exit_code == 0, done.output
    led = [t for s in year_data(2022)["plan"]["sections"] for t in s["tasks"] if t["lead"] == "经济发展办公室"]
    rows = [ln for ln in done.output.splitlines() if ln[:4].isdigit()]
    assert len(rows) == 3 * len(led)
    assert [r[:4] for r in rows] == [str(y) for y in sorted(YEARS) for _ in led]
    for year, (_n, _v, _y, task) in YEARS.items():
        assert any(task in r and r.startswith(str(year)) for r in rows)
    sheet = load_workbook(tmp_path / "t.xlsx").active
    assert sheet.max_row == 1 + len(rows)


def test_adding_again_changes_nothing_and_a_new_manifest_is_read_again(copies, tmp_path):
    path = tmp_path / "c.sqlite"
    assert run("catalog", "add", *copies.values(), "--db", path).exit_code == 0
    con = sqlite3.connect(path)

    def counts():
        return [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("folders", "documents", "pages", "figures", "tasks")]

    before = counts()
    again = run("catalog", "add", *copies.values(), "--db", path)
    assert again.exit_code == 0 and again.output.count("unchanged") == 3, again.output
    assert counts() == before
    manifest = copies[2022] / "manifest.json"
    manifest.write_text(json.dumps(json.loads(manifest.read_text("utf-8")), ensure_ascii=False, indent=2), encoding="utf-8")
    updated = run("catalog", "add", copies[2022], "--db", path)
    assert "updated" in updated.output
    assert counts() == before
    c = catalog.open(path)
    assert len(catalog.figure(c, "规上工业增加值")[0]) == 3
    assert len(catalog.search(c, YEARS[2022][3])[0]) == 1


def test_check_finds_a_changed_and_a_deleted_file(copies, tmp_path):
    path = tmp_path / "c.sqlite"
    assert run("catalog", "add", *copies.values(), "--db", path).exit_code == 0
    ok = run("catalog", "check", "--db", path)
    assert ok.exit_code == 0 and "ok: 6 documents in 3 folders" in ok.output, ok.output
    changed, gone = sorted(copies[2021].glob("*.pdf"))[0], sorted(copies[2023].glob("*.pdf"))[1]
    with changed.open("ab") as fh:
        fh.write(b"%")
    gone.unlink()
    bad = run("catalog", "check", "--db", path)
    assert bad.exit_code == 1
    assert f"changed: {changed.resolve()}" in bad.output and f"gone: {gone.resolve()}" in bad.output
    assert "4 ok, 1 gone, 1 changed" in bad.output


def test_a_changed_file_is_not_indexed_and_a_missing_data_file_leaves_the_text(copies, tmp_path):
    pdf = sorted(copies[2021].glob("*.pdf"))[0]
    with pdf.open("ab") as fh:
        fh.write(b"%")
    (tmp_path / "qianjiang-2023-h1.yaml").unlink()
    manifest = json.loads((copies[2023] / "manifest.json").read_text("utf-8"))
    manifest["inputs"] = {str(tmp_path / "qianjiang-2023-h1.yaml") if v["role"] == "data" else k: v
                          for k, v in manifest["inputs"].items()}
    (copies[2023] / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    done = run("catalog", "add", copies[2021], copies[2023], "--db", tmp_path / "c.sqlite")
    assert done.exit_code == 0, done.output
    assert f"{pdf.resolve().name}: changed since it was archived" in done.output
    assert "qianjiang-2023-h1.yaml is gone or changed" in done.output
    con = catalog.open(tmp_path / "c.sqlite")
    assert catalog.search(con, YEARS[2023][3])[0]  # the text is there
    assert [f.year for f in catalog.figure(con, "规上工业增加值")[0]] == [2021]


def test_a_manifest_naming_a_file_outside_its_folder_is_refused_and_nothing_is_written(copies, tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(sorted(copies[2022].glob("*.pdf"))[0].read_bytes())
    manifest = json.loads((copies[2022] / "manifest.json").read_text("utf-8"))
    manifest["files"]["../secret.pdf"] = next(iter(manifest["files"].values()))
    (copies[2022] / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "c.sqlite"
    done = run("catalog", "add", copies[2021], copies[2022], "--db", db)
    assert done.exit_code == 2
    assert "'../secret.pdf', which is not a file inside the folder" in done.output
    assert str(copies[2022] / "manifest.json") in done.output
    assert not db.exists()


def test_a_link_inside_the_folder_is_refused(copies, tmp_path):
    target = sorted(copies[2022].glob("*.pdf"))[0]
    moved = tmp_path / "elsewhere.pdf"
    target.rename(moved)
    target.symlink_to(moved)
    done = run("catalog", "add", copies[2022], "--db", tmp_path / "c.sqlite")
    assert done.exit_code == 2 and "not a regular file" in done.output, done.output


def test_a_catalogue_of_a_newer_briefgen_or_another_sqlite_file_is_refused(tmp_path, archives):
    newer = tmp_path / "newer.sqlite"
    catalog.open(newer).close()
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version={catalog.VERSION + 1}")
    con.close()
    done = run("catalog", "search", "工业", "--db", newer)
    assert done.exit_code == 2 and "newer than this briefgen knows" in done.output
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.close()
    done = run("catalog", "add", archives[2022], "--db", other)
    assert done.exit_code == 2 and "not a briefgen catalogue" in done.output
    assert run("catalog", "search", "工业", "--db", tmp_path / "none.sqlite").exit_code == 2


def test_the_catalogue_setting_and_the_default_place(tmp_path, archives, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefgen.toml").write_text('catalog = "档案/目录.sqlite"\n', encoding="utf-8")
    done = run("catalog", "add", archives[2022])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "档案" / "目录.sqlite").is_file()
    (tmp_path / "briefgen.toml").unlink()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert run("catalog", "add", archives[2022]).exit_code == 0
    assert (tmp_path / "data" / "briefgen" / "catalog.sqlite").is_file()


def test_chinese_output(db):
    zh = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    done = CliRunner().invoke(main, ["catalog", "figure", "规上工业增加值", "--db", str(db)], env=zh)
    assert done.exit_code == 0 and "时期" in done.output and "合并了这些名称" in done.output, done.output


@pytest.mark.parametrize("query", ["工", "工业", "增加值", "，", "y", "k", "推进智慧停车场改造", "，确保", "1—6月"])
def test_filtered_searches_give_what_a_scan_of_the_filtered_pages_gives(db, query):
    """--year and --kind are tokens of the gram index (an FTS5 intersection): the same pages as a plain scan."""
    con = catalog.open(db)
    for year in (None, 2021, 2022, 2023):
        for kind in (None, "summary", "tasks"):
            scan = {(folder, name, page) for folder, name, page, text, y, k in con.execute(
                "SELECT f.path, d.name, p.page, p.text, r.year, d.kind FROM pages p JOIN documents d ON d.id = p.document_id "
                "JOIN folders f ON f.id = d.folder_id LEFT JOIN reports r ON r.id = d.report_id")
                if query.lower() in text.lower() and year in (None, y) and kind in (None, k)}
            hits, more = catalog.search(con, query, year=year, kind=kind, limit=10_000)
            assert {(h.folder, h.name, h.page) for h in hits} == scan, (query, year, kind)
            assert not more


def test_a_word_files_joined_figures_and_names_are_found_as_written(tmp_path):
    """A DOCX keeps 2022年 and 经济发展办公室 on one line with invisible word joiners: the catalogue finds them as a
    clerk types them."""
    from catalog_years import SAMPLE

    out = tmp_path / "docx"
    assert run("build", SAMPLE, "-f", "docx", "--out", out).exit_code == 0
    from docx import Document

    written = "".join(c.text for p in out.glob("*.docx") for t in Document(str(p)).tables for r in t.rows for c in r.cells)
    assert "\u2060" in written  # the joiners are there: what is tested is finding past them
    db = tmp_path / "c.sqlite"
    assert run("catalog", "add", out, "--db", db).exit_code == 0
    con = catalog.open(db)
    for query, document in (("经济发展办公室", "重点工作任务分解表"), ("2022年7月29日", "主要经济指标完成情况")):
        hits, _ = catalog.search(con, query)
        assert any(document in h.name for h in hits), (query, hits)
