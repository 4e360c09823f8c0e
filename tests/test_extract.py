"""The extract API: frame shape, bad input, DCT handling, large texts, corpora, speed."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline import extract as extract_module
from timeline.documents import Article
from timeline.extract import extract_article, extract_corpus, extract_events
from timeline.paths import SEEDS_DIR
from timeline.schema import ACTOR_COLUMNS, EVENT_COLUMNS, check_events_frame

SEED = (SEEDS_DIR / "000_49f8cb2e46737b4f.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["", "   \n\t ", None, 42, "\x00\x01\x02", "..."])
def test_empty_or_odd_input_gives_an_empty_typed_frame(text: object) -> None:
    frame = extract_events(text)  # type: ignore[arg-type]
    assert tuple(frame.columns) == EVENT_COLUMNS
    assert check_events_frame(frame) == []


def test_seed_frame_conforms_and_is_in_article_order() -> None:
    frame = extract_events(SEED, doc_id="seed")
    assert check_events_frame(frame) == []
    assert list(frame["event_id"]) == [f"seed:{n}" for n in range(len(frame))]
    assert list(frame["char_start"]) == sorted(frame["char_start"])
    for _, row in frame.iterrows():
        assert SEED[row["char_start"]:row["char_end"]] == row["trigger"] or row["trigger"] in SEED[
            row["char_start"]:row["char_end"]]
        assert 0 <= row["confidence"] <= 1


def test_date_line_is_the_dct_unless_one_is_given() -> None:
    from_header = extract_events("date 2024-02-09\nThe minister resigned on Tuesday.")
    assert "2024-02-06" in set(from_header["date_value"])
    given = extract_events("date 2024-02-09\nThe minister resigned on Tuesday.", dct="2024-03-01")
    assert "2024-02-27" in set(given["date_value"])


def test_without_dct_relative_dates_stay_unresolved() -> None:
    frame = extract_events("The minister resigned on Tuesday.")
    row = frame[frame["trigger"] == "resigned"].iloc[0]
    assert row["date_value"] == "" and row["date_source"] == "none"


def test_bad_dct_is_ignored_not_fatal() -> None:
    frame = extract_events("The minister resigned on Tuesday.", dct="not a date")
    assert check_events_frame(frame) == []


def test_dates_never_come_from_the_clock() -> None:
    frame = extract_events("The minister resigned yesterday.", dct=dt.date(1999, 5, 5))
    assert set(frame["date_value"]) <= {"1999-05-04", ""}


def test_large_text_is_processed_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "CHUNK_CHARS", 2_000)
    text = "\n\n".join([SEED] * 3)
    frame = extract_events(text, doc_id="big")
    assert check_events_frame(frame) == []
    assert frame["char_start"].max() > 2 * len(SEED)
    assert frame["event_id"].is_unique
    for _, row in frame.iterrows():
        assert row["trigger"] in text[row["char_start"]:row["char_end"]]


def test_corpus_gives_events_and_actors_with_titles() -> None:
    articles = [Article("a", SEED, None, title="Troops return"),
                Article("b", "Tesla opened a factory in Berlin on March 22, 2022.", dt.date(2022, 3, 23))]
    result = extract_corpus(articles)
    assert set(result.events["doc_id"]) == {"a", "b"}
    assert set(result.events.loc[result.events["doc_id"] == "a", "title"]) == {"Troops return"}
    assert tuple(result.actors.columns) == ACTOR_COLUMNS
    assert "North Korea" in set(result.actors["actor"])
    assert extract_article(articles[1]).events["date_value"].tolist()[0] == "2022-03-22"


def test_things_and_currencies_taking_part_are_typed_in_the_actor_table() -> None:
    text = ("Airbus delivered its first A380 on Monday. The minister resigned in a letter on Friday. The dollar fell on"
            " Tuesday. The Obama administration rejected the plans on Monday.")
    result = extract_corpus([Article("t", text, dt.date(2025, 3, 8))])
    kinds = dict(zip(result.actors["actor"], result.actors["actor_type"]))
    assert kinds.get("A380") == "product" and kinds.get("letter") == "product"
    assert kinds.get("United States dollar") == "product" and kinds.get("Obama administration") == "organisation"
    assert {a for names in result.events["actors"] for a in names} <= set(kinds)


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_give_the_same_rows(line_end: str) -> None:
    """The readers read "\\r\\n" and "\\r" as "\\n"; extract_events must too (the date header included), with offsets
    still into the text it was given."""
    from timeline.paths import PROJECT_DIR

    text = (PROJECT_DIR / "tests" / "golden" / "articles" / "headline_and_lede.txt").read_text(encoding="utf-8")
    fields = ["title", "event_type", "trigger", "summary", "sentence", "date_value", "actors", "confidence"]
    other = text.replace("\n", line_end)
    frame = extract_events(other)
    assert frame[fields].astype(str).values.tolist() == extract_events(text)[fields].astype(str).values.tolist()
    assert frame["date_value"].iloc[0] == "2019-11-10"
    assert all(other[start:end] == trigger for start, end, trigger in
               zip(frame["char_start"], frame["char_end"], frame["trigger"]))
