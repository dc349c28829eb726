from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Repeatable runs: fonts come from the bundled Noto fonts, never from whatever this machine has
# installed (tests of system-font resolution set their own folders).
os.environ.setdefault("BRIEFGEN_FONT_DIRS", "")
# The tests' own cache (converted fonts, compiled templates, title words), kept between runs in the
# checkout's build folder but apart from the user's real cache.
os.environ.setdefault("BRIEFGEN_CACHE_DIR", str(Path(__file__).resolve().parents[1] / "build" / "test-cache"))
# Messages in English whatever this machine's language (tests of Chinese messages ask for it themselves).
os.environ["LC_ALL"] = "C.UTF-8"
# The user's data folder (the default archive catalogue the page files into) is the run's own, never the tester's.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="briefgen-test-data-")
os.environ.pop("LANGUAGE", None)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "qianjiang-2022-h1.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def build_pack(data, out, **settings):
    """briefgen.build with files named after their templates (summary.pdf …), as most tests read them."""
    import briefgen

    options = {"data": data, "out": out, "names": "{template}", **settings}
    return briefgen.build(briefgen.Settings(**options))


@pytest.fixture(scope="session")
def sample_pack(tmp_path_factory):
    """The example pack built once from the sample data: summary and tasks, DOCX and PDF."""
    out = tmp_path_factory.mktemp("pack")
    result = build_pack(SAMPLE, out)
    return out, result


@pytest.fixture(scope="session")
def sample_report():
    from briefgen.compose import load_report

    return load_report(SAMPLE)[0]


@pytest.fixture(autouse=True)
def _the_environments_language():
    """A test that runs the CLI in this process with --lang zh leaves the process speaking Chinese: every test
    starts from the environment's language (English, above) again."""
    yield
    from briefgen.i18n import set_language

    set_language(None)


@pytest.fixture(autouse=True)
def _the_processes_signal_handlers():
    """A test that runs the CLI in this process installs its SIGTERM handler (and a library may set others); the
    handlers are inherited by every process the later tests fork or start, so a later batch would not stop on
    Ctrl-C or SIGTERM as a user's does. Every test starts from the handlers the session began with."""
    import signal

    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in kept.items():
        if signal.getsignal(sig) is not handler and handler is not None:
            signal.signal(sig, handler)
