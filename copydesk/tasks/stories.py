"""Group articles into stories: one news event, whatever the wording, the outlet or the language.

New articles are described by their words, names and numbers (`stories.features`), the copies of one wire
text are taken as one unit (a wire cluster always lies inside one story; copies of a wire text the history
already placed go to that story), and the units are clustered by group average with time decay
(`stories.linkage`), among themselves and with the stories active in the window. A story is named
after its first article (earliest published, then lowest id) and keeps its id until it merges: two
active stories whose group average reaches the threshold (once new articles joined them) become one,
under the id of the senior story (the one with the earliest dated article, undated last, ties by the
lower id), and the merge is returned so that the lake records it (`StoryMerge`). A story goes quiet
once no article has joined it for `window_days`.

`StoryIndex` holds the active stories' members and term counts for a whole run and updates them batch
after batch, so a batch costs its own articles and the candidate stories, and the history is read once
per run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from itertools import groupby

import numpy as np
from scipy import sparse

from copydesk.records import StoryMerge, utc_now
from copydesk.stories.features import BLOCKS, Terms, Vocabulary, article_terms, tfidf_blocks
from copydesk.stories.linkage import Clusters, Linkage, group_average

SECONDS_PER_DAY = 86_400.0
DUE_GROWTH = 1.25    # a story is compared again once the documents counted grew by this factor
REWEIGH_GROWTH = 1.05   # stories are weighed again once the documents counted grew by this factor
REWEIGH_FROM = 5_000    # ... and after every batch until this many documents are counted
MAX_POSTING_STORIES = 500        # a name or figure in more active stories than this finds no candidates
UNDATED = datetime.max.replace(tzinfo=timezone.utc)

# Chosen once on ../shared/corpora/ecbplus-dev (benchmarks/story_quality.py), see docs/benchmarks.md.
LINKAGE = Linkage(weights=(0.40, 0.45, 0.15), threshold=0.2125, window_days=14.0, grace_days=3.0, decay_days=7.0)


@dataclass(frozen=True, slots=True)
class StoryText:
    """An article as story grouping sees it; `story_id` and `batch_id` (its lake batch) are set for history."""

    article_id: str
    title: str | None
    text: str
    language: str
    published_at: datetime | None
    wire_cluster_id: str
    story_id: str | None = None
    batch_id: str | None = None


@dataclass
class _Story:
    """A story as the index holds it: its members, languages and span."""

    members: list[str] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    first_day: float = np.nan                       # publication span of its dated articles
    last_day: float = np.nan
    last_seen: float = -np.inf                      # the latest day an article joined (undated: the batch's day)
    placed_at: int = 0                  # documents counted when its latest article was placed
    sums: tuple[tuple[np.ndarray, np.ndarray], ...] = ()    # its weighed block sums (ids, values)
    weighed_at: int = -1                # the `StoryIndex.frozen_n` it was weighed with (-1: none)


class StoryIndex:
    """The stories active in the window, for one run: members and term counts, batch after batch.

    Articles are weighed with the document frequencies of every article counted so far in the
    run (the history, then each batch as it comes). A story is weighed with the frequencies frozen
    at the end of the latest batch that made the count of documents grow by REWEIGH_GROWTH (at the
    end of every batch until REWEIGH_FROM documents are counted: `frozen_df`); its weighed block
    sums are kept until the frequencies are frozen anew or an article joins it. So what a small
    early batch decided is seen again in the light of later ones, and the batches counted alone
    decide when frequencies are frozen: a run that replays the history batch by batch (`load`)
    freezes the same ones. Stories are found through their names and numbers (postings: term ->
    stories), so a batch costs its own articles and the stories that share a name or a figure with
    them, not the whole window; and a story is compared again by itself each time the count of
    documents has grown by DUE_GROWTH since its latest article came (`due`), so that two stories an
    early batch kept apart meet again once the weights have settled.
    """

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()
        self.df = np.zeros(0, dtype=np.int64)
        self.n_documents = 0
        self.frozen_df = self.df                        # the frequencies stories are weighed with
        self.frozen_n = 0                               # ... and the count of documents they held
        self.stories: dict[str, _Story] = {}
        self.story_of: dict[str, str] = {}              # placed article -> story
        self.terms: dict[str, Terms] = {}               # placed article -> its term counts
        self.wire_story: dict[str, str] = {}            # wire cluster -> story (see `resolve`)
        self.merged_into: dict[str, str] = {}           # story merged in this run -> its heir
        self.postings: dict[int, set[str]] = defaultdict(set)   # name or number term -> active stories
        self.loaded_since = np.inf                      # the history is loaded from this day on

    def needs_history(self, since: datetime) -> bool:
        """Whether the history from `since` on must still be given (once per run, or when reaching back)."""
        return _day(since) < self.loaded_since

    def count(self, items: Sequence[StoryText]) -> list[Terms]:
        """Describe the items and count their terms into the document frequencies."""
        terms = [article_terms(item.title, item.text, self.vocabulary) for item in items]
        if len(self.vocabulary) > len(self.df):
            self.df = np.concatenate([self.df, np.zeros(len(self.vocabulary) - len(self.df), dtype=np.int64)])
        for t in terms:
            for ids, _ in t.blocks:
                self.df[ids] += 1
        self.n_documents += len(items)
        if self.n_documents < REWEIGH_FROM or self.n_documents >= REWEIGH_GROWTH * self.frozen_n:
            self.frozen_df, self.frozen_n = self.df.copy(), self.n_documents
        return terms

    def weigh(self, terms: Sequence[Terms]) -> list[sparse.csr_matrix]:
        """Weigh term counts with the current document frequencies: one matrix per block."""
        return tfidf_blocks(terms, self.df, self.n_documents)

    def place(self, items: Sequence[StoryText], story_ids: Sequence[str], terms: Sequence[Terms],
              day: float) -> None:
        """Add counted items to their stories (`day`: when undated items count as seen)."""
        for item, story_id, counts in zip(items, story_ids, terms):
            story = self.stories.get(story_id)
            if story is None:
                story = self.stories[story_id] = _Story()
            for ids, _ in counts.blocks[1:]:            # names and numbers find the story again
                for term in ids.tolist():
                    self.postings[term].add(story_id)
            story.members.append(item.article_id)
            story.weighed_at = -1
            story.languages[item.language] += 1
            story.placed_at = self.n_documents
            self.story_of[item.article_id] = story_id
            self.terms[item.article_id] = counts
            self.wire_story.setdefault(item.wire_cluster_id, story_id)
            when = _day(item.published_at)
            story.first_day = np.fmin(story.first_day, when)
            story.last_day = np.fmax(story.last_day, when)
            story.last_seen = max(story.last_seen, day if np.isnan(when) else when)

    def resolve(self, story_id: str) -> str:
        """The story a story id stands for now, through the merges of this run."""
        return _heir(self.merged_into, story_id)

    def seniority(self, story_id: str) -> tuple[float, str]:
        """Order stories for a merge: earliest dated article first (undated last), then lower id."""
        first = self.stories[story_id].first_day
        return (np.inf if np.isnan(first) else first, story_id)

    def story_terms(self, story_id: str) -> list[int]:
        """The names and numbers of a story's articles (what its postings hold)."""
        members = self.stories[story_id].members
        return np.unique(np.concatenate([np.empty(0, np.int64), *(
            ids for a in members for ids, _ in self.terms[a].blocks[1:])])).tolist()

    def merge(self, gone: str, keep: str) -> None:
        """Fold story `gone` into `keep`: members, languages and span; postings follow."""
        for term in self.story_terms(gone):
            self.postings[term].discard(gone)
            self.postings[term].add(keep)
        source, target = self.stories.pop(gone), self.stories[keep]
        target.members += source.members
        target.languages += source.languages
        target.first_day = np.fmin(target.first_day, source.first_day)
        target.last_day = np.fmax(target.last_day, source.last_day)
        target.last_seen = max(target.last_seen, source.last_seen)
        target.placed_at = max(target.placed_at, source.placed_at)
        target.weighed_at = -1
        self.story_of.update(dict.fromkeys(source.members, keep))
        self.merged_into[gone] = keep

    def load(self, history: Sequence[StoryText], since: datetime) -> None:
        """Hold the history's articles that are not held yet (the window at the start of a run).

        They are counted one lake batch at a time, in commit order, as the run that committed them
        counted them: a run that resumes a killed one holds the counts (and the moments stories are
        due again) that the killed run held, so it groups the rest as one uninterrupted run would.
        """
        fresh = [item for item in history if item.article_id not in self.story_of]
        for _, items in groupby(fresh, key=lambda item: item.batch_id):
            batch = list(items)
            story_ids = [str(item.story_id) for item in batch]
            self.place(batch, story_ids, self.count(batch), _day(since))
        self.loaded_since = min(self.loaded_since, _day(since))

    def evict(self, since_day: float) -> None:
        """Forget the stories that went quiet before `since_day`."""
        for story_id in [s for s, story in self.stories.items() if story.last_seen < since_day]:
            for term in self.story_terms(story_id):
                self.postings[term].discard(story_id)
            story = self.stories[story_id]
            for article_id in story.members:
                del self.story_of[article_id]
                del self.terms[article_id]
            del self.stories[story_id]

    def due(self, counted_before: int) -> list[str]:
        """The stories to compare again though no article joined them: the count of documents went
        past DUE_GROWTH, DUE_GROWTH², ... times what it was when their latest article was placed."""
        found = []
        for story_id, story in self.stories.items():
            mark = DUE_GROWTH * max(story.placed_at, 1)
            while mark <= counted_before:
                mark *= DUE_GROWTH
            if mark <= self.n_documents:
                found.append(story_id)
        return sorted(found)

    def sharing(self, terms: Iterable[int]) -> set[str]:
        """The active stories that hold one of these names or numbers (common terms left out)."""
        found: set[str] = set()
        for term in terms:
            stories = self.postings.get(term)
            if stories and len(stories) <= MAX_POSTING_STORIES:
                found |= stories
        return found

    def reweigh(self, stories: Sequence[_Story]) -> None:
        """Weigh the stories' block sums again with the frozen document frequencies."""
        members = [a for story in stories for a in story.members]
        df = np.zeros(len(self.df), dtype=np.int64)      # terms first met since count as unseen
        df[:len(self.frozen_df)] = self.frozen_df
        blocks = tfidf_blocks([self.terms[a] for a in members], df, self.frozen_n)
        sizes = [len(story.members) for story in stories]
        rows = np.repeat(np.arange(len(stories)), sizes)
        indicator = sparse.csr_matrix((np.ones(len(members)), (rows, np.arange(len(members)))),
                                      shape=(len(stories), len(members)))
        sums = [sparse.csr_matrix(indicator @ b) for b in blocks]
        for row, story in enumerate(stories):
            story.sums = tuple((s.indices[s.indptr[row]:s.indptr[row + 1]].copy(),
                                s.data[s.indptr[row]:s.indptr[row + 1]].copy()) for s in sums)
            story.weighed_at = self.frozen_n

    def clusters(self, story_ids: Sequence[str], languages: dict[str, int]) -> Clusters:
        """The stories as linkage clusters, weighed with the frozen document frequencies."""
        stories = [self.stories[s] for s in story_ids]
        self.reweigh([story for story in stories if story.weighed_at != self.frozen_n])
        sizes = np.array([len(story.members) for story in stories], dtype=np.int64)
        counts = np.zeros((len(stories), len(languages)))
        for row, story in enumerate(stories):
            for language, n in story.languages.items():
                counts[row, languages.get(language, 0)] += n
        return Clusters(tuple(_stack([story.sums[k] for story in stories], len(self.df))
                              for k in range(len(BLOCKS))), sizes, counts,
                        np.array([story.first_day for story in stories]),
                        np.array([story.last_day for story in stories]))


def _stack(rows: Sequence[tuple[np.ndarray, np.ndarray]], width: int) -> sparse.csr_matrix:
    """Rows given as (column ids, values) as one matrix of `width` columns."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(ids) for ids, _ in rows])
    ids = np.concatenate([np.empty(0, np.int32), *(ids for ids, _ in rows)])
    values = np.concatenate([np.empty(0), *(values for _, values in rows)])
    return sparse.csr_matrix((values, ids, indptr), shape=(len(rows), width))


def _heir(merged_into: dict[str, str], story_id: str) -> str:
    """Follow a story's merges to the story that holds its articles now."""
    while story_id in merged_into:
        story_id = merged_into[story_id]
    return story_id


def _day(when: datetime | None) -> float:
    return when.timestamp() / SECONDS_PER_DAY if when else np.nan


def _unit_clusters(units: Sequence[Sequence[int]], blocks: Sequence[sparse.csr_matrix],
                   items: Sequence[StoryText], languages: dict[str, int]) -> Clusters:
    """Sum the new articles' blocks by unit and describe each unit (size, languages, dated span)."""
    rows = [i for unit in units for i in unit]
    cols = np.repeat(np.arange(len(units)), [len(u) for u in units])
    indicator = sparse.csr_matrix((np.ones(len(rows)), (cols, rows)), shape=(len(units), len(items)))
    counts = np.zeros((len(units), len(languages)))
    first = np.full(len(units), np.nan)
    last = np.full(len(units), np.nan)
    for c, unit in enumerate(units):
        for i in unit:
            counts[c, languages.get(items[i].language, 0)] += 1
        days = [_day(items[i].published_at) for i in unit if items[i].published_at]
        if days:
            first[c], last[c] = min(days), max(days)
    return Clusters(tuple(sparse.csr_matrix(indicator @ b) for b in blocks), np.array([len(u) for u in units]),
                    counts, first, last)


def _candidates(units: Clusters, due: Sequence[str], index: StoryIndex, languages: dict[str, int],
                params: Linkage) -> tuple[list[str], Clusters]:
    """The stories to cluster with the units: the active stories that share a name or a number with
    a unit or a due story and whose similarity to one (bounded from above, as if no pair were
    comparable word by word) reaches the threshold, and the due stories such a story could join."""
    terms = {term for block in units.sums[1:] for term in np.unique(block.indices).tolist()}
    for story_id in due:
        terms.update(index.story_terms(story_id))
    found = [*due, *sorted(index.sharing(terms).difference(due))]
    stories = index.clusters(found, languages)
    if not found:
        return found, stories
    rows = [sparse.vstack([u, s[:len(due)]]).tocsr() for u, s in zip(units.sums, stories.sums)]
    sizes = np.concatenate([units.sizes, stories.sizes[:len(due)]])
    pair_sums = sum(w * (r @ s.T).toarray() for w, r, s in zip(params.weights, rows, stories.sums))
    bound = pair_sums / ((1.0 - params.weights[0]) * np.outer(sizes, stories.sizes))
    np.fill_diagonal(bound[len(units.sizes):], -np.inf)        # a due story against itself
    near = bound >= params.threshold
    partner = near.any(axis=0)                                  # a unit or a due story could join it
    partner[:len(due)] |= near[len(units.sizes):].any(axis=1)   # a due story could join another story
    keep = np.flatnonzero(partner)
    return [found[s] for s in keep], Clusters(
        tuple(b[keep] for b in stories.sums), stories.sizes[keep], stories.languages[keep],
        stories.first_day[keep], stories.last_day[keep])


@dataclass(frozen=True)
class Placement:
    """Where a batch's articles went, and the stories it merged (in the order decided)."""

    stories: dict[str, str]                 # new article id -> story id
    merges: list[StoryMerge]


def follow_merges(stories: dict[str, str], merges: Sequence[StoryMerge]) -> dict[str, str]:
    """Map article ids to the story their story id stands for after these merges (transitively)."""
    into = {merge.story_id: merge.merged_into for merge in merges}
    return {article_id: _heir(into, story_id) for article_id, story_id in stories.items()}


def assign_stories(new: Sequence[StoryText], history: Sequence[StoryText] = (), index: StoryIndex | None = None,
                   wire_stories: dict[str, str] | None = None, window_days: float | None = None,
                   params: Linkage = LINKAGE) -> dict[str, str]:
    """Map each new article id to its story id (see `place_stories`; the merges are left out)."""
    return place_stories(new, history, index, wire_stories, window_days, params).stories


def place_stories(new: Sequence[StoryText], history: Sequence[StoryText] = (),
                  index: StoryIndex | None = None, wire_stories: dict[str, str] | None = None,
                  window_days: float | None = None, params: Linkage = LINKAGE) -> Placement:
    """Place the new articles in stories and the index; merge the active stories they show as one.

    `history`: the articles of the stories active in the window, with their story ids (needed once per run:
    see `StoryIndex.needs_history`); `wire_stories`: the story of each wire cluster the history holds (also
    outside the window); `index`: the run's StoryIndex; `window_days`: the inactivity window, when not the
    one of `params`.
    """
    if not new:
        return Placement({}, [])
    if window_days is not None:
        params = replace(params, window_days=window_days)
    index = index or StoryIndex()
    dated = [_day(item.published_at) for item in new if item.published_at]
    today = _day(utc_now())
    start, end = (min(dated), max(dated)) if dated else (today, today)
    since_day = start - params.window_days
    index.load(history, datetime.fromtimestamp(since_day * SECONDS_PER_DAY, tz=timezone.utc))
    if dated:                       # an undated batch tells no time: it sends no story quiet
        index.evict(since_day)
    counted_before = index.n_documents
    terms = index.count(new)
    blocks = index.weigh(terms)
    units: dict[str, list[int]] = defaultdict(list)        # new articles by wire cluster
    for i, item in enumerate(new):
        units[item.wire_cluster_id].append(i)
    result: dict[str, str] = {}
    given = wire_stories or {}
    placed = {cluster: index.resolve(given.get(cluster, index.wire_story.get(cluster, cluster)))
              for cluster in units if cluster in given or cluster in index.wire_story}
    for cluster, story_id in placed.items():                 # copies of a placed wire text join its story
        members = units[cluster]
        result.update({new[i].article_id: story_id for i in members})
        index.place([new[i] for i in members], [story_id] * len(members),
                    [terms[i] for i in members], end)
    free = [members for cluster, members in units.items() if cluster not in placed]

    languages = {"und": 0} | {lang: i + 1 for i, lang in enumerate(
        sorted(({item.language for item in new} | {lang for s in index.stories.values() for lang in s.languages})
               - {"und"}))}
    unit_clusters = _unit_clusters(free, blocks, new, languages)
    # stories compared again although no unit may join them: those due, those wire copies joined
    again = sorted(set(index.due(counted_before)).union(placed.values()))
    candidates, stories = _candidates(unit_clusters, again, index, languages, params)
    groups: dict[int, list[int]] = defaultdict(list)       # clusters (units, then stories) by group
    for c, owner in enumerate(group_average(unit_clusters, stories, params).tolist()):
        groups[owner].append(c)
    merges: list[StoryMerge] = []
    rows: list[int] = []
    for group in groups.values():
        members = [i for c in group if c < len(free) for i in free[c]]
        joined = sorted((candidates[c - len(free)] for c in group if c >= len(free)),
                        key=index.seniority)
        if joined:
            story_id = joined[0]
            for other in joined[1:]:
                index.merge(other, story_id)
                merges.append(StoryMerge(other, story_id))
        else:
            first = min(members, key=lambda i: (new[i].published_at or UNDATED, new[i].article_id))
            story_id = new[first].article_id
        result.update({new[i].article_id: story_id for i in members})
        rows += members
    index.place([new[i] for i in rows], [result[new[i].article_id] for i in rows],
                [terms[i] for i in rows], end)
    return Placement(follow_merges(result, merges), merges)
