from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
VALID = TESTS / "fixtures" / "valid"


@pytest.fixture
def valid_data(tmp_path: Path) -> Path:
    """A writable copy of the tiny valid dataset."""
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target


@pytest.fixture(scope="session", autouse=True)
def _local_site_address():
    """Build as a local preview in every test, also inside GitHub Actions (which sets GITHUB_REPOSITORY);
    tests that need a published address set it themselves."""
    import os

    names = (
        "GITHUB_REPOSITORY",
        "GITHUB_ACTIONS",
        "GITHUB_STEP_SUMMARY",
        "KARRIERE_SITE_URL",
        "KARRIERE_REPOSITORY_URL",
    )
    saved = {name: os.environ.pop(name) for name in names if name in os.environ}
    # Pages are built for a fixed date (reproducible builds), so a test never depends on the day it runs.
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1795737600"  # 2026-11-27
    yield
    os.environ.update(saved)
    if previous_epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = previous_epoch
