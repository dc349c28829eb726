"""A plan given only as a task table (.xlsx written by openpyxl, as an office keeps it) with 开始时间 and 挂牌督办
columns: the 通报's 三、挂牌督办 and the 序时进度 statuses come out as they do from the YAML plan, read back from the
台账 and the 通报; a bad 开始时间 or 挂牌督办 cell is an error at its cell."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook

import fixture_plan as F
from test_report import ledger_rows_in, run

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from readback import docx_text, pdf_text  # noqa: E402

HEADINGS = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限", "开始时间", "是否挂牌督办")


def write_plan(folder: Path, headings=HEADINGS, change=None) -> None:
    """plan.yaml holds only the report's title, issuer and date and the plan's period; the tasks are in 任务.xlsx,
    one section row per unit (merged across the table), start dates as date cells and as typed text, the flagged
    items marked √ and 挂牌 (items 3 and 33, as in the YAML fixture)."""
    data = F.report_data()
    data["plan"] = {"period": "下半年"}
    (folder / "plan.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    wb = Workbook()
    ws = wb.active
    ws.title = "任务"
    ws.append(["2022年下半年重点工作任务分解表"])
    ws.append(list(headings))
    for u, unit in enumerate(F.UNITS):
        ws.append([f"{'一二三四'[u]}、{unit}牵头事项"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(headings))
        for ident, k, lead, title, kind in F.tasks():
            if lead != unit:
                continue
            start = kind[1]
            if start is not None:
                start = datetime(start.year, start.month, start.day) if u % 2 == 0 else f"{start.year}年{start.month}月{start.day}日"
            mark = {"3": "√", "33": "挂牌"}.get(ident, "否" if u == 0 else None)
            ws.append([int(ident), title, lead, F.UNITS[(u + 1) % len(F.UNITS)], kind[0], start, mark])
            if isinstance(start, datetime):
                ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    if change:
        change(ws)
    wb.save(folder / "任务.xlsx")


def test_start_and_flag_columns_of_a_task_table_drive_the_circular(tmp_path):
    write_plan(tmp_path)
    F.write_progress(tmp_path / "进展.xlsx")
    done = run("track", "report", "plan.yaml", "--tasks", "任务.xlsx", "--progress", "进展.xlsx", "--as-of", "2022-09-30",
               "--out", "o", cwd=tmp_path)
    assert done.exit_code == 0, done.output
    folder = tmp_path / "o" / "2022-09"
    rows = ledger_rows_in(folder)
    kinds = {ident: k for ident, k, *_ in F.tasks()}
    assert len(rows) == 116
    for row in rows:
        assert row["本期状态"] == F.KINDS[kinds[str(row["序号"])] - 1][6], row
    # kinds 21 and 22 start on 09-01 (their 序时进度 counts from then): 21 (0 %) is behind, 22 (20 %) is not —
    # from the period's start (07-01) 22 would be 49.7 - 20 > 10 behind too
    for ident, k, *_ in F.tasks():
        if k in (21, 22):
            row = next(r for r in rows if str(r["序号"]) == ident)
            assert row["本期状态"] == ("滞后" if k == 21 else "正常"), row
    text = docx_text(folder / "督办通报_第1期_2022-09.docx")
    pdf = re.sub(r"\s+", "", pdf_text(folder / "督办通报_第1期_2022-09.pdf"))
    flagged = text.split("三、挂牌督办事项")[1].split("四、工作要求")[0]
    assert re.findall(r"第(\d+)项", flagged) == ["3", "33"]
    titles = {ident: title for ident, _, _, title, _ in F.tasks()}
    by_id = {str(r["序号"]): r for r in rows}
    for ident in ("3", "33"):
        assert titles[ident] in flagged and f"本期状态：{by_id[ident]['本期状态']}" in flagged
        assert titles[ident] in pdf.split("三、挂牌督办事项")[1].split("四、工作要求")[0]


def test_the_table_plan_gives_the_same_files_as_the_yaml_plan(tmp_path):
    """The same plan as YAML and as a table: the 台账's rows are the same, cell for cell (but the section names)."""
    write_plan(tmp_path)
    F.write_data(tmp_path / "yaml.yaml")
    F.write_progress(tmp_path / "进展.xlsx")
    for name, extra in (("t", ["plan.yaml", "--tasks", "任务.xlsx"]), ("y", ["yaml.yaml"])):
        done = run("track", "report", *extra, "--progress", "进展.xlsx", "--as-of", "2022-11-30", "--out", name, "-f", "docx",
                   cwd=tmp_path)
        assert done.exit_code == 0, done.output
    table, plain = ledger_rows_in(tmp_path / "t" / "2022-11"), ledger_rows_in(tmp_path / "y" / "2022-11")
    assert table == plain
    assert sum(1 for r in table if r["本期状态"] == "滞后") > 10


@pytest.mark.parametrize("cell, value, words, zh", [
    ("F5", "2022-13-01", "month 13 does not exist", "没有 13 月"),
    ("F5", "九月初", "is not a date; write it as 2022-07-29", "不是日期"),
    ("G6", "待定", "is not a 挂牌督办 mark; write 是", "不是挂牌督办标记"),
])
def test_a_bad_start_or_mark_is_an_error_at_its_cell(tmp_path, cell, value, words, zh):
    def spoil(ws):
        ws[cell] = value

    write_plan(tmp_path, change=spoil)
    F.write_progress(tmp_path / "进展.xlsx")
    done = run("track", "report", "plan.yaml", "--tasks", "任务.xlsx", "--progress", "进展.xlsx", "--as-of", "2022-09-30",
               "--out", "o", cwd=tmp_path)
    assert done.exit_code == 2, done.output
    heading = "开始时间" if cell[0] == "F" else "是否挂牌督办"
    assert any(ln.startswith(f"任务.xlsx:任务!{cell}") and heading in ln and words in ln for ln in done.output.splitlines()), done.output
    assert "Traceback" not in done.output and not (tmp_path / "o").exists()
    from click.testing import CliRunner
    from briefgen.cli import main
    import os

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        done = CliRunner().invoke(main, ["--lang", "zh", "track", "report", "plan.yaml", "--tasks", "任务.xlsx", "--progress",
                                         "进展.xlsx", "--as-of", "2022-09-30", "--out", "o"])
    finally:
        os.chdir(here)
    assert done.exit_code == 2 and zh in done.output, done.output


@pytest.mark.parametrize("heading", ["开始日期", "计划开始时间"])
def test_start_heading_variants(tmp_path, heading):
    write_plan(tmp_path, headings=HEADINGS[:5] + (heading, "挂牌督办"))
    F.write_progress(tmp_path / "进展.xlsx")
    done = run("track", "report", "plan.yaml", "--tasks", "任务.xlsx", "--progress", "进展.xlsx", "--as-of", "2022-09-30",
               "--out", "o", "-f", "docx", cwd=tmp_path)
    assert done.exit_code == 0, done.output
    rows = {str(r["序号"]): r for r in ledger_rows_in(tmp_path / "o" / "2022-09")}
    kinds = {ident: k for ident, k, *_ in F.tasks()}
    assert [i for i, k in kinds.items() if k == 22 and rows[i]["本期状态"] != "正常"] == []
    text = docx_text(tmp_path / "o" / "2022-09" / "督办通报_第1期_2022-09.docx")
    assert re.findall(r"第(\d+)项", text.split("三、挂牌督办事项")[1].split("四、工作要求")[0]) == ["3", "33"]
