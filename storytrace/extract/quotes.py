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


# "'90s" opens nothing; a quotation runs at most MAX_SINGLE_QUOTE characters, so a paragraph of stray
# marks is read in linear time
MAX_SINGLE_QUOTE = 1500
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[^\s\d])(.{1,%d}?)(?<=\S)[’'](?![\w])" % MAX_SINGLE_QUOTE)


# A single mark opening a quote that its paragraph never closes: it goes on in the next paragraph.
_SINGLE_UNCLOSED = re.compile(r"(?<![\w’'])[‘'](?=[A-Z])")
MIN_UNCLOSED_WORDS = 3


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """British-style ‘quotes’ in a paragraph without double quotes; apostrophes inside words are
    skipped. The paragraph's last quote may be left open ('People missed hospital appointments.')."""
    quotes = []
    for match in _SINGLE.finditer(text, start, end):
        inner_start, inner_end = match.span(1)
        if len(text[inner_start:inner_end].split()) < 2:
            continue
        quotes.append(Quote(match.start(), match.end(), inner_start, inner_end))
    rest = quotes[-1].end if quotes else start
    opening = _SINGLE_UNCLOSED.search(text, rest, end)
    if opening is not None and not re.search(r"(?<=\S)[’'](?!\w)", text[opening.end():end]):  # 'island's' is no close
        inner_start, inner_end = _trim(text, opening.end(), end)
        if len(text[inner_start:inner_end].split()) >= MIN_UNCLOSED_WORDS:
            quotes.append(Quote(opening.start(), inner_end, inner_start, inner_end, closed=False))
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
    if len(words) == 1:  # '"No," Smith said when asked if ...': a one-word answer is an utterance
        return bool(re.fullmatch(r"\W*(?:no|yes|never|nope)[.!?,]\W*", inner, flags=re.IGNORECASE))
    return len(words) >= 2 and bool(re.search(r"[.!?,]\W*$", inner))


# A speech verb (not 'added to'), then up to a few words and a colon with no quotation mark after it: what follows is
# reproduced as written ('Jobs's email, which reads: Team, At my request, ...', 'said in a statement:'
# with the statement set out in the next paragraph, as a web page's block quote arrives).
BLOCK_INTRO = re.compile(r"\b(?:reads?|reading|said|says|stated|states|wrote|writes|added|adds|declared|announced|"
                         r"posted|tweeted)\b(?!\s+to\b)[^.:;\n\"“”]{0,80}(?<!\d):(?!\d)[ \t]*")  # lower case: not 'United States'; not '12:00'
FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur)\b")
ATTRIBUTED = re.compile(r"\b(?:said|says|added|adds|told|wrote|according to)\b", re.IGNORECASE)


def block_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Text reproduced after a speech verb and a colon without quotation marks, as quotes without
    marks: the rest of the colon's paragraph (or, when the colon ends it, the next paragraph), and
    the paragraphs after that go on in the first person ('I will continue as CEO ...') with no
    quotation or attribution of their own."""
    found: list[Quote] = []
    for match in BLOCK_INTRO.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not text[line_start:match.start()].strip() or any(q.start <= match.start() < q.end for q in quotes):
            continue  # 'Read more:' opens a line; a colon inside a quotation is the speaker's own
        line_end = _line_end(text, match.end())
        if any(match.end() <= q.start < line_end for q in quotes) or (found and match.start() < found[-1].end):
            continue  # a real quotation follows
        spans = [(match.end(), line_end)] if text[match.end():line_end].strip() else []
        cursor = line_end
        while cursor < len(text):
            start = cursor + 1
            end = _line_end(text, start)
            paragraph = text[start:end]
            cursor = end
            if not paragraph.strip():
                continue
            if any(mark in paragraph for mark in DOUBLE_MARKS) or ATTRIBUTED.search(paragraph) or \
                    (spans and not FIRST_PERSON.search(paragraph)):
                break  # a quotation, a statement attributed on its own, or the reporter again
            spans.append((start, end))
        for start, end in spans:
            start, end = _trim(text, start, end)
            if end > start:
                found.append(Quote(start, end, start, end))
    return found


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end
