"""Merge every article's events into one curated, ordered timeline.

In: events of all articles and an optional :class:`Curation`.  Out: a
:class:`Timeline` whose events are sorted by :attr:`Event.sort_key`, where
one happening reported by several articles is one event with all sources.

Two events from different articles are the same happening when their dates
are compatible (equal, or one contains the other: "2017-07" and
"2017-07-07") and they are strongly similar: they share most content words,
or several named entities and a fair share of words (that also merges a
German and an English report naming the same people and places).

Deterministic: events are processed in sort-key order (ids break ties), so
neither input order nor hash order changes the result.
"""
from __future__ import annotations

import heapq
import re
import sys
from array import array
from collections import Counter
from dataclasses import replace
from functools import lru_cache, partial
from itertools import chain
from operator import attrgetter

from . import langdata
from .curation import Curation
from .dates import GRANULARITIES
from .events import event_id
from .memo import Memo
from .model import Event, Timeline

_WORD = re.compile(r"\w[\w-]*")
_STEM = 6               # compare words by their first letters ("Gespräch"/"Gesprächs")
_WORDS_ALONE = 0.4      # this much word overlap alone means the same happening
_WORDS_WITH_NAMES = 0.2  # … or this much, with at least two shared names
_SHARED_NAMES = 3       # … or this many shared names, most of either side's names


def build_timeline(events: list[Event], curation: Curation | None = None,
                   memo: Memo | None = None, keys: list[str] | None = None,
                   record: "MergeRecord | None" = None) -> Timeline:
    """Merge, curate and sort ``events`` (see module doc).  ``memo``, kept
    between calls, saves recomputing the word and name sets of events seen
    before; so does ``keys``, each event's :func:`comparison_key` in the
    same order, worked out earlier (by the per-article stage, and cached).
    With ``keys``, a ``record`` of the last merge lets this one compare only
    the events whose clusters may have changed (see :class:`MergeRecord`)."""
    if keys is None:
        pairs = [(e, None) for e in events]
    else:
        pairs = list(zip(events, keys, strict=True))
    pairs.sort(key=lambda p: p[0].sort_key)
    if record is not None and keys is not None:
        groups = record.group(pairs)
    else:
        groups = _group(pairs, memo)
    if memo is None:
        merged = [_merge_group(g) for g in groups]
    else:  # the same reports give the same event object as last time
        merged = [g[0] if len(g) == 1 else
                  memo.get_for(tuple(g), "merged", partial(_merge_group, g)) for g in groups]
    curated = _curate(merged, curation or Curation())
    kept = [e for e in curated if e.date.is_calendar]
    return Timeline(events=tuple(sorted(kept, key=lambda e: e.sort_key)))


def comparison_key(event: Event) -> str:
    """What the merge compares of an event's text, as one compact string: its
    content-word stems and its names (see :func:`build_timeline`'s ``keys``)."""
    return " ".join(sorted(_content_words(event))) + "\n" + "\t".join(sorted(_names(event)))


def _from_key(key: str) -> tuple[frozenset[str], frozenset[str]]:
    words, names = key.split("\n", 1)
    return (frozenset(words.split(" ")) if words else frozenset(),
            frozenset(names.split("\t")) if names else frozenset())


def compatible_dates(a: Event, b: Event) -> bool:
    """Equal dates, or one date's span contains the other's."""
    return a.date == b.date or a.date.contains(b.date) or b.date.contains(a.date)


def same_happening(a: Event, b: Event) -> bool:
    """Whether two events of different articles report the same happening."""
    return _same_happening_features(_Features(a), _Features(b))


def _same_happening_features(fa: "_Features", fb: "_Features") -> bool:
    a, b = fa.event, fb.event
    if a.slug == b.slug or not fa.compatible(fb):
        return False
    return _similar_reports(fa, fb)


def _similar_reports(fa: "_Features", fb: "_Features") -> bool:
    """The text test of :func:`same_happening`: hand-made events never merge;
    others share most words, or names and a fair share of words."""
    if fa.event.manual or fb.event.manual:
        return False
    wa, wb = fa.words, fb.words
    union = len(wa | wb)
    words = len(wa & wb) / union if union else 0.0
    na, nb = fa.names, fb.names
    shared = len(na & nb)
    if words >= _WORDS_ALONE:
        return True
    if shared >= 2 and words >= _WORDS_WITH_NAMES:
        return True
    return shared >= _SHARED_NAMES and shared * 3 >= 2 * min(len(na), len(nb))


def _content_words(e: Event) -> frozenset[str]:
    """Lower-cased word stems of the sentence, without stop words and time words."""
    skip = _skip_words(e.lang)
    text = e.sentence.replace(e.timex_text, " ") if e.timex_text else e.sentence
    found = {w.lower() for w in _WORD.findall(text)} - skip
    out = {w[:_STEM] for w in found if not w.isdigit()}
    for w in found:
        if "-" in w:  # "G20-Gipfel" also shares "gipfel" with a plain "Gipfel"
            out.update(p[:_STEM] for p in w.split("-") if len(p) > 2 and p not in skip)
    return frozenset(out)


@lru_cache(maxsize=None)
def _skip_words(lang: str) -> frozenset[str]:
    data = langdata.get(lang)
    return frozenset(data.stop_words | data.months | data.weekdays | data.vague_time_words)


def _names(e: Event) -> frozenset[str]:
    """Entity names, lower-cased, each part of a multi-word name too ("trump")."""
    out = set()
    for _, name in e.entities:
        out.add(name.lower())
        out.update(p.lower() for p in name.split() if len(p) > 2)
    return frozenset(out)


def _group(events: list[tuple[Event, str | None]], memo: Memo | None = None
           ) -> list[list[Event]]:
    """Greedy clusters: an event joins the first cluster all of whose dates suit it
    and one of whose members reports the same happening.

    The same clusters as trying every earlier cluster in turn, in about
    linear time: reporting the same happening needs a shared content word or
    name, so only clusters sharing one are tried (an inverted index), and a
    cluster is closed once no later event can overlap all its dates (the
    smallest last day of its members lies before every remaining event's
    first day).  Word and name sets are computed once per event (or read
    from its comparison key, when given beside it).
    """
    if memo is None:
        features = [_Features(e, k) for e, k in events]
    else:
        features = [memo.get_for((e,), "merge", partial(_Features, e, k)) for e, k in events]
    return [[f.event for f in g.members] for g in _clusters(features)]


def _clusters(features: list["_Features"]) -> list["_Cluster"]:
    """:func:`_group` over the events' features, in date order → the clusters."""
    remaining_first = _suffix_min_first_day(features)
    groups: list[_Cluster] = []
    by_value: dict[str, list[int]] = {}   # off-calendar date → its clusters
    postings = _Postings()                # word or name → open clusters using it
    tokens: dict[int, tuple[set[str], set[str]]] = {}  # open cluster → its words, names
    min_last: dict[int, object] = {}      # open cluster → smallest last day of its members
    closing: list[tuple[object, int]] = []  # heap of (min_last, cluster)
    for i, f in enumerate(features):
        if f.span is None:
            # An off-calendar date is compatible with an equal date only.
            candidates = by_value.setdefault(f.event.date.value, [])
        else:
            horizon = remaining_first[i]
            while closing and closing[0][0] < horizon:
                _, k = heapq.heappop(closing)
                if k in tokens and min_last[k] < horizon:
                    postings.remove(k, *tokens.pop(k))
            candidates = _likely_clusters(f, postings)
        for k in candidates:
            if groups[k].admits(f):
                groups[k].add(f)
                break
        else:
            k = len(groups)
            groups.append(_Cluster(f))
            if f.span is None:
                candidates.append(k)
                continue
            tokens[k], min_last[k] = (set(), set()), f.span[1]
            heapq.heappush(closing, (f.span[1], k))
        if f.span is not None:
            words, names = tokens[k]
            postings.add(k, f.words - words, f.names - names)
            words |= f.words
            names |= f.names
            if f.span[1] < min_last[k]:
                min_last[k] = f.span[1]
                heapq.heappush(closing, (f.span[1], k))
    return groups


class _Postings:
    """Which open clusters use each content word and each name (kept apart:
    a word and a name may be spelled alike)."""

    __slots__ = ("words", "names")

    def __init__(self) -> None:
        self.words: dict[str, set[int]] = {}
        self.names: dict[str, set[int]] = {}

    def add(self, k: int, words, names) -> None:
        for w in words:
            self.words.setdefault(w, set()).add(k)
        for n in names:
            self.names.setdefault(n, set()).add(k)

    def remove(self, k: int, words, names) -> None:
        for w in words:
            self.words[w].discard(k)
        for n in names:
            self.names[n].discard(k)


def _likely_clusters(f: "_Features", postings: _Postings) -> list[int]:
    """The open clusters ``f`` could join, in cluster order: those with which
    it shares enough words or names for one member to report the same
    happening.  A member shares no more than its whole cluster does, so
    clusters sharing fewer than a fifth of ``f``'s words (the least
    :func:`same_happening` accepts) and fewer than three names are skipped
    without comparing members; the clusters tried and joined are the same."""
    # Counter counts in C: the hottest loop of a merge
    words, names = postings.words, postings.names
    shared_words = Counter(chain.from_iterable([words[t] for t in f.words if t in words]))
    need = max(1.0, _WORDS_WITH_NAMES * len(f.words) - 1e-9)  # float slack: 0.2 * 15 > 3
    likely = {k for k, n in shared_words.items() if n >= need}
    if len(f.names) >= _SHARED_NAMES:
        shared_names = Counter(chain.from_iterable([names[t] for t in f.names if t in names]))
        likely.update(k for k, n in shared_names.items() if n >= _SHARED_NAMES)
    return sorted(likely)


class _Features:
    """An event with what clustering compares, computed once."""

    __slots__ = ("event", "span", "words", "names", "kind")

    def __init__(self, event: Event, key: str | None = None):
        self.event = event
        d = event.date
        self.span = (d.first_day, d.last_day) if d.is_calendar else None
        if key is None:
            self.words, self.names = _content_words(event), _names(event)
        else:
            self.words, self.names = _from_key(key)
        # All that same_happening reads of a member, besides its article and date
        self.kind = (self.words, self.names, event.manual)

    def compatible(self, other: "_Features") -> bool:
        if self.span is None or other.span is None:
            return self.event.date == other.event.date
        (a1, a2), (b1, b2) = self.span, other.span
        return self.event.date == other.event.date or (a1 <= b1 and b2 <= a2) \
            or (b1 <= a1 and a2 <= b2)



class _Cluster:
    """A cluster being grown, with what joining it is checked against: the
    articles it has a report from, its members' distinct date spans, and one
    member per distinct :attr:`_Features.kind` (one sentence copied into many
    articles is compared once).  :meth:`admits` gives what comparing ``f``
    with every member would: from another article, compatible with every
    member's date, reporting the same happening as one of them."""

    __slots__ = ("members", "slugs", "spans", "kinds")

    def __init__(self, first: _Features):
        self.members = [first]
        self.slugs = {first.event.slug}
        self.spans = {first.span}
        self.kinds = {first.kind: first}

    def add(self, f: _Features) -> None:
        self.members.append(f)
        self.slugs.add(f.event.slug)
        self.spans.add(f.span)
        self.kinds.setdefault(f.kind, f)

    def admits(self, f: _Features) -> bool:
        if f.event.slug in self.slugs:
            return False
        if f.span is not None:  # off-calendar clusters hold one date value only
            a1, a2 = f.span
            for b1, b2 in self.spans:  # calendar dates: compatible = nested spans
                if not ((a1 <= b1 and b2 <= a2) or (b1 <= a1 and a2 <= b2)):
                    return False
        # from another article, compatible dates: what is left is the text
        return any(_similar_reports(f, m) for m in self.kinds.values())


#: How MergeRecord's index packs serials: C ints in the machine's order.
_PACKING = f"{sys.byteorder}-{array('i').itemsize}"


def _packed(lists: dict[str, list[int]]) -> dict[str, bytes]:
    """Each list of serials as its bytes: a record holds ~10^4 of them, and a
    bytes object loads as one object, a list as one per serial."""
    return {token: array("i", serials).tobytes() for token, serials in lists.items()}


def _serials(packed: bytes) -> memoryview:
    """The serials of :func:`_packed` bytes."""
    return memoryview(packed).cast("i")


#: What the clustering reads of an event besides its comparison key (see MergeRecord).
_KNOWN_BY = attrgetter("date.value", "slug", "start", "id", "manual")


class MergeRecord:
    """How a merge clustered its events, kept for the next merge to replay.

    The greedy clustering of :func:`_group` decides each event's cluster
    from the clusters before it that share a word or name with it (no other
    can take it).  So after an edit, an event keeps the cluster it had when
    it is unchanged and none of its words and names is *dirty*: a word or
    name of a cluster whose members differ from last time (one that lost,
    gained or never had an event that it had or has now).  Only the other
    events are compared, with the same rule; a changed decision makes the
    clusters it leaves and joins dirty, which may make later events dirty
    in turn.  The result is the full merge's (``tests/test_timeline.py``).

    An event is known by what its clustering reads of it (date, article,
    offset, id, hand-made or not, comparison key); events are numbered once
    (serials) and an inverted index maps each word and name to the serials
    of the events holding it.  :attr:`previous` is the last merge's record
    (None: a full merge), used only when made by the same ``code`` (a
    digest of the package's sources); :attr:`current` is this merge's,
    once made.
    """

    VERSION = 2
    #: Serials of events gone that the index may hold before it is made anew.
    DEAD_SHARE = 0.25

    def __init__(self, previous: dict | None = None, code: str = "") -> None:
        # ``code``: a digest of the code that merges; another code's record
        # may hold other decisions (an edited rule), so it is not replayed.
        sound = isinstance(previous, dict) and previous.get("version") == self.VERSION \
            and previous.get("code") == code
        self.previous = previous if sound else None
        self.code = code
        self.current: dict | None = None
        self.compared = 0  # events compared by the last merge (the others replayed)

    def group(self, pairs: list[tuple[Event, str]]) -> list[list[Event]]:
        """:func:`_group` of ``pairs`` (date order, each with its comparison
        key), replaying the last merge where it must be the same."""
        known_by = _KNOWN_BY
        idents = [known_by(e) + (k,) for e, k in pairs]
        if len(set(idents)) != len(idents):  # (two identical events: not recorded)
            self.current = None
            return _group(pairs)
        if self.previous is None:
            return self._group_afresh(pairs, idents)
        try:
            return self._replay(pairs, idents)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return self._group_afresh(pairs, idents)  # a record not of this shape

    def _group_afresh(self, pairs: list[tuple[Event, str]], idents: list[tuple]) -> list:
        features = [_Features(e, k) for e, k in pairs]
        clusters = _clusters(features)
        position = {id(f): i for i, f in enumerate(features)}
        events, lists = {}, {}
        for cluster in clusters:
            first = position[id(cluster.members[0])]
            for f in cluster.members:
                events[idents[position[id(f)]]] = (position[id(f)], first)
        for i, f in enumerate(features):
            for token in f.words | f.names:
                lists.setdefault(token, []).append(i)
        self.compared = len(pairs)
        self.current = {"version": self.VERSION, "code": self.code, "packing": _PACKING,
                        "events": events,
                        "index": _packed(lists), "next": len(pairs), "dead": 0}
        return [[f.event for f in c.members] for c in clusters]

    def _replay(self, pairs: list[tuple[Event, str]], idents: list[tuple]) -> list:
        old: dict = self.previous["events"]
        if self.previous["packing"] != _PACKING:
            raise ValueError("serials packed otherwise")
        # word or name → its events' serials, packed (see _packed); updated in place
        index: dict[str, bytes] = self.previous["index"]
        next_serial: int = self.previous["next"]
        n = len(pairs)
        serial, old_first = [0] * n, [None] * n
        features: dict[int, _Features] = {}

        def feat(i: int) -> _Features:
            f = features.get(i)
            if f is None:
                f = features[i] = _Features(*pairs[i])
            return f

        kept = 0
        for i, hit in enumerate(map(old.get, idents)):
            if hit is None:  # a new event: numbered, and indexed by its words and names
                serial[i] = next_serial
                next_serial += 1
                f = feat(i)
                packed = array("i", (serial[i],)).tobytes()
                for token in f.words | f.names:
                    index[token] = index.get(token, b"") + packed
            else:
                serial[i], old_first[i] = hit
                kept += 1
        position = {s: i for i, s in enumerate(serial)}
        dirty_tokens: set[str] = set()
        dirty: set[int] = set()  # serials of events holding a dirty word or name

        def soil(tokens) -> None:
            for token in tokens:
                if token not in dirty_tokens:
                    dirty_tokens.add(token)
                    dirty.update(_serials(index.get(token, b"")))

        old_members: dict[int, list[str]] = {}  # last merge: first serial → members' keys

        def soil_old(first: int) -> None:
            """The last merge's cluster started by ``first`` is not as it was."""
            if first in soiled_old:
                return
            soiled_old.add(first)
            if not old_members:
                for ident, (_, f) in old.items():
                    old_members.setdefault(f, []).append(ident[5])
            for key in old_members.get(first, ()):
                soil(chain.from_iterable(_from_key(key)))
            c = by_first.get(first)
            if c is not None:
                soil_cluster(c)

        def soil_cluster(c: int) -> None:
            if c not in dirty_clusters:
                dirty_clusters.add(c)
                for m in members[c]:
                    f = feat(m)
                    soil(chain(f.words, f.names))

        soiled_old: set[int] = set()
        dirty_clusters: set[int] = set()
        members: dict[int, list[int]] = {}  # cluster (its first member's position) → positions
        built: dict[int, _Cluster] = {}     # clusters compared with, kept up to date
        by_first: dict[int, int] = {}       # serial of a first member → its cluster
        cluster_of = [0] * n
        removed = [] if kept == len(old) else [f for s, f in old.values() if s not in position]
        for first in removed:
            soil_old(first)
        compared = 0
        for i in range(n):
            s, was = serial[i], old_first[i]
            c = None
            if was is not None and s not in dirty:  # unchanged, nothing near it changed
                c = i if was == s else by_first.get(was)
                if c is not None and c in dirty_clusters:
                    c = None  # (cannot be: its words would be dirty) compared instead
            if c is None:
                compared += 1
                f = feat(i)
                c = self._first_admitting(f, i, index, position, cluster_of, members, built,
                                          feat)
                c = i if c is None else c
                same = was is not None and was == serial[c]
                if not same:
                    if was is not None:
                        soil_old(was)
                    if c != i:
                        soil_cluster(c)
            if c == i:
                members[i] = [i]
                by_first[s] = i
                if s in soiled_old or was is None or was != s:
                    soil_cluster(i)
            else:
                members[c].append(i)
                if c in built:
                    built[c].add(feat(i))
            cluster_of[i] = c
            if c in dirty_clusters:
                f = feat(i)
                soil(chain(f.words, f.names))
        self.compared = compared
        events = dict(zip(idents, zip(serial, map(serial.__getitem__, cluster_of))))
        dead = self.previous["dead"] + len(removed)
        if dead > self.DEAD_SHARE * n:  # the index is made anew, of present events only
            lists = {}
            for i in range(n):
                f = feat(i)
                for token in f.words | f.names:
                    lists.setdefault(token, []).append(serial[i])
            index = _packed(lists)
            dead = 0
        self.current = {"version": self.VERSION, "code": self.code, "packing": _PACKING,
                        "events": events,
                        "index": index,
                        "next": next_serial, "dead": dead}
        return [[pairs[m][0] for m in members[c]] for c in sorted(members)]

    @staticmethod
    def _first_admitting(f: "_Features", i: int, index: dict, position: dict,
                         cluster_of: list[int], members: dict, built: dict, feat) -> int | None:
        """The first cluster before position ``i`` that admits ``f`` (see
        :func:`_group`): only clusters sharing a word or name with it can."""
        candidates = set()
        for token in chain(f.words, f.names):
            for s in _serials(index.get(token, b"")):
                p = position.get(s)
                if p is not None and p < i:
                    candidates.add(cluster_of[p])
        value = None if f.span is not None else f.event.date.value
        for c in sorted(candidates):
            cluster = built.get(c)
            if cluster is None:
                cluster = built[c] = _Cluster(feat(c))
                for m in members[c][1:]:
                    cluster.add(feat(m))
            first = cluster.members[0]
            # a calendar date joins calendar clusters, another date only its own value's
            if (first.span is None) != (value is not None) or \
                    (value is not None and first.event.date.value != value):
                continue
            if cluster.admits(f):
                return c
        return None


def _suffix_min_first_day(features: list[_Features]) -> list:
    """For each position, the earliest first day of the calendar events from there on."""
    out = [None] * len(features)
    best = None
    for i in range(len(features) - 1, -1, -1):
        span = features[i].span
        if span is not None and (best is None or span[0] < best):
            best = span[0]
        out[i] = best
    return out


def _merge_group(group: list[Event]) -> Event:
    """One event for a cluster: the most precisely dated report, all sources."""
    if len(group) == 1:
        return group[0]
    lead = min(group, key=lambda e: (-_precision(e), e.sort_key))
    sources = sorted({s for e in group for s in e.sources}, key=lambda s: (s.slug, s.start, s.end))
    entities = list(lead.entities)
    for e in sorted(group, key=lambda e: e.sort_key):
        entities.extend(x for x in e.entities if x not in entities)
    return replace(lead, sources=tuple(sources), entities=tuple(entities))


def _precision(e: Event) -> int:
    return GRANULARITIES.index(e.date.granularity) if e.date.is_calendar else -1


def _curate(events: list[Event], curation: Curation) -> list[Event]:
    """Hide, retitle and redate by id; a merged event answers to its sources' ids too."""
    if not (curation.hide or curation.titles or curation.dates):
        return events  # nothing to look up: no event's ids are worked out
    out = []
    for e in events:
        ids = _ids(e)
        if ids & curation.hide:
            continue
        title = next((curation.title_for(i) for i in sorted(ids, key=lambda i: (i != e.id, i))
                      if curation.title_for(i)), None)
        date = next((curation.date_for(i) for i in sorted(ids, key=lambda i: (i != e.id, i))
                     if curation.date_for(i)), None)
        # an event curation leaves alone stays the same object (see Memo.get_for)
        out.append(replace(e, title=title or e.title, date=date or e.date)
                   if title or date else e)
    return out


def _ids(e: Event) -> frozenset[str]:
    """The event's id and the ids its merged reports had (from slug + sentence)."""
    ids = {e.id}
    ids.update(event_id(s.slug, s.sentence) for s in e.sources)
    return frozenset(ids)
