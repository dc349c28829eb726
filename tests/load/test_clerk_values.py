"""Values as a clerk's Excel holds them: an old .xls saved under an .xlsx name, a deadline Excel stored as 2022.1,
a month written 十月份."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from briefgen.model.values import parse_due


@pytest.mark.parametrize("text, day", [("十月份", date(2022, 10, 31)), ("十二月份", date(2022, 12, 31)),
                                       ("10月份", date(2022, 10, 31)), ("十月底", date(2022, 10, 31))])
def test_months_in_chinese_numerals_with_fen_are_read(text, day):
    assert parse_due(text, 2022) == day


def task_book(path: Path, due) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "牵头单位", "完成时限"])
    ws.append([1, "抓项目", "经济发展办公室", due])
    wb.save(path)
    return path


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_a_deadline_excel_stored_as_2022_1_gets_an_excel_hint(tmp_path):
    task_book(tmp_path / "任务.xlsx", 2022.1)
    res = run(tmp_path, "--lang", "zh", "validate", "任务.xlsx")
    assert res.returncode == 2, res.stdout + res.stderr
    line = next(x for x in (res.stdout + res.stderr).splitlines() if "2022.1" in x)
    assert line.startswith("任务.xlsx:Sheet!D2") and "单元格格式设为“文本”" in line and "YAML" not in line, line


def test_an_old_xls_under_an_xlsx_name_is_named_as_such(tmp_path):
    book = task_book(tmp_path / "src.xlsx", "2022年10月底前")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        subprocess.run([soffice, "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(book)],
                       capture_output=True, timeout=180)
    xls = tmp_path / "src.xls"
    if not xls.exists():  # no LibreOffice: an OLE2 file as an old .xls starts
        xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    shutil.copy(xls, tmp_path / "任务.xlsx")
    for lang, words in (("zh", ["任务.xlsx", "旧版 Excel 的 .xls 工作簿", "另存为"]), ("en", ["old Excel .xls workbook", "save it as"])):
        res = run(tmp_path, "--lang", lang, "validate", "任务.xlsx")
        assert res.returncode == 2
        out = res.stdout + res.stderr
        assert all(w in out for w in words) and "BadZipFile" not in out and "Traceback" not in out, out
