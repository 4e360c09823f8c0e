"""Comparison baselines and cut-offs, whose times date no event: "for the first time since 1992", "from last
year's $12 billion", "compared with ... last year", "shares outstanding as of Dec. 31".
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from timeline.events.taxonomy import EventTaxonomy
from timeline.function_words import word_set
from timeline.temporal.rules import load_resources
from timeline.temporal.timex import Timex


def _baseline_since(child: Token) -> bool:
    """A "since" phrase that is a comparison's baseline, not the event's time: "for the first time since
    1992", "the highest level since 2008", "was the deadliest quake since 1956".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They won for the first time since 1992.")
    >>> _baseline_since(doc[6])
    True
    >>> doc = load_nlp()("The index ended down 7.9 percent, its weakest since October 2014.")
    >>> _baseline_since(doc[9])
    True
    >>> doc = load_nlp()("Stocks dropped, with the Dow Jones industrial average falling to its worst close since March 9.")
    >>> _baseline_since(doc[14])
    True
    >>> doc = load_nlp()("They worked to end the ninth outbreak in that country since 1976.")
    >>> _baseline_since(doc[10])
    True
    >>> doc = load_nlp()("They have fought since 2014.")
    >>> _baseline_since(doc[3])
    False
    """
    if child.lower_ != "since" or child.dep_ != "prep":
        return False
    head = child.head
    if head.pos_ in ("NOUN", "PROPN"):
        return True  # "the first time since", "the lowest level since"
    if head.tag_ in ("JJS", "RBS") or head.lower_ in ("first", "only"):
        return True  # "its weakest since October 2014", "its lowest since November 2013"
    if head.pos_ == "ADJ" and any(c.dep_ == "amod" and c.tag_ == "JJS" for c in head.children):
        return True  # "to its worst close since March 9": a noun the parser took for an adjective
    return any(c.dep_ in ("attr", "acomp", "dobj", "prep", "npadvmod") and c != child and any(
        m.tag_ in ("JJS", "RBS") or m.lower_ in ("first", "only") or m.i < child.i and _count_ordinal(m)
        for m in c.subtree) for c in head.children)


_ORDINAL_SUFFIX = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _count_ordinal(token: Token) -> bool:
    """An ordinal that counts occurrences ("the ninth reported outbreak", "its 3rd title"): a modifier of a noun
    that is a number word of the tagger's ordinal table ("last", "final" count nothing) or a digit ordinal.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("the ninth outbreak and the last visit")
    >>> _count_ordinal(doc[1]), _count_ordinal(doc[5])
    (True, False)
    """
    if token.dep_ not in ("amod", "nummod") or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    value = load_resources().tables["ordinal"].get(token.lower_)
    return isinstance(value, int) and value > 0 or bool(_ORDINAL_SUFFIX.match(token.lower_))


_BASELINE_ENTS = frozenset({"MONEY", "PERCENT"})
_COUNT_ENTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _baseline_amount(child: Token) -> bool:
    """A "from" phrase whose object is an amount compared with: its time dates the baseline, not the event.
    "increased 12% to $14 billion from last year's $12 billion", "up from 1.24 in the same period last year".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Revenue increased 12% to $14.46 billion from last year's $12.94 billion.")
    >>> _baseline_amount(doc[8])
    True
    >>> doc = load_nlp()("They moved the office from Paris in 2019.")
    >>> _baseline_amount(doc[4])
    False
    """
    if child.dep_ != "prep" or child.lower_ not in word_set("baseline_preps"):
        return False
    amounts = [t for t in child.subtree if t != child and t.ent_type_ in _COUNT_ENTS]
    if not amounts:
        return False
    if any(t.ent_type_ in _BASELINE_ENTS for t in amounts):
        return True
    head = child.head
    return head.lower_ in EventTaxonomy.load().direction_words or any(
        c.dep_ == "prep" and c.lower_ == "to" and any(t.ent_type_ in _COUNT_ENTS for t in c.subtree)
        for c in head.children)


def _over_last(child: Token) -> bool:
    """An "over" + "last <period>" phrase after a percentage or amount of change: the period compared with ("sales
    rose 16 percent over last October"), not the time of the change ("rose over the past year" is no such phrase).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Sales rose almost 16 percent over last October.")
    >>> _over_last(doc[5])
    True
    >>> doc = load_nlp()("Sales rose steadily over the past year.")
    >>> _over_last(doc[3])
    False
    """
    if child.lower_ not in word_set("baseline_over_preps"):
        return False
    if not any(c.ent_type_ in ("PERCENT", "MONEY") for c in child.head.children):
        return False
    return any(c.dep_ == "pobj" and c.ent_type_ == "DATE" and any(m.lower_ in word_set("baseline_over_modifiers")
                                                                 for m in c.children) for c in child.children)


def _baseline_time(child: Token) -> bool:
    """A "from" phrase naming the period a change is measured against: "Revenues declined from last year".
    Not a span ("rose from March to May").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Revenues declined from last year and missed estimates.")
    >>> _baseline_time(doc[2])
    True
    >>> doc = load_nlp()("He moved to London from Paris last year.")
    >>> _baseline_time(doc[4])
    False
    >>> doc = load_nlp()("It was a 22% drop from the weekend prior.")
    >>> _baseline_time(doc[6])
    True
    >>> doc = load_nlp()("Shipments rose 8% from last year's 1.2 million units.")
    >>> _baseline_time(doc[4])
    True
    """
    if child.dep_ != "prep" or child.head.pos_ not in ("VERB", "NOUN") \
            or child.lower_ not in word_set("baseline_preps") and not _over_last(child):
        return False
    if not any(c.dep_ == "pobj" and (c.ent_type_ == "DATE" or _possessive_time(c)) for c in child.children):
        return False
    head = child.head
    if any(c.dep_ == "prep" and c.lower_ in ("to", "through", "until", "till") for c in head.children):
        return False
    taxonomy = EventTaxonomy.load()
    if head.pos_ == "NOUN":  # a change noun: "a 22% drop from the weekend prior"
        return taxonomy.noun_type(head.lemma_.lower()) == "result"
    return taxonomy.verb_type(head.lemma_.lower()) == "result" or any(
        c.lower_ in taxonomy.direction_words for c in head.children)


def _possessive_time(noun: Token) -> bool:
    """A noun owned by a time: "last quarter's deliveries", "last year's 1.2 million units" (the figure of that
    period, so that a change measured from it is measured from the period).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It rose from last quarter's deliveries of 14,402 to a record.")
    >>> _possessive_time(doc[6]), _possessive_time(doc[8])
    (True, False)
    """
    return any(c.dep_ == "poss" and any(_time_word(t) for t in c.subtree) for c in noun.children)


def level_baseline(child: Token) -> bool:
    """A phrase naming a level by the time it was reached: "returning to May's rate", "rose above Tuesday's
    close", "down from last year's peak". The time dates that level, not the move.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The rate ticked up, returning to May's rate of 4.2%.")
    >>> level_baseline(doc[6])
    True
    >>> doc = load_nlp()("She spoke at Monday's meeting.")
    >>> level_baseline(doc[2])
    False
    """
    if child.dep_ != "prep" or child.lower_ not in word_set("level_preps"):
        return False
    return any(p.dep_ == "pobj" and p.lemma_.lower() in word_set("level_nouns") and any(
        c.dep_ == "poss" and any(_time_word(t) for t in c.subtree) for c in p.children)
        for p in child.children)


def _time_word(token: Token) -> bool:
    """A word of a date: the NER's, or a month or weekday name the NER took for a name ("May's rate")."""
    tables = load_resources().tables
    return token.ent_type_ == "DATE" or token.lower_ in tables["month"] or token.lower_ in tables["weekday"]


def _comparison(child: Token) -> bool:
    """A comparison's phrase ("compared with $3.1 billion", "amid comparison with the prior year", "versus
    a year ago"): its time is the baseline's."""
    return child.lower_ in word_set("comparison_words") or child.lemma_.lower() in word_set("comparison_words")


_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "csubj"})


def has_comparison(token: Token) -> bool:
    """Whether a word's own phrase (not its clauses) holds a comparison's baseline ("up from $733 million")."""
    stack = [c for c in token.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        current = stack.pop()
        if is_baseline(current):
            return True
        stack += [c for c in current.children if c.dep_ not in _CLAUSE_DEPS]
    return False


def same_period(child: Token) -> bool:
    """A preposition whose object is "the same time last year" (a modifier in ``same_period_words`` and a date).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It earned $5 million, up from $4 million, at the same time last year.")
    >>> same_period(doc[12]), has_comparison(doc[1])
    (True, True)
    """
    return child.dep_ == "prep" and any(
        p.dep_ == "pobj" and any(m.dep_ == "amod" and m.lower_ in word_set("same_period_words") for m in p.children)
        and any(t.ent_type_ == "DATE" for t in p.subtree) for p in child.children)


def is_baseline(child: Token) -> bool:
    """A modifier that names a comparison's baseline, whose time dates no event."""
    return _baseline_since(child) or _baseline_amount(child) or _baseline_time(child) or _comparison(child) \
        or level_baseline(child)


def after_baseline(child: Token, baselines: Sequence[Token]) -> bool:
    """A time written right after a baseline phrase, parsed as the verb's own: "totaled $2.97 billion,
    compared with $3.12 billion, last year", "rose to $8.08 from $6.76 during the first quarter of 2010" (only
    punctuation between the phrase and the time; not "from $3.5 billion to $10 billion next year"). A
    preposition's time set off by a comma after a baseline that has a date of its own is the verb's own again:
    "reached its highest level since Sept. 8, 2008, on March 15" (not "up from $733 million, at the same time
    last year")."""
    doc = child.doc
    for b in baselines:
        if level_baseline(b):
            continue  # "fell to last year's level on Wednesday": the level has its time, the next one is the event's
        end = b.right_edge.i
        while end > b.i and doc[end].is_punct:  # the parse may hang the comma on the baseline
            end -= 1
        between = range(end + 1, child.left_edge.i)
        if end < child.left_edge.i and all(doc[k].is_punct for k in between) and not (
                child.dep_ == "prep" and any(t.ent_type_ == "DATE" for t in b.subtree)):
            return True  # a baseline with a date of its own ("since Sept. 8, 2008,") takes no second one
    return False


def direction_baselines(candidates: Sequence[Token]) -> list[Token]:
    """The baselines hung on a direction word among a verb's modifiers ("Production is also up from 82,000
    vehicles last quarter": "from" on "up"), so that a bare time parsed as the verb's own right after them is
    known as the baseline's (see ``after_baseline``).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Production is up from 82,000 vehicles last quarter.")
    >>> [t.text for t in direction_baselines(list(doc[1].children))]
    ['from']
    """
    direction = EventTaxonomy.load().direction_words
    return [b for c in candidates if c.dep_ == "advmod" and c.lower_ in direction
            for b in c.children if is_baseline(b)]


def is_cutoff(found: tuple[Timex, str, Token] | None) -> bool:
    """A time found through "as of" (the cut-off of a state: "shares outstanding as of Dec. 31").

    >>> from timeline.nlp import load_nlp
    >>> from timeline.events.own_time import own_timex
    >>> from timeline.events.timex_index import TimexIndex
    >>> doc = load_nlp()("The value of the deal is based on 115 million shares as of Dec. 31.")
    >>> tx = Timex("Dec. 31", 59, 66, "DATE", "2014-12-31")
    >>> is_cutoff(own_timex(doc[6], TimexIndex(doc, [tx])))
    True
    """
    if found is None:
        return False
    of = found[2].head
    return of.lower_ == "of" and of.dep_ == "prep" and of.head.lower_ in word_set("cutoff_preps")
