"""The output folder under faults (issue 19): two users, kills and tampered manifests, through the CLI as a user
runs it. Beside the hostile catalogue (tests/hostile/), which covers what one run does with a planted folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"


@pytest.fixture(scope="module")
def long_batch(tmp_path_factory):
    """A batch long enough to be stopped half-way on a fast machine too (the sample's 13 briefs can finish within
    the second these tests wait before signalling)."""
    from synth import write_many

    return write_many(tmp_path_factory.mktemp("long") / "many.yaml", 160)
BRIEFGEN = Path(sys.executable).with_name("briefgen")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals and /proc as on Linux")


def _env(cache: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "LANGUAGE": "en", "LC_ALL": "C.UTF-8", "PYTHONUNBUFFERED": "1"}
    env.pop("BRIEFGEN_DEBUG", None)
    if cache is not None:
        env["BRIEFGEN_CACHE_DIR"] = str(cache)
    return env


def _wait(condition, seconds: float = 120.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found |= {int(x) for x in f.read().split()}
    except OSError:
        pass
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _verify(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BRIEFGEN), "verify", str(out)], capture_output=True, text=True, env=_env(), timeout=120)


def test_two_users_with_their_own_caches_do_not_write_one_folder_at_once(tmp_path, long_batch):
    """The lock is in the folder: a second run with another cache (another user) stops with one line."""
    out = tmp_path / "out"
    first = subprocess.Popen([str(BRIEFGEN), "batch", str(long_batch), "-j", "1", "--out", str(out)], env=_env(tmp_path / "cache-a"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: out.exists() or first.poll() is not None)
        second = subprocess.run([str(BRIEFGEN), "build", str(SAMPLE), "-f", "docx", "--force", "--out", str(out)],
                                capture_output=True, text=True, env=_env(tmp_path / "cache-b"), timeout=300)
        still_running = first.poll() is None
    finally:
        _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert still_running, "the first run ended before the second began: the test proves nothing"
    assert second.returncode == 1, second.stderr
    assert "another briefgen run is writing to this folder" in second.stderr and "Traceback" not in second.stderr
    assert not (out / ".briefgen.lock").exists(), "the lock file is removed when the run ends"
    done = _verify(out)
    assert done.returncode == 0, done.stderr


def test_an_interrupted_force_run_keeps_the_record_of_every_intact_file(tmp_path, long_batch):
    """SIGTERM half-way through a --force batch: exit 143, and the manifest still lists every file, so verify
    finds the folder as it is (all ok, nothing extra)."""
    out = tmp_path / "out"
    full = subprocess.run([str(BRIEFGEN), "batch", str(long_batch), "-j", "2", "--out", str(out)], capture_output=True,
                          text=True, env=_env(), timeout=600)
    assert full.returncode == 0, full.stderr
    listed = set(json.loads((out / "manifest.json").read_text("utf-8"))["files"])
    assert len(listed) > 10
    started = time.time()
    proc = subprocess.Popen([str(BRIEFGEN), "batch", str(long_batch), "-j", "1", "--force", "--out", str(out)],
                            env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert _wait(lambda: any(p.stat().st_mtime > started for p in out.glob("*.pdf")) or proc.poll() is not None)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert "Traceback" not in err and "interrupted" in err, err
    assert set(json.loads((out / "manifest.json").read_text("utf-8"))["files"]) == listed
    done = _verify(out)
    assert done.returncode == 0, done.stderr


def test_workers_die_with_their_parent(tmp_path, long_batch):
    """SIGKILL of a batch leaves no pool worker running (each was ~70 MB and ran for ever)."""
    out = tmp_path / "out"
    proc = subprocess.Popen([str(BRIEFGEN), "batch", str(long_batch), "-j", "2", "--force", "--out", str(out)],
                            env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        assert _wait(lambda: len(_children(proc.pid)) >= 2 or proc.poll() is not None)
        workers = _children(proc.pid)
        assert workers, "no workers started"
        proc.kill()
        proc.wait()
        assert _wait(lambda: not any(_alive(w) for w in workers), 10), "workers outlived their parent"
    finally:
        for w in workers:
            try:
                os.kill(w, signal.SIGKILL)
            except OSError:
                pass


def _as_from_a_terminal() -> None:
    """In the child before it runs briefgen: Ctrl-C handled and not blocked, as a shell starts a command (this test
    process may have inherited or set otherwise, and a child inherits an ignored or blocked signal)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])


def test_ctrl_c_to_the_process_group_stops_a_batch_cleanly(tmp_path, long_batch):
    """Ctrl-C reaches every process of the group: the workers leave the stopping to the parent, which prints
    one line, exits 130 and does not hang; no worker traceback reaches the terminal."""
    out = tmp_path / "out"
    proc = subprocess.Popen([str(BRIEFGEN), "batch", str(long_batch), "-j", "2", "--force", "--out", str(out)],
                            env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_as_from_a_terminal)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()
    # the workers are rendering: some briefs are done, most are not (a fixed wait let a fast machine finish first)
    assert _wait(lambda: sum(ln.startswith("[") for ln in lines) >= 3 or proc.poll() is not None)
    assert proc.poll() is None, "the batch ended before it could be interrupted:\n" + "".join(lines)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the batch hung after Ctrl-C")
    reader.join(10)
    proc.stderr.close()
    err = "".join(lines)
    assert proc.returncode == 130, err
    assert sum(ln.startswith("[") for ln in lines) < 160, "Ctrl-C did not stop the batch"
    assert "Traceback" not in err and "interrupted" in err, err
    assert [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("[")] == [ln for ln in err.splitlines() if "interrupted" in ln]


def test_a_font_path_in_the_manifest_is_never_opened(tmp_path):
    """A manifest's font list names a named pipe outside the folder: the rerun does not open it (it waited for
    ever), rebuilds, and the new manifest does not name it."""
    out = tmp_path / "out"
    cmd = [str(BRIEFGEN), "build", str(SAMPLE), "-t", "summary", "-f", "pdf", "--out", str(out)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=300)
    assert first.returncode == 0, first.stderr
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    for entry in manifest["files"].values():
        entry["fonts"] = [str(pipe)]
    manifest["inputs"][str(pipe)] = {"sha256": "0" * 64, "size": 0, "role": "font"}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    try:
        again = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the rerun opened the named pipe a manifest named")
    assert again.returncode == 0, again.stderr
    assert str(pipe) not in (out / "manifest.json").read_text("utf-8")
    assert _verify(out).returncode == 0


# ---- the library beneath: names, locks, manifests ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["../x.pdf", "/etc/passwd", "sub/x.pdf", "a\\b.pdf", "C:x.pdf", "..", ".", "",
                                  "manifest.json", ".briefgen.lock", "a\x1b]0;x\x07.pdf", "x\n.pdf", " x.pdf"])
def test_a_manifest_entry_must_be_a_plain_name_in_the_folder(name):
    from briefgen.jobs.manifest import safe_name

    assert not safe_name(name)


def test_names_briefgen_writes_are_plain_names():
    from briefgen.jobs.manifest import safe_name

    assert all(safe_name(n) for n in ["2022-07-29_前江街道_党政办公室_重点工作任务清单.pdf", "A_B~91d797.docx",
                                       "前江街道_contact-sheet.png", "summary-p1.png"])


def test_a_name_like_another_ones_collision_suffix_gets_a_file_of_its_own():
    import itertools

    from briefgen.jobs.names import Named, _digest, unique_names

    tag = _digest("A/B\x00pdf")
    items = [Named("A/B\x00pdf", "A_B.pdf"), Named("A_B\x00pdf", "A_B.pdf"), Named(f"A_B~{tag}\x00pdf", f"A_B~{tag}.pdf")]
    names = unique_names(items)
    assert len({n.casefold() for n in names}) == 3, names
    for order in itertools.permutations(range(3)):  # the same names whatever the order of the data
        again = unique_names([items[i] for i in order])
        assert [again[order.index(i)] for i in range(3)] == names


def test_the_folder_lock_is_in_the_folder_and_gone_after(tmp_path):
    from briefgen.errors import OutputError
    from briefgen.locks import folder_lock

    out = tmp_path / "new" / "out"
    with folder_lock(out, "busy"):
        assert (out / ".briefgen.lock").is_file()
        with pytest.raises(OutputError, match="busy"):
            with folder_lock(out, "busy"):
                pass
    assert not (tmp_path / "new").exists(), "the folders made for the lock are removed when left empty"
    out.mkdir(parents=True)
    os.symlink("/dev/null", out / ".briefgen.lock")
    with pytest.raises(OutputError, match="a link"):
        with folder_lock(out, "busy", "a link"):
            pass


def test_verify_never_opens_a_pipe_or_follows_a_link_at_a_listed_name(tmp_path):
    from briefgen.jobs.manifest import verify

    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.pdf")
    os.symlink("/dev/zero", out / "b.pdf")
    entry = {"sha256": "0" * 64, "size": 1, "format": "pdf", "key": "x"}
    (out / "manifest.json").write_text(json.dumps({"briefgen": "0.1.0", "files": {"a.pdf": entry, "b.pdf": entry},
                                                   "inputs": {}}, indent=1), encoding="utf-8")
    found = verify(out)
    assert found.special == ["a.pdf", "b.pdf"] and not found.passed


def test_preview_names_of_same_named_pdfs_are_distinct(tmp_path):
    from briefgen.render.preview import preview_stems

    a, b, c = tmp_path / "a" / "same.pdf", tmp_path / "b" / "same.pdf", tmp_path / "c" / "other.pdf"
    stems = preview_stems([a, b, c], tmp_path / "out")
    assert len(set(stems)) == 3 and stems[2] == "other"
    assert preview_stems([a, b]) == ["same", "same"]  # each beside its own PDF: no clash
