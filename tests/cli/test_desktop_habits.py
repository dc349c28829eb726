"""What a clerk on a Windows desktop does: a title she gives names the file too, briefs get a folder of their own,
and `preview out\\*.pdf` works where cmd leaves the pattern to the program."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def run(*args: str, cwd: Path | None = None) -> str:
    runner = CliRunner()
    if cwd is None:
        result = runner.invoke(main, list(args))
    else:
        import os

        old = os.getcwd()
        os.chdir(cwd)
        try:
            result = runner.invoke(main, list(args))
        finally:
            os.chdir(old)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_title_given_names_the_file_too(tmp_path):
    run("build", str(MINI), "-t", "summary", "-f", "pdf", "--title", "示例街道2022年1—9月主要经济指标", "--out", str(tmp_path))
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["示例街道_2022年1—9月主要经济指标_2022-07-29.pdf"]


def test_without_a_title_the_file_keeps_the_documents_name(tmp_path):
    run("build", str(MINI), "-t", "summary", "-f", "pdf", "--out", str(tmp_path))
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["示例街道_主要经济指标完成情况_2022-07-29.pdf"]


def test_briefs_go_into_a_folder_of_their_own_unless_one_is_named(tmp_path):
    out = run("--lang", "zh", "batch", str(MINI), "-f", "pdf", cwd=tmp_path)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["部门简报"]
    assert len(list((tmp_path / "out" / "部门简报").glob("*.pdf"))) == 2
    assert "out/部门简报" in out
    run("batch", str(MINI), "-f", "pdf", "--out", str(tmp_path / "named"))
    assert len(list((tmp_path / "named").glob("*.pdf"))) == 2


def test_preview_expands_a_pattern_itself(tmp_path):
    run("build", str(MINI), "-f", "pdf", "--out", str(tmp_path / "o"))
    out = run("preview", str(tmp_path / "o" / "*.pdf"), "--out", str(tmp_path / "png"))
    assert len(list((tmp_path / "png").glob("*-p1.png"))) == 2, out
    result = CliRunner().invoke(main, ["--lang", "zh", "preview", str(tmp_path / "o" / "*.docx.pdf")])
    assert result.exit_code == 2 and "没有与之匹配的文件" in result.output
