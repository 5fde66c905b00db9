"""End to end through the real Prefect engine: inputs in, a contract-true warehouse out."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest
from builders import PARAGRAPHS, article_html, write_gzip, write_warc
from conftest import CHECK_WAREHOUSE, SEEDS, require

from copydesk.flows.pipeline import pipeline

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]
TABLES = ("articles", "article_sources", "rejects", "story_summary", "outlet_summary")


def query(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        con.execute("SET TimeZone = 'UTC'")
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    return {t: query(warehouse, f"SELECT * FROM {t} ORDER BY ALL") for t in TABLES}


def check_contract(warehouse: Path) -> str:
    result = subprocess.run([sys.executable, str(require(CHECK_WAREHOUSE)), str(warehouse)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def mixed_inputs(root: Path) -> dict[str, str]:
    """Write one input of every local kind, good and broken; return the expected outcome per file name."""
    root.mkdir(parents=True)
    page = article_html()
    (root / "story.html").write_text(page)
    write_gzip(root / "story_copy.html.gz", article_html(title="Same URL again").encode())  # url duplicate
    (root / "empty.html").write_bytes(b"")
    (root / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (root / "cut.html.gz").write_bytes(gzip.compress(page.encode() * 5, mtime=0)[:200])
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "brief.txt").write_text(" date 2026-03-04 Mayor offers mediation in port strike\n\n"
                                    + "\n\n".join(reversed(PARAGRAPHS)))
    lines = [json.dumps({"text": "\n\n".join(PARAGRAPHS[:3]), "url": "https://wire.example.com/a?utm_source=x",
                         "outlet": "example-wire.com", "published_at": "2026-03-03T06:00:00Z"}),
             "{broken", json.dumps({"title": "nothing else"}),
             json.dumps({"text": "\n\n".join(reversed(PARAGRAPHS)), "url": "https://copy.example.net/b"})]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n")
    write_warc(root / "crawl.warc.gz", [
        ("https://www.harbour-times.com/other", "text/html",
         article_html(title="Ships diverted", paragraphs=PARAGRAPHS[2:] + PARAGRAPHS[:1],
                      url="https://www.harbour-times.com/news/ships").encode()),
        ("https://www.harbour-times.com/logo.png", "image/png", b"\x89PNG"),
    ])
    return {"story.html": "article", "story_copy.html.gz": "duplicate:url", "empty.html": "reject:empty_page",
            "logo.html": "reject:not_html", "cut.html.gz": "reject:truncated_gzip",
            "notes.pdf": "reject:unsupported_type", "brief.txt": "article", "feed.jsonl#1": "article",
            "feed.jsonl#2": "reject:invalid_json", "feed.jsonl#3": "reject:missing_text",
            "feed.jsonl#4": "duplicate:content", "crawl.warc.gz#1": "article", "crawl.warc.gz#2": "reject:not_html"}


def latest_summary_artifact() -> dict[str, object]:
    """Read the newest `pipeline-summary` table artifact back from the Prefect API."""
    from prefect.artifacts import Artifact

    artifact = Artifact.get("pipeline-summary")
    assert artifact is not None and artifact.type == "table"
    return {row["measure"].strip(): row["value"] for row in json.loads(artifact.data)}


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str], object]:
    base = tmp_path_factory.mktemp("mixed")
    expected = mixed_inputs(base / "inputs")
    summary = pipeline(inputs=[str(base / "inputs")], warehouse_dir=str(base / "data"))
    summary.artifact = latest_summary_artifact()  # read now: later runs publish newer ones
    return base / "inputs", base / "data", expected, summary


def outcomes(warehouse: Path, inputs: Path) -> dict[str, str]:
    rows = query(warehouse, "SELECT source_uri, coalesce('duplicate:' || duplicate_kind, 'article') "
                            "FROM article_sources UNION ALL SELECT source_uri, 'reject:' || reason FROM rejects")
    named = {}
    for uri, outcome in rows:
        name = uri.removeprefix(str(inputs.resolve()) + "/")
        if name.startswith("crawl.warc.gz#"):  # WARC records are named by id: number them by position
            name = "crawl.warc.gz#" + ("1" if outcome == "article" else "2")
        named[name] = outcome
    return named


def test_every_input_document_is_accounted_for_with_its_reason(mixed_run) -> None:
    inputs, warehouse, expected, summary = mixed_run
    assert outcomes(warehouse, inputs) == expected
    assert summary.documents_read == len(expected)
    assert sum(summary.rejects.values()) + summary.articles_new + sum(summary.duplicates.values()) == len(expected)


def test_the_warehouse_keeps_the_contract(mixed_run) -> None:
    _, warehouse, _, _ = mixed_run
    assert "verdict: OK" in check_contract(warehouse)
    (url, outlet, published), = query(warehouse, "SELECT url, outlet, published_at FROM articles "
                                                 "WHERE source_uri LIKE '%feed.jsonl#1'")
    assert (url, outlet) == ("https://wire.example.com/a", "example-wire.com")
    assert published == datetime(2026, 3, 3, 6, tzinfo=timezone.utc)


def test_exports_read_back_with_pyarrow_and_duckdb(mixed_run) -> None:
    _, warehouse, _, _ = mixed_run
    exports = warehouse / "exports"
    articles = ds.dataset(exports / "articles", format="parquet", partitioning="hive").to_table()
    assert articles.num_rows == query(warehouse, "SELECT count(*) FROM articles")[0][0]
    assert str(articles.schema.field("published_at").type) == "timestamp[us, tz=UTC]"
    dates = query(warehouse, f"SELECT DISTINCT published_date FROM read_parquet('{exports}/articles/**/*.parquet', "
                             "hive_partitioning = true) ORDER BY 1")
    assert [d for (d,) in dates if d] == [datetime(2026, 3, 3).date(), datetime(2026, 3, 4).date()]
    for table in ("story_summary", "outlet_summary"):
        assert ds.dataset(exports / table, format="parquet").to_table().num_rows > 0


def test_a_rerun_changes_nothing(mixed_run) -> None:
    inputs, warehouse, _, _ = mixed_run
    before = snapshot(warehouse)
    lake_files = sorted(p.name for p in (warehouse / "lake").rglob("*"))
    schema = ds.dataset(warehouse / "exports" / "articles", partitioning="hive").schema
    summary = pipeline(inputs=[str(inputs)], warehouse_dir=str(warehouse))
    assert summary.articles_new == 0 and summary.already_known == summary.documents_read
    assert snapshot(warehouse) == before
    assert sorted(p.name for p in (warehouse / "lake").rglob("*")) == lake_files
    assert ds.dataset(warehouse / "exports" / "articles", partitioning="hive").schema == schema


def test_new_input_is_compared_with_the_history(mixed_run, tmp_path: Path) -> None:
    inputs, warehouse, _, _ = mixed_run
    (tmp_path / "later.html").write_text(article_html(title="Dock strike, day two"))  # same canonical URL
    (tmp_path / "fresh.txt").write_text(" date 2026-03-05 Talks resume\n\n" + " ".join(PARAGRAPHS) + " More.")
    before = query(warehouse, "SELECT count(*) FROM articles")[0][0]
    summary = pipeline(inputs=[str(tmp_path)], warehouse_dir=str(warehouse))
    assert (summary.articles_new, summary.duplicates["url"]) == (1, 1)
    assert query(warehouse, "SELECT count(*) FROM articles")[0][0] == before + 1
    (kind, kept_source), = query(warehouse, "SELECT s.duplicate_kind, a.source_uri FROM article_sources s "
                                            "JOIN articles a USING (article_id) WHERE s.source_uri LIKE '%later.html'")
    assert kind == "url" and kept_source.endswith("story.html")
    check_contract(warehouse)


def test_seed_articles_end_to_end(tmp_path: Path) -> None:
    pipeline(inputs=[str(require(SEEDS))], warehouse_dir=str(tmp_path))
    rows = query(tmp_path, "SELECT language, published_at, wire_cluster_id, story_id FROM articles")
    assert len(rows) == 2
    assert {(lang, ts.date().isoformat()) for lang, ts, _, _ in rows} == {("en", "2024-12-08")}
    assert rows[0][2] != rows[1][2]
    check_contract(tmp_path)


def test_an_empty_run_still_builds_every_table(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    pipeline(inputs=[str(tmp_path / "in")], warehouse_dir=str(tmp_path / "data"))
    assert all(not rows for rows in snapshot(tmp_path / "data").values())
    check_contract(tmp_path / "data")


def test_the_run_summary_is_published_as_a_table_artifact(mixed_run) -> None:
    _, _, expected, summary = mixed_run
    rows = summary.artifact
    assert rows["documents read"] == len(expected) and rows["reject: invalid_json"] == 1


def wire_copies_jsonl(path: Path, copies: dict[str, tuple[str, str]]) -> Path:
    """Write copies of one wire text as JSON Lines: outlet -> (published_at, text)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"text": text, "url": f"https://{outlet}/wire-story", "outlet": outlet,
                                        "published_at": published}) + "\n"
                            for outlet, (published, text) in copies.items()))
    return path


def test_an_earlier_copy_read_in_a_later_run_becomes_the_origin(tmp_path: Path) -> None:
    own = ("Local reaction: shop owners on the quay said trade had already fallen by a third since the first "
           "walkout, and several asked the council for help with rents until the port opens again.")
    later = wire_copies_jsonl(tmp_path / "run1" / "later.jsonl", {
        "two.example": ("2026-03-03T08:00:00Z", "\n\n".join(PARAGRAPHS[:3] + [own])),
        "three.example": ("2026-03-03T09:00:00Z", "LONDON (Reuters) - " + "\n\n".join(PARAGRAPHS))})
    earlier = wire_copies_jsonl(tmp_path / "run2" / "earlier.jsonl", {
        "one.example": ("2026-03-03T06:00:00Z", "\n\n".join(PARAGRAPHS))})
    warehouse = tmp_path / "data"
    lineage = "SELECT outlet, wire_cluster_id, wire_origin_id, wire_similarity, article_id FROM articles"

    pipeline(inputs=[str(later)], warehouse_dir=str(warehouse))
    first = {row[0]: row[1:] for row in query(warehouse, lineage)}
    cluster = first["two.example"][0]
    assert first["two.example"] == (cluster, cluster, 1.0, cluster)
    assert first["three.example"][:2] == (cluster, cluster) and 0.5 <= first["three.example"][2] < 1.0

    summary = pipeline(inputs=[str(earlier)], warehouse_dir=str(warehouse))
    assert summary.articles_new == 1 and summary.wire_relinked == 2
    second = {row[0]: row[1:] for row in query(warehouse, lineage)}
    origin = second["one.example"][3]
    assert {row[0] for row in second.values()} == {cluster}       # the cluster keeps its id
    assert {row[1] for row in second.values()} == {origin}        # and names its new origin everywhere
    assert second["one.example"][2] == 1.0 and second["three.example"][2] == 1.0   # a whole copy of the origin
    assert 0.5 <= second["two.example"][2] < 1.0
    check_contract(warehouse)

    before = snapshot(warehouse)
    lake_files = sorted(p.name for p in (warehouse / "lake").rglob("*"))
    for inputs in (earlier, later):
        again = pipeline(inputs=[str(inputs)], warehouse_dir=str(warehouse))
        assert again.articles_new == 0 and again.wire_relinked == 0
    assert snapshot(warehouse) == before
    assert sorted(p.name for p in (warehouse / "lake").rglob("*")) == lake_files
    assert query(warehouse, "SELECT count(*), count(DISTINCT article_id) FROM articles") == [(3, 3)]
