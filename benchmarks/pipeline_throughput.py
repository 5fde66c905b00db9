"""Measure the whole pipeline: documents per second per stage, the Prefect flow end to end, peak memory.

Inputs are the real pages of ../shared/corpora (both extraction corpora) plus the seeds, repeated
`--copies` times (each copy is a distinct document whose canonical URL repeats, so it exercises reading,
cleaning, duplicate detection, the lake and the warehouse build). First `copydesk run` runs as a separate
process, as a user runs it (Prefect engine and temporary API server included), on a fresh warehouse and then
again on the same inputs (the rerun path), with its peak memory; then the stage functions are timed one by
one, in the flow's order, batch by batch, without Prefect.

    .venv/bin/python benchmarks/pipeline_throughput.py --copies 10
"""

from __future__ import annotations

import argparse
import gzip
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from copydesk.config import Settings
from copydesk.flows.pipeline import batched, group
from copydesk.records import Document, Reject
from copydesk.tasks.deduplicate import deduplicate
from copydesk.tasks.extract import clean_batch, shutdown_pool
from copydesk.tasks.read import iter_documents
from copydesk.tasks.stories import StoryIndex
from copydesk.warehouse.build import build_warehouse
from copydesk.warehouse.exports import export_tables
from copydesk.warehouse.lake import Lake, batch_tables, new_batch_id

KIB_PER_MIB = 1024


def write_inputs(corpora: Path, seeds: Path, copies: int, out: Path) -> int:
    """Write `copies` distinct copies of every real page (and the seeds) under `out`; return the count."""
    pages = sorted((corpora / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    pages += sorted((corpora / "fundus-evaluation" / "html").glob("*.html.gz"))
    count = 0
    for copy in range(copies):
        folder = out / f"copy{copy:03d}"
        folder.mkdir(parents=True)
        for page in pages:
            html = gzip.decompress(page.read_bytes())
            (folder / page.name.removesuffix(".gz")).write_bytes(f"<!-- copy {copy} -->\n".encode() + html)
            count += 1
        for seed in sorted(seeds.glob("*.txt")):
            (folder / seed.name).write_bytes(seed.read_bytes() + f"\n\nCopy {copy}.".encode())
            count += 1
    return count


def run_copydesk(inputs: Path, warehouse: Path, workers: int) -> tuple[float, float, str]:
    """Run `copydesk run` in a child process; return its seconds, the peak RSS (MiB) so far of any
    child process or worker, and its summary."""
    command = [str(Path(sys.executable).with_name("copydesk")), "run", str(inputs), "--warehouse", str(warehouse)]
    start = time.perf_counter()
    result = subprocess.run([*command, "--workers", str(workers)] if workers else command,
                            cwd=warehouse.parent, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / KIB_PER_MIB, result.stdout


def time_stages(inputs: Path, warehouse: Path, settings: Settings) -> dict[str, float]:
    """Run the stages in the flow's order, without Prefect, and time each."""
    seconds = dict.fromkeys(("read", "clean", "deduplicate", "group", "commit", "build", "export"), 0.0)
    lake = Lake(warehouse / "lake")
    index = StoryIndex()
    batches = batched(iter_documents([str(inputs)], settings.max_document_bytes), settings.batch_size_documents)
    while True:
        start = time.perf_counter()
        batch = next(batches, None)
        seconds["read"] += time.perf_counter() - start
        if batch is None:
            break
        documents = [d for d in batch if isinstance(d, Document)]
        start = time.perf_counter()
        candidates, rejects = clean_batch(documents, settings)
        seconds["clean"] += time.perf_counter() - start
        start = time.perf_counter()
        urls, hashes = lake.known_articles((c.url for c in candidates if c.url), (c.content_hash for c in candidates))
        kept, sources = deduplicate(candidates, urls, hashes)
        seconds["deduplicate"] += time.perf_counter() - start
        start = time.perf_counter()
        # the flow's own stage function, without Prefect
        articles, links, merges = group.fn(kept, lake, settings, index)
        seconds["group"] += time.perf_counter() - start
        start = time.perf_counter()
        batch_id = new_batch_id()
        read_rejects = [r for r in batch if isinstance(r, Reject)]
        lake.commit(batch_id, batch_tables(batch_id, documents, articles, sources, read_rejects + rejects,
                                           links=links, merges=merges))
        seconds["commit"] += time.perf_counter() - start
    start = time.perf_counter()
    report = build_warehouse(lake, warehouse)
    seconds["build"] = time.perf_counter() - start
    start = time.perf_counter()
    export_tables(report.path, warehouse / "exports")
    seconds["export"] = time.perf_counter() - start
    lake.close()
    shutdown_pool()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--seeds", type=Path, default=Path("../shared/seeds"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--workers", type=int, default=0, help="extraction processes (0: one per core)")
    args = parser.parse_args()
    settings = Settings(workers=args.workers)
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        root = Path(tmp)
        n = write_inputs(args.corpora, args.seeds, args.copies, root / "inputs")
        print(f"inputs: {n} documents ({args.copies} copies of the real pages and seeds), "
              f"{settings.worker_count} extraction workers")
        for label in ("copydesk run, fresh warehouse", "copydesk run, rerun (all known)"):
            seconds, peak, output = run_copydesk(root / "inputs", root / "flow", args.workers)
            new = next(line.split()[-1] for line in output.splitlines() if line.startswith("new articles"))
            print(f"{label:<32} {seconds:7.2f} s {n / seconds:8.1f} docs/s  new articles {new:>5}  "
                  f"peak RSS of a child so far {peak:.0f} MiB")
        stages = time_stages(root / "inputs", root / "stages", settings)
        total = sum(stages.values())
        print(f"{'stage (no Prefect)':<20} {'seconds':>8} {'docs/s':>9}")
        for stage, seconds in [*stages.items(), ("all stages", total)]:
            print(f"{stage:<20} {seconds:8.2f} {n / seconds if seconds else float('inf'):9.1f}")
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KIB_PER_MIB
        print(f"peak RSS of the stage-timing process: {own:.0f} MiB")


if __name__ == "__main__":
    main()
