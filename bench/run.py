"""The national-scale benchmark: check, build phases, memory, edit-rebuild, and Hugo and Pelican beside us.

    python bench/run.py                    # N = 250, 1000, 2000; 3 runs each
    python bench/run.py --sizes 250 --runs 5
    python bench/run.py --markdown         # also print the README table
    python bench/run.py --workdir /dev/shm # everything in memory (tmpfs), not on the disk

For each N it generates synthetic data (bench/generate.py, in a temporary folder, never published)
and reports the median and spread (min–max) over the runs of: ``check``; the full build by phase;
pages written and pages per second in the render phase; peak resident memory; output size; and the
time the preview server (``build.py serve``) takes to rebuild after one centre file is edited. In the
same run it times Hugo (when installed) and plain Pelican building the same number of pages from
plain Markdown (bench/peers.py) and prints the ratios. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import peers  # noqa: E402
from bench.generate import generate  # noqa: E402

PY = sys.executable
#: The sub-phase of Pelican's run that is not page rendering: the CSV downloads and the sitemap.
EXPORTS = "render: downloads, sitemap"


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.2f} ({min(values):.2f}–{max(values):.2f})"


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - started


def full_build(data: Path, output: Path) -> dict:
    result = subprocess.run(
        [PY, str(ROOT / "bench" / "build_once.py"), str(data), str(output)], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def edit_rebuild(data: Path, output: Path) -> dict:
    result = subprocess.run(
        [PY, str(ROOT / "bench" / "edit_once.py"), str(data), str(output)], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"
    )


def bench_size(n: int, runs: int, tmp: Path, hugo: bool) -> dict:
    data = generate(tmp / f"data-{n}", n)
    check: list[float] = []
    builds: list[dict] = []
    edits: list[dict] = []
    hugo_times: list[float] = []
    pelican_times: list[float] = []
    # Each run times everything back to back, so that the full build, the edit, Hugo and Pelican see
    # the machine in about the same state (on a shared machine its speed drifts from minute to
    # minute); the ratios are taken within each run.
    for run in range(runs):
        check.append(timed([PY, str(ROOT / "build.py"), "check", "--data", str(data)]))
        builds.append(full_build(data, tmp / f"site-{n}"))
        if run == 0:  # the peers build as many pages as we do
            if hugo:
                peers.write_hugo_site(tmp / f"hugo-{n}", builds[0]["pages"])
            peers.write_pelican_site(tmp / f"pelican-{n}", builds[0]["pages"])
        if hugo:
            hugo_times.append(peers.time_hugo(tmp / f"hugo-{n}"))
        pelican_times.append(peers.time_pelican(tmp / f"pelican-{n}"))
        edits.append(edit_rebuild(data, tmp / f"serve-{n}"))
    return {
        "n": n,
        "check": check,
        "builds": builds,
        "edits": edits,
        "pages": builds[0]["pages"],
        "hugo": hugo_times,
        "pelican": pelican_times,
    }


def _each(values: list[float], percent: bool = False) -> str:
    return ", ".join(f"{100 * v:.1f} %" if percent else f"{v:.2f}" for v in values)


def render_seconds(build: dict) -> float:
    """The render phase: Pelican reading the package, building the views and writing the pages."""
    return build["phases"]["render"] - build["phases"].get(EXPORTS, 0.0)


def report(result: dict) -> dict:
    n, builds = result["n"], result["builds"]
    phases = list(builds[0]["phases"])
    print(f"\n## N = {n} centres: {result['pages']:,} pages, {builds[0]['bytes'] / 1e6:.1f} MB of output")
    print(f"{'':36} {'median s':>8} (min–max) over {len(builds)} runs")
    print(f"{'check':36} {spread(result['check'])}")
    print(f"{'full build (in the process)':36} {spread([b['total'] for b in builds])}")
    for name in phases:
        label = f"  {name}" if name.startswith("render:") else name
        if name.startswith("render:"):
            label = "    " + name.removeprefix("render: ")
        print(f"{label:36} {spread([b['phases'][name] for b in builds])}")
    render = [render_seconds(b) for b in builds]
    ours = statistics.median(result["pages"] / r for r in render)
    print(f"{'render phase (without exports)':36} {spread(render)}  → {ours:,.0f} pages/s")
    memory = max(max(b["rss_self_mb"], b["rss_children_mb"]) for b in builds)
    first = builds[0]
    print(
        f"{'peak resident memory':36} {memory:7.0f} MB "
        f"(build {first['rss_self_mb']:.0f}, largest child {first['rss_children_mb']:.0f})"
    )
    edits = result["edits"]
    full = statistics.median(b["total"] for b in builds)
    edit = statistics.median(e["rebuild"] for e in edits)
    complete = statistics.median(e["complete"] for e in edits)
    # Shares and ratios: the median of each run's own (the run's edit ÷ the same run's full build).
    shares = [e["rebuild"] / b["total"] for e, b in zip(edits, builds, strict=True)]
    share = statistics.median(shares)
    share_complete = statistics.median(e["complete"] / b["total"] for e, b in zip(edits, builds, strict=True))
    print(
        f"{'serve: one centre edit → pages':36} {spread([e['rebuild'] for e in edits])}"
        f"  = {100 * share:.1f} % of the full build (per run: {_each(shares, percent=True)}); "
        f"{edits[0]['rendered']:,} of {edits[0]['pages']:,} pages rendered, the rest reused"
    )
    print(
        f"{'  … search index and HSDS too':36} {spread([e['complete'] for e in edits])}"
        f"  = {100 * share_complete:.1f} % of the full build; same output as a full build: "
        f"{all(e['same_as_full'] for e in edits)}"
    )
    slope = statistics.median(b["total"] for b in builds) / n
    out = {"n": n, "pages": result["pages"], "build": full, "memory": memory, "pages_per_s": ours, "per_centre": slope}
    out["check"] = statistics.median(result["check"])
    out["edit"], out["edit_complete"], out["edit_share"] = edit, complete, share
    if result["hugo"]:
        hugo = statistics.median(result["pages"] / t for t in result["hugo"])
        print(f"{'Hugo, same number of pages':36} {spread(result['hugo'])}  → {hugo:,.0f} pages/s")
        ratios = [t / r for t, r in zip(result["hugo"], render, strict=True)]
        out["hugo_ratio"] = statistics.median(ratios)
        print(f"{'ratio, our render ÷ Hugo':36} {out['hugo_ratio']:7.2f}  (per run: {_each(ratios)})")
    else:
        print("Hugo: not installed (apt-get install hugo); skipped")
    pelican = statistics.median(result["pages"] / t for t in result["pelican"])
    ratios = [t / r for t, r in zip(result["pelican"], render, strict=True)]
    out["pelican_ratio"] = statistics.median(ratios)
    print(f"{'plain Pelican, same number of pages':36} {spread(result['pelican'])}  → {pelican:,.0f} pages/s")
    print(f"{'ratio, our render ÷ plain Pelican':36} {out['pelican_ratio']:7.2f}  (per run: {_each(ratios)})")
    return out


def filesystem(folder: Path) -> str:
    """The type of the file system *folder* is on (from /proc/mounts: the longest mount point above it)."""
    best, kind = "", "unknown file system"
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return kind
    resolved = str(folder.resolve())
    for line in mounts:
        parts = line.split()
        above = len(parts) >= 3 and (resolved == parts[1] or resolved.startswith(parts[1].rstrip("/") + "/"))
        if above and len(parts[1]) > len(best):
            best, kind = parts[1], f"{parts[2]} at {parts[1]}"
    return kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--markdown", action="store_true", help="print the README table at the end")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where the data, the sites and the peers' sites are written (default: the system's temporary "
        "folder); /dev/shm times the programs without the disk, whose folder-making dominates and varies",
    )
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795737600")
    hugo = peers.hugo_available()
    print(f"Machine: {machine()}")
    if hugo:
        version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
        print(f"Hugo {version}")
    summaries = []
    with tempfile.TemporaryDirectory(prefix="karriere-bench-", dir=args.workdir) as tmp:
        print(f"Working folder: {tmp} ({filesystem(Path(tmp))})")
        for n in args.sizes:
            summaries.append(report(bench_size(n, args.runs, Path(tmp), hugo)))
    if len(summaries) > 1:
        first, last = summaries[0], summaries[-1]
        slope_ms = (last["build"] - first["build"]) / (last["n"] - first["n"]) * 1000
        print(
            f"\nTime per centre: {1000 * first['per_centre']:.1f} ms at N = {first['n']}, "
            f"{1000 * last['per_centre']:.1f} ms at N = {last['n']} "
            f"(slope of build time {slope_ms:.1f} ms per added centre)"
        )
    if args.markdown:
        print(
            "\n| N centres | pages | check | full build | render pages/s | ÷ Hugo | ÷ Pelican "
            "| peak memory | edit → pages | edit → all |"
        )
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for s in summaries:
            ratio = f"{s['hugo_ratio']:.2f}" if "hugo_ratio" in s else "–"
            print(
                f"| {s['n']:,} | {s['pages']:,} | {s['check']:.1f} s | {s['build']:.1f} s | {s['pages_per_s']:,.0f} | "
                f"{ratio} | {s['pelican_ratio']:.2f} | {s['memory']:,.0f} MB | {s['edit']:.1f} s "
                f"({100 * s['edit_share']:.1f} %) | {s['edit_complete']:.1f} s |"
            )


if __name__ == "__main__":
    main()
