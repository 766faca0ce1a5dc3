"""``site-builder extract``: what the tagger and the extractor find, as JSON.

For users checking an article and for tooling (``tools/timex_eval.py``
drives ``--batch``).  Offsets are code points into the text the tagger saw.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from .build import process_article
from .errors import InputError
from .events import extract_events
from .readers import ReadOptions, article_from_text, decode
from .timex import tag


def _record(article, timexes, events) -> dict:
    return {
        "source": article.source_path,
        "dct": article.date.value if article.date else None,
        "lang": article.lang,
        "timexes": [t.to_json() for t in timexes],
        "events": [_event_json(e) for e in events],
    }


def _event_json(event) -> dict:
    return {"id": event.id, "date": event.date.value, "granularity": event.date.granularity,
            "mod": event.mod, "title": event.title, "sentence": event.sentence,
            "start": event.start, "end": event.end,
            "entities": [{"type": k, "name": n} for k, n in event.entities]}


def extract_file(path: Path, options: ReadOptions | None = None) -> dict:
    """An article file (any supported format) → its extract record."""
    done = process_article(path, options or ReadOptions())
    return _record(done.article, done.timexes, _sorted(done.events))


def extract_plain(path: Path, dct: str | None, lang: str | None, genre: str) -> dict:
    """A raw text file with the document date given by the caller → record."""
    try:
        text = decode(path.read_bytes(), path)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    article = article_from_text(text, path.stem, dct, lang, genre, source=str(path))
    timexes = tag(article.text, dct, article.lang, genre)
    return _record(article, timexes, _sorted(extract_events(article, timexes)))


def _sorted(events):
    return sorted(events, key=lambda e: e.sort_key)


def run_batch(stdin: IO[str], stdout: IO[str]) -> None:
    """JSON Lines in (``id, text, dct, lang, genre``) → JSON Lines out
    (``id, timexes, events``), same order, one process."""
    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            doc_id, text = item["id"], item["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError("<stdin>", f"not a JSON object with 'id' and 'text': {exc}",
                             line=n) from None
        genre = item.get("genre") or "news"
        _check_batch_item(text, item.get("dct"), item.get("lang"), genre, n)
        article = article_from_text(text, str(doc_id), item.get("dct"), item.get("lang"), genre,
                                    source=f"<stdin>:{n}")
        timexes = tag(text, article.date.value if article.date else None, article.lang, genre)
        events = _sorted(extract_events(article, timexes))
        stdout.write(json.dumps({"id": doc_id, "timexes": [t.to_json() for t in timexes],
                                 "events": [_event_json(e) for e in events]},
                                ensure_ascii=False) + "\n")
    stdout.flush()


def _check_batch_item(text, dct, lang, genre, n: int) -> None:
    """The fields of one ``--batch`` line have the types and values the tagger takes."""
    from .timex import GENRES
    from .timex.lang import supported

    wrong = None
    if not isinstance(text, str):
        wrong = f"'text' must be a string, not {json.dumps(text)[:40]}"
    elif dct is not None and not isinstance(dct, str):
        wrong = f"'dct' must be a string such as \"2017-07-07\", not {json.dumps(dct)[:40]}"
    elif lang is not None and lang not in supported():
        wrong = f"'lang' must be one of {', '.join(supported())}, not {json.dumps(lang)[:40]}"
    elif genre not in GENRES:
        wrong = f"'genre' must be one of {', '.join(GENRES)}, not {json.dumps(genre)[:40]}"
    if wrong:
        raise InputError("<stdin>", wrong, line=n)


def dumps(record: dict, pretty: bool = False) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)
