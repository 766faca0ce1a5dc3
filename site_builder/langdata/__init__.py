"""Per-language word lists used by sentence splitting, titles and entities,
and the typographic marks the Markdown reader sets quotes with.

The engines never name a language: they call :func:`get` with an article's
language code and receive a :class:`LangData` built from the data module of
that code (``de.py``, ``en.py`` …).  Adding a language means adding a module
with the same names; a code without a module falls back to English data.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache

_MODULES = {"de": "de", "en": "en"}
_FALLBACK = "en"


def _words(items) -> frozenset[str]:
    """Lower-cased set of a data module's word list ("_" joins multi-word names)."""
    return frozenset(w.lower().replace("_", " ") for w in items)


@dataclass(frozen=True)
class LangData:
    """One language's word lists, normalised for lookup (all lower case)."""

    code: str
    abbreviations: frozenset[str]         # tokens before "." that never end a sentence
    ordinal_dot: bool                     # "7. Juli": a small number + "." is an ordinal
    sentence_starters: frozenset[str]     # words that make "U.S. The" a boundary
    months: frozenset[str]
    weekdays: frozenset[str]
    stop_words: frozenset[str]
    reporting_verbs: frozenset[str]
    subordinators: frozenset[str]
    relative_pronouns: frozenset[str]
    subject_relatives: frozenset[str]     # "who": the antecedent is the clause's subject
    inline_subordinators: frozenset[str]  # open a clause without a comma ("after")
    relative_verb_final: bool             # relative/subordinate clauses end in the verb
    nouns_capitalised: bool               # German: "the 1990 elections" cannot be lower case
    verb_second: bool                     # main clause verb comes second (German)
    connectives: frozenset[str]           # sentence-initial words a headline drops
    vague_time_words: frozenset[str]      # not an anchor; dropped from titles
    plural_units: frozenset[str]          # "Monaten": without a number, a vague span
    number_words: frozenset[str]          # "zwei", "twenty": a number written out
    time_particles: frozenset[str]        # "nur", "erst": dropped next to a removed time word
    time_prepositions: frozenset[str]     # dropped right before a removed time expression
    time_links: frozenset[str]            # "and", "bis": join two removed time expressions
    number_cues: frozenset[str]           # "Nr. 2254": the number is not a year
    determiners: frozenset[str]
    indefinite_articles: frozenset[str]
    definite_articles: frozenset[str]
    pronouns: frozenset[str]
    reflexives: frozenset[str]
    auxiliaries: frozenset[str]           # finite auxiliaries a headline may drop
    aux_present: tuple[tuple[str, str], ...]  # pluperfect → perfect for headlines
    prepositions: frozenset[str]
    conjunctions: frozenset[str]          # "und": joins coordinated names
    dangling_words: frozenset[str]        # "jedoch", "than": a headline never ends on them
    sentence_adverbs: frozenset[str]      # "jedoch", "however": dropped to shorten a title
    verb_particles: frozenset[str]        # "an", "out": prepositions a headline may end on
    predicate_starts: frozenset[str]      # "is", "closed": a chunk opening so lacks its subject
    predicate_suffixes: tuple[str, ...]   # "-ed": endings of such words
    present_suffixes: tuple[str, ...]     # "-s": such an ending, but shared with plural nouns
    aux_drop_before_suffixes: tuple[str, ...]  # "-ed": an auxiliary only goes before these
    name_particles: frozenset[str]        # "al", "von": lower-case parts of names
    person_cues: frozenset[str]           # words before a person's name
    person_cue_suffixes: tuple[str, ...]  # "-sprecher", "-minister": compounds that cue a person
    org_cues: frozenset[str]              # words inside an organisation's name
    places: frozenset[str]
    orgs: frozenset[str]
    place_prepositions: frozenset[str]    # "in Hamburg": capitalised word after these is a place
    generic_words: frozenset[str]         # words that make a timex generic ("jeweils")
    ago_before: frozenset[str]            # "vor zwei Wochen": a duration counted back from the article date
    quotes: str                           # opening, closing, inner opening, inner closing mark
    apostrophe: str


@lru_cache(maxsize=None)
def get(lang: str) -> LangData:
    """The word lists for ``lang`` (e.g. "de"); cached per language code."""
    name = _MODULES.get((lang or "").lower()[:2], _FALLBACK)
    mod = importlib.import_module(f"{__name__}.{name}")
    return LangData(
        code=name,
        abbreviations=_words(mod.ABBREVIATIONS),
        ordinal_dot=mod.ORDINAL_DOT,
        sentence_starters=_words(mod.SENTENCE_STARTERS),
        months=_words(mod.MONTHS),
        weekdays=_words(mod.WEEKDAYS),
        stop_words=_words(mod.STOP_WORDS),
        reporting_verbs=_words(mod.REPORTING_VERBS),
        subordinators=_words(mod.SUBORDINATORS),
        relative_pronouns=_words(mod.RELATIVE_PRONOUNS),
        subject_relatives=_words(mod.SUBJECT_RELATIVES),
        inline_subordinators=_words(mod.INLINE_SUBORDINATORS),
        relative_verb_final=mod.RELATIVE_VERB_FINAL,
        nouns_capitalised=mod.NOUNS_CAPITALISED,
        verb_second=mod.VERB_SECOND,
        connectives=_words(mod.CONNECTIVES),
        vague_time_words=_words(mod.VAGUE_TIME_WORDS),
        plural_units=_words(mod.PLURAL_UNITS),
        number_words=_words(mod.NUMBER_WORDS),
        time_particles=_words(mod.TIME_PARTICLES),
        time_prepositions=_words(mod.TIME_PREPOSITIONS),
        time_links=_words(mod.TIME_LINKS),
        number_cues=_words(mod.NUMBER_CUES),
        determiners=_words(mod.DETERMINERS),
        indefinite_articles=_words(mod.INDEFINITE_ARTICLES),
        definite_articles=_words(mod.DEFINITE_ARTICLES),
        pronouns=_words(mod.PRONOUNS),
        reflexives=_words(mod.REFLEXIVES),
        auxiliaries=_words(mod.AUXILIARIES),
        aux_present=tuple(sorted(mod.AUX_PRESENT.items())),
        prepositions=_words(mod.PREPOSITIONS),
        conjunctions=_words(mod.CONJUNCTIONS),
        dangling_words=_words(mod.DANGLING_WORDS),
        sentence_adverbs=_words(mod.SENTENCE_ADVERBS),
        verb_particles=_words(mod.VERB_PARTICLES),
        predicate_starts=_words(mod.PREDICATE_STARTS),
        predicate_suffixes=tuple(mod.PREDICATE_SUFFIXES),
        present_suffixes=tuple(mod.PRESENT_SUFFIXES),
        aux_drop_before_suffixes=tuple(mod.AUX_DROP_BEFORE_SUFFIXES),
        name_particles=_words(mod.NAME_PARTICLES),
        person_cues=_words(mod.PERSON_CUES),
        person_cue_suffixes=tuple(s.lower() for s in mod.PERSON_CUE_SUFFIXES),
        org_cues=_words(mod.ORG_CUES),
        places=_words(mod.PLACES),
        orgs=_words(mod.ORGS),
        place_prepositions=_words(mod.PLACE_PREPOSITIONS),
        generic_words=_words(mod.GENERIC_WORDS),
        ago_before=_words(mod.AGO_BEFORE),
        quotes=mod.QUOTES,
        apostrophe=mod.APOSTROPHE,
    )
