"""The inline-pattern gate makes Markdown cheaper and changes nothing it outputs."""
from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from site_builder.readers.inline_gate import GATES, InlineGateExtension, _GatedRegex
from site_builder.readers.markdown_reader import _EXTENSIONS, new_converter
from site_builder.readers.typography import TypographyExtension, marks_for


def convert(doc: str, gated: bool) -> str:
    typography = TypographyExtension()
    extensions = [*_EXTENSIONS, typography] + ([InlineGateExtension()] if gated else [])
    md = markdown.Markdown(extensions=extensions, output_format="html")
    typography.marks = marks_for("en")
    return md.convert(doc)


def test_every_gate_fits_the_installed_markdown():
    """A Python-Markdown whose patterns changed would silently lose the speed-up."""
    md, _ = new_converter()
    assert {name for name in GATES
            if isinstance(md.inlinePatterns[name].compiled_re, _GatedRegex)} == set(GATES)


@pytest.mark.parametrize("doc", [
    "Plain prose without any markup, \"quoted\" -- and done.",
    "A `code span`, ``double `tick` span`` and an escaped \\` tick.",
    "Backslashes before ticks: \\\\`code` and \\\\\\`not code`.",
    "A [link](https://example.org/ \"title\"), ![image](i.png), [ref][r] and [r].\n\n"
    "[r]: https://example.org/r",
    "A footnote[^1] and \\[not a link\\](x).\n\n[^1]: The note with *emphasis*.",
    "*em* **strong** ***both*** _em_ __strong__ snake_case_name 2 * 3 * 4",
    "_em_ and __strong__ with underscores only",
    "Nested *em with `code` and [link](x)* and **strong _em_**.",
    "Line break  \nafter two spaces, <span>html</span>, &amp; an entity, <https://example.org>.",
    "| a | *b* |\n|---|---|\n| `c` | [d](e) |",
])
def test_gated_and_ungated_markdown_give_the_same_html(doc):
    assert convert(doc, gated=True) == convert(doc, gated=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", "\n", "\n\n", "  \n", "`", "``", "\\", "[", "]", "(",
                                 ")", "!", "*", "**", "_", "<", ">", "&", ";", "\"", "'", "-", "^",
                                 ":", "x.org", "#", "|"]),
                max_size=60).map("".join))
def test_any_markup_gives_the_same_html_gated_or_not(doc):
    assert convert(doc, gated=True) == convert(doc, gated=False)
