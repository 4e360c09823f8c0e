"""Hostile and malformed text through ``timeline.extract_events``: nothing crashes, no event is lost or misdated.

(File-level input cases, encodings and readers, are in tests/test_inputs.py; exports of hostile strings in
tests/test_exports.py.)
"""
from __future__ import annotations

from typing import Any

import pytest

from timeline.exports import EVENT_FORMATS, export_events
from timeline.extract import extract_events

ATTACK = "Rebels attacked the town on 3 March 2025."


@pytest.mark.parametrize("text", [
    "Rebels attacked\x00 the town on 3 March 2025.",          # NUL byte
    "Rebels attacked\x1b[31m the town on 3 March 2025.",      # terminal escape
    "Rebels attacked \ud800the town on 3 March 2025.",        # lone surrogate (from a broken decoder)
    "\u202eRebels attacked the town\u202c on 3 March 2025.",  # bidi override
    "Rebels 🔥 attacked the town 🏘️ on 3 March 2025. 👍🏽",       # emoji, skin tones, variation selectors
    "\ufeffRebels attacked the\u200b town on 3 March 2025.",  # BOM and zero-width space
    "\r\n\rRebels attacked the town on 3 March 2025.\r\r\n",    # mixed line endings (read as the readers do)
    "\u200bRebels\u200d attacked\u200c the town\ufeff on 3 March 2025.\u2060",  # zero-width after words
    "Rebels attacked the town on 3 Ma\u200brch 2025.",         # a zero-width space inside the date
    "Rebels at\u00adtacked the town on 3 March 20\u200c25.",   # a soft hyphen inside the trigger
], ids=["nul", "ansi", "surrogate", "bidi", "emoji", "zero-width", "line-endings", "zero-width-after-words",
        "zero-width-in-date", "soft-hyphen-in-trigger"])
def test_unusual_characters_keep_the_event_and_every_export_works(text: str) -> None:
    frame = extract_events(text, dct="2025-03-10", doc_id="x\ud800")
    assert list(frame["trigger"]) == ["attacked"] and list(frame["date_value"]) == ["2025-03-03"]
    start, end = int(frame.loc[0, "char_start"]), int(frame.loc[0, "char_end"])
    assert text[start:end].replace("\u00ad", "") == "attacked"  # offsets index the text as given
    for fmt in EVENT_FORMATS:
        assert export_events(frame, fmt)


@pytest.mark.parametrize("dct", [None, "", "garbage", "2025-02-30", "0001-01-01", "9999-12-31", 12345,
                                 float("nan"), b"2025-03-10"])
def test_missing_or_absurd_dct_never_crashes(dct: Any) -> None:
    frame = extract_events(ATTACK + " The ministry announced a curfew on Friday.", dct=dct)
    assert "attacked" in list(frame["trigger"])
    assert frame.loc[frame["trigger"] == "attacked", "date_value"].iloc[0] == "2025-03-03"


def test_bytes_text_is_read_as_utf8() -> None:
    frame = extract_events(ATTACK.encode("utf-8"), dct="2025-03-10")  # type: ignore[arg-type]
    assert list(frame["trigger"]) == ["attacked"]


#: One event per sentence; the unreadable dates ("February 30, 2025", "the 3rd century BC", a five-digit year)
#: leave their event a row with that date text and no date, neither the narrative's nor the publication date.
MIXED = (
    "Rebels attacked the town on 3 March 2025. The ministry announced a curfew on Friday. "
    "Officials met in Geneva on February 30, 2025. The army withdrew in the 3rd century BC. "
    "The capsule will be opened on January 1, 99999. The jar was sealed on 1 Jan 0000. "
    "The city was founded in 10000 BC. Rebels seized the airport on 2025-02-30."
)
MIXED_ROWS = [
    ("attacked", "3 March 2025", "2025-03-03"),
    ("announced", "Friday", "2025-03-07"),
    ("met", "February 30, 2025", ""),
    ("withdrew", "the 3rd century BC", ""),
    ("opened", "January 1, 99999", ""),
    ("sealed", "1 Jan 0000", ""),
    ("founded", "10000 BC", ""),
    ("seized", "2025-02-30", ""),
]


@pytest.mark.parametrize("dct", ["2025-03-10", None])
def test_every_event_of_a_mixed_text_is_one_row_and_undatable_dates_stay_undated(dct: str | None) -> None:
    frame = extract_events(MIXED, dct=dct)
    rows = list(zip(frame["trigger"], frame["date_text"], frame["date_value"]))
    expected = MIXED_ROWS if dct else [(t, text, "") if text == "Friday" else (t, text, value)
                                       for t, text, value in MIXED_ROWS]
    assert rows == expected
    undatable = frame[frame["date_value"] == ""]
    assert set(undatable["date_source"]) == {"none"} and undatable["date_start"].isna().all()


def test_hostile_strings_are_kept_as_text() -> None:
    text = ('The mayor "><img src=x onerror=alert(1)> announced on Monday that {{7*7}} and '
            "=cmd|' /C calc'!A0 would open. <script>alert(2)</script> Police arrested the mayor on Tuesday.")
    frame = extract_events(text, dct="2025-03-12")
    assert "announced" in list(frame["trigger"]) and "arrested" in list(frame["trigger"])
    assert any("onerror=alert(1)" in sentence for sentence in frame["sentence"])


def test_text_without_punctuation_is_cut_into_sentences() -> None:
    words = ["officials", "said", "the", "rebels", "attacked", "the", "town", "and", "the", "army", "withdrew", "from", "the", "border"]
    text = " ".join(words[i % len(words)] for i in range(3_000)) + " on Monday"
    frame = extract_events(text, dct="2025-03-12")  # 3,000 words: one sentence would be parsed quadratically
    assert len(frame) > 0 and frame["char_end"].max() <= len(text)
    assert frame["sentence_index"].max() >= 6  # cut every 400 words at most


def test_events_that_are_no_row_are_counted() -> None:
    text = "Rebels attacked the town on Monday. Officers arrested 12 people."
    undated = extract_events(text)  # no DCT: the arrest has no date, no date text and no actor
    assert list(undated["trigger"]) == ["attacked"] and undated.attrs["unplaced_events"] == 1
    dated = extract_events(text, dct="2025-03-12")
    assert list(dated["trigger"]) == ["attacked", "arrested"] and dated.attrs["unplaced_events"] == 0


def test_mixed_text_leaves_no_event_out() -> None:
    assert extract_events(MIXED, dct="2025-03-10").attrs["unplaced_events"] == 0


def test_sentence_initial_name_test_is_linear_in_the_text() -> None:
    """The capitalised-word test reads one lookup per text, not the whole text per sentence-initial word: on a
    20,000-character text of sentence-initial names (about 560 checks) it stays far under a second (it took
    about 1.2 s when each check rescanned the text, and grew with the square of the length)."""
    from timeline.bench_capitals import time_capitals

    timing = time_capitals(20_000)
    assert timing["sentence_starts"] > 500 and timing["common_words"] > 100
    assert timing["capitals_s"] < 0.5


@pytest.mark.parametrize("text", [
    "date\u00a02025-03-10\nRebels attacked the town on Friday.",            # no-break space in the date header
    "Date:\u00a010\u00a0March\u00a02025\nRebels attacked the town on Friday.",  # no-break spaces in a wordy date
    "date 2025-03-10\u2028Rebels attacked the town on Friday.",            # Unicode line separator
    "date 2025-03-10\u2029Rebels attacked the town on Friday.\u2028",      # Unicode paragraph separator
], ids=["nbsp-header", "nbsp-wordy-header", "line-separator", "paragraph-separator"])
def test_date_header_with_unicode_spaces_and_breaks_gives_the_dct(text: str) -> None:
    frame = extract_events(text, doc_id="x")
    assert list(frame["trigger"]) == ["attacked"] and list(frame["date_value"]) == ["2025-03-07"]
    assert text[int(frame.loc[0, "char_start"]):int(frame.loc[0, "char_end"])] == "attacked"
    assert "2025" not in str(frame.loc[0, "sentence"])


#: Headline and body with several events, parsed with other spaces between the words.
SPACED = ("Airline wins order worth $15bn\n\nThe carrier has won an order for 60 jets on Monday. It will also "
          "purchase 20 larger planes for $4.6 billion. In 2004, the maker sold more planes than its rival, sparking "
          "questions whether it had lost its grip on the market.")


@pytest.mark.parametrize("space", ["\u00a0", "\t", "\u202f", "\u2009", "\u3000"],
                         ids=["no-break", "tab", "narrow-no-break", "thin", "ideographic"])
def test_other_spaces_between_words_give_the_rows_of_plain_spaces(space: str) -> None:
    plain = extract_events(SPACED, dct="2005-06-13")
    text = SPACED.replace(" ", space)
    spaced = extract_events(text, dct="2005-06-13")
    assert list(zip(spaced["trigger"], spaced["date_value"])) == list(zip(plain["trigger"], plain["date_value"]))
    for start, end, trigger in zip(spaced["char_start"], spaced["char_end"], spaced["trigger"]):
        assert trigger in text[start:end]


@pytest.mark.parametrize("text", [
    "Rebels attacked\nthe town on Monday. Police came.",            # a line break inside the sentence
    "Rebels  attacked the\u00a0town on Monday. Police came.",        # a run of spaces, a no-break space
    "Rebels attacked the town on Monday.\r\nPolice came.",           # Windows line end after it
], ids=["line-break", "space-run", "crlf"])
def test_evidence_highlight_finds_the_sentence_as_the_text_writes_it(text: str) -> None:
    from timeline.highlight import evidence_span

    row = extract_events(text, dct="2025-03-12").iloc[0]
    start, end = evidence_span(text, str(row["sentence"]), int(row["char_start"]), int(row["char_end"]))
    assert " ".join(text[start:end].split()) == "Rebels attacked the town on Monday."
