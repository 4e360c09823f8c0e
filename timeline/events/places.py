"""Where an event happened: the place phrases of its words, a disaster's owner or an attack's object, and what
looks like a place but is none (a range of places, a journal, a stock exchange).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from spacy.tokens import Span, Token

from timeline.actors.actor import Actor
from timeline.actors.lexicon import NounLexicon
from timeline.events.roles import phrase, prep_objects
from timeline.events.state_demonyms import state_demonyms
from timeline.events.taxonomy import EventTaxonomy
from timeline.events.trigger import Trigger
from timeline.function_words import word_set

#: Event types whose direct object, when it is a place, is where the event happened.
PLACE_OBJECT_TYPES = frozenset({"disaster", "attack"})
#: Event types whose possessor, when it is a place, is where they happened ("Indonesia's eruption"): a natural
#: event happens where its source is.
PLACE_ACTOR_TYPES = frozenset({"disaster"})


class PlaceResolver(Protocol):
    """What place finding needs from ``timeline.actors.DocumentActors``."""

    def place(self, span: Span) -> str | None: ...  # noqa: E704


def _place_or_event_noun(token: Token) -> bool:
    """True for a noun that can carry a place name before it: "the Kursk region", "the Atlanta bombings"."""
    from timeline.events.taxonomy import EventTaxonomy

    lemma = token.lemma_.lower()
    lexicon = NounLexicon.load()
    return lemma in lexicon.place_nouns or lemma in lexicon.event_nouns or EventTaxonomy.load().noun_type(lemma) is not None



def _place_range(pobj: Token) -> bool:
    """The place opens a range of places written before the verb ("From France to Nepal, leaders resign"): the
    places list where it happens, none is the one place of the event; a route ("flew from Paris to Berlin",
    the "to" a second phrase of the verb) is no range.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("From France to Nepal: three prime ministers resign. He flew from Paris to Berlin.")
    >>> _place_range(doc[1]), _place_range(doc[14])
    (True, False)
    """
    prep = pobj.head
    return prep.lower_ == "from" and pobj.dep_ == "pobj" and prep.i < prep.head.i and any(
        c.dep_ == "prep" and c.lower_ in ("to", "through") for t in (prep, pobj) for c in t.children)


def _publication_venue(prep: str, pobj: Token) -> bool:
    """"in X" after a word of publishing names the journal, no place ("scheduled for publication in Nature").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The study was published in Nature. The study was conducted in Kenya.")
    >>> _publication_venue("in", doc[5]), _publication_venue("in", doc[12])
    (True, False)
    """
    head = pobj.head.head if pobj.head.dep_ == "prep" else None
    if prep != "in" or pobj.pos_ != "PROPN" or head is None:
        return False
    words = [head] + [p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(w.lemma_.lower() in word_set("publication_words") for w in words)  # "scheduled for publication in"


def trading_venue(actor: Actor, token: Token) -> bool:
    """True for an exchange after "on" or "at": the place where shares trade, not an actor of the event.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Shares traded on the Nasdaq.")
    >>> trading_venue(Actor("Nasdaq", "company"), doc[4]), trading_venue(Actor("Nasdaq", "company"), doc[0])
    (True, False)
    """
    words = NounLexicon.load().role_descriptions.get("exchange", frozenset())
    return token.dep_ == "pobj" and token.head.lower_ in ("on", "at") \
        and any(w in words for w in re.findall(r"[a-z]+", actor.name.lower()))


def trading_session(token: Token) -> bool:
    """True for a trading session after "in" or "during" (``trading_words``), whatever names it: when shares
    moved, not an actor ("fell 80 cents in New York Stock Exchange composite trading").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("BP shares fell in London Stock Exchange trading. Traders cut trading.")
    >>> trading_session(doc[7]), trading_session(doc[11])
    (True, False)
    """
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "during") \
        and token.lemma_.lower() in word_set("trading_words")


def _state_acts_in(noun: Token) -> bool:
    """True for an event noun of a type states do whose nationality word names the state that did it ("a Russian
    strike", "an Israeli airstrike"), so no place; "the Turkish earthquake" (a disaster) stays in Turkey.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Troops were killed in a Russian strike after the Turkish earthquake.")
    >>> _state_acts_in(doc[6]), _state_acts_in(doc[10])
    (True, False)
    """
    event_type = EventTaxonomy.load().noun_type(noun.lemma_.lower())
    return event_type is not None and bool(state_demonyms(noun, event_type))


def place_name(resolver: PlaceResolver, token: Token, entity: Callable[[Token], Span | None]) -> str | None:
    """The place a noun names (``entity`` gives the named entity a token is part of), else None."""
    if token.pos_ not in ("PROPN", "NOUN"):
        return None
    entity_span = entity(token)
    if token.pos_ == "NOUN" and entity_span is None and not _place_or_event_noun(token):
        return None  # "outside the U.S. embassies in Kenya": an embassy of a country is not in it
    if token.pos_ == "PROPN" and entity_span is None and any(c.dep_ == "poss" for c in token.children) \
            and not _place_or_event_noun(token) \
            and any(w.like_num for w in [token] + [c for c in token.children if c.dep_ == "compound"]):
        return None  # "at Detroit's Big Three": a numbered group the city owns ("San Francisco's Chinatown" is a place)
    if token.pos_ == "NOUN" and entity_span is None and _state_acts_in(token):
        return None  # "killed in a Russian strike": the state struck, the strike was not in Russia
    for span in ([entity_span] if entity_span is not None else []) + [phrase(token)]:
        try:
            name = resolver.place(span)
        except Exception:  # noqa: BLE001 - a bug elsewhere must not lose the article
            name = None
        if name:
            return name
    if entity_span is not None and entity_span.root.lemma_.lower() in NounLexicon.load().event_nouns:
        # "at the London Marathon": a named event, held in the place its name starts with
        return next((name for word in entity_span if word.dep_ == "compound" and word.pos_ == "PROPN"
                     for name in [resolver.place(entity_span.doc[word.i:word.i + 1])] if name), None)
    if entity_span is not None and entity_span.label_ in ("GPE", "LOC", "FAC"):
        return re.sub(r"^the\s+", "", entity_span.text.strip(), flags=re.IGNORECASE) or None  # a place it missed
    return None


def event_location(trigger: Trigger, heads: list[Token], governors: list[Token], patients: list[Token],
                   place: Callable[[Token], str | None]) -> tuple[str, str, set[int]]:
    """Where an event happened, the preposition before it, and the tokens of the places found: a place phrase of
    the event's words (of the verb an event noun is the object of, ``governors``, only after the noun), a
    disaster's place owner, an attack's place object; ``place`` reads a token as a place."""
    token = trigger.token
    location, place_prep, place_tokens = "", "", set()
    for head in heads + governors:
        for prep, pobj in prep_objects(head, word_set("location_preps")):
            if head not in heads and pobj.i < token.i:
                continue  # the verb's place before the event noun is the verb's own
            if _place_range(pobj):
                continue  # "From France to Nepal: three prime ministers resign": places listed, none the event's
            if _publication_venue(prep, pobj):
                continue  # "scheduled for publication in Nature": a journal, no place
            town = _street_town(pobj, place)
            name = town[1] if town else place(pobj) or _town_read_as_person(prep, pobj)
            if name:
                place_tokens.add(town[0].i if town else pobj.i)
                if not location:
                    location, place_prep = name, "in" if town else prep
            elif not location:  # "killed in a building collapse in L'Aquila"
                for inner_prep, inner in prep_objects(pobj, word_set("inner_place_preps")):
                    inner_name = place(inner)
                    if inner_name:
                        place_tokens.add(inner.i)
                        location, place_prep = inner_name, inner_prep
                        break
    if trigger.event_type in PLACE_ACTOR_TYPES and not location:  # "Mount Sinabung's last eruption"
        for owner in [c for c in token.children if trigger.kind == "noun" and c.dep_ == "poss"]:
            # a noun's owner only: a verb's subject named like a storm is often a team ("Hurricanes bounced")
            name = place(owner)
            if name:  # the volcano, the region whose disaster it is, is where it happened
                location, place_prep = name, "in"
                break
    if trigger.kind == "verb" and token.lemma_.lower() in word_set("place_object_verbs"):  # "visited Kyiv": where
        for patient in [p for p in patients if p.dep_ == "dobj"]:  # the visit was, no participant
            name = place(patient) or _capital(patient)
            if name:
                place_tokens.add(patient.i)
                location, place_prep = location or name, place_prep or "in"
    if trigger.event_type in PLACE_OBJECT_TYPES and not location:  # "the storm struck eastern Canada"
        for patient in [p for p in patients if p.dep_ == "dobj"]:
            name = place(patient)
            if name:  # the place struck is also a participant (a reader filters "Italy" to find the quake)
                location, place_prep = name, "in"
                break
    if trigger.kind == "noun" and not location:  # "India train derailment": where it happened
        for child in [c for c in token.children if place_before_event(c, token, trigger.event_type)]:
            name = place(child)
            if name:
                location, place_prep = name, "in"
                place_tokens.add(child.i)
                break
    return location, place_prep, place_tokens


def _word_of_a_full_name(token: Token) -> bool:
    """True when the article names a person in full with this word in the name ("Judge Ana Ferreira" ... "trust
    in Ferreira"): a lone mention of the word is that person, whatever the tagger made of it."""
    return any(e.label_ == "PERSON" and len(e) > 1 and any(w.text == token.text for w in e) for e in token.doc.ents)


def _town_read_as_person(prep: str, pobj: Token) -> str | None:
    """"two people died in Braga", "floods in Valencia": a one-word name after "in" that the small model tagged
    as a person is a town the dictionary does not know, unless the article uses the word for a person elsewhere
    (part of a longer person's name, "Judge Braga", or a subject that acts: "Braga said")."""
    if prep != "in" or pobj.pos_ != "PROPN" or pobj.ent_type_ != "PERSON" or pobj.ent_iob_ != "B" \
            or any(True for _ in pobj.children) \
            or pobj.i + 1 < len(pobj.doc) and pobj.doc[pobj.i + 1].ent_iob_ == "I":
        return None
    doc = pobj.doc
    if _word_of_a_full_name(pobj):
        return None  # a surname or given name of someone the article names in full
    if any(t.text == pobj.text and t.i != pobj.i and t.dep_ in ("nsubj", "nsubjpass", "compound") for t in doc):
        return None  # the word acts or is titled elsewhere: a person (or a club) named by one word
    return pobj.text


def place_before_event(child: Token, noun: Token, event_type: str | None) -> bool:
    """True for a place written as a compound before an event or vehicle noun of a type states do not act in: the
    setting, not an actor ("India train derailment", "Japan earthquake"); "the Iran attack" keeps its state.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("India train derailment kills 12")
    >>> place_before_event(doc[0], doc[2], "disaster")
    True
    >>> place_before_event(doc[0], doc[2], "attack")
    False
    """
    return child.dep_ == "compound" and child.i < noun.i and child.ent_type_ in ("GPE", "LOC") \
        and event_type is not None and event_type not in EventTaxonomy.load().state_agent_types


def _street_town(pobj: Token, place: Callable[[Token], str | None]) -> tuple[Token, str] | None:
    """The town set off by a comma after a street or a site's street ("to a shopping centre on Patrick Street,
    Blacktown", "at 10 Downing Street, London"): the town is where the event was, the street only its address;
    a place after another place ("Cape Canaveral, Florida") is no street's town.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Police were called to a shopping centre on Patrick Street, Blacktown, after reports.")
    >>> found = _street_town(doc[6], lambda t: t.text if t.ent_type_ == "GPE" else None)
    >>> found[1] if found else None
    'Blacktown'
    """
    streets = [pobj] + [inner for _, inner in prep_objects(pobj, word_set("street_preps"))]
    for street in streets:
        for town in street.children:
            if street.lower_.rstrip(".") in word_set("street_nouns") and town.dep_ == "appos" \
                    and town.ent_type_ == "GPE" and town.i > street.i + 1 \
                    and street.doc[street.i + 1].text == ",":
                name = place(town)
                if name:
                    return town, name
    return None


def _capital(token: Token) -> str | None:
    """A one-word capital city the tagger took for a person ("visited Kyiv"), by the dictionary's capitals."""
    from timeline.actors.dictionary import ActorDictionary

    if token.pos_ != "PROPN" or token.ent_type_ != "PERSON" or token.ent_iob_ != "B" \
            or token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I":
        return None
    return token.text if ActorDictionary.load().capital(token.text, entity_label="GPE") is not None else None


def listed_place(token: Token) -> bool:
    """True for a member of a list of places given after a place noun ("won key battleground states including
    Georgia, North Carolina and Pennsylvania", "swing states like Michigan and Georgia"): each is one of those
    places, even a name that is also a country's, and takes no part; "countries including Russia" act.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Trump won key states including Georgia and Nevada. Nations including Georgia voted.")
    >>> [t.text for t in doc if listed_place(t)]
    ['Georgia', 'Nevada']
    """
    first = token
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in ("including", "like", "as"):
        return False
    if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
        return False  # "such as": "such" hangs on "as"
    noun = prep.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in NounLexicon.load().place_nouns


def place_qualifier(token: Token) -> bool:
    """True for the state or country after a place and a comma ("Prior Lake, Minnesota", "Reno, Nevada"): it
    says which place is meant and takes no part, even where the parse makes it a subject ("shows in New Buffalo,
    Michigan and Prior Lake, Minnesota were cancelled").

    A list of states ("Russia, Ukraine and Turkey") is no place and its qualifier:

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Shows in Reno, Nevada were cancelled. Nevada passed a law. Russia, Ukraine and Turkey met.")
    >>> [t.text for t in doc if place_qualifier(t)]
    ['Nevada']
    """
    from timeline.actors.dictionary import ActorDictionary

    if token.ent_type_ not in ("GPE", "LOC") or token.ent_iob_ != "B" or token.i < 2 or token.dep_ == "conj":
        return False
    comma, before = token.doc[token.i - 1], token.doc[token.i - 2]
    if comma.text != "," or before.ent_type_ not in ("GPE", "LOC") or not before.text[:1].isupper():
        return False
    end = next((t.i for t in token.doc[token.i:] if t.ent_iob_ != "I" and t.i > token.i), len(token.doc))
    after = token.doc[end] if end < len(token.doc) else None
    if after is not None and (after.lower_ in ("and", "or") or after.text == "," and end + 1 < len(token.doc)
                              and token.doc[end + 1].ent_type_ in ("GPE", "LOC")):
        return False  # "Russia, Ukraine and Turkey", "France, Germany, Italy": a list
    start = next(t.i for t in reversed(token.doc[:before.i + 1]) if t.ent_iob_ == "B")
    owner = ActorDictionary.load().lookup(token.doc[start:before.i + 1].text)
    return owner is None or owner.type != "country"  # "Moscow, Russia": the city; "Russia, Ukraine": two states
