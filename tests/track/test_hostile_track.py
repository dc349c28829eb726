"""`briefgen track` given what a shared folder and returned forms can hold: read back as the clerk sees it (exit
code, the one line in her language, nothing written)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from briefgen.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "qianjiang-2022-h1.yaml"


def run(*args, cwd: Path, lang: str = "zh"):
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["--lang", lang, *args], catch_exceptions=False)
    finally:
        os.chdir(here)


def lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.strip()]


@pytest.fixture
def office(tmp_path) -> Path:
    shutil.copy(SAMPLE, tmp_path / "plan.yaml")
    return tmp_path


@pytest.mark.parametrize("args, shown", [
    (["forms", "plan.yaml", "--period", "0000-01"], "0000-01：0 年不在 1900—2199 年之间"),
    (["forms", "plan.yaml", "--period", "2200-01"], "2200-01：2200 年不在 1900—2199 年之间"),
    (["report", "plan.yaml", "--progress", "plan.yaml", "--as-of", "0001-01-01"], "0001-01-01：1 年不在 1900—2199 年之间"),
    (["report", "plan.yaml", "--progress", "plan.yaml", "--as-of", "2022-09-30", "--period", "9999-12"],
     "9999-12：9999 年不在 1900—2199 年之间"),
])
def test_a_period_or_date_outside_the_years_is_one_line(office, args, shown):
    """The year 0 and 9999 stopped with an internal error (a ZIP time, a date before year 1)."""
    done = run("track", *args, "--out", "督办", cwd=office)
    assert done.exit_code == 2, done.output
    assert lines(done.output) == [lines(done.output)[0]] and lines(done.output)[0].startswith(shown), done.output
    assert "Traceback" not in done.output
    assert not (office / "督办").exists()


def test_forms_of_a_month_past_2107_are_workbooks(office):
    """A ZIP entry's time ends in 2107: a form for 2150-01 is saved with the last time it holds and opens."""
    done = run("track", "forms", "plan.yaml", "--period", "2150-01", "--out", "督办", cwd=office)
    assert done.exit_code == 0, done.output
    forms = sorted((office / "督办" / "2150-01" / "进度表").glob("*.xlsx"))
    assert forms
    ws = load_workbook(forms[0]).active
    assert "2150年1月" in ws["A1"].value and "2150年1月25日前报送" in ws["A2"].value


def fill(form: Path) -> Path:
    """One returned form: every row 推进中 at 50%."""
    wb = load_workbook(form)
    ws = wb.active
    for r in range(4, ws.max_row + 1):
        ws.cell(r, 7, "已开展相关工作")
        ws.cell(r, 8, 50)
        ws.cell(r, 9, "推进中")
    wb.save(form)
    return form


@pytest.fixture(scope="module")
def august(tmp_path_factory) -> Path:
    """An office folder whose 督办 output holds August's report (督办/2022-08/督办结果.json)."""
    folder = tmp_path_factory.mktemp("august")
    shutil.copy(SAMPLE, folder / "plan.yaml")
    assert run("track", "forms", "plan.yaml", "--period", "2022-08", "--out", "督办", cwd=folder).exit_code == 0
    form = fill(next((folder / "督办" / "2022-08" / "进度表").glob("经济发展办公室_*.xlsx")))
    done = run("track", "report", "plan.yaml", "--progress", str(form), "--as-of", "2022-08-31", "--out", "督办", "-f", "docx",
               cwd=folder)
    assert done.exit_code == 0, done.output
    return folder


def _mutate(kept: Path, how: str) -> str:
    """Damage August's kept result as a shared folder may hold it; returns the field the refusal names."""
    import json

    data = json.loads(kept.read_text("utf-8"))
    first = sorted(data["tasks"])[0]
    if how == "list":
        kept.write_text("[]", "utf-8")
        return ""
    if how == "tasks-list":
        data["tasks"] = []
        field = "tasks"
    elif how == "percent-text":
        data["tasks"][first]["percent"] = "一半"
        field = f"tasks.{first}.percent"
    elif how == "colour-unknown":
        data["tasks"][first]["colour"] = "purple"
        field = f"tasks.{first}.colour"
    elif how == "done-missing":
        del data["done"]
        field = "done"
    elif how == "progress-object":
        data["tasks"][first]["progress"] = {"a": 1}
        field = f"tasks.{first}.progress"
    elif how == "nested":
        kept.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
        return ""
    elif how == "link-outside":
        outside = kept.parents[3] / "outside.json"
        outside.write_text(kept.read_text("utf-8"), "utf-8")
        kept.unlink()
        kept.symlink_to(outside)
        return ""
    elif how == "fifo":
        kept.unlink()
        os.mkfifo(kept)
        return ""
    kept.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return field


@pytest.mark.parametrize("how", ["list", "tasks-list", "percent-text", "colour-unknown", "done-missing", "progress-object",
                                 "nested", "link-outside", "fifo"])
def test_a_damaged_kept_result_of_an_earlier_month_is_one_line(august, tmp_path, how):
    """An earlier month's 督办结果.json that is not as `track report` wrote it (edited, cut, replaced by a link or a
    pipe) stopped forms and report with an internal error (KeyError, AttributeError, RecursionError), or was passed
    over in silence and the 通报 numbered one issue short. Now both say which file and field, and write nothing."""
    folder = tmp_path / "office"
    shutil.copytree(august, folder, symlinks=True)
    kept = folder / "督办" / "2022-08" / "督办结果.json"
    field = _mutate(kept, how)
    form = fill(next((folder / "督办" / "2022-08" / "进度表").glob("经济发展办公室_*.xlsx")))
    for args in (["forms", "plan.yaml", "--period", "2022-09"],
                 ["report", "plan.yaml", "--progress", str(form), "--as-of", "2022-09-30"]):
        done = run("track", *args, "--out", "督办", cwd=folder)
        assert done.exit_code == 2, done.output
        shown = lines(done.output)
        assert len(shown) == 1 and "Traceback" not in done.output, done.output
        start = "督办/2022-08/督办结果.json: " + (f"{field}：" if field else "")
        assert shown[0].startswith(start) and "不是 `briefgen track report` 保存的督办结果" in shown[0], shown[0]
        assert "请放回该次运行写下的文件，或把文件夹 督办/2022-08 移出输出文件夹" in shown[0], shown[0]
        assert not (folder / "督办" / "2022-09").exists()


def test_the_next_month_reads_a_kept_result_as_written(august, tmp_path):
    """The check passes what `track report` writes: September's form carries August's progress, its 通报 is 第2期."""
    folder = tmp_path / "office"
    shutil.copytree(august, folder)
    assert run("track", "forms", "plan.yaml", "--period", "2022-09", "--out", "督办", cwd=folder).exit_code == 0
    form = next((folder / "督办" / "2022-09" / "进度表").glob("经济发展办公室_*.xlsx"))
    assert load_workbook(form).active["F4"].value.startswith("已开展相关工作（50%")
    done = run("track", "report", "plan.yaml", "--progress", str(fill(form)), "--as-of", "2022-09-30", "--out", "督办",
               "-f", "docx", cwd=folder)
    assert done.exit_code == 0, done.output
    assert (folder / "督办" / "2022-09" / "督办通报_第2期_2022-09.docx").is_file()


def test_the_forms_folder_or_its_glob_is_the_progress(tmp_path):
    """`--progress 督办/2022-09/进度表/*.xlsx`, as the README shows it: the shell hands over one --progress and the other
    forms after it, which stopped with "Got unexpected extra arguments". Now the tables after it are progress too, and
    a folder stands for the tables in it (not its manifest.json, not a link out of it)."""
    shutil.copy(SAMPLE, tmp_path / "plan.yaml")
    assert run("track", "forms", "plan.yaml", "--period", "2022-09", "--out", "督办", cwd=tmp_path).exit_code == 0
    forms = tmp_path / "督办" / "2022-09" / "进度表"
    for form in forms.glob("*.xlsx"):
        fill(form)
    (forms / "外部.xlsx").symlink_to(tmp_path / "plan.yaml")  # a link out of the folder: passed over
    globbed = sorted(str(p.relative_to(tmp_path)) for p in forms.glob("*.xlsx") if not p.is_symlink())
    for args in (["--progress", *globbed], ["--progress", str(forms.relative_to(tmp_path))]):
        done = run("track", "report", "plan.yaml", *args, "--as-of", "2022-09-30", "--out", "督办", "-f", "docx", "--force",
                   cwd=tmp_path)
        assert done.exit_code == 0, done.output
        ledger = load_workbook(tmp_path / "督办" / "2022-09" / "督办台账_2022-09.xlsx").active
        rows = list(ledger.iter_rows(min_row=3, values_only=True))
        assert len(rows) == 12 and all(r[5] == "已开展相关工作" and r[9] != "未报送" for r in rows), rows


@pytest.mark.parametrize("args, shown", [
    (["plan.yaml", "plan.yaml", "--progress", "x.xlsx"], "错误：只能指定一个数据文件，不能是 plan.yaml, plan.yaml"),
    (["plan.yaml", "--progress", "空"], "空: 文件夹中没有 .xlsx 或 .csv 文件；请指定收回的进度表本身，或保存它们的文件夹"),
    (["plan.yaml"], "没有指定进度表；请用 --progress 文件 指定收回的进度表"),
])
def test_progress_named_wrongly_is_one_line(office, args, shown):
    (office / "空").mkdir()
    (office / "空" / "说明.txt").write_text("进度表稍后报送", "utf-8")
    done = run("track", "report", *args, "--as-of", "2022-09-30", "--out", "督办", cwd=office)
    assert done.exit_code == 2, done.output
    assert shown in done.output and "Traceback" not in done.output, done.output
    assert not (office / "督办").exists()


@pytest.fixture(scope="module")
def september(tmp_path_factory) -> Path:
    """An office folder with September's forms sent out (督办/2022-09/进度表)."""
    folder = tmp_path_factory.mktemp("september")
    shutil.copy(SAMPLE, folder / "plan.yaml")
    assert run("track", "forms", "plan.yaml", "--period", "2022-09", "--out", "督办", cwd=folder).exit_code == 0
    return folder


def _returned(september: Path, tmp_path: Path, change) -> Path:
    """经济发展办公室's September form, filled, then changed by ``change(ws)``, saved in tmp_path."""
    form = tmp_path / "经发办.xlsx"
    shutil.copy(next((september / "督办" / "2022-09" / "进度表").glob("经济发展办公室_*.xlsx")), form)
    fill(form)
    wb = load_workbook(form)
    change(wb.active)
    wb.save(form)
    shutil.copy(september / "plan.yaml", tmp_path / "plan.yaml")
    return form


@pytest.mark.parametrize("cell, value, shown", [
    ("H4", "=20+30", "经发办.xlsx:进度表!H4: 完成进度：公式 =20+30 没有保存计算结果；请用 Excel 或 WPS 打开这个文件并保存"),
    ("I4", '=IF(H4=100,"已完成","推进中")', "经发办.xlsx:进度表!I4: 状态：公式 =IF(H4=100,\"已完成\",\"推进中\") 没有保存计算结果"),
    ("H4", "9" * 5000, "经发办.xlsx:进度表!H4: 完成进度：'" + "9" * 40 + "…' 不是数字；请填写完成的百分比，例如 60"),
    ("I4", "进行" * 9000, "经发办.xlsx:进度表!I4: 状态：“" + "进行" * 20 + "…”不是可选的状态"),
])
def test_a_cell_a_form_cannot_give_is_one_short_line(september, tmp_path, cell, value, shown):
    """A formula saved without its result (a form filled by another program) read as an empty cell: the task was
    passed over as 未报送 in silence. A 完成进度 of 5,000 digits or a 状态 of 18,000 characters was quoted whole: a
    line of 5,000 characters. Now each is its cell's one line, of a readable length."""
    form = _returned(september, tmp_path, lambda ws: ws.__setitem__(cell, value))
    done = run("track", "report", "plan.yaml", "--progress", form.name, "--as-of", "2022-09-30", "--out", "督办", cwd=tmp_path)
    assert done.exit_code == 2, done.output
    shown_lines = lines(done.output)
    assert len(shown_lines) == 1 and shown_lines[0].startswith(shown) and len(shown_lines[0]) < 200, done.output
    assert not (tmp_path / "督办").exists()


def test_a_form_of_another_month_is_a_warning_at_its_title(september, tmp_path):
    """August's form returned for September (dropped in from last month's folder, or filled in again) was taken
    without a word. Now its title cell says which month it is, and the report is made; this month's form is taken
    without the warning."""
    form = _returned(september, tmp_path, lambda ws: ws.__setitem__("A1", ws["A1"].value.replace("2022年9月", "2022年8月")))
    args = ("track", "report", "plan.yaml", "--progress", form.name, "--as-of", "2022-09-30", "--out", "督办", "-f", "docx")
    done = run(*args, cwd=tmp_path)
    assert done.exit_code == 0, done.output
    warned = [ln for ln in lines(done.output) if "2022年8月" in ln]
    assert warned == ["警告：经发办.xlsx:进度表!A1: 这份进度表是2022年8月的，本期是2022年9月：已作为2022年9月的进展采用；"
                      "如内容已过时，请向该单位索要2022年9月的进度表"], done.output
    ledger = load_workbook(tmp_path / "督办" / "2022-09" / "督办台账_2022-09.xlsx").active
    assert ledger["F3"].value == "已开展相关工作"
    september_form = _returned(september, tmp_path / "ok", lambda ws: None) if (tmp_path / "ok").mkdir() is None else None
    done = run("track", "report", "plan.yaml", "--progress", september_form.name, "--as-of", "2022-09-30", "--out", "督办",
               "-f", "docx", cwd=tmp_path / "ok")
    assert done.exit_code == 0 and "2022年8月" not in done.output and "警告" not in done.output, done.output


def test_a_form_saved_with_a_password_says_so(office):
    """A 进度表 a unit saved with a password (Excel's 用密码进行加密: an OLE2 container holding the encrypted package)
    was told to be an old .xls with an .xlsx name, and to be saved again as .xlsx, which it already was."""
    locked = Path(__file__).resolve().parents[1] / "hostile" / "progress-password-protected.xlsx"
    shutil.copy(locked, office / "经发办.xlsx")
    done = run("track", "report", "plan.yaml", "--progress", "经发办.xlsx", "--as-of", "2022-09-30", "--out", "督办", cwd=office)
    assert done.exit_code == 2, done.output
    assert lines(done.output) == ["经发办.xlsx: 这个工作簿设置了打开密码（已加密），没有密码就读不了：请用 Excel 或 WPS 打开，"
                                  "在“文件→信息→保护工作簿→用密码进行加密”中清除密码并保存，再使用该文件"], done.output
    assert not (office / "督办").exists()


def test_a_merged_cell_over_several_rows_is_one_problem(september, tmp_path):
    """A cell merged over 完成进度 and 状态 of three tasks was one problem said three times at its top-left cell."""
    form = _returned(september, tmp_path, lambda ws: ws.merge_cells("H4:I6"))
    done = run("track", "report", "plan.yaml", "--progress", form.name, "--as-of", "2022-09-30", "--out", "督办", cwd=tmp_path)
    assert done.exit_code == 2, done.output
    assert lines(done.output) == ["经发办.xlsx:进度表!H4: 状态：“50”不是可选的状态；请选择已完成、推进中、未启动、受阻之一"], done.output
