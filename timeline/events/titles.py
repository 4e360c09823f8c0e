"""Names of works inside a sentence (film, book, album, song titles): a trigger word inside one is no event
("Jafar Panahi's It Was Just an Accident" is a film, no accident; "the coproduction Sound of Falling" no fall).

A title is a run of capitalised words (small words such as "of", "an" may stand between them) that is
- inside quotation marks,
- tagged WORK_OF_ART by the parser and standing where a name does,
- right after a work noun ("the film", "the novel", data/actors/nouns.yaml work_nouns and
  data/function_words.yaml title_nouns), or
- a capitalised pronoun, auxiliary or verb in the middle of a sentence written in lower case ("It Was Just an
  Accident", "Sound of Falling"), which no plain name has.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from timeline.actors.lexicon import NounLexicon
from timeline.function_words import word_set

_QUOTES = frozenset({'"', "``", "''", "“", "”", "‘", "’"})
_LOWER_IN_NAMES = frozenset({"PRON", "AUX", "VERB", "ADV", "SCONJ"})


def _capitalised(token: Token) -> bool:
    """A capitalised word that is no date ("Sound of Falling on Sunday" ends before "on")."""
    return token.text[:1].isupper() and token.text.replace("-", "").replace("'", "").isalpha() \
        and token.ent_type_ not in ("DATE", "TIME")


def _runs(sentence: Span) -> list[list[Token]]:
    """Runs of capitalised words, small title words between them allowed (never at either end)."""
    small = word_set("title_function_words")
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in sentence:
        if _capitalised(token) or current and token.lower_ in small:
            current.append(token)
        else:
            while current and not _capitalised(current[-1]):
                current.pop()
            if current:
                runs.append(current)
            current = []
    while current and not _capitalised(current[-1]):
        current.pop()
    if current:
        runs.append(current)
    return runs


def _mostly_capitalised(sentence: Span, run: list[Token]) -> bool:
    """A Title Case headline: capitals say nothing there (counted outside the run, its first word and names)."""
    inside = {t.i for t in run}
    words = [t for t in sentence[1:] if t.is_alpha and t.i not in inside and t.pos_ != "PROPN"
             and t.lower_ not in word_set("title_function_words")]
    return not words or sum(_capitalised(t) for t in words) * 2 > len(words)


def _quoted(run: list[Token]) -> bool:
    first, last = run[0], run[-1]
    before = first.doc[first.i - 1] if first.i > first.sent.start else None
    after = last.doc[last.i + 1] if last.i + 1 < last.sent.end else None
    return before is not None and after is not None and before.text in _QUOTES and after.text in _QUOTES


def _after_work_noun(run: list[Token]) -> bool:
    first = run[0]
    if first.i == first.sent.start:
        return False
    before = first.doc[first.i - 1]
    nouns = NounLexicon.load().work_nouns | word_set("title_nouns")
    return before.is_lower and before.pos_ == "NOUN" and (before.lemma_.lower() in nouns or before.lower_ in nouns)
    # not the verb "play Zhang Zhizhen"


def _in_noun_place(run: list[Token]) -> bool:
    """The run stands where a name does: after a possessive, a determiner, or a lower-case noun, adjective or
    preposition ("Panahi's It Was Just an Accident"); not after a comma or semicolon of a run-on headline
    ("GM, Chrysler Try to Put the Brakes on Bankruptcy", "; Stocks Rise") nor an opening quotation mark."""
    first = run[0]
    if first.i == first.sent.start:
        return False
    before = first.doc[first.i - 1]
    return before.tag_ in ("POS", "DT", "PRP$") or before.is_lower and before.pos_ in ("NOUN", "ADJ", "ADP")


def title_tokens(sentence: Span) -> frozenset[int]:
    """Indexes (in the doc) of the words of works' titles in ``sentence``.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The prize went to the coproduction Sound of Falling on Sunday.")
    >>> sorted(doc[i].text for i in title_tokens(doc[:]))
    ['Falling', 'Sound', 'of']
    >>> title_tokens(load_nlp()("The Sound Transit board met after the Falling Creek accident.")[:])
    frozenset()
    >>> title_tokens(load_nlp()("Rates fell in March; Stocks Rise as GM, Chrysler Try to Cut Costs. I will play Zhang Wei.")[:])
    frozenset()
    """
    found: set[int] = set()
    for run in _runs(sentence):
        if len(run) == 1 and not (_quoted(run) or _after_work_noun(run)):
            continue
        inner_verb = _in_noun_place(run) and any(t.pos_ in _LOWER_IN_NAMES and t.lower_ != "i" for t in run) \
            and not _mostly_capitalised(sentence, run)
        art = any(t.ent_type_ == "WORK_OF_ART" for t in run) and _in_noun_place(run)  # the tag alone is noisy
        if _quoted(run) or _after_work_noun(run) or art or inner_verb:
            found.update(t.i for t in run)
    return frozenset(found)
