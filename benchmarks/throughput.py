"""Articles per second of `storytrace analyze` against spaCy parsing alone, on the same documents.

The corpus is the sample story plus the 120 MEANTIME articles (../shared/eval/meantime), written
to a temporary directory as .txt files with metadata sidecars, so `analyze` pays for ingest,
parsing, extraction, linking (entities, timeline, claims, provenance) and writing dossier.json,
exactly as the CLI does. The baseline is the plain spaCy model's `nlp.pipe` over the same texts.
Both pipelines (and the claim step's embedding and stance models) are loaded before timing;
rounds alternate baseline and analyze so machine noise hits both alike. The printed ratio is
analyze articles/s divided by spaCy articles/s (median over rounds).

    .venv/bin/python benchmarks/throughput.py [--rounds 3] [--workers 1] [--meantime DIR] [--json] [--without-claims]
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
DEFAULT_MEANTIME = ROOT.parent / "shared" / "eval" / "meantime"


def corpus_texts(meantime: Path) -> list[tuple[str, str, dict]]:
    """(name, text, metadata) for the sample story and every MEANTIME article found."""
    items = []
    for path in sorted((ROOT / "examples" / "putin-veto").glob("*.txt")):
        meta_path = path.with_name(path.stem + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        items.append((path.name, path.read_text(encoding="utf-8"), meta))
    if meantime.exists():
        from storytrace.meantime import load_meantime

        for number, doc in enumerate(load_meantime(meantime)):
            items.append((f"meantime-{number:03d}.txt", doc.text, {"published": doc.dct, "title": doc.title}))
    return items


def write_corpus(items: list[tuple[str, str, dict]], folder: Path) -> None:
    for name, text, meta in items:
        (folder / name).write_text(text, encoding="utf-8")
        (folder / (name[:-4] + ".meta.json")).write_text(json.dumps(meta), encoding="utf-8")


def time_spacy(nlp, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start


def time_analyze(folder: Path, out: Path, workers: int) -> float:
    from storytrace.pipeline import analyze_paths
    from storytrace.report import write_outputs

    start = time.perf_counter()
    dossier, _ = analyze_paths([folder], workers=workers)
    write_outputs(dossier, out, ["json"])
    return time.perf_counter() - start


def run(rounds: int, workers: int, meantime: Path) -> dict:
    import spacy

    from storytrace.nlp import MODEL_CANDIDATES, load_nlp

    from storytrace.pipeline import story_models

    items = corpus_texts(meantime)
    texts = [text for _, text, _ in items]
    load_nlp()
    story_models()  # the claim step's models, loaded once per process like spaCy's
    plain = None
    for name in MODEL_CANDIDATES:
        try:
            plain = spacy.load(name)
            break
        except OSError:
            continue
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "corpus", Path(tmp) / "out"
        folder.mkdir()
        write_corpus(items, folder)
        time_spacy(plain, texts[:4])  # warm both paths once
        rows = []
        for _ in range(rounds):
            spacy_s = time_spacy(plain, texts)
            analyze_s = time_analyze(folder, out, workers)
            rows.append({"spacy_s": spacy_s, "analyze_s": analyze_s, "ratio": spacy_s / analyze_s})
    n = len(texts)
    ratio = statistics.median(r["ratio"] for r in rows)
    return {
        "articles": n,
        "words": sum(len(t.split()) for t in texts),
        "rounds": rows,
        "spacy_articles_per_s": n / statistics.median(r["spacy_s"] for r in rows),
        "analyze_articles_per_s": n / statistics.median(r["analyze_s"] for r in rows),
        "ratio": ratio,
        "target": 0.7,
        "workers": workers,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--meantime", type=Path, default=DEFAULT_MEANTIME)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--without-claims", action="store_true",
                        help="leave the story-level claim step out, to see what the rest costs")
    args = parser.parse_args(argv)
    if args.without_claims:
        from storytrace import pipeline

        pipeline.build_claims = lambda *arguments, **options: []
    result = run(args.rounds, args.workers, args.meantime)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    for number, row in enumerate(result["rounds"], start=1):
        print(f"round {number}: spaCy {row['spacy_s']:.2f}s  analyze {row['analyze_s']:.2f}s  ratio {row['ratio']:.2f}")
    print(f"{result['articles']} articles ({result['words']:,} words)")
    print(f"spaCy parse alone: {result['spacy_articles_per_s']:.1f} articles/s")
    print(f"storytrace analyze: {result['analyze_articles_per_s']:.1f} articles/s (workers={result['workers']})")
    print(f"ratio analyze/spaCy: {result['ratio']:.2f} (target >= {result['target']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
