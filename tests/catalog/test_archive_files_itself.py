"""An --archive run files itself in the archive catalogue that briefgen.toml names; without one nothing is made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", "--lang", "zh", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_an_archive_run_files_itself_when_a_catalogue_is_named(tmp_path):
    (tmp_path / "briefgen.toml").write_text(f'data = "{SAMPLE.as_posix()}"\ncatalog = "档案.sqlite"\n', "utf-8")
    res = run(tmp_path, "build", "--archive", "-t", "summary", "-f", "pdf", "--out", "归档/2022")
    assert res.returncode == 0, res.stderr
    assert "已加入档案目录" in res.stderr and (tmp_path / "档案.sqlite").is_file()
    found = run(tmp_path, "catalog", "search", "规上工业增加值")
    assert found.returncode == 0, found.stderr
    assert "归档/2022" in found.stdout and "31.3" in found.stdout
    figure = run(tmp_path, "catalog", "figure", "规上工业增加值")
    assert "31.3" in figure.stdout


def test_without_a_catalogue_named_or_without_archive_nothing_is_filed(tmp_path):
    (tmp_path / "briefgen.toml").write_text(f'data = "{SAMPLE.as_posix()}"\n', "utf-8")
    res = run(tmp_path, "build", "--archive", "-t", "summary", "-f", "pdf", "--out", "a")
    assert res.returncode == 0 and "档案目录" not in res.stderr
    (tmp_path / "briefgen.toml").write_text(f'data = "{SAMPLE.as_posix()}"\ncatalog = "档案.sqlite"\n', "utf-8")
    res = run(tmp_path, "build", "-t", "summary", "-f", "pdf", "--out", "b")
    assert res.returncode == 0 and not (tmp_path / "档案.sqlite").exists()
