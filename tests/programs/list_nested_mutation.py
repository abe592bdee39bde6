grid = [[0] * 4 for _ in range(3)]
for r in range(3):
    for c in range(4):
        grid[r][c] = r * 10 + c
print(grid)
grid[1].append(99)
grid.append([7])
print(grid, len(grid), [len(r) for r in grid])
col = [row[0] for row in grid]
print(col)
rot = [list(r) for r in zip(*grid[:3])]
print(rot)
shared = [[]] * 3
shared[0].append("x")
print(shared)
copies = [row[:] for row in grid]
copies[0][0] = "changed"
print(grid[0][0], copies[0][0])
stack = []
for i in range(5):
    stack.append(i)
    if i % 2:
        stack.pop(0)
print(stack)
q = [1, 2, 3]
q.extend(q)
print(q)
q[len(q):] = q[:2]
print(q)
m = [[1, 2], [3, 4]]
m[0], m[1] = m[1], m[0]
print(m)
m[0][0], m[1][1] = m[1][1], m[0][0]
print(m)
