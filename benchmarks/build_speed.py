#!/usr/bin/env python3
"""Build speed and memory: site-builder beside Pelican and Hugo, in one run.

Generates N Markdown articles from the real text of the shared corpora
(``../shared/corpora``: three paragraphs of about 1.5 KB each, so about
4.5 KB an article, with a date in the front matter) into a temporary folder,
the same articles as Pelican and Hugo content, then times on this machine:

- Pelican 4, cold (``pelican content`` with a minimal pelicanconf);
- site-builder cold (extraction included, no cache), a no-change rebuild
  and a rebuild after editing one article, each as the ``site-builder
  build`` command (Python start-up included);
- Hugo, cold, with a minimal layout (when ``hugo`` is on the PATH).

Before timing, the site_builder package being measured is byte-compiled
(``compileall``), as ``pip install`` does for an installed package such as
Pelican: a checkout run under ``PYTHONDONTWRITEBYTECODE`` would otherwise
compile every module again in every run.

Peak RSS is the largest process's (``wait4``'s ``ru_maxrss``, pool workers
included) and, for ours, the peak of the whole process tree (main +
workers, sampled from ``/proc``): the sum of their resident sets, and of
their proportional sets (PSS), which counts a page the forked workers
share with the main process once rather than once per process.  The corpora texts never leave the
temporary folder.

    python benchmarks/build_speed.py                      # 1,000 articles, the table
    python benchmarks/build_speed.py --sizes 1000,3000,10000 --only-ours
    python benchmarks/build_speed.py --keep /tmp/bench    # keep the generated sites
"""
from __future__ import annotations

import argparse
import html
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPH_CHARS = 1500
# (glob under corpora/, language); documents with a creation time give their date
CORPORA = [("krauts-de-dev/*.tml", "de"), ("wikiwarsde-dev/keyinline/*.xml", "de"),
           ("tbaq-en-dev/**/*.tml", "en"), ("wikiwars-en/keyinline/*.xml", "en")]
TARGETS = {"cold": 0.7, "nochange": 0.05, "edit_seconds": 0.3}


# ---------------------------------------------------------------- corpora → articles

def find_corpora() -> Path:
    """``shared/corpora`` beside the repository (or beside a worktree's parent)."""
    env = os.environ.get("SITE_BUILDER_CORPORA")
    candidates = ([Path(env)] if env else []) + [
        parent / "shared" / "corpora" for parent in ROOT.parents]
    for path in candidates:
        if path.is_dir():
            return path
    sys.exit("corpora not found: put them in ../shared/corpora or set SITE_BUILDER_CORPORA")


def load_sentences(corpora: Path) -> dict[str, list[tuple[str, list[str]]]]:
    """Language → [(document date, sentences)] from the TimeML documents."""
    pools: dict[str, list[tuple[str, list[str]]]] = {"de": [], "en": []}
    for pattern, lang in CORPORA:
        for path in sorted(corpora.glob(pattern)):
            raw = path.read_text(encoding="utf-8", errors="replace")
            m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
            if not m:
                continue
            text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))
            text = re.sub(r"\s+", " ", text).strip()
            dct = re.search(r'value="(\d{4}-\d\d-\d\d)"[^>]*functionInDocument="CREATION_TIME"', raw) \
                or re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)"', raw)
            sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„])", text) if len(s) > 20]
            if sentences:
                pools[lang].append((dct.group(1) if dct else "", sentences))
    return pools


def make_articles(n: int, pools) -> list[dict]:
    """N articles: title, date, language, three paragraphs of real text."""
    rng = random.Random(20171110)
    articles = []
    langs = [lang for lang in ("de", "en") if pools[lang]]
    for i in range(n):
        lang = langs[i % len(langs)]
        docs = pools[lang]
        d = rng.randrange(len(docs))
        dct, _ = docs[d]
        paragraphs = []
        s = rng.randrange(len(docs[d][1]))
        for _ in range(3):
            para = []
            while sum(len(x) + 1 for x in para) < PARAGRAPH_CHARS:
                sentences = docs[d][1]
                if s >= len(sentences):  # document exhausted: go on with the next one
                    d, s = (d + 1) % len(docs), 0
                    continue
                para.append(sentences[s])
                s += 1
            paragraphs.append(" ".join(para))
        date = dct or f"{2000 + i % 20:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        title = paragraphs[0].split(". ")[0][:70].rstrip(" ,;:").replace('"', "'")
        articles.append({"slug": f"a{i:05d}", "title": title or f"Article {i}", "date": date,
                         "lang": lang, "paragraphs": paragraphs})
    return articles


def write_ours(site: Path, articles: list[dict]) -> None:
    seeds = site / "seeds"
    seeds.mkdir(parents=True)
    for a in articles:
        (seeds / f"{a['slug']}.md").write_text(
            f'---\ntitle: "{a["title"]}"\ndate: {a["date"]}\n---\n' + "\n\n".join(a["paragraphs"]) + "\n",
            encoding="utf-8")


def write_pelican(site: Path, articles: list[dict]) -> None:
    content = site / "content"
    content.mkdir(parents=True)
    for a in articles:
        (content / f"{a['slug']}.md").write_text(
            f"Title: {a['title']}\nDate: {a['date']}\nLang: {a['lang']}\nSlug: {a['slug']}\n\n"
            + "\n\n".join(a["paragraphs"]) + "\n", encoding="utf-8")
    (site / "pelicanconf.py").write_text(
        "SITENAME = 'Benchmark'\nSITEURL = ''\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
        "DEFAULT_LANG = 'de'\nRELATIVE_URLS = True\n", encoding="utf-8")


HUGO_LAYOUT = {
    "_default/baseof.html": '<!doctype html><html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8">'
                            "<title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "_default/single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
                            "<time>{{ .Date.Format \"2006-01-02\" }}</time>{{ .Content }}</article>{{ end }}\n",
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
                          '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
    "index.html": '{{ define "main" }}<ul>{{ range .Site.RegularPages.ByDate }}'
                  '<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">'
                  "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
}


def write_hugo(site: Path, articles: list[dict]) -> None:
    posts = site / "content" / "posts"
    posts.mkdir(parents=True)
    for a in articles:
        (posts / f"{a['slug']}.md").write_text(
            f'---\ntitle: "{a["title"]}"\ndate: {a["date"]}\n---\n' + "\n\n".join(a["paragraphs"]) + "\n",
            encoding="utf-8")
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Benchmark"\n'
                                    'languageCode = "de"\ndisableKinds = ["taxonomy", "term"]\n',
                                    encoding="utf-8")
    for rel, text in HUGO_LAYOUT.items():
        path = site / "layouts" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- measuring

def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """Resident set and proportional set (PSS: a page shared by n processes
    counts 1/n in each, so forked workers' shared pages count once) of
    ``pid`` and all its descendants, in KiB."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                rss += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{p}/smaps_rollup") as fh:
                pss += next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


def run(cmd: list[str], cwd: Path) -> dict:
    """Run ``cmd``; wall seconds, largest process's peak RSS and the tree's sampled peak (MiB)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak, done = [0, 0], threading.Event()

    def sample():
        while not done.is_set():
            rss, pss = _tree_memory_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    proc.stdout.read()  # drained, not shown
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode(errors='replace')[-2000:]}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024, "tree_rss": peak[0] / 1024,
            "tree_pss": peak[1] / 1024,
            "stderr": err.decode(errors="replace")}


def best(runs: list[dict]) -> dict:
    """The median run of several (by time), with the highest memory seen."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    mid = dict(ordered[len(ordered) // 2])
    mid["rss"] = max(r["rss"] for r in runs)
    mid["tree_rss"] = max(r["tree_rss"] for r in runs)
    mid["tree_pss"] = max(r["tree_pss"] for r in runs)
    mid["all"] = [round(r["seconds"], 3) for r in runs]
    return mid


def precompile_site_builder() -> str:
    """Byte-compile the site_builder package the benchmark runs; its folder."""
    import importlib.util
    spec = importlib.util.find_spec("site_builder")
    folder = Path(next(iter(spec.submodule_search_locations)))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    return str(folder)


def site_builder_cmd(site: Path, jobs: int | None) -> list[str]:
    cmd = [str(Path(sys.executable).parent / "site-builder"), "build", "--site", str(site), "-q"]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


def edit_one(site: Path, round_: int) -> None:
    """Change one article's text: a new dated sentence in its last paragraph."""
    path = sorted((site / "seeds").glob("*.md"))[len(list((site / "seeds").glob("*.md"))) // 2]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f" Die Behörde teilte am {1 + round_ % 28}. Juni 2016 mit, "
                    f"dass Fassung {round_ + 2} gilt.\n",
                    encoding="utf-8")


def bench_ours(site: Path, jobs: int | None, repeat: int) -> dict:
    for leftover in ("output", ".site-builder-cache"):
        shutil.rmtree(site / leftover, ignore_errors=True)
    cold = run(site_builder_cmd(site, jobs), site)
    nochange = best([run(site_builder_cmd(site, jobs), site) for _ in range(repeat)])
    edits = []
    for r in range(repeat):
        edit_one(site, r)
        edits.append(run(site_builder_cmd(site, jobs), site))
    return {"cold": cold, "nochange": nochange, "edit": best(edits)}


def bench_pelican(site: Path) -> dict:
    shutil.rmtree(site / "output", ignore_errors=True)
    return run([sys.executable, "-m", "pelican", "content", "-o", "output",
                "-s", "pelicanconf.py", "-q"], site)


def bench_hugo(site: Path, hugo: str) -> dict:
    for leftover in ("public", "resources"):
        shutil.rmtree(site / leftover, ignore_errors=True)
    return run([hugo, "--quiet", "-s", str(site)], site)


# ---------------------------------------------------------------- report

def row(name: str, r: dict | None, reference: float | None, note: str = "") -> str:
    if r is None:
        return f"| {name} | – | – | – | – | – | {note} |"
    ratio = f"{r['seconds'] / reference:.3f}x" if reference else "–"
    return (f"| {name} | {r['seconds']:.3f} | {ratio} | {r['cpu']:.2f} | {r['rss']:.0f} "
            f"| {r['tree_rss']:.0f} | {note} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000", help="comma-separated article counts (default 1000)")
    ap.add_argument("--jobs", type=int, help="--jobs for site-builder (default: its own default)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each warm build (median shown)")
    ap.add_argument("--only-ours", action="store_true", help="skip Pelican and Hugo")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = ap.parse_args()

    pools = load_sentences(find_corpora())
    hugo = shutil.which("hugo")
    package = precompile_site_builder()
    work = args.keep or Path(tempfile.mkdtemp(prefix="site-builder-bench-"))
    print(f"# build_speed: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"{sum(len(p) for p in pools.values())} corpus documents, work folder {work}, "
          f"site_builder from {package} (byte-compiled)")
    scaling = []
    try:
        for n in [int(x) for x in args.sizes.split(",")]:
            articles = make_articles(n, pools)
            size_mb = sum(len("\n\n".join(a["paragraphs"]).encode()) for a in articles) / 1e6
            base = work / str(n)
            shutil.rmtree(base, ignore_errors=True)
            write_ours(base / "ours", articles)
            ours = bench_ours(base / "ours", args.jobs, args.repeat)
            scaling.append((n, size_mb, ours))
            if args.only_ours:
                continue
            write_pelican(base / "pelican", articles)
            pelican = bench_pelican(base / "pelican")
            hugo_run = None
            if hugo:
                write_hugo(base / "hugo", articles)
                hugo_run = bench_hugo(base / "hugo", hugo)
            ref = pelican["seconds"]
            print(f"\n## {n} articles, {size_mb:.1f} MB of text (x = time / Pelican's cold build)\n")
            print("| build | wall s | x Pelican | CPU s (all processes) | peak RSS MiB (largest process) "
                  "| peak RSS MiB (process tree) | target |")
            print("|---|---|---|---|---|---|---|")
            print(row("Pelican 4 cold", pelican, ref))
            print(row("site-builder cold (with extraction)", ours["cold"], ref,
                      f"<= {TARGETS['cold']}x"))
            print(row("site-builder no-change rebuild", ours["nochange"], ref,
                      f"<= {TARGETS['nochange']}x"))
            print(row("site-builder one article edited", ours["edit"], ref,
                      f"<= {TARGETS['edit_seconds']} s"))
            print(row("Hugo cold", hugo_run, ref, "" if hugo else "hugo not found"))
            print(f"\nwarm runs (s): no-change {ours['nochange']['all']}, edit {ours['edit']['all']}")
        print("\n## site-builder scaling (cold build with extraction)\n")
        print("| articles | MB | cold wall s | cold CPU s | CPU ms/article | peak RSS MiB (largest) "
              "| peak RSS MiB (tree) | peak PSS MiB (tree) | no-change s | edit s | edit peak RSS MiB |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for n, mb, o in scaling:
            print(f"| {n} | {mb:.1f} | {o['cold']['seconds']:.2f} | {o['cold']['cpu']:.2f} "
                  f"| {1000 * o['cold']['cpu'] / n:.2f} "
                  f"| {o['cold']['rss']:.0f} | {o['cold']['tree_rss']:.0f} | {o['cold']['tree_pss']:.0f} "
                  f"| {o['nochange']['seconds']:.3f} | {o['edit']['seconds']:.3f} | {o['edit']['rss']:.0f} |")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
