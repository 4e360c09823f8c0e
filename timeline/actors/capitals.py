"""Capitals that make no name: a common word opening a sentence ("Testing has been conducted") and an acronym
spelt out in lower case ("an IED (improvised explosive device)")."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from timeline.actors.lexicon import NounLexicon

_QUOTES = ('"', "'", "\u201c", "\u2018")
#: Marks after which a capital may open a quoted or introduced sentence inside another one.
_AFTER_OPENERS = ('"', "\u201c", "'", ":")
_USER_DATA_KEY = "timeline.capitals.words"


def capitalised_by_position(token: Token) -> bool:
    """True for a word capitalised only because it opens a sentence or line ("Testing has been conducted",
    "Airstrikes killed 58"): a one-word phrase the article also writes in lower case ("further testing") or
    with a suffix of abstract nouns ("Confirmation was received"), and never writes capitalised inside a line.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Confirmation was received. Airstrikes hit. Later airstrikes hit. Reuters said.")
    >>> [capitalised_by_position(t) for t in (doc[0], doc[4], doc[12])]
    [True, True, False]

    A plural common noun ("Videos posted ...") needs no lower-case form elsewhere, only no capitalised one
    inside a line; a word before a plural person noun ("Rescue workers searched") one that begins a lower-case
    word ("rescuers"), not "Macintosh users".
    """
    if not (token.is_sent_start or _opens_line(token)) or not token.is_title:
        return False
    matter = NounLexicon.load().natural_matter_nouns
    if (token.lemma_.lower() in matter or token.lower_ in matter) and token.text not in _doc_words(token.doc).inside_lines:
        return True  # "Mud tumbled down onto homes", "Lava reached the sea": weather and ground matter, no name
    if _common_noun_read_as_person(token):  # "Flash floods and landslides" (spaCy: PERSON "Flash")
        return token.text not in _doc_words(token.doc).inside_lines
    if token.dep_ == "compound" and not _before_group_noun(token) \
            or any(c.dep_ == "compound" for c in token.children) or token.ent_type_ in ("PERSON", "GPE", "NORP"):
        return False
    words = _doc_words(token.doc)
    if token.text in words.inside_lines:
        return False  # written capitalised inside a line too: a name
    lower = token.lower_
    if token.tag_ == "NNS":
        return True  # "Videos posted by ...": no name is written as a plural common noun
    if token.dep_ == "compound":  # "Rescue workers were searching" when "rescued" or "rescuers" comes too
        return len(lower) >= 4 and any(w.startswith(lower) for w in words.lower_forms)
    return lower in words.lower_forms or any(lower.endswith(suffix) for suffix in NounLexicon.load().abstract_suffixes)


def _common_noun_read_as_person(token: Token) -> bool:
    """True for a one-word "person" the tagger calls a common noun (NN) compounded with the lower-case plural right
    after it ("Flash floods"): a modifier of a common noun, not a name as in "Smith supporters" (NNP).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Flash floods hit the town. Bush aides said so.")
    >>> _common_noun_read_as_person(doc[0]), _common_noun_read_as_person(doc[6])
    (True, False)
    """
    head = token.head
    return token.tag_ == "NN" and token.dep_ == "compound" and token.ent_type_ == "PERSON" and head.i == token.i + 1 \
        and head.tag_ == "NNS" and head.is_lower and token.ent_iob_ == "B" \
        and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")


def _before_group_noun(token: Token) -> bool:
    """True for a word compounded with a plural person noun right after it ("Rescue workers", "Aid workers")."""
    head = token.head
    return head.i == token.i + 1 and head.tag_ == "NNS" and head.lower_ in NounLexicon.load().group_nouns


@dataclass(frozen=True)
class _DocWords:
    """The words of one parsed text that the test above looks up, collected in one pass over its tokens."""

    inside_lines: frozenset[str]  # texts of words neither opening a sentence nor a line
    inside_sentences: frozenset[str]  # texts of words neither opening a sentence nor following a quote or colon
    lower_forms: frozenset[str]  # forms and lemmas of words written in lower case
    size: int  # tokens of the text when built (a retokenised text is read again)


def capitalised_inside_sentence(token: Token) -> bool:
    """Whether the article also writes the word, as written, inside a sentence (not first, not after a quote mark
    or colon): a sentence-initial capital that is a name's ("Priceline shares" when "rival Priceline Group" comes
    too), not a common word's.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Priceline shares rose. It beat rival Priceline Group. Software sales fell.")
    >>> capitalised_inside_sentence(doc[0]), capitalised_inside_sentence(doc[10])
    (True, False)
    """
    return token.text in _doc_words(token.doc).inside_sentences


def written_in_lower_case(token: Token) -> bool:
    """Whether the text writes the token's word in lower case somewhere, as a form or a lemma of a lower-case word
    ("Airstrikes" when "airstrikes" or "airstrike" comes too); one lookup in the text's cached word sets.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Airstrikes hit. Later airstrikes hit. Reuters said.")
    >>> written_in_lower_case(doc[0]), written_in_lower_case(doc[-3])
    (True, False)
    """
    return token.lower_ in _doc_words(token.doc).lower_forms


def _doc_words(doc: Doc) -> _DocWords:
    """The text's ``_DocWords``, built on first use and kept in ``doc.user_data`` (spaCy's per-document store), so
    that testing every sentence-initial word stays linear in the length of the text.

    >>> from timeline.nlp import load_nlp
    >>> words = _doc_words(load_nlp()("Reuters said. Later Reuters added testing."))
    >>> sorted(words.inside_lines), "testing" in words.lower_forms
    (['.', 'Reuters', 'added', 'said', 'testing'], True)
    """
    cached = doc.user_data.get(_USER_DATA_KEY)
    if isinstance(cached, _DocWords) and cached.size == len(doc):
        return cached
    inside: set[str] = set()
    in_sentences: set[str] = set()
    lower: set[str] = set()
    for t in doc:
        if not t.is_sent_start and not _opens_line(t):
            inside.add(t.text)
        if not t.is_sent_start and doc[t.i - 1].text not in _AFTER_OPENERS:
            in_sentences.add(t.text)
        if t.is_lower:
            lower.update((t.lower_, t.lemma_))
    words = _DocWords(frozenset(inside), frozenset(in_sentences), frozenset(lower), len(doc))
    doc.user_data[_USER_DATA_KEY] = words
    return words


def _opens_line(token: Token) -> bool:
    """True for the first word of the text, of a line, or after a quotation mark that opens one."""
    doc, i = token.doc, token.i
    while i > 0 and doc[i - 1].text in _QUOTES:
        i -= 1
    return i == 0 or doc[i - 1].is_space or bool(doc[i - 1].is_sent_end)


def common_acronym(token: Token) -> bool:
    """True for an acronym spelt out in lower case in brackets after it: a common noun ("an IED (improvised
    explosive device)"), not a name ("the PLA (People's Liberation Army)").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It was an IED (improvised explosive device) near the PLA (People's Liberation Army).")
    >>> common_acronym(doc[3]), common_acronym(doc[11])
    (True, False)
    """
    doc = token.doc
    if not (token.text.isupper() and len(token.text) >= 2 and token.i + 2 < len(doc) and doc[token.i + 1].text == "("):
        return False
    words = []
    for t in doc[token.i + 2:token.i + 8]:
        if t.text == ")":
            break
        words.append(t)
    return len(words) >= 2 and all(t.is_lower or not t.is_alpha for t in words)
