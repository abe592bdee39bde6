def stats(nums):
    n = len(nums)
    total = sum(nums)
    return min(nums), max(nums), total, total / n

lo, hi, tot, mean = stats([4, 8, 15, 16, 23, 42])
print(lo, hi, tot, mean)
print(stats([1]), stats(range(1, 101)))
def split_name(full):
    first, *middle, last = full.split()
    return first, middle, last
print(split_name("John Ronald Reuel Tolkien"), split_name("Ada Lovelace"))
def divmods(a, b):
    return a // b, a % b, divmod(a, b) == (a // b, a % b)
print(divmods(17, 5), divmods(-17, 5), divmods(10 ** 20, 7))
def nothing():
    return
def implicit():
    x = 1
print(nothing(), implicit(), nothing() == implicit())
def swap(a, b):
    return b, a
x, y = swap("left", "right")
print(x, y, swap(*swap(1, 2)))
def minmax_rec(xs):
    if len(xs) == 1:
        return xs[0], xs[0]
    lo, hi = minmax_rec(xs[1:])
    return min(lo, xs[0]), max(hi, xs[0])
print(minmax_rec([5, 3, 9, -2, 7]))
result = stats([2, 4])
print(type(result), len(result), result[3])
