"""Catalogue entries (see briefgen.messages): tables (Excel, CSV) and the sources of a data file (BG2xx).

A problem at a cell is placed by ``file:Sheet1!D7`` and named by the column as the sheet heads it (同比增长), so the
entries here say only what is wrong with the value and how to fix it.
"""

from ..i18n import Text

# ---- opening a workbook (briefgen.load.sheets: _read_xlsx, check_workbook) ----------------------------------------
workbook_unopenable = Text("BG201", "cannot open the workbook ({detail}); save it again as .xlsx",
                           "无法打开这个工作簿（{detail}）；请重新另存为 .xlsx")
not_xlsx = Text("BG202", "not an .xlsx workbook ({kind}); save it again as .xlsx",
                "不是 .xlsx 工作簿（{kind}）；请重新另存为 .xlsx")
sheet_far_value = Text("BG203", "a value this far out makes the sheet {rows} rows by {columns} columns",
                       "这个单元格离表格太远，工作表因此有 {rows} 行、{columns} 列")
limit_sheet_size = Text("BG204", "sheets of at most {rows} rows and {columns} columns (limits.MAX_TABLE_ROWS, limits.MAX_TABLE_COLUMNS)",
                        "{rows} 行、{columns} 列的工作表（limits.MAX_TABLE_ROWS、limits.MAX_TABLE_COLUMNS）")
fix_far_value = Text("BG205", "delete what stands there, or copy the table into a new sheet",
                     "请删除那里的内容，或把表格复制到新的工作表")
workbook_parts = Text("BG206", "the workbook holds {n} parts", "工作簿里有 {n} 个部件")
limit_zip_members = Text("BG207", "at most {n} (limits.MAX_ZIP_MEMBERS)", "{n} 个部件（limits.MAX_ZIP_MEMBERS）")
fix_save_from_excel = Text("BG208", "save it again from Excel as .xlsx", "请用 Excel 重新另存为 .xlsx")
part_unpacks_to = Text("BG209", "its part {part} unpacks to {size}", "其中的部件 {part} 解压后有 {size}")
limit_zip_member = Text("BG210", "parts of at most {size} (limits.MAX_ZIP_MEMBER_BYTES)",
                        "{size} 的部件（limits.MAX_ZIP_MEMBER_BYTES）")
fix_new_workbook = Text("BG211", "copy the table into a new workbook", "请把表格复制到一个新的工作簿")
part_ratio = Text("BG212", "its part {part} unpacks {ratio} times larger than stored (a zip bomb?)",
                  "其中的部件 {part} 解压后是压缩时的 {ratio} 倍（压缩炸弹？）")
limit_zip_ratio = Text("BG213", "parts compressed at most {n} times (limits.MAX_ZIP_RATIO)",
                       "压缩比不超过 {n} 倍的部件（limits.MAX_ZIP_RATIO）")
workbook_unpacks_to = Text("BG214", "the workbook unpacks to {size}", "工作簿解压后有 {size}")
limit_zip_total = Text("BG215", "at most {size} (limits.MAX_ZIP_TOTAL_BYTES)", "{size}（limits.MAX_ZIP_TOTAL_BYTES）")
part_doctype = Text("BG216", "its part {part} declares a document type (DTD), which Excel never writes and an entity bomb "
                    "needs; save the file again from Excel as .xlsx",
                    "其中的部件 {part} 声明了文档类型（DTD），Excel 从不写这种内容，实体炸弹却需要它；请用 Excel 重新另存为 .xlsx")
sheet_cells = Text("BG217", "the sheet in {part} stores more than {n} cells (values or formatting)",
                   "{part} 中的工作表存有超过 {n} 个单元格（含数值或格式）")
limit_sheet_cells = Text("BG218", "at most {n} cells a sheet (limits.MAX_TABLE_CELLS)", "每个工作表 {n} 个单元格（limits.MAX_TABLE_CELLS）")
fix_table_alone = Text("BG219", "copy the table alone into a new workbook", "请只把表格复制到一个新的工作簿")
sheet_merges = Text("BG220", "the sheet in {part} merges cells {ref}, more than {n} cells in all",
                    "{part} 中的工作表合并了单元格 {ref}，共超过 {n} 个单元格")
fix_unmerge = Text("BG221", "unmerge those cells, or copy the table alone into a new workbook",
                   "请取消这些单元格的合并，或只把表格复制到一个新的工作簿")
sheet_rows = Text("BG222", "the sheet in {part} has more than {n} rows with values", "{part} 中的工作表有超过 {n} 行数据")
limit_sheet_rows = Text("BG223", "sheets of at most {n} rows (limits.MAX_TABLE_ROWS)", "{n} 行的工作表（limits.MAX_TABLE_ROWS）")
fix_fewer_rows = Text("BG224", "split the table, or keep only the rows the report needs", "请拆分表格，或只保留报告用得到的行")
fix_table_file_size = Text("BG225", "keep only the sheet with the table, without pictures", "请只保留有表格的工作表，并删去图片")
old_workbook = Text("BG226", "cannot read {suffix} workbooks; open it in Excel or WPS and save as .xlsx",
                    "不能读取 {suffix} 工作簿；请用 Excel 或 WPS 打开，另存为 .xlsx")
not_a_table_suffix = Text("BG227", "cannot read {suffix} as a table; use .xlsx or .csv", "不能把 {suffix} 文件当表格读取；请使用 .xlsx 或 .csv")
not_a_table_no_suffix = Text("BG228", "cannot read files without a suffix as a table; use .xlsx or .csv",
                             "不能把没有后缀名的文件当表格读取；请使用 .xlsx 或 .csv")

# ---- cells (cell_problem) and CSV files ----------------------------------------------------------------------------
cell_not_finite = Text("BG230", "{value} is not a number a report can show; type the figure or leave the cell empty",
                       "{value} 不是报告能显示的数字；请填写数值，或让这个单元格空着")
limit_cell_text = Text("BG231", "cells of at most {n} characters (limits.MAX_STRING_CHARS)", "{n} 个字的单元格（limits.MAX_STRING_CHARS）")
fix_shorten = Text("BG232", "shorten it", "请缩短")
csv_rows = Text("BG233", "more than {n} rows", "超过 {n} 行")
limit_csv_rows = Text("BG234", "tables of at most {n} rows (limits.MAX_TABLE_ROWS)", "{n} 行的表格（limits.MAX_TABLE_ROWS）")
csv_columns = Text("BG235", "a row of {n} columns", "一行有 {n} 列")
limit_csv_columns = Text("BG236", "tables of at most {n} columns (limits.MAX_TABLE_COLUMNS)", "{n} 列的表格（limits.MAX_TABLE_COLUMNS）")
fix_fewer_columns = Text("BG237", "delete the columns the report does not need", "请删去报告用不到的列")
csv_cell_too_long = Text("BG238", 'a cell of more than {n} characters begins on or after this line, or a quote (") opened here '
                         "is never closed; close the quote or shorten the cell",
                         "从这一行起有一个超过 {n} 个字的单元格，或者这里的引号（\"）没有配对；请补上另一半引号，或缩短这个单元格")
csv_open_quote = Text("BG239", 'a quote (") opened on this line is never closed; close it or delete it',
                      "这一行的引号（\"）没有配对；请补上另一半引号，或删掉它")
csv_unreadable = Text("BG240", "not readable as CSV ({detail}); save it again as CSV UTF-8",
                      "无法作为 CSV 读取（{detail}）；请重新另存为“CSV UTF-8”")

# ---- headings and columns ------------------------------------------------------------------------------------------
not_a_heading = Text("BG241", "not a heading briefgen knows; use one of {known}", "briefgen 不认识这个列标题；请用以下之一：{known}")
no_heading_row = Text("BG242", "no heading row found in {where}; expected the headings of {wants}",
                      "在{where}中没有找到标题行；应有{wants}的列标题")
where_the_file = Text("BG243", "the file", "文件")
where_sheet = Text("BG244", "sheet {name}", "工作表 {name}")
where_any_sheet = Text("BG245", "any sheet ({names})", "任何一个工作表（{names}）")
wants_indicators = Text("BG246", "an indicator table ({headings})", "指标表（{headings}）")
wants_tasks = Text("BG247", "a task table ({headings})", "任务表（{headings}）")
wants_either = Text("BG248", "{first} or {second}", "{first}或{second}")
headings_tasks = Text("BG249", "序号, 工作任务 (or 重点任务), 牵头单位, 配合单位 (or 责任单位), 完成时限",
                      "序号、工作任务（或 重点任务）、牵头单位、配合单位（或 责任单位）、完成时限")
headings_indicators = Text("BG250", "序号, 指标名称, 单位, 完成值 (or 累计), 同比增长(%), 目标值, 完成进度",
                           "序号、指标名称、单位、完成值（或 累计）、同比增长(%)、目标值、完成进度")
no_sheet_named = Text("BG251", 'no sheet named "{sheet}"; the workbook has: {names}', "没有名为“{sheet}”的工作表；工作簿里有：{names}")
no_column_headed = Text("BG252", 'no column headed "{heading}" in {where}; the headings are: {headings}',
                        "{where}中没有标题为“{heading}”的列；现有的列标题是：{headings}")
lead_heading = Text("BG254", "牵头单位", "牵头单位")  # the column a task table lacks, as tables head it
no_lead_column = Text("BG253", "no 牵头单位 (or 责任单位) column among the headings ({found}); rename that heading, or map it "
                      "under [columns] in briefgen.toml",
                      "列标题（{found}）中没有“牵头单位”（或“责任单位”）列；请改正那一列的标题，或在 briefgen.toml 的 [columns] 里对应上")

# ---- values in cells -----------------------------------------------------------------------------------------------
formula_unsaved = Text("BG255", "the formula {formula} has no saved result; open the file in Excel or WPS and save it",
                       "公式 {formula} 没有保存计算结果；请用 Excel 或 WPS 打开这个文件并保存")
unit_disagrees = Text("BG256", '"{value}" is in {written} but the unit of the row is {unit}; write the figure in {unit}',
                      "“{value}”的单位是{written}，但这一行的单位是{unit}；请按{unit}填写数字")
unit_empty = Text("BG257", 'empty: "{name}" has no unit; write its unit (亿元, %, 家 …), or — if the figure has none',
                  "空的：“{name}”没有单位；请填写单位（亿元、%、家……），没有单位的请写 —")
about_estimate = Text("BG258", '"{text}" was read as {number} {unit} marked 预计 (约 says it is an estimate); check the figure, '
                      "or write {number} here and 预计 in the 备注 column",
                      "“{text}”已读作 {number} {unit}，并标为预计（“约”表示估计数）；请核对数字，或在这里写 {number}，在备注列写“预计”")
group_alone = Text("BG259", '"{title}" stands alone in its row and no indicator follows it, so it is taken as a group heading; '
                   "if it is an indicator, fill in its figures",
                   "“{title}”单独占一行，下面没有指标，已当作分组标题；如果它是一个指标，请填写它的数字")

# ---- what a table file gave: the sheet read, and a choice briefgen does not make in silence -----------------------
word_indicator_table = Text("BG280", "the indicator table", "指标表")
word_task_table = Text("BG281", "the task table", "任务表")
several_sheets = Text("BG282", "{table} is in several sheets ({sheets}); name the one to read in the data file's sources, "
                      'e.g. sources: {{{key}: {{file: {file}, sheet: "{first}"}}}}, or delete the old sheet',
                      "{table}出现在多个工作表中（{sheets}），请在数据文件的 sources 中指明要读取哪一个，"
                      "例如 sources: {{{key}: {{file: {file}, sheet: \"{first}\"}}}}，或删除旧的工作表")
table_read = Text("BG283", "{file}: read {table} from {where} (headings in row {row}); columns read: {read}",
                  "{file}：从{where}读取了{table}，表头在第 {row} 行；读取的列：{read}")
table_read_ignoring = Text("BG284", "{file}: read {table} from {where} (headings in row {row}); columns read: {read}; "
                           "not read (briefgen has no place for them): {unread}",
                           "{file}：从{where}读取了{table}，表头在第 {row} 行；读取的列：{read}；"
                           "未读取的列（briefgen 不使用）：{unread}")
xlsx_encrypted = Text("BG260", "the workbook is protected by a password (encrypted), so no program can read it without it: open it "
                      "in Excel or WPS, clear the password (File > Info > Protect Workbook > Encrypt with Password) and save it",
                      "这个工作簿设置了打开密码（已加密），没有密码就读不了：请用 Excel 或 WPS 打开，在“文件→信息→保护工作簿→用密码进行加密”"
                      "中清除密码并保存，再使用该文件")
xls_named_xlsx = Text("BG285", "this is an old Excel .xls workbook with a {suffix} name: open it in Excel or WPS and save it as "
                      "\"Excel 工作簿 (*.xlsx)\", then use that file", "这是旧版 Excel 的 .xls 工作簿，只是文件名是 {suffix}：请用 Excel 或 WPS "
                      "打开，另存为“Excel 工作簿 (*.xlsx)”，再使用另存的文件")
