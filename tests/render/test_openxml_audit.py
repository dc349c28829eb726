"""Every kind of DOCX a user gets passes openxml-audit (the Office Open XML schemas Word checks a file against):
the summary and task list, a department brief, the meeting pack, and the 督办通报 and a 催办单."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE
from readback import audit_docx, openxml_audit

from briefgen.cli import main

pytestmark = pytest.mark.skipif(openxml_audit() is None, reason="openxml-audit is not installed (pip install openxml-audit)")


def _run(*args: str) -> None:
    done = CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)
    assert done.exit_code == 0, done.output


def test_every_docx_of_build_batch_and_pack_passes(tmp_path):
    _run("build", str(SAMPLE), "-f", "docx", "--out", str(tmp_path / "build"))
    _run("batch", str(SAMPLE), "-f", "docx", "-j", "1", "--out", str(tmp_path / "batch"))
    _run("pack", str(SAMPLE), "-f", "docx", "--out", str(tmp_path / "pack"))
    files = sorted(tmp_path.rglob("*.docx"))
    kinds = {p.parent.name for p in files}
    assert kinds == {"build", "batch", "pack"} and len(files) >= 4
    # one brief stands for the batch (they share one template); the largest has the most tables
    batch = max((p for p in files if p.parent.name == "batch"), key=lambda p: p.stat().st_size)
    for path in [p for p in files if p.parent.name != "batch"] + [batch]:
        assert audit_docx(path) == "", path.name


def test_the_circular_and_a_reminder_pass(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "track"))
    import fixture_plan as F
    from test_report import fill_forms

    F.write_data(tmp_path / "plan.yaml")
    _run("track", "forms", str(tmp_path / "plan.yaml"), "--period", "2022-09", "--out", str(tmp_path / "督办"))
    forms = fill_forms(tmp_path / "督办" / "2022-09" / "进度表")
    _run("track", "report", str(tmp_path / "plan.yaml"), *sum((["--progress", str(p)] for p in forms), []),
         "--as-of", "2022-09-30", "--out", str(tmp_path / "督办"))
    made = sorted((tmp_path / "督办").rglob("*.docx"))
    circular = [p for p in made if "通报" in p.name]
    reminders = [p for p in made if "催办" in p.name]
    assert circular and reminders, [p.name for p in made]
    for path in circular + reminders[:1]:
        assert audit_docx(path) == "", path.name
