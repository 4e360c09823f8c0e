"""Typing one actor mention: dictionary, demonym and capital first, then apposition, title, head noun, club
mark, the verb a name is subject of, and the NER label (a step set of :class:`timeline.actors.builder.MentionBuilder`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from timeline.actors.actor import Actor
from timeline.actors.dictionary import ActorDictionary
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import (
    APPOS,
    CAMEL,
    CONTEXT,
    HEAD,
    LABEL,
    LABEL_TYPES,
    PLACE_LABELS,
    STRONG,
    Mention,
    surface_text,
)
from timeline.function_words import word_map, word_set
from timeline.nlp import entity_of


def _given_name(word: str) -> bool:
    from timeline.actors.linking import is_given_name  # linking builds on this module
    return is_given_name(word)


#: Dependents of a verb whose possessive pronoun tells who the subject is ("secured her crown").
_OBJECT_DEPS = frozenset({"dobj", "attr", "prep", "npadvmod"})


class MentionTyping:
    """The typing steps of :class:`timeline.actors.builder.MentionBuilder` (state set by its constructor)."""

    doc: Doc
    dictionary: ActorDictionary
    lex: NounLexicon
    mentions: list[Mention]

    def _appositive_person(self, span: Span) -> bool:
        root = span.root
        for child in root.children:
            if child.dep_ == "appos" and child.lemma_.lower() in self.lex.person_nouns:
                return True
        if root.dep_ == "nsubj" and root.head.lemma_ in ("be", "become") and any(  # "Tsitsipas became the first
                c.dep_ == "attr" and c.lemma_.lower() in self.lex.person_nouns and c.ent_type_ in ("", "NORP")
                for c in root.head.children):  # Greek player": a person, whatever the NER label
            return True
        return root.dep_ == "appos" and root.head.lemma_.lower() in self.lex.person_nouns \
            and root.head.ent_type_ == ""

    def _acts_as_person(self, span: Span, label: str) -> bool:
        """True when an unknown name the model typed as a place or organisation is the subject of a verb only a
        person does ("Hodge sang", "Egerton resigned"), or, typed as a place, of a verb of saying ("Stephens
        said": places do not speak; organisations do, so "Hodge said" stays as labelled)."""
        root = span.root
        if label == "ORG" and root.dep_ == "conj" and self._titled_words(span) and root.head.ent_type_ == "PERSON" \
                and sum(1 for t in root.head.subtree if t.ent_type_ == "PERSON" and t.i <= root.head.i) >= 2 \
                and _given_name(span[0].text):
            return True  # "Julian Cash and Lloyd Glasspool won": joined to a person's full name
        if root.dep_ != "nsubj" or len(span) > 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
            return False
        verb = root.head.lemma_.lower()
        if label in ("GPE", "LOC", "FAC", "NORP"):
            return verb in self.lex.person_verbs or verb in self.lex.speech_verbs
        return label in ("ORG", "PRODUCT", "WORK_OF_ART", "") and (verb in self.lex.person_verbs
                                                                   or label == "ORG" and self._with_own_pronoun(span))

    def _titled_words(self, span: Span) -> bool:
        """True for two or three title-case words, none a word of a body's or place's name ("Lloyd Glasspool")."""
        return 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha and t.lower_ not in self.lex.body_name_words for t in span)

    def _with_own_pronoun(self, span: Span) -> bool:
        """True for a subject name of two or three title-case words, none a word of a body's name, whose verb has
        "his"/"her" in its own clause ("Iga Swiatek secured her maiden crown"): a person (a body says "its")."""
        if not self._titled_words(span):
            return False
        verb, possessives = span.root.head, word_map("gendered_possessives")
        return any(c.lower_ in possessives and c.dep_ == "poss" for d in verb.children if d.dep_ in _OBJECT_DEPS
                   for c in d.subtree)

    def _officer_named(self, span: Span, label: str) -> bool:
        """True when a two- or three-word name the model typed as an organisation follows a lower-case or
        capitalised office noun that is its modifier ("Airbus chief executive Guillaume Faury", "Acme CEO Jane
        Doe"): the office holder, a person. Not a name with an organisation, company or media word ("state
        broadcaster Xinhua News Agency"), nor one the dictionary knows."""
        if label != "ORG" or not 2 <= len(span) <= 3 or span.start == 0:
            return False
        if not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in span):
            return False
        words = {t.lower_ for t in span}
        if words & (self.lex.organisation_nouns | self.lex.company_nouns | self.lex.media_nouns | self.lex.titles):
            return False
        before = self.doc[span.start - 1]
        office = before.lower_.rstrip(".")
        return office in self.lex.titles and office in self.lex.person_nouns and office not in self.lex.organisation_nouns \
            and before.head.i in range(span.start, span.end) and before.dep_ in ("compound", "amod", "nmod") \
            and self.dictionary.lookup(span.text, entity_label="ORG") is None

    def _titled(self, span: Span, label: str) -> bool:
        first = span[0]
        if label in ("ORG", "FAC", "LOC") or self.dictionary.lookup(span.text, entity_label="ORG"):
            return False
        return (len(span) > 1 and first.lower_.rstrip(".") in self.lex.titles and first.lower_ not in ("the",)
                and span[-1].pos_ == "PROPN" and first.lower_ not in self.lex.organisation_nouns)

    def _kind_clash(self, actor: Actor, word: Token) -> bool:
        """True when ``word`` is a company-name word of one kind (role_descriptions, group_words: "Airlines",
        "airways") and the dictionary gives ``actor`` kinds of which none is that kind: "Continental Airlines"
        is no tyre maker's airline. A company of unknown kind, or a word of no kind, never clashes."""
        lower = word.lower_
        if actor.type != "company" or lower not in self.lex.group_words:
            return False
        roles = [noun for noun, words in self.lex.role_descriptions.items() if lower in words]
        kinds = self.dictionary.kinds_of(actor)
        return bool(roles) and kinds is not None and not any(noun in kinds for noun in roles)

    def _classify(self, mention: Mention, span: Span) -> None:
        text, label = span.text, mention.label
        d = self.dictionary
        if label == "PERSON" and self._law_title(span):
            return  # "the Parliamentary Services Bill 2025", "passing the Bill": a law, not a man called Bill
        actor = d.lookup(text, entity_label=label or "ORG")
        if actor is not None and span.end < len(self.doc) and self._kind_clash(actor, self.doc[span.end]):
            actor = None  # "United and Continental airlines": not the tyre maker Continental
        state_words = self._state_before(span)
        if actor is not None and actor.type != "country" and state_words and (d.foreign_body(state_words, actor) or (
                state_words.lower() in self.lex.region_names and d.states_named_by(actor))):  # "Africa CDC"
            mention.actor, mention.evidence = Actor(f"{state_words} {mention.surface}", actor.type), HEAD
            mention.aliases = [mention.surface]
            return  # "the French Senate voted": no United States Senate
        if actor is None and label in ("ORG", "NORP", ""):  # "U.S. Centers for Disease Control and Prevention"
            actor = d.national(text, entity_label=label or "ORG", federations=self.lex.federation_words)
        if actor is None and label in ("NORP", "GPE", "LOC", "ORG", ""):
            actor = d.demonym(text)
            if actor is not None and self._one_national(span):
                return  # "the Argentine hooked the ball", "the 22-year-old American won": a person, not the state
        if actor is not None:
            mention.actor, mention.evidence = actor, STRONG
            mention.place = actor.name if actor.type == "country" else None
            return
        if label == "NORP" and self._describes_organ(span):
            return  # "the Islamic regime", "the Communist government": an adjective, no name of a group or state
        state = d.capital(text, entity_label=label or "GPE")
        if state is not None and label != "PERSON":
            mention.place = mention.surface
            mention.actor, mention.evidence = state, STRONG
            mention.key = "capital"
            return
        if self._contextual(span) is not None:
            mention.key = "contextual"
            return
        name, kind, evidence = mention.surface, LABEL_TYPES.get(label, "organisation"), LABEL
        words = {t.lower_.strip(".") for t in span}
        end = span.end
        while end - span.start > 1 and (self.doc[end - 1].lower_.strip(".") in self.lex.legal_suffixes
                                        or self.doc[end - 1].is_punct):
            end -= 1
        grouped = end - span.start > 1 and self.doc[end - 1].lower_ in self.lex.group_words
        if (end < span.end or grouped and label == "ORG") and label in ("ORG", "PERSON", "GPE", "PRODUCT", ""):
            known = d.lookup(self.doc[span.start:end].text, entity_label="ORG") if end < span.end else None
            short = self.doc[span.start:end - 1].text
            if known is None and grouped and not (short.isupper() and self.doc[end - 1].lower_ in
                                                  self.lex.role_descriptions.get("airline", frozenset())):
                known = d.lookup(short, entity_label="ORG")  # "Fiat Group SpA" -> Fiat, "Nissan Motor Company"
                # -> Nissan, "Etihad Airlines" -> Etihad Airways; an acronym's airline ("PSA Airlines") is its own
            if known is not None and self._kind_clash(known, self.doc[end - 1]):
                known = None  # "Continental Airlines": the tyre maker Continental runs no airline
            if known is not None and known.type == "company":
                mention.actor, mention.evidence, mention.aliases = known, STRONG, [mention.surface]
                return
        if end < span.end and label in ("ORG", "PERSON", "GPE", "PRODUCT", ""):  # "Kimberly-Clark Corp."
            core = self.doc[span.start:end]
            if len(core) == 1 and self._common_noun(core[0]):  # "News Corp.": "News" alone names no company
                core = self.doc[span.start:end + 1]
            mention.actor, mention.evidence = Actor(surface_text(core).rstrip("."), "company"), HEAD
            mention.aliases = [mention.surface]
            return
        root_lemma = span.root.lemma_.lower()
        if root_lemma in self.lex.event_nouns and label != "PERSON":
            return
        if root_lemma in self.lex.prize_nouns and (label != "PERSON" or any(
                c.dep_ == "det" and c.lower_ in word_set("articles") for c in span.root.children)):
            return  # "the Best Film Award", "Super Cup title", "won an Oscar": what is won takes no part
        named = self._named_by_noun(span, label)
        if named == "storm":
            return  # "typhoon Juan": a storm, no actor
        if named == "thing":
            mention.actor, mention.evidence = Actor(name, "product"), HEAD  # "the film "Earwig"", "rocket Falcon Heavy"
            return
        outer = span.root.head if span.root.dep_ in ("compound", "amod", "nmod") else None
        if self._club(span):
            kind, evidence = "organisation", HEAD  # "Jamshedpur FC" (tagged PERSON), "SC East Bengal"
        elif len(span) > 1 and span.root.text[:1].isupper() and (
                root_lemma in self.lex.place_nouns and root_lemma not in self.lex.organisation_nouns
                and label in ("PERSON", "GPE", "LOC", "FAC", "PRODUCT")
                or span.root.lower_ in self.lex.venue_nouns and label in ("PERSON", "ORG", "GPE", "LOC", "FAC")):
            kind, evidence = "place", HEAD  # "Kuiper Belt", "Gaza Strip", "Kursk Region"; a venue named as one
            # building ("Grand Kartal Hotel", "O2 Arena"), not a chain ("Marriott Hotels")
        elif self._described_company(span, label):
            kind, evidence = "company", APPOS  # "mobile payments company Square" (tagged PERSON); it outweighs a
            # CamelCase product guess on the name's other mentions ("cybersecurity company CrowdStrike")
        elif self._described_after(span, label):
            kind, evidence = self._described_after(span, label), APPOS  # "Magna, the Canadian parts maker"
        elif self._described_organisation(span, label):
            kind, evidence = "organisation", APPOS  # "the group Insulate Britain" (tagged PERSON)
        elif label == "PERSON" or self._appositive_person(span) or self._titled(span, label) \
                or self._acts_as_person(span, label) or self._officer_named(span, label):
            kind, evidence = "person", (APPOS if label != "PERSON" else LABEL)
        elif words & self.lex.armed_unit_nouns and label in ("ORG", "NORP", "FAC", ""):
            kind, evidence = "armed unit", HEAD
        elif label == "ORG" and words & self.lex.media_nouns and (
                root_lemma in self.lex.media_nouns or root_lemma == "agency"):
            kind, evidence = "media", HEAD
        elif label == "ORG" and words & self.lex.company_nouns and root_lemma not in self.lex.organisation_nouns:
            kind, evidence = "company", HEAD
        elif root_lemma in self.lex.organisation_nouns and label not in PLACE_LABELS:
            kind, evidence = "organisation", HEAD
        elif outer is not None and outer.lemma_.lower() in self.lex.place_nouns:
            kind, evidence = "place", CONTEXT
        elif label in ("PRODUCT", "ORG") and any(CAMEL.match(t.text) for t in span):
            kind, evidence = "product", HEAD
        mention.actor, mention.evidence = Actor(name, kind), evidence
        if kind == "place":
            mention.place = name

    def _described_company(self, span: Span, label: str) -> bool:
        """A name in apposition right after a lower-case company noun ("payments company Square", "the startup
        Lyft"), or with that noun as its first compound ("at cybersecurity company WithSecure"): a company, whatever
        the NER label, PRODUCT too (not "the company Smith founded": Smith is no apposition)."""
        if label not in ("PERSON", "ORG", "PRODUCT", "") or span.start == 0:
            return False
        noun = self.doc[span.start - 1]
        if not (noun.pos_ == "NOUN" and noun.is_lower and self.lex.definite_descriptions.get(noun.lower_) == "company"):
            return False
        return span.root.dep_ == "appos" and span.root.head == noun \
            or noun.dep_ == "compound" and noun.head == span.root

    def _described_organisation(self, span: Span, label: str) -> bool:
        """A name the tagger calls a person in apposition right after a lower-case organisation noun ("activists
        from the group Insulate Britain", "the campaign group Just Stop Oil", "the party Reform UK"): the body
        the noun says it is, no person.

        >>> from timeline.nlp import load_nlp
        >>> from timeline.actors.lexicon import NounLexicon
        >>> doc = load_nlp()("Activists came from the group Insulate Britain. The man Insulate Britain named spoke.")
        >>> typer = MentionTyping(); typer.doc, typer.lex = doc, NounLexicon.load()
        >>> typer._described_organisation(doc[5:7], "PERSON"), typer._described_organisation(doc[10:12], "PERSON")
        (True, False)
        """
        if label != "PERSON" or span.start == 0:
            return False
        noun = self.doc[span.start - 1]
        return noun.pos_ == "NOUN" and noun.is_lower and noun.lemma_.lower() in self.lex.organisation_nouns \
            and span.root.dep_ == "appos" and span.root.head == noun

    def _described_after(self, span: Span, label: str) -> str:
        """"company" or "organisation" when an apposition right after the name says what it is: ", the
        Canadian parts maker" (a company noun of ``definite_descriptions``), ", the union representing the
        workers" (``organisation_nouns``); the parse may hang the apposition on the word the name depends on
        ("Members of Unifor, the union ..."), so it is found by position: a comma, then an article and the
        noun with its modifiers. "" otherwise (a person's apposition is ``_appositive_person``)."""
        if label not in ("PERSON", "ORG", "PRODUCT", "NORP", "GPE", "LOC", "FAC", "") or span.end + 2 >= len(self.doc) \
                or self.doc[span.end].text != "," or self.doc[span.end + 1].lower_ not in ("the", "a", "an") \
                or self._part_of_a_name(span):  # "Sun" after "Sun Microsystems Inc." stays that company's
            return ""
        for token in self.doc[span.end + 2:min(span.end + 7, len(self.doc))]:
            if token.is_punct:
                return ""
            if token.dep_ != "appos" or not token.is_lower:
                continue
            lemma = token.lemma_.lower()
            if self.lex.definite_descriptions.get(lemma) == "company" and lemma != "stock":
                return "company"
            if lemma in self.lex.organisation_nouns and lemma not in self.lex.company_nouns:
                return "organisation"
            return ""
        return ""

    def _part_of_a_name(self, run: Span) -> bool:
        """True when the run's words appear inside a longer name found before ("Sun" after "Sun Microsystems
        Inc."): a short form the linking step joins to that name."""
        words = [t.lower_ for t in run]
        for mention in self.mentions:
            named = [t.lower_ for t in self.doc[mention.start:mention.end]]
            if len(named) > len(words) and any(named[k:k + len(words)] == words for k in range(len(named))):
                return True
        return False

    def _law_title(self, span: Span) -> bool:
        """A name tagged a person that is a law's title: a law noun ("Bill") with only a year after it, after
        "the", a bracket or a capitalised word that is no title ("Services Bill"; not "President Bill Clinton")."""
        words = [t for t in span if not t.is_punct]
        if not words or words[0].lower_ not in self.lex.law_nouns or not all(t.like_num for t in words[1:]):
            return False
        if span.start == 0:
            return False
        before = self.doc[span.start - 1]
        return before.lower_ == "the" or before.text in (")", "]") \
            or before.text[:1].isupper() and before.lower_.rstrip(".") not in self.lex.titles and not before.is_sent_start

    def _common_noun(self, token: Token) -> bool:
        """A word of the noun lists that names no company on its own ("News" of "News Corp.", "Group")."""
        lower = token.lower_
        return any(lower in words for words in (self.lex.media_nouns, self.lex.organisation_nouns,
                                                self.lex.company_nouns, self.lex.aspect_nouns, self.lex.sector_nouns))

    def _club(self, span: Span) -> bool:
        """A sports club's name: a capitalised name with a club mark in capitals first or last ("Jamshedpur FC",
        "SC East Bengal"); not the mark alone."""
        words = [t for t in span if not t.is_punct and t.tag_ != "POS"]
        return len(words) > 1 and any(t.text.isupper() and t.lower_ in self.lex.club_marks
                                      for t in (words[0], words[-1])) and all(t.text[:1].isupper() for t in words)

    def _named_by_noun(self, span: Span, label: str = "") -> str:
        """"storm" or "thing" when a lower-case common noun right before a name (an opening quote between them
        is skipped) says what the name is: a storm ("typhoon Juan") or a work or craft ("the film "Earwig"",
        "its own rocket Falcon Heavy"); else ""."""
        i = span.start - 1
        while i >= 0 and self.doc[i].is_quote:
            i -= 1
        if self._listed_work(span):
            return "thing"
        if i < 0 or span.start - i > 2 or self.doc[i].pos_ not in ("NOUN", "PROPN"):
            return ""
        word = self.doc[i]
        if word.lower_ in self.lex.storm_nouns:  # "typhoon Juan", "Hurricane Dorian" (the small model tags either)
            return "storm"
        lemma = word.lemma_.lower()
        if lemma in self.lex.person_nouns and label == "PERSON":
            return ""  # "tennis player Garbine Muguruza": a person noun names a person, not a "media player"
        return "thing" if word.is_lower and (lemma in self.lex.work_nouns or lemma in self.lex.product_heads) else ""

    def _listed_work(self, span: Span) -> bool:
        """True for a name listed after "including" or "like" that a lower-case work noun heads ("had hits including
        Club Tropicana, I'm Your Man and Freedom", "films like Alien"): the name of a work, not a person."""
        root = span.root
        while root.dep_ == "conj" and root.head != root:
            root = root.head
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in ("including", "like", "as"):
            return False
        if prep.lower_ == "as" and not (prep.i > 0 and self.doc[prep.i - 1].lower_ == "such"):
            return False
        noun = prep.head
        return noun.pos_ == "NOUN" and noun.is_lower and noun.lemma_.lower() in self.lex.work_nouns

    def _state_before(self, span: Span) -> str:
        """The state entity written right before a name, possessive or as a modifier ("French" in "the French
        Senate", "France's" in "France's Senate"), as the text writes it; "" when there is none."""
        i = span.start - 1
        if i >= 0 and self.doc[i].lower_ in ("'s", "’s"):
            i -= 1
        entity = entity_of(self.doc[i]) if i >= 0 else None
        if i >= 0 and i == span.start - 1 and self.doc[i].text[:1].isupper() and self.doc[i].lower_ in self.lex.region_names:
            return self.doc[i].text  # a world region as the qualifier of a name ("Africa CDC"), tagged or not
        if entity is None or entity.label_ not in ("NORP", "GPE"):
            return ""
        return self.doc[entity.start:span.start].text  # the whole name ("South Korean")  # "France's" keeps its possessive: "France's Senate"

    def _describes_organ(self, span: Span) -> bool:
        """True when a one-word adjective the model labelled a group (no demonym: the caller looked it up) only
        describes a state organ it modifies ("the Islamic regime", "the Communist government"): no actor."""
        root = span.root
        return len(span) == 1 and root.pos_ == "ADJ" and root.dep_ == "amod" and root.head.pos_ == "NOUN" \
            and root.head.lemma_.lower() in self.lex.state_organ_nouns

    def _one_national(self, span: Span) -> bool:
        """True when a demonym heads a noun phrase with an article and has a plural form ("the Argentine",
        "an American", "the 22-year-old American"): one person of that nation, not the state ("the French",
        "the Chinese" have no plural and stay the nation; "Americans", "the American team" stay the state)."""
        root = span.root
        if len(span) != 1 or root.dep_ in ("amod", "compound", "nmod", "poss") or root.tag_ in ("NNS", "NNPS") \
                or root.text.endswith("s"):
            return False
        if not any(c.dep_ == "det" and c.lower_ in word_set("articles") for c in root.children):
            return False
        return self.dictionary.demonym(root.text + "s") == self.dictionary.demonym(root.text)

    def _contextual(self, span: Span) -> Actor | None:
        start = span.start
        if start > 0 and self.doc[start - 1].lower_ == "the":
            return self.dictionary.contextual("the " + span.text)
        return self.dictionary.contextual(span.text) if span[0].lower_ == "the" else None
