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
    ("de", "Er saß anderthalb Jahre in Haft.", "anderthalb Jahre", "P1Y6M"),
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
    "He returned soon and eventually retired.",
    "The army had previously held the town; it was once a fort.",
    "Shortly afterwards the rebels began to fall back.",
    "Prices continued to fall in value.",
    "He believed communism would eventually fall; the sale could still fall through.",
    "After the fall of the capital the army withdrew.",
    "The March on the capital began at dawn.",
    "The annual report and the quarterly dividend were published.",
    "The 6-year-old boy and a 30-year-old man were rescued.",
    "The Second Army and the second division attacked.",
    "The quarter-to-quarter comparison improved.",
])
def test_en_look_alikes_are_not_time_expressions(text):
    assert en(text) == {}


@pytest.mark.parametrize("text,span,value", [
    ("On the night of April 18, 1775, troops marched.", "the night of April 18, 1775",
     "1775-04-18TNI"),
    ("They landed on the morning of 6 June 1944.", "the morning of 6 June 1944", "1944-06-06TMO"),
    ("In the spring of 1862 the army moved.", "the spring of 1862", "1862-SP"),
    ("Reforms were made early in 1914 and failed.", "early in 1914", "1914"),
    ("The war began in 1861. On July 25 of that year Congress met.", "July 25 of that year",
     "1861-07-25"),
    ("The war began in 1940. In August of that year the offensive began.",
     "August of that year", "1940-08"),
    ("The city fell on 3 May 1945. A few days later the army left.", "A few days later",
     "FUTURE_REF"),
    ("The battle began on 3 May 1945. That afternoon the fort fell.", "That afternoon",
     "1945-05-03TAF"),
    ("Lincoln was shot on April 14, 1865. He died early the next morning.",
     "early the next morning", "1865-04-15TMO"),
])
def test_en_narrative_extents_and_values(text, span, value):
    assert en(text, dct="2009-12-19", genre="narrative")[span][1] == value


@pytest.mark.parametrize("text,span,value", [
    ("Officials met over the weekend in Miami.", "the weekend", "2017-W44-WE"),
    # the weekend next to the document date, whatever date was named before
    ("The treaty was signed in 1994. Over the weekend, officials met.", "the weekend",
     "2017-W44-WE"),
    ("The boy was rescued after a 14-day search.", "14-day", "P14D"),
    ("It is the Seven Years War all over again.", "Seven Years", "P7Y"),
    ("He signed a month-long contract.", "month-long", "P1M"),
    ("He was killed two days after the vote was held.", "two days", "P2D"),
    ("The vote was held a week before.", "a week before", "2017-W44"),
    ("Elections were held several years ago.", "several years ago", "PAST_REF"),
    ("The company earned more in fiscal 1989 than ever.", "fiscal 1989", "1989"),
])
def test_en_news_extents(text, span, value):
    assert en(text)[span][1] == value


@pytest.mark.parametrize("text,span,value", [
    # company reports: the quarter under discussion anchors "the quarter" and "a year ago"
    ("Profit rose in the third quarter. Sales in the quarter rose 5%.", "the quarter", "2017-Q3"),
    ("Profit rose in the third quarter. It earned $5 million a year ago.", "a year ago",
     "2016-Q3"),
    ("Profit rose in the third quarter, up from the year-ago quarter.", "the year-ago quarter",
     "2016-Q3"),
    ("Profit rose in the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
    ("For the year, profit rose.", "the year", "2017"),
    # year-less dates: tense decides, else the nearest occurrence
    ("The dividend is payable Jan. 2 to holders.", "Jan. 2", "2018-01-02"),
    ("The offer expires Dec. 7.", "Dec. 7", "2017-12-07"),
    ("The deal was signed on Aug. 21.", "Aug. 21", "2017-08-21"),
    ("The team planned to leave on Thursday.", "Thursday", "2017-11-16"),
    ("He said Thursday that he would resign.", "Thursday", "2017-11-09"),
    # news: a date named in mid-sentence is what "that year" refers to, even if earlier
    ("In 2015 she left. She fled to Florida in June 1998 and returned later that year.",
     "later that year", "1998"),
    # a capitalised name ending in -ed ("United") is no past tense
    ("The father will be traveling to the United States Thursday.", "Thursday", "2017-11-16"),
    # "since" looks back: the date lies before the document date
    ("Police have been hunting him since the Feb. 23 shooting.", "Feb. 23", "2017-02-23"),
    # "unspecified", "untouched" are adjectives, no past tense
    ("It would be paid on a still unspecified date in January.", "January", "2018-01"),
    ("The boy must be returned by Jan. 14.", "Jan. 14", "2018-01-14"),
])
def test_en_news_reference(text, span, value):
    assert en(text)[span][1] == value


@pytest.mark.parametrize("text,span,value", [
    # the end of a range or pair gives its start the year
    ("The battle lasted (18 August - 15 September 1951) at the ridge.", "18 August", "1951-08-18"),
    ("Fighting at the lakes in August and September 1914 was fierce.", "August", "1914-08"),
    # a plan is not story time: "1976" does not move the reference
    ("The city fell on 10 March 1975. A campaign was planned for 1976. On 11 March the army "
     "collapsed.", "11 March", "1975-03-11"),
])
def test_en_narrative_reference(text, span, value):
    assert en(text, dct="2009-12-19", genre="narrative")[span][1] == value


def test_en_status_adjectives_are_tagged_in_narrative_only():
    text = "The former king fled; his future was unclear."
    assert en(text) == {}
    assert en(text, genre="narrative") == {"former": ("DATE", "PAST_REF"),
                                            "future": ("DATE", "FUTURE_REF")}


def test_en_first_name_is_not_a_month():
    assert en("Foreign Minister Jan Kavan spoke in Jan. 1999.") == {"Jan. 1999": ("DATE", "1999-01")}


def test_en_deadline_after_the_document_date_stays_in_its_year():
    assert en("The company extended the offer to Nov. 20.")["Nov. 20"][1] == "2017-11-20"
    assert en("The company announced the plan Aug. 21.")["Aug. 21"][1] == "2017-08-21"


@pytest.mark.parametrize("text,span,value", [
    ("The bomb went off in nineteen ninety-six in Atlanta.", "nineteen ninety-six", "1996"),
    ("Unemployment is to halve by the year two thousand.", "the year two thousand", "2000"),
    ("The rebels had fought for weeks.", "weeks", "PXW"),
    ("Investigators said Kopp's car was seen in the weeks before.", "weeks", "PXW"),
    ("Prices fell in the 1960s.", "1960s", "196"),
    ("Profit fell earlier this month.", "earlier this month", "2017-11"),
    ("Earnings for the full year rose.", "the full year", "2017"),
])
def test_en_news_forms(text, span, value):
    assert en(text)[span][1] == value


def test_en_narrative_keeps_the_article_and_the_last_week_of_a_month_is_a_week():
    found_ = en("In the 1960s the war grew. During the last week of August 1918 the line broke.",
                dct="2009-12-19", genre="narrative")
    assert found_["the 1960s"][1] == "196"
    assert found_["the last week of August 1918"] == ("DURATION", "P1W")


@pytest.mark.parametrize("text,span,value", [
    ("Pol Pot was arrested in June last year.", "June last year", "2016-06"),
    ("He stayed for 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
    ("Officials decided to admit them in early December.", "early December", "2017-12"),
])
def test_en_news_months_and_fractions(text, span, value):
    assert en(text)[span][1] == value


@pytest.mark.parametrize("text,values", [
    ("The battle raged on 6-7 January 1916.", {"6": "1916-01-06", "7 January 1916": "1916-01-07"}),
    ("They fought on April 6-7, 1915 and from April 13-15.",
     {"April 6": "1915-04-06", "7, 1915": "1915-04-07", "April 13": "1915-04-13", "15": "1915-04-15"}),
    ("The siege of Kut (1915-16) failed.", {"1915": "1915", "16": "1916"}),
    ("The Ionian Revolt (499-493 BC) failed.", {"499": "BC0499", "493 BC": "BC0493"}),
    ("The war lasted from 149 B.C to 146 B.C.", {"149 B.C": "BC0149", "146 B.C.": "BC0146"}),
    ("In 1918 Italy called up the '99 Boys.", {"1918": "1918", "'99": "1899"}),
])
def test_en_ranges(text, values):
    got = en(text, dct="2009-12-19", genre="narrative")
    assert {k: v for k, (_, v) in got.items()} == values


def test_en_a_bare_number_is_no_range_end_without_a_date_before_it():
    assert en("He sold 5 and 6 cars in 2010.", genre="narrative").keys() == {"2010"}


# ---------------------------------------------------------------- German

def de(text, dct="2017-11-10", genre="news"):
    """{surface text: (type, value)} of the German tagger's output."""
    return found(text, dct=dct, lang="de", genre=genre)


@pytest.mark.parametrize("text,span,value", [
    # lists and ranges: the first part takes month and year from the end
    ("Die Schlacht dauerte vom 26. bis 31. August 1914 an.", "26.", "1914-08-26"),
    ("Sitzungen am 3., 4. und 5. Oktober 1912 folgten.", "4.", "1912-10-04"),
    ("Der Westfeldzug Mai/Juni 1940 begann.", "Mai", "1940-05"),
    ("Kämpfe zwischen August und Dezember 1914 folgten.", "August", "1914-08"),
    ("Nach den Balkankriegen (1912/13) kam es zum Krieg.", "13", "1913"),
    ("Der Krieg (264–241 v. Chr.) war lang.", "264", "BC0264"),
    # seasons, also compounded and with an adjective
    ("Im Spätsommer 1940 griffen sie an.", "Spätsommer 1940", "1940-SU"),
    ("Bereits im späten Frühjahr 1861 begann die Blockade.", "späten Frühjahr 1861", "1861-SP"),
    ("Im Frühjahr 1943 brach die Front ein.", "Frühjahr 1943", "1943-SP"),
    # a day with its clock time, parts of a day
    ("Ab 11. November 1918 11 Uhr schwiegen die Waffen.", "11. November 1918 11 Uhr",
     "1918-11-11T11:00"),
    ("In der Nacht vom 16. auf den 17. April 1945 fiel die Stadt.", "Nacht vom 16.",
     "1945-04-16TNI"),
    ("Am 1. September 1939 um 4 Uhr 45 begann der Angriff.", "4 Uhr 45", "1939-09-01T04:45"),
    ("Am 1. August 1914 fiel die Entscheidung. Am Abend desselben Tages marschierten sie.",
     "Abend desselben Tages", "1914-08-01TEV"),
    ("Am 16. Juni 1775 zogen sie los. Am Morgen darauf stürmten sie.", "Morgen darauf",
     "1775-06-17TMO"),
])
def test_de_dates_ranges_times(text, span, value):
    assert de(text, dct="2011-02-16", genre="narrative")[span][1] == value


@pytest.mark.parametrize("text,span,value", [
    # a year in an aside or a flashback in mid-sentence does not move the story's year
    ("Am 28. Juli 1914 begann der Krieg, nach der Annexion (1908) und den Balkankriegen "
     "(1912). Am 30. Juli folgte Russland.", "30. Juli", "1914-07-30"),
    ("Am 28. Juli 1914 begann der Krieg. Bereits beim Kriegsrat vom 8. Dezember 1912 war er "
     "geplant worden. Am 1. August erklärte Deutschland den Krieg.", "1. August", "1914-08-01"),
    ("Im Juli 1914 begann der Krieg; insgesamt kämpften bis 1918 Millionen. Am 4. August "
     "marschierten sie ein.", "4. August", "1914-08-04"),
    # moving on moves the reference; looking back does not
    ("Im Mai 1941 fiel Kreta. Rommel griff erst im nächsten Jahr wieder an. Am 26. Mai "
     "begann der Angriff.", "26. Mai", "1942-05-26"),
    ("Im Mai 1863 siegte Lee. Die Indianer hatten am Ende des vorangegangenen Jahres "
     "gekämpft. Im Juni zog er nach Norden.", "Juni", "1863-06"),
    ("Im Dezember 2002 sammelten sich die Truppen, im März des folgenden Jahres waren es mehr.",
     "März des folgenden Jahres", "2003-03"),
    ("Im Juli 1776 landeten die Briten, im August desselben Jahres siegten sie.",
     "August desselben Jahres", "1776-08"),
    # a year that a later heading is about is only a glimpse ahead in mid-sentence
    ("1862\n\nIm Juli 1862 rückte die Armee vor. Die Wehrpflicht galt, beginnend mit dem "
     "15. Juli 1863, für alle. Im Dezember siegte der Süden.\n\n1863\n\nIm Mai siegte Lee.",
     "Dezember", "1862-12"),
    # a range's end gives its start the year
    ("Die Schlacht dauerte vom 20. Februar bis zum 10. März 1905.", "20. Februar", "1905-02-20"),
    # a bare year looking back from a dated story ("Ab 1778 ...") leaves the story's year
    ("Yorktown fiel am 19. Oktober 1781. Ab 1778 hatte sich der Krieg in den Süden verlagert. "
     "Bis Ende Mai sammelten die Briten ihre Truppen.", "Ende Mai", "1781-05"),
    # "nach zwei Tagen" in a narrative: the day two days after the last date
    ("Der Angriff begann am 26. August 1942 und wurde nach zwei Tagen angehalten.",
     "nach zwei Tagen", "1942-08-28"),
    # dates without a year carry the story on: "zwei Tage später" counts from them
    ("Im April 1941 griff die Wehrmacht an. Am 10. April fiel Zagreb. Belgrad fiel zwei Tage "
     "später.", "zwei Tage später", "1941-04-12"),
])
def test_de_narrative_reference(text, span, value):
    assert de(text, dct="2011-02-16", genre="narrative")[span][1] == value


def test_de_narrative_spans_leave_the_article_out_news_keeps_it():
    text = "Erst in der zweiten Jahreshälfte 1863 kam die Wende."
    assert "zweiten Jahreshälfte 1863" in de(text, genre="narrative")
    assert "der zweiten Jahreshälfte 1863" in de(text, genre="news")
    assert "den 90er Jahren" in de("In den 90er Jahren wuchs sie.", genre="narrative")
    assert de("In den zwanziger Jahren wuchs sie.", genre="narrative")["den zwanziger Jahren"] == (
        "DATE", "192")
    assert de("In den Sechzigerjahren und den 60ern.")["den 60ern"] == ("DATE", "196")


@pytest.mark.parametrize("text,span,value", [
    # tense of the clause decides; without one the nearest occurrence wins
    ("Die Ortsgruppe lädt am 14. Jänner zur Versammlung.", "14. Jänner", "2018-01-14"),
    ("Die Zeitschrift, die ab 15. Mai erhältlich ist, kostet wenig.", "15. Mai", "2018-05-15"),
    ("Der Gemeinderat hat getagt, das Fest findet am 20. Dezember statt.", "20. Dezember",
     "2017-12-20"),
    # a clock time belongs to the day named just before it
    ("Termin: 20. Dezember auf Schloss Runkelstein um 20.30 Uhr.", "20.30 Uhr",
     "2017-12-20T20:30"),
    ("Geöffnet ist am 20. Dezember von 10 bis 15 Uhr.", "10", "2017-12-20T10:00"),
    ("Um 9 Uhr startet die Qualifikation, um 12.15 folgt das Finale.", "12.15",
     "2017-12-17T12:15"),
    # weekends and days counted from the day last reported
    ("Die beiden waren am Wochenende unterwegs.", "Wochenende", "2017-W50-WE"),
    ("Am 10. Dezember siegte sie. Sie wiederholte den Sieg vom Vortag.", "Vortag", "2017-12-09"),
    ("Am 10. Dezember siegte sie, wie schon am Tag zuvor.", "Tag zuvor", "2017-12-09"),
    # looking ahead in news is the future; looking back a stretch of time
    ("In den nächsten Jahren wollen wir wachsen.", "den nächsten Jahren", "FUTURE_REF"),
    ("In den vergangenen Tagen regnete es.", "den vergangenen Tagen", "PXD"),
    ("In den ersten beiden Jahren stieg der Umsatz.", "den ersten beiden Jahren", "P2Y"),
    ("Der Angriff wurde nach zwei Tagen angehalten.", "zwei Tagen", "P2D"),
    ("Anfang nächsten Jahres soll es losgehen.", "Anfang nächsten Jahres", "2018"),
    ("In der Nacht zum Sonntag brannte es.", "Nacht zum Sonntag", "2017-12-16TNI"),
    ("In der Nacht zu Montag brannte es.", "Nacht zu Montag", "2017-12-10TNI"),
    ("Am Morgen kam er, am frühen Abend ging er.", "Morgen", "2017-12-17TMO"),
    ("Er kommt morgen.", "morgen", "2017-12-18"),
    ("Am 14.11. traf er sie, bis zum 31.12. bleibt er.", "31.12.", "2017-12-31"),
    ("Seit dem 1. Januar gilt das Gesetz.", "1. Januar", "2017-01-01"),
    ("Das Wetter war im Spätsommer schön.", "Spätsommer", "2017-SU"),
    ("Anfang Juli, Mitte Juli und Ende Juli kam er.", "Mitte Juli", "2017-07"),
    ("Er lebt heute in der heutigen Hauptstadt.", "heutigen", "PRESENT_REF"),
])
def test_de_news_reference(text, span, value):
    assert de(text, dct="2017-12-17")[span][1] == value


@pytest.mark.parametrize("text,span,value", [
    ("Die Rubrik erscheint einmal im Monat.", "einmal im Monat", "P1M"),
    ("Er verdient weitere 400 Euro im Monat dazu.", "im Monat", "P1M"),
    ("Die Beratung ist an jedem dritten Mittwoch im Monat geöffnet.",
     "jedem dritten Mittwoch", "XXXX-WXX-3"),
    ("Sie treffen sich jeden Montagabend.", "jeden Montagabend", "XXXX-WXX-1TEV"),
])
def test_de_sets(text, span, value):
    assert de(text)[span] == ("SET", value)


@pytest.mark.parametrize("text", [
    "Der 25-Jährige und die 16 Jahre alte Schülerin kamen; Jungbürger ab 16 Jahren wählen.",
    "Die Flotte brachte 1370 Landungsboote und über 1400 Geschütze.",
    "Die Krankenakte wird erst angelegt, so bald ein Bürger kommt.",
    "Mit einem Teilergebnis von 0:13 lag das Team zurück; das Spiel endete 24:17.",
    "Der Bogen erreicht einen Hitzegrad von 2000 bis 3000 Grad.",
    "Die Lage ist nun ruhig, inzwischen auch im ehemaligen Lager, mittlerweile wieder offen.",
    "Er lebt später in Rom; der künftige Vorstand tagt.",
    "Zar Nikolaus II. dankte ab, der Winter-Biathlon und der MIP-Montag begannen.",
    "Tel. 0471 201990, ISBN 978-3-16-148410-0, Postleitzahl 39100.",
])
def test_de_look_alikes_are_not_time_expressions(text):
    assert de(text) == {}


def test_de_month_only_dct_gives_no_invented_day():
    for t in tag("Am selben Tag, am Wochenende und am Freitag kam er.", "2017-11", "de", "news"):
        assert t.value == "2017-11", t


def test_en_event_anchored_offsets_follow_the_genre_convention():
    text = "Girona fell on 5 February 1939. Five days after the fall of Girona, the rest surrendered."
    assert en(text, dct="2009-12-19", genre="narrative")[
        "Five days after the fall of Girona"] == ("DATE", "1939-02-10")
    assert en(text)["Five days"] == ("DURATION", "P5D")
    # in apposition the expression is the date it stands beside
    news = en("He was last seen Nov. 3, the day before police issued a warrant.")
    assert news["the day"] == ("DATE", "2017-11-03")
    story = en("On 27 June 1950, two days after the KPA invaded, Truman acted. Girona fell on "
               "5 February 1939. Five days after the fall of Girona, the army left.",
               dct="2009-12-19", genre="narrative")
    assert story["two days after the KPA invaded"] == ("DATE", "1950-06-27")
    assert story["Five days after the fall of Girona"] == ("DATE", "1939-02-10")
    # news leaves "later" out as a signal; narrative tags the date it points to
    text = "The gap closed on 3 May 1945. Three days later, the Nasdaq was down 6%."
    assert en(text)["Three days"] == ("DURATION", "P3D")
    assert en(text, genre="narrative")["Three days later"] == ("DATE", "1945-05-06")
    assert en("A few days later, the company announced losses.")["A few days"] == ("DURATION", "PXD")


def test_en_bc_months_seasons_and_decades():
    got = en("In April 480 BC the army crossed. In the spring of 480 BC they met. "
             "In the following decade the league grew.", dct="2009-12-19", genre="narrative")
    assert got["April 480 BC"][1] == "BC0480-04"
    assert got["the spring of 480 BC"][1] == "BC0480-SP"
    assert got["the following decade"][1] == "BC047"


def test_en_narrative_a_bare_year_far_ahead_does_not_move_the_story():
    text = ("The attack came on 2 August 1964. Documents declassified in 2005 revealed there "
            "was no attack on 4 August.")
    assert en(text, dct="2009-12-19", genre="narrative")["4 August"][1] == "1964-08-04"


@pytest.mark.parametrize("text,span,value", [
    ("Profit rose in the third quarter. In the 1988 quarter it fell.", "the 1988 quarter", "1988-Q3"),
    ("The spin-off could be effective in next year's first quarter.",
     "next year's first quarter", "2018-Q1"),
    ("In the latest quarter, the insurer lost $7 million.", "the latest quarter", "2017-Q3"),
    ("The latest period had profit of $4 million.", "The latest period", "2017-Q3"),
    ("The transaction should be completed by year-end.", "year-end", "2017"),
    # the twelve months up to a day, like "the six months ended Oct. 1"
    ("Revenue was $76 million for the year ended March 31.", "the year", "P1Y"),
    ("In the fiscal year ended Jan. 31, the company earned more.", "the fiscal year", "P1Y"),
    ("The year ended with a loss.", "The year", "2017"),
    ("The rules should be in place by year's end.", "year's end", "2017"),
    ("Sales surged 54% in the latest period to $42.9 million.", "the latest period", "2017-Q3"),
    ("Sales for this year's third quarter rose.", "this year's third quarter", "2017-Q3"),
])
def test_en_report_periods(text, span, value):
    assert en(text)[span][1] == value


def test_en_day_of_the_month_last_named():
    got = en("They attacked on 20 September 1917. The onslaught on the 20th was successful. "
             "He served on the 5th Army staff.", dct="2009-12-19", genre="narrative")
    assert got == {"20 September 1917": ("DATE", "1917-09-20"), "the 20th": ("DATE", "1917-09-20")}


def test_en_sets_follow_the_genre_convention():
    text = "Bombs went off every day; reports were published daily."
    assert en(text)["every day"] == ("SET", "P1D")
    assert en(text, genre="narrative")["daily"] == ("SET", "XXXX-XX-XX")


def test_en_the_first_day_is_the_day_last_named():
    got = en("The offensive began on 1 July 1916, the first day of the battle. During the first "
             "year of the war", dct="2009-12-19", genre="narrative")
    assert got["the first day"] == ("DATE", "1916-07-01")
    assert got["the first year"] == ("DURATION", "P1Y")


def test_en_news_leaves_about_out_and_counts_more_units():
    got = en("The flight lasted about five hours; he stays two more weeks. The war ended "
             "almost four years ago.")
    assert got["five hours"] == ("DURATION", "PT5H")
    assert got["almost four years ago"] == ("DATE", "2013")  # a point counted back keeps it
    assert got["two more weeks"] == ("DURATION", "P2W")
    assert en("It lasted about five hours.", genre="narrative")["about five hours"][1] == "PT5H"


def test_en_sentence_initial_the_fractions_and_greetings():
    got = en("Iraq imports about three-quarters of its food. Good evening from Havana. "
             "The third quarter of 1990 was weak. The summer of 1916 was hot.")
    assert got == {"The third quarter of 1990": ("DATE", "1990-Q3"),
                   "The summer of 1916": ("DATE", "1916-SU")}


def test_en_clock_time_with_zone_and_day_is_one_expression():
    got = en("Dow Jones extended the offer until 5 p.m. EST, Nov. 20. The INS extended its "
             "deadline until 9 a.m. EST Tuesday.")
    assert got["5 p.m. EST, Nov. 20"] == ("TIME", "2017-11-20T17:00")
    assert got["9 a.m. EST Tuesday"] == ("TIME", "2017-11-14T09:00")
    # after "on" the date is an expression of its own
    got = en("At 5:00 am on October 3, 1935, the army crossed.", genre="narrative")
    assert got.keys() == {"5:00 am", "October 3, 1935"}


def test_en_news_a_time_adjective_before_a_noun_leaves_the_determiner_out():
    got = en("Profit rose in the third quarter. The third-quarter loss of that unit widened; "
             "the year-ago results were restated, unlike the year-ago quarter.")
    assert got["third-quarter"] == ("DATE", "2017-Q3")
    assert got["year-ago"] == ("DATE", "2016-Q3")
    assert "the year-ago quarter" in got


def test_en_news_a_quarter_still_to_come_is_not_the_quarter_reported_on():
    got = en("Profit rose 5% in the third quarter. The earthquake will result in a fourth-quarter "
             "charge. In the latest quarter the insurer earned $9 million, up from $5 million a year ago.")
    assert got["fourth-quarter"] == ("DATE", "2017-Q4")
    assert got["the latest quarter"] == ("DATE", "2017-Q3")
    assert got["a year ago"] == ("DATE", "2016-Q3")


def test_en_an_age_is_tagged_in_narrative_only():
    text = "Mr. Reupke, 52 years old, resigned; the recruits were 18 years old."
    assert en(text) == {}
    assert en(text, genre="narrative")["18 years old"] == ("DURATION", "P18Y")


@pytest.mark.parametrize("text,span,value", [
    ("The father will leave at 4 in the morning.", "4 in the morning", "2017-11-10T04:00"),
    ("The case may be heard the week of March 6.", "the week of March 6", "2018-W10"),
    ("Orangemen march each July through the town.", "each July", "XXXX-07"),
    ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "1997-01"),
    ("Prices last hit that level in the winter of nineteen ninety-four.",
     "the winter of nineteen ninety-four", "1994-WI"),
    ("Mailing will begin at the end of this week.", "the end of this week", "2017-W45"),
    ("Troops should arrive by the end of the month.", "the end of the month", "2017-11"),
    ("The plant will be closed over the next year or so.", "the next year or so", "2018"),
    ("Its share may grow over the next two years or so.", "the next two years or so", "P2Y"),
])
def test_en_whole_expressions(text, span, value):
    """TimeML tags the whole expression: clock times with their part of day, a week named
    by a day, sets of a month, years read out, a position in a unit, "or so"."""
    assert en(text)[span][1] == value


def test_news_durations_use_iso_units_narratives_keep_timex2_units():
    got = en("Refugees lived in camps for 2 1/2 years, the lowest rate for almost two decades, "
             "a decades-long battle.")
    assert got["2 1/2 years"] == ("DURATION", "P2Y6M")
    assert got["two decades"] == ("DURATION", "P20Y")
    assert got["decades-long"] == ("DURATION", "PXDE")  # no number: the unit says more
    assert de("Seit etwa einem Jahrzehnt wird das thematisiert.")["etwa einem Jahrzehnt"] == (
        "DURATION", "P10Y")
    assert en("The war lasted two decades.", genre="narrative")["two decades"] == ("DURATION", "P2DE")


@pytest.mark.parametrize("text,span,value", [
    ("Sales were above fiscal 1989 sales of $155 million.", "fiscal 1989", "1989"),
    ("It plans an offering in the near future.", "the near future", "FUTURE_REF"),
    ("We don't minimize the challenges of the near term.", "the near term", "FUTURE_REF"),
    ("Profit rose in the third quarter. Year-earlier results included a gain.", "Year-earlier",
     "2016-Q3"),
    ("Hate group numbers dropped through the nineties.", "the nineties", "199"),
    ("For weeks the government has held rallies.", "weeks", "PXW"),
    ("It earned $5 million for the fiscal-first quarter ended Sept. 30.",
     "the fiscal-first quarter", "2017-Q1"),
    ("Islam will one day be the second largest religion.", "one day", "FUTURE_REF"),
])
def test_en_news_more_forms(text, span, value):
    assert en(text)[span][1] == value


def test_en_a_decade_word_after_a_possessive_is_an_age():
    assert en("The suspect, in his forties, fled.") == {}


def test_en_news_this_morning_and_last_night_count_from_the_document_date():
    got = en("Profit fell yesterday, Nov. 8. Results will be disclosed this morning. "
             "CBS first reported last night that the tomb was opened.")
    assert got["this morning"] == ("TIME", "2017-11-10TMO")
    assert got["last night"] == ("TIME", "2017-11-09TNI")


def test_en_news_a_part_of_day_or_sequence_word_joins_yesterday():
    got = en("In London at mid-afternoon yesterday, shares rose. Earlier yesterday, the exchange "
             "was told of the bid.")
    assert got["mid-afternoon yesterday"] == ("TIME", "2017-11-09TAF")
    assert got["Earlier yesterday"] == ("DATE", "2017-11-09")


def test_en_news_after_a_stretch_of_months_comparisons_are_with_that_stretch():
    got = en("Profit rose 5% in the third quarter. In the first nine months, net was $306 million, "
             "compared with a loss in the 1988 period and with $200 million a year earlier.")
    assert got["the 1988 period"] == ("DATE", "1988")
    assert got["a year earlier"] == ("DATE", "2016")


def test_en_news_around_and_hyphenated_positions_are_part_of_the_expression():
    got = en("The store was robbed around 7:15 p.m. The sale should be completed around Nov. 20. "
             "He made the late-November trip.")
    assert got["around Nov. 20"] == ("DATE", "2017-11-20")
    assert got["around 7:15 p.m."] == ("TIME", "2017-11-10T19:15")
    assert got["late-November"] == ("DATE", "2017-11")
    spans = tag("The sale should be completed around Nov. 20.", "2017-11-10", "en")
    assert spans[0].mod == "APPROX"


@pytest.mark.parametrize("text,span,value", [
    # an irregular past form is a past cue, nearer than the "will" of a relative clause
    ("In March, the board brought in a new chief, who will stay on as chairman.", "March",
     "2017-03"),
    # "next to" is a place, no future cue: no tense, so the last Tuesday
    ("The blast hit a hotel next to the station on Tuesday.", "Tuesday", "2017-11-07"),
    # a full stop before a lower-case word or after a title or "vs." ends no sentence:
    # the future cue before it still counts
    ("The envoy will visit the U.S. consulate on Monday.", "Monday", "2017-11-13"),
    ("The court will rule in the Smith vs. Jones case on Monday.", "Monday", "2017-11-13"),
])
def test_en_news_tense_cues_of_the_whole_sentence(text, span, value):
    assert en(text)[span][1] == value


def test_en_news_the_year_of_a_report_is_the_document_year():
    # a plan for another year does not make "the full year" that year
    got = en("The firm aims to double its sales by 2020. It forecast a gain for the full year.")
    assert got["the full year"] == ("DATE", "2017")


def test_en_news_this_past_season_is_the_latest_one_over():
    got = en("The plant closed this past spring; the strike began last spring.")
    assert got["this past spring"] == ("DATE", "2017-SP")
    assert got["last spring"] == ("DATE", "2016-SP")


def test_en_news_a_quarter_not_begun_is_last_years_unless_looked_forward_to():
    assert en("The bank reported a loss for the fourth quarter.", dct="2018-01-20")[
        "the fourth quarter"] == ("DATE", "2017-Q4")
    assert en("The bank expects a loss in the fourth quarter.", dct="2018-01-20")[
        "the fourth quarter"] == ("DATE", "2018-Q4")


def test_en_news_the_current_fiscal_year_and_a_holiday_week():
    assert en("Sales in the current fiscal year will rise.")["the current fiscal year"] == (
        "DATE", "2017")
    # Easter 2017 is Sunday, April 16: the calendar week April 10-16
    assert en("Pilgrims arrived as Easter week began.", dct="2017-04-12")["Easter week"] == (
        "DATE", "2017-W15")


def test_en_news_the_following_month_counts_from_the_month_last_named():
    got = en("In March, the firm hired a new chief. The following month, it was put up for "
             "sale.")
    assert got["The following month"] == ("DATE", "2017-04")


def test_en_news_the_latest_fiscal_year_is_the_last_one_completed():
    assert en("Exports made up a third of sales in the latest fiscal year.")[
        "the latest fiscal year"] == ("DATE", "2016")


@pytest.mark.parametrize("text,span,value", [
    # a plan in the pluperfect: its date is not looked forward to (document date: Monday)
    ("The offer was extended to Nov. 30. It had been due to expire Friday evening.",
     "Friday evening", "2017-11-10TEV"),
    ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday",
     "2017-11-10T24:00"),
    # nor is "had" a past cue there: no tense, so the nearest February
    ("The sale, which had been expected, is part of a plan to repay a loan by February.",
     "February", "2018-02"),
])
def test_en_news_a_plan_in_the_pluperfect_gives_no_tense(text, span, value):
    assert en(text, dct="2017-11-13")[span][1] == value


def test_en_news_last_year_as_the_term_of_a_comparison_is_the_quarter_reported_on():
    got = en("Third-quarter profit rose to $5 million from $3 million last year. Last year's "
             "results included a charge. Sales were lower in the corresponding period last year.")
    assert got["last year"] == ("DATE", "2016-Q3")
    assert got["Last year"] == ("DATE", "2016-Q3")
    assert got["the corresponding period last year"] == ("DATE", "2016-Q3")
    # after a stretch of twelve months the comparison is with the year before
    got = en("Third-quarter profit rose. For the year ended Sept. 30, net was $9 million, "
             "down from $12 million last year.")
    assert got["last year"] == ("DATE", "2016")
    # not a comparison: the year before the document date
    assert en("Third-quarter profit rose. Last year the firm moved to Ohio.")["Last year"] == (
        "DATE", "2016")


def test_en_an_age_in_decades_after_a_possessive_is_no_decade():
    got = en("She moved to Ohio in her early 30s, after the 1990s.")
    assert not any("30s" in span for span in got)
    assert got["1990s"] == ("DATE", "199")


def test_en_a_weekday_with_a_plural_part_of_day_is_a_set():
    got = en("New flights leave on Tuesday nights and a service runs Sunday mornings.")
    assert got["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI")
    assert got["Sunday mornings"] == ("SET", "XXXX-WXX-7TMO")


def test_en_news_a_quarter_set_against_the_main_clause_is_not_the_one_reported_on():
    got = en("Profit rose 9% in the third quarter. After a weak second quarter, the firm cut "
             "costs; its margins were wider than a year ago.")
    assert got["second quarter"] == ("DATE", "2017-Q2")
    assert got["a year ago"] == ("DATE", "2016-Q3")


@pytest.mark.parametrize("text,span,value", [
    ("The bridge took two and a half years to build.", "two and a half years", "P2Y6M"),
    ("The talks lasted an hour and a half.", "an hour and a half", "PT1H30M"),
    ("A minute and a half later the line went dead.", "A minute and a half", "PT1M30S"),
    ("The mine closed a year and a half ago.", "a year and a half ago", "2016-05"),
])
def test_en_news_and_a_half_adds_half_a_unit(text, span, value):
    assert en(text)[span][1] == value


def test_en_midday_then_current_and_a_half_of_a_decade():
    got = en("Talks resume at midday. Holders may buy at the then current price. Sales were flat "
             "in the first half of the 1990s.")
    assert got["midday"] == ("TIME", "2017-11-10T12:00")
    assert got["then current"] == ("DATE", "PAST_REF")
    assert got["the first half of the 1990s"] == ("DATE", "199")


@pytest.mark.parametrize("text,span,value", [
    # the reporting verb after a quotation does not give the quoted words their tense
    ('"We will meet them Friday," she said.', "Friday", "2017-11-10"),
    # a parenthesis takes the tense of the clause around it
    ("''He will leave at dawn (6 a.m. Thursday),'' the minister said.", "6 a.m. Thursday",
     "2017-11-09T06:00"),
])
def test_en_news_quotations_and_parentheses_in_the_tense_of_a_clause(text, span, value):
    assert en(text, dct="2017-11-08")[span][1] == value


def test_en_news_a_weekday_in_the_possessive_names_a_day_gone_by():
    got = en("Lawyers will appeal Wednesday's ruling on Monday.")
    assert got["Wednesday"] == ("DATE", "2017-11-08")
    assert got["Monday"] == ("DATE", "2017-11-13")


@pytest.mark.parametrize("text,span,value", [
    ("The referendum is set for this coming Sunday, March eighth.", "March eighth", "2018-03-08"),
    ("The pact was signed on the twenty-first of May, 1998.", "the twenty-first of May, 1998",
     "1998-05-21"),
    ("Voters go to the polls this coming Sunday.", "this coming Sunday", "2017-11-12"),
])
def test_en_a_day_of_the_month_spelled_out(text, span, value):
    """Broadcast transcripts spell days out ("March eighth"); "this coming" looks ahead."""
    assert en(text)[span][1] == value


def test_en_a_month_after_a_preposition_of_time_is_no_march():
    got = en("The chairman stepped down in March for personal reasons.")
    assert got["March"] == ("DATE", "2017-03")
    assert "March" not in en("Thousands joined the March for Life in the capital.")


def test_en_a_year_read_out_before_a_unit_counts_years():
    got = en("Monks have kept the recipe for more than two thousand years.")
    assert "two thousand" not in got
    assert en("The party of the year two thousand was loud.")["the year two thousand"][1] == "2000"


def test_en_news_the_period_a_year_ago_is_one_expression():
    got = en("The bank lost $3 million in the third quarter. For the quarter a year ago, "
             "it earned $5 million.")
    assert got["the quarter a year ago"] == ("DATE", "2016-Q3")


def test_en_a_weekday_paired_with_a_plural_part_of_day_repeats_too():
    got = en("New flights will leave on Monday and Wednesday nights.")
    assert got["Monday"] == ("SET", "XXXX-WXX-1TNI")
    assert got["Wednesday nights"] == ("SET", "XXXX-WXX-3TNI")


@pytest.mark.parametrize("text", [
    'The senator said on CBS\'s "This Morning," a talk show, that he would run.',
    'The poster showed a scene from the film ``High Noon.\'\'',
    "This is WNYC Today.",
    "Activists staged ``Spring of Hope'' rallies at the clinics.",
])
def test_en_news_a_time_word_capitalised_inside_a_name_is_no_time(text):
    """TimeML tags no time word in a name or title; English writes time words in
    lower case, so a capital in mid-sentence or in a short quotation marks one."""
    assert en(text) == {}


def test_en_news_a_capital_at_the_start_of_a_sentence_or_quotation_is_a_time():
    got = en('Today the Senate votes. He said, "Today we finish what we started last spring."')
    assert [k for k in got if k == "Today"] == ["Today"]
    assert got["Today"] == ("DATE", "2017-11-10")
    assert en('He said: "Tomorrow is another day."')["Tomorrow"][1] == "2017-11-11"
    assert en("The siege ended in the Fall of 1863.")["the Fall of 1863"][1] == "1863-FA"
    assert en("In Spring 1916 the army moved.")["Spring 1916"][1] == "1916-SP"
    assert en("Shares fell on Wednesday. Yesterday, they rose.")["Yesterday"][1] == "2017-11-09"


@pytest.mark.parametrize("genre", ["news", "narrative"])
def test_en_an_amount_before_or_after_a_date_counts_from_that_date(genre):
    got = en("The day before last Tuesday's hearing, he resigned. They met again two weeks "
             "after Christmas 2016. The day after 6 June 1944 was calm.", genre=genre)
    assert got["The day before last Tuesday"] == ("DATE", "2017-11-06")
    assert got["two weeks after Christmas 2016"] == ("DATE", "2017-01-08")
    assert got["The day after 6 June 1944"] == ("DATE", "1944-06-07")


def test_en_a_vague_amount_before_a_date_stays_apart_from_it():
    got = en("A few days after Christmas, it snowed.", dct="2017-12-30")
    assert got["A few days"] == ("DURATION", "PXD")
    assert got["Christmas"] == ("DATE", "2017-12-25")


def test_en_the_past_before_an_amount_is_no_past_ref():
    assert "the past" not in en("Marches have led to riots for the past three summers.")
    assert en("Such riots belong to the past.")["the past"] == ("DATE", "PAST_REF")


def test_en_news_a_headline_in_title_case_keeps_its_time_words():
    got = en("Rival Parties Resume Their Talks Next Week\n\nThe talks were broken off in May.")
    assert got["Next Week"] == ("DATE", "2017-W46")


def test_en_an_ordinal_day_of_an_event_is_the_day_last_named():
    assert en("Gunfire again. It's the second day of the strike.")["the second day"] == (
        "DATE", "2017-11-10")
    got = en("On 21 July 1936, the fifth day of the rebellion, the rebels took Seville. "
             "In the second week alone, 4,000 flights landed.", genre="narrative")
    assert got["the fifth day"] == ("DATE", "1936-07-21")
    assert got["the second week"] == ("DURATION", "P1W")


def test_en_a_day_of_a_month_named_is_no_month_and_invents_no_day():
    assert en("In June 1920 the army fell back; the day was lost.",
              genre="narrative")["the day"] == ("DATE", "1920-06-XX")
    assert en("In 1780 the fleet sailed; the day was cold.",
              genre="narrative")["the day"] == ("DATE", "XXXX-XX-XX")
    assert en("In June 1920 the Poles fell back. That same day the city fell.",
              genre="narrative")["That same day"] == ("DATE", "1920-06-XX")


def test_en_news_a_clock_time_takes_the_day_named_after_its_other_zone():
    got = en("The quake struck at 6:20 a.m. (1120 GMT) Tuesday, officials said.")
    assert got["6:20 a.m."] == ("TIME", "2017-11-07T06:20")
    assert got["Tuesday"] == ("DATE", "2017-11-07")


def test_en_a_position_in_a_month_this_year_is_one_expression():
    got = en("The lower house approved the treaty in early October this year.")
    assert got["early October this year"] == ("DATE", "2017-10")
    assert "this year" not in got


@pytest.mark.parametrize("text,span,value", [
    ("The crowd stormed the palace on June 20 of 1792.", "June 20 of 1792", "1792-06-20"),
    ("The year 1950 began with a truce.", "The year 1950", "1950"),
    ("The 1982 summer offensive failed.", "1982 summer", "1982-SU"),
])
def test_en_a_year_with_its_date_season_or_noun_is_one_expression(text, span, value):
    assert en(text, genre="narrative")[span][1] == value
    assert en(text)[span][1] == value


def test_en_narrative_the_unit_of_a_rate_is_a_length_every_day_a_point():
    got = en("Bombers flew 40 sorties per day, and the guns fired every day.", genre="narrative")
    assert got["per day"] == ("SET", "P1D")
    assert got["every day"] == ("SET", "XXXX-XX-XX")


def test_en_the_last_unit_of_an_event_is_a_unit_of_it_not_the_one_before():
    got = en("Troops landed on 8 August 1945. In the last month of the war the front collapsed. "
             "On the final day of the battle, the army withdrew.", genre="narrative")
    assert got["the last month"] == ("DURATION", "P1M")
    assert got["the final day"] == ("DATE", "1945-08-08")
    assert en("Sales fell in the last month.")["the last month"] == ("DATE", "2017-10")
