"""People, places and organisations named in a sentence, by rule.

No model: capitalisation plus the small gazetteers and cue words of
``langdata``.  German capitalises every noun, so a capitalised word alone is
not a name; a name needs support: a gazetteer entry, a person cue before it
("Präsident Donald Trump", "Kremlsprecher Dmitri Peskow"), a place
preposition without article ("in Hamburg"), or an earlier full mention in
the same article ("Donald Trump" … later "Trump").

In: text and language code (and optionally the names already known in the
article).  Out: ``(kind, name)`` pairs with kind PERSON, PLACE or ORG, in
order of first mention, without duplicates.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import langdata

PERSON, PLACE, ORG = "PERSON", "PLACE", "ORG"

_TOKEN = re.compile(r"[\w][\w.'’-]*")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _strip(word: str) -> str:
    """A token without trailing dots/apostrophe-s, for gazetteer lookups."""
    word = word.rstrip(".")
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


Tokens = tuple[list[str], list[str]]  # the words of a text, and each without trailing dots and 's


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """The words of ``text[start:end]`` and their bare forms (for lookups)."""
    words = _TOKEN.findall(text, start, len(text) if end is None else end)
    # _strip changes only words ending in "." or "s": call it only for those
    return words, [_strip(w) if w[-1] in ".s" else w for w in words]


def tokenize_spans(text: str, spans: list[tuple[int, int]]) -> tuple[list[Tokens], Tokens]:
    """The tokens of each span (sorted, not overlapping) and of the whole text,
    each character tokenised once.

    A span must start and end at white space or at an end of the text, as
    sentence spans do: then no word crosses it, and the whole text's words
    are those of the spans and of the gaps between them, in order.
    """
    per_span, words, bare = [], [], []
    pos = 0
    for start, end in spans:
        gap = tokenize(text, pos, start)
        span = tokenize(text, start, end)
        per_span.append(span)
        words += gap[0]
        words += span[0]
        bare += gap[1]
        bare += span[1]
        pos = end
    gap = tokenize(text, pos)
    return per_span, (words + gap[0], bare + gap[1])


def article_names(text: str, lang: str) -> dict[str, str]:
    """Names a whole article introduces: full person names and their surnames.

    In: article text, language.  Out: ``{name: kind}``; a person seen as
    "Donald Trump" also maps "Trump", so later bare mentions are found.
    """
    return known_names(tokenize(text), lang)


def known_names(tokens: Tokens, lang: str) -> dict[str, str]:
    """:func:`article_names` of a text given as its :func:`tokenize` tokens."""
    known: dict[str, str] = {}
    for kind, name in entities_in(tokens, lang):
        known.setdefault(name, kind)
        if kind == PERSON and " " in name:
            known.setdefault(name.split()[-1], PERSON)
    return known


def name_heads(known: dict[str, str]) -> frozenset[str]:
    """The first words of the ``known`` names (a name can only start at one)."""
    return frozenset(name.split(" ", 1)[0] for name in known)


def find_entities(text: str, lang: str, known: dict[str, str] | None = None,
                  heads: frozenset[str] | None = None) -> tuple[tuple[str, str], ...]:
    """The ``(kind, name)`` pairs named in ``text`` (see module doc).

    ``heads``: :func:`name_heads` of ``known``, for a caller that looks at
    many sentences with the same ``known`` names (computed once, not per call).
    """
    return entities_in(tokenize(text), lang, known, heads)


def entities_in(tokens: Tokens, lang: str, known: dict[str, str] | None = None,
                heads: frozenset[str] | None = None) -> tuple[tuple[str, str], ...]:
    """:func:`find_entities` of a text given as its :func:`tokenize` tokens."""
    data = langdata.get(lang)
    known = known or {}
    known_heads = name_heads(known) if heads is None else heads
    words, bare = tokens
    cue_suffixes = data.person_cue_suffixes
    starts = _start_words(data.code)
    place_prepositions = data.place_prepositions
    found: list[tuple[str, str]] = []
    n = len(words)
    i = 0
    after_place_preposition = False  # words[i - 1].lower() in place_prepositions
    while i < n:
        w = bare[i]
        low = w.lower()
        # Most words can start nothing (what _match_at would answer, cheaply):
        # not a cue, gazetteer word or head of a known name, no hyphenated
        # head, not right after a place preposition.
        if not after_place_preposition and low not in starts and w not in known_heads \
                and "-" not in w and not (cue_suffixes and low.endswith(cue_suffixes)):
            # the word's lower case, from ``low`` when it is its own bare form
            after_place_preposition = (low if w is words[i] else words[i].lower()) in place_prepositions
            i += 1
            continue
        hit = _match_at(words, bare, i, data, known, known_heads)
        if hit:
            kind, name, used = hit
            if (kind, name) not in found:
                found.append((kind, name))
            i += used
            if kind == PERSON and used > 1:
                i += _coordinated_person(words, bare, i, data, found)
        else:
            i += 1
        after_place_preposition = words[i - 1].lower() in place_prepositions
    return tuple(found)


def _name_run(words: list[str], bare: list[str], i: int, data, limit: int = 4) -> int:
    """How many words from ``i`` form a capitalised name ("Baschar al-Assad")."""
    n = 0
    while i + n < len(words) and n < limit:
        if n and words[i + n - 1].endswith(".") and len(words[i + n - 1]) > 2:
            break  # the previous word ended a sentence ("Peskow. Trump")
        w = bare[i + n]
        low = w.lower()
        if _is_cap(w) and low not in data.stop_words and low not in data.months \
                and low not in data.weekdays:
            n += 1
        elif n and (low in data.name_particles or low.split("-")[0] in data.name_particles) \
                and i + n + 1 <= len(words) and ("-" in w or (i + n + 1 < len(words)
                                                             and _is_cap(words[i + n + 1]))):
            n += 1
        else:
            break
    return n


def _coordinated_person(words: list[str], bare: list[str], i: int, data, found: list) -> int:
    """After a cued person, "und Wladimir Putin": add the second full name; words used."""
    if i < len(words) and words[i].lower() in data.conjunctions:
        n = _name_run(words, bare, i + 1, data)
        if n >= 2:
            name = " ".join(bare[i + 1:i + 1 + n])
            if (PERSON, name) not in found:
                found.append((PERSON, name))
            return 1 + n
    return 0


def _match_at(words: list[str], bare: list[str], i: int, data, known: dict[str, str],
              known_heads: frozenset[str]):
    """A ``(kind, name, words used)`` starting at ``words[i]``, or None
    (``bare``: the words without trailing dots and 's; ``known_heads``: the
    first words of the ``known`` names)."""
    w = bare[i]
    low = w.lower()
    # Person cue ("Präsident", "Kremlsprecher", "Secretary") + capitalised name.
    if low in data.person_cues or (data.person_cue_suffixes and low.endswith(data.person_cue_suffixes)):
        n = _name_run(words, bare, i + 1, data)
        if n:
            name = " ".join(bare[i + 1:i + 1 + n])
            if name.lower() not in data.places and name.lower() not in data.orgs:
                return PERSON, name, 1 + n
    if not _is_cap(w) and not any(c.isdigit() for c in w[:1]):
        # "al-Assad" and similar only count when a name was seen before.
        return (known[w], w, 1) if w in known else None
    # Known full names first (longest), then the gazetteers.  A name of
    # several words starts with this word: skip the joins when none does.
    if w in known_heads:
        for n in (3, 2, 1):
            name = " ".join(bare[i:i + n])
            if len(words) - i >= n and name in known:
                return known[name], name, n
    if i + 1 < len(words) and low in _gazetteer_heads(data.code):
        name = w + " " + bare[i + 1]
        kind = _gazetteer(name, data)
        if kind:
            return kind, name, 2
    kind = _gazetteer(w, data)
    if kind:
        return kind, w, 1
    head = low.split("-")[0]
    # "Apec-Gipfel", "UN-Sicherheitsrat", "G20-Gipfel": the first part names the org/place.
    if "-" in w and head != low:
        kind = _gazetteer(w.split("-")[0], data)
        if kind:
            return kind, w.split("-")[0], 1
    # "in Hamburg": a capitalised word right after a place preposition, no article.
    if i > 0 and words[i - 1].lower() in data.place_prepositions and low not in data.stop_words \
            and low not in data.months and low not in data.weekdays:
        n = _name_run(words, bare, i, data, limit=2)
        if n:
            return PLACE, " ".join(bare[i:i + n]), n
    return None


@lru_cache(maxsize=None)
def _start_words(lang: str) -> frozenset[str]:
    """Lower-case words a name can start at without other context: person
    cues, gazetteer names and the first words of gazetteer names."""
    data = langdata.get(lang)
    return data.person_cues | data.places | data.orgs | _gazetteer_heads(lang)


@lru_cache(maxsize=None)
def _gazetteer_heads(lang: str) -> frozenset[str]:
    """First words of the gazetteers' names of several words ("new" for "new york")."""
    data = langdata.get(lang)
    return frozenset(name.split(" ", 1)[0] for name in data.places | data.orgs if " " in name)


def _gazetteer(name: str, data) -> str | None:
    low = name.lower()
    if low in data.places:
        return PLACE
    if low in data.orgs:
        return ORG
    return None
