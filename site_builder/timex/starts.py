"""Where a match of a regular expression can begin: a cheap prefilter.

``starts_of(regex)`` reads a pattern's syntax tree and tells how its matches
can begin: the first word of each alternative ("Januar", "the",
"letzt..."), or the character class it starts with (``[0-9]``).
``prefilter_regex`` joins the starts of many patterns into one small regex.
The tagger searches the text with it and, where it hits, tries only the
patterns whose starts admit what it read there -- instead of trying every
pattern at every word: same matches, a fraction of the work.

The analysis is conservative: it may report more starts than needed, never
fewer.  Anything it cannot reason about (a pattern that may match the empty
string, back-references, case-insensitive parts) makes it answer ANYWHERE:
the pattern is then tried at every position -- slow, never wrong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

try:  # Python 3.11+
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]


class _Unanalysable(Exception):
    """The pattern uses a construct whose starts cannot be bounded."""


# Zero-width items: they constrain a match but consume nothing.
_ZERO_WIDTH = {"ASSERT", "ASSERT_NOT", "AT"}
_CATEGORY = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_STOP = ("STOP", None)  # end of one repetition: the prefix ends here


@dataclass(frozen=True)
class Starts:
    """How the matches of one pattern can begin.

    ``words``: runs of literal characters, one of which every match starts
    with; ``classes``: regex character classes for matches that start with
    a class instead (``[0-9]``).
    """

    words: frozenset
    classes: frozenset

    def admits(self, key: str) -> bool:
        """Whether a match may begin where the prefilter read ``key``.

        ``key`` is the prefilter's match: the longest start word of any
        pattern found there, or else the one character a class matched.
        """
        return (any(key.startswith(w) for w in self.words)
                or any(re.match(c, key[0]) for c in self.classes))


# For patterns the analysis cannot bound: they may start at any character.
ANYWHERE = Starts(frozenset(), frozenset({r"(?s:.)"}))


def starts_of(regex: str) -> Starts:
    """The :class:`Starts` of ``regex`` (ANYWHERE when they cannot be bounded)."""
    if re.compile(regex).flags & re.IGNORECASE:
        return ANYWHERE
    try:
        tree = _sre_parse.parse(regex)
        words, classes = set(), set()
        for start in _walk(list(tree.data), "", _end_of_pattern):
            if isinstance(start, tuple):
                classes.add(start[1])
            else:
                words.add(start)
    except (_Unanalysable, RecursionError):
        return ANYWHERE
    return Starts(frozenset(words), frozenset(classes))


def prefilter_regex(all_starts) -> str:
    """One regex matching, at each possible start, the longest start word there.

    Its match is the key for :meth:`Starts.admits`: the trie of all start
    words first (longest first), then the character classes.
    """
    words = set().union(*(s.words for s in all_starts))
    classes = sorted(set().union(*(s.classes for s in all_starts)))
    pieces = ([_alternation(words)] if words else []) + classes
    return "(?:" + "|".join(pieces) + ")" if pieces else "(?!)"


def _end_of_pattern(prefix: str) -> set:
    if not prefix:
        raise _Unanalysable("the pattern can match the empty string")
    return {prefix}


def _walk(items: list, prefix: str, at_end) -> set:
    """Starts of the matches of ``items`` given the literal ``prefix`` read so far.

    A start is a string (a run of literal word characters, or one other
    literal character) or a ``("class", regex)`` pair for a character class.
    ``at_end(prefix)`` gives the starts once ``items`` is used up.
    """
    if not items:
        return at_end(prefix)
    (op, av), rest = items[0], items[1:]
    name = op if isinstance(op, str) else op.name
    if name == "STOP":
        return {prefix} if prefix else _walk(av, prefix, at_end)
    if name in _ZERO_WIDTH:
        return _walk(rest, prefix, at_end)
    if name == "LITERAL":
        ch = chr(av)
        if prefix and not _is_word(ch):
            return {prefix}
        if not _is_word(ch):
            return {ch}
        return _walk(rest, prefix + ch, at_end)
    if name == "SUBPATTERN":
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            raise _Unanalysable("case-insensitive part")
        return _walk(list(sub.data) + rest, prefix, at_end)
    if name == "ATOMIC_GROUP":
        return _walk(list(av.data) + rest, prefix, at_end)
    if name == "BRANCH":
        out: set = set()
        for alt in av[1]:
            out |= _walk(list(alt.data) + rest, prefix, at_end)
        return out
    if prefix:  # the literal run ends at anything else
        return {prefix}
    if name == "IN":
        return {("class", _char_class(av))}
    if name == "NOT_LITERAL":
        return {("class", "[^" + re.escape(chr(av)) + "]")}
    if name == "ANY":
        return {("class", r"(?s:.)")}
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, sub = av
        # One pass through the repeated part; what follows a repeat never
        # extends the prefix, so a second pass cannot change the starts.
        out = _walk(list(sub.data) + [(_STOP[0], rest)], "", at_end)
        if low == 0:
            out |= _walk(rest, "", at_end)
        return out
    raise _Unanalysable(name)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _char_class(items) -> str:
    out, negate = [], False
    for op, av in items:
        name = op.name
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            out.append(re.escape(chr(av)))
        elif name == "RANGE":
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif name == "CATEGORY":
            out.append(_CATEGORY[av.name])
        else:
            raise _Unanalysable(name)
    return "[" + ("^" if negate else "") + "".join(out) + "]"


def _alternation(words) -> str:
    """A trie-shaped alternation that matches the longest of ``words`` present.

    One branch per next letter, so the regex engine tries few of them.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: try the longer ones first, then stop
        return "(?:" + body + ")?"
    return body
