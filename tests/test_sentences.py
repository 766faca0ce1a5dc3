"""Sentence splitting: abbreviations, ordinals, initials, quotes, paragraphs."""
from hypothesis import given, strategies as st

from site_builder.sentences import split_sentences


def texts(text, lang):
    return [text[s:e] for s, e in split_sentences(text, lang)]


def test_german_ordinals_and_abbreviations_do_not_end_sentences():
    text = ("Am 7. Juli 2017 trafen sie sich in Hamburg. Die Resolution Nr. 2254 gilt z. B. auch "
            "für den 1. FC Köln. Am 3. Oktober feiert man. Dr. Peskow sprach mit St. Petersburg.")
    assert texts(text, "de") == [
        "Am 7. Juli 2017 trafen sie sich in Hamburg.",
        "Die Resolution Nr. 2254 gilt z. B. auch für den 1. FC Köln.",
        "Am 3. Oktober feiert man.",
        "Dr. Peskow sprach mit St. Petersburg.",
    ]


def test_year_at_sentence_end_still_ends_the_sentence():
    assert texts("Der Krieg endete 1945. Danach kam der Frieden.", "de") == [
        "Der Krieg endete 1945.", "Danach kam der Frieden."]


def test_english_abbreviations_initials_and_dotted_acronyms():
    text = ("Mr. Smith met John F. Kennedy on Jan. 5 in St. Louis. U.S. officials agreed. "
            "He moved to the U.S. The move was quick.")
    assert texts(text, "en") == [
        "Mr. Smith met John F. Kennedy on Jan. 5 in St. Louis.",
        "U.S. officials agreed.",
        "He moved to the U.S.",
        "The move was quick.",
    ]


def test_quotes_close_sentences_and_question_inside_quote_continues():
    assert texts('Er sagte: «Wir kommen!» Dann ging er. „Nein.“ Gut.', "de") == [
        "Er sagte: «Wir kommen!»", "Dann ging er.", "„Nein.“", "Gut."]
    assert texts('"Why?" he asked. It rained.', "en") == ['"Why?" he asked.', "It rained."]


def test_paragraph_break_always_ends_a_sentence():
    text = "Zweiter Weltkrieg\n\nDer Krieg begann 1939\n  \nund endete."
    assert texts(text, "de") == ["Zweiter Weltkrieg", "Der Krieg begann 1939", "und endete."]


def test_offsets_refer_to_the_text_and_are_trimmed():
    text = "   Erster Satz.   Zweiter Satz.  "
    spans = split_sentences(text, "de")
    assert spans == [(3, 15), (18, 31)]


@given(st.text(alphabet="ab. \n!?AZ7„“«»", max_size=200), st.sampled_from(["de", "en"]))
def test_spans_are_ordered_disjoint_trimmed(text, lang):
    prev = 0
    for s, e in split_sentences(text, lang):
        assert prev <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e


def test_word_before_a_dot_is_found_after_any_white_space_or_long_token():
    # The word before a dot is searched from the last space: after a tab or
    # no-break space, or in a token longer than the window, it must still be
    # the abbreviation or number right before the dot.
    text = ("Treffen mit\tDr. Peskow in Moskau. Das Treffen\u00a0Nr. 5 war am\n7. Juli. "
            "Die Seite www.example-nachrichten-und-berichte-aus-aller-welt.de/z. B. Berlin. "
            "Danach kam nichts.")
    assert texts(text, "de") == [
        "Treffen mit\tDr. Peskow in Moskau.",
        "Das Treffen\u00a0Nr. 5 war am\n7. Juli.",
        "Die Seite www.example-nachrichten-und-berichte-aus-aller-welt.de/z. B. Berlin.",
        "Danach kam nichts.",
    ]
