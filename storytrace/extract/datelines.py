"""Datelines: the place (and wire service) that opens a news paragraph, 'KYIV (Reuters) -'."""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"(?m)^[ \t\u00a0]*((?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?"
    r"\s*(?:\([A-Za-z .&-]{1,40}\))?\s*[—–-]{1,2})\s")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """'KYIV (Reuters) -', 'NEW YORK, March 3 (AP) —': the place and wire service opening a paragraph."""
    return [match.span(1) for match in _DATELINE.finditer(text)]


def past_dateline(text: str, start: int, end: int) -> int:
    """Where a span [start, end) begins once the dateline opening its paragraph at `start` ('LANFORD –
    A private college consultant ...') is left out; `start` when there is none."""
    match = _DATELINE.match(text, start)
    return match.end() if match and match.end() < end else start
