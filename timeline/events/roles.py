"""Grammatical roles of an event word in the parse: the noun phrase a head ends, subjects (through
conjuncts, control and raising), objects, passive agents, preposition objects, and the conjuncts, appositions
and listed members a participant span expands to (used by ``timeline.events.participants``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import DASHES
from timeline.events.casualty_cause import casualty_cause
from timeline.events.things import is_thing
from timeline.function_words import word_set
from timeline.reading_spaces import spacing


def phrase(token: Token) -> Span:
    """The noun phrase a head token ends: its premodifiers and itself ("North Korean troops").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The North Korean troops left.")
    >>> phrase(doc[3]).text
    'The North Korean troops'
    >>> phrase(load_nlp()("MADRID - Two twin-engine planes collided.")[6]).text
    'Two twin-engine planes'
    >>> phrase(load_nlp()("A magnitude 6.4 earthquake hit Taiwan.")[3]).text
    'A magnitude 6.4 earthquake'
    >>> phrase(load_nlp()("Merrill Lynch would be sold to Bank of America.")[6]).text
    'Bank of America'
    """
    doc = token.doc
    start = token.i
    for left in token.lefts:
        if left.dep_ in ("det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "punct"):
            start = min(start, left.left_edge.i)
    front = split_front(token)
    if front is not None:  # "A magnitude 6.4 earthquake": the front the parser split off is a premodifier
        start = min(start, front.left_edge.i)
    for index in range(start, token.i):  # a dateline before a spaced dash is no part of it ("MADRID - Two quakes")
        if doc[index].text in DASHES and index > 0 and spacing(doc[index - 1]):
            start = index + 1
    end = token.i + 1
    for right in token.rights:  # flat names split by the parser ("Kim Jong - un", "Regiment of Engineers")
        if right.dep_ in ("compound", "flat") or right.ent_iob_ == "I" and right.i == end:
            end = right.i + 1
            while end <= right.right_edge.i and doc[end].ent_iob_ == "I":
                end += 1  # the whole name, not "Bank of" ("Bank of America", "the Volpi Cup for Best Actor")
    return doc[start:end]


def split_front(token: Token) -> Token | None:
    """The noun the parser split off the front of the token's noun phrase as a second subject or object of the same
    verb ("A magnitude | 6.4 earthquake hit": two subjects), when it ends right before the number the phrase
    begins with; else None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A magnitude 6.4 earthquake hit Taiwan.")
    >>> split_front(doc[3]).text, split_front(doc[1])
    ('magnitude', None)
    """
    if token.dep_ not in _SPLIT_DEPS or token.pos_ != "NOUN":
        return None
    edge = token.left_edge.i
    if edge == token.i or edge == 0:
        return None  # the front is only split off a phrase that begins with its number ("6.4 earthquake")
    front = token.doc[edge - 1]
    if front.dep_ == token.dep_ and front.head == token.head and front.pos_ == "NOUN" and front.right_edge.i == edge - 1 \
            and token.doc[edge].like_num:  # a number chain only: not "space drama | High Life" (a name in apposition)
        return front
    return None


def split_off(token: Token) -> bool:
    """True for the front noun the parser split off a following subject or object (see ``split_front``).

    >>> from timeline.nlp import load_nlp
    >>> [split_off(t) for t in load_nlp()("A magnitude 6.4 earthquake hit Taiwan.")][:4]
    [False, True, False, False]
    """
    return any(split_front(sibling) == token for sibling in token.head.children
               if sibling.dep_ == token.dep_ and sibling.i > token.i)


_SPLIT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_OWNER_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})  # a name before an effort noun that owns it ("a GM bid")
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})  # a noun the parser tags as a verb ("a plan to acquire")


def expand(tokens: list[Token], versions: frozenset[str] = frozenset()) -> list[Token]:
    """Add conjuncts, appositions and names given ("North Korea and Russia", "its leader Kim Jong-un", "an
    operation dubbed Desert Storm"), what a version noun is a version of ("the new version of their Mac OS X
    operating system"), the market or goods of a metric noun ("prices in foreign markets", "sales of new cars")
    and the members listed after "including"."""
    out: list[Token] = []
    for token in tokens:
        stack = [token]
        while stack:
            current = stack.pop()
            if current in out:
                continue
            out.append(current)
            stack.extend(child for child in current.children if child.dep_ == "conj"  # "Sean Connery, the former
                         or child.dep_ == "appos" and not _is_role(child)  # James Bond": a role, no second actor,
                         and not (_describes_name(child) and child.lemma_.lower() not in versions))  # nor "Lehman, a
            # former Wall Street titan": the name's description (a version noun still leads to what it is of)
            stack.extend(conj for role in current.children if role.dep_ == "appos" and _is_role(role)  # but the
                         for conj in role.children if conj.dep_ == "conj")  # names listed after it take part
            stack.extend(name for clause in current.children if clause.dep_ == "acl"  # "a service called iCloud"
                         and clause.lemma_.lower() in NounLexicon.load().naming_verbs
                         for name in clause.children if name.dep_ in ("oprd", "xcomp", "attr") and name.pos_ == "PROPN")
            stack.extend(child for child in current.children if child.dep_ in ("nmod", "compound")  # "iPhone and
                         and any(c.dep_ == "cc" for c in child.children))  # Apple TV": both conjuncts take part
            if current.lemma_.lower() in NounLexicon.load().metric_nouns:  # "prices in foreign markets": the market;
                stack.extend(pobj for prep in current.children if prep.dep_ == "prep"  # "sales of new cars": the cars
                             for pobj in prep.children if pobj.dep_ == "pobj"
                             and (prep.lower_ in ("in", "on") and pobj.lower_ in NounLexicon.load().sector_nouns
                                  or prep.lower_ == "of" and is_thing(pobj)))
            stack.extend(pobj for prep in current.children if prep.dep_ == "prep"  # "banks, including Citigroup"
                         and prep.lower_ == "including"
                         for pobj in prep.children if pobj.dep_ == "pobj")
            if current.lemma_.lower() in versions and current.pos_ == "NOUN":
                stack.extend(pobj for prep in current.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
                             for pobj in prep.children if pobj.dep_ == "pobj")
    return out




def _describes_name(token: Token) -> bool:
    """True for a common-noun apposition with an article after a name: it describes that name, no second actor
    ("the collapse of Lehman, a former Wall Street titan with broad ties": Lehman only; "its leader Kim Jong-un",
    "the former COO, Tim Cook" keep their names). A body noun still says whom the named person speaks for ("said
    Joe Smith, a Police Department spokesman" -> Police Department takes part, see ``body_nouns``).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They feared the collapse of Lehman, a former Wall Street titan with broad ties.")
    >>> _describes_name(doc[11])
    True
    """
    return token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN" \
        and token.lemma_.lower() not in NounLexicon.load().body_nouns and any(
            c.dep_ == "det" and c.lower_ in word_set("articles") for c in token.children)


def _is_role(token: Token) -> bool:
    """True for a name used as a role in an apposition to a name ("Sean Connery, the former James Bond")."""
    return token.dep_ == "appos" and token.pos_ == "PROPN" and token.head.pos_ == "PROPN" and any(
        c.dep_ == "det" and c.lower_ in word_set("articles") for c in token.children)


def _role_holder(token: Token) -> Token:
    """The name a role apposition describes ("Sean Connery, the former James Bond, who died": Connery died).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They included Sean Connery, the former James Bond, who died in October.")
    >>> _role_holder(doc[8]).text
    'Connery'
    """
    return token.head if _is_role(token) else token


def relative_market(pronoun: Token, verb: Token) -> Token | None:
    """The market named right before ", which" when the parse hangs the clause on the move noun (``move_objects``)
    the market is the object of ("the slide in the dollar, which fell to 95 yen": the dollar fell, not the slide); else None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The slide in the dollar, which fell to 95 yen, hurt exporters.")
    >>> relative_market(doc[6], doc[7])
    dollar
    """
    from timeline.events.measures import names_market

    doc = pronoun.doc
    if verb.head.lemma_.lower() not in word_set("move_objects"):  # "the slide in", "the rally in"
        return None  # "consumption of oil, which has fallen": the measure noun is what fell
    if pronoun.i < 2 or doc[pronoun.i - 1].text != "," or verb.head.i >= pronoun.i:
        return None
    noun = doc[pronoun.i - 2]
    if noun == verb.head or names_market(verb.head) or not names_market(noun) \
            or noun.dep_ != "pobj" or not verb.head.is_ancestor(noun):
        return None
    return noun


def in_modifier_clause(token: Token) -> bool:
    """True for the agent of a participle that describes a noun ("The sentence, imposed by Judge Valerie Caproni,
    was less than the 12 years he received"): background, not the person a later "he" is about.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The sentence, imposed by Judge Ann Lee, was short. The bill was signed by Joe Biden.")
    >>> [in_modifier_clause(doc[i]) for i in (7, 18)]
    [True, False]
    """
    prep = token.head if token.dep_ == "pobj" else token
    return prep.dep_ == "agent" and prep.head.dep_ == "acl"


def subjects_of(verb: Token, depth: int = 0) -> list[Token]:
    subjects = [claim_subject(c) or c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not split_off(c)]
    subjects = [c for n, c in enumerate(subjects) if c not in subjects[:n]]  # a speaker yields to the claim's subject
    if subjects:
        resolved = []
        for subject in subjects:
            if subject.lower_ in word_set("relative_pronouns") and verb.dep_ == "relcl":
                resolved.append(relative_market(subject, verb) or _role_holder(verb.head))
            else:
                resolved.append(subject)
        return _comma_listed_before(verb, subjects[0]) + resolved + _comma_listed_subject(verb, subjects[0])
    stranded = _stranded_subject(verb)
    if stranded is not None:  # "Stocks fell on Thursday and Hong Kong slumped": Hong Kong slumped
        return [stranded]
    fronted_name = _appositive_subject(verb)
    if fronted_name is not None:  # "In an address from his residence, Bawumia, who leads the party, acknowledged"
        return [fronted_name]
    if any(c.dep_ == "expl" for c in verb.children):  # "There are 500 Apple engineers at ..."
        return [c for c in verb.children if c.dep_ == "attr"]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in word_set("object_control_verbs"):  # "forced Apple to
        controllers = [c for c in verb.head.children if c.dep_ == "dobj"]  # lower its prices": the object acts; not
        if controllers:  # "Swiatek beat Gauff to reach the final": a purpose of the subject
            return controllers
    described = verb.head if verb.dep_ == "xcomp" and verb.head.lower_ in word_set("subject_infinitive_adjectives") \
        and verb.head.dep_ != "acomp" else None
    if described is not None:  # "Qantas - due to put the aircraft into service -": the noun it describes does it
        nouns = [described.head] if described.dep_ in ("amod", "prep") else []
        nouns += [c for c in described.children if c.dep_ in ("npadvmod", "nsubj")]  # the parse's other reading
        nouns = [n for n in nouns if n.pos_ in ("NOUN", "PROPN") and n.i < described.i]
        if nouns:
            return nouns[:1]
    speakers = attributed_speakers(verb)
    if speakers:  # "Smith was quoted as saying ...": the quoted one says it
        return speakers
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []  # "... believes that ... when the iPod was released": a passive has its own subject, no agent above
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):  # "Obama is expected to outline", "GM was
        raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # forced to file": the passive subject
        if raised:
            return raised
    owners = _effort_owners(verb)
    if owners:
        return owners  # "commends the efforts of the ministry to end the outbreak": the ministry would end it
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        above = subjects_of(verb.head, depth + 1)
        cause = casualty_cause(verb, above)  # "Rescuers searched after a quake struck, killing 72": the quake kills
        return above if cause is None else cause
    if depth < 3 and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return subjects_of(verb.head.head, depth + 1)  # "Developers will be able to set the price"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    if depth < 3 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
            and verb.head.lower_ in word_set("manner_preps") and verb.head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.head.head.children):  # not "cleared
        # a path for Chrysler to get out of bankruptcy by approving a sale": the judge approves, not Chrysler
        doc, above_verb = verb.doc, verb.head.head
        if any(t.text in ('"', "“", "”", "``", "''") for t in doc[min(verb.i, above_verb.i):max(verb.i, above_verb.i)]):
            return []  # 'he promoted it by saying that, "a year after launching the iPhone, ...': a quote's own speaker
        above = subjects_of(above_verb, depth + 1)  # "Goa emerged as champions after defeating Chennaiyin"
        return [s for s in above if s.lower_ not in word_set("non_third_person")]  # "after launching it, we're ..."
    if depth < 3 and verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        owners = [pobj for prep in verb.head.children if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < verb.i
                  for pobj in prep.children if pobj.dep_ == "pobj" and not is_thing(pobj) and pobj.right_edge.i + 2 == verb.i
                  and (pobj.pos_ == "PROPN" or any(c.dep_ == "poss" or c.lower_ == "the" for c in pobj.children))]
        if owners:
            return owners  # "rejected a request of the union to delay the vote": the union would delay it
        noun = verb.head
        if noun.dep_ == "attr" and noun.head.lemma_.lower() == "be" and any(
                m.dep_ == "amod" and m.i < noun.i and m.lower_ in word_set("first_doer_words") for m in noun.children):
            # "Southwest is the first customer to finalise an order": Southwest does it; not "It was the first
            # time to see ..." (a pronoun), nor "the hardest plane to build" (no such word: the plane is built)
            return [s for s in subjects_of(noun.head, depth + 1) if s.pos_ != "PRON"]
        noun = _intent_object(verb.head)
        if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            return subjects_of(noun.head, depth + 1)  # "Apple has plans to import", "Musk signed a deal to buy"
    return []


def attributed_speakers(verb: Token) -> list[Token]:
    """The passive subject of an attribution verb (``attribution_passives``) a gerund hangs on by "as": the speaker
    of "saying" in "Smith was quoted as saying ...", "Acme was cited as saying ..."; else [].

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Smith was quoted as saying the bank raised rates.")
    >>> [t.text for t in attributed_speakers(doc[4])], attributed_speakers(doc[8])
    (['Smith'], [])
    """
    above = verb.head.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ != "as" or verb.head.dep_ != "prep" \
            or above.lemma_.lower() not in word_set("attribution_passives") \
            or not any(c.dep_ == "auxpass" for c in above.children):
        return []
    return [c for c in above.children if c.dep_ == "nsubjpass"]


def claim_subject(subject: Token) -> Token | None:
    """The claim's own subject when ``subject`` is the speaker of a "Speaker: claim" headline that the parser made
    the subject of the claim's verb ("UN chief: Gaza deal collapses": the deal collapses; the chief is the source
    of a statement), else None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("UN chief: Gaza ceasefire deal collapses")
    >>> claim_subject(doc[1]).text, claim_subject(doc[5])
    ('deal', None)
    """
    verb, doc = subject.head, subject.doc
    colon = next((t.i for t in doc[subject.i + 1:verb.i] if t.text == ":"), None) if subject.i < verb.i else None
    if colon is None or subject.left_edge.i != subject.sent.start or any(
            t.is_quote or t.is_bracket for t in doc[subject.sent.start:verb.i]):
        return None  # the speaker opens the line; not "Shares of X (NYSE: X) jumped", nor a quoted "Title: Sub" name
    claimed = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + [
        c for c in subject.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
    return next((c for c in claimed if colon < c.i < verb.i), None)


def _stranded_subject(verb: Token) -> Token | None:
    """The name right before a subject-less finite verb after "and" or "but", which the parser hung elsewhere
    ("Stocks in Sydney fell on Thursday and Hong Kong slumped 2 percent": "Hong Kong" hangs on "Thursday", so
    "slumped" would take "Stocks"); None when the verb has a subject of its own or no name stands right before it.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Stocks in Sydney fell 1 percent on Thursday and Hong Kong slumped 2 percent.")
    >>> _stranded_subject(doc[11]).text
    'Kong'
    >>> doc = load_nlp()("He met Smith on Friday and said the talks went well.")
    >>> _stranded_subject(doc[7]) is None
    True
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("conj", "advcl", "ccomp") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark") for c in verb.children):
        return None
    doc, start = verb.doc, verb.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ not in ("DATE", "TIME"):
        start -= 1
    if start == verb.i or start == 0 or doc[start - 1].lower_ not in ("and", "but"):
        return None
    run = doc[start:verb.i]
    root = run.root
    if root.head == verb or root.head.i in range(start, verb.i):
        return None
    return root


def _appositive_subject(verb: Token) -> Token | None:
    """The name the parser hung as an apposition inside the phrase opening the clause, right before a
    subject-less finite verb ("In an address from his residence, Bawumia, who leads the party, acknowledged the
    results": "Bawumia" hangs on "residence"); None when the verb has a subject or no such name ends before it.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("In a brief televised address from his official residence, Bawumia, who leads the ruling "
    ...                  "New Patriotic Party, acknowledged the results.")
    >>> _appositive_subject(doc[20]).text
    'Bawumia'
    >>> doc = load_nlp()("He met Smith, the mayor, and left.")
    >>> _appositive_subject(doc[8]) is None
    True
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ != "ROOT" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark") for c in verb.children):
        return None
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    name = next((t for t in doc[verb.sent.start:verb.i - 1] if t.dep_ == "appos" and t.pos_ == "PROPN"
                 and t.right_edge.i in (verb.i - 1, verb.i - 2) and t.head.i < t.i), None)
    if name is None:
        return None
    opener = name
    while opener.head != opener and opener.head != verb:
        opener = opener.head
    return name if opener.head == verb and opener.dep_ == "prep" and opener.i < name.i else None


def _effort_owners(verb: Token) -> list[Token]:
    """Whose effort an infinitive tells: the owner ("of" object or possessor) of an ``effort_nouns`` noun the
    infinitive complements, also when the parse hangs it on the noun's verb ("commends the efforts of the
    ministry and partners to end the outbreak": the ministry; "the union's bid to block the sale"). Not a purpose
    of the subject after another noun ("visited the home of the victims to pay respects").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The agency commends the efforts of the ministry and partners to end the outbreak.")
    >>> [t.text for t in _effort_owners(doc[11])]
    ['ministry']
    >>> doc = load_nlp()("Troops joined the army's work to remove mines.")
    >>> [t.text for t in _effort_owners(doc[7])]
    ['Troops', 'army']
    >>> doc = load_nlp()("The minister visited the home of the victims to pay respects.")
    >>> _effort_owners(doc[9])
    []
    >>> doc = load_nlp()("A GM bid to buy Chrysler was rejected. The March plan to cut rates failed.")
    >>> [t.text for t in _effort_owners(doc[4])], _effort_owners(doc[14])
    (['GM'], [])
    >>> doc = load_nlp()("A Bank of America plan to acquire Lehman fell apart.")
    >>> [t.text for t in _effort_owners(doc[6])]
    ['Bank']
    """
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return []
    if verb.dep_ == "acl" or verb.dep_ == "xcomp" and (verb.head.pos_ == "NOUN" or verb.head.dep_ in _NOUN_DEPS):
        noun: Token | None = verb.head
    elif verb.dep_ == "advcl":
        noun = next((c for c in verb.head.children if c.dep_ in ("dobj", "attr") and c.right_edge.i + 1 == to.i), None)
    else:
        noun = None
    if noun is None:
        return []
    if noun.lemma_.lower() not in word_set("effort_nouns") and noun.lower_ not in word_set("effort_nouns"):
        return []
    owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in word_set("possessive_pronouns")
              or c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.ent_type_ in _OWNER_LABELS]
    owners += [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("of", "by") and prep.i < to.i
               for pobj in prep.children if pobj.dep_ == "pobj" and not is_thing(pobj)]  # "a decision by JetBlue to"
    if not owners and not any(c.dep_ == "poss" for c in noun.children):
        owners = _phrase_verb_subjects(noun)  # "cut jobs as part of a plan to return the airline to profit"
    if owners and noun.dep_ == "dobj" and noun.head.lemma_.lower() in word_set("effort_sharing_verbs"):
        owners = subjects_of(noun.head) + owners  # "troops joined the forces' work to remove mines": both remove
    return owners


def _phrase_verb_subjects(noun: Token) -> list[Token]:
    """The subjects of the verb an owner-less effort noun's phrase modifies, up through at most two prepositions
    ("Kenya Airways will cut jobs as part of a plan to return the airline to profit": Kenya Airways means to
    return it; "sued in a bid to block the sale": who sued), or none.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The union sued the company in a bid to block the sale.")
    >>> [t.text for t in _phrase_verb_subjects(doc[7])]
    ['union']
    >>> doc = load_nlp()("The party denounced the ban as an attempt to suppress protests.")
    >>> _phrase_verb_subjects(doc[7])
    []
    """
    for step in range(2):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or step == 0 and prep.lower_ == "as":
            return []  # "the party denounced it as an attempt to suppress protests": whose attempt it calls it
        if prep.head.pos_ in ("VERB", "AUX"):
            return subjects_of(prep.head, 3)  # its own subjects only: no climbing further
        noun = prep.head
    return []


def _intent_object(noun: Token) -> Token:
    """The object an infinitive's noun belongs to, up through bare "of" nouns ("signed a letter of intent to buy":
    the letter); a noun with its own determiner or a name is a doer of its own ("the decision of the union to
    strike").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("IAG signed a letter of intent to buy 200 jets.")
    >>> _intent_object(doc[5]).text
    'letter'
    """
    for _ in range(3):
        prep = noun.head
        if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or prep.lower_ != "of" or prep.head.pos_ != "NOUN" \
                or any(c.dep_ in ("det", "poss", "compound", "nummod") for c in noun.children):
            break
        noun = prep.head
    return noun


def _comma_listed_subject(verb: Token, subject: Token) -> list[Token]:
    """A second name listed after the subject with only a comma, which the parser hangs on the verb itself
    (a headline's "Fiat Chrysler, Peugeot merge"); none when anything but names stands between them.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Fiat Chrysler, Peugeot merge to create a giant")
    >>> [t.text for t in _comma_listed_subject(doc[4], doc[1])]
    ['Peugeot']
    """
    doc, comma = verb.doc, subject.i + 1
    if subject.pos_ != "PROPN" or comma + 1 >= verb.i or doc[comma].text != "," \
            or any(c.dep_ == "conj" for c in subject.children):
        return []
    names = doc[comma + 1:verb.i]
    if any(t.pos_ != "PROPN" or t.head != verb and t.head.i not in range(names.start, names.end) for t in names):
        return []
    return [t for t in names if t.head == verb]


def _comma_listed_before(verb: Token, subject: Token) -> list[Token]:
    """Names listed before the subject with only a comma from the start of the sentence, which the parser hangs
    on the verb (a headline's "Ford, Toyota Recall Nearly 5M Trucks"); none for a place ("SEATTLE, Boeing
    said"), or when anything but names stands before the comma.

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> [[t.text for t in _comma_listed_before(d[3], d[2])] for d in (nlp("Ford, Toyota Recall Nearly 5M Trucks"),
    ...  nlp("Seattle, Boeing said Friday."))]
    [['Ford'], []]
    """
    doc, comma = verb.doc, subject.left_edge.i - 1
    start = subject.sent.start
    if subject.pos_ != "PROPN" or comma <= start or doc[comma].text != "," or comma > verb.i:
        return []
    names = doc[start:comma]
    if any(t.pos_ != "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC") or t.head != verb
           and t.head.i not in range(names.start, names.end) for t in names):
        return []
    return [t for t in names if t.head == verb]


def patients_of(verb: Token) -> list[Token]:
    patients = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass", "oprd")]
    for index, patient in enumerate(patients):
        if patient.lower_ in word_set("relative_pronouns") and verb.dep_ == "relcl":
            patients[index] = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patients.append(described_noun(verb))
    return patients


def described_noun(participle: Token) -> Token:
    """The noun a participle describes: the noun just before it, even when the parse hangs it higher.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Its emphasis on the sacrifices of its troops deployed to Russia is clear.")
    >>> described_noun(doc[8]).text
    'troops'
    >>> doc = load_nlp()("a tribute to the three million people who have to date died from coronavirus")
    >>> described_noun(doc[11]).text
    'people'
    """
    have = next((t for t in participle.doc[max(participle.i - 4, 0):participle.i]
                 if t.lemma_.lower() == "have" and t.dep_ == "relcl"), None)
    if have is not None:
        return have.head  # "the people who have to date died": a perfect split by "to date", the people died
    before = participle.doc[participle.i - 1] if participle.i > 0 else participle.head
    if before.pos_ in ("NOUN", "PROPN") and participle.head.i < before.i:
        return before  # "the sacrifices of its troops deployed to Russia": the troops were deployed
    return participle.head


def amount_owners(patients: list[Token], depth: int = 0) -> list[Token]:
    """What an amount object is put in or taken of: "invest $30 billion in GM" -> GM, "take ownership of 60
    percent of the company" -> the company (the parse hangs the phrase on the amount, not on the verb)."""
    found: list[Token] = []
    for patient in patients:
        amount = patient.like_num or patient.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") \
            or patient.lemma_.lower() in NounLexicon.load().stake_nouns
        if not amount or depth > 2:
            continue
        for _, pobj in prep_objects(patient, word_set("stake_preps")):
            inner = pobj.like_num or pobj.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or pobj.lemma_.lower() == "percent"
            found += amount_owners([pobj], depth + 1) if inner else [pobj]
    return found


def amount_sources(verb: Token, patients: list[Token]) -> list[Token]:
    """What a verb's amount object is taken off ("chopped 150 basis points off interest rates" -> rates); none
    without an amount object ("cut the ribbon off the box" has none).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The bank knocked half a point off its key rate.")
    >>> [t.text for t in amount_sources(doc[2], [doc[5]])]
    ['rate']
    """
    if not any(p.dep_ == "dobj" and _is_amount(p) for p in patients):
        return []
    return [pobj for _, pobj in prep_objects(verb, word_set("amount_source_preps"))]


def _is_amount(noun: Token) -> bool:
    """A number, a measured entity or a noun counted by a number ("150 basis points", "half a point")."""
    return noun.like_num or noun.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or any(
        c.dep_ in ("nummod", "predet", "quantmod") and (c.like_num or c.tag_ == "PDT") for c in noun.children)


def passive_agents(verb: Token) -> list[Token]:
    return [pobj for child in verb.children if child.dep_ == "agent" for pobj in child.children if pobj.dep_ == "pobj"]


def prep_objects(head: Token, preps: frozenset[str]) -> list[tuple[str, Token]]:
    return [(child.lower_, pobj) for child in head.children if child.dep_ == "prep" and child.lower_ in preps
            for pobj in child.children if pobj.dep_ == "pobj"]
