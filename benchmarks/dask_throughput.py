"""Compare the default runner (a process pool) with the Dask runner (prefect-dask, a local cluster).

Inputs are the real pages of ../shared/corpora plus the seeds, repeated `--copies` times, as in
benchmarks/pipeline_throughput.py. First the CPU-heavy stages alone, without Prefect, on the same batches:
extraction (`clean_batch`) in this process, in the local pool of 2 processes, and on a local Dask cluster of
1 and of 2 worker processes, then the wire signatures of every kept text (`sketches`) here and on 2 Dask
workers (cluster start-up not included). Then `copydesk run` end to end, as a user runs it, on a fresh
warehouse with each runner (Prefect's temporary API server and the cluster's start-up included).
Each line gives wall seconds, documents per second and the CPU seconds spent by this process and every
process it started (the pools' and clusters' workers included, with their start-up and shutdown): on a
shared machine the wall time follows the other processes' load, the CPU time much less. For the Dask
runs, the CPU seconds of the work alone follow: in this process (scheduler, client, sending and receiving)
and in the workers (receiving, cleaning, sending back), start-up and shutdown left out. The machine's load
average is printed before and after.

    .venv/bin/python -m benchmarks.dask_throughput --copies 3
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.pipeline_throughput import write_inputs
from copydesk.cli import QUIET_CONSOLE
from copydesk.cluster import DaskPool, dask_pool
from copydesk.config import Settings
from copydesk.flows.pipeline import batched
from copydesk.records import Candidate, Document
from copydesk.tasks.extract import clean_batch, shutdown_pool
from copydesk.tasks.read import iter_documents
from copydesk.tasks.wire import sketches

WORKERS = 2


def load() -> str:
    return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def own_cpu_seconds() -> float:
    """CPU seconds of this process (run on a Dask worker: of the worker)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (and theirs)."""
    return sum(usage.ru_utime + usage.ru_stime for usage in (resource.getrusage(resource.RUSAGE_SELF),
                                                             resource.getrusage(resource.RUSAGE_CHILDREN)))


def timed(label: str, n: int, work: Callable[[], object]) -> object:
    """Run `work`, print its wall seconds, its rate and the CPU seconds it took; return its result."""
    cpu = cpu_seconds()
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:8.2f} s {n / seconds:9.1f} /s {cpu_seconds() - cpu:8.1f} CPU s", flush=True)
    return result


def clean_all(batches: Sequence[list[Document]], settings: Settings, pool: DaskPool | None = None
              ) -> list[Candidate]:
    return [c for batch in batches for c in clean_batch(batch, settings, pool)[0]]


def run_copydesk(inputs: Path, warehouse: Path, *flags: str) -> float:
    """Run `copydesk run` in a child process on a fresh warehouse; return its seconds."""
    command = [str(Path(sys.executable).with_name("copydesk")), "run", str(inputs), "--warehouse", str(warehouse),
               "--workers", str(WORKERS), *flags]
    start = time.perf_counter()
    subprocess.run(command, cwd=warehouse.parent, capture_output=True, text=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--seeds", type=Path, default=Path("../shared/seeds"))
    parser.add_argument("--copies", type=int, default=3)
    args = parser.parse_args()
    if not args.corpora.exists():
        sys.exit(f"{args.corpora} is absent: the shared corpora live in ../shared beside the repository")
    os.environ.update(QUIET_CONSOLE)   # cluster workers print to the console only what `copydesk run` would
    print(f"{os.cpu_count()} cores, {load()}")
    with tempfile.TemporaryDirectory(prefix="copydesk-dask-bench-") as tmp:
        root = Path(tmp)
        n = write_inputs(args.corpora, args.seeds, args.copies, root / "inputs")
        local = Settings(workers=WORKERS)
        batches = [[d for d in batch if isinstance(d, Document)] for batch in batched(
            iter_documents([str(root / "inputs")], local.max_document_bytes), local.batch_size_documents)]
        print(f"inputs: {n} documents in {len(batches)} batches of up to {local.batch_size_documents}")

        print("extraction (clean_batch), no Prefect; CPU with the workers' start-up and shutdown:")
        timed("  in this process", n, lambda: clean_all(batches, Settings(workers=1)))

        def in_local_pool() -> list[Candidate]:
            try:
                return clean_all(batches, local)
            finally:
                shutdown_pool()

        kept = timed(f"  local pool, {WORKERS} processes", n, in_local_pool)
        texts = [c.text for c in kept]  # type: ignore[attr-defined]
        for workers in (1, WORKERS):
            cpu = cpu_seconds()
            with dask_pool(Settings(runner="dask", workers=workers)) as pool:
                before, here = pool.client.run(own_cpu_seconds), own_cpu_seconds()
                start = time.perf_counter()
                clean_all(batches, local, pool)
                seconds = time.perf_counter() - start
                here, after = own_cpu_seconds() - here, pool.client.run(own_cpu_seconds)
            in_workers = sum(after.values()) - sum(before.values())
            print(f"{f'  Dask, local cluster of {workers} worker(s)':<44} {seconds:8.2f} s {n / seconds:9.1f} /s "
                  f"{cpu_seconds() - cpu:8.1f} CPU s (work: {here:.1f} here, {in_workers:.1f} in the workers)",
                  flush=True)
        print(f"wire signatures of the {len(texts)} kept texts (CPU of the cluster not counted):")
        timed("  in this process", len(texts), lambda: sketches(texts))
        with dask_pool(Settings(runner="dask", workers=WORKERS)) as pool:
            timed(f"  Dask, local cluster of {WORKERS} workers", len(texts), lambda: pool.sketches(texts))

        print("copydesk run, fresh warehouse (Prefect server and cluster start-up included):")
        for label, flags in (("default runner (local pool)", ()), ("--runner dask (local cluster)", ("--runner", "dask"))):
            folder = root / label.split()[0].strip("-")
            folder.mkdir()
            cpu = cpu_seconds()
            seconds = run_copydesk(root / "inputs", folder / "data", *flags)
            print(f"  {label:<42} {seconds:8.2f} s {n / seconds:9.1f} /s {cpu_seconds() - cpu:8.1f} CPU s",
                  flush=True)
    print(load())


if __name__ == "__main__":
    main()
