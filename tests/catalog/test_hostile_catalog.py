"""The catalogue file given as a shared folder may hold it: cut short by a copy, a page overwritten, another program's
SQLite file, a pipe. Each command says it in one line of the clerk's language, exit code 2, and changes nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main

from catalog_years import archives, db  # noqa: F401  (fixtures)


def zh(*args):
    return CliRunner().invoke(main, ["--lang", "zh", *[str(a) for a in args]])


def _damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    if how == "cut-short":
        path.write_bytes(raw[:5000])
    elif how == "page-overwritten":  # the header and schema intact, a data page further in overwritten
        path.write_bytes(raw[:8192] + b"\xff" * 8192 + raw[16384:])
    elif how == "zeros":
        path.write_bytes(b"\0" * len(raw))
    elif how == "other-tables":
        path.unlink()
        sqlite3.connect(path).execute("CREATE TABLE contacts(name)")
    elif how == "table-dropped":
        con = sqlite3.connect(path)
        con.execute("DROP TABLE figures")
        con.close()
    elif how == "fifo":
        path.unlink()
        os.mkfifo(path)


COMMANDS = [["catalog", "search", "工业"], ["catalog", "search", "河"], ["catalog", "figure", "规上工业增加值"],
            ["catalog", "tasks", "--lead", "经发办"], ["catalog", "check"]]
SHOWN = {
    "cut-short": "档案目录已损坏（SQLite 发现文件结构有误）；请用备份恢复，或把它移走后用 `briefgen catalog add` 重新加入档案",
    "page-overwritten": "档案目录已损坏（SQLite 发现文件结构有误）；请用备份恢复，或把它移走后用 `briefgen catalog add` 重新加入档案",
    "zeros": "不是 briefgen 的档案目录（不是 SQLite 文件）；请换一个 --db",
    "other-tables": "不是 briefgen 的档案目录（是含有其他数据表的 SQLite 文件）；请换一个 --db",
    "table-dropped": "不是 briefgen 的档案目录（缺少档案目录的数据表）；请换一个 --db",
    "fifo": "不是 briefgen 的档案目录（无法作为文件读写：是管道、设备，或磁盘出错）；请换一个 --db",
}


@pytest.mark.parametrize("how", sorted(SHOWN))
def test_a_damaged_catalogue_is_one_line_in_chinese(db, archives, how):
    """A catalogue whose page was overwritten after it was made opened fine and stopped in the query with an internal
    error (DatabaseError, exit 1); the others said SQLite's English (“file is not a database”) inside the Chinese, and
    another program's SQLite file was switched to WAL (its header rewritten) before it was refused."""
    _damage(db, how)
    before = hashlib.sha256(db.read_bytes()).hexdigest() if db.is_file() else None
    for args in [*COMMANDS, ["catalog", "add", archives[2022]]]:
        done = zh(*args, "--db", db)
        shown = [ln for ln in done.output.splitlines() if ln.strip()]
        assert done.exit_code == 2, (args, done.output)
        assert shown == [f"{db}：{SHOWN[how]}"], (args, done.output)
        assert "Traceback" not in done.output and "SQLite error" not in done.output
    if before is not None:
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before, "the damaged file was changed"


def test_a_catalogue_of_a_newer_briefgen_is_left_alone(db, archives):
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version=9")
    con.close()
    before = db.read_bytes()
    for args in [*COMMANDS, ["catalog", "add", archives[2022]]]:
        done = zh(*args, "--db", db)
        assert done.exit_code == 2 and done.output.strip() == f"{db}：目录的结构版本是 9，比这个 briefgen 认识的（2）新；请升级 briefgen", done.output
    assert db.read_bytes() == before


def _docx_bomb(path: Path) -> None:
    """A .docx whose document part unpacks to 800 MB (a few hundred KB on disk), every other part as Word writes it."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body><w:p><w:r><w:t>")
            block = b"a" * (1 << 20)
            for _ in range(800):
                part.write(block)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")


def _zip_of(path: Path, parts: dict[str, str]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)


def _entity_docx(path: Path) -> None:
    import zipfile

    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10 if i else "哈哈"}">' for i in range(9))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<?xml version="1.0"?><!DOCTYPE d [{laughs}]><d>&l8;</d>')


DOCS = {
    "pdf-text": ("x.pdf", lambda p: p.write_text("这不是 PDF", "utf-8"), "无法作为 PDF 读取（不是 PDF，或文件已损坏）；未收录"),
    "pdf-cut": ("x.pdf", None, "无法作为 PDF 读取（不是 PDF，或文件已损坏）；未收录"),
    "pdf-password": ("x.pdf", None, "无法作为 PDF 读取（有密码保护）；未收录"),
    "docx-text": ("x.docx", lambda p: p.write_text("这不是 Word 文件", "utf-8"), "不是 Word .docx 文件"),
    "docx-bomb": ("x.docx", _docx_bomb, "其中的部件 word/document.xml 解压后有 800 MB"),
    "docx-entities": ("x.docx", _entity_docx, "word/document.xml 声明了 DTD 或实体（<!DOCTYPE>）"),
    "docx-no-document": ("x.docx", lambda p: _zip_of(p, {"notes.xml": "<notes/>"}), "无法作为 Word 文件读取（KeyError）；未收录"),
}


@pytest.mark.parametrize("how", sorted(DOCS))
def test_a_listed_document_that_is_not_what_it_says_is_a_warning(archives, tmp_path, how):
    """A .docx listed in an archive's manifest (with its checksum) that is not a Word file, a zip bomb or an entity
    bomb stopped `catalog add` with an internal error (PackageNotFoundError, KeyError), or unpacked the bomb; a PDF
    that is not one was described in PDFium's English. Now each is one Chinese warning; the folder's other documents
    are indexed."""
    import json

    import pikepdf

    folder = Path(shutil.copytree(archives[2022], tmp_path / "archive"))
    name, make, shown = DOCS[how]
    target = folder / name
    pdf = sorted(folder.glob("*.pdf"))[0]
    if how == "pdf-cut":
        target.write_bytes(pdf.read_bytes()[:4000])
    elif how == "pdf-password":
        with pikepdf.open(pdf) as src:
            src.save(target, encryption=pikepdf.Encryption(owner="办公室", user="口令"))
    else:
        make(target)
    raw = target.read_bytes()
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["files"][name] = {"sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw), "format": target.suffix[1:],
                               "template": "summary"}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    db = tmp_path / "c.sqlite"
    done = zh("catalog", "add", folder, "--db", db)
    assert done.exit_code == 0, done.output
    warned = [ln for ln in done.output.splitlines() if ln.startswith("警告：")]
    assert len(warned) == 1, done.output
    assert warned[0].startswith(f"警告：{target}：") and shown in warned[0] and warned[0].endswith("未收录"), warned
    assert "Traceback" not in done.output and "PDFium:" not in done.output
    found = zh("catalog", "search", "规上工业增加值", "--db", db)
    assert found.exit_code == 0 and pdf.name in found.output, found.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents WHERE name = ?", (name,)).fetchone()[0] == 0
    con.close()
