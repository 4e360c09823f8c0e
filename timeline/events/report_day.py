"""The report day: the day the lede's statement is made goes on to the article's later undated statements.

A news story names the day of its statement once, in the lede ("the court's chief judge said Thursday", "Fidan said
on Friday"), and then quotes people without a day ("said William McConico", "He said the office approved the
step"). Those statements are made on the report day, not on an older day the narrative named in between ("The
teen fell asleep in court Tuesday"): a thing said is the reporter's news, not a step of the story it tells. Without
such a lede statement the report day is the lede's news day ("London shares closed lower Friday ... Dealers said");
without that, they are of the publication day (their fallback), never an older day carried on to them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from timeline.events.links import Mention
from timeline.events.narrative import STATEMENT_TYPES
from timeline.events.taxonomy import EventTaxonomy
from timeline.events.timing import EventTime, news_day_named


def is_statement(mention: Mention, taxonomy: EventTaxonomy) -> bool:
    """A thing said: an event of a statement type or a reporting verb ("said", "told")."""
    return mention.trigger.event_type in STATEMENT_TYPES or mention.trigger.lemma in taxonomy.reporting_verbs


def report_day(mentions: Sequence[Mention], dct: dt.date | None, taxonomy: EventTaxonomy) -> EventTime | None:
    """The day of the first statement of the headline and lede (``mentions``) that the text dates to one day of
    the last week up to publication ("said Thursday"); without one, the news day of the lede's first event so
    dated ("London share prices closed sharply lower Friday ... Dealers said"); else None."""
    if dct is None:
        return None
    dated = [m for m in mentions if news_day_named(m.time, dct, publication_day=True)]
    return next((m.time for m in dated if m.trigger.kind == "verb" and is_statement(m, taxonomy)),
                dated[0].time if dated else None)
