"""What a job returns: the files it wrote or kept, the warnings as located problems, and where the time went."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem


@dataclass
class OutputFile:
    path: Path
    template: str
    format: str
    status: str = "built"  # "built" or "unchanged" (an incremental run kept it)
    pages: int | None = None
    scale: float = 1.0
    unit: str | None = None  # the department of a batch brief
    sha256: str = ""


@dataclass
class Failure:
    unit: str  # the department (batch) or template (build)
    reason: str


@dataclass
class JobResult:
    outputs: list[OutputFile] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # settings ignored, stale files removed …
    failed: list[Failure] = field(default_factory=list)
    without_tasks: list[str] = field(default_factory=list)  # batch: departments that got no brief
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    manifest: Path | None = None

    @property
    def built(self) -> list[OutputFile]:
        return [o for o in self.outputs if o.status == "built"]

    @property
    def unchanged(self) -> list[OutputFile]:
        return [o for o in self.outputs if o.status == "unchanged"]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0
