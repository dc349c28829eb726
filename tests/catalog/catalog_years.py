"""Three years of one office's reports, each built with --archive into its own folder (built once per test run):
the fixtures ``archives`` and ``copies``, which the catalogue's test modules import.

Each year has its own figures, and 2023 writes the industrial output as 规模以上工业增加值 (the long name) while
2021 and 2022 write 规上工业增加值; each year has one task found only in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"

# year -> (industrial output name, value, growth, the year's own task title)
YEARS = {
    2021: ("规上工业增加值", "27.4", "12.6", "推进智慧停车场改造"),
    2022: ("规上工业增加值", "31.3", "9.5", "加快优势产业复工提产"),
    2023: ("规模以上工业增加值", "34.8", "11.2", "筹办跨境电商选品会"),
}


def year_data(year: int) -> dict:
    text = SAMPLE.read_text(encoding="utf-8").replace("2022", str(year))
    data = yaml.safe_load(text)
    name, value, yoy, task = YEARS[year]
    first = data["indicators"][0]
    first.update(name=name, value=float(value), yoy=float(yoy))
    data["indicators"][1]["value"] = 1.0 + (year - 2020) / 10  # 规上服务业增加值: 1.1, 1.2, 1.3
    data["plan"]["sections"][0]["tasks"][0]["title"] = task
    return data


def build_year(year: int, root: Path) -> Path:
    from briefgen import build, load_settings

    data_path = root / f"qianjiang-{year}-h1.yaml"
    data_path.write_text(yaml.safe_dump(year_data(year), allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = root / f"archive-{year}"
    settings = load_settings({"data": data_path, "out": out, "archive": True, "formats": ("pdf",),
                              "templates": ("summary", "tasks")}, folder=root)
    build(settings)
    return out


@pytest.fixture(scope="session")
def archives(tmp_path_factory) -> dict[int, Path]:
    """{year: archive folder} for 2021-2023 (their data files beside them)."""
    root = tmp_path_factory.mktemp("archives")
    return {year: build_year(year, root) for year in YEARS}


@pytest.fixture
def copies(archives, tmp_path) -> dict[int, Path]:
    """The archive folders copied (with their data files) into this test's own folder, to change or delete."""
    out = {}
    for year, folder in archives.items():
        shutil.copy2(folder.parent / f"qianjiang-{year}-h1.yaml", tmp_path / f"qianjiang-{year}-h1.yaml")
        out[year] = Path(shutil.copytree(folder, tmp_path / folder.name))
    return out


def page_text(path: Path, page: int) -> str:
    """The catalogue's text of a PDF page, as it stores it."""
    import pypdfium2 as pdfium

    from briefgen.catalog.text import normalise

    pdf = pdfium.PdfDocument(path)
    try:
        return normalise(pdf[page - 1].get_textpage().get_text_range())
    finally:
        pdf.close()


EN = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def run(*args, env=EN):
    """``briefgen ARGS`` in this process, in English (the result of click's runner)."""
    from click.testing import CliRunner

    from briefgen.cli import main

    return CliRunner().invoke(main, ["--lang", "en", *[str(a) for a in args]], env=env)


@pytest.fixture
def db(archives, tmp_path) -> Path:
    """A catalogue of the three archived years."""
    path = tmp_path / "catalog.sqlite"
    done = run("catalog", "add", *archives.values(), "--db", path)
    assert done.exit_code == 0, done.output
    return path

