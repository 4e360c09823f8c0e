"""The event-type taxonomy (``data/event_types.yaml``): trigger lemmas per type, validated on load."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from timeline.paths import data_file
from timeline.yaml_strict import load_yaml

#: The type given to an action that no taxonomy entry names.
OTHER = "other"
_TRIGGER_MARK = re.compile(r"\[([^\]]+)\]")


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message names the entry."""


@dataclass(frozen=True)
class EventType:
    """One event type with the verb and noun lemmas that trigger it."""

    name: str
    description: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventTaxonomy:
    """Event types in priority order plus the word lists that steer trigger detection and timing."""

    types: tuple[EventType, ...]
    reporting_verbs: frozenset[str]
    light_verbs: frozenset[str]
    non_events: frozenset[str]
    narrative_before: frozenset[str]
    narrative_after: frozenset[str]
    narrative_background: frozenset[str]
    relation_since: frozenset[str]
    relation_after: frozenset[str]
    relation_before: frozenset[str]
    retrospective: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    alternative_marks: frozenset[str] = frozenset()
    speaker_pronouns: frozenset[str] = frozenset()
    relation_when: frozenset[str] = frozenset()
    relation_because: frozenset[str] = frozenset()
    participant_verbs: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    resultative_verbs: frozenset[str] = frozenset()
    onset_verbs: frozenset[str] = frozenset()
    state_agent_types: frozenset[str] = frozenset()
    outcome_verbs: frozenset[str] = frozenset()
    object_types: tuple[tuple[str, str], ...] = ()
    complement_types: tuple[tuple[str, str], ...] = ()
    argument_types: tuple[tuple[str, str, str], ...] = ()
    subject_types: tuple[tuple[str, str, str], ...] = ()
    measure_units: frozenset[str] = frozenset()
    direction_words: frozenset[str] = frozenset()
    motion_words: frozenset[str] = frozenset()
    mass_nouns: frozenset[str] = frozenset()
    tally_nouns: frozenset[str] = frozenset()
    light_preps: frozenset[str] = frozenset()
    adjective_participles: frozenset[str] = frozenset()
    synonyms: tuple[tuple[str, str], ...] = ()
    narrative_continued: tuple[tuple[str, ...], ...] = ()  # "also", "as well": word sequences, lower case
    consequence_of: frozenset[str] = frozenset()  # event types whose old day goes on to their consequences
    consequence_types: frozenset[str] = frozenset()  # ... told in the next sentence: these types
    consequence_verbs: frozenset[str] = frozenset()  # ... and these verbs
    speech_occasions: frozenset[str] = frozenset()  # event types of occasions where a speaker may have spoken
    # argument_types / subject_types grouped by trigger lemma (built once; the tables hold thousands of rows)
    _arguments_by_trigger: dict[str, tuple[tuple[str, str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False)
    _subjects_by_trigger: dict[str, tuple[tuple[str, str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False)

    # the (word, type) tables and the types' verbs and nouns as word -> first type (looked up per token)
    _indexes: dict[str, dict[str, str]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_arguments_by_trigger", _by_trigger(self.argument_types))
        object.__setattr__(self, "_subjects_by_trigger", _by_trigger(self.subject_types))
        object.__setattr__(self, "_indexes", {
            "synonyms": _first_type(self.synonyms), "objects": _first_type(self.object_types),
            "complements": _first_type(self.complement_types),
            "verbs": _first_type((verb, t.name) for t in self.types for verb in t.verbs),
            "nouns": _first_type((noun, t.name) for t in self.types for noun in t.nouns)})

    def synonym_key(self, lemma: str) -> str | None:
        """The name of the synonym set a trigger lemma is listed in ("inaugurate" and "swear" name one event),
        or None.

        >>> tax = EventTaxonomy.load()
        >>> tax.synonym_key("inaugurate") == tax.synonym_key("swear") != None, tax.synonym_key("go")
        (True, None)
        """
        return self._indexes["synonyms"].get(lemma.lower())

    def object_type(self, lemma: str) -> str | None:
        """The type a verb takes from its direct object ("claimed 217 lives" -> casualties), or None.

        >>> EventTaxonomy.load().object_type("life")
        'casualties'
        """
        return self._indexes["objects"].get(lemma.lower())

    def complement_type(self, lemma: str) -> str | None:
        """The type a verb takes when an infinitive complement follows ("ordered residents to leave" is a
        directive, not a purchase), or None.

        >>> EventTaxonomy.load().complement_type("order")
        'decision'
        """
        return self._indexes["complements"].get(lemma.lower())

    def argument_type(self, lemma: str, arguments: list[str]) -> str | None:
        """The type a trigger takes from one of its arguments ("meet the demands" is no meeting, "the loss of
        21,000 jobs" is a personnel event), or None; ``other`` means an untyped action (for a noun: no event).

        >>> EventTaxonomy.load().argument_type("loss", ["21,000", "job"])
        'personnel'
        >>> EventTaxonomy.load().argument_type("meet", ["demand"]), EventTaxonomy.load().argument_type("meet", ["Kim"])
        ('other', None)
        """
        words = {a.lower() for a in arguments}
        return next((name for word, name in self._arguments_by_trigger.get(lemma.lower(), ()) if word in words), None)

    def subject_type(self, lemma: str, subjects: list[str]) -> str | None:
        """The type a verb takes from the thing acting as its subject ("the train hit the bus" is an accident,
        no attack), or None.

        >>> EventTaxonomy.load().subject_type("hit", ["train"]), EventTaxonomy.load().subject_type("hit", ["army"])
        ('disaster', None)
        """
        words = {a.lower() for a in subjects}
        return next((name for word, name in self._subjects_by_trigger.get(lemma.lower(), ()) if word in words), None)

    @staticmethod
    @lru_cache(maxsize=4)
    def load(path: Path | None = None) -> EventTaxonomy:
        """Read and validate the taxonomy (cached per path).

        >>> EventTaxonomy.load().verb_type("deploy")
        'deployment'
        """
        source = path or data_file("event_types.yaml")
        try:
            raw = load_yaml(source.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise TaxonomyError(f"{source}: cannot read the taxonomy: {error}") from None
        return parse_taxonomy(raw, str(source))

    def verb_type(self, lemma: str) -> str | None:
        """The type a verb lemma triggers, or None.

        >>> EventTaxonomy.load().verb_type("sign")
        'agreement/treaty'
        """
        return self._indexes["verbs"].get(lemma.lower())

    def noun_type(self, lemma: str) -> str | None:
        """The type an event noun triggers, or None.

        >>> EventTaxonomy.load().noun_type("ceremony")
        'ceremony'
        """
        return self._indexes["nouns"].get(lemma.lower())

    @property
    def names(self) -> tuple[str, ...]:
        """All type names in priority order."""
        return tuple(t.name for t in self.types)


def _words(raw: Any, where: str) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise TaxonomyError(f"{where}: expected a list of words")
    return frozenset(w.strip().lower() for w in raw)


def _type_names(raw: Any, type_names: Any, where: str) -> frozenset[str]:
    """A list of event type names of the file; TaxonomyError when one is no type.

    >>> sorted(_type_names(["attack"], {"attack": {}}, "t"))
    ['attack']
    >>> _type_names(["atack"], {"attack": {}}, "t")
    Traceback (most recent call last):
    timeline.events.taxonomy.TaxonomyError: t: 'atack' is no event type
    """
    names = _words(raw, where)
    for name in sorted(names):
        if name not in type_names:
            raise TaxonomyError(f"{where}: {name!r} is no event type")
    return names


def parse_taxonomy(raw: Any, source: str = "taxonomy") -> EventTaxonomy:
    """Validate a parsed taxonomy mapping and build the typed taxonomy.

    >>> parse_taxonomy({"types": {"x": {"verbs": ["go"]}}}).verb_type("go")
    'x'
    >>> parse_taxonomy({"types": []})
    Traceback (most recent call last):
    timeline.events.taxonomy.TaxonomyError: taxonomy: 'types' must be a non-empty mapping
    """
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{source}: expected a mapping at the top level")
    types_raw = raw.get("types")
    if not isinstance(types_raw, dict) or not types_raw:
        raise TaxonomyError(f"{source}: 'types' must be a non-empty mapping")
    types: list[EventType] = []
    for name, entry in types_raw.items():
        where = f"{source}: type {name!r}"
        if not isinstance(entry, dict):
            raise TaxonomyError(f"{where}: expected a mapping")
        examples = entry.get("examples") or []
        if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
            raise TaxonomyError(f"{where}: examples must be a list of strings")
        for example in examples:
            if not _TRIGGER_MARK.search(example):
                raise TaxonomyError(f"{where}: example {example!r} has no [trigger] mark")
        types.append(EventType(str(name), str(entry.get("description", "")), _words(entry.get("verbs"), where),
                               _words(entry.get("nouns"), where), tuple(examples)))
    narrative = raw.get("narrative") or {}
    relations = raw.get("relations") or {}
    if not isinstance(narrative, dict) or not isinstance(relations, dict):
        raise TaxonomyError(f"{source}: 'narrative' and 'relations' must be mappings")
    object_types = _type_table(raw, "object_types", types_raw, source)
    complement_types = _type_table(raw, "complement_types", types_raw, source)
    argument_types = _argument_table(raw, types_raw, source)
    subject_types = _argument_table(raw, types_raw, source, "subject_types")
    return EventTaxonomy(
        types=tuple(types),
        reporting_verbs=_words(raw.get("reporting_verbs"), f"{source}: reporting_verbs"),
        light_verbs=_words(raw.get("light_verbs"), f"{source}: light_verbs"),
        non_events=_words(raw.get("non_events"), f"{source}: non_events"),
        participant_verbs=_words(raw.get("participant_verbs"), f"{source}: participant_verbs"),
        refusal_verbs=_words(raw.get("refusal_verbs"), f"{source}: refusal_verbs"),
        resultative_verbs=_words(raw.get("resultative_verbs"), f"{source}: resultative_verbs"),
        onset_verbs=_words(raw.get("onset_verbs"), f"{source}: onset_verbs"),
        state_agent_types=_type_names(raw.get("state_agent_types"), types_raw, f"{source}: state_agent_types"),
        outcome_verbs=_words(raw.get("outcome_verbs"), f"{source}: outcome_verbs"),
        narrative_before=_words(narrative.get("before"), f"{source}: narrative.before"),
        narrative_after=_words(narrative.get("after"), f"{source}: narrative.after"),
        narrative_background=_words(narrative.get("background"), f"{source}: narrative.background"),
        narrative_continued=tuple(sorted(tuple(w.split()) for w in _words(
            narrative.get("continued"), f"{source}: narrative.continued"))),
        consequence_of=_type_names(narrative.get("consequence_of"), types_raw, f"{source}: narrative.consequence_of"),
        consequence_types=_type_names(narrative.get("consequence_types"), types_raw,
                                      f"{source}: narrative.consequence_types"),
        consequence_verbs=_words(narrative.get("consequence_verbs"), f"{source}: narrative.consequence_verbs"),
        speech_occasions=_type_names(narrative.get("speech_occasions"), types_raw,
                                     f"{source}: narrative.speech_occasions"),
        relation_since=_words(relations.get("since"), f"{source}: relations.since"),
        relation_after=_words(relations.get("after"), f"{source}: relations.after"),
        relation_before=_words(relations.get("before"), f"{source}: relations.before"),
        relation_when=_words(relations.get("when"), f"{source}: relations.when"),
        relation_because=_words(relations.get("because"), f"{source}: relations.because"),
        object_types=object_types,
        complement_types=complement_types,
        argument_types=argument_types,
        subject_types=subject_types,
        measure_units=_words(raw.get("measure_units"), f"{source}: measure_units"),
        direction_words=_words(raw.get("direction_words"), f"{source}: direction_words"),
        motion_words=_words(raw.get("motion_words"), f"{source}: motion_words"),
        mass_nouns=_words(raw.get("mass_nouns"), f"{source}: mass_nouns"),
        tally_nouns=_words(raw.get("tally_nouns"), f"{source}: tally_nouns"),
        light_preps=_words(raw.get("light_preps"), f"{source}: light_preps"),
        adjective_participles=_words(raw.get("adjective_participles"), f"{source}: adjective_participles"),
        retrospective=_words(raw.get("retrospective_verbs"), f"{source}: retrospective_verbs"),
        conditional_marks=_words(raw.get("conditional_marks"), f"{source}: conditional_marks"),
        alternative_marks=_words(raw.get("alternative_marks"), f"{source}: alternative_marks"),
        speaker_pronouns=_words(raw.get("speaker_pronouns"), f"{source}: speaker_pronouns"),
        synonyms=_synonym_table(raw, source),
    )


def _synonym_table(raw: dict[str, Any], source: str) -> tuple[tuple[str, str], ...]:
    """``synonym_triggers`` (a list of word lists) as (word, first word of its set) pairs.

    >>> _synonym_table({"synonym_triggers": [["quit", "resign"]]}, "t")
    (('quit', 'quit'), ('resign', 'quit'))
    """
    sets = raw.get("synonym_triggers") or []
    if not isinstance(sets, list) or not all(isinstance(words, list) and words for words in sets):
        raise TaxonomyError(f"{source}: 'synonym_triggers' must be a list of word lists")
    pairs: list[tuple[str, str]] = []
    for words in sets:
        listed = [w.strip().lower() for w in words if isinstance(w, str)]
        if len(listed) != len(words) or any(w in {p for p, _ in pairs} for w in listed):
            raise TaxonomyError(f"{source}: synonym_triggers {words!r}: words must be strings listed once")
        pairs += [(word, listed[0]) for word in listed]
    return tuple(pairs)


def _type_table(raw: dict[str, Any], key: str, type_names: Any, source: str) -> tuple[tuple[str, str], ...]:
    """A ``{type name: [word, ...]}`` mapping of the file as (word, type) pairs; TaxonomyError if malformed."""
    table = raw.get(key) or {}
    if not isinstance(table, dict) or any(name not in type_names for name in table):
        raise TaxonomyError(f"{source}: '{key}' must map type names to word lists")
    return tuple((word, str(name)) for name, words in table.items()
                 for word in sorted(_words(words, f"{source}: {key}.{name}")))


def _argument_table(raw: dict[str, Any], type_names: Any, source: str,
                    key: str = "argument_types") -> tuple[tuple[str, str, str], ...]:
    """``argument_types`` or ``subject_types`` (``{trigger: {type name: [word, ...]}}``) as (trigger, word,
    type) triples.

    >>> _argument_table({"argument_types": {"meet": {"other": ["demand"]}}}, {"other": {}}, "t")
    (('meet', 'demand', 'other'),)
    """
    table = raw.get(key) or {}
    if not isinstance(table, dict):
        raise TaxonomyError(f"{source}: '{key}' must map trigger words to {{type: [words]}}")
    triples: list[tuple[str, str, str]] = []
    for trigger, by_type in table.items():
        where = f"{source}: {key}.{trigger}"
        if not isinstance(by_type, dict) or any(name not in type_names for name in by_type):
            raise TaxonomyError(f"{where}: expected a mapping of type names to word lists")
        triples += [(str(trigger).lower(), word, str(name)) for name, words in by_type.items()
                    for word in sorted(_words(words, f"{where}.{name}"))]
    return tuple(triples)


def _first_type(table: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A (word, type) table as word -> the first type it gives that word.

    >>> _first_type([("strike", "attack"), ("strike", "labor"), ("vote", "election")])
    {'strike': 'attack', 'vote': 'election'}
    """
    index: dict[str, str] = {}
    for word, name in table:
        index.setdefault(word, name)
    return index


def example_triggers(example: str) -> tuple[str, str]:
    """An example sentence without its brackets, and the bracketed trigger.

    >>> example_triggers("troops who [returned] home")
    ('troops who returned home', 'returned')
    """
    match = _TRIGGER_MARK.search(example)
    trigger = match.group(1) if match else ""
    return _TRIGGER_MARK.sub(lambda m: m.group(1), example), trigger


def _by_trigger(table: tuple[tuple[str, str, str], ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """(trigger, word, type) rows grouped by trigger, each group in table order (the first match wins).

    >>> _by_trigger((("meet", "demand", "other"), ("hit", "train", "disaster"), ("meet", "target", "other")))
    {'meet': (('demand', 'other'), ('target', 'other')), 'hit': (('train', 'disaster'),)}
    """
    grouped: dict[str, list[tuple[str, str]]] = {}
    for trigger, word, name in table:
        grouped.setdefault(trigger, []).append((word, name))
    return {trigger: tuple(rows) for trigger, rows in grouped.items()}
