"""Arbitrary input never crashes a stage; no pattern backtracks catastrophically.

Hypothesis feeds arbitrary Unicode and bytes to the readers, the tagger and
the whole read → render path: each either succeeds or raises
:class:`InputError`, and every offset it reports lies inside the text.
Every regular expression the package compiles (collected at run time by
``regex_inventory.py``) is checked with regexploit.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from site_builder.errors import InputError
from site_builder.readers import ReadOptions, read_article
from site_builder.timex import tag

HERE = Path(__file__).resolve().parent

# Unicode with the awkward parts made likely: other scripts' digits (Python's
# \d matches them), combining marks, right-to-left text, zero-width and
# line/paragraph separators, lone CRs, dashes and quotes of every kind.
AWKWARD = ["٢٠١٧", "१९९९", "２０１７", "\u0301", "\u200b", "\u200f", "\u2028", "\u2029", "\r", "\x0b",
           "\x0c", "\x85", "—", "–", "„", "“", "»", "‚", "…", "ß", "İ", "ﬁ", "𝟚𝟘𝟙𝟟", "\ufeff"]
WORDS = ["date", "2017-11", " ", "\n", "\n\n", "---", "title", ":", "Juli", "July", "7.", "1937",
         "(dpa)", " - ", "Berlin", "am Freitag", "last week", "v. Chr.", "<b>", "</b>", "*", "**",
         "[x](y)", "{{", "}}", "{%", "#", "&amp;", "&#0;", "<!--", "-->", "<script>", "\t", "\x00"]
unicode_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(AWKWARD), st.text(max_size=5)),
             max_size=80).map("".join))
raw_bytes = st.one_of(st.binary(max_size=300),
                      unicode_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      unicode_text.map(lambda t: t.encode("utf-16", "surrogatepass")))
front_matter = st.dictionaries(
    st.sampled_from(["title", "date", "lang", "tags", "summary", "source", "url", "slug", "genre",
                     "events"]),
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), unicode_text,
              st.lists(st.one_of(unicode_text, st.integers()), max_size=3),
              st.dictionaries(unicode_text, unicode_text, max_size=2),
              st.lists(st.dictionaries(st.sampled_from(["date", "title", "text"]),
                                       st.one_of(unicode_text, st.integers()), max_size=3), max_size=2)),
    max_size=6)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_or_input_error(name: str, data: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            return read_article(path, ReadOptions(root=Path(tmp)))
        except InputError as exc:
            assert "\n" not in str(exc) and name in str(exc)
            return None


def check_article(article) -> None:
    if article is None:
        return
    assert article.slug and "/" not in article.slug and article.slug not in (".", "..")
    assert 0 <= article.dateline.start <= article.dateline.end <= len(article.text)
    assert "\r" not in article.text


@FUZZ
@given(data=raw_bytes, ext=st.sampled_from([".txt", ".md"]))
def test_readers_take_any_bytes_or_raise_input_error(data, ext):
    check_article(read_or_input_error("article" + ext, data))


@FUZZ
@given(meta=front_matter, body=unicode_text)
def test_markdown_reader_takes_any_front_matter_or_raises_input_error(meta, body):
    import yaml

    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    check_article(read_or_input_error("a.md", text.encode("utf-8", "surrogatepass")))


@FUZZ
@given(text=unicode_text, dct=st.sampled_from([None, "2017-11", "2017-11-10", "0001", "9999-12-31"]),
       lang=st.sampled_from(["de", "en"]), genre=st.sampled_from(["news", "narrative"]))
@example(text="Sat.", dct="9999-12-31", lang="en", genre="narrative")  # a weekday past the calendar
@example(text="am Samstag", dct="9999-12-31", lang="de", genre="narrative")
def test_tagger_takes_any_unicode_and_keeps_offsets_inside(text, dct, lang, genre):
    try:
        found = tag(text, dct, lang, genre)
    except InputError:
        return
    for t in found:
        assert 0 <= t.start < t.end <= len(text) and t.text == text[t.start:t.end]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=unicode_text, ext=st.sampled_from([".txt", ".md"]),
       header=st.sampled_from(["", "date 2017-11\n", "---\ntitle: T\ndate: 2017-07-07\n---\n"]))
def test_read_tag_extract_render_take_any_article_or_raise_input_error(body, ext, header):
    from site_builder.build import assemble, process_article
    from site_builder.config import load_config
    from site_builder.render import render_site
    from site_builder.theme import Theme

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / ("article" + ext)
        path.write_bytes((header + body).encode("utf-8", "surrogatepass"))
        try:
            processed = process_article(path, ReadOptions(root=root))
        except InputError:
            return
        text = processed.article.text
        for t in processed.timexes:
            assert 0 <= t.start < t.end <= len(text)
        for e in processed.events:
            assert 0 <= e.start <= e.end <= len(text)
        site = assemble(load_config(root), [processed], [])
        files = render_site(site, Theme(root))
    page = files[f"articles/{processed.article.slug}/index.html"].decode("utf-8")
    assert page.rstrip().endswith("</html>") and "<script>" not in page


def package_patterns() -> list[dict]:
    res = subprocess.run([sys.executable, str(HERE / "regex_inventory.py")], capture_output=True,
                         text=True, timeout=300, check=True)
    return [json.loads(line) for line in res.stdout.splitlines()]


def catastrophic(pattern: str, flags: int) -> list[str]:
    """regexploit's findings at the level its CLI reports (starriness > 2:
    cubic or exponential backtracking)."""
    from regexploit.ast.sre import SreOpParser
    from regexploit.redos import find

    return [str(r) for r in find(SreOpParser().parse_sre(pattern, flags)) if r.starriness > 2]


def test_no_regular_expression_in_the_package_backtracks_catastrophically():
    assert catastrophic(r"(\w+\s?)*$", 0) and catastrophic(r"(a+)+b", 0)  # the checker works
    patterns = package_patterns()
    modules = {p["module"] for p in patterns}
    assert len(patterns) >= 40 and {"site_builder.timex.engine", "site_builder.sentences",
                                    "site_builder.readers.text_reader"} <= modules
    bad = {f'{p["module"]}: {p["pattern"][:120]}': catastrophic(p["pattern"], p["flags"])
           for p in patterns}
    assert {k: v for k, v in bad.items() if v} == {}


def _seconds(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


@pytest.mark.parametrize("unit", [
    "Dr. A. B. Müller kam am 7. Juli an. Nr. 12. U.S. Die Abc. ",        # dots that do and do not end
    "x" * 200 + ". " + "Wort " * 30,                                        # long words, long sentences
])
def test_sentences_and_events_scale_linearly_with_paragraph_length(unit):
    """4x the paragraph must not take much more than 4x the time: looking
    back from every dot or time expression must not rescan the text."""
    from site_builder.events import extract_events
    from site_builder.readers import article_from_text
    from site_builder.sentences import split_sentences

    def run(text):
        article = article_from_text(text, "x", "2017-11-10", "de")
        split_sentences(text, "de")
        extract_events(article, tag(text, "2017-11-10", "de", "news"))

    small = unit * (40_000 // len(unit))
    large = small * 4
    t_small = min(_seconds(run, small) for _ in range(2))
    t_large = _seconds(run, large)
    assert t_large < 10 * t_small + 0.5, (t_small, t_large)
