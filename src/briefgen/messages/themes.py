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
