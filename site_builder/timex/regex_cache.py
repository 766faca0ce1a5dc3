"""The compiled form of a language's regexes, kept on disk between processes.

Python's regex parser (``re._parser``) is pure Python: compiling one
language's ~100 regexes costs ~0.13 s, in every process that tags (an edit
rebuild, each worker of a build, ``site-builder extract``).  What the
compiler makes of a regex -- the program ``_sre`` runs, a list of integers,
plus its flags and group names -- is stored in the user's cache folder
(beside the starts analysis, see ``starts_cache``) and handed straight to
``_sre.compile`` by later processes: the same :class:`re.Pattern`
(``==`` compares the programs), without the parser.

``re._compiler`` and ``_sre.compile`` are CPython internals, so this is an
optional shortcut, never a requirement: the file is named by a SHA-256 of
the exact interpreter (``sys.version``, ``_sre.MAGIC``, ``_sre.CODESIZE``,
the compiler's own source) and of the regex sources, carries a SHA-256 of
its contents, and every program in it is made into its pattern when it is
read -- ``_sre.compile`` checks each one and raises on malformed code.  A
file that does not fit in any way (another Python or implementation, a
missing internal, a file missing, truncated, damaged, changed after it was
written, or a program rejected) is not used: the regexes are compiled anew
and the file written again.  Where nothing can be written, each regex is
compiled by ``re.compile`` when first used.  Like Python's own bytecode
cache, the folder is trusted not to be rewritten on purpose, checksum and
all, by someone else.
"""
from __future__ import annotations

import array
import hashlib
import json
import os
import re
import sys
import zlib
from pathlib import Path

from .starts_cache import cache_folder, write_atomically

try:  # CPython 3.11+
    from re import _compiler as _sre_compile
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]
try:
    import _sre
except ImportError:  # pragma: no cover - not CPython
    _sre = None

FORMAT = 1


class Patterns:
    """The compiled regexes of ``sources``: all made from stored programs,
    or each made by ``re.compile`` when first asked for."""

    def __init__(self, sources: list[str], compiled: list[re.Pattern] | None = None):
        self._sources = sources
        self._compiled = compiled

    @property
    def from_programs(self) -> bool:
        """Whether they were made from (stored or just worked out) programs."""
        return self._compiled is not None

    def compile(self, i: int) -> re.Pattern:
        """The same as ``re.compile(sources[i])``."""
        if self._compiled is not None:
            return self._compiled[i]
        return re.compile(self._sources[i])


def patterns(sources: list[str]) -> Patterns:
    """:class:`Patterns` for ``sources``; stores their programs the first time."""
    sources = list(sources)
    folder = cache_folder()
    identity = interpreter_identity()
    if folder is None or identity is None:
        return Patterns(sources)
    digest = programs_digest(identity, sources)
    path = folder / f"timex-regex-{digest[:40]}.bin"
    loaded = _load(path, digest, sources)
    if loaded is not None:
        return Patterns(sources, loaded)
    if not _writable(folder):  # nothing to keep them in: compile each when first used
        return Patterns(sources)
    try:
        programs = [_program(source) for source in sources]
        codes, table = _concatenate(programs)
        compiled = _make(sources, codes, table)
    except Exception:  # noqa: BLE001 -- internals changed, or a bad regex: plain re.compile
        return Patterns(sources)
    _store(path, digest, codes, table)
    return Patterns(sources, compiled)


def _make(sources: list[str], codes: list, table: list) -> list[re.Pattern]:
    """The patterns of ``sources`` from their programs; raises when ``_sre``
    rejects a program (it checks each one: jumps, opcodes, group numbers)."""
    out = []
    for source, (flags, start, end, names) in zip(sources, table, strict=True):
        groupindex = {name: n for n, name in enumerate(names) if name is not None}
        out.append(_sre.compile(source, flags, codes[start:end], len(names) - 1,
                                groupindex, tuple(names)))
    return out


def interpreter_identity() -> str | None:
    """What a stored program depends on besides its source (None: no programs here)."""
    if _sre is None or sys.implementation.name != "cpython" or _typecode() is None:
        return None
    try:
        compiler_code = b"".join(Path(m.__file__).read_bytes() for m in (_sre_compile, _sre_parse))
    except (OSError, AttributeError, TypeError):
        return None
    return "\0".join([str(FORMAT), sys.implementation.cache_tag or "", sys.version,
                      str(_sre.MAGIC), str(_sre.CODESIZE), str(sys.maxunicode), sys.byteorder,
                      hashlib.sha256(compiler_code).hexdigest()])


def programs_digest(identity: str, sources: list[str]) -> str:
    """SHA-256 of the interpreter identity and the regex sources, in order."""
    h = hashlib.sha256(identity.encode())
    for source in sources:
        h.update(b"\0" + source.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _program(source: str) -> tuple:
    """What ``re.compile(source)`` hands to ``_sre.compile``: flags, code, group names."""
    parsed = _sre_parse.parse(source, 0)
    code = _sre_compile._code(parsed, 0)
    names = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        names[index] = name
    return parsed.state.flags, code, names


def _concatenate(programs) -> tuple[list, list]:
    codes: list = []
    table = []
    for flags, code, names in programs:
        table.append((flags, len(codes), len(codes) + len(code), names))
        codes.extend(code)
    return codes, table


def _typecode() -> str | None:
    """The ``array`` type code whose items are ``_sre.CODESIZE`` bytes."""
    return next((t for t in "ILQ" if array.array(t).itemsize == _sre.CODESIZE), None)


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


# The file: one JSON line (format, digest, SHA-256 of the rest), then the
# zlib-compressed body: one JSON line (per program: flags, length, group
# names), then every program's integers as native CODESIZE-byte words.

def _store(path: Path, digest: str, codes: list, table: list) -> None:
    try:
        words = array.array(_typecode(), codes).tobytes()
    except (OverflowError, TypeError):  # pragma: no cover - a code beyond CODESIZE
        return
    index = json.dumps([[flags, end - start, names] for flags, start, end, names in table])
    body = zlib.compress(index.encode() + b"\n" + words, 6)
    head = json.dumps({"format": FORMAT, "digest": digest,
                       "sha256": hashlib.sha256(body).hexdigest()})
    write_atomically(path, head.encode() + b"\n" + body)


def _load(path: Path, digest: str, sources: list[str]) -> list[re.Pattern] | None:
    """The patterns of ``sources`` from ``path`` when the file is whole, made
    for ``digest`` and every program in it is accepted, else None."""
    try:
        raw = path.read_bytes()
        head, _, body = raw.partition(b"\n")
        header = json.loads(head)
        if header["format"] != FORMAT or header["digest"] != digest \
                or header["sha256"] != hashlib.sha256(body).hexdigest():
            return None
        index, _, words = zlib.decompress(body).partition(b"\n")
        packed = array.array(_typecode())
        packed.frombytes(words)
        codes = packed.tolist()
        table, offset = [], 0
        for flags, length, names in json.loads(index):
            if not (isinstance(flags, int) and isinstance(length, int) and length > 0
                    and isinstance(names, list) and names and names[0] is None
                    and all(n is None or isinstance(n, str) for n in names)):
                return None
            table.append((flags, offset, offset + length, names))
            offset += length
        if len(table) != len(sources) or offset != len(codes):
            return None
        return _make(sources, codes, table)
    except Exception:  # noqa: BLE001 -- whatever is wrong with the file, it is not used
        return None
