"""The 台账 workbook (one row a task, this period beside the last, status in words and as a fill, the moves marked)
and the 销号清单 (closed items with date and evidence; done items sent back for lack of evidence)."""

from __future__ import annotations

from .rules import FILLS

LEDGER = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限", "目前进展", "完成进度", "序时进度", "上期状态", "本期状态",
          "变化", "存在问题", "下步措施", "佐证材料", "销号")
LEDGER_WIDTHS = (6, 30, 14, 14, 15, 30, 9, 9, 9, 9, 9, 20, 20, 14, 8)


def _sheet(ws, title: str, headings, widths, rows_start: int = 3):
    from openpyxl.utils import get_column_letter

    from .workbook import BOX, CENTRE, HEAD_FILL, HEAD_FONT, TITLE_FONT, print_landscape

    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headings))
    ws.cell(1, 1, title).font = TITLE_FONT
    ws.cell(1, 1).alignment = CENTRE
    ws.row_dimensions[1].height = 28
    for c, h in enumerate(headings, 1):
        cell = ws.cell(rows_start - 1, c, h)
        cell.font, cell.alignment, cell.border, cell.fill = HEAD_FONT, CENTRE, BOX, HEAD_FILL
        ws.column_dimensions[get_column_letter(c)].width = widths[c - 1]
    ws.freeze_panes = ws.cell(rows_start, 3)
    print_landscape(ws, rows_start - 1)


def _row(ws, r: int, values, centred=()):
    for c, v in enumerate(values, 1):
        ws.cell(r, c, v).style = "body-centre" if c in centred else "body"
    return r


def ledger_workbook(data: dict):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from .workbook import fill, fit_rows, named_styles

    wb = Workbook()
    named_styles(wb)
    ws = wb.active
    ws.title = "台账"
    _sheet(ws, f"{data['issuer']}{data['plan_title']}督办台账（截至{data['as_of_words']}，第{data['issue']}期）", LEDGER, LEDGER_WIDTHS)
    for r, row in enumerate(data["rows"], 3):
        _row(ws, r, (row["id"], row["title"], row["lead"], row["support"] or "—", row["due"], row["progress"],
                     row["percent"], row["elapsed"], row["last_status"] or "—", row["status"], row["move"] or "",
                     row["problems"], row["steps"], row["evidence"], row["closure"]), centred=(1, 3, 5, 7, 8, 9, 10, 11, 15))
        ws.cell(r, 10).fill = fill(FILLS[row["colour"]])
        ws.cell(r, 10).font = Font(name="黑体", size=11, bold=row["colour"] in ("red", "orange"))
        if row["last_colour"]:
            ws.cell(r, 9).fill = fill(FILLS[row["last_colour"]])
        if row["move"]:
            ws.cell(r, 11).font = Font(name="黑体", size=11, bold=True, color="C00000" if row["move"] == "新增红" else "000000")
            ws.cell(r, 11).fill = fill(FILLS[row["colour"]])
    ws.auto_filter.ref = f"A2:O{max(2, len(data['rows']) + 2)}"
    fit_rows(ws, 2, len(data["rows"]) + 2, LEDGER_WIDTHS)

    words = [s["word"] for s in data["statuses"]]
    us = wb.create_sheet("汇总")
    heads = ("牵头单位", "任务数", *words, "完成率")
    _sheet(us, f"各牵头单位推进情况（截至{data['as_of_words']}）", heads, (24, 8, *[9] * len(words), 9))
    r = 3
    for u in data["units"]:
        _row(us, r, (u["name"], u["total"], *[u["counts"][w] for w in words], u["done_share"]), centred=range(2, len(heads) + 1))
        r += 1
    _row(us, r, ("合计", data["total"], *[s["n"] for s in data["statuses"]], data["trend"][-1]["share"]), centred=range(2, len(heads) + 1))
    for c, s in enumerate(data["statuses"], 3):
        us.cell(2, c).fill = fill(FILLS[s["colour"]])

    ts = wb.create_sheet("各期完成情况")
    _sheet(ts, "各期完成情况", ("期间", "任务数", "已完成", "完成率"), (12, 10, 10, 10))
    for r, p in enumerate(data["trend"], 3):
        _row(ts, r, (p["period"], p["total"], p["done"], p["share"]), centred=(1, 2, 3, 4))
    return wb


def closing_workbook(data: dict):
    from openpyxl import Workbook

    from .workbook import named_styles

    wb = Workbook()
    named_styles(wb)
    ws = wb.active
    ws.title = "已销号"
    _sheet(ws, f"{data['plan_title']}销号清单（截至{data['as_of_words']}）", ("序号", "工作任务", "牵头单位", "完成时限", "销号日期", "佐证材料"),
           (6, 34, 16, 12, 12, 30))
    for r, row in enumerate(data["closed"], 3):
        _row(ws, r, (row["id"], row["title"], row["lead"], row["due"], row["closed_on"], row["evidence"]), centred=(1, 3, 4, 5))
    back = wb.create_sheet("退回补充")
    _sheet(back, "报已完成但缺少佐证材料、退回补充的事项", ("序号", "工作任务", "牵头单位", "完成时限", "退回原因"), (6, 34, 16, 12, 30))
    for r, row in enumerate(data["pending"], 3):
        _row(back, r, (row["id"], row["title"], row["lead"], row["due"], "未提供佐证材料，请补充后申请销号"), centred=(1, 3, 4))
    return wb
