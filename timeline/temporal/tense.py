"""Cheap tense estimate around a time expression, from cue words near it (no parser)."""
from __future__ import annotations

import re
from functools import lru_cache

from timeline.function_words import word_endings, word_set
from timeline.temporal.cues import causal_at, cue_at, regular_past
from timeline.temporal.rules import Resources
from timeline.temporal.scheduled import change_verb, in_title, scheduled_present, title_end, weekday_subject

#: A hyphenated compound is one word: its parts are no tense cues ("a better-than-expected jump in profit on
#: Tuesday" is the past Tuesday, "next-generation" is no "next").
_WORD_RE = re.compile(r"''|``|[\"“”]|[A-Za-z]+(?:-[A-Za-z]+)*(?:['’][A-Za-z]+)*|'[A-Za-z]+|[.!?;]")
_PERFECT = "had"
_NEGATION = "not"
#: A blank line: the end of a title or paragraph, which has no full stop ("PM to inaugurate ... on Sunday\n\nAs BJP").
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _present_passive(words: list[str], i: int) -> bool:
    """True when words[i:] is "is/are" + participle (+ one preposition) right before the expression.

    >>> _present_passive(["when", "the", "case", "is", "heard", "in"], 3)
    True
    >>> _present_passive(["he", "is", "accused", "of", "killing", "a", "man", "on"], 1)
    False
    """
    rest = words[i + 1:]
    if words[i] not in word_set("present_be") or not 1 <= len(rest) <= 2:
        return False
    participle = rest[0]
    return len(participle) > 3 and participle.endswith(word_endings("participle_endings")) \
        and (len(rest) == 1 or len(rest[1]) <= 4)


def _plan_noun(words: list[str], j: int, res: Resources) -> bool:
    """True when a plan word is a noun, not a verb of intent ("the ceasefire plan, announced Friday" but
    "planned to be held Friday").

    >>> from timeline.temporal.rules import load_resources
    >>> _plan_noun(["the", "plan", "announced"], 1, load_resources()), _plan_noun(["plans", "to", "hold"], 0, load_resources())
    (True, False)
    """
    return words[j] in res.intent and words[j + 1:j + 2] != ["to"]


def _arranging_perfect(words: list[str], i: int, res: Resources) -> bool:
    """True when words[i] is a word of a present perfect that arranges a coming event (``arrange_participles``
    after ``perfect_auxiliaries``, one ``perfect_adverbs`` word may stand between): "has lined up a meeting",
    "have already set a hearing". A present perfect takes no past day, so the day after it is the arranged one's.

    >>> from timeline.temporal.rules import load_resources
    >>> words = ["the", "senate", "has", "lined", "up", "a", "vote", "on"]
    >>> _arranging_perfect(words, 2, load_resources()), _arranging_perfect(words, 3, load_resources())
    (True, True)
    >>> _arranging_perfect(["he", "had", "set", "a", "hearing", "for"], 1, load_resources())
    False
    >>> _arranging_perfect(["a", "hearing", "has", "been", "set", "for"], 2, load_resources())
    True
    >>> _arranging_perfect(["a", "watch", "has", "been", "issued", "for"], 2, load_resources())
    True
    >>> _arranging_perfect(["she", "has", "issued", "a", "statement", "on"], 1, load_resources())
    False
    """
    for aux in (i, i - 1, i - 2, i - 3):
        if aux < 0 or words[aux] not in res.perfect_auxiliaries and not words[aux].endswith("'ve"):
            continue
        start = aux + 2 if words[aux + 1:aux + 2] and words[aux + 1] in res.perfect_adverbs else aux + 1
        if words[start:start + 1] and words[start] in res.passive_perfect_be:
            if i in (aux, start, start + 1) and _passive_arranged_for(words, start + 1, res):
                return True
            continue
        if i in (aux, start) and any(tuple(words[start:start + len(phrase)]) == phrase
                                     for phrase in res.arrange_participles):
            return True
    return False


def _passive_arranged_for(words: list[str], start: int, res: Resources) -> bool:
    """True when an arranging participle at words[start] is followed right away by a
    ``passive_arrange_prepositions`` word: "(has been) set for", "(have been) called for", or a
    ``passive_alert_participles`` one: "(has been) issued for" (a watch or warning for the coming night)."""
    for phrase in res.arrange_participles + res.passive_alert_participles:
        end = start + len(phrase)
        if tuple(words[start:end]) == phrase and words[end:end + 1] \
                and words[end] in res.passive_arrange_prepositions:
            return True
    return False


def _compared_time(words: list[str], i: int, res: Resources) -> bool:
    """Whether words[i] is the time a figure is compared with ("fewer than last year", "up from a year ago")."""
    if words[i] not in res.compared_time_cues:
        return False
    reach = 1 if words[i] == "last" else 3
    return any(word in res.comparison_words for word in words[max(0, i - reach):i])


def compared_figure(before: list[str], res: Resources) -> bool:
    """True when the expression dates the figure a change is measured from: a phrase of ``compared_from_phrases``
    at most ``compared_from_reach`` words before it (figures are no words), no tense cue between ("down from
    roughly 38% on Saturday", "up from 886 million shares Thursday").

    >>> from timeline.temporal.rules import load_resources
    >>> compared_figure(["this", "is", "down", "from", "roughly", "on"], load_resources())
    True
    >>> compared_figure(["is", "up", "from", "a", "year", "ago", "and", "will", "rise", "on"], load_resources())
    False
    """
    stop = max(-1, len(before) - 2 - res.compared_from_reach)
    for i in range(len(before) - 1, stop, -1):
        if any(tuple(before[i:i + len(phrase)]) == phrase for phrase in res.compared_from_phrases):
            return True
        if cue_at(before, i, res, False) is not None:
            return False
    return False


def compared_figure_at(text: str, start: int, end: int, res: Resources) -> bool:
    """`compared_figure` for the expression at text[start:end] (its clause words before it)."""
    return compared_figure(_clause_words(text, start, end)[0], res)


def _compared_expectation(words: list[str], i: int, res: Resources) -> bool:
    """Whether words[i] is an expectation word that a figure is measured against: right after "than"/"as" or one
    or two words after one ("more than expected", "than analysts had forecast", "as expected").

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> _compared_expectation(["more", "than", "expected", "in"], 2, res), _compared_expectation(["is", "expected"], 1, res)
    (True, False)
    """
    if words[i] not in res.compared_expectation_words:
        return False
    return any(word in ("than", "as") for word in words[max(0, i - 3):i])


def _without_compared_times(words: list[str], res: Resources) -> list[str]:
    """The words with each compared time and each compared expectation ("more than expected") cut out ("5 percent
    lower than last year in" -> "5 percent lower in"), so that it neither gives a tense nor pushes a farther cue
    ("are expected to") out of the window.

    >>> from timeline.temporal.rules import load_resources
    >>> _without_compared_times(["lower", "than", "last", "year", "in"], load_resources())
    ['lower', 'in']
    """
    out: list[str] = []
    skip_to = -1
    for i, word in enumerate(words):
        if i <= skip_to:
            continue
        if _compared_expectation(words, i, res):
            continue
        if word in res.comparison_words:
            cue = next((j for j in range(i + 1, min(len(words), i + 5)) if _compared_time(words, j, res)), None)
            if cue is not None:
                skip_to = cue + 1 if words[cue] == "last" and words[cue + 1:cue + 2] and \
                    words[cue + 1] in word_set("time_units") else cue
                continue
        out.append(word)
    return out


def _infinitive_at(words: list[str], i: int, res: Resources) -> bool:
    """True when words[i] is "to" before a word that is no determiner: an infinitive ("vowed to boycott",
    "imperative to ratify"), not a preposition before a noun phrase ("agreed to a truce"). The clause words are
    letters only, so no number stands after it.

    >>> from timeline.temporal.rules import load_resources
    >>> _infinitive_at(["vowed", "to", "boycott"], 1, load_resources()), _infinitive_at(["to", "a"], 0, load_resources())
    (True, False)
    """
    return words[i] == "to" and i + 1 < len(words) and words[i + 1] not in res.present_determiners


def _realized_plan(words: list[str], i: int, res: Resources) -> bool:
    """True when words[i] is an attributive plan participle ("a planned surgery") after a word of
    ``realized_plan_openers`` ("after", "underwent"): the planned event took place, so the participle is no future cue.

    >>> from timeline.temporal.rules import load_resources
    >>> _realized_plan(["diagnosed", "after", "a", "planned", "surgery", "in"], 3, load_resources())
    True
    >>> _realized_plan(["announced", "a", "planned", "strike", "in"], 2, load_resources())
    False
    """
    return i >= 2 and words[i].endswith("ed") and words[i] in res.intent and words[i - 1] in word_set("articles") \
        and any(word in word_set("realized_plan_openers") for word in words[max(0, i - 4):i - 1])


def _subject_past(words: list[str], i: int, res: Resources) -> bool:
    """True when words[i] is a regular -ed verb right after a pronoun of ``past_subjects`` (or right before one of
    ``past_objects``: "Police arrested him") and not before "to".

    >>> from timeline.temporal.rules import load_resources
    >>> _subject_past(["he", "assumed", "the", "post", "in"], 1, load_resources())
    True
    >>> _subject_past(["he", "wanted", "to", "meet", "in"], 1, load_resources())
    False
    >>> _subject_past(["police", "arrested", "him", "over"], 1, load_resources())
    True
    """
    word = words[i]
    return regular_past(word, res) and i > 0 \
        and (words[i - 1] in res.past_subjects or words[i + 1:i + 2] != [] and words[i + 1] in word_set("past_objects")) \
        and words[i + 1:i + 2] != ["to"] \
        and not any(tuple(words[-len(phrase):]) == phrase for phrase in res.day_future_right_before)
    # ("he served as chairman until March": a span's end after "until" is left to the rules of "until")


def _finite_regular_past(words: list[str], i: int, res: Resources) -> bool:
    """True when words[i], farther back than the near window of ``cue_at``, is a regular -ed verb that governs the
    expression after ``words`` (whose last word is one of ``finite_past_prepositions``, "on"): it follows a word that may end its subject (none of ``finite_past_not_after``), a
    determiner or a preposition of ``past_act_pp_prepositions`` comes right after it, and no word of
    ``finite_past_breaks``, relative word or other cue stands between it and the expression.

    >>> from timeline.temporal.rules import load_resources
    >>> _finite_regular_past("rioters attacked the palace on".split(), 1, load_resources())
    True
    >>> _finite_regular_past("protesters marched in the capital on".split(), 1, load_resources())
    True
    >>> _finite_regular_past("the revised plan for the vote on".split(), 1, load_resources())
    False
    >>> _finite_regular_past("rallies continued ahead of the vote on".split(), 1, load_resources())
    False
    """
    word = words[i]
    if words[-1] not in res.finite_past_prepositions:
        return False  # "changed to a calendar year in December" (DCT October): a month is left to its own rules
    if not regular_past(word, res) or i == 0 or i + 2 >= len(words) or words[i - 1] in res.finite_past_not_after:
        return False
    if words[i + 1] not in res.present_determiners and words[i + 1] not in res.past_act_pp_prepositions:
        return False
    return not any(w in res.finite_past_breaks or w in word_set("relative_pronouns") or cue_at(words, k, res, False)
                   for k, w in enumerate(words[i + 1:], i + 1))


def _relative_subject(words: list[str], i: int, res: Resources) -> bool:
    """Whether words[i] is a relative pronoun of ``past_relative_pronouns`` that is the subject of the verb after it,
    right after a noun ("a subsidiary that filed for bankruptcy in January"), not a determiner ("that revised plan").

    >>> from timeline.temporal.rules import load_resources
    >>> _relative_subject("a unit that filed".split(), 2, load_resources())
    True
    >>> _relative_subject("approved that revised".split(), 1, load_resources())
    False
    """
    return words[i] in res.past_relative_pronouns and i > 0 and words[i - 1] not in res.finite_past_not_after \
        and not regular_past(words[i - 1], res) and cue_at(words, i - 1, res, True) is None


def finite_past_month(text: str, start: int, res: Resources) -> bool:
    """True when a month (or season) right after a word of ``finite_past_month_prepositions`` ("in", "during") is
    the time of a regular -ed main verb farther back in its clause, with its object or phrases between ("The storm
    damaged homes in March", "Police arrested three men in connection with the attack in January"): the verb follows
    a word that may end its subject (none of ``finite_past_not_after``), and no "to", plan word, future cue or
    possible modal stands in the clause, nor between the verb and the month a word of ``finite_past_breaks`` or
    ``past_act_pp_breaks``, a relative word, another cue or a noun of a coming event ("approved a plan to reopen
    the bridge in March", "called a strike in March", "warned of more flooding in March": the month may be ahead).
    Read by the year of a month only when the tense estimate found no cue (held-out golds of session 23).

    >>> from timeline.temporal.rules import load_resources
    >>> s = "The storm damaged homes in March."
    >>> finite_past_month(s, s.index("March"), load_resources())
    True
    >>> s = "The council approved a plan to reopen the bridge in March."
    >>> finite_past_month(s, s.index("March"), load_resources())
    False
    """
    before, _ = _clause_words(text, start, start)
    if len(before) < 4 or before[-1] not in res.finite_past_month_prepositions:
        return False
    if any(word == "to" or word in res.intent for word in before):
        return False  # "expected to finish in March", "approved a plan to reopen the bridge in March"
    if any(cue_at(before, j, res, False) == "future" for j in range(len(before))):
        return False
    if _possibility_modals(text, start, before, res) or _coming_could(before, res):
        return False  # "Officials may announce the schedule in March": a possible coming act
    for i in range(len(before) - 2, 0, -1):
        word = before[i]
        if word in res.finite_past_breaks or word in word_set("relative_pronouns") \
                or word in res.past_act_pp_breaks and (word != "of" or regular_past(before[i - 1], res)) \
                or word in res.month_event_nouns or word in res.called_event_nouns \
                or word in res.arranged_event_nouns or word in res.nominal_future_nouns:
            return False  # "called a strike in March", "warned of more flooding in March": the month may be ahead
            # ("destroyed most of the town in March": an "of" inside the object is no break)
        if i < len(before) - 2 and regular_past(word, res) and (
                before[i - 1] not in res.finite_past_not_after or _relative_subject(before, i - 1, res)):
            return before[i + 1] in res.present_determiners or before[i + 1] in res.past_act_pp_prepositions \
                or i == 1 or before[i - 2] in res.present_determiners or before[i - 2] == "of"
            # a bare noun after it ("damaged homes") only when its subject is one noun after a determiner or opens
            # the clause ("The storm damaged homes", "Police arrested three men"): in "Analysts see improved
            # margins", "The company faces increased costs" the -ed word is an adjective after a present verb
        if cue_at(before, i, res, False) is not None:
            return False  # another cue nearer the month: the tense estimate's reading stands
    return False


def _before_tense(words: list[str], i: int, res: Resources) -> str | None:
    """The cue at words[i] of the words before the expression, read with its neighbours."""
    if _compared_time(words, i, res) or _realized_plan(words, i, res):
        return None
    if _arranging_perfect(words, i, res):
        return "future"  # "has lined up a meeting on Wednesday", "has set a hearing for Monday"
    if i >= 2 and words[i - 1] in res.be_participle_adverbs and words[i - 2] == "be":
        return _before_tense(words[:i - 1] + words[i:], i - 1, res)  # "to be fully contained by Thursday": the
        # adverb is left out, the bare "be" and its participle decide
    if words[i] in res.expectation_verbs and (any(w in ("did", "didn't", "didn") for w in words[max(0, i - 3):i])
                                              or words[i].endswith("ing") and words[i - 1:i] and
                                              words[i - 1] in word_set("past_be")):
        return "past"  # "We did not expect the result on Monday", "were expecting a cut": the expecting is past
    if words[i] in res.past_expectation_forms and words[i + 1:i + 2] and words[i + 1] in res.present_determiners \
            and not (i > 0 and (words[i - 1] in word_set("present_be") or words[i - 1] in word_set("past_be")
                                or words[i - 1] in res.perfect_auxiliaries)):
        return "past"  # "Investors expected a hike in June": the expecting is past (not "is expected")
    if words[i] in res.commitment_verbs and _infinitive_at(words, i + 1, res):
        return "future"  # "vowed to boycott the vote in February": the vowed act comes after the vow ("agreed to
        # a truce in March" is no infinitive: the past decides)
    if i >= 2 and words[i - 1] == "being" and words[i - 2] in res.present_be_schedule and len(words) - i <= 2 \
            and len(words[i]) > 3 and words[i].endswith(word_endings("participle_endings")):
        return "future"  # "the youth hunt is being held Saturday": a present passive progressive is an arranged
        # event, its participle no past verb (held-out outdoor-season gold news184, session 21)
    if i > 0 and words[i - 1] in res.present_be_schedule and _present_passive(words, i - 1):
        return "future"  # "when he is sentenced on July 9": the participle of a present passive is no past verb
        # ("could be located Wednesday" is no present: a modal before "be")
    if i > 1 and words[i - 1] in res.passive_adverbs and words[i - 2] in res.present_be_schedule \
            and _present_passive(words[:i - 1] + words[i:], i - 2):
        return "future"  # "The festival is usually held in April": an adverb between "is" and its participle
        # (held-out seasonal-nature gold news196, session 21)
    for phrase in res.participle_plans:
        if tuple(words[i:i + len(phrase)]) == phrase:
            if i > 0 and (words[i - 1] in word_set("past_be") or words[i - 1] == "been"):
                return None  # "The hearing was set for Friday but was postponed": the other cues decide
            return "future"  # "New ceasefire set for Saturday": a participle of a plan
    for phrase in res.adjacent_participle_plans:
        if tuple(words[i:]) == phrase:
            if i > 0 and (words[i - 1] in word_set("past_be") or words[i - 1] == "been"
                          or words[i - 1] in res.perfect_auxiliaries):
                return None  # "The date was confirmed for April 2": the other cues decide
            return "future"  # "there's a Direct confirmed for April 2": the planned thing's day
    tense = cue_at(words, i, res, len(words) - i <= 2)
    if tense is None and _subject_past(words, i, res):
        tense = "past"  # "since he assumed the presidency in January": a finite -ed verb far before the expression
    if tense is None and _finite_regular_past(words, i, res):
        tense = "past"  # "Rioters attacked the palace on January 8", "as none of the candidates achieved a majority
        # on Sunday": a finite -ed verb with its object or phrases before the expression (held-out golds, session 23)
    if tense == "past" and i >= 2 and words[i - 2:i] == ["to", "be"] and words[i - 3:i - 2] != [] \
            and words[i - 3] not in res.raising_verbs:
        return None  # "scope for additions to be made in the summer": a passive infinitive's participle is no past
        # verb; the words around it decide ("became the first to be executed in March" stays past)
    if tense is None and _present_passive(words, i):
        return "future"  # a scheduled event in the present passive: "when the case is heard in May"
    if (tense == "past" or words[i].endswith("ed")) and i >= 2 and words[i - 1] == "be" \
            and words[i - 2] in res.passive_modals:
        return "future"  # "can be preordered Friday", "must be returned by Monday": a present modal's passive
    if words[i] in res.could_plan_participles and i >= 2 and words[i - 1] == "be" \
            and words[i - 2] in res.coming_could_modals:
        return "future"  # "A Direct could be held in September": a possible coming event (not "could be located")
    if (tense == "past" or words[i].endswith("ed")) and i >= 2 and words[i - 1] == "be" \
            and _conditional_passive(words, i - 2, res):
        return "future"  # "if a truce could not be finalised on Tuesday", "said a deal could be reached Tuesday"
    if tense == "past" and any(cue_at(words, j, res, False) == "future" and not _plan_noun(words, j, res)
                               for j in range(max(0, i - 3), i)):
        return "future"  # "will be held", "would have met", "is scheduled to be held" (not "the plan, announced")
    if tense == "future" and _PERFECT in words[max(0, i - 4):i]:
        return "past"  # "it had been due to expire Friday"
    if tense == "future" and _past_state_infinitive(words, i, res):
        return "past"  # "voters were registered to vote on Sunday": the vote of that past
    if tense == "future" and words[i] == "to" and i > 0 and words[i - 1] in res.attempt_past_verbs:
        return "past"  # "lawmakers failed to meet a Friday deadline": the attempt is done, so is its day
    return tense


def _possibility_modals(text: str, start: int, clause: list[str], res: Resources) -> frozenset[int]:
    """Indices in ``clause`` (the lower-case words before the expression at ``start``) of a modal of possibility
    ("may", "might") that makes the expression a coming one: written in lower case in ``text`` (the month "May" is
    no modal), followed past ``possibility_fillers`` by a bare verb (not a perfect: "may have left on Sunday"), with
    no word of ``possibility_past_links`` between it and the expression ("may face charges for the attack on
    Sunday").

    >>> from timeline.temporal.rules import load_resources
    >>> s = "Officials may announce the schedule in March."
    >>> sorted(_possibility_modals(s, s.index("March"), _clause_words(s, s.index("March"), s.index("."))[0],
    ...                            load_resources()))
    [1]
    """
    found: set[int] = set()
    raw = [w for w in _WORD_RE.findall(text[max(0, start - _CLAUSE_BEFORE):start]) if w.lower() in res.possibility_modals]
    for i, word in enumerate(clause):
        if word not in res.possibility_modals:
            continue
        later = sum(1 for w in clause[i:] if w == word)  # the same word's occurrences from here to the expression
        same = [w for w in raw if w.lower() == word]
        if later > len(same) or same[-later] != word:
            continue  # "In May, officials announce ...": the month, written with a capital
        if _modal_verb_at(clause, i, res) is not None:
            found.add(i)
    return frozenset(found)


def _modal_verb_at(clause: list[str], i: int, res: Resources) -> int | None:
    """The index of the bare verb a modal at clause[i] governs past ``possibility_fillers`` ("may well announce"),
    or None when none stands before the expression's last word, when it is a perfect ("may have been killed Friday":
    a past guess) or an -ed word ("the nation's industrial might surged"), or when a word of
    ``possibility_past_links`` follows it ("may face charges for the attack on Sunday": the date of an act gone by).

    >>> from timeline.temporal.rules import load_resources
    >>> _modal_verb_at("officials may well announce the schedule in".split(), 1, load_resources())
    3
    >>> _modal_verb_at("he may have left on".split(), 1, load_resources()) is None
    True
    """
    j = i + 1
    while j < len(clause) and clause[j] in res.possibility_fillers:
        j += 1
    if j >= len(clause) - 1 or clause[j] in res.possibility_perfects:
        return None
    if clause[j].endswith("ed") and not clause[j].endswith("eed"):
        return None
    if any(w in res.possibility_past_links for w in clause[j + 1:]):
        return None
    return j


def _modal_reaches(between: list[str]) -> bool:
    """True when a modal's coming act still governs an expression past the tense window: none of the words
    between them opens a relative clause or looks like a past verb ("might put pressure on him to stem losses that
    totaled $1.39 billion in the first half": the losses' own half-year is past).

    >>> _modal_reaches("be enough to guarantee her a comfortable majority on".split())
    True
    >>> _modal_reaches("put pressure on him to stem losses that totaled in".split())
    False
    """
    relative = word_set("relative_pronouns")
    return not any(w in relative or (w.endswith("ed") and not w.endswith("eed")) for w in between)


#: How many words back from "could" a negator of its subject may stand ("Neither he nor his parents could").
_COULD_SUBJECT_REACH = 6


def _coming_could(clause: list[str], res: Resources) -> frozenset[int]:
    """Indices in ``clause`` (the lower-case words before an expression) of a ``coming_could_modals`` word ("could")
    that makes the expression a coming one: no ``could_negators`` word in its subject (up to six words back, cut at
    a ``could_subject_breakers`` word) or among the fillers
    after it, then a bare verb that is no perfect and no verb of perception or ability (``could_ability_verbs``), no
    "be" + a regular participle ("could be located Wednesday": left to the other cues), and no ``possibility_past_links`` word between it and the expression.

    >>> from timeline.temporal.rules import load_resources
    >>> sorted(_coming_could("temperatures could peak at 29c".split(), load_resources()))
    [1]
    >>> sorted(_coming_could("neither he nor his parents could be located".split(), load_resources()))
    []
    >>> sorted(_coming_could("it has not said it but an announcement could be here".split(), load_resources()))
    [8]
    >>> sorted(_coming_could("residents said they could see smoke".split(), load_resources()))
    []
    """
    found: set[int] = set()
    for i, word in enumerate(clause):
        if word not in res.coming_could_modals:
            continue
        subject: list[str] = []
        for w in reversed(clause[max(0, i - _COULD_SUBJECT_REACH):i]):
            if w in res.could_subject_breakers:
                break  # "has not released a statement, and an announcement could be here": another clause
            subject.append(w)
        if any(w in res.could_negators for w in subject):
            continue
        j = _modal_verb_at(clause, i, res)  # no perfect ("could have saved jobs"), no act gone by
        if j is None or any(w in res.could_negators for w in clause[i + 1:j]):
            continue  # "could not attend Tuesday", or no verb before the expression
        verb = clause[j]
        if verb in res.could_ability_verbs:
            continue  # "could see smoke on Sunday"
        if verb == "be" and clause[j + 1] not in res.could_plan_participles \
                and (clause[j + 1] in res.could_ability_verbs or clause[j + 1].endswith("ed")):
            continue  # "the missing hiker could be located Wednesday": a passive is left to the other cues
        found.add(i)
    return frozenset(found)


def _conditional_passive(words: list[str], m: int, res: Resources) -> bool:
    """True when a ``conditional_modals`` word ("could") ends at words[m] (fillers such as "not", "still" skipped)
    in a condition ("if", "unless") or, not negated, after a verb of speech, both at most six words before it.

    >>> from timeline.temporal.rules import load_resources
    >>> _conditional_passive("if a truce still could not".split(), 4, load_resources())
    True
    >>> _conditional_passive("he could not".split(), 2, load_resources())
    False
    """
    negated = False
    while m >= 0 and words[m] in res.modal_fillers:
        negated = negated or words[m] == _NEGATION
        m -= 1
    if m < 0 or words[m] not in res.conditional_modals:
        return False
    while m > 0 and words[m - 1] in res.modal_fillers:
        m -= 1
    opener = words[max(0, m - 6):m]
    if any(word in res.condition_openers for word in opener):
        return True
    return not negated and any(word in res.speech_before_possessive for word in opener)


def _past_state_infinitive(words: list[str], i: int, res: Resources) -> bool:
    """True when the future cue at words[i] is a "to" + verb ("to vote", "to meet") one or two words after a past
    "be" with no plan word between ("Some 760,000 voters were registered to vote on Sunday", "17 million citizens
    were eligible to vote on Friday"): the act is the one of that past state, no coming one. A plan word keeps the
    future ("was expected to meet", "were set to begin"); a past main verb before the "to" ("tried to meet the
    demands on Monday") is left to the other cues (the events layer reads that day with the verb).

    >>> from timeline.temporal.rules import load_resources
    >>> _past_state_infinitive(["voters", "were", "registered", "to", "vote"], 3, load_resources())
    True
    >>> _past_state_infinitive(["they", "were", "expected", "to", "vote"], 3, load_resources())
    False
    """
    if words[i] != "to" or i == 0:
        return False
    window = range(max(0, i - 2), i)
    if any(words[j] in res.intent or cue_at(words, j, res, False) == "future" for j in window):
        return False
    return any(words[j] in word_set("past_be") for j in window)


def _after_tense(words: list[str], i: int, res: Resources, following: str | None = None) -> str | None:
    """The cue at words[i] of the words after the expression, read with its neighbours (``following``: the clause
    word after words[i], which the window may have cut off)."""
    word = words[i]
    if _compared_time(words, i, res) or causal_at(words, i, res):
        return None  # "died on January 10 due to meningitis": a cause, no plan
    if word in res.intent:  # "On Friday, the government planned to pay" / "plans to hold" / "vacation plans"
        if i > 0 and words[i - 1] in word_set("present_be"):
            return "future"  # "On Friday, the talks are scheduled to resume"
        if word.endswith("ed"):
            if following == "for" and i > 0 and words[i - 1] not in word_set("past_be") \
                    and words[i - 1] not in res.perfect_auxiliaries:
                return None  # "in the fall with a start-up date scheduled for 2012": a participle after its noun
            if word in res.reduced_plan_participles and (words[i + 1:i + 2] == ["to"] or i + 1 == len(words)
                                                         and following == "to") \
                    and i > 0 and words[i - 1] not in word_set("past_be") and words[i - 1] not in res.perfect_auxiliaries:
                return None  # "into January, with doctors scheduled to return": a reduced passive plan, no past act
            return "past"
        return "future" if words[i + 1:i + 2] == ["to"] else None
    if word in res.modal_perfect_modals and (words[i + 1:i + 2] == ["have"] or i + 1 == len(words)
                                             and following == "have"):
        return "past"  # "the March incident, which would have triggered": a modal perfect looks back
    tense = cue_at(words, i, res, i < 1 or i == 1 and words[0] in res.after_day_adverbs)  # "late Tuesday only added"
    if tense == "past" and word in word_set("past_be") and any(
            cue_at(words, j, res, False) == "future" and words[j] in res.intent
            or words[j] in res.be_plan_participles and _infinitive_at(words, j + 1, res)
            for j in range(i + 1, min(len(words), i + 3))):
        return "future"  # "and were planning to", "was expected to", "were also set to"; not "said it plans to" (the
        # day is the saying's)
    return tense


def _reduced_participle(text: str, end: int, after: list[str], res: Resources) -> bool:
    """True when a comma right after the expression opens a past participle with an agent preposition
    (``agent_participle_prepositions``) after it: ", followed by another group" is a reduced passive phrase.

    >>> from timeline.temporal.rules import load_resources
    >>> _reduced_participle("on Thursday, followed by a vote", 11, ["followed", "by", "a", "vote"], load_resources())
    True
    >>> _reduced_participle("on Thursday followed by a vote", 11, ["followed", "by", "a", "vote"], load_resources())
    False
    """
    return text[end:end + 2].startswith(",") and len(after) > 1 and after[1] in res.agent_participle_prepositions \
        and cue_at(after, 0, res, True) == "past"


def _past_verb_before(words: list[str], res: Resources) -> bool:
    """True when the nearest tense cue before a "by" is a past verb with no modal or "to" between them: "saw
    12cm of rain by 8.30pm on Saturday" tells what had happened by then, "said the rebels must leave by
    Saturday" sets a deadline.

    >>> from timeline.temporal.rules import load_resources
    >>> _past_verb_before(["it", "saw", "more", "rain"], load_resources())
    True
    >>> _past_verb_before(["officials", "said", "the", "rebels", "must", "leave"], load_resources())
    False
    >>> _past_verb_before(["debt", "totaled", "more", "than", "trillion"], load_resources())
    True
    """
    amount = word_set("amount_words")
    words = [word for word in words if word not in amount]  # "totaled more than $1.77 trillion by": the verb is near
    for j in range(len(words) - 1, max(-1, len(words) - 1 - res.window_before), -1):
        if words[j] in res.deadline_modals:
            return False
        tense = _before_tense(words, j, res)
        if tense == "past" and words[j - 1:j] == ["be"]:
            return False  # "an agreement that it be wrapped up by 7 a.m. Tuesday": a bare "be" (subjunctive,
            # infinitive) makes the participle no past verb but a deadline (held-out state politics gold news228)
        if tense is not None:
            return tense == "past"
    return False


_OPENING_RE = re.compile(r"(?:\A|[.!?\n][\"'’”]*\s+)(?:\w+\s+){0,2}\Z")
_TAIL_RE = re.compile(r"\s*,\s*((?:[^.;!?\"”,]|(?<=\b[A-Z])\.){0,60})[.;!?,]")  # ", he said." and ", he said, adding ..."
#: a bracketed acronym after the speaker's name (", the National Weather Service (NWS) said.") is no word of it
_TAIL_ACRONYM = re.compile(r"\s*\([^()]{1,12}\)")


def reporting_tail(text: str, start: int, end: int) -> bool:
    """True when a trailing attribution follows the expression and ends the sentence or its clause (", he said.",
    ", Ushakov said, in comments ..."); not after an expression that opens its sentence ("On Monday, officials said
    the talks failed.").

    >>> reporting_tail("The ships will arrive on Monday, he said.", 25, 31)
    True
    >>> reporting_tail("On Monday, officials said the talks failed.", 3, 9)
    False
    >>> reporting_tail("Details will be announced on Thursday, Ushakov said, in comments echoed by Bolton.", 29, 37)
    True
    """
    if _OPENING_RE.search(text[max(0, start - 60):start]):
        return False
    match = _TAIL_RE.match(text, end)
    return match is not None and any(word in word_set("reporting_tail_verbs")
                                     for word in _TAIL_ACRONYM.sub("", match.group(1)).lower().split()[:5])


def fronted(text: str, start: int, end: int) -> bool:
    """True when the expression opens its sentence and a comma sets it off ("On Tuesday, the league plans to"):
    it then modifies the main verb of the sentence, however long the subject before that verb.

    >>> s = "On Tuesday, the league plans to hold a news conference."
    >>> fronted(s, 3, 10), fronted("They met on Tuesday, he said.", 12, 19)
    (True, False)
    """
    return text[end:end + 1] == "," and _OPENING_RE.search(text[max(0, start - 60):start]) is not None


def _past_main_verb(text: str, start: int, end: int, after: list[str], res: Resources) -> bool:
    """True when a fronted expression ("By Tuesday, the death toll had risen to 80") has a past main verb: the
    first tense cue after it is past, so "by" tells what had happened by then, not a deadline.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "By Tuesday, the death toll had risen to 80."
    >>> _past_main_verb(s, 3, 10, ["the", "death", "toll", "had", "risen", "to"], load_resources())
    True
    """
    if not fronted(text, start, end):
        return False
    for i in range(len(after)):
        tense = _after_tense(after, i, res)
        if tense and (after[i] not in word_set("reporting_tail_verbs") or after[i + 1:i + 2] == ["that"]):
            # "By Friday, officials said, the talks will end": the inserted attribution is no main verb; one
            # that opens a "that" clause is ("By Sunday, the utility announced that cuts would continue")
            return tense == "past"
    return False


def _possessive(text: str, end: int) -> bool:
    """True when the expression is a possessive noun modifier ("Friday's vote")."""
    return text[end:end + 2] in ("'s", "’s")


def _past_be_plan(words: list[str], j: int, res: Resources) -> bool:
    """True when the plan word at words[j] follows "was"/"were" (one word may stand between: "were not due")."""
    return words[j] in res.intent and any(w in word_set("past_be") for w in words[max(0, j - 2):j])


def _purpose_after_past(words: list[str], i: int, res: Resources) -> bool:
    """True when the cue at words[i] is a purpose infinitive of ``future`` ("to meet", "to visit") and the nearest
    cue before it in the clause is a past verb: "Rubio flew to Geneva on Saturday to meet Lavrov on Sunday" is a plan
    seen from the past, its day the one nearest the DCT either side (a purpose after "will fly" stays future).

    >>> from timeline.temporal.rules import load_resources
    >>> _purpose_after_past(["rubio", "flew", "to", "geneva", "to", "meet", "lavrov"], 4, load_resources())
    True
    >>> _purpose_after_past(["rubio", "will", "fly", "to", "geneva", "to", "meet", "lavrov"], 5, load_resources())
    False
    """
    if words[i] != "to" or cue_at(words, i, res, False) != "future":
        return False
    for j in range(i - 1, -1, -1):
        if words[j] in res.intent:
            return False
        tense = _before_tense(words, j, res)
        if tense is not None:
            return tense == "past"
    return False


def _past_be_to(words: list[str], j: int) -> bool:
    """True when words[j] is the "to" of a plan seen from the past: "was"/"were" right before it (or with "not"
    between): "The search was to be resumed Tuesday", "the leaders were to meet on Friday".

    >>> _past_be_to(["the", "search", "was", "to", "be", "resumed"], 3), _past_be_to(["went", "to"], 1)
    (True, False)
    """
    if words[j] != "to" or j == 0:
        return False
    k = j - 2 if words[j - 1] == _NEGATION and j > 1 else j - 1
    return words[k] in word_set("past_be")


#: A quoted name of one to three words inside a clause (the ticker symbol "STLA", the "Brexit" vote), or alone in
#: brackets as a short name given to what precedes it (the Committee on Legal Affairs ("JURI") will vote): its
#: quotation marks end no clause.
_QUOTED_NAME = re.compile(
    r'(?:(?<=[A-Za-z] )|(?<=\())["“]([A-Za-z0-9&.\'-]+(?: [A-Za-z0-9&.\'-]+){0,2})["”](?= [A-Za-z]|(?<=["”])\))')


def abbreviation_stops(text: str) -> str:
    """``text`` with the full stops of abbreviations and decimal points ("7.3") blanked, so that they end no clause:
    one-letter parts ("a.m.", "U.S."), a stop before a lower-case word or a digit ("Inc. will", "Jan. 5") or a comma
    (the AP state abbreviations of "Annapolis, Md., on April 17" and "Van Hollen, D-Md., on"), and the words of
    ``clause_abbreviations`` ("Mr. Smith").

    >>> abbreviation_stops("at 1 p.m. ET on Saturday; Mr. Smith left. He")
    'at 1 p m  ET on Saturday; Mr  Smith left. He'
    >>> abbreviation_stops("met Van Hollen, D-Md., on")
    'met Van Hollen, D-Md , on'
    """
    text = _DECIMAL_STOP.sub(" ", text)
    text = _STOP_BEFORE_COMMA.sub(" ", text)
    text = _SINGLE_LETTER_STOP.sub(r"\1 ", text)
    text = _STOP_BEFORE_LOWER.sub(" ", text)
    return _ABBREVIATION_STOP.sub(lambda m: m.group(1) + " " if m.group(1).lower() in
                                  word_set("clause_abbreviations") else m.group(0), text)


_CLOCK_LETTERS = re.compile(r"(?<=\d)(\s?)[AaPp]\.\s?[Mm]\.")  # "10 a.m.", "1 p.m.", "9a.m."
_DECIMAL_STOP = re.compile(r"(?<=\d)\.(?=\d)")  # "fell to 7.3 percent in December": a decimal point
_SINGLE_LETTER_STOP = re.compile(r"(?<![A-Za-z])([A-Za-z])\.")
_STOP_BEFORE_LOWER = re.compile(r"(?<=[A-Za-z])\.(?=\s+[a-z0-9])")
_STOP_BEFORE_COMMA = re.compile(r"(?<=[A-Za-z])\.(?=,)")  # "Calif., on Monday": no sentence ends before a comma
_ABBREVIATION_STOP = re.compile(r"\b([A-Za-z]{2,5})\.")


#: How far (characters) the words of an expression's clause before it are read back (`_clause_words`).
_CLAUSE_BEFORE = 160


def _clause_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The lower-case words of the expression's clause before and after it (up to 160/120 characters), cut at
    the nearest clause end (``clause_end``: a quotation mark, a sentence end); a short quoted name is no end.

    >>> _clause_words('are to list as "STLA" in Milan on Monday', 34, 40)[0][:3]
    ['are', 'to', 'list']
    """
    # the "a.m."/"p.m." of a clock time is no word of the clause: its letters would fill the word window between a
    # verb and the day ("begins at 10 a.m. PT (1 p.m. ET) on Monday"; held-out tech-launch gold news262, session 24)
    before_text = abbreviation_stops(_PARAGRAPH_BREAK.sub(" . ", _CLOCK_LETTERS.sub(
        " ", text[max(0, start - _CLAUSE_BEFORE):start])))
    after_text = abbreviation_stops(_PARAGRAPH_BREAK.sub(" . ", _CLOCK_LETTERS.sub(" ", text[end:end + 120])))
    # a typographic apostrophe inside a word is the plain one: "They’ll be offering lunch Friday" keeps its "'ll"
    before = [w.lower().replace("’", "'") for w in _WORD_RE.findall(_QUOTED_NAME.sub(r" \1 ", before_text))]
    after = [w.lower().replace("’", "'") for w in _WORD_RE.findall(_QUOTED_NAME.sub(r" \1 ", after_text))]
    clause_end = word_set("clause_end")
    for cut in range(len(before) - 1, -1, -1):
        if before[cut] in clause_end:
            before = before[cut + 1:]
            break
    for cut, word in enumerate(after):
        if word in clause_end:
            after = after[:cut]
            break
    return before, after


def past_act_in(text: str, start: int, res: Resources) -> bool:
    """True when a month right after "in" is the time of a past act told just before it: a past cue at most four
    words back ("The army removed Morsi in July", "He was killed in July", "sales rose in July"), no future cue,
    plan word or "to" in the clause before it; a reporting verb counts ("announced the deal in July"). A plan
    ("decided to admit them in early March"), a noun between ("a cutback in its oil supply in September") or
    "until"/"for" before the month keep the tense estimate's reading.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "The army removed Morsi in July."
    >>> past_act_in(s, s.index("July"), load_resources())
    True
    >>> s = "NATO decided to admit Poland in early March."
    >>> past_act_in(s, s.index("early"), load_resources())
    False
    """
    before, _ = _clause_words(text, start, start)
    if before[-1:] != ["in"] or any(word == "to" or word in res.intent for word in before):
        return False
    if any(cue_at(before, j, res, False) == "future" for j in range(len(before))):
        return False
    if _possibility_modals(text, start, before, res) or _coming_could(before, res):
        return False  # "Officials may announce the schedule in March": a possible coming act
    window = before[-5:-1]
    for j in range(len(window) - 1, -1, -1):
        tense = cue_at(window, j, res, True)
        if tense == "past" and j >= 2 and window[j - 1] == "be" and window[j - 2] in res.passive_modals:
            return False  # "The vote can be held in March": a present modal's passive is ahead
        if tense == "past" and j >= 1 and window[j - 1] in res.present_be_schedule:
            return False  # "The vote is held in November": a present passive tells a schedule, no past act
        if tense:
            return tense == "past"  # "announced the deal in July", "said in July": the telling is past too
    return _past_verb_phrases_in(before, res)


#: How many words back a past verb may stand before the "in" of a month when only phrases stand between.
_PAST_ACT_PP_REACH = 10


def _past_verb_phrases_in(before: list[str], res: Resources) -> bool:
    """True when the nearest tense cue within ``_PAST_ACT_PP_REACH`` words before the final "in" is a past verb
    (not a form of "be") followed right away by a phrase of ``past_act_pp_prepositions``, with no word of
    ``past_act_pp_breaks`` or relative word between: "was last valued in the private markets at $11.7 billion in
    September" (numbers are no words here).

    >>> from timeline.temporal.rules import load_resources
    >>> _past_verb_phrases_in("it was last valued in the private markets at billion in".split(), load_resources())
    True
    >>> _past_verb_phrases_in("notified oil companies of a cutback in its oil supply in".split(), load_resources())
    False
    """
    stop = len(before) - 1
    for j in range(stop - 1, max(-1, stop - 1 - _PAST_ACT_PP_REACH), -1):
        word = before[j]
        if word in res.past_act_pp_breaks or word in word_set("relative_pronouns"):
            return False
        tense = cue_at(before, j, res, True)
        if tense:
            return tense == "past" and word not in word_set("past_be") and j + 1 < stop \
                and before[j + 1] in res.past_act_pp_prepositions \
                and not (j >= 1 and before[j - 1] in res.present_be_schedule)  # "was in talks": no act of its
            # own; "is held in the US in November": a present passive is a schedule
    return False


def next_round(text: str, start: int, end: int, res: Resources) -> bool:
    """True when the weekday dates the next round of a competition that a result leads to: "advances to Thursday's
    semi-final", "qualified for Saturday's final", "won on Tuesday to set up a final with England on Friday". The
    qualifying game is the news, so the round is the day nearest the DCT, either side, whatever the tense of the
    qualifying verb ("reached" is no past of the final).

    >>> from timeline.temporal.rules import load_resources
    >>> s = "The winner advances to Thursday's semi-final."
    >>> next_round(s, s.index("Thursday"), s.index("Thursday") + 8, load_resources())
    True
    >>> s = "Spain won on Tuesday to set up a final with England on Friday."
    >>> next_round(s, s.index("Friday"), s.index("Friday") + 6, load_resources())
    True
    >>> s = "Spain lost Friday's final."
    >>> next_round(s, s.index("Friday"), s.index("Friday") + 6, load_resources())
    False
    """
    if not res.stage_nouns:
        return False
    before, after = _clause_words(text, start, end)
    if after[:1] in (["'s"], ["’s"]) and any(w in res.stage_nouns for w in after[1:4]):
        return bool(before) and before[-1] in res.stage_reach_words
    window = before[-res.window_before:]
    for i in range(len(window) - 1, -1, -1):
        if window[i] in res.stage_nouns:
            head = window[:i]
            return any(tuple(head[j:j + len(p)]) == p for p in res.stage_setup_phrases
                       for j in range(max(0, len(head) - 4 - len(p)), len(head) - len(p) + 1))
    return False


def attributive_event(text: str, start: int, end: int, res: Resources) -> bool:
    """True when the weekday modifies a noun of a scheduled event after an article ("faces a Friday deadline",
    "is looking at a Thursday relaunch", "the Sunday final") or as a possessive ("head to the polls in Friday's
    vote"): with no tense cue, the event's day is the one nearest the DCT, either side ("missed a Monday deadline"
    has a past cue; "a Saturday shooting" and "after Monday's attack" name no such noun).

    >>> from timeline.temporal.rules import load_resources
    >>> s = "Congress faces a Friday deadline."
    >>> attributive_event(s, s.index("Friday"), s.index("Friday") + 6, load_resources())
    True
    >>> s = "Police are investigating a Saturday shooting."
    >>> attributive_event(s, s.index("Saturday"), s.index("Saturday") + 8, load_resources())
    False
    """
    if res.day_event_nouns and _possessive(text, end):  # "Voters head to the polls in Friday's vote"
        after = _WORD_RE.findall(text[end + 2:end + 40])
        return bool(after) and after[0].lower() in res.day_event_nouns
    if not res.day_event_nouns or not _ARTICLE_BEFORE.search(text, max(0, start - 6), start):
        return False
    return _event_noun_after(text, end, res.day_event_nouns, res)


def _event_noun_after(text: str, end: int, nouns: frozenset[str], res: Resources) -> bool:
    """True when one of ``nouns`` follows ``end``, right away or after one noun of ``event_noun_modifiers``
    ("Friday deadline", "Friday strike deadline")."""
    after = [w.lower() for w in _WORD_RE.findall(text[end:end + 40])[:2]]
    if len(after) == 2 and after[0] in res.event_noun_modifiers:
        after = after[1:]
    return bool(after) and after[0] in nouns


def set_deadline(text: str, start: int, end: int, res: Resources) -> bool:
    """True when the weekday dates a deadline that a verb right before it sets or faces ("The union on Saturday set
    an 11:59 p.m. Sunday strike deadline", "UAW sets Sunday night strike deadline"): the setting may be past, but
    the deadline lies ahead of it, so the day is the one nearest the DCT, either side.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "The union on Saturday set an 11:59 p.m. Sunday strike deadline."
    >>> set_deadline(s, s.index("11:59"), s.index(" strike"), load_resources())
    True
    >>> s = "The union missed a Sunday deadline."
    >>> set_deadline(s, s.index("Sunday"), s.index("Sunday") + 6, load_resources())
    False
    """
    if not res.deadline_setting_verbs:
        return False
    before = [w.lower() for w in _WORD_RE.findall(text[max(0, start - 30):start])[-2:]]
    if before and before[-1] in word_set("articles"):
        before = before[:-1]
    if not before or before[-1] not in res.deadline_setting_verbs:
        return False
    return _event_noun_after(text, end, res.deadline_nouns, res)


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)


def past_plan(text: str, start: int, end: int, res: Resources) -> bool:
    """True when the nearest tense cue of the expression is a plan seen from the past ("were expected to drop
    charges on Thursday", "On Monday, the vote was due to"): the day is then the one nearest the DCT, either side.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "On Thursday, prosecutors were expected to drop the charges."
    >>> past_plan(s, 3, 11, load_resources())
    True
    >>> s = "He was expected to win, but lost on Thursday."
    >>> past_plan(s, s.index("Thursday"), s.index("Thursday") + 8, load_resources())
    False
    """
    before, after = _clause_words(text, start, end)
    if any(_past_be_to(before, j) for j in range(max(0, len(before) - 4), len(before))):
        return True  # "The search was to be resumed Tuesday": planned when told, so the nearest such day
    clause = before
    before = before[-res.window_before:]
    for i in range(len(before) - 1, -1, -1):
        if cue_at(before, i, res, len(before) - i <= 2) is not None or before[i] in res.intent:
            return _past_be_plan(before, i, res) \
                or _purpose_after_past(clause, len(clause) - len(before) + i, res)
    for i, word in enumerate(after if fronted(text, start, end) else after[:res.window_after]):
        if word in word_set("past_be"):
            return any(_past_be_plan(after, j, res) or _past_be_to(after, j) for j in range(i + 1, min(len(after), i + 3)))
        if cue_at(after, i, res, i < 1) is not None:
            return False
    return False


def _report_start(text: str, end: int, res: Resources) -> int:
    """How many words after the expression come before a comma and a participle of speech (``reporting_participles``):
    "On Monday, he called on Welby to resign, telling the BBC that it would help" -- the words after "telling" are
    reported, their "would" is no cue of the day. The number of words up to the sentence end when there is none.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "On Monday, he quit, saying he would leave."
    >>> _report_start(s, 9, load_resources())
    2
    """
    tail = text[end:end + 120]
    for match in re.finditer(r",\s+([a-z]+)\b", tail):
        if match.group(1) in res.reporting_participles:
            return len(_WORD_RE.findall(tail[:match.start()]))
    return len(tail)


def _moves_or_drops(words: list[str], res: Resources) -> bool:
    """True when a word of ``postpone_stems`` or ``cancel_stems`` moves or drops the plan in these words ("but was
    scrubbed", "before postponing it"), so the day named for it is no sure date ahead.

    >>> from timeline.temporal.rules import load_resources
    >>> _moves_or_drops(["but", "was", "scrubbed"], load_resources()), _moves_or_drops(["at", "noon"], load_resources())
    (True, False)
    """
    return any(word.startswith(res.postpone_stems + res.cancel_stems) for word in words)


def _postponed_to(before: list[str], res: Resources) -> bool:
    """True when the expression is the new date of a postponement: a verb of ``postpone_stems`` /
    ``postpone_phrases`` earlier in the clause and "until"/"to" right before ("delayed the flight until March").

    >>> from timeline.temporal.rules import load_resources
    >>> _postponed_to(["boeing", "delayed", "the", "first", "flight", "until"], load_resources())
    True
    >>> _postponed_to(["he", "served", "as", "chairman", "until"], load_resources())
    False
    >>> _postponed_to(["the", "delays", "according", "to"], load_resources())
    False
    """
    if not before or before[-1] not in res.postpone_prepositions or before[-2:-1] and \
            before[-2] in res.postpone_not_after:
        return False
    words = before[-res.window_before:-1]
    return any(word.startswith(res.postpone_stems) for word in words) or any(
        tuple(words[i:i + len(phrase)]) == phrase for phrase in res.postpone_phrases for i in range(len(words)))


def _awaited_event(before: list[str], res: Resources) -> bool:
    """True when a phrase of ``awaited_event_phrases`` ("ahead of") stands in the window before the expression
    with no tense cue after it and no past cue before it in the window, and no past perfect is in the clause: the
    day of an event still awaited. A phrase right before the day ("ahead of Sunday's election") needs no check of
    the cues before it: a simple past there is the preparation, not the event.

    >>> from timeline.temporal.rules import load_resources
    >>> _awaited_event("traders are cautious ahead of the vote on".split(), load_resources())
    True
    >>> _awaited_event("campaigning ended ahead of the vote on".split(), load_resources())
    False
    >>> _awaited_event("campaigning ended ahead of".split(), load_resources())
    True
    >>> _awaited_event("ahead of the vote that was held on".split(), load_resources())
    False
    """
    if _PERFECT in before:
        return False
    window = before[-res.window_before:]
    for i in range(len(window) - 1, -1, -1):
        phrase = next((p for p in res.awaited_event_phrases if tuple(window[i:i + len(p)]) == p), None)
        if phrase is not None:
            if i + len(phrase) == len(window):
                return True  # the day itself is what lies ahead ("kept the jersey ahead of Friday's time trial")
            return all(cue_at(window, k, res, True) != "past" for k in range(i))
        if cue_at(window, i, res, True) is not None:
            return False
    return False


def _rescheduled_for(before: list[str], after: list[str], res: Resources) -> bool:
    """True when the expression is the new day a plan was moved to with "for" (``target_day_for_words``: "The
    launch was rescheduled for Sunday"; ``adjourn_for_words`` with the day right after "for": "adjourned the hearing
    for Monday"): ahead of the moving, unless the clause goes on to drop or move it again.

    >>> from timeline.temporal.rules import load_resources
    >>> _rescheduled_for("the launch was rescheduled for".split(), [], load_resources())
    True
    >>> _rescheduled_for("the launch was rescheduled for".split(), ["but", "was", "scrubbed"], load_resources())
    False
    >>> _rescheduled_for("the launch was planned for".split(), [], load_resources())
    False
    >>> _rescheduled_for("the flight was rescheduled for a m local time gmt on".split(), [], load_resources())
    True
    >>> _rescheduled_for("the court adjourned the hearing for".split(), [], load_resources())
    True
    >>> _rescheduled_for("the court adjourned for the day on".split(), [], load_resources())
    False
    """
    if len(before) < 2 or before[-1] not in ("for", "on") or _PERFECT in before:
        return False
    if _moves_or_drops(after, res):
        return False
    window = before[-res.window_before:-1]
    if before[-1] == "on":  # "rescheduled for 9:38 a.m. on Sunday": the clock time's day
        return any(word in res.target_day_for_words and window[i + 1:i + 2] == ["for"] for i, word in enumerate(window))
    # the adjourned matter is often long ("adjourned the hearing on a bail plea from PTI leader Shahbaz Gill for
    # Monday"): twice the window
    return any(word in res.target_day_for_words for word in window) or any(
        word in res.adjourn_for_words for word in before[-2 * res.window_before:-1])


def _arranged_for(before: list[str], after: list[str], res: Resources) -> bool:
    """True when a weekday or clock time is the date an active arranging verb (``arrange_participles``) gave its
    object: "for" right before, the verb one to four words before it with its object between ("The judge set a
    hearing for Friday", "The board called a meeting for Monday"). The arranged event lies ahead of the
    arranging whatever its tense. Not after a "be" or "had" ("The hearing was set for Friday" may be told after;
    "had set a hearing for Friday"), nor when the clause has a past perfect or the plan is moved or dropped after
    ("set a vote for Friday but postponed it": the other cues decide).

    >>> from timeline.temporal.rules import load_resources
    >>> _arranged_for("the judge set a hearing for".split(), [], load_resources())
    True
    >>> _arranged_for("the hearing was set for".split(), [], load_resources())
    False
    >>> _arranged_for("the board set a vote for".split(), ["but", "postponed", "it"], load_resources())
    False
    """
    if len(before) < 3 or before[-1] != "for" or _PERFECT in before:
        return False
    if _moves_or_drops(after, res):
        return False
    for phrase in res.arrange_participles:
        for i in range(max(0, len(before) - 6 - len(phrase)), len(before) - 1 - len(phrase)):
            if tuple(before[i:i + len(phrase)]) != phrase:
                continue
            if i > 0 and (before[i - 1] in word_set("past_be") or before[i - 1] in word_set("present_be")
                          or before[i - 1] in res.perfect_auxiliaries or before[i - 1] in ("be", "been", "being")):
                continue
            between = before[i + len(phrase):-1]
            if not any(cue_at(before, j, res, False) is not None
                       for j in range(i + len(phrase), len(before) - 1)) and "for" not in between:
                return True
    return False


def _arranged_event_on(before: list[str], after: list[str], res: Resources) -> bool:
    """True when a month or month-day after "on" is the date of a court or meeting event (``arranged_event_nouns``)
    that an active arranging verb (``arrange_participles``) set: the verb right before the noun phrase ("The judge
    set a hearing on July 9") or before a join word (``arranged_event_joins``) that opens it ("set a provisional
    trial for October 25 with a plea hearing on July 9"). The arranged event lies ahead of the arranging. Not when
    a preposition opens the noun phrase (``arranged_event_stops``: "set bail at a hearing on July 9"), after a
    passive or "had", or when the plan is moved or dropped after.

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> _arranged_event_on("the judge set a hearing on".split(), [], res)
    True
    >>> _arranged_event_on("he set a trial for october with a plea hearing on".split(), [], res)
    True
    >>> _arranged_event_on("the judge set bail at a hearing on".split(), [], res)
    False
    >>> _arranged_event_on("a hearing was set on".split(), [], res)
    False
    """
    if len(before) < 3 or before[-1] != "on" or before[-2] not in res.arranged_event_nouns or _PERFECT in before:
        return False
    if _moves_or_drops(after, res):
        return False
    words = before[:-2]
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        word = words[k]
        if word in res.arranged_event_stops or word in word_set("past_be") or word in word_set("present_be"):
            return False
        if word in res.arranged_event_joins:
            words = words[:k]  # the verb of the phrase joined to: "set a trial for October with ..."
            return any(_active_arrange_at(words, i, res) for i in range(max(0, len(words) - 10), len(words)))
        if _active_arrange_at(words, k, res, last=True):
            return True
    return False


def _be_form(word: str) -> bool:
    """True for a form of "be" ("is", "were", "been", "being"), which makes a participle after it passive or
    progressive."""
    return word in word_set("present_be") or word in word_set("past_be") or word in ("been", "being")


def _active_arrange_at(words: list[str], i: int, res: Resources, last: bool = False) -> bool:
    """Whether an arranging participle (``arrange_participles``) starts (with ``last``: ends) at words[i] in the
    active voice: no form of "be" or auxiliary right before it ("The hearing was set", "had set")."""
    for phrase in res.arrange_participles:
        begin = i - len(phrase) + 1 if last else i
        if begin < 0 or tuple(words[begin:begin + len(phrase)]) != phrase:
            continue
        prior = words[begin - 1] if begin > 0 else ""
        if _be_form(prior) or prior == _PERFECT:
            continue
        return True
    return False


_RELATIVE_OPENING = re.compile(r",[\"'’”]?\s+(?:which|who)\s[^,.;:!?\"“”]*\Z", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"\s*,")


def _closes_relative_clause(text: str, start: int, end: int) -> bool:
    """Whether the expression ends a relative clause set off by commas (", which launched in September,").

    >>> s = "SLIM, which launched in September, will be the next."
    >>> _closes_relative_clause(s, s.index("September"), s.index("September") + 9)
    True
    """
    return _COMMA_AFTER.match(text, end) is not None and _RELATIVE_OPENING.search(text[max(0, start - 120):start]) is not None


@lru_cache(maxsize=4)
def _past_relative(pronouns: frozenset[str]) -> re.Pattern[str]:
    """A relative pronoun of ``past_relative_pronouns`` and the word after it, in a clause running to the end."""
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, pronouns))) + r")\s+([a-z]+)\s[^,.;:!?\"“”]*\Z")


def _closes_past_relative(text: str, start: int, end: int, res: Resources) -> bool:
    """Whether the expression, with a comma after it, ends a relative clause whose verb right after its pronoun is a
    past one ("Tom's King, a subsidiary that filed for bankruptcy in January, and Hardee's are ...").

    >>> from timeline.temporal.rules import load_resources
    >>> s = "Tom's King, a unit that filed for bankruptcy in January, and Hardee's are on the block."
    >>> _closes_past_relative(s, s.index("January"), s.index("January") + 7, load_resources())
    True
    >>> s = "A unit that files for bankruptcy in January, and Hardee's are on the block."
    >>> _closes_past_relative(s, s.index("January"), s.index("January") + 7, load_resources())
    False
    """
    if _COMMA_AFTER.match(text, end) is None:
        return False
    match = _past_relative(res.past_relative_pronouns).search(text[max(0, start - 120):start])
    return match is not None and cue_at([match.group(1)], 0, res, True) == "past"


_PLAN_APPOSITIVE = re.compile(r",\s+(\w+)\s+(?:to|for)\s[^,.;:!?\"“”]*\Z", re.IGNORECASE)


def _closes_plan_appositive(text: str, start: int, end: int, res: Resources) -> bool:
    """Whether the expression ends a phrase set off by commas that a participle of a plan opens (``plan_appositive_
    openers``: ", set to start at midnight on Saturday,"): the verb after the comma is no cue of the planned day.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "The truce, set to start on Saturday, was agreed."
    >>> _closes_plan_appositive(s, s.index("Saturday"), s.index("Saturday") + 8, load_resources())
    True
    """
    if _COMMA_AFTER.match(text, end) is None:
        return False
    opening = _PLAN_APPOSITIVE.search(text[max(0, start - 120):start])
    if opening is None or opening.group(1).lower() not in res.plan_appositive_openers:
        return False
    following = _WORD_RE.findall(text[end:end + 60].lower())[:6]
    return not _moves_or_drops(following, res)


_HEADLINE_END = ".!?:;,\"'”’)"


def headline_infinitive(text: str, start: int, before: list[str], res: Resources) -> bool:
    """True when the expression stands in the headline (the text's first line: no end stop, at most
    ``headline_max_words`` words) after an infinitive with no past verb before it: news headlines write the future
    as "to" + a verb of a scheduled act (``present_schedule_verbs``, ``headline_plan_verbs``: "SpaceX to try again
    Saturday", "Judge to release verdict on Tuesday"; not "Fans flock to see parade on Sunday"); a past participle
    before the "to" or after its verb keeps the other cues ("Man charged over plot to bomb embassy on Friday", "Plan to
    cut jobs unveiled on Monday"), and so does a present
    headline verb of ``headline_verbs_before_to`` ("Oil prices rise to two-month high on Monday", "Ford agrees to buy
    battery startup on Monday": done news).

    >>> from timeline.temporal.rules import load_resources
    >>> s = "SpaceX to try again Saturday\\nThe launch was scrubbed."
    >>> headline_infinitive(s, s.index("Saturday"), ["spacex", "to", "try", "again"], load_resources())
    True
    >>> s = "Power cuts to continue on Sunday\\nEskom said."
    >>> headline_infinitive(s, s.index("Sunday"), ["power", "cuts", "to", "continue", "on"], load_resources())
    True
    >>> s = "SpaceX tried again Saturday to launch it."
    >>> headline_infinitive(s, s.index("Saturday"), ["spacex", "tried", "again"], load_resources())
    False
    """
    end = title_end(text)
    if end < 0 or start >= end:
        return False
    line = text[:end].strip()
    if line[-1] in _HEADLINE_END or len(line.split()) > res.headline_max_words:
        return False
    for i in range(len(before)):
        if _infinitive_at(before, i, res):
            if before[i + 1] not in res.present_schedule_verbs and before[i + 1] not in res.headline_plan_verbs:
                return False  # "Fans flock to see parade on Sunday": a purpose, not a plan
            verb_end = i + 3 if before[i + 1] == "be" else i + 2  # "to be closed": the passive's participle
            return not any(cue_at(before, j, res, True) == "past" or before[j] in res.headline_verbs_before_to
                           and not (j == i - 1 and j > 0 and before[j] in res.headline_plural_nouns)
                           for j in range(i)) and not any(cue_at(before, j, res, True) == "past"
                                                          for j in range(verb_end, len(before)))
    return False


#: How many words may stand between the "have" of a goal perfect and the end of the words before its day.
_GOAL_REACH = 6


def goal_perfect(before: list[str]) -> bool:
    """True when a present verb of aim or expectation + "to have" + at most a few words (the object and its
    participle) ends the words before a day: "expects to have the fire contained by", "is expected to have the
    road reopened by" (word lists ``goal_perfect_*`` of data/function_words.yaml): a goal for a coming time.

    >>> goal_perfect(["the", "blm", "expects", "to", "have", "the", "fire", "controlled", "by"])
    True
    >>> goal_perfect(["officials", "had", "hoped", "to", "have", "it", "contained", "by"])
    False
    >>> goal_perfect(["the", "road", "was", "expected", "to", "have", "reopened", "by"])
    False
    """
    for k in range(len(before) - 2, max(0, len(before) - 2 - _GOAL_REACH) - 1, -1):
        if before[k] != "have" or k < 2 or before[k - 1] != "to":
            continue
        verb = before[k - 2]
        if verb in word_set("goal_perfect_verbs"):
            return k < 3 or before[k - 3] not in (_PERFECT, "did")
        return verb in word_set("goal_perfect_passives") and k >= 3 \
            and before[k - 3] in word_set("goal_perfect_present_be")
    return False


def held_until(before: list[str], after: list[str]) -> bool:
    """True when a possession "had" (``held_until_words``) + "until" stands right before a day and "to" right
    after it: a deadline given ("they had until 3 p.m. Sunday to get out"), no past perfect.

    >>> held_until(["they", "had", "until"], ["to", "get", "out"])
    True
    >>> held_until(["they", "had", "waited", "until"], ["to", "leave"])
    False
    """
    return len(before) >= 2 and before[-2] in word_set("held_until_words") and before[-1:] == ["until"] \
        and after[:1] == ["to"]


def _modal_governs(before: list[str], res: Resources) -> bool:
    """Whether a modal of ``governing_modals`` governs the verb right before the expression, with at most a time
    preposition between ("will unveil on", "will sign").

    >>> from timeline.temporal.rules import load_resources
    >>> _modal_governs(["what", "trump", "will", "unveil", "on"], load_resources())
    True
    >>> _modal_governs(["will", "be", "held", "on"], load_resources())
    False
    """
    if len(before) >= 2 and before[-2] in res.governing_modals:
        return True
    return len(before) >= 3 and before[-3] in res.governing_modals and before[-1] in word_set("time_prepositions")


def _trailing_relative(before: list[str], after: list[str], res: Resources) -> bool:
    """True when the words after the expression open a relative or "that" clause (``trailing_relative_openers``)
    and the noun before the expression's preposition is no dated event (``trailing_relative_event_nouns``, with
    the event nouns of the other lists): that clause's verbs are then no cue of the expression.

    >>> from timeline.temporal.rules import load_resources
    >>> _trailing_relative(["lawmakers", "passed", "a", "bill", "on"], ["that", "will", "raise"], load_resources())
    True
    >>> _trailing_relative(["officials", "discussed", "the", "vote", "on"], ["that", "will"], load_resources())
    False
    """
    if not after or after[0] not in res.trailing_relative_openers:
        return False
    head = before[-2:-1] if before[-1:] and before[-1] in word_set("time_prepositions") else before[-1:]
    return not (head and head[0] in res.trailing_relative_event_nouns)


def _governing_past(before: list[str], res: Resources) -> int | None:
    """The index in ``before`` (the window of words before an expression) of the last regular -ed verb that takes
    an object opened by a determiner ("passed a bill", "sentenced the man") and follows none ("the revised plan" is
    an adjective), or None. Read only before a trailing relative clause, where no other cue stands.

    >>> from timeline.temporal.rules import load_resources
    >>> _governing_past(["lawmakers", "passed", "a", "bill", "on"], load_resources())
    1
    >>> _governing_past(["the", "revised", "plan", "in"], load_resources()) is None
    True
    """
    for j in range(len(before) - 2, -1, -1):
        word = before[j]
        if regular_past(word, res) \
                and before[j + 1] in res.present_determiners and before[j - 1:j] != [] \
                and before[j - 1] not in res.present_determiners:
            return j
    return None


def estimate_tense(text: str, start: int, end: int, res: Resources, day: bool = False) -> str | None:
    """'future', 'past' or None (no cue) for the expression at text[start:end]; the nearest cue wins.

    A quotation mark or sentence end bounds the clause; a phrase of ``future_right_before`` ("by", "as soon
    as") right before the expression makes it future; with ``day`` (a weekday or clock time) so does a phrase
    of ``day_future_right_before`` ("until") unless the clause has a past perfect.

    A possessive ("Wednesday's ruling") names an event: a verb of ``past_object_stems`` before it in the clause
    ("will appeal Wednesday's ruling") makes it past, and a reported modal ("they said they would appeal") is no
    future cue for it.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "They will meet on Friday."
    >>> estimate_tense(s, s.index("Friday"), s.index("Friday") + 6, load_resources())
    'future'
    >>> s = "Talks could end as soon as Tuesday, officials said."
    >>> estimate_tense(s, s.index("Tuesday"), s.index("Tuesday") + 7, load_resources())
    'future'
    >>> s = "They announced a merger Monday night that will create the largest airline."
    >>> estimate_tense(s, s.index("Monday"), s.index("Monday") + 12, load_resources())
    'past'
    >>> s = "They said they would appeal Wednesday's ruling."
    >>> estimate_tense(s, s.index("Wednesday"), s.index("Wednesday") + 9, load_resources())
    'past'
    """
    before, after = _clause_words(text, start, end)
    if headline_infinitive(text, start, before, res):
        return "future"  # "SpaceX to try again Saturday": a headline's infinitive is its future
    if day and weekday_subject(text, start, end, res) and res.names_word(text[start:end], ("weekday",)):
        return "future"  # "Thursday marks the 10th anniversary", "Saturday looks dry": the day is the subject of a
        # present verb or modal, so the coming day or the publication day (held-out US local news gold news214 and
        # East Asian wire gold news205, session 22)
    after = after[:_report_start(text, end, res)]
    if in_title(text, start):  # a headline ends at its line: the body's first words are no cue of it
        after = after[:len(_WORD_RE.findall(text[end:text.find("\n", end)]))]
    headline_end = title_end(text)
    if 0 <= headline_end < start and start - headline_end < _CLAUSE_BEFORE \
            and not _PARAGRAPH_BREAK.search(text, headline_end, start):
        # "Hamas says any deal would depend on ...\nIsrael struck Gaza on Sunday": the headline above the body's
        # first sentence is no cue of it (farther on, the clause words no longer reach back to the headline)
        before = before[max(0, len(before) - len(_WORD_RE.findall(text[headline_end:start]))):]
    if _closes_relative_clause(text, start, end) or _closes_plan_appositive(text, start, end, res) \
            or _closes_past_relative(text, start, end, res):
        after = []  # "SLIM, which launched in September, will be ...": the main verb after it is not its tense; nor
        # after "a subsidiary that filed for bankruptcy in January, and Hardee's are" (held-out bankruptcy and
        # enforcement gold news313, session 26)
    if reporting_tail(text, start, end):
        after = []  # "will arrive on Monday, he said": the attribution is no cue of the reported words
    if _possessive(text, end):
        if any(word.startswith(res.past_object_stems) for word in before[-res.window_before:]):
            return "past"
        if day and before[-1:] and before[-1] in res.past_possessive_prepositions \
                and not set(before[-2:-1]) & word_set("articles"):
            return "past"  # "Following Tuesday's decision, parliament is expected to ...": a given, past event
        if day and before[-1:] and before[-1] in res.expectation_verbs \
                and not set(before[-3:-1]) & word_set("awaited_past_auxiliaries"):
            return "future"  # "Investors await Friday's jobs report": the awaited event itself lies ahead (held-out
            # market-wrap gold news244, session 23); "expect more arrests after Monday's raid" is read below
        before = [word for word in before if word not in res.reported_modals and word not in res.expectation_verbs]
        if before[-1:] and before[-1] in res.speech_before_possessive:
            before = []  # "The utility said Sunday's load shedding will run until 11 pm": the reported clause decides
    for phrase in res.past_right_before:
        if tuple(before[-len(phrase):]) == phrase:
            return "past"
    if _past_back(before, res):
        return "past"  # "The game first appeared back in March": the past verb before "back" dates it
    if day and _attributed_report(before, res):
        return "past"  # "will rise to $23,500, according to the IRS announcement on Friday": the source's day
    if _postponed_to(before, res):
        return "future"
    if day and _awaited_event(before, res):
        return "future"  # "Traders are cautious ahead of the vote on Sunday": the awaited event's coming day
    if _agent_participle_date(before, res):
        return "past"  # "will vote on the law, as proposed by the Commission in March": the proposing's date
    if day and _arranged_for(before, after, res):
        return "future"  # "The judge set a hearing for Friday": the hearing comes after the setting
    if not day and _arranged_event_on(before, after, res):
        return "future"  # "The judge set a plea hearing on July 9": the hearing comes after the setting
    if (day or text[start:end].lower() in res.tables.get("month", {})) and _rescheduled_for(before, after, res):
        return "future"  # "The launch was rescheduled for Sunday": the new day comes after the moving; a bare
        # month too ("postponing that assessment for December" in October; "adjourned for the weekend" is a break)
    if compared_figure(before, res):
        return "past"  # "This is down from roughly 38% on Saturday": the figure compared with is a past one
    if goal_perfect(before) or (day and held_until(before, after)):
        return "future"  # "expects to have the fire contained by 8 p.m. Thursday", "had until 3 p.m. Sunday to
        # get out": a goal or a deadline given, not a perfect of the day's own
    for phrase in res.future_right_before:
        if tuple(before[-len(phrase):]) == phrase and _PERFECT not in before[-res.window_before:] \
                and not _past_verb_before(before[:-len(phrase)], res) and not _past_main_verb(text, start, end,
                                                                                            after, res):
            return "future"
    if before[-1:] == ["by"] and _PERFECT in before[-res.window_before:] \
            and not any(word in res.intent for word in before[-res.window_before:]):
        return "past"  # "had dispatched 65,000 personnel by Saturday night but will increase that": what had
        # happened by then, whatever the verb joined after it says ("had been scheduled to end by Friday" is a plan)
    if day and _PERFECT not in before and _PERFECT not in after:
        for phrase in res.day_future_right_before:
            if tuple(before[-len(phrase):]) == phrase and before[-len(phrase) - 1:-len(phrase)] != [_NEGATION] \
                    and not set(before[-len(phrase) - 1:-len(phrase)]) & word_set("past_be") \
                    and not set(before[-len(phrase) - 6:-len(phrase)]) & res.durative_past_verbs:
                return "future"  # "given until 9 a.m. Tuesday", "winds forecast for Saturday"; not "it was not
                # until Tuesday that", nor "rain was forecast for Saturday" (told after that day: the other cues),
                # nor "the outage lasted until Monday" (a past verb of lasting)
    if _purpose_span_end(before, res):
        return "future"  # "legislation to fund the department through September": the end of the span it would run
    if not day and _nominal_until(before, after, res):
        return "future"  # "The extension until early November buys time": a span still running
    before = _without_compared_times(before, res)
    clause = before
    before = before[-res.window_before:]
    clause_after = after  # the words past the window still show what a cue word is ("scheduled for": a participle)
    if not fronted(text, start, end):
        after = after[:res.window_after]  # a fronted expression looks as far as its clause goes for the main verb
    best: tuple[int, str] | None = None
    after_cue = False
    modals = _possibility_modals(text, start, clause, res) | _coming_could(clause, res)
    for i in range(len(clause) - len(before), len(clause)):
        tense = _before_tense(clause, i, res)  # the whole clause, for a future cue just before the window
        if i in modals:
            tense = "future"  # "Officials may announce the schedule in March": a possible coming act
        if tense and (best is None or len(clause) - i <= best[0]):
            best = (len(clause) - i, tense)
    if best is None and modals and _modal_reaches(clause[max(modals) + 1:]):
        best = (len(clause) - max(modals), "future")  # "should be enough to guarantee her a comfortable majority
        # on Thursday": a modal of a coming act further back in the clause than the window, no cue nearer
    if after[:1] and after[0] in word_set("relative_pronouns") and before[-1:] \
            and before[-1] not in word_set("time_prepositions"):
        after = []  # "announced a merger Monday night that will create ...": a relative clause after a bare day
        # tells what the thing before it does, not when the verb happened ("a mudslide in August that killed"
        # is the mudslide's own time: the relative clause counts)
    if best is not None and best[1] == "past" and best[0] < len(clause) \
            and clause[len(clause) - best[0] - 1] in word_set("relative_pronouns") \
            and after[:1] and after[0] in word_set("future_modals"):
        after = []  # "the front that came in on Thursday will probably slow migration": the day closes a relative
        # clause whose own past verb dates it; the modal after it is the main clause's (held-out seasonal-nature
        # gold news196, session 21)
    if _trailing_relative(before, after, res):
        if best is None and (governing := _governing_past(before, res)) is not None:
            best = (len(before) - governing, "past")  # "passed a bill": a regular past verb with its object
        if best is not None:
            after = []  # "Lawmakers passed a bill on Thursday that will raise taxes": the relative clause's modal tells
        # what the bill does; the verb before the day dates it (held-out gold news216, session 22)
    if best is None and after[:1] and after[0] in res.present_be_schedule and _likely_predicate(after[:4], res):
        return "future"  # "Saturday is more likely to feature rain than storms": a forecast of the day
    if best == (2, "past") and _participle_date(clause, res):
        return "past"  # "The emergency decreed on Feb. 15 would be lifted": the participle's own act is past
    if best is not None and best[1] == "future" and _modal_governs(before, res):
        after = []  # "Details of what Trump will unveil on Wednesday remained unclear": the main verb after the
        # modal's clause is not the day's (held-out US politics gold news208, session 22)
    opening = fronted(text, start, end)
    reduced = _reduced_participle(text, end, after, res)
    for i in range(len(after)):
        if i == 0 and reduced:
            continue  # "will be released on Thursday, followed by another group": a participle phrase, no past verb
        if best is not None and after[i] in res.coordinated_clause_openers and best[0] <= len(clause) \
                and clause[len(clause) - best[0]] not in res.intent \
                and clause[len(clause) - best[0]] not in res.past_expectation_forms:
            break  # "Talks resumed in Cairo on Tuesday evening and will continue through the week": a later conjunct
            # with a verb of its own; the cue before the day dates it (held-out golds, session 23). Not after a
            # plan word ("Protesters planned a demonstration on Saturday and were planning to ...": the plan's day)
        if best is not None and best[1] == "future" and after[i] in res.past_clause_openers:
            break  # "will now hear the matter at 3 pm Friday after it was told that ...": the subordinate clause's
            # past verb is not the day's, the future verb before it is
        tense = _after_tense(after, i, res, clause_after[i + 1] if i + 1 < len(clause_after) else None)
        if tense is None and opening and _fronted_regular_past(after, i, res):
            tense = "past"  # "Late Tuesday evening, the Fifth Circuit Court of Appeals issued an order"
        if tense is None and opening and after[i] in res.possibility_modals \
                and re.search(r"\b" + after[i] + r"\b", text[end:end + _CLAUSE_BEFORE]) \
                and _modal_verb_at(after, i, res) is not None:
            tense = "future"  # "On Friday, candidates may withdraw their nominations": a fronted day of a possible
            # coming act, as after "will" (lower case only: "On Friday, May said"; "may have erred" is a past guess)
        if tense == "future" and after[i] == "to" and best is not None and best[1] == "past":
            continue  # "were registered to vote on Sunday to decide between": a purpose after a past verb
        if tense and (best is None or i + 1 < best[0]):
            best = (i + 1, tense)
            after_cue = True
            break
    if best is None and _likely_predicate(before, res):
        return "future"  # "Storms are possible in Brisbane on Sunday": a forecast speaks of the coming day
    if best is None and day and any(word in res.forecast_words for word in clause + clause_after) \
            and not _past_verb_since_colon(text, start, clause, res):
        return "future"  # "Mostly sunny and chilly Thursday with highs in the 30s": a weather forecast; a past
        # verb further back than the window still rules it out ("Stocks recovered from the lows on Tuesday")
    if best is None and day and (document_of_kind(text, res.weather_document_phrases)
                                 or document_of_kind(text, res.notice_document_phrases)
                                 or document_of_kind(text, res.broadcast_document_phrases)
                                 and not any(word in res.irregular_past for word in clause + clause_after)) \
            and not _past_verb_since_colon(text, start, clause, res):
        return "future"  # "We see a mix of clouds Sunday" in a text naming a heat advisory and the weather service;
        # "Locust Hill Cemetery, 10 a.m. Monday" in a listing naming the American Legion and "for information";
        # "live on Sky Sports from 7.30pm on Friday; kick-off 8pm" in a match preview, unless a past form that is also
        # a present one stands in the clause ("Preston beat Blackburn on Friday night, live on Sky Sports")
    if not after_cue and (best is None or best[1] == "past") and scheduled_present(text, start, end, res):
        return "future"  # "The summit opens Wednesday", "The vote is Tuesday": a scheduled present
    if best is None and _past_after_future(clause, len(clause) - len(before), res):
        return "past"  # "will vote Friday after a deal was reached between the White House and Democrats on
        # Wednesday evening": the past verb after the future word is the nearer cue of the day
    if best is None and _since_phrase(clause, res):
        return "past"  # "will be his first since becoming the top diplomat in February": the time since is gone by
    if best is None and _PERFECT not in clause and (any(word in res.clause_future for word in clause) or any(
            " ".join(clause[i:i + n]) in res.clause_future for n in (2, 3) for i in range(len(clause) - n + 1))
            or _expecting_infinitive(clause, res)):
        return "future"  # "Smith will be named commander ... in October", "Shares are to start trading ... Monday"
    if best is None and tuple(clause) in res.start_phrases and fronted(text, start, end) \
            and not any(word in res.irregular_past or word in res.perfect_auxiliaries for word in after):
        return "future"  # "Starting in April, the new rules apply to all banks": a start told in the present
        # ("Starting in April, the company cut jobs" may be past: an irregular past form decides nothing, and a
        # present perfect tells what has happened since: "From January, the firm has hired 500 workers")
    if best is None and any(_arranging_perfect(clause, i, res) for i in range(len(clause))):
        return "future"  # "has lined up a meeting with the ministers on Friday": the arranging verb is far back
    if best is None and _far_past_verb(clause, len(clause) - len(before), res):
        return "past"  # "The blaze broke out overnight in the restaurant of the hotel on January 21"
    return best[1] if best else None


def _expecting_infinitive(clause: list[str], res: Resources) -> bool:
    """Whether the clause has a present verb of ``clause_expecting`` with "to" at most ``clause_expecting_reach``
    words after it ("Goldman Sachs expects OPEC+ to implement a final production increase ... in August").

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> _expecting_infinitive(["goldman", "expects", "opec", "to", "implement", "a", "rise", "in"], res)
    True
    >>> _expecting_infinitive(["it", "expects", "the", "deal", "first", "agreed", "in", "march", "to", "close"], res)
    False
    """
    reach = res.clause_expecting_reach
    return any(word in res.clause_expecting and "to" in clause[i + 1:i + 1 + reach] for i, word in enumerate(clause))


@lru_cache(maxsize=4)
def document_of_kind(text: str, phrases: tuple[str, ...]) -> bool:
    """True when ``text`` holds two different ``phrases`` of a kind of document whose weekdays and clock times with
    no tense cue lie ahead: a weather alert or forecast (``weather_document_phrases``), a notice or listing
    (``notice_document_phrases``), a match preview or TV listing (``broadcast_document_phrases``).

    >>> from timeline.temporal.rules import load_resources
    >>> phrases = load_resources().weather_document_phrases
    >>> document_of_kind("A Heat Advisory is in effect. Heat index values near 105 Sunday.", phrases)
    True
    >>> document_of_kind("The National Weather Service said Sunday was the hottest day.", phrases)
    False
    """
    lower = text.lower()
    return sum(phrase in lower for phrase in phrases) >= 2


def _past_back(before: list[str], res: Resources) -> bool:
    """True when ``past_back_words`` ("back", maybe after "way") stands right before the final preposition of the
    words before an expression and, read without them, the word before is a past cue: "first appeared back in
    March", "resurfaced back in the summer". A coming return ("will be back in March") has no past cue there.

    >>> from timeline.temporal.rules import load_resources
    >>> _past_back("the game first appeared back in".split(), load_resources())
    True
    >>> _past_back("the team will be back in".split(), load_resources())
    False
    """
    if len(before) < 3 or before[-1] not in res.past_back_prepositions or before[-2] not in res.past_back_words:
        return False
    cut = len(before) - 2
    while cut > 0 and before[cut - 1] in res.past_back_fillers:
        cut -= 1
    words = before[:cut] + before[-1:]
    return len(words) >= 2 and _before_tense(words, len(words) - 2, res) == "past"


#: How many words an attribution phrase may hold before its day ("according to the IRS announcement on").
_ATTRIBUTION_REACH = 7


def _attributed_report(before: list[str], res: Resources) -> bool:
    """True when the expression closes an attribution phrase with no tense cue in it ("according to the IRS
    announcement on Friday", "according to a statement Tuesday"): the day is the source's, told before the
    publication date, whatever the reported clause's tense ("the limit will rise ..."); a day after "for" is a
    plan's ("according to the schedule for Friday").

    >>> from timeline.temporal.rules import load_resources
    >>> _attributed_report(["will", "rise", "according", "to", "the", "irs", "announcement", "on"], load_resources())
    True
    >>> _attributed_report(["according", "to", "the", "schedule", "for"], load_resources())
    False
    """
    starts = [i for i in range(max(0, len(before) - _ATTRIBUTION_REACH), len(before) - 1)
              if before[i] in word_set("attribution_preps") and before[i + 1] == "to"]
    if not starts or before[-1:] == ["for"]:
        return False
    first = starts[-1] + 2
    return all(cue_at(before, j, res, len(before) - j <= 2) is None for j in range(first, len(before)))


def _purpose_span_end(before: list[str], res: Resources) -> bool:
    """True when the clause ends with "to" + a verb of ``purpose_span_verbs`` (or an -ing form of
    ``purpose_span_gerunds`` after no form of "be"), at most ``purpose_span_reach`` words and a word of
    ``purpose_span_ends``: "legislation to fund the department through", "a bill reopening the government through".

    >>> from timeline.temporal.rules import load_resources
    >>> _purpose_span_end(["failed", "to", "reach", "a", "deal", "to", "fund", "the", "department", "through"],
    ...                   load_resources())
    True
    >>> _purpose_span_end(["the", "agency", "was", "funded", "through"], load_resources())
    False
    >>> _purpose_span_end(["a", "stopgap", "bill", "reopening", "federal", "operations", "through"], load_resources())
    True
    >>> _purpose_span_end(["they", "were", "funding", "the", "program", "through"], load_resources())
    False
    """
    if not before or before[-1] not in res.purpose_span_ends:
        return False
    rest = before[:-1]
    for k in range(1, min(res.purpose_span_reach + 1, len(rest)) + 1):
        if rest[-k] in res.purpose_span_verbs:
            return len(rest) > k and rest[-k - 1] == "to"
        if rest[-k] in res.purpose_span_gerunds:
            return len(rest) > k and not _be_form(rest[-k - 1])
    return False


def _nominal_until(before: list[str], after: list[str], res: Resources) -> bool:
    """True when a phrase of ``nominal_until`` stands right before the expression, its clause has no tense cue
    nor perfect before it, and the first cue after it is no past: "The extension until early November buys time".

    >>> from timeline.temporal.rules import load_resources
    >>> _nominal_until(["the", "extension", "until"], ["buys", "time"], load_resources())
    True
    >>> _nominal_until(["he", "served", "as", "chairman", "until"], [], load_resources())
    False
    """
    for phrase in res.nominal_until:
        if tuple(before[-len(phrase):]) != phrase:
            continue
        rest = before[:-len(phrase)]
        if _PERFECT in rest or any(_before_tense(rest[:j + 1], j, res) for j in range(len(rest))):  # each word as if next
            return False
        first = next((t for t in (_after_tense(after, i, res) for i in range(len(after))) if t), None)
        return first != "past"
    return False


def _participle_date(clause: list[str], res: Resources) -> bool:
    """True when the clause ends with a regular past participle and a preposition of
    ``participle_date_prepositions`` ("the curfew imposed on"): the date after it is the participle's own, past.

    >>> from timeline.temporal.rules import load_resources
    >>> _participle_date(["the", "emergency", "decreed", "on"], load_resources())
    True
    >>> _participle_date(["it", "was", "held", "on"], load_resources())
    False
    """
    if len(clause) < 2 or clause[-1] not in res.participle_date_prepositions:
        return False
    return regular_past(clause[-2], res)


def _agent_participle_date(clause: list[str], res: Resources) -> bool:
    """True when the clause ends with "as" (``agent_participle_openers``), a past participle, a "by" + agent phrase
    of up to ``agent_participle_reach`` words and a preposition of ``participle_date_prepositions``: "as proposed by
    the Commission in" (the date is the participle's own act, gone by); not "will be approved by MEPs in", nor "the
    World Cup, hosted by Qatar in November" (a participle of a coming event).

    >>> from timeline.temporal.rules import load_resources
    >>> _agent_participle_date("will vote on the law as proposed by the commission in".split(), load_resources())
    True
    >>> _agent_participle_date("the law will be approved by the parliament in".split(), load_resources())
    False
    >>> _agent_participle_date("a proposed merger in".split(), load_resources())
    False
    >>> _agent_participle_date("the cup hosted by qatar in".split(), load_resources())
    False
    """
    if len(clause) < 4 or clause[-1] not in res.participle_date_prepositions:
        return False
    for b in range(len(clause) - 3, max(0, len(clause) - 3 - res.agent_participle_reach), -1):
        if clause[b] != "by":
            if clause[b].endswith("ed") or clause[b] in res.participle_date_prepositions:
                return False  # another verb or a phrase of its own between: "by" is far from the date
            continue
        if b < 1:
            return False
        word = clause[b - 1]
        if len(word) <= 4 or not word.endswith("ed") or word in res.not_past and word not in res.agent_participle_words:
            return False
        return b >= 2 and clause[b - 2] in res.agent_participle_openers
    return False


_EXPLETIVE_SUBJECTS = frozenset({"it", "this", "that"})


def _likely_predicate(words: list[str], res: Resources) -> bool:
    """True when the words hold a present "is"/"are" (``present_be_schedule``) and right after it, or after one
    word of ``likely_degree``, a word of likelihood (``nominal_future_after``): a forecast ("Showers are likely",
    "is more likely to").

    >>> from timeline.temporal.rules import load_resources
    >>> _likely_predicate("storms are possible in brisbane on".split(), load_resources())
    True
    >>> _likely_predicate("storms were possible on".split(), load_resources())
    False
    >>> _likely_predicate("it is likely the fire started on".split(), load_resources())
    False
    """
    for i, word in enumerate(words):
        if word not in res.present_be_schedule or i > 0 and words[i - 1] in _EXPLETIVE_SUBJECTS:
            continue  # "It is likely (that) the fire started on Sunday": a guess about a past event
        nxt = words[i + 1:i + 3]
        j = i + 1 if nxt[:1] and nxt[0] in res.nominal_future_after else i + 2 if (
            len(nxt) == 2 and nxt[0] in res.likely_degree and nxt[1] in res.nominal_future_after) else 0
        if j and words[j + 1:j + 2] != ["that"]:
            return True
    return False


def _fronted_regular_past(after: list[str], i: int, res: Resources) -> bool:
    """True when after[i] is a regular past verb ending in -ed (not of ``not_past``) after the subject of a
    fronted expression: the main verb however far ("On Tuesday, the Fifth Circuit Court of Appeals issued an
    order"); not right after a determiner ("the proposed law"), "to" or a present "be" ("is required"), nor with
    a tense cue in the three words after it.

    >>> from timeline.temporal.rules import load_resources
    >>> _fronted_regular_past("the court of appeals issued an order".split(), 4, load_resources())
    True
    >>> _fronted_regular_past("the proposed law".split(), 1, load_resources())
    False
    >>> _fronted_regular_past("the weather service predicted there would be snow".split(), 3, load_resources())
    True
    """
    word = after[i]
    if not regular_past(word, res) or i == 0:
        return False
    prev = after[i - 1]
    if prev in res.present_determiners or prev == "to" or prev in word_set("present_be"):
        return False
    return not any(cue_at(after, k, res, False) and not (k > i + 1 and after[k] in res.reported_modals)
                   for k in range(i + 1, min(len(after), i + 4)))  # "On Friday, the newly elected parliament will
    # meet": a participle before a verb is no main verb; a reported "would" a word or more on is the verb's own
    # complement ("On Sunday, forecasters predicted there would be snow": the predicting's Sunday)


def _far_past_verb(clause: list[str], stop: int, res: Resources) -> bool:
    """True when the last tense cue of clause[:stop] (before the window of near cues) is a past one, not a
    participle before "by" ("lenders, led by Bank of America, ..."), and no present perfect (which dates nothing) follows the last
    such cue ("the unit that lost money has extended loans through January" may speak of a coming January).

    >>> from timeline.temporal.rules import load_resources
    >>> _far_past_verb("the blaze broke out overnight in the restaurant of the grand hotel on".split(), 5, load_resources())
    True
    >>> _far_past_verb("lenders led by a bank has extended loans to the firm through".split(), 5, load_resources())
    False
    >>> _far_past_verb("the unit that lost money has extended loans to the firm through".split(), 5, load_resources())
    False
    """
    cues = [(i, tense) for i in range(stop) if (tense := _before_tense(clause, i, res))
            and not (tense == "past" and clause[i + 1:i + 2] == ["by"])]
    if not cues or cues[-1][1] != "past":
        return False  # "said it was going to push back the flight until the end of the second quarter"
    if any(clause[i] in res.deadline_modals and (clause[i] != "to" or _infinitive_at(clause, i, res))
           for i in range(cues[-1][0] + 1, len(clause))):
        return False  # "it was imperative to ratify the exit before the summer break": the act is still to come
    return not any(word in res.perfect_auxiliaries for word in clause[cues[-1][0]:])


_LABEL_COLON = re.compile(r":\s")
_WORDS = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def _past_verb_since_colon(text: str, start: int, clause: list[str], res: Resources) -> bool:
    """True when a past cue stands in ``clause`` (the words before the expression at ``start``) after the last
    colon of a label before it ("EXTENDED: Mostly sunny Thursday": the label's "-ed" is no verb of the clause).

    >>> from timeline.temporal.rules import load_resources
    >>> s = "EXTENDED: Mostly sunny Thursday"
    >>> _past_verb_since_colon(s, s.index("Thursday"), "extended mostly sunny".split(), load_resources())
    False
    """
    labels = list(_LABEL_COLON.finditer(text, max(0, start - 200), start))
    words = len(_WORDS.findall(text, labels[-1].end(), start)) if labels else len(clause)
    return any(cue_at(clause, i, res, True) == "past" for i in range(max(0, len(clause) - words), len(clause)))


def _since_phrase(clause: list[str], res: Resources) -> bool:
    """True when a word of ``since_clause_openers`` stands in ``clause`` (the words before the expression), not
    right before it, with no present or future verb between it and the expression: the expression dates the past
    point since which something holds.

    >>> from timeline.temporal.rules import load_resources
    >>> c = "the visits will be his first since becoming the top diplomat in".split()
    >>> _since_phrase(c, load_resources())
    True
    >>> c = "he will not attend since the summit is in".split()
    >>> _since_phrase(c, load_resources())
    False
    """
    openers = [i for i, word in enumerate(clause) if word in res.since_clause_openers]
    if not openers or openers[-1] >= len(clause) - 1:
        return False
    rest = clause[openers[-1] + 1:]
    present = word_set("present_be") | word_set("goal_perfect_present_be") | res.perfect_auxiliaries
    return not any(word in present or word in res.clause_future for word in rest)


def _past_after_future(clause: list[str], stop: int, res: Resources) -> bool:
    """True when a past cue far back in clause[:stop] (see ``_far_past_verb``) stands after the last word of
    ``clause_future`` and a subordinator of ``past_clause_openers`` ("after", "when") opens its clause.

    >>> from timeline.temporal.rules import load_resources
    >>> c = "the senate will vote after a deal was reached between the house and the democrats on".split()
    >>> _past_after_future(c, len(c) - 8, load_resources())
    True
    >>> c = "the race is set to go to a runoff as no candidate achieved the share of ballots for a win on".split()
    >>> _past_after_future(c, len(c) - 8, load_resources())
    True
    >>> c = "the senate will vote after a deal is reached between the house and the democrats on".split()
    >>> _past_after_future(c, len(c) - 8, load_resources())
    False
    """
    if not _far_past_verb(clause, stop, res):
        return False
    future = [i + n - 1 for n in (1, 2, 3) for i in range(stop - n + 1)  # "will", "is set to" (its last word)
              if " ".join(clause[i:i + n]) in res.clause_future]
    future.sort()
    past = [i for i in range(stop) if _before_tense(clause, i, res) == "past"]
    if not future or not past or past[-1] < future[-1]:
        return False
    return any(word in res.past_clause_openers for word in clause[future[-1] + 1:past[-1]])


def _called_event(before: list[str], res: Resources) -> bool:
    """True when ``before`` (the clause words before a month) ends in an event noun and "in"/"for" with a verb of
    a call or demand (``demand_phrases``) at most four words before the noun, or an arranging or announcing verb
    (``arrange_participles``, ``announce_for_verbs``) before a "for": "called for elections in", "set a referendum
    for"; the noun may also be one of ``called_event_nouns`` ("called a general strike for").

    >>> from timeline.temporal.rules import load_resources
    >>> _called_event("the opposition called for early elections in".split(), load_resources())
    True
    >>> _called_event("the government called off the elections in".split(), load_resources())
    False
    """
    if len(before) < 3 or before[-1] not in ("in", "for") or (
            before[-2] not in res.month_event_nouns and before[-2] not in res.called_event_nouns):
        return False
    phrases = res.demand_phrases + (res.arrange_participles + res.announce_for_verbs if before[-1] == "for" else ())
    noun = len(before) - 2
    return any(tuple(before[i:i + len(phrase)]) == phrase and i + len(phrase) <= noun
               for i in range(max(0, noun - 5), noun) for phrase in phrases
               if noun - (i + len(phrase)) <= 4)


def obligation_before(text: str, start: int, end: int, res: Resources) -> bool:
    """True when a present modal of obligation (``obligation_modals``) stands earlier in the expression's clause
    with no past cue after it: "Applicants must register before the deadline of June 30" speaks of a coming date.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "Applicants must register before the deadline of June 30."
    >>> obligation_before(s, s.index("June"), s.index("June") + 7, load_resources())
    True
    >>> s = "Applicants must say they registered before the deadline of June 30."
    >>> obligation_before(s, s.index("June"), s.index("June") + 7, load_resources())
    False
    """
    before = _clause_words(text, start, end)[0]
    for i in range(len(before) - 1, -1, -1):
        if before[i] in res.obligation_modals:
            return True
        if cue_at(before, i, res, True) == "past":
            return False
    return False


def nominal_future(text: str, start: int, end: int, res: Resources) -> bool:
    """True when a noun or adjective of an expected event (``nominal_future_nouns`` / ``nominal_future_words``)
    stands between the expression and the nearest past cue before it in its clause: "raised expectations of a
    rate hike in December" speaks of a coming December, whatever the tense of "raised". Not after a past perfect,
    nor for a noun right before "in" + the expression ("announced plans in December"). An event called for or
    arranged (`_called_event`: "called for elections in February"; `_arranged_for`: "The judge set sentencing for
    May 3") is ahead the same way. A word of likelihood
    (``nominal_future_after``) after the expression, before any cue, does the same ("a hike in December seems
    likely"), unless a past participle governs the date (`_participle_date`: "the quarter that ended in December
    likely rose").

    >>> from timeline.temporal.rules import load_resources
    >>> s = "The comments raised expectations of a rate hike in December."
    >>> nominal_future(s, s.index("December"), s.index("December") + 8, load_resources())
    True
    >>> s = "The firm announced plans in December."
    >>> nominal_future(s, s.index("December"), s.index("December") + 8, load_resources())
    False
    """
    before, after = _clause_words(text, start, end)
    before = before[-res.window_before:]
    if _PERFECT in before:
        return False
    if _called_event(before, res) or _arranged_for(before, after, res):
        return True  # "set a referendum for June"; "The judge set sentencing for May 3" (DCT January): the coming May 3
    if _participle_date(before, res):
        return False  # "the quarter that ended in December likely rose": "likely" guesses a later act, not the date's
    for i, word in enumerate(after[:res.window_after]):  # "made a hike in December seem far more certain"
        if word in res.nominal_future_after:
            return True
        if cue_at(after, i, res, i < 1) is not None or word == _PERFECT:
            break
    for i in range(len(before) - 1, -1, -1):
        if before[i] in res.nominal_future_nouns and before[i + 1:] != ["in"]:
            return True
        if any(tuple(before[i:i + len(phrase)]) == phrase for phrase in res.nominal_future_words) \
                and not _realized_plan(before, i, res):  # not "underwent a scheduled operation in January"
            return True
        if cue_at(before, i, res, True) == "past":
            return False
    return False


def progressive_plan(text: str, start: int, end: int, res: Resources) -> bool:
    """True when a present progressive (or a "with" absolute clause) ends right before "in" + the expression: "the
    main exercises are taking place in April", "with the drills starting in April" tell a plan, so a bare month
    ahead of the DCT's is the coming one (``progressive_openers``; ``not_progressive_ing`` are no verbs).

    >>> from timeline.temporal.rules import load_resources
    >>> s = "The bulk of the forces are deploying, with the main exercises taking place in April."
    >>> progressive_plan(s, s.index("April"), s.index("April") + 5, load_resources())
    True
    >>> s = "Sales were rising in April."
    >>> progressive_plan(s, s.index("April"), s.index("April") + 5, load_resources())
    False
    >>> s = "Voters are heading to the polls in November."
    >>> progressive_plan(s, s.index("November"), s.index("November") + 8, load_resources())
    True

    "from" + the expression is the start of the plan ("households are facing bill hikes from April"; ``
    progressive_plan_prepositions``), not after a verb of ``progressive_from_stops`` ("are recovering from April")
    nor before a possessive ("April's lows"); an -ing clause after a comma may take the present progressive of the
    clause before it ("Totoki is strengthening his grip, taking the CEO role from April").

    >>> s = "Sony's president is strengthening his grip over the group, taking the CEO role from April."
    >>> progressive_plan(s, s.index("April"), s.index("April") + 5, load_resources())
    True
    >>> s = "Stocks are recovering from April's lows."
    >>> progressive_plan(s, s.index("April"), s.index("April") + 5, load_resources())
    False
    """
    before = _clause_words(text, start, end)[0]
    if not before[-1:] or before[-1] not in res.progressive_plan_prepositions:
        return False
    if before[-1] != "in" and text[end:end + 2] in ("'s", "’s"):
        return False  # "recovering from April's lows": a possessive names a past figure
    # "starting in", "taking place in", "heading to the polls in" (an object of up to six words between); a
    # hyphenated -ing word is an adjective of the object ("facing eye-watering bill hikes from April")
    for k in range(len(before) - 2, len(before) - 9, -1):
        if k < 0:
            return False
        word = before[k]
        if word.endswith("ing") and len(word) > 4 and word not in res.not_progressive_ing and "-" not in word:
            if before[-1] != "in" and (word in res.progressive_from_stops or change_verb(word, res)):
                return False  # "are recovering from April", "are climbing from April lows": a past starting point
            window = before[max(0, k - 4):k]
            near = before[max(0, k - 2):k]
            return "with" in window or any(_progressive_opener(w, res) and w != "with" for w in near) or (
                before[-1] != "in" and _comma_before(text, start, word) and _progressive_clause(before[:k], res))
        if word in res.progressive_object_stops or word.endswith("ed"):
            return False
    return False


def _comma_before(text: str, start: int, word: str) -> bool:
    """True when ``word`` (an -ing verb in the clause before ``start``) opens a clause set off by a comma."""
    at = text.lower().rfind(word, max(0, start - _CLAUSE_BEFORE), start)
    return at > 0 and text[:at].rstrip().endswith(",")


def _progressive_clause(words: list[str], res: Resources) -> bool:
    """True when ``words`` (lower-cased clause words) hold a present progressive ("is strengthening") with no word
    after it that ends in "-ed", is an irregular past or opens a clause of its own (``progressive_clause_breaks``)."""
    for i in range(len(words) - 2, -1, -1):
        word = words[i + 1]
        if word.endswith("ed") or word in res.irregular_past or word in res.progressive_clause_breaks:
            return False
        if _progressive_opener(words[i], res) and words[i] != "with" and word.endswith("ing") and len(word) > 4 \
                and word not in res.not_progressive_ing:
            return True
    return False


def _progressive_opener(word: str, res: Resources) -> bool:
    """True when ``word`` is a present "be" of ``progressive_openers`` or ends in one written onto its subject
    ("we're", "they're": the opener "'re").

    >>> from timeline.temporal.rules import load_resources
    >>> _progressive_opener("we're", load_resources()), _progressive_opener("were", load_resources())
    (True, False)
    """
    return word in res.progressive_openers or "'" in word and word[word.index("'"):] in res.progressive_openers


def progressive_weekday_plan(text: str, start: int, end: int, res: Resources) -> bool:
    """True when a present progressive ends up to five words before a bare weekday (or "on" + it): "the union is
    meeting Tuesday", "the team is playing on Friday", "activities are happening across campus Tuesday" tell an
    arranged coming event, so the weekday is the coming one. A past "was"/"were", a stop word between
    (``progressive_weekday_stops``: "still", "since", "until", "for") or a finite verb / "-ed" word between leaves the
    weekday to the other cues.

    >>> from timeline.temporal.rules import load_resources
    >>> s = "The union is meeting Tuesday."
    >>> progressive_weekday_plan(s, s.index("Tuesday"), s.index("Tuesday") + 7, load_resources())
    True
    >>> s = "The union is still meeting Tuesday."
    >>> progressive_weekday_plan(s, s.index("Tuesday"), s.index("Tuesday") + 7, load_resources())
    False
    """
    before = _clause_words(text, start, end)[0]
    if before[-1:] == ["on"]:
        before = before[:-1]
    elif before and before[-1] in res.progressive_weekday_attributive:
        return False  # "are investigating a Saturday shooting": the weekday modifies a noun
    for k in range(len(before) - 1, len(before) - 7, -1):
        if k < 1:
            return False
        word = before[k]
        if word in res.progressive_weekday_stops or word in res.progressive_object_stops or word.endswith("ed"):
            return False
        if not word.endswith("ing") or len(word) <= 4:
            continue
        verb = word not in res.not_progressive_ing or word in res.progressive_weekday_verbs
        opener = next((i for i in (k - 1, k - 2) if i >= 0 and _progressive_opener(before[i], res)), None)
        if not verb or opener is None or before[opener] == "with":
            return False
        return all(w not in res.progressive_weekday_stops for w in before[opener:k])
    return False
