"""The tagger's timexes of one document, addressable by token (what the time-finding steps of
``timeline.events.governing_time`` look words up in).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from timeline.temporal.timex import Timex


class TimexIndex:
    """The tagger's timexes of one document, addressable by token."""

    def __init__(self, doc: Doc, timexes: Sequence[Timex]) -> None:
        self.timexes = list(timexes)
        self._by_token: dict[int, int] = {}
        if not self.timexes:
            return
        by_token: dict[int, int] = {}
        spans = [(token.idx, len(token.text)) for token in doc]  # in order and not overlapping
        firsts = [idx for idx, _ in spans]
        lasts = [idx + size for idx, size in spans]
        for start, end, n in sorted((tx.start, tx.end, n) for n, tx in enumerate(self.timexes)):
            # a token overlapping several timexes takes the first by (start, end, index)
            for i in range(bisect_right(lasts, start), bisect_left(firsts, end)):
                by_token.setdefault(i, n)
        self._by_token = dict(sorted(by_token.items()))  # in token order

    def at(self, token: Token) -> Timex | None:
        """The timex covering a token, if any."""
        n = self._by_token.get(token.i)
        return self.timexes[n] if n is not None else None

    def index_at(self, token: Token) -> int | None:
        """Index (in the tagger's list) of the timex covering a token."""
        return self._by_token.get(token.i)

    def covered(self) -> frozenset[int]:
        """Indices of the tokens inside a time expression."""
        return frozenset(self._by_token)
