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
from functools import lru_cache
from pathlib import Path

from .. import limits
from .. import messages as M
from ..i18n import language
from ..cache import cache_root
from ..errors import BriefgenError, TemplateError
from ..load.text import decode_text
from .filters import (
    cn_number,
    decimals_of,
    fmt_date,
    fmt_number,
    is_count,
    lead_sentences,
    schedule_share,
    shown_value,
    unit_decimals,
)
from .sandbox import SUFFIX, _Budget, _budget, _guarded_filter, _Refused, _sandbox_class

_HEADER = re.compile(r"\A\{#-?\s*briefgen\s*\n(.*?)-?#\}", re.S)


def builtin_dir() -> Path:
    """The built-in templates: inside the package when installed, the top-level folder in a checkout."""
    packaged = Path(__file__).parents[1] / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


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
    description: str  # English (or whatever a user's template writes)
    document: str = ""  # what the document is called in a file name, e.g. 主要经济指标完成情况
    description_zh: str = ""  # the Chinese description, when the header gives one

    def described(self) -> str:
        """The description in the language of the moment."""
        return self.description_zh if self.description_zh and language() == "zh" else self.description


def _info(path: Path) -> TemplateInfo:
    with open(path, "rb") as fh:  # the header only: a template file of any size is listed at once
        raw = fh.read(8192)
    head = decode_text(raw.decode("utf-8", "ignore").encode("utf-8") if len(raw) == 8192 else raw, str(path))[:2000]
    fields = {"description": "", "description_zh": "", "document": ""}
    m = _HEADER.match(head)
    if m:
        for line in m.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip() in fields:
                fields[key.strip()] = value.strip()
    name = path.name[: -len(SUFFIX)]
    return TemplateInfo(name, path, fields["description"], fields["document"] or name, fields["description_zh"])


def template_info(name: str, template_dirs: tuple[Path, ...] = ()) -> TemplateInfo | None:
    """The template ``name`` as the search path finds it, or None."""
    file_name = checked_name(name) if name.endswith(SUFFIX) else checked_name(name) + SUFFIX
    for folder in search_path(template_dirs):
        path = folder / file_name
        if path.is_file() and _inside(str(path), str(folder)):
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


# ---- the sandbox: what a template may do ---------------------------------------------------------------------
#
# Jinja2's sandbox stops a template from reaching Python internals (attributes starting with "_", unsafe
# callables, mutating built-in containers). It does not stop a template from working forever or filling memory:
# ``range(10**5)`` nested in itself, ``'x' * 10**9``, ``10**10**8``, a macro calling itself twice per call. The
# environment below counts and measures on top of it, each check *before* the work where the work is one large
# step (a power, a repetition, a padded string, a replacement) and after each small step otherwise:
#
# - every loop iteration, call, filter, operator and include is a step (limits.MAX_TEMPLATE_STEPS), and every
#   1,024th step looks at the clock (limits.MAX_TEMPLATE_SECONDS);
# - ``range()`` makes at most MAX_TEMPLATE_RANGE numbers, a list at most MAX_TEMPLATE_ITEMS items, a whole
#   number at most MAX_TEMPLATE_INT_DIGITS digits, a text at most MAX_TEMPLATE_TEXT_CHARS characters (one value,
#   a captured block, or the whole output: Jinja joins every buffer through ``Environment.concat``);
# - macros (and recursive loops) nest at most MAX_TEMPLATE_DEPTH deep.
#
# Loops and ``~`` joins are reached by rewriting the parsed template (``_Guards``): a loop iterates through
# ``_bg_loop(…)``, a join passes through ``_bg_text(…)``. A refusal is raised as ``_Refused`` and ``render`` turns
# it into one TemplateError at the template's file and line.


_env_cache: dict[tuple, object] = {}


@lru_cache(maxsize=None)
def _loader_class():
    """The template loader's class, made when the first environment is (jinja2 loads then: not for `--help`, nor
    for a rerun that keeps every file)."""
    from jinja2 import FileSystemLoader

    class _Loader(FileSystemLoader):
        """Templates read through briefgen's one decoder (a template saved in GBK, Notepad's "ANSI", reads too), and
        only from inside the template folders: a name with ".." is refused, a link out of a folder is not followed."""
        def get_source(self, environment, template):
            import os

            from jinja2 import TemplateNotFound
            from jinja2.loaders import (
                split_template_path,  # refuses "..": a template name never leaves its folder
            )


            pieces = split_template_path(template)
            for folder in self.searchpath:
                filename = os.path.join(folder, *pieces)
                if os.path.isfile(filename) and _inside(filename, folder):
                    break
            else:
                raise TemplateNotFound(template)
            size = os.path.getsize(filename)
            if size > limits.MAX_TEMPLATE_FILE_BYTES:
                raise TemplateError(M.tp_file_big(path=filename, size=f"{size:,}", limit=f"{limits.MAX_TEMPLATE_FILE_BYTES:,}"))
            with open(filename, "rb") as fh:
                text = decode_text(fh.read(), filename)
            mtime = os.path.getmtime(filename)

            def uptodate() -> bool:
                try:
                    return os.path.getmtime(filename) == mtime
                except OSError:
                    return False

            return text, os.path.normpath(filename), uptodate

    return _Loader


def _inside(path: str, folder: str) -> bool:
    import os

    real, top = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, top]) == top


# Compiled templates carry the sandbox's guards: a new guard needs a new name here, so that bytecode compiled
# without it is never loaded from the cache.
_BYTECODE_PATTERN = "__briefgen_guarded1_%s.cache"


def environment(template_dirs: tuple[Path, ...] = ()):
    key = tuple(str(p) for p in search_path(template_dirs))
    env = _env_cache.get(key)
    if env is None:
        from jinja2 import FileSystemBytecodeCache, StrictUndefined


        compiled = cache_root() / "templates"
        try:
            compiled.mkdir(parents=True, exist_ok=True)
            bytecode_cache = FileSystemBytecodeCache(str(compiled), _BYTECODE_PATTERN)
        except OSError:  # a read-only home: compile each run instead
            bytecode_cache = None
        env = _sandbox_class()(
            loader=_loader_class()(list(key)),
            bytecode_cache=bytecode_cache,
            undefined=StrictUndefined,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        env.filters.update(num=fmt_number, date_cn=fmt_date, cn=cn_number, sentences=lead_sentences)
        env.filters.update({name: _guarded_filter(name, fn) for name, fn in env.filters.items()})
        env.globals.update(decimals_of=decimals_of, unit_decimals=unit_decimals, shown_value=shown_value, is_count=is_count,
                           schedule_share=schedule_share)
        _env_cache[key] = env
    return env


def checked_name(name: str) -> str:
    """``name`` if it names a template (summary, tasks.xml.j2, my_brief), never a path out of the template folders."""
    if (not name or not name.isprintable() or any(ch in name for ch in "/\\:") or name.startswith(".")
            or Path(name).is_absolute()):
        raise TemplateError(M.tp_not_a_path(name=repr(name)))
    return name


def render(name: str, context: dict, template_dirs: tuple[Path, ...] = ()) -> tuple[str, str]:
    """Render template ``name`` -> (markup, template file path). Errors name the template file and line."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError


    env = environment(template_dirs)
    file_name = checked_name(name) if name.endswith(SUFFIX) else checked_name(name) + SUFFIX
    try:
        template = env.get_template(file_name)
    except TemplateNotFound:
        names = ", ".join(i.name for i in list_templates(template_dirs))
        raise TemplateError(M.tp_unknown(name=repr(name), names=names)) from None
    except TemplateSyntaxError as exc:
        raise TemplateError(_jinja_syntax(f"{exc.filename or file_name}:{exc.lineno}", exc.message or "")) from None
    token = _budget.set(_Budget())
    try:
        markup = template.render(context)
    except BriefgenError:
        raise
    except Exception as exc:  # any error raised while rendering is the template's: locate it
        filename, line = _template_line(exc, template.filename)
        if isinstance(exc, _Refused) and exc.where is not None:
            filename, line = exc.where[0], exc.where[1] or line
        where = f"{filename}:{line}" if line else str(filename)
        if isinstance(exc, _Refused):
            raise TemplateError(M.tp_refused(where=where, detail=exc.message)) from None
        if isinstance(exc, RecursionError):
            raise TemplateError(M.tp_recursion(where=where)) from None
        if isinstance(exc, MemoryError):
            raise TemplateError(M.tp_memory(where=where)) from None
        message = getattr(exc, "message", None) or str(exc)
        raise TemplateError(M.tp_failed(where=where, kind=type(exc).__name__, detail=message)) from None
    finally:
        _budget.reset(token)
    elements = markup.count("<") - markup.count("</") - markup.count("<!") - markup.count("<?")
    if elements > limits.MAX_MARKUP_ELEMENTS:
        raise TemplateError(M.tp_elements(path=template.filename, n=f"{elements:,}", limit=f"{limits.MAX_MARKUP_ELEMENTS:,}"))
    return markup, template.filename or file_name


_STRAY = re.compile(r"unexpected (?:char )?'([^']+)'")
_END = re.compile(r"innermost block that needs to be closed is '(\w+)'")
_UNKNOWN_TAG = re.compile(r"unknown tag '(\w+)'")


def _jinja_syntax(where: str, detail: str):
    """Jinja's syntax complaint as the template author's fix, in the user's language."""
    found = _STRAY.search(detail)
    if found:
        return M.tp_stray_brace(where=where, char=found.group(1))
    found = _END.search(detail)
    if found:
        return M.tp_missing_end(where=where, block=found.group(1))
    found = _UNKNOWN_TAG.search(detail)
    if found:
        return M.tp_unknown_tag(where=where, tag=found.group(1))
    return M.tp_syntax_other(where=where, detail=detail)


def _template_line(exc: BaseException, filename: str | None) -> tuple[str | None, int | None]:
    """The template file and line an exception was raised at: the innermost template frame of its traceback
    (Jinja rewrites tracebacks to template lines), so an error in an included template names that one."""
    tb = exc.__traceback__
    found: tuple[str | None, int | None] = (filename, None)
    while tb is not None:
        code_file = tb.tb_frame.f_code.co_filename
        if code_file == filename or code_file.endswith(SUFFIX):
            found = (code_file, tb.tb_lineno)
        tb = tb.tb_next
    return found
