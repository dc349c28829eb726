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
