"""Write pages on every core: the pages are independent, so each worker writes its share of them.

Workers are forked after every page's context is ready, so they share it without copying or
pickling; each writes its own files. The output does not depend on the number of workers (a test
builds with one and with several and compares the bytes). ``KARRIERE_JOBS=1`` writes in-process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

#: Below this many pages forking costs more than it saves.
MIN_PAGES_PER_WORKER = 200

_job: tuple[Sequence[Any], Callable[[Any], None], int] | None = None


class WorkerFailed(RuntimeError):
    """A worker stopped with an error; its traceback is on standard error. A bug, never bad data."""


def workers(pages: int) -> int:
    wanted = int(os.environ.get("KARRIERE_JOBS", "0")) or len(os.sched_getaffinity(0))
    return max(1, min(wanted, pages // MIN_PAGES_PER_WORKER, 8))


def _share(index: int) -> None:
    assert _job is not None
    items, write, count = _job
    for item in items[index::count]:
        write(item)


def each(items: Sequence[Any], write: Callable[[Any], None]) -> None:
    """Call *write* on every item, spread over the available cores when there are enough items."""
    global _job
    count = workers(len(items))
    if count == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            write(item)
        return
    _job = (items, write, count)
    context = multiprocessing.get_context("fork")
    try:
        children = [context.Process(target=_share, args=(index,)) for index in range(1, count)]
        for child in children:
            child.start()
        _share(0)
        for child in children:
            child.join()
    finally:
        _job = None
    if any(child.exitcode != 0 for child in children):
        raise WorkerFailed("a page-writing worker failed; see the error above")
