"""Duplicate mentions of one event in an article become one group (one row, every sentence kept).

Two mentions are the same event when they have the same type, name it with the same word family
("deployed"/"deployment") or happen at the same named place, their own text dates (if both have one)
agree, their actors (if both have some) overlap, and they are close in the text unless a date or a
place ties them.  ``other`` events merge only on the same lemma with shared actors.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Token

from timeline.events.links import Mention
from timeline.events.taxonomy import OTHER, EventTaxonomy
from timeline.events.timing import GOVERNING, EventTime
from timeline.function_words import word_set
from timeline.temporal.numbers import parse_quantity
from timeline.temporal.rules import load_resources

#: Sentences between two mentions beyond which only a shared date or place can merge them.
MAX_GAP = 3
_STEM = 5
#: Types whose nouns are measures more than single events ("revenue", "loss"): never merged at a distance.
UNMERGED_NOUN_TYPES = frozenset({OTHER, "result"})
#: Types of figures that move ("sales tumbled", "shares fell"): whose figure it is tells one move from another.
FIGURE_TYPES = frozenset({"result"})
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "dative", "oprd", "attr", "acomp"})
#: A verb that only describes a participant ("the first official extradited from the EU was sentenced").
_MODIFIERS = frozenset({"acl", "relcl", "amod"})
#: Dependents of a casualty verb that hold its victims ("kills [127]", "[nine people] died", "leave [10] dead").
_VICTIMS = frozenset({"dobj", "nsubjpass", "oprd", "ccomp", "xcomp", "attr", "npadvmod", "dep"})
#: A headline's event is the same event as the lead's when named again this many sentences in.
HEADLINE_REACH = 4
#: An undated headline event takes the first dated mention by the same word this many sentences in ("A plane
#: crashed" ... "it crashed around 6:30 p.m." in the fifth sentence).
HEADLINE_DATE_REACH = 8
#: The lede is the headline and the sentences up to this index; a dated event noun names an undated lede verb's
#: event this many sentences after it ("... derailed in Philadelphia ... Tuesday night's crash").
LEDE_SENTENCES = 2
NOUN_AFTER_VERB_REACH = 2


def _family(mention: Mention) -> str:
    """The word family of a trigger: its synonym set when ``synonym_triggers`` lists it, else its stem."""
    lemma = mention.trigger.lemma
    key = EventTaxonomy.load().synonym_key(lemma)
    return f"={key}" if key else lemma[:_STEM]


def _bare_plural(mention: Mention) -> bool:
    """A plural event noun with no determiner names several events ("had completed acquisitions Tuesday"): a
    synonym ("is buying Cepheid") does not name it again; "the resignations" and the same word still can."""
    token = mention.token
    return (mention.trigger.kind == "noun" and token.tag_ in ("NNS", "NNPS")
            and not any(c.dep_ in ("det", "poss") for c in token.children))


def _kin_types(group: Sequence[Mention], mention: Mention) -> bool:
    """The mention can name the group's event by its type: the same type, a listed synonym of a group
    trigger ("sworn in" and "inaugurated"), or the same verb as an untyped headline whose lede types it
    ("Stephens beats Osaka" and "beat Naomi Osaka 7-5, 4-6, 6-1"; "Government airstrikes kill 24" and "government
    airstrikes killed 24 people")."""
    if any(m.trigger.event_type == mention.trigger.event_type for m in group):
        return True
    if EventTaxonomy.load().synonym_key(mention.trigger.lemma) is not None and any(
            _family(m) == _family(mention) for m in group):
        return True
    head = group[0]
    if _noun_read_as_verb(group, mention):
        return True
    return (_lede_of_headline(group, mention) and head.trigger.event_type == OTHER and mention.trigger.typed
            and head.trigger.lemma == mention.trigger.lemma and head.trigger.kind == mention.trigger.kind == "verb")


def _noun_read_as_verb(group: Sequence[Mention], mention: Mention) -> bool:
    """A headline event noun the parser read as an untyped verb ("Government airstrikes kill 24": "airstrikes"
    VBZ), maybe again so in the lede, named as that noun within HEADLINE_REACH ("Saturday's airstrikes")."""
    head = group[0]
    return (head.sentence_index == 0 and mention.sentence_index <= HEADLINE_REACH
            and mention.trigger.kind == "noun" and mention.trigger.lemma == head.trigger.lemma
            and all(m.trigger.kind == "verb" and m.trigger.event_type == OTHER and m.trigger.lemma == head.trigger.lemma
                    for m in group)
            and EventTaxonomy.load().noun_type(head.trigger.lemma) == mention.trigger.event_type)


def _lede_of_headline(group: Sequence[Mention], mention: Mention) -> bool:
    """The group is a headline's event alone so far and the mention is in the lede (within HEADLINE_REACH)."""
    return group[0].sentence_index == 0 and len(group) == 1 and mention.sentence_index <= HEADLINE_REACH


def _placed_apart(mention: Mention, types: dict[int, str]) -> bool:
    """A narrative or time link that places the mention apart from another event of its type ("Earlier, the
    army deployed ..."); a link to an event of another type ("quit following a boardroom clash") does not."""
    return any(link.relation in ("before", "after", "shift")
               and not (link.text and types.get(link.target, mention.trigger.event_type) != mention.trigger.event_type)
               for link in mention.links)


def _text_dated(mention: Mention) -> bool:
    return mention.time.dated and mention.time.strength >= GOVERNING


def _contains(outer: EventTime, inner: EventTime) -> bool:
    return (not outer.modifier and not inner.modifier and None not in (outer.start, outer.end, inner.start, inner.end)
            and outer.start <= inner.start and inner.end <= outer.end)  # type: ignore[operator]


def compatible_times(first: EventTime, second: EventTime, nested: bool = False) -> bool:
    """Two text times can date one event: equal, or (``nested``) one within the other.

    >>> import datetime as dt
    >>> week = EventTime("last week", "1998-W32", dt.date(1998, 8, 3), dt.date(1998, 8, 9), "week")
    >>> friday = EventTime("Friday", "1998-08-07", dt.date(1998, 8, 7), dt.date(1998, 8, 7), "day")
    >>> compatible_times(week, friday), compatible_times(week, friday, nested=True)
    (False, True)
    """
    if first.value == second.value and first.modifier == second.modifier:
        return True
    return nested and (_contains(first, second) or _contains(second, first))


def _of_object(mention: Mention) -> str:
    text = mention.participants.object_text.lower()
    return text if text.startswith("of ") else ""


def _same_noun_again(group: Sequence[Mention], mention: Mention) -> bool:
    """An event noun named again by the same word, with no place of its own that differs."""
    if mention.trigger.kind != "noun" or mention.trigger.event_type in UNMERGED_NOUN_TYPES:
        return False
    new = word_set("new_event_determiners")
    if any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in new for c in mention.token.children):
        return False  # "a fatal attack", "three attacks": a new event, not the one named before
    lemma = mention.trigger.lemma
    same = [m for m in group if m.trigger.kind == "noun" and m.trigger.lemma == lemma]
    if not same:
        return False
    described = _of_object(mention)
    if described and any(_of_object(m) and _of_object(m) != described for m in same):
        return False  # "the loss of $3 million" and "the loss of $195 million"
    place = mention.participants.location
    places = {m.participants.location for m in group if m.participants.location}
    return not place or not places or place in places


#: Dependencies of a measure unit on its move verb ("fell 5.8 [%]", "lost 30 [points]").
_AMOUNT_DEPS = frozenset({"dobj", "npadvmod"})


def move_amounts(mention: Mention) -> frozenset[float]:
    """The measured amounts of a result verb (``measure_units``: "nosedives 9.4%" -> {9.4}; "fell 5.8% in South
    Korea, 6% in Thailand" -> {5.8, 6.0}; "lost 2,061.23 points" -> {2061.23}); not those of a clause inside it
    ("was down 7.7 per cent after falling by as much as 11 per cent" -> {7.7}), nor of a noun.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The index fell 5.8% in Seoul after rising 2%. It was down 7.7 per cent at 8,453.")
    >>> sorted(_amounts(doc[2])), sorted(_amounts(doc[13]))
    ([5.8], [7.7])
    """
    if mention.trigger.kind != "verb" or mention.trigger.event_type not in FIGURE_TYPES:
        return frozenset()
    return _amounts(mention.token)


def _amounts(verb: Token) -> frozenset[float]:
    """Numbers of the measure units that hang on the verb itself ("fell 5.8%", "lost 30 points"), on its
    direction word ("was down 7.7 per cent") or its "by" ("rose by 2 percent"); not on a noun ("reported a 77%
    drop", "a 43% increase": the noun's figure)."""
    units = EventTaxonomy.load().measure_units
    found: set[float] = set()
    for unit in verb.subtree:
        if not (unit.lower_ in units or unit.lemma_.lower() in units):
            continue
        holder = unit.head
        if not (holder == verb and unit.dep_ in _AMOUNT_DEPS or holder.head == verb and holder.dep_ in
                ("advmod", "acomp", "prep") and (holder.dep_ != "prep" or holder.lower_ == "by")):
            continue
        before = verb.doc[unit.i - 1] if unit.i > 0 else unit
        for number in [c for c in unit.children if c.like_num] + ([before] if before.like_num else []):
            try:
                found.add(float(number.text.replace(",", "")))
            except ValueError:
                continue
    return frozenset(found)


def _other_amounts(group: Sequence[Mention], mention: Mention) -> bool:
    """Both the mention and the group's moves tell an amount and none is the same ("Japan index nosedives 9.4%"
    / "Shares fell 5.8% in South Korea"): two market moves, however alike their words and type."""
    amounts = move_amounts(mention)
    told = [move_amounts(m) for m in group]
    told = [t for t in told if t]
    return bool(amounts) and bool(told) and not any(_one_amount(a, b) for t in told for a in t for b in amounts)


def _one_amount(first: float, second: float) -> bool:
    """The same amount, or a whole number and one that rounds to it ("Dow drops 2%" / "fell 2.13 percent")."""
    return first == second or first.is_integer() and round(second) == first \
        or second.is_integer() and round(first) == second


def _other_instances(mention: Mention) -> bool:
    """An event noun said to be more events than those named before ("additional increases", "further strikes").

    >>> from types import SimpleNamespace
    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Policymakers left the door open to additional rate increases this year.")
    >>> _other_instances(SimpleNamespace(trigger=SimpleNamespace(kind="noun"), token=doc[8]))
    True
    """
    modifiers = word_set("new_event_modifiers")
    return mention.trigger.kind == "noun" and any(
        c.dep_ in ("amod", "det", "advmod") and c.lower_ in modifiers and c.i < mention.token.i
        for c in mention.token.children)


def _one_name(first: set[str], second: set[str]) -> bool:
    """A full name (two words or more) in one set is within a longer name of the other ("Leland Yee" and "Ex
    State Senator Leland Yee"); a lone word ("Bank" and "Bank of England") is not enough."""
    def within(small: str, large: str) -> bool:
        words = small.lower().split()
        return len(words) >= 2 and set(words) <= set(large.lower().split())
    return any(within(a, b) or within(b, a) for a in first for b in second)


def _bare_object(mention: Mention) -> str:
    words = mention.participants.object_text.lower().split()
    return " ".join(words[1:] if words and words[0] in word_set("articles") else words)


def _restates_headline(group: Sequence[Mention], mention: Mention) -> bool:
    """The lede says the headline's verb again on the same object, whoever each names as actor ("Australian PM
    Scott Morrison wins federal elections" / "the Coalition won the federal elections"; "Seven Ukrainian
    soldiers killed" / "Seven Ukrainian soldiers were killed")."""
    head = group[0]
    return (_lede_of_headline(group, mention) and head.trigger.lemma == mention.trigger.lemma
            and bool(_bare_object(head)) and _bare_object(head) == _bare_object(mention))


def _headline_verb_again(group: Sequence[Mention], mention: Mention) -> bool:
    """The lede says an undated headline's verb again and names no one else: it has no actor, or one that
    contains a headline actor's words ("NASA launches new space telescope" / "Two NASA missions launched ...
    late Tuesday night"; "Murder suspect appears in court" / "The suspect appeared in court this morning")."""
    head = group[0]
    if not (_lede_of_headline(group, mention) and head.trigger.lemma == mention.trigger.lemma
            and head.trigger.kind == mention.trigger.kind == "verb" and not _text_dated(head)
            and mention.sentence_index > 0 and head.trigger.lemma != "be" and _title_line(head)):
        return False
    words = [set(a.lower().split()) for a in mention.participants.actors]
    return not words or any(set(a.lower().split()) <= w for a in head.participants.actors for w in words)


def _other_objects(first: Mention, second: Mention) -> bool:
    """Both verbs' objects name something and share no name ("capture the town of Hama" / "captured the
    airport of Homs"; not "beats Osaka" / "beat Naomi Osaka", nor "kills 127" / "killed 113 people")."""
    words = [{w.lower() for w in m.participants.object_text.split() if w[:1].isupper()} - word_set("object_stop_words")
             for m in (first, second)]  # names only: counts and descriptions change as the story is updated
    return bool(words[0]) and bool(words[1]) and not words[0] & words[1]


def _intransitive(mention: Mention) -> bool:
    """A verb with no object and no clause of what was said or done ("resigned", not "announced that ...")."""
    return not mention.participants.object_text and not any(
        c.dep_ in _COMPLEMENTS for c in mention.token.children)


def _naming(mention: Mention) -> tuple[str, str, str] | None:
    """(verb, subject, role) of a verb that names someone to a role ("the commission declared him (the) winner",
    "the board named her chief executive"), or None."""
    token = mention.token
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    role = next((c for c in token.children if c.dep_ in ("oprd", "ccomp") and c.pos_ == "NOUN"), None)
    if subject is None or role is None:
        return None
    return token.lemma_.lower(), subject.lemma_.lower(), role.lemma_.lower()


def _title_line(mention: Mention) -> bool:
    """The mention's sentence is a title: a line of its own, followed by a line break."""
    sentence = mention.trigger.token.sent
    doc = sentence.doc
    return "\n" in sentence.text_with_ws[-3:] or sentence.end < len(doc) and doc[sentence.end].text.startswith("\n")


def _count(token: Token) -> int | None:
    """The integer a number token spells ("127", "1,200", "nine"), else None."""
    tables = load_resources().tables
    value = parse_quantity(token.text, tables["number"], {}, tables["multiplier_words"])
    return int(value) if isinstance(value, float) and value.is_integer() else None


def victim_counts(mention: Mention) -> frozenset[int]:
    """How many dead or hurt a casualty verb names: numbers of its victims, not of its agent ("Two quakes leave
    10 dead" -> 10; "All 9 people aboard died" -> 9)."""
    token = mention.token
    deps = set(_VICTIMS)
    if not any(c.dep_ == "dobj" for c in token.children):
        deps.add("nsubj")  # "nine people died": the subject is the victim
    counts = set()
    for child in token.children:
        if child.dep_ not in deps:
            continue
        for t in [child, *child.children]:
            if t.like_num and t.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT"):
                value = _count(t)
                if value is not None:
                    counts.add(value)
    return frozenset(counts)


def _same_toll(head: Mention, mention: Mention) -> bool:
    """Two casualty verbs name one toll: the same number of victims ("Quake leaves 10 dead" / "killing at least
    10"), never a different one ("kills 127" / "injured more than 500")."""
    return _hurt(head) == _hurt(mention) and bool(victim_counts(head) & victim_counts(mention))


def _hurt(mention: Mention) -> bool:
    """The casualty verb names the injured, not the dead ("wounded", "left ... injured")."""
    hurt = word_set("injury_words")
    return mention.trigger.lemma in hurt or any(c.lower_ in hurt for c in mention.token.children)


def _titled_in_other_words(group: Sequence[Mention], mention: Mention) -> bool:
    """The lede's verb names the title's event in other words, by its type ("Ministers resign" / "Six members
    of the cabinet tendered their resignations"). Not casualties ("A shooting leaves one dead" is not "one
    person was injured"), and not when the title names the lede's word itself ("Sarkozy loses appeal; prison
    sentence upheld" / "a court upheld the sentence"), nor when one says the event did not happen and the other
    that it did ("Opponents Are Unable to Block the Law" / "lawmakers voted for the law")."""
    head = group[0]
    return (_lede_of_headline(group, mention) and head.trigger.kind == mention.trigger.kind == "verb"
            and mention.token.dep_ not in _MODIFIERS and not _other_objects(head, mention)
            and head.trigger.event_type == mention.trigger.event_type != OTHER
            and (head.trigger.event_type != "casualties" or _same_toll(head, mention))
            and head.trigger.negated == mention.trigger.negated  # "Opponents Are Unable to Block" / "voted in favour"
            and not _objects_move(mention)  # "Shares plummet" / "sent oil prices lower to hit a 15-month low"
            and not any(t.lemma_.lower() == mention.trigger.lemma for t in head.trigger.token.sent)
            and _title_line(head))


def _objects_move(mention: Mention) -> bool:
    """The result verb is the move of another verb's object ("sent crude oil prices lower to hit a 15-month low", "pushed
    the Dow to close higher"): the object moved, not what a title names in other words.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The news sent oil prices lower to hit a low. Stocks continued to fall.")
    >>> [_object_of_head(t) for t in doc if t.lemma_ in ("hit", "fall")]
    [True, False]
    """
    return mention.trigger.kind == "verb" and mention.trigger.event_type in FIGURE_TYPES \
        and _object_of_head(mention.token)


def _object_of_head(verb: Token) -> bool:
    """A subjectless complement of a verb with an object, maybe through its direction word ("sent [prices]
    lower to hit")."""
    head = verb.head.head if verb.head.dep_ in ("advmod", "acomp") else verb.head
    return verb.dep_ in ("xcomp", "advcl") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ == "dobj" for c in head.children)


def _several_elsewhere(group: Sequence[Mention], mention: Mention) -> bool:
    """A bare plural move noun with a place of its own that no group mention has ("There were also big falls in
    London and other European markets" after "New York's Dow Jones saw its worst fall"): several other events."""
    place = mention.participants.location
    return mention.trigger.event_type in FIGURE_TYPES and _bare_plural(mention) and bool(place) \
        and not any(m.participants.location == place for m in group)


def _theme_words(noun: Token) -> set[str]:
    """The lemmas of the nouns that say what an event noun is of ("a plunge in [September industrial orders]",
    "the fall of [the dollar]"; ``theme_preps``): the head of the phrase and its compounds, not a further phrase,
    nor an amount ("a profit of [$1 billion]") or a time."""
    words: set[str] = set()
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in word_set("theme_preps"):
            continue
        for head in prep.children:
            if head.dep_ == "pobj" and _theme_word(head) and not any(c.like_num for c in head.children):
                words |= {t.lemma_.lower() for t in [head, *head.children]
                          if _theme_word(t) and (t == head or t.dep_ == "compound")}
    return words


def _theme_word(token: Token) -> bool:
    """A noun that names a thing: no time, amount, number or place ("September", "$", "billion", "%", "Japan":
    a place is told apart by ``_several_elsewhere``)."""
    return token.pos_ in ("NOUN", "PROPN") and not token.like_num and not token.is_currency \
        and token.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "GPE", "LOC")


def _doer_words(mention: Mention) -> set[str]:
    """The lemmas and words of who or what does a mention's event: its actors and its subject's nouns."""
    words = {w.lower() for a in mention.participants.actors for w in a.split()}
    for subject in mention.token.children:
        if subject.dep_ in ("nsubj", "nsubjpass"):
            words |= {t.lemma_.lower() for t in subject.subtree if t.pos_ in ("NOUN", "PROPN")}
            words |= {t.lower_ for t in subject.subtree if t.pos_ in ("NOUN", "PROPN")}
    return words


def _other_theme(group: Sequence[Mention], mention: Mention) -> bool:
    """A figure noun of something no group mention moves ("European shares plunge" / "news of a sharp plunge in
    September industrial orders"): the same word, another figure's move."""
    if mention.trigger.kind != "noun" or mention.trigger.event_type not in FIGURE_TYPES:
        return False
    theme = _theme_words(mention.token)
    doers = [w for m in group for w in _doer_words(m)]
    return bool(theme) and bool(doers) and not theme & set(doers)


def _headline(mention: Mention) -> bool:
    """A title line: a line of its own whose last word is no punctuation ("Large outbreak confirmed"). Any such
    sentence of the text, whatever its capitals, that a line break follows: not ``events.things.in_headline`` (the
    first sentence only, by its missing full stop) nor the title-case test of ``actors.missed_names``."""
    words = [t for t in mention.trigger.token.sent if not t.is_space]
    return _title_line(mention) and bool(words) and not words[-1].is_punct


def is_headline(mention: Mention) -> bool:
    """Whether the mention stands in the article's title line (sentence 0, a line of its own, no end stop)."""
    return mention.sentence_index == 0 and _headline(mention)


def _dated_noun_of_lede_verb(group: Sequence[Mention], mention: Mention) -> bool:
    """"A train derailed and overturned in Philadelphia ... investigators looked into Tuesday night's crash": a
    definite or possessive event noun with a date of its own names the event of an undated lede verb of the same
    type in the next sentences (not a later one: a date the verb's time ends before)."""
    token = mention.token
    if mention.trigger.kind != "noun" or not _text_dated(mention) \
            or mention.trigger.event_type not in word_set("incident_types"):
        return False
    if not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    verbs = [m for m in group if m.trigger.kind == "verb" and m.trigger.event_type == mention.trigger.event_type
             and not _headline(m)]  # a headline's event is matched by its own words only
    if not verbs or any(_text_dated(m) for m in group) or group[0].sentence_index > LEDE_SENTENCES:
        return False
    verb = verbs[0]
    end, start = verb.time.end, mention.time.start
    return 0 < mention.sentence_index - verb.sentence_index <= NOUN_AFTER_VERB_REACH \
        and not (end is not None and start is not None and start > end)


def _owned_after_unowned(group: Sequence[Mention], mention: Mention) -> bool:
    """A figure verb whose owner is its subject (an agent; not "calls dropped on the iPhone 4"; not a noun: "OPEC
    announced an increase" names the owner of "the increase that began this month")
    after the same figure told for no one, beyond a title's lede ("Sales slumped at Detroit's Big Three in
    December" ... "GM said U.S. December sales tumbled 10 percent"): one owner's part of an industry-wide move,
    another row. The lede naming a title's unowned move by its owner ("Car sales rise" / "Toyota said its sales
    rose 5%") is still the same event; a first sentence that is no title line has no such lede."""
    return (mention.trigger.event_type in FIGURE_TYPES and mention.trigger.kind == "verb"
            and bool(mention.participants.agent)
            and not any(m.participants.actors for m in group)
            and not (_lede_of_headline(group, mention) and _headline(group[0]))
            and not (mention.participants.location
                     and any(m.participants.location == mention.participants.location for m in group)))


def _other_subject(group: Sequence[Mention], mention: Mention) -> bool:
    """True when ``mention`` and every mention of ``group`` have a written subject, none the same words, and none a
    pronoun ("the carmakers" / "the two leaders"; not "they", "he")."""
    pronouns = _pronouns()
    subjects = [m.participants.agent_text.lower() for m in (*group, mention)]
    return all(s and s not in pronouns for s in subjects) and subjects[-1] not in subjects[:-1]


@cache
def _pronouns() -> frozenset[str]:
    """The subject and indefinite pronouns, which name no subject of their own (one union, built once)."""
    return word_set("subject_pronouns") | word_set("indefinite_pronouns")


def same_event(group: Sequence[Mention], mention: Mention, types: dict[int, str] | None = None) -> bool:
    """True when ``mention`` names the event of ``group`` (``types``: the type of each mention by number)."""
    last = group[-1]
    if not _kin_types(group, mention):
        return False
    if _placed_apart(mention, types or {}):
        return False  # "Earlier, the army deployed ...": placed apart from the other event on purpose
    if _several_elsewhere(group, mention):
        return False  # "big falls in London" after "the Dow's worst fall": other markets' falls
    if _other_amounts(group, mention):
        return False  # "Japan index nosedives 9.4%" / "Shares fell 5.8% in South Korea": another move
    if _other_theme(group, mention):
        return False  # "European shares plunge" / "a plunge in industrial orders": another figure's move
    if _other_instances(mention):
        return False  # "additional rate increases this year" after "the 11th rate increase": other increases
    if any(m.sentence_index == mention.sentence_index and m.trigger.kind == mention.trigger.kind == "verb"
           and m.trigger.lemma != mention.trigger.lemma for m in group):
        return False
    if _dated_noun_of_lede_verb(group, mention):
        return True
    same_word = any(_family(m) == _family(mention) and not (m.trigger.lemma[:_STEM] != mention.trigger.lemma[:_STEM]
                                                           and (_bare_plural(m) or _bare_plural(mention)))
                    for m in group) or _titled_in_other_words(group, mention)
    place = mention.participants.location
    same_place = bool(place) and any(m.participants.location == place for m in group)
    if not (same_word or same_place):
        return False
    actors = set(mention.participants.actors)
    group_actors = {a for m in group for a in m.participants.actors}
    again_in_lede = _headline_verb_again(group, mention)
    if actors and group_actors and not actors & group_actors and not same_place and not (
            _restates_headline(group, mention) or again_in_lede
            or _lede_of_headline(group, mention) and _one_name(actors, group_actors)):
        return False
    if _owned_after_unowned(group, mention):
        return False
    if mention.trigger.event_type == OTHER and not (same_word and actors & group_actors or again_in_lede):
        return False
    if all(m.trigger.event_type == OTHER and m.trigger.kind == "verb" for m in group) and mention.trigger.kind == "verb" \
            and not actors & group_actors and _other_subject(group, mention) \
            and not (again_in_lede or _restates_headline(group, mention)
                     or _lede_of_headline(group, mention) and is_headline(group[0])):
        return False  # "The carmakers tried to meet the demands on Monday" / "The two leaders met in Geneva on
        # Monday": the same word and day, other doers
    dated = [m.time for m in group if _text_dated(m)]
    noun_again = _same_noun_again(group, mention)
    if _text_dated(mention) and not all(compatible_times(t, mention.time, noun_again) for t in dated):
        return False
    tied = same_place or (_text_dated(mention) and bool(dated)) or noun_again
    if mention.trigger.kind == "verb" and all(m.trigger.kind == "verb" and m.trigger.light is None for m in group):
        # two clauses with the same verb ("announced ... announced") are two events unless something ties them
        obj = mention.participants.object_text.lower()
        headline = group[0].sentence_index == 0 and same_word and not _other_objects(group[0], mention) and (
            mention.sentence_index <= HEADLINE_REACH  # the lede names the headline's event again
            or not dated and _text_dated(mention) and mention.sentence_index <= HEADLINE_DATE_REACH)
        # "Miliband resigned in London on Friday. ... Miliband called it quits": the same actor doing the same
        # thing, with no object to tell the two apart, in the next sentence
        again = (bool(actors & group_actors) and mention.sentence_index - last.sentence_index <= 1
                 and _intransitive(mention) and _intransitive(last))
        naming = _naming(mention)
        again = again or naming is not None and any(_naming(m) == naming for m in group)
        return tied or headline or again or bool(obj) and any(m.participants.object_text.lower() == obj for m in group)
    return tied or mention.sentence_index - last.sentence_index <= MAX_GAP


def group_mentions(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Visible mentions grouped by event, groups in order of their first mention."""
    groups: list[list[Mention]] = []
    types = {m.number: m.trigger.event_type for m in mentions}
    for mention in mentions:
        if mention.hidden:
            continue
        for group in groups:
            if same_event(group, mention, types):
                group.append(mention)
                break
        else:
            groups.append([mention])
    return groups
