"""The regex gates make Markdown cheaper and change nothing it outputs."""
from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from site_builder.readers.markdown_gates import GATES, GateExtension, gated, plain_paragraphs
from site_builder.readers.markdown_reader import _EXTENSIONS, markdown_to_html, new_converter
from site_builder.readers.typography import DEFERRED, TypographyExtension, marks_for


def convert(doc: str, gates: bool) -> str:
    typography = TypographyExtension()
    extensions = [*_EXTENSIONS, typography] + ([GateExtension()] if gates else [])
    md = markdown.Markdown(extensions=extensions, output_format="html")
    typography.marks = marks_for("en")
    return md.convert(doc)


def test_every_gate_fits_the_installed_markdown():
    """A Python-Markdown whose regexes changed would silently lose the speed-up."""
    md, _ = new_converter()
    assert gated(md) == {(gate.registry, gate.name) for gate in GATES}
    # every inline pattern is gated, so plain text skips the inline stage
    assert "skip_plain_text" in md.treeprocessors and "restore_plain_text" in md.treeprocessors


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
    "# Title #\n\nText\n## Sub\n> quote\n> > nested\n\nSetext\n===\n\nOther\n---\n\n- - -\n\n___\n",
    "Rule\n\n* * *\n\nText",
    "Term\n:   Definition\n\n*[HTML]: Hyper Text\n\nHTML here.\n\n[x]: http://a.org \"T\"\n",
    "Loose term\n\n:   Definition after a blank line\n\nTerm\n  : indented\n\nTerm\n : one space",
    "Rules: a - b -- c\n\n- - -\n\n*  *  *\n\n_ _ _\n\n---",
    "```python\ncode \"here\"\n```\n\n~~~\nmore\n~~~\n\n    indented\n",
    "A line: with a colon\nand # a hash > and a quote mark in prose.",
])
def test_gated_and_ungated_markdown_give_the_same_html(doc):
    assert convert(doc, gates=True) == convert(doc, gates=False)


TOKENS = ["a", "b", " ", "  ", "   ", "\n", "\n\n", "  \n", "`", "```", "~~~", "\\", "[", "]", "(", ")",
          "!", "*", "**", "_", "<", ">", "> ", "&", ";", "\"", "'", "-", "---", "=", "^", ":", ": ",
          "x.org", "#", "# ", "|", "*[", "[^1]", "]:", "    ", "1. "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_any_markup_gives_the_same_html_gated_or_not(doc):
    assert convert(doc, gates=True) == convert(doc, gates=False)


# ---------------------------------------------------------------- plain prose

def full_conversion(doc: str, marks) -> str:
    md, typography = new_converter()
    typography.marks = marks
    return md.convert(doc)


def test_plain_prose_takes_the_short_path_with_the_installed_markdown():
    """A newer Python-Markdown would silently lose the short path (never the HTML)."""
    doc = 'Er sagte: "Wir kommen -- morgen." 1990 war es so.\n\n\nAm 2. Mai\nging es los.\n'
    assert plain_paragraphs(doc) == ['Er sagte: "Wir kommen -- morgen." 1990 war es so.',
                                     "Am 2. Mai\nging es los."]
    assert markdown_to_html(doc, marks_for("de")) == \
        "<p>Er sagte: „Wir kommen – morgen.“ 1990 war es so.</p>\n<p>Am 2. Mai\nging es los.</p>"


@pytest.mark.parametrize("doc", [
    "1. item", "Text\n2. item", "- item", "Text\n+ item", "Text\n===", "Text\n---", "> quote",
    "Term\n: definition", "    code", "Text\n    more", "a *b*", "a `b`", "a [b](c)", "a <b>",
    "a &amp; b", "a  \nb", "# h", "a | b", "a {: #x}", "a\tb", "a\r\nb", "~~~\ncode\n~~~",
])
def test_markup_takes_the_long_path(doc):
    assert plain_paragraphs(doc) is None


PROSE = ["a", "B", "1", "12", "3.", "0.", "1)", " ", "  ", "\n", "\n\n", "\n\n\n", " \n", "\n ",
         "\"", "'", "--", "---", "...", "-", ".", ",", ":", "!", "?", "(", ")", "„", "“", "«", "»",
         "=", "+", "/", "é", "'90s", "x'y", "\u00a0", "\u2028", "\x0b", "\x0c", "\x85", "\u3000",
         "\ue000", "\ue001", "*", "_", "`", "<", "&", "#", "[", "|", "{", ">", "~", "\\"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PROSE), max_size=50).map("".join),
       st.sampled_from([marks_for("de"), marks_for("en"), DEFERRED]))
def test_short_path_gives_the_html_of_the_full_conversion(doc, marks):
    assert markdown_to_html(doc, marks) == full_conversion(doc, marks)
