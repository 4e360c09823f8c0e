"""Named things: a phrase with a proper noun or model code that the actor dictionary does not know
("iPod nano", "its first A380"), the words that make a phrase a name, and whether a name is a product.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from timeline.actors.capitals import capitalised_by_position, common_acronym, written_in_lower_case
from timeline.actors.dictionary import ActorDictionary
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import (
    CAMEL,
    HYPHENS,
    destination,
    glued_prefix,
    hyphen_measure,
    hyphen_model,
    hyphen_word,
    rating_label,
    version_end,
)
from timeline.events.roles import phrase
from timeline.function_words import word_set
from timeline.nlp import doc_text
from timeline.reading_spaces import spacing
from timeline.truecase import title_case_line

_ANY_NOUN = False
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC", "FAC"})
#: A model number kept before a name ("Boeing's 787 Dreamliner" -> "787 Dreamliner"), not a year.
_MODEL_NUMBER = re.compile(r"(?!(?:1[89]|20)\d\d$)[A-Z]{0,2}\d{3,4}[A-Za-z]{0,2}")
#: A model code of letters and digits ("A380", "A320neo", "F-150"), a name even when tagged a number.
_MODEL_CODE = re.compile(r"[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,3}")
#: Place names kept inside a named thing when they modify its head ("UK iTunes prices").
#: A fiscal period written as a code ("2Q", "Q3", "3Q08", "1H", "H1", "FY2008"): a date, never a name.
_PERIOD_CODE = re.compile(r"(?:[1-4]Q|Q[1-4]|[12]H|H[12])(?:\d{2}|\d{4})?|FY\d{2,4}", re.IGNORECASE)
_PLACE_MODIFIERS = frozenset({"GPE", "LOC"})


def looks_like_product(name: str, token: Token) -> bool:
    """True when a named thing is a product or thing, not some other name the dictionary lacks: a thing noun or
    product head ("memo", "Mac OS X Lion operating system"), a model number or camel-case word ("A380",
    "iTunes App Store") or a model word ("MacBook Pro"); "Spotlight" or "Orion" alone get no type.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Airbus delivered its first A380 to Underwood.")
    >>> looks_like_product("A380", doc[4]), looks_like_product("Underwood", doc[6])
    (True, False)
    """
    lex = NounLexicon.load()
    lemma = token.lemma_.lower()
    words = name.split()
    return (lemma in lex.thing_nouns or lemma in lex.product_heads or token.lower_ in lex.thing_nouns
            or any(c.isdigit() for c in name) or any(CAMEL.match(w) for w in words)
            or any(w.lower() in lex.product_words for w in words[1:]))


def _is_company(name: str) -> bool:
    """True when the actor dictionary knows the name as a company ("Intel"; not "Apple Macintosh")."""
    actor = ActorDictionary.load().lookup(name, entity_label="ORG")
    return actor is not None and actor.type == "company"


def name_word(token: Token) -> bool:
    """A word that makes a phrase a name: a capitalised proper noun, a capitalised noun inside a sentence that is
    no title-case headline ("50 787 Dreamliners"), or a model code of letters and digits ("its first A380").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Airbus delivered its first A380 to the airline.")
    >>> [t.text for t in doc if name_word(t)]
    ['Airbus', 'A380']
    >>> [t.text for t in load_nlp()("Five Killed In Mumbai Plane Crash. A plane crashed.") if name_word(t)]
    ['Mumbai']
    """
    if _PERIOD_CODE.fullmatch(token.text):
        return False  # "a $15.5 billion 2Q loss": the second quarter
    if _MODEL_CODE.fullmatch(token.text):
        return True
    if common_acronym(token) or capitalised_by_position(token):
        return False
    if token.pos_ == "PROPN" and not token.is_lower:  # in a title-case headline, not a word the text writes lower
        return not _title_case(token.sent) and not _title_line(token) or any(c.isupper() for c in token.text[1:]) \
            or not written_in_lower_case(token)
    return token.pos_ == "NOUN" and token.text[:1].isupper() and not token.text.isupper() \
        and token.ent_type_ not in _NOT_NAMES and not token.is_sent_start and not _title_case(token.sent)


def _title_case(sentence: Span) -> bool:
    """True for a headline in title case ("Apple Unveils New Laptops"), where capitals say nothing."""
    words = [t for t in sentence if t.is_alpha and len(t) >= 4]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _title_line(token: Token) -> bool:
    """True in a title-case headline line ("Opponents Are Unable to Block Controversial British Brexit Law"),
    even when the parse runs the headline into the first sentence of the body.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Opponents Are Unable to Block Controversial Brexit Law\\nThe law passed.")
    >>> _title_line(doc[6]), _title_line(doc[10])
    (True, False)
    """
    return title_case_line(doc_text(token.doc), token.idx, 3)


def _headline_word(token: Token) -> bool:
    """A capitalised word of a title-case headline that names nothing itself: a word the text writes in lower
    case ("Law" of "Brexit law") or a describing word ("Controversial", "British" before a name)."""
    if token.is_lower or not _title_line(token) or any(c.isupper() for c in token.text[1:]):
        return False
    if token.pos_ == "ADJ" or ActorDictionary.load().demonym(token.text) is not None:
        return True
    return token.pos_ in ("NOUN", "PROPN") and token.lower_ in _lower_case_nouns(token.doc)


_LOWER_NOUNS_KEY = "timeline.lower_case_nouns"


def _lower_case_nouns(doc: Doc) -> frozenset[str]:
    """The words and lemmas of the nouns the text writes in lower case, gathered once per document and kept in
    ``doc.user_data`` (as :func:`timeline.nlp.entity_of` does), not scanned again for each headline word.

    >>> from timeline.nlp import load_nlp
    >>> sorted(_lower_case_nouns(load_nlp()("Brexit Law Passes\\nThe laws passed.")))
    ['law', 'laws']
    """
    cached = doc.user_data.get(_LOWER_NOUNS_KEY)
    if isinstance(cached, tuple) and cached[0] == len(doc):  # a retokenised text is gathered again
        words: frozenset[str] = cached[1]
        return words
    words = frozenset(w for t in doc if t.is_lower and t.pos_ == "NOUN" for w in (t.lower_, t.lemma_))
    doc.user_data[_LOWER_NOUNS_KEY] = (len(doc), words)
    return words


def _joining_hyphen(token: Token) -> bool:
    """A hyphen written inside a word ("Russian-backed", "Goa-based"): it stays in a name, which the tokenizer
    splits around it.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Russian-backed rebels - and others")
    >>> [_joining_hyphen(t) for t in doc if t.text == "-"]
    [True, False]
    """
    return token.text in HYPHENS and not spacing(token) and token.i > 0 \
        and not spacing(token.doc[token.i - 1]) and token.i + 1 < len(token.doc)


def _in_rating(token: Token, lex: NounLexicon) -> bool:
    """The word is part of a rating on a scale ("Category 4", "EF5"; see :func:`rating_label`).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A Level 3 alert was issued.")
    >>> [t.text for t in doc if _in_rating(t, NounLexicon.load())]
    ['Level', '3']
    """
    doc, i = token.doc, token.i
    return rating_label(doc[i:i + 1], lex) or i + 1 < len(doc) and rating_label(doc[i:i + 2], lex) \
        or i > 0 and rating_label(doc[i - 1:i + 1], lex)


def _rank_marker(token: Token, lex: NounLexicon) -> bool:
    """The word is a rank's "No." (its period too) before the number ("No. 3 Chrysler Group", "its No. 2 spot"):
    part of a rank, no name. The words are the ``ranking_words`` of data/actors/nouns.yaml.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Ford lost its No. 2 spot to Toyota. No cars were sold.")
    >>> [t.text for t in doc if _rank_marker(t, NounLexicon.load())]
    ['No', '.']
    """
    doc, i = token.doc, token.i
    if token.text == "." and i > 0 and doc[i - 1].lower_ in lex.ranking_words and not doc[i - 1].whitespace_:
        i -= 1  # the period of "No."
    elif token.lower_ not in lex.ranking_words or token.is_lower:
        return False
    after = i + 1
    if after < len(doc) and doc[after].text == "." and not doc[i].whitespace_:
        after += 1
    return after < len(doc) and doc[after].is_digit


def _counted_model(number: Token) -> bool:
    """A model number after a count, right before a name, both numbers on the noun after the name ("sell 150 737
    MAX aircraft": the model is the 737 MAX, 150 the count); not a lone count before a name ("500 Google engineers").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Boeing will sell 150 737 MAX aircraft. It hired 500 Google engineers.")
    >>> _counted_model(doc[4]), _counted_model(doc[3]), _counted_model(doc[10])
    (True, False, False)
    """
    doc, i = number.doc, number.i
    if i == 0 or i + 1 >= len(doc) or not number.whitespace_:
        return False
    count, name = doc[i - 1], doc[i + 1]
    return count.tag_ == "CD" and count.head == number.head and name.pos_ == "PROPN" and name_word(name) \
        and name.head == number.head and number.head.i > name.i


def _glued_gerund(token: Token) -> bool:
    """True for a lower-case "-ing" word the tagger read as the noun a name modifies when it is the verb of an
    absolute clause ("with the FDP failing to enter parliament", "with Ford leading") or takes a "to"
    infinitive ("Acme trying to sell"): the name acts, the word is no part of it."""
    if not (token.is_lower and token.lower_.endswith("ing") and token.tag_ == "NN"
            and any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in token.lefts)):
        return False
    absolute = token.dep_ == "pobj" and token.head.lower_ in word_set("absolute_preps")
    return absolute or any(c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.lefts)
                           for c in token.rights)


def named_thing(token: Token, lex: NounLexicon | None = None) -> str | None:
    """A named participant the actor dictionary does not know: a phrase with a proper noun ("iPod nano").

    The name is the phrase without determiners, possessors and leading descriptive adjectives; a generic
    head from ``generic_heads`` is cut back to the proper-noun core ("Apple's forthcoming Mac OS X Lion
    operating system" -> "Mac OS X Lion"), other heads stay ("the iTunes music store"). Named events
    ("Worldwide Developers Conference (WWDC)") and roles ("the Apple Chief Executive Officer") are no things.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple released the new iPod nano.")
    >>> named_thing(doc[5]), named_thing(doc[0].head)
    ('iPod nano', None)
    """
    model = hyphen_model(token) and any(c.isalpha() for c in hyphen_word(token).text)  # "the first A350-1000"
    if not model and (token.pos_ not in ("PROPN", "NOUN") or token.ent_type_ in _NOT_NAMES) \
            or _PERIOD_CODE.fullmatch(token.text):
        return None
    if _glued_gerund(token):
        return None  # "with Lindner's FDP failing to enter parliament": the verb of the name, no "FDP failing"
    if (token.ent_type_ == "NORP" or any(c.dep_ == "det" for c in token.children)) \
            and ActorDictionary.load().demonym(token.text) is not None:
        return None  # "the Argentine hooked the ball", "The Dane completed": a person of that nation, no thing
    lex = lex or NounLexicon.load()
    if token.dep_ == "conj" and not token.ent_type_ and token.head.ent_type_ in _PLACE_MODIFIERS:
        return None  # "towns including Dikchu and Rangpo": the conjunct of a place is a place
    lemma = token.lemma_.lower()
    if lemma in lex.place_nouns and lemma not in lex.organisation_nouns and lemma not in lex.company_nouns \
            and token.text.islower():
        return None  # "a southern Taliban stronghold", "the al-Bureij refugee camp": where, no thing taking part
    head = token.head if token.dep_ in ("appos", "compound") else token  # "Worldwide Developers Conference (WWDC)"
    if any(t.lemma_.lower() in lex.event_nouns or t.lemma_.lower() in lex.person_nouns or t.lemma_.lower() in lex.prize_nouns
           or t.lower_ in lex.titles and t.pos_ == "PROPN" for t in (token, head)):
        return None
    generic_heads = lex.product_heads
    span = phrase(token)
    dropped = {t.i for child in token.lefts if child.dep_ == "poss" for t in child.subtree}
    words = [t for t in span if t.i not in dropped and not hyphen_measure(t) and not destination(t, lex) and (hyphen_model(t) or _joining_hyphen(t) or not (
        t.dep_ in ("det", "poss", "case", "punct") or t.pos_ in ("DET", "PRON", "PUNCT") or t.tag_ == "POS"
        or t.ent_type_ in _NOT_NAMES and not (t.ent_type_ in _PLACE_MODIFIERS and t.i < token.i)
        and not _MODEL_CODE.fullmatch(t.text)
        and not (t.dep_ == "nummod" and (name_word(t.head) or _counted_model(t)) and _MODEL_NUMBER.fullmatch(t.text))))]
    words = [t for t in words if not (  # "16GB version": no "GB" without its number
        re.fullmatch(r"[A-Z]{1,3}", t.text) and t.i > 0 and t.doc[t.i - 1].like_num and not t.doc[t.i - 1].whitespace_)]
    words = [t for t in words if not _in_rating(t, lex)]  # "Category 4 cyclone", "Level 3 alert": a scale's label
    while words and _rank_marker(words[0], lex):  # "No. 3 Chrysler", "its No. 2 spot": a rank, no name (inside a
        words = words[1:]  # name it stays: "the Income Tax (Number 2) Bill")
    joints = [n for n, t in enumerate(words) if t.pos_ == "CCONJ" or t.text == ","]
    if joints:  # "iPhone and Apple TV" (a misparsed pair): the name is the last conjunct
        words = words[joints[-1] + 1:]
    while words and (words[0].pos_ in ("ADJ", "NUM", "VERB", "ADP", "ADV", "SCONJ") and words[0].is_lower
                     or _joining_hyphen(words[0])  # "the so-called Internal Market bill": no "called"
                     or words[0].is_lower and words[0].i > 0 and _joining_hyphen(words[0].doc[words[0].i - 1])):
        words = words[1:]  # "the long-range, medium-sized Dreamliner": no "range" before the next modifier
    while len(words) > 1 and words[0].is_lower and words[0].lower_ in lex.ranking_words:
        words = words[1:]  # "world number seven Stefanos Tsitsipas" (the number is gone already)
    while len(words) > 1 and _headline_word(words[0]) and (  # "Block Controversial British Brexit Law" -> "Brexit law"
            words[0].pos_ == "ADJ" or ActorDictionary.load().demonym(words[0].text) is not None):
        words = words[1:]
    if len(words) > 1 and words[0].ent_type_ == "NORP" and all(t.pos_ == "PROPN" for t in words[1:]) \
            and ActorDictionary.load().demonym(words[0].text) is not None:
        words = words[1:]  # "beat American Amanda Ruiz", "the Brazilian Neymar": her nationality, no part of the name
        # (a name the NER tags whole keeps it: "the French Open", "American Express")
    while words and words[-1].pos_ in ("ADP", "CCONJ", "PART"):  # "Wayne's World for (radio)"
        words = words[:-1]
    if not words or not any(name_word(t) and not glued_prefix(t, lex) or _ANY_NOUN for t in words) or len(words) > 6:
        return None
    if len(words) == 1 and words[0].lower_ in lex.law_nouns:
        return None  # "passing the Bill": the word alone names no law
    if not name_word(token) and all(t.ent_type_ in _PLACE_MODIFIERS for t in words if name_word(t)):
        return None  # "21,000 US factory jobs", "Texas plants": a place says where, the nouns name no thing
    if words[-1].lemma_.lower() in generic_heads or words[-1].lower_ in generic_heads:
        cores = [i for i, t in enumerate(words) if (not t.is_lower or t.like_num) and not _joining_hyphen(t)]
        core = max(cores) if cores else -1
        if core < 0 or words[core].i == token.i:
            return None
        maker = " ".join(t.text for t in words[:core + 1])
        if not (all(t.ent_type_ == "ORG" for t in words[:core + 1]) and _is_company(maker)):  # "Intel processors"
            # stay themselves; "Apple Macintosh computers" (tagged ORG, no company) are the Apple Macintosh
            words = words[:core + 1]
    while words and _joining_hyphen(words[0]):  # "non-profit PA" without "non", "King Air twin-" (engine)
        words = words[1:]
    while words and _joining_hyphen(words[-1]):
        words = words[:-1]
    forms = [t.lower_ if t.i == token.i and len(words) > 1 and _headline_word(t) and t.pos_ != "ADJ"
             else t.text for t in words]  # a headline's head noun as the body writes it ("Brexit law")
    text = "".join((" " if n and (words[n - 1].i + 1 != t.i or words[n - 1].whitespace_) else "") + form
                   for n, (t, form) in enumerate(zip(words, forms)))  # "A400M", split by the tokenizer, stays one word
    if words[-1].i == token.i and span.end == token.i + 1:  # "Galaxy Note 7", "iLife '11": the version is the name's
        text = f"{text} {token.doc[span.end:version_end(span)].text}".strip()
    return re.sub(r"\s*([-/])\s*", r"\1", text) or None


#: Labels of no fire's name: a town, state or country says where ("the California wildfire"); a natural place
#: or a site is a fire's name ("the Roosevelt fire", its name tagged a location, is named after one).
_NOT_HAZARD_NAMES = (_NOT_NAMES - {"LOC", "FAC"}) | {"NORP"}


def named_hazard(token: Token, lex: NounLexicon | None = None) -> str | None:
    """The name of a natural event a lower-case hazard noun heads after "the" and a capitalised name ("the
    Roosevelt fire" -> "Roosevelt fire"); None for a place before it ("the California wildfire" says where),
    a dictionary actor, an indefinite one ("a Wyoming wildfire") or a bare noun.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Roosevelt fire has scorched 40,000 acres, and a California wildfire grew.")
    >>> named_hazard(doc[2]), named_hazard(doc[13])
    ('Roosevelt fire', None)
    """
    lex = lex or NounLexicon.load()
    if token.pos_ != "NOUN" or not token.is_lower or token.lemma_.lower() not in lex.hazard_nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts):
        return None
    names = [t for t in token.lefts if t.dep_ in ("compound", "nmod") and t.pos_ == "PROPN"]
    if not names or names[-1].i != token.i - 1 or any(
            not t.text[:1].isupper() or t.ent_type_ in _NOT_HAZARD_NAMES for t in names):
        return None
    name = token.doc[names[0].i:token.i].text
    if ActorDictionary.load().lookup(name) is not None:
        return None
    return f"{name} {token.text}"


def joined_words(token: Token) -> list[Token]:
    """The capitalised words a hyphen written inside a word joins to the token ("Trump-Putin", "Airbus-Boeing",
    "Rolls-Royce"), the token among them; the token alone when no hyphen joins it.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Trump-Putin meeting ended. A Russian-backed group.")
    >>> [t.text for t in joined_words(doc[3])], [t.text for t in joined_words(doc[8])]
    (['Trump', 'Putin'], ['Russian'])
    """
    doc = token.doc

    def word(t: Token) -> bool:
        return t.text[:1].isupper() and t.text.replace("'", "").isalnum()

    start = end = token.i
    while start >= 2 and _joining_hyphen(doc[start - 1]) and word(doc[start - 2]):
        start -= 2
    while end + 2 < len(doc) and _joining_hyphen(doc[end + 1]) and word(doc[end + 2]):
        end += 2
    return [t for t in doc[start:end + 1] if not _joining_hyphen(t)] if word(token) else [token]


def glued_name(token: Token) -> Span | None:
    """The capitalised words a hyphen written inside a word joins into one name the model did not tag ("E-Ten",
    "Al-Shabaab"), which the parse may split into parts; None for a word in no such name, a tagged name
    ("Hewlett-Packard" is the model's) or a lower-case part ("Russian-backed", "Jong-un").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Acer bought smartphone maker E-Ten, a Russian-backed firm.")
    >>> glued_name(doc[6]).text, glued_name(doc[11])
    ('E-Ten', None)
    """
    doc = token.doc

    def word(t: Token) -> bool:
        return t.text[:1].isupper() and t.text.replace("'", "").isalnum() and not t.ent_type_

    start = token.i - 1 if _joining_hyphen(token) and token.ent_type_ == "" else token.i
    if start < 0 or not word(doc[start]):
        return None
    end = start
    while start >= 2 and _joining_hyphen(doc[start - 1]) and word(doc[start - 2]):
        start -= 2
    while end + 2 < len(doc) and _joining_hyphen(doc[end + 1]) and word(doc[end + 2]):
        end += 2
    if end == start:
        return None
    return doc[start:end + 1]
