"""Values the live server derives from its current dataset snapshot (a search index, the
reconciliation registry), built once per snapshot and rebuilt when ``diplograph load`` replaces it.

>>> built = []
>>> def count(store: object) -> int:
...     built.append(store)
...     return len(built)
>>> derived = PerSnapshot(count)
>>> first, second = object(), object()
>>> derived.get(first, first), derived.get(first, first), derived.get(second, second)
(1, 1, 2)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

import pyoxigraph as ox

Store = TypeVar("Store", bound=object)
Value = TypeVar("Value")


class PerSnapshot(Generic[Store, Value]):
    """``build(store)`` for the snapshot at hand, kept until another snapshot is asked for."""

    def __init__(self, build: Callable[[Store], Value]) -> None:
        self.build = build
        self.lock = threading.Lock()
        self.current: tuple[object, Value] | None = None

    def get(self, snapshot: object, store: Store) -> Value:
        """The value for ``snapshot`` (compared by identity), whose dataset is ``store``."""
        with self.lock:
            if self.current is None or self.current[0] is not snapshot:
                self.current = (snapshot, self.build(store))
            return self.current[1]


def live_store(state: object) -> tuple[object, ox.Store]:
    """The snapshot and store of a served application's ``app.state`` (see
    :func:`diplograph.serve.application`): ``state.live.snapshot()``, called off the event loop."""
    snapshot = state.live.snapshot()  # type: ignore[attr-defined]
    store: ox.Store = snapshot.store
    return snapshot, store
