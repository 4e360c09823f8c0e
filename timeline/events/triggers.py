"""Trigger detection: which words of a parsed sentence name an event, and of which type.

Verbs whose lemma the taxonomy lists are events of that type; a light verb ("held a ceremony", "the
ceremony took place") hands the event to its noun; event nouns ("launch", "treaty") are events of
their own; other main verbs with a subject or object are ``other`` events; reporting verbs ("said")
and auxiliary-like verbs are never events.  A trigger's argument can retype it (``argument_types``:
"meet the demands" is no meeting, "cut 600 jobs" is a personnel event, "a strike by mechanics" no attack);
an untyped verb with a measured move is a result ("the Dow shed 231 points", "the FTSE ended down");
an untyped verb whose infinitive complement names the event is a state ("attempting to meet").
What a word takes is read in ``arguments``, measured moves in ``measures``, negation and hypotheses in ``modality``;
the ``Trigger`` record is in ``trigger``, retyping by a measure, subject or object in ``retyping``.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from timeline.actors.lexicon import NounLexicon
from timeline.events.arguments import (
    NOUN_MODIFIER_DEPS,
    arguments,
    earlier_sense,
    headline_sense,
    noun_event_type,
    remaining,
    small_clause,
)
from timeline.events.measures import is_measured_move, moves_a_body
from timeline.events.modality import (
    adjective_infinitive,
    counterfactual,
    denied_noun,
    habitual_or_hypothetical,
    negation,
    negative_subject,
    not_taken,
    only_possible,
    purpose_infinitive,
    quoted_imperative,
    requested,
)
from timeline.events.retyping import MOVE_TYPE, measured, typed_by_subject
from timeline.events.taxonomy import OTHER, EventTaxonomy
from timeline.events.titles import title_tokens
from timeline.events.trigger import Trigger
from timeline.function_words import word_set

#: Dependency labels of verbs that head a clause of their own (candidates for ``other`` events).
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative"})
_NOUN_ARG_DEPS = ("dobj", "nsubj", "nsubjpass", "attr")
#: Types of verbs whose infinitive complement is only asked for or promised ("urged X to leave").
REQUEST_TYPES = frozenset({"statement"})


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
    >>> doc = load_nlp()("The update added new software. He added that it works. It cited officials saying they left.")
    >>> _acts_on_a_thing(doc[2]), _acts_on_a_thing(doc[7]), _acts_on_a_thing(doc[13])
    (True, False, False)
    """
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children) or verb.dep_ in ("parataxis", "prep"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
    if any(a.dep_ == "acl" and a.tag_ == "VBG" and any(g.dep_ == "ccomp" for g in a.children)
           for o in objects for a in o.children):
        return False  # "cited government officials saying 14 people died": a source, what they say is the news
    return bool(objects) \
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


def _experiential(verb: Token) -> bool:
    """A perfect with "ever"/"never" that measures against all past experience: in a relative clause ("the
    largest reward the government has ever offered") or with "before" ("the pain he had never experienced
    before"); no event (``experiential_adverbs`` in data/function_words.yaml)."""
    children = list(verb.children)
    return any(c.lower_ in word_set("experiential_adverbs") and c.dep_ in ("neg", "advmod") for c in children) \
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children) \
        and (verb.dep_ == "relcl" or any(c.dep_ == "advmod" and c.lower_ == "before" for c in children))


def _purpose_passive(verb: Token) -> bool:
    """What a thing is for, told by a passive with no agent ("the embargo is meant to cripple Iraq", "the split
    was aimed at boosting liquidity", "regulations designed to change the rules"): no event."""
    if verb.lemma_.lower() not in word_set("purpose_participles") or verb.tag_ != "VBN":
        return False
    children = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in children) or verb.dep_ == "acl"
    return passive and not any(c.dep_ == "agent" for c in children)


def _definition(verb: Token) -> bool:
    """"DPRK is short for ...", "NATO is an acronym for ...": "be" defining a name, no event
    (``definition_predicates`` in data/function_words.yaml)."""
    return any(c.dep_ in ("acomp", "attr") and c.lower_ in word_set("definition_predicates")
               and any(p.dep_ == "prep" and p.lower_ == "for" for p in (*c.children, *verb.children))
               for c in verb.children)  # (the parse hangs "for" on the predicate or on "is")


def gives_a_name(verb: Token) -> bool:
    """True for a participle that only says what a thing is called ("a cloud named Eos", "a man named John Smith",
    "Named Eos, the cloud was found"), not someone being named to a post ("Jane Doe, named chief executive in March").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A man named John Smith was arrested. Jane Doe, named chief executive in March, spoke.")
    >>> gives_a_name(doc[2]), gives_a_name(doc[10])
    (True, False)
    >>> gives_a_name(load_nlp()("Named Eos, after a goddess, the cloud was found in 2025.")[0])
    True
    """
    return verb.dep_ in ("acl", "advcl") and verb.lemma_.lower() in NounLexicon.load().naming_verbs and any(
        c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children)


def in_company(verb: Token) -> bool:
    """A bare participle of company with a "by" phrase ("died surrounded by her family", "flanked by generals"):
    who is with the subject, no event; with an auxiliary or a subject of its own it stays one.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("She died at home surrounded by her family. Troops surrounded the town.")
    >>> in_company(doc[4]), in_company(doc[10])
    (True, False)
    """
    return verb.tag_ == "VBN" and verb.lower_ in word_set("company_participles") \
        and any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children)


def _subject_is_duration(verb: Token) -> bool:
    """"Ten days have passed": a span of time as subject is no event."""
    return any(child.dep_ == "nsubj" and child.lemma_.lower() in word_set("time_units") for child in verb.children)


def is_tally(noun: Token, taxonomy: EventTaxonomy) -> bool:
    """A plural tally noun counted in figures is a count, not events ("Harris received 226 votes", "the required
    270 electoral votes", "74 million votes"); a count in words stays events ("the chamber held two votes").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Harris received 226 votes. The chamber held two votes.")
    >>> is_tally(doc[3], EventTaxonomy.load()), is_tally(doc[9], EventTaxonomy.load())
    (True, False)
    """
    if noun.lemma_.lower() not in taxonomy.tally_nouns or noun.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.dep_ == "nummod" and (any(ch.isdigit() for ch in c.text)
                                       or any(g.dep_ in ("compound", "quantmod") and g.like_num for g in c.children))
               for c in noun.children)


def media_teaser(token: Token) -> bool:
    """True for an imperative teaser verb opening a line ("Watch SpaceX launch ...", "Read the full statement").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Watch SpaceX launch 10 Iridium satellites")
    >>> media_teaser(doc[0]), media_teaser(load_nlp()("Fans watch the launch.")[1])
    (True, False)
    """
    doc = token.doc
    line_start = token.i == 0 or doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text
    return line_start and token.pos_ == "VERB" and token.tag_ == "VB" and token.lemma_.lower() in word_set("teaser_verbs") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children)


REQUEST_TYPE = "statement"


def _may_speak(token: Token) -> bool:
    """True for a subject that can voice a demand: a name, a pronoun, or a noun of people, groups or bodies
    ("the mayor", "protesters", "the union"); False for things ("the guidelines", "the order")."""
    if token.lower_ in word_set("relative_pronouns"):
        token = token.head.head if token.head.dep_ == "relcl" else token
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "this", "that", "which")  # "the order ... it calls for 15 jets"
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lex = NounLexicon.load()
    lemma = token.lemma_.lower()
    return any(lemma in words or token.lower_ in words for words in (
        lex.person_nouns, lex.group_nouns, lex.organisation_nouns, lex.titles, lex.armed_unit_nouns, lex.media_nouns))


def _calls_for(verb: Token) -> bool:
    """True for a verb of ``request_on_verbs`` asking through ``request_for_preps`` for a thing or for someone to
    act ("called for a ceasefire", "called on the government to resign"): a demand, the statement row; not "called
    for Monday" (a time) nor "called on Monday" nor "called on the family" (a visit, no infinitive).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The bishop called on Welby to resign. They called on the family. She called for a truce.")
    >>> [_calls_for(t) for t in doc if t.lemma_ == "call"]
    [True, False, True]
    """
    if verb.lemma_.lower() not in word_set("request_on_verbs") or verb.pos_ != "VERB" \
            or any(c.dep_ == "dobj" for c in verb.children):
        return False  # "called it toxic for the French": a naming
    callers = [c for c in verb.children if c.dep_ == "nsubj"] or ([verb.head] if verb.dep_ in ("acl", "relcl") else [])
    if callers and not all(_may_speak(c) for c in callers):
        return False  # "guidelines that called for a prison term", "the order calls for 15 jets": a requirement
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in word_set("request_for_preps"):
            continue
        asked = [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
        if not asked:
            continue
        if prep.lower_ == "for" or any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                       for c in verb.children):
            return True
    return False


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
        if token.pos_ == "VERB" and quoted_imperative(token):
            continue  # "Welcome home," "Stay safe,": a greeting or advice, no event
        if media_teaser(token):
            continue  # "Watch SpaceX launch 10 Iridium satellites": a video's teaser, no watching
        lemma = token.lemma_.lower()
        by_argument = taxonomy.argument_type(lemma, arguments(token)) if token.pos_ in ("VERB", "AUX") else None
        if by_argument is None and lemma in taxonomy.resultative_verbs and token.pos_ == "VERB" \
                and (small_clause(token) is not None or remaining(token)):
            by_argument = OTHER  # "leaving Macron scrambling", "with 20 minutes left": no departure
        if by_argument not in (None, OTHER) and (is_verb(token) or token.dep_ in ("ROOT", "conj", "relcl", "ccomp")):
            found.setdefault(token.i, Trigger(token, by_argument or OTHER, "verb", True))  # "cut 600 jobs", "be available"
            continue
        if is_verb(token):
            if lemma in taxonomy.reporting_verbs and not _acts_on_a_thing(token) or _subject_is_duration(token) \
                    or gives_a_name(token) or in_company(token) or _experiential(token) or _purpose_passive(token):
                continue  # (also "the pain he had never experienced before", "the embargo is meant to cripple")
            if lemma in taxonomy.light_verbs:
                noun = _event_noun_argument(token, taxonomy)
                if noun is None and token.dep_ in ("acl", "relcl") and noun_event_type(token.head, taxonomy):
                    noun = token.head  # "an event to be held on October 12"
                if noun is not None:
                    found[noun.i] = Trigger(noun, noun_event_type(noun, taxonomy) or OTHER, "noun", True, token)
                    continue
            if _calls_for(token):
                found.setdefault(token.i, Trigger(token, REQUEST_TYPE, "verb", True))  # "called on Welby to resign"
                continue
            if token.lower_ in taxonomy.adjective_participles and not any(c.dep_ == "dobj" for c in token.children):
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))  # "many were missing"
                continue
            event_type = None if by_argument == OTHER else taxonomy.verb_type(lemma)  # "meet the demands"
            if event_type == MOVE_TYPE and moves_a_body(token, taxonomy):
                event_type = None  # "Helene surged north", "soared toward the stars": no market move
            if (event_type == "result" or lemma in taxonomy.refusal_verbs) and any(
                    c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
                continue  # "declined to identify the bidders", "failed to rise": a refusal, not a result
            if event_type is not None:
                found.setdefault(token.i, Trigger(token, event_type, "verb", True))
            elif lemma not in taxonomy.non_events and _is_other_event(token):
                habitual = habitual_or_hypothetical(token, sentence, taxonomy)
                state = _has_infinitive_complement(token)  # "attempting to meet": the complement is the event
                state = state or lemma in word_set("reading_verbs") and _reads_a_measure(token)  # "registered a depth"
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=state, habitual=habitual))
            elif (lemma in taxonomy.participant_verbs and _is_other_event(token)
                  or lemma not in taxonomy.non_events and _is_dependent_action(token)):
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, habitual=True, needs_actor=True))
            elif _is_other_event(token) or token.dep_ in ("ROOT", "conj", "relcl", "ccomp"):
                found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))
        elif token.pos_ == "AUX" and token.dep_ in ("ROOT", "conj", "relcl", "ccomp") and token.lemma_ == "be":
            if figurative_copula(token):
                continue  # "Measles outbreak is a 'wake-up' call": a judgement, no event
            if _has_infinitive_complement(token):
                continue  # "GM is to sell Opel": "be to" marks the planned act, which is the event
            if _definition(token):
                continue  # "DPRK is short for the Democratic People's Republic of Korea": a definition
            found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))
        elif token.pos_ == "AUX" and token.dep_ == "advcl" and token.lemma_ == "be" and token.tag_ == "VBD" \
                and is_measured_move(token, taxonomy):
            # "Paris fell, while the CAC-40 was 2.1% lower": a past "be" with a measure or direction in an
            # adverbial clause is a second move (the state becomes a result in ``measured``)
            found.setdefault(token.i, Trigger(token, OTHER, "verb", False, state=True))
        elif token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and token.i not in found and not (
                token.pos_ == "PROPN" and token.ent_type_) and not (  # "the Geological Survey" is a name, no survey
                token.dep_ == "attr" and figurative_copula(token.head)):  # "The ruling is a warning": no event
            noun_type = noun_event_type(token, taxonomy)
            if noun_type is not None and sentence.start == 0:
                noun_type = headline_sense(token, taxonomy) or noun_type
            elif noun_type is not None:
                noun_type = earlier_sense(token, taxonomy) or noun_type  # "The strike already spans ...": the UAW's
            if noun_type is not None and token.text.replace("-", "").isalpha() and not list_header(token) \
                    and not is_tally(token, taxonomy):
                found[token.i] = Trigger(token, noun_type, "noun", True)
    triggers = [_lasting(_conditional(_requested(_negated(typed_by_subject(measured(t, taxonomy), taxonomy), taxonomy),
                                                 taxonomy), taxonomy)) for t in found.values()]
    return _fold_object_nouns(_attributions(sorted(triggers, key=lambda t: t.token.i)), taxonomy)


#: The type of a report verb ("CNN reports ..."), a source attribution when the reported clause is the news.
REPORT_TYPE = "report"


def _as_reported(verb: Token) -> bool:
    """A participle report clause marked "as" whose source is unnamed ("announced his resignation, as reported by
    local media"): it attributes the clause it hangs on, no event of the subject; a named source stays a report
    ("as reported by the BBC").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The minister resigned on Monday, as reported by local media.")
    >>> _as_reported(doc[7]), _as_reported(doc[2])
    (True, False)
    >>> _as_reported(load_nlp()("Three soldiers were killed on Monday, as reported by the BBC.")[9])
    False
    """
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or not any(c.dep_ == "mark" and c.lower_ == "as"
                                                               for c in verb.children):
        return False
    sources = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return not any(p.pos_ == "PROPN" or p.ent_type_ for s in sources for p in s.subtree)


def _attributions(triggers: list[Trigger]) -> list[Trigger]:
    """A report verb whose clause tells a typed event ("CNN reports that three people were killed") or that only
    describes its noun ("Cases reported in Texas rose") names a source, not the news: kept as a state (below the
    default floor) so the source stays findable; "the agency reported its earnings" stays a report.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("CNN reports that three people were killed. The agency reported its earnings.")
    >>> [(t.token.text, t.state) for s in doc.sents for t in find_triggers(s, EventTaxonomy.load())]
    [('reports', True), ('killed', False), ('reported', False)]
    """
    typed = {t.token.i for t in triggers if t.typed and not t.state and t.event_type != REPORT_TYPE}
    kept: list[Trigger] = []
    for trigger in triggers:
        verb = trigger.token
        if trigger.kind == "verb" and trigger.event_type == REPORT_TYPE and not trigger.state and (
                any(c.dep_ == "ccomp" and any(w.i in typed for w in c.subtree) for c in verb.children)
                or verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children)
                or _as_reported(verb)):
            trigger = replace(trigger, state=True)
        kept.append(trigger)
    return kept


def _reads_a_measure(verb: Token) -> bool:
    """True when a verb's object, passive subject or "at"/"of" phrase is an instrument's reading ("it registered
    a depth of 10 km", "the epicenter was registered", "registered the quake at a magnitude of 5.8").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It registered a depth of 10 km. The firm registered a new brand.")
    >>> _reads_a_measure(doc[1]), _reads_a_measure(doc[9])
    (True, False)
    """
    readings = word_set("reading_nouns")
    arguments = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    arguments += [p for holder in (verb, *arguments) for prep in holder.children
                  if prep.dep_ == "prep" and prep.lower_ in ("at", "of") for p in prep.children if p.dep_ == "pobj"]
    return any(a.lemma_.lower() in readings or a.lower_ in readings for a in arguments)


def figurative_copula(verb: Token) -> bool:
    """A present-tense "is"/"are" whose predicate noun judges its subject ("Measles outbreak is a 'wake-up' call",
    "The ruling is a lesson"): a comment, no event; a past "was" and other predicates stay states.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The outbreak is a lesson. The outbreak was a lesson. The man is a doctor.")
    >>> figurative_copula(doc[2]), figurative_copula(doc[8]), figurative_copula(doc[14])
    (True, False, False)
    """
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ != "be":
        return False
    figurative = word_set("figurative_predicates")
    if any(c.dep_ == "attr" and c.lemma_.lower() in figurative and any(  # "is a lesson"; not a misparsed second
            d.dep_ == "det" and d.lower_ in word_set("articles") for d in c.children) for c in verb.children):
        return True  # "attr" in "is a metal strip ..., which has caused dropped calls"
    predicate: list[Token] = []  # a headline's quoted "a 'wake-up' call" the parser tore apart: its last word
    for token in verb.doc[verb.i + 1:verb.sent.end]:
        if token.is_space or "\n" in token.whitespace_ or token.text in (",", ";", ".", ":", "!", "?"):
            predicate += [] if token.is_space or token.is_punct else [token]
            break
        predicate.append(token)
    words = [t for t in predicate if not t.is_punct]
    return bool(words) and words[0].lower_ in word_set("articles") and len(words) <= 5 \
        and words[-1].lower_ in figurative


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


def _negated(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """An event the text says did not happen stays below the default confidence: "names were not disclosed",
    "customers didn't want to buy" (the verb it completes is negated), "Neither Choo nor Song could confirm",
    "No ceasefire was reached", "Rather than recall the devices or offer a fix" (the road not taken)."""
    verb = trigger.clause_word
    if trigger.kind != "verb" and trigger.light is None:
        return replace(trigger, negated=True) if denied_noun(trigger.token) else trigger
    governing = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in taxonomy.refusal_verbs and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return replace(trigger, negated=True)  # "failed to pass legislation"; not "has declined following X"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(negation(v) for v in governing) or any(
            c.lower_ == "neither" and c.dep_ in ("det", "preconj") for s in subjects for c in s.children
    ) or not_taken(verb, taxonomy) or negative_subject(verb):
        return replace(trigger, negated=True)  # also "No ceasefire was reached", "None of the bills passed"
    return trigger


def _conditional(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """A typed event in an "if" clause is a hypothesis ("if convicted, he could ...", "unless the deal is
    approved"), and so is a counterfactual ("it would have earned $3.91 per share"): kept at low confidence,
    like an untyped one; so is a typed verb in the simple present of a relative clause, which says what a
    thing does ("Hitachi, which manufactures trains in Britain"), not what happened."""
    verb = trigger.clause_word
    if (trigger.kind == "verb" or trigger.light is not None) and (any(
            c.dep_ == "mark" and c.lower_ in taxonomy.conditional_marks for c in verb.children)
            or counterfactual(verb) or only_possible(verb)):
        return replace(trigger, habitual=True)  # also "Zimmerman could be found guilty": possible, not done
    if trigger.kind == "verb" and verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and verb.sent.start > 0 \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return replace(trigger, habitual=True)
    return trigger



def _lasting(trigger: Trigger) -> Trigger:
    """A participle a ``lasting_verbs`` verb keeps going says a state that lasts, not the act that began it
    ("allowed to remain released pending his sentencing", "the suspect remains detained", "stayed shut"): kept
    at low confidence, like a state; the act itself ("was released on bail on Monday") is told elsewhere."""
    verb = trigger.token
    if trigger.kind != "verb" or verb.tag_ != "VBN":
        return trigger
    keeper = verb.head if verb.dep_ in ("acomp", "oprd", "xcomp") else next(
        (c for c in verb.children if c.dep_ == "auxpass"), None)
    if keeper is not None and {keeper.lemma_.lower(), keeper.lower_} & set(word_set("lasting_verbs")):
        return replace(trigger, habitual=True)
    return trigger


def _requested(trigger: Trigger, taxonomy: EventTaxonomy) -> Trigger:
    """The action a speaker asks for, urges or vows ("asked Chung to step down", "vowed to retaliate", "called for
    Pugh to be sentenced", "urged the release of the prisoners") has not happened: kept as a hypothesis (low confidence); the request itself is the statement row."""
    verb = trigger.clause_word
    if trigger.kind != "verb" and trigger.light is None:
        return replace(trigger, habitual=True) if requested(trigger.token) else trigger  # "urged the release"
    if requested(verb):
        return replace(trigger, habitual=True)  # "called for Pugh to be sentenced"
    if adjective_infinitive(verb):
        return replace(trigger, habitual=True)  # "efforts are underway to expedite", "available to rent or buy"
    if trigger.kind == "verb" and purpose_infinitive(verb):
        return replace(trigger, habitual=True)  # "dropped fire retardant to slow the flames": an aim, not done
    head = verb.head
    if verb.dep_ in ("xcomp", "acl") and head.lemma_.lower() in word_set("oath_verbs"):
        return replace(trigger, habitual=True)  # "swore to uphold the constitution", "took an oath to defend": sworn, not done
    if verb.dep_ != "xcomp":
        return trigger
    if head.lemma_.lower() in taxonomy.reporting_verbs or taxonomy.verb_type(head.lemma_) in REQUEST_TYPES:
        return replace(trigger, habitual=True)
    if head.lemma_.lower() in word_set("request_on_verbs") and any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon") and any(
                o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children) for c in head.children):
        return replace(trigger, habitual=True)  # "called on MPs to rally behind the law": asked for, not done
    return trigger


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
        own_date = any(t.ent_type_ in ("DATE", "TIME") and not (t.head.i == token.i and t.dep_ in NOUN_MODIFIER_DEPS)
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
