"""The compiled regex programs kept on disk give exactly ``re.compile``'s patterns, or are not used.

``engine.language`` compiles a language's regexes through
``regex_cache.patterns``, which stores what CPython's regex compiler makes
of them in the user's cache folder, keyed by the exact interpreter and the
sources, and hands it straight to ``_sre.compile`` in later processes.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import zlib

import _sre
import pytest

from helpers import SEED
from site_builder.timex import engine, regex_cache, tag
from site_builder.timex import lang as languages

# Named groups, inline flags, look-arounds, a never-matching regex, non-ASCII.
SOURCES = [
    r"(?P<day>0?[1-9]|[12]\d|3[01])\.\s*(?P<month>Januar|Februar|März)",
    r"(?i:mai)\b",
    r"(?<!\d)\d{4}(?!\d)",
    r"(?!)",
    r"(?<!\w)(?=((?:der\s+)?(?:letzte|nächste)|\d))",
    r"(?P<a>x)(?:y|z)+(?P<b>w)?",
]
EN_TEXT = ("WASHINGTON - On Monday, March 3, 2014, the committee met at 5 p.m. EST. Two days "
           "later it adjourned until next week; the vote of last year was repeated every "
           "month in the 1990s and early 2001, about three years ago.")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "site-builder"


def assert_same_as_re_compile(found: regex_cache.Patterns, sources):
    for i, source in enumerate(sources):
        got, want = found.compile(i), re.compile(source)
        # Pattern == compares the source, the flags and the program itself
        assert got == want, source
        assert list(got.groupindex.items()) == list(want.groupindex.items())
        assert got.groups == want.groups


def only_file(cache_home):
    (path,) = cache_home.glob("timex-regex-*.bin")
    return path


def test_programs_are_stored_once_then_give_what_re_compile_gives(cache_home, monkeypatch):
    cold = regex_cache.patterns(SOURCES)
    assert cold.from_programs
    assert_same_as_re_compile(cold, SOURCES)
    path = only_file(cache_home)

    def no_parsing(_source):
        raise AssertionError("the program should have come from the cache")
    monkeypatch.setattr(regex_cache, "_program", no_parsing)
    warm = regex_cache.patterns(SOURCES)
    assert warm.from_programs
    assert_same_as_re_compile(warm, SOURCES)
    assert only_file(cache_home) == path


def test_other_sources_get_their_own_programs(cache_home):
    regex_cache.patterns(SOURCES)
    for edited in (SOURCES[:-1] + [r"(?P<a>x)(?:y|z)+(?P<c>v)?"], list(reversed(SOURCES))):
        found = regex_cache.patterns(edited)
        assert found.from_programs
        assert_same_as_re_compile(found, edited)
    assert len(list(cache_home.glob("timex-regex-*.bin"))) == 3


def _rewrite(path, transform_codes=None, transform_index=None):
    """Rewrite the file's body with the checksum made to fit (a deliberate edit)."""
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    index, _, words = zlib.decompress(body).partition(b"\n")
    if transform_index:
        index = json.dumps(transform_index(json.loads(index))).encode()
    if transform_codes:
        words = transform_codes(bytearray(words))
    body = zlib.compress(index + b"\n" + bytes(words))
    header["sha256"] = hashlib.sha256(body).hexdigest()
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


def _swap_keeping_the_checksum(path):
    """The first two sources' (valid) programs swapped, the checksum left as it
    was: only the checksum can tell."""
    head, _, body = path.read_bytes().partition(b"\n")
    index, _, words = zlib.decompress(body).partition(b"\n")
    entries = json.loads(index)
    size = _sre.CODESIZE
    first, second = entries[0][1] * size, entries[1][1] * size
    words = words[first:first + second] + words[:first] + words[first + second:]
    body = zlib.compress(json.dumps([entries[1], entries[0], *entries[2:]]).encode() + b"\n" + words)
    path.write_bytes(head + b"\n" + body)


DAMAGE = {
    "empty": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "header only": lambda p: p.write_bytes(p.read_bytes().partition(b"\n")[0] + b"\n"),
    "not ours": lambda p: p.write_bytes(b"\x00garbage\nmore garbage"),
    "other digest": lambda p: p.write_bytes(
        p.read_bytes().replace(b'"digest": "', b'"digest": "0', 1)),
    "flipped byte": lambda p: p.write_bytes(
        p.read_bytes()[:-20] + bytes([p.read_bytes()[-20] ^ 0x40]) + p.read_bytes()[-19:]),
    "programs swapped": _swap_keeping_the_checksum,
    "codes that are not words": lambda p: _rewrite(p, transform_codes=lambda w: w + b"\x01"),
    "words after the last program": lambda p: _rewrite(p, transform_codes=lambda w: w + bytes(8)),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_or_altered_file_is_ignored_and_rewritten(cache_home, damage):
    regex_cache.patterns(SOURCES)
    path = only_file(cache_home)
    good = path.read_bytes()
    DAMAGE[damage](path)
    assert path.read_bytes() != good
    found = regex_cache.patterns(SOURCES)
    assert_same_as_re_compile(found, SOURCES)
    assert path.read_bytes() == good


def test_a_program_cpython_rejects_is_never_used(cache_home):
    regex_cache.patterns(SOURCES)
    path = only_file(cache_home)
    good = path.read_bytes()

    def jump_out_of_range(words: bytearray) -> bytearray:
        # every word of the first program made huge: opcodes and jumps CPython cannot accept
        return bytearray(b"\xff" * 4 * 6) + words[4 * 6:]

    _rewrite(path, transform_codes=jump_out_of_range)  # checksum fits: only _sre can tell
    head, _, body = path.read_bytes().partition(b"\n")
    assert json.loads(head)["sha256"] == hashlib.sha256(body).hexdigest()
    found = regex_cache.patterns(SOURCES)
    assert found.from_programs
    assert_same_as_re_compile(found, SOURCES)
    assert path.read_bytes() == good


def test_cpython_checks_the_program_it_is_given():
    """What the fallback above relies on: _sre.compile raises on bad code."""
    flags, code, names = regex_cache._program(SOURCES[0])
    table = [(flags, 0, len(code), names)]
    assert regex_cache._make(SOURCES[:1], code, table)[0] == re.compile(SOURCES[0])
    bad = list(code)
    bad[1] = 10_000  # the info block's skip: a jump far out of the program
    with pytest.raises(RuntimeError):
        regex_cache._make(SOURCES[:1], bad, table)


@pytest.mark.parametrize("change", ["version", "magic", "codesize", "cache_tag", "compiler"])
def test_programs_of_another_interpreter_are_not_used(cache_home, monkeypatch, change, tmp_path):
    regex_cache.patterns(SOURCES)
    before = only_file(cache_home)
    if change == "version":
        monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    elif change == "magic":
        monkeypatch.setattr(_sre, "MAGIC", _sre.MAGIC + 1)
    elif change == "codesize":
        monkeypatch.setattr(_sre, "CODESIZE", 8 if _sre.CODESIZE == 4 else 4)
    elif change == "cache_tag":
        monkeypatch.setattr(sys.implementation, "cache_tag", "cpython-399")
    else:  # a patched regex compiler with the same version string
        patched = tmp_path / "_compiler.py"
        patched.write_bytes(open(regex_cache._sre_compile.__file__, "rb").read() + b"\n# patched\n")
        monkeypatch.setattr(regex_cache._sre_compile, "__file__", str(patched))
    worked_out = []
    real_program = regex_cache._program
    monkeypatch.setattr(regex_cache, "_program", lambda s: worked_out.append(s) or real_program(s))
    found = regex_cache.patterns(SOURCES)
    assert worked_out == SOURCES  # not one program taken from the other interpreter's file
    assert_same_as_re_compile(found, SOURCES)
    assert len(list(cache_home.glob("timex-regex-*.bin"))) == 2
    assert before.exists()


def test_another_python_implementation_compiles_as_usual(cache_home, monkeypatch):
    monkeypatch.setattr(sys.implementation, "name", "pypy")
    found = regex_cache.patterns(SOURCES)
    assert not found.from_programs
    assert_same_as_re_compile(found, SOURCES)
    assert not list(cache_home.glob("timex-regex-*"))


def test_changed_internals_compile_as_usual(cache_home, monkeypatch):
    def gone(*_args):
        raise AttributeError("module 're._compiler' has no attribute '_code'")
    monkeypatch.setattr(regex_cache._sre_compile, "_code", gone)
    found = regex_cache.patterns(SOURCES)
    assert not found.from_programs
    assert_same_as_re_compile(found, SOURCES)
    assert not list(cache_home.glob("timex-regex-*"))


def test_an_unwritable_cache_folder_compiles_as_usual(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # site-builder/ cannot be made in it
    found = regex_cache.patterns(SOURCES)
    assert not found.from_programs
    assert_same_as_re_compile(found, SOURCES)


def test_a_bad_regex_raises_as_re_compile_does(cache_home):
    found = regex_cache.patterns([*SOURCES, "(unclosed"])
    assert_same_as_re_compile(found, SOURCES)
    with pytest.raises(re.error):
        found.compile(len(SOURCES))


def _tag_all(texts):
    engine.language.cache_clear()
    try:
        return [tag(text, dct, code, genre) for text, dct, code in texts
                for genre in ("news", "narrative")]
    finally:
        engine.language.cache_clear()


def test_tagging_is_the_same_without_with_a_cold_and_with_a_warm_cache(tmp_path, monkeypatch):
    texts = [(SEED.read_text(encoding="utf-8"), "2017-11", "de"), (EN_TEXT, "2014-03-03", "en")]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    without = _tag_all(texts)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cold = _tag_all(texts)
    assert len(list((tmp_path / "cache" / "site-builder").glob("timex-regex-*.bin"))) == 2
    warm = _tag_all(texts)
    assert without == cold == warm
    assert sum(len(found) for found in without) > 20  # the texts do hold time expressions


@pytest.mark.parametrize("code", languages.supported())
def test_every_regex_of_a_language_from_the_cache_is_what_re_compile_makes(cache_home, code,
                                                                          monkeypatch):
    made = []
    monkeypatch.setattr(engine, "patterns", lambda sources: made.append(
        regex_cache.patterns(sources)) or made[-1])
    engine.language.cache_clear()
    try:
        engine.language(code)  # cold: programs worked out and stored
        engine.language.cache_clear()
        monkeypatch.setattr(regex_cache, "_program", None)  # no more working out
        warm = engine.language(code)
        regexes = [*(r.regex for r in warm.rules)]
        regexes += [v for v in vars(warm).values() if isinstance(v, re.Pattern)]
    finally:
        engine.language.cache_clear()
    assert [p.from_programs for p in made] == [True, True]
    assert len(regexes) == len(warm.rules) + 18  # the prefilter and 17 others
    for regex in regexes:
        assert regex == re.compile(regex.pattern)
        assert list(regex.groupindex.items()) == list(re.compile(regex.pattern).groupindex.items())
