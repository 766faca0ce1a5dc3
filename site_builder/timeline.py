"""Merge stage (interim): order all events.  Replaced by the merge/curation work."""
from __future__ import annotations

from .model import Event, Timeline


def build_timeline(events: list[Event], curation=None) -> Timeline:
    """All articles' events → one timeline in date order."""
    return Timeline(events=tuple(sorted((e for e in events if e.date.is_calendar),
                                        key=lambda e: e.sort_key)))
