"""Temporal tagging: TIMEX3 expressions found in news text and normalized against the DCT.

Public API: :func:`tag` (all timexes of a text), :func:`find_ranges` (interval expressions) and
:func:`join_clock_days` ("8 p.m. on Feb. 15" as one timex again, for the events layer).
"""
from __future__ import annotations

from timeline.temporal.ranges import find_ranges, join_clock_days
from timeline.temporal.tagger import tag
from timeline.temporal.timex import TimeRange, Timex

__all__ = ["TimeRange", "Timex", "find_ranges", "join_clock_days", "tag"]
