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
    """The events as the dashboard table shows them: dates as dates, actors as one string, sorted by date (an event
    known only by its end, "before 1993", at that end).

    >>> from timeline.schema import events_frame
    >>> event_table(events_frame([{"event_id": "b", "date_start": "2024-02-01", "actors": ["X", "Y"]},
    ...                           {"event_id": "a", "date_start": "2024-01-01"}]))[["event_id", "actors"]].values.tolist()
    [['a', ''], ['b', 'X, Y']]
    """
    order = frame.assign(_day=frame["date_start"].fillna(frame["date_end"]))  # "before 1993" sorts at 1993
    table = frame.loc[order.sort_values(["_day", "doc_id", "char_start"], na_position="last", kind="stable").index]
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
    """First and last calendar day covered by the dated events (None when no event is dated); an event known only
    by a bound ("before 1993") counts at its bound day.

    >>> from timeline.schema import events_frame
    >>> date_bounds(events_frame([{"date_start": "2024-01-05", "date_end": "2024-03-31"}, {}]))
    (datetime.date(2024, 1, 5), datetime.date(2024, 3, 31))
    >>> date_bounds(events_frame([{"date_start": "2024-01-05", "date_end": "2024-03-31"}, {"date_end": "1993-01-01"}]))
    (datetime.date(1993, 1, 1), datetime.date(2024, 3, 31))
    """
    starts = frame["date_start"].fillna(frame["date_end"]).dropna()
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


def evidence_caption(event: pd.DataFrame) -> str:
    """The line under an evidence heading for a one-row events frame: the calendar date the event is placed at
    (what a reader checks first: "this evening" alone does not say which evening), the words, how precise and
    where the date came from, the article.

    >>> from timeline.schema import events_frame
    >>> evidence_caption(events_frame([{"date_start": "1998-01-20", "date_end": "1998-01-20", "granularity": "time",
    ...     "date_text": "this evening", "date_source": "text", "doc_id": "d1"}]))
    '1998-01-20 · “this evening” · time · date from text · d1'
    >>> evidence_caption(events_frame([{"date_end": "2024-05-07", "modifier": "BEFORE", "granularity": "day",
    ...     "date_source": "inferred", "title": "Acme buys Widget"}]))
    'before 8 May 2024 · day · date from inferred · Acme buys Widget'
    """
    from timeline.charts import date_labels

    row = event.iloc[0]
    when = date_labels(event.iloc[:1])[0]  # an open start or end says its bound: "before 8 May 2024"
    parts = [when or "undated", f"“{row['date_text']}”" if row["date_text"] else "", str(row["granularity"] or ""),
             f"date from {row['date_source']}", str(row["title"] or row["doc_id"])]
    return " · ".join(part for part in parts if part)


#: Longest article title written whole in the article filter's options.
ARTICLE_LABEL_CHARS = 70


def article_labels(events: pd.DataFrame) -> dict[str, str]:
    """The article filter's option text per doc_id: the article's title with its id ("AP900815-0044" or
    "000_49f8cb2e46737b4f" alone does not tell a reader which story it is); the id alone when there is no title.

    >>> from timeline.schema import events_frame
    >>> article_labels(events_frame([{"doc_id": "d1", "title": "Apple unveils iPhone 4"}, {"doc_id": "d2"}]))
    {'d1': 'Apple unveils iPhone 4 (d1)', 'd2': 'd2'}
    """
    labels: dict[str, str] = {}
    for doc_id, title in events[["doc_id", "title"]].drop_duplicates("doc_id").itertuples(index=False):
        text = " ".join(str(title or "").split())
        if len(text) > ARTICLE_LABEL_CHARS:
            text = text[: ARTICLE_LABEL_CHARS - 1].rstrip() + "…"
        labels[str(doc_id)] = f"{text} ({doc_id})" if text and text != doc_id else str(doc_id)
    return labels
