"""``site-builder new``: a new site folder that builds at once.

The skeleton ships inside the package (``site_builder/skeleton/``): example
articles in each input format, a ``site.toml`` listing every key commented
out, a short README and a ``.gitignore`` for the build products.
"""
from __future__ import annotations

from pathlib import Path

from .errors import InputError

SKELETON = Path(__file__).resolve().parent / "skeleton"

# Files a package must not carry under their real name (hidden files are
# easy to lose in packaging), renamed when written.
_RENAMED = {"gitignore": ".gitignore"}


def scaffold_files() -> dict[str, bytes]:
    """The new site's files: site-relative POSIX path → content."""
    files = {}
    for path in sorted(SKELETON.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(SKELETON).as_posix()
            files[_RENAMED.get(rel, rel)] = path.read_bytes()
    return files


def new_site(target: Path) -> list[str]:
    """Create a site in ``target`` (missing, empty, or holding only hidden
    entries the site does not bring itself, such as a fresh ``.git``).

    In: the folder.  Out: the files written, site-relative.  Raises
    :class:`InputError` when ``target`` is a file or holds anything else:
    nothing of the user's is ever overwritten.
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise InputError(str(target), "exists and is not a folder; choose a new folder for the site")
    files = scaffold_files()
    if target.is_dir():
        ours = {rel.split("/", 1)[0] for rel in files}
        if any(not entry.name.startswith(".") or entry.name in ours for entry in target.iterdir()):
            raise InputError(str(target), "is not empty; choose a new or empty folder for the site "
                                          "(hidden entries such as .git may stay)")
    try:
        for rel, data in files.items():
            path = target.joinpath(*rel.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as fh:  # "x": never overwrite
                fh.write(data)
    except OSError as exc:
        raise InputError(str(target), f"cannot create the site: {exc.strerror or exc}") from None
    return list(files)
