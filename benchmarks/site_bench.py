#!/usr/bin/env python3
"""Build a large synthetic site and measure its pages in headless Chromium.

Writes news articles (agency plain text and tagged Markdown, German and
English, dated sentences with absolute and relative dates) until the
timeline holds about ``--events`` events, builds the site with the real
pipeline and prints: build time, index page weight, the largest pages, and
first paint / first contentful paint of the index and of the fullest year
page (Performance API, read through selenium from Debian's chromium).
When ``hugo`` is on the PATH, the same articles are also built by Hugo as
plain pages, as a reference for the build time of a static site generator
that extracts nothing.

    python benchmarks/site_bench.py                    # 10,000 events
    python benchmarks/site_bench.py --events 2000 --keep /tmp/big-site
    python benchmarks/site_bench.py --screenshot docs/timeline.png   # README picture of the example site
"""
from __future__ import annotations

import argparse
import functools
import http.server
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from site_builder.build import build, discover, process_article  # noqa: E402
from site_builder.config import load_config  # noqa: E402
from site_builder.readers import ReadOptions  # noqa: E402
from site_builder.timeline import build_timeline  # noqa: E402
from helpers import chromium_driver, have_chromium  # noqa: E402  (shared with the browser tests)


# Vocabulary for synthetic news.  Names are combined (first × last) so that
# events of different articles rarely share the words the merge stage uses.
FIRST = ["Anna", "Jonas", "Maria", "Lukas", "Sofia", "Elias", "Mila", "Paul", "Lea", "Felix",
         "Clara", "Noah", "Ida", "Emil", "Nora", "Oskar", "Greta", "Anton", "Lina", "Jakob",
         "Hannah", "David", "Alma", "Samuel", "Frieda", "Leon", "Ella", "Theo", "Marta", "Karl"]
LAST = ["Berger", "Hoffmann", "Krause", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
        "Quinn", "Rossi", "Santos", "Tanaka", "Urban", "Vogel", "Walsh", "Yilmaz", "Zeller",
        "Adler", "Brandt", "Costa", "Dietz", "Eriksen", "Fischer", "Garcia", "Horvat",
        "Iversen", "Jansen", "Kowalski", "Larsen", "Meier"]
PLACES = ["Berlin", "Hamburg", "Wien", "Zürich", "Brüssel", "Paris", "Madrid", "Rom", "Warschau",
          "Prag", "Genf", "Lissabon", "Athen", "Oslo", "Dublin", "Kiew", "Ankara", "Kairo",
          "Nairobi", "Lagos", "Delhi", "Tokio", "Seoul", "Sydney", "Toronto", "Lima", "Bogotá"]
TOPICS_DE = ["Klimaschutz", "Handel", "Migration", "Energie", "Gesundheit", "Bildung",
             "Verkehr", "Wohnungsbau", "Datenschutz", "Landwirtschaft", "Rüstung", "Steuern"]
TOPICS_EN = ["climate policy", "trade", "migration", "energy", "health care", "education",
             "transport", "housing", "data protection", "agriculture", "defence", "taxes"]
TAGS = ["klima", "handel", "migration", "energie", "gesundheit", "wahlen", "europa", "afrika",
        "asien", "wirtschaft", "justiz", "sport", "kultur", "technik", "umwelt"]
AGENCIES = ["dpa", "AFP", "Reuters", "AP", "KNA", "epd"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]

DE_EVENTS = [
    "Am {d}. {m} {y} unterzeichnete {p} in {pl} ein Abkommen über {t}.",
    "{p} trat am {d}. {m} {y} als Vorsitzende des Ausschusses für {t} zurück.",
    "Im {m} {y} hatte das Parlament in {pl} ein Gesetz zu {t} beschlossen.",
    "Bereits {y} war {p} in {pl} mit einem Plan für {t} gescheitert.",
    "Am {d}. {m} {y} demonstrierten in {pl} Tausende gegen die Pläne von {p}.",
    "{p} wurde am {d}. {m} {y} in {pl} zur Beauftragten für {t} ernannt.",
]
EN_EVENTS = [
    "On {d} {m} {y}, {p} signed an agreement on {t} in {pl}.",
    "{p} resigned as chair of the {t} committee on {d} {m} {y}.",
    "In {m} {y}, the parliament in {pl} passed a law on {t}.",
    "In {y}, a plan by {p} on {t} failed in {pl}.",
    "Thousands protested in {pl} against plans by {p} on {d} {m} {y}.",
    "{p} was appointed envoy for {t} in {pl} on {d} {m} {y}.",
]
DE_FILLER = ["Die Opposition kritisierte das Vorgehen scharf.",
             "Beobachter rechnen mit weiteren Gesprächen.",
             "Eine Stellungnahme der Regierung lag zunächst nicht vor."]
EN_FILLER = ["The opposition sharply criticised the move.",
             "Observers expect further talks.",
             "The government did not immediately comment."]


def _year(rng: random.Random) -> int:
    # News clusters in recent years: a triangular spread over 1990–2024.
    return int(rng.triangular(1990, 2024.99, 2020))


def _sentence(rng: random.Random, lang: str, serial: int) -> tuple[str, int]:
    year = _year(rng)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}-{serial % 997}" if serial % 3 == 0 \
        else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    fields = {"d": rng.randint(1, 28), "y": year, "p": person, "pl": rng.choice(PLACES),
              "m": rng.choice(MONTHS_DE if lang == "de" else MONTHS_EN),
              "t": rng.choice(TOPICS_DE if lang == "de" else TOPICS_EN)}
    template = rng.choice(DE_EVENTS if lang == "de" else EN_EVENTS)
    return template.format(**fields), year


def write_articles(seeds: Path, count: int, events_per_article: int, rng: random.Random,
                   start: int = 0) -> None:
    """``count`` synthetic articles into ``seeds`` (half agency text, half Markdown),
    numbered from ``start``."""
    seeds.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        lang = "de" if n % 3 else "en"
        dated = [_sentence(rng, lang, n * 17 + i) for i in range(events_per_article)]
        latest = max(y for _, y in dated)
        date = f"{latest}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        filler = DE_FILLER if lang == "de" else EN_FILLER
        paragraphs = []
        for i, (sentence, _) in enumerate(dated):
            paragraphs.append(sentence + " " + filler[i % len(filler)])
        place, agency = rng.choice(PLACES), rng.choice(AGENCIES)
        if n % 2:
            title = dated[0][0].rstrip(".")
            body = f"{place} ({agency}) - " + "\n\n".join(paragraphs)
            (seeds / f"{n:05d}.txt").write_text(f"date {date}\ntitle {title}\n{body}\n", encoding="utf-8")
        else:
            tags = sorted(rng.sample(TAGS, 2))
            front = (f"---\ntitle: \"{dated[0][0].rstrip('.')}\"\ndate: {date}\nlang: {lang}\n"
                     f"tags: [{', '.join(tags)}]\nsource: https://news{n % 5}.example.org/{n}\n---\n")
            (seeds / f"{n:05d}.md").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def timeline_size(seeds: Path, options: ReadOptions, done: dict) -> int:
    """Events on the timeline of the articles in ``seeds`` (after merging).

    ``done`` caches each file's extracted events, so a top-up only
    processes the new files.
    """
    for path in discover(seeds):
        if path not in done:
            done[path] = process_article(path, options).events
    return len(build_timeline([e for events in done.values() for e in events]).events)


def make_site(root: Path, target_events: int, seed: int) -> None:
    """Write articles into ``root/seeds`` until the merged timeline holds ``target_events``.

    Merging joins reports of the same happening, more often the denser the
    timeline, so the count is topped up rather than predicted.
    """
    rng = random.Random(seed)
    options = ReadOptions(root=root)
    seeds, done, written = root / "seeds", {}, 0
    batch = max(1, target_events // 5)
    for _ in range(6):
        write_articles(seeds, batch, 5, rng, start=written)
        written += batch
        have = timeline_size(seeds, options, done)
        if have >= target_events:
            return
        per_article = have / written
        batch = int((target_events - have) / max(per_article, 0.1) * 1.1) + 1


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def chromium():
    profile = tempfile.mkdtemp(prefix="site-bench-chromium-")
    return chromium_driver("--window-size=1280,900", f"--user-data-dir={profile}"), profile


def paint_times(driver, url: str, runs: int) -> dict[str, float]:
    """Median first paint, first contentful paint and load end (ms) over ``runs`` cold loads."""
    from selenium.webdriver.support.ui import WebDriverWait

    samples: dict[str, list[float]] = {"first-paint": [], "first-contentful-paint": [], "load": []}
    for _ in range(runs):
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.get("about:blank")
        driver.get(url)
        WebDriverWait(driver, 60).until(lambda d: d.execute_script(
            "return performance.getEntriesByType('paint').length >= 2 && "
            "performance.getEntriesByType('navigation')[0].loadEventEnd > 0"))
        for entry in driver.execute_script(
                "return performance.getEntriesByType('paint').map(e => [e.name, e.startTime])"):
            samples[entry[0]].append(entry[1])
        samples["load"].append(driver.execute_script(
            "return performance.getEntriesByType('navigation')[0].loadEventEnd"))
    return {k: statistics.median(v) for k, v in samples.items() if v}


def hugo_reference(site: Path, work: Path) -> float | None:
    """Seconds Hugo takes to build the same articles as plain pages (None without hugo)."""
    hugo = shutil.which("hugo")
    if not hugo:
        return None
    content = work / "content" / "articles"
    content.mkdir(parents=True)
    for path in discover(site / "seeds"):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".txt":
            _, title_line, body = text.split("\n", 2)
            title = title_line.removeprefix("title ").replace('"', "'")
            text = f'---\ntitle: "{title}"\n---\n{body}'
        (content / (path.stem + ".md")).write_text(text, encoding="utf-8")
    layouts = work / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text("<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>"
                                         "{{ .Content }}\n")
    (layouts / "list.html").write_text("<!doctype html><title>{{ .Title }}</title><ol>{{ range .Pages }}"
                                       "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol>\n")
    (work / "hugo.toml").write_text('baseURL = "http://127.0.0.1/"\ntitle = "bench"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    started = time.perf_counter()
    subprocess.run([hugo, "--quiet", "--source", str(work), "--destination", str(work / "public")],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def kb(path: Path) -> float:
    return path.stat().st_size / 1024


def bench(args) -> None:
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="site-bench-"))
    site = work / "site"
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    started = time.perf_counter()
    make_site(site, args.events, args.seed)
    print(f"generated {len(discover(site / 'seeds'))} articles in {time.perf_counter() - started:.1f} s")

    result = build(load_config(site))
    out = site / "output"
    pages = sorted(out.rglob("*.html"))
    years = sorted(out.glob("years/*/index.html"))
    fullest = max(years, key=kb) if years else out / "index.html"
    rows = [
        ("articles", f"{result.articles}"),
        ("events on the timeline", f"{result.events}"),
        ("build time (read → write)", f"{result.seconds:.1f} s"),
        ("HTML pages", f"{len(pages)} ({len(years)} year pages)"),
        ("index.html", f"{kb(out / 'index.html'):.1f} KB"),
        ("largest year page" + (f" ({fullest.parent.name})" if years else ": none"),
         f"{kb(fullest):.1f} KB" if years else "-"),
        ("embed/index.html", f"{kb(out / 'embed' / 'index.html'):.1f} KB"),
        ("static/ (css + js)", f"{sum(kb(p) for p in (out / 'static').rglob('*') if p.is_file()):.1f} KB"),
    ]
    if not args.no_browser and have_chromium():
        httpd = serve(out)
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        driver, profile = chromium()
        try:
            measured = [("index", "")]
            if years:
                measured.append((f"year page {fullest.parent.name}",
                                 fullest.relative_to(out).parent.as_posix() + "/"))
            for label, rel in measured:
                t = paint_times(driver, base + rel, args.runs)
                rows.append((f"{label}: first paint / first contentful paint",
                             f"{t['first-paint']:.0f} ms / {t['first-contentful-paint']:.0f} ms"))
                rows.append((f"{label}: load event end", f"{t['load']:.0f} ms"))
        finally:
            driver.quit()
            httpd.shutdown()
            shutil.rmtree(profile, ignore_errors=True)
    else:
        rows.append(("browser timings", "skipped (no chromium/chromedriver or --no-browser)"))
    reference = None if args.no_hugo else hugo_reference(site, work / "hugo")
    if reference is not None:
        rows.append(("reference: hugo, same articles as plain pages", f"{reference:.1f} s"))

    width = max(len(k) for k, _ in rows)
    print(f"\n| {'site-builder, synthetic site'.ljust(width)} | value |\n|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    limit = 300
    verdict = "under" if kb(out / "index.html") < limit else "OVER"
    print(f"\nindex.html is {verdict} the {limit} KB budget.")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def screenshot(target: Path) -> None:
    """Build the repository's example site and save a 1280 px picture of its timeline."""
    import base64

    work = Path(tempfile.mkdtemp(prefix="site-shot-"))
    shutil.copytree(ROOT / "seeds", work / "seeds")
    build(load_config(work))
    httpd = serve(work / "output")
    driver, profile = chromium()
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        driver.get(f"http://127.0.0.1:{httpd.server_address[1]}/")
        height = int(driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"])
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}})
        target.write_bytes(base64.b64decode(shot["data"]))
        print(f"wrote {target} (1280 × {height})")
    finally:
        driver.quit()
        httpd.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000, help="events to aim for (default 10000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the generated articles")
    parser.add_argument("--runs", type=int, default=5, help="page loads per paint measurement (median)")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo reference build")
    parser.add_argument("--screenshot", metavar="PNG", type=Path,
                        help="only build the example site and save a screenshot of its timeline")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
    else:
        bench(args)


if __name__ == "__main__":
    main()
