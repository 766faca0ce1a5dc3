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

from typing import Callable, Hashable, TypeVar

T = TypeVar("T")
_MISSING = object()


class Memo:
    """``get(key, make)``: ``make()`` the first time, the stored value after."""

    __slots__ = ("_previous", "_current")

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
