"""`briefgen init` makes an office's own folder: nothing of the sample office's report, headers in Chinese, parts
without data left out of the pack with what to fill in; `init --from` fills the data from the office's own report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from readback import docx_text, pdf_text

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / "fixtures" / "qianjiang-2022-h1-report.txt"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", "--lang", "zh", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def sheet_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)


def test_a_new_office_gets_nothing_of_the_sample_office(tmp_path):
    res = run(tmp_path, "init", "白沙", "--office", "白沙街道", "--period", "2024年1—6月", "--yes")
    assert res.returncode == 0, res.stderr
    folder = tmp_path / "白沙"
    data = (folder / "data" / "report.yaml").read_text("utf-8")
    assert data.startswith("# 白沙街道的报告数据")
    everything = data + sheet_text(folder / "data" / "指标.xlsx") + sheet_text(folder / "data" / "任务.xlsx")
    assert "前江" not in everything and "白沙街道" in everything
    assert "规上工业增加值" not in sheet_text(folder / "data" / "指标.xlsx")  # headings only, no other office's figures

    # the clerk types one indicator into the sheet, as she would in Excel, and makes the pack
    wb = openpyxl.load_workbook(folder / "data" / "指标.xlsx")
    ws = wb.active
    ws.append([1, "规上工业增加值", "亿元", 12.5, 6.1, None])
    wb.save(folder / "data" / "指标.xlsx")
    res = run(folder, "pack")
    assert res.returncode == 0, res.stderr
    assert "没有放入“工作回顾”" in res.stderr and "没有放入“重点工作任务分解表”" in res.stderr
    pdf = next((folder / "out").glob("*会议材料*.pdf"))
    text = pdf_text(pdf)
    assert "前江" not in text and "白沙街道" in text and "12.5" in text
    assert "前江" not in docx_text(next((folder / "out").glob("*会议材料*.docx")))


def test_a_new_office_without_any_data_is_told_what_to_fill_in(tmp_path):
    run(tmp_path, "init", "白沙", "--office", "白沙街道", "--yes")
    res = run(tmp_path / "白沙", "pack")
    assert res.returncode == 2
    assert "都还没有数据：请先填写指标、任务或工作回顾" in res.stderr
    res = run(tmp_path / "白沙", "build")
    assert "请在指标表（指标.xlsx）或数据文件的 indicators: 下填写" in res.stderr


def test_init_from_the_offices_own_report_fills_the_data(tmp_path):
    res = run(tmp_path, "init", "自己的", "--from", str(REPORT))
    assert res.returncode == 0, res.stderr
    folder = tmp_path / "自己的"
    data = (folder / "data" / "report.yaml").read_text("utf-8")
    assert "规上工业增加值" in data and "31.3" in data and "# 待核实" in data
    res = run(folder, "build", "-f", "pdf")
    assert res.returncode == 0, res.stderr
    assert sum("待核实" in line for line in res.stderr.splitlines()) >= 5
    assert "31.3" in pdf_text(next((folder / "out").glob("*主要经济指标*.pdf")))
