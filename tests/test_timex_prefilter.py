"""The prefilter only saves work: the tagger finds what trying every pattern everywhere finds.

``engine.scan`` tries a pattern only where ``starts`` says it can begin.
If that analysis ever missed a start, time expressions would silently go
missing; these tests compare it with the plain definition on text dense in
every language's vocabulary.
"""
import random
import re

import pytest

from site_builder.timex import engine, starts
from site_builder.timex import lang as languages


def reference_scan(text, spec):
    """The definition: at each position after a non-word character, the first pattern that matches."""
    out, pos = [], 0
    while pos <= len(text):
        if pos == 0 or not re.match(r"\w", text[pos - 1]):
            for rule in spec.rules:
                m = rule.regex.match(text, pos)
                if m is not None:
                    out.append((pos, m.end(), rule.kind))
                    pos = max(m.end(), pos + 1) if m.end() == pos else m.end()
                    break
            else:
                pos += 1
        else:
            pos += 1
    return out


def vocabulary_text(spec, size, seed):
    """Random text made of the language's own words, numbers and punctuation."""
    words = [w for name, table in spec.lookup.items() if not name.endswith("_regex") for w in table]
    words += ["1", "7.", "12", "1999", "2017", "31.", "4:45", "07/04/2017", "1.9.39", "'90s", "90er",
              "2.000", "Nr.", "No.", "x", "Haus", "house", "a", "der", "the"]
    rnd = random.Random(seed)
    out, n = [], 0
    while n < size:
        piece = rnd.choice(words) + rnd.choice([" ", " ", " ", "  ", "\n", ", ", ". ", "-", ""])
        out.append(piece)
        n += len(piece)
    return "".join(out)


@pytest.mark.parametrize("code", languages.supported())
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_prefiltered_scan_finds_what_trying_everywhere_finds(code, seed):
    spec = engine.language(code)
    text = vocabulary_text(spec, 10_000, seed)
    found = [(s, e, rule.kind) for s, e, rule, _ in engine.scan(text, spec)]
    assert found == reference_scan(text, spec)
    assert len(found) > 100  # the text really is dense in expressions


@pytest.mark.parametrize("code", languages.supported())
def test_every_pattern_has_bounded_starts(code):
    """A pattern whose starts cannot be worked out is tried everywhere: correct but slow."""
    spec = engine.language(code)
    unbounded = [spec.data.PATTERNS[i][1] for i, rule in enumerate(spec.rules)
                 if rule.starts is starts.ANYWHERE]
    assert unbounded == []


def test_starts_cover_optional_parts_repeats_and_classes():
    found = starts.starts_of(r"(?:(?:der|die)\s+)?(?:letzte|nächste)\s+(?:Woche|\d+)")
    for text in ("der letzte Woche", "die nächste 3", "letzte Woche", "nächste 12"):
        assert found.admits(starts.key(text))
    assert not found.admits("das")
    assert not found.admits("der x")
    repeated = starts.starts_of(r"(?:ab)+c|x*y")
    assert all(repeated.admits(k) for k in ("ab", "x", "y"))
    assert not repeated.admits("abc"[1:])


def test_after_a_short_word_two_letters_of_the_next_word_tell_patterns_apart():
    """"the c" is the start of many sentences: a pattern for "the century"
    is not tried before "the company" ("the co"), one after a long first
    word is still told apart by the next word's first letter."""
    century = starts.starts_of(r"the\s+(?:century|centuries)|(?:within|before)\s+the\s+year")
    assert century.admits(starts.key("the ce"))
    assert not century.admits(starts.key("the co"))
    assert century.admits(starts.key("within t"))
    assert not century.admits(starts.key("within a"))
    prefilter = re.compile(starts.prefilter_regex([century]))
    found = [(m.start(), m.group(1)) for m in prefilter.finditer("xthe century, the   cen; within the year")]
    assert found == [(14, "the   ce"), (25, "within t")]  # not "the year": no start


def test_a_word_beginning_with_a_small_class_is_not_tried_at_every_word_with_its_letter():
    fiscal = starts.starts_of(r"[Ff]iscal\s+year")
    assert fiscal.admits(starts.key("fiscal y")) and fiscal.admits(starts.key("Fiscal y"))
    assert not fiscal.admits("f") and not fiscal.admits("fo")
    prefilter = re.compile(starts.prefilter_regex([fiscal]))
    assert [m.start() for m in prefilter.finditer("for a fiscal year; Fiscal  years")] == [6, 19]


def test_a_day_number_is_told_apart_from_an_amount_by_the_word_after_it():
    day = starts.starts_of(r"(?:0?[1-9]|[12]\d|3[01])\s+(?:January|May)")
    assert day.admits(starts.key("5 Ja")) and day.admits(starts.key("05 Ma"))
    assert not day.admits(starts.key("5 mi")) and not day.admits("5")


def test_patterns_that_can_match_nothing_may_start_anywhere():
    assert starts.starts_of(r"a?") is starts.ANYWHERE
    assert starts.starts_of(r"(?i)mai") is starts.ANYWHERE


def test_warm_compiles_every_rule_ahead_of_the_first_article():
    """The preview server warms the tagger up after its first build: the
    first edit then compiles nothing."""
    from site_builder.timex import warm
    from site_builder.timex.engine import language

    warm(("de", "en"))
    for code in ("de", "en"):
        rules = language(code).rules
        assert rules and all("regex" in vars(rule) for rule in rules)
