"""YAML (and JSON, a subset of YAML) -> plain data and a SourceMap with line and column of every value."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import DataError, Location, Problem
from . import SourceMap

try:  # the C loader is several times faster where libyaml is present
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


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
    if node is not None:
        _walk(node, (), sources, name)
    return data, sources


def _walk(node: yaml.Node, path: tuple, sources: SourceMap, name: str) -> None:
    mark = node.start_mark
    sources.add(path, Location(name, mark.line + 1, mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _walk(value, path + (key.value,), sources, name)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), sources, name)
