"""The hostile-input catalogue (tests/hostile/, issue 11): every malformed or malicious data file, table, template,
theme, reference DOCX, report to extract or option gets one located line and its exit code from the CLI, within a
time limit, with no traceback, bounded memory, nothing written outside the output folder and, when refused,
nothing written at all.

Small inputs are files in tests/hostile/; big ones are made in tmp_path by tests/hostile/generate.py. Each is
listed in tests/hostile/cases.toml with its expected exit code and a fragment of the message. Each case runs in a
folder of its own (its file and a valid report, base.yaml, beside it), so that a file written outside --out shows.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "hostile"
BRIEFGEN = Path(sys.executable).with_name("briefgen")
TIMEOUT = 20  # seconds, per command
MAX_RSS_MB = 500  # the most memory one refusal may take

sys.path.insert(0, str(HOSTILE))
from generate import GENERATORS, mini_yaml  # noqa: E402

TMP = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")  # briefgen.atomic' temporary files
CASES: dict[str, dict] = {c["file"]: c for c in tomllib.loads((HOSTILE / "cases.toml").read_text("utf-8"))["case"]}


@dataclass
class Run:
    args: list[str]
    code: int | None  # None: killed at the time limit
    stderr: str
    seconds: float
    rss_mb: float  # peak resident memory, sampled every 20 ms
    written: list[str]  # files under --out made, changed or removed by the run
    outside: list[str] = dataclasses.field(default_factory=list)  # files written outside --out
    after: list[str] = dataclasses.field(default_factory=list)  # every file under --out after the run
    manifest: str = ""  # out/manifest.json after the run (when a regular file of reasonable size)


def _snapshot(out: Path | None) -> dict[str, str]:
    """What is under ``out``, without following links or opening special files: a regular file by its
    checksum (a big one by size and time), a link by its target, anything else by its type."""
    import hashlib
    import stat

    seen: dict[str, str] = {}
    if out is None or not out.is_dir():
        return seen
    for p in out.rglob("*"):
        st = p.lstat()
        name = str(p.relative_to(out))
        if stat.S_ISLNK(st.st_mode):
            seen[name] = "link:" + os.readlink(p)
        elif stat.S_ISREG(st.st_mode):
            seen[name] = (hashlib.sha256(p.read_bytes()).hexdigest() if st.st_size < 64 * 1024 * 1024
                          else f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
        elif not stat.S_ISDIR(st.st_mode):
            seen[name] = f"special:{stat.S_IFMT(st.st_mode)}"
    return seen


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
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "LANGUAGE": "en", "LC_ALL": "C.UTF-8"}
    env.pop("BRIEFGEN_DEBUG", None)
    before = _snapshot(out)
    start = time.monotonic()
    with open(cwd.parent / f".stderr-{cwd.name}-{id(args)}", "w+", encoding="utf-8", errors="replace") as err:
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
    seconds = time.monotonic() - start
    after = _snapshot(out)
    written = sorted({n for n in after if before.get(n) != after[n]} | {n for n in before if n not in after})
    manifest = ""
    if out is not None and after.get("manifest.json", "").isalnum():  # a regular file of reasonable size
        manifest = (out / "manifest.json").read_text("utf-8", "replace")
    return Run(args, code, stderr, seconds, rss, written, after=sorted(after), manifest=manifest)


def _make(name: str, folder: Path) -> Path:
    """The case's own folder with its file (and base.yaml, a valid report) in it; returns the file's path."""
    folder = folder / name.replace(".", "_")
    folder.mkdir()
    (folder / "base.yaml").write_text(mini_yaml(), encoding="utf-8")
    path = folder / name
    if name in GENERATORS:
        GENERATORS[name](path)
    else:
        path.write_bytes((HOSTILE / name).read_bytes())
    return path


# What each kind of case runs; {file} is the case's file, {stem} its name without suffix, {out} the output folder.
COMMANDS = {
    "template": [["build", "base.yaml", "--templates-dir", ".", "-t", "{stem}", "--out", "{out}"]],
    "theme": [["build", "base.yaml", "--theme", "{file}", "--out", "{out}"]],
    "reference": [["build", "base.yaml", "-f", "docx", "--reference-docx", "{file}", "--out", "{out}"]],
    "extract": [["extract", "{file}", "-o", "{out}/draft.yaml"]],
}


def _commands(case: dict, path: Path) -> list[tuple[list[str], Path | None]]:
    folder = path.parent
    out = folder / "out"
    kind = case.get("as", "data")
    fill = {"file": path.name, "stem": path.name.removesuffix(".xml.j2").split(".")[0], "out": str(out), "dir": str(folder)}
    if "args" in case or kind in COMMANDS:
        lists = [case["args"]] if "args" in case else COMMANDS[kind]
        def filled(arg: str) -> str:
            for key, value in fill.items():
                arg = arg.replace("{" + key + "}", value)
            return arg

        return [([filled(a) for a in args], out) for args in lists]
    if kind == "data":
        build = ["build", path.name, "--out", str(out)]
    else:  # a table: built next to a valid report
        build = ["build", "base.yaml", f"--{kind}", path.name, "--out", str(out)]
    runs = [(["validate", path.name], None)]
    if "build" in case.get("commands", ["validate", "build"]):
        runs.append((build, out))
    return runs


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, list[Run]]:
    """Every case made and run once, two at a time per processor: the catalogue takes seconds, not minutes."""
    folder = tmp_path_factory.mktemp("hostile")
    jobs = []
    before: dict[str, set[str]] = {}
    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:  # zlib and file writes free the GIL
        made = dict(zip(CASES, pool.map(lambda name: _make(name, folder), CASES)))
    for name, case in CASES.items():
        path = made[name]
        if case.get("as") == "extract":
            (path.parent / "out").mkdir()
        before[name] = _files(path.parent)
        for args, out in _commands(case, path):
            jobs.append((name, args, path.parent, out))
    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:
        done = list(pool.map(lambda job: (job[0], _run(job[1], job[2], job[3])), jobs))
    out: dict[str, list[Run]] = {}
    for name, run in done:
        out.setdefault(name, []).append(run)
    for name, runs in out.items():  # anything new beside the case's file, outside out/, was written outside --out
        case_folder = folder / name.replace(".", "_")
        outside = sorted(f for f in _files(case_folder) - before[name] if not f.startswith("out/"))
        for run in runs:
            run.outside = outside
    return out


def test_catalogue_lists_every_file():
    on_disk = {p.name for p in HOSTILE.iterdir() if p.name not in ("cases.toml", "__pycache__") and p.suffix != ".py"}  # the cases, not this code
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
        assert not run.outside, f"{what}: wrote outside --out: {run.outside}"
        assert not [w for w in run.after if TMP.match(Path(w).name)], f"{what}: left temporary files {run.after}"
        assert ".briefgen.lock" not in run.after, f"{what}: left its lock file behind"
        if "outputs" in case:
            made = [w for w in run.after if w != "manifest.json"]
            assert len(made) == case["outputs"], f"{what}: {len(made)} files, not {case['outputs']}: {made}\n{run.stderr}"
        for text in case.get("manifest_lacks", []):
            assert run.manifest and text not in run.manifest, f"{what}: the manifest holds {text!r}:\n{run.manifest[:2000]}"
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
        for args, out in _commands(CASES.get(name, {}), path):
            r = _run(args, path.parent, out)
            tail = r.stderr.strip().splitlines()[-1:] if r.stderr.strip() else [""]
            tb = "TRACEBACK " if "Traceback" in r.stderr else ""
            print(f"{name:45} {args[0]:8} exit={r.code} {r.seconds:5.1f}s {r.rss_mb:6.0f}MB {tb}{tail[0][:150]}", flush=True)


# ---- beside the catalogue: what the CLI runs cannot show --------------------------------------------------------

def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch, tmp_path):
    """A bug (not a BriefgenError) prints one apology naming the exception and how to report it, exit code 1;
    with --debug the traceback is there for the bug report."""
    from click.testing import CliRunner

    import briefgen.jobs
    from briefgen.cli import main

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(briefgen.jobs, "build", broken)
    data = tmp_path / "mini.yaml"
    data.write_text(mini_yaml(), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(data), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert "ZeroDivisionError at cli.py:" in lines[0] and "--debug" in lines[0] and "\\nsecond line" in lines[0], lines[0]
    result = CliRunner().invoke(main, ["--debug", "build", str(data), "--out", str(tmp_path / "out")])
    assert isinstance(result.exception, ZeroDivisionError)  # raised on: Python prints the traceback
    assert not (tmp_path / "out").exists()


def test_debug_shows_the_traceback_of_a_user_error_too(tmp_path):
    from click.testing import CliRunner

    from briefgen.cli import main

    result = CliRunner().invoke(main, ["--debug", "build", str(tmp_path / "missing.yaml"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "Traceback" in result.output


def test_a_problem_stays_one_line_whatever_its_value_holds():
    from briefgen.errors import Location, Problem

    text = str(Problem(Location("data.yaml", 3, 5), "plan.sections[0].title", "“a\nb\r\x1b[31mc\u2028d” is too long"))
    assert "\n" not in text and "\r" not in text and "\x1b" not in text and "\u2028" not in text
    assert text.startswith("data.yaml:3:5: plan.sections[0].title: ") and "\\n" in text and "\\x1b" in text


def test_a_reference_keeps_its_header_and_styles_and_loses_macros_objects_and_links(tmp_path):
    """Read the DOCX built with a hostile reference back: the header's text and the page setup are there; no
    macro, embedded object, custom XML, external relationship, attached template or fetching field is."""
    import re
    import zipfile

    import docx

    from briefgen.render.docx.reference import clean_reference

    ref = tmp_path / "office.docx"
    GENERATORS["reference-with-macros-objects-links.docx"](ref)
    data = tmp_path / "mini.yaml"
    data.write_text(mini_yaml(), encoding="utf-8")
    run = _run(["build", str(data), "-f", "docx", "--reference-docx", str(ref), "--out", str(tmp_path / "out"),
                "--names", "{template}"], tmp_path, tmp_path / "out")
    assert run.code == 0, run.stderr
    assert "warning: " in run.stderr and "macros (vbaProject.bin)" in run.stderr
    built = tmp_path / "out" / "summary.docx"
    with zipfile.ZipFile(built) as z:
        names = z.namelist()
        xml = {n: z.read(n).decode("utf-8", "replace") for n in names if n.endswith((".xml", ".rels"))}
    assert not [n for n in names if re.search(r"vba|customXml|oleObject|activeX", n, re.I)], names
    everything = "".join(xml.values())
    for gone in ('TargetMode="External"', "attachedTemplate", "INCLUDEPICTURE", "oleObject", "attacker.invalid", "vbaProject"):
        assert gone not in everything, gone
    assert "macroEnabled" not in xml["[Content_Types].xml"]
    document = docx.Document(str(built))
    assert document.sections[0].header.paragraphs[0].text == "某某街道办事处文件"
    assert "主要经济指标完成情况" in "".join(p.text for p in document.paragraphs)
    assert "正文不会被带入简报" not in "".join(p.text for p in document.paragraphs)  # the reference's body is not
    assert clean_reference(ref).warnings, "the cleaning says what it dropped"


# ---- the output folder: interrupted and concurrent runs (beside tests/test_jobs.py's SIGKILL and lock tests) ----

SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"


def _whole(folder: Path) -> list[Path]:
    """Every file under a final name in ``folder`` opens; no temporary file is left."""
    import pikepdf
    from docx import Document

    assert not [p.name for p in folder.iterdir() if TMP.match(p.name)], "temporary files left behind"
    finals = [p for p in folder.iterdir() if p.suffix in (".pdf", ".docx")]
    for p in finals:
        if p.suffix == ".pdf":
            pikepdf.open(p).close()
        else:
            Document(str(p))
    return finals


def test_sigterm_during_a_batch_stops_cleanly(tmp_path):
    """SIGTERM (a service stopping) ends a batch as Ctrl-C does, with exit code 143 (as a shell reports SIGTERM):
    one line, no temporary file, every file written so far whole; the next run completes the set."""
    out = tmp_path / "out"
    cmd = [str(BRIEFGEN), "batch", str(SAMPLE), "--out", str(out), "-j", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and list(out.glob("*.pdf"))) and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    if proc.returncode != 0:  # stopped (it may have finished first on a fast machine)
        assert proc.returncode == 143, err
        assert "Traceback" not in err and "interrupted" in err, err
    if out.exists():
        _whole(out)
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert _whole(out)
    assert subprocess.run([str(BRIEFGEN), "verify", str(out)], capture_output=True, text=True).returncode == 0


def test_two_builds_into_one_folder_at_once(tmp_path):
    """Two runs into the same folder: each succeeds, or the second stops with one line saying the folder is busy;
    either way the folder ends whole and matches its manifest."""
    out = tmp_path / "out"
    cmd = [str(BRIEFGEN), "build", str(SAMPLE), "--out", str(out), "--force"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.returncode, err) for p, (_, err) in ((p, p.communicate(timeout=300)) for p in procs)]
    for code, err in results:
        assert "Traceback" not in err, err
        assert code == 0 or (code == 1 and "another briefgen run is writing to this folder" in err), (code, err)
    assert any(code == 0 for code, _ in results)
    assert len(_whole(out)) == 4
    verified = subprocess.run([str(BRIEFGEN), "verify", str(out)], capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr
