"""Site configuration: one optional TOML file, validated against a schema.

Zero config works.  A site may have ``site.toml`` or a ``[tool.site-builder]``
table in its ``pyproject.toml``.  Every key is declared in :data:`SCHEMA`
with its type and default (MkDocs' typed options); an unknown key or a value
of the wrong type is an :class:`InputError` naming the file, the key and what
was expected.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from .errors import InputError

CONFIG_FILES = ("site.toml",)


@dataclass(frozen=True)
class Option:
    """One configuration key: its type, default and what it means."""

    type: type | tuple[type, ...]
    default: Any
    help: str
    choices: tuple[str, ...] | None = None
    minimum: int | None = None  # for whole numbers


SCHEMA: dict[str, Option] = {
    "title": Option(str, "Timeline", "the site's title, shown on every page"),
    "language": Option(str, "", "the site's language code (de, en …); empty: the articles' commonest"),
    "base_url": Option(str, "", "absolute URL the site is published at, for feeds, sitemap and embed snippets"),
    "timezone": Option(str, "UTC", "time zone of times without one"),
    "genre": Option(str, "news", "default genre of articles", ("news", "narrative")),
    "seeds_dir": Option(str, "seeds", "folder of source articles, relative to the site"),
    "output_dir": Option(str, "output", "folder the site is built into, relative to the site"),
    "keep_going": Option(bool, False, "skip bad articles with a warning instead of failing the build"),
    "max_article_kb": Option(int, 1024, "largest article file read, in KiB; a bigger one is an error "
                                        "(a runaway scrape, not an article)", minimum=1),
    "follow_symlinks": Option(bool, False, "read articles behind symbolic links in the seeds folder "
                                           "(off: a link could point anywhere on the machine)"),
}


@dataclass(frozen=True)
class Config:
    """A site's validated configuration (see :data:`SCHEMA`)."""

    root: Path
    source: str | None = None  # the file it came from, for messages
    title: str = "Timeline"
    language: str = ""
    base_url: str = ""
    timezone: str = "UTC"
    genre: str = "news"
    seeds_dir: str = "seeds"
    output_dir: str = "output"
    keep_going: bool = False
    max_article_kb: int = 1024
    follow_symlinks: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def seeds_path(self) -> Path:
        return self.root / self.seeds_dir

    @property
    def output_path(self) -> Path:
        return self.root / self.output_dir

    def replace(self, **changes) -> "Config":
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Config(**values)


def find_config_file(root: Path) -> tuple[Path | None, dict]:
    """The config file of the site at ``root`` and its raw table ({} if none)."""
    for name in CONFIG_FILES:
        path = root / name
        if path.is_file():
            return path, _load_toml(path)
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        table = _load_toml(pyproject).get("tool", {}).get("site-builder")
        if table is not None:
            return pyproject, table
    return None, {}


def load_config(root: Path, overrides: dict | None = None) -> Config:
    """Read and validate the configuration of the site at ``root``.

    In: the site folder and command-line overrides (already typed).
    Out: a :class:`Config`.  Raises :class:`InputError` for bad config.
    """
    path, table = find_config_file(root)
    shown = str(path) if path else None
    values = validate(table, shown)
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return Config(root=root, source=shown, **values)


def validate(table: dict, path: str | None) -> dict:
    """A raw TOML table → checked values, or an :class:`InputError`."""
    values = {}
    for key, value in table.items():
        option = SCHEMA.get(key)
        if option is None:
            known = ", ".join(sorted(SCHEMA))
            raise InputError(path, f"unknown key '{key}' (known keys: {known})")
        if not isinstance(value, option.type) or (option.type is not bool and isinstance(value, bool)):
            raise InputError(path, f"key '{key}' must be {_type_name(option.type)}, "
                                   f"not {type(value).__name__} {value!r}")
        if option.choices and value not in option.choices:
            raise InputError(path, f"key '{key}' must be one of {', '.join(option.choices)}, "
                                   f"not {value!r}")
        if option.minimum is not None and value < option.minimum:
            raise InputError(path, f"key '{key}' must be at least {option.minimum}, not {value!r}")
        values[key] = value
    return values


def _type_name(t) -> str:
    names = {str: "a string", bool: "true or false", int: "a whole number", dict: "a table",
             list: "a list"}
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def _load_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        msg = str(exc).split(" (at line")[0]
        raise InputError(str(path), f"not valid TOML: {msg}", line=line) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
