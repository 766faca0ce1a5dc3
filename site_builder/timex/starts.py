"""Where a match of a regular expression can begin: a cheap prefilter.

``starts_of(regex)`` reads a pattern's syntax tree and tells how its matches
can begin: the first word of each alternative ("Januar", "nächste"), with
the first letter of the next word, or its first two when the first one is
a short function word that also starts much else ("the la..." for "the
last", "der nä..."),
or a character class (``[0-9]``).  ``prefilter_regex`` joins the starts of
many patterns into one small trie-shaped regex.  The tagger searches the
text with it and, where it hits, tries only the patterns whose starts admit
what it read there -- instead of trying every pattern at every word: same
matches, a fraction of the work.

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

SPACE = " "         # in a start: a run of white space (``\s+`` in the prefilter)
MAX_MEMO_KEY = 80   # longer prefilter matches are not memoised (long white space runs)
# Of the word after the first one a start holds its first letter, or its
# first NEXT_WORD_LETTERS letters after a short (function) word: there one
# letter still admits many patterns ("the c": "the coming", "the current",
# "the century" ...) and "the ce" few.  More would grow the analysis and the
# prefilter, and with them the start-up of every process.
SHORT_WORD = 3
NEXT_WORD_LETTERS = 2
_SMALL_CLASS = 12   # a class of at most this many letters is spelled out ("[Ff]iscal")
_ZERO_WIDTH = {"ASSERT", "ASSERT_NOT", "AT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_CATEGORY = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


class _Unanalysable(Exception):
    """The pattern uses a construct whose starts cannot be bounded."""


@dataclass(frozen=True)
class Starts:
    """How the matches of one pattern can begin.

    ``words``: literal starts ("Januar"), or ``classes``: prefix -> regex
    character class, for matches that begin with the literal prefix and
    then a character of that class (``"" -> [0-9]``; ``"the " -> [ln0-9]``
    for "the last", "the next", "the 4th").  A space in a start stands for
    any run of white space.
    """

    words: frozenset
    classes: dict  # prefix -> compiled class

    def admits(self, key: str) -> bool:
        """Whether a match may begin where the prefilter read ``key``.

        ``key`` is the prefilter's match with white space runs made single
        spaces (see :func:`key`): the longest start of any pattern found
        there, so every start present there is a prefix of it.
        """
        for i in range(len(key) + 1):
            head = key[:i]
            if head in self.words:
                return True
            cls = self.classes.get(head)
            if cls is not None and i < len(key) and cls.match(key, i):
                return True
        return False


# For patterns the analysis cannot bound: they may start at any character.
ANYWHERE = Starts(frozenset(), {"": re.compile(r"(?s:.)")})


def starts_of(regex: str) -> Starts:
    """The :class:`Starts` of ``regex`` (ANYWHERE when they cannot be bounded)."""
    try:
        tree = _sre_parse.parse(regex)
        if tree.state.flags & re.IGNORECASE:
            return ANYWHERE
        found = _Walker().walk(_chain(tree.data, None), "")
    except (_Unanalysable, RecursionError):
        return ANYWHERE
    words = {s for s in found if isinstance(s, str)}
    by_prefix: dict = {}
    for prefix, cls in (s for s in found if isinstance(s, tuple)):
        by_prefix.setdefault(prefix, set()).add(cls)
    classes = {p: re.compile(_union(c)) for p, c in by_prefix.items()}
    return Starts(frozenset(words), classes)


def to_json(starts: Starts):
    """``starts`` as plain JSON data (None for :data:`ANYWHERE`)."""
    if starts is ANYWHERE:
        return None
    return {"words": sorted(starts.words),
            "classes": {prefix: cls.pattern for prefix, cls in sorted(starts.classes.items())}}


def from_json(data, compiled: dict | None = None) -> Starts:
    """The :class:`Starts` that :func:`to_json` wrote (ValueError when malformed).

    ``compiled``: class source -> compiled class, shared by the calls for
    one language (a few dozen classes recur thousands of times).
    """
    if data is None:
        return ANYWHERE
    words, classes = data["words"], data["classes"]
    if not (isinstance(words, list) and isinstance(classes, dict)
            and all(isinstance(x, str) for x in [*words, *classes, *classes.values()])):
        raise ValueError("not a Starts record")
    if compiled is None:
        compiled = {}
    out = {}
    for prefix, cls in classes.items():
        regex = compiled.get(cls)
        if regex is None:
            regex = compiled[cls] = re.compile(cls)
        out[prefix] = regex
    return Starts(frozenset(words), out)


def prefilter_regex(all_starts) -> str:
    """One regex matching, where any pattern can begin, the longest start there.

    A trie of all starts, longest first, tried only after a non-word
    character (or at the start); its group 1 (made a :func:`key`) is what
    :meth:`Starts.admits` is asked about.  Each match ends one character
    after its start, whatever the group read: a start inside the key
    ("last" in "the last") is still found when no rule matches at the key.
    """
    trie: dict = {}
    for starts in all_starts:
        for word in starts.words:
            _insert(trie, word)[""] = {}
        for prefix, cls in starts.classes.items():
            _insert(trie, prefix)[("class", cls.pattern)] = {}
    body = _trie_regex(trie) or "(?!)"
    first = _first_class(trie)
    if first is None:
        return r"(?<!\w)(?=(" + body + "))"
    # Led by a class of the first characters, the regex engine's search skips
    # in C from one such character to the next instead of trying the
    # lookbehind and the trie at every position; the lookbehind after the
    # class then reads the trie from the class's character.
    return first + r"(?<!\w.)(?<=(?=(" + body + r"))(?s:.))"


def _first_class(trie: dict) -> str | None:
    """A class of the characters a start can begin with (None: not one plain class)."""
    inner = []
    for k in sorted(trie, key=str):
        if isinstance(k, str):
            if k == SPACE or not k:
                return None
            inner.append(re.escape(k))
        elif k[1].startswith("[") and not k[1].startswith("[^") and k[1].endswith("]"):
            inner.append(k[1][1:-1])
        else:  # "(?s:.)", a negated class or a union of classes
            return None
    return "[" + "".join(inner) + "]" if inner else None


def key(matched: str) -> str:
    """The prefilter's match with each white space run made one space."""
    return re.sub(r"\s+", SPACE, matched)


def _union(classes: set) -> str:
    """One regex for several classes: ``{"J", "[0-9]"}`` -> ``[J0-9]``."""
    if len(classes) == 1:
        return next(iter(classes))
    inner = []
    for cls in sorted(classes):
        if cls.startswith("[") and not cls.startswith("[^"):
            inner.append(cls[1:-1])
        elif len(cls) == 1 or (len(cls) == 2 and cls[0] == "\\"):
            inner.append(cls)  # one character, maybe escaped
        else:
            return "(?:" + "|".join(sorted(classes)) + ")"
    return "[" + "".join(inner) + "]"


def _insert(trie: dict, prefix: str) -> dict:
    node = trie
    for ch in prefix:
        node = node.setdefault(ch, {})
    return node


def _trie_regex(node: dict) -> str:
    """Children first (longer starts win), literal letters before classes."""
    letters = sorted(k for k in node if isinstance(k, str) and k)
    branches = [(r"\s+" if ch == SPACE else re.escape(ch)) + _trie_regex(node[ch])
                for ch in letters]
    branches += sorted(k[1] for k in node if isinstance(k, tuple))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


# ---------------------------------------------------------------- the walk
#
# A continuation is a linked chain ``(item, rest)`` of parse items (or
# ``("STOP", chain)`` markers), so that the many paths through a word list
# share the same tail and its first characters are worked out once.

def _chain(items, rest):
    for item in reversed(list(items)):
        rest = (item, rest)
    return rest


class _Walker:
    """Enumerates the starts of one pattern; memoises first characters per tail."""

    def __init__(self):
        self._first: dict = {}

    def walk(self, chain, prefix: str) -> set:
        """Starts of the matches of ``chain`` after the literal ``prefix``.

        A start is a string or a ``(prefix, class regex)`` pair.
        """
        if chain is None:
            if not prefix:
                raise _Unanalysable("the pattern can match the empty string")
            return {prefix}
        space = prefix.find(SPACE)
        if space >= 0 and len(prefix) - space > NEXT_WORD_LETTERS:
            return {prefix}  # enough of the next word: a sharper start costs more analysis
        (op, av), rest = chain
        name = op if isinstance(op, str) else op.name
        if name == "STOP":  # one pass through a repeated part is over
            return {prefix} if prefix else self.walk(av, prefix)
        if name in _ZERO_WIDTH:
            return self.walk(rest, prefix)
        if name == "SUBPATTERN":
            if av[1] & re.IGNORECASE:
                raise _Unanalysable("case-insensitive part")
            if prefix and av[0] is not None and space < 0:
                # A second word list glued to the first ("Mittwoch" +
                # "abend"): its first character only, as for a second word.
                return self._then_first(prefix, _chain(av[3].data, rest))
            return self.walk(_chain(av[3].data, rest), prefix)
        if name == "ATOMIC_GROUP":
            return self.walk(_chain(av.data, rest), prefix)
        if name == "BRANCH":
            out: set = set()
            for alt in av[1]:
                out |= self.walk(_chain(alt.data, rest), prefix)
            return out
        if prefix and _is_space_run(name, av):
            if space >= 0:
                return {prefix}
            # Of the next word only its first letters: whole second words
            # would multiply out ("ein" x every unit word).
            if len(prefix) <= SHORT_WORD:
                return self.walk(rest, prefix + SPACE)
            return self._then_first(prefix + SPACE, rest)
        if name == "LITERAL":
            ch = chr(av)
            if not _is_word(ch):
                return {prefix} if prefix else {ch}
            return self.walk(rest, prefix + ch)
        if name == "IN":
            letters = _small_letter_set(av)
            if letters:  # "de[mnrs]": spell out "dem", "den", ...; "[Ff]iscal"
                out = set()
                for ch in letters:
                    out |= self.walk(rest, prefix + ch)
                return out
            return {(prefix, _char_class(av))}
        if name in _REPEATS:
            low, high, sub = av
            if high == 1:  # optional: either it is there or what follows is
                out = self.walk(_chain(sub.data, rest), prefix)
                return out | self.walk(rest, prefix) if low == 0 else out
            if low >= 1 and len(sub.data) == 1 and _name(sub.data[0][0]) == "IN":
                return {(prefix, _char_class(sub.data[0][1]))}
            if prefix:  # a repeat ends the literal start
                return {prefix}
            out = self.walk(_chain(sub.data, (("STOP", rest), None)), "")
            return out | self.walk(rest, "") if low == 0 else out
        if name == "NOT_LITERAL":
            return {(prefix, "[^" + re.escape(chr(av)) + "]")}
        if name == "ANY":
            return {(prefix, r"(?s:.)")}
        raise _Unanalysable(name)

    def _then_first(self, prefix: str, chain) -> set:
        return {(prefix, c) if c else prefix for c in self.first(chain)}

    def first(self, chain) -> set:
        """Classes of the first character ``chain`` can consume ("" if it can be empty)."""
        memo = self._first.get(id(chain))
        if memo is not None and memo[0] is chain:
            return memo[1]
        out = self._first_uncached(chain)
        self._first[id(chain)] = (chain, out)  # keeps the chain alive: ids stay unique
        return out

    def _first_uncached(self, chain) -> set:
        if chain is None:
            return {""}
        (op, av), rest = chain
        name = op if isinstance(op, str) else op.name
        if name == "STOP":
            return self.first(av)
        if name in _ZERO_WIDTH:
            return self.first(rest)
        if name == "SUBPATTERN":
            if av[1] & re.IGNORECASE:
                raise _Unanalysable("case-insensitive part")
            return self.first(_chain(av[3].data, rest))
        if name == "ATOMIC_GROUP":
            return self.first(_chain(av.data, rest))
        if name == "BRANCH":
            out: set = set()
            for alt in av[1]:
                out |= self.first(_chain(alt.data, rest))
            return out
        if name == "LITERAL":
            return {re.escape(chr(av))}
        if name == "IN":
            return {_char_class(av)}
        if name == "NOT_LITERAL":
            return {"[^" + re.escape(chr(av)) + "]"}
        if name == "ANY":
            return {r"(?s:.)"}
        if name in _REPEATS:
            low, _high, sub = av
            out = self.first(_chain(sub.data, rest))
            return out | self.first(rest) if low == 0 else out
        raise _Unanalysable(name)


def _name(op) -> str:
    return op if isinstance(op, str) else op.name


def _is_space_run(name: str, av) -> bool:
    """``\\s+`` or ``\\s``: one or more white space characters."""
    if name in _REPEATS:
        low, _high, sub = av
        if low < 1 or len(sub.data) != 1:
            return False
        name, av = _name(sub.data[0][0]), sub.data[0][1]
    return name == "IN" and [(_name(op), str(a)) for op, a in av] == [("CATEGORY", "CATEGORY_SPACE")]


def _small_letter_set(items) -> list:
    """The letters of a class made only of a few literal word characters or
    ranges of ASCII digits ("[1-9]": what follows a day number tells it from
    an amount), else []."""
    letters = []
    for op, av in items:
        name = _name(op)
        if name == "LITERAL":
            letters.append(chr(av))
        elif name == "RANGE" and "0" <= chr(av[0]) <= chr(av[1]) <= "9":
            letters.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return []
    return letters if len(letters) <= _SMALL_CLASS and all(map(_is_word, letters)) else []


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _char_class(items) -> str:
    out, negate = [], False
    for op, av in items:
        name = _name(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            out.append(re.escape(chr(av)))
        elif name == "RANGE":
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif name == "CATEGORY":
            out.append(_CATEGORY[_name(av)])
        else:
            raise _Unanalysable(name)
    return "[" + ("^" if negate else "") + "".join(out) + "]"
