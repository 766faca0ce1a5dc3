"""Python-Markdown's slowest inline patterns, skipped where they cannot match.

Python-Markdown tries the regex of every inline pattern over every text
node.  A few of them begin with a look-behind (code spans, links) or an
alternation (emphasis), so the regex engine cannot jump to a first
character and steps through the whole paragraph: on plain prose that was
most of the Markdown conversion's time.  Each of them can only match in a
text holding a certain character (a backtick, ``[``, ``*`` or ``_``), so
:class:`InlineGateExtension` first asks whether the text holds it (a fast
substring scan) and skips the regex when it does not: the output is the
same, character for character.

A pattern is gated only when its regex is the one recorded here: a changed
Python-Markdown then falls back to the full scan, never to a wrong result.
"""
from __future__ import annotations

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

__all__ = ["InlineGateExtension"]

#: pattern name → (its regex source, characters one of which every match holds)
GATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "backtick": (r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)", ("`",)),
    "reference": (r"(?<!\!)\[", ("[",)),
    "link": (r"(?<!\!)\[", ("[",)),
    "short_reference": (r"(?<!\!)\[", ("[",)),
    "em_strong": (r"\*|_", ("*", "_")),
}


class _GatedRegex:
    """A compiled regex whose ``finditer`` finds nothing, at once, in a text
    without any of ``needles`` (the only method the inline processor calls)."""

    __slots__ = ("regex", "needles")

    def __init__(self, regex, needles: tuple[str, ...]) -> None:
        self.regex = regex
        self.needles = needles

    def finditer(self, string: str, pos: int = 0, *args):
        for needle in self.needles:
            if needle in string:
                return self.regex.finditer(string, pos, *args)
        return iter(())

    def __getattr__(self, name: str):
        return getattr(self.regex, name)


class InlineGateExtension(Extension):
    """Python-Markdown extension: gate the inline patterns named in :data:`GATES`.
    List it after every extension that registers inline patterns."""

    def extendMarkdown(self, md) -> None:
        for name, (source, needles) in GATES.items():
            if name not in md.inlinePatterns:
                continue
            pattern = md.inlinePatterns[name]
            regex = getattr(pattern, "compiled_re", None)
            if isinstance(pattern, InlineProcessor) and getattr(regex, "pattern", None) == source:
                pattern.compiled_re = _GatedRegex(regex, needles)
