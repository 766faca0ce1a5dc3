"""Time-expression tagger: finds and normalises TIMEX3 expressions.

``tag(text, dct, lang, genre)`` returns :class:`~site_builder.model.Timex`
objects sorted by offset, non-overlapping, with ``text == input[start:end]``.
Only the standard library is used; each language's patterns are compiled
once per process (see ``engine.language``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Timex
from . import engine
from .resolve import Context, Interpreter, Point

__all__ = ["tag", "warm", "Timex"]

GENRES = ("news", "narrative")


def warm(langs: tuple[str, ...] | None = None) -> None:
    """Build the tables and compile every rule of ``langs`` (default: all
    supported languages) now, so that the first article a long-running
    process tags later pays none of it."""
    from .lang import supported

    for code in langs or supported():
        for rule in engine.language(code).rules:
            rule.regex  # noqa: B018 (compiles on first access)


@lru_cache(maxsize=None)
def _time_date_link(lang: str) -> re.Pattern | None:
    """The words between a clock time and the day it falls on ("11 a.m. [on] 11
    November 1918"), from the language's ``TIME_DATE_LINK``; None without one."""
    link = getattr(engine.language(lang).data, "TIME_DATE_LINK", None)
    return re.compile(link) if link else None


def _on_day(time: Timex, day: Timex) -> Timex:
    """``time`` moved to the day named right after it."""
    clock = time.value[time.value.index("T"):]
    return Timex(time.start, time.end, time.text, time.type, day.value + clock, time.mod)


def tag(text: str, dct: str | None, lang: str, genre: str = "news") -> list[Timex]:
    """Time expressions of ``text`` as TIMEX3.

    ``dct``: document creation date as a TIMEX3 value (``2017-11``,
    ``2017-11-10``) or None; ``lang``: a code from ``lang.supported()``;
    ``genre``: "news" (resolve against ``dct`` and tense) or "narrative"
    (resolve against the last fully specified date in the text).
    """
    if genre not in GENRES:
        raise ValueError(f"unknown genre {genre!r}; expected one of {GENRES}")
    spec = engine.language(lang)
    ctx = Context(dct=Point.parse(dct), genre=genre, headings=engine.heading_years(text))
    interpret = Interpreter(spec, ctx, lambda m: engine.tense(text, m.start, m.end, spec),
                            lambda m: engine.placement(text, m.start, spec))
    narrative = genre == "narrative"
    out = []
    # an amount anchored at the date that follows its signal word ("the day
    # before [last Tuesday]"): its index in ``out`` and its mention
    pending = None
    # a clock time whose day follows it ("[11 a.m.] on [11 November 1918]"):
    # its index in ``out``, to take that day once it is resolved
    link, timed = _time_date_link(lang), None
    found = list(engine.mentions(text, spec))
    for i, mention in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if not narrative and engine.in_name(text, mention.start, mention.end, spec):
            continue  # TimeML tags no time word inside a name or title
        ctx.range_year = engine.range_year(text, mention, nxt, spec)
        ctx.apposed = engine.apposed(text, ctx.previous[0], mention.start)
        if not narrative and mention.kind == "offset":
            # TimeML: "[three days] later" -- the signal stays out, the amount
            # is anchored at the event like "[two days] after the vote"
            cut = engine.news_end(text, mention.start, mention.end, spec)
            if cut < mention.end:
                mention.kind, mention.end = "anchored", cut
        result = interpret(mention)
        if result is None:
            continue
        typ, value, mod = result
        if pending is not None:
            index, anchored = pending
            pending = None
            counted = interpret.counted_from(anchored, value) if anchored is found[i - 1] else None
            if counted is not None:
                first = out[index]
                ctx.previous = (mention.end, counted)
                out[index] = Timex(first.start, mention.end, text[first.start:mention.end], "DATE",
                                   counted, None)
                continue
        if mention.kind == "anchored" and engine.signal_before(text, mention.end, nxt, spec):
            pending = (len(out), mention)
        ctx.previous = (mention.end, value)
        start, end = mention.start, mention.end
        if narrative:
            start = engine.narrative_start(text, start, end, spec)
            if mention.kind == "anchored":  # TIMEX2 spans the event too
                j = i + 1
                while j < len(found) and found[j].kind == "skip":
                    j += 1
                limit = found[j].start if j < len(found) else len(text)
                end = engine.anchor_end(text, end, limit, spec)
        else:
            start = engine.news_start(text, start, end, spec)
        if timed is not None and typ == "DATE" and len(value) == 10 and value[:4].isdigit():
            out[timed] = _on_day(out[timed], Timex(start, end, "", typ, value, mod))
        timed = None
        if (link and typ == "TIME" and "T" in value and nxt is not None
                and link.fullmatch(text, end, nxt.start)):
            timed = len(out)
        out.append(Timex(start, end, text[start:end], typ, value, mod))
    return out
