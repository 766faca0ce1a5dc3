"""Machine-readable exports of the timeline (part of the render stage).

``render_exports(site, lang)`` returns ``{path: text}`` for every export;
each export is one small function registered in :data:`EXPORTS`.
"""
from __future__ import annotations

import json
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Callable

from .dates import PartialDate
from .i18n import date_label

if TYPE_CHECKING:
    from .render import Site

SCHEMA_VERSION = 1


def events_json(site: "Site", lang: str) -> str:
    """``events.json``: the site's articles and events, sorted, no timestamps."""
    tz = site.config.tzinfo
    data = {
        "version": SCHEMA_VERSION,
        "title": site.config.title,
        "language": lang,
        "articles": [a.to_json() for a in sorted(site.articles, key=lambda a: a.slug)],
        "timezone": site.config.timezone,
        "events": [_event_json(e, lang, tz) for e in site.timeline.events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _event_json(event, lang: str, tz) -> dict:
    data = dict(event.to_json(), label=date_label(event.date, lang, event.mod))
    moment = local_datetime(event.date, tz)
    if moment is not None:
        data["datetime"] = moment.isoformat()
    return data


def local_datetime(date: PartialDate, tz: tzinfo) -> datetime | None:
    """A clock-time date ("2017-11-10T16:30") as an aware datetime in ``tz``
    (the site's time zone, for times the article gives without one); None
    for dates without a clock time."""
    if date.granularity != "time" or not date.time or not date.time[0].isdigit():
        return None
    parts = [int(p) for p in date.time.split(".")[0].split(":")]
    hour, minute, second = (parts + [0, 0])[:3]
    day = date.first_day
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=tz)
    except ValueError:  # "24:00" or the like: no single instant
        return None


#: output path → export function; add an export by adding an entry.
EXPORTS: dict[str, Callable[["Site", str], str]] = {
    "events.json": events_json,
}


def render_exports(site: "Site", lang: str) -> dict[str, str]:
    """Every export of ``site`` as output path → text."""
    return {path: fn(site, lang) for path, fn in EXPORTS.items()}
