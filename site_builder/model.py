"""The core types passed between the stages of a build.

read → :class:`Article` → tag → [:class:`Timex`] → extract → [:class:`Event`]
→ merge → :class:`Timeline`.  All are frozen dataclasses; their ``to_json``
forms are what ``site-builder extract`` prints and ``events.json`` holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

from .dates import PartialDate


def _pickled_as_call(cls):
    """Pickle a slotted frozen dataclass as a call of the class with its
    field values: loading the article cache then builds each object in one
    call, about twice as fast as the dataclass default (a ``__setstate__``
    that looks up the fields and sets them one by one)."""
    values = attrgetter(*(f.name for f in fields(cls)))
    cls.__reduce__ = lambda self: (cls, values(self))
    return cls


@_pickled_as_call
@dataclass(frozen=True, slots=True)  # slots: a large site holds ~10^5 of them
class Timex:
    """A time expression found in a text, normalised to TIMEX3.

    ``start``/``end`` are code-point offsets into the text the tagger saw;
    ``type`` is DATE, TIME, DURATION or SET; ``value`` the TIMEX3 value
    (``2017-07``, ``P3Y``, ``PRESENT_REF``, ``XXXX-WXX-5`` …); ``mod`` the
    TIMEX3 modifier (START, MID, END, APPROX, BEFORE, AFTER …) or None.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value, "mod": self.mod}


@dataclass(frozen=True)
class Dateline:
    """The places and agency that open an agency report ("Da Nang/Moskau (dpa) -")."""

    places: tuple[str, ...] = ()
    agency: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class ManualEvent:
    """An event written by hand in an article's front matter."""

    date: PartialDate
    title: str
    text: str = ""


@dataclass(frozen=True)
class Article:
    """One source article, whatever its file format.

    ``text`` is the plain text every offset refers to; ``body_html`` the
    article rendered to (sanitised) HTML whose text nodes appear in ``text``
    in the same order.
    """

    slug: str
    title: str
    date: PartialDate | None
    lang: str
    text: str
    body_html: str
    source_path: str
    dateline: Dateline = field(default_factory=Dateline)
    tags: tuple[str, ...] = ()
    summary: str = ""
    url: str = ""
    genre: str = "news"
    manual_events: tuple[ManualEvent, ...] = ()
    title_given: bool = True
    # what the reader accepted but a user should hear of, each "line: message"
    # or "message" ("3: unknown front matter key 'tilte' …"): warnings of every build
    notes: tuple[str, ...] = ()

    @property
    def agency(self) -> str | None:
        return self.dateline.agency

    def to_json(self) -> dict:
        return {
            "slug": self.slug, "title": self.title,
            "date": self.date.value if self.date else None,
            "lang": self.lang, "source": self.source_path,
            "places": list(self.dateline.places), "agency": self.dateline.agency,
            "tags": list(self.tags), "summary": self.summary, "url": self.url,
        }


@_pickled_as_call
@dataclass(frozen=True, slots=True)  # slots: a large site holds ~10^5 of them
class Source:
    """Where an event was reported: one article and the sentence in it."""

    slug: str
    sentence: str
    start: int
    end: int
    timex_start: int | None = None
    timex_end: int | None = None


@_pickled_as_call
@dataclass(frozen=True, slots=True)  # slots: a large site holds ~10^5 of them
class Event:
    """Something that happened (or is scheduled) at a date.

    ``id`` is stable across rebuilds: it is derived from the article slug
    and the sentence text, never from the order of extraction.
    """

    id: str
    date: PartialDate
    title: str
    sentence: str
    start: int
    end: int
    slug: str
    mod: str | None = None
    timex_text: str = ""
    entities: tuple[tuple[str, str], ...] = ()  # (kind, name): PERSON, PLACE, ORG
    sources: tuple[Source, ...] = ()
    lang: str = ""
    manual: bool = False

    @property
    def sort_key(self) -> tuple:
        return (self.date.sort_key, self.slug, self.start, self.id)

    def to_json(self) -> dict:
        return {
            "id": self.id, "date": self.date.value, "granularity": self.date.granularity,
            "mod": self.mod, "title": self.title, "sentence": self.sentence,
            "start": self.start, "end": self.end, "article": self.slug,
            "lang": self.lang,
            "entities": [{"type": k, "name": n} for k, n in self.entities],
            "sources": [{"article": s.slug, "sentence": s.sentence, "start": s.start,
                         "end": s.end} for s in self.sources],
        }


@dataclass(frozen=True)
class Timeline:
    """All events of a site in date order, merged and curated.

    ``events`` is sorted by :attr:`Event.sort_key`; events whose date is not
    on the calendar never get here.
    """

    events: tuple[Event, ...] = ()

    def years(self) -> list[int]:
        return sorted({e.date.year for e in self.events})
