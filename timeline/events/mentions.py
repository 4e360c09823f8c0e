"""Event mentions of one parsed document: trigger, participants, own time and links to other events.

A mention's time is first what the parse gives it directly (its own or its clause's timex); what is
relative ("during the ceremony", "Earlier, ...", "120 days since ...", the narrative carrying on) is
kept as a :class:`Link` to another mention and resolved after duplicates are merged (see
``timeline.events.resolve``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from timeline.events.participants import ActorResolver, ParticipantFinder, Participants
from timeline.events.taxonomy import OTHER, EventTaxonomy
from timeline.events.timing import (
    GOVERNING,
    OWN,
    EventTime,
    TimexIndex,
    after,
    before,
    contest_date,
    from_range,
    from_timex,
    governing_timex,
    prep_modifier,
    publication_time,
    shift,
    tense,
)
from timeline.events.triggers import Trigger, find_triggers, is_reporting
from timeline.function_words import word_map, word_set
from timeline.temporal.match import UNDATABLE
from timeline.temporal.timex import TimeRange, Timex

#: How many previous sentences the narrative time may be carried over from.
CARRY_SENTENCES = 2
#: Event types of things said: made on the news day, they take no period from a continuing sentence.
STATEMENT_TYPES = frozenset({"statement", "report"})


@dataclass(frozen=True)
class Link:
    """A time relation to another mention: ``same``, ``before``, ``after``, ``carry``, ``shift`` or ``prior``.

    ``prior`` is ``before`` for an event named as the object of a statement ("condemned the bombings") or
    reported in its past perfect ("said nine soldiers had been killed"), which unlike ``before`` may still merge
    with another mention of the same event.

    ``duration`` (TIMEX3 ``P120D``) and ``sign`` apply to ``shift``.
    """

    target: int
    relation: str
    duration: str = ""
    sign: int = -1
    text: str = ""


@dataclass
class Mention:
    """One event mention with what the parse says about it."""

    number: int
    trigger: Trigger
    sentence: Span
    sentence_index: int
    participants: Participants
    time: EventTime
    fallback: EventTime
    links: list[Link] = field(default_factory=list)
    hidden: bool = False  # reporting verbs: narrative anchors only, never rows

    @property
    def token(self) -> Token:
        """The trigger token."""
        return self.trigger.token


def _anchor_links(token: Token, by_token: dict[int, int], index: TimexIndex | None = None) -> list[Link]:
    """"During the ceremony" / "after the launch" / "a day after the launch": links to the event noun's mention."""
    links = []
    for child in token.children:
        relation = word_map("anchor_preps").get(child.lower_) if child.dep_ == "prep" else None
        if relation is None:
            continue
        duration = None
        if index is not None and relation in ("after", "before"):
            near = [t for c in child.children if c.dep_ in ("npadvmod", "advmod") for t in c.subtree]
            near += [t for c in token.children if c.dep_ == "npadvmod" for t in c.subtree]
            duration = next((index.at(t) for t in near if index.at(t) is not None
                             and index.at(t).type == "DURATION"), None)  # type: ignore[union-attr]
        for pobj in child.children:
            if pobj.dep_ == "pobj" and pobj.i in by_token:
                if duration is not None:
                    sign = 1 if relation == "after" else -1
                    links.append(Link(by_token[pobj.i], "shift", duration.value, sign,
                                      f"{duration.text} {child.text} {pobj.text}"))
                else:
                    links.append(Link(by_token[pobj.i], relation, text=f"{child.text} {pobj.text}"))
    return links


def _marker(token: Token, taxonomy: EventTaxonomy) -> str:
    """``before``/``after`` when a narrative adverb places the event ("Earlier, the North deployed")."""
    for child in token.children:
        if child.i > token.i and child.dep_ == "advmod" and child.lower_ in taxonomy.narrative_background \
                and child.lower_ in taxonomy.narrative_before and not any(child.children):
            return "before"  # "officials reported earlier" (not "earlier than", "earlier this month")
        if child.i > token.i:
            continue  # "Earlier, the North deployed": the adverb leads; "never experienced before" is no link
        if child.dep_ in ("advmod", "npadvmod") and child.lower_ in taxonomy.narrative_before:
            return "before"
        if child.dep_ in ("advmod", "npadvmod") and child.lower_ in taxonomy.narrative_after:
            return "after"
    return ""


def _background(token: Token, taxonomy: EventTaxonomy) -> bool:
    """An event of the story's past: an event noun, or the subject of a verb, named with an adjective such as
    "earlier" ("followed an earlier attack", "The earlier conviction was overturned on appeal").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The earlier conviction was overturned on appeal.")
    >>> _background(doc[4], EventTaxonomy.load()), _background(doc[2], EventTaxonomy.load())
    (True, True)
    >>> doc = load_nlp()("The former governor was convicted.")
    >>> _background(doc[4], EventTaxonomy.load())
    False
    """
    nouns = [token] if token.pos_ in ("NOUN", "PROPN") else [
        c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    return any(c.dep_ == "amod" and c.lower_ in taxonomy.narrative_background for noun in nouns
               for c in noun.children)


def _reported_state(token: Token) -> bool:
    """A main-clause state in the present or a simple past ("Apple executives are in negotiations")."""
    return token.dep_ in ("ROOT", "ccomp", "conj") and tense(token) in ("present", "past") and any(
        child.dep_ in ("nsubj", "nsubjpass", "expl") for child in token.children)


def _is_past_or_present(trigger: Trigger) -> bool:
    head = trigger.clause_word
    if trigger.kind == "noun" and trigger.light is None and trigger.token.dep_ == "pobj" and any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in trigger.token.children):
        return False  # "silent about its deployment", "details of the deployment": an event known before, not news
    if trigger.kind == "noun" and trigger.light is None:
        head = trigger.token.head if trigger.token.dep_ in ("dobj", "nsubj", "nsubjpass") or _named_event(
            trigger.token) else trigger.token
    return tense(head) in ("past", "present")


def _named_event(token: Token) -> bool:
    """An event noun a subject is said to be ("It was the worst storm since 1990"), not a counted absence
    ("there were no fatalities")."""
    return token.dep_ == "attr" and any(c.dep_ == "nsubj" for c in token.head.children) and not any(
        c.lower_ == "no" for c in token.children)


class MentionBuilder:
    """Builds the mentions of one document, sentence by sentence."""

    def __init__(self, doc: Doc, timexes: Sequence[Timex], dct: dt.date | None,
                 resolver: ActorResolver | None, taxonomy: EventTaxonomy, ranges: Sequence[TimeRange] = ()) -> None:
        self.doc = doc
        self.text = doc.text
        self.index = TimexIndex(doc, timexes)
        self.ranges: dict[int, TimeRange] = {}
        for interval in ranges:
            self.ranges[interval.first] = interval
            self.ranges[interval.last] = interval
        self.dct = dct
        self.taxonomy = taxonomy
        self.finder = ParticipantFinder(resolver, self.index.covered())

    def _in_a_while(self, token: Token) -> EventTime | None:
        """A future verb "in" a duration is about that long after publication ("will be announced in two weeks")."""
        headline_infinitive = token.sent.start == 0 and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if self.dct is None or token.pos_ not in ("VERB", "AUX") or not (tense(token) == "future" or headline_infinitive):
            return None  # (a headline's "to be announced" is its future tense)
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for pobj in prep.children:
                    timex = self.index.at(pobj) if pobj.dep_ == "pobj" else None
                    if timex is not None and timex.type == "DURATION":
                        ahead = shift(publication_time(self.dct), timex.value, +1, timex.text)
                        return replace(ahead, modifier="APPROX") if ahead is not None else None
        return None

    def _text_time(self, token: Token) -> tuple[EventTime | None, str]:
        """Time from the parse and a narrative marker from a non-calendar timex (PAST_REF -> before)."""
        found = governing_timex(token, self.index, self.taxonomy.retrospective | self.taxonomy.reporting_verbs,
                                self.taxonomy.relation_when, lambda lemma: self.taxonomy.noun_type(lemma) is not None)
        if found is None and token.lemma_.lower() in self.taxonomy.outcome_verbs:
            contest = contest_date(token, self.index)  # "won Saturday's runoff vote"
            found = (contest, False) if contest is not None else None
        if found is None:
            return self._in_a_while(token), ""
        (timex, prep, timex_token), own = found
        strength = OWN if own else GOVERNING
        interval = self._range_of(timex_token) or self._range_near(timex_token, token)
        if interval is not None:
            time = from_range(self.index.timexes[interval.first], self.index.timexes[interval.last],
                              self.text[interval.start:interval.end], strength)
            if time is not None:
                return time, ""
        time = from_timex(timex, self.dct, strength, prep_modifier(prep))
        first_day = None if time is None else time.start or time.end  # "grew by Sunday": no start, an end
        if first_day is not None and self.dct is not None and first_day > self.dct \
                and timex.relative and token.tag_ in ("VBD", "VBN") and simple_past(token):
            return None, ""  # "rain began", "had expanded by early Sunday" cannot be after the publication day
            # (a date the text writes out, "on 3 March 2025", is kept even after an absurd publication date)
        if time is not None:
            return time, ""
        if timex.value == "PAST_REF":  # "More recently, the Ranch fire blazed": later than what was just told
            comparative = any(t.tag_ in ("RBR", "RBS") for t in token.doc[timex_token.left_edge.i:timex_token.i])
            return None, "after" if comparative else "before"
        if timex.value == "FUTURE_REF":
            return None, "after"
        if timex.value == "PRESENT_REF":
            return publication_time(self.dct, timex.text), ""
        if timex.value == UNDATABLE:  # "on February 30": the event's date is stated, and is no day we know
            return EventTime(text=timex.text, undatable=True), ""
        if timex.type in ("DATE", "TIME"):
            return EventTime(text=timex.text), ""  # named but not resolvable (no DCT): keep the words
        return None, ""

    def build(self) -> list[Mention]:
        """All mentions of the document in text order (reporting verbs included as hidden anchors)."""
        mentions: list[Mention] = []
        previous_anchor: int | None = None
        anchors: list[int] = []  # sentence anchors, most recent last
        carried_heading: tuple[EventTime, Token] | None = None
        for sentence_index, sentence in enumerate(self.doc.sents):
            triggers = find_triggers(sentence, self.taxonomy)
            heading = self._heading_time(sentence) or carried_heading
            carried_heading = None
            if heading is not None and heading[1].i >= sentence.end - 1 - sum(1 for t in sentence if t.is_space):
                carried_heading = heading  # "Jan. 2 through Jan. 4, 2019:" alone: it heads the next sentence
            if heading is not None:
                triggers = self._with_fragment_trigger(sentence, triggers, heading[1])
            reporting = [Trigger(t, "statement", "verb", False) for t in sentence if is_reporting(t, self.taxonomy)]
            reporting_set = set(reporting)  # a set: a long sentence has many
            all_triggers = sorted(triggers + reporting, key=lambda t: t.token.i)
            first = len(mentions)
            by_token: dict[int, int] = {}
            background: set[int] = set()
            for trigger in all_triggers:
                number = len(mentions)
                time, marker = self._text_time(trigger.token)
                if trigger.light is not None and (time is None or time.strength < OWN):
                    light_time, light_marker = self._text_time(trigger.light)  # "an event to be held on October 12"
                    if light_time is not None and (time is None or light_time.strength > time.strength):
                        time, marker = light_time, light_marker
                if (time is None or not (time.dated or time.undatable)) and heading is not None \
                        and trigger.token.i > heading[1].i:
                    time = heading[0]
                fallback = publication_time(self.dct) if _is_past_or_present(trigger) else EventTime()
                participants = self.finder.find(trigger) if trigger.needs_actor else None
                if participants is not None and not participants.actors:
                    trigger = replace(trigger, state=True, habitual=False, needs_actor=False)  # no one acts: a state
                if trigger.state and (time is None or time.strength < OWN) and not _reported_state(trigger.token):
                    continue
                if participants is None:
                    participants = self.finder.find(trigger)
                mention = Mention(number, trigger, sentence, sentence_index, participants,
                                  time or EventTime(), fallback, hidden=trigger in reporting_set)
                by_token[trigger.token.i] = number
                marker = marker or _marker(trigger.token, self.taxonomy)
                if not mention.time.dated and _background(trigger.token, self.taxonomy):
                    background.add(number)  # "the earlier conviction": the story's past, of no known distance
                    mention.fallback = before(fallback) or fallback if fallback.dated else fallback
                    marker = ""
                if marker and previous_anchor is not None:
                    target = self._same_type_before(mentions, trigger.event_type, sentence_index) or previous_anchor
                    mention.links.append(Link(target, marker))
                mentions.append(mention)
            for mention in mentions[first:]:
                prior = self._retrospective_head(mention, by_token)
                if prior is not None:
                    self._second_date_to_object(mentions[prior], mention)
                if prior is not None and not mention.time.dated:
                    mention.links.append(Link(prior, "prior"))
                mention.links[:0] = _anchor_links(mention.token, by_token, self.index)
                if mention.trigger.light is not None:
                    mention.links[:0] = _anchor_links(mention.trigger.light, by_token, self.index)
            self._statements_as_news(mentions[first:])
            self._perfect_hands_past_date_to_noun(mentions[first:])
            self._since_relations(sentence, mentions, by_token, previous_anchor)
            self._after_relations(sentence, mentions, by_token, previous_anchor)
            self._clause_relations(sentence, mentions, by_token)
            caused = self._cause_relations(mentions, first, by_token)
            self._carry([m for m in mentions[first:] if m.number not in background],
                        anchors[len(anchors) - CARRY_SENTENCES:][::-1], self._continued_from(sentence, mentions, anchors))
            anchor = self._sentence_anchor(mentions[first:], sentence)
            if anchor is not None and (past_perfect(mentions[anchor].token) and not _reported(mentions[anchor].token)
                                       or anchor in background):
                anchor = None  # a flashback ("He had lost two finals", "the earlier conviction was overturned")
                # does not move the narrative's time
            if anchor is not None and anchor not in caused:  # a consequence does not move the narrative on
                previous_anchor = anchor
                anchors.append(anchor)
        return mentions

    def _perfect_hands_past_date_to_noun(self, sentence_mentions: list[Mention]) -> None:
        """"Has been arrested in connection with the bombings ... last year": a present perfect takes no
        finished past date, so the date belongs to the event noun between the verb and the date."""
        if self.dct is None:
            return
        for mention in sentence_mentions:
            time = mention.time
            if (mention.trigger.kind != "verb" or time.source != "text" or time.end is None or time.modifier
                    or time.end >= self.dct or not _present_perfect(mention.token)):
                continue
            found = governing_timex(mention.token, self.index)
            if found is None or not found[1] or found[0][1]:
                continue  # only a bare adverbial ("last year"), not "during the last quarter"
            timex_token = found[0][2]
            nouns = [m for m in sentence_mentions if m.trigger.kind == "noun" and not m.time.dated
                     and mention.token.i < m.token.i < timex_token.i and m.token.head.i < timex_token.i]
            if nouns:
                nouns[-1].time = replace(time, strength=OWN)
                mention.time = EventTime()

    def _second_date_to_object(self, statement: Mention, event: Mention) -> None:
        """"Saturday condemned the attacks Friday": of two dates on a statement verb, the one after its
        event-noun object dates the object."""
        verb = statement.token
        dates: list[tuple[Token, Timex]] = []
        for child in verb.children:
            timex = self.index.at(child) if child.dep_ == "npadvmod" else None
            if timex is not None and timex.type in ("DATE", "TIME"):
                dates.append((child, timex))
        if len(dates) < 2 or not any(child.i < event.token.i for child, _ in dates):
            return
        later = [timex for child, timex in dates if child.i > event.token.i]
        time = from_timex(later[0], self.dct, OWN) if later else None
        if time is not None:
            event.time = time

    def _retrospective_head(self, mention: Mention, by_token: dict[int, int]) -> int | None:
        """The statement an undated event noun is the object of ("condemned the bombings"): it happened before."""
        if mention.trigger.kind != "noun" or mention.trigger.light is not None or mention.time.dated:
            return None
        token = mention.token
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "of":
            head = head.head
        elif token.dep_ not in ("dobj", "nsubjpass"):
            return None
        words = self.taxonomy.retrospective | self.taxonomy.reporting_verbs
        if head.lemma_.lower() not in words or head.i not in by_token or by_token[head.i] == mention.number:
            return None
        return by_token[head.i]

    def _range_near(self, timex_token: Token, trigger: Token) -> TimeRange | None:
        """A range in the same modifier phrase ("On Saturday and Sunday, Sept. 7 and 8")."""
        top = timex_token
        while top.head is not top and top.head != trigger and top.head.i != top.i:
            if top.head.pos_ in ("VERB", "AUX"):
                break
            top = top.head
        for token in top.subtree:
            interval = self._range_of(token)
            if interval is not None:
                return interval
        return None

    def _range_of(self, timex_token: Token) -> TimeRange | None:
        """The interval expression a timex token belongs to, if any."""
        number = self.index.index_at(timex_token)
        return self.ranges.get(number) if number is not None else None

    def _heading_time(self, sentence: Span) -> tuple[EventTime, Token] | None:
        """A schedule line's leading date ("Monday, Dec. 31: Final approach ..."): its time and the colon."""
        first_timex: Token | None = None
        seen_timex: Token | None = None
        connected = False
        for token in sentence:
            if token.is_space or token.is_punct and token.text not in (":", "–", "—"):
                continue
            if token.text in (":", "–", "—"):
                if seen_timex is None or first_timex is None:
                    return None
                time, _ = self._text_time_of(seen_timex)
                first, last = self.index.at(first_timex), self.index.at(seen_timex)
                if connected and first is not None and last is not None and first is not last:
                    ranged = from_range(first, last, self.text[first.start:last.end], GOVERNING)
                    time = ranged or time
                return (time, token) if time is not None and time.dated else None
            if self.index.at(token) is None:
                if token.lower_ in word_set("range_words") and seen_timex is not None:
                    connected = True
                    continue
                return None
            first_timex = first_timex or token
            seen_timex = token
        return None

    def _text_time_of(self, timex_token: Token) -> tuple[EventTime | None, str]:
        timex = self.index.at(timex_token)
        if timex is None:
            return None, ""
        interval = self._range_of(timex_token)
        if interval is not None:
            ranged = from_range(self.index.timexes[interval.first], self.index.timexes[interval.last],
                                self.text[interval.start:interval.end], GOVERNING)
            if ranged is not None:
                return ranged, ""
        return from_timex(timex, self.dct, GOVERNING), ""

    def _with_fragment_trigger(self, sentence: Span, triggers: list[Trigger], colon: Token) -> list[Trigger]:
        """A verbless schedule item ("Dec. 31: Final approach to Ultima Thule") is an event named by its noun."""
        if any(t.token.i > colon.i for t in triggers):
            return triggers
        for token in sentence:
            if token.i > colon.i and token.pos_ == "NOUN" and token.dep_ != "compound" and token.text.isalpha():
                event_type = self.taxonomy.noun_type(token.lemma_)
                return triggers + [Trigger(token, event_type or OTHER, "noun", event_type is not None)]
        return triggers

    @staticmethod
    def _statements_as_news(sentence_mentions: list[Mention]) -> None:
        """A reporting verb is a row when its named speaker takes part in no other event of the sentence.

        It is shown by default (confidence >= 0.3) only when the text dates it and it says something
        that is no event of its own ("New Zealand said Friday the U.S. had the right to ..."), not when
        it reports another event ("Intel said a customer discovered two flaws").
        """
        for mention in sentence_mentions:
            speaker = mention.participants.agent
            attribution = mention.token.dep_ == "prep"  # "according to X": X stays findable, in a low row
            if not mention.hidden or not speaker \
                    or mention.token.dep_ not in ("ROOT", "ccomp", "conj", "parataxis", "prep"):
                continue
            if any(speaker in m.participants.actors for m in sentence_mentions if not m.hidden):
                continue
            mention.hidden = False
            reports_event = any(not m.hidden and not m.trigger.state and m is not mention for m in sentence_mentions)
            if attribution or reports_event or not (mention.time.dated and mention.time.strength >= GOVERNING):
                mention.trigger = replace(mention.trigger, habitual=True)

    @staticmethod
    def _same_type_before(mentions: list[Mention], event_type: str, sentence_index: int) -> int | None:
        for mention in reversed(mentions):
            if sentence_index - mention.sentence_index > 3:
                return None
            if mention.trigger.event_type == event_type and not mention.hidden:
                return mention.number
        return None

    def _since_relations(self, sentence: Span, mentions: list[Mention], by_token: dict[int, int],
                         previous_anchor: int | None) -> None:
        """"N days have passed since X" dates X: the time of speaking minus N."""
        for token in sentence:
            if token.lower_ not in self.taxonomy.relation_since or token.dep_ not in ("prep", "mark"):
                continue
            if token.dep_ == "prep":  # "since the dispatch": the event noun is its object
                targets = [by_token[t.i] for t in token.subtree if t.i in by_token and t.i != token.i]
                relation_head = token.head
            else:  # "since the army launched ...": the event is the clause it introduces
                targets = [by_token[token.head.i]] if token.head.i in by_token else []
                relation_head = token.head.head
            duration = self._duration_near(relation_head, token)
            if duration is None or not targets:
                continue
            reference = self._reference(relation_head, by_token, previous_anchor)
            if reference is None or reference == targets[0]:
                continue
            mentions[targets[0]].links.insert(0, Link(reference, "shift", duration.value, -1, duration.text))

    def _after_relations(self, sentence: Span, mentions: list[Mention], by_token: dict[int, int],
                         previous_anchor: int | None) -> None:
        """"an aftershock about an hour after" / "two days later": the event is the reference plus N."""
        words = self.taxonomy.relation_after | self.taxonomy.narrative_after | self.taxonomy.relation_before
        for token in sentence:
            if token.lower_ not in words or token.dep_ not in ("advmod", "prep") or token.head.i not in by_token:
                continue
            if any(c.dep_ == "pobj" for c in token.children):
                continue  # "after the launch" is an anchor to the launch (see _anchor_links)
            duration = next((self.index.at(t) for t in token.subtree if self.index.at(t) is not None
                             and self.index.at(t).type == "DURATION"), None)  # type: ignore[union-attr]
            if duration is None:
                continue
            target = by_token[token.head.i]
            reference = self._reference(token.head.head, by_token, previous_anchor) \
                if token.head.head is not token.head else previous_anchor
            if reference is None or reference == target:
                continue
            sign = -1 if token.lower_ in self.taxonomy.relation_before else 1
            mentions[target].links.insert(0, Link(reference, "shift", duration.value, sign, duration.text))

    def _clause_relations(self, sentence: Span, mentions: list[Mention], by_token: dict[int, int]) -> None:
        """"Sworn in three weeks after he won the election" / "a day after the company said ... and announced":
        the event of an after-clause is the main event minus N, of a before-clause plus N."""
        words = self.taxonomy.relation_after | self.taxonomy.relation_before
        for token in sentence:
            clause = token.head
            if token.lower_ not in words or token.dep_ != "mark" or clause.dep_ != "advcl" or clause.i not in by_token:
                continue
            main = clause.head
            if main.i not in by_token or by_token[main.i] == by_token[clause.i]:
                continue
            near = [t for c in clause.children if c.dep_ == "npadvmod" and c.i < token.i for t in c.subtree]
            near += [t for c in token.children if c.dep_ == "npadvmod" for t in c.subtree]
            timexes = [self.index.at(t) for t in near]
            duration = next((t for t in timexes if t is not None and t.type == "DURATION"), None)
            if duration is None:
                continue
            sign = -1 if token.lower_ in self.taxonomy.relation_after else 1
            target = by_token[clause.i]
            if mentions[target].time.strength < OWN:
                mentions[target].time = EventTime()  # the main clause's day is not the after-clause's
            mentions[target].links.insert(0, Link(by_token[main.i], "shift", duration.value, sign,
                                                  f"{duration.text} {token.text}"))
            for conj in clause.children:  # "... said X and announced Y": the same time
                if conj.dep_ == "conj" and conj.i in by_token and mentions[by_token[conj.i]].time.strength < OWN:
                    mentions[by_token[conj.i]].time = EventTime()
                    mentions[by_token[conj.i]].links.insert(0, Link(target, "same", text=conj.text))

    def _cause_relations(self, mentions: list[Mention], first: int, by_token: dict[int, int]) -> set[int]:
        """"Were without power because of Dorian": an undated event caused by an event, or by the actor of
        a dated event of the last sentences, happened then (not on the publication day).  Returns the
        numbers of the mentions so linked."""
        linked: set[int] = set()
        for mention in mentions[first:]:
            if mention.time.dated or mention.trigger.kind != "verb" or not _is_past_or_present(mention.trigger):
                continue
            causes = [pobj for child in mention.token.children
                      if child.dep_ in ("prep", "advmod", "amod", "acomp") and child.lower_ in self.taxonomy.relation_because
                      for pobj in child.subtree if pobj.dep_ == "pobj"]
            for cause in causes[:1]:
                if cause.i in by_token and by_token[cause.i] != mention.number:
                    mention.links.insert(0, Link(by_token[cause.i], "same", text=cause.text))
                    linked.add(mention.number)
                    break
                name = self.finder.actor_name(cause)
                sentence_index = mention.sentence_index
                for earlier in reversed(mentions[:first]):
                    if sentence_index - earlier.sentence_index > CARRY_SENTENCES:
                        break
                    if name and not earlier.hidden and name in earlier.participants.actors[:1] \
                            and earlier.time.dated and earlier.time.source == "text":
                        mention.links.insert(0, Link(earlier.number, "same", text=cause.text))
                        linked.add(mention.number)
                        break
        return linked

    @staticmethod
    def _reference(head: Token, by_token: dict[int, int], previous_anchor: int | None) -> int | None:
        """The mention whose time a relation counts from: the clause's own event, else the one it reports."""
        current = head
        for _ in range(6):
            if current.i in by_token:
                return by_token[current.i]
            if current.head is current:
                break
            current = current.head
        return previous_anchor

    def _duration_near(self, head: Token, relation: Token) -> Timex | None:
        """A DURATION timex on the relation's head ("120 days have passed since", "two days after")."""
        candidates = [c for c in head.children if c.dep_ in ("nsubj", "npadvmod", "attr")] + [head]
        candidates += [c for c in relation.children if c.dep_ == "npadvmod"]
        for candidate in candidates:
            for token in candidate.subtree:
                if token.i >= relation.i and candidate is not head:
                    break
                timex = self.index.at(token)
                if timex is not None and timex.type == "DURATION":
                    return timex
        return None

    def _carry(self, sentence_mentions: list[Mention], previous_anchors: list[int], continued: int | None) -> None:
        """Simple-past events without a time of their own follow the narrative (nearest dated anchor first).

        ``continued`` is the anchor of the sentence right before in the same paragraph: a carry link to it is
        marked with the continuation word ("The North also built ...") when the event's verb has one and no
        event of the sentence has a date of its own; such a link may carry a text period (see ``resolve``)."""
        dated_in_sentence: int | None = None
        by_token = {m.token.i: m.number for m in sentence_mentions}
        own_date = any(m.time.dated for m in sentence_mentions)  # a date of its own: the sentence does not continue
        for mention in sentence_mentions:
            if mention.time.dated:
                dated_in_sentence = mention.number if dated_in_sentence is None else dated_in_sentence
                continue
            if mention.trigger.kind != "verb" or mention.token.dep_ == "relcl" or not simple_past(mention.token):
                continue
            if past_perfect(mention.token) and _reported(mention.token):
                reporter = by_token.get(getattr(_reporter(mention.token), "i", -1))
                if reporter is not None:  # "said on Tuesday that nine soldiers had been killed": before the
                    mention.links.append(Link(reporter, "prior"))  # report, not at a later narrative time (prior:
                    continue  # it may still merge with the headline's "kills")
            purpose = [m.number for m in sentence_mentions if m.time.dated and m.token.dep_ == "xcomp"
                       and m.token.head == mention.token and m.token.i > mention.token.i and not any(
                           c.dep_ in ("auxpass", "nsubjpass", "dobj") for c in mention.token.children)
                       and mention.token.lemma_.lower() not in word_set("intent_verbs")]  # not "was ordered to
            # report on Feb. 9", "planned to leave on Friday": what was ordered or planned comes later
            if purpose:  # "Rescuers scrambled to find survivors Wednesday": the same time as what it was done for
                mention.links.append(Link(purpose[0], "same"))
                continue
            targets = ([dated_in_sentence] if dated_in_sentence is not None else []) + previous_anchors
            relation = "before" if past_perfect(mention.token) and not _reported(mention.token) else "carry"
            word = self._continuation(mention.token) if relation == "carry" and not own_date and not self._speech(
                mention) else ""
            mention.links += [Link(target, relation, text=word if target == continued else "")
                              for target in targets if target != mention.number]

    def _speech(self, mention: Mention) -> bool:
        """Whether ``mention`` is something said ("Both companies also said ..."): statements in news are made on
        the news day, so a continuation word does not carry the previous sentence's period onto them."""
        return mention.trigger.event_type in STATEMENT_TYPES or mention.trigger.lemma in self.taxonomy.reporting_verbs

    def _continued_from(self, sentence: Span, mentions: list[Mention], anchors: list[int]) -> int | None:
        """The anchor of the sentence right before ``sentence`` when no line break (paragraph) comes between."""
        if not anchors:
            return None
        previous = mentions[anchors[-1]].sentence
        if previous.end != sentence.start:
            return None  # the anchor is older than the sentence right before
        words_end = max((t.idx + len(t.text) for t in previous if not t.is_space), default=previous.start_char)
        if "\n" in self.text[words_end:sentence.start_char]:
            return None  # a new paragraph
        return anchors[-1]

    def _continuation(self, token: Token) -> str:
        """The continuation word of a verb ("also built", "built ... as well", "At the same time, ... seized"), on
        the verb or on the verb it is coordinated with, else "".

        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp()("The army also seized the port and arrested the mayor. It fled as well.")
        >>> builder = MentionBuilder(doc, [], None, None, EventTaxonomy.load())
        >>> builder._continuation(doc[7]), builder._continuation(doc[12]), builder._continuation(doc[1])
        ('also', 'as well', '')
        """
        verbs = {token.i}
        current = token
        while current.dep_ == "conj" and current.head is not current and len(verbs) < 4:
            current = current.head
            verbs.add(current.i)
        sentence = token.sent
        for phrase in self.taxonomy.narrative_continued:
            for start in range(sentence.start, sentence.end - len(phrase) + 1):
                words = self.doc[start:start + len(phrase)]
                if tuple(t.lower_ for t in words) == phrase and any(
                        t.head.i in verbs and not start <= t.head.i < words.end for t in words):
                    return words.text
        return ""

    @staticmethod
    def _sentence_anchor(sentence_mentions: list[Mention], sentence: Span) -> int | None:
        """The mention that carries the sentence's time to the next: its root event, else the first."""
        if not sentence_mentions:
            return None
        for mention in sentence_mentions:
            if mention.token == sentence.root or mention.trigger.light == sentence.root:
                return mention.number
        return sentence_mentions[0].number


def _present_perfect(token: Token) -> bool:
    """True for "has/have (been) done".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A man has been arrested.")
    >>> _present_perfect(doc[4])
    True
    """
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return token.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)


def past_perfect(token: Token) -> bool:
    """True for "had (been) done": an event before the narrative's time.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He had lost two finals and won.")
    >>> past_perfect(doc[2]), past_perfect(doc[6])
    (True, False)
    """
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return token.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes)


def _reported(token: Token) -> bool:
    """True inside a reported clause ("said seven soldiers had been killed"), where a past perfect is
    only the shifted tense of the reported past, not an earlier event."""
    current = token
    for _ in range(4):
        if current.dep_ == "ccomp":
            return True
        if current.dep_ not in ("conj", "advcl") or current.head is current:
            return False
        current = current.head
    return False


def _reporter(token: Token) -> Token | None:
    """The reporting verb whose reported clause a word is in ("said" for "said seven soldiers had been killed").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The army said seven soldiers had been killed.")
    >>> _reporter(doc[7]).text
    'said'
    """
    current = token
    for _ in range(4):
        if current.dep_ == "ccomp":
            return current.head if current.head is not current else None
        if current.dep_ not in ("conj", "advcl") or current.head is current:
            return None
        current = current.head
    return None


def simple_past(token: Token) -> bool:
    """True for a simple-past narrative verb ("sent", "was killed"), not a present perfect ("has sent").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He left and has returned.")
    >>> simple_past(doc[1]), simple_past(doc[4])
    (True, False)
    """
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return False
    if token.tag_ == "VBD":
        return True
    if any(a.tag_ == "VBD" for a in auxes):
        return True
    if token.dep_ in ("conj", "advcl", "xcomp") and token.tag_ in ("VBN", "VBG") and token.head is not token:
        return token.head.pos_ == "VERB" and simple_past(token.head)
    return False


def before_or_after(relation: str, reference: EventTime, text: str = "") -> EventTime | None:
    """Resolve a ``before``/``after`` link against the reference time."""
    return before(reference, text) if relation == "before" else after(reference, text)
