"""Windows: the office's fonts in the Windows font folders, output that a GBK console or a redirected stdout
cannot stop, and the offline install folder (tools/windows_bundle.py) complete for Windows, not for this machine.
"""

from __future__ import annotations

import re

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT
from test_fonts import build_font, fresh_process_state

sys.path.insert(0, str(ROOT / "tools"))
import windows_bundle  # noqa: E402

from briefgen.fonts import pdf_fontset, system  # noqa: E402
from briefgen.theme import load_theme  # noqa: E402

TEXT = "前江街道工作总结"


# --------------------------------------------------------------------------------------------
# the Windows font folders


def test_windows_font_folders_give_fangsong_heiti_kaiti_and_xiaobiaosong(tmp_path, monkeypatch):
    """%WINDIR%\\Fonts holds the fonts Windows ships (simfang, simhei, simkai); a font a user installed for
    himself alone (方正小标宋简体, FZXBSJW.TTF) lies in %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts."""
    windir, local = tmp_path / "Windows", tmp_path / "Users" / "张三" / "AppData" / "Local"
    machine, user = windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"
    build_font(machine / "simfang.ttf", "FangSong", "FangSong", TEXT, zh_family="仿宋")
    build_font(machine / "simhei.ttf", "SimHei", "SimHei", TEXT, zh_family="黑体")
    build_font(machine / "simkai.ttf", "KaiTi", "KaiTi", TEXT, zh_family="楷体")
    build_font(user / "FZXBSJW.TTF", "FZXiaoBiaoSong-B05S", "FZXBSJW--GB1-0", TEXT, zh_family="方正小标宋简体")
    monkeypatch.delenv("BRIEFGEN_FONT_DIRS")  # the platform's own folders, as on an office's machine
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setattr(system, "sys", SimpleNamespace(platform="win32"))
    monkeypatch.setattr(system, "_fc_list_dirs", lambda: [])  # Windows has no fontconfig
    fresh_process_state()
    try:
        assert system.font_dirs() == [machine, user]
        fs = pdf_fontset(load_theme("official"), TEXT)
        reports = {r.role: r for r in fs.report(TEXT)}
    finally:
        fresh_process_state()
    found = {role: (r.source, r.path.name if r.path else None) for role, r in reports.items()}
    assert found["body"] == ("system", "simfang.ttf"), found    # 仿宋: body text
    assert found["h1"] == ("system", "simhei.ttf"), found      # 一、黑体
    assert found["h2"] == ("system", "simkai.ttf"), found      # （一）楷体
    assert found["title"] == ("system", "FZXBSJW.TTF"), found  # 小标宋 title, from the per-user folder
    assert reports["body"].covered == reports["body"].total == len(set(TEXT))


def test_without_localappdata_only_the_windows_folder_is_searched(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFGEN_FONT_DIRS")
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Win"))
    monkeypatch.setattr(system, "sys", SimpleNamespace(platform="win32"))
    assert system.font_dirs() == [tmp_path / "Win" / "Fonts"]


# --------------------------------------------------------------------------------------------
# a console or a file that cannot encode every character


@pytest.fixture(scope="module")
def emoji_office(tmp_path_factory):
    """A working folder whose office name holds 🏢, a character GBK and ascii lack, so every file name and
    every 'wrote …' line holds it."""
    folder = tmp_path_factory.mktemp("console") / "会议 材料"
    env = _env("utf-8")
    subprocess.run([sys.executable, "-m", "briefgen", "init", str(folder), "--office", "白沙街道🏢", "--period", "2024年",
                    "--yes"], env=env, check=True, capture_output=True)
    return folder


def _env(encoding: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONIOENCODING=encoding, LANG="zh_CN.UTF-8", PYTHONPATH=str(ROOT / "src"))
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return env


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_output_in_an_encoding_without_the_data_characters_does_not_crash(emoji_office, encoding):
    out = subprocess.run([sys.executable, "-m", "briefgen", "build", "--template", "summary", "--format", "pdf", "--force"],
                         cwd=emoji_office, env=_env(encoding), capture_output=True)
    stderr = out.stderr.decode(encoding, "replace")
    assert out.returncode == 0, stderr
    assert "UnicodeEncodeError" not in stderr and "Traceback" not in stderr
    made = list((emoji_office / "out").glob("白沙街道🏢_*.pdf"))
    assert len(made) == 1, list((emoji_office / "out").iterdir())
    if encoding == "gbk":
        line = out.stdout.decode("gbk").strip()  # written in GBK: it decodes; Chinese stays, only the emoji is "?"
        assert line == f"已生成 {made[0].parent / made[0].name.replace('🏢', '?')}（1 页）"
    else:  # Click writes UTF-8 to a stream that claims ascii (a misconfigured locale)
        assert out.stdout.decode("utf-8").strip() == f"已生成 {made[0]}（1 页）"


def test_help_in_a_gbk_console():
    out = subprocess.run([sys.executable, "-m", "briefgen", "--help"], env=_env("gbk"), capture_output=True)
    assert out.returncode == 0, out.stderr.decode("gbk", "replace")
    assert "briefgen" in out.stdout.decode("gbk")


# --------------------------------------------------------------------------------------------
# the offline install folder


def _wheel(folder: Path, file_name: str, requires: list[str]) -> Path:
    name, version = file_name.split("-")[:2]
    meta = "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(folder / file_name, "w") as zf:
        zf.writestr(f"{name}-{version}.dist-info/METADATA",
                    f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n{meta}\n")
    return folder / file_name


def test_requirements_only_windows_has_are_found_missing_and_fetched(tmp_path):
    """pip download --platform win_amd64 skips `colorama; platform_system == "Windows"` on Linux; the bundle
    evaluates markers for Windows, so it notices and fetches it."""
    _wheel(tmp_path, "briefgen-0.1.0-py3-none-any.whl",
           ['click>=8.1', 'uvloop; sys_platform != "win32"', 'pytest; extra == "test"', 'tzdata; python_version >= "3.12"'])
    _wheel(tmp_path, "click-8.1.7-py3-none-any.whl", ['colorama; platform_system == "Windows"'])
    _wheel(tmp_path, "pyyaml-6.0.2-cp311-cp311-manylinux_2_17_x86_64.whl", [])  # a Linux wheel does not count
    assert windows_bundle.missing(tmp_path, "briefgen", "3.11") == [
        "Python 3.11: no win_amd64 or pure-Python wheel for colorama (needed by click-8.1.7-py3-none-any.whl)"]
    assert windows_bundle.missing(tmp_path, "briefgen", "3.12") == [
        "Python 3.12: no win_amd64 or pure-Python wheel for colorama (needed by click-8.1.7-py3-none-any.whl)",
        "Python 3.12: no win_amd64 or pure-Python wheel for tzdata (needed by briefgen-0.1.0-py3-none-any.whl)"]

    fetched = []

    def download(folder, python, requirements):
        fetched.append((python, requirements))
        for req in requirements:
            if req == "colorama":
                _wheel(folder, "colorama-0.4.6-py2.py3-none-any.whl", [])
            if req == "tzdata":
                _wheel(folder, "tzdata-2024.1-py2.py3-none-any.whl", [])

    assert windows_bundle.close(tmp_path, "briefgen", ("3.11", "3.12"), download) == []
    assert fetched[0] == ("3.11", ["colorama"])  # asked for without its marker, which pip would judge for Linux
    assert windows_bundle.missing(tmp_path, "briefgen", "3.12") == []


def test_a_compiled_dependency_without_a_windows_wheel_is_reported(tmp_path):
    _wheel(tmp_path, "briefgen-0.1.0-py3-none-any.whl", ["pyyaml>=6"])
    _wheel(tmp_path, "pyyaml-6.0.2-cp311-cp311-win_amd64.whl", [])
    assert windows_bundle.missing(tmp_path, "briefgen", "3.11") == []
    assert windows_bundle.missing(tmp_path, "briefgen", "3.13") == [
        "Python 3.13: no win_amd64 or pure-Python wheel for pyyaml>=6 (needed by briefgen-0.1.0-py3-none-any.whl)"]
    assert windows_bundle.close(tmp_path, "briefgen", ("3.13",), lambda *a: None, rounds=2) != []


def test_install_bat_and_guide_as_windows_reads_them(tmp_path):
    windows_bundle.write_scripts(tmp_path, "briefgen-0.1.0-py3-none-any.whl", ("3.11", "3.12", "3.13"))
    bat = (tmp_path / "install.bat").read_bytes()
    bat.decode("ascii")  # whatever the console's code page
    assert b"\r\n" in bat and b"\n" not in bat.replace(b"\r\n", b"")
    text = bat.decode("ascii")
    assert 'pushd "%~dp0"' in text  # the folder of install.bat, quoted: spaces, Chinese, a network share
    assert "-m pip install --quiet --disable-pip-version-check --no-index --find-links . --upgrade briefgen" in text
    assert "chcp 65001" in text and "chcp %OLDCP%" in text  # UTF-8 while it speaks, the console's own page after
    # every message it shows is a Chinese UTF-8 file beside it (no BOM, which `type` would print)
    shown = re.findall(r'type "msg\\([^"]+)"', text)
    assert set(shown) == {p.name for p in (tmp_path / "msg").iterdir()} and len(shown) >= 6
    for name in shown:
        raw = (tmp_path / "msg" / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and re.search(r"[\u4e00-\u9fff]", raw.decode("utf-8")), name
    assert "请找信息管理员" in (tmp_path / "msg" / "no-python.txt").read_text("utf-8")
    assert (tmp_path / "使用说明.md").is_file()  # the guide the messages and 说明.txt name is in the zip
    for line in text.splitlines():  # no unquoted %~dp0 and no quoted path ending in a backslash (\" escapes the quote)
        assert "%~dp0" not in line or '"%~dp0"' in line, line
        assert '\\"' not in line, line
    guide = (tmp_path / "说明.txt").read_bytes()
    assert guide.startswith(b"\xef\xbb\xbf")  # Notepad reads it as UTF-8
    guide_text = guide.decode("utf-8-sig")
    assert "install.bat" in guide_text and "py -m briefgen" in guide_text and "3.11、3.12、3.13" in guide_text
    assert "briefgen-0.1.0-py3-none-any.whl" in guide_text


def test_the_windows_closure_is_what_the_portable_folder_installs(tmp_path):
    """The portable folder unpacks exactly the wheels Windows needs (colorama for click there, not uvloop)."""
    _wheel(tmp_path, "briefgen-0.1.0-py3-none-any.whl", ['click>=8.1', 'uvloop; sys_platform != "win32"'])
    _wheel(tmp_path, "click-8.1.7-py3-none-any.whl", ['colorama; platform_system == "Windows"'])
    _wheel(tmp_path, "colorama-0.4.6-py2.py3-none-any.whl", [])
    _wheel(tmp_path, "uvloop-0.19.0-cp313-cp313-manylinux_2_17_x86_64.whl", [])
    problems, used = windows_bundle.resolve(tmp_path, "briefgen", "3.13")
    assert problems == []
    assert [p.name for p in used] == ["briefgen-0.1.0-py3-none-any.whl", "click-8.1.7-py3-none-any.whl",
                                      "colorama-0.4.6-py2.py3-none-any.whl"]


def test_portable_launchers_and_search_path(tmp_path):
    (tmp_path / "python").mkdir()
    windows_bundle.write_portable_scripts(tmp_path)
    launcher = (tmp_path / "briefgen.bat").read_bytes().decode("ascii")
    # every argument passed on, the path quoted, the exit code (2 for a mistake in the data) handed back; a file
    # dropped on it (a full path that exists) opens the page with that file
    lines = launcher.split("\r\n")
    assert lines[0] == "@echo off" and launcher.endswith("\r\n")
    assert '"%~dp0python\\python.exe" -m briefgen %*' in lines and '"%~dp0python\\python.exe" -m briefgen serve %*' in lines
    assert lines.count("exit /b %errorlevel%") == 2 and 'if not "%~1"=="%~f1" goto command' in lines
    web = (tmp_path / "briefgen网页.bat").read_bytes().decode("ascii")
    assert web == '@echo off\r\n"%~dp0python\\python.exe" -m briefgen serve %*\r\nexit /b %errorlevel%\r\n'
    console = (tmp_path / "briefgen-cmd.bat").read_bytes().decode("ascii")
    assert 'set "PATH=%~dp0;%PATH%"' in console and console.rstrip().endswith("cmd /k")
    pth = (tmp_path / "python" / "python313._pth").read_bytes().decode("ascii")
    assert pth.split("\r\n") == ["python313.zip", ".", "Lib\\site-packages", "import site", ""]
    guide = (tmp_path / "说明.txt").read_bytes()
    assert guide.startswith(b"\xef\xbb\xbf") and "briefgen-cmd.bat" in guide.decode("utf-8-sig")
