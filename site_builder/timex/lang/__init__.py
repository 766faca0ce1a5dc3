"""Registry of language data modules for the time tagger.

Each language is a plain data module (``de.py``, ``en.py``) describing
vocabulary and surface patterns; the engine never names a language.  To add
a language, write a module with the same attributes and list it here.
"""
from __future__ import annotations

import importlib
from types import ModuleType

# code -> module path; adding a language means adding one line here.
_MODULES = {"de": "site_builder.timex.lang.de", "en": "site_builder.timex.lang.en"}


def supported() -> tuple[str, ...]:
    """The language codes the tagger knows."""
    return tuple(_MODULES)


def load(code: str) -> ModuleType:
    """The data module for language ``code``; ValueError for unknown codes."""
    try:
        return importlib.import_module(_MODULES[code])
    except KeyError:
        raise ValueError(f"unsupported language {code!r}; known: {', '.join(_MODULES)}") from None
