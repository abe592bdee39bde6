"""Heap queues (pyrun).

The heap primitives are native (module _heapq); merge, nlargest and nsmallest are built on
them here. Their results, including the order of equal items, are CPython's: nsmallest(n,
it, key) equals sorted(it, key=key)[:n], nlargest the reverse, and merge keeps equal items
in the order of their inputs.
"""

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    _heapify_max, _heappop_max, _heapreplace_max)

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into a single sorted output (lazily)."""
    if reverse:
        build, drop_top, replace_top, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        build, drop_top, replace_top, sign = heapify, heappop, heapreplace, 1
    # An entry is [sort key, input position, value, iterator]; positions are unique, so
    # equal keys are ordered by input and the value itself is never compared.
    heap = []
    for position, iterable in enumerate(iterables):
        source = iter(iterable)
        for value in source:
            heap.append([value if key is None else key(value), position * sign, value, source])
            break
    build(heap)
    while len(heap) > 1:
        entry = heap[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace_top(heap, entry)
            break
        else:
            drop_top(heap)
    if heap:
        # One input left: pass the rest of it through untouched.
        entry = heap[0]
        yield entry[2]
        yield from entry[3]


def _known_size(iterable):
    try:
        return len(iterable)
    except (TypeError, AttributeError):
        return None


def nsmallest(n, iterable, key=None):
    """The n smallest items: sorted(iterable, key=key)[:n]."""
    if n == 1:
        missing = object()
        best = min(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    size = _known_size(iterable)
    if size is not None and n >= size:
        return sorted(iterable, key=key)[:n]
    source = iter(iterable)
    # A max-heap of the n best so far; the counter keeps equal items in input order.
    if key is None:
        heap = [(value, i) for i, value in zip(range(n), source)]
        if not heap:
            return heap
        _heapify_max(heap)
        worst = heap[0][0]
        counter = n
        for value in source:
            if value < worst:
                _heapreplace_max(heap, (value, counter))
                worst = heap[0][0]
                counter += 1
        heap.sort()
        return [entry[0] for entry in heap]
    heap = [(key(value), i, value) for i, value in zip(range(n), source)]
    if not heap:
        return heap
    _heapify_max(heap)
    worst = heap[0][0]
    counter = n
    for value in source:
        k = key(value)
        if k < worst:
            _heapreplace_max(heap, (k, counter, value))
            worst = heap[0][0]
            counter += 1
    heap.sort()
    return [entry[2] for entry in heap]


def nlargest(n, iterable, key=None):
    """The n largest items: sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        missing = object()
        best = max(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    size = _known_size(iterable)
    if size is not None and n >= size:
        return sorted(iterable, key=key, reverse=True)[:n]
    source = iter(iterable)
    # A min-heap of the n best so far; the decreasing counter keeps equal items in input
    # order after the final reverse sort.
    if key is None:
        heap = [(value, i) for i, value in zip(range(0, -n, -1), source)]
        if not heap:
            return heap
        heapify(heap)
        worst = heap[0][0]
        counter = -n
        for value in source:
            if worst < value:
                heapreplace(heap, (value, counter))
                worst = heap[0][0]
                counter -= 1
        heap.sort(reverse=True)
        return [entry[0] for entry in heap]
    heap = [(key(value), i, value) for i, value in zip(range(0, -n, -1), source)]
    if not heap:
        return heap
    heapify(heap)
    worst = heap[0][0]
    counter = -n
    for value in source:
        k = key(value)
        if worst < k:
            heapreplace(heap, (k, counter, value))
            worst = heap[0][0]
            counter -= 1
    heap.sort(reverse=True)
    return [entry[2] for entry in heap]
