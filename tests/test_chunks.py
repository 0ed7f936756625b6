"""chunks.joined_batches: every string once, in order, batches of bounded size."""
from __future__ import annotations

from seedconv.chunks import joined_batches


def test_batches_keep_every_string_in_order():
    strings = [f"line {k}" for k in range(100)]
    out = list(joined_batches(strings, 30, "\n"))
    assert "\n".join(out) == "\n".join(strings)
    assert all(len(b) < 30 + len("line 99") + 4 for b in out) and len(out) > 1


def test_no_empty_batch():
    assert list(joined_batches([], 10)) == []
    assert list(joined_batches(["abcdefghij"], 10)) == ["abcdefghij"]
