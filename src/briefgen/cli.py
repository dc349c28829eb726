"""The `briefgen` command: a thin shell over the library.

It parses options, calls the library, and turns every BriefgenError into one line per problem on
stderr with exit code 2 (bad input or usage) or 1 (a failure the input did not cause). Heavy
imports happen inside the commands, so `briefgen --help` stays fast.
"""

from __future__ import annotations

import sys
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .errors import BriefgenError


def _user_errors(fn):
    """Report a BriefgenError as plain lines, never a traceback."""

    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BriefgenError as exc:
            for line in exc.lines():  # each already names its file and place where it has one
                click.echo(line, err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:  # a file the user named that cannot be read or written
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"{where}{exc.strerror or exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; no half-written files were left", err=True)
            sys.exit(130)

    return wrapper


def _split_formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in ("docx", "pdf")]
    if bad or not formats:
        raise click.BadParameter(f"{value!r}: use docx, pdf or docx,pdf")
    return formats


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
def main():
    """briefgen: a work report and its figures in, print-ready briefings (DOCX and PDF) out.

    \b
    Example:
      briefgen build data/qianjiang-2022-h1.yaml --out out
    """
    _show_progress_notes()


def _show_progress_notes() -> None:
    """Long one-off steps (preparing fonts) say so on stderr, so a first run is not a silent wait."""
    import logging

    class Notes(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            click.echo(f"note: {record.getMessage()}", err=True)  # stderr as it is now, not at setup

    logger = logging.getLogger("briefgen")
    if not any(isinstance(h, logging.Handler) and type(h).__name__ == "Notes" for h in logger.handlers):
        logger.addHandler(Notes())
        logger.setLevel(logging.INFO)
        logger.propagate = False


@main.command()
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Output folder (default: out).")
@click.option("--template", "-t", "templates", multiple=True, help="A template to build (repeatable); default: summary and tasks.")
@click.option("--format", "-f", "formats", default=None, help="Formats to write: docx, pdf or docx,pdf (default: both).")
@click.option("--theme", default=None, help="A built-in theme (official, handout) or a theme file.")
@click.option("--templates-dir", "template_dirs", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path), help="A folder of templates that override the built-in ones.")
@click.option("--reference-docx", type=click.Path(dir_okay=False, path_type=Path), help="Take DOCX styles, page setup, header and footer from this Word file.")
@click.option("--mark", help="A header mark such as 内部资料 注意保存.")
@click.option("--indicators", type=click.Path(dir_okay=False, path_type=Path), help="Indicators from an .xlsx or .csv table.")
@click.option("--tasks", type=click.Path(dir_okay=False, path_type=Path), help="Tasks from an .xlsx or .csv table.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: a character no font has, empty tables, 待定 owners.")
@_user_errors
def build(data, out_dir, templates, formats, theme, template_dirs, reference_docx, mark, indicators, tasks, strict):
    """Build briefing documents from a data file.

    \b
    Example:
      briefgen build data/qianjiang-2022-h1.yaml --out out --format pdf
    """
    from .build import DEFAULT_TEMPLATES, build as run

    config = {}
    if data is None:
        config = _folder_config()
        data = Path(config["data"])
    result = run(
        data,
        out_dir or Path(config.get("out", "out")),
        tuple(templates) or tuple(config.get("templates", DEFAULT_TEMPLATES)),
        _split_formats(formats) if formats is not None else tuple(config.get("formats") or ("docx", "pdf")),
        theme or config.get("theme", "official"),
        tuple(template_dirs),
        reference_docx,
        mark,
        strict,
        indicators or config.get("indicators"),
        tasks or config.get("tasks"),
        config.get("columns") or None,
    )
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for o in result.outputs:
        pages = f" ({o.pages} page{'s' if o.pages != 1 else ''})" if o.pages else ""
        click.echo(f"wrote {o.path}{pages}")


def _folder_config() -> dict:
    """briefgen.toml of the working folder, for `briefgen build` without arguments."""
    from .scaffold import read_config

    if not (Path.cwd() / "briefgen.toml").is_file():
        raise BriefgenError("no data file given and no briefgen.toml here; run `briefgen build DATA.yaml` or `briefgen init DIR`")
    return read_config(Path.cwd())


@main.command("templates")
@click.option("--templates-dir", "template_dirs", multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path))
@_user_errors
def templates_cmd(template_dirs):
    """List the templates, with a one-line description each.

    \b
    Example:
      briefgen templates
    """
    from .templating import list_templates

    from .templating import builtin_dir

    infos = list_templates(tuple(template_dirs))
    width = max((len(i.name) for i in infos), default=0)
    for info in infos:
        origin = "" if info.path.parent.resolve() == builtin_dir().resolve() else f"  [{info.path}]"
        click.echo(f"{info.name:<{width}}  {info.description}{origin}")


@main.command("themes")
@_user_errors
def themes_cmd():
    """List the built-in themes.

    \b
    Example:
      briefgen themes
    """
    from .theme import builtin_names, load_theme

    names = builtin_names()
    width = max(len(n) for n in names)
    for name in names:
        click.echo(f"{name:<{width}}  {load_theme(name).description}")


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
    from .build import DEFAULT_TEMPLATES, load_report, make_document
    from .fonts import pdf_fontset
    from .theme import load_theme
    from .writers.pdf import document_text

    the_theme = load_theme(theme)
    text = ""
    if data is not None:
        report = load_report(data)
        text = "".join(document_text(make_document(report, name), the_theme) for name in templates or DEFAULT_TEMPLATES)
        text = "".join(sorted(set(text) - set(" \n\t")))
    fs = pdf_fontset(the_theme, text)
    reports = fs.report(text)
    rows = [("role", "Word names", "PDF uses", "found", "covers", "file")]
    for r in reports:
        cover = f"{r.covered}/{r.total}" if text else "-"
        if text and r.fallback:
            cover += f" (+{len(r.fallback)} by fallback)"
        rows.append((r.role, the_theme.font(r.role).docx, r.family, r.source, cover, str(r.path)))
    widths = [max(_display_width(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        click.echo("  ".join(_pad(cell, w) for cell, w in zip(row[:5], widths)) + "  " + row[5])
    for r in reports:
        for note in r.notes:
            click.echo(f"note: {r.role}: {note}", err=True)
    missing = sorted({ch for r in reports for ch in r.missing})
    if missing:
        click.echo(f"warning: no font has {'、'.join(missing)}", err=True)


def _display_width(text: str) -> int:
    """Columns a terminal gives ``text``: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _display_width(text))


@main.command("preview")
@click.argument("pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "-o", "png", type=click.Path(dir_okay=False, path_type=Path), help="PNG file (default: next to the PDF).")
@click.option("--page", default=1, show_default=True, type=click.IntRange(min=1), help="Page number, from 1.")
@click.option("--dpi", default=110.0, show_default=True, type=click.FloatRange(20, 600), help="Resolution in dots per inch.")
@_user_errors
def preview_cmd(pdf, png, page, dpi):
    """Render a page of a PDF to a PNG image.

    \b
    Example:
      briefgen preview out/summary.pdf -o summary.png
    """
    from .preview import pdf_to_png

    target = png or pdf.with_name(f"{pdf.stem}-p{page}.png")
    click.echo(f"wrote {pdf_to_png(pdf, target, page, dpi)}")


@main.command("extract")
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="The YAML draft to write (default: print it).")
@click.option("--keep-script", is_flag=True, help="Keep Traditional characters instead of converting to Simplified.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_user_errors
def extract_cmd(report, output, keep_script, force):
    """Turn a raw work report (.txt or .docx) into a draft data file.

    Repairs damaged text (pinyin annotations, ASCII punctuation, Traditional characters), finds the
    metadata, review sections, second-half tasks and the figures in running text. Items a person must
    check are marked "# 待核实" in the draft.

    \b
    Example:
      briefgen extract report.txt -o report.yaml
    """
    from .extract import extract, to_yaml
    from .outputs import write_atomic

    if output is not None and output.exists() and not force:
        raise BriefgenError(f"{output}: the file exists (perhaps data checked by hand); choose another name or add --force")
    result = extract(report, keep_script=keep_script)
    text = to_yaml(result)
    if output is None:
        click.echo(text)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}")
    click.echo(result.findings, err=True)


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@_user_errors
def validate_cmd(files):
    """Check data files (YAML, JSON, XLSX, CSV) and list every problem at once.

    \b
    Example:
      briefgen validate data/report.yaml data/指标.xlsx
    """
    from .inputs import validate_files

    from .build import load_report

    problems = validate_files(list(files))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        sys.exit(2)
    doubts: list[str] = []
    for path in files:
        if path.suffix.lower() in (".yaml", ".yml", ".json"):
            load_report(path, doubts=doubts)
    for doubt in doubts:
        click.echo(f"warning: {doubt}", err=True)
    click.echo(f"ok: {len(files)} file{'s' if len(files) != 1 else ''}, no problems"
               + (f", {len(doubts)} warning{'s' if len(doubts) != 1 else ''} to check" if doubts else ""))


@main.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@_user_errors
def init_cmd(folder):
    """Make a working folder: briefgen.toml, sample data (YAML and Excel) and a template to edit.

    Inside it, `briefgen build` with no arguments builds the pack.

    \b
    Example:
      briefgen init 会议材料 && cd 会议材料 && briefgen build
    """
    from .scaffold import init_folder
    from .templating import builtin_dir

    created = init_folder(folder, sample_data_path(), builtin_dir())
    for path in created:
        click.echo(f"created {path}")


def sample_data_path() -> Path:
    """The sample report data: inside the package when installed, data/ in a checkout."""
    packaged = Path(__file__).parent / "data" / "qianjiang-2022-h1.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "qianjiang-2022-h1.yaml"
