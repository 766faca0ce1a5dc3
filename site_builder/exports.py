"""Machine-readable exports of the timeline (part of the render stage).

``render_exports(site, lang)`` returns ``{path: text}`` for every export;
each export is one small function registered in :data:`EXPORTS`.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable

from .i18n import date_label

if TYPE_CHECKING:
    from .render import Site

SCHEMA_VERSION = 1


def events_json(site: "Site", lang: str) -> str:
    """``events.json``: the site's articles and events, sorted, no timestamps."""
    data = {
        "version": SCHEMA_VERSION,
        "title": site.config.title,
        "language": lang,
        "articles": [a.to_json() for a in sorted(site.articles, key=lambda a: a.slug)],
        "events": [dict(e.to_json(), label=date_label(e.date, lang, e.mod))
                   for e in site.timeline.events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


#: output path → export function; add an export by adding an entry.
EXPORTS: dict[str, Callable[["Site", str], str]] = {
    "events.json": events_json,
}


def render_exports(site: "Site", lang: str) -> dict[str, str]:
    """Every export of ``site`` as output path → text."""
    return {path: fn(site, lang) for path, fn in EXPORTS.items()}
