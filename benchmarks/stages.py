"""What the timeline and the claims cost, as shares of `analyze` time measured in the same run.

1. Timeline (issue 3, target <= 10%): over the sample story and the 120 MEANTIME articles, the time
   spent in time-expression tagging and event anchoring (`extract_events`, per document) against
   the rest of per-document analysis (parse + mentions + statements + propositions), same run.
2. Claims (issue 4, target <= 25%): for a 20-article story (the 20 first articles of one MEANTIME
   topic), the wall time the claim step adds to `analyze` (embedding, grouping, stance, origins):
   analyze with claims against analyze without, back to back, models loaded beforehand.

    .venv/bin/python benchmarks/stages.py [--rounds 3] [--topic corpus_gm] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import DEFAULT_MEANTIME, corpus_texts, write_corpus  # noqa: E402


def _documents(items: list[tuple[str, str, dict]]):
    from storytrace.ingest import IngestOptions, make_document

    return [make_document(text, name, meta, IngestOptions(english_only=False)) for name, text, meta in items]


class Stopwatch:
    """Wraps a function and adds up the seconds spent inside it."""

    def __init__(self, function):
        self.function = function
        self.seconds = 0.0

    def __call__(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start


def timeline_share(documents) -> dict:
    """Seconds in extract_events against the rest of per-document analysis, one pass."""
    from storytrace import pipeline

    watch = Stopwatch(pipeline.extract_events)
    original = pipeline.extract_events
    pipeline.extract_events = watch
    try:
        start = time.perf_counter()
        pipeline.analyze_batch(documents)
        total = time.perf_counter() - start
    finally:
        pipeline.extract_events = original
    rest = total - watch.seconds
    return {"analyze_s": total, "timeline_s": watch.seconds, "share": watch.seconds / rest}


def story_seconds(folder: Path, with_claims: bool) -> tuple[float, int]:
    """Wall seconds of analyze_paths on one story folder, with or without the claim step."""
    from storytrace import pipeline

    original_build = pipeline.build_claims
    if not with_claims:
        pipeline.build_claims = lambda *args, **kwargs: []
    try:
        start = time.perf_counter()
        dossier, _ = pipeline.analyze_paths([folder])
        return time.perf_counter() - start, len(dossier.claims)
    finally:
        pipeline.build_claims = original_build


def claims_share(folder: Path) -> dict:
    """Share of one story's analyze wall time that the claim step adds (embedding, grouping,
    stance, origins), measured as analyze with claims against analyze without, back to back."""
    without_s, _ = story_seconds(folder, with_claims=False)
    with_s, claims = story_seconds(folder, with_claims=True)
    return {"analyze_s": with_s, "without_claims_s": without_s, "claims_s": with_s - without_s,
            "share": max(0.0, with_s - without_s) / with_s, "claims": claims}


def topic_items(meantime: Path, topic: str, count: int) -> list[tuple[str, str, dict]]:
    from storytrace.meantime import read_article

    files = sorted((meantime / "intra-doc_annotation" / topic).glob("*.xml"))[:count]
    items = []
    for path in files:
        article = read_article(path)
        items.append((path.stem + ".txt", article.text, {"published": article.dct, "title": article.title}))
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--meantime", type=Path, default=DEFAULT_MEANTIME)
    parser.add_argument("--topic", default="corpus_gm")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from storytrace.nlp import load_nlp
    from storytrace.pipeline import story_models

    load_nlp()
    story_models()
    corpus = _documents(corpus_texts(args.meantime))
    story_items = topic_items(args.meantime, args.topic, 20) if args.meantime.exists() else corpus_texts(args.meantime)
    timeline = [timeline_share(corpus) for _ in range(args.rounds)]
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(story_items, Path(tmp))
        claims = [claims_share(Path(tmp)) for _ in range(args.rounds)]
    story = story_items
    result = {
        "timeline": {"articles": len(corpus), "rounds": timeline,
                     "share": statistics.median(r["share"] for r in timeline), "target": 0.10},
        "claims": {"articles": len(story), "rounds": claims,
                   "share": statistics.median(r["share"] for r in claims), "target": 0.25},
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    for r in timeline:
        print(f"timeline: analyze {r['analyze_s']:.2f}s, tagging+anchoring {r['timeline_s']:.3f}s, share {r['share']:.3f}")
    print(f"timeline share of analyze ({len(corpus)} articles): {result['timeline']['share']:.3f} (target <= 0.10)")
    for r in claims:
        print(f"claims: analyze {r['analyze_s']:.2f}s, without claims {r['without_claims_s']:.2f}s "
              f"({r['claims']} claims), share {r['share']:.3f}")
    print(f"claims share of analyze ({len(story)}-article story): {result['claims']['share']:.3f} (target <= 0.25)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
