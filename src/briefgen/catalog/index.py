"""Reading an archive folder for the catalogue: its manifest, each document's text, and the data it was made from.

Everything is read and checked before the catalogue is opened for writing, so that a refused folder leaves
the catalogue (and the disk) as it was. A folder is read through briefgen's own manifest reader; the manifest
may name only regular files directly inside the folder (a name with a slash, ``..``, an absolute path or a
link is refused, with the folder and the name). A listed file that is gone or changed is not indexed (a
warning says so). The data file the run recorded among its inputs (role ``data``, with its SHA-256) is loaded
with briefgen's loader when it is still there with that checksum: its indicators and tasks join the catalogue.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import messages as M
from ..errors import BriefgenError
from ..i18n import Message
from ..jobs.manifest import MANIFEST, Manifest, read_manifest
from . import limits
from .names import merged
from .text import normalise


@dataclass
class Doc:
    name: str
    sha256: str
    size: int
    format: str
    kind: str | None
    unit: str | None
    pages: list[str]  # normalised text of each page (a DOCX: one entry)


@dataclass
class Data:
    """The report a folder's documents were made from."""
    sha256: str
    path: str
    meta: dict[str, Any]
    figures: list[dict[str, Any]]
    tasks: list[dict[str, Any]]


@dataclass
class Track:
    """A 督办 period's result (the 督办结果.json that `briefgen track report` keeps beside its documents)."""
    period: str
    as_of: str
    rule: str
    issue: int | None
    rows: list[dict[str, Any]]  # id, title, lead, status, colour, percent, closure


@dataclass
class Folder:
    path: Path
    manifest_sha256: str
    docs: list[Doc] = field(default_factory=list)
    data: Data | None = None
    warnings: list[Message] = field(default_factory=list)
    track: Track | None = None


TRACK_RESULT = "督办结果.json"
"""The file `briefgen track report` keeps each period's statuses in (briefgen.track.job.RESULT)."""


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _regular(path: Path) -> os.stat_result | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _inside(name: str) -> bool:
    return bool(name) and name not in (".", "..", MANIFEST) and "/" not in name and "\\" not in name \
        and "\x00" not in name and Path(name).name == name and not Path(name).is_absolute()


def read_folder(folder: Path, cwd: Path | None = None) -> Folder:
    """An archive folder read and checked (raises BriefgenError, located, for what is refused)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BriefgenError(M.cat_not_folder(path=folder))
    mpath = folder / MANIFEST
    st = os.lstat(mpath) if mpath.exists() or mpath.is_symlink() else None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise BriefgenError(M.cat_not_regular(path=mpath))
    if st is not None and st.st_size > limits.MAX_MANIFEST_BYTES:
        raise BriefgenError(M.cat_manifest_too_big(path=mpath, size=_size(st.st_size), limit=_size(limits.MAX_MANIFEST_BYTES)))
    manifest = read_manifest(folder, required=True)
    listed = list(manifest.files) + list(getattr(manifest, "dropped", []))  # the reader leaves out names it refuses
    bad = [name for name in listed if not _inside(name)]
    if bad:
        raise BriefgenError(*[M.cat_name_outside(path=mpath, name=repr(name)) for name in bad])
    result = Folder(folder.resolve(), _hash(mpath))
    for name, entry in sorted(manifest.files.items()):
        fmt = str(entry.get("format", Path(name).suffix.lstrip("."))).lower()
        if name == TRACK_RESULT:
            result.track = _read_track(folder / name, entry, result.warnings)
            continue
        if fmt not in ("pdf", "docx"):
            continue
        path = folder / name
        if not path.exists() and not path.is_symlink():
            result.warnings.append(M.cat_file_missing(path=path))
            continue
        st = _regular(path)
        if st is None:
            raise BriefgenError(M.cat_not_regular(path=path))
        if st.st_size > limits.MAX_DOCUMENT_BYTES:
            raise BriefgenError(M.cat_file_too_big(path=path, size=_size(st.st_size), limit=_size(limits.MAX_DOCUMENT_BYTES)))
        digest = _hash(path)
        if digest != entry.get("sha256"):
            result.warnings.append(M.cat_file_changed(path=path))
            continue
        pages = _pdf_pages(path, result.warnings) if fmt == "pdf" else _docx_text(path, result.warnings)
        if pages is None:
            continue
        unit = entry.get("unit")
        result.docs.append(Doc(name, digest, st.st_size, fmt, entry.get("template"), unit if isinstance(unit, str) else None, pages))
    result.data = _read_data(manifest, folder, mpath, cwd or Path.cwd(), result.warnings)
    return result


def _read_track(path: Path, entry: dict, warnings: list) -> Track | None:
    """A period's 督办 result, when it is there unchanged and of the shape `track report` writes (else a warning)."""
    import json

    if not path.exists() and not path.is_symlink():
        warnings.append(M.cat_file_missing(path=path))
        return None
    st = _regular(path)
    if st is None:
        raise BriefgenError(M.cat_not_regular(path=path))
    if st.st_size > limits.MAX_MANIFEST_BYTES:
        raise BriefgenError(M.cat_file_too_big(path=path, size=_size(st.st_size), limit=_size(limits.MAX_MANIFEST_BYTES)))
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != entry.get("sha256"):
        warnings.append(M.cat_file_changed(path=path))
        return None
    try:
        kept = json.loads(raw.decode("utf-8"))
        tasks = kept["tasks"]
        if not isinstance(kept["period"], str) or not isinstance(tasks, dict):
            raise TypeError
        rows = []
        for ident, t in tasks.items():
            percent = t.get("percent")
            if percent is not None and (isinstance(percent, bool) or not isinstance(percent, (int, float))):
                raise TypeError
            rows.append({"id": str(ident), "title": str(t["title"]), "lead": str(t["lead"]), "status": str(t["status"]),
                         "colour": str(t.get("colour") or ""), "percent": percent, "closure": str(t.get("closure") or "")})
        issue = kept.get("issue")
        return Track(kept["period"], str(kept.get("as_of") or ""), str(kept.get("rule") or ""),
                     issue if isinstance(issue, int) and not isinstance(issue, bool) else None, rows)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        warnings.append(M.cat_track_bad(path=path))
        return None


def _pdf_pages(path: Path, warnings: list) -> list[str] | None:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        detail = (M.why_pdf_password() if code in (4, 5) else M.why_pdf_format() if code == 3
                  else M.why_pdf_error(code=code if code is not None else "?"))
        warnings.append(M.cat_pdf_bad(path=path, detail=detail))
        return None
    try:
        if len(pdf) > limits.MAX_PAGES:
            raise BriefgenError(M.cat_too_many_pages(path=path, n=f"{len(pdf):,}", limit=f"{limits.MAX_PAGES:,}"))
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            try:
                n = textpage.count_chars()
                if n > limits.MAX_PAGE_CHARS:
                    raise BriefgenError(M.cat_text_too_long(path=path, page=i + 1, n=f"{n:,}", limit=f"{limits.MAX_PAGE_CHARS:,}"))
                pages.append(normalise(textpage.get_text_range()))
            finally:
                textpage.close()
                page.close()
        return pages
    finally:
        pdf.close()


def _docx_text(path: Path, warnings: list) -> list[str] | None:
    """A DOCX's text as one page, checked before python-docx reads it as `briefgen extract` checks a report (sizes,
    ratios, no DTD): a damaged or hostile file is a warning and is not indexed."""
    import io
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from ..render.docx.reference import ReferenceError_, parse_part, read_package

    try:
        parts = read_package(path, str(path), M.ref_report_file())
        for part, data in parts.items():
            if part.endswith((".xml", ".rels")):
                parse_part(data, part, str(path))
    except ReferenceError_ as exc:
        warnings.append(M.cat_docx_refused(detail=exc.args[0]))
        return None
    try:
        document = docx.Document(io.BytesIO(path.read_bytes()))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        warnings.append(M.cat_docx_bad(path=path, kind=type(exc).__name__))
        return None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(c.text for c in row.cells))
    text = normalise("\n".join(parts))
    if len(text) > limits.MAX_PAGE_CHARS * 10:
        raise BriefgenError(M.cat_text_too_long(path=path, page=1, n=f"{len(text):,}", limit=f"{limits.MAX_PAGE_CHARS * 10:,}"))
    return [text]


def _candidates(recorded: str, folder: Path, cwd: Path) -> list[Path]:
    p = Path(recorded)
    if p.is_absolute():
        return [p]
    return [cwd / p, folder.parent / p, folder / p]


def _find_input(manifest: Manifest, role: str, folder: Path, cwd: Path) -> list[tuple[str, Path | None]]:
    """(recorded path, the file there now with the recorded size and checksum, or None) of each input of ``role``."""
    found = []
    for recorded, info in sorted(manifest.inputs.items()):
        if info.get("role") != role:
            continue
        hit = None
        for p in _candidates(recorded, folder, cwd):
            st = _regular(p)
            if st is not None and st.st_size == info.get("size") and st.st_size <= limits.MAX_DATA_BYTES \
                    and _hash(p) == info.get("sha256"):
                hit = p
                break
        found.append((recorded, hit))
    return found


def _read_data(manifest: Manifest, folder: Path, mpath: Path, cwd: Path, warnings: list) -> Data | None:
    data_files = _find_input(manifest, "data", folder, cwd)
    if len(data_files) != 1:
        return None  # no data recorded, or several runs of different data into one folder: text only
    recorded, path = data_files[0]
    if path is None:
        warnings.append(M.cat_data_gone(path=mpath, data=recorded))
        return None
    tables = _find_input(manifest, "table", folder, cwd)
    from ..compose import load_report
    from ..load.tables import load_table_file

    try:
        given: dict[str, Path] = {}
        for t_recorded, t_path in tables:
            if t_path is None:
                warnings.append(M.cat_data_gone(path=mpath, data=t_recorded))
                return None
            content, _ = load_table_file(t_path, t_path.name)
            given["indicators" if "indicators" in content else "tasks"] = t_path
        report, _doubts = load_report(path, given.get("indicators"), given.get("tasks"))
    except BriefgenError as exc:
        warnings.append(M.cat_data_bad(path=mpath, data=recorded, reason=exc.lines()[0]))
        return None
    meta = report.report
    year = meta.year or meta.date.year
    figures = []
    seen = set()
    for ind in list(report.indicators) + [r for s in report.review.sections for r in s.results]:
        if ind.name in seen:
            continue
        seen.add(ind.name)
        figures.append({"name": ind.name, "merged": merged(ind.name), "value": str(ind.value), "unit": ind.unit or "",
                        "yoy": None if ind.yoy is None else str(ind.yoy), "estimate": int(ind.estimate)})
    shorts = {d.name: d.short for d in report.departments if d.short}
    tasks = []
    for section in report.plan.sections:
        for task in section.tasks:
            tasks.append({"section": section.title, "title": task.title, "lead": task.lead,
                          "lead_short": shorts.get(task.lead), "support": "、".join(task.support),
                          "due": task.due.isoformat(), "due_text": task.due_text})
    return Data(_hash(path), str(path.resolve()),
                {"title": meta.title, "issuer": meta.issuer, "date": meta.date.isoformat(), "period": meta.period, "year": year},
                figures, tasks)
