"""Benchmark measurements of a whole process: wall seconds and the peak memory of its process tree.

Every figure of the benchmark comes from a fresh process (the CLI build, the floor, the dashboard under
AppTest), so interpreter start-up and imports are paid as a user pays them, and nothing stays warm in the
process that measures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
# Often enough to catch a build's peak, rarely enough that the sampler takes no core from a 2-core build.
SAMPLE_EVERY_S = 0.05


@dataclass(frozen=True)
class Run:
    """One finished process: wall seconds, peak resident MB of its tree, and what it printed."""

    seconds: float
    peak_rss_mb: float
    stdout: str


def run_process(args: list[str]) -> Run:
    """Run ``python args…`` to completion; raises with its stderr when it fails.

    The tree's peak is the larger of two figures: the sum of every descendant's RSS, sampled (workers and the
    forkserver included, shared pages counted once per process, so it errs high), and the kernel's exact peak
    of the single largest process it waited for, which catches a spike between two samples.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *args], stdout=out, stderr=err, text=True)
        sampler = _Sampler(proc.pid)
        sampler.start()
        # wait4, not proc.wait(): its rusage is this child's alone, where RUSAGE_CHILDREN mixes in earlier runs.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{err.read()[-3000:]}")
        # ru_maxrss is in KiB on Linux.
        peak = max(sampler.peak, usage.ru_maxrss * 1024)
        return Run(seconds, peak / 2**20, out.read())


def cli_build(config: Path) -> Run:
    """``perspectives build --config`` as a user runs it."""
    return run_process(["-m", "perspectives", "build", "--config", str(config)])


class _Sampler(threading.Thread):
    """Samples the resident bytes of a process tree until stopped; keeps the largest sum seen."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, sum(map(_rss, _tree(self.pid))))
            self._done.wait(SAMPLE_EVERY_S)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    """The process and all its descendants, through /proc/<pid>/task/<tid>/children (no scan of all of /proc)."""
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except (OSError, ValueError):
                continue
            found += children
            frontier += children
    return found


def _rss(pid: int) -> int:
    """Resident bytes of one process; 0 once it has gone."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0
