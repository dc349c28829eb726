"""Fonts for the PDF writer: resolution per role, fallback by character, CFF -> TrueType cache.

The whole API::

    from briefgen.fonts import FontSet, pdf_fontset
    fs = pdf_fontset(theme, text)   # text: every character the document will draw
    fs = shared_fontset(theme, text)  # the same, served from the process's set for the theme (faster)
    fs.name(role)                   # reportlab font name registered for the role ("bg-NotoSerifSC-Regular")
    fs.fake_bold(role)              # the theme asks for a stroked bold
    fs.segments(role, text)         # [(font name, text), …] runs along the role's fallback chain
    fs.missing                      # {char: {roles}}: characters no font could draw (filled by segments)
    fs.report(text)                 # [RoleReport]: family, file, source, coverage, per role
    fs.paths                        # {role: Path of the file embedded}

Each role resolves to the theme's ``file``, else an installed font named in ``system``, else the
bundled Noto Serif SC / Noto Sans SC (``fontset``). CFF fonts are converted to TrueType once and
cached per user, incrementally by character (``convert``); installed fonts are indexed once and the
index kept on disk (``system``); reportlab's reading of each face is kept beside the converted fonts
(``faces``), so a process that renders does not parse its fonts again. Both caches are shared safely by concurrent processes: every read
and write happens under a file lock (``lock``), and a cold cache is converted once while the others
wait. Every font is registered as ``tounicode.TTFont``, whose ToUnicode maps other PDF tools accept
(blocks of at most 100 entries, UTF-16 surrogate pairs), so the text survives Ghostscript. Environment: ``BRIEFGEN_CACHE_DIR`` moves the cache,
``BRIEFGEN_FONT_DIRS`` replaces the system font folders (empty: no system fonts).

Nothing heavy is imported here: reportlab and fontTools load when fonts are first resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["FontSet", "RoleReport", "pdf_fontset", "shared_fontset"]

if TYPE_CHECKING:
    from .fontset import FontSet, RoleReport, pdf_fontset, shared_fontset


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import fontset  # loads reportlab: not for `--help`, nor for a rerun that keeps every file

        return getattr(fontset, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
