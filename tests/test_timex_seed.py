"""The dpa seed article: the figures the end-to-end build relies on."""
from pathlib import Path

import pytest

from site_builder.timex import tag

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_8d4080564ea0615d.txt"


@pytest.fixture(scope="module")
def seed_timexes():
    raw = SEED.read_text(encoding="utf-8")
    text = raw.replace("date 2017-11", " " * len("date 2017-11"), 1)
    return text, {t.text: t for t in tag(text, "2017-11", "de", "news")}


def test_past_tense_months_resolve_to_this_year(seed_timexes):
    _, found = seed_timexes
    assert (found["April"].type, found["April"].value) == ("DATE", "2017-04")
    assert (found["Juli"].type, found["Juli"].value) == ("DATE", "2017-07")


def test_weekday_with_month_only_dct_stays_at_month(seed_timexes):
    _, found = seed_timexes
    assert found["Freitag"].value == "2017-11"


def test_vague_and_durations(seed_timexes):
    _, found = seed_timexes
    assert found["derzeit"].value == "PRESENT_REF"
    assert (found["Jahrzehnten"].type, found["Jahrzehnten"].value) == ("DURATION", "PXDE")
    assert found["den vergangenen Monaten"].type == "DURATION"


def test_identifiers_and_counts_are_not_years(seed_timexes):
    text, found = seed_timexes
    for t in found.values():
        assert "2254" not in t.text and "G20" not in t.text and "Apec" not in t.text
        assert t.text == text[t.start:t.end]
