"""karriere.parallel: work beside the build is collected with its phases, fails loudly, and stops when cancelled."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from karriere import parallel, timing


def _wait_for(path: Path, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.01)


def test_collected_work_has_run_and_its_phases_are_added(tmp_path: Path) -> None:
    timing.reset()

    def work() -> None:
        with timing.phase("render"):
            (tmp_path / "page.html").write_text("written in the child", encoding="utf-8")

    beside = parallel.Beside(work)
    with timing.phase("validate"):
        pass
    beside.collect()
    beside.cancel()  # after collect: nothing left to stop
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == "written in the child"
    assert set(timing.phases) == {"validate", "render"}


def test_failed_work_is_raised_with_the_childs_traceback() -> None:
    def work() -> None:
        raise ValueError("a template bug")

    beside = parallel.Beside(work)
    with pytest.raises(parallel.WorkerFailed, match="ValueError: a template bug"):
        beside.collect()


def _late_writer(marker: Path) -> None:
    time.sleep(1.0)
    marker.write_text("too late", encoding="utf-8")


def test_cancel_stops_the_work_and_the_workers_it_started(tmp_path: Path) -> None:
    started, late = tmp_path / "started", tmp_path / "late"

    def work() -> None:  # like the page writers: the child forks workers of its own
        worker = multiprocessing.get_context("fork").Process(target=_late_writer, args=(late,))
        worker.start()
        started.touch()
        worker.join()
        (tmp_path / "finished").touch()

    beside = parallel.Beside(work)
    _wait_for(started)
    beside.cancel()
    time.sleep(1.5)
    assert not late.exists() and not (tmp_path / "finished").exists()


def test_with_one_job_the_work_runs_in_process_only_when_collected(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KARRIERE_JOBS", "1")
    ran: list[str] = []
    cancelled = parallel.Beside(lambda: ran.append("cancelled"))
    cancelled.cancel()
    collected = parallel.Beside(lambda: ran.append("collected"))
    assert ran == []
    collected.collect()
    assert ran == ["collected"]


def test_each_returns_what_every_worker_returned_in_the_order_of_the_items(monkeypatch) -> None:
    import os

    monkeypatch.setenv("KARRIERE_JOBS", "3")
    items = list(range(1000))
    results = parallel.each(items, lambda item: (item * item, os.getpid()))
    assert [square for square, _ in results] == [item * item for item in items]
    assert len({pid for _, pid in results}) == 3  # shared out over three processes, this one among them


def test_each_fails_loudly_when_a_worker_fails(monkeypatch) -> None:
    import os

    monkeypatch.setenv("KARRIERE_JOBS", "2")
    parent = os.getpid()

    def work(item: int) -> int:
        if os.getpid() != parent and item == 501:
            raise ValueError("a template bug")
        return item

    with pytest.raises(parallel.WorkerFailed):
        parallel.each(list(range(1000)), work)
