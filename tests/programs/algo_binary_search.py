def bsearch(a, x):
    lo, hi = 0, len(a) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid, steps
        elif a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

def lower_bound(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

arr = [i * i for i in range(100)]
for target in [0, 1, 49, 50, 81, 9801, 10000, -5]:
    print(target, bsearch(arr, target), lower_bound(arr, target))
dups = [1, 2, 2, 2, 3, 5, 5, 8]
print([lower_bound(dups, v) for v in range(10)])
def isqrt(n):
    lo, hi = 0, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo
print([isqrt(v) for v in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100]])
print(isqrt(10 ** 40), isqrt(2 * 10 ** 30), isqrt(2 ** 201))
