"""Text widths for layout, as reportlab's ``stringWidth`` gives them, to the last bit, without asking it again.

A one-page document is laid out at several type scales while its fit is decided, so the same words are measured
at many sizes. reportlab sums a TrueType font's integer glyph widths and scales the sum by the size; that sum is
kept here per (text, font) and scaled the way the active reportlab implementation scales it (its C accelerator
and its Python fallback multiply in different orders, which can differ in the last bit). The first widths of a
process are checked against ``stringWidth`` itself; on any difference the shortcut is given up for good.

    string_width("经济发展", "bg-NotoSerifSC-Regular", 16.0) == stringWidth("经济发展", "bg-NotoSerifSC-Regular", 16.0)
"""

from __future__ import annotations

from typing import Callable

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

_sums: dict[tuple[str, str], int] = {}
_KEPT = 50_000  # (text, font) sums kept: a long-lived process starts again past this
_CHECKS = 256  # widths checked against reportlab's own in each process


def _python_order(total: int, size: float) -> float:
    return 0.001 * size * total  # reportlab.lib.rl_accel._py_instanceStringWidthTTF


def _c_order(total: int, size: float) -> float:
    return total * 0.001 * size  # _rl_accel.instanceStringWidthTTF (rl_accel, reportlab's C accelerator)


def _scaling() -> Callable[[int, float], float] | None:
    from reportlab.lib import rl_accel

    impl = getattr(rl_accel, "instanceStringWidthTTF", None)
    if impl is None:
        return None
    if getattr(impl, "__name__", "") == "_py_instanceStringWidthTTF":
        return _python_order
    if type(impl).__name__ == "builtin_function_or_method":
        return _c_order
    return None


_scale = _scaling()
_checks_left = _CHECKS


def string_width(text: str, font: str, size: float) -> float:
    """``reportlab.pdfbase.pdfmetrics.stringWidth(text, font, size)``, from the glyph-width sum of ``text`` in
    ``font`` once measured at any size."""
    global _scale, _checks_left
    scale = _scale
    if scale is None:
        return stringWidth(text, font, size)
    key = (text, font)
    total = _sums.get(key)
    if total is None:
        face_font = getFont(font)
        if not isinstance(face_font, TTFont):
            return stringWidth(text, font, size)
        face = face_font.face
        get, default = face.charWidths.get, face.defaultWidth
        total = sum([get(ord(ch), default) for ch in text])
        if not isinstance(total, int):  # widths not whole units: the order of adding would matter
            return stringWidth(text, font, size)
        if len(_sums) >= _KEPT:
            _sums.clear()
        _sums[key] = total
    width = scale(total, size)
    if _checks_left > 0:
        _checks_left -= 1
        if width != stringWidth(text, font, size):
            _scale = None  # not the arithmetic this reportlab does: measure through it from now on
            _sums.clear()
            return stringWidth(text, font, size)
    return width


def forget(font: str | None = None) -> None:
    """Drop the sums kept for ``font`` (all fonts when None): its name now stands for another file."""
    if font is None:
        _sums.clear()
        return
    for key in [k for k in _sums if k[1] == font]:
        del _sums[key]
