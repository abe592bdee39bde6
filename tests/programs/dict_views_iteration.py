d = {"one": 1, "two": 2, "three": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it, len(k), len(v), len(it))
d["four"] = 4
print(list(k), list(v), list(it))
print("two" in k, 3 in v, ("one", 1) in it, ("one", 2) in it, 5 in v)
for key in d:
    print(key, d[key])
for key, val in d.items():
    d[key] = val * 10
print(d)
print(sorted(d.values(), reverse=True), sum(d.values()), max(d.keys()))
print(list(zip(d.keys(), d.values())) == list(d.items()))
print(list(reversed(list(d))), [key.upper() for key in d if len(key) > 3])
del d["two"]
print(list(k), list(v))
nested = {"a": {"x": 1, "y": 2}, "b": {"z": 3}}
for outer_k, inner in nested.items():
    for inner_k, val in inner.items():
        print(outer_k, inner_k, val)
print(sum(len(inner) for inner in nested.values()))
print(dict(sorted({"b": 1, "a": 2, "c": 0}.items())), dict(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1])))
e = {}
print(list(e.keys()), list(e.items()), len(e.values()))
