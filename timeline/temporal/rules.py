"""Loading and validating the declarative temporal resources in ``data/temporal/``.

Three files: ``normalization.yaml`` (word -> value tables), ``patterns.yaml`` (named regex fragments)
and ``rules.yaml`` (the rules). ``load_resources()`` reads, checks and compiles them once (cached);
``load_tables()`` reads only the word tables (for readers that need month and weekday names, not the rules).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from timeline.paths import data_file
from timeline.temporal.timex import TIMEX_TYPES
from timeline.yaml_strict import load_yaml

#: Resolver names a rule may use (implemented in timeline/temporal/resolve.py).
RESOLVERS: frozenset[str] = frozenset({
    "date", "weekday", "dayword", "shift", "duration", "const", "set", "time", "quarter", "season",
    "decade", "century", "holiday", "bare_feast", "hijri", "solar_hijri", "ref", "position", "weekend", "the_year", "new_year", "range_day", "range_start_day", "part_of_day",
    "year_span", "month_day", "overnight", "shift_from_day", "turn", "day_of_year", "month_span", "month_range", "week_number", "weekday_holiday", "school_year",
})
_FRAGMENT_RE = re.compile(r"%\{(\w+)\}")
#: How the tagger splits text into trigger tokens (lower-cased words, or digit runs).
TOKEN_RE = re.compile(r"[A-Za-z]+|\d+")
DIGIT_TRIGGER = "#digit"


class ResourceError(ValueError):
    """A temporal resource file is missing or malformed."""


@dataclass(frozen=True)
class Rule:
    """One compiled tagging rule (see the header of data/temporal/rules.yaml)."""

    name: str
    regex: re.Pattern[str]
    type: str
    resolve: str
    params: dict[str, Any] = field(default_factory=dict)
    reject_before: re.Pattern[str] | None = None
    reject_after: re.Pattern[str] | None = None
    require_before: re.Pattern[str] | None = None
    reject_near: re.Pattern[str] | None = None
    near_only: re.Pattern[str] | None = None  # reject_near applies only to a match in which this is found
    reject_named: str = ""  # a regex template: the document names a person by the matched {word} (a surname)
    keep_before: re.Pattern[str] | None = None  # context that keeps the match even when reject_named holds
    example: str = ""
    expect: str = ""
    trigger: frozenset[str] = frozenset()  # lower-case words (or "#digit"); empty = run everywhere
    needs: tuple[str, ...] = ()  # lower-case strings one of which the text must hold for the rule to run at all


@dataclass(frozen=True)
class Resources:
    """Everything the tagger needs: tables, rules, tense cues, the examples' DCT."""

    tables: dict[str, dict[str, Any]]
    rules: tuple[Rule, ...]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    not_past: frozenset[str]
    window_before: int
    window_after: int
    example_dct: dt.date
    trigger_words: tuple[str, ...]  # every rule trigger word except "#digit"
    zone_pattern: re.Pattern[str] = re.compile("(?!)")  # patterns.yaml's `timezone` fragment ("GMT", "local time")
    filing_pattern: re.Pattern[str] = re.compile("(?!)")  # patterns.yaml's `filing_date` ("was first published ...")
    cue_sets: tuple[tuple[str, frozenset[str], tuple[tuple[str, ...], ...]], ...] = ()
    # (tense, one-word cues, multi-word cues as word tuples) for "future" then "past"
    future_right_before: tuple[tuple[str, ...], ...] = ()  # word tuples that make a right-following timex future
    past_right_before: tuple[tuple[str, ...], ...] = ()  # word tuples that make a right-following timex past
    day_future_right_before: tuple[tuple[str, ...], ...] = ()  # the same, for weekdays and clock times only
    nominal_until: tuple[tuple[str, ...], ...] = ()  # "the extension until November": a span still running
    month_event_nouns: frozenset[str] = frozenset()  # "September elections": the nearest September
    period_bound_phrases: tuple[tuple[str, ...], ...] = ()  # "ended on Sept. 30": a period's last day
    end_bound_phrases: tuple[tuple[str, ...], ...] = ()  # "through Saturday", "by Friday": a span's end, a deadline
    baseline_day_phrases: tuple[tuple[str, ...], ...] = ()  # "compared to Wednesday's close": no story day
    period_end_phrases: tuple[tuple[str, ...], ...] = ()  # "the quarter ending in December": the nearest December
    event_date_phrases: tuple[tuple[str, ...], ...] = ()  # "the new deadline of Oct. 31": the nearest Oct. 31
    effective_phrases: tuple[tuple[str, ...], ...] = ()  # "effective April 1": the coming April 1
    past_only_right_before: tuple[tuple[str, ...], ...] = ()  # "since December": a month already begun
    intent: frozenset[str] = frozenset()  # plan words: future before the timex, past (-ed) or nothing after it
    be_plan_participles: frozenset[str] = frozenset()  # "were set to": a plan after a past "be" and before "to"
    reduced_plan_participles: frozenset[str] = frozenset()  # "with doctors scheduled to return": no past act
    past_object_stems: tuple[str, ...] = ()  # verbs whose object is a past event ("appeal Wednesday's ruling")
    reported_modals: frozenset[str] = frozenset()  # "would": no future cue for a possessive weekday
    raising_verbs: frozenset[str] = frozenset()  # "appeared to be dumped": the participle stays a past cue
    attempt_past_verbs: frozenset[str] = frozenset()  # "failed to meet a Friday deadline": the attempt's past day
    purpose_span_verbs: frozenset[str] = frozenset()  # "to fund the department through September": a coming end
    purpose_span_gerunds: frozenset[str] = frozenset()  # "a bill reopening the government through January 30"
    purpose_span_ends: frozenset[str] = frozenset()
    purpose_span_reach: int = 0
    commitment_verbs: frozenset[str] = frozenset()  # "vowed to boycott the vote in February": the coming February
    past_subjects: frozenset[str] = frozenset()  # "he assumed the presidency in January": a finite -ed verb
    clause_future: frozenset[str] = frozenset()  # "will" anywhere before in the clause, when no cue is nearer
    clause_expecting: frozenset[str] = frozenset()  # "expects OPEC+ to implement ... in August": a forecast
    clause_expecting_reach: int = 0
    past_clause_openers: frozenset[str] = frozenset()  # "will vote after a deal was reached ... on Wednesday"
    governing_modals: frozenset[str] = frozenset()  # "what he will unveil on Wednesday remained unclear"
    since_clause_openers: frozenset[str] = frozenset()  # "will be the first since becoming ... in February"
    deadline_modals: frozenset[str] = frozenset()  # "must leave by Saturday": a deadline after a past verb
    nominal_future_nouns: frozenset[str] = frozenset()  # "expectations of a hike in December": a month ahead
    nominal_future_words: tuple[tuple[str, ...], ...] = ()  # "was due in December", "is set to ... in May"
    object_plan_nouns: frozenset[str] = frozenset()  # "rejected the plan on Monday": an object, no future cue
    object_plan_openers: frozenset[str] = frozenset()  # "its plans for the fourth quarter": still a plan
    participle_date_prepositions: frozenset[str] = frozenset()  # "the curfew imposed on 3 March": a past act
    past_act_pp_prepositions: frozenset[str] = frozenset()  # "was valued in the markets at $1bn in May"
    past_act_pp_breaks: frozenset[str] = frozenset()  # "and", "that": a new clause between
    finite_past_prepositions: frozenset[str] = frozenset()  # "on": the day of a far -ed verb
    finite_past_month_prepositions: frozenset[str] = frozenset()  # "in", "during": a month of a far -ed verb
    finite_past_breaks: frozenset[str] = frozenset()  # "ahead of", "until": the date may be of a coming event
    finite_past_not_after: frozenset[str] = frozenset()  # "the", "to", "is": no subject before a finite verb
    past_relative_pronouns: frozenset[str] = frozenset()  # "a unit that filed ... in January": a relative subject
    coordinated_clause_openers: frozenset[str] = frozenset()  # "and will continue": a later conjunct of its own
    demand_phrases: tuple[tuple[str, ...], ...] = ()  # "called for elections in February": the coming February
    called_event_nouns: frozenset[str] = frozenset()  # "called a general strike for June": the coming June
    announce_for_verbs: tuple[tuple[str, ...], ...] = ()  # "announced a referendum for June": the coming June
    start_phrases: tuple[tuple[str, ...], ...] = ()  # "Starting in April, the rules apply": the coming April
    quarter_result_nouns: frozenset[str] = frozenset()  # "second-quarter results": a reported, past quarter
    quarter_result_modifiers: frozenset[str] = frozenset()  # "second-quarter financial report": one word between
    fiscal_label_revisions: frozenset[str] = frozenset()  # "Reiterates FY25 Outlook": the label is the current year
    fiscal_label_guidance: frozenset[str] = frozenset()  # the guidance words that go with them
    fiscal_label_from_month: int = 13  # no label-ahead reading before this month of the DCT
    fiscal_label_late_quarters: frozenset[int] = frozenset()  # before it, "Q3FY26" in January 2026: FY26 is current
    fiscal_label_current_words: frozenset[str] = frozenset()  # "the current fiscal year (FY25)": current, this
    fiscal_label_year_words: frozenset[str] = frozenset()  # ... and fiscal, financial
    fiscal_label_marker: str = "(?!)"  # a timex that is a fiscal label ("FY25", "fiscal 2025", "2024-25")
    past_expectation_forms: frozenset[str] = frozenset()  # "Investors expected a hike in June": a past cue
    expectation_verbs: frozenset[str] = frozenset()  # "Analysts expect a cut in April": ahead, not for "Monday's"
    obligation_modals: frozenset[str] = frozenset()  # "must register before the deadline of June 30": ahead
    passive_modals: frozenset[str] = frozenset()  # "can be preordered Friday": a present modal's passive is ahead
    possibility_modals: frozenset[str] = frozenset()  # "Officials may announce it in March": the coming March
    possibility_fillers: frozenset[str] = frozenset()  # "may not", "might well": words between modal and verb
    possibility_perfects: frozenset[str] = frozenset()  # "may have been killed Friday": a past guess, no cue
    possibility_past_links: frozenset[str] = frozenset()  # "may face charges for the attack on Sunday": past
    coming_could_modals: frozenset[str] = frozenset()  # "a vote could come Thursday": the coming Thursday
    could_plan_participles: frozenset[str] = frozenset()  # "could be held in September": ahead
    could_negators: frozenset[str] = frozenset()  # "he could not attend Tuesday", "Neither ... could": past
    could_subject_breakers: frozenset[str] = frozenset()  # "has not said it, but a deal could": another clause
    could_ability_verbs: frozenset[str] = frozenset()  # "they could see smoke on Sunday": a past ability
    durative_past_verbs: frozenset[str] = frozenset()  # "lasted until Monday": no deadline
    past_back_words: frozenset[str] = frozenset()  # "appeared back in March": a past verb's time
    past_back_fillers: frozenset[str] = frozenset()  # "way back in May"
    past_back_prepositions: frozenset[str] = frozenset()  # the "in" of "back in March"
    modal_perfect_modals: frozenset[str] = frozenset()  # "which would have triggered": a past cue after it
    conditional_modals: frozenset[str] = frozenset()  # "if a deal could not be finalised on Tuesday": ahead
    condition_openers: frozenset[str] = frozenset()  # if / unless / whether before such a modal
    modal_fillers: frozenset[str] = frozenset()  # "still could not be": words around the modal
    plan_appositive_openers: frozenset[str] = frozenset()  # ", set to start on Saturday, was agreed"
    participle_plans: tuple[tuple[str, ...], ...] = ()  # "New ceasefire set for Saturday": a plan ahead
    adjacent_participle_plans: tuple[tuple[str, ...], ...] = ()  # "a Direct confirmed for April 2"
    nominal_future_after: frozenset[str] = frozenset()  # "a hike in December seems likely"
    progressive_openers: frozenset[str] = frozenset()  # "are taking place in April": a present progressive plan
    not_progressive_ing: frozenset[str] = frozenset()  # "during", "including": -ing words that are no verbs
    progressive_plan_prepositions: frozenset[str] = frozenset()  # "are taking place in April", "facing hikes from April"
    progressive_from_stops: frozenset[str] = frozenset()  # "recovering from April": a past starting point
    progressive_clause_breaks: frozenset[str] = frozenset()  # "is ..., which fell": a clause of its own
    progressive_object_stops: frozenset[str] = frozenset()  # "for", "that", "rose": no object of a progressive plan
    progressive_weekday_verbs: frozenset[str] = frozenset()  # "is meeting Tuesday": an -ing verb after "be"
    progressive_weekday_stops: frozenset[str] = frozenset()  # "is still meeting", "until": no plan for a weekday
    progressive_weekday_attributive: frozenset[str] = frozenset()  # "a Saturday shooting": a weekday as a modifier
    headline_plural_nouns: frozenset[str] = frozenset()  # "Power cuts to continue on Sunday": a subject noun
    likely_degree: frozenset[str] = frozenset()  # "Saturday is more likely to feature rain": a forecast
    forecast_words: frozenset[str] = frozenset()  # "Mostly sunny Thursday with highs in the 30s": a forecast
    weather_document_phrases: tuple[str, ...] = ()  # "heat advisory", "weather service": a weather alert text
    notice_document_phrases: tuple[str, ...] = ()  # "funeral home", "for info:": a funeral notice or event listing
    broadcast_document_phrases: tuple[str, ...] = ()  # "live on sky sports", "kick-off": a match preview or TV listing
    speech_before_possessive: frozenset[str] = frozenset()  # "said Sunday's cuts will run": the words after decide
    past_possessive_prepositions: frozenset[str] = frozenset()  # "Following Tuesday's decision": a past day
    reporting_participles: frozenset[str] = frozenset()  # ", telling the BBC that it would": reported words
    agent_participle_prepositions: frozenset[str] = frozenset()  # ", followed by ...": a reduced passive, no past
    postpone_stems: tuple[str, ...] = ()  # "delayed the flight until March": the new date is ahead
    postpone_phrases: tuple[tuple[str, ...], ...] = ()  # "pushed back the flight to March"
    awaited_event_phrases: tuple[tuple[str, ...], ...] = ()  # "ahead of the vote on Sunday": a coming day
    cancel_stems: tuple[str, ...] = ()  # "set a vote for Friday but cancelled it": the arranged day may be gone
    postpone_prepositions: frozenset[str] = frozenset()  # until / to / till right before the target
    target_day_for_words: frozenset[str] = frozenset()  # "rescheduled for Sunday": the new day is ahead
    adjourn_for_words: frozenset[str] = frozenset()  # "adjourned the hearing for Monday": the day it sits again
    postpone_not_after: frozenset[str] = frozenset()  # "according to", "due to": no postponement target
    arrange_participles: tuple[tuple[str, ...], ...] = ()  # "has lined up a meeting on Friday": the day is ahead
    arranged_event_nouns: frozenset[str] = frozenset()  # "set a hearing on July 9": the hearing is ahead
    arranged_event_joins: frozenset[str] = frozenset()  # "set a trial for October 25 with a plea hearing on July 9"
    arranged_event_stops: frozenset[str] = frozenset()  # "set bail at a hearing on July 9": the hearing's own day
    perfect_auxiliaries: frozenset[str] = frozenset()  # has / have
    perfect_adverbs: frozenset[str] = frozenset()  # "has already scheduled"
    passive_adverbs: frozenset[str] = frozenset()  # "is usually held in April"
    be_participle_adverbs: frozenset[str] = frozenset()  # "to be fully contained by Thursday"
    passive_perfect_be: frozenset[str] = frozenset()  # "has been set for December": a passive present perfect
    passive_arrange_prepositions: frozenset[str] = frozenset()  # the "for" after such a passive
    passive_alert_participles: tuple[tuple[str, ...], ...] = ()  # "a watch has been issued for Tuesday night"
    present_be_schedule: frozenset[str] = frozenset()  # "The vote is Tuesday": a coming day
    present_be_prepositions: frozenset[str] = frozenset()  # "Elections are on Sunday"
    present_pronouns: frozenset[str] = frozenset()  # subject pronouns of a scheduled present ("He meets")
    present_plural_pronouns: frozenset[str] = frozenset()  # "They meet Monday"
    present_relative_pronouns: frozenset[str] = frozenset()  # "The talks, which resume Monday"
    trailing_relative_openers: frozenset[str] = frozenset()  # "passed a bill on Thursday that will raise taxes"
    trailing_relative_event_nouns: frozenset[str] = frozenset()  # "announced a sale on Friday that will run"
    present_subject_prepositions: frozenset[str] = frozenset()  # "The trial of the minister opens Tuesday"
    present_determiners: frozenset[str] = frozenset()  # "The summit opens Wednesday"
    present_singular_determiners: frozenset[str] = frozenset()  # "a news conference": no plural subject
    present_not_verbs: frozenset[str] = frozenset()  # words that are no present verb ("this", "news", "in")
    present_noun_modifiers: frozenset[str] = frozenset()  # "after heavy clashes on Sunday": no subject
    present_modifier_suffixes: tuple[str, ...] = ()  # "after numerous attacks on Friday"
    present_sequel_verbs: frozenset[str] = frozenset()  # "The move follows strikes on Monday": the strikes' day
    present_reporting: frozenset[str] = frozenset()  # "says Monday": the day is the saying's
    irregular_past: frozenset[str] = frozenset()  # "hit", "cut": simple pasts that are no past cue
    present_clause_openers: frozenset[str] = frozenset()  # ", and the river crests Sunday": no part of the subject
    present_schedule_verbs: frozenset[str] = frozenset()  # "Officials meet Monday": verbs a bare plural may schedule
    present_market_subjects: frozenset[str] = frozenset()  # "Stocks close higher Monday": no schedule
    fixture_present_verbs: frozenset[str] = frozenset()  # "Newcastle host Stoke City on Saturday": a team's fixture
    weekday_subject_verbs: frozenset[str] = frozenset()  # "Thursday marks the anniversary": the coming day
    weekday_subject_adverbs: frozenset[str] = frozenset()  # "Friday is still looking chilly"
    after_day_adverbs: frozenset[str] = frozenset()  # "talks late Tuesday only added": the -ed verb still counts
    weekday_subject_openers: frozenset[str] = frozenset()  # "But Sunday brings more rain"
    weekday_subject_reporting: frozenset[str] = frozenset()  # "officials said Tuesday marks a turning point"
    present_subordinators: frozenset[str] = frozenset()  # "when the deal closes in March": a subject may follow
    present_change_verbs: frozenset[str] = frozenset()  # "The death toll climbs to 12 on Tuesday": no schedule
    market_session_verbs: frozenset[str] = frozenset()  # "The Dow ends higher on Monday": the day's close
    market_direction_words: frozenset[str] = frozenset()  # higher / lower / up / down after a session verb
    present_set_heads: frozenset[str] = frozenset()  # "wages", "fares": amounts set ahead ("Wages rise in August")
    present_quantity_heads: frozenset[str] = frozenset()  # "toll", "prices", "unemployment": figures that move
    present_object_breakers: frozenset[str] = frozenset()  # words that end a verb's object ("hears ... they")
    comparison_words: frozenset[str] = frozenset()  # "fewer than last year": no tense cue
    particle_over_verbs: frozenset[str] = frozenset()  # "takes over the presidency": "over" is no comparison
    agent_participle_reach: int = 5  # "as proposed by the Commission in March": agent words between
    agent_participle_words: frozenset[str] = frozenset()  # plan participles that an agent makes verbs
    agent_participle_openers: frozenset[str] = frozenset()  # "as proposed by the Commission in March"
    schedule_from_words: frozenset[str] = frozenset()  # "runs from 5 October": a schedule's span, no comparison
    span_end_words: frozenset[str] = frozenset()  # "from 5 October to 19 November": the end of a span
    clause_year_breaks: tuple[str, ...] = ()  # "In 2019 sales fell, but in March ...": the year's reach ends
    listed_month_joins: tuple[str, ...] = ()  # "in August 2024 and in November": a dated list
    listed_month_figure_prepositions: tuple[str, ...] = ()  # "to 4.75% in November"
    listed_month_units: tuple[str, ...] = ()  # "%", "percent", "basis points" after a listed figure
    habitual_cues: tuple[str, ...] = ()  # "Bears usually emerge in April": a month of every year (XXXX-04)
    habitual_cues_after: tuple[str, ...] = ()  # "The lake freezes in January each year": cues after the month
    habitual_breaks: tuple[str, ...] = ()  # words that end the reach of a habitual cue back to its clause
    copula_year_links: tuple[str, ...] = ()  # "The first sighting in 2022 was also on March 7": 2022's March 7
    school_year_span_after: tuple[str, ...] = ()  # "the 2024-25 school year": a span named a school year after it
    school_year_span_before: tuple[str, ...] = ()  # "School Year 2023-2024": the same before it
    school_year_span_reach: int = 0  # how far after such a span a bare month or day takes one of its two years
    school_year_first_months: frozenset[int] = frozenset()  # months in the span's first year (August-December)
    school_year_second_months: frozenset[int] = frozenset()  # months in its second year (January-June)
    clause_year_conjunctions: tuple[str, ...] = ()  # "But in 2019 the firm opened a plant in March"
    clause_year_prepositions: tuple[str, ...] = ()  # "During 2019 ..."
    clause_year_baselines: tuple[str, ...] = ()  # "up from 2019 in March": a baseline year (comparison words too)
    clause_year_determiners: tuple[str, ...] = ()  # "In the 2019 season, ...": a determiner before an opening year
    clause_year_relatives: tuple[str, ...] = ()  # "the winter of 2017-2018, when ... by the end of December"
    compared_time_cues: frozenset[str] = frozenset()
    compared_expectation_words: frozenset[str] = frozenset()  # "more than expected": no plan
    compared_from_phrases: tuple[tuple[str, ...], ...] = ()  # "down from 38% on Saturday": the figure's past day
    compared_from_reach: int = 0
    stage_nouns: frozenset[str] = frozenset()  # "final", "semi-final": a round of a competition
    stage_reach_words: frozenset[str] = frozenset()  # "advances to Thursday's semi-final"
    stage_setup_phrases: tuple[tuple[str, ...], ...] = ()  # "to set up a final on Friday"
    day_event_nouns: frozenset[str] = frozenset()  # "faces a Friday deadline": the nearest Friday
    event_noun_modifiers: frozenset[str] = frozenset()  # "strike": "a Friday strike deadline"
    deadline_setting_verbs: frozenset[str] = frozenset()  # "set": "set a Sunday deadline" is the nearest Sunday
    deadline_nouns: frozenset[str] = frozenset()  # "deadline", "ultimatum"
    causal_heads: frozenset[str] = frozenset()  # "due": "due to" a cause unless a form of "be" comes before it
    duration_verb_heads: frozenset[str] = frozenset()  # "last": a verb of lasting after a modal or before "until"
    duration_verb_before: frozenset[str] = frozenset()  # "will", "to": "will last" is a verb
    duration_verb_after: frozenset[str] = frozenset()  # "until", "for": "last until Saturday" is a verb
    plan_be_words: frozenset[str] = frozenset()  # "is due to resume": a plan
    cause_openers: frozenset[str] = frozenset()  # "was due to the weather": a noun phrase after "due to", a cause
    headline_max_words: int = 0  # a first line without end stop of at most this many words is a headline
    headline_verbs_before_to: frozenset[str] = frozenset()  # "Oil prices rise to two-month high on Monday"
    headline_plan_verbs: frozenset[str] = frozenset()  # "Fed to raise rates on Wednesday": a headline's plan
    future_suffixes: tuple[str, ...] = ()  # "we'll", "they'll": a future modal written onto its subject
    possession_pasts: frozenset[str] = frozenset()  # "got": a present after "have" ("we've got a vote Saturday")
    final_item_nouns: frozenset[str] = frozenset()  # "last seating", "last train": "last" = final, no past cue
    present_have: tuple[str, ...] = ()  # "have", "'ve" (also written onto its subject: "we've")
    word_patterns: dict[tuple[tuple[str, ...], tuple[str, ...]], re.Pattern[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False)  # names_word's pattern per (tables, skip)

    def names_word(self, text: str, tables: tuple[str, ...], skip: tuple[str, ...] = ()) -> bool:
        """Whether ``text`` holds a word of the normalization ``tables`` (other than ``skip``) as a whole word; an
        abbreviation's full stop may be left out ("10pm on Jan 6", "Sept 16": British and Asian styles).

        >>> load_resources().names_word("6am on Wed.", ("weekday",))
        True
        """
        pattern = self.word_patterns.get((tables, skip))
        if pattern is None:  # built once per table set, not at each call
            words = tuple(str(w) for table in tables for w in self.tables.get(table, {}) if str(w) not in skip)
            pattern = self.word_patterns[(tables, skip)] = _word_regex(words)
        return pattern.search(text) is not None

    def table_value(self, table: str, key: str) -> Any:
        """The value of ``key`` in the normalization ``table``, also when written with or without an abbreviation's
        full stop ("sept" for "sept.", "wed." for "wed"); None when absent.

        >>> res = load_resources()
        >>> res.table_value("month", "sept"), res.table_value("weekday", "wed."), res.table_value("month", "x")
        (9, 3, None)
        """
        tab = self.tables.get(table, {})
        if key in tab:
            return tab[key]
        return tab.get(key + ".", tab.get(key.rstrip(".") + ".", tab.get(key.rstrip("."))))


@lru_cache(maxsize=16)
def _word_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation of ``words`` as whole words, a final full stop optional."""
    alternatives = (re.escape(w.rstrip(".")) + (r"\.?" if w.endswith(".") else "") for w in words)
    return re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)


def _cue_sets(future: tuple[str, ...], past: tuple[str, ...]
              ) -> tuple[tuple[str, frozenset[str], tuple[tuple[str, ...], ...]], ...]:
    return tuple((tense, frozenset(c for c in cues if " " not in c), tuple(tuple(c.split()) for c in cues if " " in c))
                 for tense, cues in (("future", future), ("past", past)))


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return load_yaml(handle.read())
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(f"cannot read {path}: {exc}") from exc


def _key_regex(key: str) -> str:
    """A table key as regex: whitespace flexible, a trailing '.' optional, an apostrophe any of ' or ’."""
    optional_dot = key.endswith(".")
    core = key[:-1] if optional_dot else key
    text = r"\s+".join(re.escape(part) for part in core.split())
    text = text.replace("'", "['’]")
    return text + (r"\.?" if optional_dot else "")


def _table_alternation(table: dict[str, Any], exclude: list[str]) -> str:
    keys = sorted((k for k in table if k not in exclude), key=len, reverse=True)
    return "(?:" + "|".join(_key_regex(k) for k in keys) + ")"


def _expand(pattern: str, fragments: dict[str, str], depth: int = 0) -> str:
    if depth > 8:
        raise ResourceError(f"fragment recursion too deep in {pattern!r}")

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ResourceError(f"unknown fragment %{{{name}}}")
        return "(?:" + _expand(fragments[name], fragments, depth + 1) + ")"

    return _FRAGMENT_RE.sub(replace, pattern)


def _normalize_tables(raw: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(raw, dict):
        raise ResourceError("normalization.yaml must map table names to tables")
    tables: dict[str, dict[str, Any]] = {}
    for name, table in raw.items():
        if not isinstance(table, dict):
            raise ResourceError(f"normalization table {name!r} must be a mapping")
        tables[str(name)] = {" ".join(str(k).lower().split()): v for k, v in table.items()}
    return tables


def _fragments(raw: Any, tables: dict[str, dict[str, Any]]) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ResourceError("patterns.yaml must map fragment names to definitions")
    out: dict[str, str] = {}
    for name, spec in raw.items():
        if isinstance(spec, dict) and "from_table" in spec:
            table = tables.get(spec["from_table"])
            if table is None:
                raise ResourceError(f"fragment {name!r}: unknown table {spec['from_table']!r}")
            out[name] = _table_alternation(table, list(spec.get("exclude", [])))
        elif isinstance(spec, dict) and "regex" in spec:
            out[name] = str(spec["regex"])
        else:
            raise ResourceError(f"fragment {name!r} needs from_table or regex")
    return out


def _compile(text: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(text, flags)
    except re.error as exc:
        raise ResourceError(f"{where}: bad regex: {exc}") from exc


def _trigger(spec: Any, tables: dict[str, dict[str, Any]], name: str) -> frozenset[str]:
    words: set[str] = set()
    for item in spec or []:
        item = str(item)
        if item.startswith("@"):
            table = tables.get(item[1:])
            if table is None:
                raise ResourceError(f"rule {name}: unknown trigger table {item}")
            for key in table:
                tokens = TOKEN_RE.findall(key)
                if tokens:
                    words.add(tokens[0].lower())
        elif item == DIGIT_TRIGGER:
            words.add(item)
        else:
            words.add(item.lower())
    return frozenset(words)


def _rule(spec: Any, fragments: dict[str, str], tables: dict[str, dict[str, Any]]) -> Rule:
    if not isinstance(spec, dict) or "name" not in spec or "pattern" not in spec:
        raise ResourceError(f"rule needs a name and a pattern: {spec!r}")
    name = str(spec["name"])
    if spec.get("type") not in TIMEX_TYPES:
        raise ResourceError(f"rule {name}: type must be one of {TIMEX_TYPES}")
    if spec.get("resolve") not in RESOLVERS:
        raise ResourceError(f"rule {name}: unknown resolver {spec.get('resolve')!r}")
    if "example" not in spec or "expect" not in spec:
        raise ResourceError(f"rule {name}: every rule needs an example and its expected value")
    body = _expand(str(spec["pattern"]), fragments)
    if spec.get("hyphen_joined"):  # the rule itself says which hyphenated word may touch it ("June-September")
        regex = _compile(r"(?<![\w'’])(?:" + body + r")(?!\w|['’](?!s\b)\w)", f"rule {name}")
    else:
        # a clock range written "10am-5pm" / "noon-8 p.m." is two times, though a letter touches the hyphen
        regex = _compile(r"(?<![\w'’])(?:(?<![^\W\d]-)|(?<=\d[ap]m-)|(?<=\bnoon-))(?:" + body
                         + r")(?!\w|['’](?!s\b)\w|-[^\W\d])", f"rule {name}")
    before = spec.get("reject_before")
    required = spec.get("require_before")
    after = spec.get("reject_after")
    near = spec.get("reject_near")
    named = spec.get("reject_named")
    keep = spec.get("keep_before")
    return Rule(
        name=name,
        regex=regex,
        type=str(spec["type"]),
        resolve=str(spec["resolve"]),
        params=dict(spec.get("params") or {}),
        reject_before=_compile(_expand(str(before), fragments) + r"\Z", f"rule {name} reject_before", 0)
        if before else None,
        reject_after=_compile(_expand(str(after), fragments), f"rule {name} reject_after", 0) if after else None,
        require_before=_compile(_expand(str(required), fragments) + r"\Z", f"rule {name} require_before",
                                re.IGNORECASE) if required else None,
        reject_near=_compile(_expand(str(near), fragments), f"rule {name} reject_near") if near else None,
        near_only=_compile(_expand(str(spec["near_only"]), fragments), f"rule {name} near_only")
        if spec.get("near_only") else None,
        reject_named=_expand(str(named), fragments) if named else "",
        keep_before=_compile(_expand(str(keep), fragments) + r"\Z", f"rule {name} keep_before") if keep else None,
        example=str(spec["example"]),
        expect=str(spec["expect"]),
        trigger=_trigger(spec.get("trigger"), tables, name),
        needs=tuple(str(item).lower() for item in spec.get("needs") or ()),
    )


@lru_cache(maxsize=4)
def load_tables(directory: Path | None = None) -> dict[str, dict[str, Any]]:
    """The word -> value tables of ``normalization.yaml`` (keys lower case, spaces single), read once per directory.

    Shared, not copied: callers must not change them.

    >>> load_tables()["month"]["jan."], load_tables()["weekday"]["friday"]
    (1, 5)
    """
    return _normalize_tables(_read_yaml((directory or data_file("temporal")) / "normalization.yaml"))


@lru_cache(maxsize=4)
def load_resources(directory: Path | None = None) -> Resources:
    """Read, validate and compile the temporal resources (cached per directory).

    >>> len(load_resources().rules) > 20
    True
    """
    folder = directory or data_file("temporal")
    tables = load_tables(directory)
    fragments = _fragments(_read_yaml(folder / "patterns.yaml"), tables)
    raw_rules = _read_yaml(folder / "rules.yaml")
    if not isinstance(raw_rules, dict) or not isinstance(raw_rules.get("rules"), list):
        raise ResourceError("rules.yaml must have a `rules` list")
    rules = tuple(_rule(spec, fragments, tables) for spec in raw_rules["rules"])
    names = [rule.name for rule in rules]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ResourceError(f"duplicate rule names: {sorted(duplicates)}")
    tense = _read_yaml(folder / "tense.yaml")
    if not isinstance(tense, dict):
        raise ResourceError("tense.yaml must be a mapping")
    trigger_words = tuple(sorted({w for rule in rules for w in rule.trigger if w != DIGIT_TRIGGER}))
    example_dct = raw_rules.get("example_dct", dt.date(2025, 12, 13))
    if not isinstance(example_dct, dt.date):
        example_dct = dt.date.fromisoformat(str(example_dct))
    def words(key: str) -> tuple[str, ...]:
        return tuple(str(c).lower() for c in tense.get(key, []))

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(word.split()) for word in words(key))

    future, past = words("future"), words("past")
    return Resources(
        tables=tables,
        rules=rules,
        future_cues=future,
        past_cues=past,
        not_past=frozenset(words("not_past")),
        causal_heads=frozenset(words("causal_heads")),
        duration_verb_heads=frozenset(words("duration_verb_heads")),
        duration_verb_before=frozenset(words("duration_verb_before")),
        duration_verb_after=frozenset(words("duration_verb_after")),
        plan_be_words=frozenset(words("plan_be_words")),
        cause_openers=frozenset(words("cause_openers")),
        future_suffixes=words("future_suffixes"),
        possession_pasts=frozenset(words("possession_pasts")),
        final_item_nouns=frozenset(words("final_item_nouns")),
        present_have=words("present_have"),
        headline_max_words=int(tense.get("headline_max_words", 0)),
        headline_verbs_before_to=frozenset(words("headline_verbs_before_to")),
        headline_plan_verbs=frozenset(words("headline_plan_verbs")),
        clause_year_breaks=words("clause_year_breaks"),
        listed_month_joins=words("listed_month_joins"),
        listed_month_figure_prepositions=words("listed_month_figure_prepositions"),
        listed_month_units=words("listed_month_units"),
        habitual_cues=words("habitual_cues"),
        habitual_cues_after=words("habitual_cues_after"),
        habitual_breaks=words("habitual_breaks"),
        copula_year_links=words("copula_year_links"),
        school_year_span_after=words("school_year_span_after"),
        school_year_span_before=words("school_year_span_before"),
        school_year_span_reach=int(tense.get("school_year_span_reach", 0)),
        school_year_first_months=frozenset(int(x) for x in tense.get("school_year_first_months", [])),
        school_year_second_months=frozenset(int(x) for x in tense.get("school_year_second_months", [])),
        clause_year_conjunctions=tuple(str(c) for c in tense.get("clause_year_conjunctions", [])),
        clause_year_prepositions=words("clause_year_prepositions"),
        clause_year_baselines=words("comparison_words") + words("clause_year_baselines"),
        clause_year_determiners=words("clause_year_determiners"),
        clause_year_relatives=words("clause_year_relatives"),
        window_before=int(tense.get("window_before", 8)),
        window_after=int(tense.get("window_after", 6)),
        example_dct=example_dct,
        trigger_words=trigger_words,
        zone_pattern=re.compile(_expand("%{timezone}", fragments), re.IGNORECASE),
        filing_pattern=re.compile(_expand("%{filing_date}", fragments), re.IGNORECASE),
        cue_sets=_cue_sets(future, past),
        future_right_before=phrases("future_right_before"),
        past_right_before=phrases("past_right_before"),
        day_future_right_before=phrases("day_future_right_before"),
        nominal_until=phrases("nominal_until"),
        intent=frozenset(words("intent")),
        be_plan_participles=frozenset(words("be_plan_participles")),
        reduced_plan_participles=frozenset(words("reduced_plan_participles")),
        month_event_nouns=frozenset(words("event_nouns") + words("month_event_nouns")),
        period_bound_phrases=phrases("period_bound_phrases"),
        end_bound_phrases=phrases("end_bound_phrases"),
        baseline_day_phrases=phrases("baseline_day_phrases"),
        period_end_phrases=phrases("period_end_phrases"),
        event_date_phrases=phrases("event_date_phrases"),
        effective_phrases=phrases("effective_phrases"),
        past_only_right_before=phrases("past_only_right_before"),
        past_object_stems=words("past_object_stems"),
        reported_modals=frozenset(words("reported_modals")),
        raising_verbs=frozenset(words("raising_verbs")),
        attempt_past_verbs=frozenset(words("attempt_past_verbs")),
        purpose_span_verbs=frozenset(words("purpose_span_verbs")),
        purpose_span_gerunds=frozenset(words("purpose_span_gerunds")),
        purpose_span_ends=frozenset(words("purpose_span_ends")),
        purpose_span_reach=int(tense.get("purpose_span_reach", 0)),
        commitment_verbs=frozenset(words("commitment_verbs")),
        past_subjects=frozenset(words("past_subjects")),
        clause_future=frozenset(words("clause_future")),
        clause_expecting=frozenset(words("clause_expecting")),
        clause_expecting_reach=int(tense.get("clause_expecting_reach", 0)),
        past_clause_openers=frozenset(words("past_clause_openers")),
        governing_modals=frozenset(words("governing_modals")),
        since_clause_openers=frozenset(words("since_clause_openers")),
        deadline_modals=frozenset(words("deadline_modals")),
        nominal_future_nouns=frozenset(words("nominal_future_nouns")),
        nominal_future_words=phrases("nominal_future_words"),
        object_plan_nouns=frozenset(words("object_plan_nouns")),
        object_plan_openers=frozenset(words("object_plan_openers")),
        participle_date_prepositions=frozenset(words("participle_date_prepositions")),
        past_act_pp_prepositions=frozenset(words("past_act_pp_prepositions")),
        past_act_pp_breaks=frozenset(words("past_act_pp_breaks")),
        finite_past_prepositions=frozenset(words("finite_past_prepositions")),
        finite_past_month_prepositions=frozenset(words("finite_past_month_prepositions")),
        finite_past_breaks=frozenset(words("finite_past_breaks")),
        finite_past_not_after=frozenset(words("finite_past_not_after")),
        past_relative_pronouns=frozenset(words("past_relative_pronouns")),
        coordinated_clause_openers=frozenset(words("coordinated_clause_openers")),
        demand_phrases=phrases("demand_phrases"),
        called_event_nouns=frozenset(words("called_event_nouns")),
        announce_for_verbs=phrases("announce_for_verbs"),
        start_phrases=phrases("start_phrases"),
        expectation_verbs=frozenset(words("expectation_verbs")),
        past_expectation_forms=frozenset(words("past_expectation_forms")),
        quarter_result_nouns=frozenset(words("quarter_result_nouns")),
        quarter_result_modifiers=frozenset(words("quarter_result_modifiers")),
        fiscal_label_revisions=frozenset(words("fiscal_label_revisions")),
        fiscal_label_guidance=frozenset(words("fiscal_label_guidance")),
        fiscal_label_from_month=int(tense.get("fiscal_label_from_month", 13)),
        fiscal_label_late_quarters=frozenset(int(q) for q in tense.get("fiscal_label_late_quarters", [])),
        fiscal_label_current_words=frozenset(words("fiscal_label_current_words")),
        fiscal_label_year_words=frozenset(words("fiscal_label_year_words")),
        fiscal_label_marker=str(tense.get("fiscal_label_marker", "(?!)")),
        obligation_modals=frozenset(words("obligation_modals")),
        passive_modals=frozenset(words("passive_modals")),
        possibility_modals=frozenset(words("possibility_modals")),
        possibility_fillers=frozenset(words("possibility_fillers")),
        possibility_perfects=frozenset(words("possibility_perfects")),
        possibility_past_links=frozenset(words("possibility_past_links")),
        coming_could_modals=frozenset(words("coming_could_modals")),
        could_plan_participles=frozenset(words("could_plan_participles")),
        could_negators=frozenset(words("could_negators")),
        could_ability_verbs=frozenset(words("could_ability_verbs")),
        could_subject_breakers=frozenset(words("could_subject_breakers")),
        conditional_modals=frozenset(words("conditional_modals")),
        modal_perfect_modals=frozenset(words("modal_perfect_modals")),
        durative_past_verbs=frozenset(words("durative_past_verbs")),
        past_back_words=frozenset(words("past_back_words")),
        past_back_fillers=frozenset(words("past_back_fillers")),
        past_back_prepositions=frozenset(words("past_back_prepositions")),
        condition_openers=frozenset(words("condition_openers")),
        modal_fillers=frozenset(words("modal_fillers")),
        plan_appositive_openers=frozenset(words("plan_appositive_openers")),
        participle_plans=phrases("participle_plans"),
        adjacent_participle_plans=phrases("adjacent_participle_plans"),
        nominal_future_after=frozenset(words("nominal_future_after")),
        progressive_openers=frozenset(words("progressive_openers")),
        not_progressive_ing=frozenset(words("not_progressive_ing")),
        progressive_plan_prepositions=frozenset(words("progressive_plan_prepositions")),
        progressive_from_stops=frozenset(words("progressive_from_stops")),
        progressive_clause_breaks=frozenset(words("progressive_clause_breaks")),
        progressive_object_stops=frozenset(words("progressive_object_stops")),
        progressive_weekday_verbs=frozenset(words("progressive_weekday_verbs")),
        progressive_weekday_stops=frozenset(words("progressive_weekday_stops")),
        progressive_weekday_attributive=frozenset(words("progressive_weekday_attributive")),
        likely_degree=frozenset(words("likely_degree")),
        forecast_words=frozenset(words("forecast_words")),
        weather_document_phrases=words("weather_document_phrases"),
        notice_document_phrases=words("notice_document_phrases"),
        broadcast_document_phrases=words("broadcast_document_phrases"),
        headline_plural_nouns=frozenset(words("headline_plural_nouns")),
        speech_before_possessive=frozenset(words("speech_before_possessive")),
        past_possessive_prepositions=frozenset(words("past_possessive_prepositions")),
        reporting_participles=frozenset(words("reporting_participles")),
        agent_participle_prepositions=frozenset(words("agent_participle_prepositions")),
        postpone_stems=words("postpone_stems"),
        postpone_phrases=phrases("postpone_phrases"),
        awaited_event_phrases=phrases("awaited_event_phrases"),
        cancel_stems=words("cancel_stems"),
        postpone_prepositions=frozenset(words("postpone_prepositions")),
        target_day_for_words=frozenset(words("target_day_for_words")),
        adjourn_for_words=frozenset(words("adjourn_for_words")),
        postpone_not_after=frozenset(words("postpone_not_after")),
        arrange_participles=phrases("arrange_participles"),
        arranged_event_nouns=frozenset(words("arranged_event_nouns")),
        arranged_event_joins=frozenset(words("arranged_event_joins")),
        arranged_event_stops=frozenset(words("arranged_event_stops")),
        perfect_auxiliaries=frozenset(words("perfect_auxiliaries")),
        perfect_adverbs=frozenset(words("perfect_adverbs")),
        passive_adverbs=frozenset(words("passive_adverbs")),
        be_participle_adverbs=frozenset(words("be_participle_adverbs")),
        passive_perfect_be=frozenset(words("passive_perfect_be")),
        passive_arrange_prepositions=frozenset(words("passive_arrange_prepositions")),
        passive_alert_participles=phrases("passive_alert_participles"),
        present_be_schedule=frozenset(words("present_be_schedule")),
        present_be_prepositions=frozenset(words("present_be_prepositions")),
        present_pronouns=frozenset(words("present_pronouns")),
        present_plural_pronouns=frozenset(words("present_plural_pronouns")),
        present_relative_pronouns=frozenset(words("present_relative_pronouns")),
        trailing_relative_openers=frozenset(words("trailing_relative_openers")),
        trailing_relative_event_nouns=frozenset(words("trailing_relative_event_nouns") + words("called_event_nouns")
                                                + words("event_nouns") + words("month_event_nouns")
                                                + words("day_event_nouns") + words("arranged_event_nouns")),
        present_subject_prepositions=frozenset(words("present_subject_prepositions")),
        present_determiners=frozenset(words("present_determiners")),
        present_singular_determiners=frozenset(words("present_singular_determiners")),
        present_not_verbs=frozenset(words("present_not_verbs")),
        present_noun_modifiers=frozenset(words("present_noun_modifiers")),
        present_modifier_suffixes=words("present_modifier_suffixes"),
        present_sequel_verbs=frozenset(words("present_sequel_verbs")),
        present_reporting=frozenset(words("present_reporting")),
        irregular_past=frozenset(words("irregular_past")),
        present_clause_openers=frozenset(words("present_clause_openers")),
        present_schedule_verbs=frozenset(words("present_schedule_verbs")),
        present_market_subjects=frozenset(words("present_market_subjects")),
        fixture_present_verbs=frozenset(words("fixture_present_verbs")),
        weekday_subject_verbs=frozenset(words("weekday_subject_verbs")),
        weekday_subject_adverbs=frozenset(words("weekday_subject_adverbs")),
        after_day_adverbs=frozenset(words("after_day_adverbs")),
        weekday_subject_openers=frozenset(words("weekday_subject_openers")),
        weekday_subject_reporting=frozenset(words("weekday_subject_reporting")),
        present_subordinators=frozenset(words("present_subordinators")),
        present_change_verbs=frozenset(words("present_change_verbs")),
        present_quantity_heads=frozenset(words("present_quantity_heads")),
        present_set_heads=frozenset(words("present_set_heads")),
        market_session_verbs=frozenset(words("market_session_verbs")),
        market_direction_words=frozenset(words("market_direction_words")),
        present_object_breakers=frozenset(words("present_object_breakers")),
        comparison_words=frozenset(words("comparison_words")),
        particle_over_verbs=frozenset(words("particle_over_verbs")),
        agent_participle_reach=int(tense.get("agent_participle_reach", 5)),
        agent_participle_words=frozenset(words("agent_participle_words")),
        agent_participle_openers=frozenset(words("agent_participle_openers")),
        schedule_from_words=frozenset(words("schedule_from_words")),
        span_end_words=frozenset(words("span_end_words")),
        compared_time_cues=frozenset(words("compared_time_cues")),
        compared_expectation_words=frozenset(words("compared_expectation_words")),
        compared_from_phrases=phrases("compared_from_phrases"),
        compared_from_reach=int(tense.get("compared_from_reach", 0)),
        stage_nouns=frozenset(words("stage_nouns")),
        stage_reach_words=frozenset(words("stage_reach_words")),
        stage_setup_phrases=phrases("stage_setup_phrases"),
        day_event_nouns=frozenset(words("event_nouns") + words("day_event_nouns")),
        event_noun_modifiers=frozenset(words("event_noun_modifiers")),
        deadline_setting_verbs=frozenset(words("deadline_setting_verbs")),
        deadline_nouns=frozenset(words("deadline_nouns")),
    )
