"""Benchmark: `briefgen build` of the example pack (2 documents x 2 formats) as a whole process.

Prints the median wall time of several runs after one warm-up run (which fills the font cache).
Goal: under 1.0 s on a 2-core machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7


def main() -> int:
    exe = Path(sys.executable).with_name("briefgen")
    data = ROOT / "data" / "qianjiang-2022-h1.yaml"
    with tempfile.TemporaryDirectory() as out:
        cmd = [str(exe), "build", str(data), "--out", out]
        subprocess.run(cmd, check=True, capture_output=True)  # warm-up: font cache, .pyc files
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"briefgen build, example pack (2 documents x DOCX+PDF): median {median:.3f} s over {RUNS} runs "
          f"(min {min(times):.3f} s, max {max(times):.3f} s); goal < 1.0 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
