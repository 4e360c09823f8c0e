"""A party member named by a description ("the California Democrat", "a New York Republican") is a person, never a
group called "Democrat": the one person the article marks with that party, or nobody.

>>> from timeline.nlp import load_nlp
>>> from timeline.actors.resolver import DocumentActors
>>> doc = load_nlp()("Sen. Barbara Boxer, D-Calif., opposed the bill. The California Democrat said it would fail.")
>>> DocumentActors.from_doc(doc).resolve(doc[14:15])
Actor(name='Barbara Boxer', type='person')
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from timeline.actors.mention import CONTEXT, Mention
from timeline.function_words import word_map

#: How many tokens either side of a person's name a party cue may stand ("Sen. Barbara Boxer, D-Calif.,").
_CUE_REACH = 6


def link_party_members(doc: Doc, mentions: list[Mention]) -> None:
    """Give each party-member description the person it stands for, or no actor: the name joined to it ("the
    Democrat, Charles Schumer"), else the one person named before it with a cue of that party near the name
    ("Sen. Barbara Boxer, D-Calif.", "Democratic Sen. Jon Tester"), else nobody."""
    members = word_map("party_member_nouns")
    people = [m for m in mentions if m.actor is not None and m.actor.type == "person"]
    for mention in mentions:
        token = doc[mention.start]
        party = members.get(token.lower_)
        if mention.end - mention.start != 1 or party is None or not _described(token):
            continue
        joined = _joined_person(token, people)
        if joined is not None:
            mention.actor = None  # the name next to it is the actor
            continue
        marked = {p.actor for p in people if p.end <= token.i and _party_near(doc, p, party)}
        mention.actor = next(iter(marked)) if len(marked) == 1 else None
        if mention.actor is not None:
            mention.key, mention.evidence = "coref", CONTEXT


def _described(token: Token) -> bool:
    """True for a party noun used as a description: with an article or a place before it ("the Democrat", "a New
    York Republican"), not a title before a name ("Democrat Nancy Pelosi") nor a plural."""
    return token.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.lefts)


def _joined_person(token: Token, people: list[Mention]) -> Mention | None:
    """The person mention joined to the description by apposition, as its predicate or right after it."""
    near = [c.i for c in token.children if c.dep_ == "appos"] + [token.i + 1]
    if token.dep_ in ("appos", "attr"):
        near.append(token.head.i)
        near += [c.i for c in token.head.children if c.dep_ == "nsubj"]
    return next((p for p in people if any(p.start <= i < p.end for i in near)), None)


def _party_near(doc: Doc, person: Mention, party: str) -> bool:
    """True when a cue of ``party`` stands within reach of the person's name in its sentence ("D-Calif.",
    "Democratic Sen.", "a Democrat")."""
    cues = word_map("party_cue_words")
    sentence = doc[person.start].sent
    start, end = max(sentence.start, person.start - _CUE_REACH), min(sentence.end, person.end + _CUE_REACH)
    for i in range(start, end):
        word = doc[i].lower_
        if person.start <= i < person.end:
            continue
        if cues.get(word) == party and not word.endswith("-"):
            return True
        if i + 1 < end and doc[i + 1].text == "-" and cues.get(word + "-") == party:
            return True  # "D-Calif.": the party letter before a hyphen
    return False



