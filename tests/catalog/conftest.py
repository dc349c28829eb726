"""Fixtures of the catalogue tests: three archived years (see catalog_years)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalog_years import YEARS, build_year


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
