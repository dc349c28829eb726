"""A template author's mistake is said in their language, at the line to fix, with the fix: never the XML parser's
or Jinja's English (mismatched tag, not well-formed (invalid token), unexpected '}')."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"

GOOD = """<document title="t">
<title>标题</title>
<table widths="1,1">
<thead>
<tr><th>甲</th><th>乙</th></tr>
</thead>
<tbody>
{% for t in report.plan.tasks %}<tr><td>{{ t.title }}</td><td>{{ t.lead }}</td></tr>
{% endfor %}
</tbody>
</table>
<p>完</p>
</document>
"""


def build_with(tmp_path: Path, template: str, lang: str) -> str:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "mine.xml.j2").write_text(template, "utf-8")
    res = subprocess.run([sys.executable, "-m", "briefgen", "--lang", lang, "build", str(MINI), "-t", "mine", "-f", "pdf",
                          "--templates-dir", str(folder), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr and not (tmp_path / "out").exists()
    return res.stderr.strip().splitlines()[-1]


def test_the_good_template_builds(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "mine.xml.j2").write_text(GOOD, "utf-8")
    res = subprocess.run([sys.executable, "-m", "briefgen", "build", str(MINI), "-t", "mine", "-f", "pdf",
                          "--templates-dir", str(folder), "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


@pytest.mark.parametrize("lang, words", [
    ("zh", ["mine.xml.j2:10", "</table>", "<tbody>（第 7 行开始）", "请在它前面加上 </tbody>"]),
    ("en", ["mine.xml.j2:10", "</table> here closes <tbody> (opened at line 7)", "add </tbody> before it"]),
])
def test_a_missing_closing_tag_names_the_open_one_and_where(tmp_path, lang, words):
    line = build_with(tmp_path, GOOD.replace("</tbody>\n", ""), lang)
    assert all(w in line for w in words), line
    assert "mismatched tag" not in line


@pytest.mark.parametrize("lang, words", [("zh", ["mine.xml.j2:12", "单独的 &", "&amp;"]), ("en", ["mine.xml.j2:12", "bare &", "&amp;"])])
def test_a_bare_ampersand_says_write_amp(tmp_path, lang, words):
    line = build_with(tmp_path, GOOD.replace("<p>完</p>", "<p>甲 & 乙</p>"), lang)
    assert all(w in line for w in words), line
    assert "invalid token" not in line


def test_a_stray_brace_is_worded(tmp_path):
    line = build_with(tmp_path, GOOD.replace("<p>完</p>", "<p>{{ report.report.issuer }</p>"), "zh")
    assert "mine.xml.j2:12" in line and "多了一个“}”" in line and "unexpected" not in line, line


def test_a_block_never_ended_names_its_end_tag(tmp_path):
    line = build_with(tmp_path, GOOD.replace("{% endfor %}\n", ""), "zh")
    assert "{% endfor %}" in line and "模板在 {% for %} 块结束之前就结束了" in line, line
