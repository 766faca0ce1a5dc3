"""German sentences in agency-news and history styles the dev corpora do not hold.

Each row is a form the tagger once missed or valued wrongly; the expected
span and value follow TimeML (news, KRAUTS conventions) and TIMEX2
(narrative, WikiWarsDE conventions), see docs/tagger-german.md.
"""
import pytest

from site_builder.timex import tag


def found(text, dct="2017-11-15", genre="news"):
    """{surface text: (type, value, mod)} of the German tagger's output."""
    return {t.text: (t.type, t.value, t.mod) for t in tag(text, dct, "de", genre)}


@pytest.mark.parametrize("text,span,value", [
    # two steps back or ahead
    ("Vorvergangene Woche wurde er festgenommen.", "Vorvergangene Woche", "2017-W44"),
    ("Übernächstes Jahr soll die Brücke fertig sein.", "Übernächstes Jahr", "2019"),
    ("Der Termin wurde auf übernächsten Montag verschoben.", "übernächsten Montag", "2017-11-27"),
    ("Er war am vorletzten Montag zurückgetreten.", "vorletzten Montag", "2017-11-06"),
])
def test_news_relative(text, span, value):
    assert found(text)[span][1] == value


@pytest.mark.parametrize("text,span,value,mod", [
    ("Zu Wochenbeginn legten die Kurse zu.", "Wochenbeginn", "2017-W46", "START"),
    ("Zur Monatsmitte steigen die Preise.", "Monatsmitte", "2017-11", "MID"),
    ("Die Gespräche sollen Ende der Woche fortgesetzt werden.", "Ende der Woche", "2017-W46",
     "END"),
    ("Das Treffen war für Anfang der Woche geplant.", "Anfang der Woche", "2017-W46", "START"),
])
def test_news_part_of_current_unit(text, span, value, mod):
    assert found(text)[span][1:] == (value, mod)


def test_weekend_is_not_the_end_of_the_week():
    assert found("Am Wochenende bleibt es trocken.")["Wochenende"][1] == "2017-W46-WE"


@pytest.mark.parametrize("text,span,value,genre", [
    ("Die Sanierung dauerte ein halbes Jahr.", "ein halbes Jahr", "P6M", "news"),
    ("Nach einer halben Stunde war alles vorbei.", "einer halben Stunde", "PT30M", "news"),
    ("Am 22. Juni 1941 begann der Angriff. Ein halbes Jahr später stand die Armee vor Moskau.",
     "Ein halbes Jahr später", "1941-12", "narrative"),
])
def test_half_amounts(text, span, value, genre):
    assert found(text, None if genre == "narrative" else "2017-11-15", genre)[span][1] == value


@pytest.mark.parametrize("text,span,value", [
    ("Das Museum ist montags geschlossen.", "montags", "XXXX-WXX-1"),
    ("Sonntags fährt kein Bus.", "Sonntags", "XXXX-WXX-7"),
    ("Der Laden öffnet werktags um 8 Uhr.", "werktags", "XXXX-WXX-WD"),
])
def test_weekday_adverbs_are_sets(text, span, value):
    assert found(text)[span][:2] == ("SET", value)


@pytest.mark.parametrize("text,span,value,genre", [
    ("Am Montag wurde er angezeigt. Tags darauf wurde er gefasst.", "Tags darauf", "2017-11-14",
     "news"),
    ("Am 3. Mai 1945 fiel die Stadt, tags zuvor war der General geflohen.", "tags zuvor",
     "1945-05-02", "narrative"),
])
def test_tags_darauf_zuvor(text, span, value, genre):
    assert found(text, None if genre == "narrative" else "2017-11-15", genre)[span][1] == value


@pytest.mark.parametrize("text,span,value", [
    ("Am Rosenmontag ziehen die Narren durch die Stadt.", "Rosenmontag", "2018-02-12"),
    ("Am Aschermittwoch ist alles vorbei.", "Aschermittwoch", "2018-02-14"),
    ("Am Muttertag 2018 blieben die Läden zu.", "Muttertag 2018", "2018-05-13"),
    ("Am Stefanitag wird es wieder kalt.", "Stefanitag", "2017-12-26"),
])
def test_more_holidays(text, span, value):
    assert found(text)[span][1] == value


@pytest.mark.parametrize("text,span,value,mod", [
    ("Im 12. Jh. entstand die Kirche.", "12. Jh.", "11", None),
    ("Im ausgehenden 17. Jahrhundert war die Stadt reich.", "ausgehenden 17. Jahrhundert", "16",
     "END"),
    ("Im beginnenden 19. Jahrhundert wuchs die Stadt.", "beginnenden 19. Jahrhundert", "18",
     "START"),
    ("Ende des 18. Jahrhunderts wuchs die Stadt.", "Ende des 18. Jahrhunderts", "17", "END"),
])
def test_narrative_centuries(text, span, value, mod):
    assert found(text, None, "narrative")[span][1:] == (value, mod)


@pytest.mark.parametrize("text,span,value", [
    ("Im Jahr 9 n. Chr. schlug Arminius die Römer.", "Jahr 9 n. Chr.", "0009"),
    ("Die Stadt wurde 79 n. Chr. zerstört.", "79 n. Chr.", "0079"),
])
def test_common_era_years(text, span, value):
    assert found(text, None, "narrative")[span][1] == value


def test_vague_amount_later_is_one_expression():
    text = "Am 8. Mai 1945 endete der Krieg. Wenige Wochen später begann die Konferenz."
    assert found(text, None, "narrative")["Wenige Wochen später"][:2] == ("DATE", "FUTURE_REF")


@pytest.mark.parametrize("text", ["Seit Jahren kämpft der Verein ums Überleben.",
                                  "Vor Jahren war hier ein Kino."])
def test_bare_plural_unit_at_sentence_start(text):
    assert found(text)["Jahren"][:2] == ("DURATION", "PXY")


@pytest.mark.parametrize("text,value", [
    ("Zum Wochenende wird es wieder wärmer.", "2017-W46-WE"),
    ("Übers Wochenende hatte es geschneit.", "2017-W46-WE"),  # as "am Wochenende"
])
def test_weekend_after_other_prepositions(text, value):
    assert found(text)["Wochenende"][1] == value


def test_age_is_not_a_duration():
    assert found("Er starb im Alter von 84 Jahren in Wien.") == {}


def test_in_the_course_of_a_named_year():
    text = "Im Laufe des Jahres 1917 verschlechterte sich die Lage."
    assert found(text, None, "narrative") == {"Laufe des Jahres 1917": ("DATE", "1917", None)}


@pytest.mark.parametrize("text,span,value", [
    ("Am Donnerstag vergangener Woche wurde er gesehen.", "Donnerstag vergangener Woche",
     "2017-11-09"),
    ("Die Entscheidung fällt am Montag nächster Woche.", "Montag nächster Woche", "2017-11-20"),
    ("Am Freitag dieser Woche ist Schluss.", "Freitag dieser Woche", "2017-11-17"),
])
def test_weekday_of_a_relative_week(text, span, value):
    assert found(text)[span][:2] == ("DATE", value)


@pytest.mark.parametrize("text,span,value", [
    ("Im Januar stieg die Zahl der Arbeitslosen.", "Januar", "2017-01"),
    ("Im Zeitraum von Januar bis September stieg die Zahl.", "Januar", "2017-01"),
    ("Am 2. Februar kamen die Minister zusammen.", "2. Februar", "2017-02-02"),
])
def test_strong_preterite_marks_the_past(text, span, value):
    assert found(text)[span][1] == value
