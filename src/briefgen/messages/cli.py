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
validate_ok_doubts = Text("BG827", "ok: {files}, no problems, {warnings} to check", "通过：{files}，没有问题，有 {warnings} 需要核对")
n_files = Text("BG828", "{n} files", "{n} 个文件")
one_file = Text("BG829", "1 file", "1 个文件")
n_warnings = Text("BG830", "{n} warnings", "{n} 条警告")
one_warning = Text("BG831", "1 warning", "1 条警告")
created = Text("BG832", "created {path}", "已创建 {path}")
bad_lang = Text("BG833", "{value}: briefgen speaks zh (中文) and en (English); use --lang zh or --lang en",
                "{value}：briefgen 支持 zh（中文）和 en（英文），请用 --lang zh 或 --lang en")
bad_lang_setting = Text("BG834", "lang: {value} is not a language briefgen speaks; write \"zh\" or \"en\"",
                        "lang：{value} 不是 briefgen 支持的语言，请写 \"zh\" 或 \"en\"")
