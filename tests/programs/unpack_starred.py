a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = [1, 2, 3, 4]
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
first, *_, last = "hello"
print(first, last, _)
(a, b), c = (1, 2), 3
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
a, (b, *c), d = [1, [2, 3, 4], 5]
print(a, b, c, d)
x, y = y, x = 1, 2
print(x, y)
x, y = 10, 20
x, y = y, x
print(x, y)
x, y, z = "abc"
print(x, y, z)
k, v = ("key", "val")
print(k, v)
for i, (p, *q) in enumerate([(1, 2, 3), (4,), (5, 6)]):
    print(i, p, q)
print([*range(3), *"ab", *[9]])
print((*[1, 2], 3), [*{5: 0}])
lst = [0, 0, 0]
lst[0], lst[2] = 7, 9
print(lst)
i = 0
i, lst[i] = 1, 5
print(i, lst)
a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
head, *tail = [42]
print(head, tail)
