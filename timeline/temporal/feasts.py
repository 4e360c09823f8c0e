"""Dates of feasts of other calendars (Islamic, Hebrew, Hindu, Chinese, Persian, Buddhist) from the maintained
`holidays` package: one country's calendar names the feast's days, the first day of the feast is its date.

The lexicon entry (``holiday`` table in data/temporal/normalization.yaml) says which country calendar and which
holiday name there; this module only looks the name up. The package is imported on the first feast, so articles
that name none do not pay for loading it, and each country-year is computed once.
"""

from __future__ import annotations

import datetime as dt
import warnings
from functools import cache, lru_cache
from typing import Any


@cache
def _languages() -> dict[str, list[str]]:
    import holidays  # lazy: loading the package takes about half a second

    return {str(k): list(v) for k, v in holidays.list_localized_countries().items()}


@lru_cache(maxsize=1024)
def _calendar(country: str, year: int, categories: tuple[str, ...]) -> dict[dt.date, tuple[str, ...]]:
    """Each day of ``year`` in ``country``'s calendar with the names of its holidays ("Pesach holiday")."""
    import holidays  # lazy: loading the package takes about half a second

    kwargs: dict[str, Any] = {"years": year}
    if categories:
        kwargs["categories"] = categories
    if "en_US" in _languages().get(country, []):
        kwargs["language"] = "en_US"
    with warnings.catch_warnings():  # "available only from 2001 to 2035": outside those years there is no date
        warnings.simplefilter("ignore")
        try:
            days = holidays.country_holidays(country, **kwargs)
        except (NotImplementedError, ValueError, KeyError):
            return {}
    return {day: tuple(part.strip() for part in str(names).split(";")) for day, names in days.items()}


def _named(country: str, year: int, categories: tuple[str, ...], name: str) -> set[dt.date]:
    key = name.lower()
    return {day for day, names in _calendar(country, year, categories).items()
            if any(n.lower().startswith(key) for n in names)}


def feast_date(spec: dict[str, Any], year: int) -> dt.date | None:
    """The first day of the feast ``spec`` ({calendar: country code, holiday: its name there (a prefix), categories: [...]})
    that begins in ``year``, or None when the package has no date for that year.

    >>> feast_date({"calendar": "TR", "holiday": "Eid al-Fitr"}, 2024)
    datetime.date(2024, 4, 10)
    >>> feast_date({"calendar": "IL", "holiday": "Hanukkah", "categories": ["school"]}, 2025)
    datetime.date(2025, 12, 15)
    """
    country = str(spec.get("calendar", ""))
    name = str(spec.get("holiday", ""))
    categories = tuple(str(c) for c in spec.get("categories", []) or [])
    if not country or not name:
        return None
    days = _named(country, year, categories, name)
    if not days:
        return None
    before = _named(country, year - 1, categories, name) if dt.date(year, 1, 1) in days else set()
    starts = sorted(d for d in days if d - dt.timedelta(days=1) not in days | before)  # Hanukkah from December
    return starts[0] if starts else None
