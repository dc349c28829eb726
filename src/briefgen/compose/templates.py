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

import math
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from jinja2 import FileSystemLoader

from .. import limits
from .. import messages as M
from ..errors import TemplateError

SUFFIX = ".xml.j2"
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
    description: str
    document: str = ""  # what the document is called in a file name, e.g. 主要经济指标完成情况


def _info(path: Path) -> TemplateInfo:
    from ..load.text import decode_text

    with open(path, "rb") as fh:  # the header only: a template file of any size is listed at once
        raw = fh.read(8192)
    head = decode_text(raw.decode("utf-8", "ignore").encode("utf-8") if len(raw) == 8192 else raw, str(path))[:2000]
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


class _Refused(Exception):
    """A template limit reached; ``where`` is (file, line) when the traceback cannot tell it."""

    def __init__(self, message: str, where: tuple[str, int | None] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where


class _Budget:
    __slots__ = ("steps", "depth", "deadline")

    def __init__(self) -> None:
        self.steps = 0
        self.depth = 0
        self.deadline = time.monotonic() + limits.MAX_TEMPLATE_SECONDS


_budget: ContextVar[_Budget | None] = ContextVar("briefgen_template_budget", default=None)


def _step(n: int = 1) -> None:
    """Count ``n`` steps of the rendering under way (a macro call counts more than a loop iteration: it costs more)."""
    budget = _budget.get()
    if budget is None:  # outside ``render`` (constant folding while compiling): sizes are still checked
        return
    before = budget.steps
    budget.steps += n
    if budget.steps > limits.MAX_TEMPLATE_STEPS or before >> 10 != budget.steps >> 10:
        _over(budget)


def _over(budget: _Budget) -> None:
    """Refuse a rendering past its steps or its time (looked at every 1,024 steps)."""
    if budget.steps > limits.MAX_TEMPLATE_STEPS:
        raise _Refused(M.tp_steps(limit=f"{limits.MAX_TEMPLATE_STEPS:,}"))
    if time.monotonic() > budget.deadline:
        raise _Refused(M.tp_seconds(limit=f"{limits.MAX_TEMPLATE_SECONDS:g}"))


def _too_long(chars: int) -> _Refused:
    return _Refused(M.tp_text_long(n=f"{chars:,}", limit=f"{limits.MAX_TEMPLATE_TEXT_CHARS:,}"))


def _too_many(items: int) -> _Refused:
    return _Refused(M.tp_list_long(n=f"{items:,}", limit=f"{limits.MAX_TEMPLATE_ITEMS:,}"))


def _int_bits() -> int:
    return math.ceil(limits.MAX_TEMPLATE_INT_DIGITS * math.log2(10))


def _too_big(digits: int | str) -> _Refused:
    return _Refused(M.tp_number_big(digits=digits, limit=limits.MAX_TEMPLATE_INT_DIGITS))


def _checked(value):
    """``value`` if it is within the limits of what a template may make."""
    if isinstance(value, str):
        if len(value) > limits.MAX_TEMPLATE_TEXT_CHARS:
            raise _too_long(len(value))
    elif isinstance(value, int):
        if value.bit_length() > _int_bits():
            raise _too_big(M.tp_about(n=f"{int(value.bit_length() * math.log10(2)) + 1:,}"))
    elif isinstance(value, (list, tuple)):
        if len(value) > limits.MAX_TEMPLATE_ITEMS:
            raise _too_many(len(value))
    return value


def _joined(pieces) -> str:
    """Environment.concat: a captured block or the whole output, refused once it passes the text limit."""
    out: list[str] = []
    total = 0
    for piece in pieces:
        total += len(piece)
        if total > limits.MAX_TEMPLATE_TEXT_CHARS:
            raise _Refused(M.tp_markup_long(limit=f"{limits.MAX_TEMPLATE_TEXT_CHARS:,}"),
                           _generator_line(pieces))
        out.append(piece)
    return "".join(out)


def _generator_line(gen) -> tuple[str, int | None] | None:
    """(template file, line) where a template's render generator last stopped: the innermost one it delegates to."""
    while getattr(gen, "gi_yieldfrom", None) is not None:
        gen = gen.gi_yieldfrom
    frame = getattr(gen, "gi_frame", None)
    if frame is None or not frame.f_code.co_filename.endswith(SUFFIX):
        return None
    return frame.f_code.co_filename, _python_to_template_line(frame.f_globals.get("debug_info", ""), frame.f_lineno)


def _python_to_template_line(debug_info: str, python_line: int) -> int | None:
    """Jinja's ``debug_info`` ("3=12&5=20": template line = line of the generated code) read backwards."""
    best = None
    for pair in debug_info.split("&") if debug_info else ():
        template_line, _, code_line = pair.partition("=")
        if int(code_line) <= python_line:
            best = int(template_line)
    return best


def _check_power(base, exponent) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        if (abs(base).bit_length() - 1) * exponent > _int_bits():
            raise _too_big(M.tp_about(n=f"{int(exponent * math.log10(abs(base))) + 1:,}"))


def _check_repeat(sequence, times) -> None:
    if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) and times > 0:
        size = len(sequence) * times
        if isinstance(sequence, str) and size > limits.MAX_TEMPLATE_TEXT_CHARS:
            raise _too_long(size)
        if not isinstance(sequence, str) and size > limits.MAX_TEMPLATE_ITEMS:
            raise _too_many(size)


_PRINTF_WIDTH = re.compile(r"%[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_FORMAT_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")


def _check_widths(numbers) -> None:
    for n in numbers:
        if n == "*":
            raise _Refused(M.tp_star_width(form="%*d"))
        if n and int(n) > limits.MAX_TEMPLATE_TEXT_CHARS:
            raise _too_long(int(n))


def _check_printf(fmt) -> None:
    if isinstance(fmt, str):
        _check_widths(n for m in _PRINTF_WIDTH.finditer(fmt) for n in m.groups())


def _check_format(fmt) -> None:
    if isinstance(fmt, str):
        if re.search(r"\{[^{}]*:[^{}]*\{", fmt):
            raise _Refused(M.tp_star_width(form="{:{}}"))
        _check_widths(re.findall(r"\d+", " ".join(_FORMAT_SPEC.findall(fmt))))


def _check_replace(text, old, new, count=-1) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        n = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            n = min(n, count)
        size = len(text) + n * (len(new) - len(old))
        if size > limits.MAX_TEMPLATE_TEXT_CHARS:
            raise _too_long(size)


def _check_join(separator, items) -> list:
    """``items`` as a list, once the text joining them is known to be within the limit."""
    items = list(items)
    _checked(items)
    size = len(separator) * max(len(items) - 1, 0) + sum(len(i) for i in items if isinstance(i, str))
    if size > limits.MAX_TEMPLATE_TEXT_CHARS:
        raise _too_long(size)
    return items


def _check_width(text, width) -> None:
    if isinstance(width, int) and width > limits.MAX_TEMPLATE_TEXT_CHARS:
        raise _too_long(width)


_STR_WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill"})


def _checked_call_args(obj, args: tuple, kwargs: dict) -> tuple:
    """Check a call of a string method that makes a long text from short arguments; the args, perhaps listed."""
    target = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(target, "__self__", None)
    if not isinstance(owner, str):
        return args
    name = getattr(target, "__name__", "")
    if name in _STR_WIDTH_METHODS:
        for a in (*args, *kwargs.values()):
            _check_width(owner, a)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            _check_width(owner, size * (owner.count("\t") + 1))
    elif name == "replace" and len(args) >= 2:
        _check_replace(owner, *args[:3])
    elif name == "join" and args:
        args = (_check_join(owner, args[0]), *args[1:])
    elif name in ("format", "format_map"):
        _check_format(owner)
    return args


def _value_arg(fn, args: tuple) -> int:
    """Where a filter's value is among its arguments: after the environment or context Jinja passes first."""
    return 1 if getattr(fn, "jinja_pass_arg", None) is not None else 0


def _filter_checks(name: str, args: tuple, kwargs: dict, at: int) -> tuple:
    value = args[at] if len(args) > at else None
    rest = args[at + 1:]

    def arg(i: int, key: str, default=None):
        return rest[i] if len(rest) > i else kwargs.get(key, default)

    if name == "center":
        _check_width(value, arg(0, "width", 80))
    elif name == "indent":
        width = arg(0, "width", 4)
        pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        if isinstance(value, str):
            _check_width(value, len(value) + pad * (value.count("\n") + 1))
    elif name == "format":
        _check_printf(value)
    elif name == "replace":
        count = arg(2, "count", None)
        _check_replace(value, arg(0, "old"), arg(1, "new"), -1 if count is None else count)
    elif name == "join":
        separator = arg(0, "d", "")
        if isinstance(separator, str) and value is not None and arg(1, "attribute") is None:
            args = (*args[:at], _check_join(separator, value), *rest)
    elif name in ("batch", "slice"):
        n = arg(0, "linecount" if name == "batch" else "slices")
        if isinstance(n, int) and n > limits.MAX_TEMPLATE_ITEMS:
            raise _too_many(n)
    elif name == "wordwrap":
        wrap = arg(2, "wrapstring")
        width = arg(0, "width", 79)
        if isinstance(value, str) and isinstance(wrap, str) and isinstance(width, int):
            _check_width(value, len(value) + len(wrap) * (len(value) // max(width, 1) + 1))
    return args


def _guarded_filter(name: str, fn):
    import functools

    @functools.wraps(fn)  # keeps jinja_pass_arg: Jinja passes the environment or context as it would
    def guarded(*args, **kwargs):
        _step()
        args = _filter_checks(name, args, kwargs, _value_arg(fn, args))
        return _checked(fn(*args, **kwargs))

    return guarded


def _safe_range(*args) -> range:
    numbers = range(*args)
    if len(numbers) > limits.MAX_TEMPLATE_RANGE:
        raise _Refused(M.tp_range(n=f"{len(numbers):,}", limit=f"{limits.MAX_TEMPLATE_RANGE:,}"))
    return numbers


class _Counted:
    """A loop's iterable, each iteration a step; its length is the iterable's (``loop.length``)."""

    __slots__ = ("items",)

    def __init__(self, items) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        budget = _budget.get()
        if budget is None:
            yield from self.items
            return
        for item in self.items:  # _step, inlined: a loop iteration is the commonest step
            budget.steps += 1
            if not budget.steps & 1023 or budget.steps > limits.MAX_TEMPLATE_STEPS:
                _over(budget)
            yield item


# What a step costs, measured on this machine: a loop iteration about 0.5 µs, a call 2 µs, a macro call 20 µs, an
# include 100 µs; weighting them keeps MAX_TEMPLATE_STEPS a bound of about two seconds whatever the template does.
_MACRO_STEPS = 40
_INCLUDE_STEPS = 50


def _loop(items):
    return _Counted(items)


def _guards_transformer():
    from jinja2 import nodes
    from jinja2.visitor import NodeTransformer

    class _Guards(NodeTransformer):
        """Loops iterate through ``_bg_loop`` (each iteration a step), ``~`` joins pass through ``_bg_text``."""

        @staticmethod
        def _call(name: str, node):
            call = nodes.Call(nodes.Name(name, "load"), [node], [], None, None)
            return call.set_lineno(node.lineno)

        def visit_For(self, node):
            node = self.generic_visit(node)
            node.iter = self._call("_bg_loop", node.iter)
            return node

        def visit_Concat(self, node):
            return self._call("_bg_text", self.generic_visit(node))

    return _Guards()


def _sandbox_class():
    from jinja2.runtime import LoopContext, Macro
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BriefingEnvironment(ImmutableSandboxedEnvironment):
        """Jinja2's immutable sandbox with briefgen's limits (see the comment above ``_Refused``)."""

        intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
        concat = staticmethod(_joined)

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.globals["range"] = _safe_range
            self.globals.pop("lipsum", None)  # lorem ipsum of any length: no template needs it
            self.globals.update(_bg_loop=_loop, _bg_text=_checked)

        def _parse(self, source, name, filename):
            tree = _guards_transformer().visit(super()._parse(source, name, filename))
            tree.set_environment(self)
            return tree

        def call_binop(self, context, operator, left, right):
            _step()
            if operator == "**":
                _check_power(left, right)
            elif operator == "*":
                _check_repeat(left, right)
                _check_repeat(right, left)
            elif operator == "%":
                _check_printf(left)
            return _checked(super().call_binop(context, operator, left, right))

        def call(self, context, obj, /, *args, **kwargs):
            _step(_MACRO_STEPS if isinstance(obj, Macro) else 1)
            args = _checked_call_args(obj, args, kwargs)
            budget = _budget.get()
            if budget is None or not isinstance(obj, (Macro, LoopContext)):
                return _checked(super().call(context, obj, *args, **kwargs))
            if isinstance(obj, LoopContext) and args:  # a recursive loop's next level counts its steps too
                args = (_Counted(args[0]), *args[1:])
            budget.depth += 1
            try:
                if budget.depth > limits.MAX_TEMPLATE_DEPTH:
                    raise _Refused(M.tp_depth(limit=limits.MAX_TEMPLATE_DEPTH))
                return _checked(super().call(context, obj, *args, **kwargs))
            finally:
                budget.depth -= 1

        def _load_template(self, name, globals):
            _step(_INCLUDE_STEPS)
            return super()._load_template(name, globals)

    return BriefingEnvironment


_env_cache: dict[tuple, object] = {}


class _Loader(FileSystemLoader):
    """Templates read through briefgen's one decoder (a template saved in GBK, Notepad's "ANSI", reads too), and
    only from inside the template folders: a name with ".." is refused, a link out of a folder is not followed."""

    def get_source(self, environment, template):
        import os

        from jinja2 import TemplateNotFound
        from jinja2.loaders import split_template_path  # refuses "..": a template name never leaves its folder

        from ..load.text import decode_text

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

        from ..cache import cache_root

        compiled = cache_root() / "templates"
        try:
            compiled.mkdir(parents=True, exist_ok=True)
            bytecode_cache = FileSystemBytecodeCache(str(compiled), _BYTECODE_PATTERN)
        except OSError:  # a read-only home: compile each run instead
            bytecode_cache = None
        env = _sandbox_class()(
            loader=_Loader(list(key)),
            bytecode_cache=bytecode_cache,
            undefined=StrictUndefined,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        env.filters.update(num=fmt_number, date_cn=fmt_date, cn=cn_number, sentences=lead_sentences)
        env.filters.update({name: _guarded_filter(name, fn) for name, fn in env.filters.items()})
        env.globals.update(decimals_of=decimals_of, unit_decimals=unit_decimals, shown_value=shown_value, is_count=is_count)
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

    from ..errors import BriefgenError

    env = environment(template_dirs)
    file_name = checked_name(name) if name.endswith(SUFFIX) else checked_name(name) + SUFFIX
    try:
        template = env.get_template(file_name)
    except TemplateNotFound:
        names = ", ".join(i.name for i in list_templates(template_dirs))
        raise TemplateError(M.tp_unknown(name=repr(name), names=names)) from None
    except TemplateSyntaxError as exc:
        raise TemplateError(M.tp_syntax(where=f"{exc.filename or file_name}:{exc.lineno}", detail=exc.message)) from None
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
