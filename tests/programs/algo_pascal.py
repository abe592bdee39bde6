def pascal(n):
    rows = [[1]]
    for i in range(1, n):
        prev = rows[-1]
        rows.append([1] + [prev[j] + prev[j + 1] for j in range(len(prev) - 1)] + [1])
    return rows

tri = pascal(12)
width = len(" ".join(str(v) for v in tri[-1]))
for row in tri:
    print(" ".join(str(v) for v in row).center(width))
big = pascal(101)[-1]
print(big[50], sum(big) == 2 ** 100, len(big))
print([sum(r) for r in tri])
print([r[2] for r in tri[2:]])
odd_rows = ["".join("*" if v % 2 else " " for v in r) for r in pascal(16)]
for line in odd_rows:
    print(line.rstrip())
