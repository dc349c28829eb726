"""Issue 10, section 3, the rest of the frictions a clerk hits: titles from the data's period and plan, validate as
build checks, silent drops in Excel, built-in templates and themes to start from, the Noto note, init that asks.
Each test failed before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from briefgen import cli
from briefgen.cli import main
from briefgen.compose import load_report, make_document
from briefgen.theme import BUILTIN_DIR
from briefgen.compose.templates import builtin_dir

from conftest import MINI, SAMPLE
from readback import pdf_lines, pdf_text


def run(*args, input: str | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def warnings_of(result) -> list[str]:
    return [l for l in result.stderr.splitlines() if l.startswith("warning:")]


def mini(**changes: str) -> str:
    text = MINI.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def title_of(path: Path, template: str, **extra) -> str:
    report, _ = load_report(path)
    doc, _ = make_document(report, template, (), None, extra or None)
    return doc.meta.title


ANNUAL = {"title: 示例街道2022年上半年工作总结和下半年工作思路": "title: 示例街道2023年工作总结和2024年工作计划",
          "date: 2022-07-29": "date: 2024-01-15", "period: 2022年1—6月": "period: 2023年",
          "due: 2022年10月底前": "due: 2024年10月底前", "intro: 下半年，我们将": "intro: 新的一年，我们将"}


# ---- 1. titles from the data's period and plan, and given titles -----------------------------------------------

@pytest.mark.parametrize("period, date, plan", [
    ("2022年1—6月", "2022-07-29", "示例街道2022年下半年重点工作任务分解表"),
    ("2023年", "2024-01-15", "示例街道2024年重点工作任务分解表"),
    ("2023年1—12月", "2024-01-15", "示例街道2024年重点工作任务分解表"),
    ("2023年1—9月", "2023-10-15", "示例街道2023年四季度重点工作任务分解表"),
    ("2023年一季度", "2023-04-10", "示例街道2023年二季度重点工作任务分解表"),
])
def test_the_task_list_title_follows_the_period_the_plan_covers(period, date, plan):
    Path("r.yaml").write_text(mini(**{"period: 2022年1—6月": f"period: {period}", "date: 2022-07-29": f"date: {date}",
                                      "due: 2022年10月底前": "due: 12月底前"}), encoding="utf-8")
    assert title_of(Path("r.yaml"), "tasks") == plan


def test_an_annual_report_prints_next_years_plan_not_the_second_half(tmp_path):
    Path("annual.yaml").write_text(mini(**ANNUAL), encoding="utf-8")
    built = run("build", "annual.yaml", "--names", "{template}", "--out", "out", "--format", "pdf", "-t", "tasks", "-t", "review")
    assert built.exit_code == 0, built.output
    assert "示例街道2024年重点工作任务分解表" in pdf_lines(tmp_path / "out" / "tasks.pdf")
    assert "下半年" not in pdf_text(tmp_path / "out" / "tasks.pdf")
    assert "示例街道2023年工作回顾" in pdf_lines(tmp_path / "out" / "review.pdf")
    # 年内 in an annual report's plan is the plan's year, not the year reviewed: no "before the report's date"
    assert not [w for w in warnings_of(built) if "before the report's date" in w], built.stderr


def test_an_annual_report_batch_titles_each_brief_with_the_plans_year(tmp_path):
    Path("annual.yaml").write_text(mini(**ANNUAL), encoding="utf-8")
    report, _ = load_report(Path("annual.yaml"))
    from briefgen.jobs.batch import departments

    d = departments(report)[0]
    doc, _ = make_document(report, "department", (), None, {"department": d})
    assert doc.meta.title == "经济发展办公室2024年重点工作任务清单"


def test_a_plan_period_in_the_data_names_the_plan():
    Path("r.yaml").write_text(mini(**{"  intro: 下半年，我们将重点做好以下工作。": "  intro: 下半年，我们将重点做好以下工作。\n  period: 四季度"}),
                              encoding="utf-8")
    assert title_of(Path("r.yaml"), "tasks") == "示例街道2022年四季度重点工作任务分解表"


def test_titles_in_the_data_with_fields():
    Path("r.yaml").write_text(mini() + "titles:\n  tasks: \"{issuer}{plan}重点工作责任清单\"\n  summary: 示例街道经济运行简表\n",
                              encoding="utf-8")
    assert title_of(Path("r.yaml"), "tasks") == "示例街道2022年下半年重点工作责任清单"
    assert title_of(Path("r.yaml"), "summary") == "示例街道经济运行简表"


def test_a_title_with_an_unknown_field_is_a_located_error():
    Path("r.yaml").write_text(mini() + "titles:\n  tasks: \"{office}任务\"\n", encoding="utf-8")
    result = run("validate", "r.yaml")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("r.yaml:") and "titles.tasks" in lines[0] and "{office}" in lines[0], lines


def test_toml_titles_and_the_title_option(tmp_path):
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    Path("briefgen.toml").write_text('data = "r.yaml"\nformats = ["pdf"]\nnames = "{template}"\n\n[titles]\n'
                                     'tasks = "示例街道下半年工作责任清单"\nsummary = "经济指标一览"\n', encoding="utf-8")
    built = run("build")
    assert built.exit_code == 0, built.output
    assert "示例街道下半年工作责任清单" in pdf_lines(tmp_path / "out" / "tasks.pdf")
    assert "经济指标一览" in pdf_lines(tmp_path / "out" / "summary.pdf")
    # --title NAME=TEXT wins over briefgen.toml; the others stay
    again = run("build", "--title", "tasks={issuer}{plan}任务分解", "--out", "o2")
    assert again.exit_code == 0, again.output
    assert "示例街道2022年下半年任务分解" in pdf_lines(tmp_path / "o2" / "tasks.pdf")
    assert "经济指标一览" in pdf_lines(tmp_path / "o2" / "summary.pdf")
    # a bare --title is for the one document built; with two it says which to name
    one = run("build", "-t", "summary", "--title", "一页纸", "--out", "o3")
    assert one.exit_code == 0 and "一页纸" in pdf_lines(tmp_path / "o3" / "summary.pdf")
    two = run("build", "--title", "一页纸", "--out", "o4")
    assert two.exit_code == 2 and len(two.stderr.strip().splitlines()) == 1 and "--title tasks=" in two.stderr
    assert not (tmp_path / "o4").exists()


def test_a_bad_title_in_briefgen_toml_names_its_line():
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    Path("briefgen.toml").write_text('data = "r.yaml"\n\n[titles]\ntasks = "{who}的任务"\n', encoding="utf-8")
    result = run("build")
    assert result.exit_code == 2
    assert re.search(r"briefgen\.toml:4: titles\.tasks: .*\{who\}", result.stderr), result.stderr


def test_the_pack_meeting_and_excel_sample_follow_the_plan(tmp_path):
    from briefgen.jobs.pack import pack_context
    from briefgen.workdir.scaffold import task_workbook
    from briefgen.settings import Settings

    Path("annual.yaml").write_text(mini(**ANNUAL), encoding="utf-8")
    report, _ = load_report(Path("annual.yaml"))
    assert pack_context(Settings(), report).meeting == "示例街道2024年工作部署会"
    assert task_workbook(report).active["A1"].value == "示例街道2024年重点工作任务分解表"


# ---- 2. validate runs the checks build runs ---------------------------------------------------------------------

def test_validate_with_no_arguments_reads_the_folders_settings_and_writes_nothing(tmp_path):
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    Path("briefgen.toml").write_text('data = "r.yaml"\n', encoding="utf-8")
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output and "build would write 4 files" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefgen.toml", "r.yaml"]


def test_validate_prints_the_warnings_build_prints(tmp_path):
    # a deadline before the report's date (a doubt) and a one-page summary that has to shrink (found by laying out)
    many = "\n".join(f"  - {{name: 指标{i}, value: {i}.5, unit: 亿元, yoy: 1.{i}, note: 这是一条较长的备注用来占满一行}}"
                     for i in range(1, 15))
    text = mini(**{"due: 2022年10月底前": "due: 2022年6月底前", "indicators:\n": "indicators:\n" + many + "\n"})
    Path("r.yaml").write_text(text, encoding="utf-8")
    checked = run("validate", "r.yaml")
    built = run("build", "r.yaml", "--out", "out")
    assert checked.exit_code == built.exit_code == 0, (checked.output, built.output)
    assert any("shrank the type" in w for w in warnings_of(built))
    assert warnings_of(checked) == warnings_of(built)
    assert f"{len(warnings_of(built))} warnings to check" in checked.output


def test_validate_fails_where_build_fails(tmp_path):
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    Path("briefgen.toml").write_text('data = "r.yaml"\ntemplates = ["summary", "tasks", "handout-cover"]\n', encoding="utf-8")
    built = run("build")
    checked = run("validate")
    assert built.exit_code == checked.exit_code == 2
    assert checked.stderr == built.stderr and "handout-cover" in checked.stderr


def test_validate_strict_fails_on_the_warnings_build_strict_fails_on(tmp_path):
    Path("r.yaml").write_text(mini(**{"lead: 经济发展办公室, support": "lead: 待定, support"}), encoding="utf-8")
    built = run("build", "r.yaml", "--strict", "--out", "out")
    checked = run("validate", "r.yaml", "--strict")
    assert built.exit_code == checked.exit_code == 2
    assert "待定" in checked.stderr and checked.stderr == built.stderr


def test_validate_checks_the_tables_with_the_data_as_build_does(tmp_path):
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    Path("任务.csv").write_text("序号,工作任务,牵头单位,配合单位,完成时限\n1,加快优势产业复工提产,经济发展办公室,,下周\n",
                               encoding="utf-8")
    checked = run("validate", "r.yaml", "--tasks", "任务.csv")
    built = run("build", "r.yaml", "--tasks", "任务.csv", "--out", "out")
    assert checked.exit_code == built.exit_code == 2
    assert checked.stderr == built.stderr and "任务.csv:E2" in checked.stderr


# ---- 3. silent drops in Excel -------------------------------------------------------------------------------

def indicator_book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["序号", "指标名称", "单位", "完成值", "同比增长(%)", "备注"])
    ws.append(["一、工业经济"])
    ws.merge_cells("A2:F2")
    ws.append([1, "规上工业增加值", "亿元", 31.3, 9.5, None])
    ws.append(["二、招商引资"])
    ws.merge_cells("A4:F4")
    ws.append([2, "实际利用外资", None, 4050, 12, None])
    ws.append([3, "新引进项目投资", "亿元", "约3亿", None, None])
    wb.save(path)
    return path


def test_section_rows_become_indicator_groups_shown_in_the_summary(tmp_path):
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    indicator_book(tmp_path / "指标.xlsx")
    report, _ = load_report(Path("r.yaml"), indicators=Path("指标.xlsx"))
    assert [(i.name, i.group) for i in report.indicators] == [
        ("规上工业增加值", "工业经济"), ("实际利用外资", "招商引资"), ("新引进项目投资", "招商引资")]
    built = run("build", "r.yaml", "--indicators", "指标.xlsx", "-t", "summary", "--names", "{template}", "--out", "out", "--format", "pdf")
    assert built.exit_code == 0, built.output
    lines = pdf_lines(tmp_path / "out" / "summary.pdf")
    at = {name: next(i for i, l in enumerate(lines) if name in l) for name in ("工业经济", "规上工业增加值", "招商引资", "实际利用外资")}
    assert at["工业经济"] < at["规上工业增加值"] < at["招商引资"] < at["实际利用外资"], lines


def test_an_empty_unit_and_an_about_figure_are_warnings_at_their_cells(tmp_path):
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    indicator_book(tmp_path / "指标.xlsx")
    built = run("build", "r.yaml", "--indicators", "指标.xlsx", "-t", "summary", "--names", "{template}", "--out", "out", "--format", "pdf")
    assert built.exit_code == 0, built.output
    found = warnings_of(built)
    assert any("指标.xlsx:Sheet1!C5: 单位:" in w and "实际利用外资" in w and "no unit" in w for w in found), found
    assert any("指标.xlsx:Sheet1!D6: 完成值:" in w and "约3亿" in w and "read as 3 亿元 marked 预计" in w for w in found), found
    row = next(l for l in pdf_lines(tmp_path / "out" / "summary.pdf") if "新引进项目投资" in l)
    assert "约3亿" not in row and re.search(r"新引进项目投资 3(\.0)? 亿元 .*预计", row), row
    checked = run("validate", "r.yaml", "--indicators", "指标.xlsx", "-t", "summary")
    assert warnings_of(checked) == found
    alone = run("validate", "指标.xlsx")  # the table on its own: the same two cells
    assert alone.exit_code == 0 and sum("Sheet1!C5" in w or "Sheet1!D6" in w for w in warnings_of(alone)) == 2


def test_a_figure_in_another_unit_than_its_row_is_an_error_at_its_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["指标名称", "单位", "完成值"])
    ws.append(["固定资产投资", "万元", "约3亿"])
    wb.save(tmp_path / "指标.xlsx")
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    result = run("validate", "r.yaml", "--indicators", "指标.xlsx")
    assert result.exit_code == 2
    assert "指标.xlsx:Sheet!C2: 完成值:" in result.stderr and "万元" in result.stderr, result.stderr


# ---- 4. built-in templates and themes to start from --------------------------------------------------------

@pytest.mark.parametrize("command, name, path", [
    ("templates", "tasks", builtin_dir() / "tasks.xml.j2"),
    ("templates", "summary.xml.j2", builtin_dir() / "summary.xml.j2"),
    ("themes", "official", BUILTIN_DIR / "official.toml"),
    ("themes", "handout", BUILTIN_DIR / "handout.toml"),
])
def test_show_prints_the_builtin_source(command, name, path):
    result = run(command, "--show", name)
    assert result.exit_code == 0
    assert result.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("command, known", [("templates", "summary, tasks"), ("themes", "handout, official")])
def test_show_of_an_unknown_name_is_one_line_naming_the_builtins(command, known):
    result = run(command, "--show", "nosuch")
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nosuch" in lines[0] and all(k in lines[0] for k in known.split(", ")), lines


def test_a_shown_theme_saved_as_a_file_builds(tmp_path):
    Path("mine.toml").write_text(run("themes", "--show", "handout").stdout, encoding="utf-8")
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    result = run("build", "r.yaml", "--theme", "mine.toml", "-t", "summary", "--out", "out", "--format", "pdf")
    assert result.exit_code == 0, result.output


# ---- 5. the PDFs' free stand-ins for the official fonts, said once a run ----------------------------------------

def stand_in_notes(result) -> list[str]:
    return [l for l in result.stderr.splitlines() if l.startswith("note:") and "stand-ins" in l]


def test_a_build_says_once_that_noto_stands_in_for_the_official_fonts(tmp_path):
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    built = run("build", "r.yaml", "--out", "out")  # two PDFs, tests see no system fonts (conftest)
    assert built.exit_code == 0, built.output
    notes = stand_in_notes(built)
    assert len(notes) == 1, built.stderr
    assert all(face in notes[0] for face in ("仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "Noto Serif SC")), notes
    batch = run("batch", "r.yaml", "--out", "briefs", "-j", "1")
    assert batch.exit_code == 0 and len(stand_in_notes(batch)) == 1, batch.stderr
    docx_only = run("build", "r.yaml", "--out", "docx", "--format", "docx")
    assert docx_only.exit_code == 0 and stand_in_notes(docx_only) == []


def test_no_note_when_the_theme_names_a_file_for_every_font(tmp_path):
    from briefgen.fonts.fontset import _bundled_path
    from briefgen.theme import load_theme

    roles = load_theme("official").fonts
    serif = _bundled_path("serif").as_posix()
    Path("own.toml").write_text('extends = "official"\n' + "".join(f'[fonts.{r}]\nfile = "{serif}"\n' for r in roles),
                                encoding="utf-8")
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    built = run("build", "r.yaml", "--theme", "own.toml", "-t", "summary", "--out", "out", "--format", "pdf")
    assert built.exit_code == 0, built.output
    assert stand_in_notes(built) == []


# ---- 6. init asks for the office, the period and the meeting -----------------------------------------------------

def test_init_with_flags_makes_the_sample_the_offices_own(tmp_path):
    made = run("init", "work", "--office", "白沙街道", "--period", "2023年", "--meeting", "白沙街道2024年工作会议", "--yes")
    assert made.exit_code == 0, made.output
    data = (tmp_path / "work" / "data" / "report.yaml").read_text(encoding="utf-8")
    assert "前江街道" not in data and "issuer: 白沙街道" in data and "period: 2023年" in data
    assert '[pack]\nmeeting = "白沙街道2024年工作会议"' in (tmp_path / "work" / "briefgen.toml").read_text(encoding="utf-8")
    import os

    os.chdir(tmp_path / "work")
    checked = run("validate")
    assert checked.exit_code == 0 and not [w for w in warnings_of(checked) if "before the report's date" in w], checked.stderr
    built = run("build", "--format", "pdf", "--names", "{template}")
    assert built.exit_code == 0, built.output
    assert "白沙街道2024年重点工作任务分解表" in pdf_lines(tmp_path / "work" / "out" / "tasks.pdf")
    assert openpyxl.load_workbook(tmp_path / "work" / "data" / "任务.xlsx").active["A1"].value == "白沙街道2024年重点工作任务分解表"


def test_init_asks_on_a_terminal_with_defaults(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_stdin_is_terminal", lambda: True)
    made = run("init", "work", input="云湖镇\n2024年1—6月\n\n")
    assert made.exit_code == 0, made.output
    assert "The office's name" in made.output and "[前江街道]" in made.output  # the prompt shows its default
    assert "[云湖镇2024年下半年工作部署会]" in made.output
    data = (tmp_path / "work" / "data" / "report.yaml").read_text(encoding="utf-8")
    assert "issuer: 云湖镇" in data and "period: 2024年1—6月" in data and "date: 2024-07-29" in data
    assert 'meeting = "云湖镇2024年下半年工作部署会"' in (tmp_path / "work" / "briefgen.toml").read_text(encoding="utf-8")


def test_init_keeps_the_sample_when_every_default_is_taken(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_stdin_is_terminal", lambda: True)
    made = run("init", "work", input="\n\n\n")
    assert made.exit_code == 0, made.output
    assert (tmp_path / "work" / "data" / "report.yaml").read_bytes() == SAMPLE.read_bytes()


def test_init_asks_nothing_when_the_input_is_not_a_terminal(tmp_path):
    made = run("init", "work", input="白沙街道\n")  # CliRunner's input is no terminal: a script's run
    assert made.exit_code == 0 and "The office's name" not in made.output
    assert (tmp_path / "work" / "data" / "report.yaml").read_bytes() == SAMPLE.read_bytes()


def test_init_refuses_an_office_name_that_would_break_the_data(tmp_path):
    made = run("init", "work", "--office", "白沙: 街道", "--yes")
    assert made.exit_code == 2 and "--office" in made.stderr and not (tmp_path / "work").exists()


def test_a_pack_part_takes_its_title_and_the_contents_page_lists_it(tmp_path):
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    made = run("pack", "r.yaml", "--out", "pack", "--format", "pdf", "--part", "summary", "--part", "tasks",
               "--title", "tasks={issuer}{plan}任务清单")
    assert made.exit_code == 0, made.output
    lines = pdf_lines(next((tmp_path / "pack").glob("*.pdf")))
    entry = re.compile(r"示例街道2022年下半年任务清单[ .]*\.[ .]*2")  # on the contents page: its leader and page
    assert any(entry.fullmatch(line) for line in lines) and "示例街道2022年下半年任务清单" in lines, lines  # contents, part
    bare = run("pack", "r.yaml", "--out", "pack2", "--title", "任务清单")
    assert bare.exit_code == 2 and "--title tasks=" in bare.stderr and not (tmp_path / "pack2").exists()


def test_a_name_without_figures_is_reported_not_taken_for_a_group(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["指标名称", "单位", "完成值"])
    ws.append(["规上工业增加值", "亿元", 31.3])
    ws.append(["固定资产投资", None, None])  # its figures forgotten: before, the row was dropped in silence
    ws.append(["实际利用外资", "万美元", 4050])
    wb.save(tmp_path / "指标.xlsx")
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    result = run("validate", "r.yaml", "--indicators", "指标.xlsx")
    assert result.exit_code == 2 and "指标.xlsx:Sheet1!" in result.stderr and "固定资产投资" in result.stderr, result.stderr


def test_a_group_heading_with_nothing_under_it_is_a_warning(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["序号", "指标名称", "单位", "完成值"])
    ws.append(["一、工业经济"])
    ws.append([1, "规上工业增加值", "亿元", 31.3])
    ws.append(["二、招商引资"])
    wb.save(tmp_path / "指标.xlsx")
    Path("r.yaml").write_text(mini(), encoding="utf-8")
    result = run("validate", "r.yaml", "--indicators", "指标.xlsx", "-t", "summary")
    assert result.exit_code == 0, result.output
    assert any("指标.xlsx:Sheet1!A4" in w and "招商引资" in w and "group heading" in w for w in warnings_of(result)), result.stderr
