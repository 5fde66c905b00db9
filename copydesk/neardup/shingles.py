"""Word k-shingles hashed to 64-bit integers.

Each token is hashed once (BLAKE2b, 8 bytes: stable across processes and runs, so hashes can be stored
and compared later) and cached; a shingle t_1..t_k hashes to the polynomial sum_i t_i * P^(k-i) mod 2^64,
computed for all positions at once with numpy. A text shorter than k words is one shingle of all its words.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 5
POLYNOMIAL_BASE = np.uint64(0x100000001B3)  # the FNV-1a prime: odd, so the map stays injective mod 2^64
TOKEN_CACHE_SIZE = 1 << 20


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


def shingle_hashes(words: list[str], k: int = SHINGLE_WORDS) -> np.ndarray:
    """Return the sorted, unique uint64 hashes of the word k-shingles of a token list."""
    if not words:
        return np.empty(0, dtype=np.uint64)
    hashed = np.fromiter((token_hash(w) for w in words), dtype=np.uint64, count=len(words))
    width = min(k, len(hashed))
    windows = len(hashed) - width + 1
    combined = np.zeros(windows, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            combined = combined * POLYNOMIAL_BASE + hashed[offset:offset + windows]
    return np.unique(combined)
