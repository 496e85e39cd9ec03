"""The ranked ids of recent queries, kept in this process within a byte budget.

Ranking a broad query scores every match (a tenth of a second at 100 000 summaries), so its
ranked ids are kept for the next page, filter or sort. Anyone can send any number of distinct
queries, so what one query may keep and what all of them keep together are both bounded, and
the least recently used query goes first. The budget is per process (a few tens of MB), not in
the shared cache, where nothing would bound the total.
"""

import threading
from collections import OrderedDict

import numpy as np


class RankedIdsCache:
    def __init__(self, *, max_bytes_per_query: int, max_bytes_total: int):
        self.max_bytes_per_query = max_bytes_per_query
        self.max_bytes_total = max_bytes_total
        self._entries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def total_bytes(self) -> int:
        return self._bytes

    def __len__(self):
        return len(self._entries)

    def get(self, key: str) -> np.ndarray | None:
        with self._lock:
            ids = self._entries.get(key)
            if ids is not None:
                self._entries.move_to_end(key)
            return ids

    def put(self, key: str, ids: np.ndarray) -> bool:
        """Keep `ids` under `key` unless they exceed one query's share; False if not kept."""
        size = ids.nbytes
        if size > self.max_bytes_per_query or size > self.max_bytes_total:
            return False
        ids = ids.copy()
        ids.flags.writeable = False  # shared by every request that reads it
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old.nbytes
            while self._entries and self._bytes + size > self.max_bytes_total:
                _key, evicted = self._entries.popitem(last=False)
                self._bytes -= evicted.nbytes
            self._entries[key] = ids
            self._bytes += size
        return True

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0
