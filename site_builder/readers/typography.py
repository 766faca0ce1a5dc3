"""Typographic punctuation for Markdown articles, in the article's language.

Straight quotes become the language's quotation marks (``"…"`` and ``'…'``
turn into „…“ and ‚…‘ in German, “…” and ‘…’ in English), apostrophes ’,
``--`` and ``---`` an en and an em dash, ``...`` an ellipsis, ``<<`` and
``>>`` guillemets.  :class:`TypographyExtension` does it in one regex pass
over the text nodes of the parsed document, after inline parsing: code spans
and blocks, raw HTML (attributes included), entities such as ``&quot;`` and
backslash-escaped characters (``\\"``) stay as typed.

Whether a quote opens or closes depends on the character before it, which
may sit in another text node (``"*word*"``), so the text of one block
(paragraph, list item, heading, table cell …) is read as one run.
"""
from __future__ import annotations

import html
import re
from typing import NamedTuple

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

__all__ = ["QuoteMarks", "TypographyExtension", "DEFERRED", "marks_for", "resolve_deferred",
           "typeset_paragraph"]


class QuoteMarks(NamedTuple):
    """The characters a language writes for quotes and the apostrophe."""

    open: str
    close: str
    inner_open: str    # a quotation inside a quotation
    inner_close: str
    apostrophe: str


def marks_for(lang: str) -> QuoteMarks:
    """The quotation marks of language ``lang``, from its data module."""
    from ..langdata import get

    data = get(lang)
    return QuoteMarks(*data.quotes, data.apostrophe)


#: Stand-ins (private-use characters) for an article whose language is only
#: known from its rendered text; :func:`resolve_deferred` swaps in the real marks.
DEFERRED = QuoteMarks("\ue000", "\ue001", "\ue002", "\ue003", "\ue004")


def resolve_deferred(text: str, marks: QuoteMarks) -> str:
    """``text`` typeset with :data:`DEFERRED` → the same with ``marks``."""
    for stand_in, mark in zip(DEFERRED, marks):
        if stand_in in text:  # str.translate would look up every character in Python
            text = text.replace(stand_in, mark)
    return text


# Literal alternatives only, so the scan jumps from one candidate character
# to the next; a run of four or more hyphens (a rule drawn in text) is kept.
_TOKENS = re.compile(r"[\"']|\.\.\.|--+|<<|>>")
_FIXED = {"...": "…", "---": "—", "--": "–", "<<": "«", ">>": "»"}
_DECADE = re.compile(r"\d\d(?!\d)")  # "the '90s", "in '95": an apostrophe
# After these (as after white space or at the start of a block) a quote opens.
_OPENERS = "([{–—\u2015/"
# Inline elements continue the text around them; any other element is a block.
_INLINE = frozenset("a abbr b bdi bdo cite code del dfn em i img ins kbd mark q s samp small "
                    "span strong sub sup time u var wbr".split())
_LITERAL = frozenset("code kbd pre samp script style var".split())  # text kept as typed
_STX, _ETX = "\x02", "\x03"  # Python-Markdown's placeholders: STX key ETX
_STASH_KEY = "wzxhzdk:"


class _Run:
    """The state of one block's text while it is typeset."""

    __slots__ = ("marks", "openers", "stash", "inner_open")

    def __init__(self, marks: QuoteMarks, stash: list) -> None:
        self.marks = marks
        self.openers = _OPENERS + marks.open + marks.inner_open
        self.stash = stash
        self.inner_open = 0  # inner quotes opened and not yet closed

    def opens_after(self, text: str, i: int, carried: bool) -> bool:
        """Whether a quote at ``text[i]`` follows an opening context: white
        space, a bracket, a dash, an opening mark or an opening HTML tag."""
        if i == 0:
            return carried
        char = text[i - 1]
        if char == _ETX:
            start = text.rfind(_STX, 0, i - 1)
            key = text[start + 1:i - 1]
            if key.isdigit():  # a backslash-escaped character
                char = chr(int(key))
            elif key.startswith(_STASH_KEY) and key[len(_STASH_KEY):].isdigit():
                raw = self.stash[int(key[len(_STASH_KEY):])]
                if not isinstance(raw, str):
                    return False
                if raw.startswith("<"):
                    return not raw.startswith("</")  # after "<span>" or "<br>" a quote opens
                char = html.unescape(raw)[-1:] or "x"  # "&nbsp;" is a space
        return char.isspace() or char in self.openers

    def typeset(self, text: str, carried: bool, after: str | None) -> str:
        """One text node; ``carried`` says whether the text before it ends in
        an opening context, ``after`` is the first character after it."""
        marks, openers = self.marks, self.openers
        out: list[str] = []
        last = 0
        opened = -1  # where the last mark that opens (a quote, a dash) ended
        rep = ""
        for m in _TOKENS.finditer(text):
            start, end = m.span()
            token = m.group()
            if token == '"' or token == "'":
                # right after a mark that opens, the quote opens too ("'Nein'" , "--'")
                opens = start == opened or self.opens_after(text, start, carried)
                following = text[end] if end < len(text) else after
                word_follows = following is not None and not following.isspace()
                if token == "'":
                    rep = self._single(text, start, end, opens, word_follows)
                elif start == opened and rep == marks.open:
                    rep = marks.close  # an empty quotation: ""
                elif opens:
                    rep = marks.open if word_follows else token
                else:
                    rep = marks.close
            else:
                rep = _FIXED.get(token, token)
            if rep in openers:
                opened = end
            out += (text[last:start], rep)
            last = end
        if not out:
            return text
        out.append(text[last:])
        return "".join(out)

    def _single(self, text: str, start: int, end: int, opens: bool, word_follows: bool) -> str:
        marks = self.marks
        before = text[start - 1] if start else ""
        following = text[end] if end < len(text) else ""
        if before.isalnum() and following.isalnum():
            return marks.apostrophe  # "don't", "O'Neill"
        if opens:
            if _DECADE.match(text, end):
                return marks.apostrophe
            if word_follows:
                self.inner_open += 1
                return marks.inner_open
            return "'"
        if self.inner_open:
            self.inner_open -= 1
            return marks.inner_close
        return marks.apostrophe  # "the voters' choice", "Hans' Auto"


def typeset_paragraph(text: str, marks: QuoteMarks) -> str:
    """A paragraph of plain text as the typographer sets a ``<p>`` holding
    only ``text`` (a block of its own: no text before or after it)."""
    return _Run(marks, []).typeset(text, True, None)


def _runs(root) -> list[list[tuple]]:
    """The text of the tree in reading order, cut into blocks: each run is a
    list of ``(element, attribute, text, editable)``."""
    runs: list[list[tuple]] = [[]]

    def walk(elem, literal: bool) -> None:
        if elem.tag not in _INLINE:
            runs.append([])
        if elem.tag == "br":
            runs[-1].append((None, None, "\n", False))
        literal = literal or elem.tag in _LITERAL
        if elem.text:
            runs[-1].append((elem, "text", elem.text,
                             not literal and not isinstance(elem.text, AtomicString)))
        for child in elem:
            walk(child, literal)
            if child.tag not in _INLINE:
                runs.append([])
            if child.tail:
                runs[-1].append((child, "tail", child.tail,
                                 not literal and not isinstance(child.tail, AtomicString)))

    walk(root, False)
    return [run for run in runs if run]


class _Typographer(Treeprocessor):
    """Typesets every prose text node of the document with :attr:`marks`."""

    def __init__(self, md) -> None:
        super().__init__(md)
        self.marks = DEFERRED

    def run(self, root) -> None:
        for run in _runs(root):
            state = _Run(self.marks, self.md.htmlStash.rawHtmlBlocks)
            carried = True  # the start of a block
            for k, (elem, attr, text, editable) in enumerate(run):
                if editable:
                    after = next((t[0] for _, _, t, _ in run[k + 1:] if t), None)
                    text = state.typeset(text, carried, after)
                    setattr(elem, attr, text)
                carried = state.opens_after(text, len(text), carried)


class TypographyExtension(Extension):
    """Python-Markdown extension: typographic punctuation (see the module).

    Set :attr:`marks` (a :class:`QuoteMarks`) before each conversion."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._processor: _Typographer | None = None

    @property
    def marks(self) -> QuoteMarks:
        return self._processor.marks

    @marks.setter
    def marks(self, value: QuoteMarks) -> None:
        self._processor.marks = value

    def extendMarkdown(self, md) -> None:
        self._processor = _Typographer(md)
        # After inline parsing (20), attribute lists (8) and abbreviations (7):
        # the text nodes are final; before unescaping (0): "\"" is still marked.
        md.treeprocessors.register(self._processor, "typography", 6)
        md.ESCAPED_CHARS.extend(['"', "'"])  # "\\"" keeps a straight quote, as with smarty
