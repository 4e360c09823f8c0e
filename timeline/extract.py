"""Extract dated events from article text into the events frame (and the actors frame).

``extract_events(text, dct, doc_id)`` is the one-article entry point; ``extract_corpus(articles)``
parses many articles with ``nlp.pipe`` and also returns the actors frame.  Each article is parsed
once; its timexes come from ``timeline.temporal.tag`` and its actors from
``timeline.actors.DocumentActors``; ``timeline.events`` does triggers, participants, time
attachment and duplicate merging.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, cast

import pandas as pd
from spacy.attrs import SENT_START
from spacy.tokens import Doc
from thinc.types import Ints2d

from timeline.documents import LINE_BREAKS, date_header, parsable, title_line
from timeline.events.confidence import confidence
from timeline.events.dedup import group_mentions, is_headline
from timeline.events.links import Mention
from timeline.events.mentions import MentionBuilder
from timeline.events.model_years import without_indices, without_model_years
from timeline.events.resolve import resolve_times
from timeline.events.row_summary import row_summary
from timeline.events.taxonomy import OTHER, EventTaxonomy
from timeline.events.thing_times import thing_time_indices
from timeline.events.timing import EventTime
from timeline.events.verb_tense import parse_tense_hint
from timeline.nlp import load_nlp
from timeline.reading_spaces import as_written, is_tokenized, keep_spaces, parse_spaces, reading_spaces
from timeline.schema import actors_frame, events_frame
from timeline.truecase import copy_parse, shouted_words, truecased_words

log = logging.getLogger(__name__)

#: Key of ``events.attrs`` that counts the events left out of the frame (see Extraction.unplaced).
UNPLACED = "unplaced_events"
#: Texts longer than this are parsed in paragraph-aligned pieces of about this size.
CHUNK_CHARS = 100_000
_ABBREVIATION = re.compile(r"(?:\w\.){2,}")
#: A sentence is cut after this many tokens without a sentence-final mark (no news sentence is this long).
MAX_SENTENCE_TOKENS = 400
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", ";"})
#: Marks that end a name as often as a sentence ("Wham!", "Yahoo!", "Jeopardy!"); a lowercase word after one goes on.
_NAME_MARKS = frozenset({"!", "?"})
#: Characters left out of the parsed text (offsets restored with _removed): the "\r" of "\r\n", and the invisible
#: zero-width space, non-joiner, joiner, word joiner, byte-order mark and soft hyphen, which split or hide a word
#: they sit in ("Mon\u200bday", "attacked\u200c", "at\u00adtacked") and were read as part of it.
_DROPPED = re.compile("\r(?=\n)|[\u00ad\u200b-\u200d\u2060\ufeff]")
#: Spaces within a line other than " " (a tab, a no-break, thin, narrow or ideographic space), each parsed as " ": the
#: tokenizer keeps any other space as a token of its own, so that "Airbus\u00a0wins\u00a0an\u00a0order" or a
#: tab-separated line was parsed with a space word between all its words and lost its verbs.
_OTHER_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


@dataclass(frozen=True)
class Extraction:
    """The events frame and the actors frame of a corpus."""

    events: pd.DataFrame
    actors: pd.DataFrame
    #: doc_id -> event mentions that are no row: no date, no date text and no actor (nothing to place on a
    #: timeline or to filter by); also the events frame's ``attrs["unplaced_events"]`` (their total)
    unplaced: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Piece:
    doc_id: str
    title: str
    text: str
    offset: int
    dct: dt.date | None
    first: bool
    removed: tuple[int, ...] = ()  # see _removed


def _removed(text: str) -> tuple[int, ...]:
    """Where the parsed text lost a character of ``text`` (positions in the parsed text): the "\\r" of each
    "\\r\\n" and each invisible character (_DROPPED). A parsed offset ``n`` is ``n + bisect_right(removed, n)`` in
    ``text``.

    >>> _removed("ab\\r\\ncd\\r\\ne"), _removed("no returns\\n"), _removed("Mon\\u200bday, \\ufeffat\\u00adtacked")
    ((2, 5), (), (3, 8, 10))
    """
    return tuple(match.start() - index for index, match in enumerate(_DROPPED.finditer(text)))


def _read_dct(value: object) -> dt.date | None:
    from timeline.documents import parse_dct

    try:
        return parse_dct(value)
    except ValueError:
        return None


def _as_text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def _prepare(text: object, dct: object) -> tuple[str, str, dt.date | None]:
    """(original text, text to parse with a ``date YYYY-MM-DD`` header blanked out, DCT)."""
    original = _as_text(text)
    day = _read_dct(dct)
    # Windows and old Mac line ends read as the readers read them ("\r\n" and "\r" as "\n"), invisible characters
    # left out; offsets into the text given are restored with _removed
    masked = _OTHER_SPACES.sub(" ", _DROPPED.sub("", original).translate(LINE_BREAKS))
    raw_date, header_length = date_header(masked)
    if header_length:
        if day is None:
            day = _read_dct(raw_date)
        masked = " " * (header_length - 1) + masked[header_length - 1:]
    return original, parsable(masked), day


def _pieces(doc_id: str, title: str, text: str, dct: dt.date | None) -> list[_Piece]:
    """The text in paragraph-aligned pieces of at most about CHUNK_CHARS characters, leading blank space (a blanked
    date header, empty lines) left out so that the headline is the first sentence of the parse whichever way the
    text came in (``extract_events`` keeps the header's place as spaces; the readers cut it off).

    >>> [(p.offset, p.text) for p in _pieces("d", "", "   \\n\\nHeadline\\n\\nText.", None)]
    [(5, 'Headline\\n\\nText.')]
    """
    start = len(text) - len(text.lstrip())
    pieces: list[_Piece] = []
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut != -1 else end
        pieces.append(_Piece(doc_id, title, text[start:end], start, dct, not pieces))
        start = end
    return pieces


def _tag(text: str, dct: dt.date | None, doc: Doc | None = None) -> tuple[list[Any], list[Any]]:
    """The tagger's timexes and interval expressions of a text (none if the tagger fails); with the text's parse,
    the tense of each expression's governing verb guides the year of a month and day ("arrested on April 22").
    Vehicles' model years ("the 1994-2002 model years") and futures contract months ("March Brent") are left out:
    they date no event."""
    from timeline import temporal

    try:
        timexes = list(temporal.tag(text, dct, parse_tense_hint(doc) if doc is not None else None))
        timexes = temporal.join_clock_days(text, timexes)  # an event "at 8 p.m. on Feb. 15" keeps its hour
    except Exception:
        log.exception("temporal tagging failed")
        return [], []
    try:
        ranges = list(temporal.find_ranges(text, timexes))
    except Exception:
        log.exception("range detection failed")
        ranges = []
    timexes, ranges = without_indices(timexes, ranges, thing_time_indices(text, timexes))
    return without_model_years(text, timexes, ranges)


def _actors_of(doc: Doc) -> Any:
    try:
        from timeline.actors import DocumentActors

        return DocumentActors.from_doc(doc)
    except Exception:
        log.exception("actor resolution failed")
        return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _dated_headline(mention: Mention) -> bool:
    """A headline mention dated by its own words ("Car sales rise in March"): it merges with its lead, and of equal
    evidence the row takes the lead's words, not the headline's ("Big 3 auto sales tumbled in December" gave the
    summary "Big 3 auto sales are tumbled"); a headline dated only by the publication day keeps its place."""
    return mention.time.source == "text" and is_headline(mention)


def _rows(piece: _Piece, doc: Doc, mentions: Sequence[Mention], groups: Sequence[Sequence[Mention]],
          times: Sequence[EventTime], first_number: int, first_sentence: int) -> tuple[list[dict[str, Any]], int]:
    """The rows of a piece's events, and how many events were left out (no date, no date text, no actor)."""
    rows: list[dict[str, Any]] = []
    unplaced = 0
    texts: dict[int, str] = {}  # each sentence's text made once: one sentence can hold thousands of mentions
    for mention in mentions:
        if mention.sentence_index not in texts:
            texts[mention.sentence_index] = _clean(mention.sentence.text)
    for group, time in zip(groups, times):
        best = max(group, key=lambda m: (bool(m.participants.agent), m.trigger.kind == "verb",
                                         m.trigger.light is not None, len(m.participants.actors), m.time.strength,
                                         not _dated_headline(m), -m.number))
        actors: list[str] = []
        for member in [best] + list(group):
            actors += [a for a in (as_written(a, doc) for a in member.participants.actors) if a not in actors]
        location = next((m.participants.location for m in [best] + list(group) if m.participants.location), "")
        if not actors and not time.dated and not time.text:
            unplaced += 1  # neither placeable on a timeline nor filterable by actor: counted, not a row
            continue
        sentences = list(dict.fromkeys(texts[member.sentence_index] for member in group))
        # an untyped headline mention ("update on measles outbreak", read as a verb) names the type of none
        representative = max(group, key=lambda m: (m.time.strength, m.trigger.event_type != OTHER,
                                                   not _dated_headline(m), -m.number))
        trigger = representative.trigger
        # characters left out of the parse before its first and its last character (_removed)
        shift = bisect_right(piece.removed, piece.offset + trigger.char_start)
        end_shift = bisect_right(piece.removed, piece.offset + trigger.char_end - 1)
        rows.append({
            "event_id": f"{piece.doc_id}:{first_number + len(rows)}",
            "doc_id": piece.doc_id,
            "title": piece.title,
            "event_type": trigger.event_type,
            "summary": row_summary(best, group, location),
            "trigger": trigger.token.text,
            "char_start": piece.offset + trigger.char_start + shift,
            "char_end": piece.offset + trigger.char_end + end_shift,
            "sentence": " … ".join(sentences),
            "sentence_index": first_sentence + representative.sentence_index,
            "date_text": time.text,
            "date_value": time.value,
            "date_start": time.start,
            "date_end": time.end,
            "granularity": time.granularity if time.dated else "unknown",
            "modifier": time.modifier if time.dated else "",
            "date_source": time.source if time.dated else "none",
            "actors": actors,
            "location": location,
            "confidence": confidence(time.strength, trigger.kind, trigger.typed, bool(actors),
                                     trigger.state or trigger.habitual, trigger.negated),
        })
    return rows, unplaced


def line_breaks_end_sentences(doc: Doc) -> Doc:
    r"""Mark the first word after a line break or a pipe as a sentence start (headlines, datelines, paragraphs), and a
    word after MAX_SENTENCE_TOKENS tokens without a full stop (text without punctuation: parsing and the
    rules on it stay linear in its length). A lower-case word after a single line break that follows a word or a
    comma goes on the sentence (text hard-wrapped at a fixed width, as e-mail and wire copy are).

    >>> from timeline.nlp import load_nlp
    >>> doc = line_breaks_end_sentences(load_nlp().make_doc("Apple unveils iPhone\nJune 8 , 2010"))
    >>> [t.text for t in doc if t.is_sent_start]
    ['Apple', 'June']
    >>> doc = line_breaks_end_sentences(load_nlp().make_doc("It struck at 3:32 a.m. local time."))
    >>> doc[5].text, doc[5].is_sent_start
    ('local', False)
    >>> doc = line_breaks_end_sentences(load_nlp().make_doc("He led Wham! in the 1980s. Fans wept!"))
    >>> doc[4].text, doc[4].is_sent_start
    ('in', False)
    >>> doc = line_breaks_end_sentences(load_nlp().make_doc("ACCRA, Ghana | Xinhua | Bawumia conceded."))
    >>> [t.text for t in doc if t.is_sent_start]
    ['ACCRA', 'Xinhua', 'Bawumia']
    >>> doc = line_breaks_end_sentences(load_nlp().make_doc("Rebels attacked\nthe town.\n\nthe end\nNew line"))
    >>> [t.text for t in doc if t.is_sent_start]
    ['Rebels', 'the', 'New']
    >>> doc = line_breaks_end_sentences(load_nlp().make_doc("the army said " * 200))
    >>> [t.i for t in doc if t.is_sent_start]
    [0, 400]
    """
    after_break = False
    newlines = 0  # line breaks since the last word
    previous_text = ""  # the last word
    run = 0  # words since the last sentence start or sentence-final mark
    for token in doc:
        text = token.text
        run += 1
        if after_break and not token.is_space and newlines == 1 and token.is_lower and token.is_alpha \
                and (previous_text[-1:].isalnum() or previous_text == ","):
            token.is_sent_start = False  # a hard-wrapped line ("Rebels attacked\nthe town"): the sentence goes on
            after_break = False
        elif (after_break or run > MAX_SENTENCE_TOKENS) and not token.is_space:
            token.is_sent_start = True
            after_break = False
            run = 0
        elif text in _SENTENCE_ENDS:
            run = 0
        elif token.is_lower and token.is_alpha and previous_text.count(".") >= 2 and _ABBREVIATION.fullmatch(previous_text):
            token.is_sent_start = False  # "at 3:32 a.m. local time": an abbreviation, not a full stop
        elif token.is_lower and token.is_alpha and previous_text in _NAME_MARKS:
            token.is_sent_start = False  # "the front man of Wham! in the 1980s, died": a name's mark, not a sentence end
        if not token.is_space:
            newlines = 0
            previous_text = text
        newlines += text.count("\n") + token.whitespace_.count("\n")
        if newlines or text == "|":
            after_break = True  # "ACCRA, Ghana | Xinhua | Ghanaian Vice President ...": a pipe ends a dateline
    return doc


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """The texts in batches of at most 16 texts and about CHUNK_CHARS characters (parse memory is per batch).

    >>> [len(batch) for batch in _batches(["a" * 60_000] * 3 + ["short"] * 20)]
    [1, 1, 16, 5]
    """
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == 16 or size + len(text) > CHUNK_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def _parse(texts: Iterable[str], headed: Sequence[bool] = ()) -> Iterator[Doc]:
    """The parses of the texts; a text marked in ``headed`` (its first line is the article's headline) whose
    headline is in Title Case (:mod:`timeline.truecase`), or a tokenized text (:mod:`timeline.reading_spaces`), is
    parsed through a copy of it."""
    nlp = load_nlp()
    index = 0
    for batch in _batches(texts):
        originals = [line_breaks_end_sentences(nlp.make_doc(text)) for text in batch]
        tokenized = [is_tokenized(doc) for doc in originals]
        tagged = iter(nlp.pipe((_copy(doc, [t.text for t in doc], [bool(t.whitespace_) for t in doc])
                                for doc, spaced in zip(originals, tokenized) if spaced), batch_size=len(batch)))
        copies = [_parse_copy(doc, index + i < len(headed) and headed[index + i], next(tagged) if spaced else None)
                  for i, (doc, spaced) in enumerate(zip(originals, tokenized))]
        index += len(batch)
        parsed = nlp.pipe((copy if copy is not None else doc for doc, copy in zip(originals, copies)),
                          batch_size=len(batch))
        for doc, copy, result in zip(originals, copies, parsed):
            yield copy_parse(result, doc) if copy is not None else result


def _parse_copy(doc: Doc, headed: bool, tagged: Doc | None) -> Doc | None:
    """The copy ``doc`` is parsed through: its Title Case headline in sentence case, its tokenized spacing
    ("Wal - Mart", "Apple 's") as a person would write it (``tagged`` is the parse of a tokenized ``doc`` as
    written, to tell a hyphen from a dash; its batch is tagged at once); None when neither applies."""
    spaces = None
    if tagged is not None:
        spaces = reading_spaces(tagged)
        keep_spaces(doc, spaces)
    words = truecased_words(doc) if headed else None
    words = shouted_words(doc, words) or words
    if spaces is None and words is None:
        return None
    return _copy(doc, words or [t.text for t in doc],
                 parse_spaces(doc, spaces) if spaces else [bool(t.whitespace_) for t in doc])


def _copy(doc: Doc, words: list[str], spaces: list[bool]) -> Doc:
    """An unparsed copy of ``doc`` with these words and spaces and its sentence starts."""
    copy = Doc(doc.vocab, words=words, spaces=spaces)
    copy.from_array([SENT_START], cast(Ints2d, doc.to_array([SENT_START])))
    return copy


def _extract_pieces(pieces: Sequence[_Piece]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, int]]:
    taxonomy = EventTaxonomy.load()
    event_rows: list[dict[str, Any]] = []
    unplaced: dict[str, int] = {}
    actor_rows: dict[tuple[str, str], dict[str, Any]] = {}
    numbers: dict[str, int] = {}
    sentences: dict[str, int] = {}
    for piece, doc in zip(pieces, _parse([p.text for p in pieces], [p.first for p in pieces])):
        resolver = _actors_of(doc)
        timexes, ranges = _tag(piece.text, piece.dct, doc)
        mentions = MentionBuilder(doc, timexes, piece.dct, resolver, taxonomy, ranges).build()
        groups = group_mentions(mentions)
        times = resolve_times(mentions, groups)
        order = sorted(range(len(groups)), key=lambda g: max(groups[g], key=lambda m: (m.time.strength, -m.number)).token.i)
        rows, left_out = _rows(piece, doc, mentions, [groups[g] for g in order], [times[g] for g in order],
                               numbers.get(piece.doc_id, 0), sentences.get(piece.doc_id, 0))
        event_rows += rows
        unplaced[piece.doc_id] = unplaced.get(piece.doc_id, 0) + left_out
        numbers[piece.doc_id] = numbers.get(piece.doc_id, 0) + len(rows)
        sentences[piece.doc_id] = sentences.get(piece.doc_id, 0) + sum(1 for _ in doc.sents)
        if resolver is not None:
            try:
                for row in resolver.rows(piece.doc_id):  # names as written ("Motors' sales", not "Motors ' sales")
                    row["actor"] = as_written(str(row.get("actor")), doc)
                    row["aliases"] = [as_written(str(a), doc) for a in cast(list[Any], row.get("aliases", []))]
                    key = (str(row.get("doc_id")), str(row.get("actor")))
                    if key in actor_rows:
                        actor_rows[key]["mentions"] = actor_rows[key].get("mentions", 0) + row.get("mentions", 0)
                        actor_rows[key]["aliases"] = list(dict.fromkeys(list(actor_rows[key].get("aliases", []))
                                                                        + list(row.get("aliases", []))))
                    else:
                        actor_rows[key] = dict(row)
            except Exception:
                log.exception("actor rows failed")
    return event_rows, list(actor_rows.values()), unplaced


def _article_pieces(doc_id: object, title: object, text: object, dct: object,
                    title_from_text: bool = False) -> list[_Piece]:
    """The article's pieces; with ``title_from_text`` its title is its headline line (:func:`title_line`), as the
    readers find it."""
    _, masked, day = _prepare(text, dct)
    if not masked.strip():
        return []
    if title_from_text:
        title = title_line(masked)
    pieces = _pieces(parsable(_as_text(doc_id)), parsable(_as_text(title)), masked, day)
    removed = _removed(_as_text(text))
    return [replace(piece, removed=removed) for piece in pieces] if removed else pieces


def extract_events(text: str, dct: str | dt.date | None = None, doc_id: str = "doc") -> pd.DataFrame:
    """One row per dated (or datable) event of an article, in article order (see timeline.schema).

    ``dct`` is the publication date; a first line ``date YYYY-MM-DD`` in the text is used when it is
    not given. Without any, relative dates stay unresolved. An event with no date, no date text and no
    actor is no row (nothing places or finds it); ``frame.attrs["unplaced_events"]`` counts those.

    >>> extract_events("   ").empty
    True
    >>> frame = extract_events("Rebels attacked the town on Monday. Officers arrested 12 people.")
    >>> list(frame["trigger"]), frame.attrs["unplaced_events"]
    (['attacked'], 1)
    """
    event_rows, _, unplaced = _extract_pieces(_article_pieces(doc_id, "", text, dct, title_from_text=True))
    frame = events_frame(event_rows)
    frame.attrs[UNPLACED] = sum(unplaced.values())
    return frame


def extract_article(article: Any) -> Extraction:
    """Events and actors of one ``timeline.documents.Article``."""
    return extract_corpus([article])


def extract_corpus(articles: Iterable[Any]) -> Extraction:
    """Events and actors of many articles (each parsed once, with ``nlp.pipe``).

    >>> extract_corpus([]).events.empty
    True
    """
    pieces: list[_Piece] = []
    for article in articles:
        pieces += _article_pieces(getattr(article, "doc_id", "doc"), getattr(article, "title", ""),
                                  getattr(article, "text", ""), getattr(article, "dct", None))
    event_rows, actor_rows, unplaced = _extract_pieces(pieces)
    events = events_frame(event_rows)
    events.attrs[UNPLACED] = sum(unplaced.values())
    return Extraction(events, actors_frame(actor_rows), unplaced)
