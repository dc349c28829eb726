"""`briefgen extract` in Chinese and in English: the findings, the draft's header and its 待核实 reasons, the
errors; the same data whatever the language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from briefgen import i18n
from briefgen.cli import main
from briefgen.extract import extract, extract_text
from briefgen.i18n import Message

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "qianjiang-2022-h1-report.txt"  # the seed report, damage and all
TASK_NOTICE = ROOT / "tests" / "corpus" / "wide" / "task-notice-labels.txt"  # a task list with 责任单位
CORPUS = sorted((ROOT / "tests" / "corpus").rglob("*.txt")) + [SEED]
EN = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
MARK = "  # 待核实: "


@pytest.fixture(autouse=True)
def _environment_language():
    """--lang stays chosen after the command returns: give the next test the environment's language back."""
    yield
    i18n.set_language(None)


def _extract(tmp_path: Path, lang: str, report: Path):
    draft = tmp_path / f"{lang}.yaml"
    done = CliRunner().invoke(main, ["--lang", lang, "extract", str(report), "-o", str(draft)], env=EN)
    assert done.exit_code == 0, done.output
    return draft.read_text(encoding="utf-8"), done.stderr


def _reasons(draft: str) -> list[str]:
    return [line.split(MARK, 1)[1] for line in draft.splitlines() if MARK in line]


def _without_comments(draft: str) -> list[str]:
    return [line.split(MARK, 1)[0] for line in draft.splitlines() if not line.startswith("#")]


def _latin_words(text: str) -> set[str]:
    """English words in a Chinese text, apart from the names and keys it keeps as they are."""
    kept = {"briefgen", "extract", "lead", "support", "due", "UTF", "OCR", "docx", "pdf", "txt", "xls", "Word", "PDF"}
    return set(re.findall(r"[A-Za-z]{3,}", text)) - kept


def test_the_seed_report_in_chinese_and_in_english(tmp_path):
    zh, zh_findings = _extract(tmp_path, "zh", SEED)
    en, en_findings = _extract(tmp_path, "en", SEED)

    # the findings
    assert "文本清理：删除拼音注音 227 处、恢复全角标点 228 个、删除多余空格 5 处、繁体已转为简体" in zh_findings
    assert "工作回顾：5 个部分，15 个要点；主要指标 6 项，其他数字 37 项，排名 6 项，亮灯 14绿6红" in zh_findings
    assert "工作计划：4 个部分，重点任务 12 项，其中 0 项写明了牵头单位" in zh_findings
    assert "待核实：31 处" in zh_findings
    assert "  report.title：原文没有标题行，标题由各部分的标题拼成，请核对" in zh_findings
    assert "cleaning: 227 pinyin annotations removed, 228 punctuation marks restored to full width" in en_findings
    assert "review: 5 sections, 15 points; 6 headline indicators, 37 other figures, 6 rankings, tally 14绿6红" in en_findings
    assert "uncertain: 31 fields" in en_findings
    for line in zh_findings.splitlines()[1:]:  # the first names the file
        assert not _latin_words(line.split("：", 1)[-1] if line.startswith("  ") else line), line
    assert "文本清理" not in en_findings and "待核实：" not in en_findings

    # the header
    assert zh.startswith("# 由 `briefgen extract` 从 ") and "提取的数据草稿。" in zh.splitlines()[0]
    assert "# 删除拼音注音 227 处" in zh and "# 标有“# 待核实”的行需要对照原报告核实。" in zh
    assert en.startswith("# Draft data extracted by `briefgen extract` from ")
    assert "# 227 pinyin annotations removed" in en

    # the reasons: Chinese sentences in one draft, English in the other, on the same lines
    zh_leads = [line for line in zh.splitlines() if line.strip().startswith("lead:")]
    assert len(zh_leads) == 12 and all(line.endswith("# 待核实: 牵头单位未在原文中找到，请填写") for line in zh_leads)
    assert "lead: 待定  # 待核实: the report names no lead department" in en
    assert "# 待核实: 完成时限“6月份”取自任务正文，早于报告日期，可能已经过时，请核对" in zh
    assert "# 待核实: deadline “6月份” taken from the task's text; it is before the report's date" in en
    zh_reasons, en_reasons = _reasons(zh), _reasons(en)
    assert len(zh_reasons) == len(en_reasons) == 31
    assert not set(zh_reasons) & set(en_reasons)
    assert all(not _latin_words(r) for r in zh_reasons), zh_reasons
    assert all(re.search(r"[a-z]{4}", r) for r in en_reasons)

    # the same data, line for line
    assert _without_comments(zh) == _without_comments(en)
    assert yaml.safe_load(zh) == yaml.safe_load(en)
    assert yaml.safe_load(zh)["plan"]["sections"][0]["tasks"][0]["lead"] == "待定"


def test_a_task_list_in_chinese_and_in_english(tmp_path):
    zh, zh_findings = _extract(tmp_path, "zh", TASK_NOTICE)
    en, en_findings = _extract(tmp_path, "en", TASK_NOTICE)
    assert "departments:  # 待核实: 取自任务清单中出现的单位，请补充本单位的其他部门" in zh
    assert "departments:  # 待核实: the units named in the task list; add the office's other departments" in en
    assert "# 待核实: 只写了责任单位，暂以第一个单位为牵头单位，请核对" in zh
    assert "# 待核实: only 责任单位 named: the first one is taken to lead" in en
    assert "# 待核实: 清单未写完成时限，“年内”是占位内容，请填写" in zh
    assert re.search(r"工作计划：\d+ 个部分，重点任务 \d+ 项，其中 \d+ 项写明了牵头单位", zh_findings)
    assert re.search(r"plan: \d+ sections, \d+ lead tasks, \d+ with their lead unit", en_findings)
    assert all(not _latin_words(r) for r in _reasons(zh))
    assert _without_comments(zh) == _without_comments(en)


def test_what_gave_nothing_in_both_languages():
    text = "某街道2024年上半年工作总结\n一、经济发展\n全街道实现产值5亿元，增长6%。\n二、党建引领\n加强党的建设。\n"
    result = extract_text(text)
    assert "gave nothing: review section 2 (党建引领)" in result.findings
    i18n.set_language("zh")
    assert "未提取到内容：工作回顾第 2 部分（党建引领）" in result.findings


def test_findings_and_reasons_are_worded_when_read():
    """A library caller reads the same result in the language of the moment."""
    result = extract(SEED)
    assert isinstance(result.reasons["report.title"], Message) and result.reasons["report.title"].code.startswith("BG6")
    assert "cleaning: " in result.findings
    i18n.set_language("zh")
    assert "文本清理：" in result.findings and "cleaning: " not in result.findings
    assert str(result.reasons["report.title"]) == "原文没有标题行，标题由各部分的标题拼成，请核对"
    assert str(result.cleaning.summary).startswith("删除拼音注音 227 处")
    i18n.set_language("en")
    assert "the report has no title line" in result.reasons["report.title"]


def test_every_reason_of_the_corpus_is_a_coded_message_with_chinese():
    for path in CORPUS:
        result = extract(path)
        for where, why in result.reasons.items():
            assert isinstance(why, Message) and why.code.startswith("BG6"), (path.name, where, why)
            zh = why.text("zh")
            assert zh != why.text("en") and not _latin_words(zh), (path.name, where, zh)


@pytest.mark.parametrize("name, content, zh_words, en_words", [
    ("report.xls", b"x", "无法从 .xls 文件中提取；请把报告另存为 .txt、.docx 或 .pdf",
     "cannot extract from .xls files; save the report as .txt, .docx or .pdf"),
    ("report.docx", b"not a zip", "不是可以读取的 Word 文件", "not a readable Word file"),
    ("report.pdf", b"not a pdf", "不是可以读取的 PDF", "not a readable PDF"),
    ("report.txt", "随便写几句话。\n没有别的内容。\n".encode(), "没有可提取的内容", "nothing to extract"),
    ("report.txt", b"abc\x80\x80 def\n", "UTF-8 编码的文本", "UTF-8 text"),
    ("scan.pdf", None, "这个 PDF 没有文字层（共 1 页", "the PDF has no text layer (1 pages"),
], ids=["suffix", "docx", "pdf", "nothing", "encoding", "scanned"])
def test_extract_errors_in_both_languages(tmp_path, name, content, zh_words, en_words):
    report = tmp_path / name
    if content is None:  # a page with a picture and no text, as a scanner makes
        from reportlab.pdfgen import canvas

        page = canvas.Canvas(str(report))
        page.rect(100, 100, 300, 400, fill=1)
        page.save()
    else:
        report.write_bytes(content)
    zh = CliRunner().invoke(main, ["--lang", "zh", "extract", str(report)], env=EN)
    en = CliRunner().invoke(main, ["--lang", "en", "extract", str(report)], env=EN)
    assert zh.exit_code == en.exit_code == 2, zh.output + en.output
    assert zh_words in zh.output and en_words not in zh.output, zh.output
    assert en_words in en.output, en.output
    assert "Traceback" not in zh.output + en.output
