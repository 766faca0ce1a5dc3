"""PartialDate keeps a date at its granularity and sorts spans sensibly."""
from __future__ import annotations

import pytest

from site_builder.dates import PartialDate as D


@pytest.mark.parametrize("value,granularity", [
    ("2017", "year"), ("2017-07", "month"), ("2017-07-07", "day"), ("2017-07-07T16:30", "time"),
    ("2017-W45", "week"), ("2017-SU", "season"), ("2017-Q3", "quarter"), ("2017-H2", "half"),
    ("197", "decade"), ("19", "century"), ("BC0300", "year"),
])
def test_granularity(value, granularity):
    assert D(value).granularity == granularity and D(value).is_calendar


@pytest.mark.parametrize("value", ["XXXX-07", "PRESENT_REF", "2017-13", "2017-02-30", "P3Y", ""])
def test_not_calendar(value):
    assert not D(value).is_calendar


def test_month_sorts_between_months_not_on_a_day():
    june30, july, july1, aug1 = D("2017-06-30"), D("2017-07"), D("2017-07-01"), D("2017-08-01")
    assert june30.sort_key < july.sort_key < july1.sort_key < aug1.sort_key
    assert D("2016-12-31").sort_key < D("2017").sort_key < D("2017-01").sort_key


def test_spans_and_containment():
    assert D("2017-07").first_day.isoformat() == "2017-07-01"
    assert D("2017-07").last_day.isoformat() == "2017-07-31"
    assert D("2017-WI").last_day.isoformat() == "2018-02-28"
    assert D("2017").contains(D("2017-07-07")) and not D("2017-07").contains(D("2017"))
    assert D("197").contains(D("1979")) and not D("197").contains(D("1980"))
    assert D("BC0300").sort_key < D("0001").sort_key
