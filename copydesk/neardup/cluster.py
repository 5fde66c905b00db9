"""Group verified copies into clusters around their first copy (star clustering), in publication order.

Single-link grouping chains: A ~ B and B ~ C put A and C together even when they share nothing, and one
weak link merges two wire stories. Here each cluster has a founder, its first member; an article joins a
cluster only when it matches that founder itself, choosing the founder it matches best, and otherwise
founds its own. Clusters that already exist keep their members and ids, so the grouping is incremental.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def star_clusters(order: Sequence[int], matches: Mapping[int, Mapping[int, float]],
                  assigned: Mapping[int, int]) -> tuple[dict[int, int], dict[int, float]]:
    """Assign every unassigned index to a founder index.

    `order`: indices in publication order; `matches[i][j]`: the verified similarity of i and j (both ways);
    `assigned`: the founders of indices already grouped (history). Returns each index's founder and its
    similarity to that founder (1.0 for founders).
    """
    founder_of = dict(assigned)
    similarity = {i: 1.0 for i, f in assigned.items() if i == f}
    for index in order:
        if index in founder_of:
            continue
        founders = {j: score for j, score in matches.get(index, {}).items() if founder_of.get(j) == j}
        if founders:
            best = max(founders, key=lambda j: (founders[j], -j))
            founder_of[index], similarity[index] = best, founders[best]
        else:
            founder_of[index], similarity[index] = index, 1.0
    return founder_of, similarity
