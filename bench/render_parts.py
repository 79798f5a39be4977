"""Where the render phase's time goes: the part before the page workers start, and each worker's share.

    python bench/render_parts.py /tmp/data-2000 [--rounds 3] [--workdir /dev/shm]

Loads DATA and writes its package once, then runs Pelican over it (``pipeline.render``) *rounds*
times in this process, each into a new folder under *workdir*, with nothing beside it (in a full
build Frictionless validates at the same time). For each round it prints when the page workers
started (everything before is one core's: Pelican's start, reading the package, the views, waiting
for the folders, compiling the templates) and, per worker, its seconds, how many went to Jinja
(``Template.render``), to Pelican's writing of the file around it, and to making planned pages'
contexts, with the cards and distinct numbers that worker rendered (each worker renders its own).
It wraps those functions to time them, which adds a little to each. A benchmark helper, not a test.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jinja2  # noqa: E402
from pelican import writers  # noqa: E402

from karriere import i18n, parallel, pipeline, site, timing, views  # noqa: E402

spent: collections.Counter[str] = collections.Counter()
started = [0.0]
generators: list[site.KarriereGenerator] = []


def timed(owner, name: str, key: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        begun = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - begun

    setattr(owner, name, wrapper)


def hook() -> None:
    timed(jinja2.Template, "render", "jinja")
    timed(writers.Writer, "write_file", "write_file")
    planned = views.Rendered.page.fget

    def page(item):
        if item._page is not None:
            return item._page
        begun = time.perf_counter()
        made = planned(item)
        spent["contexts"] += time.perf_counter() - begun
        return made

    views.Rendered.page = property(page)
    install = site.KarriereGenerator._install_pieces

    def keep(generator) -> None:
        generators[:] = [generator]
        install(generator)

    site.KarriereGenerator._install_pieces = keep
    share = parallel._share

    def measured(index: int):
        spent.clear()
        begun, misses = time.perf_counter(), i18n._number.cache_info().misses
        out = share(index)
        worker = time.perf_counter() - begun
        writing = spent["write_file"] - spent["jinja"]
        print(
            f"  worker {index}: from {begun - started[0]:.2f} s, {worker:.2f} s: Jinja {spent['jinja']:.2f}, "
            f"Pelican writing the files {writing:.2f}, contexts {spent['contexts']:.2f}; "
            f"{len(generators[0].cards):,} cards, {i18n._number.cache_info().misses - misses:,} numbers formatted",
            file=sys.stderr,
            flush=True,
        )
        return out

    parallel._share = measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    hook()
    tmp = Path(tempfile.mkdtemp(prefix="karriere-render-", dir=args.workdir))
    try:
        built = pipeline.make_package(pipeline.load(args.data), tmp / "data")
        for round_ in range(1, args.rounds + 1):
            timing.reset()
            i18n._number.cache_clear()  # as in a new build's process
            i18n.partial_date.cache_clear()
            started[0] = time.perf_counter()
            print(f"round {round_} ({parallel.cores()} cores):", file=sys.stderr, flush=True)
            pipeline.render(built, tmp / f"site-{round_}")
            phases = timing.phases
            render = phases["render"] - phases.get("render: downloads, sitemap", 0.0)
            print(f"  render phase {render:.2f} s, pages {phases['render: pages']:.2f} s", file=sys.stderr)
            shutil.rmtree(tmp / f"site-{round_}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795737600")
    main()
