"""Read MEANTIME (NewsReader, CC BY 4.0) CAT XML articles: text with offsets and TIMEX3 gold.

The corpus ships tokens without spacing, so the text is rebuilt with a space between tokens
except before closing punctuation and after opening punctuation, and a newline between
sentences; every gold time expression keeps the character span of its tokens in that text.
The document creation time is the TIMEX3 marked `functionInDocument="CREATION_TIME"`.
`write_sources` writes chosen articles as a story folder (text and metadata sidecar), so that stories
with gold claims on MEANTIME articles (tests/data/meantime_claims) run through the normal pipeline.
"""

from __future__ import annotations

import json
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
    url: str = ""

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


PTB_QUOTES = {"``": '"', "''": '"', "`": "'"}
OPENING_QUOTES = frozenset({"``", "“"})
CLOSING_QUOTES = frozenset({"''", "”"})
QUOTE_REACH = 6  # sentences a quotation may run on before an unclosed mark is taken for a stray one


def quote_roles(words: list[str], sentences: list[int]) -> list[str]:
    """For each token: 'open' or 'close' where it is a quotation mark ('"' alternates, `` and “ open,
    '' and ” close; a single ` opens and the next lone ' of its sentence closes), else ''. An
    opening mark with no closing one within QUOTE_REACH sentences opens nothing."""
    roles = [""] * len(words)
    opened: int | None = None
    single: int | None = None
    for i, word in enumerate(words):
        opens = word in OPENING_QUOTES or (word == '"' and opened is None)
        closes = word in CLOSING_QUOTES or (word == '"' and opened is not None)
        if closes and opened is not None:
            roles[opened], roles[i], opened = "open", "close", None
        elif opens:
            opened = i
        if opened is not None and sentences[i] - sentences[opened] > QUOTE_REACH:
            opened = None
        if word == "'" and single is not None and sentences[i] == sentences[single]:
            roles[single], roles[i], single = "open", "close", None
        elif word == "`":
            single = i
    return roles


def _split_elision(previous: str, word: str) -> bool:
    """'I' ll', 'O' Leary', 'O 'Reilly': a name or contraction the tokeniser cut at its apostrophe."""
    return (len(previous) == 2 and previous[0].isupper() and previous[1] in "'’" and word[:1].isalpha()) or \
        (previous in ("O", "D") and len(word) > 1 and word[0] in "'’" and word[1:2].isupper())


def rebuild_text(tokens: list[tuple[str, int, str]], prose: bool = False) -> tuple[str, dict[str, tuple[int, int]]]:
    """Join (t_id, sentence, word) tokens into text; return it with each token's character span.

    One sentence per line by default (the TIMEX3 gold is scored on that text). `prose` rebuilds what
    a reader saw: the tokeniser's `` and '' are double quotes again, quotation marks sit against
    what they quote, a sentence inside a quotation goes on the same line, so a quote of several
    sentences is one paragraph, and so does a lower-case one after a quote ('"...," | said Harper'),
    and names and contractions cut at an apostrophe are whole again."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0
    roles = quote_roles([w for _, _, w in tokens], [n for _, n, _ in tokens]) if prose else [""] * len(tokens)
    inside = False
    for number, (token_id, sentence, word) in enumerate(tokens):
        previous_sentence = tokens[number - 1][1] if number else None
        previous_word = tokens[number - 1][2] if number else ""
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence:
            gap = " " if inside or (prose and roles[number - 1] == "close" and word[:1].islower()) else "\n"
        elif word in NO_SPACE_BEFORE or previous_word in NO_SPACE_AFTER or roles[number] == "close" \
                or roles[number - 1] == "open" or (prose and _split_elision(previous_word, word)):
            gap = ""
        else:
            gap = " "
        inside = roles[number] == "open" or (inside and roles[number] != "close")
        shown = PTB_QUOTES.get(word, word) if prose else word
        parts.append(gap)
        length += len(gap)
        spans[token_id] = (length, length + len(shown))
        parts.append(shown)
        length += len(shown)
    return "".join(parts), spans


def read_article(path: Path, prose: bool = False) -> MeantimeArticle:
    """Parse one CAT XML file into text, creation date and gold TIMEX3 spans (see `rebuild_text`)."""
    root = ElementTree.parse(path).getroot()
    tokens = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    text, spans = rebuild_text(tokens, prose)
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
    return MeantimeArticle(name=path.stem, text=text, dct=dct, timexes=tuple(timexes), url=root.get("url") or "")


def load_meantime(root: Path | None = None) -> list[MeantimeArticle]:
    """Every English MEANTIME article under root (default: `default_meantime_dir()`)."""
    return [read_article(path) for path in article_files(root or default_meantime_dir())]


def write_sources(names: list[str], folder: Path, root: Path | None = None) -> list[Path]:
    """Write the named articles (file stems, e.g. '127226_U.S._manufacturer_...') into `folder` as
    `<name>.txt` in prose form (see `rebuild_text`) with a `.meta.json` sidecar (outlet Wikinews,
    creation date, url); the written text paths, in the order named. A name that is not in the
    corpus raises FileNotFoundError."""
    by_name = {path.stem: path for path in article_files(root or default_meantime_dir())}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        if name not in by_name:
            raise FileNotFoundError(f"{name}: not a MEANTIME article under {root or default_meantime_dir()}")
        article = read_article(by_name[name], prose=True)
        meta = {"outlet": "Wikinews", "url": article.url or None, "published": article.dct or None,
                "title": article.title, "language": "en"}
        text_path = folder / f"{name}.txt"
        text_path.write_text(article.text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        written.append(text_path)
    return written


def write_story(gold_folder: Path, out: Path, root: Path | None = None) -> Path:
    """A runnable story folder for a gold file over MEANTIME articles: the gold's documents written
    into `out` (see `write_sources`) beside a copy of its gold.yaml; returns `out`."""
    import yaml

    gold_text = (gold_folder / "gold.yaml").read_text(encoding="utf-8")
    documents = yaml.safe_load(gold_text)["documents"]
    write_sources([Path(meta["file"]).stem for meta in documents.values()], out, root)
    (out / "gold.yaml").write_text(gold_text, encoding="utf-8")
    return out
