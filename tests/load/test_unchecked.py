"""A draft's guesses never print as facts in silence: every value still marked ``# 待核实`` is a warning at its line
when building, and ``--strict`` stops on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DRAFT = """# Lines marked “# 待核实” need checking against the report.
report:
  title: 白沙街道2022年上半年工作总结  # 待核实: composed from its part headings
  issuer: 白沙街道
  date: 2022-07-29
  period: 2022年1—6月
indicators:
  - name: 规上工业增加值
    value: 31.3  # 待核实：预计数
    unit: 亿元
plan:
  sections:
    - title: 一、经济
      tasks:
        - title: 抓项目
          lead: 经济发展办公室  # 待核实: the report names no lead department
          due: 2022年12月底前
"""


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    (tmp_path / "draft.yaml").write_text(DRAFT, "utf-8")
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, cwd=tmp_path, timeout=300)


def test_each_unchecked_value_is_a_warning_at_its_line(tmp_path):
    res = run(tmp_path, "--lang", "zh", "build", "draft.yaml", "-f", "pdf", "--out", "out")
    assert res.returncode == 0, res.stderr
    marks = [line for line in res.stderr.splitlines() if "待核实" in line]
    assert len(marks) == 3, res.stderr
    assert any(m.startswith("警告：draft.yaml:3:") and "报告的标题" in m and "composed from its part headings" in m for m in marks)
    assert any(m.startswith("警告：draft.yaml:9:") and "规上工业增加值" in m and "预计数" in m for m in marks)
    assert any(m.startswith("警告：draft.yaml:16:") and "牵头单位" in m for m in marks)
    assert all("请对照报告核实，然后删去这个标记" in m for m in marks)


def test_strict_stops_on_an_unchecked_value_and_writes_nothing(tmp_path):
    res = run(tmp_path, "build", "draft.yaml", "--strict", "--out", "out")
    assert res.returncode == 2
    assert "draft.yaml:9:" in res.stderr and "still marked 待核实" in res.stderr
    assert not (tmp_path / "out").exists()
