"""The lists a clerk reads (templates, themes, fonts) speak her language, and a theme is found by the name the list
shows her (`--theme 会议材料`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
ENGLISH_WORDS = re.compile(r"\b(one|every|the|with|page|pages|body|margins|role|bundled|system|heading)\b")


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_templates_and_themes_lists_are_chinese_under_zh_and_english_under_en():
    for command in ("templates", "themes"):
        zh = run("--lang", "zh", command)
        assert not ENGLISH_WORDS.search(zh), zh
        en = run("--lang", "en", command)
        assert ENGLISH_WORDS.search(en), en
    assert "会议材料：" in run("--lang", "zh", "themes")


def rows_of(out: str) -> dict[str, str]:
    return {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}


def test_font_roles_and_sources_are_words_under_zh():
    out = run("--lang", "zh", "fonts", str(SAMPLE))
    first_column = [line.split()[0] for line in out.splitlines()[1:] if line.strip()]
    assert "正文" in first_column and "标题" in first_column and "body" not in first_column
    assert "随附免费字体" in rows_of(out)["正文"] and "bundled" not in rows_of(out)["正文"].split("/")[0]


def test_a_theme_is_found_by_the_name_the_list_shows(tmp_path):
    run("--lang", "zh", "build", str(MINI), "--theme", "会议材料", "-t", "summary", "-f", "pdf", "--out", str(tmp_path / "o"))
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text("utf-8"))
    assert {e["theme"] for e in manifest["files"].values()} == {"handout"}
