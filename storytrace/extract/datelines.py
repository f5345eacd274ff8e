"""Datelines: the place (and wire service) that opens a news paragraph, 'KYIV (Reuters) -'."""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"(?m)^[ \t\u00a0]*((?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?"
    r"\s*(?:\([A-Za-z .&-]{1,40}\))?\s*[—–-]{1,2})\s")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """'KYIV (Reuters) -', 'NEW YORK, March 3 (AP) —': the place and wire service opening a paragraph."""
    return [match.span(1) for match in _DATELINE.finditer(text)]


def dateline_end(text: str, position: int) -> int | None:
    """Where the dateline that opens the paragraph at `position` ends (past its dash and space), or None."""
    match = _DATELINE.match(text, position)
    return match.end() if match else None
