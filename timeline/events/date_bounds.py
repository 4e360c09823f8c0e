"""The bound the words before a date put on an event tied to it, as (TIMEX3 modifier, date left out).

A preposition: "before 2019" (BEFORE, 2019 left out), "until 1974" (BEFORE, 1974 kept), "since 2004" (AFTER,
kept), "after 1948" (AFTER, left out), "rallied 42 percent from Nov. 14" (AFTER, left out: a change from that
day's level), "departing each Thursday from August 6" (AFTER, kept). A comparative with "than": "earlier than Friday" (BEFORE, left out),
"later than March 2" (AFTER, left out); negated, the other side with the date kept: "no later than Dec. 14"
(BEFORE, kept), "no earlier than March 21" (AFTER, kept). The stored days follow from these in
``timeline.events.timing.from_timex``.
"""
from __future__ import annotations

from spacy.tokens import Token

from timeline.events.timing import prep_modifier
from timeline.function_words import word_map, word_set

_OTHER_SIDE = {"BEFORE": "AFTER", "AFTER": "BEFORE"}


def date_bound(timex_token: Token, prep: str, granularity: str, measured: bool = False) -> tuple[str, bool]:
    """The modifier and whether the date itself is left out, for a date reached through ``prep`` (``measured``:
    the event is a change by an amount, counted "from" a day's level after that day).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Media must apply no later than Dec. 14 and must leave before 2019.")
    >>> date_bound(doc[6], "than", "day"), date_bound(doc[12], "before", "year")
    (('BEFORE', False), ('BEFORE', True))
    """
    head = timex_token.head
    is_object = timex_token.dep_ == "pobj" and head.lower_ == prep.lower()  # "before 2019", not "after the 1987
    # crash" (the date of the reference event) nor "before Friday's vote"
    if is_object and prep.lower() in word_set("comparison_preps"):
        side = word_map("comparative_bounds").get(head.head.lower_, "")
        if side and any(child.dep_ == "neg" for child in head.head.children):
            return _OTHER_SIDE[side], False  # "no later than Dec. 14": on or before it
        return side, bool(side)
    own_object = timex_token.dep_ != "poss" and head.dep_ != "poss"  # not "from Thursday's vote"
    modifier = prep_modifier(prep, granularity if own_object else "")
    counted = measured and prep.lower() in word_set("day_start_preps")  # "rallied 42 percent from Nov. 14"
    return modifier, bool(modifier) and is_object and (counted or prep.lower() in word_set("exclusive_bound_preps"))
