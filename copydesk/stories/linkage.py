"""Group-average agglomerative clustering of new articles, among themselves and into existing stories.

Clusters are compared by group average (UPGMA): the mean similarity over all pairs of their articles, which
does not chain like single link and, unlike a centroid, is not dragged by one long article. With
unit-length blocks the pair sums factorise: sum over a in A, b in B of cos_k(a, b) = (sum_A x_k) . (sum_B x_k),
so a cluster is its block sums, and merging two clusters adds their rows and columns of pair sums.

The similarity of clusters A and B is a ratio of pair averages:

    sim(A, B) = sum_k w_k S_k(A, B) / (w_words L(A, B) + (w_names + w_numbers) |A||B|) * decay(gap(A, B))

S_k the pair sums of block k; L the number of pairs whose languages are comparable word by word (the same
language, or either undetermined). Within one language this is plain group average of
w_words cos_words + w_names cos_names + w_numbers cos_numbers; across languages the words block (which
cannot match) leaves the denominator, so names and numbers alone decide. `gap` is the time between the
clusters' publication spans (0 when they overlap, unknown when either has no dated article): beyond
`window_days` the clusters cannot meet; beyond `grace_days` the similarity decays as
exp(-(gap - grace) / decay).

Existing stories are clusters like the new units: the most similar pair of clusters merges first,
while the best similarity reaches `threshold`, so a unit joins a story, and two stories merge once
their group average reaches the threshold (a unit that joined one of them can bring that about).
Naming the result (which story's id survives) is the caller's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass(frozen=True)
class Linkage:
    """The parameters of the similarity and of the stopping rule (chosen on development data)."""

    weights: tuple[float, float, float]      # words, names, numbers; they sum to 1
    threshold: float
    window_days: float
    grace_days: float
    decay_days: float


@dataclass(frozen=True)
class Clusters:
    """Clusters as the linkage sees them: block sums, sizes, language counts, dated spans (days, NaN if none)."""

    sums: tuple[sparse.csr_matrix, ...]    # one (clusters x vocabulary) matrix per block
    sizes: np.ndarray                       # articles per cluster
    languages: np.ndarray                   # (clusters x languages) article counts; column 0 = undetermined
    first_day: np.ndarray
    last_day: np.ndarray

    def __len__(self) -> int:
        return len(self.sizes)


def _comparable_pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairs (rows of a x rows of b) in one language or with an undetermined side."""
    same = a[:, 1:] @ b[:, 1:].T
    und_a, und_b = a[:, :1], b[:, :1]
    n_a, n_b = a.sum(axis=1, keepdims=True), b.sum(axis=1, keepdims=True)
    return same + und_a @ n_b.T + n_a @ und_b.T - und_a @ und_b.T


def _decay(first_a: np.ndarray, last_a: np.ndarray, first_b: np.ndarray, last_b: np.ndarray,
           params: Linkage) -> np.ndarray:
    gap = np.maximum(0.0, np.maximum(first_b[None, :] - last_a[:, None], first_a[:, None] - last_b[None, :]))
    factor = np.exp(-np.maximum(0.0, gap - params.grace_days) / params.decay_days)
    factor[gap > params.window_days] = 0.0
    return np.where(np.isnan(gap), 1.0, factor)


def group_average(new: Clusters, stories: Clusters, params: Linkage) -> np.ndarray:
    """Cluster the new units and the stories together by group average.

    Returns, for each cluster (the new units, then the stories), the lowest index of the group it
    ends in: clusters with the same value form one group.
    """
    m = len(new)
    n = m + len(stories)
    if n == 0:
        return np.arange(0)
    w_words, w_names, w_numbers = params.weights
    both = [sparse.vstack([a, b]).tocsr() for a, b in zip(new.sums, stories.sums)] if len(stories) else \
        list(new.sums)
    pair_sums = sum(w * (a @ a.T).toarray() for w, a in zip(params.weights, both))
    sizes = np.concatenate([new.sizes, stories.sizes]).astype(np.float64)
    languages = np.vstack([new.languages, stories.languages])
    pairs = (w_words * _comparable_pairs(languages, languages)
             + (w_names + w_numbers) * np.outer(sizes, sizes))
    first = np.concatenate([new.first_day, stories.first_day])
    last = np.concatenate([new.last_day, stories.last_day])

    def similarity(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        block = np.ix_(rows, cols)
        return pair_sums[block] / pairs[block] * _decay(first[rows], last[rows], first[cols], last[cols], params)

    everything = np.arange(n)
    sim = similarity(everything, everything)
    np.fill_diagonal(sim, -np.inf)
    best = sim.argmax(axis=1)               # each row's most similar cluster (the first, on ties)
    alive = np.ones(n, dtype=bool)
    owner = np.arange(n)                    # the cluster each unit or story has joined
    while True:
        row = int(np.argmax(sim[everything, best]))     # the best pair, as argmax(sim) finds it
        keep, gone = sorted((row, int(best[row])))
        if sim[keep, gone] < params.threshold:
            break
        # the lower index stays (merges do not depend on the order of equal pairs); pair sums add up
        pair_sums[:, keep] += pair_sums[:, gone]
        pair_sums[keep, :] += pair_sums[gone, :]
        pairs[:, keep] += pairs[:, gone]
        pairs[keep, :] += pairs[gone, :]
        first[keep] = np.fmin(first[keep], first[gone])
        last[keep] = np.fmax(last[keep], last[gone])
        owner[owner == gone] = keep
        alive[gone] = False
        sim[gone, :] = -np.inf
        sim[:, gone] = -np.inf
        live = np.flatnonzero(alive)
        sim[keep, live] = sim[live, keep] = similarity(np.array([keep]), live)[0]
        sim[keep, keep] = -np.inf
        # rows whose best was one of the two look again; the others only compare with the new column
        stale = np.flatnonzero((best == keep) | (best == gone) | (everything == keep))
        best[stale] = sim[stale].argmax(axis=1)
        column, current = sim[:, keep], sim[everything, best]
        best[(column > current) | ((column == current) & (keep < best))] = keep
    return owner
