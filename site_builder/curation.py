"""Hand curation of the extracted timeline: ``timeline.yml`` beside ``seeds/``.

In: the path of the file.  Out: a :class:`Curation` saying which event ids
to hide, retitle and redate.  A missing file means no curation.  The file::

    hide:
      - 000_8d4080564ea0615d-ed0533f5
    retitle:
      000_8d4080564ea0615d-3703050b: Trump und Putin sprechen in Hamburg
    redate:
      000_8d4080564ea0615d-b2468989: 2017-04-07

Ids are stable across rebuilds (slug + sentence text), so entries keep
applying as long as the sentence is unchanged.  Mistakes raise
:class:`InputError` naming the file, the line, the key and what was expected.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .dates import PartialDate
from .errors import InputError

_KEYS = ("hide", "retitle", "redate")


@dataclass(frozen=True)
class Curation:
    """Event ids to hide, and new titles and dates by event id (sorted pairs)."""

    hide: frozenset[str] = frozenset()
    titles: tuple[tuple[str, str], ...] = ()
    dates: tuple[tuple[str, PartialDate], ...] = ()

    def title_for(self, event_id: str) -> str | None:
        return dict(self.titles).get(event_id)

    def date_for(self, event_id: str) -> PartialDate | None:
        return dict(self.dates).get(event_id)

    def unknown_ids(self, known: set[str]) -> list[str]:
        """The ids named here that are not in ``known`` (sorted): entries that
        no longer apply, e.g. because the sentence was edited."""
        named = self.hide | {i for i, _ in self.titles} | {i for i, _ in self.dates}
        return sorted(named - known)


def load_curation(path: Path) -> Curation:
    """Read ``timeline.yml`` at ``path``; a missing file gives an empty Curation."""
    path = Path(path)
    if not path.exists():
        return Curation()
    try:
        raw = path.read_bytes()
        root = yaml.compose(raw.decode("utf-8-sig"))
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                         line=raw[:exc.start].count(b"\n") + 1) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                         line=mark.line + 1 if mark else None) from None
    if root is None:
        return Curation()
    _expect(path, root, yaml.MappingNode, "top level", f"a mapping with keys {', '.join(_KEYS)}")
    hide: set[str] = set()
    titles: dict[str, str] = {}
    dates: dict[str, PartialDate] = {}
    seen: dict[str, int] = {}
    for key_node, value in root.value:
        key = _scalar(path, key_node, "top level", f"a key: one of {', '.join(_KEYS)}")
        _once(path, seen, key, key_node, "key")
        if key == "hide":
            hide |= _hide(path, value)
        elif key == "retitle":
            titles.update(_pairs(path, value, "retitle", _title))
        elif key == "redate":
            dates.update(_pairs(path, value, "redate", _date))
        else:
            raise InputError(path, f"unknown key {key!r}: expected one of {', '.join(_KEYS)}",
                             line=key_node.start_mark.line + 1)
    return Curation(hide=frozenset(hide), titles=tuple(sorted(titles.items())),
                    dates=tuple(sorted(dates.items())))


def _expect(path, node, kind, key: str, what: str) -> None:
    if not isinstance(node, kind):
        raise InputError(path, f"{key}: expected {what}", line=node.start_mark.line + 1)


def _scalar(path, node, key: str, what: str) -> str:
    _expect(path, node, yaml.ScalarNode, key, what)
    if not str(node.value).strip():
        raise InputError(path, f"{key}: expected {what}, got nothing", line=node.start_mark.line + 1)
    return str(node.value).strip()


def _once(path, seen: dict[str, int], key: str, node, what: str) -> None:
    """A key given twice is a mistake YAML would hide (the last one wins)."""
    line = node.start_mark.line + 1
    if key in seen:
        raise InputError(path, f"{what} {key!r} is given twice (first on line {seen[key]})",
                         line=line)
    seen[key] = line


def _hide(path, node) -> set[str]:
    """``hide:`` — a list of event ids."""
    _expect(path, node, yaml.SequenceNode, "hide", "a list of event ids")
    return {_scalar(path, item, "hide", "an event id") for item in node.value}


def _pairs(path, node, key: str, convert) -> dict:
    """``retitle:``/``redate:`` — a mapping from event id to a value."""
    _expect(path, node, yaml.MappingNode, key, "a mapping from event id to a value")
    out, seen = {}, {}
    for id_node, value_node in node.value:
        event_id = _scalar(path, id_node, key, "an event id")
        _once(path, seen, event_id, id_node, f"{key}: event id")
        out[event_id] = convert(path, value_node, f"{key}.{event_id}")
    return out


def _title(path, node, key: str) -> str:
    return _scalar(path, node, key, "a title (text)")


def _date(path, node, key: str) -> PartialDate:
    """A TIMEX3 date (2017, 2017-07, 2017-07-08 …); YAML dates arrive as text here."""
    raw = _scalar(path, node, key, "a date such as 2017-07-08, 2017-07 or 2017")
    if isinstance(raw, (_dt.date, _dt.datetime)):  # pragma: no cover - compose keeps text
        raw = raw.isoformat()
    date = PartialDate(raw)
    # "12" or "197" are TIMEX3 centuries and decades: a typo here, not a date;
    # year 0 does not exist.
    if not date.is_calendar or date.granularity in ("century", "decade") or date.year == 0:
        raise InputError(path, f"{key}: expected a date such as 2017-07-08, 2017-07 or 2017, "
                               f"got {raw!r}", line=node.start_mark.line + 1)
    return date
