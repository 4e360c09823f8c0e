"""Filtering the events frame: one frozen filter spec, vectorized selection, and the counts the sidebar shows.

Everything here is pure pandas, so the dashboard, the exports and the tests see exactly the same rows.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from timeline.bounds import is_dated, open_sides

#: Row label for events that name no actor (chart row, actor filter, counts).
NO_ACTOR = "(no actor)"
#: The dashboard's default confidence floor: it hides the rows the extractor keeps only for completeness
#: (undated states such as "is", "include"), which score below it by the formula in timeline/events/confidence.py.
DEFAULT_MIN_CONFIDENCE = 0.3
#: Longest actor (or type) name written whole in a filter description (chart titles); longer ones are cut.
DESCRIBED_NAME_CHARS = 40
#: Columns searched by the free-text query (besides the actor names).
SEARCHED_COLUMNS: tuple[str, ...] = ("summary", "sentence", "trigger", "date_text", "title", "location", "event_type")


@dataclass(frozen=True)
class EventFilter:
    """What the user asked to see; an empty tuple or None means "no constraint".

    ``actors`` keeps events naming at least one of them (:data:`NO_ACTOR` selects events with none).
    ``date_from``/``date_to`` keep dated events whose span ``date_start..date_end`` overlaps the range (an event
    known only by a bound, "before 1993", when its open interval does); undated events are kept only when
    ``include_undated`` is True.
    ``query`` keeps events whose text fields contain every whitespace-separated term (case-insensitive).
    ``min_confidence`` keeps events whose ``confidence`` is at least that (0 keeps all).

    >>> EventFilter().is_empty
    True
    >>> EventFilter(actors=("Russia",)).is_empty
    False
    """

    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    granularities: tuple[str, ...] = ()
    date_sources: tuple[str, ...] = ()
    query: str = ""
    doc_ids: tuple[str, ...] = ()
    include_undated: bool = True
    min_confidence: float = 0.0

    @property
    def is_empty(self) -> bool:
        """True when the filter keeps every event."""
        return self == EventFilter()

    def describe(self, limit: int = 110, titles: Mapping[str, str] | None = None) -> str:
        """A short human description of the active constraints (for chart titles), "" when there are none; one
        chosen article is named by its title from ``titles`` (doc_id -> title) when it has one.

        >>> EventFilter(actors=("Russia", "Ukraine"), date_from=dt.date(2024, 1, 1), query="grain").describe()
        "Russia, Ukraine · from 2024-01-01 · search 'grain'"
        >>> EventFilter(doc_ids=("d1",)).describe(titles={"d1": "Apple sues Cisco"}), EventFilter(doc_ids=("d1", "d2")).describe()
        ('“Apple sues Cisco”', '2 articles')
        >>> EventFilter(actors=("A" + "b" * 60, "C")).describe()
        'Abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…, C'
        """
        def short(name: str) -> str:  # one long name must not push the others out of a chart title
            return name if len(name) <= DESCRIBED_NAME_CHARS else name[: DESCRIBED_NAME_CHARS - 1] + "…"
        parts = [", ".join(map(short, values)) for values in (self.actors, self.event_types, self.granularities)
                 if values]
        if self.date_sources:
            parts.append("dates from " + ", ".join(self.date_sources))
        if self.date_from or self.date_to:
            parts.append(" ".join(f"{word} {day.isoformat()}" for word, day in
                                  (("from", self.date_from), ("to", self.date_to)) if day))
        if len(self.doc_ids) == 1 and (titles or {}).get(self.doc_ids[0]):
            parts.append(short(f"“{(titles or {})[self.doc_ids[0]]}”"))
        elif self.doc_ids:
            parts.append(f"{len(self.doc_ids)} article{'' if len(self.doc_ids) == 1 else 's'}")
        if self.min_confidence > 0:
            parts.append(f"confidence ≥ {self.min_confidence:.2f}")
        if self.query:
            parts.append(f"search {self.query!r}")
        text = " · ".join(parts)
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def unless_all(chosen: list[str] | tuple[str, ...], values: pd.Series) -> tuple[str, ...]:
    """The chosen values of a filter, or () when they are every value of the column ``values`` (the user clicked
    "Select all"): such a filter keeps every event, and chart titles and exports would list every type for it.

    >>> types = pd.Series(["attack", "meeting", "attack"])
    >>> unless_all(["meeting", "attack"], types), unless_all(["attack"], types)
    ((), ('attack',))
    >>> unless_all(["day"], pd.Series(["day", ""]))  # the events with no value would be dropped: still a filter
    ('day',)
    """
    present = {str(value) if pd.notna(value) else "" for value in values.unique()}
    return () if present <= set(chosen) else tuple(chosen)


def _event_has_actor(actors: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Boolean mask: the event's actor list shares a name with ``wanted`` (NO_ACTOR matches empty lists)."""
    exploded = actors.explode()
    hits = exploded.isin(list(wanted)).groupby(level=0).any()
    if NO_ACTOR in wanted:
        hits |= exploded.isna().groupby(level=0).any()
    return hits.reindex(actors.index, fill_value=False).astype(bool)


def _search_text(frame: pd.DataFrame) -> pd.Series:
    """One lower-cased haystack per event: the searched columns and the actor names."""
    haystack = frame["actors"].map(" ".join).astype("string")
    for column in SEARCHED_COLUMNS:
        haystack = haystack.str.cat(frame[column].fillna("").astype("string"), sep=" ")
    return haystack.str.lower()


def _date_mask(frame: pd.DataFrame, spec: EventFilter) -> pd.Series:
    """Dated events whose possible interval overlaps the range, plus undated ones when the spec includes them.

    An event known only by a bound may lie anywhere on its open side: "before 1993" overlaps every range that
    starts before 1993, "after 1948" every range that ends after it.
    """
    start, end = frame["date_start"], frame["date_end"]
    dated = is_dated(frame)
    keep = dated.copy()
    if spec.date_from is not None:
        keep &= (end >= np.datetime64(spec.date_from, "s")) | (end.isna() & start.notna())
    if spec.date_to is not None:
        keep &= (start < np.datetime64(spec.date_to + dt.timedelta(days=1), "s")) | (start.isna() & end.notna())
    return keep | (~dated & spec.include_undated)


def filter_events(frame: pd.DataFrame, spec: EventFilter) -> pd.DataFrame:
    """The rows of an events frame that pass the filter, in their original order.

    >>> from timeline.schema import events_frame
    >>> events = events_frame([
    ...     {"event_id": "a", "event_type": "attack", "actors": ["Russia"], "date_start": "2024-05-01",
    ...      "date_end": "2024-05-01", "granularity": "day", "summary": "Russia shelled Kharkiv"},
    ...     {"event_id": "b", "event_type": "meeting", "actors": [], "summary": "Talks in Geneva"}])
    >>> filter_events(events, EventFilter(actors=("Russia",)))["event_id"].tolist()
    ['a']
    >>> filter_events(events, EventFilter(query="geneva"))["event_id"].tolist()
    ['b']
    >>> filter_events(events, EventFilter(date_from=dt.date(2024, 6, 1), include_undated=False)).empty
    True
    >>> filter_events(events, EventFilter(min_confidence=0.5)).empty  # both rows have confidence 0
    True
    """
    if spec.is_empty or frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    if spec.actors:
        keep &= _event_has_actor(frame["actors"], spec.actors)
    for column, wanted in (("event_type", spec.event_types), ("granularity", spec.granularities),
                           ("date_source", spec.date_sources), ("doc_id", spec.doc_ids)):
        if wanted:
            keep &= frame[column].isin(list(wanted)).fillna(False).astype(bool)
    if spec.min_confidence > 0:
        keep &= (frame["confidence"] >= spec.min_confidence).fillna(False).astype(bool)
    if spec.date_from is not None or spec.date_to is not None or not spec.include_undated:
        keep &= _date_mask(frame, spec)
    terms = spec.query.lower().split()
    if terms:
        haystack = _search_text(frame[keep])
        found = pd.Series(True, index=haystack.index)
        for term in terms:
            found &= haystack.str.contains(term, regex=False).fillna(False).astype(bool)
        keep &= found.reindex(frame.index, fill_value=False)
    return frame[keep]


def actor_counts(events: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events per actor, most frequent first: columns ``actor``, ``type``, ``count``.

    ``type`` comes from the actors frame when given (the type most documents agree on), else "".
    Events without actors are counted under :data:`NO_ACTOR`.

    >>> from timeline.schema import events_frame, actors_frame
    >>> events = events_frame([{"actors": ["Russia", "Ukraine"]}, {"actors": ["Russia"]}, {"actors": []}])
    >>> kinds = actors_frame([{"doc_id": "d", "actor": "Russia", "actor_type": "country"}])
    >>> actor_counts(events, kinds).values.tolist()
    [['Russia', 'country', 2], ['(no actor)', '', 1], ['Ukraine', '', 1]]
    """
    names = events["actors"].map(lambda names: names or [NO_ACTOR]).explode()
    counts = names.value_counts().rename_axis("actor").reset_index(name="count")
    types: dict[str, str] = {}
    if actors is not None and not actors.empty:
        types = actors.groupby("actor")["actor_type"].agg(lambda kinds: kinds.mode().iat[0]).to_dict()
    counts["type"] = counts["actor"].map(types).fillna("").astype("string")
    counts["actor"] = counts["actor"].astype("string")
    counts["count"] = counts["count"].astype("int64")
    return counts.sort_values(["count", "actor"], ascending=[False, True], ignore_index=True)[
        ["actor", "type", "count"]]


def actor_options(events: pd.DataFrame, actors: pd.DataFrame | None, spec: EventFilter,
                  selected: tuple[str, ...] = ()) -> pd.DataFrame:
    """The actor filter's options: :func:`actor_counts` of the events that pass every other constraint of
    ``spec`` (so each count is what choosing that actor shows), plus the ``selected`` actors that the input
    names but the other filters now leave without events (count 0, listed last, so a choice is never dropped).

    >>> from timeline.schema import events_frame
    >>> events = events_frame([{"actors": ["Russia"], "confidence": 0.9}, {"actors": ["Russia"], "confidence": 0.1},
    ...                        {"actors": ["Chad"], "confidence": 0.1}, {"actors": [], "confidence": 0.1}])
    >>> floor = EventFilter(min_confidence=0.3)
    >>> actor_options(events, None, floor).values.tolist()
    [['Russia', '', 1]]
    >>> actor_options(events, None, floor, selected=("Chad", NO_ACTOR, "Gone")).values.tolist()
    [['Russia', '', 1], ['(no actor)', '', 0], ['Chad', '', 0]]
    """
    counts = actor_counts(filter_events(events, replace(spec, actors=())), actors)
    missing = set(selected) - set(counts["actor"])
    if not missing:
        return counts
    extra = actor_counts(events, actors)
    extra = extra[extra["actor"].isin(missing)].assign(count=0)
    return pd.concat([counts, extra], ignore_index=True).astype(counts.dtypes.to_dict())


def actor_aliases(actors: pd.DataFrame, actor: str) -> list[str]:
    """The surface forms an actor was found under, over all documents, sorted.

    >>> from timeline.schema import actors_frame
    >>> frame = actors_frame([{"doc_id": "a", "actor": "North Korea", "aliases": ["Pyongyang", "the North"]},
    ...                       {"doc_id": "b", "actor": "North Korea", "aliases": ["DPRK", "Pyongyang"]}])
    >>> actor_aliases(frame, "North Korea")
    ['DPRK', 'Pyongyang', 'the North']
    """
    rows = actors.loc[actors["actor"] == actor, "aliases"]
    return sorted({alias for aliases in rows for alias in aliases}, key=str.casefold)


def event_counts(events: pd.DataFrame) -> dict[str, int]:
    """Headline numbers for a (filtered) frame: events, dated (with a date or only a bound), of them open-ended
    (only a bound: "before 1993"), undated, documents, actors.

    >>> from timeline.schema import events_frame
    >>> event_counts(events_frame([{"doc_id": "d", "actors": ["X"], "date_start": "2024-01-01",
    ...     "date_end": "2024-01-01"}, {"doc_id": "d"}, {"doc_id": "d", "date_end": "1993-01-01"}]))
    {'events': 3, 'dated': 2, 'open_ended': 1, 'undated': 1, 'documents': 1, 'actors': 1}
    """
    dated = int(is_dated(events).sum())
    return {
        "events": len(events),
        "dated": dated,
        "open_ended": int((open_sides(events) != "").sum()),
        "undated": len(events) - dated,
        "documents": int(events["doc_id"].nunique()),
        "actors": int(events["actors"].explode().dropna().nunique()),
    }
