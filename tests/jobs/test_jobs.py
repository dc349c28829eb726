"""The jobs layer as a user meets it: batch briefs, file names, incremental and atomic runs, manifest, settings."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document as DocxDocument

import briefgen
from briefgen.cli import main
from briefgen.jobs.names import MAX_BYTES, Named, clean_part, file_name, unique_names
from conftest import MINI, ROOT, SAMPLE
from readback import docx_text, pdf_text
from synth import write_many


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def flat(text: str) -> str:
    return "".join(text.split())


def run_on(text: str) -> str:
    """Flattened PDF text with a task row that runs on to the next page joined again: the page number, the
    repeated header and the row's 序号 and title（续） taken out between its two parts."""
    import re

    text = re.sub(r"—\d+—", "", flat(text))
    return re.sub(r"序号工作任务..单位完成时限\d{1,2}[^。（）]{1,30}（续）", "", text)


def batch(data, out, **options):
    return briefgen.batch(briefgen.Settings(data=data, out=out, **options))


@pytest.fixture(scope="module")
def sample_batch(tmp_path_factory):
    out = tmp_path_factory.mktemp("briefs")
    return out, batch(SAMPLE, out, workers=2)


# ---- batch: what each brief holds -------------------------------------------------------------------------------

def test_every_department_with_tasks_gets_one_brief_in_both_formats(sample_batch, sample_report):
    out, result = sample_batch
    assert result.exit_code == 0 and not result.failed
    names = {d.name for d in sample_report.departments}
    with_tasks = {n for n in names if sample_report.department_tasks(n)}
    assert {o.unit for o in result.outputs} == with_tasks
    for unit in with_tasks:
        files = sorted(p.name for p in out.glob(f"2022-07-29_前江街道_{unit}_重点工作任务清单.*"))
        assert files == [f"2022-07-29_前江街道_{unit}_重点工作任务清单.docx", f"2022-07-29_前江街道_{unit}_重点工作任务清单.pdf"]


def test_each_brief_holds_its_own_tasks_and_nothing_of_anothers(sample_batch, sample_report):
    out, result = sample_batch
    by_unit = {}
    for o in result.outputs:
        by_unit.setdefault(o.unit, {})[o.format] = o.path
    dept = {d.name: d for d in sample_report.departments}
    for unit, paths in by_unit.items():
        names = {unit, dept[unit].short}
        mine = [t for t in sample_report.plan.tasks if t.lead in names or names & set(t.support)]
        others = [t for t in sample_report.plan.tasks if t not in mine]
        # the PDF's text runs across a row's columns line by line (a name beside the task's second line): the
        # detail's first words there, its first 40 characters in the DOCX
        for text, begins in ((run_on(pdf_text(paths["pdf"])), 10), (flat(docx_text(paths["docx"])), 40)):
            assert f"{unit}2022年下半年重点工作任务清单" in text
            for t in mine:
                assert flat(t.title) in text, (unit, t.title)
                assert flat(t.detail)[:begins] in text, (unit, t.title)
            for t in others:
                assert flat(t.title) not in text, (unit, t.title)


def test_a_supported_task_names_its_lead_and_a_led_one_its_supporting_units(sample_batch, sample_report):
    out, _ = sample_batch
    path = out / "2022-07-29_前江街道_经济发展办公室_重点工作任务清单.docx"
    doc = DocxDocument(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["一、牵头任务", "二、配合任务"]
    led, supported = doc.tables
    assert [c.text for c in led.rows[0].cells] == ["序号", "工作任务", "配合单位", "完成时限"]
    assert [c.text for c in supported.rows[0].cells] == ["序号", "工作任务", "牵头单位", "完成时限"]
    public = next(t for t in sample_report.plan.tasks if t.title == "增强公共服务")
    row = next(r for r in supported.rows[1:] if "增强公共服务" in r.cells[1].text)
    # a long name breaks between its words (w:br), or takes its short form, which a note under the table explains
    shorts = {d.name: d.short for d in sample_report.departments if d.short}
    shown = lambda names: "、".join(n if n in cell else shorts.get(n, n) for n in names)  # noqa: E731
    cell = row.cells[2].text.replace("\n", "")
    assert cell == shown([public.lead])
    first = sample_report.plan.tasks[0]
    row = next(r for r in led.rows[1:] if first.title in r.cells[1].text)
    cell = row.cells[2].text.replace("\n", "")
    assert cell == shown(first.support) and row.cells[3].text.replace("\n", "") == first.due_display


def test_indicators_with_an_owner_are_in_that_departments_brief(tmp_path):
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["indicators"][0]["owner"] = "经济发展办公室"
    data["indicators"][1]["owner"] = "经发办"  # the short name works too
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = briefgen.batch(briefgen.Settings(data=path, out=tmp_path / "out", formats=("pdf",)), only=("经济发展办公室", "财政办公室"))
    texts = {o.unit: flat(pdf_text(o.path)) for o in result.outputs}
    assert set(texts) == {"经济发展办公室", "财政办公室"}
    assert "负责指标" in texts["经济发展办公室"] and "规上工业增加值" in texts["经济发展办公室"] and "31.3" in texts["经济发展办公室"]
    assert "规上服务业增加值" in texts["经济发展办公室"]
    assert "负责指标" not in texts["财政办公室"]


def test_units_named_only_in_tasks_get_briefs_and_departments_without_tasks_are_listed(tmp_path):
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["departments"].append({"name": "档案室"})
    data["plan"]["sections"][0]["tasks"][0]["support"] = ["经济发展办公室", "党政办"]
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("batch", path, "--out", tmp_path / "out", "-f", "pdf")
    assert result.exit_code == 0, result.output
    assert "no brief: 档案室 has no task in the data" in result.stderr
    assert "without tasks" in result.stdout and "1 without tasks" in result.stdout


def test_a_brief_that_fails_does_not_stop_the_others(tmp_path):
    tdir = tmp_path / "t"
    tdir.mkdir()
    builtin = (ROOT / "templates" / "department.xml.j2").read_text(encoding="utf-8")
    (tdir / "department.xml.j2").write_text(
        builtin.replace("{% set d = department %}", "{% set d = department %}{% if d.name == '党政办公室' %}{{ 1 // 0 }}{% endif %}"),
        encoding="utf-8")
    result = run("batch", SAMPLE, "--out", tmp_path / "out", "-f", "pdf", "--templates-dir", tdir, "-j", "1")
    assert result.exit_code == 1
    assert "failed: 党政办公室:" in result.stderr and "department.xml.j2" in result.stderr
    assert "Traceback" not in result.output
    built = list((tmp_path / "out").glob("*.pdf"))
    assert len(built) == 12 and not any("党政办公室" in p.name for p in built)


# ---- deterministic, incremental, atomic ------------------------------------------------------------------------

def test_the_same_batch_is_byte_identical_with_one_or_two_workers(sample_batch, tmp_path):
    out, _ = sample_batch
    batch(SAMPLE, tmp_path / "one", workers=1)
    for path in sorted(out.glob("*.*")):
        if path.name == "manifest.json":
            continue
        assert (tmp_path / "one" / path.name).read_bytes() == path.read_bytes(), path.name
    one = json.loads((tmp_path / "one" / "manifest.json").read_text(encoding="utf-8"))["files"]
    two = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert {k: v["sha256"] for k, v in one.items()} == {k: v["sha256"] for k, v in two.items()}


def test_a_rerun_keeps_everything_force_rebuilds_and_one_changed_task_rebuilds_only_its_briefs(tmp_path):
    data = tmp_path / "r.yaml"
    data.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    first = batch(data, out, formats=("pdf",))
    assert len(first.built) == 13
    again = run("batch", data, "--out", out, "-f", "pdf")
    assert again.exit_code == 0 and "0 built, 13 unchanged" in again.stdout
    forced = batch(data, out, formats=("pdf",), force=True)
    assert len(forced.built) == 13 and not forced.unchanged
    # change one task: its lead and its supporting units are rebuilt, no one else
    report, _ = briefgen.load_report(data)
    task = report.plan.sections[0].tasks[0]
    text = data.read_text(encoding="utf-8").replace(task.detail, task.detail + "（已调整）", 1)
    data.write_text(text, encoding="utf-8")
    after = batch(data, out, formats=("pdf",))
    concerned = {task.lead, *task.support}
    short = {d.short: d.name for d in report.departments if d.short}
    concerned = {short.get(n, n) for n in concerned}
    assert {o.unit for o in after.built} == concerned
    assert len(after.unchanged) == 13 - len(concerned)
    assert "已调整" in flat(pdf_text(next(o.path for o in after.built)))


def test_build_reruns_are_incremental_too_and_a_changed_file_is_rebuilt(tmp_path):
    out = tmp_path / "out"
    assert run("build", MINI, "--out", out).exit_code == 0
    again = run("build", MINI, "--out", out)
    assert again.stdout.count("unchanged ") == 4 and "wrote" not in again.stdout
    pdf = next(out.glob("*主要经济指标完成情况*.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"%")
    third = run("build", MINI, "--out", out)
    assert third.stdout.count("unchanged ") == 3 and f"wrote {pdf}" in third.stdout  # only the damaged file is rewritten
    assert run("verify", out).exit_code == 0


def test_a_killed_batch_leaves_no_partial_file_and_the_next_run_completes_a_verified_set(tmp_path):
    data = write_many(tmp_path / "many.yaml", 40)
    out = tmp_path / "out"
    env = {**os.environ}
    cmd = [sys.executable, "-m", "briefgen", "batch", str(data), "--out", str(out), "-j", "1"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.pdf"))) < 6:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finals = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert finals, "the batch was killed before it wrote anything"
    import pikepdf
    from docx import Document

    for p in finals:  # every file under a final name is whole
        if p.suffix == ".pdf":
            pikepdf.open(p).close()
        elif p.suffix == ".docx":
            Document(str(p))
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"
    assert len(list(out.glob("*.pdf"))) == 40 and len(list(out.glob("*.docx"))) == 40
    verified = run("verify", out)
    assert verified.exit_code == 0 and "80 files match" in verified.stdout
    victim = next(out.glob("*.docx"))
    raw = bytearray(victim.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    victim.write_bytes(bytes(raw))
    failed = run("verify", out)
    assert failed.exit_code == 1 and f"changed: {victim}" in failed.stderr


def test_temporary_files_of_an_interrupted_run_are_removed_by_the_next(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    leftover = out / ".前江街道_主要经济指标完成情况_2022-07-29.pdf.0123456789ab.tmp"
    leftover.write_bytes(b"half")
    mine = out / "notes.txt"  # a file of the user's own is never touched
    mine.write_text("x")
    result = run("build", SAMPLE, "--out", out, "-f", "pdf")
    assert result.exit_code == 0
    assert not leftover.exists() and mine.exists()
    assert "removed 1 temporary file" in result.stderr


def test_a_second_run_into_a_busy_folder_stops_with_a_clear_message(tmp_path):
    from briefgen.jobs.engine import lock_path
    from briefgen.locks import file_lock

    out = tmp_path / "out"
    assert lock_path(out) == out / ".briefgen.lock"  # in the folder: every user and cache sees it
    with file_lock(lock_path(out)):
        result = run("batch", SAMPLE, "--out", out)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "another briefgen run is writing to this folder" in lines[0]
    assert sorted(p.name for p in out.iterdir()) == [".briefgen.lock"]  # the holder's, untouched


# ---- names ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("department, expected", [
    ("经济/发展\\办公室", "2022-07-29_前江街道_经济_发展_办公室_清单.pdf"),
    ("..", None),
    ("../../etc/passwd", "2022-07-29_前江街道_etc_passwd_清单.pdf"),
    ("科室\x00\x1b[31m", "2022-07-29_前江街道_科室[31m_清单.pdf"),
    ("🚀创新办", "2022-07-29_前江街道_🚀创新办_清单.pdf"),
])
def test_names_are_safe_whatever_the_data_says(department, expected):
    fields = {"date": "2022-07-29", "issuer": "前江街道", "department": department, "document": "清单"}
    if expected is None:
        assert clean_part(department) == ""
        return
    name = file_name("{date}_{issuer}_{department}_{document}", fields, "pdf")
    assert name == expected
    assert "/" not in name and "\\" not in name and ".." not in name


def test_reserved_long_and_colliding_names():
    assert file_name("{department}", {"department": "CON"}, "pdf") == "_CON.pdf"
    assert file_name("{department}", {"department": "com1.报告"}, "docx") == "_com1.报告.docx"
    long = file_name("{department}", {"department": "很长的部门名称" * 60}, "pdf")
    assert len(long.encode()) <= MAX_BYTES and long.endswith(".pdf")
    a = file_name("{department}", {"department": "经济/发展"}, "pdf")
    b = file_name("{department}", {"department": "经济:发展"}, "pdf")
    assert a == b
    names = unique_names([Named("经济/发展", a), Named("经济:发展", b), Named("其他", "其他.pdf")])
    assert len(set(names)) == 3 and names[2] == "其他.pdf"
    assert names == unique_names([Named("经济/发展", a), Named("经济:发展", b), Named("其他", "其他.pdf")])  # deterministic
    assert unique_names([Named("x", "Report.pdf"), Named("y", "report.pdf")])[0] != "Report.pdf"  # case, as Windows sees it


def test_a_batch_with_hostile_department_names_writes_only_inside_out(tmp_path):
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    task = data["plan"]["sections"][0]["tasks"][0]
    weird = ["../逃逸", "CON", "经济/发展", "经济:发展", "部" * 300, "😀办"]
    data["departments"] += [{"name": n} for n in weird]
    task["support"] = weird
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    result = run("batch", path, "--out", out, "-f", "pdf")
    assert result.exit_code == 0, result.output
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file() and p.name != "r.yaml")
    assert all(p.parent == out for p in written), written
    pdfs = [p for p in written if p.suffix == ".pdf"]
    from briefgen.jobs.batch import departments

    report, _ = briefgen.load_report(path)
    with_tasks = [d for d in departments(report) if d.lead_tasks or d.support_tasks]
    assert len(pdfs) == len({p.name.casefold() for p in pdfs}) == len(with_tasks) >= len(weird)
    assert all(len(p.name.encode()) <= MAX_BYTES for p in pdfs)


def test_a_department_that_gives_no_name_is_one_line(tmp_path):
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["plan"]["sections"][0]["tasks"][0]["support"] = ["..."]
    data["departments"].append({"name": "..."})
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("batch", path, "--out", tmp_path / "out")
    assert result.exit_code == 2 and "'...' gives an empty file name" in result.stderr
    assert not (tmp_path / "out").exists()


# ---- bad options -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, needle", [
    (["--by", "color"], "--by color: unknown key"),
    (["--only", "没有这个部门"], "--only 没有这个部门: no department of that name"),
    (["-t", "nosuch"], "--template nosuch: no such template"),
])
def test_bad_batch_options_are_one_line(tmp_path, args, needle):
    result = run("batch", SAMPLE, "--out", tmp_path / "out", *args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], lines
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_is_a_file_and_a_manifest_that_is_not_json(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    result = run("batch", SAMPLE, "--out", blocker)
    assert result.exit_code == 1 and "is a file, not a folder" in result.stderr
    folder = tmp_path / "o2"
    folder.mkdir()
    (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    for cmd in (["build", MINI, "--out", folder], ["build", MINI, "--out", folder, "--force"], ["verify", folder]):
        result = run(*cmd)
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 2 and len(lines) == 1 and "manifest.json:1:2: invalid JSON" in lines[0], lines
        assert "--force" not in lines[0]
        if cmd[0] == "build":  # not briefgen's: never replaced, --force or not
            assert "move it away or choose another --out" in lines[0], lines
    assert (folder / "manifest.json").read_text(encoding="utf-8") == "{not json"
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.json"]
    (folder / "manifest.json").rename(tmp_path / "moved.json")
    assert run("build", MINI, "--out", folder).exit_code == 0
    assert run("verify", folder).exit_code == 0
    # briefgen's own manifest, damaged (cut short): the next run replaces it and the folder verifies again
    text = (folder / "manifest.json").read_text(encoding="utf-8")
    (folder / "manifest.json").write_text(text[: len(text) // 2], encoding="utf-8")
    assert run("verify", folder).exit_code == 2
    repaired = run("build", MINI, "--out", folder)
    assert repaired.exit_code == 0 and "this run replaces it and builds every file anew" in repaired.stderr, repaired.stderr
    assert run("verify", folder).exit_code == 0


# ---- settings and naming ----------------------------------------------------------------------------------------

def test_the_folders_briefgen_toml_applies_when_the_data_file_is_named(tmp_path, monkeypatch):
    import openpyxl

    book = openpyxl.load_workbook(ROOT / "examples" / "excel-office" / "指标.xlsx")
    sheet = book.active
    row = next(r for r in sheet.iter_rows() if r[1].value == "规上服务业增加值")
    row[4].value = -0.2  # the table says −0.2 where the YAML says 16.7
    book.save(tmp_path / "指标.xlsx")
    (tmp_path / "briefgen.toml").write_text('indicators = "指标.xlsx"\nformats = ["pdf"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("build", SAMPLE, "-t", "summary", "--out", "out")
    assert result.exit_code == 0, result.output
    pdf = next((tmp_path / "out").glob("*.pdf"))
    assert not list((tmp_path / "out").glob("*.docx"))  # formats from briefgen.toml
    assert "−0.2" in pdf_text(pdf)  # the Excel table's figure, not the YAML's 16.7
    assert "16.7" not in pdf_text(pdf)


def test_dash_o_writes_that_one_file_and_says_what_it_ignored(tmp_path):
    target = tmp_path / "材料" / "summary.pdf"
    result = run("build", SAMPLE, "-o", target, "--format", "docx")
    assert result.exit_code == 0, result.output
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in target.parent.iterdir()) == ["summary.pdf"]
    assert "--format is ignored" in result.stderr
    two = run("build", SAMPLE, "-o", tmp_path / "x.pdf")
    assert two.exit_code == 2 and "one file holds one document" in two.stderr


def test_default_names_are_chinese_and_configurable(tmp_path):
    result = briefgen.build(briefgen.Settings(data=SAMPLE, out=tmp_path / "a", formats=("pdf",)))
    assert sorted(o.path.name for o in result.outputs) == ["前江街道_主要经济指标完成情况_2022-07-29.pdf", "前江街道_重点工作任务分解表_2022-07-29.pdf"]
    custom = run("build", SAMPLE, "--out", tmp_path / "b", "-f", "pdf", "--names", "{year}年{document}")
    assert custom.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "b").glob("*.pdf")) == ["2022年主要经济指标完成情况.pdf", "2022年重点工作任务分解表.pdf"]
    bad = run("build", SAMPLE, "--out", tmp_path / "c", "--names", "{office}")
    assert bad.exit_code == 2 and "unknown field {office}" in bad.stderr


def test_the_library_does_what_the_command_does():
    settings = briefgen.load_settings({"data": SAMPLE, "formats": ("pdf",)}, folder=ROOT / "tests")
    assert settings.out == Path("out") and settings.formats == ("pdf",)
    report, doubts = briefgen.load_report(SAMPLE)
    doc, warnings = briefgen.make_document(report, "summary")
    from briefgen.theme import load_theme

    rendered = briefgen.render_document(doc, load_theme("official"), ("pdf", "docx"))
    assert rendered.pages == 1 and rendered.files["pdf"].startswith(b"%PDF") and rendered.files["docx"][:2] == b"PK"
    assert not warnings


# ---- archive ------------------------------------------------------------------------------------------------------

def test_archive_build_and_batch_give_pdfa_files_recorded_in_the_manifest_and_identical_when_rebuilt(tmp_path):
    import shutil

    from briefgen.render.pdfa_check import check_pdfa

    build = run("build", SAMPLE, "--out", tmp_path / "a", "--archive", "-f", "pdf")
    assert build.exit_code == 0, build.output
    briefs = run("batch", SAMPLE, "--out", tmp_path / "b", "--archive", "-f", "pdf", "--only", "经发办", "--only", "财政办公室")
    assert briefs.exit_code == 0, briefs.output
    pdfs = sorted((tmp_path / "a").glob("*.pdf")) + sorted((tmp_path / "b").glob("*.pdf"))
    assert len(pdfs) == 4
    for pdf in pdfs:
        assert check_pdfa(pdf.read_bytes()) == [], pdf.name
        if shutil.which("qpdf"):
            checked = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
            assert checked.returncode == 0, checked.stdout + checked.stderr
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text(encoding="utf-8"))
    for name, entry in manifest["files"].items():
        assert entry["archive"] is True and entry["sha256"] and entry["fonts"], name
        assert all(manifest["inputs"][font]["role"] == "font" for font in entry["fonts"])
    roles = {v["role"] for v in manifest["inputs"].values()}
    assert {"data", "template", "theme", "font"} <= roles
    again = run("build", SAMPLE, "--out", tmp_path / "a2", "--archive", "-f", "pdf")
    assert again.exit_code == 0
    for pdf in (tmp_path / "a").glob("*.pdf"):
        assert (tmp_path / "a2" / pdf.name).read_bytes() == pdf.read_bytes()
    # the archive is a different file from the plain PDF: switching --archive rebuilds
    plain = run("build", SAMPLE, "--out", tmp_path / "a", "-f", "pdf")
    assert plain.stdout.count("wrote ") == 2
