"""Pronoun antecedents for participant selection: "it" as the company subject just before, "he"/"she" as
the person subject of the clause above or the person who last acted, "its sales" as the clause's company (a step
set of :class:`timeline.events.participants.ParticipantFinder`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from timeline.actors.actor import Actor
from timeline.actors.lexicon import NounLexicon
from timeline.events.pairs import Pair, find_pairs, fits, in_subject, pair_reference
from timeline.events.roles import attributed_speakers, expand, in_modifier_clause, phrase, subjects_of
from timeline.events.taxonomy import EventTaxonomy
from timeline.function_words import word_map, word_set
from timeline.nlp import entity_of
from timeline.quotes import in_quote, paragraph_break_before, quotation_mark, quoted

if TYPE_CHECKING:
    from timeline.events.participants import ActorResolver

#: Actor types "it" may stand for when one of them was the subject just before ("Apple said ... It added").
COMPANY_TYPES = frozenset({"company", "organisation", "media"})
#: How many sentences back "he"/"she" may find the person who last acted.
PRONOUN_REACH = 3


class PronounAntecedents:
    """The antecedent steps of :class:`timeline.events.participants.ParticipantFinder` (state set by its
    constructor)."""

    _resolver: ActorResolver | None
    _last_person: tuple[str, int] | None
    _object_people: dict[int, dict[str, int]]
    _last_company: tuple[str, int] | None
    _last_product: int
    _company_token: int
    _last_thing: int
    _pronouns: dict[int, str | None]
    _last_plural: tuple[tuple[str, ...], int] | None
    _pairs: list[Pair] | None

    if TYPE_CHECKING:  # resolving step of ParticipantFinder
        def _resolve(self, span: Span | None) -> Actor | None: ...  # noqa: E704

        def _actor(self, token: Token, named_things: bool = False) -> str | None: ...  # noqa: E704

    def _clause_subject(self, possessive: Token) -> str | None:
        """The company subject of the clause a possessive sits in ("forced Apple to lower its prices" -> Apple)."""
        for subject in self._possessor_subjects(possessive):
            if subject.pos_ == "PRON":
                continue
            actor = self._resolve(phrase(subject))
            if actor is not None and actor.type in COMPANY_TYPES:
                return actor.name
        return None

    def _unnamed_owner(self, possessive: Token) -> bool:
        """True when the subject of the possessive's clause is a common noun no company description names ("the
        airline cancelled its order"): "its" is that subject's, not a company named before."""
        descriptions = NounLexicon.load().definite_descriptions
        return any(s.pos_ == "NOUN" and descriptions.get(s.lower_) != "company" and self._resolve(phrase(s)) is None
                   for s in self._possessor_subjects(possessive))

    def _possessor_subjects(self, possessive: Token) -> list[Token]:
        """The subjects of the clause a possessive sits in, or of the clause above when its own noun is the
        subject ("Ford said that its sales rose" -> Ford)."""
        verb = possessive.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
                break
            verb = verb.head
        subjects = [s for s in subjects_of(verb) if possessive.head not in s.subtree]
        if not subjects and verb.dep_ in ("conj", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
            # "The company could face fines and its stock has plummeted", "Ford said that its sales rose": the
            # possessive's own noun is the subject, so the company is the subject of the clause above
            subjects = subjects_of(verb.head)
        return subjects

    def _clause_company(self, token: Token) -> str | None:
        """"ONEIDA Ltd. said it was informed of the offer", "Acme said net income jumped 63%": the company that is the
        named subject of the reporting or disclosing verb whose "that" clause ``token`` is the subject of; None for
        an expletive ("Acme said it was expected that ...": the passive has a clause of its own) or a person
        speaker. "According to Acme, it cut 500 jobs": the source that a clause opens with, before the pronoun."""
        verb = token.head
        if self._resolver is None:
            return None
        sources = [pobj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "according"
                   and prep.i < token.i for to in prep.children if to.lower_ == "to"
                   for pobj in to.children if pobj.dep_ == "pobj"]
        if verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in ("ccomp", "csubj") for c in verb.children):
            return self._company_of(sources)
        above = verb.head
        if above.lemma_.lower() not in EventTaxonomy.load().reporting_verbs \
                and above.lemma_.lower() not in word_set("disclosure_verbs"):
            return None
        return self._company_of([c for c in above.children if c.dep_ == "nsubj"] or attributed_speakers(above))

    def _company_of(self, subjects: list[Token]) -> str | None:
        """The first of the speakers named (no pronoun) that is a company or organisation, else None."""
        for subject in (s for s in subjects if s.pos_ != "PRON"):  # ("Acme was quoted as saying it ...")
            actor = self._resolve(phrase(subject))
            if actor is not None and actor.type in COMPANY_TYPES:
                return actor.name
        return None

    def _quote_speaker(self, pronoun: Token) -> str | None:
        """"\"I had to dispatch you,\" Kim said": a first-person "I"/"me" inside a direct quote is the named person
        who speaks it: the subject of the reporting verb outside the quote that the pronoun's clause hangs on, or,
        for a quote running over several sentences of a paragraph, the one after it closes (""We were ready. I
        called him," she added"). None when the speaker is no named person ("a spokesman said"), is named only
        before the quote, or the quote has no reporting verb."""
        if not in_quote(pronoun):
            return None
        verbs = EventTaxonomy.load().reporting_verbs
        for sentence in _paragraph_sentences(pronoun):
            own = sentence.start <= pronoun.i < sentence.end
            for verb in sentence:
                if verb.lemma_.lower() not in verbs or verb.pos_ not in ("VERB", "AUX") or verb.i < pronoun.i \
                        or in_quote(verb) or own and verb not in pronoun.ancestors:
                    continue
                for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                    if subject.pos_ == "PRON":
                        return self._actor(subject) if subject.lower_ in ("he", "she") else None
                    actor = self._resolve(entity_of(subject) or phrase(subject))
                    return actor.name if actor is not None and actor.type == "person" else None
            if (in_quote(sentence[-1]) + quotation_mark(sentence[-1])) % 2 == 0:
                return None  # the quote closed with no reporting verb of a named speaker after it
        return None

    def _antecedent_company(self, pronoun: Token) -> str | None:
        """"Apple said ... It also announced ...": the company that was subject in this or the last sentence."""
        if self._last_company is None:
            return None
        name, sentence_start = self._last_company
        if self._last_product >= sentence_start:  # "Apple launched the iPhone. It sold ...": "it" may be either
            return None
        if sentence_start <= self._last_thing < pronoun.i and self._last_thing != self._company_token:
            return None  # "NASA compiled data on Hurricane Dorian ... it left", "The plane went down, the agency said. It"
        return name if _sentences_between(pronoun, sentence_start) <= 1 else None

    def _clause_person(self, pronoun: Token) -> str | None:
        """"Tsitsipas became the first Greek to win a title when he beat Gulbis": "he" in a subordinate clause
        is the person subject of the clause above it, before any earlier person; never the speaker of a quote
        the pronoun is inside (""He lied," Fishman said": a speaker says "I" of himself)."""
        if self._resolver is None or pronoun.head.dep_ not in ("advcl", "ccomp", "conj", "xcomp", "pcomp", "relcl") \
                or quoted(pronoun):
            return None
        current = pronoun.head
        for _ in range(4):
            if current.head == current:
                break
            current = current.head
            for subject in (c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"):
                actor = self._resolve(phrase(subject))
                if actor is not None and actor.type == "person":
                    return actor.name
        return self._named_person_above(pronoun)

    def _named_person_above(self, pronoun: Token) -> str | None:
        """"The accord is the first move for Chairman Ed Whitacre since he joined the board": no clause above
        has a person subject, so "he" is the one person the sentence names before the pronoun in the clauses
        above it (a title before the name does not hide him). Not a name inside a subject that is someone else
        ("Elian's father said he ...", "a friend of Rabin's assassin said she ..."), nor a modifier ("the
        Clinton administration"), nor in another clause ("when he and Gorbachev spoke, ... he had decided"), nor
        the agent of a describing participle; none when a clause above has a pronoun subject of its own (that
        pronoun's antecedent is this one's) or the sentence names two people."""
        above = [pronoun.head, *pronoun.head.ancestors]
        clauses = {t.i for t in above if t.pos_ in ("VERB", "AUX")}
        subjects = [c for t in above for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != pronoun.i]
        if any(s.pos_ == "PRON" and s.lower_ in ("he", "she", "i", "we", "they") for s in subjects) \
                or any(t.lower_ == pronoun.lower_ for t in pronoun.doc[pronoun.sent.start:pronoun.i]):
            return None  # "..., she said, and she feels": the first "she" decides
        people: set[str] = set()
        for entity in pronoun.sent.ents:
            root = entity.root
            if entity.label_ != "PERSON" or entity.end > pronoun.i or root.dep_ in ("compound", "nmod", "amod") \
                    or in_modifier_clause(root):  # "The sentence, imposed by Judge Ann Lee, ...": background
                continue
            if any(t.pos_ in ("VERB", "AUX") and t.i not in clauses for t in root.ancestors):
                continue  # in a clause of its own
            if any(root.i in {t.i for t in s.subtree} and root != s and not (root.dep_ == "appos" and root.head == s)
                   for s in subjects):
                continue  # "Elian's father said he wants": the father
            actor = self._resolve(phrase(root))
            if actor is None or actor.type != "person":
                return None  # a name the resolver reads as no person: unsure
            people.add(actor.name)
        return next(iter(people)) if len(people) == 1 else None

    def _antecedent_person(self, pronoun: Token) -> str | None:
        """"He announced ...": the person who last acted, when that was in this or the previous few sentences;
        else the one person a later sentence (this or the one before) names as an object ("Nissan moved to fire
        Carlos Ghosn after media reported he was arrested"), never one of two ("fired Smith and Jones"), nor for
        a speaker ("The attacks targeted Colonel Jubouri. Jubouri survived, he added": the source speaks)."""
        acted = self._last_person
        if acted is not None and _sentences_between(pronoun, acted[1]) > PRONOUN_REACH:
            acted = None
        speaker = pronoun.dep_ == "nsubj" and pronoun.head.lemma_.lower() in EventTaxonomy.load().reporting_verbs
        objects = [] if speaker else [(start, people) for start, people in self._object_people.items()
                   if start <= pronoun.sent.start and (acted is None or start > acted[1])
                   and _sentences_between(pronoun, start) <= 1 and any(i < pronoun.i for i in people.values())]
        if objects:
            people = max(objects, key=lambda item: item[0])[1]
            return next(iter(people)) if len(people) == 1 else None
        return acted[0] if acted is not None else None

    def _gender_conflict(self, pronoun: Token, name: str, since: int) -> bool:
        """True when "he"/"she" cannot be ``name``: the text called that person by the other pronoun before,
        or an earlier sentence from token ``since`` on has a common person noun of the pronoun's gender as an object
        ("Smith shot a woman. She was taken to hospital": she is the woman, not Smith; not "a father had been
        killed, Zelenskyy said. He said": a subject of a report, nor "the man he defeated" in the same sentence)."""
        genders = word_map("gendered_words")
        gender = genders.get(pronoun.lower_)
        if gender is None:
            return False
        doc = pronoun.doc
        if any(other == name and i < pronoun.i and genders.get(doc[i].lower_, gender) != gender
               for i, other in self._pronouns.items()):
            return True
        if self._named_gender(name, pronoun) not in (None, gender):
            return True
        return any(t.pos_ == "NOUN" and genders.get(t.lemma_.lower()) == gender and t.dep_ in ("dobj", "dative")
                   and not any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in t.children)
                   for t in doc[since:pronoun.sent.start])

    def _other_gender(self, pronoun: Token, name: str) -> bool:
        """True when "he"/"she" is of the other gender than the text gave ``name``: by a gendered noun or
        possessive (:meth:`_named_gender`) or by an earlier "he"/"she" read as that person outside a quote
        ("Har-Shefi said she ... because she did not believe he was serious": he is not Har-Shefi; a quoted
        "she" may be a country: "'Poland returns where she belongs,' said Geremek")."""
        gender = word_map("gendered_words").get(pronoun.lower_) if pronoun.lower_ in ("he", "she") else None
        if gender is None:
            return False
        doc = pronoun.doc
        if any(other == name and i < pronoun.i and not quoted(doc[i])
               and word_map("gendered_words").get(doc[i].lower_, gender) != gender
               for i, other in self._pronouns.items()):
            return True
        return self._named_gender(name, pronoun) not in (None, gender)

    def _named_gender(self, name: str, pronoun: Token) -> str | None:
        """The gender the text gave the person ``name`` before ``pronoun``: a gendered noun in apposition with a
        mention ("His wife, Kelly Lee, said"), or a possessive or reflexive pronoun in the clause of a mention as
        subject ("Sinner captured his first title"); None when it gave none, or both."""
        genders = word_map("gendered_words")
        possessives = word_map("gendered_possessives")
        found: set[str] = set()
        for token in pronoun.doc[:pronoun.i]:
            if token.dep_ == "appos" and token.head.i < pronoun.i:
                for noun, other in ((token, token.head), (token.head, token)):
                    gender = genders.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
                    if gender is not None and other.pos_ == "PROPN" and self._names(other, name):
                        found.add(gender)
            gender = possessives.get(token.lower_)
            if gender is None or token.dep_ not in ("poss", "dobj", "pobj") or quoted(token) \
                    or token.dep_ != "poss" and not token.lower_.endswith("self"):
                continue
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)  # its own clause only:
            subject = None if verb is None else next(  # "Reno ordered the relatives to surrender the child to
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # his father": not Reno's
            if subject is not None and subject.i < token.i and subject.pos_ == "PROPN" \
                    and self._names(subject, name):
                found.add(gender)
        return next(iter(found)) if len(found) == 1 else None

    def _names(self, token: Token, name: str) -> bool:
        """True when the phrase of ``token`` resolves to the person ``name``."""
        actor = self._resolve(phrase(token))
        return actor is not None and actor.type == "person" and actor.name == name

    def _person_since(self, name: str, pronoun: Token) -> int:
        """The token from which a person named ``name`` is looked for before ``pronoun``: the sentence where
        that person last acted, or where the person was named as an object."""
        if self._last_person is not None and self._last_person[0] == name:
            return self._last_person[1]
        starts = [start for start, people in self._object_people.items() if name in people and start <= pronoun.i]
        return max(starts) if starts else pronoun.sent.start

    def _plural_antecedent(self, pronoun: Token, above: list[Token]) -> tuple[str, ...]:
        """"Hackers stole records ... They continued, the company said": a plural "they" is the last plural
        subject that acted (a plural noun, a coordination) in this or the previous sentence, before a single
        subject of the clause above (a singular company); None when the clause above has a plural subject or
        none acted."""
        if pronoun.lower_ != "they" or self._last_plural is None or quoted(pronoun) \
                or any(_plural(t) or t.i < pronoun.i for t in above):
            return ()  # "Apple said they have found a flaw": the subject above, before the pronoun, stays;
            # '"... anyone has said they want ...," Knowles said': a speaker's "they" is the quote's
        names, at = self._last_plural
        if at >= pronoun.i or _sentences_between(pronoun, pronoun.doc[at].sent.start) > 1:
            return ()
        return names

    def _they_company(self, pronoun: Token) -> str | None:
        """"Apple unveiled Lion ... They also demonstrated iOS 5": a subject "they" with no plural antecedent is the
        company subject of this or the previous sentence (news often calls a company "they"); not inside a quote,
        nor when a person acted since, nor when a plural noun is the subject or object of a main verb since
        ("Apple hired 200 engineers. They start in June": the engineers)."""
        if pronoun.lower_ != "they" or pronoun.dep_ != "nsubj" or quoted(pronoun) or self._last_company is None \
                or not self._company_token < pronoun.i:
            return None
        if any(c.lower_ in word_set("joint_adverbs") for c in pronoun.head.children):
            return None  # "Together they form the world's fifth-largest group": several parties
        name, sentence_start = self._last_company
        if _sentences_between(pronoun, sentence_start) > 1 \
                or self._last_person is not None and self._last_person[1] >= sentence_start:
            return None
        main = ("ROOT", "conj")
        if any(t.tag_ in ("NNS", "NNPS") and (t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.dep_ in main
                                              or t.dep_ in ("conj", "appos") and t.head.dep_ == "dobj")
               for t in pronoun.doc[self._company_token + 1:pronoun.i]):
            return None
        return name

    def _pair_antecedent(self, token: Token) -> tuple[str, ...]:
        """"Trump and Putin met ... they conceded", "the two men appeared", "the pair were joined": the one pair of
        actors (``timeline.events.pairs``) named in this or the previous sentence before a plural pronoun subject or
        a pair description of its kind; empty with two such pairs, inside a quote, or for a "they" after a plural
        noun subject or object named since the pair ("Smith and Jones hired engineers. They start": the engineers)."""
        pronoun = token.lower_ == "they" and token.pos_ == "PRON"
        kind = "any" if pronoun else pair_reference(token)
        if kind is None or self._resolver is None or pronoun and quoted(token):
            return ()
        doc = token.doc
        pairs = {p.names: p for p in self._document_pairs(doc) if p.end <= token.i and fits(p, kind)
                 and _sentences_between(token, doc[p.start].sent.start) <= 1}
        if len(pairs) != 1:
            return ()
        pair = next(iter(pairs.values()))
        if not pair.subject:  # "thanked Turkey for hosting talks between Russia and Ukraine. The two also
            return ()  # discussed": the pair in an object is no antecedent; the acting pair is
        others = [t for t in doc[pair.end:token.i] if t.tag_ in ("NNS", "NNPS") and t.pos_ != "PRON"
                  and t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.dep_ in ("ROOT", "conj", "ccomp")
                  and pair_reference(t) is None]  # not "a flyover by screaming jets" (a modifier)
        if any(pronoun or kind == "any" or t.lemma_ == token.lemma_
               or any(c.lower_ in word_set("pair_numbers") for c in t.children) for t in others):
            return ()  # "X and Y replace two former agents. The two were removed": the agents may be meant
        self._document_pairs(doc).append(Pair(pair.names, pair.kind, token.i, token.i + 1, in_subject(token)))  # "The two men appeared ... Later
        # the two sat down": a reference names the pair anew
        return pair.names

    def _document_pairs(self, doc: Doc) -> list[Pair]:
        """The pairs of actors the document names together (``timeline.events.pairs``), found once and then
        extended by the references resolved to them."""
        if self._pairs is None:
            self._pairs = find_pairs(doc, self._resolve)
        return self._pairs

    @staticmethod
    def _pronoun_antecedents(token: Token) -> list[Token]:
        """Subjects of the clause above a subordinate clause ("X deepened ties since they signed")."""
        current = token
        for _ in range(3):
            if current.dep_ not in ("advcl", "ccomp", "conj", "xcomp", "pcomp", "pobj", "prep") or current.head == current:
                return []
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                subjects = [s for s in expand(subjects_of(current)) if s.pos_ != "PRON"]
                if subjects:
                    return subjects
        return []


def _plural(token: Token) -> bool:
    """True for a plural noun or a coordination ("hackers", "Ford and GM"); not a pronoun.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Hackers and thieves met the company.")
    >>> _plural(doc[0]), _plural(doc[5])
    (True, False)
    """
    return token.pos_ != "PRON" and (token.tag_ == "NNS" or any(c.dep_ == "conj" for c in token.children))


def _sentences_between(pronoun: Token, sentence_start: int) -> int:
    """How many sentences start between the antecedent's sentence (starting at token ``sentence_start``) and the
    pronoun's own sentence."""
    return sum(1 for t in pronoun.doc[sentence_start:pronoun.sent.start] if t.is_sent_start)


#: How many sentences after its own a quote may run on before the sentence that names its speaker.
QUOTE_REACH = 3

def _paragraph_sentences(token: Token) -> list[Span]:
    """The token's sentence and up to ``QUOTE_REACH`` following sentences of the same paragraph."""
    doc = token.doc
    sentences = [token.sent]
    while len(sentences) <= QUOTE_REACH and sentences[-1].end < len(doc) \
            and not paragraph_break_before(doc[sentences[-1].end]):
        sentences.append(doc[sentences[-1].end].sent)
    return sentences
