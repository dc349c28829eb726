"""The catalogue file under concurrent use: two processes adding while a third searches."""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
import time
from pathlib import Path

from briefgen import catalog

from catalog_years import YEARS, archives  # noqa: F401  (a fixture)


def _adder(db: str, folders: list[str]) -> list[str]:
    statuses = []
    for folder in folders:
        con = catalog.open(Path(db))
        try:
            statuses += [a.status for a in catalog.add(con, [Path(folder)])]
        finally:
            con.close()
    return statuses


def _searcher(db: str, stop_after: float) -> tuple[int, list[str]]:
    """Search until told to stop; each time, every document it can see must be there whole (all its pages)."""
    problems, searches = [], 0
    con = catalog.open(Path(db))
    end = time.monotonic() + stop_after
    while time.monotonic() < end:
        for query in ("工业", "镇", YEARS[2023][3]):
            hits, _ = catalog.search(con, query, limit=50)
            searches += 1
            if query == YEARS[2023][3] and any(YEARS[2023][3] not in h.snippet for h in hits):
                problems.append("a snippet without the query")
        con.execute("BEGIN")  # one snapshot for the check
        torn = con.execute("SELECT d.name, d.pages, count(p.id) FROM documents d LEFT JOIN pages p ON p.document_id = d.id "
                           "GROUP BY d.id HAVING d.pages != count(p.id)").fetchall()
        indexed = con.execute("SELECT count(*) FROM text_tri WHERE text_tri MATCH '\"增加值\"'").fetchone()[0]
        stored = con.execute("SELECT count(*) FROM pages WHERE instr(text, '增加值') > 0").fetchone()[0]
        con.execute("COMMIT")
        if torn:
            problems.append(f"documents seen half-added: {torn}")
        if indexed != stored:
            problems.append(f"index and pages disagree: {indexed} != {stored}")
    return searches, problems


def _plain_sigterm() -> None:
    """A pool worker ends on SIGTERM (Pool.terminate) as a process does by default: forked from a test process in
    which the CLI ran, it would otherwise inherit the CLI's SIGTERM handler, which raises KeyboardInterrupt inside
    the worker instead of ending it (seen: the pool's exit waiting for a worker for minutes, on a loaded machine)."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def test_two_adders_and_a_searcher_at_once(archives, tmp_path):
    folders = []
    for i in range(6):
        for year, folder in archives.items():
            folders.append(str(shutil.copytree(folder, tmp_path / f"copy{i}" / folder.name)))
    db = tmp_path / "c.sqlite"
    catalog.open(db).close()  # created (and migrated) before the race: what a first `add` does
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(3, initializer=_plain_sigterm) as pool:
        searching = pool.apply_async(_searcher, (str(db), 6.0))
        first = pool.apply_async(_adder, (str(db), folders[0::2]))
        second = pool.apply_async(_adder, (str(db), folders[1::2]))
        statuses = first.get(120) + second.get(120)
        searches, problems = searching.get(120)
    assert statuses == ["added"] * len(folders)
    assert searches > 10 and not problems, problems
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT count(*) FROM folders").fetchone()[0] == len(folders)
    # one report per data file, whichever folder brought it first
    assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == len(YEARS)
    assert len(catalog.figure(catalog.open(db), "规上工业增加值")[0]) == len(YEARS)
