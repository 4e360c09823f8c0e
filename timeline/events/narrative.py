"""Narrative time: which verb forms follow the story's time, and how a sentence carries it to the next.

A simple past without a time of its own follows the narrative ("The North also built ..."); a past perfect
("had lost") is before it, unless it is only the shifted tense of a reported clause ("said nine soldiers had
been killed"); adverbs and adjectives such as "Earlier" place an event before or after. A past event told in a
relative clause ("honor its troops who were killed", "mines planted by Ukrainian soldiers") is background: before
the event of the clause it describes a participant of, unless that clause only says who took part ("The two who
were killed were a couple": the killing is the event told) or it is a speaker's part in the headline's news
("Judge X, who imposed the sentence, said": on the statement's day).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from timeline.events.links import Link, Mention
from timeline.events.taxonomy import EventTaxonomy
from timeline.events.things import in_headline
from timeline.events.timex_index import TimexIndex
from timeline.events.timing import EventTime, before, carried_day
from timeline.events.trigger import Trigger
from timeline.events.verb_tense import contrasted, tense, tense_form
from timeline.function_words import word_set
from timeline.quotes import quoted
from timeline.truecase import headline_end

#: How many previous sentences the narrative time may be carried over from.
CARRY_SENTENCES = 2
#: Event types of things said: made on the news day, they take no period from a continuing sentence.
STATEMENT_TYPES = frozenset({"statement", "report"})


def _later_clause(verb: Token, other: Token) -> bool:
    """Whether ``other`` heads a later clause conjoined to the verb's with a subject of its own ("Murray was
    indicted on murder, and a jury on Tuesday found him guilty"), not a verb sharing its subject ("was arrested
    and charged on Tuesday").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Murray was indicted on murder, and a jury on Tuesday found him guilty.")
    >>> _later_clause(doc[2], doc[11])
    True
    >>> doc = load_nlp()("He was arrested and charged on Tuesday.")
    >>> _later_clause(doc[2], doc[4])
    False
    """
    return (other.dep_ == "conj" and other.head == verb and other.i > verb.i
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children))


def narrative_marker(token: Token, taxonomy: EventTaxonomy) -> str:
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


def background_event(token: Token, taxonomy: EventTaxonomy) -> bool:
    """An event of the story's past: an event noun, or the subject of a verb, named with an adjective such as
    "earlier" ("followed an earlier attack", "The earlier conviction was overturned on appeal").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The earlier conviction was overturned on appeal.")
    >>> background_event(doc[4], EventTaxonomy.load()), background_event(doc[2], EventTaxonomy.load())
    (True, True)
    >>> doc = load_nlp()("The former governor was convicted.")
    >>> background_event(doc[4], EventTaxonomy.load())
    False
    """
    nouns = [token] if token.pos_ in ("NOUN", "PROPN") else [
        c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    return any(c.dep_ == "amod" and c.lower_ in taxonomy.narrative_background for noun in nouns
               for c in noun.children)


def relative_background(token: Token) -> Token | None:
    """The noun a past relative clause describes ("troops who were killed", "who had been killed", "a volcano that
    had been rumbling", "mines planted by Ukrainian soldiers"): the clause tells what happened to it before; None
    for a present, future or present perfect clause ("who have died"), a state ("who were on 30 points"), an
    outcome ("a defeat which cost him his job"), a clause of time or scene ("the day when ...", "where"), a cleft
    ("It was police who fired"), a headline.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Kim spoke. It honored its troops who were killed in combat. It cleared mines planted by soldiers.")
    >>> relative_background(doc[9]).text, relative_background(doc[16]).text
    ('troops', 'mines')
    >>> doc = load_nlp()("Ash fell from a volcano that had been rumbling for months.")
    >>> relative_background(doc[8]).text
    'volcano'
    >>> doc = load_nlp()("It honored troops who have died. It was police who fired.")
    >>> relative_background(doc[5]), relative_background(doc[11])
    (None, None)
    """
    verb = token
    for _ in range(4):  # "who were killed and wounded": the clause of the first verb
        if verb.dep_ != "conj" or verb.head == verb:
            break
        verb = verb.head
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or noun == verb or noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")] + [
        c for c in verb.children if c.dep_ in ("aux", "auxpass") and token != verb and token.tag_ == "VBN"]
    if verb.dep_ == "acl" and (auxes or token.tag_ != "VBN"):
        return None  # only a reduced passive ("mines planted by ..."), not "the decision to leave", "people fleeing"
    if token.lemma_.lower() == "be" or token.lemma_.lower() in word_set("consequence_verbs") \
            or token.lemma_.lower() in word_set("release_verbs"):
        return None  # a state ("East Bengal, who were on 30 points"), an outcome ("a defeat which cost him his
        # job"), how the news came out ("Photos released by the agency showed"): at the report's time
    if token.tag_ not in ("VBD", "VBN") and not past_perfect(token) or any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return None
    if token.tag_ == "VBN" and verb.dep_ == "relcl" and not any(a.tag_ == "VBD" for a in auxes):
        return None  # "who are based", "who have died"
    if any(c.lower_ in word_set("time_relativizers") for c in verb.children) \
            or noun.lemma_.lower() in word_set("time_units"):
        return None  # "the day (when) the bomb exploded", "the corridors where he denied it": at the main event's time
    if noun.dep_ == "attr" and any(c.dep_ in ("expl", "nsubj") and c.lower_ == "it" for c in noun.head.children):
        return None  # "It was police who fired": the clause is the news
    if token.sent.root.pos_ not in ("VERB", "AUX") or in_headline(token):
        return None  # a headline ("Seven soldiers killed in attack", "Police arrest man who shot two"): the news
    return noun


def episode_deed(noun: Token, taxonomy: EventTaxonomy) -> Token | None:
    """The event noun that names ``noun`` as its doer with "by"/"from" (``episode_agent_preps``): "a goal by
    defender Boli, who scored", "an attack by gunmen who stormed the hotel"; an event type's noun or a deed of a
    game (``deed_nouns``). A relative clause on that doer tells the same event. None otherwise ("letters from
    residents who lost homes").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Marseille won on a goal by defender Basile Boli, who scored in the 44th minute.")
    >>> episode_deed(doc[8], EventTaxonomy.load()).text
    'goal'
    >>> doc = load_nlp()("Paris had two goals from attacking midfielder Desire Doue, who scored twice.")
    >>> episode_deed(doc[8], EventTaxonomy.load()).text
    'goals'
    >>> doc = load_nlp()("He read letters from residents who lost homes.")
    >>> episode_deed(doc[4], EventTaxonomy.load()) is None
    True
    """
    prep = noun.head
    if noun.dep_ == "dobj" and prep.dep_ == "pcomp" and prep.tag_ == "VBG" and prep.i + 1 == noun.left_edge.i \
            and not any(c.dep_ == "det" for c in noun.children):
        noun, prep = prep, prep.head  # "from attacking midfielder Doue": an adjective the parse read as a gerund
    if noun.dep_ not in ("pobj", "pcomp") or prep.dep_ not in ("prep", "agent") or prep.lower_ not in word_set("episode_agent_preps"):
        return None
    owner = prep.head
    if owner.pos_ != "NOUN" or not (taxonomy.noun_type(owner.lemma_) is not None
                                    or owner.lemma_.lower() in word_set("deed_nouns")):
        return None
    return owner


def past_copula_of(noun: Token) -> Token | None:
    """The first verb above ``noun`` when it is a past "be" of which the noun is a part: its subject, its
    complement, or inside a phrase of them ("were among those killed", "There were reports on the number of
    militants killed"); else None.  Such a main clause only says who took part in the relative clause's event.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Two were among those killed. They mourned those killed. Those killed are heroes.")
    >>> past_copula_of(doc[3]).text, past_copula_of(doc[8]), past_copula_of(doc[11])
    ('were', None, None)
    """
    current = noun
    for _ in range(8):
        if current.dep_ not in ("nsubj", "nsubjpass", "attr", "pobj", "prep", "appos", "conj") \
                or current.head == current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current if current.lemma_.lower() == "be" and current.tag_ == "VBD" and not reported(current) \
                else None  # (a reported state, "admitted he was the man who committed it", is the report's time)
    return None


def same_result(clause: Token, main: Token, outcomes: frozenset[str]) -> bool:
    """Whether two verbs tell results of one contest: both ``outcomes`` verbs with objects of one word ("won 318
    seats" / "which clinched 262 seats"), not "won the final" / "who lost the semifinal".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Tories won 318 seats, followed by Labour, which clinched 262 seats.")
    >>> same_result(doc[10], doc[1], frozenset({"win", "clinch"})), same_result(doc[5], doc[1], frozenset({"win"}))
    (True, False)
    """
    objects = [{c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"} for verb in (clause, main)]
    return clause.lemma_.lower() in outcomes and main.lemma_.lower() in outcomes and bool(objects[0] & objects[1])


def described_event(noun: Token, by_token: dict[int, int]) -> int | None:
    """The mention of the first verb above ``noun`` that is one ("recognizing the sacrifices of nine personnel"
    -> none, "held a ceremony ..., with its leader recognizing" -> the ceremony's "held"), within eight steps."""
    current = noun
    for _ in range(8):
        if current.head == current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX") and current.i in by_token:
            return by_token[current.i]
    return None


def reported_state(token: Token) -> bool:
    """A main-clause state in the present or a simple past ("Apple executives are in negotiations")."""
    return token.dep_ in ("ROOT", "ccomp", "conj") and tense(token) in ("present", "past") and any(
        child.dep_ in ("nsubj", "nsubjpass", "expl") for child in token.children)


def is_past_or_present(trigger: Trigger) -> bool:
    head = trigger.clause_word
    if trigger.kind == "noun" and trigger.light is None and trigger.token.dep_ == "pobj" and any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in trigger.token.children):
        return False  # "silent about its deployment", "details of the deployment": an event known before, not news
    if trigger.kind == "noun" and trigger.light is None:
        head = trigger.token.head if trigger.token.dep_ in ("dobj", "nsubj", "nsubjpass") or _named_event(
            trigger.token) else trigger.token
    return tense(head) in ("past", "present") or _headline_progressive(head) or _headline_news_noun(trigger)


def _headline_news_noun(trigger: Trigger) -> bool:
    """An event noun that is a verbless headline itself and names who or what acts ("Rate cuts by Bank of England
    and ECB", "Dow plunges 504 points ...", a verb read as a plural noun): the headline's news, of the publication
    day, as the verbs of other headlines are; not a noun under a verb ("Ford to start cutting jobs") nor one with
    no name or agent ("Election preview").

    >>> from timeline.nlp import load_nlp
    >>> from timeline.events.trigger import Trigger
    >>> nlp = load_nlp()
    >>> [_headline_news_noun(Trigger(d[i], "decision", "noun", False)) for d, i in (
    ...     (nlp("Rate cuts by Bank of England and ECB"), 1), (nlp("Rate cuts by the bank."), 1),
    ...     (nlp("Election preview"), 1))]
    [True, False, False]
    """
    token = trigger.token
    if trigger.kind != "noun" or trigger.light is not None or token.dep_ != "ROOT" or not in_headline(token):
        return False
    return any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.i < token.i for c in token.children) \
        or any(c.dep_ == "prep" and c.lower_ == "by" for c in token.children)


def _headline_progressive(verb: Token) -> bool:
    """A headline's "-ing" verb with no auxiliary that says what a named subject is doing ("Twitter cutting 8
    percent of workforce", "Police investigating death"): headlines drop "is", so it is present news, of the
    publication day; not a body sentence's participle ("workers living nearby") nor one with "to"/"will".

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> [_headline_progressive(d[i]) for d, i in ((nlp("Layoffs: Twitter cutting 8 percent of workforce\\nIt said so."), 3),
    ...  (nlp("Workers living nearby were evacuated."), 1), (nlp("Ford to start cutting jobs"), 4),
    ...  (nlp("GM to close Ontario plant, costing 2,500 jobs\\nGM said so."), 7))]
    [True, False, False, False]
    """
    if verb.pos_ != "VERB" or verb.tag_ != "VBG" or not (in_headline(verb) or verb.i < headline_end(verb.doc)) \
            or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if any(t.dep_ == "aux" and (t.tag_ == "TO" or t.lower_ in word_set("future_modals")) for t in verb.doc[:verb.i]):
        return False  # "GM to close Ontario plant, costing 2,500 jobs": the outcome of a plan
    if verb.dep_ == "ROOT":
        return any(c.dep_ == "nsubj" for c in verb.children)
    return verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and verb.head.dep_ in ("nsubj", "ROOT") \
        and verb.head.i < verb.i


def _named_event(token: Token) -> bool:
    """An event noun a subject is said to be ("It was the worst storm since 1990"), not a counted absence
    ("there were no fatalities")."""
    return token.dep_ == "attr" and any(c.dep_ == "nsubj" for c in token.head.children) and not any(
        c.lower_ == "no" for c in token.children)


def present_perfect(token: Token) -> bool:
    """True for "has/have (been) done".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A man has been arrested.")
    >>> present_perfect(doc[4])
    True
    """
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return token.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)


def past_perfect(token: Token) -> bool:
    """True for "had (been) done", "had been doing", "had requested and received": before the narrative's time.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He had lost two finals and won.")
    >>> past_perfect(doc[2]), past_perfect(doc[6])
    (True, False)
    """
    return tense_form(token) == "pluperfect"


def reported(token: Token) -> bool:
    """True inside a reported clause ("said seven soldiers had been killed"), where a past perfect is
    only the shifted tense of the reported past, not an earlier event."""
    return reporting_verb(token) is not None


def reporting_verb(token: Token) -> Token | None:
    """The reporting verb whose reported clause a word is in ("said" for "said seven soldiers had been killed").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The army said seven soldiers had been killed.")
    >>> reporting_verb(doc[7]).text
    'said'
    """
    current = token
    for _ in range(4):
        if current.dep_ == "ccomp":
            return current.head if current.head != current else None
        if current.dep_ not in ("conj", "advcl") or current.head == current:
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
    if token.dep_ in ("conj", "advcl", "xcomp") and token.tag_ in ("VBN", "VBG") and token.head != token:
        return token.head.pos_ == "VERB" and simple_past(token.head)
    return False


def _death_of_agent(mention: Mention, mentions: Sequence[Mention]) -> int | None:
    """The number of the latest earlier mention in which the agent of ``mention`` died (a verb of
    ``death_verbs`` with the same agent), else None: what that person did, told after the death, is before it."""
    agent = mention.participants.agent
    if not agent or mention.trigger.lemma in word_set("death_verbs"):
        return None  # "George Michael dies ... Michael, who shot to fame in the 1980s, died": the death told again
    return next((earlier.number for earlier in reversed(mentions) if earlier.number < mention.number
                 and earlier.trigger.lemma in word_set("death_verbs") and earlier.participants.agent == agent), None)


def _named_earlier_event(sentence: Span, mentions: Sequence[Mention], index: TimexIndex) -> int | None:
    """The earlier mention of a verb dated to a day by its own words that this sentence names again as a "the" or
    possessive noun of the same word ("Trump won the election on November 6. Following the count on Saturday,
    ... Trump's win was confirmed after ...": the win of November 6): the sentence goes on in that event's time,
    not in the nearest sentence's.  None when no such noun, when the noun has a time or a modifier of its own
    ("his next win", "the win on Sunday") or when that word was dated more than once."""
    earlier = [m for m in mentions if m.sentence.end <= sentence.start]
    for token in sentence:
        if token.pos_ != "NOUN" or index.at(token) is not None:
            continue
        if not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                or any(c.dep_ not in ("poss", "det", "case") for c in token.children):
            continue
        lemma = token.lemma_.lower()
        dated = [m for m in earlier if m.trigger.kind == "verb" and m.trigger.lemma == lemma and not m.hidden
                 and m.time.dated and m.time.source == "text" and m.time.granularity == "day"]
        if len(dated) == 1:
            return dated[0].number
    return None


def quote_speech(token: Token, by_token: dict[int, int], reporting: frozenset[str]) -> int | None:
    """The mention number of the reporting verb outside the quotation marks that a quoted word's clause is said
    in: the clause's head ("'We defend it,' Kim told them": "told" heads "defend") or a reporting verb the parse
    hung on the quoted clause ('"We are ready," she said' parsed with "said" under "are"); None when there is none.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()('"We defend our homeland," Kim told the soldiers.')
    >>> quote_speech(doc[2], {doc[2].i: 0, doc[8].i: 1}, frozenset({"tell", "say"}))
    1
    """
    current = token
    for _ in range(5):
        for child in current.children:
            if child.dep_ in ("parataxis", "ccomp") and child.i in by_token and not quoted(child) \
                    and child.lemma_.lower() in reporting:
                return by_token[child.i]
        head = current.head
        if head == current or current.dep_ not in ("conj", "ccomp", "advcl", "xcomp", "parataxis") \
                or tense(head) == "future" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children):
            return None  # (not under a modal: "we must find them and see that justice is done" is no present)
        if current.dep_ in ("ccomp", "parataxis") and head.i in by_token and not quoted(head) \
                and head.lemma_.lower() in reporting:
            return by_token[head.i]
        current = head
    return None


def attribution(verb: Token) -> bool:
    """Whether a speech verb attributes what is said: a reported clause or a quote ("said the quake struck",
    "'We are ready,' she said"), not an appeal told as a step of the story ("urged residents to stay indoors").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Officials said the dam held. The mayor urged residents to leave.")
    >>> attribution(doc[1]), attribution(doc[8])
    (True, False)
    """
    return verb.dep_ in ("parataxis", "ccomp") and verb.head != verb or any(
        c.dep_ in ("ccomp", "parataxis") for c in verb.children) or any(t.is_quote for t in verb.sent)


class NarrativeCarry:
    """The narrative-carry steps of :class:`timeline.events.mentions.MentionBuilder` (state set by its constructor)."""

    doc: Doc
    text: str
    taxonomy: EventTaxonomy
    index: TimexIndex

    def _relative_background(self, sentence_mentions: list[Mention], by_token: dict[int, int],
                             light_of: dict[int, int]) -> set[int]:
        """Past events told in relative clauses without a time of their own are before the event they describe a
        participant of ("honored troops who were killed": before the honoring; before publication when that event
        is not in the past tense); returns their mention numbers.  ``light_of`` maps a light verb to its event
        noun's mention ("held a ceremony")."""
        found: set[int] = set()
        for mention in sentence_mentions:
            if mention.trigger.kind != "verb" or mention.hidden or mention.time.dated or mention.time.undatable:
                continue
            noun = relative_background(mention.token)
            if noun is None or self.index.at(noun) is not None or noun.i in by_token \
                    or self.taxonomy.noun_type(noun.lemma_) is not None:
                continue  # about an event ("a defeat which cost him his job", "the trial, which was televised"):
                # at or after that event, not background before the sentence's
            copula = past_copula_of(noun) if narrative_marker(mention.token, self.taxonomy) != "before" else None
            if copula is not None:  # "The two who were killed were a couple", "was among those who resigned":
                if copula.i in by_token:  # the clause's event is the one told, at the time of that state
                    mention.links.append(Link(by_token[copula.i], "same"))
                continue
            target = described_event(noun, {**light_of, **by_token})
            deed = episode_deed(noun, self.taxonomy)
            same = by_token.get(deed.i, target) if deed is not None else None
            if deed is not None and deed.i in by_token and not any(
                    m.number == same and m.time.dated for m in sentence_mentions):
                same = None  # an event noun of no date of its own ("an invasion by exiles that left bitterness"):
                # no time to share, the clause stays background
            if same is not None and same != mention.number:  # "on a goal by Boli, who scored in the 44th minute":
                mention.links.append(Link(same, "same"))  # the doer's part in that event, at its time
                continue
            main = next((m for m in sentence_mentions if m.number == target and target != mention.number), None)
            if main is not None and noun.dep_ == "nsubj" and noun.head == main.token \
                    and main.trigger.lemma in self.taxonomy.reporting_verbs and self._tells_the_news(mention.token):
                mention.links.append(Link(main.number, "same"))  # "Judge X, who imposed the sentence, said":
                continue  # the speaker's part in the news the headline tells, on the day the statement is made
            if main is not None and same_result(mention.token, main.token, self.taxonomy.outcome_verbs):
                mention.links.append(Link(main.number, "same"))  # "won 318 seats, followed by Labour, which
                continue  # clinched 262 seats": another side's result of the same contest
            found.add(mention.number)
            mention.fallback = before(mention.fallback) or mention.fallback
            if target is not None and target != mention.number:
                target_token = next((m.trigger.light or m.token for m in sentence_mentions if m.number == target),
                                    None)
                if target_token is not None and tense(target_token) == "past":  # (a present one is at publication)
                    mention.links.append(Link(target, "prior"))
        return found

    def _quoted_present(self, sentence_mentions: list[Mention], by_token: dict[int, int]) -> None:
        """A present tense inside a direct quote ("'I dispatch you to the front,' Kim told the troops on Friday")
        is the time of the speech: it takes the date the text gives the verb that reports the quote (its own or
        that of its occasion), else the publication date (unchanged), not a neighbouring sentence's date."""
        for mention in sentence_mentions:
            if mention.trigger.kind != "verb" or mention.hidden or mention.time.dated or mention.time.undatable \
                    or mention.links or tense(mention.token) != "present" or not quoted(mention.token):
                continue
            speech = quote_speech(mention.token, by_token, self.taxonomy.reporting_verbs)
            speaking = next((m for m in sentence_mentions if m.number == speech), None)
            if speaking is not None and speaking is not mention and (speaking.time.dated or any(
                    link.relation != "carry" for link in speaking.links)):
                mention.links.append(Link(speaking.number, "same"))  # (a speech dated by the text or by an
                # occasion, "told the troops at the ceremony"; not one the narrative merely carries a day to)

    def _quoted_noun(self, sentence_mentions: list[Mention], by_token: dict[int, int]) -> None:
        """An event noun inside a direct quote with no time of its own (Kim noted there was "heartrending loss of
        nine lives" during the ceremony) takes the time of the clause outside the quote it is said in, when the
        text dates that clause (its own date or an occasion, "during the ceremony"); else it keeps its fallback."""
        numbers = {m.number: m for m in sentence_mentions}
        for mention in sentence_mentions:
            if mention.trigger.kind != "noun" or mention.hidden or mention.time.dated or mention.time.undatable \
                    or mention.links or not quoted(mention.token) \
                    or mention.token.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
                continue  # (not "build on the partnership", "described it as a historic event": no act told)
            current = mention.token
            for _ in range(8):
                head = current.head
                if head == current or current.dep_ in ("relcl", "acl", "appos") or tense(head) == "future" \
                        or any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children):
                    break  # not "a miracle that will come", not under a modal or a future
                speaking = numbers.get(by_token.get(head.i, -1)) if not quoted(head) else None
                if speaking is not None and (speaking.time.dated or any(
                        link.relation != "carry" for link in speaking.links)):
                    mention.links.append(Link(speaking.number, "same"))
                    break
                current = head

    @cached_property
    def _news_words(self) -> frozenset[str]:
        """The lemmas of the verbs and event nouns of the headline and the sentence after it: the news the article
        tells (empty without a headline); not its people or things ("the mayor")."""
        sentences = list(self.doc.sents)[:2]
        if not sentences or not in_headline(sentences[0][0]):
            return frozenset()
        return frozenset(t.lemma_.lower() for sentence in sentences for t in sentence
                         if (t.pos_ == "VERB" or t.pos_ == "NOUN" and self.taxonomy.noun_type(t.lemma_) is not None)
                         and t.lemma_.lower() not in self.taxonomy.reporting_verbs)

    def _tells_the_news(self, verb: Token) -> bool:
        """Whether a relative clause's verb or its object is a word of the headline's news ("who imposed the
        sentence" under "... was sentenced on Tuesday")."""
        words = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        return any(w.lemma_.lower() in self._news_words for w in words)

    def _carry(self, sentence_mentions: list[Mention], previous_anchors: list[int], continued: int | None,
               mentions: Sequence[Mention] = (), report_day: EventTime | None = None) -> set[int]:
        """Simple-past events without a time of their own follow the narrative (nearest dated anchor first).
        A past act of a person told after that person's death ("Dole died early Sunday ... Dole overcame war
        wounds") is before that death, not on the narrative's day (``mentions``: all mentions so far).

        ``continued`` is the anchor of the sentence right before in the same paragraph: a carry link to it is
        marked with the continuation word ("The North also built ...") when the event's verb has one and no
        event of the sentence has a date of its own; such a link may carry a text period (see ``resolve``).

        When the lede dates its statement (``report_day``: "said Thursday", see :mod:`timeline.events.report_day`),
        a later statement takes no day of the story told before it, unless said at that event (``_same_occasion``):
        it is made on the report day; returns the numbers of the statements so dated."""
        on_report_day: set[int] = set()
        dated_in_sentence: int | None = None
        by_token = {m.token.i: m.number for m in sentence_mentions}
        own_date = any(m.time.dated for m in sentence_mentions)  # a date of its own: the sentence does not continue
        named: list[int | None] = []  # the earlier event the sentence names again, looked up once when needed
        for mention in sentence_mentions:
            if mention.time.dated:
                dated_in_sentence = mention.number if dated_in_sentence is None else dated_in_sentence
                continue
            if mention.trigger.kind != "verb" or mention.token.dep_ == "relcl" or not simple_past(mention.token):
                continue
            if past_perfect(mention.token) and reported(mention.token):
                reporter = by_token.get(getattr(reporting_verb(mention.token), "i", -1))
                if reporter is not None:  # "said on Tuesday that nine soldiers had been killed": before the
                    mention.links.append(Link(reporter, "prior"))  # report, not at a later narrative time (prior:
                    continue  # it may still merge with the headline's "kills")
            purpose = [m.number for m in sentence_mentions if m.time.dated and m.token.dep_ == "xcomp"
                       and m.token.head == mention.token and m.token.i > mention.token.i and not any(
                           c.dep_ in ("auxpass", "nsubjpass", "dobj") for c in mention.token.children)
                       and mention.token.lemma_.lower() not in word_set("intent_verbs")
                       and not (mention.token.lemma_.lower() in word_set("commitment_verbs") and any(
                           self.index.at(t) is not None and t.head.lower_ in word_set("commitment_period_preps")
                           for t in m.token.subtree))]
            # not "was ordered to report on Feb. 9", "planned to leave on Friday": what was ordered or planned comes
            # later, and so does what was decided when its date opens a period ("decided to reduce production from
            # November" is no November decision; "agreed to cut output on Friday" is Friday's)
            if purpose:  # "Rescuers scrambled to find survivors Wednesday": the same time as what it was done for
                mention.links.append(Link(purpose[0], "same"))
                continue
            later = next((m.number for m in sentence_mentions if m.time.dated and m.trigger.kind == "verb"
                          and not m.hidden and not self._speech(m) and _later_clause(mention.token, m.token)
                          and any(self.index.at(t) is not None for t in self.doc[mention.token.i + 1:m.token.i])),
                         None)
            # (not "A drone attack killed a couple ..., the AP reported on Saturday": the report tells it; not
            # "Two soldiers were killed and four others were injured Saturday": a date after both verbs is both's)
            if later is not None:  # "Murray was indicted on murder, and a jury on Tuesday found him guilty": an
                mention.links.append(Link(later, "before"))  # earlier step of the story, not on its day
                continue
            dated = next((m.token for m in sentence_mentions if m.number == dated_in_sentence), None)
            if dated is not None and contrasted(mention.token, dated):
                dated = None  # "will be delivered in 2015, but American decided": not the other clause's date
            speech = report_day is not None and self._speech(mention) and attribution(mention.token) \
                and not mention.links  # (not "said at the ceremony", "said after the meeting": its own relation)
            if speech and dated is not None and mention.token.is_ancestor(dated):
                dated = None  # "officials said the quake struck Tuesday": the day of what is said, not of the saying
            if not named:
                named.append(_named_earlier_event(mention.sentence, mentions, self.index))
            targets = ([dated_in_sentence] if dated is not None and dated_in_sentence is not None else []) \
                + ([named[0]] if named[0] is not None and not speech else []) \
                + [t for t in previous_anchors if not speech or self._same_occasion(mention, mentions[t])]
            # (a thing said is made on the report day: no day of the story told before carries on to it, unless
            # the speaker took part in that event or it was said there: "Kim presided over the ceremony. Kim said")
            relation = "before" if past_perfect(mention.token) and not reported(mention.token) else "carry"
            word = self._continuation(mention.token) if relation == "carry" and not own_date and not self._speech(
                mention) else ""
            if relation == "carry" and not word and not own_date and continued is not None \
                    and self._consequence(mention, mentions[continued] if continued < len(mentions) else None):
                word = mentions[continued].trigger.token.text  # "shaken by an earthquake on New Year's Day. At
                # least 318 people were killed": the toll of a dated disaster goes on in its day
            if speech and not targets and report_day is not None and relation == "carry":
                mention.time = carried_day(report_day)
                on_report_day.add(mention.number)
                continue
            death = _death_of_agent(mention, mentions) if relation == "carry" else None
            if death is not None:  # "Dole died early Sunday ... Dole overcame war wounds": before the death
                mention.links.append(Link(death, "before"))
                continue
            mention.links += [Link(target, relation, text=word if target == continued else "")
                              for target in targets if target != mention.number]
        return on_report_day

    def _consequence(self, mention: Mention, cause: Mention | None) -> bool:
        """Whether ``mention`` tells a consequence (casualties, damage) of ``cause``, a disaster or an attack
        dated by its own words (``narrative.consequence_of`` in data/event_types.yaml)."""
        if cause is None or cause.trigger.event_type not in self.taxonomy.consequence_of or not cause.time.dated \
                or cause.time.source != "text":
            return False
        verbs = [mention.token] + ([mention.token.head] if mention.token.dep_ == "conj" else [])
        return mention.trigger.event_type in self.taxonomy.consequence_types or any(
            v.lemma_.lower() in self.taxonomy.consequence_verbs for v in verbs)

    def _speech(self, mention: Mention) -> bool:
        """Whether ``mention`` is something said ("Both companies also said ..."): statements in news are made on
        the news day, so a continuation word does not carry the previous sentence's period onto them."""
        return mention.trigger.event_type in STATEMENT_TYPES or mention.trigger.lemma in self.taxonomy.reporting_verbs

    def _same_occasion(self, mention: Mention, anchor: Mention) -> bool:
        """Whether a statement was made at the earlier event ``anchor``: an occasion for words (``speech_occasions``
        in data/event_types.yaml) its speaker took part in ("Kim presided over the ceremony ... Kim said"), or a
        statement its pronoun subject goes on from ("Kim said ... He stressed")."""
        if self._speech(anchor):
            return any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in mention.token.children)
        return anchor.trigger.event_type in self.taxonomy.speech_occasions and bool(
            set(mention.participants.actors) & set(anchor.participants.actors))

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

        >>> from timeline.events.mentions import MentionBuilder
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp()("The army also seized the port and arrested the mayor. It fled as well.")
        >>> builder = MentionBuilder(doc, [], None, None, EventTaxonomy.load())
        >>> builder._continuation(doc[7]), builder._continuation(doc[12]), builder._continuation(doc[1])
        ('also', 'as well', '')
        """
        verbs = {token.i}
        current = token
        while current.dep_ == "conj" and current.head != current and len(verbs) < 4:
            current = current.head
            verbs.add(current.i)
        sentence = token.sent
        lowers = tuple(t.lower_ for t in sentence)  # the sentence's words, read once for every phrase
        for phrase in self.taxonomy.narrative_continued:
            for offset in range(len(lowers) - len(phrase) + 1):
                if lowers[offset:offset + len(phrase)] != phrase:
                    continue
                start = sentence.start + offset
                words = self.doc[start:start + len(phrase)]
                if any(t.head.i in verbs and not start <= t.head.i < words.end for t in words):
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
