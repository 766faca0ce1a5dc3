"""Site configuration: one optional TOML file, validated against a schema.

Zero config works.  A site may have ``site.toml`` or a ``[tool.site-builder]``
table in its ``pyproject.toml``.  Every key is declared in :data:`SCHEMA`
with its type, default and meaning (MkDocs' typed options); an unknown key
or a value of the wrong type is an :class:`InputError` naming the file, the
key and what was expected.  Command-line overrides are checked the same way.
"""
from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from .dates import PartialDate
from .errors import InputError

CONFIG_FILES = ("site.toml",)


# -- checks: value → what was expected (None when the value is fine) --------

def _check_url(value: str) -> str | None:
    if not value:
        return None
    wanted = 'an absolute http(s) URL such as "https://example.org/timeline/"'
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:  # "https://[::1/" (an unclosed IPv6 host), "https://host:99999/"
        return wanted
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query \
            or parts.fragment or any(c.isspace() or ord(c) < 32 or c in '"<>\\^`{|}'
                                     for c in value):  # never in a URL unencoded
        return wanted
    return None


def _check_timezone(value: str) -> str | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return 'an IANA time zone such as "Europe/Berlin" or "UTC"'
    return None


def _check_language(value: str) -> str | None:
    from .i18n import SUPPORTED

    if value and value not in SUPPORTED:
        return f"one of {', '.join(SUPPORTED)} (or empty: the articles' commonest)"
    return None


def _check_date(value: str) -> str | None:
    if value and (not PartialDate(value).is_calendar or PartialDate(value).year < 1
                  or PartialDate(value).granularity not in ("year", "month", "day")):
        return 'a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
    return None


def _check_relative_dir(value: str) -> str | None:
    path = Path(value)
    if not value or path.is_absolute() or ".." in path.parts or not path.parts:  # "." is the site
        return "a folder inside the site, given relative to it"
    return None


def _check_positive(value: int) -> str | None:
    return "a whole number of at least 1" if value < 1 else None


def _check_optional_dir(value: str) -> str | None:
    return _check_relative_dir(value) if value else None


@dataclass(frozen=True)
class Option:
    """One configuration key: its type, default and what it means.

    ``table`` makes the key a TOML table with its own keys; ``check`` tests
    a value of the right type further and returns what was expected.
    """

    type: type | tuple[type, ...]
    default: Any
    help: str
    choices: tuple[str, ...] | None = None
    check: Callable[[Any], str | None] | None = None
    table: dict[str, "Option"] | None = None


TIMELINE_SCHEMA: dict[str, Option] = {
    "overview_above": Option(int, 500, "above this many events the timeline page is an overview "
                                       "and each year gets its own page", check=_check_positive),
    "order": Option(str, "oldest-first", "order of the timeline page",
                    ("oldest-first", "newest-first")),
    "from": Option(str, "", "leave out events that end before this date (YYYY, YYYY-MM or "
                            "YYYY-MM-DD); empty: no limit", check=_check_date),
    "to": Option(str, "", "leave out events that begin after this date; empty: no limit",
                 check=_check_date),
}

THEME_SCHEMA: dict[str, Option] = {
    "dir": Option(str, "", "a theme folder (with templates/ and static/) that overrides the "
                           "default theme; the site's own templates/ and static/ still win",
                  check=_check_optional_dir),
}

SCHEMA: dict[str, Option] = {
    "title": Option(str, "Timeline", "the site's title, shown on every page"),
    "language": Option(str, "", "interface and date labels: de or en; empty: the articles' commonest",
                       check=_check_language),
    "base_url": Option(str, "", "absolute URL the site is published at (may be a sub-path); "
                                "used by the 404 page, which is served at any depth",
                       check=_check_url),
    "timezone": Option(str, "UTC", "time zone of clock times in articles; exports give their "
                                   "UTC offset", check=_check_timezone),
    "genre": Option(str, "news", "default genre of articles: news resolves dates against the "
                                 "article's date, narrative against the text",
                    ("news", "narrative")),
    "seeds_dir": Option(str, "seeds", "folder of source articles, relative to the site",
                        check=_check_relative_dir),
    "output_dir": Option(str, "output", "folder the site is built into, relative to the site",
                         check=_check_relative_dir),
    "keep_going": Option(bool, False, "skip unreadable articles with a warning instead of failing"),
    "timeline": Option(dict, None, "timeline options", table=TIMELINE_SCHEMA),
    "theme": Option(dict, None, "theme overrides", table=THEME_SCHEMA),
    "max_article_kb": Option(int, 1024, "largest article file read, in KiB; a bigger one is an error "
                                        "(a runaway scrape, not an article)", check=_check_positive),
    "follow_symlinks": Option(bool, False, "read articles behind symbolic links in the seeds folder "
                                           "(off: a link could point anywhere on the machine)"),
}


@dataclass(frozen=True)
class TimelineOptions:
    """The ``[timeline]`` table."""

    order: str = "oldest-first"
    overview_above: int = 500
    date_from: str = ""   # TOML key "from"
    date_to: str = ""     # TOML key "to"

    @property
    def newest_first(self) -> bool:
        return self.order == "newest-first"

    def includes(self, date: PartialDate) -> bool:
        """Whether an event at ``date`` lies (at least partly) within from … to."""
        if self.date_from and date.last_day < PartialDate(self.date_from).first_day:
            return False
        if self.date_to and date.first_day > PartialDate(self.date_to).last_day:
            return False
        return True


@dataclass(frozen=True)
class ThemeOptions:
    """The ``[theme]`` table."""

    dir: str = ""


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
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    theme: ThemeOptions = field(default_factory=ThemeOptions)
    max_article_kb: int = 1024
    follow_symlinks: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def seeds_path(self) -> Path:
        return self.root / self.seeds_dir

    @property
    def output_path(self) -> Path:
        return self.root / self.output_dir

    @property
    def theme_path(self) -> Path | None:
        """The configured theme folder, or None for the default theme alone."""
        return self.root / self.theme.dir if self.theme.dir else None

    @property
    def tzinfo(self):
        """The configured time zone as a ``tzinfo``."""
        from zoneinfo import ZoneInfo
        return ZoneInfo(self.timezone)

    def replace(self, **changes) -> "Config":
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Config(**values)


def find_config_file(root: Path) -> tuple[Path | None, dict]:
    """The config file of the site at ``root`` and its raw table ({} if none).

    Raises :class:`InputError` when both ``site.toml`` and a
    ``[tool.site-builder]`` table configure the site: one of them would be
    ignored without a word.
    """
    pyproject_path, pyproject_table = _pyproject_table(root / "pyproject.toml")
    for name in CONFIG_FILES:
        path = root / name
        if path.exists():  # a folder of that name would otherwise be ignored silently
            if pyproject_path is not None:
                raise InputError(str(path), f"this site is also configured in {pyproject_path} "
                                            "([tool.site-builder]); keep one of the two")
            return path, _load_toml(path)
    return pyproject_path, pyproject_table


def _pyproject_table(pyproject: Path) -> tuple[Path | None, dict]:
    """``pyproject.toml``'s ``[tool.site-builder]`` table, if it has one."""
    if not pyproject.is_file():
        return None, {}
    tool = _load_toml(pyproject).get("tool", {})
    if not isinstance(tool, dict):
        raise InputError(str(pyproject), "'tool' must be a table ([tool.site-builder])")
    table = tool.get("site-builder")
    if table is None:
        return None, {}
    if not isinstance(table, dict):
        raise InputError(str(pyproject), "'tool.site-builder' must be a table")
    return pyproject, table


def load_config(root: Path, overrides: dict | None = None) -> Config:
    """Read and validate the configuration of the site at ``root``.

    In: the site folder and command-line overrides (top-level keys; ``None``
    means "not given").  Out: a :class:`Config`.  Raises :class:`InputError`
    for bad config, naming the file (or the option) and the key.
    """
    path, table = find_config_file(root)
    shown = str(path) if path else None
    values = validate(table, shown)
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    for key, value in validate(given, None, flag=True).items():
        values[key] = value
    timeline = values.pop("timeline", {})
    theme = values.pop("theme", {})
    if timeline.get("from") and timeline.get("to") and \
            PartialDate(_date_text(timeline["from"])).first_day \
            > PartialDate(_date_text(timeline["to"])).last_day:
        # every event would be left out: an empty timeline and no word why
        raise InputError(shown, f"key 'timeline.from' ({_date_text(timeline['from'])}) is after "
                                f"'timeline.to' ({_date_text(timeline['to'])}): no event "
                                f"would be shown")
    if theme.get("dir") and not (root / theme["dir"]).is_dir():
        raise InputError(shown, f"key 'theme.dir' must name an existing folder, "
                                f"not {theme['dir']!r}")
    return Config(root=root, source=shown,
                  timeline=TimelineOptions(order=timeline.get("order", "oldest-first"),
                                           overview_above=timeline.get("overview_above", 500),
                                           date_from=_date_text(timeline.get("from", "")),
                                           date_to=_date_text(timeline.get("to", ""))),
                  theme=ThemeOptions(**theme), **values)


def validate(table: dict, path: str | None, schema: dict[str, Option] | None = None,
             prefix: str = "", flag: bool = False) -> dict:
    """A raw TOML table → checked values, or an :class:`InputError`.

    ``flag`` names keys as command-line options (``--base-url``) in messages.
    """
    schema = SCHEMA if schema is None else schema
    values = {}
    for key, value in table.items():
        name = f"option --{key.replace('_', '-')}" if flag else f"key '{prefix}{key}'"
        option = schema.get(key)
        if option is None:
            known = ", ".join(sorted(schema))
            raise InputError(path, f"unknown {name} (known keys: {known})")
        if option.table is not None:
            if not isinstance(value, dict):
                raise InputError(path, f"{name} must be a table ([{prefix}{key}]), "
                                       f"not {type(value).__name__} {value!r}")
            values[key] = validate(value, path, option.table, f"{prefix}{key}.")
            continue
        expected = _type_name(option.type)
        if isinstance(value, (_dt.date, int)) and not isinstance(value, bool) \
                and option.check is _check_date:
            value = _date_text(value)  # TOML dates and bare years are fine here
        if not isinstance(value, option.type) or (option.type is not bool and isinstance(value, bool)):
            raise InputError(path, f"{name} must be {expected}, "
                                   f"not {type(value).__name__} {value!r}")
        if option.choices and value not in option.choices:
            raise InputError(path, f"{name} must be one of {', '.join(option.choices)}, "
                                   f"not {value!r}")
        wanted = option.check(value) if option.check else None
        if wanted:
            raise InputError(path, f"{name} must be {wanted}, not {value!r}")
        values[key] = value
    return values


def _date_text(value) -> str:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return f"{value:04d}"
    return value


def _type_name(t) -> str:
    names = {str: "a string", bool: "true or false", int: "a whole number", dict: "a table",
             list: "a list"}
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def _load_toml(path: Path) -> dict:
    try:
        raw = path.read_bytes()
        return tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        # Python < 3.14 gives the place only in the text: "… (at line 3, column 7)"
        place = re.search(r" \(at line (\d+), column \d+\)$", str(exc))
        line = getattr(exc, "lineno", None) or (int(place.group(1)) if place else None)
        msg = str(exc)[:place.start()] if place else str(exc).split(" (at ")[0]
        raise InputError(str(path), f"not valid TOML: {msg}", line=line) from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                         line=raw[:exc.start].count(b"\n") + 1) from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
