"""Render stage: timeline + articles + config → every output file's bytes.

Nothing is written here: :func:`render_site` returns ``{path: bytes}`` for
the writer.  Templates get plain dicts and never call back into the engine.
All internal links are relative, so the site works under any base URL and
from the file system.
"""
from __future__ import annotations

import functools
import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import Callable

from . import exports
from .cache import fingerprint
from .config import Config
from .i18n import date_label, labels, month_label
from .markup import Mark, mark_html
from .model import Article, Event, Source, Timeline, Timex
from .theme import Theme


@dataclass(frozen=True)
class Site:
    """Everything a site is made of, ready to render."""

    config: Config
    articles: tuple[Article, ...]
    timexes: dict[str, tuple[Timex, ...]]  # article slug → its time expressions
    timeline: Timeline
    warnings: tuple[str, ...] = field(default=())

    @property
    def lang(self) -> str:
        """The site's language: configured, or the articles' commonest."""
        if self.config.language:
            return self.config.language
        counts = Counter(a.lang for a in self.articles)
        return min(counts, key=lambda k: (-counts[k], k)) if counts else "en"


def anchor_id(slug: str, sentence: str) -> str:
    """The id of a sentence on its article page: stable across rebuilds."""
    return "s-" + hashlib.sha1(f"{slug}\n{sentence}".encode()).hexdigest()[:10]


def html_datetime(event_date) -> str:
    """A ``datetime`` attribute valid in HTML for any granularity.

    HTML knows years, months, weeks, days and times; seasons, quarters and
    halves fall back to their year, decades and centuries to their first year.
    """
    g = event_date.granularity
    if g in ("year", "month", "week", "day"):
        return event_date.value
    if g == "time":
        return event_date.value if event_date.time and event_date.time[0].isdigit() \
            else event_date.value[:10]
    return f"{event_date.year:04d}" if event_date.year and event_date.year > 0 else event_date.value


@dataclass(frozen=True)
class Page:
    """One output file: a fingerprint of what it is made from, and how to make it.

    ``inputs`` is a digest of everything the bytes depend on besides the
    theme and the code (the build adds those); ``make`` renders the bytes.
    Equal inputs give equal bytes, so a build may keep the previous file.
    """

    inputs: str
    make: Callable[[], str | bytes]


def plan_site(site: Site, theme: Theme) -> dict[str, Page]:
    """Every output file of ``site`` as a :class:`Page`, nothing rendered yet.

    In: the site model and its theme.  Out: output-relative POSIX path →
    page, sorted by path.
    """
    lang = site.lang
    by_slug = {a.slug: a for a in site.articles}
    common = {"site": _site_view(site, lang), "t": labels(lang), "lang": lang}
    common_fp = fingerprint((common["site"], lang))
    article_fp = {a.slug: fingerprint(a) for a in site.articles}
    events_fp = fingerprint(site.timeline)
    # The timeline pages show the events and the articles' metadata, not their text.
    timeline_fp = fingerprint((common_fp, events_fp, tuple(
        replace(a, text="", body_html="") for a in site.articles)))
    site_fp = fingerprint((common_fp, events_fp, tuple(article_fp[a.slug] for a in site.articles)))
    timeline_view = _Lazy(lambda: _timeline_view(site, by_slug, lang))
    pages: dict[str, Page] = {}
    pages["index.html"] = Page(timeline_fp, lambda: _render(
        theme, "index.html", common, root="", timeline=timeline_view(), page="timeline", target=""))
    # Links inside the embed open in the host window, not in the iframe.
    pages["embed/index.html"] = Page(timeline_fp, lambda: _render(
        theme, "embed.html", common, root="../", timeline=timeline_view(), page="embed",
        target="_top"))
    pages["404.html"] = Page(common_fp, lambda: _render(theme, "404.html", common, root="",
                                                        page="404"))
    own = _events_by_article(site.timeline)
    ordered = sorted(site.articles, key=lambda a: (a.date.sort_key if a.date else (9999,), a.slug))
    for i, article in enumerate(ordered):
        neighbours = (_link(ordered[i - 1]) if i else None,
                      _link(ordered[i + 1]) if i + 1 < len(ordered) else None)
        events = own.get(article.slug, ())
        timexes = site.timexes.get(article.slug, ())
        inputs = fingerprint((common_fp, article_fp[article.slug], events, timexes, neighbours))
        pages[f"articles/{article.slug}/index.html"] = Page(
            inputs, functools.partial(_render_article, theme, common, article, events, timexes,
                                      neighbours, lang))
    for path, export in exports.EXPORTS.items():
        pages[path] = Page(site_fp, functools.partial(export, site, lang))
    for path, source in theme.static_files().items():
        pages[path] = Page(fingerprint(path), source.read_bytes)
    return dict(sorted(pages.items()))


def render_site(site: Site, theme: Theme) -> dict[str, bytes]:
    """All pages, exports and static files of ``site``.

    In: the site model and its theme.  Out: output-relative POSIX path →
    file content.  Deterministic: the same site gives the same bytes.
    """
    return {path: as_bytes(page.make()) for path, page in plan_site(site, theme).items()}


def as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


class _Lazy:
    """A value computed on first use (the timeline view, shared by two pages)."""

    def __init__(self, make: Callable[[], object]):
        self._make, self._done, self._value = make, False, None

    def __call__(self):
        if not self._done:
            self._value, self._done = self._make(), True
        return self._value


def _timeline_view(site: Site, by_slug: dict[str, Article], lang: str) -> dict:
    events = [_event_view(e, by_slug, lang) for e in site.timeline.events]
    return {"years": _group(events, lang), "count": len(events), "articles": len(site.articles)}


def _events_by_article(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """Article slug → the timeline events it reports, in timeline order."""
    own: dict[str, list[Event]] = {}
    for e in timeline.events:
        slugs = dict.fromkeys([s.slug for s in e.sources or ()] + [e.slug])
        for slug in slugs:
            own.setdefault(slug, []).append(e)
    return {slug: tuple(events) for slug, events in own.items()}


def _render(theme: Theme, template: str, common: dict, **context) -> str:
    return theme.env.get_template(template).render(**common, **context)


def _site_view(site: Site, lang: str) -> dict:
    return {"title": site.config.title, "base_url": site.config.base_url.rstrip("/") + "/"
            if site.config.base_url else "", "lang": lang}


def _event_view(event: Event, by_slug: dict[str, Article], lang: str) -> dict:
    sources = event.sources or (Source(event.slug, event.sentence, event.start, event.end),)
    views = []
    for src in sources:
        article = by_slug.get(src.slug)
        if article is None:
            continue
        views.append({
            "title": article.title, "agency": article.agency,
            "places": list(article.dateline.places), "slug": article.slug,
            "href": f"articles/{article.slug}/#{anchor_id(article.slug, src.sentence)}",
            "date": date_label(article.date, lang) if article.date else "",
        })
    tags = sorted({t for s in sources if s.slug in by_slug for t in by_slug[s.slug].tags})
    return {
        "id": event.id, "value": event.date.value, "datetime": html_datetime(event.date),
        "label": date_label(event.date, lang, event.mod), "granularity": event.date.granularity,
        "year": event.date.year, "month": event.date.month, "title": event.title,
        "sentence": event.sentence, "sources": views, "tags": tags, "lang": event.lang,
        "manual": event.manual,
    }


def _group(events: list[dict], lang: str) -> list[dict]:
    """Events → years → months (``None`` for events coarser than a month)."""
    years = []
    for year, in_year in groupby(events, key=lambda e: e["year"]):
        in_year = list(in_year)
        months = []
        for month, in_month in groupby(in_year, key=lambda e: e["month"] if e["granularity"] in
                                       ("month", "week", "day", "time") else None):
            months.append({"month": month, "events": list(in_month),
                           "id": f"y{year}" + (f"-{month:02d}" if month else ""),
                           "label": month_label(year, month, lang) if month else ""})
        years.append({"year": year, "id": f"y{year}", "months": months,
                      "label": str(year) if year > 0 else f"{-year} BC", "count": len(in_year)})
    return years


def _render_article(theme: Theme, common: dict, article: Article, own: tuple[Event, ...],
                    timexes: tuple[Timex, ...], neighbours: tuple, lang: str) -> str:
    marks = []
    for event in own:
        for src in event.sources or (Source(event.slug, event.sentence, event.start, event.end),):
            if src.slug == article.slug and src.end > src.start:
                marks.append(Mark(src.start, src.end, "span",
                                  (("class", "event-sentence"),), id=anchor_id(src.slug, src.sentence)))
    for tx in timexes:
        title = tx.value + (f" ({tx.mod})" if tx.mod else "")
        attrs = (("class", f"timex timex-{tx.type.lower()}"), ("title", title))
        if tx.type in ("DATE", "TIME"):
            attrs = (("datetime", tx.value),) + attrs if _is_html_date(tx.value) else attrs
        marks.append(Mark(tx.start, tx.end, "time", attrs, depth=1))
    body = mark_html(article.body_html, article.text, _unique(marks))
    prev, nxt = neighbours
    return _render(
        theme, "article.html", common, root="../../", page="article",
        article={"title": article.title, "slug": article.slug, "lang": article.lang,
                 "date": article.date.value if article.date else "",
                 "date_label": date_label(article.date, article.lang) if article.date else "",
                 "places": list(article.dateline.places), "agency": article.agency,
                 "tags": list(article.tags), "summary": article.summary, "url": article.url,
                 "body": body},
        events=[{"id": e.id, "title": e.title, "datetime": html_datetime(e.date),
                 "label": date_label(e.date, lang, e.mod)} for e in own],
        prev=prev, next=nxt,
    )


def _unique(marks: list[Mark]) -> list[Mark]:
    # Two merged events may point at the same sentence: one mark is enough.
    return list(dict.fromkeys(marks))


def _is_html_date(value: str) -> bool:
    from .dates import PartialDate
    d = PartialDate(value)
    return d.is_calendar and d.granularity in ("year", "month", "week", "day")


def _link(article: Article | None) -> dict | None:
    if article is None:
        return None
    return {"title": article.title, "href": f"../{article.slug}/"}
