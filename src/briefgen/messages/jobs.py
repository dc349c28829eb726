"""Catalogue entries: see briefgen.messages."""

from ..i18n import Text

# ---- writing outputs (briefgen.atomic) -------------------------------------------------------------------------
folder_in_the_way = Text("BG501", "cannot write {path}: a folder of that name is in the way; rename or remove it",
                         "无法写入 {path}：已有同名文件夹，请改名或删除它")
permission_denied = Text("BG502", "cannot write {path}: permission denied; if it is open in Word, WPS or a PDF viewer, close it "
                         "and run again", "无法写入 {path}：没有权限；如果文件正在 Word、WPS 或 PDF 阅读器中打开，请关闭后重新运行")
cannot_write = Text("BG503", "cannot write {path}: {reason}", "无法写入 {path}：{reason}")

# ---- previews (briefgen.render.preview) --------------------------------------------------------------------------------
not_a_pdf = Text("BG510", "{name}: cannot open as PDF ({detail})", "{name}：无法作为 PDF 打开（{detail}）")
preview_too_large = Text("BG511", "{name}: page {page} at {dpi} dpi would be {width} × {height} pixels; use --dpi {limit} or less",
                         "{name}：第 {page} 页按 {dpi} dpi 会有 {width} × {height} 像素；请用 --dpi {limit} 或更小")
blank_page = Text("BG512", "{name}: page {page} has no ink (a blank page); check the document before sharing it",
                  "{name}：第 {page} 页是空白页；请先检查文档再分发")
no_such_page = Text("BG513", "{name}: page {page} does not exist; the file has {count} page(s)",
                    "{name}：没有第 {page} 页，文件共 {count} 页")
sheet_empty = Text("BG514", "contact sheet: no documents", "缩略图总览：没有文档")
sheet_too_large = Text("BG515", "contact sheet: {n} documents make too large an image; make it with --only for some of them",
                       "缩略图总览：{n} 份文档拼成的图片太大；请用 --only 只选其中一部分")

# ---- manifests (briefgen.jobs.manifest) -------------------------------------------------------------------------
no_manifest = Text("BG520", "{path}: no manifest here; verify a folder that briefgen build or batch wrote",
                   "{path}：这里没有清单；请核验 briefgen build 或 batch 生成的文件夹")
manifest_unreadable = Text("BG521", "{path}: cannot read the manifest: {reason}", "{path}：无法读取清单：{reason}")
manifest_invalid_json = Text("BG522", "{path}: invalid JSON, not a manifest as briefgen writes it",
                             "{path}：JSON 格式有误，不是 briefgen 写的清单")
manifest_no_files = Text("BG523", "{path}: not written by briefgen (it has no \"briefgen\" version and files table)",
                         "{path}：不是 briefgen 写的（没有 \"briefgen\" 版本和文件表）")
verify_not_folder = Text("BG524", "{path}: not a folder; give the output folder of a build or batch",
                         "{path}：不是文件夹；请给出 build 或 batch 的输出文件夹")

# ---- file names (briefgen.jobs.names) ---------------------------------------------------------------------------
names_not_pattern = Text("BG530", "names: {pattern} is not a file-name pattern ({detail}); write fields in braces, e.g. "
                         "{{issuer}}_{{document}}_{{date}}",
                         "names：{pattern} 不是文件名格式（{detail}）；请把字段写在花括号里，如 {{issuer}}_{{document}}_{{date}}")
names_unknown_field = Text("BG531", "names: unknown field {field} in {pattern}; use {fields}",
                           "names：{pattern} 里没有 {field} 这个字段；请用 {fields}")
names_folder = Text("BG532", "names: {pattern} names a folder; a pattern gives a file name only (use --out for the folder)",
                    "names：{pattern} 里有文件夹；格式只管文件名（文件夹请用 --out）")
names_empty = Text("BG533", "names: {pattern} gives an empty file name for {document}",
                   "names：{pattern} 给 {document} 生成的文件名是空的")

# ---- PDF/A (briefgen.render.pdfa): why a file is not PDF/A-2b ------------------------------------------------------------
pdfa_encrypted_input = Text("BG540", "cannot make a PDF/A file from an encrypted PDF", "加密的 PDF 不能转成 PDF/A 文件")
pdfa_unreadable = Text("BG541", "cannot read the PDF: {detail}", "无法读取 PDF：{detail}")
pdfa_not = Text("BG542", "not PDF/A-2b: {problem}", "不符合 PDF/A-2b：{problem}")
pdfa_encrypted = Text("BG543", "the file is encrypted", "文件已加密")
pdfa_no_id = Text("BG544", "the trailer has no document /ID", "文件尾没有文档 /ID")
pdfa_no_xmp = Text("BG545", "no XMP metadata stream in the catalog", "目录中没有 XMP 元数据流")
pdfa_xmp_compressed = Text("BG546", "the XMP metadata stream is compressed (PDF/A readers expect it plain)",
                           "XMP 元数据流经过压缩（PDF/A 阅读器要求不压缩）")
pdfa_part = Text("BG547", "XMP pdfaid is part {part} conformance {conformance}, not {want}",
                 "XMP 的 pdfaid 是 part {part}、conformance {conformance}，不是 {want}")
pdfa_xmp_only = Text("BG548", "XMP {prop} is set but the Info dictionary has no {key}", "XMP 有 {prop}，但 Info 字典没有 {key}")
pdfa_info_only = Text("BG549", "the Info dictionary has {key} but XMP has no {prop}", "Info 字典有 {key}，但 XMP 没有 {prop}")
pdfa_differ = Text("BG550", "Info {key} ({have}) and XMP {prop} ({xmp}) differ", "Info 的 {key}（{have}）与 XMP 的 {prop}（{xmp}）不一致")
pdfa_no_intent = Text("BG551", "no OutputIntent", "没有 OutputIntent")
pdfa_no_pdfa_intent = Text("BG552", "no OutputIntent of subtype GTS_PDFA1", "没有 GTS_PDFA1 类型的 OutputIntent")
pdfa_no_profile = Text("BG553", "the OutputIntent has no ICC profile (DestOutputProfile)", "OutputIntent 没有 ICC 配置文件（DestOutputProfile）")
pdfa_not_icc = Text("BG554", "the OutputIntent's ICC profile is not an ICC profile", "OutputIntent 的 ICC 配置文件不是有效的 ICC 配置文件")
pdfa_icc_class = Text("BG555", "the OutputIntent's ICC profile is of class {cls}, not an output or display profile",
                      "OutputIntent 的 ICC 配置文件类别是 {cls}，不是输出或显示配置文件")
pdfa_icc_version = Text("BG556", "the OutputIntent's ICC profile is version {major}, above 4", "OutputIntent 的 ICC 配置文件版本是 {major}，高于 4")
pdfa_icc_channels = Text("BG557", "the OutputIntent's ICC profile /N does not match its colour space",
                         "OutputIntent 的 ICC 配置文件 /N 与其色彩空间不符")
pdfa_profiles_differ = Text("BG558", "OutputIntents with different ICC profiles", "多个 OutputIntent 的 ICC 配置文件不同")
pdfa_action = Text("BG559", "{what} (action /S {action})", "{what}（动作 /S {action}）")
pdfa_javascript = Text("BG560", "JavaScript", "JavaScript 脚本")
pdfa_launch = Text("BG561", "a Launch action", "Launch 动作")
pdfa_gotor = Text("BG562", "a link to another file", "指向其他文件的链接")
pdfa_gotoe = Text("BG563", "a link to an embedded file", "指向嵌入文件的链接")
pdfa_other_action = Text("BG564", "the {name} action", "{name} 动作")
pdfa_sound = Text("BG565", "a sound", "声音")
pdfa_movie = Text("BG566", "a movie", "影片")
pdfa_doc_javascript = Text("BG567", "document-level JavaScript (Names /JavaScript)", "文档级 JavaScript（Names /JavaScript）")
pdfa_embedded_files = Text("BG568", "embedded files", "嵌入文件")
pdfa_catalog_aa = Text("BG569", "additional actions (/AA) in the catalog", "目录中有附加动作（/AA）")
pdfa_need_appearances = Text("BG570", "a form that needs appearances generated (NeedAppearances)", "需要生成外观的表单（NeedAppearances）")
pdfa_page_aa = Text("BG571", "additional actions (/AA) on a page or annotation", "页面或批注上有附加动作（/AA）")
pdfa_soft_mask_image = Text("BG572", "an image with a soft mask (transparency)", "带软蒙版的图片（透明）")
pdfa_group_page = Text("BG573", "a transparency group on a page", "页面上的透明组")
pdfa_group_form = Text("BG574", "a transparency group on a form", "表单 XObject 上的透明组")
pdfa_reference = Text("BG575", "a reference XObject (content from another file)", "引用 XObject（内容来自其他文件）")
pdfa_opi = Text("BG576", "OPI (content from another file)", "OPI（内容来自其他文件）")
pdfa_filespec = Text("BG577", "an embedded or referenced file (file specification)", "嵌入或引用的文件（文件规范）")
pdfa_alternates = Text("BG578", "alternate images", "替代图片")
pdfa_postscript = Text("BG579", "a PostScript XObject", "PostScript XObject")
pdfa_font_not_embedded = Text("BG580", "font {name} is not embedded", "字体 {name} 没有嵌入")
pdfa_font_no_tounicode = Text("BG581", "font {name} has no ToUnicode map (its text cannot be extracted)",
                              "字体 {name} 没有 ToUnicode 映射（其文字无法提取）")
pdfa_font_cmap = Text("BG582", "font {name}: {problem}", "字体 {name}：{problem}")
pdfa_cmap_empty = Text("BG583", "the ToUnicode map has no bfchar or bfrange block", "ToUnicode 映射中没有 bfchar 或 bfrange 块")
pdfa_cmap_block = Text("BG584", "a {kind} block of {declared} entries (at most {limit})", "{kind} 块有 {declared} 项（最多 {limit} 项）")
pdfa_cmap_count = Text("BG585", "a {kind} block says {declared} entries but has {found}", "{kind} 块声明 {declared} 项，实际有 {found} 项")
pdfa_cmap_dest = Text("BG586", "ToUnicode destination {shown}: {problem}", "ToUnicode 目标 {shown}：{problem}")
pdfa_utf16_length = Text("BG587", "not UTF-16BE (length not a multiple of 4 hex digits)", "不是 UTF-16BE（长度不是 4 个十六进制数字的倍数）")
pdfa_high_surrogate = Text("BG588", "a high surrogate without its low half", "高位代理项缺少低位")
pdfa_low_surrogate = Text("BG589", "a low surrogate without its high half", "低位代理项缺少高位")
pdfa_gs_soft_mask = Text("BG590", "a soft mask in a graphics state (transparency)", "图形状态中有软蒙版（透明）")
pdfa_gs_alpha = Text("BG591", "a graphics state with {key} {value} (transparency)", "图形状态的 {key} 为 {value}（透明）")
pdfa_blend = Text("BG592", "a blend mode {mode} (transparency)", "混合模式 {mode}（透明）")
pdfa_transfer = Text("BG593", "a transfer function in a graphics state", "图形状态中有传递函数")
pdfa_annotation_type = Text("BG594", "an annotation of type {sub}", "{sub} 类型的批注")
pdfa_annotation_hidden = Text("BG595", "an annotation ({sub}) that is hidden or not printed (flags {flags})",
                              "隐藏或不打印的批注（{sub}，标志 {flags}）")
pdfa_cmyk = Text("BG596", "DeviceCMYK colour beside an RGB OutputIntent", "在 RGB OutputIntent 下使用了 DeviceCMYK 颜色")
pdfa_page_unreadable = Text("BG597", "a page's content cannot be read: {detail}", "无法读取页面内容：{detail}")
pdfa_cmyk_ops = Text("BG598", "DeviceCMYK colour (k/K) beside an RGB OutputIntent", "在 RGB OutputIntent 下使用了 DeviceCMYK 颜色（k/K）")
pdfa_cmyk_space = Text("BG599", "DeviceCMYK colour space beside an RGB OutputIntent", "在 RGB OutputIntent 下使用了 DeviceCMYK 色彩空间")

# ---- the jobs' inputs and options (briefgen.jobs: build, batch, pack) -------------------------------------------
no_data_file = Text("BG504", "no data file given and no briefgen.toml here that names one; run `briefgen build DATA.yaml` or "
                    "`briefgen init DIR`",
                    "没有给出数据文件，这里也没有指明数据文件的 briefgen.toml；请运行 `briefgen build DATA.yaml`，或用 "
                    "`briefgen init 文件夹` 新建一个工作文件夹")
reference_not_found = Text("BG505", "{path}: reference DOCX not found", "{path}：找不到这个参考 DOCX 文件，请检查路径")
title_option = Text("BG506", "--title: {detail}", "--title：{detail}")
archive_unavailable = Text("BG507", "--archive: PDF/A conversion is not available in this installation",
                           "--archive：这次安装的 briefgen 不能转换 PDF/A")
out_is_file = Text("BG508", "{path} is a file, not a folder; give --out a folder (or -o for one file)",
                   "{path} 是文件，不是文件夹；--out 请给文件夹（只写一个文件请用 -o）")
folder_busy = Text("BG509", "{path}: another briefgen run is writing to this folder; wait for it to finish, or use another --out",
                   "{path}：另一个 briefgen 正在往这个文件夹里写；请等它结束，或换一个 --out 文件夹")
one_file_one_document = Text("BG516", "-o {path}: one file holds one document; name it with -t (one of {templates}), or use "
                             "--out DIR for the set",
                             "-o {path}：一个文件只能放一份文档；请用 -t 指明是哪一份（{templates} 之一），或用 --out 文件夹生成全部")
title_which_document = Text("BG517", "--title: {n} documents are built ({templates}); say which one the title is for, e.g. "
                            "--title tasks=TEXT",
                            "--title：这次生成 {n} 份文档（{templates}）；请说明标题是哪一份的，如 --title tasks=标题")
unknown_template = Text("BG518", "unknown template {name}; available: {known}", "没有模板 {name}；可用的模板：{known}")
strict_error = Text("BG519", "{problem} (an error with --strict)", "{problem}（使用 --strict 时作为错误）")
batch_by_unknown = Text("BG525", "--by {value}: unknown key; briefs can be made by {keys}", "--by {value}：没有这个键；简报可以按 {keys} 生成")
batch_one_file = Text("BG526", "-o {path}: a batch writes one file per department; use --out DIR",
                      "-o {path}：batch 为每个部门各写一个文件；请用 --out 文件夹")
batch_no_template = Text("BG527", "--template {name}: no such template; `briefgen templates` lists them",
                         "--template {name}：没有这个模板；`briefgen templates` 可以列出全部模板")
batch_no_department = Text("BG528", "--only {name}: no department of that name in {data}; the data has {names}",
                           "--only {name}：{data} 中没有这个部门；数据中的部门有：{names}")
department_empty_name = Text("BG529", "department {name} gives an empty file name; rename it in the data with letters or characters",
                             "部门 {name} 生成的文件名是空的；请在数据中给它改一个含文字的名称")
pack_one_file = Text("BG534", "-o {path}: a pack is written as DOCX and PDF; use --out DIR",
                     "-o {path}：会议材料要写成 DOCX 和 PDF 两个文件；请用 --out 文件夹")
pack_title_which = Text("BG535", "--title: a pack has several parts; say which part the title is for, e.g. --title tasks=TEXT "
                        "(the cover's title is --meeting)",
                        "--title：会议材料有好几部分；请说明标题是哪一部分的，如 --title tasks=标题（封面上的标题请用 --meeting）")
pack_parts_empty = Text("BG536", 'pack.parts is empty; name the templates of the pack, e.g. parts = ["review", "summary", "tasks"]',
                        'pack.parts 是空的；请写出会议材料包含的模板，如 parts = ["review", "summary", "tasks"]')
pack_unknown_part = Text("BG537", "pack.parts: unknown template {name}; `briefgen templates` lists them",
                         "pack.parts：没有模板 {name}；`briefgen templates` 可以列出全部模板")
no_font_draws = Text("BG538", "no font can draw {chars}; add a font that has them to the theme",
                     "没有字体能显示 {chars}；请在主题里加一个有这些字的字体")
pack_part_left_out = Text("BG500", "pack: {part} is left out: {why}", "会议材料：没有放入“{part}”：{why}")
pack_nothing_to_pack = Text("BG539", "pack: no part has data yet ({parts}): fill in the indicators, the tasks or the review first",
                            "会议材料：各部分（{parts}）都还没有数据：请先填写指标、任务或工作回顾")

# ---- the output folder under attack and faults (briefgen.jobs.engine, .manifest, briefgen.locks) -------------------
# BG500-BG599 are all taken: the output folder's entries go on at BG5000-BG5008.
output_is_input = Text("BG5000", "{path}: an output of this run would replace this input ({role}); choose another --out or --names",
                       "{path}：这次生成的文件会覆盖这个输入文件（{role}）；请换一个 --out 文件夹或 --names 命名")
manifest_not_regular = Text("BG5008", "{path}: not a regular file (a symbolic link, a named pipe, a device or a folder), "
                            "so not a file briefgen wrote",
                            "{path}：不是普通文件（而是符号链接、命名管道、设备或文件夹），不是 briefgen 写的文件")
manifest_foreign = Text("BG5001", "{problem}; briefgen replaces only what it wrote: move it away or choose another --out",
                        "{problem}；briefgen 只替换自己写的文件：请把它移走，或换一个 --out 文件夹")
manifest_replaced = Text("BG5002", "{problem}; it begins as the manifest briefgen writes, so this run replaces it and builds "
                         "every file anew", "{problem}；它的开头与 briefgen 写的清单一致，这次运行会替换它，并重新生成全部文件")
manifest_too_deep = Text("BG5003", "{path}: nested more than {n} levels (limits.MAX_MANIFEST_DEPTH)",
                         "{path}：嵌套超过 {n} 层（limits.MAX_MANIFEST_DEPTH）")
manifest_long_number = Text("BG5004", "{path}: a number of more than {n} characters", "{path}：有超过 {n} 个字符的数字")
manifest_too_large = Text("BG5005", "{path}: the file is {size}; briefgen reads a manifest of at most {limit} "
                          "(limits.MAX_MANIFEST_BYTES)", "{path}：文件有 {size}；briefgen 最多只读 {limit} 的清单"
                          "（limits.MAX_MANIFEST_BYTES）")
manifest_entry_dropped = Text("BG5006", "{path}: the manifest lists {name}, which is not a file name in this folder or not an "
                              "entry briefgen writes; it is left out",
                              "{path}：清单列出的 {name} 不是这个文件夹里的文件名，或不是 briefgen 写的条目；已略去")
lock_not_regular = Text("BG5007", "{path}: not a regular file (a symbolic link, a named pipe, a device or a folder) at the name of "
                        "briefgen's lock; move it away", "{path}：briefgen 锁文件的位置上不是普通文件（而是符号链接、命名管道、"
                        "设备或文件夹）；请把它移走")
