"""`and`/`or`/`not` in if/elif/while conditions compile to chains of conditional jumps:
every combination of truth values (and __bool__ calls, in order) as CPython."""
def f(a, b, c):
    r = []
    if a and b: r.append(1)
    if a or b: r.append(2)
    if not (a and b): r.append(3)
    if not (a or b): r.append(4)
    if a and b and c: r.append(5)
    if a or b or c: r.append(6)
    if (a or b) and c: r.append(7)
    if a and (b or c): r.append(8)
    if not a or not b and c: r.append(9)
    if (a and b) or (not c and a): r.append(10)
    elif b and not c: r.append(11)
    elif c or a: r.append(12)
    else: r.append(13)
    n = 0
    while n < 5 and (a or n < 3):
        n += 1
    r.append(n)
    while not (n == 0 or (b and n == 2)):
        n -= 1
    r.append(n)
    return r
class T:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool", self.v); return self.v
vals = [0, 1, "", "x", None, [], [0]]
for a in vals:
    for b in vals:
        for c in vals:
            print(a, b, c, f(a, b, c))
print(f(T(True), T(False), T(True)))
print(f(T(False), T(True), T(False)))
