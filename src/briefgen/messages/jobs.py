"""Catalogue entries: see briefgen.messages."""

from ..i18n import Text

# ---- writing outputs (briefgen.outputs) -------------------------------------------------------------------------
folder_in_the_way = Text("BG501", "cannot write {path}: a folder of that name is in the way; rename or remove it",
                         "无法写入 {path}：已有同名文件夹，请改名或删除它")
permission_denied = Text("BG502", "cannot write {path}: permission denied; if it is open in Word, WPS or a PDF viewer, close it "
                         "and run again", "无法写入 {path}：没有权限；如果文件正在 Word、WPS 或 PDF 阅读器中打开，请关闭后重新运行")
cannot_write = Text("BG503", "cannot write {path}: {reason}", "无法写入 {path}：{reason}")

# ---- previews (briefgen.preview) --------------------------------------------------------------------------------
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
manifest_invalid_json = Text("BG522", "{path}: not a briefgen manifest (invalid JSON); rebuild with --force to write a new one",
                             "{path}：不是 briefgen 的清单（JSON 格式有误）；请加 --force 重新生成，写一份新的清单")
manifest_no_files = Text("BG523", "{path}: not a briefgen manifest (no files table); rebuild with --force to write a new one",
                         "{path}：不是 briefgen 的清单（没有文件表）；请加 --force 重新生成，写一份新的清单")
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
