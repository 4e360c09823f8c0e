"""Lower-case descriptions of a state or an office holder that refer back to one named actor.

"the government" (or "government forces") is the article's country when it names exactly one country
(``sole_country_nouns`` in nouns.yaml); "the judge" is the one person named before with "Judge" right before
the name (``person_descriptions``). With two candidates neither is guessed.

>>> from timeline.nlp import load_nlp
>>> from timeline.actors.resolver import DocumentActors
>>> doc = load_nlp()("Kenya's president spoke. The government said it would act.")
>>> DocumentActors.from_doc(doc).resolve(doc[6:7])
Actor(name='Kenya', type='country')
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import CONTEXT, Mention


def _definite(token: Token, lex: NounLexicon) -> bool:
    """True for "the <noun>" with no possessor, number, name or region's word before it ("the government", "the
    new government"; not "Kenya's government", "the Apple board", "the regional government")."""
    lefts = list(token.lefts)
    return bool(lefts) and lefts[0].lower_ == "the" and not any(
        c.dep_ in ("poss", "nummod") or c.pos_ == "PROPN" or c.ent_type_ or c.lower_ in lex.subnational_modifiers
        for c in lefts)


def _named_by_of(token: Token) -> bool:
    """True when an "of" phrase says whose it is ("the government of the state of Odisha")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights)


def _state_modifier(token: Token, lex: NounLexicon) -> bool:
    """True for a bare state noun modifying an agent noun: "government forces", "government soldiers"."""
    head = token.head
    return token.dep_ in ("compound", "nmod", "amod") and head.i != token.i and head.i > token.i \
        and not any(c.dep_ in ("det", "poss") for c in token.children) \
        and (head.lemma_.lower() in lex.armed_unit_nouns or head.lower_ in lex.armed_unit_nouns
             or head.lemma_.lower() in lex.person_nouns)


def description_mentions(doc: Doc, mentions: list[Mention], taken: set[int], lex: NounLexicon) -> list[Mention]:
    """New one-token mentions for state and office descriptions that have exactly one antecedent."""
    countries = {m.actor for m in mentions if m.actor is not None and m.actor.type == "country"}
    people = [m for m in mentions if m.actor is not None and m.actor.type == "person" and m.acts]
    found: list[Mention] = []
    for token in doc:
        if token.i in taken or token.pos_ != "NOUN":
            continue
        lower = token.lower_
        if lower in lex.sole_country_nouns:
            if len(countries) == 1 and not _named_by_of(token) and (_definite(token, lex) or _state_modifier(token, lex)):
                found.append(Mention(token.i, token.i + 1, token.text, "", key="coref",
                                     actor=next(iter(countries)), evidence=CONTEXT))
        elif lower in lex.person_descriptions and _definite(token, lex):
            titled = {m.actor for m in people if m.end <= token.i and _titled_by(doc, m, lower)}
            if len(titled) == 1:
                found.append(Mention(token.i, token.i + 1, token.text, "", key="coref",
                                     actor=next(iter(titled)), evidence=CONTEXT))
    return found


def _titled_by(doc: Doc, mention: Mention, noun: str) -> bool:
    """True when the office noun stands right before the person's name ("Judge Lance Ito", "District Judge
    Kent") or is joined to it ("Lance Ito, the judge")."""
    before = doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.lower_ == noun:
        return True
    root = doc[mention.start:mention.end].root
    return any(c.dep_ == "appos" and c.lower_ == noun for c in root.children) \
        or root.dep_ == "appos" and root.head.lower_ == noun
