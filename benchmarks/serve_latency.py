#!/usr/bin/env python3
"""Preview server: how long from saving an article to seeing it in the browser.

Generates an N-article site from the shared corpora (the same generator as
``build_speed.py``), starts ``site-builder serve`` on a free loopback port,
opens the edited article's page in headless Chromium (Debian's
``chromium`` + ``chromedriver``), then edits that article R times, a little
over a second apart, and measures from the moment the file is written until
the reloaded page shows the new sentence — no refresh by the benchmark: the
page reloads itself through livereload.

    python benchmarks/serve_latency.py                 # 1,000 articles, 5 edits
    python benchmarks/serve_latency.py --articles 200 --edits 3
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1] / "tests")]
import build_speed  # noqa: E402  (the shared article generator)
from helpers import CHROMEDRIVER, CHROMIUM, chromium_driver, have_chromium, stop_process  # noqa: E402  (shared with the browser tests)

TARGET_SECONDS = 1.0


def start_server(site: Path) -> tuple[subprocess.Popen, str, list[str], float]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "site_builder", "serve", "--site", str(site),
                             "--port", "0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True)
    lines: list[str] = []
    threading.Thread(target=lambda: [lines.append(x.rstrip()) for x in proc.stderr],
                     daemon=True).start()
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        for line in list(lines):
            m = re.search(r"serving .* at (http://\S+/)", line)
            if m:
                return proc, m.group(1), lines, time.perf_counter() - started
        if proc.poll() is not None:
            sys.exit("serve exited:\n" + "\n".join(lines))
        time.sleep(0.05)
    sys.exit("serve did not start")


def browser():
    return chromium_driver(f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}")


def edited_path(site: Path) -> Path:
    seeds = sorted((site / "seeds").glob("*.md"))
    return seeds[len(seeds) // 2]


def measure(site: Path, url: str, edits: int) -> list[float]:
    driver = browser()
    path = edited_path(site)
    try:
        driver.get(f"{url}articles/{path.stem}/")
        times = []
        for r in range(edits):
            marker = f"Fassung {r + 2} gilt"
            _wait_connected(driver)
            text = path.read_text(encoding="utf-8").rstrip("\n")
            before = time.perf_counter()
            path.write_text(f"{text} Die Behörde teilte am {1 + r}. Juni 2016 mit, dass {marker}.\n",
                            encoding="utf-8")
            while marker not in _page_text(driver):
                if time.perf_counter() - before > 60:
                    raise SystemExit(f"edit {r + 1} not visible after 60 s")
                time.sleep(0.02)
            times.append(time.perf_counter() - before)
            time.sleep(max(0.0, 1.1 - times[-1]))  # the next edit about a second later
        return times
    finally:
        driver.quit()


def _page_text(driver) -> str:
    from selenium.common.exceptions import WebDriverException

    try:
        return driver.execute_script("return document.body ? document.body.innerText : ''") or ""
    except WebDriverException:  # the page is being replaced by the reload
        return ""


def _wait_connected(driver) -> None:
    deadline = time.monotonic() + 30
    while not driver.execute_script("return !!(window.LiveReload && window.LiveReload.connector "
                                    "&& window.LiveReload.connector.protocol)"):
        if time.monotonic() > deadline:
            raise SystemExit("livereload.js did not connect")
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    if not have_chromium():
        sys.exit(f"needs {CHROMIUM} and {CHROMEDRIVER}")
    pools = build_speed.load_sentences(build_speed.find_corpora())
    work = Path(tempfile.mkdtemp(prefix="serve-latency-"))
    try:
        site = work / "site"
        build_speed.write_ours(site, build_speed.make_articles(args.articles, pools))
        proc, url, lines, first = start_server(site)
        try:
            times = measure(site, url, args.edits)
        finally:
            stop_process(proc)
        rebuilds = [x for x in lines if x.startswith("built:")]
        print(f"serve, {args.articles} articles ({sum(p.stat().st_size for p in (site / 'seeds').iterdir()) // 1024} KB)")
        print("| measure | seconds | target |")
        print("|---|---|---|")
        print(f"| first build until serving | {first:.2f} | |")
        print(f"| edit → visible in Chromium, median of {len(times)} | {statistics.median(times):.2f} "
              f"| <= {TARGET_SECONDS:.1f} |")
        print(f"| edit → visible in Chromium, worst | {max(times):.2f} | |")
        print(f"edits about 1 s apart, each shown: {', '.join(f'{t:.2f}' for t in times)} s")
        print("server's rebuild lines: " + "; ".join(r.split(": ", 1)[1] for r in rebuilds[-len(times):]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
