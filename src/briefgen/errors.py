"""Every error a user can cause is a BriefgenError; the CLI prints it as one line per problem.

Problems carry their location so that the message names the file, the line or cell, and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .i18n import Message


@dataclass(frozen=True)
class Location:
    """Where a value came from: a file plus a line/column (text files) or a sheet cell (workbooks)."""

    file: str
    line: int | None = None
    column: int | None = None
    cell: str | None = None  # e.g. "Sheet1!D7"

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}:{self.cell}"
        if self.line is not None and self.column is not None:
            return f"{self.file}:{self.line}:{self.column}"
        if self.line is not None:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input value."""

    location: Location
    field: "str | Message"
    message: "str | Message"

    def __str__(self) -> str:
        """``file:line:col: field: message`` on one line, in the current language (Chinese puts a full-width
        colon after the field, as clerks write it); a newline or control character that a value carries into
        the message is shown escaped (``\\n``, ``\\x1b``) so that one problem stays one line."""
        from .i18n import language

        lang = language()
        text = one_line(str(self.message))
        if not self.field:
            return f"{self.location}: {text}"
        field = one_line(str(self.field))
        return f"{self.location}: {field}：{text}" if lang == "zh" else f"{self.location}: {field}: {text}"

    @property
    def code(self) -> str | None:
        """The message code (``BG…``) when the message comes from the catalogue."""
        return getattr(self.message, "code", None)


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes (``\\n``, ``\\x1b``, ``\\u2028``)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text)


class BriefgenError(Exception):
    """Base of every error that is the user's to fix (bad input, bad template, bad option).

    ``exit_code`` is 2 for bad input or usage and 1 for a failure that the input did not cause.
    """

    exit_code = 2

    def lines(self) -> list[str]:
        """One line per problem (an error raised with several messages has several)."""
        return [str(a) for a in self.args] if len(self.args) > 1 else [str(self)]


class DataError(BriefgenError):
    """One or more problems in data files, all reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class TemplateError(BriefgenError):
    """A template that does not render or renders bad markup; the message names file and line."""


class ThemeError(BriefgenError):
    """A theme file that is missing or invalid; one line per problem."""


class FontError(BriefgenError):
    """A font that cannot be found or read, or characters that no font can draw (with --strict)."""


class LayoutError(BriefgenError):
    """A document that does not fit its declared page budget, even at the theme's smallest sizes:
    the data is too long for the template, so it is the user's to shorten (exit code 2)."""


class OutputError(BriefgenError):
    """An output file that cannot be written (a folder in the way, no permission, open in Word)."""

    exit_code = 1
