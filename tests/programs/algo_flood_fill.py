grid_txt = """..........
.###..###.
.#.#..#.#.
.###..###.
..........
####.#####
#..#.#...#
####.#####"""
grid = [list(row) for row in grid_txt.split("\n")]
H, W = len(grid), len(grid[0])

def fill(g, r, c, new):
    old = g[r][c]
    if old == new:
        return 0
    stack = [(r, c)]
    n = 0
    while stack:
        y, x = stack.pop()
        if 0 <= y < H and 0 <= x < W and g[y][x] == old:
            g[y][x] = new
            n += 1
            stack.extend([(y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)])
    return n

print(fill(grid, 0, 0, "~"))
for row in grid:
    print("".join(row))
regions = 0
sizes = []
for r in range(H):
    for c in range(W):
        if grid[r][c] == ".":
            regions += 1
            sizes.append(fill(grid, r, c, str(regions)))
print(regions, sizes)
for row in grid:
    print("".join(row))
def count_islands(g):
    seen = [[False] * W for _ in range(H)]
    def dfs(y, x):
        if y < 0 or y >= H or x < 0 or x >= W or seen[y][x] or g[y][x] != "#":
            return 0
        seen[y][x] = True
        return 1 + dfs(y + 1, x) + dfs(y - 1, x) + dfs(y, x + 1) + dfs(y, x - 1)
    return sorted(dfs(y, x) for y in range(H) for x in range(W) if g[y][x] == "#" and not seen[y][x])
print(count_islands(grid))
