"""Score `storytrace.extract.timex.tag_timexes` TempEval-3 style on MEANTIME or a TimeML folder.

    .venv/bin/python benchmarks/timex_eval.py                 # MEANTIME (../shared/eval/meantime)
    .venv/bin/python benchmarks/timex_eval.py --json          # machine-readable
    .venv/bin/python benchmarks/timex_eval.py --misses 40     # error analysis
    .venv/bin/python benchmarks/timex_eval.py --dir some/tml  # TempEval-3 .tml files

Metrics: strict extent P/R/F1 (exact span), relaxed extent P/R/F1 (any overlap, one-to-one),
value accuracy and type accuracy over relaxed-matched pairs, and value F1 (a relaxed match
with an equal value is a true positive; TempEval-3's "value F1").
Articles whose DCT is missing or malformed are tagged against `estimate_published(text)`
(dct_estimated=True), as the pipeline does for undated articles.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from storytrace.extract.timex import estimate_published, tag_timexes  # noqa: E402


@dataclass(frozen=True)
class Span:
    """A gold or predicted time expression: character span, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    """A scored document: text, creation date and gold spans."""

    name: str
    text: str
    dct: str
    gold: list[Span]
    scored_end: int | None = None


@dataclass
class Tally:
    """Counts accumulated over documents, turned into metrics by `metrics`."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    misses: list[str] = field(default_factory=list)


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 (0 when undefined)."""
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def match_relaxed(gold: list[Span], predicted: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one overlap matching: exact spans first, then greatest overlap, left to right."""
    pairs: list[tuple[Span, Span]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    exact = {(g.start, g.end): i for i, g in enumerate(gold)}
    for j, p in enumerate(predicted):
        i = exact.get((p.start, p.end))
        if i is not None and i not in used_gold:
            pairs.append((gold[i], p))
            used_gold.add(i)
            used_pred.add(j)
    options = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and i not in used_gold and j not in used_pred:
                options.append((-overlap, g.start, i, j))
    for _, _, i, j in sorted(options):
        if i in used_gold or j in used_pred:
            continue
        pairs.append((gold[i], predicted[j]))
        used_gold.add(i)
        used_pred.add(j)
    return pairs


def score_document(doc: Document, predicted: list[Span], tally: Tally, keep_misses: bool = False) -> None:
    """Add one document's counts to tally (and its misses/false positives when asked).

    Only predictions starting before `doc.scored_end` count (MEANTIME annotates the first sentences).
    """
    if doc.scored_end is not None:
        predicted = [p for p in predicted if p.start < doc.scored_end]
    tally.gold += len(doc.gold)
    tally.predicted += len(predicted)
    gold_spans = {(g.start, g.end) for g in doc.gold}
    tally.strict += sum(1 for p in predicted if (p.start, p.end) in gold_spans)
    pairs = match_relaxed(doc.gold, predicted)
    tally.relaxed += len(pairs)
    tally.value += sum(1 for g, p in pairs if g.value == p.value)
    tally.type += sum(1 for g, p in pairs if g.type == p.type)
    if not keep_misses:
        return
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}

    def context(span: Span) -> str:
        return doc.text[max(0, span.start - 30):span.end + 20].replace("\n", " | ")

    for g in doc.gold:
        if id(g) not in matched_gold:
            tally.misses.append(f"MISS  {doc.name} dct={doc.dct} {g.text!r} {g.type} {g.value}  «{context(g)}»")
    for p in predicted:
        if id(p) not in matched_pred:
            tally.misses.append(f"FP    {doc.name} dct={doc.dct} {p.text!r} {p.type} {p.value}  «{context(p)}»")
    for g, p in pairs:
        if g.value != p.value or (g.start, g.end) != (p.start, p.end):
            tag = "VALUE" if g.value != p.value else "SPAN "
            tally.misses.append(f"{tag} {doc.name} dct={doc.dct} gold {g.text!r} {g.type} {g.value} | "
                                f"ours {p.text!r} {p.type} {p.value}  «{context(g)}»")


def metrics(tally: Tally) -> dict[str, object]:
    """TempEval-3 style figures from a tally."""
    relaxed = _prf(tally.relaxed, tally.predicted, tally.gold)
    value_f1 = _prf(tally.value, tally.predicted, tally.gold)
    return {
        "gold": tally.gold,
        "predicted": tally.predicted,
        "strict": _prf(tally.strict, tally.predicted, tally.gold),
        "relaxed": relaxed,
        "value_accuracy": round(tally.value / tally.relaxed, 4) if tally.relaxed else 0.0,
        "type_accuracy": round(tally.type / tally.relaxed, 4) if tally.relaxed else 0.0,
        "value": value_f1,
    }


def _valid_dct(dct: str) -> bool:
    """A YYYY-MM-DD creation date."""
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", dct or ""))


def predict(doc: Document) -> list[Span]:
    """Run the tagger on a document (estimating the DCT when it is missing or malformed)."""
    if _valid_dct(doc.dct):
        timexes = tag_timexes(doc.text, doc.dct)
    else:
        timexes = tag_timexes(doc.text, estimate_published(doc.text), dct_estimated=True)
    return [Span(t.start, t.end, t.text, t.type, t.value) for t in timexes]


def evaluate(documents: list[Document], keep_misses: bool = False) -> tuple[dict[str, object], Tally]:
    """Tag every document and score it; returns (metrics, tally)."""
    tally = Tally()
    began = time.perf_counter()
    for doc in documents:
        score_document(doc, predict(doc), tally, keep_misses)
    elapsed = time.perf_counter() - began
    result = metrics(tally)
    result["documents"] = len(documents)
    result["ms_per_document"] = round(1000 * elapsed / max(1, len(documents)), 3)
    return result, tally


MEANTIME_ANNOTATED_SENTENCES = 6


def annotated_end(text: str, sentences: int = MEANTIME_ANNOTATED_SENTENCES) -> int:
    """End of the first `sentences` lines: MEANTIME annotates only the headline and first sentences
    (title + 5), so predictions after that are not scored (the tagger still reads the whole text)."""
    position = 0
    for _ in range(sentences):
        position = text.find("\n", position)
        if position < 0:
            return len(text)
        position += 1
    return position - 1


def meantime_documents(root: Path | None = None) -> list[Document]:
    """MEANTIME articles as scoring documents (empty when the corpus is absent)."""
    from storytrace.meantime import load_meantime

    return [Document(a.name, a.text, a.dct, [Span(t.start, t.end, t.text, t.type, t.value) for t in a.timexes],
                     annotated_end(a.text))
            for a in load_meantime(root)]


TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def parse_tml(source: str, name: str = "") -> Document:
    """A TempEval-3 .tml document: DCT value and the inline TIMEX3 spans of <TEXT> (tags removed)."""
    dct = ""
    dct_block = re.search(r"<DCT>(.*?)</DCT>", source, re.DOTALL)
    if dct_block:
        found = TIMEX_TAG.search(dct_block.group(1))
        if found:
            dct = dict(ATTRIBUTE.findall(found.group(1))).get("value", "")[:10]
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", source, re.DOTALL)
    body = body_match.group(1) if body_match else source
    text_parts: list[str] = []
    gold: list[Span] = []
    length = 0
    position = 0
    for match in re.finditer(r"<TIMEX3\b([^>]*)>|</TIMEX3>|<[^>]+>", body):
        chunk = html.unescape(body[position:match.start()])
        text_parts.append(chunk)
        length += len(chunk)
        position = match.end()
        tag = match.group()
        if tag.startswith("<TIMEX3"):
            attributes = dict(ATTRIBUTE.findall(match.group(1)))
            gold.append(Span(length, -1, "", attributes.get("type", ""), attributes.get("value", "")))
        elif tag == "</TIMEX3>" and gold and gold[-1].end == -1:
            opened = gold.pop()
            gold.append(Span(opened.start, length, "", opened.type, opened.value))
    chunk = html.unescape(body[position:])
    text_parts.append(chunk)
    text = "".join(text_parts)
    spans = [Span(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in gold if g.end >= g.start]
    return Document(name, text, dct, spans)


def tml_documents(folder: Path) -> list[Document]:
    """Every .tml file under folder, parsed."""
    return [parse_tml(path.read_text(encoding="utf-8"), path.stem) for path in sorted(folder.rglob("*.tml"))]


def _print_report(result: dict[str, object]) -> None:
    """Human-readable metrics."""
    print(f"documents {result['documents']}  gold {result['gold']}  predicted {result['predicted']}  "
          f"({result['ms_per_document']} ms/document)")
    for key in ("strict", "relaxed", "value"):
        m = result[key]
        label = {"strict": "strict extent", "relaxed": "relaxed extent", "value": "value"}[key]
        print(f"{label:15s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    print(f"value accuracy {result['value_accuracy']:.3f}  type accuracy {result['type_accuracy']:.3f}")


def main(argv: list[str] | None = None) -> int:
    """Command line: score MEANTIME (default) or --dir of TimeML files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--meantime", type=Path, default=None, help="MEANTIME root (default ../shared/eval/meantime)")
    parser.add_argument("--dir", type=Path, default=None, help="score a folder of TempEval-3 .tml files instead")
    parser.add_argument("--json", action="store_true", help="print metrics as JSON")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="print N misses / false positives")
    args = parser.parse_args(argv)
    documents = tml_documents(args.dir) if args.dir else meantime_documents(args.meantime)
    if not documents:
        print("no documents found", file=sys.stderr)
        return 1
    result, tally = evaluate(documents, keep_misses=bool(args.misses))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_report(result)
    for line in tally.misses[: args.misses]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
