"""Article features (tasks/headlines/features.py): one token document per article node, IDF rows that keep only
tokens two nodes share without changing any similarity, rarest-first blocking tokens, unit embeddings per node."""

from __future__ import annotations

import numpy as np

from tasks.headlines.features import blocking_tokens, idf_features, node_embeddings, node_token_docs
from tasks.headlines.nodes import build_nodes
from tasks.headlines.rows import load_rows
from tasks.headlines.schemas import STORY_INDEX
from tasks.headlines.settings import HeadlineSettings
from tasks.headlines.vectors import tfidf
from tests.headlines.nights import table

DOCS = ["port alder bridge close", "port alder ferry fare", "port bridge repair", "sorno market hall"]


def test_an_article_document_holds_the_tokens_of_its_headlines_then_of_its_lead_cut_at_lead_chars() -> None:
    rows = load_rows(table([("Port Alder bridge closes", 0, "a1"), ("Bridge repairs begin", 1, "a1", "Crews shut the bridge."),
                            ("Sorno market hall opens", 2, "a2")]), STORY_INDEX.empty_table())
    nodes = build_nodes(rows, np.arange(rows.n))
    assert node_token_docs(rows, nodes, 400) == ["alder bridge close port begin bridge repair crew shut bridge",
                                                 "hall market open sorno"]
    assert node_token_docs(rows, nodes, 5)[0] == "alder bridge close port begin bridge repair crew"


def test_idf_rows_keep_only_shared_tokens_and_every_dot_product_unchanged() -> None:
    full, _ = tfidf(DOCS)
    features = idf_features(DOCS, names={"alder", "port", "sorno"})
    assert features.tf.shape == (4, 3)  # port (3 nodes), alder and bridge (2 each); the one-node tokens are gone
    assert features.df.tolist() == [3.0, 2.0, 2.0]
    assert features.name_mask.tolist() == [1.0, 1.0, 0.0]  # "sorno" is a name, but only one node has it
    between = ~np.eye(4, dtype=bool)  # a node's own norm shrinks; what it shares with any other node does not
    kept, every = (features.tf @ features.tf.T).toarray(), (full @ full.T).toarray()
    np.testing.assert_allclose(kept[between], every[between], atol=1e-6)
    assert every[0, 1] > 0 and every[0, 3] == 0


def test_blocking_takes_each_nodes_rarest_tokens_first_up_to_block_tokens() -> None:
    features = idf_features(DOCS, names=set())
    blocks = blocking_tokens(features, HeadlineSettings(block_tokens=2))
    # Columns: port (df 3), alder, bridge (df 2). The rarer come first; port, the commonest, is the one left out.
    assert [sorted(b.tolist()) for b in blocks] == [[1, 2], [0, 1], [0, 2], []]
    assert [features.df[b].tolist() for b in blocks[1:3]] == [[2.0, 3.0], [2.0, 3.0]]
    assert [len(b) for b in blocking_tokens(features, HeadlineSettings(block_tokens=1))] == [1, 1, 1, 0]


def test_node_embeddings_are_unit_rows_of_the_first_headline_and_the_lead_only_when_asked() -> None:
    headline = "Port Alder council approves bridge repair"
    rows = load_rows(table([(headline, 0, "a1", "The council voted on Monday to fund the repair."),
                            (headline, 1, "a2", "Striking rail workers in Kessel set new dates."),
                            ("Sorno market hall opens", 2, "a3")]), STORY_INDEX.empty_table())
    nodes = build_nodes(rows, np.array([0, 0, 1]))
    with_lead = node_embeddings(rows, nodes, HeadlineSettings(embedding_dims=64))
    assert with_lead.shape == (3, 64) and with_lead.dtype == np.float16
    np.testing.assert_allclose(np.linalg.norm(with_lead.astype(np.float32), axis=1), 1.0, atol=1e-2)
    assert not np.array_equal(with_lead[0], with_lead[1])  # one headline, two leads: two stories
    headline_only = node_embeddings(rows, nodes, HeadlineSettings(embedding_dims=64, lead_embedding=False))
    assert np.array_equal(headline_only[0], headline_only[1]) and not np.array_equal(headline_only[0], headline_only[2])
