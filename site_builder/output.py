"""Write stage: ``{path: bytes}`` → ``output/``, all or nothing.

The only module that writes the site.  Files go into a fresh temporary
folder beside ``output/``; only when every file is written and flushed to
disk (one ``syncfs`` for the whole tree on Linux, else an ``fsync`` per
file) is it swapped in with one atomic ``renameat2(RENAME_EXCHANGE)`` (Linux), or two
renames elsewhere, with recovery on the next run.  A build that fails or is
killed at any moment leaves the previous ``output/`` as it was.
"""
from __future__ import annotations

import errno
import functools
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from .errors import InputError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class BuildLocked(InputError):
    """Another build of the same site is running."""


def safe_relpath(path: str) -> PurePosixPath:
    """A relative POSIX path that stays inside the output folder, or ValueError."""
    p = PurePosixPath(path)
    if p.is_absolute() or not p.parts or any(part in ("", ".", "..") for part in p.parts) \
            or "\\" in path or "\x00" in path:
        raise ValueError(f"refusing to write outside the output folder: {path!r}")
    return p


def check_output_location(output_dir: Path, keep: list[Path]) -> None:
    """Refuse an output folder whose replacement would delete ``keep``.

    The writer replaces the whole output folder, so ``--output .`` or an
    output folder holding (or inside) ``seeds/`` would destroy the sources.
    Raises :class:`InputError` naming both paths.
    """
    out = Path(output_dir).resolve()
    for path in keep:
        kept = Path(path).resolve()
        if out == kept or out in kept.parents or kept in out.parents:
            raise InputError(str(output_dir), f"refusing to build here: replacing this folder "
                                              f"would delete or overlap {path}; choose another "
                                              f"output folder")
    check_replaceable(output_dir, "build")


#: Files every build writes at the top: a folder holding one of them is a site
#: (this tool's, or one a document root served before), even a damaged one.
SITE_MARKERS = ("index.html", "events.json", "events.schema.json", "embed.js")


def check_replaceable(folder: Path, verb: str) -> None:
    """Refuse to replace a folder that holds files no build of ours made.

    The writer swaps the whole folder, so ``--output ~/Documents`` or a
    document root with the user's own files would lose them.  A missing or
    empty folder, or one holding a site (see :data:`SITE_MARKERS`), may be
    replaced.  ``verb``
    ("build", "publish") is for the message.
    """
    folder = Path(folder)
    # Found now, not after the whole build when the swap refuses them:
    if folder.is_symlink():
        raise InputError(str(folder), f"is a symbolic link; the folder is replaced whole, so "
                                      f"{verb} into its target instead "
                                      f"({os.path.realpath(folder)})")
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), f"is a file, not a folder; choose a folder to {verb} into")
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except (FileNotFoundError, NotADirectoryError):
        return  # made fresh; a file in the way is reported by the writer
    except OSError as exc:
        raise InputError(str(folder), f"cannot read the folder: {exc.strerror or exc}") from None
    if names and not any((folder / marker).is_file() for marker in SITE_MARKERS):
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        raise InputError(str(folder), f"refusing to {verb} here: the folder holds files that are "
                                      f"not a website ({shown}) and would be deleted; empty it "
                                      f"or choose another folder")


class Staging:
    """A new output tree, written file by file beside ``output_dir`` and
    swapped in whole by :meth:`commit`.

    Use it as a context manager: leaving it without a commit (an error, a
    strict failure, Ctrl+C) removes the new tree and leaves ``output_dir``
    as it was.  Files are written as they are rendered, so a large site is
    never held in memory at once.  An OSError becomes an :class:`InputError`
    naming the output folder.

    ``defer``, a list, receives the removal of the previous tree instead of
    doing it at commit (a process that dies first leaves it to
    :func:`recover`).  With ``spare``, the previous tree is not removed but
    kept beside the output (:func:`spare_path`), and the next build with
    ``spare`` updates it into its new tree instead of making one from
    nothing: folders and files still current stay, the rest is replaced or
    removed, and no file is ever written in place (it may be a hard link
    into ``output_dir``).  A spare holding a symbolic link is not reused.
    """

    def __init__(self, output_dir: Path, defer: list[Callable[[], None]] | None = None,
                 spare: bool = False):
        self.output_dir = Path(output_dir)
        self.defer = defer
        self.spare = spare
        self.root: Path | None = None
        self._dirs: set[Path] = set()
        self._stale: set[str] | None = None  # a reused tree's files not yet brought up to date
        self._written: list[Path] = []  # to flush one by one where syncfs is missing

    def __enter__(self) -> "Staging":
        with self._as_input_error():
            parent = self.output_dir.resolve().parent
            parent.mkdir(parents=True, exist_ok=True)
            if self.output_dir.is_dir() and not os.access(self.output_dir, os.W_OK):
                raise OSError(errno.EACCES, "the output folder is read-only")
            recover(self.output_dir)
            spare = spare_path(self.output_dir)
            found = _tree_files(spare) if self.spare and self.output_dir.is_dir() else None
            if found is not None:
                self.root, self._stale = spare, found
            else:
                self.root = Path(tempfile.mkdtemp(prefix=f".{self.output_dir.name}.new-",
                                                  dir=parent))
        return self

    def __exit__(self, *exc_info) -> None:
        _remove(self.root)  # nothing left after a commit
        self.root = None

    @contextmanager
    def _as_input_error(self):
        try:
            yield
        except OSError as exc:
            raise InputError(str(self.output_dir),
                             f"cannot write the site: {exc.strerror or exc}") from None

    def write(self, rel: str, data: bytes) -> None:
        """Write one file (an output-relative POSIX path) into the new tree."""
        with self._as_input_error():
            self.record(rel, _write_into(self.root, rel, data, self._dirs,
                                         replace=self._stale is not None))

    @property
    def target(self) -> "StagingTarget":
        """Where another process may write files of this tree (report each
        with :meth:`record`)."""
        return StagingTarget(self.root, replace=self._stale is not None)

    def record(self, rel: str, path: Path) -> None:
        """Note a file written into the tree through :attr:`target`."""
        self._written.append(path)
        if self._stale is not None:
            self._stale.discard(rel)

    def write_all(self, files: dict[str, bytes]) -> None:
        for rel, data in sorted(files.items()):
            self.write(rel, data)

    def keep(self, paths: Iterable[str]) -> None:
        """Carry ``paths`` over unchanged from the current output."""
        paths = list(paths)
        with self._as_input_error():
            if self._stale is None:
                _link_all(paths, self.output_dir, self.root)
            else:
                _relink_all(paths, self.output_dir, self.root, self._dirs)
                self._stale.difference_update(paths)

    def commit(self) -> None:
        """Swap the new tree in: from now on ``output_dir`` is the new site."""
        with self._as_input_error():
            if self._stale:
                _remove_files(self.root, self._stale)
            os.chmod(self.root, 0o755)  # mkdtemp makes it 0700; a web server must read it
            _flush_tree(self.root, self._written)
            previous = _swap_in(self.root, self.output_dir, self.defer, keep=self.spare)
            spare = spare_path(self.output_dir)
            if previous is not None and previous != spare:
                _discard(spare)  # one that could not be reused
                os.rename(previous, spare)
        self.root = None


@dataclass(frozen=True)
class StagingTarget:
    """A :class:`Staging` tree as a worker process sees it: where to write,
    and whether files are replaced (a reused tree, whose files may be hard
    links into the live site) or written afresh."""

    root: Path
    replace: bool

    def write(self, rel: str, data: bytes) -> Path:
        """Write one file (an output-relative POSIX path) → its path."""
        return _write_into(self.root, rel, data, set(), self.replace)


def spare_path(output_dir: Path) -> Path:
    """Where a build with ``spare`` keeps the previous output tree:
    ``.output.spare`` beside ``output/`` (hard links, mostly: little room)."""
    output_dir = Path(output_dir)
    return output_dir.resolve().parent / f".{output_dir.name}.spare"


def make_spare(output_dir: Path) -> None:
    """Mirror ``output_dir`` as its spare tree (hard links) when it has none,
    so that the next build with a spare has a tree to update."""
    output_dir = Path(output_dir)
    spare = spare_path(output_dir)
    if spare.exists() or not output_dir.is_dir():
        return
    root = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.new-", dir=spare.parent))
    try:
        _link_all(_tree_files(output_dir) or (), output_dir, root)
        os.rename(root, spare)
    except BaseException:
        _remove(root)
        raise


def write_site(files: dict[str, bytes], output_dir: Path, keep: Iterable[str] = (),
               defer: list[Callable[[], None]] | None = None) -> None:
    """Replace ``output_dir`` by exactly ``files`` plus the ``keep`` files of
    the current ``output_dir``, atomically (see :class:`Staging`).

    In: output-relative paths → contents; the output folder; paths of files
    to carry over unchanged from the current output (hard-linked into the
    new tree, copied where links are impossible).  Out: nothing;
    on return the folder holds the new site.  On any error the previous
    folder is untouched and the error is raised (OSError as InputError).
    """
    with Staging(output_dir, defer) as stage:
        stage.write_all(files)
        stage.keep(keep)
        stage.commit()


def _discard(path: Path) -> None:
    """Remove ``path``, whatever it is: folder, file or symbolic link."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _remove(staging: Path | None) -> None:
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)


def _write_into(root: Path, rel: str, data: bytes, made: set[Path], replace: bool) -> Path:
    """Write one file of a staging tree → its path: afresh, or in a reused
    tree by :func:`_replace_file` (its old file may be a link into the live site)."""
    return (_replace_file if replace else _write_file)(root, rel, data, made)


def _write_file(root: Path, rel: str, data: bytes, made: set[Path]) -> Path:
    """Write ``data`` to ``root``/``rel`` (not yet flushed to disk: see
    :func:`_flush_tree`) → its path; ``made`` remembers the folders already created."""
    target = root.joinpath(*safe_relpath(rel).parts)
    if target.parent not in made:
        target.parent.mkdir(parents=True, exist_ok=True)
        made.add(target.parent)
    with open(target, "wb") as fh:
        fh.write(data)
    return target


def _flush_tree(root: Path, written: list[Path]) -> None:
    """Flush a new tree to disk before it is swapped in: with one ``syncfs``
    of its file system where there is one (Linux), which also covers every
    folder made and every rename; else each written file and the root folder
    by ``fsync``.  One call instead of one per file: a cold build of 1,000
    articles spent 0.5-1.3 s in 1,330 fsyncs."""
    if _syncfs(root):
        return
    for path in written:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _fsync_dir(root)


@functools.lru_cache(maxsize=None)
def _libc_function(name: str):
    """A function of the C library (through ctypes), or None where it has none."""
    import ctypes  # here: a no-change build never writes, and ctypes costs 6 ms to import
    import ctypes.util

    try:  # the C library is loaded already: no search (find_library runs ldconfig)
        return getattr(ctypes.CDLL(None, use_errno=True), name)
    except (AttributeError, OSError):
        pass
    libc_name = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(libc_name, use_errno=True), name, None) if libc_name else None


def _syncfs(path: Path) -> bool:
    """``syncfs(2)`` on ``path``'s file system; False when unavailable."""
    fn = _libc_function("syncfs")
    if fn is None:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        return fn(fd) == 0
    finally:
        os.close(fd)


def _link_all(paths: Iterable[str], source: Path, root: Path) -> None:
    """Carry files over from the current output: a hard link shares the
    bytes already on disk, so the old tree stays intact until the swap."""
    made: set[Path] = set()
    for rel in sorted(paths):
        parts = safe_relpath(rel).parts
        target = root.joinpath(*parts)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _link_or_copy(source.joinpath(*parts), target)


def _link_or_copy(old: Path, target: Path) -> None:
    """Hard-link ``old`` as ``target``; copy it where links are impossible."""
    try:
        os.link(old, target, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copy2(old, target)


def _tree_files(root: Path) -> set[str] | None:
    """Every file under ``root``, as output-relative POSIX paths; None when
    ``root`` is no real folder or holds a symbolic link (a tree to be
    reused must not lead writes anywhere else)."""
    if root.is_symlink() or not root.is_dir():
        return None
    found: set[str] = set()
    todo = [(str(root), "")]
    while todo:
        folder, prefix = todo.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_symlink():
                    return None
                if entry.is_dir(follow_symlinks=False):
                    todo.append((entry.path, prefix + entry.name + "/"))
                else:
                    found.add(prefix + entry.name)
    return found


def _clear_way(root: Path, target: Path, made: set[Path]) -> None:
    """Make ``target``'s folder exist in a reused tree and nothing but a file
    stand at ``target``: a file where a folder is now needed (or the other
    way round, as when a static file became a folder) is removed."""
    if target.parent not in made:
        folder = root
        for part in target.parent.relative_to(root).parts:
            folder = folder / part
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                folder.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        made.add(target.parent)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)


def _temp_beside(target: Path) -> Path:
    """A free temporary name beside ``target``.  One left by a killed build
    is removed first: it may be a hard link to a live file, which must never
    be opened for writing."""
    tmp = target.with_name(f".{target.name}.tmp")
    if tmp.is_symlink() or tmp.exists():
        _discard(tmp)
    return tmp


def _replace_file(root: Path, rel: str, data: bytes, made: set[Path]) -> Path:
    """Write ``root``/``rel`` under a temporary name and rename it over the
    old one (the old file may be a hard link shared with the live site) → its path."""
    target = root.joinpath(*safe_relpath(rel).parts)
    _clear_way(root, target, made)
    tmp = _temp_beside(target)
    with open(tmp, "xb") as fh:  # a new file: never one shared with the live site
        fh.write(data)
    os.replace(tmp, target)
    return target


def _relink_all(paths: Iterable[str], source: Path, root: Path, made: set[Path]) -> None:
    """Make each of ``root``'s ``paths`` the same file as ``source``'s, by a
    hard link renamed into place; files that already are stay untouched."""
    for rel in sorted(paths):
        parts = safe_relpath(rel).parts
        old, target = source.joinpath(*parts), root.joinpath(*parts)
        try:
            if os.path.samefile(old, target):
                continue
        except OSError:
            pass  # no such file in the reused tree yet
        _clear_way(root, target, made)
        tmp = _temp_beside(target)
        _link_or_copy(old, tmp)
        os.replace(tmp, target)


def _remove_files(root: Path, paths: Iterable[str]) -> None:
    """Remove ``paths`` from ``root`` and the folders they leave empty."""
    folders = set()
    for rel in paths:
        target = root.joinpath(*safe_relpath(rel).parts)
        try:
            target.unlink()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError):
            # gone, or its place now holds a folder the new site needs
            # (unlink of a folder is EISDIR on Linux, EPERM elsewhere)
            if target.is_symlink() or target.is_file():
                raise
        folders.update(target.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if root in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                pass  # not empty


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2``); False when unsupported."""
    fn = _libc_function("renameat2")
    if fn is None:
        return False
    import ctypes
    res = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if res == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP if hasattr(errno, "EOPNOTSUPP") else -1):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap_in(staging: Path, output_dir: Path, defer: list | None = None,
             keep: bool = False) -> Path | None:
    """Swap ``staging`` in as ``output_dir``; → the path now holding the
    previous tree when ``keep`` and the platform swaps atomically, else None."""
    parent = staging.parent
    kept = None
    if output_dir.is_symlink() or (output_dir.exists() and not output_dir.is_dir()):
        raise OSError(errno.ENOTDIR, "output path exists and is not a folder", str(output_dir))
    if not output_dir.exists():
        os.rename(staging, output_dir)
    elif _exchange(staging, output_dir):
        # staging now holds the old site, under a name recover() removes
        if keep:
            kept = staging
        else:
            remove = functools.partial(shutil.rmtree, staging, ignore_errors=True)
            defer.append(remove) if defer is not None else remove()
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.old-", dir=parent))
        os.rmdir(old)
        os.rename(output_dir, old)  # a kill between these two renames is undone by recover()
        os.rename(staging, output_dir)
        shutil.rmtree(old, ignore_errors=True)
    _fsync_dir(parent)
    return kept


def recover(output_dir: Path) -> None:
    """Undo what an interrupted build left beside ``output_dir``.

    Half-written staging folders are removed; if the swap was interrupted
    between its two renames, the previous site is put back.  (A spare tree
    is no leftover: a build updates whatever state it is in.)
    """
    parent = output_dir.resolve().parent
    if not parent.is_dir():
        return
    name = output_dir.name
    olds = sorted(parent.glob(f".{name}.old-*"))
    if olds and not output_dir.exists():
        os.rename(olds.pop(), output_dir)
    for leftover in olds + sorted(parent.glob(f".{name}.new-*")):
        shutil.rmtree(leftover, ignore_errors=True)


def _open_lock(lock_path: Path) -> int:
    try:
        return os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        # A read-only folder still holds the lock file of an earlier build;
        # flock works on it, and the writer then reports the real problem.
        if exc.errno in (errno.EROFS, errno.EACCES) and lock_path.is_file():
            return os.open(lock_path, os.O_RDONLY)
        raise


@contextmanager
def build_lock(output_dir: Path, wait: bool = False):
    """Hold an exclusive lock on building into ``output_dir``.

    A second build of the same site raises :class:`BuildLocked` at once (or
    waits, with ``wait=True``).  The lock is released when the process ends,
    even by SIGKILL.
    """
    import fcntl

    parent = output_dir.resolve().parent
    lock_path = parent / f".{output_dir.name}.lock"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd = _open_lock(lock_path)
    except OSError as exc:
        raise InputError(str(output_dir), f"cannot lock the output folder ({lock_path.name}): "
                                          f"{exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise BuildLocked(str(output_dir), "another build of this site is running; "
                                               "try again when it has finished") from None
        yield
    finally:
        os.close(fd)
