"""Catalogue entries (see briefgen.messages): extraction of raw reports (BG6xx), ``briefgen extract``.

The errors it raises, the findings it prints, the header of the YAML draft and the reasons written there as
``# 待核实: reason`` comments. Values taken from the report (a deadline, a title) go in as arguments.
"""

from ..i18n import Text

# --------------------------------------------------------------------------- reading the report
extract_suffix = Text("BG601", "cannot extract from {suffix} files; save the report as .txt, .docx or .pdf",
                      "无法从 {suffix} 文件中提取；请把报告另存为 .txt、.docx 或 .pdf")
extract_bad_docx = Text("BG602", "not a readable Word file ({kind}); open it in Word and save it again as .docx",
                        "不是可以读取的 Word 文件（{kind}）；请用 Word 打开，再另存为 .docx")
extract_bad_pdf = Text("BG603", "not a readable PDF ({kind}); save the report as .txt or .docx",
                       "不是可以读取的 PDF（{kind}）；请把报告另存为 .txt 或 .docx")
extract_no_text_layer = Text("BG604", "the PDF has no text layer ({pages} pages, scanned images?): "
                             "run text recognition (OCR) on it, or copy the report's text into a .txt file",
                             "这个 PDF 没有文字层（共 {pages} 页，可能是扫描的图片）：请先做文字识别（OCR），"
                             "或把报告的文字复制到一个 .txt 文件里")
extract_nothing = Text("BG605", "nothing to extract: no figures (such as 31.3亿元 or 增长9.5%), "
                       "no numbered sections and no tasks were found in the text; check that this is the report",
                       "没有可提取的内容：文中没有找到数字（如 31.3亿元、增长9.5%）、带编号的小标题或任务；请确认这是工作报告")
extract_save_as = Text("BG606", "UTF-8 text", "UTF-8 编码的文本")
"""What a report that is not text should be saved as (the {save_as} of not_text)."""

# --------------------------------------------------------------------------- cleaning (CleanResult.summary)
clean_steps = Text("BG607", "{steps}", "{steps}")
"""The cleaning steps, a list of the entries below (joined with ", " or 、)."""
clean_pinyin = Text("BG608", "{n} pinyin annotations removed", "删除拼音注音 {n} 处")
clean_marks = Text("BG609", "{n} punctuation marks restored to full width", "恢复全角标点 {n} 个")
clean_spaces = Text("BG610", "{n} stray spaces removed", "删除多余空格 {n} 处")
clean_converted = Text("BG611", "Traditional converted to Simplified", "繁体已转为简体")
clean_lines = Text("BG612", "{n} line breaks restored", "恢复换行 {n} 处")
clean_joined = Text("BG654", "{n} lines broken at the page's width joined", "合并按页宽断开的行 {n} 处")
clean_rows = Text("BG655", "{n} table rows put back together from one cell a line", "把逐格分行的表格恢复为 {n} 行")

# --------------------------------------------------------------------------- findings (ExtractResult.findings)
finding_source = Text("BG613", "{source}: {title} ({issuer}, {date})", "{source}：{title}（{issuer}，{date}）")
finding_cleaning = Text("BG614", "cleaning: {summary}", "文本清理：{summary}")
finding_review = Text("BG615", "review: {sections} sections, {points} points; {indicators} headline indicators, "
                      "{results} other figures, {rankings} rankings",
                      "工作回顾：{sections} 个部分，{points} 个要点；主要指标 {indicators} 项，其他数字 {results} 项，排名 {rankings} 项")
finding_review_tally = Text("BG616", "review: {sections} sections, {points} points; {indicators} headline indicators, "
                            "{results} other figures, {rankings} rankings, tally {tally}",
                            "工作回顾：{sections} 个部分，{points} 个要点；主要指标 {indicators} 项，其他数字 {results} 项，"
                            "排名 {rankings} 项，亮灯 {tally}")
finding_plan = Text("BG617", "plan: {sections} sections, {tasks} lead tasks", "工作计划：{sections} 个部分，重点任务 {tasks} 项")
finding_plan_leads = Text("BG618", "plan: {sections} sections, {tasks} lead tasks, {leads} with their lead unit",
                          "工作计划：{sections} 个部分，重点任务 {tasks} 项，其中 {leads} 项写明了牵头单位")
finding_uncertain = Text("BG619", "uncertain: {n} fields (owners, deadlines and departments are placeholders to fill in)",
                         "待核实：{n} 处（原文未写明的牵头单位、完成时限和部门是占位内容，请填写）")
finding_empty = Text("BG620", "gave nothing: {parts}", "未提取到内容：{parts}")
"""The parts that gave nothing, a list of the three entries below."""
finding_empty_review = Text("BG621", "review section {n} ({title})", "工作回顾第 {n} 部分（{title}）")
finding_empty_plan = Text("BG622", "plan section {n} ({title})", "工作计划第 {n} 部分（{title}）")
finding_no_figures = Text("BG623", "no figures anywhere in the text", "全文没有找到任何数字")
finding_field = Text("BG624", "{path}: {why}", "{path}：{why}")
"""One uncertain field of the findings: its path in the data and the reason (a why_* entry)."""

# --------------------------------------------------------------------------- the draft's header
draft_from = Text("BG625", "Draft data extracted by `briefgen extract` from {source}.",
                  "由 `briefgen extract` 从 {source} 提取的数据草稿。")
draft_placeholders = Text("BG626", "Owners (lead/support), deadlines (due) and departments that the report does not name "
                          "are placeholders (待定, 年内): fill them in.",
                          "原文未写明的牵头和配合单位（lead/support）、完成时限（due）和部门是占位内容（待定、年内），请填写。")
draft_check = Text("BG627", "Lines marked “# 待核实” need checking against the report.",
                   "标有“# 待核实”的行需要对照原报告核实。")

# --------------------------------------------------------------------------- why a value is uncertain (# 待核实)
why_departments_listed = Text("BG628", "the units named in the task list; add the office's other departments",
                              "取自任务清单中出现的单位，请补充本单位的其他部门")
why_no_departments = Text("BG629", "the report names no departments: list the office's departments here",
                          "原文没有列出部门，请在此填写本单位的各部门")
why_list_no_due = Text("BG630", "the list gives no deadline; 年内 is a placeholder",
                       "清单未写完成时限，“年内”是占位内容，请填写")
why_due_from_text = Text("BG631", "deadline “{due}” taken from the task's text; check it",
                         "完成时限“{due}”取自任务正文，请核对")
why_due_stale = Text("BG632", "deadline “{due}” taken from the task's text; it is before the report's date: probably out of date",
                     "完成时限“{due}”取自任务正文，早于报告日期，可能已经过时，请核对")
why_due_unread = Text("BG633", "deadline “{due}” is not one briefgen reads; 年内 is a placeholder",
                      "briefgen 读不懂完成时限“{due}”，暂填“年内”，请改写")
why_no_due = Text("BG634", "the report gives no deadline; 年内 is a placeholder",
                  "原文未写完成时限，“年内”是占位内容，请填写")
why_list_no_lead = Text("BG635", "no lead unit named for this task", "这项任务未写明牵头单位，请填写")
why_first_unit_leads = Text("BG636", "only 责任单位 named: the first one is taken to lead",
                            "只写了责任单位，暂以第一个单位为牵头单位，请核对")
why_no_lead = Text("BG637", "the report names no lead department", "牵头单位未在原文中找到，请填写")
why_no_tasks = Text("BG638", "no lead tasks recognised in this section; split its text into tasks by hand",
                    "这一部分没有识别出重点任务，请手工把正文拆分成任务")
why_plan_no_sections = Text("BG639", "no numbered sections (（一） or 一、) found in the plan part",
                            "工作计划部分没有找到带编号的小标题（（一）或一、）")
why_review_no_sections = Text("BG640", "no numbered sections (一、 or （一）) found in the review part",
                              "工作回顾部分没有找到带编号的小标题（一、或（一））")
note_review_no_sections = Text("BG641", "review part has no numbered sections", "工作回顾部分没有带编号的小标题")
why_month_only = Text("BG642", "the report gives only the month; the 1st is a placeholder day",
                      "原文只写了月份，日期暂填 1 日，请核对")
why_no_date = Text("BG643", "no 成文日期 or date line found; the date is a placeholder",
                   "未找到成文日期或日期行，日期是占位内容，请填写")
why_title_from_file = Text("BG644", "taken from the file name", "取自文件名，请核对")
why_title_composed = Text("BG645", "the report has no title line; composed from its part headings",
                          "原文没有标题行，标题由各部分的标题拼成，请核对")
why_no_issuer = Text("BG646", "no 发布机构 found", "未找到发布机构，请填写")
why_year_before_title = Text("BG647", "the report reviews the year before its title's: check it",
                             "报告回顾的是标题年份的上一年，请核对")
why_year_from_date = Text("BG648", "no year in the title or the text; the year of the report's date is taken",
                          "标题和正文中没有年份，暂取报告日期的年份，请核对")
why_no_year = Text("BG649", "no year found in the title, the text or a date: this year is a placeholder; write the report's year",
                   "标题、正文和日期中都没有年份，暂填今年，请填写报告的年份")
why_no_period = Text("BG650", "no period found in the text", "原文未写明报告期，请核对")
why_tally_period = Text("BG651", "the report does not say which period the lights are for; the report's period is assumed",
                        "原文未写明亮灯情况对应的时期，暂取报告期，请核对")
why_estimate = Text("BG652", "marked 预计 in the report: replace with the final figure when known",
                    "原文标为预计，有了最终数字请替换")
why_year_from_text = Text("BG653", "no year in the title or a heading; {year} is the year the text names most: check it",
                          "标题和小标题中没有年份，暂取正文中出现最多的年份 {year}，请核对")
why_co_leads = Text("BG689", "co-leads: {others} also lead; the first unit named is the lead and the others are listed as support",
                    "共同牵头：{others} 也是牵头单位；暂以列在第一的单位为牵头单位，其余列为配合单位，请核对")
why_year_from_phrase = Text("BG688", "no year written; {year} is the year the text calls “{phrase}”: check it",
                            "原文未写年份，据“{phrase}”推定为 {year} 年，请核对")
# --------------------------------------------------------------------------- extract --report: the headline list per part
report_headline = Text("BG656", "headline list: {n} figures, per part:", "主要指标清单：共 {n} 项，各部分如下：")
report_part = Text("BG657", "{part}: {headline} to the headline list ({why}), {kept} kept with it",
                   "{part}：{headline} 项列入主要指标（{why}），{kept} 项留在本部分")
report_part_table = Text("BG658", "indicator table", "指标表")
report_part_opening = Text("BG659", "opening (before the first section; its other figures make the section 总体情况)",
                           "开头部分（第一个小标题之前；其余数字列为“总体情况”部分）")
report_part_head = Text("BG660", "section “{title}” (the economy)", "“{title}”部分（经济）")
report_part_section = Text("BG661", "section “{title}”", "“{title}”部分")
report_why_growth = Text("BG662", "{n} with their growth", "{n} 项带增速")
report_why_aggregate = Text("BG663", "{n} economic aggregates", "{n} 项经济总量")
report_why_table = Text("BG664", "{n} table rows", "{n} 行表格")
report_why_only = Text("BG665", "{n}: the report's only figures", "{n} 项：全文仅有的数字")
report_why_none = Text("BG666", "none is an aggregate with growth", "没有带增速的经济总量")
report_too_long = Text("BG698", "the report's text has {n} characters; briefgen extract takes apart reports of at most {limit} "
                       "(limits.MAX_REPORT_CHARS); a year's work report has 20,000-50,000: give the report itself, or extract it in parts",
                       "报告正文有 {n} 个字；briefgen extract 最多拆解 {limit} 个字的报告（limits.MAX_REPORT_CHARS）；"
                       "一年的工作报告约 2 万至 5 万字：请给出报告本身，或分几部分提取")
report_too_big = Text("BG699", "the report is {size} MB; briefgen extract reads reports of at most {limit} MB ({name}); "
                      "a work report is well under 1 MB: give the report itself, or split the file",
                      "报告文件有 {size} MB；briefgen extract 最多只读 {limit} MB 的报告（{name}）；"
                      "一份工作报告远小于 1 MB：请给出报告本身，或把文件拆开")
