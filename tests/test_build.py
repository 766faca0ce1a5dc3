"""End to end: seeds/ → output/ with the timeline, article pages, embed and export."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_builder.build import build
from site_builder.config import load_config
from site_builder.errors import InputError

from helpers import write

SEED_EVENTS = [("2017-04", "Marschflugkörper"), ("2017-07", "G20"), ("2017-11", "Apec")]


def build_site(root: Path, **overrides):
    return build(load_config(root, overrides))


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


class Events(HTMLParser):
    """Collect the timeline's events: datetime, title and link, in page order."""

    def __init__(self):
        super().__init__()
        self.events, self._in_li, self._field, self._title_tag = [], False, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "li" and "event" in (a.get("class") or "").split():
            self.events.append({"id": a["id"], "datetime": None, "title": "", "href": None})
        elif self.events and tag == "time" and self.events[-1]["datetime"] is None:
            self.events[-1]["datetime"] = a.get("datetime")
        elif self.events and "event-title" in (a.get("class") or "").split():
            self._field, self._title_tag = "title", tag
        elif self._field == "title" and tag == "a":
            self.events[-1]["href"] = a.get("href")

    def handle_endtag(self, tag):
        if self._field == "title" and tag == self._title_tag:
            self._field = None

    def handle_data(self, data):
        if self._field == "title":
            self.events[-1]["title"] += data


def timeline_events(html: str) -> list[dict]:
    parser = Events()
    parser.feed(html)
    return parser.events


def test_seed_builds_three_events_in_order(site):
    result = build_site(site)
    index = (site / "output" / "index.html").read_text(encoding="utf-8")
    events = timeline_events(index)
    main = [e for e in events if e["datetime"] in {"2017-04", "2017-07", "2017-11"}]
    assert [e["datetime"] for e in events] == sorted(e["datetime"] for e in events)
    for value, _ in SEED_EVENTS:
        assert value in [e["datetime"] for e in main]
    # no event from "Nr. 2254" or from the header itself
    assert not any("2254" in (e["datetime"] or "") for e in events)
    assert result.articles == 1 and result.events == len(events)
    assert 3 <= len(events) <= 4
    exported = json.loads((site / "output" / "events.json").read_text(encoding="utf-8"))
    assert [e["date"] for e in exported["events"]] == [e["datetime"] for e in events]


def test_event_links_to_sentence_anchor_in_article(site):
    build_site(site)
    out = site / "output"
    for event in timeline_events((out / "index.html").read_text(encoding="utf-8")):
        path, _, anchor = event["href"].partition("#")
        page = (out / path / "index.html").read_text(encoding="utf-8")
        m = re.search(rf'<span id="{re.escape(anchor)}" class="event-sentence">(.*?)</span>', page, re.S)
        assert m, f"no sentence anchor {anchor} in {path}"
    css = (out / "static" / "style.css").read_text()
    assert ".event-sentence:target" in css


def test_article_page_marks_time_expressions(site):
    build_site(site)
    page = (site / "output" / "articles" / "000_8d4080564ea0615d" / "index.html").read_text("utf-8")
    assert re.search(r'<time datetime="2017-04"[^>]*>April</time>', page)
    assert re.search(r'<time datetime="2017-07"[^>]*>Juli</time>', page)
    assert "Da Nang/Moskau" in page and "dpa" in page


def test_all_pages_exist_and_escape_text(site):
    write(site / "seeds" / "evil.md", "---\ntitle: '<script>alert(1)</script> Gipfel'\ndate: 2017-07-07\n"
          "lang: de\n---\nAm 7. Juli 2017 begann in Hamburg der G20-Gipfel <b onclick=x>.\n")
    build_site(site)
    out = site / "output"
    for rel in ("index.html", "embed/index.html", "404.html", "events.json", "static/style.css",
                "articles/000_8d4080564ea0615d/index.html", "articles/evil/index.html"):
        assert (out / rel).is_file(), rel
    for page in out.rglob("*.html"):
        html = page.read_text("utf-8")
        assert "<script>alert" not in html and "onclick" not in html
        assert "Content-Security-Policy" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Gipfel" in (out / "index.html").read_text("utf-8")


def test_same_input_builds_byte_identical_output(site, tmp_path):
    build_site(site)
    first = snapshot(site / "output")
    other = tmp_path / "copy"
    shutil.copytree(site / "seeds", other / "seeds")
    build_site(other)
    assert snapshot(other / "output") == first


def test_failed_build_leaves_previous_output_byte_identical(site):
    build_site(site)
    before = snapshot(site / "output")
    write(site / "seeds" / "broken.md", "---\ntitle: [unclosed\n---\nText.\n")
    with pytest.raises(InputError, match="broken.md"):
        build_site(site)
    assert snapshot(site / "output") == before
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".output.")) in ([], [".output.lock"])


def test_keep_going_skips_bad_article(site):
    write(site / "seeds" / "broken.md", "---\ntitle: [unclosed\n---\nText.\n")
    result = build_site(site, keep_going=True)
    assert result.articles == 1 and any("broken.md" in w for w in result.warnings)


def test_duplicate_slugs_name_both_files(site):
    write(site / "seeds" / "a.md", "---\ntitle: A\nslug: same\n---\nText one here.\n")
    write(site / "seeds" / "b.md", "---\ntitle: B\nslug: same\n---\nText two here.\n")
    with pytest.raises(InputError) as info:
        build_site(site)
    assert "a.md" in str(info.value) and "b.md" in str(info.value)


def test_site_templates_override_default_theme_file_by_file(site):
    write(site / "templates" / "404.html", "custom {{ site.title }}\n")
    write(site / "static" / "extra.css", "body{}")
    build_site(site)
    out = site / "output"
    assert (out / "404.html").read_text() == "custom Timeline\n"
    assert (out / "static" / "extra.css").is_file() and (out / "static" / "style.css").is_file()
    assert "<ol class=\"events\">" in (out / "index.html").read_text("utf-8")


def test_pool_workers_collect_garbage_while_the_build_pauses_the_collector():
    # A forked worker inherits the paused collector; without collecting, the
    # cyclic garbage of every article it reads stays (a 10,000-article build
    # went over 1 GB for the process tree).
    import gc

    from site_builder.build import _collector_paused, worker_pool

    with _collector_paused(), worker_pool(2, 100) as pool:
        assert not gc.isenabled()
        assert [pool.submit(gc.isenabled).result() for _ in range(4)] == [True] * 4
