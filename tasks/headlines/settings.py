"""The thresholds of duplicate folding and story clustering, in one typed settings class."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HeadlineSettings:
    """Thresholds of duplicate folding and story clustering.

    Every article is one document (its headlines and its lead). The cuts and margins were chosen with
    bench/headlines.py on the four dev sets together (uci_dev, allsides_dev, ecbplus_dev, neus_dev); the rest
    are bounds on work.
    """

    window_days: int = 2
    """Headlines further apart in time than this never share a dup group or a direct story link."""
    tfidf_weight: float = 0.5
    """Share of IDF-token cosine in the pair similarity; the rest is WordLlama embedding cosine."""
    link_threshold: float = 0.10
    """Average-linkage cut: two clusters of headline-only articles merge while their mean pair similarity is at
    least this."""
    lead_link_threshold: float = 0.32
    """The same cut for two clusters whose members all have leads (in between: linear in the smaller share).
    Chosen on the four dev sets together (bench/headlines.py, story B-cubed F1 uci/allsides/ecbplus/neus):
    with the candidate bounds 20/15/12: 0.30 0.911/0.900/0.790/0.663 (largest neus story 69), 0.32
    0.914/0.883/0.766/0.699 (53), 0.35 0.914/0.878/0.739/0.738 (51); 0.32 lifts ecbplus and neus most
    over headline-level clustering (0.912/0.879/0.703/0.296) and keeps uci."""
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
    neighbors: int = 15
    """Each article keeps its most similar candidate pairs only (a kNN graph), so edges grow linearly.
    neighbors/block_neighbors/block_tokens against allsides/ecbplus/neus F1 and 100k-headline CPU time
    (bench/headlines.py --scale 100000, shared machine): 15/10/10 0.872/0.763/0.702, 25 s; 20/15/12
    0.883/0.766/0.699, 36 s; 40/30/20 0.898/0.769/0.693. 15/10/10 keeps a 1M night within 2x of the
    headline-level clustering's time."""
    small_cluster_margin: float = 0.2
    """Extra similarity two headline-only clusters need, divided by sqrt(n_a * n_b): lone headlines must agree
    more. It shrinks with the clusters' share of articles with leads (their cut is already stricter)."""
    block_neighbors: int = 10
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
    lead_chars: int = 400
    """Characters of an article's lead that join its headlines in the article's document."""
    lead_embedding: bool = True
    """The embedding of an article covers its lead too, not only its first headline. On the dev sets
    (allsides/ecbplus/neus F1): on 0.883/0.766/0.699 at the default cut; off 0.846/0.689/0.757 at the
    same cut and 0.875/0.723/0.723 at 0.28. The cost: leads that share boilerplate sentences move closer."""
    block_tokens: int = 10
    """Rarest article tokens that enter blocking."""
    absorb_min_size: float = 8.0
    """A cluster this large absorbs every small cluster that picks it as best partner in one round."""
    max_rounds: int = 1000
    """Safety bound on agglomeration rounds."""
