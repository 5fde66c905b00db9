"""Group articles into stories: one news event, whatever the wording, the outlet or the language.

New articles are described by their words, names and numbers (`stories.features`), the copies of one wire
text are taken as one unit (a wire cluster always lies inside one story; copies of a wire text the history
already placed go to that story), and the units are clustered by group average with time decay
(`stories.linkage`), among themselves and into the stories active in the window. A story is named after
its first article (earliest published, then lowest id) and keeps its id; it goes quiet once no article
has joined it for `window_days`.

`StoryIndex` keeps the term counts and document frequencies of the articles in the window for a whole run,
so each history article is read once per run, not once per batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone

import numpy as np
from scipy import sparse

from copydesk.stories.features import BLOCKS, Terms, Vocabulary, article_terms, tfidf_blocks
from copydesk.stories.linkage import Clusters, Linkage, group_average

SECONDS_PER_DAY = 86_400.0
UNDATED = datetime.max.replace(tzinfo=timezone.utc)

# Chosen once on ../shared/corpora/ecbplus-dev (benchmarks/story_quality.py), see docs/benchmarks.md.
LINKAGE = Linkage(weights=(0.40, 0.45, 0.15), threshold=0.2125, window_days=14.0, grace_days=3.0, decay_days=7.0)


@dataclass(frozen=True, slots=True)
class StoryText:
    """An article as story grouping sees it; `story_id` is set for history articles."""

    article_id: str
    title: str | None
    text: str
    language: str
    published_at: datetime | None
    wire_cluster_id: str
    story_id: str | None = None


class StoryIndex:
    """The term counts and document frequencies of the articles held (the window), for one run."""

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()
        self.terms: dict[str, Terms] = {}
        self.df = np.zeros(0, dtype=np.int64)

    def _count(self, terms: Terms, sign: int) -> None:
        if len(self.vocabulary) > len(self.df):
            self.df = np.concatenate([self.df, np.zeros(max(len(self.vocabulary) - len(self.df), len(self.df)),
                                                         dtype=np.int64)])
        for ids, _ in terms.blocks:
            self.df[ids] += sign

    def hold(self, items: Iterable[StoryText]) -> list[Terms]:
        """Count the items not held yet, and return every item's terms."""
        out = []
        for item in items:
            terms = self.terms.get(item.article_id)
            if terms is None:
                terms = self.terms[item.article_id] = article_terms(item.title, item.text, self.vocabulary)
                self._count(terms, +1)
            out.append(terms)
        return out

    def keep_only(self, article_ids: set[str]) -> None:
        """Forget the articles that left the window."""
        for article_id in [a for a in self.terms if a not in article_ids]:
            self._count(self.terms.pop(article_id), -1)


def _day(when: datetime | None) -> float:
    return when.timestamp() / SECONDS_PER_DAY if when else np.nan


def _clusters(members: Sequence[Sequence[int]], blocks: Sequence[sparse.csr_matrix], items: Sequence[StoryText],
              languages: dict[str, int]) -> Clusters:
    """Sum the members' blocks and describe each cluster (sizes, languages, dated span)."""
    rows = [i for group in members for i in group]
    cols = np.repeat(np.arange(len(members)), [len(g) for g in members])
    indicator = sparse.csr_matrix((np.ones(len(rows)), (cols, rows)), shape=(len(members), len(items)))
    counts = np.zeros((len(members), len(languages)))
    first = np.full(len(members), np.nan)
    last = np.full(len(members), np.nan)
    for c, group in enumerate(members):
        for i in group:
            counts[c, languages[items[i].language]] += 1
        days = [_day(items[i].published_at) for i in group if items[i].published_at]
        if days:
            first[c], last[c] = min(days), max(days)
    return Clusters(tuple(indicator @ b for b in blocks), np.array([len(g) for g in members]), counts, first, last)


def assign_stories(new: Sequence[StoryText], history: Sequence[StoryText] = (), index: StoryIndex | None = None,
                   wire_stories: dict[str, str] | None = None, window_days: float | None = None,
                   params: Linkage = LINKAGE) -> dict[str, str]:
    """Map each new article id to its story id.

    `history`: the articles of the stories active in the window, with their story ids; `wire_stories`: the
    story of each wire cluster the history holds (also outside the window); `index`: the run's StoryIndex;
    `window_days`: the inactivity window, when not the one of `params`.
    """
    if not new:
        return {}
    if window_days is not None:
        params = replace(params, window_days=window_days)
    index = index or StoryIndex()
    items = [*history, *new]
    index.keep_only({item.article_id for item in items})
    terms = index.hold(items)
    blocks = tfidf_blocks(terms, index.df, len(index.terms))
    languages = {"und": 0} | {lang: i + 1 for i, lang in enumerate(sorted({i.language for i in items} - {"und"}))}

    story_members: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(history):
        story_members[str(item.story_id)].append(i)
    wire_stories = {**(wire_stories or {}),
                    **{item.wire_cluster_id: str(item.story_id) for item in history}}
    story_ids = list(story_members)
    slot = {story_id: s for s, story_id in enumerate(story_ids)}

    units: dict[str, list[int]] = defaultdict(list)      # new articles by wire cluster
    for i, item in enumerate(new, start=len(history)):
        units[item.wire_cluster_id].append(i)
    placed = {c: wire_stories[c] for c in units if c in wire_stories}
    for cluster, story_id in placed.items():                # copies of a placed wire text join its story
        if story_id in slot:
            story_members[story_id].extend(units[cluster])
    free = [members for cluster, members in units.items() if cluster not in placed]

    result = {items[i].article_id: story_id for c, story_id in placed.items() for i in units[c]}
    if not free:
        return result
    target = group_average(_clusters(free, blocks, items, languages),
                           _clusters([story_members[s] for s in story_ids], blocks, items, languages), params)
    groups: dict[int, list[int]] = defaultdict(list)
    for u, t in enumerate(target.tolist()):
        groups[t].extend(free[u])
    for t, members in groups.items():
        if t >= len(free):
            story_id = story_ids[t - len(free)]
        else:
            first = min(members, key=lambda i: (items[i].published_at or UNDATED, items[i].article_id))
            story_id = items[first].article_id
        result.update({items[i].article_id: story_id for i in members})
    return result


__all__ = ["BLOCKS", "LINKAGE", "StoryIndex", "StoryText", "assign_stories"]
