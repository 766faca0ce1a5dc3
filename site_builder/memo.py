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

import functools
import hashlib
import importlib
import os
import zlib
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")
_MISSING = object()


class Memo:
    """``get(key, make)``: ``make()`` the first time, the stored value after."""

    __slots__ = ("_previous", "_current")

    def for_exports(self) -> "Memo | None":
        """The memo the exports' per-event text goes to: this one (a
        long-running process reuses it from memory)."""
        return self

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

    __slots__ = ("_tokens", "_reprs", "stored", "fresh", "text")

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
        #: where the exports' per-event text goes (see :class:`StoredText`)
        self.text: Memo | None = None

    def for_exports(self) -> "Memo | None":
        """The exports' per-event text (~90 MB at 10,000 articles) is not
        held to the end of the build: it goes to :attr:`text`, if any."""
        return self.text

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
        full = _stored_key(self.token, self._reprs, objects, key)
        if full is None:
            return make()
        value = self.fresh.get(full, _MISSING)
        if value is _MISSING:
            value = self.stored.get(full, _MISSING)
            if value is _MISSING:
                value = make()
            self.fresh[full] = value
        if key in self.DERIVED and self.token(value) is None:
            text, tokens = full
            digest = hashlib.sha256(f"{text}|{'|'.join(tokens)}".encode()).hexdigest()
            self.name(value, digest)
        return value


def _stored_key(token: Callable[[object], str | None], reprs: dict, objects: tuple,
                key: Hashable) -> tuple[str, tuple[str, ...]] | None:
    """How a result for ``key`` over ``objects`` is filed between processes:
    ``(repr(key), the objects' tokens)``, or None when one has no token
    (``reprs`` memoises the reprs of the keys)."""
    tokens = tuple(map(token, objects))
    if None in tokens:
        return None
    text = reprs.get(key)
    if text is None:
        text = reprs[key] = repr(key)
    return text, tokens


class StoredText(Memo):
    """Text results (the exports' lines for each event) kept on disk for the
    next process without being held in memory: :meth:`get_for` reads a
    result the last build wrote from its file when needed, and writes every
    result this build uses to a new file as it goes, keeping only where
    each one is.  Objects are named by ``names`` (a :class:`StoredMemo`);
    results for unnamed objects are simply made.  Each piece is checked
    against its CRC-32 when read back: one that fails is made again.

    ``index``: (repr(key), tokens) → (offset, length, crc, class) in the
    file ``old`` (a binary file, or None); ``new``: the binary file the
    results of this build go to.  :attr:`written` is the index of ``new``.
    """

    __slots__ = ("_names", "_index", "_old", "_new", "_offset", "_reprs", "written", "failed")

    def __init__(self, names: StoredMemo, index: dict, old, new) -> None:
        super().__init__()
        self._names, self._index, self._old, self._new = names, index, old, new
        self._offset = 0
        self._reprs: dict = {}
        self.written: dict = {}
        self.failed = False  # the new file could not be written: not to be stored

    def get_for(self, objects: tuple, key: Hashable, make: Callable[[], T]) -> T:
        full = _stored_key(self._names.token, self._reprs, objects, key)
        if full is None:
            return make()
        value = self._read(self._index.get(full))
        if value is None:
            value = make()
        if full not in self.written and not self.failed:
            data = value.encode("utf-8", "surrogatepass")
            kind = type(value)
            try:
                self._new.write(data)
            except OSError:  # a full disk: the build goes on, nothing is stored
                self.failed = True
                return value
            self.written[full] = (self._offset, len(data), zlib.crc32(data),
                                  None if kind is str else f"{kind.__module__}:{kind.__qualname__}")
            self._offset += len(data)
        return value

    def _read(self, where) -> str | None:
        if where is None or self._old is None:
            return None
        offset, length, crc, kind = where
        try:
            data = os.pread(self._old.fileno(), length, offset)
        except OSError:
            return None
        if len(data) != length or zlib.crc32(data) != crc:
            return None  # a damaged file: made again
        text = data.decode("utf-8", "surrogatepass")
        if kind is None:
            return text
        try:
            return _text_class(kind)(text)
        except (ImportError, AttributeError, TypeError, ValueError):
            return None  # recorded by other code: made again


@functools.lru_cache(maxsize=None)
def _text_class(name: str) -> type:
    """A str subclass by "module:qualname" (what :class:`StoredText` records)."""
    module, _, qualname = name.partition(":")
    cls = importlib.import_module(module)
    for part in qualname.split("."):
        cls = getattr(cls, part)
    if not (isinstance(cls, type) and issubclass(cls, str)):
        raise TypeError(f"not a text class: {name}")
    return cls
