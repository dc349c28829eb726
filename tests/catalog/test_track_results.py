"""The catalogue files the 督办 results: two periods of `briefgen track report` added, then each task's status history
read back against the periods' 台账 workbooks, the page named checked in the 通报's PDF, the 通报's text found."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from briefgen.catalog.index import TRACK_RESULT
from briefgen.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "track"))
import fixture_plan as F  # noqa: E402
from catalog_years import page_text  # noqa: E402

PERIODS = {"2022-09": "2022-09-30", "2022-11": "2022-11-30"}


def run(*args, cwd: Path, lang: str = "en"):
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["--lang", lang, *[str(a) for a in args]], catch_exceptions=False)
    finally:
        os.chdir(here)


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Path:
    """The fixture plan followed up for two periods (the same consolidated progress table, two as-of dates)."""
    folder = tmp_path_factory.mktemp("track-office")
    F.write_data(folder / "plan.yaml")
    F.write_progress(folder / "进展.xlsx")
    for period, as_of in PERIODS.items():
        done = run("track", "report", "plan.yaml", "--progress", "进展.xlsx", "--as-of", as_of, "--out", "督办", "-f", "pdf",
                   cwd=folder)
        assert done.exit_code == 0, done.output
    return folder


@pytest.fixture(scope="module")
def added(office) -> Path:
    done = run("catalog", "add", *(f"督办/{p}" for p in PERIODS), "--db", "c.sqlite", cwd=office)
    assert done.exit_code == 0, done.output
    assert "督办 2022-09 (第1期): 116 task statuses" in done.output
    assert "督办 2022-11 (第2期): 116 task statuses" in done.output
    return office / "c.sqlite"


def ledger(office: Path, period: str) -> dict[str, dict]:
    ws = load_workbook(office / "督办" / period / f"督办台账_{period}.xlsx")["台账"]
    heads = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    rows = [dict(zip(heads, (ws.cell(r, c).value for c in range(1, ws.max_column + 1)))) for r in range(3, ws.max_row + 1)]
    return {str(r["序号"]): r for r in rows}



def history_lines(output: str) -> list[list[str]]:
    lines = output.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("no.  task"))
    return [ln.split() for ln in lines[start + 1:] if ln.strip()]


def test_each_task_status_history_matches_the_ledgers(office, added):
    unit = F.UNITS[0]
    done = run("catalog", "tasks", "--lead", unit, "--db", added, cwd=office)
    assert done.exit_code == 0, done.output
    rows = history_lines(done.output)
    mine = [t for t in F.tasks() if t[2] == unit]
    assert len(rows) == 2 * len(mine)  # each task, each period
    ledgers = {p: ledger(office, p) for p in PERIODS}
    seen = set()
    for row in rows:
        item, title, lead, period, status = row[:5]
        want = ledgers[period][item]
        assert (title, lead, status) == (want["工作任务"], unit, want["本期状态"]), row
        percent = want["完成进度"]  # "60%", or "—" with no 完成进度 reported
        assert row[5] == percent.rstrip("%"), row
        document, page = row[6], int(row[7])
        assert document == f"督办通报_第{1 if period == '2022-09' else 2}期_{period}.pdf"
        assert title in re.sub(r"\s+", "", page_text(office / "督办" / period / document, page))
        seen.add((item, period))
    assert seen == {(t[0], p) for t in mine for p in PERIODS}
    # periods oldest first within a task, tasks in item order
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=int)
    assert all(rows[i][3] < rows[i + 1][3] for i in range(0, len(rows), 2))


def test_one_task_by_a_part_of_its_title_and_the_short_lead(office, added):
    title = next(t[3] for t in F.tasks() if t[0] == "3")
    done = run("catalog", "tasks", "--lead", "经济发展", "--task", title, "--db", added, cwd=office, lang="zh")
    assert done.exit_code == 0, done.output
    rows = history_lines(done.output.replace("序号  任务", "no.  task"))
    assert [(r[0], r[3], r[4]) for r in rows] == [("3", "2022-09", ledger(office, "2022-09")["3"]["本期状态"]),
                                                  ("3", "2022-11", ledger(office, "2022-11")["3"]["本期状态"])]
    assert rows[0][4] != rows[1][4]  # 正常 in September, 滞后 in November (kind 3 by hand)
    assert title in done.output.split("序号")[0]  # the plan's task itself is listed above its history


def test_the_history_as_a_workbook_and_as_csv(office, added, tmp_path):
    done = run("catalog", "tasks", "--lead", F.UNITS[1], "--out", tmp_path / "t.xlsx", "--db", added, cwd=office)
    assert done.exit_code == 0, done.output
    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["tasks", "督办"]
    ws = wb["督办"]
    assert [c.value for c in ws[1]] == ["no.", "task", "lead", "period", "status", "done %", "document", "page"]
    got = {(str(r[0]), r[3]): (r[4], r[5]) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(got) == 2 * 29
    for period in PERIODS:
        for item, row in ledger(office, period).items():
            if row["牵头单位"] == F.UNITS[1]:
                percent = None if row["完成进度"] == "—" else float(row["完成进度"].rstrip("%"))
                assert got[(item, period)] == (row["本期状态"], percent)
    done = run("catalog", "tasks", "--lead", F.UNITS[1], "--out", tmp_path / "t.csv", "--db", added, cwd=office)
    assert done.exit_code == 0, done.output
    assert (tmp_path / "t_督办.csv").read_text("utf-8-sig").count("\n") == 1 + 2 * 29


def test_the_circulars_text_is_found(office, added):
    done = run("catalog", "search", "滞后和逾期事项", "--kind", "track-circular", "--db", added, cwd=office)
    assert done.exit_code == 0, done.output
    names = {ln.split()[1].split("/")[-1] for ln in done.output.splitlines() if ln.startswith("2022 ")}
    assert names == {"督办通报_第1期_2022-09.pdf", "督办通报_第2期_2022-11.pdf"}
    late = ledger(office, "2022-11")
    n = sum(1 for r in late.values() if r["本期状态"] in ("滞后", "逾期"))
    done = run("catalog", "search", f"共有{n}项工作滞后", "--db", added, cwd=office)
    assert done.exit_code == 0 and "督办通报_第2期_2022-11.pdf" in done.output and "第1期" not in done.output, done.output
    done = run("catalog", "search", "挂", "--kind", "track-reminder", "--db", added, cwd=office)  # a 1-character query
    assert done.exit_code in (0, 1)


def test_re_adding_is_idempotent_and_a_damaged_result_is_a_warning(office, added, tmp_path):
    import shutil

    done = run("catalog", "add", "督办/2022-09", "--db", added, cwd=office)
    assert "unchanged" in done.output
    con = sqlite3.connect(added)
    assert con.execute("SELECT count(*) FROM statuses").fetchone()[0] == 2 * 116
    copy = tmp_path / "copy"
    shutil.copytree(office / "督办" / "2022-09", copy)
    (copy / TRACK_RESULT).write_text("{}", "utf-8")
    done = run("catalog", "add", copy, "--db", tmp_path / "d.sqlite", cwd=office)
    assert done.exit_code == 0, done.output
    assert "督办结果.json: changed since it was archived" in done.output and "task statuses" not in done.output


def test_a_track_report_files_itself_when_briefgen_toml_names_a_catalogue(tmp_path):
    F.write_data(tmp_path / "plan.yaml")
    F.write_progress(tmp_path / "进展.xlsx")
    (tmp_path / "briefgen.toml").write_text('catalog = "档案.sqlite"\n', "utf-8")
    done = run("track", "report", "plan.yaml", "--progress", "进展.xlsx", "--as-of", "2022-09-30", "--out", "督办", "-f", "pdf",
               cwd=tmp_path)
    assert done.exit_code == 0, done.output
    assert f"is in the catalogue {tmp_path / '档案.sqlite'}" in done.output
    done = run("catalog", "tasks", "--lead", "党政办公室", cwd=tmp_path)
    assert done.exit_code == 0, done.output
    assert len(history_lines(done.output)) == 29


def test_a_version_1_catalogue_is_migrated_and_keeps_its_entries(office, tmp_path):
    from briefgen import catalog
    from briefgen.catalog.store import MIGRATIONS

    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            con.execute(statement)
    con.execute("INSERT INTO folders(path, manifest_sha256, added) VALUES ('/a', 'x', '2022-01-01')")
    con.execute("PRAGMA user_version=1")
    con.commit()
    con.close()
    done = run("catalog", "add", "督办/2022-09", "--db", path, cwd=office)
    assert done.exit_code == 0, done.output
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == catalog.VERSION == 2
    assert con.execute("SELECT count(*) FROM folders").fetchone()[0] == 2
    assert con.execute("SELECT count(DISTINCT item) FROM statuses").fetchone()[0] == 116


def test_a_docx_only_circular_is_named_without_a_page(tmp_path):
    F.write_data(tmp_path / "plan.yaml")
    F.write_progress(tmp_path / "进展.xlsx")
    done = run("track", "report", "plan.yaml", "--progress", "进展.xlsx", "--as-of", "2022-09-30", "--out", "督办", "-f", "docx",
               cwd=tmp_path)
    assert done.exit_code == 0, done.output
    done = run("catalog", "add", "督办/2022-09", "--db", "c.sqlite", cwd=tmp_path)
    assert done.exit_code == 0, done.output
    done = run("catalog", "tasks", "--lead", "党政办公室", "--db", "c.sqlite", cwd=tmp_path)
    rows = history_lines(done.output)
    assert len(rows) == 29 and {(r[-2], r[-1]) for r in rows} == {("督办通报_第1期_2022-09.docx", "—")}


def test_check_re_hashes_each_filed_result_and_its_manifest(office, tmp_path):
    """`catalog check` finds a 督办结果.json changed after it was filed (its statuses no longer what the catalogue
    says), and a manifest changed since, as it finds a changed PDF."""
    import json
    import shutil

    copy = tmp_path / "督办" / "2022-09"
    shutil.copytree(office / "督办" / "2022-09", copy)
    db = tmp_path / "c.sqlite"
    assert run("catalog", "add", copy, "--db", db, cwd=tmp_path).exit_code == 0
    ok = run("catalog", "check", "--db", db, cwd=tmp_path)
    documents = len([p for p in copy.iterdir() if p.suffix in (".pdf", ".docx")])
    assert ok.exit_code == 0 and f"ok: {documents + 1} documents in 1 folders" in ok.output, ok.output

    result = copy / TRACK_RESULT
    kept = json.loads(result.read_text("utf-8"))
    first = next(iter(kept["tasks"].values()))
    first["status"] = "已完成"  # someone "improves" a status after the 通报 went out
    result.write_text(json.dumps(kept, ensure_ascii=False), "utf-8")
    bad = run("catalog", "check", "--db", db, cwd=tmp_path)
    assert bad.exit_code == 1, bad.output
    assert f"changed: {result}" in bad.output and f"{documents} ok, 0 gone, 1 changed" in bad.output

    (copy / "manifest.json").write_text((copy / "manifest.json").read_text("utf-8") + " ", "utf-8")
    bad = run("catalog", "check", "--db", db, cwd=tmp_path)
    assert f"changed: {copy / 'manifest.json'}" in bad.output and "1 changed" in bad.output
    result.unlink()
    (copy / "manifest.json").unlink()
    gone = run("catalog", "check", "--db", db, cwd=tmp_path)
    assert f"gone: {copy / 'manifest.json'}" in gone.output and gone.exit_code == 1
