"""Stop the helper processes of a run that was killed outright.

`copydesk run` starts processes that do not watch it: Prefect's temporary API server (when no
`PREFECT_API_URL` is set) and, with the Dask runner, a local cluster. A run ended by SIGKILL cannot stop
them, so each would live on. `start_reaper()` starts one small process per run (`python -m copydesk.reaper
PID`, in its own session so that Ctrl-C and a kill of the run's process group leave it be) that notes the
run's children every POLL_SECONDS while it lives; once it is gone, it sends them SIGTERM, then SIGKILL after
TERM_GRACE_SECONDS. A child is only signalled while its start time is the one noted (pids are reused).
Linux only (it reads /proc); elsewhere nothing is started.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

POLL_SECONDS = 1.0
TERM_GRACE_SECONDS = 5.0
PROC = Path("/proc")
PROC_SELF = PROC / "self" / "stat"   # there on Linux, where processes and their start times can be read
_started = False


def start_reaper() -> None:
    """Start the reaper of this process's children, once per process (on Linux)."""
    global _started
    if _started or not PROC_SELF.exists():
        return
    subprocess.Popen([sys.executable, "-m", "copydesk.reaper", str(os.getpid())], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    _started = True


def proc_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses): [0] is
    field 3 (the state), [1] the parent pid, [19] field 22 (the start time, in clock ticks since boot).
    None when there is no such process."""
    try:
        return (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def stat(pid: int) -> tuple[int, str] | None:
    """The parent pid and start time of a process, or None when it is gone."""
    fields = proc_fields(pid)
    return (int(fields[1]), fields[19]) if fields else None


def children(parent: int) -> dict[int, str]:
    """The processes whose parent is `parent`, with their start times."""
    found = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit() and (info := stat(int(entry.name))) and info[0] == parent:
            found[int(entry.name)] = info[1]
    return found


def signal_all(processes: dict[int, str], signum: int) -> dict[int, str]:
    """Send a signal to the processes that still run with their noted start times; return those."""
    alive = {}
    for pid, started in processes.items():
        if (info := stat(pid)) and info[1] == started:
            try:
                os.kill(pid, signum)
            except OSError:
                continue
            alive[pid] = started
    return alive


def watch(parent: int) -> None:
    """Note the children of `parent` while it lives (this process is one of them); then stop them."""
    noted: dict[int, str] = {}
    while os.getppid() == parent:
        noted = {pid: started for pid, started in children(parent).items() if pid != os.getpid()}
        time.sleep(POLL_SECONDS)
    alive = signal_all(noted, signal.SIGTERM)
    deadline = time.monotonic() + TERM_GRACE_SECONDS
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = {pid: started for pid, started in alive.items() if (info := stat(pid)) and info[1] == started}
    signal_all(alive, signal.SIGKILL)


if __name__ == "__main__":
    watch(int(sys.argv[1]))
