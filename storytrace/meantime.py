"""Read MEANTIME (NewsReader, CC BY 4.0) CAT XML articles: text with offsets and TIMEX3 gold.

The corpus ships tokens without spacing, so the text is rebuilt with a space between tokens
except before closing punctuation and after opening punctuation, and a newline between
sentences; every gold time expression keeps the character span of its tokens in that text.
The document creation time is the TIMEX3 marked `functionInDocument="CREATION_TIME"`.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

MEANTIME_ENV = "STORYTRACE_MEANTIME"
NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve",
                             "'ll", "'d", "'m", "''", "”", "’s"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "#"})


@dataclass(frozen=True)
class GoldTimex:
    """One gold TIMEX3: character span in the rebuilt text, type and normalised value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class MeantimeArticle:
    """One article: rebuilt text, its creation date (YYYY-MM-DD) and gold time expressions."""

    name: str
    text: str
    dct: str
    timexes: tuple[GoldTimex, ...]

    @property
    def title(self) -> str:
        """The headline: the first line (sentence 0) of the rebuilt text."""
        return self.text.split("\n", 1)[0]


def default_meantime_dir() -> Path:
    """$STORYTRACE_MEANTIME, else ../shared/eval/meantime beside the project checkout."""
    configured = os.environ.get(MEANTIME_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "shared" / "eval" / "meantime"


def article_files(root: Path) -> list[Path]:
    """The 120 English articles (the intra-document annotation), sorted by path."""
    folder = root / "intra-doc_annotation"
    return sorted(folder.glob("*/*.xml")) if folder.is_dir() else []


def rebuild_text(tokens: list[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Join (t_id, sentence, word) tokens into text; return it with each token's character span."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0
    previous_sentence: int | None = None
    previous_word = ""
    for token_id, sentence, word in tokens:
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence:
            gap = "\n"
        elif word in NO_SPACE_BEFORE or previous_word in NO_SPACE_AFTER:
            gap = ""
        else:
            gap = " "
        parts.append(gap)
        length += len(gap)
        spans[token_id] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        previous_sentence, previous_word = sentence, word
    return "".join(parts), spans


def read_article(path: Path) -> MeantimeArticle:
    """Parse one CAT XML file into text, creation date and gold TIMEX3 spans."""
    root = ElementTree.parse(path).getroot()
    tokens = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    text, spans = rebuild_text(tokens)
    timexes: list[GoldTimex] = []
    dct = ""
    for node in root.iter("TIMEX3"):
        anchors = [spans[a.get("t_id", "")] for a in node.iter("token_anchor") if a.get("t_id", "") in spans]
        if node.get("functionInDocument") == "CREATION_TIME":
            dct = (node.get("value") or "")[:10]
        if not anchors:
            continue
        start, end = min(s for s, _ in anchors), max(e for _, e in anchors)
        timexes.append(GoldTimex(start, end, text[start:end], node.get("type", ""), node.get("value", "")))
    timexes.sort(key=lambda t: (t.start, t.end))
    return MeantimeArticle(name=path.stem, text=text, dct=dct, timexes=tuple(timexes))


def load_meantime(root: Path | None = None) -> list[MeantimeArticle]:
    """Every English MEANTIME article under root (default: `default_meantime_dir()`)."""
    return [read_article(path) for path in article_files(root or default_meantime_dir())]
