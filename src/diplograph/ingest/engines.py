"""Running the batch work: in this process, on local worker processes, or on a Dask cluster.

Each engine maps :func:`diplograph.ingest.work.process` over the batches and yields the results
in the batches' order, with at most a few batches in flight per worker, so memory does not grow
with the corpus and the output does not depend on which worker finished first. The cluster
engine is Dask's distributed scheduler (``pip install diplograph[cluster]``): the same map,
submitted to a scheduler at ``ADDRESS`` whose workers have diplograph installed and the project
folder at the same path (docs/scaling.md).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from diplograph.errors import DiplographError
from diplograph.extract.corpus import Article
from diplograph.ingest.work import Batch, Job, process

Tasks = Sequence[tuple[str, Article]]
Runner = Callable[[Job, Iterable[Tasks]], Iterator[Batch]]
IN_FLIGHT = 2  # batches queued per worker


def in_process(job: Job, batches: Iterable[Tasks]) -> Iterator[Batch]:
    """Every batch in this process, one after the other."""
    for batch in batches:
        yield process(job, batch)


def _ordered(
    submit: Callable[[Tasks], Any], batches: Iterable[Tasks], window: int
) -> Iterator[Any]:
    """Submit batches, keeping at most ``window`` in flight; yield their futures in order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def local(workers: int) -> Runner:
    """``workers`` local processes (started fresh: spawned, not forked from a process holding
    an open store)."""
    if workers == 1:
        return in_process

    def run(job: Job, batches: Iterable[Tasks]) -> Iterator[Batch]:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures: Iterator[Future[Batch]] = _ordered(
                lambda batch: pool.submit(process, job, batch),
                batches,
                workers * IN_FLIGHT,
            )
            for future in futures:
                yield future.result()

    return run


def cluster(address: str) -> Runner:
    """The Dask cluster whose scheduler listens at ``address`` (``tcp://HOST:8786``), connected
    to at once, so that an unreachable scheduler is an error before anything is written."""
    try:
        from distributed import Client
    except ImportError:
        raise DiplographError("--cluster needs Dask: pip install 'diplograph[cluster]'") from None
    try:
        client = Client(address, timeout=10)  # type: ignore[no-untyped-call]
    except OSError as error:
        raise DiplographError(f"{address}: cannot reach the Dask scheduler: {error}") from None

    def run(job: Job, batches: Iterable[Tasks]) -> Iterator[Batch]:
        with client:
            workers = max(1, len(client.scheduler_info()["workers"]))
            futures = _ordered(
                lambda batch: client.submit(process, job, batch, pure=False),
                batches,
                workers * IN_FLIGHT,
            )
            for future in futures:
                result = future.result()
                assert isinstance(result, Batch)
                yield result

    return run
