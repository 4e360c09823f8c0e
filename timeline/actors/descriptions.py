"""Lower-case descriptions of a state or an office holder that refer back to one named actor.

"the government" (or "government forces") is the article's country when it names exactly one country
(``sole_country_nouns`` in nouns.yaml); "the judge" is the one person named before with "Judge" right before
the name (``person_descriptions``). With two candidates neither is guessed.

>>> from timeline.nlp import load_nlp
>>> from timeline.actors.resolver import DocumentActors
>>> doc = load_nlp()("Kenya's president spoke. The government said it would act.")
>>> DocumentActors.from_doc(doc).resolve(doc[6:7])
Actor(name='Kenya', type='country')
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import CONTEXT, Mention, royal_name


def _definite(token: Token, lex: NounLexicon) -> bool:
    """True for "the <noun>" with no possessor, number, name or region's word before it ("the government", "the
    new government"; not "Kenya's government", "the Apple board", "the regional government")."""
    lefts = list(token.lefts)
    return bool(lefts) and lefts[0].lower_ == "the" and not any(
        c.dep_ in ("poss", "nummod") or c.pos_ == "PROPN" or c.ent_type_ or c.lower_ in lex.subnational_modifiers
        for c in lefts)


def _named_by_of(token: Token) -> bool:
    """True when an "of" phrase says whose it is ("the government of the state of Odisha")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights)


def _state_modifier(token: Token, lex: NounLexicon) -> bool:
    """True for a bare state noun modifying an agent noun: "government forces", "government soldiers"."""
    head = token.head
    return token.dep_ in ("compound", "nmod", "amod") and head.i != token.i and head.i > token.i \
        and not any(c.dep_ in ("det", "poss") for c in token.children) \
        and (head.lemma_.lower() in lex.armed_unit_nouns or head.lower_ in lex.armed_unit_nouns
             or head.lemma_.lower() in lex.person_nouns)


def description_mentions(doc: Doc, mentions: list[Mention], taken: set[int], lex: NounLexicon) -> list[Mention]:
    """New one-token mentions for state and office descriptions that have exactly one antecedent."""
    countries = {m.actor for m in mentions if m.actor is not None and m.actor.type == "country"}
    people = [m for m in mentions if m.actor is not None and m.actor.type == "person" and m.acts]
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for token in doc:
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN"):
            continue
        lower = token.lower_
        if lower in lex.sole_country_nouns and token.pos_ == "NOUN":
            if len(countries) == 1 and not _named_by_of(token) and (_definite(token, lex) or _state_modifier(token, lex)):
                found.append(Mention(token.i, token.i + 1, token.text, "", key="coref",
                                     actor=next(iter(countries)), evidence=CONTEXT))
        elif lower in lex.band_nouns and token.pos_ == "NOUN" and token.i not in by_token:
            bands = {m.actor for m in mentions if m.end <= token.i and m.actor is not None and m.key != "coref"
                     and m.actor.type in ("group", "armed unit") and m.end - m.start > 1
                     and doc[m.end - 1].lower_ == lower}
            if len(bands) == 1 and _definite(token, lex) and not _named_by_of(token):
                found.append(Mention(token.i, token.i + 1, token.text, "", key="coref",  # "the gang" after
                                     actor=next(iter(bands)), evidence=CONTEXT))  # "the Play ransomware gang"
        elif lower in lex.person_descriptions and token.i not in by_token and _office_description(token, lex, by_token):
            key, owner = _office_key(token, lex), _owner(token, by_token)
            titled = [(m, _holder_owner(doc, m, key, lex, by_token)) for m in people]
            if any(held is FORMER for _, held in titled):
                continue  # a former holder is named too: "the judge" may be either
            field = _field_words(token, lex, by_token)  # "the market leader": only a "market leader" named so
            holders = [(m, held) for m, held in titled if held is not False and (
                owner is None or held is None or held == owner)
                and (not field or _title_start(doc, m, lex) > 0 and doc[_title_start(doc, m, lex) - 1].lower_ in field)]
            before = {m.actor for m, _ in holders if m.end <= token.i}
            forward = owner is not None or token.sent.start == 0  # "Somalia's prime minister", a headline
            named = before or ({m.actor for m, _ in holders} if forward else set())
            if len(named) == 1:
                found.append(Mention(token.i, token.i + 1, token.text, "", key="coref",
                                     actor=next(iter(named)), evidence=CONTEXT))
    return found


#: What :func:`_holder_owner` says of a person named as a former holder of the office.
FORMER = "former holder"


def _office_description(token: Token, lex: NounLexicon, by_token: dict[int, Mention]) -> bool:
    """True for a singular office noun that names its holder without a name: "the judge", "the prime minister",
    "Somalia's prime minister", "the East Timor Prime Minister"; not a title before a name ("Prime Minister
    Alkatiri"), "a judge", "the former president", a predicate ("he became the prime minister") or an apposition."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS") or token.dep_ in ("attr", "appos", "compound"):
        return False
    lefts = list(token.lefts)
    if any(c.dep_ == "nummod" or c.lower_ in lex.office_change_words for c in lefts) or _named_by_of(token):
        return False
    if any(c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in token.rights):
        return False  # "the president, Barack Obama": the name is there
    return _definite(token, lex) or bool(lefts) and lefts[0].lower_ not in ("a", "an") and (
        lefts[0].lower_ == "the" or _owner(token, by_token) is not None)


def _office_key(token: Token, lex: NounLexicon) -> tuple[str, ...]:
    """The office's title words, ending in the noun: "prime minister" for "Somalia's prime minister"."""
    words = [c.lower_ for c in token.lefts if c.dep_ in ("amod", "compound") and c.lower_ in lex.titles
             and c.lower_ != "the" and not c.ent_type_]
    return (*words, token.lower_)


def _field_words(token: Token, lex: NounLexicon, by_token: dict[int, Mention]) -> frozenset[str]:
    """The common nouns before an office noun that are no title and no owner: the field of the office ("trade" of
    "Kenya's trade minister", "market" of "the market leader"); a holder must be named with one of them."""
    return frozenset(c.lower_ for c in token.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"
                     and c.lower_ not in lex.titles and not c.ent_type_ and c.i not in by_token)


def _title_start(doc: Doc, mention: Mention, lex: NounLexicon) -> int:
    """The first token of the title words right before a person's name ("Minister" of "Trade Minister Joseph
    Kimotho"); the name's start when there are none."""
    i = mention.start
    while i > 0 and doc[i - 1].lower_ in lex.titles and doc[i - 1].lower_ != "the" and not doc[i - 1].ent_type_ \
            and doc[i - 1].lower_ not in lex.office_change_words:
        i -= 1
    return i


def _owner(token: Token, by_token: dict[int, Mention]) -> object:
    """The actor of a state or company named before an office noun ("Somalia's", "the Somali", "Apple's")."""
    for child in token.lefts:
        for i in range(child.left_edge.i, child.i + 1):
            found = by_token.get(i)
            if found is not None and found.actor is not None and found.actor.type != "person":
                return found.actor
    return None


def _holder_owner(doc: Doc, mention: Mention, key: tuple[str, ...], lex: NounLexicon,
                  by_token: dict[int, Mention]) -> object:
    """False when the person does not hold the office ``key``; else the state or company named with the title
    (None when none is): the title words stand right before the name ("Judge Lance Ito", "the East Timorese Prime
    Minister Mari Alkatiri") or the office is joined to it ("Omar Sharmarke, the prime minister")."""
    i = _title_start(doc, mention, lex)
    own = 1 if royal_name(doc[mention.start:mention.end], lex) else 0  # "King Hussein": the title is in the name
    words = tuple(t.lower_ for t in doc[i:mention.start + own])
    at = [k for k in range(len(words) - len(key) + 1) if words[k:k + len(key)] == key]
    if at and not any(w in lex.person_descriptions for w in words[at[-1] + len(key):]) and (
            at[-1] == 0 or words[at[-1] - 1] not in lex.titles or words[at[-1] - 1] in lex.office_change_words):
        # "Prime Minister Mari Alkatiri", "President Sheikh Sharif Ahmed"; not "Foreign Minister" for "minister"
        if any(t.lower_ in lex.office_change_words for t in doc[max(0, i - 4):i] if t.sent == doc[i].sent):
            return FORMER  # "former President Smith", "former Luzerne County Judge Mark Ciavarella"
        found = by_token.get(i - 1) if i > 0 else None  # the name right before the title: "Trenton Mayor"
        return found.actor if found is not None and found.actor is not None and found.actor.type != "person" else None
    root = doc[mention.start:mention.end].root
    joined = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        joined.append(root.head)
    for noun in joined:
        if noun.tag_ in ("NN", "NNP") and _office_key(noun, lex) == key and noun.dep_ != "pobj" \
                and not any(c.lower_ in lex.office_change_words for c in (*noun.lefts, *root.children)):
            return _owner(noun, by_token)
        if noun.tag_ in ("NN", "NNP") and _office_key(noun, lex) == key and noun.dep_ != "pobj":
            return FORMER  # "Mark Papermaster, formerly an Apple executive"
    return False
