"""One event mention found in a parsed sentence: the ``Trigger`` record that the trigger finder (``triggers``) makes
and retypes (``retyping``), and every later step (participants, places, summary, dedup) reads."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

#: A light verb this close to its event noun is part of the trigger span.
_LIGHT_SPAN = 5


@dataclass(frozen=True)
class Trigger:
    """One event mention: the word that names it, its type, and how it was found.

    ``kind`` is ``verb`` or ``noun``; ``light`` is the light verb that introduced a noun event
    ("held" in "held a ceremony"), if any; ``typed`` is False for ``other`` events; ``state`` marks
    states and auxiliary-like verbs ("is available", "include"), kept only when the text dates them;
    ``habitual`` marks an untyped verb that says how things are or might be (kept, low confidence).
    """

    token: Token
    event_type: str
    kind: str
    typed: bool
    light: Token | None = None
    state: bool = False  # a state or auxiliary-like verb: an event only when the text dates it
    habitual: bool = False  # how things are or might be ("processes data", "if it fails"): kept, low confidence
    negated: bool = False  # "names were not disclosed": kept for search, far below the default confidence
    needs_actor: bool = False  # an auxiliary-like action ("use", "give"): a row only with a named participant

    @property
    def lemma(self) -> str:
        """Lower-case lemma of the trigger word."""
        return self.token.lemma_.lower()

    @property
    def clause_word(self) -> Token:
        """The word whose clause the event is told in: the light verb of a noun event ("held" in "held a
        ceremony"), else the trigger word itself."""
        return self.light if self.light is not None else self.token

    @property
    def char_start(self) -> int:
        """Offset of the trigger in the document text (a close light verb is included: "held a ceremony")."""
        return min(t.idx for t in self._words())

    @property
    def char_end(self) -> int:
        """End offset (exclusive) of the trigger."""
        return max(t.idx + len(t.text) for t in self._words())

    def _words(self) -> list[Token]:
        if self.light is not None and abs(self.light.i - self.token.i) <= _LIGHT_SPAN:
            return [self.token, self.light]
        return [self.token]
