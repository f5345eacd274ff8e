"""How the claim step grows with a story's size (issue 4: grouping must not grow quadratically).

Stories of 15, 30, 60 and 120 articles (prefixes of the sample + MEANTIME corpus, analysed once
per document) go through the dossier step; for each, the claim step's wall time (models loaded
beforehand, median over rounds), its clauses, and the candidate pairs it scores are recorded. The
baseline is what an all-pairs method would do: n(n-1)/2 pairs, time growing with the square of the
clauses. The growth exponent is the log-log slope between the smallest and the largest story
(1 = linear, 2 = quadratic).

    .venv/bin/python benchmarks/claims_scaling.py [--rounds 3] [--sizes 15,30,60,120] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import DEFAULT_MEANTIME, corpus_texts  # noqa: E402


def analyses_of(meantime: Path) -> list:
    """Per-document analyses of the benchmark corpus, computed once."""
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents

    documents = [make_document(text, name, meta, IngestOptions(english_only=False))
                 for name, text, meta in corpus_texts(meantime)]
    return analyze_documents(documents)


def claim_step_seconds(analyses: list) -> tuple[float, int]:
    """Wall seconds the dossier step spends in build_claims for these analyses, and the claims made."""
    from storytrace import pipeline

    original = pipeline.build_claims
    spent = [0.0]

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    pipeline.build_claims = timed
    try:
        dossier = pipeline.build_dossier(analyses)
    finally:
        pipeline.build_claims = original
    return spent[0], len(dossier.claims)


def scored_pairs(analyses: list) -> tuple[int, int]:
    """Clauses of the story and the candidate pairs the claim step scores for them."""
    from storytrace.link import claims as claim_step
    from storytrace.pipeline import build_dossier, story_models

    static, _ = story_models()
    dossier = build_dossier(analyses, link_model=claim_step.LinkModel.load())
    propositions = [p for a in analyses for p in a.propositions]
    context, pairs = claim_step.link_context(propositions, dossier.entities, static, dossier.documents)
    return len(context.props), len(claim_step.linkable_pairs(pairs, context))


def slope(xs: list[float], ys: list[float]) -> float:
    """Log-log slope between the first and the last point."""
    return math.log(ys[-1] / ys[0]) / math.log(xs[-1] / xs[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="15,30,60,120")
    parser.add_argument("--meantime", type=Path, default=DEFAULT_MEANTIME)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from storytrace.pipeline import story_models

    story_models()
    analyses = analyses_of(args.meantime)
    sizes = [n for n in (int(s) for s in args.sizes.split(",")) if n <= len(analyses)]
    rows = []
    for size in sizes:
        story = analyses[:size]
        clauses, pairs = scored_pairs(story)
        seconds = statistics.median(claim_step_seconds(story)[0] for _ in range(args.rounds))
        rows.append({"articles": size, "clauses": clauses, "pairs": pairs, "all_pairs": clauses * (clauses - 1) // 2,
                     "seconds": seconds})
    clauses = [r["clauses"] for r in rows]
    result = {"rows": rows,
              "time_exponent": slope(clauses, [r["seconds"] for r in rows]),
              "pairs_exponent": slope(clauses, [r["pairs"] for r in rows]),
              "baseline_exponent": slope(clauses, [r["all_pairs"] for r in rows])}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    for r in rows:
        print(f"{r['articles']:4d} articles  {r['clauses']:6d} clauses  {r['pairs']:7d} scored pairs "
              f"({r['pairs'] / r['clauses']:.1f} per clause; all pairs {r['all_pairs']})  claim step {r['seconds']:.2f}s "
              f"({1000 * r['seconds'] / r['clauses']:.2f} ms per clause)")
    print(f"growth exponent over clauses: time {result['time_exponent']:.2f}, scored pairs "
          f"{result['pairs_exponent']:.2f}; all-pairs baseline {result['baseline_exponent']:.2f} (2 = quadratic)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
