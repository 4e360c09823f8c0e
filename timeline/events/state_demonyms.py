"""The states whose nationality words modify an event noun of a type states do ("a Russian veto" -> Russia): the
state is the noun's agent (participants) and not where the event happened (places).
"""
from __future__ import annotations

from spacy.tokens import Token

from timeline.actors.dictionary import ActorDictionary
from timeline.actors.lexicon import NounLexicon
from timeline.events.taxonomy import EventTaxonomy


def state_demonyms(token: Token, event_type: str) -> dict[int, str]:
    """The states whose demonyms modify an event noun of a type a state acts in (``state_agent_types``), by
    token index: "a Russian veto" -> Russia; not "anti-Russian attacks" or "Ukrainian deaths".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The vote followed a Russian veto.")
    >>> state_demonyms(doc[5], "decision"), state_demonyms(doc[5], "casualties")
    ({4: 'Russia'}, {})
    >>> state_demonyms(load_nlp()("Three died in a Philippine rebel attack.")[7], "attack")
    {}
    """
    if event_type not in EventTaxonomy.load().state_agent_types:
        return {}
    if any(c.dep_ == "compound" and c.lemma_.lower() in NounLexicon.load().member_nouns for c in token.lefts):
        return {}  # "a Philippine rebel attack": the rebels attacked, in the Philippines
    found: dict[int, str] = {}
    for child in token.lefts:
        words = token.doc[child.left_edge.i:child.i + 1]  # "North Korean"
        if child.dep_ != "amod" or child.pos_ not in ("ADJ", "PROPN") or words.start > 0 \
                and token.doc[words.start - 1].text in ("-", "\u2013"):  # "anti-Russian", "pro-Israeli"
            continue
        actor = ActorDictionary.load().demonym(words.text)
        if actor is not None and actor.type == "country":
            found[child.i] = actor.name
    return found
