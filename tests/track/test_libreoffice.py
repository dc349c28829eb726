"""The 督办通报 and a 催办单 as LibreOffice lays the DOCX out, beside briefgen's own PDF: the same figures, the
attachment's table starting on a page of its own, page counts close. Skipped without ``soffice``."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import fixture_plan as F
from test_report import fill_forms, run

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
pdfium = pytest.importorskip("pypdfium2")


def to_pdf(docx: Path, workdir: Path) -> Path:
    out = workdir / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation={(workdir / 'lo-profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=240)
    return out / (docx.stem + ".pdf")


def pages(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return ["".join(p.get_textpage().get_text_range().split()) for p in doc]
    finally:
        doc.close()


def test_the_circular_and_a_reminder_as_libreoffice_lays_them_out(tmp_path):
    F.write_data(tmp_path / "plan.yaml")
    assert run("track", "forms", "plan.yaml", "--period", "2022-09", "--out", "o", cwd=tmp_path).exit_code == 0
    forms = fill_forms(tmp_path / "o" / "2022-09" / "进度表")
    done = run("track", "report", "plan.yaml", *sum((["--progress", str(p)] for p in forms), []), "--as-of", "2022-09-30",
               "--out", "o", cwd=tmp_path)
    assert done.exit_code == 0, done.output
    folder = tmp_path / "o" / "2022-09"
    ours = pages(folder / "督办通报_第1期_2022-09.pdf")
    theirs = pages(to_pdf(folder / "督办通报_第1期_2022-09.docx", tmp_path))
    assert abs(len(theirs) - len(ours)) <= max(2, len(ours) // 5), (len(theirs), len(ours))
    text = "".join(theirs)
    for figure in re.findall(r"(?:已完成|正常推进|滞后|逾期|未报送)\d+项，占\d+%", "".join(ours[:2])):
        assert figure in text, figure
    attached = next(i for i, p in enumerate(theirs) if p.startswith("附件") or "推进情况表（截至" in p[:40])
    assert "一、总体情况" not in theirs[attached] and "推进情况表" in theirs[attached]
    assert all(f"{title}" in text for _, _, _, title, _ in F.tasks()[:5])
    reminder = pages(to_pdf(folder / "催办单_党政办公室_2022-09.docx", tmp_path))
    assert reminder[0].startswith("督办事项催办单") and "党政办公室：" in reminder[0] and "2022年10月25日前" in "".join(reminder)
