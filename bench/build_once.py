"""One full build in a fresh process, reported as JSON: phases, pages, bytes, peak memory.

Run by bench/run.py (python bench/build_once.py DATA OUTPUT); a benchmark helper, not a test.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from karriere import pipeline, timing  # noqa: E402


def main() -> None:
    data, output = Path(sys.argv[1]), Path(sys.argv[2])
    started = time.perf_counter()
    problems = pipeline.build(data, output)
    total = time.perf_counter() - started
    if problems:
        sys.exit(f"{len(problems)} problems, first: {problems[0]}")
    files = [p for p in output.rglob("*") if p.is_file()]
    report = {
        "total": total,
        "phases": dict(timing.phases),
        "pages": sum(1 for p in files if p.suffix == ".html"),
        "bytes": sum(p.stat().st_size for p in files),
        # ru_maxrss is in kB on Linux; the children are the Pagefind indexer.
        "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
