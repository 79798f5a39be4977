"""Jinja's share of the render: every page's template rendered again in this process, per template.

    python bench/templates.py /tmp/data-2000               # every template
    python bench/templates.py /tmp/data-2000 centre.html   # one

Builds the site from DATA once, in one process (``KARRIERE_JOBS=1``, into a temporary folder), keeps
the generator (Pelican's ``all_generators_finalized`` signal), and then renders each page's template
with its context again, writing nothing: the best of three rounds per template, in ms per page. The
page contexts are made by then, and the pieces rendered once per build (cards, links, terms) are in
their caches, as they are for most pages of a build. A benchmark helper, not a test.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pelican import signals  # noqa: E402

from karriere import pipeline, site  # noqa: E402

ROUNDS = 3


def main() -> None:
    data = Path(sys.argv[1])
    only = sys.argv[2] if len(sys.argv) > 2 else None
    os.environ["KARRIERE_JOBS"] = "1"
    generators: list[site.KarriereGenerator] = []

    def keep(all_generators) -> None:
        generators.extend(g for g in all_generators if isinstance(g, site.KarriereGenerator))

    signals.all_generators_finalized.connect(keep)
    with tempfile.TemporaryDirectory(prefix="karriere-templates-") as tmp:
        loaded = pipeline.load(data)
        built = pipeline.make_package(loaded, Path(tmp) / "data")
        pipeline.render(built, Path(tmp) / "site")
    generator = generators[0]
    by_template = defaultdict(list)
    for item in generator.rendered:
        if only is None or item.template == only:
            by_template[item.template].append(item)
    rows = []
    for name, items in by_template.items():
        template = generator.get_template(name.removesuffix(".html"))
        best = float("inf")
        for _ in range(ROUNDS):
            started = time.perf_counter()
            for item in items:
                template.render({**generator.context, "page_view": item.page, "lang": item.lang})
            best = min(best, time.perf_counter() - started)
        rows.append((best, name, len(items)))
    print(f"{'template':28} {'pages':>6} {'best s':>7} {'ms/page':>8}")
    for best, name, count in sorted(rows, reverse=True):
        print(f"{name:28} {count:6,} {best:7.2f} {1000 * best / count:8.3f}")
    total = sum(best for best, _, _ in rows)
    pages = sum(count for _, _, count in rows)
    print(f"{'all':28} {pages:6,} {total:7.2f} {1000 * total / pages:8.3f}")


if __name__ == "__main__":
    main()
