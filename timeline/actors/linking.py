"""Linking the actor mentions of one article: people named in mistyped names, short person names to full
names, acronyms to their expansions, one type per name, contextual names ("the North"), definite descriptions
("the company") and roles (acting or a place) (a step set of :class:`timeline.actors.builder.MentionBuilder`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from nicknames import NickNamer
from spacy.tokens import Span, Token

from timeline.actors.actor import Actor
from timeline.actors.dictionary import alias_key
from timeline.actors.mention import (
    ACRONYM,
    CONTEXT,
    LABEL,
    STRONG,
    SUBJECT_DEPS,
    Mention,
    in_dateline,
    initials,
    is_locative,
)
from timeline.actors.mention_types import MentionTyping
from timeline.function_words import word_map, word_set
from timeline.quotes import in_quote

_EMPLOYER_TYPES = frozenset({"company", "organisation", "product"})  # types of a name that may employ its speaker


class MentionLinking(MentionTyping):
    """The linking steps of :class:`timeline.actors.builder.MentionBuilder` (state set by its constructor)."""

    mentions: list[Mention]
    taken: set[int]

    if TYPE_CHECKING:  # collecting steps of MentionBuilder
        def _add(self, span: Span, label: str) -> Mention | None: ...  # noqa: E704

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
            surnames = [f for f in candidates if f.actor is not None and f.actor.type == "person"
                        and f.surface.split()[-1].casefold() == word]
            if surnames and len(surnames) < len(candidates):  # "Michael" after "George Michael" and "his manager
                candidates = surnames  # Michael Lippman": a bare name is a surname before it is a first name
            if not candidates:  # "Dorian" after "Hurricane Dorian": the last word of another unknown name
                candidates = [f for f in self.mentions if f.actor is not None and len(f.surface.split()) >= 2
                              and f.surface.split()[-1].casefold() == word and f.start < mention.start
                              and (f.evidence < STRONG and f.actor.type not in ("place", "product")
                                   or f.actor.type in ("organisation", "media"))]  # "the Commission"
            if not candidates:
                continue
            before = [f for f in candidates if f.start < mention.start]
            before = self._surname_bearers(before, word)  # of the bearers named so far
            chosen = before[-1] if before else candidates[0]
            if chosen.actor is not None:
                mention.actor, mention.evidence = chosen.actor, max(mention.evidence, chosen.evidence)
                mention.aliases = [mention.surface]

    def _surname_bearers(self, candidates: list[Mention], surname: str) -> list[Mention]:
        """Of two or more people a bare surname may be ("Gonzalez" after "Elian Gonzalez" and "his father, Juan
        Miguel Gonzalez"; "McMahon" after "Julian McMahon" and "His wife, Kelly McMahon"), the ones news style calls
        by it: not one the text calls by the first name alone outside quotes (a child: "Elian"), then not a relative
        introduced by a family noun ("his wife, Kelly McMahon") after another bearer; else all of them."""
        people = [f for f in candidates if f.actor is not None and f.actor.type == "person"
                  and f.surface.split()[-1].casefold() == surname]
        if len({f.actor for f in people}) < 2:
            return candidates
        first_named = {f.actor for f in people if self._called_by_first_name(f)}
        kept = [f for f in people if f.actor not in first_named] or people
        if len({f.actor for f in kept}) > 1:  # a relative named after the story's own bearer of the name
            first_at = {f.actor: f.start for f in reversed(kept)}
            related = {f.actor for f in kept if self._introduced_as_kin(f)}
            subjects = [at for actor, at in first_at.items() if actor not in related]
            related = {a for a in related if subjects and min(subjects) < first_at[a]}
            kept = [f for f in kept if f.actor not in related] or kept
        return kept

    def _called_by_first_name(self, full: Mention) -> bool:
        """True when the text names the person of ``full`` by the first name alone outside quotes ("Elian")."""
        first = full.surface.split()[0]
        for token in self.doc:
            if token.text != first or token.i in range(full.start, full.end) or in_quote(token):
                continue
            after = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
            if after is None or not (after.text[:1].isupper() and after.pos_ == "PROPN"):
                return True
        return False

    def _introduced_as_kin(self, full: Mention) -> bool:
        """True when a family noun introduces the person ("His wife, Kelly McMahon", "Elian's father Juan Miguel
        Gonzalez", "Kelly McMahon, his wife,")."""
        kin = self.lex.kin_nouns
        tokens = [t for t in self.doc[max(0, full.start - 3):full.start] if not t.is_punct]
        if tokens and tokens[-1].lower_ in kin:
            return True
        root = self.doc[full.start:full.end].root
        return root.dep_ == "appos" and root.head.lower_ in kin \
            or any(c.dep_ == "appos" and c.lower_ in kin for c in root.children)

    def _link_real_names(self) -> None:
        """"Michael - whose real name was Georgios Kyriacos Panayiotou -", "Mark Twain, whose real name is Samuel
        Clemens": the person's other name is the same person, under the name the article uses."""
        people = [m for m in self.mentions if m.actor is not None and m.actor.type == "person"]
        for mention in people:
            words = [t for t in self.doc[max(0, mention.start - 8):mention.start] if not t.is_punct]
            lowers = [t.lower_ for t in words]
            if "whose" not in lowers or "name" not in lowers[lowers.index("whose"):]:
                continue
            between = words[lowers.index("whose") + 1:]
            while between and between[-1].text[:1].isupper() and between[-1].lower_ not in word_set("real_name_words"):
                between = between[:-1]  # "Georgios" of "Georgios Kyriacos Panayiotou" the model left out
            if not between or any(t.lower_ not in word_set("real_name_words") for t in between):
                continue
            whose = words[lowers.index("whose")]
            named = [m for m in people if m.end <= whose.i and whose.i - m.end <= 2 and m is not mention]
            if named and named[-1].actor is not None and named[-1].actor != mention.actor:
                mention.actor, mention.aliases = named[-1].actor, mention.aliases + [mention.surface]

    def _link_short_institution_names(self) -> None:
        """"the High Court" after "the High Court of Justice", "the Safety Board" after "the National
        Transportation Safety Board": a name of two or more words, after "the", that begins exactly one longer
        organisation name named before it (which goes on with a lower-case preposition, so the head word is in
        both) or ends it, is that organisation. Two such longer names ("the Supreme Court" after "the Ohio Supreme
        Court" and "the Supreme Court of Ohio") leave it alone; so does a name the dictionary knows."""
        kinds = ("organisation", "company", "media", "armed unit")
        named = [m for m in self.mentions if m.actor is not None and m.actor.type in kinds]
        for mention in named:
            words = mention.surface.split()
            if len(words) < 2 or mention.evidence >= STRONG or mention.start == 0 \
                    or self.doc[mention.start - 1].lower_ != "the":
                continue
            longer = {m.actor for m in named if m.start < mention.start and m.actor is not None
                      and _shortens(words, m.surface.split())}
            if len(longer) == 1:
                mention.actor, mention.aliases = longer.pop(), [mention.surface]

    def _link_short_company_names(self) -> None:
        """"Dow Jones would report earnings" after "Dow Jones & Co.": a name of two or more words that a company
        named before it goes on with only a legal suffix ("& Co.", "Inc.") is that company, even when the
        dictionary knows the short name as something else (the index). Not before an index word ("Dow Jones
        industrial average", "the Dow Jones index") or in a sentence counting points (an index's move)."""
        companies = [m for m in self.mentions if m.actor is not None and m.actor.type == "company"]
        suffix_words = self.lex.legal_suffixes | self.lex.company_nouns | {"&", "and"}
        for mention in self.mentions:
            words = mention.surface.split()
            if len(words) < 2 or mention.actor is None or mention.actor.type == "company" or self._indexed(mention):
                continue
            longer = {m.actor for m in companies if m.start < mention.start and m.actor is not None
                      and len(m.surface.split()) > len(words) and m.surface.split()[:len(words)] == words
                      and all(w.lower().strip(".") in suffix_words for w in m.surface.split()[len(words):])}
            if len(longer) == 1:
                mention.actor, mention.aliases = longer.pop(), [mention.surface]

    def _link_demonym_company_names(self) -> None:
        """"American says" after "American Airlines": a lone demonym used as a noun (a subject, object or
        conjunct, with no article: "the American won" is a person) is the one company the article names with
        that word and a company word ("American Airlines", "British Airways"), not the state. A longer name
        going on from that company ("American Airlines Group") is the same family; two different companies
        (with "American Express", a company the dictionary knows) leave it the state."""
        companies = [m.actor for m in self.mentions if m.actor is not None and m.actor.type == "company"]
        for mention in self.mentions:
            words = mention.surface.split()
            root = self.doc[mention.start]
            if len(words) != 1 or mention.end - mention.start != 1 or mention.actor is None \
                    or mention.actor.type != "country" or self.dictionary.demonym(mention.surface) is None \
                    or root.dep_ not in (*SUBJECT_DEPS, "dobj", "pobj", "conj") and not any(
                        c.dep_ == "conj" and c.ent_type_ == "ORG" for c in root.children) \
                    or any(c.dep_ == "det" for c in root.children):  # "American and US Airways" parsed as
                continue  # one modified name still coordinates two companies
            named = sorted({a.name for a in companies if a.name.split()[0] == words[0] and len(a.name.split()) > 1
                            and (a.name.split()[1].lower() in self.lex.company_nouns
                                 or self.dictionary.lookup(a.name, entity_label="ORG") == a)}, key=len)
            if named and named[0].split()[1].lower() in self.lex.company_nouns \
                    and all(n.startswith(named[0]) for n in named):
                actor = next(a for a in companies if a.name == named[0])
                mention.actor, mention.place, mention.aliases = actor, None, [mention.surface]

    def _indexed(self, mention: Mention) -> bool:
        """The mention is followed by an index word or stands in a sentence counting points (a market index)."""
        doc = self.doc
        after = doc[mention.end:mention.end + 3]
        index_words = self.lex.index_heads | {"industrial", "industrials"}
        return any(t.lower_ in index_words for t in after) \
            or any(t.lower_ in ("point", "points") for t in doc[mention.start].sent)

    @staticmethod
    def _link_shorter_full_name(mention: Mention, full: list[Mention]) -> None:
        """A person's name of two or more words that a longer person name of the article ends with ("Di Matteo"
        after "Roberto Di Matteo") or contains with the same first and last words ("John Mahama" and "John
        Dramani Mahama") is that person: the longer name named before it, else the first one after. A first name
        may be a nickname of the other's ("Bob Dole" and "Robert Joseph Dole", "Bill Gates" and "William Gates")."""
        words = [w.casefold() for w in mention.surface.split()]

        def shortens(longer: Mention) -> bool:
            other = [w.casefold() for w in longer.surface.split()]
            if longer.actor is None or longer.actor.type != "person" or len(other) < len(words) \
                    or len(other) == len(words) and not is_nickname_of(words[0], other[0]):
                return False
            if other[-len(words):] == words:
                return True
            inner = iter(other[1:-1])
            return (other[0] == words[0] or is_nickname_of(words[0], other[0])) and other[-1] == words[-1] \
                and all(w in inner for w in words[1:-1])

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
                expansions.setdefault(_initials_of(mention.surface), mention)
        for mention in self.mentions:
            if not ACRONYM.match(mention.surface):
                continue
            target = expansions.get(_acronym_key(mention.surface))
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
                and _initials_of(mention.actor.name) != _acronym_key(mention.surface))

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
        people = {i for m in self.mentions if m.actor is not None and m.actor.type == "person"
                  for i in range(m.start, m.end)}
        ordered = sorted((m for m in self.mentions if m.actor is not None and m.acts and not self._side_name(m)
                          and not self._employer_of(m, people)), key=lambda m: m.start)
        roles = self.lex.role_descriptions
        starts = {m.start for m in self.mentions}
        unnamed = False  # a company description came before any company was named
        for token in self.doc:
            kind = wanted.get(token.lower_)
            cues = roles.get(token.lower_)
            heads = token.lower_ in self.lex.institution_heads
            if kind is None and cues is None and not heads or token.i in self.taken or token.pos_ != "NOUN":
                continue
            lefts = [c for c in token.lefts]
            if kind == "company" or token.lower_ in self.dictionary.kind_words:
                lefts = _ranked_lefts(lefts)  # "the world's largest automaker", "the No. 2 airline"
            if not lefts or lefts[0].lower_ != "the" or any(c.dep_ in ("poss", "nummod") or c.dep_ == "compound"
                                                             and c.pos_ == "PROPN"
                                                             and not (kind == "company" and self._place_word(c))
                                                             for c in lefts):
                continue  # "the company" / "the most valuable technology company" / "the Detroit automaker", not
                # "the Apple company"
            if token.i + 1 in starts or token.dep_ == "appos":
                continue  # "the investment firm Standard General", "Orbitz, the operator of CheapTickets": the
                # name next to it is what it describes
            if heads:
                institution = self._institution_antecedent(token, lefts, ordered, kind)
                if institution is not None or kind is None and cues is None:
                    if institution is not None:
                        self.mentions.append(Mention(token.i, token.i + 1, token.text, "", key="coref",
                                                     actor=institution.actor, evidence=CONTEXT))
                        self.taken.add(token.i)
                    continue
            if kind is not None:
                before = [m for m in ordered if m.end <= token.i and m.actor is not None and (
                    m.actor.type == kind or kind == "company" and self._company_named(m))]
                anyone, described = bool(before), self._kind_described(token, lefts)
                before, fits = self._of_kind(before, described, token)
                placed = any(c.dep_ == "amod" and self.dictionary.demonym(c.text) is not None
                             or c.dep_ == "compound" and c.pos_ == "PROPN" for c in lefts)
                if kind == "company":
                    before = self._of_nation(before, lefts)
                if placed and len({m.actor for m in before} | {
                        m.actor for m in ordered if m.end <= token.i and fits and self._unknown_kind(m, described)}) != 1:
                    continue  # "the French carmaker" after Renault, Nissan and Mitsubishi: which one is French? "the
                    # Texas PC maker" after Acer (unknown kind) and Apple: which one is in Texas?
                modifiers = {c.lower_ for c in lefts if c.dep_ in ("compound", "amod")}
                named = [m for m in before if modifiers & set(alias_key(m.surface).split())]
                if not named and not fits and any(c.dep_ == "compound" and c.lemma_.lower() in self.lex.product_heads
                                                  for c in lefts):
                    continue  # "on the plane maker's books" after Qantas: the maker of a product no name shows
                if kind == "company" and not fits and not named and not placed:
                    near = self._unknown_companies(token, described, before[-1].end if before else 0)
                    anyone = anyone or bool(near)
                    before = before + near  # "The retailer" after the subject "Acme Fashion" the dictionary does
                    # not know: the nearer company, not one named paragraphs before
                before = named or before  # "the computer maker" after Apple Corps and Apple Computer
                employer = self._speaker_employer(token, people) if kind == "company" else None
                if employer is not None:
                    before, anyone = [employer], True  # "CrowdStrike chief executive George Kurtz said the
                    # company had identified the problem": the speaker's own company
                if kind == "company" and token.lower_ != "stock" and (unnamed or not before):
                    unnamed = unnamed or not anyone  # "The troubled teen retailer listed ..." with no company
                    continue  # named before: the article's company went unrecognised, so a company named later
                    # is not it; companies named before, none of the kind ("the planemaker" after airlines): nobody
            else:  # "the airline": the one airline named before it (by a word of its name or by its kinds)
                described = self._kind_described(token, lefts, whole=True)
                before = [m for m in ordered if m.end <= token.i and m.actor is not None
                          and m.actor.type in ("company", "organisation")
                          and (cues is not None and cues & set(alias_key(m.actor.name).split() + alias_key(m.surface).split())
                               or described in (self.dictionary.kinds_of(m.actor) or ()))]
                if len({m.actor for m in before}) != 1:
                    continue
            if before:
                introduced = self._introduced_as(before, token)
                mention = Mention(token.i, token.i + 1, token.text, "", key="coref",
                                  actor=(introduced or self._antecedent(before, token)).actor, evidence=CONTEXT)
                self.mentions.append(mention)
                self.taken.add(token.i)

    def _institution_antecedent(self, token: Token, lefts: list[Token], ordered: list[Mention],
                                kind: str | None) -> Mention | None:
        """The organisation "the <noun>" (an ``institution_heads`` noun) names: the last one named before it whose
        name's head word is that noun ("the European Commission ... the commission"), sharing its modifiers; None
        with none, with two different ones in its sentence or the three before, with an unnamed one of another
        kind in between or in those sentences ("the police department"), with an "of" object ("the commission of inquiry") or, for a noun that also describes another type ("the agency": a news agency),
        when one of that type was named before."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
            return None
        before = [m for m in ordered if m.end <= token.i and m.actor is not None]
        if kind is not None and any(m.actor is not None and m.actor.type == kind for m in before):
            return None
        modifiers = {c.lower_ for c in lefts if c.dep_ in ("amod", "compound")}
        fitting = [m for m in before if m.actor is not None and m.actor.type in ("organisation", "company", "media")
                   and (any(_head_word(name) == token.lower_ and modifiers <= set(name.lower().split())
                            for name in (m.surface, m.actor.name)) or _described_as(m, token, modifiers))]
        if not fitting:
            return None
        start = self._window_start(token, 3)
        if len({m.actor for m in fitting if m.start >= start}) > 1:
            return None
        chosen = fitting[-1]
        names = set(chosen.surface.lower().split()) | set(chosen.actor.name.lower().split() if chosen.actor else ())
        if any(t.lower_ == token.lower_ and t.is_lower and any(c.dep_ in ("amod", "compound") and c.lower_ not in names
                                                              for c in t.lefts)
               and not any(c.dep_ == "appos" and chosen.start <= c.i < chosen.end for c in t.rights)
               for t in self.doc[min(start, chosen.end):token.i]):  # "European aerospace group EADS" is EADS
            return None  # "the US Justice Department said it found practices in the police department ... the
            # Justice Department declined ... the officer resigned from the department": another body of that
            # kind, unnamed, came in between or in the last sentences
        return chosen

    def _link_parent_descriptions(self) -> None:
        """"The Airbus parent firm", "Airbus's parent", "the parent of Airbus" -> the company companies.yaml gives as
        the owner of the company named there (``parent_of``), when the article names that owner too: "EADS has
        confirmed a delay. The Airbus parent firm will deliver one A380" is EADS."""
        named = {m.actor for m in self.mentions if m.actor is not None}
        starts = {m.start for m in self.mentions}
        nouns = word_set("parent_nouns")
        for token in self.doc:
            if token.lower_ not in nouns or token.pos_ != "NOUN":
                continue
            head = token.head if token.dep_ == "compound" and token.head.pos_ == "NOUN" else token
            if head.i in self.taken or head.i in starts:
                continue
            owned = [c for c in [*token.lefts, *(head.lefts if head != token else ())]
                     if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
            owned += [g for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
            parents = {self.dictionary.parent_of(m.actor) for c in owned for m in self.mentions
                       if m.actor is not None and m.start <= c.i < m.end} - {None}
            if len(parents) != 1 or not parents <= named:
                continue
            self.mentions.append(Mention(head.i, head.i + 1, head.text, "", key="coref", actor=parents.pop(),
                                         evidence=CONTEXT))
            self.taken.add(head.i)

    def _link_owned_companies(self) -> None:
        """"Kerkorian's investment company", "the Kerkorian firm", "Kerkorian firm plans" -> the one company the
        article ties to that person: named with the person's possessive ("Kerkorian's Tracinda Corp.") or joined to
        such a description ("Kerkorian's investment company, Tracinda Corp."); nobody with none or two."""
        nouns = word_set("owned_company_nouns")
        person_at = {i: m.actor for m in self.mentions if m.actor is not None and m.actor.type == "person"
                     for i in range(m.start, m.end)}
        named_at = {i for m in self.mentions for i in range(m.start, m.end)}
        owned: dict[Actor, set[Actor]] = {}
        for mention in self.mentions:
            if mention.actor is None or mention.actor.type not in ("company", "organisation"):
                continue
            root = self.doc[mention.start:mention.end].root
            for holder in [root] + [t for t in _appositions(root) if t.lower_ in nouns]:
                owner = self._owner_of(holder, person_at) or self._pronoun_owner(holder, person_at)
                if owner is not None:
                    owned.setdefault(owner, set()).add(mention.actor)
        for token in self.doc:
            if token.lower_ not in nouns or token.pos_ != "NOUN" or token.i in self.taken or token.i in named_at \
                    or token.i + 1 in named_at or any(c.dep_ == "appos" for c in token.children) \
                    or token.dep_ == "appos":
                continue  # "Kerkorian's investment company, Tracinda Corp.": the name is there
            owner = self._owner_of(token, person_at)
            companies = owned.get(owner, set()) if owner is not None else set()
            if len(companies) == 1:
                self.mentions.append(Mention(token.i, token.i + 1, token.text, "", key="coref",
                                             actor=next(iter(companies)), evidence=CONTEXT))
                self.taken.add(token.i)

    def _pronoun_owner(self, token: Token, person_at: dict[int, Actor]) -> Actor | None:
        """The person "his"/"her" before ``token`` stands for ("Kirk Kerkorian sold shares. His investment firm,
        Tracinda, said"): the one person named in its sentence or the one before, else None."""
        if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in token.lefts):
            return None
        start = self._window_start(token, 1)
        people = {person_at[i] for i in range(start, token.i) if i in person_at}
        return next(iter(people)) if len(people) == 1 else None

    @staticmethod
    def _owner_of(token: Token, person_at: dict[int, Actor]) -> Actor | None:
        """The person named as the possessor of ``token`` ("Kerkorian's firm") or as a proper-noun modifier right
        before it ("the Kerkorian firm"), or None."""
        for child in token.lefts:
            if child.dep_ == "poss" or child.dep_ in ("compound", "amod") and child.i == token.i - 1:
                found = person_at.get(child.i)
                if found is not None:
                    return found
        return None

    def _window_start(self, token: Token, sentences_before: int) -> int:
        """The first token of the sentence ``sentences_before`` sentences before the one of ``token``."""
        sentences = list(self.doc.sents)
        index = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        return sentences[max(0, index - sentences_before)].start

    def _unknown_companies(self, token: Token, described: str | None, after: int) -> list[Mention]:
        """Companies the dictionary does not know, named first after token ``after`` in the sentence of ``token`` or the
        two before it, that a company description may refer to: an organisation only the model typed that is a
        clause subject ("Acme Fashion opened a store") or the object of a founding or buying verb, or an untagged
        proper noun object of one ("Jack Dorsey founded Square"); not a name with an organisation, club or role word
        ("the University of Ohio", "Acme Airways" for "the retailer"), nor one the dictionary knows (a ministry)."""
        start = max(after, self._window_start(token, 2))
        verbs = word_set("company_object_verbs")
        found: list[Mention] = []
        earlier = {m.actor for m in self.mentions if m.start < after and m.actor is not None}  # "BAT" after "British
        # American Tobacco" and then "Reynolds American Inc": passed over already, no new company
        for mention in self.mentions:
            root = self.doc[mention.start:mention.end].root
            if mention.start < start or mention.end > token.i or mention.actor is None \
                    or mention.evidence > LABEL or not mention.acts or self._institution_named(mention) \
                    or mention.actor in earlier \
                    or not (_role_rank(root) == 0 or root.dep_ == "dobj" and root.head.lemma_.lower() in verbs):
                continue
            if mention.actor.type == "person" and not self._nameless_person(mention, token) \
                    or mention.actor.type not in ("person", "organisation") \
                    or mention.actor.type == "organisation" and not self._unknown_kind(mention, described):
                continue
            found.append(mention)
        for word in self.doc[start:token.i]:
            if word.dep_ != "dobj" or word.pos_ != "PROPN" or word.head.lemma_.lower() not in verbs \
                    or not word.text[:1].isupper() or word.is_sent_start:
                continue
            first = min([c.i for c in word.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [word.i])
            if any(m.start <= word.i and first < m.end for m in self.mentions):
                continue  # a name already typed (a person, a place, a product)
            span = self.doc[first:word.i + 1]
            candidate = Mention(first, word.i + 1, span.text, "", actor=Actor(span.text, "company"), evidence=CONTEXT)
            if not self._institution_named(candidate) and self.dictionary.lookup(span.text) is None:
                found.append(candidate)
        return sorted(found, key=lambda m: m.start)

    def _nameless_person(self, mention: Mention, token: Token) -> bool:
        """True for a name only the model typed a person that shows no sign of one ("Acme Fashion opened a store.
        The retailer said"): two or more capitalised words, the first no known first name or title, none of them
        named alone elsewhere (a surname: "Dorsey said"), no gendered pronoun between it and ``token``."""
        words = mention.surface.split()
        if len(words) < 2 or mention.label != "PERSON" or not all(w[:1].isupper() and w[1:].islower() for w in words):
            return False
        first = words[0].casefold()
        if first in self.lex.titles or _nick_namer().nicknames_of(first) or _nick_namer().canonicals_of(first):
            return False
        alone = {m.surface for m in self.mentions if m is not mention and len(m.surface.split()) == 1}
        gendered = set(word_map("gendered_words")) | {"his", "him", "her", "hers", "himself", "herself"}
        return not alone & set(words) and not any(t.lower_ in gendered for t in self.doc[mention.end:token.i])

    def _institution_named(self, mention: Mention) -> bool:
        """True for a name with a word of an organisation, media outlet, armed unit, club, place or share word, or a
        word the dictionary knows as a non-company ("Ohio State University", "Workers Union", "Acme FC"; a place word only in a longer name: "Tiananmen Square", not "Square"): no company."""
        words = alias_key(mention.surface).split()
        lex = self.lex
        places = lex.place_nouns | lex.venue_nouns if len(words) > 1 else frozenset()  # "Square" may be a company
        if set(words) & (lex.organisation_nouns | lex.media_nouns | lex.armed_unit_nouns | lex.club_marks
                         | lex.state_organ_nouns | lex.stock_nouns | places):
            return True  # "Shares of Research" (a mis-cut "Shares of Research In Motion") is no company either
        known = (self.dictionary.lookup(w) for w in mention.surface.split() if w[:1].isupper())
        return any(a is not None and a.type in ("media", "organisation", "armed unit") for a in known)  # "CNN
        # International": a word the dictionary knows as a broadcaster or a public body

    def _kind_described(self, token: Token, lefts: list[Token], *, whole: bool = False) -> str | None:
        """The industry noun a description names when some company of the dictionary is of that kind: its noun
        with its common-noun compounds ("the plane maker" -> "plane maker", "the European planemaker" ->
        "planemaker"), else (unless ``whole``) with fewer of them ("the luxury carmaker" -> "carmaker"); None
        for a noun of no kind ("the company", "the supply chain" when ``whole``)."""
        words = [c.lower_ for c in lefts if c.dep_ == "compound" and c.pos_ != "PROPN"] + [token.lower_]
        known = self.dictionary.kind_words
        for start in range(1 if whole else len(words)):
            phrase = " ".join(words[start:])
            if phrase in known:
                return phrase
        return None

    def _of_kind(self, before: list[Mention], described: str | None, token: Token) -> tuple[list[Mention], bool]:
        """The antecedents a description of an industry may refer to, and whether one is known to be of it: the
        companies of that kind ("the planemaker" after Boeing and American Airlines -> Boeing); with none, the one
        subsidiary of that kind of a company named ("the planemaker" after EADS alone -> Airbus); with none, the
        companies of unknown kind whose name shows no other role ("Acme Airways" is an airline) when the noun is
        itself an industry noun ("the planemaker"), all of them when it is a generic one ("the aerospace company",
        "the company")."""
        if described is None:
            return before, False
        fitting = [m for m in before if described in (self.dictionary.kinds_of(m.actor) or ())]
        if fitting:
            return fitting, True
        owned = [replace(m, actor=sub) for m in before
                 for sub in [self.dictionary.subsidiary_of_kind(m.actor, described)] if sub is not None]
        if owned:  # "EADS said ... the planemaker said": EADS's one planemaker, Airbus
            return owned, True
        if token.lower_ not in self.dictionary.kind_words:
            return before, False
        return [m for m in before if self._unknown_kind(m, described)], False

    def _of_nation(self, before: list[Mention], lefts: list[Token]) -> list[Mention]:
        """The antecedents a company description with a nationality adjective may refer to: the one company of
        that home country when exactly one is ("the Japanese automaker" after Ford and Toyota -> Toyota), else
        those of that country when one of another country was named ("the Italian auto maker" after Chrysler
        alone: nobody; "the German company" after Deliveroo, of no country given, and an American one: not
        Deliveroo), else all of them."""
        nations = {a.name for c in lefts if c.dep_ == "amod"
                   for a in [self.dictionary.demonym(c.text)] if a is not None and a.type == "country"}
        if not nations:
            return before
        homes = [(m, self.dictionary.country_of(m.actor)) for m in before]
        agreeing = [m for m, home in homes if home in nations]
        if len({m.actor for m in agreeing}) == 1 or any(home is not None for _, home in homes):
            return agreeing
        return before

    def _unknown_kind(self, mention: Mention, described: str | None) -> bool:
        """True for a company or organisation the dictionary gives no kind (a company, or a subject it does not
        list: "Acer will debut" typed an organisation, not "the Farnborough Airshow") whose name shows no role
        other than ``described`` ("Acme Airways" is an airline, so no planemaker)."""
        actor = mention.actor
        return actor is not None and self.dictionary.kinds_of(actor) is None and (
            actor.type == "company" or actor.type == "organisation"
            and _role_rank(self.doc[mention.start:mention.end].root) == 0
            and self.dictionary.lookup(actor.name, entity_label="ORG") != actor) and not any(
                cues & set(alias_key(mention.surface).split())
                for noun, cues in self.lex.role_descriptions.items() if noun != described)

    def _place_word(self, token: Token) -> bool:
        """True for a proper noun naming a place ("the Detroit automaker", "the Seattle planemaker")."""
        if token.ent_type_ in ("GPE", "LOC"):
            return True
        actor = self.dictionary.lookup(token.text, entity_label=token.ent_type_ or None)
        return actor is not None and actor.type in ("place", "country")

    def _employer_of(self, mention: Mention, people: set[int]) -> bool:
        """True for a company that only qualifies a person's name ("founded by Twitter CEO Jack Dorsey"): the
        article is not about it, so "the company" after it is not it."""
        token = self.doc[mention.start:mention.end].root
        while token.dep_ == "compound" and token.head != token:  # "Twitter" -> "CEO" -> "Dorsey"
            token = token.head
        return token.i in people and token.i not in range(mention.start, mention.end)

    def _speaker_employer(self, token: Token, people: set[int]) -> Mention | None:
        """The company that qualifies the person who says the clause ``token`` sits in ("CrowdStrike chief
        executive George Kurtz said the company had fixed it" -> CrowdStrike), or None."""
        clause = token
        while clause.dep_ != "ccomp" and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "ccomp":
            return None
        speakers = {c.i for c in clause.head.children if c.dep_ == "nsubj" and c.i in people}
        for mention in self.mentions:
            if mention.actor is None or mention.actor.type not in _EMPLOYER_TYPES or mention.end > token.i:
                continue  # a name the dictionary does not know may be typed a product ("CrowdStrike": its camel
                # case) or a body: qualifying a person who speaks of "the company", it is that company
            root = self.doc[mention.start:mention.end].root
            while root.dep_ == "compound" and root.head != root:
                root = root.head
            if root.i in speakers and self._employer_of(mention, people):
                return mention
        return None

    def _company_named(self, mention: Mention) -> bool:
        """True for an organisation named as a company: its name ends in a capitalised company-form word
        ("Celadon Group", "Acme Holdings"), so "the trucking company" may refer back to it."""
        words = mention.surface.replace(".", "").split()
        return mention.actor is not None and mention.actor.type == "organisation" and len(words) > 1 \
            and words[-1][:1].isupper() and words[-1].lower() in self.lex.legal_suffixes | self.lex.group_words

    def _side_name(self, mention: Mention) -> bool:
        """True for a name no description refers back to: an exchange after "on"/"at" ("opened on the New York
        Stock Exchange": where shares trade), so "the company" after it is not it."""
        root = self.doc[mention.start:mention.end].root
        exchange = self.lex.role_descriptions.get("exchange", frozenset())
        return mention.actor is not None and root.dep_ == "pobj" and root.head.lower_ in ("on", "at") \
            and bool(exchange & set(alias_key(mention.actor.name).split()))

    def _introduced_as(self, before: list[Mention], token: Token) -> Mention | None:
        """The one candidate the article introduced with the description's own noun, in its sentence or the two
        before: "NPD Group, a market research firm" or "market research firm NPD Group" ... "The firm said" is NPD
        Group, though another company is the subject there; None with none or two so introduced."""
        start = self._window_start(token, 2)
        introduced = [m for m in self.mentions if start <= m.start and m.end <= token.i and m.actor is not None
                      and self._described_by(m, token.lower_)]
        return introduced[-1] if len({m.actor for m in introduced}) == 1 and introduced[-1] in before else None

    def _described_by(self, mention: Mention, noun: str) -> bool:
        """True when ``noun`` describes the name in an apposition ("NPD Group, a market research firm", "the firm
        NPD Group") or as a title right before it ("market research firm NPD Group")."""
        before = self.doc[mention.start - 1] if mention.start > 0 else None
        return any(t.lower_ == noun and t.pos_ == "NOUN" for t in _appositions(self.doc[mention.start:mention.end].root)) \
            or before is not None and before.lower_ == noun and before.pos_ == "NOUN"

    def _antecedent(self, before: list[Mention], token: Token) -> Mention:
        """The mention a description refers to: one of the sentence of the last mention named before it; a
        description that is a subject takes its subject, else its object, before a prepositional object ("GM has
        lost $2.5 billion. The losses prompted GM to suspend talks on a buyout of Chrysler. The company says ..."
        -> GM, not Chrysler); otherwise the last one."""
        if token.dep_ not in _CLAUSE_SUBJECTS:
            return before[-1]
        sentence = self.doc[before[-1].start].sent
        near = [m for m in before if m.start >= sentence.start]
        return min(reversed(near), key=lambda m: _role_rank(self.doc[m.start:m.end].root))

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


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _ranked_lefts(lefts: list[Token]) -> list[Token]:
    """The left children of a company description without the words that only rank it: a ``scope_possessors``
    possessor stands for its "the" ("the world's largest automaker" -> "the largest automaker"), a rank mark
    with its full stop and number goes ("the nation's No. 2 automaker" -> "the automaker"). Other possessors
    stay ("Kerkorian's investment company" is his, not the last company named)."""
    scopes, marks = word_set("scope_possessors"), word_set("rank_marks")
    kept: list[Token] = []
    ranking = False  # after a rank mark, until its number
    for child in lefts:
        words = [c for c in child.children if c.dep_ != "case"]
        if child.dep_ == "poss" and child.lower_ in scopes and not kept and len(words) == 1 \
                and words[0].lower_ == "the" and words[0].i < child.i:
            kept.append(words[0])  # "the world's" -> "the"
        elif child.lower_ in marks or ranking and child.text == ".":
            ranking = True
        elif ranking and child.dep_ == "nummod":
            ranking = False
        else:
            ranking = False
            kept.append(child)
    return kept


def _role_rank(root: Token) -> int:
    """How prominent a mention's role is: 0 a clause subject or its possessor ("GM's losses widened"), 1 an
    object, 2 anything else (a prepositional object, a modifier)."""
    if root.dep_ in _CLAUSE_SUBJECTS or root.dep_ == "poss" and root.head.dep_ in _CLAUSE_SUBJECTS:
        return 0
    return 1 if root.dep_ in ("dobj", "dative") else 2


def _shortens(short: list[str], full: list[str]) -> bool:
    """Whether the words ``short`` end ``full`` or begin it before a lower-case preposition.

    >>> _shortens(["High", "Court"], "High Court of Justice".split()), _shortens(["Court"], ["High", "Court"])
    (True, False)
    >>> _shortens(["Safety", "Board"], "National Transportation Safety Board".split())
    True
    >>> _shortens(["Apple", "Music"], "Apple Music Awards".split())
    False
    """
    n = len(short)
    if n < 2 or len(full) <= n:
        return False
    return full[-n:] == short or full[:n] == short and full[n].islower() and full[n].isalpha()


def _described_as(mention: Mention, token: Token, modifiers: set[str]) -> bool:
    """True when the text called the named ``mention`` by the noun of ``token`` before it, next to the name
    ("European aerospace group EADS", "EADS, the aerospace group"), with every modifier of ``token`` there too: then
    "the group" is that company though no word of its name is "group"."""
    for noun in token.doc[:token.i]:
        if noun.lower_ != token.lower_ or not noun.is_lower or noun.i == token.i:
            continue
        named = any(mention.start <= t.i < mention.end for t in _appositions(noun)) \
            or noun.dep_ == "compound" and mention.start <= noun.head.i < mention.end
        if named and modifiers <= {c.lower_ for c in noun.lefts}:
            return True
    return False


def _appositions(root: Token) -> list[Token]:
    """The words joined to ``root`` in apposition, either way: "NPD Group, a market research firm" (the noun is an
    apposition of the name), "the firm, NPD Group" (the name is an apposition of the noun)."""
    return [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])


def _head_word(name: str) -> str:
    """The lower-case head word of an institution's name: the word before "of", else the last word.

    >>> _head_word("European Commission"), _head_word("Ministry of Defence"), _head_word("Bank")
    ('commission', 'ministry', 'bank')
    """
    words = name.lower().split()
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]
    return words[-1] if words else ""


def _initials_of(name: str) -> str:
    """The acronym a name's words make ("Korean Central News Agency" -> "KCNA", "Wal-Mart Stores" -> "WMS")."""
    return initials(re.split(r"[\s-]+", name))


def _acronym_key(acronym: str) -> str:
    """An acronym as its expansion's initials spell it ("AT&T" -> "ATT")."""
    return acronym.replace("&", "")


@cache
def _nick_namer() -> NickNamer:
    return NickNamer()


def is_nickname_of(short: str, formal: str) -> bool:
    """True when the first name ``short`` is a nickname of ``formal`` (the `nicknames` package's curated English
    list, which relates names both ways: the shorter one is taken as the nickname), case-insensitively.

    >>> is_nickname_of("Bob", "Robert"), is_nickname_of("bill", "william"), is_nickname_of("Robert", "Bob")
    (True, True, False)
    """
    short, formal = short.casefold(), formal.casefold()
    return len(short) < len(formal) and short in _nick_namer().nicknames_of(formal)


def is_given_name(word: str) -> bool:
    """True for a first name the `nicknames` package knows as a name or a nickname ("Lloyd", "Amanda")."""
    lower = word.lower()
    return bool(_nick_namer().nicknames_of(lower) or _nick_namer().canonicals_of(lower))
