"""Normalising mentions to TIMEX3 values against a reference time.

In: a :class:`~.engine.Mention` (kind + meanings of its parts), the language
tables and a :class:`Context` holding the document date, the genre and the
most recent fully specified date of the text.  Out: ``(type, value, mod)``.

News resolves deictic words ("gestern", "last week") against the document
date and year-less dates against it plus the tense of the sentence;
narratives resolve against the last date mentioned.  A reference known only
to the month never yields a day: the value stays at month granularity.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# TIMEX3 duration spelling per unit code.
_DURATION = {"Y": ("P", "Y"), "M": ("P", "M"), "W": ("P", "W"), "D": ("P", "D"),
             "H": ("PT", "H"), "MIN": ("PT", "M"), "S": ("PT", "S"), "DE": ("P", "DE"),
             "CE": ("P", "CE"), "Q": ("P", "Q"), "WE": ("P", "WE"), "ML": ("P", "ML")}
# TimeML news writes ISO 8601 units only: decades and centuries as years.
_IN_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
# A fraction of a unit expressed in the next smaller one (1.5 years = 18 months).
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
            "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3)}
# Months in a part of a year: quarter, half.
_PART_MONTHS = {"Q": 3, "H": 6}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Sets of one unit as TIMEX2 (narrative corpora) writes them.
_TIMEX2_SET = {"P1D": "XXXX-XX-XX", "P1W": "XXXX-WXX", "P1M": "XXXX-XX", "P1Y": "XXXX"}
# In news, a clock time belongs to a day named at most this many characters before.
_NEAR = 250


@dataclass(frozen=True)
class Point:
    """A calendar reference known to some granularity (month/day may be None)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        if self.month is None or self.day is None or not 1 <= self.year <= 9999:
            return None
        return dt.date(self.year, self.month, self.day)

    @classmethod
    def parse(cls, value: str | None) -> "Point | None":
        """``2017``, ``2017-11`` or ``2017-11-10`` (longer values cut) -> Point."""
        if not value or len(value) < 4 or not value[:4].isdigit():
            return None
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else None
        day = int(value[8:10]) if month and len(value) >= 10 and value[8:10].isdigit() else None
        return cls(year, month, day)


@dataclass
class Context:
    """Reference times for one document; ``last`` moves as dates are read."""

    dct: Point | None
    genre: str
    last: Point | None = None
    # The last quarter or half-year named, (year, code, n): "the quarter" and
    # "a year earlier" in a report on a quarter refer to it.
    last_part: tuple | None = None
    # The explicit year of the next mention when this one opens a range with
    # it ("18 August - 15 September 1951"); set per mention by the caller.
    range_year: int | None = None
    last_at: int = -1  # where the mention that set ``last`` ends
    # (end offset, value) of the previous time expression: the other half of
    # a range such as "6-7 January 1916" or "1915-17".
    previous: tuple = (-1, "")
    # True when only a comma or dash separates this mention from the previous
    # expression: an apposition ("Oct. 12, the day before the plunge").
    apposed: bool = False
    # (offset, year) of the years named in headings (see engine.heading_years)
    headings: tuple = ()

    def heading_after(self, offset: int, year: int) -> bool:
        """Whether a heading after ``offset`` names ``year``."""
        return any(pos > offset and y == year for pos, y in self.headings)

    def anchor(self, deictic: bool) -> Point | None:
        """The reference for a relative expression.

        Deictic words in news count from the document date; everything else
        counts from the last date mentioned, falling back to the other one.
        """
        if deictic and self.genre == "news":
            return self.dct or self.last
        return self.last or self.dct


# ---------------------------------------------------------------- formatting

def year_str(year: int) -> str:
    """TIMEX3 year: ``0490``; BC years (negative) as ``BC0490``."""
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def fmt(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """A calendar value at the finest granularity given; X for an unknown year."""
    out = "XXXX" if year is None else year_str(year)
    if month is not None:
        out += f"-{month:02d}"
        if day is not None:
            out += f"-{day:02d}"
    return out


def point_value(p: Point | None) -> str:
    return fmt(p.year, p.month, p.day) if p else "XXXX-XX-XX"


def duration(num: float | None, unit: str) -> str:
    """``P3Y``, ``PT90M``, ``P18M`` (for 1.5 years) or ``PXY`` when ``num`` is None."""
    if num is None:
        pre, code = _DURATION[unit]
        return f"{pre}X{code}"
    if num != int(num) and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        if (num * factor) == int(num * factor):
            return duration(num * factor, smaller)
    pre, code = _DURATION[unit]
    n = int(num) if num == int(num) else num
    return f"{pre}{n}{code}"


# ---------------------------------------------------------------- arithmetic

def iso_duration(num: float | None, unit: str) -> str:
    """A duration in ISO 8601 units, as TimeML writes them: ``P20Y`` for two
    decades, ``P2Y6M`` for 2 1/2 years, ``PT5H30M``.  An unknown number of
    decades stays ``PXDE``: "some years" would lose what the text says."""
    if unit in _IN_YEARS and num is not None:
        return duration(num * _IN_YEARS[unit], "Y")
    if num is None or num == int(num) or unit not in _SMALLER or unit in ("W", "DE", "CE", "Q"):
        return duration(num, unit)
    smaller, factor = _SMALLER[unit]
    rest = (num - int(num)) * factor
    if rest != int(rest):
        return duration(num, unit)
    whole, part = duration(int(num), unit), duration(rest, smaller)
    if int(num) == 0:
        return part
    if part.startswith("PT") and not whole.startswith("PT"):
        return whole + part[1:]          # P1D + PT12H -> P1DT12H
    return whole + part[len("PT") if whole.startswith("PT") else 1:]


def shift(ref: Point | None, unit: str, n: int) -> str:
    """The ``unit`` containing ``ref`` moved by ``n`` units, as a TIMEX3 value.

    Falls back to the reference's own granularity when it is coarser than
    the unit asked for (a month-only reference never yields a day).
    """
    if ref is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX"}.get(unit, "XXXX-XX-XX")
    if unit == "Y":
        return year_str(ref.year + n)
    if unit in ("DE", "CE"):
        size = 10 if unit == "DE" else 100
        # BC years count down: 485 BC lies in the 480s BC ("BC048")
        k = ref.year // size if ref.year >= 0 else -(-ref.year // size)
        k += n
        width = 3 if unit == "DE" else 2
        return f"BC{-k:0{width}d}" if ref.year < 0 else f"{k:0{width}d}"
    if ref.month is None:
        return year_str(ref.year)
    if unit == "M":
        y, m = divmod(ref.year * 12 + ref.month - 1 + n, 12)
        return fmt(y, m + 1)
    if unit == "Q":
        y, q = divmod(ref.year * 4 + (ref.month - 1) // 3 + n, 4)
        return f"{year_str(y)}-Q{q + 1}"
    d = ref.date
    if d is None:
        return fmt(ref.year, ref.month)
    try:
        if unit in ("W", "WE"):
            y, w, _ = (d + dt.timedelta(weeks=n)).isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else "")
        if unit in ("D", "H", "MIN", "S"):
            nd = d + dt.timedelta(days=n if unit == "D" else 0)
            return fmt(nd.year, nd.month, nd.day)
    except OverflowError:
        return fmt(ref.year, ref.month)
    return fmt(ref.year, ref.month, ref.day)


def shift_point(ref: Point, unit: str, n: int) -> Point | None:
    """``ref`` moved by ``n`` units, keeping its granularity when possible."""
    if unit == "Y":
        return Point(ref.year + n, ref.month, ref.day)
    if unit == "M" and ref.month:
        y, m = divmod(ref.year * 12 + ref.month - 1 + n, 12)
        return Point(y, m + 1, None)
    d = ref.date
    if d is None:
        return None
    days = {"D": 1, "W": 7}.get(unit)
    if days is None:
        return None
    try:
        nd = d + dt.timedelta(days=n * days)
    except OverflowError:
        return None
    return Point(nd.year, nd.month, nd.day)


def year_for(month: int, day: int | None, ref: Point, tense: str | None, news: bool) -> int:
    """The year of a year-less date: the reference year, moved by tense in news.

    Past tense never points after the document date, future never before;
    without a tense the date nearest the document date wins.
    """
    year = ref.year
    if not news or ref.month is None:
        return year
    mine = (month, day or 0)
    theirs = (ref.month, ref.day or 0) if day else (ref.month, 0)
    here = ref.month * 31 + (ref.day or 15)
    there = month * 31 + (day or 15)
    # A date within two months after the document date is a deadline or plan
    # even in a past-tense sentence ("extended the offer to Nov. 20").
    if tense == "past" and mine > theirs and there - here > 62:
        return year - 1
    if tense == "future" and mine < theirs:
        return year + 1
    if tense is None:
        # No tense: the nearer of last, this and next year's date
        # ("am 14. Jänner" in a December article is next month).
        if there - here > 6 * 31:
            return year - 1
        if here - there > 6 * 31:
            return year + 1
    return year


def weekday_date(ref: Point, weekday: int, direction: int) -> Point | None:
    """The ``weekday`` (1=Monday) nearest ``ref``: before it (-1), after (+1), same week (0)."""
    d = ref.date
    if d is None:
        return None
    cur = d.isoweekday()
    if direction < 0:
        delta = -((cur - weekday) % 7)
    elif direction > 0:
        delta = (weekday - cur) % 7
    else:
        delta = weekday - cur
    try:
        nd = d + dt.timedelta(days=delta)
    except OverflowError:  # the Saturday after 31 December 9999
        return None
    return Point(nd.year, nd.month, nd.day)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(spec, year: int) -> tuple[int, int]:
    """(month, day) of a holiday spec in ``year`` (see the ``HOLIDAYS`` tables)."""
    if isinstance(spec, str):
        month, day = spec.split("-")
        return int(month), int(day)
    if spec[0] == "easter":
        d = easter(max(year, 1583)) + dt.timedelta(days=spec[1])
        return d.month, d.day
    # ("nth", month, weekday, n[, days after]); n = -1 means last
    _, month, weekday, n, *after = spec
    if n > 0:
        first = dt.date(year, month, 1)
        day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (n - 1) + sum(after)
        return month, day
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return month, nxt.day - (nxt.isoweekday() - weekday) % 7


# ---------------------------------------------------------------- interpreters

def _word(lookup: dict, name: str, parts: dict):
    """The meaning of part ``name`` (whitespace-normalised), or None."""
    raw = parts.get(name)
    if raw is None:
        return None
    table = lookup[name]
    key = " ".join(raw.split())
    if key in table:
        return table[key]
    return table.get(key[:1].upper() + key[1:], table.get(key.lower()))


def _word_of(parts: dict, name: str) -> str:
    """Part ``name`` as written, lower-case and whitespace-normalised ("" if absent)."""
    return " ".join(parts.get(name, "").split()).lower()


def _number(parts: dict, lookup: dict) -> float | None:
    """The amount of a mention; "and a half" after its unit adds half a unit."""
    value = _amount(parts, lookup)
    if value is not None and "andhalf" in parts:
        return value + 0.5
    return value


def _amount(parts: dict, lookup: dict) -> float | None:
    raw = parts.get("num")
    if raw is None:
        return None
    if raw[:1].isdigit():
        if raw.endswith("1/2"):  # "5 1/2"
            return int(raw.split()[0]) + 0.5
        return float(raw.replace(",", "."))
    value = _word({"num": lookup["numword"]}, "num", parts)
    return float(value) if value is not None else None


def _year(parts: dict, ctx: Context) -> int | None:
    """The explicit year of a mention (4-digit, 2-digit or with an era)."""
    if "year" in parts:
        year = int(parts["year"])
    elif "bcyear" in parts:
        year = int(parts["bcyear"])
    elif "yy" in parts:
        yy = int(parts["yy"])
        base = (ctx.last or ctx.dct or Point(1900)).year
        century = base // 100 * 100
        year = century + yy
        if year > base + 20:
            year -= 100
    else:
        return None
    return -year if "bc" in parts else year


class Interpreter:
    """Turns the mentions of one document into (type, value, mod) triples."""

    def __init__(self, spec, ctx: Context, tense, placement=None):
        self.spec, self.lookup, self.ctx, self.tense = spec, spec.lookup, ctx, tense
        # placement(m) -> "lead" (opens its sentence), "aside" (parenthesis,
        # end of a range) or None; decides whether a year moves the reference.
        self.placement = placement or (lambda m: None)

    def __call__(self, m) -> tuple[str, str, str | None] | None:
        handler = getattr(self, "_" + m.kind)
        return handler(m)

    # -- helpers
    def _w(self, m, name):
        return _word(self.lookup, name, m.parts)

    def _plural(self, m) -> bool:
        """True when the mention's unit word is a plural ("days", not "day")."""
        raw = m.parts.get("unit")
        return raw is not None and " ".join(raw.split()) in self.spec.data.PLURAL_UNITS

    def _note(self, p: Point | None, m=None) -> None:
        """Remember a fully specified date as the reference for what follows."""
        if p is not None:
            self.ctx.last = p
            if m is not None:
                self.ctx.last_at = m.end

    def _note_explicit(self, m, p: Point) -> None:
        """Remember a date with an explicit year -- unless it is a digression.

        A year in an aside ("(1908)", "bis 1915", "1870/71"), one that jumps
        back in time in mid-sentence ("beim Kriegsrat vom 8. Dezember 1912")
        or one that a later heading is about is a look elsewhere: the story's
        own time stays the reference.
        """
        last = self.ctx.last
        if last is not None:
            where = self.placement(m)
            if where == "aside" or (where != "lead" and p.year < last.year
                                    and self.ctx.genre != "news"):
                return
            if p.year < last.year and p.month is None and last.day is not None:
                return  # "Ab 1778 hatte ...": a bare year looking back from a dated story
            if p.year > last.year and self.ctx.heading_after(m.end, p.year):
                return  # a look ahead: a later section is about that year
            if where != "lead" and self.ctx.genre != "news" and self.tense(m) == "future":
                return  # a plan or forecast ("planned for 1976") is not story time
            if (where != "lead" and self.ctx.genre != "news" and p.month is None
                    and p.year > last.year + 10):
                return  # a bare year far ahead ("revealed in 2005") is an aside
        self._note(p, m)

    def _reference_year(self, m, month: int, day: int | None) -> int | None:
        ctx = self.ctx
        news = ctx.genre == "news"
        ref = ctx.dct if news and ctx.dct else (ctx.last or ctx.dct)
        if ref is None:
            return None
        return year_for(month, day, ref, self.tense(m) if news else None, news)

    # -- kinds
    def _skip(self, m):
        """A look-alike the language marks as no time expression."""
        return None

    def _year(self, m):
        year = self._w(m, "yearword") if "yearword" in m.parts else _year(m.parts, self.ctx)
        self._note_explicit(m, Point(year))
        # "around 1500", "c. 1200": every approximator a year pattern names is APPROX
        mod = self._w(m, "approx") or ("APPROX" if "approx" in m.parts else None)
        return "DATE", year_str(year), mod

    def _date(self, m):
        p, ctx = m.parts, self.ctx
        mod = self._w(m, "pos") or self._w(m, "approx")
        year = _year(p, ctx) if "yearword" not in p else self._w(m, "yearword")
        month = self._w(m, "month") or (int(p["mnum"]) if "mnum" in p else None)
        day = int(p["day"]) if "day" in p else self._w(m, "dayword")
        season = self._w(m, "season")
        if "partunit" in p:
            return self._part(m, year)
        if year is None and "rel" in p:  # "März des folgenden Jahres"
            off, anchor = self._w(m, "rel")
            ref = ctx.anchor(anchor == "deictic")
            if ref is not None:
                year = ref.year + off
        if season and year is None and ctx.range_year is not None:
            year = ctx.range_year  # "the summer and autumn of 1914"
        if season:
            if year is None:
                ref = ctx.anchor(True)
                year = ref.year if ref else None
                if ref and ctx.genre == "news" and ref.month:
                    year = self._reference_year(m, _SEASON_START[season], None)
                elif (ref and ref.month and ref.month >= 3 and season == "WI"
                      and getattr(self.spec.data, "WINTER_NAMED_BY_END", True)):
                    # A story's next winter: YYYY-WI is the winter that ends in YYYY.
                    year += 1
            else:
                self._note_explicit(m, Point(year))
            return "DATE", f"{'XXXX' if year is None else year_str(year)}-{season}", mod
        if month is None and year is None and "weekday" in p:
            found = self._weekday(m, self._w(m, "weekday"), None)
            return found[:2] + (mod,) if found else None  # "early Tuesday": mod START
        if month is None:  # "Ende des Jahres 1863" / "Ende des Jahres"
            if year is None:
                ref = ctx.anchor(False)
                return "DATE", year_str(ref.year) if ref else "XXXX", mod
            self._note_explicit(m, Point(year))
            return "DATE", year_str(year), mod
        if year is None and ctx.range_year is not None:
            # "18 August - 15 September 1951": the range's end gives the year
            year = ctx.range_year
        elif year is None:
            year = self._reference_year(m, month, day)
            if year is None:
                return "DATE", fmt(None, month, day), mod
        if day is not None and not _valid(year, month, day):
            return None
        if "year" in p or "yy" in p or "bcyear" in p or "yearword" in p:
            self._note_explicit(m, Point(year, month, day))
        else:
            # Every date named moves the reference on, year or not: the day for
            # the clock times and "selben Tag" after it, the month for "the
            # following month" ("In March, ... The following month, ...").
            self._note(Point(year, month, day), m)
        return "DATE", fmt(year, month, day), mod

    def _part(self, m, year, code=None, order=None):
        if code is None:
            order = self._w(m, "partord") or (int(m.parts["ordnum"]) if "ordnum" in m.parts else None)
            code = self._w(m, "partunit")
        if order is None or order == 0:
            return None
        limit = 4 if code == "Q" else 2
        n = limit if order < 0 else order
        if n > limit:
            return None
        if year is None:
            ref = self.ctx.anchor(True)
            year = ref.year if ref else None
            if (ref and ref.month and self.ctx.genre == "news" and code in _PART_MONTHS
                    and (n - 1) * _PART_MONTHS[code] >= ref.month and self.tense(m) != "future"):
                year -= 1  # not begun by the document date, and not looked forward to: last year's
        if (year is not None and not self._expected(m, year, code, n)
                and self.placement(m) != "background"):
            # "After a flat second quarter, ...": the period reported on stays
            self.ctx.last_part = (year, code, n)
        return "DATE", f"{'XXXX' if year is None else year_str(year)}-{code}{n}", None

    def _part_code(self, m):
        """"Q3 2019", "H1 2018": a quarter or half written as a code."""
        return self._part(m, _year(m.parts, self.ctx), m.parts["code"], int(m.parts["order"]))

    def _expected(self, m, year: int, code: str, n: int) -> bool:
        """Whether news speaks of a quarter or half still to come.

        A report is about a finished period: "will result in a fourth-quarter
        charge" in November is not the quarter "the latest quarter" and "a
        year ago" refer to.
        """
        dct = self.ctx.dct
        if self.ctx.genre != "news" or dct is None or dct.month is None:
            return False
        months = 3 if code == "Q" else 6
        return (year, n * months) >= (dct.year, dct.month) and self.tense(m) == "future"

    def _range_end(self, m):
        """The bare second half of a range: "April 6-[7]", "1915-[17]", "May 4 and [5]".

        It takes what it lacks from the time expression just before it; with
        none right there it is no time expression at all.
        """
        end, value = self.ctx.previous
        if m.start - end > 6 or len(value) < 4 or not value[:4].isdigit():
            return None
        if "yy" in m.parts:  # two-digit end of a year range
            first = int(value[:4])
            year = first // 100 * 100 + int(m.parts["yy"])
            if year <= first:
                year += 100
            return "DATE", year_str(year), None
        if len(value) < 7 or not value[5:7].isdigit():
            return None
        year, month, day = int(value[:4]), int(value[5:7]), int(m.parts["day"])
        if "year" in m.parts:  # "April 6-7, 1915"
            year = int(m.parts["year"])
        if not _valid(year, month, day):
            return None
        if "year" in m.parts:
            self._note_explicit(m, Point(year, month, day))
        return "DATE", fmt(year, month, day), None

    def _period(self, m):
        """"the quarter", "the latest period", "the 1988 quarter": the quarter or
        half last named (in that year); without one, the last quarter completed."""
        part = self.ctx.last_part
        year = _year(m.parts, self.ctx)
        if part is None:
            if year is not None:
                return "DATE", year_str(year), None
            if self._w(m, "partunit") != "Q":
                return None
            return "DATE", shift(self.ctx.anchor(True), "Q", -1), None
        last_year, code, n = part
        return "DATE", f"{year_str(last_year if year is None else year)}-{code}{n}", None

    def _age(self, m):
        """"52 years old": TIMEX2 narratives tag an age as a duration, TimeML news does not."""
        return None if self.ctx.genre == "news" else self._duration(m)

    def _week_of(self, m):
        """"the week of March 6": the calendar week holding that day."""
        found = self._date(m)
        day = Point.parse(found[1]) if found else None
        if day is None or day.date is None:
            return found
        y, w, _ = day.date.isocalendar()
        return "DATE", f"{y:04d}-W{w:02d}", None

    def _someday(self, m):
        """"will one day be": some day to come."""
        return "DATE", "FUTURE_REF", None

    def _year_ended(self, m):
        """"the year ended March 31": a stretch of twelve months, as "the six months ended".

        In news the comparisons that follow ("down from $9 million last
        year") are now with that year, no longer with a quarter named before.
        """
        if self.ctx.genre == "news":
            self.ctx.last_part = None
        return "DURATION", "P1Y", None

    def _compared_year(self, m):
        """"last year" as the term of a comparison in a report: the period
        reported on (the quarter last named), a year before; without one, the
        year before the document date."""
        part, ref = self.ctx.last_part, self.ctx.anchor(True)
        if part is not None:
            year, code, n = part
            return "DATE", f"{year_str(year - 1)}-{code}{n}", None
        return "DATE", shift(ref, "Y", -1), None

    def _year_end(self, m):
        """"by year-end": the end of the reference year (the document's in news)."""
        ref = self.ctx.anchor(True)
        return "DATE", year_str(ref.year) if ref else "XXXX", "END"

    def _latest_period(self, m):
        """"the latest quarter/period": the one last named, else the last quarter
        completed before the document date (a report is about a finished one)."""
        part = self.ctx.last_part
        if part is not None:
            year, code, n = part
            return "DATE", f"{year_str(year)}-{code}{n}", None
        return "DATE", shift(self.ctx.anchor(True), "Q", -1), None

    def _part_of_year(self, m):
        """"next year's first quarter": a quarter or half of a year named relatively."""
        off, anchor = self._w(m, "rel")
        ref = self.ctx.anchor(anchor == "deictic")
        return self._part(m, ref.year + off if ref else None)

    def _prior_period(self, m):
        """"the year-ago quarter", "year-earlier": the same period one year before."""
        part, ref = self.ctx.last_part, self.ctx.anchor(False)
        order = self._w(m, "partord")
        if part is not None:
            year, code, n = part
            if order and order > 0:
                n = order
            return "DATE", f"{year_str(year - 1)}-{code}{n}", None
        if ref is None:
            return "DATE", "XXXX", None
        if order and order > 0:
            return "DATE", f"{year_str(ref.year - 1)}-Q{order}", None
        return "DATE", year_str(ref.year - 1), None

    def _the_unit(self, m, unit: str):
        """"the year", "the week": the unit holding the reference date.

        "the weekend" in news is the one next to the document date, as
        "last week" is: a report says "over the weekend" of its own days.
        """
        ctx = self.ctx
        ref = ctx.anchor(unit in ("WE", "Y"))
        if unit == "Q" and ctx.last_part and ctx.last_part[1] == "Q":
            year, code, n = ctx.last_part
            return "DATE", f"{year_str(year)}-{code}{n}", None
        if ref is None:
            return "DATE", shift(None, unit, 0), None
        if unit == "W":
            if ref.day and getattr(self.spec.data, "WEEK_OF_DAY_NAMED", False):
                return "DATE", shift(ref, "W", 0), None  # "Mitte der Woche"
            return "DATE", f"{year_str(ref.year)}-WXX", None
        if unit == "WE":  # the weekend before the reference, after it in future tense
            saturday = weekday_date(ref, 6, 1 if self.tense(m) == "future" else -1)
            if saturday is None:
                return "DATE", fmt(ref.year, ref.month), None
            y, w, _ = saturday.date.isocalendar()
            return "DATE", f"{y:04d}-W{w:02d}-WE", None
        if unit == "D" and ref.day is None and ctx.genre != "news":
            # a narrative's day of the month named, never an invented one:
            # "1920-06-XX"; with only a year named, nothing is known of the day
            return "DATE", fmt(ref.year, ref.month) + "-XX" if ref.month else "XXXX-XX-XX", None
        if unit in ("Y", "Q", "M", "D"):
            return "DATE", shift(ref, unit, 0), None
        return None

    def _weekday(self, m, weekday, direction):
        ctx = self.ctx
        ref = ctx.anchor(True)
        if ctx.genre == "news":
            if direction is None and "possessive" in m.parts:
                # "will appeal Wednesday's ruling": an event reported, whatever
                # the tense of the clause around the noun phrase
                direction = -1
            elif direction is None:
                direction = 1 if self.tense(m) == "future" else -1
        elif direction is None:
            direction = 1
        if ref is None or ref.day is None:
            # Never invent a day: a month-only reference stays a month.
            return "DATE", fmt(ref.year, ref.month) if ref and ref.month else f"XXXX-WXX-{weekday}", None
        p = weekday_date(ref, weekday, direction)
        self._note(p, m)
        return "DATE", point_value(p), None

    def _decade(self, m):
        digits = m.parts.get("decade") or str(self._w(m, "decadeword"))
        if len(digits) == 2:
            ref = self.ctx.dct or self.ctx.last or Point(1900)
            century = ref.year // 100
            if int(digits) > ref.year % 100:
                century -= 1
            decade = century * 10 + int(digits) // 10
        elif digits.endswith("00") and int(digits) < 2000:
            # "the 1400s", "the early 1900s": the hundred years, a century (the
            # 2000s are mostly the decade)
            return "DATE", digits[:-2].zfill(2), self._w(m, "pos")
        else:
            decade = int(digits) // 10
        return "DATE", f"{decade:03d}", self._w(m, "pos")

    def _century(self, m):
        n = int(m.parts["ordnum"]) if "ordnum" in m.parts else self._w(m, "ordword")
        if not n or n < 1:
            return None
        value = f"{n - 1:02d}"
        return "DATE", ("BC" + value if "bc" in m.parts else value), self._w(m, "pos")

    def _time(self, m):
        p, ctx = m.parts, self.ctx
        daypart = self._w(m, "daypart") or self._w(m, "daypartsuffix")
        if "hour" in p:
            hour = int(p["hour"])
            ampm = self._w(m, "ampm")
            if ampm == "PM" and hour < 12:
                hour += 12
            elif ampm == "AM" and hour == 12:
                hour = 0
            elif daypart in ("AF", "EV") and hour < 12:
                hour += 12
            if hour > 24 or (hour == 24 and p.get("minute", "00") != "00"):
                return None
            clock = f"T{hour:02d}:{p.get('minute', '00')}"
        elif "clockword" in p:
            clock = "T" + self._w(m, "clockword")
        else:
            clock = "T" + daypart
        date = self._time_date(m)
        return "TIME", date + clock, self._w(m, "approx")

    def _time_date(self, m) -> str:
        """The day a clock time or part of day belongs to, or XXXX-XX-XX."""
        p, ctx = m.parts, self.ctx
        if "deictic" in p:
            unit, off = self._w(m, "deictic")
            ref = ctx.anchor(True)
            if ref and ref.day:
                return shift(ref, unit, off)
            return "XXXX-XX-XX"
        if "weekday" in p:
            _, value, _ = self._weekday(m, self._w(m, "weekday"), None)
            return value if len(value) == 10 and value[:4].isdigit() else "XXXX-XX-XX"
        if "rel" in p or "direction" in p:  # "Abend desselben Tages", "the next morning"
            if "rel" in p:
                off, anchor = self._w(m, "rel")
            else:
                off, anchor = (-1 if self._w(m, "direction") == "before" else 1), "anaphoric"
            ref = ctx.anchor(anchor == "deictic")
            return shift(ref, "D", off) if ref and ref.day else "XXXX-XX-XX"
        if "month" in p and "day" in p:
            found = self._date(m)
            return found[1] if found else "XXXX-XX-XX"
        ref = ctx.last
        if ctx.genre == "news" and not (ref and ref.day and m.start - ctx.last_at < _NEAR):
            ref = ctx.dct  # news: a day named just before, else the document date
        if ref and ref.day:
            return point_value(ref)
        return "XXXX-XX-XX"

    def _relative(self, m):
        p, ctx = m.parts, self.ctx
        off, anchor = self._w(m, "rel")
        ref = ctx.anchor(anchor == "deictic")
        if "weekday" in p and "unit" in p:  # "Thursday of last week"
            wd = self._w(m, "weekday")
            if ref is None or ref.day is None:
                return self._weekday(m, wd, off)
            day = shift_point(ref, "D", 7 * off + wd - ref.date.isoweekday())
            return "DATE", point_value(day), None
        if "weekday" in p:
            wd = self._w(m, "weekday")
            if ref is None or ref.day is None:
                return self._weekday(m, wd, off)
            if off == 0:
                return "DATE", point_value(weekday_date(ref, wd, 0)), None
            step = -1 if off < 0 else 1
            base = shift_point(ref, "D", step)
            p = weekday_date(base, wd, step)
            if p is not None and abs(off) > 1:  # "the Monday after next": a week further
                p = shift_point(p, "D", 7 * (off - step))
            return "DATE", point_value(p), None
        if "month" in p:
            month = self._w(m, "month")
            if ref is None:
                return "DATE", fmt(None, month), None
            year = ref.year
            if ref.month and off < 0 and month >= ref.month:
                year -= 1
            elif ref.month and off > 0 and month <= ref.month:
                year += 1
            return "DATE", fmt(year, month), None
        if "season" in p:
            season = self._w(m, "season")
            if ref is None:
                return "DATE", f"XXXX-{season}", None
            year = ref.year + off
            if (off < 0 and ref.month and _SEASON_START[season] + 2 < ref.month
                    and _word_of(p, "rel") in getattr(self.spec.data, "MOST_RECENT_PAST", ())):
                year = ref.year  # "this past spring" in October: this year's, over by now
            return "DATE", f"{year_str(year)}-{season}", None
        unit = self._w(m, "unit")
        if " ".join(p["unit"].split()) in self.spec.data.PLURAL_UNITS:
            # "in den vergangenen Monaten": an unspecified stretch, not a date;
            # but news looking ahead ("in den nächsten Jahren") means the future.
            if ctx.genre == "news" and anchor == "deictic" and off > 0:
                return "DATE", "FUTURE_REF", None
            return "DURATION", duration(None, unit), None
        if unit in ("H", "MIN", "S"):
            return None
        value = shift(ref, unit, off)
        if (unit == "D" and off == 0 and ctx.genre != "news" and ref is not None and ref.month
                and ref.day is None):
            value += "-XX"  # "that same day" in a month named: a day of it, not the month
        if ref is not None and off >= 0 and (anchor == "anaphoric" or ctx.genre != "news"):
            # "im folgenden Jahr" moves the story on; a look back does not.
            moved = shift_point(ref, unit, off)
            if moved is not None and unit in ("Y", "M", "D"):
                self._note(_trim(moved, unit))
        return "DATE", value, self._w(m, "pos")  # "Anfang nächsten Jahres": START

    def _offset(self, m):
        """"zwei Tage später": the last date moved by the amount."""
        p, ctx = m.parts, self.ctx
        n = _number(p, self.lookup)
        unit = self._w(m, "unit")
        if n is None and not self._plural(m):  # "the day before": one unit
            n = 1
        part = ctx.last_part
        if (unit == "Y" and n == 1 and part and part[1] == "Q"
                and self._w(m, "direction") in ("before", "ago")):
            # "a year ago" in a report on a quarter: that quarter a year before.
            return "DATE", f"{year_str(part[0] - 1)}-Q{part[2]}", None
        direction = -1 if self._w(m, "direction") == "before" else 1
        deictic = self._w(m, "direction") == "ago"
        if deictic:
            direction = -1
        ref = ctx.anchor(deictic) if not deictic else (ctx.dct or ctx.last)
        if n is not None and n != int(n) and unit in ("Y", "W"):
            # "a year and a half ago": eighteen months back
            smaller, factor = _SMALLER[unit]
            unit, n = smaller, n * factor
        if n is None or n != int(n) or unit not in ("Y", "M", "W", "D", "DE"):
            return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None
        if unit == "DE":
            unit, n = "Y", n * 10
        if ref is None:
            return "DATE", shift(None, unit, 0), None
        if ctx.genre != "news" and not deictic:
            moved = shift_point(ref, unit, int(n) * direction)
            if moved is not None:
                self._note(_trim(moved, unit))
                if unit == "W" and ref.day is not None:
                    return "DATE", point_value(moved), None  # "eine Woche später": that day
        return "DATE", shift(ref, unit, int(n) * direction), None

    def _after(self, m):
        """"nach zwei Tagen": in a narrative the day that long after the last date
        (as TIMEX2 annotates it); otherwise, and for weeks or vague amounts, a stretch."""
        n, unit, ref = _number(m.parts, self.lookup), self._w(m, "unit"), self.ctx.last
        if (self.ctx.genre == "news" or ref is None or n is None or n != int(n) or n < 2
                or unit not in ("D", "M") or "approx" in m.parts):
            return self._duration(m)
        moved = shift_point(ref, unit, int(n))
        if moved is not None:
            self._note(_trim(moved, unit), m)
        return "DATE", shift(ref, unit, int(n)), None

    def _anchored(self, m):
        """"two days after the battle": news (TimeML) tags the amount as a
        duration; a narrative (TIMEX2) the date it points to, counted from
        the last date named.  "the day after ..." is a date in both."""
        if self.ctx.genre == "news" and ("num" in m.parts or self._plural(m)):
            return self._duration(m)  # "[two days] after", "[a few days] later"
        value = self.ctx.previous[1]
        if self.ctx.apposed and self._w(m, "unit") == "D" and len(value) == 10:
            # in apposition: "Oct. 12, the day before the plunge" is Oct. 12 itself
            return "DATE", value, None
        if self._w(m, "unit") in ("H", "MIN", "S"):
            ref = self.ctx.anchor(False)
            return "DATE", point_value(ref) if ref and ref.day else "XXXX-XX-XX", None
        return self._offset(m)

    def counted_from(self, m, value: str) -> str | None:
        """The day an anchored amount points to from the date named after its
        signal word: "the day before [last Tuesday]", "two weeks after
        [Christmas]"; None unless both the amount and that day are exact."""
        day = Point.parse(value)
        unit = self._w(m, "unit")
        if day is None or day.date is None or len(value) != 10 or unit not in ("D", "W", "Y"):
            return None
        n = _number(m.parts, self.lookup)
        if n is None:
            quant = m.parts.get("vaguequant", "").lower()
            if self._plural(m) or quant not in self.lookup["article"]:
                return None  # "a few days after Christmas"
            n = 1
        if n != int(n):
            return None
        sign = -1 if self._w(m, "direction") == "before" else 1
        moved = shift_point(day, unit, int(n) * sign)
        if moved is None or moved.date is None:
            return None
        self._note(moved, m)  # the story is on that day now
        return point_value(moved)

    def _duration(self, m):
        p = self.lookup
        unit = self._w(m, "unit") or self._w(m, "unitadj") or self._w(m, "vagueunitadj")
        if unit is None:
            return None
        num = _number(m.parts, p)
        quant = m.parts.get("vaguequant")
        if quant and quant.lower() in self.lookup["article"] and not self._plural(m):
            if unit == "D" and self.ctx.genre == "news" and not self.ctx.apposed:
                return None  # "late in the day", "during the day": no day of its own
            return self._the_unit(m, unit)  # "the year", "the quarter"
        if quant and not self._plural(m) and quant.lower() in getattr(self.spec.data, "FIRST_QUANT", ()):
            # "the first day" of the war is the day last named; "the first year" lasts a year
            return self._the_unit(m, unit) if unit == "D" else ("DURATION", duration(1, unit), None)
        if "vagueunitadj" in m.parts or "vaguequant" in m.parts:
            num = None
        elif num is None and "num" not in m.parts and not self._plural(m):
            num = 1  # "month-long"
        if self.ctx.genre == "news" and unit == "M" and num is not None and num > 3:
            # "in the first nine months ... a year earlier": the comparison is
            # now with that stretch, no longer with the quarter named before
            self.ctx.last_part = None
        value = iso_duration(num, unit) if self.ctx.genre == "news" else duration(num, unit)
        return "DURATION", value, self._w(m, "approx")

    def _rate(self, m):
        """The unit of a rate after an amount ("$2 million a year", "8% annually").

        TimeML news mostly leaves it untagged; TIMEX2 narratives tag it as
        the length or set it names ("30 a day", "10,000 per day").
        """
        if self.ctx.genre == "news":
            return None
        return self._set(m) if "every" in m.parts or "setword" in m.parts else self._duration(m)

    def _set(self, m):
        found = self._set_value(m)
        rate = _word_of(m.parts, "every") in getattr(self.spec.data, "RATE_WORDS", ())
        if (found is not None and self.ctx.genre != "news" and not rate
                and getattr(self.spec.data, "NARRATIVE_SETS_AS_POINTS", True)):
            # TIMEX2 writes "every day" as the point it repeats: XXXX-XX-XX
            found = (found[0], _TIMEX2_SET.get(found[1], found[1]), found[2])
        return found

    def _set_value(self, m):
        p = m.parts
        if "setword" in p:
            return "SET", self._w(m, "setword"), None
        if "weekday" in p:
            wd = self._w(m, "weekday")
            dp = self._w(m, "daypartsuffix") or self._w(m, "daypart")
            return "SET", f"XXXX-WXX-{wd}" + (f"T{dp}" if dp else ""), None
        if "month" in p:
            return "SET", fmt(None, self._w(m, "month")), None
        unit = self._w(m, "unit") or self._w(m, "setunit")
        if unit is None:
            return None
        num = _number(p, self.lookup) or 1
        return "SET", duration(num, unit), None

    def _holiday(self, m):
        spec = self._w(m, "holiday")
        year = _year(m.parts, self.ctx)
        if year is None:
            month, day = holiday_date(spec, (self.ctx.anchor(True) or Point(2000)).year)
            year = self._reference_year(m, month, day)
            if year is None:
                return "DATE", fmt(None, month, day), None
        month, day = holiday_date(spec, year)
        return "DATE", fmt(year, month, day), None

    def _holiday_week(self, m):
        """"Easter week": the calendar week holding the holiday."""
        found = self._holiday(m)
        day = Point.parse(found[1])
        if day is None or day.date is None:
            return "DATE", "XXXX-WXX", None
        y, w, _ = day.date.isocalendar()
        return "DATE", f"{y:04d}-W{w:02d}", None

    def _deictic(self, m):
        ctx = self.ctx
        word = " ".join(m.parts["deictic"].split())
        unit, off = self._w(m, "deictic")
        if ctx.genre != "news":
            if word.lower() in self.spec.data.NARRATIVE_PRESENT:
                return "DATE", "PRESENT_REF", None
            ref = ctx.last
            if ref is None or (unit == "D" and ref.day is None):
                return "DATE", "XXXX-XX-XX" if unit == "D" else "XXXX", None
            return "DATE", shift(ref, unit, off), None
        if word in getattr(self.spec.data, "ANAPHORIC_DEICTIC", ()):  # "Sieg vom Vortag"
            ref = ctx.anchor(False)
        else:
            ref = ctx.anchor(True)
        if unit == "D" and ref is not None and ref.day is not None:
            self._note(shift_point(ref, "D", off), m)
        return "DATE", shift(ref, unit, off), None

    def _sameunit(self, m):
        """"im Laufe des Jahres", "Ende des Monats": the unit holding the reference."""
        found = self._the_unit(m, self._w(m, "unit"))
        return found and (found[0], found[1], self._w(m, "pos"))

    def _dayonly(self, m):
        """"am 24." alone: that day of the month last named (never a guessed month)."""
        ref = self.ctx.anchor(False)
        day = int(m.parts["day"])
        if ref is None or ref.month is None or not _valid(ref.year, ref.month, day):
            return None
        self._note(Point(ref.year, ref.month, day), m)
        return "DATE", fmt(ref.year, ref.month, day), None

    def _weekend(self, m):
        """"am Wochenende": the weekend of the reference's week (as annotated in news)."""
        ref = self.ctx.anchor(True)
        if ref is None or ref.day is None:  # never invent a day
            return "DATE", fmt(ref.year, ref.month) if ref and ref.month else "XXXX-WXX-WE", None
        y, w, _ = ref.date.isocalendar()
        return "DATE", f"{y:04d}-W{w:02d}-WE", None

    def _night_before(self, m):
        """"in der Nacht zum Sonntag": the night that ends on that weekday."""
        _, value, _ = self._weekday(m, self._w(m, "weekday"), None)
        day = Point.parse(value)
        if day is None or day.day is None:
            return "TIME", "XXXX-XX-XXTNI", None
        return "TIME", fmt(*_day_before(day)) + "TNI", None

    def _present(self, m):
        """A word for "today" used of the present in general."""
        return "DATE", "PRESENT_REF", None

    def _vague(self, m):
        word = " ".join(m.parts["vague"].split()).lower()
        if self.ctx.genre == "news" and word in getattr(self.spec.data, "VAGUE_NOT_IN_NEWS", ()):
            return None  # TimeML leaves these adjectives untagged; TIMEX2 tags them
        if word in getattr(self.spec.data, "VAGUE_ONLY_AHEAD_IN_NEWS", ()):
            # "will soon begin": the near future in news; "was soon released",
            # and any "soon" in a narrative, only orders events
            if self.ctx.genre != "news" or self.tense(m) == "past":
                return None
        return "DATE", self._w(m, "vague"), None


def _day_before(p: Point) -> tuple:
    d = p.date - dt.timedelta(days=1)
    return d.year, d.month, d.day


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(min(max(year, 1), 9999), month, day)
    except ValueError:
        return False
    return True


def _trim(p: Point, unit: str) -> Point:
    if unit == "Y":
        return Point(p.year)
    if unit == "M":
        return Point(p.year, p.month)
    return p
