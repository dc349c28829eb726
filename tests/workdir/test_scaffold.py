"""`briefgen init` (briefgen.workdir.scaffold): the working folder, its Excel samples and briefgen.toml."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from briefgen.errors import BriefgenError, DataError
from briefgen.load.assemble import load_report_data
from briefgen.load.tables import load_indicators, load_tasks
from briefgen.model.validate import validate
from briefgen.workdir.scaffold import init_folder
from briefgen.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "tables" / "report.yaml"
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "builtin"
    folder.mkdir()
    (folder / "a-first.xml.j2").write_text("<document/>", encoding="utf-8")
    (folder / "summary.xml.j2").write_text("<document>summary</document>", encoding="utf-8")
    return folder


def test_init_creates_the_working_folder(tmp_path, templates):
    dest = tmp_path / "work"
    created = init_folder(dest, FIXTURE, templates)
    names = sorted(p.relative_to(dest).as_posix() for p in created)
    assert names == ["briefgen.toml", "data/report.yaml", "data/任务.xlsx", "data/指标.xlsx", "templates/summary.xml.j2"]
    assert all(p.is_file() for p in created)
    assert (dest / "data" / "report.yaml").read_bytes() == FIXTURE.read_bytes()
    assert (dest / "templates" / "summary.xml.j2").read_text(encoding="utf-8") == "<document>summary</document>"
    toml = (dest / "briefgen.toml").read_text(encoding="utf-8")
    assert "报告数据" in toml and "The report data" in toml  # explained in Chinese and English

    config = load_settings(folder=dest)
    assert (config.data, config.indicators, config.tasks) == (dest / "data" / "report.yaml", dest / "data" / "指标.xlsx", dest / "data" / "任务.xlsx")
    assert (config.templates, config.theme, config.out, config.formats, config.columns) == (
        ("summary", "tasks"), "official", dest / "out", ("docx", "pdf"), {})


def test_the_excel_samples_look_like_staffs_tables_and_load_back_to_the_same_report(tmp_path, templates):
    dest = tmp_path / "work"
    init_folder(dest, FIXTURE, templates)
    ws = openpyxl.load_workbook(dest / "data" / "任务.xlsx").active
    merged = sorted(str(r) for r in ws.merged_cells.ranges)
    assert merged == ["A1:E1", "A3:E3", "A6:E6"]  # title row, one row per section
    assert ws["A1"].value == "前江街道2022年下半年重点工作任务分解表"
    assert [c.value for c in ws[2]] == ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    assert ws["A3"].value == "（一）加强稳链复链，经济恢复中抢占先机"
    assert ws["B4"].value == "加快优势产业复工提产。重点加强高端汽车零部件、智能装备制造等核心优势产业提升产能利用水平。"
    ind = openpyxl.load_workbook(dest / "data" / "指标.xlsx").active
    assert [c.value for c in ind[2]] == ["序号", "指标名称", "单位", "完成值", "同比增长(%)", "预计", "备注"]
    assert [c.value for c in ind[3]] == [1, "规上工业增加值", "亿元", 31.3, 9.5, "是", None]

    config = load_settings(folder=dest)
    from_yaml = validate(*load_report_data(config.data))
    from_tables = validate(*load_report_data(config.data, config.indicators, config.tasks))
    assert from_tables.indicators == from_yaml.indicators
    assert from_tables.plan == from_yaml.plan


@pytest.mark.skipif(not SAMPLE.is_file(), reason="the sample data is not in this tree")
def test_init_from_the_sample_data_round_trips(tmp_path):
    dest = tmp_path / "work"
    init_folder(dest, SAMPLE, ROOT / "templates")
    report = validate(*load_report_data(SAMPLE))
    tables = validate(*load_report_data(dest / "data" / "report.yaml", dest / "data" / "指标.xlsx", dest / "data" / "任务.xlsx"))
    assert tables.indicators == report.indicators and tables.plan == report.plan
    assert len(tables.plan.tasks) == len(report.plan.tasks) > 0


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path, templates):
    dest = tmp_path / "work"
    (dest / "data").mkdir(parents=True)
    (dest / "data" / "指标.xlsx").write_bytes(b"mine")
    with pytest.raises(BriefgenError, match=r"data/指标\.xlsx already exists"):
        init_folder(dest, FIXTURE, templates)
    assert (dest / "data" / "指标.xlsx").read_bytes() == b"mine"
    assert sorted(p.name for p in dest.rglob("*")) == ["data", "指标.xlsx"]


def test_init_twice_refuses_the_second_time(tmp_path, templates):
    init_folder(tmp_path / "w", FIXTURE, templates)
    with pytest.raises(BriefgenError, match="briefgen.toml already exists"):
        init_folder(tmp_path / "w", FIXTURE, templates)


def test_the_first_template_is_copied_when_there_is_no_summary(tmp_path):
    folder = tmp_path / "builtin"
    folder.mkdir()
    (folder / "b.xml.j2").write_text("b", encoding="utf-8")
    (folder / "a.xml.j2").write_text("a", encoding="utf-8")
    created = init_folder(tmp_path / "w", FIXTURE, folder)
    assert tmp_path / "w" / "templates" / "a.xml.j2" in created


def test_the_samples_are_byte_identical_each_time(tmp_path, templates):
    init_folder(tmp_path / "one", FIXTURE, templates)
    init_folder(tmp_path / "two", FIXTURE, templates)
    for name in ("指标.xlsx", "任务.xlsx"):
        assert (tmp_path / "one" / "data" / name).read_bytes() == (tmp_path / "two" / "data" / name).read_bytes()


def write_config(folder: Path, text: str) -> None:
    (folder / "briefgen.toml").write_text(text, encoding="utf-8")


def test_config_problems_name_the_key_and_line(tmp_path):
    write_config(tmp_path, 'data = "data/report.yaml"\n\nfromats = ["pdf"]\nformats = ["docx", "odt"]\ntemplates = "summary"\n')
    with pytest.raises(DataError) as err:
        load_settings(folder=tmp_path)
    name = str(tmp_path / "briefgen.toml")
    lines = err.value.lines()
    assert lines[0] == f"{name}:3: fromats: unknown setting; did you mean formats?"
    assert lines[1:] == [
        f"{name}:4: formats: unknown format 'odt'; use docx and/or pdf",
        f'{name}:5: templates: must be the templates to build, e.g. ["summary", "tasks"]',
    ]


def test_config_syntax_error_and_missing_data(tmp_path):
    write_config(tmp_path, 'data = "x.yaml\n')
    with pytest.raises(DataError, match=r"briefgen\.toml:1:\d+: invalid TOML"):
        load_settings(folder=tmp_path)
    write_config(tmp_path, 'data = "r.yaml"\ntheme = "mine.toml"\n[columns]\n"工作任务" = "任务内容"\n')
    config = load_settings(folder=tmp_path)
    assert config.theme == str(tmp_path / "mine.toml") and config.columns == {"工作任务": "任务内容"}
    assert config.tasks is None
    write_config(tmp_path, 'data = "r.yaml"\n[columns]\n"工作任务" = 3\n')
    with pytest.raises(DataError, match=r"columns\.工作任务: must be the heading of your table"):
        load_settings(folder=tmp_path)


def test_command_line_options_win_over_the_folder_settings(tmp_path):
    write_config(tmp_path, 'data = "r.yaml"\ntheme = "handout"\nout = "made"\n')
    config = load_settings({"theme": "official", "out": None}, folder=tmp_path)
    assert config.theme == "official" and config.out == tmp_path / "made" and config.data == tmp_path / "r.yaml"


def test_the_examples_load(tmp_path):
    examples = ROOT / "examples" / "excel-office"
    if not (examples / "指标.xlsx").is_file():
        pytest.skip("examples not generated yet (python examples/make_examples.py)")
    items, _ = load_indicators(examples / "指标.xlsx")
    sections, _ = load_tasks(examples / "任务.xlsx", year=2022)
    assert items[0]["name"] == "规上工业增加值" and len(sections) >= 2


def test_a_control_character_in_a_setting_is_refused_at_its_line(tmp_path):
    """ESC in a mark written in briefgen.toml is named there, not blamed on a template later."""
    from briefgen.errors import DataError
    from briefgen.settings import read_toml

    (tmp_path / "briefgen.toml").write_text('theme = "official"\nmark = "内部\\u001b资料"\n', encoding="utf-8")
    try:
        read_toml(tmp_path)
    except DataError as exc:
        lines = exc.lines()
    else:
        raise AssertionError("a control character in a setting was accepted")
    assert lines == [f"{tmp_path / 'briefgen.toml'}:2: mark: holds the control character U+001B, which no document can show; remove it"]
