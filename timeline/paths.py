"""Where the product's declarative resources live."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent
PROJECT_DIR: Path = PACKAGE_DIR.parent
DATA_DIR: Path = PROJECT_DIR / "data"
SEEDS_DIR: Path = PROJECT_DIR / "seeds"


def data_file(*parts: str) -> Path:
    """Path of a resource under ``data/``.

    >>> data_file("event_types.yaml").name
    'event_types.yaml'
    """
    return DATA_DIR.joinpath(*parts)
