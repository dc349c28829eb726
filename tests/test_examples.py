"""The examples folder works as its README says."""

from __future__ import annotations

from click.testing import CliRunner

from readback import pdf_text, render_page, ink_box

from briefgen.cli import main
from briefgen.theme import MM, load_theme

from conftest import ROOT, SAMPLE

EXAMPLES = ROOT / "examples"


def test_excel_examples_build_the_same_figures_and_tasks(tmp_path, sample_report):
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(SAMPLE), "--indicators", str(EXAMPLES / "指标.xlsx"),
                                       "--tasks", str(EXAMPLES / "任务.xlsx"), "--out", str(tmp_path), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    summary = pdf_text(tmp_path / "summary.pdf")
    for ind in sample_report.indicators:
        assert ind.name in summary
    tasks = pdf_text(tmp_path / "tasks.pdf").replace("\r\n", "").replace("\n", "")
    for task in sample_report.plan.tasks:
        assert task.title in tasks and task.lead in tasks


def test_office_theme_example(tmp_path):
    theme = load_theme(str(EXAMPLES / "my-office.toml"))
    assert theme.body.line_pitch_pt == 28 and theme.mark.text == "内部资料 注意保存"
    result = CliRunner().invoke(main, ["build", "--names", "{template}", str(SAMPLE), "--theme", str(EXAMPLES / "my-office.toml"),
                                       "--out", str(tmp_path), "-t", "summary", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    assert "内部资料 注意保存" in pdf_text(tmp_path / "summary.pdf")
    top = ink_box(render_page(tmp_path / "summary.pdf").crop((0, 0, int(210 * MM), int(36 * MM))))
    assert top is not None  # the mark sits above the text block
