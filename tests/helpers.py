"""Helpers shared by the tests (importable from every test folder)."""
from __future__ import annotations

import hashlib
import os
import random
import subprocess
from pathlib import Path

from site_builder.dates import PartialDate
from site_builder.model import Article, Dateline, Event, Source

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_8d4080564ea0615d.txt"
# Debian's chromium and chromium-driver (a test tool's own browser download does not work here)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def write(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8, creating folders; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_article(slug: str, text: str, *, date="2017-11", lang="de", tags=(), agency="dpa",
                 places=("Berlin",), url="") -> Article:
    """A one-paragraph article built in memory (for render tests without the pipeline)."""
    return Article(slug=slug, title=f"Artikel {slug}", date=PartialDate(date), lang=lang, text=text,
                   body_html=f"<p>{text}</p>", source_path=f"seeds/{slug}.txt",
                   dateline=Dateline(places=places, agency=agency), tags=tuple(tags), url=url)


def make_event(article: Article, date: str, title: str, sentence: str, mod=None) -> Event:
    """An event reported by ``sentence`` of ``article`` (its id stable like the extractor's)."""
    start = article.text.index(sentence)
    digest = hashlib.sha1(f"{date} {sentence}".encode()).hexdigest()[:8]
    return Event(id=f"{article.slug}-{digest}", date=PartialDate(date),
                 title=title, sentence=sentence, start=start, end=start + len(sentence),
                 slug=article.slug, mod=mod, lang=article.lang,
                 sources=(Source(article.slug, sentence, start, start + len(sentence)),))


def large_site(n_events: int, years=range(2001, 2011)):
    """``n_events`` events spread over ``years``, ten per article."""
    articles, events = [], []
    years = list(years)
    for a in range(n_events // 10):
        sentences = [f"Ereignis {a}-{i} geschah." for i in range(10)]
        art = make_article(f"a{a:04d}", " ".join(sentences), tags=(f"tag{a % 7}",),
                           date=f"{years[a % len(years)]}-12")
        articles.append(art)
        for i, sentence in enumerate(sentences):
            year = years[(a + i) % len(years)]
            events.append(make_event(art, f"{year}-{i % 12 + 1:02d}", f"Titel {a}-{i}", sentence))
    return articles, events


# Two Markdown articles beside the dpa seed, so the browser tests' filters
# have tags, sources and languages to choose from.
MARKDOWN_ARTICLES = {
    "paris-climate.md": """---
title: Paris climate agreement adopted
date: 2015-12-12
lang: en
tags: [climate]
source: https://www.example.org/news/paris-agreement
---
Negotiators from 195 countries adopted the Paris Agreement on 12 December 2015.

The talks had opened on 30 November 2015 with a speech by the French president. The treaty is expected to enter into force in 2016.
""",
    "g20-hamburg.md": """---
title: G20-Gipfel in Hamburg endet mit Klimaerklärung
date: 2017-07-08
lang: de
tags: [g20, klima]
source: https://www.beispiel.de/politik/g20-hamburg
---
Der G20-Gipfel in Hamburg ist am 8. Juli 2017 mit einer gemeinsamen Erklärung zu Ende gegangen.

Bereits am 6. Juli 2017 hatten Tausende gegen das Treffen demonstriert. Die Gruppe der Zwanzig war 1999 gegründet worden.
""",
}


def write_mixed_site(root: Path) -> Path:
    """A site at ``root``: the dpa seed plus :data:`MARKDOWN_ARTICLES` (de and en, tagged)."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "seeds" / SEED.name).write_bytes(SEED.read_bytes())
    for name, text in MARKDOWN_ARTICLES.items():
        write(root / "seeds" / name, text)
    return root


# Adversarial text: numbers, dots, month and weekday names, "Nr.", eras,
# clock times, glued and repeated, in both languages' words.
ADVERSARIAL_PIECES = [
    "1", "12", "1999", "2017", "31", "1.", "12.", "3.4.", "1.9.39", "2.000", "07/04/2017", "4:45",
    "1111111111", "9" * 40, "....", "..", ",", "-", "'90s", "90er", "20.", "a.m.", "v. Chr.", "BC",
    "Juli", "Juli 2017", "Jan.", "Mai", "Montag", "Freitag", "Nr.", "Nr. 2254", "Uhr", "Jahr",
    "Jahre", "Jahrhundert", "Mitte", "Ende", "der", "am", "im", "seit", "vor",
    "July", "May", "Monday", "No.", "the", "last", "years", "ago", "early", "mid-", "1990s",
]
ADVERSARIAL_SEPARATORS = [" ", " ", " ", "", ".", ",", "\n", "  ", "-", "/"]


def adversarial_text(size: int, seed: int = 4) -> str:
    """``size`` characters of adversarial text, the same for the same seed."""
    rnd = random.Random(seed)
    out, n = [], 0
    while n < size:
        piece = rnd.choice(ADVERSARIAL_PIECES) + rnd.choice(ADVERSARIAL_SEPARATORS)
        out.append(piece)
        n += len(piece)
    return "".join(out)[:size]


def have_chromium() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def chromium_driver(*args: str, javascript: bool = True):
    """A headless Chromium driven by selenium, kept off the network (no
    updates, sync or QUIC) and with its console log readable; ``args`` are
    further command-line flags (``--window-size=…``, ``--user-data-dir=…``)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", *args):
        opts.add_argument(arg)
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def stop_process(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Ask a child process (a preview server) to end; kill it if it will not."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
