"""What the command line refuses before a command runs, said in the language the user asked for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main

EN_ENV = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "en"}


@pytest.mark.parametrize("args, shown", [
    (["--lang", "zh", "catalog", "search", "\x1b[31m工业"], "第 5 个参数：值“\\x1b[31m工业”里有控制字符 U+001B，文档中不能显示；请去掉它重新输入"),
    (["--lang=zh", "track", "forms", "--period", "2022-09\n"], "--period：值“2022-09\\n”里有控制字符 U+000A"),
    (["--lang", "en", "catalog", "search", "a\x07"], "argument 5: the value 'a\\x07' holds the control character U+0007"),
])
def test_a_control_character_in_an_argument_is_refused_in_the_language_asked_for(args, shown):
    """The check runs before Click parses --lang: a clerk who asked for Chinese was answered in English."""
    done = CliRunner().invoke(main, args, env=EN_ENV)
    assert done.exit_code == 2
    assert done.output.strip().startswith(shown) and len(done.output.strip().splitlines()) == 1, done.output


def test_the_folder_language_answers_a_control_character_too(tmp_path):
    (tmp_path / "briefgen.toml").write_text('lang = "zh"\n', encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        done = CliRunner().invoke(main, ["catalog", "search", "a\x07"], env=EN_ENV)
    finally:
        os.chdir(here)
    assert done.exit_code == 2 and done.output.startswith("第 3 个参数：值“a\\x07”里有控制字符 U+0007"), done.output
