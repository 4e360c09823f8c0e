"""Things given, offered or provided as participants ("Apple will offer a free case to anyone": the free case),
and goods that are none ("by vehicle sales": no vehicle takes part).

The object of a giving verb (``giving_verbs`` in data/actors/nouns.yaml) takes part, named as the text writes it
without articles, possessives or numbers; an abstract object (``abstract_given_nouns``: "a response", "support")
does not, unless a noun is compounded before it ("internet access"). spaCy often hangs the second object of "give
X Y" on an "of" phrase of the first ("give owners of its new iPhone 4 a free case": "case" under "of" with two
determiners, "its" and "a"); the thing is then the words after the second determiner.
"""
from __future__ import annotations

from spacy.tokens import Token

from timeline.actors.lexicon import NounLexicon
from timeline.events.taxonomy import EventTaxonomy

#: Left modifiers that end the words before a thing's name (articles, possessives).
_DETERMINERS = frozenset({"det", "poss", "predet"})
#: Entity labels of amounts, never a thing given ("177,000 dollars").
_AMOUNT_ENTITIES = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})
#: Left modifiers that may belong to the name ("free", "internet").
_NAME_DEPS = frozenset({"amod", "compound", "nmod"})


def given_objects(verb: Token, lex: NounLexicon | None = None) -> list[Token]:
    """The common nouns a giving verb hands over: its direct objects and a second object misparsed under "of".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple will give owners of its new iPhone 4 a free case.")
    >>> given_objects(doc[2])
    [case]
    >>> given_objects(load_nlp()("Apple will offer a free case to anyone.")[2])
    [case]
    >>> given_objects(load_nlp()("Apple will sell a free case.")[2])
    []
    """
    lex = lex or NounLexicon.load()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.giving_verbs:
        return []
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ != "dobj" or child.pos_ != "NOUN":
            continue
        misattached = [pobj for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN"
                       and _second_determiner(pobj) is not None]
        found += misattached or [child]  # "owners of its iPhone a free case": the case, the owners receive it
    return found


def given_name(noun: Token, lex: NounLexicon | None = None) -> str | None:
    """The name of a given thing ("free case", "internet access"), or None for an abstract object or an event.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple will give owners of its new iPhone 4 a free case and provide internet access.")
    >>> given_name(doc[11]), given_name(doc[15])
    ('free case', 'internet access')
    >>> doc = load_nlp()("He offered his support and gave no details.")
    >>> given_name(doc[3]), given_name(doc[8])
    (None, None)
    """
    lex = lex or NounLexicon.load()
    lemma = noun.lemma_.lower()
    forms = {lemma, noun.lower_}
    if noun.pos_ != "NOUN" or not noun.is_alpha or any(forms & words for words in (
            lex.person_nouns, lex.group_nouns, lex.band_nouns, lex.armed_unit_nouns, lex.organisation_nouns,
            lex.company_nouns, lex.partitive_nouns, lex.quantifiers, lex.natural_matter_nouns)) or EventTaxonomy.load().noun_type(lemma) is not None:
        return None  # "gave a press conference": an event; "send troops", "hundreds of troops": people; "sending
        # muddy water into large areas": weather matter, no thing handed over
    lefts = list(noun.lefts)
    if noun.ent_type_ in _AMOUNT_ENTITIES or any(c.dep_ == "nummod" or c.like_num or c.tag_ == "$" for c in lefts) \
            or any(lemma.endswith(suffix) for suffix in lex.abstract_suffixes):
        return None  # "gave him 177,000 dollars": an amount; "a possibility", "an expansion": abstract
    if forms & lex.abstract_given_nouns and not any(c.dep_ == "compound" and c.pos_ == "NOUN"  # "real-time
                                                    and c.lemma_.lower() not in lex.abstract_given_nouns for c in lefts):  # updates"
        return None
    start = _second_determiner(noun)
    words: list[Token] = []
    for child in lefts:
        if start is not None and child.i <= start.i or child.dep_ not in _NAME_DEPS \
                or child.lower_ in lex.quantifiers or child.tag_ in ("JJR", "JJS", "CD"):
            continue  # "its new iPhone 4 a free case": only "free"; "more cases": no name word
        words += [t for t in child.subtree if t.is_alpha and t.dep_ not in _DETERMINERS  # "an in-flight wi-fi",
                  and t.lower_ not in lex.quantifiers]  # "a more accurate roll call"
    words.append(noun)
    return " ".join(t.lower_ if t.is_sent_start and t.pos_ != "PROPN" else t.text for t in words)  # "a Bulgarian
    # communications satellite" keeps its capital


def category_before_figure(modifier: Token, noun: Token, event_type: str, lex: NounLexicon | None = None) -> bool:
    """True for a common noun compounded before a sale figure ("by vehicle sales", "car sales"): a kind of goods,
    no party that sells or buys (a commodity keeps its part, "oil sales"; "sales of light trucks" names its goods
    in a phrase of their own and keeps them).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It is the third-largest automaker by vehicle sales. GM sales rose.")
    >>> category_before_figure(doc[8], doc[9], "sale/purchase"), category_before_figure(doc[11], doc[12], "sale/purchase")
    (True, False)
    """
    lex = lex or NounLexicon.load()
    return event_type == "sale/purchase" and modifier.dep_ == "compound" and modifier.pos_ == "NOUN" \
        and noun.lemma_.lower() in lex.metric_nouns and modifier.lemma_.lower() not in lex.commodity_nouns


def _second_determiner(noun: Token) -> Token | None:
    """The later of two determiners on one noun ("its new iPhone 4 a free case": "a"), the mark of a misparsed
    second object, else None."""
    marks = [c for c in noun.lefts if c.dep_ in _DETERMINERS]
    if len(marks) < 2 or marks[-1].lower_ not in ("a", "an") or marks[-1].i - marks[-2].i < 2:
        return None  # "the spacecraft's supersonic descent": one possessed thing, no second object
    return marks[-1]
