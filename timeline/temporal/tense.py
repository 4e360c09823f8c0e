"""Cheap tense estimate around a time expression, from cue words near it (no parser)."""
from __future__ import annotations

import re

from timeline.temporal.rules import Resources

_WORD_RE = re.compile(r"[A-Za-z']+|[.!?;]")
_SENTENCE_END = frozenset({".", "!", "?", ";"})

def _cue_at(words: list[str], index: int, res: Resources, near: bool) -> str | None:
    """'future' / 'past' when a cue starts at words[index]; '-ed' verbs count only when ``near``."""
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


def estimate_tense(text: str, start: int, end: int, res: Resources) -> str | None:
    """'future', 'past' or None (no cue) for the expression at text[start:end]; the nearest cue wins.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "They will meet on Friday."
    >>> estimate_tense(s, s.index("Friday"), s.index("Friday") + 6, load_resources())
    'future'
    """
    before = [w.lower() for w in _WORD_RE.findall(text[max(0, start - 160):start])]
    after = [w.lower() for w in _WORD_RE.findall(text[end:end + 120])]
    for cut in range(len(before) - 1, -1, -1):
        if before[cut] in _SENTENCE_END:
            before = before[cut + 1:]
            break
    for cut, word in enumerate(after):
        if word in _SENTENCE_END:
            after = after[:cut]
            break
    before = before[-res.window_before:]
    after = after[:res.window_after]
    best: tuple[int, str] | None = None
    for i in range(len(before)):
        tense = _cue_at(before, i, res, len(before) - i <= 2)
        if tense == "past" and any(_cue_at(before, j, res, False) == "future" for j in range(max(0, i - 3), i)):
            tense = "future"  # "will be held", "would have met"
        if tense and (best is None or len(before) - i <= best[0]):
            best = (len(before) - i, tense)
    for i in range(len(after)):
        tense = _cue_at(after, i, res, i < 1)
        if tense and (best is None or i + 1 < best[0]):
            best = (i + 1, tense)
            break
    return best[1] if best else None
