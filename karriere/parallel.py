"""Work on every core.

:func:`each` writes pages: the pages are independent, so each worker writes its share of them. (The
package's tables are validated in the same way: :func:`karriere.package.validate`.)
Workers are forked after every page's context is ready, so they share it without copying or
pickling; each writes its own files, and sends back what writing them returned. The output does not
depend on the number of workers (a test
builds with one and with several and compares the bytes).

:class:`Beside` runs one piece of work in a forked child while this process does another: the build
renders the site while Frictionless validates the package, and throws the pages away if it finds
a problem.

``KARRIERE_JOBS=1`` does everything in-process, one thing after the other (for profiling).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from karriere import timing

log = logging.getLogger(__name__)

#: Below this many pages forking costs more than it saves.
MIN_PAGES_PER_WORKER = 200

_job: tuple[Sequence[Any], Callable[[Any], Any], int] | None = None


class WorkerFailed(RuntimeError):
    """A worker stopped with an error (its traceback is on standard error, or logged at debug level).
    A bug, never bad data."""


def cores() -> int:
    return int(os.environ.get("KARRIERE_JOBS", "0")) or len(os.sched_getaffinity(0))


def forking() -> bool:
    return cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


def workers(amount: int, per_worker: int = MIN_PAGES_PER_WORKER) -> int:
    """How many workers share *amount* of work (pages, by default): one per *per_worker*, one per core
    at most."""
    return max(1, min(cores(), amount // per_worker, 8))


def _share(index: int) -> list[Any]:
    assert _job is not None
    items, work, count = _job
    return [work(item) for item in items[index::count]]


def _send_share(index: int, sender) -> None:
    sender.send(_share(index))


def each(items: Sequence[Any], work: Callable[[Any], Any], count: int | None = None) -> list[Any]:
    """Call *work* on every item, spread over *count* workers (by default, the available cores when
    there are enough items; see :func:`workers`); return what it returned, in the order of *items*.
    Worker *i* of *n* gets items *i*, *i + n*, *i + 2n* …"""
    global _job
    count = min(workers(len(items)) if count is None else count, len(items))
    if count <= 1 or not forking():
        return [work(item) for item in items]
    _job = (items, work, count)
    context = multiprocessing.get_context("fork")
    shares: list[list[Any]] = [[] for _ in range(count)]
    try:
        pipes = [context.Pipe(duplex=False) for _ in range(1, count)]
        children = [
            context.Process(target=_send_share, args=(index, sender))
            for index, (_, sender) in enumerate(pipes, start=1)
        ]
        for child in children:
            child.start()
        for _, sender in pipes:
            sender.close()
        shares[0] = _share(0)
        for index, (receiver, _) in enumerate(pipes, start=1):
            with contextlib.suppress(EOFError):  # a worker that failed sends nothing
                shares[index] = receiver.recv()
        for child in children:
            child.join()
    finally:
        _job = None
    if any(child.exitcode != 0 for child in children):
        raise WorkerFailed("a worker failed; see the error above")
    out: list[Any] = [None] * len(items)
    for index, share in enumerate(shares):
        out[index::count] = share
    return out


class Beside:
    """Run *work* while the caller does something else, and later either :meth:`collect` it or
    :meth:`cancel` it.

    *work* runs in a forked child in a process group of its own, so that cancelling stops it and any
    workers it forked in turn (nothing they were writing is used). Its phases (:mod:`karriere.timing`)
    are added to this process's when it is collected; an exception in it is raised again here as
    :class:`WorkerFailed` (the child's traceback is logged at debug level). Without fork, or with
    ``KARRIERE_JOBS=1``, *work* runs in-process when it is collected, and not at all when it is
    cancelled.
    """

    def __init__(self, work: Callable[[], None]):
        self.work = work
        self.child = None
        if forking():
            context = multiprocessing.get_context("fork")
            self.results, sender = context.Pipe(duplex=False)
            self.child = context.Process(target=self._run, args=(sender,))
            self.child.start()
            sender.close()
            # The child does so too: whoever is first wins, and a cancel cannot miss the group.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.setpgid(self.child.pid, self.child.pid)

    def _run(self, sender) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.setpgid(0, 0)
        timing.reset()
        try:
            self.work()
            sender.send(("done", dict(timing.phases)))
        except BaseException:
            sender.send(("failed", traceback.format_exc()))

    def collect(self) -> None:
        """Wait for the work to end; raise :class:`WorkerFailed` if it failed."""
        if self.child is None:
            self.work()
            return
        try:
            outcome, detail = self.results.recv()
        except EOFError:  # killed, or ended without a word
            outcome, detail = "failed", ""
        self.child.join()
        detail = detail or f"the child process ended with exit status {self.child.exitcode}"
        self.child = None
        if outcome == "failed":
            # The last line (the exception) for the person; the whole traceback with --debug.
            log.debug("the work beside the build failed:\n%s", detail)
            raise WorkerFailed(detail.strip().splitlines()[-1])
        for name, seconds in detail.items():
            timing.phases[name] = timing.phases.get(name, 0.0) + seconds

    def cancel(self) -> None:
        """Stop the work and everything it started, and wait until they have stopped."""
        if self.child is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.child.pid, signal.SIGKILL)
        self.child.join()
        self.child = None
