"""The per-user cache folder: converted fonts, the system font index, compiled templates.

``$BRIEFGEN_CACHE_DIR`` moves it (tests, CI, a shared office machine).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """``$BRIEFGEN_CACHE_DIR`` if set and non-empty, else the per-user cache folder of briefgen."""
    env = os.environ.get("BRIEFGEN_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefgen", appauthor=False))
