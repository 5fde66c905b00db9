"""Find the wire copy: group the copies of one wire text, against the history, and measure reused text.

normalise (datelines, credits, boilerplate out) -> word 5-shingles -> MinHash (128) -> LSH (64 bands x 2
rows) for candidates -> exact containment on the shingle sets -> star clusters around each cluster's
first copy (no chaining). New articles are compared with the history's articles inside a window; existing
clusters keep their ids (a cluster is named after its founding article). `reused_share` is the share of an
article's shingles that appeared earlier in another outlet's article among its candidates.

Lineage (`trace_lineage`): a cluster's origin is its earliest published copy (undated copies count as the
latest, ties go to the smaller article id). Each new copy records its origin and its containment in it; a new
copy published before its cluster's origin becomes the origin, and every copy of the cluster is measured
again against it (new decisions on stored articles, which are never rewritten).

For scale (benchmarks.wire_scale): texts are normalised and shingled in batches (numpy hashing of many
texts per call) and signed chunk by chunk, in 2 processes from PARALLEL_MIN texts; only the signatures
are kept, and the shingle sets are recomputed afterwards for the few articles in candidate pairs.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timezone
from multiprocessing import get_context

import numpy as np

from copydesk.neardup.cluster import star_clusters
from copydesk.neardup.lsh import band_keys, candidate_pairs
from copydesk.neardup.minhash import NUM_PERM, signatures_flat
from copydesk.neardup.normalise import strip_wire_furniture, tokens
from copydesk.neardup.shingles import batch_shingle_sets, shingle_hashes
from copydesk.neardup.verify import containment, shared
from copydesk.records import WireLink

CONTAINMENT_MIN = 0.5            # verified copy: half of the smaller text's shingles are in the other
MIN_SHINGLES = 25                # texts with fewer shingles (about 30 words) are never called copies
UNDATED = datetime.max.replace(tzinfo=timezone.utc)
SKETCH_VERSION = 1               # bump when shingling, hashing or MinHash change: stored signatures then expire
HASH_BATCH = 64                  # texts per batched shingle-hashing call
PARALLEL_MIN = 20_000            # from this many texts, fingerprint in WORKERS processes
WORKERS = min(2, os.cpu_count() or 1)
WORKER_CHUNK = 2_048             # texts per task sent to a worker

Phase = Callable[[str], AbstractContextManager[object]]
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
    founder_id: str              # the copy it was matched with: its cluster's first copy in the window
    similarity: float            # containment in that founder (1.0 for the founder)
    agency: str | None
    reused_share: float
    signature: np.ndarray        # kept in the lake, so the article is never sketched again as history
    n_shingles: int


def fingerprint(text: str) -> tuple[np.ndarray, str | None]:
    """Shingle a text for comparison, after removing wire furniture; return the hashes and the agency named."""
    body, agency = strip_wire_furniture(text)
    return shingle_hashes(tokens(body)), agency


def _fingerprint_chunk(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[str | None]]:
    """`fingerprint` of many texts: (flat sorted-unique hashes, int64 row offsets, agencies)."""
    parts, sizes, agencies = [], [np.zeros(1, dtype=np.int64)], []
    for first in range(0, len(texts), HASH_BATCH):
        streams = []
        for text in texts[first:first + HASH_BATCH]:
            body, agency = strip_wire_furniture(text)
            # ASCII text: NFKC changes nothing and its \w+ words are the [a-z0-9_] runs the hashing splits on
            streams.append(body.lower() if body.isascii() else " ".join(tokens(body)))
            agencies.append(agency)
        flat, offsets = batch_shingle_sets(streams)
        parts.append(flat)
        sizes.append(np.diff(offsets))
    return (np.concatenate([np.empty(0, dtype=np.uint64), *parts]), np.cumsum(np.concatenate(sizes)),
            agencies)


def _sketch_chunk(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[str | None], float, float]:
    """MinHash signatures of texts, their shingle-set sizes and agencies, and the seconds of both steps."""
    begin = time.perf_counter()
    flat, offsets, agencies = _fingerprint_chunk(texts)
    middle = time.perf_counter()
    sigs = signatures_flat(flat, offsets)
    return sigs, np.diff(offsets), agencies, middle - begin, time.perf_counter() - middle


def sketches(texts: Sequence[str], seconds: dict[str, float] | None = None
             ) -> tuple[np.ndarray, np.ndarray, list[str | None]]:
    """(signatures (n, NUM_PERM), shingle-set sizes, agencies) of every text, WORKER_CHUNK texts at a time.

    Only the signatures are kept (512 bytes per text, not the ~3 KB of shingle hashes). Large batches are
    spread over WORKERS processes (spawned, so safe next to threads); hashes and signatures are plain
    integer arithmetic, identical in every process. `seconds` accumulates the process-seconds of the
    shingling and signature steps.
    """
    chunks = [texts[i:i + WORKER_CHUNK] for i in range(0, len(texts), WORKER_CHUNK)]
    if len(texts) < PARALLEL_MIN or WORKERS < 2:
        results = [_sketch_chunk(chunk) for chunk in chunks]
    else:
        with ProcessPoolExecutor(WORKERS, mp_context=get_context("spawn")) as pool:
            results = list(pool.map(_sketch_chunk, chunks))
    if seconds is not None:
        seconds["normalise+shingles"] = seconds.get("normalise+shingles", 0.0) + sum(r[3] for r in results)
        seconds["signatures"] = seconds.get("signatures", 0.0) + sum(r[4] for r in results)
    sigs = np.concatenate([np.empty((0, NUM_PERM), dtype=np.uint32), *(r[0] for r in results)])
    sizes = np.concatenate([np.empty(0, dtype=np.int64), *(r[1] for r in results)])
    return sigs, sizes, [agency for r in results for agency in r[2]]


def assign_wire(new: Sequence[WireText], history: Sequence[WireText] = (), sketch: Sketcher | None = None
                ) -> dict[str, WireResult]:
    """Give each new article its wire cluster, its similarity to the cluster's founder, agency and reuse;
    `sketch` signs the texts not signed yet (default: `sketches`, here)."""
    return _assign_wire(new, history, sketch=sketch)


def _no_phase(name: str) -> AbstractContextManager[object]:
    return nullcontext()


def _assign_wire(new: Sequence[WireText], history: Sequence[WireText] = (), phase: Phase = _no_phase,
                 seconds: dict[str, float] | None = None, sketch: Sketcher | None = None
                 ) -> dict[str, WireResult]:
    """`assign_wire`, with each phase run inside `phase(name)` and the process-seconds of shingling and
    signatures added to `seconds` (the scale benchmark times them)."""
    items = [*history, *new]
    n_history = len(history)
    with phase("shingles+signatures"):
        unsketched = [k for k, item in enumerate(items) if item.signature is None]
        texts = [items[k].text for k in unsketched]
        fresh, fresh_sizes, fresh_agencies = sketch(texts) if sketch else sketches(texts, seconds)
        sigs = np.empty((len(items), NUM_PERM), dtype=np.uint32)
        sizes = np.array([item.n_shingles for item in items], dtype=np.int64)
        agencies: list[str | None] = [None] * len(items)
        for k, item in enumerate(items):
            if item.signature is not None:
                sigs[k] = item.signature
        sigs[unsketched], sizes[unsketched] = fresh, fresh_sizes
        for k, agency in zip(unsketched, fresh_agencies):
            agencies[k] = agency
    is_new = np.arange(len(items)) >= n_history
    with phase("candidates"):
        keys = band_keys(sigs)
        pairs = candidate_pairs(keys, is_new)
        del keys

    with phase("verification"):
        # the shingle sets again, only for the articles in candidate pairs (a few percent of them)
        involved = np.unique(pairs)
        flat, offsets, _ = _fingerprint_chunk([items[k].text for k in involved.tolist()])
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
            if smaller >= MIN_SHINGLES and len(common) / smaller >= CONTAINMENT_MIN:  # containment
                matches[i][j] = matches[j][i] = len(common) / smaller
            if reuse:
                reused[later].append(common)

    with phase("grouping"):
        order = sorted(range(len(items)), key=lambda k: publication_order(items[k]))
        assigned, names = _history_founders(items, order, n_history)
        founder_of, similarity = star_clusters(order, matches, assigned)
        results = {}
        for k in range(n_history, len(items)):
            founder = founder_of[k]
            own = int(sizes[k])
            share = len(np.unique(np.concatenate(reused[k]))) / own if k in reused and own else 0.0
            results[items[k].article_id] = WireResult(names.get(founder, items[founder].article_id),
                                                      items[founder].article_id, round(similarity[k], 4),
                                                      agencies[k], round(share, 4), sigs[k], own)
    return results


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
