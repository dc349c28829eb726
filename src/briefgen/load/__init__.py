"""Data files -> plain dicts plus a SourceMap that says where each value came from.

YAML and JSON keep line and column; workbooks and CSV keep the sheet cell (see ``tables``).
"""

from __future__ import annotations

from pathlib import Path

from .. import messages as M
from ..errors import DataError, Location, Problem
from .source import SourceMap, check_file, display_name, read_limited  # noqa: F401  (the stage's own names)
from .tables import load_table_file
from .yamlfile import load_yaml


def load_file(path: str | Path) -> tuple[object, SourceMap]:
    """Load one data file by its suffix."""
    path = Path(path)
    name = display_name(path)
    why = check_file(path, name)
    if why:
        raise DataError([Problem(Location(name), "", why)])
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):

        return load_yaml(path, name)
    if suffix in (".xlsx", ".xlsm", ".csv", ".xls", ".et"):
        # A table on its own gives {"indicators": …} and/or {"plan": {"sections": …}}, found by its headings;
        # with no `report:` section, validation then says what is missing.

        return load_table_file(path, name)
    if suffix in (".txt", ".docx", ".doc", ".wps"):
        raise DataError([Problem(Location(name), "", M.report_not_data(name=name))])
    raise DataError([Problem(Location(name), "", M.unknown_suffix(suffix=suffix) if suffix else M.no_suffix())])
