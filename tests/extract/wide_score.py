"""Scoring of `briefgen extract` on the wide corpus (tests/corpus/wide): reports of every kind offices have.

Each report ``X.txt`` has ``X.expected.yaml``, written by hand from the text before the extractor was run
on it: kind, title, year, date, tally, every result figure (indicators), and for task-assignment documents
the tasks with their lead and supporting units.

Measures, per report kind: headline-figure recall and precision (the matching rule of tests/test_extract.py:
value and unit equal, yoy/progress equal where expected, names overlapping), refusals (a DataError),
year, title and date right, tally right, and tasks found with the right lead and supporting units.

    python tests/extract/wide_score.py            # the development corpus
    python tests/extract/wide_score.py --blind    # the blind part (score once per change of approach)
    python tests/extract/wide_score.py --blind2   # the second blind part
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

WIDE = Path(__file__).resolve().parents[1] / "corpus" / "wide"
BLIND = WIDE / "blind"
BLIND2 = WIDE / "blind2"  # a second blind set, written after the first blind run had been used for fixes


def _lcs(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def names_overlap(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a or _lcs(a, b) >= 4)


def figure_matches(expected: dict, found: dict) -> bool:
    if Decimal(str(found["value"])) != Decimal(str(expected["value"])) or found["unit"] != expected["unit"]:
        return False
    for key in ("yoy", "progress"):
        if key in expected and (key not in found or Decimal(str(found[key])) != Decimal(str(expected[key]))):
            return False
    return names_overlap(expected["name"], found["name"])


def all_figures(data: dict) -> list[dict]:
    return list(data.get("indicators", [])) + [r for s in data.get("review", {}).get("sections", []) for r in s.get("results", [])]


def all_tasks(data: dict) -> list[dict]:
    return [t for s in data.get("plan", {}).get("sections", []) for t in s.get("tasks", [])]


@dataclass
class ReportScore:
    name: str
    kind: str
    refused: str | None = None
    true: int = 0
    found: int = 0
    hits: int = 0
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    year_ok: bool = False
    title_ok: bool = False
    date_ok: bool = False
    tally_ok: bool = True
    tasks_true: int = 0
    tasks_ok: int = 0
    task_problems: list = field(default_factory=list)
    got: dict = field(default_factory=dict)


def score_report(path: Path) -> ReportScore:
    from briefgen.errors import DataError
    from briefgen.extract import extract

    expected = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    s = ReportScore(path.stem, expected["kind"], true=len(expected["indicators"]), tasks_true=len(expected.get("tasks") or []))
    try:
        result = extract(path)
    except DataError as exc:
        s.refused = str(exc)
        s.missed = list(expected["indicators"])
        s.tally_ok = expected.get("tally") is None
        return s
    data = result.data
    meta = data["report"]
    s.got = {"title": meta.get("title"), "year": meta.get("year"), "date": meta.get("date")}
    found = all_figures(data)
    s.found = len(found)
    unused = list(found)
    for e in expected["indicators"]:
        hit = next((f for f in unused if figure_matches(e, f)), None)
        if hit is None:
            s.missed.append(e)
        else:
            unused.remove(hit)
            s.hits += 1
    s.extra = unused
    s.title_ok = meta.get("title") == expected["title"]
    s.year_ok = meta.get("year") == expected["year"] and "report.year" not in result.reasons
    if expected.get("date") is None:
        s.date_ok = "report.date" in result.reasons
    else:
        s.date_ok = meta.get("date") == expected["date"] and "report.date" not in result.reasons
    tally = data.get("tally")
    if expected.get("tally") is None:
        s.tally_ok = tally is None
    else:
        s.tally_ok = tally is not None and all(tally.get(k, 0) == v for k, v in expected["tally"].items())
    tasks = all_tasks(data)
    unused_t = list(tasks)
    for e in expected.get("tasks") or []:
        hit = next((t for t in unused_t if names_overlap(e["title"], t["title"])), None)
        if hit is None:
            s.task_problems.append(f"missing task {e['title']}")
            continue
        unused_t.remove(hit)
        if hit.get("lead") == e["lead"] and list(hit.get("support") or []) == list(e.get("support") or []):
            s.tasks_ok += 1
        else:
            s.task_problems.append(f"{e['title']}: lead {hit.get('lead')} support {hit.get('support')}")
    return s


def score_folder(folder: Path) -> list[ReportScore]:
    return [score_report(p) for p in sorted(folder.glob("*.txt"))]


def table(scores: list[ReportScore]) -> str:
    by_kind: dict[str, list[ReportScore]] = defaultdict(list)
    for s in scores:
        by_kind[s.kind].append(s)
    rows = ["kind | reports | refused | recall | precision | year | title | date | tally | tasks"]

    def row(label, group):
        true = sum(s.true for s in group)
        found = sum(s.found for s in group)
        hits = sum(s.hits for s in group)
        tt = sum(s.tasks_true for s in group)
        tok = sum(s.tasks_ok for s in group)
        rec = f"{hits}/{true}" + (f" {hits / true:.0%}" if true else "")
        prec = f"{hits}/{found}" + (f" {hits / found:.0%}" if found else "")
        n = len(group)
        return (f"{label} | {n} | {sum(1 for s in group if s.refused)} | {rec} | {prec} | "
                f"{sum(s.year_ok for s in group)}/{n} | {sum(s.title_ok for s in group)}/{n} | "
                f"{sum(s.date_ok for s in group)}/{n} | {sum(s.tally_ok for s in group)}/{n} | "
                + (f"{tok}/{tt}" if tt else "-"))

    for kind in sorted(by_kind):
        rows.append(row(kind, by_kind[kind]))
    rows.append(row("ALL", scores))
    return "\n".join(rows)


def totals(scores: list[ReportScore]) -> dict:
    true = sum(s.true for s in scores)
    found = sum(s.found for s in scores)
    hits = sum(s.hits for s in scores)
    tt = sum(s.tasks_true for s in scores)
    return {
        "recall": hits / true if true else 1.0,
        "precision": hits / found if found else (1.0 if not true else 0.0),
        "refused": sum(1 for s in scores if s.refused),
        "year": sum(s.year_ok for s in scores) / len(scores),
        "title": sum(s.title_ok for s in scores) / len(scores),
        "tasks": sum(s.tasks_ok for s in scores) / tt if tt else 1.0,
    }


def main(argv: list[str]) -> None:
    folder = BLIND2 if "--blind2" in argv else BLIND if "--blind" in argv else WIDE
    scores = score_folder(folder)
    if "-v" in argv:
        for s in scores:
            print(f"== {s.name} ({s.kind}) {'REFUSED: ' + s.refused if s.refused else ''}")
            print(f"   got {s.got}")
            for m in s.missed:
                print(f"   missed {m}")
            for e in s.extra:
                print(f"   extra  {e}")
            for p in s.task_problems:
                print(f"   task   {p}")
    print(table(scores))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    main(sys.argv[1:])
