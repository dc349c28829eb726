"""The sandbox a template runs in: what a template may do, and how much.

Jinja2's own sandbox keeps a template from Python's internals; this adds the budget (steps, time, sizes, depth)
that keeps a template from working forever or filling memory, each check before the large step it guards. In:
the environment to harden (_sandbox_class); out: refusals as _Refused, turned into located errors by
templates.render."""

from __future__ import annotations

import math
import re
import time
from contextvars import ContextVar

from .. import limits
from .. import messages as M

SUFFIX = ".xml.j2"  # a template's file name ends so (templates.py names it to users; here it tells a template's frames)


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
