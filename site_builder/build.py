"""The build: compose the stages, from ``seeds/`` to ``output/``.

read → tag → extract (per article) → merge + curate → render → write.
This module holds no stage logic of its own: it finds the inputs, runs the
stages in order and reports what happened.  It makes builds incremental
and parallel (see docs/architecture.md, "Build engine"):

1. ``stat`` every input; when nothing changed since the last build and the
   output is as it was left, stop — before any stage module is imported.
2. Per article, read → tag → extract only what the article cache
   (:mod:`site_builder.cache`) does not hold; cold builds run it in a
   process pool.
3. Merge and plan every page; render only pages whose input fingerprint
   changed, hard-link the others from the previous output, swap atomically.
"""
from __future__ import annotations

import functools
import gc
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import cache
from .config import Config
from .errors import InputError
from .memo import Memo, StoredMemo, StoredPieces
from .output import Staging, StagingTarget, build_lock, check_output_location, make_spare

if TYPE_CHECKING:  # the stages are imported only when something must be rebuilt
    from .model import Article, Event, Timex
    from .readers import ReadOptions
    from .render import Pages, Site

CURATION_FILE = "timeline.yml"
#: A session collects the garbage of frozen objects after this many quiet moments.
FULL_COLLECTION_EVERY = 10
#: Fewer articles to extract than this run in-process: starting a pool costs more.
POOL_MIN_ARTICLES = 24


@dataclass(frozen=True)
class Processed:
    """One article after the per-article stages; ``merge_keys``: each event's
    :func:`timeline.comparison_key`, worked out here (in parallel for a cold
    build, then cached) so that the merge does not."""

    article: "Article"
    timexes: "tuple[Timex, ...] | cache.PackedTuple"
    events: tuple["Event", ...]
    merge_keys: tuple[str, ...] = ()

    def __reduce__(self):
        # The time expressions are needed only for the article's own page:
        # pickled once more inside, they load as bytes (see cache.PackedTuple).
        return (Processed, (self.article, cache.PackedTuple.of(self.timexes), self.events,
                            self.merge_keys))


@dataclass(frozen=True)
class ArticleDone:
    """Progress report: one article has been through the per-article stages
    (or came from the cache).  ``processed`` is None when the article was
    skipped (``keep_going``).  Reported in file order."""

    path: Path
    done: int
    total: int
    processed: Processed | None


Progress = Callable[[ArticleDone], None]


class StrictFailure(InputError):
    """A build with warnings under ``strict``: nothing was written."""


@dataclass
class BuildResult:
    """What a build did, for the summary line."""

    articles: int = 0
    events: int = 0
    files: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    extracted: int = 0      # articles read, tagged and extracted this time (not cached)
    rendered: list[str] = field(default_factory=list)  # output files rendered this time
    unchanged: bool = False  # nothing changed: output/ was left as it was


@dataclass
class Session:
    """What a long-running process (the preview server) keeps between builds
    of one site, so that a rebuild after an edit does only the edit's work.

    ``store``: the last build's per-article results (not reloaded from disk);
    ``memo``: what the merge and the render derived from unchanged events
    and articles (see :mod:`site_builder.memo`);
    ``deferred``: work that can wait until the new site is visible (saving
    the article cache) — run it with :meth:`finish` after the browser has
    been told to reload;
    after a first build, a spare output tree is mirrored among the deferred
    work (see :class:`output.Staging`).
    """

    store: dict | None = None
    finished: int = 0
    memo: Memo = field(default_factory=Memo)
    deferred: list[Callable[[], None]] = field(default_factory=list)

    def finish(self) -> None:
        """Run the work the last builds deferred, in order; every
        :data:`FULL_COLLECTION_EVERY` calls, collect the cyclic garbage that
        builds left among frozen objects (see :func:`_collector_paused`)."""
        while self.deferred:
            self.deferred.pop(0)()
        self.finished += 1
        if self.finished % FULL_COLLECTION_EVERY == 0:
            gc.unfreeze()
            gc.collect()

    def close(self) -> None:
        """Unfreeze the collector's objects: the process is done building."""
        gc.unfreeze()


@dataclass(frozen=True)
class SeedFile:
    """An article file as found on disk: its path, its name under seeds/, its stat."""

    path: Path
    name: str
    size: int
    mtime_ns: int


def scan_seeds(seeds_dir: Path, follow_symlinks: bool = False,
               skipped: list[str] | None = None) -> list[SeedFile]:
    """Every file under ``seeds_dir`` with its stat, sorted by path.

    Hidden files and folders are skipped.  Symbolic links are not followed
    unless ``follow_symlinks`` (a link in ``seeds/`` could point anywhere on
    the machine); each one skipped is named in ``skipped``.  Followed links
    back up the tree are walked once.
    """
    if not seeds_dir.is_dir():
        if seeds_dir.exists():
            raise InputError(str(seeds_dir), "is a file, not a folder: the articles go in a "
                                             "folder of that name")
        raise InputError(str(seeds_dir), "no such folder: put your articles in it "
                                         "(or run 'site-builder new' to start a site)")
    found: list[tuple[tuple[str, ...], SeedFile]] = []
    todo: list[tuple[Path, tuple[str, ...]]] = [(seeds_dir, ())]
    seen_dirs: set[str] = set()
    while todo:
        folder, parts = todo.pop()
        real = os.path.realpath(folder)
        if real in seen_dirs:  # a followed link back up the tree: do not loop
            continue
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            raise InputError(str(folder), f"cannot read the folder: {exc.strerror or exc}") from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink() and not follow_symlinks:
                if skipped is not None:
                    skipped.append(f"skipped symbolic link {folder / entry.name} "
                                   f"(set follow_symlinks = true to read it)")
                continue
            follow = follow_symlinks
            try:
                if entry.is_dir(follow_symlinks=follow):
                    todo.append((folder / entry.name, parts + (entry.name,)))
                elif entry.is_file(follow_symlinks=follow):
                    st = entry.stat(follow_symlinks=follow)
                    rel = parts + (entry.name,)
                    found.append((rel, SeedFile(folder / entry.name, "/".join(rel),
                                                st.st_size, st.st_mtime_ns)))
            except OSError as exc:  # a followed link in a loop ("too many levels")
                if skipped is not None:
                    skipped.append(f"skipped {folder / entry.name}: {exc.strerror or exc}")
    found.sort(key=lambda item: item[0])
    return [seed for _, seed in found]


def discover(seeds_dir: Path, follow_symlinks: bool = False) -> list[Path]:
    """Every article file under ``seeds_dir``, sorted (see :func:`scan_seeds`)."""
    return [seed.path for seed in scan_seeds(seeds_dir, follow_symlinks)]


def process_article(path: Path, options: "ReadOptions") -> Processed:
    """read → tag → extract for one file.  Pure but for reading the file."""
    from .events import extract_events
    from .readers import read_article
    from .timeline import comparison_key
    from .timex import tag

    article = read_article(path, options)
    dct = article.date.value if article.date else None
    timexes = tuple(tag(article.text, dct, article.lang, article.genre))
    events = tuple(extract_events(article, list(timexes)))
    return Processed(article, timexes, events, tuple(map(comparison_key, events)))


def _process_or_error(path: Path, options: "ReadOptions") -> "Processed | tuple":
    """:func:`process_article`, with a user's mistake returned as a plain tuple
    (exceptions with custom arguments do not survive the trip from a worker)."""
    try:
        return process_article(path, options)
    except InputError as exc:
        return ("error", exc.path, exc.message, exc.line)


def process_many(paths: list[Path], options: "ReadOptions", pool=None, workers: int = 1):
    """:func:`process_article` over ``paths``, yielding results in order: on
    ``pool`` (a :func:`worker_pool` of ``workers`` processes) when given,
    else in this process.  Each item is a :class:`Processed` or an error
    tuple; the results do not depend on the pool."""
    if pool is None:
        for path in paths:
            yield _process_or_error(path, options)
        return
    import itertools

    chunk = max(1, min(32, len(paths) // (workers * 8)))
    yield from pool.map(_process_or_error, paths, itertools.repeat(options), chunksize=chunk)


@contextmanager
def worker_pool(workers: int, articles: int):
    """A process pool of ``workers`` processes for ``articles`` to extract,
    or None when they are better done in this process (one worker, or fewer
    than :data:`POOL_MIN_ARTICLES`: starting a pool costs more).  Made
    before the site is loaded, so its workers stay small; the render then
    uses it too (see :func:`_render_changed`)."""
    if workers <= 1 or articles < POOL_MIN_ARTICLES:
        yield None
        return
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the already imported stages with the workers at no cost;
    # it is unsafe once other threads run (the preview server), so spawn then.
    method = "fork" if ("fork" in multiprocessing.get_all_start_methods()
                        and threading.active_count() == 1) else "spawn"
    if method == "fork":  # what the workers run, imported once for all of them
        import jinja2  # noqa: F401  (the pages' templates)

        from . import events, render, timeline, timex  # noqa: F401
    # A forked worker inherits the build's paused collector (_collector_paused);
    # each article leaves cyclic garbage (Markdown's trees), which would then
    # pile up: ~9 MB per 1,000 articles and worker.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=gc.enable)
    try:
        yield pool
    except BaseException:
        pool.shutdown(cancel_futures=True)  # a failed build waits for no queued work
        raise
    pool.shutdown()


def _check_unique_slugs(done: list[Processed]) -> None:
    seen: dict[str, str] = {}
    for p in done:
        other = seen.get(p.article.slug.lower())
        if other is not None:
            raise InputError(p.article.source_path,
                             f"slug '{p.article.slug}' is already used by {other}; "
                             f"give one of them another 'slug'")
        seen[p.article.slug.lower()] = p.article.source_path


def _warn_unknown_curation_ids(config: Config, processed: list[Processed],
                               warn: Callable[[str], None]) -> None:
    """timeline.yml entries naming no event would otherwise do nothing, silently."""
    from .curation import load_curation

    curation = load_curation(config.root / CURATION_FILE)
    known = {e.id for p in processed for e in p.events}
    for event_id in curation.unknown_ids(known):
        warn(f"{CURATION_FILE}: no event has the id {event_id!r} (was its sentence edited?)")


def assemble(config: Config, processed: list[Processed], warnings: list[str],
             memo: Memo | None = None, record=None) -> "Site":
    """Per-article results → the site model (merge and curate the events).
    ``memo`` carries per-event work from one build to the next; so does
    ``record`` (a :class:`timeline.MergeRecord`), the last merge's clusters."""
    from .curation import load_curation
    from .render import Site
    from .timeline import build_timeline

    curation = load_curation(config.root / CURATION_FILE)
    window = config.timeline
    kept = [(e, k) for p in processed for e, k in zip(p.events, p.merge_keys, strict=True)
            if not e.date.is_calendar or window.includes(e.date)]
    timeline = build_timeline([e for e, _ in kept], curation, memo=memo,
                              keys=[k for _, k in kept], record=record)
    return Site(config=config,
                articles=tuple(sorted((p.article for p in processed), key=lambda a: a.slug)),
                timexes={p.article.slug: p.timexes for p in processed},
                timeline=timeline, warnings=tuple(warnings))


def build(config: Config, output_dir: Path | None = None,
          warn: Callable[[str], None] | None = None, *, jobs: int | None = None,
          strict: bool = False, progress: Progress | None = None,
          use_cache: bool = True, session: Session | None = None) -> BuildResult:
    """Build the site described by ``config`` into ``output_dir``.

    In: the validated config (and an output folder overriding it); ``warn``
    is called with each warning as it happens; ``jobs`` is the number of
    worker processes for the per-article stages (None: one per core);
    ``strict`` makes any warning fail the build (:class:`StrictFailure`);
    ``progress`` is called once per article (see :class:`ArticleDone`);
    ``use_cache=False`` ignores (and then replaces) the build cache;
    ``session`` keeps work for the next build of a long-running process and
    defers what can wait (see :class:`Session`).  Out: a summary.  The previous
    output stays untouched unless everything worked; the output's bytes do
    not depend on ``jobs``, the cache or the hash seed.
    """
    started = time.perf_counter()
    result = BuildResult()

    def _warn(message: str) -> None:
        result.warnings.append(message)
        if warn:
            warn(message)

    output_dir = Path(output_dir or config.output_path)
    jobs = max(1, jobs or os.cpu_count() or 1)
    with _collector_paused(freeze=session is not None):
        _build_locked(config, output_dir, result, _warn, jobs, strict, progress, use_cache,
                      session)
    result.seconds = time.perf_counter() - started
    return result


@contextmanager
def _collector_paused(freeze: bool = False):
    """Pause Python's cyclic garbage collector for a build.

    A build keeps ~10^6 objects alive to its end (articles, events, views),
    and every full collection walks them all again: 0.4 s of a 2.5 s edit
    rebuild of 1,000 articles.  A build makes little cyclic garbage; what
    there is waits for the collector's next run after the build.  With
    ``freeze`` (a long-running process), what is alive after the build is
    left out of later collections too, which would otherwise walk it at
    any moment, a page request included; :meth:`Session.finish` now and
    then collects everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def _build_locked(config: Config, output_dir: Path, result: BuildResult, _warn, jobs: int,
                  strict: bool, progress: Progress | None, use_cache: bool,
                  session: Session | None) -> None:
    """:func:`build` inside the output folder's lock: stop at the no-change
    check, or rebuild what changed."""
    check_output_location(output_dir, [config.seeds_path, config.root / "templates",
                                       config.root / "static", config.root / CURATION_FILE,
                                       *([Path(config.source)] if config.source else []),
                                       *([config.theme_path] if config.theme_path else [])])
    with build_lock(output_dir):
        skipped: list[str] = []  # symbolic links: warned when building (and replayed after)
        seeds = scan_seeds(config.seeds_path, config.follow_symlinks, skipped)
        inputs = _watched_inputs(config)
        settings = cache.fingerprint((config_fingerprint(config), str(output_dir.resolve()),
                                      str(config.seeds_path.resolve()), cache.code_fingerprint()))
        state_file = cache.state_path(config.root, output_dir)
        state = cache.load_state(state_file) if use_cache else None
        if state is not None and _nothing_changed(state, settings, seeds, inputs, output_dir):
            for message in state.summary.get("warnings", []):
                _warn(message)
            _fail_if_strict(strict, result, output_dir)
            result.articles = state.summary.get("articles", 0)
            result.events = state.summary.get("events", 0)
            result.files = len(state.output)
            result.unchanged = True
        else:
            for message in skipped:
                _warn(message)
            if not seeds:  # a wrong seeds_dir or emptied folder would replace the site by an empty one
                _warn(f"{config.seeds_path}: no articles found; the site is built empty")
            _rebuild(config, output_dir, seeds, inputs, settings, state, state_file, jobs,
                     use_cache, strict, progress, result, _warn, session)


def config_fingerprint(config: Config) -> str:
    """A digest of the settings, the same however the site folder was named."""
    return cache.fingerprint(repr(config.replace(root=config.root.resolve())))


def _fail_if_strict(strict: bool, result: BuildResult, output_dir: Path) -> None:
    if strict and result.warnings:
        raise StrictFailure(str(output_dir), f"{len(result.warnings)} warning(s) and --strict: "
                                             f"the previous site was left as it was")


def _watched_inputs(config: Config) -> dict[str, list[int]]:
    """Stat of every input besides the articles: config, curation, theme files."""
    from .theme import theme_dirs

    paths = [config.root / CURATION_FILE] + ([Path(config.source)] if config.source else [])
    for folder in theme_dirs(config.root, config.theme_path):
        for sub in ("templates", "static"):
            for dirpath, dirnames, filenames in os.walk(folder / sub):
                dirnames.sort()
                paths.extend(Path(dirpath) / name for name in sorted(filenames))
    found = {}
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        found[str(path)] = [st.st_size, st.st_mtime_ns]
    return found


def _nothing_changed(state: "cache.State", settings: str, seeds: list[SeedFile],
                     inputs: dict, output_dir: Path) -> bool:
    """True when the inputs are those of the last build and its output is
    intact, decided from ``stat`` alone (content hashed only for files
    changed too close to the last build to trust their mtime)."""
    if state.settings != settings or state.inputs != inputs or len(seeds) != len(state.seeds):
        return False
    if any(cache.is_racy(mtime, state.written_ns) for _, mtime in inputs.values()):
        return False
    for seed in seeds:
        known = state.seeds.get(seed.name)
        if known is None or known[0] != seed.size or known[1] != seed.mtime_ns:
            return False
        if cache.is_racy(seed.mtime_ns, state.written_ns) and _file_digest(seed.path) != known[2]:
            return False
    return all(_output_intact(output_dir, rel, entry[2:]) for rel, entry in state.output.items())


def _output_intact(output_dir: Path, rel: str, stat: list) -> bool:
    """Whether the output file is as the last build left it: ``stat`` = [size, mtime_ns, …]."""
    try:
        st = os.stat(os.path.join(output_dir, rel))
    except OSError:
        return False
    return st.st_size == stat[0] and st.st_mtime_ns == stat[1]


def _file_digest(path: Path) -> str | None:
    try:
        return cache.digest(path.read_bytes())
    except OSError:
        return None


def _save_cache(save: Callable, path: Path, value, warn: Callable[[str], None]) -> bool:
    """Save a cache file; the site is already in place, so a cache that
    cannot be written (a file where its folder should be, a read-only
    disk) is a warning, not a failed build → whether it was saved."""
    try:
        save(path, value)
    except OSError as exc:
        warn(f"build cache not saved ({path}: {exc.strerror or exc}); the next build "
             f"starts from scratch")
        return False
    return True


def _rebuild(config: Config, output_dir: Path, seeds: list[SeedFile], inputs: dict,
             settings: str, state: "cache.State | None", state_file: Path, jobs: int,
             use_cache: bool, strict: bool, progress: Progress | None, result: BuildResult,
             warn: Callable[[str], None], session: Session | None = None) -> None:
    """The build proper: cached or extracted articles → merge → changed pages → swap."""
    from .readers import ReadOptions

    now_ns = time.time_ns()
    # The root as an absolute path: "--site ." and "--site /abs/site" share the cache.
    options = ReadOptions(root=config.root.resolve(), default_genre=config.genre,
                          default_lang=config.language or None,
                          max_bytes=config.max_article_kb * 1024)
    known = state.seeds if state else {}
    recorded_ns = state.written_ns if state else 0
    seed_digests: dict[str, str | None] = {}
    for seed in seeds:
        entry = known.get(seed.name)
        if entry and entry[0] == seed.size and entry[1] == seed.mtime_ns \
                and not cache.is_racy(seed.mtime_ns, recorded_ns):
            seed_digests[seed.name] = entry[2]
        else:
            seed_digests[seed.name] = _file_digest(seed.path)

    store_file = cache.cache_dir(config.root) / "articles.pickle"
    derived_file = cache.cache_dir(config.root) / "derived.pickle"
    if not use_cache:
        stored = {}
    elif session is not None and session.store is not None:
        stored = session.store  # this process's own results: no need to read them back
    else:
        stored, _why_not = cache.load_articles(store_file)
    base = f"{config.seeds_path.resolve()}|{options!r}"
    keys = {seed.name: cache.article_key(seed_digests[seed.name] or "", seed.name, base)
            for seed in seeds}
    misses = [seed for seed in seeds if keys[seed.name] not in stored]
    # The workers extract the articles, then render article pages (see _render_changed).
    workers = min(jobs, len(misses))
    with worker_pool(workers, len(misses)) as pool:
        fresh = process_many([s.path for s in misses], options, pool, workers)
        result.extracted = len(misses)
        processed, store = _collect(seeds, keys, stored, fresh, config.keep_going, warn, progress)
        _check_unique_slugs(processed)
        for p in processed:
            for note in p.article.notes:
                warn(f"{p.article.source_path}:{note}" if note[:1].isdigit()
                     else f"{p.article.source_path}: {note}")
            if not p.events:
                warn(f"{p.article.source_path}: no dated events found")
        _warn_unknown_curation_ids(config, processed, warn)
        if session is not None:
            memo = session.memo
            memo.next_build()
        else:  # what the last build derived from unchanged articles, by their cache keys
            memo = StoredMemo(cache.load_derived(derived_file) if use_cache else {})
            _name_by_cache_key(memo, store)
        # the last merge's clusters, replayed where an edit cannot change them
        record_file = store_file.parent / "merge.pickle"
        record = None
        if isinstance(memo, StoredMemo):
            from .timeline import MergeRecord
            record = MergeRecord(cache.load_record(record_file) if use_cache else None,
                                 code=cache.code_digest())
        site = assemble(config, processed, result.warnings, memo=memo, record=record)
        deferred = session.deferred if session is not None else None
        # The previous tree is kept as the spare, for the next build to update
        # instead of making ~1 folder per article afresh.
        pieces_file = store_file.parent / "exports.pickle"
        if isinstance(memo, StoredMemo):  # the exports' per-event text, from the last ones
            pieces_index = cache.load_pieces_index(pieces_file) if use_cache else {}
            memo.text = StoredPieces(memo, pieces_index,
                                     functools.partial(_read_export, output_dir))
        # A command-line build saves its caches while the workers render
        # (see _render_changed), their warnings given once the site is in place.
        cache_warnings: list[str] = []
        saves = []
        if store.keys() != stored.keys():
            # what was loaded lets the save write only the difference (a delta file)
            save = functools.partial(cache.save_articles, loaded=stored)
            if deferred is None:
                saves.append(functools.partial(_save_cache, save, store_file, store,
                                               cache_warnings.append))
            else:
                deferred.append(functools.partial(_save_cache, save, store_file, store, warn))
        if isinstance(memo, StoredMemo):  # complete once the pages are planned and prepared
            save = functools.partial(cache.save_derived, loaded=memo.stored)
            saves.append(functools.partial(_save_cache, save, derived_file, memo.fresh,
                                           cache_warnings.append))
        with Staging(output_dir, deferred, spare=True) as stage:
            written, keep, owners = _render_changed(
                config, site, output_dir, state, stage, memo, pool, workers,
                meanwhile=lambda: [save() for save in saves])
            _fail_if_strict(strict, result, output_dir)
            stage.commit()
    for message in cache_warnings:
        warn(message)
    if session is not None:  # after a first build there is none yet: mirror one meanwhile
        session.deferred.append(functools.partial(make_spare, output_dir))
    if session is not None:
        session.store = store
    if isinstance(memo, StoredMemo):
        if record.current is not None:
            _save_cache(cache.save_record, record_file, record.current, warn)
        if memo.text.written:
            _save_cache(cache.save_pieces_index, pieces_file,
                        _pieces_index(pieces_index, memo.text.written, written), warn)
    output = {}
    for rel, (group, fp) in sorted(owners.items()):
        st = os.stat(os.path.join(output_dir, rel))
        sha = state.output[rel][4] if rel in keep else written[rel]
        output[rel] = [group, fp, st.st_size, st.st_mtime_ns, sha]
    summary = {"articles": len(site.articles), "events": len(site.timeline.events),
               "warnings": list(result.warnings)}
    _save_cache(cache.save_state, state_file, cache.State(
        settings=settings, inputs=inputs, output=output, summary=summary, written_ns=now_ns,
        seeds={seed.name: [seed.size, seed.mtime_ns, seed_digests[seed.name]] for seed in seeds
               if seed_digests[seed.name] is not None}), warn)
    result.articles = summary["articles"]
    result.events = summary["events"]
    result.files = len(output)
    result.rendered = sorted(written)


def _read_export(output_dir: Path, rel: str, sha: str) -> bytes | None:
    """The export ``rel`` in ``output_dir`` when its bytes are the ones a
    build recorded (SHA-256 ``sha``), else None."""
    try:
        data = (output_dir / rel).read_bytes()
    except OSError:
        return None
    return data if cache.digest(data) == sha else None


def _pieces_index(old: dict, made: dict[str, tuple[str, dict]], written: dict[str, str]) -> dict:
    """The index of the exports' pieces after this build (see
    :class:`StoredPieces`): the last build's for exports not made again,
    with each file's SHA-256 for those made this time."""
    index = {path: entry for path, entry in old.items() if path not in made}
    for path, (params, where) in made.items():
        if path in written:
            index[path] = (params, written[path], where)
    return index


def _name_by_cache_key(memo: StoredMemo, store: dict[str, Processed]) -> None:
    """Name each article, its time expressions and its events after the
    article's cache key: equal keys, equal objects (see :class:`StoredMemo`)."""
    for key, p in store.items():
        memo.name(p.article, key)
        memo.name(p.timexes, key + "/t")
        for i, event in enumerate(p.events):
            memo.name(event, f"{key}/{i}")


#: Render batches: at least this many per worker, to share the work out
#: evenly, and at most this many page groups each, so that a large site's
#: batches stay small in the workers and in the pool's queue.
RENDER_BATCHES_PER_WORKER = 4
RENDER_BATCH_GROUPS = 32
#: Up to this many articles the exports are made (and the article cache
#: saved) while the pool's workers render; a larger site does that once the
#: workers' memory is free (at 10,000 articles the processes together would
#: hold 100 MB more, over 1 GB).
OVERLAP_MAX_ARTICLES = 5_000


def _collect(seeds: list[SeedFile], keys: dict[str, str], stored: dict, fresh, keep_going: bool,
             warn: Callable[[str], None], progress: Progress | None) -> tuple[list, dict]:
    """Every article's result in file order, from the cache or from ``fresh``
    (the misses' results, in the same order) → (results, cache entries by key).
    A user's mistake is raised, or with ``keep_going`` warned about and
    skipped, in file order as a serial build sees it."""
    processed, store = [], {}
    for done, seed in enumerate(seeds, 1):
        key = keys[seed.name]
        item = stored[key] if key in stored else next(fresh)
        if isinstance(item, tuple):
            error = InputError(item[1], item[2], item[3])
            if not keep_going:
                fresh.close()
                raise error
            warn(f"skipped {error}")
            item = None
        else:
            processed.append(item)
            store[key] = item
        if progress:
            progress(ArticleDone(seed.path, done, len(seeds), item))
    return processed, store


def _render_changed(config: Config, site: "Site", output_dir: Path, state: "cache.State | None",
                    stage: Staging, memo: Memo | None = None, pool=None, workers: int = 1,
                    meanwhile: Callable[[], object] | None = None
                    ) -> tuple[dict[str, str], set[str], dict[str, tuple[str, str]]]:
    """Render the page groups whose fingerprint changed or whose previous
    files are gone or altered, writing each file into ``stage`` as it is
    made; carry the other groups' files over → (path → SHA-256 of each file
    written, paths kept from the previous output, every path's (group,
    fingerprint)).  With a ``pool`` of ``workers``, groups that can be made
    elsewhere (article and year pages) are made by its workers while this
    process makes the rest, then calls ``meanwhile`` (other work of the
    build), before it waits for the workers."""
    from .render import as_bytes, files_of, plan_site
    from .theme import Theme

    theme = Theme(config.root, config.theme_path, cache.cache_dir(config.root) / "templates")
    theme_files = theme_digest(theme)
    # The same theme files: keep the Jinja environment and its compiled templates
    # (a new template that overrides a default one needs a new environment).
    if memo is not None:
        theme = memo.get(("theme", theme, tuple(theme.search_dirs), theme_files), lambda: theme)
    salt = cache.fingerprint((cache.code_fingerprint(), theme_files))
    before: dict[str, dict[str, list]] = {}  # group → its files in the previous output
    for rel, entry in (state.output if state else {}).items():
        before.setdefault(entry[0], {})[rel] = entry
    written: dict[str, str] = {}
    keep: set[str] = set()
    owners: dict[str, tuple[str, str]] = {}
    here, large = [], []  # (group, fingerprint, Pages) made in this process: now, and last
    elsewhere: dict[str, tuple[str, "Pages"]] = {}  # group → (fingerprint, Pages) for the pool
    for name, group in plan_site(site, theme, memo).items():
        fp = cache.digest(f"{salt}|{group.inputs}".encode())
        old = before.get(name, {})
        if old and all(e[1] == fp and _output_intact(output_dir, rel, e[2:]) for rel, e in old.items()):
            keep.update(old)
            owners.update((rel, (name, fp)) for rel in old)
        elif pool is not None and group.job is not None:
            elsewhere[name] = (fp, group)
        else:
            (large if group.large else here).append((name, fp, group))
    batches = _submit_render(pool, workers, elsewhere, stage.target) if elsewhere else []

    def put(name: str, fp: str, made) -> None:
        for rel, data in files_of(made):
            data = as_bytes(data)
            stage.write(rel, data)
            written[rel] = cache.digest(data)
            owners[rel] = (name, fp)
            del data  # a large export is freed before the next one is made

    def rest() -> None:
        for name, fp, group in large:
            put(name, fp, group.make())
        if meanwhile is not None:
            meanwhile()

    # The large files (the exports) and the other work are done while the
    # workers render (after them, they kept a core idle), unless the site is
    # so large that they had better wait until the workers' memory is free.
    overlap = pool is None or len(site.articles) <= OVERLAP_MAX_ARTICLES
    for name, fp, group in here:
        put(name, fp, group.make())
    if overlap:
        rest()
    # Then this process takes the batches no worker has started, last first.
    done = {i: _render_and_write([(n, elsewhere[n][1].job()) for n in names], stage.target)
            for i, (future, names) in reversed(list(enumerate(batches))) if future.cancel()}
    for i, (future, _names) in enumerate(batches):
        for name, rel, sha, path in done[i] if i in done else future.result():
            stage.record(rel, path)
            written[rel] = sha
            owners[rel] = (name, elsewhere[name][0])
    if pool is not None:
        pool.shutdown()  # the workers' memory is free for what the build does next
    if not overlap:
        rest()
    stage.keep(keep)
    return written, keep, owners


def _submit_render(pool, workers: int, groups: dict[str, tuple[str, "Pages"]],
                   target: "StagingTarget") -> list:
    """Send page groups to the pool in interleaved batches (each gets its
    share of the large groups, the years); the workers write the files
    themselves, so no page travels back → each batch's future and group
    names (for this process to make if no worker has started it)."""
    names = list(groups)
    count = min(len(names), max(workers * RENDER_BATCHES_PER_WORKER,
                                -(-len(names) // RENDER_BATCH_GROUPS)))
    batches = []
    for i in range(count):
        batch = names[i::count]
        jobs = [(n, groups[n][1].job()) for n in batch]
        batches.append((pool.submit(_render_and_write, jobs, target), batch))
    return batches


def _render_and_write(jobs: list[tuple[str, tuple]], target: "StagingTarget"
                      ) -> list[tuple[str, str, str, Path]]:
    """In a worker process (or this one, for a batch no worker started): make
    each prepared page-group job's files and write them into the staging
    tree → (group, output path, SHA-256, file)."""
    from .render import make_job

    done = []
    for name, job in jobs:
        for rel, data in make_job(job).items():
            done.append((name, rel, cache.digest(data), target.write(rel, data)))
    return done


def theme_digest(theme) -> str:
    """A digest of every template and static file the theme may use."""
    parts = []
    for folder in theme.search_dirs:
        for sub in ("templates", "static"):
            for dirpath, dirnames, filenames in os.walk(folder / sub):
                dirnames.sort()
                for name in sorted(filenames):
                    path = Path(dirpath) / name
                    # only what the theme can use: a pipe would block the read for
                    # ever, a broken link cannot be read (both are skipped there too)
                    if path.is_file():
                        try:
                            data = path.read_bytes()
                        except OSError as exc:
                            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") \
                                from None
                        parts.append((str(path), cache.digest(data)))
    return cache.fingerprint(tuple(parts))
