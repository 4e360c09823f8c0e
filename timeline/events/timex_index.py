"""The tagger's timexes of one document, addressable by token (what the time-finding steps of
``timeline.events.governing_time`` look words up in).
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from timeline.temporal.timex import Timex


class TimexIndex:
    """The tagger's timexes of one document, addressable by token."""

    def __init__(self, doc: Doc, timexes: Sequence[Timex]) -> None:
        self.timexes = list(timexes)
        self._by_token: dict[int, int] = {}
        starts = sorted((tx.start, tx.end, n) for n, tx in enumerate(self.timexes))
        for token in doc:
            t0, t1 = token.idx, token.idx + len(token.text)
            for start, end, n in starts:
                if start >= t1:
                    break
                if end > t0 and token.i not in self._by_token:
                    self._by_token[token.i] = n

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
