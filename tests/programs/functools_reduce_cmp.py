# functools.reduce and functools.cmp_to_key
from functools import reduce, cmp_to_key
import functools

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(lambda a, b: a + b, [], 0), reduce(lambda a, b: a + b, [5]), reduce(max, [3, 9, 2]))
print(reduce(lambda acc, c: c + acc, "abc", ""), reduce(lambda a, b: a + [b], range(3), []))
print(functools.reduce(lambda x, y: x * 10 + y, (x for x in [1, 2, 3])))


def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return -1 if a < b else (1 if a > b else 0)


words = ["pear", "fig", "apple", "kiwi", "date", "banana"]
print(sorted(words, key=cmp_to_key(by_len_then_alpha)))
print(sorted(words, key=cmp_to_key(by_len_then_alpha), reverse=True))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(max([3, 1, 2], key=cmp_to_key(lambda a, b: a - b)), min("zxy", key=cmp_to_key(lambda a, b: (a > b) - (a < b))))
K = cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) <= K(2), K(3) > K(2), K(1) >= K(2), K(2) == K(2), K(2) != K(2))
print(type(K), type(K(1)))
nums = [5, 3.5, 1, 4]
nums.sort(key=cmp_to_key(lambda a, b: -1 if a < b else 1))
print(nums)
