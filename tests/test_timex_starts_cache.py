"""The starts analysis kept on disk is the analysis: never stale, never required.

``engine.language`` takes each pattern's starts and the prefilter from
``starts_cache``, which keeps them in the user's cache folder under a digest
of the patterns, the analysis code and the Python version.
"""
from __future__ import annotations

import json
import os

import pytest

from site_builder.timex import engine, starts, starts_cache
from site_builder.timex import lang as languages

BODIES = [r"(?:der\s+)?(?:letzte|nächste)\s+(?:Woche|\d+)", r"\d{4}", r"(?:Januar|Februar)"]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "site-builder"


def fresh(bodies):
    found = [starts.starts_of(b) for b in bodies]
    return found, starts.prefilter_regex(found)


def same(a, b):
    """Two analyses agree: the same words and class patterns for every pattern."""
    return [starts.to_json(s) for s in a[0]] == [starts.to_json(s) for s in b[0]] and a[1] == b[1]


def test_second_analysis_comes_from_the_cache_and_equals_a_fresh_one(cache_home, monkeypatch):
    first = starts_cache.analyse(BODIES)
    assert same(first, fresh(BODIES))
    assert len(list(cache_home.glob("timex-starts-*.json"))) == 1

    def no_analysis(_):
        raise AssertionError("the analysis should have come from the cache")
    monkeypatch.setattr(starts_cache, "starts_of", no_analysis)
    assert same(starts_cache.analyse(BODIES), first)


def test_an_edited_pattern_is_analysed_again_not_answered_from_the_cache(cache_home):
    starts_cache.analyse(BODIES)
    edited = BODIES[:2] + [r"(?:Januar|Februar|Sommer)"]
    result = starts_cache.analyse(edited)
    assert same(result, fresh(edited))
    assert result[0][2].admits("Sommer")
    assert len(list(cache_home.glob("timex-starts-*.json"))) == 2


def test_edited_analysis_code_or_python_version_changes_the_digest(tmp_path, monkeypatch):
    before = starts_cache.analysis_digest(BODIES)
    code = tmp_path / "starts.py"
    code.write_bytes(starts_cache._ANALYSIS_CODE.read_bytes() + b"\n# changed\n")
    monkeypatch.setattr(starts_cache, "_ANALYSIS_CODE", code)
    assert starts_cache.analysis_digest(BODIES) != before
    monkeypatch.undo()
    monkeypatch.setattr(starts_cache.sys, "version_info", (3, 99, 0))
    assert starts_cache.analysis_digest(BODIES) != before


@pytest.mark.parametrize("damage", ["", "{not json", "[]", '{"format": 1}', "garbage-digest",
                                    "bad-class"])
def test_a_damaged_cache_file_is_ignored_and_rewritten(cache_home, damage):
    starts_cache.analyse(BODIES)
    (path,) = cache_home.glob("timex-starts-*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    if damage == "garbage-digest":
        data["digest"] = "0" * 64
        text = json.dumps(data)
    elif damage == "bad-class":
        data["starts"][1]["classes"] = {"": "[0-9"}  # does not compile
        text = json.dumps(data)
    else:
        text = damage
    path.write_text(text, encoding="utf-8")
    assert same(starts_cache.analyse(BODIES), fresh(BODIES))
    assert json.loads(path.read_text(encoding="utf-8"))["digest"] == starts_cache.analysis_digest(BODIES)


def test_an_unwritable_cache_folder_only_costs_the_analysis(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # site-builder/ cannot be made in it
    assert same(starts_cache.analyse(BODIES), fresh(BODIES))


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    path = starts_cache.cache_file("ab" * 32)
    assert path is not None and path.is_absolute()


@pytest.mark.parametrize("code", languages.supported())
def test_language_tables_from_a_warm_cache_equal_a_cold_analysis(cache_home, code):
    engine.language.cache_clear()
    try:
        cold = engine.language(code)
        assert list(cache_home.glob("timex-starts-*.json"))
        engine.language.cache_clear()
        warm = engine.language(code)
    finally:
        engine.language.cache_clear()
    assert warm is not cold
    assert [r.source for r in warm.rules] == [r.source for r in cold.rules]
    assert [starts.to_json(r.starts) for r in warm.rules] == [starts.to_json(r.starts) for r in cold.rules]
    assert warm.prefilter.pattern == cold.prefilter.pattern
    # the regex of a rule is its source, compiled when first used
    assert all(r.regex.pattern == r.source for r in warm.rules)
    assert os.environ["XDG_CACHE_HOME"] == str(cache_home.parent)


def test_without_a_home_folder_nothing_is_cached(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")
    monkeypatch.setattr(starts_cache.Path, "home", staticmethod(no_home))
    monkeypatch.chdir(tmp_path)
    assert starts_cache.cache_file("ab" * 32) is None
    assert same(starts_cache.analyse(BODIES), fresh(BODIES))
    assert list(tmp_path.iterdir()) == []  # nothing written where the build runs


def test_another_process_finds_the_first_ones_cache_whatever_its_hash_seed(tmp_path):
    """The patterns expand to the same sources in every process (no set order
    leaks into them), so a second process reads the files the first one wrote
    instead of writing its own: one file set, however many processes."""
    import subprocess
    import sys

    script = ("from site_builder.timex import engine, lang\n"
              "for code in lang.supported(): engine.language(code)\n")

    def run(seed: str) -> set:
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script], env=env, check=True)
        return {p.name for p in (tmp_path / "site-builder").iterdir()}

    first = run("1")
    assert len([name for name in first if name.startswith("timex-starts-")]) == len(languages.supported())
    assert run("2") == first
    assert run("3") == first


def test_old_cache_files_are_pruned_when_a_new_one_is_written(cache_home):
    """Every edited pattern set or Python version writes another file; only
    the newest few of each kind stay, and stale temporary files go."""
    cache_home.mkdir(parents=True, exist_ok=True)
    old = []
    for i in range(12):
        path = cache_home / f"timex-starts-{i:040d}.json"
        path.write_text("{}")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
        old.append(path)
    other_kind = cache_home / ("timex-regex-" + "f" * 40 + ".bin")
    other_kind.write_bytes(b"x")
    os.utime(other_kind, (1, 1))
    stale_tmp, fresh_tmp = cache_home / ".tmp-killed.json", cache_home / ".tmp-writing.json"
    stale_tmp.write_text("")
    os.utime(stale_tmp, (1, 1))
    fresh_tmp.write_text("")
    new = cache_home / ("timex-starts-" + "a" * 40 + ".json")
    starts_cache.write_atomically(new, b"{}")
    kept = sorted(p.name for p in cache_home.glob("timex-starts-*"))
    assert new.name in kept and len(kept) == starts_cache.KEEP_PER_KIND
    assert [p.name for p in old if p.exists()] == [p.name for p in old[-(len(kept) - 1):]]
    assert other_kind.exists() and fresh_tmp.exists() and not stale_tmp.exists()
