"""Headline titles cut from a sentence.

In: the sentence, the spans (relative to the sentence) of its time
expressions and dateline, the offset of the anchoring time expression (None
for an article's lead), and the language code.  Out: a title of at most
:data:`MAX_TITLE` characters that reads as a headline: the clause that holds
the anchor (a subordinate clause is turned into a main clause), without
reporting frames ("hieß es", "said X"), leading connectives, time
expressions (with their prepositions, and the "and"/"bis" of a range whose
two ends are removed), parentheticals or relative clauses; a date set off
by commas inside a clause leaves the clause whole.  Shortened, if still too
long, by dropping articles, sentence adverbs ("jedoch"), prepositional
phrases (mid-sentence only where nouns are capitalised) and auxiliaries
before it is cut at a clause or word boundary.  A title never ends on a
function word (preposition, article, conjunction, "jedoch"), except a verb
particle.  A clause that starts with its predicate ("…, is serving", "…,
and closed it") gets back the subject from the chunk before; a participle or
prepositional phrase ("following …", "Under the accord, …") gives way to the
main clause.  In verb-second order the subject never swallows the object
("nahm die Rote Armee Bulgarien ein" → "Die Rote Armee nahm Bulgarien ein").

Everything works on white-space separated words; all regexes are linear.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import langdata

MAX_TITLE = 90
_ANCHOR = "\x00"  # marks where the anchor was, so its clause can be found

_CHUNK_SPLIT = re.compile(r"[,;:]\s+|\s[-–—_]\s")
_PAREN = re.compile(r"\s*\([^()\n]{0,200}\)|\s*\[[^\[\]\n]{0,200}\]")
_DASH_PAREN = re.compile(r"\s[-–—]\s[^-–—\n]{1,120}\s[-–—](?=\s)")
_DATELINE = re.compile(r"^[^\s(][^()\n]{0,60}\([^()\n]{1,20}\)\s*[-–—_:]+\s*")
_WORD_BEFORE = re.compile(r"(?<![^\s„“\"«»‚‘(])(\w+)\s+$")  # after a space, quote or "("
_WORD_AFTER = re.compile(r"\s+(\w+)(?!\S)")
_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"[\s-]+(\w+)")
_SPACES = re.compile(r"[ \t\n]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,.;:])")  # removed: a plain replacement, done in C
_QUOTES = "\"„“”«»‚‘’'"
_TRAIL = ".,;:!?-–— "
_BARE_STRIP = _TRAIL + _QUOTES


def make_title(sentence: str, removals: list[tuple[int, int]], anchor: int | None,
               lang: str) -> str:
    """A headline for ``sentence`` (see the module doc for in and out)."""
    data = langdata.get(lang)
    text = _remove_spans(sentence, list(removals) + _vague_spans(sentence, data), anchor, data)
    text = _DATELINE.sub("", text)
    if "(" in text or "[" in text:  # most sentences have no parenthesis: skip the scan
        text = _PAREN.sub("", text)
    text = _DASH_PAREN.sub("", text)
    words = _finish(_clause_words(text, data), data)
    if not words:  # nothing but time expressions ("Until this week."): the sentence itself
        words = _finish(sentence.split(), data)
    return _fit(words, data)


# ---------------------------------------------------------------- removal

def _remove_spans(sentence: str, spans: list[tuple[int, int]], anchor: int | None,
                  data) -> str:
    """The sentence with time expressions (and the time words around them) cut out.

    The anchor's place is kept as a marker character.
    """
    cut = _join_ranges(sentence, sorted(_widen(sentence, s, e, data) for s, e in spans), data)
    out, pos = [], 0
    for s, e in cut:
        if s < pos:
            s = pos
        if e <= s:
            continue
        out.append(sentence[pos:s])
        if anchor is not None and s <= anchor < e:
            out.append(_ANCHOR)
        out.append(" ")
        pos = e
    out.append(sentence[pos:])
    text = "".join(out)
    if anchor is not None and _ANCHOR not in text:
        text = text[:anchor] + _ANCHOR + text[anchor:]
    return _SPACES.sub(" ", _SPACE_BEFORE_PUNCT.sub("", text))


def _vague_spans(sentence: str, data) -> list[tuple[int, int]]:
    """Spans of lower-case vague time words ("bislang", "currently") the tagger left."""
    return [(m.start(), m.end()) for m in _vague_regex(data.code).finditer(sentence)
            if m.group(0)[:1].islower()]


@lru_cache(maxsize=None)
def _vague_regex(lang: str) -> re.Pattern:
    """A whole word (a run of ``\\w``) that is one of the language's vague time words."""
    words = sorted(w for w in langdata.get(lang).vague_time_words if _WORD.fullmatch(w))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)" if words else "(?!)")


def _join_ranges(text: str, cut: list[tuple[int, int]], data) -> list[tuple[int, int]]:
    """Sorted spans, two of them joined when only a linking word is between them.

    "between 1985 and 1987", "vom 17. bis 18. Juli": the "and"/"bis" goes with
    its two ends instead of dangling in the title.
    """
    joined: list[tuple[int, int]] = []
    for s, e in cut:
        if joined:
            gap = text[joined[-1][1]:s].split()
            if len(gap) <= 1 and (not gap or gap[0] in data.time_links
                                  or _bare(gap[0]).lower() in data.time_links):
                joined[-1] = (joined[-1][0], max(e, joined[-1][1]))
                continue
        joined.append((s, e))
    return joined


def _modifies_noun(text: str, end: int, data) -> bool:
    """Whether the time expression ending at ``end`` stands before the noun it
    modifies ("the 1990 elections"): then the words before it belong to that noun."""
    if data.nouns_capitalised:
        return False
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1)[:1].islower() and not _is_predicate(m.group(1), data) and not _in_any(
        m.group(1).lower(), data.stop_words, data.time_links, data.time_particles, data.reporting_verbs)


def _widen(text: str, start: int, end: int, data) -> tuple[int, int]:
    """Extend a time expression's span over time prepositions/particles around it.

    "bislang nur beim Gipfel" loses "nur" with "bislang"; "am Freitag" loses "am",
    "in der Nacht zu Sonntag" "in der" (an article only after a time preposition);
    "for the November 1995 assassination" keeps "for the" (the year modifies a noun).
    """
    if _modifies_noun(text, end, data):
        return start, end
    first = text[start:start + 1].isupper()  # a noun ("Nacht") may take the article before it
    while True:
        m = _WORD_BEFORE.search(text, _word_search_start(text, start), start)
        if not m:
            break
        word = m.group(1).lower()
        if not _in_any(word, data.time_prepositions, data.time_particles):
            # "in der Nacht zu Sonntag": an article right before an expression
            # that starts with a noun goes with the preposition before it ("am
            # Ende der im Mai begonnenen Kampagne", "für die vorher bereits
            # praktizierte Hilfe" keep theirs: that article is another noun's)
            if not first or word not in data.definite_articles:
                break
            m = _article_after_preposition(text, m, data)
            if not m:
                break
        start, first = m.start(), False
    while True:
        m = _WORD_AFTER.match(text, end)
        if not m or m.group(1).lower() not in data.time_particles:
            break
        end = m.end()
    return start, end


def _article_after_preposition(text: str, article: re.Match, data) -> re.Match | None:
    """The time preposition right before ``article`` (its match), or None."""
    m = _WORD_BEFORE.search(text, _word_search_start(text, article.start()), article.start())
    return m if m and m.group(1).lower() in data.time_prepositions else None


def _word_search_start(text: str, end: int) -> int:
    """Where to search for the word before ``end`` (and the white space after it).

    A window of 80 characters (linear, not quadratic), narrowed to just after
    the last space before that word: every earlier start fails, each after
    a scan to the next space.
    """
    lo = max(0, end - 80)
    stop = lo + len(text[lo:end].rstrip())
    return text.rfind(" ", lo, stop) + 1 or lo


# ---------------------------------------------------------------- clauses

def _chunks(text: str) -> list[str]:
    return [c.strip() for c in _CHUNK_SPLIT.split(text)]


def _join_around_empty(chunks: list[str], contents: list[list[str]], data) -> list[str]:
    """Chunks with a removed apposition closed up: "Die Stadt wurde, am 1. Mai,
    von Truppen zurückerobert" is one clause again once the date between the
    commas is gone (not when the chunk after it starts a clause of its own).
    ``contents``: the :func:`_content` of each chunk; ``chunks`` itself is
    returned when nothing is joined."""
    if all(contents):  # no chunk is empty: nothing to close up
        return chunks
    out: list[str] = []
    last_has_content = False  # whether out[-1] has content words (a join keeps them)
    i = 0
    while i < len(chunks):
        if out and i + 1 < len(chunks) and not contents[i] and last_has_content \
                and not _opens_clause(contents[i + 1], data):
            out[-1] = f"{out[-1]} {chunks[i]} {chunks[i + 1]}"
            i += 2
            continue
        out.append(chunks[i])
        last_has_content = bool(contents[i])
        i += 1
    return out if len(out) < len(chunks) else chunks


def _in_any(word: str, *sets) -> bool:
    """``word in a | b | …`` without building the union."""
    for words in sets:  # a loop: any() over a generator costs more than the lookups
        if word in words:
            return True
    return False


def _bare(word: str) -> str:
    return word.strip(_BARE_STRIP)


def _kind(content: list[str], index: int, is_last: bool, data) -> str:
    """Classify a chunk by its :func:`_content` words: main, sub (subordinate),
    rel (relative) or frame."""
    if not content:
        return "empty"
    n = len(content)
    head = [w.strip(_BARE_STRIP) for w in content[:4]]  # only the first words and the last one matter
    first, last = head[0].lower(), _bare(content[-1])
    if index > 0 and first in data.reporting_verbs:
        return "frame"  # ", hieß es in der Erklärung", ", according to officials"
    if index > 0 and n <= 6 and any(w.lower() in data.reporting_verbs for w in head):
        return "frame"  # ", a spokesman said"
    if not is_last and (last.lower() in data.reporting_verbs or (
            n <= 8 and any(w.lower() in data.reporting_verbs for w in head[1:3]))):
        return "frame"  # "Trump hatte mehrfach gesagt, er wolle …", "Peskow sagte am Freitag, …"
    rel_at = 1 if n > 1 and first in data.prepositions else 0
    if index > 0 and head[rel_at].lower() in data.relative_pronouns and \
            (not data.relative_verb_final or last[:1].islower()):
        return "rel"
    if first in data.subordinators:
        return "sub"
    return "main"


def _clause_words(text: str, data) -> list[str]:
    """The words of the clause a headline is made from (see module doc)."""
    chunks = _chunks(text)
    contents = [_content(c) for c in chunks]  # once: the helpers below look at them again
    joined = _join_around_empty(chunks, contents, data)
    if joined is not chunks:
        chunks, contents = joined, [_content(c) for c in joined]
    kinds = [_kind(words, i, i == len(chunks) - 1, data) for i, words in enumerate(contents)]
    at = next((i for i, c in enumerate(chunks) if _ANCHOR in c), None)
    if at is not None and kinds[at] == "main":
        inline = _inline_clause(chunks[at].split(), data)
        if inline:
            return inline
    if at is not None and kinds[at] == "rel":
        words = _rel_to_main(contents, at, data)
        if words:
            return words
    if at is not None and kinds[at] == "sub":
        words = _sub_to_main(chunks[at].replace(_ANCHOR, " ").split(), data)
        if words and len(words) >= 3:
            return words
    if at is not None and kinds[at] == "main" and len(contents[at]) >= 3:
        return _with_interrupted_start(contents, kinds, at, data)
    for i, k in enumerate(kinds):
        if k == "main" and len(contents[i]) >= 3:
            return _with_interrupted_start(contents, kinds, i, data)
    # No main clause: take the longest chunk there is.
    best = max(range(len(chunks)), key=lambda i: (len(chunks[i].split()), -i))
    return chunks[best].replace(_ANCHOR, " ").split()


def _rel_to_main(contents: list[list[str]], at: int, data) -> list[str] | None:
    """A relative clause that holds the anchor, with its antecedent as subject:
    "The mayor, who took office in January 2014, said …" → "The mayor took
    office".  Only after a short opening phrase that the sentence's verb
    follows once the clause is over (so it is the sentence's subject, not
    "Many saw in de Gaulle, who …, the man …"), and with a pronoun that is
    the clause's subject (``subject_relatives``); None otherwise."""
    rel, antecedent = contents[at], contents[at - 1] if at == 1 else []
    if len(rel) < 2 or _bare(rel[0]).lower() not in data.subject_relatives:
        return None
    if not 1 <= len(antecedent) <= 6 or not _opens_clause(antecedent, data):
        return None
    after = _bare(contents[at + 1][0]).lower() if at + 1 < len(contents) and contents[at + 1] else ""
    if not (_is_predicate(after, data) or _in_any(after, data.reporting_verbs, data.auxiliaries)):
        return None
    return antecedent + rel[1:]


def _inline_clause(words: list[str], data) -> list[str] | None:
    """The clause holding the anchor when no comma sets it off (English).

    "Russia blocked it after the US struck a base in April" → "the US struck
    a base"; "The company said Tuesday that it would cut jobs" → "The company
    would cut jobs" (the pronoun takes the frame's subject).
    """
    mark = next((i for i, w in enumerate(words) if _ANCHOR in w), len(words))
    for i in range(mark - 1, 0, -1):
        if _bare(words[i]).lower() in data.inline_subordinators:
            clause = _sub_to_main(words[i:], data)
            if clause and len(_content(" ".join(clause))) >= 3:
                return clause
            break
    # Verb-second languages set reported speech off with a comma ("sagte …, er");
    # there a reporting verb inside the clause is more often a particle verb ("sagte … ab").
    for i in range(1, min(len(words) - 3, 8) if not data.verb_second else 0):
        if _bare(words[i]).lower() in data.reporting_verbs:
            rest = [w.replace(_ANCHOR, "") for w in words[i + 1:]]
            rest = [w for w in rest if _bare(w) and _bare(w).lower() != "that"]
            subject = words[:i]
            if len(_content(" ".join(rest))) < 3 or not any(_is_predicate(_bare(w), data) for w in rest):
                return None  # "declared a national emergency": an object, no reported clause
            named = len(subject) <= 4 and (_bare(subject[0]).lower() in data.determiners
                                           or _bare(subject[0])[:1].isupper())
            if rest and _bare(rest[0]).lower() in data.pronouns and named:
                rest = subject + rest[1:]
            return rest
    return None


def _content(chunk: str) -> list[str]:
    """The words of ``chunk`` that are more than punctuation and quotes."""
    return [w for w in chunk.replace(_ANCHOR, " ").split() if w.strip(_BARE_STRIP)]


def _with_interrupted_start(contents: list[list[str]], kinds: list[str], i: int, data) -> list[str]:
    """A main chunk, joined to its start when a relative clause interrupted it.

    "Die Erklärung, die … wurde, sei ausgearbeitet worden": the chunk
    "sei ausgearbeitet worden" needs "Die Erklärung" in front.
    """
    words = contents[i]
    if not data.verb_second:
        return _with_subject(contents, kinds, i, data)
    j = i - 1
    if words[0][:1].islower() and not \
            _in_any(_bare(words[0]).lower(), data.pronouns, data.determiners):
        while j >= 0 and kinds[j] in ("rel", "sub"):
            j -= 1
        if 0 <= j < i - 1 and kinds[j] == "main":
            return contents[j] + words
    return words


def _opens_clause(words: list[str], data) -> bool:
    """Whether a chunk can start a headline: a name, a capitalised word, a
    determiner or a pronoun (not a bare verb, participle or preposition)."""
    first = _bare(words[0]) if words else ""
    return bool(first) and not _in_any(first.lower(), data.prepositions, data.subordinators,
                                       data.connectives, data.conjunctions) and (
        first[:1].isupper() or first[:1].isdigit()
        or _in_any(first.lower(), data.determiners, data.pronouns))


def _with_subject(contents: list[list[str]], kinds: list[str], i: int, data) -> list[str]:
    """A main chunk that lacks its subject, completed (languages without verb-second).

    "Security Pacific, which …, completed the acquisition" → "Security Pacific
    completed the acquisition"; "MindSpring …, and closed it" → "MindSpring
    closed it"; a participle or prepositional phrase ("compared with …",
    "Under the accord, …") gives way to the main clause beside it.
    """
    words = contents[i]
    k = 0
    while k < len(words) - 1 and _in_any(_bare(words[k]).lower(), data.connectives, data.conjunctions):
        k += 1
    first = _bare(words[k])
    if first.lower() in data.prepositions and i + 1 < len(contents) and kinds[i + 1] == "main" \
            and not any(_bare(w) in data.predicate_starts for w in words):
        after = contents[i + 1]  # an adverbial phrase: its clause follows
        return after if _opens_clause(after, data) and _has_predicate(after, data) else words
    if not _is_predicate(first, data):
        return _with_interrupted_subject(contents, kinds, i, data) if k == 0 else words
    before = next((j for j in range(i) if kinds[j] == "main"
                   and _opens_clause(contents[j], data)), None)
    if before is None:  # a leading participle phrase: "Following …, the Germans intervened"
        after = next((contents[j] for j in range(i + 1, len(contents)) if kinds[j] == "main"
                      and _opens_clause(contents[j], data)
                      and _has_predicate(contents[j], data)), None)
        return after or words
    head = contents[before]
    if len(head) <= 8 and not _has_predicate(head, data):
        return head + words[k:]  # the chunk before is only the subject ("Amir, 27, is serving")
    end = _np_end(head, 0, data)
    if end is not None and k > 0:
        return head[:end] + words[k:]  # a coordinated predicate: ", and closed it"
    return head if len(head) >= 3 else words  # a participle phrase: the main clause says more


def _with_interrupted_subject(contents: list[list[str]], kinds: list[str], i: int, data) -> list[str]:
    """"Juanita Castro, who arrived in 1961, believes …": a present-tense verb
    ("-s", which nouns share) takes the subject only across an interruption."""
    words = contents[i]
    first = _bare(words[0])
    if i < 2 or not first[:1].islower() or first in data.stop_words or \
            not first.endswith(data.present_suffixes or ("\0",)) or \
            (len(words) > 1 and _bare(words[1]).lower() in data.predicate_starts):
        return words  # "transitions are …": a plural noun, the subject itself
    head, between = contents[i - 2], contents[i - 1]
    interrupted = kinds[i - 1] == "rel" or (between and _is_predicate(_bare(between[0]), data))
    if kinds[i - 2] == "main" and interrupted and len(head) <= 6 and _opens_clause(head, data) \
            and not _has_predicate(head, data):
        return head + words
    return words


def _has_predicate(words: list[str], data) -> bool:
    return any(_is_predicate(_bare(w), data) for w in words[1:])


def _is_predicate(word: str, data) -> bool:
    """Whether a (bare) word looks like a finite verb or participle ("was", "closed")."""
    return word[:1].islower() and (word in data.predicate_starts
                                   or word.endswith(data.predicate_suffixes or ("\0",)))


def _np_end(words: list[str], i: int, data, depth: int = 0) -> int | None:
    """Index just past the noun phrase starting at ``words[i]`` (a subject), or None."""
    n = len(words)
    if i < n and _bare(words[i]).lower() in data.pronouns:
        return i + 1
    j = i
    if j < n and _bare(words[j]).lower() in data.determiners:
        j += 1
    caps = 0
    while j < n and caps < 4:
        w = _bare(words[j])
        if not w:
            break
        if caps and _bare(words[j - 1])[:1].isupper() and words[i].lower() in data.determiners \
                and w.lower() in data.places:
            break  # "die Rote Armee | Bulgarien": a bare place after the noun is the object
        if w[:1].isupper() or w[:1].isdigit():
            caps += 1
        elif caps == 0 and w.lower() not in data.stop_words and w.isalpha() and j > i:
            pass  # an adjective between article and noun: "die syrische Armee"
        elif caps and w.lower().split("-")[0] in data.name_particles:
            pass  # "Baschar al-Assad"
        else:
            break
        j += 1
        if words[j - 1][-1:] in ",;:":
            break
    if caps == 0:
        return None
    if depth == 0 and j < n and _bare(words[j]).lower() in data.conjunctions:
        k = _np_end(words, j + 1, data, depth + 1)
        if k:
            j = k
    return j


def _sub_to_main(words: list[str], data) -> list[str] | None:
    """A subordinate clause as a main clause ("nachdem die USA … angegriffen hatten"
    → "die USA haben … angegriffen"); None when it has no subject."""
    words = [w for w in words if _bare(w)]
    if len(words) < 3:
        return None
    body = words[1:]
    if not data.relative_verb_final:
        return body if _np_end(body, 0, data) else None
    verb = _bare(body[-1])
    if not verb[:1].islower():
        return None
    verb = dict(data.aux_present).get(verb, verb)
    body = body[:-1]
    refl = []
    if body and _bare(body[0]).lower() in data.reflexives:
        refl, body = [body[0]], body[1:]
    end = _np_end(body, 0, data)
    if end is None or end >= len(body) + 1:
        return None
    return body[:end] + [verb] + refl + body[end:]


# ---------------------------------------------------------------- finishing

def _finish(words: list[str], data) -> list[str]:
    """Drop leading connectives, restore verb-second order, tidy punctuation."""
    words = [w.replace(_ANCHOR, "") for w in words]
    words = [w for w in words if w.strip(_TRAIL)]  # punctuation left alone by a removed span
    while len(words) > 3 and _bare(words[0]).lower() in data.connectives:
        words = words[1:]
    if data.verb_second and words and words[0][:1].islower() and \
            not _in_any(_bare(words[0]).lower(), data.pronouns, data.determiners, data.prepositions):
        words = _verb_second(words, data)
    words = _trim_dangling(_balance_quotes(words), data)
    if words:
        words[-1] = words[-1].rstrip(_TRAIL) or words[-1]
        words[0] = words[0][:1].upper() + words[0][1:]
    return [w for w in words if w]


def _dangles(word: str, data) -> bool:
    """Whether a headline may not end on ``word`` ("between", "und", "jedoch", "the")."""
    w = _bare(word).lower()
    if not w or w in data.verb_particles or word.rstrip(_TRAIL)[-1:] in _QUOTES + ")]":
        return False
    return _in_any(w, data.prepositions, data.determiners, data.conjunctions, data.subordinators,
                   data.connectives, data.dangling_words, data.time_links, data.sentence_adverbs)


def _trim_dangling(words: list[str], data) -> list[str]:
    """The words without the function words a cut left at the end (at least two kept)."""
    end = len(words)
    while end > 2 and _dangles(words[end - 1], data):
        end -= 1
    return words[:end]


def _verb_second(words: list[str], data) -> list[str]:
    """"sagte das Weiße Haus die Begegnung ab" → "das Weiße Haus sagte die Begegnung ab"."""
    verb, rest = words[0], words[1:]
    refl = []
    if rest and _bare(rest[0]).lower() in data.reflexives:
        refl, rest = [rest[0]], rest[1:]
    end = _np_end(rest, 0, data)
    if end is None:
        return words
    if end == len(rest) and end >= 4 and _bare(rest[0]).lower() in data.determiners and \
            _bare(rest[-2]).lower() not in data.conjunctions:
        end -= 1  # "erreichte die Rote Armee Graz": the phrase cannot be subject and object
    return rest[:end] + [verb] + refl + rest[end:]


def _balance_quotes(words: list[str]) -> list[str]:
    """Remove quote marks that lost their partner when the clause was cut."""
    text = " ".join(words)
    # “ closes German „…“ and opens English “…”: it partners „ and ” alike.
    if text.count("„") + text.count("”") != text.count("“"):
        text = text.replace("„", "").replace("“", "").replace("”", "")
    if text.count("«") != text.count("»"):
        text = text.replace("«", "").replace("»", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return text.split()


# ---------------------------------------------------------------- length

def _fit(words: list[str], data) -> str:
    """The title, shortened step by step until it fits :data:`MAX_TITLE`."""
    steps = (_drop_indefinite, _drop_inner_connectives, _drop_leading_article, _drop_last_pp,
             _drop_auxiliary)
    for step in steps:
        if _len(words) <= MAX_TITLE:
            break
        words = step(words, data)
    while _len(words) > MAX_TITLE:
        shorter = _drop_last_pp(words, data)
        if shorter == words:
            break
        words = shorter
    return _cut(words, data)


def _len(words: list[str]) -> int:
    return len(" ".join(words))


def _drop_indefinite(words, data):
    return [w for i, w in enumerate(words) if i == 0 or w.lower() not in data.indefinite_articles]


def _drop_inner_connectives(words, data):
    """"Die Stadt wurde jedoch … zurückerobert" → "Die Stadt wurde … zurückerobert"."""
    return [w for i, w in enumerate(words)
            if i == 0 or w.lower() not in data.sentence_adverbs]


def _drop_leading_article(words, data):
    if len(words) > 2 and words[0].lower() in data.definite_articles and \
            (_bare(words[1]).isupper() or _in_any(_bare(words[1]).lower(), data.places, data.orgs)):
        return [words[1]] + words[2:]
    return words


def _drop_last_pp(words, data):
    """Drop the last prepositional phrase that does not name a place.

    Its extent: the preposition up to its first capitalised word (a German
    noun or a name; a name, or a person after a title, goes whole), or,
    failing that, up to the next preposition.  Where nouns are not
    capitalised the phrase must end the title: mid-sentence its end is a guess.
    """
    for p in range(len(words) - 2, 0, -1):
        if words[p].lower() not in data.prepositions:
            continue
        q = p + 1
        while q < len(words) and not words[q][:1].isupper() and words[q].lower() not in data.prepositions:
            q += 1
        if q >= len(words) or words[q].lower() in data.prepositions:
            continue
        noun = _bare(words[q])
        if noun.lower() in data.places or words[p][-1:] in ",;:":
            continue
        if not data.nouns_capitalised or noun.lower() in data.person_cues:
            while q + 1 < len(words) and words[q + 1][:1].isupper() and words[q][-1:] not in ",;:":
                q += 1  # "unter General Magruder", "of Sansui Electric Co.": the name goes whole
        if data.relative_verb_final is False:
            if q == len(words) - 1:
                return words[:p]
            continue  # mid-sentence it may hold the verb's complement: only a last phrase goes
        if q < len(words) - 1:  # a verb-final clause keeps its last word, the verb
            return words[:p] + words[q + 1:]
    return words


def _drop_auxiliary(words, data):
    """Participle headline: "USA haben sich … ausgesprochen" → "USA … ausgesprochen"."""
    for i in range(1, len(words) - 1):
        if words[i].lower() in data.auxiliaries:
            following = _bare(words[i + 1]).lower()
            if following in data.predicate_starts or not following.endswith(
                    data.aux_drop_before_suffixes or ""):
                return words  # "had been telling", "has the right": not a participle headline
            j = i + 1
            if j < len(words) and words[j].lower() in data.reflexives:
                j += 1
            return words[:i] + words[j:]
    return words


def _cut(words: list[str], data) -> str:
    """Join the words; past the limit, cut at a clause, else a word boundary
    (never right after a function word)."""
    text = " ".join(words)
    if len(text) <= MAX_TITLE:
        return text
    clause = text.rfind(", ", 0, MAX_TITLE)
    if clause >= MAX_TITLE // 2:
        return " ".join(_trim_dangling(text[:clause].split(), data))
    space = text.rfind(" ", 0, MAX_TITLE - 1)
    return " ".join(_trim_dangling(text[:space].split(), data)).rstrip(_TRAIL) + "…"
