"""Wall-clock time per build phase, read by the benchmark (bench/run.py); the build never depends on it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

#: Seconds per phase of the latest build in this process, in the order the phases ran.
phases: dict[str, float] = {}


@contextmanager
def phase(name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        phases[name] = phases.get(name, 0.0) + time.perf_counter() - started


def reset() -> None:
    phases.clear()
