"""The theme: Jinja templates and static files, site overrides first.

The default theme ships inside the package (``site_builder/theme/``) when
installed from a wheel and sits at the top of the repository
(``templates/``, ``static/``) in a checkout.  A site's own ``templates/``
and ``static/`` override it file by file (a Jinja ``ChoiceLoader``); a theme
folder named in the config (``[theme] dir``) sits between the two.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def default_theme_dir() -> Path:
    """The folder holding the default ``templates/`` and ``static/``."""
    installed = _PACKAGE / "theme"
    if (installed / "templates").is_dir():
        return installed
    return _PACKAGE.parent  # a source checkout: the repository root


def theme_dirs(site_root: Path, theme_dir: Path | None = None) -> list[Path]:
    """Theme folders, the site's own first, then the configured theme, then
    the default; each may have templates/ and static/."""
    dirs = [Path(site_root).resolve()]
    if theme_dir is not None:
        dirs.append(Path(theme_dir).resolve())
    dirs.append(default_theme_dir().resolve())
    return list(dict.fromkeys(dirs))


@dataclass(frozen=True)
class Theme:
    """Template and static-file lookup for one site."""

    site_root: Path
    theme_dir: Path | None = None  # the config's theme.dir, between the site and the default
    # where compiled templates are kept between processes (None: not kept)
    bytecode_dir: Path | None = None

    @property
    def search_dirs(self) -> list[Path]:
        """Theme folders, the site's own first; each has templates/ and static/."""
        return theme_dirs(self.site_root, self.theme_dir)

    @cached_property
    def env(self) -> "jinja2.Environment":
        import jinja2  # here, so that a no-change build never loads Jinja

        loader = jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(d / "templates")) for d in self.search_dirs])
        # auto_reload off: no stat of every template file at each page.  An
        # environment lives for one build, or (the preview server) as long
        # as no theme file changes (build._render_changed).
        env = _environment_class()(loader=loader, autoescape=True, trim_blocks=True,
                                   lstrip_blocks=True, keep_trailing_newline=True,
                                   undefined=jinja2.StrictUndefined, auto_reload=False,
                                   bytecode_cache=_bytecode_cache(self.bytecode_dir))
        return env

    def __getstate__(self) -> dict:
        # Sent to worker processes without its Jinja environment: each
        # process compiles the templates it uses (render.make_job).
        return {k: v for k, v in self.__dict__.items() if k != "env"}

    def static_files(self) -> dict[str, Path]:
        """Output-relative path (``static/…``) → source file, overrides applied."""
        found: dict[str, Path] = {}
        for d in reversed(self.search_dirs):  # defaults first, so the site wins
            static = d / "static"
            if not static.is_dir():
                continue
            for path in sorted(static.rglob("*")):
                if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
                    found["static/" + path.relative_to(static).as_posix()] = path
        return dict(sorted(found.items()))

    def watch_paths(self) -> list[Path]:
        return [d / sub for d in self.search_dirs for sub in ("templates", "static")]


@lru_cache(maxsize=1)
def _environment_class() -> type:
    """Jinja's ``Environment``, reading a plain dict's keys at once.  The
    templates get plain dicts, and Jinja's ``x.key`` first tries an
    attribute: on a dict that raises and catches an AttributeError each time
    (a sixth of a page's rendering).  The same result: a dict's own
    attributes (``items``, ``get`` …) still come first."""
    import jinja2

    dict_attributes = frozenset(dir(dict))

    class Environment(jinja2.Environment):
        def getattr(self, obj, attribute):
            if type(obj) is dict and attribute not in dict_attributes:
                try:
                    return obj[attribute]
                except KeyError:
                    pass
            return super().getattr(obj, attribute)

    return Environment


def _bytecode_cache(folder: Path | None):
    """Jinja's compiled templates kept in ``folder`` (compiling the theme
    costs a process ~0.05 s), or None.  Each is checked against its
    template's source, the Jinja version and this module's settings, and a
    file that cannot be read or written is simply not used."""
    if folder is None:
        return None
    import hashlib

    import jinja2
    from jinja2.bccache import FileSystemBytecodeCache

    salt = f"{jinja2.__version__}|{Path(__file__).read_bytes()!r}".encode()

    class Checked(FileSystemBytecodeCache):
        def get_source_checksum(self, source: str) -> str:
            # the environment's options (this file) shape the compiled code too
            return hashlib.sha256(salt + source.encode("utf-8", "surrogatepass")).hexdigest()

        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a damaged file: compile the template again
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                Path(self.directory).mkdir(parents=True, exist_ok=True)
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a read-only or full disk: the next process compiles again

    return Checked(str(folder))
