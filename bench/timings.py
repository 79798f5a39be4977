"""Median wall-clock time of `build.py check` and `build.py build` on the bundled data.

Usage: python bench/timings.py [--runs 5]. A benchmark, not a test: it prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_command(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "build.py"), *args], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        results = {
            "check": time_command(["check"], runs),
            "build": time_command(["build", "--output", str(Path(tmp) / "site")], runs),
        }
        site = Path(tmp) / "site"
        html = list(site.rglob("*.html"))
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        largest = max(html, key=lambda p: p.stat().st_size)
        summary = (
            f"pages: {len(html)} HTML files, {total:,} bytes in all; largest {largest.relative_to(site)} "
            f"({largest.stat().st_size:,} bytes)"
        )
    print(f"{'command':<8} {'median s':>9} {'min s':>7} {'max s':>7}  (n={runs}, whole process incl. start-up)")
    for name, times in results.items():
        print(f"{name:<8} {statistics.median(times):>9.2f} {min(times):>7.2f} {max(times):>7.2f}")
    print(summary)


if __name__ == "__main__":
    main()
