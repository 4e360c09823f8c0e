"""Resolvers for amounts of time: durations, sets (frequencies) and fixed reference values."""
from __future__ import annotations

from timeline.temporal.match import (
    Match,
    Resolution,
    month_of,
    unit_of,
)

_DURATION_CODE: dict[str, tuple[str, int, bool]] = {
    # unit -> (TIMEX3 letter, multiplier, is a time unit)
    "Y": ("Y", 1, False), "M": ("M", 1, False), "W": ("W", 1, False), "D": ("D", 1, False),
    "H": ("H", 1, True), "MIN": ("M", 1, True), "S": ("S", 1, True), "Q": ("M", 3, False),
    "HALF": ("M", 6, False), "DE": ("Y", 10, False), "CE": ("Y", 100, False), "2W": ("W", 2, False),
    "WE": ("WE", 1, False),
}




def _duration_value(amount: float | str, unit: str) -> str:
    letter, factor, is_time = _DURATION_CODE.get(unit, ("D", 1, False))
    prefix = "PT" if is_time else "P"
    if amount == "X":
        return f"{prefix}X{letter}"
    number = float(amount) * factor
    if number != int(number):
        if unit == "H":  # "an hour and a half" PT1H30M, "half an hour" PT30M
            hours = f"{int(number)}H" if int(number) else ""
            return f"PT{hours}{round((number - int(number)) * 60)}M"
        if unit == "MIN":
            minutes = f"{int(number)}M" if int(number) else ""
            return f"PT{minutes}{round((number - int(number)) * 60)}S"
        if unit == "W":
            return f"P{round(number * 7)}D"
        if unit == "Y":
            months = (number - int(number)) * 12
            if abs(months - round(months)) > 1e-6:  # "12.6 years" P12.6Y: no whole count of months, kept exact
                return f"P{number:g}Y"
            return f"P{int(number)}Y{round(months)}M" if int(number) else f"P{round(months)}M"
        if unit == "D":
            return f"PT{round(number * 24)}H"
        return f"{prefix}{number:g}{letter}"
    return f"{prefix}{int(number)}{letter}"


def resolve_duration(m: Match) -> Resolution | None:
    """Durations: "three months", "One hundred and twenty days", "the past decade", "years"."""
    unit = unit_of(m)
    if unit is None:
        return None
    amount: float | str
    if m.rule.params.get("vague"):
        amount = "X"
    elif m.get("unit2"):
        amount = 1.0
    elif "n" in m.rule.params:
        amount = float(m.rule.params["n"])
    else:
        quantity = m.quantity()
        if quantity is None:
            return None
        amount = quantity
    if (m.get("half") or m.get("half2")) and amount != "X":  # "two and a half years", "an hour and a half"
        amount = float(amount) + 0.5
    return Resolution("DURATION", _duration_value(amount, unit), m.mod())


def resolve_const(m: Match) -> Resolution | None:
    """A fixed value from the rule: PRESENT_REF, PAST_REF, FUTURE_REF."""
    return Resolution(m.rule.type, str(m.rule.params.get("value", "")), m.mod())


def resolve_set(m: Match) -> Resolution | None:
    """Sets: "daily", "every week", "twice a year", "every Friday", "every other week" (param ``n``: 2), "every 15 minutes"."""
    if m.get("freq"):
        value = m.lookup("frequency", "freq")
        return Resolution("SET", str(value)) if value else None
    weekday = m.lookup("weekday")
    if weekday is not None:
        part = m.lookup("part")  # "Tuesday nights" -> XXXX-WXX-2TNI
        return Resolution("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))
    month = month_of(m)
    if month is not None:
        day = "".join(ch for ch in str(m.get("day") or "") if ch.isdigit())  # "October 1 each year"
        return Resolution("SET", f"XXXX-{month:02d}" + (f"-{int(day):02d}" if day else ""))
    unit_word = m.get("unit") or ""
    part = m.res.tables.get("part", {}).get(unit_word)
    if part:
        return Resolution("SET", f"XXXX-XX-XXT{part}")
    unit = unit_of(m)
    if unit is None:
        return None
    count: float = float(m.rule.params.get("n", 1))  # n: "every other week"
    if m.get("num"):  # "every 15 minutes"
        quantity = m.quantity()
        if quantity is None or isinstance(quantity, str):
            return None
        count = quantity
    return Resolution("SET", _duration_value(count, unit))
