for x in range(-2, 8, 3):
    print(x, 0 <= x < 5, x < 0 or x > 4, -1 < x <= 4 != x, 0 < x < 10 < 100)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4 < 5, 5 > 4 > 3 >= 3 > 2)
print(1 == 1 == 1.0, 1 == 1 != 2, 2 != 3 != 2)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) < v(5) > v(2) == v(2), calls)
print("a" < "b" < "c", "abc" < "abd" <= "abd", [1] < [2] < [3])
print((1, 2) < (1, 3) < (2,), 0 < 0.5 < 1 < 1.5)
a, b, c = 3, 3, 4
print(a == b < c, a < b == c, a <= b <= c, not a < b < c)
print(1 < 2 == True, (1 < 2) == True, (2 > 1) is not None)
