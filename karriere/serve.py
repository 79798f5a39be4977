"""Local preview: serve output/ at http://127.0.0.1:8000/ and build the site again when data, content or
theme change.

Every change rebuilds the whole site, as MkDocs and Pelican do (about a second for the real data). The
pages are published as soon as they are written; the search index and the HSDS export, which take as
long again, follow in the background (the previous ones are served until then).
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from karriere import pipeline
from karriere.errors import Problem

log = logging.getLogger(__name__)


class Preview:
    """The preview server's builds. A build waits for the previous one's background work, so that
    they never overlap."""

    def __init__(self, data_dir: Path, output: Path, on_finished: Callable[[float | Exception], None] | None = None):
        self.data_dir, self.output, self.on_finished = data_dir, output, on_finished
        self._finishing: threading.Thread | None = None
        #: What the last background work did: None while it runs, then the seconds it took or the error.
        self.finished: float | Exception | None = None
        #: How many pages the last build wrote.
        self.pages = 0
        #: The validator process, kept between builds (it has Frictionless imported).
        self.pool = pipeline.validator()

    def build(self) -> list[Problem]:
        self.wait()
        problems = pipeline.build(self.data_dir, self.output, exports=False, pool=self.pool)
        if not problems:
            self.pages = pipeline.pages_in(self.output)
            self.finished = None
            self._finishing = threading.Thread(target=self._finish, daemon=True)
            self._finishing.start()
        return problems

    def _finish(self) -> None:
        started = time.perf_counter()
        try:
            pipeline.finish(self.output)
            self.finished = time.perf_counter() - started
        except Exception as exc:  # reported by the server; the pages are already up
            log.debug("finishing the preview failed", exc_info=True)
            self.finished = exc
        if self.on_finished:
            self.on_finished(self.finished)

    def wait(self) -> None:
        """Until the background work of the last build is done."""
        if self._finishing is not None:
            self._finishing.join()
            self._finishing = None

    def close(self) -> None:
        self.wait()
        if self.pool is not None:
            self.pool.shutdown()


class Watcher:
    """Notices when any file under the watched folders is added, removed or changed."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self.snapshot = self._scan()

    def _scan(self) -> dict[str, tuple[int, int]]:
        state = {}
        for folder in self.folders:
            for path in folder.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    state[str(path)] = (stat.st_mtime_ns, stat.st_size)
        return state

    def changed(self) -> bool:
        now = self._scan()
        if now != self.snapshot:
            self.snapshot = now
            return True
        return False


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(
    output: Path,
    folders: list[Path],
    rebuild: Callable[[], object],
    port: int = 8000,
    interval: float = 0.25,
    stop: threading.Event | None = None,
    serving: Callable[[int], None] | None = None,
) -> None:
    """Serve *output*; call *rebuild* whenever a watched file changes, until *stop* is set (or Ctrl+C).
    *serving* is told the port once the site is served."""
    stop = stop or threading.Event()
    rebuild()
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    print(f"Preview at http://127.0.0.1:{port}/ — rebuilding on changes (Ctrl+C stops).")
    if serving:
        serving(port)
    watcher = Watcher(folders)
    try:
        while not stop.wait(interval):
            if watcher.changed():
                rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
