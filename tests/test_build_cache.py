"""The build engine: article cache, no-change check, page fingerprints,
parallel extraction, determinism across processes.

Each test builds small sites of a few Markdown articles; the property under
test is always checked against what a user sees: the bytes in output/.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path

import pytest

from site_builder import build as build_module
from site_builder import cache
from site_builder.build import build
from site_builder.config import load_config
from site_builder.errors import InputError

from helpers import REPO, write

ARTICLES = {
    "g20": ("G20-Gipfel in Hamburg", "2017-07-07",
            "Am 7. Juli 2017 trafen sich die Staats- und Regierungschefs der G20 in Hamburg.\n\n"
            "Die Polizei meldete am Samstag zahlreiche Festnahmen."),
    "apec": ("Apec-Treffen in Da Nang", "2017-11-10",
             "Am 10. November 2017 begann das Apec-Treffen in Da Nang.\n\n"
             "Im April hatten die USA einen Luftwaffenstützpunkt angegriffen."),
    "wahl": ("Bundestagswahl", "2017-09-24",
             "Am 24. September 2017 wählten die Deutschen einen neuen Bundestag.\n\n"
             "Die Koalitionsverhandlungen begannen im Oktober."),
    "brexit": ("Brexit talks", "2017-06-19",
               "Negotiations between the United Kingdom and the European Union began on "
               "19 June 2017 in Brussels.\n\nThe second round followed in July."),
}


def article_text(title: str, date: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\n---\n{body}\n"


def make_site(root: Path, articles: dict = ARTICLES) -> Path:
    for slug, (title, date, body) in articles.items():
        write(root / "seeds" / f"{slug}.md", article_text(title, date, body))
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(root: Path, **kwargs):
    return build(load_config(root), **kwargs)


def cold_build_of(site: Path, tmp_path: Path) -> dict[str, bytes]:
    """The output of a from-scratch build of a copy of ``site``'s seeds."""
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(site / "seeds", fresh / "seeds")
    result = run(fresh, jobs=1)
    assert result.extracted == result.articles
    return snapshot(fresh / "output")


def test_second_build_is_a_cache_hit_and_an_edit_is_one_miss(tmp_path):
    site = make_site(tmp_path / "site")
    first = run(site)
    assert first.extracted == 4 and not first.unchanged
    second = run(site)
    assert second.unchanged and second.extracted == 0 and second.rendered == []
    assert (second.articles, second.events) == (first.articles, first.events)

    write(site / "seeds" / "wahl.md", article_text(*ARTICLES["wahl"][:2], ARTICLES["wahl"][2]
                                                   + "\n\nAm 14. März 2018 wurde gewählt."))
    third = run(site)
    assert third.extracted == 1 and not third.unchanged
    assert snapshot(site / "output") == cold_build_of(site, tmp_path)


def test_touching_a_file_without_changing_it_extracts_and_renders_nothing(tmp_path):
    site = make_site(tmp_path / "site")
    run(site)
    before = snapshot(site / "output")
    path = site / "seeds" / "g20.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    again = run(site)
    assert not again.unchanged  # the stat changed, so the content was hashed
    assert again.extracted == 0 and again.rendered == []
    assert snapshot(site / "output") == before


def test_same_size_same_mtime_edit_right_after_a_build_is_still_seen(tmp_path):
    # An edit within the mtime granularity of the last build ("racy" file):
    # the stat matches, so only hashing the content can notice it.
    site = make_site(tmp_path / "site")
    run(site)
    path = site / "seeds" / "apec.md"
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("10. November 2017", "11. November 2017")
    assert len(edited.encode()) == st.st_size and edited != text
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    result = run(site)
    assert result.extracted == 1
    assert b"2017-11-11" in (site / "output" / "events.json").read_bytes()


def test_an_edit_rerenders_only_the_pages_whose_inputs_changed(tmp_path):
    site = make_site(tmp_path / "site")
    run(site)
    out = site / "output"
    inodes = {rel: (out / rel).stat().st_ino for rel in snapshot(out)}
    exported = {rel for rel in inodes  # events.json, events.ics, feed.xml …
                if not rel.endswith(".html") and not rel.startswith("static/") and rel != "embed.js"}
    assert "events.json" in exported

    # Text without a date: the article's page and the exports, not the timeline.
    write(site / "seeds" / "apec.md", article_text(*ARTICLES["apec"][:2], ARTICLES["apec"][2]
                                                   + "\n\nDie Gespräche dauerten lange."))
    quiet = run(site)
    assert quiet.extracted == 1
    assert set(quiet.rendered) == {"articles/apec/index.html"} | exported

    # A new dated sentence: a new event, so the timeline pages too.
    write(site / "seeds" / "apec.md", article_text(*ARTICLES["apec"][:2], ARTICLES["apec"][2]
                                                   + "\n\nAm 12. Dezember 2017 endete der Streit."))
    eventful = run(site)
    assert set(eventful.rendered) == {"articles/apec/index.html", "embed/index.html",
                                      "index.html"} | exported
    assert eventful.events == quiet.events + 1
    # Untouched pages are the very same files (hard links), not rewritten copies.
    for rel in ("articles/g20/index.html", "articles/brexit/index.html", "404.html", "embed.js"):
        assert (out / rel).stat().st_ino == inodes[rel]
    assert snapshot(out) == cold_build_of(site, tmp_path)


def test_a_changed_or_deleted_output_file_is_restored(tmp_path):
    site = make_site(tmp_path / "site")
    run(site)
    good = snapshot(site / "output")
    (site / "output" / "index.html").write_text("vandalised", encoding="utf-8")
    (site / "output" / "articles" / "g20" / "index.html").unlink()
    result = run(site)
    assert result.extracted == 0
    # index.html is re-rendered with the rest of its group (the embed)
    assert set(result.rendered) == {"articles/g20/index.html", "index.html", "embed/index.html"}
    assert snapshot(site / "output") == good


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_a_corrupt_cache_is_ignored_and_rebuilt(tmp_path, damage):
    site = make_site(tmp_path / "site")
    run(site)
    good = snapshot(site / "output")
    store = site / cache.CACHE_DIR / "articles.pickle"
    state = next((site / cache.CACHE_DIR).glob("state-*.json"))
    raw = store.read_bytes()
    damaged = {"flip": raw[:-100] + bytes([raw[-100] ^ 0xFF]) + raw[-99:],
               "truncate": raw[: len(raw) // 2], "garbage": b"\x80\x04garbage",
               "empty": b""}[damage]
    store.write_bytes(damaged)
    state.write_text(state.read_text()[:-20] + "}", encoding="utf-8")
    assert cache.load_articles(store)[0] == {}
    assert cache.load_state(state) is None
    result = run(site)
    assert result.extracted == 4 and not result.unchanged
    assert snapshot(site / "output") == good
    assert run(site).unchanged  # and the cache works again


def test_a_cache_of_another_extraction_version_is_not_trusted(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    run(site)
    good = snapshot(site / "output")
    store = site / cache.CACHE_DIR / "articles.pickle"
    monkeypatch.setattr(cache, "EXTRACTION_VERSION", cache.EXTRACTION_VERSION + 1)
    entries, why = cache.load_articles(store)
    assert entries == {} and "version" in why
    result = run(site)
    assert result.extracted == 4 and not result.unchanged
    assert snapshot(site / "output") == good


def test_edited_extraction_code_is_not_served_from_the_cache(tmp_path, monkeypatch):
    # A changed tagger rule in a checkout, without a version bump: every
    # article is extracted again rather than shown with the old code's events.
    site = make_site(tmp_path / "site")
    run(site)
    (site / "seeds" / "new.md").write_text("---\ntitle: Neu\ndate: 2017-05-01\nlang: de\n---\n"
                                            "Am 3. Mai trafen sich die Minister in Wien.\n",
                                            encoding="utf-8")
    monkeypatch.setattr(cache, "code_digest", lambda: "other code")
    result = run(site)
    assert result.extracted == 5


def test_a_failed_incremental_build_keeps_output_and_cache(tmp_path):
    site = make_site(tmp_path / "site")
    run(site)
    good = snapshot(site / "output")
    bad = write(site / "seeds" / "kaputt.md", "---\ntitle: [unclosed\n---\nText.\n")
    with pytest.raises(InputError) as err:
        run(site)
    assert "kaputt.md" in str(err.value)
    assert snapshot(site / "output") == good
    bad.unlink()
    again = run(site)
    assert again.extracted == 0  # the four good articles came from the cache
    assert snapshot(site / "output") == good


def test_jobs_do_not_change_the_output(tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "POOL_MIN_ARTICLES", 2)  # use the pool for 4 articles
    one = make_site(tmp_path / "one")
    two = make_site(tmp_path / "two")
    assert run(one, jobs=1).extracted == 4
    assert run(two, jobs=2).extracted == 4
    assert snapshot(one / "output") == snapshot(two / "output")


def test_year_pages_made_by_workers_are_the_pages_made_in_process(tmp_path, monkeypatch):
    """Above overview_above events each year has a page; with a pool its
    workers make the year and article pages: the same bytes."""
    monkeypatch.setattr(build_module, "POOL_MIN_ARTICLES", 2)
    sites = []
    for name, jobs in (("one", 1), ("two", 2)):
        site = make_site(tmp_path / name)
        write(site / "site.toml", "[timeline]\noverview_above = 2\n")
        assert run(site, jobs=jobs).extracted == 4
        sites.append(snapshot(site / "output"))
    assert sites[0] == sites[1]
    assert "years/2017/index.html" in sites[0] and "embed/years/2017/index.html" in sites[0]


class _RenderPool:
    """A worker pool whose render batches are all made by the workers
    (``started``: their futures cannot be cancelled) or none (left pending,
    as when the workers are busy: the build's own process takes them)."""

    def __init__(self, pool, started: bool):
        self.pool, self.started = pool, started

    def map(self, *args, **kwargs):
        return self.pool.map(*args, **kwargs)

    def submit(self, fn, *args):
        if not self.started:
            return Future()  # never started by a worker
        future = self.pool.submit(fn, *args)
        future.cancel = lambda: False
        return future

    def shutdown(self, **kwargs):
        self.pool.shutdown(**kwargs)


@pytest.mark.parametrize("started, overlap", [(True, 5000), (False, 5000), (False, 0)],
                         ids=["by-workers", "taken-back", "exports-after-pool"])
def test_pages_are_the_same_whichever_process_makes_them(tmp_path, monkeypatch, started,
                                                         overlap):
    """Render batches no worker has started when the build's own process is
    done with its share are made by that process: the same bytes as the
    workers' (and a build without a pool), whether the exports are made
    while the workers render or, on a large site, after them."""
    monkeypatch.setattr(build_module, "POOL_MIN_ARTICLES", 2)
    monkeypatch.setattr(build_module, "OVERLAP_MAX_ARTICLES", overlap)
    one = make_site(tmp_path / "one")
    write(one / "site.toml", "[timeline]\noverview_above = 2\n")
    run(one, jobs=1)
    real_pool = build_module.worker_pool
    used = []

    @contextmanager
    def render_pool(workers, articles):
        with real_pool(workers, articles) as pool:
            used.append(pool)
            yield _RenderPool(pool, started)

    monkeypatch.setattr(build_module, "worker_pool", render_pool)
    two = make_site(tmp_path / "two")
    write(two / "site.toml", "[timeline]\noverview_above = 2\n")
    assert run(two, jobs=2).extracted == 4
    assert used and used[0] is not None
    pages = snapshot(two / "output")
    assert pages == snapshot(one / "output")
    assert "years/2017/index.html" in pages and "articles/" in "".join(pages)


def test_builds_in_other_processes_with_other_hash_seeds_and_jobs_are_identical(tmp_path):
    script = ("import sys; from pathlib import Path; from site_builder import build as b; "
              "from site_builder.config import load_config; b.POOL_MIN_ARTICLES = 2; "
              "b.build(load_config(Path(sys.argv[1])), jobs=int(sys.argv[2]))")
    outputs = []
    for seed, jobs in (("1", 1), ("4242", 2)):
        site = make_site(tmp_path / f"site-{seed}")
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO))
        subprocess.run([sys.executable, "-c", script, str(site), str(jobs)], check=True, env=env,
                       cwd=tmp_path)
        outputs.append(snapshot(site / "output"))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 6


def test_a_no_change_build_imports_no_stage(tmp_path):
    site = make_site(tmp_path / "site")
    run(site)
    script = ("import sys; from pathlib import Path; from site_builder.build import build; "
              "from site_builder.config import load_config; "
              "r = build(load_config(Path(sys.argv[1]))); "
              "heavy = ['jinja2', 'markdown', 'babel', 'frontmatter', 'site_builder.timex', "
              "'site_builder.events', 'site_builder.render']; "
              "print(r.unchanged, r.articles, [m for m in heavy if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", script, str(site)], check=True, text=True,
                         capture_output=True, env=dict(os.environ, PYTHONPATH=str(REPO))).stdout
    assert out.split() == ["True", "4", "[]"]


def test_warm_build_after_edits_equals_a_cold_build(tmp_path):
    site = make_site(tmp_path / "site")
    run(site)
    (site / "seeds" / "brexit.md").unlink()
    write(site / "seeds" / "neu" / "klima.md",
          article_text("Klimagipfel", "2017-11-06", "Am 6. November 2017 begann in Bonn die "
                                                    "Klimakonferenz.\n\nSie endete am 17. November."))
    write(site / "timeline.yml", "hide: []\n")
    warm = run(site)
    assert warm.extracted == 1
    assert snapshot(site / "output") == cold_build_of(site, tmp_path)


def test_the_cache_does_not_depend_on_how_the_site_folder_is_named(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    run(Path("site"))
    again = build(load_config(site.resolve()))
    assert again.unchanged and again.extracted == 0
    monkeypatch.chdir(site)
    (site / "seeds" / "g20.md").touch()
    third = build(load_config(Path(".")))
    assert third.extracted == 0 and third.rendered == []


def test_a_session_rebuild_reuses_its_results_and_defers_cleanup_until_finish(tmp_path):
    """The preview server's builds: the second one neither re-extracts nor
    re-reads the cache file (it keeps the first build's results); the cache
    is saved only by finish(); the output equals a cold build."""
    site = make_site(tmp_path / "site")
    session = build_module.Session()
    run(site, session=session)
    session.finish()
    store = cache.cache_dir(site) / "articles.pickle"
    store.unlink()  # a session build must not need it
    title, date, body = ARTICLES["wahl"]
    write(site / "seeds" / "wahl.md", article_text(title, date, body + "\n\nAm 3. März 2018 stand die Regierung."))
    result = run(site, session=session)
    assert result.extracted == 1
    assert "2018-03" in (site / "output" / "events.json").read_text("utf-8")
    assert session.deferred and not store.exists()
    session.finish()
    assert store.exists()
    session.close()
    assert snapshot(site / "output") == cold_build_of(site, tmp_path)


def test_the_previous_tree_is_updated_into_the_next_without_touching_the_live_one(tmp_path):
    """The spare tree beside output/: each build after the first keeps the
    tree it swapped out, and the next build updates it into its new tree
    (stale pages removed, changed ones replaced) instead of making one from
    nothing, never writing into a file the live site shares; each output
    equals a cold build."""
    from site_builder.output import spare_path

    site = make_site(tmp_path / "site")
    session = build_module.Session()
    run(site, session=session)
    session.finish()  # the first build's output is mirrored as the spare
    spare = spare_path(site / "output")
    assert snapshot(spare) == snapshot(site / "output")
    for step in range(3):
        live = snapshot(site / "output")
        if step == 0:
            (site / "seeds" / "brexit.md").unlink()
        elif step == 1:
            write(site / "seeds" / "klima.md", article_text(
                "Klimagipfel", "2017-11-06", "Am 6. November 2017 begann in Bonn die Klimakonferenz."))
        else:
            title, date, body = ARTICLES["g20"]
            write(site / "seeds" / "g20.md", article_text(title + " (neu)", date, body))
        old_tree = {rel: (site / "output" / rel).stat().st_ino for rel in live}
        run(site, session=session if step < 2 else None)  # the command line keeps one too
        # the swapped-out tree still holds exactly the previous site, unmodified
        assert snapshot(spare) == live
        assert {rel: (spare / rel).stat().st_ino for rel in live} == old_tree
        assert snapshot(site / "output") == cold_build_of(site, tmp_path)
    assert "brexit" not in " ".join(snapshot(site / "output"))
    session.close()


def test_a_spare_tree_with_a_symbolic_link_is_not_reused(tmp_path):
    """Whatever is found in the spare, a build writes inside output/ only."""
    from site_builder.output import spare_path

    site = make_site(tmp_path / "site")
    run(site)
    run(site, use_cache=False)  # re-renders everything: the first tree becomes the spare
    spare = spare_path(site / "output")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(spare / "articles")
    (spare / "articles").symlink_to(elsewhere, target_is_directory=True)
    run(site, use_cache=False)
    assert list(elsewhere.iterdir()) == []
    assert snapshot(site / "output") == cold_build_of(site, tmp_path)
    assert not (spare / "articles").is_symlink()  # replaced by the tree just swapped out


def test_a_static_file_that_became_a_folder_and_back_builds_with_the_spare(tmp_path):
    """The spare tree holds the site two builds back: a path that was a file
    there and is a folder now (or the reverse) must not fail the build."""
    site = make_site(tmp_path / "site")
    extra = site / "static" / "extra"

    def as_file(text):
        shutil.rmtree(extra, ignore_errors=True)
        write(extra, text)

    def as_folder(text):
        if extra.is_file():
            extra.unlink()
        write(extra / "inner.css", text)

    steps = [as_file, as_file, as_folder, as_folder, as_file]
    for n, step in enumerate(steps):
        step(f"/* step {n} */\n")
        run(site)  # from the third build on, the spare is the tree two builds back
        out = site / "output" / "static" / "extra"
        found = (out / "inner.css") if out.is_dir() else out
        assert found.read_text() == f"/* step {n} */\n"
    expected = cold_build_of(site, tmp_path)
    expected["static/extra"] = b"/* step 4 */\n"  # the copy has the seeds, not static/
    assert snapshot(site / "output") == expected


def test_a_temporary_file_a_killed_build_left_in_the_spare_never_touches_the_live_site(tmp_path):
    """A build killed between linking a kept file under its temporary name
    and renaming it leaves a hard link to a live file in the spare; the next
    build must replace that name, not write through it."""
    from site_builder.output import spare_path

    site = make_site(tmp_path / "site")
    run(site)
    run(site, use_cache=False)  # now there is a spare
    spare = spare_path(site / "output")
    live_index = site / "output" / "index.html"
    before = live_index.read_bytes()
    os.link(live_index, spare / ".index.html.tmp")  # what the killed build left
    title, date, body = ARTICLES["wahl"]
    write(site / "seeds" / "wahl.md", article_text(title, date, body + "\n\nAm 3. März 2018 stand die Regierung."))
    run(site)  # rewrites index.html in the spare before swapping it in
    assert (spare / "index.html").read_bytes() == before  # the old live file, now the spare's
    assert snapshot(site / "output") == cold_build_of(site, tmp_path)
    assert not list(spare.rglob("*.tmp")) and not list((site / "output").rglob("*.tmp"))


def test_an_edit_saves_only_a_delta_of_the_article_cache_and_the_next_build_uses_it(tmp_path,
                                                                                 monkeypatch):
    """A large site's cache is not rewritten for one edit: the change goes
    to a small delta file, the next build reads main file + delta, and a
    delta that does not belong to the main file is ignored, never trusted."""
    site = make_site(tmp_path / "site")
    run(site)
    store = cache.cache_dir(site) / "articles.pickle"
    main_bytes = store.read_bytes()
    title, date, body = ARTICLES["wahl"]
    write(site / "seeds" / "wahl.md", article_text(title, date, body + "\n\nAm 3. März 2018 stand die Regierung."))
    assert run(site).extracted == 1
    assert store.read_bytes() == main_bytes and cache.delta_path(store).is_file()
    # the next build finds the edited article in main file + delta
    (site / "output" / "index.html").unlink()
    assert run(site).extracted == 0
    # a main file written anew makes the old delta meaningless: it is ignored
    delta = cache.delta_path(store).read_bytes()
    entries, _ = cache.load_articles(store)
    edited = sorted(set(entries) - entries.base_keys)  # the key the delta adds
    assert len(edited) == 1
    without = {k: v for k, v in entries.items() if k != edited[0]}
    cache.save_articles(store, without)  # full rewrite: the delta goes
    assert not cache.delta_path(store).exists()
    cache.delta_path(store).write_bytes(delta)  # an old delta back beside the new main file
    loaded, why = cache.load_articles(store)
    assert why is None and dict(loaded) == without  # not applied: its key stays out
    monkeypatch.setattr(cache, "DELTA_MIN", 0)
    monkeypatch.setattr(cache, "DELTA_SHARE", 0.0)
    write(site / "seeds" / "apec.md", article_text("Apec", "2017-11-10", "Am 10. November 2017 begann es."))
    assert run(site).extracted == 2  # wahl (dropped above) and apec; beyond the delta's share
    assert not cache.delta_path(store).exists()  # the main file was rewritten
    assert snapshot(site / "output") == cold_build_of(site, tmp_path)


def test_cached_events_and_timexes_load_back_equal_field_for_field():
    """The article cache pickles the slotted model types as constructor
    calls; every field, defaults included, must come back."""
    import pickle

    from site_builder.dates import PartialDate
    from site_builder.model import Event, Source, Timex

    source = Source("a", "Am 3. Juli tagte der Rat.", 4, 29, timex_start=7, timex_end=14)
    objects = [
        Timex(7, 14, "3. Juli", "DATE", "2017-07-03", mod="START"),
        source,
        Event("e1", PartialDate("2017-07-03"), "Rat tagte", source.sentence, 4, 29, "a",
              mod="APPROX", timex_text="3. Juli", entities=(("ORG", "Rat"),),
              sources=(source, Source("b", "x", 0, 1)), lang="de", manual=True),
    ]
    for obj in objects:
        back = pickle.loads(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL))
        assert type(back) is type(obj) and back == obj
        assert [getattr(back, name) for name in obj.__slots__] == \
            [getattr(obj, name) for name in obj.__slots__]


@pytest.mark.parametrize("damage", ["truncate", "garbage", "edited-template"])
def test_damaged_or_stale_compiled_templates_are_compiled_again(tmp_path, damage):
    """Jinja's compiled templates are kept in the cache folder; a damaged
    file, or one compiled from the template before it was edited, is never
    used: the output is a cold build's."""
    site = make_site(tmp_path / "site")
    base = (REPO / "templates" / "base.html").read_text(encoding="utf-8")
    write(site / "templates" / "base.html", base)  # the site's own copy, edited below
    run(site)
    compiled = sorted((site / cache.CACHE_DIR / "templates").iterdir())
    assert compiled
    for path in compiled:
        raw = path.read_bytes()
        path.write_bytes({"truncate": raw[:20], "garbage": raw[:12] + b"\x80\x04garbage",
                          "edited-template": raw}[damage])
    if damage == "edited-template":
        write(site / "templates" / "base.html", base.replace("<body", "<body data-own"))
    write(site / "seeds" / "wahl.md", article_text(*ARTICLES["wahl"][:2], ARTICLES["wahl"][2]
                                                   + "\n\nAm 14. März 2018 wurde gewählt."))
    run(site)
    fresh = tmp_path / "fresh"
    shutil.copytree(site / "templates", fresh / "templates")
    shutil.copytree(site / "seeds", fresh / "seeds")
    run(fresh, use_cache=False)
    expected = snapshot(fresh / "output")
    assert (b"data-own" in expected["index.html"]) == (damage == "edited-template")
    assert snapshot(site / "output") == expected
