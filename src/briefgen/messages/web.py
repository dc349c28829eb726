"""Catalogue entries (see briefgen.messages): the local web page (`briefgen serve`) and `briefgen watch`, BG10xx.

Every text of the page is here: the page takes them all in its language (``page_texts``) and shows them.
"""

from ..i18n import Text

# ---- the page -----------------------------------------------------------------------------------------------------
web_title = Text("BG1001", "briefgen: briefing documents", "briefgen 简报材料生成")
web_subtitle = Text("BG1002", "Drop your Excel or data file, see every page, take the files.",
                    "拖入 Excel 或数据文件，预览每一页，下载成品。")
web_folder = Text("BG1003", "Working folder", "工作文件夹")
web_drop = Text("BG1004", "Drop files here, or", "把文件拖到这里，或")
web_pick = Text("BG1005", "choose files", "选择文件")
web_kinds = Text("BG1006", "Data (.yaml .json), tables (.xlsx .csv), settings (briefgen.toml), theme (.toml), templates (.xml.j2), "
                 "Word styles (.docx)", "数据（.yaml .json）、表格（.xlsx .csv）、配置（briefgen.toml）、主题（.toml）、模板（.xml.j2）、"
                 "Word 样式参考（.docx）")
web_limits = Text("BG1007", "At most {count} files at a time, each up to {size}, {total} in all.",
                  "每次最多 {count} 个文件，单个不超过 {size}，合计不超过 {total}。")
web_empty = Text("BG1008", "Nothing here yet: drop the report data and its tables, or start from the sample.",
                 "这里还没有文件：请拖入报告数据和表格，或用示例数据开始。")
web_sample = Text("BG1009", "Start from the sample", "用示例数据开始")
web_col_file = Text("BG1010", "File", "文件")
web_col_role = Text("BG1011", "What it is", "类型")
web_col_size = Text("BG1012", "Size", "大小")
web_used = Text("BG1013", "used", "使用中")
web_uploaded = Text("BG1014", "uploaded", "已上传")
web_role_data = Text("BG1015", "report data", "报告数据")
web_role_indicators = Text("BG1016", "indicator table", "指标表")
web_role_tasks = Text("BG1017", "task table", "任务表")
web_role_table = Text("BG1018", "table (no known headings)", "表格（未识别出表头）")
web_role_settings = Text("BG1019", "settings", "配置")
web_role_template = Text("BG1020", "template", "模板")
web_role_theme = Text("BG1021", "theme", "主题")
web_role_reference = Text("BG1022", "Word styles", "Word 样式参考")
web_role_report = Text("BG1023", "work report", "工作报告")

web_make = Text("BG1030", "Make", "生成")
web_job_build = Text("BG1031", "Documents", "生成文档")
web_job_pack = Text("BG1032", "Meeting pack", "会议材料")
web_job_batch = Text("BG1033", "Department briefs", "分部门简报")
web_documents = Text("BG1034", "Documents", "文档")
web_theme = Text("BG1035", "Layout", "版式")
web_theme_official = Text("BG1036", "Official (GB/T 9704)", "公文格式（GB/T 9704）")
web_theme_handout = Text("BG1037", "Handout", "会议材料格式")
web_mark = Text("BG1038", "Mark", "标注")
web_doc_title = Text("BG1039", "Title (one document)", "标题（仅生成一份文档时）")
web_archive = Text("BG1040", "Archive grade (PDF/A and a checksummed manifest)", "归档级（PDF/A 与校验清单）")
web_meeting = Text("BG1041", "Meeting", "会议名称")
web_date = Text("BG1042", "Date", "日期")
web_venue = Text("BG1043", "Venue", "地点")
web_parts = Text("BG1044", "Parts, in order", "组成部分（按顺序）")
web_number = Text("BG1045", "Number (材料之N)", "材料编号（材料之N）")
web_departments = Text("BG1046", "Departments (none ticked: all)", "部门（不勾选即全部）")
web_start = Text("BG1047", "Make", "开始生成")
web_working = Text("BG1048", "Working…", "正在生成……")
web_done = Text("BG1049", "Done in {seconds} s.", "完成，用时 {seconds} 秒。")
web_failed = Text("BG1050", "Nothing was made: fix the problems below and make again.", "未能生成：请按下面的提示修改后重新生成。")
web_progress = Text("BG1051", "{done} of {total} briefs", "已完成 {done}/{total} 份")
web_mark_example = Text("BG1053", "e.g. 内部资料 注意保存", "如：内部资料 注意保存")
web_no_departments = Text("BG1052", "The departments appear when the data is there.", "有了报告数据后，这里列出各部门。")

web_steps = Text("BG1054", "Three steps", "三步完成")
web_step_1 = Text("BG1055", "Drop the report data and its Excel tables on the left (or start from the sample).",
                  "把报告数据和 Excel 表格拖到左边（或用示例数据开始）。")
web_step_2 = Text("BG1056", "Choose what to make and press Make: every page appears here; a problem shows at its cell.",
                  "选择要生成的材料，点“开始生成”：每一页都在这里预览；有问题会标在出错的单元格上。")
web_step_3 = Text("BG1057", "Download each file, or all of them in one zip. Save the Excel again and the pages follow.",
                  "逐个下载成品，或打包下载。再次保存 Excel，预览随之更新。")
web_problems = Text("BG1060", "Problems", "问题")
web_warnings = Text("BG1061", "To check", "提醒")
web_notes = Text("BG1062", "Notes", "说明")
web_results = Text("BG1063", "Files", "成品文件")
web_download = Text("BG1064", "Download", "下载")
web_zip = Text("BG1065", "Download all (zip, with the manifest)", "全部下载（zip，含清单）")
web_pages = Text("BG1066", "{n} p.", "{n} 页")
web_previews = Text("BG1067", "Pages", "页面预览")
web_kept = Text("BG1068", "unchanged", "未变")
web_page_n = Text("BG1069", "page {n}", "第 {n} 页")
web_sheet_at = Text("BG1070", "sheet {sheet}", "工作表 {sheet}")
web_line_at = Text("BG1071", "line {line}", "第 {line} 行")

web_report = Text("BG1080", "From a work report", "从工作报告起草")
web_report_drop = Text("BG1081", "Drop a work report (.docx .txt .pdf) here, or", "把工作报告（.docx .txt .pdf）拖到这里，或")
web_draft = Text("BG1082", "Draft from {name}: check each highlighted field, then save.", "由 {name} 起草：请逐项核实标黄的内容，然后保存。")
web_to_check = Text("BG1083", "To check: {why}", "待核实：{why}")
web_save_draft = Text("BG1084", "Save as the folder's data and make", "保存为数据并生成")
web_draft_rest = Text("BG1086", "The rest of the draft ({n} values)", "草稿其余内容（{n} 项）")
web_draft_saved = Text("BG1085", "Saved as {name}.", "已保存为 {name}。")

web_watch = Text("BG1090", "Make again when a file of the folder is saved", "文件夹中的文件保存后自动重新生成")
web_remade = Text("BG1091", "Made again after a save at {time}.", "{time} 文件保存后已重新生成。")

web_forbidden = Text("BG1100", "Forbidden: open the address that briefgen serve printed, with its token.",
                     "拒绝访问：请打开 briefgen serve 给出的地址（含令牌）。")
web_password = Text("BG1101", "Password", "密码")
web_enter = Text("BG1102", "Open", "进入")
web_token_header = Text("BG1103", "a change needs the page's token in the X-Briefgen-Token header",
                        "修改类请求须在 X-Briefgen-Token 头中带上页面令牌")
web_not_found = Text("BG1104", "not found: {what}", "找不到：{what}")
web_unexpected = Text("BG1105", "briefgen failed unexpectedly ({kind}: {detail}); this is a fault in briefgen, not in your files; "
                      "the page is still usable", "briefgen 意外出错（{kind}：{detail}），这是 briefgen 自身的故障，不是您文件的问题；网页仍可继续使用")
web_no_session = Text("BG1106", "this page's session has ended (removed after {hours} hours unused); reload the page",
                      "本页的会话已结束（闲置 {hours} 小时后清除）；请刷新页面")
web_bad_request = Text("BG1107", "not a request the page sends: {detail}", "不是本页发出的请求：{detail}")
web_job_running = Text("BG1108", "a job of this page is still running; wait for it to finish", "本页还有一项生成正在进行，请等它完成")

# ---- what is refused, and why --------------------------------------------------------------------------------------
web_no_data = Text("BG1120", "no report data yet: drop the data file (.yaml or .json) with its tables, or start from the sample",
                   "还没有报告数据：请拖入数据文件（.yaml 或 .json）及其表格，或用示例数据开始")
web_unknown_kind = Text("BG1121", "{name}: not a kind of file briefgen reads here; drop {kinds}",
                        "{name}：这里不接收这类文件；请拖入 {kinds}")
web_upload_unreadable = Text("BG1109", "the upload is not a form the page sends (more than {files} files, or more fields than the page "
                              "sends); drop the files on the page again", "上传的内容不是本页发出的表单（超过 {files} 个文件，或字段多于本页所发）；"
                              "请重新把文件拖放到网页上")
web_length_required = Text("BG1110", "the upload does not say its size (no Content-Length); send it as the page does, with its size",
                           "上传没有说明大小（缺少 Content-Length）；请像本页那样连同大小一起发送")
web_files_count = Text("BG1122", "{n} files at once", "一次 {n} 个文件")
web_limit_count = Text("BG1123", "at most {n} files at a time (limits.MAX_UPLOAD_FILES)", "每次 {n} 个文件（limits.MAX_UPLOAD_FILES）")
web_fix_count = Text("BG1124", "drop them in several goes", "请分几次拖入")
web_file_refused = Text("BG1125", "{name}: {why}", "{name}：{why}")
web_limit_size = Text("BG1126", "files of this kind of at most {size}", "这类文件最大 {size}")
web_session_full = Text("BG1127", "this page's files would come to {size}", "本页的文件合计将达 {size}")
web_limit_session = Text("BG1128", "at most {size} per page (limits.MAX_SESSION_BYTES)", "每个页面 {size}（limits.MAX_SESSION_BYTES）")
web_fix_session = Text("BG1129", "open a new page for another report", "请为另一份报告另开一个页面")
web_too_big = Text("BG1130", "{name} is {size}; files of this kind may be at most {limit}: not sent",
                   "{name} 有 {size}，这类文件最大 {limit}：未上传")
web_too_many = Text("BG1131", "{n} files: at most {limit} at a time; none was sent", "共 {n} 个文件，每次最多 {limit} 个：均未上传")
web_wrong_kind = Text("BG1132", "{name}: not a kind of file briefgen reads here; not sent", "{name}：这里不接收这类文件，未上传")

# ---- the commands ---------------------------------------------------------------------------------------------------
web_serving = Text("BG1140", "briefgen's page: {url}  (Ctrl+C stops it)", "briefgen 网页：{url}（按 Ctrl+C 停止）")
web_shared = Text("BG1141", "serving other computers at {host}: anyone with this address and its token can use the page",
                  "正在向网络中的其他电脑提供服务（{host}）：任何人持此地址和令牌都可以使用本页")
web_password_given = Text("BG1142", "serving other computers at {host}: the page asks for the password", "正在向网络中的其他电脑提供服务（{host}）：打开页面须输入密码")
web_port_busy = Text("BG1143", "port {port} is in use; give another with --port, or leave --port out for a free one",
                     "端口 {port} 已被占用；请用 --port 指定另一个，或不指定以自动选择空闲端口")
web_not_folder = Text("BG1144", "{path}: no such folder or file; give one working folder (the one with briefgen.toml or the data), "
                      "or the files to open the page with", "{path}：没有这个文件夹或文件；请给出一个工作文件夹（含 briefgen.toml 或数据的文件夹），"
                      "或要在网页中打开的文件")
web_watching = Text("BG1145", "watching {folder}: each save makes the documents again (Ctrl+C stops)",
                    "正在监视 {folder}：每次保存都会重新生成（按 Ctrl+C 停止）")
web_rebuilt = Text("BG1146", "{time} made again: {built} written, {kept} unchanged ({seconds} s)",
                   "{time} 已重新生成：写入 {built} 个，未变 {kept} 个（{seconds} 秒）")
web_not_rebuilt = Text("BG1147", "{time} not made: {problem}", "{time} 未能生成：{problem}")
web_weak_password = Text("BG1148", "--password: at least {n} characters", "--password：至少 {n} 个字符")

# ---- the page's tabs: 督办 (following the tasks up) and 档案 (the archive catalogue) -------------------------------
web_tab_brief = Text("BG1150", "Briefs", "简报材料")
web_tab_track = Text("BG1151", "Follow-up (督办)", "督办")
web_tab_archive = Text("BG1152", "Archive", "档案")
web_track_plan = Text("BG1153", "The plan", "任务计划")
web_track_plan_files = Text("BG1154", "Following up the tasks of {files}.", "督办的任务来自：{files}。")
web_track_no_plan = Text("BG1155", "No plan yet: drop the report data (.yaml) and its task table here, or on the Briefs tab.",
                         "还没有任务计划：请把报告数据（.yaml）和任务表拖到这里，或拖到“简报材料”页。")
web_track_period = Text("BG1156", "Month followed up", "督办月份")
web_track_forms_step = Text("BG1157", "1. Send the 进度表 out", "一、下发进度表")
web_track_forms_help = Text("BG1158", "One form per lead unit, its own tasks filled in and locked; send each unit its form.",
                            "每个牵头单位一张，已预填并锁定其任务；分别发给各单位填报。")
web_track_make_forms = Text("BG1159", "Make the 进度表", "生成进度表")
web_track_forms_zip = Text("BG1160", "Download every form (zip)", "全部下载（zip）")
web_track_return_step = Text("BG1161", "2. Take the returned 进度表 in", "二、收回进度表")
web_track_drop = Text("BG1162", "Drop the returned 进度表 here (several at once), or", "把各单位交回的进度表拖到这里（可一次多个），或")
web_track_received = Text("BG1163", "Returned: {n} files", "已收回 {n} 份")
web_track_none_received = Text("BG1164", "No returned form yet.", "还没有收回的进度表。")
web_track_clear = Text("BG1165", "Clear", "清空")
web_track_report_step = Text("BG1166", "3. Make the 督办通报", "三、生成督办通报")
web_track_as_of = Text("BG1167", "Statuses as of", "截止日期（按此日判定）")
web_track_rule = Text("BG1168", "Status rule", "判定规则")
web_track_thresholds = Text("BG1177", "Thresholds of this rule (this 通报 only; briefgen.toml keeps the office's own)",
                            "本规则的阈值（仅用于本次通报；长期设置写在 briefgen.toml 的 [track]）")
web_threshold_behind_points = Text("BG1178", "Yellow when behind 序时进度 by more than (points)", "落后序时进度超过（个百分点）为黄")
web_threshold_node_points = Text("BG1179", "A node is missed when behind by more than (points)", "落后节点超过（个百分点）为未达节点")
web_threshold_near_days = Text("BG1198", "Blue within (days) of the deadline", "距完成时限（天）以内为蓝")
web_threshold_yellow_left = Text("BG1199", "Yellow with at most (%) of the time left and no progress", "剩余时间不足（%）且无进展为黄")
web_threshold_orange_left = Text("BG1133", "Orange with at most (%) of the time left and no progress", "剩余时间不足（%）且无进展为橙")
web_threshold_late_yellow = Text("BG1134", "Yellow from (days) past the deadline", "超过完成时限（天）起为黄")
web_threshold_late_orange = Text("BG1135", "Orange from (days) past the deadline", "超过完成时限（天）起为橙")
web_threshold_late_red = Text("BG1136", "Red from (days) past the deadline", "超过完成时限（天）起为红")
web_threshold_bad = Text("BG1137", "threshold “{label}” ({name}) is {value}: give {kind} from {low} to {high} on the 督办 tab",
                         "阈值“{label}”（{name}）填了 {value}：请在“督办”页填 {low} 到 {high} 之间的{kind}")
web_threshold_whole = Text("BG1138", "a whole number", "整数")
web_threshold_number = Text("BG1139", "a number", "数")
web_threshold_unknown = Text("BG1149", "{name} is not a threshold of the status rules (they are {known})",
                             "{name} 不是判定规则的阈值（阈值有：{known}）")
web_track_make_report = Text("BG1169", "Make the 通报, 催办单 and 台账", "生成通报、催办单和台账")
web_track_report_zip = Text("BG1170", "Download all (zip: 通报, 催办单, 台账, 销号清单)", "全部下载（zip：通报、催办单、台账、销号清单）")
web_track_welcome = Text("BG1171", "Each month: make the forms, send them out, drop the returned ones, make the 通报.",
                         "每月：生成进度表并下发，收回后拖入，生成督办通报。")
web_archive_title = Text("BG1180", "Search the archive", "档案检索")
web_archive_placeholder = Text("BG1181", "a word, a figure (规上工业增加值) or a unit (经发办)", "词语、指标（如 规上工业增加值）或单位（如 经发办）")
web_archive_search = Text("BG1182", "Search", "检索")
web_archive_all_years = Text("BG1183", "All years", "全部年份")
web_archive_all_kinds = Text("BG1184", "All documents", "全部文档")
web_archive_where = Text("BG1185", "Catalogue {path}: {documents} documents from {folders} archive folders.",
                         "档案目录 {path}：{folders} 个归档文件夹，{documents} 份文档。")
web_archive_none = Text("BG1186", "No archive catalogue at {path} yet: tick “Archive grade” on the Briefs tab and make the "
                        "documents (a 督办 通报 is filed too), or add archive folders with `briefgen catalog add FOLDER`.",
                        "{path} 还没有档案目录：在“简报材料”页勾选“归档级”生成一次（督办通报也会自动归入），"
                        "或用 `briefgen catalog add 文件夹` 加入归档文件夹。")
web_archived = Text("BG1205", "filed in the archive catalogue {path}: the Archive tab finds it ({folder})",
                    "已归入档案目录 {path}，可在“档案”页查到（{folder}）")
web_archive_long_query = Text("BG1187", "{n} characters: search for at most {limit}", "共 {n} 个字：检索词最多 {limit} 个字")
web_archive_figure = Text("BG1188", "{name} across periods", "{name} 历年数据")
web_archive_xlsx = Text("BG1189", "Download as Excel (.xlsx)", "下载 Excel 表（.xlsx）")
web_archive_hits = Text("BG1190", "Pages holding “{query}”: {n}", "含“{query}”的页面：{n} 处")
web_archive_more = Text("BG1191", "The first {n} are shown: narrow by year or document.", "只显示前 {n} 处，可按年份或文档类型筛选。")
web_archive_no_hits = Text("BG1192", "Nothing found for “{query}”.", "没有找到“{query}”。")
web_archive_docx = Text("BG1193", "Word file: no page preview", "Word 文件，无页面预览")
web_archive_tasks = Text("BG1194", "Tasks led by “{query}”", "“{query}”牵头的任务")
web_archive_statuses = Text("BG1196", "督办: the status of the {n} tasks “{query}” leads, period by period",
                            "督办情况：“{query}”牵头的 {n} 项任务各期状态")
web_archive_issue = Text("BG1197", "issue {n}", "第{n}期")
web_archive_merged = Text("BG1195", "Names merged into this series: {names}", "本表合并了这些名称：{names}")
web_track_forms_files = Text("BG1172", "进度表 to send out", "待下发的进度表")
web_track_report_files = Text("BG1173", "通报, 催办单, 台账 and 销号清单", "督办通报、催办单、台账和销号清单")
web_track_none_returned = Text("BG1174", "no returned 进度表 yet: drop the forms the units sent back on “2. Take the returned 进度表 in”",
                               "还没有收回的进度表：请把各单位交回的进度表拖到“二、收回进度表”")
web_progress_moved = Text("BG1175", "{name} is a returned 进度表: kept on the Follow-up (督办) tab, not as the plan's task table",
                          "{name} 是交回的进度表：已放到“督办”页的已收回进度表中，不作为任务表")
web_role_progress = Text("BG1176", "returned 进度表 (督办)", "交回的进度表（督办）")
