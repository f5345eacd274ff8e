"""Train the claim step's link model: the probability that two propositions state one claim.

Data: self-authored multi-document stories with gold claims (training/data/claim_stories_dev/*,
each a folder of documents and a gold.yaml in the shared gold format). Each story is analysed with
the real pipeline; propositions covering at least half of a gold side's anchor are labelled with
that side's claim. Candidate pairs of labelled propositions (the pairs the claim step would score)
are positives when the two share a gold claim and negatives otherwise. A logistic regression over
`LINK_FEATURES` is fitted (numpy IRLS with a small ridge, deterministic); then the grouping
threshold is chosen by running the real claim step on every dev story and maximising the mean F1
of claim_grouping_recall and claim_grouping_precision, scored exactly as `storytrace evaluate`,
then raising it as far as mean recall stays at RECALL_FLOOR (`choose_threshold`).

    .venv/bin/python training/train_linker.py            # train, report, write storytrace/data/claims/linker.json
    .venv/bin/python training/train_linker.py --check    # report the shipped model on dev and report sets
    .venv/bin/python training/train_linker.py --report tests/data/claim_stories/*   # also score other stories
    .venv/bin/python training/train_linker.py --check --report tests/data/meantime_claims/*   # real news (MEANTIME)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storytrace.evaluate import evaluate, find_anchor  # noqa: E402
from storytrace.ingest import read_sources  # noqa: E402
from storytrace.link import claims as claim_step  # noqa: E402
from storytrace.meantime import write_story  # noqa: E402
from storytrace.pipeline import analyze_documents, build_dossier, story_models  # noqa: E402
from storytrace.schema import Dossier, Proposition, dumps  # noqa: E402

DEV = ROOT / "training" / "data" / "claim_stories_dev"
OUT = ROOT / "storytrace" / "data" / "claims" / "linker.json"
RIDGE = 1.0
THRESHOLDS = tuple(round(0.02 + 0.01 * i, 2) for i in range(19)) + (0.25, 0.30, 0.40, 0.50)
# The recall target for unseen stories: once it is met, precision comes first.
RECALL_FLOOR = 0.60


@dataclass
class Story:
    name: str
    gold: dict
    texts: dict[str, str]
    dossier: Dossier
    propositions: list[Proposition]


def bootstrap_model() -> claim_step.LinkModel:
    """The shipped model, or one that links nothing while the shipped one predates LINK_FEATURES
    (the stories' claims are rebuilt under each candidate model anyway)."""
    try:
        return claim_step.LinkModel.load()
    except ValueError:
        return claim_step.LinkModel(claim_step.LINK_FEATURES, np.zeros(len(claim_step.LINK_FEATURES)), 0.0, 1.0)


@contextlib.contextmanager
def runnable_folder(folder: Path) -> Iterator[Path]:
    """The story folder itself, or for a gold over MEANTIME articles (tests/data/meantime_claims, no
    texts beside the gold) a temporary folder with the articles written out, removed afterwards."""
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    if all((folder / meta["file"]).is_file() for meta in gold["documents"].values()):
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix=f"{folder.name}-") as scratch:
        yield write_story(folder, Path(scratch) / folder.name)


def load_story(folder: Path) -> Story:
    """A story folder analysed by the real pipeline (claims included, with the shipped model)."""
    with runnable_folder(folder) as sources:
        gold = yaml.safe_load((sources / "gold.yaml").read_text(encoding="utf-8"))
        ingested = read_sources([sources])
        texts = {key: (sources / meta["file"]).read_text(encoding="utf-8") for key, meta in gold["documents"].items()}
    if ingested.skipped:
        raise SystemExit(f"{folder}: skipped {[s.reason for s in ingested.skipped]}")
    analyses = analyze_documents(ingested.documents)
    return Story(name=folder.name, gold=gold, texts=texts, dossier=build_dossier(analyses, link_model=bootstrap_model()),
                 propositions=[p for a in analyses for p in a.propositions])


def gold_labels(story: Story, props: list[Proposition]) -> dict[int, set[str]]:
    """Gold claims of each proposition that covers at least half of a side's anchor."""
    doc_of = {}
    for key, meta in story.gold["documents"].items():
        for document in story.dossier.documents:
            if Path(str(document.source or "")).name == meta["file"]:
                doc_of[key] = document
    labels: dict[int, set[str]] = {}
    for claim in story.gold.get("claims") or []:
        for side in claim["sides"]:
            document = doc_of.get(side["doc"])
            span = document and find_anchor(document.text, side["anchor"])
            if not span:
                continue
            for i, p in enumerate(props):
                if p.doc == document.id and min(span[1], p.end) - max(span[0], p.start) >= 0.5 * (span[1] - span[0]):
                    labels.setdefault(i, set()).add(claim["id"])
    return labels


def story_rows(story: Story) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels of the story's labelled candidate pairs."""
    static, _ = story_models()
    context, pairs = claim_step.link_context(story.propositions, story.dossier.entities, static, story.dossier.documents)
    labels = gold_labels(story, list(context.props))
    kept = [(a, b) for a, b in claim_step.linkable_pairs(pairs, context) if a in labels and b in labels]
    targets = np.array([float(bool(labels[a] & labels[b])) for a, b in kept])
    return claim_step.feature_rows(kept, [pairs[pair] for pair in kept], context), targets


def balancing_weights(targets: np.ndarray) -> np.ndarray:
    """Per-row weights under which same-claim and different-claim pairs count equally in all (about
    one candidate pair in four is a same-claim pair)."""
    positives = float(targets.sum())
    negatives = float(len(targets) - positives)
    if not positives or not negatives:
        return np.ones(len(targets))
    return np.where(targets > 0, negatives / positives, 1.0)


def fit_logistic(rows: np.ndarray, targets: np.ndarray, ridge: float = RIDGE, steps: int = 50,
                 row_weights: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Ridge-penalised logistic regression by Newton steps (bias unpenalised), rows weighted."""
    design = np.hstack([rows, np.ones((len(rows), 1))])
    counts = np.ones(len(rows)) if row_weights is None else row_weights
    weights = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * ridge
    penalty[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ weights)))
        gradient = design.T @ (counts * (p - targets)) + penalty @ weights
        hessian = design.T @ (design * (counts * p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights[:-1], float(weights[-1])


def grouping_scores(story: Story, model: claim_step.LinkModel) -> dict[str, float]:
    """The story's claim scores with claims rebuilt under `model`."""
    static, stance = story_models()
    d = story.dossier
    claims = claim_step.build_claims(story.propositions, d.statements, d.documents, d.entities, static, stance,
                                     link_model=model)
    report = evaluate(json.loads(dumps(replace(d, claims=tuple(claims)))), story.gold, story.texts)
    return {k: float(report.scores[k]) for k in ("claim_grouping_recall", "claim_grouping_precision",
                                                   "claim_stance_accuracy", "origin_identity_recall",
                                                   "origin_identity_precision", "origin_counts_accuracy")}


def f1(scores: dict[str, float]) -> float:
    r, p = scores["claim_grouping_recall"], scores["claim_grouping_precision"]
    return 2 * r * p / (r + p) if r + p else 0.0


def mean_scores(stories: list[Story], model: claim_step.LinkModel) -> dict[str, float]:
    per_story = [grouping_scores(s, model) for s in stories]
    keys = per_story[0].keys()
    out = {k: float(np.mean([s[k] for s in per_story])) for k in keys}
    out["f1"] = float(np.mean([f1(s) for s in per_story]))
    return out


def show(title: str, scores: dict[str, float]) -> None:
    print(f"{title}: " + ", ".join(f"{k.replace('claim_', '')} {v:.3f}" for k, v in scores.items()))


def labelled_pairs(stories: list[Story]) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels of every story's labelled candidate pairs, stacked."""
    parts = [story_rows(s) for s in stories]
    return np.vstack([r for r, _ in parts]), np.concatenate([t for _, t in parts])


def fit(stories: list[Story], pairs: tuple[np.ndarray, np.ndarray] | None = None) -> claim_step.LinkModel:
    """Weights fitted on the stories' labelled pairs (the two classes weighted equally; `pairs` when
    the caller has them already), threshold chosen on their grouping scores (`choose_threshold`)."""
    rows, targets = pairs if pairs is not None else labelled_pairs(stories)
    weights, bias = fit_logistic(rows, targets, row_weights=balancing_weights(targets))
    scores_at = {t: mean_scores(stories, claim_step.LinkModel(claim_step.LINK_FEATURES, weights, bias, t))
                 for t in THRESHOLDS}
    return claim_step.LinkModel(claim_step.LINK_FEATURES, weights, bias, choose_threshold(scores_at))


def choose_threshold(scores_at: dict[float, dict[str, float]], floor: float = RECALL_FLOOR) -> float:
    """The highest threshold whose mean grouping recall stays at `floor`, else the one with the best
    mean F1. Grouping F1 is flat over a wide band of thresholds; within it a wrong merge costs a
    reader more than a split claim (it sets one source's denial against a claim it never addressed
    and adds an origin that is not there), so the threshold goes as high as recall allows."""
    kept = [t for t, scores in scores_at.items() if scores["claim_grouping_recall"] >= floor]
    if kept:
        return max(kept)
    return max(scores_at, key=lambda t: scores_at[t]["f1"])


def cross_validate(stories: list[Story]) -> None:
    """Leave one story out: fit on the others, score the one left out."""
    per_story = []
    for i, story in enumerate(stories):
        model = fit(stories[:i] + stories[i + 1:])
        scores = grouping_scores(story, model)
        per_story.append(scores)
        show(f"  left out {story.name} (threshold {model.threshold:.2f})", scores)
    show("cross-validated dev (mean)", {k: float(np.mean([s[k] for s in per_story])) for k in per_story[0]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report the shipped model, write nothing")
    parser.add_argument("--cross", action="store_true", help="leave-one-story-out scores on the dev set, write nothing")
    parser.add_argument("--report", nargs="*", default=[], help="other story folders to score (not used for fitting)")
    args = parser.parse_args()
    dev = [load_story(folder) for folder in sorted(DEV.iterdir()) if (folder / "gold.yaml").is_file()]
    others = [load_story(Path(folder)) for folder in args.report if (Path(folder) / "gold.yaml").is_file()]
    if args.cross:
        cross_validate(dev)
        return
    if args.check:
        model = claim_step.LinkModel.load()
    else:
        rows, targets = labelled_pairs(dev)
        print(f"dev stories: {len(dev)}, labelled candidate pairs: {len(targets)} ({int(targets.sum())} same-claim)")
        model = fit(dev, (rows, targets))
        for name, w in zip(claim_step.LINK_FEATURES, model.weights):
            print(f"  {name:>16} {w:+.3f}")
        print(f"  {'bias':>16} {model.bias:+.3f}  threshold {model.threshold:.2f} (highest with mean dev grouping recall >= {RECALL_FLOOR})")
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps({
            "features": list(claim_step.LINK_FEATURES), "weights": [round(float(w), 6) for w in model.weights],
            "bias": round(model.bias, 6), "threshold": model.threshold,
            "trained_on": sorted(s.name for s in dev), "pairs": int(len(targets)), "positives": int(targets.sum()),
            "made_by": "training/train_linker.py",
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    show("dev (mean over stories)", mean_scores(dev, model))
    for story in dev + others:
        show(f"  {story.name}", grouping_scores(story, model))
    if others:
        show("report set (mean over stories)", mean_scores(others, model))


if __name__ == "__main__":
    main()
