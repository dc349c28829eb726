"""The page's 档案 tab over the archive catalogue (``briefgen.catalog``): which catalogue, a query's answers as
the page shows them, a figure series as a workbook, and a PNG of an archived page.

    path = catalogue_path(served)                 # `catalog` in the served folder's briefgen.toml, or the default
    found = answer(path, "规上工业增加值", "zh")     # pages with the match marked, the figure series, a unit's tasks
                                                  # and their 督办 statuses period by period
    figure_table(path, "规上工业增加值", target, "zh")
    png = page_png(path, document_id, 2)          # only a document the catalogue holds, unchanged since it was added

The catalogue is the served folder's (a file dropped on the page never names it): the page reads it, never writes it.
"""

from __future__ import annotations

from pathlib import Path

from .. import messages as M
from ..errors import BriefgenError
from ..track.rules import FILLS

MAX_QUERY = 100  # characters: a word or a name, not a passage
MAX_HITS = 30
MAX_TASKS = 200


def catalogue_path(served: Path | None) -> Path:
    """The catalogue `briefgen catalog` would use in the folder the page serves (or the folder serve runs in)."""
    from ..catalog import default_path
    from ..settings import load_settings

    try:
        named = load_settings({}, folder=served or Path.cwd()).catalog
    except BriefgenError:
        named = None
    return Path(named) if named else default_path()


def shown(path: Path, served: Path | None) -> str:
    """The catalogue's path as the page shows it: relative to the folder served when it is inside it."""
    try:
        return str(path.resolve().relative_to(served)) if served else str(path)
    except ValueError:
        return str(path)


def state(path: Path, served: Path | None = None) -> dict:
    """Whether the catalogue is there, and how much it holds."""
    from .. import catalog

    if not path.is_file():
        return {"path": shown(path, served), "exists": False}
    con = catalog.open(path, create=False)
    try:
        docs, folders = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM folders)").fetchone()
        years = [r[0] for r in con.execute("SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year")]
        kinds = [r[0] for r in con.execute("SELECT DISTINCT kind FROM documents WHERE kind IS NOT NULL ORDER BY kind")]
    finally:
        con.close()
    labels = kind_labels()
    return {"path": shown(path, served), "exists": True, "documents": docs, "folders": folders, "years": years,
            "kinds": [{"kind": k, "label": labels.get(k, k)} for k in kinds]}


def kind_labels() -> dict[str, str]:
    """A document kind (its template) -> the document's name (summary -> 主要经济指标完成情况)."""
    from ..compose.templates import list_templates

    return {i.name: i.document or i.name for i in list_templates(())}


def _query(text: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_QUERY:
        raise BriefgenError(M.web_archive_long_query(n=len(text), limit=MAX_QUERY))
    return text


def answer(path: Path, query: str, lang: str, year: int | None = None, kind: str | None = None) -> dict:
    """Every answer to ``query``: the pages that hold it (the match marked), the figure of that name across periods,
    the tasks of a lead unit of that name."""
    from .. import catalog

    query = _query(query)
    con = catalog.open(path, create=False)
    try:
        hits, more = catalog.search(con, query, year=year, kind=kind or None, limit=MAX_HITS)
        series, names = catalog.figure(con, query)
        rows = catalog.tasks(con, query)[:MAX_TASKS + 1] if len(query) >= 2 else []
        history = catalog.statuses(con, query)[:MAX_TASKS] if len(query) >= 2 else []
    finally:
        con.close()
    labels = kind_labels()
    return {
        "query": query, "more": more,
        "hits": [{"name": h.name, "kind": labels.get(h.kind, h.kind or ""), "year": h.year, "period": h.period or "",
                  "issuer": h.issuer or "", "page": h.page, "before": h.parts[0], "match": h.parts[1], "after": h.parts[2],
                  "document": h.document, "pdf": h.name.lower().endswith(".pdf")} for h in hits],
        "figure": [{"period": f.period, "name": f.name, "value": f.value, "unit": f.unit, "yoy": f.yoy,
                    "estimate": f.estimate, "document": f.document, "page": f.page, "issuer": f.issuer} for f in series],
        "merged": names if len(names) > 1 else [],
        "tasks": [{"year": t.year, "period": t.period, "title": t.title, "lead": t.lead, "support": t.support,
                   "due": t.due_text or t.due, "document": t.document} for t in rows[:MAX_TASKS]],
        # the 督办 status of each task the unit leads, period by period, in its status colour
        "statuses": [{"item": r.item, "title": r.title, "lead": r.lead, "period": r.period, "issue": r.issue,
                      "status": r.status, "colour": r.colour if r.colour in FILLS else "", "percent": r.percent,
                      "closure": r.closure, "document": r.document, "page": r.page} for r in history],
        "status_fills": FILLS,
        "status_header": M.cat_track_header().text(lang).split("|"),
        "header": M.cat_figure_header().text(lang).split("|"),
        "tasks_header": M.cat_tasks_header().text(lang).split("|"),
    }


def figure_table(path: Path, name: str, target: Path, lang: str) -> int:
    """The figure series as `briefgen catalog figure NAME --out FILE.xlsx` writes it; the number of rows."""
    from .. import catalog
    from ..catalog.export import write_table

    name = _query(name)
    con = catalog.open(path, create=False)
    try:
        series, _ = catalog.figure(con, name)
    finally:
        con.close()
    if not series:
        raise BriefgenError(M.cat_no_figure(name=name))
    rows = [[f.period, f.name, f.value, f.unit, f.yoy, f.document, f.page] for f in series]
    return write_table(target, M.cat_figure_header().text(lang).split("|"), rows, {2, 4, 6}, M.cat_sheet_figure().text(lang))


def page_pdf(path: Path, document: int) -> tuple[Path, str]:
    """An archived PDF the catalogue holds, by its id, as it was added (a changed or removed file is not shown)."""
    from .. import catalog
    from ..catalog.index import _regular
    from ..jobs.manifest import file_sha256

    con = catalog.open(path, create=False)
    try:
        found = catalog.document_file(con, document)
    finally:
        con.close()
    if found is None or found[2] != "pdf":
        raise BriefgenError(M.web_not_found(what=str(document)))
    pdf, digest, _ = found
    if _regular(pdf) is None or file_sha256(pdf) != digest:
        raise BriefgenError(M.cat_check_changed(path=pdf) if pdf.exists() else M.cat_check_missing(path=pdf))
    return pdf, digest
