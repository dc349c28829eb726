"""Every folder under examples/ is a working folder a user copies and builds with the one command its README gives;
the suite does exactly that, and reads the documents back."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from readback import ink_box, pdf_lines, pdf_text, render_page

from briefgen.cli import main
from briefgen.theme import MM

from conftest import ROOT, SAMPLE

EXAMPLES = ROOT / "examples"
FOLDERS = sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir() and (p / "README.md").is_file())


def readme_commands(folder: Path) -> list[list[str]]:
    """The briefgen commands of the README's first ```sh block, as argument lists."""
    text = (folder / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block, f"{folder.name}/README.md has no ```sh block with its command"
    commands = [shlex.split(line) for line in block.group(1).splitlines() if line.strip().startswith("briefgen ")]
    assert commands, f"{folder.name}/README.md's ```sh block has no briefgen command"
    return [c[1:] for c in commands]


def build_copy(name: str, tmp_path: Path, monkeypatch) -> Path:
    """Copy examples/NAME as a user would, and run its README's command(s) inside the copy."""
    copy = tmp_path / "材料"
    shutil.copytree(EXAMPLES / name, copy, ignore=shutil.ignore_patterns("out"))
    monkeypatch.chdir(copy)
    for args in readme_commands(copy):
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, f"{name}: briefgen {' '.join(args)}\n{result.output}"
    return copy


def outputs(copy: Path, suffix: str) -> dict[str, Path]:
    return {p.name: p for p in (copy / "out").glob(f"*{suffix}")}


def one(files: dict[str, Path], document: str) -> Path:
    found = [p for name, p in files.items() if document in name]
    assert len(found) == 1, (document, sorted(files))
    return found[0]


def test_there_are_example_folders_and_the_index_names_each_with_its_command():
    assert {"excel-office", "my-office", "annual-report"} <= set(FOLDERS)
    index = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in FOLDERS:
        assert f"cp -r examples/{name} 材料 && cd 材料 && briefgen build" in index, name


@pytest.mark.parametrize("name", FOLDERS)
def test_each_example_builds_with_its_readme_command(name, tmp_path, monkeypatch):
    copy = build_copy(name, tmp_path, monkeypatch)
    assert outputs(copy, ".pdf") and outputs(copy, ".docx"), sorted((copy / "out").iterdir())
    assert (copy / "out" / "manifest.json").is_file()
    checked = CliRunner().invoke(main, ["validate"], catch_exceptions=False)  # the README's other promise
    assert checked.exit_code == 0 and "no problems" in checked.output, checked.output


def test_the_excel_example_has_every_figure_in_its_group_and_every_task(tmp_path, monkeypatch, sample_report):
    copy = build_copy("excel-office", tmp_path, monkeypatch)
    pdfs = outputs(copy, ".pdf")
    lines = pdf_lines(one(pdfs, "主要经济指标完成情况"))
    summary = "\n".join(lines)
    for ind in sample_report.indicators:
        assert ind.name in summary
    at = {t: next(i for i, l in enumerate(lines) if t in l) for t in ("工业和服务业", "规上工业增加值", "投资和招商", "实际利用外资")}
    assert at["工业和服务业"] < at["规上工业增加值"] < at["投资和招商"] < at["实际利用外资"], lines
    tasks = re.sub(r"[\r\n]", "", pdf_text(one(pdfs, "重点工作任务分解表")))
    short = {d.name: d.short or d.name for d in sample_report.departments}
    for task in sample_report.plan.tasks:  # a lead may stand in a narrow column by its short name
        assert task.title in tasks and (task.lead in tasks or short.get(task.lead, task.lead) in tasks)
    assert "前江街道2022年下半年重点工作任务分解表" in tasks


def test_the_office_theme_example_prints_its_mark_above_the_text(tmp_path, monkeypatch):
    copy = build_copy("my-office", tmp_path, monkeypatch)
    summary = one(outputs(copy, ".pdf"), "主要经济指标完成情况")
    assert "内部资料 注意保存" in pdf_text(summary)
    top = ink_box(render_page(summary).crop((0, 0, int(210 * MM), int(36 * MM))))
    assert top is not None  # the mark sits above the text block


def test_the_annual_example_titles_follow_the_year_and_its_plan(tmp_path, monkeypatch):
    copy = build_copy("annual-report", tmp_path, monkeypatch)
    pdfs = outputs(copy, ".pdf")
    assert "白沙街道2024年重点工作任务分解表" in pdf_lines(one(pdfs, "重点工作任务分解表"))
    assert "白沙街道2023年工作回顾" in pdf_lines(one(pdfs, "工作回顾"))
    assert "白沙街道2023年主要经济指标完成情况" in pdf_lines(one(pdfs, "主要经济指标完成情况"))


def test_the_annual_example_data_is_what_extract_drafts_from_its_report(tmp_path):
    """report.yaml was drafted from the report beside it: the figures and the tasks are the draft's."""
    from briefgen.compose import load_report
    from briefgen.extract import extract
    from briefgen.model.validate import validate

    folder = EXAMPLES / "annual-report"
    drafted = validate(extract(next(folder.glob("*.txt"))).data, _NoSources())
    kept, _ = load_report(folder / "report.yaml")
    # the example keeps two counts of the opening in its headline list; the draft keeps them with their section
    promoted = [("新增规上工业企业", 7, "家"), ("新增市场主体", 1580, "户")]
    figures = [(r.name, r.value, r.unit) for s in drafted.review.sections for r in s.results]
    assert all(p in figures for p in promoted)
    assert [(i.name, i.value, i.unit) for i in kept.indicators if (i.name, i.value, i.unit) not in promoted] == \
        [(i.name, i.value, i.unit) for i in drafted.indicators]
    assert [(t.title, t.due) for t in kept.plan.tasks] == [(t.title, t.due) for t in drafted.plan.tasks]
    assert kept.report == drafted.report


class _NoSources:
    def locate(self, path):
        from briefgen.errors import Location

        return Location("draft")


def test_the_generated_example_files_are_current(tmp_path):
    sys.path.insert(0, str(EXAMPLES))
    try:
        import make_examples
    finally:
        sys.path.remove(str(EXAMPLES))
    assert make_examples.SAMPLE == SAMPLE
    make_examples.main([str(tmp_path)])
    for made in sorted(tmp_path.rglob("*.*")):
        kept = EXAMPLES / made.relative_to(tmp_path)
        assert kept.read_bytes() == made.read_bytes(), f"{kept} is stale: run python examples/make_examples.py"
