"""Tokenized articles read as a person would space them.

Some corpora (MEANTIME, Wikinews dumps) put a space around every punctuation mark: "Apple 's iTunes replaces
Wal - Mart", "70 %", "$ 99", "`` App Store ''", "U.S. - based". The model reads spaces (its SPACY feature), so
such a text parses worse than the same words normally spaced, and every check for a hyphen inside a word ("no space
either side") fails on "Wal - Mart". A tokenized text is therefore parsed through a copy with the spaces a person
would write (same tokens, so the parse is copied back by index, as for Title Case headlines), and those spaces are
kept in ``doc.user_data`` for the code that reads hyphens and renders summaries (:func:`spacing`). Offsets and
sentences stay the article's own. Normally spaced texts are left alone.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from timeline.function_words import word_set

#: A tokenized text has at least this many markers ("word ,") written after a space ...
MIN_SPACED_MARKERS = 2
#: ... and at least this many times more of them spaced than attached.
SPACED_RATIO = 2
#: An abbreviation of capitals and full stops ("U.S.") that starts a hyphenated modifier ("U.S. - based").
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_KEY = "timeline.reading_spaces"
#: Tags of a word whose possessive is a bare "'" ("Motors ' sales", "Jobs ' health"; not "This 'switch").
_PLURAL_TAGS = ("NNS", "NNPS", "NNP")
#: The longest run of tokens (spaced apart by a tokenized text) respaced as one piece ("lower - than - expected").
MAX_RUN = 9
#: The farthest back (in tokens) a dash that opens an aside is looked for.
ASIDE_WORDS = 20


def is_tokenized(doc: Doc) -> bool:
    """Whether the text puts a space before its commas, full stops, "'s" and "%" (``tokenized_markers``).

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> is_tokenized(nlp.make_doc("Apple 's iTunes , a store , grew 70 % .")), is_tokenized(nlp.make_doc("Apple's iTunes, a store, grew."))
    (True, False)
    """
    markers = word_set("tokenized_markers")
    spaced = attached = 0
    for token in doc[1:]:
        if token.text in markers:
            before = doc[token.i - 1]
            if before.whitespace_:
                spaced += 1
            elif not before.is_space:
                attached += 1
    return spaced >= MIN_SPACED_MARKERS and spaced >= SPACED_RATIO * attached


def _word(token: Token) -> bool:
    return token.text[:1].isalnum() and token.text[-1:].isalnum() or bool(_INITIALS.fullmatch(token.text))


def _joins(hyphen: Token) -> bool:
    """Whether a spaced "-" between two words (of a tagged tokenized text) is a hyphen inside one word: "Wal -
    Mart", "long - awaited", "16 - year", "year - on - year", "U.S. - based"; a dash before a clause or phrase
    ("the firm - which ...", "Pro - a notebook", ``dash_next_tags``), between two numbers ("10 - 4") or between a
    lower-case word and a capitalised one ("computers - Apple said"; a prefix joins one: "ex - Apple") stays a dash.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The ex - Apple engineer , who sold computers - Apple said - left .")
    >>> [_joins(t) for t in doc if t.text == "-"]
    [True, False, False]
    """
    doc = hyphen.doc
    i = hyphen.i
    if hyphen.text != "-" or i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    if hyphen.whitespace_ != " " or before.whitespace_ != " " or not _word(before) or not _word(after):
        return False
    if before.like_num and after.like_num:
        return False
    chained = i + 3 < len(doc) and doc[i + 2].text == "-" and after.whitespace_ == " " and _word(doc[i + 3]) \
        or i >= 3 and doc[i - 2].text == "-" and doc[i - 3].whitespace_ == " " and _word(doc[i - 3])
    if after.tag_.lower() in word_set("dash_next_tags") and not chained:
        return False
    if not chained and _closes_aside(hyphen):
        return False
    if after.text[:1].isupper() and before.text[:1].islower():
        return before.lower_ in word_set("hyphen_prefixes")  # "ex - Apple", not "computers - Apple said"
    if before.text[:1].isupper() and after.text[:1].islower() and not chained:
        return after.lower_ in word_set("hyphen_tail_words") or after.lower_.endswith(("ed", "ing"))
    return True


def _closes_aside(hyphen: Token) -> bool:
    """Whether a spaced "-" closes an aside a dash opened earlier in its sentence, within ``ASIDE_WORDS`` words
    ("the firm - which lost money - said")."""
    doc = hyphen.doc
    start = max(hyphen.sent.start, hyphen.i - ASIDE_WORDS)
    opener = next((t for t in reversed(doc[start:hyphen.i]) if t.text == "-" and t.whitespace_), None)
    return opener is not None and not _joins(opener)


def reading_spaces(tagged: Doc) -> list[bool]:
    """Whether each token of a tagged tokenized text is followed by a space as a person would write it: none
    before ``attached_left`` tokens, after ``attached_right`` ones, around a joining hyphen (:func:`_joins`), or
    before a possessive "'" after an s ("Motors ' sales"); line breaks are kept.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple 's iTunes passed Wal - Mart , the firm - which lost $ 5 - said .")
    >>> "".join(t.text + (" " if s else "") for t, s in zip(doc, reading_spaces(doc)))
    "Apple's iTunes passed Wal-Mart, the firm - which lost $5 - said."
    """
    left, right = word_set("attached_left"), word_set("attached_right")
    spaces = [bool(t.whitespace_) for t in tagged]
    for token in tagged:
        i = token.i
        if token.whitespace_ != " " or i + 1 >= len(tagged):
            continue
        after = tagged[i + 1]
        if after.text in left or token.text in right \
                or after.text == "'" and token.text[-1:] in ("s", "S") and token.tag_ in _PLURAL_TAGS \
                or _joins(after) or token.text == "-" and _joins(token):
            spaces[i] = False
    return spaces


def parse_spaces(doc: Doc, spaces: list[bool]) -> list[bool]:
    """The reading spaces the text is parsed with: a space stays before the tokens of ``spaced_for_parse`` (after
    an opening one): the model reads a full stop written against "Pro" at a line end as part of an abbreviated
    name ("Macbook Pro."), "$99 (USD)" as a name in brackets; spaced commas parse the clauses of these texts
    better.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It costs $ 99 ( USD ) , Jobs ' firm said .")
    >>> parse_spaces(doc, reading_spaces(doc))
    [True, True, False, True, True, True, True, True, False, True, True, True, False]
    """
    kept = word_set("spaced_for_parse")
    return [space or bool(token.whitespace_) and (token.text in kept and token.text in word_set("attached_right")
                                                  or token.i + 1 < len(doc) and doc[token.i + 1].text in kept)
            for token, space in zip(doc, spaces)]


def keep_spaces(doc: Doc, spaces: list[bool]) -> None:
    """Remember the reading spaces of ``doc`` for :func:`spacing`."""
    doc.user_data[_KEY] = tuple(spaces)


def spacing(token: Token) -> str:
    """The space after ``token`` as a person would write it: its own, or none where a tokenized text put one
    that a normal text would not have ("Wal - Mart", "Apple 's").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Wal - Mart grew .")
    >>> keep_spaces(doc, reading_spaces(doc))
    >>> [spacing(t) for t in doc]
    ['', '', ' ', '', '']
    """
    kept = token.doc.user_data.get(_KEY)
    if isinstance(kept, tuple) and len(kept) == len(token.doc) and not kept[token.i]:
        return ""
    return token.whitespace_


_FRAGMENTS_KEY = "timeline.reading_fragments"


def _fragments(doc: Doc) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The runs of tokens a tokenized text spaced apart (``"Wal - Mart"``, ``"Apple 's"``) with their reading
    form, longest first, found once per doc."""
    cached = doc.user_data.get(_FRAGMENTS_KEY)
    if isinstance(cached, tuple):
        return cached
    found: dict[str, str] = {}
    run: list[Token] = []
    for token in doc:
        run.append(token)
        if spacing(token) or token.i + 1 == len(doc):
            for a in range(len(run) - 1):  # every part of the run: a summary may show "70 %" of "70 % ."
                for b in range(a + 2, min(len(run), a + MAX_RUN) + 1):
                    part = run[a:b]
                    written = "".join(t.text + t.whitespace_ for t in part).strip()
                    reading = "".join(t.text + spacing(t) for t in part).strip()
                    reading = reading.replace("``", '"').replace("''", '"')
                    if reading != written:
                        found[written] = reading
            run = []
    patterns = tuple((re.compile(r"(?<!\S)" + re.escape(k) + r"(?!\S)"), v)
                     for k, v in sorted(found.items(), key=lambda kv: -len(kv[0])))
    doc.user_data[_FRAGMENTS_KEY] = patterns
    return patterns


def as_written(text: str, doc: Doc) -> str:
    """``text`` (words of ``doc`` joined by spaces) with the tokenized runs of ``doc`` spaced as a person would
    write them; unchanged for a normally spaced doc.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple 's iTunes passed Wal - Mart with 70 % .")
    >>> keep_spaces(doc, reading_spaces(doc))
    >>> as_written("Apple 's iTunes passes Wal - Mart with 70 %", doc)
    "Apple's iTunes passes Wal-Mart with 70%"
    """
    if not isinstance(doc.user_data.get(_KEY), tuple):
        return text
    for pattern, reading in _fragments(doc):
        text = pattern.sub(reading, text)
    return text.replace("``", '"').replace("''", '"')
