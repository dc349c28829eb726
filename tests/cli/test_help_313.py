"""--help speaks Chinese whatever form the docstrings take: Python 3.13 (the Windows bundle's) removes their
indentation when it compiles them, which made every command's description English."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from briefgen.cli import main


def as_313(doc: str) -> str:
    """A docstring as Python 3.13 compiles it: the common indentation of the lines after the first removed."""
    first, _, rest = doc.partition("\n")
    return first + ("\n" + textwrap.dedent(rest) if rest else "")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_each_command_help_is_chinese_in_both_docstring_forms(name, monkeypatch):
    command = main.commands[name]
    if not command.help:
        pytest.skip("no help text")
    english_first = command.help.strip().splitlines()[0]
    for form in (command.help, as_313(command.help)):
        monkeypatch.setattr(command, "help", form)
        out = CliRunner().invoke(main, ["--lang", "zh", name, "--help"]).output
        assert english_first not in out, out
        assert "用法" in out or "Usage" not in out
