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

    def for_exports(self) -> "Memo | StoredPieces | None":
        """What hands out the exports' per-event text (:meth:`pieces`):
        this memo (a long-running process reuses it from memory)."""
        return self

    def __init__(self) -> None:
        self._previous: dict = {}
        self._current: dict = {}

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        return _kept(self._current, self._previous, key, make)

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

    def pieces(self, path: str, params: tuple) -> "Pieces":
        """The pieces of the export ``path``, which depend on ``params``
        (hashable, with a faithful repr) besides their object."""
        return Pieces(self, (path, params))

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
        #: where the exports' per-event text comes from (see :class:`StoredPieces`)
        self.text: StoredPieces | None = None

    def for_exports(self) -> "StoredPieces | None":
        """The exports' per-event text (~90 MB at 10,000 articles) is not
        held in memory or stored here: it is sliced from the last build's
        export files by :attr:`text`, if any."""
        return self.text

    def name(self, obj: object, token: str) -> None:
        """Call ``obj`` ``token`` from now on (the memo keeps it alive)."""
        self._tokens[id(obj)] = (obj, token)

    def token(self, obj: object) -> str | None:
        hit = self._tokens.get(id(obj))
        return hit[1] if hit is not None and hit[0] is obj else None

    def get_for(self, objects: tuple, key: Hashable, make: Callable[[], T]) -> T:
        # The hottest call of an edit rebuild (~15,000 times): the key's repr
        # and kind are looked up once per key, each object's token directly.
        kind = self._reprs.get(key)
        if kind is None:
            kind = self._reprs[key] = (repr(key), key in self.NOT_STORED, key in self.DERIVED)
        text, not_stored, derived = kind
        if not_stored:  # one build per process: what is not stored is simply made
            return make()
        named = self._tokens
        tokens = []
        for obj in objects:
            hit = named.get(id(obj))
            if hit is None or hit[0] is not obj:
                return make()
            tokens.append(hit[1])
        full = (text, tuple(tokens))
        value = _kept(self.fresh, self.stored, full, make)
        if derived and self.token(value) is None:
            digest = hashlib.sha256(f"{text}|{'|'.join(full[1])}".encode()).hexdigest()
            self.name(value, digest)
        return value


class Pieces:
    """One export's per-object pieces of text (an event's lines in
    ``events.ics``), made by ``make`` or handed back from an earlier build:
    ``get(obj, make)`` for each piece, then ``join(parts)`` for the whole
    text (the parts: pieces and the text between them, in order).

    This one keeps the pieces in a :class:`Memo` under ``key`` (the export's
    path and everything its pieces depend on besides the object)."""

    __slots__ = ("_memo", "_key")

    def __init__(self, memo: Memo, key: Hashable) -> None:
        self._memo, self._key = memo, key

    def get(self, obj: object, make: Callable[[], str]) -> str:
        return self._memo.get_for((obj,), self._key, make)

    def join(self, parts: list[str]) -> "str | bytes":
        return "".join(parts)


class StoredPieces:
    """The exports' per-event pieces of text, kept for the next process in
    the export files themselves: each build records where each named
    object's piece lies in the bytes of each export it wrote (``written``:
    path → (repr of its params, {token: (start, length)})); the next build
    slices the pieces of unchanged objects out of the previous file, read
    by ``read_old(path, sha256)`` (None unless the file is still exactly
    the one that build wrote), and makes only the others.  Reused pieces
    stay bytes: the export is joined as bytes, nothing decoded or encoded
    again but the new pieces.

    ``names``: the :class:`StoredMemo` that names the objects; ``index``:
    path → (repr of params, SHA-256 of the file, {token: (start, length)})
    from the last build.
    """

    __slots__ = ("_names", "_index", "_read_old", "written")

    def __init__(self, names: StoredMemo, index: dict,
                 read_old: Callable[[str, str], str | None]) -> None:
        self._names, self._index, self._read_old = names, index, read_old
        self.written: dict[str, tuple[str, dict]] = {}

    def pieces(self, path: str, params: tuple) -> "_StoredPieces":
        data, where = None, {}
        params_repr = repr(params)
        old = self._index.get(path)
        if old is not None and old[0] == params_repr:
            data = self._read_old(path, old[1])
            where = old[2] if data is not None else {}
        return _StoredPieces(self, path, params_repr, data, where)


class _StoredPieces(Pieces):
    """:class:`Pieces` of one export, sliced from its previous file when there:
    those come as the bytes they had there, and :meth:`join` gives the
    export's bytes."""

    __slots__ = ("_owner", "_path", "_params", "_old", "_where", "_made")

    def __init__(self, owner: StoredPieces, path: str, params: str, old: bytes | None,
                 where: dict) -> None:
        self._owner, self._path, self._params = owner, path, params
        self._old, self._where = old, where
        self._made: dict[int, tuple[object, str]] = {}  # id(piece) → (piece, its object's token)

    def get(self, obj: object, make: Callable[[], str]) -> "str | bytes":
        token = self._owner._names.token(obj)
        if token is None:
            return make()
        at = self._where.get(token)
        value = None
        if at is not None:
            start, length = at
            value = self._old[start:start + length]
            if len(value) != length:  # (the file is checked: cannot happen)
                value = None
        if value is None:
            value = make()
        self._made[id(value)] = (value, token)
        return value

    def join(self, parts: list) -> bytes:
        """The export's bytes (UTF-8), recording where each piece lies in them."""
        where, made, pos, out = {}, self._made, 0, []
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8")
            hit = made.get(id(part))
            if hit is not None and hit[0] is part:
                where[hit[1]] = (pos, len(data))
            out.append(data)
            pos += len(data)
        self._owner.written[self._path] = (self._params, where)
        self._made = {}
        return b"".join(out)


def _kept(current: dict, earlier: dict, key: Hashable, make: Callable[[], T]) -> T:
    """``current[key]``, else ``earlier[key]`` or ``make()``, kept in ``current``."""
    value = current.get(key, _MISSING)
    if value is _MISSING:
        value = earlier.get(key, _MISSING)
        if value is _MISSING:
            value = make()
        current[key] = value
    return value
