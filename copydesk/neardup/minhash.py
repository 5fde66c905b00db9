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
PERMUTATIONS_PER_CHUNK = 4      # with DOCUMENTS_PER_BLOCK, bounds the temporary (permutations x shingles)
DOCUMENTS_PER_BLOCK = 128      # documents per block: the temporary (~1.7 MB) stays in cache
EMPTY = np.iinfo(np.uint32).max


def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def signatures(shingle_sets: list[np.ndarray], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """Return the (n, num_perm) uint32 MinHash signatures of n shingle-hash sets (empty sets: all EMPTY)."""
    offsets = np.zeros(len(shingle_sets) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in shingle_sets], out=offsets[1:])
    flat = np.concatenate([np.empty(0, dtype=np.uint64), *shingle_sets]).astype(np.uint64, copy=False)
    return signatures_flat(flat, offsets, num_perm, seed)


def signatures_flat(hashes: np.ndarray, offsets: np.ndarray, num_perm: int = NUM_PERM,
                    seed: int = SEED) -> np.ndarray:
    """As `signatures`, for the sets concatenated in `hashes` (row i is hashes[offsets[i]:offsets[i + 1]]);
    a row may repeat a value (the minimum is the same)."""
    n = len(offsets) - 1
    result = np.full((n, num_perm), EMPTY, dtype=np.uint32)
    a, b = permutations(num_perm, seed)
    bounds = np.asarray(offsets, dtype=np.int64)
    scratch = np.empty(0, dtype=np.uint64)
    for first in range(0, n, DOCUMENTS_PER_BLOCK):
        part = bounds[first: first + DOCUMENTS_PER_BLOCK + 1]
        present = np.flatnonzero(np.diff(part))
        if present.size == 0:
            continue
        values = hashes[part[0]: part[-1]]
        starts = (part[:-1] - part[0])[present]
        if scratch.size < PERMUTATIONS_PER_CHUNK * values.size:
            scratch = np.empty(PERMUTATIONS_PER_CHUNK * values.size, dtype=np.uint64)
        block = np.empty((num_perm, present.size), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for p in range(0, num_perm, PERMUTATIONS_PER_CHUNK):
                rows = slice(p, min(p + PERMUTATIONS_PER_CHUNK, num_perm))
                hashed = scratch[: (rows.stop - p) * values.size].reshape(rows.stop - p, values.size)
                np.multiply(values[None, :], a[rows, None], out=hashed)
                hashed += b[rows, None]
                np.minimum.reduceat(hashed, starts, axis=1, out=block[rows])
        block >>= np.uint64(32)   # the high half of the minimum is the minimum of the high halves
        result[first + present] = block.T
    return result


def jaccard_estimate(first: np.ndarray, second: np.ndarray) -> float:
    """Estimate the Jaccard similarity of two sets from their signatures."""
    return float(np.mean(first == second))
