def perms(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in perms(rest):
            out.append([items[i]] + p)
    return out

print(perms([1, 2, 3]))
print(len(perms(list(range(6)))))
print(["".join(p) for p in perms(list("abc"))])

def combos(items, k):
    if k == 0:
        return [[]]
    if len(items) < k:
        return []
    head, tail = items[0], items[1:]
    return [[head] + c for c in combos(tail, k - 1)] + combos(tail, k)

print(combos([1, 2, 3, 4], 2))
print(len(combos(list(range(10)), 4)))
def subsets(items):
    result = [[]]
    for x in items:
        result = result + [s + [x] for s in result]
    return result
print(subsets([1, 2, 3]))
print(sum(1 for s in subsets(list(range(10))) if sum(s) == 15))
def next_perm(a):
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = a[i + 1:][::-1]
    return True
a = [1, 2, 2, 3]
seen = [a[:]]
while next_perm(a):
    seen.append(a[:])
print(len(seen), seen[:4], seen[-1])
