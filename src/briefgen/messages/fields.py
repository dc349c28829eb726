"""Catalogue entries (see briefgen.messages): the data's fields as clerks name them, and the labels placing a value (BG9xx).

Each entry is one key of the report's data: its English wording is the key itself (English messages show the
key's path, ``plan.sections[6].tasks[4].lead``), its Chinese the name a task or indicator table gives the
column (牵头单位, 同比增长). ``briefgen.model.fields`` puts them into a problem's field label; data files and tables
share them.
"""

from ..i18n import Text

# the report's top-level sections
f_report = Text("BG901", "report", "报告基本信息")
f_indicators = Text("BG902", "indicators", "指标列表")
f_tally = Text("BG903", "tally", "亮灯统计")
f_rankings = Text("BG904", "rankings", "排名列表")
f_review = Text("BG905", "review", "工作回顾")
f_plan = Text("BG906", "plan", "工作计划")
f_departments = Text("BG907", "departments", "部门名单")
f_titles = Text("BG908", "titles", "标题设置")
f_sources = Text("BG909", "sources", "数据来源")
# report:
f_title = Text("BG910", "title", "标题")
f_issuer = Text("BG911", "issuer", "发文单位")
f_date = Text("BG912", "date", "日期")
f_period = Text("BG913", "period", "统计期")
f_year = Text("BG914", "year", "年份")
f_index_no = Text("BG915", "index_no", "索引号")
f_doc_no = Text("BG916", "doc_no", "文号")
f_category = Text("BG917", "category", "分类")
# an indicator
f_indicator_name = Text("BG920", "name", "指标名称")
f_value = Text("BG921", "value", "本期值")
f_unit = Text("BG922", "unit", "单位")
f_yoy = Text("BG923", "yoy", "同比增长")
f_target = Text("BG924", "target", "目标值")
f_progress = Text("BG925", "progress", "完成进度")
f_rank = Text("BG926", "rank", "排名")
f_light = Text("BG927", "light", "亮灯")
f_estimate = Text("BG928", "estimate", "是否预计")
f_note = Text("BG929", "note", "备注")
f_value_text = Text("BG930", "value_text", "数值原文")
f_yoy_text = Text("BG931", "yoy_text", "增幅原文")
f_owner = Text("BG932", "owner", "责任单位")
f_group = Text("BG933", "group", "分组")
# the tally, a ranking
f_green = Text("BG935", "green", "绿灯数")
f_red = Text("BG936", "red", "红灯数")
f_yellow = Text("BG937", "yellow", "黄灯数")
f_subject = Text("BG938", "subject", "考核项目")
f_section_no = Text("BG939", "section", "所在部分")
# the review and the plan
f_intro = Text("BG940", "intro", "导语")
f_sections = Text("BG941", "sections", "各部分")
f_points = Text("BG942", "points", "要点")
f_results = Text("BG943", "results", "成果指标")
f_text = Text("BG944", "text", "正文")
f_plan_period = Text("BG945", "period", "计划期")
f_tasks = Text("BG946", "tasks", "任务")
# a task
f_id = Text("BG950", "id", "序号")
f_task_title = Text("BG951", "title", "任务名称")
f_detail = Text("BG952", "detail", "具体内容")
f_lead = Text("BG953", "lead", "牵头单位")
f_support = Text("BG954", "support", "配合单位")
f_due = Text("BG955", "due", "完成时限")
f_due_text = Text("BG956", "due_text", "时限原文")
f_status = Text("BG957", "status", "进展情况")
# a department
f_department_name = Text("BG960", "name", "名称")
f_short = Text("BG961", "short", "简称")
f_kind = Text("BG962", "kind", "类别")

# ---- labels: where a value stands, as a clerk names it
# English shows the key's path, with the task or indicator it belongs to; Chinese names the task by its title
# (or its place) and the field by its column heading.
label_named_field = Text("BG970", '{path} ({kind} "{name}")', "{kind}“{name}”的{field}")
label_named = Text("BG971", '{path} ({kind} "{name}")', "{kind}“{name}”")
label_of = Text("BG972", "{path}", "{owner}的{field}")
label_entry = Text("BG973", "{path}", "{field}第{n}项")
label_plain = Text("BG974", "{path}", "{field}")
kind_task = Text("BG975", "task", "任务")
kind_indicator = Text("BG976", "indicator", "指标")
kind_ranking = Text("BG977", "ranking", "排名")
owner_report = Text("BG978", "report", "报告")
owner_task = Text("BG979", "task {t} of section {s}", "第{s}部分第{t}项任务")
owner_indicator = Text("BG980", "indicator {n}", "第{n}项指标")
owner_plan_section = Text("BG981", "section {s} of the plan", "工作计划第{s}部分")
owner_review_section = Text("BG982", "section {s} of the review", "工作回顾第{s}部分")
owner_point = Text("BG983", "point {p} of section {s} of the review", "工作回顾第{s}部分第{p}点")
owner_result = Text("BG984", "figure {n} of section {s} of the review", "工作回顾第{s}部分第{n}项指标")
owner_ranking = Text("BG985", "ranking {n}", "第{n}项排名")
owner_department = Text("BG986", "department {n}", "部门名单第{n}项")
key_named = Text("BG987", '"{key}"', "“{key}”（{field}）")
