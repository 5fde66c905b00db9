"""Find the wire copy: group the copies of one wire text, against the history, and measure reused text.

normalise (datelines, credits, boilerplate out) -> word 5-shingles -> MinHash (128) -> LSH (64 bands x 2
rows) for candidates -> exact containment on the shingle sets -> star clusters around each cluster's
first copy (no chaining). New articles are compared with the history's articles inside a window; existing
clusters keep their ids (a cluster is named after its founding article). `reused_share` is the share of an
article's shingles that appeared earlier in another outlet's article among its candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np

from copydesk.neardup.cluster import star_clusters
from copydesk.neardup.lsh import band_keys, candidate_pairs
from copydesk.neardup.minhash import signatures
from copydesk.neardup.normalise import strip_wire_furniture, tokens
from copydesk.neardup.shingles import shingle_hashes

CONTAINMENT_MIN = 0.5            # verified copy: half of the smaller text's shingles are in the other
MIN_SHINGLES = 25                # texts with fewer shingles (about 30 words) are never called copies
UNDATED = datetime.max.replace(tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class WireText:
    """An article as wire detection sees it; `cluster_id` is set for history articles."""

    article_id: str
    text: str
    published_at: datetime | None
    outlet: str | None
    cluster_id: str | None = None


@dataclass(frozen=True, slots=True)
class WireResult:
    cluster_id: str
    similarity: float            # containment in the cluster's founding copy (1.0 for the founder)
    agency: str | None
    reused_share: float


def fingerprint(text: str) -> tuple[np.ndarray, str | None]:
    """Shingle a text for comparison, after removing wire furniture; return the hashes and the agency named."""
    body, agency = strip_wire_furniture(text)
    return shingle_hashes(tokens(body)), agency


def assign_wire(new: Sequence[WireText], history: Sequence[WireText] = ()) -> dict[str, WireResult]:
    """Give each new article its wire cluster, its similarity to the cluster's founder, agency and reuse."""
    items = [*history, *new]
    prints = [fingerprint(item.text) for item in items]
    sets = [hashes for hashes, _ in prints]
    is_new = np.arange(len(items)) >= len(history)
    pairs = candidate_pairs(band_keys(signatures(sets)), is_new)

    matches: dict[int, dict[int, float]] = defaultdict(dict)
    reused: dict[int, list[np.ndarray]] = defaultdict(list)
    when = [item.published_at or UNDATED for item in items]
    for i, j in pairs.tolist():
        shared = np.intersect1d(sets[i], sets[j], assume_unique=True)
        smaller = min(len(sets[i]), len(sets[j]))
        if smaller >= MIN_SHINGLES and len(shared) / smaller >= CONTAINMENT_MIN:
            matches[i][j] = matches[j][i] = len(shared) / smaller
        for later, earlier in ((i, j), (j, i)):
            if is_new[later] and when[earlier] < when[later] and items[earlier].outlet != items[later].outlet:
                reused[later].append(shared)

    order = sorted(range(len(items)), key=lambda k: (when[k], items[k].article_id))
    assigned, names = _history_founders(items, order, len(history))
    founder_of, similarity = star_clusters(order, matches, assigned)
    results = {}
    for k in range(len(history), len(items)):
        founder = founder_of[k]
        own = len(sets[k])
        share = len(np.unique(np.concatenate(reused[k]))) / own if reused[k] and own else 0.0
        results[items[k].article_id] = WireResult(names.get(founder, items[founder].article_id),
                                                  round(similarity[k], 4), prints[k][1], round(share, 4))
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


def wire_clusters(texts: Sequence[str], published: Sequence[datetime | None]) -> list[str]:
    """Cluster a standalone set of texts (no history, no outlets): one cluster id per text, in order."""
    items = [WireText(str(i), text, when, None) for i, (text, when) in enumerate(zip(texts, published))]
    results = assign_wire(items)
    return [results[item.article_id].cluster_id for item in items]
