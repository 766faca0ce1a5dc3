"""Named entities by rule: cues, gazetteers, earlier mentions (entities.find_entities)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from site_builder.dates import PartialDate
from site_builder.entities import (ORG, PERSON, PLACE, article_names, find_entities, tokenize,
                                   tokenize_spans)
from site_builder.events import extract_events
from site_builder.model import Article, Timex
from site_builder.sentences import split_sentences


def test_a_person_cue_before_a_capitalised_name_makes_a_person():
    assert find_entities("Kremlsprecher Dmitri Peskow sagte das.", "de") == ((PERSON, "Dmitri Peskow"),)
    assert (PERSON, "Donald Trump") in find_entities("Then president Donald Trump spoke.", "en")


def test_gazetteer_names_of_two_words_win_over_their_first_word():
    assert find_entities("She flew to New York and Paris.", "en") == ((PLACE, "New York"), (PLACE, "Paris"))
    assert find_entities("Das Weiße Haus und die Vereinte Nationen.", "de") == (
        (ORG, "Weiße Haus"), (ORG, "Vereinte Nationen"))


def test_names_the_article_introduced_are_found_again_longest_first():
    known = article_names("President Donald Trump arrived.", "en")
    assert known["Donald Trump"] == PERSON and known["Trump"] == PERSON
    assert find_entities("Donald Trump's aides and Trump.", "en", known) == ((PERSON, "Donald Trump"),
                                                                           (PERSON, "Trump"))


def test_a_lower_case_name_counts_only_when_seen_before():
    assert find_entities("Dann sprach al-Assad.", "de") == ()
    assert find_entities("Dann sprach al-Assad.", "de", {"al-Assad": PERSON}) == ((PERSON, "al-Assad"),)


def test_trailing_dots_and_possessive_s_are_not_part_of_a_name():
    assert find_entities("It happened in Hamburg. Then Berlin's mayor left.", "en") == (
        (PLACE, "Hamburg"), (PLACE, "Berlin"))


# Extraction tokenises an article once and hands each event sentence its
# share of the words (tokenize_spans): that share must be exactly what the
# sentence tokenised alone gives, and the shares with the gaps between them
# must make up the whole article's words, at any sentence boundary.
_BOUNDARY_TEXT = ("Präsident Donald Trump traf Putin. «Wir kommen!» Dann sprach al-Assad's Sprecher. "
                  "Er zog in die U.S. The move was quick.\n\n  Trump's aides und Peskow... "
                  "Kremlsprecher Dmitri Peskow sagte: „Nein.“ Ende")


def _check_shared_tokens(text, lang):
    spans = split_sentences(text, lang)
    for chosen in (spans, spans[::2], spans[1::2], []):
        per_span, whole = tokenize_spans(text, chosen)
        assert whole == tokenize(text)
        assert per_span == [tokenize(text[s:e]) for s, e in chosen]


def test_shared_tokens_are_those_of_each_sentence_and_of_the_article():
    _check_shared_tokens(_BOUNDARY_TEXT, "de")
    _check_shared_tokens(_BOUNDARY_TEXT, "en")
    assert tokenize("Berlin's mayor went to the U.S. today.") == (
        ["Berlin's", "mayor", "went", "to", "the", "U.S.", "today."],
        ["Berlin", "mayor", "went", "to", "the", "U.S", "today"])


@given(st.text(alphabet="ab. \n\t!?AZ7'’-_„“«»", max_size=200), st.sampled_from(["de", "en"]))
def test_shared_tokens_match_for_any_text(text, lang):
    _check_shared_tokens(text, lang)


def test_event_entities_are_those_of_the_sentence_with_the_articles_names():
    text = ("Kremlsprecher Dmitri Peskow sagte am 3. Mai 2017 in Moskau etwas. "
            "Am 4. Mai 2017 widersprach Peskow. Später kam Trump. Am 5. Mai 2017 traf "
            "Präsident Donald Trump in Washington ein.")
    art = Article(slug="a", title="T", date=PartialDate("2017-05"), lang="de", text=text,
                  body_html="", source_path="a.txt", genre="news")
    timexes = [Timex(text.index(s), text.index(s) + len(s), s, "DATE", v, None)
               for s, v in (("am 3. Mai 2017", "2017-05-03"), ("Am 4. Mai 2017", "2017-05-04"),
                            ("Am 5. Mai 2017", "2017-05-05"))]
    events = extract_events(art, timexes)
    known = article_names(text, "de")
    assert [e.entities for e in events] == [find_entities(e.sentence, "de", known) for e in events]
    assert [(PERSON, "Peskow")] == [e for e in events[1].entities if e[0] == PERSON]


def test_place_after_a_place_preposition_also_right_after_a_name_but_not_after_a_dot():
    # A capitalised word right after "in"/"aus" is a place, also when a name
    # just ended before the preposition; "aus." ends the sentence instead.
    assert find_entities("Sie kamen aus. Wolkenheim lag still.", "de") == ()
    assert find_entities("Sie kamen aus Wolkenheim.", "de") == ((PLACE, "Wolkenheim"),)
    assert find_entities("Kremlsprecher Dmitri Peskow in Wolkenheim und in. Bergdorf", "de") == (
        (PERSON, "Dmitri Peskow"), (PLACE, "Wolkenheim"))
    assert find_entities("They moved to. Millbrook was quiet. Mayor John Smith in Millbrook.", "en") == (
        (PERSON, "John Smith"), (PLACE, "Millbrook"))
