"""Verify candidate pairs exactly on their shingles.

Jaccard J = |A ∩ B| / |A ∪ B| is low for a copy cut from the bottom (a quarter of the text gives 0.25);
containment C = |A ∩ B| / min(|A|, |B|) stays near 1 for it, so copies are judged on containment, with a
floor on the smaller set's size so that a few shared phrases never count as a copy.

Containment still falls with word edits: one word dropped, inserted, changed or truncated removes
the k shingles that hold it (k = 5: a run of 4-5 positions of the copy's shingle sequence matches
nothing), so 6% of the words edited leave about 0.94^5 ~ 73% of the shingles. Aligned containment
counts the positions of the smaller text's shingle sequence s_1..s_n that are in the other's set,
plus every run of at most `max_gap` unmatched positions lying between two matched ones (one edit's
hole):

    A = (|{p : s_p in B}| + sum of the gaps g <= max_gap between consecutive matched positions) / n

With max_gap = k a single edit costs nothing and two edits closer than k words cost their whole run;
text shared only in scattered phrases keeps its gaps (longer than k), so A stays close to C for it.
"""

from __future__ import annotations

import numpy as np


def shared(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The shingles two sorted unique hash arrays share, sorted (= np.intersect1d, by binary search)."""
    if first.size > second.size:
        first, second = second, first
    if second.size == 0:
        return first[:0]
    at = np.searchsorted(second, first)
    at[at == second.size] = 0
    return first[second[at] == first]


def overlap(first: np.ndarray, second: np.ndarray) -> int:
    """Count the shingles two sorted unique hash arrays share."""
    return int(shared(first, second).size)


def containment(first: np.ndarray, second: np.ndarray) -> float:
    smaller = min(len(first), len(second))
    return overlap(first, second) / smaller if smaller else 0.0


def jaccard(first: np.ndarray, second: np.ndarray) -> float:
    shared = overlap(first, second)
    union = len(first) + len(second) - shared
    return shared / union if union else 0.0


def aligned_containment(sequence: np.ndarray, other: np.ndarray, max_gap: int) -> float:
    """Aligned containment of a text (its shingle hashes in order, repeats kept) in a sorted unique
    hash set: the share of its positions matched, each run of <= `max_gap` unmatched positions
    between two matched ones counted as matched."""
    if sequence.size == 0 or other.size == 0:
        return 0.0
    at = np.searchsorted(other, sequence)
    at[at == other.size] = 0
    matched = np.flatnonzero(other[at] == sequence)
    gaps = np.diff(matched) - 1
    return float(matched.size + gaps[gaps <= max_gap].sum()) / sequence.size
