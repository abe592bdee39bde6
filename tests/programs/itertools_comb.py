# product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("ab", range(2))))
print(list(product([1, 2], repeat=2)))
print(list(product("ab", "cd", repeat=2))[:6])
print(list(product()), list(product([], [1])), list(product([1], repeat=0)))
print(len(list(product(range(3), range(4), range(5)))))
print(list(permutations("abc", 2)))
print(list(permutations(range(3))))
print(list(permutations([1], 2)), list(permutations([], 0)), list(permutations("ab", 0)))
print(list(permutations("abcd", r=None))[:8], len(list(permutations(range(6)))))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations([1], 2)), list(combinations([], 0)), list(combinations("abc", 0)))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement(range(3), 3)))
print(list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2)))
print(sum(1 for _ in combinations(range(12), 5)), sum(1 for _ in permutations(range(7), 3)))
# The pools are materialised once: generators work, and later changes are not seen.
src = [1, 2, 3]
p = permutations(src)
src.append(4)
print(list(p))
print(list(combinations((x * x for x in range(4)), 2)))
# Typical uses.
coins = [1, 2, 5]
print(sorted({sum(c) for c in combinations_with_replacement(coins, 3)}))
words = ["".join(p) for p in permutations("tea")]
print(words)
grid = [(x, y) for x, y in product(range(3), repeat=2) if x != y]
print(grid)
best = max(combinations([4, -1, 7, 3, -5], 3), key=lambda t: t[0] * t[1] * t[2])
print(best)
for a, b in combinations("wxyz", 2):
    print(a + b, end=" ")
print()
print(list(product(*[[0, 1]] * 3)))
