"""MinHash signatures (Broder 1997), computed for a whole batch at once.

For permutations h_i(x) = (a_i * x + b_i) mod 2^64 with odd a_i (multiply-add, a universal family on the
high bits), the signature of a set S is s_i = min_{x in S} (h_i(x) >> 32). Two sets agree on a signature
position with probability J(S, T) = |S ∩ T| / |S ∪ T|, so the share of equal positions estimates the Jaccard
similarity with standard error sqrt(J(1 - J) / num_perm). The parameters come from a seeded generator, so
signatures are identical in every process and run.
"""

from __future__ import annotations

import numpy as np

NUM_PERM = 128
SEED = 20_241_208
PERMUTATIONS_PER_CHUNK = 16     # bounds the temporary (permutations x shingles) array
EMPTY = np.iinfo(np.uint32).max


def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def signatures(shingle_sets: list[np.ndarray], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """Return the (n, num_perm) uint32 MinHash signatures of n shingle-hash sets (empty sets: all EMPTY)."""
    result = np.full((len(shingle_sets), num_perm), EMPTY, dtype=np.uint32)
    present = [i for i, s in enumerate(shingle_sets) if len(s)]
    if not present:
        return result
    values = np.concatenate([shingle_sets[i] for i in present])
    starts = np.cumsum([0] + [len(shingle_sets[i]) for i in present[:-1]])
    a, b = permutations(num_perm, seed)
    with np.errstate(over="ignore"):
        for first in range(0, num_perm, PERMUTATIONS_PER_CHUNK):
            rows = slice(first, min(first + PERMUTATIONS_PER_CHUNK, num_perm))
            hashed = (values[None, :] * a[rows, None] + b[rows, None]) >> np.uint64(32)
            result[present, rows] = np.minimum.reduceat(hashed, starts, axis=1).T.astype(np.uint32)
    return result


def jaccard_estimate(first: np.ndarray, second: np.ndarray) -> float:
    """Estimate the Jaccard similarity of two sets from their signatures."""
    return float(np.mean(first == second))
