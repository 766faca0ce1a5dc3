"""Results of pure functions, kept from one build to the next.

A long-running process (the preview server) rebuilds the same site again
and again, and between two builds most events, articles and what is derived
from them are unchanged.  A :class:`Memo` hands back what an earlier build
computed for an equal key and forgets whatever the latest build did not ask
for, so it never holds more than about one build's worth.

Keys are values (frozen dataclasses, strings, numbers, tuples of them) and
must name everything the result depends on besides the code: equal keys
give equal results.  Values are shared between builds and must not be
mutated by their users.
"""
from __future__ import annotations

import hashlib
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")
_MISSING = object()


class Memo:
    """``get(key, make)``: ``make()`` the first time, the stored value after."""

    __slots__ = ("_previous", "_current")

    #: Whether the exports' per-event text is kept for the next build (a
    #: long-running process reuses it from memory).
    keeps_exports = True

    def __init__(self) -> None:
        self._previous: dict = {}
        self._current: dict = {}

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        value = self._current.get(key, _MISSING)
        if value is _MISSING:
            value = self._previous.get(key, _MISSING)
            if value is _MISSING:
                value = make()
            self._current[key] = value
        return value

    def get_for(self, objects: tuple, key: Hashable, make: Callable[[], T]) -> T:
        """:meth:`get` for a value that depends on ``objects`` themselves,
        found by their identity instead of their value.

        For objects a long-running process hands unchanged from one build to
        the next (an article's events from the session's store): hashing a
        whole event again and again costs more than much of the work saved.
        The memo keeps ``objects`` alive, so their ids cannot be reused while
        the entry lives; equal but new objects are simply a miss.
        """
        full = (key, *map(id, objects))
        hit = self._current.get(full) or self._previous.get(full)
        if hit is not None and all(a is b for a, b in zip(hit[0], objects)):
            self._current[full] = hit
            return hit[1]
        value = make()
        self._current[full] = (objects, value)
        return value

    def next_build(self) -> None:
        """Start another build: what the last build did not use is dropped."""
        self._previous, self._current = self._current, {}

    def __len__(self) -> int:
        return len(self._current)


class NoMemo(Memo):
    """A memo that keeps nothing: for work only a later build could reuse,
    in a process that builds once (a cold build keeps no export fragments)."""

    __slots__ = ()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        return make()

    def get_for(self, objects: tuple, key: Hashable, make: Callable[[], T]) -> T:
        return make()


class StoredMemo(Memo):
    """A :class:`Memo` that a later process can use too (a command-line
    build after an edit), for objects with a name that says what they are
    made from.

    :meth:`name` gives an object such a name, its *token*: the build names
    each article, its time expressions and its events after the article's
    cache key (a digest of its bytes, how it is read and the code), so equal
    tokens mean equal objects.  :meth:`get_for` over named objects looks the
    result up by ``repr(key)`` and their tokens, among what the last build
    stored (:attr:`stored`, loaded from disk) and this build's own; what this
    build asked for is :attr:`fresh`, to be stored for the next one.  Keys
    in :data:`NOT_STORED` (results holding the objects themselves) are kept
    in this process only, and the events a merge makes of named events are
    named after them.  Objects without a name fall back to :class:`Memo`.
    """

    __slots__ = ("_tokens", "_reprs", "stored", "fresh")

    #: The exports' per-event text (~90 MB at 10,000 articles) would be held
    #: to the end of the build to be stored, beyond the memory a large
    #: site's build may use: a command-line build makes it afresh.
    keeps_exports = False

    #: Results that hold the objects they are made from (a merge's
    #: features): not stored, they would come back holding copies.
    NOT_STORED = frozenset({"merge"})
    #: Keys whose result is an object made of the named ones (a merged
    #: event): named after them, so that what is derived from it is stored too.
    DERIVED = frozenset({"merged"})

    def __init__(self, stored: dict | None = None) -> None:
        super().__init__()
        self._tokens: dict[int, tuple[object, str]] = {}
        self._reprs: dict = {}
        self.stored: dict = stored if stored is not None else {}
        self.fresh: dict = {}

    def name(self, obj: object, token: str) -> None:
        """Call ``obj`` ``token`` from now on (the memo keeps it alive)."""
        self._tokens[id(obj)] = (obj, token)

    def token(self, obj: object) -> str | None:
        hit = self._tokens.get(id(obj))
        return hit[1] if hit is not None and hit[0] is obj else None

    def get_for(self, objects: tuple, key: Hashable, make: Callable[[], T]) -> T:
        # One build per process: what is not stored is simply made.
        if key in self.NOT_STORED:
            return make()
        tokens = tuple(map(self.token, objects))
        if None in tokens:
            return make()
        text = self._reprs.get(key)
        if text is None:
            text = self._reprs[key] = repr(key)
        full = (text, tokens)
        value = self.fresh.get(full, _MISSING)
        if value is _MISSING:
            value = self.stored.get(full, _MISSING)
            if value is _MISSING:
                value = make()
            self.fresh[full] = value
        if key in self.DERIVED and self.token(value) is None:
            digest = hashlib.sha256(f"{text}|{'|'.join(tokens)}".encode()).hexdigest()
            self.name(value, digest)
        return value
