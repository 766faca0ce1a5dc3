"""Where the shared dev corpora and their scorer are, for the benchmark scripts.

The corpora are not in the repository (the news sets' licences forbid
copying them): they are read from ``../shared`` beside the checkout (or one
level up, for a git worktree), or from ``$SITE_BUILDER_SHARED``.
"""
from __future__ import annotations

import glob
import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: name -> (glob under shared/corpora, language)
CORPORA = {
    "wikiwarsde": ("wikiwarsde-dev/keyinline/*.key.xml", "de"),
    "wikiwars": ("wikiwars-en/keyinline/*.key.xml", "en"),
    "krauts": ("krauts-de-dev/*.tml", "de"),
    "tbaq": ("tbaq-en-dev/**/*.tml", "en"),
}


def find_shared() -> Path:
    """$SITE_BUILDER_SHARED, else the nearest ``shared`` beside the repo or one level up."""
    env = os.environ.get("SITE_BUILDER_SHARED")
    if env:
        return Path(env)
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


def corpus_files(shared: Path, name: str) -> list[str]:
    """The corpus's files, sorted (empty when the corpus is not there)."""
    pattern, _ = CORPORA[name]
    return sorted(glob.glob(str(shared / "corpora" / pattern), recursive=True))


def load_timex_eval(shared: Path):
    """The shared scorer module ``tools/timex_eval.py`` (its ``load_gold`` and ``score``)."""
    path = shared / "tools" / "timex_eval.py"
    if not path.exists():
        sys.exit(f"scorer not found: {path}")
    spec = importlib.util.spec_from_file_location("timex_eval", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
