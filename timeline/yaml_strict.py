"""Reading the YAML resources under ``data/`` strictly: a key written twice in one mapping is an error.

Plain ``yaml.safe_load`` keeps the last of two equal keys and drops the first without a word, so a lexicon
entry added in the wrong place could silently replace another one.
"""
from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode


class DuplicateKeyError(ConstructorError):
    """A mapping names the same key twice."""


# libyaml's scanner and parser (``CSafeLoader``) read the resources about ten times faster than the pure-Python
# ones; the constructor below is Python either way, so the duplicate-key check is the same.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise DuplicateKeyError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str) -> Any:
    """Parse YAML like ``yaml.safe_load``, but raise :class:`DuplicateKeyError` (a ``yaml.YAMLError``) for a key
    written twice in one mapping.

    >>> load_yaml("a: 1\\nb: [x, y]")
    {'a': 1, 'b': ['x', 'y']}
    >>> load_yaml("a: 1\\na: 2")
    Traceback (most recent call last):
    ...
    timeline.yaml_strict.DuplicateKeyError: duplicate key 'a'
      in "<unicode string>", line 2, column 1
    """
    return yaml.load(text, Loader=_StrictLoader)
