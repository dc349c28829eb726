"""The fixture plan of the 督办 tests: 29 kinds of task (a deadline, a report) times 4 units = 116 tasks, with the
status each rule set must give at several as-of dates, worked out by hand (written before the rule code).

A 下半年 plan of 2022: the period starts on 2022-07-01. Days from then: 08-31 is day 61, 09-30 day 91, 11-30 day 152,
12-20 day 172, 12-31 day 183. 序时进度 = elapsed days / the task's days, e.g. a 12-31 task on 09-30: 91/183 = 49.73 %.
The hand reckoning of each kind is written beside it.
"""

from __future__ import annotations

from datetime import date

UNITS = ("经济发展办公室", "社会事务办公室", "城市管理办公室", "党政办公室")
ASOF = {"A": date(2022, 8, 31), "B": date(2022, 9, 30), "C": date(2022, 11, 30), "D": date(2023, 1, 5)}

# kind: (deadline as written, start or None, 完成进度 or None, 状态 or None (None with no report: 未报送), evidence,
#        序时进度 statuses at A, B, C, D)
# "-" as the 状态 means: no report at all for the period.
KINDS = [
    # 1-2 done: green whatever the date; 销号 with evidence, 待审核 without
    ("2022-12-31", None, 100, "已完成", "验收报告.pdf", "已完成", "已完成", "已完成", "已完成"),
    ("2022-12-31", None, 100, "已完成", "", "已完成", "已完成", "已完成", "已完成"),
    # 3: 60 % of a 12-31 task. A 33.33-60<0, B 49.73-60<0, C 83.06-60=23.06>10, D overdue
    ("2022年12月底前", None, 60, "推进中", "", "正常", "正常", "滞后", "逾期"),
    # 4: 40 %. A <0, B 9.73 (not more than 10), C 43.06, D overdue
    ("2022年12月31日前", None, 40, "推进中", "", "正常", "正常", "滞后", "逾期"),
    # 5: 20 %. A 13.33, B 29.73, C 63.06
    ("2022-12-31", None, 20, "推进中", "", "滞后", "滞后", "滞后", "逾期"),
    # 6: 受阻 at 50 %: yellow until overdue
    ("2022-12-31", None, 50, "受阻", "", "滞后", "滞后", "滞后", "逾期"),
    # 7: no report: grey, red once overdue (the overdue rule comes first)
    ("2022-12-31", None, None, "-", "", "未报送", "未报送", "未报送", "逾期"),
    # 8: 10-31 task (122 days), 45 %. A 61/122=50.0-45=5, B 91/122=74.59-45=29.59, C overdue
    ("2022年10月底前", None, 45, "推进中", "", "正常", "滞后", "逾期", "逾期"),
    # 9: 70 %. A <0, B 4.59
    ("2022-10-31", None, 70, "推进中", "", "正常", "正常", "逾期", "逾期"),
    # 10: done before the deadline: never red
    ("2022-10-31", None, 100, "已完成", "会议纪要", "已完成", "已完成", "已完成", "已完成"),
    # 11: 09-30 task (91 days), 90 %. A 61/91=67.03<90, B on the deadline day 100-90=10 (not more than 10), C overdue
    ("2022年9月底前", None, 90, "推进中", "", "正常", "正常", "逾期", "逾期"),
    # 12: 50 %. A 17.03, B 50
    ("2022-09-30", None, 50, "推进中", "", "滞后", "滞后", "逾期", "逾期"),
    # 13: 08-31 task, 95 %. A on the day: 100-95=5, B overdue
    ("2022年8月底前", None, 95, "推进中", "", "正常", "逾期", "逾期", "逾期"),
    # 14: 08-31 task, no report. A 未报送, then overdue
    ("2022-08-31", None, None, "-", "", "未报送", "逾期", "逾期", "逾期"),
    # 15-18 ongoing work: never red; yellow only when 受阻 or reported behind (未启动)
    ("长期坚持", None, None, "推进中", "", "正常", "正常", "正常", "正常"),
    ("常态化", None, 50, "受阻", "", "滞后", "滞后", "滞后", "滞后"),
    ("长期坚持", None, None, "-", "", "未报送", "未报送", "未报送", "未报送"),
    ("常态化推进", None, 0, "未启动", "", "滞后", "滞后", "滞后", "滞后"),
    # 19: 11-30 task (152 days), 35 %. A 61/152=40.13-35=5.13, B 91/152=59.87-35=24.87, C on the day 65, D overdue
    ("2022年11月底前", None, 35, "推进中", "", "正常", "滞后", "滞后", "逾期"),
    # 20: 55 %. A <0, B 4.87, C 45
    ("11月底前", None, 55, "推进中", "", "正常", "正常", "滞后", "逾期"),
    # 21: its own start 09-01, due 12-31 (121 days), 未启动 0 %. A before its start: 序时 0, gap 0;
    #     B 29/121=23.97; C 90/121=74.38
    ("2022-12-31", date(2022, 9, 1), 0, "未启动", "", "正常", "滞后", "滞后", "逾期"),
    # 22: same, 20 %. A 0, B 3.97, C 54.38
    ("2022-12-31", date(2022, 9, 1), 20, "推进中", "", "正常", "正常", "滞后", "逾期"),
    # 23: a report without a %: judged on its 状态 only
    ("2022-12-31", None, None, "推进中", "", "正常", "正常", "正常", "逾期"),
    # 24: a deadline in words, 年底前 -> 12-31; 85 %. C 83.06-85<0
    ("年底前", None, 85, "推进中", "", "正常", "正常", "正常", "逾期"),
    # 25: 2022年10月底前, done without evidence
    ("2022年10月底前", None, 100, "已完成", "", "已完成", "已完成", "已完成", "已完成"),
    # 26: done with evidence after its deadline has passed: still green
    ("2022-09-30", None, 100, "已完成", "照片12张", "已完成", "已完成", "已完成", "已完成"),
    # 27-28: the edge at C: 83.06-73=10.06 (more than 10), 83.06-74=9.06
    ("2022-12-31", None, 73, "推进中", "", "正常", "正常", "滞后", "逾期"),
    ("2022-12-31", None, 74, "推进中", "", "正常", "正常", "正常", "逾期"),
    # 29: 10-31 task, 未启动 0 %. A 50, B 74.59
    ("2022年10月底前", None, 0, "未启动", "", "滞后", "滞后", "逾期", "逾期"),
]

# Other rule sets, by hand, kind number -> status (kinds not listed: as said under each).
# 三色预警 (node, tolerance 0) at B with no earlier period: a node missed (any gap) or 受阻 -> 未达节点 (red);
# ongoing work is never red (受阻/未启动 ongoing -> 滞后, yellow).
NODE_B = {1: "已完成", 2: "已完成", 3: "正常", 4: "未达节点", 5: "未达节点", 6: "未达节点", 7: "未报送",
          8: "未达节点", 9: "未达节点", 10: "已完成", 11: "未达节点", 12: "未达节点", 13: "逾期", 14: "逾期",
          15: "正常", 16: "滞后", 17: "未报送", 18: "滞后", 19: "未达节点", 20: "未达节点", 21: "未达节点",
          22: "未达节点", 23: "正常", 24: "正常", 25: "已完成", 26: "已完成", 27: "正常", 28: "正常", 29: "未达节点"}
# 蓝黄红 (near = 15 days, behind = 10 points) at B: blue only for kind 11 (due that day, gap exactly 10)
BLUE_B = {1: "已完成", 2: "已完成", 3: "正常", 4: "正常", 5: "滞后", 6: "滞后", 7: "未报送", 8: "滞后", 9: "正常",
          10: "已完成", 11: "临期", 12: "滞后", 13: "逾期", 14: "逾期", 15: "正常", 16: "滞后", 17: "未报送",
          18: "滞后", 19: "滞后", 20: "正常", 21: "滞后", 22: "正常", 23: "正常", 24: "正常", 25: "已完成",
          26: "已完成", 27: "正常", 28: "正常", 29: "滞后"}
# 蓝黄红 on 2022-12-20 (172/183 = 93.99 %; 11 days left for 12-31 tasks, 121-day tasks 110/121 = 90.91 %):
# 3 gap 33.99 滞后; 4, 5 滞后; 24 85 -> 8.99 临期; 27 20.99, 28 19.99 滞后; 22 70.91 滞后; 23 no % -> 临期
BLUE_1220 = {1: "已完成", 2: "已完成", 3: "滞后", 4: "滞后", 5: "滞后", 6: "滞后", 7: "未报送", 8: "逾期", 9: "逾期",
             10: "已完成", 11: "逾期", 12: "逾期", 13: "逾期", 14: "逾期", 15: "正常", 16: "滞后", 17: "未报送",
             18: "滞后", 19: "逾期", 20: "逾期", 21: "滞后", 22: "滞后", 23: "临期", 24: "临期", 25: "已完成",
             26: "已完成", 27: "滞后", 28: "滞后", 29: "逾期"}
# 剩余时间 (yellow: at most 30 % of the time left and no progress; orange: at most 15 %; red: overdue) —
# only tasks with no progress (0 % or 未启动) ever turn yellow or orange.
# At B: kind 29 (10-31, 31/122 = 25.4 % left, 未启动) yellow; kind 21 (92/121 = 76 % left) normal.
LEFT_B = {1: "已完成", 2: "已完成", 7: "未报送", 10: "已完成", 13: "逾期", 14: "逾期", 17: "未报送", 25: "已完成",
          26: "已完成", 29: "黄色预警"}  # every other kind: 正常 (ongoing 18 included: no deadline, no time left)
# On 2022-12-05: kind 21 has 26/121 = 21.5 % left -> 黄色预警; on 2022-12-20 11/121 = 9.1 % -> 橙色预警.
# 工期预警 (days late: yellow 1-7, orange 8-14, red 15+), on 2022-10-10: 09-30 tasks 10 days late (orange),
# 08-31 tasks 40 days late (red), 10-31 tasks not yet due; done ones green.
LATE_1010 = {11: "橙色预警", 12: "橙色预警", 13: "逾期", 14: "逾期", 26: "已完成", 8: "正常", 29: "正常", 3: "正常",
             7: "未报送", 17: "未报送", 1: "已完成"}

_VERBS = ("推进", "完成", "实施", "开展", "落实", "加快", "深化", "提升")
_THINGS = ("老旧小区改造", "助企纾困政策", "重点项目入库", "河道综合整治", "文明实践站建设", "垃圾分类", "安全生产检查",
           "数字化改革", "养老服务中心", "消防通道清理", "人才招引", "防汛物资储备", "社区网格优化", "农贸市场提升",
           "道路微循环", "企业上规培育", "信访积案化解")


def task_title(unit_no: int, kind_no: int) -> str:
    """A distinct plain title per task: a verb, a thing and the unit's batch number."""
    n = unit_no * len(KINDS) + kind_no
    return f"{_VERBS[n % len(_VERBS)]}{_THINGS[n % len(_THINGS)]}第{n + 1}批"


def tasks():
    """Every task of the fixture: (序号, kind number 1-based, unit, title, the kind's row)."""
    out = []
    for u, unit in enumerate(UNITS):
        for k, kind in enumerate(KINDS):
            out.append((str(u * len(KINDS) + k + 1), k + 1, unit, task_title(u, k), kind))
    return out


def report_data() -> dict:
    """The plan as briefgen's report data (a YAML/JSON dict): one section per unit. Items 3 and 33 are 挂牌督办."""
    sections = []
    for u, unit in enumerate(UNITS):
        rows = []
        for ident, k, lead, title, kind in tasks():
            if lead != unit:
                continue
            task = {"id": ident, "title": title, "lead": lead, "support": [UNITS[(u + 1) % len(UNITS)]], "due": kind[0]}
            if kind[1]:
                task["start"] = kind[1].isoformat()
            if ident in ("3", "33"):
                task["flagged"] = True
            rows.append(task)
        sections.append({"title": f"{unit}牵头事项", "tasks": rows})
    return {"report": {"title": "前江街道2022年上半年工作总结和下半年工作思路", "issuer": "前江街道", "date": "2022-07-29",
                       "period": "2022年1—6月", "year": 2022},
            "plan": {"period": "下半年", "sections": sections}}


def write_data(path) -> None:
    import yaml

    path.write_text(yaml.safe_dump(report_data(), allow_unicode=True, sort_keys=False), encoding="utf-8")


PROGRESS_HEADINGS = ("序号", "工作任务", "牵头单位", "目前进展", "完成进度（%）", "状态", "存在问题", "下步措施", "佐证材料")


def write_progress(path, layout: str = "forms") -> None:
    """One consolidated progress table, as an office keeps it: a title row, then the headings, one row per
    reported task (tasks of kind "-" are left out: not reported)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "进展汇总"
    ws.append(["2022年下半年重点工作进展汇总表"])
    ws.append(list(PROGRESS_HEADINGS))
    for ident, k, lead, title, kind in tasks():
        if kind[3] == "-":
            continue
        problem = "资金未到位" if kind[3] == "受阻" else ""
        ws.append([int(ident), title, lead, f"{title}按计划推进", kind[2], kind[3], problem, "加快推进", kind[4] or None])
    wb.save(path)
