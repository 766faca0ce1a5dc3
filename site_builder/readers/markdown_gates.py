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
same, character for character.

A regex is gated only when it is the one recorded here: a changed
Python-Markdown then falls back to the full scan, never to a wrong result.
"""
from __future__ import annotations

from markdown.extensions import Extension

__all__ = ["GateExtension", "GATES", "gated"]

_FENCE = r'''
(?P<fence>^(?:~{3,}|`{3,}))[ ]*                          # opening fence
((\{(?P<attrs>[^\n]*)\})|                                # (optional {attrs} or
(\.?(?P<lang>[\w#.+-]*)[ ]*)?                            # optional (.)lang
(hl_lines=(?P<quot>"|')(?P<hl_lines>.*?)(?P=quot)[ ]*)?) # optional hl_lines)
\n                                                       # newline (end of opening fence)
(?P<code>.*?)(?<=\n)                                     # the code block
(?P=fence)[ ]*$                                          # closing fence
'''

#: (registry, name, attribute holding the regex, its source, strings one of
#: which every match holds)
GATES: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("inline", "backtick", "compiled_re", r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)", ("`",)),
    ("inline", "reference", "compiled_re", r"(?<!\!)\[", ("[",)),
    ("inline", "link", "compiled_re", r"(?<!\!)\[", ("[",)),
    ("inline", "short_reference", "compiled_re", r"(?<!\!)\[", ("[",)),
    ("inline", "em_strong", "compiled_re", r"\*|_", ("*", "_")),
    ("block", "quote", "RE", r"(^|\n)[ ]{0,3}>[ ]?(.*)", (">",)),
    ("block", "hashheader", "RE",
     r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)", ("#",)),
    ("block", "setextheader", "RE", r"^.*?\n(?:=+|-+)[ ]*(\n|$)", ("\n=", "\n-")),
    ("block", "hr", "SEARCH_RE",
     r"^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|(\*+[ ]{0,2}){3,}))"
     r"(?P=atomicgroup)[ ]*$", ("-", "_", "*")),
    ("block", "reference", "RE",
     r"""^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?((["\'])(.*)\4[ ]*|\((.*)\)[ ]*)?$""",
     ("]:",)),
    ("block", "deflist", "RE", r"(^|\n)[ ]{0,3}:[ ]{1,3}(.*?)(\n|$)", (": ",)),
    ("block", "abbr", "RE", r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$", ("*[",)),
    ("block", "footnote", "RE", r"^[ ]{0,3}\[\^([^\]]*)\]:[ ]*(.*)$", ("[^",)),
    ("pre", "fenced_code_block", "FENCED_BLOCK_RE", _FENCE, ("```", "~~~")),
)


class _GatedRegex:
    """A compiled regex that finds nothing, at once, in a text holding none
    of ``needles``; everything else is the regex's own."""

    __slots__ = ("regex", "needles")

    def __init__(self, regex, needles: tuple[str, ...]) -> None:
        self.regex = regex
        self.needles = needles

    def _may_match(self, string: str) -> bool:
        for needle in self.needles:
            if needle in string:
                return True
        return False

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


class GateExtension(Extension):
    """Python-Markdown extension: gate the regexes listed in :data:`GATES`.
    List it after every extension that registers processors."""

    def extendMarkdown(self, md) -> None:
        for kind, name, attribute, source, needles in GATES:
            registry = _registry(md, kind)
            if name not in registry:
                continue
            processor = registry[name]
            regex = getattr(processor, attribute, None)
            if getattr(regex, "pattern", None) == source:
                setattr(processor, attribute, _GatedRegex(regex, needles))


def gated(md) -> set[tuple[str, str]]:
    """(registry, name) of each processor of ``md`` whose regex is gated."""
    return {(kind, name) for kind, name, attribute, _, _ in GATES
            if name in _registry(md, kind)
            and isinstance(getattr(_registry(md, kind)[name], attribute, None), _GatedRegex)}
