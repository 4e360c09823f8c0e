"""The records of event mentions: a :class:`Mention` with what the parse says about it, and its :class:`Link`
(a time relation to another mention, resolved after duplicates are merged; see ``timeline.events.resolve``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from timeline.events.participants import Participants
from timeline.events.timing import EventTime
from timeline.events.trigger import Trigger


@dataclass(frozen=True)
class Link:
    """A time relation to another mention: ``same``, ``before``, ``after``, ``carry``, ``shift`` or ``prior``.

    ``prior`` is ``before`` for an event named as the object of a statement ("condemned the bombings") or
    reported in its past perfect ("said nine soldiers had been killed"), which unlike ``before`` may still merge
    with another mention of the same event.

    ``duration`` (TIMEX3 ``P120D``) and ``sign`` apply to ``shift``.
    """

    target: int
    relation: str
    duration: str = ""
    sign: int = -1
    text: str = ""


@dataclass
class Mention:
    """One event mention with what the parse says about it."""

    number: int
    trigger: Trigger
    sentence: Span
    sentence_index: int
    participants: Participants
    time: EventTime
    fallback: EventTime
    links: list[Link] = field(default_factory=list)
    hidden: bool = False  # reporting verbs: narrative anchors only, never rows

    @property
    def token(self) -> Token:
        """The trigger token."""
        return self.trigger.token
