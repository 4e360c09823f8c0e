"""Dates a word borrows from its neighbours in the parse when it has no time of its own: a date hung on its
object, a later conjoined verb's, a bare date ending its clause, a dated noun its relative clause hangs on, the
time a "when" clause hangs on, and the date its object is named by ("won Saturday's runoff vote").
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from timeline.events.baselines import is_baseline
from timeline.events.own_time import own_timex
from timeline.events.timex_index import TimexIndex
from timeline.events.timing import CALENDAR_TYPES
from timeline.events.verb_tense import measuring_participle
from timeline.function_words import word_map, word_set
from timeline.temporal.timex import Timex


def object_date(verb: Token, index: TimexIndex, retrospective: frozenset[str],
                 event_noun: Callable[[str], bool] | None) -> tuple[Timex, str, Token] | None:
    """A date the parse hung on the verb's plain object: "conceded defeat on Sunday" dates "conceded".  Not when
    the object is an event noun (``event_noun`` of its lemma: it may have its own time) nor for a
    ``retrospective`` verb ("condemned the attack on Sunday").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Bawumia conceded defeat on Sunday in the election.")
    >>> tx = Timex("Sunday", 27, 33, "DATE", "2024-12-08")
    >>> doc[3].head.text, object_date(doc[1], TimexIndex(doc, [tx]), frozenset(), None)[0].text
    ('defeat', 'Sunday')
    >>> object_date(doc[1], TimexIndex(doc, [tx]), frozenset(), lambda lemma: lemma == "defeat") is None
    True
    """
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in retrospective:
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.pos_ != "NOUN" or index.at(obj) is not None:
            continue
        if event_noun is not None and event_noun(obj.lemma_.lower()):
            return None
        for prep in obj.children:
            if prep.dep_ != "prep" or prep.lower_ not in word_set("object_date_preps"):
                continue
            for pobj in prep.children:
                timex = index.at(pobj) if pobj.dep_ == "pobj" else None
                if timex is not None and timex.type in CALENDAR_TYPES:
                    return timex, prep.lower_, pobj
    return None


def _past_form(verb: Token) -> bool:
    """A simple past or past participle without a modal or a present auxiliary ("was charged", "soared")."""
    return verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBD", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ in ("MD", "VBZ", "VBP")) for c in verb.children)


def _timed(verb: Token, index: TimexIndex) -> bool:
    """True when a verb has a time word or a relation of its own ("arrested 24 years after the death")."""
    return any(index.at(c) is not None or c.dep_ == "prep" and c.lower_ in word_map("anchor_preps")
               for c in verb.children)


def conjunct_date(token: Token, index: TimexIndex, depth: int = 0) -> tuple[Timex, str, Token] | None:
    """The trailing date of a later conjoined past verb that shares the subject: "launched from the coast and
    soared toward the stars late Tuesday night", "was arrested and charged on Tuesday".  Not across "but"/"or"
    (only ``shared_date_conjunctions``), not when the later verb has its own subject or a sequence adverb
    ("and then released him on Friday"), and only a date after that verb.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He was arrested and charged on Tuesday.")
    >>> tx = Timex("Tuesday", 31, 38, "DATE", "2024-12-10")
    >>> conjunct_date(doc[2], TimexIndex(doc, [tx]))[0].text
    'Tuesday'
    >>> doc = load_nlp()("Police arrested him and then released him on Friday.")
    >>> conjunct_date(doc[1], TimexIndex(doc, [Timex("Friday", 44, 50, "DATE", "2024-12-06")])) is None
    True
    """
    if depth > 3 or not _past_form(token) or token.lemma_ == "be" or _timed(token, index):
        return None
    for conj in token.children:
        if conj.dep_ != "conj" or conj.i < token.i or not _past_form(conj) or conj.lemma_ == "be":
            continue
        between = [t for t in token.doc[token.i + 1:conj.i] if t.pos_ == "CCONJ"]
        if not between or any(t.lower_ not in word_set("shared_date_conjunctions") for t in between):
            continue
        subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")]
        paired = len(subjects) == 1 and _passive_pair(token, conj, subjects[0])
        if any(t.pos_ not in ("ADV", "AUX", "PART") and not (paired and t.i in range(
                subjects[0].left_edge.i, subjects[0].i + 1)) for t in token.doc[between[-1].i + 1:conj.i]):
            continue  # "in Charles City and Howard-Brown barricaded himself": a subject the parse missed
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") and not _passive_pair(token, conj, c)
               or c.lower_ in word_set("sequence_adverbs") for c in conj.children):
            continue
        found = own_timex(conj, index) or trailing_date(conj, index)
        if found is not None and found[2].i > conj.i and found[1] not in word_map("prep_modifiers"):
            return found
        if found is None:
            found = conjunct_date(conj, index, depth + 1)  # "was arrested, charged and jailed on Tuesday"
            if found is not None:
                return found
    return None


def _passive_pair(verb: Token, conj: Token, subject: Token) -> bool:
    """True when two passive clauses joined by "and" report one incident, each with its own subject: "a boy was
    killed and 12 people were injured last Tuesday" (the date of the second is the first's too)."""
    return subject.dep_ == "nsubjpass" and any(c.dep_ == "nsubjpass" for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "auxpass" for c in conj.children)


def contest_date(verb: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """The date a verb's object is named by ("won Saturday's runoff vote" -> Saturday), or None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Bio won Saturday's runoff vote.")
    >>> contest_date(doc[1], TimexIndex(doc, [Timex("Saturday", 8, 16, "DATE", "2018-03-31")]))[0].text
    'Saturday'
    """
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for owner in obj.children:
            timex = index.at(owner) if owner.dep_ == "poss" else None
            if timex is not None and timex.type in CALENDAR_TYPES:
                return timex, "", owner
    return None


def trailing_date(token: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """A bare date ending the verb's clause that the parse hung on the object: "killed a family of seven
    Tuesday - six were children", "announced its support of the deal Saturday".  No other verb, comma or
    dash may stand between the verb and the date, nor a preposition right before it ("the vote of Tuesday"),
    and the clause must end right after it (not "said the attack Tuesday killed five").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("An airstrike killed a family of seven Tuesday - six of the victims were children.")
    >>> trailing_date(doc[2], TimexIndex(doc, [Timex("Tuesday", 38, 45, "DATE", "2019-07-09")]))[0].text
    'Tuesday'
    >>> doc = load_nlp()("He praised the deal reached Tuesday.")
    >>> trailing_date(doc[1], TimexIndex(doc, [Timex("Tuesday", 28, 35, "DATE", "2019-07-09")])) is None
    True
    """
    if token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return None
    sentence = token.sent
    measure = _measure_phrases(sentence[token.i + 1 - sentence.start:])
    for t in sentence[token.i + 1 - sentence.start:]:
        timex = index.at(t)
        if timex is not None:
            before = t.nbor(-1)
            measured = before.lower_ in ("on", "in") and before.i in measure  # "... on the Richter scale on May 2"
            if timex.type not in CALENDAR_TYPES or not measured and (before.pos_ == "ADP"
                                                                     or t.head.pos_ in ("VERB", "AUX")):
                return None
            if any(is_baseline(a) for a in t.ancestors if a.i > token.i):
                return None  # "fell 7.8% to $13.7 billion from $14.9 billion last year": the baseline's time
            if any(b.right_edge.i + 1 == t.i and is_baseline(b) and not any(index.at(x) for x in b.subtree)
                   for b in sentence[token.i + 1 - sentence.start:t.i - sentence.start]):
                return None  # "is up from 82,000 vehicles last quarter": right after a dateless baseline, its
                # time (not "fell from Monday's close Tuesday": that baseline has its own)
            last = t
            while last.i + 1 < sentence.end and index.at(last.nbor(1)) is timex:
                last = last.nbor(1)
            after = last.nbor(1) if last.i + 1 < sentence.end else None
            if after is not None and after.text in ("'s", "’s"):
                return None
            if after is None or after.is_punct or after.pos_ in ("CCONJ", "SCONJ") or after.lower_ == "as":
                return timex, "", t
            return None
        if t.i in measure:
            continue
        if t.pos_ in ("VERB", "AUX") or t.is_punct or t.pos_ in ("SCONJ", "CCONJ") or t.tag_ in ("WDT", "WP", "WRB"):
            return None
    return None


def _measure_phrases(span: Span) -> set[int]:
    """Token indices of measuring participles and their phrases ("a quake measuring 7.5 on the Richter scale"):
    a date the parse hung at their end ("... scale on New Year's Day") is the clause's, not the scale's.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The town was shaken by a quake measuring 7.5 on the Richter scale on New Year's Day.")
    >>> sorted(_measure_phrases(doc[:]))[:3]
    [7, 8, 9]
    """
    found: set[int] = set()
    for t in span:
        if measuring_participle(t):
            found.update(w.i for w in t.subtree)
    return found


def dated_antecedent(token: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """An active relative clause on a dated noun happens at the noun's time: "Saturday's airstrikes, which hit
    the village", "the 1985 quake that killed thousands" (not a passive: "the election that was challenged").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It was the deadliest since the 1985 quake that killed thousands.")
    >>> dated_antecedent(doc[9], TimexIndex(doc, [Timex("1985", 31, 35, "DATE", "1985")]))[0].text
    '1985'
    >>> doc = load_nlp()("He fled after the January 1998 bombing of a clinic that killed an officer.")
    >>> dated_antecedent(doc[11], TimexIndex(doc, [Timex("January 1998", 18, 30, "DATE", "1998-01")]))[0].text
    'January 1998'
    """
    if token.dep_ != "relcl" or token.pos_ not in ("VERB", "AUX") or token.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return None
    noun = token.head
    timex = index.at(noun)
    if timex is not None:  # "the bombings of embassies last year that killed 224": the parse hung the clause on
        return (timex, "", noun) if timex.type in CALENDAR_TYPES else None  # the time word ending the phrase
    found = own_timex(noun, index)
    if found is None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        found = own_timex(noun.head.head, index)  # "the January 1998 bombing of a clinic that killed an officer":
        # the clause hung on the object of a dated event noun is that event's
    return found if found is not None and found[0].type in CALENDAR_TYPES else None


def when_relative(token: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """The time a "when" clause hangs on: "on Saturday, when the rains began", "since 1956, when 12 died".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It was the worst since 1956, when 12 died.")
    >>> when_relative(doc[9], TimexIndex(doc, [Timex("1956", 23, 27, "DATE", "1956")]))[0].text
    '1956'
    >>> doc = load_nlp()("Profits fell compared with a year ago, when it recorded a gain.")
    >>> when_relative(doc[10], TimexIndex(doc, [Timex("a year ago", 27, 37, "DATE", "2024")]))[0].text
    'a year ago'
    """
    when = next((c for c in token.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is None:
        return None
    if token.dep_ == "advcl" and when.i >= 2 and token.doc[when.i - 1].text == ",":
        timex = index.at(token.doc[when.i - 2])  # "compared with a year ago, when it recorded a gain": the
        if timex is not None and timex.type in CALENDAR_TYPES:  # clause parsed on the verb, the time right before
            return timex, "", token.doc[when.i - 2]
        return None
    if token.dep_ != "relcl":
        return None
    timex = index.at(token.head)
    if timex is None or timex.type not in CALENDAR_TYPES:
        return None
    return timex, "", token.head
