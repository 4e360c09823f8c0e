"""Dashboard speed check: filter and redraw a large synthetic events frame (used by ``python -m timeline bench``)."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from timeline.charts import timeline_figure
from timeline.filters import EventFilter, actor_counts, filter_events
from timeline.schema import events_frame

_GRANULARITIES = ("day", "day", "day", "week", "month", "year")
_SOURCES = ("text", "dct", "inferred")


def synthetic_events(n: int = 10_000, seed: int = 0, actors: int = 40, event_types: int = 8,
                     open_ended: bool = True) -> pd.DataFrame:
    """A typed events frame of ``n`` made-up events over 2015-2025 (for speed tests, not for accuracy); about 5%
    are undated and, when ``open_ended``, 12% known only by a bound.

    >>> frame = synthetic_events(50)
    >>> len(frame), frame["event_id"].is_unique
    (50, True)
    """
    rng = np.random.default_rng(seed)
    names = [f"Actor {index:02d}" for index in range(actors)]
    kinds = [f"type_{index}" for index in range(event_types)]
    first = dt.date(2015, 1, 1)
    rows = []
    for index in range(n):
        start = first + dt.timedelta(days=int(rng.integers(0, 3650)))
        granularity = _GRANULARITIES[int(rng.integers(0, len(_GRANULARITIES)))]
        length = {"day": 0, "week": 6, "month": 29, "year": 364}[granularity]
        cast = [names[int(i)] for i in rng.choice(actors, size=int(rng.integers(0, 3)), replace=False)]
        undated = rng.random() < 0.05
        # one in 16 known only by its end ("before ..."), one in 16 only by its start ("after ..."): about the
        # share of real news rows (508 of 7,977); taken from the index so the random draws stay the same
        side = {3: "BEFORE", 11: "AFTER"}.get(index % 16, "") if open_ended and not undated else ""
        rows.append({
            "event_id": f"e{index}", "doc_id": f"doc{index % 200}", "title": f"Article {index % 200}",
            "event_type": kinds[int(rng.integers(0, event_types))],
            "summary": f"{' and '.join(cast) or 'Someone'} did thing {index}", "trigger": "did",
            "sentence": f"Sentence {index} says that {' and '.join(cast) or 'someone'} did something.",
            "date_text": "" if undated else start.isoformat(),
            "date_start": None if undated or side == "BEFORE" else start,
            "date_end": None if undated or side == "AFTER" else start + dt.timedelta(days=length),
            "modifier": side,
            "granularity": "unknown" if undated else granularity,
            "date_source": "none" if undated else _SOURCES[int(rng.integers(0, len(_SOURCES)))],
            "actors": cast, "confidence": float(rng.random()),
        })
    return events_frame(rows)


def time_filter_and_redraw(n: int = 10_000, repeats: int = 3) -> dict[str, int | float]:
    """Seconds (best of ``repeats``) to filter a synthetic ``n``-event frame and build its figure.

    Returns ``events`` (count), ``filter_s`` (actor + type + date + text filter), ``counts_s`` (actor counts),
    ``figure_all_s`` (figure of the whole frame), ``figure_filtered_s`` and ``filtered_events``.
    """
    frame = synthetic_events(n)
    spec = EventFilter(actors=("Actor 01", "Actor 02", "Actor 03"), event_types=("type_1", "type_2", "type_3"),
                       date_from=dt.date(2017, 1, 1), date_to=dt.date(2022, 12, 31), query="did")

    def best(action: Callable[[], object]) -> float:
        timings = []
        for _ in range(repeats):
            began = time.perf_counter()
            action()
            timings.append(time.perf_counter() - began)
        return round(min(timings), 4)

    filtered = filter_events(frame, spec)
    return {
        "events": n,
        "filtered_events": len(filtered),
        "filter_s": best(lambda: filter_events(frame, spec)),
        "counts_s": best(lambda: actor_counts(frame)),
        "figure_all_s": best(lambda: timeline_figure(frame).to_json()),
        "figure_filtered_s": best(lambda: timeline_figure(filtered).to_json()),
    }


if __name__ == "__main__":
    print(time_filter_and_redraw())
