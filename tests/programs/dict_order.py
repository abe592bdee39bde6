d = {}
d["zebra"] = 1
d["apple"] = 2
d["mango"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d["apple"] = 20
print(d)
del d["zebra"]
d["zebra"] = 100
print(d)
d2 = {3: "c", 1: "a", 2: "b"}
print(d2, sorted(d2), [k for k in d2])
d3 = dict(b=2, a=1, c=3)
print(d3)
d3.update({"a": 10, "z": 26})
print(d3)
d3.update([("q", 1), ("b", 0)])
d3.update(k=5)
print(d3)
print(d3.pop("c"), d3)
e = {1: "one", True: "true", 1.0: "float"}
print(e)
print({0: "a", False: "b"}, {2: "x", 2.0: "y"})
f = {}
for w in "one two three two one four".split():
    f[w] = f.get(w, 0) + 1
print(f)
print(list(reversed(list(f.items()))))
g = {i: i * i for i in range(6)}
print(g)
for k in list(g):
    if k % 2:
        del g[k]
print(g)
