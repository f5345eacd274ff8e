"""Find quotations in raw text: straight, curly and mismatched double quotes, and single-quote style.

Works on characters only, so it is cheap, model-free and testable with plain strings. A quote
never runs past the end of its paragraph: an unclosed quote closes there, as multi-paragraph
quotes in news reopen with a fresh mark on the next paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

DOUBLE_OPEN = "“„«\""
DOUBLE_CLOSE = "”»\"‟"
DOUBLE_MARKS = set(DOUBLE_OPEN + DOUBLE_CLOSE)
SINGLE_OPEN = "‘'"
SINGLE_CLOSE = "’'"


@dataclass(frozen=True)
class Quote:
    """A quotation: the outer span includes the marks, the inner span is the quoted words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the newline-separated paragraphs of text."""
    for match in re.finditer(r"[^\n]+", text):
        yield match.span()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _could_open(text: str, i: int, start: int) -> bool:
    """A straight or curly mark at i can open a quote: it is not glued to a word on its left."""
    char = text[i]
    if char in "“„«":
        return True
    before = text[i - 1] if i > start else " "
    return not before.isalnum() or before in "([{"


def _double_quotes(text: str, start: int, end: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    for i in range(start, end):
        char = text[i]
        if char not in DOUBLE_MARKS:
            continue
        if open_at is None:
            if _could_open(text, i, start) or char in DOUBLE_OPEN:
                open_at = i
            continue
        if char in "“„«" and i > open_at + 1 and text[i - 1].isspace() and not text[open_at + 1:i].strip().endswith((",", ".")):
            # a fresh opening mark while a quote is open: the earlier mark was never closed
            inner = _trim(text, open_at + 1, i)
            quotes.append(Quote(open_at, inner[1], *inner, closed=False))
            open_at = i
            continue
        inner = _trim(text, open_at + 1, i)
        quotes.append(Quote(open_at, i + 1, *inner))
        open_at = None
    if open_at is not None:
        inner = _trim(text, open_at + 1, end)
        if inner[1] > inner[0]:
            quotes.append(Quote(open_at, inner[1], *inner, closed=False))
    return [q for q in quotes if q.inner_end > q.inner_start]


_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=\S)(.+?)(?<=\S)[’'](?![\w])")


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """British-style ‘quotes’ in a paragraph without double quotes; apostrophes inside words are skipped."""
    quotes = []
    for match in _SINGLE.finditer(text, start, end):
        inner_start, inner_end = match.span(1)
        if len(text[inner_start:inner_end].split()) < 2:
            continue
        quotes.append(Quote(match.start(), match.end(), inner_start, inner_end))
    return quotes


def find_quotes(text: str) -> list[Quote]:
    """All quotations in text, in order, none crossing a paragraph break."""
    found: list[Quote] = []
    for start, end in paragraphs(text):
        paragraph = text[start:end]
        if any(mark in paragraph for mark in DOUBLE_MARKS):
            found.extend(_double_quotes(text, start, end))
        else:
            found.extend(_single_quotes(text, start, end))
    return found


def quote_word_count(text: str, quote: Quote) -> int:
    return len(text[quote.inner_start:quote.inner_end].split())


def is_full_quote(text: str, quote: Quote) -> bool:
    """A quote that reads as an utterance rather than a scare-quoted word or title."""
    inner = text[quote.inner_start:quote.inner_end]
    words = inner.split()
    if len(words) >= 6:
        return True
    return len(words) >= 2 and bool(re.search(r"[.!?,]\W*$", inner))
