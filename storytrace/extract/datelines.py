"""Datelines: the place (and wire service) that opens a news paragraph, 'KYIV (Reuters) -'."""

from __future__ import annotations

import re

_DATELINE = re.compile(  # the place may be left out before the wire's name: '(Reuters) - Halden Foods is ...'
    r"(?m)^[ \t\u00a0]*((?:(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?"
    r"\s*(?:\([A-Za-z .&-]{1,40}\))?|\([A-Z][A-Za-z .&-]{1,39}\))\s*[—–-]{1,2})\s")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """'KYIV (Reuters) -', 'NEW YORK, March 3 (AP) —': the place and wire service opening a paragraph."""
    return [match.span(1) for match in _DATELINE.finditer(text)]


def past_dateline(text: str, start: int, end: int) -> int:
    """Where a span [start, end) begins once the dateline opening its paragraph at or around `start`
    ('LANFORD – A private college consultant ...') is left out; `start` when there is none."""
    line_start = text.rfind("\n", 0, start) + 1  # the span may begin inside it: 'Reuters) - Halden Foods ...'
    match = _DATELINE.match(text, line_start)
    return match.end() if match and start < match.end() < end else start
