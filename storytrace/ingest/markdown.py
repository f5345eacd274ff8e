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


# Each kind of markup with the characters it cannot be written without (a text lacking them is skipped).
_WHOLE = ((HEADING, "#"), (BLOCK_QUOTE, ">"), (RULE, ("---", "***", "___", "- -", "* *", "_ _")), (IMAGE, "!["))
_ENDS = ((EMPHASIS, ("*", "_")), (CODE, "`"))


def _present(text: str, marks: str | tuple[str, ...]) -> bool:
    return any(mark in text for mark in marks) if isinstance(marks, tuple) else marks in text


def unmarked(text: str) -> str:
    """text with its Markdown markup written as spaces (same length, so offsets carry over)."""
    blanks: list[tuple[int, int]] = []
    for pattern, marks in _WHOLE:
        if _present(text, marks):
            blanks.extend(m.span() for m in pattern.finditer(text))
    if "](" in text:
        for match in LINK.finditer(text):
            blanks.extend(((match.start(), match.start("words")), (match.end("words"), match.end())))
    if "**" in text or "__" in text:
        for match in STRONG.finditer(text):
            blanks.extend(((match.start(), match.start() + 2), (match.end() - 2, match.end())))
    for pattern, marks in _ENDS:
        if _present(text, marks):
            for match in pattern.finditer(text):
                blanks.extend(((match.start(), match.start() + 1), (match.end() - 1, match.end())))
    if not blanks:
        return text
    chars = list(text)
    for start, end in blanks:
        _blank(chars, start, end)
    return "".join(chars)
