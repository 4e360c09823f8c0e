"""Resolvers: turn one rule match into a TIMEX3 value, anchored on the DCT or an earlier timex.

Each resolver reads the match's named groups (normalized through the tables of normalization.yaml) and the
rule's params, and returns a :class:`Resolution` or None when the match is not a time after all. A rule names
its resolver in ``resolve:``; this module maps those names to the functions of the three resolver modules.
"""
from __future__ import annotations

from timeline.temporal.match import Match, Resolution, Resolver
from timeline.temporal.resolve_amounts import resolve_const, resolve_duration, resolve_set
from timeline.temporal.resolve_calendar import (
    resolve_bare_feast,
    resolve_century,
    resolve_date,
    resolve_day_of_year,
    resolve_dayword,
    resolve_decade,
    resolve_hijri,
    resolve_holiday,
    resolve_month_day,
    resolve_month_range,
    resolve_month_span,
    resolve_part_of_day,
    resolve_quarter,
    resolve_range_day,
    resolve_range_start_day,
    resolve_season,
    resolve_solar_hijri,
    resolve_time,
    resolve_week_number,
    resolve_weekday,
    resolve_weekday_holiday,
    resolve_year_span,
)
from timeline.temporal.resolve_relative import (
    resolve_new_year,
    resolve_overnight,
    resolve_position,
    resolve_ref,
    resolve_school_year,
    resolve_shift,
    resolve_shift_from_day,
    resolve_the_year,
    resolve_turn,
    resolve_weekend,
)

__all__ = ["RESOLVER_FUNCTIONS", "Match", "Resolution"]

RESOLVER_FUNCTIONS: dict[str, Resolver] = {
    "weekend": resolve_weekend, "the_year": resolve_the_year, "new_year": resolve_new_year, "range_day": resolve_range_day,
    "range_start_day": resolve_range_start_day,
    "date": resolve_date, "day_of_year": resolve_day_of_year, "weekday": resolve_weekday, "dayword": resolve_dayword, "shift": resolve_shift,
    "duration": resolve_duration, "const": resolve_const, "set": resolve_set, "time": resolve_time,
    "quarter": resolve_quarter, "season": resolve_season, "decade": resolve_decade, "century": resolve_century,
    "holiday": resolve_holiday, "hijri": resolve_hijri, "solar_hijri": resolve_solar_hijri, "bare_feast": resolve_bare_feast, "ref": resolve_ref, "position": resolve_position, "part_of_day": resolve_part_of_day,
    "year_span": resolve_year_span, "month_day": resolve_month_day, "overnight": resolve_overnight,
    "shift_from_day": resolve_shift_from_day, "turn": resolve_turn, "month_span": resolve_month_span, "month_range": resolve_month_range,
    "week_number": resolve_week_number, "school_year": resolve_school_year, "weekday_holiday": resolve_weekday_holiday,
}
