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
    for tense, singles, phrases in res.cue_sets:
        if word in singles:
            return tense
        for phrase in phrases:
            if phrase[0] == word and tuple(words[index:index + len(phrase)]) == phrase:
                return tense
    if near and len(word) > 4 and word.endswith("ed") and word not in res.not_past:
        return "past"
    return None
