"""The starts analysis of a language's patterns, kept on disk between processes.

Reading every pattern's syntax tree (:func:`starts.starts_of`) and joining
the starts into the prefilter costs about 0.1 s a language; a build pays
it in every process it starts, and an edit rebuild of one article pays it
whole.  The result depends only on the pattern sources, the analysis code
and the Python version (its regex parser), so it is stored as JSON under a
digest of exactly those, in the user's cache folder
(``$XDG_CACHE_HOME/site-builder``, else ``~/.cache/site-builder``).  An
edited pattern or analysis gives another digest, so a stale analysis is
never used; a file that is missing, unreadable or malformed is worked out
again, and a cache folder that cannot be written is simply not used.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

from . import starts as _starts
from .starts import Starts, from_json, prefilter_regex, starts_of, to_json

FORMAT = 1
_ANALYSIS_CODE = Path(_starts.__file__)


def analyse(bodies: list[str]) -> tuple[list[Starts], str]:
    """The :class:`Starts` of each pattern in ``bodies`` and the prefilter
    regex (source) joining them; the same as working them out, from the
    cache when it holds them."""
    digest = analysis_digest(bodies)
    path = cache_file(digest)
    cached = _load(path, digest, len(bodies)) if path is not None else None
    if cached is not None:
        return cached
    all_starts = [starts_of(body) for body in bodies]
    prefilter = prefilter_regex(all_starts)
    if path is not None:
        _store(path, {"format": FORMAT, "digest": digest, "prefilter": prefilter,
                      "starts": [to_json(s) for s in all_starts]})
    return all_starts, prefilter


def analysis_digest(bodies: list[str]) -> str:
    """SHA-256 of what the analysis depends on: the patterns, its code, the regex parser."""
    h = hashlib.sha256(f"{FORMAT}\0{sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    h.update(_ANALYSIS_CODE.read_bytes())
    for body in bodies:
        h.update(b"\0" + body.encode("utf-8"))
    return h.hexdigest()


def cache_file(digest: str) -> Path | None:
    """Where the analysis with ``digest`` is kept (None: no cache folder known)."""
    folder = cache_folder()
    return None if folder is None else folder / f"timex-starts-{digest[:40]}.json"


def cache_folder() -> Path | None:
    """The tagger's folder in the user's cache folder (None: none known)."""
    root = os.environ.get("XDG_CACHE_HOME", "")
    try:
        base = Path(root) if os.path.isabs(root) else Path.home() / ".cache"
    except RuntimeError:  # no home folder
        return None
    if not base.is_absolute():  # never a folder relative to wherever the build runs
        return None
    return base / "site-builder"


def _load(path: Path, digest: str, count: int) -> tuple[list[Starts], str] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["format"] != FORMAT or data["digest"] != digest or len(data["starts"]) != count \
                or not isinstance(data["prefilter"], str):
            return None
        compiled: dict = {}
        return [from_json(item, compiled) for item in data["starts"]], data["prefilter"]
    except (OSError, ValueError, KeyError, TypeError, re.error):
        return None


def _store(path: Path, data: dict) -> None:
    write_atomically(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` under a temporary name, then rename it into
    place; never fails (the cache is optional)."""
    import tempfile  # only a process that fills the cache needs it

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-",
                                         suffix=path.suffix, delete=False) as tmp:
            tmp.write(data)
        os.replace(tmp.name, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp.name)
            except OSError:
                pass
        return
    prune(path)


#: Files of one kind kept in the cache folder (a kind: ``timex-starts``,
#: ``timex-regex``): two languages for a few installed versions or Pythons.
KEEP_PER_KIND = 8
_STALE_TEMP_S = 3600


def prune(written: Path) -> None:
    """After ``written`` was stored, remove the oldest files of its kind
    beyond :data:`KEEP_PER_KIND` (every edited pattern or new Python makes
    another file, and nothing else would ever remove the old ones) and
    temporary files that a killed process left an hour ago or more.  Never
    fails: another process may be pruning at the same time."""
    kind = written.name.rsplit("-", 1)[0] + "-"
    try:
        entries = list(os.scandir(written.parent))
    except OSError:
        return
    now = time.time()
    same_kind = []
    for entry in entries:
        try:
            if entry.name.startswith(".tmp-"):
                if now - entry.stat().st_mtime > _STALE_TEMP_S:
                    os.unlink(entry.path)
            elif entry.name.startswith(kind) and entry.is_file(follow_symlinks=False):
                same_kind.append((entry.stat().st_mtime_ns, entry.name, entry.path))
        except OSError:
            continue
    for _, name, path in sorted(same_kind, reverse=True)[KEEP_PER_KIND:]:
        if name != written.name:
            try:
                os.unlink(path)
            except OSError:
                pass
