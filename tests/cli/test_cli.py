"""The command line as a user meets it: bad input gives one readable line and exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main

from conftest import MINI, ROOT as ROOT_DIR

LOCATED = re.compile(r"^\S+\.yaml:\d+:\d+: ")


def run(*args, cwd: Path | None = None):
    runner = CliRunner()
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def mini_text() -> str:
    return MINI.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` that holds ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def assert_one_line_error(result, *needles: str):
    assert result.exit_code == 2, result.output
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, lines
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_wrong_type_names_file_line_and_field(tmp_path):
    text = mini_text().replace("value: 31.3", "value: 三十一点三")
    bad = write(tmp_path, "bad.yaml", text)
    out = tmp_path / "out"
    result = run("build", "--names", "{template}", bad, "--out", out)
    line = assert_one_line_error(result, "bad.yaml:", "indicators[1].value", "三十一点三")
    col = text.splitlines()[line_of(text, "三十一点三") - 1].index("三十一点三") + 1
    assert f"bad.yaml:{line_of(text, '三十一点三')}:{col}: " in line, line  # the very cell of the bad value
    assert not out.exists()


def test_missing_required_field(tmp_path):
    text = mini_text().replace("  issuer: 示例街道\n", "")
    bad = write(tmp_path, "missing.yaml", text)
    out = tmp_path / "out"
    result = run("build", "--names", "{template}", bad, "--out", out)
    # the field is missing, so the message points at the mapping it is missing from
    assert_one_line_error(result, f"missing.yaml:{line_of(text, 'title:')}:", "report.issuer", "required")
    assert not out.exists()


def test_invalid_yaml(tmp_path):
    bad = write(tmp_path, "broken.yaml", mini_text().replace("  issuer: 示例街道", "  issuer: [示例街道"))
    out = tmp_path / "out"
    result = run("build", "--names", "{template}", bad, "--out", out)
    line = assert_one_line_error(result, "broken.yaml:", "invalid YAML")
    assert LOCATED.match(line), line
    assert not out.exists()


def test_unknown_department_points_at_the_task(tmp_path):
    text = mini_text().replace("lead: 经济发展办公室, support: [党政办公室]", "lead: 经济发展办, support: [党政办公室]")
    bad = write(tmp_path, "dept.yaml", text)
    # issue 10: a unit the departments list lacks is a located warning (an error only with --strict)
    result = run("build", "--names", "{template}", bad, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    where = f"dept.yaml:{line_of(text, 'lead: 经济发展办,')}:"
    assert any(where in l and "plan.sections[1].tasks[1].lead" in l and "经济发展办" in l for l in result.stderr.splitlines()), result.stderr
    strict = run("build", "--strict", "--names", "{template}", bad, "--out", tmp_path / "strict")
    assert strict.exit_code != 0 and where in strict.stderr


def test_every_problem_is_listed_at_once(tmp_path):
    text = mini_text().replace("value: 31.3", "value: abc").replace("yoy: 9.5", "yoy: 快")
    bad = write(tmp_path, "two.yaml", text)
    result = run("build", "--names", "{template}", bad, "--out", tmp_path / "out")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all(l.startswith("two.yaml:") or "/two.yaml:" in l for l in lines), lines


def test_missing_data_file(tmp_path):
    result = run("build", "--names", "{template}", tmp_path / "nope.yaml", "--out", tmp_path / "out")
    assert_one_line_error(result, "nope.yaml", "not found")


def test_template_error_names_template_line(tmp_path):
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "broken.xml.j2").write_text(
        "{#- briefgen\ndescription: broken on purpose\n-#}\n<document title=\"x\">\n  <p>{{ report.report.no_such_field }}</p>\n</document>\n",
        encoding="utf-8",
    )
    result = run("build", "--names", "{template}", MINI, "--out", tmp_path / "out", "--templates-dir", tdir, "--template", "broken")
    line = assert_one_line_error(result, "broken.xml.j2:5", "no_such_field")
    assert not (tmp_path / "out").exists(), line


def test_template_syntax_error_names_line(tmp_path):
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "syntax.xml.j2").write_text("<document>\n{% for x in %}\n</document>\n", encoding="utf-8")
    result = run("build", "--names", "{template}", MINI, "--out", tmp_path / "out", "--templates-dir", tdir, "--template", "syntax")
    assert_one_line_error(result, "syntax.xml.j2:2", "syntax")


def test_data_cannot_inject_markup(tmp_path):
    from briefgen.compose import make_document, load_report
    from briefgen import ir

    evil = write(tmp_path, "evil.yaml", mini_text().replace("name: 规上工业增加值", 'name: "</td></tr></tbody></table><page-break/>"'))
    doc, _ = make_document(load_report(evil)[0], "summary")
    assert not any(isinstance(b, ir.PageBreak) for b in doc.blocks)
    table = next(b for b in doc.blocks if isinstance(b, ir.Table))
    assert ir.plain_text(table.rows[1].cells[1].inlines) == "</td></tr></tbody></table><page-break/>"


def test_unknown_template_and_theme(tmp_path):
    result = run("build", "--names", "{template}", MINI, "--out", tmp_path / "out", "--template", "nosuch")
    assert_one_line_error(result, "unknown template", "summary")
    result = run("build", "--names", "{template}", MINI, "--out", tmp_path / "out", "--theme", "nosuch")
    assert_one_line_error(result, "unknown theme", "official")


def test_bad_format_is_a_usage_error(tmp_path):
    result = run("build", "--names", "{template}", MINI, "--out", tmp_path / "out", "--format", "odt")
    assert result.exit_code == 2
    assert "odt" in result.output


def test_templates_and_themes_list_descriptions():
    result = run("templates")
    assert result.exit_code == 0
    names = {line.split()[0]: line for line in result.output.splitlines()}
    assert {"summary", "tasks"} <= set(names)
    assert all(len(line.split(None, 1)) == 2 for line in names.values())  # each has a description
    result = run("themes")
    assert result.exit_code == 0 and "official" in result.output and "handout" in result.output


@pytest.mark.parametrize("command", ["build", "templates", "themes", "fonts", "preview"])
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"briefgen {command}" in result.output


def test_extract_writes_a_draft_that_builds(tmp_path):
    from conftest import ROOT

    seed = ROOT / "tests" / "fixtures" / "qianjiang-2022-h1-report.txt"
    draft = tmp_path / "draft.yaml"
    result = run("extract", seed, "-o", draft)
    assert result.exit_code == 0, result.output
    assert "12 lead tasks" in result.stderr
    text = draft.read_text(encoding="utf-8")
    assert "(qū)" not in text and "區" not in text and "待核实" in text
    built = run("build", "--names", "{template}", draft, "--out", tmp_path / "out", "--format", "pdf", "-t", "tasks")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "out" / "tasks.pdf").is_file()


def test_fonts_lists_every_role_with_source_and_coverage():
    from briefgen.theme import load_theme

    result = run("fonts", MINI)
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert set(rows) == set(load_theme("official").fonts)
    assert "仿宋_GB2312" in rows["body"] and "Noto Serif SC" in rows["body"] and "bundled" in rows["body"]
    # coverage counts the characters the documents draw, not the data file's keys and comments
    from briefgen.compose import load_report, make_document
    from briefgen.render.pdf import document_text

    report, _ = load_report(MINI)
    theme = load_theme("official")
    drawn = set("".join(document_text(make_document(report, t)[0], theme) for t in ("summary", "tasks"))) - set(" \n\t")
    assert f"{len(drawn)}/{len(drawn)}" in rows["body"]
    assert "indicators" not in "".join(drawn)


def test_an_output_that_cannot_be_written_stops_before_any_file_changes(tmp_path):
    out = tmp_path / "out"
    (out / "tasks.docx").mkdir(parents=True)  # something in the way of the last file
    result = run("build", "--names", "{template}", MINI, "--out", out)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "tasks.docx" in lines[0] and "folder" in lines[0], lines
    assert sorted(p.name for p in out.iterdir()) == ["tasks.docx"]  # no other output, no temp files


def test_output_folder_below_a_file_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("build", "--names", "{template}", MINI, "--out", blocker / "out", "--format", "pdf", "-t", "summary")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()  # the folder is made (for its lock) before any file: it is named
    assert len(lines) == 1 and f"cannot write {blocker / 'out'}" in lines[0], lines


def test_a_reference_that_is_not_a_word_file_is_one_line(tmp_path):
    fake = tmp_path / "office.docx"
    fake.write_text("not a word file", encoding="utf-8")
    result = run("build", "--names", "{template}", MINI, "--out", tmp_path / "out", "--reference-docx", fake)
    assert_one_line_error(result, "office.docx", "not a Word .docx file")
    assert not (tmp_path / "out").exists()


def test_a_very_long_title_still_builds(tmp_path):
    from docx import Document

    long_title = "关于印发前江街道2022年下半年重点工作任务分解表的通知" * 12
    data = write(tmp_path, "long.yaml", mini_text().replace("title: 示例街道2022年上半年工作总结和下半年工作思路", f"title: {long_title}"))
    result = run("build", "--names", "{template}", data, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    props = Document(str(tmp_path / "out" / "tasks.docx")).core_properties
    assert props.subject == long_title[:255]


def test_thin_or_placeholder_data_warns_and_strict_refuses(tmp_path):
    text = mini_text()
    text = text[: text.index("indicators:")] + "indicators: []\n" + text[text.index("tally:"):]
    text = text.replace("lead: 经济发展办公室, due: 2022年10月底前", "lead: 待定, due: 2022年10月底前")
    text = text.replace("  - {name: 党政办公室, short: 党政办}", "  - {name: 党政办公室, short: 党政办}\n  - {name: 待定}")
    data = write(tmp_path, "thin.yaml", text)
    result = run("build", "--names", "{template}", data, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    warnings = [l for l in result.stderr.splitlines() if l.startswith("warning:")]
    assert any("summary" in w and "no indicators" in w for w in warnings), warnings
    assert any("tasks" in w and "1 of 2 tasks" in w and "待定" in w for w in warnings), warnings
    strict = run("build", "--names", "{template}", data, "--out", tmp_path / "strict", "--strict")
    assert strict.exit_code == 2
    assert len(strict.stderr.strip().splitlines()) == 2
    assert not (tmp_path / "strict").exists()


def test_init_folder_builds_without_arguments_and_options_beat_its_config(tmp_path, monkeypatch):
    folder = tmp_path / "会议材料"
    result = run("init", folder)
    assert result.exit_code == 0, result.output
    assert (folder / "briefgen.toml").is_file() and (folder / "data" / "指标.xlsx").is_file()
    monkeypatch.chdir(folder)
    built = run("build", "--names", "{template}")
    assert built.exit_code == 0, built.output
    assert sorted(p.name for p in (folder / "out").iterdir()) == ["manifest.json", "summary.docx", "summary.pdf", "tasks.docx", "tasks.pdf"]
    config = folder / "briefgen.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('formats = ["docx", "pdf"]', 'formats = ["pdf"]'), encoding="utf-8")
    only_pdf = run("build", "--names", "{template}", "--out", folder / "pdf-only")
    assert only_pdf.exit_code == 0, only_pdf.output
    assert sorted(p.name for p in (folder / "pdf-only").iterdir()) == ["manifest.json", "summary.pdf", "tasks.pdf"]
    both = run("build", "--names", "{template}", "--out", folder / "both", "--format", "docx,pdf")
    assert both.exit_code == 0 and len(list((folder / "both").iterdir())) == 5
    again = run("init", folder)
    assert again.exit_code == 2 and "briefgen.toml" in again.stderr
    listing = {line.split()[0]: line for line in run("templates").output.splitlines()}
    assert str(folder / "templates" / "summary.xml.j2") in listing["summary"]  # the folder's copy overrides
    assert "[" not in listing["tasks"]  # the built-in one


def test_validate_lists_every_problem_across_files(tmp_path):
    bad = write(tmp_path, "bad.yaml", mini_text().replace("value: 31.3", "value: abc").replace("  issuer: 示例街道\n", ""))
    csv = tmp_path / "指标.csv"
    csv.write_text("指标名称,单位,完成值,同比增长(%)\n规上工业增加值,亿元,31.3,九点五\n", encoding="utf-8")
    result = run("validate", bad, csv)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, lines
    assert sum("bad.yaml" in l for l in lines) == 2 and any("指标.csv" in l and "九点五" in l for l in lines)
    ok = run("validate", MINI)
    assert ok.exit_code == 0 and "no problems" in ok.output


@pytest.mark.parametrize("name, hint", [("report.txt", "briefgen extract"), ("指标.xlsx", "--indicators")])
def test_building_from_the_wrong_kind_of_file_says_what_to_do(tmp_path, name, hint):
    path = tmp_path / name
    path.write_bytes(b"x")
    result = run("build", "--names", "{template}", path, "--out", tmp_path / "out")
    assert_one_line_error(result, name, hint)


def test_summary_shows_a_figure_as_written_when_the_wording_says_more(tmp_path):
    from readback import pdf_lines

    text = mini_text().replace("{name: 实际利用外资, value: 4050,", "{name: 实际利用外资, value: 4050, value_text: 4050余,")
    data = write(tmp_path, "about.yaml", text)
    result = run("build", "--names", "{template}", data, "--out", tmp_path / "out", "-t", "summary", "--format", "pdf")
    assert result.exit_code == 0, result.output
    assert any(l.startswith("2 实际利用外资 4050余 万美元") for l in pdf_lines(tmp_path / "out" / "summary.pdf"))


def test_invalid_markup_names_the_template_line_that_made_it(tmp_path):
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "bad.xml.j2").write_text(
        '<document title="x">\n  <title>{{ report.report.title }}</title>\n{% for i in report.indicators %}\n'
        "  <p>{{ i.name }}<b>{{ i.value }}</p>\n{% endfor %}\n</document>\n",
        encoding="utf-8",
    )
    result = run("build", "--names", "{template}", MINI, "--out", tmp_path / "out", "--templates-dir", tdir, "-t", "bad")
    assert_one_line_error(result, "bad.xml.j2:4:", "</p> here closes <b> (opened at line 4)", "add </b> before it")


def test_doubtful_values_are_warned_about_where_they_stand(tmp_path):
    text = mini_text().replace("due: 2022年10月底前", "due: 2022年6月底前")
    text = text.replace("{name: 实际利用外资, value: 4050,", "{name: 规上工业增加值, value: 4050,")
    data = write(tmp_path, "doubt.yaml", text)
    result = run("build", "--names", "{template}", data, "--out", tmp_path / "out", "--format", "pdf")
    assert result.exit_code == 0, result.output
    warnings = [l for l in result.stderr.splitlines() if l.startswith("warning:")]
    due_line = line_of(text, "2022年6月底前")
    assert any(f"doubt.yaml:{due_line}:" in w and "tasks[2].due" in w and "before the report's date" in w for w in warnings), warnings
    assert any("indicators[2].name" in w and "listed twice" in w for w in warnings), warnings
    checked = run("validate", data)
    assert checked.exit_code == 0 and "2 warnings to check" in checked.output
    assert run("build", "--names", "{template}", data, "--out", tmp_path / "strict", "--strict").exit_code == 2


def test_a_data_file_saved_as_gbk_by_notepad_still_reads(tmp_path):
    data = tmp_path / "gbk.yaml"
    data.write_bytes(mini_text().encode("gb18030"))
    result = run("build", "--names", "{template}", data, "--out", tmp_path / "out", "-t", "summary", "--format", "pdf")
    assert result.exit_code == 0, result.output
    from readback import pdf_text

    assert "规上工业增加值" in pdf_text(tmp_path / "out" / "summary.pdf")
    garbage = tmp_path / "bin.yaml"
    garbage.write_bytes(b"report:\n  title: \xff\xfe\xff\n")
    assert_one_line_error(run("build", "--names", "{template}", garbage, "--out", tmp_path / "o2"), "bin.yaml", "UTF-8")


def test_impossible_dates_and_repeated_keys_are_one_line_each(tmp_path):
    text = mini_text().replace("date: 2022-07-29", "date: 2022-13-45").replace("due: 年内}", "due: 2022-02-30}")
    text = text.replace("  period: 2022年1—6月\n", "  period: 2022年1—6月\n  period: 上半年\n")
    data = write(tmp_path, "dates.yaml", text)
    result = run("validate", data)
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert any(f"dates.yaml:{line_of(text, 'period: 上半年')}:3: report.period: given twice" in l for l in lines), lines
    data2 = write(tmp_path, "dates2.yaml", text.replace("  period: 上半年\n", ""))
    lines = run("build", "--names", "{template}", data2, "--out", tmp_path / "out").stderr.strip().splitlines()
    assert any("report.date" in l and "month 13 does not exist" in l for l in lines), lines
    assert any("due" in l and "day 30 does not exist" in l for l in lines), lines
    assert not (tmp_path / "out").exists()


def test_extract_does_not_overwrite_without_force(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("# 手工核对过的数据\n", encoding="utf-8")
    seed = ROOT_DIR / "tests" / "fixtures" / "qianjiang-2022-h1-report.txt"
    result = run("extract", seed, "-o", mine)
    assert_one_line_error(result, "mine.yaml", "--force")
    assert mine.read_text(encoding="utf-8") == "# 手工核对过的数据\n"
    assert run("extract", seed, "-o", mine, "--force").exit_code == 0
    assert "report:" in mine.read_text(encoding="utf-8")


def test_a_template_saved_in_gbk_builds(tmp_path):
    tdir = tmp_path / "t"
    tdir.mkdir()
    (tdir / "gbk.xml.j2").write_bytes('{#- briefgen\ndescription: 国标码模板\n-#}\n<document title="x"><p>中文模板{{ report.report.issuer }}</p></document>\n'.encode("gbk"))
    result = run("build", MINI, "-o", tmp_path / "g.pdf", "--templates-dir", tdir, "-t", "gbk")
    assert result.exit_code == 0, result.output
    from readback import pdf_text

    assert "中文模板" in pdf_text(tmp_path / "g.pdf")
    listing = run("templates", "--templates-dir", tdir)
    assert "国标码模板" in listing.output
