"""What the ``build`` command tells the user while and after it builds.

Warnings as they happen, a progress bar on a terminal (tqdm, shown only
once the build has run for a moment, so quick builds stay quiet), one
line per article with ``-v``, and the one-line summary at the end.
Everything goes to stderr: stdout stays free for other tools.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

from .build import ArticleDone, BuildResult

#: seconds a build runs before the progress bar appears
BAR_DELAY = 0.5


class BuildReporter:
    """Receives the build's callbacks (``warn``, ``progress``) and prints them.

    ``verbosity``: -1 quiet (errors only), 0 normal, 1 per-article detail.
    """

    def __init__(self, verbosity: int = 0, stream: TextIO | None = None,
                 bar_delay: float = BAR_DELAY):
        self.verbosity = verbosity
        self.stream = stream or sys.stderr
        self.bar_delay = bar_delay
        self.started = time.monotonic()  # "a moment" counts from the start of the build
        self._bar = None
        self._bar_allowed = verbosity == 0 and _is_terminal(self.stream)

    def warn(self, message: str) -> None:
        if self.verbosity >= 0:
            self._print(f"warning: {message}")

    def progress(self, item: ArticleDone) -> None:
        if self.verbosity >= 1:
            self._print(_article_line(item))
        elif self._bar_allowed:
            if self._bar is None:
                from tqdm import tqdm
                waited = time.monotonic() - self.started
                self._bar = tqdm(total=item.total, initial=item.done - 1, unit="article",
                                 file=self.stream, delay=max(0.0, self.bar_delay - waited),
                                 leave=False, dynamic_ncols=True)
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def summary(self, result: BuildResult, output_dir: Path) -> None:
        self.close()
        if self.verbosity >= 0:
            self._print(f"built {output_dir}: {counts(result)}")

    def _print(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)  # above the bar, not through it
        else:
            print(line, file=self.stream, flush=True)


def counts(result: BuildResult) -> str:
    """"12 articles, 1 event, 0 warnings, 0.31 s": what a build made, for one line."""
    return (f"{_count(result.articles, 'article')}, {_count(result.events, 'event')}, "
            f"{_count(len(result.warnings), 'warning')}, {result.seconds:.2f} s")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _article_line(item: ArticleDone) -> str:
    width = len(str(item.total))
    head = f"[{item.done:>{width}}/{item.total}] {item.path}"
    if item.processed is None:
        return f"{head}: skipped"
    a = item.processed.article
    return (f"{head}: {a.lang}, {a.date.value if a.date else 'no date'}, "
            f"{len(item.processed.timexes)} time expressions, {len(item.processed.events)} events")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
