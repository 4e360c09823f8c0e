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
from timeline.actors.capitals import capitalised_by_position, common_acronym
from timeline.actors.dictionary import ActorDictionary
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import CAMEL, DASHES, bracket_note, in_dateline
from timeline.events.things import is_thing, thing_name
from timeline.events.triggers import Trigger
from timeline.function_words import word_set

log = logging.getLogger(__name__)

#: Actor types "it" may stand for when one of them was the subject just before ("Apple said ... It added").
COMPANY_TYPES = frozenset({"company", "organisation", "media"})
#: How many sentences back "he"/"she" may find the person who last acted.
PRONOUN_REACH = 3
#: Event types whose direct object, when it is a place, is where the event happened.
PLACE_OBJECT_TYPES = frozenset({"disaster", "attack"})
_ANY_NOUN = False
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC", "FAC"})
#: A model number kept before a name ("Boeing's 787 Dreamliner" -> "787 Dreamliner"), not a year.
_MODEL_NUMBER = re.compile(r"(?!(?:1[89]|20)\d\d$)[A-Z]{0,2}\d{3,4}[A-Za-z]{0,2}")
#: A model code of letters and digits ("A380", "A320neo", "F-150"), a name even when tagged a number.
_MODEL_CODE = re.compile(r"[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,3}")
#: Place names kept inside a named thing when they modify its head ("UK iTunes prices").
_PLACE_MODIFIERS = frozenset({"GPE", "LOC"})


class ActorResolver(Protocol):
    """What participant selection needs from ``timeline.actors.DocumentActors``."""

    def resolve(self, span: Span) -> Actor | None: ...  # noqa: E704

    def place(self, span: Span) -> str | None: ...  # noqa: E704

    def note_thing(self, name: str, token: Token, kind: str | None = "product") -> str: ...  # noqa: E704


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


@lru_cache(maxsize=1)
def _statement_verbs() -> frozenset[str]:
    """Verbs whose subject speaks about an event object without taking part in it ("condemned the bombings")."""
    from timeline.events.taxonomy import EventTaxonomy

    taxonomy = EventTaxonomy.load()
    return taxonomy.retrospective | taxonomy.reporting_verbs


def _place_or_event_noun(token: Token) -> bool:
    """True for a noun that can carry a place name before it: "the Kursk region", "the Atlanta bombings"."""
    from timeline.events.taxonomy import EventTaxonomy

    lemma = token.lemma_.lower()
    lexicon = NounLexicon.load()
    return lemma in lexicon.place_nouns or lemma in lexicon.event_nouns or EventTaxonomy.load().noun_type(lemma) is not None


def phrase(token: Token) -> Span:
    """The noun phrase a head token ends: its premodifiers and itself ("North Korean troops").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The North Korean troops left.")
    >>> phrase(doc[3]).text
    'The North Korean troops'
    >>> phrase(load_nlp()("MADRID - Two twin-engine planes collided.")[6]).text
    'Two twin-engine planes'
    """
    doc = token.doc
    start = token.i
    for left in token.lefts:
        if left.dep_ in ("det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "punct"):
            start = min(start, left.left_edge.i)
    for index in range(start, token.i):  # a dateline before a spaced dash is no part of it ("MADRID - Two quakes")
        if doc[index].text in DASHES and index > 0 and doc[index - 1].whitespace_:
            start = index + 1
    end = token.i + 1
    for right in token.rights:  # flat names split by the parser ("Kim Jong - un", "Regiment of Engineers")
        if right.dep_ in ("compound", "flat") or right.ent_iob_ == "I" and right.i == end:
            end = right.i + 1
    return doc[start:end]


def _entity_span(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _expand(tokens: list[Token], versions: frozenset[str] = frozenset()) -> list[Token]:
    """Add conjuncts, appositions and names given ("North Korea and Russia", "its leader Kim Jong-un", "an
    operation dubbed Desert Storm"), what a version noun is a version of ("the new version of their Mac OS X
    operating system"), the market or goods of a metric noun ("prices in foreign markets", "sales of new cars")
    and the members listed after "including"."""
    out: list[Token] = []
    for token in tokens:
        stack = [token]
        while stack:
            current = stack.pop()
            if current in out:
                continue
            out.append(current)
            stack.extend(child for child in current.children if child.dep_ == "conj"  # "Sean Connery, the former
                         or child.dep_ == "appos" and not _is_role(child))  # James Bond": a role, no second actor,
            stack.extend(conj for role in current.children if role.dep_ == "appos" and _is_role(role)  # but the
                         for conj in role.children if conj.dep_ == "conj")  # names listed after it take part
            stack.extend(name for clause in current.children if clause.dep_ == "acl"  # "a service called iCloud"
                         and clause.lemma_.lower() in NounLexicon.load().naming_verbs
                         for name in clause.children if name.dep_ in ("oprd", "xcomp", "attr") and name.pos_ == "PROPN")
            stack.extend(child for child in current.children if child.dep_ in ("nmod", "compound")  # "iPhone and
                         and any(c.dep_ == "cc" for c in child.children))  # Apple TV": both conjuncts take part
            if current.lemma_.lower() in NounLexicon.load().metric_nouns:  # "prices in foreign markets": the market;
                stack.extend(pobj for prep in current.children if prep.dep_ == "prep"  # "sales of new cars": the cars
                             for pobj in prep.children if pobj.dep_ == "pobj"
                             and (prep.lower_ in ("in", "on") and pobj.lower_ in NounLexicon.load().sector_nouns
                                  or prep.lower_ == "of" and is_thing(pobj)))
            stack.extend(pobj for prep in current.children if prep.dep_ == "prep"  # "banks, including Citigroup"
                         and prep.lower_ == "including"
                         for pobj in prep.children if pobj.dep_ == "pobj")
            if current.lemma_.lower() in versions and current.pos_ == "NOUN":
                stack.extend(pobj for prep in current.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
                             for pobj in prep.children if pobj.dep_ == "pobj")
    return out




def _is_role(token: Token) -> bool:
    """True for a name used as a role in an apposition to a name ("Sean Connery, the former James Bond")."""
    return token.dep_ == "appos" and token.pos_ == "PROPN" and token.head.pos_ == "PROPN" and any(
        c.dep_ == "det" and c.lower_ in word_set("articles") for c in token.children)


def _role_holder(token: Token) -> Token:
    """The name a role apposition describes ("Sean Connery, the former James Bond, who died": Connery died).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They included Sean Connery, the former James Bond, who died in October.")
    >>> _role_holder(doc[8]).text
    'Connery'
    """
    return token.head if _is_role(token) else token


def _in_modifier_clause(token: Token) -> bool:
    """True for the agent of a participle that describes a noun ("The sentence, imposed by Judge Valerie Caproni,
    was less than the 12 years he received"): background, not the person a later "he" is about.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The sentence, imposed by Judge Ann Lee, was short. The bill was signed by Joe Biden.")
    >>> [_in_modifier_clause(doc[i]) for i in (7, 18)]
    [True, False]
    """
    prep = token.head if token.dep_ == "pobj" else token
    return prep.dep_ == "agent" and prep.head.dep_ == "acl"


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        resolved = []
        for subject in subjects:
            if subject.lower_ in word_set("relative_pronouns") and verb.dep_ == "relcl":
                resolved.append(_role_holder(verb.head))
            else:
                resolved.append(subject)
        return resolved
    if any(c.dep_ == "expl" for c in verb.children):  # "There are 500 Apple engineers at ..."
        return [c for c in verb.children if c.dep_ == "attr"]
    if verb.dep_ == "xcomp":  # "forced Apple to lower its prices": the object of the verb above acts
        controllers = [c for c in verb.head.children if c.dep_ == "dobj"]
        if controllers:
            return controllers
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []  # "... believes that ... when the iPod was released": a passive has its own subject, no agent above
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):  # "Obama is expected to outline", "GM was
        raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # forced to file": the passive subject
        if raised:
            return raised
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return _subjects(verb.head.head, depth + 1)  # "Developers will be able to set the price"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    if depth < 3 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
            and verb.head.lower_ in word_set("manner_preps") and verb.head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.head.head.children):  # not "cleared
        # a path for Chrysler to get out of bankruptcy by approving a sale": the judge approves, not Chrysler
        doc, above_verb = verb.doc, verb.head.head
        if any(t.text in ('"', "“", "”", "``", "''") for t in doc[min(verb.i, above_verb.i):max(verb.i, above_verb.i)]):
            return []  # 'he promoted it by saying that, "a year after launching the iPhone, ...': a quote's own speaker
        above = _subjects(above_verb, depth + 1)  # "Goa emerged as champions after defeating Chennaiyin"
        return [s for s in above if s.lower_ not in word_set("non_third_person")]  # "after launching it, we're ..."
    if depth < 3 and verb.dep_ in ("acl", "relcl") and verb.head.dep_ == "dobj" and verb.head.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return _subjects(verb.head.head, depth + 1)  # "Apple has plans to import", "Musk signed a deal to buy"
    return []


def _patients(verb: Token) -> list[Token]:
    patients = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass", "oprd")]
    for index, patient in enumerate(patients):
        if patient.lower_ in word_set("relative_pronouns") and verb.dep_ == "relcl":
            patients[index] = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patients.append(described_noun(verb))
    return patients


def described_noun(participle: Token) -> Token:
    """The noun a participle describes: the noun just before it, even when the parse hangs it higher.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Its emphasis on the sacrifices of its troops deployed to Russia is clear.")
    >>> described_noun(doc[8]).text
    'troops'
    >>> doc = load_nlp()("a tribute to the three million people who have to date died from coronavirus")
    >>> described_noun(doc[11]).text
    'people'
    """
    have = next((t for t in participle.doc[max(participle.i - 4, 0):participle.i]
                 if t.lemma_.lower() == "have" and t.dep_ == "relcl"), None)
    if have is not None:
        return have.head  # "the people who have to date died": a perfect split by "to date", the people died
    before = participle.doc[participle.i - 1] if participle.i > 0 else participle.head
    if before.pos_ in ("NOUN", "PROPN") and participle.head.i < before.i:
        return before  # "the sacrifices of its troops deployed to Russia": the troops were deployed
    return participle.head


def _amount_owners(patients: list[Token], depth: int = 0) -> list[Token]:
    """What an amount object is put in or taken of: "invest $30 billion in GM" -> GM, "take ownership of 60
    percent of the company" -> the company (the parse hangs the phrase on the amount, not on the verb)."""
    found: list[Token] = []
    for patient in patients:
        amount = patient.like_num or patient.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") \
            or patient.lemma_.lower() in NounLexicon.load().stake_nouns
        if not amount or depth > 2:
            continue
        for _, pobj in _prep_objects(patient, word_set("stake_preps")):
            inner = pobj.like_num or pobj.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or pobj.lemma_.lower() == "percent"
            found += _amount_owners([pobj], depth + 1) if inner else [pobj]
    return found


def _agents(verb: Token) -> list[Token]:
    return [pobj for child in verb.children if child.dep_ == "agent" for pobj in child.children if pobj.dep_ == "pobj"]


def _prep_objects(head: Token, preps: frozenset[str]) -> list[tuple[str, Token]]:
    return [(child.lower_, pobj) for child in head.children if child.dep_ == "prep" and child.lower_ in preps
            for pobj in child.children if pobj.dep_ == "pobj"]


def looks_like_product(name: str, token: Token) -> bool:
    """True when a named thing is a product or thing, not some other name the dictionary lacks: a thing noun or
    product head ("memo", "Mac OS X Lion operating system"), a model number or camel-case word ("A380",
    "iTunes App Store") or a model word ("MacBook Pro"); "Spotlight" or "Orion" alone get no type.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Airbus delivered its first A380 to Underwood.")
    >>> looks_like_product("A380", doc[4]), looks_like_product("Underwood", doc[6])
    (True, False)
    """
    lex = NounLexicon.load()
    lemma = token.lemma_.lower()
    words = name.split()
    return (lemma in lex.thing_nouns or lemma in lex.product_heads or token.lower_ in lex.thing_nouns
            or any(c.isdigit() for c in name) or any(CAMEL.match(w) for w in words)
            or any(w.lower() in lex.product_words for w in words[1:]))


def _is_company(name: str) -> bool:
    """True when the actor dictionary knows the name as a company ("Intel"; not "Apple Macintosh")."""
    actor = ActorDictionary.load().lookup(name, entity_label="ORG")
    return actor is not None and actor.type == "company"


def name_word(token: Token) -> bool:
    """A word that makes a phrase a name: a capitalised proper noun, a capitalised noun inside a sentence that is
    no title-case headline ("50 787 Dreamliners"), or a model code of letters and digits ("its first A380").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Airbus delivered its first A380 to the airline.")
    >>> [t.text for t in doc if name_word(t)]
    ['Airbus', 'A380']
    >>> [t.text for t in load_nlp()("Five Killed In Mumbai Plane Crash. A plane crashed.") if name_word(t)]
    ['Mumbai']
    """
    if _MODEL_CODE.fullmatch(token.text):
        return True
    if common_acronym(token) or capitalised_by_position(token):
        return False
    if token.pos_ == "PROPN" and not token.is_lower:  # in a title-case headline, not a word the text writes lower
        return not _title_case(token.sent) or any(c.isupper() for c in token.text[1:]) \
            or not any(t.is_lower and token.lower_ in (t.lower_, t.lemma_) for t in token.doc)
    return token.pos_ == "NOUN" and token.text[:1].isupper() and not token.text.isupper() \
        and token.ent_type_ not in _NOT_NAMES and not token.is_sent_start and not _title_case(token.sent)


def _title_case(sentence: Span) -> bool:
    """True for a headline in title case ("Apple Unveils New Laptops"), where capitals say nothing."""
    words = [t for t in sentence if t.is_alpha and len(t) >= 4]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _joining_hyphen(token: Token) -> bool:
    """A hyphen written inside a word ("Russian-backed", "Goa-based"): it stays in a name, which the tokenizer
    splits around it.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Russian-backed rebels - and others")
    >>> [_joining_hyphen(t) for t in doc if t.text == "-"]
    [True, False]
    """
    return token.text in ("-", "\u2010", "\u2011") and not token.whitespace_ and token.i > 0 \
        and not token.doc[token.i - 1].whitespace_ and token.i + 1 < len(token.doc)


def named_thing(token: Token, lex: NounLexicon | None = None) -> str | None:
    """A named participant the actor dictionary does not know: a phrase with a proper noun ("iPod nano").

    The name is the phrase without determiners, possessors and leading descriptive adjectives; a generic
    head from ``generic_heads`` is cut back to the proper-noun core ("Apple's forthcoming Mac OS X Lion
    operating system" -> "Mac OS X Lion"), other heads stay ("the iTunes music store"). Named events
    ("Worldwide Developers Conference (WWDC)") and roles ("the Apple Chief Executive Officer") are no things.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple released the new iPod nano.")
    >>> named_thing(doc[5]), named_thing(doc[0].head)
    ('iPod nano', None)
    """
    if token.pos_ not in ("PROPN", "NOUN") or token.ent_type_ in _NOT_NAMES:
        return None
    if (token.ent_type_ == "NORP" or any(c.dep_ == "det" for c in token.children)) \
            and ActorDictionary.load().demonym(token.text) is not None:
        return None  # "the Argentine hooked the ball", "The Dane completed": a person of that nation, no thing
    lex = lex or NounLexicon.load()
    head = token.head if token.dep_ in ("appos", "compound") else token  # "Worldwide Developers Conference (WWDC)"
    if any(t.lemma_.lower() in lex.event_nouns or t.lemma_.lower() in lex.person_nouns or t.lemma_.lower() in lex.prize_nouns
           or t.lower_ in lex.titles and t.pos_ == "PROPN" for t in (token, head)):
        return None
    generic_heads = lex.product_heads
    span = phrase(token)
    dropped = {t.i for child in token.lefts if child.dep_ == "poss" for t in child.subtree}
    words = [t for t in span if t.i not in dropped and (_joining_hyphen(t) or not (
        t.dep_ in ("det", "poss", "case", "punct") or t.pos_ in ("DET", "PRON", "PUNCT") or t.tag_ == "POS"
        or t.ent_type_ in _NOT_NAMES and not (t.ent_type_ in _PLACE_MODIFIERS and t.i < token.i)
        and not _MODEL_CODE.fullmatch(t.text)
        and not (t.dep_ == "nummod" and name_word(t.head) and _MODEL_NUMBER.fullmatch(t.text))))]
    words = [t for t in words if not (  # "16GB version": no "GB" without its number
        re.fullmatch(r"[A-Z]{1,3}", t.text) and t.i > 0 and t.doc[t.i - 1].like_num and not t.doc[t.i - 1].whitespace_)]
    joints = [n for n, t in enumerate(words) if t.pos_ == "CCONJ" or t.text == ","]
    if joints:  # "iPhone and Apple TV" (a misparsed pair): the name is the last conjunct
        words = words[joints[-1] + 1:]
    while words and words[0].pos_ in ("ADJ", "NUM", "VERB", "ADP", "ADV", "SCONJ") and words[0].is_lower:
        words = words[1:]
    while words and words[-1].pos_ in ("ADP", "CCONJ", "PART"):  # "Wayne's World for (radio)"
        words = words[:-1]
    if not words or not any(name_word(t) or _ANY_NOUN for t in words) or len(words) > 6:
        return None
    if not name_word(token) and all(t.ent_type_ in _PLACE_MODIFIERS for t in words if name_word(t)):
        return None  # "21,000 US factory jobs", "Texas plants": a place says where, the nouns name no thing
    if words[-1].lemma_.lower() in generic_heads or words[-1].lower_ in generic_heads:
        cores = [i for i, t in enumerate(words) if (not t.is_lower or t.like_num) and not _joining_hyphen(t)]
        core = max(cores) if cores else -1
        if core < 0 or words[core].i == token.i:
            return None
        maker = " ".join(t.text for t in words[:core + 1])
        if not (all(t.ent_type_ == "ORG" for t in words[:core + 1]) and _is_company(maker)):  # "Intel processors"
            # stay themselves; "Apple Macintosh computers" (tagged ORG, no company) are the Apple Macintosh
            words = words[:core + 1]
    while words and _joining_hyphen(words[0]):  # "non-profit PA" without "non", "King Air twin-" (engine)
        words = words[1:]
    while words and _joining_hyphen(words[-1]):
        words = words[:-1]
    text = " ".join(t.text for t in words)
    return re.sub(r"\s*([-/])\s*", r"\1", text) or None


def _trading_venue(actor: Actor, token: Token) -> bool:
    """True for an exchange after "on" or "at": the place where shares trade, not an actor of the event.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Shares traded on the Nasdaq.")
    >>> _trading_venue(Actor("Nasdaq", "company"), doc[4]), _trading_venue(Actor("Nasdaq", "company"), doc[0])
    (True, False)
    """
    words = NounLexicon.load().role_descriptions.get("exchange", frozenset())
    return token.dep_ == "pobj" and token.head.lower_ in ("on", "at") \
        and any(w in words for w in re.findall(r"[a-z]+", actor.name.lower()))


class ParticipantFinder:
    """Chooses participant spans for triggers and resolves them with one document's actor resolver."""

    def __init__(self, resolver: ActorResolver | None, time_tokens: frozenset[int] = frozenset()) -> None:
        self._resolver = resolver
        self._time_tokens = time_tokens  # tokens of time expressions: no participant ("at 10:16 UTC")
        self._entities: dict[int, Span] | None = None
        self._last_person: tuple[str, int] | None = None  # (name, sentence start) of the last person acting
        self._last_company: tuple[str, int] | None = None  # (name, sentence start) of the last company subject
        self._last_product = -1  # sentence start of the last product taking part ("it" may be the product)
        self._company_token = -1  # token of the last company subject
        self._last_thing = -1  # token of the last named thing taking part ("Hurricane Dorian": "it" may be it)
        self._pronouns: dict[int, str | None] = {}  # "he"/"she" token -> the person it was read as
        self._groups: set[str] = set()  # names of group actors ("software developers"): never a named agent
        self._event_acronyms: set[str] | None = None  # "WWDC" when "World Wide Developers Conference" is named

    def _entity(self, token: Token) -> Span | None:
        """The named entity a token is part of (entities indexed once per document)."""
        if self._entities is None:
            self._entities = {i: ent for ent in token.doc.ents for i in range(ent.start, ent.end)}
        return self._entities.get(token.i)

    def _resolve(self, span: Span | None) -> Actor | None:
        """The resolver's actor for a span; None without a resolver or span, or when the resolver fails (a
        resolver bug must not lose the article)."""
        if self._resolver is None or span is None:
            return None
        try:
            return self._resolver.resolve(span)
        except Exception:  # noqa: BLE001 - a resolver bug must not lose the article
            return None

    def _actor(self, token: Token, named_things: bool = False) -> str | None:
        if self._resolver is None or token.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "X", "ADJ") \
                or bracket_note(token) or in_dateline(token):  # "CAPE CANAVERAL, Fla. - A NASA spacecraft landed":
            return None  # the dateline is where the story was filed
        if token.lower_ in ("he", "she") and token.dep_ in ("nsubj", "nsubjpass"):
            if token.i not in self._pronouns:  # once per pronoun: "He will meet with King Charles III to resign":
                # the subject "He" of "resign" is the one already read for "meet", not the king named since
                self._pronouns[token.i] = self._clause_person(token) or self._antecedent_person(token)
            return self._pronouns[token.i]
        if token.lower_ == "it" and token.dep_ == "nsubj":
            return self._antecedent_company(token)
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "its"), None) \
            if token.lemma_.lower() in NounLexicon.load().metric_nouns else token if token.lower_ == "its" \
            and token.dep_ == "poss" and token.head.lemma_.lower() in NounLexicon.load().metric_nouns else None
        if owner is not None:  # "Ford said its sales fell", "forced Apple to lower its prices"
            return self._clause_subject(owner) or self._antecedent_company(owner)
        candidates: list[Span] = []
        entity = self._entity(token)
        if entity is not None:
            candidates.append(entity)
        candidates.append(phrase(token))
        candidates.append(token.doc[token.i:token.i + 1])
        for span in candidates:
            actor = self._resolve(span)
            if actor is not None and _trading_venue(actor, token):
                return None  # "traded on the Nasdaq", "On the Toronto Stock Exchange, shares slid": where, not who
            if actor is not None:
                if actor.type == "person" and token.dep_ in ("nsubj", "nsubjpass", "agent", "pobj") \
                        and not _in_modifier_clause(token):
                    self._last_person = (actor.name, token.sent.start)
                if actor.type == "group":
                    self._groups.add(actor.name)
                if actor.type in COMPANY_TYPES and token.dep_ == "nsubj":
                    self._last_company = (actor.name, token.sent.start)
                    self._company_token = token.i
                elif actor.type == "product":
                    self._last_product = max(self._last_product, token.sent.start)
                self._note_thing(actor, token)
                return actor.name
        lex = NounLexicon.load()
        if not named_things and (is_thing(token) or token.lemma_.lower() in lex.product_heads
                                 or token.lemma_.lower() in lex.organisation_nouns):  # "The Bush administration"
            described = token.lower_ if lex.definite_descriptions.get(token.lower_) == "product" and any(
                c.lower_ == "the" for c in token.lefts) else None  # "the superjumbo" after "its first A380"
            return self._thing(named_thing(token), thing_name(token) or described, token)  # "The invitation reads"
        if not named_things or token.text in self._acronyms_of_events(token.doc):
            return None
        if token.lemma_.lower() in NounLexicon.load().aspect_nouns:  # "antenna issues of the iPhone"
            return self._modifier_actor(token)
        return self._thing(named_thing(token), thing_name(token), token)

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

    def _modifier_actor(self, token: Token) -> str | None:
        """The named actor an aspect noun is about ("the iPhone issue" -> iPhone, "Apple performance")."""
        for child in token.children:
            if child.dep_ in ("compound", "poss", "nmod") or child.dep_ == "prep" and child.lower_ == "of":
                target = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is None or self._resolver is None:
                    continue
                actor = self._resolve(phrase(target))
                if actor is not None:
                    self._note_thing(actor, target)
                    return actor.name
                if child.dep_ == "prep":  # "a preview of Apple's forthcoming Mac OS X Lion operating system"
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

    def _place(self, token: Token) -> str | None:
        if self._resolver is None or token.pos_ not in ("PROPN", "NOUN"):
            return None
        entity = self._entity(token)
        if token.pos_ == "NOUN" and entity is None and not _place_or_event_noun(token):
            return None  # "outside the U.S. embassies in Kenya": an embassy of a country is not in it
        for span in ([entity] if entity is not None else []) + [phrase(token)]:
            try:
                name = self._resolver.place(span)
            except Exception:  # noqa: BLE001 - a bug elsewhere must not lose the article
                name = None
            if name:
                return name
        if entity is not None and entity.label_ in ("GPE", "LOC", "FAC"):
            return re.sub(r"^the\s+", "", entity.text.strip(), flags=re.IGNORECASE) or None  # a place it missed
        return None

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
        heads: list[Token] = [token]
        if trigger.kind == "verb":
            agents = _subjects(token) + _agents(token)
            patients = _patients(token)
            if token.dep_ == "prep" and token.lemma_.lower() == "accord":  # "according to the KCNA": the source
                agents = [pobj for _, pobj in _prep_objects(token, frozenset({"to"}))]
        else:
            agents = [c for c in token.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON", "NOUN")
                      and not (c.dep_ == "compound" and token.lemma_.lower() in NounLexicon.load().prize_nouns)]
            # "the Lifetime Achievement Award": the words before a prize are its name, not who acts
            of_objects = _prep_objects(token, word_set("noun_argument_preps"))
            patients = [pobj for _, pobj in of_objects]
            if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
                heads.append(token.head.head)  # "reports of tornadoes ... in North Carolina"
            if trigger.light is not None:
                heads.append(trigger.light)
                if token.dep_ in ("dobj", "attr"):
                    agents = _subjects(trigger.light) + agents
            elif token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB" \
                    and token.head.lemma_.lower() not in _statement_verbs():  # "Estrada condemned the bombings"
                agents = agents + _subjects(token.head)
        agents = [a for a in agents if not in_dateline(a)]  # "Tikrit, Iraq : A bomb attack targeted": misparsed subject
        location, place_prep, place_tokens = "", "", set()
        for head in heads + self._object_governor(token, heads, trigger):
            for prep, pobj in _prep_objects(head, word_set("location_preps")):
                if head not in heads and pobj.i < token.i:
                    continue  # the verb's place before the event noun is the verb's own
                name = self._place(pobj)
                if name:
                    place_tokens.add(pobj.i)
                    if not location:
                        location, place_prep = name, prep
                elif not location:  # "killed in a building collapse in L'Aquila"
                    for inner_prep, inner in _prep_objects(pobj, word_set("inner_place_preps")):
                        inner_name = self._place(inner)
                        if inner_name:
                            place_tokens.add(inner.i)
                            location, place_prep = inner_name, inner_prep
                            break
        if trigger.event_type in PLACE_OBJECT_TYPES and not location:  # "the storm struck eastern Canada"
            for patient in [p for p in patients if p.dep_ == "dobj"]:
                name = self._place(patient)
                if name:  # the place struck is also a participant (a reader filters "Italy" to find the quake)
                    location, place_prep = name, "in"
                    break
        # "according to X" names the source of the report, not a participant of what it reports
        recipients = [pobj for head in heads for prep, pobj in _prep_objects(head, word_set("participant_preps"))
                      if pobj.i not in place_tokens and (trigger.kind == "verb" or prep != "of")]
        if trigger.kind == "verb":
            recipients += [p for p in _amount_owners([p for p in patients if p.dep_ == "dobj"] + recipients)
                           if p.i not in place_tokens and self._place(p) is None]
            recipients += [pobj for noun in agents + patients if noun.pos_ in ("NOUN", "VERB")  # "Fighting between
                           for _, pobj in _prep_objects(noun, NounLexicon.load().shared_preps)]  # Israel and Hamas erupted"
        if trigger.kind == "noun" and heads[-1] is token:  # "reports ... as provided by NOAA's Storm Prediction Center"
            recipients += [pobj for head in [token] + self._object_governor(token, heads, trigger)
                           for clause in head.children if clause.dep_ in ("acl", "advcl") and clause.tag_ == "VBN"
                           and (head is token or clause.i > token.i) for pobj in _agents(clause)]
        actors: list[str] = []
        agent = ""
        handed = [pobj for patient in _expand([p for p in patients if p.dep_ == "dobj"]) if trigger.kind == "verb"
                  for _, pobj in _prep_objects(patient, frozenset({"to", "from"}))  # "delivered an A380 to X"
                  if self._place(pobj) is None]
        hosts = [pobj for holder in heads + [p for p in patients if p.dep_ == "dobj"]
                 for _, pobj in _prep_objects(holder, frozenset({"at"}))
                 if pobj.i not in place_tokens and self._is_organisation(pobj)]  # "the activities at APL"
        hosts += [c for holder in heads for c in holder.children  # "at the base of X, <org> (APL) in Laurel":
                  if c.dep_ == "dep" and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","  # an apposition
                  and any(p.dep_ == "prep" and p.lower_ == "at" and p.i < c.i for p in holder.children)  # misparsed
                  and self._is_organisation(c)]
        for role, tokens in (("agent", agents), ("patient", patients), ("recipient", recipients),
                             ("handed", handed), ("host", hosts)):
            for candidate in _expand(tokens, NounLexicon.load().version_nouns):
                if candidate.i in place_tokens or candidate.i in self._time_tokens:
                    continue
                name = self._actor(candidate, named_things=role != "agent" or candidate.pos_ == "PROPN"
                                   or name_word(candidate))
                if name is None and role == "agent" and candidate.pos_ == "PRON" and trigger.kind == "verb":
                    agents_above = self._pronoun_antecedents(token)
                    for antecedent in agents_above:
                        if candidate.lower_ == "it" and antecedent.ent_type_ == "PERSON":
                            continue  # "It crashed, Chief Neves said": "it" is no person
                        above = self._actor(antecedent)
                        if above and above not in actors:
                            actors.append(above)
                            agent = agent or above
                    continue
                if name and name not in actors:
                    actors.append(name)
                    parent = self._parent_organisation(candidate) or (
                        self._employer(candidate) if trigger.event_type == "personnel" else None)
                    if parent and parent not in actors:
                        actors.append(parent)  # "NOAA's Storm Prediction Center": NOAA takes part too
                    if role == "agent" and not agent and name not in self._groups:
                        agent = name  # a group is no named speaker: "Analysts said" stays a statement
        raised = bool(agents) and agents[0].dep_ == "nsubjpass" and agents[0].head is not token  # the summary
        agent_text = phrase(agents[0]).text if agents and not raised else ""  # names a raised subject itself
        object_text = phrase(patients[0]).text if patients else ""
        if patients and patients[0].lemma_.lower() in NounLexicon.load().collection_nouns:
            counted = [pobj for _, pobj in _prep_objects(patients[0], frozenset({"of"}))]
            if counted:  # "launched a wave of airstrikes"
                object_text = f"{object_text} of {phrase(counted[0]).text}"
        if trigger.kind == "noun" and patients and patients[0].head.dep_ == "prep":
            object_text = f"{patients[0].head.text} {object_text}"
        plural = bool(agents) and (agents[0].tag_ in ("NNS", "NNPS") or agents[0].lower_ in word_set("non_third_person")
                                   or any(c.dep_ == "conj" for c in agents[0].children))
        return Participants(tuple(actors), location, agent, agent_text, object_text, place_prep, plural)

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

    def _clause_subject(self, possessive: Token) -> str | None:
        """The company subject of the clause a possessive sits in ("forced Apple to lower its prices" -> Apple)."""
        verb = possessive.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        for subject in _subjects(verb):
            if possessive.head in subject.subtree or subject.pos_ == "PRON":
                continue
            actor = self._resolve(phrase(subject))
            if actor is not None and actor.type in COMPANY_TYPES:
                return actor.name
        return None

    def _antecedent_company(self, pronoun: Token) -> str | None:
        """"Apple said ... It also announced ...": the company that was subject in this or the last sentence."""
        if self._last_company is None:
            return None
        name, sentence_start = self._last_company
        if self._last_product >= sentence_start:  # "Apple launched the iPhone. It sold ...": "it" may be either
            return None
        if sentence_start <= self._last_thing < pronoun.i and self._last_thing != self._company_token:
            return None  # "NASA compiled data on Hurricane Dorian ... it left", "The plane went down, the agency said. It"
        sentences_between = sum(1 for t in pronoun.doc[sentence_start:pronoun.sent.start] if t.is_sent_start)
        return name if sentences_between <= 1 else None

    def _clause_person(self, pronoun: Token) -> str | None:
        """"Tsitsipas became the first Greek to win a title when he beat Gulbis": "he" in a subordinate clause
        is the person subject of the clause above it, before any earlier person."""
        if self._resolver is None or pronoun.head.dep_ not in ("advcl", "ccomp", "conj", "xcomp", "pcomp", "relcl"):
            return None
        current = pronoun.head
        for _ in range(4):
            if current.head is current:
                return None
            current = current.head
            for subject in (c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"):
                actor = self._resolve(phrase(subject))
                if actor is not None and actor.type == "person":
                    return actor.name
        return None

    def _antecedent_person(self, pronoun: Token) -> str | None:
        """"He announced ...": the person who last acted, when that was in this or the previous few sentences."""
        if self._last_person is None:
            return None
        name, sentence_start = self._last_person
        sentences_between = sum(1 for t in pronoun.doc[sentence_start:pronoun.sent.start] if t.is_sent_start)
        return name if sentences_between <= PRONOUN_REACH else None

    @staticmethod
    def _pronoun_antecedents(token: Token) -> list[Token]:
        """Subjects of the clause above a subordinate clause ("X deepened ties since they signed")."""
        current = token
        for _ in range(3):
            if current.dep_ not in ("advcl", "ccomp", "conj", "xcomp", "pcomp", "pobj", "prep") or current.head is current:
                return []
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                subjects = [s for s in _expand(_subjects(current)) if s.pos_ != "PRON"]
                if subjects:
                    return subjects
        return []
