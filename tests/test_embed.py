"""The embed as built: the embed page, embed.js, the snippet on timeline pages, the 404 page."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from site_builder.build import build
from site_builder.config import load_config
from site_builder.embed import SANDBOX, embed_snippet

from helpers import write

BASE = "https://example.org/zeitleiste/"


def built(root: Path, **overrides) -> Path:
    build(load_config(root, overrides))
    return root / "output"


class Tags(HTMLParser):
    """Every start tag with its attributes, in order."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(text: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(text)
    return parser.tags


def test_embed_page_links_open_in_the_host_window(site):
    page = (built(site) / "embed" / "index.html").read_text("utf-8")
    links = [a for t, a in tags(page) if t == "a"]
    leaving = [a for a in links if not a["href"].startswith("#")]  # in-page: the density strip
    assert len(leaving) > 3, "the embed shows the events with links"
    assert all(a.get("target") == "_top" for a in leaving)
    assert all("target" not in a for a in links if a["href"].startswith("#"))
    assert '<meta name="robots" content="noindex">' in page  # a duplicate of the timeline
    assert 'class="site-header"' not in page and 'class="site-footer"' not in page
    scripts = [a["src"] for t, a in tags(page) if t == "script"]
    # the same filter script as the timeline page, and its filter form
    assert scripts == ["../static/timeline.js", "../static/embed-frame.js"]
    assert '<form class="filters" id="filters"' in page


def test_event_ids_on_embed_match_timeline_for_deep_links(site):
    out = built(site)
    ids = [re.findall(r'<li class="event[^"]*" id="([^"]+)"', (out / p).read_text("utf-8"))
           for p in ("index.html", "embed/index.html")]
    assert ids[0] and ids[0] == ids[1]


def test_embed_js_is_served_from_the_site_root(site):
    out = built(site)
    script = (out / "embed.js").read_text("utf-8")
    assert not (out / "static" / "embed.js").exists()
    assert "event.source !== f.iframe.contentWindow" in script
    assert SANDBOX in script  # the iframe it makes is sandboxed like the oEmbed one


def test_static_snippet_with_base_url_has_fallback_link(site):
    page = (built(site, base_url=BASE) / "index.html").read_text("utf-8")
    box = re.search(r'<details class="embed-box"[^>]*>.*?</details>', page, re.S).group(0)
    assert " hidden" not in box.split(">", 1)[0]
    code = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", box, re.S).group(1))
    assert code == embed_snippet(BASE, "Timeline")
    found = tags(code)
    assert found[0] == ("div", {"data-site-builder-timeline": BASE + "embed/"})
    assert found[1] == ("a", {"href": BASE})  # what readers without JavaScript get
    assert found[2] == ("script", {"src": BASE + "embed.js", "async": None})


def test_snippet_escapes_title_and_query():
    code = embed_snippet(BASE, 'A "quoted" <title> & more', "tag=a&b&lang=de")
    found = tags(code)
    assert found[0][1]["data-site-builder-timeline"] == BASE + "embed/?tag=a&b&lang=de"
    assert "&lt;title&gt; &amp; more" in code and "<title>" not in code


def test_without_base_url_the_box_waits_for_the_script(site):
    page = (built(site) / "index.html").read_text("utf-8")
    opening = re.search(r'<details class="embed-box"[^>]*>', page).group(0)
    assert " hidden" in opening  # no absolute URL, no snippet shown without JavaScript
    assert 'src="static/embed-snippet.js"' in page


def test_404_page_works_at_any_depth(site):
    page = (built(site, base_url=BASE) / "404.html").read_text("utf-8")
    assert 'href="/zeitleiste/static/style.css"' in page and 'href="/zeitleiste/"' in page
    assert '<meta name="robots" content="noindex">' in page
    page = (built(site) / "404.html").read_text("utf-8")
    assert 'href="/static/style.css"' in page
    assert not re.search(r'(href|src)="(?!/|https?:|#)', page)


def test_large_timeline_embed_mirrors_overview_and_year_pages(site):
    from site_builder.render import OVERVIEW_THRESHOLD
    events = "\n".join(f"  - {{date: {2000 + n % 3}-{1 + n % 12:02d}, title: Ereignis {n}}}"
                       for n in range(OVERVIEW_THRESHOLD + 1))
    write(site / "seeds" / "many.md", f"---\ntitle: Viele\ndate: 2003-01-01\nlang: de\nevents:\n{events}\n---\nText.\n")
    out = built(site, base_url=BASE)
    # the embed's overview is as light as the index: no list of every event
    overview = (out / "embed" / "index.html").read_text("utf-8")
    assert '<li class="event' not in overview
    year_links = [a for t, a in tags(overview) if t == "a" and a["href"].startswith("years/")]
    assert year_links and all("target" not in a for a in year_links)  # stay inside the iframe
    assert (out / "embed" / "years" / "2001" / "index.html").is_file()
    embedded = (out / "embed" / "years" / "2001" / "index.html").read_text("utf-8")
    year = (out / "years" / "2001" / "index.html").read_text("utf-8")
    ids = [re.findall(r'<li class="event[^"]*" id="([^"]+)"', page) for page in (embedded, year)]
    assert ids[0] and ids[0] == ids[1]
    leaving = [a for t, a in tags(embedded) if t == "a" and a["href"].startswith("../../../")]
    assert leaving and all(a.get("target") == "_top" for a in leaving)
    # the year page offers the snippet of its own embed
    code = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", year, re.S).group(1))
    assert code == embed_snippet(BASE, "Timeline", page="years/2001/")
    assert 'data-page="years/2001/"' in year
