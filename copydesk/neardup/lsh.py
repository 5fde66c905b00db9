"""Locality-sensitive hashing of MinHash signatures by banding (Indyk & Motwani 1998; Leskovec et
al., Mining of Massive Datasets, ch. 3).

A signature of b * r values is cut into b bands of r rows; two documents become candidates when all
r rows of at least one band agree. For Jaccard similarity J that happens with probability
1 - (1 - J^r)^b: an S-curve whose threshold is near (1/b)^(1/r). With one cut of 128 values into
b = 64 bands of r = 2, a copy cut to a quarter of the original (J = 0.25) is found with probability
0.98, but a copy cut to a fifth and edited (6% of the words changed leave ~73% of its 5-shingles:
J ~ 0.13) only with probability ~0.66.

So the same 128 values are cut into bands PAIRINGS times, each time paired differently (the first
cut is the plain one, values 2i and 2i + 1; the others pair them by a fixed seeded shuffle). Two
documents whose signatures agree in m of the 128 positions share a band of one cut when two of those
m positions are paired in it: m(m - 1)/254 such pairs per cut on average. With c cuts the chance is
about 1 - exp(-c m(m - 1)/254) (the cuts are not independent; it is 0 for m < 2). For J = 0.13
(m ~ 17) one cut finds the pair with probability ~0.64 and three with ~0.95; pairs sharing only a
few phrases (J = 0.02, m ~ 2.6) collide with probability ~0.025 per cut. Candidates are verified
exactly, so more cuts cost only time: one key gather and one sort per band.
"""

from __future__ import annotations

import numpy as np

ROWS = 2                         # two uint32 values make one uint64 band key, exactly (no hashing)
PAIRINGS = 3                     # cuts of the signature into bands, each pairing the values anew
PAIRING_SEED = 20_261_208
BANDS_PER_BLOCK = 16             # bands whose keys are gathered at once (n x 16 uint64 at a time)
MAX_BUCKET = 64                  # a larger bucket (a very common band value) links its members to its first
SLOT_BITS_OVER_N = 3             # keys are first counted by their low bits in 2^(bits of n + 3) slots


def band_rows(num_perm: int, pairings: int = PAIRINGS) -> np.ndarray:
    """The signature positions of every band, (pairings * num_perm / ROWS, ROWS): the bands of the
    plain cut first (positions 2b, 2b + 1), then those of each shuffled cut."""
    plain = np.arange(num_perm).reshape(-1, ROWS)
    rng = np.random.default_rng(PAIRING_SEED)
    shuffled = [rng.permutation(num_perm).reshape(-1, ROWS) for _ in range(pairings - 1)]
    return np.concatenate([plain, *shuffled])


def band_keys(signatures: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The uint64 keys of some bands (`positions`: (bands, ROWS)) of every signature: (bands, n),
    each row contiguous; a key holds the band's two uint32 values."""
    gathered = np.ascontiguousarray(np.take(signatures, positions.ravel(), axis=1), dtype=np.uint32)
    return np.ascontiguousarray(gathered.view(np.uint64).T)


def signature_pairs(signatures: np.ndarray, new: np.ndarray | None = None, pairings: int = PAIRINGS
                    ) -> np.ndarray:
    """Return the (m, 2) index pairs (i < j) of signatures that share a band key in any band of
    `pairings` cuts into bands of ROWS values; with `new`, only pairs touching a new row.
    BANDS_PER_BLOCK bands' keys at a time."""
    n = signatures.shape[0]
    rows = band_rows(signatures.shape[1], pairings)
    return _pairs([_shared_key_codes(keys, n) for first in range(0, len(rows), BANDS_PER_BLOCK)
                   for keys in band_keys(signatures, rows[first:first + BANDS_PER_BLOCK])], n, new)


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
