"""The last few answers of a costly, pure step, by key: an app reviews a contract and then shows it, and would
otherwise read it and cut it into clauses twice (seconds for a long PDF). Thread-safe; the values kept must be
immutable, as the library's Documents and Clauses are.

    >>> recent: Recent[str, int] = Recent(2)
    >>> recent.put("a", 1); recent.get("a"), recent.get("b")
    (1, None)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._kept.get(key)
            if value is not None:
                self._kept.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
