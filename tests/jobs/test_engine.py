"""The jobs engine: a new job is a plan and nothing else; warnings travel coded, also through the manifest."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from briefgen import messages as M
from briefgen.jobs.common import Clock
from briefgen.jobs.engine import Made, Plan, Work, run
from briefgen.jobs.manifest import verify
from briefgen.jobs.results import JobResult

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def shout(job: str) -> Made:
    """A job of this test's own: a text in, its upper case out, as a .txt "document"."""
    if job == "boom":
        raise ValueError("a bug")
    return Made(job, {"txt": job.upper().encode()}, warnings=[M.tw_no_tasks()] if job == "empty" else [])


def plan_of(folder: Path, texts: list[str], **options) -> Plan:
    works = [Work(t, f"key-{t}", (("txt", f"{t}.txt"),), t, {"template": "shout", "unit": t}) for t in texts]
    return Plan(folder, works, shout, {}, **options)


def test_a_new_job_is_a_plan_written_recorded_and_kept(tmp_path):
    out = tmp_path / "out"
    result = run(plan_of(out, ["alpha", "empty"]), JobResult(), Clock())
    assert (out / "alpha.txt").read_bytes() == b"ALPHA"
    assert [o.status for o in result.outputs] == ["built", "built"]
    assert [str(w.message) for w in result.warnings] == [str(M.tw_no_tasks())]
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["files"]["alpha.txt"]["key"] == "key-alpha:txt"
    assert manifest["files"]["empty.txt"]["warnings"] == [{"code": "BG361", "args": {}}]  # coded, not worded
    assert verify(out).passed

    again = run(plan_of(out, ["alpha", "empty"]), JobResult(), Clock())
    assert [o.status for o in again.outputs] == ["unchanged", "unchanged"]
    assert [str(w.message) for w in again.warnings] == [str(M.tw_no_tasks())]  # the kept file's warning, replayed

    (out / "alpha.txt").write_bytes(b"tampered")
    third = run(plan_of(out, ["alpha", "empty"]), JobResult(), Clock())
    assert [o.status for o in third.outputs] == ["built", "unchanged"]
    assert (out / "alpha.txt").read_bytes() == b"ALPHA"


def test_one_document_per_item_goes_on_past_a_failing_one_through_any_executor(tmp_path):
    out = tmp_path / "out"
    done = []
    with ThreadPoolExecutor(2) as pool:
        result = run(plan_of(out, ["a", "boom", "c"], each=True), JobResult(), Clock(), executor=pool,
                     progress=lambda n, total, unit: done.append((n, total)))
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "c.txt", "manifest.json"]
    assert [f.unit for f in result.failed] == ["boom"] and "ValueError" in result.failed[0].reason
    assert done == [(1, 3), (2, 3), (3, 3)]


def test_all_or_nothing_when_one_document_fails(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ValueError):
        run(plan_of(out, ["a", "boom"]), JobResult(), Clock())
    assert not out.exists()  # nothing half-written: not even the folder


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, timeout=300)


def test_a_rerun_in_the_other_language_words_the_kept_files_warnings_in_its_own(tmp_path):
    data = tmp_path / "data.yaml"
    data.write_text(MINI.read_text("utf-8").replace("lead: 经济发展办公室, due: 2022年10月底前", "lead: 待定, due: 2022年10月底前"),
                    "utf-8")
    out = tmp_path / "out"
    first = _cli("--lang", "en", "build", str(data), "-t", "tasks", "-f", "pdf", "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert "1 of 2 tasks still have 牵头单位 待定" in first.stderr
    second = _cli("--lang", "zh", "build", str(data), "-t", "tasks", "-f", "pdf", "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert "2 项任务中有 1 项的牵头单位仍是“待定”" in second.stderr
    assert "still have" not in second.stderr
    assert second.stdout.startswith("未变 ") and "unchanged" not in second.stdout  # the file was kept, said in Chinese
