# heapq: exact heap layouts, pops, nlargest/nsmallest, merge, and errors
import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge

seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


data = [rand(100) for _ in range(25)]
h = []
for x in data:
    heappush(h, x)
print(h)
h2 = list(data)
heapify(h2)
print(h2)
print([heappop(h) for _ in range(10)], h)
print(heapreplace(h, 50), h)
print(heappushpop(h, 1), heappushpop(h, 99), h)
print(heappushpop([], 7), sorted(data) == [heappop(h2) for _ in range(len(h2))])
big = [rand(1000) for _ in range(3000)]
hb = list(big)
heapify(hb)
print(hb[:20], hb[-5:])
print([heappop(hb) for _ in range(5)])

tasks = []
for pri, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship")]:
    heappush(tasks, (pri, name))
print(tasks)
while tasks:
    print(heappop(tasks), end=" ")
print()

print(nlargest(3, data), nsmallest(3, data), nlargest(1, data), nsmallest(1, []), nlargest(0, data))
print(nlargest(30, data) == sorted(data, reverse=True), nsmallest(4, iter(data)), nlargest(4, iter(data)))
people = [("ann", 31), ("bo", 25), ("cy", 31), ("di", 19), ("ed", 25), ("fay", 40)]
print(nlargest(3, people, key=lambda p: p[1]), nsmallest(3, people, key=lambda p: p[1]))
print(nlargest(2, iter(people), key=lambda p: p[1]), nsmallest(2, iter(people), key=lambda p: p[1]))
print(nsmallest(2, [3, 1, 2], key=lambda v: -v), nlargest(-1, [1, 2]), nsmallest(5, "hello"))

print(list(merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(merge()), list(merge([], [1])))
print(list(merge([1, 3, 5], (2, 4), iter([0, 6]))))
print(list(merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(merge([9, 5, 1], [8, 3], reverse=True)))
print(list(merge([(1, "a"), (2, "a")], [(1, "b"), (2, "b")], key=lambda t: t[0])))
print(list(merge("ace", "bdf")), type(merge([1])).__name__)
m = merge([1, 2], [1.0, 2.0])
print(next(m), next(m), list(m))

for f in [
    lambda: heappop([]),
    lambda: heapreplace([], 1),
    lambda: heappush((), 1),
    lambda: heappop(5),
    lambda: heapify("abc"),
    lambda: heappush([1], "a"),
    lambda: heapify([3, "a", 1]),
    lambda: heappush([]),
    lambda: heapify([], 1),
    lambda: nlargest(2),
    lambda: nsmallest(2.5, [1, 2, 3]),
    lambda: list(merge([1], ["a"])),
    lambda: list(merge(1, 2)),
]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
