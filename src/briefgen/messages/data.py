"""Catalogue entries (see briefgen.messages): data files (YAML, JSON), their values and the report model (BG1xx)."""

from ..i18n import Text

# ---- values of the wrong kind (pydantic's checks), doubts, and the sources of a data file --------------------------
must_be_text = Text("BG101", "must be text", "应为文字")
must_be_integer = Text("BG102", "must be a whole number", "应为整数")
must_be_yes_no = Text("BG103", "must be true or false", "应为 true 或 false")
must_be_list = Text("BG104", 'must be a list (one item per line, each starting with "- ")', "应为列表（每项一行，以“- ”开头）")
must_be_mapping = Text("BG105", "must be a mapping of keys and values (key: value)", "应为“键: 值”形式的映射")
must_be_date = Text("BG106", "must be a date such as 2022-07-29", "应为日期，如 2022-07-29")
must_be_empty_not = Text("BG107", "is empty; fill it in", "是空的，请填写")
must_be_at_least = Text("BG108", "must be at least {n}", "不能小于 {n}")
must_be_at_most = Text("BG109", "must be at most {n}", "不能大于 {n}")
must_be_one_of = Text("BG110", "must be one of {choices}", "应为以下之一：{choices}")
due_before_report = Text("BG111", "{due} is before the report's date {date}; check the deadline",
                         "{due} 早于报告的日期 {date}，请核对完成时限")
due_before_report_as = Text("BG112", "{due} ({text}) is before the report's date {date}; check the deadline",
                            "{due}（{text}）早于报告的日期 {date}，请核对完成时限")
due_vague = Text("BG113", "{text}: {doubt} ({due}); write the date if the order matters",
                 "{text}：{doubt}（{due}）；如果先后顺序要紧，请写出具体日期")
unit_not_listed = Text("BG114", '"{name}" is not in the departments list ({listed}); it is taken as a department: add it '
                       "to the list or correct the name",
                       "“{name}”不在部门名单（{listed}）里，已当作一个部门处理；请把它加进名单，或改正名称")
unknown_key_use = Text("BG115", "unknown key; use {keys}", "没有这个键，请用 {keys}")
unknown_key_near = Text("BG163", "unknown key; did you mean {key}? (keys here: {keys})", "没有这个键，是不是要写 {key}？（这里可用：{keys}）")
table_file_required = Text("BG116", "the table's file name is required", "缺少表格的文件名，请填写")
give_table_file = Text("BG117", "give the table's file name, e.g. 指标.xlsx", "请写表格的文件名，如 指标.xlsx")
sources_mapping = Text("BG118", "must be a mapping such as {{indicators: 指标.xlsx, tasks: 任务.xlsx}}",
                       "应为映射，如 {{indicators: 指标.xlsx, tasks: 任务.xlsx}}")
columns_mapping = Text("BG119", "must map our headings to yours, e.g. {{工作任务: 任务内容}}",
                       "应把我们的列标题对应到您表格的列标题，如 {{工作任务: 任务内容}}")
title_empty = Text("BG128", "a title is empty; write the title, or leave the entry out for the default",
                   "标题是空的；请写出标题，或删去这一项以使用默认标题")
title_unknown_field = Text("BG129", "unknown field {field} in the title {title}; use {{issuer}}, {{year}}, {{period}}, {{plan}} "
                           "or {{department}}, or write the title out",
                           "标题 {title} 里没有 {field} 这个字段；请用 {{issuer}}、{{year}}、{{period}}、{{plan}} 或 {{department}}，"
                           "或把标题直接写出来")
table_not_data = Text("BG127", "{path}: a table holds indicators or tasks, not the report's title, issuer and date; build from "
                      "the report's data file (`briefgen init` makes one) and add the table with --indicators or --tasks",
                      "{path}：表格里只有指标或任务，没有报告的标题、发文单位和日期；请用报告的数据文件生成（`briefgen init` 可以新建一个），"
                      "再用 --indicators 或 --tasks 加上表格")

# ---- data files ---------------------------------------------------------------------------------------------------
report_not_data = Text("BG120", "a report as written is not data yet: run `briefgen extract {name} -o report.yaml`, "
                       "check the draft, then build from it",
                       "写成的报告还不是数据：请先运行 `briefgen extract {name} -o report.yaml`，核对草稿后再用它生成")
unknown_suffix = Text("BG121", "cannot read {suffix} files here; use .yaml, .yml, .json, .xlsx or .csv",
                      "不能读取 {suffix} 文件，请使用 .yaml、.yml、.json、.xlsx 或 .csv")
no_suffix = Text("BG122", "cannot read files without a suffix here; use .yaml, .yml, .json, .xlsx or .csv",
                 "不能读取没有后缀名的文件，请使用 .yaml、.yml、.json、.xlsx 或 .csv")
file_size = Text("BG123", "the file is {size}", "文件大小为 {size}")
limit_data_file = Text("BG124", "a data file of at most {size} (limits.MAX_DATA_FILE_BYTES)",
                       "{size} 的数据文件（limits.MAX_DATA_FILE_BYTES）")
limit_table_file = Text("BG125", "a table of at most {size} (limits.MAX_TABLE_FILE_BYTES)",
                        "{size} 的表格（limits.MAX_TABLE_FILE_BYTES）")
fix_file_size = Text("BG126", "remove what the report does not need, or split the tables into their own files",
                     "请删去报告用不到的内容，或把表格拆成单独的文件")

# ---- YAML ---------------------------------------------------------------------------------------------------------
invisible_char = Text("BG130", "holds the invisible character U+{code} ({label}) at character {pos}, which a document "
                      "cannot hold; delete it (it often comes from copying out of another program)",
                      "第 {pos} 个字是不可见字符 U+{code}（{label}），文档中不能有这种字符；请删除它（常见于从其他程序复制的内容）")
invisible_char_after = Text("BG131", 'holds the invisible character U+{code} ({label}) at character {pos} after "{before}", '
                            "which a document cannot hold; delete it (it often comes from copying out of another program)",
                            "第 {pos} 个字（“{before}”之后）是不可见字符 U+{code}（{label}），文档中不能有这种字符；"
                            "请删除它（常见于从其他程序复制的内容）")
char_control = Text("BG132", "a control character", "控制字符")
char_surrogate = Text("BG133", "a lone surrogate", "孤立的代理码位")
char_noncharacter = Text("BG134", "a noncharacter", "非字符码位")
yaml_invalid = Text("BG135", "invalid YAML: {detail}", "YAML 格式有误：{detail}")
yaml_raw_control = Text("BG136", "the invisible character U+{code} stands in the file, which YAML does not allow; delete it "
                        "(it often comes from copying out of another program)",
                        "文件中有 YAML 不允许的不可见字符 U+{code}；请删除它（常见于从其他程序复制的内容）")
yaml_unreadable = Text("BG137", "a value briefgen cannot read ({kind}: {detail})", "briefgen 无法读取这个值（{kind}：{detail}）")
yaml_full_width_colon = Text("BG138", 'invalid YAML: "{text}" has a full-width colon (：); write "{fixed}" with the ASCII '
                             "colon and a space",
                             "YAML 格式有误：“{text}”用了全角冒号“：”；请改用英文冒号加空格，写成“{fixed}”")
yaml_full_width_space = Text("BG139", 'invalid YAML: "{text}" has a full-width space; write "{fixed}" with an ASCII space',
                             "YAML 格式有误：“{text}”里有全角空格；请改用英文空格，写成“{fixed}”")
yaml_colon_no_space = Text("BG140", 'invalid YAML: no space after the colon in "{text}"; write "{fixed}"',
                           "YAML 格式有误：“{text}”的冒号后面缺少空格；请写成“{fixed}”")
yaml_tab = Text("BG141", "invalid YAML: a tab character; indent with spaces", "YAML 格式有误：有制表符（Tab），请用空格缩进")
yaml_colon_in_value = Text("BG142", 'invalid YAML: a colon and a space inside a value ("{text}"); put the value in quotes, '
                           'or start a new line for the next key',
                           "YAML 格式有误：值里有“冒号加空格”（“{text}”），YAML 会当成新的键；请给这个值加上引号，或把下一个键另起一行")
alias_loop = Text("BG143", "an alias (*name) inside this value refers to the value itself, so it never ends; write the "
                  "inner value out instead of the alias",
                  "这个值里的别名（*name）指向它自己，永远展开不完；请把里面的值直接写出来，不要用别名")
aliases_used = Text("BG144", "the file uses aliases (*name) {n} times", "文件用了 {n} 次别名（*name）")
limit_aliases = Text("BG145", "at most {n} (limits.MAX_YAML_ALIASES)", "{n} 次（limits.MAX_YAML_ALIASES）")
fix_write_out = Text("BG146", "write the values out instead", "请把值直接写出来")
nodes_expand = Text("BG147", "expands to more than {n} values once its aliases (*name) and merge keys (<<) are written out "
                    "(an alias bomb?)", "展开别名（*name）和合并键（<<）后超过 {n} 个值（别名炸弹？）")
limit_nodes = Text("BG148", "at most {n} (limits.MAX_YAML_NODES)", "{n} 个值（limits.MAX_YAML_NODES）")
fix_nodes = Text("BG149", "write the values out instead of repeating them through aliases, or remove them",
                 "请把值直接写出来，不要用别名重复，或删掉它们")
nested_deep = Text("BG150", "values nested more than {n} deep", "嵌套超过 {n} 层")
limit_depth = Text("BG151", "at most {n} levels (limits.MAX_NESTING_DEPTH)", "{n} 层（limits.MAX_NESTING_DEPTH）")
fix_depth = Text("BG152", "flatten the lists and mappings", "请减少列表和映射的嵌套")
list_items = Text("BG153", "a list of {n} items", "列表有 {n} 项")
limit_list = Text("BG154", "lists of at most {n} items (limits.MAX_LIST_ITEMS)", "{n} 项的列表（limits.MAX_LIST_ITEMS）")
fix_list = Text("BG155", "shorten it; a briefing cannot show that many", "请删减，简报放不下这么多")
number_digits = Text("BG156", "a number of {n} digits", "数字有 {n} 位")
limit_number_chars = Text("BG157", "numbers of at most {n} characters (limits.MAX_NUMBER_CHARS)",
                          "{n} 个字符的数字（limits.MAX_NUMBER_CHARS）")
fix_number_chars = Text("BG158", "check the figure; a report's figures have fewer than 20 digits",
                        "请核对数字，报告里的数字不会超过 20 位")
text_chars = Text("BG159", "a text of {n} characters", "文字有 {n} 个字")
limit_text = Text("BG160", "texts of at most {n} characters (limits.MAX_STRING_CHARS)",
                  "{n} 个字的文字（limits.MAX_STRING_CHARS）")
fix_text = Text("BG161", "shorten it or split it into several points", "请缩短，或拆成几点")
given_twice = Text("BG162", "given twice (also on line {line}); keep one", "重复填写（第 {line} 行也有），请只保留一处")

# ---- values -------------------------------------------------------------------------------------------------------
not_a_number = Text("BG165", '"{value}" is not a number', "“{value}”不是数字")
not_a_number_write = Text("BG166", '"{value}" is not a number; write {digits}', "“{value}”不是数字，请写成 {digits}")
not_a_percentage = Text("BG167", '"{value}" is not a percentage', "“{value}”不是百分数")
not_a_percentage_write = Text("BG168", '"{value}" is not a percentage; write {digits}', "“{value}”不是百分数，请写成 {digits}")
due_jan_or_oct = Text("BG169", '{value} could be January or October; write {year}-10 or {year}-01 (in a YAML file, "{year}.10" in quotes)',
                      "{value} 可能是1月也可能是10月；请写成 {year}-10 或 {year}-01（在 YAML 文件里可以加引号写 \"{year}.10\"）")
due_required = Text("BG170", "a deadline is required", "缺少完成时限，请填写")
due_no_year = Text("BG171", '"{value}" names no year and the report has no usable date to take it from; correct report.date '
                   "or write the year, e.g. 2022年12月底前",
                   "“{value}”没有写年份，报告的日期也不能用来推定年份；请改正报告的日期（report.date），或写上年份，如 2022年12月底前")
no_such_month = Text("BG172", '"{value}": month {month} does not exist', "“{value}”：没有 {month} 月")
no_such_day = Text("BG173", '"{value}": day {day} does not exist', "“{value}”：这个月没有 {day} 日")
not_a_deadline = Text("BG174", '"{value}" is not a deadline; write a date such as 2022-10-31, 10月底前 or 年内',
                      "“{value}”不是完成时限；请写日期，如 2022-10-31、10月底前 或 年内")
not_a_date = Text("BG175", '"{value}" is not a date; write it as 2022-07-29', "“{value}”不是日期，请写成 2022-07-29 这样的格式")
not_a_year = Text("BG176", '"{value}" is not a year; write it as 2022', "“{value}”不是年份，请写成 2022 这样的四位数")
not_a_light = Text("BG177", '"{value}" is not a light; write 绿, 黄 or 红', "“{value}”不是亮灯颜色，请写 绿、黄 或 红")
not_yes_no = Text("BG178", '"{value}" is not yes or no; write 是 or 否', "“{value}”不是“是”或“否”，请写 是 或 否")
doubt_spring = Text("BG179", "春节 falls in January or February; {word} is sorted at the year's end",
                    "春节在1月或2月，“{word}”按年底排序")
doubt_flood = Text("BG180", "the flood season's start varies; {word} is taken as the end of May",
                   "汛期开始的时间每年不同，“{word}”按5月底计")
doubt_school = Text("BG181", "开学前 is taken as the end of August", "“开学前”按8月底计")

# ---- the report model ---------------------------------------------------------------------------------------------
figure_not_finite = Text("BG184", '"{value}" is not a number a report can show; write the figure', "“{value}”不是报告能显示的数字，请写出数值")
int_digits = Text("BG185", "a number of {n} digits before the point", "数字的整数部分有 {n} 位")
limit_int_digits = Text("BG186", "at most {n} (limits.MAX_INTEGER_DIGITS)", "{n} 位（limits.MAX_INTEGER_DIGITS）")
fix_larger_unit = Text("BG187", "check the figure, or give it in a larger unit (万元, 亿元)", "请核对数字，或换用更大的单位（万元、亿元）")
decimal_places = Text("BG188", "a number of {n} digits after the point", "数字的小数部分有 {n} 位")
limit_decimal_places = Text("BG189", "at most {n} (limits.MAX_DECIMAL_PLACES)", "{n} 位（limits.MAX_DECIMAL_PLACES）")
fix_round = Text("BG190", "round the figure", "请四舍五入，少留几位小数")
year_outside = Text("BG191", "{day}: the year {year} is outside {low}-{high} (limits.MIN_YEAR, limits.MAX_YEAR); check the year",
                    "{day}：{year} 年不在 {low}—{high} 年之间（limits.MIN_YEAR、limits.MAX_YEAR），请核对年份")
title_required = Text("BG192", "a title is required", "缺少任务名称，请填写")
not_a_mapping_file = Text("BG193", "the file must hold a mapping with a `report:` section at the top",
                          "文件最上层应为映射，并以 `report:` 部分开头")
field_missing = Text("BG194", "this field is required but missing", "缺少，请填写")
field_unknown = Text("BG195", "unknown field; check its spelling (here: {keys})", "没有这个字段，请检查拼写（这里可用：{keys}）")
field_key_in_english = Text("BG197", "unknown field; keys are written in English: write {key} instead of {typed}",
                            "没有这个字段；键要用英文写，“{typed}”请写成 {key}")
field_did_you_mean = Text("BG196", "unknown field; did you mean {key}?", "没有这个字段，是不是要写{key}？")
invalid_value = Text("BG198", "not accepted: {detail}", "取值无效：{detail}")
listed_twice = Text("BG199", '"{name}" is listed twice (also as {other})', "“{name}”重复出现（{other}也有）")

# ---- a draft's marks left in the data ------------------------------------------------------------------------
still_unchecked = Text("BG164", "still marked 待核实 ({reason}): check it against the report, then delete the mark",
                       "仍标着“待核实”（{reason}）：请对照报告核实，然后删去这个标记")
due_jan_or_oct_excel = Text("BG182", "{value} could be January or October: Excel stored a typed {year}.10 as the number {value}; "
                            "set the cell's format to Text and type {year}.10 again, or write {year}-10 (or {year}年10月)",
                            "{value} 可能是1月也可能是10月：Excel 把输入的 {year}.10 存成了数字 {value}；请把单元格格式设为“文本”后重新输入 "
                            "{year}.10，或写成 {year}-10（或 {year}年10月）")
