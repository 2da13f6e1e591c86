"""Feature vectors: IDF rows, embeddings and the chunked dot products (tasks/headlines/vectors.py)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from tasks.headlines.vectors import dense_dots, embed, masked_row_dots, row_dots, tfidf


def test_tfidf_rows_are_unit_and_rare_tokens_weigh_more() -> None:
    vocab: dict[str, int] = {}
    tf, df = tfidf(["ferry strike", "ferry fares", "ferry", ""], vocab)
    norms = np.sqrt(np.asarray(tf.multiply(tf).sum(axis=1)).ravel())
    assert np.allclose(norms[:3], 1.0) and norms[3] == 0.0
    assert df[vocab["ferry"]] == 3
    row = tf[0].toarray().ravel()
    assert row[vocab["strike"]] > row[vocab["ferry"]]


def test_embed_gives_unit_rows_and_a_zero_row_for_empty_text() -> None:
    emb = embed(["Ferry strike enters third day", ""], dims=64).astype(np.float32)
    assert emb.shape == (2, 64)
    assert abs(np.linalg.norm(emb[0]) - 1.0) < 1e-2 and not emb[1].any()


def test_row_and_dense_dots_match_numpy() -> None:
    dense = np.array([[1.0, 2.0, 0.0], [3.0, 1.0, 5.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    left, right = np.array([0, 1, 2]), np.array([1, 2, 0])
    expected = (dense[left] * dense[right]).sum(axis=1)
    assert row_dots(sp.csr_matrix(dense), sp.csr_matrix(dense), left, right, chunk=2).tolist() == expected.tolist()
    assert dense_dots(dense, dense, left, right, chunk=2).tolist() == expected.tolist()


def test_masked_row_dots_splits_each_dot_product() -> None:
    a = sp.csr_matrix(np.array([[1.0, 2.0, 0.0], [3.0, 1.0, 5.0], [0.0, 0.0, 1.0]], dtype=np.float32))
    mask = np.array([0.0, 1.0, 1.0], dtype=np.float32)
    full, part = masked_row_dots(a, np.array([0, 1]), np.array([1, 2]), mask)
    assert full.tolist() == [5.0, 5.0]  # 1*3 + 2*1; 5*1
    assert part.tolist() == [2.0, 5.0]  # the masked columns only
