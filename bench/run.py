"""The budgets, measured: a benchmark, not a test (it prints medians and ratios; it asserts nothing).

    python bench/run.py                  # every budget, 5 runs each
    python bench/run.py --runs 3 --old 98d151a --sizes 250,1000,2000

1. ``check`` on the real data, whole process, against ``frictionless validate`` on the package it
   publishes, run alternately: the ratio should be at most 1.
2. ``build`` on the real data against the same command at an older commit (``--old``, checked out into
   a temporary worktree), run alternately: at most 1.
3. The preview: ``build.py serve`` running on a copy of the real data; a centre's file is saved and the
   time until the served page shows the change is measured over HTTP: at most 1.5 s.
4. National scale: a full build of synthetic data (bench/generate.py) with N centres, whole process:
   under 60 s and 1 GB at N = 2,000, and the time per centre not growing with N.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402

PY = sys.executable
#: Runs a command and prints its peak resident memory in kB (the largest of its processes).
PEAK = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"  # noqa: E501


def timed(args: list[str], cwd: Path = ROOT) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - started


def timed_with_peak(args: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run([PY, "-c", PEAK, *args], check=True, capture_output=True, text=True)
    return time.perf_counter() - started, int(result.stdout.split()[-1]) // 1024


def median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def alternate(runs: int, a: list[str], b: list[str], cwd_b: Path = ROOT) -> tuple[list[float], list[float]]:
    """Each run times *a* then *b* back to back, so that both see the shared machine alike."""
    first, second = [], []
    for _ in range(runs):
        first.append(timed(a))
        second.append(timed(b, cwd_b))
    return first, second


def check_vs_frictionless(runs: int, work: Path) -> None:
    site = work / "site"
    subprocess.run([PY, "build.py", "build", "--output", str(site)], check=True, capture_output=True, cwd=ROOT)
    frictionless = str(Path(PY).with_name("frictionless"))
    ours, theirs = alternate(
        runs, [PY, "build.py", "check"], [frictionless, "validate", str(site / "data" / "datapackage.json")]
    )
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"| check (real data) | {median(ours)} | frictionless validate: {median(theirs)} | {ratio:.2f} | ≤ 1 |")


def build_vs_old(runs: int, old: str, work: Path) -> None:
    tree = work / "old"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), old], check=True, capture_output=True, cwd=ROOT)
    try:
        new, before = alternate(
            runs,
            [PY, "build.py", "build", "--output", str(work / "new-site")],
            [PY, "build.py", "build", "--output", str(work / "old-site")],
            cwd_b=tree,
        )
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], capture_output=True, cwd=ROOT)
    ratio = statistics.median(new) / statistics.median(before)
    print(f"| build (real data) | {median(new)} | {old}: {median(before)} | {ratio:.2f} | ≤ 1 |")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page(url: str) -> str:
    with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")
    return ""


def preview_edit(runs: int, work: Path) -> None:
    data, output, port = work / "data", work / "served", free_port()
    shutil.copytree(ROOT / "data", data)
    server = subprocess.Popen(
        [PY, "build.py", "serve", "--data", str(data), "--output", str(output), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/senter/kongsberg/"
    centre = data / "centres" / "buskerud" / "kongsberg.yaml"
    original = centre.read_text(encoding="utf-8")
    times = []
    try:
        deadline = time.monotonic() + 120
        while "Kongsberg" not in page(url) and time.monotonic() < deadline:
            time.sleep(0.05)
        for run in range(runs):
            time.sleep(3)  # the search index of the previous edit is in; the machine is quiet again
            marker = f"Endring nummer {run}"
            centre.write_text(
                original.replace("\nname: Kongsberg karrieresenter", f"\nname: {marker}"), encoding="utf-8"
            )
            saved = time.perf_counter()
            while marker not in page(url):
                if time.perf_counter() - saved > 60:
                    raise RuntimeError("the preview did not show the edit within a minute")
                time.sleep(0.01)
            times.append(time.perf_counter() - saved)
    finally:
        server.terminate()
        server.wait()
    print(f"| preview: edit saved → page served (real data) | {median(times)} | | | ≤ 1.5 s |")


def national(sizes: list[int], work: Path) -> None:
    print()
    print("| N centres | full build | per centre | peak memory | budget |")
    print("| ---: | ---: | ---: | ---: | --- |")
    for n in sizes:
        data = generate(work / f"data-{n}", centres=n)
        seconds, peak = timed_with_peak([PY, "build.py", "build", "--data", str(data), "--output", str(work / f"s{n}")])
        print(f"| {n:,} | {seconds:.1f} s | {1000 * seconds / n:.1f} ms | {peak:,} MB | < 60 s, < 1 GB at 2,000 |")
        shutil.rmtree(work / f"s{n}", ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--old", default="98d151a", help="the commit the real-data build is compared with")
    parser.add_argument("--sizes", default="250,1000,2000", help="N for the national-scale builds")
    args = parser.parse_args()
    cpu = platform.processor() or platform.machine()
    print(f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    print()
    print("| what | median (min–max) | compared with | ratio | budget |")
    print("| --- | ---: | --- | ---: | --- |")
    with tempfile.TemporaryDirectory(prefix="karriere-bench-") as tmp:
        work = Path(tmp)
        check_vs_frictionless(args.runs, work)
        build_vs_old(args.runs, args.old, work)
        preview_edit(args.runs, work)
        national([int(n) for n in args.sizes.split(",")], work)


if __name__ == "__main__":
    main()
