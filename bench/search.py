"""Search figures: index size per language, bytes fetched for a first query, keystroke-to-results time,
and indexing time. Usage: python bench/search.py (needs /usr/bin/chromium). Prints; asserts nothing."""

from __future__ import annotations

import functools
import shutil
import statistics
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

from karriere import pipeline, search

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["Hallingdal", "Gol", "sykemeldte", "realkompetansevurdering", "Tromsø", "karriere", "NAV", "voksne"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        assert pipeline.build(ROOT / "data", site) == []
        bundle = site / "pagefind"
        for lang in ("nb", "nn", "en"):
            files = [p for p in bundle.rglob(f"*{lang}_*") if p.is_file()] + [bundle / f"wasm.{lang}.pagefind"]
            print(f"index {lang}: {len(files)} files, {sum(p.stat().st_size for p in files):,} bytes")
        shared = [p for p in bundle.iterdir() if p.is_file() and not any(f"{x}_" in p.name for x in ("nb", "nn", "en"))]
        print(
            f"shared: {len(shared)} files (pagefind.js, worker, wasm fallbacks), "
            f"{sum(p.stat().st_size for p in shared):,} bytes"
        )

        # Indexing alone, on a copy without the index (median of 5).
        times = []
        for _ in range(5):
            copy = Path(tmp) / "copy"
            shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
            started = time.perf_counter()
            search.index(copy)
            times.append(time.perf_counter() - started)
            shutil.rmtree(copy)
        print(f"indexing: median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})")

        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless=new"])
            context = browser.new_context()
            page = context.new_page()
            fetched: list[tuple[str, int]] = []
            page.on("response", lambda r: fetched.append((r.url, len(r.body()))))
            page.goto(base + "sok/")
            page.wait_for_load_state("networkidle")
            on_load = sum(size for _, size in fetched)
            page.fill("#q", "Hallingdal")
            page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0")
            page.wait_for_load_state("networkidle")
            total = sum(size for _, size in fetched)
            print(
                f"first query on a cold cache: {len(fetched)} requests, {total:,} bytes in all "
                f"({on_load:,} to load the page and Pagefind, {total - on_load:,} for the query); "
                "uncompressed as served here"
            )
            latencies = []
            for _round in range(3):
                for query in QUERIES:
                    page.fill("#q", "")
                    page.wait_for_function("() => document.querySelector('#search-status').textContent === ''")
                    ms = page.evaluate(
                        """(q) => new Promise((resolve) => {
                            const status = document.querySelector('#search-status');
                            const start = performance.now();
                            const seen = new MutationObserver(() => {
                              if (status.textContent) { seen.disconnect(); resolve(performance.now() - start); }
                            });
                            seen.observe(status, {childList: true, characterData: true, subtree: true});
                            const input = document.querySelector('#q');
                            input.value = q;
                            input.dispatchEvent(new Event('input'));
                        })""",
                        query,
                    )
                    latencies.append(ms)
            print(
                f"keystroke to results: median {statistics.median(latencies):.0f} ms over {len(latencies)} "
                f"searches (includes the 200 ms debounce), max {max(latencies):.0f} ms"
            )
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
