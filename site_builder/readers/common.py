"""Helpers shared by the readers: options, slugs, titles, language, HTML → text."""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from ..dates import PartialDate
from ..errors import InputError
from .langid import detect_language

__all__ = ["ReadOptions", "slugify", "parse_date", "title_from_text", "html_to_text",
           "paragraphs_html", "detect_language", "source_name"]

MAX_SLUG = 80
DEFAULT_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """What a reader needs to know about the site (not about the file)."""

    root: Path | None = None       # paths in messages and output are relative to this
    default_lang: str | None = None  # used when an article gives none and detection is unsure
    default_genre: str = "news"
    max_bytes: int = DEFAULT_MAX_BYTES  # a bigger file is refused before it is read

    @cached_property
    def resolved_root(self) -> Path | None:
        """``root`` with its links resolved, once for all the articles."""
        return self.root.resolve() if self.root is not None else None


def source_name(path: Path, options: ReadOptions) -> str:
    """The path users see: relative to the site root when possible."""
    if options.root is not None:
        try:
            return path.resolve().relative_to(options.resolved_root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def slugify(value: str) -> str:
    """A URL-safe, lower-case slug: ASCII letters, digits, '-' and '_' only.

    Never empty, never '.' or '..', at most 80 characters, so it is always a
    single safe path component.
    """
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[^A-Za-z0-9_]+", "-", value).strip("-_").lower()
    value = value[:MAX_SLUG].strip("-_")
    return value or "article"


_YMD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: str, path: Path, line: int | None = None) -> PartialDate:
    """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` string → :class:`PartialDate`.

    Raises :class:`InputError` naming ``path`` when it is not a real date in
    the years 1–9999.
    """
    text = str(value).strip()
    m = _YMD.match(text)
    if not m or int(m.group(1)) == 0:
        raise InputError(path, f"date {text!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                         line=line)
    date = PartialDate(text)
    if not date.is_calendar:
        raise InputError(path, f"date {text!r} does not exist in the calendar", line=line)
    return date


_DATED_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?=[-_.]|$)")


def date_from_name(path: Path) -> PartialDate | None:
    """The date a file name starts with, as Jekyll and Pelican name posts
    (``2017-11-15-council.md``); None when it starts with no real date."""
    m = _DATED_NAME.match(path.stem)
    if not m or int(m.group(1)) == 0:
        return None
    date = PartialDate(m.group(0))
    return date if date.is_calendar else None


def title_from_text(sentence: str, limit: int = 140) -> str:
    """A title made of the first sentence, cut at a word boundary when long."""
    sentence = " ".join(sentence.split()).rstrip(".")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
    return cut + "…"


_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
           "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "figure", "figcaption", "hr",
           "br", "section", "article", "header", "footer"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def _block(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n\n"):
            self.parts.append("\n\n")

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self._block()

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self._block()

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(body_html: str) -> str:
    """The plain text of an HTML fragment: text nodes verbatim, blocks
    separated by a blank line.  Every text node of ``body_html`` appears in
    the result in order, which is what lets the renderer map offsets back."""
    collector = _TextCollector()
    collector.feed(body_html)
    collector.close()
    return "".join(collector.parts).strip("\n")


def paragraphs_html(text: str, start: int = 0) -> str:
    """Plain text from ``start`` → ``<p>`` paragraphs split on blank lines."""
    out = []
    for para in re.split(r"\n\s*\n", text[start:]):
        para = para.strip()
        if para:
            out.append(f"<p>{html.escape(para, quote=False)}</p>")
    return "\n".join(out)


def first_sentence(text: str) -> str:
    """A rough first sentence of the first paragraph, used only for a default title."""
    para = text.strip().split("\n\n", 1)[0]
    for m in re.finditer(r"[.!?](?=\s+[«\"„A-Z\u00c0-\u00d6\u00d8-\u00de])", para):
        before = para[: m.start()].split()
        word = before[-1] if before else ""
        # "7. Juli", "Nr. 2254", "Dr. Müller": an ordinal or short abbreviation, not an end.
        if m.group() == "." and (word.isdigit() or (len(word) <= 3 and word[:1].isupper())):
            continue
        return para[: m.end()]
    return para


def require(cond: bool, path: Path, message: str, line: int | None = None) -> None:
    if not cond:
        raise InputError(path, message, line=line)
