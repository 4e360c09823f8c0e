"""Quotation: whether a token stands inside a direct quote, in its sentence or in its paragraph.

News quotes run over several sentences of a paragraph ("\"We were ready. I called him,\" she said") and are
written with straight, curly or doubled marks ("``", "''", which spaCy splits in two tokens).
"""
from __future__ import annotations

from spacy.tokens import Token

#: How many tokens back the opening quotation mark of a quote is looked for.
QUOTE_LOOKBACK = 400


def paragraph_break_before(token: Token) -> bool:
    """True when a new paragraph (a line break) starts at ``token``."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or "\n" in before.whitespace_ or before.is_space and "\n" in before.text


def in_quote(token: Token) -> bool:
    """True when an odd number of quotation marks opens the token's paragraph before it: the token is quoted,
    also in the later sentences of a quote running over several ("\"We were ready. I called him,\" she said").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()('"We were ready. I called him," she said.\\nI left.')
    >>> [in_quote(doc[i]) for i in (1, 5, 11, 14)]
    [True, True, False, False]
    """
    marks = 0
    for i in range(token.i - 1, max(-1, token.i - 1 - QUOTE_LOOKBACK), -1):
        if paragraph_break_before(token.doc[i + 1]):
            break
        marks += quotation_mark(token.doc[i])
    return marks % 2 == 1


def quoted(token: Token) -> bool:
    """True when an odd number of quotation marks opens the token's sentence before it: the token is quoted.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()('"He lied to us," Fishman said. Smith said he would resign.')
    >>> quoted(doc[1]), quoted(doc[11])
    (True, False)
    >>> quoted(load_nlp()("``Poland returns where she belongs,'' he said.")[5])
    True
    """
    return sum(1 for t in token.doc[token.sent.start:token.i] if quotation_mark(t, token.sent.start)) % 2 == 1


def quotation_mark(token: Token, start: int = 0) -> bool:
    """True for a quotation mark; the second half of a doubled one ("``", "''", split in two tokens) is none of
    its own. ``start``: the first token counted (a mark there has no first half before it)."""
    doc = token.doc
    return token.is_quote and not (token.i > start and doc[token.i - 1].is_quote and not doc[token.i - 1].whitespace_)
