"""Score extracted article bodies against ground truth the way the article-extraction-benchmark does.

Each text is split into `\\w+` tokens (case kept) and into overlapping shingles of `SHINGLE_TOKENS` tokens;
a text shorter than that is one shorter shingle, an empty text none. For one page, with `T` and `P` the
multisets of true and predicted shingles:

    tp = |T ∩ P|,  fp = |P − T|,  fn = |T − P|      (multiset counts)

then normalised by `tp + fp + fn` so that long pages weigh no more than short ones. Per page:

    precision = 1 if fp = fn = 0;  0 if tp = fp = 0;  else tp / (tp + fp)
    recall    = 1 if fp = fn = 0;  0 if tp = fn = 0;  else tp / (tp + fn)

Precision is averaged over the pages with a prediction (tp + fp > 0), recall over the pages with a truth
(tp + fn > 0): an empty prediction costs recall only, an empty truth precision only. The score is

    F1 = 2 · P̄ · R̄ / (P̄ + R̄)

of the two averages, as in scrapinghub/article-extraction-benchmark's `evaluate.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean

SHINGLE_TOKENS = 4
TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageCounts:
    """True positives, false positives and false negatives of one page, normalised to sum to 1 (or all 0)."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall averaged over pages, their F1, and how many pages were scored."""

    precision: float
    recall: float
    f1: float
    pages: int


def tokens(text: str | None) -> list[str]:
    """Split text into `\\w+` tokens."""
    return TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_TOKENS) -> Counter[tuple[str, ...]]:
    """Count the overlapping `size`-token shingles of a text (one shorter shingle for a short text)."""
    words = tokens(text)
    return Counter(tuple(words[i:i + size]) for i in range(max(1, len(words) - size + 1)) if words[i:i + size])


def page_counts(true: str | None, pred: str | None) -> PageCounts:
    """Match the shingles of one page's true and predicted text, as normalised multiset counts."""
    true_shingles, pred_shingles = shingles(true), shingles(pred)
    tp = float(sum((true_shingles & pred_shingles).values()))
    fp = float(sum((pred_shingles - true_shingles).values()))
    fn = float(sum((true_shingles - pred_shingles).values()))
    total = tp + fp + fn
    return PageCounts(tp / total, fp / total, fn / total) if total else PageCounts(0.0, 0.0, 0.0)


def page_precision(c: PageCounts) -> float:
    """Precision of one page: 1 when nothing is wrong, 0 when nothing was predicted right."""
    if c.fp == c.fn == 0:
        return 1.0
    if c.tp == c.fp == 0:
        return 0.0
    return c.tp / (c.tp + c.fp)


def page_recall(c: PageCounts) -> float:
    """Recall of one page: 1 when nothing is wrong, 0 when nothing true was found."""
    if c.fp == c.fn == 0:
        return 1.0
    if c.tp == c.fn == 0:
        return 0.0
    return c.tp / (c.tp + c.fn)


def score_counts(counts: Iterable[PageCounts]) -> Score:
    """Average precision over pages with a prediction and recall over pages with a truth; F1 of the two."""
    counts = list(counts)
    precisions = [page_precision(c) for c in counts if c.tp + c.fp > 0]
    recalls = [page_recall(c) for c in counts if c.tp + c.fn > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(counts))


def score_texts(truths: dict[str, str], predictions: dict[str, str | None]) -> Score:
    """Score predicted texts against true texts, page by page over the truth's keys (missing = empty)."""
    return score_counts(page_counts(truths[key], predictions.get(key)) for key in truths)
