"""Distil static word vectors from the shipped all-MiniLM-L6-v2 int8 model, for fast claim grouping.

Every WordPiece token of the model's vocabulary is run through the model alone
(`[CLS] token [SEP]`) and its output vector kept; the 30,522 vectors are centred, reduced to
128 dimensions by PCA, and stored as int8 with one scale per row in
`storytrace/data/minilm/static.npz` (about 4 MB). A sentence vector is then the IDF-weighted mean
of its tokens' vectors (`storytrace.embed.StaticEmbedder`): some ten thousand sentences a second
instead of about two hundred, with a similar ability to tell same-claim pairs from different-claim
pairs: on the sample story's gold claim sides, ranking AUC 0.672 for these vectors against 0.677
for the full model (0.707 and 0.698 with the lexical overlap added), measured once when this was built.

    .venv/bin/python training/distill_static.py          # writes the file (about 30 s on 2 cores)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storytrace.embed import Embedder  # noqa: E402

OUTPUT = ROOT / "storytrace" / "data" / "minilm" / "static.npz"
DIMENSIONS = 128
BATCH = 512
CLS, SEP = 101, 102


def token_vectors(embedder: Embedder) -> np.ndarray:
    """(vocabulary, 384): each token's contextual output vector when it stands alone."""
    size = embedder.tokenizer.get_vocab_size()
    out = np.zeros((size, 384), dtype=np.float32)
    for start in range(0, size, BATCH):
        ids = np.arange(start, min(size, start + BATCH), dtype=np.int64)
        batch = np.stack([np.full(len(ids), CLS), ids, np.full(len(ids), SEP)], axis=1)
        feeds = {"input_ids": batch, "attention_mask": np.ones_like(batch)}
        if "token_type_ids" in embedder.input_names:
            feeds["token_type_ids"] = np.zeros_like(batch)
        (hidden,) = embedder.session.run(["last_hidden_state"], feeds)
        out[start:start + len(ids)] = hidden[:, 1, :]
    return out


def reduce(vectors: np.ndarray, dimensions: int = DIMENSIONS) -> np.ndarray:
    """Centre and project onto the leading principal components (deterministic SVD)."""
    centred = vectors - vectors.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    return (centred @ components[:dimensions].T).astype(np.float32)


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with one float32 scale each (max-abs scaling)."""
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    return np.round(vectors / scales[:, None]).astype(np.int8), scales.astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    vectors, scales = quantise(reduce(token_vectors(Embedder(threads=2))))
    np.savez_compressed(args.out, vectors=vectors, scales=scales)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {vectors.shape[0]} x {vectors.shape[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
