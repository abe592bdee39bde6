def step(cells, h, w):
    new = [[0] * w for _ in range(h)]
    for r in range(h):
        for c in range(w):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr or dc:
                        n += cells[(r + dr) % h][(c + dc) % w]
            new[r][c] = 1 if n == 3 or (n == 2 and cells[r][c]) else 0
    return new

H, W = 8, 10
board = [[0] * W for _ in range(H)]
for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2), (5, 6), (5, 7), (5, 8)]:
    board[r][c] = 1
for gen in range(5):
    print("gen", gen, "alive", sum(map(sum, board)))
    for row in board:
        print("".join("#" if v else "." for v in row))
    board = step(board, H, W)
for _ in range(3):
    board = step(board, H, W)
print("after 8:", sum(sum(r) for r in board), [r.index(1) if 1 in r else -1 for r in board])
