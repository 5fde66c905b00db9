"""Verify candidate pairs exactly on their shingle sets.

Jaccard J = |A ∩ B| / |A ∪ B| is low for a copy cut from the bottom (a quarter of the text gives 0.25);
containment C = |A ∩ B| / min(|A|, |B|) stays near 1 for it, so copies are judged on containment, with a
floor on the smaller set's size so that a few shared phrases never count as a copy.
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
