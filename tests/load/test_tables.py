"""Indicator and task tables (.xlsx, .csv) -> data with cell locations (briefgen.load.tables, briefgen.load.assemble).

Every workbook here is written with openpyxl and every CSV with the encoding Excel uses, as staff's files are.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from briefgen.errors import DataError, Location
from briefgen.load.assemble import load_report_data, validate_files
from briefgen.load import load_file
from briefgen.load.tables import load_indicators, load_tasks
from briefgen.model.report import Indicator, Task
from briefgen.model.validate import doubts, validate

FIXTURES = Path(__file__).parents[1] / "fixtures" / "tables"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """Work in a fresh folder, so that messages name files as a user in that folder sees them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def workbook(rows, merges=(), title="Sheet1"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    return wb, ws


def save(wb, name):
    wb.save(name)
    return Path(name)


# ---------------------------------------------------------------------------------------------------------------
# Tasks

TASK_ROWS = [
    ["前江街道2022年下半年重点工作任务分解表", None, None, None, None],
    [None, None, None, None, None],
    ["序号", "工作任务", "责任单位", "完成时限", "备注"],
    ["（一）加强稳链复链，经济恢复中抢占先机", None, None, None, None],
    [1, "加快优势产业复工提产。借势上海经济此轮恢复契机。确保工业运行在合理区间。", "经济发展办公室、财政办公室", "年内", None],
    [2, "加快助企纾困政策落实", "经济发展办公室、财政办公室，便民服务中心", "2022年10月底前", None],
    [None, None, None, None, None],
    ["二、提升民生保障，打造幸福前江新生活", None, None, None, None],
    [3, "营造稳定环境。常态化开展疫情防控。", "平安建设办公室", "12月底前", "重点"],
    ["注：责任单位中第一个为牵头单位。", None, None, None, None],
]
TASK_MERGES = ("A1:E1", "A4:E4", "A8:E8", "A10:E10")


def task_workbook(name="任务.xlsx", rows=TASK_ROWS, merges=TASK_MERGES):
    wb, _ = workbook(rows, merges)
    return save(wb, name)


def test_task_workbook_sections_tasks_leads_and_deadlines():
    sections, sources = load_tasks(task_workbook(), year=2022)

    assert [s["title"] for s in sections] == ["加强稳链复链，经济恢复中抢占先机", "提升民生保障，打造幸福前江新生活"]
    first, second = sections[0]["tasks"]
    assert first["id"] == "1"
    assert first["title"] == "加快优势产业复工提产"
    assert first["detail"] == "借势上海经济此轮恢复契机。确保工业运行在合理区间。"
    assert first["lead"] == "经济发展办公室" and first["support"] == ["财政办公室"]
    assert (first["due"], first["due_text"]) == (date(2022, 12, 31), "年内")
    assert second["title"] == "加快助企纾困政策落实" and "detail" not in second
    assert second["lead"] == "经济发展办公室" and second["support"] == ["财政办公室", "便民服务中心"]
    assert (second["due"], second["due_text"]) == (date(2022, 10, 31), "2022年10月底前")
    (third,) = sections[1]["tasks"]
    assert (third["title"], third["detail"], third["lead"], third["support"]) == ("营造稳定环境", "常态化开展疫情防控。", "平安建设办公室", [])
    assert (third["due"], third["due_text"]) == (date(2022, 12, 31), "12月底前")

    # Every value points at its cell; the section at its merged title row.
    at = lambda *path: str(sources.locate(("plan", "sections") + path))  # noqa: E731
    assert at(0) == "任务.xlsx:Sheet1!A4"
    assert at(1, "title") == "任务.xlsx:Sheet1!A8"
    assert at(0, "tasks", 1, "lead") == "任务.xlsx:Sheet1!C6"
    assert at(0, "tasks", 1, "due") == "任务.xlsx:Sheet1!D6"
    assert at(1, "tasks", 0, "title") == "任务.xlsx:Sheet1!B9"

    # And the whole lot is valid model data.
    tasks = [Task.model_validate(t) for s in sections for t in s["tasks"]]
    assert [t.due_display for t in tasks] == ["年内", "2022年10月底前", "12月底前"]


def test_merged_section_column_and_separate_lead_and_support_columns():
    rows = [
        ["所属板块", "序号", "任务名称", "具体内容", "牵头单位", "配合单位", "完成时间"],
        ["一、经济发展", 1, "加快优势产业复工提产", "提升产能利用水平。", "经济发展办公室", "财政办公室", "2022-12-31"],
        [None, 2, "加快重点项目落地扩量", "形成投资放量。", "经济发展办公室", "姚江新城前江片区指挥部、财政办公室", "11月底前"],
        ["二、民生保障", 3, "营造稳定环境", None, "平安建设办公室", None, "年内"],
    ]
    wb, ws = workbook(rows, ["A2:A3"])
    ws["G2"].value = date(2022, 12, 31)  # a deadline typed as a date
    sections, sources = load_tasks(save(wb, "任务.xlsx"), year=2022)
    assert [s["title"] for s in sections] == ["经济发展", "民生保障"]
    t1, t2 = sections[0]["tasks"]
    assert (t1["title"], t1["detail"], t1["support"], t1["due"]) == ("加快优势产业复工提产", "提升产能利用水平。", ["财政办公室"], date(2022, 12, 31))
    assert "due_text" not in t1
    assert t2["support"] == ["姚江新城前江片区指挥部", "财政办公室"] and t2["due"] == date(2022, 11, 30)
    assert str(sources.locate(("plan", "sections", 0, "tasks", 1, "support"))) == "任务.xlsx:Sheet1!F3"
    assert str(sources.locate(("plan", "sections", 0))) == "任务.xlsx:Sheet1!A2"


def test_a_users_column_mapping_overrides_the_headings():
    rows = [["编号", "事项", "主办", "协办单位", "期限"], [1, "做优城市管理。巩固垃圾分类成果。", "城市建设管理办公室", "综合行政执法中队", "年内"]]
    wb, _ = workbook(rows)
    path = save(wb, "任务.xlsx")
    with pytest.raises(DataError, match="no heading row found"):
        load_tasks(path, year=2022)
    sections, _ = load_tasks(path, year=2022, columns={"工作任务": "事项", "牵头单位": "主办", "完成时限": "期限"})
    (task,) = sections[0]["tasks"]
    assert (task["title"], task["lead"], task["support"], task["due_text"]) == ("做优城市管理", "城市建设管理办公室", ["综合行政执法中队"], "年内")
    assert sections[0]["title"] == ""  # no section rows: one untitled section


def test_a_mapping_to_a_heading_the_sheet_lacks_is_reported():
    wb, _ = workbook([["序号", "工作任务", "牵头单位", "完成时限"], [1, "营造稳定环境", "平安建设办公室", "年内"]])
    with pytest.raises(DataError) as err:
        load_tasks(save(wb, "任务.xlsx"), columns={"配合单位": "协同科室", "不存在": "x"})
    lines = err.value.lines()
    assert any(line.startswith("任务.xlsx: columns.配合单位: no column headed \"协同科室\"") for line in lines)
    assert any(line.startswith("任务.xlsx: columns.不存在: not a heading briefgen knows") for line in lines)


def test_a_bad_deadline_names_its_cell_and_column():
    rows = [r[:] for r in TASK_ROWS]
    rows[4][3] = "尽快"
    with pytest.raises(DataError) as err:
        load_tasks(task_workbook(rows=rows), year=2022)
    assert err.value.lines() == ['任务.xlsx:Sheet1!D5: 完成时限: "尽快" is not a deadline; write a date such as 2022-10-31, 10月底前 or 年内']


def test_model_validation_after_a_table_load_names_the_cell():
    rows = [
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["（一）加强稳链复链", None, None, None, None],
        [1, "加快优势产业复工提产。提升产能。", "经济发展办公室", "财政办公室", "年内"],
        ["（二）提升民生保障", None, None, None, None],
        [2, "营造稳定环境。常态化开展疫情防控。", None, "平安建设办公室", "年内"],
    ]
    wb, _ = workbook(rows, ["A2:E2", "A4:E4"])
    data, sources = load_file(save(wb, "任务.xlsx"))
    data["report"] = {"title": "t", "issuer": "前江街道", "date": date(2022, 7, 29), "period": "2022年1—6月"}
    with pytest.raises(DataError) as err:
        validate(data, sources)
    assert err.value.lines() == ['任务.xlsx:Sheet1!C5: plan.sections[2].tasks[1].lead (task "营造稳定环境"): this field is required but missing']


def test_a_table_alone_loads_without_a_report():
    data, sources = load_file(task_workbook())
    assert set(data) == {"plan", "titles"} and data["titles"]["tasks"].endswith("重点工作任务分解表") and len(data["plan"]["sections"]) == 2
    with pytest.raises(DataError) as err:
        validate(data, sources)
    assert err.value.lines() == ["任务.xlsx: report: this field is required but missing"]


# ---------------------------------------------------------------------------------------------------------------
# Indicators

INDICATOR_ROWS = [
    ["前江街道2022年1—6月主要经济指标完成情况", None, None, None, None],
    [None, None, None, None, "单位：亿元"],
    [None, None, None, None, None],
    ["序号", "指标名称", "完成值", "同比增长(%)", "备注"],
    [1, "规上工业增加值", 31.3, "9.5%", "预计"],
    [2, "限上社会消费品零售总额", "７.９", "下降0.2%", None],
    [3, "固定资产投资", 5.8, "九点五", None],
    [4, "实际利用外资（万美元）", "4,050", "−0.2", "提前完成全年目标"],
]


def indicator_workbook(rows=INDICATOR_ROWS, name="指标.xlsx"):
    wb, _ = workbook(rows, ["A1:E1"])
    return save(wb, name)


def test_a_bad_growth_cell_is_reported_with_its_cell_and_heading():
    path = indicator_workbook()
    with pytest.raises(DataError) as err:
        load_indicators(path)
    assert err.value.lines() == ['指标.xlsx:Sheet1!D7: 同比增长: "九点五" is not a number; write 9.5']


def test_every_bad_cell_is_reported_at_once():
    rows = [r[:] for r in INDICATOR_ROWS]
    rows[5][2] = "三十"
    rows[7][3] = "高"
    with pytest.raises(DataError) as err:
        load_indicators(indicator_workbook(rows))
    assert err.value.lines() == [
        '指标.xlsx:Sheet1!C6: 完成值: "三十" is not a number; write 30',
        '指标.xlsx:Sheet1!D7: 同比增长: "九点五" is not a number; write 9.5',
        '指标.xlsx:Sheet1!D8: 同比增长: "高" is not a number',
    ]


def test_indicator_values_units_and_growth():
    rows = [r[:] for r in INDICATOR_ROWS]
    rows[6][3] = 49.5
    items, sources = load_indicators(indicator_workbook(rows))
    assert [i["name"] for i in items] == ["规上工业增加值", "限上社会消费品零售总额", "固定资产投资", "实际利用外资"]
    assert [i["unit"] for i in items] == ["亿元", "亿元", "亿元", "万美元"]  # the caption, unless the name says otherwise
    assert [i["value"] for i in items] == [Decimal("31.3"), Decimal("7.9"), Decimal("5.8"), Decimal("4050")]
    assert [i["yoy"] for i in items] == [Decimal("9.5"), Decimal("-0.2"), Decimal("49.5"), Decimal("-0.2")]
    assert items[1]["yoy_text"] == "下降0.2%" and items[1]["value_text"] == "７.９"
    assert items[3]["value_text"] == "4,050"
    assert items[0]["estimate"] is True and items[0]["note"] == "预计"  # 备注 "预计" marks an estimate
    assert str(sources.locate(("indicators", 2, "yoy"))) == "指标.xlsx:Sheet1!D7"
    assert str(sources.locate(("indicators", 3, "value"))) == "指标.xlsx:Sheet1!C8"
    models = [Indicator.model_validate(i) for i in items]
    assert models[3].value == 4050 and models[1].yoy == Decimal("-0.2")


def test_indicator_headings_with_units_percent_cells_lights_and_a_grouped_heading():
    rows = [
        ["序号", "指标", "1-6月", None, "目标值", "完成年度目标进度", "排名", "亮灯", "是否预计"],
        [None, None, "累计(亿元)", "同比增长（%）", None, None, None, None, None],
        [1, "规上工业增加值", 31.3, 0.095, 60, "完成年度目标的52.2%", "全区第一", "绿", "是"],
        [2, "固定资产投资", "5.8亿元", -0.002, "12", 0.483, 3, None, "否"],
        [3, "全区生产总值(万元)", 1200, "", None, None, None, "红灯", None],
    ]
    wb, ws = workbook(rows, ["C1:D1", "A1:A2", "B1:B2", "E1:E2", "F1:F2", "G1:G2", "H1:H2", "I1:I2"])
    ws["D3"].number_format = ws["D4"].number_format = "0.0%"
    ws["F4"].number_format = "0.0%"
    ws["H4"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFFFC000")  # a light shown only as a colour
    items, sources = load_indicators(save(wb, "指标.xlsx"))
    a, b, c = items
    assert (a["value"], a["unit"], a["yoy"], a["yoy_text"]) == (Decimal("31.3"), "亿元", Decimal("9.5"), "9.5%")
    assert (a["target"], a["progress"], a["rank"], a["light"], a["estimate"]) == (Decimal(60), Decimal("52.2"), "全区第一", "green", True)
    assert (b["value"], b["yoy"], b["progress"], b["rank"], b["light"], b["estimate"]) == (Decimal("5.8"), Decimal("-0.2"), Decimal("48.3"), "3", "yellow", False)
    assert (c["name"], c["unit"], c["light"]) == ("全区生产总值", "亿元", "red")  # the heading's unit wins over the name's
    assert "yoy" not in c
    assert str(sources.locate(("indicators", 0, "progress"))) == "指标.xlsx:Sheet1!F3"


def test_a_formula_without_a_saved_result_is_explained():
    rows = [["指标名称", "完成值", "同比增长"], ["规上工业增加值", "=20+11.3", 9.5]]
    wb, _ = workbook(rows)
    with pytest.raises(DataError) as err:
        load_indicators(save(wb, "指标.xlsx"))
    assert err.value.lines() == ["指标.xlsx:Sheet1!B2: 完成值: the formula =20+11.3 has no saved result; open the file in Excel or WPS and save it"]


def test_a_sheet_without_a_heading_row_gives_one_problem():
    wb, _ = workbook([["前江街道2022年工作"], ["一些说明文字"], [1, 2, 3]])
    with pytest.raises(DataError) as err:
        load_indicators(save(wb, "指标.xlsx"))
    (line,) = err.value.lines()
    assert line.startswith("指标.xlsx: no heading row found in sheet Sheet1; expected the headings of an indicator table (")
    assert "指标名称" in line and "同比增长(%)" in line


def test_a_workbook_with_both_tables_gives_both():
    rows = [r[:] for r in INDICATOR_ROWS]
    rows[6][3] = 49.5
    wb, ws = workbook(rows, ["A1:E1"], title="指标")
    tasks = wb.create_sheet("任务")
    for row in TASK_ROWS:
        tasks.append(row)
    tasks.merge_cells("A4:E4")
    data, sources = load_file(save(wb, "材料.xlsx"))
    assert set(data) == {"indicators", "plan", "titles"}
    assert str(sources.locate(("plan", "sections", 0, "tasks", 0, "due"))) == "材料.xlsx:任务!D5"
    assert str(sources.locate(("indicators", 2, "yoy"))) == "材料.xlsx:指标!D7"


def test_a_missing_sheet_is_named():
    path = indicator_workbook()
    with pytest.raises(DataError, match='no sheet named "二季度"; the workbook has: Sheet1'):
        load_indicators(path, sheet="二季度")


# ---------------------------------------------------------------------------------------------------------------
# CSV

CSV_TEXT = (
    "前江街道2022年下半年重点工作任务分解表,,,,\n"
    "序号,工作任务,牵头单位,配合单位,完成时限\n"
    "（一）加强稳链复链，经济恢复中抢占先机,,,,\n"
    "1,加快优势产业复工提产。借势上海经济恢复契机。,经济发展办公室,财政办公室,年内\n"
    "2,\"加快助企纾困政策落实。深入企业经营一线，解决好个性问题。\",经济发展办公室,\"财政办公室、便民服务中心\",2022年10月底前\n"
    ",,,,\n"
    "（二）提升民生保障,,,,\n"
    "3,营造稳定环境,平安建设办公室,,12月底前\n"
)


def test_gb18030_and_utf8_bom_csv_load_the_same():
    Path("任务-gbk.csv").write_bytes(CSV_TEXT.encode("gb18030"))
    Path("任务-utf8.csv").write_bytes(CSV_TEXT.encode("utf-8-sig"))
    gbk, gbk_sources = load_tasks("任务-gbk.csv", year=2022)
    utf8, utf8_sources = load_tasks("任务-utf8.csv", year=2022)
    assert gbk == utf8
    assert [s["title"] for s in gbk] == ["加强稳链复链，经济恢复中抢占先机", "提升民生保障"]
    assert gbk[0]["tasks"][1]["detail"] == "深入企业经营一线，解决好个性问题。"
    assert gbk[0]["tasks"][1]["support"] == ["财政办公室", "便民服务中心"]
    assert gbk[1]["tasks"][0]["due"] == date(2022, 12, 31)
    # A CSV cell is named as Excel shows it, without a sheet.
    assert str(gbk_sources.locate(("plan", "sections", 0, "tasks", 1, "lead"))) == "任务-gbk.csv:C5"
    assert str(utf8_sources.locate(("plan", "sections", 0, "tasks", 1, "lead"))) == "任务-utf8.csv:C5"


def test_a_csv_without_bom_and_a_tab_separated_file_load_too():
    Path("a.csv").write_bytes(CSV_TEXT.encode("utf-8"))
    Path("b.csv").write_bytes(CSV_TEXT.replace(",", "\t").encode("utf-16"))  # Excel's "Unicode text"
    assert load_tasks("a.csv", year=2022)[0] == load_tasks("b.csv", year=2022)[0]


# ---------------------------------------------------------------------------------------------------------------
# Combining inputs, validating files


def write_report(tmp: Path, sources: str = "") -> Path:
    text = (FIXTURES / "report.yaml").read_text(encoding="utf-8")
    path = tmp / "report.yaml"
    path.write_text(text + sources, encoding="utf-8")
    return path


def test_tables_named_in_the_data_file_replace_its_indicators_and_tasks(in_tmp):
    (in_tmp / "tables").mkdir()
    rows = [r[:] for r in INDICATOR_ROWS]
    rows[6][3] = 49.5
    indicator_workbook(rows, name="tables/指标.xlsx")
    task_workbook(name="tables/任务.xlsx")
    data_path = write_report(in_tmp, "\nsources:\n  indicators: tables/指标.xlsx\n  tasks: {file: tables/任务.xlsx, sheet: Sheet1}\n")
    data, sources = load_report_data(data_path)
    report = validate(data, sources)
    assert [i.name for i in report.indicators][:2] == ["规上工业增加值", "限上社会消费品零售总额"]
    assert len(report.plan.tasks) == 3 and report.plan.tasks[2].due_text == "12月底前"
    assert report.plan.intro == "下半年，我们将重点做好以下工作："  # the data file's plan.intro stays
    assert report.plan.sections[0].intro == "紧紧抓住稳住经济大盘全国主旋律。"  # a section of the same title keeps its intro
    # every value points at its own file
    assert str(sources.locate(("indicators", 2, "yoy"))) == "tables/指标.xlsx:Sheet1!D7"
    assert str(sources.locate(("plan", "sections", 0, "tasks", 1, "lead"))) == "tables/任务.xlsx:Sheet1!C6"
    assert str(sources.locate(("plan", "intro"))) == "report.yaml:20:10"
    assert str(sources.locate(("report", "issuer"))) == "report.yaml:4:11"


def test_tables_on_the_command_line_win_and_model_errors_name_their_cells(in_tmp):
    rows = [r[:] for r in TASK_ROWS]
    rows[8][2] = "平安办、应急办"  # not in the departments list
    tasks = task_workbook(rows=rows)
    data_path = write_report(in_tmp, "\nsources:\n  tasks: nowhere.xlsx\n")
    data, sources = load_report_data(data_path, tasks=tasks)
    # issue 10: a unit the departments list lacks is taken as a department, with a warning at its cell
    report = validate(data, sources)
    warnings = [str(p) for p in doubts(report, sources)]
    assert [w.split(" is not in")[0] for w in warnings if "departments list" in w] == [
        '任务.xlsx:Sheet1!C9: plan.sections[2].tasks[1].lead (task "营造稳定环境"): "平安办"',
        '任务.xlsx:Sheet1!C9: plan.sections[2].tasks[1].support (task "营造稳定环境"): "应急办"',
    ]


def test_a_missing_table_is_named_where_the_data_file_names_it(in_tmp):
    data_path = write_report(in_tmp, "\nsources:\n  indicators: 指标.xlsx\n  colums: {}\n")
    with pytest.raises(DataError) as err:
        load_report_data(data_path)
    assert err.value.lines() == ["report.yaml:50:11: sources.colums: unknown key; did you mean columns? (keys here: indicators, tasks, columns)", "指标.xlsx: file not found; check the path"]


def test_validate_files_reports_every_problem_at_once(in_tmp):
    rows = [r[:] for r in INDICATOR_ROWS]
    rows[5][2] = None  # no value
    indicator_workbook(rows)
    bad_tasks = CSV_TEXT.replace("2022年10月底前", "下周").replace("平安建设办公室,,12月底前", ",,12月底前")
    Path("任务.csv").write_bytes(bad_tasks.encode("gb18030"))
    yaml_path = write_report(in_tmp)
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("value: 31.3", "value: 三十一"), encoding="utf-8")
    problems = validate_files(["指标.xlsx", "任务.csv", "report.yaml", "nothing.xlsx"])
    assert [str(p) for p in problems] == [
        '指标.xlsx:Sheet1!D7: 同比增长: "九点五" is not a number; write 9.5',
        '指标.xlsx:Sheet1!C6: indicators[2].value (indicator "限上社会消费品零售总额"): this field is required but missing',
        '任务.csv:E5: 完成时限: "下周" is not a deadline; write a date such as 2022-10-31, 10月底前 or 年内',
        '任务.csv:C8: plan.sections[2].tasks[1].lead (task "营造稳定环境"): this field is required but missing',
        'report.yaml:10:12: indicators[1].value (indicator "规上工业增加值"): "三十一" is not a number; write 31',
        "nothing.xlsx: file not found; check the path",
    ]
    assert validate_files([FIXTURES / "report.yaml"]) == []


def test_the_fixture_report_is_valid():
    data, sources = load_report_data(FIXTURES / "report.yaml")
    report = validate(data, sources)
    assert len(report.plan.tasks) == 3 and report.indicators[0].value == Decimal("31.3")
    assert Location  # imported for the reader: locations are errors.Location


def test_group_rows_and_a_unit_caption_between_blocks():
    rows = [
        ["序号", "指标名称", "单位", "完成值", "同比增长"],
        ["一、工业经济", None, None, None, None],
        [1, "规上工业增加值", None, 31.3, 9.5],
        ["单位：万美元", None, None, None, None],
        [2, "实际利用外资", None, 4050, None],
        [3, "新注册企业", "家", 14, "—"],
    ]
    wb, _ = workbook(rows, ["A2:E2"])
    items, _ = load_indicators(save(wb, "指标.xlsx"))
    assert [(i["name"], i["unit"]) for i in items] == [("规上工业增加值", ""), ("实际利用外资", "万美元"), ("新注册企业", "家")]
    assert "yoy" not in items[2]  # a dash means no figure


@pytest.mark.parametrize("name, content, message", [
    ("指标.xls", b"\xd0\xcf\x11\xe0", "cannot read .xls workbooks; open it in Excel or WPS and save as .xlsx"),
    ("指标.xlsx", b"not a zip", "not an .xlsx workbook (BadZipFile); save it again as .xlsx"),
    ("指标.txt.gz", b"", "cannot read .gz as a table; use .xlsx or .csv"),
])
def test_files_that_are_not_tables(name, content, message):
    Path(name).write_bytes(content)
    with pytest.raises(DataError) as err:
        load_indicators(name)
    assert err.value.lines() == [f"{name}: {message}"]


@pytest.mark.parametrize("where", ["name", "id"])
def test_a_totals_row_is_skipped(where):
    rows = [["序号", "指标名称", "单位", "完成值", "同比增长(%)"],
            [1, "规上工业增加值", "亿元", 31.3, 9.5],
            [2, "固定资产投资", "亿元", 5.8, 2.1],
            [None, "合  计", None, 37.1, None] if where == "name" else ["总计", None, None, 37.1, None],
            [3, "实际利用外资", "万美元", 4050, None],
            ["小计", None, None, 4050, None]]
    wb, _ = workbook(rows)
    items, _ = load_indicators(save(wb, "指标.xlsx"))
    assert [i["name"] for i in items] == ["规上工业增加值", "固定资产投资", "实际利用外资"]


def test_excel_month_only_dates_and_year_month_numbers_are_month_ends():
    rows = [["序号", "工作任务", "牵头单位", "完成时限"],
            [1, "甲", "经发办", date(2022, 12, 1)],
            [2, "乙", "经发办", 2022.1],
            [3, "丙", "经发办", 2022.12],
            [4, "丁", "经发办", date(2022, 9, 1)]]
    wb, ws = workbook(rows)
    ws["D2"].number_format = "yyyy/m"  # what Excel makes of a typed 2022/12
    ws["D3"].number_format = "0.00"  # a typed 2022.10 shown with its zero
    ws["D5"].number_format = "yyyy-mm-dd"
    sections, _ = load_tasks(save(wb, "任务.xlsx"), year=2022)
    assert [t["due"] for t in sections[0]["tasks"]] == [date(2022, 12, 31), date(2022, 10, 31), date(2022, 12, 31),
                                                        date(2022, 9, 1)]


def test_a_totals_row_in_a_task_table_is_skipped(tmp_path):
    from briefgen.load.tables import load_tasks

    path = tmp_path / "任务.csv"
    path.write_text(
        "序号,工作任务,牵头单位,配合单位,完成时限\r\n\r\n"
        "1,加快优势产业复工提产。借势恢复契机,经济发展办公室,财政办公室,年内\r\n\r\n"
        "合计,共1项,,,\r\n",
        encoding="utf-8-sig",
    )
    sections, _ = load_tasks(path, year=2022)
    tasks = [t for s in sections for t in s["tasks"]]
    assert [t["title"] for t in tasks] == ["加快优势产业复工提产"]


def test_a_task_table_without_a_lead_column_is_one_line(tmp_path):
    from briefgen.errors import DataError
    from briefgen.load.tables import load_tasks

    path = tmp_path / "任务.csv"
    path.write_text(
        "序号,工作任务,主办科室,配合单位,完成时限\n"
        "1,加快优势产业复工提产。借势恢复契机,经济发展办公室,财政办公室,年内\n"
        "2,加快重点项目落地扩量。加快节奏,经济发展办公室,,年内\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_tasks(path, year=2022)
    lines = info.value.lines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("任务.csv:A1: 牵头单位:") and "[columns]" in lines[0], lines[0]
