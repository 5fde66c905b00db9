"""The bundled demo corpus end to end: every document's outcome, metadata and the warehouse contract."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from conftest import REPO
from test_pipeline import check_contract

from copydesk.config import DEMO_CORPUS
from copydesk.flows.pipeline import pipeline
from copydesk.warehouse.dictionary import data_dictionary

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]
TRUTH = DEMO_CORPUS / "_truth.json"
MIN_LANGUAGE_ACCURACY = 0.97


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict], object]:
    if not TRUTH.exists():
        pytest.fail(f"the demo corpus is missing: run `python -m copydesk.demo.generate` ({TRUTH})")
    truth = {d["source"]: d for d in json.loads(TRUTH.read_text())["documents"]}
    warehouse = tmp_path_factory.mktemp("demo")
    summary = pipeline(inputs=None, warehouse_dir=str(warehouse))
    return warehouse, truth, summary


def rows(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def relative(source_uri: str) -> str:
    return source_uri.removeprefix(str(DEMO_CORPUS.resolve()) + "/")


def test_the_demo_corpus_is_as_big_and_varied_as_promised(demo) -> None:
    _, truth, _ = demo
    documents = list(truth.values())
    assert len(documents) >= 300
    assert len({d["outlet"] for d in documents if d["outlet"]}) >= 12
    assert len({d["published_at"][:10] for d in documents if d["published_at"]}) >= 5
    assert {"en", "de", "es", "fr"} <= {d["language"] for d in documents}
    kinds = Counter(Path(s.split("#")[0]).name.split(".", 1)[1] for s in truth)
    assert {"html", "jsonl", "txt", "warc.gz"} <= set(kinds)
    rejects = {d["expected"] for d in documents if d["expected"].startswith("reject:")}
    assert len([d for d in documents if d["expected"].startswith("reject:")]) >= 10 and len(rejects) >= 8


def test_every_demo_document_has_its_expected_outcome(demo) -> None:
    warehouse, truth, summary = demo
    found = dict(rows(warehouse, "SELECT source_uri, coalesce('duplicate:' || duplicate_kind, 'article') "
                                 "FROM article_sources UNION ALL SELECT source_uri, 'reject:' || reason FROM rejects"))
    assert {relative(k): v for k, v in found.items()} == {s: d["expected"] for s, d in truth.items()}
    assert summary.documents_read == len(truth)


def test_demo_articles_have_the_right_metadata(demo) -> None:
    warehouse, truth, _ = demo
    articles = rows(warehouse, "SELECT source_uri, outlet, language, published_at, "
                               "published_precision FROM articles")
    assert articles
    right_language = 0
    for source_uri, outlet, language, published_at, precision in articles:
        expected = truth[relative(source_uri)]
        assert outlet == expected["outlet"], source_uri
        right_language += language == expected["language"]
        if expected["published_at"]:
            assert published_at == datetime.fromisoformat(expected["published_at"]), source_uri
            # the plain-text files give only their day; every other dated demo input a time of day
            assert precision == ("date" if source_uri.endswith(".txt") else "time"), source_uri
        else:
            assert precision is None, source_uri
    assert right_language / len(articles) >= MIN_LANGUAGE_ACCURACY


def test_the_demo_warehouse_keeps_the_contract(demo) -> None:
    warehouse, _, _ = demo
    assert "verdict: OK" in check_contract(warehouse)


def test_demo_stories_follow_the_events_across_languages(demo) -> None:
    from benchmarks.wire_eval import pairwise_scores

    warehouse, truth, _ = demo
    kept = rows(warehouse, "SELECT s.source_uri, a.story_id, a.language FROM article_sources s "
                           "JOIN articles a USING (article_id) WHERE s.duplicate_kind IS NULL")
    gold = [truth[relative(uri)]["event"] or f"single:{uri}" for uri, _, _ in kept]
    scores = pairwise_scores(gold, [story for _, story, _ in kept])
    assert scores.precision >= 0.85 and scores.recall >= 0.9, scores   # measured 0.890 / 0.943
    languages: dict[str, set[str]] = {}
    for _, story, language in kept:
        languages.setdefault(story, set()).add(language)
    assert sum(len(told_in) > 1 for told_in in languages.values()) >= 10, "stories told in several languages"


def test_demo_stories_are_first_reported_by_an_outlet_where_a_timed_report_exists(demo) -> None:
    """The plain-text files (no outlet, only a day) broke 9 stories that outlets carried (18 NULL
    first_outlet of 122; 11 now, 9 of them stories no outlet carried): a story's first report has
    no known outlet only when no outlet has a timed report on its day, or when it is timed."""
    warehouse, _, _ = demo
    unknown_first = rows(warehouse, """
        select f.published_precision, exists (
            select 1 from articles as a
            where a.story_id = s.story_id and a.outlet is not null
              and a.published_precision = 'time'
              and cast(timezone('UTC', a.published_at) as date)
                  = cast(timezone('UTC', s.first_published_at) as date)) as timed_outlet_that_day
        from story_summary as s join articles as f on f.article_id = s.first_article_id
        where s.first_outlet is null""")
    assert unknown_first and all(precision == "time" for precision, timed in unknown_first if timed)


def test_the_committed_data_dictionary_matches_the_demo_warehouse(demo) -> None:
    warehouse, _, _ = demo
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        generated = data_dictionary(con)
    finally:
        con.close()
    committed = REPO / "docs" / "warehouse.md"
    assert committed.read_text(encoding="utf-8") == generated, (
        "docs/warehouse.md is stale: run `python -m copydesk.warehouse.dictionary DIR > docs/warehouse.md` "
        "on a warehouse built from this checkout (e.g. `copydesk run --warehouse DIR`)")
