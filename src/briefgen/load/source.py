"""Where every loaded value came from: the SourceMap (file, line and column, or sheet cell), the name a file is
shown by, and the checks every data file passes before it is read (kind, size)."""


from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from .. import limits
from .. import messages as M
from ..errors import DataError, Location, Problem


@dataclass
class SourceMap:
    """Path tuples such as ('indicators', 3, 'value') -> where that value was written."""

    file: str
    spots: dict[tuple, Location] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # doubtful values the loaders read (a table's 约3亿), at their cells
    notes: list = field(default_factory=list)  # what the loaders read (a table's sheet, heading row and columns)

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


_CONFINED: ContextVar[tuple[tuple[Path, ...], frozenset[Path]] | None] = ContextVar("briefgen_confined", default=None)


@contextmanager
def confined(roots, trusted=()):
    """Within it, a data file, table, theme or reference DOCX is read only when it lies in one of the folders
    ``roots`` or is one of the files or folders ``trusted`` (links resolved): the web page's jobs, whose
    briefgen.toml, data and themes may come from a browser and name any path (``sources: indicators: /etc/x.csv``)."""
    def real(p) -> Path:
        try:
            return Path(p).resolve()
        except (OSError, RuntimeError):
            return Path(p).absolute()

    token = _CONFINED.set((tuple(real(r) for r in roots), frozenset(real(t) for t in trusted)))
    try:
        yield
    finally:
        _CONFINED.reset(token)


def outside(path: Path) -> bool:
    """Whether ``path`` lies outside what ``confined`` allows (False when nothing is confined)."""
    allowed = _CONFINED.get()
    if allowed is None:
        return False
    roots, trusted = allowed
    try:
        real = Path(path).resolve()
    except (OSError, RuntimeError):
        return True
    if real in trusted or any(t in real.parents for t in trusted):
        return False
    return not any(real == r or r in real.parents for r in roots)


def check_file(path: Path, name: str):
    """Why ``path`` cannot be read as a data file (a message), or None when it is a regular file."""
    if outside(path):
        return M.outside_folder()
    try:
        if path.is_file():
            return None
        if path.is_symlink():
            return M.dangling_link()
        if path.exists():
            return M.not_a_file()
    except (OSError, RuntimeError):
        return M.unreachable()
    return M.file_not_found()


def read_limited(path: Path, name: str, limit: int, kind: str) -> bytes:
    """The bytes of a data or table file, refused before reading when larger than ``limit`` (see ``limits``)."""
    try:
        size = path.stat().st_size
        if size <= limit:
            with path.open("rb") as f:
                raw = f.read(limit + 1)
            size = max(size, len(raw))
    except OSError as exc:
        raise DataError([Problem(Location(name), "", M.cannot_read(reason=exc.strerror or exc))]) from None
    if size > limit:
        at_most = M.limit_data_file if kind == "data file" else M.limit_table_file
        raise DataError([Problem(Location(name), "", limits.refusal(
            M.file_size(size=limits.megabytes(size)), at_most(size=limits.megabytes(limit)), M.fix_file_size()))])
    return raw
