"""What the benchmark scripts share: one way to take a median timing."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(call: Callable[[], object], runs: int) -> float:
    """Median wall time of `call` in milliseconds over `runs` runs, after one warm-up call."""
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000
