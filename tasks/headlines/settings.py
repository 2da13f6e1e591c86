"""The thresholds of duplicate folding and story clustering, in one typed settings class."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HeadlineSettings:
    """Thresholds of duplicate folding and story clustering.

    link_threshold and small_cluster_margin sit between the optima of two halves of the labelled stories
    (see bench/headlines.py --half); the rest are bounds on work that barely move scores.
    """

    window_days: int = 2
    """Headlines further apart in time than this never share a dup group or a direct story link."""
    tfidf_weight: float = 0.5
    """Share of IDF-token cosine in the pair similarity; the rest is WordLlama embedding cosine."""
    link_threshold: float = 0.10
    """Average-linkage cut: two clusters merge while their mean pair similarity is at least this."""
    name_agreement: float = 0.0
    """Two clusters that both name someone or somewhere (tokens the night never writes in lowercase) merge
    only if the cosine of their name parts is at least this: one town's strike is not another's. Off by
    default: 0.001 costs dev F1 0.912 -> 0.887 (labelled stories often join headlines naming different
    people) for small gains on generated same-shape nights (bench/headlines.py --templated)."""
    name_veto_max_size: float = 1e9
    """The name rule binds only when the smaller cluster weighs at most this (3: dev 0.902)."""
    min_topic_similarity: float = 0.0
    """Two clusters merge only if their mean IDF-token similarity outside names is at least this, so that
    sharing a place alone ("<town> budget ..." / "<town> bridge ...") is not one story. Off by default:
    the labelled stories link through a name alone so often that 0.02 costs dev F1 0.912 -> 0.75."""
    name_case_ratio: float = 4.0
    """A token is a name when capitalized mid-headline at least this many times as often as in lowercase."""
    edge_floor: float = 0.08
    """Candidate pairs below this similarity are dropped before clustering (they barely move averages)."""
    neighbors: int = 10
    """Each row keeps its most similar candidate pairs only (a kNN graph), so edges grow linearly."""
    small_cluster_margin: float = 0.2
    """Extra similarity two clusters need, divided by sqrt(n_a * n_b): lone headlines must agree more."""
    block_neighbors: int = 6
    """Under each blocking token, a node is paired with this many following nodes in time order."""
    truncation_min_tokens: int = 4
    """A truncated headline folds into a longer one only if at least this many tokens remain."""
    token_set_min_tokens: int = 4
    """Reordered headlines fold on equal content-token sets only if they have at least this many tokens."""
    dup_min_tokens: int = 3
    """Headlines with fewer distinct content tokens are section labels and never fold across articles."""
    edit_min_tokens: int = 7
    """Headlines of at least this many words also fold when they differ by one inserted/deleted/changed word."""
    embedding_dims: int = 256
    """Leading WordLlama dimensions used (64, 128 or 256): fewer cost less memory at some quality."""
    lead_weight: float = 0.5
    """Weight of an article's lead (first ~400 body chars) as an extra member of its article's cluster,
    against 1 per headline row. No labelled leads exist, so it stays below a headline's weight: a lead can
    tip a link its headlines nearly make, not make one alone. Generated nights whose leads share place
    names and boilerplate (bench/headlines.py --templated --leads), story F1 at 6/12/40/80 stories:
    no leads 0.873/0.705/0.389/0.216; 0.5 0.836/0.690/0.365/0.215; the former 2.0 with lead embeddings
    0.357/0.154/0.049/0.025 (everything in a few stories)."""
    lead_embedding: bool = False
    """Leads also count through their WordLlama embedding, not only through their IDF tokens. Off: a
    lead's embedding is mostly boilerplate, close to every other lead's (with it, 0.5 scores
    0.836/0.614/0.284/0.180 on the generated nights above)."""
    block_tokens: int = 8
    """Rarest headline tokens that enter blocking."""
    lead_block_tokens: int = 3
    """Rarest lead tokens that also enter blocking (the headline's tokens always do)."""
    absorb_min_size: float = 8.0
    """A cluster this large absorbs every small cluster that picks it as best partner in one round."""
    max_rounds: int = 1000
    """Safety bound on agglomeration rounds."""
