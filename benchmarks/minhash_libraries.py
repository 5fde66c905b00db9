"""Compare MinHash implementations for copydesk's near-duplicate detection (word 5-shingles).

On a deterministic synthetic corpus (by default 20,000 documents of 300-600 words drawn from a Zipf-like
vocabulary of 50,000 fake words; document i depends only on i), this measures:

(a) datasketch 2.0 ``MinHash.bulk`` (one ``update_batch`` per document: SHA-1 of each shingle, then its default
    ``affine32`` permutations), on a subset (``--datasketch-docs``) because it is slow;
(b) rensa 0.5: ``RMinHash.digest_matrix_from_token_sets`` (shingle strings, hashed by rensa),
    ``CMinHash.digests64_from_token_sets`` (64-bit slots), ``RMinHash.digest_matrix_from_flat_token_hashes``
    fed with the numpy shingle hashes of (c), and its ``_rho`` variant (a sampling sketch, not full-set MinHash);
(c) numpy, copydesk's own ``copydesk.neardup`` (imported, so the figures are those of the pipeline's code):
    ``stream_shingle_hashes`` per document or ``batch_shingle_hashes`` for 64 documents per call (word
    hashes from the UTF-8 bytes by a prefix-sum polynomial, k consecutive word hashes combined, MurmurHash3
    finaliser), then ``signatures`` / ``signatures_flat`` (copydesk's MinHash, blocks of 256 documents).

For each implementation and num_perm 64 and 128: documents/s of phase 1 (text -> the implementation's input:
shingle strings/bytes or uint64 hashes) and phase 2 (input -> (n, num_perm) numpy signature matrix; the
conversion of rensa's result to numpy is included and also reported alone), per wall second and per CPU second,
single-threaded (RAYON_NUM_THREADS=1, RENSA_PIPELINE_QUEUE_CAP=0), each implementation in its own subprocess,
median of --repeats runs; peak memory of each phase (VmHWM, reset through /proc/self/clear_refs, minus the RSS
before the phase); and the mean absolute error of the Jaccard estimates (fraction of equal slots) of 2,000 random
pairs and 500 constructed near-duplicate pairs (bottom half cut, or 5% of the words replaced) against the exact
Jaccard of the shingle-string sets, next to the MAE of an ideal MinHash (E|X/P - J| for X ~ Binomial(P, J)).
Also: phase-1 hash function variants (xxhash only if importable); datasketch ``MinHashLSH``, rensa
``RMinHashLSH`` and a numpy band sort as LSH references (same 32 bands x 4 rows); and stability: signatures
recomputed in two more processes (PYTHONHASHSEED 1 and 2; rensa single-threaded with its permutation cache, and
with 2 Rayon threads and its pipeline thread) and compared by SHA-256.

Run from the repository root (about 3 minutes on 2 idle cores):

    .venv/bin/python -m benchmarks.minhash_libraries [--docs 20000] [--datasketch-docs 4000] [--repeats 3]
        [--json results.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import pickle
import statistics
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

try:  # optional: only for the phase-1 hash comparison
    import xxhash
except ImportError:  # pragma: no cover - depends on the environment
    xxhash = None

from copydesk.neardup.minhash import signatures, signatures_flat
from copydesk.neardup.shingles import _combine_word_hashes, _fmix64, _sorted_unique, batch_shingle_hashes
from copydesk.neardup.shingles import stream_shingle_hashes as shingle_hashes

DEFAULT_DOCS = 20_000
DEFAULT_DATASKETCH_DOCS = 4_000
DEFAULT_REPEATS = 3
VOCABULARY_SIZE = 50_000
ZIPF_EXPONENT = 1.07
MIN_WORDS, MAX_WORDS = 300, 600
SHINGLE_K = 5
CORPUS_SEED = 20_240_611
MINHASH_SEED = 42
NUM_PERMS = (64, 128)
ACCURACY_POOL = 4_000  # random pairs and near-duplicate originals are drawn from the first ACCURACY_POOL docs
RANDOM_PAIRS = 2_000
NEAR_DUPLICATE_PAIRS = 500
CHANGED_WORD_FRACTION = 0.05
LSH_NUM_PERM = 128
LSH_BANDS = 32  # rensa needs num_perm % bands == 0; 32 x 4 rows ~ threshold (1/32)**(1/4) = 0.42
DIGEST_DOCS = 2_000
DATASKETCH_DIGEST_DOCS = 300
BYTES_PER_MB = 1_048_576
KB = 1_024

# ----------------------------------------------------------------------------------------------------------
# numpy implementation: copydesk's own (copydesk.neardup), measured as it runs in the pipeline
# ----------------------------------------------------------------------------------------------------------

HASH_DOC_BATCH = 64  # documents per batch_shingle_hashes call, as in copydesk.tasks.wire
_WORD_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: mixes signature columns into an LSH band key


# ----------------------------------------------------------------------------------------------------------
# corpus and ground truth
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    documents: list[str]
    accuracy_documents: list[str]  # documents[:ACCURACY_POOL] followed by the near-duplicate variants
    random_pairs: np.ndarray  # (RANDOM_PAIRS, 2) indices into accuracy_documents
    near_pairs: np.ndarray  # (NEAR_DUPLICATE_PAIRS, 2): (original, variant)


def _fake_vocabulary(size: int, rng: np.random.Generator) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    seen: set[str] = set()
    words: list[str] = []
    while len(words) < size:
        lengths = rng.integers(2, 11, size)
        codes = rng.integers(0, len(letters), int(lengths.sum()))
        position = 0
        for length in lengths.tolist():
            word = "".join(letters[c] for c in codes[position : position + length].tolist())
            position += length
            if word not in seen:
                seen.add(word)
                words.append(word)
                if len(words) == size:
                    break
    return words


def make_corpus(n_docs: int, seed: int = CORPUS_SEED) -> Corpus:
    """Deterministic synthetic corpus plus the random and near-duplicate pairs of the accuracy check.

    Document i depends only on (seed, i), so the first documents are the same whatever ``n_docs`` is.
    """
    vocabulary = _fake_vocabulary(VOCABULARY_SIZE, np.random.default_rng([seed, 0]))
    cdf = np.cumsum(1.0 / np.arange(1, VOCABULARY_SIZE + 1) ** ZIPF_EXPONENT)
    cdf /= cdf[-1]

    def draw(rng: np.random.Generator, count: int) -> list[int]:
        return np.minimum(np.searchsorted(cdf, rng.random(count)), VOCABULARY_SIZE - 1).tolist()

    documents: list[str] = []
    for number in range(n_docs):
        rng = np.random.default_rng([seed, 1, number])
        documents.append(" ".join([vocabulary[i] for i in draw(rng, int(rng.integers(MIN_WORDS, MAX_WORDS + 1)))]))

    rng = np.random.default_rng([seed, 2])
    pool = min(ACCURACY_POOL, n_docs)
    originals = rng.choice(pool, min(NEAR_DUPLICATE_PAIRS, pool), replace=False).tolist()
    variants: list[str] = []
    for number, original in enumerate(originals):
        words = documents[original].split()
        if number % 2 == 0:  # bottom half cut
            words = words[: len(words) // 2]
        else:  # 5% of the words replaced by other vocabulary words
            changed = rng.choice(len(words), round(CHANGED_WORD_FRACTION * len(words)), replace=False).tolist()
            for position, replacement in zip(changed, draw(rng, len(changed)), strict=True):
                words[position] = vocabulary[replacement]
        variants.append(" ".join(words))
    first, second = rng.integers(0, pool, (2, RANDOM_PAIRS * 2))
    random_pairs = np.stack([first, second], axis=1)
    random_pairs = random_pairs[random_pairs[:, 0] != random_pairs[:, 1]][:RANDOM_PAIRS]
    near_pairs = np.array([(original, pool + number) for number, original in enumerate(originals)])
    return Corpus(documents, documents[:pool] + variants, random_pairs, near_pairs)


def word_shingles(text: str, k: int = SHINGLE_K) -> list[str]:
    """Word k-shingles as strings (a shorter text is one shingle), duplicates kept."""
    words = text.split()
    if len(words) <= k:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]


def exact_jaccard(corpus: Corpus, pairs: np.ndarray) -> np.ndarray:
    sets: dict[int, set[str]] = {}
    values = []
    for i, j in pairs.tolist():
        for index in (i, j):
            if index not in sets:
                sets[index] = set(word_shingles(corpus.accuracy_documents[index]))
        values.append(len(sets[i] & sets[j]) / len(sets[i] | sets[j]))
    return np.array(values)


def estimated_jaccard(signature: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    return (signature[pairs[:, 0]] == signature[pairs[:, 1]]).mean(axis=1)


def ideal_mae(jaccard: np.ndarray, num_perm: int) -> float:
    """Mean of E|X/P - J| for X ~ Binomial(P, J): the error of a MinHash with truly independent permutations."""
    total = 0.0
    for j in jaccard.tolist():
        if j <= 0.0 or j >= 1.0:
            continue
        log_j, log_not_j = math.log(j), math.log1p(-j)
        for x in range(num_perm + 1):
            log_pmf = (
                math.lgamma(num_perm + 1) - math.lgamma(x + 1) - math.lgamma(num_perm - x + 1)
                + x * log_j + (num_perm - x) * log_not_j
            )
            total += math.exp(log_pmf) * abs(x / num_perm - j)
    return total / len(jaccard)


# ----------------------------------------------------------------------------------------------------------
# implementations under test
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Implementation:
    label: str
    prepare: Callable[[list[str]], Any]  # phase 1: texts -> input
    sign: Callable[[Any, int, int], Any]  # phase 2: input -> native signatures
    to_numpy: Callable[[Any], np.ndarray]  # native signatures -> (n, num_perm) array
    subset: bool = False  # measured on --datasketch-docs documents only


def _shingle_bytes(texts: list[str]) -> list[list[bytes]]:
    return [[s.encode("utf-8") for s in word_shingles(t)] for t in texts]


def _shingle_strings(texts: list[str]) -> list[list[str]]:
    return [word_shingles(t) for t in texts]


def _numpy_hashes(texts: list[str]) -> list[np.ndarray]:
    return [shingle_hashes(t) for t in texts]


def _batched_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """batch_shingle_hashes over HASH_DOC_BATCH texts at a time, merged into one (flat, offsets)."""
    parts = [batch_shingle_hashes(texts[i : i + HASH_DOC_BATCH]) for i in range(0, len(texts), HASH_DOC_BATCH)]
    offsets = np.zeros(len(texts) + 1, dtype=np.uint64)
    np.cumsum(np.concatenate([np.diff(part_offsets) for _, part_offsets in parts]), out=offsets[1:])
    return np.concatenate([flat for flat, _ in parts]), offsets


def _flat(hash_sets: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.zeros(len(hash_sets) + 1, dtype=np.uint64)
    np.cumsum(np.fromiter(map(len, hash_sets), dtype=np.uint64, count=len(hash_sets)), out=offsets[1:])
    return np.concatenate(hash_sets), offsets


def _identity(signature: np.ndarray) -> np.ndarray:
    return signature


def _datasketch_sign(inputs: list[list[bytes]], num_perm: int, seed: int) -> np.ndarray:
    from datasketch import MinHash

    return np.vstack([m.hashvalues for m in MinHash.bulk(inputs, num_perm=num_perm, seed=seed)])


def _rensa_strings(inputs: list[list[str]], num_perm: int, seed: int) -> Any:
    import rensa

    return rensa.RMinHash.digest_matrix_from_token_sets(inputs, num_perm, seed)


def _rensa_flat(inputs: list[np.ndarray], num_perm: int, seed: int) -> Any:
    import rensa

    flat, offsets = _flat(inputs)
    return rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, num_perm, seed)


def _rensa_flat_batch(inputs: tuple[np.ndarray, np.ndarray], num_perm: int, seed: int) -> Any:
    import rensa

    return rensa.RMinHash.digest_matrix_from_flat_token_hashes(inputs[0], inputs[1], num_perm, seed)


def _rensa_rho(inputs: tuple[np.ndarray, np.ndarray], num_perm: int, seed: int) -> Any:
    import rensa

    return rensa.RMinHash.digest_matrix_from_flat_token_hashes_rho(inputs[0], inputs[1], num_perm, seed)


def _rensa_matrix_to_numpy(matrix: Any) -> np.ndarray:
    return np.array(matrix.to_rows(), dtype=np.uint32)


def _cminhash(inputs: list[list[str]], num_perm: int, seed: int) -> Any:
    import rensa

    return rensa.CMinHash.digests64_from_token_sets(inputs, num_perm, seed)


def _rows_to_uint64(rows: list[list[int]]) -> np.ndarray:
    return np.array(rows, dtype=np.uint64)


def _numpy_flat(inputs: tuple[np.ndarray, np.ndarray], num_perm: int, seed: int) -> np.ndarray:
    return signatures_flat(inputs[0], inputs[1], num_perm, seed)


IMPLEMENTATIONS: dict[str, Implementation] = {
    "datasketch": Implementation("(a) datasketch MinHash.bulk, shingle bytes", _shingle_bytes,
                                 _datasketch_sign, _identity, subset=True),
    "rensa_str": Implementation("(b) rensa RMinHash matrix, shingle str", _shingle_strings, _rensa_strings,
                                _rensa_matrix_to_numpy),
    "rensa_cminhash": Implementation("(b) rensa CMinHash digests64, shingle str", _shingle_strings, _cminhash,
                                     _rows_to_uint64),
    "rensa_flat": Implementation("(b) rensa RMinHash, shingle_hashes", _numpy_hashes, _rensa_flat,
                                 _rensa_matrix_to_numpy),
    "rensa_flat_batch": Implementation("(b) rensa RMinHash, batch_shingle_hashes", _batched_hashes,
                                       _rensa_flat_batch, _rensa_matrix_to_numpy),
    "rensa_rho": Implementation("(b) rensa RMinHash rho, batch_shingle_hashes", _batched_hashes, _rensa_rho,
                                _rensa_matrix_to_numpy),
    "numpy": Implementation("(c) numpy shingle_hashes + signatures", _numpy_hashes, signatures, _identity),
    "numpy_batch": Implementation("(c) numpy batch_shingle_hashes + signatures", _batched_hashes, _numpy_flat,
                                  _identity),
}


def _python_hash_shingles(text: str) -> np.ndarray:
    return _sorted_unique(np.fromiter(map(hash, word_shingles(text)), dtype=np.int64).view(np.uint64))


def _crc32_shingles(text: str) -> np.ndarray:
    return _sorted_unique(np.fromiter((zlib.crc32(s.encode()) for s in word_shingles(text)), dtype=np.uint64))


def _blake2b_shingles(text: str) -> np.ndarray:
    digests = b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in word_shingles(text))
    return _sorted_unique(np.frombuffer(digests, dtype="<u8"))


def _xxh3_shingles(text: str) -> np.ndarray:
    return _sorted_unique(np.fromiter(
        (xxhash.xxh3_64_intdigest(s.encode()) for s in word_shingles(text)), dtype=np.uint64))


def _crc32_words_combined(text: str) -> np.ndarray:
    words = text.encode("utf-8").split()
    word_hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    return _sorted_unique(_combine_word_hashes(word_hashes, SHINGLE_K)) if words else word_hashes


def _xxh3_words_combined(text: str) -> np.ndarray:
    words = text.encode("utf-8").split()
    word_hashes = np.fromiter(map(xxhash.xxh3_64_intdigest, words), dtype=np.uint64, count=len(words))
    return _sorted_unique(_combine_word_hashes(word_hashes, SHINGLE_K)) if words else word_hashes


HASH_VARIANTS: dict[str, Callable[[str], np.ndarray]] = {
    "Python hash() of each shingle str (NOT stable across processes)": _python_hash_shingles,
    "zlib.crc32 of each shingle (32-bit)": _crc32_shingles,
    "hashlib.blake2b(digest_size=8) of each shingle": _blake2b_shingles,
    "zlib.crc32 of each word (bytes.split), numpy k-word combine": _crc32_words_combined,
    "numpy bytes -> word hashes -> k-word combine (shingle_hashes)": shingle_hashes,
}
if xxhash is not None:
    HASH_VARIANTS["xxhash.xxh3_64 of each shingle"] = _xxh3_shingles
    HASH_VARIANTS["xxhash.xxh3_64 of each word, numpy k-word combine"] = _xxh3_words_combined
BATCH_HASH_LABEL = f"batch_shingle_hashes, {HASH_DOC_BATCH} docs per call (duplicates kept)"


# ----------------------------------------------------------------------------------------------------------
# measurement helpers
# ----------------------------------------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} missing from /proc/self/status")


def reset_peak() -> int:
    """Reset the peak-RSS mark (Linux clear_refs 5) and return the current RSS in KiB."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
        clear_refs.write("5")
    return _status_kb("VmRSS")


def peak_above(rss_before_kb: int) -> float:
    return (_status_kb("VmHWM") - rss_before_kb) / KB


def timed(function: Callable[..., Any], *args: Any) -> tuple[float, float, Any]:
    """Wall and CPU (all threads of this process) seconds of one call, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def digest(array: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()[:16]


# ----------------------------------------------------------------------------------------------------------
# workers (each run in its own subprocess)
# ----------------------------------------------------------------------------------------------------------


def worker_implementation(name: str, n_docs: int, datasketch_docs: int, repeats: int) -> dict[str, Any]:
    import datasketch  # noqa: F401  imported before any timing
    import rensa  # noqa: F401

    implementation = IMPLEMENTATIONS[name]
    corpus = make_corpus(n_docs)
    warm = implementation.prepare(corpus.documents[:50])
    for num_perm in NUM_PERMS:
        implementation.to_numpy(implementation.sign(warm, num_perm, MINHASH_SEED))
    texts = corpus.documents[:datasketch_docs] if implementation.subset else corpus.documents
    runs = 1 if implementation.subset else repeats
    result: dict[str, Any] = {"docs": len(texts), "runs": runs, "per_perm": {}}

    phase1_walls, phase1_cpus, phase1_peak = [], [], 0.0
    inputs: Any = None
    for _ in range(runs):
        inputs = None
        rss = reset_peak()
        wall, cpu, inputs = timed(implementation.prepare, texts)
        phase1_peak = max(phase1_peak, peak_above(rss))
        phase1_walls.append(wall)
        phase1_cpus.append(cpu)
    result["phase1_wall_s"] = statistics.median(phase1_walls)
    result["phase1_cpu_s"] = statistics.median(phase1_cpus)
    result["phase1_peak_mb"] = phase1_peak

    accuracy_inputs = implementation.prepare(corpus.accuracy_documents)
    for num_perm in NUM_PERMS:
        sign_walls, sign_cpus, export_walls, peak = [], [], [], 0.0
        matrix = None
        for _ in range(runs):
            matrix = None
            rss = reset_peak()
            wall, cpu, native = timed(implementation.sign, inputs, num_perm, MINHASH_SEED)
            export_wall, export_cpu, matrix = timed(implementation.to_numpy, native)
            native = None
            peak = max(peak, peak_above(rss))
            sign_walls.append(wall)
            sign_cpus.append(cpu + export_cpu)
            export_walls.append(export_wall)
        assert matrix is not None and matrix.shape == (len(texts), num_perm)
        accuracy_signature = implementation.to_numpy(implementation.sign(accuracy_inputs, num_perm, MINHASH_SEED))
        digest_rows = DATASKETCH_DIGEST_DOCS if implementation.subset else DIGEST_DOCS
        comparable = len(texts) >= digest_rows
        result["per_perm"][str(num_perm)] = {
            "phase2_wall_s": statistics.median(sign_walls) + statistics.median(export_walls),
            "phase2_cpu_s": statistics.median(sign_cpus),
            "export_wall_s": statistics.median(export_walls),
            "phase2_peak_mb": peak,
            "dtype": str(matrix.dtype),
            "random_estimates": estimated_jaccard(accuracy_signature, corpus.random_pairs).tolist(),
            "near_estimates": estimated_jaccard(accuracy_signature, corpus.near_pairs).tolist(),
            "digest": digest(matrix[:digest_rows]) if comparable else "n/a",
        }
    return result


def worker_hashing(n_docs: int, repeats: int) -> dict[str, Any]:
    texts = make_corpus(n_docs).documents
    result: dict[str, Any] = {"docs": len(texts)}
    for label, function in HASH_VARIANTS.items():
        walls = []
        for _ in range(repeats):
            wall, _cpu, hashes = timed(_map_texts, function, texts)
            walls.append(wall)
        result[label] = {"wall_s": statistics.median(walls),
                         "shingles_per_doc": float(np.mean([h.size for h in hashes]))}
    walls = []
    for _ in range(repeats):
        wall, _cpu, (flat, _offsets) = timed(_batched_hashes, texts)
        walls.append(wall)
    result[BATCH_HASH_LABEL] = {"wall_s": statistics.median(walls), "shingles_per_doc": flat.size / len(texts)}
    return result


def worker_digests() -> dict[str, Any]:
    """Signatures and phase-1 hashes of the first documents, for comparison across processes."""
    import rensa

    corpus = make_corpus(DIGEST_DOCS)
    texts = corpus.documents
    out: dict[str, Any] = {}
    for name, implementation in IMPLEMENTATIONS.items():
        part = texts[:DATASKETCH_DIGEST_DOCS] if implementation.subset else texts
        inputs = implementation.prepare(part)
        for num_perm in NUM_PERMS:
            matrix = implementation.to_numpy(implementation.sign(inputs, num_perm, MINHASH_SEED))
            out[f"{name}/{num_perm}"] = digest(matrix)
    for label, function in HASH_VARIANTS.items():
        out[f"hash/{label}"] = digest(np.concatenate([function(t) for t in texts[:500]]))
    # the same sketch through rensa's other entry points, and a pickle round trip
    shingles = word_shingles(texts[0])
    matrix_row = rensa.RMinHash.digest_matrix_from_token_sets([shingles], 128, MINHASH_SEED).to_rows()[0]
    single = rensa.RMinHash(128, MINHASH_SEED)
    single.update(shingles[:100])
    single.update(shingles[100:])
    out["rensa_entry_points_agree"] = (
        single.digest() == matrix_row
        == rensa.RMinHash.from_token_sets([shingles], 128, MINHASH_SEED)[0].digest()
        == pickle.loads(pickle.dumps(single)).digest()
    )
    out["rensa_first_slots"] = matrix_row[:4]
    out["numpy_first_slots"] = signatures([shingle_hashes(texts[0])], 128, MINHASH_SEED)[0, :4].tolist()
    out["rensa_algorithm_version"] = [rensa.RMinHash.ALGORITHM_VERSION, rensa.CMinHash.ALGORITHM_VERSION]
    return out


def _map_texts(function: Callable[[str], np.ndarray], texts: list[str]) -> list[np.ndarray]:
    return [function(text) for text in texts]


def _datasketch_minhashes(signature: np.ndarray, permutations: np.ndarray) -> list[Any]:
    from datasketch import MinHash

    return [MinHash(num_perm=signature.shape[1], seed=MINHASH_SEED, hashvalues=row, permutations=permutations,
                    scheme="affine32") for row in signature]


def _datasketch_insert(lsh: Any, minhashes: list[Any]) -> None:
    with lsh.insertion_session() as session:
        for key, minhash in enumerate(minhashes):
            session.insert(key, minhash, check_duplication=False)


def _datasketch_query(lsh: Any, minhashes: list[Any]) -> list[list[int]]:
    return [lsh.query(minhash) for minhash in minhashes]


def band_candidate_pairs(signature: np.ndarray, bands: int, rows: int) -> set[tuple[int, int]]:
    """LSH candidates by sorting: per band, hash its rows' slots, sort, and pair neighbours with equal keys.

    Adjacent pairs within each run of equal keys are enough to link a cluster (union-find does the rest).
    """
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        key = np.zeros(signature.shape[0], dtype=np.uint64)
        for column in range(band * rows, (band + 1) * rows):
            key = _fmix64(key * _WORD_MULTIPLIER + signature[:, column])
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        for position in np.flatnonzero(sorted_key[1:] == sorted_key[:-1]).tolist():
            pairs.add((int(order[position]), int(order[position + 1])))
    return pairs


def worker_lsh(n_docs: int, threshold: float, bands: int) -> dict[str, Any]:
    import rensa
    from datasketch import MinHash, MinHashLSH

    corpus = make_corpus(n_docs)
    pool = len(corpus.accuracy_documents) - len(corpus.near_pairs)
    texts = corpus.documents + corpus.accuracy_documents[pool:]  # variants get keys n_docs + number
    near = [(int(o), n_docs + number) for number, o in enumerate(corpus.near_pairs[:, 0].tolist())]
    rows = LSH_NUM_PERM // bands
    result: dict[str, Any] = {"docs": len(texts), "bands": bands, "rows": rows, "threshold": threshold}

    numpy_signature = signatures([shingle_hashes(t) for t in texts], LSH_NUM_PERM, MINHASH_SEED)

    # datasketch MinHashLSH fed with the numpy signatures (affine32 uint32 values, as datasketch's own)
    template = MinHash(num_perm=LSH_NUM_PERM, seed=MINHASH_SEED)
    wall_objects, _, minhashes = timed(_datasketch_minhashes, numpy_signature, template.permutations)
    rss = reset_peak()
    lsh = MinHashLSH(threshold=threshold, num_perm=LSH_NUM_PERM, params=(bands, rows))
    wall_insert, _, _ = timed(_datasketch_insert, lsh, minhashes)
    wall_query, _, candidates = timed(_datasketch_query, lsh, minhashes)
    result["datasketch"] = {
        "objects_s": wall_objects, "insert_s": wall_insert, "query_s": wall_query, "peak_mb": peak_above(rss),
        "recall": float(np.mean([o in set(candidates[v]) for o, v in near])),
        "mean_candidates": float(np.mean([len(c) - 1 for c in candidates])),
    }
    lsh = candidates = minhashes = None

    # rensa RMinHashLSH with its own signatures (shingle strings)
    shingle_lists = [word_shingles(t) for t in texts]
    matrix = rensa.RMinHash.digest_matrix_from_token_sets(shingle_lists, LSH_NUM_PERM, MINHASH_SEED)
    wall_objects, _, objects = timed(rensa.RMinHash.from_token_sets, shingle_lists, LSH_NUM_PERM, MINHASH_SEED)
    rss = reset_peak()
    index = rensa.RMinHashLSH(threshold, LSH_NUM_PERM, bands)
    wall_insert, _, _ = timed(index.insert_matrix, matrix)
    wall_query, _, candidates = timed(index.query_all, objects)
    wall_flags, _, flags = timed(index.query_duplicate_flags_matrix, matrix)
    result["rensa"] = {
        "objects_s": wall_objects, "insert_s": wall_insert, "query_s": wall_query, "flags_s": wall_flags,
        "peak_mb": peak_above(rss),
        "recall": float(np.mean([o in set(candidates[v]) for o, v in near])),
        "flag_recall": float(np.mean([flags[v] for _, v in near])),
        "flagged_fraction": float(np.mean(flags)),
        "mean_candidates": float(np.mean([len(c) - 1 for c in candidates])),
    }
    index = candidates = objects = None

    rss = reset_peak()
    wall_banding, _, pairs = timed(band_candidate_pairs, numpy_signature, bands, rows)
    linked = {frozenset(p) for p in pairs}
    result["numpy_banding"] = {
        "total_s": wall_banding, "peak_mb": peak_above(rss), "pairs": len(pairs),
        "recall": float(np.mean([frozenset((o, v)) in linked for o, v in near])),
    }
    return result


# ----------------------------------------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------------------------------------

SINGLE_THREAD_ENV = {"RAYON_NUM_THREADS": "1", "RENSA_PIPELINE_QUEUE_CAP": "0", "OMP_NUM_THREADS": "1",
                     "OPENBLAS_NUM_THREADS": "1"}


def run_worker(arguments: Sequence[str], env_overrides: dict[str, str]) -> dict[str, Any]:
    env = {**os.environ, **env_overrides}
    completed = subprocess.run([sys.executable, os.path.abspath(__file__), *arguments], env=env,
                               capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"worker {arguments} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _rate(docs: int, seconds: float) -> str:
    return f"{docs / seconds:,.0f}" if seconds > 0 else "inf"


def report(results: dict[str, Any], corpus: Corpus) -> None:
    random_truth = exact_jaccard(corpus, corpus.random_pairs)
    near_truth = exact_jaccard(corpus, corpus.near_pairs)
    print(f"\nExact Jaccard: random pairs mean {random_truth.mean():.4f} (max {random_truth.max():.3f}); "
          f"near-duplicate pairs mean {near_truth.mean():.3f} "
          f"(half cut {near_truth[0::2].mean():.3f}, 5% changed {near_truth[1::2].mean():.3f})")
    for num_perm in NUM_PERMS:
        print(f"Ideal MinHash MAE at num_perm {num_perm}: near pairs {ideal_mae(near_truth, num_perm):.4f}, "
              f"random pairs {ideal_mae(random_truth, num_perm):.4f}; 1/sqrt(P) = {1 / math.sqrt(num_perm):.3f}")

    print("docs/s = documents per second of wall time | per CPU-second of this process (all its threads)")
    header = (f"\n{'implementation':<46} {'P':>4} {'docs':>6} {'ph1 docs/s':>15} {'ph2 docs/s':>17} "
              f"{'export s':>8} {'e2e docs/s':>15} {'ph1 MB':>7} {'ph2 MB':>7} "
              f"{'MAE near':>8} {'bias near':>9} {'MAE rand':>8} {'dtype':>6}")
    print(header)
    for name, implementation in IMPLEMENTATIONS.items():
        data = results["implementations"][name]
        for num_perm in NUM_PERMS:
            per = data["per_perm"][str(num_perm)]
            near_error = np.array(per["near_estimates"]) - near_truth
            random_error = np.array(per["random_estimates"]) - random_truth
            docs = data["docs"]
            phase1 = f"{_rate(docs, data['phase1_wall_s'])} | {_rate(docs, data['phase1_cpu_s'])}"
            phase2 = f"{_rate(docs, per['phase2_wall_s'])} | {_rate(docs, per['phase2_cpu_s'])}"
            both = (f"{_rate(docs, data['phase1_wall_s'] + per['phase2_wall_s'])} | "
                    f"{_rate(docs, data['phase1_cpu_s'] + per['phase2_cpu_s'])}")
            print(f"{implementation.label:<46} {num_perm:>4} {docs:>6} {phase1:>15} {phase2:>17} "
                  f"{per['export_wall_s']:>8.2f} {both:>15} "
                  f"{data['phase1_peak_mb']:>7.0f} {per['phase2_peak_mb']:>7.0f} "
                  f"{np.abs(near_error).mean():>8.4f} {near_error.mean():>+9.4f} {np.abs(random_error).mean():>8.4f} "
                  f"{per['dtype']:>6}")

    hashing = results["hashing"]
    print(f"\nPhase 1 hash variants (text -> unique uint64 shingle hashes, {hashing['docs']} docs):")
    for label in [*HASH_VARIANTS, BATCH_HASH_LABEL]:
        print(f"  {label:<62} {_rate(hashing['docs'], hashing[label]['wall_s']):>9} docs/s  "
              f"({hashing[label]['shingles_per_doc']:.0f} shingles/doc)")

    lsh = results["lsh"]
    print(f"\nLSH references ({lsh['docs']} docs, num_perm {LSH_NUM_PERM}, {lsh['bands']} bands x {lsh['rows']} rows):")
    d, r, b = lsh["datasketch"], lsh["rensa"], lsh["numpy_banding"]
    print(f"  datasketch MinHashLSH: {_rate(lsh['docs'], d['insert_s'])} inserts/s, {_rate(lsh['docs'], d['query_s'])} "
          f"queries/s (MinHash objects from a matrix: {d['objects_s']:.2f} s), peak {d['peak_mb']:.0f} MB, "
          f"near-dup recall {d['recall']:.3f}, {d['mean_candidates']:.2f} candidates/query")
    print(f"  rensa RMinHashLSH: insert_matrix {_rate(lsh['docs'], r['insert_s'])} docs/s, query_all "
          f"{_rate(lsh['docs'], r['query_s'])} queries/s (RMinHash objects: {r['objects_s']:.2f} s), "
          f"query_duplicate_flags_matrix {_rate(lsh['docs'], r['flags_s'])} docs/s, peak {r['peak_mb']:.0f} MB, "
          f"recall {r['recall']:.3f} (flags: recall {r['flag_recall']:.3f}, "
          f"{r['flagged_fraction']:.3f} of docs flagged), "
          f"{r['mean_candidates']:.2f} candidates/query")
    print(f"  numpy band sort: {_rate(lsh['docs'], b['total_s'])} docs/s for all candidate pairs "
          f"({b['pairs']} pairs), peak {b['peak_mb']:.0f} MB, recall {b['recall']:.3f}")

    print("\nStability (SHA-256 of signatures of the first documents):")
    runs = results["digests"]
    main_digests = {f"{name}/{p}": results["implementations"][name]["per_perm"][str(p)]["digest"]
                    for name in IMPLEMENTATIONS for p in NUM_PERMS}
    for key in runs[0]:
        if not (key.startswith("hash/") or "/" in key):
            continue
        values = [run[key] for run in runs] + [main_digests.get(key, "n/a")]
        values = [value for value in values if value != "n/a"]
        print(f"  {key:<75} {'identical' if len(set(values)) == 1 else 'DIFFERENT: ' + ' '.join(values)}")
    print(f"  rensa from numpy hashes: per-document unique sets == batch with duplicates: "
          f"{[run['rensa_flat/128'] == run['rensa_flat_batch/128'] for run in runs]}")
    print(f"  rensa entry points (object update in two parts, from_token_sets, matrix, pickle) agree: "
          f"{[run['rensa_entry_points_agree'] for run in runs]}; rensa ALGORITHM_VERSION "
          f"{runs[0]['rensa_algorithm_version']}")
    print(f"  first slots, seed {MINHASH_SEED}, num_perm 128, document 0: rensa {runs[0]['rensa_first_slots']}, "
          f"numpy {runs[0]['numpy_first_slots']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS)
    parser.add_argument("--datasketch-docs", type=int, default=DEFAULT_DATASKETCH_DOCS)
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS)
    parser.add_argument("--lsh-threshold", type=float, default=0.5, help="only used by datasketch for bands")
    parser.add_argument("--lsh-bands", type=int, default=LSH_BANDS)
    parser.add_argument("--json", help="also write the raw results here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        if args.worker in IMPLEMENTATIONS:
            output = worker_implementation(args.worker, args.docs, args.datasketch_docs, args.repeats)
        elif args.worker == "hashing":
            output = worker_hashing(args.docs, args.repeats)
        elif args.worker == "digests":
            output = worker_digests()
        elif args.worker == "lsh":
            output = worker_lsh(args.docs, args.lsh_threshold, args.lsh_bands)
        else:
            raise SystemExit(f"unknown worker {args.worker}")
        print(json.dumps(output))
        return

    started = time.perf_counter()
    common = ["--docs", str(args.docs), "--datasketch-docs", str(args.datasketch_docs),
              "--repeats", str(args.repeats)]
    results: dict[str, Any] = {"implementations": {}}
    for name in IMPLEMENTATIONS:
        print(f"[{time.perf_counter() - started:6.1f}s] {name}", file=sys.stderr)
        results["implementations"][name] = run_worker(["--worker", name, *common], SINGLE_THREAD_ENV)
    print(f"[{time.perf_counter() - started:6.1f}s] hashing variants", file=sys.stderr)
    hash_docs = min(args.docs, 5_000)
    results["hashing"] = run_worker(["--worker", "hashing", "--docs", str(hash_docs), "--repeats",
                                     str(args.repeats)], SINGLE_THREAD_ENV)
    print(f"[{time.perf_counter() - started:6.1f}s] LSH", file=sys.stderr)
    results["lsh"] = run_worker(["--worker", "lsh", "--docs", str(args.docs), "--lsh-threshold",
                                 str(args.lsh_threshold), "--lsh-bands", str(args.lsh_bands)], SINGLE_THREAD_ENV)
    print(f"[{time.perf_counter() - started:6.1f}s] stability", file=sys.stderr)
    results["digests"] = [
        run_worker(["--worker", "digests"], {**SINGLE_THREAD_ENV, "PYTHONHASHSEED": "1",
                                             "RENSA_MAX_PERM_CACHE_HASHES": "100000"}),
        run_worker(["--worker", "digests"], {"PYTHONHASHSEED": "2", "RAYON_NUM_THREADS": "2"}),
    ]
    load = os.getloadavg()
    print(f"numpy {np.__version__}, {os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f}; "
          f"workers single-threaded; total {time.perf_counter() - started:.0f} s")
    report(results, make_corpus(args.docs))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle)


if __name__ == "__main__":
    main()
