a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, 2 * b, [] * 5, [0] * 4, a * 0)
print(len(a), 2 in a, 7 in a, 7 not in a, [1, 2] in [[1, 2], 3])
print(a == [1, 2, 3], a != b, a < b, [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
a += [10]
print(a)
a *= 2
print(a)
a[0] = 99
a[-1] += 100
a[1] *= 5
print(a)
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
nested[2][0] += 7
print(nested)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
x = [1, [2, [3, [4]]]]
print(x[1][1][1][0], x[-1][-1])
print(list(), list("hi"), list(range(3)), list((1, 2)), list({3: 'a', 1: 'b'}))
print(max([4, 8, 2]), min([4, 8, 2]), sum([4, 8, 2]), sorted([4, 8, 2]))
y = [5, 3, 1]
z = y
z.append(0)
print(y, y is z, y == [5, 3, 1, 0])
print(str([1, "a", None, True, 2.5, [], ()]), repr([[]]))
print([1, 2, 3][-1], [1, 2, 3][0:-1], [][:], [None] * 2)
empty = []
print(bool(empty), bool([0]), not [], len([[], []]))
m = [i * 2 for i in range(5)]
m[2:4] = []
print(m, m.count(0))
