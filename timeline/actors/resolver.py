"""In-article actor resolution: one canonical actor per real-world entity of one parsed article.

``DocumentActors.from_doc(doc)`` reads spaCy's entities and parse once and links every mention to a
canonical :class:`Actor`: dictionary names ("DPRK" -> North Korea), person chains ("Kim" -> Kim Jong-un,
titles and possessives stripped), acronyms and their expansions found in the text ("KCNA" <-> "Korean
Central News Agency"), demonyms modifying an acting noun ("Russian forces" -> Russia), capitals that act
("Pyongyang sent" -> North Korea) and contextual names ("the North" when North Korea is named). Places
that do not act ("the ceremony in Pyongyang") are places, not actors: see :meth:`DocumentActors.place`.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from timeline.actors.actor import Actor
from timeline.actors.builder import MentionBuilder
from timeline.actors.dictionary import NON_ACTOR_LABELS, ActorDictionary
from timeline.actors.groups import POLICE, group_name, group_quantity
from timeline.actors.lexicon import NounLexicon
from timeline.actors.mention import STATE_TYPES, Mention, surface_text
from timeline.actors.victims import is_victim
from timeline.function_words import word_set

#: A model code inside a product name ("787", "A380", "F-150"), not a year.
_MODEL_CODE = re.compile(r"\b(?!(?:19|20)\d\d\b)[A-Z]{0,2}-?\d{3,4}\b")

#: Actor types whose members a member noun can name ("Taliban rebels"); a country does not own its rebels.
_MEMBER_OWNER_TYPES = frozenset({"organisation", "armed unit", "group"})


class DocumentActors:
    """The canonical actors of one parsed article and where each was mentioned.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Pyongyang sent troops. The ceremony took place in Pyongyang.")
    >>> actors = DocumentActors.from_doc(doc)
    >>> actors.resolve(doc[0:1]), actors.resolve(doc[9:10]), actors.place(doc[9:10])
    (Actor(name='North Korea', type='country'), None, 'Pyongyang')
    """

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self._doc = doc
        self._mentions = sorted(mentions, key=lambda m: m.start)
        self._by_token: dict[int, Mention] = {}
        for mention in self._mentions:
            for i in range(mention.start, mention.end):
                self._by_token.setdefault(i, mention)
        self._lex = NounLexicon.load()
        self._members: dict[str, list[tuple[int, Actor]]] = {}  # member noun -> (head token, its named group)
        self._groups: dict[str, list[int]] = {}  # group actors resolved so far -> their head tokens
        self._common: dict[Actor, list[int]] = {}  # lower-case dictionary actors ("the dollar") -> head tokens
        self._things: dict[str, list[int]] = {}  # named things and thing nouns taking part -> head tokens
        self._kinds: dict[str, str] = {}  # the things among them with a type for the actor table (product...)
        self._dictionary = ActorDictionary.load()

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_doc(cls, doc: Doc) -> DocumentActors:
        """Resolve every entity mention of a parsed article once (fast: a few ms per 1,000 words)."""
        return cls(doc, MentionBuilder(doc).build())

    # ------------------------------------------------------------------ queries
    def _mention_of(self, span: Span) -> Mention | None:
        for i in range(span.start, span.end):
            mention = self._by_token.get(i)
            if mention is not None and mention.start >= span.start and mention.end <= span.end:
                return mention
        return None

    def resolve(self, span: Span) -> Actor | None:
        """The canonical actor a span names when it acts, or None (pronouns, places, common nouns).

        The span's head decides (:meth:`resolve_token`): "Apple co-founder Steve Jobs" -> Steve Jobs,
        "North Korean troops" -> North Korea, "the Apple logo" -> None (a modifier is not the participant).
        """
        if span is None or len(span) == 0:
            return None
        found = self.resolve_token(span.root)
        if found is None:  # a broken parse: English noun phrases end with their head ("... co-founder Steve Jobs")
            last = span.end - 1
            while last > span.start and span.doc[last].is_punct:
                last -= 1
            mention = self._by_token.get(last)
            if mention is not None and mention.end == last + 1 and mention.start >= span.start and mention.acts:
                found = mention.actor
        return found

    def _company_near(self, token: Token) -> bool:
        """True when a company is named in the token's sentence (a "unit" or "division" there is a business part,
        not an armed one)."""
        for i in range(token.sent.start, token.sent.end):
            mention = self._by_token.get(i)
            if mention is not None and mention.actor is not None and mention.actor.type == "company":
                return True
        return False

    def resolve_token(self, token: Token) -> Actor | None:
        """The actor of the entity the token belongs to, or of the noun phrase it heads.

        A head noun takes the actor of its demonym/entity modifier ("Ukraine soldiers" -> Ukraine) and of its
        possessor when it is an agent noun ("the North's troops" -> North Korea).
        """
        mention = self._by_token.get(token.i)
        if mention is not None and mention.acts and mention.actor is not None and mention.actor.type in STATE_TYPES \
                and mention.end - mention.start == 1 and token.lower_.endswith("s") and is_victim(token) \
                and self._dictionary.demonym(token.text) == mention.actor:  # "freed 33 Israelis": no act of Israel
            return self._group(token.text, token)
        if mention is not None:
            if mention.acts and mention.actor is not None and mention.actor.type == "company":
                index = self._index_short_name(token, mention)
                if index is not None:  # "both the Dow and S&P were down": the index, not the rating agency
                    return index
            return mention.actor if mention.acts else None
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = token.lemma_.lower()
        for child in token.rights:  # "the technology blog Gizmodo", "the former COO, Tim Cook"
            found = self._by_token.get(child.i)
            if child.dep_ == "appos" and found is not None and found.actor is not None and found.acts:
                return found.actor
        if lemma in self._lex.product_heads:  # "iPod portable music players" -> iPod
            for child in token.lefts:
                found = self._by_token.get(child.i)
                if child.dep_ in ("compound", "nmod") and found is not None and found.actor is not None \
                        and found.actor.type == "product":
                    return found.actor
        if lemma in self._lex.organisation_nouns:  # "the United Auto Workers union", "the Apple company"
            for child in token.lefts:
                actor = self._acting_actor(child, ("organisation", "company", "media")) \
                    if child.dep_ in ("compound", "nmod") else None
                if actor is not None:
                    return actor
        if lemma in self._lex.body_nouns:  # "Apple's board", "the board of Apple", "a Boeing spokesman"
            owner = self._body_owner(token)
            if owner is not None:
                return owner
        if lemma in self._lex.metric_nouns or lemma[-1:] == "s" and lemma[:-1] in self._lex.metric_nouns:
            # "Ford shares fell", "shares of GM", "Apple share prices", "JetBlue Shares were up"
            owner = self._metric_owner(token)
            if owner is not None:
                return owner
        agentive = lemma in self._lex.armed_unit_nouns or token.lower_ in self._lex.armed_unit_nouns \
            or lemma in self._lex.person_nouns or lemma in self._lex.state_organ_nouns
        business_part = agentive and lemma in self._lex.business_part_nouns and self._company_near(token)
        if agentive and not self._names_person(token) and not self._one_private_person(token):
            # "Russian forces", "UN officials", "the U.S. government"
            victim = is_victim(token)  # "two Israeli soldiers were killed": the soldiers, not Israel
            for child in token.lefts:  # belong to their state
                if child.dep_ in ("compound", "amod", "nmod", "poss"):
                    found = self._by_token.get(child.i)
                    if found is not None and found.actor is not None and found.actor.type in STATE_TYPES \
                            and not (victim and self._dictionary.demonym(child.text) is not None) \
                            and not (business_part and found.actor.type in ("country", "group")):
                        return found.actor  # "the European unit" beside a company: its business part, no troops
            nation = [c for c in token.lefts if c.dep_ in ("amod", "compound") and self._dictionary.demonym(c.text)]
            if victim and nation and token.tag_ == "NNS" and (
                    lemma in self._lex.armed_unit_nouns or token.lower_ in self._lex.armed_unit_nouns):
                return self._group(f"{nation[-1].text} {token.text}", token)  # "three Ukrainian troops were killed"
        if lemma in self._lex.member_nouns:  # "Taliban rebels", "NPA gunmen", "members of the NPA"
            owner = self._member_group(token)
            if owner is not None:
                return owner
        if lemma in self._lex.partitive_nouns:  # "dozens of suspected Taliban rebels"
            for prep in token.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    counted = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
                    return self.resolve_token(counted[0]) if counted else None
        described = self._described_organisation(token)
        if described is not None:
            return described
        common = self._common_noun_name(token)
        if common is not None:
            self._common.setdefault(common, []).append(token.i)
            return common
        priced = self._priced_commodity(token)
        if priced is not None:
            return priced
        group = group_name(token, self._lex, self._name_of)
        if not group:
            return None
        if group == POLICE:
            force = self._named_police_force()
            if force is not None:
                return force
        return self._group(group, token)

    def _named_police_force(self) -> Actor | None:
        """The one police force the article names ("the Jackson Police Department arrested Keenan Murphy"): a bare
        "police" anywhere in it, the headline's included, is that force; None when it names none or two."""
        forces = {self.resolve_token(ent[-1]) for ent in self._doc.ents if ent.label_ in ("ORG", "FAC", "GPE")
                  and len(ent) > 1 and any(t.lower_ in self._lex.police_nouns for t in ent)
                  and ent[-1].lower_ not in self._lex.police_nouns}  # its head, "Department"; not "NSW Police"
        forces.discard(None)
        return forces.pop() if len(forces) == 1 else None

    def _index_short_name(self, token: Token, mention: Mention) -> Actor | None:
        """The listed index a company's short name stands for when written as an index: coordinated with another
        listed index ("the Dow and S&P were down") or with "the" ("the S&P fell"), and the start of exactly one
        index name in ``markets.yaml`` ("S&P" -> S&P 500); None otherwise ("S&P downgraded the bonds").

        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp()("Both the Dow and S&P were down. S&P downgraded the bonds.")
        >>> actors = DocumentActors.from_doc(doc)
        >>> actors.resolve_token(doc[4]).name, actors.resolve_token(doc[8]).name
        ('S&P 500', "Standard & Poor's")
        """
        surface = surface_text(self._doc[mention.start:mention.end]).removeprefix("the ").removeprefix("The ")
        indices = [a for a in self._dictionary.listed("markets.yaml")
                   if a.name.startswith(surface + " ") and not a.name[len(surface) + 1:].isalpha()]
        if len(indices) != 1:
            return None
        joined = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
        listed = any(self._dictionary.listed_in(self._by_token[t.i].actor, "markets.yaml")
                     for t in joined if t.i in self._by_token)
        the = self._doc[mention.start].lower_ == "the" or mention.start > 0 and self._doc[mention.start - 1].lower_ == "the"
        return indices[0] if listed or the else None

    def _group(self, name: str, token: Token) -> Actor:
        """The group actor ``name`` at ``token``, under the name an earlier mention of the same group had."""
        group = self._earlier_group(name, token)
        self._groups.setdefault(group, []).append(token.i)
        return Actor(group, "group")

    def _body_owner(self, token: Token) -> Actor | None:
        """The organisation, company, outlet or country a body noun belongs to: its possessor or name modifier
        ("Apple's board", "the GM management") or its "of"/"for" object ("the board of Apple", "a spokeswoman for
        Airbus"), never a person or a product ("Jobs's team" names no organisation)."""
        preps = () if token.dep_ == "appos" else tuple(self._lex.body_preps)  # "Greg Trevor, a spokesman for the
        # Port Authority, said": the named person speaks, his employer takes no part
        for child in _owner_words(token, preps):
            actor = self._acting_actor(child, ("company", "organisation", "media", "country"))
            if actor is not None:
                return actor
        return None

    def _acting_actor(self, token: Token, types: tuple[str, ...]) -> Actor | None:
        """The actor of the mention at ``token`` when it acts and has one of ``types``, else None."""
        found = self._by_token.get(token.i)
        if found is not None and found.actor is not None and found.acts and found.actor.type in types:
            return found.actor
        return None

    def _member_group(self, token: Token) -> Actor | None:
        """The named organisation, armed group or named group whose members a member noun names: its modifier
        ("Taliban rebels", "NPA gunmen") or its "of" object ("members of the NPA"); never a country ("Syrian
        rebels" are no actor of Syria)."""
        lemma = token.lemma_.lower()
        modifiers = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod", "poss")]
        owners = [c for c in modifiers if c.pos_ == "PROPN"]  # not an adjective: "Shiite rebels", "Islamist rebels"
        owners += [pobj for prep in token.rights if prep.dep_ == "prep" and prep.lower_ == "of"
                   for pobj in prep.children if pobj.dep_ == "pobj"]
        for child in owners:
            found = self._by_token.get(child.i)
            state_organ = child.lemma_.lower() in self._lex.state_organ_nouns  # "members of the Indian cabinet"
            if found is not None and found.actor is not None and found.acts \
                    and (found.actor.type in _MEMBER_OWNER_TYPES or state_organ and found.actor.type == "country"):
                self._members.setdefault(lemma, []).append((token.i, found.actor))
                return found.actor
        if not any(c.pos_ in ("PROPN", "NOUN") or c.ent_type_ for c in modifiers):  # "the rebels" after "NPA rebels"
            earlier = {actor for i, actor in self._members.get(lemma, []) if i < token.i}
            if len(earlier) == 1:
                return earlier.pop()
        return None

    def _one_private_person(self, token: Token) -> bool:
        """True for one person of a nation in a private role: a singular noun from ``private_role_nouns`` with an
        article ("the Italian manager", "an American tourist"); the nation is no actor of what that person does.
        An office or service stays the state's ("the Ukrainian leader", "a Russian soldier"), and so do plurals
        ("Russian officials"); a plural of a private role is a group of the nation's people ("19,000 U.S. hourly
        workers", "Chinese investors"), not the state."""
        lemma = token.lemma_.lower()
        if lemma not in self._lex.private_role_nouns:
            return False
        return token.tag_ in ("NNS", "NNPS") or token.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children)

    def _names_person(self, token: Token) -> bool:
        """True when a singular person noun is joined to a named person ("American actress and producer Jessica
        Chastain", "the Russian pilot, Ivan Petrov"): the noun describes that person, whose nation is no actor."""
        if token.tag_ != "NN":
            return False
        joined = [c for c in token.children if c.dep_ in ("conj", "appos")]
        if token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
            joined.append(token.head)  # "actress Jessica Chastain": the noun modifies the name
        for other in joined:
            found = self._by_token.get(other.i)
            if found is not None and found.actor is not None and found.actor.type == "person":
                return True
        return False

    def note_thing(self, name: str, token: Token, kind: str | None = "product") -> str:
        """Record a thing that takes part in an event without being an entity mention ("A380", "memo"), so the
        actor table lists it (typed product) with the phrases it was written as; returns its name in this
        article: "the aircraft" is the last product before it, a one-word name the one product named before
        that ends with it ("the Pro" after "MacBook Pro"), else itself. Only a thing with a ``kind`` (product,
        organisation) gets a row ("Spotlight" alone has no known type)."""
        if self._lex.definite_descriptions.get(name) == "product" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.lefts):  # "the first aircraft" after "its A380"
            last = self._last_product_before(token.i)
            if last is not None:
                name = last
        elif " " not in name and name[:1].isupper():
            before = {m.actor.name for m in self._mentions if m.actor is not None and m.actor.type == "product"
                      and m.start < token.i} | {n for n, heads in self._things.items() if min(heads) < token.i}
            longer = {n for n in before if n.endswith(" " + name)}
            if len(longer) == 1:
                name = longer.pop()
        codes = set(_MODEL_CODE.findall(name))
        if codes:  # "787 Dreamliner", "A380" and "Boeing 787": one aircraft, named as the maker's model
            named = {m.actor.name for m in self._mentions if m.actor is not None and m.actor.type == "product"
                     and m.actor.name != name and codes & set(_MODEL_CODE.findall(m.actor.name))}
            if len(named) == 1:
                name = named.pop()
        self._things.setdefault(name, []).append(token.i)
        if kind is not None and name not in self._kinds:
            self._kinds[name] = kind
        return name

    def _last_product_before(self, index: int) -> str | None:
        """The product named or taking part last before a token (a mention or a noted named thing)."""
        found = [(m.start, m.actor.name) for m in self._mentions if m.actor is not None and m.actor.type == "product"
                 and m.start < index]
        found += [(min(heads), n) for n, heads in self._things.items() if self._kinds.get(n) == "product" and not n[:1].islower()
                  and min(heads) < index]
        return max(found)[1] if found else None

    def _earlier_group(self, group: str, token: Token) -> str:
        """A bare group noun is the group of that noun named before it: "the studios" after "film studios" (not
        a market: "stocks" after "Asian stocks" may be all stocks); a counted group ("500 Apple engineers", "many
        buyers") only for a definite one ("the engineers"), as "buyers" after "many buyers" may be all buyers."""
        if " " in group or group.casefold() in self._lex.sector_nouns:
            return group
        head = group.casefold()
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in token.lefts)
        earlier = [name for name, heads in self._groups.items() if " " in name and name.casefold().endswith(" " + head)
                   and min(heads) < token.i and (definite or group_quantity(self._doc[heads[0]], self._lex) is None)]
        return earlier[-1] if len(set(earlier)) == 1 else group

    def _described_organisation(self, token: Token) -> Actor | None:
        """An organisation the dictionary knows by a description with a country ("the U.S. central bank",
        "China's central bank" -> Federal Reserve, People's Bank of China), not by any name in it."""
        if token.pos_ != "NOUN" or token.left_edge.i >= token.i:
            return None
        start = token.left_edge.i
        while start < token.i and self._doc[start].pos_ == "DET":
            start += 1
        if start >= token.i:
            return None
        actor = self._dictionary.lookup(self._doc[start:token.i + 1].text)
        return actor if actor is not None and actor.type == "organisation" else None

    def _priced_commodity(self, token: Token) -> Actor | None:
        """The commodity a price noun is of or for ("The price for a barrel of crude oil" -> crude oil, typed
        product; "the price of West Texas Intermediate oil" -> the named benchmark); None for another price."""
        if token.lower_ not in self._lex.price_nouns:
            return None
        for prep in token.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
                continue
            for pobj in [c for c in prep.children if c.dep_ == "pobj"]:
                if pobj.lemma_.lower() in self._lex.commodity_units:  # "a barrel of crude oil"
                    pobj = next((p for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for p in c.children if p.dep_ == "pobj"), pobj)
                if pobj.lemma_.lower() not in self._lex.commodity_nouns:
                    continue
                for word in [pobj] + [t for t in pobj.lefts if t.dep_ in ("compound", "nmod")]:
                    found = self._by_token.get(word.i)
                    if found is not None and found.actor is not None and found.acts \
                            and found.actor.type not in ("country", "place"):
                        return found.actor  # "West Texas Intermediate (WTI) oil"; "US crude" is no United States
                words = [t.text for t in pobj.lefts if t.dep_ in ("compound", "amod") and (t.is_lower or self._is_country(t))] \
                    + [pobj.lower_]  # "the price of US crude" -> US crude: the country's benchmark, as written
                return Actor(self.note_thing(" ".join(words), token, "product"), "product")
        return None

    def _is_country(self, token: Token) -> bool:
        """Whether a token is a one-word mention of a country ("US", "U.S.")."""
        found = self._by_token.get(token.i)
        return found is not None and found.actor is not None and found.actor.type == "country" \
            and found.end - found.start == 1

    def _common_noun_name(self, token: Token) -> Actor | None:
        """A dictionary actor written in lower case that a common noun heads ("the dollar", "the U.S. dollar",
        "the single currency"), not inside an amount ("100 dollars") nor a unit ("$3 a pound", "per pound")."""
        if token.pos_ != "NOUN" or token.ent_type_ in NON_ACTOR_LABELS or _names_unit(token):
            return None
        lefts = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i == token.i - 1]
        for start in ([lefts[0].left_edge.i] if lefts else []) + [token.i]:
            text = self._doc[start:token.i + 1].text
            actor = self._dictionary.lookup(text)
            if actor is not None and any(not any(c.isupper() for c in name) for name in self._dictionary.names_of(actor.name)):
                if start == token.i and lefts and (lefts[0].ent_type_ in ("GPE", "NORP") or lefts[0].pos_ == "PROPN"):
                    # "the New Zealand dollar", "the Hong Kong dollar": another state's currency of the same word,
                    # named as written, not the one the bare word stands for (the US dollar)
                    return Actor(self._doc[lefts[0].left_edge.i:token.i + 1].text, actor.type)
                return actor
        return None

    def _metric_owner(self, token: Token, depth: int = 0) -> Actor | None:
        """The company whose shares, prices or sales a metric noun names ("shares of GM", "shares in EADS"), or None."""
        for child in _owner_words(token, ("of", "in")):
            actor = self._acting_actor(child, ("company", "organisation", "media", "product"))
            if actor is not None:
                return actor
            if depth < 2 and child.lemma_.lower() in self._lex.metric_nouns:  # "Apple share prices"
                owner = self._metric_owner(child, depth + 1)
                if owner is not None:
                    return owner
            if child.i not in self._by_token and child.dep_ in ("compound", "nmod") and child.text[:1].isupper():
                owner = self._company_named_elsewhere(child.text)
                if owner is not None:  # "Priceline shares were up" after "rival Priceline Group Inc"
                    return owner
        return None

    def financial_thing(self, token: Token) -> Actor | None:
        """The shares, prices or sales a metric noun with a named owner names, as the text words them: a group
        actor next to the owner ("GM shares", "Apple share prices", "Ford sales", "shares of General Motors");
        None without a named owner in the noun phrase ("its shares", "shares in the firm", "vehicle sales").

        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp()("Ford shares fell and its shares rose. Apple share prices fell.")
        >>> actors = DocumentActors.from_doc(doc)
        >>> actors.financial_thing(doc[1]), actors.financial_thing(doc[5]), actors.financial_thing(doc[10])
        (Actor(name='Ford shares', type='group'), None, Actor(name='Apple share prices', type='group'))
        """
        if token.pos_ != "NOUN" or token.lower_ not in self._lex.financial_metric_nouns \
                or token.dep_ in ("compound", "nmod") or token.i in self._by_token:
            return None  # "Shares of Research in Motion" read as a company's name: no thing of its own
        owner = self._metric_owner(token)
        if owner is None:
            return None
        start, end = token.left_edge.i, token.i + 1
        owned = [i for i in range(start, token.i) if self._named_by(i, owner)]
        if not owned:  # "shares of General Motors", "shares in EADS": the owner named after
            owned = [self._by_token[pobj.i].end - 1 for pobj in _owner_words(token, ("of", "in")) if pobj.i > token.i
                     and self._named_by(pobj.i, owner)]  # to the owner's name: no ticker note, no second company
            if not owned:
                return None
            end = owned[0] + 1
        start = min([start] + owned)  # "UK iTunes prices": the modifiers before the owner's name too
        while start < token.i and (self._doc[start].pos_ in ("DET", "PUNCT", "PRON", "ADV", "ADP", "CCONJ")
                                   or self._doc[start].tag_ == "POS"):
            start += 1  # "about Orbitz shares", "the company's": no word of the thing's name
        headline = token.text.istitle()  # "GM Shares Fall", "Shares of GM rose": the common words in lower case
        depth, words = 0, []
        for t in self._doc[start:end]:
            depth += (t.text == "(") - (t.text == ")")
            if depth or t.text == ")" or t.i not in self._by_token and (t.like_num or t.tag_ in ("$", "CD", "SYM")):
                continue  # "BlackBerry (TSX: BB) shares", "iPhone X's $999 price": no ticker note, no amount
            words.append(t.lower_ if headline and t.i not in self._by_token else t.text)
        name = re.sub(r"\s+", " ", re.sub(r"\s*([-/])\s*", r"\1", " ".join(words))).replace(" 's ", "'s ").strip()
        name = re.sub(r" ([,.])", r"\1", name)  # "Forest Laboratories , Inc." as written
        return self._group(name, token) if " " in name else None

    def _named_by(self, index: int, actor: Actor) -> bool:
        """Whether the token at ``index`` is a name (not "the firm", "the company's") of an acting mention of ``actor``."""
        found = self._by_token.get(index)
        return found is not None and found.acts and found.actor == actor and not self._doc[index].is_lower

    def _company_named_elsewhere(self, word: str) -> Actor | None:
        """The one company or organisation of the article whose name starts with ``word`` (a sentence-initial
        name spaCy left untagged: "Priceline shares rose" after "Priceline Group Inc"), or None."""
        owners = {m.actor for m in self._mentions if m.actor is not None and m.acts
                  and m.actor.type in ("company", "organisation") and m.actor.name.split()[0] == word}
        return owners.pop() if len(owners) == 1 else None

    def _name_of(self, token: Token, canonical: bool = False) -> str | None:
        """The name of the actor mention a modifier token belongs to (as written, or canonical)."""
        mention = self._by_token.get(token.i)
        if mention is None or mention.actor is None:
            return None
        return mention.actor.name if canonical else surface_text(self._doc[mention.start:mention.end])

    def place(self, span: Span) -> str | None:
        """The canonical place name when the span is a place (city, region, country), else None.

        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp()("The ceremony was held in the Kursk region.")
        >>> DocumentActors.from_doc(doc).place(doc[6:9])
        'Kursk'
        """
        if span is None or len(span) == 0:
            return None
        mention = self._mention_of(span)
        if mention is None:
            mention = self._by_token.get(span.root.i)
        return mention.place if mention is not None else None

    def aliases(self, name: str) -> list[str]:
        """The surface forms under which an actor appeared in this article (first-seen order)."""
        seen: list[str] = []
        for mention in self._mentions:
            if mention.actor is not None and mention.actor.name == name and mention.acts and mention.key != "coref":
                for alias in mention.aliases or [mention.surface]:
                    if alias not in seen:
                        seen.append(alias)
        return seen

    @property
    def actors(self) -> list[Actor]:
        """Every actor mentioned (acting at least once), by first mention."""
        out: list[Actor] = []
        for mention in self._mentions:
            if mention.actor is not None and mention.acts and mention.actor not in out:
                out.append(mention.actor)
        return out

    def rows(self, doc_id: str) -> list[dict[str, object]]:
        """Rows for :func:`timeline.schema.actors_frame`: one per actor, with aliases and mention count (groups
        count once :meth:`resolve` has named them)."""
        counts: Counter[Actor] = Counter(m.actor for m in self._mentions if m.actor is not None and m.acts)
        rows: list[dict[str, object]] = [{"doc_id": doc_id, "actor": actor.name, "actor_type": actor.type,
                                          "aliases": self.aliases(actor.name), "mentions": counts[actor]}
                                         for actor in self.actors]
        named = {actor.name for actor in self.actors}
        for actor, heads in self._common.items():  # "the dollar": met while resolving participants
            if actor.name not in named:
                named.add(actor.name)
                rows.append({"doc_id": doc_id, "actor": actor.name, "actor_type": actor.type,
                             "aliases": list(dict.fromkeys(self._doc[i].text for i in heads)), "mentions": len(set(heads))})
        for thing, heads in self._things.items():  # "its first A380", "an internal memo": things taking part
            if thing not in named and thing in self._kinds:
                named.add(thing)
                aliases = list(dict.fromkeys(surface_text(self._doc[self._doc[i].left_edge.i:i + 1]) for i in heads))
                rows.append({"doc_id": doc_id, "actor": thing, "actor_type": self._kinds[thing], "aliases": aliases,
                             "mentions": len(set(heads))})
        for group, heads in self._groups.items():  # groups met while resolving participants ("iPhone 4 owners")
            if group not in named:
                aliases = list(dict.fromkeys(surface_text(self._doc[self._doc[i].left_edge.i:i + 1]) for i in heads))
                rows.append({"doc_id": doc_id, "actor": group, "actor_type": "group", "aliases": aliases,
                             "mentions": len(set(heads))})
        return rows


def _owner_words(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """The words that can name a noun's owner: its name modifiers and possessor ("Apple's board", "GM shares"),
    then the objects of its ``preps`` phrases ("the board of Apple", "shares in EADS")."""
    words = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "poss")]
    return words + [pobj for prep in token.rights if prep.dep_ == "prep" and prep.lower_ in preps
                    for pobj in prep.children if pobj.dep_ == "pobj"]


def _names_unit(token: Token) -> bool:
    """Whether a currency-like noun is a unit of an amount ("$3 a pound", "10 cents per pound", "50 pounds of
    gold"), not the currency itself."""
    units = word_set("unit_determiners")
    return token.head.lower_ in units and token.dep_ == "pobj" or any(
        c.dep_ == "nummod" or c.dep_ in ("det", "quantmod") and c.lower_ in units for c in token.lefts)
