"""Measure body extraction quality: shingle F1 of copydesk's cleaned text against two labelled corpora.

Pages are read with copydesk's reader and cleaned by `clean_document`, so charset handling, trafilatura's
options, copydesk's post-processing and normalisation are all in the score. The same run scores bare
`trafilatura.extract` and the extractors' outputs the article-extraction-benchmark publishes, which checks
that `benchmarks.metrics` reproduces the published figures. Run from the repository root:

    .venv/bin/python -m benchmarks.extraction_quality [--corpora ../shared/corpora] [--sweep]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import trafilatura

from benchmarks.metrics import Score, score_texts
from copydesk.config import Settings
from copydesk.records import Candidate, Document
from copydesk.tasks import extract
from copydesk.tasks.read import iter_documents

DEFAULT_CORPORA = Path("../shared/corpora")
AEB = "article-extraction-benchmark"
FUNDUS = "fundus-evaluation"
PAGE_SUFFIX = ".html.gz"
MS_PER_S = 1_000


@dataclass(frozen=True, slots=True)
class Corpus:
    """A labelled corpus: its pages as copydesk reads them and the true body text of each, by page id."""

    name: str
    documents: dict[str, Document]
    truths: dict[str, str]


@dataclass(frozen=True, slots=True)
class Variant:
    """A change to copydesk's cleaning tried during tuning: trafilatura options and post-processing switches."""

    label: str
    options: dict[str, object]
    balanced_retry: bool = True
    strip_headlines: bool = True


SWEEP = (
    Variant("shipped: precision + balanced retry + headline strip", {}),
    Variant("  without the headline strip", {}, strip_headlines=False),
    Variant("  without the balanced retry", {}, balanced_retry=False),
    Variant("  precision only (no retry, no strip)", {}, balanced_retry=False, strip_headlines=False),
    Variant("balanced (trafilatura default), no retry, no strip", {"favor_precision": False},
            balanced_retry=False, strip_headlines=False),
    Variant("balanced + headline strip", {"favor_precision": False}, balanced_retry=False),
    Variant("favor_recall + headline strip", {"favor_precision": False, "favor_recall": True},
            balanced_retry=False),
    Variant("shipped, include_tables=False", {"include_tables": False}),
    Variant("shipped, fast=True", {"fast": True}),
    Variant("shipped, include_comments=True", {"include_comments": True}),
    Variant("shipped, include_formatting=True", {"include_formatting": True}),
    Variant("shipped, deduplicate=True", {"deduplicate": True}),
    Variant("shipped, date extensive_search=False",
            {"date_extraction_params": {"extensive_search": False, "original_date": True,
                                        "outputformat": "%Y-%m-%dT%H:%M:%S"}}),
)


def page_id(path: str) -> str:
    """Name a page by its file name without `.html.gz`."""
    return Path(path).name.removesuffix(PAGE_SUFFIX)


def read_documents(html_dir: Path, settings: Settings) -> dict[str, Document]:
    """Read a corpus' pages with copydesk's reader, by page id; a page the reader rejects is an error here."""
    documents = {}
    for item in iter_documents([html_dir], settings.max_document_bytes):
        if not isinstance(item, Document):
            raise RuntimeError(f"copydesk's reader rejected {item.source_uri}: {item.reason} {item.detail}")
        documents[page_id(item.source_uri)] = item
    return documents


def load_aeb(corpora: Path, settings: Settings) -> Corpus:
    """Load the article-extraction-benchmark: 181 pages, `ground-truth.json` as `{id: {articleBody, url}}`."""
    root = corpora / AEB
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return Corpus(AEB, read_documents(root / "html", settings),
                  {key: value["articleBody"] for key, value in truth.items()})


def load_fundus(corpora: Path, settings: Settings) -> Corpus:
    """Load fundus-evaluation: 80 pages, `ground_truth.json` as `{file: {body: [paragraphs], url, crawl_date}}`."""
    root = corpora / FUNDUS
    truth = json.loads((root / "ground_truth.json").read_text(encoding="utf-8"))
    return Corpus(FUNDUS, read_documents(root / "html", settings),
                  {page_id(key): "\n\n".join(value["body"]) for key, value in truth.items()})


def clean_texts(documents: dict[str, Document], settings: Settings) -> tuple[dict[str, str | None], float]:
    """Clean each page with copydesk (None for a reject); return the texts and the mean ms per page."""
    started = time.perf_counter()
    texts = {}
    for key, document in documents.items():
        result = extract.clean_document(document, settings)
        texts[key] = result.text if isinstance(result, Candidate) else None
    return texts, (time.perf_counter() - started) * MS_PER_S / max(1, len(documents))


def bare_texts(documents: dict[str, Document], **options: object) -> tuple[dict[str, str | None], float]:
    """Extract each page's bytes with bare `trafilatura.extract`; return the texts and the mean ms per page."""
    started = time.perf_counter()
    texts = {key: trafilatura.extract(document.body, **options) for key, document in documents.items()}
    return texts, (time.perf_counter() - started) * MS_PER_S / max(1, len(documents))


def stored_outputs(corpora: Path) -> Iterator[tuple[str, str, dict[str, str | None]]]:
    """Yield (name, version, texts by page id) for every published output in the benchmark's `output/`."""
    for path in sorted((corpora / AEB / "output").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        version, items = (data.get("version", ""), data["output"]) if "output" in data else ("", data)
        yield path.stem, version, {key: value.get("articleBody") for key, value in items.items()}


@contextmanager
def variant_applied(variant: Variant) -> Iterator[None]:
    """Clean with a variant's options and switches for the duration of the block."""
    options = {**extract.TRAFILATURA_OPTIONS, **variant.options}
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(extract, "TRAFILATURA_OPTIONS", options))
        stack.enter_context(mock.patch.object(
            extract, "BALANCED_OPTIONS", {**options, "favor_precision": False, "with_metadata": False}))
        if not variant.balanced_retry:
            stack.enter_context(mock.patch.object(extract, "ARTICLE_MIN_CHARS", 0))
        if not variant.strip_headlines:
            stack.enter_context(mock.patch.object(extract, "strip_opening_headlines", lambda body, *_: body))
        yield


def row(label: str, score: Score, ms_per_page: float | None = None) -> str:
    """Format one line of a score table."""
    timing = f"{ms_per_page:7.1f}" if ms_per_page is not None else " " * 7
    return f"{label:58} {score.precision:9.4f} {score.recall:9.4f} {score.f1:9.4f} {timing}"


def header(title: str) -> str:
    """Format a score table's title and column names."""
    return f"\n{title}\n{'':58} {'precision':>9} {'recall':>9} {'F1':>9} {'ms/page':>7}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help="folder holding article-extraction-benchmark/ and fundus-evaluation/ "
                             "(default: %(default)s)")
    parser.add_argument("--sweep", action="store_true",
                        help="also score the option variants tried while tuning (about 2 minutes)")
    args = parser.parse_args()
    settings = Settings()
    corpora = [load_aeb(args.corpora, settings), load_fundus(args.corpora, settings)]
    for document in list(corpora[0].documents.values())[:3]:   # warm caches, imports and lazy loads
        extract.clean_document(document, settings)

    for corpus in corpora:
        print(header(f"{corpus.name}: {len(corpus.documents)} pages, body F1 over 4-token shingles"))
        texts, ms = clean_texts(corpus.documents, settings)
        rejected = sum(text is None for text in texts.values())
        print(row(f"copydesk clean_document ({rejected} rejected)", score_texts(corpus.truths, texts), ms))
        texts, ms = bare_texts(corpus.documents)
        print(row(f"trafilatura {trafilatura.__version__} extract(), default options",
                  score_texts(corpus.truths, texts), ms))
        texts, ms = bare_texts(corpus.documents, include_comments=False)
        print(row(f"trafilatura {trafilatura.__version__} extract(include_comments=False)",
                  score_texts(corpus.truths, texts), ms))

    print(header(f"{AEB}: published outputs in output/*.json (metric check)"))
    for name, version, texts in stored_outputs(args.corpora):
        print(row(f"{name} {version}".strip(), score_texts(corpora[0].truths, texts)))

    if args.sweep:
        print(f"\ntuning sweep: copydesk clean_document with one change each\n"
              f"{'':58} {'F1 AEB':>9} {'F1 fundus':>9} {'':9} {'ms/page':>7}")
        for variant in SWEEP:
            with variant_applied(variant):
                (aeb, aeb_ms), (fundus, fundus_ms) = (clean_texts(c.documents, settings) for c in corpora)
            ms = (aeb_ms * len(aeb) + fundus_ms * len(fundus)) / (len(aeb) + len(fundus))
            print(f"{variant.label:58} {score_texts(corpora[0].truths, aeb).f1:9.4f} "
                  f"{score_texts(corpora[1].truths, fundus).f1:9.4f} {'':9} {ms:7.1f}")


if __name__ == "__main__":
    main()
