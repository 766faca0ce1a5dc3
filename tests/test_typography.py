"""Typographic punctuation of Markdown articles, per article language."""
from __future__ import annotations

import pytest

from site_builder.build import build
from site_builder.config import load_config
from site_builder.readers import ReadOptions, read_article
from site_builder.readers.markdown_reader import markdown_to_html
from site_builder.readers.typography import DEFERRED, marks_for, resolve_deferred
from site_builder.sanitize import sanitize_html

from helpers import write


def html(source: str, lang: str) -> str:
    """The sanitised HTML a Markdown body becomes in an article of ``lang``."""
    return sanitize_html(markdown_to_html(source, marks_for(lang)))


def para(source: str, lang: str) -> str:
    """The one paragraph a line of Markdown becomes, without its <p> tags."""
    out = html(source, lang).strip()
    assert out.startswith("<p>") and out.endswith("</p>"), out
    return out[3:-4]


@pytest.mark.parametrize("source, de, en", [
    # at the start and end of a paragraph, around punctuation
    ('"Wir bleiben", sagte er.', "„Wir bleiben“, sagte er.", "“Wir bleiben”, sagte er."),
    ('Er sagte: "Wir bleiben."', "Er sagte: „Wir bleiben.“", "Er sagte: “Wir bleiben.”"),
    # after opening brackets and dashes
    ('Der Plan ("Agenda") kam.', "Der Plan („Agenda“) kam.", "Der Plan (“Agenda”) kam."),
    ('Dann -- "jetzt" -- nicht.', "Dann – „jetzt“ – nicht.", "Dann – “jetzt” – nicht."),
    ('Dann --"jetzt"-- nicht.', "Dann –„jetzt“– nicht.", "Dann –“jetzt”– nicht."),
    ('Ende---"Anfang".', "Ende—„Anfang“.", "Ende—“Anfang”."),
    # a quotation inside a quotation
    ("\"Er rief: 'Halt!'\", hieß es.", "„Er rief: ‚Halt!‘“, hieß es.",
     "“Er rief: ‘Halt!’”, hieß es."),
    ("He said, \"'Quoted' words.\"", "He said, „‚Quoted‘ words.“", "He said, “‘Quoted’ words.”"),
    ("'single' quotes", "‚single‘ quotes", "‘single’ quotes"),
    # apostrophes: contractions, possessives after -s, decades
    ("It's the voters' choice in the '90s.", "It’s the voters’ choice in the ’90s.",
     "It’s the voters’ choice in the ’90s."),
    ("Hans' Auto, gibt's, rock 'n' roll in '95", "Hans’ Auto, gibt’s, rock ‚n‘ roll in ’95",
     "Hans’ Auto, gibt’s, rock ‘n’ roll in ’95"),
    ("'Peter's' Haus", "‚Peter’s‘ Haus", "‘Peter’s’ Haus"),
    # quotes around and inside inline markup: the text around counts
    ('"*kursiv*" und *"kursiv"*', "„<em>kursiv</em>“ und <em>„kursiv“</em>",
     "“<em>kursiv</em>” und <em>“kursiv”</em>"),
    ('"[Link](https://example.org/)"',
     '„<a href="https://example.org/" rel="noopener noreferrer nofollow">Link</a>“',
     '“<a href="https://example.org/" rel="noopener noreferrer nofollow">Link</a>”'),
    # an empty quotation; a lone quote between spaces stays straight
    ('x "" y " z', "x „“ y \" z", "x “” y \" z"),
    # dashes, ellipsis, guillemets
    ("A -- B --- C ... D << E >>", "A – B — C … D « E »", "A – B — C … D « E »"),
    ("A ---- B -", "A ---- B -", "A ---- B -"),
])
def test_quotes_dashes_and_ellipses_follow_the_language(source, de, en):
    assert para(source, "de") == de
    assert para(source, "en") == en


@pytest.mark.parametrize("source, expected", [
    # code spans and code blocks are what the author typed
    ('`a "b" -- c...` "d"', '<code>a "b" -- c...</code> “d”'),
    ('"x" `"` "y"', '“x” <code>"</code> “y”'),
    ('`code`\'s "`code`"', '<code>code</code>’s “<code>code</code>”'),
    # raw HTML: attributes untouched, text between the tags typeset
    ("<span title=\"a 'b' -- c\">\"x\"</span>", "<span title=\"a 'b' -- c\">“x”</span>"),
    # typographic quotes typed by the author stay as they are
    ("„schon“ ‚so‘ “curly” ‘too’ »Buch«", "„schon“ ‚so‘ “curly” ‘too’ »Buch«"),
    # an entity or a backslash asks for a straight quote
    ("&quot;x&quot; and &quot;y\"", "\"x\" and \"y”"),
    ('\\"x\\" \\\'y\\\' \\-\\- \\.\\.\\.', "\"x\" 'y' -- ..."),
    ("a&nbsp;\"b\"", "a&nbsp;“b”"),
])
def test_literal_text_and_markup_stay_as_typed(source, expected):
    assert para(source, "en") == expected


def test_fenced_and_indented_code_blocks_stay_as_typed():
    out = html('"Vorher"\n\n```\nprint("a" -- \'b\')...\n```\n\n    x = "c"\n\n"Nachher"', "de")
    assert "<pre><code>print(\"a\" -- 'b')...\n</code></pre>" in out
    assert '<pre><code>x = "c"\n</code></pre>' in out
    assert "<p>„Vorher“</p>" in out and "<p>„Nachher“</p>" in out


def test_each_block_is_typeset_on_its_own():
    out = html("* \"eins\n* zwei\"\n\n| \"a\" | 'b' |\n|---|---|\n| x\" | y |\n\n# \"Titel\"", "de")
    assert "<li>„eins</li>" in out and "<li>zwei“</li>" in out
    assert "<th>„a“</th>" in out and "<th>‚b‘</th>" in out and "<td>x“</td>" in out


def test_stand_ins_become_the_language_marks():
    deferred = markdown_to_html("\"Er sagte: 'Nein', it's\"", DEFERRED)
    assert resolve_deferred(deferred, marks_for("de")) == markdown_to_html(
        "\"Er sagte: 'Nein', it's\"", marks_for("de"))


def _article(tmp_path, name, text, **options):
    return read_article(write(tmp_path / name, text), ReadOptions(root=tmp_path, **options))


GERMAN = ('---\ntitle: Gipfel\ndate: 2017-07-07\n{lang}---\n'
          'Die Regierung hat am Freitag "eine Einigung" erzielt, hieß es. Der Sprecher sagte, '
          "das sei 'ein Erfolg' für die Stadt und die Partner, die dabei waren.\n")


@pytest.mark.parametrize("lang_line", ["", "lang: de\n"])
def test_german_article_gets_german_quotes_whether_told_or_detected(tmp_path, lang_line):
    article = _article(tmp_path, "a.md", GERMAN.format(lang=lang_line))
    assert article.lang == "de"
    for text in (article.body_html, article.text):
        assert "„eine Einigung“" in text and "‚ein Erfolg‘" in text
        assert not any(c in text for c in DEFERRED)


def test_front_matter_language_sets_the_quotes(tmp_path):
    article = _article(tmp_path, "a.md", GERMAN.format(lang="lang: en\n"))
    assert article.lang == "en"
    assert "“eine Einigung”" in article.text and "‘ein Erfolg’" in article.body_html


def test_article_text_is_the_plain_text_of_the_typeset_page(tmp_path):
    from site_builder.readers.common import html_to_text

    article = _article(tmp_path, "a.md", GERMAN.format(lang=""))
    assert article.text == html_to_text(article.body_html)


def test_private_use_characters_typed_in_an_article_survive(tmp_path):
    """The stand-in characters are never confused with the author's own."""
    text = GERMAN.format(lang="").replace("Partner", "Partner \ue000\ue004")
    article = _article(tmp_path, "a.md", text)
    assert article.lang == "de" and "„eine Einigung“" in article.text
    assert "Partner \ue000\ue004" in article.text


def test_built_german_article_page_shows_german_quotes(tmp_path):
    write(tmp_path / "seeds" / "gipfel.md", GERMAN.format(lang=""))
    write(tmp_path / "seeds" / "summit.md",
          "---\ntitle: Summit\ndate: 2017-07-07\n---\nThe leaders said on Friday that \"the "
          "talks\" had been 'a success' for the city and for the partners who were there.\n")
    build(load_config(tmp_path, {}))
    articles = tmp_path / "output" / "articles"
    german = (articles / "gipfel" / "index.html").read_text("utf-8")
    assert "„eine Einigung“" in german and "‚ein Erfolg‘" in german
    english = (articles / "summit" / "index.html").read_text("utf-8")
    assert "“the talks”" in english and "‘a success’" in english


@pytest.mark.parametrize("lang, sentences", [
    ("de", ["Sie sagte: „Er rief ‚Nein.‘", "Dann ging er.“", "Sie blieb."]),
    ("en", ["She said: “He cried ‘no.’", "Then he left.”", "She stayed."]),
])
def test_typographic_quotes_end_sentences(lang, sentences):
    """The splitter knows every mark the typographer writes (German's ‘ closes)."""
    from site_builder.sentences import split_sentences

    text = " ".join(sentences)
    assert [text[a:b] for a, b in split_sentences(text, lang)] == sentences


@pytest.mark.parametrize("sentence, lang, expected", [
    ("Die Zeitung „Sport“ titelte am 12. Mai 2015.", "de", "Die Zeitung „Sport“ titelte"),
    ("The paper “Sport” reported the result on 12 May 2015.", "en",
     "The paper “Sport” reported the result"),
])
def test_titles_keep_balanced_typographic_quotes(sentence, lang, expected):
    """“ closes a German quotation and opens an English one: both stay whole."""
    from site_builder.titles import make_title

    start = sentence.index(" am 12." if lang == "de" else " on 12")
    assert make_title(sentence, [(start + 1, len(sentence) - 1)], None, lang) == expected
