"""An article as safe HTML with one event's evidence sentence marked, for the dashboard's evidence panel."""
from __future__ import annotations

import html
import re


def evidence_span(text: str, sentence: str, char_start: int, char_end: int) -> tuple[int, int]:
    """Character span of the evidence in ``text``: the sentence occurrence nearest the event's trigger (one that
    holds the trigger first). The events frame writes a sentence with its line breaks and runs of spaces as one
    space and the sentences of a merged event joined by " … ", so each is looked up with any space between its
    words.

    Falls back to the trigger span when the sentence is not found, and to (0, 0) when that is invalid too.

    >>> evidence_span("A fell. B rose. A fell.", "A fell.", 17, 21)
    (16, 23)
    >>> evidence_span("Rebels attacked\\nthe  town. B rose.", "Rebels attacked the town.", 7, 15)
    (0, 26)
    >>> evidence_span("A fell. B rose. C won.", "A fell. … C won.", 17, 20)
    (16, 22)
    >>> evidence_span("abc", "zzz", 1, 2)
    (1, 2)
    """
    anchor = max(char_start, 0)
    found: list[tuple[int, int]] = []
    for part in sentence.split(" \u2026 "):
        words = part.split()
        if words:
            pattern = re.compile(r"\s+".join(map(re.escape, words)))
            found += [(match.start(), match.end()) for match in pattern.finditer(text)]
    if found:
        return min(found, key=lambda span: (not span[0] <= anchor < span[1], abs(span[0] - anchor)))
    if 0 <= char_start < char_end <= len(text):
        return char_start, char_end
    return 0, 0


def highlighted_article(text: str, sentence: str, char_start: int, char_end: int, around: int | None = None) -> str:
    """The article as HTML-escaped paragraphs with the evidence sentence in ``<mark>`` and the trigger in ``<b>``.

    With ``around``, only the evidence paragraph and ``around`` paragraphs either side are kept.

    >>> highlighted_article("Intro.\\n\\nTroops <left> Kursk. End.", "Troops <left> Kursk.", 16, 20)
    '<p>Intro.</p><p><mark>Troops &lt;<b>left</b>&gt; Kursk.</mark> End.</p>'
    >>> highlighted_article("A.\\n\\nB.\\n\\nC went.\\n\\nD.\\n\\nE.", "C went.", 10, 14, around=1)
    '<p>B.</p><p><mark>C <b>went</b>.</mark></p><p>D.</p>'
    """
    start, end = evidence_span(text, sentence, char_start, char_end)
    trigger = (char_start, char_end) if start <= char_start < char_end <= end else (end, end)
    pieces = [
        html.escape(text[:start]),
        '<mark>' if end > start else "",
        html.escape(text[start:trigger[0]]),
        "<b>" if trigger[1] > trigger[0] else "",
        html.escape(text[trigger[0]:trigger[1]]),
        "</b>" if trigger[1] > trigger[0] else "",
        html.escape(text[trigger[1]:end]),
        "</mark>" if end > start else "",
        html.escape(text[end:]),
    ]
    body = "".join(pieces)
    paragraphs = [part.strip().replace("\n", "<br>") for part in body.replace("\r\n", "\n").split("\n\n")]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if around is not None:
        marked = next((index for index, paragraph in enumerate(paragraphs) if "<mark" in paragraph), 0)
        paragraphs = paragraphs[max(0, marked - around): marked + around + 1]
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
