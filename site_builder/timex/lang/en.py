"""English time-expression knowledge, as data only.

Same attributes as ``de.py``; see ``engine.VOCAB`` for how placeholders in
``PATTERNS`` map to these tables.  Lower-case words also match capitalised.
"""

MONTHS = {
    "January": 1, "Jan.": 1, "Jan": 1, "February": 2, "Feb.": 2, "Feb": 2, "March": 3,
    "Mar.": 3, "April": 4, "Apr.": 4, "May": 5, "June": 6, "Jun.": 6, "July": 7, "Jul.": 7,
    "August": 8, "Aug.": 8, "Aug": 8, "September": 9, "Sept.": 9, "Sep.": 9, "Sept": 9,
    "October": 10, "Oct.": 10, "Oct": 10, "November": 11, "Nov.": 11, "Nov": 11,
    "December": 12, "Dec.": 12, "Dec": 12,
}
WEEKDAYS = {"Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5,
            "Saturday": 6, "Sunday": 7, "Mon.": 1, "Tue.": 2, "Tues.": 2, "Wed.": 3,
            "Thu.": 4, "Thur.": 4, "Thurs.": 4, "Fri.": 5, "Sat.": 6, "Sun.": 7}
DAYPARTS = {"morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "mid afternoon": "AF",
            "evening": "EV", "night": "NI", "overnight": "NI", "daytime": "DT"}
DAYPART_SUFFIXES = {}

_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
         80: "eighty", 90: "ninety"}


def _numerals() -> dict:
    """Cardinal words 1..99, "a"/"an" and common fractions."""
    words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
             "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
             "eighteen": 18, "nineteen": 19, "hundred": 100, "a hundred": 100,
             "one hundred": 100, "a thousand": 1000, "half a": 0.5, "half an": 0.5,
             "a half": 0.5, "one and a half": 1.5, "a dozen": 12, "dozen": 12,
             "couple of": 2, "a couple of": 2, "both": 2}
    for n, word in enumerate(_ONES[1:] + ["ten", "eleven", "twelve"], start=1):
        words[f"{word} and a half"] = n + 0.5  # "two and a half years"
    for tens, word in _TENS.items():
        words[word] = tens
        for one in range(1, 10):
            words[f"{word}-{_ONES[one]}"] = tens + one
            words[f"{word} {_ONES[one]}"] = tens + one
    return words


NUMBERS = _numerals()


def _year_words() -> dict:
    """Years read out as words, as in broadcast transcripts: "nineteen ninety-six"."""
    words = {}
    for century, name in ((18, "eighteen"), (19, "nineteen")):
        for n in range(10, 100):
            for sep in (" ", "-"):
                word = next((w for w, v in NUMBERS.items() if v == n and sep in w), None)
                if n < 20 or n % 10 == 0:
                    word = next(w for w, v in NUMBERS.items() if v == n)
                if word:
                    words[f"{name} {word}"] = century * 100 + n
    words.update({"two thousand": 2000, "the year two thousand": 2000})
    for n in range(1, 20):
        words[f"two thousand and {next(w for w, v in NUMBERS.items() if v == n and ' ' not in w and w not in ('a', 'an', 'dozen'))}"] = 2000 + n
    return words


YEAR_WORDS = _year_words()
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
                "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
            "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1}


def _day_words() -> dict:
    """Days of the month spelled out, as broadcast transcripts write them: "March eighth"."""
    words = {w: n for w, n in ORDINALS.items() if n > 0}
    for one in range(1, 10):
        ordinal = next(w for w, n in ORDINALS.items() if n == one)
        words[f"twenty-{ordinal}"] = words[f"twenty {ordinal}"] = 20 + one
    words.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
    return words


DAY_WORDS = _day_words()
ORDINAL_SUFFIXES = {"st": "st", "nd": "nd", "rd": "rd", "th": "th"}

UNITS = {"year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W",
         "day": "D", "days": "D", "hour": "H", "hours": "H", "minute": "MIN",
         "minutes": "MIN", "seconds": "S", "decade": "DE", "decades": "DE",
         "century": "CE", "centuries": "CE", "quarter": "Q", "quarters": "Q",
         "weekend": "WE", "weekends": "WE", "millennium": "ML"}
PLURAL_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades",
                "centuries", "quarters", "weekends"}
UNIT_ADJECTIVES = {}
VAGUE_UNIT_ADJECTIVES = {"decades-long": "DE", "years-long": "Y", "months-long": "M",
                         "weeks-long": "W", "days-long": "D", "several-year": "Y"}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
           "Spring": "SP", "Summer": "SU", "Autumn": "FA", "Fall": "FA", "Winter": "WI"}
PART_UNITS = {"quarter": "Q", "half": "H"}

DEICTIC = {"today": ("D", 0), "yesterday": ("D", -1), "tomorrow": ("D", 1),
           "the day before yesterday": ("D", -2), "the day after tomorrow": ("D", 2),
           "tonight": ("D", 0)}
NARRATIVE_PRESENT = set()

VAGUE = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
         "the present day": "PRESENT_REF", "the present time": "PRESENT_REF",
         "these days": "PRESENT_REF", "the present": "PRESENT_REF",
         "right now": "PRESENT_REF", "the time being": "PRESENT_REF", "to date": "PRESENT_REF",
         "recently": "PAST_REF", "recent": "PAST_REF", "former": "PAST_REF",
         "formerly": "PAST_REF", "the past": "PAST_REF", "lately": "PAST_REF",
         "the future": "FUTURE_REF", "future": "FUTURE_REF", "someday": "FUTURE_REF",
         "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
         "present-day": "PRESENT_REF", "modern day": "PRESENT_REF",
         "modern-day": "PRESENT_REF", "then current": "PAST_REF", "then-current": "PAST_REF",
         "soon": "FUTURE_REF", "as soon as possible": "FUTURE_REF"}
# Not listed on purpose: "later", "earlier", "once", "previously",
# "eventually", "shortly" -- adverbs of sequence that annotators (TIMEX2 and
# TimeML alike) leave untagged when they stand alone.  "soon" looks ahead
# from the document date in news ("it will soon begin selling"), but orders
# events in a past clause ("was soon released") and in narratives; "as soon
# as X", "soon after X" tie it to an event (the skip patterns below).
VAGUE_ONLY_AHEAD_IN_NEWS = {"soon", "as soon as possible"}

# TimeML news leaves "the" out before a bare plural unit ("in the weeks
# before") and a decade ("the 1960s"), and mostly the approximators "about",
# "almost", "over" before an amount ("about [five hours]") -- not before a
# point counted back ("[almost two years ago]"); TIMEX2 narratives keep them.
# A hyphenated time adjective before a noun ("the [third-quarter] loss", "The
# [year-ago] results", "the [late-November] trip") leaves the noun phrase's
# determiner outside.
NEWS_SPAN_DROP = (r"[Tt]he\s+(?=(?:days|weeks|months|years|decades)\b|(?:early\s+|mid-?)?'?\d+0'?s\b)"
                  r"|(?:[Aa]bout|[Aa]lmost|[Oo]ver)\s+(?![^\n]*\bago\Z)"
                  r"|(?:[Tt]he|[Tt]hat)\s+(?=(?:fiscal[\s-]+)?\S+-(?:quarter|half|ago|earlier|[A-Z][a-z]+\.?)\Z)")

# Time words English writes in lower case: capitalised in mid-sentence they
# are part of a name or title ('the film "High Noon"', 'ABC's "This Week"',
# '"Spring of Life" demonstrations'), which TimeML news does not tag
# (see engine.in_name).  Months, weekdays and holidays are names anyway.
NAME_WORDS = (r"(?:(?:This|Next|Last|High|Early|Late)\s+)?(?:Today|Tonight|Tomorrow|Yesterday|Noon|"
              r"Midnight|Week|Month|Year|Spring|Summer|Autumn|Fall|Winter|Morning|Afternoon|"
              r"Evening|Night|Now)\b")

# TimeML news leaves a following "later" out as a signal: "[three days] later"
# is an amount anchored at an event, as "[two days] after the vote" is; so is
# "[a day] earlier" (but "a year earlier", "a month earlier" in a report name
# the period compared with, a point: "up from $5 million a year earlier").
NEWS_SPAN_DROP_END = (r"(?:\s+(?:later|afterwards?)"
                      r"|(?:(?<=day)|(?<=days)|(?<=hour)|(?<=hours)|(?<=minute)|(?<=minutes))"
                      r"\s+earlier)\Z")

# After "two days" in "two days after the battle": the signal word and the
# event, to the end of its clause (TIMEX2 narratives span all of it).
ANCHOR_EXTENT = (r"\s+(?:after|before)\s+[^,.;:()\[\]\n\"]{1,100}?"
                 r"(?=\s*(?:[,.;:()\[\]\n\"]|$)|\s+(?:and|but|or|while|when|which|who|as)\b)")

# Between an anchored amount and the date it counts from: "the day [before]
# last Tuesday's hearing", "two weeks [after] Christmas" (one expression).
ANCHOR_SIGNAL = r"\s+(?:before|after)\s+"

# Adjectives of status ("former president", "future plans"): TIMEX2 narratives
# tag them, TimeML news does not.
VAGUE_NOT_IN_NEWS = {"former", "future"}

RELATIVE = {"last": (-1, "deictic"), "past": (-1, "deictic"), "previous": (-1, "anaphoric"),
            "next": (1, "deictic"), "coming": (1, "deictic"), "this": (0, "deictic"),
            "current": (0, "deictic"), "following": (1, "anaphoric"),
            "the following": (1, "anaphoric"), "the next": (1, "anaphoric"),
            "the previous": (-1, "anaphoric"), "the preceding": (-1, "anaphoric"),
            "the same": (0, "anaphoric"), "that": (0, "anaphoric"),
            "that same": (0, "anaphoric"), "this same": (0, "anaphoric"),
            "the very same": (0, "anaphoric"),
            "the last": (-1, "deictic"), "the past": (-1, "deictic"),
            "the coming": (1, "deictic"), "this past": (-1, "deictic"),
            "this coming": (1, "deictic"),
            "later that": (0, "anaphoric"), "earlier that": (0, "anaphoric"),
            "later this": (0, "deictic"), "earlier this": (0, "deictic"),
            "the current": (0, "deictic"), "the latest": (-1, "deictic"),
            "the prior": (-1, "anaphoric"), "prior": (-1, "anaphoric"),
            "the upcoming": (1, "deictic"), "upcoming": (1, "deictic")}

# Relative words for the most recent occurrence of a season: "this past
# spring" in October is this year's, "last spring" the year before.
MOST_RECENT_PAST = {"this past"}

POSITIONS = {"early": "START", "the beginning of": "START", "the start of": "START",
             "beginning of": "START", "start of": "START", "the early part of": "START",
             "mid": "MID", "mid-": "MID", "the middle of": "MID", "middle of": "MID",
             "late": "END", "the end of": "END", "end of": "END", "the late": "END",
             "the latter part of": "END", "the close of": "END", "the early": "START",
             "the mid-": "MID", "the mid": "MID", "early in": "START", "late in": "END",
             "later in": None, "earlier in": None, "the end of": "END"}
APPROX = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
          "roughly": "APPROX", "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
          "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
          "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
          "at most": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN",
          "the": None, "the past": None, "the last": None, "the next": None,
          "the first": None, "past": None, "the latest": None, "the full": None,
          "another": None, "the final": None, "the coming": None, "the previous": None}
# "the following"/"the coming" are left to RELATIVE: "the following day" is a date.
VAGUE_QUANT = {"several", "a few", "few", "many", "some", "recent", "the past few",
               "the last few", "the next few", "the past several", "the next several",
               "the last several", "several more", "a couple of", "the", "those", "the early",
               "the first", "numerous", "the second", "the third", "the fourth", "the fifth",
               "the sixth", "the seventh", "the eighth", "the ninth", "the tenth"}
# "the first day", "the fifth day" (of a war, a strike): the day last named;
# "the first year", "the second week": one unit (see resolve._duration)
FIRST_QUANT = {"the first", "the last", "the final", "the second", "the third", "the fourth",
               "the fifth", "the sixth", "the seventh", "the eighth", "the ninth", "the tenth"}
EVERY = {"every", "each", "per"}
# The unit of a rate ("40 sorties per day"): a length of time, P1D, in
# narratives too, where "every day" is the point it repeats (XXXX-XX-XX).
RATE_WORDS = {"per"}
SET_UNITS = {}
# Adverbs of frequency; the adjectives "annual" and "quarterly" mostly
# classify nouns ("annual report", "quarterly dividend") and stay out.
SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
             "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W"}

HOLIDAYS = {"Christmas": "12-25", "Christmas Day": "12-25", "Christmas Eve": "12-24",
            "New Year's Day": "01-01", "New Year's Eve": "12-31", "New Year": "01-01",
            "Easter": ("easter", 0), "Easter Sunday": ("easter", 0),
            "Good Friday": ("easter", -2), "Independence Day": "07-04",
            "Halloween": "10-31", "Thanksgiving": ("nth", 11, 4, 4),
            "Thanksgiving Day": ("nth", 11, 4, 4), "Memorial Day": ("nth", 5, 1, -1),
            "Labor Day": ("nth", 9, 1, 1), "Veterans Day": "11-11",
            "Valentine's Day": "02-14", "Boxing Day": "12-26",
            "Mother's Day": ("nth", 5, 7, 2), "Father's Day": ("nth", 6, 7, 3),
            "Martin Luther King Day": ("nth", 1, 1, 3), "Presidents' Day": ("nth", 2, 1, 3),
            "Columbus Day": ("nth", 10, 1, 2),
            # the Tuesday after the first Monday in November
            "Election Day": ("nth", 11, 1, 1, 1)}

DIRECTIONS = {"later": "after", "after": "after", "afterward": "after",
              "afterwards": "after", "earlier": "before", "before": "before",
              "ago": "ago", "previously": "before", "hence": "after"}
AMPM = {"a.m.": "AM", "am": "AM", "a.m": "AM", "AM": "AM", "p.m.": "PM", "pm": "PM",
        "p.m": "PM", "PM": "PM"}
CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
# Zones written after a clock time ("5 p.m. EST Nov. 9"): part of its span.
TIME_ZONES = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST",
              "CET", "CEST"}
# Longest first; ties by name, so the pattern (and the digest the tagger's
# cache keys it by) is the same in every process, whatever the set order.
_ZONE = "(?:" + "|".join(sorted(TIME_ZONES, key=lambda z: (-len(z), z))) + ")"  # after the date

# Between a clock time and the day it falls on: "[11 a.m.] on [11 November
# 1918]" is 1918-11-11T11:00 (TIMEX2 and TimeML alike), "[noon] on [Saturday]"
TIME_DATE_LINK = r",?\s+on\s+"

ERA_BC = {"BC", "B.C.", "B.C", "BCE", "B.C.E."}
ERA_AD = {"AD", "A.D.", "CE"}
ARTICLES = {"the"}

# A comma does not end the clause whose verb gives a date its tense in
# English ("New Zealand said Friday, in response to ..."), nor does a
# parenthesis ("will leave at 4 (4 a.m. EDT Thursday)"); a quotation mark
# does: the reporting verb outside a quotation ('"We will meet Friday," she
# said') does not give the quoted words their tense.
CLAUSE_BREAK = r"[;:–\"“”]|''|``"

# Before an expression set against its main clause ("After a flat second
# quarter, the company ..."): a report's period stays the one named before.
BACKGROUND_BEFORE = (r"\b(?:[Aa]fter|[Bb]efore|[Ss]ince|[Ff]ollowing)\s+"
                     r"(?:(?:a|an|the|its|their)\s+)?(?:[a-z]+\s+)?$")

# Abbreviations whose full stop ends no sentence: titles and "vs." before a
# name, month abbreviations before a day ("Roe vs. Wade", "Oct. 23").
ABBREVIATIONS = {"vs.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Mt.", "Ft.", "Gen.", "Sen.", "Rep.",
                 "Gov.", "Lt.", "Col.", "Capt.", "Sgt.", "Adm.", "Maj.", "Prof.", "Rev.", "No.",
                 "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."}

# Irregular simple past forms (the regular ones end in -ed).  Forms that are
# also common nouns or present tense ("felt", "shot", "bit", "put", "set")
# are left out.
_IRREGULAR_PAST = ("brought|bought|thought|taught|caught|fought|sought|sold|told|built|spent|"
                   "kept|slept|swept|crept|dealt|meant|knew|grew|threw|drew|flew|blew|withdrew|"
                   "became|overcame|broke|spoke|chose|froze|stole|wrote|rode|drove|struck|stuck|"
                   "stood|understood|forgot|got|heard|paid|laid|ran|sang|sank|shrank|swam|hung|"
                   "swung|sprang|ate|forgave|shook|mistook|undertook|overtook|upheld|withheld|"
                   "oversaw|misled|sped|slid|hid|spun|tore|wore|swore|woke|dug|sat")
# Words that place a sentence after the document date ("is scheduled to close
# Monday", "payable Dec. 7") or before it.  Participles of planning verbs are
# future cues, and a participle after "be" is no past tense ("must be returned").
# A past form is lower-case: "United", "Red" are names; "indeed", "proceed",
# "succeed", "exceed", "speed" merely end in -ed; "unspecified", "untouched"
# are adjectives (but "unveiled", "uncovered" are verbs).
# "to expire" is an infinitive: its time comes from the verb that governs it.
# A plan in the pluperfect ("had been due to expire Friday", "had been
# expected") says nothing about whether its date is past or future: neither
# "had" nor the planning word is a cue there.
_PLAN_WORDS = "expected|planned|scheduled|due|slated|proposed|intended"
# A planning word before the noun it qualifies ("the hastily planned trip",
# "expected earnings") names a thing, and "as planned", "as previously
# planned" compares with a plan: neither says the clause looks forward.
_NOT_AS_PLANNED = r"(?<!\bas\s)(?<!\bpreviously\s)(?<!\boriginally\s)"
_NOT_ATTRIBUTIVE = (r"(?!\s+(?!(?:to|for|on|in|at|by|until|as|and|or|through|next|this|later|soon|"
                    r"early|late|within|before|after|around|about|from|between|that|then|back|out|"
                    r"off|up|yesterday|today|tomorrow|tonight|a|an|the|its|his|her|their|our|"
                    r"another)\b)[a-z]+\b)")
FUTURE_CUES = (r"\b(?:will|shall|'ll|going to|expects?|plans? to|planning|"
               r"(?<!\bhad\sbeen\s)" + _NOT_AS_PLANNED
               + r"(?:(?:" + _PLAN_WORDS + r")" + _NOT_ATTRIBUTIVE + r"|set to)|is to|are to|would|"
               r"next(?!\s+to\b)|upcoming|coming|as soon as|as early as|effective|payable|"
               r"(?<!\bto\s)expires?|until|intends?|tomorrow|"
               r"begins|starts|opens|resumes|reopens|kicks\s+off|takes\s+effect)\b")
PAST_CUES = (r"\b(?<!\bbe\s)(?<!\bbeen\s)"
             r"(?:was|were|had(?!\s+been\s+(?:" + _PLAN_WORDS + r")\b)|did|ago|last|since|said|"
             r"told|met|came|went|took|gave|made|began|"
             r"left|held|saw|found|fled|won|lost|sent|led|fell|rose|" + _IRREGULAR_PAST + r"|"
             r"(?!(?:expect|plann|schedul|propos|intend|slat|hundr|kindr|ind|proc|succ|exc|sp)ed\b)"
             r"(?!un(?!veil|cover|leash|load|earth|fold|der)\w+ed\b)[a-z]\w{2,}ed)\b")

# Between the parts of a range or pair whose last part holds the year
# ("18 August - 15 September 1951", "August and September 1914").
RANGE_CONNECTOR = r"\s*(?:[-–—]|to|and|or|until|till|through)\s*"

NOT_YEAR_BEFORE = (r"(?:No\.|no\.|Nos\.|Number|number|Resolution|resolution|Section|Article|"
                   r"Chapter|Room|Route|Highway|Flight|flight|page|p\.|pp\.|Vol\.|Model|"
                   r"Boeing|Airbus|[$€£#]|US\$|Rule|Form|Act|Dow|index|Nasdaq|S&P|ISBN)\s*$")
NOT_YEAR_AFTER = (r"^(?:\s*(?:%|percent|per cent|dollars|euros|pounds|yen|points|feet|foot|"
                  r"meters|metres|miles|km|kilometers|tons|acres)\b|-[a-z])")
# A number followed by a plural noun counts things -- unless a cue says year.
COUNT_AFTER = r"^\s+(?:[a-z]+s\b(?<!years)(?<!days)|people|men|women)"
YEAR_CUES_BEFORE = (r"(?:\b(?:in|since|by|until|till|from|of|to|during|before|after|early|"
                    r"mid|late|and|or|year|fiscal|spring|summer|autumn|fall|winter)|[(,–-])\s*$")

# Verbs and nouns that look like time words.  A "skip" match is dropped; it
# only keeps the other patterns from matching inside it.
# (an adverb may stand between: "would eventually fall", "could still fall through")
_FALL_VERB = (r"(?:to|will|would|could|should|must|not|may|might|did|n't)"
              r"\s+(?:[a-z]+ly\s+|still\s+|never\s+|also\s+|soon\s+)?fall"
              r"(?!\s+(?:of\s+)?(?:\d|'\d))")
_NOT_A_YEAR_AFTER_OF = r"(?![\d'])(?!that\b|this\b|the\s+(?:same|following|next|previous)\b|last\b|next\b)"

# "of that year", "of the same year": the year of the reference date.
_SAME_YEAR = r"(?:that|the\s+same)\s+year"
# An approximator ("about", "the") before an amount -- not before a capitalised
# name ("the Seven Years' War"), a hyphenated adjective ("the 14-day
# truce") or a noun phrase of its own ("over the weekend").
_APPROX = r"(?:{approx}\s+(?!the\b|[A-Z]|\S+-\w))?"
# "the end of the 1930s", "the middle of the 16th century": a position
# phrase and the period it divides are one expression (TIMEX2 and TimeML alike)
_OF_THE = r"(?:(?:(?<=\sof\s)|(?<=\sin\s))the\s+)?"
# "a year and a half", "an hour and a half": half a unit more (resolve._number)
_AND_A_HALF = r"(?P<andhalf>\s+and\s+a\s+half)?"

PATTERNS = [
    # "the fall of the city", "to fall back", "the March on the capital"
    ("skip", _FALL_VERB),
    ("skip", r"(?:(?:the|The)\s+)?[Ff]all(?=\s+(?:of\s+" + _NOT_A_YEAR_AFTER_OF + r"|back|apart|into|behind|short))"),
    # (but after a preposition of time it is the month: "stepped down in March for health reasons")
    ("skip", r"(?<!\b[Ii]n\s)(?<!\b[Ss]ince\s)(?<!\b[Uu]ntil\s)(?<!\b[Bb]y\s)(?<!\b[Ll]ast\s)(?<!\b[Nn]ext\s)"
             r"(?<!\b[Tt]his\s)(?<!\b[Ee]arly\s)(?<!\b[Ll]ate\s)(?<!\b[Mm]id-)"
             r"March(?=\s+(?:on|to|of|for|from|through)\s+" + _NOT_A_YEAR_AFTER_OF + r"(?!{month}))"),
    # four digits before a zone are a clock time, never a year: "(1830 GMT)" (TBAQ
    # leaves such a time in another zone untagged: "[10:35 a.m.] (0735 GMT) [Friday]")
    ("skip", r"(?:[01]\d|2[0-3])[0-5]\d(?=\s*{tz}\b)"),
    # an undotted month abbreviation before a name is a first name ("Jan Kavan")
    ("skip", r"(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?=\s+[A-Z][a-z])"),
    # "the second half of next year", "the first quarter of this year": one expression
    # (before the fractions below: "the first quarter of this year" is no fraction)
    ("part_of_year", r"(?:(?:the|The)\s+)?(?:fiscal[\s-]+)?{partord}[\s-]+{partunit}\s+of\s+"
                     r"(?=(?:last|this|next|the\s+(?:current|previous|following|next))\s+(?:fiscal\s+)?year\b)"
                     r"{rel}\s+(?:fiscal\s+)?year(?!'s)"),
    # fractions and greetings: "three-quarters of its food", "good evening"
    ("skip", r"(?:(?:{approx})\s+)?(?:{num}[\s-])?quarters?(?=\s+of\s+(?!\d|'\d|the\s+(?:year|fiscal)|fiscal))"),
    ("skip", r"[Gg]ood\s+(?:morning|afternoon|evening|night)"),
    # "as soon as the talks end", "soon after the vote": tied to an event, no time of its own
    ("skip", r"(?:[Aa]s|[Tt]oo|[Ss]o|[Hh]ow)\s+soon(?!\s+as\s+possible\b)"),
    ("skip", r"[Ss]oon(?=\s+(?:after|afterwards?|thereafter)\b)"),
    # "today's world", "today's youth": the present era, not the document's day
    ("skip", r"[Tt]oday's(?=\s+(?:world|youth|society|generation|young|children|kids)\b)"),
    # a part of day that classifies a programme or a shift ("the morning talk
    # show", "the evening newscast", "the night shift") is no time of its own
    ("skip", r"(?:morning|afternoon|evening|night)(?=\s+(?:talk\s+)?(?:show|newscast|"
             r"broadcast|programme|program|edition|shift|paper|newspaper)s?\b)"),
    # ages: "a 6-year-old", "the 8-month-old boy", "in his early 30s"
    ("skip", r"(?:(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)|(?<=\bmy\s)|(?<=\byour\s)"
             r"|(?<=\bour\s))(?:(?:early|mid|late)[\s-])?'?[1-9]0'?s"),
    ("skip", r"(?:(?:{approx}|a)\s+)?{num}[\s-]{unit}-old"),
    # "Islam will one day be ...": an unspecified future day, like "someday"
    ("someday", r"(?:(?<=will\s)|(?<=would\s)|(?<=could\s)|(?<=might\s)|(?<=may\s))one\s+day"
                r"(?!\s+(?:of|after|before|later|earlier|ago|and)\b)"),
    # "52 years old", "26 years of age": an age (see resolve._age)
    ("age", _APPROX + r"{num}\s+{unit}\s+(?:old|of\s+age)"),
    # the unit of a rate after an amount: "$2 million a year", "8.5% annually",
    # "$55 a night", "32,000 per year" (see resolve._rate)
    ("rate", r"(?:(?<=\d\s)|(?<=%\s)|(?<=million\s)|(?<=billion\s)|(?<=thousand\s)|"
             r"(?<=percent\s)|(?<=cents\s))"
             r"(?:(?:(?P<num>a|an)|{every})\s+(?=(?:day|week|month|year|hour)\b){unit}"
             r"|an?\s+night|{setword})"
             r"(?!\s+(?:ago|earlier|later|before|after|or|and)\b)"),
    # "the year 1950": one expression
    ("year", r"(?:the|The)\s+year\s+{year}(?![\d/–-])"),
    # years read out: "nineteen ninety-six", "the year two thousand"
    # (but "two thousand years" counts years)
    ("year", r"{yearword}(?!\s+(?:years|months|weeks|days|hours|people|men|women|dollars)\b)"),
    # the first half of a range takes the rest from the second half:
    # "6-7 January 1916", "the 28 and 29 August", "499-493 BC"
    ("date", r"(?:(?:the|The)\s+)?{day}(?:{ordsuffix})?(?=\s*(?:[-–]|to|and)\s*(?:(?:the|The)\s+)?\d{1,2}(?:st|nd|rd|th)?"
             r"\s+(?:of\s+)?{month}(?:,?\s+{year})?)"),
    ("date", r"{bcyear}(?=\s*(?:[-–]|to)\s*\d{1,4}\s*{bc})"),
    # the night/morning of a date: "the night of April 18, 1775"
    ("time", r"(?:(?:early|late)\s+(?:in\s+)?)?(?:(?:the|The)\s+)?(?:early\s+|late\s+)?{daypart}(?:\s+hours)?\s+of\s+"
             r"{month}\s+{day}(?:{ordsuffix})?(?:,?\s+{year})?"),
    ("time", r"(?:(?:early|late)\s+(?:in\s+)?)?(?:(?:the|The)\s+)?(?:early\s+|late\s+)?{daypart}(?:\s+hours)?\s+of\s+"
             r"(?:(?:the|The)\s+)?{day}(?:{ordsuffix})?\s+(?:of\s+)?{month}(?:,?\s+{year})?"),
    # "the week of March 6": the calendar week holding that day
    ("week_of", r"(?:the|The)\s+week\s+of\s+{month}\s+{day}(?:{ordsuffix})?(?:,?\s+{year})?(?![\d,.]\d)"),
    ("date", r"(?:{weekday},?\s+)?{month}\s+{day}(?:{ordsuffix})?(?:,?\s+|\s+of\s+){year}"),  # "June 20 of 1792"
    ("date", r"(?:{weekday},?\s+)?(?:(?:the|The)\s+)?{day}(?:{ordsuffix})?\s+(?:of\s+)?{month},?\s+{year}"),
    # a day spelled out: "March eighth", "the eighth of March, 1998"
    ("date", r"(?:{weekday},?\s+)?{month}\s+{dayword}(?![\w-])(?:,?\s+{year})?"),
    ("date", r"(?:{weekday},?\s+)?(?:the|The)\s+{dayword}\s+of\s+{month}(?:,?\s+{year})?"),
    ("date", r"{mnum}/{day}/{year}"),
    ("date", r"{mnum}/{day}/{yy}(?![\d/])"),
    ("date", r"{year}-{mnum}-{day}"),
    ("date", r"(?:(?P<approx>around|Around)\s+)?(?:{weekday},?\s+)?{month}\s+{day}(?:{ordsuffix})?"
             r"(?:\s+of\s+" + _SAME_YEAR + r")?(?![\d,.]\d)"),  # "[around Nov. 1]"
    ("date", r"(?:{weekday},?\s+)?(?:(?:the|The)\s+)?{day}(?:{ordsuffix})?\s+(?:of\s+)?{month}(?:\s+of\s+" + _SAME_YEAR + r")?"),
    ("date", r"(?:{pos}\s?)?{month},?\s+(?:of\s+)?{year}(?:\s+{bc})?"),
    ("date", r"(?:{pos}\s?)?{month},?\s+(?:of\s+)?{bcyear}\s*{bc}"),
    ("date", r"(?:(?:the|The)\s+)?(?:{pos}\s?)?{season},?\s+(?:of\s+)?{bcyear}\s*{bc}"),
    ("date", r"(?:{pos}\s?)?{bcyear}\s*{bc}"),
    # years of the common era marked as such: "AD 79", "A.D. 1066", "79 AD", "200 CE"
    ("date", r"(?:{pos}\s?)?(?:AD|A\.D\.)\s?{bcyear}(?![\d.,]?\d)"),
    ("date", r"(?:{pos}\s?)?{bcyear}\s?(?:AD|A\.D\.|CE)"),
    ("date", r"{pos}[\s-]?{year}"),
    ("date", r"{pos}\s?(?:(?:the|The)\s+)?year"),
    ("date", r"{pos}[\s-]?{month}(?:\s+of\s+" + _SAME_YEAR + r")?"  # "late-November"
             r"(?!,?\s+(?:last|this|next)\s+year\b)"),  # "early October this year": below
    ("date", r"{month}\s+of\s+" + _SAME_YEAR),
    # "June last year", "January this year"
    ("date", r"(?:{pos}\s?)?{month}(?:\s+{day}(?:{ordsuffix})?)?,?\s+(?=(?:last|this|next)\s+year\b){rel}\s+year"),
    ("date", r"(?:(?:the|The)\s+)?(?:{pos}\s?)?{season},?\s+(?:of\s+)?(?:{year}|{yearword})"),
    ("date", r"{year}\s+{season}(?!\s+(?:of\b|[A-Z]))"),  # "the 1982 summer"
    ("date", r"(?:{pos}\s?)?{month},?\s+(?:of\s+)?{yearword}"),
    # "the last half of the '80s": a part of the decade, not of the current year
    ("decade", r"(?:the|The)\s+(?:first|last|second|latter)\s+half\s+of\s+the\s+'?{decade}'?s"),
    # company reports: "last year" as the term of a comparison -- after an amount
    # ("from $3 million last year"), as a possessive before one ("last year's $1.5
    # billion", "last year's results") or "the corresponding period last year" --
    # is the period reported on, a year before (see resolve._compared_year)
    ("compared_year", r"(?:(?:the|The)\s+(?:corresponding|comparable|same)\s+period\s+)"
                      r"(?:last|Last)\s+year"),
    ("compared_year", r"(?:(?<=million\s)|(?<=billion\s)|(?<=a\sshare\s)|(?<=cents\s))"
                      r"last\s+year(?!'s)"),
    ("compared_year", r"(?:last|Last)\s+year(?:'s\s+quarter|(?='s\s+(?:\$|results|earnings|net|"
                      r"profit|loss|sales|revenue)))"),
    # company reports: "the year-ago quarter", "the quarter", "the 1988 second quarter"
    ("prior_period", r"(?:(?:the|The)\s+)?(?:comparable\s+)?(?:year|Year)[- ](?:ago|earlier)"
                     r"(?:\s+(?:{partord}[\s-]+)?(?:quarter|period|nine\s+months))?"),
    # "the quarter a year ago", "the same period a year earlier": one expression
    ("prior_period", r"(?:the|The)\s+(?:same\s+)?(?:{partunit}|period)\s+(?:a|one)\s+year\s+(?:ago|earlier|before)"),
    ("date", r"(?:(?:the|The)\s+)?(?:{rel}\s+)?(?:fiscal[\s-]+)?{partord}[\s-]+{partunit}(?:\s+of\s+{year})?"),
    ("date", r"(?:(?:the|The)\s+)?{year}(?:'s)?\s+(?:fiscal[\s-]+)?{partord}[\s-]+{partunit}"),
    # quarters and halves written as codes, as business news does: "Q3 2019",
    # "H1 2018", "2019 Q3"; a bare "Q3" only after a preposition of time
    ("part_code", r"(?:(?:the|The)\s+)?(?P<code>Q|H(?=[12]))(?P<order>[1-4])\s+(?:of\s+)?(?:FY\s?|fiscal\s+)?{year}"),
    ("part_code", r"{year}\s+(?P<code>Q|H(?=[12]))(?P<order>[1-4])"),
    ("part_code", r"(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s)|(?<=\b[Ff]or\s)|(?<=\bthe\s)|(?<=\b[Ss]ince\s))"
                  r"(?P<code>Q)(?P<order>[1-4])"),
    ("part_of_year", r"{rel}\s+year's\s+(?:fiscal[\s-]+)?{partord}[\s-]+{partunit}"),
    ("latest_period", r"(?:the|The)\s+latest\s+(?:{partunit}|period)(?![\s-]+(?:of|century|dozen|mile)\b)"),
    ("period", r"(?:the|The|that|That)\s+(?:same\s+)?(?:{partunit}|period)(?![\s-]+(?:of|century|dozen|mile)\b)(?!-to-)"),
    ("period", r"(?:(?:the|The)\s+)?{year}\s+(?:{partunit}|period)(?![\s-]+(?:of|century|dozen|mile))"),
    ("decade", r"(?:(?:the|The)\s+)?(?:{pos}\s?" + _OF_THE + r")?'?{decade}'?s"),
    # "the nineties" (but "in his forties" is an age)
    ("decade", r"(?:the|The)\s+(?:{pos}\s?" + _OF_THE + r")?{decadeword}"),
    ("century", r"(?:(?:the|The)\s+)?(?:{pos}\s?" + _OF_THE + r")?{ordnum}(?:{ordsuffix})\s+century(?:\s+{bc}|\s+(?:AD|A\.D\.))?"),
    ("century", r"(?:(?:the|The)\s+)?(?:{pos}\s?" + _OF_THE + r")?{ordword}\s+century(?:\s+{bc}|\s+(?:AD|A\.D\.))?"),
    # a clock time with its zone and day: "5 p.m. EST, Nov. 9", "9 a.m. EDT Tuesday",
    # "4 in the morning"; "around" is spelled out, not {approx}, so that the
    # prefilter tries the pattern only there (its meaning comes from APPROX);
    # after "on" the date is an expression of its own ("5:00 am on October 3, 1935")
    # the day may follow a time given in another zone: "at 10:35 a.m. (0735 GMT) Friday"
    ("time", r"{hour}(?::{minute})?\s*{ampm}(?:\s+{tz})?"
             r"(?=\s+\([^()\n]{1,25}\),?\s+(?:on\s+)?{weekday}\b)"),
    ("time", r"(?:(?P<approx>around|Around)\s+)?{hour}(?::{minute})?(?:\s*{ampm}|\s+in\s+the\s+{daypart})(?:\s+{tz})?(?:(?:\s+on|,?)\s+{weekday}|,?\s+"
             r"{month}\s+{day}(?:{ordsuffix})?(?:,?\s+{year})?(?!\d)(?:\s+" + _ZONE + r"(?!\w))?)?"),
    ("time", r"{hour}:{minute}(?![:\d])(?:\s*{ampm})?"),
    ("time", r"{clockword}(?:\s+{weekday})?"),
    ("time", r"{deictic}\s+{daypart}"),
    ("time", r"{daypart}\s+(?=yesterday|today|tomorrow){deictic}"),  # "mid-afternoon yesterday"
    ("time", r"{weekday}\s+{daypart}"),
    ("time", r"(?:early|late|{pos})\s+{daypart}"),
    ("time", r"(?:early\s+)?{rel}\s+{daypart}"),
    # "two days after the battle", "the day before Obama's speech": anchored
    # at an event (see ANCHOR_EXTENT for the narrative span)
    ("anchored", _APPROX + r"(?:{num}|{vaguequant})\s+{unit}" + _AND_A_HALF
                 + r"(?=\s+(?=after\b|before\b){direction}\s+(?!\d(?!\d?\s+[A-Z][a-z]+\s+\d\d\d\d))\w)"),
    # "two days later", "a week before."
    ("offset", _APPROX + r"{num}\s+{unit}" + _AND_A_HALF
               + r"\s+(?:or\s+so\s+)?(?!after\s+\w|before\s+\w){direction}"),
    ("offset", _APPROX + r"(?:{vaguequant}\s+)?{unit}\s+(?=later|earlier|ago)\b{direction}"),
    ("relative", r"{rel}\s+{weekday}"),
    ("relative", r"{rel}\s+{month}(?!\.?\s*\d)"),
    ("relative", r"{rel}\s+{season}"),
    # "the last week of August", "the first ten months of 1915": a stretch
    ("duration", r"(?:(?:the|The)\s+)?(?:first|last|final)\s+(?:{num}\s+)?{unit}\s+of\s+"
                 r"{month}(?:,?\s+{year})?"),
    ("duration", r"(?:(?:the|The)\s+)?(?:first|last|final)\s+(?:{num}\s+)?{unit}\s+of\s+{year}"),
    # "the last month of the war", "the final day of the battle": a unit of the
    # event named, like "the first day" -- not the month before this one
    ("duration", r"(?P<vaguequant>(?:the|The)\s+(?:last|final))\s+(?=(?:day|week|month|year)\s+of\s){unit}"),
    ("duration", _APPROX + r"(?![Aa]n?\s+\S+-){num}[\s-]+(?:more\s+|additional\s+|full\s+)?{unit}"
                 + _AND_A_HALF + r"(?:[\s-]long)?"
                 r"(?:\s+or\s+so)?"),
    # "the year ended March 31": the twelve months up to that day, like "the six months ended"
    ("year_ended", r"(?:the|The)\s+(?:fiscal\s+)?year"
                   r"(?=\s+end(?:ed|ing)\s+(?:[A-Z][a-z]|\d|today|tomorrow|yesterday))"),
    ("duration", _APPROX + r"{vaguequant}\s+(?:full\s+|fiscal\s+)?{unit}(?!-to-)"),
    # a bare plural after a preposition: "for weeks", "within months"
    ("duration", r"(?:(?<=[Ff]or\s)|(?<=[Ww]ithin\s)|(?<=in\s)|(?<=follows\s)|(?<=after\s))"
                 r"(?=(?:days|weeks|months|years|decades|centuries)\b){unit}"),
    ("duration", r"{unit}-long"),
    # "next week", "early next year", "the end of this week", "the next year or so"
    ("relative", r"(?:{pos}\s?)?{rel}\s+(?:fiscal\s+(?=year\b))?{unit}(?:\s+or\s+so)?"),
    ("sameunit", r"{pos}\s?(?:the|The)\s+(?=week\b|month\b){unit}"),
    ("set", r"{every}\s+(?:{weekday}|{month}(?!\s*\d))"),
    # a part of day in the plural repeats: "on Tuesday nights", "Sunday mornings"
    ("set", r"{weekday}s?\s+(?=(?:mornings|afternoons|evenings|nights)\b){daypart}s"),
    # ... and so does the weekday paired with it: "on [Monday] and [Tuesday nights]"
    ("set", r"{weekday}(?=\s+(?:and|or)\s+[A-Z][a-z]+days?\s+(?=(?:mornings|afternoons|evenings|nights)\b){daypart}s)"),
    ("set", r"{every}\s+(?:{num}\s+)?{unit}"),
    # a frequency: "twice a year", "three times a week", "once a month" (SET P1Y)
    ("set", r"(?:[Oo]nce|[Tt]wice|(?:three|four|five|six|several|many|\d{1,2})\s+times)\s+"
            r"(?:a|an|per|each|every)\s+(?=(?:day|week|month|year|hour)\b){unit}"
            r"(?!\s+(?:ago|earlier|later|before|after)\b)"),
    ("set", r"{setword}"),
    ("duration", r"{vagueunitadj}"),
    # "Easter week", "Christmas week": the calendar week holding the holiday
    ("holiday_week", r"{holiday}\s+week(?![\s-]+(?:end|long)\b)"),
    ("holiday", r"{holiday}(?:\s+{year})?"),
    # "by year-end", "around year end", "by year's end": the end of the current year
    ("year_end", r"(?:(?:around|Around)\s+)?(?:year|Year)(?:'s)?[- ]end(?![- ]\w)"),
    ("deictic", r"(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?{deictic}"),
    # "the past" is no noun before an amount: "for the past three summers"
    ("vague", r"{vague}(?!(?<=past)\s+(?:\d|{numword}\b|few\b|several\b))"),
    ("date", r"(?:(?:the|The)\s+)?(?:{pos}\s?)?{season}"),
    ("date", r"{month}(?!\s*\d)"),
    # a possessive ("Wednesday's ruling") names an event reported: a day gone by
    # "late Sunday", "early Monday": the day, mod END / START (TimeML spans the modifier)
    ("date", r"(?=[Ee]arly\s|[Ll]ate\s){pos}\s+{weekday}(?!'s|\s+(?:{daypart}|the\b))"),
    ("date", r"{weekday}(?=(?P<possessive>'s)\b)"),
    ("date", r"{weekday}"),
    ("time", r"{daypart}"),
    # "FY2018", "FY18": a fiscal year, whatever count noun follows ("FY18 sales")
    ("date", r"FY\s?(?:{year}|'?{yy}(?![\d']))"),
    # "around 1500", "c. 1200", "circa 1450": an approximate year, mod APPROX
    ("year", r"(?P<approx>[Aa]round|[Aa]bout|[Cc]irca|c\.|ca\.)\s?(?=\d\d\d\d\b){year}"),
    ("year", r"(?:fiscal\s+)?{year}"),
    ("year", r"'{yy}(?![\d']|\s*s\b)"),
    # a day of the month last named: "the enemy's onslaught on the 20th was repulsed"
    ("dayonly", r"(?:(?<=\b[Oo]n\s)|(?<=\b[Ff]rom\s)|(?<=\b[Bb]y\s)|(?<=\b[Uu]ntil\s)|(?<=\bto\s))"
                r"the\s+{day}{ordsuffix}"
                r"(?=\s*[,.;:)]|\s+(?:and|to|was|were|when|as|the)\b)"),
    # the bare second half of a range: "1915-17", "April 6-7", "May 4 and 5"
    ("range_end", r"(?<=\d\d\d\d[-–]){yy}(?![\d.,:/-]?\d)"),
    ("range_end", r"(?:(?<=\d[-–])|(?<=\d\s[-–]\s)|(?<=\sand\s)|(?<=\sto\s)){day}(?:{ordsuffix})?"
                  r"(?:,\s*{year})?(?![\d.,:/-]?\d)(?!\s+(?:of\s+)?{month})"),
]
