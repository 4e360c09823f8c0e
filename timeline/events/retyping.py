"""Retyping a found trigger by what goes with it: a measured move makes a verb a result ("the Dow shed 231
points"), a natural-event subject gives its type ("the earthquake struck" is no attack), an object or a directive
complement says what the verb is ("claimed 217 lives" is no statement, "ordered residents to leave" no purchase),
a dismissal verb with a person as object is a personnel event ("Nissan fired Ghosn").
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from timeline.actors.lexicon import NounLexicon
from timeline.events.arguments import acting_subjects, arguments, directive_complement, noun_event_type, subject_words
from timeline.events.market_actors import market_antecedent
from timeline.events.measures import (
    beat_by_score,
    has_direction,
    has_measure,
    is_measured_move,
    moved_market,
    names_market,
)
from timeline.events.taxonomy import OTHER, EventTaxonomy
from timeline.events.trigger import Trigger
from timeline.function_words import word_set

#: Event types a subject noun gives to its verb.
SUBJECT_TYPES = frozenset({"disaster"})
#: Types a natural-event subject does not override: "the earthquake killed 75 people" stays casualties.
KEPT_UNDER_SUBJECT = frozenset({"casualties"})
#: Types of event nouns a natural subject of their verb retypes ("the volcano produced huge blasts": no attack).
NATURE_AMBIGUOUS = frozenset({"attack"})
#: The type of a measured move ("the Dow shed 30 points", "stocks were down"): see ``measure_units``.
MOVE_TYPE = "result"
#: Types whose verbs ("rally", "march") are a market move when a measure goes with them ("rallied 42 percent").
_MOVED_BY_MEASURE = frozenset({"protest/strike"})
#: The type of a dismissal verb with a person's name as object ("Nissan fired Ghosn").
DISMISSAL_TYPE = "personnel"
#: The type of a fire's containment ("the blaze was 30% contained"): part of the fire's course, as its growth is.
CONTAINMENT_TYPE = "disaster"
#: Types a verb keeps when a score goes with it ("beat Osaka 7-5" is a result; an award or casualties stay so, and
#: so does a chamber's vote with its tally: "the bill passed the House 55-40" is no match result).
_SCORED_TYPES = frozenset({MOVE_TYPE, "award", "casualties", "decision"})


def measured(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """An untyped verb or a past copula with a measured move is a result ("the FTSE 100 ended down 52.9 points",
    "Stocks were down"); a present one says where things stand ("The index is down 34.5%") and other states
    ("analysts expected 77 cents") are no move: both stay states."""
    if trigger.state and (trigger.lemma != "be" or trigger.token.tag_ in ("VBZ", "VBP")):
        return trigger  # "the index is down 34.5% this year", "analysts expected 77 cents": no move
    if trigger.kind == "verb" and not trigger.typed and is_measured_move(trigger.token, taxonomy):
        return replace(trigger, event_type=MOVE_TYPE, typed=True, state=False, habitual=False)
    if trigger.kind == "verb" and trigger.event_type not in _SCORED_TYPES and beat_by_score(trigger.token, taxonomy):
        return replace(trigger, event_type=MOVE_TYPE, typed=True, state=False, habitual=False)
    if trigger.kind == "verb" and trigger.event_type in _MOVED_BY_MEASURE and (
            is_measured_move(trigger.token, taxonomy) or moved_market(trigger.token)):
        return replace(trigger, event_type=MOVE_TYPE)  # "the Topix rallied (42 percent)": no protest march
    if trigger.kind == "verb" and trigger.event_type in _MOVED_BY_MARKET and moved_market(trigger.token):
        return replace(trigger, event_type=MOVE_TYPE)  # "Hong Kong's Hang Seng sank 2.9 per cent": no shipwreck
    if trigger.kind == "verb" and trigger.event_type in _MOVED_BY_MEASURE | _MOVED_BY_MARKET \
            and _market_pronoun(trigger.token):
        return replace(trigger, event_type=MOVE_TYPE)  # "The Hang Seng fell when it rallied": no protest march
    if trigger.kind == "verb" and trigger.event_type in _MOVED_AS_MARKET and _market_participant(trigger.token):
        return replace(trigger, event_type=MOVE_TYPE)  # "sent the Dow above 11,000", "closed at 11,012 before retreating"
    if trigger.kind == "verb" and trigger.typed and _down_by_measure(trigger.token, taxonomy):
        return replace(trigger, event_type=MOVE_TYPE)  # "it opened down by 87 points" is no launch
    if trigger.kind == "verb" and trigger.typed and has_direction(trigger.token, taxonomy, comparative=True):
        return replace(trigger, event_type=MOVE_TYPE)  # "shares opened 2% lower" is no launch, "traded higher" no sale
    return trigger


#: Types whose verbs also move a market when a market name is their subject ("the Hang Seng sank").
_MOVED_BY_MARKET = frozenset({"disaster"})


#: Types whose verbs tell a market's move when an index or currency is their subject or object ("oil prices sent
#: the Dow above 11,000" is no deployment, "the dollar retreated" no withdrawal).
_MOVED_AS_MARKET = frozenset({"deployment", "withdrawal/return"})


def _market_participant(verb: Token) -> bool:
    """True when a listed index or currency (or an "it" standing for one) is the verb's subject or object; a verb
    with no subject of its own ("before retreating", "to retreat") takes the one of the verb it belongs to.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Prices sent the Dow above 11,000. The Dow closed up before retreating. Troops retreated.")
    >>> [_market_participant(t) for t in doc if t.lemma_ in ("send", "retreat")]
    [True, True, False]
    """
    word: Token | None = verb
    for _ in range(3):
        if word is None:
            return False
        if moved_market(word) or _market_pronoun(word) or any(
                c.dep_ == "dobj" and names_market(c) for c in word.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children):
            return False
        word = _governing_verb(word)
    return False


def _governing_verb(verb: Token) -> Token | None:
    """The verb a subjectless verb belongs to: its head for an infinitive or adverbial clause, the head of the
    preposition for a gerund after one ("closed at 11,012 before retreating"), or None."""
    if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return verb.head.head
    return None


def _market_pronoun(verb: Token) -> bool:
    """True when the verb's subject is an "it" that stands for a listed index or currency named just before
    (``market_antecedent``): "The Hang Seng fell on Wednesday when it rallied" moves the index; "Protesters
    gathered when it rallied" and "Sony said it rallied" do not.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Hang Seng fell on Wednesday when it rallied. Sony said it rallied.")
    >>> [_market_pronoun(t) for t in doc if t.lower_ == "rallied"]
    [True, False]
    """
    return any(market_antecedent(c) is not None for c in verb.children if c.dep_ == "nsubj")


def _down_by_measure(verb: Token, taxonomy: EventTaxonomy) -> bool:
    """A direction particle or adverb and a measure with no object ("opened down by 87 points", "closed up 2%"),
    not "cut down 30 percent of the trees" (an object) nor "stepped down" (no measure).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It opened down by 87 points. Loggers cut down 30 percent of the trees.")
    >>> [_down_by_measure(doc[i], EventTaxonomy.load()) for i in (1, 9)]
    [True, False]
    """
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(c.dep_ in ("prt", "advmod") and c.lower_ in taxonomy.direction_words for c in verb.children) and (
        has_measure(verb, taxonomy))


def contains_a_hazard(verb: Token) -> bool:
    """True when what is contained is a hazard (``hazard_nouns``: "The fire was fully contained", "The blaze was
    30% contained", "five percent of the fire is contained"); not "the outbreak was contained", "the box contains".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The blaze was 30% contained on Monday. The box contained letters.")
    >>> contains_a_hazard(doc[5]), contains_a_hazard(doc[12])
    (True, False)
    """
    holder = verb.head if verb.dep_ in ("acomp", "xcomp") and verb.head.lemma_ == "be" else verb
    if verb.dep_ == "acl" and verb.head.dep_ == "attr" and verb.head.head.lemma_ == "be":
        holder = verb.head.head  # "The fire was 5% contained by Tuesday evening" (parsed "5% (contained)")
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb == holder and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False  # active "the box contained letters": holding, no containment
    subjects += [p for s in list(subjects) for prep in s.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for p in prep.children if p.dep_ == "pobj"]  # "five percent of the fire"
    hazards = NounLexicon.load().hazard_nouns
    return any(s.lemma_.lower() in hazards or s.lower_ in hazards for s in subjects)


def tells_containment(verb: Token) -> bool:
    """True for a containment verb, or a "be" with one as its complement, whose subject is a hazard ("The blaze
    was 30% contained")."""
    contained = [c for c in verb.children if c.dep_ == "acomp"] + [
        a for c in verb.children if c.dep_ == "attr" for a in c.children if a.dep_ == "acl"] \
        if verb.lemma_ == "be" else [verb]
    return any(c.lemma_.lower() in word_set("containment_verbs") and contains_a_hazard(c) for c in contained)


def typed_by_subject(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """A verb whose subject is a natural event takes its type ("the earthquake struck" is no attack), and so
    does an onset verb of any event noun ("Fighting erupted" is an attack, no eruption);
    one whose object says what it is takes that type ("claimed 217 lives" is no statement); a directive verb
    with an infinitive complement takes its directive type ("ordered residents to leave" is no purchase); an event
    noun done by a natural subject takes its type ("the volcano produced huge blasts": no attack)."""
    if trigger.kind != "verb":
        return _market_rally(_noun_typed_by_subject(trigger, taxonomy), taxonomy)
    if tells_containment(trigger.token):
        return replace(trigger, event_type=CONTAINMENT_TYPE, typed=True, state=False, habitual=False,
                       needs_actor=False)  # "the fire was 30% contained on Monday": news, no lasting state
    if trigger.lemma in word_set("dismissal_verbs") and _dismisses_a_person(trigger.token):
        return replace(trigger, event_type=DISMISSAL_TYPE, typed=True)  # "Nissan fired Ghosn": no attack
    own_sense = taxonomy.argument_type(trigger.lemma, arguments(trigger.token)) == OTHER  # "lived a full life"
    for child in trigger.token.children:
        object_type = taxonomy.object_type(child.lemma_) if child.dep_ == "dobj" and not own_sense else None
        if object_type is not None:
            return replace(trigger, event_type=object_type, typed=True, state=False, habitual=False)
    complement_type = taxonomy.complement_type(trigger.token.lemma_)
    if complement_type is not None and any(directive_complement(child) for child in trigger.token.children):
        return replace(trigger, event_type=complement_type, typed=True)  # "ordered residents to leave"
    if trigger.state and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") for c in trigger.token.children):
        subject_type = taxonomy.subject_type(trigger.lemma, subject_words(acting_subjects(trigger.token)))
        if subject_type is not None:  # "Astronomers found three exoplanets": a discovery, no state
            return replace(trigger, event_type=subject_type, typed=True, state=False)
    if trigger.state or trigger.event_type in KEPT_UNDER_SUBJECT:
        return trigger  # "the quake was 6 miles deep", "the earthquake killed 75 people"
    subjects = acting_subjects(trigger.token)
    if trigger.token.lemma_.lower() in taxonomy.onset_verbs:  # "Fighting erupted", "Talks resumed"
        for subject in subjects:
            subject_type = noun_event_type(subject, taxonomy) if subject.pos_ in ("NOUN", "VERB") else None
            if subject_type not in (None, OTHER):
                return replace(trigger, event_type=subject_type or OTHER, typed=True)
    for subject in subjects:
        compounds = [c for c in subject.children if c.dep_ == "compound"]
        named = subject.pos_ == "PROPN" and all(taxonomy.noun_type(c.lemma_) in SUBJECT_TYPES for c in compounds)
        names = [c for c in subject.children if c.dep_ == "appos"] + (compounds if named else [])
        for word in [subject] + names:  # "Hurricane Dorian struck"; not "a tsunami warning", "the Storm Prediction Center"
            if taxonomy.noun_type(word.lemma_) in SUBJECT_TYPES:
                return replace(trigger, event_type=taxonomy.noun_type(word.lemma_) or trigger.event_type, typed=True)
    if not subjects and trigger.token.dep_ == "pcomp" and trigger.token.head.head.pos_ in ("VERB", "AUX"):
        subjects = acting_subjects(trigger.token.head.head)  # "crude rose before settling at $73.89": crude settles
    subject_type = taxonomy.subject_type(trigger.token.lemma_, subject_words(subjects))
    if subject_type is not None:  # "a freight train smashed into a charter bus": an accident, no attack
        return replace(trigger, event_type=subject_type, typed=True, state=False)
    return trigger


def _dismisses_a_person(verb: Token) -> bool:
    """The object is a person's name ("fired coach Jose Mourinho"), or a single name fired by an organisation or
    a body ("Nissan fired Ghosn", "The board fired Smith", the parser missing the person); not "fired shots", "fired
    a Hellfire missile", weapons in the plural ("Hamas fired Qassams") or at a target ("fired Katyusha at Haifa").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Nissan fired Ghosn on Thursday. The gunman fired shots. Hamas fired Qassams at Sderot.")
    >>> [_dismisses_a_person(t) for t in doc if t.lemma_ == "fire"]
    [True, False, False]
    """
    if any(c.dep_ == "prep" and c.lower_ in ("at", "into", "toward", "towards", "across") for c in verb.children):
        return False  # "fired Grads at the town": a weapon at a target
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    subjects = acting_subjects(verb)
    by_organisation = any(s.ent_type_ == "ORG" or s.lemma_.lower() in NounLexicon.load().body_nouns for s in subjects)
    return any(o.ent_type_ == "PERSON" or by_organisation and o.tag_ == "NNP" and not o.lower_.endswith("s")
               for o in objects)


def _market_rally(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """A rally noun said of a market is its move, no protest march: a market is its owner or modifier ("the
    Dow's rally", "a stock rally", "a rally in stocks"), or the subject or object of the verb it goes with ("Wall
    Street bounced back with a massive rally"); the market words are the ``subject_types`` of the verb "rally".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Wall Street bounced back with a massive rally. Protesters held a rally in the square.")
    >>> [_market_rally(Trigger(t, "protest/strike", "noun", True), EventTaxonomy.load()).event_type
    ...  for t in doc if t.lower_ == "rally"]
    ['result', 'protest/strike']
    """
    if trigger.event_type not in _MOVED_BY_MEASURE:
        return trigger
    noun = trigger.token
    words = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod")]
    words += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "for")
              for p in c.children if p.dep_ == "pobj"]
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.pos_ in ("VERB", "AUX") and verb is not noun:
        words += acting_subjects(verb) + [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and c is not noun]
    if any(names_market(w) for w in words) or taxonomy.subject_type(noun.lemma_, subject_words(words)) == MOVE_TYPE:
        return replace(trigger, event_type=MOVE_TYPE)
    return trigger


def _noun_typed_by_subject(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """An event noun that is what a verb with a typing subject brought about, as its object, the "of" of its object
    or a conjunct of either ("the volcano produced a series of huge blasts and eruptions"), takes the verb's
    subject type (``subject_types``): a volcano's blasts are no attack.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The volcano produced a series of huge blasts. The army produced blasts.")
    >>> [_noun_typed_by_subject(Trigger(doc[i], "attack", "noun", True), EventTaxonomy.load()).event_type for i in (7, 12)]
    ['disaster', 'attack']
    """
    if trigger.event_type not in NATURE_AMBIGUOUS:
        return trigger
    if trigger.light is not None:  # "machinists voted to end their strike": a workforce's strike (the noun's
        subjects = acting_subjects(trigger.light)  # own subject_types), no attack; a light verb without a
        if not subjects and trigger.light.dep_ in ("xcomp", "advcl"):  # subject of its own has the one of
            subjects = acting_subjects(trigger.light.head)  # the verb it completes ("voted to end")
        subject_type = taxonomy.subject_type(trigger.token.lemma_, subject_words(subjects))
        return replace(trigger, event_type=subject_type) if subject_type is not None else trigger
    word = trigger.token
    while word.dep_ == "conj" and word.head.pos_ in ("NOUN", "PROPN"):
        word = word.head
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ == "NOUN":
        word = word.head.head  # "a series of huge blasts"
    if word.dep_ != "dobj" or word.head.pos_ != "VERB":
        return trigger
    verb = word.head
    subject_type = taxonomy.subject_type(verb.lemma_, subject_words(acting_subjects(verb)))
    return replace(trigger, event_type=subject_type) if subject_type is not None else trigger
