"""YAML (and JSON, a subset of YAML) -> plain data and a SourceMap with line and column of every value.

A data file is not trusted: before any object is built, the parsed nodes are checked against ``briefgen.limits``
(aliases that refer to themselves, alias and merge-key bombs counted by the values they expand to, nesting depth,
list length, numbers of thousands of digits, text that is too long or holds control characters), and each
refusal is one Problem at the value's line and column.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from .. import limits
from .. import messages as M
from .text import decode_text
from ..errors import DataError, Location, Problem
from ..model.fields import colon_slip, field_label
from .source import SourceMap, read_limited

try:  # the C loader is several times faster where libyaml is present
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class _Loader(_Base):
    """Safe YAML, except that a date that does not exist (2022-13-45) stays text, so that the model
    reports it at its place instead of the YAML library failing without one."""


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"

# Characters that neither DOCX (XML 1.0) nor PDF text can hold, or that hide what a text says: C0 and C1 control
# characters other than tab and line breaks, and the Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, …).
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef\ufffe\uffff"
                       "\U0001fffe\U0001ffff\U0010fffe\U0010ffff\ud800-\udfff]")


def bad_character(text: str):
    """A message naming the first control character or noncharacter in ``text`` and where, or None.

    Shared by the table readers (a cell's text) and the model's last check.
    """
    m = _BAD_CHAR.search(text)
    if m is None:
        return None
    ch = m.group()
    kind = {"Cs": M.char_surrogate, "Cn": M.char_noncharacter}.get(unicodedata.category(ch), M.char_control)()
    label = {"\x00": "NUL", "\x1b": "ESC", "\x07": "BEL", "\x08": "BACKSPACE", "\x7f": "DELETE"}.get(ch, kind)
    before = " ".join(_BAD_CHAR.sub(" ", text[max(0, m.start() - 10):m.start()]).split())  # one line, printable
    code, pos = f"{ord(ch):04X}", m.start() + 1
    if before:
        return M.invisible_char_after(code=code, label=label, pos=pos, before=before)
    return M.invisible_char(code=code, label=label, pos=pos)


def load_yaml(path: Path, name: str) -> tuple[object, SourceMap]:
    raw = read_limited(path, name, limits.MAX_DATA_FILE_BYTES, "data file")
    text = decode_text(raw, name)
    try:
        loader = _Loader(text)  # one parse gives both the nodes (for locations) and the data
        try:
            node = loader.get_single_node()
            if node is not None:
                check_graph(node, name)  # on the nodes, before anything is built or walked: bombs and loops
                refused = _check_values(node, name)
                if refused:
                    raise DataError(refused)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise DataError([_syntax_problem(exc, text, name)]) from None
    except yaml.reader.ReaderError as exc:  # a raw control character in the file, found before parsing
        where = Location(name)
        if isinstance(exc.position, int):  # libyaml counts UTF-8 bytes, the Python reader characters
            before = (text.encode("utf-8")[: exc.position].decode("utf-8", "ignore") if _Base is not yaml.SafeLoader
                      else text[: exc.position])
            where = Location(name, before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        raise DataError([Problem(where, "", M.yaml_raw_control(code=f"{code:04X}"))]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(Location(name), "", M.yaml_invalid(detail=" ".join(str(exc).split())))]) from None
    except (ValueError, OverflowError, RecursionError, TypeError) as exc:  # pragma: no cover - refused before
        raise DataError([Problem(Location(name), "", M.yaml_unreadable(kind=type(exc).__name__, detail=exc))]) from None
    sources = SourceMap(name)
    sources.add((), Location(name, 1, 1))
    twice: list[Problem] = []
    if node is not None:
        _walk(node, (), sources, name, twice, data)
    if twice:
        raise DataError(twice)
    sources.warnings.extend(_unchecked(text, sources, name, data))
    return data, sources


_UNCHECKED = re.compile(r"#\s*待核实\s*[:：]?\s*(.*)$")


def _unchecked(text: str, sources: SourceMap, name: str, data: object) -> list[Problem]:
    """A warning at each value a draft still marks ``# 待核实`` (extract writes the mark and its reason): a guess
    must not print as a fact without a word (``--strict`` stops on it)."""
    marked = {}
    for number, line in enumerate(text.splitlines(), 1):
        m = _UNCHECKED.search(line)
        if m and not line.lstrip().startswith("#"):  # a value's own comment, not the draft's header
            marked[number] = m.group(1).strip()
    if not marked:
        return []
    at_line: dict[int, tuple] = {}
    for path, where in sources.spots.items():
        if where.line in marked and len(path) >= len(at_line.get(where.line, ())):
            at_line[where.line] = path
    found = []
    for number, reason in marked.items():
        path = at_line.get(number)
        if path is None:
            continue
        found.append(Problem(sources.locate(path), field_label(path, data), M.still_unchecked(reason=reason or "—")))
    return found


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """A YAML syntax error as one located line; an input method's full-width colon or space (``value：31.3``), a
    missing space after a colon, a tab or a colon inside a value gets its fix instead of libyaml's words."""
    mark = exc.problem_mark or exc.context_mark
    where = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
    what = exc.problem or exc.context or "invalid YAML"
    lines = text.splitlines()
    # The line that YAML read as one string is the one it was scanning a key on, or the one before the problem.
    candidates = [m.line for m in (exc.context_mark, exc.problem_mark) if m is not None]
    if exc.problem_mark is not None:
        candidates.append(exc.problem_mark.line - 1)
    for n in dict.fromkeys(candidates):
        if 0 <= n < len(lines):
            hint = _slip_in(lines[n])
            if hint is not None:
                column = len(lines[n]) - len(lines[n].lstrip()) + 1
                return Problem(Location(name, n + 1, column), "", hint)
    if "tab character" in what or (mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]):
        return Problem(where, "", M.yaml_tab())
    if (what.startswith("mapping values are not allowed") and mark is not None and mark.line < len(lines)
            and lines[mark.line].count(":") >= 2):
        return Problem(where, "", M.yaml_colon_in_value(text=lines[mark.line].strip()))
    return Problem(where, "", M.yaml_invalid(detail=what))


def _slip_in(line: str):
    return colon_slip(line.split(" #")[0]) if line.strip() and not line.lstrip().startswith("#") else None


def _at(name: str, node: yaml.Node) -> Location:
    return Location(name, node.start_mark.line + 1, node.start_mark.column + 1)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_graph(root: yaml.Node, name: str) -> None:
    """Refuse, before any value is built, a document whose aliases loop or expand it beyond the limits.

    An alias (``*name``) is the very node its anchor (``&name``) made, so the parsed document is a graph; each
    distinct node is visited once, and the size and depth it would have written out are summed from its
    children. A billion-laughs bomb of a few hundred bytes is thus measured, never expanded.
    """
    size: dict[int, int] = {}  # id(node) -> values it expands to (capped), once done
    depth: dict[int, int] = {}
    active: set[int] = set()  # nodes on the current path: meeting one again is a loop
    edges = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    cap = limits.MAX_YAML_NODES + 1
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            kids = _children(node)
            size[key] = min(cap, 1 + sum(size[id(k)] for k in kids))
            depth[key] = min(limits.MAX_NESTING_DEPTH + 1, 1 + max((depth[id(k)] for k in kids), default=0))
            active.discard(key)
            continue
        if key in size:
            continue
        active.add(key)
        stack.append((node, True))
        for kid in reversed(_children(node)):
            edges += 1
            if id(kid) in active:
                raise DataError([Problem(_at(name, kid), "", M.alias_loop())])
            if id(kid) not in size:
                stack.append((kid, False))
    aliases = edges - (len(size) - 1)
    if aliases > limits.MAX_YAML_ALIASES:
        raise DataError([Problem(Location(name), "", limits.refusal(
            M.aliases_used(n=f"{aliases:,}"), M.limit_aliases(n=f"{limits.MAX_YAML_ALIASES:,}"), M.fix_write_out()))])
    if size[id(root)] > limits.MAX_YAML_NODES:
        where, field = root, ""
        if isinstance(root, yaml.MappingNode) and root.value:  # name the top-level key that grows
            k, v = max(root.value, key=lambda kv: size[id(kv[1])])
            where, field = v, field_label((str(k.value),)) if isinstance(k, yaml.ScalarNode) else ""
        raise DataError([Problem(_at(name, where), field, limits.refusal(
            M.nodes_expand(n=f"{limits.MAX_YAML_NODES:,}"), M.limit_nodes(n=f"{limits.MAX_YAML_NODES:,}"), M.fix_nodes()))])
    if depth[id(root)] > limits.MAX_NESTING_DEPTH:
        node = root
        for _ in range(limits.MAX_NESTING_DEPTH):  # down the deepest branch to the first level too many
            kids = _children(node)
            if not kids:
                break
            node = max(kids, key=lambda k: depth[id(k)])
        raise DataError([Problem(_at(name, node), "", limits.refusal(
            M.nested_deep(n=f"{limits.MAX_NESTING_DEPTH:,}"), M.limit_depth(n=f"{limits.MAX_NESTING_DEPTH:,}"), M.fix_depth()))])


def _check_values(root: yaml.Node, name: str) -> list[Problem]:
    """Each distinct node once: lists too long, numbers too long to read, text too long or with control characters."""
    problems: list[tuple[yaml.Node, tuple, object]] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple]] = [(root, ())]
    while stack and len(problems) < 20:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            problem = _scalar_problem(node)
            if problem:
                problems.append((node, path, problem))
        elif isinstance(node, yaml.SequenceNode):
            if len(node.value) > limits.MAX_LIST_ITEMS:
                problems.append((node, path, limits.refusal(
                    M.list_items(n=f"{len(node.value):,}"), M.limit_list(n=f"{limits.MAX_LIST_ITEMS:,}"), M.fix_list())))
                continue
            stack.extend((item, path + (i,)) for i, item in reversed(list(enumerate(node.value))))
        elif isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                label = k.value if isinstance(k, yaml.ScalarNode) else "?"
                stack.append((v, path + (label,)))
                stack.append((k, path + (label,)))
    if not problems:
        return []
    names = _plain(root)  # the titles and names that label a task or an indicator (the graph is bounded by now)
    found = [Problem(_at(name, node), field_label(path, names), problem) for node, path, problem in problems]
    found.sort(key=lambda p: (p.location.line or 0, p.location.column or 0))
    return found


def _plain(node: yaml.Node, depth: int = 0):
    """The document as mappings, lists and scalars' text, without building typed values (for labels only)."""
    if depth > limits.MAX_NESTING_DEPTH:
        return None
    if isinstance(node, yaml.MappingNode):
        return {k.value: _plain(v, depth + 1) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v, depth + 1) for v in node.value]
    return node.value


def _scalar_problem(node: yaml.ScalarNode):
    value = node.value
    if node.tag in (_INT, _FLOAT) and len(value) > limits.MAX_NUMBER_CHARS:
        digits = sum(ch.isdigit() for ch in value)
        return limits.refusal(M.number_digits(n=f"{digits:,}"), M.limit_number_chars(n=f"{limits.MAX_NUMBER_CHARS:,}"),
                              M.fix_number_chars())
    if len(value) > limits.MAX_STRING_CHARS:
        return limits.refusal(M.text_chars(n=f"{len(value):,}"), M.limit_text(n=f"{limits.MAX_STRING_CHARS:,}"), M.fix_text())
    return bad_character(value)


def _walk(node: yaml.Node, path: tuple, sources: SourceMap, name: str, twice: list[Problem], data=None) -> None:
    mark = node.start_mark
    sources.add(path, Location(name, mark.line + 1, mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1
                if key.value in seen:  # YAML would silently keep the last one
                    twice.append(Problem(Location(name, line, key.start_mark.column + 1), field_label(path + (key.value,), data),
                                         M.given_twice(line=seen[key.value])))
                seen.setdefault(key.value, line)
                _walk(value, path + (key.value,), sources, name, twice, data)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), sources, name, twice, data)
