"""Word k-shingles hashed to 64-bit integers, for many texts per numpy call.

The input is the normalised token stream (`" ".join(tokens(text))`: lower-case `\\w+` words, one space
apart), or for ASCII text simply the lower-cased text (its words are the runs of [a-z0-9_], the same).
A word hashes to fmix64(sum_j byte_j * M^j) over its UTF-8 bytes (a prefix sum over the whole buffer,
differenced at the word's ends, so the value does not depend on where the word is); a shingle
t_1..t_k to fmix64(sum_i t_i * W^(k-i) mod 2^64). Fixed integer arithmetic only (no Python `hash`, no
random state): stable across processes, runs and platforms. A text shorter than k words is one shingle of
all its words; an empty text has none. (The batched hashing of `benchmarks.minhash_libraries`.)
"""

from __future__ import annotations

import numpy as np

SHINGLE_WORDS = 5
_U64 = np.uint64
_BYTE_MULTIPLIER = 0x5851F42D4C957F2D          # odd, so invertible mod 2^64
_BYTE_MULTIPLIER_INVERSE = pow(_BYTE_MULTIPLIER, -1, 1 << 64)
_WORD_MULTIPLIER = _U64(0x9E3779B97F4A7C15)    # odd: shingles differing in one word never collide
_FMIX_C1, _FMIX_C2, _FMIX_SHIFT = _U64(0xFF51AFD7ED558CCD), _U64(0xC4CEB9FE1A85EC53), _U64(33)
_powers: tuple[np.ndarray, np.ndarray] = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))


def _fmix64(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser (a bijection that spreads every input bit over all output bits)."""
    x = x ^ (x >> _FMIX_SHIFT)
    x *= _FMIX_C1
    x ^= x >> _FMIX_SHIFT
    x *= _FMIX_C2
    x ^= x >> _FMIX_SHIFT
    return x


def _byte_powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """M^i and M^-i mod 2^64 for i < size (cached, grown by doubling; the pair is replaced at once, so
    threads never see one grown without the other)."""
    global _powers
    powers = _powers
    if powers[0].size < size:
        size = max(size, 2 * powers[0].size)
        grown = []
        for factor in (_BYTE_MULTIPLIER, _BYTE_MULTIPLIER_INVERSE):
            factors = np.full(size, factor, dtype=np.uint64)
            factors[0] = 1
            grown.append(np.cumprod(factors, dtype=np.uint64))
        powers = _powers = (grown[0], grown[1])
    return powers


def _word_byte_table() -> bytes:
    """A `bytes.translate` table: 1 for the bytes of words, 0 for the others."""
    table = bytearray(256)
    for char in b"abcdefghijklmnopqrstuvwxyz0123456789_":
        table[char] = 1
    table[0x80:] = b"\x01" * 0x80   # UTF-8 bytes of non-ASCII characters (only inside \w tokens here)
    return bytes(table)


WORD_BYTES = _word_byte_table()


def _word_hashes(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    r"""(hash, start offset) of every word of data, a word being a maximal run of WORD_BYTES.

    `data` is a token stream (`\w` tokens, single spaces) or lower-cased ASCII text, whose `\w+` runs
    are exactly the runs of [a-z0-9_]: both give the words of `tokens()`.
    """
    size = len(data)
    in_word = np.frombuffer(data.translate(WORD_BYTES), dtype=np.bool_)
    bounds = np.flatnonzero(in_word[1:] != in_word[:-1])   # the last byte before each change
    bounds += 1
    if size and in_word[0]:
        bounds = np.concatenate(([0], bounds))
    if size and in_word[-1]:
        bounds = np.concatenate((bounds, [size]))
    starts, ends = bounds[0::2], bounds[1::2]
    powers, inverse_powers = _byte_powers(size + 1)
    prefix = np.empty(size + 1, dtype=np.uint64)   # prefix[i]: sum of byte_j * M^j for j < i
    prefix[0] = 0
    prefix[1:] = np.frombuffer(data, dtype=np.uint8)
    with np.errstate(over="ignore"):
        prefix[1:] *= powers[:size]
        np.cumsum(prefix, out=prefix)
        hashes = prefix[ends]
        hashes -= prefix[starts]
        hashes *= inverse_powers[starts]
        return _fmix64(hashes), starts


def _combine_word_hashes(word_hashes: np.ndarray, k: int) -> np.ndarray:
    """Hash every run of k consecutive word hashes into one uint64."""
    k = min(k, word_hashes.size)
    count = word_hashes.size - k + 1
    combined = word_hashes[:count].copy()
    with np.errstate(over="ignore"):
        for offset in range(1, k):
            combined *= _WORD_MULTIPLIER
            combined += word_hashes[offset: offset + count]
        return _fmix64(combined)


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    if values.size < 2:
        return values.copy()
    values = np.sort(values)    # faster than np.unique on a few hundred values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def stream_shingle_hashes(stream: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique uint64 shingle hashes of one token stream (words separated by single spaces)."""
    word_hashes, _ = _word_hashes(stream.encode("utf-8"))
    if word_hashes.size == 0:
        return word_hashes
    return _sorted_unique(_combine_word_hashes(word_hashes, k))


def batch_shingle_hashes(streams: list[str], k: int = SHINGLE_WORDS) -> tuple[np.ndarray, np.ndarray]:
    """Shingle hashes of several token streams as (flat uint64 hashes, int64 row offsets), duplicates kept.

    The same values as `stream_shingle_hashes`, with a few numpy calls for the whole batch (fastest for
    about 32-128 texts per call).
    """
    encoded = [stream.encode("utf-8") for stream in streams]
    word_hashes, starts = _word_hashes(b" ".join(encoded))
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    text_starts = np.zeros(len(encoded), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=text_starts[1:])
    first_words = np.searchsorted(starts, text_starts)
    counts = np.diff(np.append(first_words, word_hashes.size))
    offsets = np.zeros(len(streams) + 1, dtype=np.int64)
    if np.any((counts > 0) & (counts < k)):   # rare: a short text is one shortened shingle; per text
        hash_sets = [stream_shingle_hashes(stream, k) for stream in streams]
        np.cumsum([h.size for h in hash_sets], out=offsets[1:])
        return np.concatenate([np.empty(0, dtype=np.uint64), *hash_sets]), offsets
    np.cumsum(np.maximum(counts - k + 1, 0), out=offsets[1:])
    if word_hashes.size < k:
        return np.empty(0, dtype=np.uint64), offsets
    combined = _combine_word_hashes(word_hashes, k)
    keep = np.ones(combined.size, dtype=bool)   # drop windows that start in one text and end in the next
    ends = np.cumsum(counts)[:-1]
    cross = (ends[:, None] - np.arange(1, k)[None, :]).ravel()
    keep[cross[(cross >= 0) & (cross < combined.size)]] = False
    return combined[keep], offsets


def row_sets(hashes: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row of flat hashes (row i: hashes[offsets[i]:offsets[i + 1]]) sorted and unique, as
    (flat, offsets)."""
    lengths = np.diff(offsets)
    rows = _sorted_rows(hashes, offsets)
    first = _first_of_runs(rows, lengths)
    unique_offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(first.sum(axis=1), out=unique_offsets[1:])
    return rows[first], unique_offsets


def unique_counts(hashes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The number of distinct values of each row of flat hashes (row i: hashes[offsets[i]:offsets[i + 1]])."""
    return _first_of_runs(_sorted_rows(hashes, offsets), np.diff(offsets)).sum(axis=1)


def _sorted_rows(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The rows of flat values sorted, side by side in one (rows, longest) array padded at the end with the
    largest value (so each row's own values come first)."""
    lengths = np.diff(offsets)
    width = int(lengths.max(initial=0))
    padded = np.full((lengths.size, width), np.iinfo(values.dtype).max, dtype=values.dtype)
    total = int(offsets[-1] - offsets[0])
    columns = np.arange(total) - np.repeat(offsets[:-1] - offsets[0], lengths)
    padded[np.repeat(np.arange(lengths.size), lengths), columns] = values[offsets[0]:offsets[-1]]
    padded.sort(axis=1)
    return padded


def _first_of_runs(rows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Mask of the first of each run of equal values inside each sorted row's own length."""
    first = np.arange(rows.shape[1])[None, :] < lengths[:, None]
    first[:, 1:] &= rows[:, 1:] != rows[:, :-1]
    return first


def shingle_hashes(words: list[str], k: int = SHINGLE_WORDS) -> np.ndarray:
    """Return the sorted, unique uint64 hashes of the word k-shingles of a token list."""
    return stream_shingle_hashes(" ".join(words), k)
