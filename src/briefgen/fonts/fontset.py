"""Resolve each font role of a theme to a file, register it with reportlab, split text by coverage.

Resolution order for a role (``[fonts.<role>]`` of the theme):

1. ``file`` (with ``index`` for a .ttc/.otc collection). A relative path is taken from the theme
   file's folder, then from the working folder. A missing or unusable file is a FontError naming
   the role and the path: the user asked for exactly that file.
2. the first name of ``system`` that an installed face matches (a file name such as ``simfang.ttf``,
   or a family, full or PostScript name in any language, such as ``仿宋_GB2312``); faces reportlab
   cannot embed (bitmap-only, restricted licence, variable CFF2) are skipped, and the report says why.
3. the bundled free font (``bundled``: "serif" = Noto Serif SC, "sans" = Noto Sans SC).

TrueType faces are embedded as they are. CFF faces (the bundled Noto fonts, most .otf files) are
converted to TrueType once and cached (see ``convert``), covering every character of the text.

Fallback: each role's chain is its own font, then the other roles' fonts (in the theme's order),
then the bundled serif and sans. A character is drawn in the first font of the chain that has it;
one that no font has is drawn in the role's own font (as its .notdef box) and recorded in
``FontSet.missing``.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .. import messages as M
from ..errors import FontError
from .charsets import is_control, is_ignorable
from .convert import ensure_converted, read_source_cmap
from .system import face_problem, system_fonts

if TYPE_CHECKING:
    from ..theme import FontRole, Theme

SOURCES = ("theme file", "system", "bundled")


@dataclass(frozen=True)
class RoleReport:
    """How one role is served, for ``briefgen fonts``."""
    role: str
    family: str  # the font's family name, e.g. "Noto Serif SC" or "FangSong"
    path: Path  # the font file found (before any conversion)
    index: int  # the face in a collection
    source: str  # "theme file" | "system" | "bundled"
    embedded: Path  # the file embedded in PDFs (a cached TrueType for converted CFF fonts)
    covered: int  # distinct characters of the text that the role's own font has
    total: int  # distinct characters of the text (control and zero-width characters left out)
    fallback: str  # characters of the text drawn by another font of the chain
    missing: str  # characters of the text that no font of the chain has
    notes: tuple[str, ...] = ()  # fonts tried and skipped, with the reason


class _Unusable(Exception):
    """A font file that exists but cannot be used (the message says why)."""


def _reason(exc: Exception):
    """The catalogue Message an exception carries, else its text."""
    return exc.args[0] if len(exc.args) == 1 and not isinstance(exc.args[0], str) else str(exc)


@dataclass(eq=False)
class _Loaded:
    """A font registered with reportlab (one per distinct face; roles share them)."""
    key: tuple[str, int]  # (resolved source path, face index)
    name: str  # the reportlab font name
    source_path: Path
    index: int
    embedded: Path
    family: str
    coverage: frozenset[int]
    token: tuple  # changes when the embedded file changes (a cache extended)
    font: object = field(repr=False)  # the reportlab TTFont


_registry: dict[tuple[str, int], _Loaded] = {}
_looks: dict[tuple, int] = {}  # FontSet.look
_names: dict[str, tuple[str, int]] = {}  # reportlab name -> key


def _font_name(path: Path, index: int, key: tuple[str, int]) -> str:
    """A stable reportlab name for a face: ``bg-<file stem>[-<index>]``, made unique per process."""
    stem = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_" for ch in path.stem)
    base = f"bg-{stem}" + (f"-{index}" if index else "")
    name, n = base, 2
    while _names.get(name, key) != key:
        name, n = f"{base}-{n}", n + 1
    _names[name] = key
    return name


def outline_kind(path: Path, index: int) -> str:
    """"glyf", "CFF", "CFF2" or "bitmap" for face ``index`` of a font file, from its table directory."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if not 0 <= index < count:
                    raise _Unusable(M.font_no_such_face(count=count, last=count - 1, index=index))
                f.seek(12 + 4 * index)
                offset = struct.unpack(">I", f.read(4))[0]
                f.seek(offset)
                head = f.read(12)
            elif index != 0:
                raise _Unusable(M.font_not_collection(index=index))
            if head[:4] in (b"wOFF", b"wOF2"):
                raise _Unusable(M.font_woff())
            if head[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
                raise _Unusable(M.font_not_a_font())
            count = struct.unpack(">H", head[4:6])[0]
            tags = {f.read(16)[:4] for _ in range(count)}
    except OSError as exc:
        raise _Unusable(M.font_cannot_read(reason=exc.strerror or exc)) from None
    except struct.error:
        raise _Unusable(M.font_truncated()) from None
    if b"glyf" in tags:
        return "glyf"
    if b"CFF " in tags:
        return "CFF"
    if b"CFF2" in tags:
        return "CFF2"
    return "bitmap"


def _check_kind(path: Path, index: int) -> str:
    """The outline kind of face ``index`` of ``path``; _Unusable for one reportlab cannot embed."""
    kind = outline_kind(path, index)
    if kind == "CFF2":
        raise _Unusable(M.font_cff2())
    if kind == "bitmap":
        raise _Unusable(M.font_bitmap())
    return kind


def _load(path: Path, index: int, chars: set[int], family: str = "") -> _Loaded:
    """Register face ``index`` of ``path`` with reportlab (converting CFF), or reuse the registration."""
    kind = _check_kind(path, index)
    key = (str(path.resolve()), index)
    data = None
    if kind == "CFF":

        conv = ensure_converted(path, index, chars)
        embedded, subfont, family = conv.path, 0, conv.family or family
        # the cache file may be replaced by another process at any moment: reportlab reads the
        # bytes that were read under the cache's lock, never the file
        data, token = conv.data, (str(embedded), conv.sha256 or hashlib.sha256(conv.data).hexdigest())
    else:
        embedded, subfont = path, index
        try:
            st = embedded.stat()
        except OSError as exc:
            raise _Unusable(M.font_cannot_read(reason=exc.strerror)) from None
        token = (str(embedded), st.st_size, st.st_mtime_ns)
    reg = _registry.get(key)
    if reg is not None and reg.token == token:
        return reg

    from reportlab.pdfbase import pdfmetrics  # reportlab loads with the first face: a rerun that keeps every PDF
    from reportlab.pdfbase.ttfonts import TTFError, TTFNameBytes  # never loads it (see ``source_paths_of``)

    from .faces import ttfont
    from .tounicode import TTFont

    name = reg.name if reg is not None else _font_name(path, index, key)
    try:
        if data is not None:
            source = io.BytesIO(data)
            source.name = str(embedded)  # reportlab names the font file by it, as when reading the path
        else:
            source = str(embedded)
        font = ttfont(TTFont, name, source, subfont, token, embedded)  # the parsed face kept on disk, if any
    except (TTFError, OSError, ValueError, IndexError, struct.error) as exc:
        raise _Unusable(M.font_reportlab(detail=exc)) from None
    if reg is not None:
        reg.font.unregister()  # the cache grew: the same name now stands for the larger file
        from .measure import forget  # imports reportlab, which is loaded when first needed

        forget(name)  # its widths are measured anew
    # reportlab keys embedded faces by PostScript name: two different files with one name must differ
    taken = getattr(pdfmetrics, "_dynFaceNames", {})
    if font.face.name in taken:
        tag = hashlib.sha256(key[0].encode("utf-8")).hexdigest()[:6].encode()
        font.face.name = TTFNameBytes(bytes(font.face.name) + b"-" + tag)
    pdfmetrics.registerFont(font)
    face = font.face
    if not family:
        fam = getattr(face, "familyName", b"")
        family = getattr(fam, "ustr", None) or (fam.decode("latin-1") if isinstance(fam, bytes) else str(fam))
    coverage = frozenset(cp for cp, gid in face.charToGlyph.items() if gid)
    loaded = _Loaded(key, name, path, index, embedded, family, coverage, token, font)
    _registry[key] = loaded
    return loaded


def _bundled_path(kind: str) -> Path:
    try:
        import pylopdf_fonts_zh_cn as bundled
    except ImportError:
        raise FontError(M.fonts_package_missing()) from None
    return Path(bundled.sans_path() if kind == "sans" else bundled.serif_path())


def _theme_file(spec_file: str, theme: Theme) -> Path:
    path = Path(os.path.expandvars(spec_file)).expanduser()
    if not path.is_absolute() and theme.source:
        beside = Path(theme.source).parent / path
        if beside.exists():
            return beside
    return path


def _fallback_chains(roles: dict, chars: set[int], bundled: Callable[[Path], "_Loaded | None"]) -> dict | None:
    """Each role's chain: its own font, the other roles' fonts, then the bundled serif and sans, taken (from
    ``bundled``; None: not to be had) only if ``chars`` has characters that none of the others has."""
    distinct = list(dict.fromkeys(entry[0] for entry in roles.values()))
    own = {f.key: f for f in distinct}
    covering = list(distinct)  # the faces whose characters are had (a document's few hundred characters are
    extra: list[_Loaded] = []  # looked up in them, rather than the faces' tens of thousands joined per document)
    for kind in ("serif", "sans"):
        path = _bundled_path(kind)
        key = (str(path.resolve()), 0)
        if key in own:
            extra.append(own[key])
            continue
        lacking = {c for c in chars if not any(c in f.coverage for f in covering)}
        if lacking and lacking & _source_cmap(path):
            face = bundled(path)
            if face is None:
                return None
            extra.append(face)
            covering.append(face)
    return {role: list(dict.fromkeys([entry[0], *distinct, *extra])) for role, entry in roles.items()}


def _resolve(theme: Theme, load: Callable[..., Any]) -> dict[str, tuple[Any, str, tuple[str, ...]]]:
    """Each role of ``theme`` -> (its face as ``load(path, index[, family])`` gives it, its source, the notes of the
    faces skipped); ``load`` raises _Unusable for a face that cannot serve."""
    roles: dict[str, tuple[Any, str, tuple[str, ...]]] = {}
    system = None
    for role, spec in theme.fonts.items():
        notes: list[str] = []
        if spec.file:
            path = _theme_file(spec.file, theme)
            if not path.is_file():
                raise FontError(M.font_file_missing(role=role, path=path))
            try:
                roles[role] = (load(path, spec.index), "theme file", ())
            except _Unusable as exc:
                raise FontError(M.font_file_unusable(role=role, path=path, reason=_reason(exc))) from None
            continue
        found = None
        if spec.system:
            system = system or system_fonts()
            found = FontSet._from_system(spec, system, load, notes)
        if found is None:
            try:
                found = load(_bundled_path(spec.bundled), 0)
            except _Unusable as exc:
                raise FontError(M.font_bundled_unusable(role=role, kind=spec.bundled, reason=_reason(exc))) from None
            source = "bundled"
        else:
            source = "system"
        roles[role] = (found, source, tuple(dict.fromkeys(notes)))
    return roles


def source_paths_of(theme: Theme) -> frozenset[str]:
    """The font files that a FontSet of ``theme`` for no text draws from (its ``source_paths``), resolved the same
    way but without reading a face into reportlab: a rerun that keeps every PDF checks its recorded fonts against
    these (a face that only reportlab would refuse is counted; its PDF cannot have been recorded with it)."""
    seen: dict[tuple[str, int], Path] = {}

    def locate(path: Path, index: int, family: str = "") -> Path:
        _check_kind(path, index)
        return seen.setdefault((str(path.resolve()), index), path)

    return frozenset(str(entry[0]) for entry in _resolve(theme, locate).values())


class FontSet:
    """The PDF fonts of one theme for one document's characters. Build it with :func:`pdf_fontset`."""
    def __init__(self, theme: Theme, text: str):

        self.theme = theme
        self.missing: dict[str, set[str]] = {}
        chars = {cp for cp in map(ord, set(text)) if not is_ignorable(cp)}  # each distinct character once
        self._chars = chars
        loaded_here: dict[tuple[str, int], _Loaded] = {}

        def load(path: Path, index: int, family: str = "") -> _Loaded:
            key = (str(path.resolve()), index)
            if key not in loaded_here:
                loaded_here[key] = _load(path, index, chars, family)
            return loaded_here[key]

        self._roles: dict[str, tuple[_Loaded, str, tuple[str, ...]]] = _resolve(theme, load)
        self._chains: dict[str, list[_Loaded]] = _fallback_chains(self._roles, chars, lambda path: load(path, 0))
        self._memo: dict[str, dict[str, str]] = {}
        self._look: int | None = None  # see ``look``

    def view(self, chars: set[int]) -> "FontSet | None":
        """This set as a set made for ``chars`` alone would be (its own fallback chains, memo and missing
        characters), sharing the loaded faces; None if it lacks a fallback face ``chars`` need."""
        import copy

        present = {f.key: f for chain in self._chains.values() for f in chain}
        chains = _fallback_chains(self._roles, chars, lambda path: present.get((str(path.resolve()), 0)))
        if chains is None:
            return None
        view = copy.copy(self)
        view.missing, view._memo, view._chars, view._chains = {}, {}, chars, chains
        view._look = None
        return view

    def is_current(self) -> bool:
        """Whether every face of this set is still the one reportlab draws under its name (a face loaded again
        from another or a grown cache takes over the name)."""
        faces = {id(f): f for chain in self._chains.values() for f in chain}
        return all(_registry.get(f.key) is f for f in faces.values())

    @staticmethod
    def _from_system(spec: FontRole, system, load, notes: list[str]) -> _Loaded | None:
        for wanted in spec.system:
            for face in system.candidates(wanted):
                if face.problem:

                    reason = face_problem(face.problem)
                    notes.append(M.font_skipped_face(path=face.path, index=face.index, reason=reason) if face.index
                                 else M.font_skipped(path=face.path, reason=reason))
                    continue
                try:
                    return load(Path(face.path), face.index, face.family)
                except _Unusable as exc:
                    notes.append(M.font_skipped(path=face.path, reason=_reason(exc)))
        return None

    def _role(self, role: str) -> str:
        if role in self._roles:
            return role
        role = self.theme.font_role(role)
        return role if role in self._roles else "body"

    def name(self, role: str) -> str:
        """The reportlab font name registered for ``role`` (a role the theme lacks uses ``body``)."""
        return self._roles[self._role(role)][0].name

    def fake_bold(self, role: str) -> bool:
        """Whether the theme asks for a stroked (fake) bold for ``role``."""
        return self.theme.font(role).fake_bold

    @property
    def paths(self) -> dict[str, Path]:
        """Role -> the font file embedded in PDFs (the cached TrueType for converted fonts)."""
        return {role: entry[0].embedded for role, entry in self._roles.items()}

    @property
    def source_paths(self) -> tuple[Path, ...]:
        """The font files drawn from (before any conversion), fallbacks included: what an archive records."""
        faces = [entry[0] for entry in self._roles.values()] + [f for chain in self._chains.values() for f in chain]
        return tuple(dict.fromkeys(f.source_path for f in faces))

    def look(self) -> int:
        """A number that two FontSets of this process share exactly when they split and name every text alike
        (the same theme fonts, the same faces in the same chains): what layouts may key kept results on."""
        if self._look is None:
            key = (repr(self.theme.fonts),
                   tuple((role, entry[0].name, entry[0].token) for role, entry in sorted(self._roles.items())),
                   tuple((role, tuple((f.name, f.token) for f in chain)) for role, chain in sorted(self._chains.items())))
            self._look = _looks.setdefault(key, len(_looks))
        return self._look

    def segments(self, role: str, text: str, noting: list | None = None) -> list[tuple[str, str]]:
        """``text`` split into ``(reportlab font name, text)`` runs along the role's fallback chain.

        A character no font has stays in the role's own font (drawn as its .notdef box) and is
        recorded in :attr:`missing`. Control characters (newline, tab) stay in the run they are in;
        zero-width characters (U+200B, variation selectors, soft hyphen) that no font has are left
        out. Adjacent runs of one font are merged. Every character must have been in the text given
        to :func:`pdf_fontset`, else a character the bundled fonts have but their cache lacks counts
        as missing. ``noting`` (a list) is given each (character, role) of ``text`` recorded missing, so a
        caller that keeps the runs can record them again in another set.
        """
        chain = self._chains[self._role(role)]
        if text and chain[0].coverage.issuperset(map(ord, text)):
            return [(chain[0].name, text)]  # all in the role's own font: what the loop below makes of it
        memo = self._memo.setdefault(role, {})
        runs: list[list] = []
        for ch in text:
            name = memo.get(ch)
            if name is None:
                cp = ord(ch)
                for font in chain:
                    if cp in font.coverage:
                        name = font.name
                        break
                else:
                    if is_control(cp):
                        name = ""  # stays in the run it is in
                    elif is_ignorable(cp):
                        name = "-"  # zero-width, no font has it: left out rather than drawn as a box
                    else:
                        name = chain[0].name
                        self.missing.setdefault(ch, set()).add(role)
                memo[ch] = name
            if noting is not None and ch in self.missing and role in self.missing[ch]:
                noting.append((ch, role))
            if name == "-":
                continue
            if not name:
                name = runs[-1][0] if runs else chain[0].name
            if runs and runs[-1][0] == name:
                runs[-1][1].append(ch)
            else:
                runs.append([name, [ch]])
        return [(name, "".join(chars)) for name, chars in runs]

    def report(self, text: str) -> list[RoleReport]:
        """One line per role of the theme: which font serves it and how much of ``text`` it covers."""
        chars = sorted({ord(ch) for ch in text if not is_ignorable(ord(ch))})
        out = []
        for role, (own, source, notes) in self._roles.items():
            chain = self._chains[role]
            fallback = "".join(chr(c) for c in chars if c not in own.coverage and any(c in f.coverage for f in chain))
            missing = "".join(chr(c) for c in chars if not any(c in f.coverage for f in chain))
            covered = sum(1 for c in chars if c in own.coverage)
            out.append(
                RoleReport(role, own.family, own.source_path, own.index, source, own.embedded,
                           covered, len(chars), fallback, missing, notes)
            )
        return out


def _source_cmap(path: Path) -> frozenset[int]:
    """The code points of a bundled CFF font: from its cache sidecar if there is one, else read."""
    key = str(path.resolve())
    if key in _cmaps:
        return _cmaps[key]
    recorded = read_source_cmap(path, 0)
    if recorded is not None:
        cps = frozenset(recorded)
    else:
        from fontTools.ttLib import TTFont

        with TTFont(path, lazy=True) as font:
            cps = frozenset(font.getBestCmap() or {})
    _cmaps[key] = cps
    return cps


_cmaps: dict[str, frozenset[int]] = {}


def pdf_fontset(theme: Theme, text: str | Iterable[str]) -> FontSet:
    """The fonts for a PDF of ``theme`` whose text is ``text`` (every character the document draws).

    Resolves each role (theme file, system font, bundled font), converts CFF fonts to cached TrueType
    covering the text, and registers each distinct face with reportlab once per process.
    Raises FontError for a theme font file that is missing or unusable.
    """
    if not isinstance(text, str):
        text = "".join(text)
    return FontSet(theme, text)


# One FontSet per theme and process, for every character drawn so far; each document gets a view of it:
# resolving, reading the converted-font cache and registering faces once per process, not once per document.
_shared: dict[tuple, FontSet] = {}


def shared_fontset(theme: Theme, text: str) -> FontSet:
    """The fonts for a PDF of ``theme`` whose text is ``text``, as :func:`pdf_fontset` gives them, served from
    the process's set for the theme (made, or grown, when ``text`` has characters it lacks)."""
    key = (str(theme.source), repr(theme.fonts))
    chars = {cp for cp in map(ord, set(text)) if not is_ignorable(cp)}
    base = _shared.get(key)
    if base is not None and not base.is_current():
        base = None  # a face was loaded again since: its name now draws other glyphs
    if base is None or not chars <= base._chars:
        known = "".join(map(chr, sorted(base._chars))) if base is not None else ""
        base = _shared[key] = pdf_fontset(theme, text + known)
    view = base.view(chars)
    return view if view is not None else pdf_fontset(theme, text)
