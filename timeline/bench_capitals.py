"""Speed check of the sentence-initial name test (``timeline.actors.capitals``) on a long text full of
sentence-initial capitalised words (used by ``python -m timeline bench --capitals N``)."""
from __future__ import annotations

import time

_SYLLABLES = ("ka", "lo", "mer", "vin", "sa", "tor", "bel", "ru", "den", "mi", "gar", "no", "pel", "ste", "ha")
_ABSTRACT = ("Confirmation", "Testing", "Development", "Security", "Reporting", "Treatment")
_PREDICATES = ("said the talks would resume.", "arrived in the capital late on Tuesday.",
               "was confirmed by officials.", "has been delayed again.", "met the delegation.",
               "rejected the offer.")


def sentence_start_text(chars: int = 100_000) -> str:
    """About ``chars`` characters of short sentences, each opened by a made-up name or an abstract noun.

    >>> text = sentence_start_text(300)
    >>> 300 <= len(text) < 400, text.split()[0][0].isupper()
    (True, True)
    """
    sentences: list[str] = []
    size = 0
    index = 0
    while size < chars:
        if index % 4 == 3:
            opener = _ABSTRACT[index // 4 % len(_ABSTRACT)]
        else:
            a, b = _SYLLABLES[index % len(_SYLLABLES)], _SYLLABLES[index // len(_SYLLABLES) % len(_SYLLABLES)]
            opener = (a + b + _SYLLABLES[index // 7 % len(_SYLLABLES)]).capitalize()
        sentence = f"{opener} {_PREDICATES[index % len(_PREDICATES)]}"
        sentences.append(sentence)
        size += len(sentence) + 1
        index += 1
    return " ".join(sentences)


def time_capitals(chars: int = 100_000) -> dict[str, int | float]:
    """Seconds to parse a ``chars``-character text of sentence-initial names and to run the name test on every
    sentence-initial word (``capitals_s``, parse excluded)."""
    from timeline.actors.capitals import capitalised_by_position
    from timeline.actors.lexicon import NounLexicon
    from timeline.extract import line_breaks_end_sentences
    from timeline.nlp import load_nlp

    nlp = load_nlp()
    NounLexicon.load()  # read the data file before timing
    text = sentence_start_text(chars)
    began = time.perf_counter()
    doc = nlp(line_breaks_end_sentences(nlp.make_doc(text)))
    parse_s = time.perf_counter() - began
    starts = [token for token in doc if token.is_sent_start]
    began = time.perf_counter()
    common = sum(capitalised_by_position(token) for token in starts)
    return {"chars": len(text), "sentence_starts": len(starts), "common_words": common,
            "parse_s": round(parse_s, 3), "capitals_s": round(time.perf_counter() - began, 4)}
