"""Hard-wrapped text: plain text broken into lines of a fixed width (e-mail, wire copy, text taken
from PDFs), where a line break inside a paragraph is only where the next word did not fit. The
parser and the line-based rules read such a break as the end of a sentence or a paragraph, so
statements stop at the line's end and quotes that run over a line are lost. `unwrapped` turns these
soft breaks into spaces; it keeps the text's length, so every offset still points at the same
character of the file read.
"""

from __future__ import annotations

import re

# A document is read as hard-wrapped when its lines are wrapped at a width in this range ...
MIN_WIDTH, MAX_WIDTH = 50, 100
# ... and at least this many line breaks inside its paragraphs are soft, making up this share of them.
MIN_SOFT_BREAKS = 3
MIN_SOFT_SHARE = 0.6
# A line is full when it comes within this many characters of the width (wrappers break at a word).
SLACK = 2
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–—]|\d{1,3}[.)]|[A-Za-z][.)])[ \t]+")
# A speaker's or a question's label opening a line ('MR PRICE:', 'QUESTION:', 'Q.', 'A:') starts a turn.
_TURN_LABEL = re.compile(r"[ \t]*(?:[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,5}[ \t]*:|"
                         r"(?:Q|A|Question|Answer)[ \t]*[:.])[ \t]")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line ending ('\\n' or '\\r\\n')."""
    spans = []
    start = 0
    for match in re.finditer(r"\r?\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def wrap_width(text: str) -> int | None:
    """The width the text was wrapped at: the 90th percentile of the lengths of lines that have a
    non-blank line after them (a stray long line, a URL or a headline, does not set it). None when
    it is not between MIN_WIDTH and MAX_WIDTH (a letterhead's stacked short lines) or when more
    than a tenth of the lines are longer (a document of a paragraph per line)."""
    lines = _lines(text)
    lengths = sorted(end - start for (start, end), (next_start, next_end) in zip(lines, lines[1:])
                     if text[start:end].strip() and text[next_start:next_end].strip())
    if len(lengths) < MIN_SOFT_BREAKS:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    longer = sum(1 for start, end in lines if end - start > width + SLACK)
    return width if longer <= 0.1 * sum(1 for start, end in lines if text[start:end].strip()) else None


def soft_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the line endings that only wrap a paragraph: between two non-blank lines, after a
    line that came within SLACK of the width or that the next line's first word would have
    overfilled, and not before a list item or a speaker's label. Empty unless the text reads as
    hard-wrapped."""
    width = wrap_width(text)
    if width is None:
        return []
    lines = _lines(text)
    found, inside = [], 0
    for (start, end), (next_start, next_end) in zip(lines, lines[1:]):
        line, following = text[start:end].rstrip(), text[next_start:next_end]
        if not line.strip() or not following.strip() or _LIST_ITEM.match(following) or _TURN_LABEL.match(following):
            continue
        inside += 1
        first_word = following.split()[0]
        if len(line) >= width - SLACK or len(line) + 1 + len(first_word) > width:
            found.append((end, next_start))
    if len(found) < MIN_SOFT_BREAKS or len(found) < MIN_SOFT_SHARE * inside:
        return []
    return found


def unwrapped(text: str) -> str:
    """text with its soft line breaks written as spaces (same length, so offsets carry over)."""
    breaks = soft_breaks(text)
    if not breaks:
        return text
    pieces, last = [], 0
    for start, end in breaks:
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
