"""An age description that refers back to a person ("The 52-year-old said", "the 49-year-old executive"): the one
person the article gave that age before it ("Jacques Nasser, 52,", "Nasser, 52 years old", "aged 52"), else
nobody. "a 52-year-old man" is a new person and is left alone.

>>> from timeline.nlp import load_nlp
>>> from timeline.actors.resolver import DocumentActors
>>> doc = load_nlp()("Jacques Nasser, 52, resigned. The 52-year-old said he would rest.")
>>> DocumentActors.from_doc(doc).resolve(doc[12:13])
Actor(name='Jacques Nasser', type='person')
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from timeline.actors.actor import Actor
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import CONTEXT, Mention
from timeline.function_words import word_set

#: How many tokens after a person's name the age may stand ("Mark Papermaster, formerly an executive, 49,").
_AGE_REACH = 8


def age_mentions(doc: Doc, mentions: list[Mention], taken: set[int], lex: NounLexicon) -> list[Mention]:
    """New one-token mentions for "the <N>-year-old" (or "the <N>-year-old <person noun>") with exactly one
    person of that age named before it."""
    people = [m for m in mentions if m.actor is not None and m.actor.type == "person"]
    named = {i for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for token in doc:
        if token.lower_ not in word_set("age_words") or token.pos_ != "ADJ":
            continue
        age = _age_of(token)
        head = token.head if token.dep_ == "amod" and token.head.lemma_.lower() in lex.person_nouns else token
        if age is None or head.i in taken or head.i in named or not _definite(head, token):
            continue
        first = min([c.i for c in head.lefts] + [c.i for c in token.lefts] + [token.i])
        aged = {p.actor for p in people if p.end <= first and _has_age(doc, p, age, first)}
        if head.dep_ == "appos":  # "Elian Gonzalez, the 6-year-old boy who survived": the name it describes
            aged = {p.actor for p in people if p.start <= head.head.i < p.end}
        if len(aged) == 1:
            actor: Actor | None = next(iter(aged))
            found.append(Mention(head.i, head.i + 1, head.text, "", key="coref", actor=actor, evidence=CONTEXT))
    return found


def _age_of(old: Token) -> str | None:
    """The number of "<N>-year-old" ("52" for the tokens 52 - year - old), or None."""
    for unit in old.lefts:
        if unit.lower_ in word_set("age_units"):
            number = [c for c in unit.lefts if c.like_num]
            if number:
                return number[0].text
    return None


def _definite(head: Token, old: Token) -> bool:
    """True for "the" before the age ("the 52-year-old", "The 52-year-old executive"), not "a 52-year-old man"."""
    first = min([c.i for c in head.lefts] + [c.i for c in old.lefts] + [old.i])
    return head.doc[first].lower_ == "the"


def _has_age(doc: Doc, person: Mention, age: str, until: int) -> bool:
    """True when the number ``age`` follows the person's name in its sentence, before token ``until`` (the
    description), as an age: an apposition ("Nasser, 52,") or next to an age word ("52 years old", "aged 52")."""
    sentence = doc[person.start].sent
    for i in range(person.end, min(sentence.end, person.end + _AGE_REACH, until)):
        token = doc[i]
        if token.text != age:
            continue
        near = {t.lower_ for t in doc[max(sentence.start, i - 3):min(sentence.end, i + 4)]}
        if token.dep_ == "appos" or near & (word_set("age_words") | word_set("age_units")):
            return True
    return False
