"""The whole road for one data file: load -> validate -> render templates -> IR -> DOCX and PDF.

Everything is rendered in memory first; files are written only when every document succeeded, each
atomically, so a bad input or template never leaves half an output behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import ir
from .errors import BriefgenError
from .theme import Theme, load_theme

DEFAULT_TEMPLATES = ("summary", "tasks")
FORMATS = ("docx", "pdf")


@dataclass
class Output:
    template: str
    path: Path
    format: str
    pages: int | None = None
    scale: float = 1.0


@dataclass
class BuildResult:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load_report(data: Path, indicators: Path | None = None, tasks: Path | None = None, columns: dict | None = None,
                doubts: list[str] | None = None):
    """Load and validate the report data (YAML/JSON, plus Excel/CSV tables when given).

    Values that are valid but look wrong (a deadline before the report's date …) are added to
    ``doubts`` as located messages, when a list is given.
    """
    from .inputs import load_report_data
    from .model import doubts as find_doubts
    from .model import validate

    if Path(data).suffix.lower() in (".xlsx", ".xlsm", ".csv"):
        raise BriefgenError(
            f"{data}: a table holds indicators or tasks, not the report's title, issuer and date; build from the "
            f"report's data file (`briefgen init` makes one) and add the table with --indicators or --tasks"
        )
    raw, sources = load_report_data(data, indicators=indicators, tasks=tasks, columns=columns)
    report = validate(raw, sources)
    if doubts is not None:
        doubts.extend(str(p) for p in find_doubts(report, sources))
    return report


def make_document(report, template: str, template_dirs: tuple[Path, ...] = (), mark: str | None = None,
                  warnings: list[str] | None = None) -> ir.Document:
    """Render one template for ``report`` and parse it. A template reports thin or placeholder data
    with ``{{ warn("…") }}``; those messages are added to ``warnings``, prefixed with the template."""
    from .markup import parse
    from .templating import render

    def warn(message: str) -> str:
        if warnings is not None:
            warnings.append(f"{template}: {message}")
        return ""

    markup, source = render(template, {"report": report, "mark": mark or "", "warn": warn}, template_dirs)
    return parse(markup, source)


def scaled(theme: Theme, scale: float) -> Theme:
    """The theme with body, table, title and heading sizes scaled (one-page fitting)."""
    if scale == 1.0:
        return theme
    body = theme.body.model_copy(update={
        "size_pt": theme.body.size_pt * scale,
        "line_pitch_pt": theme.body.line_pitch_pt * scale,
        "table_size_pt": max(theme.body.table_size_pt * scale, theme.body.min_table_size_pt),
    })
    title = theme.title.model_copy(update={"size_pt": theme.title.size_pt * scale})
    headings = theme.headings.model_copy(update={"sizes_pt": [s * scale for s in theme.headings.sizes_pt]})
    return theme.model_copy(update={"body": body, "title": title, "headings": headings})


def build(
    data: Path,
    out_dir: Path,
    templates: tuple[str, ...] = DEFAULT_TEMPLATES,
    formats: tuple[str, ...] = FORMATS,
    theme: str = "official",
    template_dirs: tuple[Path, ...] = (),
    reference_docx: Path | None = None,
    mark: str | None = None,
    strict: bool = False,
    indicators: Path | None = None,
    tasks: Path | None = None,
    columns: dict | None = None,
) -> BuildResult:
    from .outputs import write_all
    from .templating import SUFFIX

    result = BuildResult()
    report = load_report(Path(data), indicators, tasks, columns, result.warnings)
    the_theme = load_theme(theme)
    if reference_docx is not None and not Path(reference_docx).is_file():
        raise BriefgenError(f"{reference_docx}: reference DOCX not found")
    pending: list[tuple[Output, bytes]] = []
    missing: dict[str, set[str]] = {}  # character no font has -> the templates that draw it
    for name in templates:
        name = name.removesuffix(SUFFIX)  # `-t summary.xml.j2` names the same template as `-t summary`
        doc = make_document(report, name, template_dirs, mark, result.warnings)
        scale = docx_scale = 1.0
        if "pdf" in formats or doc.one_page:
            from .writers.pdf import render_pdf

            pdf = render_pdf(doc, the_theme)
            scale, docx_scale = pdf.scale, pdf.docx_scale
            for ch in pdf.missing:
                missing.setdefault(ch, set()).add(name)
            if scale < 1.0:
                result.warnings.append(
                    f"{name}: shrank the type to {scale * the_theme.body.size_pt:.1f} pt ({scale:.0%}) to keep it on one page"
                )
            if "pdf" in formats:
                pending.append((Output(name, out_dir / f"{name}.pdf", "pdf", pdf.pages, scale), pdf.data))
        if "docx" in formats:
            from .writers.docx import docx_bytes

            data_bytes = docx_bytes(doc, scaled(the_theme, docx_scale), reference_docx)
            pending.append((Output(name, out_dir / f"{name}.docx", "docx", None, docx_scale), data_bytes))
    if missing:
        listing = "、".join(sorted(missing))
        where = ", ".join(sorted({t for s in missing.values() for t in s}))
        result.warnings.append(f"no font can draw {listing} (in {where}); add a font that has them to the theme")
    if strict and result.warnings:
        raise BriefgenError(*(f"{w} (an error with --strict)" for w in result.warnings))
    write_all([(output.path, payload) for output, payload in pending])
    result.outputs.extend(output for output, _ in pending)
    return result
