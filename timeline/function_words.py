"""Closed-class word lists (pronouns, prepositions, modals, endings) from ``data/function_words.yaml``."""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from timeline.paths import data_file
from timeline.yaml_strict import load_yaml

_FILE = "function_words.yaml"


def word_set(name: str) -> frozenset[str]:
    """The word list ``name`` as a set (loaded once); KeyError for a name the file does not have.

    >>> "whom" in word_set("relative_pronouns"), "ship" in word_set("relative_pronouns")
    (True, False)
    """
    return _sets()[name]


def word_endings(name: str) -> tuple[str, ...]:
    """The list ``name`` in file order, for ``str.endswith`` ("es_endings", "participle_endings").

    >>> "pushes".endswith(word_endings("es_endings")[:4])
    True
    """
    return _lists()[name]


def word_map(name: str) -> Mapping[str, str]:
    """The mapping ``name`` (word -> value), read-only.

    >>> word_map("third_person_irregular")["have"]
    'has'
    """
    return _maps()[name]


def parse(data: Any) -> tuple[dict[str, tuple[str, ...]], dict[str, Mapping[str, str]]]:
    """Validate the file's content: lists of non-empty strings and string -> string mappings.

    >>> parse({"a": ["x", "y"], "b": {"k": "v"}})[0]
    {'a': ('x', 'y')}
    >>> parse({"a": [1]})
    Traceback (most recent call last):
    ...
    ValueError: function_words.yaml: 'a' must be a list of words or a mapping of words
    """
    if not isinstance(data, dict):
        raise TypeError(f"{_FILE}: expected a mapping of list name -> words")
    lists: dict[str, tuple[str, ...]] = {}
    maps: dict[str, Mapping[str, str]] = {}
    for name, value in data.items():
        if isinstance(value, list) and all(isinstance(w, str) and w for w in value):
            lists[str(name)] = tuple(value)
        elif isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            maps[str(name)] = MappingProxyType(dict(value))
        else:
            raise ValueError(f"{_FILE}: '{name}' must be a list of words or a mapping of words")
    return lists, maps


@cache
def _parsed() -> tuple[dict[str, tuple[str, ...]], dict[str, Mapping[str, str]]]:
    return parse(load_yaml(data_file(_FILE).read_text(encoding="utf-8")))


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    return _parsed()[0]


@cache
def _sets() -> dict[str, frozenset[str]]:
    return {name: frozenset(values) for name, values in _lists().items()}


@cache
def _maps() -> dict[str, Mapping[str, str]]:
    return _parsed()[1]
