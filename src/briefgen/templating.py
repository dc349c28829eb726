"""Report + Jinja2 template -> briefing markup (XML text).

Templates are found in order: a folder the user names, ``./templates`` of the working folder, then
the built-in ones, so overriding one file is enough. The environment is sandboxed, undefined names
are errors (StrictUndefined) and every value is escaped, so no data value can inject markup.

A template starts with a header comment that ``briefgen templates`` reads:

    {#- briefgen
    description: 主要经济指标完成情况（一页）
    -#}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from jinja2 import FileSystemLoader

from .errors import TemplateError

SUFFIX = ".xml.j2"
_HEADER = re.compile(r"\A\{#-?\s*briefgen\s*\n(.*?)-?#\}", re.S)


def builtin_dir() -> Path:
    """The built-in templates: inside the package when installed, the top-level folder in a checkout."""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def search_path(template_dirs: tuple[Path, ...] = ()) -> list[Path]:
    dirs = [Path(d) for d in template_dirs]
    local = Path.cwd() / "templates"
    if local.is_dir() and local.resolve() != builtin_dir().resolve():
        dirs.append(local)
    dirs.append(builtin_dir())
    return dirs


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    path: Path
    description: str
    document: str = ""  # what the document is called in a file name, e.g. 主要经济指标完成情况


def _info(path: Path) -> TemplateInfo:
    from .textfile import decode_text

    head = decode_text(path.read_bytes(), str(path))[:2000]
    fields = {"description": "", "document": ""}
    m = _HEADER.match(head)
    if m:
        for line in m.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip() in fields:
                fields[key.strip()] = value.strip()
    name = path.name[: -len(SUFFIX)]
    return TemplateInfo(name, path, fields["description"], fields["document"] or name)


def template_info(name: str, template_dirs: tuple[Path, ...] = ()) -> TemplateInfo | None:
    """The template ``name`` as the search path finds it, or None."""
    file_name = name if name.endswith(SUFFIX) else name + SUFFIX
    for folder in search_path(template_dirs):
        path = folder / file_name
        if path.is_file():
            return _info(path)
    return None


def template_files(template_dirs: tuple[Path, ...] = ()) -> list[Path]:
    """Every template file in the search path (partials too): what a build's output can depend on."""
    out = []
    for folder in search_path(template_dirs):
        out.extend(sorted(folder.glob(f"*{SUFFIX}")))
    return out


def list_templates(template_dirs: tuple[Path, ...] = ()) -> list[TemplateInfo]:
    """Every template name in the search path, the first found winning."""
    seen: dict[str, TemplateInfo] = {}
    for folder in search_path(template_dirs):
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            if path.name.startswith("_"):
                continue  # partials
            info = _info(path)
            seen.setdefault(info.name, info)
    return sorted(seen.values(), key=lambda i: i.name)


# ---- filters: how figures are written in Chinese official documents ----

def fmt_number(value, decimals: int | None = None) -> str:
    """31.3 -> "31.3"; with decimals=1, 4050 -> "4050.0"; None -> "—"."""
    if value is None:
        return "—"
    d = Decimal(str(value))
    if decimals is None:
        text = format(d.normalize(), "f")
    else:
        text = format(d.quantize(Decimal(1).scaleb(-decimals)), "f")
    return text.replace("-", "−")


def fmt_date(value) -> str:
    """2022-07-29 -> 2022年7月29日"""
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


_CN = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 23 -> 二十三 (heading numbers 一、 （一）)."""
    n = int(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def decimals_of(values) -> int:
    """The decimals a column needs so every value shows as written (31.3, 4050 -> 1)."""
    best = 0
    for v in values:
        if v is None:
            continue
        exp = Decimal(str(v)).normalize().as_tuple().exponent
        best = max(best, -exp if isinstance(exp, int) and exp < 0 else 0)
    return best


COUNT_UNITS = frozenset("家 个 人 名 件 户 次 套 项 起 辆 条 所 座 场 批 宗".split())


def is_count(unit: str | None) -> bool:
    """Units of whole things (家, 个, 人 …): their figures never carry decimals."""
    return (unit or "").strip() in COUNT_UNITS


ALIGNED_UNITS = frozenset(("%", "％", "‰", "个百分点", "百分点"))  # rates: compared down a column, so aligned


def unit_decimals(indicators) -> dict[str, int]:
    """Decimals per unit for the units whose figures share a precision down a column (rates: 9.50 and 16.75 %);
    every other figure keeps its own (31.3 亿元 stays 31.3 beside 1.25 亿元, 4050 万美元 stays 4050); counts
    (家, 个) are whole."""
    units: dict[str, list] = {}
    for i in indicators:
        units.setdefault(i.unit or "", []).append(i.value)
    return {unit: 0 if is_count(unit) else decimals_of(values) for unit, values in units.items()
            if is_count(unit) or unit.strip() in ALIGNED_UNITS}


def shown_value(indicator, decimals: dict[str, int]) -> str:
    """An indicator's value as the table shows it, at its unit's precision (see ``unit_decimals``).

    A figure written as approximate (2300余, 约1.2) is shown as the source wrote it.
    """
    written = (indicator.value_text or "").strip()
    if written and _QUALIFIER.search(written) and not (indicator.unit and indicator.unit in written):
        return written
    return fmt_number(indicator.value, decimals.get(indicator.unit or "", None))


_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def lead_sentences(text: str, limit: int = 60) -> str:
    """The first sentences of ``text`` that fit in about ``limit`` characters: at least one whole sentence,
    never a cut one (a digest shortens a point to what it says first)."""
    text = (text or "").strip()
    out = ""
    for sentence in (s for s in _SENTENCE_END.split(text) if s):
        if out and len(out) + len(sentence) > limit:
            break
        out += sentence
    if out.endswith("；"):
        out = out[:-1] + "。"
    return out


_QUALIFIER = re.compile(r"[余多约近超逾左右]")  # words that say a figure is approximate


_env_cache: dict[tuple, object] = {}


class _Loader(FileSystemLoader):
    """Templates read through briefgen's one decoder: a template saved in GBK (Notepad's "ANSI") reads too."""

    def get_source(self, environment, template):
        import os

        from jinja2 import TemplateNotFound
        from jinja2.loaders import split_template_path  # refuses "..": a template name never leaves its folder

        from .textfile import decode_text

        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = os.path.join(folder, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise TemplateNotFound(template)
        with open(filename, "rb") as fh:
            text = decode_text(fh.read(), filename)
        mtime = os.path.getmtime(filename)

        def uptodate() -> bool:
            try:
                return os.path.getmtime(filename) == mtime
            except OSError:
                return False

        return text, os.path.normpath(filename), uptodate


def environment(template_dirs: tuple[Path, ...] = ()):
    key = tuple(str(p) for p in search_path(template_dirs))
    env = _env_cache.get(key)
    if env is None:
        from jinja2 import FileSystemBytecodeCache, StrictUndefined
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        from .cache import cache_root

        compiled = cache_root() / "templates"
        try:
            compiled.mkdir(parents=True, exist_ok=True)
            bytecode_cache = FileSystemBytecodeCache(str(compiled))
        except OSError:  # a read-only home: compile each run instead
            bytecode_cache = None
        env = ImmutableSandboxedEnvironment(
            loader=_Loader(list(key)),
            bytecode_cache=bytecode_cache,
            undefined=StrictUndefined,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        env.filters.update(num=fmt_number, date_cn=fmt_date, cn=cn_number, sentences=lead_sentences)
        env.globals.update(decimals_of=decimals_of, unit_decimals=unit_decimals, shown_value=shown_value, is_count=is_count)
        _env_cache[key] = env
    return env


def render(name: str, context: dict, template_dirs: tuple[Path, ...] = ()) -> tuple[str, str]:
    """Render template ``name`` -> (markup, template file path). Errors name the template file and line."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    env = environment(template_dirs)
    file_name = name if name.endswith(SUFFIX) else name + SUFFIX
    try:
        template = env.get_template(file_name)
    except TemplateNotFound:
        names = ", ".join(i.name for i in list_templates(template_dirs))
        raise TemplateError(f"unknown template {name!r}; available: {names}") from None
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or file_name}:{exc.lineno}: template syntax error: {exc.message}") from None
    try:
        return template.render(context), template.filename or file_name
    except Exception as exc:  # any error raised while rendering is the template's: locate it
        line = _template_line(exc, template.filename)
        where = f"{template.filename}:{line}" if line else str(template.filename)
        message = getattr(exc, "message", None) or str(exc)
        raise TemplateError(f"{where}: {type(exc).__name__}: {message}") from None


def _template_line(exc: BaseException, filename: str | None) -> int | None:
    """The template line an exception was raised at (Jinja rewrites tracebacks to template lines)."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if filename and tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
