"""Click commands whose help speaks the user's language.

The English help texts in ``cli.py`` are the gettext message ids; these classes look each one up in the
catalogue when help is shown (so after ``--lang`` and the environment have chosen the language), and
``tools/messages.py`` walks the command tree to put every help text in the catalogue.
"""

from __future__ import annotations

import inspect
from contextlib import contextmanager
from typing import Iterator

import click

from .i18n import gettext


def help_id(text: str) -> str:
    """The catalogue's id of a help text: the docstring with its indentation removed (``inspect.cleandoc``), the
    same whether Python kept the indentation (3.11, 3.12) or removed it when compiling (3.13)."""
    return inspect.cleandoc(text)


def help_texts(command: click.Command) -> Iterator[str]:
    """Every help text of ``command`` and, for a group, of its subcommands (for the catalogue), by its id."""
    for text in (command.help, command.short_help, getattr(command, "epilog", None)):
        if text:
            yield help_id(text)
    for param in command.params:
        if getattr(param, "help", None):
            yield help_id(param.help)
    for sub in getattr(command, "commands", {}).values():
        yield from help_texts(sub)


@contextmanager
def _translated(command: click.Command) -> Iterator[None]:
    """The command's and its options' help texts in the current language while the block runs."""
    saved = [(command, "help", command.help), (command, "short_help", command.short_help)]
    saved += [(p, "help", p.help) for p in command.params if getattr(p, "help", None)]
    try:
        for obj, attr, text in saved:
            if text:
                setattr(obj, attr, gettext(help_id(text)))
        yield
    finally:
        for obj, attr, text in saved:
            setattr(obj, attr, text)


class _FreshHelpOption:
    """Click words --help's own help text once and keeps the option; make it anew, in the current language."""

    def get_help_option(self, ctx: click.Context):
        self._help_option = None
        return super().get_help_option(ctx)


class Command(_FreshHelpOption, click.Command):
    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated(self):
            return super().get_short_help_str(limit)


class Group(_FreshHelpOption, click.Group):
    command_class = Command

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self):
            super().format_help(ctx, formatter)


Group.group_class = Group
