"""Machine-readable exports of the timeline (part of the render stage).

``render_exports(site, lang, pages)`` returns ``{path: text}`` for every
export; each export is one small pure function registered in
:data:`EXPORTS`.  An export returns ``None`` when it cannot be made right
for this site (the sitemap and oEmbed need absolute URLs, so they exist only
when ``base_url`` is configured).  Nothing here reads the clock: every
timestamp is derived from the data, so the same site gives the same bytes.
"""
from __future__ import annotations

import datetime as _dt
import json
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cached_property, partial
from html import escape
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterator

from .dates import PartialDate
from .embed import embed_iframe
from .i18n import count_label, date_label, labels
from .memo import Memo, NoMemo
from .model import Article, Event, Source

if TYPE_CHECKING:
    from .memo import StoredPieces
    from .render import Site

SCHEMA_VERSION = 1
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


@dataclass(frozen=True)
class ExportInput:
    """What an export is made from: the site, its language and its HTML pages."""

    site: "Site"
    lang: str
    pages: tuple[str, ...] = ()  # output paths of the HTML pages, for the sitemap
    # hands out the per-event parts of the exports, kept between builds
    # (Memo.pieces, memo.StoredPieces)
    memo: "Memo | StoredPieces" = field(default_factory=NoMemo)

    @property
    def base_url(self) -> str:
        """The configured site URL ending in "/", or "" (links stay relative)."""
        url = self.site.config.base_url
        return url.rstrip("/") + "/" if url else ""

    @cached_property
    def articles(self) -> dict[str, "Article"]:
        """slug → article."""
        return {a.slug: a for a in self.site.articles}

    # Per-event answers, asked by several exports: worked out once per event
    # (kept with the event, so that its id is not reused meanwhile).
    _known: dict = field(default_factory=dict, compare=False, repr=False)

    def _once(self, what: str, event: Event, make: Callable):
        hit = self._known.get((what, id(event)))
        if hit is None or hit[0] is not event:
            hit = self._known[(what, id(event))] = (event, make(event))
        return hit[1]

    def sources(self, event: Event) -> list["Article"]:
        """The articles reporting ``event``, first source first."""
        return self._once("sources", event, self._sources)

    def _sources(self, event: Event) -> list["Article"]:
        slugs = dict.fromkeys([s.slug for s in event.sources] or [event.slug])
        return [self.articles[s] for s in slugs if s in self.articles]

    def tags(self, event: Event) -> list[str]:
        return self._once("tags", event, lambda e: sorted({tag for a in self.sources(e)
                                                           for tag in a.tags}))

    def reported(self, event: Event) -> _dt.datetime:
        """When an event was last reported: its newest source article's date
        (midnight of its first day in the site's time zone, as UTC)."""
        days = self._article_days
        found = [day for s in (event.sources or (event,)) if (day := days.get(s.slug))]
        if not found:
            return _EPOCH
        day = max(found)
        moment = self._midnights.get(day)
        if moment is None:
            moment = self._midnights[day] = _midnight_of(day, self.site.config.tzinfo)
        return moment

    @cached_property
    def _article_days(self) -> dict[str, _dt.date]:
        """slug → the first day of the article's date, for dated articles."""
        return {a.slug: a.date.first_day for a in self.site.articles
                if a.date is not None and a.date.is_calendar}

    _midnights: dict = field(default_factory=dict, compare=False, repr=False)

    def event_href(self, event: Event) -> str:
        """The event's sentence in its (first) article, absolute when base_url is set."""
        from .render import anchor_id  # render imports this module
        src = event.sources[0] if event.sources else Source(event.slug, event.sentence,
                                                            event.start, event.end)
        # a hand-made event whose text is not in the article has no sentence to point at
        anchor = f"#{anchor_id(src.slug, src.sentence)}" if src.end > src.start else ""
        return f"{self.base_url}articles/{src.slug}/{anchor}"


def events_schema() -> str:
    """The JSON Schema of ``events.json``, as shipped in the package."""
    return resources.files("site_builder").joinpath("schemas/events.schema.json") \
        .read_text(encoding="utf-8")


def events_json(inp: ExportInput) -> str | bytes:
    """``events.json``: the site's articles and events, sorted, no timestamps."""
    site = inp.site
    tz = site.config.tzinfo
    pieces = inp.memo.pieces("events.json", (inp.lang, tz))
    data = {
        "version": SCHEMA_VERSION,
        "title": site.config.title,
        "language": inp.lang,
        "articles": [pieces.get(a, partial(_json_text, a.to_json))
                     for a in sorted(site.articles, key=lambda a: a.slug)],
        "timezone": site.config.timezone,
        "events": [pieces.get(e, partial(_json_text, _event_json, e, inp.lang, tz))
                   for e in site.timeline.events],
    }
    return _json_one_item_per_line(data, pieces.join)


class _JSONText(str):
    """A value already encoded as JSON text."""


def _json_text(make: Callable, *args) -> _JSONText:
    return _JSONText(_dumps(make(*args)))


def _dumps(value) -> str:
    """One line of JSON, by json's C encoder."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _json_one_item_per_line(data: dict, join: Callable[[list], "str | bytes"] = "".join
                            ) -> "str | bytes":
    """``data`` as JSON with each top-level key, and each item of a top-level
    list, on a line of its own: readable, diff-friendly (an edited event is
    one changed line) and written by json's C encoder, which ``indent``
    would bypass (ten times slower for a large timeline).  The pieces are
    joined once, so a large export is never copied piecemeal."""
    def one(value) -> str | bytes:  # bytes: a piece reused as it was (see Memo.pieces)
        return value if isinstance(value, (_JSONText, bytes)) else _dumps(value)

    parts = []
    for key, value in data.items():
        parts.append(",\n  " if parts else "{\n  ")
        parts.append(one(key))
        if isinstance(value, list) and value:
            parts.append(": [\n    ")
            for i, item in enumerate(value):
                if i:
                    parts.append(",\n    ")
                parts.append(one(item))
            parts.append("\n  ]")
        else:
            parts.append(": ")
            parts.append(one(value))
    parts.append("\n}\n" if parts else "{\n\n}\n")
    return join(parts)


def _event_json(event: Event, lang: str, tz: _dt.tzinfo) -> dict:
    data = dict(event.to_json(), label=date_label(event.date, lang, event.mod))
    moment = local_datetime(event.date, tz)
    if moment is not None:
        data["datetime"] = moment.isoformat()
    return data


def local_datetime(date: PartialDate, tz: _dt.tzinfo) -> _dt.datetime | None:
    """A clock-time date ("2017-11-10T16:30") as an aware datetime in ``tz``
    (the site's time zone: articles give clock times without one); None for
    dates without a clock time."""
    if date.granularity != "time" or not date.time or not date.time[0].isdigit():
        return None
    try:
        parts = [int(p) for p in date.time.split(".")[0].split(":")]
        hour, minute, second = (parts + [0, 0])[:3]
        day = date.first_day
        return _dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=tz)
    except ValueError:  # "24:00", "T1X" or the like: no single instant
        return None


def events_schema_json(inp: ExportInput) -> str:
    """``events.schema.json``: the schema ``events.json`` follows, published beside it."""
    return events_schema()


# -- iCalendar ---------------------------------------------------------------

def _in_calendar(date: PartialDate) -> bool:
    # iCalendar dates run from year 1 to 9999; PartialDate clamps older spans,
    # which would put an event on a day it never had.  The exclusive end is
    # the day after the last, which 31 December 9999 does not have.
    return date.is_calendar and date.year >= 1 and date.last_day < _dt.date.max


def _midnight(dates, tz: _dt.tzinfo = _dt.timezone.utc) -> _dt.datetime:
    """The latest of ``dates`` (PartialDates or None): midnight of its first
    day in the site's time zone ``tz``, as UTC."""
    days = [d.first_day for d in dates if d is not None and d.is_calendar]
    return _midnight_of(max(days), tz) if days else _EPOCH


def _midnight_of(day: _dt.date, tz: _dt.tzinfo) -> _dt.datetime:
    return _dt.datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(_dt.timezone.utc)


def _stamp(site: "Site") -> _dt.datetime:
    """DTSTAMP and the feed's fallback time: the latest article date, never the clock."""
    return _midnight([a.date for a in site.articles], site.config.tzinfo)


def events_ics(inp: ExportInput) -> str | bytes:
    """``events.ics``: every event as an all-day event spanning its date.

    A day is one day; a month, week, season, year … spans all its days, with
    the granularity and the date as the site shows it in the description.
    UIDs come from event ids, so calendar apps update rather than duplicate.
    Written directly as RFC 5545 content lines: a calendar of ten thousand
    events takes milliseconds, and its bytes depend on no library version.
    """
    site = inp.site
    stamp = _stamp(site).strftime("%Y%m%dT%H%M%SZ")
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//site-builder//timeline//EN",
            "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(site.config.title)}"]
    parts = ["".join(_ics_fold(line) + "\r\n" for line in head)]
    # an event's VEVENT depends on the event, its articles (named with it) and these
    pieces = inp.memo.pieces("events.ics", (inp.lang, inp.base_url, stamp))
    for event in site.timeline.events:
        if _in_calendar(event.date):
            parts.append(pieces.get(event, partial(_ics_event, inp, event, stamp)))
    parts.append("END:VCALENDAR\r\n")
    return pieces.join(parts)


def _ics_event(inp: ExportInput, event: Event, stamp: str) -> str:
    """One VEVENT, folded, with its line ends."""
    tags = inp.tags(event)
    when = date_label(event.date, inp.lang, event.mod)
    description = f"{event.sentence}\n\n{when} (granularity: {event.date.granularity})"
    lines = ["BEGIN:VEVENT",
             f"SUMMARY:{_ics_text(event.title)}",
             f"DTSTART;VALUE=DATE:{_ics_date(event.date.first_day)}",
             # the end of an all-day event is exclusive: the day after
             f"DTEND;VALUE=DATE:{_ics_date(event.date.last_day + _dt.timedelta(days=1))}",
             f"DTSTAMP:{stamp}",
             f"UID:{_ics_text(event.id)}@site-builder"]
    if tags:
        lines.append("CATEGORIES:" + ",".join(_ics_text(t) for t in tags))
    lines.append(f"DESCRIPTION:{_ics_text(description)}")
    if inp.base_url:
        lines.append(f"URL:{inp.event_href(event)}")
    lines.append("END:VEVENT")
    return "".join(_ics_fold(line) + "\r\n" for line in lines)


def _ics_date(day: _dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _ics_text(text: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line ends escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))


def _ics_fold(line: str, limit: int = 75) -> str:
    """Fold a content line into lines of at most ``limit`` octets (RFC 5545
    3.1), never inside a UTF-8 sequence and never right after a backslash
    (some clients cannot unfold an escape split across lines)."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    parts, start, room = [], 0, limit
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte
            cut -= 1
        if data[cut - 1] == 0x5C and cut - 1 > start:  # keep "\\," together
            cut -= 1
        parts.append(data[start:cut])
        start, room = cut, limit - 1  # a continuation line starts with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")



# -- Atom feed ---------------------------------------------------------------

def _atom_time(moment: _dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _urn(text: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, text).urn


def feed_xml(inp: ExportInput) -> str:
    """``feed.xml``: Atom feed of the latest reported events, newest first.

    "Latest" is by the date of the articles that report an event (what a
    subscriber has not seen yet), then by the event's own date.  Entry ids
    are UUIDs derived from event ids; links are absolute with ``base_url``
    and relative to the feed (which sits at the site root) without.
    """
    site, base = inp.site, inp.base_url
    ordered = sorted(site.timeline.events,
                     key=lambda e: (inp.reported(e), e.date.sort_key, e.id), reverse=True)
    latest = ordered[:FEED_SIZE]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": inp.lang})
    _sub(feed, "id", _urn(f"{base or 'site-builder:'}{site.config.title}#feed"))
    _sub(feed, "title", site.config.title)
    updated = max((inp.reported(e) for e in latest), default=_stamp(site))
    _sub(feed, "updated", _atom_time(updated))
    author = _sub(feed, "author")
    _sub(author, "name", site.config.title)
    _sub(feed, "link", rel="alternate", type="text/html", href=base or "./")
    if base:
        _sub(feed, "link", rel="self", type="application/atom+xml", href=base + "feed.xml")
    _sub(feed, "generator", "site-builder")
    for event in latest:
        entry = _sub(feed, "entry")
        _sub(entry, "id", _urn(f"site-builder:event:{event.id}"))
        label = date_label(event.date, inp.lang, event.mod)
        _sub(entry, "title", f"{label}: {event.title}")
        _sub(entry, "updated", _atom_time(inp.reported(event)))
        _sub(entry, "link", rel="alternate", type="text/html", href=inp.event_href(event))
        for tag in inp.tags(event):
            _sub(entry, "category", term=tag)
        _sub(entry, "summary", event.sentence)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    ns = parent.tag.split("}")[0] + "}"
    element = ET.SubElement(parent, ns + name, attrs)
    if text is not None:
        element.text = text
    return element


# -- sitemap -----------------------------------------------------------------

def sitemap_xml(inp: ExportInput) -> str | None:
    """``sitemap.xml`` of the readable pages (not the embed or the 404 page).

    Sitemaps need absolute URLs: without ``base_url`` there is none.
    """
    if not inp.base_url:
        return None
    ET.register_namespace("", SITEMAP)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for page in sorted(inp.pages, key=lambda p: (p != "index.html", p)):
        if page == "404.html" or page.startswith("embed/"):
            continue
        url = inp.base_url + (page[:-len("index.html")] if page.endswith("index.html") else page)
        _sub(_sub(urlset, "url"), "loc", url)
    ET.indent(urlset)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"


# -- oEmbed ------------------------------------------------------------------

def oembed_json(inp: ExportInput) -> str | None:
    """``oembed.json``: an oEmbed 1.0 "rich" response for the timeline.

    oEmbed needs absolute URLs: without ``base_url`` there is none (and no
    discovery link points at it).  The height is a first guess from the
    number of events; ``embed.js`` sizes the iframe to its content.
    """
    base = inp.base_url
    if not base:
        return None
    title = inp.site.config.title
    height = min(max(160, 120 + 110 * len(inp.site.timeline.events)), 1200)
    data = {
        "version": "1.0", "type": "rich", "title": title,
        "provider_name": title, "provider_url": base,
        "html": embed_iframe(base, title, height), "width": 800, "height": height,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- TimelineJS --------------------------------------------------------------

def _tljs_date(date: PartialDate, end: bool = False) -> dict:
    """A TimelineJS date object holding only the parts ``date`` knows."""
    g = date.granularity
    if g in ("year", "decade", "century"):
        span = {"year": 0, "decade": 9, "century": 99}[g]
        return {"year": str(date.year + (span if end else 0))}
    day = date.last_day if end else date.first_day
    # first_day is clamped to year 1 for BC dates: count years from the true year
    fields = {"year": str(date.year + day.year - date.first_day.year), "month": str(day.month)}
    if g in ("week", "day", "time"):
        fields["day"] = str(day.day)
    if g == "time" and date.time and date.time[:2].isdigit():
        fields["hour"] = str(int(date.time[:2]))
        if date.time[3:5].isdigit():
            fields["minute"] = str(int(date.time[3:5]))
    return fields


def timelinejs_json(inp: ExportInput) -> str | bytes:
    """``timelinejs.json``: the events in TimelineJS3's JSON format.

    Dates carry only the parts the event knows (a month-level event has no
    day); spans coarser than a month but finer than a year (weeks, seasons,
    quarters) and decades get an ``end_date``.  ``display_date`` is the
    label the site shows ("Juli 2017", "um 1990").  Headline and text are
    escaped HTML, as TimelineJS renders them as HTML.
    """
    site, t = inp.site, labels(inp.lang)
    # an event's item depends on the event, its articles (named with it) and these
    pieces = inp.memo.pieces("timelinejs.json", (inp.lang, inp.base_url))
    events = [pieces.get(event, partial(_json_text, _tljs_event, inp, event, t["source"]))
              for event in site.timeline.events if event.date.is_calendar]
    summary = t["event_count"].format(events=count_label("n_events", len(events), inp.lang),
                                      articles=count_label("n_articles", len(site.articles),
                                                           inp.lang))
    data = {"title": {"text": {"headline": escape(site.config.title), "text": escape(summary)}},
            "events": events}
    return _json_one_item_per_line(data, pieces.join)


def _tljs_event(inp: ExportInput, event: Event, source_label: str) -> dict:
    sources, tags = inp.sources(event), inp.tags(event)
    item = {"start_date": dict(_tljs_date(event.date),
                               display_date=date_label(event.date, inp.lang, event.mod))}
    if event.date.granularity in ("week", "season", "quarter", "half", "decade", "century"):
        item["end_date"] = _tljs_date(event.date, end=True)
    links = " ".join(f'<a href="{escape(inp.event_href(event))}">{escape(a.title)}</a>'
                     for a in sources[:1])
    text = f"<p>{escape(event.sentence)}</p>" + (f"<p>{escape(source_label)}: {links}</p>"
                                                  if links else "")
    item["text"] = {"headline": escape(event.title), "text": text}
    if tags:
        item["group"] = escape(tags[0])  # TimelineJS shows group labels as HTML, like the text
    item["unique_id"] = event.id
    return item


#: output path → export function; add an export by adding an entry.
EXPORTS: dict[str, Callable[[ExportInput], "str | bytes | None"]] = {
    "events.json": events_json,
    "events.schema.json": events_schema_json,
    "events.ics": events_ics,
    "feed.xml": feed_xml,
    "sitemap.xml": sitemap_xml,
    "oembed.json": oembed_json,
    "timelinejs.json": timelinejs_json,
}


def render_exports(site: "Site", lang: str, pages: tuple[str, ...] = (),
                   memo: "Memo | StoredPieces | None" = None) -> dict[str, str | bytes]:
    """Every export of ``site`` as output path → text.

    In: the site, its language and the output paths of its HTML pages;
    ``memo`` keeps per-event parts for the next build.
    Out: the exports that apply to this site (see :data:`EXPORTS`); an
    export joined from stored pieces comes as its UTF-8 bytes.
    """
    return dict(iter_exports(site, lang, pages, memo))


def iter_exports(site: "Site", lang: str, pages: tuple[str, ...] = (),
                 memo: "Memo | StoredPieces | None" = None
                 ) -> Iterator[tuple[str, str | bytes]]:
    """:func:`render_exports` one export at a time, each made only when the
    previous one has been taken: a writer holds one large export at once."""
    inp = ExportInput(site, lang, tuple(pages), memo if memo is not None else NoMemo())
    for path, fn in EXPORTS.items():
        text = fn(inp)
        if text is not None:
            yield path, text
        del text  # not kept alive while the next export is made
