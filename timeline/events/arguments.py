"""What a trigger word takes, and what its arguments say of its type.

A verb's object, passive subject, predicate and particle, a noun's modifiers and its "of"/"by" phrase (see
``arguments``: "cut 600 jobs" is a personnel event, "a strike by mechanics" no attack); the type of an event noun
from them; a headline noun's sense from the text below; who acts (a verb's subject or a passive's agent) and
whether a verb directs what is to be done ("ordered residents to leave").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from timeline.actors.dictionary import ActorDictionary
from timeline.actors.lexicon import NounLexicon
from timeline.events.roles import split_off
from timeline.events.taxonomy import OTHER, EventTaxonomy
from timeline.function_words import word_set
from timeline.nlp import entity_of

_VERB_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "oprd", "acomp", "attr", "prt"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "acl"})


_ARGUMENTS_KEY = "timeline.arguments"


def arguments(token: Token) -> list[str]:
    """The token's ``_arguments``, worked out once per token and kept in ``doc.user_data`` by token index (as
    ``_nouns_by_lemma`` below): a verb trigger is asked for them when found and again when typed by its subject or
    object, an event noun when typed and when its sense is looked up. A new list each call.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The firm signed off on the deal.")
    >>> arguments(doc[2]), arguments(doc[2]) is arguments(doc[2])
    (['off'], False)
    """
    doc = token.doc
    memo = doc.user_data.get(_ARGUMENTS_KEY)
    if not (isinstance(memo, tuple) and memo[0] == len(doc)):  # a retokenised text is worked out again
        memo = (len(doc), {})
        doc.user_data[_ARGUMENTS_KEY] = memo
    found: dict[int, tuple[str, ...]] = memo[1]
    if token.i not in found:
        found[token.i] = tuple(_arguments(token))
    return list(found[token.i])


def _arguments(token: Token) -> list[str]:
    """Lemmas and words of what a trigger word takes (and of a noun with the modifier right before it): a verb's object, passive subject, predicate and
    particle, and a participle saying the object's state ("leaving people exposed"); a noun's modifiers, its
    "of"/"by" phrase, the preposition it follows ("on strike") and the verb it is the subject or object of
    ("followed suit"); with a name, its other words ("the Prix Goncourt").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The plan will result in the loss of 2,000 jobs. The firm signed off on the deal.")
    >>> arguments(doc[6]), arguments(doc[13])
    (['job', 'jobs', 'in'], ['off'])
    >>> arguments(load_nlp()("It hit the 52-week low it set in March.")[8])
    ['low', 'week low']
    >>> arguments(load_nlp()("She won the Prix Goncourt.")[1]), arguments(load_nlp()("Rivals followed suit.")[2])
    (['goncourt', 'prix'], ['follow', 'followed'])
    """
    found: list[Token] = []
    if token.pos_ in ("VERB", "AUX"):
        found = [c for c in token.children if c.dep_ in _VERB_ARGUMENT_DEPS
                 or c.dep_ == "nsubj" and reduced_passive(token)
                 or c.dep_ in ("advmod", "prep") and c.i == token.i + 1 and c.lower_ in word_set("particle_adverbs")
                 and (c.dep_ == "advmod" or c.lower_ == "out")]
        # "stepped down" is parsed with "down" as an adverb, "stormed out of the talks" with "out" as a preposition:
        # a particle all the same
        described = token.dep_ == "acl" and token.tag_ == "VBN" or token.dep_ == "relcl" and not any(
            c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP") or c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")
            for c in token.children)  # not "the rockets that launch regularly": the noun acts, no object
        if described and token.head.pos_ in ("NOUN", "PROPN"):
            found.append(token.head)  # "a plan developed by McKinsey", "the low it set on March 26"
        found += [p for o in found if o.dep_ == "dobj" for prep in o.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj"]  # "won the largest number of seats"
        found += [a for o in found if o.dep_ == "dobj" for a in o.subtree if a.dep_ == "acl" and a.tag_ == "VBN"
                  and a.head.i in (o.i, *(p.i for p in o.subtree if p.dep_ == "pobj"))]
        # "leaving thousands of people exposed": a participle saying the object's state
        predicate = small_clause(token)
        if predicate is not None and predicate.dep_ in ("ccomp", "amod"):
            found.append(predicate)  # "left nearly three dozen people injured", "leaving thousands of people homeless"
        found += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in word_set("idiom_preps")
                  for p in prep.children if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in ("DATE", "TIME")]
        # "erupted in screams", "met with mourning"; not "set in March"
    else:
        for child in token.children:
            if child.dep_ in NOUN_MODIFIER_DEPS:
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "by", "to"):  # "a return to form"
                found += [c for c in child.children if c.dep_ == "pobj"]
        if token.dep_ == "pobj":
            found.append(token.head)
        if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.pos_ == "VERB":
            found.append(token.head)  # "follow suit", "the polls closed": the verb says what the noun is
    found += [c for t in found if t.pos_ == "PROPN" for c in t.children if c.dep_ == "compound"]
    # "won the Prix Goncourt": a name's other words count too (not "cut the job training budget")
    words = [word for t in found for word in (t.lemma_.lower(), t.lower_)]
    words += [f"{m.lower_} {word}" for t in found if t.pos_ == "NOUN" for m in t.children
              if m.dep_ in ("amod", "compound") and m.i == t.i - 1 for word in (t.lemma_.lower(), t.lower_)]
    # "launched dozens of unmanned aerial vehicles": a phrase of a modifier and its noun ("aerial vehicle")
    if token.pos_ in ("VERB", "AUX") and _addresses_media(token):
        words.append(TO_MEDIA)  # "talking to Yle", "talked with reporters": an interview, no meeting
    if token.pos_ != "VERB" and labour_site(token):
        words.append(AT_WORKPLACE)  # "the strike at GM's Arlington plant": a strike of its workers
    if _balloted(token):
        words.append(BALLOTED)
    if _takes_no_one(token):
        words.append(NO_OBJECT)  # "if the probe succeeds (in landing)": no one succeeded in a post  # "machinists voted to strike", "ballots in favor of a strike": a labour strike
    words += [f"{t.lemma_.lower()} for {p.lemma_.lower()}" for t in found if t.pos_ == "NOUN" and t.dep_ == "dobj"
              for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "for"
              for p in prep.children if p.dep_ == "pobj"]  # "won the race for mayor": what the contest is for
    opponents = [token] if token.pos_ == "NOUN" else [t for t in found if t.pos_ == "NOUN" and t.dep_ == "dobj"]
    words += [f"{prep.lower_} {p.lemma_.lower()}" for t in opponents for prep in t.children
              if prep.dep_ == "prep" and prep.lower_ in word_set("opponent_preps") for p in prep.children if p.dep_ == "pobj"]
    # "a battle with cancer", "lost his battle against leukaemia": what the fight is against
    if token.tag_ == "VBG" and any(c.dep_ == "poss" and (c.lower_ in word_set("person_possessives") or c.ent_type_ == "PERSON") for c in token.children):
        words.append(PERSON_POSSESSOR)  # "his passing", "Smith's passing": a person's (not "Smith's pass")
    return list(dict.fromkeys(words))


PERSON_POSSESSOR = "a person's"  # the argument word of a trigger a person owns ("his passing", "Smith's passing")
TO_MEDIA = "to media"  # the argument word of a verb addressed "to"/"with" a news outlet or the press (``_addresses_media``)


def _addresses_media(verb: Token) -> bool:
    """True when a verb's "to"/"with" object is the press: a media noun ("the press", "a newspaper"), reporters or
    journalists, or a name the dictionary knows as a news outlet ("the BBC", "Yle"); not a person or a body.

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> [_addresses_media(nlp(s)[1]) for s in ("He talked to the BBC.", "She spoke to reporters.",
    ...  "He talked to Putin.", "They talked with the union.")]
    [True, True, False, False]
    """
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "with"):
            continue
        for target in prep.children:
            if target.dep_ != "pobj":
                continue
            if target.pos_ == "NOUN" and target.lemma_.lower() in word_set("press_nouns"):
                return True
            if target.pos_ == "PROPN":
                entity = entity_of(target)
                actor = ActorDictionary.load().lookup(entity.text if entity is not None else target.text,
                                                      entity_label=entity.label_ if entity is not None else "ORG")
                if actor is not None and actor.type == "media":
                    return True
    return False


BALLOTED = "by vote"  # the argument word of an action a vote is cast for (see ``_balloted``)
_TARGET_PREPS = frozenset({"on", "against"})


def _balloted(token: Token) -> bool:
    """True when members vote for the action itself: a verb with no object that is the infinitive of a vote
    ("machinists voted to strike") or a noun with no target that a vote is cast for ("voted in favor of a
    strike", "cast ballots for a strike"); not "voted to strike Iran" nor "voted for strikes on Iran".

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> [_balloted(d[i]) for d, i in ((nlp("Machinists voted to strike."), 3),
    ...  (nlp("Members voted in favor of a strike beginning at midnight."), 6),
    ...  (nlp("Members cast ballots in favor of a strike."), 7), (nlp("Senators voted to strike Iran."), 3),
    ...  (nlp("Senators voted for strikes on Iran."), 3), (nlp("Missiles strike the city."), 1))]
    [True, True, True, False, False, False]
    """
    ballot = word_set("ballot_words")
    if token.pos_ in ("VERB", "AUX"):
        return token.dep_ == "xcomp" and token.head.lemma_.lower() in ballot and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in token.children)
    if token.pos_ != "NOUN" or any(c.dep_ == "prep" and c.lower_ in _TARGET_PREPS for c in token.children):
        return False
    if token.dep_ == "dobj" and _voted_to(token.head):
        return True  # "voted to authorize a strike", "voted to allow the union to call a strike"
    step = token
    for _ in range(4):  # noun <- of <- favor <- in <- voted
        if step.dep_ not in ("pobj", "prep") or step.head == step:
            return False
        step = step.head
        if step.lemma_.lower() in ballot or step.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ballot for c in step.children):
            return True
    return False


def _voted_to(verb: Token) -> bool:
    """True when a verb is what a vote was cast to do, through up to three infinitives ("voted to authorize",
    "voted to allow the union to call").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Members voted to allow the union to call a strike.")
    >>> [_voted_to(doc[i]) for i in (3, 7)], _voted_to(load_nlp()("The union called a strike.")[2])
    ([True, True], False)
    """
    ballot = word_set("ballot_words")
    step = verb
    for _ in range(3):
        if step.dep_ not in ("xcomp", "ccomp") or step.head == step:
            return False
        step = step.head
        if step.lemma_.lower() in ballot:
            return True
    return False


NO_OBJECT = "no object"  # the argument word of an active verb that acts on no one (see ``_takes_no_one``)
_POST_PREPS = frozenset({"as", "to", "by"})


def _takes_no_one(verb: Token) -> bool:
    """True when an active verb has no object, particle, passive subject nor "as"/"to"/"by" phrase: "the rover
    succeeded", "if it succeeds in landing" act on no one; not "succeeded Jones", "was succeeded by Smith",
    "succeeded to the throne" nor "succeeded him as chairman".

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> [_takes_no_one(nlp(s)[i]) for s, i in (("The rover succeeded on Tuesday.", 2),
    ...  ("If it succeeds in landing, it wins.", 2), ("Smith succeeded Jones as chairman.", 1),
    ...  ("Jones was succeeded by Smith.", 2))]
    [True, True, False, False]
    """
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VB", "VBD", "VBP", "VBZ", "VBG") \
            or verb.dep_ in ("relcl", "acl"):
        return False  # "the low it set in March": a clause's object is the noun it hangs on
    if reduced_passive(verb):
        return False
    return not any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent", "dative", "prt") or c.dep_ == "prep" and c.lower_ in _POST_PREPS
                   for c in verb.children)


AT_WORKPLACE = "at workplace"  # the argument word of a noun done "at" a workplace (see ``labour_site``)
_NATIONAL_LABELS = frozenset({"NORP", "GPE"})
_ARMED_TYPES = frozenset({"armed unit", "group", "country"})


def labour_site(noun: Token) -> bool:
    """True when an event noun is done "at" a workplace or an employer: a workplace noun ("the strike at GM's
    Arlington plant", "a strike at the airline") or a named company or body ("a strike at Boeing"), while the noun
    itself has no national modifier ("Israeli strikes at ...", "Ukraine's strikes at ..."). A target of war ("a
    power plant"), an armed group or a place ("a wedding", "Hamas targets") is no workplace.

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> [labour_site(nlp(s)[1]) for s in ("A strike at Boeing began.", "The strike at GM's Arlington plant ended.",
    ...  "Israeli strikes at the factory killed 20 people.", "A strike at a wedding killed 12.",
    ...  "The strikes at power plants cut electricity.")]
    [True, True, False, False, False]
    """
    if any(c.dep_ in NOUN_MODIFIER_DEPS and c.ent_type_ in _NATIONAL_LABELS for c in noun.children):
        return False
    lex = NounLexicon.load()
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "at":
            continue
        for site in prep.children:
            if site.dep_ != "pobj":
                continue
            if site.pos_ == "NOUN":
                if site.lower_ in lex.workplace_nouns and not any(
                        c.dep_ in ("compound", "amod") and c.lower_ in lex.war_target_modifiers for c in site.children):
                    return True
            elif site.ent_type_ == "ORG" and _employer(site):
                return True
    return False


def _employer(name: Token) -> bool:
    """A name tagged ORG that the dictionary does not know as an armed group or a state."""
    entity = entity_of(name)
    text = entity.text if entity is not None else name.text
    actor = ActorDictionary.load().lookup(text, entity_label="ORG")
    return actor is None or actor.type not in _ARMED_TYPES


def small_clause(verb: Token) -> Token | None:
    """The predicate a verb gives its object, a state it brought about: "left 12 people injured" (the parse's
    clause with a subject and no "that" or auxiliary), "leave 10 dead", "leaving people exposed", "leaving the
    president scrambling"; or None.

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> [small_clause(d[2]) for d in (nlp("The strikes left nearly three dozen people injured."),
    ...                                nlp("The troops left Kursk on Monday."))]
    [injured, None]
    """
    objects = [c.i for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    for child in verb.children:
        if child.dep_ == "oprd":
            return child
        if child.dep_ in ("xcomp", "dobj") and child.tag_ in ("VBG", "VBN", "JJ") and any(o < child.i for o in objects):
            return child  # "leaving the president scrambling", "left the coach fighting for his job"
        if child.dep_ == "ccomp" and child.i > verb.i and (child.tag_ in ("VBN", "VBD", "VBG") or child.pos_ == "ADJ") \
                and any(c.dep_ == "nsubj" and c.i < child.i for c in child.children) \
                and not any(c.dep_ in ("mark", "aux", "auxpass") for c in child.children):
            return child
        if child.dep_ == "dobj":
            state = [a for a in child.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.i > child.i]
            if state:
                return state[0]
            after_of = [a for a in child.children if a.dep_ == "amod" and a.tag_ == "JJ" and a.i > child.i and any(
                p.dep_ == "prep" and child.i < p.i < a.i for p in child.children)]
            if after_of and verb.lemma_.lower() in word_set("result_verbs"):
                return after_of[0]  # "leaving thousands of people homeless", parsed as an adjective on "thousands"
    return None


def remaining(verb: Token) -> bool:
    """A bare participle on a noun, saying what remains: "with 20 minutes left", "the only ones left".

    >>> from timeline.nlp import load_nlp
    >>> remaining(load_nlp()("He scored with 20 minutes left.")[5])
    True
    >>> doc = load_nlp()("He pulled away with about 3k left and won.")
    >>> remaining(doc[6])
    True
    """
    if any(c.dep_ in ("dobj", "agent") for c in verb.children):
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.tag_ in ("VBN", "VBD"):
        return True  # "with about 3k left": the parse hangs the participle on "with", the count on another word
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PRON", "NUM")


def reduced_passive(verb: Token) -> bool:
    """A bare past participle, the passive of a headline ("100,000 Vehicles Recalled", "Spain rattled by two
    quakes"): no auxiliary, and a subject (in the first sentence) or a "by" agent.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Kia CEO Resigns After 100,000 Vehicles Recalled")
    >>> reduced_passive(doc[6]), reduced_passive(doc[2])
    (True, False)
    """
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ == "conj" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    headline = verb.sent.start == 0
    return headline and verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children) or any(
        c.dep_ == "agent" for c in verb.children)


def noun_event_type(token: Token, taxonomy: EventTaxonomy) -> str | None:
    """The type of an event noun, its arguments first ("the loss of 21,000 jobs" -> personnel, "the trading
    session" -> no event, "a strike by mechanics" -> protest/strike), or None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A strike by mechanics ended the trading session. Demand fell. They met the demands.")
    >>> [noun_event_type(doc[i], EventTaxonomy.load()) for i in (1, 7, 9, 15)]
    ['protest/strike', None, 'result', None]
    """
    lemma = token.lemma_.lower()
    by_argument = taxonomy.argument_type(lemma, arguments(token))
    if by_argument == OTHER or lemma in taxonomy.mass_nouns and token.tag_ in ("NNS", "NNPS"):
        return None  # "the trading session"; "the demands of the government" (requests, not market demand)
    return by_argument or taxonomy.noun_type(lemma) or taxonomy.noun_type(token.lower_)  # "tornadoes": odd lemmas


def headline_sense(token: Token, taxonomy: EventTaxonomy) -> str | None:
    """The type a bare headline noun takes from the same noun with a telling argument in the text below
    ("WestJet cancels flights as strike hits travellers" ... "a strike by plane mechanics"), or None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Strike hits travellers. A strike by plane mechanics entered its third day.")
    >>> headline_sense(doc[0], EventTaxonomy.load())
    'protest/strike'
    """
    if taxonomy.argument_type(token.lemma_, arguments(token)) is not None:
        return None  # the headline says itself what it is
    lemma = token.lemma_.lower()
    for later in token.doc[token.sent.end:]:
        if later.lemma_.lower() == lemma and later.pos_ == "NOUN":
            by_argument = taxonomy.argument_type(lemma, arguments(later))
            if by_argument not in (None, OTHER):
                return by_argument
    return None


def earlier_sense(token: Token, taxonomy: EventTaxonomy) -> str | None:
    """The type a bare event noun in the body ("The strike already spans dozens of facilities") takes from the same
    noun told with a telling argument earlier ("the United Auto Workers' historic strike") or in the headline,
    or None; a noun with modifiers of its own ("a missile strike") says itself what it is.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("UAW expands strike. It joined the autoworkers' strike. The strike spans dozens of plants.")
    >>> [earlier_sense(t, EventTaxonomy.load()) for t in doc if t.lower_ == "strike"]
    [None, None, 'protest/strike']
    """
    if token.sent.start == 0 or any(c.dep_ in NOUN_MODIFIER_DEPS or c.dep_ == "prep" for c in token.children) \
            or taxonomy.argument_type(token.lemma_, arguments(token)) is not None:
        return None
    lemma = token.lemma_.lower()
    doc = token.doc
    earlier = [doc[i] for i in _nouns_by_lemma(doc).get(lemma, ()) if i < token.sent.start]
    for mention in reversed(earlier):
        by_argument = taxonomy.argument_type(lemma, arguments(mention))
        if by_argument not in (None, OTHER):
            return by_argument
    headline = [t for t in earlier if t.sent.start == 0]
    return next((sense for sense in (headline_sense(t, taxonomy) for t in headline) if sense), None)


_NOUNS_KEY = "timeline.nouns_by_lemma"


def _nouns_by_lemma(doc: Doc) -> dict[str, tuple[int, ...]]:
    """Indices of the document's common nouns by lower-case lemma, in text order, built once per document and kept
    in ``doc.user_data`` (as the capitals module does), so that looking back for each event noun stays linear.

    >>> from timeline.nlp import load_nlp
    >>> _nouns_by_lemma(load_nlp()("The strike ended. A second strike began."))["strike"]
    (1, 6)
    """
    cached = doc.user_data.get(_NOUNS_KEY)
    if isinstance(cached, tuple) and cached[0] == len(doc):
        return cached[1]
    grouped: dict[str, list[int]] = {}
    for t in doc:
        if t.pos_ == "NOUN":
            grouped.setdefault(t.lemma_.lower(), []).append(t.i)
    index = {lemma: tuple(indices) for lemma, indices in grouped.items()}
    doc.user_data[_NOUNS_KEY] = (len(doc), index)
    return index


def directive_complement(child: Token) -> bool:
    """A verb's child says what is to be done: an infinitive ("ordered residents to leave") or a small clause
    of an object and a participle ("ordered government buildings closed", "ordered the roads reopened").

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> docs = [nlp("Prime Minister Olivier Mahafaly ordered government buildings closed as a precaution."),
    ...         nlp("The airline ordered ten new planes from Airbus.")]
    >>> [any(directive_complement(c) for c in t.children) for doc in docs for t in doc if t.lemma_ == "order"]
    [True, False]
    """
    if child.dep_ == "xcomp":
        return True
    if child.dep_ == "ccomp" and child.tag_ in ("VBN", "VBD"):  # the small clause's participle, often tagged VBD
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    return child.dep_ == "dobj" and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i == child.i + 1 for c in child.children)


def subject_words(subjects: list[Token]) -> list[str]:
    """Lemmas of the acting subjects, each also with the modifier noun right before it ("rescue worker"), so a
    ``subject_types`` entry can name a kind of worker without naming every worker.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Rescue workers searched the rubble.")
    >>> subject_words([doc[1]])
    ['worker', 'rescue worker']
    """
    words = [s.lemma_.lower() for s in subjects]
    words += [f"{m.lemma_.lower()} {s.lemma_.lower()}" for s in subjects for m in s.children
              if m.dep_ in ("compound", "amod") and m.i == s.i - 1]
    return list(dict.fromkeys(words))


def acting_subjects(verb: Token) -> list[Token]:
    """Who acts: the active subject, the agent of a passive ("rocked by an earthquake"), or for a verb joined
    by "and" without a subject of its own, the subject of the first verb ("the quake hit and struck ...")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not split_off(c)]  # not "A magnitude | 6.4 quake"
    if verb.dep_ == "relcl" and subjects and all(s.tag_ in ("WDT", "WP") for s in subjects):
        subjects = [verb.head]  # "the quake, which struck at 11:59 p.m.": the relative pronoun stands for the quake
    subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not subjects and verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if verb.head.dep_ == "relcl" and subjects and all(s.tag_ in ("WDT", "WP") for s in subjects):
            subjects = [verb.head.head]  # "the fire, which torched 105 square miles and destroyed 1,500 homes"
    # "One of the world's strongest earthquakes struck", "Hundreds of soldiers left": a count, a pronoun or a
    # partitive noun stands for what its "of" names
    # ("A series of earthquakes struck": a collection noun stands for what it counts)
    partitive = NounLexicon.load().partitive_nouns | NounLexicon.load().collection_nouns
    subjects += [p for s in list(subjects) if s.pos_ in ("NUM", "PRON", "DET") or s.lemma_.lower() in partitive
                 for prep in s.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for p in prep.children if p.dep_ == "pobj"]
    return subjects
