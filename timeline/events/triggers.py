"""Trigger detection: which words of a parsed sentence name an event, and of which type.

Verbs whose lemma the taxonomy lists are events of that type; a light verb ("held a ceremony", "the
ceremony took place") hands the event to its noun; event nouns ("launch", "treaty") are events of
their own; other main verbs with a subject or object are ``other`` events; reporting verbs ("said")
and auxiliary-like verbs are never events.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from timeline.events.taxonomy import OTHER, EventTaxonomy

#: Dependency labels of verbs that head a clause of their own (candidates for ``other`` events).
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative"})
_NOUN_ARG_DEPS = ("dobj", "nsubj", "nsubjpass", "attr")
#: Event types a subject noun gives to its verb.
SUBJECT_TYPES = frozenset({"disaster"})
#: A light verb this close to its event noun is part of the trigger span.
_LIGHT_SPAN = 5
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time"})


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
    for dep in _NOUN_ARG_DEPS:
        for child in verb.children:
            if child.dep_ == dep and child.pos_ in ("NOUN", "PROPN") and taxonomy.noun_type(child.lemma_):
                return child
    return None


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
    return any(child.dep_ == "nsubj" and child.lemma_.lower() in _TIME_UNITS for child in verb.children)


def _habitual_or_hypothetical(verb: Token, sentence: Span, taxonomy: EventTaxonomy) -> bool:
    """An untyped verb that says how things are, not what happened: a simple present outside the headline
    ("a 16-bit chip processes 16 pieces"), a hypothetical ("if the family fails"), quoted speech ("we regain").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple sells phones. The firm shipped phones. If it fails, we regain nothing.")
    >>> [_habitual_or_hypothetical(doc[i], doc[i].sent, EventTaxonomy.load()) for i in (1, 6, 11, 14)]
    [False, False, True, True]
    """
    if any(c.dep_ == "mark" and c.lower_ in taxonomy.conditional_marks for c in verb.children):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in taxonomy.speaker_pronouns for c in verb.children):
        return True
    simple_present = verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return simple_present and sentence.start > 0


def find_triggers(sentence: Span, taxonomy: EventTaxonomy) -> list[Trigger]:
    """Event triggers of one parsed sentence, in text order.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("North Korea held a ceremony. It deployed troops to Russia.")
    >>> [(t.token.text, t.event_type) for t in find_triggers(doc[:], EventTaxonomy.load())]
    [('ceremony', 'ceremony'), ('deployed', 'deployment')]
    """
    found: dict[int, Trigger] = {}
    for token in sentence:
        lemma = token.lemma_.lower()
        if is_verb(token):
            if lemma in taxonomy.reporting_verbs and not _acts_on_a_thing(token) or _subject_is_duration(token):
                continue
            if lemma in taxonomy.light_verbs:
                noun = _event_noun_argument(token, taxonomy)
                if noun is None and token.dep_ in ("acl", "relcl") and taxonomy.noun_type(token.head.lemma_):
                    noun = token.head  # "an event to be held on October 12"
                if noun is not None:
                    found[noun.i] = Trigger(noun, taxonomy.noun_type(noun.lemma_) or OTHER, "noun", True, token)
                    continue
            event_type = taxonomy.verb_type(lemma)
            if (event_type == "result" or lemma in taxonomy.refusal_verbs) and any(
                    c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
                continue  # "declined to identify the bidders", "failed to rise": a refusal, not a result
            if event_type is not None:
                found.setdefault(token.i, Trigger(token, event_type, "verb", True))
            elif lemma not in taxonomy.non_events and _is_other_event(token):
                habitual = _habitual_or_hypothetical(token, sentence, taxonomy)
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, habitual=habitual))
            elif (lemma in taxonomy.participant_verbs and _is_other_event(token)
                  or lemma not in taxonomy.non_events and _is_dependent_action(token)):
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, habitual=True, needs_actor=True))
            elif _is_other_event(token) or token.dep_ in ("ROOT", "conj", "relcl", "ccomp"):
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))
        elif token.pos_ == "AUX" and token.dep_ in ("ROOT", "conj", "relcl", "ccomp") and token.lemma_ == "be":
            found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))
        elif token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and token.i not in found and not (
                token.pos_ == "PROPN" and token.ent_type_):  # "the Geological Survey" is a name, not a survey
            noun_type = taxonomy.noun_type(lemma) or taxonomy.noun_type(token.lower_)  # "tornadoes": odd lemmas
            if noun_type is not None and token.text.replace("-", "").isalpha():
                found[token.i] = Trigger(token, noun_type, "noun", True)
    triggers = [_negated(_typed_by_subject(t, taxonomy)) for t in found.values()]
    return _fold_object_nouns(sorted(triggers, key=lambda t: t.token.i))


def _negated(trigger: Trigger) -> Trigger:
    """An event the text says did not happen ("names were not disclosed") stays below the default confidence."""
    verb = trigger.light if trigger.light is not None else trigger.token
    if (trigger.kind == "verb" or trigger.light is not None) and any(c.dep_ == "neg" for c in verb.children):
        return replace(trigger, negated=True)
    return trigger


def _typed_by_subject(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """A verb whose subject is a natural event takes its type ("the earthquake struck" is no attack);
    one whose object says what it is takes that type ("claimed 217 lives" is no statement); a directive verb
    with an infinitive complement takes its directive type ("ordered residents to leave" is no purchase)."""
    if trigger.kind != "verb":
        return trigger
    for child in trigger.token.children:
        object_type = taxonomy.object_type(child.lemma_) if child.dep_ == "dobj" else None
        if object_type is not None:
            return replace(trigger, event_type=object_type, typed=True, state=False, habitual=False)
    complement_type = taxonomy.complement_type(trigger.token.lemma_)
    if complement_type is not None and any(child.dep_ == "xcomp" for child in trigger.token.children):
        return replace(trigger, event_type=complement_type, typed=True)  # "ordered residents to leave"
    for child in trigger.token.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for word in [child] + [c for c in child.children if c.dep_ in ("compound", "appos")]:  # "Hurricane Dorian struck"
            if taxonomy.noun_type(word.lemma_) in SUBJECT_TYPES:
                return replace(trigger, event_type=taxonomy.noun_type(word.lemma_) or trigger.event_type, typed=True)
    return trigger


def _fold_object_nouns(triggers: list[Trigger]) -> list[Trigger]:
    """Drop a noun event that is an argument of a verb event of the same type ("awarded commendations",
    "the earthquake struck") or the measure a result verb moves ("sales declined")."""
    by_index = {t.token.i: t for t in triggers}
    kept: list[Trigger] = []
    for trigger in triggers:
        token = trigger.token
        argument = token.head if token.dep_ == "appos" else token  # "magnitude 6.3 earthquake strikes"
        head = by_index.get(argument.head.i)
        if (trigger.kind == "noun" and trigger.light is None and head is not None and head.kind == "verb" and not head.state
                and head.event_type == trigger.event_type and argument.dep_ in ("dobj", "nsubjpass", "attr", "nsubj")):
            continue
        if (trigger.kind == "noun" and trigger.light is None and head is not None and head.event_type == "result"
                and argument.dep_ == "nsubj"):
            continue  # "sales declined 5%": the measure is the result's subject, one row
        kept.append(trigger)
    return kept
