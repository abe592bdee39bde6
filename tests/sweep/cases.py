"""The builtin sweep's calls, shared by record.py (CPython) and the test (pyrun).

Every callable named in expected.txt is called with each argument pattern below: no
arguments, one argument of each of several wrong types, two, three and six arguments, and
an unknown keyword. The outcome is "ok" or the exception class name.
"""
import builtins, math, itertools, functools, operator, bisect, heapq, time, collections, copy


class W:
    pass


WRONG = [W(), None, 1.5, "s", (), 10**30]
PATTERNS = (
    [((), {})]
    + [((w,), {}) for w in WRONG]
    + [((WRONG[0], WRONG[2]), {}), (("s", "s", "s"), {}), ((None,) * 6, {}),
       ((), {"zz": 1}), (("s",), {"zz": 1})]
)
MODULES = {m.__name__: m for m in
           [math, itertools, functools, operator, bisect, heapq, time, collections, copy]}
SAMPLES = {
    "int": 7, "float": 2.5, "complex": 1j, "str": "abc", "bytes": b"ab",
    "bytearray": bytearray(b"ab"), "list": [3, 1], "tuple": (1, 2), "dict": {1: 2},
    "set": {1}, "frozenset": frozenset({1}), "range": range(3), "bool": True,
    "slice": slice(1, 2),
}


def resolve(label):
    """`len`, `str.upper` (through the type), `str().upper` (bound), `math.floor`."""
    if label.count(".") == 0:
        return getattr(builtins, label)
    head, name = label.rsplit(".", 1)
    if head in MODULES:
        return getattr(MODULES[head], name)
    if head.endswith("()"):
        sample = SAMPLES[head[:-2]]
        if isinstance(sample, (list, dict, set, bytearray)):
            sample = type(sample)(sample)  # a fresh copy: methods may mutate it
        return getattr(sample, name)
    return getattr(getattr(builtins, head), name)


def outcome(f, args, kw):
    try:
        f(*args, **kw)
        return "ok"
    except Exception as e:
        return type(e).__name__


def line(label):
    try:
        f = resolve(label)
    except AttributeError:
        return f"{label} missing"
    return label + " " + " ".join(outcome(f, a, k) for a, k in PATTERNS)
