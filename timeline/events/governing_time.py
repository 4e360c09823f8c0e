"""The time expression that governs a word in the parse: the word's own (``timeline.events.own_time``), a
date it borrows from a neighbour (``timeline.events.neighbour_dates``), a "when" clause it heads, its subject's,
or the clause it depends on; comparison baselines and "as of" cut-offs date no event
(``timeline.events.baselines``).
The evidence order these findings feed is described in ``timeline.events.timing``.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from timeline.events.baselines import is_cutoff
from timeline.events.neighbour_dates import (
    conjunct_date,
    dated_antecedent,
    object_date,
    trailing_date,
    when_relative,
)
from timeline.events.own_time import own_timex
from timeline.events.timex_index import TimexIndex
from timeline.events.verb_tense import contrasted, present_after_past
from timeline.function_words import word_set
from timeline.temporal.timex import Timex

_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acomp"})
_NOUN_CLIMB_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "appos", "conj"})


def governing_timex(token: Token, index: TimexIndex, retrospective: frozenset[str] = frozenset(),
                    same_time: frozenset[str] = frozenset(), event_noun: Callable[[str], bool] | None = None,
                    ) -> tuple[tuple[Timex, str, Token], bool] | None:
    """The own timex of a word, else of the clause it depends on; the flag says whether it is its own.

    A noun does not take the time of a ``retrospective`` word it is the object of: "condemned on
    Tuesday the bombings" says when the condemnation was, not the bombings.  A verb without a time of
    its own takes the time of a ``same_time`` clause it heads ("perished when the boat sank in late November").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The ceremony took place on Friday, welcoming the return of the troops.")
    >>> tx = Timex("Friday", 27, 33, "DATE", "2025-12-12")
    >>> found, own = governing_timex(doc[9], TimexIndex(doc, [tx]))
    >>> found[0].text, own
    ('Friday', False)
    >>> doc = load_nlp()("Stocks dropped on Tuesday, with the Nasdaq falling to 2,162.")
    >>> governing_timex(doc[8], TimexIndex(doc, [Timex("Tuesday", 18, 25, "DATE", "2006-06-06")]))[0][0].text
    'Tuesday'
    >>> doc = load_nlp()("He condemned on Tuesday the bombings.")
    >>> governing_timex(doc[5], TimexIndex(doc, [Timex("Tuesday", 16, 23, "DATE", "2025-12-09")]), frozenset({"condemn"}))
    """
    found = own_timex(token, index) or trailing_date(token, index)
    if found is not None:
        return found, True
    found = object_date(token, index, retrospective, event_noun)
    if found is not None:
        return found, True
    found = conjunct_date(token, index) or when_relative(token, index) or dated_antecedent(token, index)
    if found is not None:
        return found, False
    if same_time and token.pos_ in ("VERB", "AUX"):
        for clause in token.children:
            if clause.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in same_time and c.i < clause.i
                                              for c in clause.children):
                found = own_timex(clause, index)
                if found is not None:
                    return found, False
    found = _subject_timex(token, index)
    if found is not None:
        return found, False
    current = token
    for _ in range(4):
        is_noun = current.pos_ in ("NOUN", "PROPN")
        if is_noun and current.dep_ == "pobj" and current.head.lower_ == "of" and current.head.head != current.head:
            if current.head.head.lemma_.lower() in retrospective:
                return None  # "condemnation of the bombings"
            current = current.head.head  # "reports of tornadoes from 4:50 AM ...": the phrase it completes
            found = own_timex(current, index)
            if is_cutoff(found):
                return None  # "the value of the deal is based on shares as of Dec. 31": the state's, not the deal's
            if found is not None:
                return found, False
            continue
        if (is_noun and current.dep_ in _NOUN_CLIMB_DEPS) or (not is_noun and current.dep_ in _CLIMB_DEPS) \
                or _seen_act(current):
            if current.head == current or (is_noun and current.dep_ in ("dobj", "nsubjpass")
                                           and current.head.lemma_.lower() in retrospective):
                return None
            if not is_noun and current.dep_ in ("conj", "advcl") and contrasted(current, current.head):
                return None  # "will be delivered in the first quarter of 2015, but American has decided"
            if not is_noun and current.dep_ == "conj" and present_after_past(current):
                return None  # "began raising its stake in July, and holds 14.6%": the state is now's, not July's
            below, current = current, current.head
            if current.dep_ == "prep" and current.lower_ == "with" and current.head.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in below.children):
                current = current.head  # "dropped Tuesday, with the Dow falling to ...": the clause it hangs on
            found = own_timex(current, index) or when_relative(current, index)
            if found is None and _seen_act(below):
                found = _subject_timex(current, index)  # "The final, played on Saturday, saw X defeat Y"
            if found is None and below.dep_ == "advcl" and below.i > current.i:
                found = _subject_timex(current, index)  # "The rate in September was 5.1%, as the economy
                # added 142,000 jobs": the period of the clause's subject is the as-clause's too
            if is_cutoff(found):
                return None
            if found is not None:
                return found, False
        else:
            return None
    return None


def _subject_timex(token: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """The time of a verb's subject noun before it ("the landslide on Sunday claimed 40 lives", "the rate in
    September was 5.1%").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The landslide on Sunday claimed 40 lives.")
    >>> _subject_timex(doc[4], TimexIndex(doc, [Timex("Sunday", 17, 23, "DATE", "2025-12-07")]))[0].text
    'Sunday'
    """
    if token.pos_ not in ("VERB", "AUX"):
        return None
    for subject in token.children:
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ == "NOUN" and subject.i < token.i:
            found = own_timex(subject, index) or _participle_time(subject, token, index)
            if found is not None:
                return found
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.i > token.i:
            found = _set_off_time(subject, index)
            if found is not None:
                return found
    return None


def _participle_time(subject: Token, verb: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """The day a subject's participle clause gives it ("The final, played on Saturday, saw ..."; "An update
    released Thursday came with ..."), not a planned one ("A service planned for Saturday was canceled":
    ``occasion_time_preps`` only), and only for a past verb ("The suit, filed in September 2003, claims that ...":
    what the suit says now is no act of its filing day)."""
    if verb.tag_ != "VBD":
        return None
    for clause in subject.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.i < verb.i:
            found = own_timex(clause, index)
            if found is not None and (not found[1] or found[1].lower() in word_set("occasion_time_preps")):
                return found
    return None


def _seen_act(verb: Token) -> bool:
    """A clause of what an occasion saw happen ("The final saw Swiatek defeat Anisimova", "Saturday saw rebels
    take the town"; ``occasion_verbs`` with a noun subject): the act is at the occasion's time; not "to see
    whether he survives", "we see that edge eroded"."""
    head = verb.head
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ccomp", "xcomp") and head != verb \
        and head.lemma_.lower() in word_set("occasion_verbs") and verb.i > head.i \
        and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in head.children)


def _set_off_time(subject: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """A time phrase set off by a comma after an inverted subject and its apposition ('"...," said John Smith, an
    analyst at Acme, on Monday'): the parse may hang it on the name, but a name has no time; it is the verb's."""
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.i < 1 or prep.doc[prep.i - 1].text != ",":
            continue
        for pobj in prep.children:
            timex = index.at(pobj) if pobj.dep_ == "pobj" else None
            if timex is not None and timex.type in ("DATE", "TIME"):
                return timex, prep.lower_, pobj
    return None
