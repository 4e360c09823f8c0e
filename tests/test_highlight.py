"""The evidence panel's article excerpt: the marked sentence with its neighbours, never a screen of text above it."""
from __future__ import annotations

from timeline.highlight import LONG_PARAGRAPH_CHARS, highlighted_article

FILLER = "The agency said more talks were planned. "
EVIDENCE = "Troops <left> the border town on Friday."


def _article(joiner: str) -> tuple[str, int]:
    """A long article whose sentences are joined by ``joiner`` (a space: wire copy on one line; a line break:
    one sentence per line), with the evidence sentence in the middle; and the trigger's offset."""
    sentences = [FILLER.strip()] * 30 + [EVIDENCE, "Officials confirmed it later."] + [FILLER.strip()] * 30
    text = "Title line\n\n" + joiner.join(sentences)
    return text, text.index("left")


def test_one_line_wire_copy_shows_the_sentence_and_its_neighbours() -> None:
    text, trigger = _article(" ")
    excerpt = highlighted_article(text, EVIDENCE, trigger, trigger + 4, around=1)
    assert excerpt.startswith("<p>… The agency said") and excerpt.endswith(" …</p>")
    assert "<mark>Troops &lt;<b>left</b>&gt; the border town on Friday.</mark> Officials confirmed it later." \
        in excerpt
    assert excerpt.count("The agency said") == 1 and len(excerpt) < LONG_PARAGRAPH_CHARS


def test_one_sentence_per_line_shows_the_lines_around_it() -> None:
    text, trigger = _article("\n")
    excerpt = highlighted_article(text, EVIDENCE, trigger, trigger + 4, around=1)
    assert excerpt.count("<br>") == 2 and "<mark>" in excerpt and "Officials confirmed" in excerpt


def test_short_paragraphs_and_the_whole_article_are_unchanged() -> None:
    text = "Intro.\n\nTroops left on Friday. More came.\n\nEnd."
    assert highlighted_article(text, "Troops left on Friday.", 8, 14, around=1) == \
        "<p>Intro.</p><p><mark><b>Troops</b> left on Friday.</mark> More came.</p><p>End.</p>"
    long_text, trigger = _article(" ")
    whole = highlighted_article(long_text, EVIDENCE, trigger, trigger + 4)
    assert "…" not in whole and whole.count("The agency said") == 60
