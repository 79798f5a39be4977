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
