"""Names the NER missed or mangled: dictionary names, demonyms, product, index, surname and organisation runs
found by scanning; short company names, joined and singular product names; names capitalised only by position
dropped (a step set of :class:`timeline.actors.builder.MentionBuilder`).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from timeline.actors.actor import Actor
from timeline.actors.capitals import capitalised_by_position, common_acronym
from timeline.actors.mention import (
    APPOS,
    CAMEL,
    HEAD,
    PLACE_LABELS,
    STRONG,
    Mention,
    in_dateline,
    surface_text,
)
from timeline.actors.mention_types import MentionTyping
from timeline.function_words import word_set
from timeline.truecase import title_case_line

#: An abbreviation in brackets after a name: a capital then letters with another capital ("MDC", "AfD", "PoR").
BRACKET_SHORT = re.compile(r"^[A-Z](?=[A-Za-z&]*[A-Z])[A-Za-z&]{1,6}$")


class MissedNames(MentionTyping):
    """The missed-name steps of :class:`timeline.actors.builder.MentionBuilder` (state set by its constructor)."""

    mentions: list[Mention]
    taken: set[int]
    text: str
    headlines: dict[int, bool]
    lower_words: frozenset[str]

    if TYPE_CHECKING:  # collecting steps of MentionBuilder
        def _add(self, span: Span, label: str) -> Mention | None: ...  # noqa: E704

        def _product_span(self, start: int, end: int) -> Span: ...  # noqa: E704

    def _add_bracketed_names(self) -> None:
        """An organisation's name with its abbreviation in brackets after it ("the far-right Alternative for Germany
        (AfD)", "the Movement for Democratic Change (MDC)"): the capitalised words and the joining words between
        them ("for", "of", "and") from the one whose initial starts the abbreviation, as one organisation, even
        where the NER tagged only a place inside it; the abbreviation and its later bare uses name it too."""
        doc = self.doc
        joiners = word_set("initial_skip")
        for j in range(1, len(doc) - 2):
            short = doc[j + 1].text
            if doc[j].text != "(" or doc[j + 2].text != ")" or not BRACKET_SHORT.match(short):
                continue
            start, k = j, j - 1
            while k >= 0 and doc[k].sent == doc[j].sent:
                if doc[k].is_alpha and doc[k].text[:1].isupper() and not in_dateline(doc[k]):
                    start, k = k, k - 1
                elif doc[k].lower_ in joiners and doc[k].is_lower:  # "Alliance for the Future": joining words
                    m = k
                    while m > 0 and doc[m - 1].lower_ in joiners and doc[m - 1].is_lower:
                        m -= 1
                    if m == 0 or not doc[m - 1].text[:1].isupper():
                        break
                    k = m - 1
                else:
                    break
            first = start
            while start < j and (doc[start].text[:1].lower() != short[:1].lower() or doc[start].is_lower
                                 or doc[start].lower_ in joiners):
                start += 1  # "FDP leader Christian Lindner of the Free Democrats (FDP)": the name starts at "Free"
            if start == j and not any(t.ent_type_ in ("PERSON", "DATE") for t in doc[first:j]):
                start = first  # an abbreviation of the name in its own language ("... of Austria (BZOe)")
            run = doc[start:j]
            capitals = [t for t in run if not t.is_lower]
            if len(capitals) < 2 or not any(t.is_lower for t in run) or run[0].lower_.rstrip(".") in self.lex.titles \
                    or any(i in self.taken for i in range(start, j + 2)) \
                    or any(e.start <= start and e.end >= j for e in doc.ents):  # the NER has the whole name
                continue
            mention = self._add(run, "ORG")
            if mention is None:
                continue
            self._classify(mention, run)
            for i in range(j + 1, len(doc)):  # the abbreviation, there and later
                if doc[i].text == short and i not in self.taken:
                    also = self._add(doc[i:i + 1], "ORG")
                    if also is not None:
                        also.actor, also.evidence, also.aliases = mention.actor, mention.evidence, [short]

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
                if self._short_form_of_organisation(doc[i:end]):
                    mention = self._add(doc[i:end], "ORG")
                    if mention is not None:  # before a dictionary name inside it ("Motorola" in "Motorola Mobility")
                        self._classify(mention, doc[i:end])
                        i = end
                        continue
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
            # an adjective or demonym before the name says whose or what kind of index ("the pan-European
            # FTSEurofirst 300 index", "the European FTSEurofirst 300 index"): no word of its name
            described = {t.i for c in names for a in c.lefts if a.dep_ == "amod" for t in a.subtree}
            while start < token.i and (start in described or doc[start].ent_type_ == "NORP" or _hyphen_part(doc, start)):
                start += 1
            if start == token.i or doc[start].like_num or any(
                    i in self.taken or not (doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() or doc[i].like_num)
                    for i in range(start, token.i)):
                continue
            mention = self._add(doc[start:token.i + 1], "PRODUCT")
            if mention is not None:
                statistic = doc[token.i - 1].lower_.rstrip("'") in self.lex.statistic_index_words  # "Consumer Price Index"
                mention.surface = surface_text(doc[start:token.i + 1] if statistic else doc[start:token.i])
                known = self.dictionary.lookup(mention.surface)
                mention.actor = known if known is not None else Actor(mention.surface, "product")
                mention.evidence = STRONG if known is not None else HEAD

    def _add_band_names(self) -> None:
        """A capitalised name the tagger missed before a lower-case band noun names the band: "The Play ransomware
        gang claimed" -> "Play ransomware gang" (a group; an armed unit for "militia", "brigade"); "a group of
        hackers" (no name) and "the Group of Seven" (capitalised noun) are not bands (``band_nouns``)."""
        doc = self.doc
        for token in doc:
            if token.lower_ not in self.lex.band_nouns or not token.text.islower() or token.i in self.taken \
                    or token.pos_ not in ("NOUN", "PROPN"):
                continue
            start = token.i
            while start > 0 and doc[start - 1].head.i == token.i and doc[start - 1].dep_ in ("compound", "amod", "nmod") \
                    and (start - 1) not in self.taken and (doc[start - 1].pos_ in ("NOUN", "ADJ") and doc[start - 1].text.islower()
                                                           or doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()):
                start -= 1
            if start == token.i or doc[start].pos_ != "PROPN" or not doc[start].is_alpha \
                    or start == doc[start].sent.start and start > 0 and doc[start - 1].text == "\n":
                continue  # no name, or a headline word
            span = doc[start:token.i + 1]
            mention = self._add(span, "")
            if mention is not None:
                kind = "armed unit" if token.lower_ in self.lex.armed_unit_nouns else "group"
                mention.actor, mention.evidence = Actor(mention.surface, kind), HEAD

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
                                                         or common_acronym(first)) \
                        and not self._bare_company_name(first):  # "Spansion announced" after "Spansion Inc."
                    self.taken.difference_update(range(mention.start, mention.end))
                    continue
                if self._headline(first) and body_texts[mention.surface] < 2:
                    self.taken.difference_update(range(mention.start, mention.end))
                    continue
            kept.append(mention)
        self.mentions = kept

    def _headline(self, token: Token) -> bool:
        """The token's line is a title-case headline ("NASA Announces Media Activities for ..."), by its capitals
        (``title_case_line`` with four long words at least, one more than ``events.named_things`` asks: a missed
        name is dropped on this test), on any line; memoised per line. Not ``events.things.in_headline`` (the
        text's first sentence, by its missing full stop) nor the title line of ``events.dedup``."""
        start = self.text.rfind("\n", 0, token.idx) + 1
        if start not in self.headlines:
            self.headlines[start] = title_case_line(self.text, token.idx, 4) and not self._lower_finite_verb(start)
        return self.headlines[start]

    def _lower_finite_verb(self, start: int) -> bool:
        """True when the line from ``start`` has a finite verb in lower case ("French
        President Emmanuel Macron met reporters in Paris on Friday."): a sentence crowded with names, not a
        title-case headline, whose verbs are capitalised ("Macron Meets Reporters")."""
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        return any(start <= t.idx < end and t.is_lower and t.tag_ in ("VBD", "VBZ", "VBP")
                   and t.pos_ in ("VERB", "AUX") for t in self.doc)

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
                and (run[-1].lemma_.lower() in self.lex.organisation_nouns or self._club(run)
                     or run[-1].lower_.rstrip(".") in self.lex.legal_suffixes) \
                or all(t.text[:1].isupper() for t in run) and self._described_after(run, ""):  # "Spansion Inc." the
            # NER missed; "Unifor, the union representing the workers", "Kestrix, the German parts maker": the
            # apposition says what it is
            mention = self._add(run, "ORG")
            if mention is not None:
                self._classify(mention, run)
                return end
        return start + 1

    def _short_form_of_organisation(self, run: Span) -> bool:
        """True for a run of two or more capitalised proper nouns that the NER missed but tagged as the start of an
        organisation's longer name named before it ("Motorola Mobility's shares" after "Motorola Mobility
        Holdings Inc."): the same company under a shorter name the text uses. Not across a possessive
        ("Motorola's Mobility" is no run); a headline before that name keeps the dictionary's reading."""
        if len(run) == 1 and self._bare_company_name(run[0]):
            return True
        if len(run) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in run):
            return False
        words = [t.text for t in run]
        return any(ent.label_ == "ORG" and ent.end <= run.start and len(ent) > len(run)
                   and [t.text for t in ent[:len(run)]] == words for ent in self.doc.ents)

    def _bare_company_name(self, token: Token) -> bool:
        """True for one capitalised word, written nowhere in lower case, that an organisation named before it is
        with only a legal suffix after it ("Spansion announced plans" after "Spansion Inc.", even when the parser
        reads the sentence's first word as a common noun); not a word the text also uses in lower case."""
        if not token.is_title and not token.is_upper or not token.is_alpha \
                or token.lower_ in self.lower_words:
            return False
        suffixes = self.lex.legal_suffixes
        names = [self.doc[m.start:m.end] for m in self.mentions if m.label == "ORG"] + list(self.doc.ents)
        return any(name.label_ in ("ORG", "") and name.end <= token.i and len(name) >= 2 and name[0].text == token.text
                   and all(t.lower_.rstrip(".") in suffixes or t.is_punct for t in name[1:]) for name in names)


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


def _hyphen_part(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen or the lower-case prefix before one ("pan" and "-" in "pan-European")."""
    if doc[i].text in ("-", "–"):
        return True
    return doc[i].is_lower and i + 1 < len(doc) and doc[i + 1].text in ("-", "–") and not doc[i].whitespace_
