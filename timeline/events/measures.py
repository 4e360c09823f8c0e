"""Measured moves: a verb that moves a market by a number with a unit, a direction or a match score.

"The Dow shed 231 points", "the FTSE ended down", "Stephens beat Osaka 7-5" are results; "the storm surged
north" moves a body, not a market (units, direction and motion words: ``measure_units``, ``direction_words``,
``motion_words`` in the taxonomy).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from timeline.actors.dictionary import ActorDictionary
from timeline.events.taxonomy import EventTaxonomy

_MEASURE_DEPS = frozenset({"npadvmod", "dobj", "advmod", "acomp", "attr", "oprd", "prep"})
_DIRECTION_DEPS = frozenset({"advmod", "acomp", "npadvmod", "oprd"})
_SCORE = re.compile(r"^\d{1,3}$")


#: The dictionary file of stock indices and currencies, the names that a market verb's subject may be.
_MARKETS_FILE = "markets.yaml"


def market_name(text: str) -> str | None:
    """The listed index or currency a text names ("the Nikkei" -> Nikkei 225), or None.

    >>> market_name("the Nikkei"), market_name("Sony")
    ('Nikkei 225', None)
    """
    dictionary = ActorDictionary.load()  # markets.yaml is one of its files: no second read
    actor = dictionary.lookup(text)
    return actor.name if actor is not None and dictionary.listed_in(actor, _MARKETS_FILE) else None


def moved_market(verb: Token) -> bool:
    """True when a subject of the verb is a stock index or currency named in ``data/actors/markets.yaml``
    ("The Topix rallied", "the Nifty marched higher", "Hong Kong's Hang Seng sank", "the dollar continued to
    rally"): the verb moves that market. A possessive place before the name is left out of it; an infinitive
    without a subject of its own takes the subject of the verb it completes; a common noun counts only as a
    lower-case name of the table ("the dollar", "the ruble").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Topix rallied. Supporters of Topix rallied in Tokyo. Hong Kong's Hang Seng sank.")
    >>> moved_market(doc[2]), moved_market(doc[7]), moved_market(doc[16])
    (True, False, True)
    >>> doc = load_nlp()("The dollar continued to rally. The crowd continued to rally.")
    >>> [moved_market(t) for t in doc if t.lower_ == "rally"]
    [True, False]
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(names_market(subject) for subject in subjects)


def names_market(word: Token) -> bool:
    """True when a noun phrase head names a listed stock index or currency (``data/actors/markets.yaml``): a
    name with its name words but no possessive place ("Hong Kong's Hang Seng"), or a common noun that is a
    lower-case name of the table ("the dollar", "the ruble"), alone or with the word before it.
    A name the table lists shortened ("the Dow Jones Industrial") counts by its first two words or more.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They sent the Dow Jones Industrial above 11,000 and sent troops.")
    >>> [names_market(t) for t in doc if t.dep_ == "dobj"]
    [True, False]
    """
    if word.pos_ == "NOUN":
        lefts = [c for c in word.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i == word.i - 1]
        texts = [word.doc[lefts[0].left_edge.i:word.i + 1].text] if lefts else []
        return any(market_name(text) is not None for text in texts + [word.lower_])
    if word.pos_ != "PROPN":
        return False
    possessor = {t.i for c in word.children if c.dep_ == "poss" for t in c.subtree}
    words = [t for t in word.subtree if (t.pos_ == "PROPN" or t.like_num) and t.i not in possessor]
    # a shortened name keeps its listed first words ("the Dow Jones Industrial" is the Dow Jones): two at least
    return any(market_name(" ".join(t.text for t in words[:end])) is not None
               for end in range(len(words), min(len(words), 2) - 1, -1) if end)


def is_measured_move(verb: Token, taxonomy: EventTaxonomy) -> bool:
    """True for a verb or state that gives a measured move: a number with a unit ("shed 30.35 points",
    "advanced 2.4 per cent", "stood at 71 cents") or a direction ("ended down", "Stocks were down").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The index shed 30 points. Stocks were lower in Europe. Trading was low. It employs 4,000 people.")
    >>> [is_measured_move(doc[i], EventTaxonomy.load()) for i in (2, 7, 14, 18)]
    [True, True, False, False]
    """
    return has_direction(verb, taxonomy) or has_measure(verb, taxonomy)


def has_measure(verb: Token, taxonomy: EventTaxonomy) -> bool:
    """A number with a unit on the verb ("shed 30.35 points", "opened down by 87 points", "advanced 2.4 per cent").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It opened down by 87 points. The shop opened down the road.")
    >>> [has_measure(t, EventTaxonomy.load()) for t in doc if t.lower_ == "opened"]
    [True, False]
    """
    for child in verb.children:
        if child.dep_ not in _MEASURE_DEPS:
            continue
        heads = [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        if any(_is_measure(head, taxonomy) for head in heads):
            return True
    return False


def _is_unit(token: Token, taxonomy: EventTaxonomy) -> bool:
    return token.lower_ in taxonomy.measure_units or token.lemma_.lower() in taxonomy.measure_units


def _is_measure(head: Token, taxonomy: EventTaxonomy) -> bool:
    """"30 points", "0.78%", "71 cents" (a unit counted by a number) or "2.4 per cent" (a number with a unit)."""
    if _is_unit(head, taxonomy):
        return any(c.like_num for c in head.children)
    return head.like_num and any(_is_unit(t, taxonomy) for t in head.subtree if t.head.head.i == head.i)


def beat_by_score(verb: Token, taxonomy: EventTaxonomy | None = None) -> bool:
    """A verb whose object is followed by a match score is a match result: "Stephens beat Osaka 7-5, 6-3",
    "Evans dispatched Griekspoor 7-6", "overcame Chennaiyin 2-1" (no deployment, no untyped action); so is an
    ``outcome_verbs`` verb with no object and the score right after it ("Paul won 7-5 3-6 6-3", "lost 2-1").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Stephens beat Osaka 7-5, 6-3. They sent 200 troops to the front in 2023. Paul won 7-5 6-3.")
    >>> beat_by_score(doc[1]), beat_by_score(doc[11]), beat_by_score(doc[22], EventTaxonomy.load())
    (True, False, True)
    >>> beat_by_score(doc[22])  # without the taxonomy's outcome verbs only an object's score counts
    False
    """
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return taxonomy is not None and verb.lemma_.lower() in taxonomy.outcome_verbs \
            and _score_at(doc, verb.i + 1)
    return any(_score_at(doc, start) for start in {objects[0].right_edge.i + 1, objects[0].i + 1})


def _score_at(doc: Doc, start: int) -> bool:
    """A match score starts at token ``start``: "7 - 5" (three tokens) or "7-5" (one)."""
    if start + 2 < len(doc) and _SCORE.match(doc[start].text) and doc[start + 1].text in ("-", "–") \
            and _SCORE.match(doc[start + 2].text):
        return True
    return start < len(doc) and re.fullmatch(r"\d{1,3}[-–]\d{1,3}", doc[start].text) is not None


def moves_a_body(verb: Token, taxonomy: EventTaxonomy) -> bool:
    """A move through space, not of a market: a ``motion_words`` adverb or preposition on the verb whose goal
    is no number, and no measure ("surged north", "soared toward the stars"; not "climbed toward $100").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The storm surged north. Oil climbed toward $100. Shares soared 5% toward a record.")
    >>> [moves_a_body(doc[i], EventTaxonomy.load()) for i in (2, 6, 12)]
    [True, False, False]
    """
    if is_measured_move(verb, taxonomy):
        return False
    for child in verb.children:
        if child.lower_ not in taxonomy.motion_words or child.dep_ not in ("advmod", "prep", "npadvmod"):
            continue
        goals = [g for g in child.children if g.dep_ == "pobj"]
        if not any(g.like_num or g.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
                   or any(c.like_num for c in g.children) for g in goals):
            return True
    return False


def has_direction(verb: Token, taxonomy: EventTaxonomy, comparative: bool = False) -> bool:
    """A direction word on the verb ("ended down"); ``comparative``: only "higher"/"lower" ("opened lower"),
    not "down" ("stepped down")."""
    return any(c.dep_ in _DIRECTION_DEPS and c.lower_ in taxonomy.direction_words
               and (not comparative or c.tag_ in ("JJR", "RBR")) for c in verb.children)
