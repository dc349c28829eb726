"""The wheel, installed in a fresh virtual environment, builds the pack from another folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (path,) = dist.glob("briefgen-*.whl")
    return path


def test_wheel_ships_templates_and_themes(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefgen/templates/summary.xml.j2" in names
    assert "briefgen/templates/tasks.xml.j2" in names
    assert "briefgen/templates/department.xml.j2" in names
    assert "briefgen/catalog/templates/catalog-figure.xml.j2" in names  # `catalog figure --chart` draws with it
    assert "briefgen/theme/builtin/official.toml" in names
    assert "briefgen/data/qianjiang-2022-h1.yaml" in names  # `briefgen init` copies it


def test_installed_wheel_builds_from_another_folder(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    data = work / "report.yaml"
    shutil.copy(SAMPLE, data)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run = subprocess.run([str(env_dir / "bin" / "briefgen"), "build", "report.yaml", "--out", "pack"],
                         cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    built = sorted(p.name for p in (work / "pack").iterdir())
    # named in Chinese, as a person files them: issuer, document, date
    assert built == ["manifest.json", "前江街道_主要经济指标完成情况_2022-07-29.docx", "前江街道_主要经济指标完成情况_2022-07-29.pdf",
                     "前江街道_重点工作任务分解表_2022-07-29.docx", "前江街道_重点工作任务分解表_2022-07-29.pdf"]
    init = subprocess.run([str(env_dir / "bin" / "briefgen"), "init", "folder"], cwd=work, env=env, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    assert (work / "folder" / "data" / "report.yaml").is_file() and (work / "folder" / "templates" / "summary.xml.j2").is_file()
    # the installed package, not the checkout, did the work
    where = subprocess.run([str(py), "-c", "import briefgen; print(briefgen.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True, check=True).stdout
    assert str(env_dir) in where
