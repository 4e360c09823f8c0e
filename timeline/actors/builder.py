"""One pass over a parsed article that finds its actor mentions and links them to canonical actors.

Steps, in order: entities (cleaned, typed by dictionary, apposition, title, head noun, label), names the NER
missed (dictionary names, product names), names capitalised only by position dropped, person chains,
acronyms, one type per name, contextual names ("the North"), roles (acting or a place), and definite
descriptions ("the company").
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from timeline.actors.actor import Actor
from timeline.actors.capitals import capitalised_by_position, common_acronym
from timeline.actors.descriptions import description_mentions
from timeline.actors.dictionary import ActorDictionary, alias_key
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import (
    ACRONYM,
    APPOS,
    CAMEL,
    CONTEXT,
    HEAD,
    LABEL,
    LABEL_TYPES,
    MODEL,
    PLACE_LABELS,
    SKIPPED_LABELS,
    STRONG,
    SUBJECT_DEPS,
    YEAR,
    Mention,
    bracket_note,
    clean_tokens,
    in_dateline,
    initials,
    is_locative,
    surface_text,
)
from timeline.function_words import word_set

#: A storage size before a product name is no part of it ("the 30GB iPod" is the iPod; "3G iPhone" is a model).
CAPACITY = re.compile(r"\d+(?:[KMGT]B|[kmgt]b)")


class MentionBuilder:
    """One pass over a parsed doc that produces the mentions of :class:`DocumentActors`."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.dictionary = ActorDictionary.load()
        self.lex = NounLexicon.load()
        self.mentions: list[Mention] = []
        self.taken: set[int] = set()
        self.text = doc.text
        self.headlines: dict[int, bool] = {}
        self.pairs: list[tuple[int, int]] = []  # (end of the first, start of the second) of split coordinations

    def build(self) -> list[Mention]:
        """All mentions of the article, linked and typed."""
        for ent in self.doc.ents:
            if ent.label_ not in SKIPPED_LABELS:
                parts = _coordinated_parts(ent)
                for part in parts:
                    self._add_entity(part)
                if len(parts) > 1:
                    self.pairs.append((parts[0].end, parts[1].start))
        self._product_pairs()
        self._add_missed_names()
        self._add_index_names()
        self._join_product_names()
        self._singular_products()
        self._drop_capitalised_common_words()
        self._people_in_mistyped_names()
        self._link_people()
        self._link_acronyms()
        self._unify_types()
        self._short_company_names()
        self._resolve_contextual()
        self._set_roles()
        self.mentions = [m for m in self.mentions if not bracket_note(self.doc[m.start])]  # "(NYSE: ET)", "(Reuters) -"
        self._link_definite_descriptions()
        added = description_mentions(self.doc, self.mentions, self.taken, self.lex)  # "the government", "the judge"
        self.mentions += added
        self.taken.update(m.start for m in added)
        return self.mentions

    # -- collecting
    def _add(self, span: Span, label: str) -> Mention | None:
        if len(span) == 0 or any(i in self.taken for i in range(span.start, span.end)):
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

    def _product_span(self, start: int, end: int) -> Span:
        """Widen a product name over its model words and numbers ("iPod nano", "iPhone 3G", "3G iPhone") and the
        capitalised words it modifies ("iTunes Music Store")."""
        doc = self.doc
        while end < len(doc) and end not in self.taken and (
                doc[end].lower_ in self.lex.product_words or re.fullmatch(r"\d+(?:\.\d+)*", doc[end].text)
                or re.fullmatch(r"\d+[A-Za-z]{0,3}|[A-Z]{1,3}", doc[end].text) and doc[end - 1].like_num
                or re.fullmatch(r"\d+[A-Za-z]{1,3}", doc[end].text)):
            end += 1
        head = doc[end - 1].head  # "iTunes Music Store", "iPhone SDK": capitalised words the name modifies
        if end <= head.i < end + 3 and all(doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and i not in self.taken
                                           and doc[i].lower_ not in ("shares", "stock")  # "JetBlue Shares were up"
                                           for i in range(end, head.i + 1)):
            end = head.i + 1
        while start > 0 and start - 1 not in self.taken and (
                re.fullmatch(r"\d+[A-Za-z]{0,3}", doc[start - 1].text) and doc[start - 1].head.i >= start
                and not CAPACITY.fullmatch(doc[start - 1].text)
                or re.fullmatch(r"[A-Z]{1,3}", doc[start - 1].text) and start > 1 and doc[start - 2].like_num
                and not doc[start - 2].whitespace_ and not CAPACITY.fullmatch(doc[start - 2].text + doc[start - 1].text)):
            start -= 1
        return doc[start:end]

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
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_ \
                or end < span.end:
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

    def _add_entity(self, ent: Span) -> None:
        if all(t.lower_.strip(".") in self.lex.legal_suffixes or t.is_punct for t in ent):
            for before in self.mentions:  # "Chrysler" + "LLC" when the NER split the name: one company
                if before.end == ent.start and not any(i in self.taken for i in range(ent.start, ent.end)):
                    before.end = ent.end
                    self.taken.update(range(ent.start, ent.end))
            return
        ent = self._with_first_names(ent)
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
                and self.dictionary.lookup(span.text, entity_label="ORG") is None:  # "McAlpine" is a person
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
            if core.end < span.end:  # the index word after a dictionary name ("Standard & Poor's 500 Index")
                mention.surface, mention.actor, mention.evidence = surface_text(core), self.dictionary.lookup(core.text), STRONG

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

    def _with_first_names(self, ent: Span) -> Span:
        """A one-word person name with the untagged capitalised names the parse joins to it ("Sloane" +
        "Stephens" when the NER tagged only "Stephens"), so the person is named once in full; a title ("Coach
        Stephens"), a dateline or a word in capitals ("SINGAPORE - Stephens") stays out."""
        if ent.label_ != "PERSON" or len(ent) != 1:
            return ent
        start = ent.start
        while start > 0 and ent.start - start < 2:
            word = self.doc[start - 1]
            if not (word.pos_ == "PROPN" and word.ent_type_ == "" and word.is_alpha and word.text[:1].isupper()
                    and not word.text.isupper() and word.dep_ == "compound" and ent.start <= word.head.i < ent.end
                    and word.lower_ not in self.lex.titles and not in_dateline(word)) or start - 1 in self.taken:
                break
            start -= 1
        return ent if start == ent.start else Span(self.doc, start, ent.end, label=ent.label_)

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

    def _add_missed_names(self) -> None:
        """Dictionary names, demonyms and product names the NER missed (maximal proper-noun runs)."""
        doc = self.doc
        i = 0
        while i < len(doc):
            token = doc[i]
            if i in self.taken or not (token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isalpha()):
                i += 1
                continue
            if CAMEL.match(token.text) and self._known_surname(i, i + 1):
                i += 1  # "McAlpine said" after "James McAlpine": the person, not a product
                continue
            if CAMEL.match(token.text) and self.dictionary.lookup(token.text, entity_label="ORG") is None:
                span = self._product_span(i, i + 1)
                end = span.end
                mention = self._add(span, "PRODUCT")
                if mention is not None:
                    mention.actor, mention.evidence = Actor(mention.surface, "product"), HEAD
                i = end
                continue
            if token.text[:1].isupper():
                end = i + 1
                while end < len(doc) and end not in self.taken and doc[end].pos_ == "PROPN":
                    end += 1
                if end < len(doc) and end not in self.taken and doc[end].like_num and doc[end].head.i < end:
                    end += 1  # "S&P 500", "FTSE 100": a number can end a dictionary name
                for extra in (3, 2, 1):  # "Dow Jones" + "industrial average": a dictionary name in lower case
                    longer = end + extra
                    if longer <= len(doc) and not any(k in self.taken for k in range(end, longer)) \
                            and all(t.is_alpha for t in doc[end:longer]) \
                            and self.dictionary.lookup(doc[i:longer].text) is not None:
                        end = longer
                        break
                for stop in range(end, i, -1):  # longest dictionary name first
                    span = doc[i:stop]
                    actor = self.dictionary.lookup(span.text) or self.dictionary.demonym(span.text)
                    if actor is not None and actor.type == "country" and self.dictionary.lookup(span.text) is None \
                            and self._one_national(span):
                        end = stop  # "The Dane completed the victory": one person of that nation, not the state
                        self.taken.update(range(span.start, span.end))
                        break
                    if actor is not None:
                        span = self._with_index_head(span) if actor.type == "product" else span
                        stop = span.end
                        mention = self._add(span, "")
                        if mention is not None:
                            mention.actor, mention.evidence = actor, STRONG
                            mention.place = actor.name if actor.type == "country" else None
                        end = stop
                        break
                else:
                    end = self._known_surname(i, end) or self._surname_full_name(i, end) \
                        or self._unknown_organisation(i, end)
                i = end
                continue
            i += 1

    def _with_index_head(self, span: Span) -> Span:
        """A stock index's name and the generic word after it ("Standard & Poor's 500" + "Index") are one mention,
        so the head word the parse makes the subject belongs to the index."""
        doc = self.doc
        actor = self.dictionary.lookup(span.text)
        if actor is None or actor.type != "product" or span.end >= len(doc) or span.end in self.taken:
            return span
        following = doc[span.end]
        if following.lower_ in self.lex.index_heads and following.head.i != span.root.i \
                and span.root.head.i == following.i or following.lower_ in self.lex.index_heads and span.end == len(doc) - 1:
            return doc[span.start:span.end + 1]
        return span

    def _add_index_names(self) -> None:
        """An unknown capitalised name before an index word names a stock index ("the FTSEurofirst 300 index
        fell" -> FTSEurofirst 300, a product as in markets.yaml); "the index" alone stays a reference."""
        doc = self.doc
        for token in doc:
            if token.lower_ not in self.lex.index_heads or token.pos_ not in ("NOUN", "PROPN") or token.i in self.taken:
                continue
            names = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "nummod") and c.pos_ == "PROPN"]
            start = min((c.left_edge.i for c in names), default=token.i)
            if start == token.i or doc[start].like_num or any(
                    i in self.taken or not (doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() or doc[i].like_num)
                    for i in range(start, token.i)):
                continue
            mention = self._add(doc[start:token.i + 1], "PRODUCT")
            if mention is not None:
                mention.surface = surface_text(doc[start:token.i])
                known = self.dictionary.lookup(mention.surface)
                mention.actor = known if known is not None else Actor(mention.surface, "product")
                mention.evidence = STRONG if known is not None else HEAD

    def _short_company_names(self) -> None:
        """A company's name without its company word is the company: "JetBlue" after "JetBlue Airways", "Delta"
        after "Delta Air Lines" is not (two words left), "Kenya" after "Kenya Airways" is not (a country); a club's
        name without its club mark is the club ("Chennaiyin" after "Chennaiyin FC")."""
        companies: dict[str, Actor] = {}
        clubs: set[str] = set()
        for mention in sorted(self.mentions, key=lambda m: m.start):
            actor = mention.actor
            if actor is None:
                continue
            words = actor.name.split()
            if actor.type == "company" and len(words) == 2 and words[1].lower() in self.lex.company_nouns:
                companies.setdefault(words[0], actor)
            elif actor.type == "organisation" and mention.evidence == HEAD and self._club(
                    self.doc[mention.start:mention.end]):  # "Chennaiyin" after "Chennaiyin FC"
                marks = (words[0], words[-1])
                short = words[1:] if marks[0].isupper() and marks[0].lower() in self.lex.club_marks else words[:-1]
                companies.setdefault(" ".join(short), actor)
                clubs.add(" ".join(short))
            elif (actor.type in ("product", "organisation", "company") or actor.type == "person" and mention.surface
                  in clubs) and mention.evidence < STRONG and mention.surface in companies \
                    and actor.name == mention.surface:  # a club's short name the model tags PERSON ("Neroca")
                mention.actor, mention.evidence = companies[mention.surface], HEAD
                mention.aliases = [mention.surface]

    def _known_surname(self, start: int, end: int) -> int | None:
        """A capitalised word the NER missed that is the last name of a person named before ("Jobs welcomed
        everyone" after "Steve Jobs"): add it as that person; returns where scanning goes on, else None."""
        if end - start != 1 or self.doc[start].text.isupper() or not self.doc[start].is_alpha:
            return None
        word = self.doc[start].text
        people = [m for m in self.mentions if m.actor is not None and m.actor.type == "person" and m.start < start
                  and len(m.surface.split()) >= 2 and m.surface.split()[-1] == word]
        if not people:
            return None
        mention = self._add(self.doc[start:end], "PERSON")
        if mention is None:
            return None
        mention.actor, mention.evidence = people[-1].actor, people[-1].evidence
        mention.aliases = [mention.surface]
        return end

    def _surname_full_name(self, start: int, end: int) -> int | None:
        """Two or three capitalised proper nouns the NER missed whose last word another mention of the article
        names as a person ("Caroline Wozniacki won ... Wozniacki said"): add them as that person's full name,
        which person chains then give the short mentions; returns where scanning goes on, else None."""
        doc = self.doc
        if end > start and doc[end - 1].like_num:  # "beat Venus Williams 6-4": the score is no part of the name
            end -= 1
        run = doc[start:end]
        if not 2 <= len(run) <= 3 or not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper()
                                              and not t.text.isupper() for t in run) \
                or run[0].lower_ in self.lex.titles or in_dateline(run[0]) or self._headline(run[0]):
            return None
        last, lex = run[-1].text, self.lex
        if run[-1].lemma_.lower() in lex.organisation_nouns | lex.place_nouns | lex.company_nouns:
            return None  # "the Taichung High Court": an institution, whoever else is called "Court"
        people = [m for m in self.mentions if m.actor is not None and m.actor.type == "person"
                  and m.label == "PERSON" and m.surface.split()[-1] == last and not m.start <= start < m.end]
        if not people or any(len(m.surface.split()) >= 2 for m in people):
            return None  # a full name with that last name is known already: person chains link to it
        mention = self._add(run, "PERSON")
        if mention is None:
            return None
        mention.actor, mention.evidence = Actor(mention.surface, "person"), APPOS
        return end

    def _join_product_names(self) -> None:
        """A product name and the unknown name it modifies are one product: "iTunes" + "Music Store"."""
        by_start = {m.start: m for m in self.mentions}
        for mention in list(self.mentions):
            following = by_start.get(mention.end)
            if mention.actor is None or mention.actor.type != "product" or following is None \
                    or following.evidence >= STRONG or following not in self.mentions:
                continue
            head = self.doc[mention.end - 1].head.i
            span = self.doc[mention.start:following.end]
            if following.start <= head < following.end and all(t.pos_ == "PROPN" for t in span[mention.end - span.start:]):
                self.mentions.remove(following)
                mention.end, mention.surface = following.end, surface_text(span)
                mention.actor = Actor(mention.surface, "product")

    def _singular_products(self) -> None:
        """A plural product name is the product ("iPhones", "iPod Touches", "A380s") when the article also
        writes its singular, and names that differ only in plural words are one ("iTunes Apps Store")."""
        words = {t.text for t in self.doc}
        for mention in self.mentions:
            if mention.actor is None or mention.actor.type != "product":
                continue
            last = mention.actor.name.split(" ")[-1]
            singular = _singular(last)
            if singular != last and singular in words:
                mention.aliases = mention.aliases or [mention.surface]
                mention.actor = Actor(mention.actor.name[:-len(last)] + singular, "product")
        first: dict[tuple[str, ...], Actor] = {}  # "iTunes Apps Store" after "iTunes App Store": one product
        for mention in sorted(self.mentions, key=lambda m: m.start):
            if mention.actor is None or mention.actor.type != "product" or " " not in mention.actor.name:
                continue
            key = tuple(_singular(w) for w in mention.actor.name.split(" "))
            earlier = first.setdefault(key, mention.actor)
            if earlier != mention.actor:
                mention.aliases = mention.aliases or [mention.surface]
                mention.actor = earlier

    def _drop_capitalised_common_words(self) -> None:
        """Forget names that are only capitalised by position: "Media who wish..." when "media" occurs in
        lower case too, "Confirmation was received", an acronym spelt out in lower case ("IED (improvised
        explosive device)"), and unknown names inside a title-case headline that the body never repeats."""
        lower_words = {t.text for t in self.doc if t.is_lower}
        body_texts = Counter(m.surface for m in self.mentions)
        name_parts = {w.lower() for m in self.mentions if m.label == "PERSON" and m.end - m.start > 1
                      for w in m.surface.split()}  # "Cook said" after "Tim Cook" stays, even with "a cook"
        lower_words -= name_parts
        kept = []
        for mention in self.mentions:
            if mention.evidence < STRONG:
                first = self.doc[mention.start]
                if mention.end - mention.start == 1 and (first.text.lower() in lower_words or capitalised_by_position(first)
                                                         or common_acronym(first)):
                    self.taken.difference_update(range(mention.start, mention.end))
                    continue
                if self._headline(first) and body_texts[mention.surface] < 2:
                    self.taken.difference_update(range(mention.start, mention.end))
                    continue
            kept.append(mention)
        self.mentions = kept

    def _headline(self, token: Token) -> bool:
        """The token's line is a title-case headline ("NASA Announces Media Activities for ...")."""
        text = self.text
        start = text.rfind("\n", 0, token.idx) + 1
        if start not in self.headlines:
            end = text.find("\n", token.idx)
            words = re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", text[start:end if end >= 0 else len(text)])
            self.headlines[start] = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
        return self.headlines[start]

    def _unknown_organisation(self, start: int, end: int) -> int:
        """A run of capitalised words ending in an organisation noun that the NER missed ("NOAA's Storm
        Prediction Center"): add it as an organisation; returns where scanning goes on."""
        doc = self.doc
        run = doc[start:end]
        if self._club(run):  # "Mumbai" (tagged a place) + "City FC": the club's name starts with the place
            before = next((m for m in self.mentions if m.end == start and doc[m.start].text[:1].isupper()
                           and m.label in PLACE_LABELS), None)
            if before is not None:
                self.mentions.remove(before)
                self.taken.difference_update(range(before.start, before.end))
                start, run = before.start, doc[before.start:end]
        if len(run) >= 2 and all(t.text[:1].isupper() for t in run) \
                and (run[-1].lemma_.lower() in self.lex.organisation_nouns or self._club(run)):
            mention = self._add(run, "ORG")
            if mention is not None:
                self._classify(mention, run)
                return end
        return start + 1

    # -- typing
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
        if root.dep_ != "nsubj" or len(span) > 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
            return False
        verb = root.head.lemma_.lower()
        if label in ("GPE", "LOC", "FAC", "NORP"):
            return verb in self.lex.person_verbs or verb in self.lex.speech_verbs
        return label in ("ORG", "PRODUCT", "WORK_OF_ART", "") and verb in self.lex.person_verbs

    def _titled(self, span: Span, label: str) -> bool:
        first = span[0]
        if label in ("ORG", "FAC", "LOC") or self.dictionary.lookup(span.text, entity_label="ORG"):
            return False
        return (len(span) > 1 and first.lower_.rstrip(".") in self.lex.titles and first.lower_ not in ("the",)
                and span[-1].pos_ == "PROPN" and first.lower_ not in self.lex.organisation_nouns)

    def _classify(self, mention: Mention, span: Span) -> None:
        text, label = span.text, mention.label
        d = self.dictionary
        actor = d.lookup(text, entity_label=label or "ORG")
        if actor is None and label in ("NORP", "GPE", "LOC", "ORG", ""):
            actor = d.demonym(text)
            if actor is not None and self._one_national(span):
                return  # "the Argentine hooked the ball", "the 22-year-old American won": a person, not the state
        if actor is not None:
            mention.actor, mention.evidence = actor, STRONG
            mention.place = actor.name if actor.type == "country" else None
            return
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
        if end < span.end and label in ("ORG", "PERSON", "GPE", "PRODUCT", ""):  # "Kimberly-Clark Corp."
            known = d.lookup(self.doc[span.start:end].text, entity_label="ORG")  # "Kia Motors Corp." -> Kia
            if known is None and end - span.start > 1 and self.doc[end - 1].lower_ in self.lex.group_words:
                known = d.lookup(self.doc[span.start:end - 1].text, entity_label="ORG")  # "Fiat Group SpA" -> Fiat
            if known is not None and known.type == "company":
                mention.actor, mention.evidence, mention.aliases = known, STRONG, [mention.surface]
                return
            mention.actor, mention.evidence = Actor(surface_text(self.doc[span.start:end]), "company"), HEAD
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
        elif len(span) > 1 and root_lemma in self.lex.place_nouns and root_lemma not in self.lex.organisation_nouns \
                and span.root.text[:1].isupper() and (label in ("PERSON", "GPE", "LOC", "FAC", "PRODUCT")
                                                      or label == "ORG" and root_lemma in self.lex.venue_nouns):
            kind, evidence = "place", HEAD  # "Kuiper Belt", "Gaza Strip", "Kursk Region"
        elif label == "PERSON" or self._appositive_person(span) or self._titled(span, label) \
                or self._acts_as_person(span, label):
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
        if i < 0 or span.start - i > 2 or self.doc[i].pos_ not in ("NOUN", "PROPN"):
            return ""
        word = self.doc[i]
        if word.lower_ in self.lex.storm_nouns:  # "typhoon Juan", "Hurricane Dorian" (the small model tags either)
            return "storm"
        lemma = word.lemma_.lower()
        if lemma in self.lex.person_nouns and label == "PERSON":
            return ""  # "tennis player Garbine Muguruza": a person noun names a person, not a "media player"
        return "thing" if word.is_lower and (lemma in self.lex.work_nouns or lemma in self.lex.product_heads) else ""

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

    # -- linking
    def _people_in_mistyped_names(self) -> None:
        """A name only the model typed as a place or organisation is a person the article names: it ends with a
        person's full name after titles or a nationality ("Australian PM Scott Morrison" with "Scott Morrison"),
        or it is two or three capitalised words tagged a place, none a place noun or in capitals, whose last word
        the model tags alone as a person's name ("Pietra Tordin" tagged a place, then "Tordin scored"; "Lake
        Powell" stays a place, "OS X Lion" a product, "Atlanta Beat" with "Atlanta" a club)."""
        people = [m for m in self.mentions if m.actor is not None and m.actor.type == "person"]
        surnames = {m.surface for m in people if m.label == "PERSON" and len(m.surface.split()) == 1}
        places = {m.surface for m in self.mentions if m.actor is not None and m.actor.type in ("place", "country")
                  and len(m.surface.split()) == 1} - surnames  # "Atlanta" in "Atlanta Beat"; not "Srichaphan" tagged both
        for mention in self.mentions:
            words = mention.surface.split()
            if mention.actor is None or mention.actor.type == "person" or mention.evidence > LABEL or len(words) < 2:
                continue
            longer = [p for p in people if 2 <= len(p.surface.split()) < len(words)
                      and words[-len(p.surface.split()):] == p.surface.split()]
            span = self.doc[mention.start:mention.end]
            if longer:
                front = words[:-len(longer[0].surface.split())]
                if all(w.lower().rstrip(".") in self.lex.titles or self.dictionary.demonym(w) is not None
                       or w.isupper() and len(w) <= 3 for w in front):
                    mention.actor, mention.place, mention.aliases = longer[0].actor, None, [mention.surface]
            elif words[-1] in surnames and len(words) <= 3 and mention.label in ("GPE", "LOC") \
                    and not places & set(words) \
                    and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper()
                            and t.lower_ not in self.lex.place_nouns
                            for t in span) \
                    and not any(p.surface.split()[-1] == words[-1] and len(p.surface.split()) >= 2 for p in people):
                mention.actor, mention.place = Actor(mention.surface, "person"), None

    def _link_people(self) -> None:
        """"Kim" -> the last full name containing it before (else the first after): "Kim Jong-un"."""
        people = [m for m in self.mentions if m.actor is not None and m.actor.type == "person"]
        full = [m for m in people if len(m.surface.split()) >= 2]
        singles = [m for m in self.mentions if m.actor is not None and m.evidence < STRONG
                   and len(m.surface.split()) == 1 and m.surface[:1].isupper() and not m.surface.isupper()]
        multi = [m for m in self.mentions if m.actor is not None and m.evidence <= LABEL and len(m.surface.split()) >= 2]
        for mention in people + [m for m in singles + multi if m not in people]:
            if len(mention.surface.split()) >= 2:
                self._link_shorter_full_name(mention, full)
                continue
            word = mention.surface.casefold()
            candidates = [f for f in full if word in (w.casefold() for w in re.split(r"[\s]+", f.surface))]
            if not candidates:  # "Dorian" after "Hurricane Dorian": the last word of another unknown name
                candidates = [f for f in self.mentions if f.actor is not None and len(f.surface.split()) >= 2
                              and f.surface.split()[-1].casefold() == word and f.start < mention.start
                              and (f.evidence < STRONG and f.actor.type not in ("place", "product")
                                   or f.actor.type in ("organisation", "media"))]  # "the Commission"
            if not candidates:
                continue
            before = [f for f in candidates if f.start < mention.start]
            chosen = before[-1] if before else candidates[0]
            if chosen.actor is not None:
                mention.actor, mention.evidence = chosen.actor, max(mention.evidence, chosen.evidence)
                mention.aliases = [mention.surface]

    @staticmethod
    def _link_shorter_full_name(mention: Mention, full: list[Mention]) -> None:
        """A person's name of two or more words that a longer person name of the article ends with ("Di Matteo"
        after "Roberto Di Matteo") or contains with the same first and last words ("John Mahama" and "John
        Dramani Mahama") is that person: the longer name named before it, else the first one after."""
        words = [w.casefold() for w in mention.surface.split()]

        def shortens(longer: Mention) -> bool:
            other = [w.casefold() for w in longer.surface.split()]
            if len(other) <= len(words) or longer.actor is None or longer.actor.type != "person":
                return False
            if other[-len(words):] == words:
                return True
            inner = iter(other[1:-1])
            return other[0] == words[0] and other[-1] == words[-1] and all(w in inner for w in words[1:-1])

        candidates = [f for f in full if shortens(f)]
        if not candidates or mention.actor is None or mention.actor.type != "person" and mention.evidence > LABEL:
            return  # a name the model alone typed ("Di Matteo's departure" as an organisation) may still be the person
        before = [f for f in candidates if f.start < mention.start]
        chosen = before[-1] if before else candidates[0]
        if chosen.actor is not None and len({f.actor.name for f in candidates if f.actor is not None}) == 1:
            mention.actor, mention.evidence = chosen.actor, max(mention.evidence, chosen.evidence)
            mention.aliases = [mention.surface]

    def _link_acronyms(self) -> None:
        """Merge "KCNA" and "Korean Central News Agency" (either order, parenthetical or not)."""
        self._add_parenthetical_acronyms()
        expansions: dict[str, Mention] = {}
        for mention in self.mentions:
            words = mention.surface.split()
            if len(words) >= 2 and mention.actor is not None and mention.actor.type not in ("person", "place"):
                expansions.setdefault(initials(re.split(r"[\s-]+", mention.surface)), mention)
        for mention in self.mentions:
            if not ACRONYM.match(mention.surface):
                continue
            target = expansions.get(mention.surface.replace("&", ""))
            if mention.evidence >= STRONG and mention.actor is not None and mention.actor.name != mention.surface \
                    and not self._spelt_out_here(mention, target):
                continue
            if target is not None and target.actor is not None:
                mention.actor, mention.evidence = target.actor, max(mention.evidence, target.evidence)
                mention.aliases = [mention.surface]
                mention.place = target.place

    @staticmethod
    def _spelt_out_here(mention: Mention, target: Mention | None) -> bool:
        """Whether the article spells out the acronym of ``mention`` as another actor than the dictionary's: the
        text's own "National League for Democracy (NLD)" beats the ISO code NLD (Netherlands), while "GM" stays
        General Motors whichever way the text spells it."""
        return (target is not None and target.actor is not None and mention.actor is not None
                and target.actor != mention.actor
                and initials(re.split(r"[\s-]+", mention.actor.name)) != mention.surface.replace("&", ""))

    def _add_parenthetical_acronyms(self) -> None:
        """"Johns Hopkins University Applied Physics Laboratory (APL)": the bracketed acronym names the
        organisation before it, and so does every later bare "APL" the NER missed."""
        doc = self.doc
        short: dict[str, Mention] = {}
        for mention in list(self.mentions):
            i = mention.end
            if mention.actor is None or mention.actor.type in ("person", "place", "product") or i + 2 >= len(doc):
                continue
            if doc[i].text == "(" and doc[i + 2].text == ")" and ACRONYM.match(doc[i + 1].text) \
                    and i + 1 not in self.taken:
                short.setdefault(doc[i + 1].text, mention)
        if not short:
            return
        for token in doc:
            target = short.get(token.text)
            if target is not None and token.i not in self.taken:
                added = self._add(doc[token.i:token.i + 1], "ORG")
                if added is not None:
                    added.actor, added.evidence, added.aliases = target.actor, target.evidence, [token.text]

    def _unify_types(self) -> None:
        """Same name, same actor: the best-evidenced type wins for every mention of one name."""
        best: dict[str, Mention] = {}
        votes: Counter[tuple[str, int, Actor | None]] = Counter()
        for mention in self.mentions:
            if mention.actor is not None:
                votes[(alias_key(mention.actor.name), mention.evidence, mention.actor)] += 1
        for mention in self.mentions:
            if mention.actor is None:
                continue
            key = alias_key(mention.actor.name)
            if key not in best or mention.evidence > best[key].evidence or (  # equal evidence: the type most
                    mention.evidence == best[key].evidence and best[key].actor is not None  # mentions give
                    and votes[(key, mention.evidence, mention.actor)]  # ("Stephens" GPE once in the headline,
                    > votes[(key, best[key].evidence, best[key].actor)]):  # PERSON three times: a person)
                best[key] = mention
        for mention in self.mentions:
            if mention.actor is None:
                continue
            winner = best[alias_key(mention.actor.name)]
            if winner.actor is not None and winner.actor != mention.actor:
                if not mention.aliases:
                    mention.aliases = [mention.surface]
                mention.actor = winner.actor
            if mention.actor is not None and mention.actor.type == "place" and mention.place is None:
                mention.place = mention.actor.name

    def _resolve_contextual(self) -> None:
        named = {m.actor for m in self.mentions if m.actor is not None and m.key != "contextual"}
        for mention in self.mentions:
            if mention.key != "contextual":
                continue
            actor = self._contextual(self.doc[mention.start:mention.end])
            if actor is not None and actor in named:
                mention.actor, mention.evidence = actor, STRONG
                mention.aliases = ["the " + mention.surface if not mention.surface.lower().startswith("the ")
                                   else mention.surface]

    def _link_definite_descriptions(self) -> None:
        """"the company" / "the country" -> the last acting actor of that type named before it."""
        wanted = self.lex.definite_descriptions
        ordered = sorted((m for m in self.mentions if m.actor is not None and m.acts), key=lambda m: m.start)
        roles = self.lex.role_descriptions
        for token in self.doc:
            kind = wanted.get(token.lower_)
            cues = roles.get(token.lower_)
            if kind is None and cues is None or token.i in self.taken or token.pos_ != "NOUN":
                continue
            lefts = [c for c in token.lefts]
            if not lefts or lefts[0].lower_ != "the" or any(
                    c.dep_ in ("poss", "nummod") or c.dep_ == "compound" and c.pos_ == "PROPN" for c in lefts):
                continue  # "the company" / "the most valuable technology company", not "the Apple company"
            if kind is not None:
                before = [m for m in ordered if m.end <= token.i and m.actor is not None and m.actor.type == kind]
            else:  # "the airline": the one airline named before it
                before = [m for m in ordered if m.end <= token.i and m.actor is not None
                          and m.actor.type in ("company", "organisation")
                          and cues is not None and cues & set(alias_key(m.actor.name).split() + alias_key(m.surface).split())]
                if len({m.actor for m in before}) != 1:
                    continue
            if before:
                mention = Mention(token.i, token.i + 1, token.text, "", key="coref", actor=before[-1].actor,
                                   evidence=CONTEXT)
                self.mentions.append(mention)
                self.taken.add(token.i)

    def _set_roles(self) -> None:
        """Places and capitals act only as subjects/agents/possessors; in "in Pyongyang" they are places."""
        for mention in self.mentions:
            if mention.actor is None:
                continue
            root = self.doc[mention.start:mention.end].root
            kind = mention.actor.type
            if kind != "place" and mention.key != "capital" and in_dateline(self.doc[mention.start]) \
                    and not (mention.start > 0 and self.doc[mention.start - 1].text == "("):  # "(AP)" is the agency
                mention.acts, mention.place = False, mention.surface.title()  # "CAPE CANAVERAL, Fla. - A NASA ..."
                continue
            if mention.key == "capital" or kind == "place":
                mention.acts = root.dep_ in SUBJECT_DEPS or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS)
                if mention.surface.isupper() and len(mention.surface) > 4 \
                        or in_dateline(self.doc[mention.start]):  # a dateline: "NAIROBI, Kenya (AP) --", "Tikrit, Iraq :"
                    mention.acts = False
                    mention.place = mention.surface.title()
            elif kind == "country":
                mention.acts = not is_locative(root, self.lex)
            if kind == "country" and mention.place is None:
                mention.place = mention.actor.name
            if mention.key == "capital" and not mention.acts:
                mention.place = mention.surface.title() if mention.surface.isupper() else mention.surface


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


def _singular(word: str) -> str:
    """The singular of a plural name word ("iPhones" -> "iPhone", "Touches" -> "Touch"), else the word.

    >>> _singular("iPhones"), _singular("Touches"), _singular("A380s"), _singular("Glass")
    ('iPhone', 'Touch', 'A380', 'Glass')
    """
    if re.search(r"(?:ch|sh|x|ss)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word
