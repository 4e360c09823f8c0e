"""Title Case headlines parsed as sentence case.

The small model tags the capitalised verbs of a Title Case headline as proper nouns ("Boeing Delays 787
Dreamliner Again": "Delays" NNP), so the article's main event gives no row. Such a headline is parsed through a
truecased copy of the text, same tokens and same lengths: a capitalised word keeps its capital only when the body
writes it capitalised mid-sentence, it is (part of) a name in the actor dictionary, an acronym or holds a digit,
or it opens the line; other words are lowered for the parse only. The parse is then copied onto the original
text, so every offset, quote and surface form stays the article's own. Sentence-case headlines are left alone.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import cast

from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc
from thinc.types import Ints2d

from timeline.function_words import word_set

#: A headline needs at least this many capitalised content words to count as Title Case.
MIN_CAPITALISED = 3
#: A line is shouted (written in capitals) when it has at least this many words of two letters or more and none
#: of them holds a lower-case letter.
MIN_SHOUTED_WORDS = 4
#: The longest run of words looked up as one dictionary name ("Dow Jones Industrial Average").
MAX_NAME_WORDS = 4
#: Annotations copied from the truecased parse onto the original text.
PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID]
#: A capitalised word in running text.
_CAPITALISED = re.compile(r"(?<![\w'’.&-])[A-Z][\w'&.-]*")
#: What comes before a capital that opens a headline's part rather than a name: a colon, a dash, a quote.
_OPENERS = frozenset('.!?:;"“‘\'([{—–|•')
#: What comes before a capital that opens a body sentence (a line start too): it says nothing of the word.
_SENTENCE_ENDS = frozenset('.!?:;…|•—–')
#: Marks that open a clitic split off the word before it ("'s", "’re").
_APOSTROPHES = frozenset("'’")
#: A word of four letters or more (apostrophes and hyphens inside), as ``title_case_line`` counts them.
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def headline_end(doc: Doc) -> int:
    """The index of the token after the doc's first line (0 when the doc has no second line).

    >>> from timeline.nlp import load_nlp
    >>> headline_end(load_nlp().make_doc("GM Files for Bankruptcy\\nGM filed."))
    4
    """
    for token in doc:
        if "\n" in token.text:
            return token.i
        if "\n" in token.whitespace_:
            return token.i + 1
    return 0


def is_title_case(words: Sequence[str]) -> bool:
    """Every word but the small ones starts with a capital (or a digit), and at least MIN_CAPITALISED do.

    >>> is_title_case("Boeing Delays 787 Dreamliner Again".split()), is_title_case("Boeing delays 787 again".split())
    (True, False)
    >>> is_title_case("Nikkei 225 Falls Most in Three Weeks as Yen Jumps on Euro".split())
    True

    A clitic the tokenizer splits off ("ANC 's", "does n't") is part of the word before it, not a word:
    >>> is_title_case(["Ramaphosa", "Calls", "for", "Unity", "Amid", "ANC", "'s", "Election", "Setback"])
    True
    """
    small = word_set("headline_minor_words")
    content = [w for w in words if any(c.isalpha() for c in w) and w.lower() not in small and not _clitic(w)]
    capitals = [w for w in content if w[0].isupper() or (w[0].islower() and any(c.isupper() for c in w[1:]))]
    return len(capitals) == len(content) and sum(any(c.islower() for c in w) for w in capitals) >= MIN_CAPITALISED


def _clitic(word: str) -> bool:
    """A clitic split off the word before it: a possessive or a contraction ("'s", "’s", "n't", "'ll")."""
    return word[:1] in _APOSTROPHES or word.lower() == "n't"


def title_case_line(text: str, offset: int, min_words: int) -> bool:
    """Whether the line of ``text`` around ``offset`` reads as a title-case headline: at least ``min_words`` words
    of four letters or more, four in five of them capitalised. A rough test on the raw line (small words such as
    "to" pass unseen, a long lower-case one fails it), where ``is_title_case`` is the strict one a reparse needs.

    >>> text = "Opponents Are Unable to Block Controversial Brexit Law\\nThe law passed on Monday."
    >>> title_case_line(text, 10, 3), title_case_line(text, 60, 3), title_case_line("Apple Unveils Laptops", 0, 4)
    (True, False, False)
    """
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = _LONG_WORD.findall(text[start:end if end >= 0 else len(text)])
    return len(words) >= min_words and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _mid_sentence_capitals(text: str) -> frozenset[str]:
    """Capitalised words the text writes inside a sentence ("said Boeing", "the Dreamliner"), not after a
    sentence end or a line start (a quoted or bracketed name counts: "the film 'Barbie'")."""
    found = set()
    for match in _CAPITALISED.finditer(text):
        before = text[max(0, match.start() - 40):match.start()].rstrip(" \t")
        if before and before[-1] not in _SENTENCE_ENDS and before[-1] != "\n":
            found.add(match.group().rstrip(".'"))
    return frozenset(found)


@cache
def _dictionary_keys() -> frozenset[str]:
    """Every capitalised name, alias, demonym and capital of the actor dictionary, as ``alias_key`` gives it
    (not the lower-case aliases of currencies: "yen", "euro" are common nouns)."""
    from timeline.actors.dictionary import ActorDictionary, alias_key

    dictionary = ActorDictionary.load()
    return frozenset(alias_key(name) for actor in dictionary.actors for name in dictionary.names_of(actor.name)
                     if name[:1].isupper())


@cache
def _dictionary_acronyms() -> frozenset[str]:
    """The names the actor dictionary writes in capitals ("NATO", "UN", "GM"), as ``alias_key`` gives them."""
    from timeline.actors.dictionary import ActorDictionary, alias_key

    dictionary = ActorDictionary.load()
    return frozenset(alias_key(name) for actor in dictionary.actors for name in dictionary.names_of(actor.name)
                     if name.isupper() and sum(c.isalpha() for c in name) >= 2)


@cache
def _calendar_names() -> tuple[frozenset[str], frozenset[str]]:
    """(weekday names, month names) in full, lower case, from the temporal normalization tables."""
    from timeline.temporal.rules import load_tables

    tables = load_tables()
    weekdays, months = (frozenset(str(key) for key in tables[name] if not str(key).endswith("."))
                        for name in ("weekday", "month"))
    return weekdays, months


def _dictionary_words(words: Sequence[str]) -> set[int]:
    """Indexes of the words that make up a run the actor dictionary names ("Boeing", "General Motors")."""
    from timeline.actors.dictionary import alias_key

    keys = _dictionary_keys()
    kept: set[int] = set()
    for start in range(len(words)):
        for size in range(min(MAX_NAME_WORDS, len(words) - start), 0, -1):
            run = " ".join(words[start:start + size])
            if words[start][:1].isupper() and alias_key(run) in keys:
                kept.update(range(start, start + size))
                break
    return kept


def truecased_words(doc: Doc) -> list[str] | None:
    """The doc's words with its Title Case headline in sentence case, or None when the first line is no such
    headline (or nothing would change).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp().make_doc("Boeing Delays 787 Dreamliner Again\\nBoeing said its Dreamliner was late.")
    >>> " ".join(truecased_words(doc)[:5])
    'Boeing delays 787 Dreamliner again'
    >>> truecased_words(load_nlp().make_doc("Boeing delays 787 again\\nBoeing said so.")) is None
    True
    """
    end = headline_end(doc)
    if end == 0:
        return None
    line = doc[:end]
    if not is_title_case([t.text for t in line if not t.is_punct and not t.is_space]):
        return None
    body = doc.text[line.end_char:]
    known = _mid_sentence_capitals(body)
    words = [t.text for t in line]
    names = _dictionary_words(words)
    changed = False
    out = [t.text for t in doc]
    for token in line:
        text = token.text
        first = token.i == 0 or doc[token.i - 1].is_space or doc[token.i - 1].text in _OPENERS
        if (not text[:1].isupper() or first or token.i in names or text in known or not text[1:].islower()
                or any(c.isdigit() for c in text) or text == "I"):
            continue
        out[token.i] = text.lower()
        changed = True
    return out if changed else None


def _shouted_lines(doc: Doc) -> list[tuple[int, int]]:
    """(first token, end token) of each line of the doc written in capitals (see MIN_SHOUTED_WORDS)."""
    lines: list[tuple[int, int]] = []
    start = 0
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_ or token.i == len(doc) - 1:
            end = token.i + 1
            words = [t.text for t in doc[start:end] if sum(c.isalpha() for c in t.text) >= 2]
            if len(words) >= MIN_SHOUTED_WORDS and not any(c.islower() for w in words for c in w):
                lines.append((start, end))
            start = end
    return lines


def shouted_words(doc: Doc, words: Sequence[str] | None = None) -> list[str] | None:
    """``words`` (default: the doc's words) with the lines written in capitals (an all-caps article, headline or
    paragraph) in sentence case for the parse, or None when there is no such line: the parser reads words in
    capitals as names ("THE MINISTRY ANNOUNCED A CURFEW": no verb). A word keeps a capital when it opens a
    sentence, the rest of the text writes it capitalised, it is a weekday or a month next to a number, or it is
    part of a name in the actor dictionary (in capitals when the dictionary writes it so: "NATO"). Lengths never
    change, so offsets stay right.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp().make_doc("THE MINISTRY IN KYIV ANNOUNCED A CURFEW ON FRIDAY, 3 MARCH. NATO AGREED.")
    >>> " ".join(shouted_words(doc))
    'The ministry in Kyiv announced a curfew on Friday , 3 March . NATO agreed .'
    """
    lines = _shouted_lines(doc)
    if not lines:
        return None
    from timeline.actors.dictionary import alias_key

    out = list(words) if words is not None else [t.text for t in doc]
    shouted = {i for start, end in lines for i in range(start, end)}
    known = {w.upper(): w for w in _mid_sentence_capitals(" ".join(t.text for t in doc if t.i not in shouted))}
    weekdays, months = _calendar_names()
    acronyms = _dictionary_acronyms()
    for start, end in lines:
        names = {start + i for i in _dictionary_words([t.text.title() for t in doc[start:end]])}
        for token in doc[start:end]:
            text, lower = token.text, token.text.lower()
            before = doc[token.i - 1] if token.i > 0 else None
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            by_number = any(t is not None and t.like_num for t in (before, after))
            if token.i in names:
                word = text if alias_key(text) in acronyms else text.title()
            elif text in known:
                word = known[text]
            elif (lower in weekdays or (lower in months and by_number) or before is None or before.is_space
                  or before.text in _SENTENCE_ENDS or "\n" in before.whitespace_):
                word = text.capitalize()  # a calendar name, or the first word of a sentence
            else:
                word = lower
            out[token.i] = word if len(word) == len(text) else text
    return out


def truecased_doc(doc: Doc) -> Doc | None:
    """An unparsed copy of ``doc`` (same tokens, spaces and sentence starts) with its Title Case headline in
    sentence case, or None when it has none."""
    words = truecased_words(doc)
    if words is None:
        return None
    copy = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    copy.from_array([SENT_START], cast(Ints2d, doc.to_array([SENT_START])))
    return copy


def copy_parse(parsed: Doc, original: Doc) -> Doc:
    """``original`` with the tags, parse and entities of ``parsed`` (its truecased copy).

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> original = nlp.make_doc("Boeing Delays 787 Dreamliner Again\\nBoeing said its Dreamliner was late.")
    >>> doc = copy_parse(nlp(truecased_doc(original)), original)
    >>> doc[1].text, doc[1].tag_, doc[1].lemma_
    ('Delays', 'VBZ', 'delay')
    """
    original.from_array(PARSE_ATTRS, cast(Ints2d, parsed.to_array(PARSE_ATTRS)))
    original.tensor = parsed.tensor
    return original
