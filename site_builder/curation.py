"""Curation (interim): no curation file support yet."""
from __future__ import annotations

from pathlib import Path


def load_curation(path: Path):
    return None
