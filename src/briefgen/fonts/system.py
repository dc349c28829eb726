"""The fonts installed on this machine: folders, an on-disk index of their faces, look-up by name.

Folders: ``$BRIEFGEN_FONT_DIRS`` (``os.pathsep``-separated) replaces the list when set (an empty value
means no system fonts); otherwise the platform's folders (Windows ``%WINDIR%\\Fonts`` and the per-user
``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts``; macOS ``/Library/Fonts``, ``~/Library/Fonts``,
``/System/Library/Fonts``; elsewhere ``/usr/share/fonts``, ``/usr/local/share/fonts``, ``~/.fonts``,
``~/.local/share/fonts``) plus the folders of the fonts ``fc-list`` knows, if fontconfig is installed.

Every face's names (family, full and PostScript names, in every language: 仿宋_GB2312 is usually a
Chinese name record), weight, outline kind and embedding permission are read once with fontTools and
kept in ``<cache>/system-fonts-<key>.json``. The index is reused while the modification times of the
folders (and their subfolders) are unchanged, so a warm start only lists folders; within a process it
is built once. The index is read, checked and rebuilt under a lock (see ``lock``), so concurrent
builds index a new machine once, and each reads a whole index.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import messages as M
from ..cache import cache_root
from ..errors import OutputError
from ..atomic import write_atomic
from .lock import cache_lock

INDEX_VERSION = 2  # 2: a face's problem is a token (face_problem words it)
FONT_EXTENSIONS = (".ttf", ".ttc", ".otf", ".otc")
_NAME_IDS = (1, 4, 6, 16, 21)  # family, full name, PostScript name, typographic family, WWS family
_REGULAR_STYLES = {"regular", "normal", "book", "roman", "standard", "常规", "標準", "标准", "正常", "w3", "w4"}


@dataclass(frozen=True)
class Face:
    """One face of an installed font file."""

    path: str
    index: int
    family: str  # a display name (English family if there is one)
    style: str
    names: tuple[str, ...]  # normalised family, full and PostScript names, every language
    weight: int
    italic: bool
    outline: str  # "glyf", "CFF", "CFF2" or "bitmap"
    problem: str = ""  # why reportlab cannot embed it, as a token (face_problem words it; "" if it can)

    @property
    def file_name(self) -> str:
        return os.path.basename(self.path).casefold()


def normalise(name: str) -> str:
    """A name as compared: case-folded, without spaces, hyphens and underscores."""
    return "".join(ch for ch in name.casefold() if ch not in " -_\u3000")


def is_file_name(name: str) -> bool:
    return name.lower().endswith(FONT_EXTENSIONS)


def font_dirs() -> list[Path]:
    """The folders searched for system fonts (see the module docstring)."""
    env = os.environ.get("BRIEFGEN_FONT_DIRS")
    if env is not None:
        return [Path(p).expanduser() for p in env.split(os.pathsep) if p.strip()]
    home = Path.home()
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs = [Path("/Library/Fonts"), home / "Library" / "Fonts", Path("/System/Library/Fonts")]
    else:
        dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts"]
    return dirs


def _fc_list_dirs() -> list[Path]:
    """Folders of the fonts fontconfig knows (empty if fc-list is not installed or fails)."""
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}\\n"], capture_output=True, timeout=20, check=False
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({Path(line).parent for line in out.splitlines() if line.lower().endswith(FONT_EXTENSIONS)})


def _walk(roots: list[Path]) -> tuple[dict[str, int], list[str]]:
    """(folder -> mtime_ns for every folder under the roots, font files in a stable order)."""
    mtimes: dict[str, int] = {}
    files: list[str] = []
    seen: set[str] = set()

    def visit(folder: str) -> None:
        try:
            real = os.path.realpath(folder)
            if real in seen:
                return
            seen.add(real)
            mtimes[folder] = os.stat(folder).st_mtime_ns
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            try:
                if entry.is_dir():
                    visit(entry.path)
                elif entry.name.lower().endswith(FONT_EXTENSIONS) and entry.is_file():
                    files.append(entry.path)
            except OSError:
                continue

    for root in roots:
        visit(str(root))
    return mtimes, files


def _names(font) -> tuple[str, str, list[str]]:
    """(display family, style, all names) from a fontTools font's name table."""
    table = font["name"] if "name" in font else None
    names: list[str] = []
    family = style = ""
    if table is None:
        return family, style, names
    for rec in table.names:
        if rec.nameID not in _NAME_IDS and rec.nameID not in (2, 17):
            continue
        try:
            text = rec.toUnicode()
        except Exception:  # undecodable legacy encodings
            continue
        text = text.strip("\x00 ").strip()
        if not text:
            continue
        if rec.nameID in _NAME_IDS:
            names.append(text)
    for nid in (16, 1):
        rec = table.getName(nid, 3, 1, 0x409) or table.getName(nid, 1, 0, 0)
        if rec is not None:
            family = rec.toUnicode()
            break
    if not family:
        family = table.getDebugName(16) or table.getDebugName(1) or ""
    for nid in (17, 2):
        rec = table.getName(nid, 3, 1, 0x409) or table.getName(nid, 1, 0, 0)
        if rec is not None:
            style = rec.toUnicode()
            break
    return family, style, names


def embedding_problem(font) -> str:
    """Why reportlab cannot embed this fontTools font ("" if it can, CFF fonts being converted)."""
    if "glyf" in font:
        outline = "glyf"
    elif "CFF " in font:
        outline = "CFF"
    elif "CFF2" in font:
        return "cff2"
    else:
        return "bitmap"
    if "OS/2" in font:
        fs_type = font["OS/2"].fsType
        # the rule reportlab applies: restricted licence (0x0002), no subsetting (0x0100) or
        # bitmap embedding only (0x0200) forbids embedding a font of more than 255 glyphs
        glyphs = font["maxp"].numGlyphs if "maxp" in font else 0x10000
        if (fs_type == 0x0002 or fs_type & 0x0300) and glyphs > 0xFF:
            return f"licence:{fs_type:04X}"
    if outline == "glyf" and "cmap" not in font:
        return "no-cmap"
    return ""


def face_problem(problem: str):
    """A face's problem as the index stores it (a short token: cff2, bitmap, licence:0002, no-cmap,
    unreadable-file:…, unreadable:…) -> the Message that says it."""
    kind, _, detail = problem.partition(":")
    if kind == "cff2":
        return M.font_cff2()
    if kind == "bitmap":
        return M.font_bitmap()
    if kind == "licence":
        return M.font_licence(fs_type=detail)
    if kind == "no-cmap":
        return M.font_no_cmap()
    if kind == "unreadable-file":
        return M.font_unreadable_file(detail=detail.strip())
    if kind == "unreadable":
        return M.font_unreadable_face(detail=detail.strip())
    return problem


def read_faces(path: str) -> list[Face]:
    """Every face of one font file (an unreadable file gives one face with a problem)."""
    from fontTools.ttLib import TTCollection, TTFont

    try:
        with open(path, "rb") as f:
            collection = f.read(4) == b"ttcf"
        holder = TTCollection(path, lazy=True) if collection else TTFont(path, lazy=True)
    except Exception as exc:
        return [Face(path, 0, "", "", (), 400, False, "", f"unreadable-file: {exc}")]
    try:
        return _faces(path, holder.fonts if collection else [holder])
    finally:
        holder.close()


def _faces(path: str, fonts: list) -> list[Face]:
    faces = []
    for index, font in enumerate(fonts):
        try:
            family, style, names = _names(font)
            os2 = font["OS/2"] if "OS/2" in font else None
            weight = int(os2.usWeightClass) if os2 is not None else 400
            italic = bool(os2.fsSelection & 1) if os2 is not None else False
            if "head" in font:
                italic = italic or bool(font["head"].macStyle & 2)
            outline = "glyf" if "glyf" in font else "CFF" if "CFF " in font else "CFF2" if "CFF2" in font else "bitmap"
            problem = embedding_problem(font)
        except Exception as exc:
            faces.append(Face(path, index, "", "", (), 400, False, "", f"unreadable: {exc}"))
            continue
        uniq = tuple(sorted({normalise(n) for n in names}))
        faces.append(Face(path, index, family, style, uniq, weight, italic, outline, problem))
    return faces


class SystemFonts:
    """The index of the faces in a list of folders."""

    def __init__(self, roots: list[Path], faces: list[Face]):
        self.roots = roots
        self.faces = faces
        self._by_name: dict[str, list[Face]] = {}
        self._by_file: dict[str, list[Face]] = {}
        for face in faces:
            for n in face.names:
                self._by_name.setdefault(n, []).append(face)
            self._by_file.setdefault(face.file_name, []).append(face)

    def candidates(self, name: str) -> list[Face]:
        """Faces matching a file name (``simfang.ttf``) or a family/full/PostScript name, best first."""
        if is_file_name(name):
            found = [f for f in self._by_file.get(os.path.basename(name).casefold(), []) if f.index == 0]
            found += [f for f in self._by_file.get(os.path.basename(name).casefold(), []) if f.index != 0]
            return found
        found = self._by_name.get(normalise(name), [])
        order = {id(f): i for i, f in enumerate(found)}
        return sorted(found, key=lambda f: (f.italic, f.style.casefold() not in _REGULAR_STYLES, abs(f.weight - 400), order[id(f)]))


_memo: dict[tuple[str, ...], SystemFonts] = {}


def _face(data: dict) -> Face:
    return Face(**{**data, "names": tuple(data["names"])})


def system_fonts() -> SystemFonts:
    """The index for the current folder list: built once per process, kept on disk between runs."""
    env = os.environ.get("BRIEFGEN_FONT_DIRS")
    roots = font_dirs()
    key = tuple(str(r) for r in roots) + (("fc",) if env is None else ())
    if key in _memo:
        return _memo[key]
    index_path = cache_root() / f"system-fonts-{hashlib.sha256(repr(key).encode()).hexdigest()[:12]}.json"
    with cache_lock(index_path, M.font_indexing()):
        stored: dict = {}
        try:
            stored = json.loads(index_path.read_text(encoding="utf-8"))
            if stored.get("version") != INDEX_VERSION:
                stored = {}
        except (OSError, ValueError):
            stored = {}
        extra = [Path(p) for p in stored.get("extra_dirs", [])]
        mtimes, files = _walk(roots + extra)
        if stored and stored.get("dirs") == mtimes:
            faces = [_face(f) for entry in stored.get("files", []) for f in entry["faces"]]
        else:
            if env is None:  # fontconfig's folders beyond the usual ones (looked up when re-indexing)
                inside = [str(r) for r in roots]
                extra = [
                    d for d in _fc_list_dirs()
                    if not any(str(d) == r or str(d).startswith(r.rstrip(os.sep) + os.sep) for r in inside)
                ]
                mtimes, files = _walk(roots + extra)
            old = {f["path"]: f for f in stored.get("files", [])} if stored else {}
            faces, file_entries = [], []
            for path in files:
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                prev = old.get(path)
                if prev and prev.get("size") == st.st_size and prev.get("mtime_ns") == st.st_mtime_ns:
                    these = [_face(f) for f in prev["faces"]]
                else:
                    these = read_faces(path)
                file_entries.append({"path": path, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
                                     "faces": [asdict(f) for f in these]})
                faces.extend(these)
            data = {
                "version": INDEX_VERSION,
                "roots": [str(r) for r in roots],
                "extra_dirs": [str(d) for d in extra],
                "dirs": mtimes,
                "files": file_entries,
            }
            try:
                write_atomic(index_path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            except (OSError, OutputError):
                pass  # a read-only cache only costs speed
    result = SystemFonts(roots + extra, faces)
    _memo[key] = result
    return result
