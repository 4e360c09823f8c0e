"""Numbers written in digits or words ("1,000", "5 1/2", "one hundred and twenty") as values."""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping

_SPLIT_RE = re.compile(r"[\s-]+")


def words_to_number(text: str, table: Mapping[str, int], multipliers: Collection[str]) -> int | None:
    """The integer spelled by number words, None when a word is not a number word. A word of ``multipliers``
    (normalization.yaml ``multiplier_words``: hundred, dozen) multiplies the number before it in its group; one
    of a thousand or more closes the group.

    An "and" joins only after a hundred or a thousand: "three and four" is two numbers (a range, "between three
    and four years"), not seven.

    >>> words_to_number("one hundred and twenty", {"one": 1, "hundred": 100, "twenty": 20}, {"hundred"})
    120
    >>> words_to_number("three and four", {"three": 3, "four": 4}, ()) is None
    True
    >>> words_to_number("two dozen", {"two": 2, "dozen": 12}, {"dozen"})
    24
    """
    total, current = 0, 0
    seen = False
    scale = False  # the word before was a hundred or a thousand, after which an "and" may join
    for word in _SPLIT_RE.split(text.lower().strip()):
        if not word:
            continue
        if word == "and":
            if not scale:
                return None
            continue
        if word not in table:
            return None
        value = table[word]
        seen = True
        scale = value >= 100
        if word in multipliers:  # "two dozen" = 24, not 2 + 12
            current = max(current, 1) * value
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current if seen else None


def parse_quantity(text: str, numbers: Mapping[str, int], vague: Mapping[str, str], multipliers: Collection[str]
                   ) -> float | str | None:
    """A quantity as a number, "X" for vague ones ("several"), None when unreadable.

    >>> parse_quantity("5 1/2", {}, {}, ()), parse_quantity("2½", {}, {}, ())
    (5.5, 2.5)
    >>> parse_quantity("several", {}, {"several": "X"}, ())
    'X'
    """
    key = " ".join(text.lower().split())
    if key in vague:
        mapped = vague[key]
        return "X" if mapped == "X" else float(mapped)
    digits = key.replace(",", "")
    half = digits.endswith((" 1/2", "½"))
    if half:
        digits = digits[:-4].strip() if digits.endswith(" 1/2") else digits[:-1]
    try:
        return float(digits) + (0.5 if half else 0.0)
    except ValueError:
        pass
    value = words_to_number(key, numbers, multipliers)
    return float(value) if value is not None else None
