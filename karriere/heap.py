"""The build and Python's cycle collector.

The build makes a large heap that lives until it ends (the rows, the typed records, every page's
context) and little cyclic garbage. While such a heap grows, the collector walks it again and again:
at N = 2,000 centres that was 60 % of the time spent building the page contexts. So the collector
is paused while the heap is built, and what is built is then frozen (:func:`gc.freeze`): the pages
rendered afterwards, in this process and in forked workers, leave it alone (and forked workers do
not copy its memory by touching it).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def growing() -> Iterator[None]:
    """The collector paused while the block builds a heap that lives on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def frozen() -> Iterator[None]:
    """Everything alive when the block starts is out of the collector's sight until it ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
