"""The theme: Jinja templates and static files, site overrides first.

The default theme ships inside the package (``site_builder/theme/``) when
installed from a wheel and sits at the top of the repository
(``templates/``, ``static/``) in a checkout.  A site's own ``templates/``
and ``static/`` override it file by file (a Jinja ``ChoiceLoader``); a theme
folder named in the config (``[theme] dir``) sits between the two.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
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

    @property
    def search_dirs(self) -> list[Path]:
        """Theme folders, the site's own first; each has templates/ and static/."""
        return theme_dirs(self.site_root, self.theme_dir)

    @cached_property
    def env(self) -> "jinja2.Environment":
        import jinja2  # here, so that a no-change build never loads Jinja

        loader = jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(d / "templates")) for d in self.search_dirs])
        env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True,
                                 lstrip_blocks=True, keep_trailing_newline=True,
                                 undefined=jinja2.StrictUndefined)
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
