"""Catalogue entries (see briefgen.messages): the archive catalogue, `briefgen catalog` (BG15xx)."""

from ..i18n import Text

# ---- the setting --------------------------------------------------------------------------------------------------
what_catalog = Text("BG1500", "the archive catalogue file (SQLite)", "档案目录文件（SQLite）")

# ---- refusals: a folder or a catalogue file that cannot be indexed --------------------------------------------------
cat_not_folder = Text("BG1501", "{path}: not a folder; give a folder written with --archive",
                      "{path}：不是文件夹；请给出用 --archive 生成的文件夹")
cat_name_outside = Text("BG1502", "{path}: the manifest names {name}, which is not a file inside the folder; refused "
                        "(a manifest lists only the names of its own folder's files)",
                        "{path}：清单里的 {name} 不是本文件夹内的文件，已拒绝（清单只能列出本文件夹里的文件名）")
cat_not_regular = Text("BG1503", "{path}: not a regular file (a link, a folder or a device); refused",
                       "{path}：不是普通文件（是链接、文件夹或设备），已拒绝")
cat_manifest_too_big = Text("BG1504", "{path}: the manifest is {size}; briefgen reads manifests of at most {limit}",
                            "{path}：清单有 {size}，briefgen 只读取不超过 {limit} 的清单")
cat_text_too_long = Text("BG1505", "{path}: page {page} holds a text of {n} characters; the catalogue takes at most {limit} "
                         "a page (a brief's page has a few thousand); check the file",
                         "{path}：第 {page} 页有 {n} 个字符，目录每页最多收 {limit} 个（简报一页只有几千字）；请检查这个文件")
cat_too_many_pages = Text("BG1506", "{path}: {n} pages; the catalogue takes documents of at most {limit} pages",
                          "{path}：有 {n} 页，目录只收不超过 {limit} 页的文档")
cat_file_too_big = Text("BG1507", "{path}: the file is {size}; the catalogue takes documents of at most {limit}",
                        "{path}：文件有 {size}，目录只收不超过 {limit} 的文档")
cat_db_newer = Text("BG1508", "{path}: the catalogue has schema version {have}, newer than this briefgen knows ({known}); "
                    "update briefgen", "{path}：目录的结构版本是 {have}，比这个 briefgen 认识的（{known}）新；请升级 briefgen")
cat_db_unreadable = Text("BG1509", "{path}: not a briefgen catalogue ({reason}); give another --db",
                         "{path}：不是 briefgen 的档案目录（{reason}）；请换一个 --db")
cat_db_damaged = Text("BG1590", "{path}: the catalogue is damaged (SQLite finds its file malformed); put back a copy from a backup, "
                      "or move it away and add the archive folders again with `briefgen catalog add`",
                      "{path}：档案目录已损坏（SQLite 发现文件结构有误）；请用备份恢复，或把它移走后用 `briefgen catalog add` 重新加入档案")
cat_db_busy = Text("BG1591", "{path}: another program holds the catalogue (a catalog add still running, or a copy tool); try again "
                   "when it is done", "{path}：另一个程序正占用档案目录（可能是仍在进行的 catalog add，或复制工具）；请等它结束后再试")
cat_db_readonly = Text("BG1592", "{path}: the catalogue cannot be written (a read-only file or folder); give a --db you may write to",
                       "{path}：档案目录无法写入（文件或文件夹是只读的）；请换一个可写的 --db")
cat_db_full = Text("BG1593", "{path}: the disk is full; make room and add again", "{path}：磁盘已满；请腾出空间后再加入")
why_not_sqlite = Text("BG1594", "not an SQLite file", "不是 SQLite 文件")
why_other_tables = Text("BG1595", "an SQLite file with other tables", "是含有其他数据表的 SQLite 文件")
why_tables_missing = Text("BG1596", "tables of the catalogue are missing", "缺少档案目录的数据表")
why_io = Text("BG1597", "it cannot be read or written as a file: a pipe, a device or a disk error", "无法作为文件读写：是管道、设备，或磁盘出错")
why_sqlite = Text("BG1598", "SQLite error {name}", "SQLite 错误 {name}")
cat_db_missing = Text("BG1510", "{path}: no catalogue yet; add archive folders with `briefgen catalog add FOLDER`",
                      "{path}：还没有档案目录；请先用 `briefgen catalog add 文件夹` 加入档案")
cat_no_sqlite_fts = Text("BG1511", "this Python's SQLite ({version}) lacks FTS5 with the trigram tokenizer (SQLite 3.34 or later)",
                         "这个 Python 的 SQLite（{version}）没有带 trigram 分词器的 FTS5（需要 SQLite 3.34 或更新）")
cat_empty_query = Text("BG1512", "give a word to search for", "请给出要查找的词")
cat_out_suffix = Text("BG1513", "{path}: write the table as .xlsx or .csv", "{path}：表格请写成 .xlsx 或 .csv")

# ---- warnings while adding -------------------------------------------------------------------------------------------
cat_file_missing = Text("BG1520", "{path}: listed in the manifest but gone; not indexed",
                        "{path}：清单里有，但文件已不在；未收录")
cat_file_changed = Text("BG1521", "{path}: changed since it was archived (its SHA-256 differs from the manifest); not indexed",
                        "{path}：归档后已被改动（SHA-256 与清单不符）；未收录")
cat_data_gone = Text("BG1522", "{path}: the data file {data} is gone or changed since the run; its figures and tasks are "
                     "not indexed (the documents' text is)",
                     "{path}：生成时用的数据文件 {data} 已不在或已改动；其中的指标和任务未收录（文档文字已收录）")
cat_data_bad = Text("BG1523", "{path}: the data file {data} cannot be loaded ({reason}); its figures and tasks are not indexed",
                    "{path}：数据文件 {data} 无法读取（{reason}）；其中的指标和任务未收录")
cat_track_bad = Text("BG1525", "{path}: not a 督办 result as `briefgen track report` writes it; its statuses are not indexed",
                     "{path}：不是 `briefgen track report` 生成的督办结果；其中的任务状态未收录")
cat_docx_bad = Text("BG1580", "{path}: cannot read as a Word file ({kind}); not indexed", "{path}：无法作为 Word 文件读取（{kind}）；未收录")
cat_docx_refused = Text("BG1581", "{detail}; not indexed", "{detail}；未收录")
why_pdf_format = Text("BG1582", "not a PDF, or a damaged one", "不是 PDF，或文件已损坏")
why_pdf_password = Text("BG1583", "protected by a password", "有密码保护")
why_pdf_error = Text("BG1584", "PDFium error {code}", "PDFium 错误 {code}")
cat_pdf_bad = Text("BG1524", "{path}: cannot read as PDF ({detail}); not indexed", "{path}：无法作为 PDF 读取（{detail}）；未收录")

# ---- what the commands print ----------------------------------------------------------------------------------------
cat_added = Text("BG1530", "added {folder}: {docs} documents, {pages} pages, {figures} figures, {tasks} tasks",
                 "已加入 {folder}：文档 {docs} 份，{pages} 页，指标 {figures} 项，任务 {tasks} 项")
cat_unchanged = Text("BG1531", "unchanged {folder} (already in the catalogue)", "未变 {folder}（目录中已有）")
cat_replaced = Text("BG1532", "updated {folder}: {docs} documents, {pages} pages, {figures} figures, {tasks} tasks",
                    "已更新 {folder}：文档 {docs} 份，{pages} 页，指标 {figures} 项，任务 {tasks} 项")
cat_where = Text("BG1533", "catalogue: {path}", "目录：{path}")
cat_hit = Text("BG1534", "{year} {name} p.{page}: {snippet}", "{year} {name} 第{page}页：{snippet}")
cat_hit_no_page = Text("BG1535", "{year} {name}: {snippet}", "{year} {name}：{snippet}")
cat_no_hits = Text("BG1536", "nothing found for {query}", "没有找到 {query}")
cat_more_hits = Text("BG1537", "first {n} shown; more with --limit", "只显示前 {n} 条；更多请用 --limit")
cat_figure_header = Text("BG1538", "period|indicator|value|unit|growth %|document|page",
                         "时期|指标|数值|单位|同比增长%|文档|页")
cat_merged = Text("BG1539", "merged names: {names}", "合并了这些名称：{names}")
cat_no_figure = Text("BG1540", "no figure named {name} in the catalogue", "目录里没有名为 {name} 的指标")
cat_tasks_header = Text("BG1541", "year|period|task|lead|support|due|document",
                        "年份|时期|任务|牵头单位|配合单位|完成时限|文档")
cat_no_tasks = Text("BG1542", "no tasks led by {lead} in the catalogue", "目录里没有 {lead} 牵头的任务")
cat_wrote = Text("BG1543", "wrote {path} ({n} rows)", "已生成 {path}（{n} 行）")
cat_check_missing = Text("BG1544", "gone: {path}", "已不在：{path}")
cat_check_changed = Text("BG1545", "changed: {path} (its SHA-256 differs from the catalogue)", "已改动：{path}（SHA-256 与目录不符）")
cat_check_ok = Text("BG1546", "ok: {n} documents in {folders} folders match the catalogue",
                    "无误：{folders} 个文件夹的 {n} 份文档与目录一致")
cat_check_failed = Text("BG1547", "{ok} ok, {missing} gone, {changed} changed", "{ok} 份无误，{missing} 份已不在，{changed} 份已改动")
cat_sheet_figure = Text("BG1549", "figure", "指标")
cat_sheet_tasks = Text("BG1550", "tasks", "任务")
cat_archived = Text("BG1560", "the archive {folder} is in the catalogue {path}: `briefgen catalog search` finds it",
                    "归档 {folder} 已加入档案目录 {path}：用 `briefgen catalog search` 可以查到")
cat_track_added = Text("BG1561", "督办 {period} (第{issue}期): {n} task statuses", "督办 {period}（第{issue}期）：任务状态 {n} 项")
cat_track_header = Text("BG1562", "no.|task|lead|period|status|done %|document|page",
                        "序号|任务|牵头单位|时期|状态|完成进度%|文档|页")
cat_sheet_track = Text("BG1563", "督办", "督办")
cat_track_csv = Text("BG1564", "wrote the 督办 statuses to {path} ({n} rows)", "督办状态已写入 {path}（{n} 行）")
cat_chart_suffix = Text("BG1565", "{path}: write the chart as .png, .pdf or .docx", "{path}：图请写成 .png、.pdf 或 .docx")
cat_wrote_chart = Text("BG1566", "wrote {path} (a chart of {n} periods)", "已生成 {path}（{n} 期的图）")
