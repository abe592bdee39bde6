from collections import defaultdict
import collections

words = "the quick brown fox jumps over the lazy dog the end".split()
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(groups)
print(sorted(groups.items()))
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(counts["the"], counts["missing"], len(counts), dict(counts))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 2
nested["b"]["y"] -= 1
print({k: dict(v) for k, v in nested.items()})
d = defaultdict(None, {"k": 1})
print(d, d.default_factory)
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(5)
except TypeError as e:
    print(e)
c = counts.copy()
print(type(c).__name__, c == counts, c is counts, c.default_factory is int)
print(isinstance(groups, dict), type(groups), collections.defaultdict is defaultdict)
s = defaultdict(set)
s["x"].add(1)
s["x"].add(1)
print(s, "x" in s, "y" in s, s.get("y"), "y" in s)
print(defaultdict(list, a=[1]) | {"b": [2]})
