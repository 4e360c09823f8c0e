"""The events frame and the actors frame: column names, dtypes and constructors.

This module is the single owner of the frames' shape; every other module asks it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

#: Event frame columns in order, with their pandas dtypes.
EVENT_DTYPES: dict[str, str] = {
    "event_id": "string",
    "doc_id": "string",
    "title": "string",
    "event_type": "string",
    "summary": "string",
    "trigger": "string",
    "char_start": "int64",
    "char_end": "int64",
    "sentence": "string",
    "sentence_index": "int64",
    "date_text": "string",
    "date_value": "string",
    "date_start": "datetime64[s]",
    "date_end": "datetime64[s]",
    "granularity": "string",
    "modifier": "string",
    "date_source": "string",
    "actors": "object",  # list[str] of canonical actor names
    "location": "string",
    "confidence": "float64",
}
EVENT_COLUMNS: tuple[str, ...] = tuple(EVENT_DTYPES)

#: Actor frame: one row per canonical actor per document.
ACTOR_DTYPES: dict[str, str] = {
    "doc_id": "string",
    "actor": "string",
    "actor_type": "string",
    "aliases": "object",  # list[str]: the surface forms it was found under
    "mentions": "int64",
}
ACTOR_COLUMNS: tuple[str, ...] = tuple(ACTOR_DTYPES)

#: Allowed values of the categorical columns.
DATE_SOURCES: tuple[str, ...] = ("text", "dct", "inferred", "none")
MODIFIERS: tuple[str, ...] = ("", "START", "MID", "END", "APPROX", "BEFORE", "AFTER")
ACTOR_TYPES: tuple[str, ...] = (
    "country", "organisation", "company", "person", "armed unit", "media", "product", "group", "place",
)

_STRING_DEFAULTS: dict[str, Any] = {"title": "", "date_text": "", "date_value": "", "modifier": "",
                                    "location": "", "granularity": "unknown", "date_source": "none"}


def _to_datetime64(value: Any) -> np.datetime64:
    """A date-like value as numpy seconds (NaT when it is missing or unreadable); keeps any year."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return np.datetime64("NaT", "s")
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    try:
        return np.datetime64(value if not isinstance(value, str) else value.strip(), "s")
    except ValueError:
        return np.datetime64("NaT", "s")


def _typed(rows: Iterable[Mapping[str, Any]], dtypes: Mapping[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=list(dtypes))
    for column, dtype in dtypes.items():
        if dtype == "object":
            frame[column] = [list(v) if isinstance(v, (list, tuple)) else [] for v in frame[column]]
            frame[column] = frame[column].astype("object")
        elif dtype.startswith("datetime64"):
            frame[column] = pd.Series([_to_datetime64(v) for v in frame[column]], index=frame.index, dtype=dtype)
        elif dtype == "string":
            frame[column] = frame[column].fillna(_STRING_DEFAULTS.get(column, "")).astype("string")
        else:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").fillna(0).astype(dtype)
    return frame


def events_frame(rows: Iterable[Mapping[str, Any]] = ()) -> pd.DataFrame:
    """Build a typed events frame from row mappings (missing keys get neutral values).

    >>> events_frame().columns[:3].tolist()
    ['event_id', 'doc_id', 'title']
    >>> len(events_frame())
    0
    """
    return _typed(rows, EVENT_DTYPES)


def actors_frame(rows: Iterable[Mapping[str, Any]] = ()) -> pd.DataFrame:
    """Build a typed actors frame from row mappings.

    >>> actors_frame([{"doc_id": "d", "actor": "Russia", "actor_type": "country"}]).loc[0, "mentions"].item()
    0
    """
    return _typed(rows, ACTOR_DTYPES)


def check_events_frame(frame: pd.DataFrame) -> list[str]:
    """Problems with an events frame's shape and values (empty list when it conforms).

    >>> check_events_frame(events_frame())
    []
    """
    problems: list[str] = []
    if tuple(frame.columns) != EVENT_COLUMNS:
        problems.append(f"columns {list(frame.columns)} != {list(EVENT_COLUMNS)}")
        return problems
    for column, dtype in EVENT_DTYPES.items():
        if str(frame[column].dtype) != dtype:
            problems.append(f"{column}: dtype {frame[column].dtype} != {dtype}")
    bad_sources = set(frame["date_source"].dropna()) - set(DATE_SOURCES)
    if bad_sources:
        problems.append(f"unknown date_source values {sorted(bad_sources)}")
    bad_mods = set(frame["modifier"].dropna()) - set(MODIFIERS)
    if bad_mods:
        problems.append(f"unknown modifier values {sorted(bad_mods)}")
    inverted = frame["date_start"].notna() & frame["date_end"].notna() & (frame["date_start"] > frame["date_end"])
    if inverted.any():
        problems.append(f"{int(inverted.sum())} rows with date_start > date_end")
    return problems
