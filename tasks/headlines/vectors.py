"""Headline feature vectors for story similarity: IDF-weighted tokens (sparse) and WordLlama embeddings (dense)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp

# WordLlama's own loader looks for its tokenizer in a folder name that its wheel does not ship
# ("tokenizer/" vs "tokenizers/") and then tries the network; we open the packaged files directly.
_WEIGHTS = "weights/l2_supercat_256.safetensors"
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


@cache
def _wordllama():  # type: ignore[no-untyped-def]
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wordllama.__file__).parent
    with safe_open(str(root / _WEIGHTS), framework="np", device="cpu") as handle:
        embedding = handle.get_tensor("embedding.weight")
    return WordLlamaInference(embedding, Tokenizer.from_file(str(root / _TOKENIZER)))


def embed(texts: list[str], dims: int = 256, batch: int = 20_000) -> np.ndarray:
    """Unit-length WordLlama embeddings of texts, one row per text, stored as float16 (half the memory;
    a cosine needs no more than three digits).

    Args:
        texts: raw headlines or leads (the model has its own tokenizer).
        dims: leading dimensions kept (the model is trained Matryoshka-style, so a prefix is an embedding).
        batch: texts per call, to bound the tokenizer's temporary memory.

    Returns:
        Array of shape (len(texts), dims); an empty text gets a zero row.
    """
    model = _wordllama()
    out = np.zeros((len(texts), dims), dtype=np.float16)
    for start in range(0, len(texts), batch):
        chunk = texts[start : start + batch]
        vecs = np.asarray(model.embed(chunk, norm=False), dtype=np.float32)[:, :dims]
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        out[start : start + len(chunk)] = np.divide(vecs, norms, out=np.zeros_like(vecs), where=norms > 0)
    return out


def tfidf(token_docs: list[str], vocab: dict[str, int] | None = None) -> tuple[sp.csr_matrix, np.ndarray]:
    """Unit-length IDF-weighted bag-of-tokens rows, with the vocabulary ids of each row's tokens.

    IDF is smoothed (log((1 + n) / (1 + df)) + 1) and computed on the given rows only, so one run's
    corpus sets the weights: a word frequent tonight ("stocks") counts less than a rare name.

    Args:
        token_docs: space-separated content tokens per row (see tasks/headlines/norm.py:story_tokens); a string
            per row rather than a list, because a million small lists cost more memory than the rest.
        vocab: filled with token -> column id when given (empty on entry).

    Returns:
        (matrix of shape (rows, vocabulary) with unit rows, document frequency per vocabulary id).
    """
    vocab = {} if vocab is None else vocab
    indptr = [0]
    indices: list[int] = []
    for doc in token_docs:
        ids = {vocab.setdefault(tok, len(vocab)) for tok in doc.split()}
        indices.extend(sorted(ids))
        indptr.append(len(indices))
    n = len(token_docs)
    col = np.asarray(indices, dtype=np.int64)
    counts = sp.csr_matrix(
        (np.ones(len(col), dtype=np.float32), col, np.asarray(indptr, dtype=np.int64)), shape=(n, max(len(vocab), 1))
    )
    df = np.bincount(col, minlength=max(len(vocab), 1)).astype(np.float64)
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    weighted = counts.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sp.csr_matrix(sp.diags(inv.astype(np.float32)) @ weighted), df


def row_dots(
    a: sp.csr_matrix, b: sp.csr_matrix, left: np.ndarray, right: np.ndarray, chunk: int = 65_536
) -> np.ndarray:
    """Dot products a[left[k]] . b[right[k]] for every k, in chunks (sparse rows)."""
    out = np.empty(len(left), dtype=np.float32)
    for start in range(0, len(left), chunk):
        sl = slice(start, start + chunk)
        out[sl] = np.asarray(a[left[sl]].multiply(b[right[sl]]).sum(axis=1)).ravel()
    return out


def masked_row_dots(
    a: sp.csr_matrix, left: np.ndarray, right: np.ndarray, mask: np.ndarray, chunk: int = 65_536
) -> tuple[np.ndarray, np.ndarray]:
    """Dot products a[left[k]] . a[right[k]], and the part of each that falls on the columns under mask.

    Args:
        a: sparse rows.
        left, right: row pairs.
        mask: float32 0/1 per column.

    Returns:
        (full dot products, masked-column dot products).
    """
    full = np.empty(len(left), dtype=np.float32)
    part = np.empty(len(left), dtype=np.float32)
    for start in range(0, len(left), chunk):
        sl = slice(start, start + chunk)
        prod = sp.csr_matrix(a[left[sl]].multiply(a[right[sl]]))
        full[sl] = np.asarray(prod.sum(axis=1)).ravel()
        part[sl] = prod @ mask
    return full, part


def dense_dots(a: np.ndarray, b: np.ndarray, left: np.ndarray, right: np.ndarray, chunk: int = 65_536) -> np.ndarray:
    """Dot products a[left[k]] . b[right[k]] for every k, in chunks (dense rows)."""
    out = np.empty(len(left), dtype=np.float32)
    # Converted per gathered chunk, not as whole matrices: a float32 copy of a million float16 embeddings
    # would add a gigabyte to the clustering's peak.
    for start in range(0, len(left), chunk):
        sl = slice(start, start + chunk)
        out[sl] = np.einsum("ij,ij->i", a[left[sl]].astype(np.float32, copy=False),
                            b[right[sl]].astype(np.float32, copy=False))
    return out
