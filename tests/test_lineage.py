"""Wire lineage: every copy's origin (its cluster's earliest copy) and its similarity to it, with backfill."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from test_deduplicate import candidate
from test_neardup import T0, paragraphs

from copydesk.tasks.stories import StoryIndex
from copydesk.config import Settings
from copydesk.flows.pipeline import group
from copydesk.neardup.verify import containment
from copydesk.records import Article, ArticleSource, Candidate, WireLink
from copydesk.tasks.wire import Lineage, WireText, assign_wire, fingerprint, trace_lineage
from copydesk.warehouse.build import build_warehouse
from copydesk.warehouse.lake import Lake, batch_tables, new_batch_id
from copydesk.warehouse.models import DataTestFailure

WIRE = paragraphs(41)
OWN = paragraphs(42)
HOUR = timedelta(hours=1)


def measured(copy: str, origin: str) -> float:
    """Containment of one text in another on their shingle sets, as the lineage measures it."""
    return round(containment(fingerprint(copy)[0], fingerprint(origin)[0]), 4)


def texts() -> dict[str, str]:
    """The wire text whole (a), cut with two paragraphs of its own (b), and whole again under a dateline (c)."""
    return {"a": "\n".join(WIRE), "b": "\n".join(WIRE[:5] + OWN[:3]), "c": "LONDON (Reuters) - " + "\n".join(WIRE)}


class Stored:
    """What earlier batches stored: copies with their clusters, and the lookups the lineage asks for."""

    def __init__(self, copies: Sequence[WireText]) -> None:
        self.copies = list(copies)
        self.asked: list[list[str]] = []

    def members(self, clusters: Collection[str]) -> list[WireText]:
        self.asked.append(sorted(clusters))
        return [c for c in self.copies if c.cluster_id in clusters]


def run_batch(new: Sequence[WireText], stored: Stored, origins: dict[str, WireText]) -> tuple[dict, Lineage]:
    wire = assign_wire(new, stored.copies)
    return wire, trace_lineage(new, wire, origins, stored.members)


def first_batch() -> tuple[Stored, dict[str, WireLink]]:
    """Store b and c, published after a: b founds the cluster and is its origin."""
    t = texts()
    b, c = WireText("b", t["b"], T0 + HOUR, "two.com"), WireText("c", t["c"], T0 + 2 * HOUR, "three.com")
    wire, lineage = run_batch([b, c], Stored([]), {})
    assert lineage.relinked == []
    stored = Stored([replace(item, cluster_id=wire[item.article_id].cluster_id) for item in (b, c)])
    return stored, lineage.new


def test_the_first_copy_is_the_origin_and_copies_measure_against_it() -> None:
    _, links = first_batch()
    t = texts()
    assert links["b"] == WireLink("b", "b", "b", 1.0)
    assert links["c"] == WireLink("c", "b", "b", measured(t["c"], t["b"]))
    assert 0.5 <= links["c"].wire_similarity < 1.0


def test_an_earlier_copy_arriving_later_becomes_the_origin_and_the_cluster_is_measured_again() -> None:
    stored, before = first_batch()
    t = texts()
    a = WireText("a", t["a"], T0, "one.com")
    wire, lineage = run_batch([a], stored, {"b": stored.copies[0]})
    assert wire["a"].cluster_id == "b"                         # the cluster keeps its id
    assert lineage.new == {"a": WireLink("a", "b", "a", 1.0)}
    assert stored.asked == [["b"]]
    relinked = {link.article_id: link for link in lineage.relinked}
    assert relinked == {"b": WireLink("b", "b", "a", measured(t["b"], t["a"])),
                        "c": WireLink("c", "b", "a", 1.0)}    # c is a whole copy of a, not of b
    assert relinked["b"].wire_similarity < 1.0 and before["c"].wire_similarity < 1.0


def test_a_later_copy_keeps_the_origin_and_asks_for_no_members() -> None:
    stored, _ = first_batch()
    d = WireText("d", "ROME (ANSA) - " + texts()["b"], T0 + 3 * HOUR, "four.com")
    wire, lineage = run_batch([d], stored, {"b": stored.copies[0]})
    assert lineage.new["d"] == WireLink("d", "b", "b", wire["d"].similarity) and wire["d"].founder_id == "b"
    assert lineage.relinked == [] and stored.asked == []


def test_an_origin_outside_the_window_is_still_the_one_measured_against() -> None:
    stored, _ = first_batch()
    origin, in_window = stored.copies
    d = WireText("d", "\n".join(WIRE[2:] + OWN[5:]), T0 + 3 * HOUR, "four.com")
    wire = assign_wire([d], [in_window])                       # b is older than the window: only c is seen
    lineage = trace_lineage([d], wire, {"b": origin}, Stored(stored.copies).members)
    assert wire["d"].cluster_id == "b" and wire["d"].founder_id == "c"
    assert lineage.new["d"] == WireLink("d", "b", "b", measured(d.text, origin.text))
    assert lineage.new["d"].wire_similarity != wire["d"].similarity


def test_two_earlier_copies_in_one_batch_the_earliest_wins() -> None:
    stored, _ = first_batch()
    t = texts()
    early = WireText("x", "\n".join(WIRE[:6] + OWN[6:]), T0 - 2 * HOUR, "five.com")
    a = WireText("a", t["a"], T0, "one.com")
    _, lineage = run_batch([a, early], stored, {"b": stored.copies[0]})
    assert {k: (link.wire_origin_id, link.wire_similarity) for k, link in lineage.new.items()} == {
        "x": ("x", 1.0), "a": ("x", measured(t["a"], early.text))}
    assert {(link.article_id, link.wire_origin_id) for link in lineage.relinked} == {("b", "x"), ("c", "x")}


@pytest.mark.parametrize(("new_at", "new_id", "origin_at", "becomes_origin"), [
    (None, "a", T0, False),            # undated copies count as the latest
    (T0 + HOUR, "a", None, True),      # ... so a dated copy comes before an undated origin
    (None, "a", None, True),           # both undated: the smaller article id
    (T0, "a", T0, True),               # published at the same moment: the smaller article id
    (T0, "z", T0, False),
])
def test_undated_copies_come_last_and_ties_go_to_the_smaller_id(
        new_at: datetime | None, new_id: str, origin_at: datetime | None, becomes_origin: bool) -> None:
    t = texts()
    stored = Stored([WireText("b", t["a"], origin_at, "two.com", "b")])
    new = WireText(new_id, t["c"], new_at, "one.com")
    wire, lineage = run_batch([new], stored, {"b": stored.copies[0]})
    assert wire[new_id].cluster_id == "b"
    assert lineage.new[new_id].wire_origin_id == (new_id if becomes_origin else "b")
    assert [link.wire_origin_id for link in lineage.relinked] == ([new_id] if becomes_origin else [])


# -- through the real lake and warehouse (DuckDB, Parquet), without Prefect ------------------------------

def wire_candidate(name: str, text: str, published: datetime | None) -> Candidate:
    return replace(candidate(name, f"https://{name}.example.com/story", text), outlet=f"{name}.example.com",
                   published_at=published)


def ingest(lake: Lake, kept: Sequence[Candidate]) -> list[WireLink]:
    """Group a batch with the pipeline's own stage function and commit it, articles and lineage together."""
    articles, links, merges = group.fn(kept, lake, Settings(), StoryIndex())
    sources = [ArticleSource(c.source_uri, c.doc_key, c.article_id, None) for c in kept]
    batch_id = new_batch_id()
    lake.commit(batch_id,
                batch_tables(batch_id, articles=articles, sources=sources, links=links,
                             merges=merges))
    return links


def lineage_rows(warehouse: Path) -> dict[str, tuple[str, str, float]]:
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT outlet, wire_cluster_id, wire_origin_id, wire_similarity FROM articles").fetchall()
    finally:
        con.close()
    return {outlet.split(".")[0]: (cluster, origin, similarity) for outlet, cluster, origin, similarity in rows}


def test_backfill_through_the_lake_and_the_warehouse(tmp_path: Path) -> None:
    t = texts()
    b, c = wire_candidate("b", t["b"], T0 + HOUR), wire_candidate("c", t["c"], T0 + 2 * HOUR)
    a = wire_candidate("a", t["a"], T0)
    lake = Lake(tmp_path / "lake")
    assert ingest(lake, [b, c]) == []
    build_warehouse(lake, tmp_path)
    first = lineage_rows(tmp_path)
    assert first == {"b": (b.article_id, b.article_id, 1.0), "c": (b.article_id, b.article_id, measured(t["c"], t["b"]))}
    origins = lake.wire_origins([b.article_id])
    assert origins[b.article_id].article_id == b.article_id and origins[b.article_id].text == b.text

    links = ingest(lake, [a])
    assert sorted(link.article_id for link in links) == sorted([b.article_id, c.article_id])
    report = build_warehouse(lake, tmp_path)
    assert {"articles_wire_origin_is_earliest_member", "articles_wire_origin_similarity_one"} <= set(report.data_tests)
    assert lineage_rows(tmp_path) == {"a": (b.article_id, a.article_id, 1.0),
                                      "b": (b.article_id, a.article_id, measured(t["b"], t["a"])),
                                      "c": (b.article_id, a.article_id, 1.0)}
    stored = lake.query(f"SELECT count(*), count(DISTINCT article_id) FROM {lake.scan_sql('articles')}")
    assert stored == [(3, 3)]                                   # article rows are never rewritten
    assert lake.wire_origins([b.article_id])[b.article_id].article_id == a.article_id
    assert [m.article_id for m in lake.wire_members([b.article_id])] == sorted([a.article_id, b.article_id,
                                                                                c.article_id])


def test_the_latest_lineage_decision_wins(tmp_path: Path) -> None:
    t = texts()
    lake = Lake(tmp_path / "lake")
    b, c = wire_candidate("b", t["b"], T0 + HOUR), wire_candidate("c", t["c"], T0 + 2 * HOUR)
    ingest(lake, [b, c])
    ingest(lake, [wire_candidate("a", t["a"], T0)])
    earliest = wire_candidate("x", "\n".join(WIRE[:6] + OWN[6:]), T0 - HOUR)
    links = ingest(lake, [earliest])
    assert len(links) == 3 and {link.wire_origin_id for link in links} == {earliest.article_id}
    build_warehouse(lake, tmp_path)
    rows = lineage_rows(tmp_path)
    assert {origin for _, origin, _ in rows.values()} == {earliest.article_id} and rows["x"][2] == 1.0
    assert rows["a"][2] == measured(t["a"], earliest.text) and len(rows) == 4


def test_articles_of_batches_older_than_lineage_get_their_clusters_earliest_member(tmp_path: Path) -> None:
    t = texts()
    lake = Lake(tmp_path / "lake")
    b, c = wire_candidate("b", t["b"], None), wire_candidate("c", t["c"], T0)
    articles = [Article(b.article_id, b, b.article_id, b.article_id, b.article_id),
                Article(c.article_id, c, b.article_id, b.article_id, b.article_id, 0.8)]
    sources = [ArticleSource(x.source_uri, x.doc_key, x.article_id, None) for x in (b, c)]
    batch_id = new_batch_id()
    tables = batch_tables(batch_id, articles=articles, sources=sources)
    tables["articles"] = tables["articles"].drop_columns(["wire_origin_id"])   # as written before lineage
    del tables["wire_links"]
    lake.commit(batch_id, tables)
    build_warehouse(lake, tmp_path)
    assert lineage_rows(tmp_path) == {"b": (b.article_id, c.article_id, 1.0), "c": (b.article_id, c.article_id, 1.0)}


def test_a_wrong_origin_fails_the_build(tmp_path: Path) -> None:
    t = texts()
    lake = Lake(tmp_path / "lake")
    b, c = wire_candidate("b", t["b"], T0 + HOUR), wire_candidate("c", t["c"], T0 + 2 * HOUR)
    ingest(lake, [b, c])
    batch_id = new_batch_id()
    lake.commit(batch_id, batch_tables(batch_id, links=[WireLink(c.article_id, b.article_id, c.article_id, 1.0)]))
    with pytest.raises(DataTestFailure, match="articles_wire_origin_is_earliest_member"):
        build_warehouse(lake, tmp_path)
    schema = lake.query(f"DESCRIBE SELECT * FROM {lake.current_sql('articles')}")
    assert ("wire_origin_id", "VARCHAR") in [(row[0], row[1]) for row in schema]
