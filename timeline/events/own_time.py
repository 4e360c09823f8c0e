"""The time expression that modifies a word directly in the parse: its own non-clausal modifiers (past
comparison baselines), its auxiliaries', a following participle's, and the message it was said in ("In a
statement released on Tuesday, the minister apologized").
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from timeline.events.baselines import (
    after_baseline,
    direction_baselines,
    has_comparison,
    is_baseline,
    level_baseline,
    same_period,
)
from timeline.events.timex_index import TimexIndex
from timeline.events.timing import CALENDAR_TYPES
from timeline.function_words import word_set
from timeline.nlp import doc_text
from timeline.temporal.calendar import value_bounds
from timeline.temporal.timex import Timex

_WALK_DEPS_VERB = frozenset({"npadvmod", "advmod", "prep", "tmod", "obl", "nmod", "pobj", "pcomp", "agent",
                             "dep", "nummod"})
_WALK_DEPS_NOUN = frozenset({"npadvmod", "advmod", "prep", "tmod", "obl", "nmod", "pobj", "compound", "amod",
                             "poss", "nummod", "appos", "quantmod", "case"})


def _time_phrase(child: Token, index: TimexIndex) -> bool:
    """A time word, or a preposition whose object is one ("last year", "during the first quarter of 2010") or
    is no amount and holds one ("at the same time last year"; not "to $10 billion next year").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It earned $5 million, up from $4 million at the same time last year.")
    >>> _time_phrase(doc[11], TimexIndex(doc, [Timex("last year", 58, 67, "DATE", "2024")]))
    True
    """
    return index.at(child) is not None or child.dep_ == "prep" and any(
        p.dep_ == "pobj" and (index.at(p) is not None or not p.ent_type_ and any(
            index.at(t) is not None for t in p.subtree)) for p in child.children)


def _after_clause(noun: Token, child: Token) -> bool:
    """Whether a noun's modifier comes after a relative clause or participle on it, so that it is that clause's
    in a misparse ("Michael, who shot to fame as the front man of Wham! in the 1980s, died": the 1980s are the
    fame's, not Michael's); a noun's own modifier comes before its clause ("the landslide on Sunday, which ...").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The landslide on Sunday, which hit the town, killed 40.")
    >>> _after_clause(doc[1], doc[2])
    False
    """
    return any(c.dep_ in ("relcl", "acl") and c.i < child.i for c in noun.children)


def _content_period(noun: Token, child: Token) -> bool:
    """Whether ``child`` is the period a content noun covers ("data from 2019", "the records - from May to
    October 2022 -"): the content's time, not the time of what happens to it.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Data from 2019 was stolen in a raid from March.")
    >>> _content_period(doc[0], doc[1]), _content_period(doc[7], doc[8])
    (True, False)
    """
    return child.dep_ == "prep" and child.lower_ in word_set("content_period_preps") \
        and (noun.lower_ in word_set("content_nouns") or noun.lemma_.lower() in word_set("content_nouns"))


def _clause_tail(clause: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """A time the parse hung on the noun after the noun's relative clause, which is the clause's (see
    ``_after_clause``): "Michael, who shot to fame as the front man of Wham! in the 1980s, died"."""
    for child in clause.head.children:
        if child.i > clause.i and child.dep_ in _WALK_DEPS_NOUN:
            timex = index.at(child)
            if timex is not None and timex.type in CALENDAR_TYPES:
                return timex, "", child
            if child.dep_ == "prep":
                found = _walk(child, index, True, 1, child.lower_)
                if found is not None:
                    return found
    return None


def _clause_date_apposition(child: Token, index: TimexIndex) -> bool:
    """Whether a date right after a comma restates the time of a clause just before it, which the parse hung
    on the verb instead ("according to data released Friday morning, Oct. 2, by the Bureau": the release's
    day, not the figures').

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The economy added 142,000 jobs, according to data released Friday morning, Oct. 2, by the Bureau.")
    >>> index = TimexIndex(doc, [Timex("Friday morning", 59, 73, "TIME", "2015-10-02TMO"),
    ...                          Timex("Oct. 2", 75, 81, "DATE", "2015-10-02")])
    >>> _clause_date_apposition(doc[13], index)
    True
    """
    timex = index.at(child)
    if timex is None or child.dep_ not in ("npadvmod", "tmod", "obl", "appos"):
        return False
    before = child.nbor(-1) if child.i > child.sent.start else None
    while before is not None and index.at(before) is timex and before.i > child.sent.start:
        before = before.nbor(-1)
    if before is None or before.text != "," or before.i <= child.sent.start:
        return False
    previous = before.nbor(-1)
    other = index.at(previous)
    if other is None or other is timex or other.type not in CALENDAR_TYPES:
        return False
    clause = next((a for a in previous.ancestors if a.dep_ in ("acl", "relcl")), None)
    return clause is not None and clause not in child.ancestors and child.head in clause.ancestors


def _change_baseline(child: Token) -> bool:
    """A preposition that makes a same-period phrase after a change its baseline ("a 13% increase on the same
    period a year earlier"; not "had a loss on the same day": no period noun).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It was a 13% increase on the same period a year earlier.")
    >>> _change_baseline(doc[6])
    True
    """
    return child.dep_ == "prep" and child.lower_ in word_set("same_period_change_preps") and any(
        p.dep_ == "pobj" and p.lemma_.lower() in word_set("same_period_change_nouns") for p in child.children)


def _walk(token: Token, index: TimexIndex, noun: bool, depth: int = 0,
          prep: str = "", compared: bool | None = None) -> tuple[Timex, str, Token] | None:
    """Breadth-first search of a word's non-clausal modifiers for a timex (with the preposition on the way).
    ``compared``: whether the phrase searched holds a comparison ("up from $4 million"), so that "at the same
    time last year" is its baseline."""
    allowed = _WALK_DEPS_NOUN if noun else _WALK_DEPS_VERB
    if compared is None:
        compared = has_comparison(token)
    candidates = [c for c in token.children if c.dep_ in allowed]
    if noun:
        candidates = [c for c in candidates if not _after_clause(token, c) and not _content_period(token, c)]
    baselines = [c for c in candidates if is_baseline(c) or (compared or _change_baseline(c)) and same_period(c)]
    hung = [] if noun else direction_baselines(candidates)  # "is up from 82,000 vehicles last quarter"
    children = [c for c in candidates if c not in baselines
                and not (_time_phrase(c, index) and after_baseline(c, baselines))
                and not (hung and c.dep_ != "prep" and index.at(c) is not None and after_baseline(c, hung))
                and not _clause_date_apposition(c, index)]
    children += [prep for b in baselines if level_baseline(b) for level in b.children if level.dep_ == "pobj"
                 for prep in level.children if prep.dep_ == "prep" and prep.lower_ != "of"]
    # "fell to last year's level on Wednesday", the parse hanging "on Wednesday" on the level: the move's time
    hits = []
    for child in children:
        timex = index.at(child)
        if timex is not None and timex.type in CALENDAR_TYPES:  # "the two-week period from August 27": look on
            hits.append((timex, prep or (child.lower_ if child.dep_ == "prep" else ""), child))
    if hits:  # a date inside a preposition next to it may be narrower: "will meet this week on February 1"
        hits += [(t, prep or child.lower_, p) for child in children if child.dep_ == "prep" for p in child.children
                 if p.dep_ == "pobj" and (t := index.at(p)) is not None and t.type in CALENDAR_TYPES]
        return _narrowest(hits)
    if depth >= 3:
        return None
    sequence = word_set("sequence_preps")  # the verb's own "on Wednesday" before a time inside "Following
    # the airlines' actions a day earlier, ...", which orders it after another thing
    for child in sorted(children, key=lambda c: c.dep_ == "prep" and c.lower_ in sequence):
        next_prep = child.lower_ if child.dep_ == "prep" and (
            prep not in word_set("sequence_preps") or child.lower_ in word_set("same_day_preps")) else prep
        # ("after a brief pause in June": after June, the "in" inside the pause's phrase does not replace it)
        found = _walk(child, index, True, depth + 1, next_prep, compared)
        if found is not None:
            return found
    return None


def _narrowest(hits: list[tuple[Timex, str, Token]]) -> tuple[Timex, str, Token]:
    """Of a word's dates, the one that lies within all the others ("will meet this week on February 1": the
    day); the first when they do not nest.

    >>> from timeline.nlp import load_nlp
    >>> import datetime as dt
    >>> doc = load_nlp()("They meet this week on February 1.")
    >>> week = Timex("this week", 10, 19, "DATE", "2024-W05", date_start=dt.date(2024, 1, 29), date_end=dt.date(2024, 2, 4))
    >>> day = Timex("February 1", 23, 33, "DATE", "2024-02-01", date_start=dt.date(2024, 2, 1), date_end=dt.date(2024, 2, 1))
    >>> _narrowest([(week, "", doc[3]), (day, "on", doc[4])])[0].text
    'February 1'
    """
    for hit in hits:
        timex = hit[0]
        if timex.is_calendar and all(
                other is timex or other.is_calendar and other.date_start <= timex.date_start  # type: ignore[operator]
                and timex.date_end <= other.date_end for other, _, _ in hits):  # type: ignore[operator]
            return hit
    return hits[0]


def own_timex(token: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """The timex that modifies a word directly: (timex, preposition, token of the timex).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They left for Kursk in early August.")
    >>> tx = Timex("early August", 23, 35, "DATE", "2025-08")
    >>> own_timex(doc[1], TimexIndex(doc, [tx]))[0].text
    'early August'
    """
    timex = index.at(token)
    if timex is not None and token.pos_ in ("NOUN", "PROPN"):
        return None  # the trigger is itself a time word
    noun = token.pos_ in ("NOUN", "PROPN")
    found = _walk(token, index, noun)
    if found is None and not noun:
        for child in token.children:  # "has been scheduled": look at the auxiliaries' modifiers too;
            if child.dep_ in ("aux", "auxpass") or child.dep_ == "acomp" and child.pos_ == "VERB":  # "will be
                # live-streamed on May 12th", the participle parsed as the copula's complement
                found = _walk(child, index, False)
                if found:
                    break
    if found is None and not noun:
        for child in token.children:  # "was found floating off the coast on Thanksgiving": the participle's time
            if child.dep_ in ("xcomp", "advcl") and child.tag_ == "VBG" and child.i > token.i and not any(
                    c.dep_ in ("nsubj", "mark", "aux") for c in child.children):
                found = _walk(child, index, False)
                if found:
                    break
    if found is None and not noun and token.lemma_ == "be":
        for child in token.children:  # "was 5% contained by Tuesday evening": the participle parsed as the
            # measure's clause ("%" the copula's attr) is the state, and its time the copula's
            participle = next((c for c in child.children if c.dep_ == "acl" and c.tag_ == "VBN"
                               and c.i == child.i + 1), None) if child.dep_ == "attr" and child.i > token.i else None
            found = _walk(participle, index, False) if participle is not None else None
            if found:
                break
    if found is None and not noun and token.dep_ in ("relcl", "acl") and token.i > token.head.i:
        found = _clause_tail(token, index)
    if found is None and not noun:
        found = _message_date(token, index)
    if found is None and not noun:
        found = _period_ended(token, index)
    return found


def _period_ended(verb: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """The quarter of "earned $1 billion for the three months ended in September": three months up to that
    month (the calendar quarter holding most of them), as a timex spanning the phrase.

    >>> import datetime as dt
    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It earned $5 million for the three months ended in September.")
    >>> months = Timex("the three months", 29, 45, "DURATION", "P3M")
    >>> sept = Timex("September", 55, 64, "DATE", "2007-09", "", "month", dt.date(2007, 9, 1), dt.date(2007, 9, 30))
    >>> _period_ended(doc[1], TimexIndex(doc, [months, sept]))[0].value
    '2007-Q3'
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]  # "profit for the three months
    for prep in [c for head in [verb, *subjects] for c in head.children]:  # ended Sept. 30 rose 5 percent"
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            length = index.at(noun) if noun.dep_ == "pobj" else None
            if length is None or length.type != "DURATION" or length.value != "P3M":
                continue
            for clause in noun.children:
                if clause.dep_ not in ("acl", "relcl") or clause.lemma_.lower() not in word_set("period_end_verbs"):
                    continue
                found = _walk(clause, index, False) or next(
                    ((t, "", c) for c in clause.children if c.dep_ in ("dobj", "npadvmod")
                     and (t := index.at(c)) is not None and t.type in CALENDAR_TYPES), None)
                if found is None or found[0].date_end is None:
                    continue
                middle = found[0].date_end - dt.timedelta(days=45)
                value = f"{middle.year:04d}-Q{(middle.month - 1) // 3 + 1}"
                bounds = value_bounds(value)
                if bounds is None:
                    continue
                start = min(length.start, found[0].start)
                end = max(length.end, found[0].end)
                text = doc_text(verb.doc)[start:end]
                return Timex(text, start, end, "DATE", value, "", "quarter", bounds[0], bounds[1], True), \
                    prep.lower_, found[2]
    return None


def _message_date(verb: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """The date of a message the verb was said in ("In a video address submitted on Wednesday, she apologized").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("In a statement released on Tuesday, the minister apologized.")
    >>> _message_date(doc[9], TimexIndex(doc, [Timex("Tuesday", 26, 33, "DATE", "2025-12-09")]))[0].text
    'Tuesday'
    """
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in word_set("message_nouns"):
                continue
            for clause in noun.children:
                if clause.dep_ == "acl" and clause.tag_ == "VBN":
                    found = _walk(clause, index, False)
                    if found is not None:
                        return found
    return None
