"""The jobs: the only part of briefgen that writes documents.

    build(settings)            the documents of one report (build.py)
    check(settings)            everything build does but the writing: `briefgen validate` (build.py)
    batch(settings, ...)       one brief per department, on every core (batch.py)
    pack(settings)             the meeting handout: cover, contents, parts, one DOCX and one PDF (pack.py)
    verify(folder)             re-hash a folder against its manifest.json (manifest.py)

Each takes a Settings (``briefgen.settings``) and returns a JobResult (``results``): the files written or kept,
warnings as located problems, failures, and the time per stage. Shared machinery (inputs, recipe keys, the
locked output folder, archiving) is in ``common``; safe file names in ``names``.
"""

from .batch import batch
from .build import build, check
from .manifest import verify
from .pack import pack
from .results import Failure, JobResult, OutputFile

__all__ = ["build", "check", "batch", "pack", "verify", "JobResult", "OutputFile", "Failure"]
