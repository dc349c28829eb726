"""The message catalogue: every text in Chinese and English, the language chosen as users expect."""

from __future__ import annotations

import gettext
import string
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen import i18n, messages
from briefgen.cli import main
from briefgen.i18n import Text, detect, normalize

ROOT = Path(__file__).resolve().parents[2]
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
EN = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_catalogue_files_are_current_and_complete():
    """tools/messages.py --check: the .po and .mo match the source, and no text lacks its translation."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "messages.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_code_has_both_wordings_with_the_same_arguments():
    assert len(Text.registry) > 30
    for code, entry in Text.registry.items():
        assert code.startswith("BG") and code[2:].isdigit(), code
        assert entry.english.strip(), code
        assert entry.chinese.strip(), f"{code} has no Chinese wording"
        if code.startswith("BG9"):  # field labels: English shows the key's path, Chinese names the column
            assert _fields(entry.chinese) <= _fields(entry.english) | {"field", "owner", "n", "kind", "name"}, code
        else:
            assert _fields(entry.english) == _fields(entry.chinese), f"{code}: the wordings take different arguments"


def test_the_compiled_catalogue_speaks_chinese_for_every_code():
    """The .mo the wheel ships, read by the stdlib's gettext, gives each code's Chinese."""
    mo = i18n.LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "briefgen.mo"
    with mo.open("rb") as f:
        catalogue = gettext.GNUTranslations(f)
    for code, entry in Text.registry.items():
        assert catalogue.pgettext(code, entry.english) == entry.chinese, code


def test_a_message_is_worded_when_shown_in_the_language_of_that_moment():
    made = messages.cannot_read(reason="disk")
    assert made.text("en") == "cannot be read (disk)"
    assert made.text("zh") == "无法读取（disk）"
    assert made.code == "BG006"
    inner = messages.refusal(what=messages.cannot_read(reason="x"), limit="10 MB", fix="fix it")
    assert "无法读取" in inner.text("zh") and "cannot be read" in inner.text("en")


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({"LANG": "C", "LANGUAGE": "zh_CN"}, "en"),  # the C locale wins over LANGUAGE, as in GNU gettext
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh"),
    ({"LC_ALL": "zh_SG.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_MESSAGES": "zh_CN.GB18030", "LANG": "C.UTF-8"}, "zh"),
    ({"LANG": "de_DE.UTF-8"}, "en"),  # a language briefgen does not speak: English
    ({}, "en"),
])
def test_the_language_follows_the_environment(env, expected):
    assert detect(env) == expected


def test_language_names_people_write():
    assert [normalize(v) for v in ("zh", "zh-Hans", "中文", "EN", "english", "C", "fr", "")] == \
        ["zh", "zh", "zh", "en", "en", "en", None, None]


def _run(args, env):
    return CliRunner().invoke(main, args, env=env)


def test_the_cli_speaks_chinese_under_a_chinese_locale_and_english_under_c(tmp_path):
    missing = str(tmp_path / "没有.pdf")
    zh = _run(["preview", missing], ZH)
    en = _run(["preview", missing], EN)
    assert zh.exit_code == en.exit_code == 2
    assert "找不到这个文件" in zh.output and "file not found" in en.output


def test_lang_overrides_the_environment_both_ways(tmp_path):
    missing = str(tmp_path / "x.pdf")
    assert "file not found" in _run(["--lang", "en", "preview", missing], ZH).output
    assert "找不到这个文件" in _run(["--lang", "zh", "preview", missing], EN).output


def test_lang_in_the_working_folder_settings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefgen.toml").write_text('lang = "zh"\n', encoding="utf-8")
    assert "找不到这个文件" in _run(["preview", "x.pdf"], EN).output
    assert "file not found" in _run(["--lang", "en", "preview", "x.pdf"], EN).output


def test_an_unknown_language_is_refused_in_the_current_language():
    done = _run(["--lang", "fr", "themes"], EN)
    assert done.exit_code == 2 and "use --lang zh or --lang en" in done.output


def _commands():
    return [[]] + [[name] for name in sorted(main.commands)]


@pytest.mark.parametrize("command", _commands(), ids=lambda c: c[0] if c else "briefgen")
def test_help_of_every_command_in_both_languages(command):
    zh = _run(command + ["--help"], ZH)
    en = _run(command + ["--help"], EN)
    assert zh.exit_code == en.exit_code == 0
    assert "Usage:" in en.output and "Options:" in en.output and not _has_chinese(en.output.split("Options:")[1].split("\n")[1][:8])
    assert "用法：" in zh.output and "选项" in zh.output
    # every option's help is in Chinese: each line that starts an option says something in Chinese
    options = zh.output.split("选项")[1]
    for line in options.splitlines():
        if line.strip().startswith("-"):
            assert _has_chinese(line) or "  " not in line.strip(), f"untranslated help: {line}"
    # the command's own description too
    head = zh.output.split("选项")[0]
    assert _has_chinese(head.split("用法：")[1].split("\n", 2)[-1])


def test_clicks_own_errors_speak_chinese():
    done = _run(["build", "--no-such-option"], ZH)
    assert done.exit_code == 2
    assert "错误" in done.output and "没有 '--no-such-option' 这个选项" in done.output


# --- no user-facing sentence bypasses the catalogue ----------------------------------------------------------

_USER_CALLS = {"Problem", "DataError", "BriefgenError", "TemplateError", "ThemeError", "FontError", "LayoutError",
               "OutputError", "MarkupError", "ManifestError", "FileNameError", "ValueError", "BadParameter",
               "UsageError", "refusal", "echo", "secho", "prompt", "confirm", "unsure", "warn", "refuse", "ReferenceError_"}
_USER_LISTS = ("warn", "note", "problem", "ignored", "doubt", "finding", "refused")


def _sentence(node) -> bool:
    """A literal (or f-string, or concatenation) with words in it: two English words or any Chinese."""
    import ast
    import re

    texts = [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return any(re.search(r"[A-Za-z]{2,}[ ,;:()]+[A-Za-z]{2,}", t) or re.search(r"[\u4e00-\u9fff]", t) for t in texts)


def test_no_user_facing_sentence_bypasses_the_catalogue():
    """Every message, warning, note and printed line is a catalogue entry: a test that scans the source for
    sentences written straight into an error, a problem, a warning list or an echo."""
    import ast

    src = ROOT / "src" / "briefgen"
    found = []
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src)
        if rel.parts[0] in ("messages",) or rel.name in ("i18n.py", "clihelp.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            listed = name in ("append", "extend") and isinstance(f, ast.Attribute) and \
                any(w in ast.unparse(f.value).lower() for w in _USER_LISTS)
            if name not in _USER_CALLS and not listed:
                continue
            args = list(node.args) + [k.value for k in node.keywords if k.arg not in ("help", "metavar")]
            if any(isinstance(a, (ast.Constant, ast.JoinedStr, ast.BinOp, ast.IfExp)) and _sentence(a) for a in args):
                found.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not found, "sentences outside the catalogue (src/briefgen/messages):\n" + "\n".join(found)
