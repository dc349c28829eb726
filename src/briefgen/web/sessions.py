"""The page's sessions and their jobs: one folder per session under the user cache, jobs run on threads.

    store = Store(root, served=folder_or_None)
    session = store.new()                              # uploads/ out/ previews/ under root/<id>
    job = session.start("build", {"templates": [...]}) # the same library call the CLI makes, on a thread
    job.events                                         # progress events (batch: one per finished brief)
    job.summary(lang)                                  # what the page shows: files, problems at their place, notes

A session is one browser tab: two tabs, or two clerks, have two sessions with their own files and results, and
a batch in one does not hold up a build in the other (each job has its own thread and its own output folder).
Sessions unused for ``limits.SESSION_HOURS`` are removed.
"""

from __future__ import annotations

import secrets
import shutil
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import limits
from .. import messages as M
from ..errors import BriefgenError, DataError, Problem, one_line
from .archive import catalogue_path
from .jobs import archived, run_job

KINDS = ("build", "pack", "batch", "track-forms", "track-report")
# Both 督办 jobs write under one folder: the 进度表 of a period, then its 通报, and the periods kept beside them
# (a report compares with the last period's result and numbers its issue after them; the next forms carry its
# progress words). Over a served folder that is where `briefgen track` in that folder writes (its `out`), so the
# months add up whatever page made them; otherwise the session's own folder.
OUT_FOLDER = {"track-forms": "track", "track-report": "track"}
# pdfium may not be called from two threads at once, not even on two documents: every use of it in the server
# (previews, a batch's contact sheet, reading a PDF report) runs on this one thread.
_PDFIUM = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefgen-pdfium")


def in_pdfium(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` on the pdfium thread; its result or its exception."""
    return _PDFIUM.submit(fn, *args, **kwargs).result()


def new_id() -> str:
    return secrets.token_urlsafe(12)


@dataclass
class Job:
    id: str
    kind: str
    options: dict
    started: float = field(default_factory=time.time)
    state: str = "running"  # running, done, failed
    events: list[dict] = field(default_factory=list)
    result: Any = None
    error: BaseException | None = None
    seconds: float = 0.0
    out: Path | None = None
    sheet: Path | None = None  # a batch's contact sheet
    folders: list[Path] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int, unit: str) -> None:
        self.events.append({"done": done, "total": total, "unit": unit})

    def files(self) -> list[Path]:
        """The files this job wrote or kept, in its output folder."""
        if self.result is None:
            return []
        return [Path(o.path) for o in self.result.outputs]

    def file(self, name: str) -> Path | None:
        """One of this job's files by name (the manifest too), never a path outside its output folder."""
        for path in self.files() + ([Path(self.result.manifest)] if self.result is not None and self.result.manifest else []):
            if path.name == name and path.is_file():
                return path
        return None

    def summary(self, lang: str) -> dict:
        """What the page shows of this job, worded in ``lang``."""
        
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "state": self.state, "seconds": round(self.seconds, 2),
                               "progress": self.events[-1] if self.events else None, "files": [], "problems": [],
                               "warnings": [], "notes": [], "failed": [], "without": [], "sheet": None}
        if self.error is not None:
            problems = self.error.problems if isinstance(self.error, DataError) else None
            if problems is not None:
                out["problems"] = [problem_json(p, self.folders, lang) for p in problems]
            elif isinstance(self.error, BriefgenError):
                out["problems"] = [{"where": "", "text": one_line(_word(a, lang)), "place": None}
                                   for a in (self.error.args if len(self.error.args) > 1 else [self.error.args[0] if self.error.args else ""])]
            else:
                out["problems"] = [{"where": "", "text": M.web_unexpected(kind=type(self.error).__name__,
                                                                          detail=one_line(str(self.error))[:200]).text(lang), "place": None}]
            return out
        result = self.result
        if result is None:
            return out
        out["sheet"] = self.sheet.name if self.sheet else None
        for o in result.outputs:
            path = Path(o.path)
            if o.format == "png":
                continue
            out["files"].append({"name": path.name, "format": o.format, "pages": o.pages, "status": o.status,
                                 "unit": o.unit, "template": o.template})
        out["warnings"] = [problem_json(p, self.folders, lang) for p in result.warnings]
        out["notes"] = [one_line(_word(n, lang)) for n in result.notes]
        out["failed"] = [{"unit": f.unit, "reason": one_line(str(f.reason))} for f in result.failed]
        out["without"] = list(result.without_tasks)
        out["manifest"] = Path(result.manifest).name if result.manifest else None
        return out


def _word(value: Any, lang: str) -> str:
    return value.text(lang) if hasattr(value, "text") and callable(value.text) else str(value)


def problem_json(problem: Problem, folders: list[Path], lang: str) -> dict:
    """A problem as the page shows it: where (file and cell or line), what, and the grid or lines around it."""
    from dataclasses import asdict

    from ..workdir.folder import place_of, shown_name

    loc = problem.location
    where = shown_name(loc.file, folders)
    if loc.cell:
        where += "：" + loc.cell if lang == "zh" else ":" + loc.cell
    elif loc.line is not None:
        where += f":{loc.line}"
    fieldname = _word(problem.field, lang) if problem.field else ""
    text = _word(problem.message, lang)
    if fieldname:
        text = f"{fieldname}：{text}" if lang == "zh" else f"{fieldname}: {text}"
    try:
        place = place_of(loc, folders)
    except Exception:  # noqa: BLE001 - a place that cannot be shown leaves the problem's words
        place = None
    return {"where": where, "text": one_line(text), "code": problem.code, "cell": loc.cell, "line": loc.line,
            "place": asdict(place) if place else None}


class Session:
    def __init__(self, store: "Store", id: str) -> None:
        self.store = store
        self.id = id
        self.root = store.root / id
        self.uploads = self.root / "uploads"
        self.out = self.root / "out"
        self.previews = self.root / "previews"
        self.jobs: dict[str, Job] = {}
        self.used = time.time()
        self.last_kind = "build"
        self.last_options: dict = {}
        self.last_print: str | None = None  # the watched folder's fingerprint when the last job started
        self.running = threading.Lock()  # one job of a session at a time: they share its output folders
        for folder in (self.uploads, self.out, self.previews):
            folder.mkdir(parents=True, exist_ok=True)
        self.preloaded = self._preload(store.preload)

    def _preload(self, files: list[Path]) -> bool:
        """The files the server was started with (dropped on briefgen.bat), stored as uploads are."""
        from ..workdir.folder import store_upload

        stored = False
        for path in files:
            try:
                store_upload(self.uploads, path.name, path.read_bytes())
                stored = True
            except (BriefgenError, OSError):
                continue  # shown when the page checks the folder: a file it cannot take is simply not there
        return stored

    @property
    def folders(self) -> list[Path]:
        """The folders a job reads, the later winning: the folder served (if any), then this page's uploads."""
        return ([self.store.served] if self.store.served else []) + [self.uploads]

    @property
    def watched(self) -> list[Path]:
        """The folders whose saves make the documents again: the folder served (uploads change only through the
        page, which makes them again itself)."""
        return [self.store.served] if self.store.served else []

    def touch(self) -> None:
        self.used = time.time()

    def start(self, kind: str, options: dict) -> Job:
        from ..workdir.folder import fingerprint

        if kind not in KINDS:
            raise BriefgenError(M.web_bad_request(detail=kind))
        out = self.out / OUT_FOLDER.get(kind, kind)
        if (kind in OUT_FOLDER or archived(kind, options)) and self.store.served is not None:
            out = self.store.served_out()  # an archived run over a folder lands where `briefgen build --archive` there puts it
        job = Job(new_id(), kind, dict(options), out=out, folders=self.folders)
        self.jobs[job.id] = job
        self.last_kind, self.last_options = kind, dict(options)
        self.last_print = fingerprint(self.watched)
        self.store.pool.submit(self._run, job)
        return job

    def _run(self, job: Job) -> None:
        with self.running:
            self._run_now(job)

    def _run_now(self, job: Job) -> None:
        began = time.perf_counter()
        try:
            job.result = run_job(job.kind, self.folders, job.out, job.options, job.progress, self.store.workers,
                                 catalogue_path(self.store.served), kept=self.store.served is not None)
            if job.kind == "batch":
                job.sheet = self._contact_sheet(job)
            job.state = "done"
        except BaseException as exc:  # noqa: BLE001 - every failure is shown on the page, never a traceback
            job.error = exc
            job.state = "failed"
        finally:
            job.seconds = time.perf_counter() - began
            job.done.set()

    def _contact_sheet(self, job: Job) -> Path | None:
        """The first page of every brief in one picture (made on the pdfium thread)."""
        from ..atomic import write_atomic
        from ..render.preview import contact_sheet

        pdfs = [o for o in job.result.outputs if o.format == "pdf"]
        if not pdfs:
            return None
        png = in_pdfium(contact_sheet, [(o.unit or o.template, Path(o.path).read_bytes()) for o in pdfs])
        target = self.previews / f"sheet-{job.id}.png"
        write_atomic(target, png)
        return target

    def preview(self, job: Job, name: str, page: int, dpi: int = 72) -> bytes:
        """PNG of one page of one of the job's PDFs (made once, then kept)."""
        from ..atomic import write_atomic
        from ..render.preview import page_pngs

        pdf = job.file(name)
        if pdf is None or pdf.suffix.lower() != ".pdf":
            raise BriefgenError(M.web_not_found(what=name))
        cached = self.previews / job.kind / f"{pdf.stat().st_mtime_ns}-{dpi}-{page}-{pdf.name}.png"
        if cached.is_file():
            return cached.read_bytes()
        png = in_pdfium(page_pngs, pdf.read_bytes(), dpi=dpi, pages=[page], name=pdf.name)[0]
        write_atomic(cached, png)
        return png

    def zip(self, job: Job) -> Path:
        """A zip of every file of the job and its manifest (Chinese names as UTF-8)."""
        files = job.files()
        if job.result is not None and job.result.manifest:
            files.append(Path(job.result.manifest))
        target = self.previews / f"{job.kind}-{job.id}.zip"
        tmp = target.with_suffix(".part")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for path in files:
                if path.is_file():
                    z.write(path, path.name)
        tmp.replace(target)
        return target


class Store:
    """Every session of one server, under ``root`` (the user cache's web/ folder by default)."""

    def __init__(self, root: Path | None = None, served: Path | None = None, workers: int | None = None,
                 hours: float = limits.SESSION_HOURS, preload: list[Path] | None = None) -> None:
        from ..cache import cache_root

        self.root = Path(root) if root else cache_root() / "web"
        self.root.mkdir(parents=True, exist_ok=True)
        self.served = Path(served).resolve() if served else None
        self.workers = workers
        self.hours = hours
        self.preload = list(preload or [])
        self.sessions: dict[str, Session] = {}
        self.pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="briefgen-job")
        self.lock = threading.Lock()

    def served_out(self) -> Path:
        """The output folder of the served folder as `briefgen` run in it takes it: its own briefgen.toml's `out`
        (never one a page uploaded), else out/ in it."""
        from ..settings import load_settings

        try:
            out = Path(load_settings({}, folder=self.served).out)
        except BriefgenError:
            out = Path("out")
        return out if out.is_absolute() else self.served / out

    def new(self) -> Session:
        self.sweep()
        with self.lock:
            session = Session(self, new_id())
            self.sessions[session.id] = session
        return session

    def get(self, id: str) -> Session | None:
        session = self.sessions.get(id)
        if session is not None:
            session.touch()
        return session

    def sweep(self) -> list[str]:
        """Remove the sessions (and session folders left by an earlier server) unused for ``hours``."""
        cutoff = time.time() - self.hours * 3600
        removed = []
        with self.lock:
            for id, session in list(self.sessions.items()):
                running = any(j.state == "running" for j in session.jobs.values())
                if session.used < cutoff and not running:
                    del self.sessions[id]
                    shutil.rmtree(session.root, ignore_errors=True)
                    removed.append(id)
            for folder in self.root.iterdir() if self.root.is_dir() else []:
                if folder.is_dir() and folder.name not in self.sessions:
                    try:
                        if folder.stat().st_mtime < cutoff:
                            shutil.rmtree(folder, ignore_errors=True)
                            removed.append(folder.name)
                    except OSError:
                        continue
        return removed

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
