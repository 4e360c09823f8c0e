"""Who moves in a market move: a city written for its stock market and an index the text does not name.

"Tokyo fell 2%", "Seoul slumped", "Paris gained 2 percent": the city stands for its market, so the actor is the
city under the text's own word, never its country (a capital acting politically, "Pyongyang sent troops", is
the state: :mod:`timeline.actors.linking`). "Chile's index fell", "China's Shanghai index dropped", "India's
benchmark index rose": an index the text names by its country or exchange city, not by a listed name
(``data/actors/markets.yaml``); its actor is the phrase the text writes ("Shanghai index", "Chile's index").
"""
from __future__ import annotations

from spacy.tokens import Token

from timeline.actors.dictionary import ActorDictionary
from timeline.actors.lexicon import NounLexicon
from timeline.events.measures import beat_by_score, is_measured_move, market_name
from timeline.events.taxonomy import EventTaxonomy
from timeline.function_words import word_set
from timeline.nlp import entity_of

_PLACE_LABELS = frozenset({"GPE", "LOC"})


def market_move(verb: Token) -> bool:
    """A verb that moves a market by a measure or a direction ("fell 2%", "ended lower"), no match result.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Tokyo fell 2%. Tokyo hosted the talks. Paris won 2-1. Paris gained 2 percent.")
    >>> [market_move(doc[i]) for i in (1, 6, 11, 17)]
    [True, False, False, True]
    >>> doc = load_nlp()("Yageo raised its offer price by 7%. Paris recorded its biggest losses.")
    >>> market_move(doc[1]), market_move(doc[10])
    (False, True)
    """
    taxonomy = EventTaxonomy.load()
    objects = [c for c in verb.children if c.dep_ == "dobj" and not c.like_num
               and c.ent_type_ not in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL") and c.lower_ not in taxonomy.measure_units]
    if objects and verb.pos_ == "VERB" and all(o.lemma_.lower() in word_set("move_objects") for o in objects):
        return True  # "Paris and Frankfurt both recorded their biggest losses", "Tokyo posted gains"
    if objects:
        return False  # "Yageo raised its offer price by 7%": an act on a thing, no market moving
    return verb.pos_ in ("VERB", "AUX") and is_measured_move(verb, taxonomy) and not beat_by_score(verb, taxonomy)


def market_city(subject: Token) -> str | None:
    """The city a market-move subject names for its market, as the text writes it ("Tokyo", "Hong Kong"),
    or None: a country's own name ("Japan fell"), a possessor ("Frankfurt's DAX") or no place.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Tokyo fell 2% and Japan's exports fell. Frankfurt's DAX rose 1%.")
    >>> market_city(doc[0]), market_city(doc[5]), market_city(doc[11])
    ('Tokyo', None, None)
    >>> doc = load_nlp()("Shares in Sydney ended lower. Protesters in Sydney rallied.")
    >>> market_city(doc[2]), market_city(doc[8])
    ('Sydney', None)
    """
    if subject.dep_ not in ("nsubj", "conj") and not (subject.dep_ == "pobj" and traded_in(subject.head.head) == subject):
        return None  # "Shares in Sydney": the city the shares trade in stands for its market too
    return _city_name(subject)


def traded_in(subject: Token) -> Token | None:
    """The city a stock noun subject is traded in, written as its market ("Shares in Sydney ended lower",
    "stocks in Tokyo fell" -> Sydney, Tokyo), or None: no stock noun ("Protesters in Sydney"), a country's own
    name or no place.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Shares in Sydney ended lower. Protesters in Sydney rallied. Shares in Apple fell.")
    >>> [traded_in(doc[i]) for i in (0, 6, 11)]
    [Sydney, None, None]
    """
    if subject.pos_ != "NOUN" or subject.lower_ not in NounLexicon.load().stock_nouns:
        return None
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if place is not None and _city_name(place) is not None:
                return place
    return None


def index_place(child: Token, noun: Token) -> bool:
    """True for a place's possessive before a listed index that a headline's parse hangs on the move noun beside
    the index ("Japan's Nikkei plunges 6%", "Hong Kong's Hang Seng slumps"): whose index it is, no actor of its own.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Japan's Nikkei plunges 6.18% in earthquake aftermath")
    >>> index_place(doc[0], doc[3])
    True
    """
    if child.dep_ != "poss" or child.ent_type_ not in _PLACE_LABELS or child.i > noun.i:
        return False
    words = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and child.i < c.i < noun.i]
    return bool(words) and market_name(" ".join(w.text for w in words)) is not None


def gapped_city(name: Token) -> str | None:
    """The city a gapped market clause names for its market ("Tokyo fell 2%, Seoul 3%" -> Seoul), as the
    text writes it; None for a country's own name, a possessor or no place."""
    return _city_name(name)


def _city_name(subject: Token) -> str | None:
    """The place a name token heads as the text writes it, unless it is a country's own name or a possessor."""
    if subject.pos_ != "PROPN" or subject.ent_type_ not in _PLACE_LABELS:
        return None
    entity = entity_of(subject)
    if entity is None or entity.root != subject:
        return None
    known = ActorDictionary.load().lookup(entity.text, entity_label=entity.label_)
    if known is not None and known.type == "country" and known.name != entity.text:
        return None  # "Japan", "the U.S.": a country's name is the country's market, already its actor
    return entity.text.removeprefix("the ").removeprefix("The ")


def unnamed_index(head: Token) -> str | None:
    """The name a market-move subject gives an index it does not name ("Chile's index" -> "Chile's index",
    "China's Shanghai index" -> "Shanghai index", "India's benchmark index" -> "India's benchmark index"); None
    for a listed index ("the Hang Seng index"), an index with no place ("the index": a reference) or no index.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("China's Shanghai index fell. Chile's index fell. The index fell. India's benchmark index rose.")
    >>> [unnamed_index(t) for t in doc if t.lower_ == "index"]
    ['Shanghai index', "Chile's index", None, "India's benchmark index"]
    """
    if head.pos_ != "NOUN" or head.lemma_.lower() not in word_set("index_heads"):
        return None
    doc = head.doc
    lefts = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    if not lefts:
        return None
    start = min(c.left_edge.i for c in lefts)
    if ActorDictionary.load().lookup(doc[start:head.i + 1].text) is not None:
        return None  # a listed index: the resolver names it
    names = [c for c in lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    if names:  # "China's Shanghai index": the exchange's city or name with the head
        first = min(c.left_edge.i for c in names)
        return doc[first:head.i + 1].text
    owners = [c for c in lefts if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ in _PLACE_LABELS]
    if owners:  # "Chile's index", "India's benchmark index"
        return doc[owners[0].left_edge.i:head.i + 1].text
    return None


def written_index(head: Token) -> str | None:
    """The listed index a subject writes around a number or a generic noun the parser took for its head ("The
    Standard & Poor's 500 was up" -> S&P 500, "the Standard & Poor's 500-stock index hit" -> S&P 500): the
    longest run of the phrase's words from its first name word that the index table lists; None for a name
    head (the resolver names it) or no listed index.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Standard & Poor's 500 was up 2%. The Standard & Poor's 500-stock index fell.")
    >>> [written_index(t) for t in doc if t.dep_ == "nsubj"]
    ['S&P 500', 'S&P 500']
    >>> doc = load_nlp()("The 500 workers were up early. The stock index fell.")
    >>> [written_index(t) for t in doc if t.dep_ == "nsubj"]
    [None, None]
    """
    if head.pos_ not in ("NUM", "NOUN"):
        return None
    doc = head.doc
    start = next((t.i for t in doc[head.left_edge.i:head.i] if t.pos_ == "PROPN"), None)
    if start is None:
        return None  # "the 500 workers", "the stock index": no name word written
    for end in range(head.i, start, -1):
        named = market_name(doc[start:end + 1].text)
        if named is not None:
            return named
    return None


def market_antecedent(pronoun: Token) -> str | None:
    """The index or currency an "it" subject of a market move stands for: the last one named in its sentence or
    the one before, with no other organisation, person or country named in between ("The Nikkei opened higher,
    and analysts said it slumped 3%" -> Nikkei 225; "The Nikkei rose. Sony said it fell" -> None).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Nikkei opened higher, and analysts said it slumped 3%. Sony said it fell 2%.")
    >>> market_antecedent(doc[8]), market_antecedent(doc[16])
    ('Nikkei 225', None)
    >>> doc = load_nlp()("It paid 6,635 yen a share as it awaits approval. The dollar rose as it gained 1%.")
    >>> market_antecedent(doc[7]), market_antecedent(doc[15])
    (None, 'United States dollar')
    """
    if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj":
        return None
    doc = pronoun.doc
    first = pronoun.sent.start
    if first > 0:
        first = doc[first - 1].sent.start
    i = pronoun.i - 1
    while i >= first:
        token = doc[i]
        if token.pos_ == "PROPN":  # a run of name words: "Hang Seng", "Nikkei"
            start = i
            while start > first and doc[start - 1].pos_ == "PROPN":
                start -= 1
            named = market_name(doc[start:i + 1].text)
            if named is not None:
                return named
            if token.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "PRODUCT"):
                return None  # another name stands between: "it" may be that one
            i = start - 1
            continue
        if token.pos_ == "NOUN" and token.is_lower and market_name(token.lower_) is not None \
                and any(c.lower_ == "the" for c in token.lefts):
            return market_name(token.lower_)  # "the dollar"
        i -= 1
    return None
