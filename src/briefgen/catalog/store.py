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


class _Refused(sqlite3.DatabaseError):
    """A file SQLite opens that is not a briefgen catalogue (its reason a catalogue Message)."""


def problem(path: Path, exc: sqlite3.Error):
    """What an SQLite error on the catalogue at ``path`` means to its user, in her language (a Message)."""
    if isinstance(exc, _Refused):
        return M.cat_db_unreadable(path=path, reason=exc.args[0])
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_CORRUPT"):
        return M.cat_db_damaged(path=path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return M.cat_db_busy(path=path)
    if name.startswith("SQLITE_READONLY"):
        return M.cat_db_readonly(path=path)
    if name.startswith("SQLITE_FULL"):
        return M.cat_db_full(path=path)
    if name.startswith("SQLITE_NOTADB"):
        return M.cat_db_unreadable(path=path, reason=M.why_not_sqlite())
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or not name:
        return M.cat_db_unreadable(path=path, reason=M.why_io())
    return M.cat_db_unreadable(path=path, reason=M.why_sqlite(name=name))


class _Guard:
    """Turns an SQLite error raised while the catalogue is used into the one line of ``problem``: a catalogue damaged
    after it was opened (a page overwritten, a file cut short by a copy) fails in a query, not on opening."""

    def __init__(self, con: "Catalogue"):
        self.con = con

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is not None and isinstance(exc, sqlite3.DatabaseError):
            raise BriefgenError(problem(self.con.path, exc)) from None
        return False


class _Cursor(sqlite3.Cursor):
    def fetchone(self):
        with _Guard(self.connection):
            return super().fetchone()

    def fetchall(self):
        with _Guard(self.connection):
            return super().fetchall()

    def fetchmany(self, *args):
        with _Guard(self.connection):
            return super().fetchmany(*args)

    def __next__(self):
        with _Guard(self.connection):
            return super().__next__()


class Catalogue(sqlite3.Connection):
    """A connection to the catalogue file ``path``: every statement and fetch says an SQLite error as ``problem``."""

    path: Path = Path()

    def cursor(self, factory=_Cursor):  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, sql, parameters=()):  # type: ignore[override]
        with _Guard(self):
            return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters):  # type: ignore[override]
        with _Guard(self):
            return self.cursor().executemany(sql, parameters)


def connect(path: Path, create: bool = True) -> sqlite3.Connection:
    """The catalogue at ``path``, migrated to this version (created when absent and ``create``)."""
    path = Path(path)
    if path.exists() and not path.is_file():  # a pipe or a device (/dev/zero) under the catalogue's name
        raise BriefgenError(M.cat_db_unreadable(path=path, reason=M.why_io()))
    if not path.exists():
        if not create:
            raise BriefgenError(M.cat_db_missing(path=path))
        check_sqlite()
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False, factory=Catalogue)
        con.path = path
        try:
            # Read before anything is written: another program's SQLite file is refused as it was found (switching
            # it to WAL would change its header).
            have = con.execute("PRAGMA user_version").fetchone()[0]
            if have > VERSION:
                raise BriefgenError(M.cat_db_newer(path=path, have=have, known=VERSION))
            if have == 0 and con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise _Refused(M.why_other_tables())
            if have == VERSION:
                _check_tables(con, path)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA synchronous=NORMAL")
            if have < VERSION:
                _migrate(con, path)
            _check_tables(con, path)
        except BaseException:
            con.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise BriefgenError(problem(path, exc)) from None
    return con


def _migrate(con: sqlite3.Connection, path: Path) -> None:
    con.execute("BEGIN IMMEDIATE")
    try:
        have = con.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated meanwhile
        if have == 0 and con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise _Refused(M.why_other_tables())
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
        raise _Refused(M.why_tables_missing())
