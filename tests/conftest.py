"""Shared fixtures: the repository, the dpa seed, small sites in tmp folders."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import REPO, SEED


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder holding only a copy of the dpa seed."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    return tmp_path
