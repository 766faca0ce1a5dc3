"""The build's progress bar and per-article lines (site_builder.report)."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from site_builder.build import ArticleDone, BuildResult
from site_builder.report import BuildReporter


class Terminal(io.StringIO):
    def isatty(self):
        return True


def _feed(reporter, n=5):
    for i in range(1, n + 1):
        reporter.progress(ArticleDone(Path(f"seeds/{i}.txt"), i, n, None))


def test_progress_bar_on_a_terminal_once_the_build_takes_a_moment():
    term = Terminal()
    reporter = BuildReporter(0, term, bar_delay=0)
    _feed(reporter)
    reporter.warn("something odd")
    reporter.summary(BuildResult(articles=5, events=7, seconds=1.5), Path("output"))
    text = term.getvalue()
    assert "5/5" in text and "article" in text  # the bar
    assert "warning: something odd\n" in text
    assert text.rstrip().splitlines()[-1].endswith("built output: 5 articles, 7 events, 0 warnings, 1.50 s")


def test_no_bar_for_a_quick_build_or_a_pipe_or_verbose_mode():
    quick = Terminal()
    reporter = BuildReporter(0, quick, bar_delay=30)  # finishes before the bar would show
    _feed(reporter)
    reporter.close()
    assert quick.getvalue() == ""
    pipe = io.StringIO()
    reporter = BuildReporter(0, pipe, bar_delay=0)
    _feed(reporter)
    reporter.close()
    assert pipe.getvalue() == ""
    verbose = Terminal()
    reporter = BuildReporter(1, verbose, bar_delay=0)
    _feed(reporter, 2)
    assert verbose.getvalue() == "[1/2] seeds/1.txt: skipped\n[2/2] seeds/2.txt: skipped\n"


def test_the_moment_counts_from_the_start_of_the_build():
    import time
    term = Terminal()
    reporter = BuildReporter(0, term, bar_delay=0.2)
    time.sleep(0.3)  # imports, reading the first articles …
    _feed(reporter, 3)  # … then quick ticks: the bar shows at once
    reporter.close()
    assert "/3 [" in term.getvalue() and "article/s" in term.getvalue()


def test_the_summary_says_one_article_not_one_articles():
    from site_builder.report import counts
    result = BuildResult(articles=1, events=1, seconds=0.3)
    assert counts(result) == "1 article, 1 event, 0 warnings, 0.30 s"
    result.warnings.append("x")
    assert counts(replace(result, articles=2, events=0)) == "2 articles, 0 events, 1 warning, 0.30 s"
