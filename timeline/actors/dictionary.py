"""The curated actor dictionary: countries, organisations and companies from ``data/actors/*.yaml``.

One canonical :class:`~timeline.actors.actor.Actor` per real-world entity, found under any of its names
(PETRARCH/Phoenix style). Matching ignores case for ordinary names, a leading "the", a trailing "'s" and
punctuation ("U.S." = "US", "Wal - Mart" = "Wal-Mart"), but acronyms match only in upper case ("WHO" never
"who") and a query without any capital letter never matches a capitalised name ("apple", "may").
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from timeline.actors.actor import Actor
from timeline.paths import data_file
from timeline.schema import ACTOR_TYPES
from timeline.yaml_strict import load_yaml

#: The dictionary files under ``data/actors/``, in load order.
DICTIONARY_FILES: tuple[str, ...] = ("countries.yaml", "organisations.yaml", "companies.yaml", "markets.yaml")
#: spaCy labels that never license a ``needs_entity`` alias (a person, a number, a date).
NON_ACTOR_LABELS: frozenset[str] = frozenset(
    {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_ENTRY_KEYS = frozenset({"name", "type", "aliases", "iso2", "iso3", "demonyms", "capitals", "contextual",
                         "needs_entity", "kinds", "country", "parent"})
_LIST_KEYS = ("aliases", "demonyms", "capitals", "contextual")
_ACRONYM_MAX = 5


class DictionaryError(ValueError):
    """A malformed dictionary file or entry, or one alias claimed by two actors."""


@lru_cache(maxsize=65536)
def alias_key(text: str, *, keep_the: bool = False) -> str:
    """The matching key of a name: case-folded, no leading "the", no trailing "'s", no punctuation.

    >>> alias_key("the U.S.'s")
    'us'
    >>> alias_key("Wal - Mart") == alias_key("Wal-Mart")
    True
    >>> alias_key("The North", keep_the=True)
    'the north'
    """
    s = text.strip().replace("\u2019", "'")
    s = re.sub(r"'s?$", "", s)
    if not keep_the:
        s = re.sub(r"(?i)^the\s+", "", s)
    s = s.casefold().replace("&", " and ")
    s = re.sub(r"[.'`]", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= _ACRONYM_MAX and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class _Name:
    """One surface form of an actor as written in the dictionary."""

    actor: Actor
    kind: str  # name | alias | demonym | capital | contextual
    text: str
    needs_entity: bool

    def accepts(self, query: str, entity_label: str | None) -> bool:
        """Whether ``query`` (same key) may stand for this name, given its case and spaCy label."""
        if self.needs_entity and (entity_label is None or entity_label in NON_ACTOR_LABELS):
            return False
        if _is_acronym(self.text):  # "the Dax lost": a market index written as a word
            return all(c.isupper() for c in query if c.isalpha()) or self.actor.type == "product" \
                and len(self.text) >= 3 and query[:1].isupper() and query[1:].islower()
        if any(c.isupper() for c in self.text):
            return any(c.isupper() for c in query)
        return True


def _strings(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"{where}: '{key}' must be a list of non-empty strings, got {value!r}")
    return [v.strip() for v in value]


class ActorDictionary:
    """Names -> canonical actors, validated on construction.

    >>> d = ActorDictionary.load()
    >>> d.lookup("DPRK")
    Actor(name='North Korea', type='country')
    >>> d.lookup("KCNA").name, d.lookup("GM").name
    ('Korean Central News Agency', 'General Motors')
    >>> d.lookup("apple") is None, d.lookup("Apple") is None, d.lookup("Apple", entity_label="ORG").name
    (True, True, 'Apple')
    >>> d.demonym("Russian").name, d.capital("Pyongyang").name
    ('Russia', 'North Korea')
    """

    def __init__(self, entries: Iterable[Mapping[str, Any]], source: str = "<entries>") -> None:
        self._names: dict[str, list[_Name]] = {}
        self._by_actor: dict[str, tuple[str, ...]] | None = None
        self._codes: dict[str, Actor] = {}
        self._contextual: dict[str, _Name] = {}
        self._actors: dict[str, Actor] = {}
        self._owner: dict[str, Actor] = {}
        self._files: dict[str, str] = {}  # actor name -> the data file that lists it (built by ``from_files``)
        self._listed: dict[str, tuple[Actor, ...]] = {}  # data file -> its actors (``listed``)
        self._body_states: dict[str, frozenset[Actor]] = {}
        self._kinds: dict[str, frozenset[str]] = {}  # actor name -> its industry nouns ("planemaker")
        self._kind_words: frozenset[str] = frozenset()
        self._countries: dict[str, str] = {}  # company name -> its home country's name ("Toyota" -> "Japan")
        self._parents: dict[str, str] = {}  # company name -> the name of the company that owns it ("Airbus" -> "EADS")
        for index, entry in enumerate(entries):
            self._add(entry, f"{source} entry {index + 1}")

    @classmethod
    def load(cls) -> ActorDictionary:
        """The dictionary built from ``data/actors/*.yaml`` (loaded once, then cached)."""
        return _load_default()

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> ActorDictionary:
        """Build a dictionary from YAML files (each a list of entries); raises :class:`DictionaryError`."""
        entries: list[tuple[str, str, Mapping[str, Any]]] = []
        for path in paths:
            try:
                data = load_yaml(Path(path).read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise DictionaryError(f"{path}: cannot read: {exc}") from exc
            if not isinstance(data, list):
                raise DictionaryError(f"{path}: expected a YAML list of entries")
            entries.extend((Path(path).name, f"{Path(path).name} entry {i + 1}", e) for i, e in enumerate(data))
        built = cls(())
        for file_name, where, entry in entries:
            built._add(entry, where)
            built._files[str(entry["name"]).strip()] = file_name
        return built

    def listed_in(self, actor: Actor | None, file_name: str) -> bool:
        """Whether the actor is one of the entries of the data file ``file_name`` ("markets.yaml"): a view of one
        file's actors without reading it again. A name's key has one owner, so ``lookup`` in the whole dictionary
        then this test finds what a dictionary of that file alone finds.

        >>> d = ActorDictionary.load()
        >>> d.listed_in(d.lookup("the Dow"), "markets.yaml"), d.listed_in(d.lookup("GM"), "markets.yaml")
        (True, False)
        """
        return actor is not None and self._files.get(actor.name) == file_name

    def listed(self, file_name: str) -> tuple[Actor, ...]:
        """The actors of the data file ``file_name``, in file order (gathered once per file).

        >>> "S&P 500" in [a.name for a in ActorDictionary.load().listed("markets.yaml")]
        True
        """
        found = self._listed.get(file_name)
        if found is None:
            found = self._listed[file_name] = tuple(a for a in self._actors.values() if self.listed_in(a, file_name))
        return found

    def _add(self, entry: Any, where: str) -> None:
        if not isinstance(entry, Mapping):
            raise DictionaryError(f"{where}: expected a mapping, got {entry!r}")
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise DictionaryError(f"{where}: unknown keys {sorted(unknown)}")
        name, kind = entry.get("name"), entry.get("type")
        if not isinstance(name, str) or not name.strip():
            raise DictionaryError(f"{where}: missing 'name'")
        where = f"{where} ({name})"
        if kind not in ACTOR_TYPES:
            raise DictionaryError(f"{where}: type {kind!r} is not one of {ACTOR_TYPES}")
        if name in self._actors:
            raise DictionaryError(f"{where}: actor {name!r} is listed twice")
        actor = Actor(name.strip(), str(kind))
        self._actors[actor.name] = actor
        lists = {key: _strings(entry.get(key), where, key) for key in _LIST_KEYS}
        kinds = _strings(entry.get("kinds"), where, "kinds")
        if not isinstance(entry.get("kinds", []), list) or any(k != k.lower() or "  " in k for k in kinds) or len(set(kinds)) != len(kinds):
            raise DictionaryError(f"{where}: 'kinds' must be distinct lower-case nouns, got {kinds!r}")
        if kinds:
            self._kinds[actor.name] = frozenset(kinds)
            self._kind_words = self._kind_words | self._kinds[actor.name]
        country = entry.get("country")
        if country is not None:
            if not isinstance(country, str) or not country.strip():
                raise DictionaryError(f"{where}: 'country' must be a country's name, got {country!r}")
            self._countries[actor.name] = country.strip()
        parent = entry.get("parent")
        if parent is not None:
            if not isinstance(parent, str) or not parent.strip() or parent.strip() == actor.name:
                raise DictionaryError(f"{where}: 'parent' must be another company's name, got {parent!r}")
            self._parents[actor.name] = parent.strip()
        flag = entry.get("needs_entity", False)
        if isinstance(flag, bool):
            needy = set(lists["aliases"] + [actor.name]) if flag else set()
        else:
            needy = set(_strings(flag, where, "needs_entity"))
            listed = {actor.name, *lists["aliases"], *lists["demonyms"], *lists["capitals"]}
            if needy - listed:
                raise DictionaryError(f"{where}: needs_entity names {sorted(needy - listed)} are not its names")
        forms = [("name", actor.name)] + [(k.rstrip("s") if k != "aliases" else "alias", v)
                                          for k in ("aliases", "demonyms", "capitals") for v in lists[k]]
        for form_kind, text in forms:
            self._add_name(_Name(actor, form_kind, text, text in needy), where)
        for text in lists["contextual"]:
            self._contextual[alias_key(text, keep_the=True)] = _Name(actor, "contextual", text, False)
        for code_key in ("iso2", "iso3"):
            code = entry.get(code_key)
            if code is None:
                continue
            if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}" if code_key == "iso2" else r"[A-Z]{3}",
                                                             code):
                raise DictionaryError(f"{where}: {code_key} {code!r} is not an upper-case ISO code")
            if code in self._codes and self._codes[code] != actor:
                raise DictionaryError(f"{where}: code {code} already belongs to {self._codes[code].name}")
            self._codes[code] = actor

    def _add_name(self, form: _Name, where: str) -> None:
        key = alias_key(form.text)
        if not key:
            raise DictionaryError(f"{where}: name {form.text!r} has no letters")
        owner = self._owner.setdefault(key, form.actor)
        if owner != form.actor:
            raise DictionaryError(f"{where}: alias {form.text!r} already belongs to {owner.name}")
        self._names.setdefault(key, []).append(form)
        self._by_actor = None
        self._listed.clear()

    def kinds_of(self, actor: Actor | None) -> frozenset[str] | None:
        """The industry nouns the press uses for a company, None when the dictionary does not know its kind.

        >>> d = ActorDictionary.load()
        >>> "planemaker" in d.kinds_of(d.lookup("Boeing")), "planemaker" in d.kinds_of(d.lookup("American Airlines"))
        (True, False)
        >>> d.kinds_of(None) is None
        True
        """
        return None if actor is None else self._kinds.get(actor.name)

    def country_of(self, actor: Actor | None) -> str | None:
        """The name of a company's home country (``country:`` in companies.yaml), None when not given.

        >>> d = ActorDictionary.load()
        >>> d.country_of(d.lookup("Toyota")), d.country_of(d.lookup("Airbus")), d.country_of(None)
        ('Japan', None, None)
        """
        return None if actor is None else self._countries.get(actor.name)

    def parent_of(self, actor: Actor | None) -> Actor | None:
        """The company that owns a company (``parent:`` in companies.yaml), None when not given or not listed.

        >>> d = ActorDictionary.load()
        >>> d.parent_of(d.lookup("Airbus")).name, d.parent_of(d.lookup("Boeing")), d.parent_of(None)
        ('EADS', None, None)
        """
        name = None if actor is None else self._parents.get(actor.name)
        return None if name is None else self._actors.get(name)

    def subsidiary_of_kind(self, actor: Actor | None, kind: str) -> Actor | None:
        """The one company a company owns (``parent:``) that is of ``kind`` (``kinds_of``), None with none or two.

        >>> d = ActorDictionary.load()
        >>> d.subsidiary_of_kind(d.lookup("EADS"), "planemaker").name, d.subsidiary_of_kind(d.lookup("Boeing"), "planemaker")
        ('Airbus', None)
        """
        if actor is None:
            return None
        owned = [self._actors[child] for child, parent in self._parents.items()
                 if parent == actor.name and child in self._actors and kind in (self.kinds_of(self._actors[child]) or ())]
        return owned[0] if len(owned) == 1 else None

    @property
    def kind_words(self) -> frozenset[str]:
        """Every industry noun some company has (``kinds_of``): the descriptions whose kind is checked."""
        return self._kind_words

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every canonical actor, in file order."""
        return tuple(self._actors.values())

    def names_of(self, actor_name: str) -> list[str]:
        """All surface forms listed for an actor (name, aliases, demonyms, capitals)."""
        return list(self._names_by_actor().get(actor_name, ()))

    def _names_by_actor(self) -> dict[str, tuple[str, ...]]:
        """Every actor's surface forms in ``_names`` order, indexed once (``names_of`` runs for every actor)."""
        if self._by_actor is None:
            by_actor: dict[str, list[str]] = {}
            for forms in self._names.values():
                for form in forms:
                    by_actor.setdefault(form.actor.name, []).append(form.text)
            self._by_actor = {name: tuple(texts) for name, texts in by_actor.items()}
        return self._by_actor

    def _find(self, text: str, kinds: tuple[str, ...], entity_label: str | None) -> Actor | None:
        if not text or not text.strip():
            return None
        for form in self._names.get(alias_key(text), ()):
            if form.kind in kinds and form.accepts(text.strip(), entity_label):
                return form.actor
        return None

    def lookup(self, alias: str, *, entity_label: str | None = None) -> Actor | None:
        """The actor a name or alias stands for (not demonyms/capitals), or None.

        ISO codes count only in upper case and when spaCy tagged the span (``entity_label``).

        >>> ActorDictionary.load().lookup("the Kremlin").name
        'Russia'
        >>> ActorDictionary.load().lookup("may") is None
        True
        """
        found = self._find(alias, ("name", "alias"), entity_label)
        if found is None and entity_label not in (None, *NON_ACTOR_LABELS):
            found = self._codes.get(alias.strip())
        return found

    def national(self, text: str, *, entity_label: str | None = "ORG",
                 federations: frozenset[str] = frozenset()) -> Actor | None:
        """The body a name written after its state names: a state's name, alias or demonym of one to three
        words, then a name the dictionary knows of an organisation, medium, armed unit or company whose own names
        mention no other state ("U.S. Centers for Disease Control and Prevention" -> the CDC). Not the body
        when its canonical name begins with one of ``federations`` ("American Red Cross" is no International
        Committee of the Red Cross), nor another state's body ("French Senate" is no United States Senate).

        >>> d = ActorDictionary.load()
        >>> d.national("the U.S. Centers for Disease Control and Prevention").name
        'Centers for Disease Control and Prevention'
        >>> d.national("French Senate") is None, d.national("British Health Ministry") is None
        (True, True)
        """
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        for cut in range(1, min(3, len(words) - 1) + 1):
            state = self._country(" ".join(words[:cut]))
            if state is None:
                continue
            body = self.lookup(" ".join(words[cut:]), entity_label=entity_label)
            if body is None or body.type not in ("organisation", "media", "armed unit", "company") \
                    or body.name.split()[0].lower() in federations:
                continue
            if self.states_named_by(body) - {state}:
                continue
            return body
        return None

    def states_named_by(self, body: Actor) -> frozenset[Actor]:
        """The states a body's own names mention ("US Senate" -> the United States).

        >>> d = ActorDictionary.load()
        >>> [a.name for a in d.states_named_by(d.lookup("the Senate"))]
        ['United States']
        """
        known = self._body_states.get(body.name)
        if known is None:
            found: set[Actor] = set()
            for name in self.names_of(body.name):
                words = name.split()
                for i in range(len(words)):
                    for j in range(i + 1, min(i + 3, len(words)) + 1):
                        state = self._country(" ".join(words[i:j]))
                        if state is not None:
                            found.add(state)
            known = self._body_states[body.name] = frozenset(found)
        return known

    def foreign_body(self, state_words: str, body: Actor) -> bool:
        """True when the state written before a body's name is not a state its own names mention: "French" +
        "Senate" is no United States Senate, "Russian" + "Defence Ministry" no British one. A body whose names
        mention no state (the CDC, the UN) is never foreign.

        >>> d = ActorDictionary.load()
        >>> d.foreign_body("French", d.lookup("Senate")), d.foreign_body("U.S.", d.lookup("Senate"))
        (True, False)
        """
        states = self.states_named_by(body)
        state = self._country(state_words)
        return bool(states) and state is not None and state not in states

    def _country(self, words: str) -> Actor | None:
        """The country a state's name, alias or demonym names ("U.S.", "French"), or None."""
        state = self._find(words, ("name", "alias", "demonym"), "GPE")
        return state if state is not None and state.type == "country" else None

    def demonym(self, word: str) -> Actor | None:
        """The state a demonym/adjective names ("North Korean", "Russians"), or None."""
        return self._find(word, ("demonym",), "NORP")

    def capital(self, word: str, *, entity_label: str | None = "GPE") -> Actor | None:
        """The state whose capital ``word`` is ("Pyongyang" -> North Korea), or None."""
        return self._find(word, ("capital",), entity_label)

    def contextual(self, phrase: str) -> Actor | None:
        """The state a contextual phrase may stand for ("the North"); the caller checks the context."""
        form = self._contextual.get(alias_key(phrase, keep_the=True))
        return form.actor if form is not None and phrase.strip()[:1].isalpha() else None

    def any_name(self, text: str, *, entity_label: str | None = None) -> Actor | None:
        """The actor for a name, alias, demonym or capital (in that order of kinds)."""
        return self._find(text, ("name", "alias", "demonym", "capital"), entity_label)


@cache
def _load_default() -> ActorDictionary:
    return ActorDictionary.from_files(data_file("actors", name) for name in DICTIONARY_FILES)
