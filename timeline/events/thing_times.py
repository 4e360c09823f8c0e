"""Times that say which thing, not when anything happened: a futures contract month ("February West Texas
Intermediate crude fell to settle at $52.33" happened on the publication day). They stay timexes but date no event
(a data report's month is left alone: "the September report showed 200,000 jobs added" dates the adding). The temporal rules that find them carry ``names_thing: true``
in ``data/temporal/rules.yaml``.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from timeline.temporal.rules import Rule, load_resources
from timeline.temporal.timex import Timex


@cache
def _thing_rules() -> tuple[Rule, ...]:
    return tuple(rule for rule in load_resources().rules if rule.params.get("names_thing"))


def thing_time_indices(text: str, timexes: Sequence[Timex]) -> frozenset[int]:
    """Indices of the timexes that a ``names_thing`` rule matches exactly.

    >>> t = "March Brent shed $1.35 in March."
    >>> sorted(thing_time_indices(t, [Timex("March", 0, 5, "DATE", "2026-03"), Timex("March", 26, 31, "DATE", "2026-03")]))
    [0]
    """
    found: set[int] = set()
    for n, timex in enumerate(timexes):
        for rule in _thing_rules():
            match = rule.regex.match(text, timex.start)
            if match is not None and match.end() == timex.end:
                found.add(n)
                break
    return frozenset(found)
