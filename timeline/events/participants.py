"""Participant selection: which noun phrases of the parse take part in an event, and where it happened.

The parse chooses the spans (subject, passive agent, object, recipient, the possessor or "of" object of
an event noun, their conjuncts and appositions); the document's actor resolver turns each span into a
canonical actor, or into a place, which goes to ``location`` instead of ``actors``.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from timeline.actors.actor import Actor
from timeline.actors.dictionary import ActorDictionary
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import bracket_note, in_dateline, ticker_owner
from timeline.events.antecedents import COMPANY_TYPES, PronounAntecedents, _plural
from timeline.events.gapping import gapped_subjects
from timeline.events.given_things import category_before_figure, given_name, given_objects
from timeline.events.lasting_measures import names_lasting_measure
from timeline.events.market_actors import (
    gapped_city,
    index_place,
    market_antecedent,
    market_city,
    market_move,
    traded_in,
    unnamed_index,
    written_index,
)
from timeline.events.measures import is_measured_move, market_name
from timeline.events.named_things import (
    glued_name,
    joined_words,
    looks_like_product,
    name_word,
    named_hazard,
    named_thing,
)
from timeline.events.pairs import Pair, pair_reference
from timeline.events.places import (
    event_location,
    listed_place,
    place_before_event,
    place_name,
    place_qualifier,
    trading_session,
    trading_venue,
)
from timeline.events.retyping import tells_containment
from timeline.events.roles import (
    amount_owners,
    amount_sources,
    expand,
    in_modifier_clause,
    passive_agents,
    patients_of,
    phrase,
    prep_objects,
    subjects_of,
)
from timeline.events.state_demonyms import state_demonyms
from timeline.events.taxonomy import EventTaxonomy
from timeline.events.things import (
    accident_vehicle,
    carried_off,
    is_thing,
    kind_before_event,
    procedure_act,
    thing_name,
    vehicle_name,
)
from timeline.events.trigger import Trigger
from timeline.function_words import word_set
from timeline.nlp import entity_of
from timeline.quotes import quoted

log = logging.getLogger(__name__)


class ActorResolver(Protocol):
    """What participant selection needs from ``timeline.actors.DocumentActors``."""

    def resolve(self, span: Span) -> Actor | None: ...  # noqa: E704

    def place(self, span: Span) -> str | None: ...  # noqa: E704

    def note_thing(self, name: str, token: Token, kind: str | None = "product") -> str: ...  # noqa: E704

    def financial_thing(self, token: Token) -> Actor | None: ...  # noqa: E704

    @property
    def actors(self) -> list[Actor]: ...  # noqa: E704


@dataclass(frozen=True)
class Participants:
    """Canonical actors of one event (agent first), its location, and the spans they came from."""

    actors: tuple[str, ...]
    location: str
    agent: str
    agent_text: str
    object_text: str
    place_prep: str
    agent_plural: bool = False
    agent_pair: tuple[str, ...] = ()  # the pair a subject "they" or "the two men" stands for (summary names both)


_MESSAGE_TYPES = frozenset({"statement", "report"})


def on_platform(pobj: Token) -> bool:
    """True for the object of "on"/"via" that names a social platform or messaging service ("a statement on X",
    "wrote in a post on Facebook", "announced via Telegram"): where a message was posted, no party to it.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("In a statement on X, he apologized. Sanctions on Iran followed.")
    >>> on_platform(doc[4]), on_platform(doc[11])
    (True, False)
    """
    return pobj.dep_ == "pobj" and pobj.head.lower_ in ("on", "via") \
        and pobj.lower_ in word_set("platform_names")


def measure_end(verb: Token, prep: str, pobj: Token) -> bool:
    """True for the counted end point of a measured move ("rose 6.2% to 200,436 vehicles from 188,813
    vehicles"): a number of things the figure went to or from, no participant; "sold 500 cars to 300 dealers"
    moves no figure and keeps its recipients.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Sales rose 6% to 200,436 vehicles. Ford sold 500 cars to 300 dealers.")
    >>> measure_end(doc[1], "to", doc[6]), measure_end(doc[9], "to", doc[14])
    (True, False)
    """
    return prep in ("to", "from") and pobj.pos_ == "NOUN" \
        and any(c.dep_ == "nummod" and c.like_num for c in pobj.children) \
        and is_measured_move(verb, EventTaxonomy.load())


@lru_cache(maxsize=1)
def _statement_verbs() -> frozenset[str]:
    """Verbs whose subject speaks about an event object without taking part in it ("condemned the bombings")."""
    taxonomy = EventTaxonomy.load()
    return taxonomy.retrospective | taxonomy.reporting_verbs


def relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause's verb hangs on when the clause's subject is a relative pronoun ("China" of
    "to China, which sent ships"), else None: it acts in that clause even where the main clause makes it a place.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He sold arms to China, which sent ships and fired. China sent ships.")
    >>> relative_antecedent(doc[7]), relative_antecedent(doc[10]), relative_antecedent(doc[13])
    (China, China, None)
    """
    while verb.dep_ == "conj" and verb.head != verb and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "Russia, which seized Crimea and backs separatists"
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in word_set("relative_pronouns")
                                       for c in verb.children):
        return None
    return verb.head if verb.head.pos_ == "PROPN" else None


def released_work(noun: Token, event_type: str) -> bool:
    """A common work noun with its owner ("his debut album") in a release: what is released, never an actor
    (data/actors/nouns.yaml work_nouns); the owner (the artist) acts.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("His debut album was released by Jones.")
    >>> released_work(doc[2], "launch/release"), released_work(doc[2], "award"), released_work(doc[6], "launch/release")
    (True, False, False)
    """
    return event_type == "launch/release" and noun.pos_ == "NOUN" and noun.is_lower \
        and noun.lemma_.lower() in NounLexicon.load().work_nouns and any(c.dep_ == "poss" for c in noun.children)
    # an owned work only: "a full length TV movie is available" keeps the movie (no artist to stand for it)


def _with_counted(noun: Token, text: str) -> str:
    """A collection noun's phrase with what it counts ("a series" -> "a series of earthquakes"); other phrases
    as they are."""
    if noun.lemma_.lower() not in NounLexicon.load().collection_nouns:
        return text
    counted = [pobj for _, pobj in prep_objects(noun, frozenset({"of"}))]
    return f"{text} of {phrase(counted[0]).text}" if counted else text


def coordinated_title(token: Token) -> bool:
    """True for a bare capitalised title coordinated with a titled person's name ("Former United States President
    and Republican Presidential candidate Donald J. Trump wins"): the parse makes the first title the head and the
    name its conjunct; the whole is one person, and the country in the first title is only its qualifier. A title
    with an article ("The President and Donald Trump met") names someone else.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Former United States President and Republican candidate Donald J. Trump wins the vote.")
    >>> coordinated_title(next(t for t in doc if t.text == "President"))
    True
    >>> doc = load_nlp()("The president and Donald Trump met on Monday.")
    >>> coordinated_title(doc[1])
    False
    """
    lex = NounLexicon.load()
    if not token.text[:1].isupper() or token.lower_.rstrip(".") not in lex.titles | lex.person_nouns \
            or token.ent_type_ == "PERSON" or any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    names = [c for c in token.children if c.dep_ == "conj" and c.ent_type_ == "PERSON" and c.i > token.i]
    if not names or not any(c.dep_ == "cc" and token.i < c.i < names[0].i for c in token.children):
        return False
    return not any(t.is_punct or t.pos_ == "DET" for t in token.doc[token.i + 1:names[0].i])


def titled_holder(token: Token) -> Token | None:
    """The name after a bare title "of" a place or office ("Governor of Texas Greg Abbott signed",
    "Archbishop of Canterbury Justin Welby resigned"): the parse makes the title the subject and the person's
    name the object of "of"; the person acts. None when the title has an article or possessor ("the wife of John
    Smith"), or when the person's name follows "of" directly ("Minister of Jane Doe" is no such phrase).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Governor of Texas Greg Abbott signed the bill on Monday.")
    >>> titled_holder(doc[0]).text
    'Abbott'
    >>> doc = load_nlp()("Crews worked through the night. Mayor of London Sadiq Khan opened the bridge on Monday.")
    >>> titled_holder(doc[6]).text
    'Khan'
    >>> doc = load_nlp()("The wife of John Smith signed the bill on Monday.")
    >>> titled_holder(doc[1]) is None
    True
    """
    lex = NounLexicon.load()
    if not token.text[:1].isupper() or token.lower_.rstrip(".") not in lex.titles | lex.person_nouns \
            or token.ent_type_ == "PERSON" or any(c.dep_ in ("det", "poss") for c in token.children):
        return None
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != token.i + 1:
            continue
        for name in prep.children:
            if name.dep_ != "pobj" or name.ent_type_ != "PERSON" or name.ent_iob_ == "B" and name.i == prep.i + 1:
                continue
            start = name.i
            while start > 0 and name.doc[start].ent_iob_ == "I":
                start -= 1
            while start - 1 > prep.i + 1 and name.doc[start - 1].head == name and name.doc[start - 1].dep_ == "compound" \
                    and name.doc[start - 1].pos_ == "PROPN" and not name.doc[start - 1].ent_type_:
                start -= 1  # "Mayor of London Sadiq Khan": the model tags only "Khan" as the person
            ends = name.i + 1 == len(name.doc) or name.doc[name.i + 1].ent_iob_ != "I"
            if ends and start > prep.i + 1 and start - name.i < 0:
                return name
    return None


def unowned_figure(token: Token) -> bool:
    """True for a company figure that is the subject of its clause and says nothing of whose it is: no possessive,
    no name, product or market word before it, no "of"/"at" phrase ("net income in the third quarter jumped",
    "sales fell 22 percent"; not "car sales", "GM's sales", "sales at Detroit's Big Three"); a date word before it
    is when ("third-quarter sales")."""
    if token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubjpass") \
            or token.lemma_.lower() not in NounLexicon.load().result_nouns:
        return False
    return not any(c.dep_ in ("poss", "nmod", "nummod", "appos") or c.dep_ == "compound" and c.ent_type_ != "DATE"
                   or c.dep_ == "prep" and c.lower_ in word_set("figure_owner_preps") or c.dep_ == "det"
                   and c.lower_ not in word_set("articles") for c in token.children)


def _told_by_other(figure: Token) -> bool:
    """True when the figure's clause is told by a speaker of its own ("Analysts said profit fell"): the speaker's
    figure, not one to take from the company named before (a company speaker is found before this is asked)."""
    verb = figure.head
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in EventTaxonomy.load().reporting_verbs \
        and any(c.dep_ == "nsubj" for c in verb.head.children)


def currency_country(token: Token) -> bool:
    """True for a proper noun an amount of money counts ("a profit of almost $1 billion US", "5 million US"): the
    name tells the currency, no country taking part; not "US investors", "$5 million to US firms", nor a fund its
    size counts ("The $1.5 billion Fidelity High Income Fund").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Ford posted a profit of almost $1 billion US. It paid $5 million to US firms.")
    >>> currency_country(doc[9]), currency_country(doc[17])
    (True, False)
    >>> currency_country(load_nlp()("The $1.5 billion Fidelity High Income Fund had an outflow.")[7])
    False
    """
    return token.pos_ == "PROPN" and token.ent_type_ == "GPE" and any(
        c.dep_ == "nummod" and (c.ent_type_ == "MONEY" or any(w.tag_ == "$" for w in c.subtree)) for c in token.lefts)


def _event_noun(token: Token) -> bool:
    """True for a noun the taxonomy makes an event ("crash", "strike"): its named modifier takes part."""
    return EventTaxonomy.load().noun_type(token.lemma_.lower()) is not None


def _business_part(token: Token) -> bool:
    """True for a lower-case noun after a compound name that stands for a part of that company or a deal with it
    ("Opel unit", "Fiat deal", "Opel stake"): data/actors/nouns.yaml business_part_nouns, stake_nouns and event
    nouns; not after a possessor ("Iraq's invasion" is Iraq's act, told by its own row)."""
    lemma = token.lemma_.lower()
    lex = NounLexicon.load()
    if token.pos_ != "NOUN" or not token.is_lower or any(c.dep_ == "poss" and c.pos_ != "PRON" for c in token.children):
        return False  # "Iraq's invasion", "Elian's return": a possessor is no compound name of the noun
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts) \
        and (lemma in lex.business_part_nouns or lemma in lex.stake_nouns or _event_noun(token))


def _measure_area(token: Token, patients: list[Token], pobj: Token) -> bool:
    """True for the one-word name after "for" of a measure in force for a while (``lasting_measure_nouns``: the
    trigger noun, or the verb's object): the area it covers, no participant ("issued red warnings for Galicia",
    "declared a state of emergency for Valencia"); not a known organisation or a name of several words."""
    if not any(names_lasting_measure(m) for m in [token] + [p for p in patients if p.dep_ == "dobj"]):
        return False  # "warnings", "a state of emergency"
    return pobj.pos_ == "PROPN" and pobj.ent_type_ in ("GPE", "LOC", "PERSON") and not any(
        c.dep_ in ("compound", "amod", "det", "poss") for c in pobj.children)


def _quote_speaker_subject(noun: Token, subject: Token) -> bool:
    """True when a quoted event noun's subject found outside the quote is the one who says or notes it ('Kim
    expressed thanks while noting there was "heartrending loss of nine lives"'): the speaker, no agent; not a
    subject whose own act the quote goes on ('HP acquired the stock "to develop a partnership"')."""
    if not quoted(noun) or quoted(subject):
        return False
    speech = EventTaxonomy.load().reporting_verbs
    verbs = [t for t in noun.ancestors if t.pos_ == "VERB" and not quoted(t)]  # the nearest verb outside the quote
    return bool(verbs) and verbs[0].lemma_.lower() in speech or subject.head.lemma_.lower() in speech


def _other_possessor(noun: Token, subject: Token) -> bool:
    """True when the event noun belongs to another than the governing verb's subject: a named possessor ("Innopac
    viewed Mr. Pattison's decision", "authorities cleared Dresdner Bank's takeover") or a possessive pronoun of
    another number than a common-noun or pronoun subject ("the leader repelled their invasion"; not "QVC
    completed its acquisition", "Liverpool halted their slump")."""
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.pos_ != "PRON":
            return child.i != subject.i
        if child.lower_ not in word_set("plural_possessives") | word_set("singular_possessives") \
                or subject.pos_ == "PROPN":
            return False  # "my", "whose": no number to compare; a name takes either ("Liverpool halted their slump")
        plural_subject = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in word_set("plural_subject_pronouns") \
            or any(c.dep_ == "conj" for c in subject.children)
        return (child.lower_ in word_set("plural_possessives")) != plural_subject
    return False


class ParticipantFinder(PronounAntecedents):
    """Chooses participant spans for triggers and resolves them with one document's actor resolver."""

    def __init__(self, resolver: ActorResolver | None, time_tokens: frozenset[int] = frozenset()) -> None:
        self._resolver = resolver
        self._time_tokens = time_tokens  # tokens of time expressions: no participant ("at 10:16 UTC")
        self._last_person: tuple[str, int] | None = None  # (name, sentence start) of the last person acting
        self._object_people: dict[int, dict[str, int]] = {}  # sentence start -> person objects -> token index
        self._last_company: tuple[str, int] | None = None  # (name, sentence start) of the last company subject
        self._last_plural: tuple[tuple[str, ...], int] | None = None  # (names, token) of the last plural subject
        self._pairs: list[Pair] | None = None  # the document's pairs of actors named together (read once)
        self._last_product = -1  # sentence start of the last product taking part ("it" may be the product)
        self._company_token = -1  # token of the last company subject
        self._last_thing = -1  # token of the last named thing taking part ("Hurricane Dorian": "it" may be it)
        self._pronouns: dict[int, str | None] = {}  # "he"/"she" token -> the person it was read as
        self._groups: set[str] = set()  # names of group actors ("software developers"): never a named agent
        self._event_acronyms: set[str] | None = None  # "WWDC" when "World Wide Developers Conference" is named

    def _entity(self, token: Token) -> Span | None:
        """The named entity a token is part of (entities indexed once per document)."""
        return entity_of(token)

    def _resolve(self, span: Span | None) -> Actor | None:
        """The resolver's actor for a span; None without a resolver or span, or when the resolver fails (a
        resolver bug must not lose the article)."""
        if self._resolver is None or span is None:
            return None
        try:
            return self._resolver.resolve(span)
        except Exception:  # noqa: BLE001 - a resolver bug must not lose the article
            return None

    def _financial_thing(self, token: Token) -> str | None:
        """The shares, prices or sales of a named owner a participant names ("GM shares"), or None; a resolver
        bug must not lose the event."""
        if self._resolver is None:
            return None
        try:
            thing = self._resolver.financial_thing(token)
        except Exception:  # a resolver bug must not lose the event
            log.exception("naming a financial thing failed")
            return None
        return thing.name if thing is not None else None

    def _actor(self, token: Token, named_things: bool = False) -> str | None:
        if trading_session(token):
            return None  # "in New York Stock Exchange composite trading": when shares moved, not who
        if currency_country(token):
            return None  # "a profit of $1 billion US": the amount's currency, no country taking part
        if procedure_act(token):
            return None  # "filed its Chapter 11 petition": the act of filing, no document taking part
        holder = titled_holder(token)
        if holder is not None:  # "Archbishop of Canterbury Justin Welby resigned": the person, not the title
            return self._actor(holder, named_things)
        owner = ticker_owner(token)
        if owner is not None and ActorDictionary.load().lookup(token.text, entity_label="ORG") is None:  # "Lowe's Cos. (LOW) announced": the parse's subject is the ticker, an alias
            return self._actor(owner, named_things)
        if self._resolver is None or token.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "X", "ADJ") \
                or bracket_note(token) or in_dateline(token):  # "CAPE CANAVERAL, Fla. - A NASA spacecraft landed":
            return None  # the dateline is where the story was filed
        if token.lower_ in ("he", "she") and token.dep_ in ("nsubj", "nsubjpass") or token.lower_ in ("his", "her") \
                and token.dep_ == "poss" and released_work(token.head, "launch/release"):  # "his debut album": the artist
            if token.i not in self._pronouns:  # once per pronoun: "He will meet with King Charles III to resign":
                # the subject "He" of "resign" is the one already read for "meet", not the king named since
                person = self._clause_person(token)
                if person is not None and self._gender_conflict(token, person, token.i):
                    person = None  # "Smith said she ...", she being a woman the text named nowhere
                elif person is None:
                    person = self._antecedent_person(token)
                    if person is not None and self._gender_conflict(token, person, self._person_since(person, token)):
                        person = None  # "Smith shot a woman. She was taken to hospital": the woman
                self._pronouns[token.i] = person
            return self._pronouns[token.i]
        told = told_party(token)
        if told is not None:  # "Lufthansa has been told it faces an extra year's wait": Lufthansa faces it
            return self._actor(told, named_things)
        if token.lower_ == "it" and (token.dep_ == "nsubj" or token.dep_ == "nsubjpass" and any(
                c.dep_ == "agent" for c in token.head.children)):  # "says it has been notified by Airbus": the
            return self._antecedent_company(token) or self._clause_company(token)  # company told; "it was
            # announced that" (no agent) is no one
        company = self._clause_company(token) if token.lower_ == "it" and token.dep_ == "nsubjpass" else None
        if company is not None:  # "ONEIDA Ltd. said it was informed of the offer": the company was informed
            return company
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "its"), None) \
            if token.lemma_.lower() in NounLexicon.load().metric_nouns else token if token.lower_ == "its" \
            and token.dep_ == "poss" and token.head.lemma_.lower() in NounLexicon.load().metric_nouns else None
        if owner is not None:  # "Ford said its sales fell", "forced Apple to lower its prices"
            found = self._clause_subject(owner)
            if found is None and self._unnamed_owner(owner):
                return None  # "the airline cancelled its order": the airline's, not a company named before
            return found or self._antecedent_company(owner)
        reporter = self._figure_owner(token) if unowned_figure(token) else None
        if reporter is not None:  # "Acme said net income in the third quarter jumped 63%": Acme's figure
            return reporter
        company = self._named_business(token)
        if company == "":
            return None  # "its U.S. unit lost money": where the unit works, no country taking part
        if company is not None:  # "its Volvo brand lost money": the known brand, no "Volvo brand" name
            return company
        candidates: list[Span] = []
        entity = self._entity(token)
        glued = glued_name(token) if entity is None else None  # "maker E-Ten", parsed as "E", "-" and "Ten"
        if entity is not None:
            candidates.append(entity)
        if glued is not None:
            candidates.append(glued)
        candidates.append(phrase(token))
        candidates.append(token.doc[token.i:token.i + 1])
        for span in candidates:
            actor = self._resolve(span)
            if actor is not None and trading_venue(actor, token):
                return None  # "traded on the Nasdaq", "On the Toronto Stock Exchange, shares slid": where, not who
            if actor is not None:
                if actor.type == "person" and token.dep_ in ("nsubj", "nsubjpass", "agent", "pobj") \
                        and not in_modifier_clause(token):
                    self._last_person = (actor.name, token.sent.start)
                elif actor.type == "person" and (token.dep_ in ("dobj", "dative") or token.dep_ == "conj"
                                                 and token.head.dep_ in ("dobj", "dative")):  # "to fire Carlos Ghosn"
                    self._object_people.setdefault(token.sent.start, {}).setdefault(actor.name, token.i)
                if actor.type == "group":
                    self._groups.add(actor.name)
                if token.dep_ == "nsubj" and _plural(token) and (self._last_plural is None or self._last_plural[1] < token.i):
                    others = (self._resolve(phrase(c)) for c in token.conjuncts)  # "Dixon and Moore appealed"
                    self._last_plural = (tuple(dict.fromkeys([actor.name, *(o.name for o in others if o is not None)])),
                                         token.i)  # "Hackers stole ...": a later "they" may be them
                if actor.type in COMPANY_TYPES and token.dep_ == "nsubj":
                    self._last_company = (actor.name, token.sent.start)
                    self._company_token = token.i
                elif actor.type == "product":
                    self._last_product = max(self._last_product, token.sent.start)
                self._note_thing(actor, token)
                return actor.name
        lex = NounLexicon.load()
        hazard = named_hazard(token, lex)
        if hazard is not None:  # "the Roosevelt fire has scorched 40,000 acres": the named fire takes part
            return self._thing(hazard, None, token)
        if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in lex.hazard_nouns \
                and tells_containment(token.head):
            return self._thing(None, token.lower_, token)  # "The blaze was 30% contained": the fire is the news
        if token.pos_ == "NOUN" and carried_off(token, lex) and named_thing(token) is None:
            return None  # "their car was swept away": a thing lost, no participant
        if not named_things and (is_thing(token) or token.lemma_.lower() in lex.product_heads
                                 or token.lemma_.lower() in lex.organisation_nouns):  # "The Bush administration"
            described = token.lower_ if lex.definite_descriptions.get(token.lower_) == "product" and any(
                c.lower_ == "the" for c in token.lefts) else None  # "the superjumbo" after "its first A380"
            return self._thing(named_thing(token), thing_name(token) or described, token)  # "The invitation reads"
        if not named_things and token.pos_ == "NOUN" and token.dep_ not in ("compound", "nmod") \
                and (token.lemma_.lower() in lex.aspect_nouns or _event_noun(token)):
            return self._modifier_actor(token, names_only=True, unknown=token.lemma_.lower() in lex.aspect_nouns)
            # "The Dreamliner problems began", "Boeing 737 Max crashes killed 346 people": the named thing they are
            # of takes part (an unknown name only before an aspect noun: "Category 4 cyclone" is no thing)
        if not named_things or token.text in self._acronyms_of_events(token.doc):
            return None
        if token.lemma_.lower() in NounLexicon.load().aspect_nouns:  # "antenna issues of the iPhone"
            return self._modifier_actor(token)
        if _business_part(token):  # "inks Fiat deal", "its Opel unit": the known company, no "Fiat deal" thing
            company = self._modifier_actor(token, names_only=True, unknown=False)
            if company is not None:
                return company
        if glued is not None:
            joined = self._joined_actors(token)
            if joined:  # "the Trump-Putin meeting", "the Airbus-Boeing rivalry": each named actor takes part (find
                return joined[0]  # adds the others)
            return self._thing(re.sub(r"\s*([-‐–])\s*", r"\1", glued.text), None, token)
        return self._thing(named_thing(token), thing_name(token), token)

    def _joined_actors(self, token: Token) -> tuple[str, ...]:
        """The actors of the capitalised words a hyphen joins to the token, when every word is a name of its own:
        the article's or the dictionary's ("Airbus", "China"), or the last name of a person the article names
        ("Trump" after "Donald Trump"); empty for one name written with a hyphen ("Rolls-Royce", "Al-Shabaab") or a
        demonym among the words ("Cuban-Americans")."""
        if self._resolver is None:
            return ()
        words = joined_words(token)
        if len(words) < 2:
            return ()
        people = {actor.name.split()[-1]: actor.name for actor in self._resolver.actors
                  if actor.type == "person" and " " in actor.name}
        names: list[str] = []
        dictionary = ActorDictionary.load()
        for word in words:
            if dictionary.demonym(word.text) is not None:
                return ()  # "Cuban-Americans", "Franco-German": people or things of one kind, no two actors
            actor = self._resolve(word.doc[word.i:word.i + 1]) or dictionary.lookup(word.text)
            name = actor.name if actor is not None else people.get(word.text)
            if name is None or name in names:
                return ()
            names.append(name)
        return tuple(names)

    def _named_business(self, token: Token) -> str | None:
        """The company a business-part noun (``business_part_nouns``) names by the compound name before it, when
        that name resolves to a company ("its Volvo brand", "the GM Hughes unit", "The Continental Baking business"
        -> the brand, unit or business itself); None for a name with a legal suffix ("the Texas Air Corp.
        subsidiary" is another company, owned by it) or any other noun; "" for a place ("its U.S. unit": where
        the unit is, no actor)."""
        lex = NounLexicon.load()
        if self._resolver is None or token.lemma_.lower() not in lex.business_part_nouns or not _business_part(token):
            return None
        names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        span = token.doc[names[0].left_edge.i:names[-1].i + 1]
        if any(w.lower_.rstrip(".") in lex.legal_suffixes for w in span):
            return None
        actor = self._resolve(span)
        if actor is not None and actor.type in ("country", "place"):
            return ""
        return actor.name if actor is not None and actor.type in COMPANY_TYPES else None

    def _figure_owner(self, figure: Token) -> str | None:
        """The company whose own result an unowned figure is: the one that reports it ("Acme said net income
        jumped"), else the company subject of this or the last sentence when the figure's sentence names no other
        organisation ("Ford posted a loss. Sales fell 22%"; not "At EDS, profit jumped": EDS's)."""
        reporter = self._clause_company(figure)
        if reporter is not None:
            return reporter
        if any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in figure.sent) or _told_by_other(figure):
            return None  # "Analysts said profit fell": whose profit the analysts mean is not said
        return self._antecedent_company(figure)

    def _vehicle_owner(self, vehicle: Token) -> str | None:
        """The company or organisation a name before a vehicle resolves to ("An Aeroflot plane" -> Aeroflot), or None."""
        names = [c for c in vehicle.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:
            actor = self._resolve(vehicle.doc[names[0].left_edge.i:names[-1].i + 1])
            if actor is not None and (actor.type in COMPANY_TYPES or actor.type == "organisation"):
                return actor.name
        return None

    def _thing(self, named: str | None, kind: str | None, token: Token) -> str | None:
        """A named thing, else a thing noun (``kind``), taking part, noted for the actor table (typed product when
        it is one, organisation when an organisation noun heads it: "the Bush administration"); a named thing is
        remembered as the last thing taking part ("The King Air plane went down ... It crashed": "it" may be it)."""
        if named is not None:
            self._last_thing = max(self._last_thing, token.i)
        name = named or kind
        if name is not None and self._resolver is not None:
            try:
                actor_type = "product" if looks_like_product(name, token) else \
                    "organisation" if token.lemma_.lower() in NounLexicon.load().organisation_nouns else None
                name = self._resolver.note_thing(name, token, actor_type)
            except Exception:  # the actor table must not lose the event
                log.exception("noting a thing failed")
        return name

    def actor_name(self, token: Token) -> str | None:
        """The canonical actor a noun phrase names, without counting it as acting (None without resolver)."""
        if self._resolver is None:
            return None
        for span in (self._entity(token), phrase(token)):
            actor = self._resolve(span)
            if actor is not None:
                return actor.name
        return None

    def _modifier_actor(self, token: Token, names_only: bool = False, unknown: bool = True) -> str | None:
        """The named actor an aspect noun is about ("the iPhone issue" -> iPhone, "Apple performance"); with
        ``names_only`` (the noun is an agent), only a name before it ("The Dreamliner problems"), one the
        dictionary or the article knows unless ``unknown``."""
        for child in token.children:
            if names_only and not (child.dep_ in ("compound", "poss", "nmod") and child.i < token.i
                                   and not (child.i > 0 and child.doc[child.i - 1].is_quote)):
                continue  # a quoted name before the noun is a title ("the "Lion" release"), left out
            if names_only and place_before_event(child, token, EventTaxonomy.load().noun_type(token.lemma_)):
                continue  # "The India train derailment killed 12": the derailment's place does not kill
            if child.dep_ in ("compound", "poss", "nmod") or child.dep_ == "prep" and child.lower_ == "of":
                target = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is None or self._resolver is None:
                    continue
                actor = self._resolve(phrase(target))
                if actor is None and child.dep_ == "compound" and child.pos_ == "NOUN":  # "iPhone 4 antenna issues":
                    inner = [c for c in child.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
                    target = inner[0] if inner else target  # the name before the common noun is what they are of
                    actor = self._resolve(phrase(target)) if inner else None
                if actor is not None:
                    self._note_thing(actor, target)
                    return actor.name
                if child.dep_ == "prep" or names_only and unknown and child.pos_ == "PROPN" and name_word(child):
                    # "a preview of Apple's forthcoming Mac OS X Lion operating system", "The Dreamliner problems"
                    thing = self._thing(named_thing(target), None, target)
                    if thing is not None:
                        return thing
        return None

    def _note_thing(self, actor: Actor, token: Token) -> None:
        """Remember where a non-person actor other than the last company took part ("it" may stand for it)."""
        if actor.type not in ("person", "group") and (self._last_company is None or actor.name != self._last_company[0]):
            self._last_thing = max(self._last_thing, token.i)

    def _acronyms_of_events(self, doc: Doc) -> set[str]:
        """Acronyms of the named events of a document ("WWDC" for "World Wide Developers Conference (WWDC)")."""
        if self._event_acronyms is None:
            event_nouns = NounLexicon.load().event_nouns
            found: set[str] = set()
            for token in doc:
                if token.pos_ != "PROPN" or token.lemma_.lower() not in event_nouns or not token.text[:1].isupper():
                    continue
                words = [t.text for t in phrase(token) if t.text[:1].isupper() and t.is_alpha]
                found.add("".join(w[0] for w in words).upper())
                if token.i + 2 < len(doc) and doc[token.i + 1].text == "(":
                    found.add(doc[token.i + 2].text)
            self._event_acronyms = {a for a in found if len(a) >= 2}
        return self._event_acronyms

    def _state_of_place(self, token: Token) -> str | None:
        """The state a country mention read as a place names ("to China"), else None."""
        place = self._place(token)
        actor = ActorDictionary.load().lookup(place) if place else None
        return actor.name if actor is not None and actor.type == "country" else None

    def _place(self, token: Token) -> str | None:
        if self._resolver is None:
            return None
        return place_name(self._resolver, token, self._entity)

    def find(self, trigger: Trigger) -> Participants:
        """Actors, location and summary spans of one event.

        >>> from timeline.nlp import load_nlp
        >>> from timeline.events.taxonomy import EventTaxonomy
        >>> from timeline.events.triggers import find_triggers
        >>> doc = load_nlp()("Troops returned.")
        >>> ParticipantFinder(None).find(find_triggers(doc[:], EventTaxonomy.load())[0]).actors
        ()
        """
        token = trigger.token
        agents: list[Token] = []
        patients: list[Token] = []
        states: dict[int, str] = {}
        heads: list[Token] = [token]
        if trigger.kind == "verb":
            agents = subjects_of(token) + passive_agents(token)
            patients = patients_of(token)
            agents = [accident_vehicle(a, token) or a for a in agents]  # "the duck boat that sank": the boat
            if not agents and accident_vehicle(token.head, token) == token.head:
                agents = [token.head]  # "after a small boat capsized Friday", parsed as a reduced relative
                patients = [p for p in patients if p != token.head]
            if token.dep_ == "prep" and token.lemma_.lower() == "accord":  # "according to the KCNA": the source
                agents = [pobj for _, pobj in prep_objects(token, frozenset({"to"}))]
        else:
            agents = [c for c in token.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON", "NOUN")
                      and not (c.dep_ == "compound" and token.lemma_.lower() in NounLexicon.load().prize_nouns)
                      and not place_before_event(c, token, trigger.event_type)  # "India train derailment": a place
                      and not index_place(c, token)  # "Japan's Nikkei plunges": whose index it is
                      and not category_before_figure(c, token, trigger.event_type)  # "by vehicle sales": no buyer
                      and not kind_before_event(c, token, trigger.event_type)]  # "a trademark dispute": its kind
            # "the Lifetime Achievement Award": the words before a prize are its name, not who acts
            agents += [g for c in agents if c.dep_ == "compound" and c.pos_ == "NOUN" for g in c.children
                       if g.dep_ == "compound" and g.pos_ == "PROPN" and g.ent_type_ in ("ORG", "PERSON")
                       and not place_before_event(g, token, trigger.event_type)]  # "the GM bankruptcy filing",
            # "a Fed rate cut": the organisation before the noun that modifies the event noun takes part
            of_objects = prep_objects(token, word_set("noun_argument_preps"))
            # "the Festival of Transport": a capitalised event noun with a capitalised "of" object is a name, whose
            # words are no participants
            patients = [pobj for prep, pobj in of_objects if not (
                prep == "of" and token.text[:1].isupper() and not token.is_sent_start and pobj.text[:1].isupper())]
            states = state_demonyms(token, trigger.event_type) if not agents and self._resolver is not None else {}
            agents += [token.doc[i] for i in sorted(states)]  # "a Russian veto": the state acts
            if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
                heads.append(token.head.head)  # "reports of tornadoes ... in North Carolina"
            if trigger.light is not None:
                heads.append(trigger.light)
                if token.dep_ in ("dobj", "attr"):
                    agents = subjects_of(trigger.light) + agents
            elif token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB" \
                    and token.head.lemma_.lower() not in _statement_verbs():  # "Estrada condemned the bombings"
                agents = agents + [s for s in subjects_of(token.head) if not _quote_speaker_subject(token, s)
                                   and not _other_possessor(token, s)]
                # 'noting there was "heartrending loss of nine lives"': a subject outside the quote is its speaker
        agents = [a for a in agents if not in_dateline(a)]  # "Tikrit, Iraq : A bomb attack targeted": misparsed subject
        works = [p for p in patients + agents + heads[:1] + [token.head] if released_work(p, trigger.event_type)]
        artists = [c for work in works for c in work.children if c.dep_ == "poss" and c not in agents]
        agents += artists
        # "the release of his debut album": the album is what is released, its owner (the artist) acts
        location, place_prep, place_tokens = event_location(
            trigger, heads, self._object_governor(token, heads, trigger), patients, self._place)
        # "according to X" names the source of the report, not a participant of what it reports
        areas = [pobj for head in heads for prep, pobj in prep_objects(head, frozenset({"for"}))
                 if pobj.i not in place_tokens and _measure_area(token, patients, pobj)]
        if areas and not location:  # "issued red warnings for Galicia" (a small model reads the region as a person)
            location, place_prep = areas[0].text, "for"
        place_tokens = place_tokens | {a.i for a in areas}
        recipients = [pobj for head in heads for prep, pobj in prep_objects(head, word_set("participant_preps"))
                      if pobj.i not in place_tokens and (trigger.kind == "verb" or prep != "of")
                      and not (trigger.kind == "verb" and measure_end(head, prep, pobj))]
        recipients += [pobj for head in heads for _, pobj in prep_objects(head, word_set("cause_preps"))
                       if pobj.lemma_.lower() in NounLexicon.load().aspect_nouns  # "leaves after iPhone 4 issues"
                       and not _place_aspect(pobj)]  # not "stocks fell after bad US economic news": a bystander
        opponents: list[Token] = []
        if trigger.kind == "verb":
            opponents = [pobj for patient in patients if patient.dep_ == "dobj" and patient.pos_ == "NOUN"
                         and trigger.event_type != "attack"  # "a strike against Kyiv": a target is mostly a town
                         for _, pobj in prep_objects(patient, word_set("object_opponent_preps"))
                         if pobj.i not in place_tokens  # "lost its court case against Apple Computer", not
                         and (self._place(pobj) is None and pobj.ent_type_ not in ("GPE", "LOC", "FAC")
                              or self._state_of_place(pobj) is not None)]  # a town hit is no party, a state is
            recipients += opponents
            recipients += [pobj for prep in token.children if prep.dep_ == "dative" and prep.pos_ == "ADP"
                           for pobj in prep.children if pobj.dep_ == "pobj" and pobj.i not in place_tokens
                           and self._place(pobj) is None]  # "sell 150 aircraft to Southwest Airlines": the buyer
            recipients += [p for p in amount_owners([p for p in patients if p.dep_ == "dobj"] + recipients)
                           if p.i not in place_tokens and self._place(p) is None]
            recipients += [p for p in amount_sources(token, patients) if p.i not in place_tokens]
            recipients += [pobj for noun in agents + patients if noun.pos_ in ("NOUN", "VERB")  # "Fighting between
                           for _, pobj in prep_objects(noun, NounLexicon.load().shared_preps)]  # Israel and Hamas erupted"
        recipients += _with_participants(token, trigger.kind)
        if trigger.event_type in _MESSAGE_TYPES:  # "in a statement on X", "a post on Instagram": the medium
            patients = [p for p in patients if not on_platform(p)]
            recipients = [p for p in recipients if not on_platform(p)]
        if trigger.kind == "noun" and heads[-1] == token:  # "reports ... as provided by NOAA's Storm Prediction Center"
            recipients += [pobj for head in [token] + self._object_governor(token, heads, trigger)
                           for clause in head.children if clause.dep_ in ("acl", "advcl") and clause.tag_ == "VBN"
                           and (head == token or clause.i > token.i) for pobj in passive_agents(clause)]
        actors: list[str] = []
        agent = ""
        handed = [pobj for patient in expand([p for p in patients if p.dep_ == "dobj"]) if trigger.kind == "verb"
                  for _, pobj in prep_objects(patient, frozenset({"to", "from"}))  # "delivered an A380 to X"
                  if self._place(pobj) is None]
        hosts = [pobj for holder in heads + [p for p in patients if p.dep_ == "dobj"]
                 for _, pobj in prep_objects(holder, frozenset({"at"}))
                 if pobj.i not in place_tokens and self._is_organisation(pobj)]  # "the activities at APL"
        hosts += [c for holder in heads for c in holder.children  # "at the base of X, <org> (APL) in Laurel":
                  if c.dep_ == "dep" and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","  # an apposition
                  and any(p.dep_ == "prep" and p.lower_ == "at" and p.i < c.i for p in holder.children)  # misparsed
                  and self._is_organisation(c)]
        given = given_objects(token) if trigger.kind == "verb" and trigger.event_type != "award" else []
        # "offer a free case to anyone": the case takes part; an honour awarded ("the first-class orders", "custody")
        # is what the award is, no participant
        named: set[int] = set()  # candidates an earlier role named
        agent_pair: tuple[str, ...] = ()
        gapped = gapped_subjects(token) if trigger.kind == "verb" and agents and market_move(token) else []
        gapped_words = {t.i for span in gapped for t in span}  # "..., the Nasdaq 1.8% to 1,666": read below
        for role, tokens in (("agent", agents), ("patient", patients), ("recipient", recipients),
                             ("handed", handed), ("host", hosts), ("given", given)):
            for candidate in expand(tokens, NounLexicon.load().version_nouns if role != "given" else frozenset()):
                if candidate.i in gapped_words:
                    continue  # a gapped clause's name, read from its own words
                if candidate.i in place_tokens or candidate.i in self._time_tokens or place_qualifier(candidate):
                    continue  # "shows in Prior Lake, Minnesota were cancelled": a misparsed subject
                if coordinated_title(candidate) or listed_place(candidate):
                    continue  # "United States President and Republican candidate Donald Trump": the name acts;
                    # "won key states including Georgia": a place won, no actor
                if released_work(candidate, trigger.event_type):
                    continue  # "his debut studio album, released in 1971": the theme, never who acts
                name = self._market_actor(candidate, token) if role == "agent" and trigger.kind == "verb" \
                    and trigger.event_type == "result" else None
                if name is None and role == "agent" and candidate.i in states:
                    name = states[candidate.i]
                vehicle = accident_vehicle(candidate, token) if name is None and role == "agent" \
                    and trigger.kind == "verb" else None
                last_person = self._last_person
                if role == "given" and candidate.i in named:
                    continue  # "delivered 13 more A380 aircraft": named as the object already
                if name is None and trigger.typed and candidate.lower_ in ("i", "me") and candidate.pos_ == "PRON" \
                        and trigger.event_type not in _MESSAGE_TYPES and trigger.lemma not in _statement_verbs():
                    name = self._quote_speaker(candidate)  # '"I had to dispatch you," Kim said': the speaker acts; not
                    # for an untyped verb or a statement ('"I think ...," he said': what he said is the news)
                if role == "given":  # "a free case": the thing given, in its own words ("owners of its new iPhone 4
                    name = self._thing(None, given_name(candidate), candidate)  # a free case": not "iPhone 4 free case")
                pair = self._pair_antecedent(candidate) if role != "given" and (
                    candidate.pos_ != "PRON" or role == "agent" and trigger.kind == "noun") else ()  # "they held talks"
                if pair:  # "the two men appeared", "the pair were joined": the pair named just before
                    for name_of in pair:
                        if name_of not in actors:
                            actors.append(name_of)
                    if role == "agent" and not agent:
                        agent, agent_pair = pair[0], pair
                    continue
                name = name or role != "given" and self._actor(
                    candidate, named_things=role != "agent" or candidate.pos_ == "PROPN" or name_word(candidate)) or None
                if candidate in opponents:  # "a runoff against Chamisa. He took the oath": the other party did
                    self._last_person = last_person  # not act, so a later "he" is not him
                owner = self._vehicle_owner(vehicle) if vehicle is not None else None
                if vehicle is not None and (name is None or owner is not None or name in _demonym_states(vehicle)):
                    name = owner or self._thing(named_thing(vehicle), vehicle_name(vehicle), vehicle)  # "An Indian
                    # express train derailed": the train (named, "the Marina Baru ferry", or as written), not India;
                    # "An Aeroflot plane crashed": the airline, as "A Helios Airways plane"
                if name is None and role == "agent" and relative_antecedent(token) == candidate:
                    name = self._state_of_place(candidate)  # "sold arms to China, which sent ships": China acts
                if name is None and role == "agent" and candidate.pos_ == "PRON" and trigger.kind == "verb" \
                        and candidate.lower_ not in word_set("indefinite_pronouns"):  # "said everything moved"
                    agents_above = [] if quoted(candidate) and candidate.lower_ not in ("i", "we") \
                        else self._pronoun_antecedents(token)  # '"He lied," Fishman said': not Fishman
                    pair = () if any(self._resolve(a.doc[a.left_edge.i:a.i + 1]) is not None
                                     or _plural(a) and pair_reference(a) is None  # "Lawyers wrote to X and Y and
                                     for a in agents_above if not in_dateline(a) and not bracket_note(a)) \
                        else self._pair_antecedent(candidate)  # said they": the lawyers. "The summit between
                    they = pair or self._plural_antecedent(candidate, agents_above)  # Trump and Putin ended after
                    # they conceded": the two leaders
                    if pair and not agent:
                        agent_pair = pair
                    company = self._they_company(candidate) if not they and not agents_above else None
                    they = (company,) if company else they  # "Apple unveiled Lion. They also demonstrated iOS 5"
                    if they:  # "Hackers stole ... They continued, the company said": the hackers
                        agents_above = []
                    for name_of in they:
                        if name_of not in actors:
                            actors.append(name_of)
                            agent = agent or name_of
                    for antecedent in agents_above:
                        if candidate.lower_ == "it" and antecedent.ent_type_ == "PERSON":
                            continue  # "It crashed, Chief Neves said": "it" is no person
                        above = self._actor(antecedent)
                        if above and self._other_gender(candidate, above):
                            continue  # "His wife, Kelly Lee, said he had faced": not his wife
                        if above and above not in actors:
                            actors.append(above)
                            agent = agent or above
                    continue
                if name:
                    named.add(candidate.i)
                if name and name not in actors:
                    actors.append(name)
                    joined = self._joined_actors(candidate) if name_word(candidate) else ()
                    actors += [other for other in self._shared_pair(candidate) if other not in actors]  # "the
                    # summit between US President Donald Trump and Russian leader Vladimir Putin": both, even when
                    # the parse misses the coordination
                    actors += [other for other in joined if name in joined and other not in actors]  # "the
                    # Trump-Putin meeting": both take part
                    traded = self._actor(candidate, named_things=name_word(candidate)) \
                        if role == "agent" and traded_in(candidate) is not None \
                        and candidate.lower_ not in NounLexicon.load().bare_sector_nouns else None  # bare "shares in
                    # Hong Kong" are the city's market, the city their actor
                    if traded and traded not in actors:  # "Shares in Sydney fell": Sydney, and the shares as written
                        actors.append(traded)
                    parent = self._parent_organisation(candidate) or (
                        self._employer(candidate) if trigger.event_type == "personnel" else None)
                    if parent and parent not in actors:
                        actors.append(parent)  # "NOAA's Storm Prediction Center": NOAA takes part too
                    thing = self._financial_thing(candidate)
                    if thing and thing not in actors:
                        actors.append(thing)  # "GM shares rose": General Motors and its shares
                    if role == "agent" and not agent and name not in self._groups and candidate not in artists \
                            and not unowned_figure(candidate):  # "Net income jumps", not "N.V. DSM jumps"
                        agent = name  # a group is no named speaker: "Analysts said" stays a statement
        for gapped_name in self._gapped_names(token, gapped):  # "The Dow fell 2%, the Nasdaq 3%": the gapped
            if gapped_name not in actors:  # clauses' names move too
                actors.append(gapped_name)
        raised = bool(agents) and agents[0].dep_ == "nsubjpass" and agents[0].head != token  # the summary
        agent_text = phrase(agents[0]).text if agents and not raised and agents[0] not in artists else ""  # names a raised subject itself
        object_text = phrase(patients[0]).text if patients else ""
        if agent_text:
            agent_text = _with_counted(agents[0], agent_text)  # "a series of earthquakes struck"
        if patients:
            object_text = _with_counted(patients[0], object_text)  # "launched a wave of airstrikes"
        if trigger.kind == "noun" and patients and patients[0].head.dep_ == "prep":
            object_text = f"{patients[0].head.text} {object_text}"
        plural = bool(agents) and (agents[0].tag_ in ("NNS", "NNPS") or agents[0].lower_ in word_set("non_third_person")
                                   or pair_reference(agents[0]) is not None  # "the two sit down" (not
                                   and agents[0].lemma_.lower() not in word_set("pair_nouns_alone")  # "the pair pleads")
                                   or any(c.dep_ == "conj" for c in agents[0].children))
        return Participants(tuple(actors), location, agent, agent_text, object_text, place_prep, plural,
                            agent_pair if agent_pair[:1] == (agent,) else ())

    def _shared_pair(self, candidate: Token) -> tuple[str, ...]:
        """The pair of actors (``timeline.events.pairs``) whose names hold ``candidate`` when it is the object of a
        shared preposition ("talks between X and Y"); empty otherwise."""
        if candidate.dep_ != "pobj" or candidate.head.lower_ not in NounLexicon.load().shared_preps \
                or self._resolver is None:
            return ()
        return next((p.names for p in self._document_pairs(candidate.doc) if p.start <= candidate.i < p.end), ())

    def _gapped_names(self, verb: Token, gapped: list[Span]) -> list[str]:
        """The actors of the clauses that share a market move's verb ("The Dow fell 2%, the Nasdaq 3%" ->
        Nasdaq; "Tokyo fell 2%, Seoul 3%" -> Seoul, a city for its market), each read from its own words."""
        names: list[str] = []
        for span in gapped:
            city = gapped_city(span[-1])
            text = span.text.removeprefix("the ").removeprefix("The ")
            name = market_name(text)  # a listed index first: "the Nasdaq 1.8%" may be one entity of the parse
            actor = ActorDictionary.load().lookup(text) or self._resolve(span) if name is None else None
            if actor is not None and actor.type not in ("place", "country"):
                name = actor.name
            if city is not None and self._resolver is not None:
                name = self._resolver.note_thing(city, span[-1], "product")  # "Seoul 3%": Seoul's market
            if name is not None and name not in names:
                names.append(name)
        return names

    def _market_actor(self, subject: Token, verb: Token) -> str | None:
        """The market a market move's subject names without a listed name: a city for its market ("Tokyo fell
        2%" -> Tokyo, not Japan) or an index named by its place ("Chile's index fell" -> Chile's index)."""
        if self._resolver is None:
            return None
        index = written_index(subject)  # "The Standard & Poor's 500 was up", "the S&P 500-stock index hit a low"
        if not market_move(verb) and index is None:
            return None
        place = traded_in(subject) or subject  # "Shares in Sydney ended lower": Sydney's market
        city = market_city(place)
        if city is not None:
            known = self._resolve(self._entity(place))
            if known is not None and known.type not in ("country", "place") \
                    or known is None and self._place(place) is None:
                city = None  # "Morrissey mustered 21 percent", "Yageo raised its price by 7%": no place
        name = index or city or market_antecedent(subject)
        unnamed = unnamed_index(subject) if name is None else None
        if unnamed is not None:
            name = None if self._actor(subject) is not None else unnamed  # a listed index keeps its name
        if name is None:
            return None
        try:
            return self._resolver.note_thing(name, subject, "product")
        except Exception:  # the actor table must not lose the event
            log.exception("noting a market failed")
            return name

    def _is_organisation(self, token: Token) -> bool:
        """True when a noun names a known company or organisation (not a place, person or product)."""
        if self._resolver is None or token.pos_ != "PROPN" or self._place(token):
            return False
        actor = self._resolve(phrase(token))
        return actor is not None and actor.type in COMPANY_TYPES

    def _parent_organisation(self, token: Token) -> str | None:
        """The organisation that owns an organisation ("NOAA's Storm Prediction Center" -> NOAA), else None."""
        if self._resolver is None or token.pos_ != "PROPN":
            return None
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if not owners:
            return None
        owned, owner = self._resolve(phrase(token)), self._resolve(phrase(owners[0]))
        if owned is None or owner is None or owned.name == owner.name:
            return None
        if owned.type in COMPANY_TYPES and owner.type in COMPANY_TYPES:
            return owner.name
        return None

    def _employer(self, token: Token) -> str | None:
        """The company or organisation in a person's title ("GM chief executive Fritz Henderson" -> General Motors,
        "Kia CEO Chung Sung-eun" -> Kia): a journalist filtering by the company finds what its executive did."""
        if self._resolver is None or token.pos_ not in ("PROPN", "NOUN") or token.left_edge.i >= token.i:
            return None
        lex = NounLexicon.load()
        doc = token.doc
        for i in range(token.left_edge.i, token.i - 1):
            title = doc[i + 2] if doc[i + 1].tag_ == "POS" and i + 2 < token.i else doc[i + 1]  # "GM's chief executive"
            if doc[i].pos_ != "PROPN" or title.lower_.strip(".") not in lex.titles or title.pos_ == "PROPN" \
                    and not title.text.isupper():
                continue
            person, owner = self._resolve(phrase(token)), self._resolve(self._entity(doc[i]) or doc[i:i + 1])
            if person is not None and person.type == "person" and owner is not None and owner.type in COMPANY_TYPES:
                return owner.name
        return None

    @staticmethod
    def _object_governor(token: Token, heads: list[Token], trigger: Trigger) -> list[Token]:
        """The verb an event noun is the object of, whose place phrase after the noun may be the noun's: the
        parser hangs "in North Carolina" on "includes" in "includes reports of tornadoes ... in North Carolina"."""
        if trigger.kind != "noun" or trigger.light is not None:
            return []
        top = heads[-1]
        if top.dep_ == "dobj" and top.head.pos_ == "VERB" and top.head.i < token.i:
            return [top.head]
        return []


def told_party(pronoun: Token) -> Token | None:
    """The passive subject of a verb of telling (``told_verbs``) that "it"/"they", the subject of the content clause,
    stands for ("Lufthansa has been told it faces a wait", "Airlines were warned they face delays"); None when the
    pronoun does not agree in number ("Airlines were told it was late": "it" is something else) or for other clauses.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Lufthansa has been told it faces a wait. Airlines were told it was late.")
    >>> told_party(doc[4]).text, told_party(doc[13])
    ('Lufthansa', None)
    """
    clause = pronoun.head
    if pronoun.lower_ not in ("it", "they") or pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp" \
            or clause.head.lemma_.lower() not in word_set("told_verbs") or clause.i < clause.head.i:
        return None
    told = [c for c in clause.head.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")]
    if not told or pronoun.lower_ == "it" and told[0].tag_ in ("NNS", "NNPS") and told[0].ent_type_ != "ORG":
        return None
    if pronoun.lower_ == "they" and told[0].tag_ not in ("NNS", "NNPS") and told[0].ent_type_ != "ORG":
        return None
    return told[0]


def _demonym_states(noun: Token) -> set[str]:
    """The states nationality words before a noun name ("an Indian express train" -> {"India"})."""
    found = (ActorDictionary.load().demonym(c.text) for c in noun.lefts if c.dep_ == "amod")
    return {actor.name for actor in found if actor is not None and actor.type == "country"}


def _with_participants(token: Token, kind: str) -> list[Token]:
    """Who a "with" phrase makes take part: the subjects of an absolute "with" clause of a verb ("entered bear
    market territory with both the Dow and the S&P 500 losing 20%" -> the two indices) and the "with" object of
    the copula a noun trigger is the subject of ("The largest drop was with the Dow Jones index" -> the index).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The largest drop was with the Dow Jones index. The drop was large.")
    >>> _with_participants(doc[2], "noun"), _with_participants(doc[11], "noun")
    ([index], [])
    """
    if kind == "verb":
        return [subject for clause in token.children if clause.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ == "with" for m in clause.children)
                for subject in subjects_of(clause)]
    if token.dep_ != "nsubj" or token.head.lemma_ != "be":
        return []
    return [pobj for prep in token.head.children if prep.dep_ == "prep" and prep.lower_ == "with"
            for pobj in prep.children if pobj.dep_ == "pobj"]


def _place_aspect(noun: Token) -> bool:
    """Whether an aspect noun is about a place, whose name or demonym is its only name before it ("bad US
    economic news", "weak Chinese trade news"): a cause from a country, no participant, unlike "iPhone 4 issues".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Stocks fell after bad US economic news and iPhone 4 issues.")
    >>> _place_aspect(doc[6]), _place_aspect(doc[10])
    (True, False)
    """
    names = [t for t in noun.lefts if t.ent_type_ and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")]
    return bool(names) and all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in names)
