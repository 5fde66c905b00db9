"""Check extraction quality and metadata on the real corpora, and the benchmark's F1 metric on tiny pages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPORA, require

from benchmarks.extraction_quality import AEB, FUNDUS, clean_texts, load_aeb, load_fundus
from benchmarks.metadata_accuracy import accuracy, check_pages
from benchmarks.metrics import page_counts, page_precision, page_recall, score_texts, shingles, tokens
from copydesk.config import Settings

# Thresholds: the figures measured in docs/benchmarks.md minus a small margin.
AEB_MIN_F1 = 0.96                    # measured 0.971
FUNDUS_MIN_F1 = 0.94                 # measured 0.952
FUNDUS_MIN_URL_ACCURACY = 0.975      # measured 1.000: at most 2 of 80 pages may go wrong
FUNDUS_MIN_DATE_ACCURACY = 0.975     # measured 1.000
FUNDUS_MIN_LANGUAGE_ACCURACY = 0.975  # measured 1.000


def corpus_root(name: str) -> Path:
    """Return the shared corpora folder, or skip the test, saying why, when that corpus is absent."""
    require(CORPORA / name)
    return CORPORA


# --- the metric on hand-made pages ----------------------------------------------------------------------

def test_tokens_are_word_runs_with_case_kept() -> None:
    assert tokens("Don't stop—now, Mr. 2024!") == ["Don", "t", "stop", "now", "Mr", "2024"]


def test_a_text_shorter_than_a_shingle_is_one_short_shingle() -> None:
    assert shingles("a b") == Counter({("a", "b"): 1})
    assert shingles("") == Counter()


def test_one_wrong_word_costs_the_shingles_that_span_it() -> None:
    counts = page_counts("a b c d e", "a b c d x")        # shared: (a b c d); one extra, one missed
    assert (counts.tp, counts.fp, counts.fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert page_precision(counts) == pytest.approx(0.5) and page_recall(counts) == pytest.approx(0.5)


def test_repeated_text_counts_as_a_multiset() -> None:
    counts = page_counts("a b c d", "a b c d a b c d")    # (a b c d) matches once, 4 predicted shingles extra
    assert page_precision(counts) == pytest.approx(1 / 5) and page_recall(counts) == 1.0


def test_f1_is_taken_of_the_averages_not_averaged() -> None:
    truths = {"short": "a b c d e", "long": "a b c d"}
    predictions = {"short": "a b c d", "long": "a b c d e"}  # P, R = (1, 1/2) and (1/2, 1)
    score = score_texts(truths, predictions)
    assert (score.precision, score.recall, score.f1) == pytest.approx((0.75, 0.75, 0.75))


def test_an_empty_prediction_costs_recall_only() -> None:
    score = score_texts({"found": "a b c d e", "missed": "a b c d"}, {"found": "a b c d e", "missed": ""})
    assert (score.precision, score.recall) == pytest.approx((1.0, 0.5))
    assert score.f1 == pytest.approx(2 / 3)


def test_an_empty_truth_costs_precision_only() -> None:
    score = score_texts({"page": "a b c d e", "blank": ""}, {"page": "a b c d e", "blank": "menu items here"})
    assert (score.precision, score.recall) == pytest.approx((0.5, 1.0))


# --- the real corpora, through copydesk's cleaning ------------------------------------------------------

@pytest.mark.corpus
@pytest.mark.parametrize("name, load, pages, min_f1", [
    (AEB, load_aeb, 181, AEB_MIN_F1),
    (FUNDUS, load_fundus, 80, FUNDUS_MIN_F1),
])
def test_body_f1_through_copydesk_cleaning(name: str, load, pages: int, min_f1: float) -> None:
    settings = Settings()
    corpus = load(corpus_root(name), settings)
    texts, _ = clean_texts(corpus.documents, settings)
    score = score_texts(corpus.truths, texts)
    assert len(texts) == pages
    assert score.f1 >= min_f1, score


@pytest.mark.corpus
def test_url_date_and_language_on_fundus() -> None:
    checks = check_pages(corpus_root(FUNDUS), Settings())
    result = accuracy(checks)
    assert result.pages == 80
    assert result.url >= FUNDUS_MIN_URL_ACCURACY, [(c.page, c.url, c.true_url) for c in checks if not c.url_ok]
    assert result.date >= FUNDUS_MIN_DATE_ACCURACY, [(c.page, c.published_at) for c in checks if not c.date_ok]
    assert result.language >= FUNDUS_MIN_LANGUAGE_ACCURACY, [(c.page, c.language) for c in checks
                                                            if not c.language_ok]
    assert [c.language for c in checks if c.true_language == "fr"] == ["fr"]
