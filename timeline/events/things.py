"""Things as participants: a common noun from ``thing_nouns`` (data/actors/nouns.yaml) that an event is about.

"Jobs resigned in a letter", "Apple will sell full-length feature films", "Steve Jobs announced in an internal
memo": the letter, the films and the memo take part although no name says so. A thing is named by its head
and the nouns compounded with it when a determiner or possessive makes it one particular thing ("an internal
memo" -> "memo", "their phone lines" -> "phone lines"), and by the whole phrase without numbers when it names
a kind ("flash memory", "digital music tracks", "4 billion songs" -> "songs").
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from timeline.actors.dictionary import ActorDictionary
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import destination, hyphen_measure
from timeline.nlp import doc_text
from timeline.truecase import title_case_line

#: Left modifiers that never belong to a thing's name (articles, possessives, numbers, quantifiers).
_DROPPED_DEPS = frozenset({"det", "poss", "case", "nummod", "quantmod", "predet", "punct", "advmod", "prep"})
#: Left modifiers that make the phrase one particular thing ("the", "a", "its", "Apple's").
_PARTICULAR_DEPS = frozenset({"det", "poss"})


def is_thing(token: Token, lex: NounLexicon | None = None) -> bool:
    """True for a common noun that heads a thing phrase ("letter", "songs", "memo").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Jobs resigned in a letter.")
    >>> is_thing(doc[4]), is_thing(doc[1])
    (True, False)
    """
    lex = lex or NounLexicon.load()
    return token.pos_ == "NOUN" and (token.lemma_.lower() in lex.thing_nouns or token.lower_ in lex.thing_nouns)


def procedure_act(token: Token, lex: NounLexicon | None = None) -> bool:
    """True for a thing noun of the filing kind with a legal procedure's word (``procedure_words``) before it: the
    phrase names the act of going into the procedure, no thing taking part ("filed its Chapter 11 petition", "the
    bankruptcy filing sent shock waves"; not "a regulatory filing", "a petition to the court").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The bankruptcy filing shocked them. He read a regulatory filing.")
    >>> procedure_act(doc[2]), procedure_act(doc[10])
    (True, False)
    """
    lex = lex or NounLexicon.load()
    if not is_thing(token, lex):
        return False
    return any(w.lower_ in lex.procedure_words for left in token.lefts if left.dep_ in ("compound", "amod", "nmod")
               for w in left.subtree)


def in_headline(token: Token) -> bool:
    """True in an article's first sentence when it ends without a full stop: a headline, which drops articles
    ("Small plane crashes in Hawaii" names the plane of "A small plane crashed"). By the parse's first sentence
    and its end, whatever its capitals: not the title-case line test of ``actors.missed_names`` nor the title
    line (a sentence of its own line, anywhere) of ``events.dedup``."""
    sentence = token.sent
    words = [t for t in sentence if not t.is_space]
    return sentence.start == 0 and bool(words) and words[-1].text not in (".", "!", "?", '"', "'")


def _title_case_headline(token: Token) -> bool:
    """True for a word of a title-case headline, whose capital says nothing of a common noun ("Watch the Plane Wars
    in Paris": the thing is a plane).

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> _title_case_headline(nlp("Watch the Plane Wars in Paris")[2]), _title_case_headline(nlp("Plane wars go on")[0])
    (True, False)
    """
    return in_headline(token) and title_case_line(doc_text(token.doc), token.idx, 3)


def thing_name(token: Token, lex: NounLexicon | None = None) -> str | None:
    """The name of the thing a common noun from ``thing_nouns`` heads, or None for any other word.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He announced in an internal memo that the players use flash memory.")
    >>> thing_name(doc[5]), thing_name(doc[11]), thing_name(doc[0])
    ('memo', 'flash memory', None)
    >>> thing_name(load_nlp()("Small plane crashes in Hawaii")[1])
    'plane'
    """
    lex = lex or NounLexicon.load()
    if not is_thing(token, lex):
        return None
    return _phrase_name(token, lex)


def carried_off(token: Token, lex: NounLexicon | None = None) -> bool:
    """True for a noun that is the passive subject or the object of a verb of floodwater, mud or wind
    (``carried_off_verbs``): a thing lost, no participant ("their car was swept away", "floods washed away cars").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Their car was swept away. GM recalled the cars.")
    >>> carried_off(doc[1]), carried_off(doc[9])
    (True, False)
    """
    lex = lex or NounLexicon.load()
    verb = token.head
    if token.dep_ not in ("nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.lemma_.lower() in lex.carried_off_verbs or verb.lower_ in lex.carried_off_verbs


def accident_vehicle(subject: Token, verb: Token, lex: NounLexicon | None = None) -> Token | None:
    """The vehicle noun (``vehicle_nouns``) that is the subject of an accident verb (``accident_verbs``), through a
    relative pronoun too ("the duck boat that sank"), else None: the vehicle is the accident's actor.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A train derailed. The boat that sank was raised. Shares sank. He left after a small boat capsized Friday.")
    >>> accident_vehicle(doc[1], doc[2]), accident_vehicle(doc[6], doc[7]), accident_vehicle(doc[11], doc[12])
    (train, boat, None)
    >>> accident_vehicle(doc[5], doc[7]), accident_vehicle(doc[19], doc[20])
    (boat, boat)
    """
    lex = lex or NounLexicon.load()
    if verb.lemma_.lower() not in lex.accident_verbs and verb.lower_ not in lex.accident_verbs:
        return None
    if not (subject.dep_ == "nsubj" and subject.head == verb or verb.dep_ in ("acl", "relcl") and subject == verb.head):
        return None  # "after a small boat capsized Friday", parsed as a reduced relative: the boat capsized
    if subject.pos_ == "PRON" and subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subject = verb.head  # "the duck boat that sank"
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in lex.vehicle_nouns and subject.lower_ not in lex.vehicle_nouns:
        return None
    return subject


def kind_before_event(modifier: Token, noun: Token, event_type: str, lex: NounLexicon | None = None) -> bool:
    """True for a bare lower-case thing noun (``thing_nouns``) compounded before an event noun that only says what
    kind of event it is, no participant: before an occasion (``occasion_nouns``: "a special music event"), before
    an event noun its apposition names ("The software update, iPod Software 1.1.1,": the name takes part), and a
    vehicle before an attack, its weapon ("a car bombing"). A vehicle before an accident stays ("a plane crash"),
    so does the theme of other event nouns ("a trademark dispute", "an email announcement": MEANTIME marks them
    participants), a plural ("a teachers strike") and a noun with words of its own other than an adjective the
    parse hangs on it ("iPhone 4 antenna issues").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple held a music event. A car bombing killed 10. A plane crash killed 40.")
    >>> kind_before_event(doc[3], doc[4], "meeting"), kind_before_event(doc[7], doc[8], "attack")
    (True, True)
    >>> kind_before_event(doc[13], doc[14], "disaster")
    False
    """
    lex = lex or NounLexicon.load()
    if modifier.dep_ != "compound" or modifier.pos_ != "NOUN" or modifier.tag_ != "NN" or modifier.i >= noun.i \
            or any(c.dep_ != "amod" or c.pos_ != "ADJ" for c in modifier.children) or not is_thing(modifier, lex):
        return False
    if not (modifier.text.islower() or modifier.is_sent_start and modifier.text[1:].islower()):
        return False  # "iPod sales": a name written with a small letter
    if noun.lemma_.lower() in lex.occasion_nouns or noun.lower_ in lex.occasion_nouns:
        return True
    if any(c.dep_ == "appos" and any(w.pos_ == "PROPN" for w in c.subtree) for c in noun.children):
        return True
    vehicle = modifier.lemma_.lower() in lex.vehicle_nouns or modifier.lower_ in lex.vehicle_nouns
    return vehicle and event_type == "attack"


def vehicle_name(token: Token, lex: NounLexicon | None = None) -> str:
    """A vehicle's name as the text writes it, without its article, numbers or a nationality word ("an Indian
    express train" -> "express train", "the duck boat" -> "duck boat", "a small boat" -> "boat").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("An Indian express train derailed and the duck boat sank.")
    >>> vehicle_name(doc[3]), vehicle_name(doc[8]), vehicle_name(load_nlp()("Indian trains derailed.")[1])
    ('express train', 'duck boat', 'trains')
    """
    lex = lex or NounLexicon.load()
    name = _phrase_name(token, lex) or token.lower_
    demonyms = [c for c in token.lefts if c.dep_ == "amod" and ActorDictionary.load().demonym(c.text) is not None]
    for word in demonyms:  # "Indian trains derailed": trains, the country is no part of the vehicle's name
        name = re.sub(rf"^{re.escape(word.text)}\s+", "", name, flags=re.IGNORECASE)
    return name


def _phrase_name(token: Token, lex: NounLexicon) -> str | None:
    """The name of the thing phrase ``token`` heads (see ``thing_name``)."""
    lefts = [t for t in token.lefts]
    if not lefts and token.tag_ == "NN" and token.dep_ == "pobj":
        return None  # "on track", "by email", "apart from music": a manner or idiom, no thing taking part
    dropped: set[int] = set()
    for child in lefts:
        if child.dep_ in _DROPPED_DEPS or child.pos_ in ("DET", "NUM", "PRON", "PUNCT") or child.tag_ in ("VB", "VBP") \
                or child.lower_ in lex.quantifiers or hyphen_measure(child) \
                or destination(child, lex):  # "how much oil", "more planes"
            dropped.update(t.i for t in child.subtree)  # "76-seat regional jets": a measure is no part of the name
    particular = any(c.dep_ in _PARTICULAR_DEPS for c in lefts) or in_headline(token)
    words: list[Token] = []
    for child in lefts:
        if child.i in dropped:
            continue
        if particular and child.dep_ != "compound":
            continue  # "an internal memo": one memo, "internal" only describes it
        words += [t for t in child.subtree if t.i not in dropped and not t.is_punct]
    words.append(token)
    while words and not words[0].is_alpha and words[0] != token:
        words = words[1:]
    words += _of_kind(token)
    text = " ".join(t.text if t.pos_ == "PROPN" or not (t.is_sent_start or _title_case_headline(t)) else t.lower_
                    for t in words)
    return re.sub(r"\s*([-/])\s*", r"\1", text) or None


def _of_kind(token: Token) -> list[Token]:
    """"of" and a bare singular noun after a thing noun, which say what kind of thing it is ("a letter of intent",
    "a letter of resignation"); nothing for "a letter of 200 words" or "the letter of the law".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("IAG signed a letter of intent to buy jets and a letter of the law.")
    >>> [t.text for t in _of_kind(doc[3])], _of_kind(doc[11])
    (['of', 'intent'], [])
    """
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1), None)
    if prep is None:
        return []
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.i != prep.i + 1 or pobj.tag_ != "NN" or not pobj.is_lower \
            or any(c.dep_ not in ("acl", "relcl", "prep", "punct") for c in pobj.children):  # "intent to buy"
        return []
    return [prep, pobj]
