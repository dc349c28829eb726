"""`briefgen init`: a working folder to start from, and `briefgen.toml`, the folder's settings.

In: a destination folder, the sample data file, the built-in template folder, and the office's own name, period
and meeting when given (``init_folder(…, office=, period=, meeting=)``: the sample is made the office's own).
Out: ``briefgen.toml`` (commented in Chinese and English), ``data/report.yaml`` (the sample data),
``data/指标.xlsx`` and ``data/任务.xlsx`` (the sample's indicators and tasks as staff keep them in Excel: a merged
title row, a heading row, a merged row per task section), and ``templates/`` with one built-in template to edit.
Nothing is overwritten. ``briefgen.settings`` reads ``briefgen.toml`` back.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import messages as M
from ..atomic import write_atomic
from ..errors import BriefgenError
from ..load.assemble import load_report_data
from ..load.text import decode_text
from ..model.periods import period_end, period_year, plan_period, review_period
from ..model.validate import validate
from ..settings import CONFIG_NAME

INDICATOR_BOOK = "指标.xlsx"
TASK_BOOK = "任务.xlsx"
FORMATS = ("docx", "pdf")

CONFIG_TEMPLATE = """\
# briefgen 工作目录配置 · settings of this briefgen working folder.
# 在本目录运行 `briefgen build` 即按以下设置生成材料；命令行参数优先于这里的设置。
# Run `briefgen build` in this folder to build with these settings; command-line options win over them.
# 路径均相对于本文件所在目录 · Paths are relative to this file's folder.

# 报告数据（YAML 或 JSON）：报告标题、发文单位、日期，以及回顾、工作思路等内容。
# The report data (YAML or JSON): title, issuer, date, the review and the plan.
data = "{data}"

# 指标表（Excel 或 CSV）：给出时，表中指标替换数据文件中的 indicators。不需要时删去本行。
# The indicator table (.xlsx or .csv): when given, its rows replace the data file's indicators. Delete the line if unused.
{indicators}

# 任务分解表（Excel 或 CSV，可选）：给出时，表中任务替换数据文件中 plan 的各板块任务，plan.intro 保留。
# The task table (.xlsx or .csv, optional): when given, its tasks replace the data file's plan sections (plan.intro stays).
{tasks}

# 要生成的模板：summary（主要经济指标完成情况）、tasks（重点工作任务分解表）；templates/ 中的同名文件优先。
# Templates to build: summary (indicator summary), tasks (task-assignment list); a file of the same name in templates/ wins.
templates = ["summary", "tasks"]

# 版式主题：official（党政机关公文格式 GB/T 9704）或 handout（会议材料），也可以是主题文件路径。
# Theme: official (GB/T 9704 official layout) or handout (meeting handout), or the path of a theme file.
theme = "official"

# 输出目录 · Output folder.
out = "out"

# 输出格式：docx、pdf，或两者 · Output formats: docx, pdf, or both.
formats = ["docx", "pdf"]

# 会议材料（briefgen pack）：封面上的会议名称等 · The handout pack (briefgen pack): the meeting on its cover and more.
{pack}

# 表头对照（可选）：表格表头与 briefgen 认得的不同时，写明"我们的表头" = "你的表头"。须放在文件末尾。
# Column headings (optional): when a table's headings differ from the ones briefgen knows, map ours to yours.
# Keep this table at the end of the file.
# [columns]
# "工作任务" = "任务内容"
# "牵头单位" = "主办科室"
"""

# ---------------------------------------------------------------------------------------------------------------
# Excel samples from a Report

_CN_NUMBERS = "一二三四五六七八九十"


def _cn(n: int) -> str:
    """1 -> 一, 12 -> 十二 (section numbers up to 99)."""
    if n <= 10:
        return _CN_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_NUMBERS[tens - 1]) + "十" + (_CN_NUMBERS[ones - 1] if ones else "")


def _number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="FF000000")
    return {
        "title": Font(name="方正小标宋简体", size=16, bold=True),
        "head": Font(name="黑体", size=11, bold=True),
        "body": Font(name="仿宋", size=11),
        "section": Font(name="楷体", size=11, bold=True),
        "fill": PatternFill("solid", fgColor="FFD9D9D9"),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "right": Alignment(horizontal="right", vertical="center"),
    }


def _sheet(title: str, headings: list[str], widths: list[int], caption: str | None):
    """A workbook with a merged title row, an optional caption row and a heading row."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    st = _styles()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    last = get_column_letter(len(headings))
    ws.append([title])
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font, ws["A1"].alignment = st["title"], st["center"]
    ws.row_dimensions[1].height = 30
    if caption:
        ws.append([None] * (len(headings) - 1) + [caption])
        ws.cell(row=2, column=len(headings)).alignment = st["right"]
    ws.append(headings)
    head_row = ws.max_row
    for c in range(1, len(headings) + 1):
        cell = ws.cell(row=head_row, column=c)
        cell.font, cell.fill, cell.border, cell.alignment = st["head"], st["fill"], st["border"], st["center"]
        ws.column_dimensions[get_column_letter(c)].width = widths[c - 1]
    ws.freeze_panes = f"A{head_row + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{head_row}:{head_row}"
    return wb, ws


def _body_row(ws, values: list[Any], aligns: list[str]) -> None:
    st = _styles()
    ws.append(values)
    r = ws.max_row
    for c, align in enumerate(aligns, start=1):
        cell = ws.cell(row=r, column=c)
        cell.font, cell.border, cell.alignment = st["body"], st["border"], st[align]


def indicator_workbook(report: Any):
    """The report's indicators as an indicator table: 序号, 指标名称, 单位, 完成值, 同比增长(%), 备注 and, where the
    data has them, 目标值, 完成进度, 排名, 亮灯, 预计."""
    inds = list(report.indicators)
    cols: list[tuple[str, int, str, Any]] = [
        ("序号", 6, "center", lambda i, n: n),
        ("指标名称", 30, "left", lambda i, n: i.name),
        ("单位", 9, "center", lambda i, n: i.unit or None),
        ("完成值", 12, "right", lambda i, n: i.value_text or _number(i.value)),
        ("同比增长(%)", 12, "right", lambda i, n: i.yoy_text or _number(i.yoy)),
    ]
    optional = [
        ("目标值", 12, "right", "target", lambda i, n: _number(i.target)),
        ("完成进度(%)", 12, "right", "progress", lambda i, n: _number(i.progress)),
        ("排名", 14, "center", "rank", lambda i, n: i.rank),
        ("亮灯", 8, "center", "light", lambda i, n: {"green": "绿", "yellow": "黄", "red": "红"}.get(i.light)),
    ]
    for heading, width, align, attr, get in optional:
        if any(getattr(i, attr) is not None for i in inds):
            cols.append((heading, width, align, get))
    if any(i.estimate for i in inds):
        cols.append(("预计", 8, "center", lambda i, n: "是" if i.estimate else None))
    cols.append(("备注", 24, "left", lambda i, n: i.note))
    meta = report.report
    wb, ws = _sheet(f"{meta.issuer}{meta.period}主要经济指标完成情况", [c[0] for c in cols], [c[1] for c in cols], None)
    st = _styles()
    group, groups = None, 0
    for n, ind in enumerate(inds, start=1):
        if ind.group and ind.group != group:  # a merged "二、招商引资" row before each group, as staff's sheets have
            groups += 1
            ws.append([f"{_cn(groups)}、{ind.group}"])
            r = ws.max_row
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(cols))
            ws.cell(row=r, column=1).font, ws.cell(row=r, column=1).alignment = st["section"], st["left"]
        group = ind.group
        _body_row(ws, [get(ind, n) for _, _, _, get in cols], [c[2] for c in cols])
    return wb


def task_workbook(report: Any):
    """The report's plan as a task-assignment table: 序号, 工作任务 ("title。detail"), 牵头单位, 配合单位, 完成时限,
    with a merged "（一）…" row before each section."""
    meta = report.report
    headings = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    wb, ws = _sheet(report.title_for("tasks", f"{meta.issuer}{report.plan_period}重点工作任务分解表"), headings, [6, 70, 18, 28, 16], None)
    st = _styles()
    n = 0
    for si, section in enumerate(report.plan.sections, start=1):
        if section.title:
            ws.append([f"（{_cn(si)}）{section.title}"])
            r = ws.max_row
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(headings))
            ws.cell(row=r, column=1).font = st["section"]
            ws.cell(row=r, column=1).alignment = st["left"]
            for c in range(1, len(headings) + 1):
                ws.cell(row=r, column=c).border = st["border"]
        for task in section.tasks:
            n += 1
            text = f"{task.title}。{task.detail}" if task.detail else task.title
            _body_row(ws, [n, text, task.lead, "、".join(task.support) or None, task.due_display],
                      ["center", "left", "center", "center", "center"])
    return wb


def save_workbook(wb: Any, path: Path, when: date | datetime) -> None:
    """Save with fixed timestamps (in the ZIP and in docProps/core.xml), atomically: the same data gives the
    same bytes, so samples and archives can be compared and checksummed."""
    stamp = when if isinstance(when, datetime) else datetime.combine(when, time(0, 0))
    wb.properties.creator = "briefgen"
    wb.properties.created = stamp
    buffer = io.BytesIO()
    wb.save(buffer)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + iso.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, data)
    write_atomic(path, out.getvalue())


def write_excel_samples(report: Any, folder: Path, blank: bool = False) -> list[Path]:
    """``folder/指标.xlsx`` and ``folder/任务.xlsx`` from a Report (each only when the report has such rows; with
    ``blank``, also when it has none: the headings to fill in)."""
    written = []
    when = report.report.date
    if report.indicators or blank:
        save_workbook(indicator_workbook(report), folder / INDICATOR_BOOK, when)
        written.append(folder / INDICATOR_BOOK)
    if report.plan.tasks or blank:
        save_workbook(task_workbook(report), folder / TASK_BOOK, when)
        written.append(folder / TASK_BOOK)
    return written


# ---------------------------------------------------------------------------------------------------------------
# init


def _pick_template(builtin_templates: Path) -> Path | None:
    preferred = builtin_templates / "summary.xml.j2"
    if preferred.is_file():
        return preferred
    found = sorted(builtin_templates.glob("*.xml.j2"))
    return found[0] if found else None


def sample_defaults(sample_data: str | Path) -> dict[str, str]:
    """What ``init`` asks for, as the sample data has it: the office (issuer), the period and the meeting."""
    report = validate(*load_report_data(Path(sample_data)))
    return {"office": report.report.issuer, "period": report.report.period, "meeting": meeting_name(report.report.issuer, report.plan_period)}


def meeting_name(office: str, plan: str) -> str:
    """The meeting a pack is for, by default: 前江街道2022年下半年工作部署会."""
    return f"{office}{plan}工作部署会"


def _own_sample(text: str, report: Any, office: str | None, period: str | None) -> str:
    """The sample data's YAML made the office's own: its name for the sample issuer's, the period given (the sample's
    years moved to the period's year, dates and deadlines with them) and a title to match."""
    meta = report.report
    office = (office or "").strip() or meta.issuer
    period = (period or "").strip() or meta.period
    if office == meta.issuer and period == meta.period:
        return text
    old_year = meta.report_year
    new_year = period_year(period, old_year)
    old_plan = old_year + (1 if period_end(meta.period) == 12 else 0)
    new_plan = new_year + (1 if period_end(period) == 12 else 0)  # a whole year's report plans the next year

    def moved(part: str, old: int, new: int) -> str:
        return re.sub(rf"(?<!\d){old}(?=年|-\d\d-\d\d)", str(new), part) if old != new else part

    # the years of the review and the report's own move to the period's year, the plan's to the plan's year
    head, plan_key, plan = re.split(r"(?m)^(plan:)", text, maxsplit=1) if re.search(r"(?m)^plan:", text) else (text, "", "")
    text = moved(head, old_year, new_year) + plan_key + moved(plan, old_plan, new_plan)
    text = re.sub(rf"(?m)^(\s*year:\s*){old_year}\s*$", rf"\g<1>{new_year}", text, count=1)
    if new_plan != new_year:  # reported after the year it reviews: dated in the plan's year
        text = re.sub(r"(?m)^(\s*date:\s*)\d{4}-\d\d-(\d\d)\s*$", rf"\g<1>{new_plan}-01-\g<2>", text, count=1)
    text = text.replace(meta.issuer, office)
    text = re.sub(r"(?m)^(\s*period:\s*).*$", lambda m: m.group(1) + _yaml_text(period), text, count=1)
    looked_back, ahead = review_period(period, new_year), plan_period(period, new_year)
    if ahead.startswith(f"{new_year}年") and looked_back.startswith(f"{new_year}年"):
        ahead = ahead[len(f"{new_year}年"):] or ahead  # 2022年上半年工作总结和下半年工作思路
    title = f"{office}{looked_back}工作总结和{ahead}工作思路"
    text = re.sub(r"(?m)^(\s*title:\s*).*$", lambda m: m.group(1) + _yaml_text(title), text, count=1)
    note = f"# Made by `briefgen init` for {office} from briefgen's sample data: put your own figures, sections and tasks here.\n"
    return note + text


OWN_DATA = """\
# {office}的报告数据（由 briefgen init 生成）。The report data of {office} (made by `briefgen init`).
#
# 指标填在 data/指标.xlsx，任务填在 data/任务.xlsx：briefgen.toml 已指向这两个表格，表头不要改。
# Indicators go in data/指标.xlsx and tasks in data/任务.xlsx (briefgen.toml points at them): keep their headings.
# 工作回顾（review）、排名（rankings）和部门名单（departments）写在本文件里，格式见下面的例子（去掉行首的 # 即可）。
# The review, rankings and the departments go in this file, as in the examples below (remove the leading #).
# 没有数据的部分不出现在材料里，生成时会提示要填什么。Parts with no data are left out, and the build says what to fill in.

report:
  title: {title}
  issuer: {office}
  date: {date}
  period: {period}

# review:
#   sections:
#     - title: 一、经济发展稳中有进
#       points:
#         - 一是……
# rankings:
#   - {{subject: 安全生产执法检查企业家数, rank: 居全区第一名}}
# departments:
#   - {{name: 经济发展办公室, short: 经发办}}
#   - {{name: 党政办公室, short: 党政办}}
"""


def _own_data(sample: Any, office: str | None, period: str | None, from_report: str | Path | None) -> tuple[bytes, Any]:
    """The data of an office's own folder: from its own report through ``extract`` (the draft, its guesses marked
    待核实), or its title, issuer, date and period alone; nothing of the sample office's content. Returns the YAML's
    bytes and the Report it loads as."""
    import tempfile

    if from_report is not None:
        from ..extract import extract, to_yaml

        text = to_yaml(extract(Path(from_report)))
    else:
        office = (office or "").strip()
        period = (period or "").strip() or sample.report.period
        year = period_year(period, sample.report.report_year) or sample.report.report_year
        # dated as the sample is after its period (07-29 after 1—6月), in the period's year, or January of the next
        # year for a whole year's report
        sample_day = sample.report.date
        day = (date(year + 1, 1, min(sample_day.day, 31)) if (period_end(period) or 12) == 12
               else date(year, sample_day.month, sample_day.day))
        looked_back, ahead = review_period(period, year), plan_period(period, year)
        if ahead.startswith(f"{year}年") and looked_back.startswith(f"{year}年"):
            ahead = ahead[len(f"{year}年"):] or ahead
        text = OWN_DATA.format(office=office, title=_yaml_text(f"{office}{looked_back}工作总结和{ahead}工作思路"),
                               date=day.isoformat(), period=_yaml_text(period))
    with tempfile.TemporaryDirectory() as tmp:  # the office's data must load before the folder is made
        path = Path(tmp) / "report.yaml"
        path.write_text(text, encoding="utf-8")
        report = validate(*load_report_data(path))
    return text.encode("utf-8"), report


def _toml_text(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _yaml_text(value: str) -> str:
    """A one-line YAML scalar: plain when YAML reads it back as the same text, else double-quoted."""
    import json

    import yaml

    try:
        if yaml.safe_load(value) == value and "#" not in value:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def init_folder(dest: str | Path, sample_data: str | Path, builtin_templates: str | Path, office: str | None = None,
                period: str | None = None, meeting: str | None = None, from_report: str | Path | None = None) -> list[Path]:
    """Make a working folder in ``dest``; returns the files created. Refuses to overwrite any file.

    Three roads: ``from_report`` (the office's own work report, .docx/.txt/.pdf) fills the data through ``extract``,
    every guess marked 待核实; an ``office`` other than the sample's gets a folder of its own with nothing of the
    sample office's content (its report's title, issuer, date and period, empty tables to fill in); with neither,
    the sample is copied as it is (``period`` and ``meeting`` may still move it)."""
    dest, sample_data, builtin_templates = Path(dest), Path(sample_data), Path(builtin_templates)
    if dest.exists() and not dest.is_dir():
        raise BriefgenError(M.init_dest_is_file(path=dest))
    if not sample_data.is_file():
        raise BriefgenError(M.init_no_sample(path=sample_data))
    data_name = "report" + (sample_data.suffix.lower() if sample_data.suffix.lower() in (".yaml", ".yml", ".json") else ".yaml")
    raw, sources = load_report_data(sample_data)
    report = validate(raw, sources)
    for option, value in (("--office", office), ("--period", period)):
        if value and (_yaml_text(value.strip()) != value.strip() or "\n" in value):
            raise BriefgenError(M.init_bad_value(option=option, value=repr(value)))
    sample_bytes = sample_data.read_bytes()
    own = from_report is not None or bool(office and office.strip() != report.report.issuer)
    if own:
        data_name = "report.yaml"
        sample_bytes, report = _own_data(report, office, period, from_report)
    elif (office or period) and data_name != "report.json":
        import tempfile


        text = _own_sample(decode_text(sample_bytes, str(sample_data)), report, office, period)
        if text.encode("utf-8") != sample_bytes:
            sample_bytes = text.encode("utf-8")
            with tempfile.TemporaryDirectory() as tmp:  # the office's data must load as the sample does
                (Path(tmp) / data_name).write_bytes(sample_bytes)
                report = validate(*load_report_data(Path(tmp) / data_name))
    template = _pick_template(builtin_templates)

    config = dest / CONFIG_NAME
    data_file = dest / "data" / data_name
    # the office's own report stays in report.yaml with its 待核实 marks; an office of its own gets empty tables
    blank = own and from_report is None
    with_indicators = (bool(report.indicators) and from_report is None) or blank
    with_tasks = (bool(report.plan.tasks) and from_report is None) or blank
    books = [p for p, has in ((dest / "data" / INDICATOR_BOOK, with_indicators), (dest / "data" / TASK_BOOK, with_tasks)) if has]
    template_copy = dest / "templates" / template.name if template else None
    planned = [config, data_file, *books] + ([template_copy] if template_copy else [])
    for path in planned:
        if path.exists():
            raise BriefgenError(M.init_exists(path=path))

    dest.mkdir(parents=True, exist_ok=True)
    (dest / "data").mkdir(exist_ok=True)
    write_atomic(data_file, sample_bytes)
    written = write_excel_samples(report, dest / "data", blank=blank) if from_report is None else []
    if template and template_copy:
        template_copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(template, template_copy)
    rel = lambda p: p.relative_to(dest).as_posix()  # noqa: E731
    indicators = f'indicators = "data/{INDICATOR_BOOK}"' if with_indicators else f'# indicators = "data/{INDICATOR_BOOK}"'
    tasks = f'tasks = "data/{TASK_BOOK}"' if with_tasks else f'# tasks = "data/{TASK_BOOK}"'
    meeting = (meeting or "").strip()
    example = meeting or meeting_name(report.report.issuer, report.plan_period)
    pack = f'[pack]\nmeeting = {_toml_text(meeting)}' if meeting else f'# [pack]\n# meeting = {_toml_text(example)}'
    config.write_text(CONFIG_TEMPLATE.format(data=rel(data_file), indicators=indicators, tasks=tasks, pack=pack), encoding="utf-8")
    return [config, data_file, *written] + ([template_copy] if template_copy else [])
