"""The SPARQL endpoint's pool of query workers, with a bounded queue.

A query waits for an idle worker; when ``queue`` queries already wait, it is refused at once
(``503`` with ``Retry-After``). A query that passes the time limit, whose client hangs up, or whose
worker dies (past its memory limit) costs that worker: it is killed and a fresh one is started in
the background while the others go on answering. Waiting never blocks the event loop: the
worker's pipe is watched with ``loop.add_reader``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from diplograph.errors import DiplographError
from diplograph.serve.worker import Limits, Outcome, Query, Source, Worker

log = logging.getLogger("diplograph.serve")


@dataclass(frozen=True)
class PoolSettings:
    """How many workers, how many waiting queries, and each query's limits."""

    source: Source
    limits: Limits
    timeout: float = 10.0
    workers: int = 2
    queue: int = 64
    retry_after: int = 2


HUNG_UP = Outcome.text(499, "the client closed the connection")  # nginx's code; never sent


class Busy(Exception):
    """Raised by :meth:`Pool.run` when the queue of waiting queries is full."""


async def _readable(worker: Worker, timeout: float | None = None) -> bool:
    """Wait (on the event loop, no thread) until the worker's pipe has data or ``timeout`` ends."""
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[bool] = loop.create_future()
    fd = worker.connection.fileno()

    def wake() -> None:
        if not ready.done():
            ready.set_result(True)

    loop.add_reader(fd, wake)
    try:
        return await asyncio.wait_for(ready, timeout)
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)


class Pool:
    """Query workers; :meth:`run` answers one query with the first idle one."""

    def __init__(self, settings: PoolSettings) -> None:
        self.settings = settings
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.waiting = 0
        self.respawns: set[asyncio.Task[None]] = set()
        self.all: set[Worker] = set()

    async def _spawn(self) -> Worker:
        worker = Worker(self.settings.source, self.settings.limits)
        self.all.add(worker)
        if not await _readable(worker, 120) or worker.connection.recv() != "ready":
            self._end(worker)
            raise DiplographError(
                f"the query worker did not start (exit code {worker.process.exitcode})"
            )
        return worker

    def _end(self, worker: Worker) -> None:
        self.all.discard(worker)
        worker.stop()

    async def start(self) -> None:
        """Start every worker; raise :class:`DiplographError` when one cannot start."""
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.settings.workers)))
        for worker in workers:
            self.idle.put_nowait(worker)

    async def stop(self) -> None:
        for task in self.respawns:
            task.cancel()
        for worker in list(self.all):
            self._end(worker)

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker``; start a fresh one in the background."""
        self._end(worker)

        async def respawn() -> None:
            try:
                self.idle.put_nowait(await self._spawn())
            except DiplographError as error:
                log.error("%s", error)

        task = asyncio.get_running_loop().create_task(respawn())
        self.respawns.add(task)
        task.add_done_callback(self.respawns.discard)

    async def run(
        self,
        query: Query,
        hang_up: Awaitable[None],
        spent: Callable[[float], None] = lambda seconds: None,
    ) -> Outcome:
        """Answer ``query``; stop (and kill its worker) when ``hang_up`` completes first.

        Raises :class:`Busy` when the queue is full; a hung-up client gets :data:`HUNG_UP`
        (one that hangs up while it waits for a worker costs no worker). ``spent`` is told the
        seconds the query held a worker (waiting in the queue is not counted).
        """
        if self.waiting >= self.settings.queue and self.idle.empty():
            raise Busy
        gone = asyncio.ensure_future(hang_up)
        try:
            worker = await self._idle_worker(gone)
            if worker is None:
                return HUNG_UP
            started = time.monotonic()
            try:
                return await self._answer(worker, query, gone)
            finally:
                spent(time.monotonic() - started)
        finally:
            gone.cancel()

    async def _idle_worker(self, gone: asyncio.Future[None]) -> Worker | None:
        """The next idle worker, or None when the client hangs up first. A query that arrives
        while a worker is idle and none waits takes it at once: it never counts as waiting."""
        if self.waiting == 0 and not self.idle.empty():
            return self.idle.get_nowait()
        self.waiting += 1
        idle = asyncio.ensure_future(self.idle.get())
        try:
            waited: set[asyncio.Future[Any]] = {idle, gone}
            await asyncio.wait(waited, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self.waiting -= 1
        if not idle.done():
            idle.cancel()
            return None
        worker = idle.result()
        if gone.done():
            self.idle.put_nowait(worker)
            return None
        return worker

    async def _answer(self, worker: Worker, query: Query, gone: asyncio.Future[None]) -> Outcome:
        try:
            worker.connection.send(query)
        except (OSError, ValueError):
            self._replace(worker)
            return Outcome.text(503, "the query worker failed; try again")
        answer = asyncio.ensure_future(_readable(worker, self.settings.timeout))
        waited: set[asyncio.Future[Any]] = {answer, gone}
        done, _ = await asyncio.wait(waited, return_when=asyncio.FIRST_COMPLETED)
        if answer not in done:
            answer.cancel()
            with suppress(asyncio.CancelledError):
                await answer  # its reader is removed before the pipe's descriptor is closed
            self._replace(worker)
            return HUNG_UP
        if not answer.result():
            self._replace(worker)
            limit = self.settings.timeout
            return Outcome.text(503, f"the query ran longer than the time limit of {limit:g} s")
        try:
            outcome: Outcome = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(2)
            code = worker.process.exitcode
            self._replace(worker)
            if code is not None and code < 0:  # killed by a signal: SIGABRT, SIGSEGV
                return self.settings.limits.over_memory()
            return Outcome.text(503, "the query worker failed; try again")
        self.idle.put_nowait(worker)
        return outcome
