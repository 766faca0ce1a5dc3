#!/usr/bin/env python3
"""Events from the dev corpora: how many, how many dated sentences became events, sample titles.

Reads the WikiWars sets (narrative) and, when present, the KRAUTS and TBAQ
news sets from ``../shared/corpora`` (beside the repository, one level up
for a worktree, or ``$SITE_BUILDER_SHARED``), runs the public pipeline on
each document as ``site-builder extract --plain`` does -- raw text to
Article (``readers.article_from_text``), ``timex.tag``, then
``events.extract_events`` -- and prints per corpus:

* events per document;
* dated sentences (sentences holding a DATE or TIME expression, by
  ``sentences.split_sentences``) and the share of them that became events;
  events that come from an undated lead sentence (a news article's own
  news, dated by the document date) are counted apart;
* 20 random event titles (fixed seed: the same titles on every run) and the
  longest title's length (titles must stay within 90 characters).

    python benchmarks/events_bench.py
    python benchmarks/events_bench.py --corpus wikiwars --titles 40
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from dev_corpora import CORPORA, ROOT, corpus_files, find_shared, load_timex_eval  # noqa: E402

sys.path.insert(0, str(ROOT))

from site_builder.events import extract_events  # noqa: E402
from site_builder.readers import article_from_text  # noqa: E402
from site_builder.sentences import split_sentences  # noqa: E402
from site_builder.timex import tag  # noqa: E402

_DATED = ("DATE", "TIME")
MAX_TITLE = 90


def document_events(doc: dict, lang: str):
    """(events, dated sentence spans, lead-only events) of one corpus document."""
    slug = Path(doc["id"]).name.split(".")[0]
    article = article_from_text(doc["text"], slug, doc["dct"], lang, doc["genre"], source=doc["id"])
    timexes = tag(article.text, doc["dct"], lang, doc["genre"])
    events = extract_events(article, timexes)
    starts = sorted(t.start for t in timexes if t.type in _DATED)
    dated, i = set(), 0
    for span in split_sentences(article.text, lang):
        while i < len(starts) and starts[i] < span[0]:
            i += 1
        if i < len(starts) and starts[i] < span[1]:
            dated.add(span)
    from_dated = [e for e in events if (e.start, e.end) in dated]
    return events, dated, len(events) - len(from_dated), len(from_dated)


def report(name: str, docs: list, lang: str, n_titles: int, seed: int) -> None:
    t0 = time.perf_counter()
    all_events, n_dated, n_dated_events, n_lead = [], 0, 0, 0
    for doc in docs:
        events, dated, lead_only, from_dated = document_events(doc, lang)
        all_events += [(doc["id"], e) for e in events]
        n_dated += len(dated)
        n_dated_events += from_dated
        n_lead += lead_only
    wall = time.perf_counter() - t0
    share = n_dated_events / n_dated if n_dated else 0.0
    longest = max((len(e.title) for _, e in all_events), default=0)
    print(f"## {name} ({lang}, {docs[0]['genre']}): {len(docs)} documents, {wall:.1f} s")
    print(f"events per document: {len(all_events) / len(docs):.1f} ({len(all_events)} events)")
    print(f"dated sentences (with a DATE/TIME expression): {n_dated}; became events: "
          f"{n_dated_events} ({share:.1%}); events from an undated lead sentence: {n_lead}")
    print(f"longest title: {longest} characters (limit {MAX_TITLE})"
          + ("" if longest <= MAX_TITLE else "  <-- TOO LONG"))
    sample = random.Random(seed).sample(all_events, min(n_titles, len(all_events)))
    print(f"{len(sample)} random titles (seed {seed}):")
    for doc_id, e in sorted(sample, key=lambda de: (de[0], de[1].start)):
        print(f"  {e.date.value:>10}  {e.title}    [{doc_id}]")
    print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=list(CORPORA), help="repeatable; default all")
    ap.add_argument("--titles", type=int, default=20, help="random titles per corpus (default 20)")
    ap.add_argument("--seed", type=int, default=5, help="seed of the title sample (default 5)")
    a = ap.parse_args(argv)
    shared = find_shared()
    load_gold = load_timex_eval(shared).load_gold
    for name in a.corpus or list(CORPORA):
        lang = CORPORA[name][1]
        files = corpus_files(shared, name)
        if not files:
            print(f"{name}: no files under {shared / 'corpora'}; skipped\n")
            continue
        report(name, [load_gold(p) for p in files], lang, a.titles, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
