"""Both readers return the same article model; bad input is a one-line InputError."""
from __future__ import annotations


import pytest
from hypothesis import given, settings, strategies as st

from site_builder.errors import InputError
from site_builder.readers import ReadOptions, read_article

from helpers import write


def test_plain_text_seed_header_dateline_and_offsets(seed_path, repo):
    article = read_article(seed_path, ReadOptions(root=repo))
    assert article.slug == "000_8d4080564ea0615d"
    assert article.date.value == "2017-11" and article.date.granularity == "month"
    assert article.lang == "de"
    assert article.dateline.places == ("Da Nang", "Moskau")
    assert article.dateline.agency == "dpa"
    assert article.source_path == "seeds/000_8d4080564ea0615d.txt"
    assert article.title.startswith("Die USA und Russland haben sich beim Apec-Gipfel")
    # The header is blanked: the tagger never sees it, offsets equal file offsets.
    raw = seed_path.read_text(encoding="utf-8")
    assert len(article.text) == len(raw)
    assert "date 2017-11" not in article.text
    assert article.text[2255:2260] == raw[2255:2260] == "April"
    assert article.body_html.startswith("<p>Da Nang/Moskau (dpa) - Die USA")
    assert article.body_html.count("<p>") == raw.count("\n\n") + 1


def test_plain_text_header_on_its_own_line_with_title(tmp_path):
    path = write(tmp_path / "a.txt", "date 2020-03-05\ntitle Storm hits the coast\n"
                 "Hamburg (AP) - A storm hit the coast on Tuesday. It was the strongest of the year.\n")
    article = read_article(path)
    assert article.date.value == "2020-03-05"
    assert article.title == "Storm hits the coast"
    assert article.lang == "en"
    assert article.dateline.places == ("Hamburg",) and article.dateline.agency == "AP"


@pytest.mark.parametrize("header", ["date 2017-13", "date 17-11", "date 0000-01", "date tomorrow",
                                    "Date 2017-11", "DATE 2017-11-10"])  # was text, the date lost
def test_plain_text_malformed_date_header_names_file_and_line(tmp_path, header):
    path = write(tmp_path / "bad.txt", f"\n{header}\nBerlin (dpa) - Text.\n")
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.path.endswith("bad.txt") and info.value.line == 2
    assert "date" in str(info.value) and "\n" not in str(info.value)


def test_plain_text_starting_with_the_word_date_is_text(tmp_path):
    path = write(tmp_path / "palms.txt", "Date palms grow in the oasis (dpa) - since 2017.\n")
    assert read_article(path).text.startswith("Date palms")


@pytest.mark.parametrize("name,body,date", [
    ("2017-11-15-council.md", "---\ntitle: Council\n---\nThe council voted on Friday.\n", "2017-11-15"),
    ("2017-11-15_council.txt", "The council voted on Friday.\n", "2017-11-15"),
    ("2017-11-15.md", "The council voted on Friday.\n", "2017-11-15"),
    # a date in the article wins over the name
    ("2017-11-15-council.md", "---\ndate: 2016-01-02\n---\nThe council voted.\n", "2016-01-02"),
    ("2017-11-15-council.txt", "date 2015-01\nThe council voted on Friday.\n", "2015-01"),
    # no real date at the start of the name: no date
    ("2016-02-30-council.md", "The council voted on Friday.\n", None),
    ("council-2017-11-15.md", "The council voted on Friday.\n", None),
    ("2017-11-150.md", "The council voted on Friday.\n", None),
])
def test_an_undated_article_takes_the_date_its_file_name_starts_with(tmp_path, name, body, date):
    """Posts named as Jekyll and Pelican name them keep their date."""
    article = read_article(write(tmp_path / name, body))
    assert (article.date.value if article.date else None) == date


def test_markdown_notes_a_mistyped_front_matter_key_with_its_line(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: T\nData: 2017-07-07\nlanguage: de\nlayout: post\n---\nText.\n")
    notes = read_article(path).notes
    assert notes == ("3: front matter key 'Data' is not known and is ignored (did you mean 'date'?)",
                     "4: front matter key 'language' is not known and is ignored (did you mean 'lang'?)")


def test_markdown_front_matter(tmp_path):
    path = write(tmp_path / "g20.md", """---
title: G20 summit in Hamburg
date: 2017-07-07
lang: en
tags: [g20, summit]
summary: Leaders meet.
source: https://example.org/g20
slug: g20-hamburg
events:
  - {date: 2017-07-08, title: Summit ends, text: The summit ended.}
---
Leaders of the G20 met in **Hamburg** on Friday.

* one
* two
""")
    article = read_article(path)
    assert (article.slug, article.title, article.lang) == ("g20-hamburg", "G20 summit in Hamburg", "en")
    assert article.date.value == "2017-07-07" and article.tags == ("g20", "summit")
    assert article.summary == "Leaders meet." and article.url == "https://example.org/g20"
    assert article.manual_events[0].date.value == "2017-07-08"
    assert article.manual_events[0].title == "Summit ends"
    assert "<strong>Hamburg</strong>" in article.body_html
    assert article.text.startswith("Leaders of the G20 met in Hamburg on Friday.")
    # every text node of the HTML is found in the plain text, in order
    assert article.text.index("one") < article.text.index("two")


def test_markdown_language_detected_when_not_given(tmp_path):
    path = write(tmp_path / "x.md", "---\ntitle: X\n---\nDie Regierung hat am Montag in Berlin "
                 "mitgeteilt, dass sie die Steuern nicht erhöhen wird.\n")
    assert read_article(path).lang == "de"


def test_markdown_raw_html_is_sanitised(tmp_path):
    path = write(tmp_path / "x.md", "---\ntitle: X\n---\nHello <script>alert(1)</script>"
                 "<img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">link</a>\n")
    html = read_article(path).body_html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "link" in html


def test_broken_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path / "broken.md", "---\ntitle: ok\ntags: [a, b\n---\nText.\n")
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.path.endswith("broken.md") and info.value.line is not None
    assert "YAML" in str(info.value)


@pytest.mark.parametrize("value", ["'not a date'", "0000-01-01", "99999-01-01", "2017-02-30"])
def test_front_matter_bad_dates(tmp_path, value):
    path = write(tmp_path / "d.md", f"---\ntitle: X\ndate: {value}\n---\nText here.\n")
    with pytest.raises(InputError) as info:
        read_article(path)
    assert "date" in str(info.value) and info.value.path.endswith("d.md")


@pytest.mark.parametrize("front, line, words", [
    ("lang: fr", 3, ["'lang'", "de, en", "'fr'"]),            # the tagger knows no French
    ("12: x", 3, ["keys must be words"]),                     # not a keyword argument
    ("null: x", 3, ["keys must be words"]),
    ("date: 2017\ndate: 2018", 4, ["'date' is given twice", "line 3"]),  # YAML keeps the last
    ("tags: {a: b}", 3, ["'tags'", "list of words"]),
    ("genre: poem", 3, ["'genre'", "news, narrative", "'poem'"]),
    ("slug: [a]", 3, ["'slug'", "text"]),
    ("events:\n  - {date: soon, title: x}", 3, ["'events', item 1, 'date'", "'soon'"]),
    ("events: [{date: 2017, title: [a]}]", 3, ["'events', item 1, 'title'", "text"]),
])
def test_front_matter_mistakes_name_key_and_line(tmp_path, front, line, words):
    path = write(tmp_path / "f.md", f"---\ntitle: X\n{front}\n---\nText here.\n")
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.path.endswith("f.md") and info.value.line == line, str(info.value)
    for word in words:
        assert word in info.value.message, (word, info.value.message)


@pytest.mark.parametrize("text, line, words", [
    # frontmatter silently made these body text (date lost) or dropped them
    ("---\ntitle: X\ndate: 2017\nText here.\n", 1, ["not closed"]),
    ("\n---\ntitle: X\nText here.\n", 2, ["not closed"]),
    ("---\n- a\n- b\n---\nText here.\n", 2, ["mapping", "not a list"]),
    ("---\njust words\n---\nText here.\n", 2, ["mapping", "not a str"]),
])
def test_front_matter_that_would_be_lost_is_an_error(tmp_path, text, line, words):
    path = write(tmp_path / "f.md", text)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.line == line, str(info.value)
    for word in words:
        assert word in info.value.message


@pytest.mark.parametrize("text", ["---\n---\nText here.\n", "---\n# a comment\n---\nText here.\n",
                                  "---\n\nText here.\n", "Text here.\n\n---\n\nMore.\n"])
def test_empty_front_matter_and_rules_are_no_mistake(tmp_path, text):
    assert "Text here." in read_article(write(tmp_path / "f.md", text)).text


def test_repeated_keys_inside_values_are_no_mistake(tmp_path):
    path = write(tmp_path / "f.md", "---\ntitle: |\n  date: not a key\ndate: 2017\n"
                                    "events:\n  - date: 2017\n    title: A\n  - date: 2018\n"
                                    "    title: B\n---\nText here.\n")
    article = read_article(path)
    assert article.date.value == "2017" and len(article.manual_events) == 2


def test_body_lines_after_a_long_closing_rule_are_not_front_matter_keys(tmp_path):
    path = write(tmp_path / "f.md", "---\ndate: 2017\ntitle: T\n-----\nNote: one.\n\nNote: two.\n")
    article = read_article(path)
    assert article.date.value == "2017" and "Note: two." in article.text


def test_file_name_that_is_not_utf8_is_an_error_not_a_crash(tmp_path):
    import os

    name = os.fsdecode(b"caf\xe9.md")  # a Latin-1 name on a UTF-8 system
    path = write(tmp_path / name, "---\ndate: 2017\n---\nText here.\n")
    with pytest.raises(InputError, match="file name is not valid UTF-8") as info:
        read_article(path)
    str(info.value).encode("utf-8")  # the message itself can be printed


def test_encodings_bom_utf16_and_line_ends(tmp_path):
    body = "date 2017-11\nBerlin (dpa) - Die Regierung hat das Gesetz beschlossen.\n\nZweiter Absatz."
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + body.encode())
    (tmp_path / "u16.txt").write_bytes(body.encode("utf-16"))
    (tmp_path / "crlf.txt").write_bytes(body.replace("\n", "\r\n").encode())
    (tmp_path / "cr.txt").write_bytes(body.replace("\n", "\r").encode())
    for name in ("bom.txt", "u16.txt", "crlf.txt", "cr.txt"):
        article = read_article(tmp_path / name)
        assert article.date.value == "2017-11", name
        assert article.body_html.count("<p>") == 2, name
        assert "\r" not in article.text, name


def test_invalid_utf8_names_line(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"date 2017-11\nBerlin (dpa) - ok\nbad \xff byte\n")
    with pytest.raises(InputError) as info:
        read_article(tmp_path / "bad.txt")
    assert info.value.line == 3 and "UTF-8" in str(info.value)


def test_empty_and_binary_files_are_errors(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"  \n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    for name, words in (("empty.md", "empty"), ("image.txt", "binary")):
        with pytest.raises(InputError) as info:
            read_article(tmp_path / name)
        assert words in str(info.value)


def test_unknown_extension_is_an_error(tmp_path):
    path = write(tmp_path / "notes.docx", "x")
    with pytest.raises(InputError, match="no reader"):
        read_article(path)


@pytest.mark.parametrize("stem,slug", [("../../etc/passwd", "etc-passwd"), ("Ä Ö ü", "a-o-u"),
                                       ("..", "article"), ("x" * 300, "x" * 80)])
def test_slugs_are_single_safe_path_components(stem, slug):
    from site_builder.readers.common import slugify
    assert slugify(stem) == slug


def _fresh_conversion(doc, marks):
    from site_builder.readers.markdown_reader import new_converter

    md, typography = new_converter()
    typography.marks = marks
    return md.convert(doc)


def test_reused_markdown_converter_forgets_the_previous_article():
    """One converter serves every article of a process; nothing of one article
    (abbreviations, footnotes, link references, the language's quotes) may
    leak into the next."""
    from site_builder.readers.markdown_reader import markdown_to_html
    from site_builder.readers.typography import marks_for

    docs = [
        "The HTML spec[^1] and [the site][ref].\n\n*[HTML]: Hyper Text\n\n[^1]: A note.\n\n"
        "[ref]: https://example.org/\n",
        "HTML again, a note[^1] and [the site][ref] -- \"quoted\".\n\n[^1]: Another note.\n",
        "Plain text about HTML with [the site][ref].\n",
    ]
    marks = [marks_for("en"), marks_for("de")]
    for n, doc in enumerate(docs + docs[::-1]):
        assert markdown_to_html(doc, marks[n % 2]) == _fresh_conversion(doc, marks[n % 2])
    assert "<abbr" not in markdown_to_html(docs[2], marks[0])
    assert "„quoted“" in markdown_to_html(docs[1], marks[1])
    assert "“quoted”" in markdown_to_html(docs[1], marks[0])


def test_markdown_converters_are_not_shared_between_threads():
    from concurrent.futures import ThreadPoolExecutor

    from site_builder.readers.markdown_reader import markdown_to_html
    from site_builder.readers.typography import marks_for

    marks = [marks_for("en"), marks_for("de")]
    docs = [f"Paragraph *{n}* with a \"note\"[^n].\n\n[^n]: Note {n}.\n\n" * (1 + n % 5)
            for n in range(40)]
    with ThreadPoolExecutor(4) as pool:
        html = list(pool.map(lambda n: markdown_to_html(docs[n], marks[n % 2]), range(len(docs))))
    assert html == [_fresh_conversion(d, marks[n % 2]) for n, d in enumerate(docs)]


@pytest.mark.parametrize("text, expected", [
    ("Die Regierung hat am Montag mitgeteilt, dass sie die Steuern nicht erhöhen wird.", "de"),
    ("The government said on Monday that it would not raise taxes for the rest of the year.", "en"),
    ("the und the und the und", None),   # a tie: no clear lead
    ("Berlin Hamburg 2017", None),      # no function word at all
    ("the the der", None),              # too few words to be sure
])
def test_language_detection_needs_a_clear_lead(text, expected):
    from site_builder.readers.common import detect_language

    assert detect_language(text) == expected
    assert detect_language(text, "xx") == (expected or "xx")


_LANGID_PIECES = ["der", "die", "the", "and", "ein", "eine", "Einen", "of", "in", "to", " ", "\n",
                  "\u00a0", ",", ".", "(", ")", "-", "_", "/", ":", "'", "’", "„", "“", "2", "²",
                  "½", "x", "é", "ß", "İ", "ǅ", "\u0301", "\x1c"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LANGID_PIECES), max_size=40).map("".join))
def test_function_words_are_counted_as_in_a_scan_of_every_word(text):
    """The language is told from function word counts taken chunk by chunk;
    they must be those of finding every word (a run of letters) in the text."""
    import re
    from collections import Counter

    from site_builder.readers.langid import _ALL_FUNCTION_WORDS, _function_words

    text = text.lower()
    every_word = Counter(re.findall(r"[^\W\d_]+", text))
    assert _function_words(text) == Counter(
        {w: n for w, n in every_word.items() if w in _ALL_FUNCTION_WORDS})
