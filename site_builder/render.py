"""Render stage: timeline + articles + config → every output file's bytes.

Nothing is written here: :func:`render_site` returns ``{path: bytes}`` for
the writer.  Templates get plain dicts and never call back into the engine.
All internal links are relative, so the site works under any base URL and
from the file system.
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import urlsplit

from . import exports
from .cache import fingerprint
from .config import Config, TimelineOptions
from .dates import PartialDate
from .embed import embed_snippet
from .errors import InputError
from .i18n import (count_label, date_label, labels, language_name, month_label, short_month,
                   year_label)
from .markup import Mark, mark_html
from .memo import Memo
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
    """A ``datetime`` attribute valid in HTML for any granularity ("" when none is).

    HTML knows years, months, weeks, days and times; seasons, quarters and
    halves fall back to their year, decades and centuries to their first year.
    HTML has no year before 1, so dates before the common era get none.
    """
    if not event_date.is_calendar or event_date.year is None or event_date.year < 1:
        return ""
    g = event_date.granularity
    if g in ("year", "month", "week", "day"):
        return event_date.value
    if g == "time":
        return event_date.value if event_date.time and event_date.time[0].isdigit() \
            else event_date.value[:10]
    return f"{event_date.year:04d}"


#: Above this many events the index becomes an overview and each year gets a page.
OVERVIEW_THRESHOLD = TimelineOptions.overview_above  # the default of the config key
#: Timelines spanning at most this many years get one density bar per month.
MONTHLY_DENSITY_YEARS = 2


@dataclass(frozen=True)
class Pages:
    """Output files made together: a digest of what they are made from, and
    how to make them.

    ``inputs`` covers everything the bytes depend on besides the theme and
    the code (the build adds those); ``make`` returns output path → content,
    or (for large files) an iterator of (path, content) pairs made one at a
    time (read either with :func:`files_of`).
    Equal inputs give equal bytes, so a build may keep the previous files.
    ``job``, when set, prepares the same work for another process: it
    returns ``(function, args)``, a module-level function and picklable
    arguments (see :func:`make_job`).  ``large``: files big enough (the
    exports) that a build of a large site makes them when no worker process
    is left to share the machine's memory with.
    """

    inputs: str
    make: Callable[[], dict[str, str | bytes]]
    job: Callable[[], tuple[Callable, tuple]] | None = None
    large: bool = False


def plan_site(site: Site, theme: Theme, memo: Memo | None = None) -> dict[str, Pages]:
    """Every output file of ``site``, in groups, nothing rendered yet.

    In: the site model and its theme.  Out: group name → :class:`Pages`:
    ``timeline`` (the index and its embed page), ``year:<slug>`` (a year's
    page and its embed page), ``404``, ``article:<slug>`` for each article
    page, ``exports``, ``static``.  Up to ``[timeline] overview_above``
    events (:data:`OVERVIEW_THRESHOLD` by default) the index holds the whole
    list and there are no year pages; above it the index is an overview and
    each year has ``years/<year>/``.  ``memo``, kept between builds, saves
    recomputing digests and views of unchanged articles and events.
    """
    # Within one build the index and the year pages share event views; export
    # fragments and digests are worth keeping only for a next build, and the
    # exports' text where the memo says (see Memo.for_exports).
    exports_memo = memo.for_exports() if memo is not None else None
    memo = memo if memo is not None else Memo()
    lang = site.lang
    by_slug = {a.slug: a for a in site.articles}
    split = len(site.timeline.events) > site.config.timeline.overview_above
    common = {"site": _site_view(site, lang), "t": labels(lang), "lang": lang,
              "embed": _embed_view(site)}
    common_fp = fingerprint((repr(site.config.replace(root=site.config.root.resolve())), lang, split))
    # The timeline pages show the events and the articles' metadata, not their text.
    meta_fp = {a.slug: memo.get_for((a,), "meta", partial(_metadata_fingerprint, a))
               for a in site.articles}
    article_fp = {a.slug: memo.get_for((a,), "fp",
                                       partial(_article_fingerprint, a, meta_fp[a.slug]))
                  for a in site.articles}
    event_fp = {id(e): memo.get_for((e,), "fp", partial(fingerprint, e))  # each event once
                for e in site.timeline.events}
    events_fp = fingerprint(tuple(event_fp.values()))

    def reported(event: Event) -> tuple:
        """The event and its articles: what its facets and view are made from."""
        return (event, *(by_slug.get(s.slug) for s in event.sources or (event,)))

    def facets(event: Event) -> dict:
        return memo.get_for(reported(event), "facets", partial(_event_facets, event, by_slug))

    def view(event: Event) -> dict:
        return memo.get_for(reported(event), ("view", lang, split),
                            partial(_event_view, event, by_slug, lang, split, facets(event)))

    plan: dict[str, Pages] = {}
    sendable = _SentContext((k, v) for k, v in common.items() if k != "t")
    plan["timeline"] = Pages(
        fingerprint((common_fp, events_fp, tuple(meta_fp.values()))),
        lambda: _timeline_pages(site, theme, common, facets if split else view, lang, split))
    # The 404 page is served at any depth: its links start at the site's path.
    plan["404"] = Pages(common_fp, lambda: {"404.html": _render(
        theme, "404.html", common, root=_site_path(site), page="404")})
    ordered = sorted(site.articles, key=lambda a: (a.date.sort_key if a.date else (9999,), a.slug))
    own_events = _events_by_article(site.timeline)
    spans_in = _span_finder()
    html_pages = _timeline_paths(site, split) + ["404.html"]
    for i, article in enumerate(ordered):
        neighbours = (ordered[i - 1] if i else None,
                      ordered[i + 1] if i + 1 < len(ordered) else None)
        own = own_events.get(article.slug, [])
        path = f"articles/{article.slug}/index.html"
        html_pages.append(path)
        timexes = site.timexes.get(article.slug, ())
        links = tuple(n and memo.get_for((n,), ("link", lang), partial(_link, n, lang))
                      for n in neighbours)
        inputs = fingerprint((common_fp, article_fp[article.slug],
                              tuple(event_fp[id(e)] for e in own),
                              memo.get_for((timexes,), "fp", partial(fingerprint, timexes)),
                              links))
        args = (article, timexes, tuple(own), links, lang, split)
        plan[f"article:{article.slug}"] = Pages(
            inputs, functools.partial(_article_page_of, spans_in, path, theme, common, *args),
            job=partial(_article_job, spans_in, path, theme, sendable, *args))
    if split:  # after the articles: workers start on those while year views are made
        _plan_years(plan, site, theme, common, sendable, common_fp, view, lang, meta_fp, event_fp,
                    _metadata_finder(by_slug))
    pages = tuple(sorted(html_pages))
    plan["exports"] = Pages(
        fingerprint((common_fp, events_fp, tuple(article_fp[a.slug] for a in site.articles), pages)),
        lambda: exports.iter_exports(site, lang, pages, exports_memo), large=True)
    static = theme.static_files()
    plan["static"] = Pages(fingerprint(tuple((p, str(s)) for p, s in static.items())),
                           lambda: _static_files(static))
    return plan


def render_site(site: Site, theme: Theme) -> dict[str, bytes]:
    """All pages, exports and static files of ``site``.

    In: the site model and its theme.  Out: output-relative POSIX path →
    file content.  Deterministic: the same site gives the same bytes.
    """
    out: dict[str, bytes] = {}
    for group in plan_site(site, theme).values():
        out.update((path, as_bytes(data)) for path, data in files_of(group.make()))
    return dict(sorted(out.items()))


def files_of(made) -> Iterable[tuple[str, str | bytes]]:
    """The (path, content) pairs of what a :attr:`Pages.make` returned."""
    return made.items() if isinstance(made, dict) else made


def as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _timeline_paths(site: Site, split: bool) -> list[str]:
    """The output paths of the timeline pages (see :func:`_timeline_pages`)."""
    years = sorted({e.date.year for e in site.timeline.events}) if split else []
    return ["index.html", "embed/index.html"] + [f"{top}years/{year_slug(y)}/index.html"
                                                 for y in years for top in ("", "embed/")]


def _plan_years(plan: dict, site: Site, theme: Theme, common: dict, sendable: dict,
                common_fp: str, view: Callable[[Event], dict], lang: str,
                meta_fp: dict[str, str], event_fp: dict[int, str],
                metadata_of: Callable[[str], Article | None]) -> None:
    """One page group per year (``year:<slug>``: its page and its embed page),
    so that an edit re-renders the years whose events changed, not all."""
    by_year: dict[int, list[Event]] = {}
    for event in site.timeline.events:
        by_year.setdefault(event.date.year, []).append(event)
    years = list(by_year)  # chronological: year pages' prev/next follow time
    for i, year in enumerate(years):
        events = by_year[year]
        nav = (years[i - 1] if i else None, years[i + 1] if i + 1 < len(years) else None)
        slugs = sorted({s.slug for e in events for s in e.sources} | {e.slug for e in events})
        inputs = fingerprint((common_fp, tuple(event_fp[id(e)] for e in events),
                              tuple(meta_fp.get(s, "") for s in slugs), nav))
        newest_first = site.config.timeline.newest_first
        plan[f"year:{year_slug(year)}"] = Pages(
            inputs, partial(_year_pages, theme, common, view, events, lang, nav, newest_first),
            job=partial(_year_job, theme, sendable, events, slugs, metadata_of, lang, nav,
                        newest_first))


def _timeline_pages(site: Site, theme: Theme, common: dict, view: Callable[[Event], dict],
                    lang: str, split: bool) -> dict[str, str]:
    """The index (the whole list, or the overview when split) and its embed.
    ``view`` gives each event's full view, or only its facets for the
    overview (:func:`_event_facets`)."""
    events = [view(e) for e in site.timeline.events]
    years = _group(events, lang)
    shown = _newest_first(years) if site.config.timeline.newest_first else years
    summary = labels(lang)["event_count"].format(
        events=count_label("n_events", len(events), lang),
        articles=count_label("n_articles", len(site.articles), lang))
    timeline = {"years": shown, "count": len(events), "articles": len(site.articles),
                "summary": summary, "split": split, "filters": _filters_view(events, lang),
                "overview": []}
    if split:
        index = dict(timeline=dict(timeline, years=[],
                                   overview=[_year_summary(y, lang) for y in shown]),
                     density=_density(events, lang, split=True))
    else:
        index = dict(timeline=timeline, density=_density(events, lang, split=False))
    # The embed (embed/…) mirrors the timeline's pages without site chrome; its
    # links to articles open in the host window, not in the iframe.
    return {"index.html": _render(theme, "index.html", common, root="", page="timeline",
                                  target="", **index),
            "embed/index.html": _render(theme, "embed.html", common, root="../", page="embed",
                                        target="_top", home="", **index)}


def _year_pages(theme: Theme, common: dict, view: Callable[[Event], dict], events: list[Event],
                *args) -> dict[str, str]:
    return _year_pages_of(theme, common, [view(e) for e in events], *args)


def _year_job(theme: Theme, common: dict, events: list[Event], slugs: list[str],
              metadata_of: Callable[[str], Article | None], *args) -> tuple[Callable, tuple]:
    """:func:`_year_pages` for a worker, which makes the event views itself
    from the events and their articles' metadata (sent without their text):
    the main process has enough to do meanwhile (see build._render_changed)."""
    articles = {slug: article for slug in slugs if (article := metadata_of(slug)) is not None}
    return _year_pages_from_events, (theme, common, tuple(events), articles, *args)


def _year_pages_from_events(theme: Theme, common: dict, events: tuple[Event, ...],
                            by_slug: dict[str, Article], lang: str, *args) -> dict[str, str]:
    """A year's pages from its events, the views made as :func:`plan_site` makes them."""
    views = [_event_view(e, by_slug, lang, True, _event_facets(e, by_slug)) for e in events]
    return _year_pages_of(theme, common, views, lang, *args)


def _metadata_finder(by_slug: dict[str, Article]) -> Callable[[str], Article | None]:
    """``metadata_of(slug)``: the article without its text and HTML (all a
    timeline view reads of it), one copy per article however many year pages
    it is sent with."""
    made: dict[str, Article | None] = {}

    def metadata_of(slug: str) -> Article | None:
        if slug not in made:
            article = by_slug.get(slug)
            made[slug] = article and replace(article, text="", body_html="")
        return made[slug]

    return metadata_of


def _year_pages_of(theme: Theme, common: dict, views: list[dict], lang: str,
                   nav: tuple[int | None, int | None], newest_first: bool) -> dict[str, str]:
    """A year's page and its embed page.  On a year page ``timeline`` describes
    that year: its events, count, reporting articles and filter choices."""
    (year,) = _group(views, lang)
    shown = _newest_first([year])[0] if newest_first else year
    articles = len({s["slug"] for v in views for s in v["sources"]})
    page = dict(year=year,
                timeline={"years": [shown], "count": year["count"], "articles": articles,
                          "summary": year["count_label"], "split": True,
                          "filters": _filters_view(views, lang), "overview": []},
                density=_density(views, lang, split=False, months_of=year["year"]))
    links = [None if y is None else {"year": y, "slug": year_slug(y), "label": year_label(y, lang)}
             for y in nav]
    return {
        f"years/{year['slug']}/index.html": _render(
            theme, "year.html", common, root="../../", page="year", target="",
            nav={"prev": links[0], "next": links[1]}, **page),
        f"embed/years/{year['slug']}/index.html": _render(
            theme, "embed.html", common, root="../../../", page="embed", target="_top",
            home=f"years/{year['slug']}/", **page)}


def _article_page(path: str, *args) -> dict[str, str]:
    return {path: _render_article(*args)}


def _article_page_of(*args) -> dict[str, str]:
    """An article's page, made here (see :func:`_article_job` for the arguments)."""
    function, job_args = _article_job(*args)
    return function(*job_args)


def _article_job(spans_in: Callable, path: str, theme: Theme, common: dict, article: Article,
                 timexes: tuple[Timex, ...], own: tuple[Event, ...], *args
                 ) -> tuple[Callable, tuple]:
    """:func:`_article_page` for a worker (or this process), with what the
    page shows of its events and time expressions as plain tuples, made here
    only for pages that are made (an edit plans every article page and makes
    one): a few strings and numbers per event instead of whole events (their
    sources, names, dates), cheaper to send to another process."""
    slug = article.slug
    events = tuple((e.id, e.title, e.lang, e.date.value, e.mod, spans_in(e, slug)) for e in own)
    marks = tuple((t.start, t.end, t.type, t.value, t.mod) for t in timexes)
    return _article_page, (path, theme, common, article, marks, events, *args)


def _span_finder() -> Callable[[Event, str], tuple[tuple[int, int, str], ...]]:
    """``spans_in(event, slug)``: the (start, end, sentence) of each of
    ``event``'s sources in article ``slug`` (the event's own sentence when it
    has no sources), all that an article page reads of them.  A merged event
    may have hundreds of sources, in as many articles: they are sorted by
    article once, on the first page that needs them, not scanned for each."""
    grouped: dict[int, tuple[Event, dict[str, tuple]]] = {}

    def spans_in(event: Event, slug: str) -> tuple[tuple[int, int, str], ...]:
        sources = event.sources
        if not sources:
            return ((event.start, event.end, event.sentence),) if event.slug == slug else ()
        if len(sources) == 1:
            src = sources[0]
            return ((src.start, src.end, src.sentence),) if src.slug == slug else ()
        hit = grouped.get(id(event))
        if hit is None:  # the event is kept with its grouping: its id stays its own
            by_article: dict[str, list] = {}
            for src in sources:
                by_article.setdefault(src.slug, []).append((src.start, src.end, src.sentence))
            hit = grouped[id(event)] = (event, {k: tuple(v) for k, v in by_article.items()})
        return hit[1].get(slug, ())

    return spans_in


class _SentContext(dict):
    """The templates' shared context as a job carries it to a worker: without
    its labels, which hold functions (:func:`make_job` looks them up there)."""


def make_job(job: tuple[Callable, tuple]) -> dict[str, bytes]:
    """The files of a page group from its prepared :attr:`Pages.job`, in a
    worker process: path → bytes.  A theme arriving again (equal, from
    another batch) reuses the first copy's compiled templates."""
    function, args = job
    return {path: as_bytes(data) for path, data in files_of(function(*map(_received, args)))}


def _received(arg):
    if isinstance(arg, Theme):
        return _known_theme(arg)
    if isinstance(arg, _SentContext):
        return dict(arg, t=labels(arg["lang"]))
    return arg


@functools.lru_cache(maxsize=4)
def _known_theme(theme: Theme) -> Theme:
    # one Theme (and Jinja environment) per worker process and theme folders
    return theme


def _static_files(static: dict) -> dict[str, bytes]:
    # Host pages load embed.js from the site root: a short, stable URL.
    return {("embed.js" if path == "static/embed.js" else path): source.read_bytes()
            for path, source in static.items()}


def _render(theme: Theme, template: str, common: dict, **context) -> str:
    try:
        return theme.env.get_template(template).render(**common, **context)
    except Exception as exc:  # noqa: BLE001 - a site's own template may raise anything
        error = _template_error(exc)
        if error is None:
            raise
        raise _as_given(error, theme.site_root) from None


def _as_given(error: InputError, site_root: Path) -> InputError:
    """``error`` naming a template of the site as the site's folder was
    given (``templates/x.html``, ``../site/templates/x.html``), as seeds are
    named, rather than by the absolute path the loader found it under."""
    try:
        inside = Path(error.path).relative_to(Path(site_root).resolve())
    except (TypeError, ValueError):  # no path, or a default-theme template
        return error
    return InputError(str(Path(site_root) / inside), error.message, error.line)


def _undecodable_template(exc: UnicodeDecodeError) -> InputError | None:
    """A template file that is not UTF-8: the file the loader was reading
    (the template that includes or extends it is not to blame)."""
    tb, source = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_name == "get_source":  # jinja2's FileSystemLoader
            source = tb.tb_frame.f_locals.get("filename") or source
        tb = tb.tb_next
    if source is None:
        return None
    try:
        with open(source, "rb") as fh:
            fh.read().decode("utf-8")
        line = None
    except UnicodeDecodeError as again:
        line = again.object[:again.start].count(b"\n") + 1
    except OSError:
        line = None
    return InputError(source, "template error: not valid UTF-8", line)


def _template_error(exc: Exception) -> InputError | None:
    """An error raised by a template (a site's override may hold any mistake)
    as a user's mistake naming the template file and line; None when no
    template is to blame."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return InputError(exc.filename or exc.name, f"template error: {exc.message}", exc.lineno)
    if isinstance(exc, UnicodeDecodeError):
        return _undecodable_template(exc)
    place = (None, None)
    tb = exc.__traceback__
    while tb is not None:  # Jinja maps its frames to the template's file and line
        if tb.tb_frame.f_code.co_filename.endswith((".html", ".xml", ".txt", ".j2")):
            place = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    if isinstance(exc, jinja2.TemplateNotFound):
        message = f"template not found: {exc.name}"
    elif place[0] is None:
        return None
    else:
        message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
    return InputError(place[0], f"template error: {message}", place[1])


def _site_view(site: Site, lang: str) -> dict:
    return {"title": site.config.title, "base_url": site.config.base_url.rstrip("/") + "/"
            if site.config.base_url else "", "lang": lang}


def _site_path(site: Site) -> str:
    """The site's path on its server ("/timeline/"), "/" when base_url is not set."""
    return urlsplit(site.config.base_url).path.rstrip("/") + "/" if site.config.base_url else "/"


def _embed_view(site: Site) -> dict:
    """The embed snippet of the unfiltered timeline (needs an absolute base_url)."""
    base = site.config.base_url.rstrip("/") + "/" if site.config.base_url else ""
    # templates call snippet(page="years/2017/") for a page's own snippet
    return {"snippet": partial(embed_snippet, base, site.config.title) if base else None,
            "oembed": base + "oembed.json" if base else ""}


def year_slug(year: int) -> str:
    """The folder of a year's page: ``2017``, or ``bc300`` before the common era."""
    return str(year) if year > 0 else f"bc{-year}"


def timeline_place(event: Event, split: bool) -> str:
    """Where ``event`` stands on the timeline, relative to the site root."""
    return _timeline_place(event.date.year, event.id, split)


def _timeline_place(year: int, event_id: str, split: bool) -> str:
    return (f"years/{year_slug(year)}/" if split else "") + "#" + event_id


def source_name(article: Article) -> str:
    """Who reported an article: its agency, else the host of its source URL."""
    if article.agency:
        return article.agency
    host = urlsplit(article.url).hostname if article.url else None
    return host.removeprefix("www.") if host else ""


def _metadata_fingerprint(article: Article) -> str:
    return fingerprint(replace(article, text="", body_html=""))


def _article_fingerprint(article: Article, metadata: str) -> str:
    """A digest of the whole article from its :func:`_metadata_fingerprint`
    and its two long strings, hashed as they are: twice as fast as a digest
    of its ``repr``, which escapes them first."""
    digest = hashlib.sha256(f"{metadata}|{len(article.text)}|".encode())
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    digest.update(article.body_html.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _event_facets(event: Event, by_slug: dict[str, Article]) -> dict:
    """What the overview, its density strip and the filters need of an event:
    where it falls in time, its language, its articles' tags and sources."""
    date = event.date
    articles = [by_slug[s.slug] for s in event.sources or (event,) if s.slug in by_slug]
    return {
        "year": date.year, "month": date.month, "granularity": date.granularity,
        "lang": event.lang, "tags": sorted({t for a in articles for t in a.tags}),
        # Month span for the year-range filter (YYYY-MM compares as text).
        "first": date.first_day.strftime("%Y-%m"), "last": date.last_day.strftime("%Y-%m"),
        "source_names": sorted({name for a in articles if (name := source_name(a))}),
    }


def _event_view(event: Event, by_slug: dict[str, Article], lang: str, split: bool,
                facets: dict) -> dict:
    """An event as the timeline lists it: its ``facets`` and what is shown."""
    sources = event.sources or (Source(event.slug, event.sentence, event.start, event.end),)
    views = []
    for src in sources:
        article = by_slug.get(src.slug)
        if article is None:
            continue
        views.append({
            "title": article.title, "lang": article.lang, "agency": article.agency,
            "name": source_name(article),
            "places": list(article.dateline.places), "slug": article.slug,
            "credit": ", ".join(x for x in (source_name(article), "/".join(article.dateline.places)) if x),
            # a hand-made event whose text is not in the article has no sentence to point at
            "href": f"articles/{article.slug}/" + (f"#{anchor_id(article.slug, src.sentence)}"
                                                   if src.end > src.start else ""),
            "date": date_label(article.date, lang) if article.date else "",
        })
    return dict(
        facets, id=event.id, value=event.date.value, datetime=html_datetime(event.date),
        label=date_label(event.date, lang, event.mod), title=event.title,
        sentence=event.sentence, sources=views, manual=event.manual,
        place=timeline_place(event, split))


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
        years.append({"year": year, "id": f"y{year}", "slug": year_slug(year), "months": months,
                      "label": year_label(year, lang), "count": len(in_year),
                      "count_label": count_label("n_events", len(in_year), lang)})
    return years


def _newest_first(years: list[dict]) -> list[dict]:
    """The grouped timeline in reverse: latest year, month and event first."""
    return [dict(y, months=[dict(m, events=m["events"][::-1]) for m in reversed(y["months"])])
            for y in reversed(years)]


def _year_events(year: dict) -> list[dict]:
    return [e for month in year["months"] for e in month["events"]]


def _year_summary(year: dict, lang: str) -> dict:
    """One line of the overview: a year's count, its months and what it holds (for filters)."""
    events = _year_events(year)
    counts = Counter(e["month"] for e in events if e["month"])
    href = f"years/{year['slug']}/"
    return {
        "year": year["year"], "id": year["id"], "label": year["label"], "href": href,
        "count_label": year["count_label"],
        "months": [{"label": short_month(m, lang), "count": n, "href": f"{href}#y{year['year']}-{m:02d}",
                    "title": f"{month_label(year['year'], m, lang)}: {count_label('n_events', n, lang)}"}
                   for m, n in sorted(counts.items())],
        "first": min(e["first"] for e in events), "last": max(e["last"] for e in events),
        "tags": sorted({t for e in events for t in e["tags"]}),
        "source_names": sorted({s for e in events for s in e["source_names"]}),
        "langs": sorted({e["lang"] for e in events if e["lang"]}),
    }


def _filters_view(events: list[dict], lang: str) -> dict:
    """The choices the filter form offers, taken from the events themselves."""
    tags = Counter(t for e in events for t in e["tags"])
    names = Counter(s for e in events for s in e["source_names"])
    langs = Counter(e["lang"] for e in events if e["lang"])
    return {
        "tags": [{"value": t, "label": f"{t} ({n})"} for t, n in sorted(tags.items())],
        "sources": [{"value": s, "label": f"{s} ({n})"} for s, n in sorted(names.items())],
        "langs": [{"value": c, "label": f"{language_name(c, lang)} ({n})"} for c, n in sorted(langs.items())],
        "min": min((e["first"] for e in events), default=""),
        "max": max((e["last"] for e in events), default=""),
    }


def _density(events: list[dict], lang: str, split: bool, months_of: int | None = None) -> dict | None:
    """The density strip: one bar per year, or per month for short spans.

    Bars link to their part of the list (on the year's own page when the
    timeline is ``split``).  ``months_of`` draws the twelve months of one year.
    Events coarser than a month are left out of monthly bars.
    """
    if not events:
        return None
    years = [e["year"] for e in events]
    monthly = months_of is not None or max(years) - min(years) < MONTHLY_DENSITY_YEARS
    if monthly:
        counts = Counter((e["year"], e["month"]) for e in events if e["month"])
        if not counts:
            monthly = False
    if monthly:
        if months_of is not None:
            periods = [(months_of, m) for m in range(1, 13)]
        else:
            periods = _month_range(min(counts), max(counts))
        bars = [(month_label(y, m, lang), counts.get((y, m), 0),
                 (f"years/{year_slug(y)}/" if split else "") + f"#y{y}-{m:02d}") for y, m in periods]
    else:
        counts = Counter(years)
        bars = [(year_label(y, lang), counts.get(y, 0),
                 f"years/{year_slug(y)}/" if split else f"#y{y}")
                for y in range(min(years), max(years) + 1)]
    return _strip(bars, labels(lang)["month" if monthly else "year"], lang)


def _month_range(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    periods, (y, m) = [], first
    while (y, m) <= last:
        periods.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return periods


def _strip(bars: list[tuple[str, int, str]], unit: str, lang: str) -> dict:
    """Bar geometry in SVG user units: slots of width 10, bars up to 40 high."""
    peak = max(n for _, n, _ in bars) or 1
    drawn = []
    for i, (label, n, href) in enumerate(bars):
        if not n:
            continue
        height = max(2, round(40 * n / peak))
        drawn.append({"x": i * 10 + 1, "y": 40 - height, "height": height, "slot": i * 10,
                      "href": href, "label": f"{label}: {count_label('n_events', n, lang)}"})
    # Drawn at most 24 px per slot, squeezed to the page width when there are many.
    return {"width": len(bars) * 10, "px": len(bars) * 24, "bars": drawn, "first": bars[0][0], "last": bars[-1][0],
            "caption": labels(lang)["density"].format(unit=unit)}


def _events_by_article(timeline: Timeline) -> dict[str, list[Event]]:
    """Article slug → the timeline's events it reports (one pass, not one per article)."""
    own: dict[str, list[Event]] = {}
    for event in timeline.events:
        slugs = {s.slug for s in event.sources} | {event.slug}
        for slug in sorted(slugs):
            own.setdefault(slug, []).append(event)
    return own


def _render_article(theme: Theme, common: dict, article: Article,
                    timexes: tuple[tuple[int, int, str, str, str | None], ...],
                    events: tuple[tuple, ...], links: tuple[dict | None, dict | None], lang: str,
                    split: bool) -> str:
    """An article's page; ``timexes`` and ``events`` as :func:`_article_job`
    prepares them: (start, end, type, value, mod) of each time expression,
    (id, title, lang, date value, mod, its sentences' (start, end, sentence)
    in this article) of each event."""
    marks = []
    shown = []
    for event_id, title, event_lang, value, mod, spans in events:
        anchor = ""
        for start, end, sentence in spans:
            if end > start:  # hand-made events may have no sentence
                mark_id = anchor_id(article.slug, sentence)
                marks.append(Mark(start, end, "span", (("class", "event-sentence"),), id=mark_id))
                anchor = anchor or mark_id
        machine, label, year = _event_date(value, mod, lang)
        shown.append({"id": event_id, "title": title, "lang": event_lang,
                      "datetime": machine, "label": label,
                      "place": _timeline_place(year, event_id, split), "anchor": anchor})
    for start, end, kind, value, mod in timexes:
        marks.append(Mark(start, end, "time", _timex_attrs(kind, value, mod, article.lang),
                          depth=1))
    body = mark_html(article.body_html, article.text, _unique(marks))
    return _render(
        theme, "article.html", common, root="../../", page="article",
        article={"title": article.title, "slug": article.slug, "lang": article.lang,
                 "date": html_datetime(article.date) if article.date else "",
                 "date_label": date_label(article.date, lang) if article.date else "",
                 "places": list(article.dateline.places), "agency": article.agency,
                 "source_name": source_name(article),
                 "tags": list(article.tags), "summary": article.summary, "url": article.url,
                 "body": body},
        events=shown, prev=links[0], next=links[1],
    )


@functools.lru_cache(maxsize=4096)  # the same dates recur from article to article
def _event_date(value: str, mod: str | None, lang: str) -> tuple[str, str, int | None]:
    """An event date as an article page shows it: its HTML ``datetime``,
    its label and its year."""
    date = PartialDate(value)
    return html_datetime(date), date_label(date, lang, mod), date.year


def timex_attrs(tx: Timex, lang: str) -> tuple[tuple[str, str], ...]:
    """Attributes of a time expression's ``<time>``: its TIMEX3 value always
    (in ``title``, readable, and ``data-value``), a ``datetime`` whenever HTML
    can express the value (dates, times, day/hour durations)."""
    return _timex_attrs(tx.type, tx.value, tx.mod, lang)


@functools.lru_cache(maxsize=4096)  # the same values recur from article to article
def _timex_attrs(kind: str, value: str, mod: str | None, lang: str
                 ) -> tuple[tuple[str, str], ...]:
    readable = value
    if kind in ("DATE", "TIME") and _is_calendar(value):
        readable = f"{date_label(PartialDate(value), lang, mod)} ({value})"
    elif mod:
        readable = f"{value} ({mod})"
    attrs: tuple[tuple[str, str], ...] = (
        ("class", f"timex timex-{kind.lower()}"), ("title", readable), ("data-value", value))
    machine = _html_time_value(kind, value)
    return ((("datetime", machine),) if machine else ()) + attrs


def _html_time_value(kind: str, value: str) -> str | None:
    if kind in ("DATE", "TIME") and _is_calendar(value):
        return html_datetime(PartialDate(value))
    if kind == "DURATION" and _HTML_DURATION.fullmatch(value) and value not in ("P", "PT"):
        return value
    return None


# The ISO 8601 durations HTML accepts: days, hours, minutes, seconds (no years or months).
_HTML_DURATION = re.compile(r"P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?")


def _unique(marks: list[Mark]) -> list[Mark]:
    # Two merged events may point at the same sentence: one mark is enough.
    return list(dict.fromkeys(marks))


def _is_calendar(value: str) -> bool:
    return PartialDate(value).is_calendar


def _link(article: Article | None, lang: str) -> dict | None:
    if article is None:
        return None
    return {"title": article.title, "lang": article.lang, "href": f"../{article.slug}/",
            "date": html_datetime(article.date) if article.date else "",
            "date_label": date_label(article.date, lang) if article.date else ""}
