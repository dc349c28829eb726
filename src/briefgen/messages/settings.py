"""Catalogue entries: see briefgen.messages."""

from ..i18n import Text

invalid_toml = Text("BG701", "invalid TOML: {detail}", "TOML 格式有误：{detail}")
unknown_setting = Text("BG702", "unknown setting; use one of {keys}", "没有这个设置项，可用的有：{keys}")
unknown_setting_near = Text("BG703", "unknown setting; did you mean {near}?", "没有这个设置项，您是不是要写 {near}？")
setting_must_be = Text("BG704", "must be {what}", "应为{what}")
setting_empty = Text("BG705", "is empty; give {what}", "是空的，请填写{what}")
setting_template_list = Text("BG706", 'must be a list of template names, e.g. ["summary", "tasks"]',
                             '应为模板名称的列表，如 ["summary", "tasks"]')
setting_unknown_format = Text("BG707", "unknown format {value}; use docx and/or pdf", "没有 {value} 这种格式，请写 docx 和/或 pdf")
setting_no_format = Text("BG708", "give docx and/or pdf", "请写 docx 和/或 pdf")
setting_column = Text("BG709", 'must be the heading of your table, in quotes, e.g. "工作任务" = "任务内容"',
                      '应为您表格中的列标题，加引号，如 "工作任务" = "任务内容"')
setting_lang = Text("BG710", '"zh" (中文) or "en" (English)', '请写 "zh"（中文）或 "en"（英文）')
output_suffix = Text("BG711", "{path}: name a .pdf or .docx file, or use --out DIR for a folder",
                     "{path}：请给出 .pdf 或 .docx 文件名，要输出到文件夹请用 --out 文件夹")
ignored_format = Text("BG712", "--format is ignored: {name} is a .{suffix} file", "--format 不起作用：{name} 是 .{suffix} 文件")
ignored_out = Text("BG713", "--out is ignored: -o {path} names the file to write", "--out 不起作用：-o {path} 已指定要写的文件")
ignored_reference = Text("BG714", "reference_docx is ignored: no DOCX is written", "reference_docx 不起作用：本次不生成 DOCX")
setting_invalid = Text("BG715", "{detail}", "{detail}")
# what each key of briefgen.toml holds (in "must be …" and "is empty; give …")
what_data = Text("BG720", "the report data file (YAML or JSON)", "报告数据文件（YAML 或 JSON）")
what_indicators = Text("BG721", "an indicator table (.xlsx or .csv)", "指标表（.xlsx 或 .csv）")
what_tasks = Text("BG722", "a task table (.xlsx or .csv)", "任务表（.xlsx 或 .csv）")
what_templates = Text("BG723", 'the templates to build, e.g. ["summary", "tasks"]', '要生成的模板，如 ["summary", "tasks"]')
what_theme = Text("BG724", "official, handout, or a theme file", "official、handout 或主题文件")
what_out = Text("BG725", "the output folder", "输出文件夹")
what_formats = Text("BG726", '["docx", "pdf"], or one of them', '["docx", "pdf"] 或其中之一')
what_columns = Text("BG727", 'our table headings -> yours, e.g. {"工作任务" = "任务内容"}', '本工具的列标题 -> 您的列标题，如 {"工作任务" = "任务内容"}')
what_templates_dir = Text("BG728", "a folder of templates, or a list of folders", "模板文件夹，或文件夹列表")
what_reference = Text("BG729", "a Word .docx file", "Word .docx 文件")
what_mark = Text("BG730", "a page mark such as 内部资料 注意保存", "页面标注，如“内部资料 注意保存”")
what_bool = Text("BG731", "true or false", "true 或 false")
what_names = Text("BG732", 'a file-name pattern such as "{{issuer}}_{{document}}_{{date}}"', '文件名格式，如 "{{issuer}}_{{document}}_{{date}}"')
what_workers = Text("BG733", "a number of processes, e.g. 2", "进程数，如 2")
what_pack = Text("BG734", "a table: [pack] with meeting, date, venue, parts, mark, number",
                 "一个表：[pack]，含 meeting、date、venue、parts、mark、number")
what_titles = Text("BG735", 'a table: [titles] with a title per template, e.g. tasks = "白沙街道2024年重点工作任务分解表"',
                   '一个表：[titles]，每个模板一个标题，如 tasks = "白沙街道2024年重点工作任务分解表"')
what_lang = Text("BG736", '"zh" (中文) or "en" (English)', '"zh"（中文）或 "en"（英文）')
setting_control = Text("BG716", "holds the control character U+{code}, which no document can show; remove it",
                       "含有控制字符 U+{code}，文档无法显示，请删除")

# ---- running on a Dask cluster (batch --dask) ------------------------------------------------------------------
dask_missing = Text("BG795", "--dask needs Dask's distributed scheduler: install briefgen[dask] (pip install 'briefgen[dask]')",
                    "--dask 需要 Dask 的分布式调度器：请安装 briefgen[dask]（pip install 'briefgen[dask]'）")
dask_unreachable = Text("BG796", "--dask {address}: no Dask scheduler answered ({reason}); start one there or check the address",
                        "--dask {address}：没有 Dask 调度器应答（{reason}）；请在那里启动调度器，或检查地址")
