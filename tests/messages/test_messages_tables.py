"""The table side's messages in the clerk's language (issue 10 §1): a problem at a cell names the cell and the column
as the sheet heads it, a Chinese numeral in a number cell gets the digits it should be, an empty required cell is
named with its task, and validate's summary is worded in the same language. Each through the CLI, with
LANG=zh_CN.UTF-8 (Chinese) and LANG=C (English), asserting the whole located line. Needs the compiled catalogue
(`make messages`)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from briefgen.cli import main

CHINESE = {"LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "LANG": "zh_CN.UTF-8"}
ENGLISH = {"LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "LANG": "C"}


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no briefgen.toml around; file names in messages are as given


def workbook(name: str, rows: list[list]) -> Path:
    """An .xlsx whose first sheet is Sheet1, with ``rows`` from A1 (a title row, a blank row, then the table)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    wb.save(name)
    return Path(name)


INDICATORS = [
    ["示例街道2022年1—6月主要经济指标"],
    [],
    [],
    ["单位：亿元"],
    ["序号", "指标名称", "完成值", "同比增长(%)"],
    [1, "规上工业增加值", 31.3, 9.5],
    [2, "固定资产投资", 5.8, "九点五"],  # D7: a figure typed in Chinese numerals
]

TASKS = [
    ["示例街道2022年下半年重点工作任务分解表"],
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
    [1, "加快优势产业复工提产", "经济发展办公室", "", "年内"],
    [2, "加快重点项目落地扩量", None, "党政办公室", "2022年10月底前"],  # C4: the lead left empty
]


def run(args: list[str], env: dict) -> tuple[int, list[str], list[str]]:
    result = CliRunner(env=env).invoke(main, args)
    assert "Traceback" not in result.output
    out = [line for line in result.stdout.splitlines() if line.strip()]
    err = [line for line in result.stderr.splitlines() if line.strip()]
    return result.exit_code, out, err


@pytest.mark.parametrize("env, line", [
    (CHINESE, "指标.xlsx:Sheet1!D7: 同比增长：“九点五”不是数字，请写成 9.5"),
    (ENGLISH, '指标.xlsx:Sheet1!D7: 同比增长: "九点五" is not a number; write 9.5'),
])
def test_a_chinese_numeral_in_a_number_cell_gets_its_digits(env, line):
    workbook("指标.xlsx", INDICATORS)
    code, out, err = run(["validate", "指标.xlsx"], env)
    assert code == 2
    assert err == [line]
    assert out == []  # no "ok" after a problem


@pytest.mark.parametrize("env, line", [
    (CHINESE, "任务.xlsx:Sheet1!C4: 任务“加快重点项目落地扩量”的牵头单位：缺少，请填写"),
    (ENGLISH, '任务.xlsx:Sheet1!C4: plan.sections[1].tasks[2].lead (task "加快重点项目落地扩量"): '
              "this field is required but missing"),
])
def test_an_empty_required_cell_is_named_at_its_cell_with_its_task(env, line):
    workbook("任务.xlsx", TASKS)
    code, out, err = run(["validate", "任务.xlsx"], env)
    assert code == 2
    assert err == [line]


@pytest.mark.parametrize("env, warning, summary", [
    (CHINESE, "警告：指标.xlsx:Sheet1!C7: 完成值：“约3亿”已读作 3 亿元，并标为预计（“约”表示估计数）；请核对数字，"
              "或在这里写 3，在备注列写“预计”",
     "通过：1 个表格文件，没有问题，有 1 条警告需要核对"),
    (ENGLISH, 'warning: 指标.xlsx:Sheet1!C7: 完成值: "约3亿" was read as 3 亿元 marked 预计 (约 says it is an estimate); '
              "check the figure, or write 3 here and 预计 in the 备注 column",
     "ok: 1 table file, no problems, 1 warning to check"),
])
def test_validate_summarises_a_table_with_a_doubt(env, warning, summary):
    rows = [r[:] for r in INDICATORS]
    rows[-1] = [2, "固定资产投资", "约3亿", 9.5]
    workbook("指标.xlsx", rows)
    code, out, err = run(["validate", "指标.xlsx"], env)
    assert code == 0
    assert err == [warning]
    assert out == [summary]


@pytest.mark.parametrize("env, summary", [
    (CHINESE, "通过：2 个表格文件，没有问题"),
    (ENGLISH, "ok: 2 table files, no problems"),
])
def test_validate_summarises_clean_tables(env, summary):
    rows = [r[:] for r in TASKS]
    rows[-1][2] = "经济发展办公室"
    workbook("任务.xlsx", rows)
    rows = [r[:] for r in INDICATORS]
    rows[-1][3] = 9.5
    workbook("指标.xlsx", rows)
    code, out, err = run(["validate", "指标.xlsx", "任务.xlsx"], env)
    assert (code, err, out) == (0, [], [summary])


@pytest.mark.parametrize("env, line", [
    (CHINESE, "报告.docx：找不到这个参考 DOCX 文件，请检查路径"),
    (ENGLISH, "报告.docx: reference DOCX not found"),
])
def test_a_job_option_is_refused_in_the_language_of_the_run(env, line):
    root = Path(__file__).resolve().parents[2]
    data = root / "data" / "qianjiang-2022-h1.yaml"
    code, out, err = run(["validate", str(data), "--reference-docx", "报告.docx", "-f", "docx"], env)
    assert code == 2
    assert err == [line]


@pytest.mark.parametrize("env, line", [
    (CHINESE, "--show nosuch：没有这个内置主题；内置主题有：handout、official"),
    (ENGLISH, "--show nosuch: no built-in theme of that name; the built-in themes are handout, official"),
])
def test_themes_show_refuses_an_unknown_name(env, line):
    code, out, err = run(["themes", "--show", "nosuch"], env)
    assert code == 2
    assert err == [line]
