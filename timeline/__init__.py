"""Event timelines from news articles: extraction, temporal normalization, actors, charts, exports.

``timeline.extract_events(text, dct, doc_id)`` is the main entry point; heavy modules (spaCy) load on
first use, not on ``import timeline``.
"""
from __future__ import annotations

from typing import Any

__all__ = ["extract_corpus", "extract_events"]


def __getattr__(name: str) -> Any:
    """Load ``extract_events``/``extract_corpus`` lazily so that ``import timeline`` stays light."""
    if name in __all__:
        from timeline import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
