"""Local preview: serve output/ at http://127.0.0.1:8000/ and rebuild when data, content or theme change."""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

log = logging.getLogger(__name__)


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
    rebuild: Callable[[], bool],
    port: int = 8000,
    interval: float = 1.0,
    rounds: int | None = None,
) -> None:
    """Serve *output*; call *rebuild* whenever a watched file changes. *rounds* bounds the loop (tests)."""
    rebuild()
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview at http://127.0.0.1:{server.server_address[1]}/ — rebuilding on changes (Ctrl+C stops).")
    watcher = Watcher(folders)
    count = 0
    try:
        while rounds is None or count < rounds:
            time.sleep(interval)
            count += 1
            if watcher.changed():
                rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
