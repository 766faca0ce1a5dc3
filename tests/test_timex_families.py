"""One test per family of expressions, in both languages, plus traps."""
import pytest

from site_builder.timex import tag


def found(text, dct="2017-11-10", lang="de", genre="news"):
    """{surface text: (type, value)} of the tagger's output."""
    return {t.text: (t.type, t.value) for t in tag(text, dct, lang, genre)}


@pytest.mark.parametrize("lang,text,span,value", [
    ("de", "Der Krieg begann am 7. Juli 1937 in China.", "7. Juli 1937", "1937-07-07"),
    ("de", "Am 1.9.39 griff Deutschland an.", "1.9.39", "1939-09-01"),
    ("de", "Im Juli 2017 war es heiß.", "Juli 2017", "2017-07"),
    ("de", "Das geschah 1939 in Polen.", "1939", "1939"),
    ("en", "The treaty was signed on July 4th, 1776.", "July 4th, 1776", "1776-07-04"),
    ("en", "It was signed on 4 July 2017 in Paris.", "4 July 2017", "2017-07-04"),
    ("en", "The deadline was 07/04/2017 for all.", "07/04/2017", "2017-07-04"),
    ("en", "Sales rose in July 2017 again.", "July 2017", "2017-07"),
])
def test_full_and_partial_dates(lang, text, span, value):
    assert found(text, lang=lang)[span][1] == value


@pytest.mark.parametrize("lang,text,span,value", [
    ("de", "In den 90er Jahren wuchs die Stadt.", "den 90er Jahren", "199"),
    ("de", "Im 20. Jahrhundert gab es zwei Weltkriege.", "20. Jahrhundert", "19"),
    ("de", "Rom siegte 202 v. Chr. bei Zama.", "202 v. Chr.", "BC0202"),
    ("en", "Prices fell in the 1990s.", "the 1990s", "199"),
    ("en", "Marathon was fought in 490 BC by Athens.", "490 BC", "BC0490"),
])
def test_decades_centuries_eras(lang, text, span, value):
    assert found(text, lang=lang, genre="narrative")[span][1] == value


@pytest.mark.parametrize("lang,text,span,value", [
    ("de", "Der Zug fuhr um 4:45 Uhr ab.", "4:45 Uhr", "2017-11-10T04:45"),
    ("en", "The meeting ended at 8 p.m. sharp.", "8 p.m.", "2017-11-10T20:00"),
    ("de", "Die Angriffe kamen nachts.", "nachts", "2017-11-10TNI"),
])
def test_times(lang, text, span, value):
    typ, val = found(text, lang=lang)[span]
    assert (typ, val) == ("TIME", value)


@pytest.mark.parametrize("lang,text,span,value", [
    ("de", "Der Bau dauerte drei Jahre.", "drei Jahre", "P3Y"),
    ("de", "Er saß anderthalb Jahre in Haft.", "anderthalb Jahre", "P18M"),
    ("en", "The strike lasted two weeks.", "two weeks", "P2W"),
    ("en", "It took several years to finish.", "several years", "PXY"),
])
def test_durations(lang, text, span, value):
    assert found(text, lang=lang)[span] == ("DURATION", value)


@pytest.mark.parametrize("lang,text,span,value", [
    ("de", "Der Markt ist jeden Montag geöffnet.", "jeden Montag", "XXXX-WXX-1"),
    ("de", "Die Zeitung erscheint täglich.", "täglich", "P1D"),
    ("en", "The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
    ("en", "The report is published annually.", "annually", "P1Y"),
])
def test_sets(lang, text, span, value):
    assert found(text, lang=lang)[span] == ("SET", value)


@pytest.mark.parametrize("lang,text,span,value", [
    ("de", "Gestern wurde gewählt.", "Gestern", "2017-11-09"),
    ("de", "Er kam am Freitag an.", "Freitag", "2017-11-10"),
    ("de", "Er hatte letzte Woche gekündigt.", "letzte Woche", "2017-W44"),
    ("de", "Im März wird gewählt.", "März", "2018-03"),
    ("de", "Im Sommer hatte es geregnet.", "Sommer", "2017-SU"),
    ("de", "Weihnachten wird gefeiert.", "Weihnachten", "2017-12-25"),
    ("en", "He resigned yesterday.", "yesterday", "2017-11-09"),
    ("en", "Sales fell last year.", "last year", "2016"),
    ("en", "The vote will be held next month.", "next month", "2017-12"),
])
def test_relative_news(lang, text, span, value):
    assert found(text, lang=lang)[span][1] == value


@pytest.mark.parametrize("lang,text,span,value", [
    ("de", "Am 3. Mai 1945 fiel die Stadt. Zwei Tage später kapitulierte sie.",
     "Zwei Tage später", "1945-05-05"),
    ("de", "Im April 1917 erklärten die USA den Krieg. Im selben Jahr kam die Revolution.",
     "selben Jahr", "1917"),
    ("de", "1863 begann der Feldzug. Anfang Juli siegte die Union.", "Anfang Juli", "1863-07"),
    ("en", "The war began in 1861. In July the army moved.", "July", "1861-07"),
    ("en", "The city fell on 3 May 1945. Two days later it surrendered.",
     "Two days later", "1945-05-05"),
])
def test_anaphoric_narrative(lang, text, span, value):
    assert found(text, dct="2011-02-16", lang=lang, genre="narrative")[span][1] == value


@pytest.mark.parametrize("lang,text,span,value", [
    ("de", "Die Lage ist derzeit ruhig.", "derzeit", "PRESENT_REF"),
    ("de", "Früher war alles anders.", "Früher", "PAST_REF"),
    ("en", "The index is currently at a high.", "currently", "PRESENT_REF"),
    ("en", "He was formerly a general.", "formerly", "PAST_REF"),
    ("en", "Nobody knows what the future holds.", "the future", "FUTURE_REF"),
    ("en", "It lies in present-day Belize.", "present-day", "PRESENT_REF"),
])
def test_vague(lang, text, span, value):
    assert found(text, lang=lang)[span][1] == value


def test_mod_start_mid_end():
    ts = {t.text: t for t in tag("Anfang Juli 2017 und Mitte 1918 und Ende 1980.",
                                   None, "de", "narrative")}
    assert (ts["Anfang Juli 2017"].value, ts["Anfang Juli 2017"].mod) == ("2017-07", "START")
    assert ts["Mitte 1918"].mod == "MID"
    assert ts["Ende 1980"].mod == "END"


@pytest.mark.parametrize("lang,text", [
    ("de", "Die Resolution Nr. 2254 wurde angenommen."),
    ("de", "Die Resolution 2254 wurde angenommen."),
    ("de", "Beim G20-Gipfel in Hamburg."),
    ("de", "Es wurden 2.000 Soldaten entsandt."),
    ("de", "Dort leben 1500 Menschen."),
    ("de", "Das kostet 1999 Euro."),
    ("de", "Der Anteil stieg auf 2015 Prozent."),
    ("de", "Das Spiel endete 2:1."),
    ("en", "Resolution 2254 was adopted."),
    ("en", "They sent 2,000 soldiers."),
    ("en", "The car cost $1999 in total."),
    ("en", "Call 1-800-555-1234 now for details."),
    ("en", "ISBN 978-3-16-148410-0 is printed."),
    ("en", "The team won 24-17 against them."),
    ("en", "Support rose to 1990 percent."),
])
def test_non_dates(lang, text):
    values = [v for _, v in found(text, lang=lang).values()]
    assert not any(v[:4].isdigit() and v[:2] in ("19", "20", "17", "18") for v in values), values


def test_month_only_dct_never_invents_a_day():
    for text, lang in [("Am Freitag kam er. Gestern ging er. Heute bleibt er.", "de"),
                       ("He came on Friday. He left yesterday. Today he stays.", "en")]:
        for t in tag(text, "2017-11", lang, "news"):
            assert t.value.startswith("2017-11") or t.value.endswith("_REF"), t
            assert len(t.value) <= 7 or not t.value[:4].isdigit(), t


def test_no_dct_gives_underspecified_values():
    ts = tag("Am Freitag kam er, im Juli ging er.", None, "de", "news")
    assert [t.value for t in ts] == ["XXXX-WXX-5", "XXXX-07"]


def test_unknown_language_and_genre_are_rejected():
    with pytest.raises(ValueError):
        tag("x", None, "fr")
    with pytest.raises(ValueError):
        tag("x", None, "de", "poetry")


# ---------------------------------------------------------------- English

def en(text, dct="2017-11-10", genre="news"):
    """{surface text: (type, value)} of the English tagger's output."""
    return found(text, dct=dct, lang="en", genre=genre)


@pytest.mark.parametrize("text", [
    "He will return soon and eventually retire.",
    "The army had previously held the town; it was once a fort.",
    "Shortly afterwards the rebels began to fall back.",
    "Prices continued to fall in value.",
    "After the fall of the capital the army withdrew.",
    "The March on the capital began at dawn.",
    "The annual report and the quarterly dividend were published.",
    "The 6-year-old boy and a 30-year-old man were rescued.",
    "The Second Army and the second division attacked.",
])
def test_en_look_alikes_are_not_time_expressions(text):
    assert en(text) == {}
