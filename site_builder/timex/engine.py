"""Finding time expressions: language patterns compiled into one scanner.

The engine knows no language.  It reads a language data module (see
``lang/``), expands the ``{placeholders}`` of its ``PATTERNS`` into named
groups, joins all patterns into a single alternation and scans the text once.
Each match becomes a :class:`Mention` -- its span, the kind of pattern and
the meanings of its parts (month numbers, unit codes ...) -- which
``resolve`` turns into a TIMEX3 value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from . import lang as _lang

# Numeric placeholders, identical in every language.  None of them nests a
# quantifier, so the scanner cannot backtrack catastrophically.
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
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Rule:
    """One compiled pattern: its kind and where its parts sit in the scanner."""

    kind: str
    group: int                          # index of the rule's wrapper group
    parts: tuple[tuple[str, int], ...]  # (placeholder, group index)


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
    scanner: re.Pattern
    rules: dict               # wrapper group index -> Rule
    lookup: dict              # placeholder -> {surface word: meaning}
    not_year_before: re.Pattern
    not_year_after: re.Pattern
    count_after: re.Pattern
    year_cues_before: re.Pattern
    past_cues: re.Pattern
    future_cues: re.Pattern
    range_end_before: re.Pattern


def _variants(word: str) -> tuple[str, ...]:
    """Surface forms of a vocabulary word: lower-case words also capitalised."""
    if word[:1].islower():
        return word, word[:1].upper() + word[1:]
    return (word,)


def _word_regex(words) -> str:
    """An alternation matching any of ``words`` as a trie, longest first.

    A trie keeps the scanner fast: at each position only one branch per
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
    branches, optional = [], False
    for ch in sorted(node, key=lambda c: (c == "", c)):
        if ch == "":
            optional = True
            continue
        piece = r"\s+" if ch == " " else re.escape(ch)
        sub = node[ch]
        if list(sub) == [""]:
            branches.append(piece)
        else:
            branches.append(piece + _trie_to_regex(sub))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
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


def _expand(template: str, prefix: str, lookup: dict) -> tuple[str, list[str]]:
    """Template -> regex with groups named ``{prefix}_{placeholder}``."""
    used = []

    def sub(m: re.Match) -> str:
        name = m.group(1)
        used.append(name)
        if name in NUMERIC:
            body = NUMERIC[name]
        elif name == "num":
            body = r"\d+(?:[.,]5)?|" + lookup["numword_regex"]
        else:
            body = lookup[name + "_regex"]
        return f"(?P<{prefix}_{name}>{body})"

    return _PLACEHOLDER.sub(sub, template), used


@lru_cache(maxsize=None)
def language(code: str) -> Language:
    """The compiled tagger data for language ``code`` (built once, then cached)."""
    data = _lang.load(code)
    lookup: dict = {}
    for name, attr in VOCAB.items():
        table = _lookup_table(data, attr)
        lookup[name] = table
        # An empty vocabulary must never match: (?!) fails at once.
        lookup[name + "_regex"] = _word_regex(table) if table else "(?!)"
    pieces, names = [], []
    for i, (kind, template) in enumerate(data.PATTERNS):
        body, used = _expand(template, f"r{i}", lookup)
        pieces.append(f"(?P<r{i}>{body})(?!\\w)")
        names.append((kind, f"r{i}", used))
    scanner = re.compile(r"(?<!\w)(?:" + "|".join(pieces) + ")")
    index = scanner.groupindex
    rules = {}
    for kind, wrapper, used in names:
        parts = tuple((p, index[f"{wrapper}_{p}"]) for p in used)
        rules[index[wrapper]] = Rule(kind, index[wrapper], parts)
    return Language(
        data=data, scanner=scanner, rules=rules, lookup=lookup,
        not_year_before=re.compile(data.NOT_YEAR_BEFORE),
        not_year_after=re.compile(data.NOT_YEAR_AFTER),
        count_after=re.compile(data.COUNT_AFTER),
        year_cues_before=re.compile(data.YEAR_CUES_BEFORE),
        past_cues=re.compile(data.PAST_CUES),
        future_cues=re.compile(data.FUTURE_CUES),
        range_end_before=re.compile(getattr(data, "RANGE_END_BEFORE", _RANGE_END)),
    )


def mentions(text: str, spec: Language):
    """Yield the :class:`Mention` s of ``text``, left to right, non-overlapping."""
    rules = spec.rules
    for m in spec.scanner.finditer(text):
        rule = rules[m.lastindex]
        parts = {}
        for name, idx in rule.parts:
            value = m.group(idx)
            if value is not None:
                parts[name] = value
        mention = Mention(m.start(), m.end(), rule.kind, parts)
        if rule.kind == "year" and not _plausible_year(text, mention, spec):
            continue
        yield mention


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
        return bool(spec.year_cues_before.search(before))
    return True


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# A full stop after a digit is an ordinal ("am 3. Mai"), not a sentence end.
_CLAUSE_START = re.compile(r"(?<!\d)[.!?;:](?=\s)|\n")
# Before the second part of a range ("1870/71", "1943–1945") in any language.
_RANGE_END = r"[–/]\s*$"


def placement(text: str, start: int, spec: Language, window: int = 200) -> str | None:
    """Where a mention sits in its sentence: "lead", "aside" or None.

    "lead": at most three words precede it ("Im Juli 1861 ...", a heading);
    "aside": inside an open parenthesis or after a range word ("bis 1915").
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
    return "lead" if len(prefix.split()) <= 3 else None


def tense(text: str, start: int, end: int, spec: Language, window: int = 300) -> str | None:
    """"past", "future" or None: the tense cue nearest the span in its sentence."""
    lo = max(0, start - window)
    left = text[lo:start]
    cut = 0
    for m in _SENTENCE_END.finditer(left):
        cut = m.end()
    s0 = lo + cut
    right = text[end:end + window]
    m = _SENTENCE_END.search(right)
    s1 = end + (m.start() if m else len(right))
    sentence = text[s0:s1]
    centre = start - s0
    best, best_dist = None, None
    for label, cues in (("past", spec.past_cues), ("future", spec.future_cues)):
        for c in cues.finditer(sentence):
            if start - s0 <= c.start() < end - s0:
                continue  # a cue inside the expression itself says nothing
            dist = abs(c.start() - centre)
            if best_dist is None or dist < best_dist:
                best, best_dist = label, dist
    return best
