"""Python-Markdown's slowest regexes, skipped where they cannot match.

Python-Markdown tries the regex of every block processor over every block
and the regex of every inline pattern over every text node.  Many of them
begin with ``(^|\\n)``, a look-behind or an alternation, so the regex engine
cannot jump to a first character and steps through the whole paragraph: on
plain prose that was most of the conversion's time.  Each of them can only
match in a text holding a certain string (``>`` for a block quote, a
backtick for a code span, ``]:`` for a link reference …), so
:class:`GateExtension` first asks whether the text holds one (a fast
substring scan) and skips the regex when it does not: the output is the
same, character for character.  When every inline pattern is gated, text
holding none of their needles (most paragraphs of news prose) skips the
inline stage as a whole.

A regex is gated only when it is the one recorded here: a changed
Python-Markdown then falls back to the full scan, never to a wrong result.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

__all__ = ["Gate", "GateExtension", "GATES", "gated", "plain_paragraphs"]

_FENCE = r'''
(?P<fence>^(?:~{3,}|`{3,}))[ ]*                          # opening fence
((\{(?P<attrs>[^\n]*)\})|                                # (optional {attrs} or
(\.?(?P<lang>[\w#.+-]*)[ ]*)?                            # optional (.)lang
(hl_lines=(?P<quot>"|')(?P<hl_lines>.*?)(?P=quot)[ ]*)?) # optional hl_lines)
\n                                                       # newline (end of opening fence)
(?P<code>.*?)(?<=\n)                                     # the code block
(?P=fence)[ ]*$                                          # closing fence
'''

class Gate(NamedTuple):
    """Where a regex lives, what it is, and what a text must hold for a match."""

    registry: str               # "inline", "block" or "pre"
    name: str                   # the processor's name in that registry
    attribute: str              # the processor's attribute holding the compiled regex
    source: str                 # the regex the gate was worked out for
    needles: tuple[str, ...]    # every match holds one of these ...
    prefixes: tuple[str, ...] = ()  # ... or the text starts with one (a regex anchored at ^)


_HTML_TAG = (r"""(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|"""
             r"""[^\s"'=<>]++))?+)*+\s*+/?|!--(?:(?!<!--|-->).)*--|[?](?:(?!<[?]|[?]>).)*[?]|"""
             r"""!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\])>)""")

_LINK_START = r"(?<!\!)\["   # "[", not an image's "!["
_IMAGE_START = r"\!\["

GATES: tuple[Gate, ...] = (
    # Every inline pattern is listed, so a text holding none of their needles
    # can skip the inline stage as a whole (see _SkipPlainText).
    Gate("inline", "backtick", "compiled_re", r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)", ("`",)),
    Gate("inline", "escape", "compiled_re", r"\\(.)", ("\\",)),
    Gate("inline", "footnote", "compiled_re", r"\[\^([^\]]*)\]", ("[^",)),
    Gate("inline", "reference", "compiled_re", _LINK_START, ("[",)),
    Gate("inline", "link", "compiled_re", _LINK_START, ("[",)),
    Gate("inline", "image_link", "compiled_re", _IMAGE_START, ("![",)),
    Gate("inline", "image_reference", "compiled_re", _IMAGE_START, ("![",)),
    Gate("inline", "short_reference", "compiled_re", _LINK_START, ("[",)),
    Gate("inline", "short_image_ref", "compiled_re", _IMAGE_START, ("![",)),
    Gate("inline", "autolink", "compiled_re", r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>", ("<",)),
    Gate("inline", "automail", "compiled_re", r"<([^<> !]+@[^@<> ]+)>", ("<",)),
    Gate("inline", "linebreak", "compiled_re", r"  \n", ("  \n",)),
    Gate("inline", "html", "compiled_re", _HTML_TAG, ("<",)),
    Gate("inline", "entity", "compiled_re", r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)", ("&",)),
    Gate("inline", "em_strong", "compiled_re", r"\*|_", ("*", "_")),
    Gate("block", "quote", "RE", r"(^|\n)[ ]{0,3}>[ ]?(.*)", (">",)),
    Gate("block", "hashheader", "RE",
         r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)", ("#",)),
    Gate("block", "setextheader", "RE", r"^.*?\n(?:=+|-+)[ ]*(\n|$)", ("\n=", "\n-")),
    Gate("block", "hr", "SEARCH_RE",  # three of a mark, up to two spaces apart
         r"^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|(\*+[ ]{0,2}){3,}))"
         r"(?P=atomicgroup)[ ]*$",
         ("--", "- -", "-  -", "__", "_ _", "_  _", "**", "* *", "*  *")),
    Gate("block", "reference", "RE",
         r"""^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?((["\'])(.*)\4[ ]*|\((.*)\)[ ]*)?$""",
         ("]:",)),
    Gate("block", "deflist", "RE", r"(^|\n)[ ]{0,3}:[ ]{1,3}(.*?)(\n|$)",
         ("\n:", "\n :", "\n  :", "\n   :"), (":", " :", "  :", "   :")),
    Gate("block", "abbr", "RE", r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$", ("*[",)),
    Gate("block", "footnote", "RE", r"^[ ]{0,3}\[\^([^\]]*)\]:[ ]*(.*)$", ("[^",)),
    Gate("pre", "fenced_code_block", "FENCED_BLOCK_RE", _FENCE, ("```", "~~~")),
)


class _GatedRegex:
    """A compiled regex that finds nothing, at once, in a text holding none
    of ``needles`` and starting with none of ``prefixes``; everything else is
    the regex's own."""

    __slots__ = ("regex", "needles", "prefixes")

    def __init__(self, regex, needles: tuple[str, ...], prefixes: tuple[str, ...]) -> None:
        self.regex = regex
        self.needles = needles
        self.prefixes = prefixes

    def _may_match(self, string: str) -> bool:
        for needle in self.needles:
            if needle in string:
                return True
        return bool(self.prefixes) and string.startswith(self.prefixes)

    def search(self, string: str, *args):
        return self.regex.search(string, *args) if self._may_match(string) else None

    def match(self, string: str, *args):
        return self.regex.match(string, *args) if self._may_match(string) else None

    def finditer(self, string: str, *args):
        return self.regex.finditer(string, *args) if self._may_match(string) else iter(())

    def __getattr__(self, name: str):
        return getattr(self.regex, name)


def _registry(md, kind: str):
    return {"inline": md.inlinePatterns, "block": md.parser.blockprocessors,
            "pre": md.preprocessors}[kind]


class _Unparsed(AtomicString):
    """Text that no inline pattern can match: the inline stage passes it by."""


class _SkipPlainText(Treeprocessor):
    """Before the inline stage: mark the text that holds no needle of any
    inline pattern, so the stage does not try its patterns one by one."""

    def __init__(self, md, needles: tuple[str, ...]) -> None:
        super().__init__(md)
        self.needles = needles

    def run(self, root) -> None:
        needles = self.needles
        for elem in root.iter():
            text = elem.text
            if text and type(text) is str and not any(needle in text for needle in needles):
                elem.text = _Unparsed(text)


class _RestorePlainText(Treeprocessor):
    """After the inline stage: the marked text is ordinary text again (later
    processors, such as the typographer, skip an AtomicString)."""

    def run(self, root) -> None:
        for elem in root.iter():
            if type(elem.text) is _Unparsed:
                elem.text = str(elem.text)


class GateExtension(Extension):
    """Python-Markdown extension: gate the regexes listed in :data:`GATES`,
    and let text that no inline pattern can match skip the inline stage.
    List it after every extension that registers processors."""

    def extendMarkdown(self, md) -> None:
        for gate in GATES:
            registry = _registry(md, gate.registry)
            if gate.name not in registry:
                continue
            processor = registry[gate.name]
            regex = getattr(processor, gate.attribute, None)
            if getattr(regex, "pattern", None) == gate.source:
                setattr(processor, gate.attribute, _GatedRegex(regex, gate.needles, gate.prefixes))
        inline_gates = [gate for gate in GATES if gate.registry == "inline"]
        if "inline" in md.treeprocessors and \
                sum(("inline", gate.name) in gated(md) for gate in inline_gates) == len(md.inlinePatterns):
            # Every inline pattern is gated: their needles tell plain text.
            needles = tuple(sorted({needle for gate in inline_gates for needle in gate.needles}))
            inline = next(item for item in md.treeprocessors._priority if item.name == "inline")
            md.treeprocessors.register(_SkipPlainText(md, needles), "skip_plain_text",
                                       inline.priority + 0.5)
            md.treeprocessors.register(_RestorePlainText(md), "restore_plain_text",
                                       inline.priority - 0.5)


def gated(md) -> set[tuple[str, str]]:
    """(registry, name) of each processor of ``md`` whose regex is gated."""
    return {(gate.registry, gate.name) for gate in GATES
            if gate.name in _registry(md, gate.registry)
            and isinstance(getattr(_registry(md, gate.registry)[gate.name], gate.attribute, None),
                           _GatedRegex)}


# ---------------------------------------------------------------- plain prose
#
# A body made only of paragraphs of prose -- no character any block or
# inline processor of the extensions above looks for, no line that could
# open a list, a header, a rule, a definition or a code block -- becomes
# one ``<p>`` per block, its text as typed (Python-Markdown's own steps for
# such a text, below).  Most news articles are such a body; converting
# them without building and walking a tree takes a fraction of the time.

# Characters some processor starts at (emphasis, code, links, HTML,
# entities, escapes, tables, attribute lists, fences), the tab that
# ``expandtabs`` would change, carriage returns it would normalise and the
# placeholders it strips.  A class: the regex engine scans for it in C.
_MARKUP_CHAR = re.compile(r"[\\`*_\[\]<>&#|{}~\t\r\x02\x03]")
# A line starting with one of these (or with digits and a full stop) may
# open a list, quote, header, rule, definition or indented code.
_LINE_START = re.compile(r"[ \-+=:>]|\d+\.")
_INNER_LINE_START = re.compile(r"\n(?:[ \-+=:>]|\d+\.)")
_MARKDOWN_VERSION = "3.11.3"  # the Python-Markdown whose steps plain_paragraphs follows


def plain_paragraphs(body: str) -> list[str] | None:
    """The paragraph texts Python-Markdown makes of ``body`` when it is plain
    prose (see above), else None (convert it the usual way)."""
    if markdown.__version__ != _MARKDOWN_VERSION or "  \n" in body or _MARKUP_CHAR.search(body) \
            or _LINE_START.match(body) or _INNER_LINE_START.search(body):
        return None
    if not body.strip():  # Markdown.convert returns "" at once
        return []
    # NormalizeWhitespace adds a blank line at the end; the block parser
    # splits at blank lines; EmptyBlockProcessor eats the newlines a block
    # starts with; ParagraphProcessor drops a blank block, strips the start.
    paragraphs = []
    for block in (body + "\n\n").split("\n\n"):
        block = block.lstrip("\n")
        if block.strip():
            paragraphs.append(block.lstrip())
    return paragraphs
