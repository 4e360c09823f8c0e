"""Parse repairs: a past verb the model parsed as an adjective ("Myanmar's military seized power on Monday":
"seized" an amod of "power", the sentence with no verb) becomes the verb, its noun the object and the noun
phrase before it the subject, so that the event is found with its agent; a name opening the sentence that the model
read as a base-form verb before a time and a past verb ("Trump on April 2 unveiled tariffs") becomes that verb's
subject; a name before a bare weekday that the model hung on the weekday ("Toyota Motor Thursday recalled":
"Motor" a compound of "Thursday", the verb with no subject) becomes the subject of the verb after the weekday.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from timeline.function_words import word_set

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


#: Dependencies of the past verb the model hung on a name it read as a verb ("Trump on April 2 unveiled").
_STRANDED_VERB_DEPS = frozenset({"ccomp", "conj", "dep", "advcl", "xcomp", "parataxis"})
#: Dependencies of what may stand between the name and the past verb (a time or place phrase).
_BETWEEN_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "tmod"})


def _name_as_verb(sent: Span) -> tuple[Token, Token] | None:
    """(name, verb) when the capitalised first word of a sentence is parsed as a base-form root verb that has no
    object and a subjectless past verb comes after it with only adverbial phrases between ("Trump on April 2
    unveiled tariffs": "Trump" a VB); else None.  A real imperative takes no past verb after a time ("Watch on
    Monday as ...")."""
    first = sent[0]
    if first.dep_ != "ROOT" or first.tag_ not in ("VB", "VBP") or not first.text[:1].isupper() \
            or not first.text[1:].islower() or len(first.text) < 2:
        return None
    verb = next((c for c in first.rights if c.tag_ == "VBD" and c.dep_ in _STRANDED_VERB_DEPS), None)
    if verb is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in verb.children):
        return None
    between = [c for c in first.children if first.i < c.i < verb.i]
    if not between or any(c.dep_ not in _BETWEEN_DEPS for c in between) \
            or any(c.dep_ in ("dobj", "attr", "nsubj", "aux") for c in first.children):
        return None
    return first, verb


def repair_names_read_as_verbs(doc: Doc) -> Doc:
    """Make a sentence-opening name read as a verb the subject of the past verb after it (see :func:`_name_as_verb`).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Trump on April 2 unveiled sweeping tariffs on imports.")
    >>> [(t.text, t.dep_, t.head.text) for t in doc][:5]
    [('Trump', 'nsubj', 'unveiled'), ('on', 'prep', 'unveiled'), ('April', 'pobj', 'on'), ('2', 'nummod', 'April'), ('unveiled', 'ROOT', 'unveiled')]
    """
    for sent in list(doc.sents):
        found = _name_as_verb(sent)
        if found is None:
            continue
        name, verb = found
        children = [c for c in name.children if c != verb]
        verb.head = verb
        verb.dep_ = "ROOT"
        name.head = verb
        name.dep_ = "nsubj"
        name.pos_, name.tag_ = "PROPN", "NNP"
        name.lemma_ = name.text
        for child in children:
            child.head = verb
    return doc


def _weekdays() -> frozenset[str]:
    """The weekday words of data/temporal/normalization.yaml (read once there)."""
    from timeline.temporal.rules import load_tables

    return frozenset(w for w in load_tables()["weekday"] if w.isalpha())


def _name_on_weekday(weekday: Token, days: frozenset[str]) -> tuple[list[Token], Token] | None:
    """(name words, verb) when a bare weekday stands right between a capitalised name and a subjectless finite verb
    and the model hung the name on the weekday or left it a root of its own ("Toyota Motor Thursday recalled");
    else None. A name that already acts ("Ford Thursday said", parsed right) or a weekday after a noun phrase
    that is not a name ("the vote Thursday passed") is left alone."""
    verb, doc = weekday.head, weekday.doc
    if weekday.lower_ not in days or not weekday.text[:1].isupper() or weekday.dep_ != "npadvmod" \
            or verb.i != weekday.i + 1 or verb.tag_ not in ("VBD", "VBZ", "VBP") or weekday.i == 0 \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    words: list[Token] = []
    i = weekday.i - 1
    while i >= weekday.sent.start and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and doc[i].is_alpha \
            and doc[i].ent_type_ not in ("DATE", "TIME", "GPE", "LOC"):
        words.insert(0, doc[i])
        i -= 1
    if not words or not all(w.head == weekday or w.head in words or w.dep_ == "ROOT" for w in words) \
            or not any(w.head == weekday for w in words):
        return None
    inside = {w.i for w in words} | {weekday.i}
    if any(c.i not in inside and c.dep_ != "punct" for w in words for c in w.children):
        return None  # the name heads words outside it: the parse is not just a misplaced name
    return words, verb


def repair_names_on_weekdays(doc: Doc) -> Doc:
    """Make a name the model hung on the bare weekday after it the subject of the verb (see :func:`_name_on_weekday`).

    >>> from spacy.tokens import Doc as D
    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> doc = nlp("Toyota recalls 2.3 million US cars\\n\\nToyota Motor Thursday recalled 2.3 million vehicles.")
    >>> [(t.text, t.dep_, t.head.text) for t in doc][7:10]
    [('Toyota', 'compound', 'Motor'), ('Motor', 'nsubj', 'recalled'), ('Thursday', 'npadvmod', 'recalled')]
    """
    days = _weekdays()
    for token in list(doc):
        found = _name_on_weekday(token, days)
        if found is None:
            continue
        words, verb = found
        head = words[-1]
        head.head, head.dep_ = verb, "nsubj"
        for word in words[:-1]:
            word.head, word.dep_ = head, "compound"
    return doc


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


def _clause_read_as_phrase(word: Token, marks: frozenset[str]) -> tuple[Token, Token] | None:
    """(subject, verb) when a subordinating word the model read as a preposition ("as") has a noun object right
    before a subjectless finite verb hung on the same head ("unfolded as desperate auto executives pleaded with
    lawmakers": "executives" the object of "as", "pleaded" with no subject); else None. A verb with its own
    subject, a verb not right after the noun phrase or hung elsewhere is left alone ("rose as much as 5%")."""
    if word.lower_ not in marks or word.dep_ != "prep" or word.tag_ != "IN":
        return None
    nouns = [c for c in word.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
    if len(nouns) != 1 or word.n_rights != 1:
        return None
    noun = nouns[0]
    doc = word.doc
    hung = noun.i + 1 < noun.sent.end and doc[noun.i + 1]
    if hung and hung.dep_ == "acl" and hung.head == noun and hung.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in hung.children):
        return noun, hung  # "injured as a 6.8 magnitude earthquake struck near the city": a finite verb is no
        # modifier of the noun before it (a participle is: "as a city struck by floods")
    after = noun.right_edge.i + 1
    if after >= len(doc) or after >= noun.sent.end:
        return None
    verb = doc[after]
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.head != word.head or verb.dep_ not in ("advcl", "conj", "dep") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in verb.children):
        return None
    return noun, verb


def repair_clauses_read_as_phrases(doc: Doc) -> Doc:
    """Make the object of a subordinating word read as a preposition the subject of the verb right after it, and the
    word that verb's marker (see :func:`_clause_read_as_phrase`).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The developments unfolded as desperate auto executives pleaded for a second day with lawmakers.")
    >>> [(t.text, t.dep_, t.head.text) for t in doc][3:8]
    [('as', 'mark', 'pleaded'), ('desperate', 'amod', 'executives'), ('auto', 'compound', 'executives'), ('executives', 'nsubj', 'pleaded'), ('pleaded', 'advcl', 'unfolded')]
    """
    marks = word_set("clause_marks_read_as_prepositions")
    for token in list(doc):
        found = _clause_read_as_phrase(token, marks)
        if found is None:
            continue
        noun, verb = found
        verb.head, verb.dep_ = token.head, "advcl"
        token.head, token.dep_ = verb, "mark"
        noun.head, noun.dep_ = verb, "nsubj"
    return doc


#: Dependencies of a noun that a following noun read as a verb really modifies ("lowered its federal funds rate").
_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "attr", "conj", "appos", "dative", "oprd"})


def _noun_after_modifier(word: Token, nouns: frozenset[str]) -> Token | None:
    """The noun before ``word`` when ``word`` is a noun the parser read as a verb after its own modifier
    ("its federal funds rate 50 basis points": "funds" the object of "lowered", "rate" a verb); else None.
    Not after its subject ("Analysts rate the stock a buy") nor with a subject, auxiliary or marker of its own."""
    doc = word.doc
    if word.lower_ not in nouns or not word.tag_.startswith("VB") or word.i == word.sent.start:
        return None
    before = doc[word.i - 1]
    if before.tag_ not in ("NN", "NNS", "NNP", "NNPS") or before.dep_ not in _NOMINAL_DEPS or before.head == word \
            or before.head.i > before.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "neg") for c in word.children):
        return None
    return before


def _verb_stems(plural: Token) -> list[str]:
    """The verbs a plural noun can be the third-person form of: without its "s", and without "es" too ("files" ->
    "file", "fil"; "pushes" -> "pushe", "push").

    >>> from timeline.nlp import load_nlp
    >>> _verb_stems(load_nlp().make_doc("pushes")[0])
    ['pushe', 'push']
    """
    word = plural.lower_
    return [word[:-1]] + ([word[:-2]] if word.endswith("es") else [])


def _verb_read_as_noun(word: Token, nouns: frozenset[str]) -> Token | None:
    """The headline verb read as a plural noun before ``word``, a noun the parser then read as the verb ("Fed
    lowers rate half percentage point": "lowers" the subject of "rate"); else None. The plural must follow a
    name and, as a verb, take ``word`` as an argument of an event type (data/event_types.yaml), so that
    "Analysts rate the stock" keeps its verb."""
    from timeline.events.taxonomy import EventTaxonomy
    from timeline.truecase import headline_end

    doc = word.doc
    if word.lower_ not in nouns or not word.tag_.startswith("VB") or word.dep_ != "ROOT" or word.i == 0 \
            or word.i >= headline_end(doc):
        return None
    plural = doc[word.i - 1]
    if plural.tag_ != "NNS" or plural.dep_ != "nsubj" or plural.head != word or not plural.lower_.endswith("s") \
            or not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in plural.lefts):
        return None
    taxonomy = EventTaxonomy.load()
    stems = _verb_stems(plural)
    noun = word.lower_.removesuffix("s")
    if not any(taxonomy.verb_type(s) or taxonomy.argument_type(s, [noun]) for s in stems):
        return None
    return plural


def repair_nouns_read_as_verbs(doc: Doc) -> Doc:
    """Make a noun read as a verb after its modifier the noun again (see :func:`_noun_after_modifier`), and a
    headline's verb read as a plural noun before it the verb (see :func:`_verb_read_as_noun`).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The Fed lowered its federal funds rate 50 basis points to 4.75 percent.")
    >>> [(t.text, t.dep_, t.head.text) for t in doc][3:10]
    [('its', 'poss', 'rate'), ('federal', 'amod', 'funds'), ('funds', 'compound', 'rate'), ('rate', 'dobj', 'lowered'), ('50', 'nummod', 'points'), ('basis', 'compound', 'points'), ('points', 'dobj', 'lowered')]
    >>> doc = load_nlp()("Fed lowers rate half percentage point\\n\\nThe Fed cut its rate.")
    >>> [(t.text, t.tag_, t.dep_, t.head.text) for t in doc][:3]
    [('Fed', 'NNP', 'nsubj', 'lowers'), ('lowers', 'VBZ', 'ROOT', 'lowers'), ('rate', 'NN', 'dobj', 'lowers')]
    """

    nouns = word_set("nouns_tagged_as_verbs")
    for word in list(doc):
        before = _noun_after_modifier(word, nouns)
        if before is not None:
            head, dep = before.head, before.dep_
            children = [c for c in word.children]
            word.head, word.dep_ = head, dep
            before.head, before.dep_ = word, "compound"
            for child in [c for c in before.lefts if c.dep_ in ("det", "poss")]:
                child.head = word
            for child in children:
                child.head = head
            word.pos_, word.tag_ = "NOUN", "NNS" if word.lower_.endswith("s") else "NN"
            continue
        plural = _verb_read_as_noun(word, nouns)
        if plural is None:
            continue
        names = [c for c in plural.lefts if c.dep_ == "compound"]
        children = [c for c in word.children if c != plural]
        plural.head, plural.dep_ = plural, "ROOT"
        word.head, word.dep_ = plural, "dobj"
        names[-1].head, names[-1].dep_ = plural, "nsubj"
        for name in names[:-1]:
            name.head = names[-1]
        for child in children:
            child.head = plural
            if child.dep_ == "dobj":
                child.dep_ = "npadvmod"
        plural.pos_, plural.tag_ = "VERB", "VBZ"
        plural.lemma_ = plural.lower_[:-1]
        word.pos_, word.tag_ = "NOUN", "NNS" if word.lower_.endswith("s") else "NN"
        word.lemma_ = word.lower_.removesuffix("s")
    return doc


#: Tags of closed-class words (pronouns, wh-words) the tagger gives an acronym that spells one ("WHO", "IT").
_PRONOUN_TAGS = frozenset({"WP", "WDT", "WRB", "PRP", "PRP$"})


def _acronym_read_as_pronoun(word: Token) -> bool:
    """True for an all-capital word of two or more letters tagged as a pronoun or wh-word ("the WHO is setting up
    clinics": "WHO" a WP) in a sentence that also has lower-case words (not a headline in capitals, "WHO WON?")."""
    if word.tag_ not in _PRONOUN_TAGS or len(word.text) < 2 or not word.text.isalpha() or not word.text.isupper():
        return False
    return any(t.is_alpha and not t.is_upper for t in word.sent)


def repair_acronyms_read_as_pronouns(doc: Doc) -> Doc:
    """Make an acronym the tagger read as a pronoun ("WHO" as "who") a proper noun, so that it can name an actor.

    >>> from timeline.nlp import load_nlp
    >>> [(t.text, t.pos_) for t in load_nlp()("The WHO is setting up clinics. Who said that?") if t.lower_ == "who"]
    [('WHO', 'PROPN'), ('Who', 'PRON')]
    """
    for word in doc:
        if _acronym_read_as_pronoun(word):
            word.pos_, word.tag_ = "PROPN", "NNP"
    return doc


def _result_verb_read_as_noun(word: Token, verbs: frozenset[str]) -> tuple[Token, Token, Token] | None:
    """(verb, misread root, object) when a result verb in -s right after a capitalised name ("GM posts huge $15.5
    billion 2Q loss") is tagged a plural noun whose head is the word right after it, read as a present verb
    ("huge", "record"), with a result noun (data/event_types.yaml) as its object or as the verbless sentence's
    root, and no other subject; else None."""
    doc = word.doc
    if word.tag_ != "NNS" or not word.lower_.endswith("s") or word.lower_[:-1] not in verbs \
            or word.dep_ not in ("nsubj", "compound") or word.i == word.sent.start:
        return None
    root, name = word.head, doc[word.i - 1]
    if root.i != word.i + 1 or root.tag_ not in ("VB", "VBP") or not root.is_lower:
        return None
    if name.pos_ != "PROPN" or not name.text[:1].isupper() or name.head != word:
        return None
    if root.dep_ == "ROOT":  # "huge" the root verb, "loss" its object
        obj = next((c for c in root.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    else:  # "huge" a modifier inside the noun phrase of "loss", the root of a sentence without a verb
        top = word.sent.root
        obj = top if top.pos_ == "NOUN" and top.i > root.i and root in top.subtree \
            and not any(t.pos_ in ("VERB", "AUX") and t != root for t in word.sent) else None
    if obj is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") and c != word for c in root.children):
        return None
    from timeline.events.taxonomy import EventTaxonomy

    if EventTaxonomy.load().noun_type(obj.lemma_) != "result":
        return None  # "Instagram posts reach millions": the posts act, no result is posted
    return word, root, obj


def repair_result_verbs_read_as_nouns(doc: Doc) -> Doc:
    """Make a result verb the tagger read as a plural noun after a name the verb, the name its subject and the
    misread root (an adjective) a modifier of the object (see :func:`_result_verb_read_as_noun`).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("GM posts huge $15.5 billion 2Q loss")
    >>> [(t.text, t.pos_, t.dep_, t.head.text) for t in doc][:3]
    [('GM', 'PROPN', 'nsubj', 'posts'), ('posts', 'VERB', 'ROOT', 'posts'), ('huge', 'ADJ', 'amod', 'loss')]
    """
    verbs = word_set("headline_result_verbs")
    for word in list(doc):
        found = _result_verb_read_as_noun(word, verbs)
        if found is None:
            continue
        verb, root, obj = found
        name = doc[verb.i - 1]
        children = [c for c in root.children if c not in (verb, obj)] if root.dep_ == "ROOT" else []
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBZ"
        verb.lemma_ = verb.lower_[:-1]
        name.head, name.dep_ = verb, "nsubj"
        obj.head, obj.dep_ = verb, "dobj"
        if root.head == root:
            root.head = obj
        root.dep_, root.pos_, root.tag_ = "amod", "ADJ", "JJ"
        root.lemma_ = root.lower_
        for child in children:
            child.head = verb
    return doc


#: Dependencies the parser gives a headline's name before "to" and an infinitive ("GM to close plant": "GM" an
#: npadvmod of "close"), where the name is the subject of the announced act.
_INFINITIVE_NAME_DEPS = frozenset({"npadvmod", "dep", "nmod", "advmod", "appos", "compound"})


def _headline_infinitive_name(verb: Token) -> Token | None:
    """The name that opens a headline "NAME to VERB ..." when the parser did not make it the subject of the
    infinitive ("GM to close Oshawa plant": "GM" an npadvmod of "close"); else None. Only in the headline line,
    only a proper name right before the "to", and only when the verb has no subject of its own."""
    from timeline.truecase import headline_end

    doc = verb.doc
    if verb.tag_ != "VB" or verb.i >= headline_end(doc) or verb.i < 2:
        return None
    to = doc[verb.i - 1]
    if to.tag_ != "TO" or to.head != verb or to.dep_ != "aux":
        return None
    name = doc[to.i - 1]
    if name.pos_ != "PROPN" or name.head != verb or name.dep_ not in _INFINITIVE_NAME_DEPS \
            or name.left_edge.i != verb.sent.start:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return name


def repair_headline_infinitive_subjects(doc: Doc) -> Doc:
    """Make the name opening a headline "NAME to VERB" the subject of the infinitive (see
    :func:`_headline_infinitive_name`), so that the announced act ("GM to close plant") has its actor.

    >>> from timeline.extract import line_breaks_end_sentences
    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> doc = nlp(line_breaks_end_sentences(nlp.make_doc("GM to close plant in Ohio\\n\\nThe company said so.")))
    >>> [(t.text, t.dep_, t.head.text) for t in doc][:3]
    [('GM', 'nsubj', 'close'), ('to', 'aux', 'close'), ('close', 'ROOT', 'close')]
    """
    for verb in list(doc):
        name = _headline_infinitive_name(verb)
        if name is not None:
            name.dep_ = "nsubj"
    return doc


def _headline_name_as_compound(verb: Token) -> Token | None:
    """The name opening a headline that the parser hung on the headline's finite verb as a compound ("EADS delays
    first flight", "WTO rules against Boeing": "delays", "rules" a VBZ root, the name its compound); else None.
    Only in the headline line, only a proper name right before the verb that opens the line, and only when the
    verb has no subject of its own."""
    from timeline.truecase import headline_end

    doc = verb.doc
    if verb.tag_ not in ("VBZ", "VBD") or verb.dep_ != "ROOT" or verb.i >= headline_end(doc) or verb.i < 1:
        return None
    name = doc[verb.i - 1]
    if name.pos_ != "PROPN" or name.head != verb or name.dep_ != "compound" or name.left_edge.i != verb.sent.start:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    return name


def repair_headline_names_read_as_compounds(doc: Doc) -> Doc:
    """Make the name a headline's finite verb holds as a compound its subject (see
    :func:`_headline_name_as_compound`), so that "EADS delays first flight" is EADS's act.

    >>> from timeline.extract import line_breaks_end_sentences
    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> doc = nlp(line_breaks_end_sentences(nlp.make_doc("WTO rules against Boeing\\n\\nThe body ruled so.")))
    >>> [(t.text, t.dep_, t.head.text) for t in doc][:2]
    [('WTO', 'nsubj', 'rules'), ('rules', 'ROOT', 'rules')]
    """
    for verb in list(doc):
        name = _headline_name_as_compound(verb)
        if name is None:
            continue
        for other in (c for c in verb.lefts if c.dep_ == "compound" and c != name):
            other.head = name  # "Air France KLM cuts flights": the whole name is the subject
        name.dep_ = "nsubj"
    return doc


def _bare_infinitive_subject(verb: Token) -> Token | None:
    """The name the parser hung as a compound on a bare infinitive that a verb of seeing or causing governs ("saw
    Swiatek defeat Anisimova", "watched Sinner win": "defeat" a VB ccomp, "Swiatek" its compound); a compound of a
    verb is no parse, the name is the infinitive's subject. Only a proper name right before the verb, and only when
    the verb has no subject of its own; else None."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ccomp", "xcomp") or verb.i < 1:
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or name.head != verb or name.dep_ != "compound" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return None
    return name


def repair_bare_infinitive_subjects(doc: Doc) -> Doc:
    """Make the name a bare infinitive holds as a compound its subject (see :func:`_bare_infinitive_subject`), so
    that "the final saw Swiatek defeat Anisimova" is Swiatek's win."""
    for verb in list(doc):
        name = _bare_infinitive_subject(verb)
        if name is not None:
            for other in (c for c in verb.lefts if c.dep_ == "compound" and c != name):
                other.head = name  # "saw Iga Swiatek defeat": the whole name is the subject
            name.dep_ = "nsubj"
    return doc


def _headline_verb_as_plural(word: Token) -> Token | None:
    """The name before ``word`` when ``word`` is a headline's verb that the parser read as a plural noun rooting a
    headline with no verb ("Chrysler files for bankruptcy": "files" an NNS root, "Chrysler" its compound); else
    None. The plural's singular must be a verb of an event type (data/event_types.yaml) and no metric noun ("GM
    sales in March" keeps its noun), the name must open the headline and the plural must have words after it."""
    from timeline.actors.lexicon import NounLexicon
    from timeline.events.taxonomy import EventTaxonomy
    from timeline.truecase import headline_end

    doc = word.doc
    sent = word.sent
    if word.tag_ != "NNS" or not word.is_lower or not word.lower_.endswith("s") or word.i >= headline_end(doc) \
            or not any(True for _ in word.rights):
        return None
    second = _second_headline_verb(word)
    if word.dep_ != "ROOT" and second is None:
        return None
    if any((t.tag_.startswith("VB") or t.tag_ == "MD") and t.dep_ not in ("compound", "amod") and t != second
           and not (t.dep_ == "conj" and t.head == word) and not _clause_on(t, word)
           for t in sent):  # "posts record loss, cuts jobs": a conj; "slumps 5% as stocks fall": a clause on it
        return None  # a real verb; "record" in "posts record loss" is a VBP compound
    # the name is the plural's compound, or already its subject ("Hong Kong's Hang Seng slumps 5 percent")
    names = [c for c in word.lefts if c.dep_ in ("compound", "nsubj") and c.pos_ == "PROPN"]
    if not names or names[-1].i != word.i - 1 or names[0].left_edge.i != sent.start:
        return None
    stems = _verb_stems(word)
    metrics = NounLexicon.load().metric_nouns
    taxonomy = EventTaxonomy.load()
    if any(stem in metrics for stem in stems) or not any(taxonomy.verb_type(stem) for stem in stems):
        return None
    return names[-1]


def _clause_on(verb: Token, word: Token) -> bool:
    """``verb`` (or the verb it is in a clause of) heads an adverbial clause with a marker on ``word`` ("slumps 5
    percent as Asian stocks fall"): a subordinate clause, not a verb of the headline's own."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp", "aux", "auxpass") and clause.head != clause and clause.head != word:
        clause = clause.head
    return clause.dep_ == "advcl" and clause.head == word and any(c.dep_ == "mark" for c in clause.children)


def _second_headline_verb(word: Token) -> Token | None:
    """The headline's root verb after a comma or semicolon that the parser gave ``word`` as its subject ("Chrysler
    files for bankruptcy; inks Fiat deal": "files" the subject of "inks"), else None."""
    verb = word.head
    if word.dep_ != "nsubj" or verb.dep_ != "ROOT" or verb.tag_ not in ("VBZ", "VBD") or verb.i <= word.i:
        return None
    between = word.doc[word.i + 1:verb.i]
    if not any(t.text in (",", ";") for t in between) or any(t.tag_.startswith("VB") for t in between):
        return None
    return verb


def repair_headline_verbs_read_as_plurals(doc: Doc) -> Doc:
    """Make a headline's verb read as a plural noun the verb and the name before it its subject (see
    :func:`_headline_verb_as_plural`), so that "Chrysler files for bankruptcy" is Chrysler's filing.

    >>> from timeline.extract import line_breaks_end_sentences
    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> doc = nlp(line_breaks_end_sentences(nlp.make_doc("Chrysler files for bankruptcy\\n\\nThe company said so.")))
    >>> [(t.text, t.tag_, t.dep_, t.head.text) for t in doc][:2]
    [('Chrysler', 'NNP', 'nsubj', 'files'), ('files', 'VBZ', 'ROOT', 'files')]
    """
    from timeline.events.taxonomy import EventTaxonomy

    taxonomy = EventTaxonomy.load()
    for word in list(doc):
        name = _headline_verb_as_plural(word)
        if name is None:
            continue
        second = _second_headline_verb(word)
        if second is not None:  # "Chrysler files for bankruptcy; inks Fiat deal": two verbs, one subject
            word.head, word.dep_ = word, "ROOT"
            second.head, second.dep_ = word, "conj"
            for child in (c for c in word.rights if c.dep_ == "appos"):
                child.dep_ = "dobj"  # "GM posts record loss, cuts jobs": the loss is what is posted
        for other in (c for c in word.lefts if c.dep_ == "compound" and c != name):
            other.head = name
        name.dep_ = "nsubj"
        word.pos_, word.tag_ = "VERB", "VBZ"
        stems = _verb_stems(word)
        word.lemma_ = next(stem for stem in stems if taxonomy.verb_type(stem))
    return doc


def repair_per_cent_phrases(doc: Doc) -> Doc:
    """Hang a "per cent" the parser hung on the verb on the number before it ("Qantas shares have fallen 25 per
    cent": "per" a prep of "fallen", so the summary cut the amount to "falls 25"); the British spelling of
    "percent" (``per_cent_words``) then reads as one amount.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Qantas shares have fallen 25 per cent since January.")
    >>> [(t.text, t.head.text) for t in doc][4:7]
    [('25', 'fallen'), ('per', '25'), ('cent', 'per')]
    """
    cents = word_set("per_cent_words")
    for word in doc:
        if word.lower_ != "per" or word.dep_ != "prep" or word.i == 0:
            continue
        number = doc[word.i - 1]
        if not number.like_num or word.head == number or number.head != word.head:
            continue
        if not any(c.dep_ == "pobj" and c.lower_ in cents and c.i == word.i + 1 for c in word.children):
            continue
        word.head = number
    return doc


#: Clause labels the parser gives the first word of a split hyphenated name, which no noun phrase can have.
_CLAUSE_DEPS = ("acl", "advcl", "ccomp", "xcomp", "relcl")


def _hyphenated_name(hyphen: Token) -> tuple[Token, Token] | None:
    """(first, last) word of a name written with a hyphen and no spaces ("Wal-Mart", "Mercedes-Benz") that the
    parser split: the first word heads the last (read as its object, "replaces Wal" + "Mart") or both hang on the
    same word; else None."""
    doc = hyphen.doc
    i = hyphen.i
    if hyphen.text != "-" or i == 0 or i + 1 >= len(doc) or hyphen.whitespace_ or doc[i - 1].whitespace_:
        return None
    first, last = doc[i - 1], doc[i + 1]
    if not (first.is_alpha and last.is_alpha and first.text[:1].isupper() and last.text[:1].isupper()
            and first.tag_ == "NNP" and last.tag_ == "NNP"):
        return None
    if last.head == first or last.head == first.head and first.head not in (first, last) and last.dep_ == first.dep_:
        return first, last
    return None


def repair_hyphenated_names(doc: Doc) -> Doc:
    """Make a hyphenated name one noun phrase headed by its last word ("replaces Wal-Mart": "Mart" the object,
    "Wal" its compound), as the parser reads "Mercedes Benz"; a spaced dash ("Smith - Jones") is left alone.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Acme's store replaces Wal-Mart as top seller.")
    >>> [(t.text, t.dep_, t.head.text) for t in doc[4:7]]
    [('Wal', 'compound', 'Mart'), ('-', 'punct', 'Mart'), ('Mart', 'dobj', 'replaces')]
    """
    for hyphen in doc:
        found = _hyphenated_name(hyphen)
        if found is None:
            continue
        first, last = found
        children = [c for c in first.children if c not in (hyphen, last)]
        if first.head == first:
            last.head = last
        else:
            last.head = first.head
        last.dep_ = first.dep_
        if last.dep_ in _CLAUSE_DEPS and last.head.pos_ in ("VERB", "AUX") and last.head.i < last.i \
                and not any(c.dep_ == "dobj" for c in last.head.children):
            last.dep_ = "dobj"  # a name is no clause: "replaces Wal" read as "acl", "Wal-Mart" is the object
        first.head, first.dep_ = last, "compound"
        hyphen.head, hyphen.dep_, hyphen.tag_, hyphen.pos_ = last, "punct", "HYPH", "PUNCT"
        for child in children:
            child.head = last
    return doc


def _trade_word_read_as_verb(word: Token, nouns: frozenset[str]) -> tuple[Token, Token] | None:
    """("carmaking", "giant") when an "-making" word before a company noun was read as a verb whose object is the
    name the noun describes ("US carmaking giant General Motors is to sell"); else None."""
    if word.pos_ != "VERB" or not word.lower_.endswith("making") or word.i + 1 >= len(word.doc):
        return None
    noun = word.doc[word.i + 1]
    if noun.lower_ not in nouns:
        return None
    name = next((c for c in word.children if c.dep_ == "dobj" and c.i > word.i), None)
    if name is None or not (noun == name or noun in name.subtree):
        return None
    return noun, name


def repair_trade_words_read_as_verbs(doc: Doc) -> Doc:
    """Make an "-making" trade word before a company noun the noun's modifier, and the name it was read as taking as
    its object the word's place in the clause ("US carmaking giant General Motors (GM) is to sell Opel": GM is the
    subject of "is", no object of "carmaking").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("US carmaking giant General Motors (GM) is to sell Opel.")
    >>> [(t.text, t.dep_, t.head.text) for t in doc][1:5]
    [('carmaking', 'amod', 'giant'), ('giant', 'amod', 'Motors'), ('General', 'compound', 'Motors'), ('Motors', 'nsubj', 'is')]
    """
    nouns = word_set("industry_nouns")
    for word in list(doc):
        found = _trade_word_read_as_verb(word, nouns)
        if found is None:
            continue
        noun, name = found
        head, dep = word.head, word.dep_
        others = [c for c in word.children if c != name]
        if head == word:
            name.head, name.dep_ = name, "ROOT"
        else:
            name.head, name.dep_ = head, {"csubj": "nsubj", "csubjpass": "nsubjpass"}.get(dep, dep)
        word.head, word.dep_ = noun, "amod"
        word.pos_, word.tag_ = "NOUN", "NN"
        for child in others:
            child.head = noun if child.i < word.i else name
            if child.i < word.i:
                child.dep_ = "compound" if child.pos_ == "PROPN" else "amod"
    return doc
