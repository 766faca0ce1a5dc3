"""Event extraction: the dpa seed, anchors, titles, ids, manual events."""
from pathlib import Path

import pytest

from site_builder.dates import PartialDate
from site_builder.events import extract_events
from site_builder.model import Article, ManualEvent, Timex
from site_builder.titles import MAX_TITLE

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8d4080564ea0615d.txt"


def seed_article() -> Article:
    """The dpa seed as the reader gives it: the "date 2017-11" header blanked."""
    raw = SEED.read_text(encoding="utf-8")
    header = raw.index("2017-11") + len("2017-11")
    return Article(slug="000_8d4080564ea0615d", title="Syrien", date=PartialDate("2017-11"),
                   lang="de", text=" " * header + raw[header:], body_html="",
                   source_path=str(SEED), genre="news")


def article(text, lang="de", date="2017-11", genre="news", slug="a", **kw):
    return Article(slug=slug, title="T", date=PartialDate(date) if date else None, lang=lang,
                   text=text, body_html="", source_path=f"{slug}.txt", genre=genre, **kw)


def timex(text, span, type_, value, mod=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Timex(start, start + len(span), span, type_, value, mod)


def hand_tagged_seed(art):
    """What a good tagger says about the seed (incl. the spans that are no events)."""
    t = art.text
    return [timex(t, "in den vergangenen Monaten", "DURATION", "PXM"),
            timex(t, "im April", "DATE", "2017-04"), timex(t, "bislang", "DATE", "PAST_REF"),
            timex(t, "im Juli", "DATE", "2017-07"), timex(t, "am Freitag", "DATE", "2017-11"),
            timex(t, "derzeit", "DATE", "PRESENT_REF"),
            timex(t, "seit Jahrzehnten", "DURATION", "PXDE")]


def assert_seed_events(events):
    """The three events a reader expects (plus the optional Friday one), in order."""
    dates = [e.date.value for e in events]
    assert dates[:3] == ["2017-04", "2017-07", "2017-11"]
    assert dates[3:] in ([], ["2017-11"])
    strike, g20, apec = events[:3]
    assert "Militärbasis" in strike.title and "Marschflugkörpern" in strike.title
    assert "USA" in strike.title and "Russland" not in strike.title  # the strike, not the blocking
    assert "G20-Gipfel in Hamburg" in g20.title and "Trump und Putin" in g20.title
    assert "Apec-Gipfel" in apec.title and "dpa" not in apec.title and "Da Nang/" not in apec.title
    assert apec.sentence.startswith("Da Nang/Moskau (dpa)")  # the lead, dated by the article
    if len(events) == 4:
        assert "Weiße Haus" in events[3].title and "Freitag" not in events[3].title
    for e in events:
        assert len(e.title) <= 90, e.title
        assert not e.title.endswith((".", ",", "…")), e.title
        assert e.title[0].isupper()
        for word in ("derzeit", "bislang", "hieß es", "im Juli", "im April", "Nr. 2254"):
            assert word not in e.title


def test_seed_with_hand_tagged_timexes():
    art = seed_article()
    assert_seed_events(extract_events(art, hand_tagged_seed(art)))


def test_seed_end_to_end_with_tagger():
    tag = pytest.importorskip("site_builder.timex").tag
    art = seed_article()
    assert_seed_events(extract_events(art, tag(art.text, art.date.value, "de", "news")))


def test_seed_event_fields_point_into_the_text():
    art = seed_article()
    for e in extract_events(art, hand_tagged_seed(art)):
        assert art.text[e.start:e.end] == e.sentence
        assert e.slug == art.slug and e.lang == "de" and e.id.startswith(art.slug + "-")
        (src,) = e.sources
        assert (src.slug, src.start, src.end) == (art.slug, e.start, e.end)
        if src.timex_start is not None:
            assert art.text[src.timex_start:src.timex_end] == e.timex_text
    g20 = [e for e in extract_events(art, hand_tagged_seed(art)) if e.date.value == "2017-07"][0]
    assert ("PERSON", "Trump") in g20.entities and ("PLACE", "Hamburg") in g20.entities


def test_ids_stable_when_other_sentences_change():
    text = "Vorspann ohne Datum hier. Am 7. Juli 2017 trafen sich Trump und Putin in Hamburg."
    a1 = article(text)
    a2 = article("Ganz anderer Vorspann, länger als zuvor. " + text.split(". ", 1)[1])
    e1 = [e for e in extract_events(a1, [timex(text, "7. Juli 2017", "DATE", "2017-07-07")])
          if e.date.value == "2017-07-07"]
    t2 = a2.text
    e2 = [e for e in extract_events(a2, [timex(t2, "7. Juli 2017", "DATE", "2017-07-07")])
          if e.date.value == "2017-07-07"]
    assert e1[0].id == e2[0].id and e1[0].start != e2[0].start


def test_non_events_are_skipped():
    text = ("Der Gipfel ist derzeit geplant. Seit Jahrzehnten gibt es Streit. "
            "Die Resolution Nr. 2254 gilt. Jeden Montag tagt der Rat. Im Juli wurde verhandelt.")
    tx = [timex(text, "derzeit", "DATE", "PRESENT_REF"), timex(text, "Jahrzehnten", "DURATION", "PXDE"),
          timex(text, "2254", "DATE", "2254"), timex(text, "Jeden Montag", "SET", "XXXX-WXX-1"),
          timex(text, "Im Juli", "DATE", "XXXX-07")]
    assert extract_events(article(text, genre="narrative"), tx) == []


def test_month_granularity_is_kept_and_most_specific_date_wins():
    text = "Im Juli 2017, am 8. Juli, trafen sich Trump und Putin beim G20-Gipfel in Hamburg."
    tx = [timex(text, "Im Juli 2017", "DATE", "2017-07"), timex(text, "8. Juli", "DATE", "2017-07-08")]
    (e,) = extract_events(article(text, genre="narrative"), tx)
    assert e.date == PartialDate("2017-07-08") and e.timex_text == "8. Juli"
    (m,) = extract_events(article(text, genre="narrative"), tx[:1])
    assert m.date.value == "2017-07" and m.date.granularity == "month"


def test_narrative_has_no_lead_event_but_news_does():
    text = "Die USA und Russland einigten sich in Da Nang auf eine Erklärung zu Syrien."
    assert extract_events(article(text, genre="narrative"), []) == []
    (lead,) = extract_events(article(text), [])
    assert lead.date.value == "2017-11" and lead.title.startswith("Die USA und Russland einigten sich")
    assert extract_events(article(text, date=None), []) == []


def test_manual_events_become_events():
    m = ManualEvent(date=PartialDate("2017-07"), title="G20-Gipfel in Hamburg", text="Treffen.")
    (e,) = extract_events(article("Kein Datum hier drin.", genre="narrative", manual_events=(m,)), [])
    assert e.manual and e.title == "G20-Gipfel in Hamburg" and e.date.value == "2017-07"
    assert e.id.startswith("a-")


@pytest.mark.parametrize("sentence, span, value, expected", [
    ("Iraqi President Saddam Hussein invaded Kuwait on August 2, 1990, triggering the Gulf War.",
     "August 2, 1990", "1990-08-02", "Iraqi President Saddam Hussein invaded Kuwait"),
    ("In July, Trump and Putin held a long talk at the G20 summit in Hamburg, officials said.",
     "July", "2017-07", "Trump and Putin held a long talk at the G20 summit in Hamburg"),
    ("The company said Tuesday that it would cut 1,200 jobs at its plant in Ohio.",
     "Tuesday", "2017-11-07", "The company would cut 1,200 jobs at its plant in Ohio"),
    ("Russia blocked the channel after the United States struck a Syrian air base in April.",
     "April", "2017-04", "The United States struck a Syrian air base"),
    # an event told in a relative clause: its antecedent is the subject ...
    ("The mayor, who took office in January 2014, said the city was ready.",
     "January 2014", "2014-01", "The mayor took office"),
    # ... only when the sentence's verb follows the clause (else it is no subject)
    ("Many saw in de Gaulle, who had not held office since 1946, the man to end the war.",
     "1946", "1946", "Many saw in de Gaulle"),
])
def test_english_headlines(sentence, span, value, expected):
    (e,) = extract_events(article(sentence, lang="en", genre="narrative"),
                          [timex(sentence, span, "DATE", value)])
    assert e.title == expected


@pytest.mark.parametrize("sentence, span, value, expected", [
    ("Dann sagte das Weiße Haus am Freitag die Begegnung wegen angeblicher Terminprobleme ab.",
     "am Freitag", "2017-11-10", "Das Weiße Haus sagte die Begegnung wegen angeblicher Terminprobleme ab"),
    ("Im Juli trafen sich Trump und Putin in Hamburg, hieß es in Moskau.",
     "Im Juli", "2017-07", "Trump und Putin trafen sich in Hamburg"),
    ("Die Erklärung, die am 11. November veröffentlicht wurde, sei von Lawrow ausgearbeitet worden.",
     "am 11. November", "2017-11-11", "Die Erklärung sei von Lawrow ausgearbeitet worden"),
    # the preposition and adjectives of a removed time expression go with it
    ("Für 2011 prognostiziert das Institut ein Wachstum von zwei Prozent.",
     "2011", "2011", "Das Institut prognostiziert ein Wachstum von zwei Prozent"),
    ("Der Schnee blieb den ganzen Winter auf den Gipfeln liegen.",
     "Winter", "2017-WI", "Der Schnee blieb auf den Gipfeln liegen"),
    # the article of a removed noun goes with its preposition ("In der" used to stay)
    ("In der Nacht zu Sonntag brannte eine Lagerhalle in Hamburg.",
     "Nacht zu Sonntag", "2017-11-11TNI", "Eine Lagerhalle brannte in Hamburg"),
    # ... but not an article that belongs to a later noun
    ("Am Ende der im Mai begonnenen Kampagne eroberten die Truppen die Stadt.",
     "Mai", "1918-05", "Am Ende der begonnenen Kampagne eroberten die Truppen die Stadt"),
])
def test_german_headlines(sentence, span, value, expected):
    (e,) = extract_events(article(sentence, genre="narrative"), [timex(sentence, span, "DATE", value)])
    assert e.title == expected


def test_long_sentence_title_is_cut_at_a_word_boundary():
    sentence = ("Am 1. September 1939 überfiel die Wehrmacht ohne Kriegserklärung das Nachbarland Polen "
                "und begann damit den Zweiten Weltkrieg, der sechs Jahre dauerte und Millionen Tote "
                "forderte und ganz Europa verwüstete und veränderte.")
    (e,) = extract_events(article(sentence, genre="narrative"),
                          [timex(sentence, "1. September 1939", "DATE", "1939-09-01")])
    assert len(e.title) <= 90
    assert e.title.startswith(("Die Wehrmacht überfiel", "Wehrmacht überfiel"))
    words = sentence.replace(",", "").replace(".", "").split()
    assert e.title.rstrip("…").split()[-1] in words  # never a cut-off word


def test_a_sentence_that_is_only_a_date_is_no_event():
    # a section heading "1981" in a narrative says when, not what
    text = "1981\n\nIm Frühjahr 1981 begann die irakische Offensive."
    t1 = timex(text, "1981", "DATE", "1981")
    t2 = timex(text, "Frühjahr 1981", "DATE", "1981-SP")
    events = extract_events(article(text, genre="narrative"), [t1, t2])
    assert [e.date.value for e in events] == ["1981-SP"]
    assert "Offensive" in events[0].title


def _title(sentence, lang, *spans):
    """The title of the one event of ``sentence`` whose time expressions are ``spans``
    ((text, value) pairs, DATE)."""
    tx = [timex(sentence, s, "DATE", v) for s, v in spans]
    (e,) = extract_events(article(sentence, lang=lang, genre="narrative"), tx)
    return e.title


@pytest.mark.parametrize("sentence, lang, spans, expected", [
    # the time preposition before a removed date goes after a tab, two spaces
    # inside a parenthesis or a no-break space after a quote, not inside a word
    ("Die Truppen zogen sich am\t7. Mai 1945 aus der Stadt zurück.", "de",
     [("7. Mai 1945", "1945-05-07")], "Die Truppen zogen sich aus der Stadt zurück"),
    ("Die Truppen zogen sich (am  7. Mai 1945) aus der Stadt zurück.", "de",
     [("7. Mai 1945", "1945-05-07")], "Die Truppen zogen sich aus der Stadt zurück"),
    ("Die Truppen zogen sich ab-am 7. Mai 1945 aus der Stadt zurück.", "de",
     [("7. Mai 1945", "1945-05-07")], "Die Truppen zogen sich ab-am aus der Stadt zurück"),
    ("The troops withdrew from the city „on\u00a0May 7, 1945.", "en",
     [("May 7, 1945", "1945-05-07")], "The troops withdrew from the city"),
    # a range's linking word and its preposition go with the two removed ends
    ("Mr. Antar made more than $60 million from the sale of his shares between 1985 and 1987.",
     "en", [("1985", "1985"), ("1987", "1987")],
     "Mr. Antar made more than $60 million from the sale of his shares"),
    ("Nationalist slaughtered nationalist from April to September 1957 and did France's work.",
     "en", [("April", "1957-04"), ("September 1957", "1957-09")],
     "Nationalist slaughtered nationalist and did France's work"),
    ("Oshkosh Truck Corp. estimated earnings for its fourth quarter ended Sept. 30 fell 50%.",
     "en", [("fourth quarter", "1989-Q4"), ("Sept. 30", "1989-09-30")],
     "Oshkosh Truck Corp. estimated earnings fell 50%"),
    ("Die Unruhen herrschten zwischen Mitte Juli und Anfang August 1789 in ganz Frankreich.",
     "de", [("Mitte Juli", "1789-07"), ("Anfang August 1789", "1789-08")],
     "Die Unruhen herrschten in ganz Frankreich"),
    # a year before the noun it modifies: the words before it stay
    ("Amir is serving a life sentence for the November 1995 assassination of Rabin.",
     "en", [("November 1995", "1995-11")], "Amir is serving a life sentence for the assassination of Rabin"),
])
def test_removed_time_expressions_leave_no_dangling_words(sentence, lang, spans, expected):
    assert _title(sentence, lang, *spans) == expected


@pytest.mark.parametrize("sentence, lang, spans, expected", [
    ("Sie erreichten Wladiwostok allerdings erst im Dezember 1922.",
     "de", [("im Dezember 1922", "1922-12")], "Sie erreichten Wladiwostok"),
    ("The plant will be closed over the long weekend in May.",
     "en", [("the long weekend in May", "2017-05")], "The plant will be closed"),
    # a separable verb's particle is no dangling preposition
    ("Am 5. September griff die Armee an.", "de", [("Am 5. September", "1944-09-05")],
     "Die Armee griff an"),
    ("Im Juli fanden Großdemonstrationen auf dem Marsfeld statt.", "de", [("Im Juli", "1791-07")],
     "Großdemonstrationen fanden auf dem Marsfeld statt"),
])
def test_titles_never_end_on_a_function_word(sentence, lang, spans, expected):
    assert _title(sentence, lang, *spans) == expected


@pytest.mark.parametrize("sentence, spans, expected", [
    # the subject set off by commas comes back
    ("Amir, 27, is serving a life sentence for the November 1995 assassination of Rabin.",
     [("November 1995", "1995-11")], "Amir is serving a life sentence for the assassination of Rabin"),
    ("MindSpring, which provided the space for the site, closed it Thursday night for violating its rules.",
     [("Thursday night", "1999-01-07TNI")], "MindSpring closed it for violating its rules"),
    # a coordinated predicate takes the subject of the clause before
    ("Police raided the bar, and closed it on Thursday for violating the rules.",
     [("Thursday", "1999-01-07")], "Police closed it for violating the rules"),
    # a participle phrase or a leading prepositional phrase gives way to the main clause
    ("Militant women assumed a special role in the funeral of Marat, following his murder on July 13, 1793.",
     [("July 13, 1793", "1793-07-13")], "Militant women assumed a special role in the funeral of Marat"),
    ("Under the Constitution of 1791, France would function as a constitutional monarchy.",
     [("1791", "1791")], "France would function as a constitutional monarchy"),
    # a present-tense verb after a relative clause; a plural noun before its verb stays
    ("Juanita Castro, who arrived in Miami in 1961, believes the family should decide.",
     [("1961", "1961")], "Juanita Castro believes the family should decide"),
    ("The commander, General Odierno, noted that \"in military terms, transitions are the most "
     "dangerous time\" in December 2008.", [("December 2008", "2008-12")],
     "Transitions are the most dangerous time"),
    ("In early April following Bulgaria's signing of the pact, the Germans intervened in the Balkans.",
     [("early April", "1941-04")], "The Germans intervened in the Balkans"),
])
def test_english_titles_keep_their_subject(sentence, spans, expected):
    assert _title(sentence, "en", *spans) == expected


@pytest.mark.parametrize("sentence, lang, spans, expected", [
    # verb-second: a name after the subject is the object, not part of the subject
    ("Am 8. Mai erreichte die Rote Armee Graz.", "de", [("Am 8. Mai", "1945-05-08")],
     "Die Rote Armee erreichte Graz"),
    ("Am 5. September nahm die Rote Armee Bulgarien ein.", "de", [("Am 5. September", "1944-09-05")],
     "Die Rote Armee nahm Bulgarien ein"),
    # a date set off by commas inside the clause: the clause stays whole
    ("Die Stadt wurde jedoch, am Neujahrstag 1863, von konföderierten Truppen zurückerobert.", "de",
     [("am Neujahrstag 1863", "1863-01-01")], "Die Stadt wurde jedoch von konföderierten Truppen zurückerobert"),
    # "declared" with an object is the event, not a frame around reported speech
    ("President Truman declared a national emergency on 16 December 1950 with a proclamation.", "en",
     [("16 December 1950", "1950-12-16")], "President Truman declared a national emergency with a proclamation"),
])
def test_titles_keep_the_clause_whole(sentence, lang, spans, expected):
    assert _title(sentence, lang, *spans) == expected


def test_a_long_english_title_loses_no_words_in_the_middle():
    sentence = ("Polly Peck International Inc.'s agreement to acquire 51% of Sansui Electric Co. in 1989 "
                "proves that foreign companies can acquire Japanese companies if the alternative is extinction.")
    title = _title(sentence, "en", ("1989", "1989"))
    # cut at the end with "…" rather than losing "to acquire 51% of Sansui Electric" in the middle
    assert title.endswith("…") and sentence.startswith(title.rstrip("…"))
    assert "Sansui Electric" in title and len(title) <= MAX_TITLE


@pytest.mark.parametrize("sentence, span, expected", [
    # too long: an English auxiliary stays unless a participle follows it
    ("Dr. Barnett Slepian, just back from synagogue, was heating soup in his kitchen last fall when "
     "he was gunned down with a single shot through a window.", "last fall",
     "Dr. Barnett Slepian was heating soup in his kitchen when he was gunned down with single…"),
    ("The company had a one-time charge of $14.8 million in the third quarter covering the "
     "disposition of certain assets in its European units.", "the third quarter",
     "The company had one-time charge of $14.8 million covering the disposition of certain…"),
])
def test_long_english_titles_keep_their_verbs(sentence, span, expected):
    assert _title(sentence, "en", (span, "1998-10")) == expected


def test_a_sentence_of_time_words_only_keeps_its_words_as_title():
    assert _title("Until this week.", "en", ("this week", "1999-W02")) == "Until this week"


@pytest.mark.parametrize("sentence, span, value, date", [
    ("Der Minister wurde vor zwei Wochen entlassen.", "zwei Wochen", "P2W", "2017-W44"),
    ("Vor drei Jahren hatte die Regierung das Gesetz beschlossen.", "drei Jahren", "P3Y", "2014"),
    ("Die Firma zog vor zwei Monaten nach Berlin.", "zwei Monaten", "P2M", "2017-09"),
    ("Der Unfall geschah vor vier Tagen in Bonn.", "vier Tagen", "P4D", "2017-11-11"),
])
def test_a_german_duration_counted_back_from_a_news_date_dates_an_event(sentence, span, value, date):
    """KRAUTS/TimeML tag "vor zwei Wochen" as the duration "zwei Wochen"; the
    event still lies that long before the article date, at the unit's
    granularity, and the title loses "vor zwei Wochen" like any date."""
    text = "Bonn (dpa) - Die Lage blieb heute ruhig in der Stadt. " + sentence
    art = article(text, date="2017-11-15")
    events = extract_events(art, [timex(text, span, "DURATION", value)])
    (event,) = [e for e in events if e.sentence == sentence]
    assert event.date.value == date
    assert span not in event.title and not event.title.lower().startswith("vor ")
    assert " vor " not in f" {event.title} "


def test_a_counted_back_duration_needs_its_cue_and_a_precise_enough_news_date():
    """No invented week from a month-only article date, no anchor without
    "vor" ("für zwei Wochen" is how long, not when), none in a narrative."""
    text = "Der Minister wurde vor zwei Wochen entlassen. Sie blieb für zwei Wochen in Rom."
    tags = [timex(text, "zwei Wochen", "DURATION", "P2W"),
            timex(text, "zwei Wochen", "DURATION", "P2W", nth=1)]
    day = extract_events(article(text, date="2017-11-15"), tags)
    assert [(e.date.value, e.timex_text) for e in day] == [("2017-W44", "zwei Wochen")]
    month_only = extract_events(article(text, date="2017-11"), tags)
    assert [(e.date.value, e.timex_text) for e in month_only] == [("2017-11", "")]  # the lead
    assert not extract_events(article(text, date="2017-11-15", genre="narrative"), tags)


def test_a_number_written_out_makes_a_plural_unit_an_anchor():
    """"Two years ago" dates its sentence like "2 years ago"; "Years ago" stays vague."""
    text = "Two years ago, a similar storm flooded the city. Years ago, a storm hit the coast."
    tags = [timex(text, "Two years ago", "DATE", "2015"), timex(text, "Years ago", "DATE", "2016")]
    events = extract_events(article(text, lang="en", date="2017-11-15", genre="narrative"), tags)
    assert [(e.date.value, e.title) for e in events] == [("2015", "A similar storm flooded the city")]
