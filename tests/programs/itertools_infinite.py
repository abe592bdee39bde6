# count, cycle, repeat, chain, islice, accumulate and friends
import itertools
from itertools import count, cycle, repeat, chain, islice, accumulate

print(list(islice(count(), 5)))
print(list(islice(count(5, 2), 4)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(count(10, -3), 4)), list(islice(count(2**47 - 2), 4)))
c = count(5)
print(c, next(c), c)
print(count(1, 2), count(2.5), count(1, 1.0), count(step=3), count(True))
print(repeat(1, 3), repeat("a"), repeat(None, -4))
r = repeat("x", 2)
print(next(r), r, next(r), r, list(r))
print(list(islice(cycle("abc"), 7)), list(cycle([])))
print(list(repeat(7, 3)), list(repeat(1, -2)), list(map(pow, range(5), repeat(2))))
print(list(chain([1, 2], (3,), "ab")), list(chain()), list(chain([], [], [0])))
print(list(chain.from_iterable([[1], [2, 3], "xy"])))
print(list(chain.from_iterable(map(range, range(4)))))

data = "abcdefg"
print(list(islice(data, 2)), list(islice(data, 2, 4)), list(islice(data, 2, None)))
print(list(islice(data, 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice(data, None)))
print(list(islice(data, 10, 20)), list(islice(data, 3, 1)), list(islice([], 0, 5)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 2)), next(it))

print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)), list(accumulate([5, 2, 8], func=min)))
print(list(accumulate([1, 2], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate("abc")), list(accumulate([[1], [2]])), list(accumulate([1, 2, 3], initial=None)))

# Infinite iterators stop through zip / islice / break.
for i, ch in zip(count(1), "xyz"):
    print(i, ch, end="; ")
print()
total = 0
for n in count(1):
    total += n
    if n == 100:
        break
print(total)
evens = (x for x in count() if x % 2 == 0)
print(list(islice(evens, 5)))
cyc = cycle(range(3))
print([next(cyc) for _ in range(8)])
print(type(count()), type(cycle("a")).__name__, itertools.repeat.__name__, count.__module__)
ic = iter(count(3))
print(ic.__next__(), next(ic), ic is iter(ic))
print(sum(islice(count(1), 1000)), max(islice(cycle([3, 9, 2]), 10)))
