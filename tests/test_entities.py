"""Named entities by rule: cues, gazetteers, earlier mentions (entities.find_entities)."""
from __future__ import annotations

from site_builder.entities import ORG, PERSON, PLACE, article_names, find_entities


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
