def solve(n):
    count = 0
    cols = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)
    first = []
    board = []
    def place(r):
        nonlocal count
        if r == n:
            count += 1
            if not first:
                first.append(board[:])
            return
        for c in range(n):
            if not cols[c] and not d1[r + c] and not d2[r - c + n]:
                cols[c] = d1[r + c] = d2[r - c + n] = True
                board.append(c)
                place(r + 1)
                board.pop()
                cols[c] = d1[r + c] = d2[r - c + n] = False
    place(0)
    return count, first[0] if first else None

for n in range(1, 9):
    print(n, solve(n))
cnt, sol = solve(6)
for c in sol:
    print("".join("Q" if i == c else "." for i in range(6)))
