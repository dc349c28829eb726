"""The `briefgen` command: a thin shell over the library.

It parses options, calls the library, and turns every BriefgenError into one line per problem on
stderr with exit code 2 (bad input or usage) or 1 (a failure the input did not cause). Heavy
imports happen inside the commands, so `briefgen --help` stays fast.
"""

from __future__ import annotations

import contextlib

import sys
from functools import wraps
from pathlib import Path

import click

from . import __version__
from . import messages as M
from .clihelp import Group
from .collector import paused
from .errors import BriefgenError, one_line
from .i18n import install_click, set_language


_TERMINATED = False  # set when SIGTERM stopped the run


def _user_errors(fn):
    """Report a BriefgenError as plain lines, never a traceback (but with one after --debug)."""

    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BriefgenError as exc:
            if _debugging():
                import traceback

                traceback.print_exc()
            for line in exc.lines():  # each already names its file and place where it has one
                click.echo(one_line(line), err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:  # a file the user named that cannot be read or written
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(str(M.os_failure(where=where, reason=exc.strerror or exc)), err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo(str(M.interrupted), err=True)
            sys.exit(143 if _TERMINATED else 130)

    return wrapper


def _split_formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in ("docx", "pdf")]
    if bad or not formats:
        raise click.BadParameter(str(M.bad_formats(value=repr(value))))
    return formats


def _choose_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """--lang (eager, so that help and option errors speak it too); else `lang` in the working folder's
    briefgen.toml; else the environment's language."""
    if value is None:
        from .i18n import normalize

        value = _folder_language()
        set_language(value if normalize(value) else None)  # a bad `lang` is reported, with its line, with the settings
        return
    try:
        set_language(value)
    except ValueError:
        set_language(None)
        raise click.BadParameter(str(M.bad_lang(value=value))) from None


def _early_language(args: list[str]) -> None:
    """The language --lang (or the working folder's `lang`) asks for, set before Click parses the arguments."""
    from .i18n import normalize

    given = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    value = given if given is not None else _folder_language()
    if value is not None and normalize(value):
        set_language(value)


def _folder_language() -> str | None:
    """`lang = "zh"` in ./briefgen.toml, read early and leniently (the settings check it properly later)."""
    import tomllib

    try:
        with open("briefgen.toml", "rb") as f:
            value = tomllib.load(f).get("lang")
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, str) and value.strip() else None


install_click()

_DEBUG = False


def _debugging() -> bool:
    import os

    return _DEBUG or os.environ.get("BRIEFGEN_DEBUG", "") not in ("", "0")


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    global _DEBUG
    _DEBUG = bool(value)


class _Main(Group):
    """The command group: an unexpected exception (a bug, not the user's input) is one line that says so and
    where to report it, exit code 1; --debug (or BRIEFGEN_DEBUG=1) shows its traceback instead."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """A control character (ESC, NUL, a line break) in an argument is refused naming the option, before it can
        reach a template as broken markup or a file name."""
        for i, arg in enumerate(args):
            bad = next((ch for ch in arg if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ord(ch) in (0xFFFE, 0xFFFF))), None)
            if bad is None:
                continue
            _early_language(args)  # the refusal speaks --lang (or briefgen.toml's lang), parsed only after this
            option = arg.split("=", 1)[0] if arg.startswith("--") and "=" in arg else (
                args[i - 1] if i and args[i - 1].startswith("-") else M.argument_n(n=i + 1))
            value = one_line(arg.split("=", 1)[1] if arg.startswith("--") and "=" in arg else arg)[:80]
            click.echo(str(M.control_in_argument(option=option, value=value, code=f"{ord(bad):04X}")), err=True)
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit, SystemExit):
            raise
        except BriefgenError as exc:  # a command without _user_errors
            if _debugging():
                raise
            for line in exc.lines():
                click.echo(one_line(line), err=True)
            sys.exit(exc.exit_code)
        except Exception as exc:  # noqa: BLE001 - the last line of defence: never a raw traceback
            if _debugging():
                raise
            click.echo(_apology(exc), err=True)
            sys.exit(1)


def _apology(exc: BaseException) -> str:
    """One line for a bug: the exception's type and where in briefgen it was raised, and how to report it."""
    import traceback

    package = Path(__file__).resolve().parent
    place = None
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        # a frame of briefgen's own code (not a test, nor a checkout that happens to be called briefgen)
        if package in Path(frame.filename).resolve().parents:
            place = f"{Path(frame.filename).name}:{frame.lineno}"
            break
    detail = one_line(str(exc))[:200]
    if place is None:
        return str(M.apology(version=__version__, kind=type(exc).__name__, detail=detail))
    return str(M.apology_at(version=__version__, kind=type(exc).__name__, place=place, detail=detail))


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("--debug", is_flag=True, callback=_set_debug, is_eager=True, expose_value=False,
              help="Show the Python traceback of an error (for a bug report).")
@click.option("--lang", callback=_choose_language, is_eager=True, expose_value=False, metavar="zh|en",
              help="Language of messages and help: zh (中文) or en (default: the system's; or lang in briefgen.toml).")
def main():
    """briefgen: a work report and its figures in, print-ready briefings (DOCX and PDF) out.

    \b
    Example:
      briefgen build data/qianjiang-2022-h1.yaml --out out
    """
    _console_never_fails()
    _show_progress_notes()
    _stop_cleanly_on_sigterm()


def _console_never_fails() -> None:
    """Output whose encoding lacks a character printed (a GBK console has no emoji; output redirected on Windows
    is written in the locale's code page, cp936, or in ascii) shows "?" for it instead of stopping the run with
    UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # a stream already written to in an incompatible way: leave it
                pass


def _stop_cleanly_on_sigterm() -> None:
    """SIGTERM (a service stopping, `kill`) ends the run as Ctrl-C does: temporary files are removed, no
    output is left half-written."""
    import signal

    def stop(signum, frame):
        global _TERMINATED
        _TERMINATED = True  # exit 143, as a shell reports a process ended by SIGTERM
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError):  # not the main thread (an embedding host): leave its handler alone
        pass


def _show_progress_notes() -> None:
    """Long one-off steps (preparing fonts) say so on stderr, so a first run is not a silent wait."""
    import logging

    class Notes(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            line = M.warning if record.levelno >= logging.WARNING else M.note
            click.echo(str(line(text=record.getMessage())), err=True)  # stderr as it is now, not at setup

    logger = logging.getLogger("briefgen")
    if not any(isinstance(h, logging.Handler) and type(h).__name__ == "Notes" for h in logger.handlers):
        logger.addHandler(Notes())
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _print_result(result) -> None:
    """Notes and warnings on stderr; each file on stdout: written, or kept because nothing it depends on changed."""
    _print_notes(result)
    for o in result.outputs:
        if o.status == "built":
            line = M.wrote_page if o.pages == 1 else M.wrote_pages if o.pages else M.wrote
        else:
            line = M.kept_page if o.pages == 1 else M.kept_pages if o.pages else M.kept
        click.echo(one_line(str(line(path=o.path, pages=o.pages))))


def _print_notes(result) -> None:
    for note in result.notes:
        click.echo(one_line(str(M.note(text=note))), err=True)
    for warning in result.warnings:
        click.echo(one_line(str(M.warning(text=warning))), err=True)


def _settings(**options):
    from .settings import load_settings

    if options.get("formats") is not None:
        options["formats"] = _split_formats(options["formats"])
    if options.get("titles"):
        from .jobs.common import title_options

        options["titles"] = title_options(options["titles"])
    return load_settings(options)


def _build_options(fn):
    """The options build and batch share (each also settable in briefgen.toml)."""
    for option in reversed([
        click.option("--out", "out", type=click.Path(path_type=Path), default=None, help="Output folder (default: out, or `out` in briefgen.toml)."),
        click.option("--format", "-f", "formats", default=None, help="Formats to write: docx, pdf or docx,pdf (default: both)."),
        click.option("--theme", default=None, help="A built-in theme (official, handout) or a theme file."),
        click.option("--templates-dir", "template_dirs", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path), help="A folder of templates that override the built-in ones."),
        click.option("--reference-docx", type=click.Path(dir_okay=False, path_type=Path), help="Take DOCX styles, page setup, header and footer from this Word file."),
        click.option("--mark", help="A header mark such as 内部资料 注意保存."),
        click.option("--indicators", type=click.Path(dir_okay=False, path_type=Path), help="Indicators from an .xlsx or .csv table."),
        click.option("--tasks", type=click.Path(dir_okay=False, path_type=Path), help="Tasks from an .xlsx or .csv table."),
        click.option("--names", help="File-name pattern, e.g. {issuer}_{document}_{date} (fields: issuer, document, date, year, period, template, department)."),
        click.option("--archive", is_flag=True, default=None, help="Archive-grade PDFs (PDF/A-2b) with a checksummed manifest.json."),
        click.option("--force", is_flag=True, default=None, help="Rebuild every file, even those whose inputs are unchanged."),
        click.option("--strict", is_flag=True, default=None, help="Treat warnings as errors: a character no font has, empty tables, 待定 owners."),
        click.option("--preview", is_flag=True, default=None, help="Also write PNG previews (a batch: one contact sheet of every brief's first page)."),
        click.option("--title", "titles", multiple=True, help="A document's title: TEXT for the one document built, or TEMPLATE=TEXT (repeatable); fields {issuer} {year} {period} {plan} {department}."),
    ]):
        fn = option(fn)
    return fn


@main.command()
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write one file, e.g. -o summary.pdf (the format from its suffix).")
@click.option("--template", "-t", "templates", multiple=True, help="A template to build (repeatable); default: summary and tasks.")
@_build_options
@_user_errors
def build(data, output, templates, **options):
    """Build briefing documents from a data file (or the folder's briefgen.toml).

    Files are named after the issuer, the document and the date (--names changes that); a file whose inputs
    are unchanged since the last run is kept (--force rebuilds it).

    \b
    Example:
      briefgen build data/qianjiang-2022-h1.yaml --out out --format pdf
      briefgen build data/qianjiang-2022-h1.yaml -t summary -o summary.pdf
    """
    with paused():  # the jobs' modules live as long as the process: no collection while they load
        from .jobs import build as run

    settings = _settings(data=data, output=output, templates=tuple(templates), **options)
    result = run(settings)
    _print_result(result)
    _catalogue_archive(settings, result)


@main.command()
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--by", default="department", show_default=True, help="What each brief is for.")
@click.option("--only", multiple=True, help="Only this department (repeatable; full or short name).")
@click.option("--template", "-t", "template", default=None, help="The brief's template (default: department).")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None, help="Processes to use (default: every core).")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Render the briefs on a Dask cluster at ADDRESS (tcp://HOST:PORT); needs briefgen[dask] there and here.")
@_build_options
@_user_errors
def batch(data, by, only, template, workers, dask_address, **options):
    """One brief per department: the tasks it leads and supports, and its indicators, DOCX and PDF.

    A department without a task gets no brief and is listed. A brief that fails does not stop the others
    (exit code 1). A rerun keeps every brief whose inputs are unchanged.

    \b
    Example:
      briefgen batch data/qianjiang-2022-h1.yaml --out briefs
      briefgen batch data/qianjiang-2022-h1.yaml --only 经济发展办公室 --out briefs
    """
    import time

    with paused():  # the jobs' modules live as long as the process: no collection while they load
        from .jobs import batch as run
        from .jobs.batch import batch_folder

    settings = _settings(data=data, workers=workers, **options)
    started = time.perf_counter()
    with _cluster(dask_address) as executor, _progress(str(M.progress_briefs)) as progress:
        result = run(settings, by=by, only=tuple(only), template=template, progress=progress, executor=executor)
    _print_notes(result)
    for name in result.without_tasks:
        click.echo(one_line(str(M.no_brief(unit=name))), err=True)
    for failure in result.failed:
        click.echo(one_line(str(M.brief_failed(unit=failure.unit, reason=failure.reason))), err=True)
    units_built = {o.unit for o in result.built if o.format != "png"}
    units_kept = {o.unit for o in result.unchanged} - units_built
    click.echo(str(M.batch_summary(built=len(units_built), kept=len(units_kept), failed=len(result.failed),
                                   idle=len(result.without_tasks), seconds=f"{time.perf_counter() - started:.1f}",
                                   out=batch_folder(settings))))
    _catalogue_archive(settings, result)
    if result.exit_code:
        sys.exit(result.exit_code)


def _catalogue_archive(settings, result, archive: bool | None = None) -> None:
    """An --archive run (a track report: any run) files itself in the archive catalogue when briefgen.toml names
    one (`catalog = "…"`)."""
    if not ((settings.archive if archive is None else archive) and settings.catalog and result.manifest):
        return
    from . import catalog

    for told in catalog.file_run(Path(settings.catalog), Path(result.manifest).parent):
        click.echo(one_line(str(told)), err=True)


@contextlib.contextmanager
def _cluster(address: str | None):
    """The executor of a Dask cluster's client at ``address`` (None: the engine's own process pool)."""
    if not address:
        yield None
        return
    try:
        from distributed import Client
    except ImportError:
        raise BriefgenError(M.dask_missing()) from None
    try:
        client = Client(address, timeout=10)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BriefgenError(M.dask_unreachable(address=address, reason=exc)) from None
    try:
        yield client.get_executor()
    finally:
        client.close()


@main.command()
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--meeting", help="The meeting's name on the cover, e.g. 前江街道2022年下半年工作部署会.")
@click.option("--date", "meeting_date", help="The meeting's date as the cover prints it (default: the report's date).")
@click.option("--venue", help="Where the meeting is held.")
@click.option("--part", "parts", multiple=True, help="A part of the pack, in order (repeatable; default: review, summary, tasks).")
@click.option("--number", type=click.IntRange(1, 999), help="材料之N on the cover.")
@_build_options
@_user_errors
def pack(data, meeting, meeting_date, venue, parts, number, **options):
    """The meeting handout: cover, contents, the review digest, the summary and the task list, as one DOCX and
    one PDF (bookmarks, page numbers running on across the parts).

    \b
    Example:
      briefgen pack data/qianjiang-2022-h1.yaml --out 会议材料 --meeting 前江街道2022年下半年工作部署会
    """
    with paused():  # the jobs' modules live as long as the process: no collection while they load
        from .jobs import pack as run
    from .settings import PackSettings

    settings = _settings(data=data, **options)
    given = {k: v for k, v in {"meeting": meeting, "date": meeting_date, "venue": venue, "parts": tuple(parts) or None,
                               "number": number}.items() if v is not None}
    if given:
        settings = settings.model_copy(update={"pack": PackSettings(**{**settings.pack.model_dump(), **given})})
    result = run(settings)
    _print_result(result)
    _catalogue_archive(settings, result)


class _progress:
    """A progress bar on a terminal; plain lines otherwise (logs, pipes)."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.bar = None

    def __enter__(self):
        def step(done: int, total: int, unit: str) -> None:
            if sys.stderr.isatty():
                if self.bar is None:
                    self.bar = click.progressbar(length=total, label=self.what, file=sys.stderr)
                    self.bar.__enter__()
                self.bar.update(1)
            else:
                click.echo(one_line(f"[{done}/{total}] {unit}"), err=True)

        return step

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


@main.command("verify")
@click.argument("folder", type=click.Path(path_type=Path))
@_user_errors
def verify_cmd(folder):
    """Check an output folder against its manifest.json: every file there, unchanged, nothing extra.

    \b
    Example:
      briefgen verify briefs
    """
    from .jobs import verify

    from .jobs.manifest import MANIFEST

    found = verify(folder)
    say = lambda message: click.echo(one_line(str(message)), err=True)  # noqa: E731 - names from a manifest: escaped
    for name in found.strange:
        say(M.manifest_entry_dropped(path=folder / MANIFEST, name=repr(name)))
    for name in found.missing:
        say(M.verify_missing(path=folder / name))
    for name in found.changed:
        say(M.verify_changed(path=folder / name))
    for name in found.special:
        say(M.manifest_not_regular(path=folder / name))
    for name in found.extra:
        say(M.verify_extra(path=folder / name))
    if not found.passed:
        say(M.verify_failed(folder=folder, ok=len(found.ok), missing=len(found.missing) + len(found.strange),
                            changed=len(found.changed) + len(found.special), extra=len(found.extra)))
        sys.exit(1)
    click.echo(one_line(str(M.verify_ok(folder=folder, n=len(found.ok)))))


@main.command("templates")
@click.option("--templates-dir", "template_dirs", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--show", "show", metavar="NAME", help="Print the built-in template NAME, to copy into ./templates and edit.")
@_user_errors
def templates_cmd(template_dirs, show):
    """List the templates, with a one-line description each.

    \b
    Example:
      briefgen templates
      briefgen templates --show tasks > templates/tasks.xml.j2
    """
    from .compose.templates import list_templates

    from .compose.templates import builtin_dir

    if show is not None:
        text, known = _builtin_source(show, builtin_dir(), ".xml.j2")
        if text is None:
            raise BriefgenError(M.no_builtin_template(name=show, known=known))
        click.echo(text, nl=False)
        return
    infos = list_templates(tuple(template_dirs))
    width = max((len(i.name) for i in infos), default=0)
    for info in infos:
        origin = "" if info.path.parent.resolve() == builtin_dir().resolve() else f"  [{info.path}]"
        click.echo(f"{info.name:<{width}}  {info.described()}{origin}")


@main.command("themes")
@click.option("--show", "show", metavar="NAME", help="Print the built-in theme NAME, to save as a theme file and edit.")
@_user_errors
def themes_cmd(show):
    """List the built-in themes.

    \b
    Example:
      briefgen themes
      briefgen themes --show official > my-theme.toml
    """
    from .theme import BUILTIN_DIR, builtin_names, load_theme

    if show is not None:
        text, known = _builtin_source(show, BUILTIN_DIR, ".toml")
        if text is None:
            raise BriefgenError(M.no_builtin_theme(name=show, known=known))
        click.echo(text, nl=False)
        return

    from .i18n import language

    names = builtin_names()
    width = max(len(n) for n in names)
    for name in names:
        theme = load_theme(name)
        described = theme.description_zh if theme.description_zh and language() == "zh" else theme.description
        click.echo(f"{name:<{width}}  {described}")


def _builtin_source(name: str, folder: Path, suffix: str) -> tuple[str | None, list[str]]:
    """A built-in template's or theme's text as it is stored (pandoc's -D), or None; and the built-in names."""
    from .load.text import decode_text

    name = name.strip().removesuffix(suffix)
    known = sorted(p.name.removesuffix(suffix) for p in folder.glob(f"*{suffix}") if not p.name.startswith("_"))
    if name not in known:
        return None, known
    path = folder / f"{name}{suffix}"
    return decode_text(path.read_bytes(), str(path)), known


@main.command("fonts")
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--theme", default="official", show_default=True, help="A built-in theme or a theme file.")
@click.option("--template", "-t", "templates", multiple=True, help="Templates whose text to check (default: summary and tasks).")
@_user_errors
def fonts_cmd(data, theme, templates):
    """Show which font each role of the theme uses in Word and in the PDF.

    With a data file, also how many of the characters its documents draw each font covers.

    \b
    Example:
      briefgen fonts data/qianjiang-2022-h1.yaml
    """
    from .compose import load_report, make_document
    from .fonts import pdf_fontset
    from .settings import DEFAULT_TEMPLATES
    from .theme import load_theme
    from .render.pdf import document_text

    the_theme = load_theme(theme)
    text = ""
    if data is not None:
        report, _ = load_report(data)
        text = "".join(document_text(make_document(report, name)[0], the_theme) for name in templates or DEFAULT_TEMPLATES)
        text = "".join(sorted(set(text) - set(" \n\t")))
    fs = pdf_fontset(the_theme, text)
    reports = fs.report(text)
    rows = [tuple(str(M.fonts_header).split("|"))]
    for r in reports:
        cover = f"{r.covered}/{r.total}" if text else "-"
        if text and r.fallback:
            cover = str(M.fonts_fallback(cover=cover, n=len(r.fallback)))
        role = M.font_role_words.get(r.role)
        source = M.font_source_words.get(r.source)
        rows.append((str(role) if role else r.role, the_theme.font(r.role).docx, r.family, str(source) if source else r.source,
                     cover, str(r.path)))
    widths = [max(_display_width(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        click.echo("  ".join(_pad(cell, w) for cell, w in zip(row[:5], widths)) + "  " + row[5])
    for r in reports:
        for note in r.notes:
            click.echo(str(M.fonts_role_note(role=M.font_role_words.get(r.role, r.role), text=note)), err=True)
    missing = sorted({ch for r in reports for ch in r.missing})
    if missing:
        click.echo(str(M.fonts_missing(chars="、".join(missing))), err=True)


def _display_width(text: str) -> int:
    """Columns a terminal gives ``text``: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _display_width(text))


def _expand_patterns(paths) -> list[Path]:
    """File arguments with * ? [ expanded, as a POSIX shell does and Windows' cmd does not (`preview out\\*.pdf`):
    a name that exists is taken as it is; a pattern that matches nothing is an error naming it."""
    import glob

    out: list[Path] = []
    for path in paths:
        text = str(path)
        if Path(text).exists() or not any(ch in text for ch in "*?["):
            out.append(Path(text))
            continue
        found = sorted(glob.glob(text))
        if not found:
            raise BriefgenError(M.pattern_matches_nothing(pattern=text))
        out.extend(Path(f) for f in found)
    return out


@main.command("preview")
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Folder for the PNG pages (default: beside each PDF).")
@click.option("--output", "-o", "png", type=click.Path(dir_okay=False, path_type=Path), help="One PNG file (one PDF, one page).")
@click.option("--page", type=click.IntRange(min=1), default=None, help="Only this page, from 1 (default: every page).")
@click.option("--dpi", default=110.0, show_default=True, type=click.FloatRange(20, 600), help="Resolution in dots per inch.")
@_user_errors
def preview_cmd(pdfs, out_dir, png, page, dpi):
    """Render PDF pages to PNG images (NAME-p1.png, NAME-p2.png …). A blank page is an error.

    \b
    Example:
      briefgen preview out/*.pdf --out previews
      briefgen preview summary.pdf -o summary.png
    """
    from .atomic import write_all
    from .render.preview import page_pngs

    pdfs = _expand_patterns(pdfs)
    if png is not None and len(pdfs) > 1:
        raise BriefgenError(M.one_png())
    from .render.preview import preview_stems

    planned = []
    stems = preview_stems(pdfs, out_dir)  # a/same.pdf and b/same.pdf into one --out: two names, not one
    for pdf, stem in zip(pdfs, stems):
        if not pdf.is_file():
            raise BriefgenError(M.file_missing(path=pdf))
        pages = [page] if page else None
        images = page_pngs(pdf.read_bytes(), dpi, pages if png is None else [page or 1], name=str(pdf))
        numbers = pages or list(range(1, len(images) + 1))
        for n, data in zip(numbers if png is None else [page or 1], images):
            target = png or (out_dir or pdf.parent) / f"{stem}-p{n}.png"
            planned.append((target, data))
    write_all(planned)
    for target, _ in planned:
        click.echo(str(M.wrote(path=target)))


@main.command("extract")
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="The YAML draft to write (default: print it).")
@click.option("--keep-script", is_flag=True, help="Keep Traditional characters instead of converting to Simplified.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--report", "show_report", is_flag=True,
              help="Also say, per part of the report, how many figures went to the headline list and why.")
@_user_errors
def extract_cmd(report, output, keep_script, force, show_report=False):
    """Turn a raw work report (.txt, .docx, or a .pdf with text) into a draft data file.

    Repairs damaged text (pinyin annotations, ASCII punctuation, Traditional characters), finds the
    metadata, review sections, second-half tasks and the figures in running text. Items a person must
    check are marked "# 待核实" in the draft.

    \b
    Example:
      briefgen extract report.txt -o report.yaml
    """
    from .extract import extract, to_yaml
    from .atomic import write_atomic

    if output is not None and output.exists() and not force:
        raise BriefgenError(M.extract_exists(path=output))
    result = extract(report, keep_script=keep_script)
    text = to_yaml(result)
    if output is None:
        click.echo(text)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(str(M.wrote(path=output)))
    click.echo(result.findings, err=True)
    if show_report:
        click.echo(result.headline_report, err=True)


@main.command("validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--template", "-t", "templates", multiple=True, help="A template to check (repeatable); default: those build makes.")
@_build_options
@_user_errors
def validate_cmd(files, templates, **options):
    """Check what `build` would make, exactly as build does, and list every problem and warning at once.

    Nothing is written. With no FILES, the folder's briefgen.toml says what to check, as it does for build. A data
    file (YAML or JSON) is checked with the tables, templates, theme and options build would use; an .xlsx or .csv
    table named on its own is checked alone (give it with --indicators or --tasks to check it with the data).

    \b
    Example:
      briefgen validate
      briefgen validate data/report.yaml --tasks data/任务.xlsx
    """
    from .load.assemble import TABLE_SUFFIXES, validate_files
    from .jobs import check

    tables = [f for f in files if f.suffix.lower() in TABLE_SUFFIXES]
    data_files = [f for f in files if f not in tables] or ([None] if not files else [])
    code, errors, warned, planned = 0, 0, 0, 0
    for data in data_files:
        try:
            result = check(_settings(data=data, templates=tuple(templates), **options))
        except BriefgenError as exc:
            for line in exc.lines():
                click.echo(one_line(line), err=True)
            code, errors = max(code, exc.exit_code), errors + len(exc.lines())
            continue
        _print_notes(result)
        warned += len(result.warnings)
        planned += len(result.outputs)
    if tables:
        table_warnings: list = []
        problems = validate_files(tables, warnings=table_warnings)
        if options.get("strict") and not problems:
            problems = [M.strict_error(problem=w) for w in table_warnings]
            table_warnings = []
        for problem in problems:
            click.echo(one_line(str(problem)), err=True)
        if problems:
            code, errors = max(code, 2), errors + len(problems)
        for warning in table_warnings:
            click.echo(one_line(str(M.warning(text=warning))), err=True)
        warned += len(table_warnings)
    if errors:
        sys.exit(code or 2)
    warnings = M.one_warning() if warned == 1 else M.n_warnings(n=warned)
    if planned:
        files = M.one_file() if planned == 1 else M.n_files(n=planned)
        line = M.validate_would_write_doubts(warnings=warnings, files=files) if warned else M.validate_would_write(files=files)
    else:
        files = M.one_table_file() if len(tables) == 1 else M.n_table_files(n=len(tables))
        line = M.validate_ok_doubts(files=files, warnings=warnings) if warned else M.validate_ok(files=files)
    click.echo(str(line))


@main.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--office", help="The office's name, the issuer of its documents, e.g. 白沙街道.")
@click.option("--period", help="The period the figures cover, e.g. 2024年1—6月 or 2023年 (a whole year).")
@click.option("--meeting", help="The meeting the handout pack is for, e.g. 白沙街道2024年工作部署会.")
@click.option("--yes", "-y", is_flag=True, help="Ask nothing: take the options given and the sample's values for the rest.")
@click.option("--from", "from_report", type=click.Path(dir_okay=False, path_type=Path),
              help="The office's own work report (.docx, .txt or .pdf): its figures, review and tasks become the folder's data.")
@_user_errors
def init_cmd(folder, office, period, meeting, yes, from_report):
    """Make a working folder: briefgen.toml, the office's data (YAML and Excel) and a template to edit.

    With --from, the office's own work report fills the data (every guess marked 待核实). With an office other
    than the sample's, the folder is the office's own: its title, issuer and period, and empty tables to fill in.
    Otherwise the sample data is copied. Asks for the office, the period and the meeting (Enter keeps the value
    shown) unless --yes or --from is given or the input is not a terminal. Inside the folder, `briefgen build`
    with no arguments builds the documents.

    \b
    Example:
      briefgen init 会议材料 --from 工作总结.docx
      briefgen init 会议材料 --office 白沙街道 --period 2023年 --yes
      briefgen init 会议材料 && cd 会议材料 && briefgen build
    """
    from .workdir.scaffold import init_folder, meeting_name, sample_defaults
    from .compose.templates import builtin_dir

    if from_report is not None and not from_report.is_file():
        raise BriefgenError(M.file_missing(path=from_report))
    if not yes and from_report is None and _stdin_is_terminal():
        from .model.periods import plan_period, period_year

        sample = sample_defaults(sample_data_path())
        office = office or click.prompt(str(M.prompt_office()), default=sample["office"])
        period = period or click.prompt(str(M.prompt_period()), default=sample["period"])
        year = period_year(period, None) or period_year(sample["period"], None)
        meeting = meeting or click.prompt(str(M.prompt_meeting()), default=meeting_name(office, plan_period(period, year)))
    created = init_folder(folder, sample_data_path(), builtin_dir(), office=office, period=period, meeting=meeting,
                          from_report=from_report)
    for path in created:
        click.echo(str(M.created(path=path)))


def _stdin_is_terminal() -> bool:
    """Whether a person can answer prompts (not a script, a pipe or a test runner)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def sample_data_path() -> Path:
    """The sample report data: inside the package when installed, data/ in a checkout."""
    packaged = Path(__file__).parent / "data" / "qianjiang-2022-h1.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "qianjiang-2022-h1.yaml"


# ---- the local web page and watching a folder (briefgen serve, briefgen watch) ------------------------------------

@main.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="The port (default: a free one).")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to serve; 0.0.0.0 serves other computers (give --password).")
@click.option("--password", default=None, help="A password the page asks for (with --host 0.0.0.0); without it the page's address carries a token.")
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None, help="Processes a batch uses (default: every core).")
@_user_errors
def serve_cmd(paths, port, host, password, no_browser, workers):
    """Open briefgen's page in the browser: drop the Excel or data file, see every page, take the files.

    The page works on a FOLDER (default: the files dropped on the page); files named instead (a file dropped on
    briefgen.bat) are on the page when it opens. It serves this computer only (127.0.0.1) unless --host says
    otherwise; the address it opens carries a token that every request needs.

    \b
    Example:
      briefgen serve
      briefgen serve 会议材料 --no-browser --port 8765
      briefgen serve 指标.xlsx 任务.xlsx report.yaml
    """
    import os

    from .i18n import language
    from .web import serve

    folders = [p for p in paths if p.is_dir()]
    files = [p.resolve() for p in paths if p.is_file()]
    missing = [p for p in paths if not p.is_dir() and not p.is_file()]
    if missing or len(folders) > 1:
        raise BriefgenError(M.web_not_folder(path=(missing or folders[1:])[0]))
    folder = folders[0].resolve() if folders else None
    if folder is not None:
        os.chdir(folder)  # names in messages are relative to the folder, as for `briefgen build` run there
    if password is not None and len(password) < 8:
        raise click.BadParameter(str(M.web_weak_password(n=8)), param_hint="--password")
    if port:
        import socket

        with socket.socket() as s:
            try:
                s.bind((host if host not in ("0.0.0.0", "::") else "", port))
            except OSError:
                raise BriefgenError(M.web_port_busy(port=port)) from None
    lang = language() if _lang_given() else None
    serve(folder, host=host, port=port, password=password, lang=lang, open_browser=not no_browser, workers=workers,
          say=lambda line: click.echo(line), files=files)


def _lang_given() -> bool:
    """--lang on the command line or `lang` in briefgen.toml (else the page follows the browser)."""
    return any(a == "--lang" or a.startswith("--lang=") for a in sys.argv) or _folder_language() is not None


@main.command("watch")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), required=False)
@_user_errors
def watch_cmd(folder):
    """Build the documents of FOLDER (default: this folder), then again each time a file of it is saved.

    One rebuild per save, whatever the editor does (Excel and WPS write a temporary file and rename it, and leave
    ~$ lock files); each rebuild's result is printed.

    \b
    Example:
      briefgen watch 会议材料
    """
    import os
    import time

    with paused():  # the jobs' modules live as long as the process: no collection while they load
        from .jobs import build as run
    from .workdir.watch import changes_sync
    from .workdir.folder import settings_for

    folder = (folder or Path(".")).resolve()
    if not folder.is_dir():
        raise BriefgenError(M.web_not_folder(path=folder))
    os.chdir(folder)

    def once() -> None:
        started = time.perf_counter()
        stamp = time.strftime("%H:%M:%S")
        try:
            result = run(settings_for([folder], None, {}))
        except BriefgenError as exc:
            for line in exc.lines():
                click.echo(one_line(str(M.web_not_rebuilt(time=stamp, problem=line))), err=True)
            return
        _print_notes(result)
        click.echo(str(M.web_rebuilt(time=stamp, built=len(result.built), kept=len(result.unchanged),
                                     seconds=f"{time.perf_counter() - started:.1f}")))

    click.echo(str(M.web_watching(folder=folder)), err=True)
    once()
    for _ in changes_sync([folder]):
        once()
# ---- the archive catalogue: briefgen catalog add | search | figure | tasks | check ------------------------------------

@main.group("catalog", cls=Group)
def catalog_cmd():
    """The archive catalogue: find archived briefs, a figure across the years, a unit's tasks.

    One SQLite file: --db PATH, or `catalog` in briefgen.toml, or catalog.sqlite in the user's data folder.

    \b
    Example:
      briefgen catalog add archive/2022 archive/2023
      briefgen catalog search 营商环境 --year 2023
      briefgen catalog figure 规上工业增加值 --out 规上工业增加值.xlsx
      briefgen catalog tasks --lead 经发办
    """


def _catalog_db(db: Path | None) -> Path:
    from .catalog import default_path

    if db is not None:
        return db
    return _settings().catalog or default_path()


def _catalog_open(db: Path | None, create: bool = False):
    from . import catalog

    return catalog.open(_catalog_db(db), create=create)


_db_option = click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                          help="The catalogue file (default: `catalog` in briefgen.toml, or one in the user's data folder).")


def _print_rows(header: str, rows: list[list]) -> None:
    titles = header.split("|")
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max([_display_width(t)] + [_display_width(r[i]) for r in cells]) for i, t in enumerate(titles)]
    click.echo("  ".join(_pad(t, w) for t, w in zip(titles, widths)).rstrip())
    for row in cells:
        click.echo(one_line("  ".join(_pad(v, w) for v, w in zip(row, widths)).rstrip()))


@catalog_cmd.command("add")
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path))
@_db_option
@_user_errors
def catalog_add(folders, db):
    """Add archive folders (written with --archive) to the catalogue: their documents' text, figures and tasks.

    Adding a folder again whose manifest.json is unchanged does nothing; a changed one is re-read.

    \b
    Example:
      briefgen catalog add archive/2022 archive/2023 --db 档案.sqlite
    """
    from . import catalog

    read_in = catalog.read(list(folders))  # everything checked before the catalogue is touched
    path = _catalog_db(db)
    con = catalog.open(path)
    try:
        done = catalog.add(con, read_in)
    finally:
        con.close()
    for added in done:
        for warning in added.warnings:
            click.echo(one_line(str(M.warning(text=warning))), err=True)
        if added.status == "unchanged":
            click.echo(str(M.cat_unchanged(folder=added.folder)))
        else:
            line = M.cat_added if added.status == "added" else M.cat_replaced
            click.echo(str(line(folder=added.folder, docs=added.docs, pages=added.pages, figures=added.figures, tasks=added.tasks)))
        if added.track and added.status != "unchanged":
            period, issue, n = added.track
            click.echo(str(M.cat_track_added(period=period, issue=issue or "—", n=n)))
    click.echo(str(M.cat_where(path=path)), err=True)


@catalog_cmd.command("search")
@click.argument("query")
@click.option("--year", type=click.IntRange(1900, 2199), default=None, help="Only documents of this year.")
@click.option("--period", default=None, help="Only documents whose period contains this, e.g. 1—6月.")
@click.option("--issuer", default=None, help="Only documents of this issuer (or a part of its name).")
@click.option("--kind", default=None, help="Only documents of this kind (the template: summary, tasks, department, pack …).")
@click.option("--limit", type=click.IntRange(1, 10000), default=20, show_default=True, help="Most results shown.")
@_db_option
@_user_errors
def catalog_search(query, year, period, issuer, kind, limit, db):
    """Find archived documents and pages whose text holds QUERY (Chinese, 1 character and up), newest first.

    \b
    Example:
      briefgen catalog search 营商环境
      briefgen catalog search 河 --year 2023 --kind summary
    """
    from . import catalog

    con = _catalog_open(db)
    try:
        hits, more = catalog.search(con, query, year=year, period=period, issuer=issuer, kind=kind, limit=limit)
    finally:
        con.close()
    if not hits:
        click.echo(str(M.cat_no_hits(query=query)), err=True)
        sys.exit(1)
    for hit in hits:
        line = M.cat_hit if hit.page else M.cat_hit_no_page
        click.echo(one_line(str(line(year=hit.year or "—", name=hit.path, page=hit.page, snippet=hit.snippet))))
    if more:
        click.echo(str(M.cat_more_hits(n=limit)), err=True)


@catalog_cmd.command("figure")
@click.argument("name")
@click.option("--issuer", default=None, help="Only reports of this issuer (or a part of its name).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also write the series as a table: FILE.xlsx or FILE.csv.")
@click.option("--chart", "chart", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also draw the series: FILE.png (the chart alone), FILE.pdf or FILE.docx (a page with the table).")
@_db_option
@_user_errors
def catalog_figure(name, issuer, out, chart, db):
    """An indicator across periods: value, unit, growth, and the document and page it came from.

    Names offices write differently (规上工业增加值 / 规模以上工业增加值) are merged, and said so.

    \b
    Example:
      briefgen catalog figure 规模以上工业增加值 --out 规上工业增加值.xlsx
      briefgen catalog figure 规上工业增加值 --chart 规上工业增加值.png
    """
    from . import catalog
    from .catalog.chart import check_chart_path
    from .catalog.export import write_table

    if chart is not None:
        check_chart_path(chart)  # before anything is written
    con = _catalog_open(db)
    try:
        series, names = catalog.figure(con, name, issuer=issuer)
    finally:
        con.close()
    if not series:
        click.echo(str(M.cat_no_figure(name=name)), err=True)
        sys.exit(1)
    header = str(M.cat_figure_header())
    rows = [[f.period, f.name, f.value, f.unit, f.yoy, f.document, f.page] for f in series]
    _print_rows(header, rows)
    if len(names) > 1:
        click.echo(str(M.cat_merged(names="、".join(names))), err=True)
    if out is not None:
        n = write_table(out, header.split("|"), rows, {2, 4, 6}, str(M.cat_sheet_figure()))
        click.echo(str(M.cat_wrote(path=out, n=n)))
    if chart is not None:
        from .catalog.chart import write_chart

        write_chart(chart, series, names, _settings())
        click.echo(str(M.cat_wrote_chart(path=chart, n=len(series))))


@catalog_cmd.command("tasks")
@click.option("--lead", required=True, help="The lead unit: its full name, short name (经发办) or a part of the name.")
@click.option("--task", "task", default=None, help="Only tasks whose title holds this.")
@click.option("--issuer", default=None, help="Only reports of this issuer (or a part of its name).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also write the list as a table: FILE.xlsx or FILE.csv.")
@_db_option
@_user_errors
def catalog_tasks(lead, task, issuer, out, db):
    """The tasks a unit led, across the years: title, support, deadline, and the document and page; then, for
    tasks followed up with `briefgen track report`, each one's status period by period (督办).

    \b
    Example:
      briefgen catalog tasks --lead 经发办
      briefgen catalog tasks --lead 经发办 --task 老旧小区改造
    """
    from . import catalog
    from .catalog.export import write_table

    con = _catalog_open(db)
    try:
        rows = catalog.tasks(con, lead, issuer=issuer, task=task)
        history = catalog.statuses(con, lead, issuer=issuer, task=task)
    finally:
        con.close()
    if not rows and not history:
        click.echo(str(M.cat_no_tasks(lead=lead)), err=True)
        sys.exit(1)
    header = str(M.cat_tasks_header())
    table = [[t.year, t.period, t.title, t.lead, t.support, t.due_text or t.due, t.document] for t in rows]
    if rows:
        _print_rows(header, table)
    track_header = str(M.cat_track_header())
    track = [[h.item, h.title, h.lead, h.period, h.status, None if h.percent is None else f"{h.percent:g}", h.document, h.page]
             for h in history]
    if history:
        if rows:
            click.echo("")
        _print_rows(track_header, [[("—" if v is None else v) for v in row] for row in track])
    if out is not None:
        sheets = [(str(M.cat_sheet_tasks()), header.split("|"), table, {0}), (str(M.cat_sheet_track()), track_header.split("|"), track, {5, 7})]
        sheets = [t for t in sheets if t[2]]
        if out.suffix.lower() == ".csv" and len(sheets) == 2:
            beside = out.with_name(f"{out.stem}_{sheets[1][0]}{out.suffix}")
            n = write_table(beside, *sheets[1][1:3], sheets[1][3], sheets[1][0])
            click.echo(str(M.cat_track_csv(path=beside, n=n)))
            sheets = sheets[:1]
        n = write_table(out, sheets[0][1], sheets[0][2], sheets[0][3], sheets[0][0], more=tuple(sheets[1:]))
        click.echo(str(M.cat_wrote(path=out, n=n)))


@catalog_cmd.command("check")
@_db_option
@_user_errors
def catalog_check(db):
    """Find catalogue entries whose files are gone or changed since they were added (exit code 1 if any).

    \b
    Example:
      briefgen catalog check
    """
    from . import catalog

    con = _catalog_open(db)
    try:
        found = catalog.check(con)
    finally:
        con.close()
    for path in found.missing:
        click.echo(str(M.cat_check_missing(path=path)), err=True)
    for path in found.changed:
        click.echo(str(M.cat_check_changed(path=path)), err=True)
    if not found.passed:
        click.echo(str(M.cat_check_failed(ok=len(found.ok), missing=len(found.missing), changed=len(found.changed))), err=True)
        sys.exit(1)
    click.echo(str(M.cat_check_ok(n=len(found.ok), folders=found.folders)))

# ---- briefgen track: following the tasks up after the meeting (督办) -------------------------------------------------

@main.group("track", cls=Group)
def track():
    """Follow the plan's tasks up (督办): 进度表 out to each lead unit, 督办通报, 催办单 and 台账 back in colour.

    \b
    Example:
      briefgen track forms data/plan.yaml --period 2022-09 --out 督办
      briefgen track report data/plan.yaml --progress 督办/2022-09/进度表/*.xlsx --as-of 2022-09-30 --out 督办
    """


def _track_settings(data, out, tasks, rule=None, **options):
    settings = _settings(data=data, out=out, tasks=tasks, **options)
    if rule:
        settings = settings.model_copy(update={"track": settings.track.model_copy(update={"rule": rule})})
    return settings


def _data_and_progress(files, progress) -> tuple[Path | None, tuple[Path, ...]]:
    """The data file and the progress tables of `track report`: a shell expands --progress 进度表/*.xlsx into one
    --progress and the other files after it, so a table (.xlsx, .csv …) among the arguments is progress too."""
    from .load.assemble import TABLE_SUFFIXES

    tables = tuple(f for f in files if f.suffix.lower() in TABLE_SUFFIXES + (".tsv",) or f.is_dir())
    data = [f for f in files if f not in tables]
    if len(data) > 1:
        raise click.UsageError(str(M.tr_two_data_files(files=", ".join(map(str, data)))))
    return (data[0] if data else None), tuple(progress) + tables


@track.command("forms")
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--period", required=True, help="The month the forms report on, e.g. 2022-09.")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None, help="Output folder (default: out, or `out` in briefgen.toml); the forms go to OUT/PERIOD/进度表.")
@click.option("--tasks", type=click.Path(dir_okay=False, path_type=Path), help="Tasks from an .xlsx or .csv table.")
@_user_errors
def track_forms(data, period, out, tasks):
    """One 进度表 (.xlsx) per lead unit: its tasks pre-filled and locked, the progress columns to fill, 状态 as a drop-down.

    Last period's progress is filled in from the result kept in OUT (after a `track report`).

    \b
    Example:
      briefgen track forms data/plan.yaml --period 2022-09 --out 督办
    """
    from .track.job import forms

    result = forms(_track_settings(data, out, tasks), period)
    _print_result(result)


@track.command("report")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar="[DATA] [PROGRESS]...")
@click.option("--progress", "progress", multiple=True, type=click.Path(path_type=Path),
              help="A returned 进度表, a consolidated progress table (.xlsx or .csv) or a folder of them; repeatable, "
                   "and the files after it need no --progress of their own (--progress 进度表/*.xlsx).")
@click.option("--as-of", "as_of", required=True, help="The date the statuses are judged on, e.g. 2022-09-30.")
@click.option("--period", default=None, help="The month reported on (default: the as-of date's), e.g. 2022-09.")
@click.option("--rule", default=None, help="The status rule: 序时进度 (default), 三色预警, 蓝黄红, 剩余时间, 工期预警.")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None, help="Output folder (default: out, or `out` in briefgen.toml); this period's files go to OUT/PERIOD.")
@click.option("--format", "-f", "formats", default=None, help="Formats of the 通报 and 催办单: docx, pdf or docx,pdf (default: both).")
@click.option("--theme", default=None, help="A built-in theme (official, handout) or a theme file.")
@click.option("--templates-dir", "template_dirs", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path), help="A folder of templates that override the built-in ones.")
@click.option("--mark", help="A header mark such as 内部资料 注意保存.")
@click.option("--tasks", type=click.Path(dir_okay=False, path_type=Path), help="Tasks from an .xlsx or .csv table.")
@click.option("--force", is_flag=True, default=None, help="Rebuild every file, even those whose inputs are unchanged.")
@_user_errors
def track_report(files, progress, as_of, period, rule, out, tasks, **options):
    """Statuses by the rule on the as-of date -> 督办通报 (第N期), a 催办单 per unit with late items, 台账, 销号清单.

    The same inputs and --as-of give the same files, byte for byte; each period's result is kept in OUT/PERIOD so
    that the next 通报 shows what moved.

    \b
    Example:
      briefgen track report data/plan.yaml --progress 进展汇总.xlsx --as-of 2022-09-30 --out 督办
    """
    from .track.job import parse_as_of, report

    data, progress = _data_and_progress(files, progress)
    settings = _track_settings(data, out, tasks, rule, **options)
    result = report(settings, list(progress), parse_as_of(as_of), period)
    _print_result(result)
    _catalogue_archive(settings, result, archive=True)
