"""Lanes inside a timeline row: events of one row whose date spans overlap are drawn side by side.

Greedy interval partitioning (the classic earliest-start-first colouring): each event goes to the first lane of
its row that is free at its start. The number of lanes of a row is capped; beyond the cap events share lanes
again (round robin), so a row with hundreds of same-day events stays a readable height.
"""
from __future__ import annotations

from typing import Any

import numpy as np

#: At most this many lanes per row.
MAX_LANES = 5


def assign_lanes(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, max_lanes: int = MAX_LANES) -> np.ndarray:
    """The lane (0, 1, ...) of each event; events overlap when ``start < other end`` (ends are exclusive).

    >>> day = np.timedelta64(1, "D")
    >>> starts = np.array(["2024-01-01", "2024-01-01", "2024-01-02", "2024-01-01"], dtype="datetime64[D]")
    >>> assign_lanes(np.array(["A", "A", "A", "B"]), starts, starts + day).tolist()
    [0, 1, 0, 0]
    >>> assign_lanes(np.array(["A"] * 4), starts[[0, 0, 0, 0]], starts[[0, 0, 0, 0]] + day, max_lanes=2).tolist()
    [0, 1, 0, 1]
    """
    lanes = np.zeros(len(rows), dtype=np.int64)
    if len(rows) == 0:
        return lanes
    order = np.lexsort((ends, starts, rows))
    # the loop reads plain Python values (numpy scalars cost microseconds per comparison)
    row_values, start_values, end_values = rows.tolist(), _comparable(starts), _comparable(ends)
    current_row: object = None
    lane_ends: list[Any] = []
    overflow = 0
    for index in order.tolist():
        row, start, end = row_values[index], start_values[index], end_values[index]
        if row != current_row:
            current_row, lane_ends, overflow = row, [], 0
        free = next((lane for lane, lane_end in enumerate(lane_ends) if lane_end <= start), None)
        if free is None and len(lane_ends) < max_lanes:
            free = len(lane_ends)
            lane_ends.append(end)
        elif free is None:
            free = overflow % max_lanes
            overflow += 1
            lane_ends[free] = max(lane_ends[free], end)
        else:
            lane_ends[free] = end
        lanes[index] = free
    return lanes


def _comparable(values: np.ndarray) -> list[Any]:
    """Dates as integers of one unit (nanoseconds), other values as Python values, in order.

    >>> _comparable(np.array(["2024-01-02"], dtype="datetime64[D]")) == _comparable(
    ...     np.array(["2024-01-02T00:00"], dtype="datetime64[m]"))
    True
    """
    if np.issubdtype(values.dtype, np.datetime64):
        if np.isnat(values).any():
            return list(values)  # NaT compares false with everything, as numpy scalars
        return values.astype("datetime64[ns]").astype(np.int64).tolist()
    return values.tolist()


def lane_offsets(rows: np.ndarray, lanes: np.ndarray, row_count: int, lane_gap: float = 0.5) -> tuple[
        np.ndarray, np.ndarray, float]:
    """(y of each event, y of each row's centre, total height in row units) for rows ``0 .. row_count - 1``
    stacked top to bottom.

    A row with ``n`` lanes is ``1 + lane_gap * (n - 1)`` units tall; its lanes are ``lane_gap`` apart around
    the row's centre.

    >>> ys, centres, height = lane_offsets(np.array([0, 0, 1]), np.array([0, 1, 0]), 2)
    >>> ys.tolist(), centres.tolist(), height
    ([0.5, 1.0, 2.0], [0.75, 2.0], 2.5)
    """
    counts = np.ones(row_count, dtype=np.int64)
    if len(rows):
        np.maximum.at(counts, rows, lanes + 1)
    sizes = 1 + lane_gap * (counts - 1)
    centres = np.cumsum(sizes) - sizes / 2
    ys = centres[rows] + lane_gap * (lanes - (counts[rows] - 1) / 2) if len(rows) else np.zeros(0)
    return ys, centres, float(sizes.sum())
