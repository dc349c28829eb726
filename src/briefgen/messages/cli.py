"""Catalogue entries (see briefgen.messages): what the commands print (BG8xx)."""

from ..i18n import Text

note = Text("BG801", "note: {text}", "提示：{text}")
warning = Text("BG802", "warning: {text}", "警告：{text}")
wrote = Text("BG803", "wrote {path}", "已生成 {path}")
wrote_pages = Text("BG804", "wrote {path} ({pages} pages)", "已生成 {path}（{pages} 页）")
wrote_page = Text("BG805", "wrote {path} (1 page)", "已生成 {path}（1 页）")
kept = Text("BG806", "unchanged {path}", "未变 {path}")
kept_pages = Text("BG807", "unchanged {path} ({pages} pages)", "未变 {path}（{pages} 页）")
kept_page = Text("BG808", "unchanged {path} (1 page)", "未变 {path}（1 页）")
bad_formats = Text("BG809", "{value}: use docx, pdf or docx,pdf", "{value}：请写 docx、pdf 或 docx,pdf")
no_brief = Text("BG810", "no brief: {unit} has no task in the data", "未生成简报：数据中没有{unit}的任务")
brief_failed = Text("BG811", "failed: {unit}: {reason}", "失败：{unit}：{reason}")
batch_summary = Text("BG812", "{built} built, {kept} unchanged, {failed} failed, {idle} without tasks in {seconds} s -> {out}",
                     "生成 {built} 份，未变 {kept} 份，失败 {failed} 份，{idle} 个单位无任务，用时 {seconds} 秒 -> {out}")
progress_briefs = Text("BG813", "briefs", "简报")
verify_missing = Text("BG814", "missing: {path}", "缺少：{path}")
verify_changed = Text("BG815", "changed: {path} (its SHA-256 differs from the manifest)", "已改动：{path}（SHA-256 与清单不符）")
verify_extra = Text("BG816", "extra: {path} (not in the manifest)", "多出：{path}（清单中没有）")
verify_failed = Text("BG817", "{folder}: {ok} ok, {missing} missing, {changed} changed, {extra} extra",
                     "{folder}：{ok} 个无误，{missing} 个缺少，{changed} 个已改动，{extra} 个多出")
verify_ok = Text("BG818", "ok: {folder}: {n} files match manifest.json", "无误：{folder}：{n} 个文件与 manifest.json 一致")
fonts_header = Text("BG819", "role|Word names|PDF uses|found|covers|file", "用途|Word 字体名|PDF 所用字体|来源|覆盖|文件")
fonts_fallback = Text("BG820", "{cover} (+{n} by fallback)", "{cover}（另有 {n} 个由后备字体补足）")
fonts_role_note = Text("BG821", "note: {role}: {text}", "提示：{role}：{text}")
fonts_missing = Text("BG822", "warning: no font has {chars}", "警告：没有字体包含这些字：{chars}")
one_png = Text("BG823", "-o names one PNG: give one PDF, or use --out DIR for several",
               "-o 只能写一个 PNG：请只给一个 PDF，多个 PDF 请用 --out 文件夹")
file_missing = Text("BG824", "{path}: file not found; check the path", "{path}：找不到这个文件，请检查路径")
extract_exists = Text("BG825", "{path}: the file exists (perhaps data checked by hand); choose another name or add --force",
                      "{path}：文件已存在（可能是人工核对过的数据），请换个文件名，或加上 --force 覆盖")
validate_ok = Text("BG826", "ok: {files}, no problems", "通过：{files}，没有问题")
validate_ok_doubts = Text("BG827", "ok: {files}, no problems, {warnings} to check", "通过：{files}，没有问题，有 {warnings}需要核对")
n_files = Text("BG828", "{n} files", "{n} 个文件")
one_file = Text("BG829", "1 file", "1 个文件")
n_warnings = Text("BG830", "{n} warnings", "{n} 条警告")
one_warning = Text("BG831", "1 warning", "1 条警告")
created = Text("BG832", "created {path}", "已创建 {path}")
bad_lang = Text("BG833", "{value}: briefgen speaks zh (中文) and en (English); use --lang zh or --lang en",
                "{value}：briefgen 支持 zh（中文）和 en（英文），请用 --lang zh 或 --lang en")
bad_lang_setting = Text("BG834", "lang: {value} is not a language briefgen speaks; write \"zh\" or \"en\"",
                        "lang：{value} 不是 briefgen 支持的语言，请写 \"zh\" 或 \"en\"")

# ---- notes and warnings of a run (briefgen.jobs) ----------------------------------------------------------------
removed_stale = Text("BG835", "removed {n} temporary file(s) an interrupted run left in {folder}",
                     "已删除 {folder} 中上次中断的运行留下的 {n} 个临时文件")
preview_ignored = Text("BG836", "--preview is ignored with -o; run `briefgen preview FILE.pdf`",
                       "用了 -o 时 --preview 不起作用；请运行 `briefgen preview 文件.pdf`")
stand_ins = Text("BG837", "this machine lacks the official fonts, so the PDFs use free stand-ins ({listing}); install those "
                 "fonts, or name their files under [fonts] in a theme (the DOCX names the official fonts either way)",
                 "这台电脑没有公文字体，PDF 用了免费的替代字体（{listing}）；请安装这些字体，或在主题的 [fonts] 里写出字体文件"
                 "（DOCX 里写的始终是公文字体的名称）")
stand_in_for = Text("BG838", "{family} for {faces}", "用 {family} 代替 {faces}")
stand_in_and = Text("BG839", "{first}; {second}", "{first}；{second}")
shrank_one_page = Text("BG840", "shrank the type to {size} pt ({percent}) to keep it on one page",
                       "已把字号缩小到 {size} 磅（{percent}），以排在一页内")
shrank_pages = Text("BG841", "shrank the type to {size} pt ({percent}) to keep it on {n} pages",
                    "已把字号缩小到 {size} 磅（{percent}），以排在 {n} 页内")
chart_left_out_one_page = Text("BG842", "left out the chart to keep it on one page: the page has no room for it even at the "
                               "smallest type the theme allows",
                               "为排在一页内，图表没有放入：即使用主题允许的最小字号，这一页也放不下它")
chart_left_out_pages = Text("BG843", "left out the chart to keep it on {n} pages: they have no room for it even at the smallest "
                            "type the theme allows",
                            "为排在 {n} 页内，图表没有放入：即使用主题允许的最小字号，这几页也放不下它")

# ---- validate, templates, themes, init ---------------------------------------------------------------------------
validate_would_write = Text("BG844", "ok: no problems; build would write {files}", "通过：没有问题；build 会生成 {files}")
validate_would_write_doubts = Text("BG845", "ok: no problems, {warnings} to check; build would write {files}",
                                   "通过：没有问题，有 {warnings}需要核对；build 会生成 {files}")
n_table_files = Text("BG846", "{n} table files", "{n} 个表格文件")
one_table_file = Text("BG847", "1 table file", "1 个表格文件")
no_builtin_template = Text("BG848", "--show {name}: no built-in template of that name; the built-in templates are {known}",
                           "--show {name}：没有这个内置模板；内置模板有：{known}")
no_builtin_theme = Text("BG849", "--show {name}: no built-in theme of that name; the built-in themes are {known}",
                        "--show {name}：没有这个内置主题；内置主题有：{known}")
prompt_office = Text("BG850", "The office's name (issuer)", "单位名称（发文单位）")
prompt_period = Text("BG851", "The period the figures cover", "数据所属时期")
prompt_meeting = Text("BG852", "The meeting the handout pack is for", "会议名称（会议材料封面用）")
init_dest_is_file = Text("BG853", "{path} is a file, not a folder; choose another place for the working folder",
                         "{path} 是文件，不是文件夹；请为工作文件夹换一个位置")
init_no_sample = Text("BG854", "{path}: sample data not found", "{path}：找不到示例数据")
init_bad_value = Text("BG855", "{option} {value}: write the name or period alone, without quotes, colons or #",
                      "{option} {value}：请只写名称或时期，不要带引号、冒号或 #")
init_exists = Text("BG856", "{path} already exists; briefgen init does not overwrite files (move it away or choose another folder)",
                   "{path} 已经存在；briefgen init 不会覆盖文件（请把它移走，或换一个文件夹）")
control_in_argument = Text("BG857", "{option}: the value '{value}' holds the control character U+{code}, which no document can "
                           "show; type the value without it",
                           "{option}：值“{value}”里有控制字符 U+{code}，文档中不能显示；请去掉它重新输入")
argument_n = Text("BG858", "argument {n}", "第 {n} 个参数")
apology = Text("BG859", "briefgen {version}: sorry, an unexpected error ({kind}: {detail}); this is a bug in briefgen, not in "
               "your files: run the command again with --debug and send the output to the briefgen maintainers",
               "briefgen {version}：抱歉，出现了意外错误（{kind}：{detail}）；这是 briefgen 自身的缺陷，不是您文件的问题："
               "请加上 --debug 重新运行，并把输出发给 briefgen 的维护人员")
apology_at = Text("BG860", "briefgen {version}: sorry, an unexpected error ({kind} at {place}: {detail}); this is a bug in "
                  "briefgen, not in your files: run the command again with --debug and send the output to the briefgen "
                  "maintainers",
                  "briefgen {version}：抱歉，出现了意外错误（{kind}，位于 {place}：{detail}）；这是 briefgen 自身的缺陷，"
                  "不是您文件的问题：请加上 --debug 重新运行，并把输出发给 briefgen 的维护人员")

# ---- the font roles (English: the keys a theme's [fonts] uses) and where a font came from, as `briefgen fonts` lists them ----------------------------------
font_role_words = {
    "title": Text("BG870", "title", "标题"),
    "body": Text("BG871", "body", "正文"),
    "h1": Text("BG872", "h1", "一级标题"),
    "h2": Text("BG873", "h2", "二级标题"),
    "h3": Text("BG874", "h3", "三级标题"),
    "h4": Text("BG875", "h4", "四级标题"),
    "table": Text("BG876", "table", "表格"),
    "table_header": Text("BG877", "table_header", "表头"),
    "page_number": Text("BG878", "page_number", "页码"),
    "mark": Text("BG879", "mark", "密级标识"),
}
font_source_words = {
    "theme file": Text("BG880", "theme file", "主题指定"),
    "system": Text("BG881", "system", "本机字体"),
    "bundled": Text("BG882", "bundled", "随附免费字体"),
}
pattern_matches_nothing = Text("BG883", "{pattern}: no file matches", "{pattern}：没有与之匹配的文件")
