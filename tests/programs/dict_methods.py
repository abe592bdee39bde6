d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print("a" in d, "z" in d, "z" not in d, 1 in d, len(d))
print(d.keys(), d.values(), d.items())
print(d.pop("a"), d.pop("zz", "default"), d)
print(d.setdefault("b", 100), d.setdefault("new", 42), d.setdefault("none"), d)
c = d.copy()
c["b"] = -2
print(d, c, c == d, c is d)
c.clear()
print(c, len(c), bool(c), bool(d))
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
e = {"x": [1, 2]}
f = e.copy()
f["x"].append(3)
print(e, f)
print(list(d.items())[0], sorted(d.keys()), sum(d2 for d2 in [1, 2]))
print({1: 2} == {1: 2}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
d["b"] += 10
d["new"] *= 2
print(d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
for k, v in d.items():
    print(k, "->", v)
print(max(counts, key=counts.get), min(counts.values()))
