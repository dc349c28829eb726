"""The page's form -> the options of one library call (build, pack or batch), as the CLI passes its own.

    result = run_job("batch", folders, out, {"only": ["经济发展办公室"]}, progress)

Options the page sends: templates (list), theme, mark, title, archive (bool); pack: meeting, date, venue, parts
(list), number; batch: only (list); track-forms: period (2022-09); track-report: period, as_of (2022-09-30), rule.
Anything else is ignored. The returned 进度表 a report reads are the ones dropped in the 督办 tab
(``workdir.folder.progress_files``). Settings come from the folders as ``briefgen build``
in that folder takes them (``workdir.folder.settings_for``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _list(value: Any) -> tuple[str, ...]:
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip()) if isinstance(value, list) else ()


def settings_options(kind: str, options: dict) -> dict[str, Any]:
    """The Settings fields the page's options give (None: not given, briefgen.toml or the default decides)."""
    given: dict[str, Any] = {
        "theme": _text(options.get("theme")),
        "mark": _text(options.get("mark")),
        "archive": True if options.get("archive") is True else None,
    }
    if kind == "build":
        given["templates"] = _list(options.get("templates")) or None
        title = _text(options.get("title"))
        if title:
            given["titles"] = {"": title}
    return given


def pack_options(options: dict) -> dict[str, Any]:
    number = options.get("number")
    number = int(number) if isinstance(number, (int, str)) and str(number).strip().isdigit() else None
    return {k: v for k, v in {"meeting": _text(options.get("meeting")), "date": _text(options.get("date")),
                              "venue": _text(options.get("venue")), "parts": _list(options.get("parts")) or None,
                              "number": number}.items() if v is not None}


def trusted_paths(folders: list[Path]) -> tuple[Path, ...]:
    """The files and folders the served folder's own briefgen.toml names (its data, tables, theme, reference DOCX,
    templates): read wherever they are, as `briefgen build` in that folder reads them. Nothing a page uploads is
    in this list."""
    from ..settings import load_settings

    served = folders[0] if len(folders) > 1 else None
    if served is None or not (served / "briefgen.toml").is_file():
        return ()
    try:
        s = load_settings({}, folder=served)
    except Exception:  # noqa: BLE001 - a bad briefgen.toml is reported by the job itself
        return ()
    named = [s.data, s.indicators, s.tasks, s.reference_docx, *s.template_dirs]
    theme = Path(str(s.theme)) if s.theme else None
    if theme is not None and theme.suffix.lower() in (".toml", ".yaml", ".yml"):
        named.append(theme if theme.is_absolute() else served / theme)
    return tuple(Path(p) for p in named if p)


def confined_to(folders: list[Path]):
    """A job of the page reads only inside its folders (the folder served, the uploads) and what the served folder's
    own briefgen.toml names: an uploaded briefgen.toml, data file (`sources:`), theme (`extends`) or a page option
    that names another path on the server is refused at that file (see ``load.source.confined``)."""
    from ..load.source import confined

    return confined(folders, trusted_paths(folders))


def archived(kind: str, options: dict) -> bool:
    """Whether a job's folder is kept and filed in the archive catalogue: an archived run, and every 督办 report."""
    return kind == "track-report" or (kind in ("build", "pack", "batch") and options.get("archive") is True)


def run_job(kind: str, folders: list[Path], out: Path, options: dict, progress: Callable[[int, int, str], None] | None = None,
            workers: int | None = None, catalogue: Path | None = None, kept: bool = True):
    """One library call with the folders' settings and the page's options; returns its JobResult. An archived run
    and a 督办 report are filed in ``catalogue`` (the one the 档案 tab reads), said in the result's notes; a folder
    that is not ``kept`` (a session's, gone with the session) is first copied beside the catalogue."""
    with confined_to(folders):
        result = _run_job(kind, folders, out, options, progress, workers)
    if catalogue is not None and archived(kind, options) and result.manifest:
        from .. import messages as M
        from ..catalog import file_run

        folder = Path(result.manifest).parent
        if not kept:  # a 督办 period kept once (a rerun replaces it, as over a folder); each archived run on its own
            shelf = Path(catalogue).parent / "归档"
            folder = (keep_archive(folder, shelf, f"督办-{folder.name}", replace=True) if kind == "track-report"
                      else keep_archive(folder, shelf, f"{time.strftime('%Y%m%d-%H%M%S')}-{kind}"))
        result.notes.extend(file_run(catalogue, folder, said=M.web_archived))
    return result


def keep_archive(folder: Path, shelf: Path, name: str, replace: bool = False) -> Path:
    """A copy of the run's ``folder`` (its files and manifest, no link) on ``shelf`` as ``name`` (20261208-101500-build,
    督办-2022-09): where the catalogue finds it when the session is gone. ``replace``: a folder of that name goes;
    else the name takes a number."""
    import shutil

    target = shelf / name
    if replace:
        shutil.rmtree(target, ignore_errors=True)
    n = 1
    while target.exists():
        n += 1
        target = shelf / f"{name}-{n}"
    shelf.mkdir(parents=True, exist_ok=True)
    partial = shelf / f".{target.name}.part"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.is_symlink():
            shutil.copy2(path, partial / path.name)
    partial.rename(target)
    return target


def _run_job(kind: str, folders: list[Path], out: Path, options: dict, progress, workers: int | None):
    import briefgen

    from ..settings import PackSettings
    from ..workdir.folder import settings_for

    given = settings_options(kind, options)
    if kind.startswith("track-"):
        return run_track(kind, folders, out, options)
    if kind == "batch" and workers:
        given["workers"] = workers
    settings = settings_for(folders, out, given, uploads=folders[-1])  # a session's uploads come last
    if kind == "build":
        return briefgen.build(settings)
    if kind == "pack":
        extra = pack_options(options)
        if extra:
            settings = settings.model_copy(update={"pack": PackSettings(**{**settings.pack.model_dump(), **extra})})
        return briefgen.pack(settings)
    return briefgen.batch(settings, only=_list(options.get("only")), progress=progress)


def departments(folders: list[Path]) -> list[str]:
    """The departments a batch can make briefs for (those with tasks), or [] when the data does not load."""
    import briefgen

    from ..errors import BriefgenError
    from ..jobs.batch import departments as units
    from ..workdir.folder import settings_for

    try:
        with confined_to(folders):
            s = settings_for(folders, Path("."), {}, uploads=folders[-1])
            report, _ = briefgen.load_report(s.data, s.indicators, s.tasks, s.columns or None)
    except (BriefgenError, OSError):
        return []
    return [d.name for d in units(report) if d.lead_tasks or d.support_tasks]


def templates(folders: list[Path]) -> list[dict]:
    """The templates a build can make: name and the document it makes (not the pack's cover and contents, not
    the department brief, not the 督办通报 and 催办单, which the 督办 tab makes from the returned forms)."""
    from ..compose.templates import list_templates

    from ..load.source import outside

    with confined_to(folders):  # a templates/ that is a link out of the folder served is not listed
        dirs = tuple(f / "templates" for f in reversed(folders) if (f / "templates").is_dir() and not outside(f / "templates"))
    return [{"name": i.name, "document": i.document or i.name} for i in list_templates(dirs)
            if i.name not in ("cover", "contents", "department", "track-circular", "track-reminder")]


def run_track(kind: str, folders: list[Path], out: Path, options: dict):
    """`briefgen track forms` or `track report` on the folders' plan (the report data and its task table)."""
    with confined_to(folders):
        return _run_track(kind, folders, out, options)


def _run_track(kind: str, folders: list[Path], out: Path, options: dict):
    from .. import messages as M
    from ..errors import BriefgenError
    from ..track.job import forms, parse_as_of, report
    from ..workdir.folder import progress_files, settings_for

    settings = settings_for(folders, out, {"theme": _text(options.get("theme")), "mark": _text(options.get("mark"))},
                            uploads=folders[-1])
    period = _text(options.get("period")) or ""
    if kind == "track-forms":
        return forms(settings, period)
    rule = _text(options.get("rule"))
    if rule:
        settings = settings.model_copy(update={"track": settings.track.model_copy(update={"rule": rule})})
    given = options.get("thresholds")
    if isinstance(given, dict) and given:
        settings = settings.model_copy(update={"track": with_thresholds(settings.track, given)})
    returned = progress_files(folders[-1])
    if not returned:
        raise BriefgenError(M.web_track_none_returned())
    return report(settings, returned, parse_as_of(_text(options.get("as_of")) or ""), period or None)


def with_thresholds(track, given: dict):
    """``track`` (TrackSettings) with the thresholds the page sent, checked by the settings' own model as
    briefgen.toml's are; a wrong one is one line with the threshold's words and the range the model allows, a name
    that is no threshold is refused."""
    from pydantic import ValidationError

    from .. import messages as M
    from ..errors import BriefgenError

    known = track.thresholds()
    for name in given:
        if name not in known:
            raise BriefgenError(M.web_threshold_unknown(name=str(name)[:40], known="、".join(known)))
    try:
        return type(track).model_validate({**track.model_dump(), **given})
    except ValidationError as exc:
        name = str(exc.errors()[0]["loc"][0])
        field = type(track).model_fields[name]
        low = next((m.ge for m in field.metadata if hasattr(m, "ge")), None)
        high = next((m.le for m in field.metadata if hasattr(m, "le")), None)
        whole = field.annotation is int
        raise BriefgenError(M.web_threshold_bad(label=getattr(M, f"web_threshold_{name}")(), name=name,
                                                value=str(given[name])[:40], low=low, high=high,
                                                kind=M.web_threshold_whole() if whole else M.web_threshold_number())) from None


def track_info(folders: list[Path]) -> dict:
    """What the 督办 tab shows beside its form: the rules (each with the thresholds it reads), the one briefgen.toml
    chooses and its thresholds' values there, the returned forms."""
    from ..errors import BriefgenError
    from ..settings import TrackSettings
    from ..track.rules import rule_sets, thresholds_read
    from ..workdir.folder import progress_files, settings_for

    try:
        track = settings_for(folders, Path("."), {}, uploads=folders[-1]).track
    except (BriefgenError, OSError):
        track = TrackSettings()
    rule = track.rule
    return {"rules": list(rule_sets()), "rule": rule,
            "thresholds": {name: thresholds_read(name) for name in rule_sets()}, "values": track.thresholds(),
            "progress": [{"name": p.name, "size": p.stat().st_size} for p in progress_files(folders[-1])]}
