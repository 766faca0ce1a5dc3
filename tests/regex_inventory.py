"""Print every regular expression the package compiles, as JSON lines.

Run as a script in a fresh interpreter: it wraps ``re._compile`` (behind
``re.compile``, ``re.match``, ``re.sub`` …) before ``site_builder`` is
imported, imports every module, builds a small German and English site
(so that patterns built from language data at run time are compiled too)
and keeps the patterns whose compiling caller is a ``site_builder`` module.
"""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
import shutil
import sys
import tempfile
from pathlib import Path

FOUND: dict[tuple[str, int], str] = {}


def _recording(compile_):
    def wrapper(pattern, flags):
        caller = sys._getframe(2).f_globals.get("__name__", "")
        if caller.startswith("site_builder") and isinstance(pattern, str):
            FOUND.setdefault((pattern, int(flags)), caller)
        return compile_(pattern, flags)
    return wrapper


def main() -> None:
    re._compile = _recording(re._compile)
    import site_builder

    for mod in pkgutil.walk_packages(site_builder.__path__, "site_builder."):
        if not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)
    from site_builder.build import build
    from site_builder.config import load_config

    repo = Path(__file__).resolve().parents[1]
    root = Path(tempfile.mkdtemp())
    try:
        (root / "seeds").mkdir()
        shutil.copy(repo / "seeds" / "000_8d4080564ea0615d.txt", root / "seeds")
        (root / "seeds" / "en.md").write_text(
            "---\ntitle: Summit\ndate: 2017-07-07\nlang: en\n---\nLeaders met in Hamburg on "
            "Friday, July 7, 2017. Three years ago the talks failed. *Next week* they meet again.\n",
            encoding="utf-8")
        build(load_config(root))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for (pattern, flags), module in sorted(FOUND.items()):
        print(json.dumps({"pattern": pattern, "flags": flags, "module": module}))


if __name__ == "__main__":
    main()
