"""Small pure helpers that shape frames and labels for the dashboard (kept here so they are tested)."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

#: Event columns shown in the dashboard table, in order.
TABLE_COLUMNS: tuple[str, ...] = (
    "date_start", "date_end", "date_text", "granularity", "date_source", "event_type", "summary", "actors",
    "location", "confidence", "title", "sentence", "event_id", "doc_id",
)


def event_table(frame: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The events as the dashboard table shows them: dates as dates, actors as one string, sorted by date.

    >>> from timeline.schema import events_frame
    >>> event_table(events_frame([{"event_id": "b", "date_start": "2024-02-01", "actors": ["X", "Y"]},
    ...                           {"event_id": "a", "date_start": "2024-01-01"}]))[["event_id", "actors"]].values.tolist()
    [['a', ''], ['b', 'X, Y']]
    """
    table = frame.sort_values(["date_start", "doc_id", "char_start"], na_position="last", kind="stable")
    if limit is not None:
        table = table.head(limit)
    table = table[list(TABLE_COLUMNS)].copy()
    table["actors"] = table["actors"].map(", ".join).astype("string")
    for column in ("date_start", "date_end"):
        table[column] = [value.date() if pd.notna(value) else None for value in table[column]]
    return table.reset_index(drop=True)


def actor_label(actor: str, actor_type: str, count: int) -> str:
    """How an actor is listed in the filter: name, type and number of events.

    >>> actor_label("North Korea", "country", 12)
    'North Korea · country · 12'
    >>> actor_label("(no actor)", "", 3)
    '(no actor) · 3'
    """
    return " · ".join(part for part in (actor, actor_type, str(count)) if part)


def date_bounds(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last calendar day covered by the dated events (None when no event is dated).

    >>> from timeline.schema import events_frame
    >>> date_bounds(events_frame([{"date_start": "2024-01-05", "date_end": "2024-03-31"}, {}]))
    (datetime.date(2024, 1, 5), datetime.date(2024, 3, 31))
    """
    starts = frame["date_start"].dropna()
    if starts.empty:
        return None
    ends = frame["date_end"].fillna(frame["date_start"]).dropna()
    return starts.min().date(), max(ends.max(), starts.max()).date()


#: Characters that Streamlit markdown would read as formatting, links, math ($) or HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~])")


def markdown_text(text: object) -> str:
    r"""Plain text made literal for Streamlit markdown (``st.caption``, ``st.subheader``): specials backslashed.

    >>> markdown_text("*Acme* paid $5 and $6 <b>")
    '\\*Acme\\* paid \\$5 and \\$6 \\<b\\>'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def alias_caption(actor: str, aliases: list[str]) -> str | None:
    """The markdown line saying under which other names an actor was found; None when it was only found under
    its own name (a line "X was found as: “X”" says nothing).

    >>> alias_caption("Trayvon Martin", ["Martin", "Trayvon Martin"])
    '**Trayvon Martin** was found as: “Martin”, “Trayvon Martin”'
    >>> alias_caption("NASA", ["NASA"]) is None
    True
    """
    if not [alias for alias in aliases if alias.casefold() != actor.casefold()]:
        return None
    return f"**{markdown_text(actor)}** was found as: " + ", ".join(f"“{markdown_text(alias)}”" for alias in aliases)
