"""The first stages of the road, as values: data files -> Report, and Report + template -> Document (IR).

    report, doubts = load_report(data, indicators=…, tasks=…, columns=…)
    doc, warnings = make_document(report, "summary", template_dirs, mark)

Nothing here writes a file. Problems that stop the road are raised (BriefgenError); doubts and template
warnings are returned as located ``Problem``s for the job to report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import ir
from .. import messages as M
from ..errors import BriefgenError, Location, Problem
from ..i18n import Text
from ..load.assemble import load_report_data
from ..model.validate import doubts as find_doubts
from ..model.validate import validate
from .markup import parse
from .templates import SUFFIX, render

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv")


def load_report(data: Path, indicators: Path | None = None, tasks: Path | None = None,
                columns: dict | None = None, notes: list | None = None) -> tuple[Any, list[Problem]]:
    """Load and validate the report data (YAML/JSON, plus Excel/CSV tables when given) -> (Report, doubts).

    Doubts are values that are valid but look wrong (a deadline before the report's date …), each located.
    ``notes``, when given, receives what the loaders say they read (a table's sheet, heading row and columns).
    """
    if Path(data).suffix.lower() in TABLE_SUFFIXES:

        raise BriefgenError(M.table_not_data(path=data))
    raw, sources = load_report_data(data, indicators=indicators, tasks=tasks, columns=columns)
    report = validate(raw, sources)
    if notes is not None:
        notes.extend(sources.notes)
    return report, list(find_doubts(report, sources))


def make_document(report, template: str, template_dirs: tuple[Path, ...] = (), mark: str | None = None,
                  extra: dict[str, Any] | None = None) -> tuple[ir.Document, list[Problem]]:
    """Render one template for ``report`` and parse it -> (Document, warnings).

    A template reports thin or placeholder data with ``{{ warn("…") }}``; each becomes a Problem located at the
    template file. ``extra`` adds names the template sees (a batch passes ``department``).
    """
    name = template.removesuffix(SUFFIX)  # `-t summary.xml.j2` names the same template as `-t summary`
    messages: list = []

    def warn(message: str, **args) -> str:
        """``warn("tw_no_tasks")`` or ``warn("tw_unassigned", n=2, total=12)``: a warning of the catalogue, in the
        user's language; any other text (a user template's own words) is shown as written."""
        entry = getattr(M, str(message), None)
        messages.append(entry(**args) if isinstance(entry, Text) else str(message))
        return ""

    context = {"report": report, "mark": mark or "", "warn": warn, **(extra or {})}
    markup, source = render(name, context, template_dirs)
    doc = parse(markup, source)
    names = tuple((d.name, d.short or "") for d in getattr(report, "departments", ()) or ())
    if names:  # the writers keep these whole in narrow columns, or use the short form (linebreak.name_joins)
        import dataclasses

        doc = dataclasses.replace(doc, names=names)
    return doc, [Problem(Location(name), "", m) for m in messages]
