"""Event extraction: sentences whose date anchors something that happened.

In: an :class:`Article` and the time expressions the tagger found in its
``text``.  Out: its events in :attr:`Event.sort_key` order:

* one event per sentence that holds an anchoring DATE/TIME expression (a
  calendar value, not a reference like PRESENT_REF, not vague or generic,
  not a number after "Nr."), dated by its most specific such expression;
  in a news article a duration counted back from the article date ("vor
  zwei Wochen": the language's ``AGO_BEFORE`` words) anchors too, at the
  duration's unit, when the article date is that precise;
* the lead sentence of a dated news article, dated by the article date
  when it has no anchor of its own (the article's own news);
* the manual events of the front matter.

Pure: no I/O, no state; ids come from slug and text, never from order.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re

from . import langdata
from .dates import GRANULARITIES, PartialDate
from .entities import Tokens, entities_in, find_entities, known_names, name_heads, tokenize_spans
from .model import Article, Event, ManualEvent, Source, Timex
from .sentences import split_sentences
from .titles import make_title

_ANCHOR_TYPES = ("DATE", "TIME")
_LEAD_MIN_WORDS = 4  # a dateline-only first "sentence" is not the lead
_PREV_WORD = re.compile(r"(\S+)\s*$")
_COUNTED_BACK = re.compile(r"P(\d{1,4})([YMWD])")


def extract_events(article: Article, timexes: list[Timex]) -> list[Event]:
    """The events of ``article`` given its time expressions (see module doc)."""
    data = langdata.get(article.lang)
    text = article.text
    spans = split_sentences(text, article.lang)
    per_sentence = _group_by_sentence(spans, timexes)
    lead = _lead_index(article, spans)
    chosen = []  # (start, end, anchor, its date, time expressions) of each event sentence
    counted_from = _reference_date(article)
    for idx, (start, end) in enumerate(spans):
        anchor, date = _best_anchor(text, per_sentence[idx], data, counted_from)
        if anchor is None and idx != lead:
            continue
        if not _says_something(text, start, end, per_sentence[idx]):
            continue  # a heading such as "1981": only a date, no happening
        chosen.append((start, end, anchor, date, per_sentence[idx]))
    # The whole article's names first (a name mentioned later counts too);
    # its words are tokenised once, the event sentences' with them.
    sentence_tokens, article_tokens = tokenize_spans(text, [c[:2] for c in chosen])
    known = known_names(article_tokens, article.lang)
    names = (known, name_heads(known))
    events = [_sentence_event(article, *c, names, tokens) for c, tokens in zip(chosen, sentence_tokens)]
    events.extend(_manual_event(article, m, names) for m in article.manual_events)
    return sorted(events, key=lambda e: e.sort_key)


def _says_something(text: str, start: int, end: int, timexes: list[Timex]) -> bool:
    """Whether the sentence has a word with a letter outside its time expressions."""
    pos = start
    for t in sorted(timexes, key=lambda t: t.start):
        if any(c.isalpha() for c in text[pos:max(pos, t.start)]):
            return True
        pos = max(pos, t.end)
    return any(c.isalpha() for c in text[pos:end])


def event_id(slug: str, text: str) -> str:
    """A stable id: the slug plus the first 8 hex digits of the text's SHA-1."""
    return f"{slug}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"


def _group_by_sentence(spans: list[tuple[int, int]], timexes: list[Timex]) -> list[list[Timex]]:
    """Time expressions per sentence (by start offset), each list in text order."""
    groups: list[list[Timex]] = [[] for _ in spans]
    starts = [s for s, _ in spans]
    for t in sorted(timexes, key=lambda t: (t.start, t.end)):
        i = _bisect_right(starts, t.start) - 1
        if i >= 0 and t.start < spans[i][1]:
            groups[i].append(t)
    return groups


def _bisect_right(values: list[int], x: int) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _lead_index(article: Article, spans: list[tuple[int, int]]) -> int | None:
    """Index of a dated news article's lead sentence; None for narratives."""
    if _reference_date(article) is None:
        return None
    for i, (s, e) in enumerate(spans):
        if len(article.text[s:e].split()) >= _LEAD_MIN_WORDS:
            return i
    return None


def is_anchor(text: str, timex: Timex, data) -> bool:
    """Whether ``timex`` dates a happening: a calendar DATE/TIME, not vague.

    Rejects references (PRESENT_REF …), unresolved values (XXXX-…),
    durations and sets, spans made only of vague words ("derzeit"),
    plural units without a number, in digits or words ("in den vergangenen
    Monaten", "years ago"; not "two years ago"), generic
    spans ("jeweils im Mai") and numbers cued as numbers ("Nr. 2254").
    """
    return timex.type in _ANCHOR_TYPES and PartialDate(timex.value).is_calendar \
        and _anchoring_words(text, timex, data)


def _anchoring_words(text: str, timex: Timex, data) -> bool:
    """The word tests of :func:`is_anchor` (its type and value already passed)."""
    # set operations in C, not a generator per test: this runs for every time expression
    words = {w.strip(".,;:!?\"'«»„“”()").lower() for w in timex.text.split()}
    if not words.difference(data.vague_time_words, data.stop_words):
        return False
    if not words.isdisjoint(data.plural_units) and not any(c.isdigit() for c in timex.text) \
            and words.isdisjoint(data.number_words):
        return False
    if not words.isdisjoint(data.generic_words):
        return False
    if timex.text[:1].isdigit():
        prev = _word_before(text, timex.start)
        if prev and prev.strip("(").lower() in data.number_cues:
            return False
    return True


def _word_before(text: str, end: int) -> str:
    """The last run of non-space characters before ``end`` (white space skipped)."""
    start, stop = _word_span_before(text, end)
    return text[start:stop]


def _word_span_before(text: str, end: int) -> tuple[int, int]:
    """Where :func:`_word_before`'s word starts and stops.

    A backwards scan: searching a ``$``-anchored pattern from the start of the
    text made every call linear in the text, the extraction quadratic.
    """
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start, stop


def _best_anchor(text: str, timexes: list[Timex], data,
                 counted_from: PartialDate | None) -> tuple[Timex | None, PartialDate | None]:
    """The most specific anchoring expression of a sentence (finest, unmodified,
    first) and its date; ``(None, None)`` when there is none.  Each value is
    parsed once (:func:`is_anchor`, inlined).  ``counted_from``: the date a
    duration after an ``ago_before`` word counts back from (None: no such
    anchors)."""
    best = best_date = best_rank = None
    for t in timexes:
        if t.type in _ANCHOR_TYPES:
            date = PartialDate(t.value)
            if not date.is_calendar or not _anchoring_words(text, t, data):
                continue
        elif t.type == "DURATION" and counted_from is not None and data.ago_before:
            date = _counted_back(text, t, data, counted_from)
            if date is None:
                continue
        else:
            continue
        rank = (-GRANULARITIES.index(date.granularity), t.mod is not None, t.start, t.end)
        if best is None or rank < best_rank:  # strict: the first of equals wins, as min() does
            best, best_date, best_rank = t, date, rank
    return best, best_date


def _reference_date(article: Article) -> PartialDate | None:
    """A news article's own calendar date, which dates its lead and which
    durations are counted back from; None for narratives and undated articles."""
    if article.genre != "news" or article.date is None or not article.date.is_calendar:
        return None
    return article.date


def _counted_back(text: str, duration: Timex, data, reference: PartialDate) -> PartialDate | None:
    """The date ``duration`` points to when an ``ago_before`` word stands right
    before it ("vor zwei Wochen" in an article of 2017-11-15: 2017-W44), at
    the duration's unit; None when it is not so cued, not a whole number of
    years, months, weeks or days, or finer than ``reference`` knows (a
    month-only article date gives no week)."""
    m = _COUNTED_BACK.fullmatch(duration.value)
    if not m or _word_before(text, duration.start).lower() not in data.ago_before:
        return None
    n, unit = int(m.group(1)), m.group(2)
    if unit == "Y":
        year = reference.year - n
        return PartialDate(f"{year:04d}") if year > 0 else None
    if reference.month is None:
        return None
    if unit == "M":
        year, month = divmod(reference.year * 12 + reference.month - 1 - n, 12)
        return PartialDate(f"{year:04d}-{month + 1:02d}") if year > 0 else None
    if reference.day is None:
        return None
    try:
        day = _dt.date(reference.year, reference.month, reference.day) - _dt.timedelta(
            days=n * (7 if unit == "W" else 1))
    except (OverflowError, ValueError):
        return None
    if unit == "D":
        return PartialDate(day.isoformat())
    year, week, _ = day.isocalendar()
    return PartialDate(f"{year:04d}-W{week:02d}")


def _sentence_event(article: Article, start: int, end: int, anchor: Timex | None,
                    anchor_date: PartialDate | None, timexes: list[Timex],
                    names: tuple[dict[str, str], frozenset[str]], tokens: Tokens) -> Event:
    """The event of one sentence, dated by ``anchor`` (whose date is
    ``anchor_date``) or else the article date; ``names``: the article's known
    names and their :func:`name_heads`; ``tokens``: the sentence's words."""
    sentence = article.text[start:end]
    removals = [(max(t.start, start) - start, min(t.end, end) - start)
                for t in timexes if t.type in _ANCHOR_TYPES]
    if anchor is not None and anchor.type not in _ANCHOR_TYPES:  # "vor zwei Wochen"
        removals.append((max(_word_span_before(article.text, anchor.start)[0], start) - start,
                         anchor.end - start))
    dl = article.dateline
    if dl.end > start and dl.start < end:
        removals.append((max(dl.start, start) - start, min(dl.end, end) - start))
    title = make_title(sentence, removals, anchor.start - start if anchor else None, article.lang)
    date = anchor_date if anchor else article.date
    source = Source(slug=article.slug, sentence=sentence, start=start, end=end,
                    timex_start=anchor.start if anchor else None,
                    timex_end=anchor.end if anchor else None)
    return Event(
        id=event_id(article.slug, sentence), date=date, title=title, sentence=sentence,
        start=start, end=end, slug=article.slug, mod=anchor.mod if anchor else None,
        timex_text=anchor.text if anchor else "",
        entities=entities_in(tokens, article.lang, *names), sources=(source,),
        lang=article.lang,
    )


def _manual_event(article: Article, manual: ManualEvent,
                  names: tuple[dict[str, str], frozenset[str]]) -> Event:
    """An event written in the front matter; its text is its sentence."""
    sentence = manual.text or manual.title
    return Event(
        id=event_id(article.slug, manual.title), date=manual.date, title=manual.title,
        sentence=sentence, start=0, end=0, slug=article.slug,
        entities=find_entities(f"{manual.title}. {manual.text}", article.lang, *names),
        sources=(Source(slug=article.slug, sentence=sentence, start=0, end=0),),
        lang=article.lang, manual=True,
    )
