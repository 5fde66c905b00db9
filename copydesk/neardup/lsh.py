"""Locality-sensitive hashing of MinHash signatures by banding (Indyk & Motwani 1998; Leskovec et al.,
Mining of Massive Datasets, ch. 3).

A signature of b * r values is cut into b bands of r rows; two documents become candidates when all r
rows of at least one band agree. For Jaccard similarity J that happens with probability
1 - (1 - J^r)^b: an S-curve whose threshold is near (1/b)^(1/r). With b = 64, r = 2 a copy cut to a
quarter of the original (J = 0.25) is found with probability 0.98, while pairs sharing only a few phrases
(J = 0.02) collide with probability 0.03; candidates are then verified exactly.
"""

from __future__ import annotations

import numpy as np

BANDS = 64
ROWS = 2
MAX_BUCKET = 64                  # a larger bucket (a very common band value) links its members to its first
KEY_BASE = np.uint64(0x9E3779B97F4A7C15)
SLOT_BITS_OVER_N = 3             # keys are first counted by their low bits in 2^(bits of n + 3) slots


def band_key(signatures: np.ndarray, band: int, rows: int = ROWS) -> np.ndarray:
    """Hash one band of each signature to one uint64 key: shape (n,)."""
    key = np.zeros(signatures.shape[0], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for row in range(band * rows, (band + 1) * rows):
            key *= KEY_BASE
            key += signatures[:, row]
            key += np.uint64(1)
    return key


def signature_pairs(signatures: np.ndarray, new: np.ndarray | None = None, bands: int = BANDS,
                    rows: int = ROWS) -> np.ndarray:
    """Return the (m, 2) index pairs (i < j) of signatures that share a band key (`rows` values hashed to
    one uint64) in any of `bands` bands; with `new`, only pairs touching a new row. One band's keys at a time."""
    n = signatures.shape[0]
    return _pairs([_shared_key_codes(band_key(signatures, band, rows), n) for band in range(bands)], n, new)


def _shared_key_codes(column: np.ndarray, n: int) -> np.ndarray:
    """The pairs (i, j), i < j, whose keys in one band are equal, as codes i * n + j.

    Most keys are unique: only those whose low bits are shared (counted in ~8n slots) are sorted.
    """
    bits = max(n.bit_length() + SLOT_BITS_OVER_N, 8)
    slots = (column & np.uint64((1 << bits) - 1)).astype(np.intp)
    maybe = np.flatnonzero(np.bincount(slots, minlength=1 << bits)[slots] > 1)
    order = maybe[np.argsort(column[maybe])]    # members are sorted below: no need for a stable sort
    sorted_keys = column[order]
    same = sorted_keys[1:] == sorted_keys[:-1]
    if not same.any():
        return np.empty(0, dtype=np.int64)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], same.astype(np.int8), [0]))))
    starts, sizes = edges[::2], edges[1::2] - edges[::2] + 1
    found = []
    for size in np.unique(sizes).tolist():      # all buckets of one size at once
        first = starts[sizes == size]
        members = np.sort(order[first[:, None] + np.arange(size)[None, :]], axis=1)
        if size > MAX_BUCKET:
            i, j = np.zeros(size - 1, dtype=np.int64), np.arange(1, size)
        else:
            i, j = np.triu_indices(size, k=1)
        found.append(members[:, i].ravel() * n + members[:, j].ravel())
    return np.concatenate(found).astype(np.int64)


def _pairs(codes_per_band: list[np.ndarray], n: int, new: np.ndarray | None) -> np.ndarray:
    codes = np.unique(np.concatenate([np.empty(0, dtype=np.int64), *codes_per_band]))
    pairs = np.stack([codes // n, codes % n], axis=1)
    if new is not None:
        pairs = pairs[new[pairs[:, 0]] | new[pairs[:, 1]]]
    return pairs
