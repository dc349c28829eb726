"""`briefgen track forms`: one 进度表 (.xlsx) per 牵头单位, its own tasks pre-filled and locked, the columns to fill
open, 状态 as a drop-down and 完成进度 held to 0-100, a title and the date by which to return it.

``form_workbooks(plan, period, return_by, last)`` -> {unit: Workbook}; writing them is the job's.
"""

from __future__ import annotations

from datetime import date

from .plan import Plan
from .rules import STATES

PRESET = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限", "上期进展")
TO_FILL = ("目前进展", "完成进度（%）", "状态", "存在问题", "下步措施", "佐证材料")
WIDTHS = (6, 34, 14, 16, 15, 24, 30, 10, 10, 20, 20, 16)
HEADING_ROW = 3


def period_words(period: str) -> str:
    """2022-09 -> 2022年9月."""
    y, m = period.split("-")
    return f"{int(y)}年{int(m)}月"


def form_workbook(plan: Plan, unit: str, period: str, return_by: date, last: dict | None):
    from openpyxl import Workbook
    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .workbook import BODY_FONT, BOX, CENTRE, HEAD_FILL, HEAD_FONT, TITLE_FONT, WRAP, fill, fit_rows, print_landscape

    items = [i for i in plan.items if i.lead == unit]
    wb = Workbook()
    ws = wb.active
    ws.title = "进度表"
    ncol = len(PRESET) + len(TO_FILL)
    last_col = get_column_letter(ncol)
    ws.merge_cells(f"A1:{last_col}1")
    ws["A1"] = f"{plan.issuer}{plan.title}推进情况表（{period_words(period)}）"
    ws["A1"].font = TITLE_FONT
    ws["A1"].alignment = CENTRE
    ws.row_dimensions[1].height = 30
    ws.merge_cells(f"A2:{last_col}2")
    ws["A2"] = (f"填报单位：{unit}　　请于{return_by.year}年{return_by.month}月{return_by.day}日前报送　　"
                f"灰色各列为预填内容，请在白色各列填写；状态请从下拉列表中选择")
    ws["A2"].font = BODY_FONT
    ws["A2"].alignment = Alignment_left()
    for c, heading in enumerate(PRESET + TO_FILL, 1):
        cell = ws.cell(HEADING_ROW, c, heading)
        cell.font, cell.alignment, cell.border, cell.fill = HEAD_FONT, CENTRE, BOX, HEAD_FILL
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS[c - 1]
    earlier = (last or {}).get("tasks", {})
    preset_fill = fill("F2F2F2")
    for r, item in enumerate(items, HEADING_ROW + 1):
        before = earlier.get(item.id) or {}
        last_words = before.get("progress") or ""
        if before.get("percent") is not None:
            last_words = f"{last_words}（{before['percent']:g}%，{before.get('status', '')}）".lstrip()
        row = (item.id, item.title, item.lead, "、".join(item.support) or "—", item.due_text, last_words)
        for c, value in enumerate(row, 1):
            cell = ws.cell(r, c, value)
            cell.font, cell.border, cell.fill = BODY_FONT, BOX, preset_fill
            cell.alignment = CENTRE if c in (1, 3, 4, 5) else WRAP
        for c in range(len(PRESET) + 1, ncol + 1):
            cell = ws.cell(r, c)
            cell.font, cell.border, cell.alignment = BODY_FONT, BOX, WRAP
            cell.protection = Protection(locked=False)
    first, end = HEADING_ROW + 1, HEADING_ROW + max(len(items), 1)
    fit_rows(ws, HEADING_ROW, end, WIDTHS)
    ws.row_dimensions[2].height = 20
    state_col = get_column_letter(len(PRESET) + TO_FILL.index("状态") + 1)
    percent_col = get_column_letter(len(PRESET) + TO_FILL.index("完成进度（%）") + 1)
    states = DataValidation(type="list", formula1='"' + ",".join(STATES) + '"', allow_blank=True, showErrorMessage=True,
                            errorTitle="状态", error="请从下拉列表中选择：" + "、".join(STATES))
    states.add(f"{state_col}{first}:{state_col}{end}")
    ws.add_data_validation(states)
    share = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                           showErrorMessage=True, errorTitle="完成进度（%）", error="请填写 0 到 100 之间的数字")
    share.add(f"{percent_col}{first}:{percent_col}{end}")
    ws.add_data_validation(share)
    ws.freeze_panes = f"C{HEADING_ROW + 1}"
    print_landscape(ws, HEADING_ROW)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # the clerk may widen columns and heighten rows
    ws.protection.formatRows = False
    ws.protection.formatCells = False
    return wb


def Alignment_left():
    from openpyxl.styles import Alignment

    return Alignment(horizontal="left", vertical="center", wrap_text=True)


def return_date(period: str, day: int) -> date:
    """The day of the period's month by which the forms come back (每月25日前报送), the month's last day at most."""
    import calendar

    y, m = (int(x) for x in period.split("-"))
    return date(y, m, min(day, calendar.monthrange(y, m)[1]))
