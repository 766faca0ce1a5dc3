"""Every export validated against its schema or parsed with a parser for its format."""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import icalendar
import jsonschema
import pytest

from site_builder.build import build
from site_builder.config import Config, load_config
from site_builder.dates import PartialDate
from site_builder.exports import EXPORTS, FEED_SIZE, events_schema, render_exports
from site_builder.model import Article, Event, Source, Timeline
from site_builder.render import Site

from helpers import write

BASE = "https://example.org/zeitleiste/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# The key constraints of TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html):
# an "events" list of slides with a start_date holding at least a year; date parts are whole
# numbers (as numbers or strings); text is {headline, text}; unique_id and group are strings.
INT = {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^-?[0-9]+$"}]}
TL_DATE = {
    "type": "object", "required": ["year"], "additionalProperties": False,
    "properties": {"year": INT, "month": INT, "day": INT, "hour": INT, "minute": INT,
                   "second": INT, "millisecond": INT, "display_date": {"type": "string"}},
}
TIMELINEJS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object", "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": {"$ref": "#/$defs/text"}}},
        "events": {"type": "array", "items": {
            "type": "object", "required": ["start_date", "text"],
            "properties": {
                "start_date": TL_DATE, "end_date": TL_DATE, "text": {"$ref": "#/$defs/text"},
                "group": {"type": "string"}, "unique_id": {"type": "string", "pattern": r"^[^\s#]+$"},
                "display_date": {"type": "string"}, "media": {"type": "object"},
                "background": {"type": "object"}, "autolink": {"type": "boolean"},
            },
            "additionalProperties": False}},
        "eras": {"type": "array"}, "scale": {"enum": ["human", "cosmological"]},
    },
    "$defs": {"text": {"type": "object", "properties": {"headline": {"type": "string"},
                                                        "text": {"type": "string"}},
                       "additionalProperties": False}},
}

ARTICLE = """---
title: G20-Gipfel in Hamburg
date: 2017-07-09
lang: de
tags: [g20, hamburg]
events:
  - {date: 2017-07-07, title: Gipfel beginnt, text: Der Gipfel beginnt.}
  - {date: 2017-07, title: Proteste im Juli, text: Im Juli gibt es Proteste.}
  - {date: 2016, title: Planung beginnt, text: Die Planung beginnt.}
---
Die Staats- und Regierungschefs treffen sich in Hamburg.
"""


@pytest.fixture
def rich_site(site: Path) -> Path:
    """The dpa seed plus a Markdown article with tags and day/month/year events."""
    write(site / "seeds" / "g20.md", ARTICLE)
    return site


def built(root: Path, **overrides) -> Path:
    build(load_config(root, overrides))
    return root / "output"


def event_site(tmp_path: Path, dates: list[str], base_url: str = "") -> Site:
    """A site model with one article and one event per TIMEX3 value in ``dates``."""
    article = Article(slug="a", title="Artikel", date=PartialDate("2018-03-04"), lang="de",
                      text="x", body_html="<p>x</p>", source_path="seeds/a.md", tags=("t",))
    events = tuple(Event(id=f"a-{n}", date=PartialDate(v), title=f"Ereignis {v}",
                         sentence=f"Satz {n}.", start=0, end=1, slug="a",
                         sources=(Source("a", f"Satz {n}.", 0, 1),), lang="de")
                   for n, v in enumerate(dates))
    return Site(config=Config(root=tmp_path, base_url=base_url), articles=(article,),
                timexes={}, timeline=Timeline(tuple(sorted(events, key=lambda e: e.sort_key))))


# -- events.json ---------------------------------------------------------------

def test_events_json_valid_against_published_schema(rich_site):
    out = built(rich_site)
    schema = json.loads((out / "events.schema.json").read_text("utf-8"))
    assert schema == json.loads(events_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads((out / "events.json").read_text("utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert {e["granularity"] for e in data["events"]} >= {"day", "month", "year"}


@pytest.mark.parametrize("break_it", [
    lambda d: d["events"][0].update(date="2017-07-01T"),   # not a TIMEX3 value
    lambda d: d["events"][0].pop("id"),
    lambda d: d["events"][0].update(granularity="fortnight"),
    lambda d: d["articles"][0].update(tags="g20"),
    lambda d: d.update(version=2),
])
def test_schema_rejects_broken_events_json(rich_site, break_it):
    data = json.loads((built(rich_site) / "events.json").read_text("utf-8"))
    break_it(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(events_schema()), cls=jsonschema.Draft202012Validator)


# -- events.ics ----------------------------------------------------------------

def ics_events(text: str) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(text)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    found = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"])
        assert uid not in found
        found[uid] = ev
    return found


def test_ics_day_month_year_events_are_all_day_spans(rich_site):
    out = built(rich_site)
    data = json.loads((out / "events.json").read_text("utf-8"))
    events = ics_events((out / "events.ics").read_text("utf-8"))
    assert set(events) == {e["id"] + "@site-builder" for e in data["events"]}
    spans = {e["title"]: (events[e["id"] + "@site-builder"], e["granularity"]) for e in data["events"]}
    expected = {"Gipfel beginnt": (dt.date(2017, 7, 7), dt.date(2017, 7, 8)),
                "Proteste im Juli": (dt.date(2017, 7, 1), dt.date(2017, 8, 1)),
                "Planung beginnt": (dt.date(2016, 1, 1), dt.date(2017, 1, 1))}
    for title, (start, end) in expected.items():
        ev, granularity = spans[title]
        # all-day: DATE values (not DATE-TIME), the end exclusive
        assert type(ev.decoded("DTSTART")) is dt.date and ev.decoded("DTSTART") == start
        assert type(ev.decoded("DTEND")) is dt.date and ev.decoded("DTEND") == end
        assert f"granularity: {granularity}" in str(ev["DESCRIPTION"])
    # DTSTAMP comes from the data (the newest article, 2017-11), not from the clock
    assert {ev.decoded("DTSTAMP") for ev in events.values()} == \
        {dt.datetime(2017, 11, 1, tzinfo=dt.timezone.utc)}
    assert "g20" in [str(c) for c in spans["Gipfel beginnt"][0]["CATEGORIES"].cats]


def test_ics_spans_of_other_granularities_and_skips_what_it_cannot_date(tmp_path):
    site = event_site(tmp_path, ["2017-W45", "2017-WI", "197", "2017-11-10T16:30", "BC0300"])
    events = ics_events(render_exports(site, "de")["events.ics"])
    spans = {str(ev["SUMMARY"]).split()[-1]: (ev.decoded("DTSTART"), ev.decoded("DTEND"))
             for ev in events.values()}
    assert spans == {"2017-W45": (dt.date(2017, 11, 6), dt.date(2017, 11, 13)),
                     "2017-WI": (dt.date(2017, 12, 1), dt.date(2018, 3, 1)),
                     "197": (dt.date(1970, 1, 1), dt.date(1980, 1, 1)),
                     "2017-11-10T16:30": (dt.date(2017, 11, 10), dt.date(2017, 11, 11))}


def test_ics_leaves_out_spans_ending_on_the_last_day_of_the_calendar(tmp_path):
    """"31. Dezember 9999" is a date an article may name; its exclusive end
    (the next day) is not, which used to crash the build."""
    site = event_site(tmp_path, ["9999-12-31", "9999", "999", "9999-11"])
    events = ics_events(render_exports(site, "de")["events.ics"])
    assert [str(ev["SUMMARY"]) for ev in events.values()] == ["Ereignis 9999-11"]


def test_ics_text_survives_escaping_and_folding_intact(tmp_path):
    """Long titles with commas, semicolons, backslashes, line ends and
    multi-byte letters come back from a real iCalendar parser unchanged, and
    no physical line is longer than RFC 5545's 75 octets."""
    site = event_site(tmp_path, ["2017-07-07"])
    title = "Gipfel; Streit, Einigung \\ Nachtrag: " + "Überraschung für Ärzte und Öffentlichkeit " * 6
    sentence = "Zeile eins,\nZeile zwei; " + "€ und 漢字 " * 30
    event = site.timeline.events[0]
    site = replace(site, timeline=Timeline((replace(
        event, title=title, sentence=sentence),)))
    text = render_exports(site, "de")["events.ics"]
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert text.endswith("END:VCALENDAR\r\n")
    (ev,) = ics_events(text).values()
    assert str(ev["SUMMARY"]) == title
    assert str(ev["DESCRIPTION"]).startswith(sentence + "\n\n")


# -- feed.xml ------------------------------------------------------------------

def test_feed_is_atom_with_absolute_links_when_base_url_is_set(rich_site):
    out = built(rich_site, base_url=BASE)
    feed = ET.parse(out / "feed.xml").getroot()
    assert feed.tag == ATOM + "feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(ATOM + name) is not None, name
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == BASE + "feed.xml"
    entries = feed.findall(ATOM + "entry")
    data = json.loads((out / "events.json").read_text("utf-8"))
    assert len(entries) == len(data["events"])
    updated = [e.findtext(ATOM + "updated") for e in entries]
    assert updated == sorted(updated, reverse=True)  # newest reported first
    for entry in entries:
        assert entry.findtext(ATOM + "id").startswith("urn:uuid:")
        dt.datetime.strptime(entry.findtext(ATOM + "updated"), "%Y-%m-%dT%H:%M:%SZ")
        assert entry.find(ATOM + "link").get("href").startswith(BASE + "articles/")
    assert len({e.findtext(ATOM + "id") for e in entries}) == len(entries)


def test_feed_without_base_url_has_relative_links_and_no_self_link(rich_site):
    feed = ET.parse(built(rich_site) / "feed.xml").getroot()
    assert feed.find(f"{ATOM}link[@rel='self']") is None
    for entry in feed.findall(ATOM + "entry"):
        assert entry.find(ATOM + "link").get("href").startswith("articles/")


def test_feed_holds_only_the_latest_events(tmp_path):
    site = event_site(tmp_path, [f"{1900 + n}" for n in range(FEED_SIZE + 10)])
    feed = ET.fromstring(render_exports(site, "de")["feed.xml"])
    titles = [e.findtext(ATOM + "title") for e in feed.findall(ATOM + "entry")]
    assert len(titles) == FEED_SIZE
    assert titles[0].endswith(str(1900 + FEED_SIZE + 9)) and titles[-1].endswith("1910")


# -- sitemap.xml, oembed.json ----------------------------------------------------

def test_sitemap_lists_every_readable_page_with_absolute_urls(rich_site):
    out = built(rich_site, base_url=BASE.rstrip("/"))  # with or without the trailing slash
    root = ET.parse(out / "sitemap.xml").getroot()
    assert root.tag == SITEMAP + "urlset"
    locs = [u.findtext(SITEMAP + "loc") for u in root.findall(SITEMAP + "url")]
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("index.html")
                   if not p.relative_to(out).as_posix().startswith("embed/"))
    assert sorted(locs) == sorted(BASE + p[:-len("index.html")] for p in pages)
    assert locs[0] == BASE
    assert not any("embed" in loc or "404" in loc for loc in locs)


def test_oembed_rich_response_and_discovery_link(rich_site):
    out = built(rich_site, base_url=BASE)
    data = json.loads((out / "oembed.json").read_text("utf-8"))
    assert data["version"] == "1.0" and data["type"] == "rich"
    for key in ("width", "height"):
        assert isinstance(data[key], int) and data[key] > 0
    assert data["title"] and data["provider_name"] and data["provider_url"] == BASE
    assert f'<iframe src="{BASE}embed/"' in data["html"] and f'src="{BASE}embed.js"' in data["html"]
    link = f'<link rel="alternate" type="application/json+oembed" href="{BASE}oembed.json"'
    assert link in (out / "index.html").read_text("utf-8")
    assert "json+oembed" not in (out / "articles" / "g20" / "index.html").read_text("utf-8")


def test_without_base_url_no_sitemap_no_oembed_and_no_discovery_link(rich_site):
    out = built(rich_site)
    assert not (out / "sitemap.xml").exists() and not (out / "oembed.json").exists()
    assert "json+oembed" not in (out / "index.html").read_text("utf-8")
    for page in out.rglob("*.html"):
        html = page.read_text("utf-8")
        for href in ("feed.xml", "events.ics", "events.json"):
            if f'href="{href}"' in html:
                assert (page.parent / href).is_file()


# -- timelinejs.json ------------------------------------------------------------

def test_timelinejs_valid_and_dates_at_their_granularity(rich_site):
    out = built(rich_site)
    data = json.loads((out / "timelinejs.json").read_text("utf-8"))
    jsonschema.validate(data, TIMELINEJS_SCHEMA, cls=jsonschema.Draft202012Validator)
    ours = json.loads((out / "events.json").read_text("utf-8"))["events"]
    assert [e["unique_id"] for e in data["events"]] == [e["id"] for e in ours]
    by_id = {e["unique_id"]: e for e in data["events"]}
    for event in ours:
        start = by_id[event["id"]]["start_date"]
        parts = {"year": {"year"}, "month": {"year", "month"}, "day": {"year", "month", "day"}}
        assert set(start) - {"display_date"} == parts[event["granularity"]]
        assert start["display_date"] == event["label"]
    tagged = [e for e in data["events"] if e["text"]["headline"] == "Gipfel beginnt"]
    assert tagged[0]["group"] == "g20"
    assert tagged[0]["start_date"] == {"year": "2017", "month": "7", "day": "7",
                                            "display_date": "7. Juli 2017"}


def test_timelinejs_spans_and_escaped_html(tmp_path):
    site = event_site(tmp_path, ["2017-SU", "197", "BC0300"])
    site = Site(config=site.config, articles=site.articles, timexes={},
                timeline=Timeline(tuple(replace(e, title="<b>x</b> & y")
                                        for e in site.timeline.events)))
    data = json.loads(render_exports(site, "en")["timelinejs.json"])
    jsonschema.validate(data, TIMELINEJS_SCHEMA, cls=jsonschema.Draft202012Validator)
    dates = [(e["start_date"], e.get("end_date")) for e in data["events"]]
    assert dates[0] == ({"year": "-300", "display_date": "300 BC"}, None)
    assert dates[1] == ({"year": "1970", "display_date": "the 1970s"}, {"year": "1979"})
    assert dates[2] == ({"year": "2017", "month": "6", "display_date": "Summer 2017"},
                        {"year": "2017", "month": "8"})
    assert data["events"][0]["text"]["headline"] == "&lt;b&gt;x&lt;/b&gt; &amp; y"


# -- all of them ----------------------------------------------------------------

def test_every_export_is_deterministic_and_registered(rich_site, tmp_path):
    first = built(rich_site, base_url=BASE)
    files = {p: (first / p).read_bytes() for p in EXPORTS}
    assert set(files) == {"events.json", "events.schema.json", "events.ics", "feed.xml",
                          "sitemap.xml", "oembed.json", "timelinejs.json"}
    again = built(rich_site, base_url=BASE)
    assert {p: (again / p).read_bytes() for p in EXPORTS} == files


def test_links_point_at_the_sentence_only_when_the_article_has_it(tmp_path):
    site = event_site(tmp_path, ["2017-07", "2017-08"], base_url=BASE)
    first, second = site.timeline.events
    unanchored = replace(second, sources=(Source("a", "Nur im Vorspann.", 0, 0),))
    site = replace(site, timeline=Timeline((first, unanchored)))
    feed = ET.fromstring(render_exports(site, "de")["feed.xml"])
    links = sorted(e.find(ATOM + "link").get("href") for e in feed.findall(ATOM + "entry"))
    assert links[0] == BASE + "articles/a/"
    assert links[1].startswith(BASE + "articles/a/#s-")
