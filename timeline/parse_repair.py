"""Parse repairs: a past verb the model parsed as an adjective ("Myanmar's military seized power on Monday":
"seized" an amod of "power", the sentence with no verb) becomes the verb, its noun the object and the noun
phrase before it the subject, so that the event is found with its agent.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

#: Tags of a word that can head a subject noun phrase before the verb ("military" is tagged JJ as a noun).
_SUBJECT_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ"})


def _verb_as_adjective(sent: Span) -> tuple[Token, Token, Token] | None:
    """(verb, object, subject head) when a past-tense word is an amod right before the noun that roots the sentence
    (no main verb: finite verbs are only in its clauses, "who was detained"), after a subject-like noun phrase
    ("Myanmar's military seized power"); else None."""
    for word in sent:
        noun = word.head
        if word.tag_ != "VBD" or word.dep_ != "amod" or noun.i != word.i + 1 or noun.dep_ != "ROOT" \
                or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        before = word.doc[word.i - 1] if word.i > sent.start else None
        if before is None or before.head != noun or before.tag_ not in _SUBJECT_TAGS \
                or before.dep_ not in ("amod", "compound", "nmod", "poss"):
            return None  # "The seized weapons": no subject before the word
        return word, noun, before
    return None


def repair_adjective_verbs(doc: Doc) -> Doc:
    """Re-attach a past verb parsed as an adjective (see :func:`_verb_as_adjective`).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Myanmar's military seized power on Monday.")
    >>> [(t.text, t.dep_, t.head.text) for t in doc][2:6]
    [('military', 'nsubj', 'seized'), ('seized', 'ROOT', 'seized'), ('power', 'dobj', 'seized'), ('on', 'prep', 'seized')]
    """
    for sent in list(doc.sents):
        found = _verb_as_adjective(sent)
        if found is None:
            continue
        verb, noun, subject = found
        lefts = [c for c in noun.lefts if c.i < subject.i]  # "Myanmar 's" belongs to the subject
        rights = [c for c in noun.rights if c.dep_ in ("prep", "npadvmod", "punct", "advcl", "cc", "conj")]
        verb.head = verb
        verb.dep_ = "ROOT"
        verb.pos_ = "VERB"
        noun.head = verb
        noun.dep_ = "dobj"
        subject.head = verb
        subject.dep_ = "nsubj"
        if subject.tag_ == "JJ":
            subject.pos_, subject.tag_ = "NOUN", "NN"
        for child in lefts:
            child.head = subject
        for child in rights:
            child.head = verb
    return doc
