#!/usr/bin/env python3
"""CPU seconds of the per-article stages (read, tag, extract), in one process.

A cold ``site-builder build`` spends most of its time on read → tag →
extract for every article; this script times each stage apart over a site's
``seeds/`` (plus the one-time costs: importing the stages and building the
tagger's language tables), so a change to one stage can be measured alone.
Make the 1,000-article benchmark site first:

    python benchmarks/build_speed.py --only-ours --keep /tmp/bench
    python benchmarks/stage_speed.py /tmp/bench/1000/ours        # the table
    python benchmarks/stage_speed.py /tmp/bench/1000/ours --profile /tmp/stages.prof

CPU time (``time.process_time``), best of ``--repeat`` passes for the
per-article stages (the one-time costs are paid once, in the first pass).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="a site folder with seeds/")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the articles (best is shown)")
    parser.add_argument("--profile", type=Path, help="also write a cProfile of one pass here")
    args = parser.parse_args()

    t0 = time.process_time()
    from site_builder.events import extract_events
    from site_builder.readers import ReadOptions, is_article, read_article
    from site_builder.timex import engine, lang, tag
    t_import = time.process_time() - t0
    t0 = time.process_time()
    for code in lang.supported():
        engine.language(code)
    t_tables = time.process_time() - t0

    paths = sorted(p for p in (args.site / "seeds").rglob("*") if p.is_file() and is_article(p))
    options = ReadOptions(root=args.site)

    def one_pass() -> tuple[float, float, float]:
        read = tagged = extracted = 0.0
        for path in paths:
            a = time.process_time()
            article = read_article(path, options)
            b = time.process_time()
            timexes = tag(article.text, article.date.value if article.date else None,
                          article.lang, article.genre)
            c = time.process_time()
            extract_events(article, timexes)
            d = time.process_time()
            read, tagged, extracted = read + b - a, tagged + c - b, extracted + d - c
        return read, tagged, extracted

    passes = [one_pass() for _ in range(max(1, args.repeat))]
    read, tagged, extracted = (min(p[i] for p in passes) for i in range(3))
    print("| articles | import s | language tables s | read s | tag s | extract s | per-article total s |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(paths)} | {t_import:.2f} | {t_tables:.2f} | {read:.2f} | {tagged:.2f} | "
          f"{extracted:.2f} | {read + tagged + extracted:.2f} |")
    if args.profile:
        import cProfile
        cProfile.runctx("one_pass()", globals(), {"one_pass": one_pass}, str(args.profile))
        print(f"profile of one pass written to {args.profile}")


if __name__ == "__main__":
    main()
