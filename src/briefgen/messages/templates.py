"""Catalogue entries: see briefgen.messages."""

from ..i18n import Text

overflows_one_page = Text("BG301", "{template}: a one-page template needs {pages} pages even at the smallest type the theme "
                          "allows ({min_pt} pt); it overflows by about {mm} mm. Shorten the content or use a theme with a lower min_size_pt",
                          "{template}：这是一页的模板，但即使用主题允许的最小字号（{min_pt} 磅）也要 {pages} 页，约超出 {mm} 毫米。"
                          "请精简内容，或换用 min_size_pt 更小的主题")
overflows_pages = Text("BG302", "{template}: a template of at most {budget} pages needs {pages} pages even at the smallest type the theme "
                       "allows ({min_pt} pt); it overflows by about {mm} mm. Shorten the content or use a theme with a lower min_size_pt",
                       "{template}：这个模板最多 {budget} 页，但即使用主题允许的最小字号（{min_pt} 磅）也要 {pages} 页，约超出 {mm} 毫米。"
                       "请精简内容，或换用 min_size_pt 更小的主题")

# --- briefing markup (what a template makes) -----------------------------------------------------------------
mk_not_inside = Text("BG310", "{where}: <{tag}> is not allowed inside <{parent}>", "{where}：<{tag}> 不能放在 <{parent}> 里面")
mk_align = Text("BG311", "{where}: align={value}; use one of {choices}", "{where}：align={value}，请用以下之一：{choices}")
mk_attr_not_number = Text("BG312", "{where}: {attr}={value} is not a number; write {words}", "{where}：{attr}={value} 不是数字，请写{words}")
mk_attr_range = Text("BG313", "{where}: {attr}={value}: write {words}", "{where}：{attr}={value}：请写{words}")
mk_words_lines20 = Text("BG314", "a number of lines from 0 to 20", "0 到 20 之间的行数")
mk_words_lines10 = Text("BG315", "a number of lines from 0 to 10", "0 到 10 之间的行数")
mk_words_width = Text("BG316", "a relative width above 0 and at most 1000", "大于 0、不超过 1000 的相对宽度")
mk_words_colspan = Text("BG317", "a whole number of columns from 1 to {n}", "1 到 {n} 之间的整数列数")
mk_words_finite = Text("BG318", "a finite number", "一个有限的数")
mk_expected = Text("BG319", "{where}: <{tag}> found where <{expected}> was expected", "{where}：这里应为 <{expected}>，却是 <{tag}>")
mk_expected_cell = Text("BG320", "{where}: <{tag}> found where <td> or <th> was expected", "{where}：这里应为 <td> 或 <th>，却是 <{tag}>")
mk_table_empty = Text("BG321", "{where}: a <table> needs at least one row", "{where}：<table> 至少要有一行")
mk_table_columns = Text("BG322", "{where}: a <table> of {n} columns; a table may have at most {limit} (limits.MAX_MARKUP_COLUMNS)",
                        "{where}：<table> 有 {n} 列；一个表格最多 {limit} 列（limits.MAX_MARKUP_COLUMNS）")
mk_widths_count = Text("BG323", "{where}: widths has {n} values but the table has {columns} columns",
                       "{where}：widths 有 {n} 个值，但表格有 {columns} 列")
mk_widths_narrow = Text("BG324", "{where}: widths={value}: a column of {share} of the table's width is too narrow to hold a character; "
                        "make each at least {least} of the sum",
                        "{where}：widths={value}：占表宽 {share} 的列太窄，放不下一个字；每列至少应占总和的 {least}")
mk_decimals = Text("BG325", "{where}: decimals={value}: write a whole number of decimals from 0 to 10, or - for a column as written",
                   "{where}：decimals={value}：请写 0 到 10 的整数位小数，或写 - 表示按原样显示")
mk_row_span = Text("BG326", "{where}: row {n} of a table spans {span} columns, but the table has {columns}",
                   "{where}：表格第 {n} 行占 {span} 列，但表格有 {columns} 列")
mk_root = Text("BG328", "{where}: the markup must have <document> at its root, not <{tag}>", "{where}：标记的根元素应为 <document>，而不是 <{tag}>")
mk_date = Text("BG329", "{where}: date={value} is not a date like 2022-07-29", "{where}：date={value} 不是日期，请写成 2022-07-29 这样")
mk_not_block = Text("BG330", "{where}: <{tag}> is not a block of briefing markup", "{where}：<{tag}> 不是简报标记中的块元素")
mk_max_pages = Text("BG331", "{where}: max-pages={value} is not a number of pages like 2", "{where}：max-pages={value} 不是页数，请写成 2 这样")
mk_chart_kind = Text("BG332", '{where}: <chart kind={value}>: the only chart kind is "bar"', '{where}：<chart kind={value}>：图表只有 "bar"（条形图）一种')
mk_bar_label = Text("BG333", '{where}: a <bar> of a chart needs a label, e.g. <bar label="固定资产投资" value="49.5"/>',
                    '{where}：图表的 <bar> 需要 label，如 <bar label="固定资产投资" value="49.5"/>')
mk_bar_value = Text("BG334", "{where}: <bar label={label} value={value}>: the value is not a number a chart can draw (a figure below 10^15)",
                    "{where}：<bar label={label} value={value}>：这个值不是图表能画的数（应为小于 10^15 的数）")
mk_bar_light = Text("BG335", "{where}: <bar label={label} light={value}>: a light is one of {known} (or empty)",
                    "{where}：<bar label={label} light={value}>：亮灯只能是 {known} 之一（或留空）")
mk_chart_mark = Text("BG379", "{where}: <chart mark={value}>: the mark is the value of the reference band behind the bars, a number such as 50",
                     "{where}：<chart mark={value}>：mark 是条形后参考带（如序时进度）的数值，应为 50 这样的数")
mk_chart_bars = Text("BG336", "{where}: a <chart> of {n} bars does not fit on a page; draw at most {limit} bars in one chart, or split them into two charts",
                     "{where}：<chart> 有 {n} 个条形，一页放不下；一个图表最多画 {limit} 个，或分成两个图表")
mk_row_span_one = Text("BG337", "{where}: row {n} of a table spans 1 column, but the table has {columns}",
                       "{where}：表格第 {n} 行占 1 列，但表格有 {columns} 列")
cannot_lay_out = Text("BG338", "{template}: cannot lay out the page: {detail}. A table row may be taller than a page",
                      "{template}：无法排版：{detail}。可能有表格行比一页还高")
row_too_wide = Text("BG339", "table row {n} spans {used} columns; the table has {columns}", "表格第 {n} 行占 {used} 列，但表格只有 {columns} 列")

# --- templates: finding, reading and rendering them, and the sandbox's limits ----------------------------------
tp_steps = Text("BG340", "the template takes more than {limit} steps (loop iterations, calls, filters; limits.MAX_TEMPLATE_STEPS); "
                "a loop or a macro runs far longer than any report needs",
                "模板运行超过 {limit} 步（循环、调用、过滤器；limits.MAX_TEMPLATE_STEPS）；某个循环或宏运行得远超任何报告所需")
tp_seconds = Text("BG341", "the template has been rendering for more than {limit} s (limits.MAX_TEMPLATE_SECONDS); "
                  "a loop or a macro runs far longer than any report needs",
                  "模板已运行超过 {limit} 秒（limits.MAX_TEMPLATE_SECONDS）；某个循环或宏运行得远超任何报告所需")
tp_text_long = Text("BG342", "the template makes a text of {n} characters; a template may make at most {limit} (limits.MAX_TEMPLATE_TEXT_CHARS)",
                    "模板生成了 {n} 个字符的文字；模板最多只能生成 {limit} 个（limits.MAX_TEMPLATE_TEXT_CHARS）")
tp_list_long = Text("BG343", "the template makes a list of {n} items; a template may make at most {limit} (limits.MAX_TEMPLATE_ITEMS)",
                    "模板生成了 {n} 项的列表；模板最多只能生成 {limit} 项（limits.MAX_TEMPLATE_ITEMS）")
tp_number_big = Text("BG344", "the template computes a number of {digits} digits; a template may compute numbers of at most {limit} digits (limits.MAX_TEMPLATE_INT_DIGITS)",
                     "模板算出了 {digits} 位的数；模板最多只能算 {limit} 位的数（limits.MAX_TEMPLATE_INT_DIGITS）")
tp_about = Text("BG345", "about {n}", "约 {n}")
tp_markup_long = Text("BG346", "the template makes more than {limit} characters of markup (limits.MAX_TEMPLATE_TEXT_CHARS); a loop writes far more than any report needs",
                      "模板生成的标记超过 {limit} 个字符（limits.MAX_TEMPLATE_TEXT_CHARS）；某个循环写出的内容远超任何报告所需")
tp_star_width = Text("BG347", "the template formats a value with a width taken from the arguments ({form}); write the width in the format",
                     "模板用参数给出的宽度格式化数值（{form}）；请把宽度直接写在格式里")
tp_range = Text("BG348", "range() of {n} numbers; a template may make at most {limit} (limits.MAX_TEMPLATE_RANGE)",
                "range() 有 {n} 个数；模板最多只能生成 {limit} 个（limits.MAX_TEMPLATE_RANGE）")
tp_depth = Text("BG349", "macros call each other more than {limit} deep (limits.MAX_TEMPLATE_DEPTH); a macro that calls itself needs a condition that stops it",
                "宏互相调用超过 {limit} 层（limits.MAX_TEMPLATE_DEPTH）；调用自身的宏需要一个停止条件")
tp_file_big = Text("BG350", "{path}: the template file is {size} bytes; briefgen reads templates of at most {limit} bytes (limits.MAX_TEMPLATE_FILE_BYTES)",
                   "{path}：模板文件有 {size} 字节；briefgen 最多只读 {limit} 字节的模板（limits.MAX_TEMPLATE_FILE_BYTES）")
tp_not_a_path = Text("BG351", "template {name}: a template is given by its name (summary, tasks, or the file name of one in a --templates-dir folder), "
                     "not by a path; put the file in a folder and add --templates-dir FOLDER",
                     "模板 {name}：模板要用名称给出（summary、tasks，或 --templates-dir 文件夹中的文件名），不能用路径；"
                     "请把文件放进一个文件夹，再加上 --templates-dir 文件夹")
tp_unknown = Text("BG352", "unknown template {name}; available: {names}", "没有 {name} 这个模板；可用的有：{names}")
tp_refused = Text("BG354", "{where}: {detail}", "{where}：{detail}")
tp_recursion = Text("BG355", "{where}: macros or includes call each other without end (Python's recursion limit); "
                    "a macro or an include that calls itself needs a condition that stops it",
                    "{where}：宏或 include 无休止地互相调用（超过 Python 的递归上限）；调用自身的宏或 include 需要一个停止条件")
tp_memory = Text("BG356", "{where}: the template needs more memory than this machine has", "{where}：模板所需内存超过本机所有")
tp_failed = Text("BG357", "{where}: {kind}: {detail}", "{where}：{kind}：{detail}")
tp_elements = Text("BG358", "{path}: the template makes a document of {n} elements (paragraphs, rows, cells, runs); a document may have at most {limit} "
                   "(limits.MAX_MARKUP_ELEMENTS); split it into several documents or shorten the data",
                   "{path}：模板生成的文档有 {n} 个元素（段落、行、单元格、文字段）；一个文档最多 {limit} 个（limits.MAX_MARKUP_ELEMENTS）；"
                   "请拆成几个文档，或精简数据")

# --- what the built-in templates warn about: {{ warn("name", arg=…) }} with a name of this catalogue -----------
tw_no_review = Text("BG360", "the data has no review sections, so the digest is empty: write them under review: in the data file",
                    "数据中没有工作回顾，摘要是空的：请在数据文件的 review: 下填写")
tw_no_tasks = Text("BG361", "the data has no tasks, so the table is empty: fill them in the task table (任务.xlsx) or under plan: in "
                   "the data file", "数据中没有任务，表格是空的：请在任务表（任务.xlsx）或数据文件的 plan: 下填写")
tw_unassigned = Text("BG362", "{n} of {total} tasks still have 牵头单位 待定; fill them in the data",
                     "{total} 项任务中有 {n} 项的牵头单位仍是“待定”，请在数据中填写")
tw_no_indicators = Text("BG363", "the data has no indicators, so the table is empty: fill them in the indicator table (指标.xlsx) "
                        "or under indicators: in the data file", "数据中没有指标，表格是空的：请在指标表（指标.xlsx）或数据文件的 indicators: 下填写")

# ---- what a template's markup or Jinja syntax got wrong, in the template author's words ---------------------------
mk_unclosed = Text("BG370", "{where}: </{closing}> here closes <{open}> (opened at line {opened}), which is still open: "
                   "add </{open}> before it", "{where}：这里的 </{closing}> 要结束的是 <{open}>（第 {opened} 行开始），"
                   "但 <{open}> 还没有结束：请在它前面加上 </{open}>")
mk_bare_ampersand = Text("BG371", "{where}: a bare & in the text ({line}): write &amp; (or {{{{ '&' }}}}, which is escaped)",
                         "{where}：文字里有单独的 &（{line}）：请写成 &amp;（或写 {{{{ '&' }}}}，会自动转义）")
mk_bare_less_than = Text("BG372", "{where}: a bare < in the text ({line}): write &lt;", "{where}：文字里有单独的 <（{line}）：请写成 &lt;")
mk_not_closed = Text("BG373", "{where}: <{open}> (opened at line {opened}) is never closed: add </{open}>",
                     "{where}：<{open}>（第 {opened} 行开始）一直没有结束：请加上 </{open}>")
mk_bad_xml = Text("BG374", "{where}: the markup is not well formed near {line}: check that every tag is written <tag>…</tag> "
                  "and quotes around attribute values", "{where}：标记在 {line} 附近格式有误：请检查每个标签都写成 <标签>…</标签>，"
                  "属性值要加引号")
tp_stray_brace = Text("BG375", "{where}: an unexpected '{char}': every {{{{ … }}}} and {{% … %}} must be closed, and nothing "
                      "else may stand inside them", "{where}：多了一个“{char}”：每个 {{{{ … }}}} 和 {{% … %}} 都要成对，里面不能有别的内容")
tp_missing_end = Text("BG376", "{where}: the template ends inside a {{% {block} %}} block: add {{% end{block} %}}",
                      "{where}：模板在 {{% {block} %}} 块结束之前就结束了：请加上 {{% end{block} %}}")
tp_unknown_tag = Text("BG377", "{where}: unknown tag {{% {tag} %}}: the tags are if, for, set, macro, include and their ends",
                      "{where}：不认识的标签 {{% {tag} %}}：可用的有 if、for、set、macro、include 及它们的结束标签")
tp_syntax_other = Text("BG378", "{where}: template syntax error ({detail}): check the {{{{ }}}} and {{% %}} on that line",
                       "{where}：模板语法有误（{detail}）：请检查这一行的 {{{{ }}}} 和 {{% %}}")
