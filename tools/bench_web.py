"""Benchmark of the web page (part of ``make bench``): `briefgen serve` in a subprocess, driven over HTTP as the
page drives it. Not a test. Figures, each the median of several runs on this machine:

1. drop to first preview: upload the sample folder (report.yaml, 指标.xlsx, 任务.xlsx, briefgen.toml), start the
   build, wait for its "done" event, fetch the first page's PNG;
2. drop to the pack's zip: the same upload, a pack, the zip downloaded;
3. 30 departments: a data file with 30 departments uploaded, a batch (every core), its contact sheet fetched;
4. the server's memory (max RSS of the server process, after the runs).

Goals (issue 16, a 2-core machine): 2 s, 5 s, 15 s. Printed, never asserted.

    python tools/bench_web.py [--quick]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
OFFICE = ROOT / "examples" / "excel-office"
GOALS = {"preview": 2.0, "zip": 5.0, "batch30": 15.0}


def start_server(tmp: Path) -> tuple[subprocess.Popen, str, str]:
    log = tmp / "serve.log"
    with open(log, "w") as out:  # the child keeps its own handle
        proc = subprocess.Popen([sys.executable, "-m", "briefgen", "serve", "--no-browser"], stdout=out,
                                stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    for _ in range(300):
        m = re.search(r"http://(\S+)/\?token=(\S+)", log.read_text())
        if m:
            return proc, "http://" + m.group(1), m.group(2)
        time.sleep(0.05)
    raise SystemExit(log.read_text())


def run_job(client, base: str, sid: str, kind: str) -> dict:
    jid = client.post(f"{base}/api/sessions/{sid}/jobs", json={"kind": kind, "options": {}}).json()["id"]
    with client.stream("GET", f"{base}/api/sessions/{sid}/jobs/{jid}/events", timeout=120) as stream:
        event = None
        for line in stream.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "done":
                return json.loads(line[6:])
    raise SystemExit("no done event")


def main() -> None:
    import httpx2 as httpx

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    runs = 2 if parser.parse_args().quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        proc, base, token = start_server(tmp)
        spec = importlib.util.spec_from_file_location("synth", ROOT / "tests" / "synth.py")
        synth = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(synth)
        many = synth.write_many(tmp / "三十个部门.yaml", 30)
        sample = [("file", (p.name, p.read_bytes())) for p in OFFICE.iterdir() if p.suffix in (".yaml", ".xlsx", ".toml")]
        figures: dict[str, list[float]] = {"preview": [], "zip": [], "batch30": []}
        try:
            with httpx.Client(headers={"X-Briefgen-Token": token}, timeout=120) as c:
                for attempt in range(runs + 1):  # the first run warms the font cache and is not counted
                    for figure, kind, files in (("preview", "build", sample), ("zip", "pack", sample),
                                                ("batch30", "batch", [("file", (many.name, many.read_bytes()))])):
                        started = time.perf_counter()
                        sid = c.post(f"{base}/api/sessions").json()["id"]
                        c.post(f"{base}/api/sessions/{sid}/files", data={"kind": "folder"}, files=files).raise_for_status()
                        done = run_job(c, base, sid, kind)
                        assert done["state"] == "done", done
                        if figure == "preview":
                            pdf = next(f for f in done["files"] if f["format"] == "pdf")
                            c.get(f"{base}/api/sessions/{sid}/jobs/{done['id']}/pages/{quote(pdf['name'])}/1").raise_for_status()
                        elif figure == "zip":
                            c.get(f"{base}/api/sessions/{sid}/jobs/{done['id']}/zip").raise_for_status()
                        else:
                            c.get(f"{base}/api/sessions/{sid}/jobs/{done['id']}/sheet").raise_for_status()
                        if attempt:
                            figures[figure].append(time.perf_counter() - started)
            rss = 0.0
            status = Path(f"/proc/{proc.pid}/status")
            if status.is_file():
                m = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
                rss = int(m.group(1)) / 1024 if m else 0.0
        finally:
            proc.terminate()
            proc.wait(10)
    names = {"preview": "drop to first preview (sample)", "zip": "drop to the pack's zip (sample)",
             "batch30": "drop to contact sheet (30 departments)"}
    print("web page (briefgen serve), median of", runs)
    for key, values in figures.items():
        print(f"  {names[key]:<42} {statistics.median(values):6.2f} s   goal {GOALS[key]:.0f} s")
    if rss:
        print(f"  {'server memory (max RSS)':<42} {rss:6.0f} MB")


if __name__ == "__main__":
    main()
