words = ["apple", "banana", "cherry", "avocado", "blueberry"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print({k: v for k, v in enumerate(words) if k % 2 == 0})
print(sorted({len(w) for w in words}))
print({i: {j: i * j for j in range(3)} for i in range(3)})
sq = {n: n * n for n in range(10)}
print({v: k for k, v in sq.items() if v > 20})
print({x for x in range(10) if x % 2} | {x for x in range(10) if x % 3 == 0})
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
print({(a, b): a + b for a in range(2) for b in range(2)})
print(sorted({(x * 7) % 10 for x in range(20)}))
print(len({i % 5: i for i in range(100)}), {i % 5: i for i in range(100)})
