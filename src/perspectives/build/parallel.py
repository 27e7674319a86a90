"""Running a build's jobs: in this process for small builds, else on a pool of worker processes."""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Any, TypeVar

from perspectives.build.rows import Rows
from perspectives.build.work import Stages
from perspectives.config import Config

Task = TypeVar("Task")
# A job: compiled stages and a chunk of tasks in, table rows out.
Job = Callable[[Stages, Any], Rows]

# Below this many tasks, starting worker processes costs more than it saves.
PARALLEL_MIN = 50
# Several chunks per worker keep every core busy to the end and the progress bar moving.
CHUNKS_PER_WORKER = 4
MAX_CHUNK = 100


def worker_count(workers: int | None, n_tasks: int) -> int:
    """The processes to use: as asked, else one per core, or one (this process) for a small build."""
    if workers is not None:
        return max(1, workers)
    if n_tasks < PARALLEL_MIN:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunks(tasks: Sequence[Task], workers: int) -> list[list[Task]]:
    """The tasks cut into chunks, several per worker and none over MAX_CHUNK."""
    size = max(1, min(MAX_CHUNK, math.ceil(len(tasks) / (workers * CHUNKS_PER_WORKER))))
    return [list(tasks[i:i + size]) for i in range(0, len(tasks), size)]


def run_jobs(config: Config, jobs: list[tuple[Job, list[Any]]], workers: int,
             advance: Callable[[list[Any]], None]) -> list[Rows]:
    """Every job's rows, in job order; ``advance`` hears of each chunk as it finishes."""
    if workers <= 1:
        stages = Stages.from_config(config)
        results = []
        for job, chunk in jobs:
            results.append(job(stages, chunk))
            advance(chunk)
        return results
    # forkserver, not fork: the dashboard builds from a thread, and forking a threaded process can deadlock.
    # Nothing is preloaded into the server: it outlives the pool, and with the stages imported it held
    # 110 MB through the assembly of the tables, the build's peak of memory; each worker imports them once.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context, initializer=_init_worker,
                             initargs=(config,)) as pool:
        futures: dict[Future[Rows], list[Any]] = {pool.submit(_in_worker, job, chunk): chunk for job, chunk in jobs}
        for future in as_completed(futures):
            advance(futures[future])
        return [future.result() for future in futures]


_WORKER_STAGES: Stages | None = None


def _init_worker(config: Config) -> None:
    """Compile the config's rules once in each worker process."""
    global _WORKER_STAGES
    _WORKER_STAGES = Stages.from_config(config)


def _in_worker(job: Job, chunk: list[Any]) -> Rows:
    assert _WORKER_STAGES is not None, "worker started without _init_worker"
    return job(_WORKER_STAGES, chunk)
