"""Passive verbs a summary tells as passives: with "is"/"are" written or left out.

"The suspects were arrested", "a plan developed by McKinsey", a headline's "Large outbreak confirmed", "faced 235
years if convicted", "82 were killed and 1,700 injured" (see ``is_passive``), and the subject a conjoined
participle shares with the verb before it.
"""
from __future__ import annotations

from spacy.tokens import Token

from timeline.function_words import word_endings, word_set
from timeline.nlp import doc_text


def is_passive(token: Token) -> bool:
    """A verb in the passive: with a passive auxiliary, a participle on a noun ("a plan developed by McKinsey"),
    or one of the passives below that leave the auxiliary out.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The suspects were arrested. Police arrested two men.")
    >>> is_passive(doc[3]), is_passive(doc[6])
    (True, False)
    """
    return any(c.dep_ == "auxpass" for c in token.children) or (token.dep_ == "acl" and token.tag_ == "VBN") \
        or elliptic_passive(token) or headline_passive(token) or reduced_clause_passive(token) \
        or gerund_joined_passive(token)


def _past_form(token: Token) -> bool:
    """A past form, also one a title-case headline made a proper noun ("William Jefferson Convicted on 11 Counts")."""
    return token.tag_ in ("VBD", "VBN") or token.tag_ == "NNP" and token.text[:1].isupper() \
        and token.lower_.endswith(word_endings("participle_endings"))  # even inside a name the parser read


def headline_passive(token: Token) -> bool:
    """A headline's bare past participle is a passive with its "is" left out ("Large yellow fever outbreak
    confirmed", "Jefferson Convicted on 11 of 16 Counts"): headlines tell active events in the present tense.
    The headline is the text's first line, with no final stop; the verb heads its clause, with a subject, no
    object and no auxiliary.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Yellow fever outbreak confirmed\\nThe ministry confirmed cases.")
    >>> headline_passive(doc[3]), headline_passive(doc[7])
    (True, False)
    >>> headline_passive(load_nlp()("Stocks fell.\\nMore.")[1])
    False
    """
    text = doc_text(token.doc)
    line_end = text.find("\n")
    headline = text[:line_end].rstrip()
    if line_end < 0 or token.idx >= line_end or headline.endswith((".", "!", "?", '"', "'")) \
            or not _past_form(token) or token.lemma_.lower() in word_set("intransitive_verbs"):
        return False  # "All 9 people aboard died": no passive
    children = {c.dep_ for c in token.children if c.idx < line_end}  # the parse may hang the next line on it
    subjects = [c for c in token.children if c.dep_ == "nsubj"]  # "Attack in J&K: Two personnel martyred": no
    if any(t.text == ":" for s in subjects for t in token.doc[s.i:token.i]):  # subject across the colon
        return False
    return token.head == token and "nsubj" in children \
        and not children & {"dobj", "aux", "auxpass", "dative", "ccomp", "xcomp"}


def reduced_clause_passive(token: Token) -> bool:
    """A bare participle after a subordinator, its subject and "is" left out ("faced 235 years if convicted",
    "when asked about it"), or opening its sentence before the main clause ("Born on July 4 1938, Withers
    rose ..."): a passive of the main subject.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He faced 235 years in prison if convicted. He left when he finished.")
    >>> reduced_clause_passive(doc[7]), reduced_clause_passive(doc[13])
    (True, False)
    >>> doc = load_nlp()("Born in 1938, he rose to fame. Troops surrounded the town.")
    >>> reduced_clause_passive(doc[0]), reduced_clause_passive(doc[9])
    (True, False)
    """
    return token.tag_ == "VBN" and token.dep_ == "advcl" \
        and (any(c.dep_ == "mark" for c in token.children) or _fronted(token)) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "agent") for c in token.children)
    # "as reported by the BBC": the agent is named, the BBC reports


def _fronted(token: Token) -> bool:
    """The word opens its sentence (after punctuation only) and comes before the clause it modifies, whose
    subject it then shares ("Born in 1938, he ...", "Asked about it, she ...")."""
    head = token.head
    return head.i > token.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i for c in head.children) \
        and all(t.is_punct for t in token.doc[token.sent.start:token.i])


def gerund_joined_passive(token: Token) -> bool:
    """A bare past form joined to a gerund clause, with no object and a "with"/"by" phrase ("..., winning three
    Grammy Awards and honoured with an induction"): a passive of the main subject, its "is" left out.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He retired, winning two awards and honoured with a prize. He won and honoured his pledge.")
    >>> gerund_joined_passive(doc[7]), gerund_joined_passive(doc[15])
    (True, False)
    """
    head = token.head
    return token.tag_ in ("VBD", "VBN") and token.dep_ == "conj" and head.tag_ == "VBG" \
        and head.dep_ in ("advcl", "acl", "xcomp", "conj") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "dative", "ccomp", "xcomp", "attr")
                    for c in token.children) \
        and any(c.dep_ in ("prep", "agent") and c.lower_ in word_set("passive_phrase_preps") for c in token.children)


def elliptic_passive(token: Token) -> bool:
    """A participle sharing the passive auxiliary of the verb before it ("82 were killed and 1,700 injured")."""
    return (token.dep_ == "conj" and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.head.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children))


def shared_patient(token: Token) -> Token | None:
    """The passive subject a conjoined participle shares with the verb before it, a relative pronoun's noun
    for a relative clause ("people who were pinned or hit by debris" -> people), or None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Two residents were injured or killed by falling debris.")
    >>> shared_patient(doc[5]).text
    'residents'
    """
    if token.dep_ != "conj" or any(c.dep_ in ("nsubjpass", "nsubj") for c in token.children):
        return None
    head = token.head
    subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ in word_set("relative_pronouns") and head.dep_ == "relcl":
        return head.head  # "people who were pinned or hit"
    return subject if subject is not None and subject.lower_ not in word_set("relative_pronouns") else None
