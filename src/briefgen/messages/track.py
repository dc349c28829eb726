"""Catalogue entries (see briefgen.messages): following tasks up, `briefgen track` (BG12xx), and the two task fields
it adds (BG990-BG991).

A problem in a progress table is placed by ``file:Sheet1!D7`` and named by the column as the sheet heads it.
"""

from ..i18n import Text

# ---- the plan's fields the follow-up reads -------------------------------------------------------------------------
f_start = Text("BG990", "start", "开始时间")
f_flagged = Text("BG991", "flagged", "挂牌督办")

# ---- the plan (briefgen.track.plan) -------------------------------------------------------------------------------
tr_calendar_past = Text("BG1201", "the official calendar of workdays ends before {year}: only weekends were skipped; "
                        "update chinese-calendar (pip install -U chinese-calendar) once the State Council publishes {year}'s holidays",
                        "官方工作日历尚未包含{year}年：只跳过了周末；国务院公布{year}年放假安排后请更新 chinese-calendar（pip install -U chinese-calendar）")
tr_no_tasks = Text("BG1202", "the plan has no tasks to follow up; give the data file a plan: with sections and tasks, or --tasks TABLE",
                   "计划中没有可督办的任务；请在数据文件的 plan: 中列出任务，或用 --tasks 指定任务表")
tr_duplicate_id = Text("BG1203", "item number {id} is used by two tasks ({first} and {second}); give each task its own 序号",
                       "序号 {id} 被两项任务共用（{first}、{second}）；请给每项任务一个单独的序号")

tr_not_flagged = Text("BG1204", "“{value}” is not a 挂牌督办 mark; write 是 (or √, 挂牌) for a flagged task, or leave the cell empty",
                      "“{value}”不是挂牌督办标记；挂牌督办的任务请填“是”（或“√”“挂牌”），其他任务留空")

# ---- progress tables (briefgen.load.progress) -----------------------------------------------------------------------
tr_percent_range = Text("BG1210", "{value} is not a share between 0 and 100; write the per cent done, e.g. 60",
                        "{value} 不在 0 到 100 之间；请填写完成的百分比，例如 60")
tr_percent_bad = Text("BG1211", "{value} is not a number; write the per cent done, e.g. 60",
                      "{value} 不是数字；请填写完成的百分比，例如 60")
tr_state_bad = Text("BG1212", "{value} is not a status; choose one of {states}",
                    "“{value}”不是可选的状态；请选择{states}之一")
tr_no_progress_heading = Text("BG1213", "no progress table found: no sheet has a heading row with 序号 or 工作任务 and "
                              "目前进展, 完成进度 or 状态; use the 进度表 that `briefgen track forms` writes, or add those headings",
                              "没有找到进度表：没有哪个工作表的标题行同时有“序号”或“工作任务”和“目前进展”“完成进度”或“状态”；"
                              "请使用 `briefgen track forms` 生成的进度表，或补上这些列标题")
tr_unmatched = Text("BG1214", "row {id} “{title}” matches no task of the plan; check its 序号 and 工作任务 against the plan, or delete the row",
                    "第 {id} 项“{title}”与计划中的任务都对不上；请对照计划核对序号和工作任务，或删去这一行")
tr_other_month = Text("BG1218", "this form is {form}'s, the report {period}'s: its progress is taken as {period}'s; if it is out "
                      "of date, ask the unit for {period}'s form", "这份进度表是{form}的，本期是{period}：已作为{period}的进展采用；"
                      "如内容已过时，请向该单位索要{period}的进度表")
tr_near_title = Text("BG1215", "item {id}'s title “{title}” differs from the plan's “{plan}”; taken as that task — correct the title if it is another",
                     "第 {id} 项的标题“{title}”与计划中的“{plan}”不同；已按该任务处理，如不是同一任务请改正标题")
tr_twice = Text("BG1216", "item {id} is reported twice (also at {other}); the later row is used — delete the one that is out of date",
                "第 {id} 项报了两次（另见 {other}）；采用了后一行，请删去过时的一行")
tr_not_its_unit = Text("BG1217", "item {id} is led by {lead} but reported by {unit}; the report is used — check who sent it",
                       "第 {id} 项的牵头单位是{lead}，却由{unit}报送；已采用该报送，请核对报送单位")

# ---- settings and options -------------------------------------------------------------------------------------------
tr_unknown_rule = Text("BG1220", "no rule set called {name}; choose one of {known}",
                       "没有名为“{name}”的状态规则；请选择{known}之一")
tr_bad_as_of = Text("BG1221", "{value} is not a date; write the as-of date as 2022-09-30",
                    "{value} 不是日期；请把截止日期写成 2022-09-30 的形式")
tr_bad_period = Text("BG1222", "{value} is not a period; write the month as 2022-09",
                     "{value} 不是期间；请把月份写成 2022-09 的形式")
tr_no_progress_files = Text("BG1223", "no progress table given; name the returned 进度表 with --progress FILE (repeatable)",
                            "没有指定进度表；请用 --progress 文件 指定收回的进度表（可多次使用）")
tr_two_data_files = Text("BG1233", "one data file, not {files}: name the plan (.yaml, .json) once and the progress tables with --progress",
                         "只能指定一个数据文件，不能是 {files}：计划（.yaml、.json）写一次，进度表用 --progress 指定")
tr_folder_no_tables = Text("BG1234", "the folder holds no .xlsx or .csv file; name the returned 进度表 themselves, or the folder they are saved in",
                           "文件夹中没有 .xlsx 或 .csv 文件；请指定收回的进度表本身，或保存它们的文件夹")
tr_out_is_input = Text("BG1224", "the output folder {folder} holds an input file; choose another --out",
                       "输出文件夹 {folder} 中有输入文件；请换一个 --out")
tr_result_bad = Text("BG1226", "not the 督办 result `briefgen track report` keeps ({detail}); the issue numbers and what moved "
                     "depend on it: put back the copy that run wrote, or move the folder {folder} out of the output folder",
                     "不是 `briefgen track report` 保存的督办结果（{detail}）；期数和进展变化要依据它：请放回该次运行写下的文件，"
                     "或把文件夹 {folder} 移出输出文件夹")
tr_result_not_regular = Text("BG1227", "a link or not a regular file", "是链接或不是普通文件")
tr_result_size = Text("BG1228", "{size}, more than {limit}", "{size}，超过 {limit}")
tr_result_json = Text("BG1229", "not JSON in UTF-8", "不是 UTF-8 编码的 JSON")
tr_result_field = Text("BG1232", "this field is not as briefgen writes it", "此项与 briefgen 写入的不符")
what_track = Text("BG1225", "a table: rule, behind_points, near_days, … (see the README)", "一个表：rule、behind_points、near_days 等（见说明文档）")

# ---- what the commands print -----------------------------------------------------------------------------------------
tr_summary = Text("BG1230", "{n} tasks as of {as_of} ({rule}): {counts}", "截至 {as_of} 共 {n} 项任务（{rule}）：{counts}")
tr_unreported = Text("BG1231", "{n} tasks not reported: {units}", "{n} 项任务未报送：{units}")

# ---- briefing markup: a status cell's fill (briefgen.markup) --------------------------------------------------------
mk_cell_fill = Text("BG1240", "{where}: <td fill={value}>: a cell's fill is one of {known} (or empty)",
                    "{where}：<td fill={value}>：单元格底色只能是 {known} 之一（或留空）")
