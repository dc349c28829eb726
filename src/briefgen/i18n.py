"""Which language briefgen speaks, and the machinery that turns a message code into a sentence.

Every user-facing text is a catalogue entry (:mod:`briefgen.messages`): a code such as ``BG101`` and its
English wording with ``{named}`` arguments. Code raises or prints ``messages.file_not_found(path=…)``, a
:class:`Message` that keeps its code and arguments and is worded only when it is shown, in the language
chosen then: so a library caller, a test or the CLI each read it in their own language, and a test can
check a problem's code instead of its wording.

Translations are a standard gettext catalogue (``locale/zh_CN/LC_MESSAGES/briefgen.po``, compiled to
``.mo`` beside it) keyed by the code as message context and the English wording as message id, read at run
time by the stdlib's gettext. The Chinese wording of a coded message is written beside its English in
:mod:`briefgen.messages`, so the two are reviewed together; texts without a code (help texts, Click's own
messages) are translated in the ``.po`` itself. ``make messages`` (``tools/messages.py``) extracts every
text with Babel, writes the ``.po`` and compiles the ``.mo``; a test fails when either is stale or a
translation is missing. English needs no catalogue.

The language follows the environment as gettext programs do (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``; on Windows the user's display language), and ``--lang`` or ``lang`` in ``briefgen.toml``
overrides it (:func:`set_language`).
"""

from __future__ import annotations

import gettext as _gettext
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

LANGUAGES = ("zh", "en")
"""The languages briefgen speaks: Simplified Chinese and English."""

DOMAIN = "briefgen"
LOCALE_DIR = Path(__file__).parent / "locale"
_CATALOGUES = {"zh": "zh_CN"}  # language -> gettext catalogue folder

_language: str | None = None


def normalize(value: str | None) -> str | None:
    """A language as people write it (zh, zh_CN.UTF-8, zh-Hans, Chinese, 中文, en_GB, C) -> "zh", "en" or None."""
    if not value:
        return None
    v = value.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if v in ("c", "posix"):
        return "en"
    if v.startswith("zh") or v in ("chinese", "中文", "简体中文", "cn"):
        return "zh"
    if v.startswith("en") or v == "english":
        return "en"
    return None


def _windows_language() -> str | None:
    """The Windows display language (zh_CN on a Chinese Windows), or None elsewhere or when unknown."""
    if sys.platform != "win32":  # pragma: no cover - exercised on Windows
        return None
    try:  # pragma: no cover - Windows only
        import ctypes
        import locale

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()
        return locale.windows_locale.get(lcid)
    except Exception:  # pragma: no cover
        return None


def detect(env: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext reads it; English when it asks for none we speak.

    The locale is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set; ``C`` or ``POSIX`` there
    means English whatever ``LANGUAGE`` says (as GNU gettext does); otherwise ``LANGUAGE``, a colon-separated
    list of preferences, is read first. With none of them set (as on Windows), the display language decides.
    """
    env = os.environ if env is None else env
    locale_name = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), None)
    if locale_name and normalize(locale_name) == "en" and locale_name.split(".")[0].upper() in ("C", "POSIX"):
        return "en"
    for wanted in (env.get("LANGUAGE") or "").split(":"):
        lang = normalize(wanted)
        if lang:
            return lang
    if locale_name:
        return normalize(locale_name) or "en"
    return normalize(_windows_language()) or "en"


def set_language(lang: str | None) -> str:
    """Speak ``lang`` ("zh", "en", or anything :func:`normalize` reads) from now on; None: the environment's."""
    global _language
    _language = normalize(lang) if lang else None
    if lang and _language is None:
        raise ValueError(lang)
    return language()


def language() -> str:
    """The language messages are worded in now."""
    return _language or detect()


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (a NullTranslations, i.e. English, for English or a missing file)."""
    folder = _CATALOGUES.get(lang)
    if folder is None:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[folder], fallback=True)


def gettext(text: str) -> str:
    """``text`` (an English sentence without a code, e.g. Click's own) in the current language."""
    return translations(language()).gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(language()).ngettext(singular, plural, n)


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, BaseException) and any(isinstance(a, Message) for a in value.args):
        # an error passed on as another's detail (a theme's `extends`): worded in the same language as the outer one,
        # not in the language of the moment (a page's worker thread speaks the server's, not the browser's)
        return "; ".join(_shown(a, lang) for a in value.args)
    if isinstance(value, (list, tuple)):
        sep = "、" if lang == "zh" else ", "
        return sep.join(_shown(v, lang) for v in value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return str(value)


@dataclass(frozen=True)
class Message:
    """One catalogue entry with its arguments, worded when shown (``str()``) in the language of that moment.

    An argument may itself be a Message (a limit's refusal inside a problem, a field's label), worded in the
    same language; a list is joined with 、 or ", ".
    """

    code: str
    english: str
    args: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str | None = None) -> str:
        lang = lang or language()
        wording = translations(lang).pgettext(self.code, self.english) if lang != "en" else self.english
        values = {k: _shown(v, lang) for k, v in self.args}
        try:
            return wording.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation naming an argument the code does not pass
            return self.english.format(**values)

    def __str__(self) -> str:
        return self.text()

    def __add__(self, other: object) -> str:  # "…" + message: worded now
        return str(self) + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + str(self)

    def __contains__(self, item: str) -> bool:  # `"fragment" in problem.message`, as tests and callers ask
        return item in str(self)


class Text:
    """A catalogue entry: a code and its English wording; calling it with the arguments makes a Message."""

    registry: dict[str, "Text"] = {}

    def __init__(self, code: str, english: str, chinese: str = ""):
        if code in Text.registry and Text.registry[code].english != english:
            raise RuntimeError(f"message code {code} is used twice")
        self.code = code
        self.english = english
        self.chinese = chinese  # the source of the catalogue's msgstr (tools/messages.py)
        Text.registry[code] = self

    def __call__(self, **args: Any) -> Message:
        return Message(self.code, self.english, tuple(args.items()))

    def __str__(self) -> str:  # an entry without arguments may be shown as it is
        return str(self())

    def __repr__(self) -> str:
        return f"Text({self.code!r}, {self.english!r})"


def N_(text: str) -> str:
    """Marks an English text without a code for the catalogue (help texts): translated where it is shown."""
    return text


def install_click() -> None:
    """Click words its own messages ("Usage:", "Missing argument …") with the stdlib's gettext bound at import in
    each module; point those names at briefgen's catalogue so they follow ``--lang`` like everything else."""
    import importlib

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils",
                 "_termui_impl", "shell_completion"):
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a Click without that module
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
