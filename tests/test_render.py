"""The timeline and article pages as rendered HTML (no browser): dates at
their own granularity, the density strip, the filter data, the overview of
large timelines with one page per year, and the article pages' marks."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_builder.config import load_config
from site_builder.dates import PartialDate
from site_builder.model import Event, Source, Timeline, Timex
from site_builder.render import OVERVIEW_THRESHOLD, Site, anchor_id, render_site
from site_builder.theme import Theme

from helpers import large_site, make_article, make_event


def render(tmp_path: Path, articles, events, timexes=None, language="de") -> dict[str, str]:
    config = load_config(tmp_path, {"language": language, "title": "Chronik"})
    events = sorted(events, key=lambda e: e.sort_key)
    site = Site(config=config, articles=tuple(articles), timexes=timexes or {},
                timeline=Timeline(tuple(events)))
    files = render_site(site, Theme(tmp_path))
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".html")}


class Elements(HTMLParser):
    """Every start tag as (tag, attrs dict), in document order."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def with_class(self, name: str) -> list[dict]:
        return [a for _, a in self.found if name in (a.get("class") or "").split()]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.found if "id" in a}


@pytest.fixture
def small(tmp_path):
    text = ("Im Juli 2017 trafen sich die Staatschefs in Hamburg. "
            "Die Allianz wurde um 1990 gegründet. 2016 begannen Gespräche für drei Jahre. "
            "Am 10. November 2017 endete das Treffen.")
    art = make_article("gipfel", text, tags=("g20", "new york"))
    en = make_article("talks", "Talks began on 3 May 2015.", date="2015-05-03", lang="en",
                      tags=("climate",), agency=None, places=(), url="https://www.example.org/a")
    events = [
        make_event(art, "2017-07", "Staatschefs trafen sich", "Im Juli 2017 trafen sich die Staatschefs in Hamburg."),
        make_event(art, "1990", "Allianz gegründet", "Die Allianz wurde um 1990 gegründet.", mod="APPROX"),
        make_event(art, "2016", "Gespräche begannen", "2016 begannen Gespräche für drei Jahre."),
        make_event(art, "2017-11-10", "Treffen endete", "Am 10. November 2017 endete das Treffen."),
        make_event(en, "2015-05-03", "Talks began", "Talks began on 3 May 2015."),
    ]
    def timex(words, *rest):
        start = text.index(words)
        return Timex(start, start + len(words), words, *rest)
    timexes = {"gipfel": (timex("Juli 2017", "DATE", "2017-07"), timex("1990", "DATE", "1990", "APPROX"),
                          timex("drei Jahre", "DURATION", "P3Y"))}
    return [art, en], events, timexes


def test_dates_shown_at_their_own_granularity_in_german(tmp_path, small):
    pages = render(tmp_path, *small)
    index = pages["index.html"]
    times = dict(re.findall(r'<time class="event-date" datetime="([^"]+)">([^<]+)</time>', index))
    assert times == {"1990": "um 1990", "2015-05-03": "3. Mai 2015", "2016": "2016",
                     "2017-07": "Juli 2017", "2017-11-10": "10. November 2017"}
    assert "2017-07-01" not in index and "1990-01-01" not in index
    # grouped by year, then month; month headings in German from CLDR
    headings = re.findall(r'class="(?:year|month)-heading">([^<]+)<', index)
    assert headings == ["1990", "2015", "Mai 2015", "2016", "2017", "Juli 2017", "November 2017"]
    assert re.search(r'<html lang="de">', index)


def test_dates_and_labels_in_english(tmp_path, small):
    index = render(tmp_path, *small, language="en")["index.html"]
    assert '<time class="event-date" datetime="1990">about 1990</time>' in index
    assert '<time class="event-date" datetime="2017-07">July 2017</time>' in index
    assert "5 events from 2 articles" in index and '<html lang="en">' in index
    assert "Skip to content" in index


def test_event_shows_title_sources_and_link_to_sentence(tmp_path, small):
    pages = render(tmp_path, *small)
    index = pages["index.html"]
    sentence = "Im Juli 2017 trafen sich die Staatschefs in Hamburg."
    href = f"articles/gipfel/#{anchor_id('gipfel', sentence)}"
    assert f'<a href="{href}">Staatschefs trafen sich</a>' in index
    assert "Artikel gipfel</a> <span class=\"agency\">(dpa, Berlin)</span>" in index
    article = pages["articles/gipfel/index.html"]
    assert f'id="{anchor_id("gipfel", sentence)}" class="event-sentence"' in article


def test_density_strip_links_every_bar_to_its_part_of_the_list(tmp_path, small):
    index = render(tmp_path, *small)["index.html"]
    page = Elements(index)
    bars = [a for tag, a in page.found if tag == "a" and a.get("href", "").startswith("#y")]
    labels = [b["aria-label"] for b in bars]
    assert labels == ["1990: 1 Ereignis", "2015: 1 Ereignis", "2016: 1 Ereignis", "2017: 2 Ereignisse"]
    assert {b["href"][1:] for b in bars} <= page.ids()
    assert "Ereignisse pro Jahr" in index


def test_density_strip_counts_months_for_a_short_span(tmp_path):
    art = make_article("a", "Eins. Zwei. Drei.")
    events = [make_event(art, "2017-04", "Eins", "Eins."), make_event(art, "2017-07-02", "Zwei", "Zwei."),
              make_event(art, "2017-07-20", "Drei", "Drei.")]
    index = render(tmp_path, [art], events)["index.html"]
    labels = re.findall(r'<a href="#y2017-\d\d" aria-label="([^"]+)"', index)
    assert labels == ["April 2017: 1 Ereignis", "Juli 2017: 2 Ereignisse"]
    # four month slots April..July, empty months drawn as gaps
    assert 'viewBox="0 0 40 40"' in index


def test_filter_form_and_data_for_the_script(tmp_path, small):
    index = render(tmp_path, *small)["index.html"]
    page = Elements(index)
    form = next(a for tag, a in page.found if tag == "form")
    assert "hidden" in form  # shown by the script; useless without it
    options = [a.get("value") for tag, a in page.found if tag == "option"]
    assert {"g20", "new york", "climate", "dpa", "example.org", "de", "en"} <= set(options)
    july = next(a for a in page.with_class("event") if a["data-date"] == "2017-07")
    assert july["data-first"] == "2017-07" and july["data-last"] == "2017-07"
    assert july["data-tags"] == "g20|new york" and july["data-sources"] == "dpa" and july["data-lang"] == "de"
    decade = next(a for a in page.with_class("event") if a["data-date"] == "2016")
    assert (decade["data-first"], decade["data-last"]) == ("2016-01", "2016-12")
    assert 'src="static/timeline.js"' in index


def test_no_inline_script_on_any_page(tmp_path, small):
    for path, html in render(tmp_path, *small).items():
        for tag, attrs in Elements(html).found:
            if tag == "script":
                assert attrs.get("src"), path
            assert not any(k.startswith("on") for k in attrs), (path, tag)
        assert "script-src 'self'" in html, path


def test_article_page_marks_every_time_expression_and_links_back(tmp_path, small):
    pages = render(tmp_path, *small)
    article = pages["articles/gipfel/index.html"]
    assert '<time datetime="2017-07" class="timex timex-date" title="Juli 2017 (2017-07)"' in article
    assert '<time datetime="1990" class="timex timex-date" title="um 1990 (1990)"' in article
    # a duration HTML cannot express keeps its value in the title, without a datetime
    assert '<time class="timex timex-duration" title="P3Y" data-value="P3Y">' in article
    # the sentence stays one element around its time expression
    sentence_id = anchor_id("gipfel", "Im Juli 2017 trafen sich die Staatschefs in Hamburg.")
    assert re.search(rf'<span id="{sentence_id}" class="event-sentence">Im <time [^>]+>Juli 2017</time>'
                     r' trafen sich die Staatschefs in Hamburg\.</span>', article)
    box = article.split('class="on-timeline"', 1)[1]
    links = re.findall(r'<a href="\.\./\.\./(#[^"]+)">', box)
    index_ids = Elements(pages["index.html"]).ids()
    assert len(links) == 4 and all(link[1:] in index_ids for link in links)
    assert '<html lang="de">' in article and '<article class="article" lang="de">' in article
    assert "Veröffentlicht:" in article and "dpa" in article and "Berlin" in article


def test_previous_and_next_article_by_date(tmp_path, small):
    articles, events, timexes = small
    later = make_article("spaeter", "Nichts.", date="2018-01-02")
    pages = render(tmp_path, [*articles, later], events, timexes)
    middle = pages["articles/gipfel/index.html"].split('class="article-nav"', 1)[1]
    assert re.search(r'rel="prev" href="\.\./talks/"', middle)
    assert re.search(r'rel="next" href="\.\./spaeter/"', middle)
    first = pages["articles/talks/index.html"].split('class="article-nav"', 1)[1]
    assert 'rel="prev"' not in first.split("</nav>")[0]


def test_large_timeline_gets_an_overview_and_one_page_per_year(tmp_path):
    articles, events = large_site(OVERVIEW_THRESHOLD + 10)
    pages = render(tmp_path, articles, events)
    index = pages["index.html"]
    assert 'class="event ' not in index  # no event list on the overview
    summaries = Elements(index).with_class("year-summary")
    assert [s["id"] for s in summaries] == [f"y{y}" for y in range(2001, 2011)]
    year_pages = sorted(p for p in pages if p.startswith("years/"))
    assert year_pages == [f"years/{y}/index.html" for y in range(2001, 2011)]
    # every event exactly once, on its year's page
    seen = []
    for path in year_pages:
        year = path.split("/")[1]
        for ev in Elements(pages[path]).with_class("event"):
            assert ev["data-date"].startswith(year)
            seen.append(ev["id"])
    assert sorted(seen) == sorted(e.id for e in events)
    # density bars link to the year pages; the articles link to the event on its year page
    assert re.findall(r'<a href="(years/2001/)" aria-label', index)
    article = pages["articles/a0000/index.html"]
    for target in re.findall(r'<a href="\.\./\.\./(years/[^"]+)">', article):
        path, anchor = target.split("#")
        assert anchor in Elements(pages[path + "index.html"]).ids()
    year_page = pages["years/2005/index.html"]
    assert 'rel="prev" href="../2004/"' in year_page and 'rel="next" href="../2006/"' in year_page
    assert 'href="../../static/style.css"' in year_page


def test_small_timeline_has_no_year_pages(tmp_path):
    articles, events = large_site(OVERVIEW_THRESHOLD)
    pages = render(tmp_path, articles, events)
    assert not any(p.startswith("years/") for p in pages)
    assert len(Elements(pages["index.html"]).with_class("event")) == OVERVIEW_THRESHOLD


def test_month_names_come_from_cldr_not_from_our_language_data():
    from site_builder.i18n import de, en, month_label
    for lang, module, july in (("de", de, "Juli"), ("en", en, "July")):
        names = [month_label(2017, m, lang).split()[0] for m in range(1, 13)]
        assert names[6] == july and len(set(names)) == 12
        assert not [name for name in names if name in repr(module.LABELS)]


def test_text_in_another_language_is_marked_with_its_lang(tmp_path, small):
    pages = render(tmp_path, *small)  # a German site with one English article
    index = pages["index.html"]
    assert re.search(r'class="event-title" lang="en"><a [^>]+>Talks began</a>', index)
    assert not re.search(r'class="event-title" lang="de"', index)
    assert re.search(r'<a href="articles/talks/#[^"]+" lang="en">Artikel talks</a>', index)
    english = pages["articles/talks/index.html"]
    assert '<html lang="de">' in english and '<article class="article" lang="en">' in english


def test_hand_made_event_without_sentence_links_to_the_article(tmp_path, small):
    articles, events, timexes = small
    art = articles[0]
    manual = Event(id="gipfel-manual", date=PartialDate("2018"), title="Nachtrag", sentence="Nachtrag",
                   start=0, end=0, slug=art.slug, lang="de", manual=True,
                   sources=(Source(art.slug, "Nachtrag", 0, 0),))
    pages = render(tmp_path, articles, [*events, manual], timexes)
    assert '<a href="articles/gipfel/">Nachtrag</a>' in pages["index.html"]
    box = pages["articles/gipfel/index.html"].split('class="on-timeline"', 1)[1]
    assert re.search(r'>Nachtrag</a></li>', box)  # no "read in the article" link to a missing anchor


def test_coarse_and_ancient_dates_get_valid_html_datetimes(tmp_path):
    art = make_article("alt", "Rom wurde gegründet. Die Jahre des Aufbruchs. Ein Sommer.")
    events = [make_event(art, "BC0300", "Rom wurde gegründet", "Rom wurde gegründet."),
              make_event(art, "197", "Aufbruch", "Die Jahre des Aufbruchs."),
              make_event(art, "2017-SU", "Sommer", "Ein Sommer.")]
    index = render(tmp_path, [art], events)["index.html"]
    times = re.findall(r'<time class="event-date"([^>]*)>([^<]+)</time>', index)
    assert times == [("", "300 v. Chr."), (' datetime="1970"', "die 1970er Jahre"),
                     (' datetime="2017"', "Sommer 2017")]


def test_templates_read_dicts_as_plain_jinja_does(tmp_path):
    """The theme's environment reads a dict's keys without trying an
    attribute first (faster), yet a dict's own methods still win over
    its keys and a missing key is still undefined, as in plain Jinja."""
    import jinja2

    source = ("{{ d.title }}|{{ d['items'] }}|{{ d.items()|list|length }}|{{ d.get('title') }}"
              "|{{ d.missing is defined }}|{{ o.real }}")
    values = {"d": {"title": "T", "items": "I", "get": "G"}, "o": 3}
    plain = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(source)
    ours = Theme(tmp_path).env.from_string(source)
    assert ours.render(**values) == plain.render(**values) == "T|I|3|T|False|3"
    with pytest.raises(jinja2.UndefinedError):
        Theme(tmp_path).env.from_string("{{ d.missing }}").render(**values)
