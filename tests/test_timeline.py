"""Merging the same happening across articles, curation, ordering."""
import random
from dataclasses import replace

from site_builder.curation import Curation
from site_builder.dates import PartialDate
from site_builder.memo import Memo
from site_builder.events import extract_events
from site_builder.model import Article, Timex
from site_builder.timeline import build_timeline


def article(slug, text, lang="de", date="2017-11"):
    return Article(slug=slug, title=slug, date=PartialDate(date), lang=lang, text=text,
                   body_html="", source_path=f"seeds/{slug}.txt", genre="narrative")


def events_of(slug, text, span, value, lang="de"):
    start = text.index(span)
    return extract_events(article(slug, text, lang),
                          [Timex(start, start + len(span), span, "DATE", value)])


G20_A = "Trump und Putin haben bislang nur beim G20-Gipfel in Hamburg im Juli ein längeres Gespräch geführt."
G20_B = "Beim G20-Gipfel in Hamburg am 7. Juli 2017 führten Trump und Putin ihr erstes längeres Gespräch."
LAW = "Im Juli trat in Hamburg ein neues Gesetz über die Hafengebühren in Kraft."
G20_EN = "Trump and Putin held their first long talk at the G20 summit in Hamburg on July 7, 2017."


def test_two_articles_reporting_the_g20_talk_merge_into_one_event_with_both_sources():
    a = events_of("a", G20_A, "im Juli", "2017-07")
    b = events_of("b", G20_B, "7. Juli 2017", "2017-07-07")
    (event,) = build_timeline(a + b, None).events
    assert sorted(s.slug for s in event.sources) == ["a", "b"]
    assert event.date.value == "2017-07-07"  # the more precise report dates it
    assert {s.sentence for s in event.sources} == {G20_A, G20_B}


def test_merge_across_languages_by_shared_names():
    a = events_of("a", G20_A, "im Juli", "2017-07")
    en = events_of("en", G20_EN, "July 7, 2017", "2017-07-07", lang="en")
    (event,) = build_timeline(a + en, None).events
    assert sorted(s.slug for s in event.sources) == ["a", "en"]


def test_different_happenings_or_incompatible_dates_stay_apart():
    a = events_of("a", G20_A, "im Juli", "2017-07")
    law = events_of("c", LAW, "Im Juli", "2017-07")
    assert len(build_timeline(a + law, None).events) == 2
    other_day = events_of("b", G20_B, "7. Juli 2017", "2017-08-07")
    assert len(build_timeline(a + other_day, None).events) == 2


def test_timeline_is_sorted_and_independent_of_input_order():
    evs = (events_of("a", G20_A, "im Juli", "2017-07") + events_of("b", G20_B, "7. Juli 2017", "2017-07-07")
           + events_of("c", LAW, "Im Juli", "2017-07")
           + events_of("d", "Im April griffen die USA eine Militärbasis in Syrien an.", "Im April", "2017-04"))
    first = build_timeline(evs, None)
    for seed in range(5):
        shuffled = evs[:]
        random.Random(seed).shuffle(shuffled)
        assert build_timeline(shuffled, None) == first
    keys = [e.sort_key for e in first.events]
    assert keys == sorted(keys)
    assert first.events[0].date.value == "2017-04"
    # the month event stands before the days of its month
    assert [e.date.value for e in first.events][1:] == ["2017-07", "2017-07-07"]


def test_curation_hides_retitles_and_redates_by_id():
    law = events_of("c", LAW, "Im Juli", "2017-07")
    strike = events_of("d", "Im April griffen die USA eine Militärbasis in Syrien an.", "Im April", "2017-04")
    g20 = events_of("a", G20_A, "im Juli", "2017-07")
    cur = Curation(hide=frozenset({law[0].id}),
                   titles=((g20[0].id, "Trump und Putin sprechen in Hamburg"),),
                   dates=((strike[0].id, PartialDate("2017-04-07")),))
    events = build_timeline(law + strike + g20, cur).events
    assert [(e.date.value, e.title) for e in events] == [
        ("2017-04-07", strike[0].title), ("2017-07", "Trump und Putin sprechen in Hamburg")]


def test_curation_applies_to_a_merged_event_through_any_of_its_reports():
    a = events_of("a", G20_A, "im Juli", "2017-07")
    b = events_of("b", G20_B, "7. Juli 2017", "2017-07-07")
    cur = Curation(titles=((a[0].id, "G20: Trump trifft Putin"),))
    (event,) = build_timeline(a + b, cur).events
    assert event.title == "G20: Trump trifft Putin" and len(event.sources) == 2
    assert build_timeline(a + b, Curation(hide=frozenset({a[0].id}))).events == ()


def test_a_memo_kept_between_merges_gives_the_same_timeline_as_none():
    """The preview server keeps the merge's per-event work between builds:
    after an article changes, the merged timeline must be what a fresh merge gives."""
    a = events_of("a", G20_A, "im Juli", "2017-07")
    b = events_of("b", G20_B, "7. Juli 2017", "2017-07-07")
    law = events_of("c", LAW, "Im Juli", "2017-07")
    memo = Memo()
    first = build_timeline(a + b + law, None, memo=memo)
    assert first == build_timeline(a + b + law, None) and len(first.events) == 2
    memo.next_build()
    again = build_timeline(a + b + law, None, memo=memo)
    assert [x is y for x, y in zip(again.events, first.events)] == [True, True]  # reused
    # article b now reports another day: it no longer merges with a
    memo.next_build()
    b2 = events_of("b", G20_B, "7. Juli 2017", "2017-08-07")
    assert build_timeline(a + b2 + law, None, memo=memo) == build_timeline(a + b2 + law, None)
    assert len(build_timeline(a + b2 + law, None, memo=memo).events) == 3
    # this build's word sets only: nothing merged (a lone event is its own merge)
    assert len(memo) == 3


def test_cached_comparison_keys_merge_exactly_as_the_events_themselves():
    """The per-article stage stores each event's comparison key in the cache;
    merging with the keys must give what comparing the events gives."""
    from site_builder.timeline import _Features, comparison_key

    events = (events_of("a", G20_A, "im Juli", "2017-07") + events_of("b", G20_B, "7. Juli 2017", "2017-07-07")
              + events_of("c", LAW, "Im Juli", "2017-07")
              + events_of("d", G20_EN, "July 7, 2017", "2017-07-07", lang="en"))
    keys = [comparison_key(e) for e in events]
    for event, key in zip(events, keys):
        direct, keyed = _Features(event), _Features(event, key)
        assert (keyed.words, keyed.names) == (direct.words, direct.names)
        assert direct.words and direct.names  # the test compares something
    assert build_timeline(events, None, keys=keys) == build_timeline(events, None)
    assert len(build_timeline(events, None, keys=keys).events) == 2


def _naive_clusters(pairs):
    """The merge's rule, spelled out: each event (in date order) joins the
    first earlier cluster with no report from its article, whose every date
    suits its own, and one of whose members reports the same happening."""
    from site_builder.timeline import _Features, _similar_reports

    clusters = []
    for event, key in sorted(pairs, key=lambda p: p[0].sort_key):
        f = _Features(event, key)
        for cluster in clusters:
            if all(m.event.slug != event.slug and m.compatible(f) for m in cluster) \
                    and any(_similar_reports(f, m) for m in cluster):
                cluster.append(f)
                break
        else:
            clusters.append([f])
    return [[f.event for f in c] for c in clusters]


def test_the_indexed_merge_forms_the_clusters_of_the_plain_rule():
    """The merge finds candidate clusters through an inverted index of words
    and names and closes clusters no later event can join: the clusters must
    be those of trying every earlier cluster in turn, on random reports
    sharing random words, names and nested or equal dates."""
    from site_builder.model import Event
    from site_builder.timeline import _group

    rng = random.Random(7)
    words = [f"wort{i}" for i in range(14)]
    names = [f"name {i}" for i in range(6)]
    dates = ["2016", "2017", "2017-07", "2017-07-07", "2017-07-08", "2017-08", "2017-Q3",
             "2017-W27", "2017-07-07T10:00", "XXXX-07", "2018-01-02"]
    merged = 0
    for round_ in range(30):
        pairs = []
        for i in range(rng.randint(20, 80)):
            slug = f"a{rng.randint(0, 6)}"
            key = (" ".join(sorted(rng.sample(words, rng.randint(1, 6)))) + "\n"
                   + "\t".join(sorted(rng.sample(names, rng.randint(0, 4)))))
            event = Event(id=f"{slug}-{round_}-{i}", date=PartialDate(rng.choice(dates)),
                          title="t", sentence=f"s{i}", start=i, end=i + 1, slug=slug,
                          manual=rng.random() < 0.05)
            pairs.append((event, key))
        expected = _naive_clusters(pairs)
        assert _group(sorted(pairs, key=lambda p: p[0].sort_key)) == expected
        merged += sum(len(c) > 1 for c in expected)
    assert merged > 100  # the reports do merge, often


def _random_report(rng, tag, i, words, names, dates):
    from site_builder.model import Event

    slug = f"a{rng.randint(0, 6)}"
    key = (" ".join(sorted(rng.sample(words, rng.randint(1, 6)))) + "\n"
           + "\t".join(sorted(rng.sample(names, rng.randint(0, 4)))))
    event = Event(id=f"{slug}-{tag}-{i}", date=PartialDate(rng.choice(dates)), title="t",
                  sentence=f"s{i}", start=i, end=i + 1, slug=slug, manual=rng.random() < 0.05)
    return event, key


def test_a_merge_replaying_the_last_ones_record_forms_the_clusters_of_a_full_merge():
    """After an edit, the merge replays the last merge's clusters for events
    that are unchanged and share no word or name with a cluster that changed;
    over random edits (events added, removed, re-dated, reworded) the
    clusters must be those of the full merge, and most events replayed."""
    from site_builder.timeline import MergeRecord, _group

    rng = random.Random(11)
    words = [f"wort{i}" for i in range(120)]
    names = [f"name {i}" for i in range(12)]
    dates = ["2016", "2017", "2017-07", "2017-07-07", "2017-07-08", "2017-08", "2017-Q3",
             "2017-W27", "2017-07-07T10:00", "XXXX-07", "2018-01-02", "2018", "2018-03"]
    compared = total = 0
    for round_ in range(12):
        pairs = [_random_report(rng, f"{round_}", i, words, names, dates) for i in range(150)]
        record = MergeRecord()
        assert record.group(sorted(pairs, key=lambda p: p[0].sort_key)) == \
            _group(sorted(pairs, key=lambda p: p[0].sort_key))
        for edit in range(8):
            for _ in range(rng.randint(1, 3)):
                what, at = rng.choice(["add", "remove", "redate", "reword"]), \
                    rng.randrange(len(pairs))
                event, key = pairs[at]
                if what == "add":
                    pairs.append(_random_report(rng, f"{round_}-{edit}", 1000 + len(pairs),
                                                words, names, dates))
                elif what == "remove":
                    pairs.pop(at)
                elif what == "redate":
                    pairs[at] = (replace(event, date=PartialDate(rng.choice(dates))), key)
                else:
                    pairs[at] = (event, key.replace(rng.choice(words), rng.choice(words)))
            ordered = sorted(pairs, key=lambda p: p[0].sort_key)
            expected = _group(ordered)
            record = MergeRecord(record.current)
            assert record.group(ordered) == expected
            compared += record.compared
            total += len(ordered)
    assert compared < total / 2  # most events were replayed


def test_a_damaged_or_foreign_merge_record_gives_a_full_merge():
    from site_builder.timeline import MergeRecord, _group

    rng = random.Random(3)
    words, names = [f"w{i}" for i in range(10)], [f"n {i}" for i in range(4)]
    pairs = sorted((_random_report(rng, "x", i, words, names, ["2017", "2017-07"])
                    for i in range(40)), key=lambda p: p[0].sort_key)
    record = MergeRecord()
    record.group(pairs)
    for bad in ({"version": 1, "events": "garbage"}, {"version": 99}, ["not", "a", "dict"],
                dict(record.current, index=None)):
        again = MergeRecord(bad)
        assert again.group(pairs) == _group(pairs) and again.current is not None


def test_a_replayed_merge_splits_a_cluster_whose_link_was_removed():
    """c joined a's cluster through b alone: without b, c stands apart,
    although c itself is unchanged."""
    from site_builder.model import Event
    from site_builder.timeline import MergeRecord, _group

    def report(slug, words):
        return (Event(id=slug, date=PartialDate("2017-07-07"), title="t", sentence=slug,
                      start=0, end=1, slug=slug), " ".join(words) + "\n")

    a, b, c = report("a", "pq"), report("b", "pqrs"), report("c", "rst")
    record = MergeRecord()
    assert len(record.group([a, b, c])) == 1
    record = MergeRecord(record.current)
    assert record.group([a, c]) == _group([a, c]) == [[a[0]], [c[0]]]


def test_a_merge_record_of_other_code_is_not_replayed():
    """An edited merge rule in a checkout may cluster otherwise: a record is
    replayed only by the code that made it."""
    from site_builder.timeline import MergeRecord

    rng = random.Random(5)
    words, names = [f"w{i}" for i in range(10)], [f"n {i}" for i in range(4)]
    pairs = sorted((_random_report(rng, "x", i, words, names, ["2017", "2017-07"])
                    for i in range(40)), key=lambda p: p[0].sort_key)
    record = MergeRecord(code="code a")
    record.group(pairs)
    same = MergeRecord(record.current, code="code a")
    same.group(pairs)
    other = MergeRecord(record.current, code="code b")
    other.group(pairs)
    assert same.compared == 0 and other.previous is None and other.compared == len(pairs)
