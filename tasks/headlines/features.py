"""Node features for story similarity: IDF token rows, WordLlama embeddings, weights and blocking tokens."""

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


def node_token_docs(rows: HeadlineRows, nodes: Nodes) -> list[str]:
    """Space-joined story tokens per node: a text node's row tokens, a lead's normalized tokens."""
    return [rows.toks[r] for r in nodes.node_row] + [" ".join(story_tokens(text_norm(t))) for t in nodes.lead_texts]


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
    """Unit WordLlama embedding per node (float16).

    A lead's embedding is mostly its boilerplate ("officials said on Monday ..."), close to every other
    lead's: leads take part through their rare words only (a zero row here), unless lead_embedding is set.
    """
    leads = nodes.lead_texts if settings.lead_embedding else []
    emb = embed([rows.texts[r] for r in nodes.node_row] + leads, dims=settings.embedding_dims)
    if not settings.lead_embedding:
        emb = np.concatenate([emb, np.zeros((len(nodes.lead_texts), emb.shape[1]), emb.dtype)])
    return emb


def node_weights(nodes: Nodes, settings: HeadlineSettings) -> tuple[np.ndarray, np.ndarray]:
    """Weight of each node in cluster averages, for IDF tokens and for embeddings.

    Returns:
        (weights: rows per text node and lead_weight per lead; embedding weights: the same, with leads at
        zero unless lead_embedding is set).
    """
    weights = np.r_[
        np.bincount(nodes.node_of_row, minlength=nodes.n_text).astype(np.float32),
        np.full(len(nodes.lead_src), settings.lead_weight, np.float32),
    ]
    e_weights = weights.copy()
    if not settings.lead_embedding:
        e_weights[nodes.n_text :] = 0.0
    return weights, e_weights


def blocking_tokens(idf: IdfFeatures, n_text: int, settings: HeadlineSettings) -> list[np.ndarray]:
    """The rarest tokens of each node (column ids): what two headlines of one story share is a rare word."""
    tf, df = idf.tf, idf.df
    out = []
    for i in range(tf.shape[0]):
        ids = tf.indices[tf.indptr[i] : tf.indptr[i + 1]]
        limit = settings.block_tokens if i < n_text else settings.lead_block_tokens
        out.append(ids[np.argsort(df[ids], kind="stable")][:limit])
    return out
