"""Main text and metadata of a web page, via trafilatura (text) and htmldate (publication date)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Mapping

from storytrace.errors import InputError

if TYPE_CHECKING:
    from storytrace.ingest import IngestOptions
    from storytrace.schema import Document

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, source: str) -> str:
    """HTML bytes as text: the declared charset, else UTF-8; undecodable pages are refused."""
    declared = _CHARSET.search(data[:4096])
    encodings = [declared.group(1).decode("ascii", "replace").lower()] if declared else []
    encodings.append("utf-8-sig")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(source, "HTML is not valid UTF-8 and declares no usable charset", "undecodable")


def extract_article(html: str, url: str | None = None) -> dict[str, Any] | None:
    """The article's main text and metadata as a dict, or None when the page has no article text."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            deduplicate=False,
        )
    except Exception:  # trafilatura raises assorted parser errors on broken markup
        return None
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return None
    return {
        "text": text,
        "title": data.get("title"),
        "outlet": data.get("sitename"),
        "url": data.get("url") or url,
        "published": data.get("date"),
        "author": data.get("author"),
        "language": data.get("language"),
    }


MIN_ARTICLE_WORDS = 5  # fewer words than this is navigation or a stub, not an article
_BLOCK_TAGS = ("p", "div", "td", "li", "blockquote", "h1", "h2", "h3", "article", "section", "body")


def _block_lines(root: Any) -> list[str]:
    """Text of the tree in document order, one line per block element, whitespace collapsed."""
    from lxml import etree

    pieces: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        is_block = element.tag in _BLOCK_TAGS or element.tag == "br"
        if event == "start":
            if is_block:
                pieces.append("\n")
            pieces.append(element.text or "")
        else:
            if is_block:
                pieces.append("\n")
            if element is not root:
                pieces.append(element.tail or "")
    return [" ".join(line.split()) for line in "".join(pieces).split("\n") if line.strip()]


def fallback_article(html: str) -> dict[str, Any] | None:
    """Paragraph text of a page trafilatura could not parse (broken markup), scripts and styles dropped."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    title = next(iter(root.xpath("//title/text()")), None)
    for bad in root.xpath("//head|//script|//style|//noscript|//nav|//footer|//header|//form"):
        bad.drop_tree()
    lines = _block_lines(root)
    text = "\n".join(lines)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return None
    return {"text": text, "title": " ".join(title.split()) if title else None}


def page_date(html: str, url: str | None) -> str | None:
    """The page's publication date by htmldate, when trafilatura found none."""
    try:
        from htmldate import find_date

        return find_date(html, url=url, original_date=True, extensive_search=False)
    except Exception:  # htmldate gives up on malformed pages by raising
        return None


_LD_JSON = re.compile(r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
                      re.IGNORECASE | re.DOTALL)


def _json_objects(value: Any) -> list[dict[str, Any]]:
    """Every JSON object inside a value (an @graph list, nested reviews), the value's own first."""
    if isinstance(value, dict):
        return [value] + [o for v in value.values() for o in _json_objects(v)]
    if isinstance(value, list):
        return [o for v in value for o in _json_objects(v)]
    return []


def _name_of(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value or "").split())


def claim_reviews(html: str) -> list[tuple[str, str, str]]:
    """The (claim, claimant, rating) of each schema.org ClaimReview a fact-check page declares, the
    rating as its words ('False'); a review without claim or rating words is left out, as is JSON
    that does not parse."""
    import json

    found = []
    for block in _LD_JSON.findall(html):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        for item in _json_objects(data):
            kinds = item.get("@type")
            if "ClaimReview" not in (kinds if isinstance(kinds, list) else [kinds]):
                continue
            claim = " ".join(str(item.get("claimReviewed") or "").split())
            rating = item.get("reviewRating")
            words = _name_of(rating.get("alternateName")) if isinstance(rating, dict) else ""
            reviewed = item.get("itemReviewed")
            claimant = _name_of(reviewed.get("author")) if isinstance(reviewed, dict) else ""
            if claim and words:
                found.append((claim, claimant, words))
    return found


def with_reviews(text: str, reviews: list[tuple[str, str, str]]) -> str:
    """The article text with each declared review set out after it ('Claim: ...', 'Claimed by: ...',
    'Rating: False') unless the text already states that claim and that rating, so the fact-check's
    verdict is read like one printed on the page."""
    lines = []
    flat = " ".join(text.split()).casefold()
    for claim, claimant, rating in reviews:
        if " ".join(claim.split()).casefold() in flat and rating.casefold() in flat:
            continue
        lines += [f"Claim: {claim}"] + ([f"Claimed by: {claimant}"] if claimant else []) + [f"Rating: {rating}"]
    return text.rstrip() + "\n\n" + "\n\n".join(lines) + "\n" if lines else text


def document_from_html(data: bytes, source: str, meta: Mapping[str, Any], options: "IngestOptions") -> "Document":
    """A Document whose text is the page's extracted article text; sidecar metadata wins over the page's."""
    from storytrace.ingest import make_document

    html = decode_html(data, source)
    if not html.strip():
        raise InputError(source, "is empty", "empty")
    if "<" not in html:
        raise InputError(source, "is not HTML (no markup found)", "malformed_html")
    article = extract_article(html, meta.get("url")) or fallback_article(html)
    if article is None:
        raise InputError(source, "HTML holds no extractable article text", "malformed_html")
    if not article.get("published"):
        article["published"] = page_date(html, article.get("url"))
    article["text"] = with_reviews(article["text"], claim_reviews(html))
    merged = {**{k: v for k, v in article.items() if v}, **{k: v for k, v in meta.items() if v not in (None, "")}}
    return make_document(article["text"], source, merged, options)
