"""`briefgen track forms` and `track report` end to end, read back as a clerk and a leader would: the forms filled
with openpyxl, the 通报 and 催办单 in python-docx and in the PDF's text, the 台账 in openpyxl. Every figure the 通报
prints is recomputed here from the 台账."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import fixture_plan as F
from briefgen.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from readback import docx_text, pdf_text  # noqa: E402


def run(*args, cwd: Path):
    import os

    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)
    finally:
        os.chdir(here)


def fill_forms(forms: Path, skip: set[str] = frozenset()) -> list[Path]:
    """Fill every returned form as a clerk does: type into the open columns of each task's row, save."""
    by_id = {ident: kind for ident, _, _, _, kind in F.tasks()}
    paths = sorted(forms.glob("*.xlsx"))
    for path in paths:
        wb = load_workbook(path)
        ws = wb.active
        heads = {ws.cell(3, c).value: c for c in range(1, ws.max_column + 1)}
        for r in range(4, ws.max_row + 1):
            ident = str(ws.cell(r, heads["序号"]).value)
            kind = by_id[ident]
            if kind[3] == "-" or ident in skip:
                continue
            ws.cell(r, heads["目前进展"], "按计划推进")
            if kind[2] is not None:
                ws.cell(r, heads["完成进度（%）"], kind[2])
            ws.cell(r, heads["状态"], kind[3])
            if kind[3] == "受阻":
                ws.cell(r, heads["存在问题"], "资金未到位")
            if kind[4]:
                ws.cell(r, heads["佐证材料"], kind[4])
        wb.save(path)
    return paths


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """An office folder: the plan, the forms of 2022-09 sent out, filled, returned, and the report made."""
    folder = tmp_path_factory.mktemp("office")
    F.write_data(folder / "plan.yaml")
    done = run("track", "forms", "plan.yaml", "--period", "2022-09", "--out", "督办", cwd=folder)
    assert done.exit_code == 0, done.output
    forms = fill_forms(folder / "督办" / "2022-09" / "进度表")
    done = run("track", "report", "plan.yaml", *sum((["--progress", str(p)] for p in forms), []),
               "--as-of", "2022-09-30", "--out", "督办", cwd=folder)
    assert done.exit_code == 0, done.output
    return folder


def test_one_form_per_unit_locked_with_a_drop_down(tmp_path):
    F.write_data(tmp_path / "plan.yaml")
    done = run("track", "forms", "plan.yaml", "--period", "2022-09", "--out", "o", cwd=tmp_path)
    assert done.exit_code == 0, done.output
    paths = sorted((tmp_path / "o" / "2022-09" / "进度表").glob("*.xlsx"))
    assert [p.name.split("_")[0] for p in paths] == sorted(F.UNITS)
    wb = load_workbook(paths[0])
    ws = wb.active
    unit = paths[0].name.split("_")[0]
    assert "推进情况表" in ws["A1"].value and "2022年9月" in ws["A1"].value
    assert unit in ws["A2"].value and "2022年9月25日前报送" in ws["A2"].value
    heads = [ws.cell(3, c).value for c in range(1, 13)]
    assert heads == ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "上期进展", "目前进展", "完成进度（%）", "状态",
                     "存在问题", "下步措施", "佐证材料"]
    mine = [t for t in F.tasks() if t[2] == unit]
    assert ws.max_row == 3 + len(mine) == 32
    assert [str(ws.cell(r, 1).value) for r in range(4, ws.max_row + 1)] == [t[0] for t in mine]
    assert ws.protection.sheet
    assert all(ws.cell(4, c).protection.locked for c in range(1, 7))
    assert not any(ws.cell(4, c).protection.locked for c in range(7, 13))
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and lists[0].formula1 == '"已完成,推进中,未启动,受阻"' and str(lists[0].sqref) == "I4:I32"
    share = [dv for dv in ws.data_validations.dataValidation if dv.type == "decimal"][0]
    assert (share.formula1, share.formula2, str(share.sqref)) == ("0", "100", "H4:H32")


def ledger_rows(folder: Path, period: str) -> list[dict]:
    ws = load_workbook(next((folder / "督办" / period).glob("督办台账_*.xlsx")))["台账"]
    heads = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    return [dict(zip(heads, (ws.cell(r, c).value for c in range(1, ws.max_column + 1))), _fill=ws.cell(r, 10).fill.fgColor.rgb)
            for r in range(3, ws.max_row + 1)]


def test_the_forms_round_trip_gives_the_hand_worked_statuses(office):
    rows = ledger_rows(office, "2022-09")
    assert len(rows) == 116
    kinds = {ident: k for ident, k, *_ in F.tasks()}
    for row in rows:
        kind = F.KINDS[kinds[str(row["序号"])] - 1]
        assert row["本期状态"] == kind[6], row
    fills = {row["本期状态"]: row["_fill"][-6:] for row in rows}
    assert fills == {"已完成": "C6EFCE", "正常": "C6EFCE", "滞后": "FFEB9C", "逾期": "FFC7CE", "未报送": "D9D9D9"}


def test_every_figure_of_the_circular_comes_from_the_ledger(office):
    rows = ledger_rows(office, "2022-09")
    folder = office / "督办" / "2022-09"
    docx = docx_text(folder / "督办通报_第1期_2022-09.docx")
    pdf = re.sub(r"\s+", "", pdf_text(folder / "督办通报_第1期_2022-09.pdf"))
    n = len(rows)
    counts = Counter(r["本期状态"] for r in rows)

    def share(k):
        return f"{round(k * 100 / n + 1e-9)}%"

    assert f"共确定重点工作任务{n}项" in docx
    for word, k in counts.items():
        said = "正常推进" if word == "正常" else word
        assert f"{said}{k}项，占{share(k)}" in docx, word
        assert f"{said}{k}项，占{share(k)}" in pdf, word
    closed = sum(1 for r in rows if r["销号"] == "销号")
    pending = sum(1 for r in rows if r["销号"] == "待审核")
    assert f"{closed}项佐证材料齐全、予以销号，{pending}项待补充佐证材料" in docx
    # the table by unit: each unit's counts, in the DOCX table
    from docx import Document

    table = Document(str(folder / "督办通报_第1期_2022-09.docx")).tables[0]
    heads = [c.text for c in table.rows[0].cells]
    for tr in table.rows[1:-1]:
        cells = [c.text for c in tr.cells]
        mine = [r for r in rows if r["牵头单位"] == cells[0]]
        assert int(cells[1]) == len(mine)
        for h, v in zip(heads[2:-1], cells[2:-1]):
            assert int(v) == sum(1 for r in mine if r["本期状态"] == h), (cells[0], h)
        assert cells[-1] == f"{round(sum(1 for r in mine if r['本期状态'] == '已完成') * 100 / len(mine) + 1e-9)}%"
    # 二、every late item by unit and number, none that is not
    late = [r for r in rows if r["本期状态"] in ("滞后", "逾期")]
    assert f"共有{len(late)}项工作滞后或逾期" in docx
    section = docx.split("二、滞后和逾期事项")[1].split("三、挂牌督办")[0]
    listed = re.findall(r"第(\d+)项", section)
    assert sorted(listed, key=int) == sorted((str(r["序号"]) for r in late), key=int)
    # 三、the flagged items 3 and 33 with their status
    flagged = docx.split("三、挂牌督办事项")[1].split("四、工作要求")[0]
    assert re.findall(r"第(\d+)项", flagged) == ["3", "33"]
    for r in rows:
        if str(r["序号"]) in ("3", "33"):
            assert f"{r['工作任务']}" in flagged and f"本期状态：{r['本期状态']}" in flagged
    # 附件: the whole table, its status cells filled
    attached = Document(str(folder / "督办通报_第1期_2022-09.docx")).tables[-1]
    assert len(attached.rows) == n + 1
    fills = {tr.cells[6].text: tr.cells[6]._tc.tcPr.xpath("./w:shd/@w:fill")[0] for tr in attached.rows[1:]}
    assert fills == {"已完成": "C6EFCE", "正常": "C6EFCE", "滞后": "FFEB9C", "逾期": "FFC7CE", "未报送": "D9D9D9"}
    assert "第1期" in docx and "第1期" in pdf


def test_one_reminder_per_unit_with_its_late_items_only(office):
    rows = ledger_rows(office, "2022-09")
    folder = office / "督办" / "2022-09"
    for unit in F.UNITS:
        text = docx_text(folder / f"催办单_{unit}_2022-09.docx")
        pdf = re.sub(r"\s+", "", pdf_text(folder / f"催办单_{unit}_2022-09.pdf"))
        late = {str(r["序号"]) for r in rows if r["牵头单位"] == unit and r["本期状态"] in ("滞后", "逾期")}
        from docx import Document

        table = Document(str(folder / f"催办单_{unit}_2022-09.docx")).tables[0]
        ids = {tr.cells[0].text for tr in table.rows[1:]}
        assert late <= ids and all(i in late or any(t[0] == i and t[4][0].startswith("2022年9月") or t[0] == i and t[4][0] == "2022-09-30" for t in F.tasks()) for i in ids)
        assert f"{unit}：" in text and "2022年10月25日前" in text and "2022年10月25日前" in pdf
        others = {t[0] for t in F.tasks() if t[2] != unit}
        assert not ids & others


def test_a_rerun_of_the_period_is_byte_identical(office, tmp_path):
    import shutil

    copy = tmp_path / "again"
    shutil.copytree(office, copy)
    forms = sorted((copy / "督办" / "2022-09" / "进度表").glob("*.xlsx"))
    done = run("track", "report", "plan.yaml", *sum((["--progress", str(p)] for p in forms), []),
               "--as-of", "2022-09-30", "--out", "督办", "--force", cwd=copy)
    assert done.exit_code == 0, done.output
    assert done.output.count("wrote ") == 13  # made afresh, not kept
    first = {p.name: p.read_bytes() for p in (office / "督办" / "2022-09").iterdir() if p.is_file() and p.name != "manifest.json"}
    second = {p.name: p.read_bytes() for p in (copy / "督办" / "2022-09").iterdir() if p.is_file() and p.name != "manifest.json"}
    assert first.keys() == second.keys() and len(first) == 2 + 8 + 3
    assert [k for k in first if first[k] != second[k]] == []


def test_the_next_period_shows_what_moved(office, tmp_path):
    import shutil

    folder = tmp_path / "next"
    shutil.copytree(office, folder)
    done = run("track", "forms", "plan.yaml", "--period", "2022-11", "--out", "督办", cwd=folder)
    assert done.exit_code == 0, done.output
    ws = load_workbook(folder / "督办" / "2022-11" / "进度表" / "经济发展办公室_进度表_2022-11.xlsx").active
    assert ws["F6"].value == "按计划推进（60%，正常）"  # item 3's progress last period, beside the fresh columns
    forms = fill_forms(folder / "督办" / "2022-11" / "进度表")
    done = run("track", "report", "plan.yaml", *sum((["--progress", str(p)] for p in forms), []),
               "--as-of", "2022-11-30", "--out", "督办", cwd=folder)
    assert done.exit_code == 0, done.output
    rows = ledger_rows(folder, "2022-11")
    kinds = {ident: k for ident, k, *_ in F.tasks()}
    for row in rows:
        kind = F.KINDS[kinds[str(row["序号"])] - 1]
        assert (row["上期状态"], row["本期状态"]) == (kind[6], kind[7]), row
        before = {"已完成": "绿", "正常": "绿", "滞后": "黄", "逾期": "红", "未报送": "灰"}
        expected = "" if before[kind[6]] == before[kind[7]] else "新增红" if kind[7] == "逾期" else f"{before[kind[6]]}→{before[kind[7]]}"
        assert (row["变化"] or "") == expected, row
    text = docx_text(folder / "督办" / "2022-11" / "督办通报_第2期_2022-11.docx")
    moves = Counter(r["变化"] for r in rows if r["变化"])
    for move, k in moves.items():
        assert f"{'新增红灯' if move == '新增红' else move}{k}项" in text
    done_before = sum(1 for r in rows if r["上期状态"] == "已完成")
    assert f"2022年9月已完成{done_before}项" in text
    kept = json.loads((folder / "督办" / "2022-11" / "督办结果.json").read_text(encoding="utf-8"))
    assert kept["issue"] == 2 and kept["as_of"] == "2022-11-30"


def consolidated(path: Path, headings: tuple[str, ...], rows: list[list]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(["2022年下半年重点工作推进情况汇总"])
    ws.append(list(headings))
    for r in rows:
        ws.append(r)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, float) and cell.value < 1:  # 20% typed into Excel: 0.2 shown as a per cent
                cell.number_format = "0%"
    wb.save(path)
    return path


def test_a_consolidated_table_in_the_office_own_headings(tmp_path):
    F.write_data(tmp_path / "plan.yaml")
    t = {ident: (title, kind) for ident, _, _, title, kind in F.tasks()}
    consolidated(tmp_path / "汇总.xlsx", ("编号", "任务名称", "进展情况", "完成率", "完成状态", "困难", "下步计划", "佐证"),
                 [[1, t["1"][0], "已完工", "100%", "完成", "", "", "验收单"], [5, t["5"][0], "推进中", 0.2, "正在推进", "", "", ""]])
    done = run("track", "report", "plan.yaml", "--progress", "汇总.xlsx", "--as-of", "2022-09-30", "--out", "o", "-f", "pdf",
               cwd=tmp_path)
    assert done.exit_code == 0, done.output
    rows = {str(r["序号"]): r for r in ledger_rows_in(tmp_path / "o" / "2022-09")}
    assert rows["1"]["本期状态"] == "已完成" and rows["1"]["销号"] == "销号" and rows["1"]["佐证材料"] == "验收单"
    assert rows["5"]["本期状态"] == "滞后" and rows["5"]["完成进度"] == "20%"
    assert rows["2"]["本期状态"] == "未报送"


def ledger_rows_in(folder: Path) -> list[dict]:
    ws = load_workbook(next(folder.glob("督办台账_*.xlsx")))["台账"]
    heads = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    return [dict(zip(heads, (ws.cell(r, c).value for c in range(1, ws.max_column + 1)))) for r in range(3, ws.max_row + 1)]


@pytest.mark.parametrize("row, where, words", [
    ([999, "不存在的任务", "x", 50, "推进中"], "汇总.xlsx:汇总!A3", "matches no task of the plan"),
    (["5", "@T5", "x", "六十", "推进中"], "汇总.xlsx:汇总!D3", "is not a number"),
    (["5", "@T5", "x", 160, "推进中"], "汇总.xlsx:汇总!D3", "not a share between 0 and 100"),
    (["5", "@T5", "x", 60, "差不多"], "汇总.xlsx:汇总!E3", "choose one of 已完成、推进中、未启动、受阻"),
])
def test_bad_progress_rows_are_located_errors_and_nothing_is_written(tmp_path, row, where, words):
    F.write_data(tmp_path / "plan.yaml")
    titles = {ident: title for ident, _, _, title, _ in F.tasks()}
    row = [titles["5"] if v == "@T5" else v for v in row]
    consolidated(tmp_path / "汇总.xlsx", ("序号", "工作任务", "目前进展", "完成进度", "状态"), [row])
    done = run("track", "report", "plan.yaml", "--progress", "汇总.xlsx", "--as-of", "2022-09-30", "--out", "o", cwd=tmp_path)
    assert done.exit_code == 2, done.output
    lines = [ln for ln in done.output.splitlines() if ln.strip()]
    assert any(ln.startswith(where) and words in ln for ln in lines), done.output
    assert "Traceback" not in done.output
    assert not (tmp_path / "o").exists()


def test_a_near_title_is_a_located_warning(tmp_path):
    F.write_data(tmp_path / "plan.yaml")
    title = dict((i, t) for i, _, _, t, _ in F.tasks())["5"]
    consolidated(tmp_path / "汇总.xlsx", ("序号", "工作任务", "目前进展", "完成进度", "状态"), [[5, title[:-1] + "项", "x", 60, "推进中"]])
    done = run("track", "report", "plan.yaml", "--progress", "汇总.xlsx", "--as-of", "2022-09-30", "--out", "o", "-f", "pdf",
               cwd=tmp_path)
    assert done.exit_code == 0, done.output
    assert any(ln.startswith("warning: 汇总.xlsx:汇总!B3") and "differs from the plan's" in ln for ln in done.output.splitlines()), done.output


def test_a_file_with_no_progress_heading_says_what_to_write(tmp_path):
    F.write_data(tmp_path / "plan.yaml")
    consolidated(tmp_path / "x.xlsx", ("甲", "乙"), [[1, 2]])
    done = run("track", "report", "plan.yaml", "--progress", "x.xlsx", "--as-of", "2022-09-30", "--out", "o", cwd=tmp_path)
    assert done.exit_code == 2 and "x.xlsx: no progress table found" in done.output and "目前进展" in done.output


def test_forms_merged_into_one_workbook_in_any_order(tmp_path):
    """Two units' forms pasted as two sheets of one workbook, the later unit first: read as if returned apart."""
    from openpyxl import Workbook

    F.write_data(tmp_path / "plan.yaml")
    assert run("track", "forms", "plan.yaml", "--period", "2022-09", "--out", "o", cwd=tmp_path).exit_code == 0
    forms = fill_forms(tmp_path / "o" / "2022-09" / "进度表")
    merged = Workbook()
    merged.remove(merged.active)
    for path in reversed(forms):
        src = load_workbook(path).active
        ws = merged.create_sheet(path.name.split("_")[0][:20])
        for row in src.iter_rows(values_only=True):
            ws.append(list(row))
    merged.save(tmp_path / "合并.xlsx")
    done = run("track", "report", "plan.yaml", "--progress", "合并.xlsx", "--as-of", "2022-09-30", "--out", "o", "-f", "pdf",
               cwd=tmp_path)
    assert done.exit_code == 0, done.output
    kinds = {ident: k for ident, k, *_ in F.tasks()}
    rows = ledger_rows_in(tmp_path / "o" / "2022-09")
    assert len(rows) == 116
    for row in rows:
        assert row["本期状态"] == F.KINDS[kinds[str(row["序号"])] - 1][6], row
