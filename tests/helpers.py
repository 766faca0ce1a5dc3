"""Helpers shared by the tests (importable from every test folder)."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_8d4080564ea0615d.txt"


def write(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8, creating folders; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
