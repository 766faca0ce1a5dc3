"""What a build derives from articles and events (page digests, facets and
event views, neighbour links, merged events: ``derived.pickle``, see
``memo.StoredMemo``; where the exports' per-event text lies in the export
files: ``exports.pickle``, see ``memo.StoredPieces``) is stored for the
next process.  An
edit rebuild that reuses it must give the bytes a cold build of the same
input gives, whatever changed; a damaged, stale or foreign store is never
trusted.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from site_builder import build as build_module
from site_builder import cache
from site_builder import exports as exports_module
from site_builder.memo import StoredMemo

from helpers import REPO, write
from test_build_cache import ARTICLES, article_text, make_site, run, snapshot

# A second report of the G20 summit: merged with g20's event on the timeline.
G20_AGAIN = ("Gipfel in Hamburg", "2017-07-08",
             "Am 7. Juli 2017 trafen sich die Staats- und Regierungschefs der G20 in Hamburg.\n\n"
             "Demonstranten zogen durch die Stadt.")
SITE_FILES = ("seeds", "templates", "site.toml", "timeline.yml")


def derived_site(root: Path, split: bool) -> Path:
    site = make_site(root, dict(ARTICLES, g20b=G20_AGAIN))
    if split:  # year pages: their event views come from the store too
        write(site / "site.toml", "[timeline]\noverview_above = 2\n")
    return site


def cold_output(site: Path, tmp_path: Path) -> dict[str, bytes]:
    """A from-scratch build of a copy of everything the site is made of."""
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    for name in SITE_FILES:
        if (site / name).is_dir():
            shutil.copytree(site / name, fresh / name)
        elif (site / name).exists():
            write(fresh / name, (site / name).read_text(encoding="utf-8"))
    run(fresh, use_cache=False)
    return snapshot(fresh / "output")


def event_ids(site: Path) -> list[str]:
    return [e["id"] for e in json.loads((site / "output" / "events.json").read_text())["events"]]


def edit_date(site: Path) -> None:
    title, date, body = ARTICLES["wahl"]
    write(site / "seeds" / "wahl.md", article_text(title, date, body.replace("24.", "25.")))


def edit_title_and_text(site: Path) -> None:  # the same events, another title and text
    title, date, body = ARTICLES["g20"]
    write(site / "seeds" / "g20.md", article_text("G20 in Hamburg", date,
                                                  body + "\n\nDie Stadt räumte auf."))


def edit_merged_date(site: Path) -> None:  # the two G20 reports are no longer merged
    title, date, body = ARTICLES["g20"]
    write(site / "seeds" / "g20.md", article_text(title, date, body.replace("7. Juli", "9. Juli")))


def edit_merged_report(site: Path) -> None:
    title, date, body = G20_AGAIN
    write(site / "seeds" / "g20b.md", article_text(title, date, body.replace("G20", "G7")))


def delete_article(site: Path) -> None:
    (site / "seeds" / "brexit.md").unlink()


def add_article(site: Path) -> None:
    write(site / "seeds" / "klima.md", article_text(
        "Klimagipfel", "2017-11-06", "Am 6. November 2017 begann in Bonn die Klimakonferenz."))


def curate(site: Path) -> None:
    first, second, *_ = event_ids(site)
    write(site / "timeline.yml", f"hide:\n  - {first}\nretitle:\n  {second}: Neu betitelt\n"
                                 f"redate:\n  {second}: 2016-05\n")


def change_config(site: Path) -> None:
    toml = (site / "site.toml").read_text() if (site / "site.toml").exists() else ""
    write(site / "site.toml", 'title = "Andere Chronik"\nlanguage = "en"\n'
                              'timezone = "America/New_York"\n'
                              'base_url = "https://example.org/chronik/"\n' + toml)


def change_theme(site: Path) -> None:
    base = (REPO / "templates" / "base.html").read_text(encoding="utf-8")
    write(site / "templates" / "base.html", base.replace("<body", "<body data-own"))


SCENARIOS = [edit_date, edit_title_and_text, edit_merged_date, edit_merged_report, delete_article, add_article, curate, change_config,
             change_theme]


@pytest.mark.parametrize("split", [False, True], ids=["one-page", "year-pages"])
@pytest.mark.parametrize("change", SCENARIOS, ids=[f.__name__ for f in SCENARIOS])
def test_a_rebuild_with_stored_derived_results_equals_a_cold_build(tmp_path, monkeypatch,
                                                                   change, split):
    site = derived_site(tmp_path / "site", split)
    run(site)
    loaded = []
    real_load = cache.load_derived
    monkeypatch.setattr(cache, "load_derived", lambda path: loaded.append(real_load(path))
                        or loaded[-1])
    change(site)
    run(site)
    assert loaded and len(loaded[0]) > 20  # the store was there and read
    assert snapshot(site / "output") == cold_output(site, tmp_path)


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty", "folder"])
def test_a_damaged_store_is_ignored(tmp_path, damage):
    site = derived_site(tmp_path / "site", split=True)
    run(site)
    store = cache.cache_dir(site) / "derived.pickle"
    raw = store.read_bytes()
    store.unlink()
    if damage == "folder":
        store.mkdir()
    else:
        store.write_bytes({"flip": raw[:-50] + bytes([raw[-50] ^ 0xFF]) + raw[-49:],
                           "truncate": raw[: len(raw) // 2], "garbage": b"\x80\x04garbage",
                           "empty": b""}[damage])
        assert cache.load_derived(store) == {}
    edit_date(site)
    result = run(site)
    assert not any("Traceback" in w for w in result.warnings)
    assert snapshot(site / "output") == cold_output(site, tmp_path)


def test_a_store_of_another_version_is_not_trusted(tmp_path, monkeypatch):
    site = derived_site(tmp_path / "site", split=False)
    run(site)
    store = cache.cache_dir(site) / "derived.pickle"
    assert cache.load_derived(store)
    monkeypatch.setattr(cache, "EXTRACTION_VERSION", cache.EXTRACTION_VERSION + 1)
    assert cache.load_derived(store) == {}


def test_stored_results_are_found_by_the_tokens_of_their_objects_only():
    """A result is handed back for objects named as before, never for an
    unnamed object or one named otherwise; a merged event is named after
    the events it was made from."""
    first = StoredMemo()
    a, b = ["article a"], ["article b"]
    first.name(a, "key-a")
    first.name(b, "key-b")
    assert first.get_for((a,), ("view", "de"), lambda: "view of a") == "view of a"
    merged = first.get_for((a, b), "merged", lambda: ["a+b"])
    assert first.token(merged) is not None
    assert first.get_for((merged,), "fp", lambda: "fp of a+b") == "fp of a+b"
    unnamed = ["article c"]
    assert first.get_for((unnamed,), "fp", lambda: "made") == "made"

    second = StoredMemo(first.fresh)  # the next process, as loaded from disk
    a2, b2, other = ["article a"], ["article b"], ["article a, edited"]
    second.name(a2, "key-a")
    second.name(b2, "key-b")
    second.name(other, "key-a2")
    assert second.get_for((a2,), ("view", "de"), lambda: "made") == "view of a"
    assert second.get_for((a2,), ("view", "en"), lambda: "made") == "made"  # another key
    assert second.get_for((other,), ("view", "de"), lambda: "made") == "made"
    merged2 = second.get_for((a2, b2), "merged", lambda: ["a+b"])
    assert second.token(merged2) == first.token(merged)
    assert second.get_for((merged2,), "fp", lambda: "made") == "fp of a+b"
    assert second.get_for((["article c"],), "fp", lambda: "again") == "again"
    # what this build did not ask for is not stored again
    assert all(key[0] != repr(("view", "en")) or key[1] == ("key-a",) for key in second.fresh)
    assert (repr("fp"), (first.token(unnamed) or "",)) not in second.fresh


def test_successive_edits_store_a_delta_and_each_build_equals_a_cold_one(tmp_path,
                                                                        monkeypatch):
    """An edit writes only the change to the stored results beside the main
    file; the builds after it read both, and their output stays a cold
    build's."""
    monkeypatch.setattr(cache, "DELTA_MIN", 10_000)  # a small site's edit is a large share
    site = derived_site(tmp_path / "site", split=True)
    run(site)
    store = cache.cache_dir(site) / "derived.pickle"
    main = store.read_bytes()
    for change in (edit_date, edit_merged_date, add_article):
        change(site)
        run(site)
        assert store.read_bytes() == main and cache.delta_path(store).is_file()
        assert snapshot(site / "output") == cold_output(site, tmp_path)


def pieces_index(site: Path) -> Path:
    return cache.cache_dir(site) / "exports.pickle"


@pytest.mark.parametrize("damage", ["flipped bytes", "missing", "index garbage"])
def test_damaged_export_files_or_index_give_pieces_made_again(tmp_path, monkeypatch, damage):
    """An edit rebuild takes each unchanged event's piece of the exports from
    the export files the last build wrote, at the places the index records:
    a file that is not byte for byte the one recorded (even of the same size
    and mtime) or a damaged index means the pieces are made again, never
    that damaged text is published."""
    site = derived_site(tmp_path / "site", split=False)
    run(site)
    exported = site / "output" / "events.ics"
    if damage == "flipped bytes":  # in every piece; size and mtime as recorded
        st = exported.stat()
        raw = bytearray(exported.read_bytes())
        for i in range(0, len(raw), 40):
            raw[i] = ord("#") if raw[i] != ord("#") else ord("%")
        exported.write_bytes(bytes(raw))
        os.utime(exported, ns=(st.st_atime_ns, st.st_mtime_ns))
    elif damage == "missing":
        exported.unlink()
    else:
        pieces_index(site).write_bytes(b"\x80\x04garbage")
    made = []
    real = exports_module._ics_event
    monkeypatch.setattr(exports_module, "_ics_event", lambda *a: made.append(1) or real(*a))
    edit_date(site)
    run(site)
    assert len(made) == len(ics_events(site))  # every piece made again
    assert snapshot(site / "output") == cold_output(site, tmp_path)


def ics_events(site: Path) -> list[str]:
    return (site / "output" / "events.ics").read_text().split("BEGIN:VEVENT")[1:]


def test_an_edit_makes_only_the_changed_events_pieces_of_the_exports(tmp_path, monkeypatch):
    site = derived_site(tmp_path / "site", split=False)
    run(site)
    made = []
    real = exports_module._ics_event
    monkeypatch.setattr(exports_module, "_ics_event",
                        lambda inp, event, stamp: made.append(event.slug) or real(inp, event, stamp))
    edit_date(site)
    run(site)
    assert set(made) == {"wahl"}  # its article's key changed; the other events' pieces are reused
    assert snapshot(site / "output") == cold_output(site, tmp_path)


def test_a_failed_build_leaves_the_last_index_and_old_text_files_are_removed(tmp_path):
    site = derived_site(tmp_path / "site", split=False)
    run(site)
    index = pieces_index(site).read_bytes()
    leftover = cache.cache_dir(site) / "text-999-earlier.bin"  # an earlier version's store
    leftover.write_bytes(b"text")
    # fails after the render: --strict and an article without a dated event
    write(site / "seeds" / "undated.md", article_text("Ohne Datum", "2017-01-01", "Nichts."))
    with pytest.raises(build_module.StrictFailure):
        run(site, strict=True)
    assert pieces_index(site).read_bytes() == index
    (site / "seeds" / "undated.md").unlink()
    edit_date(site)
    run(site)
    assert not leftover.exists()
    assert snapshot(site / "output") == cold_output(site, tmp_path)


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
@pytest.mark.parametrize("name", ["merge.pickle", "exports.pickle"])
def test_a_damaged_merge_record_or_pieces_index_is_ignored(tmp_path, name, damage):
    """The merge's record and the exports' index are checked like the other
    cache files: a damaged one means a full merge, or pieces made again."""
    site = derived_site(tmp_path / "site", split=True)
    run(site)
    stored = cache.cache_dir(site) / name
    raw = stored.read_bytes()
    stored.write_bytes({"flip": raw[:-50] + bytes([raw[-50] ^ 0xFF]) + raw[-49:],
                        "truncate": raw[: len(raw) // 2], "garbage": b"\x80\x04garbage"}[damage])
    edit_merged_date(site)
    result = run(site)
    assert not any("Traceback" in w for w in result.warnings)
    assert snapshot(site / "output") == cold_output(site, tmp_path)
    load = cache.load_record if name == "merge.pickle" else cache.load_pieces_index
    assert load(stored)  # written anew, sound
