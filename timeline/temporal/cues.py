"""Tense cue words: the one test of whether a word (or a phrase starting at it) is a future or past cue of
``tense.yaml``, shared by the tense estimate and the scheduled-present check."""
from __future__ import annotations

from timeline.function_words import word_set
from timeline.temporal.rules import Resources


def causal_due(words: list[str], index: int) -> bool:
    """True when words[index] is the "due" of a causal "due to" ("barred from returning home on Monday due to
    deadly gases", "delayed due to rain"): no form of "be" (``scheduled_due_before``) stands one or two words
    before it, as in a schedule's "is due to open", "were not due to vote".

    >>> causal_due(["barred", "on", "monday", "due", "to", "deadly", "gases"], 3)
    True
    >>> causal_due(["the", "plant", "is", "due", "to", "open"], 3), causal_due(["the", "bill", "due"], 2)
    (False, False)
    """
    if words[index] != "due" or words[index + 1:index + 2] != ["to"]:
        return False
    return not any(word in word_set("scheduled_due_before") for word in words[max(0, index - 2):index])


def cue_at(words: list[str], index: int, res: Resources, near: bool) -> str | None:
    """'future' / 'past' when a cue starts at words[index]; '-ed' verbs count only when ``near``.

    >>> from timeline.temporal.rules import load_resources
    >>> cue_at(["prices", "fell"], 1, load_resources(), False), cue_at(["it", "jumped"], 1, load_resources(), True)
    ('past', 'past')
    >>> cue_at(["it", "jumped"], 1, load_resources(), False) is None
    True
    """
    word = words[index]
    if causal_due(words, index):
        return None
    for tense, singles, phrases in res.cue_sets:
        if word in singles:
            return tense
        for phrase in phrases:
            if phrase[0] == word and tuple(words[index:index + len(phrase)]) == phrase:
                return tense
    if near and len(word) > 4 and word.endswith("ed") and word not in res.not_past:
        return "past"
    return None
