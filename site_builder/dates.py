"""PartialDate: a TIMEX3 date value kept at its own granularity.

One type serves article dates, time-expression values and event dates.
In: a TIMEX3 value string such as ``2017``, ``2017-07``, ``2017-W45``,
``2017-SU``, ``2017-Q3``, ``2017-11-10``, ``2017-11-10T16:30``, ``197``
(the 1970s), ``19`` (the 20th century) or ``BC0300``.
Out: its granularity, its first and last day, and a sort key that places a
month after every day of the month before it and before every day of the
month after it (so ``2017-07`` never pretends to be 1 July).
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

# Granularities from coarse to fine; the order matters for comparisons.
GRANULARITIES = ("century", "decade", "year", "half", "quarter", "season",
                 "month", "week", "day", "time")

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_QUARTER_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}
_HALF_MONTHS = {"H1": (1, 6), "H2": (7, 12)}

_VALUE = re.compile(
    r"(?P<bc>BC)?(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<time>[\dX:.]+|MO|AF|EV|NI|DT))?)?"
    r"|W(?P<week>\d{2})(?:-(?P<wd>[1-7]|WE))?"
    r"|(?P<part>SP|SU|FA|WI|Q[1-4]|H[12])))?$"
)
_DECADE = re.compile(r"(?P<bc>BC)?(?P<dec>\d{3})$")
_CENTURY = re.compile(r"(?P<bc>BC)?(?P<cen>\d{2})$")


@dataclass(frozen=True, order=False)
class PartialDate:
    """A calendar date known only down to some granularity.

    ``value`` is the TIMEX3 string; everything else is derived from it.
    Values that are not anchored in the calendar (``XXXX-07``,
    ``PRESENT_REF``) parse with ``is_calendar`` false and cannot be sorted.
    """

    value: str

    @cached_property
    def _parts(self) -> dict | None:
        return _parse(self.value)

    @property
    def is_calendar(self) -> bool:
        """True when the value names a span of the calendar."""
        return self._parts is not None

    @property
    def granularity(self) -> str:
        return self._parts["granularity"] if self._parts else "unknown"

    @property
    def year(self) -> int | None:
        return self._parts["year"] if self._parts else None

    @property
    def month(self) -> int | None:
        """The month for month, week, day and time values; else None."""
        if not self._parts or self.granularity not in ("month", "week", "day", "time"):
            return None
        return self.first_day.month

    @property
    def day(self) -> int | None:
        return self._parts["day"] if self._parts and self.granularity in ("day", "time") else None

    @property
    def time(self) -> str | None:
        return self._parts.get("time") if self._parts else None

    @property
    def first_day(self) -> _dt.date:
        if not self._parts:
            raise ValueError(f"{self.value!r} is not a calendar date")
        return self._parts["first"]

    @property
    def last_day(self) -> _dt.date:
        if not self._parts:
            raise ValueError(f"{self.value!r} is not a calendar date")
        return self._parts["last"]

    @cached_property  # a large site sorts ~10^4 events by it, and dates repeat
    def sort_key(self) -> tuple:
        """Orders spans by their start, coarser spans first on a tie.

        ``2017-07`` sorts after every day of June and before 1 July, so it
        stands at the head of its month rather than on one of its days.
        """
        if not self._parts:
            return (9999, 99, 99, 99, "")
        first = self._parts["first"]
        year = self._parts["year"]
        rank = GRANULARITIES.index(self.granularity)
        return (year, first.month if year > 0 else 0, first.day, rank, self._parts.get("time") or "")

    def contains(self, other: "PartialDate") -> bool:
        """True when ``other`` lies within this span (both calendar values)."""
        if not (self.is_calendar and other.is_calendar):
            return False
        return self.first_day <= other.first_day and other.last_day <= self.last_day

    def overlaps(self, other: "PartialDate") -> bool:
        if not (self.is_calendar and other.is_calendar):
            return False
        return self.first_day <= other.last_day and other.first_day <= self.last_day

    def truncate(self, granularity: str) -> "PartialDate":
        """This date cut down to ``granularity`` (year, month or day)."""
        if granularity == "year":
            return PartialDate(self.value[:4] if not self.value.startswith("BC") else self.value[:6])
        if granularity == "month" and self.granularity in ("day", "time", "month"):
            return PartialDate(self.value[:7])
        if granularity == "day" and self.granularity in ("day", "time"):
            return PartialDate(self.value[:10])
        return self

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"PartialDate({self.value!r})"

    def __reduce__(self):
        # Pickled as its value and, once worked out, its parts: loading the
        # article cache then makes one object per distinct value (~2,000 for
        # ~10,000 events), not one per event with two dates each.
        parts = self.__dict__.get("_parts", _UNPARSED)
        return (_loaded_date, (self.value,) if parts is _UNPARSED else (self.value, parts))


_UNPARSED = object()
#: value → the PartialDate loaded for it: dates are immutable, so one is shared.
_LOADED: dict[str, PartialDate] = {}
_LOADED_MAX = 1 << 16


def _loaded_date(value: str, parts: dict | None = _UNPARSED) -> PartialDate:
    """An unpickled :class:`PartialDate` (see its ``__reduce__``)."""
    date = _LOADED.get(value)
    if date is None:
        if len(_LOADED) >= _LOADED_MAX:
            _LOADED.clear()
        date = _LOADED[value] = PartialDate(value)
        if parts is not _UNPARSED:
            date.__dict__["_parts"] = parts
    return date


def _clamp_year(year: int) -> int:
    # datetime.date only covers 1..9999; BC years and year 0 are clamped for
    # span arithmetic but keep their true number in ``year``.
    return min(max(year, 1), 9999)


def _span(year: int, m1: int, m2: int) -> tuple[_dt.date, _dt.date]:
    y = _clamp_year(year)
    first = _dt.date(y, m1, 1)
    if m2 > 12:  # winter runs into the next year
        y2 = min(y + 1, 9999)
        m2 -= 12
    else:
        y2 = y
    return first, _dt.date(y2, m2, calendar.monthrange(y2, m2)[1])


@lru_cache(maxsize=8192)
def _parse(value: str) -> dict | None:
    # Cached: the same few thousand values are parsed again by every new
    # PartialDate of them (anchors, ranks, merge keys); the dicts are never changed.
    m = _VALUE.match(value)
    if m:
        return _parse_ymd(m)
    m = _DECADE.match(value)
    if m:
        start = int(m["dec"]) * 10 * (-1 if m["bc"] else 1)
        first, _ = _span(start, 1, 12)
        _, last = _span(start + 9, 1, 12)
        return {"granularity": "decade", "year": start, "day": None, "first": first, "last": last}
    m = _CENTURY.match(value)
    if m:
        start = int(m["cen"]) * 100 * (-1 if m["bc"] else 1)
        first, _ = _span(start, 1, 12)
        _, last = _span(start + 99, 1, 12)
        return {"granularity": "century", "year": start, "day": None, "first": first, "last": last}
    return None


def _parse_ymd(m: re.Match) -> dict | None:
    year = int(m["year"]) * (-1 if m["bc"] else 1)
    if m["month"]:
        month = int(m["month"])
        if not 1 <= month <= 12:
            return None
        if m["day"]:
            day = int(m["day"])
            y = _clamp_year(year)
            if not 1 <= day <= calendar.monthrange(y, month)[1]:
                return None
            d = _dt.date(y, month, day)
            gran = "time" if m["time"] else "day"
            return {"granularity": gran, "year": year, "day": day, "first": d, "last": d,
                    "time": m["time"]}
        first, last = _span(year, month, month)
        return {"granularity": "month", "year": year, "day": None, "first": first, "last": last}
    if m["week"]:
        week = int(m["week"])
        y = _clamp_year(year)
        try:
            first = _dt.date.fromisocalendar(y, week, 1)
        except ValueError:
            return None
        last = first + _dt.timedelta(days=6)
        if m["wd"] == "WE":
            first = first + _dt.timedelta(days=5)
        elif m["wd"]:
            first = last = first + _dt.timedelta(days=int(m["wd"]) - 1)
            return {"granularity": "day", "year": year, "day": first.day, "first": first,
                    "last": last}
        return {"granularity": "week", "year": year, "day": None, "first": first, "last": last}
    if m["part"]:
        part = m["part"]
        table = (_SEASON_MONTHS if part in _SEASON_MONTHS else
                 _QUARTER_MONTHS if part in _QUARTER_MONTHS else _HALF_MONTHS)
        gran = ("season" if part in _SEASON_MONTHS else
                "quarter" if part in _QUARTER_MONTHS else "half")
        first, last = _span(year, *table[part])
        return {"granularity": gran, "year": year, "day": None, "first": first, "last": last}
    first, last = _span(year, 1, 12)
    return {"granularity": "year", "year": year, "day": None, "first": first, "last": last}
