"""The catalogue file: one SQLite database, its schema (versioned, migrated on open) and its connection rules.

Tables::

    folders    an archive folder added: its path and the SHA-256 of its manifest.json (the key of a re-add)
    reports    the data a run was made from, one row per data file content (its SHA-256): title, issuer, period …
    documents  a file of a folder's manifest: name, SHA-256, size, kind (the template), pages, its report
    pages      the text of each page (a DOCX is one "page" 0)
    text_tri   FTS5, trigram tokenizer, over pages.text (external content): queries of 3 characters or more
    text_bi    FTS5 over the pages' 2-character grams (contentless, prefix index of 1): queries of 1-2 characters
    figures    indicators of a report: name, its merged name, value, unit, growth, and the document and page showing it
    tasks      tasks of a report: title, lead, support, due
    statuses   the 督办 result of a track report folder: each task's status and 完成进度 in that period (version 2)

Safe under concurrent use: WAL journal (readers never wait for the writer), a busy timeout, and every add
one ``BEGIN IMMEDIATE`` transaction (one writer at a time; a reader sees a folder whole or not at all).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .. import messages as M
from ..errors import BriefgenError

BUSY_SECONDS = 60

_V1 = """
CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    manifest_sha256 TEXT NOT NULL,
    added TEXT NOT NULL
);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT, issuer TEXT, date TEXT, period TEXT, year INTEGER
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    format TEXT NOT NULL,
    kind TEXT, unit TEXT, pages INTEGER,
    report_id INTEGER REFERENCES reports(id),
    UNIQUE (folder_id, name)
);
CREATE INDEX documents_report ON documents(report_id);
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX pages_document ON pages(document_id);
CREATE VIRTUAL TABLE text_tri USING fts5(text, content='pages', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE text_bi USING fts5(grams, content='', detail=none, tokenize='unicode61 remove_diacritics 0', prefix='1');
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    merged TEXT NOT NULL,
    value TEXT NOT NULL, unit TEXT, yoy TEXT, estimate INTEGER,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    page INTEGER
);
CREATE INDEX figures_merged ON figures(merged);
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    section TEXT, title TEXT NOT NULL, lead TEXT NOT NULL, lead_short TEXT, support TEXT, due TEXT, due_text TEXT,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    page INTEGER
);
CREATE INDEX tasks_lead ON tasks(lead);
"""

# Version 2: the 督办 results of `briefgen track report` folders, one row per task and period.
_V2 = """
CREATE TABLE statuses (
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
    period TEXT NOT NULL, as_of TEXT, rule TEXT, issue INTEGER,
    item TEXT NOT NULL, title TEXT NOT NULL, lead TEXT NOT NULL, lead_short TEXT,
    status TEXT NOT NULL, colour TEXT, percent REAL, closure TEXT,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    page INTEGER
);
CREATE INDEX statuses_lead ON statuses(lead);
CREATE INDEX statuses_folder ON statuses(folder_id)
"""

# Schema version N is reached by running MIGRATIONS[N - 1] on a file at version N - 1 (PRAGMA user_version).
MIGRATIONS: list[str] = [_V1, _V2]
VERSION = len(MIGRATIONS)


def check_sqlite() -> None:
    """FTS5 with the trigram tokenizer (SQLite 3.34+) is what Chinese search stands on."""
    try:
        con = sqlite3.connect(":memory:")
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        con.close()
    except sqlite3.Error:
        raise BriefgenError(M.cat_no_sqlite_fts(version=sqlite3.sqlite_version)) from None


def connect(path: Path, create: bool = True) -> sqlite3.Connection:
    """The catalogue at ``path``, migrated to this version (created when absent and ``create``)."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise BriefgenError(M.cat_db_missing(path=path))
        check_sqlite()
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("PRAGMA synchronous=NORMAL")
        have = con.execute("PRAGMA user_version").fetchone()[0]
        if have > VERSION:
            con.close()
            raise BriefgenError(M.cat_db_newer(path=path, have=have, known=VERSION))
        if have < VERSION:
            _migrate(con, path)
        _check_tables(con, path)
    except sqlite3.DatabaseError as exc:
        raise BriefgenError(M.cat_db_unreadable(path=path, reason=exc)) from None
    return con


def _migrate(con: sqlite3.Connection, path: Path) -> None:
    con.execute("BEGIN IMMEDIATE")
    try:
        have = con.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated meanwhile
        if have == 0 and con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("an SQLite file with other tables")
        for version in range(have, VERSION):
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    con.execute(statement)
            con.execute(f"PRAGMA user_version={version + 1}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _check_tables(con: sqlite3.Connection, path: Path) -> None:
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    if not {"folders", "documents", "pages", "figures", "tasks", "statuses", "text_tri", "text_bi"} <= names:
        raise sqlite3.DatabaseError("tables missing")
