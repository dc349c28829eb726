"""A reference DOCX's header and footer reach the DOCX only: a build that also makes the PDF says so plainly."""

from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner

from briefgen.cli import main

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


def reference(path: Path, header: str | None) -> Path:
    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    d.add_paragraph("正文")
    d.save(path)
    return path


def build(*args: str) -> str:
    result = CliRunner().invoke(main, ["--lang", "zh", "build", str(MINI), "-t", "summary", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_pdf_lacking_the_offices_header_is_said(tmp_path):
    ref = reference(tmp_path / "office.docx", "示例街道办事处")
    out = build("--reference-docx", str(ref), "--out", str(tmp_path / "a"))
    assert "参考 DOCX 的页眉页脚（示例街道办事处）只在 DOCX 里，PDF 里没有" in out
    assert "页眉页脚" not in build("--reference-docx", str(ref), "-f", "docx", "--out", str(tmp_path / "b"))
    plain = reference(tmp_path / "plain.docx", None)
    assert "页眉页脚" not in build("--reference-docx", str(plain), "--out", str(tmp_path / "c"))
