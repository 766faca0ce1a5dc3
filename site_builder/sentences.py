"""Sentence splitting for German and English news and history text.

In: a text and its language code.  Out: ``(start, end)`` code-point spans,
trimmed of white space, in text order.  A sentence ends at ``.``, ``!``,
``?`` or ``…`` (optionally followed by closing quotes or brackets) when white
space and a sentence-like start follow, unless the word before the dot is an
abbreviation ("Nr.", "z. B.", "Dr.", "Jan."), an initial ("J. F. Kennedy"),
a dotted acronym ("U.S.") not followed by a typical sentence starter, or an
ordinal in a language that writes ordinals with a dot ("7. Juli", "1. FC").
A blank line always ends a sentence.  All patterns are linear (no nested
quantifiers), so hostile input cannot make them backtrack.
"""
from __future__ import annotations

import re

from . import langdata

# A candidate boundary: terminal punctuation, closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'»«“”‘’)\]]*(?=\s)")  # ‘: German inner closing quote
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
# The token right before a dot: letters/digits/dots/hyphens/apostrophes.
_WORD_BEFORE = re.compile(r"[\w.'’-]{1,40}$")
_NEXT = re.compile(r"\s*([\"'„“”«»‚‘(\[]*)(\S*)")
_DOTTED = re.compile(r"^(?:\w\.)+\w$")


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (code-point offsets, trimmed) for ``lang``."""
    data = langdata.get(lang)
    spans: list[tuple[int, int]] = []
    para_start = 0
    for m in _PARAGRAPH.finditer(text):
        spans.extend(_split_paragraph(text, para_start, m.start(), data))
        para_start = m.end()
    spans.extend(_split_paragraph(text, para_start, len(text), data))
    return spans


def _split_paragraph(text: str, start: int, end: int, data) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, a paragraph."""
    out = []
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m, end, data):
            _add_trimmed(out, text, sent_start, m.end())
            sent_start = m.end()
    _add_trimmed(out, text, sent_start, end)
    return out


def _add_trimmed(out: list, text: str, start: int, end: int) -> None:
    """Append ``(start, end)`` shrunk to exclude white space, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _is_boundary(text: str, m: re.Match, limit: int, data) -> bool:
    """Whether the punctuation run ``m`` ends a sentence."""
    nxt = _NEXT.match(text, m.end(), limit)
    opener, word = nxt.group(1), nxt.group(2)
    if not word and not opener:
        return True  # end of paragraph
    first = word[:1]
    if first and first.islower():
        return False  # "z. B. bei", "Der Gipfel ... ging weiter" never start lower case
    if first and not first.isalnum() and not opener:
        return False  # ", …" or "- …" continue the sentence
    punct = m.group(0)
    if not punct.startswith(".") or len(punct.rstrip("\"'»«“”‘’)]")) > 1:
        return True  # "!", "?", "…" or "..." end a sentence before a capital
    if len(punct) > 1:
        return True  # a dot followed by a closing quote: the quote ended the sentence
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())  # not from 0: linear
    token = before.group(0).lstrip("'’-") if before else ""
    return not _is_non_final_dot(token, word, data)


def _is_non_final_dot(token: str, next_word: str, data) -> bool:
    """Whether a dot after ``token`` (followed by ``next_word``) is not a sentence end."""
    if not token:
        return False
    last = token.rsplit(".", 1)[-1]
    bare = next_word.strip(".,;:!?\"'»«“”’)").lower()
    if _DOTTED.match(token):
        # "U.S. officials" vs "in the U.S. The next day": only a typical
        # sentence starter after a dotted acronym ends the sentence.
        return bare not in data.sentence_starters
    if last.lower() in data.abbreviations:
        return True
    if len(last) == 1 and last.isalpha() and last.isupper():
        return True  # an initial: "John F. Kennedy"
    if last.isdigit():
        if data.ordinal_dot and len(last) <= 2:
            return True  # "am 7. Juli", "1. FC Köln", "der 2. Weltkrieg"
        if data.ordinal_dot and len(last) == 3 and (bare in data.months or not next_word[:1].isupper()):
            return True
    return False
