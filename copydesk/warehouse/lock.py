"""Let one run at a time write a warehouse folder: an exclusive lock that dies with its process."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".copydesk.lock"


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


@contextmanager
def warehouse_lock(warehouse_dir: Path) -> Iterator[None]:
    """Hold the warehouse folder's lock for the duration; fail at once, naming the holder, if it is taken."""
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    path = warehouse_dir / LOCK_FILE
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise WarehouseBusy(f"another copydesk run (pid {holder}) is writing {warehouse_dir}; "
                                "wait for it to finish") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
