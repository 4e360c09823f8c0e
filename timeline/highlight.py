"""An article as safe HTML with one event's evidence sentence marked, for the dashboard's evidence panel."""
from __future__ import annotations

import html
import re

#: A paragraph longer than this (characters) is cut, in the "around" view, to the evidence sentence and the
#: sentences next to it: wire copy often comes as one unbroken line, MEANTIME as one sentence per line with no
#: blank line, and the marked sentence sat a screen below the panel's top.
LONG_PARAGRAPH_CHARS = 700
#: Where a sentence starts: after . ! or ? (and closing quotes or brackets) and a space, or after a line break.
#: A period that ends a title or initials ("Gen.", "Mr.", "U.S.") rather than a sentence.
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z])\.$")
_SENTENCE_START = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+|\n")


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


def context_window(text: str, start: int, end: int, sentences: int = 1) -> tuple[int, int]:
    r"""Bounds of the span ``start..end`` widened to ``sentences`` sentences either side, inside its paragraph
    (paragraphs are separated by a blank line); the whole paragraph when it is short.

    >>> text = "Intro.\n\n" + "Filler sentence here. " * 40 + "Troops left. Talks began. " + "More filler. " * 40
    >>> begin, stop = context_window(text, text.index("Troops"), text.index("Troops") + 12)
    >>> text[begin:stop]
    'Filler sentence here. Troops left. Talks began. '
    >>> text = "Filler here. " * 60 + "Gen. Hun Sen met Mr. Lee in the U.S. on Friday. Talks began. " + "The end came. " * 9
    >>> begin, stop = context_window(text, text.index("Talks"), text.index("Talks") + 12)
    >>> text[begin:stop]
    'Gen. Hun Sen met Mr. Lee in the U.S. on Friday. Talks began. The end came. '
    """
    first, last = _paragraph(text, start, end)
    if last - first <= LONG_PARAGRAPH_CHARS:
        return first, last
    starts = [match.end() for match in _SENTENCE_START.finditer(text, first, last)
              if match.group() == "\n" or not _ABBREVIATION.search(text, first, match.start())]
    before = [position for position in starts if position <= start]
    after = [position for position in starts if position >= end]
    return (before[-1 - sentences] if len(before) > sentences else first,
            after[sentences] if len(after) > sentences else last)


def highlighted_article(text: str, sentence: str, char_start: int, char_end: int, around: int | None = None) -> str:
    """The article as HTML-escaped paragraphs with the evidence sentence in ``<mark>`` and the trigger in ``<b>``.

    With ``around``, only the evidence paragraph and ``around`` paragraphs either side are kept.

    >>> highlighted_article("Intro.\\n\\nTroops <left> Kursk. End.", "Troops <left> Kursk.", 16, 20)
    '<p>Intro.</p><p><mark>Troops &lt;<b>left</b>&gt; Kursk.</mark> End.</p>'
    >>> highlighted_article("A.\\n\\nB.\\n\\nC went.\\n\\nD.\\n\\nE.", "C went.", 10, 14, around=1)
    '<p>B.</p><p><mark>C <b>went</b>.</mark></p><p>D.</p>'
    """
    start, end = evidence_span(text, sentence, char_start, char_end)
    if around is not None and end > start:
        begin, stop = context_window(text, start, end, sentences=around)
        if stop - begin < len(text.strip()) and (begin, stop) != _paragraph(text, start, end):
            cut = highlighted_article(text[begin:stop], text[start:end], char_start - begin, char_end - begin)
            return cut.replace("<p>", "<p>… " if begin else "<p>", 1)[: -len("</p>")] + \
                (" …</p>" if stop < len(text.rstrip()) else "</p>")
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


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the blank-line paragraph holding ``start..end``."""
    first = text.rfind("\n\n", 0, start)
    last = text.find("\n\n", end)
    return 0 if first == -1 else first + 2, len(text) if last == -1 else last
