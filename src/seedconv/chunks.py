"""Strings joined a batch at a time, so that a long sequence of lines is
never held as one string (memory stays bounded by the batch size)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator


def joined_batches(strings: Iterable[str], limit: int, sep: str = "") -> Iterator[str]:
    """Consecutive ``strings`` joined with ``sep``, a batch each time their
    lengths reach ``limit`` (the last batch may be shorter; none is empty)."""
    batch: list[str] = []
    size = 0
    for s in strings:
        batch.append(s)
        size += len(s)
        if size >= limit:
            yield sep.join(batch)
            batch, size = [], 0
    if batch:
        yield sep.join(batch)
