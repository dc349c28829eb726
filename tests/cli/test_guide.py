"""The guide's commands are the commands the tests run (docs/使用说明.md).

The guide marks what is run: a fenced block ```` ```bash test ```` holds commands that must succeed, one a line
(``cd DIR`` moves on, ``> FILE`` sends the output to a file), ```` ```bash error ```` a command that must stop with
exit code 2. A ```` ```text ```` block right after shows what is printed: each file it says was written (已生成 …) must
have been written and be printed so, and each error line's place (file, line or cell) must be the place briefgen
names. Hidden comments do what the reader does by hand:

    <!-- test: copy SRC… DEST -->           copy files of this repository into the working folder
    <!-- test: cell FILE CELL [VALUE] -->   write (or empty) a cell of a workbook, for the next error
    <!-- test: replace FILE OLD NEW -->     change a text file, for the next error
    <!-- test: files PATH… -->              these files exist
    <!-- test: text PATH TEXT -->            the document (.docx or .pdf) holds TEXT
    <!-- test: save FILE -->                the ```toml block above, written as FILE (a theme the reader made)
    <!-- test: append FILE -->              the ```toml block above, added at the end of FILE (briefgen.toml)

The walk-through runs in a folder whose name has a space and Chinese characters, as on an office's desktop, with
the messages in Chinese (LANG=zh_CN.UTF-8) and no terminal (init asks nothing and takes the sample's values).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from conftest import ROOT

GUIDE = ROOT / "docs" / "使用说明.md"
WROTE = re.compile(r"^(?:已生成|未变|已创建|created) (?P<path>.+?)(?P<pages>（\d+ 页）)?$")
PLACE = re.compile(r"^(?P<place>.+?)(?::\s|：)")


@dataclass
class Step:
    kind: str  # "test", "error", "text", "directive"
    lines: list[str]
    line_no: int
    args: list[str] = field(default_factory=list)


def steps(text: str) -> list[Step]:
    """The guide's runnable blocks, the blocks of output after them and its hidden directives, in order."""
    found: list[Step] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = re.match(r"^```(\S*)\s*(\S*)", line)
        if fence:
            info = (fence.group(1), fence.group(2))
            body = []
            i += 1
            while not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            if info[0] == "bash" and info[1] in ("test", "error"):
                found.append(Step(info[1], body, i))
            elif info[0] == "text" and found and found[-1].kind in ("test", "error"):
                found.append(Step("text", body, i))
            elif info[0] == "toml":
                found.append(Step("toml", body, i))
        else:
            comment = re.match(r"^<!-- test: (.*) -->$", line.strip())
            if comment:
                found.append(Step("directive", [], i + 1, shlex.split(comment.group(1))))
        i += 1
    return found


def _env() -> dict[str, str]:
    env = dict(os.environ, LANG="zh_CN.UTF-8", PYTHONPATH=str(ROOT / "src"), PYTHONIOENCODING="utf-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(name, None)
    return env


def _run(line: str, cwd: Path) -> subprocess.CompletedProcess:
    words = shlex.split(line)
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], words[at + 1]
    assert words[0] == "briefgen", f"the guide runs briefgen only: {line}"
    out = subprocess.run([sys.executable, "-m", "briefgen", *words[1:]], cwd=cwd, env=_env(), capture_output=True,
                         stdin=subprocess.DEVNULL, timeout=120)
    if target is not None and out.returncode == 0:
        (cwd / target).write_bytes(out.stdout)
    return out


def _plain(text: str) -> str:
    """A path or place as the guide writes it for Windows (…\\会议材料\\out) compared as printed here."""
    return text.removeprefix("…\\").removeprefix("…/").replace("\\", "/")


def _document_text(path: Path) -> str:
    from readback import docx_text, pdf_text

    return docx_text(path) if path.suffix == ".docx" else pdf_text(path)


def test_the_guide_walk_through_runs_as_written(tmp_path):
    top = tmp_path / "材料 目录"
    top.mkdir()
    cwd = top
    last: subprocess.CompletedProcess | None = None
    last_kind = ""
    saved: dict[Path, bytes] = {}
    toml = ""
    ran = errors = 0
    for step in steps(GUIDE.read_text(encoding="utf-8")):
        where = f"docs/使用说明.md:{step.line_no}"
        if step.kind == "test":
            for line in step.lines:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("cd "):
                    cwd = cwd / line[3:].strip()
                    assert cwd.is_dir(), f"{where}: {line}: no such folder"
                    continue
                last = _run(line, cwd)
                ran += 1
                assert last.returncode == 0, f"{where}: {line} failed:\n{last.stderr.decode()}"
            last_kind = "test"
        elif step.kind == "error":
            assert len(step.lines) == 1, f"{where}: one command per error block"
            last = _run(step.lines[0], cwd)
            errors += 1
            assert last.returncode == 2, f"{where}: {step.lines[0]} should stop with exit code 2:\n{last.stderr.decode()}"
            assert b"Traceback" not in last.stderr
            for path, data in saved.items():  # the reader corrects the mistake again
                path.write_bytes(data)
            saved.clear()
            last_kind = "error"
        elif step.kind == "text":
            assert last is not None
            printed = (last.stdout + last.stderr).decode("utf-8").replace("\\", "/").splitlines()
            for shown in step.lines:
                if last_kind == "test" and (m := WROTE.match(shown)):
                    rel = _plain(m.group("path"))
                    bases = [cwd, *cwd.parents]
                    assert any((b / rel).is_file() for b in bases[: len(cwd.relative_to(top).parts) + 1]), \
                        f"{where}: the guide says {rel} is written; it is not there"
                    assert any(p.endswith(rel + (m.group("pages") or "")) for p in printed), \
                        f"{where}: the guide shows {shown!r}; briefgen printed {printed}"
                elif last_kind == "error" and (m := PLACE.match(shown)):
                    place = _plain(m.group("place"))
                    assert any(place in p for p in printed), f"{where}: the guide places the error at {place}; briefgen said {printed}"
        elif step.kind == "toml":
            toml = "\n".join(step.lines) + "\n"
        else:
            verb, *args = step.args
            if verb == "copy":
                *sources, dest = args
                (cwd / dest).mkdir(parents=True, exist_ok=True)
                for src in sources:
                    shutil.copy2(ROOT / src, cwd / dest / Path(src).name)
            elif verb == "cell":
                import openpyxl

                book, cell, *value = args
                path = cwd / book
                saved.setdefault(path, path.read_bytes())
                wb = openpyxl.load_workbook(path)
                wb.active[cell] = value[0] if value else None
                wb.save(path)
            elif verb == "replace":
                name, old, new = args
                path = cwd / name
                saved.setdefault(path, path.read_bytes())
                text = path.read_text(encoding="utf-8")
                assert old in text, f"{where}: {name} has no {old!r}"
                path.write_text(text.replace(old, new, 1), encoding="utf-8")
            elif verb in ("save", "append"):
                assert toml, f"{where}: no toml block above"
                path = cwd / args[0]
                before = path.read_text(encoding="utf-8") if verb == "append" else ""
                path.write_text(before + "\n" + toml if before else toml, encoding="utf-8")
            elif verb == "files":
                for name in args:
                    assert (cwd / name).is_file() and (cwd / name).stat().st_size > 0, f"{where}: {name} is missing"
            elif verb == "text":
                name, wanted = args
                assert wanted in _document_text(cwd / name), f"{where}: {name} does not say {wanted}"
            else:
                raise AssertionError(f"{where}: unknown test directive {verb}")
    assert ran >= 6 and errors >= 4, (ran, errors)  # the walk-through and the errors were found and run


def test_the_guide_is_linked_and_its_pictures_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/使用说明.md" in readme
    guide = GUIDE.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide)
    assert len(pictures) >= 3
    for picture in pictures:
        assert (GUIDE.parent / picture).is_file(), picture


def test_the_bundle_commands_in_the_guide_are_those_of_install_bat():
    sys.path.insert(0, str(ROOT / "tools"))
    import windows_bundle

    guide = GUIDE.read_text(encoding="utf-8")
    assert "--no-index --find-links . briefgen" in guide
    assert "-m pip install --quiet --disable-pip-version-check --no-index --find-links . --upgrade briefgen" in windows_bundle.INSTALL_BAT
    assert "make windows-bundle" in guide and "install.bat" in guide
    for python in windows_bundle.PYTHONS:
        assert python in guide
