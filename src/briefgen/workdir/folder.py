"""A working folder as the web page and `briefgen watch` see it: what each file is, the settings a job takes from
it, the place of a problem, and a fingerprint that changes only when a file that matters changes.

    view = describe([folder, uploads])                      # [FolderFile]: name, role (data, indicators, …), size
    settings = settings_for([folder, uploads], out, {...})  # a Settings, as `briefgen build` in that folder would
    stored = store_upload(uploads, "指标.xlsx", data)        # a safe name under ``uploads``; limits checked
    grid = place_of(problem.location, [folder, uploads])    # the sheet around the cell, or the lines around the line
    key = fingerprint([folder, uploads])                     # changes when a file that matters changes

A folder list is read in order: a later folder (the uploads) wins over an earlier one (the folder served), and
within one role the file saved last wins, except the files that ``briefgen.toml`` names, which are the base.
Nothing here writes outside the folder it is given; the names stored are briefgen's safe names
(``jobs.names.clean_part``), never a path a browser sent.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import limits
from .. import messages as M
from ..errors import BriefgenError, Location

CONFIG = "briefgen.toml"
MANIFEST = "manifest.json"  # what every job writes beside its outputs (jobs.manifest.MANIFEST)
DATA_SUFFIXES = (".yaml", ".yml", ".json")
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".xls", ".et")
REPORT_SUFFIXES = (".docx", ".txt", ".pdf")
PROGRESS_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".xls", ".et")
PROGRESS = "_progress"  # the returned 进度表 dropped in the page's 督办 tab: never a table of the folder itself
TEMPLATE_SUFFIX = ".xml.j2"
SKIPPED_FOLDERS = ("out", "__pycache__", ".git")
# What an editor leaves beside the file it saves: Excel and WPS lock files (~$指标.xlsx), LibreOffice's
# (.~lock.指标.xlsx#), vim's swap and backup files, and the temporary files editors write before a rename.
_SCRATCH = re.compile(r"^(~\$|\.~lock\.|\.#|#)|(\.(swp|swx|swo|tmp|temp|bak|crdownload|part)|~|#)$", re.I)

# The largest file each kind may be: the limits of the loaders, checked before a byte is stored.
_SIZE_LIMITS = {
    "data": limits.MAX_DATA_FILE_BYTES, "table": limits.MAX_TABLE_FILE_BYTES, "settings": limits.MAX_DATA_FILE_BYTES,
    "template": limits.MAX_TEMPLATE_FILE_BYTES, "theme": limits.MAX_THEME_FILE_BYTES, "reference": limits.MAX_DOCX_FILE_BYTES,
    "report": limits.MAX_DOCX_FILE_BYTES, "progress": limits.MAX_TABLE_FILE_BYTES,
}


class UploadError(BriefgenError):
    """A file the page may not store: an unknown kind, too large, too many."""


@dataclass
class FolderFile:
    path: Path
    name: str  # as shown: relative to its folder
    role: str  # settings, data, indicators, tasks, table, template, theme, reference, report
    size: int
    uploaded: bool = False
    used: bool = False  # the file a job would take for its role


def is_scratch(name: str) -> bool:
    """An editor's lock, swap or temporary file (never data, never a reason to rebuild)."""
    return bool(_SCRATCH.search(Path(name).name))


def role_of(name: str, report: bool | str = False) -> str | None:
    """What a file is by its name: ``report`` True (or "report") for the drop zone of work reports (.docx/.txt/.pdf),
    "progress" for the 督办 tab's returned 进度表 (.xlsx/.csv)."""
    lower = Path(name).name.lower()
    if report == "progress":
        return "progress" if lower.endswith(PROGRESS_SUFFIXES) else None
    if report:
        return "report" if lower.endswith(REPORT_SUFFIXES) else None
    if lower == MANIFEST:
        return None  # an output folder's record (an archive kept beside the data), never the report's data
    if lower == CONFIG:
        return "settings"
    if lower.endswith(TEMPLATE_SUFFIX):
        return "template"
    if lower.endswith(DATA_SUFFIXES):
        return "data"
    if lower.endswith(TABLE_SUFFIXES):
        return "table"
    if lower.endswith(".toml"):
        return "theme"
    if lower.endswith(".docx"):
        return "reference"
    return None


def size_limit(role: str) -> int:
    return _SIZE_LIMITS.get(role, limits.MAX_DATA_FILE_BYTES)


def upload_limits() -> dict[str, Any]:
    """The limits the page shows and checks before sending, by suffix."""
    by_suffix = {}
    for suffix in DATA_SUFFIXES + TABLE_SUFFIXES + (".toml", TEMPLATE_SUFFIX, ".docx"):
        by_suffix[suffix] = size_limit(role_of("x" + suffix) or "data")
    reports = {suffix: size_limit("report") for suffix in REPORT_SUFFIXES}
    progress = {suffix: size_limit("progress") for suffix in PROGRESS_SUFFIXES}
    return {"files": by_suffix, "reports": reports, "progress": progress, "count": limits.MAX_UPLOAD_FILES,
            "total": limits.MAX_SESSION_BYTES}


@lru_cache(maxsize=256)
def _table_kind(path: str, mtime: float, size: int) -> str:
    from ..load.headings import INDICATORS
    from ..load.tables import read_tables

    found = read_tables(Path(path), require=False, year=2000)
    if INDICATORS in found.data:
        return "indicators"
    if "plan" in found.data:
        return "progress" if _progress_form(Path(path)) else "tasks"
    return "table"


def _progress_form(path: Path) -> bool:
    """A returned 进度表 (or a consolidated progress table): its task rows carry both 完成进度 and 状态. Such a
    table is never the plan's task table (a plan with a 进展情况 column alone still is)."""
    from ..load.progress import _find_heading
    from ..load.sheets import read_sheets

    for sheet in read_sheets(path, path.name):
        found = _find_heading(sheet)
        if found is not None and {"percent", "state"} <= set(found[1]):
            return True
    return False


def table_kind(path: Path) -> str:
    """indicators, tasks, progress (a returned 进度表: never the plan), or table (none found, or unreadable)."""
    try:
        st = path.stat()
        return _table_kind(str(path), st.st_mtime, st.st_size)
    except (OSError, BriefgenError):
        return "table"


def _files(folder: Path) -> list[Path]:
    """The files of ``folder`` briefgen may read: not its outputs (out/, or the `out` briefgen.toml names), not hidden
    or scratch files, at most three folders deep."""
    out = []
    if not folder.is_dir():
        return out
    outputs = _named_in_config(folder).get("out")
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if len(rel.parts) > 3 or any(p in SKIPPED_FOLDERS or p.startswith(".") for p in rel.parts[:-1]):
            continue
        try:
            if outputs is not None and path.resolve().is_relative_to(outputs):
                continue
        except (OSError, RuntimeError):  # a link that loops back on itself (RuntimeError before Python 3.13)
            continue
        if path.is_file() and not path.is_symlink() and not is_scratch(path.name) and not rel.parts[0].startswith("_"):
            out.append(path)
    return out


def _named_in_config(folder: Path) -> dict[str, Path]:
    """The files briefgen.toml names: role -> path (and "out": the output folder)."""
    import tomllib

    try:
        raw = tomllib.loads((folder / CONFIG).read_text("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return {role: (folder / raw[role]).resolve() for role in ("data", "indicators", "tasks", "reference_docx", "out")
            if isinstance(raw.get(role), str) and raw[role].strip()}


def describe(folders: list[Path], uploads: Path | None = None) -> list[FolderFile]:
    """Every file of the folders that briefgen reads, with its role; ``used`` marks the ones a job would take.

    A Word file is a reference (styles for the DOCX) when it was dropped (in ``uploads``) or briefgen.toml names it;
    other .docx files of a folder (reports, last year's documents) are not listed."""
    out: list[FolderFile] = []
    for folder in folders:
        named = set(_named_in_config(folder).values())
        for path in _files(folder):
            role = role_of(path.name)
            if role is None or (role == "reference" and folder != uploads and path.resolve() not in named):
                continue
            if role == "table":
                role = table_kind(path)
            out.append(FolderFile(path, str(path.relative_to(folder)), role, path.stat().st_size,
                                  uploaded=uploads is not None and folder == uploads))
    chosen = _choose(folders, out)
    for f in out:
        f.used = f.path in chosen.values() or f.role in ("template", "settings")
    return out


def _choose(folders: list[Path], files: list[FolderFile]) -> dict[str, Path]:
    """role -> the file a job takes: briefgen.toml's files are the base; a file of that role that briefgen.toml does
    not name, saved later, or in a later folder, wins."""
    chosen: dict[str, Path] = {}
    named: dict[str, Path] = {}
    for folder in folders:
        if (folder / CONFIG).is_file():
            named.update(_named_in_config(folder))
    for role in ("data", "indicators", "tasks", "reference"):
        key = "reference_docx" if role == "reference" else role
        base = named.get(key)
        others = [f for f in files if f.role == role and f.path.resolve() != base]
        if others:
            rank = {folder: i for i, folder in enumerate(folders)}
            best = max(others, key=lambda f: (next((rank[p] for p in folders if f.path.is_relative_to(p)), 0), f.path.stat().st_mtime))
            if base is None or role != "reference":
                chosen[role] = best.path
        elif base is not None:
            chosen[role] = base
    return chosen


def settings_for(folders: list[Path], out: Path | None, options: dict[str, Any] | None = None, uploads: Path | None = None):
    """The Settings a job in these folders takes: the last ``briefgen.toml`` among them, then the files dropped
    (see ``_choose``), then ``options`` (the page's form); ``out`` None: briefgen.toml's, else out/ in the
    folder. Raises BriefgenError when there is no report data."""
    from ..settings import load_settings

    options = {k: v for k, v in (options or {}).items() if v is not None and v != () and v != ""}
    base = next((f for f in reversed(folders) if (f / CONFIG).is_file()), folders[-1])
    chosen = _choose(folders, describe(folders, uploads))
    given: dict[str, Any] = {}
    for role in ("data", "indicators", "tasks"):
        if role in chosen:
            given[role] = chosen[role]
    if "reference" in chosen and "reference_docx" not in options:
        given["reference_docx"] = chosen["reference"]
    from ..load.source import outside

    # a templates/ that is a link out of the folder is not the folder's own (the web page's jobs: load.source.confined)
    dirs = tuple(f / "templates" for f in reversed(folders) if (f / "templates").is_dir() and not outside(f / "templates"))
    if dirs:
        given["template_dirs"] = dirs
    given.update(options)
    if out is not None:
        given["out"] = out
    elif not (base / CONFIG).is_file():
        given["out"] = base / "out"
    settings = load_settings(given, folder=base)
    if settings.data is None:
        raise BriefgenError(M.web_no_data())
    return settings


# ---- storing what a browser sends --------------------------------------------------------------------------------

def safe_upload_name(name: str) -> str:
    """The name a browser sent, reduced to a safe file name of its own (no folder, no hazard); keeps Chinese."""
    from ..jobs.names import RESERVED, _cap, clean_part

    base = re.split(r"[\\/]", name or "")[-1]
    stem, dot, suffix = base.partition(".")
    suffix = clean_part(suffix)
    stem = clean_part(stem) or "file"
    if stem.upper() in RESERVED:
        stem = "_" + stem
    ext = ("." + suffix) if dot and suffix else ""
    return _cap(stem, ext) + ext


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def check_upload(name: str, size: int, report: bool | str = False, count: int = 1, stored: int = 0) -> str:
    """The role of a file about to be stored, or UploadError saying why it is refused (kind, size, count, total);
    ``report``: True or "report" for a work report, "progress" for a returned 进度表."""
    role = role_of(name, report)
    if role is None:
        kinds = "、".join(PROGRESS_SUFFIXES if report == "progress" else REPORT_SUFFIXES if report
                         else DATA_SUFFIXES + TABLE_SUFFIXES + (".toml", TEMPLATE_SUFFIX, ".docx"))
        raise UploadError(M.web_unknown_kind(name=name, kinds=kinds))
    if count > limits.MAX_UPLOAD_FILES:
        raise UploadError(limits.refusal(M.web_files_count(n=count), M.web_limit_count(n=limits.MAX_UPLOAD_FILES), M.web_fix_count()))
    limit = size_limit(role)
    if size > limit:
        raise UploadError(M.web_file_refused(name=name, why=limits.refusal(M.file_size(size=limits.megabytes(size)),
                                                                            M.web_limit_size(size=limits.megabytes(limit)), M.fix_file_size())))
    if stored + size > limits.MAX_SESSION_BYTES:
        raise UploadError(limits.refusal(M.web_session_full(size=limits.megabytes(stored + size)),
                                         M.web_limit_session(size=limits.megabytes(limits.MAX_SESSION_BYTES)), M.web_fix_session()))
    return role


def store_upload(folder: Path, name: str, data: bytes, report: bool | str = False) -> Path:
    """Store ``data`` under ``folder`` with a safe name (templates in templates/, reports in _reports/, returned
    进度表 in _progress/); returns its path."""
    from ..atomic import write_atomic

    role = check_upload(name, len(data), report, stored=folder_bytes(folder))
    safe = safe_upload_name(name)
    sub = {"template": "templates", "report": "_reports", "progress": PROGRESS}.get(role)
    target = (folder / sub / safe) if sub else folder / safe
    write_atomic(target, data)
    return target


def progress_files(uploads: Path) -> list[Path]:
    """The returned 进度表 dropped in the 督办 tab, by name."""
    folder = uploads / PROGRESS
    return sorted((p for p in folder.iterdir() if p.is_file() and not p.is_symlink() and role_of(p.name, "progress")),
                  key=lambda p: p.name) if folder.is_dir() else []


def clear_progress(uploads: Path) -> int:
    """Remove the returned 进度表 of a page (a new period's forms come next); how many were removed."""
    files = progress_files(uploads)
    for path in files:
        path.unlink(missing_ok=True)
    return len(files)


# ---- where a problem is ------------------------------------------------------------------------------------------

_CELL = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]{1,3})(\d+)$|^([A-Z]{1,3})(\d+)$")


def split_cell(ref: str) -> tuple[str | None, int, int] | None:
    """'Sheet1!D7' -> ('Sheet1', 7, 4); "'My sheet'!B2" -> ('My sheet', 2, 2); 'D7' -> (None, 7, 4)."""
    from openpyxl.utils import column_index_from_string

    m = _CELL.match(ref or "")
    if not m:
        return None
    if m.group(5):
        return None, int(m.group(6)), column_index_from_string(m.group(5))
    sheet = m.group(1).replace("''", "'") if m.group(1) else m.group(2)
    return sheet, int(m.group(4)), column_index_from_string(m.group(3))


def find_file(name: str, folders: list[Path]) -> Path | None:
    """The file a location names (as the loaders write it: relative to where briefgen ran, or absolute)."""
    given = Path(name)
    if given.is_absolute():
        return given if any(given.is_relative_to(f.resolve()) or given.is_relative_to(f) for f in folders) and given.is_file() else None
    for folder in reversed(folders):
        for path in (folder / given, Path.cwd() / given):
            try:
                if path.is_file() and any(path.resolve().is_relative_to(f.resolve()) for f in folders):
                    return path
            except OSError:
                continue
    return None


def shown_name(name: str, folders: list[Path]) -> str:
    """A location's file as the page shows it: relative to its folder."""
    given = Path(name)
    if not given.is_absolute() and (Path.cwd() / given).exists():  # as the loaders write it: relative to the cwd
        given = Path.cwd() / given
    for folder in folders:
        for base in (folder, folder.resolve()):
            if given.is_absolute() and given.is_relative_to(base):
                rel = given.relative_to(base)
                # the page's own places (_reports, _progress) are no folder of the clerk's: the file's name alone
                return rel.name if rel.parts[0].startswith("_") else str(rel)
    return name


@dataclass
class Place:
    """What the page shows beside a problem: a grid of the sheet with the cell marked, or the lines around a line."""

    kind: str  # "cell" or "line"
    file: str
    sheet: str | None = None
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (row or line number, cells or [text])
    mark: tuple[int, int] = (0, 0)  # (row, column) of the cell; (line, 0) of a line


def place_of(location: Location, folders: list[Path], around: int = 3) -> Place | None:
    """The sheet around ``location``'s cell, or the data file's lines around its line; None when not readable."""
    path = find_file(location.file, folders)
    if path is None:
        return None
    shown = shown_name(str(path), folders)
    if location.cell:
        return _grid(path, shown, location.cell, around)
    if location.line:
        try:
            lines = path.read_text("utf-8", "replace").splitlines()
        except OSError:
            return None
        lo, hi = max(1, location.line - around), min(len(lines), location.line + around)
        return Place("line", shown, rows=[(n, [lines[n - 1]]) for n in range(lo, hi + 1)], mark=(location.line, 0))
    return None


def _grid(path: Path, shown: str, ref: str, around: int) -> Place | None:
    from openpyxl.utils import get_column_letter

    from ..load.sheets import read_sheets

    where = split_cell(ref)
    if where is None:
        return None
    sheet_name, row, col = where
    try:
        sheets = read_sheets(path, shown)
    except BriefgenError:
        return None
    sheet = next((s for s in sheets if s.name == sheet_name), sheets[0] if sheets else None)
    if sheet is None:
        return None
    width = max((len(r) for r in sheet.rows), default=0)
    c_lo, c_hi = max(1, col - around), max(min(max(width, col), col + around), col)
    r_lo, r_hi = max(1, row - around), row + around
    rows = []
    for r in range(r_lo, r_hi + 1):
        cells = sheet.rows[r - 1] if r - 1 < len(sheet.rows) else []
        rows.append((r, [_shown_cell(cells[c - 1], r, c) if c - 1 < len(cells) else "" for c in range(c_lo, c_hi + 1)]))
    columns = [get_column_letter(c) for c in range(c_lo, c_hi + 1)]
    return Place("cell", shown, sheet.name, columns, rows, (row, col - c_lo))


def _shown_cell(cell, row: int, col: int) -> str:
    """A cell's text as the sheet shows it: a merged range's value once, in its top-left cell."""
    if cell.merged and (row, col) != (cell.merged[0], cell.merged[1]):
        return ""
    return cell.text


# ---- what a rebuild depends on -----------------------------------------------------------------------------------

def fingerprint(folders: list[Path]) -> str:
    """A hash of every file briefgen reads in the folders (name and content): unchanged by an editor's lock or
    temporary files, by a save that writes the same bytes, or by the outputs."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in _files(folder):
            if role_of(path.name) is None:
                continue
            try:
                data = path.read_bytes()
            except OSError:  # removed between listing and reading (a rename in progress): the next event sees it
                continue
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()
