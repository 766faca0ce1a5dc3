"""Markdown with YAML front matter.

::

    ---
    title: Trump und Putin treffen sich in Hamburg
    date: 2017-07-07
    lang: de
    tags: [g20, hamburg]
    summary: …
    source: https://example.org/original   # or url:
    slug: g20-hamburg
    genre: news                            # or narrative
    events:                                # hand-made events
      - {date: 2017-07-08, title: Gipfel endet, text: …}
    ---
    Markdown body …

Raw HTML in the body is sanitised.  ``Article.text`` is the plain text of
the rendered body, so offsets refer to what readers see.
"""
from __future__ import annotations

import datetime as _dt
import importlib
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import frontmatter
import markdown
import yaml

from ..errors import InputError
from ..model import Article, ManualEvent
from ..sanitize import sanitize_html
from .common import (ReadOptions, date_from_name, detect_language, first_sentence, html_to_text,
                     parse_date, slugify, source_name, title_from_text)
from .markdown_gates import GateExtension, plain_paragraphs
from .typography import (DEFERRED, QuoteMarks, TypographyExtension, marks_for, resolve_deferred,
                         typeset_paragraph)

KNOWN_GENRES = ("news", "narrative")
FRONT_MATTER_KEYS = ("title", "date", "lang", "tags", "summary", "source", "url", "slug", "genre",
                     "events")
# keys other tools (or languages) use for ours, too far from them for a typo
_KEY_ALIASES = {"language": "lang", "sprache": "lang", "datum": "date", "titel": "title",
                "tag": "tags", "schlagworte": "tags"}
# Typographic quotes, dashes and ellipses come from TypographyExtension,
# which sets quotes the way the article's language writes them.
_EXTENSIONS = ["extra", "sane_lists"]
# One converter per thread: building one (extensions, pattern registries)
# costs as much as converting a whole article; reset() makes it fresh.
_converters = threading.local()


def _extension_objects(names: list[str]) -> list:
    """Python-Markdown's extensions ``names``, made here: named, Markdown looks
    each one up among every installed package's entry points (~40 ms of
    importlib.metadata a process), and "extra" names seven more."""
    out = []
    for name in names:
        module = importlib.import_module(f"markdown.extensions.{name}")
        if name == "extra":  # a bundle that registers its parts by name
            out.extend(_extension_objects(module.extensions))
        else:
            out.append(module.makeExtension())
    return out


def new_converter() -> tuple[markdown.Markdown, TypographyExtension]:
    """A Markdown converter with this reader's extensions, and its typographer."""
    typography = TypographyExtension()
    extensions = [*_extension_objects(_EXTENSIONS), typography, GateExtension()]  # gates last
    return markdown.Markdown(extensions=extensions, output_format="html"), typography


def markdown_to_html(body: str, marks: QuoteMarks) -> str:
    """Markdown text → HTML, quotes set with ``marks`` (see :mod:`.typography`)."""
    paragraphs = plain_paragraphs(body)
    if paragraphs is not None:  # plain prose: the HTML Python-Markdown would make
        return "\n".join(f"<p>{typeset_paragraph(p, marks)}</p>" for p in paragraphs)
    converter = getattr(_converters, "pair", None)
    if converter is None:
        converter = _converters.pair = new_converter()
    md, typography = converter
    typography.marks = marks
    try:
        return md.reset().convert(body)
    except BaseException:
        _converters.pair = None  # half-way through a document: never reuse that state
        raise


_KEY_IN_MESSAGE = re.compile(r"front matter key '([^']+)'")


def read(text: str, path: Path, options: ReadOptions) -> Article:
    """Markdown source of one article → :class:`Article`."""
    try:
        return _read(text, path, options)
    except InputError as exc:
        # A bad value: name the line of its key, which the YAML parser has forgotten.
        key = _KEY_IN_MESSAGE.search(exc.message) if exc.line is None else None
        line = _key_line(text, key.group(1)) if key else None
        if line is None:
            raise
        raise InputError(exc.path, exc.message, line) from None


def _read(text: str, path: Path, options: ReadOptions) -> Article:
    meta, body = _split_front_matter(text, path)
    given = _given_language(meta)
    marks = marks_for(given) if given else _marks_to_detect(body, options)
    body_html, plain = _render(body, marks)
    if not plain.strip() and not meta.get("events"):
        raise InputError(path, "article has no text")
    date = _date(meta, "date", path, _key_line(text, "date")) \
        if meta.get("date") is not None else date_from_name(path)
    lang = _language(meta, text, path) or detect_language(plain, options.default_lang) or "en"
    if marks is DEFERRED:  # the quotes waited for the language, told by the words of the text
        marks = marks_for(lang)
        body_html, plain = resolve_deferred(body_html, marks), resolve_deferred(plain, marks)
    genre = _string(meta, "genre", path) or options.default_genre
    if genre not in KNOWN_GENRES:
        raise InputError(path, f"front matter key 'genre' must be one of "
                               f"{', '.join(KNOWN_GENRES)}, not {genre!r}")
    title = _string(meta, "title", path)
    return Article(
        slug=slugify(_string(meta, "slug", path) or path.stem),
        title=title or title_from_text(first_sentence(plain)) or path.stem,
        date=date, lang=lang.lower(), text=plain, body_html=body_html,
        source_path=source_name(path, options), tags=_tags(meta, path),
        summary=_string(meta, "summary", path),
        url=_url(meta, "source", text, path) or _url(meta, "url", text, path),
        genre=genre, manual_events=_manual_events(meta, path), title_given=bool(title),
        notes=_unknown_keys(meta, text),
    )


def _unknown_keys(meta: dict, text: str) -> tuple[str, ...]:
    """A note per front matter key that looks like a mistyped known key
    ("tilte", "Date", "language"): it would be ignored without a word.  Other
    keys (a blog's "layout", "author" …) are left alone, as other site
    generators leave them."""
    import difflib

    notes = []
    for key in map(str, meta):
        if key in FRONT_MATTER_KEYS:
            continue
        meant = _KEY_ALIASES.get(key.lower()) or next(
            iter(difflib.get_close_matches(key.lower(), FRONT_MATTER_KEYS, n=1, cutoff=0.75)), None)
        if meant:
            line = _key_line(text, key)
            notes.append(f"{f'{line}: ' if line else ''}front matter key {key!r} is not known and "
                         f"is ignored (did you mean {meant!r}?)")
    return tuple(notes)


def _render(body: str, marks: QuoteMarks) -> tuple[str, str]:
    """Markdown body → (sanitised HTML, its plain text)."""
    body_html = sanitize_html(markdown_to_html(body, marks))
    return body_html, html_to_text(body_html)


def _marks_to_detect(body: str, options: ReadOptions) -> QuoteMarks:
    """Marks for a body whose language is told by its rendered words: stand-ins,
    swapped for the language's marks afterwards -- unless the body holds a
    stand-in character itself; then a first rendering tells the language.
    (Quote marks are no words, so they never change which language wins.)"""
    if not any(stand_in in body for stand_in in DEFERRED):  # substring scans: faster than a regex
        return DEFERRED
    plain = _render(body, marks_for(""))[1]
    return marks_for(detect_language(plain, options.default_lang) or "")


def _given_language(meta: dict) -> str | None:
    """The front matter's ``lang`` when it names a language the tagger knows
    (a wrong one is reported later, in the usual order of checks)."""
    from ..timex.lang import supported

    value = meta.get("lang")
    code = value.strip().lower() if isinstance(value, str) else ""
    return code if code in supported() else None


def _split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        # The YAML text starts with the line end after the opening '---';
        # where an unclosed bracket or quote began is the line to fix.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        first = text[:max(text.find("---"), 0)].count("\n")
        line = first + mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        problem += f" ({context})" if context else ""
        raise InputError(path, f"front matter is not valid YAML: {problem}", line=line) from None
    except ValueError as exc:  # YAML's own date parsing: 2017-02-30, year 0
        raise InputError(path, f"front matter has an impossible date: {exc}",
                         line=_impossible_date_line(text)) from None
    except TypeError:  # frontmatter passes the keys as keyword arguments
        raise InputError(path, "front matter keys must be words such as 'title', not numbers, "
                               "dates or empty", line=_non_word_key_line(text)) from None
    if not isinstance(post.metadata, dict):
        raise InputError(path, "front matter must be a mapping of keys to values", line=2)
    if post.metadata:
        _check_keys_once(text, path)
    elif text.lstrip().startswith("---"):
        _check_not_lost(text, path)
    return post.metadata, post.content


_BOUNDARY = re.compile(r"-{3,}\s*$")


def _check_not_lost(text: str, path: Path) -> None:
    """frontmatter returns no keys, without a word, for front matter that is
    never closed (it becomes body text) or is not a mapping (it is dropped)."""
    lines = text.lstrip().split("\n")
    first = text[:len(text) - len(text.lstrip())].count("\n") + 1  # the opening line
    if not _BOUNDARY.match(lines[0]):
        return
    closing = next((n for n, line in enumerate(lines[1:], 1) if _BOUNDARY.match(line)), None)
    if closing is None:
        if len(lines) > 1 and _TOP_KEY.match(lines[1]):
            raise InputError(path, "front matter is not closed: add a line '---' after its "
                                   "last key", line=first)
        return
    data = yaml.safe_load("\n".join(lines[1:closing]))  # frontmatter parsed it already
    if data is not None and not isinstance(data, dict):
        raise InputError(path, "front matter must be a mapping of keys to values ('key: value' "
                               f"lines), not a {type(data).__name__}", line=first + 1)


_TOP_KEY = re.compile(r"""(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"{\[\-?:!&*|>%@`][^\n:]*?))[ \t]*:(?:[ \t]|$)""")


def _front_matter_lines(text: str):
    """(file line number, line) of the front matter, after the opening '---'."""
    for n, line in enumerate(text.split("\n")[1:], 2):
        if _BOUNDARY.match(line):  # as python-frontmatter closes it: three or more dashes
            return
        yield n, line


def _check_keys_once(text: str, path: Path) -> None:
    """YAML keeps the last of two equal keys; the first (say a second
    'date:') would vanish without a word, so name both lines."""
    seen: dict[str, int] = {}
    for n, line in _front_matter_lines(text):
        m = _TOP_KEY.match(line)
        if m:
            key = next(g for g in m.groups() if g is not None).strip()
            if key in seen:
                raise InputError(path, f"front matter key '{key}' is given twice "
                                       f"(first on line {seen[key]})", line=n)
            seen[key] = n


def _non_word_key_line(text: str) -> int | None:
    for n, line in _front_matter_lines(text):
        m = re.match(r"(?:\d[\w.:-]*|~|null|Null|NULL|true|false|True|False|\?)[ \t]*(?::|$)", line)
        if m:
            return n
    return None


def _language(meta: dict, text: str, path: Path) -> str:
    """The ``lang`` key, one of the languages the tagger knows (or empty)."""
    from ..timex.lang import supported

    lang = _string(meta, "lang", path).lower()
    if lang and lang not in supported():
        raise InputError(path, f"front matter key 'lang' must be one of {', '.join(supported())}, "
                               f"not {lang!r}", line=_key_line(text, "lang"))
    return lang


def _string(meta: dict, key: str, path: Path, name: str | None = None) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise InputError(path, f"{name or f'front matter key {key!r}'} must be text, "
                               f"not a {type(value).__name__}")
    return str(value).strip()


def _url(meta: dict, key: str, text: str, path: Path) -> str:
    """An http(s) link to the original; other schemes (``javascript:``,
    ``data:``) would run or smuggle content from the article page."""
    value = _string(meta, key, path)
    try:
        parts = urlsplit(value)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # "http://[::1": an unclosed IPv6 host
        ok = False
    if value and not ok:
        raise InputError(path, f"front matter key '{key}' must be an http:// or https:// URL, "
                               f"not {value[:80]!r}", line=_key_line(text, key))
    return value


def _key_line(text: str, key: str) -> int | None:
    """The file line of top-level front matter ``key``, for messages."""
    for n, line in enumerate(text.split("\n")[1:], 2):
        if _BOUNDARY.match(line):  # as python-frontmatter closes it: three or more dashes
            return None
        if re.match(rf"{re.escape(key)}\s*:", line):
            return n
    return None


_YAML_DAY = re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])")


def _impossible_date_line(text: str) -> int | None:
    """The front matter line holding a YAML date the calendar lacks (year 0, 30 February)."""
    for n, line in enumerate(text.split("\n")[1:], 2):
        if _BOUNDARY.match(line):  # as python-frontmatter closes it: three or more dashes
            return None
        for m in _YAML_DAY.finditer(line):
            try:
                _dt.date(*map(int, m.groups()))
            except ValueError:
                return n
    return None


def _date(meta: dict, key: str, path: Path, line: int | None = None, name: str | None = None):
    value = meta.get(key)
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        value = value.isoformat()
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(path, f"{name or f'front matter key {key!r}'} must be a date like "
                               f"2017-07-07, not {value!r}", line=line)
    try:
        return parse_date(value, path)
    except InputError as exc:
        raise InputError(path, f"{name or f'front matter key {key!r}'}: {exc.message}",
                         line=line) from None


def _tags(meta: dict, path: Path) -> tuple[str, ...]:
    value = meta.get("tags")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [t for t in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(t, (str, int)) for t in value):
        raise InputError(path, "front matter key 'tags' must be a list of words")
    return tuple(sorted({str(t).strip() for t in value if str(t).strip()}))


def _manual_events(meta: dict, path: Path) -> tuple[ManualEvent, ...]:
    items = meta.get("events")
    if items is None:
        return ()
    if not isinstance(items, list):
        raise InputError(path, "front matter key 'events' must be a list of events")
    events = []
    for n, item in enumerate(items, 1):
        where = f"front matter key 'events', item {n},"
        if not isinstance(item, dict) or "date" not in item or "title" not in item:
            raise InputError(path, f"{where} needs at least 'date' and 'title'")
        date = _date(item, "date", path, name=f"{where} 'date'")
        events.append(ManualEvent(date=date, title=_string(item, "title", path, f"{where} 'title'"),
                                  text=_string(item, "text", path, f"{where} 'text'")))
    return tuple(events)
