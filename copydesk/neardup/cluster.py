"""Group verified copies into clusters around their first copy (star clustering), in publication order.

Single-link grouping chains: A ~ B and B ~ C put A and C together even when they share nothing, and one
weak link merges two wire stories. Here each cluster has a founder, its first member; an article joins a
cluster only when it matches that founder itself, choosing the founder it matches best, and otherwise
founds its own. Clusters that already exist keep their members and ids, so the grouping is incremental.

Incrementally, a cluster's founder is its first stored member, and a new article may be published
before it (the original arriving after its copies). Such an article, once it has joined by matching
the founder itself, is an anchor of the cluster too: later articles may join by matching either. A
copy cut from the original's end and a copy cut from its middle share nothing with each other, only
with the original, so without the anchor the second copy would found a cluster of its own. Anchors
are only articles that matched the founder directly, so chains stay one link long.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def star_clusters(order: Sequence[int], matches: Mapping[int, Mapping[int, float]],
                  assigned: Mapping[int, int]
                  ) -> tuple[dict[int, int], dict[int, int], dict[int, float]]:
    """Assign every unassigned index to a founder index.

    `order`: indices in publication order; `matches[i][j]`: the verified similarity of i and j
    (both ways); `assigned`: the founders of indices already grouped (history). Returns each index's
    founder, the founder or anchor it matched (itself for founders), and its similarity to that one
    (1.0 for founders).
    """
    founder_of = dict(assigned)
    anchor_of = {i: f for i, f in assigned.items() if i == f}      # anchor -> its cluster's founder
    matched = {i: i for i in anchor_of}
    similarity = {i: 1.0 for i in anchor_of}
    position = {index: k for k, index in enumerate(order)}
    for index in order:
        if index in founder_of:
            continue
        anchors = {j: score for j, score in matches.get(index, {}).items() if j in anchor_of}
        if anchors:
            best = max(anchors, key=lambda j: (anchors[j], -j))
            founder = anchor_of[best]
            founder_of[index], matched[index], similarity[index] = founder, best, anchors[best]
            if best == founder and position[index] < position.get(founder, -1):
                anchor_of[index] = founder      # published before the founder that it matched
        else:
            founder_of[index] = matched[index] = anchor_of[index] = index
            similarity[index] = 1.0
    return founder_of, matched, similarity
