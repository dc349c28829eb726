"""One name per department in a table: once a name is shortened for a narrow cell (with the note saying so), every
cell of that table writes that department by its short name, as the data's own short names are."""

from __future__ import annotations

import yaml
from click.testing import CliRunner
from docx import Document

from conftest import SAMPLE
from briefgen.cli import main


def test_each_department_has_one_name_in_the_task_table(tmp_path):
    done = CliRunner().invoke(main, ["--lang", "en", "build", str(SAMPLE), "-t", "tasks", "-f", "docx", "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    doc = Document(str(next(tmp_path.glob("*.docx"))))
    names = {}
    for row in doc.tables[0].rows[1:]:
        for cell in row.cells[2:4]:  # 牵头单位, 配合单位
            for name in cell.text.replace("\u2060", "").split("、"):
                names[name.strip()] = True
    departments = yaml.safe_load(SAMPLE.read_text("utf-8"))["departments"]
    both = [(d["name"], d["short"]) for d in departments if d.get("short") and d["name"] in names and d["short"] in names]
    assert not both, both
    note = next(p.text for p in doc.paragraphs if p.text.startswith("注：表中单位名称")).replace("\u2060", "")
    shorts = {d["short"]: d["name"] for d in departments if d.get("short")}
    for name in names:  # every short name in the table is explained in the note
        if name in shorts:
            assert f"{name}（{shorts[name]}）" in note, (name, note)
