"""Event mentions of one parsed document: trigger, participants, own time and links to other events.

A mention's time is first what the parse gives it directly (its own or its clause's timex); what is
relative ("during the ceremony", "Earlier, ...", "120 days since ...", the narrative carrying on) is
kept as a :class:`Link` to another mention and resolved after duplicates are merged (see
``timeline.events.resolve``).  The records are in ``links``, the relation steps in ``relations``, the
narrative carry and verb-form tests in ``narrative``; this module builds the mentions and their own times.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from timeline.events.date_bounds import date_bound
from timeline.events.governing_time import governing_timex
from timeline.events.lasting_measures import is_measure_word, names_lasting_measure
from timeline.events.lede_event import date_continued, lede_event, moved_on
from timeline.events.links import Link, Mention
from timeline.events.measures import is_measured_move
from timeline.events.narrative import (
    CARRY_SENTENCES,
    NarrativeCarry,
    background_event,
    is_past_or_present,
    narrative_marker,
    past_perfect,
    present_perfect,
    reported,
    reported_state,
    simple_past,
)
from timeline.events.neighbour_dates import contest_date
from timeline.events.news_day import date_market_moves, later_conjoined_day, later_day_named, news_day
from timeline.events.participants import ActorResolver, ParticipantFinder
from timeline.events.relations import TimeRelations, anchor_links
from timeline.events.report_day import report_day
from timeline.events.report_period import date_figures, lede_end, lede_period
from timeline.events.roles import attributed_speakers
from timeline.events.taxonomy import OTHER, EventTaxonomy
from timeline.events.timex_index import TimexIndex
from timeline.events.timing import (
    GOVERNING,
    OWN,
    RELATION,
    EventTime,
    before,
    from_range,
    from_timex,
    publication_time,
    shift,
    up_to_publication,
)
from timeline.events.trigger import Trigger
from timeline.events.triggers import find_triggers, is_reporting
from timeline.events.verb_tense import tense
from timeline.function_words import word_set
from timeline.nlp import doc_text
from timeline.quotes import quoted
from timeline.temporal.match import UNDATABLE
from timeline.temporal.timex import TimeRange, Timex


class MentionBuilder(TimeRelations, NarrativeCarry):
    """Builds the mentions of one document, sentence by sentence."""

    def __init__(self, doc: Doc, timexes: Sequence[Timex], dct: dt.date | None,
                 resolver: ActorResolver | None, taxonomy: EventTaxonomy, ranges: Sequence[TimeRange] = ()) -> None:
        self.doc = doc
        self.text = doc_text(doc)
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

    def _after_clause_day(self, verb: Token, event_tokens: set[int]) -> EventTime | None:
        """The day an "after"/"following" clause of a verb without a time of its own dates by its own words ("was
        stabbed 28 times after being lured to a park on Feb. 11": Feb. 11), as a relation's time: a step of the
        same occasion.  None when the clause's verb is an event of its own (in ``event_tokens``: "made a court
        appearance after being arrested Tuesday" is another occasion), for a longer period ("released after
        being detained in 2019") or a clause with a duration ("two days after being lured ...")."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in self.taxonomy.relation_after or prep.i < verb.i:
                continue
            if any(self.index.at(t) is not None and self.index.at(t).type == "DURATION"  # type: ignore[union-attr]
                   for t in prep.subtree):
                continue
            for clause in prep.children:
                if clause.dep_ != "pcomp" or clause.pos_ != "VERB" or clause.i in event_tokens:
                    continue
                time, _ = self._text_time(clause)
                if time is not None and time.dated and time.strength >= OWN and time.source == "text" \
                        and time.granularity == "day" and not time.modifier:
                    return replace(time, strength=RELATION)
        return None

    def _text_time(self, token: Token) -> tuple[EventTime | None, str]:
        """Time from the parse and a narrative marker from a non-calendar timex (PAST_REF -> before)."""
        found = governing_timex(token, self.index, self.taxonomy.retrospective | self.taxonomy.reporting_verbs,
                                self.taxonomy.relation_when, lambda lemma: self.taxonomy.noun_type(lemma) is not None)
        if found is not None and _quote_of_reporter(token, found[0][2], self.taxonomy.reporting_verbs):
            found = None  # '"Growth was moderate during the first half," the Fed said': the quote's date, not the saying's
        if found is None and token.lemma_.lower() in self.taxonomy.outcome_verbs:
            contest = contest_date(token, self.index)  # "won Saturday's runoff vote"
            found = (contest, False) if contest is not None else None
        if found is None:
            return self._in_a_while(token), ""
        (timex, prep, timex_token), own = found
        if prep.lower() in word_set("lasting_measure_preps") and _lasting_measure(token):
            return None, ""  # "issued red warnings until Saturday": how long the warnings last, not the issuing's time
        strength = OWN if own else GOVERNING
        interval = self._range_of(timex_token) or self._range_near(timex_token, token)
        if interval is not None:
            time = from_range(self.index.timexes[interval.first], self.index.timexes[interval.last],
                              self.text[interval.start:interval.end], strength)
            if time is not None:
                return time, ""
        modifier, exclusive = date_bound(timex_token, prep, timex.granularity,  # "before 2019", "no later than"
                                         is_measured_move(token, self.taxonomy))
        time = from_timex(timex, self.dct, strength, modifier, exclusive=exclusive)
        if time is not None and not _past_perfect(token):
            if prep.lower() in word_set("period_start_preps") and not _ranked_since(token):
                # "have fallen 25 per cent since January"; not "the first journalist arrested since 1986"
                time = up_to_publication(time, self.dct)
            elif self.dct is not None and _to_date(token, timex, self.text) and time.end is not None \
                    and time.end >= self.dct and not time.modifier:  # "have risen 20 percent so far this year"
                time = up_to_publication(time, self.dct, opened=False)
        first_day = None if time is None else time.start or time.end  # "grew by Sunday": no start, an end
        if first_day is not None and self.dct is not None and first_day > self.dct \
                and timex.relative and token.tag_ in ("VBD", "VBN") \
                and (simple_past(token) or present_perfect(token) and time is not None and time.start is not None):
            return None, ""  # "rain began", "had expanded by early Sunday" cannot be after the publication day, nor
            # can "has lined up a meeting on Friday" (the coming day is the arranged meeting's, not the arranging's;
            # "has had sales every month until this month" ends by then and keeps its span)
            # (a date the text writes out, "on 3 March 2025", is kept even after an absurd publication date)
        if time is not None:
            return time, ""
        if timex.value in ("PAST_REF", "FUTURE_REF") and not _modifies(timex_token, token):
            return None, ""  # "left the door open despite a recent pullback": the pullback's, not the verb's
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
        previous_sentence: Span | None = None
        lede, lede_read, report_period = lede_end(self.doc), False, None
        lede_sentences, recap_day, moves = -1, None, set()  # the news day of a market recap and its moves
        told, told_read = None, False  # the lede's dated event, which later sentences may go on telling
        said_day: EventTime | None = None  # the day of the lede's statement ("the judge said Thursday")
        said_on_report_day: set[int] = set()  # later statements dated to it: they move no story time on
        for sentence_index, sentence in enumerate(self.doc.sents):
            triggers = [t for t in find_triggers(sentence, self.taxonomy)
                        if not (t.kind == "noun" and self.index.at(t.token) is not None)]  # "March 21 of a rocket"
            heading = self._heading_time(sentence) or carried_heading
            carried_heading = None
            if heading is not None and heading[1].i >= sentence.end - 1 - sum(1 for t in sentence if t.is_space):
                carried_heading = heading  # "Jan. 2 through Jan. 4, 2019:" alone: it heads the next sentence
            if heading is not None:
                triggers = self._with_fragment_trigger(sentence, triggers, heading[1])
            deixis = None if heading is not None else self._deixis_time(sentence, previous_sentence)
            previous_sentence = sentence
            reporting = [Trigger(t, "statement", "verb", False) for t in sentence if is_reporting(t, self.taxonomy)]
            reporting_set = set(reporting)  # a set: a long sentence has many
            all_triggers = sorted(triggers + reporting, key=lambda t: t.token.i)
            first = len(mentions)
            by_token: dict[int, int] = {}
            background: set[int] = set()
            recalled: set[int] = set()  # dated only by an after-clause
            trigger_tokens = {t.token.i for t in all_triggers}
            for trigger in all_triggers:
                number = len(mentions)
                time, marker = self._text_time(trigger.token)
                if trigger.light is not None and (time is None or time.strength < OWN):
                    light_time, light_marker = self._text_time(trigger.light)  # "an event to be held on October 12"
                    if light_time is not None and (time is None or light_time.strength > time.strength):
                        time, marker = light_time, light_marker
                if (time is None or not (time.dated or time.undatable)) and trigger.kind == "verb":
                    clause_day = self._after_clause_day(trigger.token, trigger_tokens)  # "stabbed ... after being lured to
                    if clause_day is not None:  # a park on Feb. 11": the occasion its own after-clause dates, not
                        time = clause_day  # a day carried from before; a look back that moves no narrative time
                        recalled.add(len(mentions))
                if (time is None or not (time.dated or time.undatable)) and heading is not None \
                        and trigger.token.i > heading[1].i:
                    time = heading[0]
                if (time is None or not (time.dated or time.undatable)) and deixis is not None \
                        and trigger.token.i > deixis[1].i and trigger.token.tag_ in ("VBD", "VBN", "NN", "NNS"):
                    time = deixis[0]  # "That's when Tavares contacted Manley" (not "to suggest they meet")
                fallback = publication_time(self.dct) if is_past_or_present(trigger) else EventTime()
                participants = self.finder.find(trigger) if trigger.needs_actor else None
                if participants is not None and not participants.actors:
                    trigger = replace(trigger, state=True, habitual=False, needs_actor=False)  # no one acts: a state
                if trigger.state and (time is None or time.strength < OWN) and not reported_state(trigger.token):
                    continue
                if participants is None:
                    participants = self.finder.find(trigger)
                mention = Mention(number, trigger, sentence, sentence_index, participants,
                                  time or EventTime(), fallback, hidden=trigger in reporting_set)
                by_token[trigger.token.i] = number
                marker = marker or narrative_marker(trigger.token, self.taxonomy)
                if not mention.time.dated and background_event(trigger.token, self.taxonomy):
                    background.add(number)  # "the earlier conviction": the story's past, of no known distance
                    mention.fallback = before(fallback) or fallback if fallback.dated else fallback
                    marker = ""
                if marker and previous_anchor is not None:
                    target = self._same_type_before(mentions, trigger.event_type, sentence_index) or previous_anchor
                    if not (marker == "before" and self._reports_later(trigger.token, mentions[target].time)):
                        mention.links.append(Link(target, marker))
                mentions.append(mention)
            for mention in mentions[first:]:
                prior = self._retrospective_head(mention, by_token)
                if prior is not None:
                    self._second_date_to_object(mentions[prior], mention)
                if prior is not None and not mention.time.dated:
                    mention.links.append(Link(prior, "prior"))
                mention.links[:0] = anchor_links(mention.token, by_token, self.index)
                if mention.trigger.light is not None:
                    mention.links[:0] = anchor_links(mention.trigger.light, by_token, self.index)
            self._statements_as_news(mentions[first:])
            self._perfect_hands_past_date_to_noun(mentions[first:])
            self._since_relations(sentence, mentions, by_token, previous_anchor)
            self._after_relations(sentence, mentions, by_token, previous_anchor)
            self._clause_relations(sentence, mentions, by_token)
            background |= self._relative_background(mentions[first:], by_token, {
                m.trigger.light.i: m.number for m in mentions[first:] if m.trigger.light is not None})
            self._quoted_present(mentions[first:], by_token)
            self._quoted_noun(mentions[first:], by_token)
            caused = self._cause_relations(mentions, first, by_token)
            if report_period is None and not lede_read and sentence.start_char >= lede:
                report_period, lede_read = lede_period(mentions[:first], lede, self.dct), True
            figures = date_figures(mentions[first:], report_period) if report_period is not None else set()
            # "Meanwhile, imports advanced 3.1 percent" after the lede "the deficit widened in July": July
            if sentence.end_char <= lede:
                lede_sentences = sentence_index
            if recap_day is None and sentence_index == lede_sentences + 2 and lede >= 0:
                recap_day = news_day(mentions[:first], self.dct)  # ("Asian stock markets tumbled Tuesday")
            continued = self._continued_from(sentence, mentions, anchors)
            if recap_day is not None and (continued is None or continued in moves) \
                    and not later_day_named(mentions[first:], recap_day):
                moves |= date_market_moves(mentions[first:], recap_day, self.taxonomy)
            elif recap_day is not None and later_day_named(mentions[first:], recap_day):
                recap_day = None  # the story has moved on to a later day
            if not told_read and sentence_index > lede_sentences >= 0:
                told, told_read = lede_event(mentions[:first], self.dct), True  # ("on Monday adopted a resolution")
                said_day = report_day(mentions[:first], self.dct, self.taxonomy)
            if told is not None and moved_on(mentions[first:], told):
                told = None  # the story has moved on to another time
            elif told is not None:
                date_continued([m for m in mentions[first:] if m.number not in background], told, self.taxonomy)  # "The vote followed a Russian veto"
            said_on_report_day |= self._carry([m for m in mentions[first:] if m.number not in background],
                                              anchors[len(anchors) - CARRY_SENTENCES:][::-1], continued, mentions,
                                              said_day)  # ("... said William McConico": the lede's "said Thursday")
            anchor = self._sentence_anchor(mentions[first:], sentence)
            if anchor is not None:  # "The district court sentenced Lee, but on Wednesday the high court cut the
                # term": the narrative goes on from the later, dated clause, not from the step before it
                anchor = next((link.target for link in mentions[anchor].links
                               if link.relation == "before" and first <= link.target != anchor
                               and mentions[link.target].token.dep_ == "conj"
                               and mentions[link.target].token.head == mentions[anchor].token), anchor)
                anchor = later_conjoined_day(mentions[first:], mentions[anchor])
            if anchor is not None and (past_perfect(mentions[anchor].token) and not reported(mentions[anchor].token)
                                       or anchor in background | recalled):
                anchor = None  # a flashback ("He had lost two finals", "the earlier conviction was overturned")
                # does not move the narrative's time
            if anchor is not None and anchor in said_on_report_day:
                anchor = self._said_content(mentions[anchor], mentions[first:])
                # a statement on the report day does not move the story's time: the next events go on in the
                # story's day, or in the day of what it says ("The toll rose on Tuesday evening, officials said")
            if anchor is not None and anchor not in caused | figures:  # a consequence or a figure of the report
                # does not move the narrative on
                previous_anchor = anchor
                anchors.append(anchor)
        return mentions

    @staticmethod
    def _said_content(statement: Mention, sentence_mentions: list[Mention]) -> int | None:
        """The first event of a statement's reported clause that its own words date ("rose on Tuesday evening,
        officials said"), or None."""
        said = statement.token
        clauses = [c for c in said.children if c.dep_ in ("ccomp", "parataxis")]
        if said.dep_ in ("ccomp", "parataxis") and said.head != said:
            clauses.append(said.head)  # "The toll rose ..., officials said": the statement hangs on its clause
        return next((m.number for m in sentence_mentions if m.time.source == "text" and m.time.dated
                     and not m.hidden and m.number != statement.number
                     and any(m.token == c or c.is_ancestor(m.token) for c in clauses)), None)

    def _perfect_hands_past_date_to_noun(self, sentence_mentions: list[Mention]) -> None:
        """"Has been arrested in connection with the bombings ... last year": a present perfect takes no
        finished past date, so the date belongs to the event noun between the verb and the date."""
        if self.dct is None:
            return
        for mention in sentence_mentions:
            time = mention.time
            if (mention.trigger.kind != "verb" or time.source != "text" or time.end is None or time.modifier
                    or time.end >= self.dct or not present_perfect(mention.token)):
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
        while token.dep_ == "conj" and token.head != token:
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
        while top.head != top and top.head != trigger and top.head.i != top.i:
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

    def _deixis_time(self, sentence: Span, previous: Span | None) -> tuple[EventTime, Token] | None:
        """The last date of the previous sentence and the opener's last token when ``sentence`` opens by pointing
        back at that time ("... date to Dec. 21, 2018. That's when Tavares contacted Manley")."""
        if previous is None:
            return None
        words = [t for t in sentence if not t.is_space][:5]
        opener = next((words[n - 1] for n in range(2, len(words) + 1)
                       if " ".join(t.lower_ for t in words[:n]) in word_set("time_deixis_openers")), None)
        if opener is None:
            return None
        for token in reversed(previous):
            if self.index.at(token) is not None:
                time, _ = self._text_time_of(token)
                return (time, opener) if time is not None and time.dated else None
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
        """A reporting verb is a row when its named speaker takes part in no other event of the sentence, or when its
        group subject ("analysts said") reports no event: what the group says is the news.

        It is shown by default (confidence >= 0.3) only when the text dates it and it says something
        that is no event of its own ("New Zealand said Friday the U.S. had the right to ..."), not when
        it reports another event ("Intel said a customer discovered two flaws").
        """
        for mention in sentence_mentions:
            speaker = mention.participants.agent or _group_speaker(mention)
            attribution = mention.token.dep_ == "prep"  # "according to X": X stays findable, in a low row
            if not mention.hidden or not speaker \
                    or mention.token.dep_ not in ("ROOT", "ccomp", "conj", "parataxis", "prep") \
                    and not attributed_speakers(mention.token):  # "Smith was quoted as saying ..."
                continue
            if any(speaker in m.participants.actors for m in sentence_mentions if not m.hidden):
                continue
            reports_event = any(not m.hidden and not m.trigger.state and m is not mention for m in sentence_mentions)
            if reports_event and not mention.participants.agent:
                continue  # "Police said the bomb exploded": a group's report of an event is no event of its own
            mention.hidden = False
            if attribution or reports_event or not (mention.time.dated and mention.time.strength >= GOVERNING):
                mention.trigger = replace(mention.trigger, habitual=True)

    def _reports_later(self, verb: Token, reference: EventTime) -> bool:
        """Whether the clause a verb reports names a date after ``reference`` ends ("He previously announced he
        was diagnosed ... earlier this year" after "served from 1969 to 1996"): a report is not before what
        it reports, so "previously" does not place it before that reference."""
        if reference.end is None:
            return False
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            for token in clause.subtree:
                timex = self.index.at(token)
                if timex is not None and timex.date_start is not None and timex.date_start > reference.end:
                    return True
        return False

    @staticmethod
    def _same_type_before(mentions: list[Mention], event_type: str, sentence_index: int) -> int | None:
        for mention in reversed(mentions):
            if sentence_index - mention.sentence_index > 3:
                return None
            if mention.trigger.event_type == event_type and not mention.hidden:
                return mention.number
        return None


def _group_speaker(mention: Mention) -> str:
    """The group a reporting verb's plain common-noun subject names ("..., analysts said", "Police said ..."), which
    is no named agent but still the speaker of the statement row; "" for a pronoun, a name or a passive."""
    actors = mention.participants.actors
    subjects = [c for c in mention.token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    if not actors or len(subjects) != 1 or any(c.dep_ == "auxpass" for c in mention.token.children):
        return ""
    return actors[0] if actors[0].lower().split()[-1] == subjects[0].lower_ else ""


def _modifies(timex_token: Token, token: Token) -> bool:
    """Whether a time word modifies the word itself ("recently", "in the past"), not a noun of one of its phrases
    ("despite a recent pullback").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("More recently, the fire blazed in the past despite a recent pullback.")
    >>> _modifies(doc[1], doc[5]), _modifies(doc[8], doc[5]), _modifies(doc[11], doc[5])
    (True, True, False)
    """
    head = timex_token.head
    if head.pos_ == "ADV" and head.dep_ in ("advmod", "npadvmod"):
        head = head.head  # "shortly afterwards Arsenal went ahead": the time word of an adverb
    return (head == token or head.dep_ == "prep" and head.head == token or timex_token == token
            or token.dep_ in ("xcomp", "advcl") and head == token.head)  # "will soon meet ... to resign"


def _quote_of_reporter(verb: Token, timex_token: Token, reporting: frozenset[str]) -> bool:
    """True when a reporting verb outside quotation marks would take a time from inside the quote it reports (the
    parse hangs "said" on the quote's main verb): that time dates what is said, not the saying.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()('"Growth was moderate during the first half of the year," the Fed said.')
    >>> _quote_of_reporter(doc[15], doc[7], frozenset({"say"})), _quote_of_reporter(doc[7], doc[7], frozenset({"half"}))
    (True, False)
    """
    return verb.lemma_.lower() in reporting and timex_token.sent == verb.sent and not quoted(verb) \
        and quoted(timex_token)


def _past_perfect(verb: Token) -> bool:
    """Whether a verb is a past perfect ("had risen since January": up to a past moment, not to publication).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Prices had risen. Prices have risen.")
    >>> _past_perfect(doc[2]), _past_perfect(doc[6])
    (True, False)
    """
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _to_date(verb: Token, timex: Timex, text: str) -> bool:
    """Whether a period is counted up to now: a ``to_date_words`` phrase next to its words ("so far this year",
    "this year to date") or on the verb ("have so far risen 20 percent this year").

    >>> import datetime as dt
    >>> from timeline.nlp import load_nlp
    >>> text = "Prices have risen 20 percent so far this year."
    >>> year = Timex("this year", 34, 43, "DATE", "2008", "", "year", dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    >>> _to_date(load_nlp()(text)[2], year, text), _to_date(load_nlp()("Prices rose.")[1], year, "Prices rose this year.")
    (True, False)
    """
    words = sorted(word_set("to_date_words"), key=len, reverse=True)
    before_words = " ".join(text[max(0, timex.start - 20):timex.start].lower().split())
    after_words = " ".join(text[timex.end:timex.end + 20].lower().split())
    if any(before_words.endswith(" " + w) or before_words == w for w in words) \
            or any(after_words.startswith((w + " ", w + ",", w + ".")) or after_words == w for w in words):
        return True
    return any(c.dep_ in ("advmod", "prep") and " ".join(t.lower_ for t in c.subtree) in words for c in verb.children)


def _ranked_since(verb: Token) -> bool:
    """Whether a verb lies in a ranked phrase ("the first journalist to be arrested since 1986", "the largest
    outbreak it has seen since 2000", "the ninth attempt to land since 1976"): a record counted from the date,
    no event that spans from it to publication.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He was the first journalist arrested since 1986. Prices have risen since 1986.")
    >>> _ranked_since(doc[5]), _ranked_since(doc[11])
    (True, False)
    """
    token = verb
    for _ in range(4):
        if any(c.dep_ in ("amod", "advmod", "nummod", "npadvmod") and (c.tag_ in ("JJS", "RBS") or c.ent_type_ == "ORDINAL")
               for c in token.children):
            return True
        if token.head == token:
            return False
        token = token.head
    return False


def _lasting_measure(verb: Token) -> bool:
    """True for a verb whose object is a measure in force for a while (``lasting_measure_nouns``: "issued red
    warnings", "imposed a curfew", "extended the state of emergency"), or for such a noun itself ("red
    warnings" of "issued red warnings until Saturday")."""
    if verb.pos_ in ("NOUN", "PROPN"):  # issued, imposed: not "the ban lasted until 2019"
        return verb.dep_ in ("dobj", "nsubjpass") and is_measure_word(verb)
    return any(obj.dep_ in ("dobj", "nsubjpass") and names_lasting_measure(obj) for obj in verb.children)
