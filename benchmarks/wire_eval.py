"""Score wire-copy detection: a predicted clustering of articles against the gold one.

A clustering is one label per article (any hashable; only equality matters). Every score is computed from
the contingency table of (gold label, predicted label) in O(n) time, never by enumerating pairs:

- pairwise precision, recall and F1 over the pairs of articles put in one cluster;
- B-cubed precision, recall and F1 (per-article shares, averaged);
- the adjusted Rand index;
- pairwise recall restricted to the gold pairs that involve given articles (copies cut to <= 40% of their
  paragraphs, copies with local paragraphs on top);
- for an evaluation set of `EvalItem`s (built by `benchmarks.wire_quality`): merged hard-negative pairs, merges
  among all articles given shared boilerplate, and whether the two seed articles (one event, not wire
  copies) were grouped.

A detector is any function `(texts, published) -> cluster ids`, like `copydesk.tasks.wire.wire_clusters`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

ORIGINAL, COPY, DISTRACTOR, SEED, HARD_NEGATIVE = "original", "copy", "distractor", "seed", "hard_negative"
SAME_EVENT = "same_event"           # a real report of an event others report too (not a copy)
KINDS = (ORIGINAL, COPY, DISTRACTOR, SEED, HARD_NEGATIVE, SAME_EVENT)
SHORT_CUT = 0.40                    # a copy "cut short" keeps <= 40% of the original's paragraphs

Label = Hashable
Detector = Callable[[list[str], list[datetime | None]], list[str]]


# --- the articles of an evaluation set ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EvalItem:
    """One article of the evaluation set with its gold wire cluster and how it was made."""

    id: str
    text: str
    published_at: datetime | None
    gold_cluster: str
    outlet: str
    kind: str                         # one of KINDS
    title: str
    url: str
    source: str                       # where the text comes from ("aeb:<id>", "fundus:<page>", "seed:<file>")
    kept_fraction: float = 1.0        # copies: share of the original's paragraphs kept after the cut
    local_paragraphs: int = 0         # copies: paragraphs of local angle added on top
    substitutions: int = 0            # copies: word-level substitutions made
    edits: tuple[str, ...] = ()       # copies: the edits made, for reading; hard negatives: the boilerplate
    partner: str | None = None        # hard-negative pairs: the other article sharing the boilerplate

    def as_dict(self) -> dict[str, object]:
        """The item as a JSON-ready dict (published_at in ISO 8601)."""
        data = asdict(self)
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        data["edits"] = list(self.edits)
        return data


# --- scores ------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and their harmonic mean F1 (0 when both are 0)."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """F1 = 2PR / (P + R)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class PairCounts:
    """Pairs of articles: put together and gold together (tp), put together only (fp), gold together only (fn)."""

    tp: int
    fp: int
    fn: int


def _pairs(n: int) -> int:
    """C(n, 2): the unordered pairs among n things."""
    return n * (n - 1) // 2


def same_cluster_pairs(labels: Sequence[Label]) -> int:
    """Σ_k C(n_k, 2) over the clusters k of a clustering: the pairs of articles it puts together."""
    return sum(_pairs(n) for n in Counter(labels).values())


def _check(gold: Sequence[Label], predicted: Sequence[Label]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} articles")


def contingency(gold: Sequence[Label], predicted: Sequence[Label]) -> Counter[tuple[Label, Label]]:
    """Count the articles in each (gold cluster, predicted cluster) cell: n_gc."""
    _check(gold, predicted)
    return Counter(zip(gold, predicted, strict=True))


def pair_counts(gold: Sequence[Label], predicted: Sequence[Label]) -> PairCounts:
    """Count pairs from the contingency table, without enumerating pairs.

    With n_gc the articles in gold cluster g and predicted cluster c, a_g = Σ_c n_gc and b_c = Σ_g n_gc:

        tp = Σ_gc C(n_gc, 2)        (pairs in one predicted and one gold cluster)
        fp = Σ_c C(b_c, 2) − tp     (pairs predicted together, gold apart)
        fn = Σ_g C(a_g, 2) − tp     (pairs gold together, predicted apart)
    """
    cells = contingency(gold, predicted)
    tp = sum(_pairs(n) for n in cells.values())
    return PairCounts(tp, same_cluster_pairs(predicted) - tp, same_cluster_pairs(gold) - tp)


def pairwise_scores(gold: Sequence[Label], predicted: Sequence[Label]) -> Scores:
    """Pairwise precision tp / (tp + fp) and recall tp / (tp + fn), counts from `pair_counts`.

    With no pair predicted together precision is 1 (no wrong claim); with no gold pair recall is 1.
    """
    c = pair_counts(gold, predicted)
    return Scores(c.tp / (c.tp + c.fp) if c.tp + c.fp else 1.0, c.tp / (c.tp + c.fn) if c.tp + c.fn else 1.0)


def bcubed_scores(gold: Sequence[Label], predicted: Sequence[Label]) -> Scores:
    """B-cubed precision and recall: per-article shares averaged over the N articles.

    For article i in gold cluster G(i) and predicted cluster C(i): P_i = |C(i) ∩ G(i)| / |C(i)| and
    R_i = |C(i) ∩ G(i)| / |G(i)| (the article itself counts). Every article of cell (g, c) has the same
    shares, so with n_gc, a_g and b_c as in `pair_counts`:

        P = (1/N) Σ_gc n_gc² / b_c,    R = (1/N) Σ_gc n_gc² / a_g

    An empty clustering scores P = R = 1.
    """
    cells = contingency(gold, predicted)
    if not cells:
        return Scores(1.0, 1.0)
    a, b = Counter(gold), Counter(predicted)
    n = len(gold)
    return Scores(sum(m * m / b[c] for (g, c), m in cells.items()) / n,
                  sum(m * m / a[g] for (g, c), m in cells.items()) / n)


def adjusted_rand_index(gold: Sequence[Label], predicted: Sequence[Label]) -> float:
    """Adjusted Rand index (Hubert & Arabie): the pair agreement corrected for chance, 1 for identical clusterings.

        index = Σ_gc C(n_gc, 2),  A = Σ_g C(a_g, 2),  B = Σ_c C(b_c, 2),  expected = A·B / C(N, 2)
        ARI = (index − expected) / ((A + B)/2 − expected)

    When the denominator is 0 (both clusterings all singletons, or both one cluster) the clusterings agree: 1.
    """
    cells = contingency(gold, predicted)
    index = sum(_pairs(m) for m in cells.values())
    a, b = same_cluster_pairs(gold), same_cluster_pairs(predicted)
    total = _pairs(len(gold))
    expected = a * b / total if total else 0.0
    denominator = (a + b) / 2 - expected
    return (index - expected) / denominator if denominator else 1.0


def subset_pair_recall(gold: Sequence[Label], predicted: Sequence[Label], members: Collection[int]) -> float:
    """Pairwise recall over the gold pairs with at least one article in `members` (indices); 1 if there are none.

    A pair {i, j} touches S when i or j is in S. Among n articles of which s are in S, C(n, 2) − C(n − s, 2)
    pairs touch S. With s_gc the members in cell (g, c) and s_g = Σ_c s_gc:

        tp_S = Σ_gc [C(n_gc, 2) − C(n_gc − s_gc, 2)],   gold_S = Σ_g [C(a_g, 2) − C(a_g − s_g, 2)]
        recall_S = tp_S / gold_S
    """
    cells = contingency(gold, predicted)
    chosen = set(members)
    in_cell = Counter((gold[i], predicted[i]) for i in chosen)
    in_gold = Counter(gold[i] for i in chosen)
    a = Counter(gold)
    tp = sum(_pairs(n) - _pairs(n - in_cell[cell]) for cell, n in cells.items())
    total = sum(_pairs(a[g]) - _pairs(a[g] - s) for g, s in in_gold.items())
    return tp / total if total else 1.0


def grouped_together(predicted: Sequence[Label], i: int, j: int) -> bool:
    """Whether articles i and j are in one predicted cluster."""
    return predicted[i] == predicted[j]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """How a predicted clustering of an evaluation set compares with the gold one."""

    pairs: Scores
    bcubed: Scores
    ari: float
    cut_short_recall: float          # pairwise recall on gold pairs with a copy cut to <= 40%
    local_recall: float              # pairwise recall on gold pairs with a copy with local paragraphs on top
    hard_negatives_merged: int       # hard-negative pairs (the designed ones) put in one cluster
    hard_negative_pairs: int
    boilerplate_merges: int          # pairs put in one cluster among all articles given boilerplate (all wrong)
    seeds_grouped: bool              # the two seed articles (not wire copies) put in one cluster: wrong
    clusters: int                    # predicted clusters


def evaluate(items: Sequence[EvalItem], predicted: Sequence[Label]) -> Evaluation:
    """Score a predicted clustering (one label per item, in the items' order) against the items' gold clusters."""
    gold = [i.gold_cluster for i in items]
    _check(gold, predicted)
    position = {item.id: n for n, item in enumerate(items)}
    cut = [n for n, i in enumerate(items) if i.kind == COPY and i.kept_fraction <= SHORT_CUT]
    local = [n for n, i in enumerate(items) if i.kind == COPY and i.local_paragraphs > 0]
    hard = [(n, position[i.partner]) for n, i in enumerate(items) if i.kind == HARD_NEGATIVE and i.partner]
    boilerplate = Counter(predicted[n] for n, i in enumerate(items) if i.partner)
    seeds = [n for n, i in enumerate(items) if i.kind == SEED]
    return Evaluation(
        pairs=pairwise_scores(gold, predicted), bcubed=bcubed_scores(gold, predicted),
        ari=adjusted_rand_index(gold, predicted),
        cut_short_recall=subset_pair_recall(gold, predicted, cut),
        local_recall=subset_pair_recall(gold, predicted, local),
        hard_negatives_merged=sum(grouped_together(predicted, i, j) for i, j in hard),
        hard_negative_pairs=len(hard),
        boilerplate_merges=sum(_pairs(k) for k in boilerplate.values()),
        seeds_grouped=any(grouped_together(predicted, i, j) for k, i in enumerate(seeds) for j in seeds[k + 1:]),
        clusters=len(set(predicted)))


def run_detector(detector: Detector, items: Sequence[EvalItem]) -> tuple[list[str], float]:
    """Run a detector `(texts, published) -> cluster ids` on the items; return its labels and its wall time (s)."""
    texts, published = [i.text for i in items], [i.published_at for i in items]
    started = time.perf_counter()
    labels = list(detector(texts, published))
    seconds = time.perf_counter() - started
    if len(labels) != len(items):
        raise ValueError(f"the detector returned {len(labels)} cluster ids for {len(items)} articles")
    return labels, seconds
