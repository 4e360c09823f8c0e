"""The summary of a row that merges several mentions of one event: the most informative one.

A title often says the event with its object ("WTO rules against Boeing") and the lede with a clause ("ruled that
Boeing benefited ..."), or the other way round; the row keeps the summary of its best mention unless that one is
only "<subject> <verb>" and another mention of the same kind and the same word tells what was done to whom.
"""
from __future__ import annotations

from collections.abc import Sequence

from timeline.events.links import Mention
from timeline.events.summary import summarize, third_person


def bare(summary: str, lemma: str) -> bool:
    """Whether a summary ends on its verb: it names who acted and nothing of what was done.

    >>> bare("World Trade Organization rules", "rule"), bare("WTO rules against Boeing", "rule")
    (True, False)
    """
    words = summary.lower().split()
    return not words or words[-1] in (lemma, third_person(lemma))


def row_summary(best: Mention, group: Sequence[Mention], location: str) -> str:
    """The summary of ``best`` (the row's mention), else, for a verb, the first one of the group that is no bare
    subject and verb, from a verb of the same word and agent that goes on from the same words ("World Trade
    Organization rules" / "World Trade Organization rules Boeing received ..."; not "Earthquake strikes" / "Town
    struck"). Not for nouns: merged nouns of one word are too often other figures ("a $50.9 million loss" / "a
    net loss of $46.9 million")."""
    own = summarize(best.trigger, best.participants, location)
    if best.trigger.kind != "verb":
        return own
    said = summarize(best.trigger, best.participants, "")
    if not bare(said, best.trigger.lemma):
        return own
    said = said.lower()
    for member in group:
        if member is best or member.trigger.kind != best.trigger.kind or member.trigger.lemma != best.trigger.lemma \
                or bool(member.participants.agent) != bool(best.participants.agent):
            continue
        told = summarize(member.trigger, member.participants, "")
        if not bare(told, member.trigger.lemma) and told.lower().startswith(said + " "):
            return summarize(member.trigger, member.participants, location)  # the same words, and what was done
    return own
