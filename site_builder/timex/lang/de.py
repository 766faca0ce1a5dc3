"""German time-expression knowledge, as data only.

Vocabulary tables map surface words to meanings; ``PATTERNS`` are regex
templates whose ``{placeholders}`` the engine fills from these tables (see
``engine.PLACEHOLDERS``).  Words written in lower case also match with a
capital first letter (sentence starts); capitalised words match as written.
"""

MONTHS = {
    "Januar": 1, "Jänner": 1, "Jan.": 1, "Februar": 2, "Feber": 2, "Feb.": 2, "Febr.": 2,
    "März": 3, "Mrz.": 3, "April": 4, "Apr.": 4, "Mai": 5, "Juni": 6, "Juli": 7,
    "August": 8, "Aug.": 8, "September": 9, "Sept.": 9, "Sep.": 9, "Oktober": 10,
    "Okt.": 10, "November": 11, "Nov.": 11, "Dezember": 12, "Dez.": 12,
    # genitives: "am Mittag des 9. Februars 1904"
    "Januars": 1, "Februars": 2, "Aprils": 4, "Junis": 6, "Julis": 7, "Augusts": 8,
    "Septembers": 9, "Oktobers": 10, "Novembers": 11, "Dezembers": 12,
}

WEEKDAYS = {
    "Montag": 1, "Dienstag": 2, "Mittwoch": 3, "Donnerstag": 4, "Freitag": 5,
    "Samstag": 6, "Sonnabend": 6, "Sonntag": 7,
    "Montags": 1, "Dienstags": 2, "Mittwochs": 3, "Donnerstags": 4, "Freitags": 5,
    "Samstags": 6, "Sonntags": 7,
}

# Parts of the day as TIMEX3 codes; also used as suffixes ("Mittwochabend").
DAYPARTS = {
    "Morgen": "MO", "morgens": "MO", "Vormittag": "MO", "vormittags": "MO", "Früh": "MO",
    "Mittag": "MI", "mittags": "MI", "Nachmittag": "AF", "nachmittags": "AF",
    "Abend": "EV", "abends": "EV", "Nacht": "NI", "nachts": "NI",
    "Morgenstunden": "MO", "Vormittagsstunden": "MO", "Mittagsstunden": "MI",
    "Nachmittagsstunden": "AF", "Abendstunden": "EV", "Nachtstunden": "NI",
}
DAYPART_SUFFIXES = {"morgen": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF",
                    "abend": "EV", "nacht": "NI"}

_UNITS_WORDS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_TENS_WORDS = {20: "zwanzig", 30: "dreißig", 40: "vierzig", 50: "fünfzig", 60: "sechzig",
               70: "siebzig", 80: "achtzig", 90: "neunzig"}


def _numerals() -> dict:
    """Cardinal words 1..99 plus the inflected forms of "ein" and fractions."""
    words = {"ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1, "eins": 1,
             "zwei": 2, "zwo": 2, "beide": 2, "beiden": 2, "drei": 3, "vier": 4, "fünf": 5,
             "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
             "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
             "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "hundert": 100,
             "einhundert": 100, "tausend": 1000,
             "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
             "viereinhalb": 4.5, "fünfeinhalb": 5.5, "halbe": 0.5, "halben": 0.5,
             "einhalb": 0.5, "dutzend": 12, "Dutzend": 12,
             # "ein halbes Jahr", "einer halben Stunde": the article belongs to the half
             "ein halbes": 0.5, "eine halbe": 0.5, "einem halben": 0.5, "einen halben": 0.5,
             "einer halben": 0.5, "eines halben": 0.5}
    for tens, word in _TENS_WORDS.items():
        words[word] = tens
        for unit in range(1, 10):
            words[f"{_UNITS_WORDS[unit]}und{word}"] = tens + unit
    return words


NUMBERS = _numerals()

# Decades in words: "die zwanziger Jahre", "die Sechzigerjahre" (two-digit decade).
DECADE_WORDS = {stem + "er": n for n, stem in ((20, "zwanzig"), (30, "dreißig"), (40, "vierzig"),
                                               (50, "fünfzig"), (60, "sechzig"), (70, "siebzig"),
                                               (80, "achtzig"), (90, "neunzig"))}

_ORD = {1: "erst", 2: "zweit", 3: "dritt", 4: "viert", 5: "fünft", 6: "sechst", 7: "siebt",
        8: "acht", 9: "neunt", 10: "zehnt", 11: "elft", 12: "zwölft", 13: "dreizehnt",
        14: "vierzehnt", 15: "fünfzehnt", 16: "sechzehnt", 17: "siebzehnt", 18: "achtzehnt",
        19: "neunzehnt", 20: "zwanzigst", 21: "einundzwanzigst"}
ORDINALS = {stem + end: n for n, stem in _ORD.items() for end in ("e", "en", "er", "es", "em")}
ORDINALS.update({"letzte": -1, "letzten": -1, "letztes": -1, "letzter": -1})

# Unit words -> TIMEX3 unit codes (MIN = minutes, DE = decade, CE = century).
UNITS = {
    "Jahr": "Y", "Jahre": "Y", "Jahren": "Y", "Jahres": "Y", "Jahrs": "Y",
    "Monat": "M", "Monate": "M", "Monaten": "M", "Monats": "M",
    "Woche": "W", "Wochen": "W", "Tag": "D", "Tage": "D", "Tagen": "D", "Tages": "D",
    "tags": "D",  # "tags darauf", "tags zuvor"
    "Stunde": "H", "Stunden": "H", "Minute": "MIN", "Minuten": "MIN",
    "Sekunde": "S", "Sekunden": "S", "Jahrzehnt": "DE", "Jahrzehnte": "DE",
    "Jahrzehnten": "DE", "Jahrzehnts": "DE", "Jahrhundert": "CE", "Jahrhunderte": "CE",
    "Jahrhunderten": "CE", "Jahrhunderts": "CE", "Quartal": "Q", "Quartale": "Q",
    "Quartalen": "Q", "Quartals": "Q", "Wochenende": "WE", "Wochenenden": "WE",
    "Arbeitstage": "D", "Arbeitstagen": "D", "Jahrtausend": "ML", "Jahrtausende": "ML",
}
PLURAL_UNITS = {"Jahre", "Jahren", "Monate", "Monaten", "Wochen", "Tage", "Tagen", "Stunden",
                "Minuten", "Sekunden", "Jahrzehnte", "Jahrzehnten", "Jahrhunderte",
                "Jahrhunderten", "Quartale", "Quartalen", "Wochenenden", "Jahrtausende"}
# Adjectives built from a unit ("dreijährige", "jahrelang", "wochenlangen").
UNIT_ADJECTIVES = {"jährig": "Y", "monatig": "M", "wöchig": "W", "tägig": "D", "stündig": "H"}
VAGUE_UNIT_ADJECTIVES = {"jahrelang": "Y", "monatelang": "M", "wochenlang": "W",
                         "tagelang": "D", "stundenlang": "H", "jahrzehntelang": "DE",
                         "langjährig": "Y", "mehrjährig": "Y"}

def _seasons() -> dict:
    """Season words with their compounds ("Spätsommer", "Frühjahres", "Wintermonate")."""
    stems = {"Frühling": ("SP", ("", "s")), "Frühjahr": ("SP", ("", "s", "es")),
             "Sommer": ("SU", ("", "s")), "Herbst": ("FA", ("", "s", "es")),
             "Winter": ("WI", ("", "s"))}
    out = {}
    for stem, (code, ends) in stems.items():
        words = [stem, "Spät" + stem.lower()]
        if not stem.startswith("Früh"):
            words.append("Früh" + stem.lower())
        for word in words:
            for end in ends:
                out[word + end] = code
    for stem, code in (("Frühlings", "SP"), ("Frühjahrs", "SP"), ("Sommer", "SU"),
                       ("Herbst", "FA"), ("Winter", "WI")):
        out[stem + "monate"] = out[stem + "monaten"] = code
    return out


SEASONS = _seasons()
# German corpora name a winter by the year it begins in ("Winter 1916/17" is 1916-WI).
WINTER_NAMED_BY_END = False
# Calendar parts named with an ordinal ("dritten Quartal", "zweiten Jahreshälfte").
PART_UNITS = {"Quartal": "Q", "Quartals": "Q", "Jahreshälfte": "H", "Halbjahr": "H",
              "Halbjahres": "H", "Trimester": "Q"}

# "Ende der Woche", "zu Wochenbeginn": the week of the day last named (the
# English corpora leave "the week" unresolved).
WEEK_OF_DAY_NAMED = True

# Words naming a day or year relative to the reference: (unit, offset).
DEICTIC = {"heute": ("D", 0), "gestern": ("D", -1), "morgen": ("D", 1),
           "vorgestern": ("D", -2), "übermorgen": ("D", 2), "heuer": ("Y", 0),
           "Vorjahr": ("Y", -1), "Vorjahres": ("Y", -1), "Vortag": ("D", -1),
           "Vortages": ("D", -1), "Vormonat": ("M", -1), "Vormonats": ("M", -1),
           "Vorwoche": ("W", -1), "gestrigen": ("D", -1), "Folgejahr": ("Y", 1),
           "Folgejahres": ("Y", 1), "Folgemonat": ("M", 1), "Folgemonats": ("M", 1),
           "Folgetag": ("D", 1), "Folgetages": ("D", 1),
           "morgigen": ("D", 1)}
# Counted from the day last mentioned, not the document date, even in news.
ANAPHORIC_DEICTIC = {"Vortag", "Vortages", "Folgetag", "Folgetages", "Folgemonat",
                     "Folgemonats", "Folgejahr", "Folgejahres"}
# In narratives these mean "nowadays" rather than a calendar day.
NARRATIVE_PRESENT = {"heute"}

# Vague references.  Left out on purpose: "nun", "inzwischen",
# "mittlerweile" (discourse particles far more often than times), "ehemalig",
# "künftig" (adjectives of a role, not times), a bare "später" (mostly
# "later on" inside a clause; "wenig später" is kept).
VAGUE = {"derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF", "jetzt": "PRESENT_REF",
         "gegenwärtig": "PRESENT_REF", "momentan": "PRESENT_REF",
         "heutzutage": "PRESENT_REF", "aktuell": "PRESENT_REF", "heutige": "PRESENT_REF",
         "heutigen": "PRESENT_REF", "heutiger": "PRESENT_REF", "heutigem": "PRESENT_REF",
         "früher": "PAST_REF", "damals": "PAST_REF", "einst": "PAST_REF",
         "kürzlich": "PAST_REF", "vor kurzem": "PAST_REF", "unlängst": "PAST_REF",
         "neulich": "PAST_REF", "kurz zuvor": "PAST_REF", "kurz vorher": "PAST_REF",
         "bald": "FUTURE_REF", "demnächst": "FUTURE_REF", "in Zukunft": "FUTURE_REF",
         "Zukunft": "FUTURE_REF", "binnen kurzem": "FUTURE_REF", "Folgezeit": "FUTURE_REF",
         "wenig später": "FUTURE_REF",
         "kurz darauf": "FUTURE_REF", "kurz danach": "FUTURE_REF",
         "kurze Zeit später": "FUTURE_REF", "kurz später": "FUTURE_REF",
         "so bald wie möglich": "FUTURE_REF"}

# Relative determiners: (offset, anchor); "deictic" counts from the document
# date in news, "anaphoric" from the last date mentioned.
RELATIVE = {}
for _stem, _meaning in {"letzt": (-1, "deictic"), "vergangen": (-1, "deictic"),
                        "vorig": (-1, "deictic"), "vorletzt": (-2, "deictic"),
                        "vorvergangen": (-2, "deictic"), "übernächst": (2, "deictic"),
                        "nächst": (1, "deictic"), "kommend": (1, "deictic"),
                        "dies": (0, "deictic"), "laufend": (0, "deictic"), "neu": (1, "deictic"),
                        "diesjährig": (0, "deictic"),
                        "folgend": (1, "anaphoric"), "darauffolgend": (1, "anaphoric"),
                        "darauf folgend": (1, "anaphoric"), "selb": (0, "anaphoric"),
                        "gleich": (0, "anaphoric"), "vorangegangen": (-1, "anaphoric"),
                        "vorhergehend": (-1, "anaphoric")}.items():
    for _end in ("e", "en", "er", "es", "em"):
        RELATIVE[_stem + _end] = _meaning
RELATIVE.update({"demselben": (0, "anaphoric"), "desselben": (0, "anaphoric"),
                 "denselben": (0, "anaphoric")})

# Clock times named by a word.
CLOCK_WORDS = {"Mitternacht": "24:00"}

POSITIONS = {"Anfang": "START", "Anfangs": "START", "Beginn": "START",
             "Mitte": "MID", "Ende": "END", "Endes": "END", "Ausgang": "END",
             "frühen": "START", "frühe": "START", "späten": "END", "späte": "END",
             "beginnenden": "START", "ausgehenden": "END", "ausgehende": "END",
             # the second part of a compound: "Wochenbeginn", "Monatsende"
             "beginn": "START", "anfang": "START", "mitte": "MID", "ende": "END"}
APPROX = {"maximal": "EQUAL_OR_LESS", "etwa": "APPROX", "rund": "APPROX", "ungefähr": "APPROX",
          "ca.": "APPROX", "circa": "APPROX", "knapp": "LESS_THAN", "fast": "LESS_THAN",
          "beinahe": "LESS_THAN", "nahezu": "LESS_THAN", "gut": "MORE_THAN",
          "mehr als": "MORE_THAN", "über": "MORE_THAN", "weniger als": "LESS_THAN",
          "bis zu": "EQUAL_OR_LESS", "mindestens": "EQUAL_OR_MORE", "genau": "EQUAL",
          "fast genau": "APPROX", "gut und gerne": "MORE_THAN"}
VAGUE_QUANT = {"mehrere", "mehreren", "mehrerer", "einige", "einigen", "einiger", "wenige",
               "wenigen", "weniger", "viele", "vieler",
               "vielen", "zahlreiche", "zahlreichen", "ein paar", "einigen wenigen"}
EVERY = {"jeden", "jede", "jedem", "jeder", "jedes", "alle", "allen", "je", "pro"}
SET_WORDS = {"täglich": "P1D", "tägliche": "P1D", "täglichen": "P1D", "alltäglich": "P1D",
             "alltäglichen": "P1D", "wöchentlich": "P1W", "wöchentliche": "P1W",
             "wöchentlichen": "P1W", "monatlich": "P1M", "monatliche": "P1M",
             "monatlichen": "P1M", "jährlich": "P1Y", "jährliche": "P1Y", "jährlichen": "P1Y",
             "alljährlich": "P1Y", "alljährlichen": "P1Y", "stündlich": "PT1H",
             "wochentags": "XXXX-WXX-WD", "werktags": "XXXX-WXX-WD",
             # adverbs of a weekday: "montags geschlossen" is every Monday
             "montags": "XXXX-WXX-1", "dienstags": "XXXX-WXX-2", "mittwochs": "XXXX-WXX-3",
             "donnerstags": "XXXX-WXX-4", "freitags": "XXXX-WXX-5", "samstags": "XXXX-WXX-6",
             "sonnabends": "XXXX-WXX-6", "sonntags": "XXXX-WXX-7"}

# WikiWarsDE writes sets as durations in narratives too ("täglich" P1D), not as
# the repeated point (XXXX-XX-XX) of the English TIMEX2 corpus.
NARRATIVE_SETS_AS_POINTS = False

# Holidays: "MM-DD", ("easter", days after Easter Sunday) or ("nth", month, weekday, n).
HOLIDAYS = {"Weihnachten": "12-25", "Weihnachtstag": "12-25", "Ersten Weihnachtstag": "12-25",
            "Zweiten Weihnachtstag": "12-26", "Heiligabend": "12-24", "Heiligen Abend": "12-24",
            "Heiliger Abend": "12-24", "Silvester": "12-31", "Neujahr": "01-01",
            "Neujahrstag": "01-01", "Ostern": ("easter", 0), "Ostersonntag": ("easter", 0),
            "Ostermontag": ("easter", 1), "Karfreitag": ("easter", -2),
            "Pfingsten": ("easter", 49), "Pfingstmontag": ("easter", 50),
            "Christi Himmelfahrt": ("easter", 39), "Fronleichnam": ("easter", 60),
            "Allerheiligen": "11-01", "Allerseelen": "11-02", "Nikolaustag": "12-06",
            "Tag der Deutschen Einheit": "10-03", "Maifeiertag": "05-01",
            "Tag der Arbeit": "05-01", "Valentinstag": "02-14", "Mariä Himmelfahrt": "08-15",
            "Dreikönigstag": "01-06", "Dreikönig": "01-06", "Mariä Empfängnis": "12-08",
            "Stephanstag": "12-26", "Stefanitag": "12-26", "Reformationstag": "10-31",
            "Martinstag": "11-11", "Josefitag": "03-19",
            "Rosenmontag": ("easter", -48), "Faschingsdienstag": ("easter", -47),
            "Aschermittwoch": ("easter", -46), "Gründonnerstag": ("easter", -3),
            "Karsamstag": ("easter", -1), "Pfingstsonntag": ("easter", 49),
            "Muttertag": ("nth", 5, 7, 2)}

# Words after an amount of time that move from the last date ("drei Tage später").
DIRECTIONS = {"später": "after", "danach": "after", "darauf": "after", "zuvor": "before",
              "früher": "before", "davor": "before", "vorher": "before"}

ERA_BC = {"v. Chr.", "v.Chr.", "vor Christus", "vor Christi Geburt", "v. u. Z.", "v.u.Z."}
ERA_AD = {"n. Chr.", "n.Chr.", "nach Christus", "nach Christi Geburt"}
ARTICLES = {"der", "die", "das", "den", "dem", "des"}
# German TIMEX2 narratives (WikiWarsDE) leave a leading definite article
# outside the span ("in der zweiten Jahreshälfte" -> "zweiten Jahreshälfte");
# TimeML news keeps it.  Decades keep theirs ("den 1930er-Jahren").
NARRATIVE_SPAN_DROP = r"[Dd](?:er|ie|as|en|em|es)\s+(?!\d+er|\w*(?:zig|ßig)er)"
# ... while TimeML news leaves the preposition of "nach zwei Tagen" out.
NEWS_SPAN_DROP = r"[Nn]ach\s+"

# Words that mark the time of a sentence, nearest cue wins (news genre).
FUTURE_CUES = (r"\b(?:wird|werden|werde|wirst|will|wollen|"
               r"plant|planen|geplant|beginnt|startet|findet)\b")
PAST_CUES = (r"\b(?:war|waren|hatte|hatten|hat|haben|wurde|wurden|[Ss]eit|[Bb]isher|[Bb]islang|"
             # the preterite of strong verbs frequent in reports, singular and plural
             r"(?:stieg|sank|fiel|kam|ging|lag|gab|stand|fand|nahm|traf|starb|fuhr|brach|zog|"
             r"hielt|blieb|begann|gewann|verlor|schloss|sprach|rief|lief|sah|erhielt|bekam)(?:en)?|"
             r"(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zu|zurück|zusammen)?"
             r"ge[a-zäöüß]{3,}(?:t|en))\b")

# All of the text between the two parts of a range ("20. Februar bis zum 10. März 1905").
RANGE_CONNECTOR = r"\s*(?:[-–—/]|bis(?:\s+(?:zum|zur|in\s+den))?|und|oder|auf\s+den|zum)\s*"
# Before the second part of a range: "bis 1915", "1870/71", "vom 5. bis 17. Dezember".
RANGE_END_BEFORE = r"(?:\bbis(?:\s+(?:zum|zur|ins?|Ende|Anfang|Mitte))?|[–/-])\s*$"

# A number right after these is an identifier, not a year.
NOT_YEAR_BEFORE = (r"(?:Nr\.|Nummer|Resolution|Paragraph|Paragraf|§|Artikel|Art\.|Absatz|"
                   r"Abs\.|Seite|S\.|Band|Bd\.|Zimmer|Haus|Straße|Tel\.|Fax|Kennzeichen|"
                   r"Linie|Flug|Az\.|[$€£]|EUR|Euro|Dollar|Punkte[n]?|Platz|Rang|Modell|"
                   r"Version|Gruppe|Kilometer|Höhe|PLZ|Postleitzahl)\s*$")
# ... and a number followed by these is a count or an amount.
_MEASURES = (r"(?:%|Prozent|Euro|EUR|Dollar|Franken|Mark|Meter|Kilometer|km|m|Tonnen|Stück|"
             r"Punkte|Stimmen|Grad)")
NOT_YEAR_AFTER = (r"^\s*(?:" + _MEASURES + r"|(?:bis|-|–)\s*\d+\s*" + _MEASURES + r")\b")
# A number followed (on the same line) by a plural noun counts things --
# unless a cue says year.  Plural nouns end in -e, -n or -er ("Geschütze",
# "Panzern", "Dörfer").
COUNT_AFTER = (r"^[ \t]+(?:Mann\b|[A-ZÄÖÜ][a-zäöüß]+(?:e|n|er|s)\b)")
# Prepositions and nouns after which a bare number is a year after all
# ("und"/"oder" only between two years: "1882 und 1885").
YEAR_CUES_BEFORE = (r"(?:\b(?:im|in|seit|bis|von|vom|ab|um|vor|nach|zwischen|Jahr|Jahres|"
                    r"Jahre|Anfang|Mitte|Ende|Sommer|Winter|Frühjahr|Herbst|"
                    r"bereits|schon|erst|Saison|Ende)|\b\d{4}\s+(?:und|oder)|[(,–-])\s*$")

# Surface patterns, most specific first (at one position the first that
# matches wins).  Kinds name the engine's interpreters.
PATTERNS = [
    # Look-alikes dropped on the spot: ages ("der 25-Jährige", "16 Jahre alt",
    # "ab 16 Jahren", "im Alter von 84 Jahren"), the conjunction "so bald", scores.
    ("skip", r"\d+-[Jj]ährig\w*"),
    ("skip", r"{num}(?:\s*(?:und|bis|–|-)\s*\d+)?\s+Jahre[n]?\s+(?:alt|älter|jünger)\w*"),
    ("skip", r"(?<=\bab\s){num}\s+Jahren"),
    ("skip", r"(?<=\bAlter\svon\s){num}\s+Jahren"),  # "im Alter von 84 Jahren"
    ("skip", r"so\s+bald(?!\s+wie)"),
    # Scores: "endete 3:1", "zum 70:71", "mit 24:17" (but "mit 14:30 Uhr" is a time).
    ("skip", r"(?:(?<=\bzum\s)|(?<=\bendete\s)|(?<=\bmit\s)|(?<=\bSieg\s))"
             r"\d{1,3}:\d{1,3}(?!\d|\s*Uhr)"),
    # "11. November 11 Uhr", "8. Mai, 23:01 Uhr": a day with its clock time
    ("time", r"{day}\.\s?{month}(?:\s+{year})?\s+{hour}(?:[:.]{minute})?\s*Uhr"),
    # 7. Juli 1937, Donnerstag, 18. Dezember 2014, 20. März 2003 v. Chr.
    ("date", r"(?:{weekday},?\s+(?:(?:den|dem)\s+)?)?{day}\.?\s*{month}\s+{year}(?:\s+{bc})?"),
    ("date", r"{day}\.\s?{mnum}\.\s?{year}"),
    ("date", r"{day}\.\s?{mnum}\.\s?{yy}(?![\d.])"),
    # "am 14.11.", "bis zum 31.12.": a numeric day and month after a preposition
    ("date", r"(?:(?<=\b[Aa]m\s)|(?<=\b[Vv]om\s)|(?<=\b[Zz]um\s)|(?<=\b[Aa]b\s)|(?<=\b[Bb]is\s)|"
             r"(?<=\bdem\s)|(?<=\bden\s)){day}\.\s?{mnum}\.(?![\d.])"),
    ("date", r"{year}-{mnum}-{day}"),
    ("date", r"(?:{weekday},?\s+(?:(?:den|dem)\s+)?|(?:Laufe|Verlauf)\s+des\s+)?{day}\.\s?{month}"),
    # The first days of a list or range take month and year from its end:
    # "vom 26. bis 31. August", "am 3., 4. und 5. Oktober", "27./28. September".
    ("date", r"{day}\.(?=(?:\s*(?:,\s*(?:und|oder|sowie)?|und|oder|sowie|bis|/|–|-)\s*"
             r"(?:(?:zum|dem|den|am)\s+)?\d{1,2}\.)"
             r"{1,8}\s*{month}(?:\s+{year})?)"),
    # ... and so do months: "Mai/Juni 1940", "zwischen August und Dezember 1914".
    ("date", r"{month}(?=\s*(?:/|–|-|und|oder|bis(?:\s+(?:zum|in\s+den))?)\s*"
             r"[A-ZÄÖÜ][a-zäöü]+\s+{year})"),
    # The second year of a pair: "1912/13", "1939/1940", "264–260 v. Chr.".
    # "am 24." alone: a day of the month last named
    ("dayonly", r"(?<=\b[Aa]m\s){day}\.(?=\s+(?!und\b|bis\b|oder\b)[a-zäöüß]|\s*;)"),
    ("date", r"(?<=\d\d\d\d/){year}"),
    ("date", r"(?<=\d\d\d\d/){yy}(?![\d.])"),
    ("date", r"{bcyear}(?=\s*[–-]\s*\d{1,4}\s*{bc})"),
    ("date", r"(?:{pos}\s+)?{month}\s+(?:des\s+Jahres\s+)?{year}(?:\s+{bc})?"),
    # "August desselben Jahres", "März des folgenden Jahres", "8. Mai desselben Jahres"
    ("date", r"(?:{day}\.\s?)?{month}\s+(?:des\s+)?{rel}\s+Jahres"),
    ("date", r"(?:{pos}\s+)?{season}\s+(?:des\s+)?{rel}\s+Jahres"),
    ("date", r"(?:{pos}\s+(?:des\s+Jahres\s+)?)?{bcyear}\s*{bc}"),
    ("date", r"{pos}\s+(?:des\s+Jahres\s+)?{year}"),
    ("date", r"(?:{article}\s+)?{pos}\s+des\s+Jahres(?:\s+{year})?"),
    ("date", r"(?:Laufe|Verlauf)\s+des\s+Jahres\s+{year}"),  # "im Laufe des Jahres 1917"
    ("date", r"(?:{article}\s+)?(?:Jahr|Jahres|Jahre)\s+{year}"),
    ("date", r"(?:{article}\s+)?(?:Jahr|Jahres|Jahre)\s+{bcyear}\s*{bc}"),
    # years of the common era written as such: "im Jahr 9 n. Chr.", "79 n. Chr."
    ("date", r"(?:(?:{article}\s+)?(?:Jahr|Jahres|Jahre)\s+)?{bcyear}\s*"
             r"(?:n\.\s?Chr\.|nach\s+Christ(?:us|i\s+Geburt))"),
    ("date", r"(?:{approx}\s+)?{pos}\s+{month}"),
    ("date", r"(?:{article}\s+)?(?:{pos}\s+)?{season}\s+{year}"),
    ("date", r"(?:{article}\s+)?(?:{partord}|{ordnum}\.)\s+{partunit}(?:\s+{year})?"),
    # "Jahresende 1789", "zum Jahresbeginn"
    ("date", r"Jahres(?:ende|beginn|anfang|mitte|wechsel)(?:\s+{year})?"),
    # "im Laufe des Jahres", "Ende des Monats", "am Ende des Tages": the reference's unit
    ("sameunit", r"(?:{pos}|Laufe|Verlauf)\s+(?:des|dieses)\s+(?=Jahres|Monats|Tages)(?:{unit})"),
    ("sameunit", r"(?:{pos}|Laufe|Verlauf)\s+(?:der|dieser)\s+(?=Woche\b)(?:{unit})"),
    # "zu Wochenbeginn", "zur Monatsmitte" ("Wochenende" is the weekend)
    ("sameunit", r"(?=Wochen(?:beginn|anfang|mitte)\b|Monats(?:beginn|anfang|mitte|ende)\b)"
                 r"(?:{unit})(?:{pos})"),
    ("decade", r"(?:{article}\s+)?(?:{pos}\s+der\s+)?{decade}er(?:n|\s?-?\s?Jahre[n]?)?"),
    ("decade", r"(?:{article}\s+)?(?:{pos}\s+der\s+)?{decadeword}\s?-?\s?[Jj]ahre[n]?"),
    # "Ende des 18. Jahrhunderts", "im ausgehenden 17. Jahrhundert", "im 12. Jh."
    # (WikiWarsDE leaves "frühen"/"späten" outside a century: "des frühen [20. Jahrhunderts]")
    ("century", r"(?:(?!früh|spät){pos}\s+(?:des\s+)?|(?:Laufe|Verlauf)\s+des\s+)?{ordnum}\.?\s+"
                r"(?:Jahrhunderts?|Jh\.|Jhdt\.)(?:\s+{bc})?"),
    ("century", r"(?:(?!früh|spät){pos}\s+(?:des\s+)?|(?:Laufe|Verlauf)\s+des\s+)?{ordword}\s+Jahrhunderts?"
                r"(?:\s+{bc})?"),
    ("time", r"(?:{weekday},?\s+)?{hour}[:.]{minute}\s*Uhr"),
    ("time", r"{hour}\s*Uhr\s+{minute}(?!\s*Min)"),
    # The first time of a range takes "Uhr" from its end: "von 10 bis 15 Uhr".
    ("time", r"{hour}(?:[.:]{minute})?(?=\s*(?:-|–|bis|/|und)\s*\d{1,2}(?:[.:]\d\d)?\s*Uhr)"),
    ("time", r"(?<=\bum\s){hour}[.:]{minute}(?![\d.,])(?!\s*(?:%|Prozent|Euro|Mio|Milli))"),
    ("time", r"(?:{approx}\s+)?{hour}\s*Uhr(?:\s+(?:{daypart}|früh))?"),
    # A bare "H:MM" is a clock time only from 1:00 on ("0:13" is a score).
    ("time", r"(?=[1-9]|[01]\d){hour}:{minute}(?![:\d])"),
    ("time", r"{deictic}\s+{daypart}"),
    ("time", r"{weekday}{daypartsuffix}"),
    ("time", r"{weekday}\s+{daypart}"),
    ("time", r"(?:{pos}\s+)?{daypart}\s+(?:des|vom)\s+{day}\.\s?{month}(?:\s+{year})?"),
    # "Nacht vom 16. auf den 17. April 1945": the night belongs to the first day.
    ("time", r"{daypart}\s+vom\s+{day}\.(?=\s*(?:auf\s+den|zum|/)\s*\d{1,2}\.\s*{month}"
             r"(?:\s+{year})?)"),
    # "Abend desselben Tages", "Morgen dieses Tages", "nächsten Morgen", "Morgen darauf"
    ("time", r"(?:{pos}\s+)?{daypart}\s+(?:des\s+)?{rel}\s+Tages"),
    ("time", r"{rel}\s+{daypart}(?!\s+(?:des|vom)\s+\d)"),
    ("time", r"{daypart}\s+{direction}"),
    # "in der Nacht zum Sonntag", "Nacht zu Sonntag", "Nacht auf Montag"
    ("night_before", r"Nacht\s+(?:zum|zu|auf\s+den|auf)\s+{weekday}"),
    # "am frühen Morgen", "am späten Abend"
    ("time", r"(?:frühen|späten)\s+{daypart}"),
    # Mid-sentence "Morgen" is the morning ("am Morgen"); "morgen" is tomorrow.
    ("time", r"(?<=[a-zäöüß,]\s)(?=Morgen\b)(?:{daypart})"),
    ("offset", r"(?:(?:{num}|{vaguequant})\s+)?{unit}\s+{direction}"),
    # "Donnerstag vergangener Woche", "am Montag nächster Woche"
    ("relative", r"{weekday}\s+{rel}\s+(?=Woche\b)(?:{unit})"),
    ("relative", r"(?:{article}\s+)?{rel}\s+{weekday}"),
    ("relative", r"(?:{article}\s+)?{rel}\s+{month}"),
    ("relative", r"(?:{article}\s+)?{rel}\s+{season}"),
    ("duration", r"(?:{article}\s+)?{rel}\s+{num}\s+{unit}"),
    ("duration", r"(?:{article}\s+)?{ordword}\s+{num}\s+{unit}"),
    ("duration", r"(?:{article}\s+)?{rel}\s+{vaguequant}\s+{unit}"),
    ("relative", r"(?:{article}\s+|(?:Laufe|Verlauf)\s+de[sr]\s+|{pos}\s+(?:de[sr]\s+)?)?"
                 r"{rel}\s+{unit}"),
    ("set", r"{every}\s+(?:{ordword}\s+)?{weekday}(?:{daypartsuffix})?"),
    ("set", r"{every}\s+(?:{num}\s+)?{unit}"),
    # "einmal im Monat", "pro Woche", "400 Euro im Monat"
    ("set", r"(?:(?:ein|zwei|drei|vier|mehr)mal\s+(?:im|pro)|pro)\s+{unit}(?!\s+\d)"),
    ("set", r"im\s+(?=Monat|Woche)(?:{unit})(?!\s+(?:\d|zuvor|darauf|danach|später|des|der))"),
    ("set", r"{setword}"),
    # "nach zwei Tagen": a point after the last date in narratives, a stretch in news
    ("after", r"[Nn]ach\s+(?:{approx}\s+)?{num}\s+{unit}"),
    # The first number of a range takes the unit from its end: "zwischen 18 und 45 Jahren".
    ("duration", r"{num}(?=\s*(?:–|-|bis|und)\s*(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|"
                 r"neun|zehn|elf|zwölf)\s+{unit})"),
    ("duration", r"(?:{approx}\s+)?{num}\s?-?\s?{unit}"),
    # "drei volle Jahre", "rund 360 ehrenamtliche Stunden" (an adjective, not "über"/"oder")
    ("duration", r"(?:{approx}\s+)?{num}(?:\s+(?!(?:über|unter|oder|aber|wieder|weiter)\s)"
                 r"[a-zäöüß]+e[nrs]?)?\s+{unit}"),
    ("duration", r"{num}-?{unitadj}\w*"),
    ("duration", r"{vagueunitadj}\w*"),
    ("duration", r"(?:{article}\s+)?{vaguequant}\s+{unit}"),
    ("duration", r"(?:(?<=[Ss]eit )|(?<=[Üü]ber )|(?<=[Nn]ach )|(?<=[Vv]or ))"
                 r"(?:{vaguequant}\s+)?{unit}"),
    ("holiday", r"{holiday}(?:\s+{year})?"),
    # "auch heute noch", "bis heute": the present, not the document's day
    ("present", r"heute(?=\s+noch\b)|(?<=\bnoch\s)heute|(?<=\bbis\s)heute"),
    ("deictic", r"{deictic}"),
    ("vague", r"{vague}"),
    # Not the first part of a compound: "Winter-Biathlon", "Mai-Majewski".
    ("date", r"(?:{article}\s+)?(?:{pos}\s+)?{season}(?!-\w)"),
    ("date", r"{month}(?!\s*\d|-\w)"),
    ("date", r"(?<!-){weekday}"),
    # "am/zum/übers Wochenende": the weekend before or after the reference, by tense.
    ("weekend", r"(?:(?<=\b[Aa]m\s)|(?<=\b[Zz]um\s)|(?<=\b[Vv]om\s)|(?<=\b[Üü]bers\s))"
                r"Wochenende"),
    ("time", r"{daypart}"),
    ("time", r"{clockword}"),
    ("year", r"{year}"),
]
