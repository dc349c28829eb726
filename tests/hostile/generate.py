"""Hostile inputs too big (or too binary) to keep in the repository, made at test time.

Each generator writes the file named by its key in ``GENERATORS`` into a folder and returns its path; the
catalogue (``cases.toml``) lists the expected exit code and message for each. ``mini_yaml`` is a valid report
that the YAML cases extend.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

MINI = """\
report:
  title: 示例街道2022年上半年工作总结和下半年工作思路
  issuer: 示例街道
  date: 2022-07-29
  period: 2022年1—6月
indicators:
  - {name: 规上工业增加值, value: 31.3, unit: 亿元, yoy: 9.5}
plan:
  sections:
    - title: 加强稳链复链
      tasks:
        - {title: 加快优势产业复工提产, lead: 经济发展办公室, due: 年内}
"""


def mini_yaml(extra: str = "") -> str:
    return MINI + extra


def _text(text: str):
    """A maker that writes ``text`` as UTF-8 (a YAML or CSV case)."""
    def make(path: Path) -> None:
        path.write_text(text, encoding="utf-8")
    return make


def _big_yaml_string(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(MINI + "notes: ")
        chunk = "长" * (1024 * 1024 // 3)
        for _ in range(50):
            f.write(chunk)
        f.write("\n")


def _big_yaml_list(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(MINI + "notes:\n")
        line = "  - 一二三四五六七八九十\n"
        f.write(line * (50 * 1024 * 1024 // len(line.encode())))


def _unbroken_title(path: Path) -> None:
    text = MINI.replace("{title: 加快优势产业复工提产,", "{title: 加快" + "x" * 10_000 + ",")
    path.write_text(text, encoding="utf-8")


def _many_tasks(path: Path) -> None:
    tasks = "".join(f"        - {{title: 任务{i}, lead: 经济发展办公室, due: 年内}}\n" for i in range(20_000))
    text = MINI.replace("        - {title: 加快优势产业复工提产, lead: 经济发展办公室, due: 年内}\n", tasks)
    path.write_text(text, encoding="utf-8")


def _many_aliases(path: Path) -> None:
    path.write_text(MINI + "x: &x 1\nnotes: [" + ", ".join(["*x"] * 20_000) + "]\n", encoding="utf-8")


def _symlink_loop(path: Path) -> None:
    os.symlink(path.name, path)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _json_huge_integer(path: Path) -> None:
    path.write_text('{"report": {"title": "t", "issuer": "i", "date": "2022-07-29", "period": "p"},'
                    ' "indicators": [{"name": "n", "value": ' + "9" * 5000 + "}]}", encoding="utf-8")


# --- tables --------------------------------------------------------------------------------------------------

INDICATOR_HEAD = ["指标名称", "单位", "完成值", "同比增长(%)"]
TASK_HEAD = ["序号", "工作任务", "牵头单位", "完成时限"]


def _xlsx(rows: list[list], path: Path, far: str | None = None, far_value=None) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if far:
        ws[far] = far_value
        if far_value is None:
            from openpyxl.styles import Font
            ws[far].font = Font(bold=True)
    wb.save(path)


def _xlsx_far_cell(path: Path) -> None:
    _xlsx([INDICATOR_HEAD, ["规上工业增加值", "亿元", 31.3, 9.5]], path, far="XFD1048576", far_value="x")


def _xlsx_far_styled_cell(path: Path) -> None:
    _xlsx([INDICATOR_HEAD, ["规上工业增加值", "亿元", 31.3, 9.5]], path, far="XFD1048576")


def _xlsx_merged_sheet(path: Path) -> None:
    """Written into the XML: openpyxl itself would make 17 billion merged cells to save it."""
    _xlsx([INDICATOR_HEAD, ["规上工业增加值", "亿元", 31.3, 9.5]], path)
    _rewrite_sheet(path, lambda xml: xml.replace("</sheetData>", '</sheetData><mergeCells count="1">'
                                                 '<mergeCell ref="F1:XFD1048576"/></mergeCells>'))


def _xlsx_values(*cells):
    def make(path: Path) -> None:
        _xlsx([INDICATOR_HEAD] + [["指标%d" % i, "亿元", v, 9.5] for i, v in enumerate(cells)], path)
    return make


def _xlsx_inf_nan(path: Path) -> None:
    """Excel never writes infinity or NaN, but another program can: 1e999 reads as infinity, NaN as text."""
    _xlsx([INDICATOR_HEAD, ["指标1", "亿元", 1.5, 2.5], ["指标2", "亿元", 3.5, 4.5]], path)
    _rewrite_sheet(path, lambda xml: xml.replace("<v>1.5</v>", "<v>1e999</v>").replace("<v>4.5</v>", "<v>-1e999</v>"))


def _xlsx_nan_cell(path: Path) -> None:
    _xlsx([INDICATOR_HEAD, ["指标1", "亿元", 1.5, 2.5]], path)
    _rewrite_sheet(path, lambda xml: xml.replace("<v>1.5</v>", "<v>NaN</v>"))


def _rewrite_sheet(path: Path, change) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = change(parts[name].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def _xlsx_rows(path: Path) -> None:
    """100,000 rows written straight into the sheet's XML (openpyxl takes seconds to write them)."""
    _xlsx([INDICATOR_HEAD], path)
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>指标{r}</t></is></c><c r="C{r}"><v>{r}</v></c></row>'
                   for r in range(2, 100_002))
    _rewrite_sheet(path, lambda xml: xml.replace("</row></sheetData>", "</row>" + rows + "</sheetData>"))


def _xlsx_zip_bomb(size: int, level: int):
    def make(path: Path) -> None:
        _xlsx([INDICATOR_HEAD, ["规上工业增加值", "亿元", 31.3, 9.5]], path)
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
            with z.open("xl/media/padding.xml", "w", force_zip64=True) as f:
                block = b" " * (1024 * 1024)
                for _ in range(size // len(block)):
                    f.write(block)
    return make


def _not_a_zip(path: Path) -> None:
    path.write_text("指标名称,完成值\n规上工业增加值,31.3\n", encoding="utf-8")


def _csv_rows(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(",".join(INDICATOR_HEAD) + "\n")
        for i in range(100_000):
            f.write(f"指标{i},亿元,{i},1\n")


def _csv_big(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(",".join(INDICATOR_HEAD) + "\n")
        line = "规上工业增加值,亿元,31.3,9.5\n" * 1000
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            f.write(line)


def _csv_long_field(path: Path) -> None:
    path.write_text(",".join(INDICATOR_HEAD) + "\n规上工业增加值,亿元,31.3,\"" + "长" * 200_000 + "\"\n", encoding="utf-8")


def _csv_long_unquoted(path: Path) -> None:
    path.write_text(",".join(INDICATOR_HEAD) + "\n规上工业增加值" + "长" * 30_000 + ",亿元,31.3,9.5\n", encoding="utf-8")


def _csv_columns(path: Path) -> None:
    path.write_text(",".join(INDICATOR_HEAD + ["x"] * 5000) + "\n规上工业增加值,亿元,31.3,9.5\n", encoding="utf-8")


GENERATORS = {
    "yaml-task-title-10000-unbroken-characters.yaml": _unbroken_title,
    "yaml-50mb-string.yaml": _big_yaml_string,
    "yaml-50mb-list.yaml": _big_yaml_list,
    "yaml-20000-tasks.yaml": _many_tasks,
    "yaml-20000-aliases.yaml": _many_aliases,
    "yaml-huge-integer-value.yaml": _text(MINI.replace("value: 31.3", "value: " + "9" * 5000)),
    "yaml-huge-integer-growth.yaml": _text(MINI.replace("yoy: 9.5", "yoy: -" + "1" * 5000)),
    "yaml-huge-integer-tally.yaml": _text(MINI + "tally: {period: 一季度, green: " + "1" * 5000 + ", red: 1}\n"),
    "yaml-huge-float-digits.yaml": _text(MINI.replace("value: 31.3", "value: 3." + "1" * 5000)),
    "yaml-string-30000-chars.yaml": _text(MINI + "review: {intro: " + "长" * 30_000 + "}\n"),
    "json-huge-integer.json": _json_huge_integer,
    "symlink-loop.yaml": _symlink_loop,
    "fifo.yaml": _fifo,
    "xlsx-value-at-XFD1048576.xlsx": _xlsx_far_cell,
    "xlsx-styled-empty-cell-at-XFD1048576.xlsx": _xlsx_far_styled_cell,
    "xlsx-merged-F1-XFD1048576.xlsx": _xlsx_merged_sheet,
    "xlsx-infinite-cells.xlsx": _xlsx_inf_nan,
    "xlsx-nan-cell.xlsx": _xlsx_nan_cell,
    "xlsx-value-1e308.xlsx": _xlsx_values(1e308),
    "xlsx-value-1e-300.xlsx": _xlsx_values(1e-300),
    "xlsx-100000-rows.xlsx": _xlsx_rows,
    "xlsx-zip-bomb-ratio.xlsx": _xlsx_zip_bomb(50 * 1024 * 1024, 9),
    "xlsx-zip-bomb-1gb.xlsx": _xlsx_zip_bomb(1024 * 1024 * 1024, 1),
    "xlsx-not-a-zip.xlsx": _not_a_zip,
    "csv-100000-rows.csv": _csv_rows,
    "csv-50mb.csv": _csv_big,
    "csv-200k-character-field.csv": _csv_long_field,
    "csv-30000-character-cell.csv": _csv_long_unquoted,
    "csv-5000-columns.csv": _csv_columns,
}


# --- reference DOCX files ------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _word_file(path: Path, header: str = "某某街道办事处文件", footer: str | None = "— {PAGE} —") -> None:
    """A real Word file made by python-docx: a header line, and a footer with a PAGE field (or plain text)."""
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.add_paragraph("正文不会被带入简报。")
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    if footer is not None:
        p = section.footer.paragraphs[0]
        before, _, after = footer.partition("{PAGE}")
        p.add_run(before)
        if "{PAGE}" in footer:
            p._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        p.add_run(after)
    doc.save(path)


def _rewrite(path: Path, change) -> None:
    """``change(parts)`` edits the dict of a package's parts in place; the package is written again."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    change(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _add_rel(parts: dict, rels: str, rid: str, kind: str, target: str, external: bool = False) -> None:
    mode = ' TargetMode="External"' if external else ""
    xml = parts[rels].decode()
    parts[rels] = xml.replace("</Relationships>", f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/></Relationships>').encode()


def _add_override(parts: dict, part: str, content_type: str) -> None:
    xml = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = xml.replace("</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>').encode()


def _header_part(parts: dict) -> str:
    return next(n for n in parts if n.startswith("word/header") and n.endswith(".xml"))


def _footer_part(parts: dict) -> str:
    return next(n for n in parts if n.startswith("word/footer") and n.endswith(".xml"))


def _with_everything(parts: dict, macro_main: bool = False) -> None:
    """Macros, custom XML, an embedded OLE object in the header, an external link in the footer, an attached
    template on a server and a mail-merge source in the settings."""
    doc_rels = "word/_rels/document.xml.rels"
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0MACRO Sub AutoOpen() Shell \"calc\" End Sub"
    _add_rel(parts, doc_rels, "rIdVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin")
    _add_override(parts, "word/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    parts["customXml/item1.xml"] = b'<?xml version="1.0"?><secret>customer list</secret>'
    _add_rel(parts, doc_rels, "rIdCx", REL + "customXml", "../customXml/item1.xml")
    header = _header_part(parts)
    header_rels = header.replace("word/", "word/_rels/") + ".rels"
    parts.setdefault(header_rels, b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    parts["word/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0OLE payload"
    _add_rel(parts, header_rels, "rIdOle", REL + "oleObject", "embeddings/oleObject1.bin")
    parts[header] = parts[header].decode().replace(
        "</w:p>", '<w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" ProgID="Package" '
                  f'r:id="rIdOle" xmlns:r="{R_NS}"/></w:object></w:r></w:p>', 1).encode()
    footer = _footer_part(parts)
    footer_rels = footer.replace("word/", "word/_rels/") + ".rels"
    parts.setdefault(footer_rels, b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    _add_rel(parts, footer_rels, "rIdLink", REL + "hyperlink", "http://attacker.invalid/track.png", external=True)
    parts[footer] = parts[footer].decode().replace(
        "</w:p>", f'<w:hyperlink r:id="rIdLink" xmlns:r="{R_NS}"><w:r><w:t>点击</w:t></w:r></w:hyperlink>'
                  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDEPICTURE "http://attacker.invalid/x.png" </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>', 1).encode()
    settings_rels = "word/_rels/settings.xml.rels"
    parts[settings_rels] = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
    _add_rel(parts, settings_rels, "rIdTpl", REL + "attachedTemplate", "file://server/share/evil.dotm", external=True)
    parts["word/settings.xml"] = parts["word/settings.xml"].decode().replace(
        "<w:defaultTabStop", f'<w:attachedTemplate r:id="rIdTpl" xmlns:r="{R_NS}"/><w:defaultTabStop', 1).encode()
    if macro_main:
        ct = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = ct.replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml").encode()


def _reference_everything(path: Path) -> None:
    _word_file(path)
    _rewrite(path, _with_everything)


def _reference_docm(path: Path) -> None:
    _word_file(path)
    _rewrite(path, lambda parts: _with_everything(parts, macro_main=True))


def _reference_no_page_field(path: Path) -> None:
    _word_file(path, footer="某某街道办事处印发")


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
                  + ']><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&lol9;</w:styles>')


def _reference_entity_bomb(path: Path) -> None:
    _word_file(path)
    _rewrite(path, lambda parts: parts.update({"word/styles.xml": BILLION_LAUGHS.encode()}))


def _reference_external_entity(path: Path) -> None:
    _word_file(path)
    _rewrite(path, lambda parts: parts.update({"word/styles.xml": (
        '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:styles xmlns:w="{W_NS}">&x;</w:styles>').encode()}))


def _reference_malformed(path: Path) -> None:
    _word_file(path)
    _rewrite(path, lambda parts: parts.update({"word/styles.xml": parts["word/styles.xml"][:-300]}))


def _docx_zip_bomb(path: Path) -> None:
    """A Word file with a 1 GB part of spaces (about 1 MB on disk)."""
    _word_file(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("word/media/padding.xml", "w", force_zip64=True) as f:
            block = b" " * (1024 * 1024)
            for _ in range(1024):
                f.write(block)


def _not_a_word_file(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 this is not really a zip")


# --- reports for `briefgen extract` --------------------------------------------------------------------------

def _report_docx_malformed(path: Path) -> None:
    _word_file(path)
    _rewrite(path, lambda parts: parts.update({"word/document.xml": parts["word/document.xml"][:-200]}))


def _report_docx_entity_bomb(path: Path) -> None:
    _word_file(path)
    _rewrite(path, lambda parts: parts.update({"word/document.xml": BILLION_LAUGHS.replace("w:styles", "w:document").encode()}))


def _report_text_50mb(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        line = "一、上半年工作回顾。全街道实现规上工业增加值31.3亿元，同比增长9.5%。\n" * 1000
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            f.write(line)


# --- templates and themes ------------------------------------------------------------------------------------

def _theme_extends_3000(path: Path) -> None:
    """theme-extends-3000-deep.toml extends a chain of 3,000 files beside it."""
    folder = path.parent / (path.stem + ".d")
    folder.mkdir(exist_ok=True)
    for i in range(3000):
        (folder / f"t{i}.toml").write_text(f'extends = "t{i + 1}.toml"\n' if i < 2999 else 'extends = "official"\n', encoding="utf-8")
    path.write_text(f'extends = "{folder.name}/t0.toml"\n', encoding="utf-8")


GENERATORS.update({
    "reference-with-macros-objects-links.docx": _reference_everything,
    "reference-macro-enabled.docm": _reference_docm,
    "reference-footer-without-page-field.docx": _reference_no_page_field,
    "reference-entity-bomb.docx": _reference_entity_bomb,
    "reference-external-entity.docx": _reference_external_entity,
    "reference-malformed-xml.docx": _reference_malformed,
    "reference-zip-bomb-1gb.docx": _docx_zip_bomb,
    "reference-not-a-zip.docx": _not_a_word_file,
    "extract-malformed-xml.docx": _report_docx_malformed,
    "extract-entity-bomb.docx": _report_docx_entity_bomb,
    "extract-zip-bomb-1gb.docx": _docx_zip_bomb,
    "extract-50mb.txt": _report_text_50mb,
    "theme-extends-3000-deep.toml": _theme_extends_3000,
})


# --- the output folder (issue 19): what a shared folder may hold before a run --------------------------------------
# Each maker writes the case's own file and plants the rest in out/ (the --out of the case) or beside it.

import hashlib  # noqa: E402
import json  # noqa: E402

SECRET = "这是输出文件夹之外的文件：不应被读取。\n"


def _out(path: Path) -> Path:
    out = path.parent / "out"
    out.mkdir(exist_ok=True)
    return out


def _briefgen_manifest(files: dict, inputs: dict | None = None) -> str:
    """A manifest as briefgen writes it (its first line and key order), with ``files`` as given."""
    return json.dumps({"briefgen": "0.1.0", "files": files, "inputs": inputs or {}}, ensure_ascii=False, indent=1) + "\n"


def _planted_manifest(text) -> callable:
    """The case's file holds ``text`` (or ``text(path)``); it is also planted as out/manifest.json."""
    def make(path: Path) -> None:
        body = text(path) if callable(text) else text
        path.write_text(body, encoding="utf-8")
        (_out(path) / "manifest.json").write_text(body, encoding="utf-8")
    return make


def _secret_entries(path: Path) -> str:
    secret = path.parent / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    entry = {"sha256": hashlib.sha256(SECRET.encode()).hexdigest(), "size": len(SECRET.encode()), "format": "pdf",
             "key": "x", "fonts": [str(secret)]}
    return _briefgen_manifest({"../secret.txt": entry, str(secret): entry, "sub/../../secret.txt": entry})


def _manifest_link(target: str):
    def make(path: Path) -> None:
        path.write_text(target + "\n", encoding="utf-8")
        os.symlink(target, _out(path) / "manifest.json")
    return make


def _manifest_fifo(path: Path) -> None:
    path.write_text("a named pipe at out/manifest.json\n", encoding="utf-8")
    os.mkfifo(_out(path) / "manifest.json")


def _manifest_1gb(path: Path) -> None:
    path.write_text("a sparse 1 GB out/manifest.json\n", encoding="utf-8")
    with open(_out(path) / "manifest.json", "wb") as f:
        f.write(b'{\n "briefgen": "0.1.0",\n "files": {"a.pdf": {"note": "')
        f.truncate(1024 * 1024 * 1024)


def _deep(path: Path) -> str:
    return '{\n "briefgen": "0.1.0",\n "files": {"a.pdf": ' + "[" * 100_000 + "]" * 100_000 + "},\n \"inputs\": {}\n}\n"


def _huge_int(path: Path) -> str:
    return '{\n "briefgen": "0.1.0",\n "files": {"a.pdf": {"size": ' + "1" * 5000 + '}},\n "inputs": {}\n}\n'


def _wrong_types(path: Path) -> str:
    return _briefgen_manifest({"a.pdf": 5, "b.pdf": {"sha256": 3, "size": "x", "fonts": 7, "warnings": 9}}, {"f": 1})


def _verify_link(path: Path) -> None:
    """out/a.pdf is a symbolic link to a file outside, listed in the manifest with that file's checksum."""
    secret = path.parent / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    out = _out(path)
    os.symlink("../secret.txt", out / "a.pdf")
    body = _briefgen_manifest({"a.pdf": {"sha256": hashlib.sha256(SECRET.encode()).hexdigest(),
                                         "size": len(SECRET.encode()), "format": "pdf", "key": "x"}})
    path.write_text(body, encoding="utf-8")
    (out / "manifest.json").write_text(body, encoding="utf-8")


def _verify_control_names(path: Path) -> str:
    entry = {"sha256": "0" * 64, "size": 1, "format": "pdf", "key": "x"}
    return _briefgen_manifest({"a\u001b]0;pwned\u0007.pdf": entry, "x\nbriefgen: all files ok.pdf": entry})


def _foreign(path: Path) -> str:
    return json.dumps({"name": "值班表", "start_url": "/", "icons": []}, ensure_ascii=False) + "\n"


def _data_named_manifest(path: Path) -> None:
    """The report itself, as JSON, saved as out/manifest.json (the data file is inside --out)."""
    import yaml

    body = json.dumps(yaml.safe_load(MINI), ensure_ascii=False, default=str, indent=1) + "\n"
    path.write_text(body, encoding="utf-8")
    (_out(path) / "manifest.json").write_text(body, encoding="utf-8")


def _reference_in_out(path: Path) -> None:
    _word_file(path)
    (_out(path) / "office.docx").write_bytes(path.read_bytes())


def _two_same_named_pdfs(path: Path) -> None:
    """a/same.pdf and b/same.pdf: two different one-page PDFs with the same file name."""
    from reportlab.pdfgen import canvas

    for sub, text in (("a", "first document"), ("b", "second document")):
        (path.parent / sub).mkdir(exist_ok=True)
        c = canvas.Canvas(str(path.parent / sub / "same.pdf"), pagesize=(200, 200))
        c.setFont("Helvetica", 20)
        c.drawString(20, 100, text)
        c.save()
    path.write_bytes((path.parent / "a" / "same.pdf").read_bytes())


def _suffix_collision(path: Path) -> None:
    """Departments A/B and A_B collide and get suffixes; a third department is named as the first one's suffix."""
    tag = hashlib.sha256("A/B\x00docx".encode()).hexdigest()[:6]
    names = ["A/B", "A_B", f"A_B~{tag}"]
    tasks = "".join(f"        - {{title: 任务{i}, lead: \"{n}\", due: 年内}}\n" for i, n in enumerate(names))
    text = MINI.split("plan:")[0] + "plan:\n  sections:\n    - title: 加强稳链复链\n      tasks:\n" + tasks
    text += "departments:\n" + "".join(f"  - name: \"{n}\"\n" for n in names)
    path.write_text(text, encoding="utf-8")


def _toml_beside(text: str):
    """The case's file is a briefgen.toml; it is also written as briefgen.toml of the case's folder."""
    def make(path: Path) -> None:
        path.write_text(text, encoding="utf-8")
        (path.parent / "briefgen.toml").write_text(text, encoding="utf-8")
    return make


GENERATORS.update({
    "out-foreign-manifest.json": _planted_manifest(_foreign),
    "out-foreign-manifest-force.json": _planted_manifest(_foreign),
    "out-data-file-is-manifest.json": _data_named_manifest,
    "out-reference-is-an-output.docx": _reference_in_out,
    "out-manifest-entries-outside.json": _planted_manifest(_secret_entries),
    "out-manifest-link-to-dev-zero.txt": _manifest_link("/dev/zero"),
    "out-manifest-fifo.txt": _manifest_fifo,
    "out-manifest-1gb.txt": _manifest_1gb,
    "out-manifest-100000-deep.json": _planted_manifest(_deep),
    "out-manifest-100000-deep-verify.json": _planted_manifest(_deep),
    "out-manifest-5000-digit-size-verify.json": _planted_manifest(_huge_int),
    "out-manifest-wrong-types.json": _planted_manifest(_wrong_types),
    "out-verify-link-outside.json": _verify_link,
    "out-verify-control-characters.json": _planted_manifest(_verify_control_names),
    "out-preview-same-names.pdf": _two_same_named_pdfs,
    "out-department-named-as-a-suffix.yaml": _suffix_collision,
    "out-pack-meeting-escape.toml": _toml_beside('[pack]\nparts = ["summary"]\nmeeting = "部署会\\u0007\\u001b[31m\\u007f\\u0085"\n'),
    "out-pack-number-true.toml": _toml_beside('[pack]\nparts = ["summary"]\nnumber = true\n'),
})


# --- archive folders for `briefgen catalog add` (each case's path is the folder) ----------------------------------

def _archive(files: dict[str, bytes], listed: dict[str, dict] | None = None, manifest_bytes: bytes | None = None):
    """A maker of an archive folder at the case's path: ``files`` written into it, the manifest listing ``listed``
    (name -> entry; by default each file with its true checksum)."""
    import hashlib
    import json

    def make(path: Path) -> None:
        path.mkdir()
        for name, data in files.items():
            (path / name).write_bytes(data)
        entries = listed if listed is not None else {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "format": "pdf", "template": "summary"}
            for name, data in files.items()}
        body = manifest_bytes if manifest_bytes is not None else json.dumps(
            {"briefgen": "0.1.0", "files": entries, "inputs": {}}, ensure_ascii=False).encode("utf-8")
        (path / "manifest.json").write_bytes(body)
    return make


def _pdf_with_text(chars: int) -> bytes:
    """One A4 page holding ``chars`` characters of 1-point type."""
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("Helvetica", 1)
    line = "x" * 1000
    for i in range(chars // 1000):
        c.drawString(10, 830 - i * 0.8, line)
    c.save()
    return buf.getvalue()


def _archive_link_to_system_file(path: Path) -> None:
    _archive({}, {"passwd.pdf": {"sha256": "0" * 64, "size": 1, "format": "pdf"}})(path)
    os.symlink("/etc/passwd", path / "passwd.pdf")


def _archive_huge_page(path: Path) -> None:
    _archive({"brief.pdf": _pdf_with_text(60_000)})(path)


GENERATORS.update({
    "catalog-manifest-parent-path": _archive({}, {"../base.yaml": {"sha256": "0" * 64, "size": 1, "format": "pdf"}}),
    "catalog-manifest-absolute-path": _archive({}, {"/etc/passwd": {"sha256": "0" * 64, "size": 1, "format": "pdf"}}),
    "catalog-manifest-link-outside": _archive_link_to_system_file,
    "catalog-manifest-20mb": _archive({}, manifest_bytes=b'{"files": {}, "inputs": {}}' + b" " * (20 * 1024 * 1024)),
    "catalog-page-of-60000-characters": _archive_huge_page,
})


def _track_result(data: bytes):
    """An archive folder holding a 督办结果.json (as `briefgen track report` keeps one) of these bytes, listed with
    its true checksum."""
    import hashlib

    return _archive({"督办结果.json": data}, {"督办结果.json": {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                                                              "format": "json", "template": "督办结果"}})


GENERATORS.update({
    "catalog-track-result-20mb": _track_result(b'{"period": "2022-09", "tasks": {}}' + b" " * (20 * 1024 * 1024)),
    "catalog-track-result-nested": _track_result(b'{"period": "2022-09", "tasks": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"),
})


def _progress_rows(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("序号,工作任务,完成进度,状态\n")
        for i in range(100_000):
            f.write(f"{i},任务{i},50,推进中\n")


GENERATORS["progress-100000-rows.csv"] = _progress_rows


# --- reports to extract that were within the size limit and took minutes, or stopped with an internal error -----------

REPORT_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "qianjiang-2022-h1-report.txt"


def _report_in(encoding: str):
    def make(path: Path) -> None:
        path.write_bytes(REPORT_FIXTURE.read_text("utf-8").encode(encoding))
    return make


GENERATORS.update({
    "extract-20000-digits.txt": _text("1" * 20_000),  # 3 minutes: the list patterns tried from every digit
    "extract-tally-40000-digits.txt": _text("1" * 40_000 + "个绿" + "1" * 40_000 + "个红\n"),  # int() of 40,000 digits
    "extract-5mb-one-line.txt": _text(("规上工业增加值31.3亿元，同比增长9.5%，" * 300_000)[:1_700_000]),
    "extract-gb18030.txt": _report_in("gb18030"),
    "extract-utf-16-le-without-bom.txt": _report_in("utf-16-le"),
})
