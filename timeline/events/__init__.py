"""Event extraction parts: taxonomy, triggers, participants, time attachment, duplicate merging, summaries.

``timeline.extract`` puts them together; each module here does one step on a parsed spaCy ``Doc``.
"""
