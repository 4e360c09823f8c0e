"""Confidence of an event row, 0..1: how it is dated x how sure the trigger is x participants found.

    confidence = time_score[strength of the date evidence] * trigger_score * participant_score

time_score: own text date in the same clause 0.95, date of the governing clause 0.85, relation to
another event or a duration 0.70, narrative carry-over 0.60, publication date 0.50, no date 0.30.
trigger_score: a taxonomy verb 1.0, a taxonomy event noun 0.9, any other action verb 0.7, a state or
auxiliary-like verb ("is", "had", "include"; kept when dated or reported in a main clause), a habit,
hypothesis or quote ("processes data", "if it fails", "we regain") 0.30: below the 0.3 default floor even
when the text dates it ("It was the deadliest quake since 1956", "Two members had big announcements today":
the event, if any, is a row of its own). States that are news take a type instead ("will be available on
June 17" -> launch/release, "Stocks were down" -> result).
participant_score: 1.0 with at least one canonical actor, else 0.85.
A negated event ("the names were not disclosed") gets 0.3 of that: never above the 0.3 default floor.
"""
from __future__ import annotations

from timeline.events.timing import CARRIED, GOVERNING, NOTHING, OWN, PUBLICATION, RELATION

#: Trigger score of states, habits, hypotheses and quotes: even their own date keeps them below 0.3.
STATE_SCORE = 0.30
TIME_SCORE: dict[int, float] = {OWN: 0.95, GOVERNING: 0.85, RELATION: 0.70, CARRIED: 0.60, PUBLICATION: 0.50,
                                NOTHING: 0.30}


def confidence(strength: int, kind: str, typed: bool, has_actors: bool, state: bool = False,
               negated: bool = False) -> float:
    """Confidence of one event row.

    >>> confidence(OWN, "verb", True, True)
    0.95
    >>> confidence(NOTHING, "verb", False, False)
    0.18
    >>> confidence(OWN, "verb", True, True, negated=True)
    0.28
    >>> confidence(CARRIED, "verb", False, True, state=True)  # "North Korea remains ...", carried: hidden
    0.18
    >>> confidence(OWN, "verb", False, True, state=True)  # "It was the deadliest quake since 1956": hidden
    0.28
    """
    trigger_score = STATE_SCORE if state else 0.7 if not typed else 0.9 if kind == "noun" else 1.0
    participant_score = 1.0 if has_actors else 0.85
    negation_score = 0.3 if negated else 1.0
    return round(TIME_SCORE.get(strength, 0.3) * trigger_score * participant_score * negation_score, 2)
