"""What build, batch and pack share: the run's inputs, the recipe of a document, archiving, and the writing
of a set of files into an output folder under its lock, with the manifest."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .. import __version__
from .. import messages as M
from ..errors import BriefgenError, Location, OutputError, Problem
from ..settings import Settings
from .manifest import MANIFEST, Manifest, file_sha256, read_manifest, recipe_key


class Clock:
    """Seconds per stage, for a job's ``timings``."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._start = time.perf_counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t

    def total(self) -> dict[str, float]:
        return {**self.timings, "total": time.perf_counter() - self._start}


@dataclass
class Inputs:
    """The loaded inputs of a run: the report, its doubts, the theme, and what the outputs depend on."""

    report: Any
    doubts: list[Problem]
    theme: Any
    files: dict[str, str]  # input path -> role (data, table, template, theme, reference)
    common: str  # the part of every recipe key that is not the document's own data


def load_inputs(settings: Settings) -> Inputs:
    from ..compose import load_report
    from ..templating import template_files
    from ..theme import load_theme

    if settings.data is None:
        raise BriefgenError(M.no_data_file())
    report, doubts = load_report(settings.data, settings.indicators, settings.tasks, settings.columns or None)
    theme = load_theme(settings.theme)
    reference = settings.reference_docx if "docx" in settings.formats else None
    if reference is not None and not Path(reference).is_file():
        raise BriefgenError(M.reference_not_found(path=reference))
    files = {str(settings.data): "data"}
    files.update({str(p): "table" for p in (settings.indicators, settings.tasks) if p is not None})
    templates = template_files(tuple(settings.template_dirs))
    files.update({str(p): "template" for p in templates})
    files.update({p: "theme" for p in theme.chain})
    if reference is not None:
        files[str(reference)] = "reference"
    hashed = {role_path: file_sha256(Path(role_path)) for role_path, role in files.items() if role in ("template", "theme", "reference")}
    common = recipe_key(__version__, hashed, settings.mark, settings.archive, theme.name)
    return Inputs(report, doubts, theme, files, common)


_KEYED_TITLE = re.compile(r"^([A-Za-z0-9_.-]+)=(.+)$", re.S)


def title_options(given: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``--title`` values -> {template: title}: ``tasks=…`` names the template, a bare title is keyed "" (the one
    document built). Raises BriefgenError for a title with an unknown {field}."""
    from ..model import check_title

    out: dict[str, str] = {}
    for value in given:
        m = _KEYED_TITLE.match(value.strip())
        template, text = (m.group(1).removesuffix(".xml.j2"), m.group(2)) if m else ("", value)
        try:
            out[template] = check_title(text)
        except ValueError as exc:
            raise BriefgenError(M.title_option(detail=exc.args[0] if exc.args else str(exc))) from None
    return out


def with_titles(report, titles: dict[str, str], single: str | None, several: str):
    """The report with the titles of briefgen.toml and --title over its own ``titles``; the title keyed "" goes to
    ``single`` (the one document made), and without one it is refused with ``several`` (the message)."""
    given = dict(titles)
    lone = given.pop("", None)
    if lone is not None:
        if single is None:
            raise BriefgenError(several)
        given[single] = lone
    if not given:
        return report
    return report.model_copy(update={"titles": {**report.titles, **given}})


def stand_in_note(theme) -> list:
    """One note for the run when the PDFs draw the bundled Noto fonts in place of the official faces the theme
    names (仿宋, 楷体, 小标宋, 黑体) because this machine lacks them; nothing when the office's fonts were found."""
    from ..fonts import shared_fontset

    fonts = shared_fontset(theme, "")
    stood: dict[str, list[str]] = {}  # free font -> the faces it stands in for
    for r in fonts.report(""):
        wanted = theme.font(r.role).docx
        if r.source == "bundled" and wanted and "Noto" not in wanted and wanted not in stood.get(r.family, []):
            stood.setdefault(r.family, []).append(wanted)
    if not stood:
        return []
    listing = None
    for family, faces in stood.items():
        one = M.stand_in_for(family=family, faces="、".join(faces))
        listing = one if listing is None else M.stand_in_and(first=listing, second=one)
    return [M.stand_ins(listing=listing)]


def report_fields(report) -> dict[str, str]:
    m = report.report
    return {"issuer": m.issuer, "date": m.date.isoformat(), "year": str(m.report_year), "period": m.period}


def archival(pdf: bytes, doc) -> bytes:
    """The PDF as PDF/A-2b (``briefgen.pdfa``), with the document's metadata."""
    try:
        from ..pdfa import to_pdfa
    except ImportError:
        raise OutputError(M.archive_unavailable()) from None
    m = doc.meta
    return to_pdfa(pdf, title=m.title, author=m.author, subject=m.subject, keywords=m.keywords, created=m.created)


def doc_warnings(template: str, rendered, theme, budget: int | None = 1) -> list[Problem]:
    out = []
    if rendered.scale < 1.0:
        size, percent = f"{rendered.scale * theme.body.size_pt:.1f}", f"{rendered.scale:.0%}"
        out.append(Problem(Location(template), "", M.shrank_one_page(size=size, percent=percent) if (budget or 1) == 1
                           else M.shrank_pages(size=size, percent=percent, n=budget)))
    if rendered.charts_left_out and (budget or 1) == 1:
        out.append(Problem(Location(template), "", M.chart_left_out_one_page()))
    elif rendered.charts_left_out:
        out.append(Problem(Location(template), "", M.chart_left_out_pages(n=budget)))
    return out


def missing_warning(missing: dict[str, set[str]]) -> list[Problem]:
    """One warning for every character no font can draw, naming the documents that draw it."""
    if not missing:
        return []
    listing = "、".join(sorted(missing))
    where = ", ".join(sorted({t for s in missing.values() for t in s}))
    return [Problem(Location(where), "", M.no_font_draws(chars=listing))]


def lock_path(folder: Path) -> Path:
    """The lock of an output folder: in the user cache, so that the folder holds only what a person filed."""
    import hashlib

    from ..cache import cache_root

    key = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_root() / "locks" / f"{key}.lock"


class OutputFolder:
    """An output folder held for one run: locked, cleared of what interrupted runs left, with its manifest."""

    def __init__(self, folder: Path, force: bool) -> None:
        self.folder = Path(folder)
        self.force = force
        self._lock = None

    def __enter__(self) -> "OutputFolder":
        from ..locking import file_lock
        from ..outputs import remove_stale

        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(M.out_is_file(path=self.folder))
        # the folder itself is made when the first file is written: a run that fails leaves nothing behind
        self._lock = file_lock(lock_path(self.folder), wait=0.0,
                               what=M.folder_busy(path=self.folder))
        self._lock.__enter__()
        self.stale = remove_stale(self.folder)
        self.old = Manifest() if self.force else read_manifest(self.folder)
        if self.force:
            try:
                read_manifest(self.folder)
            except BriefgenError:
                pass  # --force replaces an unreadable manifest
        self.new = Manifest()
        return self

    def __exit__(self, *exc) -> None:
        self._lock.__exit__(*exc)

    def keep(self, name: str, entry: dict) -> None:
        """Carry an unchanged file's entry (and its inputs) over into the new manifest."""
        self.new.files[name] = entry
        for font in entry.get("fonts", []):
            if font in self.old.inputs:
                self.new.inputs[font] = self.old.inputs[font]

    def record(self, name: str, data: bytes, entry: dict) -> dict:
        from .manifest import sha256

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
        """Write the manifest: the files of this run plus the still-intact files of earlier runs."""
        from ..outputs import write_atomic

        for name, entry in self.old.files.items():
            if name not in self.new.files and (self.folder / name).is_file():
                try:
                    if file_sha256(self.folder / name) == entry.get("sha256"):
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


def write_previews(out: "OutputFolder", result, sheet: str | None = None, dpi: float = 110) -> None:
    """PNG previews of the PDFs of ``result``, recorded in the manifest: every page as NAME-pN.png, or, with
    ``sheet``, one contact sheet of every document's first page labelled with its unit (a batch)."""
    from ..outputs import write_all
    from ..preview import contact_sheet, page_pngs
    from .results import OutputFile

    pdfs = [o for o in result.outputs if o.format == "pdf"]
    pending = []
    if sheet is not None:
        if not pdfs:
            return
        data = contact_sheet([(o.unit or o.template, o.path.read_bytes()) for o in pdfs])
        pending.append((sheet, data))
    else:
        for o in pdfs:
            for n, data in enumerate(page_pngs(o.path.read_bytes(), dpi, name=str(o.path)), 1):
                pending.append((f"{o.path.stem}-p{n}.png", data))
    for name, data in pending:
        out.record(name, data, {"format": "png", "template": "preview", "key": ""})
    write_all([(out.folder / name, data) for name, data in pending])
    result.outputs.extend(OutputFile(out.folder / name, "preview", "png") for name, _ in pending)
