"""The build: compose the stages, from ``seeds/`` to ``output/``.

read → tag → extract (per article) → merge + curate → render → write.
This module holds no stage logic of its own: it finds the inputs, runs the
stages in order and reports what happened.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .config import Config
from .curation import load_curation
from .errors import InputError
from .events import extract_events
from .model import Article, Event, Timex
from .output import build_lock, check_output_location, write_site
from .readers import ReadOptions, read_article
from .render import Site, render_site
from .theme import Theme
from .timeline import build_timeline
from .timex import tag

CURATION_FILE = "timeline.yml"


@dataclass(frozen=True)
class Processed:
    """One article after the per-article stages."""

    article: Article
    timexes: tuple[Timex, ...]
    events: tuple[Event, ...]


@dataclass
class BuildResult:
    """What a build did, for the summary line."""

    articles: int = 0
    events: int = 0
    files: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def discover(seeds_dir: Path, follow_symlinks: bool = False,
             warn: Callable[[str], None] | None = None) -> list[Path]:
    """Every article file under ``seeds_dir``, sorted; hidden files skipped.

    Symbolic links are not followed unless ``follow_symlinks``: a link in
    ``seeds/`` could point anywhere on the machine.
    """
    if not seeds_dir.is_dir():
        raise InputError(str(seeds_dir), "no such folder: put your articles in it "
                                         "(or run 'site-builder new' to start a site)")
    found = []
    seen_dirs: set[str] = set()
    for top, dirs, files in os.walk(seeds_dir, followlinks=follow_symlinks):
        real = os.path.realpath(top)
        if real in seen_dirs:  # a followed link back up the tree: do not loop
            dirs[:] = []
            continue
        seen_dirs.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        links = [d for d in dirs if os.path.islink(os.path.join(top, d))]
        for name in files + ([] if follow_symlinks else links):
            path = Path(top, name)
            if name.startswith("."):
                continue
            if path.is_symlink() and not follow_symlinks:
                if warn:
                    warn(f"skipped symbolic link {path} (set follow_symlinks = true to read it)")
                continue
            if path.is_file():
                found.append(path)
    return sorted(found)


def process_article(path: Path, options: ReadOptions) -> Processed:
    """read → tag → extract for one file.  Pure but for reading the file."""
    article = read_article(path, options)
    dct = article.date.value if article.date else None
    timexes = tuple(tag(article.text, dct, article.lang, article.genre))
    events = tuple(extract_events(article, list(timexes)))
    return Processed(article, timexes, events)


@dataclass(frozen=True)
class ArticleDone:
    """Progress report: one article has been through the per-article stages.

    ``processed`` is None when the article was skipped (``keep_going``).
    """

    path: Path
    done: int
    total: int
    processed: Processed | None


Progress = Callable[[ArticleDone], None]


def process_all(paths: list[Path], options: ReadOptions, keep_going: bool,
                warn: Callable[[str], None], progress: Progress | None = None) -> list[Processed]:
    """Run the per-article stages over ``paths``; bad files fail the build
    unless ``keep_going``, when they are skipped with a warning.
    ``progress`` is called after each article, in ``paths`` order."""
    done = []
    for i, path in enumerate(paths, 1):
        item = None
        try:
            item = process_article(path, options)
            done.append(item)
        except InputError as exc:
            if not keep_going:
                raise
            warn(f"skipped {exc}")
        if progress:
            progress(ArticleDone(path, i, len(paths), item))
    _check_unique_slugs(done)
    return done


def _check_unique_slugs(done: list[Processed]) -> None:
    seen: dict[str, str] = {}
    for p in done:
        other = seen.get(p.article.slug.lower())
        if other is not None:
            raise InputError(p.article.source_path,
                             f"slug '{p.article.slug}' is already used by {other}; "
                             f"give one of them another 'slug'")
        seen[p.article.slug.lower()] = p.article.source_path


def assemble(config: Config, processed: list[Processed], warnings: list[str]) -> Site:
    """Per-article results → the site model (merge and curate the events)."""
    curation = load_curation(config.root / CURATION_FILE)
    window = config.timeline
    events = [e for p in processed for e in p.events
              if not e.date.is_calendar or window.includes(e.date)]
    timeline = build_timeline(events, curation)
    return Site(config=config,
                articles=tuple(sorted((p.article for p in processed), key=lambda a: a.slug)),
                timexes={p.article.slug: p.timexes for p in processed},
                timeline=timeline, warnings=tuple(warnings))


class StrictFailure(InputError):
    """A build with warnings under ``strict``: nothing was written."""


def build(config: Config, output_dir: Path | None = None,
          warn: Callable[[str], None] | None = None, *, jobs: int | None = None,
          strict: bool = False, progress: Progress | None = None) -> BuildResult:
    """Build the site described by ``config`` into ``output_dir``.

    In: the validated config (and an output folder overriding it); ``warn``
    is called with each warning as it happens; ``jobs`` is the number of
    worker processes for the per-article stages (None: one per core);
    ``strict`` makes any warning fail the build (:class:`StrictFailure`);
    ``progress`` is called once per article (see :class:`ArticleDone`).
    Out: a summary.  The previous output stays untouched unless everything
    worked.
    """
    started = time.perf_counter()
    result = BuildResult()

    def _warn(message: str) -> None:
        result.warnings.append(message)
        if warn:
            warn(message)

    output_dir = Path(output_dir or config.output_path)
    options = ReadOptions(root=config.root, default_genre=config.genre,
                          default_lang=config.language or None,
                          max_bytes=config.max_article_kb * 1024)
    check_output_location(output_dir, [config.seeds_path, config.root / "templates",
                                       config.root / "static", config.root / CURATION_FILE,
                                       *([Path(config.source)] if config.source else [])])
    with build_lock(output_dir):
        processed = process_all(discover(config.seeds_path, config.follow_symlinks, _warn), options,
                                config.keep_going, _warn, progress)
        for p in processed:
            if not p.events:
                _warn(f"{p.article.source_path}: no dated events found")
        site = assemble(config, processed, result.warnings)
        files = render_site(site, Theme(config.root, config.theme_path))
        if strict and result.warnings:
            raise StrictFailure(str(output_dir), f"{len(result.warnings)} warning(s) and --strict: "
                                                 f"the previous site was left as it was")
        write_site(files, output_dir)
    result.articles = len(site.articles)
    result.events = len(site.timeline.events)
    result.files = len(files)
    result.seconds = time.perf_counter() - started
    return result
