"""The dataset as the pages see it: reopened when its source changes, documents cached with ETags.

Each request first compares the source's version (the names, sizes and times of the store's data
files, or of the ``--data`` files) with the snapshot's; when ``diplograph load`` has changed the
store, a new read-only snapshot replaces the old one, so a removed graph's pages are gone (404) and
new ones appear. Rendered documents are kept per snapshot (least recently used first out, within
a byte budget), so the index over 100k quads is rendered once, not on every request; each has a
strong ``ETag`` (a hash of its bytes) and the snapshot's ``Last-Modified`` for ``304`` answers.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.publish.site import Site
from diplograph.serve.pool import HUNG_UP
from diplograph.serve.worker import Outcome, Query, Source, Version

log = logging.getLogger("diplograph.serve")


@dataclass(frozen=True)
class Cached:
    """A rendered document: its bytes, media type and entity tag."""

    body: bytes
    media_type: str
    etag: str


def entity_tag(body: bytes) -> str:
    """A strong ETag for ``body``.

    >>> entity_tag(b"x")
    '"2d711642b726b04401627ca9fbac32f5"'
    """
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


class Answers:
    """SPARQL answers of one snapshot, by request: a repeated query (a stored query the query
    page runs, say) is answered without a worker; concurrent identical ones share one run."""

    def __init__(self, budget: int = 32_000_000, largest: int = 1_000_000) -> None:
        self.budget = budget
        self.largest = largest
        self.kept: OrderedDict[Query, Outcome] = OrderedDict()
        self.size = 0
        self.running: dict[Query, asyncio.Future[Outcome]] = {}

    async def get(self, query: Query, run: Callable[[], Awaitable[Outcome]]) -> Outcome:
        """The answer to ``query``: kept, being computed, or computed now by ``run``."""
        if query in self.kept:
            self.kept.move_to_end(query)
            return self.kept[query]
        if query in self.running:
            shared = await asyncio.shield(self.running[query])
            return shared if shared.status != HUNG_UP.status else await self.get(query, run)
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self.running[query] = future
        try:
            outcome = await run()
        except BaseException:
            future.set_result(HUNG_UP)  # the waiters run it themselves
            raise
        finally:
            del self.running[query]
        future.set_result(outcome)
        if outcome.status == 200 and len(outcome.body) <= self.largest:
            self.kept[query] = outcome
            self.size += len(outcome.body)
            while self.size > self.budget:
                self.size -= len(self.kept.popitem(last=False)[1].body)
        return outcome


@dataclass
class Snapshot:
    """One read-only view of the dataset, its site and its cache of rendered documents."""

    version: Version
    store: ox.Store
    site: Site
    last_modified: str
    budget: int
    cache: OrderedDict[str, Cached | None] = field(default_factory=OrderedDict)
    size: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    rendering: dict[str, threading.Lock] = field(default_factory=dict)
    answers: Answers = field(default_factory=lambda: Answers())

    def cached(self, key: str, render: Callable[[], tuple[bytes, str] | None]) -> Cached | None:
        """The document under ``key``, rendered by ``render`` once per snapshot (None: none).

        Requests for a document being rendered wait for that rendering (no stampede).
        """
        with self.lock:
            if key in self.cache:
                self.cache.move_to_end(key)
                return self.cache[key]
            rendering = self.rendering.setdefault(key, threading.Lock())
        with rendering:
            with self.lock:
                if key in self.cache:
                    return self.cache[key]
            rendered = render()
        found = None if rendered is None else Cached(*rendered, entity_tag(rendered[0]))
        with self.lock:
            self.rendering.pop(key, None)
            self.cache[key] = found
            self.size += len(found.body) if found else 0
            while self.size > self.budget and len(self.cache) > 1:
                _, dropped = self.cache.popitem(last=False)
                self.size -= len(dropped.body) if dropped else 0
        return found

    def document(self, path: str) -> Cached | None:
        def render() -> tuple[bytes, str] | None:
            document = self.site.document(path)
            return None if document is None else (document.body, document.media_type)

        return self.cached("page:" + path, render)


class Live:
    """The current :class:`Snapshot` of a :class:`Source`, replaced when the source changes."""

    def __init__(
        self,
        source: Source,
        queries: Path | Sequence[Path],
        assets: Path,
        cache_bytes: int = 64_000_000,
    ) -> None:
        self.source = source
        self.queries = queries
        self.assets = assets
        self.cache_bytes = cache_bytes
        self.lock = threading.Lock()
        self.current = self._open()

    def _open(self) -> Snapshot:
        version = self.source.version()
        store = self.source.open()
        newest = max((mtime for _, _, mtime in version), default=time.time_ns())
        return Snapshot(
            version,
            store,
            Site(store, self.queries, self.assets),
            formatdate(newest / 1e9, usegmt=True),
            self.cache_bytes,
        )

    def snapshot(self, stale: Snapshot | None = None) -> Snapshot:
        """The snapshot of the source as it is now (blocking: call it off the event loop);
        reopened also when ``stale`` is the current one (a read of it failed: a store opened
        read-only while ``load`` writes can lose files it still reads)."""
        with self.lock:
            if self.current is stale or self.source.version() != self.current.version:
                try:
                    self.current = self._open()
                except DiplographError as error:  # caught mid-write: keep the last snapshot
                    log.warning("keeping the previous snapshot: %s", error)
            return self.current
