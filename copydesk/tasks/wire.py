"""Group copies of one wire text into wire clusters.

Near-duplicate detection (shingles, MinHash, LSH, verification) is not built yet: until it is, every
article is a cluster of its own, identified by its article id.
"""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.records import Candidate


def assign_wire_clusters(articles: Sequence[Candidate]) -> dict[str, str]:
    """Map each new article id to its wire cluster id."""
    return {a.article_id: a.article_id for a in articles}
