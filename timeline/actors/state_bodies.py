"""A federal country's state chambers: in an article set in a US state ("passed the Iowa House", "the Kansas
governor") a bare "the Senate" is that state's Senate, not the United States Senate (lists in
``data/actors/federal_states.yaml``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from timeline.actors.actor import Actor
from timeline.actors.dictionary import ActorDictionary
from timeline.actors.mention import Mention
from timeline.paths import data_file
from timeline.yaml_strict import load_yaml


@dataclass(frozen=True)
class FederalStates:
    """States of federal countries, their namesake chambers and the words that set an article in one.

    >>> fs = FederalStates.load()
    >>> "Iowa" in fs.states["United States"], fs.chambers["United States"]["United States Senate"]
    (True, 'Senate')
    """

    states: dict[str, tuple[str, ...]]
    chambers: dict[str, dict[str, str]]
    setting_words: frozenset[str]
    federal_words: frozenset[str]

    @staticmethod
    @cache
    def load() -> FederalStates:
        raw = load_yaml(data_file("actors", "federal_states.yaml").read_text(encoding="utf-8")) or {}
        return FederalStates(
            states={str(k): tuple(str(s) for s in v) for k, v in (raw.get("states") or {}).items()},
            chambers={str(k): {str(a): str(b) for a, b in (v or {}).items()}
                      for k, v in (raw.get("chambers") or {}).items()},
            setting_words=frozenset(str(w).lower() for w in raw.get("setting_words") or ()),
            federal_words=frozenset(str(w).lower() for w in raw.get("federal_words") or ()))


def _state_at(doc: Doc, i: int, states: tuple[str, ...]) -> tuple[str, int] | None:
    """The state whose name begins at token ``i`` and the index after it, or None."""
    for state in states:
        words = state.split()
        if doc[i:i + len(words)].text == state:
            return state, i + len(words)
    return None


def setting_states(doc: Doc, states: tuple[str, ...], setting_words: frozenset[str]) -> set[str]:
    """The states an article names as its setting: a state's name right before a word of its institutions
    ("the Iowa House", "Kansas Gov. Jeff Colyer", "Texas lawmakers") or after "state of".

    >>> from timeline.nlp import load_nlp
    >>> fs = FederalStates.load()
    >>> sorted(setting_states(load_nlp()("The Kansas House passed it. Iowa wants more."), fs.states["United States"],
    ...                       fs.setting_words))
    ['Kansas']
    """
    found: set[str] = set()
    for token in doc:
        hit = _state_at(doc, token.i, states)
        if hit is None:
            continue
        state, after = hit
        if after < len(doc) and doc[after].lower_ in setting_words \
                or token.i >= 2 and doc[token.i - 2].lower_ == "state" and doc[token.i - 1].lower_ == "of":
            found.add(state)
    return found


def _federal(doc: Doc, country: str, dictionary: ActorDictionary, federal_words: frozenset[str]) -> bool:
    """True when the article speaks of the federal level: a federal word ("Congress") or the country named."""
    if any(t.lower_ in federal_words for t in doc):
        return True
    for ent in doc.ents:
        if ent.label_ == "GPE":
            actor = dictionary.lookup(ent.text, entity_label="GPE")
            if actor is not None and actor.name == country:
                return True
    return False


def state_chambers(doc: Doc, mentions: list[Mention], dictionary: ActorDictionary) -> None:
    """Rename a bare national chamber ("the Senate" -> United States Senate) or a bare chamber word ("House")
    to the chamber of the one state an article is set in ("Iowa Senate") when the article never speaks of the
    federal level; "the U.S. Senate" and any article naming Congress keep the national chamber."""
    fs = FederalStates.load()
    for country, chambers in fs.chambers.items():
        words = set(chambers.values())
        targets = [m for m in mentions if m.actor is not None and m.key != "coref" and (
            m.actor.name in chambers and m.surface.removeprefix("the ").strip() in words
            or m.actor.name == m.surface and m.surface in words)]
        if not targets:
            continue
        states = fs.states.get(country, ())
        federal = _federal(doc, country, dictionary, fs.federal_words) or any(  # "the U.S. Senate" written
            m.actor is not None and m.actor.name in chambers and m not in targets for m in mentions)
        settings = set() if federal else setting_states(doc, states, fs.setting_words)
        for mention in targets:
            state = _state_before(doc, mention.start, states) or (next(iter(settings)) if len(settings) == 1 else None)
            if state is None or mention.actor is None:
                continue  # "the Iowa Senate" is Iowa's whatever the article; a bare "Senate" needs one setting
            word = chambers.get(mention.actor.name, mention.surface)
            mention.actor, mention.aliases = Actor(f"{state} {word}", "organisation"), [mention.surface]


def _state_before(doc: Doc, start: int, states: tuple[str, ...]) -> str | None:
    """The state named right before a chamber word ("Iowa" in "the Iowa House"), or None."""
    for state in states:
        n = len(state.split())
        if start >= n and doc[start - n:start].text == state:
            return state
    return None
