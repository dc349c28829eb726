"""Data files -> plain dicts plus a SourceMap that says where each value came from.

YAML and JSON keep line and column; workbooks and CSV keep the sheet cell (see ``tables``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import limits
from ..errors import DataError, Location, Problem


@dataclass
class SourceMap:
    """Path tuples such as ('indicators', 3, 'value') -> where that value was written."""

    file: str
    spots: dict[tuple, Location] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # doubtful values the loaders read (a table's 约3亿), at their cells

    def add(self, path: tuple, location: Location) -> None:
        self.spots[path] = location

    def locate(self, path: tuple) -> Location:
        """The location of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.spots:
                return self.spots[path]
            path = path[:-1]
        return self.spots.get((), Location(self.file))

    def merge(self, other: "SourceMap", prefix: tuple = ()) -> None:
        for path, loc in other.spots.items():
            self.spots[prefix + path] = loc

    def drop(self, prefix: tuple) -> None:
        """Forget ``prefix`` and everything under it (before another file's values replace them)."""
        n = len(prefix)
        self.spots = {p: loc for p, loc in self.spots.items() if p[:n] != prefix}


def display_name(path: Path) -> str:
    """The file name as the user gave it, relative when it is under the working folder."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symbolic link loop (before Python 3.13)
        return str(path)


def check_file(path: Path, name: str) -> str | None:
    """Why ``path`` cannot be read as a data file (a message), or None when it is a regular file."""
    try:
        if path.is_file():
            return None
        if path.is_symlink():
            return "a symbolic link that leads nowhere or back to itself; give the path of the file itself"
        if path.exists():
            return "not a regular file (a folder, a pipe or a device); give the path of a data file"
    except (OSError, RuntimeError):
        return "cannot be reached (a symbolic link loop or a path that is too long); give the path of the file itself"
    return "file not found; check the path"


def read_limited(path: Path, name: str, limit: int, kind: str) -> bytes:
    """The bytes of a data or table file, refused before reading when larger than ``limit`` (see ``limits``)."""
    try:
        size = path.stat().st_size
        if size <= limit:
            with path.open("rb") as f:
                raw = f.read(limit + 1)
            size = max(size, len(raw))
    except OSError as exc:
        raise DataError([Problem(Location(name), "", f"cannot be read ({exc.strerror or exc})")]) from None
    if size > limit:
        what = "MAX_DATA_FILE_BYTES" if kind == "data file" else "MAX_TABLE_FILE_BYTES"
        raise DataError([Problem(Location(name), "", limits.refusal(
            f"the file is {limits.megabytes(size)}", f"a {kind} of at most {limits.megabytes(limit)} (limits.{what})",
            "remove what the report does not need, or split the tables into their own files"))])
    return raw


def load_file(path: str | Path) -> tuple[object, SourceMap]:
    """Load one data file by its suffix."""
    path = Path(path)
    name = display_name(path)
    why = check_file(path, name)
    if why:
        raise DataError([Problem(Location(name), "", why)])
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        from .yamlfile import load_yaml

        return load_yaml(path, name)
    if suffix in (".xlsx", ".xlsm", ".csv", ".xls", ".et"):
        # A table on its own gives {"indicators": …} and/or {"plan": {"sections": …}}, found by its headings;
        # with no `report:` section, validation then says what is missing.
        from .tables import load_table_file

        return load_table_file(path, name)
    if suffix in (".txt", ".docx", ".doc", ".wps"):
        hint = f"a report as written is not data yet: run `briefgen extract {name} -o report.yaml`, check the draft, then build from it"
        raise DataError([Problem(Location(name), "", hint)])
    raise DataError([Problem(Location(name), "", f"cannot read {suffix or 'files without a suffix'} here; use .yaml, .yml, .json, .xlsx or .csv")])
