"""The tagger takes time in proportion to the text, even on hostile input.

A regex that backtracks catastrophically, or a step that rescans the text
for every match, makes 4x the text cost 16x the time or worse; linear work
costs 4x.  The bound (< 6x) leaves room for timing noise.  CPU time is
measured, so other processes on the machine matter little.  The absolute
speed is the benchmark's business (benchmarks/timex_bench.py --linear).
"""
import time

import pytest

from helpers import adversarial_text
from site_builder.timex import tag

def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cpu_seconds(text: str, lang: str, runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        tag(text, "2017-11-10", lang, "news")
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("make", [
    pytest.param(lambda n: adversarial_text(n, seed=11), id="mixed"),
    pytest.param(lambda n: repeated("1.", n), id="digit-dot run"),
    pytest.param(lambda n: repeated("Montag, 1. Juli" + " " * 40, n), id="white space runs"),
    pytest.param(lambda n: repeated("Nr. 1999 the 12 May ", n), id="identifiers"),
])
def test_four_times_the_text_takes_about_four_times_as_long(lang, make):
    tag("warm up the language tables", None, lang)
    small, large = make(100_000), make(400_000)
    # best of three on both sides: a stray pause of the machine inflates one run, not all
    ratio = cpu_seconds(large, lang, runs=3) / max(cpu_seconds(small, lang, runs=3), 1e-3)
    assert ratio < 6, f"4x the text took {ratio:.1f}x the time"
