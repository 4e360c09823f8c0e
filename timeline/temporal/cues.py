"""Tense cue words: the one test of whether a word (or a phrase starting at it) is a future or past cue of
``tense.yaml``, shared by the tense estimate and the scheduled-present check."""
from __future__ import annotations

from timeline.temporal.rules import Resources


def cue_at(words: list[str], index: int, res: Resources, near: bool) -> str | None:
    """'future' / 'past' when a cue starts at words[index]; '-ed' verbs count only when ``near``.

    >>> from timeline.temporal.rules import load_resources
    >>> cue_at(["prices", "fell"], 1, load_resources(), False), cue_at(["it", "jumped"], 1, load_resources(), True)
    ('past', 'past')
    >>> cue_at(["it", "jumped"], 1, load_resources(), False) is None
    True
    """
    word = words[index]
    if causal_at(words, index, res):
        return None
    if duration_verb_at(words, index, res):
        return None
    if word in res.possession_pasts and index > 0 and (words[index - 1] in res.present_have
                                                        or words[index - 1].endswith(res.present_have)
                                                        and "'" in words[index - 1]):
        return "future"  # "we've got a caucus on Saturday": a present "have got" holds a coming event, no past
    if word == "last" and words[index + 1:index + 2] and words[index + 1] in res.final_item_nouns:
        return None  # "with last seating at 9 p.m.": the final one of a series, no past
    if word.endswith(res.future_suffixes):
        return "future"  # "we'll know more on Tuesday": the modal written onto its subject
    if word in res.object_plan_nouns and object_plan_noun(words, index, res):
        return None  # "The union rejected the plan on Monday": the object of a past verb, no plan ahead
    for tense, singles, phrases in res.cue_sets:
        if word in singles:
            return tense
        for phrase in phrases:
            if phrase[0] == word and tuple(words[index:index + len(phrase)]) == phrase:
                return tense
    if near and regular_past(word, res):
        return "past"
    return None


def regular_past(word: str, res: Resources) -> bool:
    """True when ``word`` reads as a regular past verb: longer than four letters ("need", "shed" are not),
    ending in "-ed" and not one of ``not_past`` ("indeed", "scheduled").

    >>> from timeline.temporal.rules import load_resources
    >>> regular_past("announced", load_resources()), regular_past("indeed", load_resources())
    (True, False)
    """
    return len(word) > 4 and word.endswith("ed") and word not in res.not_past


def duration_verb_at(words: list[str], index: int, res: Resources) -> bool:
    """True when words[index] is the verb "last" of a lasting ("will last", "and last until Saturday"), no past cue.

    >>> from timeline.temporal.rules import load_resources
    >>> duration_verb_at(["and", "last", "until", "7"], 1, load_resources())
    True
    >>> duration_verb_at(["and", "last", "week"], 1, load_resources())
    False
    """
    if words[index] not in res.duration_verb_heads:
        return False
    return (index > 0 and words[index - 1] in res.duration_verb_before
            or words[index + 1:index + 2] != [] and words[index + 1] in res.duration_verb_after)


def causal_at(words: list[str], index: int, res: Resources) -> bool:
    """True when words[index] opens a cause ("due to"), not a plan: no form of "be" one or two words before it
    ("died on January 10 due to meningitis" is no future; "the talks are due to resume" and "was originally due
    to open" are plans).

    >>> from timeline.temporal.rules import load_resources
    >>> causal_at(["died", "due", "to", "meningitis"], 1, load_resources())
    True
    >>> causal_at(["talks", "are", "due", "to", "resume"], 2, load_resources())
    False
    >>> causal_at(["rise", "was", "due", "to", "the", "weather"], 2, load_resources())
    True
    """
    if words[index] not in res.causal_heads or words[index + 1:index + 2] != ["to"]:
        return False
    if index + 2 < len(words) and _opens_cause(words[index + 2], res):
        return True
    return not any(word in res.plan_be_words or word.endswith("'s") for word in words[max(0, index - 2):index])


def _opens_cause(word: str, res: Resources) -> bool:
    """True when ``word`` after "due to" opens a noun phrase (``cause_openers``, a digit, a long -ed/-ing word)."""
    if word in res.cause_openers or word[:1].isdigit():
        return True
    return len(word) > 5 and word.endswith(("ed", "ing"))


def object_plan_noun(words: list[str], index: int, res: Resources) -> bool:
    """True when the cue noun at words[index] (``object_plan_nouns``) is the object of an earlier past verb: a
    determiner or possessive one or two words before it, a past cue before that, and no word of
    ``object_plan_openers`` ("to", "for") after it.

    >>> from timeline.temporal.rules import load_resources
    >>> object_plan_noun(["the", "union", "rejected", "the", "plan", "on"], 4, load_resources())
    True
    >>> object_plan_noun(["the", "firm", "announced", "plans", "to", "close"], 3, load_resources())
    False
    >>> object_plan_noun(["the", "company", "plans", "a", "sale"], 2, load_resources())
    False
    >>> object_plan_noun(["the", "firm", "said", "its", "plans", "for"], 4, load_resources())
    False
    """
    if index + 1 < len(words) and words[index + 1] in res.object_plan_openers:
        return False
    near = words[max(0, index - 2):index]
    hits = [j for j, word in enumerate(near, max(0, index - 2))
            if word in res.present_determiners or word.endswith("'s")]
    if not hits:
        return False
    return any(cue_at(words, k, res, True) == "past" for k in range(hits[0]))
