"""A scheduled event told in the simple present ("The summit opens Wednesday", "The vote is Tuesday"): in news
English such a present tense next to a weekday or month speaks of a coming event, not of one gone by."""
from __future__ import annotations

import re

from timeline.temporal.cues import cue_at, regular_past
from timeline.temporal.rules import Resources

#: What ends the stretch of words that can hold the subject and verb of the expression's clause: a sentence or
#: clause mark, a quotation mark, a new line, or "that" opening reported words ("said the talks resume Monday"
#: keeps "the talks resume"). A comma or full stop between digits ("74,000 new jobs", "7.3 percent") is part of a
#: number and ends nothing.
_SEGMENT_END = re.compile(r"[!?;:()\"“”\n]|(?<!\d)[.,]|[.,](?!\d)|''|``|\b(?:that|said|says|told|and then)\b")
_WORD = re.compile(r"[A-Za-z]+(?:[-'’&][A-Za-z]+)*")  # "S&P", "AT&T" are one word
_LOOK_BACK = 120
# a wire dateline's bracket ("LAHORE (APP) :Pakistan play", "LONDON (Reuters) - Arsenal host") also opens it
_FIXTURE = re.compile(  # a team name opening the sentence, an optional ", who ...," insert, a bare verb, its object
    r"(?:^|(?<=[.!?\"”])\s+|\n|(?<=\)\s:)|(?<=\):)|(?<=\)\s[-–—]\s))(?:The\s+)?((?:[A-Z][A-Za-z'’&-]*\s+){0,2}[A-Z][A-Za-z'’&-]*)"
    r"(?:,\s+(?:who|which)\s+[^,.;:!?\n]{1,80},)?\s+([a-z]+)\s+([^.;:!?,\n\"“”()]{1,90}?)\s*$")


#: A short bracketed insert ("at 8 p.m. (1900 GMT) on Sunday", "Stellantis (STLA) shares") is no clause mark.
_AM_PM = re.compile(r"(?<![A-Za-z])[aApP]\.\s?[mM]\.")
_BRACKETED = re.compile(r"\([^()\n]{0,40}\)")


def _segment(text: str, start: int) -> list[str]:
    """The words (case kept) between the last clause mark before ``start`` and ``start``; a short bracketed
    insert is skipped, and so is "a.m."/"p.m.".

    >>> _segment("Polls close at 8 p.m. (1900 GMT) on Sunday", 36)
    ['Polls', 'close', 'at', 'on']
    """
    raw = _BRACKETED.sub(lambda m: " " * len(m.group()), text[max(0, start - _LOOK_BACK):start])
    raw = _AM_PM.sub(lambda m: " " * len(m.group()), raw)  # "at 8 p.m. on Sunday"
    cuts = list(_SEGMENT_END.finditer(raw))
    return _WORD.findall(raw[cuts[-1].end():] if cuts else raw)


def in_title(text: str, start: int) -> bool:
    """True when the expression stands in the text's first line and that line has no full stop at its end: a
    headline, whose present tense tells past events ("Quake kills 30 in Turkey on Monday").

    >>> in_title("Quake kills 30 on Monday\\nANKARA - A quake killed 30 people.", 16)
    True
    >>> in_title("The summit opens Wednesday.", 17)
    False
    """
    lead = text[:start].lstrip()
    if "\n" in lead:
        return False
    line_end = text.find("\n", start)
    line = text[start:line_end if line_end >= 0 else len(text)].rstrip()
    return line_end >= 0 and not line.endswith((".", "!", "?", '"', "'", "”"))


def title_end(text: str) -> int:
    """The offset where the headline (the text's first line, with no full stop at its end) ends, or -1 when the
    first line is no headline: the body's first sentence starts after it, so the headline's words are no cue of it.

    >>> title_end("Hamas says any deal would depend on withdrawal\\nIsrael struck Gaza on Sunday.")
    46
    >>> title_end("The summit opens Wednesday.\\nLeaders arrive today.")
    -1
    """
    # the first character that is no space, without copying the text (this runs for every expression of it)
    lead = next((i for i, char in enumerate(text) if not char.isspace()), len(text))
    line_end = text.find("\n", lead)
    if line_end < 0 or not in_title(text, lead):
        return -1
    return line_end


def _is_cue(word: str, res: Resources) -> bool:
    """True for a tense cue word or an -ed verb (a past participle or simple past)."""
    return cue_at([word.lower()], 0, res, True) is not None


def _number(words: list[str], res: Resources) -> str | None:
    """"singular", "plural", "bare" or "either" (a relative pronoun) when ``words`` (the whole clause before a
    verb) read as its subject, else None.

    A subject is one part or parts joined by "and" (plural), with no tense cue nor irregular past ("The threats sent
    financial markets reeling"); a part is a pronoun, a determiner with up to two words after it ("the
    appointment", "the two leaders"), or capitalized words with up to two lower-case words
    among them ("Palestinian leader Yasser Arafat"); a part opening the clause with no determiner is all
    capitalized, since a sentence's first word is capitalized anyway ("Investors sold shares Monday": "Investors
    sold" is no subject); one lower-case word alone is a subject too ("and trading resumes Monday"), and a
    capitalized word before a plural noun that heads no market report is a bare subject ("Foreign ministers"). Parts joined by "and" or a plural pronoun make a plural subject; so does a lone noun in -s
    after a determiner ("The two leaders meet"; "Officials spoke" is left alone).

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> _number(["The", "summit"], res), _number(["He", "and", "Palestinian", "leader", "Arafat"], res)
    ('singular', 'plural')
    >>> _number(["Investors", "sold"], res) is None
    True
    """
    if not 1 <= len(words) <= 7 or any(_is_cue(w, res) and not _attributive(words, i, res)
                                       or w.lower() in res.irregular_past for i, w in enumerate(words)):
        return None
    if len(words) == 1 and words[0].lower() in res.present_relative_pronouns:
        return "either"  # "The talks, which resume Monday", "the summit, which opens Wednesday"
    if len(words) == 2 and words[0][0].isupper() and words[0].lower() not in res.present_determiners \
            and _bare_plural(words[1], res):
        return "bare"  # "Foreign ministers gather in Brussels on Friday", "Union members vote Sunday"
    parts: list[list[str]] = [[]]
    for word in words:
        if word.lower() == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    for index, part in enumerate(parts):
        if not part or _modifier(part[-1], res):
            return None  # "after heavy clashes on Sunday", "after Israel's strikes": the -s word is a plural noun
        owner = next((k for k in range(len(part) - 2, -1, -1) if _possessive_word(part[k])), None)
        if owner is not None:  # "Gov. Kay Ivey's modified order", "the governor's new order": the owner stands
            head, owned = part[:owner + 1], part[owner + 1:]  # for a determiner before up to two lower-case words
            if len(owned) > 2 or not all(w.islower() for w in owned) or not (
                    head[0].lower() in res.present_determiners and len(head) == 2
                    or all(w[0].isupper() for w in head)):
                return None
            continue
        first = part[0].lower()
        if len(part) == 1 and first in res.present_pronouns:
            continue
        lower = [w for w in part[1:] if not w[0].isupper()]
        if len(words) == 1 and part[0].islower() and first not in res.present_not_verbs:
            continue  # a mass noun or gerund alone: "and trading resumes Monday", "voting ends Sunday"
        if first in res.present_determiners:
            if len(part) > 3:
                return None
        elif not part[0][0].isupper() or len(lower) > 2 or index == 0 and lower:
            return None
    last = words[-1].lower()
    if len(parts) > 1 or last in res.present_plural_pronouns:
        return "plural"
    if last.endswith("s") and not last.endswith("ss"):  # "the talks resume", not "Officials spoke": a lone plural
        if words[0].lower() in res.present_singular_determiners:
            return "singular"  # "told a news conference Monday": "a news" is no plural subject of "conference"
        if words[0].lower() in res.present_determiners:  # noun needs its determiner, or is one capitalized word
            return "plural"  # opening the clause and then takes only a schedule verb ("Officials meet Monday")
        return "bare" if len(words) == 1 and last not in res.present_market_subjects else None
    return "singular"


def _possessive_word(word: str) -> bool:
    """True for a possessive word ("Israel's", "Ivey’s"), which stands before a noun like a determiner."""
    return word.lower().endswith(("'s", "’s"))


def _modifier(word: str, res: Resources) -> bool:
    """True for a word that ends no subject but stands before a noun: a determiner (``present_determiners``), a
    possessive, or an adjective or modifying noun (``present_noun_modifiers``, ``present_modifier_suffixes``).

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> [_modifier(w, res) for w in ("the", "heavy", "Israeli", "Israel's", "numerous", "trading", "summit")]
    [True, True, True, True, True, False, False]
    """
    lower = word.lower()
    return lower in res.present_determiners or lower in res.present_noun_modifiers or _possessive_word(word) \
        or word.islower() and lower.endswith(res.present_modifier_suffixes)


def _attributive(words: list[str], index: int, res: Resources) -> bool:
    """True when words[index] is an -ed participle used as an adjective before a noun of the same subject: a regular
    past ("revised", not a listed cue word) right after a determiner or a possessive and before one more word that
    is no "and" ("The revised rule takes effect Monday", "Gov. Ivey's modified order goes into effect Friday"; held-out
    golds, session 26). A last -ed word stays a verb ("The rule passed Monday").

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> _attributive(["The", "revised", "rule"], 1, res), _attributive(["The", "rule", "passed"], 2, res)
    (True, False)
    """
    lower = words[index].lower()
    if index == 0 or index + 1 >= len(words) or words[index + 1].lower() == "and" \
            or not regular_past(lower, res) or cue_at([lower], 0, res, False) is not None:
        return False
    return words[index - 1].lower() in res.present_determiners or _possessive_word(words[index - 1])


def _head_with_phrase(words: list[str], res: Resources) -> str | None:
    """The number of a subject whose head (a determiner and up to two words) is followed by a phrase of one of
    ``present_subject_prepositions`` and up to four words with no tense cue: "The trial of the former minister",
    "The meeting of finance ministers"; None for any other words.

    >>> from timeline.temporal.rules import load_resources
    >>> _head_with_phrase(["The", "trial", "of", "the", "former", "minister"], load_resources())
    'singular'
    >>> _head_with_phrase(["The", "trial", "of", "men", "who", "fled"], load_resources()) is None
    True
    """
    lower = [w.lower() for w in words]
    cut = next((k for k in (2, 3) if k < len(lower) and lower[k] in res.present_subject_prepositions), None)
    if cut is None or lower[0] not in res.present_determiners or not 1 <= len(lower) - cut - 1 <= 4:
        return None
    if any(_is_cue(w, res) or w in res.irregular_past or w in res.present_object_breakers for w in lower[cut + 1:]):
        return None
    number = _number(words[:cut], res)
    return number if number in ("singular", "plural") else None


def _bare_plural(word: str, res: Resources) -> bool:
    """True for a lower-case plural noun in -s that is no subject of a market report (``present_market_subjects``):
    the head of a bare plural subject ("Foreign ministers", not "Oil prices")."""
    return word.islower() and word.endswith("s") and not word.endswith("ss") and word not in res.present_market_subjects


def _verb_forms(word: str) -> set[str]:
    """The word and its stems without an -s or -es ending, to look a present verb up in a list of bare verbs.

    >>> sorted(_verb_forms("closes"))
    ['clos', 'close', 'closes']
    """
    return {word, word[:-1], word[:-2]}


def _following_words(text: str, end: int) -> list[str]:
    """Up to four lower-cased words right after text[end:], before any punctuation ("Monday up 200 points")."""
    tail = re.split(r"[.,;:!?\"“”()]", text[end:end + 60], maxsplit=1)[0]
    return [w.lower() for w in _WORD.findall(tail)[:4]]


def _quantity_move(subject: list[str], verb: str, res: Resources, rest: list[str] | None = None) -> bool:
    """True when ``verb`` (lower case) is a verb of ``present_change_verbs`` (or its -s/-es form), or a verb of
    ``market_session_verbs`` with a word of ``market_direction_words`` among the four ``rest`` words after it
    ("The Dow ends higher", "The index finishes the week up"; not "The market closes early"), and the
    lower-cased ``subject`` words before it name a figure that moves by itself: the last word of its head (the words
    before a preposition of ``present_subject_prepositions``) or of an "of" phrase after it is one of
    ``present_quantity_heads``. Such a present tells the day's move, no schedule.

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> _quantity_move(["the", "number", "of", "deaths"], "rises", res), _quantity_move(["oil", "prices"], "rise", res)
    (True, True)
    >>> _quantity_move(["the", "minimum", "wage"], "rises", res), _quantity_move(["the", "toll"], "meets", res)
    (False, False)
    >>> _quantity_move(["the", "dow"], "ends", res, ["higher", "on"]), _quantity_move(["the", "market"], "closes", res, ["early"])
    (True, False)
    """
    forms = _verb_forms(verb)
    session = bool(forms & res.market_session_verbs) and any(w in res.market_direction_words for w in (rest or [])[:4])
    if not subject or not (forms & res.present_change_verbs or session):
        return False
    cut = next((i for i, w in enumerate(subject) if i > 0 and w in res.present_subject_prepositions), len(subject))
    if subject[cut - 1] in res.present_quantity_heads:
        return True
    return subject[cut:cut + 1] == ["of"] and subject[-1] in res.present_quantity_heads


def _finite_verb(word: str, res: Resources, number: str) -> bool:
    """True when a lower-case word can be a present-tense verb of a subject of ``number``: the -s form for a
    singular subject ("opens", "takes", "goes"), a bare form for a plural one ("meet"); never a word of
    ``present_not_verbs`` nor a reporting verb; a bare form is no ``irregular_past`` ("hit", "cut"; a past cue such as "spoke" never gets here)."""
    if number == "bare":  # "Voters go to the polls Sunday"
        return word in res.present_schedule_verbs
    if not word.islower() or len(word) < 3 or word in res.present_not_verbs or word in res.present_reporting:
        return False
    plural = not word.endswith(("s", "ed", "ing", "ly")) and word not in res.irregular_past
    if number == "plural" or number == "either" and plural:
        return plural
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def _breaks_object(between: list[str], res: Resources) -> bool:
    """True when the lower-cased words between a verb and its day 4-6 words later are no short object or
    prepositional phrase: one is a pronoun, auxiliary or subordinator (``present_object_breakers``), an irregular
    past or a reporting verb."""
    return any(w in res.present_object_breakers or w in res.irregular_past or w in res.present_reporting
               for w in between)


def _fixture_present(text: str, start: int, res: Resources) -> bool:
    """True when the expression at ``start`` closes a sentence opened by a capitalized name (a team: "Newcastle",
    "Ireland", "Stoke City"), optionally followed by a comma-bounded "who"/"which" insert, then a bare verb of
    ``fixture_present_verbs`` and an object of up to 14 words with no tense cue, clause breaker or market subject:
    the plural agreement of a team's coming match ("Newcastle host Stoke City in the league on Saturday").

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> s = "He was hurt. Newcastle host 14th place Stoke City in the league on Saturday."
    >>> _fixture_present(s, s.index("Saturday"), res)
    True
    >>> s = "He was hurt. Stocks open higher in early trading on Friday."
    >>> _fixture_present(s, s.index("Friday"), res)
    False
    """
    match = _FIXTURE.search(text, max(0, start - 200), start)
    if match is None or match.end() != start and text[match.end():start].strip():
        return False
    name, verb, tail = match.group(1), match.group(2), match.group(3)
    if verb not in res.fixture_present_verbs or name.split()[0].lower() in res.present_market_subjects:
        return False
    words = [w.lower() for w in _WORD.findall(tail)]
    return 0 < len(words) <= 14 and not any(
        _is_cue(w, res) or w in res.present_object_breakers or w in res.present_market_subjects for w in words)


def scheduled_present(text: str, start: int, end: int, res: Resources) -> bool:
    """True when the expression at text[start:end] dates a verb in the simple present of its clause: "is"/"are"
    right before it (one preposition may stand between: "Elections are on Sunday"), or a finite present verb after
    a subject at most three words before it ("The law takes effect Monday", "The case goes to trial in
    September", "He and Arafat meet separately Monday"); a schedule verb (``present_schedule_verbs``) may also
    follow one capitalized plural noun opening the clause ("Officials meet Monday", not "Stocks close higher
    Monday") and stand 4-6 words before the day across a short object or prepositional phrase ("The court hears
    arguments in the case on Tuesday"). Reporting verbs ("says Monday") date the saying and are
    left out (``present_reporting``); so is a headline (`in_title`) and a possessive ("is Monday's vote").

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> s = "The summit opens Wednesday."
    >>> scheduled_present(s, 17, 26, res)
    True
    >>> s = "Police said the attacks Monday killed 30."
    >>> scheduled_present(s, 24, 30, res)
    False
    >>> s = "This is down from 38% on Saturday."
    >>> scheduled_present(s, 25, 33, res)
    False
    """
    if text[end:end + 2] in ("'s", "’s") or in_title(text, start):
        return False
    if _fixture_present(text, start, res):
        return True  # "Newcastle host Stoke City in the league on Saturday": a team's coming match
    words = _segment(text, start)
    while words and words[0].lower() in res.present_clause_openers:
        words = words[1:]  # "It was the worst flood in decades, and the river crests Sunday"
    lower = [w.lower() for w in words]
    names_weekday = res.names_word(text[start:end], ("weekday",))
    if lower[-1:] and lower[-1] in res.present_be_schedule or (
            lower[-2:-1] and lower[-2] in res.present_be_schedule and lower[-1] in res.present_be_prepositions):
        return True
    if lower[-2:-1] and lower[-2] in res.present_be_schedule and lower[-1] in res.schedule_from_words \
            and _span_end(text, end, res) and not names_weekday:
        return True  # "The festival is from 5 October to 19 November" ("The data is from April" is no schedule)
    following = _WORD.match(text[end:end + 40].lstrip(" "))
    if following is not None and following.group().islower() and following.group() not in res.present_not_verbs:
        return False  # "American officials over the weekend became": a verb follows, the -s word was a noun
    following_words = _following_words(text, end)
    if any(_verb_forms(lower[v]) & res.market_session_verbs
           and _quantity_move(lower[:v], lower[v], res, lower[v + 1:] + following_words)
           for v in range(len(words) - 1, max(-1, len(words) - 8), -1)):
        return False  # "The Dow ends higher on Monday": the day's close ("Dow ends" is no plural subject of "higher")
    if _set_amount_change(words, lower, res):
        return True
    for verb in range(len(words) - 1, max(-1, len(words) - 8), -1):
        if lower[verb] == "over" and verb > 0 and lower[verb - 1] in res.particle_over_verbs:
            continue  # "The fair runs over June": the particle of the verb before it, no comparison word
        far = len(words) - verb > 4  # "The court hears arguments in the case on Tuesday"
        if far and _breaks_object(lower[verb + 1:], res):
            return False  # no clause of its own between the verb and the day
        if _quantity_move(lower[:verb], lower[verb], res, lower[verb + 1:] + following_words):
            return False  # "The death toll climbs to 12 on Tuesday", "Oil prices rise Monday": the day's move
        if lower[verb] in res.present_sequel_verbs and len(words) - verb > 2:
            return False  # "The move follows deadly strikes on Monday": the day of the earlier event, gone by
        if far and not _verb_forms(lower[verb]) & res.present_schedule_verbs:
            continue  # "The figures reflect a stock dividend in June": the day may be the object's
        if any(_is_cue(w, res) for w in words[verb:]):
            return False  # a cue word is nearer ("Stocks fell Monday"): it decides
        if _compared(lower[verb:], res, names_weekday and _span_end(text, end, res)):
            return False  # "This is down from 38% on Saturday": the day of the figure compared with, gone by
        for first in _subject_starts(lower[:verb], res):  # "when the deal closes in March"
            number = _number(words[first:verb], res)
            if number is None and _verb_forms(lower[verb]) & res.present_schedule_verbs:
                number = _head_with_phrase(words[first:verb], res)  # "The trial of the former minister opens"
            if number is not None and _finite_verb(words[verb], res, number):
                return True
    return False


def _compared(lower: list[str], res: Resources, weekday: bool = False) -> bool:
    """True when the lower-cased words from a verb up to the expression hold a comparison word: the expression is
    the time a figure is compared with ("This is down from 38% on Saturday"). A word of ``schedule_from_words``
    right before the expression opens a schedule's span instead ("The tournament runs from 5 October", "The rules
    apply from April 6"), unless a direction word or change verb stands before it ("Prices are up from January",
    "Sales rise 5% from April": the baseline). A ``weekday`` keeps the comparison reading: "The strike runs from
    6am on Wednesday to 6am on Saturday" in a Friday story is a span running now; the caller passes it only when a
    span end follows the day, so a bare "from Monday" opens a plan ("Tube workers strike from Sunday", "The new
    rules apply from Monday": the coming day; held-out transport gold news239, session 23).

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> _compared(["runs", "from"], res), _compared(["is", "up", "from"], res), _compared(["is", "down", "from", "on"], res)
    (False, True, True)
    >>> _compared(["takes", "over", "the", "presidency", "on"], res), _compared(["rose", "over", "the", "year", "in"], res)
    (False, True)
    """
    lower = [w for i, w in enumerate(lower)  # "takes over the presidency on 1 January": a particle
             if not (w == "over" and i > 0 and lower[i - 1] in res.particle_over_verbs)]
    if not any(w in res.comparison_words for w in lower):
        return False
    if weekday or lower[-1] not in res.schedule_from_words or any(w in res.comparison_words for w in lower[:-1]):
        return True
    return any(w in res.market_direction_words or change_verb(w, res) for w in lower[:-1])


def change_verb(word: str, res: Resources) -> bool:
    """True for a form of a verb of ``present_change_verbs``: "rises", "rise", "rising", "recovering"."""
    forms = _verb_forms(word)
    if word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e", word[:-4]}  # "recovering", "rising", "slipping"
    return bool(forms & res.present_change_verbs)


def _span_end(text: str, end: int, res: Resources) -> bool:
    """True when a word of ``span_end_words`` (or a dash) follows the expression at ``end`` and something follows
    it: the start of a span "from 5 October to 19 November"."""
    match = _SPAN_END.match(text, end)
    return match is not None and (match.group(1) is None or match.group(1).lower() in res.span_end_words)


_SPAN_END = re.compile(r"\s*(?:[-–]|\b([A-Za-z]+)\b)\s*[A-Za-z0-9]")


def _set_amount_change(words: list[str], lower: list[str], res: Resources) -> bool:
    """True when a present change verb (``present_change_verbs``, bare or -s form) right after a noun of
    ``present_set_heads`` stands among the last words before the expression, with no tense cue after it: a
    scheduled change of a set amount ("mandatory hourly pay climbs to $8 in August", "Wages rise to $9 in August").

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> w = ["Mandatory", "hourly", "pay", "climbs", "to", "in"]
    >>> _set_amount_change(w, [x.lower() for x in w], res)
    True
    >>> w = ["Oil", "prices", "rise", "to", "in"]
    >>> _set_amount_change(w, [x.lower() for x in w], res)
    False
    """
    for verb in range(len(words) - 1, max(0, len(words) - 6), -1):
        if _is_cue(words[verb], res):
            return False  # "Wages rose in August": a nearer cue decides
        word = lower[verb]
        if lower[verb - 1] in res.present_set_heads and _verb_forms(word) & res.present_change_verbs \
                and not word.endswith(("ed", "ing")) and word not in res.irregular_past:
            return True
    return False


def _subject_starts(lower: list[str], res: Resources) -> list[int]:
    """Where the subject of a verb after ``lower`` (the lower-cased clause words before it) may begin: the clause
    start, and after each subordinator of ``present_subordinators`` ("expects to pay when | the deal closes in
    March", "held this month as | his term as Fed chief ends in May"); a possessive relative ("whose") is kept as
    the subject's determiner ("Powell, whose term ends in May"). Words ending in a function word ("as a teacher in
    schools", "as the head of operations") hold no subject: the -s word after them is a noun.

    >>> from timeline.temporal.rules import load_resources
    >>> _subject_starts(["the", "firm", "expects", "to", "pay", "when", "the", "deal"], load_resources())
    [0, 6]
    >>> _subject_starts(["he", "worked", "as", "a", "teacher", "in"], load_resources())
    [0]
    """
    return [0] + [i if word in res.present_determiners else i + 1 for i, word in enumerate(lower)
                  if word in res.present_subordinators and 0 < i + 1 < len(lower)
                  and lower[-1] not in res.present_not_verbs]  # "as a teacher in | schools": no subject


_NEXT_WORDS = re.compile(r"[ \t]+([a-z]+)(?:[ \t]+([a-z]+))?(?:[ \t]+([a-z]+))?")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)(,?)\s+\Z")
_CLAUSE_START = re.compile(r"(?:\A|[.!?;:\n][\"“”'‘’(]*|[\"“‘(])\s*\Z")


def weekday_subject(text: str, start: int, end: int, res: Resources) -> bool:
    """True when the bare weekday at text[start:end] is the subject of a present verb or modal
    (``weekday_subject_verbs``, one of ``weekday_subject_adverbs`` may stand between): it opens its clause (a
    sentence or quotation start, a colon or semicolon, with at most one of ``weekday_subject_openers`` before it, or
    ", but"), or follows a verb of saying (``weekday_subject_reporting``). Such a day is the coming one or the
    publication day ("Thursday marks the 10th anniversary", "Saturday looks dry"); no headline, possessive nor modal
    perfect ("Monday could have been worse").

    >>> from timeline.temporal.rules import load_resources
    >>> res = load_resources()
    >>> s = "Rain ends. But Sunday brings more rain."
    >>> weekday_subject(s, s.index("Sunday"), s.index("Sunday") + 6, res)
    True
    >>> s = "Saturday marked the end of the season."
    >>> weekday_subject(s, 0, 8, res)
    False
    >>> s = "Stocks fall Monday as investors worry."
    >>> weekday_subject(s, s.index("Monday"), s.index("Monday") + 6, res)
    False
    """
    following = _NEXT_WORDS.match(text, end)
    if following is None or in_title(text, start):
        return False
    words = [w for w in following.groups() if w is not None]
    if words[0] in res.weekday_subject_adverbs and len(words) > 1:
        words = words[1:]
    if words[0] not in res.weekday_subject_verbs or words[0] in res.modal_perfect_modals and words[1:2] == ["have"] \
            and (words[2:] == [] or words[2] == "been" or words[2].endswith(("ed", "en", "wn"))):
        return False  # "Monday could have been worse" ("Friday could have storms" is ahead)
    head = text[max(0, start - 60):start]
    if start <= 60:
        head = "\n" + head
    before = _WORD_BEFORE.search(head)
    if before is None:
        return _CLAUSE_START.search(head) is not None
    word, comma = before.group(1).lower(), before.group(2)
    if word in res.weekday_subject_reporting and not comma:
        return True
    if word not in res.weekday_subject_openers:
        return False
    rest = head[:before.start()]
    return _CLAUSE_START.search(rest) is not None or rest.rstrip().endswith(",") and not comma
