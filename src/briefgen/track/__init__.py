"""Following the plan's tasks up (督办): progress tables -> a status per task by a named rule on an explicit as-of
date -> the follow-up documents' data (督办通报, 催办单, 台账, 销号清单).

    import briefgen
    from briefgen.track import forms, report
    settings = briefgen.load_settings({"data": "plan.yaml", "out": "督办"})
    forms(settings, "2022-09")                                   # 督办/2022-09/进度表/*.xlsx
    report(settings, [Path("汇总.xlsx")], date(2022, 9, 30))     # 督办/2022-09/督办通报_第1期_2022-09.pdf …

Stages: ``plan`` (the plan's tasks, deadlines as dates), ``briefgen.load.progress`` (progress rows with their cells),
``follow`` (matching, statuses by ``rules`` and rules.toml), ``summary`` (every figure the documents print),
``progress_form`` and ``ledger`` (workbooks), ``job`` (the plans of outputs and their writing).
"""

from __future__ import annotations

__all__ = ["forms", "report"]


def forms(settings, period: str):
    """One 进度表 per 牵头单位 for ``period`` (2022-09) into OUT/PERIOD/进度表 -> a JobResult."""
    from .job import forms as run

    return run(settings, period)


def report(settings, progress, as_of, period: str | None = None):
    """The period's 督办通报, 催办单, 台账, 销号清单 and kept result into OUT/PERIOD -> a JobResult."""
    from .job import report as run

    return run(settings, list(progress), as_of, period)
