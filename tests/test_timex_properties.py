"""Properties that hold for any input, and linear running time."""
import re
import time

from hypothesis import given, settings, strategies as st

from site_builder.timex import tag

# Well-formed TIMEX3 values: calendar dates (X for unknown digits), weeks,
# seasons/quarters/halves, decades, centuries, times, durations, *_REF.
VALUE = re.compile(
    r"(?:BC)?(?:[\dX]{4}(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{2}(?:-(?:[1-7]|WE|WD))?|"
    r"SP|SU|FA|WI|Q[1-4X]|H[12]))?|\d{2,3})(?:T(?:\d{2}(?::\d{2})?|MO|MI|AF|EV|NI|DT))?"
    r"|T\d{2}:\d{2}|P(?:T?(?:[\d.]+|X)(?:Y|M|W|D|H|S|DE|CE|Q|WE|ML))+"
    r"|(?:PRESENT|PAST|FUTURE)_REF")

PIECES = ["Juli", "July", "7.", " ", "1937", "am", "Freitag", "Friday", "Nr.", "2254", ".",
          "4:45", "Uhr", "p.m.", "drei", "Jahre", "years", "ago", "später", "last", "week",
          "v. Chr.", "BC", "90er", "1990s", "Jahrhundert", "century", "\n", ",", "-", "/",
          "heute", "yesterday", "jeden", "every", "Anfang", "mid-", "im", "selben", "Jahr",
          "0", "9", "31", "12/", "2.000", "Weihnachten", "the", "of"]
texts = st.one_of(st.text(max_size=200),
                  st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
dcts = st.sampled_from([None, "2017-11", "2017-11-10", "1989-10-27", "2017"])


@settings(max_examples=300, deadline=None)
@given(text=texts, dct=dcts, lang=st.sampled_from(["de", "en"]),
       genre=st.sampled_from(["news", "narrative"]))
def test_output_is_well_formed(text, dct, lang, genre):
    out = tag(text, dct, lang, genre)
    prev_end = 0
    for t in out:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= prev_end, "spans overlap or are unsorted"
        prev_end = t.end
        assert t.text == text[t.start:t.end]
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert VALUE.fullmatch(t.value), t.value
        assert t.mod in (None, "START", "MID", "END", "APPROX", "BEFORE", "AFTER",
                         "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "EQUAL")


def _seconds(text, lang):
    t0 = time.perf_counter()
    tag(text, "2017-11-10", lang, "news")
    return time.perf_counter() - t0


def test_adversarial_input_runs_in_linear_time():
    """4x the text must not take much more than 4x the time (no blow-up)."""
    unit = ("1.1.1.1.1 2017 Juli July Jan. 1999 12:30 v. Chr. 7. 7. 7. Jahre years "
            "Anfang Ende Mitte der 90er 2.000 Nr. 1234 ....... 111111111111 ")
    for lang in ("de", "en"):
        small = unit * (250_000 // len(unit))
        large = small * 4
        t_small = min(_seconds(small, lang) for _ in range(2))
        t_large = _seconds(large, lang)
        assert t_large < 10 * t_small + 0.5, (lang, t_small, t_large)
