"""One pass over a parsed article that finds its actor mentions and links them to canonical actors.

Steps, in order: entities (cleaned, typed by dictionary, apposition, title, head noun, label), names the NER
missed (dictionary names, product names), names capitalised only by position dropped, person chains,
acronyms, one type per name, contextual names ("the North"), roles (acting or a place), and definite
descriptions ("the company"). This module collects the entity mentions; the other steps come from its mixins:
``timeline.actors.missed_names`` (names the NER missed or mangled), ``timeline.actors.mention_types`` (typing one
mention) and ``timeline.actors.linking`` (chains, acronyms, one type per name, roles, definite descriptions).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from timeline.actors.actor import Actor
from timeline.actors.ages import age_mentions
from timeline.actors.descriptions import description_mentions
from timeline.actors.dictionary import ActorDictionary, alias_key
from timeline.actors.lexicon import NounLexicon
from timeline.actors.linking import MentionLinking, is_given_name
from timeline.actors.mention import (
    CAMEL,
    HEAD,
    HYPHENS,
    MODEL,
    SKIPPED_LABELS,
    STRONG,
    YEAR,
    Mention,
    bracket_note,
    clean_tokens,
    destination,
    glued_prefix,
    in_dateline,
    rating_label,
    royal_name,
    surface_text,
    version_end,
)
from timeline.actors.missed_names import MissedNames
from timeline.actors.party_members import link_party_members
from timeline.actors.state_bodies import state_chambers
from timeline.nlp import doc_text, entity_of

#: A storage size before a product name is no part of it ("the 30GB iPod" is the iPod; "3G iPhone" is a model).
CAPACITY = re.compile(r"\d+(?:[KMGT]B|[kmgt]b)")
#: A model number before a one-word model name ("the 737 Max"), not a year.
MODEL_NUMBER = re.compile(r"(?!(?:1[89]|20)\d\d$)\d{3,4}")
#: Labels of names a number after them is no version of: a score or an age after a person, a count after a place.
_UNVERSIONED_LABELS = frozenset({"PERSON", "GPE", "NORP", "LOC", "FAC"})


class MentionBuilder(MissedNames, MentionLinking):
    """One pass over a parsed doc that produces the mentions of :class:`DocumentActors`."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.dictionary = ActorDictionary.load()
        self.lex = NounLexicon.load()
        self.mentions: list[Mention] = []
        self.taken: set[int] = set()
        self.text = doc_text(doc)
        self.headlines: dict[int, bool] = {}
        self.lower_words = frozenset(t.lower_ for t in doc if t.is_lower)  # words the text writes in lower case
        self.pairs: list[tuple[int, int]] = []  # (end of the first, start of the second) of split coordinations

    def build(self) -> list[Mention]:
        """All mentions of the article, linked and typed."""
        self._add_bracketed_names()  # "Alternative for Germany (AfD)": before the NER's "Germany" inside it
        for ent in self.doc.ents:
            if ent.label_ == "WORK_OF_ART" and self._titled_full_name(ent):
                ent = Span(self.doc, ent.start, ent.end, label="PERSON")  # "promoted Acting Superintendent
                # Susannah Holbert O'Bara": the model took the capitalised titles for a work's name
            if ent.label_ not in SKIPPED_LABELS:
                parts = self._joined_names(ent) or _coordinated_parts(ent)
                for part in parts:
                    self._add_entity(part)
                if len(parts) > 1:
                    self.pairs.append((parts[0].end, parts[1].start))
        for token in self.doc:  # "Lowe's Cos. (LOW)" with no entity: the company, not a name "Cos"
            if token.i not in self.taken and self._possessive_company(token.i) and token.is_alpha \
                    and token.text[:1].isupper() and (token.i == 0 or not self.doc[token.i - 1].text[:1].isupper()):
                self._add_entity(Span(self.doc, token.i, token.i + 3, label="ORG"))
        self._product_pairs()
        self._bare_model_numbers()
        self._add_missed_names()
        self._add_index_names()
        self._add_band_names()
        self._join_product_names()
        self._singular_products()
        self._drop_capitalised_common_words()
        self._people_in_mistyped_names()
        self._link_people()
        self._link_real_names()
        self._link_acronyms()
        self._link_short_institution_names()
        self._link_short_company_names()
        self._unify_types()
        self._short_company_names()
        self._link_demonym_company_names()
        self._resolve_contextual()
        state_chambers(self.doc, self.mentions, self.dictionary)  # "the Senate" in an Iowa article: Iowa Senate
        self._set_roles()
        self.mentions = [m for m in self.mentions if not bracket_note(self.doc[m.start])]  # "(NYSE: ET)", "(Reuters) -"
        self._link_parent_descriptions()  # "the Airbus parent firm": EADS
        self._link_owned_companies()  # "Kerkorian's investment company": Tracinda
        link_party_members(self.doc, self.mentions)  # "the California Democrat": the Democrat named before
        self._link_definite_descriptions()
        added = description_mentions(self.doc, self.mentions, self.taken, self.lex)  # "the government", "the judge"
        added += age_mentions(self.doc, self.mentions, self.taken, self.lex)  # "the 52-year-old"
        self.mentions += added
        self.taken.update(m.start for m in added)
        return self.mentions

    # -- collecting
    def _joined_names(self, ent: Span) -> list[Span]:
        """An entity of words a hyphen joins ("the Trump-Putin meeting", "the Airbus-Boeing rivalry") is one name
        per word when each word is a name on its own: one the actor dictionary knows, or the last name of a
        person the article names in full ("Donald Trump"); empty for one hyphenated name ("Rolls-Royce")."""
        words = list(ent)[::2]
        if len(ent) < 3 or len(ent) % 2 == 0 or any(t.text not in HYPHENS or t.whitespace_ or ent.doc[t.i - 1].whitespace_
                                                    for t in list(ent)[1::2]):
            return []
        surnames = {e[-1].text for e in self.doc.ents if e.label_ == "PERSON" and len(e) >= 2}
        parts: list[Span] = []
        for word in words:
            actor = self.dictionary.lookup(word.text)
            if actor is None and word.text not in surnames or not word.is_title and not word.is_upper \
                    or self.dictionary.demonym(word.text) is not None:  # "Cuban-Americans": one group
                return []
            label = "PERSON" if actor is None or actor.type == "person" else "GPE" if actor.type == "country" else "ORG"
            parts.append(Span(self.doc, word.i, word.i + 1, label=label))
        return parts if len({p.text for p in parts}) == len(parts) else []

    def _add(self, span: Span, label: str) -> Mention | None:
        if len(span) == 0 or any(i in self.taken for i in range(span.start, span.end)):
            return None
        if rating_label(span, self.lex) or glued_prefix(span[-1], self.lex) \
                or destination(span[0], self.lex) \
                or _in_amount(span):  # "Category 4", "Ex-Baltimore mayor", "Kyiv-bound", "bound for Kyiv",
            # the currency of an amount ("2.5 billion US$", "5 billion US dollars")
            self.taken.update(range(span.start, span.end))
            return None
        mention = Mention(span.start, span.end, surface_text(span), label)
        self.taken.update(range(span.start, span.end))
        self.mentions.append(mention)
        return mention

    def _product_pairs(self) -> None:
        """In a split coordination ("the Macbook and Macbook Pro") the longer name is a product when the first
        name is one (here or anywhere in the article)."""
        by_end = {m.end: m for m in self.mentions}
        by_start = {m.start: m for m in self.mentions}
        for first_end, second_start in self.pairs:
            first, second = by_end.get(first_end), by_start.get(second_start)
            if first is None or second is None or first.actor is None or second.actor is None:
                continue
            if first.actor.type == "product" or any(m.actor is not None and m.actor.type == "product"
                                                     and alias_key(m.surface) == alias_key(first.surface)
                                                     for m in self.mentions):
                second.actor, second.evidence = Actor(second.surface, "product"), HEAD

    def _bare_model_numbers(self) -> None:
        """A maker's model number written alone is that model: "Boeing's 787" (a company possessor before it) and,
        once the article named "Boeing 737" or "787 Dreamliner", a bare "737" or "787" ("its 737 jets", "the 737 was delayed").
        A number the possessor's phrase counts ("Boeing's 500 workers") or that is a year, an amount or a date
        stays none."""
        doc = self.doc
        known: dict[str, Actor] = {}
        for m in self.mentions:  # "Boeing 737", "787 Dreamliner": the models named in the article with their number
            if m.actor is not None and m.actor.type == "product" and m.end - m.start >= 2:
                for t in doc[m.start:m.end]:
                    if MODEL_NUMBER.fullmatch(t.text):
                        known.setdefault(t.text, m.actor)
        companies = {m.end - 1: m for m in self.mentions if m.actor is not None and m.actor.type == "company"}
        for token in doc:
            if token.i in self.taken or not MODEL_NUMBER.fullmatch(token.text) \
                    or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY") \
                    or token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "%") \
                    or token.i > 0 and doc[token.i - 1].text in ("$", "€", "£", "-") \
                    or token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].text[:1].isupper():
                continue  # "Boeing's 787 Dreamliner", "the 737 Max": a longer model name, found as a name
            actor = known.get(token.text)
            counts = token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS")
            maker = companies.get(token.i - 2) if token.i >= 2 and doc[token.i - 1].lower_ in ("'s", "’s") else None
            if actor is None and maker is not None and maker.actor is not None and not counts:
                actor = Actor(f"{maker.actor.name} {token.text}", "product")  # "Boeing's 787 was delayed"
            if actor is None:
                continue
            mention = self._add(doc[token.i:token.i + 1], "PRODUCT")
            if mention is not None:
                mention.actor, mention.evidence = actor, HEAD

    def _product_span(self, start: int, end: int) -> Span:
        """Widen a product name over its model words and numbers ("iPod nano", "iPhone 3G", "3G iPhone") and the
        capitalised words it modifies ("iTunes Music Store")."""
        doc = self.doc
        while end < len(doc) and end not in self.taken and (
                doc[end].lower_ in self.lex.product_words or re.fullmatch(r"\d+(?:\.\d+)*", doc[end].text)
                or re.fullmatch(r"\d+[A-Za-z]{0,3}|[A-Z]{1,3}", doc[end].text) and doc[end - 1].like_num
                or re.fullmatch(r"\d+[A-Za-z]{1,3}", doc[end].text)):
            end += 1
        if not any(i in self.taken for i in range(end, version_end(doc[start:end]))):
            end = version_end(doc[start:end])  # "iLife '11"
        head = doc[end - 1].head  # "iTunes Music Store", "iPhone SDK": capitalised words the name modifies
        if end <= head.i < end + 3 and all(doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and i not in self.taken
                                           and doc[i].lower_ not in ("shares", "stock")  # "JetBlue Shares were up"
                                           and doc[i].lower_.rstrip(".") not in self.lex.titles  # "CrowdStrike CEO
                                           for i in range(end, head.i + 1)):  # George Kurtz": the maker's officer
            end = head.i + 1
        while start > 0 and start - 1 not in self.taken and (
                re.fullmatch(r"\d+[A-Za-z]{0,3}", doc[start - 1].text) and doc[start - 1].head.i >= start
                and not CAPACITY.fullmatch(doc[start - 1].text)
                or re.fullmatch(r"[A-Z]{1,3}", doc[start - 1].text) and start > 1 and doc[start - 2].like_num
                and not doc[start - 2].whitespace_ and not CAPACITY.fullmatch(doc[start - 2].text + doc[start - 1].text)):
            start -= 1
        return doc[start:end]

    def _with_version(self, span: Span) -> Span | None:
        """The name with its version number (:func:`version_end`), when no other mention has the number."""
        end = version_end(span)
        return None if end == span.end or any(i in self.taken for i in range(span.end, end)) else self.doc[span.start:end]

    def _with_model_number(self, span: Span, label: str) -> Span | None:
        """A one-word model name with the model number before it ("the 737 Max", tagged a number and a person);
        None for a count ("300 Taliban", "500 Marines") or a year."""
        doc, start = self.doc, span.start
        if len(span) != 1 or start == 0 or label not in ("PERSON", "PRODUCT", "WORK_OF_ART", "") \
                or span[0].tag_ != "NNP" or start - 1 in self.taken:
            return None
        number = doc[start - 1]
        if not MODEL_NUMBER.fullmatch(number.text) or number.head.i != start or not number.whitespace_ \
                or number.ent_type_ and number.ent_iob_ != "B" \
                or start - 1 + 1 < len(doc) and doc[start - 1].ent_iob_ == "B" and doc[start].ent_iob_ == "I":
            return None
        before = doc[start - 2] if start >= 2 else None
        if before is not None and (before.like_num or before.text in ("$", "€", "£") or before.lower_ in self.lex.quantifiers):
            return None
        return doc[start - 1:span.end]

    def _maker_model(self, span: Span) -> Span | None:
        """A company name followed by a model number is a product: "Boeing 787", "Airbus A380 superjumbo"."""
        doc = self.doc
        for cut in range(len(span), 0, -1):
            maker = self.dictionary.lookup(span[:cut].text, entity_label="ORG")
            if maker is not None:
                break
        else:
            return None
        if maker.type != "company":
            return None
        end = span.start + cut
        if end >= len(doc) or not MODEL.fullmatch(doc[end].text) or YEAR.fullmatch(doc[end].text):
            return None
        end += 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and (
                not doc[end].ent_type_ or doc[end].lower_ in self.lex.product_words) \
                or end < span.end:  # "Boeing 737 Max", whose "Max" the NER tagged a person
            end += 1
        return doc[span.start:end]

    def _is_money_code(self, span: Span) -> bool:
        doc = self.doc
        if len(span) != 1 or not re.fullmatch(r"[A-Z]{3}", span.text):
            return False
        if span.end < len(doc) and self.dictionary.lookup(doc[span.start:span.end + 1].text) is not None:
            return False  # "the CAC 40 gained": a dictionary name with a number, no currency code
        before = doc[span.start - 2] if span.start > 1 and doc[span.start - 1].text == "(" else \
            doc[span.start - 1] if span.start > 0 else None  # "$ 99 ( USD )"
        return (span.end < len(doc) and doc[span.end].like_num) or (before is not None and before.like_num)

    def _possessive_company(self, last: int) -> bool:
        """The word at ``last`` ends a company name written as a possessive with a legal suffix after it
        ("Lowe's Cos.", "McDonald's Corp."), the whole an unclaimed company name."""
        doc = self.doc
        return last + 2 < len(doc) and doc[last + 1].lower_ in ("'s", "’s") \
            and doc[last + 2].lower_.strip(".") in self.lex.legal_suffixes \
            and (doc[last + 2].whitespace_ or last + 3 == len(doc) or doc[last + 3].text in (".", ",")) \
            and not any(i in self.taken for i in range(last + 1, last + 3))

    def _add_entity(self, ent: Span) -> None:
        if all(t.lower_.strip(".") in self.lex.legal_suffixes or t.is_punct for t in ent):
            for before in self.mentions:  # "Chrysler" + "LLC" when the NER split the name: one company
                if before.end == ent.start and not any(i in self.taken for i in range(ent.start, ent.end)):
                    before.end = ent.end
                    self.taken.update(range(ent.start, ent.end))
            return
        ent = self._with_first_names(self._without_demonym(self._without_concern(ent)))
        if self._possessive_company(ent.end - 1) and ent.label_ != "ORG":
            ent = Span(self.doc, ent.start, ent.end + 2, label="ORG")  # "McDonald's Corp.": a company
        person_like = ent.label_ == "PERSON" or self._appositive_person(ent) or self._titled(ent, ent.label_)
        span = clean_tokens(ent, self.lex, person_like)
        if len(span) == 0 or not any(c.isalpha() for c in span.text) or self._is_money_code(span):  # "Salesforce.com Inc."
            return
        if span[0].pos_ == "PRON" and len(span) == 1:
            return
        while len(span) > 1 and span[-1].lower_ in self.lex.stock_nouns and not span[-1].is_sent_start:
            span = span[:-1]  # "JetBlue Shares were up": the NER ran the name over the metric noun
        for extra in (3, 2, 1):  # "Nasdaq" + "composite index", "CAC" + "40": a dictionary name the NER cut short
            end = span.end + extra
            if end <= len(self.doc) and not any(i in self.taken for i in range(span.end, end)) \
                    and all(t.is_alpha or t.like_num or t.lower_ in ("'s", "’s") for t in self.doc[span.end:end]) \
                    and self.doc[end - 1].lower_ not in ("'s", "’s") \
                    and self.dictionary.lookup(self.doc[span.start:end].text) is not None:
                span = self.doc[span.start:end]
                break
        span = self._with_dictionary_front(span)
        versioned = ent.label_ not in _UNVERSIONED_LABELS and self._with_version(span) or None
        model_first = self._with_model_number(span, ent.label_)
        span = versioned or model_first or span
        core, span = span, self._with_index_head(span)
        model = self._maker_model(span)
        if model is not None:
            mention = self._add(model, "PRODUCT")
            if mention is not None:
                mention.actor, mention.evidence = Actor(mention.surface, "product"), HEAD
            return
        if ent.label_ != "PERSON" and any(CAMEL.match(t.text) for t in span) \
                and span[-1].lower_.strip(".") not in self.lex.legal_suffixes \
                and span[-1].lower_ not in self.lex.company_nouns \
                and self.dictionary.lookup(span.text, entity_label="ORG") is None \
                and not self._described_company(span, ent.label_):  # "McAlpine" is a person; "cybersecurity
            # company CrowdStrike" is a company, not a product
            span = self._product_span(span.start, span.end)
            mention = self._add(span, "PRODUCT")
            if mention is not None:
                mention.actor, mention.evidence = Actor(mention.surface, "product"), HEAD
            return
        mention = self._add(span, ent.label_)
        if mention is not None:
            self._classify(mention, span)
            owned = self._owned_body(span)
            if owned is not None:  # "Russia's Ministry of Defence": the NER left the owner out of the name
                mention.actor, mention.evidence = owned, STRONG
            if (versioned is not None or model_first is not None) and mention.evidence < STRONG \
                    and mention.actor is not None and mention.actor.type in ("organisation", "person") \
                    and span[-1 if model_first is not None else -2].lemma_.lower() not in self.lex.organisation_nouns:
                mention.actor, mention.evidence = Actor(mention.surface, "product"), HEAD  # "Android 14", "737 Max"
            if core.end < span.end:  # the index word after a dictionary name ("Standard & Poor's 500 Index")
                mention.surface, mention.actor, mention.evidence = surface_text(core), self.dictionary.lookup(core.text), STRONG

    def _titled_full_name(self, ent: Span) -> bool:
        """True for titles then a full name of two or more capitalised words ("Acting Superintendent Susannah
        Holbert O'Bara"); False for a work named after one titled character ("King Kong", "Prince Caspian") or
        with punctuation ("Captain America: Civil War")."""
        words = [t for t in ent if t.lower_.rstrip(".") not in self.lex.titles]
        return 0 < len(words) < len(ent) and ent[0].lower_.rstrip(".") in self.lex.titles and ent[0].lower_ != "the" \
            and len(words) >= 2 and words[0].i == ent.start + len(ent) - len(words) \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper()
                    and t.text.replace("'", "").replace("’", "").replace("-", "").isalpha() for t in words)

    def _with_dictionary_front(self, span: Span) -> Span:
        """An entity with the untagged words before it when the dictionary knows the longer name ("Research in"
        + "Motion" when the NER tagged only "Motion"): the name the NER cut short at its front."""
        for extra in (3, 2, 1):
            start = span.start - extra
            if start >= 0 and not any(i in self.taken for i in range(start, span.start)) \
                    and self.doc[start].text[:1].isupper() and self.doc[start].pos_ == "PROPN" \
                    and all(t.is_alpha and t.ent_type_ == "" and t.pos_ != "DET" for t in self.doc[start:span.start]) \
                    and self.dictionary.lookup(self.doc[start:span.end].text) is not None:
                return self.doc[start:span.end]
        return span

    def _without_concern(self, ent: Span) -> Span:
        """An entity a title-case headline ran a mood noun into ("Fears for Citigroup", "Worries over Boeing"): the
        name after the noun and its preposition (``concern_nouns``), with the entity's label."""
        if len(ent) < 3 or ent[0].lower_ not in self.lex.concern_nouns \
                or ent[1].lower_ not in ("for", "over", "about", "on") or not ent[2].text[:1].isupper():
            return ent
        return Span(self.doc, ent.start + 2, ent.end, label=ent.label_)

    def _without_demonym(self, ent: Span) -> Span:
        """A person's name the NER ran a nationality into ("beat American Amanda Anisimova", tagged ORG): the name
        after the demonym, as a person, when the text names that person by the last word alone elsewhere
        ("Anisimova had reached"); a company or body with a demonym in its name ("American Medical
        International", "British Gas") is never named so."""
        if len(ent) not in (3, 4) or ent.label_ not in ("ORG", "PERSON", "NORP") \
                or self.dictionary.demonym(ent[0].text) is None or self.dictionary.lookup(ent.text) is not None:
            return ent
        rest = ent[1:]
        if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.lower_ not in self.lex.body_name_words
                   for t in rest):
            return ent
        last = rest[-1].text
        if not any(t.text == last and t.i not in range(ent.start, ent.end) and not t.nbor(-1).text[:1].isupper()
                   for t in self.doc if t.i > 0):
            return ent
        return Span(self.doc, rest.start, rest.end, label="PERSON")

    def _with_first_names(self, ent: Span) -> Span:
        """A one-word person name with the untagged capitalised names the parse joins to it ("Sloane" +
        "Stephens" when the NER tagged only "Stephens", "Peres" + "Jepchirchir" when it tagged only "Peres"), so
        the person is named once in full; a title ("Coach
        Stephens"), a dateline or a word in capitals ("SINGAPORE - Stephens") stays out."""
        if ent.label_ == "ORG" and len(ent) == 1 and ent.end < len(self.doc) and ent.end not in self.taken \
                and self._given_name_then_surname(ent):
            return Span(self.doc, ent.start, ent.end + 1, label="PERSON")  # "American Amanda" (ORG) + "Anisimova"
        if ent.label_ != "PERSON" or len(ent) != 1:
            return ent
        if ent.start > 0 and ent.start - 1 not in self.taken and royal_name(self.doc[ent.start - 1:ent.end], self.lex):
            return Span(self.doc, ent.start - 1, ent.end, label="PERSON")  # "Princess Kate": the title is her name
        start = ent.start
        while start > 0 and ent.start - start < 2:
            word = self.doc[start - 1]
            if not (word.pos_ == "PROPN" and word.ent_type_ == "" and word.is_alpha and word.text[:1].isupper()
                    and not word.text.isupper() and word.dep_ == "compound" and ent.start <= word.head.i < ent.end
                    and word.lower_ not in self.lex.titles and not in_dateline(word)) or start - 1 in self.taken:
                break
            start -= 1
        end = ent.end
        if start == ent.start and end < len(self.doc) and end not in self.taken:  # "Peres" + "Jepchirchir" when
            word = self.doc[end]  # the NER tagged only the first name: the surname the first name is compound of
            if word.pos_ == "PROPN" and word.ent_type_ == "" and word.is_alpha and word.text[:1].isupper() \
                    and not word.text.isupper() and ent[-1].dep_ == "compound" and ent[-1].head == word \
                    and word.lower_ not in self.lex.titles:
                end += 1
        return ent if (start, end) == (ent.start, ent.end) else Span(self.doc, start, end, label=ent.label_)

    def _given_name_then_surname(self, ent: Span) -> bool:
        """True for one word the model tagged an organisation that is a known given name, compound of the untagged
        title-case proper noun right after it, which no dictionary name or body word makes a body ("Amanda" +
        "Anisimova"; not "Morgan Stanley", "Lloyd Bank")."""
        word = self.doc[ent.end]
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.pos_ == "PROPN" and before.is_title and before.ent_type_ != "NORP":
            return False  # "Juan" + "Miguel" (ORG) + "Gonzalez": a longer name the caller would cut
        return ent[0].is_title and ent[0].dep_ == "compound" and ent[0].head == word and word.pos_ == "PROPN" \
            and word.is_title and word.is_alpha and word.ent_type_ == "" and word.lower_ not in self.lex.body_name_words \
            and word.lower_ not in self.lex.legal_suffixes and is_given_name(ent[0].text) \
            and self.dictionary.lookup(self.doc[ent.start:ent.end + 1].text, entity_label="ORG") is None

    def _owned_body(self, span: Span) -> Actor | None:
        """The dictionary body a name stands for with the owner written before it ("Russia's Ministry of
        Defence", "the Russian Ministry of Defense"), when the name alone is not that body; else None."""
        doc = self.doc
        if span.start >= 2 and doc[span.start - 1].lower_ in ("'s", "’s"):
            owner_start = span.start - 2
        elif span.start >= 1 and doc[span.start - 1].pos_ in ("ADJ", "PROPN") and doc[span.start - 1].text[:1].isupper():
            owner_start = span.start - 1
        else:
            return None
        owned = self.dictionary.lookup(doc[owner_start:span.end].text, entity_label="ORG")
        return owned if owned is not None and owned != self.dictionary.lookup(span.text, entity_label="ORG") else None


def _coordinated_parts(ent: Span) -> list[Span]:
    """An entity the NER ran over a coordination of a name and a longer name that starts with it is two:
    "the Macbook and Macbook Pro" -> "the Macbook", "Macbook Pro" ("Johnson and Johnson" stays one).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple introduced the Macbook and Macbook Pro.")
    >>> [[p.text for p in _coordinated_parts(e)] for e in doc.ents if "Pro" in e.text]
    [['the Macbook', 'Macbook Pro']]
    >>> doc = load_nlp()("FC Goa overcome Chennaiyin FC 2-1 to lift Super Cup title")
    >>> [[p.text for p in _coordinated_parts(e)] for e in doc.ents if "Goa" in e.text]
    [['FC Goa', 'Chennaiyin FC 2-1']]
    """
    for token in ent:  # "FC Goa overcome Chennaiyin FC": a title-case headline ran two names over a verb
        if token.pos_ == "VERB" and token.is_lower and token.is_alpha and ent.start < token.i < ent.end - 1:
            return [ent.doc[ent.start:token.i], ent.doc[token.i + 1:ent.end]]
    for token in ent:
        if token.pos_ == "CCONJ" and ent.start < token.i < ent.end - 2:
            first = [t for t in ent[: token.i - ent.start] if t.pos_ != "DET"]
            if first and ent.doc[token.i + 1].text == first[0].text:
                return [ent.doc[ent.start:token.i], ent.doc[token.i + 1:ent.end]]
    return [ent]


def _in_amount(span: Span) -> bool:
    """Whether a span lies inside an amount of money written with digits ("2.5 billion US$", "US$53"), where a
    country name is the currency's, not an actor (a MONEY entity without digits, "WikiLeaks of millions", is
    the NER's error).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("GM lost 2.5 billion US$ in the quarter.")
    >>> [_in_amount(doc[i:i + 1]) for i in (0, 4)]
    [False, True]
    """
    if not all(t.ent_type_ == "MONEY" for t in span):
        return False
    amount = entity_of(span[0])
    return amount is not None and amount.end >= span.end and any(c.isdigit() for c in amount.text)
