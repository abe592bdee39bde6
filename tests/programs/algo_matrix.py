def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def transpose(a):
    return [list(row) for row in zip(*a)]

def matpow(a, e):
    r = identity(len(a))
    while e:
        if e % 2:
            r = matmul(r, a)
        a = matmul(a, a)
        e //= 2
    return r

A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B))
print(matmul(B, A))
print(transpose(A), transpose(B))
print(matpow([[1, 1], [1, 0]], 50))
print(matpow([[2, 0], [0, 3]], 40))
M = [[(i * 3 + j) % 7 - 3 for j in range(4)] for i in range(4)]
for row in M:
    print(row)
M2 = matmul(M, M)
for row in M2:
    print(row)
print(matmul(M, identity(4)) == M)
F = [[0.5, 1.5], [2.0, -1.0]]
print(matmul(F, F), matmul(F, [[2.0], [4.0]]))
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * det(minor)
    return total
print(det(M), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det(identity(5)))
