"""The report day: the day the lede's statement is made goes on to the article's later undated statements.

A news story names the day of its statement once, in the lede ("the court's chief judge said Thursday", "Fidan said
on Friday"), and then quotes people without a day ("said William McConico", "He said the office approved the
step"). Those statements are made on the report day, not on an older day the narrative named in between ("The
teen fell asleep in court Tuesday"): a thing said is the reporter's news, not a step of the story it tells, unless
it was said at that event (see ``NarrativeCarry._same_occasion``). Without such a lede statement the narrative carry
is left as it is: in many reports the undated quotes are of the story's day ("the effect hit home yesterday ...
analysts said").
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
    the last week up to publication ("said Thursday"), or None."""
    if dct is None:
        return None
    return next((m.time for m in mentions if m.trigger.kind == "verb" and is_statement(m, taxonomy)
                 and news_day_named(m.time, dct, publication_day=True)), None)
