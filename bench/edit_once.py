"""The preview server's rebuild after one centre edit, timed, and compared with a full build.

``rebuild`` is the time until the edited pages are served; ``complete`` until the search index and
HSDS export that follow in the background are swapped in too.

Run by bench/run.py (python bench/edit_once.py DATA OUTPUT); prints JSON. A benchmark helper.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from karriere import pipeline  # noqa: E402


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def edit_one_centre(data: Path) -> Path:
    """Change one centre's description, as a coordinator would in GitHub's editor."""
    path = sorted((data / "centres").rglob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    marker = "laget for å måle byggetiden"
    stamp = time.strftime("%H%M%S")
    path.write_text(text.replace(marker, f"{marker} (endret {stamp})", 1), encoding="utf-8")
    return path


def main() -> None:
    data, output = Path(sys.argv[1]), Path(sys.argv[2])
    preview = pipeline.Preview(data, output)
    assert not preview.build()  # the server's first build
    preview.wait()
    edit_one_centre(data)
    started = time.perf_counter()
    problems = preview.build()
    pages = time.perf_counter() - started  # the edited page is served from here on
    assert not problems, problems
    preview.wait()
    complete = time.perf_counter() - started  # search index and HSDS export included
    assert isinstance(preview.finished, float), preview.finished
    full = output.with_name(output.name + "-full")
    assert not pipeline.build(data, full)
    print(
        json.dumps(
            {
                "rebuild": pages,
                "complete": complete,
                "rendered": preview.rendered,
                "pages": preview.pages,
                "same_as_full": same_tree(output, full),
            }
        )
    )


if __name__ == "__main__":
    main()
