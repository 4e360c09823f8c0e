"""The time expression that governs a word in the parse: the document's timexes by token, a word's own
modifier, the clause it depends on, dates hung on its object, a conjoined verb or a "when" clause, and the
comparison baselines ("since 1992", "from last year's $12 billion", "compared with ... last year") that date no
event.
The evidence order these findings feed is described in ``timeline.events.timing``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from timeline.events.taxonomy import EventTaxonomy
from timeline.events.timing import CALENDAR_TYPES
from timeline.function_words import word_map, word_set
from timeline.temporal.timex import Timex

_WALK_DEPS_VERB = frozenset({"npadvmod", "advmod", "prep", "tmod", "obl", "nmod", "pobj", "pcomp", "agent",
                             "dep", "nummod"})
_WALK_DEPS_NOUN = frozenset({"npadvmod", "advmod", "prep", "tmod", "obl", "nmod", "pobj", "compound", "amod",
                             "poss", "nummod", "appos", "quantmod", "case"})
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acomp"})
_NOUN_CLIMB_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "appos", "conj"})


class TimexIndex:
    """The tagger's timexes of one document, addressable by token."""

    def __init__(self, doc: Doc, timexes: Sequence[Timex]) -> None:
        self.timexes = list(timexes)
        self._by_token: dict[int, int] = {}
        starts = sorted((tx.start, tx.end, n) for n, tx in enumerate(self.timexes))
        for token in doc:
            t0, t1 = token.idx, token.idx + len(token.text)
            for start, end, n in starts:
                if start >= t1:
                    break
                if end > t0 and token.i not in self._by_token:
                    self._by_token[token.i] = n

    def at(self, token: Token) -> Timex | None:
        """The timex covering a token, if any."""
        n = self._by_token.get(token.i)
        return self.timexes[n] if n is not None else None

    def index_at(self, token: Token) -> int | None:
        """Index (in the tagger's list) of the timex covering a token."""
        return self._by_token.get(token.i)

    def covered(self) -> frozenset[int]:
        """Indices of the tokens inside a time expression."""
        return frozenset(self._by_token)


def _baseline_since(child: Token) -> bool:
    """A "since" phrase that is a comparison's baseline, not the event's time: "for the first time since
    1992", "the highest level since 2008", "was the deadliest quake since 1956".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They won for the first time since 1992.")
    >>> _baseline_since(doc[6])
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
    return any(c.dep_ in ("attr", "acomp", "dobj", "prep", "npadvmod") and c != child and any(
        m.tag_ in ("JJS", "RBS") or m.lower_ in ("first", "only") for m in c.subtree) for c in head.children)


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
    """
    if child.dep_ != "prep" or child.lower_ not in word_set("baseline_preps") or child.head.pos_ != "VERB":
        return False
    if not any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in child.children):
        return False
    head = child.head
    if any(c.dep_ == "prep" and c.lower_ in ("to", "through", "until", "till") for c in head.children):
        return False
    return EventTaxonomy.load().verb_type(head.lemma_.lower()) == "result" or any(
        c.lower_ in EventTaxonomy.load().direction_words for c in head.children)


def _comparison(child: Token) -> bool:
    """A comparison's phrase ("compared with $3.1 billion", "amid comparison with the prior year", "versus
    a year ago"): its time is the baseline's."""
    return child.lower_ in word_set("comparison_words") or child.lemma_.lower() in word_set("comparison_words")


def _baseline(child: Token) -> bool:
    """A modifier that names a comparison's baseline, whose time dates no event."""
    return _baseline_since(child) or _baseline_amount(child) or _baseline_time(child) or _comparison(child)


def _after_baseline(child: Token, baselines: Sequence[Token]) -> bool:
    """A time written right after a baseline phrase, parsed as the verb's own: "totaled $2.97 billion,
    compared with $3.12 billion, last year", "rose to $8.08 from $6.76 during the first quarter of 2010" (only
    punctuation between the phrase and the time; not "from $3.5 billion to $10 billion next year")."""
    doc = child.doc
    return any(b.right_edge.i < child.left_edge.i and all(doc[k].is_punct for k in range(b.right_edge.i + 1,
                                                                                           child.left_edge.i))
               for b in baselines)


def _cutoff(found: tuple[Timex, str, Token] | None) -> bool:
    """A time found through "as of" (the cut-off of a state: "shares outstanding as of Dec. 31").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The value of the deal is based on 115 million shares as of Dec. 31.")
    >>> tx = Timex("Dec. 31", 59, 66, "DATE", "2014-12-31")
    >>> _cutoff(own_timex(doc[6], TimexIndex(doc, [tx])))
    True
    """
    if found is None:
        return False
    of = found[2].head
    return of.lower_ == "of" and of.dep_ == "prep" and of.head.lower_ in word_set("cutoff_preps")


def _time_phrase(child: Token, index: TimexIndex) -> bool:
    """A time word, or a preposition whose object is one ("last year", "during the first quarter of 2010")."""
    return index.at(child) is not None or child.dep_ == "prep" and any(
        p.dep_ == "pobj" and index.at(p) is not None for p in child.children)


def _walk(token: Token, index: TimexIndex, noun: bool, depth: int = 0,
          prep: str = "") -> tuple[Timex, str, Token] | None:
    """Breadth-first search of a word's non-clausal modifiers for a timex (with the preposition on the way)."""
    allowed = _WALK_DEPS_NOUN if noun else _WALK_DEPS_VERB
    candidates = [c for c in token.children if c.dep_ in allowed]
    baselines = [c for c in candidates if _baseline(c)]
    children = [c for c in candidates if c not in baselines
                and not (_time_phrase(c, index) and _after_baseline(c, baselines))]
    for child in children:
        timex = index.at(child)
        if timex is not None and timex.type in CALENDAR_TYPES:  # "the two-week period from August 27": look on
            return timex, prep or (child.lower_ if child.dep_ == "prep" else ""), child
    if depth >= 3:
        return None
    for child in children:
        next_prep = child.lower_ if child.dep_ == "prep" else prep
        found = _walk(child, index, True, depth + 1, next_prep)
        if found is not None:
            return found
    return None


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
    if found is None and not noun:
        found = _message_date(token, index)
    return found


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
    >>> doc = load_nlp()("He condemned on Tuesday the bombings.")
    >>> governing_timex(doc[5], TimexIndex(doc, [Timex("Tuesday", 16, 23, "DATE", "2025-12-09")]), frozenset({"condemn"}))
    """
    found = own_timex(token, index) or _trailing_date(token, index)
    if found is not None:
        return found, True
    found = _object_date(token, index, retrospective, event_noun)
    if found is not None:
        return found, True
    found = _conjunct_date(token, index) or _when_relative(token, index) or _dated_antecedent(token, index)
    if found is not None:
        return found, False
    if same_time and token.pos_ in ("VERB", "AUX"):
        for clause in token.children:
            if clause.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in same_time and c.i < clause.i
                                              for c in clause.children):
                found = own_timex(clause, index)
                if found is not None:
                    return found, False
    if token.pos_ in ("VERB", "AUX"):
        for subject in token.children:  # "the landslide on Sunday claimed 40 lives"
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ == "NOUN" and subject.i < token.i:
                found = own_timex(subject, index)
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
            if _cutoff(found):
                return None  # "the value of the deal is based on shares as of Dec. 31": the state's, not the deal's
            if found is not None:
                return found, False
            continue
        if (is_noun and current.dep_ in _NOUN_CLIMB_DEPS) or (not is_noun and current.dep_ in _CLIMB_DEPS):
            if current.head == current or (is_noun and current.dep_ in ("dobj", "nsubjpass")
                                           and current.head.lemma_.lower() in retrospective):
                return None
            current = current.head
            found = own_timex(current, index) or _when_relative(current, index)
            if _cutoff(found):
                return None
            if found is not None:
                return found, False
        else:
            return None
    return None


def _object_date(verb: Token, index: TimexIndex, retrospective: frozenset[str],
                 event_noun: Callable[[str], bool] | None) -> tuple[Timex, str, Token] | None:
    """A date the parse hung on the verb's plain object: "conceded defeat on Sunday" dates "conceded".  Not when
    the object is an event noun (``event_noun`` of its lemma: it may have its own time) nor for a
    ``retrospective`` verb ("condemned the attack on Sunday").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Bawumia conceded defeat on Sunday in the election.")
    >>> tx = Timex("Sunday", 27, 33, "DATE", "2024-12-08")
    >>> doc[3].head.text, _object_date(doc[1], TimexIndex(doc, [tx]), frozenset(), None)[0].text
    ('defeat', 'Sunday')
    >>> _object_date(doc[1], TimexIndex(doc, [tx]), frozenset(), lambda lemma: lemma == "defeat") is None
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


def _conjunct_date(token: Token, index: TimexIndex, depth: int = 0) -> tuple[Timex, str, Token] | None:
    """The trailing date of a later conjoined past verb that shares the subject: "launched from the coast and
    soared toward the stars late Tuesday night", "was arrested and charged on Tuesday".  Not across "but"/"or"
    (only ``shared_date_conjunctions``), not when the later verb has its own subject or a sequence adverb
    ("and then released him on Friday"), and only a date after that verb.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He was arrested and charged on Tuesday.")
    >>> tx = Timex("Tuesday", 31, 38, "DATE", "2024-12-10")
    >>> _conjunct_date(doc[2], TimexIndex(doc, [tx]))[0].text
    'Tuesday'
    >>> doc = load_nlp()("Police arrested him and then released him on Friday.")
    >>> _conjunct_date(doc[1], TimexIndex(doc, [Timex("Friday", 44, 50, "DATE", "2024-12-06")])) is None
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
        if any(t.pos_ not in ("ADV", "AUX", "PART") for t in token.doc[between[-1].i + 1:conj.i]):
            continue  # "in Charles City and Howard-Brown barricaded himself": a subject the parse missed
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") or c.lower_ in word_set("sequence_adverbs")
               for c in conj.children):
            continue
        found = own_timex(conj, index) or _trailing_date(conj, index)
        if found is not None and found[2].i > conj.i and found[1] not in word_map("prep_modifiers"):
            return found
        if found is None:
            found = _conjunct_date(conj, index, depth + 1)  # "was arrested, charged and jailed on Tuesday"
            if found is not None:
                return found
    return None


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


def _trailing_date(token: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """A bare date ending the verb's clause that the parse hung on the object: "killed a family of seven
    Tuesday - six were children", "announced its support of the deal Saturday".  No other verb, comma or
    dash may stand between the verb and the date, nor a preposition right before it ("the vote of Tuesday"),
    and the clause must end right after it (not "said the attack Tuesday killed five").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("An airstrike killed a family of seven Tuesday - six of the victims were children.")
    >>> _trailing_date(doc[2], TimexIndex(doc, [Timex("Tuesday", 38, 45, "DATE", "2019-07-09")]))[0].text
    'Tuesday'
    >>> doc = load_nlp()("He praised the deal reached Tuesday.")
    >>> _trailing_date(doc[1], TimexIndex(doc, [Timex("Tuesday", 28, 35, "DATE", "2019-07-09")])) is None
    True
    """
    if token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return None
    sentence = token.sent
    for t in sentence[token.i + 1 - sentence.start:]:
        timex = index.at(t)
        if timex is not None:
            if timex.type not in CALENDAR_TYPES or t.nbor(-1).pos_ == "ADP" or t.head.pos_ in ("VERB", "AUX"):
                return None
            if any(_baseline(a) for a in t.ancestors if a.i > token.i):
                return None  # "fell 7.8% to $13.7 billion from $14.9 billion last year": the baseline's time
            last = t
            while last.i + 1 < sentence.end and index.at(last.nbor(1)) is timex:
                last = last.nbor(1)
            after = last.nbor(1) if last.i + 1 < sentence.end else None
            if after is not None and after.text in ("'s", "’s"):
                return None
            if after is None or after.is_punct or after.pos_ in ("CCONJ", "SCONJ") or after.lower_ == "as":
                return timex, "", t
            return None
        if t.pos_ in ("VERB", "AUX") or t.is_punct or t.pos_ in ("SCONJ", "CCONJ") or t.tag_ in ("WDT", "WP", "WRB"):
            return None
    return None


def _dated_antecedent(token: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """An active relative clause on a dated noun happens at the noun's time: "Saturday's airstrikes, which hit
    the village", "the 1985 quake that killed thousands" (not a passive: "the election that was challenged").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It was the deadliest since the 1985 quake that killed thousands.")
    >>> _dated_antecedent(doc[9], TimexIndex(doc, [Timex("1985", 31, 35, "DATE", "1985")]))[0].text
    '1985'
    """
    if token.dep_ != "relcl" or token.pos_ not in ("VERB", "AUX") or token.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return None
    found = own_timex(token.head, index)
    return found if found is not None and found[0].type in CALENDAR_TYPES else None


def _when_relative(token: Token, index: TimexIndex) -> tuple[Timex, str, Token] | None:
    """The time a "when" clause hangs on: "on Saturday, when the rains began", "since 1956, when 12 died".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It was the worst since 1956, when 12 died.")
    >>> _when_relative(doc[9], TimexIndex(doc, [Timex("1956", 23, 27, "DATE", "1956")]))[0].text
    '1956'
    """
    if token.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children):
        return None
    timex = index.at(token.head)
    if timex is None or timex.type not in CALENDAR_TYPES:
        return None
    return timex, "", token.head
