"""Title Case headlines parsed through a truecased copy (timeline/truecase.py)."""
from __future__ import annotations

import pytest

from timeline.nlp import load_nlp
from timeline.truecase import truecased_words


def _headline(text: str) -> str | None:
    doc = load_nlp().make_doc(text)
    words = truecased_words(doc)
    if words is None:
        return None
    end = text.index("\n")
    return "".join(w + t.whitespace_ for w, t in zip(words, doc) if t.idx < end).strip()


@pytest.mark.parametrize(("text", "expected"), [
    ("GM Files for Bankruptcy Protection\nGeneral Motors filed on Monday.", "GM files for bankruptcy protection"),
    ("Kia CEO Resigns After 100,000 Vehicles Recalled\nThe Kia boss quit.", "Kia CEO resigns after 100,000 vehicles recalled"),
    # a name the body writes mid-sentence, a dictionary name and a word after a colon keep their capitals
    ("Ceasefire Turmoil: Israeli Airstrikes Hit Gaza\nThe strikes hit Gaza, said Israeli officials.",
     "Ceasefire turmoil: Israeli airstrikes hit Gaza"),
    ("Toyota Recalls Cars\nThe carmaker recalled them.", "Toyota recalls cars"),
    # a currency's lower-case dictionary alias ("yen") is no name; its capitalised name is
    ("Nikkei Falls as Yen Jumps on Euro\nThe Nikkei fell as the yen rose.", "Nikkei falls as yen jumps on Euro"),  # "Euro": a listed name
])
def test_title_case_headline_is_lowered_but_its_names(text: str, expected: str) -> None:
    assert _headline(text) == expected


@pytest.mark.parametrize("text", [
    "Boeing delays 787 Dreamliner again\nBoeing said so.",          # sentence case: left alone
    "Angela Merkel, Emmanuel Macron\nAngela Merkel met Emmanuel Macron.",  # capitals that are all names
    "BOEING DELAYS DREAMLINER\nBoeing said so.",                  # all capitals: not Title Case
    "Boeing Delays Dreamliner",                                    # no body: no headline
    "",
])
def test_other_lines_are_not_truecased(text: str) -> None:
    assert _headline(text) is None
