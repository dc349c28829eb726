"""Catalogue entries: see briefgen.messages."""

from ..i18n import Text

# ---- fonts (BG401–BG449; theme entries follow from BG450) ---------------------------------------------------------
font_unreadable = Text("BG401", "{path}: cannot read font (face {index}): {detail}", "{path}：无法读取字体（第 {index} 个字面）：{detail}")
font_not_convertible = Text("BG402", "{path}: cannot convert face {index} to TrueType: {kind}",
                            "{path}：无法把第 {index} 个字面转换为 TrueType：{kind}")
font_kind_cff2 = Text("BG403", "a variable CFF2 font", "这是可变 CFF2 字体")
font_kind_not_cff = Text("BG404", "not a CFF font", "不是 CFF 字体")
font_no_such_face = Text("BG405", "the collection has {count} faces (index 0–{last}); index {index} does not exist",
                         "字体集共有 {count} 个字面（index 0–{last}），没有 index {index}")
font_not_collection = Text("BG406", "not a font collection (.ttc), so index must be 0, not {index}",
                           "不是字体集（.ttc），index 只能是 0，不能是 {index}")
font_woff = Text("BG407", "WOFF web fonts are not supported; use the .ttf or .otf file", "不支持 WOFF 网页字体，请用 .ttf 或 .otf 文件")
font_not_a_font = Text("BG408", "not a TrueType or OpenType font", "不是 TrueType 或 OpenType 字体")
font_cannot_read = Text("BG409", "cannot read: {reason}", "无法读取：{reason}")
font_truncated = Text("BG410", "truncated font file", "字体文件不完整")
font_cff2 = Text("BG411", "variable CFF2 outlines are not supported", "不支持可变 CFF2 轮廓")
font_bitmap = Text("BG412", "bitmap-only font (no outlines)", "只有点阵、没有轮廓的字体")
font_reportlab = Text("BG413", "reportlab cannot use it: {detail}", "reportlab 无法使用它：{detail}")
fonts_package_missing = Text("BG414", "the free fonts package pylopdf-fonts-zh-cn is not installed (pip install pylopdf-fonts-zh-cn)",
                             "没有安装免费字体包 pylopdf-fonts-zh-cn（pip install pylopdf-fonts-zh-cn）")
font_file_missing = Text("BG415", "fonts.{role}: font file not found: {path}", "fonts.{role}：找不到字体文件：{path}")
font_file_unusable = Text("BG416", "fonts.{role}: {path}: {reason}", "fonts.{role}：{path}：{reason}")
font_bundled_unusable = Text("BG417", "fonts.{role}: the bundled {kind} font: {reason}", "fonts.{role}：自带的 {kind} 字体：{reason}")
font_skipped_face = Text("BG418", "skipped {path} (face {index}): {reason}", "跳过 {path}（第 {index} 个字面）：{reason}")
font_skipped = Text("BG419", "skipped {path}: {reason}", "跳过 {path}：{reason}")
font_lock_held = Text("BG420", "another briefgen process has held {path} for {seconds} s; if no briefgen is running, delete that "
                      "file and run again", "另一个 briefgen 进程占用 {path} 已有 {seconds} 秒；如果没有 briefgen 在运行，请删除这个文件后重新运行")
font_licence = Text("BG421", "its licence does not allow embedding (OS/2 fsType 0x{fs_type})", "字体许可不允许嵌入（OS/2 fsType 0x{fs_type}）")
font_no_cmap = Text("BG422", "no character map", "没有字符映射表（cmap）")
font_unreadable_file = Text("BG423", "unreadable font file: {detail}", "无法读取的字体文件：{detail}")
font_unreadable_face = Text("BG424", "unreadable font: {detail}", "无法读取的字体：{detail}")
font_lock_wait = Text("BG425", "waiting for another briefgen process ({doing})", "正在等待另一个 briefgen 进程（{doing}）")
font_lock_wait_plain = Text("BG426", "waiting for another briefgen process", "正在等待另一个 briefgen 进程")
font_indexing = Text("BG427", "indexing the installed fonts", "正在索引已安装的字体")
font_preparing = Text("BG428", "preparing {name} for PDFs", "正在为 PDF 准备 {name}")
font_converting = Text("BG429", "preparing {name} for PDFs: converted once and kept in {folder} (takes a few seconds, only this time)",
                       "正在为 PDF 准备 {name}：只需转换一次并保存在 {folder}（需要几秒钟，仅此一次）")

# --- theme files (BG450-BG499) --------------------------------------------------------------------------------
th_not_size = Text("BG450", '{value} is not a type size; write points (16 or "16pt") or 号 (三号, 小四, 五号)',
                   '{value} 不是字号；请写磅值（16 或 "16pt"）或号数（三号、小四、五号）')
th_text_long = Text("BG451", "a text of {n} characters; a theme's texts have at most {limit} (limits.MAX_THEME_TEXT_CHARS)",
                    "文字长 {n} 个字符；主题中的文字最多 {limit} 个（limits.MAX_THEME_TEXT_CHARS）")
th_control = Text("BG452", "contains the control character U+{code}, which a font name or a Word file cannot hold; remove it",
                  "含有控制字符 U+{code}，字体名称和 Word 文件都不能容纳，请删除")
th_block_small = Text("BG453", "the margins leave a text block of {width} x {height} mm; it must be at least 30 x 30 mm",
                      "页边距只留下 {width} x {height} 毫米的版心；版心至少应为 30 x 30 毫米")
th_pitch = Text("BG454", "line_pitch_pt {pitch} is smaller than size_pt {size}: lines would overlap",
                "line_pitch_pt {pitch} 小于 size_pt {size}：行与行会重叠")
th_min_size = Text("BG455", "min_size_pt {min} is larger than size_pt {size}", "min_size_pt {min} 大于 size_pt {size}")
th_page_number = Text("BG456", 'must contain {{n}} where the page number goes, e.g. "— {{n}} —"', '须含 {{n}} 表示页码位置，如 "— {{n}} —"')
th_file_big = Text("BG457", "{path}: the theme file is {size} bytes; briefgen reads themes of at most {limit} bytes (limits.MAX_THEME_FILE_BYTES)",
                   "{path}：主题文件有 {size} 字节；briefgen 最多只读 {limit} 字节的主题（limits.MAX_THEME_FILE_BYTES）")
th_invalid = Text("BG458", "{path}: invalid theme file: {detail}", "{path}：主题文件有误：{detail}")
th_cannot_read = Text("BG459", "{path}: cannot read theme file: {reason}", "{path}：无法读取主题文件：{reason}")
th_not_table = Text("BG460", "{path}: a theme file must hold a table of settings", "{path}：主题文件应为一组设置（TOML 表）")
th_not_found = Text("BG461", "{path}: theme file not found", "{path}：找不到主题文件")
th_unknown = Text("BG462", "unknown theme {name}; built-in themes: {names}, or give a .toml/.yaml file",
                  "没有 {name} 这个主题；内置主题有：{names}，也可给出 .toml/.yaml 主题文件")
th_extends_chain = Text("BG463", "{path}: extends: a chain of more than {limit} themes (limits.MAX_THEME_EXTENDS); let the theme extend a built-in one or a file that does",
                        "{path}：extends：主题继承链超过 {limit} 层（limits.MAX_THEME_EXTENDS）；请让主题继承内置主题，或继承一个继承内置主题的文件")
th_extends_itself = Text("BG464", "{path}: theme extends itself (through {chain})", "{path}：主题继承了自己（经由 {chain}）")
th_extends = Text("BG465", "{path}: extends: {detail}", "{path}：extends：{detail}")
th_no_body = Text("BG466", "{path}: fonts.body: a theme must define the body font role", "{path}：fonts.body：主题必须设定正文（body）字体")
th_line = Text("BG467", "{path}: {field}: {detail}", "{path}: {field}：{detail}")
th_chars_line = Text("BG468", "{field}: {size} pt type sets {chars} characters a line, as the text block is {width} x {height} mm; "
                     "make the type smaller or the page larger (at least {least} characters a line)",
                     "{field}：版心为 {width} x {height} 毫米，{size} 磅的字每行只能排 {chars} 个字；请减小字号或加大页面（每行至少 {least} 个字）")
th_lines_page = Text("BG469", "body.line_pitch_pt: {pitch} pt lines give {lines} lines a page, as the text block is {width} x {height} mm; "
                     "make the lines closer or the page larger (at least 5 lines a page)",
                     "body.line_pitch_pt：版心为 {width} x {height} 毫米，{pitch} 磅的行距每页只有 {lines} 行；请缩小行距或加大页面（每页至少 5 行）")
th_unknown_setting = Text("BG470", "unknown setting; check its spelling", "没有这个设置项，请检查拼写")
th_required = Text("BG471", "this setting is required", "这个设置项必须填写")
th_not_number = Text("BG472", "{value} is not a number", "{value} 不是数字")
th_not_finite = Text("BG473", "{value} is not a finite number; write a size or length such as 16", "{value} 不是有限的数；请写 16 这样的大小或长度")
th_pydantic = Text("BG474", "{detail}", "{detail}")
th_path_line = Text("BG475", "{path}: {detail}", "{path}: {detail}")
th_at_least = Text("BG476", "should be at least {n}", "应不小于 {n}")
th_at_most = Text("BG477", "should be at most {n}", "应不大于 {n}")
th_above = Text("BG478", "should be greater than {n}", "应大于 {n}")
th_below = Text("BG479", "should be less than {n}", "应小于 {n}")

# --- reference DOCX files (BG480-BG499) --------------------------------------------------------------------
ref_prefixed = Text("BG480", "{name}: {detail}", "{name}：{detail}")
ref_unreadable = Text("BG481", "cannot read the file: {reason}", "无法读取文件：{reason}")
ref_big = Text("BG482", "the {what} is {size} MB; briefgen reads one of at most {limit} MB (limits.MAX_DOCX_FILE_BYTES); save a smaller copy",
               "这个{what}有 {size} MB；briefgen 最多只读 {limit} MB（limits.MAX_DOCX_FILE_BYTES）；请另存一个小一些的副本")
ref_not_zip = Text("BG483", "not a Word .docx file (a .docx is a zip archive, this is not one); save it from Word as .docx",
                   "不是 Word .docx 文件（.docx 是 zip 压缩包，这个不是）；请在 Word 中另存为 .docx")
ref_members = Text("BG484", "the {what} holds {n} parts; briefgen reads one of at most {limit} (limits.MAX_ZIP_MEMBERS_DOCX); save it again from Word",
                   "这个{what}有 {n} 个部件；briefgen 最多只读 {limit} 个（limits.MAX_ZIP_MEMBERS_DOCX）；请在 Word 中重新保存")
ref_part_big = Text("BG485", "its part {part} unpacks to {size} MB; briefgen reads parts of at most {limit} MB (limits.MAX_DOCX_XML_BYTES): "
                    "a zip bomb, or a file to save again from Word",
                    "其中的部件 {part} 解压后有 {size} MB；briefgen 最多只读 {limit} MB 的部件（limits.MAX_DOCX_XML_BYTES）：可能是压缩炸弹，或请在 Word 中重新保存")
ref_ratio = Text("BG486", "its part {part} is compressed {ratio} times; briefgen reads parts compressed at most {limit} times (limits.MAX_ZIP_RATIO): "
                 "a zip bomb, or a file to save again from Word",
                 "其中的部件 {part} 压缩了 {ratio} 倍；briefgen 最多只读压缩 {limit} 倍的部件（limits.MAX_ZIP_RATIO）：可能是压缩炸弹，或请在 Word 中重新保存")
ref_total = Text("BG487", "the {what} unpacks to {size} MB; briefgen reads at most {limit} MB (limits.MAX_ZIP_TOTAL_BYTES)",
                 "这个{what}解压后有 {size} MB；briefgen 最多只读 {limit} MB（limits.MAX_ZIP_TOTAL_BYTES）")
ref_damaged = Text("BG488", "a damaged archive ({kind}); save it again from Word as .docx", "压缩包已损坏（{kind}）；请在 Word 中重新另存为 .docx")
ref_dtd = Text("BG489", "{name}: {part} declares a DTD or entities (<!DOCTYPE>), which Word never writes: an entity bomb or an attempt to read other files; save the file again from Word",
               "{name}：{part} 声明了 DTD 或实体（<!DOCTYPE>），Word 从不这样写：可能是实体炸弹或企图读取其他文件；请在 Word 中重新保存")
ref_malformed = Text("BG490", "{name}: {where}: malformed XML ({detail}); save the file again from Word", "{name}：{where}：XML 格式错误（{detail}）；请在 Word 中重新保存")
ref_empty_part = Text("BG491", "{name}: {part} is empty; save the file again from Word", "{name}：{part} 是空的；请在 Word 中重新保存")
ref_missing_part = Text("BG492", "{name}: the part {part} is missing; save the file again from Word as .docx", "{name}：缺少部件 {part}；请在 Word 中重新另存为 .docx")
ref_no_main = Text("BG493", "{name}: no main document in the package; save the file from Word as .docx", "{name}：文件中没有主文档；请在 Word 中另存为 .docx")
ref_no_body = Text("BG494", "{name}: {part} has no body; save the file from Word as .docx", "{name}：{part} 没有正文；请在 Word 中另存为 .docx")
ref_cannot_read = Text("BG495", "{name}: cannot read the reference DOCX: {reason}", "{name}：无法读取参考 DOCX：{reason}")
ref_not_docx = Text("BG496", "{name}: not a Word .docx file; save the template as .docx (not .doc) and try again",
                    "{name}：不是 Word .docx 文件；请把模板另存为 .docx（不是 .doc）后再试")
ref_macros = Text("BG497", "{name}: a macro-enabled Word file ({suffix}); its macros are not copied into the briefs (save the reference as .docx to drop them yourself)",
                  "{name}：这是启用宏的 Word 文件（{suffix}）；其中的宏不会带进简报（可自行另存为 .docx 去掉宏）")
ref_left_out = Text("BG498", "{name}: briefgen takes only the styles, page setup, header and footer; left out: {what}",
                    "{name}：briefgen 只取用样式、页面设置、页眉和页脚；未取用：{what}")
ref_no_page = Text("BG499", "{name}: its footer has no page number (no PAGE field), so the briefs' DOCX would have none; "
                   "add one in Word (Insert > Page Number) or delete the footer to keep briefgen's",
                   "{name}：其页脚没有页码（没有 PAGE 域），生成的 DOCX 也就没有页码；请在 Word 中插入页码（插入 > 页码），或删除页脚以使用 briefgen 的页码")
ref_word_file = Text("BG431", "Word file", "Word 文件")
ref_report_file = Text("BG432", "report", "报告文件")
ref_unusable = Text("BG433", "{name}: not a Word .docx file python-docx can read ({kind}); save the template as .docx (not .doc) and try again", "{name}：不是可以读取的 Word .docx 文件（{kind}）；请把模板另存为 .docx（不是 .doc）后再试")
# what a reference DOCX's cleaning leaves out, named in the warning (the cleaner keeps the English as its key)
ref_drop_external = Text("BG434", "external relationships (links to files or servers outside the document)", "外部关联（指向文档以外的文件或服务器的链接）")
ref_drop_macros = Text("BG435", "macros (vbaProject.bin)", "宏（vbaProject.bin）")
ref_drop_objects = Text("BG436", "embedded objects (OLE, ActiveX)", "嵌入对象（OLE、ActiveX）")
ref_drop_custom_xml = Text("BG437", "custom XML", "自定义 XML")
ref_drop_custom_props = Text("BG438", "custom properties", "自定义属性")
ref_drop_glossary = Text("BG439", "building blocks (glossary)", "文档部件（词汇表）")
ref_drop_comments = Text("BG440", "comments", "批注")
ref_drop_pictures = Text("BG441", "pictures of the body", "正文中的图片")
ref_drop_fields = Text("BG442", "fields that fetch or run something on opening (INCLUDETEXT, INCLUDEPICTURE, DDE, LINK)",
                       "打开时会取用或运行外部内容的域（INCLUDETEXT、INCLUDEPICTURE、DDE、LINK）")
ref_drop_template = Text("BG443", "an attached template", "附加的模板")
ref_drop_mail_merge = Text("BG444", "a mail-merge data source", "邮件合并数据源")
ref_drop_variables = Text("BG445", "document variables", "文档变量")
ref_drop_other = Text("BG446", "other parts ({kind})", "其他部件（{kind}）")
reference_header_docx_only = Text("BG447", "the reference DOCX's header and footer ({text}) are in the DOCX only; the PDF has none: "
                                  "print the DOCX from Word or WPS when the pages need them",
                                  "参考 DOCX 的页眉页脚（{text}）只在 DOCX 里，PDF 里没有：需要页眉页脚时，请用 Word 或 WPS 打印 DOCX")
