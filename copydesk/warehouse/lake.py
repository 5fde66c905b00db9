"""The Parquet lake: the system of record, append-only, one committed batch at a time.

Layout under the lake's root (`DIR/lake/` by default; any folder or URI pyarrow opens, such as
`s3://bucket/prefix`):
    <table>/<batch_id>.parquet     one file per table per batch (zstd)
    _manifests/<batch_id>.json     written last: a batch exists only once its manifest does
Every file is written to a temporary name and moved into place (a rename on a local disk, a server-side
copy on an object store: either way the file appears whole or not at all), so a crash leaves either nothing
or whole files; files that no manifest names (a crashed batch) are removed when the lake is opened.
Everything goes through one pyarrow filesystem: DuckDB reads the committed files as pyarrow datasets.
Rows are never rewritten: a later decision on an article (`wire_links`) is a row of a later batch, and
the latest one wins when the articles are read (`current_sql`); so is a later merge of two stories
(`story_merges`), which the articles' story ids follow when read.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from copydesk.crashpoints import crash_point
from copydesk.records import (Article, ArticleSource, Candidate, Document, Poll, Reject, StoryMerge,
                              WireLink, utc_now)
from copydesk.tasks.stories import StoryText
from copydesk.tasks.wire import SKETCH_VERSION, WireText

UTC_MICROS = pa.timestamp("us", tz="UTC")
LAKE_WRITE = "lake-write"        # the crash point of a lake file written but not yet renamed into place
PARQUET_COMPRESSION = "zstd"
MANIFESTS = "_manifests"
BATCH_TIME_FORMAT = "%Y%m%dT%H%M%S%fZ"     # batch ids start with their UTC time in this form
MAX_MERGE_CHAIN = 10_000       # merges followed from one story at most (a guard; chains never loop)

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_key", pa.string()), ("source_uri", pa.string()), ("kind", pa.string()), ("url", pa.string()),
        ("charset", pa.string()), ("body", pa.large_binary()), ("read_at", UTC_MICROS), ("batch_id", pa.string()),
        ("http_status", pa.int32()), ("http_headers", pa.string()), ("hints", pa.string()),
        ("extraction_key", pa.string()),
    ]),
    "articles": pa.schema([
        ("article_id", pa.string()), ("url", pa.string()), ("source_uri", pa.string()), ("outlet", pa.string()),
        ("title", pa.string()), ("author", pa.string()), ("published_at", UTC_MICROS), ("language", pa.string()),
        ("text", pa.large_string()), ("word_count", pa.int32()), ("wire_cluster_id", pa.string()),
        ("story_id", pa.string()), ("content_hash", pa.string()), ("doc_key", pa.string()),
        ("batch_id", pa.string()), ("ingested_at", UTC_MICROS),
        ("wire_similarity", pa.float64()), ("wire_agency", pa.string()), ("reused_share", pa.float64()),
        ("wire_signature", pa.binary()), ("wire_shingles", pa.int32()), ("wire_sketch_version", pa.int32()),
        ("wire_origin_id", pa.string()), ("published_precision", pa.string()),
    ]),
    "wire_links": pa.schema([  # later lineage decisions: an earlier copy became the cluster's origin
        ("article_id", pa.string()), ("wire_cluster_id", pa.string()), ("wire_origin_id", pa.string()),
        ("wire_similarity", pa.float64()), ("batch_id", pa.string()),
    ]),
    "story_merges": pa.schema([  # later story decisions: a story is one with another, takes its id
        ("story_id", pa.string()), ("merged_into", pa.string()), ("batch_id", pa.string()),
        ("decided_at", UTC_MICROS),
    ]),
    "article_sources": pa.schema([
        ("source_uri", pa.string()), ("article_id", pa.string()), ("duplicate_kind", pa.string()),
        ("doc_key", pa.string()), ("batch_id", pa.string()),
    ]),
    "rejects": pa.schema([
        ("source_uri", pa.string()), ("stage", pa.string()), ("reason", pa.string()), ("detail", pa.string()),
        ("rejected_at", UTC_MICROS), ("doc_key", pa.string()), ("batch_id", pa.string()),
    ]),
    "fetches": pa.schema([    # each poll of a feed or sitemap, with the validators for the next conditional GET
        ("url", pa.string()), ("kind", pa.string()), ("status", pa.int32()), ("etag", pa.string()),
        ("last_modified", pa.string()), ("polled_at", UTC_MICROS), ("batch_id", pa.string()),
    ]),
}


class LakeError(RuntimeError):
    """The lake cannot be read or written; the message names the file."""


def new_batch_id() -> str:
    """Name a batch so that names sort in commit order."""
    return f"{utc_now():{BATCH_TIME_FORMAT}}-{secrets.token_hex(3)}"


def first_batch_id(since: datetime) -> str:
    """The smallest id a batch named at or after `since` can have: a run's batches sort at or after it."""
    return f"{since:{BATCH_TIME_FORMAT}}"


def open_filesystem(root: str | Path) -> tuple[pafs.FileSystem, str]:
    """The pyarrow filesystem and base path of a lake root: a local folder, or a URI (`s3://bucket/prefix`,
    `gs://…`, `file:///…`) with its filesystem's options in the query string."""
    if "://" in str(root):
        filesystem, base = pafs.FileSystem.from_uri(str(root))
        return filesystem, base.rstrip("/")
    return pafs.LocalFileSystem(), str(Path(root).absolute())


def write_atomic(filesystem: pafs.FileSystem, path: str, write: Callable[[pa.NativeFile], None]) -> None:
    """Write a file through `write(stream)` under a temporary name, then move it into place (fsynced first
    on a local disk; an object store keeps an object once its upload is acknowledged). The kill tests'
    LAKE_WRITE crash point lies between the two."""
    parent, _, name = path.rpartition("/")
    filesystem.create_dir(parent, recursive=True)
    tmp = f"{parent}/.{name}.{secrets.token_hex(4)}.tmp"
    try:
        with filesystem.open_output_stream(tmp) as stream:
            write(stream)
        if isinstance(filesystem, pafs.LocalFileSystem):
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        crash_point(LAKE_WRITE)
        filesystem.move(tmp, path)
    except BaseException:
        if filesystem.get_file_info(tmp).type != pafs.FileType.NotFound:
            filesystem.delete_file(tmp)
        raise


def batch_tables(batch_id: str, documents: Sequence[Document] = (), articles: Sequence[Article] = (),
                 sources: Sequence[ArticleSource] = (), rejects: Sequence[Reject] = (),
                 polls: Sequence[Poll] = (), links: Sequence[WireLink] = (),
                 merges: Sequence[StoryMerge] = ()) -> dict[str, pa.Table]:
    """Lay one batch's records out as Arrow tables in the lake's schemas."""
    now = utc_now()
    rows: dict[str, list[dict[str, object]]] = {
        "documents": [{"doc_key": d.doc_key, "source_uri": d.source_uri, "kind": d.kind, "url": d.url,
                       "charset": d.charset, "body": d.body, "read_at": d.read_at, "http_status": d.status,
                       "http_headers": d.headers, "hints": d.hints, "extraction_key": d.extraction_key()}
                      for d in documents],
        "articles": [{"article_id": a.article_id, "url": a.candidate.url, "source_uri": a.candidate.source_uri,
                      "outlet": a.candidate.outlet, "title": a.candidate.title, "author": a.candidate.author,
                      "published_at": a.candidate.published_at, "language": a.candidate.language,
                      "text": a.candidate.text, "word_count": a.candidate.word_count,
                      "wire_cluster_id": a.wire_cluster_id, "story_id": a.story_id,
                      "content_hash": a.candidate.content_hash, "doc_key": a.candidate.doc_key,
                      "ingested_at": now, "wire_similarity": a.wire_similarity, "wire_agency": a.wire_agency,
                      "reused_share": a.reused_share, "wire_signature": a.wire_signature,
                      "wire_shingles": a.wire_shingles, "wire_sketch_version": SKETCH_VERSION,
                      "wire_origin_id": a.wire_origin_id,
                      "published_precision": a.candidate.published_precision} for a in articles],
        "article_sources": [{"source_uri": s.source_uri, "article_id": s.article_id,
                             "duplicate_kind": s.duplicate_kind, "doc_key": s.doc_key} for s in sources],
        "rejects": [{"source_uri": r.source_uri, "stage": r.stage, "reason": r.reason, "detail": r.detail,
                     "rejected_at": r.rejected_at, "doc_key": r.doc_key} for r in rejects],
        "fetches": [{"url": p.url, "kind": p.kind, "status": p.status, "etag": p.etag,
                     "last_modified": p.last_modified, "polled_at": p.polled_at} for p in polls],
        "wire_links": [{"article_id": w.article_id, "wire_cluster_id": w.wire_cluster_id,
                        "wire_origin_id": w.wire_origin_id, "wire_similarity": w.wire_similarity} for w in links],
        "story_merges": [{"story_id": m.story_id, "merged_into": m.merged_into, "decided_at": now}
                         for m in merges],
    }
    for table_rows in rows.values():
        for row in table_rows:
            row["batch_id"] = batch_id
    return {name: pa.Table.from_pylist(rows[name], schema=schema) for name, schema in SCHEMAS.items()}


class Lake:
    """The committed batches under one folder or URI, and the history queries the stages need.

    `root`: a local folder or a URI pyarrow opens; or, with `filesystem`, a path inside that filesystem.
    """

    def __init__(self, root: str | Path, filesystem: pafs.FileSystem | None = None) -> None:
        self.root = root
        self.filesystem, self.base = (filesystem, str(root).rstrip("/")) if filesystem else open_filesystem(root)
        self.filesystem.create_dir(f"{self.base}/{MANIFESTS}", recursive=True)
        self._con = duckdb.connect()
        self._manifests: dict[str, dict[str, object]] = {}
        self.refresh()
        self.remove_uncommitted()

    # -- batches ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the manifests: the committed batches."""
        manifests = {}
        for info in self._listing(MANIFESTS):
            if info.extension == "json" and not info.base_name.startswith("."):
                try:
                    with self.filesystem.open_input_stream(info.path) as stream:
                        manifest = json.loads(stream.read())
                    if not isinstance(manifest, dict) or not isinstance(manifest.get("rows"), dict):
                        raise ValueError("no row counts by table")
                except (OSError, ValueError) as err:
                    raise LakeError(f"corrupt lake manifest {info.path}: {err}") from err
                manifests[info.base_name.removesuffix(".json")] = manifest
        self._manifests = manifests

    def _listing(self, folder: str) -> list[pafs.FileInfo]:
        """The files in a folder of the lake (none when it does not exist)."""
        selector = pafs.FileSelector(f"{self.base}/{folder}", allow_not_found=True)
        return [info for info in self.filesystem.get_file_info(selector) if info.type == pafs.FileType.File]

    @property
    def batch_ids(self) -> list[str]:
        return sorted(self._manifests)

    def path(self, table: str, batch_id: str) -> str:
        """Where a batch's file of a table lies, in the lake's filesystem."""
        return f"{self.base}/{table}/{batch_id}.parquet"

    def files(self, table: str) -> list[str]:
        """The committed Parquet files of a table, oldest batch first (batches older than a table have none)."""
        return [self.path(table, batch_id) for batch_id in self.batch_ids
                if table in self._manifests[batch_id]["rows"]]  # type: ignore[operator]

    def remove_uncommitted(self) -> list[str]:
        """Delete what a crashed run left: temporary files and files of batches with no manifest."""
        removed = []
        for folder in [*SCHEMAS, MANIFESTS]:
            for info in self._listing(folder):
                if info.extension == "tmp" or (folder != MANIFESTS and info.extension == "parquet"
                                               and info.base_name.removesuffix(".parquet") not in self._manifests):
                    self.filesystem.delete_file(info.path)
                    removed.append(info.path)
        return removed

    def commit(self, batch_id: str, tables: dict[str, pa.Table]) -> None:
        """Write every table of a batch, then its manifest: the batch becomes visible all at once."""
        counts = {}
        for name, table in tables.items():
            write_atomic(self.filesystem, self.path(name, batch_id),
                         lambda stream, t=table: pq.write_table(t, stream, compression=PARQUET_COMPRESSION))
            counts[name] = table.num_rows
        manifest = {"batch_id": batch_id, "committed_at": utc_now().isoformat(), "rows": counts}
        write_atomic(self.filesystem, f"{self.base}/{MANIFESTS}/{batch_id}.json",
                     lambda stream: stream.write(json.dumps(manifest, indent=1).encode()))
        self._manifests[batch_id] = manifest
        crash_point("lake-commit")

    # -- reading history --------------------------------------------------------------------------------
    def dataset(self, table: str, files: Sequence[str] | None = None) -> ds.Dataset:
        """A table's committed files (or these files of it) as a pyarrow dataset with its current schema:
        older batches lack the columns added since, which read as NULL."""
        return ds.FileSystemDataset.from_paths(list(self.files(table) if files is None else files),
                                               schema=SCHEMAS[table], format=ds.ParquetFileFormat(),
                                               filesystem=self.filesystem)

    def scan_sql(self, table: str, con: duckdb.DuckDBPyConnection | None = None,
                 batches: Collection[str] | None = None) -> str:
        """A table expression over a table's committed files (or those of these batches only) for `con`, with
        every column of its schema."""
        if batches is None:
            name, files = f"lake_{table}", None
        else:
            name = f"lake_{table}_batches"
            files = [self.path(table, batch_id) for batch_id in sorted(batches)
                     if table in self._manifests[batch_id]["rows"]]  # type: ignore[operator]
        (con or self._con).register(name, self.dataset(table, files))
        return name

    def merged_stories_sql(self, con: duckdb.DuckDBPyConnection | None = None) -> str:
        """A table expression (story_id, final_id): every merged story and the story it is part of
        now, following its merges transitively (a story merges once; should it be named twice, the
        latest batch's row wins)."""
        return f"""(
            WITH RECURSIVE merged AS (
                SELECT story_id, arg_max(merged_into, batch_id) AS merged_into
                FROM {self.scan_sql("story_merges", con)} GROUP BY story_id
            ), chain(story_id, final_id, depth) AS (
                SELECT story_id, merged_into, 1 FROM merged
                UNION ALL
                SELECT chain.story_id, merged.merged_into, chain.depth + 1
                FROM chain JOIN merged ON merged.story_id = chain.final_id
                WHERE chain.depth < {MAX_MERGE_CHAIN}
            )
            SELECT story_id, arg_max(final_id, depth) AS final_id FROM chain GROUP BY story_id
        )"""

    def stories_sql(self, con: duckdb.DuckDBPyConnection | None = None) -> str:
        """A table expression over the stored articles, with their story as merged since stored."""
        return f"""(
            SELECT a.* REPLACE (coalesce(m.final_id, a.story_id) AS story_id)
            FROM {self.scan_sql("articles", con)} AS a
            LEFT JOIN {self.merged_stories_sql(con)} AS m ON m.story_id = a.story_id
        )"""

    def current_sql(self, table: str, con: duckdb.DuckDBPyConnection | None = None) -> str:
        """A table expression over a table as it stands now: articles with their latest lineage
        decision and their story as merged (`stories_sql`).

        An article's origin and similarity are those of its latest `wire_links` row, else its own. Articles
        of batches older than lineage name no origin: theirs is the cluster's earliest member, with the
        similarity measured when they were grouped (1 for the origin itself).
        """
        if table != "articles":
            return self.scan_sql(table, con)
        return f"""(
            WITH latest AS (
                SELECT article_id, arg_max(wire_origin_id, batch_id) AS origin_id,
                       arg_max(wire_similarity, batch_id) AS similarity
                FROM {self.scan_sql("wire_links", con)} GROUP BY article_id
            ), decided AS (
                SELECT a.* REPLACE (coalesce(l.origin_id, a.wire_origin_id) AS wire_origin_id,
                                    coalesce(l.similarity, a.wire_similarity) AS wire_similarity),
                       first_value(a.article_id) OVER (PARTITION BY a.wire_cluster_id
                           ORDER BY a.published_at ASC NULLS LAST, a.article_id) AS earliest_id
                FROM {self.stories_sql(con)} AS a LEFT JOIN latest AS l USING (article_id)
            )
            SELECT * EXCLUDE (earliest_id) REPLACE (
                coalesce(wire_origin_id, earliest_id) AS wire_origin_id,
                CASE WHEN wire_origin_id IS NULL AND earliest_id = article_id THEN 1.0
                     ELSE wire_similarity END AS wire_similarity)
            FROM decided
        )"""

    def query(self, sql: str, **arrays: Iterable[str]) -> list[tuple[object, ...]]:
        """Run SQL over the lake; keyword arguments become one-column tables `name(value)` to join with."""
        for name, values in arrays.items():
            self._con.register(name, pa.table({"value": pa.array(list(values), pa.string())}))
        try:
            return self._con.sql(sql).fetchall()
        except duckdb.Error as err:
            raise LakeError(f"cannot read the lake under {self.root}: {err}") from err

    def known_doc_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these documents were already read in an earlier batch (as articles, duplicates or rejects)."""
        rows = self.query(
            f"SELECT doc_key FROM {self.scan_sql('documents')} WHERE doc_key IN (SELECT value FROM keys) "
            f"UNION SELECT doc_key FROM {self.scan_sql('rejects')} WHERE doc_key IN (SELECT value FROM keys)",
            keys=keys)
        return {r[0] for r in rows}

    def extracted(self, documents: Sequence[Document]) -> dict[str, Candidate | Reject]:
        """Recall what earlier documents with the same extraction key became, for these documents (by doc_key):
        the article one was kept as, or its extract-stage reject, restated for the new document. Documents
        whose twin only duplicated an article, or was stored before keys were kept, are not recalled."""
        by_key: dict[str, list[Document]] = {}
        for document in documents:
            by_key.setdefault(document.extraction_key(), []).append(document)
        twins = self.query(  # extraction key -> the earliest document stored with it, and its batch
            f"SELECT extraction_key, min_by(doc_key, batch_id), min(batch_id) FROM {self.scan_sql('documents')} "
            f"WHERE extraction_key IN (SELECT value FROM keys) GROUP BY 1", keys=by_key)
        if not twins:
            return {}
        key_of = {str(doc_key): str(key) for key, doc_key, _ in twins}
        batches = {str(batch_id) for _, _, batch_id in twins}  # a document's article and reject share its batch
        outcomes: dict[str, Candidate | Reject] = {}
        rows = self.query(
            "SELECT doc_key, url, outlet, title, author, published_at, language, text, word_count, "
            "content_hash, published_precision "
            f"FROM {self.scan_sql('articles', batches=batches)} WHERE doc_key IN (SELECT value FROM twins)",
            twins=key_of)
        for row in rows:
            (url, outlet, title, author, published_at, language, text, word_count, text_hash,
             precision) = row[1:]
            for document in by_key[key_of[str(row[0])]]:
                outcomes[document.doc_key] = Candidate(  # type: ignore[arg-type]
                    document.doc_key, document.source_uri, url, outlet, title, author,
                    published_at.astimezone(timezone.utc) if published_at else None,  # type: ignore[attr-defined]
                    language, text, word_count, text_hash, precision)
        for doc_key, reason, detail in self.query(
                f"SELECT doc_key, reason, detail FROM {self.scan_sql('rejects', batches=batches)} "
                f"WHERE stage = 'extract' AND doc_key IN (SELECT value FROM twins)", twins=key_of):
            for document in by_key[key_of[str(doc_key)]]:
                outcomes[document.doc_key] = Reject.of(document.source_uri, "extract", str(reason), str(detail),
                                                       document.doc_key)
        return outcomes

    def known_articles(self, urls: Iterable[str], hashes: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
        """Map canonical URLs and content hashes already in the lake to their article ids."""
        scan = self.scan_sql("articles")
        by_url = self.query(f"SELECT url, article_id FROM {scan} WHERE url IN (SELECT value FROM urls)", urls=urls)
        by_hash = self.query(f"SELECT content_hash, min_by(article_id, batch_id) FROM {scan} "
                             f"WHERE content_hash IN (SELECT value FROM hashes) GROUP BY 1", hashes=hashes)
        return dict(by_url), dict(by_hash)  # type: ignore[arg-type]

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of these URLs were fetched or stored before (as a source, a final URL, or an article URL)."""
        rows = self.query(
            f"SELECT source_uri FROM {self.scan_sql('documents')} WHERE source_uri IN (SELECT value FROM urls) "
            f"UNION SELECT url FROM {self.scan_sql('documents')} WHERE url IN (SELECT value FROM urls) "
            f"UNION SELECT url FROM {self.scan_sql('articles')} WHERE url IN (SELECT value FROM urls)", urls=urls)
        return {r[0] for r in rows}

    def wire_history(self, since: datetime) -> list[WireText]:
        """The articles published (or, undated, ingested) since a moment: what new articles are compared with."""
        rows = self.query(
            f"SELECT article_id, text, published_at, outlet, wire_cluster_id, "
            f"CASE WHEN wire_sketch_version = {SKETCH_VERSION} THEN wire_signature END, "
            f"coalesce(wire_shingles, 0) FROM {self.scan_sql('articles')} "
            f"WHERE coalesce(published_at, ingested_at) >= '{since.isoformat()}'::TIMESTAMPTZ "
            f"ORDER BY batch_id, article_id")
        return [WireText(*row[:5], np.frombuffer(row[5], dtype=np.uint32) if row[5] else None,  # type: ignore[arg-type]
                         int(row[6])) for row in rows]

    def story_history(self, since: datetime) -> list[StoryText]:
        """The articles of the stories active since a moment (an article published, or undated ingested, since),
        in commit order with their batch and their story as merged."""
        scan = self.stories_sql()
        rows = self.query(
            f"WITH active AS (SELECT DISTINCT story_id FROM {scan} "
            f"WHERE coalesce(published_at, ingested_at) >= '{since.isoformat()}'::TIMESTAMPTZ) "
            f"SELECT article_id, title, text, language, published_at, wire_cluster_id, story_id, batch_id "
            f"FROM {scan} WHERE story_id IN (SELECT story_id FROM active) ORDER BY batch_id, article_id")
        return [StoryText(*row) for row in rows]  # type: ignore[arg-type]

    def wire_stories(self, cluster_ids: Iterable[str]) -> dict[str, str]:
        """The story of each of these wire clusters that the lake holds (as merged)."""
        rows = self.query(f"SELECT wire_cluster_id, any_value(story_id) FROM {self.stories_sql()} "
                          f"WHERE wire_cluster_id IN (SELECT value FROM clusters) GROUP BY 1", clusters=cluster_ids)
        return dict(rows)  # type: ignore[arg-type]

    def wire_origins(self, cluster_ids: Collection[str], known: Sequence[WireText] = ()) -> dict[str, WireText]:
        """The origin of each stored cluster: its earliest published member (undated last, ties by article_id).

        Texts come from `known` (the history in hand) when the origin is there, else from its batch's file.
        """
        rows = self.query(
            f"SELECT article_id, published_at, outlet, wire_cluster_id, batch_id FROM {self.scan_sql('articles')} "
            f"WHERE wire_cluster_id IN (SELECT value FROM clusters) QUALIFY row_number() OVER ("
            f"PARTITION BY wire_cluster_id ORDER BY published_at ASC NULLS LAST, article_id) = 1",
            clusters=cluster_ids)
        return {origin.cluster_id or "": origin for origin in self._wire_texts(rows, known)}

    def wire_members(self, cluster_ids: Collection[str], known: Sequence[WireText] = ()) -> list[WireText]:
        """Every stored copy of these clusters, ordered by article id (texts as in `wire_origins`)."""
        rows = self.query(
            f"SELECT article_id, published_at, outlet, wire_cluster_id, batch_id FROM {self.scan_sql('articles')} "
            f"WHERE wire_cluster_id IN (SELECT value FROM clusters) ORDER BY article_id", clusters=cluster_ids)
        return self._wire_texts(rows, known)

    def _wire_texts(self, rows: Sequence[tuple[object, ...]], known: Sequence[WireText]) -> list[WireText]:
        """WireTexts of (article_id, published_at, outlet, wire_cluster_id, batch_id) rows: texts from `known`,
        else read from the rows' own batch files only (not a scan of every article's text)."""
        texts = {item.article_id: item.text for item in known}
        missing = [row for row in rows if row[0] not in texts]
        if missing:
            scan = self.scan_sql("articles", batches={str(row[4]) for row in missing})
            texts |= dict(self.query(  # type: ignore[arg-type]
                f"SELECT article_id, text FROM {scan} WHERE article_id IN (SELECT value FROM ids)",
                ids=[str(row[0]) for row in missing]))
        return [WireText(row[0], texts[row[0]], row[1], row[2], row[3]) for row in rows]  # type: ignore[arg-type]

    def last_polls(self) -> dict[str, Poll]:
        """The latest poll of every feed and sitemap, with the newest validators seen, for conditional GET."""
        rows = self.query(
            "SELECT url, arg_max(kind, polled_at), arg_max(status, polled_at), "
            "arg_max(etag, polled_at) FILTER (WHERE etag IS NOT NULL), "
            "arg_max(last_modified, polled_at) FILTER (WHERE last_modified IS NOT NULL), max(polled_at) "
            f"FROM {self.scan_sql('fetches')} WHERE status IN (200, 304) GROUP BY url")
        return {row[0]: Poll(*row) for row in rows}  # type: ignore[arg-type]

    def close(self) -> None:
        self._con.close()
