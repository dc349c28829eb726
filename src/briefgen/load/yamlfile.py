"""YAML (and JSON, a subset of YAML) -> plain data and a SourceMap with line and column of every value."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import DataError, Location, Problem
from . import SourceMap

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
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_yaml(path: Path, name: str) -> tuple[object, SourceMap]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:  # Notepad on Chinese Windows saves "ANSI", that is GBK: read it as GB18030, its superset
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise DataError([Problem(Location(name), "", f"not UTF-8 or GB18030 text (byte {exc.start}); save the file as UTF-8")]) from None
    try:
        loader = _Loader(text)  # one parse gives both the nodes (for locations) and the data
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
        what = exc.problem or exc.context or "invalid YAML"
        raise DataError([Problem(where, "", f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(Location(name), "", f"invalid YAML: {exc}")]) from None
    sources = SourceMap(name)
    sources.add((), Location(name, 1, 1))
    twice: list[Problem] = []
    if node is not None:
        _walk(node, (), sources, name, twice)
    if twice:
        raise DataError(twice)
    return data, sources


def _walk(node: yaml.Node, path: tuple, sources: SourceMap, name: str, twice: list[Problem]) -> None:
    mark = node.start_mark
    sources.add(path, Location(name, mark.line + 1, mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1
                if key.value in seen:  # YAML would silently keep the last one
                    from ..model import field_label

                    twice.append(Problem(Location(name, line, key.start_mark.column + 1), field_label(path + (key.value,)),
                                         f"given twice (also on line {seen[key.value]}); keep one"))
                seen.setdefault(key.value, line)
                _walk(value, path + (key.value,), sources, name, twice)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), sources, name, twice)
