# bisect: searches, insort, lo/hi/key, and errors
import bisect
from bisect import bisect_left, bisect_right, insort, insort_left, insort_right

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 2, 2), bisect_right(a, 2, 0, 3), bisect_left(a, 5, hi=4), bisect_right(a, 2, lo=4))
print(bisect_left(a, 2, 0, -1), bisect_right(a, 2, 0, -5), bisect_left([], 1), bisect_right("abcde", "c"))
print(bisect_right(range(0, 100, 5), 42), bisect_left((1, 3, 5), 3))

scores = [("alice", 55), ("bob", 70), ("carol", 85), ("dave", 90)]
print(bisect_left(scores, 70, key=lambda p: p[1]), bisect_right(scores, 70, key=lambda p: p[1]))


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

lst = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(lst, v)
print(lst)
insort_left(lst, 5)
insort_right(lst, 0)
insort(lst, 10, 0, len(lst))
print(lst)
pairs = []
for name, age in [("x", 30), ("y", 20), ("z", 30), ("w", 10)]:
    insort(pairs, (name, age), key=lambda p: p[1])
print(pairs)
left = []
for name, age in [("x", 30), ("y", 20), ("z", 30), ("w", 10)]:
    insort_left(left, (name, age), key=lambda p: p[1])
print(left)
words = ["apple", "fig", "banana"]
words.sort()
bisect.insort(words, "cherry")
print(words, bisect.bisect is bisect_right, bisect.insort is insort_right)

for f in [
    lambda: bisect_left(a, 1, -1),
    lambda: bisect_right(a, 1, "x"),
    lambda: bisect_right(a, 1, 0, "y"),
    lambda: bisect_right(1, 1),
    lambda: bisect_right([1, 2, 3], 2, hi=10),
    lambda: bisect_right([1, "a"], 1),
    lambda: bisect_right(),
    lambda: bisect_left([1], 1, 0, 1, 2),
    lambda: insort((1, 2), 3),
    lambda: bisect_right([1, 2], 1, key=5),
    lambda: bisect_right([1], 1, x=1),
]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
