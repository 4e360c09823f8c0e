"""Mentions: stretches of an article's tokens that name an actor or a place, and the helpers that clean them."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from timeline.actors.actor import Actor
from timeline.actors.lexicon import NounLexicon
from timeline.function_words import word_set
from timeline.reading_spaces import spacing

#: spaCy labels that never name an actor.
SKIPPED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE",
                            "LAW", "WORK_OF_ART", "EVENT"})
#: spaCy labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LABEL_TYPES = {"PERSON": "person", "ORG": "organisation", "PRODUCT": "product", "NORP": "group",
                "GPE": "place", "LOC": "place", "FAC": "place"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj", "poss"})
#: Actor types whose name modifies an agent noun for them ("Russian forces", "Ukraine soldiers").
STATE_TYPES = frozenset({"country", "organisation", "armed unit", "group"})
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
CAMEL = re.compile(r"^(?:[a-z]{1,2}[A-Z][A-Za-z0-9]+|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)$")
MODEL = re.compile(r"[A-Z]{0,3}-?\d{2,4}[A-Za-z]{0,3}(?:-\d{1,4})?")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: A version number after a name ("Galaxy Note 7", "Android 14", "Windows 8.1"); years are left out by ``YEAR``.
VERSION = re.compile(r"\d{1,4}(?:\.\d+)*")
#: Evidence strength for a name's type: dictionary > apposition/title > head noun > context > label
STRONG, APPOS, HEAD, CONTEXT, LABEL = 5, 4, 3, 2, 1


@dataclass
class Mention:
    """One stretch of tokens that names (or may name) an actor or a place."""

    start: int
    end: int
    surface: str
    label: str
    key: str = ""
    actor: Actor | None = None
    place: str | None = None
    acts: bool = True
    evidence: int = 0
    aliases: list[str] = field(default_factory=list)


def clean_tokens(span: Span, lex: NounLexicon, person: bool) -> Span:
    """Strip determiners, possessive markers, punctuation and (for people) titles from a span's edges."""
    start, end = span.start, span.end
    doc = span.doc
    for i in range(start + 1, end):  # "Software Development Kit (SDK": the name ends before a bracket
        if doc[i].text in ("(", "[", "{"):
            end = i
            break
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")
                           or doc[end - 1].pos_ in ("DET", "ADP", "CCONJ", "PRON")):
        end -= 1
    while end - start > 1 and (doc[end - 1].is_lower or doc[end - 1].text in ("-", "‐", "–")) \
            and doc[end - 1].pos_ in ("ADJ", "NOUN", "PUNCT") and doc[end - 1].head.i >= end \
            and any(not t.is_lower and t.text not in ("-", "‐", "–") for t in doc[start:end - 1]):
        end -= 1  # "its new A400M multi-purpose military transport plane": the tagger ran the name into the
        # adjectives of the noun after it; the name ends at its last word the noun phrase does not modify
    end = _before_score(doc, start, end)
    start = _after_dateline(doc, start, end)
    articles = word_set("articles")
    while start < end and (doc[start].lower_ in articles or doc[start].is_punct or doc[start].tag_ == "PRP$"):
        start += 1
    while end - start > 1 and doc[start].is_lower and doc[start].is_alpha and doc[start].pos_ == "ADJ" \
            and doc[start + 1].text[:1].isupper():  # not "528th Regiment"
        start += 1  # "according to the latest Bureau of Labor Statistics report": the NER ran the name over the
        # adjective of the phrase; no name begins with a lower-case adjective
    if person:
        while end - start > 1 and not royal_name(doc[start:end], lex) and (doc[start].lower_.rstrip(".") in lex.titles or doc[start].is_punct
                                   or doc[start].is_lower and doc[start].lower_ in lex.ranking_words
                                   or doc[start].like_num and start > span.start
                                   and doc[start - 1].lower_ in lex.ranking_words):  # "world number one Swiatek"
            start += 1
    return doc[start:end]


#: A match score or set score ("7-5", "2-1"): one or two digits each side of a dash.
SCORE = re.compile(r"\d{1,2}[-‐–]\d{1,2}")


def royal_name(span: Span, lex: NounLexicon) -> bool:
    """True for a royal title then one given name ("Princess Kate", "Pope Francis"): the title is part of how the
    person is known; with a surname or a numeral the name stands alone ("Prince William Windsor", "Charles III")."""
    return len(span) == 2 and span[0].lower_ in lex.royal_titles and span[0].text[:1].isupper() \
        and span[1].is_alpha and span[1].text.istitle()


def _before_score(doc: Doc, start: int, end: int) -> int:
    """The end of a name the NER ran over the score after it ("beat Naomi Osaka 7-5, 4-6" -> Naomi Osaka).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Stephens beat Naomi Osaka 7-5, 4-6, 6-1 as the Boeing 737-800 landed.")
    >>> doc[2:_before_score(doc, 2, 7)].text
    'Naomi Osaka'
    >>> boeing = next(t.i for t in doc if t.text == "Boeing")
    >>> doc[boeing:_before_score(doc, boeing, len(doc) - 2)].text
    'Boeing 737-800'
    """
    text = doc[start:end].text
    found = re.search(r"\s+(" + SCORE.pattern + r"|\d{1,2}\s+[-‐–]\s+\d{1,2})$", text)
    if found is None or not any(c.isalpha() for c in text[:found.start()]):
        return end
    cut = doc[start].idx + found.start()
    while end > start and doc[end - 1].idx >= cut:
        end -= 1
    return end


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """The start of a name the NER ran back over the capitalised dateline before it ("STOCKHOLM - Stefanos
    Tsitsipas became ..." -> Stefanos Tsitsipas): upper-case words then a spaced dash at a sentence start.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("STOCKHOLM - Stefanos Tsitsipas won. Kim Jong - un left.")
    >>> doc[_after_dateline(doc, 0, 4):4].text, doc[_after_dateline(doc, 6, 10):10].text
    ('Stefanos Tsitsipas', 'Kim Jong - un')
    """
    for index in range(start + 1, end - 1):
        if doc[index].text in DASHES and spacing(doc[index - 1]) and all(
                t.is_punct or t.text.isupper() and len(t.text) > 1 for t in doc[start:index]) \
                and any(t.is_alpha for t in doc[start:index]) and (doc[start].is_sent_start or start == 0):
            return index + 1
    return start


def _sentence_dateline(token: Token) -> bool:
    """The token is part of an upper-case dateline opening a paragraph, the place the story was filed from, up
    to a spaced dash or a colon ("CAPE CANAVERAL, Fla. - A NASA spacecraft", "SINGAPORE - In a match").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("CAPE CANAVERAL, Fla. - A NASA spacecraft landed. NASA said it landed.")
    >>> [t.text for t in doc if _sentence_dateline(t)]
    ['CAPE', 'CANAVERAL']
    >>> doc = load_nlp()("HONG KONG—Asian markets fell. CANBERRA (dpa-AFX) - Stocks fell. KIM JONG-UN left.")
    >>> [t.text for t in doc if _sentence_dateline(t)]
    ['HONG', 'KONG', 'CANBERRA']
    """
    if not (token.text.isupper() and len(token.text) > 1 and token.is_alpha):
        return False
    start = token.sent.start
    if any(not (t.is_punct or t.text.isupper()) for t in token.doc[start:token.i]):
        return False
    depth = 0
    for following in token.doc[token.i + 1:min(len(token.doc), token.i + 9)]:
        depth += (following.text == "(") - (following.text == ")")
        if depth > 0 or following.text == ")":
            continue  # an agency in brackets: "CANBERRA (dpa-AFX) - Asian stocks"
        if following.text in DASHES and (spacing(following) or following.text in _LONG_DASHES) or following.text == ":":
            return True  # "SINGAPORE - In a match", "HONG KONG—Asian markets tumbled"
        if following.is_lower or following.is_sent_start or following.text in (".", "!", "?"):
            return False
    return False


#: Dashes that end a dateline even with no space after them ("HONG KONG—Asian markets").
_LONG_DASHES = frozenset({"—", "–"})


def surface_text(span: Span) -> str:
    """The span's text with tokenizer spaces around hyphens removed ("Kim Jong - un" -> "Kim Jong-un")."""
    text = re.sub(r"\s*([-‐–/])\s*", r"\1", span.text)
    return re.sub(r"\s+", " ", re.sub(r"'s$", "", text)).strip()


def initials(words: list[str]) -> str:
    """The acronym the words would make, skipping function words ("Korean Central News Agency" -> "KCNA").

    >>> initials(["Korean", "Central", "News", "Agency"]), initials(["Bank", "of", "England"])
    ('KCNA', 'BE')
    """
    return "".join(w[0] for w in words if w.lower() not in word_set("initial_skip") and w[:1].isalpha()).upper()


def is_locative(token: Token, lex: NounLexicon) -> bool:
    """The token is where something happened: object of "in/at/to..." (with the names joined to it: "in Russia
    and Ukraine") or part of "the Kursk region"; after "between" only when a place or route comes before ("the
    border between Russia and Ukraine"; in "talks between Russia and Ukraine" both take part).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Talks between Russia and Ukraine began near the border between Russia and Ukraine.")
    >>> [is_locative(doc[i], NounLexicon.load()) for i in (2, 4, 10, 12)]
    [False, False, True, True]
    """
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in lex.locative_preps:
        if token.head.lower_ in lex.shared_preps:
            governor = token.head.head.lemma_.lower()
            return governor in lex.place_nouns or governor in lex.route_nouns
        return True
    return token.dep_ in ("compound", "amod", "nmod") and token.head.lemma_.lower() in lex.place_nouns


#: Dash tokens that end a dateline ("MADRID - ...", "JERUSALEM (AP) \u2014 ...").
DASHES = frozenset({"-", "--", "\u2014", "\u2013"})
#: Hyphens that join the parts of one word ("ex-Google", "Nakhchivan-based"), written as tokens of their own.
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
#: A part of a model designation glued by hyphens: a number or a code of letters and digits ("737", "8", "A350",
#: "300ER", "E2"), never a word alone.
_MODEL_PART = re.compile(r"[A-Z]{0,3}\d{1,4}[A-Za-z]{0,3}")


def hyphen_word(token: Token) -> Span:
    """The word the token is part of when hyphens written without spaces glue tokens into one ("76-seat",
    "737-8", "10-year-old"); the token alone otherwise.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It ordered 90 76-seat jets - and more.")
    >>> hyphen_word(doc[4]).text, hyphen_word(doc[7]).text
    ('76-seat', '-')
    """
    doc = token.doc
    start = end = token.i
    if token.text in HYPHENS:
        if spacing(token) or token.i == 0 or spacing(doc[token.i - 1]) or token.i + 1 >= len(doc):
            return doc[token.i:token.i + 1]
        start, end = token.i - 1, token.i + 1
    while start >= 2 and doc[start - 1].text in HYPHENS and not spacing(doc[start - 1]) \
            and not spacing(doc[start - 2]):
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text in HYPHENS and not spacing(doc[end]) \
            and not spacing(doc[end + 1]):
        end += 2
    return doc[start:end + 1]


def hyphen_model(token: Token) -> bool:
    """The token is part of a model designation of numbers and codes glued by hyphens ("737-8 MAX", "A350-1000",
    "777-300ER", "E195-E2"): one name, kept whole.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Boeing's 737-8 MAX and 90 76-seat jets")
    >>> [t.text for t in doc if hyphen_model(t)]
    ['737', '-', '8']
    """
    parts = [t for t in hyphen_word(token) if t.text not in HYPHENS]
    return len(parts) >= 2 and all(_MODEL_PART.fullmatch(t.text) for t in parts) and not YEAR.fullmatch(parts[0].text)


def hyphen_measure(token: Token) -> bool:
    """The token is part of a measure glued by hyphens, a number and lower-case words ("76-seat", "10-year-old",
    "two-day", "$5-billion"): it says how big or long a thing is and is no part of a name.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("90 76-seat jets, 10-year-old planes and the F-150")
    >>> [t.text for t in doc if hyphen_measure(t)]
    ['76', '-', 'seat', '10', '-', 'year', '-', 'old']
    """
    parts = [t for t in hyphen_word(token) if t.text not in HYPHENS]
    return len(parts) >= 2 and parts[0].like_num and all(t.is_alpha and t.is_lower for t in parts[1:])



def _line_start(token: Token, reach: int) -> int | None:
    """The index of the first token of the token's line when it is at most ``reach`` tokens back, else None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A headline\\nKABUL - Troops left.")
    >>> _line_start(doc[5], 12), _line_start(doc[5], 1)
    (3, None)
    """
    breaks = _line_breaks(token.doc)
    before = bisect_left(breaks, token.i)
    start = breaks[before - 1] + 1 if before else 0
    return start if token.i - start <= reach else None


@lru_cache(maxsize=8)
def _line_breaks(doc: Doc) -> tuple[int, ...]:
    """The indexes of a doc's tokens that hold a line break, in order (one scan per doc, not per token)."""
    return tuple(t.i for t in doc if "\n" in t.text)


def _line_dateline(token: Token) -> bool:
    """The token is part of a dateline that opens a line: capitalised place words, an optional agency in
    brackets and a date, ended by a dash ("JERUSALEM (AP) —", "NAIROBI, Kenya (AP) --", "NEW YORK, June 3
    (Reuters) -"). A dateline says where the story was filed; it names no participant.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("JERUSALEM (AP) — Israel struck Iran.\\nWASHINGTON - The US Senate voted in NEW YORK - or not.")
    >>> [t.text for t in doc if _line_dateline(t)]
    ['JERUSALEM', '(', 'AP', ')', 'WASHINGTON']
    """
    doc = token.doc
    start = _line_start(token, 12)
    if start is None:
        return False  # not near the start of a line
    first = next((t for t in doc[start:token.i + 1] if not t.is_space), None)
    if first is None or not (first.text.isupper() and sum(c.isalpha() for c in first.text) >= 3):
        return False  # a dateline opens with the place in capitals
    depth = 0
    for t in doc[start:min(len(doc), start + 14)]:
        if t.text in DASHES:
            return t.i > token.i and t.whitespace_ != "" and (t.i == 0 or doc[t.i - 1].whitespace_ != "")
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif not (t.is_space or t.is_punct or depth > 0 or t.text.isupper() or t.text[:1].isupper() or t.is_digit):
            return False  # a lower-case word: a sentence, not a dateline
    return False


_PLACE_ENTITIES = frozenset({"GPE", "LOC"})


def _colon_dateline(token: Token) -> bool:
    """The token is part of a place label that opens a line and ends with a colon: a dateline in title case
    ("Tikrit, Iraq : A double suicide bomb attack ...", "PETALING JAYA: The Health Ministry ...") or a
    headline's place tag ("Kashmir: Army convoy attacked"). It says where, and names no participant; a
    person or organisation before a colon ("Trump: ...") is a speaker and stays one.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Tikrit, Iraq : A bomb hit Baghdad.\\nUpdate: Iraq said: no.")
    >>> [t.text for t in doc if _colon_dateline(t)]
    ['Tikrit', ',', 'Iraq']
    >>> [t.text for t in load_nlp()("Washington (AP): The summit ended.") if _colon_dateline(t)]
    ['Washington', '(', 'AP']
    """
    doc = token.doc
    start = _line_start(token, 8)
    if start is None:
        return False  # not near the start of a line
    while start <= token.i and doc[start].is_space:
        start += 1
    words = 0
    for t in doc[start:min(len(doc), start + 9)]:
        if t.text in (":", "):"):  # the tokenizer may glue the bracket to the colon: "(AP):"
            return t.i > token.i and words <= 5 and t.whitespace_ != "" and t.i + 1 < len(doc) \
                and doc[t.i + 1].text[:1].isupper() and doc[start].ent_type_ in _PLACE_ENTITIES
        if t.text in (",", "(", ")"):
            continue  # "Washington (AP): The summit ...": the agency in brackets is part of the dateline
        if not (t.is_alpha and t.text[:1].isupper()) or t.is_space:
            return False  # a lower-case word, a number or other punctuation: a sentence, not a label
        words += 1
    return False


def _dated_dateline(token: Token) -> bool:
    """The token is part of a dateline that opens a line with the place in capitals and the date, and no dash
    or agency after it ("TOKYO, June 24 Japanese stocks suffered ...", "LONDON, Oct 3 Shares rose"): the
    place words, commas and the date up to its day number.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A title\\nTOKYO, June 24 Japanese stocks fell.\\nTOKYO, the capital, June 24 is hot.")
    >>> [t.text for t in doc if _dated_dateline(t)]
    ['TOKYO', ',', 'June', '24']
    """
    doc = token.doc
    start = _line_start(token, 10)
    if start is None:
        return False
    while start <= token.i and doc[start].is_space:
        start += 1
    first = doc[start]
    if not (first.text.isupper() and sum(c.isalpha() for c in first.text) >= 3) or first.ent_type_ == "DATE":
        return False  # a dateline opens with the place in capitals
    index = start
    while index < min(len(doc), start + 8) and doc[index].ent_type_ != "DATE":
        if not (doc[index].text == "," or doc[index].is_alpha and doc[index].text[:1].isupper()):
            return False  # "TOKYO, the capital": a sentence
        index += 1
    if index == start or index >= len(doc) or doc[index - 1].text != ",":
        return False
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "DATE":
        end += 1
    return doc[end - 1].like_num and end < len(doc) and doc[end].text[:1].isupper() and token.i < end \
        and "\n" not in doc[start:end].text


def in_dateline(token: Token) -> bool:
    """The token is part of the dateline that opens a paragraph or a sentence: the place (and agency, date)
    the story was filed from, which names no participant ("STOCKHOLM - ...", "JERUSALEM (AP) — ...",
    "Tikrit, Iraq : ...")."""
    return _sentence_dateline(token) or _line_dateline(token) or _colon_dateline(token) or _dated_dateline(token)


def bracket_note(token: Token) -> bool:
    """The token is inside a bracketed note that names no participant: a stock ticker ("ExactTarget Inc.
    (NYSE: ET)") or a news agency's byline at the start of a sentence ("(Reuters) - US Airways reported",
    "HONIARA (Reuters) - ...").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("(Reuters) - Shares of ExactTarget Inc. (NYSE: ET) rose.")
    >>> [t.text for t in doc if bracket_note(t)]
    ['Reuters', 'NYSE', ':', 'ET']
    """
    doc, sentence = token.doc, token.sent
    left = next((i for i in range(token.i - 1, max(sentence.start, token.i - 4) - 1, -1)
                 if doc[i].text in ("(", ")")), None)
    right = next((i for i in range(token.i + 1, min(sentence.end, token.i + 5)) if doc[i].text in ("(", ")")), None)
    if left is None or right is None or doc[left].text != "(" or doc[right].text != ")":
        return False
    inside = [t for t in doc[left + 1:right]]
    colon = next((n for n, t in enumerate(inside) if t.text == ":"), None)
    if colon is not None and 0 < colon <= 2 and colon < len(inside) - 1 and all(t.text[:1].isupper() for t in inside[:colon]) \
            and all(t.text.replace(".", "").isupper() for t in inside[colon + 1:]):
        return True  # "(NYSE: ET)", "(Nasdaq: AAPL)"
    before = [t for t in doc[sentence.start:left] if not t.is_space]
    return right + 1 < sentence.end and doc[right + 1].text in DASHES and len(inside) <= 3 \
        and all(t.text[:1].isupper() or t.is_punct or inside[-1].text.isupper() for t in inside) \
        and all(t.text.isupper() or t.is_punct for t in before)  # "(Reuters) -", "CANBERRA (dpa-AFX) -"


def ticker_owner(token: Token) -> Token | None:
    """The name a bracketed stock ticker stands after, when the token is that ticker ("Lowe's Cos. (LOW)
    announced", "Lowe's (NYSE: LOW) said"): the ticker is an alias of the name, never an actor of its own.
    None for any other token, and for a bracket after no capitalised name ("the index (DJIA)" keeps "index").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Lowe's Cos. (LOW) announced a profit. Acme (NYSE: AC) rose. It (sic) fell.")
    >>> [(t.text, ticker_owner(t).text) for t in doc if ticker_owner(t) is not None]
    [('LOW', 'Cos'), ('AC', 'Acme')]
    """
    doc = token.doc
    letters = token.text.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) <= 5) or token.i < 2 \
            or token.i + 1 >= len(doc) or doc[token.i + 1].text != ")":
        return None
    left = token.i - 1
    if doc[left].text == ":" and left >= 2 and doc[left - 1].text[:1].isupper() and doc[left - 2].text == "(":
        left -= 2  # "(NYSE: LOW)", "(Nasdaq: AAPL)"
    elif doc[left].text != "(":
        return None
    name = left - 1
    while name > 0 and doc[name].text == "." and doc[name - 1].whitespace_ == "":
        name -= 1  # "Lowe's Cos. (LOW)": the abbreviation's stop
    if name < 0 or not doc[name].text[:1].isupper() or not doc[name].is_alpha:
        return None  # (the parse may end a sentence at "Cos." before the bracket: no sentence test)
    return doc[name]


def version_end(span: Span) -> int:
    """Where a name ends with the version number written right after it ("Galaxy Note 7", "Android 14", "iLife
    '11"): the parse makes the number part of the name, and it is no count ("sold 7 million"), year ("Apple
    2025"), score or verse ("Arsenal 2 Chelsea 1", "John 3:16"). ``span.end`` when there is none.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Google released Android 14 on Monday. Apple 2025 sales rose. Apple released iLife '11.")
    >>> version_end(doc[2:3]), version_end(doc[7:8]), version_end(doc[14:15])
    (4, 8, 17)
    """
    doc, end = span.doc, span.end
    if len(span) == 0 or end >= len(doc) or not span[-1].whitespace_ or span[-1].is_lower or not span[-1].is_alpha:
        return end
    after = doc[end + 2] if end + 2 < len(doc) else None
    if end + 1 < len(doc) and doc[end].text in ("'", "\u2019") and not doc[end].whitespace_ \
            and re.fullmatch(r"\d\d", doc[end + 1].text):  # "iLife '11": an edition year
        return end if after is not None and (after.like_num or after.text in (":", "-", "/", "%")) else end + 2
    number, after = doc[end], doc[end + 1] if end + 1 < len(doc) else None
    if not VERSION.fullmatch(number.text) or YEAR.fullmatch(number.text) or not span.start <= number.head.i < end \
            or number.dep_ not in ("nummod", "compound", "npadvmod", "appos", "nmod"):
        return end
    if after is not None and (after.like_num or after.text in (":", "-", "/", "%", "\u2013") and not number.whitespace_
                              or after.pos_ == "PROPN" and after.text[:1].isupper()
                              or number.ent_type_ and after.ent_iob_ == "I" and after.ent_type_ == number.ent_type_):
        return end  # "John 3:16", "Arsenal 2 Chelsea 1", "EPS 20 per cent higher" (an amount the NER tagged)
    return end + 1


#: A tornado's rating on the (Enhanced) Fujita scale ("EF5", "EF-3").
_FUJITA = re.compile(r"EF-?[0-5]")
_ROMAN = re.compile(r"[IVX]{1,4}")


def rating_label(span: Span, lex: NounLexicon) -> bool:
    """The span is a rating on a scale, no name: a scale word and a number ("Category 4", "Level 3", "Grade II")
    or a Fujita rating ("EF5").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Category 4 cyclone and an EF5 tornado hit Category Partners.")
    >>> rating_label(doc[1:3], NounLexicon.load()), rating_label(doc[6:7], NounLexicon.load())
    (True, True)
    >>> rating_label(doc[9:11], NounLexicon.load())
    False
    """
    words = [t for t in span if t.text not in HYPHENS]
    if len(words) == 1:
        return bool(_FUJITA.fullmatch(words[0].text))
    return len(words) == 2 and words[0].lower_ in lex.scale_words \
        and (words[1].is_digit or bool(_ROMAN.fullmatch(words[1].text)))


def destination(token: Token, lex: NounLexicon) -> bool:
    """The word is a place said to be a destination, or the word that says so: glued before "-bound" ("a
    Kyiv-bound plane") or right after "bound for" ("the plane bound for Kyiv") (``destination_words``). Where a
    vehicle was going takes no part in what befell it.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A Kyiv-bound plane and a ship bound for Oslo Fjord sank. The law is binding.")
    >>> [t.text for t in doc if destination(t, NounLexicon.load())]
    ['Kyiv', '-', 'bound', 'Oslo', 'Fjord']
    """
    glued = hyphen_word(token)
    if len(glued) >= 3 and glued[-1].lower_ in lex.destination_words and glued[-1].i != glued.start:
        return True
    doc, i = token.doc, token.i
    if token.is_lower or not token.is_alpha:
        return False
    while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and token.i - i < 4:
        i -= 1  # the first word of a name of several ("bound for Oslo Fjord")
    return i >= 2 and doc[i - 1].lower_ == "for" and doc[i - 2].lower_ in lex.destination_words


def glued_prefix(token: Token, lex: NounLexicon) -> bool:
    """The word is a name glued with a hyphen to a prefix like "ex-", "pro-", "anti-" (``name_prefixes``), or is
    that prefix itself, in a word that modifies the noun after it ("Ex-Baltimore mayor", "pro-Kremlin groups"):
    the name does not take part.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("An ex-Google engineer sued. The Anti-Defamation League said so.")
    >>> [t.text for t in doc if glued_prefix(t, NounLexicon.load())]
    ['ex', 'Google']
    """
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].text in HYPHENS and not spacing(doc[start - 1]) \
            and start >= 2 and not spacing(doc[start - 2]):
        start -= 2
    end = token.i
    while end + 2 < len(doc) and doc[end + 1].text in HYPHENS and not spacing(doc[end]) \
            and not spacing(doc[end + 1]):
        end += 2
    if doc[start].lower_ not in lex.name_prefixes or start == end:
        return False
    last = doc[end]
    return last.head.i > end and last.head.pos_ in ("NOUN", "PROPN") and last.dep_ in ("compound", "amod", "nmod") \
        and (not last.head.text[:1].isupper() or last.head.lower_ in lex.titles)  # "Ex-Baltimore Mayor Pugh"
