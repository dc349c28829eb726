"""Watching a folder: one signal per save, whatever the editor does (temporary file and rename, ~$ lock files,
several events for one save), and `briefgen watch` printing each rebuild's result."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from briefgen.workdir.watch import changes_sync
from briefgen.workdir.folder import fingerprint


def editor_save(path: Path, data: bytes) -> None:
    """As Excel and WPS save: a lock file beside it, the new content in a temporary file renamed over the old one."""
    lock = path.with_name("~$" + path.name)
    lock.write_bytes(b"clerk")
    tmp = path.with_name("A1B2C3D4")  # Excel's temporary file: no suffix
    tmp.write_bytes(data)
    os.replace(tmp, path)
    time.sleep(0.02)
    os.utime(path)  # one save, a second event
    lock.unlink()


def test_the_fingerprint_ignores_lock_files_temporary_files_and_outputs(office):
    before = fingerprint([office])
    (office / "~$指标.xlsx").write_bytes(b"lock")
    (office / ".~lock.任务.xlsx#").write_bytes(b"lock")
    (office / "A1B2C3D4").write_bytes(b"temp")
    (office / "report.yaml.swp").write_bytes(b"vim")
    (office / "out").mkdir()
    (office / "out" / "x.yaml").write_bytes(b"a: 1")
    os.utime(office / "report.yaml")  # saved with the same bytes
    assert fingerprint([office]) == before
    (office / "report.yaml").write_bytes((office / "report.yaml").read_bytes() + b"\n# edited\n")
    assert fingerprint([office]) != before


def test_one_editor_save_is_one_signal(office):
    stop = threading.Event()
    seen: list[float] = []

    def watch() -> None:
        for _ in changes_sync([office], stop_event=stop):
            seen.append(time.perf_counter())

    watcher = threading.Thread(target=watch)
    watcher.start()
    time.sleep(0.5)  # the watcher is up
    data = (office / "report.yaml").read_bytes()
    saved = time.perf_counter()
    editor_save(office / "report.yaml", data.replace(b"2022", b"2022", 1) + b"\n# one\n")
    time.sleep(1.5)
    editor_save(office / "指标.xlsx", (office / "指标.xlsx").read_bytes())  # the same bytes saved again: nothing to do
    time.sleep(1.5)
    stop.set()
    watcher.join(10)
    assert len(seen) == 1, seen
    assert seen[0] - saved < 1.0


def test_briefgen_watch_prints_each_rebuild(office, tmp_path):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "watch.log"
    out = open(log, "w")
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "watch", str(office)], stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        def made() -> list[str]:
            return [line for line in log.read_text().splitlines() if "made again" in line]

        end = time.time() + 90
        while time.time() < end and not made():
            time.sleep(0.1)
        assert len(made()) == 1, log.read_text()
        assert "4 written" in made()[0]
        time.sleep(0.3)
        data = (office / "report.yaml").read_text("utf-8").replace("前江街道", "白沙街道")
        editor_save(office / "report.yaml", data.encode("utf-8"))
        end = time.time() + 60
        while time.time() < end and len(made()) < 2:
            time.sleep(0.1)
        time.sleep(1.5)
        assert len(made()) == 2, log.read_text()
        assert "4 written" in made()[1]
        assert any("白沙街道" in p.name for p in (office / "out").iterdir())
    finally:
        proc.terminate()
        proc.wait(10)
        out.close()


def test_outputs_in_the_folder_briefgen_toml_names_are_not_a_save(office):
    """out = "成品": the documents a rebuild writes there must not start another rebuild."""
    toml = office / "briefgen.toml"
    toml.write_text(toml.read_text("utf-8").replace('out = "out"', 'out = "成品"'), "utf-8")
    assert 'out = "成品"' in toml.read_text("utf-8")
    before = fingerprint([office])
    (office / "成品").mkdir()
    (office / "成品" / "前江街道_主要经济指标完成情况_2022-07-29.docx").write_bytes(b"PK")
    (office / "成品" / "manifest.json").write_bytes(b"{}")
    assert fingerprint([office]) == before
    from briefgen.workdir.folder import describe

    assert not any(f.role == "reference" for f in describe([office]))  # an output is not a Word style reference
