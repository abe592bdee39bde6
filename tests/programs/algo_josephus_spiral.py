def josephus(n, k):
    people = list(range(1, n + 1))
    order = []
    i = 0
    while people:
        i = (i + k - 1) % len(people)
        order.append(people.pop(i))
    return order

print(josephus(7, 3), josephus(10, 2)[-1], josephus(41, 3)[-2:])
def jrec(n, k):
    return 0 if n == 1 else (jrec(n - 1, k) + k) % n
print([jrec(n, 3) + 1 for n in range(1, 15)])

def spiral(n):
    m = [[0] * n for _ in range(n)]
    r, c, dr, dc = 0, 0, 0, 1
    for v in range(1, n * n + 1):
        m[r][c] = v
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < n) or m[nr][nc]:
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return m
for row in spiral(5):
    print(" ".join(str(v).rjust(2) for v in row))
s = spiral(7)
print(sum(s[i][i] for i in range(7)), sum(s[i][6 - i] for i in range(7)))
def unspiral(m):
    out = []
    while m:
        out += m[0]
        m = [list(r) for r in zip(*m[1:])][::-1]
    return out
print(unspiral(spiral(4)))
