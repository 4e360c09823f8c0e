"""An article from an HTML page: main text, title and publication date from its metadata."""
from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup, Tag

from timeline.documents import Article, InputError, check_length, parse_dct

#: <meta> names/properties that carry a publication date, most specific first.
DATE_META_KEYS: tuple[str, ...] = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "article.published", "cxenseparse:recs:publishtime",
)
_NOISE_TAGS: tuple[str, ...] = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer",
                                "aside", "form", "iframe", "button", "figure")
_BLOCK_TAGS: tuple[str, ...] = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td")


def article_from_html(html: str, doc_id: str, dct: object = None) -> Article:
    """Main text of a news page (paragraphs joined by blank lines), its title and DCT.

    >>> page = '<html><head><meta property="article:published_time" content="2025-03-04T10:00:00Z">'
    >>> page += '<title>Flood</title></head><body><p>Rivers rose on Monday.</p><script>x()</script></body></html>'
    >>> a = article_from_html(page, "p")
    >>> a.dct, a.title, a.text
    (datetime.date(2025, 3, 4), 'Flood', 'Rivers rose on Monday.')
    """
    soup = BeautifulSoup(html, "html.parser")
    title = _title(soup)
    own_dct = _published_date(soup)
    for tag in soup(list(_NOISE_TAGS)):
        tag.decompose()
    root: Tag = soup.find("article") or soup.find("main") or soup.body or soup  # type: ignore[assignment]
    blocks = [_clean(b.get_text(" ")) for b in _leaf_blocks(root)]
    blocks = [b for b in blocks if b]
    text = "\n\n".join(blocks) if blocks else _clean(root.get_text(" "))
    if not text:
        raise InputError(f"{doc_id}: the page has no readable text")
    check_length(text, doc_id)
    return Article(doc_id=doc_id, text=text, dct=own_dct or parse_dct(dct), title=title, url=_canonical_url(soup))


def _leaf_blocks(root: Tag) -> list[Tag]:
    """The block elements under ``root`` with no block element inside them, in document order, found in one pass
    (searching under each block took minutes on a page of 100,000 unclosed, hence nested, ``<p>``).

    >>> soup = BeautifulSoup("<div><p>a<p>b</p></p><li>c</li></div>", "html.parser")
    >>> [b.get_text() for b in _leaf_blocks(soup)]
    ['b', 'c']
    """
    elements = [root, *root.descendants]
    index = {id(element): position for position, element in enumerate(elements)}
    last = {id(root): len(elements) - 1}  # a tag -> the position of the last element inside it
    blocks: list[Tag] = []
    for element in elements[1:]:
        if not isinstance(element, Tag):
            continue
        after = element.next_sibling
        last[id(element)] = index[id(after)] - 1 if after is not None else last[id(element.parent)]
        if element.name in _BLOCK_TAGS:
            blocks.append(element)
    # a block holds another block exactly when the next block in document order lies inside it
    return [block for block, following in zip(blocks, [*blocks[1:], None])
            if following is None or index[id(following)] > last[id(block)]]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _title(soup: BeautifulSoup) -> str:
    og = soup.find("meta", attrs={"property": "og:title"})
    if isinstance(og, Tag) and og.get("content"):
        return _clean(str(og["content"]))
    if soup.title and soup.title.string:
        return _clean(soup.title.string)
    heading = soup.find("h1")
    return _clean(heading.get_text(" ")) if heading else ""


def _canonical_url(soup: BeautifulSoup) -> str:
    link = soup.find("link", attrs={"rel": "canonical"})
    return str(link.get("href") or "") if isinstance(link, Tag) else ""


def _published_date(soup: BeautifulSoup) -> Any:
    """The first readable publication date in <meta>, JSON-LD or <time datetime>; None if there is none."""
    metas: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = str(meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = str(meta["content"])
    candidates = [metas[k] for k in DATE_META_KEYS if k in metas]
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        candidates.extend(_json_ld_dates(script.string or ""))
    time_tag = soup.find("time", attrs={"datetime": True})
    if isinstance(time_tag, Tag):
        candidates.append(str(time_tag["datetime"]))
    for candidate in candidates:
        try:
            found = parse_dct(candidate)
        except InputError:
            continue
        if found:
            return found
    return None


def _json_ld_dates(raw: str) -> list[str]:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, TypeError):
        return []
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                found.append(item["datePublished"])
            stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return found
