"""Agency plain text: ``date YYYY-MM[-DD]`` header, dateline, paragraphs.

::

     date 2017-11 Da Nang/Moskau (dpa) - Die USA und Russland haben …

    Zweiter Absatz …

Optional leading white space, then the header (on its own line or on the
dateline's line), then ``Place[/Place] (agency) - `` and paragraphs separated
by blank lines.  A ``title …`` line may follow the date; otherwise the first
sentence is the title.  The header is blanked to spaces in ``Article.text``
so that every offset into the text is also an offset into the file.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Article, Dateline
from .common import (ReadOptions, date_from_name, detect_language, first_sentence,
                     paragraphs_html, parse_date, slugify, source_name, title_from_text)
from ..errors import InputError

_DATE_HEADER = re.compile(r"\s*date[ \t]+(?P<value>\S+)[ \t]*\n?")
_TITLE_HEADER = re.compile(r"[ \t]*title[ \t]+(?P<value>[^\n]+)\n")
_DATELINE = re.compile(
    r"(?P<places>[^\W\d][^()\n]{0,79}?)[ \t]*\((?P<agency>[^()\n]{1,40})\)[ \t]*[-–—][ \t]+")


def read(text: str, path: Path, options: ReadOptions) -> Article:
    """Plain text of one agency article → :class:`Article`."""
    body_start, date, title = 0, None, ""
    header = _DATE_HEADER.match(text)
    if header and (header.end() == len(text) or header.group(0)[-1].isspace()
                   or text[header.end()].isspace()):
        line = text.count("\n", 0, header.start("value")) + 1
        date = parse_date(header["value"], path, line=line)
        body_start = header.end()
        title_line = _TITLE_HEADER.match(text, body_start)
        if title_line:
            title = title_line["value"].strip()
            body_start = title_line.end()
    elif re.match(r"\s*date\b", text):
        raise InputError(path, "malformed 'date' header (expected 'date YYYY-MM' or 'date YYYY-MM-DD')",
                         line=text.count("\n", 0, len(text) - len(text.lstrip())) + 1)
    elif re.match(r"\s*date[ \t]+\d", text, re.IGNORECASE):
        # "Date 2017-11" would silently become the title's first words, the date lost
        raise InputError(path, "the 'date' header is written in lower case: 'date YYYY-MM' or "
                               "'date YYYY-MM-DD'",
                         line=text.count("\n", 0, len(text) - len(text.lstrip())) + 1)
    if date is None:
        date = date_from_name(path)
    # Keep offsets equal to file offsets: blank the header, keep its newlines.
    blanked = re.sub(r"[^\n]", " ", text[:body_start]) + text[body_start:]
    if not blanked.strip():
        raise InputError(path, "article has a header but no text")
    dateline = _read_dateline(blanked, body_start)
    lead = first_sentence(blanked[dateline.end or body_start:])
    lang = detect_language(blanked, options.default_lang) or "en"
    return Article(
        slug=slugify(path.stem), title=title or title_from_text(lead), date=date, lang=lang,
        text=blanked, body_html=paragraphs_html(blanked, body_start),
        source_path=source_name(path, options), dateline=dateline,
        genre=options.default_genre, title_given=bool(title),
    )


def _read_dateline(text: str, start: int) -> Dateline:
    """``Da Nang/Moskau (dpa) - `` at the start of the body → places and agency."""
    pos = len(text) - len(text[start:].lstrip()) if text[start:].strip() else start
    m = _DATELINE.match(text, pos)
    if not m:
        return Dateline()
    places = tuple(p.strip() for p in m["places"].split("/") if p.strip())
    return Dateline(places=places, agency=m["agency"].strip(), start=m.start(), end=m.end())
