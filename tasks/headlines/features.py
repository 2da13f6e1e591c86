"""Article features for story similarity: IDF token rows, WordLlama embeddings and blocking tokens."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from tasks.headlines.nodes import Nodes
from tasks.headlines.norm import story_tokens, text_norm
from tasks.headlines.rows import HeadlineRows
from tasks.headlines.settings import HeadlineSettings
from tasks.headlines.vectors import embed, tfidf


@dataclass
class IdfFeatures:
    """Unit IDF-weighted token rows per node, restricted to tokens that at least two nodes have."""

    tf: sp.csr_matrix
    df: np.ndarray
    """Document frequency per kept column."""
    name_mask: np.ndarray
    """1.0 for the columns of name tokens, else 0.0 (float32)."""


def node_token_docs(rows: HeadlineRows, nodes: Nodes, lead_chars: int) -> list[str]:
    """Space-joined story tokens per article: those of each of its headlines, then those of its lead.

    Args:
        rows: the rows (their `toks`).
        nodes: the article nodes.
        lead_chars: characters of the lead that count.

    Returns:
        One document per node.
    """
    parts: list[list[str]] = [[] for _ in range(nodes.n)]
    for row, node in enumerate(nodes.node_of_row.tolist()):
        if rows.toks[row]:
            parts[node].append(rows.toks[row])
    for node, lead in enumerate(nodes.leads):
        if lead:
            parts[node].append(" ".join(story_tokens(text_norm(lead[:lead_chars]))))
    return [" ".join(p) for p in parts]


def idf_features(token_docs: list[str], names: set[str]) -> IdfFeatures:
    """IDF rows of the nodes, and which columns are names.

    A token that only one node has adds nothing to any dot product between two nodes or clusters, so its
    column is dropped after the rows were normalized: every similarity stays exact, and cluster sums stop
    accumulating one-off words (names, typos) that would make their rows long.

    Args:
        token_docs: space-joined tokens per node (node_token_docs).
        names: name tokens of the night.

    Returns:
        The features.
    """
    vocab: dict[str, int] = {}
    tf, df = tfidf(token_docs, vocab)
    name_mask = np.zeros(tf.shape[1], dtype=np.float32)
    name_mask[[vocab[t] for t in names if t in vocab]] = 1.0
    shared = df >= 2
    return IdfFeatures(sp.csr_matrix(tf[:, np.flatnonzero(shared)]), df[shared], name_mask[shared])


def node_embeddings(rows: HeadlineRows, nodes: Nodes, settings: HeadlineSettings) -> np.ndarray:
    """Unit WordLlama embedding per node (float16): its first headline, followed by its lead if lead_embedding."""
    texts = [rows.texts[r] for r in nodes.node_row]
    if settings.lead_embedding:
        texts = [f"{t} {lead[: settings.lead_chars]}" if lead else t for t, lead in zip(texts, nodes.leads)]
    # Syndicated copies repeat one text: each distinct text is embedded once.
    position: dict[str, int] = {}
    index = np.fromiter((position.setdefault(t, len(position)) for t in texts), dtype=np.int64, count=len(texts))
    return embed(list(position), dims=settings.embedding_dims)[index]


def blocking_tokens(idf: IdfFeatures, settings: HeadlineSettings) -> list[np.ndarray]:
    """The rarest tokens of each node (column ids): what two articles of one story share is a rare word."""
    tf, df = idf.tf, idf.df
    out = []
    for i in range(tf.shape[0]):
        ids = tf.indices[tf.indptr[i] : tf.indptr[i + 1]]
        out.append(ids[np.argsort(df[ids], kind="stable")][: settings.block_tokens])
    return out
