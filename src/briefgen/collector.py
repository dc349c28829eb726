"""The cyclic garbage collector paused around work that builds what lives on: importing the jobs' modules, loading
and checking the data, planning, the warm-up's fonts. Such work makes up to a million objects and next to no garbage
cycles (a batch's parent leaves ~700 unreachable objects in all), yet the collector would walk the growing heap
again and again, and once more at its first collection after (~50 ms of a batch parent's 0.45 s before its pool
starts; a rerun of the sample build that keeps every file: 2,052 -> 1,976 M instructions).

    with paused():      # no collection inside; what was made inside frozen (gc.freeze) on the way out
        ...
    gc.unfreeze()       # when the run is done: the frozen objects back to the collector (its oldest generation)

Rendering makes real garbage cycles: never pause around it.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """No cyclic garbage collection inside, and what was made inside frozen on the way out."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()
