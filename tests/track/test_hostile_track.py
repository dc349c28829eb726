"""`briefgen track` given what a shared folder and returned forms can hold: read back as the clerk sees it (exit
code, the one line in her language, nothing written)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from briefgen.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "qianjiang-2022-h1.yaml"


def run(*args, cwd: Path, lang: str = "zh"):
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["--lang", lang, *args], catch_exceptions=False)
    finally:
        os.chdir(here)


def lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.strip()]


@pytest.fixture
def office(tmp_path) -> Path:
    shutil.copy(SAMPLE, tmp_path / "plan.yaml")
    return tmp_path


@pytest.mark.parametrize("args, shown", [
    (["forms", "plan.yaml", "--period", "0000-01"], "0000-01：0 年不在 1900—2199 年之间"),
    (["forms", "plan.yaml", "--period", "2200-01"], "2200-01：2200 年不在 1900—2199 年之间"),
    (["report", "plan.yaml", "--progress", "plan.yaml", "--as-of", "0001-01-01"], "0001-01-01：1 年不在 1900—2199 年之间"),
    (["report", "plan.yaml", "--progress", "plan.yaml", "--as-of", "2022-09-30", "--period", "9999-12"],
     "9999-12：9999 年不在 1900—2199 年之间"),
])
def test_a_period_or_date_outside_the_years_is_one_line(office, args, shown):
    """The year 0 and 9999 stopped with an internal error (a ZIP time, a date before year 1)."""
    done = run("track", *args, "--out", "督办", cwd=office)
    assert done.exit_code == 2, done.output
    assert lines(done.output) == [lines(done.output)[0]] and lines(done.output)[0].startswith(shown), done.output
    assert "Traceback" not in done.output
    assert not (office / "督办").exists()


def test_forms_of_a_month_past_2107_are_workbooks(office):
    """A ZIP entry's time ends in 2107: a form for 2150-01 is saved with the last time it holds and opens."""
    done = run("track", "forms", "plan.yaml", "--period", "2150-01", "--out", "督办", cwd=office)
    assert done.exit_code == 0, done.output
    forms = sorted((office / "督办" / "2150-01" / "进度表").glob("*.xlsx"))
    assert forms
    ws = load_workbook(forms[0]).active
    assert "2150年1月" in ws["A1"].value and "2150年1月25日前报送" in ws["A2"].value
