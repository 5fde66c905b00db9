"""Find the wire copy: group the copies of one wire text, against the history, and measure reused text.

normalise (datelines, credits, boilerplate out) -> word 5-shingles -> MinHash (128) -> LSH (3 cuts
into 64 bands x 2 rows) for candidates -> exact containment on the shingle sets, or aligned
containment (holes left by edited words bridged) -> star clusters around each cluster's first copy
(no chaining). New articles are compared with the history's articles inside a window; existing
clusters keep their ids (a cluster is named after its founding article). `reused_share` is the share
of an article's shingles that appeared earlier in another outlet's article among its candidates.

Lineage (`trace_lineage`): a cluster's origin is its earliest published copy (undated copies count as the
latest, ties go to the smaller article id). Each new copy records its origin and its containment in it; a new
copy published before its cluster's origin becomes the origin, and every copy of the cluster is measured
again against it (new decisions on stored articles, which are never rewritten).

For scale (benchmarks.wire_scale): texts are normalised and shingled in batches (numpy hashing of many
texts per call) and signed in a second thread, chunk by chunk, in this process and, from PARALLEL_MIN
texts, in a helper process too; only the signatures are kept, and the shingle sets are recomputed
afterwards for the few articles in candidate pairs. With `assign_wire_streamed` the texts are read by
position, chunk by chunk, and never all held.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timezone
from multiprocessing import get_context
from typing import TypeVar

import numpy as np

from copydesk.neardup.cluster import star_clusters
from copydesk.neardup.lsh import signature_pairs
from copydesk.neardup.minhash import NUM_PERM, signatures_flat
from copydesk.neardup.normalise import body_streams, strip_wire_furniture, tokens
from copydesk.neardup.shingles import (SHINGLE_WORDS, batch_shingle_hashes, row_sets,
                                       shingle_hashes, unique_counts)
from copydesk.neardup.verify import aligned_containment, containment, shared
from copydesk.records import WireLink

CONTAINMENT_MIN = 0.5            # verified copy: half of the smaller text's shingles are in the other
MAX_GAP = SHINGLE_WORDS          # unmatched shingle positions bridged between matched: one edit
MIN_SHINGLES = 25                # texts with fewer shingles (about 30 words) are never called copies
UNDATED = datetime.max.replace(tzinfo=timezone.utc)
SKETCH_VERSION = 1               # bump when shingling, hashing or MinHash change: stored signatures then expire
HASH_BATCH = 128                 # texts per batched shingle-hashing call (and per signing task)
WORKER_CHUNK = 1_024             # texts per task
PARALLEL_MIN = 32 * WORKER_CHUNK  # from this many texts a helper process takes chunks too (its start-up pays)
WORKERS = min(2, os.cpu_count() or 1)   # processes sketching: this one and WORKERS - 1 helpers
SKETCH_STEPS = ("read texts", "normalise+shingles", "set sizes+signatures")

Phase = Callable[[str], AbstractContextManager[object]]
TextSource = Callable[[list[int]], list[str]]   # the texts of the articles at these positions, in order
T = TypeVar("T")
# (signatures, shingle-set sizes, agencies) of texts, as `sketches` gives them; elsewhere, e.g. on a cluster
Sketcher = Callable[[Sequence[str]], tuple[np.ndarray, np.ndarray, list[str | None]]]


@dataclass(frozen=True, slots=True)
class WireText:
    """An article as wire detection sees it; `cluster_id` is set for history articles."""

    article_id: str
    text: str
    published_at: datetime | None
    outlet: str | None
    cluster_id: str | None = None
    signature: np.ndarray | None = None   # stored MinHash signature (history), if of this SKETCH_VERSION
    n_shingles: int = 0


@dataclass(frozen=True, slots=True)
class WireResult:
    cluster_id: str
    founder_id: str              # the copy it was matched with: its cluster's first copy in the
    #                              window, or a copy of this batch published before it (an anchor)
    similarity: float            # containment in that founder (1.0 for the founder)
    agency: str | None
    reused_share: float
    signature: np.ndarray        # kept in the lake, so the article is never sketched again as history
    n_shingles: int


def fingerprint(text: str) -> tuple[np.ndarray, str | None]:
    """Shingle a text for comparison, after removing wire furniture; return the hashes and the agency named."""
    body, agency = strip_wire_furniture(text)
    return shingle_hashes(tokens(body)), agency


Shingles = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]   # sequences, sets: flat, offsets


def _fingerprint_chunk(texts: Sequence[str] | Sequence[int], source: TextSource | None = None
                       ) -> tuple[Shingles, list[str | None]]:
    """The shingles of many texts (or of the texts `source` gives for these positions), in order
    (repeats kept) and as `fingerprint`'s sorted-unique sets, each as (flat hashes, int64 row
    offsets); and the agencies."""
    parts: list[list[np.ndarray]] = [[], [], [], []]
    agencies: list[str | None] = []
    for streams, batch_agencies in _batches(_read(texts, source)):
        sequences = batch_shingle_hashes(streams)
        for part, value in zip(parts, (*sequences, *row_sets(*sequences))):
            part.append(value)
        agencies += batch_agencies
    return (*_joined_rows(parts[0], parts[1]), *_joined_rows(parts[2], parts[3])), agencies


def _joined_rows(flats: Sequence[np.ndarray], offsets: Sequence[np.ndarray]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Consecutive parts of flat rows (each with offsets from 0) as one (flat, offsets)."""
    lengths = [np.zeros(1, dtype=np.int64), *(np.diff(part) for part in offsets)]
    flat = np.concatenate([np.empty(0, dtype=np.uint64), *flats])
    return flat, np.cumsum(np.concatenate(lengths))


def _read(texts: Sequence[str] | Sequence[int], source: TextSource | None) -> Sequence[str]:
    return texts if source is None else source(list(texts))     # type: ignore[arg-type]


def _batches(texts: Sequence[str]) -> Iterator[tuple[list[str], list[str | None]]]:
    """The body streams and agencies of texts, HASH_BATCH texts at a time."""
    for first in range(0, len(texts), HASH_BATCH):
        streams, agencies = zip(*body_streams(texts[first:first + HASH_BATCH]))
        yield list(streams), list(agencies)


def _sketch_chunk(texts: Sequence[str] | Sequence[int], source: TextSource | None = None
                  ) -> tuple[np.ndarray, np.ndarray, list[str | None], tuple[float, float, float]]:
    """MinHash signatures of texts (or of the texts `source` gives for these positions), their shingle-set
    sizes and agencies, and the CPU seconds spent reading, shingling, and counting and signing.

    Each batch's set sizes and signatures (numpy only, which releases the GIL) are computed in a second
    thread while this one normalises and hashes the next batch.
    """
    begin = time.thread_time()
    read = _read(texts, source)
    after_read = time.thread_time()
    agencies: list[str | None] = []
    with ThreadPoolExecutor(1) as signer:
        signing = []
        for streams, batch_agencies in _batches(read):
            signing.append(signer.submit(_sign, *batch_shingle_hashes(streams)))
            agencies += batch_agencies
        shingling = time.thread_time() - after_read
        signed = [future.result() for future in signing]
    sigs, sizes, _ = joined([(part[0], part[1], []) for part in signed])
    return sigs, sizes, agencies, (after_read - begin, shingling, sum(part[2] for part in signed))


def joined(parts: Sequence[tuple[np.ndarray, np.ndarray, list[str | None]]]
           ) -> tuple[np.ndarray, np.ndarray, list[str | None]]:
    """(signatures, set sizes, agencies) of consecutive parts of a text list, as those of the whole list."""
    return (np.concatenate([np.empty((0, NUM_PERM), dtype=np.uint32), *(part[0] for part in parts)]),
            np.concatenate([np.empty(0, dtype=np.int64), *(part[1] for part in parts)]),
            [agency for part in parts for agency in part[2]])


def _sign(hashes: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """The signatures and set sizes of a batch's shingle hashes, and the CPU seconds it took."""
    begin = time.thread_time()
    return signatures_flat(hashes, offsets), unique_counts(hashes, offsets), time.thread_time() - begin


def sketches(texts: Sequence[str] | Sequence[int], seconds: dict[str, float] | None = None,
             source: TextSource | None = None) -> tuple[np.ndarray, np.ndarray, list[str | None]]:
    """(signatures (n, NUM_PERM), shingle-set sizes, agencies) of every text, WORKER_CHUNK texts at a time.

    `texts`: the texts, or with `source` the positions whose texts it gives (read chunk by chunk, where the
    chunk is sketched). Only the signatures are kept (512 bytes per text, not the ~3 KB of shingle hashes).
    Chunks also run in a helper process from PARALLEL_MIN texts (`_map_chunks`); hashes and signatures are
    plain integer arithmetic, the same in any process or run. `seconds` accumulates the CPU seconds of
    reading (with `source`), shingling and signing, summed over the processes, as SKETCH_STEPS.
    """
    sigs = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    sizes = np.empty(len(texts), dtype=np.int64)
    agencies: list[str | None] = [None] * len(texts)
    spent = np.zeros(len(SKETCH_STEPS))
    for first, (chunk_sigs, chunk_sizes, chunk_agencies, chunk_seconds) in _map_chunks(_sketch_chunk, texts,
                                                                                      source):
        sigs[first:first + len(chunk_sizes)], sizes[first:first + len(chunk_sizes)] = chunk_sigs, chunk_sizes
        agencies[first:first + len(chunk_sizes)] = chunk_agencies
        spent += chunk_seconds
    if seconds is not None:
        for name, value in zip(SKETCH_STEPS, spent.tolist()):
            seconds[name] = seconds.get(name, 0.0) + value
    return sigs, sizes, agencies


def _fingerprints(texts: Sequence[str] | Sequence[int], source: TextSource | None) -> Shingles:
    """The shingle sequences and sets of texts (`_fingerprint_chunk`), WORKER_CHUNK at a time."""
    ordered = [chunk for _, (chunk, _) in sorted(_map_chunks(_fingerprint_chunk, texts, source),
                                                 key=lambda c: c[0])]
    return (*_joined_rows([c[0] for c in ordered], [c[1] for c in ordered]),
            *_joined_rows([c[2] for c in ordered], [c[3] for c in ordered]))


def _map_chunks(function: Callable[[Sequence[str] | Sequence[int], TextSource | None], T],
                texts: Sequence[str] | Sequence[int], source: TextSource | None) -> Iterator[tuple[int, T]]:
    """(first position, `function(chunk, source)`) for each WORKER_CHUNK of texts (or positions), in no
    particular order.

    This process works through the chunks from the front. From PARALLEL_MIN texts, WORKERS - 1 helper
    processes (spawned, so safe next to threads) take chunks from the back once they have started, so their
    start-up (~0.3 s: an interpreter, numpy, this module) never holds the work up; a chunk and its result
    cross as pickles, and with `source` the helpers call their own copy of it. A helper that fails (or never
    starts) leaves its chunks to this process.
    """
    chunks = deque((first, texts[first:first + WORKER_CHUNK]) for first in range(0, len(texts), WORKER_CHUNK))
    if len(texts) < PARALLEL_MIN or WORKERS < 2:
        yield from ((first, function(chunk, source)) for first, chunk in chunks)
        return
    pool = ProcessPoolExecutor(WORKERS - 1, mp_context=get_context("spawn"))
    try:
        started: Future[int] | None = pool.submit(os.getpid)     # done once a helper runs
        running: dict[Future[T], tuple[int, Sequence[str] | Sequence[int]]] = {}
        while chunks or running:
            if started is not None and started.done():    # keep each helper busy: one chunk, one queued
                while started is not None and chunks and len(running) < 2 * (WORKERS - 1):
                    first, chunk = chunks.pop()
                    try:
                        running[pool.submit(function, chunk, source)] = first, chunk
                    except BrokenProcessPool:
                        chunks.append((first, chunk))
                        started = None
            for future in [future for future in running if future.done()]:
                first, chunk = running.pop(future)
                if future.exception() is None:
                    yield first, future.result()
                else:                         # done here instead (raising here if it fails here too)
                    chunks.append((first, chunk))
                    started = None
            if chunks:
                first, chunk = chunks.popleft()
                yield first, function(chunk, source)
            elif running:
                wait(running, return_when=FIRST_COMPLETED)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def assign_wire(new: Sequence[WireText], history: Sequence[WireText] = (), sketch: Sketcher | None = None
                ) -> dict[str, WireResult]:
    """Give each new article its wire cluster, its similarity to the cluster's founder, agency and reuse;
    `sketch` signs the texts not signed yet (default: `sketches`, here)."""
    return _assign_wire(new, history, sketch=sketch)


def assign_wire_streamed(new: Sequence[WireText], history: Sequence[WireText], texts: TextSource
                         ) -> dict[str, WireResult]:
    """`assign_wire` without holding the texts in memory: `texts(positions)` gives the texts of the articles
    at those positions of [*history, *new] (the `text` of the WireTexts is not read).

    The texts are read WORKER_CHUNK at a time and only their signatures kept; the articles in candidate
    pairs (a few percent) are read once more for verification. `texts` must pickle: helper processes call
    their own copy.
    """
    return _assign_wire(new, history, source=texts)


def _no_phase(name: str) -> AbstractContextManager[object]:
    return nullcontext()


def _assign_wire(new: Sequence[WireText], history: Sequence[WireText] = (), phase: Phase = _no_phase,
                 seconds: dict[str, float] | None = None, source: TextSource | None = None,
                 sketch: Sketcher | None = None) -> dict[str, WireResult]:
    """`assign_wire` (or with `source`, `assign_wire_streamed`), with each phase run inside `phase(name)` and
    the CPU seconds of reading, shingling and signing added to `seconds` (the scale benchmark times them);
    `sketch` signs the texts instead of `sketches` (not with `source`)."""
    items = [*history, *new]
    n_history = len(history)

    def texts_of(positions: list[int]) -> Sequence[str] | Sequence[int]:
        return positions if source is not None else [items[k].text for k in positions]

    with phase("shingles+signatures"):
        unsketched = [k for k, item in enumerate(items) if item.signature is None]
        fresh, fresh_sizes, fresh_agencies = (sketch(texts_of(unsketched)) if sketch  # type: ignore[arg-type]
                                              else sketches(texts_of(unsketched), seconds, source))
        if len(unsketched) == len(items):       # nothing stored: no copy of the signatures
            sigs, sizes, agencies = fresh, fresh_sizes, fresh_agencies
        else:
            sigs = np.empty((len(items), NUM_PERM), dtype=np.uint32)
            sizes = np.array([item.n_shingles for item in items], dtype=np.int64)
            agencies = [None] * len(items)
            for k, item in enumerate(items):
                if item.signature is not None:
                    sigs[k] = item.signature
            sigs[unsketched], sizes[unsketched] = fresh, fresh_sizes
            for k, agency in zip(unsketched, fresh_agencies):
                agencies[k] = agency
        del fresh
    is_new = np.arange(len(items)) >= n_history
    with phase("candidates"):
        pairs = signature_pairs(sigs, is_new)

    with phase("verification"):
        # the shingle sets again, only for the articles in candidate pairs (a few percent of them)
        involved = np.unique(pairs)
        shingles = _fingerprints(texts_of(involved.tolist()), source)
        flat, offsets = shingles[2:]
        row = dict(zip(involved.tolist(), range(len(involved))))
        matches: dict[int, dict[int, float]] = defaultdict(dict)
        reused: dict[int, list[np.ndarray]] = defaultdict(list)
        when = [item.published_at or UNDATED for item in items]
        for i, j in pairs.tolist():
            smaller = int(min(sizes[i], sizes[j]))
            later = j if when[i] < when[j] else i if when[j] < when[i] else None
            reuse = (later is not None and is_new[later]
                     and items[i + j - later].outlet != items[later].outlet)
            if smaller < MIN_SHINGLES and not reuse:
                continue
            a, b = row[i], row[j]
            common = shared(flat[offsets[a]:offsets[a + 1]], flat[offsets[b]:offsets[b + 1]])
            in_order = (a, b) if sizes[i] <= sizes[j] else (b, a)         # the smaller text first
            if smaller >= MIN_SHINGLES and _copied(len(common) / smaller, shingles, *in_order):
                matches[i][j] = matches[j][i] = len(common) / smaller
            if reuse:
                reused[later].append(common)

    with phase("grouping"):
        order = sorted(range(len(items)), key=lambda k: publication_order(items[k]))
        assigned, names = _history_founders(items, order, n_history)
        founder_of, matched, similarity = star_clusters(order, matches, assigned)
        results = {}
        for k in range(n_history, len(items)):
            founder = founder_of[k]
            own = int(sizes[k])
            share = len(np.unique(np.concatenate(reused[k]))) / own if k in reused and own else 0.0
            results[items[k].article_id] = WireResult(names.get(founder, items[founder].article_id),
                                                      items[matched[k]].article_id,
                                                      round(similarity[k], 4),
                                                      agencies[k], round(share, 4), sigs[k], own)
    return results


def _copied(contained: float, shingles: Shingles, smaller: int, larger: int) -> bool:
    """Whether a candidate pair is a copy: the containment of the smaller text's shingle set in the
    larger's is CONTAINMENT_MIN or more, or else its aligned containment is (its shingle sequence,
    repeats kept, in the larger's set, holes of up to MAX_GAP bridged: word edits). `smaller` and
    `larger` are rows of `shingles`."""
    sequence, sequence_offsets, flat, offsets = shingles
    return contained >= CONTAINMENT_MIN or aligned_containment(
        sequence[sequence_offsets[smaller]:sequence_offsets[smaller + 1]],
        flat[offsets[larger]:offsets[larger + 1]], MAX_GAP) >= CONTAINMENT_MIN


def _history_founders(items: Sequence[WireText], order: Sequence[int], n_history: int
                      ) -> tuple[dict[int, int], dict[int, str]]:
    """Map history articles to a founder per existing cluster: its first member inside the window."""
    assigned: dict[int, int] = {}
    names: dict[int, str] = {}
    first_of: dict[str, int] = {}
    for k in order:
        if k < n_history:
            cluster = items[k].cluster_id or items[k].article_id
            founder = first_of.setdefault(cluster, k)
            assigned[k] = founder
            names[founder] = cluster
    return assigned, names


def publication_order(item: WireText) -> tuple[datetime, str]:
    """Sort key of copies by publication: undated copies come last, ties go to the smaller article id."""
    return item.published_at or UNDATED, item.article_id


@dataclass(frozen=True, slots=True)
class Lineage:
    """The lineage decisions of one batch: one per new article, and new ones on stored copies."""

    new: dict[str, WireLink]         # by article id: every new article's origin and similarity to it
    relinked: list[WireLink]         # stored copies of clusters that an earlier new copy now originates


def trace_lineage(new: Sequence[WireText], wire: Mapping[str, WireResult], origins: Mapping[str, WireText],
                  members: Callable[[Collection[str]], Sequence[WireText]]) -> Lineage:
    """Name each new article's origin, the earliest copy of its cluster, and measure its containment in it.

    `wire`: `assign_wire`'s results for `new`; `origins`: the current origin of each stored cluster they
    joined (clusters founded in this batch have none); `members(cluster_ids)`: every stored copy of those
    clusters, asked for only when a new copy was published before its cluster's origin. That copy becomes
    the origin, and every copy of the cluster is measured again against it (exact containment).
    """
    copies: dict[str, list[WireText]] = defaultdict(list)
    for item in new:
        copies[wire[item.article_id].cluster_id].append(item)
    shingles: dict[str, np.ndarray] = {}

    def similarity(copy: WireText, origin: WireText) -> float:
        for item in (copy, origin):
            if item.article_id not in shingles:
                shingles[item.article_id] = fingerprint(item.text)[0]
        return round(containment(shingles[copy.article_id], shingles[origin.article_id]), 4)

    links: dict[str, WireLink] = {}
    moved: dict[str, WireText] = {}
    for cluster, joined in copies.items():
        current = origins.get(cluster)
        origin = min([*joined, *([current] if current else [])], key=publication_order)
        if current is not None and origin.article_id != current.article_id:
            moved[cluster] = origin
        for copy in joined:
            result = wire[copy.article_id]
            if copy is origin:
                measured = 1.0
            elif result.founder_id == origin.article_id:   # matched with the origin itself: measured already
                measured = result.similarity
            else:
                measured = similarity(copy, origin)
            links[copy.article_id] = WireLink(copy.article_id, cluster, origin.article_id, measured)
    relinked = []
    for member in members(list(moved)) if moved else ():
        cluster = member.cluster_id or ""                   # stored copies always have their cluster
        relinked.append(WireLink(member.article_id, cluster, moved[cluster].article_id,
                                 similarity(member, moved[cluster])))
    return Lineage(links, relinked)


def wire_clusters(texts: Sequence[str], published: Sequence[datetime | None]) -> list[str]:
    """Cluster a standalone set of texts (no history, no outlets): one cluster id per text, in order."""
    items = [WireText(str(i), text, when, None) for i, (text, when) in enumerate(zip(texts, published))]
    results = assign_wire(items)
    return [results[item.article_id].cluster_id for item in items]
