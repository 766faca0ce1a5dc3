"""Interface strings and date labels in the site's language.

Month and weekday names come from Babel's CLDR data; what CLDR does not
have (season names, "about 1990", interface labels) is one data module
per language in this package.  ``labels(lang)`` falls back to English.
"""
from __future__ import annotations

import datetime as _dt
import importlib
from functools import lru_cache

from babel import Locale
from babel.dates import format_date

from ..dates import PartialDate

SUPPORTED = ("de", "en")


@lru_cache(maxsize=None)
def labels(lang: str) -> dict:
    """The interface strings of ``lang`` (English when unknown)."""
    code = lang if lang in SUPPORTED else "en"
    return importlib.import_module(f"{__name__}.{code}").LABELS


def date_label(date: PartialDate, lang: str, mod: str | None = None) -> str:
    """A date shown at its own granularity: "Juli 2017", "2017", "um 1990"."""
    text = _plain_label(date, lang)
    pattern = labels(lang)["mods"].get(mod or "")
    return pattern.format(text) if pattern else text


def _plain_label(date: PartialDate, lang: str) -> str:
    words = labels(lang)
    locale = lang if lang in SUPPORTED else "en"
    g = date.granularity
    if g in ("day", "time"):
        text = format_date(date.first_day, format="long", locale=locale)
        return f"{text}, {date.time}" if g == "time" and date.time and date.time[0].isdigit() else text
    if g == "month":
        return format_date(date.first_day, format="LLLL y", locale=locale)
    if g == "week":
        return words["week"].format(week=date.first_day.isocalendar()[1], year=date.year)
    if g in ("season", "quarter", "half"):
        part = date.value.split("-", 1)[1]
        return words["parts"][part].format(year=date.year)
    if g == "decade":
        return words["decade"].format(year=date.year)
    if g == "century":
        return words["century"](date.year // 100 + 1)
    if g == "year":
        return year_label(date.year, lang)
    return date.value


def month_label(year: int, month: int, lang: str) -> str:
    """"Juli 2017" for a month heading."""
    return format_date(_dt.date(_clamp(year), month, 1), format="LLLL y", locale=_locale(lang))


def short_month(month: int, lang: str) -> str:
    """"Jul" / "Jul.": the standalone abbreviated month name from CLDR."""
    return format_date(_dt.date(2000, month, 1), format="LLL", locale=_locale(lang))


def year_label(year: int, lang: str) -> str:
    """"2017", or "300 v. Chr." for years before the common era."""
    return labels(lang)["bc"].format(year=-year) if year <= 0 else str(year)


def count_label(key: str, n: int, lang: str) -> str:
    """A count with its noun in the right plural form ("1 Ereignis", "3 Ereignisse").

    The plural category (one, other …) comes from CLDR; the words from the
    language's data module, with "other" as the fallback form.
    """
    forms = labels(lang)[key]
    form = _plural_form(_locale(lang), n)
    return forms.get(form, forms["other"]).format(n=n)


def language_name(code: str, lang: str) -> str:
    """The name of language ``code`` in ``lang`` ("Englisch"), from CLDR; the code if unknown."""
    try:
        name = _parsed(_locale(lang)).languages.get(code)
    except (ValueError, TypeError):
        name = None
    return name or code


def _locale(lang: str) -> str:
    return lang if lang in SUPPORTED else "en"


def _plural_form(locale: str, n: int) -> str:
    return _parsed(locale).plural_form(n)


@lru_cache(maxsize=None)
def _parsed(locale: str) -> Locale:
    return Locale.parse(locale)


def _clamp(year: int) -> int:
    # datetime covers years 1..9999 only; month names do not depend on the year.
    return min(max(year, 1), 9999)
