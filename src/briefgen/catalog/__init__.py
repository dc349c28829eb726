"""The archive catalogue: every folder written with ``--archive`` found again, any figure across the years.

    from briefgen import catalog
    con = catalog.open(path)                      # one SQLite file (see .store for the schema)
    catalog.add(con, [Path("archive/2022")])      # index folders: manifest, page text, the data's figures and tasks
    hits, more = catalog.search(con, "工业", year=2023)
    series = catalog.figure(con, "规模以上工业增加值")   # one indicator across periods, its name variants merged
    rows = catalog.tasks(con, "经发办")
    history = catalog.statuses(con, "经发办")    # the 督办 status of each task, period by period
    found = catalog.check(con)                    # documents gone or changed since they were added

Chinese search: queries of 3 characters or more go to an FTS5 table with the trigram tokenizer (a substring
match); 1-2-character queries go to a second FTS5 table of the text's 2-character grams (see .text), because
SQLite's trigram index cannot answer them (LIKE falls back to a full scan on SQLite 3.40).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .. import messages as M
from ..errors import BriefgenError
from ..i18n import Message
from .index import Folder, read_folder
from .names import merged
from .store import VERSION, connect
from .text import covering_query, grams, normalise, phrase, short_query, tag_query, tags

__all__ = ["VERSION", "default_path", "open", "add", "search", "figure", "tasks", "check", "Added", "Hit", "Figure",
           "TaskRow", "Checked", "statuses", "StatusRow"]



def default_path() -> Path:
    """The catalogue in the user's data folder (e.g. ~/.local/share/briefgen/catalog.sqlite)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefgen", appauthor=False)) / "catalog.sqlite"


def open(path: Path, create: bool = True) -> sqlite3.Connection:  # noqa: A001 (the module's verb)
    return connect(Path(path), create=create)


# ---- add ------------------------------------------------------------------------------------------------------------

@dataclass
class Added:
    folder: Path
    status: str  # added, updated, unchanged
    docs: int = 0
    pages: int = 0
    figures: int = 0
    tasks: int = 0
    warnings: list[Message] = field(default_factory=list)
    track: tuple[str, int | None, int] | None = None  # a 督办 folder: (period, issue, task statuses)


def read(folders: list[Path], cwd: Path | None = None) -> list[Folder]:
    """Every folder read and checked, before anything is written (raises for the first refused one)."""
    return [read_folder(Path(f), cwd) for f in folders]


def file_run(path: Path, folder: Path, said=M.cat_archived) -> list[Message]:
    """A run's output folder (an --archive run, a 督办 period) filed in the catalogue at ``path``, made when it is not
    there yet: what to tell the user (the folder's warnings, then ``said`` with where it was filed)."""
    con = open(Path(path))
    try:
        done = add(con, read([Path(folder)]))
    finally:
        con.close()
    told: list[Message] = []
    for added in done:
        told.extend(M.warning(text=w) for w in added.warnings)
        told.append(said(folder=added.folder, path=path))
    return told


def add(con: sqlite3.Connection, folders: list[Path] | list[Folder], cwd: Path | None = None) -> list[Added]:
    """Index archive folders; a folder whose manifest is unchanged since it was added is left as it is."""
    read_in = [f if isinstance(f, Folder) else read_folder(Path(f), cwd) for f in folders]
    done = []
    con.execute("BEGIN IMMEDIATE")
    try:
        for folder in read_in:
            done.append(_add_one(con, folder))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return done


def _delete_folder(con: sqlite3.Connection, folder_id: int) -> None:
    rows = con.execute("SELECT p.id, p.text, r.year, d.kind FROM pages p JOIN documents d ON d.id = p.document_id "
                       "LEFT JOIN reports r ON r.id = d.report_id WHERE d.folder_id = ?", (folder_id,)).fetchall()
    con.executemany("INSERT INTO text_tri(text_tri, rowid, text) VALUES('delete', ?, ?)", [(i, t) for i, t, _y, _k in rows])
    con.executemany("INSERT INTO text_bi(text_bi, rowid, grams) VALUES('delete', ?, ?)",
                    [(i, grams(t) + tags(year, kind)) for i, t, year, kind in rows])
    con.execute("DELETE FROM folders WHERE id = ?", (folder_id,))
    con.execute("DELETE FROM reports WHERE id NOT IN (SELECT report_id FROM documents WHERE report_id IS NOT NULL)")


def _add_one(con: sqlite3.Connection, folder: Folder) -> Added:
    row = con.execute("SELECT id, manifest_sha256 FROM folders WHERE path = ?", (str(folder.path),)).fetchone()
    if row is not None and row[1] == folder.manifest_sha256:
        return Added(folder.path, "unchanged", warnings=folder.warnings)
    if row is not None:
        _delete_folder(con, row[0])
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    folder_id = con.execute("INSERT INTO folders(path, manifest_sha256, added) VALUES (?, ?, ?)",
                            (str(folder.path), folder.manifest_sha256, now)).lastrowid
    report_id = None
    data = folder.data
    result = Added(folder.path, "updated" if row is not None else "added", warnings=folder.warnings)
    if data is not None:
        got = con.execute("SELECT id FROM reports WHERE sha256 = ?", (data.sha256,)).fetchone()
        if got is not None:
            report_id = got[0]
        else:
            m = data.meta
            report_id = con.execute("INSERT INTO reports(sha256, path, title, issuer, date, period, year) VALUES (?,?,?,?,?,?,?)",
                                    (data.sha256, data.path, m["title"], m["issuer"], m["date"], m["period"], m["year"])).lastrowid
            con.executemany("INSERT INTO figures(report_id, name, merged, value, unit, yoy, estimate) VALUES (?,?,?,?,?,?,?)",
                            [(report_id, f["name"], f["merged"], f["value"], f["unit"], f["yoy"], f["estimate"]) for f in data.figures])
            con.executemany("INSERT INTO tasks(report_id, section, title, lead, lead_short, support, due, due_text) "
                            "VALUES (?,?,?,?,?,?,?,?)",
                            [(report_id, t["section"], t["title"], t["lead"], t["lead_short"], t["support"], t["due"], t["due_text"])
                             for t in data.tasks])
        result.figures, result.tasks = len(data.figures), len(data.tasks)
    placed: list[tuple[int, str | None, list[str], int]] = []
    year = data.meta["year"] if data is not None else None
    for doc in folder.docs:
        page_tags = tags(year, doc.kind)
        doc_id = con.execute("INSERT INTO documents(folder_id, name, sha256, size, format, kind, unit, pages, report_id) "
                             "VALUES (?,?,?,?,?,?,?,?,?)",
                             (folder_id, doc.name, doc.sha256, doc.size, doc.format, doc.kind, doc.unit,
                              len(doc.pages) if doc.format == "pdf" else None, report_id)).lastrowid
        first = 1 if doc.format == "pdf" else 0
        for n, text in enumerate(doc.pages, start=first):
            page_id = con.execute("INSERT INTO pages(document_id, page, text) VALUES (?,?,?)", (doc_id, n, text)).lastrowid
            con.execute("INSERT INTO text_tri(rowid, text) VALUES (?, ?)", (page_id, text))
            con.execute("INSERT INTO text_bi(rowid, grams) VALUES (?, ?)", (page_id, grams(text) + page_tags))
        placed.append((doc_id, doc.kind, doc.pages, first))
        result.docs += 1
        result.pages += len(doc.pages)
    if report_id is not None:
        _place(con, report_id, "figures", "name", placed, prefer=("summary", "review", "pack"))
        _place(con, report_id, "tasks", "title", placed, prefer=("tasks", "department", "pack"))
    if folder.track is not None:
        _add_statuses(con, folder_id, report_id, folder, placed)
        t = folder.track
        result.track = (t.period, t.issue, len(t.rows))
    return result


def _add_statuses(con, folder_id: int, report_id: int | None, folder, placed) -> None:
    """A 督办 period's statuses, each placed on the 通报's page that names the task (its PDF first)."""
    t = folder.track
    shorts = {}
    if folder.data is not None:
        shorts = {r["lead"]: r["lead_short"] for r in folder.data.tasks if r.get("lead_short")}
    # the 通报's PDF first (pages from 1); its text without spaces, as a title wraps in a table cell ("第10\n批")
    circulars = [(d_id, [re.sub(r"\s+", "", text) for text in pages], first)
                 for d_id, kind, pages, first in sorted(placed, key=lambda p: p[3] != 1) if kind == "track-circular"]
    for row in t.rows:
        needle = re.sub(r"\s+", "", normalise(row["title"]))
        doc_id = page = None
        for d_id, pages, first in circulars:
            # the 附件 table lists every task: the last page naming it is the attachment's
            hit = [i for i, text in enumerate(pages) if needle in text]
            if hit:
                doc_id, page = d_id, (hit[-1] + first if first else None)  # a DOCX is one text: no page
                break
        con.execute("INSERT INTO statuses(folder_id, report_id, period, as_of, rule, issue, item, title, lead, lead_short, "
                    "status, colour, percent, closure, document_id, page) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (folder_id, report_id, t.period, t.as_of, t.rule, t.issue, row["id"], row["title"], row["lead"],
                     shorts.get(row["lead"]), row["status"], row["colour"], row["percent"], row["closure"], doc_id, page))


def _place(con, report_id: int, table: str, column: str, placed, prefer: tuple[str, ...]) -> None:
    """Give each figure (task) without one the document and page that shows it, preferring documents of ``prefer``,
    and of one kind the PDF (a page to turn to) over the DOCX (``first`` is 1 for a PDF's pages, 0 for a DOCX)."""
    order = sorted(placed, key=lambda p: (prefer.index(p[1]) if p[1] in prefer else len(prefer), -p[3]))
    todo = con.execute(f"SELECT id, {column} FROM {table} WHERE report_id = ? AND document_id IS NULL", (report_id,)).fetchall()
    for row_id, name in todo:
        needle = normalise(name)
        for doc_id, _kind, pages, first in order:
            page = next((i for i, text in enumerate(pages) if needle in text), None)
            if page is not None:
                con.execute(f"UPDATE {table} SET document_id = ?, page = ? WHERE id = ?", (doc_id, page + first, row_id))
                break


# ---- search -----------------------------------------------------------------------------------------------------------

@dataclass
class Hit:
    year: int | None
    period: str | None
    issuer: str | None
    kind: str | None
    folder: str
    name: str
    page: int
    snippet: str
    parts: tuple[str, str, str] = ("", "", "")  # the snippet as (before, the match, after): a page marks the match
    document: int | None = None  # the document's id in the catalogue (what a page preview is asked by)

    @property
    def path(self) -> Path:
        return Path(self.folder) / self.name


def _parts(text: str, query: str, width: int = 24) -> tuple[str, str, str]:
    m = re.search(re.escape(query), text, re.I)
    if m is None:
        return text[: 2 * width], "", ""
    start, end = max(0, m.start() - width), min(len(text), m.end() + width)
    return ("…" if start else "") + text[start:m.start()], m.group(0), text[m.end():end] + ("…" if end < len(text) else "")


def _snippet(text: str, query: str, width: int = 24) -> str:
    before, match, after = _parts(text, query, width)
    return before + ("【" + match + "】" if match else "") + after


def search(con: sqlite3.Connection, query: str, year: int | None = None, period: str | None = None,
           issuer: str | None = None, kind: str | None = None, limit: int = 20) -> tuple[list[Hit], bool]:
    """Pages whose text holds ``query`` (newest first), at most ``limit``, and whether there are more."""
    q = normalise(query)
    if not q:
        raise BriefgenError(M.cat_empty_query)
    where, args = [], []
    for column, value in (("r.year", year), ("r.period", period), ("r.issuer", issuer), ("d.kind", kind)):
        if value is not None:
            where.append(f"instr({column}, ?) > 0" if column in ("r.period", "r.issuer") else f"{column} = ?")
            args.append(value)
    tagged = tag_query(year, kind)  # year and kind are tokens of the gram index: FTS5 intersects, not a walk
    joins = ("JOIN documents d ON d.id = p.document_id JOIN folders f ON f.id = d.folder_id "
             "LEFT JOIN reports r ON r.id = d.report_id")
    cols = "p.id, p.page, p.text, d.name, f.path, r.year, r.period, r.issuer, d.kind, d.id"
    filters = "".join(f" AND {w}" for w in where)
    match = phrase(q) if len(q) >= 3 else short_query(q)
    if match is None:  # punctuation or a space in a short query: the gram index does not keep it
        sql = f"SELECT {cols} FROM pages p {joins} WHERE instr(p.text, ?) > 0{filters} ORDER BY p.id DESC LIMIT ?"
        rows = con.execute(sql, (q, *args, limit + 1)).fetchall()
    elif len(q) >= 3 and tagged:  # filtered: the gram index narrows (the query's pairs and the filter tokens), text confirms
        sql = (f"SELECT {cols} FROM text_bi JOIN pages p ON p.id = text_bi.rowid {joins} "
               f"WHERE text_bi MATCH ?{filters} ORDER BY text_bi.rowid DESC")
        folded = q.lower()
        rows = []
        for row in con.execute(sql, (" AND ".join(x for x in (covering_query(q), tagged) if x), *args)):
            if folded in row[2].lower():
                rows.append(row)
                if len(rows) > limit:
                    break
    elif len(q) >= 3:
        sql = (f"SELECT {cols} FROM text_tri JOIN pages p ON p.id = text_tri.rowid {joins} "
               f"WHERE text_tri MATCH ?{filters} ORDER BY text_tri.rowid DESC LIMIT ?")
        rows = con.execute(sql, (match, *args, limit + 1)).fetchall()
    else:
        sql = (f"SELECT {cols} FROM text_bi JOIN pages p ON p.id = text_bi.rowid {joins} "
               f"WHERE text_bi MATCH ?{filters} ORDER BY text_bi.rowid DESC LIMIT ?")
        rows = con.execute(sql, (f"{match} AND {tagged}" if tagged else match, *args, limit + 1)).fetchall()
    hits = [Hit(r[5], r[6], r[7], r[8], r[4], r[3], r[1], _snippet(r[2], q), _parts(r[2], q), r[9]) for r in rows[:limit]]
    return hits, len(rows) > limit


def search_ids(con: sqlite3.Connection, query: str) -> set[int]:
    """Every page id the index gives for ``query`` (no filters, no limit): what recall is measured on."""
    q = normalise(query)
    if len(q) >= 3:
        return {r[0] for r in con.execute("SELECT rowid FROM text_tri WHERE text_tri MATCH ?", (phrase(q),))}
    match = short_query(q)
    if match is None:
        return {r[0] for r in con.execute("SELECT id FROM pages WHERE instr(text, ?) > 0", (q,))}
    return {r[0] for r in con.execute("SELECT rowid FROM text_bi WHERE text_bi MATCH ?", (match,))}


def document_file(con: sqlite3.Connection, document: int) -> tuple[Path, str, str] | None:
    """An indexed document's file, SHA-256 and format by its id (a hit's ``document``), or None."""
    row = con.execute("SELECT f.path, d.name, d.sha256, d.format FROM documents d JOIN folders f ON f.id = d.folder_id "
                      "WHERE d.id = ?", (document,)).fetchone()
    return (Path(row[0]) / row[1], row[2], row[3]) if row else None


# ---- figures and tasks --------------------------------------------------------------------------------------------------

@dataclass
class Figure:
    year: int
    period: str
    issuer: str
    date: str
    name: str
    value: str
    unit: str
    yoy: str | None
    estimate: bool
    document: str | None
    page: int | None


def figure(con: sqlite3.Connection, name: str, issuer: str | None = None) -> tuple[list[Figure], list[str]]:
    """The indicator ``name`` across periods (oldest first), and the different names merged into the series."""
    key = merged(name)
    sql = ("SELECT r.year, r.period, r.issuer, r.date, g.name, g.value, g.unit, g.yoy, g.estimate, d.name, g.page "
           "FROM figures g JOIN reports r ON r.id = g.report_id LEFT JOIN documents d ON d.id = g.document_id "
           "WHERE g.merged = ?" + (" AND instr(r.issuer, ?) > 0" if issuer else "") + " ORDER BY r.date, r.issuer, g.id")
    rows = con.execute(sql, (key, issuer) if issuer else (key,)).fetchall()
    series = [Figure(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9], r[10]) for r in rows]
    names = sorted({f.name for f in series}, key=lambda n: (n != name, n))
    return series, names


@dataclass
class TaskRow:
    year: int
    period: str
    issuer: str
    title: str
    lead: str
    support: str
    due: str
    due_text: str | None
    document: str | None
    page: int | None


def tasks(con: sqlite3.Connection, lead: str, issuer: str | None = None, task: str | None = None) -> list[TaskRow]:
    """Tasks whose lead unit is ``lead`` (its full name, its short name, or a part of the name), oldest first;
    ``task``: only those whose title holds it."""
    sql = ("SELECT r.year, r.period, r.issuer, t.title, t.lead, t.support, t.due, t.due_text, d.name, t.page "
           "FROM tasks t JOIN reports r ON r.id = t.report_id LEFT JOIN documents d ON d.id = t.document_id "
           "WHERE (t.lead = ?1 OR t.lead_short = ?1 OR instr(t.lead, ?1) > 0)"
           " AND (?2 IS NULL OR instr(r.issuer, ?2) > 0) AND (?3 IS NULL OR instr(t.title, ?3) > 0) ORDER BY r.date, t.id")
    rows = con.execute(sql, (lead, issuer, task)).fetchall()
    return [TaskRow(*r) for r in rows]


@dataclass
class StatusRow:
    item: str
    title: str
    lead: str
    period: str
    as_of: str
    issue: int | None
    status: str
    colour: str
    percent: float | None
    closure: str
    document: str | None
    page: int | None


def statuses(con: sqlite3.Connection, lead: str, issuer: str | None = None, task: str | None = None) -> list[StatusRow]:
    """The 督办 status history of the tasks ``lead`` leads (full name, short name or a part), task by task, oldest
    period first; ``task``: only tasks whose title holds it."""
    sql = ("SELECT s.item, s.title, s.lead, s.period, s.as_of, s.issue, s.status, s.colour, s.percent, s.closure, d.name, s.page "
           "FROM statuses s LEFT JOIN reports r ON r.id = s.report_id LEFT JOIN documents d ON d.id = s.document_id "
           "WHERE (s.lead = ?1 OR s.lead_short = ?1 OR instr(s.lead, ?1) > 0)"
           " AND (?2 IS NULL OR instr(r.issuer, ?2) > 0) AND (?3 IS NULL OR instr(s.title, ?3) > 0)"
           " ORDER BY s.title, s.period, s.as_of, s.id")
    rows = con.execute(sql, (lead, issuer, task)).fetchall()
    out = [StatusRow(*r) for r in rows]
    first = {}
    for r in out:  # tasks in their plan order (by item number), each one's periods oldest first
        first.setdefault(r.title, len(first))
    key = {t: (int(i) if i.isdigit() else 10**9, first[t]) for t, i in {r.title: r.item for r in out}.items()}
    return sorted(out, key=lambda r: (key[r.title], r.period, r.as_of))


# ---- check --------------------------------------------------------------------------------------------------------------

@dataclass
class Checked:
    ok: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)
    folders: int = 0

    @property
    def passed(self) -> bool:
        return not (self.missing or self.changed)

    def file(self, path: Path, digest: str) -> bool:
        """``path`` re-hashed against ``digest`` and filed as ok, missing or changed; True when ok."""
        from ..jobs.manifest import file_sha256
        from .index import _regular

        kept = self.missing if _regular(path) is None else self.changed if file_sha256(path) != digest else self.ok
        kept.append(path)
        return kept is self.ok


def check(con: sqlite3.Connection) -> Checked:
    """Re-hash every indexed document: those gone or changed since they were added. A folder whose 督办 results
    the catalogue holds has its 督办结果.json re-hashed too, against its manifest (whose own hash the catalogue
    kept when the folder was added): a changed manifest is reported itself."""
    result = Checked()
    result.folders = con.execute("SELECT count(*) FROM folders").fetchone()[0]
    for folder, name, digest in con.execute("SELECT f.path, d.name, d.sha256 FROM documents d JOIN folders f ON f.id = d.folder_id "
                                            "ORDER BY f.path, d.name").fetchall():
        result.file(Path(folder) / name, digest)
    for folder, manifest_digest in con.execute("SELECT f.path, f.manifest_sha256 FROM folders f WHERE EXISTS "
                                               "(SELECT 1 FROM statuses s WHERE s.folder_id = f.id) ORDER BY f.path").fetchall():
        _check_track(Path(folder), manifest_digest, result)
    return result


def _check_track(folder: Path, manifest_digest: str, result: Checked) -> None:
    """The 督办结果.json of ``folder``, through its manifest: both unchanged since the folder was added."""
    import json

    from ..jobs.manifest import MANIFEST
    from .index import TRACK_RESULT

    manifest = folder / MANIFEST
    probe = Checked()  # the manifest is the result's witness: reported when it fails, not counted when it holds
    if not probe.file(manifest, manifest_digest):
        result.missing.extend(probe.missing)
        result.changed.extend(probe.changed)
        return
    try:
        digest = json.loads(manifest.read_bytes().decode("utf-8"))["files"][TRACK_RESULT]["sha256"]
    except (ValueError, TypeError, KeyError, RecursionError):
        result.changed.append(manifest)  # unchanged since it was added, yet no longer names the result: say so
        return
    result.file(folder / TRACK_RESULT, digest)
