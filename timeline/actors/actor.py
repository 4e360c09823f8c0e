"""The typed actor: a canonical real-world participant."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """A canonical participant, e.g. ``Actor("North Korea", "country")``.

    ``type`` is one of :data:`timeline.schema.ACTOR_TYPES`.
    """

    name: str
    type: str
