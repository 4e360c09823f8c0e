"""Groups of people as actors: "third party software developers", "iPhone 4 owners", "Apple engineers".

A plural person noun from ``group_nouns`` (nouns.yaml) heads a group when it takes part in an event. The
group is named by its noun phrase without determiners and opinion adjectives, so "the Apple engineers" and
"angry Apple engineers" are one actor; a number or a quantifier that tells one group from another stays
("500 Apple engineers", "many buyers", "some customers" and "other customers" are different groups); "owners of its new iPhone 4" is named the
English way, "iPhone 4 owners". Vague heads ("people", "officials", "members") name a group only with a
named or noun modifier ("Ford workers" yes, "people" no). Sector nouns keep their scope adjectives ("foreign
markets", "global stocks"); only the plural market nouns of ``standalone_sector_nouns`` ("stocks fell") stand alone.
"""
from __future__ import annotations

import re
from typing import Protocol

from spacy.tokens import Token

from timeline.actors.capitals import capitalised_by_position, capitalised_inside_sentence
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import bracket_note, destination, glued_prefix, hyphen_measure, in_dateline, rating_label


class NameOf(Protocol):
    """The name of the mention a token belongs to: as written, or canonical; None when it names nothing."""

    def __call__(self, token: Token, canonical: bool = False) -> str | None: ...  # noqa: E704


#: The actor a police force is named by ("Police arrested a man"; "NSW Police" with its name before it).
POLICE = "Police"
#: Entity labels of a modifier that names a police force ("NSW Police", "Bulgarian police", "Blacktown police").
_FORCE_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC"})
#: Dependency labels of left modifiers that belong to a group's name ("software" in "software developers").
_NAME_DEPS = frozenset({"compound", "nmod", "amod", "poss"})
#: spaCy entity labels of a name kept capitalised at a sentence start ("Syrian", not the ORDINAL "Third").
_NAME_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})
#: Left modifiers dropped from a group's name ("the", "500", "many", "their").
_DROPPED_DEPS = frozenset({"det", "nummod", "quantmod", "predet", "punct", "case", "advmod"})


def _modifier_words(child: Token, named: NameOf, scopes: frozenset[str] = frozenset()) -> list[str]:
    """The words a left modifier adds to a group name ([] to drop it): names as the article writes them.
    ``scopes`` are the adjectives kept before a sector noun ("foreign markets", "global stocks")."""
    if child.dep_ in _DROPPED_DEPS or child.pos_ in ("DET", "NUM", "PRON") or child.tag_ == "CD":
        return []
    if child.dep_ not in _NAME_DEPS or not any(ch.isalnum() for ch in child.text):
        return []  # a hyphen the parser hangs on the noun ("pro-Russia rebels" in a headline): no word of a name
    lex = NounLexicon.load()
    if rating_label(child.doc[child.left_edge.i:child.right_edge.i + 1], lex) or glued_prefix(child, lex) \
            or hyphen_measure(child) or destination(child, lex):  # "Grade 2 students", "anti-Trump protesters", "10-year-old students":
        return []  # a rating, a stance or a measure, no name of the group
    if named(child) is None:
        if child.dep_ == "poss":
            return []
        if child.dep_ == "amod" and not (child.ent_type_ in ("NORP", "GPE", "ORG") or child.pos_ == "PROPN"
                                         or child.lower_ in scopes):
            return []  # "angry investors", "many buyers", "new users": the group is the same
    words: list[str] = []
    for t in child.subtree:  # "third party software", "UK iTunes" (each name once, as written)
        if t.dep_ in _DROPPED_DEPS or t.pos_ in ("DET", "PUNCT", "PRON") or t.tag_ in ("POS", "CD") \
                or t.dep_ == "poss" and named(t) is None or bracket_note(t) \
                or t.is_sent_start and t.text.isupper() and len(t) > 4 \
                or in_dateline(t):  # a dateline "HONIARA (Reuters) -", "TOKYO, June 24 Japanese stocks fell"
            continue
        name = named(t)
        if name is not None:
            name = _without_legal_suffix(name)  # "Boeing Co. machinists" are the "Boeing machinists" of the headline
            if not words or words[-1] != name:
                words.append(name)
        elif t.is_sent_start and t.text[1:].islower() and (t.ent_type_ not in _NAME_LABELS or capitalised_by_position(t)) \
                and not capitalised_inside_sentence(t):  # "Rescue workers" (spaCy: ORG) -> "rescue workers"
            words.append(t.lower_)
        else:
            words.append(t.text)
    return words


def _without_legal_suffix(name: str) -> str:
    """A company name without its trailing company-form words (``legal_suffixes``): "Boeing Co." -> "Boeing";
    a name that is nothing else stays."""
    words = name.split()
    suffixes = NounLexicon.load().legal_suffixes
    while len(words) > 1 and words[-1].lower().strip(".,") in suffixes:
        words.pop()
    return " ".join(words).rstrip(",")


def group_name(token: Token, lex: NounLexicon, named: NameOf) -> str | None:
    """The name of the group a plural person noun heads, or None.

    ``named(token, canonical)`` names the mention a modifier belongs to (as written, or its actor's name).

    >>> from timeline.nlp import load_nlp
    >>> lex = NounLexicon.load()
    >>> doc = load_nlp()("Many third party software developers and 3,800 people came.")
    >>> group_name(doc[4], lex, lambda t, canonical=False: None), group_name(doc[8], lex, lambda t, canonical=False: None)
    ('many third party software developers', None)
    """
    if token.lower_ in lex.armed_unit_nouns or token.lemma_.lower() in lex.armed_unit_nouns:
        return None  # troops and forces belong to their state ("Russian forces" -> Russia), see resolver
    police = _police_name(token, lex, named)
    if police is not None:
        return police
    phrase = indicator_phrase(token, lex)
    indicator = token.lower_ in lex.indicator_nouns and token.pos_ == "NOUN" and token.lower_ not in lex.sector_nouns \
        or bool(phrase)
    if indicator and any(c.dep_ == "poss" and (c.pos_ in ("PRON", "PROPN") or named(c) is not None)
                         and not _own_object(token, c) and not (phrase and lex.definite_descriptions.get(c.lower_) == "country")
                         for c in token.children):
        return None  # "India's trade deficit", "its revenue growth": the owner takes part (see the resolver);
        # "the nation's gross domestic product" is the national measure itself
    if indicator and any(c.dep_ in ("compound", "nmod") and named(c) is not None and c.ent_type_ not in ("GPE", "NORP", "LOC")
                         for c in token.lefts):
        return None  # "the iPhone 4 return rate", "Apple revenue": the named product or company takes part
    sector = token.lower_ in lex.sector_nouns or indicator
    if indicator and token.dep_ == "pobj" and token.head.lower_ in lex.sector_object_preps \
            and token.head.head.pos_ == "NOUN":
        return None  # "an embargo on Russian gas imports", "revenue from oil exports": what a measure aims at
        # (a sector stays: "the impact on the music industry", "demand from the auto sector" name who takes part)
    if not token.is_alpha or not sector and (token.lower_ not in lex.group_nouns or token.tag_ not in ("NNS", "NNPS")):
        return None
    words: list[str] = []
    scopes = lex.market_scopes if sector else frozenset()
    for child in token.lefts:
        if sector and child.dep_ == "poss" and child.pos_ != "PROPN":
            continue  # "the country's unemployment rate", "the nation's economy": whose it is, no name of it
        added = _modifier_words(child, named, scopes)
        if sector and token.text.istitle() and child.pos_ == "NOUN" and not child.ent_type_:
            added = [w.lower() for w in added]  # a title-case headline: "Unemployment Rate Falls" -> unemployment rate
        words += added
    if sector and token.tag_ == "NN" and token.lower_ in lex.metric_nouns \
            and (any(c.dep_ == "poss" for c in token.children) or all(w.lower() in lex.metric_nouns for w in words)):
        return None  # "the search leader's stock price", "the closing stock price": one company's, no market
    if phrase:
        words = phrase  # "the nation's gross domestic product": the measure's own words, no scope or owner
    owner = _of_owner(token, lex, named)
    if owner and not words:
        words = [owner]
    if not words and (sector and token.lower_ not in lex.standalone_sector_nouns
                      or not sector and token.lower_ in lex.vague_group_nouns):
        return None
    if not words and sector and any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in token.lefts):
        return None  # "issued 300 million shares": a number of units, an amount and no market
    if not words and token.lower_ in lex.bare_sector_nouns and any(True for _ in token.lefts):
        return None  # "the shares", "his shares", "new shares": one company's, not the market
    if not words and token.lower_ in lex.stock_nouns and any(c.dep_ in ("det", "predet") for c in token.lefts):
        return None  # "both stocks", "these stocks", "the stocks": stocks named before, not the market
    head = token.text.lower() if token.text[1:].islower() else token.text
    quantity = group_quantity(token, lex) if not sector else None
    text = " ".join(([quantity] if quantity else []) + words + [head])
    text = re.sub(r"\s*([-/])\s*", r"\1", text)
    return re.sub(r"\s+", " ", text).strip() or None


def indicator_phrase(token: Token, lex: NounLexicon) -> list[str]:
    """The lower-case modifier words that make a noun a measure of ``indicator_phrases`` ("gross domestic" before
    "product"), or [] when the noun and the modifiers right before it are none.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The nation's gross domestic product declined. The domestic product sold.")
    >>> indicator_phrase(doc[5], NounLexicon.load()), indicator_phrase(doc[10], NounLexicon.load())
    (['gross', 'domestic'], [])
    """
    words: list[str] = []
    i = token.i - 1
    while i >= 0 and token.doc[i].head == token and token.doc[i].dep_ in ("amod", "compound", "nmod") \
            or i >= 0 and token.doc[i].dep_ in ("amod", "compound") and token.doc[i].head.i == i + 1:
        words.insert(0, token.doc[i].lower_)
        i -= 1
    for start in range(len(words)):
        if " ".join(words[start:] + [token.lower_]) in lex.indicator_phrases:
            return words[start:]
    return []


def _own_object(token: Token, possessor: Token) -> bool:
    """Whether an indicator noun is the object its own owner acts on: a possessive pronoun on the direct object
    of a verb with a subject ("the Fed cut its discount rate", "the bank slashed its key lending rate"): the owner
    is already the agent, and the measure it moves is the theme. A named possessor ("cut India's rate") or a
    subject ("its revenue growth slowed") keeps the owner.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Fed also cut its discount rate. Apple said its revenue growth slowed.")
    >>> _own_object(doc[6], doc[4]), _own_object(doc[12], doc[10])
    (True, False)
    """
    return possessor.pos_ == "PRON" and token.dep_ == "dobj" \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.head.children)


def group_quantity(token: Token, lex: NounLexicon) -> str | None:
    """The words before a group of people that tell it from another group of that noun, lower case: a quantifier
    of ``group_quantifiers`` ("many buyers", "some customers", "other retailers", "a few analysts") or a number
    without its approximator ("over 1,200 investors" -> 1,200; "all 500 workers" -> all 500); None for a bare or
    definite group, a share ("one in ten voters", "one out of every 200 customers"), "both" before "and" and
    the vague nouns (``vague_group_nouns``: "two Israeli soldiers" stay Israeli soldiers, as "33 Israelis" do).

    >>> from timeline.nlp import load_nlp
    >>> lex = NounLexicon.load()
    >>> [group_quantity(load_nlp()(s)[i], lex) for s, i in (("Many buyers waited.", 1), ("There were 3,800 attendees.", 3),
    ...  ("All 500 workers went on strike.", 2), ("The buyers waited.", 1), ("One in ten voters abstained.", 3),
    ...  ("Refunds to iPhone 4 owners.", 4), ("Thirty-five passengers were hurt.", 3))]
    ['many', '3,800', 'all 500', None, None, None, 'thirty-five']
    """
    if token.tag_ not in ("NNS", "NNPS") or token.lower_ not in lex.group_nouns or token.lower_ in lex.sector_nouns \
            or token.lower_ in lex.vague_group_nouns:
        return None  # "two Israeli soldiers", "three officials": counts of victims or sources, one group to filter by
    if any(c.lower_ in lex.ratio_words for c in token.lefts) or token.dep_ == "pobj" \
            and token.head.lower_ in lex.ratio_words and token.head.head.like_num:
        return None  # "every 200 customers", "one of the 200 workers": a share of the group
    words: list[str] = []
    every = False
    for child in token.lefts:
        if child.lower_ in lex.group_quantifiers and child.dep_ in ("det", "amod", "nummod", "quantmod", "predet"):
            if child.lower_ == "both" and any(c.dep_ == "conj" for c in token.rights):
                continue  # "both consumers and the media": no group of its own
            words += [t.lower_ for t in child.lefts if t.lower_ == "a"] + [child.lower_]  # "a few analysts"
        elif child.lower_ == "all" and child.dep_ in ("det", "predet"):
            every = True
        elif child.dep_ == "nummod" and child.tag_ == "CD":
            before = child.doc[child.left_edge.i - 1] if child.left_edge.i > token.left_edge.i else None
            if before is not None and before.pos_ in ("PROPN", "NOUN", "NUM"):
                continue  # a model number: "iPhone 4 owners", "Boeing 737 pilots"
            parts = list(child.subtree)
            if any(t.lower_ in lex.ratio_words for t in parts):
                return None  # "one in ten voters"
            numbers = [t.i for t in parts if t.tag_ == "CD"]  # "76-90", "Thirty-five", "1.2 million"; not "about"
            words.append(child.doc[min(numbers):max(numbers) + 1].text.lower())
    if every and words and words[-1][:1].isdigit():
        words.insert(0, "all")
    return " ".join(words) or None


def _police_name(token: Token, lex: NounLexicon, named: NameOf) -> str | None:
    """A police force: "Police" for bare "police" or "detectives" (``police_nouns``) and for "police officers"
    (``police_member_nouns`` after "police"); the force's name with a name or place before it ("NSW Police",
    "Blacktown police" -> "Blacktown Police"); None for other nouns ("officers" alone may be an army's).

    >>> from timeline.nlp import load_nlp
    >>> nlp, lex, none = load_nlp(), NounLexicon.load(), lambda t, canonical=False: None
    >>> [_police_name(nlp(s)[i], lex, none) for s, i in (("Police arrested a man.", 0), ("NSW Police arrested him.", 1),
    ...  ("Then police officers met.", 2), ("Officers met.", 0), ("Riot police fired.", 1),
    ...  ("Wilmington police arrested a 28-year-old man.", 1))]
    ['Police', 'NSW Police', 'Police', None, 'Police', 'Wilmington Police']
    """
    if not token.is_alpha or token.tag_ not in ("NNS", "NNPS", "NN", "NNP"):
        return None
    force = token.lower_ in lex.police_nouns
    member = token.lower_ in lex.police_member_nouns and any(
        c.dep_ == "compound" and c.lower_ in lex.police_nouns for c in token.lefts)
    if not force and not member:
        return None
    words = [] if member else [w for child in token.lefts if child.lower_ not in lex.police_kind_words and (
        child.ent_type_ in _FORCE_LABELS
        or child.ent_type_ == "PERSON" and child.dep_ == "compound"  # a town taken for a surname: "Wilmington police"
        or child.pos_ == "PROPN" and not capitalised_by_position(child)
        and not (child.is_sent_start and child.text[1:].islower() and token.text.islower()))
        for w in _modifier_words(child, named)]
    return " ".join(words + [POLICE])  # "riot police", "local police": Police


#: Entity labels of places and nationalities: a modifier with one says where a group's owners are, never who.
_PLACE_ENTITIES = frozenset({"GPE", "NORP", "LOC"})


def _of_owner(token: Token, lex: NounLexicon, named: NameOf) -> str | None:
    """"owners of its new iPhone 4" -> "iPhone 4": the named thing the group belongs to; "shares of U.S. airlines"
    -> None (the airlines own them, no country)."""
    for prep in token.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            name = named(pobj, canonical=True)
            if name is None:  # "owners of its new iPhone 4 a free case" (a broken parse): the named modifier;
                name = next((named(t, canonical=True) for t in pobj.lefts if t.dep_ in ("nmod", "compound")
                             and t.ent_type_ not in _PLACE_ENTITIES and named(t, canonical=True) is not None), None)
                # a place only says where the owners are: "Shares of U.S. airlines" are no United States shares
            return name
    return None
