"""The build cache: what the last build read, extracted and wrote.

Lives in ``.site-builder-cache/`` beside ``output/`` (it carries its own
``.gitignore``).  Three kinds of file, each checked before it is believed:

- ``articles.pickle`` — every article's read → tag → extract result, keyed
  by :func:`article_key` (file bytes, reader options, source path,
  :data:`EXTRACTION_VERSION` and the package version).  A header names the
  format and versions and holds the payload's SHA-256; a file that fails
  any check is ignored and rebuilt, never trusted.
- ``state-<output>.json`` — the seeds' stat and content hashes, the other
  inputs' stat, and the manifest of the output folder (per file: its page
  group and the group's input fingerprint, size, mtime, SHA-256).  It lets a build decide that
  nothing changed from ``stat`` calls alone, without importing the tagger,
  Jinja or Markdown, and lets a changed build re-render only the pages whose
  inputs changed.  Also checksummed.
- ``derived.pickle`` — what the render derived from named articles and
  events (see :class:`site_builder.memo.StoredMemo`), stored and checked
  like the articles; ``exports.pickle``, where each event's piece lies in
  the export files the last build wrote (see
  :class:`site_builder.memo.StoredPieces`).

This module imports nothing heavy: the no-change check runs before any
stage is loaded.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import __version__

#: Bump whenever the readers, the tagger or the extractor change what they
#: produce for the same input: every cached article is then re-extracted.
EXTRACTION_VERSION = 1
CACHE_DIR = ".site-builder-cache"
_FORMAT = 2
_MAGIC = b"site-builder cache\n"
_HEADER_BYTES = 256  # the JSON header, padded with spaces
# A file changed within this many ns of the moment its stat was recorded may
# have changed again in the same mtime tick: its content is hashed, not trusted.
_RACY_NS = 2_000_000_000
_PACKAGE = Path(__file__).resolve().parent


def digest(data: bytes) -> str:
    """SHA-256 of ``data``, hex."""
    return hashlib.sha256(data).hexdigest()


def fingerprint(value: object) -> str:
    """A digest of ``repr(value)``: for frozen dataclasses, tuples, strings, numbers."""
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()


def cache_dir(root: Path) -> Path:
    return Path(root) / CACHE_DIR


def versions() -> dict:
    """What every cache entry depends on besides its input."""
    return {"format": _FORMAT, "package": __version__, "extraction": EXTRACTION_VERSION}


def article_key(content_digest: str, source: str, options: str) -> str:
    """The cache key of one article: its bytes, where it is, how it is read,
    and the code that reads, tags and extracts it."""
    return fingerprint((content_digest, source, options, EXTRACTION_VERSION, __version__,
                        code_digest()))


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's Python sources, by content.

    An edited tagger rule or language table in a checkout changes what an
    article extracts to without a version bump: such a cache is not trusted.
    Computed once per process, and only when something must be rebuilt.
    """
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(str(path.relative_to(_PACKAGE)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def code_fingerprint() -> str:
    """The package's version and its code and theme files' stat.

    A build with other code (an upgrade, or an edit in a checkout) is never
    taken for a no-change rebuild and re-renders every page.
    """
    entries = [__version__, str(EXTRACTION_VERSION)]
    for dirpath, dirnames, filenames in os.walk(_PACKAGE):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".py"):
                st = os.stat(os.path.join(dirpath, name))
                entries.append(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return fingerprint(tuple(entries))


# ---------------------------------------------------------------- article store

def _write_atomic(path: Path, data: "bytes | Callable") -> None:
    """Write ``path`` via a temporary file and a rename: never half a file.
    ``data`` is the content, or a function that writes it to a binary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# build cache of site-builder: never commit it\n*\n", encoding="utf-8")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            data(fh) if callable(data) else fh.write(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


class Entries(dict):
    """Article key → per-article result, as loaded: also what the main file
    held (its payload digest and keys), so that a save can write only the
    difference (see :func:`save_articles`)."""

    base_sha: str | None = None
    base_keys: frozenset = frozenset()


def delta_path(path: Path) -> Path:
    """The file beside ``articles.pickle`` holding the changes since it was written."""
    return path.with_name(path.stem + ".delta" + path.suffix)


class _Unsound(ValueError):
    """A cache file that is not a sound file of this version: the reason."""


def _read_checked(path: Path) -> tuple[object, dict]:
    """The unpickled payload of a cache file and its header; :class:`_Unsound`
    (or an unpickling error) when it is not a sound file of this version."""
    raw = path.read_bytes()
    if not raw.startswith(_MAGIC):
        raise _Unsound("not a cache file")
    head_end = raw.index(b"\n", len(_MAGIC))
    header = json.loads(raw[len(_MAGIC):head_end])
    payload = memoryview(raw)[head_end + 1:]  # no copy of a payload of many MB
    if header.get("versions") != versions():
        raise _Unsound("made by another version")
    if header.get("length") != len(payload) or header.get("sha256") != digest(payload):
        raise _Unsound("checksum mismatch (corrupt)")
    return pickle.loads(payload), header


_UNREADABLE = (ValueError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
               TypeError, IndexError, KeyError)


def load_articles(path: Path) -> tuple[Entries, str | None]:
    """The cached per-article results, or (empty, why not) when the file is
    missing, of another version, truncated or corrupt.  Changes saved as a
    delta since the main file was written are applied (a delta that does not
    belong to this main file is ignored)."""
    try:
        entries, header = _read_checked(path)
        if not isinstance(entries, dict):
            raise _Unsound("unexpected content")
    except FileNotFoundError:
        return Entries(), None
    except OSError as exc:
        return Entries(), f"cannot read {path}: {exc.strerror}"
    except _Unsound as exc:
        return Entries(), str(exc)
    except _UNREADABLE as exc:
        return Entries(), f"unreadable ({type(exc).__name__})"
    out = Entries(entries)
    out.base_sha, out.base_keys = header["sha256"], frozenset(entries)
    try:
        delta, delta_header = _read_checked(delta_path(path))
        if delta_header.get("base") == out.base_sha:
            for key in delta["drop"]:
                out.pop(key, None)
            out.update(delta["add"])
    except (OSError, *_UNREADABLE):
        pass  # no delta, or not one for this file: the main file alone is sound
    return out, None


#: A save writes only the difference from the main file while it is at most
#: this share of the entries (or DELTA_MIN entries); beyond, the main file is rewritten.
DELTA_SHARE = 0.05
DELTA_MIN = 16


class _HashingWriter:
    """A file's ``write`` that also counts and hashes what goes through it."""

    def __init__(self, fh):
        self.fh, self.length, self.sha = fh, 0, hashlib.sha256()

    def write(self, data) -> int:
        self.sha.update(data)
        self.length += len(data)
        return self.fh.write(data)


def save_articles(path: Path, entries: dict, loaded: dict | None = None) -> None:
    """Store ``entries`` (article key → per-article result) with a checked header.

    When ``loaded`` is what :func:`load_articles` gave this build and the
    main file is still that one, only the difference from the main file is
    written, to the small delta file: an edit to one article of a large
    site does not rewrite the whole cache.  Otherwise (or when the
    difference has grown) the main file is rewritten and the delta removed.
    The pickle is streamed to the file (a 10,000-article cache is some
    hundred MB: it is never held as bytes in memory); the header, padded to
    a fixed width, is filled in once the payload's length and digest are known.
    """
    base_sha = getattr(loaded, "base_sha", None)
    if base_sha is not None and _header_sha(path) == base_sha:
        base_keys = loaded.base_keys
        add = {k: v for k, v in entries.items() if k not in base_keys}
        drop = sorted(base_keys - entries.keys())
        if len(add) + len(drop) <= max(DELTA_MIN, DELTA_SHARE * len(entries)):
            _write_atomic(delta_path(path), _pickle_writer({"add": add, "drop": drop},
                                                           base=base_sha))
            return
    _write_atomic(path, _pickle_writer(entries))
    try:
        delta_path(path).unlink()
    except FileNotFoundError:
        pass  # (a delta left behind would not match the new main file anyway)


def _pickle_writer(value, **extra) -> Callable:
    def write(fh) -> None:
        fh.write(_MAGIC + b" " * _HEADER_BYTES + b"\n")
        out = _HashingWriter(fh)
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        header = json.dumps({"versions": versions(), "length": out.length,
                             "sha256": out.sha.hexdigest(), **extra}, sort_keys=True).encode()
        fh.seek(len(_MAGIC))
        fh.write(header.ljust(_HEADER_BYTES))
    return write


def _header_sha(path: Path) -> str | None:
    """The payload digest a cache file's header records (its first bytes only)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_MAGIC) + _HEADER_BYTES + 1)
        return json.loads(head[len(_MAGIC):head.index(b"\n", len(_MAGIC))]).get("sha256")
    except (OSError, ValueError):
        return None


class PackedTuple:
    """A tuple kept as its pickle until it is first read: the article cache
    holds each article's time expressions so (~17,000 objects for 1,000
    articles, read only for the pages made again), so that loading it makes
    one bytes object per article instead.  Reads like the tuple; equal to
    it, with its repr (page digests are made of reprs)."""

    __slots__ = ("_data", "_items")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._items: tuple | None = None

    @classmethod
    def of(cls, items: "tuple | PackedTuple") -> "PackedTuple":
        return items if isinstance(items, PackedTuple) else \
            cls(pickle.dumps(tuple(items), protocol=pickle.HIGHEST_PROTOCOL))

    def items(self) -> tuple:
        if self._items is None:
            items = pickle.loads(self._data)
            if not isinstance(items, tuple):
                raise TypeError("a packed tuple holds no tuple")
            self._items = items
        return self._items

    def __reduce__(self):
        return (PackedTuple, (self._data,))

    def __iter__(self):
        return iter(self.items())

    def __len__(self) -> int:
        return len(self.items())

    def __getitem__(self, index):
        return self.items()[index]

    def __eq__(self, other) -> bool:
        if isinstance(other, PackedTuple):
            other = other.items()
        return self.items() == other

    def __hash__(self) -> int:
        return hash(self.items())

    def __repr__(self) -> str:
        return repr(self.items())


# ---------------------------------------------------------------- derived results

def load_derived(path: Path) -> Entries:
    """What the last build derived from named articles and events (see
    :class:`memo.StoredMemo`), or {} when the file is missing, of another
    version, truncated or corrupt.  Stored like the articles: a main file
    and a delta of the changes since (see :func:`load_articles`)."""
    return load_articles(path)[0]


def save_derived(path: Path, entries: dict, loaded: dict | None = None) -> None:
    """Store ``entries`` (see :func:`load_derived`): when ``loaded`` is what
    :func:`load_derived` gave this build, only the difference from the main
    file, while it is small (see :func:`save_articles`)."""
    save_articles(path, entries, loaded)


def load_record(path: Path) -> dict | None:
    """A dict stored by :func:`save_record` (the merge's record, see
    :class:`timeline.MergeRecord`), or None when missing, of another
    version or damaged."""
    try:
        value, _header = _read_checked(path)
    except (OSError, _Unsound, *_UNREADABLE):
        return None
    return value if isinstance(value, dict) else None


def save_record(path: Path, value: dict) -> None:
    """Store ``value`` with a checked header (see :func:`load_record`)."""
    _write_atomic(path, _pickle_writer(value))


def load_pieces_index(path: Path) -> dict:
    """Where the exports' per-event pieces lie in the export files the last
    build wrote (see :class:`memo.StoredPieces`): path → (repr of the
    pieces' parameters, SHA-256 of the file, {token: (start, length)}); {}
    when the index is missing, of another version or damaged."""
    return load_record(path) or {}


def save_pieces_index(path: Path, index: dict) -> None:
    """Store ``index`` (see :func:`load_pieces_index`); the files earlier
    versions kept the exports' text in are removed."""
    save_record(path, index)
    for old in (*path.parent.glob("text-*.bin"), path.with_name("text.pickle")):
        try:
            old.unlink()
        except OSError:
            pass  # none


# ---------------------------------------------------------------- build state

@dataclass
class State:
    """What the last build of one output folder saw and wrote.

    ``seeds``: source path → [size, mtime_ns, sha256];
    ``inputs``: other watched file → [size, mtime_ns] (config, curation, theme);
    ``output``: output path → [page group, group fingerprint, size, mtime_ns, sha256];
    ``settings``: fingerprint of config, options and code;
    ``summary``: the numbers the last build reported.
    """

    settings: str = ""
    seeds: dict = field(default_factory=dict)
    inputs: dict = field(default_factory=dict)
    output: dict = field(default_factory=dict)
    summary: dict = field(default_factory=dict)
    written_ns: int = 0


def state_path(root: Path, output_dir: Path) -> Path:
    name = fingerprint(str(Path(output_dir).resolve()))[:16]
    return cache_dir(root) / f"state-{name}.json"


def load_state(path: Path) -> State | None:
    """The recorded state, or None when missing, of another version or corrupt."""
    try:
        raw = json.loads(path.read_bytes())
        body = raw["body"]
        if raw.get("sha256") != digest(json.dumps(body, sort_keys=True).encode()):
            return None
        if body.get("versions") != versions():
            return None
        return State(settings=body["settings"], seeds=body["seeds"], inputs=body["inputs"],
                     output=body["output"], summary=body["summary"],
                     written_ns=body["written_ns"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_state(path: Path, state: State) -> None:
    body = {"versions": versions(), "settings": state.settings, "seeds": state.seeds,
            "inputs": state.inputs, "output": state.output, "summary": state.summary,
            "written_ns": state.written_ns}
    text = json.dumps(body, sort_keys=True)
    _write_atomic(path, json.dumps({"sha256": digest(text.encode()), "body": body}).encode())


def is_racy(mtime_ns: int, written_ns: int) -> bool:
    """Whether a file's mtime is too close to when its stat was recorded to
    prove that its content is what was recorded then."""
    return mtime_ns >= written_ns - _RACY_NS
