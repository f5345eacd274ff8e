"""Markdown markup in a text (a scraper's or a reader app's output saved as .txt or JSONL): heading and
quote markers, emphasis, links, images, code marks and rules. The parser reads '**Westwave** said'
as something other than a name saying something, and line rules see '# Title' or '*By ...*' where a
headline or a byline stands. `unmarked` writes the markup as spaces, keeping a link's words and
dropping its address; the text keeps its length, so every offset still points at the same
character of the file read.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
BLOCK_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)
RULE = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*(?:[ \t]+\"[^\"\n]*\")?\)")
LINK = re.compile(r"\[(?P<words>[^\]\n]+)\](?P<target>\((?:https?://|/|#|mailto:)[^)\s]*(?:[ \t]+\"[^\"\n]*\")?\))")
STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(?:(?!\1).){1,300}?(?<=\S)\1(?![\w*])")
EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])[^*\n]{1,300}?(?<=[^\s*])\*(?![\w*])|"
                      r"(?<![\w_])_(?=[^\s_])[^_\n]{1,300}?(?<=[^\s_])_(?![\w_])")
CODE = re.compile(r"(?<!`)`(?=[^`\s])([^`\n]{1,200})(?<=[^`\s])`(?!`)")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def unmarked(text: str) -> str:
    """text with its Markdown markup written as spaces (same length, so offsets carry over)."""
    if not any(mark in text for mark in "#>*_[`-"):
        return text
    chars = list(text)
    for pattern in (HEADING, BLOCK_QUOTE, RULE, IMAGE):
        for match in pattern.finditer(text):
            _blank(chars, match.start(), match.end())
    for match in LINK.finditer(text):
        _blank(chars, match.start(), match.start("words"))
        _blank(chars, match.end("words"), match.end())
    for match in STRONG.finditer(text):
        _blank(chars, match.start(), match.start() + 2)
        _blank(chars, match.end() - 2, match.end())
    for pattern in (EMPHASIS, CODE):
        for match in pattern.finditer(text):
            _blank(chars, match.start(), match.start() + 1)
            _blank(chars, match.end() - 1, match.end())
    return "".join(chars)
