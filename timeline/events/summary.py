"""A short readable phrase per event: "<agent> <verb> <object> [to/in <place>]"."""
from __future__ import annotations

import re

from spacy.tokens import Token

from timeline.actors.lexicon import NounLexicon
from timeline.events.arguments import reduced_passive
from timeline.events.participants import Participants
from timeline.events.roles import described_noun
from timeline.events.triggers import Trigger
from timeline.function_words import word_endings, word_map, word_set

#: Longest object phrase kept in a summary, in words.
MAX_OBJECT_WORDS = 7
_NOUN_PREMODIFIERS = ("amod", "compound", "nmod", "poss", "nummod")


def third_person(lemma: str) -> str:
    """Present tense, third person singular of a verb lemma.

    >>> [third_person(v) for v in ("deploy", "carry", "push", "go", "sign", "be", "have")]
    ['deploys', 'carries', 'pushes', 'goes', 'signs', 'is', 'has']
    """
    irregular = word_map("third_person_irregular")
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(word_endings("es_endings")):
        return lemma + "es"
    return lemma + "s"


def _clip(text: str, words: int = MAX_OBJECT_WORDS) -> str:
    parts = re.sub(r"\s+", " ", text).strip().split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def _premodified(token: Token) -> str:
    """A noun with its premodifiers, without a possessive pronoun ("its troops" -> "troops").

    >>> from timeline.nlp import load_nlp
    >>> _premodified(load_nlp()("North Korea's third-quarter profit rose.")[6])
    "North Korea's third-quarter profit"
    """
    possessives = word_set("possessive_pronouns")
    premodifiers = [t for t in token.lefts if t.dep_ in _NOUN_PREMODIFIERS and t.lower_ not in possessives]
    start = min((t.left_edge.i for t in premodifiers), default=token.i)
    return token.doc[start:token.i + 1].text


def _controller_token(trigger: Trigger) -> Token | None:
    """The subject of the verb an infinitive depends on ("the leaders are scheduled to meet")."""
    token = trigger.clause_word
    if token.dep_ != "xcomp" or token.head is token:
        return None
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in word_set("possessive_pronouns") \
            or subject.pos_ == "PRON" and subject.lower_ in ("it", "that"):
        return None
    return subject


def _controller(trigger: Trigger) -> str:
    subject = _controller_token(trigger)
    return _clip(_premodified(subject), 5) if subject is not None else ""


def _plural_subject(trigger: Trigger) -> bool:
    """True when the passive subject of a verb is plural ("the suspects were arrested")."""
    token = trigger.token
    relatives = word_set("relative_pronouns")
    subjects = [c for c in token.children if c.dep_ in ("nsubjpass", "nsubj") and c.lower_ not in relatives]
    if not subjects and token.dep_ in ("relcl", "acl"):
        subjects = [token.head]
    if not subjects and token.dep_ == "conj":  # "the ingredients originated ... and were transferred"
        subjects = [c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    return any(s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children)
               or s.tag_ == "CD" and s.lower_ not in ("1", "one") for s in subjects)  # "At least 82 were killed"


def _elliptic_passive(token: Token) -> bool:
    """A participle sharing the passive auxiliary of the verb before it ("82 were killed and 1,700 injured")."""
    return (token.dep_ == "conj" and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.head.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children))


def _shared_patient(token: Token) -> Token | None:
    """The passive subject a conjoined participle shares with the verb before it, a relative pronoun's noun
    for a relative clause ("people who were pinned or hit by debris" -> people), or None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Two residents were injured or killed by falling debris.")
    >>> _shared_patient(doc[5]).text
    'residents'
    """
    if token.dep_ != "conj" or any(c.dep_ in ("nsubjpass", "nsubj") for c in token.children):
        return None
    head = token.head
    subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ in word_set("relative_pronouns") and head.dep_ == "relcl":
        return head.head  # "people who were pinned or hit"
    return subject if subject is not None and subject.lower_ not in word_set("relative_pronouns") else None


def _unnamed_member(token: Token) -> bool:
    """True for a common noun of a person or unit that acts for the state or body named before it ("Tunisia's
    prime minister", "Russian troops"): the summary names the member, the actor column its state."""
    lex = NounLexicon.load()
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in lex.person_nouns or lemma in lex.titles or lemma in lex.armed_unit_nouns
                                     or token.lower_ in lex.armed_unit_nouns)


def _coordinated_subject(token: Token) -> str:
    """Two passive subjects joined by "and", each with its own modifiers ("The head and around 20 civilians"), or "".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("the head of its offices and around 20 civilians were killed")
    >>> _coordinated_subject(doc[10])
    'head and around 20 civilians'
    """
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    joined = [c for c in subject.children if c.dep_ == "conj" and c.ent_type_ not in ("DATE", "TIME")
              and c.lemma_.lower() not in word_set("time_nouns")] if subject is not None else []
    if subject is None or not joined:
        return ""
    negation = "no " if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children) else ""
    joiner = next((f" {c.lower_} " for c in subject.children if c.dep_ == "cc"), " and ")  # "No wounded or damages"
    return negation + joiner.join(_clip(_premodified(t), 4) for t in [subject, *joined])


def summarize(trigger: Trigger, participants: Participants, location: str = "") -> str:
    """A summary built from the parse; the agent's canonical name when there is one.

    >>> from timeline.nlp import load_nlp
    >>> from timeline.events.taxonomy import EventTaxonomy
    >>> from timeline.events.triggers import find_triggers
    >>> from timeline.events.participants import ParticipantFinder
    >>> doc = load_nlp()("Pyongyang sent troops to Kursk.")
    >>> t = find_triggers(doc[:], EventTaxonomy.load())[0]
    >>> summarize(t, ParticipantFinder(None).find(t))
    'Pyongyang sends troops'
    """
    agent = participants.agent or _clip(participants.agent_text, 5) or _controller(trigger)
    if participants.agent_text.lower() in word_set("possessive_pronouns") and not participants.agent:
        agent = ""
    subject_token = next((c for c in trigger.token.children if c.dep_ == "nsubj"), None)
    member = participants.agent and subject_token is not None and _unnamed_member(subject_token) \
        and participants.agent_text
    if member:
        agent = _clip(participants.agent_text, 6)  # "Tunisia's prime minister resigns", not "Tunisia resigns"
    if (trigger.kind == "verb" and not participants.agent and subject_token is not None
            and participants.agent_text and any(c.dep_ == "conj" for c in subject_token.children)):
        last = max((c for c in subject_token.children if c.dep_ == "conj"), key=lambda c: c.i)
        agent = _clip(subject_token.doc[subject_token.left_edge.i:last.i + 1].text, 6)  # "His mother and 10 other people"
    if trigger.kind == "verb" and trigger.token.dep_ == "prep" and agent:  # "..., according to the KCNA"
        head = trigger.token.head
        told = [t.text for t in head.subtree if t.i not in {s.i for s in trigger.token.subtree} and not t.is_punct]
        return f"{agent} reports: {_clip(' '.join(told))}"
    if trigger.kind == "verb":
        passive = any(c.dep_ == "auxpass" for c in trigger.token.children) or (
            trigger.token.dep_ == "acl" and trigger.token.tag_ == "VBN") or _elliptic_passive(trigger.token)
        controller = _controller_token(trigger) if not participants.agent_text else None
        plural_agent = (not participants.agent or member) and (
            participants.agent_plural or participants.agent_text.lower() in word_set("non_third_person")
            or controller is not None and controller.tag_ in ("NNS", "NNPS"))  # "Israeli troops fire"
        verb = ({"be": "are"}.get(trigger.lemma, trigger.lemma) if plural_agent else third_person(trigger.lemma))
        obj = _clip(participants.object_text)
        complement = next((c for c in trigger.token.children if c.dep_ == "oprd"), None)
        if obj and complement is not None and complement.i > trigger.token.i and not passive \
                and obj.split()[-1].lower() != complement.lower_:  # the object may already end with it ("95 dead")
            obj += " " + complement.text  # "Two quakes leave 10 dead"
        if subject_token is not None and reduced_passive(trigger.token):  # "Spain rattled by two quakes"
            plural = subject_token.tag_ in ("NNS", "NNPS")
            return _finish([_clip(_premodified(subject_token), 5), "are" if plural else "is", trigger.token.text.lower()],
                           participants, location, trigger)
        if not obj and not passive:  # "New Zealand says the United States had the right ...": what was said
            clause = next((c for c in trigger.token.children if c.dep_ == "ccomp"), None)
            if clause is not None:
                words_said = [t.text for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
                obj = _clip(" ".join(w for w in words_said if w not in ('"', "``", "''")))
        attributes = [c for c in trigger.token.children if c.dep_ in ("attr", "acomp") and c.i > trigger.token.i]
        if not obj and trigger.lemma != "be" and attributes:  # "Cameron becomes UK's PM"
            obj = _clip(" ".join(" ".join(t.text for t in c.subtree) for c in attributes))
        if trigger.lemma == "be" and not obj:  # "The man is 30": the complement says what the state is
            complements = [c for c in trigger.token.children if c.dep_ in ("attr", "acomp")] or [
                c for c in trigger.token.children if c.dep_ == "advmod" and c.pos_ == "ADV" and c.i > trigger.token.i
            ] or [c for c in trigger.token.children if c.dep_ == "prep" and not any(t.ent_type_ in ("DATE", "TIME")
                                                                                    for t in c.subtree)]
            obj = _clip(" ".join(" ".join(t.text for t in c.subtree if t.ent_type_ not in ("DATE", "TIME"))
                                 for c in complements))
        if passive and not participants.agent:
            subject = _strip_article(obj) if obj else ""
            if trigger.token.dep_ == "relcl" or not obj:
                subject = _clip(participants.agent_text) or obj
            if trigger.token.dep_ == "acl":  # "its troops deployed to Russia": the noun it describes
                subject = _clip(_premodified(described_noun(trigger.token)), 4)
            subject = _coordinated_subject(trigger.token) or subject
            shared = _shared_patient(trigger.token)
            agent_phrase = next((" ".join(t.text for t in p.subtree) for c in trigger.token.children if c.dep_ == "agent"
                                 for p in c.children if p.dep_ == "pobj"), "")
            if shared is not None and agent_phrase:  # "houses were damaged and destroyed by the storm"
                subject, agent_phrase = _clip(_premodified(shared), 5), _clip(agent_phrase, 5)
                be = "are" if shared.tag_ in ("NNS", "NNPS") or shared.tag_ == "CD" and shared.lower_ not in (
                    "1", "one") else "is"
                return _finish([subject, be, trigger.token.text.lower(), "by", agent_phrase], participants, location,
                               trigger)
            plural = _plural_subject(trigger) or subject.lower() in word_set("non_third_person")
            be = ("are" if plural else "is") if subject and trigger.token.dep_ != "acl" else ""
            said = " ".join(t.text for t in complement.subtree) if complement is not None else ""
            words = [subject, be, trigger.token.text.lower(), said]  # "They are declared the victor"
        elif passive and _controller_token(trigger) is not None and not any(
                c.dep_ == "agent" for c in trigger.token.children):  # "She is scheduled to be sentenced"
            words = [agent, "are" if plural_agent else "is", trigger.token.text.lower()]
        else:
            particle = " ".join(c.text.lower() for c in trigger.token.children if c.dep_ == "prt")
            words = [agent, verb + (" " + particle if particle else ""), obj]
    else:
        light = trigger.light
        token = trigger.token
        noun_phrase = _premodified(token)
        noun = _clip(noun_phrase, 4)
        subtree = token.doc[token.left_edge.i:token.right_edge.i + 1].text
        if light is None and participants.agent_text not in subtree:
            agent = ""  # "Estrada condemned the bombings": he is no agent of the bombings
        if agent and (agent.lower() in noun_phrase.lower() or participants.agent_text in noun_phrase):
            agent = ""  # "the Ukraine war", "third-quarter profit": already in the noun phrase
        if agent and light is None and any(t.dep_ == "poss" for t in token.lefts):
            agent += "'s"  # "its war" -> "Russia's war"
        if light is not None and not agent:
            words = [noun, _clip(participants.object_text, 5)]  # "Russia's invasion began": the noun leads
        elif light is not None and light.lemma_.lower() not in word_set("bare_light_verbs"):
            plural = not participants.agent and (participants.agent_plural
                                                 or participants.agent_text.lower() in word_set("non_third_person"))
            verb = light.lemma_.lower() if plural else third_person(light.lemma_.lower())  # "Stocks make gains"
            words = [agent, verb, noun]
        else:
            words = [agent, noun, _clip(participants.object_text, 5)]
    return _finish(words, participants, location, trigger)


#: A sentence-initial function word copied into the middle of a summary ("KCNA reports The ceremony took place").
_MID_CAPITAL = re.compile(r"(?<=\S)( )(The|This|These|Those|Its|Their|It|They)(?= )")


def _finish(words: list[str], participants: Participants, location: str, trigger: Trigger) -> str:
    """The summary words with the place added, cleaned and capitalised."""
    place = participants.location or location
    if place and place.lower() not in " ".join(words).lower():
        words.append(f"{participants.place_prep or 'in'} {place}")
    text = " ".join(w for w in words if w).strip()
    text = re.sub(r"\s+", " ", text)
    text = _MID_CAPITAL.sub(lambda m: m.group(1) + m.group(2).lower(), text)  # "reports The ceremony" -> "the"
    text = re.sub(r"^whose\s+", "", text, flags=re.IGNORECASE)  # "Whose names are disclosed"
    return text[:1].upper() + text[1:] if text else trigger.token.text
