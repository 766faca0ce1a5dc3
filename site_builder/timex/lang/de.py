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
             "einhalb": 0.5, "dutzend": 12, "Dutzend": 12}
    for tens, word in _TENS_WORDS.items():
        words[word] = tens
        for unit in range(1, 10):
            words[f"{_UNITS_WORDS[unit]}und{word}"] = tens + unit
    return words


NUMBERS = _numerals()

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
# Calendar parts named with an ordinal ("dritten Quartal", "zweiten Jahreshälfte").
PART_UNITS = {"Quartal": "Q", "Quartals": "Q", "Jahreshälfte": "H", "Halbjahr": "H",
              "Halbjahres": "H", "Trimester": "Q"}

# Words naming a day or year relative to the reference: (unit, offset).
DEICTIC = {"heute": ("D", 0), "gestern": ("D", -1), "morgen": ("D", 1),
           "vorgestern": ("D", -2), "übermorgen": ("D", 2), "heuer": ("Y", 0),
           "Vorjahr": ("Y", -1), "Vorjahres": ("Y", -1), "Vortag": ("D", -1),
           "Vortages": ("D", -1), "Vormonat": ("M", -1), "Vormonats": ("M", -1),
           "Vorwoche": ("W", -1), "gestrigen": ("D", -1),
           "morgigen": ("D", 1)}
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
         "in der Folge": "FUTURE_REF", "wenig später": "FUTURE_REF",
         "kurz darauf": "FUTURE_REF", "kurz danach": "FUTURE_REF",
         "kurze Zeit später": "FUTURE_REF", "kurz später": "FUTURE_REF",
         "so bald wie möglich": "FUTURE_REF"}

# Relative determiners: (offset, anchor); "deictic" counts from the document
# date in news, "anaphoric" from the last date mentioned.
RELATIVE = {}
for _stem, _meaning in {"letzt": (-1, "deictic"), "vergangen": (-1, "deictic"),
                        "vorig": (-1, "deictic"), "vorletzt": (-2, "deictic"),
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

POSITIONS = {"Anfang": "START", "Anfangs": "START", "Beginn": "START", "zu Beginn": "START",
             "Mitte": "MID", "Ende": "END", "Endes": "END", "Ausgang": "END",
             "frühen": "START", "frühe": "START", "späten": "END", "späte": "END"}
APPROX = {"etwa": "APPROX", "rund": "APPROX", "ungefähr": "APPROX", "ca.": "APPROX",
          "circa": "APPROX", "knapp": "LESS_THAN", "fast": "LESS_THAN",
          "beinahe": "LESS_THAN", "nahezu": "LESS_THAN", "gut": "MORE_THAN",
          "mehr als": "MORE_THAN", "über": "MORE_THAN", "weniger als": "LESS_THAN",
          "bis zu": "EQUAL_OR_LESS", "mindestens": "EQUAL_OR_MORE", "genau": "EQUAL",
          "fast genau": "APPROX", "gut und gerne": "MORE_THAN"}
VAGUE_QUANT = {"mehrere", "mehreren", "einige", "einigen", "wenige", "wenigen", "viele",
               "vielen", "zahlreiche", "zahlreichen", "ein paar", "einigen wenigen"}
EVERY = {"jeden", "jede", "jedem", "jeder", "jedes", "alle", "allen", "je", "pro"}
SET_WORDS = {"täglich": "P1D", "tägliche": "P1D", "täglichen": "P1D", "alltäglich": "P1D",
             "alltäglichen": "P1D", "wöchentlich": "P1W", "wöchentliche": "P1W",
             "wöchentlichen": "P1W", "monatlich": "P1M", "monatliche": "P1M",
             "monatlichen": "P1M", "jährlich": "P1Y", "jährliche": "P1Y", "jährlichen": "P1Y",
             "alljährlich": "P1Y", "alljährlichen": "P1Y", "stündlich": "PT1H",
             "wochentags": "XXXX-WXX-WD"}

# Holidays: "MM-DD", ("easter", days after Easter Sunday) or ("nth", month, weekday, n).
HOLIDAYS = {"Weihnachten": "12-25", "Heiligabend": "12-24", "Heiligen Abend": "12-24",
            "Heiliger Abend": "12-24", "Silvester": "12-31", "Neujahr": "01-01",
            "Neujahrstag": "01-01", "Ostern": ("easter", 0), "Ostersonntag": ("easter", 0),
            "Ostermontag": ("easter", 1), "Karfreitag": ("easter", -2),
            "Pfingsten": ("easter", 49), "Pfingstmontag": ("easter", 50),
            "Christi Himmelfahrt": ("easter", 39), "Fronleichnam": ("easter", 60),
            "Allerheiligen": "11-01", "Allerseelen": "11-02", "Nikolaustag": "12-06",
            "Tag der Deutschen Einheit": "10-03", "Maifeiertag": "05-01",
            "Tag der Arbeit": "05-01", "Valentinstag": "02-14", "Mariä Himmelfahrt": "08-15",
            "Dreikönigstag": "01-06"}

# Words after an amount of time that move from the last date ("drei Tage später").
DIRECTIONS = {"später": "after", "danach": "after", "darauf": "after", "zuvor": "before",
              "früher": "before", "davor": "before", "vorher": "before"}

ERA_BC = {"v. Chr.", "v.Chr.", "vor Christus", "vor Christi Geburt", "v. u. Z.", "v.u.Z."}
ERA_AD = {"n. Chr.", "n.Chr.", "nach Christus", "nach Christi Geburt"}
ARTICLES = {"der", "die", "das", "den", "dem", "des"}

# Words that mark the time of a sentence, nearest cue wins (news genre).
FUTURE_CUES = (r"\b(?:wird|werden|werde|wirst|soll|sollen|sollte|sollten|will|wollen|"
               r"plant|planen|geplant|beginnt|startet|findet)\b")
PAST_CUES = (r"\b(?:war|waren|hatte|hatten|hat|haben|wurde|wurden|ist|sind|"
             r"ge[a-zäöüß]{3,}(?:t|en))\b")

# Before the second part of a range: "bis 1915", "1870/71", "vom 5. bis 17. Dezember".
RANGE_END_BEFORE = r"(?:\bbis(?:\s+(?:zum|zur|ins?|Ende|Anfang|Mitte))?|[–/-])\s*$"

# A number right after these is an identifier, not a year.
NOT_YEAR_BEFORE = (r"(?:Nr\.|Nummer|Resolution|Paragraph|Paragraf|§|Artikel|Art\.|Absatz|"
                   r"Abs\.|Seite|S\.|Band|Bd\.|Zimmer|Haus|Straße|Tel\.|Fax|Kennzeichen|"
                   r"Linie|Flug|Az\.|[$€£]|EUR|Euro|Dollar|Punkte[n]?|Platz|Rang|Modell|"
                   r"Version|Gruppe|Kilometer|Höhe|PLZ|Postleitzahl)\s*$")
# ... and a number followed by these is a count or an amount.
NOT_YEAR_AFTER = (r"^\s*(?:%|Prozent|Euro|EUR|Dollar|Franken|Mark|Meter|Kilometer|km|m|"
                  r"Tonnen|Stück|Punkte|Stimmen)\b")
# A number followed by a plural noun counts things -- unless a cue says year.
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
    # 7. Juli 1937, Donnerstag, 18. Dezember 2014, 20. März 2003 v. Chr.
    ("date", r"(?:{weekday},?\s+(?:(?:den|dem)\s+)?)?{day}\.?\s*{month}\s+{year}(?:\s+{bc})?"),
    ("date", r"{day}\.\s?{mnum}\.\s?{year}"),
    ("date", r"{day}\.\s?{mnum}\.\s?{yy}(?![\d.])"),
    ("date", r"{year}-{mnum}-{day}"),
    ("date", r"(?:{weekday},?\s+(?:(?:den|dem)\s+)?)?{day}\.\s?{month}"),
    ("date", r"(?:{pos}\s+)?{month}\s+(?:des\s+Jahres\s+)?{year}(?:\s+{bc})?"),
    ("date", r"(?:{pos}\s+(?:des\s+Jahres\s+)?)?{bcyear}\s*{bc}"),
    ("date", r"{pos}\s+(?:des\s+Jahres\s+)?{year}"),
    ("date", r"(?:{article}\s+)?{pos}\s+des\s+Jahres(?:\s+{year})?"),
    ("date", r"(?:{article}\s+)?(?:Jahr|Jahres|Jahre)\s+{year}"),
    ("date", r"{pos}\s+{month}"),
    ("date", r"(?:{pos}\s+)?{season}\s+{year}"),
    ("date", r"(?:{article}\s+)?{partord}\s+{partunit}(?:\s+{year})?"),
    ("decade", r"(?:{article}\s+)?(?:{pos}\s+der\s+)?{decade}er(?:\s?-?\s?Jahre[n]?)?"),
    ("century", r"(?:{pos}\s+des\s+)?{ordnum}\.?\s+Jahrhunderts?(?:\s+{bc})?"),
    ("century", r"(?:{pos}\s+des\s+)?{ordword}\s+Jahrhunderts?(?:\s+{bc})?"),
    ("time", r"(?:{weekday},?\s+)?{hour}[:.]{minute}\s*Uhr"),
    ("time", r"{hour}\s*Uhr(?:\s+{daypart})?"),
    ("time", r"{hour}:{minute}(?![:\d])"),
    ("time", r"{deictic}\s+{daypart}"),
    ("time", r"{weekday}{daypartsuffix}"),
    ("time", r"{weekday}\s+{daypart}"),
    ("time", r"(?:{article}\s+)?{daypart}\s+(?:des|vom)\s+{day}\.\s?{month}(?:\s+{year})?"),
    ("offset", r"{num}\s+{unit}\s+{direction}"),
    ("relative", r"(?:{article}\s+)?{rel}\s+{weekday}"),
    ("relative", r"(?:{article}\s+)?{rel}\s+{month}"),
    ("relative", r"(?:{article}\s+)?{rel}\s+{season}"),
    ("duration", r"(?:{article}\s+)?{rel}\s+{num}\s+{unit}"),
    ("duration", r"(?:{article}\s+)?{rel}\s+{vaguequant}\s+{unit}"),
    ("relative", r"(?:{article}\s+)?{rel}\s+{unit}"),
    ("set", r"{every}\s+(?:{ordword}\s+)?{weekday}(?:{daypartsuffix})?"),
    ("set", r"{every}\s+(?:{num}\s+)?{unit}"),
    ("set", r"(?:einmal\s+)?(?:im|pro)\s+(?:Jahr|Monat|Woche|Tag)\b"),
    ("set", r"{setword}"),
    ("duration", r"(?:{approx}\s+)?{num}\s?-?\s?{unit}"),
    ("duration", r"(?:{approx}\s+)?{num}(?:\s+[a-zäöüß]+e[nrs]?)?\s+{unit}"),
    ("duration", r"{num}-?{unitadj}\w*"),
    ("duration", r"{vagueunitadj}\w*"),
    ("duration", r"(?:{article}\s+)?{vaguequant}\s+{unit}"),
    ("duration", r"(?:(?<=seit )|(?<=über )|(?<=nach )|(?<=vor ))(?:{vaguequant}\s+)?{unit}"),
    ("holiday", r"{holiday}(?:\s+{year})?"),
    ("deictic", r"{deictic}"),
    ("vague", r"{vague}"),
    ("date", r"(?:{pos}\s+)?{season}"),
    ("date", r"{month}(?!\s*\d)"),
    ("date", r"{weekday}"),
    ("time", r"{daypart}"),
    ("year", r"{year}"),
]
