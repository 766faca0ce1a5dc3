"""Finding time expressions: language patterns compiled once, tried where they can start.

The engine knows no language.  It reads a language data module (see
``lang/``), expands the ``{placeholders}`` of its ``PATTERNS`` into named
groups and compiles each pattern when it is first tried (or at once from
the programs ``regex_cache`` kept from an earlier process).  ``starts``
works out the words each pattern can begin with (kept between processes by
``starts_cache``); one small prefilter regex finds those words in the
text, and at each hit only the patterns starting with that word are tried.
The text is read once, left to right, and never copied.
Each match becomes a :class:`Mention` -- its span, the kind of pattern and
the meanings of its parts (month numbers, unit codes ...) -- which
``resolve`` turns into a TIMEX3 value.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from types import ModuleType

from . import lang as _lang
from .regex_cache import patterns
from .starts import MAX_MEMO_KEY, Starts
from .starts import key as starts_key
from .starts_cache import analyse

# Numeric placeholders, identical in every language.  None of them nests a
# quantifier, so no pattern can backtrack catastrophically.
NUMERIC = {
    "day": r"0?[1-9]|[12]\d|3[01]",
    "mnum": r"0?[1-9]|1[0-2]",
    "year": r"1\d{3}|20\d{2}",
    "yy": r"\d{2}",
    "bcyear": r"\d{1,4}",
    "hour": r"[01]?\d|2[0-4]",
    "minute": r"[0-5]\d",
    "ordnum": r"[1-9]|1\d|2[01]",
    "decade": r"1\d{2}0|20[0-9]0|\d0",
    "yearnum": r"\d{1,4}",
}

# Vocabulary placeholders: placeholder -> attribute of the language module.
VOCAB = {
    "month": "MONTHS", "weekday": "WEEKDAYS", "daypart": "DAYPARTS",
    "daypartsuffix": "DAYPART_SUFFIXES", "ordword": "ORDINALS", "partord": "ORDINALS",
    "unit": "UNITS", "partunit": "PART_UNITS", "season": "SEASONS", "deictic": "DEICTIC",
    "vague": "VAGUE", "rel": "RELATIVE", "pos": "POSITIONS", "approx": "APPROX",
    "vaguequant": "VAGUE_QUANT", "every": "EVERY", "setword": "SET_WORDS",
    "holiday": "HOLIDAYS", "bc": "ERA_BC", "article": "ARTICLES",
    "unitadj": "UNIT_ADJECTIVES", "vagueunitadj": "VAGUE_UNIT_ADJECTIVES",
    "numword": "NUMBERS", "ampm": "AMPM", "clockword": "CLOCK_WORDS",
    "ordsuffix": "ORDINAL_SUFFIXES", "direction": "DIRECTIONS", "setunit": "SET_UNITS",
    "decadeword": "DECADE_WORDS",
    "yearword": "YEAR_WORDS", "tz": "TIME_ZONES", "dayword": "DAY_WORDS",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Rule:
    """One pattern: its kind, its regex and how its matches begin."""

    kind: str
    source: str  # the regex; the parts are named groups: (?P<month>...)
    starts: Starts
    # Gives ``source`` compiled: made from its stored program, else by re.compile.
    compile: Callable[[], re.Pattern] = field(compare=False, repr=False)

    @cached_property
    def regex(self) -> re.Pattern:
        """``source`` compiled, when the scan first meets a place where this
        rule may begin: without stored programs a process that tags little
        text compiles only the rules it may try."""
        return self.compile()


@dataclass
class Mention:
    """A pattern match: span, kind and the raw words of its parts."""

    start: int
    end: int
    kind: str
    parts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Language:
    """Everything the engine needs for one language, built once."""

    data: ModuleType
    rules: tuple               # Rule, in the order of PATTERNS (first match wins)
    prefilter: re.Pattern      # where some rule can begin; its match is the key
    lookup: dict               # placeholder -> {surface word: meaning}
    not_year_before: re.Pattern
    not_year_after: re.Pattern
    count_after: re.Pattern
    year_cues_before: re.Pattern
    past_cues: re.Pattern
    future_cues: re.Pattern
    range_end_before: re.Pattern
    range_connector: re.Pattern   # matches all of the text between a range's parts
    narrative_drop: re.Pattern
    news_drop: re.Pattern
    news_drop_end: re.Pattern
    clause_break: re.Pattern
    anchor_extent: re.Pattern
    sentence_end: re.Pattern
    background_before: re.Pattern
    name_word: re.Pattern         # a time word that, capitalised, may be part of a name
    anchor_signal: re.Pattern     # all of the text between an anchored amount and its date
    # Memo: prefilter key -> ``tries_at`` there.  Bounded by the start words
    # and the characters the start classes match.
    _by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def tries_at(self, matched: str) -> tuple:
        """``(match, rule)`` for the rules, in order, that can begin where the
        prefilter matched ``matched``; ``match`` is the rule's compiled
        ``regex.match``, bound once here rather than looked up at every try."""
        tries = self._by_key.get(matched)
        if tries is None:
            k = starts_key(matched)
            tries = tuple((r.regex.match, r) for r in self.rules if r.starts.admits(k))
            if len(matched) <= MAX_MEMO_KEY:
                self._by_key[matched] = tries
        return tries


def _variants(word: str) -> tuple[str, ...]:
    """Surface forms of a vocabulary word: lower-case words also capitalised."""
    if word[:1].islower():
        return word, word[:1].upper() + word[1:]
    return (word,)


def _word_regex(words) -> str:
    """An alternation matching any of ``words`` as a trie, longest first.

    A trie keeps matching fast: at each position only one branch per
    distinct first letter is tried instead of every word.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict) -> str:
    branches = []
    for ch in sorted(node):
        if not ch:  # a word ends here: see ``optional`` below
            continue
        sub = node[ch]
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece if len(sub) == 1 and "" in sub else piece + _trie_to_regex(sub))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        # Longest match first: try the continuation, then stop here.
        body = "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def _lookup_table(data: ModuleType, attr: str) -> dict:
    """Surface word -> meaning for one vocabulary attribute (sets map to the word)."""
    table = getattr(data, attr, None) or {}
    items = table.items() if isinstance(table, dict) else ((w, w) for w in table)
    out = {}
    for word, meaning in items:
        for form in _variants(word):
            out.setdefault(form, meaning)
    return out


def _expand(template: str, lookup: dict) -> str:
    """Template -> regex with one named group per placeholder (``(?P<month>...)``)."""

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name in NUMERIC:
            body = NUMERIC[name]
        elif name == "num":
            body = r"\d+(?:[.,]5|\s1/2)?|" + lookup["numword_regex"]
        else:
            body = lookup[name + "_regex"]
        return f"(?P<{name}>{body})"

    return _PLACEHOLDER.sub(sub, template)


@lru_cache(maxsize=None)
def language(code: str) -> Language:
    """The compiled tagger data for language ``code`` (built once, then cached)."""
    data = _lang.load(code)
    lookup: dict = {}
    by_attr: dict = {}  # two placeholders may share a vocabulary ("ordword", "partord")
    for name, attr in VOCAB.items():
        if attr not in by_attr:
            table = _lookup_table(data, attr)
            # An empty vocabulary must never match: (?!) fails at once.
            by_attr[attr] = table, _word_regex(table) if table else "(?!)"
        lookup[name], lookup[name + "_regex"] = by_attr[attr]
    bodies = [_expand(template, lookup) for _, template in data.PATTERNS]
    # Matches begin only after a non-word character (or at the start).
    all_starts, prefilter = analyse(bodies)
    fixed = {  # the other regexes: field of Language -> source
        "not_year_before": data.NOT_YEAR_BEFORE,
        "not_year_after": data.NOT_YEAR_AFTER,
        "count_after": data.COUNT_AFTER,
        "year_cues_before": data.YEAR_CUES_BEFORE,
        "past_cues": data.PAST_CUES,
        "future_cues": data.FUTURE_CUES,
        "range_end_before": getattr(data, "RANGE_END_BEFORE", _RANGE_END),
        "range_connector": getattr(data, "RANGE_CONNECTOR", _RANGE_CONNECTOR) + r"\Z",
        "narrative_drop": getattr(data, "NARRATIVE_SPAN_DROP", None) or "(?!)",
        "news_drop": getattr(data, "NEWS_SPAN_DROP", None) or "(?!)",
        "news_drop_end": getattr(data, "NEWS_SPAN_DROP_END", None) or "(?!)",
        "clause_break": getattr(data, "CLAUSE_BREAK", _CLAUSE_BREAK),
        "anchor_extent": getattr(data, "ANCHOR_EXTENT", None) or "(?!)",
        "sentence_end": sentence_end(getattr(data, "ABBREVIATIONS", ())),
        "background_before": getattr(data, "BACKGROUND_BEFORE", None) or "(?!)",
        "name_word": getattr(data, "NAME_WORDS", None) or "(?!)",
        "anchor_signal": (getattr(data, "ANCHOR_SIGNAL", None) or "(?!)") + r"\Z",
    }
    rule_sources = [f"(?:{body})(?!\\w)" for body in bodies]
    compiled = patterns([prefilter, *fixed.values(), *rule_sources])
    first_rule = 1 + len(fixed)
    rules = [Rule(kind, source, found, partial(compiled.compile, first_rule + i))
             for i, ((kind, _), source, found)
             in enumerate(zip(data.PATTERNS, rule_sources, all_starts))]
    return Language(
        data=data, rules=tuple(rules), prefilter=compiled.compile(0), lookup=lookup,
        **{name: compiled.compile(1 + i) for i, name in enumerate(fixed)},
    )


def mentions(text: str, spec: Language):
    """Yield the :class:`Mention` s of ``text``, left to right, non-overlapping."""
    for start, end, rule, m in scan(text, spec):
        parts = {k: v for k, v in m.groupdict().items() if v is not None}
        mention = Mention(start, end, rule.kind, parts)
        if rule.kind == "year" and not _plausible_year(text, mention, spec):
            continue
        yield mention


def scan(text: str, spec: Language):
    """Yield ``(start, end, rule, match)`` for the rule matches of ``text``.

    Left to right, non-overlapping; at each position the first rule in
    ``PATTERNS`` order that matches wins (after a non-word character, and
    not followed by one).  Rules are tried only where the prefilter finds
    one of their starts, and only the rules that can start with it.
    """
    end = 0
    memo, tries_at = spec._by_key, spec.tries_at
    for candidate in spec.prefilter.finditer(text):
        pos = candidate.start()
        if pos < end:
            continue
        matched = candidate.group(1)
        tries = memo.get(matched)
        if tries is None:
            tries = tries_at(matched)
        for match, rule in tries:
            m = match(text, pos)
            if m is not None:
                end = m.end()
                yield pos, end, rule, m
                break


def range_year(text: str, mention: Mention, nxt: Mention | None, spec: Language) -> int | None:
    """The explicit year of ``nxt`` when ``mention`` opens a range or pair with it.

    "18 August - 15 September 1951", "August and September 1914": only the
    language's range words (``RANGE_CONNECTOR``) may stand between the two.
    """
    if nxt is None or "year" not in nxt.parts or "year" in mention.parts:
        return None
    if nxt.start - mention.end > 12 or not spec.range_connector.match(text, mention.end, nxt.start):
        return None
    year = int(nxt.parts["year"])
    return -year if "bc" in nxt.parts else year


_APPOSITION = re.compile(r"\s*[,–—-]\s*\Z")


def apposed(text: str, previous_end: int, start: int) -> bool:
    """Whether only a comma or dash stands between the previous expression and ``start``."""
    return 0 <= start - previous_end <= 4 and bool(_APPOSITION.match(text, previous_end, start))


def _plausible_year(text: str, mention: Mention, spec: Language) -> bool:
    """False when a bare four-digit number is an identifier, amount or count."""
    s, e = mention.start, mention.end
    if s >= 2 and text[s - 1] in ".,/:" and text[s - 2].isdigit():
        return False
    if e + 1 < len(text) and text[e] in ".,:" and text[e + 1].isdigit():
        return False
    before = text[max(0, s - 40):s]
    if spec.not_year_before.search(before):
        return False
    after = text[e:e + 40]
    if spec.not_year_after.search(after):
        return False
    if spec.count_after.search(after):
        # the cue may be inside the mention itself ("fiscal 1989 sales")
        year = mention.parts.get("year")
        cut = text.rfind(year, s, e) if year else s
        return bool(spec.year_cues_before.search(text[max(0, s - 40):max(cut, s)]))
    return True


def sentence_end(abbreviations) -> str:
    """The sentence-end regex: a full stop before a lower-case word ends no
    sentence ("the U.S. embassy"), nor does one of ``abbreviations`` ("Mr.",
    "vs."): a name or a date goes on after them."""
    guards = "".join(f"(?<!\\b{re.escape(a)})" for a in sorted(abbreviations))
    # Led by a class, so that a search skips in C to the next candidate.
    return r"[.!?\n](?:(?<=\n)|" + guards + r"(?=\s)(?!\s+" + _LATIN_LOWER + "))"


# A lower-case Latin letter (ASCII and Latin-1: "ä", "ß", "é"); the engine names no language.
_LATIN_LOWER = "[a-z\u00df-\u00f6\u00f8-\u00ff]"
# A full stop after a digit is an ordinal ("am 3. Mai"), not a sentence end.
_CLAUSE_START = re.compile(r"(?<!\d)[.!?;:](?=\s)|\n")
# Before the second part of a range ("1870/71", "1943–1945") in any language.
_RANGE_END = r"[–/]\s*$"
# Between the two parts of a range ("18 August - 15 September 1951").
_RANGE_CONNECTOR = r"\s*[-–—]\s*"


# A heading: a short line of its own (no full stop at its end) naming a year.
_HEADING_LENGTH = 60
_HEADING_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")


def heading_years(text: str) -> tuple:
    """``(offset, year)`` for each heading line that names just a year, in text order.

    Chronological narratives announce their periods in headings
    ("Kriegsjahr 1915", "1862"); a year a later heading names is not yet the
    story's time when a sentence mentions it in passing.
    """
    out = []
    offset = 0
    for line in text.split("\n"):  # str.split: no regex tried at every character
        start, offset = offset, offset + len(line) + 1
        if len(line) > _HEADING_LENGTH:
            continue
        body = line.strip()
        # "1862", "Kriegsjahr 1915": one year, at most two words, nothing else numeric
        if not body or len(body.split()) > 2 or sum(ch.isdigit() for ch in body) != 4:
            continue
        year = _HEADING_YEAR.search(body)
        if year:
            out.append((start + year.start(), int(year.group())))
    return tuple(out)


def placement(text: str, start: int, spec: Language, window: int = 200) -> str | None:
    """Where a mention sits in its sentence: "lead", "aside", "background" or None.

    "lead": at most three words precede it ("Im Juli 1861 ...", a heading);
    "aside": inside an open parenthesis or after a range word ("bis 1915");
    "background": after a word that sets it against the main clause
    ("After a flat second quarter, ..."; the language's ``BACKGROUND_BEFORE``).
    """
    left = text[max(0, start - window):start]
    cut = 0
    for m in _CLAUSE_START.finditer(left):
        cut = m.end()
    prefix = left[cut:]
    opened = prefix.rfind("(")
    if opened >= 0 and ")" not in prefix[opened:]:
        return "aside"
    if spec.range_end_before.search(prefix):
        return "aside"
    if spec.background_before.search(prefix):
        return "background"
    return "lead" if len(prefix.split()) <= 3 else None


# Where a clause ends, for the tense of a mention; languages may say otherwise.
_CLAUSE_BREAK = r"[,;:–()]"


def tense(text: str, start: int, end: int, spec: Language, window: int = 300) -> str | None:
    """"past", "future" or None: the tense cue nearest the span in its clause.

    Only the span's own clause (its sentence cut at commas, colons, dashes,
    brackets) counts: a verb beyond a comma belongs to another clause.
    """
    lo = max(0, start - window)
    left = text[lo:start]
    cut = 0
    for m in spec.sentence_end.finditer(left):
        cut = m.end()
    s0 = lo + cut
    right = text[end:end + window]
    m = spec.sentence_end.search(right)
    s1 = end + (m.start() if m else len(right))
    sentence = text[s0:s1]
    inside = (start - s0, end - s0)
    c0 = 0
    for m in spec.clause_break.finditer(sentence, 0, inside[0]):
        c0 = m.end()
    m = spec.clause_break.search(sentence, inside[1])
    c1 = m.start() if m else len(sentence)
    best, best_dist = None, None
    for label, cues in (("past", spec.past_cues), ("future", spec.future_cues)):
        for c in cues.finditer(sentence, c0, c1):
            if inside[0] <= c.start() < inside[1]:
                continue  # a cue inside the expression itself says nothing
            dist = abs(c.start() - inside[0])
            if best_dist is None or dist < best_dist:
                best, best_dist = label, dist
    return best


def narrative_start(text: str, start: int, end: int, spec: Language) -> int:
    """Start of a span under the narrative (TIMEX2) convention of the language.

    Some languages' TIMEX2 corpora leave a leading article outside the span
    ("der zweiten Jahreshälfte" -> "zweiten Jahreshälfte"); the language
    data says which words (``NARRATIVE_SPAN_DROP``).
    """
    m = spec.narrative_drop.match(text, start, end)
    return m.end() if m and m.end() < end else start


def news_start(text: str, start: int, end: int, spec: Language) -> int:
    """Start of a span under the news (TimeML) convention of the language.

    The language data says which leading words TimeML leaves outside a
    span (``NEWS_SPAN_DROP``, e.g. "the" before a bare plural).
    """
    m = spec.news_drop.match(text, start, end)
    return m.end() if m and m.end() < end else start


def news_end(text: str, start: int, end: int, spec: Language) -> int:
    """End of a span under the news (TimeML) convention of the language.

    The language data says which trailing words TimeML leaves outside a
    span as a signal (``NEWS_SPAN_DROP_END``, e.g. "later").
    """
    m = spec.news_drop_end.search(text, start, end)
    return m.start() if m and m.start() > start else end


# After a capitalised word that itself follows a word or comma on the same
# line: inside a run of capitals in mid-sentence, a name ("VOA Today").  A
# capital after "the" or at the start of a sentence says nothing ("in the
# Fall of 1863", "In Spring 1916").
_AFTER_NAME_WORD = re.compile(r"[\w,][ \t]+[A-Z](?:[\w.'’&-]*[\w'’&-])?[ \t]+\Z")
# An opening quotation mark after a word or comma (and at most three
# capitalised words), and its closing one at most four words on: a quoted
# title ('on ABC's "This Week," Baker said', 'the film "High Noon"').
_QUOTE_AFTER_WORD = re.compile(r"[\w'’,][ \t]+(?:``|\"|“)(?:[A-Z][\w'’-]*[ \t]+){0,3}\Z")
_QUOTE_CLOSES = re.compile(r"(?:[ \t]+[\w-]+){0,3}[.,!?]?(?:''|\"|”)")
# Words of four letters or more: the ones a headline in title case capitalises.
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_line(text: str, start: int, reach: int = 200) -> bool:
    """Whether ``start`` lies in a headline written in title case ("Talks Resume
    Next Week"), where every word is capitalised and a capital marks nothing."""
    lo = max(0, start - reach)
    newline = text.rfind("\n", lo, start)
    if newline >= 0:
        lo = newline + 1
    hi = text.find("\n", start, start + reach)
    if hi < 0:
        hi = start + reach
    words = _LONG_WORD.findall(text, lo, hi)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def in_name(text: str, start: int, end: int, spec: Language) -> bool:
    """Whether the mention at ``start`` is part of a name or title, not a time.

    A language whose time words are lower-case (``NAME_WORDS``) writes them
    capitalised in mid-sentence only in a name or title: 'the film "High
    Noon"', 'ABC's "This Week"', "This is VOA Today."  A capital after a
    sentence end or "the", or opening a quoted sentence, says nothing.
    """
    if not spec.name_word.match(text, start, end) or _title_line(text, start):
        return False
    left = text[max(0, start - 40):start]
    if _AFTER_NAME_WORD.search(left):
        return True
    return bool(_QUOTE_AFTER_WORD.search(left) and _QUOTE_CLOSES.match(text, end))


def signal_before(text: str, end: int, nxt: Mention | None, spec: Language) -> bool:
    """Whether only an anchor's signal word ("before", "after") stands between
    ``end`` and the next mention: "the day before [last Tuesday]"."""
    return nxt is not None and nxt.start - end <= 12 and bool(
        spec.anchor_signal.match(text, end, nxt.start))


def anchor_end(text: str, end: int, limit: int, spec: Language) -> int:
    """End of an event-anchored span ("two days after the battle") in TIMEX2 style.

    The language's ``ANCHOR_EXTENT`` reads the signal word and the event up
    to the end of the clause; a span that would reach ``limit`` (where the
    next time expression starts) keeps its old end.
    """
    m = spec.anchor_extent.match(text, end, min(limit, end + 120))
    return m.end() if m and m.end() <= limit else end
