"""The one engine every job runs on: a plan of documents in, the files written and a JobResult out.

    plan = Plan(folder, works=[Work(unit, key, targets, job, entry), ...], render=render_document_job, ...)
    result = run(plan, result, clock, executor=None, progress=None)

A job (build, batch, pack, and the next ones) only *plans*: which documents to make, what each one's bytes
depend on (its recipe ``key``), the names of its files, and a picklable ``job`` that ``plan.render`` turns into
bytes (a :class:`Made`). The engine does the rest, the same way for every job:

1. takes the output folder (locked, cleared of what interrupted runs left, its manifest read);
2. keeps every file the manifest says is unchanged (same key, same checksum, same fonts);
3. renders the rest: in this process, or mapped through any ``concurrent.futures.Executor`` (the default for
   many documents: a process pool whose workers start warm; a Dask client's executor runs the same list);
4. records each file in the new manifest, warnings stored coded (a rerun in another language words them anew);
5. writes atomically: all files together when every document succeeded (``each=False``: build, pack), or each
   document's files as they arrive, a failure reported with its unit and the others going on (``each=True``: batch);
6. writes the previews and the manifest, and returns the result.

Nothing here knows what a document is: that is the plan's ``render`` function.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from .. import messages as M
from ..atomic import remove_stale, write_all, write_atomic
from ..collector import paused as collection_paused
from ..errors import BriefgenError, Location, OutputError, Problem
from ..i18n import Message, Text, language, set_language
from ..locks import LOCK_NAME, folder_lock
from ..text.segment import held_flushes
from .manifest import LOCK, MANIFEST, Manifest, NotRegular, file_sha256, read_manifest, sha256, unchanged
from .results import Failure, JobResult, OutputFile


@dataclass
class Work:
    """One document of a plan, in one or more formats."""
    unit: str  # whose it is: the template (build), the department (batch), "pack"; warnings are placed at it
    key: str  # the hash of everything its bytes depend on
    targets: tuple[tuple[str, str], ...]  # (format, file name inside the folder)
    job: Any  # what plan.render makes the bytes from (picklable when an executor maps it)
    entry: dict = field(default_factory=dict)  # manifest fields beside the checksum: template, unit, theme, parts …


@dataclass
class Made:
    """What rendering one Work gave: the bytes per format and what the run needs to know about them."""
    unit: str
    files: dict[str, bytes] = field(default_factory=dict)
    pages: int | None = None
    scale: float = 1.0
    docx_scale: float = 1.0
    warnings: list = field(default_factory=list)  # Problems or Messages (or a user template's own words)
    missing: str = ""  # characters no font could draw
    fonts: tuple[str, ...] = ()
    error: str | None = None  # one line, when the document could not be made (each=True)


@dataclass
class Plan:
    folder: Path
    works: list[Work]
    render: Callable[[Any], Made]  # a module-level function, so that a process pool or a cluster can call it
    inputs: dict[str, str] = field(default_factory=dict)  # input path -> role, for the manifest
    force: bool = False
    write: bool = True  # False: everything but the writing (`briefgen validate`)
    single: Path | None = None  # `-o FILE`: one file, no folder lock, manifest or reuse
    strict: bool = False  # warnings are errors
    each: bool = False  # each document written as it arrives; a failing one is reported, the others go on
    preview: bool = False
    sheet: str | None = None  # with preview: one contact sheet of first pages, under this name (a batch)
    warm: Callable[..., None] | None = None  # loads in each worker what every document uses
    warm_args: tuple = ()
    workers: int | None = None
    pool: bool = False  # may the default (no executor given) be a process pool
    fonts: Callable[[], Any] | None = None  # the font files this run's theme resolves (``theme_fonts``): the only
    # fonts a rerun re-hashes to keep a PDF; a font path that only a manifest names is never opened


def theme_fonts(theme) -> Callable[[], frozenset[str]]:
    """The font files ``theme`` draws PDFs from, found when first asked (a rerun that keeps a PDF)."""
    found: list[frozenset[str]] = []

    def fonts() -> frozenset[str]:
        if not found:
            from ..fonts.fontset import source_paths_of  # only when a rerun keeps a PDF

            try:
                found.append(source_paths_of(theme))
            except BriefgenError:
                found.append(frozenset())
        return found[0]

    return fonts


def guarded(render: Callable[[Any], Made], job: Any, unit: str, lang: str | None = None) -> Made:
    """``render(job)``, with a user error or a bug turned into the Made's one-line ``error`` (the others go on)."""
    if lang:
        set_language(lang)  # a spawned worker or a cluster does not inherit --lang
    try:
        return render(job)
    except BriefgenError as exc:
        return Made(unit, error="; ".join(exc.lines()))
    except Exception as exc:  # a bug must not stop the other documents; it is reported with its own
        return Made(unit, error=str(M.unexpected(kind=type(exc).__name__, detail=exc)))


# --- warnings, stored coded ------------------------------------------------------------------------------------

def _coded(value: Any) -> Any:
    if isinstance(value, Problem):
        value = value.message
    if isinstance(value, Message):
        return {"code": value.code, "args": {k: _coded(v) for k, v in value.args}}
    if isinstance(value, (list, tuple)):
        return [_coded(v) for v in value]
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    return str(value)


def _worded(value: Any) -> Any:
    """A stored warning back as a Message, worded when shown (a sentence stored by an older briefgen stays as it is)."""
    if isinstance(value, dict) and isinstance(value.get("code"), str) and isinstance(value.get("args"), dict):
        text = Text.registry.get(value["code"])
        if text is None:
            return value["code"]
        return Message(text.code, text.english, tuple((str(k), _worded(v)) for k, v in value["args"].items()))
    if isinstance(value, list):
        return [_worded(v) for v in value]
    return value if isinstance(value, (int, float)) else str(value)


def placed(unit: str, warnings: list) -> list[Problem]:
    return [w if isinstance(w, Problem) else Problem(Location(unit), "", w) for w in warnings]


# --- the output folder -----------------------------------------------------------------------------------------

def lock_path(folder: Path) -> Path:
    """The lock of an output folder: a file in the folder itself, so that every run into it sees it, whoever
    runs it (two users of a shared drive, two caches); removed when the run ends, ignored by verify."""
    return Path(folder) / LOCK_NAME


def check_outputs_are_not_inputs(folder: Path, names, inputs: dict[str, str]) -> None:
    """Refuse, before any work, a run one of whose files would replace one of its own inputs (the data, a table,
    a template, the theme, the reference DOCX): the output's place in the folder is the input's, or the input
    is a link there."""
    base = os.path.normcase(os.path.realpath(folder))
    places = {os.path.join(base, os.path.normcase(n)) for n in names}
    for path, role in inputs.items():
        given = os.path.abspath(path)
        entry = os.path.join(os.path.normcase(os.path.realpath(os.path.dirname(given))), os.path.normcase(os.path.basename(given)))
        if entry in places or os.path.normcase(os.path.realpath(given)) in places:
            raise BriefgenError(M.output_is_input(path=path, role=role))


class OutputFolder:
    """An output folder held for one run: locked (a lock file in the folder), cleared of what interrupted runs
    left, with its manifest read without following links (refused when it is not briefgen's own)."""
    def __init__(self, folder: Path, force: bool) -> None:
        self.folder = Path(folder)
        self.force = force
        self._lock = None
        self.notes: list = []

    def __enter__(self) -> "OutputFolder":
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(M.out_is_file(path=self.folder))
        # the folder is made for its lock; a run that fails leaves it as it found it
        self._lock = folder_lock(self.folder, M.folder_busy(path=self.folder), M.lock_not_regular(path=lock_path(self.folder)))
        try:
            self._lock.__enter__()
        except OSError as exc:  # no folder can be made there (a file above it, no permission)
            raise OutputError(M.cannot_write(path=Path(exc.filename or self.folder), reason=exc.strerror or exc)) from None
        try:
            self.stale = remove_stale(self.folder)
            # read with --force too: it proves the folder is briefgen's, and keeps the record of what a failed
            # or interrupted run does not reach
            self.old = read_manifest(self.folder)
        except BaseException as exc:
            self._lock.__exit__(type(exc), exc, exc.__traceback__)
            raise
        if self.old.damaged is not None:
            self.notes.append(self.old.damaged)
        self.notes.extend(M.manifest_entry_dropped(path=self.folder / MANIFEST, name=repr(name)) for name in self.old.dropped)
        self.new = Manifest()
        return self

    def __exit__(self, *exc) -> None:
        self._lock.__exit__(*exc)

    def keep(self, name: str, entry: dict) -> None:
        """Carry an unchanged file's entry (and its fonts) over into the new manifest."""
        self.new.files[name] = entry
        for font in entry.get("fonts", []):
            if font in self.old.inputs:
                self.new.inputs[font] = self.old.inputs[font]

    def record(self, name: str, data: bytes, entry: dict) -> dict:
        entry = {"sha256": sha256(data), "size": len(data), **entry}
        self.new.files[name] = entry
        for font in entry.get("fonts", []):
            if font not in self.new.inputs:
                try:
                    self.new.add_input(font, "font")
                except OSError:
                    pass
        return entry

    def finish(self, inputs: dict[str, str]) -> Path:
        """Write the manifest: the files of this run plus the still-intact files of earlier runs (a regular file
        with its recorded checksum; a run that stopped half-way keeps the entries of what it did not reach)."""
        for name, entry in self.old.files.items():
            if name not in self.new.files:
                try:
                    if file_sha256(self.folder / name, follow=False) == entry.get("sha256"):
                        self.keep(name, entry)
                except OSError:
                    pass
        for path, role in inputs.items():
            try:
                self.new.add_input(path, role)
            except OSError:
                pass
        target = self.folder / MANIFEST
        write_atomic(target, self.new.to_bytes(__version__))
        return target


class SingleFile:
    """`-o FILE`: one file written atomically; no folder lock, manifest or incremental reuse."""
    stale: list = []
    old = None

    def __enter__(self) -> "SingleFile":
        self.new = Manifest()
        return self

    def __exit__(self, *exc) -> None:
        pass

    def record(self, name: str, data: bytes, entry: dict) -> dict:
        return {"sha256": sha256(data), "size": len(data), **entry}



def write_previews(out: OutputFolder, result: JobResult, sheet: str | None = None, dpi: float = 110) -> None:
    """PNG previews of the PDFs of ``result``, recorded in the manifest: every page as NAME-pN.png, or, with
    ``sheet``, one contact sheet of every document's first page labelled with its unit (a batch)."""
    from ..render.preview import contact_sheet, page_pngs  # pypdfium2 and the renderers load only for previews

    pdfs = [o for o in result.outputs if o.format == "pdf"]
    pending = []
    if sheet is not None:
        if not pdfs:
            return
        pending.append((sheet, contact_sheet([(o.unit or o.template, o.path.read_bytes()) for o in pdfs])))
    else:
        for o in pdfs:
            for n, data in enumerate(page_pngs(o.path.read_bytes(), dpi, name=str(o.path)), 1):
                pending.append((f"{o.path.stem}-p{n}.png", data))
    for name, data in pending:
        out.record(name, data, {"format": "png", "template": "preview", "key": ""})
    write_all([(out.folder / name, data) for name, data in pending])
    result.outputs.extend(OutputFile(out.folder / name, "preview", "png") for name, _ in pending)


# --- executors --------------------------------------------------------------------------------------------------

def _pool_context():
    methods = multiprocessing.get_all_start_methods()
    # fork hands every worker the parent's warm state (fonts loaded, modules imported) at no cost
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _mapped(plan: Plan, todo: list[Work], executor) -> Any:
    """The Made of every Work of ``todo``, in order, as each is ready."""
    lang = language()
    units = [w.unit for w in todo]
    if executor is not None:
        return executor.map(guarded, [plan.render] * len(todo), [w.job for w in todo], units, [lang] * len(todo))
    workers = min(plan.workers or os.cpu_count() or 1, len(todo)) if todo else 0
    if not plan.pool or workers <= 1:
        if not plan.each:  # build, pack: a user error stops the run with its own located problems
            return (plan.render(w.job) for w in todo)
        return (guarded(plan.render, w.job, w.unit) for w in todo)
    return _pooled(plan, todo, workers, units, lang)


def _die_with(parent: int) -> None:
    """In a pool worker: end when the parent ends, however it ends (SIGKILL included)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG (Linux): the kernel kills us with the parent
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it ended before we could ask
        os._exit(1)

    def watch() -> None:  # everywhere else (and a belt to the braces): look every second
        import time

        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="briefgen-parent-watch", daemon=True).start()


def _worker_start(parent: int, warm: Callable[..., None] | None, args: tuple) -> None:
    """A pool worker's first step: Ctrl-C and SIGTERM (sent to the whole process group by a terminal or a service
    manager) are the parent's to act on, which stops the workers itself; die with the parent; then warm up."""
    for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if sig is not None:
            signal.signal(sig, signal.SIG_IGN)
    _die_with(parent)
    if warm is not None:
        warm(*args)
    # A worker only renders: what it has loaded lives until it ends, so the collector leaves it alone (frozen), and
    # runs every 10,000 allocations rather than 700 (what a brief allocates is nearly all freed by reference
    # counting): the collector took ~10 % of a worker's CPU, ~2 % now.
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now (the run was interrupted or failed): pending work cancelled, workers killed and reaped.
    They only render bytes in memory, so nothing is left half-written."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        try:
            proc.kill()
        except (OSError, ValueError, AttributeError):
            pass
    for proc in processes:
        try:
            proc.join(5)
        except (OSError, ValueError, AssertionError, AttributeError):
            pass


def _chunk_sizes(n: int, workers: int, most: int = 12) -> list[int]:
    """How many documents each task sent to a worker holds: at most ``most`` (one message each way for many
    documents), fewer as the run nears its end (half of what is left, shared by the workers), down to one, so that
    the workers finish together rather than one idling while the other makes the last dozen."""
    sizes = []
    while n > 0:
        size = max(1, min(most, -(-n // (2 * workers))))
        sizes.append(size)
        n -= size
    return sizes


def _guarded_all(render: Callable[[Any], Made], jobs: list, units: list[str], lang: str) -> list[Made]:
    """One task of a pool: ``guarded`` for each job of a chunk (the titles segmented for them written to the user
    cache once, when the chunk is done)."""
    with held_flushes():
        return [guarded(render, job, unit, lang) for job, unit in zip(jobs, units)]


def _pooled(plan: Plan, todo: list[Work], workers: int, units: list[str], lang: str):
    pool = ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_worker_start,
                               initargs=(os.getpid(), plan.warm, plan.warm_args))
    try:
        # the warm objects the forked workers share are frozen while they start, so that no collection in a worker
        # writes to their pages (copying them); unfrozen again here once the workers are started
        gc.freeze()
        try:
            futures, at = [], 0
            for size in _chunk_sizes(len(todo), workers):
                futures.append(pool.submit(_guarded_all, plan.render, [w.job for w in todo[at:at + size]],
                                           units[at:at + size], lang))
                at += size
        finally:
            gc.unfreeze()
        for future in futures:
            yield from future.result()
    except BaseException:  # Ctrl-C, SIGTERM, a failure, or the run closing this generator early
        _stop(pool)
        raise
    pool.shutdown(wait=True)


# --- the run ----------------------------------------------------------------------------------------------------

def run(plan: Plan, result: JobResult, clock, executor=None, progress: Callable[[int, int, str], None] | None = None,
        before_render: Callable[[], None] | None = None) -> JobResult:
    """Carry ``plan`` out into ``result`` (see the module's docstring). ``progress(done, total, unit)`` is called as
    each document is kept or made; ``before_render`` once, when some document is to be made (warming up)."""
    folder = Path(plan.single).parent if plan.single else Path(plan.folder)
    if plan.write:
        names = [plan.single.name] if plan.single else [n for w in plan.works for _, n in w.targets] + [MANIFEST, LOCK]
        check_outputs_are_not_inputs(folder, names, plan.inputs)
    holder = SingleFile() if not plan.write or plan.single else OutputFolder(folder, plan.force)  # validate writes none
    with holder as out:
        if out.stale:
            result.notes.append(M.removed_stale(n=len(out.stale), folder=folder))
        result.notes.extend(getattr(out, "notes", []))
        reuse = out.old if out.old is not None and not plan.force else None
        fonts = plan.fonts or frozenset
        missing: dict[str, set[str]] = {}
        pending: list[tuple[Path, bytes]] = []
        total, done = len(plan.works), 0
        todo: list[Work] = []
        kept_of: dict[int, dict[str, dict]] = {}
        status = "built" if plan.write else "checked"

        def note_missing(chars: str, unit: str) -> None:
            for ch in chars:
                missing.setdefault(ch, set()).add(unit)

        for work in plan.works:
            kept = {fmt: unchanged(reuse, folder, name, f"{work.key}:{fmt}", fonts) for fmt, name in work.targets} if reuse else {}
            if kept and all(kept.values()):
                first = kept[work.targets[0][0]]
                for fmt, name in work.targets:
                    entry = kept[fmt]
                    out.keep(name, entry)
                    result.outputs.append(OutputFile(folder / name, work.entry.get("template", work.unit), fmt, "unchanged",
                                                     entry.get("pages"), entry.get("scale", 1.0), work.entry.get("unit"),
                                                     entry["sha256"]))
                note_missing(first.get("missing", ""), work.unit)
                result.warnings.extend(placed(work.unit, [_worded(w) for w in first.get("warnings", [])]))
                done += 1
                if progress:
                    progress(done, total, work.unit)
                continue
            kept_of[id(work)] = {fmt: e for fmt, e in kept.items() if e}
            todo.append(work)

        def take(work: Work, made: Made) -> None:
            if made.error:
                result.failed.append(Failure(made.unit, made.error))
                return
            warnings = placed(work.unit, made.warnings)
            if plan.strict and plan.each and (warnings or made.missing):
                doubts = [str(w.message) for w in warnings] + ([str(M.no_font_draws(chars="、".join(made.missing)))] if made.missing else [])
                result.failed.append(Failure(made.unit, str(M.strict_error(problem="; ".join(doubts)))))
                return
            result.warnings.extend(warnings)
            note_missing(made.missing, work.unit)
            mine = []
            for fmt, name in work.targets:
                entry = kept_of.get(id(work), {}).get(fmt)
                if entry:  # intact and up to date: left as it is
                    out.keep(name, entry)
                    result.outputs.append(OutputFile(folder / name, work.entry.get("template", work.unit), fmt, "unchanged",
                                                     entry.get("pages"), entry.get("scale", 1.0), work.entry.get("unit"),
                                                     entry["sha256"]))
                    continue
                data = made.files[fmt]
                entry = out.record(name, data, {
                    "format": fmt, **work.entry, "key": f"{work.key}:{fmt}",
                    "pages": made.pages if fmt == "pdf" else None,
                    "scale": made.scale if fmt == "pdf" else made.docx_scale,
                    "archive": bool(work.entry.get("archive")) and fmt == "pdf",
                    "fonts": list(made.fonts) if fmt == "pdf" else [],
                    "warnings": [_coded(w) for w in warnings],
                    "missing": made.missing,
                })
                mine.append((folder / name, data))
                result.outputs.append(OutputFile(folder / name, work.entry.get("template", work.unit), fmt, status,
                                                 entry["pages"], entry["scale"], work.entry.get("unit"), entry["sha256"]))
            if plan.each and plan.write:

                write_all(mine)
            else:
                pending.extend(mine)

        finished = False
        mapped = None
        try:
            with clock.stage("render"):
                if todo and before_render:
                    with collection_paused():
                        before_render()
                mapped = _mapped(plan, todo, executor)
                for work, made in zip(todo, mapped):
                    take(work, made)
                    done += 1
                    if progress:
                        progress(done, total, work.unit)
            # the files in the plan's order, whether kept or made
            order = {folder / name: i for i, (_, name) in enumerate(t for w in plan.works for t in w.targets)}
            result.outputs.sort(key=lambda o: order.get(o.path, len(order)))
            result.warnings.extend(missing_warning(missing))
            if plan.strict and not plan.each and result.warnings:
                raise BriefgenError(*(M.strict_error(problem=w) for w in result.warnings))
            if not plan.write:
                return result
            with clock.stage("write"):
                if not plan.each:
                    write_all(pending)
            if plan.preview and plan.single:
                result.notes.append(M.preview_ignored())
            elif plan.preview:
                with clock.stage("preview"):
                    if plan.sheet is not None:
                        result.outputs.sort(key=lambda o: (o.unit or "", o.format))
                    write_previews(out, result, sheet=plan.sheet)
            finished = True
        finally:
            if mapped is not None and hasattr(mapped, "close"):
                mapped.close()  # a pool stops (its workers killed) before the manifest is written
            # a batch records what it wrote even when stopped half-way; build and pack only when all is written
            # (the entries of intact files it did not reach are kept: OutputFolder.finish)
            if plan.write and not plan.single and (finished or plan.each):
                with clock.stage("write"):
                    result.manifest = out.finish(plan.inputs)
    return result


def missing_warning(missing: dict[str, set[str]]) -> list[Problem]:
    """One warning for every character no font can draw, naming the documents that draw it."""
    if not missing:
        return []
    listing = "、".join(sorted(missing))
    where = ", ".join(sorted({t for s in missing.values() for t in s}))
    return [Problem(Location(where), "", M.no_font_draws(chars=listing))]
