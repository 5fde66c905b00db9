"""Check the wire-copy evaluation: scores on tiny hand-made clusterings, the evaluation set from the corpora."""

from __future__ import annotations

import itertools
import json
import random
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import CORPORA, REPO, SEEDS, require

from benchmarks.wire_eval import (
    COPY,
    DISTRACTOR,
    HARD_NEGATIVE,
    KINDS,
    ORIGINAL,
    SAME_EVENT,
    SEED,
    SHORT_CUT,
    EvalItem,
    Evaluation,
    adjusted_rand_index,
    bcubed_scores,
    contingency,
    evaluate,
    pair_counts,
    pairwise_scores,
    run_detector,
    same_cluster_pairs,
    subset_pair_recall,
)
from benchmarks.wire_quality import (
    CUT_MODES,
    HEAVY,
    MAX_COPIES,
    MIN_COPIES,
    SAME_EVENT_RUN,
    STANDARD,
    WORD,
    build_eval_set,
    connected_components,
    edit_words,
    eval_set_stats,
    export_jsonl,
    heavy_breakdown,
    heavy_cut,
    lsh_clusters,
    minhash_signatures,
    minhash_sweep,
    rewrap,
    substitute,
    word_shingles,
)

# Gold: {0, 1, 2} and {3, 4}. Predicted: {0, 1} and {2, 3, 4}.
GOLD = ["a", "a", "a", "b", "b"]
PREDICTED = ["x", "x", "y", "y", "y"]


# --- scores on hand-made clusterings -----------------------------------------------------------------------

def test_pair_counts_come_from_the_contingency_table() -> None:
    assert contingency(GOLD, PREDICTED) == Counter({("a", "x"): 2, ("a", "y"): 1, ("b", "y"): 2})
    counts = pair_counts(GOLD, PREDICTED)     # tp: (0,1), (3,4); fp: (2,3), (2,4); fn: (0,2), (1,2)
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 2)
    assert same_cluster_pairs(GOLD) == same_cluster_pairs(PREDICTED) == 4
    scores = pairwise_scores(GOLD, PREDICTED)
    assert (scores.precision, scores.recall, scores.f1) == pytest.approx((0.5, 0.5, 0.5))


def test_bcubed_averages_per_article_shares() -> None:
    # P_i: 2/2, 2/2, 1/3, 2/3, 2/3 -> 11/15; R_i: 2/3, 2/3, 1/3, 2/2, 2/2 -> 11/15
    scores = bcubed_scores(GOLD, PREDICTED)
    assert (scores.precision, scores.recall, scores.f1) == pytest.approx((11 / 15, 11 / 15, 11 / 15))


def test_bcubed_precision_and_recall_differ_when_the_errors_do() -> None:
    scores = bcubed_scores(["a", "a", "b", "c"], ["x", "x", "x", "y"])
    # P_i: 2/3, 2/3, 1/3, 1 -> 2/3; R_i: 1, 1, 1, 1 -> 1
    assert (scores.precision, scores.recall) == pytest.approx((2 / 3, 1.0))
    assert scores.f1 == pytest.approx(0.8)


def test_adjusted_rand_index_by_hand() -> None:
    # index 2, gold pairs 4, predicted pairs 4, all pairs 10: expected 1.6, (2 - 1.6) / (4 - 1.6) = 1/6
    assert adjusted_rand_index(GOLD, PREDICTED) == pytest.approx(1 / 6)


def test_the_gold_clustering_scores_one_whatever_its_labels() -> None:
    renamed = ["k", "k", "k", 7, 7]
    assert pairwise_scores(GOLD, renamed).f1 == 1.0
    assert bcubed_scores(GOLD, renamed).f1 == 1.0
    assert adjusted_rand_index(GOLD, renamed) == 1.0


def test_every_article_alone_finds_no_pair() -> None:
    alone = list(range(5))
    scores = pairwise_scores(GOLD, alone)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 0.0, 0.0)
    assert bcubed_scores(GOLD, alone).recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5)


def test_one_big_cluster_has_full_recall() -> None:
    one = ["z"] * 5
    assert pairwise_scores(GOLD, one).precision == pytest.approx(4 / 10)
    assert pairwise_scores(GOLD, one).recall == 1.0
    scores = bcubed_scores(GOLD, one)
    assert (scores.precision, scores.recall) == pytest.approx(((3 * 3 / 5 + 2 * 2 / 5) / 5, 1.0))


def test_subset_recall_counts_the_gold_pairs_touching_the_subset() -> None:
    assert subset_pair_recall(GOLD, PREDICTED, [2]) == 0.0    # (0,2), (1,2): both missed
    assert subset_pair_recall(GOLD, PREDICTED, [0]) == 0.5    # (0,1) found, (0,2) missed
    assert subset_pair_recall(GOLD, PREDICTED, [3]) == 1.0    # (3,4) found
    assert subset_pair_recall(GOLD, PREDICTED, [0, 1]) == pytest.approx(1 / 3)   # (0,1) of (0,1), (0,2), (1,2)
    assert subset_pair_recall(GOLD, PREDICTED, []) == 1.0


def test_contingency_counts_equal_the_pairs_enumerated() -> None:
    rng = random.Random(3)
    for _ in range(50):
        n = rng.randint(0, 40)
        gold = [rng.randrange(6) for _ in range(n)]
        predicted = [rng.randrange(8) for _ in range(n)]
        members = {i for i in range(n) if rng.random() < 0.3}
        pairs = list(itertools.combinations(range(n), 2))
        same_gold = {(i, j) for i, j in pairs if gold[i] == gold[j]}
        same_predicted = {(i, j) for i, j in pairs if predicted[i] == predicted[j]}
        counts = pair_counts(gold, predicted)
        assert (counts.tp, counts.fp, counts.fn) == (len(same_gold & same_predicted), len(same_predicted - same_gold),
                                                    len(same_gold - same_predicted))
        touching = {(i, j) for i, j in same_gold if i in members or j in members}
        expected = len(touching & same_predicted) / len(touching) if touching else 1.0
        assert subset_pair_recall(gold, predicted, members) == pytest.approx(expected)
        if n:
            p = sum(sum(predicted[j] == predicted[i] and gold[j] == gold[i] for j in range(n))
                    / sum(predicted[j] == predicted[i] for j in range(n)) for i in range(n)) / n
            assert bcubed_scores(gold, predicted).precision == pytest.approx(p)


def test_label_lists_of_different_lengths_are_an_error() -> None:
    with pytest.raises(ValueError):
        pairwise_scores(GOLD, PREDICTED[:4])


def item(item_id: str, cluster: str, kind: str, partner: str | None = None, kept: float = 1.0,
         local: int = 0) -> EvalItem:
    return EvalItem(item_id, f"text of {item_id}", datetime(2024, 3, 1, tzinfo=UTC), cluster, "outlet",
                    kind, "title", f"https://x.example/{item_id}", "test", kept, local, partner=partner)


def test_evaluate_reports_the_breakdown() -> None:
    items = [item("o", "s", ORIGINAL), item("cut", "s", COPY, kept=0.3), item("local", "s", COPY, local=2),
             item("seed-0", "solo-0", SEED), item("seed-1", "solo-1", SEED),
             item("d", "solo-d", DISTRACTOR, partner="h"), item("h", "solo-h", HARD_NEGATIVE, partner="d")]
    e = evaluate(items, ["A", "B", "A", "S", "S", "D", "D"])
    assert e.cut_short_recall == 0.0 and e.local_recall == 0.5    # cut: (o,cut), (cut,local) missed
    assert e.seeds_grouped and e.hard_negatives_merged == 1 and e.hard_negative_pairs == 1
    assert e.boilerplate_merges == 1 and e.clusters == 4
    assert e.pairs.recall == pytest.approx(1 / 3) and e.pairs.precision == pytest.approx(1 / 3)


def test_run_detector_passes_texts_and_dates_and_checks_the_answer() -> None:
    items = [item("a", "g", ORIGINAL), item("b", "g", COPY)]
    labels, seconds = run_detector(lambda texts, published: [t[-1] for t in texts], items)
    assert labels == ["a", "b"] and seconds >= 0
    with pytest.raises(ValueError):
        run_detector(lambda texts, published: ["one"], items)


# --- the baseline's parts ------------------------------------------------------------------------------

def test_word_shingles_are_lowercased_word_runs() -> None:
    assert word_shingles("The cat, the HAT.", 3) == {b"the cat the", b"cat the hat"}
    assert word_shingles("Two words", 5) == {b"two words"}
    assert word_shingles("", 5) == set()


def test_connected_components_follow_chains() -> None:
    assert connected_components(5, [(0, 3), (3, 4)]) == ["c0", "c1", "c2", "c0", "c0"]


def test_lsh_groups_near_copies_and_nothing_else() -> None:
    rng = random.Random(1)
    vocabulary = [f"w{k}" for k in range(500)]
    story = " ".join(rng.choice(vocabulary) for _ in range(300))
    copy = story.replace(story.split()[100], "changed", 1) + " Reporting by A; Editing by B"
    other = " ".join(rng.choice(vocabulary) for _ in range(300))
    assert lsh_clusters(minhash_signatures([story, copy, other]), 0.5) == ["c0", "c0", "c2"]


def test_substitutions_change_words_only_where_a_rule_matches() -> None:
    rng = random.Random(5)
    paragraphs, made = substitute(["The mayor said 3 people came.", "Nothing here."], 5, rng)
    assert 1 <= len(made) <= 3 and paragraphs[1] == "Nothing here."
    assert paragraphs[0] != "The mayor said 3 people came."


def test_rewrapping_keeps_the_words() -> None:
    paragraphs = ["One sentence here. Another one follows.", "A second paragraph, rather long " * 5]
    words = " ".join(paragraphs).split()
    for mode in ("none", "merge", "split", "hardwrap", "single"):
        assert rewrap(paragraphs, mode, random.Random(2)).split() == words


# --- the evaluation set on the real corpora ----------------------------------------------------------------

@pytest.fixture(scope="module")
def eval_set() -> list[EvalItem]:
    require(CORPORA / "article-extraction-benchmark")
    require(CORPORA / "fundus-evaluation")
    require(SEEDS)
    return build_eval_set(CORPORA, SEEDS, seed=7)


@pytest.mark.corpus
def test_the_set_is_deterministic(eval_set: list[EvalItem]) -> None:
    assert [i.as_dict() for i in build_eval_set(CORPORA, SEEDS, seed=7)] == [i.as_dict() for i in eval_set]
    assert [i.text for i in build_eval_set(CORPORA, SEEDS, seed=8)] != [i.text for i in eval_set]


@pytest.mark.corpus
def test_the_set_has_the_promised_structure(eval_set: list[EvalItem]) -> None:
    stats = eval_set_stats(eval_set)
    assert stats.stories == stats.originals == 60
    assert MIN_COPIES <= stats.min_copies and stats.max_copies <= MAX_COPIES
    assert 180 <= stats.distractors <= 220 and stats.seeds == 2 and stats.hard_negatives == 15
    assert {i.kind for i in eval_set} == set(KINDS) - {SAME_EVENT}
    for values in ([i.id for i in eval_set], [i.url for i in eval_set], [i.text for i in eval_set]):
        assert len(set(values)) == len(eval_set)
    assert all(i.published_at is not None and i.published_at.tzinfo is not None for i in eval_set)
    # copydesk drops a first paragraph equal to the title: no title may be one
    assert all(i.title.casefold() != i.text.split("\n")[0].casefold() for i in eval_set)

    clusters: dict[str, list[EvalItem]] = defaultdict(list)
    for i in eval_set:
        clusters[i.gold_cluster].append(i)
    for members in clusters.values():
        if len(members) == 1:
            assert members[0].kind in (DISTRACTOR, SEED, HARD_NEGATIVE)
            continue
        first = min(members, key=lambda i: i.published_at)
        assert first.kind == ORIGINAL and sum(i.kind == ORIGINAL for i in members) == 1
        copies = [i for i in members if i.kind == COPY]
        assert all(i.published_at - first.published_at <= timedelta(days=1) for i in copies)
        assert any(i.kept_fraction <= SHORT_CUT for i in copies)
        assert all(0.25 <= i.kept_fraction <= 1 and 0 <= i.local_paragraphs <= 2 and 1 <= i.substitutions <= 5
                   for i in copies)
        assert len(first.text.split()) >= 150
        assert len({i.outlet for i in members}) == len(members)
    assert any(i.local_paragraphs for i in eval_set) and any(i.kept_fraction < 1 for i in eval_set)


@pytest.mark.corpus
def test_seeds_and_hard_negatives_stay_apart_in_gold(eval_set: list[EvalItem]) -> None:
    seeds = [i for i in eval_set if i.kind == SEED]
    assert len({i.gold_cluster for i in seeds}) == 2
    by_id = {i.id: i for i in eval_set}
    for hard in (i for i in eval_set if i.kind == HARD_NEGATIVE):
        partner = by_id[hard.partner]
        assert partner.partner == hard.id and partner.gold_cluster != hard.gold_cluster
        shared = set(hard.text.split("\n\n")) & set(partner.text.split("\n\n"))
        assert 1 <= len(shared) <= 2 and hard.outlet == partner.outlet


@pytest.mark.corpus
def test_export_writes_jsonl_and_gold_outside_the_repository(eval_set: list[EvalItem], tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    gold_path = export_jsonl(eval_set, path, REPO)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert len(records) == len(gold) == len(eval_set)
    assert set(records[0]) == {"text", "url", "outlet", "published_at", "title"}
    assert {r["url"]: r["text"] for r in records} == {i.url: i.text for i in eval_set}
    assert gold == {i.url: i.gold_cluster for i in eval_set}
    with pytest.raises(ValueError, match="inside the repository"):
        export_jsonl(eval_set, REPO / "wire.jsonl", REPO)
    assert not (REPO / "wire.jsonl").exists()


@pytest.mark.corpus
def test_the_minhash_baseline_finds_most_copies(eval_set: list[EvalItem]) -> None:
    sweep = minhash_sweep(eval_set, thresholds=(0.3, 0.5, 0.9))
    assert sweep.best.evaluation.pairs.f1 >= 0.9
    assert not any(r.evaluation.seeds_grouped for r in sweep.rows)
    recalls = [r.evaluation.pairs.recall for r in sweep.rows]
    assert recalls == sorted(recalls, reverse=True)     # a higher threshold finds fewer pairs


def copydesk_on(items: list[EvalItem]) -> tuple[Evaluation, list[str]]:
    """copydesk's clusters of a set and their scores, checking that the seeds and the designed hard
    negatives stay apart."""
    from copydesk.tasks.wire import wire_clusters

    labels, _ = run_detector(wire_clusters, items)
    result = evaluate(items, labels)
    assert not result.seeds_grouped and result.hard_negatives_merged == 0
    return result, labels


@pytest.mark.corpus
def test_copydesk_meets_the_wire_targets_on_real_text(eval_set: list[EvalItem]) -> None:
    result, _ = copydesk_on(eval_set)
    assert result.pairs.precision >= 0.98 and result.pairs.f1 >= 0.97, result


# --- the set with heavier edits -----------------------------------------------------------------

@pytest.fixture(scope="module")
def heavy_set() -> list[EvalItem]:
    require(CORPORA / "article-extraction-benchmark")
    require(CORPORA / "fundus-evaluation")
    require(CORPORA / "ecbplus-dev")
    require(SEEDS)
    return build_eval_set(CORPORA, SEEDS, seed=7, level=HEAVY)


def test_heavy_cuts_keep_a_share_of_the_words_in_order() -> None:
    """Ten paragraphs of three 8-word sentences (240 words): a cut to 40% keeps ~96 in a row."""
    paragraphs = [" ".join(" ".join(f"p{p}s{s}w{w}" for w in range(8)) + "." for s in range(3))
                  for p in range(10)]
    whole = " ".join(paragraphs)
    for mode in CUT_MODES:
        words = " ".join(heavy_cut(paragraphs, 0.4, mode, random.Random(3))).split()
        most = 96 + (24 if mode == "paragraphs" else 8)
        assert " ".join(words) in whole and 96 <= len(words) <= most
        assert words[0].startswith("p0s0") != (mode == "span")       # a span starts after the lead
    assert len(" ".join(heavy_cut(paragraphs, 0.4, "words", random.Random(3))).split()) == 96


def test_word_edits_touch_the_share_asked_for() -> None:
    paragraphs = [" ".join(f"word{k}" for k in range(100 * p, 100 * p + 100)) for p in range(2)]
    edited, made = edit_words(paragraphs, 0.06, ["inserted"], random.Random(5))
    assert sum(int(m.split()[0]) for m in made) == 12 and len(edited) == 2
    before, after = " ".join(paragraphs).split(), " ".join(edited).split()
    assert 6 <= sum(1 for w in after if w not in before) <= 12
    assert abs(len(after) - len(before)) <= 12


@pytest.mark.corpus
def test_the_heavy_set_is_deterministic_and_leaves_the_standard_set_alone(
        eval_set: list[EvalItem], heavy_set: list[EvalItem]) -> None:
    again = build_eval_set(CORPORA, SEEDS, seed=7, level=HEAVY)
    assert [i.as_dict() for i in again] == [i.as_dict() for i in heavy_set]
    assert [i.as_dict() for i in build_eval_set(CORPORA, SEEDS, seed=7, level=STANDARD)] == [
        i.as_dict() for i in eval_set]
    with pytest.raises(ValueError, match="level"):
        build_eval_set(CORPORA, SEEDS, seed=7, level="light")


@pytest.mark.corpus
def test_the_heavy_set_has_the_promised_structure(heavy_set: list[EvalItem]) -> None:
    kinds = Counter(i.kind for i in heavy_set)
    assert kinds[ORIGINAL] == 60 and kinds[SAME_EVENT] >= 250 and kinds[HARD_NEGATIVE] == 15
    for field in ("id", "url", "text"):
        assert len({getattr(i, field) for i in heavy_set}) == len(heavy_set)
    copies = [i for i in heavy_set if i.kind == COPY]
    shares = sorted(i.kept_fraction for i in copies)
    assert shares[0] >= 0.19 and shares[int(0.9 * len(shares))] <= 0.46
    assert 0.25 <= sum(any("unrelated" in e for e in i.edits) for i in copies) / len(copies) <= 0.45
    assert all(i.substitutions >= 1 for i in copies)
    events = Counter(i.edits[0] for i in heavy_set if i.kind == SAME_EVENT)
    assert max(events.values()) >= 5                          # several reports of one event
    runs: Counter[tuple[str, ...]] = Counter()
    for item in (i for i in heavy_set if i.kind == SAME_EVENT):
        words = WORD.findall(item.text.lower())
        starts = range(len(words) - SAME_EVENT_RUN + 1)
        runs.update({tuple(words[k:k + SAME_EVENT_RUN]) for k in starts})
    assert max(runs.values()) == 1                      # no two same-event reports share a sentence


@pytest.mark.corpus
def test_copydesk_finds_heavily_edited_copies(heavy_set: list[EvalItem]) -> None:
    result, labels = copydesk_on(heavy_set)
    assert result.pairs.precision >= 0.99 and result.pairs.recall >= 0.93, result
    assert heavy_breakdown(heavy_set, labels)[-1][2] == 0     # none grouped with a same-event one
