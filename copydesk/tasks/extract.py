"""Extract clean articles from documents: main text and metadata, canonical URL, outlet, date and language.

HTML goes through trafilatura (`bare_extraction` with metadata); the plain-text format and JSON Lines
records are parsed directly. Each document becomes a `Candidate` or a `Reject` (stage `extract`).
`clean_batch` spreads a batch over worker processes (or a Dask cluster's workers, `copydesk.cluster`):
trafilatura holds the GIL, so threads would not help.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import threading
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import datetime
from multiprocessing import get_context
from typing import TYPE_CHECKING

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.meta import reset_caches
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from copydesk.config import Settings
from copydesk.records import Candidate, Document, Reject, sha256_hex
from copydesk.tasks.charsets import EncodingError, decode, declared_charset
from copydesk.tasks.dates import DATE, Published, parse_published, plausible_date
from copydesk.tasks.language import detect_language, normalise_code
from copydesk.tasks.urls import canonical_url, outlet_of

if TYPE_CHECKING:
    from copydesk.cluster import DaskPool

STAGE = "extract"
PARALLEL_MIN_DOCUMENTS = 24          # below this a batch is cleaned in-process: workers cost ~1 s to start
CHUNKS_PER_WORKER = 4                # smaller chunks balance uneven pages across workers
RESET_CACHES_EVERY_DOCUMENTS = 2_000  # trafilatura's caches grow over long runs
PARENT_CHECK_SECONDS = 1.0           # how often a worker checks that its run is alive
WAIT_SLICE_SECONDS = 1.0             # how long a batch waits on its workers between checks for a timeout
TITLE_MAX_CHARS = 300
LEAD_MIN_WORDS = 20

TRAFILATURA_OPTIONS: dict[str, object] = {
    "favor_precision": True,         # drops teaser lists and metadata blocks (docs/benchmarks.md)
    "include_comments": False,
    "include_tables": True,
    "with_metadata": True,
    "date_extraction_params": {"extensive_search": True, "original_date": True,
                               "outputformat": "%Y-%m-%dT%H:%M:%S"},
}
# Precision mode now and then keeps only a stray block (a reprints notice, a live blog's intro). A text
# shorter than an article, on a page whose <p> elements hold an article's length and `BALANCED_RETRY_GAIN`
# times more, gets a second extraction in trafilatura's default balanced mode, kept when it reaches both too.
BALANCED_OPTIONS: dict[str, object] = {**TRAFILATURA_OPTIONS, "favor_precision": False, "with_metadata": False}
ARTICLE_MIN_CHARS = 1_000
BALANCED_RETRY_GAIN = 2.0
TITLE_SOURCES_XPATH = "//meta[@property='og:title' or @name='twitter:title']/@content | //title/text() | //h1"
PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @property='og:article:published_time'"
    " or @name='article:published_time' or @itemprop='datePublished' or @name='pubdate'"
    " or @name='publishdate' or @name='parsely-pub-date' or @name='sailthru.date' or @name='dc.date.issued'"
    " or @name='DC.date.issued' or @name='date']/@content"
    " | //time[@itemprop='datePublished']/@datetime"
)
JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
# Where JSON Lines records keep the publication time: copydesk's own field first, then the fields of
# news-please (`date_publish`), fundus (`publishing_date`), schema.org (`datePublished`) and plain `date`.
PUBLISHED_FIELDS = ("published_at", "date_publish", "publishing_date", "datePublished", "date")
TEXT_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»']?\s+")
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
SPACES = re.compile(r"[^\S\n]+")
WORDS = re.compile(r"\w+")


class NotAnArticle(Exception):
    """A document with no article in it, with the reject reason code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Fields:
    """What a document says about its article, before normalisation."""

    text: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: Published | None = None
    outlet: str | None = None
    language: str | None = None
    language_hint: str | None = None    # the language to assume when detection cannot tell

    @property
    def published_at(self) -> datetime | None:
        return self.published.at if self.published else None


def with_hints(fields: Fields, hints: str | None) -> Fields:
    """Fill what a fetched page does not say from what its feed or sitemap said of it."""
    if not hints:
        return fields
    said = json.loads(hints)
    return replace(fields, title=fields.title or said.get("title"),
                   published=fields.published or parse_published(said.get("published_at")),
                   language_hint=normalise_code(said.get("language")))


# --- text ---------------------------------------------------------------------------------------------

def normalise_text(text: str) -> str:
    """Normalise text to NFC with single spaces, one paragraph per line, paragraphs split by a blank line."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text)).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


def without_headline(text: str, title: str | None) -> str:
    """Drop a first paragraph that only repeats the title: the headline is metadata, not body text."""
    first, _, rest = text.partition("\n\n")
    return rest if title and rest and first.casefold() == title.casefold() else text


def content_hash(text: str) -> str:
    """Hash the text with all whitespace folded: equal hashes mean exact duplicates."""
    return sha256_hex(" ".join(text.split()))


# --- per kind --------------------------------------------------------------------------------------------

def published_time(tree: HtmlElement) -> Published | None:
    """Read the publication time the page declares (meta, microdata, JSON-LD) and its precision."""
    for value in tree.xpath(PUBLISHED_XPATH):
        parsed = parse_published(str(value))
        if parsed:
            return parsed
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        match = JSONLD_PUBLISHED.search(script)
        if match and (parsed := parse_published(match.group(1))):
            return parsed
    return None


def found_date(value: str | None) -> Published | None:
    """Read the date htmldate found in the page (via trafilatura, always with a time): midnight
    means it found only the day."""
    parsed = parse_published(value)
    if parsed and parsed.at == parsed.at.replace(hour=0, minute=0, second=0, microsecond=0):
        return Published(parsed.at, DATE)
    return parsed


def strip_opening_headlines(body: _Element, tree: HtmlElement, title: str | None) -> _Element:
    """Drop the headings that open the body when they repeat the title, `og:title` or `<h1>` (or their start).

    The headline is metadata, not body text; a title may add the site's name after the headline.
    """
    titles = {_words(title)} | {_words(t if isinstance(t, str) else t.text_content())
                                for t in tree.xpath(TITLE_SOURCES_XPATH)}
    titles.discard("")
    while len(body) and body[0].tag == "head" and (words := _words("".join(body[0].itertext()))) \
            and any(t == words or t.startswith(f"{words} ") for t in titles):
        body.remove(body[0])
    return body


def _words(text: str | None) -> str:
    """Fold text to its lower-case `\\w+` words joined by single spaces."""
    return " ".join(WORDS.findall(text or "")).lower()


def extract_document(tree: HtmlElement, url: str | None) -> TrafilaturaDocument | None:
    """Extract the main text in precision mode, retried in balanced mode when precision finds only a little.

    The retry must find an article's length: on a page with no article (a login form, a section index)
    balanced mode only adds the cookie banner or the menu.
    """
    document = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    if document is None:
        return None
    found = len(document.text or "")
    wanted = max(ARTICLE_MIN_CHARS, BALANCED_RETRY_GAIN * found)
    if found < ARTICLE_MIN_CHARS and paragraph_chars(tree) >= wanted:
        balanced = trafilatura.bare_extraction(tree, url=url, **BALANCED_OPTIONS)
        if balanced is not None and len(balanced.text or "") >= wanted:
            document.body, document.text = balanced.body, balanced.text   # metadata stay from the first pass
    return document


def paragraph_chars(tree: HtmlElement) -> int:
    """Count the characters of text in the page's `<p>` elements."""
    return sum(len(text) for p in tree.iter("p") for text in p.itertext())


def html_fields(html: str, url: str | None = None) -> Fields:
    """Extract main text and metadata from an HTML page with trafilatura, without the repeated headline."""
    if not html.strip():
        raise NotAnArticle("empty_page", "the page is empty")
    tree = load_html(html)
    if tree is None or not any(t.strip() for t in tree.itertext()):
        raise NotAnArticle("empty_page", "the page has no text")
    declared = published_time(tree)
    document = extract_document(tree, url)
    if document is None:
        raise NotAnArticle("no_article", "no main text found in the page")
    text = xmltotxt(strip_opening_headlines(document.body, tree, document.title), False)
    if not text.strip():
        raise NotAnArticle("no_article", "no main text found in the page")
    return Fields(
        text=text,
        url=document.url or url,
        title=document.title,
        author=document.author,
        published=declared or found_date(document.date),
    )


def plain_text_fields(text: str) -> Fields:
    """Parse the plain-text format: ` date YYYY-MM-DD <headline or lead>`, a blank line, the body.

    A first line that reads as a lead (a full sentence, or long) belongs to the text; its first sentence
    then serves as the title. Without the header line the whole file is the text.
    """
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    header = TEXT_HEADER.match(first)
    if not header:
        return Fields(text=text)
    published = parse_published(header.group(1))
    head = header.group(2).strip()
    if head.endswith((".", "!", "…", "\"", "”", "»")) or len(head.split()) >= LEAD_MIN_WORDS:
        title = SENTENCE_END.split(head, maxsplit=1)[0]
        return Fields(text=f"{head}\n\n{rest}", title=title, published=published)
    return Fields(text=rest, title=head or None, published=published)


def record_fields(line: bytes) -> Fields:
    """Read a JSON Lines record: `text` or `html`, and the optional fields that override extraction."""
    record = json.loads(line)
    url = _string(record.get("url"))
    if _string(record.get("html")):
        base = html_fields(record["html"], url=url)
    else:
        base = Fields(text=record["text"])
    return Fields(
        text=base.text,
        url=url or base.url,
        title=_string(record.get("title")) or base.title,
        author=_string(record.get("author")) or base.author,
        published=record_published(record) or base.published,
        outlet=_string(record.get("outlet")),
        language=normalise_code(_string(record.get("language"))),
    )


def record_published(record: dict[str, object]) -> Published | None:
    """Date a JSON Lines record by the first of `PUBLISHED_FIELDS` that parses."""
    return next(filter(None, (parse_published(record.get(key)) for key in PUBLISHED_FIELDS)), None)


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# --- one document, one batch -----------------------------------------------------------------------------

def document_fields(document: Document) -> Fields:
    """Read what a document says about its article, by its kind."""
    if document.kind == "record":
        return record_fields(document.body)
    meta = declared_charset(document.body) if document.kind == "html" else None
    try:
        text = decode(document.body, document.charset, meta)
    except EncodingError as err:
        raise NotAnArticle("bad_encoding", str(err)) from err
    if document.kind == "html":
        return with_hints(html_fields(text, url=document.url), document.hints)
    return plain_text_fields(text)


def clean_document(document: Document, settings: Settings) -> Candidate | Reject:
    """Turn one document into a cleaned candidate article, or a reject with its reason."""
    try:
        fields = document_fields(document)
    except NotAnArticle as err:
        return Reject.of(document.source_uri, STAGE, err.reason, err.detail, document.doc_key)
    except Exception as err:  # noqa: BLE001 - one bad page must never stop the batch
        return Reject.of(document.source_uri, STAGE, "extraction_error", f"{type(err).__name__}: {err}",
                         document.doc_key)
    title = normalise_text(fields.title)[:TITLE_MAX_CHARS] if fields.title else None
    text = without_headline(normalise_text(fields.text), title)
    if not text:
        return Reject.of(document.source_uri, STAGE, "empty_page", "no text", document.doc_key)
    words = len(text.split())
    if words < settings.min_article_words:
        return Reject.of(document.source_uri, STAGE, "no_article",
                         f"{words} words of main text, fewer than {settings.min_article_words}", document.doc_key)
    url = canonical_url(fields.url)
    published_at = plausible_date(fields.published_at, settings.future_date_tolerance_hours)
    precision = fields.published.precision if published_at and fields.published else None
    return Candidate(
        doc_key=document.doc_key,
        source_uri=document.source_uri,
        url=url,
        outlet=(fields.outlet or "").lower() or outlet_of(url),
        title=title or None,
        author=normalise_text(fields.author) if fields.author else None,
        published_at=published_at,
        language=fields.language or detect_language(title, text, settings.language_sample_chars,
                                                    settings.min_language_chars, fields.language_hint),
        text=text,
        word_count=words,
        content_hash=content_hash(text),
        published_precision=precision,
    )


_documents_since_reset = 0


def clean_chunk(documents: list[Document], settings: Settings) -> list[Candidate | Reject]:
    """Clean a list of documents in this process, resetting trafilatura's caches now and then."""
    global _documents_since_reset
    results = [clean_document(d, settings) for d in documents]
    _documents_since_reset += len(documents)
    if _documents_since_reset >= RESET_CACHES_EVERY_DOCUMENTS:
        reset_caches()
        _documents_since_reset = 0
    return results


_pool: ProcessPoolExecutor | None = None
_pool_workers = 0


def _exit_with_parent(parent_pid: int) -> None:
    """Watch, from a worker, that the run which started it is alive; exit when it is gone (killed, say)."""
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="copydesk-parent-watch", daemon=True).start()


def _worker_pool(workers: int) -> ProcessPoolExecutor:
    """Start (once) the worker processes; `spawn` because the parent runs Prefect's threads."""
    global _pool, _pool_workers
    if _pool is None or _pool_workers != workers:
        shutdown_pool()
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                                    initializer=_exit_with_parent, initargs=(os.getpid(),))
        _pool_workers = workers
    return _pool


@atexit.register
def shutdown_pool(kill: bool = False) -> None:
    """Stop the worker processes, if any were started; `kill` ends them mid-document (after a failure)."""
    global _pool
    if _pool is not None:
        if kill:  # Python 3.11 has no public way to end busy workers
            for process in list(_pool._processes.values()):  # noqa: SLF001
                process.kill()
        _pool.shutdown(cancel_futures=True)
        _pool = None


def _in_workers(chunks: list[list[Document]], settings: Settings) -> list[Candidate | Reject]:
    """Clean chunks in the worker processes, waiting in slices so that a stage timeout or an interrupt
    raised in this thread lands at once; then the workers are killed, since one may be stuck on a page."""
    pool = _worker_pool(settings.worker_count)
    try:
        futures = [pool.submit(clean_chunk, chunk, settings) for chunk in chunks]
        while wait(futures, timeout=WAIT_SLICE_SECONDS).not_done:
            pass
        return [r for future in futures for r in future.result()]
    except BaseException:
        shutdown_pool(kill=True)
        raise


def clean_batch(documents: list[Document], settings: Settings, pool: DaskPool | None = None
                ) -> tuple[list[Candidate], list[Reject]]:
    """Clean a batch of documents over `settings.worker_count` processes, or on the workers of a Dask
    `pool`, keeping their order. Documents with the same extraction key (the same bytes under another
    name) are extracted once."""
    keys = [d.extraction_key() for d in documents]
    firsts: dict[str, Document] = {}
    for key, document in zip(keys, documents):
        firsts.setdefault(key, document)
    unique = list(firsts.values())
    workers = pool.slots if pool else settings.worker_count
    if pool is None and (workers <= 1 or len(unique) < PARALLEL_MIN_DOCUMENTS):
        results = clean_chunk(unique, settings)
    else:
        size = max(1, -(-len(unique) // (workers * CHUNKS_PER_WORKER)))
        chunks = [unique[i:i + size] for i in range(0, len(unique), size)]
        results = ([r for chunk in pool.map(clean_chunk, chunks, settings=settings) for r in chunk] if pool
                   else _in_workers(chunks, settings))
    by_key = dict(zip(firsts, results))
    restated = [restate(by_key[key], d) for key, d in zip(keys, documents)]
    candidates = [r for r in restated if isinstance(r, Candidate)]
    rejects = [r for r in restated if isinstance(r, Reject)]
    return candidates, rejects


def restate(result: Candidate | Reject, document: Document) -> Candidate | Reject:
    """Give a twin's extraction result to a document with the same extraction key."""
    if result.doc_key == document.doc_key:
        return result
    return replace(result, doc_key=document.doc_key, source_uri=document.source_uri)
