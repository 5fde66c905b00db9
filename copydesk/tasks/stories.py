"""Group articles into stories: one news event, whatever the wording or the language.

Story grouping is not built yet: until it is, each wire cluster is a story of its own (so a wire cluster
always lies inside one story), identified by the cluster id.
"""

from __future__ import annotations

from collections.abc import Mapping


def assign_stories(wire_clusters: Mapping[str, str]) -> dict[str, str]:
    """Map each new article id to its story id."""
    return dict(wire_clusters)
