#!/usr/bin/env python3
"""Robustness: builds killed mid-way, and the preview server under load.

Prints what was tried and what survived, beside Hugo (when installed) doing
the same: its build killed the same way, its ``hugo server`` under the same
load.

    python benchmarks/robustness.py                      # 40 kills, 2,000 requests / 50 clients
    python benchmarks/robustness.py --kills 100 --requests 5000
    python benchmarks/robustness.py --no-hugo

Kill loop: a site of the dpa seed and ``--articles`` small articles has two
versions, A and B, each built once undisturbed (the known-good trees).
Each round switches the seeds to the version not in ``output/``, starts a
build and sends it SIGKILL after a delay spread over the build's measured duration (and a
fifth of the kills up to 3x later, as builds under load run slower)
(our builds are forked from a warm process, so the kills land in the build,
not in interpreter start-up); then ``output/`` must equal A or B.

Load: the preview server is started, warmed up, and ``--requests`` GETs
from ``--clients`` concurrent keep-alive connections are sent while one
article is saved every ``--edit-interval`` seconds; every answer must be 200
with a complete body (Content-Length, ``</html>``, parseable JSON); RSS is
read from /proc before and after.
"""
from __future__ import annotations

import argparse
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from faults import (Editor, fork_build, hammer, kill_loop, leftovers, make_seeds,  # noqa: E402
                    rss_kb, snapshot, switch_duration, wait_child)
from helpers import stop_process  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, path: str, text: str = "", timeout: float = 60.0) -> bool:
    import http.client

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            conn.close()
            if resp.status == 200 and text.encode() in body:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def spread(duration: float, kills: int) -> list[float]:
    """Kill delays: four fifths spread evenly over the measured build, the
    rest up to 3x it (a build under load runs slower); shuffled."""
    inside = kills - kills // 5
    delays = [duration * (k + 1) / inside for k in range(inside)]
    delays += [duration * (1 + 2 * (k + 1) / (kills - inside)) for k in range(kills - inside)]
    random.Random(8).shuffle(delays)
    return delays


# -- ours ----------------------------------------------------------------------

def our_kill_loop(work: Path, articles: int, kills: int) -> dict:
    from site_builder.build import build
    from site_builder.config import load_config

    trees = {}
    seeds = {"A": lambda d: make_seeds(d, articles), "B": lambda d: make_seeds(d, articles, " (neu)")}
    for name, make in seeds.items():
        make(work / name / "seeds")
        build(load_config(work / name))
        trees[name] = snapshot(work / name / "output")
    site = work / "site"
    seeds["A"](site / "seeds")
    build(load_config(site))
    duration = switch_duration(site, seeds)
    delays = spread(duration, kills)
    records = kill_loop(site, trees, seeds, delays)
    target = "B" if snapshot(site / "output") == trees["A"] else "A"
    seeds[target](site / "seeds")
    code = wait_child(fork_build(site))
    return {"duration": duration, "records": records,
            "next_build_ok": code == 0 and snapshot(site / "output") == trees[target],
            "leftovers_after_next": leftovers(site)}


def our_load(work: Path, articles: int, requests: int, clients: int, interval: float) -> dict:
    site = work / "serve"
    make_seeds(site / "seeds", articles)
    editor = Editor(site / "seeds" / "live.md", interval)
    editor.path.write_text(editor.text(0), encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "site_builder", "serve", "--site", str(site),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            cwd=ROOT)
    try:
        if not wait_for(port, "/articles/live/", "Bearbeitung 0."):
            raise SystemExit("our preview server did not come up")
        slugs = sorted(p.name for p in (site / "output" / "articles").iterdir())
        paths = ["/", "/index.html", "/events.json", "/static/style.css", "/embed/"] + \
                [f"/articles/{slug}/" for slug in slugs]
        return _load(proc, port, paths, editor, requests, clients,
                     lambda: wait_for(port, "/articles/live/", f"Bearbeitung {editor.edits}.", 30))
    finally:
        stop_process(proc)


def _load(proc, port, paths, editor, requests, clients, last_edit_shows) -> dict:
    hammer(port, paths, total=min(200, requests), clients=min(10, clients))  # warm-up
    before = rss_kb(proc.pid)
    with editor:
        result = hammer(port, paths, total=requests, clients=clients)
    after = rss_kb(proc.pid)
    result.update(rss_before=before, rss_after=after, edits=editor.edits,
                  up=proc.poll() is None, last_edit_shows=last_edit_shows())
    return result


# -- Hugo ------------------------------------------------------------------------

HUGO_LAYOUT = {
    "layouts/_default/baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title></head>"
                                    "<body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "layouts/_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
    "layouts/_default/list.html": "{{ define \"main\" }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
                                  "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    "layouts/index.html": "{{ define \"main\" }}<ol>{{ range .Site.RegularPages }}<li>{{ .Date.Format \"2006-01\" }} "
                          "<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}\n",
}


def hugo_site(root: Path, articles: int, variant: str = "") -> None:
    """The same articles as a Hugo site (content/ as Markdown with front matter)."""
    from faults import article

    (root / "content").mkdir(parents=True, exist_ok=True)
    for rel, text in HUGO_LAYOUT.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "hugo.toml").write_text('baseURL = "http://127.0.0.1/"\ntitle = "Zeitleiste"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    shutil.rmtree(root / "content")
    (root / "content").mkdir()
    for i in range(articles * 8):  # a Hugo build is fast: give it more to write
        (root / "content" / f"bericht-{i:03d}.md").write_text(
            article(i, variant if i % 3 == 0 else ""), encoding="utf-8")


def hugo_kill_loop(work: Path, articles: int, kills: int) -> dict:
    trees = {}
    for name, variant in (("A", ""), ("B", " (neu)")):
        hugo_site(work / name, articles, variant)
        subprocess.run(["hugo", "--quiet", "-d", "public"], cwd=work / name, check=True,
                       capture_output=True)
        trees[name] = snapshot(work / name / "public")
    site = work / "hugo"
    hugo_site(site, articles)
    subprocess.run(["hugo", "--quiet", "-d", "public"], cwd=site, check=True, capture_output=True)
    t0 = time.perf_counter()
    subprocess.run(["hugo", "--quiet", "-d", "public"], cwd=site, check=True, capture_output=True)
    duration = time.perf_counter() - t0
    delays = spread(duration, kills)
    records = []
    for delay in delays:
        current = snapshot(site / "public")
        state = next((k for k, t in trees.items() if t == current), "mixed")
        target = "B" if state != "B" else "A"
        hugo_site(site, articles, "" if target == "A" else " (neu)")
        proc = subprocess.Popen(["hugo", "--quiet", "-d", "public"], cwd=site,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = snapshot(site / "public")
        found = next((k for k, t in trees.items() if t == after), "mixed")
        records.append({"delay": delay, "from": state, "found": found, "staging_left": None})
    target = "A" if records and records[-1]["found"] == "B" else "B"
    hugo_site(site, articles, "" if target == "A" else " (neu)")
    ok = subprocess.run(["hugo", "--quiet", "-d", "public"], cwd=site, capture_output=True).returncode == 0
    return {"duration": duration, "records": records,
            "next_build_ok": ok and snapshot(site / "public") == trees[target],
            "leftovers_after_next": []}


def hugo_load(work: Path, articles: int, requests: int, clients: int, interval: float) -> dict:
    site = work / "hugo-serve"
    hugo_site(site, articles)
    live = site / "content" / "live.md"
    editor = Editor(live, interval)
    editor.path.write_text(editor.text(0), encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen(["hugo", "server", "--port", str(port), "--bind", "127.0.0.1",
                             "--disableLiveReload", "--appendPort=false", "--baseURL", "http://127.0.0.1/"],
                            cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_for(port, "/live/", "Bearbeitung 0."):
            raise SystemExit("hugo server did not come up")
        paths = ["/", "/live/"] + [f"/bericht-{i:03d}/" for i in range(articles * 8)]
        return _load(proc, port, paths, editor, requests, clients,
                     lambda: wait_for(port, "/live/", f"Bearbeitung {editor.edits}.", 30))
    finally:
        stop_process(proc)


# -- report ------------------------------------------------------------------------

def kill_summary(name: str, res: dict) -> None:
    recs = res["records"]
    for r in recs:
        key = "mixed" if r["found"] == "mixed" else ("previous" if r["found"] == r["from"] else "new")
        r["kind"] = key
    found = {k: sum(1 for r in recs if r["kind"] == k) for k in ("previous", "new", "mixed")}
    staged = sum(1 for r in recs if r["staging_left"]) \
        if all(r["staging_left"] is not None for r in recs) else "n/a (writes in place)"
    print(f"| {name} | {len(recs)} | {res['duration']:.2f} s | {found['previous']} | {found['new']} | "
          f"{found['mixed']} | {staged} | {'yes' if res['next_build_ok'] else 'NO'} |")


def load_summary(name: str, res: dict, requests: int) -> None:
    ok = res["counts"].get("200 complete", 0)
    other = {k: v for k, v in res["counts"].items() if k != "200 complete"}
    print(f"| {name} | {requests} | {ok} | {other or '-'} | {res['seconds']:.1f} s | "
          f"{requests / res['seconds']:.0f}/s | {res['edits']} | "
          f"{'yes' if res['last_edit_shows'] else 'NO'} | {'yes' if res['up'] else 'NO'} | "
          f"{res['rss_before'] / 1024:.1f} → {res['rss_after'] / 1024:.1f} MiB |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=40)
    ap.add_argument("--articles", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--edit-interval", type=float, default=0.2)
    ap.add_argument("--no-hugo", action="store_true", help="skip the Hugo side")
    args = ap.parse_args()
    hugo = not args.no_hugo and shutil.which("hugo")
    if hugo:
        version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    with tempfile.TemporaryDirectory(prefix="robustness-") as tmp:
        work = Path(tmp)
        print(f"Kill loop: SIGKILL at {args.kills} moments (4/5 spread over the build's measured "
              f"duration, 1/5 up to 3x it); "
              f"afterwards the output folder must equal the previous or the new known-good tree.\n")
        print("| tool | kills | build | previous site | new site | mixed | kills inside the write "
              "(staging left) | next build complete |")
        print("|---|---|---|---|---|---|---|---|")
        kill_summary("site-builder", our_kill_loop(work / "ours", args.articles, args.kills))
        if hugo:
            kill_summary(f"hugo {version}", hugo_kill_loop(work / "hugo", args.articles, args.kills))
        print(f"\nLoad: {args.requests} GETs from {args.clients} concurrent keep-alive clients over "
              f"loopback while an article is saved every {args.edit_interval * 1000:.0f} ms.\n")
        print("| server | requests | 200 + complete | other | time | rate | edits | last edit "
              "shown | still up | RSS before → after |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        load_summary("site-builder serve",
                     our_load(work / "ours", args.articles, args.requests, args.clients,
                              args.edit_interval), args.requests)
        if hugo:
            load_summary(f"hugo {version} server",
                         hugo_load(work / "hugo", args.articles, args.requests, args.clients,
                                   args.edit_interval), args.requests)


if __name__ == "__main__":
    main()
