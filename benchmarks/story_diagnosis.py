"""Trace why story grouping through `copydesk run` differs from `assign_stories` on ecbplus-dev.

Reads a warehouse that `copydesk run` built from ecbplus-dev.jsonl (alone or mixed with other
sets), takes the ecbplus-dev articles as the pipeline stored them (title, text, language, date,
wire cluster) and groups them again in one batch with `assign_stories`, changing one input at a
time:

- stored: the pipeline's inputs as stored (reproduces the run's grouping when it was one batch);
- no-wire: the same, each article its own unit (wire clusters not kept whole);
- dated: the same, with the file's `date` as the publication time (what `story_quality` gives);
- dated, no-wire: both;
- file: the file's title, text, language and date, one unit per line (as `story_quality`).

When the warehouse also holds other sets: all sets regrouped in one batch, all sets in the run's
lake batches, and ecbplus-dev alone in the run's batches (what the other articles change).

For the run's own grouping and for each regrouping: pair and B-cubed scores against the gold events
(over the stored source lines; content duplicates share their article's story). Options:

- `--threshold`: regroup with another linkage threshold than `LINKAGE`'s;
- `--merges`: each story holding more than one gold event, with the wire clusters inside it;
- `--oracle-split`: pair F1 if the wrong merges were split by gold event (an upper bound);
- `--evidence`: for the topics the run merged, what each event names (dates, years, weekdays, its
  own names and figures), and the oracle split limited to topics whose events both have own names;
- `--contrast-split`: a label-free trial of that evidence (cut stories in two, keep the cut when
  both halves have own names);
- `--siblings`: the similarity within and between the two events of each topic, with the file's
  articles alone counted for the document frequencies and with the other sets too.

See docs/notes/story-grouping-diagnosis.md.

    .venv/bin/python -m benchmarks.story_diagnosis WAREHOUSE [--corpora ../shared/corpora]
        [--threshold T] [--merges] [--oracle-split] [--evidence] [--contrast-split] [--siblings]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from benchmarks.story_quality import ECBPLUS, _when
from benchmarks.wire_eval import bcubed_scores, pairwise_scores
from copydesk.stories.features import TEXT_CHARS, names, numbers
from copydesk.stories.linkage import Linkage
from copydesk.tasks.stories import (LINKAGE, StoryIndex, StoryMerge, StoryText, assign_stories,
                                    follow_merges, place_stories)


@dataclass(frozen=True)
class Stored:
    """An article as the pipeline stored it, its lake batch, and the ecbplus-dev file lines it came
    from (0-based; none for an article of another set)."""

    text: StoryText
    story_id: str
    batch_id: str
    lines: tuple[int, ...]


def load_stored(warehouse: Path, source_name: str) -> list[Stored]:
    """The stored articles: those of the ecbplus-dev file first, in file order, then the others."""
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT a.article_id, a.title, a.text, a.language, a.published_at, a.wire_cluster_id, "
            "a.story_id, a.batch_id, list(s.source_uri) "
            "FROM articles a JOIN article_sources s USING (article_id) GROUP BY ALL").fetchall()
    finally:
        con.close()
    found = []
    for article_id, title, text, language, published, cluster, story, batch, uris in rows:
        lines = sorted(int(u.rsplit("#", 1)[1]) - 1 for u in uris
                       if u.rsplit("#", 1)[0].endswith(source_name))
        found.append(Stored(StoryText(article_id, title, text, language, published, cluster),
                            story, batch, tuple(lines)))
    return sorted(found, key=lambda s: (not s.lines, s.lines[:1], s.batch_id, s.text.article_id))


def by_batches(stored: list[Stored], params: Linkage = LINKAGE) -> dict[str, str]:
    """Group all stored articles again batch by batch as the run fed them (one index, merges
    followed): the story of each article id."""
    index = StoryIndex()
    stories: dict[str, str] = {}
    merges: list[StoryMerge] = []
    for batch in sorted({s.batch_id for s in stored}):
        placement = place_stories([s.text for s in stored if s.batch_id == batch], index=index,
                                  params=params)
        stories |= placement.stories
        merges += placement.merges
    return follow_merges(stories, merges)


def score_line(name: str, gold: list[str], predicted: list[str]) -> str:
    p, b = pairwise_scores(gold, predicted), bcubed_scores(gold, predicted)
    return (f"{name:<24} {len(gold)} lines: pair P {p.precision:.3f} R {p.recall:.3f} "
            f"F1 {p.f1:.3f}   B3 P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f}")


def by_line(stored: list[Stored], stories: dict[str, str]) -> dict[int, str]:
    """The story of each stored file line, from a story per article id."""
    return {n: stories[s.text.article_id] for s in stored for n in s.lines}


def wrong_merges(events: list[str], topics: list[str], stories: dict[int, str],
                 clusters: dict[int, str]) -> list[str]:
    """Describe each story holding several gold events: events with counts, wrong pairs, and the
    wire clusters of more than one line in it (as event counts)."""
    members: dict[str, list[int]] = defaultdict(list)
    for line, story in stories.items():
        members[story].append(line)
    out = []
    for story, lines in sorted(members.items(), key=lambda kv: -len(kv[1])):
        counts = Counter(events[n] for n in lines)
        if len(counts) < 2:
            continue
        wrong = (len(lines) ** 2 - sum(c * c for c in counts.values())) // 2
        kind = "siblings" if len({topics[n] for n in lines}) == 1 else "across topics"
        units: dict[str, Counter[str]] = defaultdict(Counter)
        for n in lines:
            units[clusters[n]][events[n]] += 1
        wires = [dict(c) for c in units.values() if sum(c.values()) > 1]
        out.append(f"story {story}: {dict(counts)} {wrong} wrong pairs ({kind}); "
                   f"wire units of >1: {wires}")
    return out


def split_by_event(events: list[str], topics: list[str], stories: dict[int, str],
                   topic: str | None = None) -> dict[int, str]:
    """An oracle: split every story (or only those of one topic) by gold event, as a perfect
    separator of sibling events would (an upper bound, it uses the labels)."""
    return {n: f"{story}|{events[n]}" if topic in (None, topics[n]) else story
            for n, story in stories.items()}


def oracle_gains(events: list[str], topics: list[str], stories: dict[int, str]) -> list[str]:
    """Pair F1 as grouped, with every wrong merge split by gold event, and with only one topic's."""
    lines = sorted(stories)
    gold = [events[n] for n in lines]

    def f1(grouping: dict[int, str]) -> float:
        return pairwise_scores(gold, [grouping[n] for n in lines]).f1

    base = f1(stories)
    ceiling = f1(split_by_event(events, topics, stories))
    out = [f"pair F1 {base:.3f}; every story split by gold event: {ceiling:.3f}"]
    merged = {topics[n] for n, story in stories.items()
              if len({events[m] for m in lines if stories[m] == story}) > 1}
    for topic in sorted(merged, key=int):
        gain = f1(split_by_event(events, topics, stories, topic)) - base
        out.append(f"  only topic {topic} split: +{gain:.3f}")
    return out


FULL_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"\s+(?:19|20)\d\d\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"\.?\s+(?:19|20)\d\d\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
OWN_SHARE = 0.5             # a name or figure in at least this share of one event's articles ...
OTHER_SHARE = 0.1           # ... and at most this share of its sibling's tells them apart


def evidence(texts: list[str]) -> dict[str, object]:
    """What a set of articles (title and the text story grouping reads) names: the share naming a
    full date, a year, a weekday; the most named year; each name's share of articles."""
    counts: Counter[str] = Counter()
    years: Counter[str] = Counter()
    for text in texts:
        counts.update(set(terms_of(text)))
        years.update(set(YEAR.findall(text)))
    n = len(texts)
    return {"full date": sum(bool(FULL_DATE.search(t)) for t in texts) / n,
            "year": sum(bool(YEAR.search(t)) for t in texts) / n,
            "weekday": sum(bool(WEEKDAY.search(t)) for t in texts) / n,
            "top year": years.most_common(1)[0] if years else None,
            "terms": {term: c / n for term, c in counts.items()}}


def terms_of(text: str) -> list[str]:
    """The names and the figures of a text (as the names and numbers blocks see them)."""
    return names(text) + [f"#{figure}" for figure in numbers(text)]


def coverage(texts: list[str], own: list[str]) -> float:
    """The share of texts naming one of these names or figures."""
    return sum(bool(own and set(terms_of(t)) & set(own)) for t in texts) / len(texts)


def contrast(own: dict[str, float], other: dict[str, float]) -> list[str]:
    """Terms in OWN_SHARE of one event's articles and at most OTHER_SHARE of the other's."""
    return sorted((name for name, share in own.items()
                   if share >= OWN_SHARE and other.get(name, 0.0) <= OTHER_SHARE),
                  key=lambda name: (-own[name], name))


def evidence_report(stored: list[Stored], events: list[str], topics: list[str],
                    chosen: set[str]) -> tuple[list[str], set[str]]:
    """Per chosen topic, each event's evidence and the names and figures that tell the two apart;
    the topics whose events both have such a name."""
    texts: dict[str, list[str]] = defaultdict(list)
    for s in stored:
        texts[events[s.lines[0]]].append(read(s.text))
    out, apart = [], set()
    for topic in sorted(chosen, key=int):
        a, b = sorted({events[n] for n in range(len(events)) if topics[n] == topic})
        ea, eb = evidence(texts[a]), evidence(texts[b])
        own = {a: contrast(ea["terms"], eb["terms"]), b: contrast(eb["terms"], ea["terms"])}
        if all(any(not t.startswith("#") for t in terms) for terms in own.values()):
            apart.add(topic)
        for event, e in ((a, ea), (b, eb)):
            named = [t for t in own[event] if not t.startswith("#")]
            figures = [t for t in own[event] if t.startswith("#")]
            out.append(f"topic {topic} {event}: {len(texts[event])} articles; full date "
                       f"{e['full date']:.0%}, a year {e['year']:.0%} (most: {e['top year']}), "
                       f"a weekday {e['weekday']:.0%}; own names {named[:6]} named by "
                       f"{coverage(texts[event], named):.0%}; own figures {figures[:4]} named by "
                       f"{coverage(texts[event], figures):.0%}")
    return out, apart


def read(item: StoryText) -> str:
    """The title and the text that story grouping reads."""
    body = item.text[:TEXT_CHARS]
    return f"{item.title}.\n{body}" if item.title else body


def contrast_split(stored: list[Stored], stories: dict[str, str],
                   params: Linkage = LINKAGE) -> tuple[dict[str, str], list[str]]:
    """Without labels: cut each story of 4 or more articles in two by group average on the
    articles' similarity, and keep the cut when both halves (2 or more articles each) have a name
    of their own (`contrast`). The stories after the cuts, and the stories cut."""
    items = [s.text for s in stored]
    index = StoryIndex()
    blocks = index.weigh(index.count(items))
    similarity = sum(w * (b @ b.T).toarray() for w, b in zip(params.weights, blocks))
    texts = [read(i) for i in items]
    members: dict[str, list[int]] = defaultdict(list)
    for k, item in enumerate(items):
        members[stories[item.article_id]].append(k)
    result, cut = dict(stories), []
    for story, ks in members.items():
        if len(ks) < 4:
            continue
        distance = np.clip(1.0 - similarity[np.ix_(ks, ks)], 0.0, None)
        np.fill_diagonal(distance, 0.0)
        halves = fcluster(linkage(squareform(distance, checks=False), "average"), 2, "maxclust")
        parts = [[k for k, h in zip(ks, halves) if h == half] for half in (1, 2)]
        if min(map(len, parts)) < 2:
            continue
        shares = [names_only(evidence([texts[k] for k in part])["terms"]) for part in parts]
        if contrast(shares[0], shares[1]) and contrast(shares[1], shares[0]):
            cut.append(story)
            result.update({items[k].article_id: f"{story}|b" for k in parts[1]})
    return result, cut


def names_only(shares: dict[str, float]) -> dict[str, float]:
    return {term: share for term, share in shares.items() if not term.startswith("#")}


def event_similarity(items: list[StoryText], event_of: list[str], counted: list[StoryText],
                     params: Linkage = LINKAGE) -> dict[tuple[str, str], float]:
    """The group-average similarity (undated, one language) of every two gold events, their
    articles weighed with the document frequencies of `counted` (which holds the items)."""
    index = StoryIndex()
    terms = dict(zip((i.article_id for i in counted), index.count(counted)))
    blocks = index.weigh([terms[i.article_id] for i in items])
    names = sorted(set(event_of))
    indicator = sparse.csr_matrix((np.ones(len(items)), ([names.index(e) for e in event_of],
                                                         np.arange(len(items)))))
    sums = sum(w * (indicator @ b @ (indicator @ b).T).toarray()
               for w, b in zip(params.weights, blocks))
    sizes = np.asarray(indicator.sum(axis=1)).ravel()
    similarity = sums / np.outer(sizes, sizes)
    return {(a, b): float(similarity[i, j]) for i, a in enumerate(names)
            for j, b in enumerate(names)}


def sibling_report(stored: list[Stored], others: list[StoryText], events: list[str],
                   topics: list[str]) -> list[str]:
    """Per topic: the similarity within each of its two events and between them, with the file's
    articles alone counted for the document frequencies and (if any) with the other sets too."""
    items = [s.text for s in stored]
    event_of = [events[s.lines[0]] for s in stored]
    views = {"alone": event_similarity(items, event_of, items)}
    if others:
        views["with others"] = event_similarity(items, event_of, items + others)
    pairs = sorted({(topics[s.lines[0]], events[s.lines[0]]) for s in stored},
                   key=lambda te: (int(te[0]), te[1]))
    out = [f"threshold {LINKAGE.threshold}; per topic: within A, within B, between (" +
           ", ".join(views) + ")"]
    for topic in sorted({t for t, _ in pairs}, key=int):
        a, b = [e for t, e in pairs if t == topic]
        out.append(f"topic {topic:>2} {a}/{b}: " + "   ".join(
            f"{v[a, a]:.3f} {v[b, b]:.3f} {v[a, b]:.3f}" for v in views.values()))
    return out


def variants(stored: list[Stored], rows: list[dict[str, object]]) -> dict[str, list[StoryText]]:
    """The run's ecbplus-dev inputs, and the same with one input changed at a time."""
    items = [s.text for s in stored]
    line = [rows[s.lines[0]] for s in stored]
    dated = [replace(i, published_at=_when(r["date"])) for i, r in zip(items, line)]  # type: ignore[arg-type]
    return {
        "stored": items,
        "no-wire": [replace(i, wire_cluster_id=i.article_id) for i in items],
        "dated": dated,
        "dated, no-wire": [replace(i, wire_cluster_id=i.article_id) for i in dated],
        "file": [StoryText(i.article_id, r["title"], r["text"], r["lang"] or "und",  # type: ignore[arg-type]
                           _when(r["date"]), i.article_id) for i, r in zip(items, line)],  # type: ignore[arg-type]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--threshold", type=float, default=LINKAGE.threshold,
                        help="the linkage threshold of the regroupings (not of the run)")
    parser.add_argument("--merges", action="store_true", help="list the stories of several events")
    parser.add_argument("--oracle-split", action="store_true",
                        help="F1 if the wrong merges were split by gold event (upper bound)")
    parser.add_argument("--evidence", action="store_true",
                        help="what the events of the topics merged in the run name (dates, names)")
    parser.add_argument("--contrast-split", action="store_true",
                        help="cut the run's stories in two where both halves have own names")
    parser.add_argument("--siblings", action="store_true",
                        help="similarity within and between the two events of each topic")
    args = parser.parse_args()
    source = args.corpora / ECBPLUS
    rows = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines() if x]
    events = [r["story"] for r in rows]
    topics = [str(r["topic"]) for r in rows]
    everything = load_stored(args.warehouse, source.name)
    stored = [s for s in everything if s.lines]
    others = [s.text for s in everything if not s.lines]
    lines = [n for s in stored for n in s.lines]
    gold = [events[n] for n in lines]
    clusters = {n: s.text.wire_cluster_id for s in stored for n in s.lines}
    run = by_line(stored, {s.text.article_id: s.story_id for s in stored})
    params = replace(LINKAGE, threshold=args.threshold)
    groupings = {"run": run} | {name: by_line(stored, assign_stories(texts, params=params))
                                for name, texts in variants(stored, rows).items()}
    if others:
        items = [s.text for s in stored]
        groupings["all sets, one batch"] = by_line(stored,
                                                   assign_stories(items + others, params=params))
        groupings["all sets, run's batches"] = by_line(stored, by_batches(everything, params))
        groupings["ecbplus, run's batches"] = by_line(stored, by_batches(stored, params))
    for name, stories in groupings.items():
        print(score_line(name, gold, [stories[n] for n in lines]))
        if args.merges:
            print("".join(f"  {m}\n" for m in wrong_merges(events, topics, stories, clusters)))
        if args.oracle_split:
            print("".join(f"  {m}\n" for m in oracle_gains(events, topics, stories)))
    if args.evidence:
        merged = {topics[n] for n in run if len({events[m] for m in run if run[m] == run[n]}) > 1}
        report, apart = evidence_report(stored, events, topics, merged)
        every = evidence([read(s.text) for s in stored])
        print(f"all {len(stored)} articles: full date {every['full date']:.1%}, a year "
              f"{every['year']:.1%}, a weekday {every['weekday']:.1%}")
        print("\n".join(report))
        split = {n: story for t in apart
                 for n, story in split_by_event(events, topics, run, t).items() if topics[n] == t}
        print(f"oracle: run split by gold event only in topics whose events both have own names "
              f"{sorted(apart, key=int)}: pair F1 "
              f"{pairwise_scores(gold, [split.get(n, run[n]) for n in lines]).f1:.3f}")
    if args.contrast_split:
        after, cut = contrast_split(stored, {s.text.article_id: s.story_id for s in stored})
        split = by_line(stored, after)
        wrong = sorted({f"{topics[n]}:{len({events[m] for m in run if run[m] == run[n]})}"
                        for n in run if run[n] in cut}, key=lambda x: int(x.split(":")[0]))
        print(score_line("run, contrast cut", gold, [split[n] for n in lines]))
        print(f"  {len(cut)} stories cut (topic:gold events in it): {wrong}")
    if args.siblings:
        print("\n".join(sibling_report(stored, others, events, topics)))


if __name__ == "__main__":
    main()
