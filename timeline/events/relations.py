"""Time relations between the mentions of a sentence: "during the ceremony", "120 days since ...", "two days
after ...", "sworn in three weeks after he won", "without power because of Dorian" (links resolved in
``timeline.events.resolve``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Span, Token

from timeline.events.baselines import is_baseline
from timeline.events.links import Link, Mention
from timeline.events.narrative import CARRY_SENTENCES, is_past_or_present
from timeline.events.participants import ParticipantFinder
from timeline.events.taxonomy import EventTaxonomy
from timeline.events.timex_index import TimexIndex
from timeline.events.timing import OWN, EventTime, after, before
from timeline.function_words import word_map
from timeline.temporal.timex import Timex


def anchor_links(token: Token, by_token: dict[int, int], index: TimexIndex | None = None) -> list[Link]:
    """"During the ceremony" / "after the launch" / "a day after the launch": links to the event noun's mention."""
    links = []
    for child in token.children:
        relation = word_map("anchor_preps").get(child.lower_) if child.dep_ == "prep" else None
        if relation is None or is_baseline(child):
            continue  # "its biggest drop since the October 1987 crash": a baseline, not the drop's time
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


class TimeRelations:
    """The relation steps of :class:`timeline.events.mentions.MentionBuilder` (state set by its constructor)."""

    index: TimexIndex
    taxonomy: EventTaxonomy
    finder: ParticipantFinder
    dct: dt.date | None

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
        """"an aftershock about an hour after" / "two days later": the event is the reference plus N (and so are
        the verbs coordinated with it when the phrase leads: "One year later he was fired and he founded NeXT")."""
        words = self.taxonomy.relation_after | self.taxonomy.narrative_after | self.taxonomy.relation_before
        for token in sentence:
            if token.lower_ not in words or token.dep_ not in ("advmod", "prep") or token.head.i not in by_token:
                continue
            if any(c.dep_ in ("pobj", "pcomp") for c in token.children):
                continue  # "after the launch", "a year after launching it": an anchor to that event, no shift
            duration = next((self.index.at(t) for t in token.subtree if t.i < token.i and self.index.at(t) is not None
                             and self.index.at(t).type == "DURATION"), None)  # type: ignore[union-attr]
            if duration is None:
                continue
            target = by_token[token.head.i]
            reference = self._reference(token.head.head, by_token, previous_anchor) \
                if token.head.head != token.head else previous_anchor
            if reference is None or reference == target:
                continue
            sign = -1 if token.lower_ in self.taxonomy.relation_before else 1
            mentions[target].links.insert(0, Link(reference, "shift", duration.value, sign, duration.text))
            if token.i < token.head.i:  # "One year later he was fired and he founded NeXT": a leading time
                for conj in token.head.children:  # phrase scopes over the verbs coordinated with its verb
                    if conj.dep_ == "conj" and conj.i in by_token and not mentions[by_token[conj.i]].time.dated:
                        mentions[by_token[conj.i]].links.insert(0, Link(target, "same", text=conj.text))

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
                if token.lower_ in self.taxonomy.relation_after:
                    self._undated_after_clause(clause, mentions, by_token, by_token[main.i])
                    self._dated_after_clause(clause, mentions, by_token, by_token[main.i])
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

    def _undated_after_clause(self, clause: Token, mentions: list[Mention], by_token: dict[int, int],
                              main: int) -> None:
        """"Daylight revealed the cars Wednesday after a train derailed and overturned, killing six": a past
        event of an after-clause of a main verb dated by its own words (a weekday too, when it is the publication
        day), with no date of its own, is before that date (open start), not on it; so are the events of the
        clause that took its time.  That time is no time the next sentences go on in."""
        target = by_token[clause.i]
        main_time = mentions[main].time
        if clause.tag_ not in ("VBD", "VBN") or not main_time.dated or not main_time.text \
                or main_time.strength < OWN or mentions[target].time.strength >= OWN:
            return
        earlier = before(main_time, f"before {main_time.text}")  # the main clause's day ends the after-clause's
        if earlier is None:
            return
        earlier = replace(earlier, carries=False)
        for token in clause.subtree:
            number = by_token.get(token.i)
            if number == target or number is not None and number != main and mentions[number].time.dated \
                    and mentions[number].time.strength < OWN:  # only those that took the main clause's day
                mentions[number].time = earlier

    def _dated_after_clause(self, clause: Token, mentions: list[Mention], by_token: dict[int, int],
                            main: int) -> None:
        """"Two people died after their car was swept away late on Tuesday": a main event with no time of its own
        whose after-clause is dated by its own words happened on or after that day, up to publication (open start
        of the after-clause, not the publication day). Not a main verb in the present or future tense ("will
        stay shut after the storm hit on Monday") nor a clause dated only by a duration or relative range."""
        target = by_token[clause.i]
        clause_time = mentions[target].time
        main_mention = mentions[main]
        if main_mention.time.strength >= OWN or not clause_time.dated or clause_time.strength < OWN \
                or clause_time.source != "text" or clause_time.modifier not in ("", "START", "MID", "END") \
                or clause_time.start is None \
                or not is_past_or_present(main_mention.trigger) or main_mention.token.tag_ not in ("VBD", "VBN"):
            return
        # a part of the day ("late on Tuesday", "late Tuesday") still gives the day the main event follows
        later = after(replace(clause_time, modifier=""), f"after {clause_time.text}")
        if later is None:
            return
        if self.dct is not None and later.start is not None and later.start <= self.dct:
            later = replace(later, end=self.dct)
        main_mention.time = replace(later, carries=False)

    def _cause_relations(self, mentions: list[Mention], first: int, by_token: dict[int, int]) -> set[int]:
        """"Were without power because of Dorian": an undated event caused by an event, or by the actor of
        a dated event of the last sentences, happened then (not on the publication day).  Returns the
        numbers of the mentions so linked."""
        linked: set[int] = set()
        for mention in mentions[first:]:
            if mention.time.dated or mention.trigger.kind != "verb" or not is_past_or_present(mention.trigger):
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
            if current.head == current:
                break
            current = current.head
        return previous_anchor

    def _duration_near(self, head: Token, relation: Token) -> Timex | None:
        """A DURATION timex on the relation's head ("120 days have passed since", "two days after")."""
        candidates = [c for c in head.children if c.dep_ in ("nsubj", "npadvmod", "attr")] + [head]
        candidates += [c for c in relation.children if c.dep_ == "npadvmod"]
        for candidate in candidates:
            for token in candidate.subtree:
                if token.i >= relation.i:
                    break  # the span before the relation word: "after leading it for two decades" is no shift
                timex = self.index.at(token)
                if timex is not None and timex.type == "DURATION":
                    return timex
        return None
