"""Temporal tagging: TIMEX3 expressions found in news text and normalized against the DCT.

Public API: :func:`tag` (all timexes of a text) and :func:`find_ranges` (interval expressions).
"""
from __future__ import annotations

from timeline.temporal.ranges import find_ranges
from timeline.temporal.tagger import tag
from timeline.temporal.timex import TimeRange, Timex

__all__ = ["TimeRange", "Timex", "find_ranges", "tag"]
