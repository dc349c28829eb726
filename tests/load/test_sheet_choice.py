"""A workbook is never read from a sheet chosen in silence: the build says which sheet, heading row and columns it
read and which columns it left unread, and two sheets holding the same table stop the run until one is named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from readback import pdf_text

HEADINGS = ["序号", "指标名称", "单位", "完成值", "同比增长(%)"]


def workbook(path: Path, sheets: dict[str, list[list]], active: str) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.active = list(sheets).index(active)
    wb.save(path)
    return path


def data_file(folder: Path, sources: str) -> Path:
    path = folder / "report.yaml"
    path.write_text(f"""report: {{title: 白沙街道2022年上半年工作总结, issuer: 白沙街道, date: 2022-07-29, period: 2022年1—6月}}
sources:
  {sources}
plan: {{sections: [{{title: 一、经济, tasks: [{{title: 抓项目, lead: 经济发展办公室, due: 年内}}]}}]}}
""", "utf-8")
    return path


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture
def two_years(tmp_path):
    return workbook(tmp_path / "指标.xlsx", {
        "2022": [HEADINGS, [1, "规上工业增加值", "亿元", 31.3, 9.5]],
        "2021": [HEADINGS, [1, "规上工业增加值", "亿元", 28.6, 7.1]],
    }, active="2021")


def test_two_sheets_with_the_same_table_stop_the_run_naming_both(tmp_path, two_years):
    data_file(tmp_path, "indicators: 指标.xlsx")
    for lang, words in (("zh", ["指标表出现在多个工作表中", "“2021”", "“2022”", "sheet"]),
                        ("en", ["the indicator table is in several sheets", "“2021”", "“2022”", "sheet"])):
        res = run("--lang", lang, "build", "report.yaml", "-t", "summary", "--out", "out", cwd=tmp_path)
        assert res.returncode == 2, res.stderr
        line = res.stderr.strip().splitlines()[-1]
        assert all(w in line for w in words), line
        assert "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists()


def test_the_sheet_named_is_read_and_the_build_says_so(tmp_path, two_years):
    data_file(tmp_path, 'indicators: {file: 指标.xlsx, sheet: "2022"}')
    res = run("--lang", "zh", "build", "report.yaml", "-t", "summary", "-f", "pdf", "--out", "out", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "指标.xlsx：从工作表 2022读取了指标表，表头在第 1 行" in res.stderr
    text = pdf_text(next((tmp_path / "out").glob("*.pdf")))
    assert "31.3" in text and "28.6" not in text


def test_columns_briefgen_does_not_read_are_named_in_one_note(tmp_path):
    workbook(tmp_path / "指标.xlsx", {"Sheet1": [HEADINGS + ["责任科室", "情况说明"], [1, "规上工业增加值", "亿元", 31.3, 9.5, "经发办", "稳中有进"]]},
             active="Sheet1")
    data_file(tmp_path, "indicators: 指标.xlsx")
    res = run("--lang", "en", "build", "report.yaml", "-t", "summary", "-f", "pdf", "--out", "out", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    notes = [line for line in res.stderr.splitlines() if "指标.xlsx" in line]
    assert len(notes) == 1, res.stderr
    assert "columns read: 序号, 指标名称, 单位, 完成值, 同比增长" in notes[0]
    assert "not read (briefgen has no place for them): 责任科室, 情况说明" in notes[0]


def test_the_workbooks_own_title_row_titles_the_document(tmp_path):
    workbook(tmp_path / "指标.xlsx", {"Sheet1": [["白沙街道2022年上半年主要经济指标（修订稿）"], HEADINGS,
                                                 [1, "规上工业增加值", "亿元", 31.3, 9.5]]}, active="Sheet1")
    data_file(tmp_path, "indicators: 指标.xlsx")
    res = run("build", "report.yaml", "-t", "summary", "-f", "pdf", "--out", "out", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    pdf = next((tmp_path / "out").glob("*.pdf"))
    assert "白沙街道2022年上半年主要经济指标（修订稿）" in "".join(pdf_text(pdf).split())
    assert pdf.name == "白沙街道_主要经济指标完成情况_2022-07-29.pdf"  # a sheet's title leaves the file's name
