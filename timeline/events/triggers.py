"""Trigger detection: which words of a parsed sentence name an event, and of which type.

Verbs whose lemma the taxonomy lists are events of that type; a light verb ("held a ceremony", "the
ceremony took place") hands the event to its noun; event nouns ("launch", "treaty") are events of
their own; other main verbs with a subject or object are ``other`` events; reporting verbs ("said")
and auxiliary-like verbs are never events.  A trigger's argument can retype it (``argument_types``:
"meet the demands" is no meeting, "cut 600 jobs" is a personnel event, "a strike by mechanics" no attack);
an untyped verb with a measured move is a result ("the Dow shed 231 points", "the FTSE ended down");
an untyped verb whose infinitive complement names the event is a state ("attempting to meet").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from timeline.events.taxonomy import OTHER, EventTaxonomy
from timeline.events.titles import title_tokens
from timeline.function_words import word_set

#: Dependency labels of verbs that head a clause of their own (candidates for ``other`` events).
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative"})
_NOUN_ARG_DEPS = ("dobj", "nsubj", "nsubjpass", "attr")
#: Event types a subject noun gives to its verb.
SUBJECT_TYPES = frozenset({"disaster"})
#: Types a natural-event subject does not override: "the earthquake killed 75 people" stays casualties.
KEPT_UNDER_SUBJECT = frozenset({"casualties"})
#: Types of verbs whose infinitive complement is only asked for or promised ("urged X to leave").
REQUEST_TYPES = frozenset({"statement"})
#: The type of a measured move ("the Dow shed 30 points", "stocks were down"): see ``measure_units``.
MOVE_TYPE = "result"
_VERB_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "oprd", "acomp", "attr", "prt"})
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "acl"})
_MEASURE_DEPS = frozenset({"npadvmod", "dobj", "advmod", "acomp", "attr", "oprd", "prep"})
_DIRECTION_DEPS = frozenset({"advmod", "acomp", "npadvmod", "oprd"})
#: A light verb this close to its event noun is part of the trigger span.
_LIGHT_SPAN = 5


@dataclass(frozen=True)
class Trigger:
    """One event mention: the word that names it, its type, and how it was found.

    ``kind`` is ``verb`` or ``noun``; ``light`` is the light verb that introduced a noun event
    ("held" in "held a ceremony"), if any; ``typed`` is False for ``other`` events; ``state`` marks
    states and auxiliary-like verbs ("is available", "include"), kept only when the text dates them;
    ``habitual`` marks an untyped verb that says how things are or might be (kept, low confidence).
    """

    token: Token
    event_type: str
    kind: str
    typed: bool
    light: Token | None = None
    state: bool = False  # a state or auxiliary-like verb: an event only when the text dates it
    habitual: bool = False  # how things are or might be ("processes data", "if it fails"): kept, low confidence
    negated: bool = False  # "names were not disclosed": kept for search, far below the default confidence
    needs_actor: bool = False  # an auxiliary-like action ("use", "give"): a row only with a named participant

    @property
    def lemma(self) -> str:
        """Lower-case lemma of the trigger word."""
        return self.token.lemma_.lower()

    @property
    def clause_word(self) -> Token:
        """The word whose clause the event is told in: the light verb of a noun event ("held" in "held a
        ceremony"), else the trigger word itself."""
        return self.light if self.light is not None else self.token

    @property
    def char_start(self) -> int:
        """Offset of the trigger in the document text (a close light verb is included: "held a ceremony")."""
        return min(t.idx for t in self._words())

    @property
    def char_end(self) -> int:
        """End offset (exclusive) of the trigger."""
        return max(t.idx + len(t.text) for t in self._words())

    def _words(self) -> list[Token]:
        if self.light is not None and abs(self.light.i - self.token.i) <= _LIGHT_SPAN:
            return [self.token, self.light]
        return [self.token]


def is_verb(token: Token) -> bool:
    """True for a content verb (not an auxiliary)."""
    return token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod", "compound")


def is_reporting(token: Token, taxonomy: EventTaxonomy) -> bool:
    """True for a reporting verb ("said", "told", "according")."""
    return is_verb(token) and token.lemma_.lower() in taxonomy.reporting_verbs


def arguments(token: Token) -> list[str]:
    """Lemmas and words of what a trigger word takes: a verb's object, passive subject, predicate and
    particle, and a participle saying the object's state ("leaving people exposed"); a noun's modifiers, its
    "of"/"by" phrase, the preposition it follows ("on strike") and the verb it is the subject or object of
    ("followed suit"); with a name, its other words ("the Prix Goncourt").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The plan will result in the loss of 2,000 jobs. The firm signed off on the deal.")
    >>> arguments(doc[6]), arguments(doc[13])
    (['job', 'jobs', 'in'], ['off'])
    >>> arguments(load_nlp()("It hit the 52-week low it set in March.")[8])
    ['low']
    >>> arguments(load_nlp()("She won the Prix Goncourt.")[1]), arguments(load_nlp()("Rivals followed suit.")[2])
    (['goncourt', 'prix'], ['follow', 'followed'])
    """
    found: list[Token] = []
    if token.pos_ in ("VERB", "AUX"):
        found = [c for c in token.children if c.dep_ in _VERB_ARGUMENT_DEPS
                 or c.dep_ == "nsubj" and reduced_passive(token)]
        described = token.dep_ == "acl" and token.tag_ == "VBN" or token.dep_ == "relcl" and not any(
            c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in token.children)
        if described and token.head.pos_ in ("NOUN", "PROPN"):
            found.append(token.head)  # "a plan developed by McKinsey", "the low it set on March 26"
        found += [p for o in found if o.dep_ == "dobj" for prep in o.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj"]  # "won the largest number of seats"
        found += [a for o in found if o.dep_ == "dobj" for a in o.subtree if a.dep_ == "acl" and a.tag_ == "VBN"
                  and a.head.i in (o.i, *(p.i for p in o.subtree if p.dep_ == "pobj"))]
        # "leaving thousands of people exposed": a participle saying the object's state
        found += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in word_set("idiom_preps")
                  for p in prep.children if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in ("DATE", "TIME")]
        # "erupted in screams", "met with mourning"; not "set in March"
    else:
        for child in token.children:
            if child.dep_ in _NOUN_MODIFIER_DEPS:
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "by"):
                found += [c for c in child.children if c.dep_ == "pobj"]
        if token.dep_ == "pobj":
            found.append(token.head)
        if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.pos_ == "VERB":
            found.append(token.head)  # "follow suit", "the polls closed": the verb says what the noun is
    found += [c for t in found if t.pos_ == "PROPN" for c in t.children if c.dep_ == "compound"]
    # "won the Prix Goncourt": a name's other words count too (not "cut the job training budget")
    return list(dict.fromkeys(word for t in found for word in (t.lemma_.lower(), t.lower_)))


def reduced_passive(verb: Token) -> bool:
    """A bare past participle, the passive of a headline ("100,000 Vehicles Recalled", "Spain rattled by two
    quakes"): no auxiliary, and a subject (in the first sentence) or a "by" agent.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Kia CEO Resigns After 100,000 Vehicles Recalled")
    >>> reduced_passive(doc[6]), reduced_passive(doc[2])
    (True, False)
    """
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ == "conj" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    headline = verb.sent.start == 0
    return headline and verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children) or any(
        c.dep_ == "agent" for c in verb.children)


def noun_event_type(token: Token, taxonomy: EventTaxonomy) -> str | None:
    """The type of an event noun, its arguments first ("the loss of 21,000 jobs" -> personnel, "the trading
    session" -> no event, "a strike by mechanics" -> protest/strike), or None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A strike by mechanics ended the trading session. Demand fell. They met the demands.")
    >>> [noun_event_type(doc[i], EventTaxonomy.load()) for i in (1, 7, 9, 15)]
    ['protest/strike', None, 'result', None]
    """
    lemma = token.lemma_.lower()
    by_argument = taxonomy.argument_type(lemma, arguments(token))
    if by_argument == OTHER or lemma in taxonomy.mass_nouns and token.tag_ in ("NNS", "NNPS"):
        return None  # "the trading session"; "the demands of the government" (requests, not market demand)
    return by_argument or taxonomy.noun_type(lemma) or taxonomy.noun_type(token.lower_)  # "tornadoes": odd lemmas


def _headline_sense(token: Token, taxonomy: EventTaxonomy) -> str | None:
    """The type a bare headline noun takes from the same noun with a telling argument in the text below
    ("WestJet cancels flights as strike hits travellers" ... "a strike by plane mechanics"), or None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Strike hits travellers. A strike by plane mechanics entered its third day.")
    >>> _headline_sense(doc[0], EventTaxonomy.load())
    'protest/strike'
    """
    if taxonomy.argument_type(token.lemma_, arguments(token)) is not None:
        return None  # the headline says itself what it is
    lemma = token.lemma_.lower()
    for later in token.doc[token.sent.end:]:
        if later.lemma_.lower() == lemma and later.pos_ == "NOUN":
            by_argument = taxonomy.argument_type(lemma, arguments(later))
            if by_argument not in (None, OTHER):
                return by_argument
    return None


def _acts_on_a_thing(verb: Token) -> bool:
    """A reporting verb with a noun object and no clause reports nothing: "the update added internet publication
    software", "the economy added 200,000 jobs" are events, "he added that ..." is not.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The update added new software. He added that it works.")
    >>> _acts_on_a_thing(doc[2]), _acts_on_a_thing(doc[7])
    (True, False)
    """
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children) or verb.dep_ in ("parataxis", "prep"):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") for c in verb.children) \
        and not any(c.text in ('"', "``", "''", "“", "”") for c in verb.sent)


def _event_noun_argument(verb: Token, taxonomy: EventTaxonomy) -> Token | None:
    """The event noun a light verb hands its event to: its object or subject ("held a ceremony"), or the
    object of a light preposition ("went on strike", "went on trial")."""
    for dep in _NOUN_ARG_DEPS:
        for child in verb.children:
            if child.dep_ == dep and child.pos_ in ("NOUN", "PROPN") and noun_event_type(child, taxonomy):
                return child
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in taxonomy.light_preps:
            for child in prep.children:
                if child.dep_ == "pobj" and child.pos_ == "NOUN" and noun_event_type(child, taxonomy):
                    return child
    return None


def _has_infinitive_complement(verb: Token) -> bool:
    """"attempting to meet", "struggling to rebound": the complement names the event, the verb is a state."""
    return any(c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in verb.children)


def is_measured_move(verb: Token, taxonomy: EventTaxonomy) -> bool:
    """True for a verb or state that gives a measured move: a number with a unit ("shed 30.35 points",
    "advanced 2.4 per cent", "stood at 71 cents") or a direction ("ended down", "Stocks were down").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The index shed 30 points. Stocks were lower in Europe. Trading was low. It employs 4,000 people.")
    >>> [is_measured_move(doc[i], EventTaxonomy.load()) for i in (2, 7, 14, 18)]
    [True, True, False, False]
    """
    if _has_direction(verb, taxonomy):
        return True
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


def _is_other_event(verb: Token) -> bool:
    if verb.dep_ not in _CLAUSE_DEPS or verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "advcl"):
        return False
    if len(verb.text) < 3 or not verb.text.isalpha():
        return False
    return any(child.dep_ in _ARGUMENT_DEPS for child in verb.children)


def _is_dependent_action(verb: Token) -> bool:
    """An action named by an infinitive inside a noun phrase ("plans to import features", "a deal to buy
    Twitter"): an event only when a named participant takes part (see ``Trigger.needs_actor``)."""
    if len(verb.text) < 3 or not verb.text.isalpha() or not any(c.dep_ in ("dobj", "prep") for c in verb.children):
        return False
    infinitive_of_noun = verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive_of_noun


def _subject_is_duration(verb: Token) -> bool:
    """"Ten days have passed": a span of time as subject is no event."""
    return any(child.dep_ == "nsubj" and child.lemma_.lower() in word_set("time_units") for child in verb.children)


def _habitual_or_hypothetical(verb: Token, sentence: Span, taxonomy: EventTaxonomy) -> bool:
    """An untyped verb that says how things are, not what happened: a simple present or a present passive
    outside the headline ("a 16-bit chip processes 16 pieces", "few are noticed"), a hypothetical ("if the
    family fails"), quoted speech ("we regain").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple sells phones. The firm shipped phones. If it fails, we regain nothing.")
    >>> [_habitual_or_hypothetical(doc[i], doc[i].sent, EventTaxonomy.load()) for i in (1, 6, 11, 14)]
    [False, False, True, True]
    >>> doc = load_nlp()("Quakes hit. Few are noticed by people. Two were noticed by people.")
    >>> [_habitual_or_hypothetical(doc[i], doc[i].sent, EventTaxonomy.load()) for i in (5, 11)]
    [True, False]
    """
    if any(c.dep_ == "mark" and c.lower_ in taxonomy.conditional_marks for c in verb.children):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in taxonomy.speaker_pronouns for c in verb.children):
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    simple_present = verb.tag_ in ("VBZ", "VBP") and not auxiliaries
    present_passive = verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" \
        and auxiliaries[0].tag_ in ("VBZ", "VBP")  # "only a handful are noticed by people"
    return (simple_present or present_passive) and sentence.start > 0


def find_triggers(sentence: Span, taxonomy: EventTaxonomy) -> list[Trigger]:
    """Event triggers of one parsed sentence, in text order.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("North Korea held a ceremony. It deployed troops to Russia.")
    >>> [(t.token.text, t.event_type) for t in find_triggers(doc[:], EventTaxonomy.load())]
    [('ceremony', 'ceremony'), ('deployed', 'deployment')]
    """
    found: dict[int, Trigger] = {}
    titles = title_tokens(sentence)
    for token in sentence:
        if token.i in titles:
            continue  # "Panahi's It Was Just an Accident": a film, no accident
        lemma = token.lemma_.lower()
        by_argument = taxonomy.argument_type(lemma, arguments(token)) if token.pos_ in ("VERB", "AUX") else None
        if by_argument not in (None, OTHER) and (is_verb(token) or token.dep_ in ("ROOT", "conj", "relcl", "ccomp")):
            found.setdefault(token.i, Trigger(token, by_argument or OTHER, "verb", True))  # "cut 600 jobs", "be available"
            continue
        if is_verb(token):
            if lemma in taxonomy.reporting_verbs and not _acts_on_a_thing(token) or _subject_is_duration(token):
                continue
            if lemma in taxonomy.light_verbs:
                noun = _event_noun_argument(token, taxonomy)
                if noun is None and token.dep_ in ("acl", "relcl") and noun_event_type(token.head, taxonomy):
                    noun = token.head  # "an event to be held on October 12"
                if noun is not None:
                    found[noun.i] = Trigger(noun, noun_event_type(noun, taxonomy) or OTHER, "noun", True, token)
                    continue
            if token.lower_ in taxonomy.adjective_participles and not any(c.dep_ == "dobj" for c in token.children):
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))  # "many were missing"
                continue
            event_type = None if by_argument == OTHER else taxonomy.verb_type(lemma)  # "meet the demands"
            if event_type == MOVE_TYPE and _moves_a_body(token, taxonomy):
                event_type = None  # "Helene surged north", "soared toward the stars": no market move
            if (event_type == "result" or lemma in taxonomy.refusal_verbs) and any(
                    c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
                continue  # "declined to identify the bidders", "failed to rise": a refusal, not a result
            if event_type is not None:
                found.setdefault(token.i, Trigger(token, event_type, "verb", True))
            elif lemma not in taxonomy.non_events and _is_other_event(token):
                habitual = _habitual_or_hypothetical(token, sentence, taxonomy)
                state = _has_infinitive_complement(token)  # "attempting to meet": the complement is the event
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=state, habitual=habitual))
            elif (lemma in taxonomy.participant_verbs and _is_other_event(token)
                  or lemma not in taxonomy.non_events and _is_dependent_action(token)):
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, habitual=True, needs_actor=True))
            elif _is_other_event(token) or token.dep_ in ("ROOT", "conj", "relcl", "ccomp"):
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))
        elif token.pos_ == "AUX" and token.dep_ in ("ROOT", "conj", "relcl", "ccomp") and token.lemma_ == "be":
            found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))
        elif token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and token.i not in found and not (
                token.pos_ == "PROPN" and token.ent_type_):  # "the Geological Survey" is a name, not a survey
            noun_type = noun_event_type(token, taxonomy)
            if noun_type is not None and sentence.start == 0:
                noun_type = _headline_sense(token, taxonomy) or noun_type
            if noun_type is not None and token.text.replace("-", "").isalpha() and not list_header(token):
                found[token.i] = Trigger(token, noun_type, "noun", True)
    triggers = [_conditional(_requested(_negated(_typed_by_subject(_measured(t, taxonomy), taxonomy), taxonomy), taxonomy),
                             taxonomy) for t in found.values()]
    return _fold_object_nouns(sorted(triggers, key=lambda t: t.token.i), taxonomy)


def list_header(noun: Token) -> bool:
    """A noun announcing the list after a colon ("The following bids, mergers and acquisitions were reported
    by 1910 GMT:") names what follows, no event of its own.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The following bids and mergers were reported: X bought Y. The following day, mergers slowed.")
    >>> [list_header(doc[i]) for i in (2, 4, 14)]
    [True, True, False]
    """
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    announced = any(c.lower_ in word_set("list_header_words") and c.dep_ in ("amod", "advmod", "det")
                    for c in first.children)
    return announced and any(t.text == ":" for t in noun.sent if t.i > noun.i)


def _measured(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """An untyped verb or a past copula with a measured move is a result ("the FTSE 100 ended down 52.9 points",
    "Stocks were down"); a present one says where things stand ("The index is down 34.5%") and other states
    ("analysts expected 77 cents") are no move: both stay states."""
    if trigger.state and (trigger.lemma != "be" or trigger.token.tag_ in ("VBZ", "VBP")):
        return trigger  # "the index is down 34.5% this year", "analysts expected 77 cents": no move
    if trigger.kind == "verb" and not trigger.typed and is_measured_move(trigger.token, taxonomy):
        return replace(trigger, event_type=MOVE_TYPE, typed=True, state=False, habitual=False)
    if trigger.kind == "verb" and trigger.event_type not in _SCORED_TYPES and _beat_by_score(trigger.token):
        return replace(trigger, event_type=MOVE_TYPE, typed=True, state=False, habitual=False)
    if trigger.kind == "verb" and trigger.typed and _has_direction(trigger.token, taxonomy, comparative=True):
        return replace(trigger, event_type=MOVE_TYPE)  # "shares opened 2% lower" is no launch, "traded higher" no sale
    return trigger


_SCORED_TYPES = frozenset({MOVE_TYPE, "award", "casualties"})
_SCORE = re.compile(r"^\d{1,3}$")


def _beat_by_score(verb: Token) -> bool:
    """A verb whose object is followed by a match score is a match result: "Stephens beat Osaka 7-5, 6-3",
    "Evans dispatched Griekspoor 7-6", "overcame Chennaiyin 2-1" (no deployment, no untyped action).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Stephens beat Osaka 7-5, 6-3. They sent 200 troops to the front in 2023.")
    >>> _beat_by_score(doc[1]), _beat_by_score(doc[11])
    (True, False)
    """
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    after = objects[0].right_edge.i + 1
    doc = verb.doc
    for start in {after, objects[0].i + 1}:
        if start + 2 < len(doc) and _SCORE.match(doc[start].text) and doc[start + 1].text in ("-", "–") \
                and _SCORE.match(doc[start + 2].text):
            return True
        if start < len(doc) and re.fullmatch(r"\d{1,3}[-–]\d{1,3}", doc[start].text):
            return True
    return False


def _moves_a_body(verb: Token, taxonomy: EventTaxonomy) -> bool:
    """A move through space, not of a market: a ``motion_words`` adverb or preposition on the verb whose goal
    is no number, and no measure ("surged north", "soared toward the stars"; not "climbed toward $100").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The storm surged north. Oil climbed toward $100. Shares soared 5% toward a record.")
    >>> [_moves_a_body(doc[i], EventTaxonomy.load()) for i in (2, 6, 12)]
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


def _has_direction(verb: Token, taxonomy: EventTaxonomy, comparative: bool = False) -> bool:
    """A direction word on the verb ("ended down"); ``comparative``: only "higher"/"lower" ("opened lower"),
    not "down" ("stepped down")."""
    return any(c.dep_ in _DIRECTION_DEPS and c.lower_ in taxonomy.direction_words
               and (not comparative or c.tag_ in ("JJR", "RBR")) for c in verb.children)


def _negated(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """An event the text says did not happen stays below the default confidence: "names were not disclosed",
    "customers didn't want to buy" (the verb it completes is negated), "Neither Choo nor Song could confirm",
    "Rather than recall the devices or offer a fix" (the road not taken)."""
    verb = trigger.clause_word
    if trigger.kind != "verb" and trigger.light is None:
        return replace(trigger, negated=True) if _denied_noun(trigger.token) else trigger
    governing = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in taxonomy.refusal_verbs and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return replace(trigger, negated=True)  # "failed to pass legislation"; not "has declined following X"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.dep_ == "neg" for v in governing for c in v.children) or any(
            c.lower_ == "neither" and c.dep_ in ("det", "preconj") for s in subjects for c in s.children
    ) or _not_taken(verb, taxonomy):
        return replace(trigger, negated=True)
    return trigger


def _denied_noun(noun: Token) -> bool:
    """True for an event noun the text says there was none of: "no deaths", "no reports of deaths", "no sign of
    an attack".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("There were no reports of deaths, but two injuries.")
    >>> _denied_noun(doc[5]), _denied_noun(doc[9])
    (True, False)
    """
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        holders.append(noun.head.head)  # "no reports of deaths"
    return any(c.dep_ == "det" and c.lower_ == "no" for holder in holders for c in holder.children)


def _not_taken(verb: Token, taxonomy: EventTaxonomy) -> bool:
    """True for a verb right after "rather than" / "instead of", or joined by "or"/"and" to one.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Rather than recall the phones or offer a fix, Apple gave away cases.")
    >>> [_not_taken(doc[i], EventTaxonomy.load()) for i in (2, 6, 12)]
    [True, True, False]
    """
    for _ in range(4):  # a short chain of conjoined verbs
        before = verb.doc[max(verb.i - 2, 0):verb.i].text.lower()
        if before in taxonomy.alternative_marks:
            return True
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def _conditional(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """A typed event in an "if" clause is a hypothesis ("if convicted, he could ...", "unless the deal is
    approved"): kept at low confidence, like an untyped one."""
    verb = trigger.clause_word
    if (trigger.kind == "verb" or trigger.light is not None) and any(
            c.dep_ == "mark" and c.lower_ in taxonomy.conditional_marks for c in verb.children):
        return replace(trigger, habitual=True)
    return trigger


def _requested(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """The action a speaker asks for, urges or vows ("asked Chung to step down", "vowed to retaliate") has not
    happened: kept as a hypothesis (low confidence); the request itself is the statement row."""
    verb = trigger.clause_word
    if trigger.kind != "verb" and trigger.light is None:
        return trigger
    if _adjective_infinitive(verb):
        return replace(trigger, habitual=True)  # "efforts are underway to expedite", "available to rent or buy"
    if verb.dep_ != "xcomp":
        return trigger
    head = verb.head
    if head.lemma_.lower() in taxonomy.reporting_verbs or taxonomy.verb_type(head.lemma_) in REQUEST_TYPES:
        return replace(trigger, habitual=True)
    return trigger


def _adjective_infinitive(verb: Token) -> bool:
    """An infinitive completing an adjective says what is possible or under way, not what was done ("is now
    available to rent or buy", "efforts are underway to expedite the process"); one with a date of its own
    stays an event ("is due to arrive on Friday").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The film is available to rent or buy. Advocacy efforts are underway to expedite this process. "
    ...                  "He agreed to buy it. We are pleased to have reached this agreement.")
    >>> [_adjective_infinitive(t) for t in doc if t.lower_ in ("rent", "buy", "expedite", "reached")]
    [True, True, True, False, False]
    """
    base = verb
    while base.dep_ == "conj" and base.head is not base:
        base = base.head  # "to rent or buy": the first of the joined verbs carries the "to"
    if base.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in base.children) \
            or any(c.dep_ == "aux" and c.lemma_ == "have" for c in base.children):
        return False  # "pleased to have reached this agreement": a perfect infinitive was done
    head = base.head
    adjective = head.pos_ == "ADJ" or head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i < base.i for c in head.children)
    return adjective and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _directive_complement(child: Token) -> bool:
    """A verb's child says what is to be done: an infinitive ("ordered residents to leave") or a small clause
    of an object and a participle ("ordered government buildings closed", "ordered the roads reopened").

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> docs = [nlp("Prime Minister Olivier Mahafaly ordered government buildings closed as a precaution."),
    ...         nlp("The airline ordered ten new planes from Airbus.")]
    >>> [any(_directive_complement(c) for c in t.children) for doc in docs for t in doc if t.lemma_ == "order"]
    [True, False]
    """
    if child.dep_ == "xcomp":
        return True
    if child.dep_ == "ccomp" and child.tag_ in ("VBN", "VBD"):  # the small clause's participle, often tagged VBD
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    return child.dep_ == "dobj" and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i == child.i + 1 for c in child.children)


def _typed_by_subject(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """A verb whose subject is a natural event takes its type ("the earthquake struck" is no attack), and so
    does an onset verb of any event noun ("Fighting erupted" is an attack, no eruption);
    one whose object says what it is takes that type ("claimed 217 lives" is no statement); a directive verb
    with an infinitive complement takes its directive type ("ordered residents to leave" is no purchase)."""
    if trigger.kind != "verb":
        return trigger
    for child in trigger.token.children:
        object_type = taxonomy.object_type(child.lemma_) if child.dep_ == "dobj" else None
        if object_type is not None:
            return replace(trigger, event_type=object_type, typed=True, state=False, habitual=False)
    complement_type = taxonomy.complement_type(trigger.token.lemma_)
    if complement_type is not None and any(_directive_complement(child) for child in trigger.token.children):
        return replace(trigger, event_type=complement_type, typed=True)  # "ordered residents to leave"
    if trigger.state or trigger.event_type in KEPT_UNDER_SUBJECT:
        return trigger  # "the quake was 6 miles deep", "the earthquake killed 75 people"
    subjects = _acting_subjects(trigger.token)
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
    subject_type = taxonomy.subject_type(trigger.token.lemma_, [s.lemma_ for s in subjects])
    if subject_type is not None:  # "a freight train smashed into a charter bus": an accident, no attack
        return replace(trigger, event_type=subject_type, typed=True, state=False)
    return trigger


def _acting_subjects(verb: Token) -> list[Token]:
    """Who acts: the active subject, the agent of a passive ("rocked by an earthquake"), or for a verb joined
    by "and" without a subject of its own, the subject of the first verb ("the quake hit and struck ...")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and subjects and all(s.tag_ in ("WDT", "WP") for s in subjects):
        subjects = [verb.head]  # "the quake, which struck at 11:59 p.m.": the relative pronoun stands for the quake
    subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not subjects and verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if verb.head.dep_ == "relcl" and subjects and all(s.tag_ in ("WDT", "WP") for s in subjects):
            subjects = [verb.head.head]  # "the fire, which torched 105 square miles and destroyed 1,500 homes"
    # "One of the world's strongest earthquakes struck": a count or pronoun stands for what its "of" names
    subjects += [p for s in list(subjects) if s.pos_ in ("NUM", "PRON", "DET") for prep in s.children
                 if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
    return subjects


def _fold_object_nouns(triggers: list[Trigger], taxonomy: EventTaxonomy) -> list[Trigger]:
    """Drop a noun event that is an argument of a verb event of the same type ("awarded commendations",
    "the earthquake struck"), the measure a result verb moves ("sales declined"), or the infinitive that
    closes a measured move ("lost 1.05% to end the session at 4,784")."""
    by_index = {t.token.i: t for t in triggers}
    kept: list[Trigger] = []
    for trigger in triggers:
        token = trigger.token
        argument = token.head if token.dep_ == "appos" else token  # "magnitude 6.3 earthquake strikes"
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN" \
                and token.head.head.i not in by_index:
            argument = token.head.head  # "launched a wave of airstrikes": the airstrikes are what was launched
        head = by_index.get(argument.head.i)
        own_date = any(t.ent_type_ in ("DATE", "TIME") and not (t.head.i == token.i and t.dep_ in _NOUN_MODIFIER_DEPS)
                       for t in token.subtree)  # "the largest loss ... last year", not "a quarterly loss"
        gerund = token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass")  # "Fighting ... erupted"
        if ((trigger.kind == "noun" or gerund) and trigger.light is None and head is not None and head.kind == "verb"
                and not head.state
                and head.event_type == trigger.event_type and argument.dep_ in ("dobj", "nsubjpass", "attr", "nsubj")
                and not own_date):
            continue
        if (trigger.kind == "noun" and trigger.light is None and head is not None and head.event_type == "result"
                and argument.dep_ == "nsubj"):
            continue  # "sales declined 5%": the measure is the result's subject, one row
        if trigger.kind == "noun" and trigger.light is None and any(
                c.dep_ in ("acl", "relcl") and c.i in by_index and not by_index[c.i].state
                and by_index[c.i].event_type == trigger.event_type for c in token.children) and not any(
                c.ent_type_ in ("DATE", "TIME") and c.dep_ not in ("acl", "relcl") for c in token.children):
            continue  # "an agreement reached in 1991", "the treaty they signed": the clause's verb is the event
            # (not "the 1991 settlement reached between them": the noun holds the date)
        verb = trigger.clause_word
        mover = by_index.get(verb.head.i)
        if (verb.dep_ in ("advcl", "xcomp") and mover is not None and mover.event_type == MOVE_TYPE and mover.kind == "verb"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                and is_measured_move(mover.token, taxonomy)):
            continue  # "the Dax lost 1.05% to end the session at 4,784": the same move, one row
        kept.append(trigger)
    return kept
