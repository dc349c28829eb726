"""The shapes corpus (tests/corpus/shapes): short reports written to show the shapes offices' texts take, keyed
by hand. Scored strictly: a keyed figure counts only in the headline list with the same value and growth, a task
only in the plan, a lead only as a task's lead; `extra` counts headline items that match no keyed figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.errors import DataError
from briefgen.extract import extract_text

SHAPES = Path(__file__).resolve().parents[1] / "corpus" / "shapes"


def _same(m: dict, value, growth, exact: bool) -> bool:
    if abs(float(m["value"]) - float(value)) > 1e-6:
        return False
    if growth is None:
        return m.get("yoy") is None if exact else True
    return m.get("yoy") is not None and abs(float(m["yoy"]) - float(growth)) < 1e-6


def _score(name: str, want: dict) -> dict:
    try:
        data = extract_text((SHAPES / name).read_text(encoding="utf-8")).data
    except DataError:
        return {"refused": 1, "headline": 0, "extra": 0, "tasks": 0, "leads": 0, "year": 0}
    heads = data["indicators"]
    texts, leads = [], []
    for section in data["plan"]["sections"]:
        texts.append(section["title"])
        for task in section["tasks"]:
            texts.append(task["title"] + task.get("detail", ""))
            leads.append(task["lead"])
    return {
        "refused": 0,
        "headline": sum(any(_same(m, v, g, True) for m in heads) for v, g in want["indicators"]),
        "extra": sum(not any(_same(m, v, g, False) for v, g in want["indicators"]) for m in heads),
        "tasks": sum(any(w in t for t in texts) for w in want["tasks"]),
        "leads": sum(w in leads for w in want["leads"]),
        "year": int(data["report"]["year"] == want["year"]),
    }


def test_the_shapes_corpus_scores_as_measured():
    key = json.loads((SHAPES / "key.json").read_text(encoding="utf-8"))
    total = {"refused": 0, "headline": 0, "extra": 0, "tasks": 0, "leads": 0, "year": 0}
    for name, want in key.items():
        for k, v in _score(name, want).items():
            total[k] += v
    figures = sum(len(w["indicators"]) for w in key.values())
    tasks = sum(len(w["tasks"]) for w in key.values())
    leads = sum(len(w["leads"]) for w in key.values())
    assert total["refused"] == 0
    assert total["headline"] == figures  # every keyed headline figure, with its growth
    assert total["extra"] <= 4  # sub-items (其中 工业投资) and a count with its growth: no more noise than today
    assert total["tasks"] == tasks
    assert total["leads"] >= leads - 1  # a co-lead (牵头单位：A、B) leads as A, B supports: one lead per task
    assert total["year"] == len(key)


@pytest.mark.parametrize("name", sorted(json.loads((SHAPES / "key.json").read_text(encoding="utf-8"))))
def test_each_shape_report_is_read(name):
    want = json.loads((SHAPES / "key.json").read_text(encoding="utf-8"))[name]
    got = _score(name, want)
    assert got["refused"] == 0 and got["year"] == 1
    assert got["headline"] == len(want["indicators"]) and got["tasks"] == len(want["tasks"])
