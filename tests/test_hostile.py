"""The hostile-input catalogue (tests/hostile/, issue 11): every malformed or malicious data file or table gets
one located line and exit code 2 from `briefgen validate` and `briefgen build`, within a time limit, with no
traceback, bounded memory and nothing written to the output folder.

Small inputs are files in tests/hostile/; big ones are made in tmp_path by tests/hostile/generate.py. Each is
listed in tests/hostile/cases.toml with its expected exit code and a fragment of the message.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "hostile"
BRIEFGEN = Path(sys.executable).with_name("briefgen")
TIMEOUT = 20  # seconds, per command
MAX_RSS_MB = 500  # the most memory one refusal may take

sys.path.insert(0, str(HOSTILE))
from generate import GENERATORS, mini_yaml  # noqa: E402

CASES: dict[str, dict] = {c["file"]: c for c in tomllib.loads((HOSTILE / "cases.toml").read_text("utf-8"))["case"]}


@dataclass
class Run:
    args: list[str]
    code: int | None  # None: killed at the time limit
    stderr: str
    seconds: float
    rss_mb: float  # peak resident memory, sampled every 20 ms
    written: list[str]


def _peak_mb(pid: int, seen: float) -> float:
    """The child's peak resident memory so far (VmHWM: its own, unlike ru_maxrss, which a forked child inherits)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return max(seen, int(line.split()[1]) / 1024)
    except (OSError, ValueError):
        pass
    return seen


def _run(args: list[str], cwd: Path, out: Path | None) -> Run:
    """One CLI run with a time limit, its peak memory polled from /proc while it runs."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    start = time.monotonic()
    with open(cwd / f".stderr-{os.getpid()}-{id(args)}", "w+", encoding="utf-8", errors="replace") as err:
        proc = subprocess.Popen([str(BRIEFGEN), *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=env,
                                start_new_session=True)
        code, rss = None, 0.0
        while True:
            rss = _peak_mb(proc.pid, rss)
            pid, status = os.waitpid(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                proc.returncode = code
                break
            if time.monotonic() - start > TIMEOUT:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                break
            time.sleep(0.02)
        err.seek(0)
        stderr = err.read()
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*")) if out is not None and out.exists() else []
    return Run(args, code, stderr, time.monotonic() - start, rss, written)


def _make(name: str, folder: Path) -> Path:
    path = folder / name
    if name in GENERATORS:
        GENERATORS[name](path)
    else:
        path.write_bytes((HOSTILE / name).read_bytes())
    return path


def _commands(case: dict, path: Path, folder: Path) -> list[tuple[list[str], Path | None]]:
    out = folder / f"out-{path.name}"
    kind = case.get("as", "data")
    if kind == "data":
        build = ["build", path.name, "--out", str(out)]
    else:  # a table: built next to a valid report
        base = folder / "base.yaml"
        if not base.exists():
            base.write_text(mini_yaml(), encoding="utf-8")
        build = ["build", base.name, f"--{kind}", path.name, "--out", str(out)]
    runs = [(["validate", path.name], None)]
    if "build" in case.get("commands", ["validate", "build"]):
        runs.append((build, out))
    return runs


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, list[Run]]:
    """Every case made and run once, two at a time per processor: the catalogue takes seconds, not minutes."""
    folder = tmp_path_factory.mktemp("hostile")
    jobs = []
    for name, case in CASES.items():
        path = _make(name, folder)
        for args, out in _commands(case, path, folder):
            jobs.append((name, args, out))
    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:
        done = list(pool.map(lambda job: (job[0], _run(job[1], folder, job[2])), jobs))
    out: dict[str, list[Run]] = {}
    for name, run in done:
        out.setdefault(name, []).append(run)
    return out


def test_catalogue_lists_every_file():
    on_disk = {p.name for p in HOSTILE.iterdir() if p.name not in ("cases.toml", "generate.py", "__pycache__")}
    assert sorted(on_disk | set(GENERATORS)) == sorted(CASES)
    assert not on_disk & set(GENERATORS)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(name, results):
    case = CASES[name]
    for run in results[name]:
        what = f"briefgen {' '.join(run.args[:2])}"
        assert run.code is not None, f"{what}: no answer within {TIMEOUT} s"
        assert "Traceback" not in run.stderr, f"{what}:\n{run.stderr}"
        assert run.code == case["exit"], f"{what}: exit {run.code}\n{run.stderr}"
        assert case["message"] in run.stderr, f"{what}:\n{run.stderr}"
        assert run.rss_mb < MAX_RSS_MB, f"{what}: took {run.rss_mb:.0f} MB"
        if case["exit"] != 0:
            assert not run.written, f"{what}: wrote {run.written}"
            lines = [ln for ln in run.stderr.splitlines() if ln.strip() and not ln.startswith(("note:", "warning:"))]
            assert lines and all(":" in ln for ln in lines), f"{what}: not located:\n{run.stderr}"


if __name__ == "__main__":  # python tests/test_hostile.py [names…]: show what each case does now
    import tempfile

    folder = Path(tempfile.mkdtemp())
    names = sys.argv[1:] or sorted(set(GENERATORS) | {p.name for p in HOSTILE.iterdir() if p.suffix not in (".py", ".toml")})
    for name in names:
        path = _make(name, folder)
        for args, out in _commands(CASES.get(name, {}), path, folder):
            r = _run(args, folder, out)
            tail = r.stderr.strip().splitlines()[-1:] if r.stderr.strip() else [""]
            tb = "TRACEBACK " if "Traceback" in r.stderr else ""
            print(f"{name:45} {args[0]:8} exit={r.code} {r.seconds:5.1f}s {r.rss_mb:6.0f}MB {tb}{tail[0][:150]}", flush=True)
