"""The near-duplicate algorithms, each on its own, and the wire stage against a history."""

from __future__ import annotations

import dataclasses
import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from copydesk.neardup.cluster import star_clusters
from copydesk.neardup.lsh import signature_pairs
from copydesk.neardup.minhash import EMPTY, NUM_PERM, jaccard_estimate, signatures
from copydesk.neardup.normalise import body_stream, body_streams, strip_wire_furniture, tokens
from copydesk.neardup.shingles import shingle_hashes
from copydesk.neardup.verify import aligned_containment, containment, jaccard
from copydesk.tasks.wire import WireText, assign_wire, assign_wire_streamed, wire_clusters

T0 = datetime(2026, 3, 3, 8, tzinfo=timezone.utc)
WORDS = [f"w{i}" for i in range(5000)]


def text(seed: int, words: int = 300) -> str:
    rng = np.random.default_rng(seed)
    return " ".join(rng.choice(WORDS, size=words))


def paragraphs(seed: int, count: int = 8) -> list[str]:
    return [text(seed * 100 + n, 40) for n in range(count)]


def test_minhash_estimates_jaccard_within_its_error() -> None:
    rng = np.random.default_rng(1)
    universe = rng.integers(0, 2**63, size=4000, dtype=np.uint64)
    first, second = np.unique(universe[:3000]), np.unique(universe[1000:])   # J = 2000 / 4000 = 0.5
    sig = signatures([first, second])
    error = 3 * np.sqrt(0.25 / NUM_PERM)
    assert abs(jaccard_estimate(sig[0], sig[1]) - 0.5) < error
    assert (signatures([first, second]) == sig).all()        # the same in every call (and process)
    assert (signatures([np.empty(0, np.uint64)])[0] == EMPTY).all()


def test_shingles_are_stable_and_order_sensitive() -> None:
    a = shingle_hashes(tokens("the quick brown fox jumps over the lazy dog"))
    assert len(a) == 5 and (a == shingle_hashes(tokens("The quick, brown fox jumps over the lazy dog!"))).all()
    assert not np.array_equal(a, shingle_hashes(tokens("the lazy dog jumps over the quick brown fox")))
    assert len(shingle_hashes(tokens("too short"))) == 1 and len(shingle_hashes([])) == 0


def test_unique_counts_are_exact_when_values_share_a_high_half() -> None:
    from copydesk.neardup.shingles import unique_counts

    high = np.uint64(7) << np.uint64(32)
    rows = [[1, 2, 3], [5, 5, 9], [], [high + 1, high + 2, high + 1, high]]
    flat = np.array([value for row in rows for value in row], dtype=np.uint64)
    offsets = np.cumsum([0] + [len(row) for row in rows])
    assert unique_counts(flat, offsets).tolist() == [3, 2, 0, 3]


def test_lsh_finds_near_duplicates_and_not_strangers() -> None:
    base = tokens(text(1))
    sets = [shingle_hashes(base), shingle_hashes(base[: len(base) // 4]), shingle_hashes(tokens(text(2)))]
    pairs = signature_pairs(signatures(sets))
    assert [0, 1] in pairs.tolist() and not {0, 1} & {p for pair in pairs.tolist() for p in pair if 2 in pair}
    only_new = signature_pairs(signatures(sets), new=np.array([False, False, True]))
    assert only_new.size == 0


def edited(words: list[str], every: int, seed: int) -> list[str]:
    """The words with one in every `every` edited (dropped, changed, truncated or one inserted)."""
    rng = np.random.default_rng(seed)
    out = list(words)
    for at in sorted(range(every // 2, len(words), every), reverse=True):
        kind = rng.integers(4)
        if kind == 0:
            del out[at]
        elif kind == 1:
            out.insert(at, f"new{at}")
        else:
            out[at] = f"other{at}" if kind == 2 else out[at][:2]
    return out


def test_lsh_finds_most_heavily_edited_short_copies() -> None:
    """A fifth of a text with one word in 16 edited: J ~ 0.13 with the whole. One cut into 64 bands
    of 2 finds about 2 in 3 such pairs (23 of these 40); three cuts 9 in 10 (36); no strangers."""
    sets = []
    for seed in range(40):
        whole = tokens(text(500 + seed, 500))
        sets += [shingle_hashes(whole), shingle_hashes(edited(whole[:100], 16, seed))]
    sets.append(shingle_hashes(tokens(text(999, 500))))
    found = {tuple(pair) for pair in signature_pairs(signatures(sets)).tolist()}
    one_cut = {tuple(pair) for pair in signature_pairs(signatures(sets), pairings=1).tolist()}
    copies = {(2 * k, 2 * k + 1) for k in range(40)}
    assert len(found & copies) >= 34 and len(one_cut & copies) <= 28
    assert found <= copies


def test_aligned_containment_bridges_edits_and_not_scattered_phrases() -> None:
    whole = tokens(text(7, 400))
    copy = edited(whole[:120], 15, 7)
    sequence = np.array([h for h in _in_order(copy)], dtype=np.uint64)
    assert containment(shingle_hashes(copy), shingle_hashes(whole)) < 0.7
    assert aligned_containment(sequence, shingle_hashes(whole), 5) > 0.95
    # five phrases of 6 words of another text, far apart: bridging adds nothing
    other = tokens(text(8, 400))
    mixed = [word for k in range(5)
             for word in whole[80 * k: 80 * k + 6] + other[30 * k: 30 * k + 24]]
    sequence = np.array(_in_order(mixed), dtype=np.uint64)
    shared = containment(shingle_hashes(mixed), shingle_hashes(whole))
    aligned = aligned_containment(sequence, shingle_hashes(whole), 5)
    assert 0 < aligned == pytest.approx(shared, abs=0.01)


def _in_order(words: list[str]) -> list[int]:
    """The shingle hashes of words in text order, repeats kept."""
    from copydesk.neardup.shingles import batch_shingle_hashes

    return batch_shingle_hashes([" ".join(words)])[0].tolist()


def test_a_short_edited_copy_with_a_paragraph_of_its_own_joins_its_original() -> None:
    """A fifth of the story, one word in 16 edited, and a local paragraph: containment ~0.44 (below
    0.5), aligned containment above 0.5; the similarity recorded stays the plain containment."""
    story = paragraphs(61, 10)
    copy = [" ".join(edited(" ".join(story[:2]).split(), 16, 61)), text(62, 45)]
    results = assign_wire([WireText("o", "\n".join(story), T0, "wire.com"),
                           WireText("c", "\n".join(copy), T0 + timedelta(hours=1), "local.com")])
    assert results["c"].cluster_id == "o"
    assert results["c"].similarity == round(containment(*(shingle_hashes(tokens(t)) for t in
                                                          ("\n".join(copy), "\n".join(story)))), 4)


def test_containment_holds_for_a_cut_copy_where_jaccard_does_not() -> None:
    whole = shingle_hashes(tokens(text(3, 400)))
    cut = shingle_hashes(tokens(text(3, 400))[:100])
    assert containment(cut, whole) == 1.0 and jaccard(cut, whole) < 0.3


def test_dateline_credits_and_boilerplate_are_removed() -> None:
    body, agency = strip_wire_furniture(
        "WASHINGTON (AP) — The Senate passed the bill.\nIt now goes to the House.\n"
        "Sign up for our morning newsletter.\nReporting by Jane Roe; Editing by John Doe")
    assert body == "The Senate passed the bill.\nIt now goes to the House." and agency == "AP"
    assert strip_wire_furniture("MADRID (EFE).- El Gobierno aprobó el plan.")[1] == "EFE"
    _, credited = strip_wire_furniture("The bank cut rates.\n(Reporting by A. Writer; Editing by B. Editor for Reuters)")
    assert credited == "Reuters"
    long_paragraph = "The newsletter industry " + "grew again this year as readers paid " * 10
    assert strip_wire_furniture(long_paragraph)[0] == long_paragraph


def test_furniture_before_the_body_and_inside_it_is_removed_alike() -> None:
    lead = "Reporting by Jane Roe\n\nLONDON (Reuters) - Markets fell.\nBonds rose.\n  \n"
    assert strip_wire_furniture(lead + "Gold was flat.") == ("Markets fell.\nBonds rose.\nGold was flat.", "Reuters")
    inside = lead + "Sign up for our newsletter.\nGold was flat.\n(AP)"    # furniture after the body too
    assert strip_wire_furniture(inside) == ("Markets fell.\nBonds rose.\nGold was flat.", "Reuters")
    quoted = "Local angle first.\nBERLIN (dpa) — He said “yes” — twice… ‘no’, it’s fine\u00a0now"
    for item in (lead, inside, quoted, "Zürich (dpa) — Die Börse schloss höher.\nAP", "\n\n", "Copyright AP"):
        stream, agency = body_stream(item)
        body, named = strip_wire_furniture(item)
        assert tokens(stream) == tokens(body) and agency == named       # the same words
    shifted = [" " * shift + "Gold was flat.\nSign up for our NEWSLETTER today" for shift in range(8)]
    assert [tokens(stream) for stream, _ in body_streams(shifted)] == [["gold", "was", "flat"]] * 8


def test_star_clusters_do_not_chain() -> None:
    # 0 ~ 1 and 1 ~ 2, but 2 shares nothing with 0: 2 must not join 0's cluster.
    matches = {0: {1: 0.9}, 1: {0: 0.9, 2: 0.8}, 2: {1: 0.8}}
    founder, matched, similarity = star_clusters([0, 1, 2], matches, {})
    assert founder == {0: 0, 1: 0, 2: 2} and matched[1] == 0 and similarity[1] == 0.9
    founder, _, _ = star_clusters([2], {2: {0: 0.7}}, {0: 0, 1: 0})    # history: founded by 0
    assert founder[2] == 0


def test_an_original_arriving_after_its_copy_anchors_its_other_copies() -> None:
    """History: copy 1 founded its cluster. New: the original 0, published before it, matches it;
    copy 2 (another part of the original) matches only the original; stranger 3 only copy 2."""
    matches = {0: {1: 0.9, 2: 0.8}, 1: {0: 0.9}, 2: {0: 0.8, 3: 0.9}, 3: {2: 0.9}}
    founder, matched, similarity = star_clusters([0, 1, 2, 3], matches, {1: 1})
    assert founder == {0: 1, 1: 1, 2: 1, 3: 3}
    assert matched[2] == 0 and similarity[2] == 0.8
    # a new article published after the founder is no anchor: 3 matches only 2, which joined later
    founder, _, _ = star_clusters([1, 2, 3], {2: {1: 0.8}, 3: {2: 0.9}}, {1: 1})
    assert founder == {1: 1, 2: 1, 3: 3}


def test_copies_of_different_parts_join_an_original_that_arrives_after_one_of_them() -> None:
    """The stage against a history: a copy of the story's head was stored first; the original and a
    copy of its tail arrive in the next batch. The tail shares nothing with the head."""
    story = paragraphs(71, 12)
    head = WireText("h", "\n".join(story[:4]), T0 + timedelta(hours=2), "one.com", "h")
    original = WireText("o", "\n".join(story), T0, "wire.com")
    tail = WireText("t", "\n".join(story[8:]), T0 + timedelta(hours=3), "two.com")
    results = assign_wire([original, tail], [head])
    assert results["o"].cluster_id == results["t"].cluster_id == "h"
    assert results["t"].founder_id == "o" and results["o"].founder_id == "h"


def test_wire_copies_group_around_the_first_and_strangers_stay_apart() -> None:
    wire = paragraphs(7)
    copies = [
        "WASHINGTON (AP) — " + "\n".join(wire),
        "\n".join(["Local angle: the county board will meet on Monday to discuss it.", *wire[:3]]),  # cut + top
        "\n".join(wire[:6] + ["Reporting by Jane Roe; Editing by John Doe"]),
        "\n".join(paragraphs(8)),
        "\n".join(wire[:1] + paragraphs(9)[:7]),      # shares one paragraph only: not a copy
    ]
    ids = wire_clusters(copies, [T0 + timedelta(minutes=m) for m in range(len(copies))])
    assert ids[0] == ids[1] == ids[2] == "0" and len({ids[0], ids[3], ids[4]}) == 3


def test_cluster_ids_stay_stable_when_copies_arrive_later() -> None:
    wire = "\n".join(paragraphs(11))
    first = assign_wire([WireText("a", wire, T0, "one.com"), WireText("b", wire[: len(wire) // 2], T0, "two.com")])
    assert first["a"].cluster_id == first["b"].cluster_id == "a"
    history = [WireText(k, t, T0, o, first[k].cluster_id) for k, t, o in (("a", wire, "one.com"),
                                                                         ("b", wire[: len(wire) // 2], "two.com"))]
    later = assign_wire([WireText("c", "UPDATE (Reuters) - " + wire, T0 + timedelta(hours=2), "three.com")], history)
    assert later["c"].cluster_id == "a" and later["c"].agency == "Reuters" and later["c"].similarity > 0.9
    assert later["c"].reused_share == pytest.approx(1.0)


def test_reused_share_counts_earlier_text_from_other_outlets_only() -> None:
    shared, own = paragraphs(21, 4), paragraphs(22, 4)
    earlier = "\n".join(shared + paragraphs(23, 4))
    mixed = WireText("m", "\n".join(shared + own), T0 + timedelta(hours=1), "second.com")
    same_outlet = WireText("s", "\n".join(shared + own), T0 + timedelta(hours=1), "first.com")
    result = assign_wire([mixed, same_outlet], [WireText("e", earlier, T0, "first.com", "e")])
    assert 0.3 < result["m"].reused_share < 0.7
    assert result["s"].reused_share == 0.0   # its only earlier source is its own outlet


def test_batched_fingerprints_equal_the_per_text_ones_in_any_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from copydesk.neardup.minhash import signatures_flat
    from copydesk.tasks import wire

    texts = [text(n, 60 + n) for n in range(40)] + [
        "WASHINGTON (AP) — “Quoted” café naïve_x 3.5% — Über straße ﬁne ΣΑΣ 東京.\nReporting by A; Editing by B",
        "Sign up for our newsletter.\nThe K\u212aelvin ſign up for it.", "two words", "", "one two three four five"]
    (sequence, sequence_offsets, flat, offsets), agencies = wire._fingerprint_chunk(texts)
    for k, item in enumerate(texts):
        hashes, agency = wire.fingerprint(item)          # the token-stream path, one text at a time
        assert np.array_equal(flat[offsets[k]:offsets[k + 1]], hashes) and agencies[k] == agency
        in_order = sequence[sequence_offsets[k]:sequence_offsets[k + 1]]
        assert np.array_equal(np.unique(in_order), hashes)
    sets = [flat[offsets[k]:offsets[k + 1]] for k in range(len(texts))]
    assert np.array_equal(signatures_flat(flat, offsets), signatures(sets))
    monkeypatch.setattr(wire, "PARALLEL_MIN", 1)
    monkeypatch.setattr(wire, "WORKER_CHUNK", 16)
    sigs, sizes, parallel_agencies = wire.sketches(texts)   # here and in a helper process
    assert np.array_equal(sigs, signatures(sets)) and list(sizes) == [len(s) for s in sets]
    assert parallel_agencies == agencies


class ListedTexts:
    """A text source over texts held here (what a lake reader would give by position), taking `pause`
    seconds per read like a slow reader, noting the reading process in `log` (a file), and failing in any
    process but `only_in` when that is given."""

    def __init__(self, texts: list[str], pause: float = 0.0, log: Path | None = None,
                 only_in: int | None = None) -> None:
        self.texts, self.pause, self.log, self.only_in = texts, pause, log, only_in

    def __call__(self, positions: list[int]) -> list[str]:
        time.sleep(self.pause)
        if self.log:
            with self.log.open("a") as log:
                log.write(f"{os.getpid()}\n")
        if self.only_in not in (None, os.getpid()):
            raise OSError("this reader works in one process only")
        return [self.texts[k] for k in positions]


@pytest.mark.parametrize("helper", ["none", "working", "failing"])
def test_streamed_texts_give_the_same_wire_results(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   helper: str) -> None:
    from copydesk.tasks import wire

    story = paragraphs(41)
    history = [WireText("h", "\n".join(story), T0, "one.com", "h")]
    new = [WireText("a", "ROME (ANSA) - " + "\n".join(story[:4]), T0 + timedelta(hours=1), "two.com"),
           WireText("b", "\n".join(paragraphs(42)), T0 + timedelta(hours=2), "two.com"),
           WireText("c", "\n".join(story[2:]), T0 + timedelta(hours=3), "three.com")]
    new += [WireText(f"x{k}", text(100 + k, 120), T0 + timedelta(hours=4), "four.com") for k in range(150)]
    if helper != "none":    # chunks of 2 articles, each read slowly: the helper process starts in time for some
        monkeypatch.setattr(wire, "PARALLEL_MIN", 1)
        monkeypatch.setattr(wire, "WORKER_CHUNK", 2)
    expected = assign_wire(new, history)
    blank = [dataclasses.replace(item, text="") for item in [*history, *new]]
    source = ListedTexts([item.text for item in [*history, *new]], 0.0 if helper == "none" else 0.03,
                         tmp_path / "readers", os.getpid() if helper == "failing" else None)
    streamed = assign_wire_streamed(blank[1:], blank[:1], source)
    assert streamed.keys() == expected.keys() and expected["a"].cluster_id == expected["c"].cluster_id == "h"
    for key, result in expected.items():
        assert dataclasses.replace(streamed[key], signature=None) == dataclasses.replace(result, signature=None)
        assert np.array_equal(streamed[key].signature, result.signature)
    readers = set((tmp_path / "readers").read_text().split())
    assert len(readers) == (1 if helper == "none" else 2) and str(os.getpid()) in readers


def test_stored_signatures_spare_sketching_the_history(monkeypatch: pytest.MonkeyPatch) -> None:
    import copydesk.tasks.wire as stage

    story = "\n".join(paragraphs(31))
    first = assign_wire([WireText("a", story, T0, "one.com")])["a"]
    history = [WireText("a", story, T0, "one.com", "a", np.frombuffer(first.signature.tobytes(), np.uint32),
                        first.n_shingles)]
    sketched: list[int] = []
    real = stage.sketches
    monkeypatch.setattr(stage, "sketches", lambda texts, seconds=None, source=None:
                        sketched.append(len(texts)) or real(texts, seconds, source))
    later = assign_wire([WireText("c", "ROME (ANSA) - " + story, T0 + timedelta(hours=1), "two.com")], history)
    assert sketched == [1] and later["c"].cluster_id == "a" and later["c"].agency == "ANSA"
